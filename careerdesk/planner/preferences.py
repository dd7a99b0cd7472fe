"""The user's planner settings, kept in the journal: lead times and changes to single windows.

Lead times live under ``planner.lead_times`` (see ``LeadTimes.to_json``); the windows the
user moved or dismissed under ``planner.window_overrides``, a mapping of window id to
``{"shift_days": N, "dismissed": bool}``. A window back to its defaults is removed from
the mapping, so the setting only holds what the user changed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from careerdesk.planner.rules import LeadTimes
from careerdesk.planner.windows import WindowOverride
from careerdesk.store import settings

LEAD_TIMES_KEY = "planner.lead_times"
OVERRIDES_KEY = "planner.window_overrides"


def load_lead_times(session: Session) -> LeadTimes:
    return LeadTimes.from_json(settings.get(session, LEAD_TIMES_KEY))


def save_lead_times(session: Session, lead_times: LeadTimes) -> None:
    settings.put(session, LEAD_TIMES_KEY, lead_times.to_json())


def load_overrides(session: Session) -> dict[str, WindowOverride]:
    stored = settings.get(session, OVERRIDES_KEY)
    if not isinstance(stored, dict):
        return {}
    return {str(key): WindowOverride.from_json(value) for key, value in stored.items()}


def save_override(session: Session, window_id: str, override: WindowOverride) -> None:
    overrides = load_overrides(session)
    if override.is_default:
        overrides.pop(window_id, None)
    else:
        overrides[window_id] = override
    settings.put(session, OVERRIDES_KEY,
                 {key: value.to_json() for key, value in sorted(overrides.items())})


def shift_window(session: Session, window_id: str, days: int) -> WindowOverride:
    """Moves the window ``days`` from where the rules put it (not from where it was): 0 moves it back."""
    current = load_overrides(session).get(window_id, WindowOverride())
    changed = WindowOverride(shift_days=days, dismissed=current.dismissed)
    save_override(session, window_id, changed)
    return changed


def dismiss_window(session: Session, window_id: str, dismissed: bool = True) -> WindowOverride:
    """Leaves the window out of the plan (``dismissed=False`` brings it back, keeping any shift)."""
    current = load_overrides(session).get(window_id, WindowOverride())
    changed = WindowOverride(shift_days=current.shift_days, dismissed=dismissed)
    save_override(session, window_id, changed)
    return changed
