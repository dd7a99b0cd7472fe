"""Day One's JSON export (``Journal.json``, or the export zip) -> journal entries.

Quirks of the format, and what is done about them:

- An entry is ``uuid``, ``creationDate`` (UTC, ``...Z``), ``timeZone`` (an IANA name such
  as ``Europe/Paris``), ``text`` (markdown), ``tags``, ``starred``. The entry's date is
  the calendar date where it was written: 23:30 in Los Angeles is the same day there,
  even though it is the next day in UTC. An unknown zone falls back to UTC.
- Day One shows the first line of the text as the title, without heading marks
  (``# ``); the rest is the body. An entry that opens with a photo has no title.
- Its exporter backslash-escapes punctuation (``Done\\.``, ``\\(draft\\)``). Those
  escapes are taken out of the title, which is plain text, and out of the body where
  they change nothing in markdown; an escape at the start of a line, which stops a
  ``-`` or ``1.`` from becoming a list, and escaped ``*``, ``_`` and backticks stay.
- Photos, videos and other media are links to ``dayone-moment://`` that lead nowhere
  outside Day One; they become ``[photo]``, ``[video]``, ``[audio]`` or ``[PDF]``.
- The zip holds one ``<journal name>.json`` per journal next to the media folders;
  every journal in it is read.
- A starred entry gets the tag ``starred``; the uid comes from Day One's own ``uuid``.
- An entry with no text at all is left out.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from careerdesk.domain import records as r
from careerdesk.interchange import json_fields as jf
from careerdesk.interchange.careerdesk_json import Interchange
from careerdesk.interchange.foreign import (
    Owned,
    checked,
    is_zip,
    open_zip,
    read_bytes,
    refuse,
    stable_uid,
    unique,
    zip_member,
)
from careerdesk.interchange.schema import show

SOURCE = "dayone"
STARRED_TAG = "starred"

OWNED = Owned({"journal": frozenset({"date", "title", "body"})})

_MEDIA = re.compile(r"!\[[^\]]*\]\(dayone-moment:/*(?:(?P<kind>[A-Za-z]+)/)?[^)]*\)")
_MEDIA_WORDS = {"video": "[video]", "audio": "[audio]", "pdfattachment": "[PDF]"}
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
# Punctuation whose escape means nothing inside a line of markdown; ``\\`` is matched
# only so that an escaped backslash is stepped over whole.
_HARMLESS_ESCAPE = re.compile(r"\\([\\.!()\-+#>|~{}\[\]:=])")
_ANY_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LINE_START = re.compile(r"[ \t]*\d*")
_ONLY_MEDIA = re.compile(r"(?:\s*\[(?:photo|video|audio|PDF)\])+\s*")


def read(path: Path) -> Interchange:
    entries: list[r.JournalEntry] = []
    # A ".zip" that is not one (cut short by a download) is told as such, not as bad JSON.
    if is_zip(path) or path.suffix.casefold() == ".zip":
        with open_zip(path) as archive:
            names = sorted(n for n in archive.namelist() if _is_journal_file(n))
            if not names:
                raise refuse(path, "", "no Day One journal (.json) inside this zip")
            for name in names:
                data = jf.load(zip_member(archive, name, path), f"{path}: {name}")
                entries += _entries(data, f"{path}: {name}")
    else:
        entries = _entries(jf.load(read_bytes(path), path), path)
    return Interchange(sections={"journal": entries})


def is_dayone_data(data: Any) -> bool:
    """Day One's file: ``entries`` whose items carry ``uuid`` and ``creationDate``."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        return False
    items = data["entries"]
    if not items:
        return isinstance(data.get("metadata"), dict)
    first = items[0]
    return isinstance(first, dict) and "creationDate" in first


def _is_journal_file(name: str) -> bool:
    member = PurePosixPath(name)
    return (member.suffix.lower() == ".json" and not member.name.startswith(".")
            and "__MACOSX" not in member.parts)


def _entries(data: Any, path: Path | str) -> list[r.JournalEntry]:
    out = []
    for i, item in enumerate(jf.entries(data, path)):
        where = f"entries[{i}]"
        fields = jf.record(item, path, where)
        own_id = jf.text(fields, "uuid", path, where, required=True) or ""
        day = local_date(fields, path, where)
        text = jf.text(fields, "text", path, where) or ""
        tags = jf.text_list(fields, "tags", path, where)
        if jf.flag(fields, "starred", path, where):
            tags.append(STARRED_TAG)
        if not text.strip():
            continue  # a blank entry (Day One keeps them); it would be a blank line here
        title, body = split_text(text)
        entry = r.JournalEntry(uid=stable_uid(SOURCE, own_id), date=day, title=title,
                               body=body, tags=unique(tags))
        checked(entry, path, where)
        out.append(entry)
    return out


def local_date(fields: dict[str, Any], path: Path | str, where: str) -> date:
    value = jf.text(fields, "creationDate", path, where, required=True) or ""
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        stamp = None
    if stamp is None or stamp.tzinfo is None:
        raise refuse(path, f"{where}.creationDate",
                     f"expected a timestamp like 2024-03-05T14:30:00Z, got {show(value)}")
    zone_name = fields.get("timeZone")
    zone: Any = UTC
    if isinstance(zone_name, str) and zone_name:
        try:
            zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = UTC  # an old or odd zone name: the UTC date is the best left
    return stamp.astimezone(zone).date()


def split_text(text: str) -> tuple[str | None, str]:
    """Day One's title (the first line, without heading marks) and the body below it."""
    text = _MEDIA.sub(_media_word, text).strip("\n")
    first, _, rest = text.partition("\n")
    if _ONLY_MEDIA.fullmatch(first):  # a photo on top: no title beats a title "[photo]"
        first, rest = "", text
    title = _ANY_ESCAPE.sub(r"\1", _HEADING.sub("", first)).strip()
    body = "\n".join(_unescape_line(line) for line in rest.strip("\n").split("\n"))
    return title or None, body


def _unescape_line(line: str) -> str:
    start = _LINE_START.match(line)
    lead = start.end() if start else 0
    if line.startswith("\\", lead):
        lead += 2  # "\- item" or "1\. item": the escape keeps it from becoming a list
    return line[:lead] + _HARMLESS_ESCAPE.sub(_unescape, line[lead:])


def _unescape(match: re.Match[str]) -> str:
    char = match.group(1)
    return match.group(0) if char == "\\" else char


def _media_word(match: re.Match[str]) -> str:
    kind = (match.group("kind") or "").lower()
    return _MEDIA_WORDS.get(kind, "[photo]")
