"""careerdesk: a private, offline career journal and planner."""

__version__ = "0.1.0"
APP_NAME = "careerdesk"
