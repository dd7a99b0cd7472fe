"""Journal-wide settings kept in the journal itself (they travel with an export)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from careerdesk.domain.codec import from_json, to_json
from careerdesk.domain.records import Profile
from careerdesk.store.models import SettingRow

PROFILE_KEY = "profile"


def get(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(SettingRow, key)
    return default if row is None else row.value


def put(session: Session, key: str, value: Any) -> None:
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value))
    elif row.value != value:
        row.value = value


def load_profile(session: Session) -> Profile:
    return from_json(Profile, get(session, PROFILE_KEY, {}) or {}, "profile")


def save_profile(session: Session, profile: Profile) -> None:
    put(session, PROFILE_KEY, to_json(profile))
