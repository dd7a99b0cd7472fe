"""Calendar export: read back with icalendar, stable UIDs, all-day spans, text that survives."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.enums import CycleEventKind, Recurrence
from careerdesk.interchange.ics import write_calendar
from careerdesk.planner import PlannerData, WindowOverride
from careerdesk.store.database import Journal

TODAY = date(2026, 11, 22)


def read_events(path: Path) -> dict[str, Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_export_twice_gives_the_same_uids(demo_journal: Journal, tmp_path: Path) -> None:
    first = services.export_calendar(demo_journal, tmp_path / "a.ics", TODAY)
    services.export_calendar(demo_journal, tmp_path / "b.ics", TODAY)
    a, b = read_events(tmp_path / "a.ics"), read_events(tmp_path / "b.ics")
    assert set(a) == set(b)
    assert len(a) == first.total and first.cycle_events and first.windows and first.follow_ups
    assert all(uid.endswith("@careerdesk") for uid in a)


def test_the_demo_calendar_holds_events_windows_and_open_follow_ups(demo_journal: Journal,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    services.export_calendar(demo_journal, path, TODAY)
    events = read_events(path)
    by_summary = {str(e["summary"]): e for e in events.values()}

    sponsor = events["235827d4-00f1-4bd1-b8e9-25cfac77dd94-sponsor-2027-01-20@careerdesk"]
    assert str(sponsor["summary"]) == "Secure a sponsor: Promotion committee"
    assert sponsor.decoded("dtstart") == date(2026, 11, 21)
    assert sponsor.decoded("dtend") == date(2026, 12, 31)  # the day after the last day
    assert "Promotion committee on 20 Jan 2027" in str(sponsor["description"])

    review = next(e for e in events.values() if str(e["summary"]) == "Annual performance review"
                  and e.decoded("dtstart") == date(2026, 12, 10))
    assert review.decoded("dtend") == date(2026, 12, 20)  # ten days long

    tomas = by_summary["Follow up with Tomás Alvarez (HR Business Partner): "
                       "Send Tomás the one-page pre-read with metrics"]
    assert tomas.decoded("dtstart") == date(2026, 11, 27)
    assert tomas.decoded("dtend") == date(2026, 11, 28)
    assert not any("Send Daniel a draft of the Lead scope" in s for s in by_summary)  # done


def test_text_with_commas_semicolons_and_accents_survives(tmp_path: Path) -> None:
    event = r.CycleEvent(uid="e1", kind=CycleEventKind.MILESTONE, name="Zürich launch; phase 1, done",
                         date=date(2026, 12, 1), notes="Notes: a, b; c — naïve\nsecond line")
    ana = r.Person(uid="p1", name="Ana Łukasiewicz", title="Head of R&D, Kraków")
    chat = r.Interaction(uid="i1", date=date(2026, 11, 1), people=["p1"], follow_up=date(2026, 12, 2),
                         follow_up_action="Send Ana the deck; ask about Q1, Q2", summary="Café, chat; plan")
    path = tmp_path / "c.ics"
    write_calendar(path, PlannerData(cycle_events=[event], people=[ana], interactions=[chat]), TODAY)
    events = read_events(path)
    milestone = events["e1-event-2026-12-01@careerdesk"]
    assert str(milestone["summary"]) == "Zürich launch; phase 1, done"
    assert str(milestone["description"]) == "Milestone\n\nNotes: a, b; c — naïve\nsecond line"
    window = events["e1-leverage_win-2026-12-01@careerdesk"]
    assert str(window["summary"]) == "Leverage the win: Zürich launch; phase 1, done"
    assert window.decoded("dtend") == date(2026, 12, 23)
    follow_up = events["i1-follow-up@careerdesk"]
    assert str(follow_up["summary"]) == ("Follow up with Ana Łukasiewicz (Head of R&D, Kraków): "
                                         "Send Ana the deck; ask about Q1, Q2")
    assert str(follow_up["description"]) == "Café, chat; plan"


def test_a_moved_window_and_a_moved_follow_up_keep_their_uids(tmp_path: Path) -> None:
    committee = r.CycleEvent(uid="c", kind=CycleEventKind.PROMOTION_COMMITTEE, name="Committee",
                             date=date(2027, 1, 20), recurrence=Recurrence.ANNUAL)
    chat = r.Interaction(uid="i", date=date(2026, 11, 1), follow_up=date(2026, 12, 2))
    data = PlannerData(cycle_events=[committee], interactions=[chat])
    write_calendar(tmp_path / "1.ics", data, TODAY)

    data.overrides = {"c:sponsor:2027-01-20": WindowOverride(shift_days=5)}
    chat.follow_up = date(2026, 12, 9)
    write_calendar(tmp_path / "2.ics", data, TODAY)
    before, after = read_events(tmp_path / "1.ics"), read_events(tmp_path / "2.ics")
    assert set(before) == set(after)
    uid = "c-sponsor-2027-01-20@careerdesk"
    assert after[uid].decoded("dtstart") == before[uid].decoded("dtstart") + timedelta(days=5)
    assert after["i-follow-up@careerdesk"].decoded("dtstart") == date(2026, 12, 9)

    data.overrides = {"c:sponsor:2027-01-20": WindowOverride(dismissed=True)}
    write_calendar(tmp_path / "3.ics", data, TODAY)
    assert uid not in read_events(tmp_path / "3.ics")


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careerdesk", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_export_guesses_ics_from_the_file_name(demo_journal: Journal, private_data_dir: Path,
                                               tmp_path: Path) -> None:
    done = run(private_data_dir, "export", str(tmp_path / "career.ics"))
    assert done.returncode == 0, done.stderr
    assert "calendar events" in done.stdout
    assert (tmp_path / "career.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")

    done = run(private_data_dir, "export", str(tmp_path / "career.txt"), "--format", "ics")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "career.txt").read_bytes().startswith(b"BEGIN:VCALENDAR")

    done = run(private_data_dir, "export", str(tmp_path / "journal.json"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "journal.json").read_text(encoding="utf-8").lstrip().startswith("{")


def test_a_period_applies_to_the_brag_document_only(private_data_dir: Path, tmp_path: Path) -> None:
    for name in ("career.ics", "journal.json"):
        done = run(private_data_dir, "export", str(tmp_path / name), "--from", "2026-01-01")
        assert done.returncode == 2, name
        assert "--from and --to apply to --format markdown only" in done.stderr
        assert not (tmp_path / name).exists()
