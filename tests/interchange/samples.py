"""Small exports written by hand after each tool's real format, awkward parts included.

Kept as Python text so that the bytes that matter (a byte-order mark, CRLF line ends,
a folded line's leading space) are spelled out rather than left to an editor.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

# jrnl 4.x, `jrnl --format json`: tags keep their symbol, "time" is local, no ids.
JRNL = {
    "tags": {"@work": 2, "@mentoring": 1},
    "entries": [
        {
            "title": "Shipped the billing migration.",
            "body": "Cut-over went clean; 0 failed invoices.\nThanks to @ana for the dry run.",
            "date": "2026-03-04",
            "time": "18:42",
            "tags": ["@work"],
            "starred": True,
        },
        {
            "title": "Coffee with Ana.",
            "body": "",
            "date": "2026-03-05",
            "time": "09:10",
            "tags": ["@work", "@mentoring"],
            "starred": False,
        },
        {
            "title": "Coffee with Ana.",
            "body": "Second coffee the same minute: a different entry.",
            "date": "2026-03-05",
            "time": "09:10",
            "tags": [],
            "starred": False,
        },
    ],
}

# Day One (JSON export, zip): UTC creationDate plus the zone the entry was written in,
# a "# " heading as the first line, backslash-escaped punctuation, a photo moment.
DAYONE_JOURNAL = {
    "metadata": {"version": "1.0"},
    "entries": [
        {
            "uuid": "81F0F3CA693F484792F76359E9E2ACE8",
            "creationDate": "2026-04-01T05:30:00Z",
            "modifiedDate": "2026-04-01T05:45:10Z",
            "timeZone": "America/Los_Angeles",
            "starred": True,
            "tags": ["work", "wins"],
            "text": "# Quarterly review went well\\!\n\n![](dayone-moment://68D729369ED84A8B91B5D348E4592EFE)\n\n"
                    "Maya said the dashboard \\(v2\\) saved her team 5 hours a week\\.\n"
                    "\\- not a list, a dash\n1\\. not a list either",
            "photos": [{"identifier": "68D729369ED84A8B91B5D348E4592EFE", "md5": "9f2c", "type": "jpeg"}],
            "location": {"localityName": "Portland", "country": "United States"},
        },
        {
            "uuid": "0C1D2E3F40516273849506A7B8C9DAEB",
            "creationDate": "2026-04-02T22:15:00Z",
            "timeZone": "Europe/Berlin",
            "starred": False,
            "text": "Short one-line entry about the offsite",
        },
    ],
}
DAYONE_SECOND_JOURNAL = {
    "metadata": {"version": "1.0"},
    "entries": [
        {
            "uuid": "F00DF00DF00DF00DF00DF00DF00DF00D",
            "creationDate": "2026-05-10T12:00:00Z",
            "text": "Side projects\nTried the new charting library.",
            "tags": [],
        }
    ],
}


def write_dayone_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Journal.json", json.dumps(DAYONE_JOURNAL, indent=2))
        archive.writestr("Side Projects.json", json.dumps(DAYONE_SECOND_JOURNAL, indent=2))
        archive.writestr("photos/9f2c.jpeg", b"\xff\xd8\xff\xe0 not really a photo")
    return path


BOM = "\ufeff"

# LinkedIn: files start with a byte-order mark; descriptions are quoted and may hold
# commas and line breaks; an empty Finished On means "current"; dates are "Mar 2020".
POSITIONS = BOM + (
    "Company Name,Title,Description,Location,Started On,Finished On\r\n"
    'Northwind Logistics,Senior Data Analyst,"Own the finance analytics roadmap, forecasting\n'
    'and the variance pack.","Chicago, Illinois, United States",Jan 2024,\r\n'
    "Northwind Logistics,Data Analyst,Built the monthly variance pack.,Chicago,Mar 2022,Dec 2023\r\n"
    "Contoso Bank,Junior Analyst,,Remote,Sep 2019,Feb 2022\r\n"
)
SKILLS = BOM + "Name\r\nSQL\r\nForecasting\r\nStakeholder Management\r\nsql\r\n"
CONNECTIONS = BOM + (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Daniel,Okafor,https://www.linkedin.com/in/danielokafor,,Northwind Logistics,"
    "\"Manager, Finance Analytics\",12 Mar 2020\r\n"
    "Sofía,Núñez,https://www.linkedin.com/in/sofia-nunez,sofia@example.org,Northwind Logistics,"
    "Head of Product Analytics,03 Jan 2023\r\n"
    ",,,,,,04 Feb 2024\r\n"
)
PROFILE = BOM + (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
    'Priya,Raman,,,,"Senior Data Analyst at Northwind",,Logistics,,"Chicago, Illinois",,,\r\n'
)


def write_linkedin_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("Positions.csv", POSITIONS), ("Skills.csv", SKILLS),
                       ("Connections.csv", CONNECTIONS), ("Profile.csv", PROFILE)):
        (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def write_linkedin_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Positions.csv", POSITIONS.encode("utf-8"))
        archive.writestr("Skills.csv", SKILLS.encode("utf-8"))
        archive.writestr("Connections.csv", CONNECTIONS.encode("utf-8"))
        archive.writestr("Profile.csv", PROFILE.encode("utf-8"))
        archive.writestr("Rich_Media.csv", b"Date/Time,Media Link\r\n")
    return path


# vCard 3.0 as macOS Contacts writes it: CRLF, folded lines (CRLF + one space, even in
# the middle of a multi-byte word), escaped commas and semicolons, a grouped EMAIL.
VCARD_3 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//macOS 14.4//EN\r\n"
    "N:Lefèvre;Hélène;;;\r\n"
    "FN:Hélène Lefèvre\r\n"
    "ORG:Northwind Logistics;Finance\\, Planning & Analysis;\r\n"
    "TITLE:Director\\, FP&A\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:helene@example.com\r\n"
    "item1.X-ABLabel:_$!<Other>!$_\r\n"
    "NOTE:Met at the budget kickoff\\; wants the variance pack earlier.\\nAsk abo\r\n"
    " ut the FP&A rotation, and the Lyon off\r\n"
    " site.\r\n"
    "CATEGORIES:Finance,Decision makers\r\n"
    "UID:6A4E1C2B-8F0D-4B7E-9C3A-2D1E0F9A8B7C\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Ito;Kenji;;;\r\n"
    "FN:\r\n"
    "ORG:Contoso\r\n"
    "END:VCARD\r\n"
)

# vCard 4.0 (RFC 6350): LF line ends are common from web exporters; a tab-folded line;
# parameter values in quotes holding a ":"; a group card that is not a person.
VCARD_4 = (
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\n"
    "FN:Aisha Bello\n"
    "N:Bello;Aisha;;;\n"
    "ORG:Northwind Logistics;Product Analytics\n"
    "TITLE:Staff Data Scientist\n"
    'EMAIL;TYPE=work;PREF=1;LABEL="Work: main":aisha@northwind.example\n'
    "EMAIL;TYPE=home:aisha.b@example.net\n"
    "NOTE:Mentor since the rotation. Likes written agendas\\, short meetings.\n"
    "CATEGORIES:mentors,product\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "KIND:group\n"
    "FN:Analytics guild\n"
    "MEMBER:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\n"
    "END:VCARD\n"
)

# vCard 2.1 from an old phone: quoted-printable with a soft line break, Latin-1.
VCARD_21 = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg\r\n"
    "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=F6rg M=FC=\r\n"
    "ller\r\n"
    "TEL;WORK;VOICE:+49 30 1234567\r\n"
    "END:VCARD\r\n"
)
