"""The whole journal, loaded once, for the exports that render it (CSV, markdown)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.store import repository
from careerdesk.store.settings import load_profile


@dataclass
class JournalData:
    profile: r.Profile
    sections: dict[str, list[Any]]

    def by_uid(self, section: str) -> dict[str, Any]:
        return {x.uid: x for x in self.sections.get(section, [])}


def load(session: Session) -> JournalData:
    sections: dict[str, list[Any]] = {}
    for section, kind in r.SECTIONS.items():
        if kind is r.Skill:
            sections[section] = repository.load_skills(session)
        else:
            sections[section] = list(repository.load_all(session, kind))  # type: ignore[type-var]
    return JournalData(load_profile(session), sections)
