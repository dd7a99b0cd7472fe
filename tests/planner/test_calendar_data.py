"""The Planner page's snapshot (the windows' records only) gives the windows of the whole plan."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.planner import build_plan, build_windows
from careerdesk.planner.calendar_data import load_calendar_data
from careerdesk.planner.data import load_planner_data
from careerdesk.planner.snapshot import PlannerData
from careerdesk.planner.windows import WindowOverride
from careerdesk.store.database import Journal
from careerdesk.store.repository import load_all

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def generated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("generated") / "journal.json"
    path.write_text(json.dumps(module.generate(0.05, 11)), encoding="utf-8")
    return path


def _windows(data: PlannerData, today: date) -> list[Any]:
    return build_windows(data.cycle_events, data.openings, today, lead_times=data.lead_times,
                         overrides=data.overrides, people=data.people_by_uid)


def test_the_calendar_snapshot_reads_the_windows_records_field_for_field(
        journal: Journal, generated_file: Path) -> None:
    services.import_interchange(journal, generated_file)
    with journal.sessions() as session:
        full, calendar = load_planner_data(session), load_calendar_data(session)
        assert calendar.openings == load_all(session, r.Opening)
        assert calendar.cycle_events == load_all(session, r.CycleEvent)
        everyone = {p.uid: p for p in load_all(session, r.Person)}
    assert any(o.hiring_manager for o in calendar.openings)
    # Only the hiring managers are read (all the windows name), each as the store gives them.
    managers = {o.hiring_manager for o in calendar.openings if o.hiring_manager}
    assert [p.uid for p in calendar.people] == sorted(managers, key=list(everyone).index)
    assert all(everyone[p.uid] == p for p in calendar.people)
    assert len(calendar.people) < len(everyone)
    assert not calendar.achievements and not calendar.interactions
    assert calendar.lead_times == full.lead_times
    for today in (date(2026, 11, 22), date(2019, 3, 1)):
        windows = _windows(calendar, today)
        assert windows and windows == _windows(full, today)
        assert [w for w in windows if not w.dismissed] == list(build_plan(full, today).windows)


def test_the_calendar_snapshot_has_the_users_lead_times_and_window_changes(
        demo_journal: Journal) -> None:
    today = date(2026, 11, 22)
    first = services.plan(demo_journal, today).windows[0]
    services.shift_window(demo_journal, first.id, 7)
    with demo_journal.sessions() as session:
        calendar = load_calendar_data(session)
    assert calendar.overrides[first.id] == WindowOverride(shift_days=7)
    moved = next(w for w in _windows(calendar, today) if w.id == first.id)
    assert moved.start == first.start + timedelta(days=7) and moved.shifted_days == 7
    services.dismiss_window(demo_journal, first.id)
    with demo_journal.sessions() as session:
        calendar = load_calendar_data(session)
    assert next(w for w in _windows(calendar, today) if w.id == first.id).dismissed
    assert _windows(calendar, today) == _windows(services.planner_data(demo_journal, today), today)
