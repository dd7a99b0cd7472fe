"""Re-importing another tool's export without undoing what the user did since.

Another tool knows only part of a record: LinkedIn knows a colleague's title, not the
stance or influence the user judged; it knows a skill's name, not the level the user
set. So a record that is already in the journal takes from the source only the fields
the source owns (``foreign.Owned``); the rest stays the user's, and tags are merged.
The profile is only filled where it is empty.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.interchange.careerdesk_json import Interchange
from careerdesk.interchange.foreign import Owned, unique
from careerdesk.store import repository
from careerdesk.store.settings import load_profile

_CHUNK = 500  # below SQLite's limit on the number of values in one IN (...)


def keep_user_edits(session: Session, data: Interchange, owned: Owned) -> Interchange:
    """``data`` with every record that exists already merged onto the journal's copy."""
    result = Interchange(profile=_fill_profile(session, data.profile),
                         exported_at=data.exported_at)
    for section, items in data.sections.items():
        fields = owned.of(section)
        if section == "skills":
            skills = {s.name.casefold(): s for s in repository.load_skills(session)}
            result.sections[section] = [_merge_skill(skills.get(s.name.casefold()), s, fields)
                                        for s in items]
        else:
            existing = _existing(session, r.SECTIONS[section], [x.uid for x in items])
            result.sections[section] = [_merge(existing.get(x.uid), x, fields) for x in items]
    return result


def _merge(old: r.Record | None, new: r.Record, fields: frozenset[str]) -> r.Record:
    if old is None:
        return new
    changes: dict[str, Any] = {name: getattr(new, name) for name in fields}
    # No times: the writer then stamps updated_at only if an owned field really changed.
    return dataclasses.replace(old, **changes, tags=unique([*old.tags, *new.tags]),
                               created_at=None, updated_at=None)


def _merge_skill(old: r.Skill | None, new: r.Skill, fields: frozenset[str]) -> r.Skill:
    if old is None:
        return new
    changes = {name: getattr(new, name) for name in fields if name != "name"}
    return dataclasses.replace(old, **changes)


def _existing(session: Session, kind: type[Any], uids: Sequence[str]) -> dict[str, r.Record]:
    row_type: Any = repository.ROW_OF[kind]
    found: dict[str, r.Record] = {}
    for start in range(0, len(uids), _CHUNK):
        chunk = list(uids[start:start + _CHUNK])
        for row in session.scalars(select(row_type).where(row_type.uid.in_(chunk))):
            found[row.uid] = repository.to_record(row)
    return found


def _fill_profile(session: Session, new: r.Profile) -> r.Profile:
    current = load_profile(session)
    return r.Profile(name=current.name or new.name, employer=current.employer or new.employer,
                     currency=current.currency or new.currency)
