"""Files in and out: the careerdesk interchange file, and (later) other formats."""
