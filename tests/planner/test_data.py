"""The planner's snapshot for one day holds fewer records yet gives the same plan as all of them."""

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
from careerdesk.planner import build_plan
from careerdesk.planner.data import load_planner_data
from careerdesk.store.database import Journal

REPO = Path(__file__).resolve().parents[2]


def _generated(scale: float, seed: int) -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    data: dict[str, Any] = module.generate(scale, seed)
    return data


@pytest.fixture(scope="module")
def generated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("generated") / "journal.json"
    path.write_text(json.dumps(_generated(0.05, 11)), encoding="utf-8")
    return path


def _both(journal: Journal, today: date) -> tuple[Any, Any]:
    with journal.sessions() as session:
        return load_planner_data(session), load_planner_data(session, today)


def _assert_same_plan(journal: Journal, today: date) -> None:
    full, for_day = _both(journal, today)
    assert build_plan(for_day, today) == build_plan(full, today)
    # What the day's snapshot holds is the same records, field for field, only fewer.
    for kind in ("achievements", "interactions", "experiences"):
        every = {record.uid: record for record in getattr(full, kind)}
        for record in getattr(for_day, kind):
            assert every[record.uid] == record


@pytest.mark.parametrize("today", [date(2026, 11, 22), date(2026, 1, 5), date(2027, 6, 30)])
def test_the_sample_journal_plans_the_same_from_the_days_snapshot(demo_journal: Journal,
                                                                 today: date) -> None:
    _assert_same_plan(demo_journal, today)


def test_a_long_generated_journal_plans_the_same_and_loads_fewer_records(
        journal: Journal, generated_file: Path) -> None:
    services.import_interchange(journal, generated_file)
    for today in (date(2026, 11, 22), date(2019, 3, 1)):
        _assert_same_plan(journal, today)
    full, for_day = _both(journal, date(2026, 11, 22))
    assert len(for_day.achievements) < len(full.achievements) / 3
    assert len(for_day.interactions) < len(full.interactions)


def test_the_days_snapshot_keeps_an_old_quantified_win_without_a_metric_and_the_last_win(
        journal: Journal) -> None:
    today = date(2026, 11, 22)
    old = today - timedelta(days=800)
    services.save_record(journal, r.Achievement(date=old - timedelta(days=5),
                                                title="Old quantified, no number",
                                                kind=r.AchievementKind.QUANTIFIED))
    services.save_record(journal, r.Achievement(date=old - timedelta(days=1), title="Older story"))
    services.save_record(journal, r.Achievement(date=old - timedelta(days=2), title="Oldest story"))
    services.save_record(journal, r.Achievement(date=today + timedelta(days=3), title="Not yet"))
    with journal.sessions() as session:
        titles = {a.title for a in load_planner_data(session, today).achievements}
    # The newest story is the last win (its recency is a factor); the quantified one
    # asks for a metric; the rest the plan of the day never reads.
    assert titles == {"Old quantified, no number", "Older story"}
    _assert_same_plan(journal, today)


def test_the_days_snapshot_keeps_each_persons_last_contact_and_every_open_follow_up(
        journal: Journal) -> None:
    today = date(2026, 11, 22)
    ana = r.Person(name="Ana", cadence_days=30)
    services.save_record(journal, ana)
    for days_ago, follow_up in ((400, today - timedelta(days=300)), (200, None), (100, None),
                                (-5, None)):
        services.save_record(journal, r.Interaction(
            date=today - timedelta(days=days_ago), people=[ana.uid], summary=f"{days_ago}",
            follow_up=follow_up))
    with journal.sessions() as session:
        summaries = {i.summary for i in load_planner_data(session, today).interactions}
    assert summaries == {"400", "100"}  # the open follow-up and the latest contact so far
    _assert_same_plan(journal, today)


def test_people_are_read_field_for_field_as_the_store_gives_them(demo_journal: Journal) -> None:
    from careerdesk.store.repository import load_all

    with demo_journal.sessions() as session:
        people = load_planner_data(session, date(2026, 11, 22)).people
        assert people == load_all(session, r.Person)
    assert any(person.roles for person in people)
    assert any(person.tags for person in people) or any(person.notes for person in people)
