"""jrnl's JSON export (``jrnl --format json``) -> journal entries.

The file is ``{"tags": {"@work": 3}, "entries": [{"title", "body", "date": "YYYY-MM-DD",
"time": "HH:MM", "tags": ["@work"], "starred": false}]}``.

- The date is kept; the time is not. A journal entry is a calendar date in careerdesk,
  and writing the time into the text would add words the user never wrote. The time
  still tells apart two entries of one day in the uid.
- Tags lose jrnl's tag symbol (``@work`` -> ``work``; ``#`` too, jrnl allows both).
- A starred entry gets the tag ``starred``.
- Uids: jrnl has no ids (except a Day One-backed journal, whose ``uuid`` is used), so
  an entry's uid comes from its date, time and title: re-importing a later export of
  the same journal updates the entries instead of adding them twice.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from careerdesk.domain import records as r
from careerdesk.interchange import json_fields as jf
from careerdesk.interchange.careerdesk_json import Interchange
from careerdesk.interchange.foreign import Owned, UidMaker, checked, refuse, stable_uid, unique
from careerdesk.interchange.schema import show

SOURCE = "jrnl"
TAG_SYMBOLS = "@#"
STARRED_TAG = "starred"

OWNED = Owned({"journal": frozenset({"date", "title", "body"})})

_TIME = re.compile(r"\d{1,2}:\d{2}")


def read(path: Path) -> Interchange:
    data = jf.load_file(path)
    items = jf.entries(data, path)
    uid_for = UidMaker(SOURCE)
    entries = []
    for i, item in enumerate(items):
        where = f"entries[{i}]"
        fields = jf.record(item, path, where)
        day = _date(fields, path, where)
        time = jf.text(fields, "time", path, where) or ""
        if time and not _TIME.fullmatch(time):
            raise refuse(path, f"{where}.time", f"expected a time HH:MM, got {show(time)}")
        title = (jf.text(fields, "title", path, where) or "").strip()
        body = (jf.text(fields, "body", path, where) or "").strip("\n")
        tags = [t.lstrip(TAG_SYMBOLS) for t in jf.text_list(fields, "tags", path, where)]
        if jf.flag(fields, "starred", path, where):
            tags.append(STARRED_TAG)
        own_id = jf.text(fields, "uuid", path, where)
        uid = stable_uid(SOURCE, "uuid", own_id) if own_id else uid_for(day, time, title)
        entry = r.JournalEntry(uid=uid, date=day, title=title or None, body=body,
                               tags=unique(tags))
        if not title and not body.strip():
            raise refuse(path, where, "an entry needs a title or a body")
        checked(entry, path, where)
        entries.append(entry)
    return Interchange(sections={"journal": entries})


def _date(fields: dict[str, object], path: Path, where: str) -> date:
    value = fields.get("date")
    if value is None:
        raise refuse(path, f"{where}.date", "is missing")
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise refuse(path, f"{where}.date", f"expected a date YYYY-MM-DD, got {show(value)}")
