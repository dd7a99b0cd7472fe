"""``careerdesk plan`` on the sample journal: contract.md's JSON, exactly, and the text for people."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from careerdesk.planner.rules import WindowKind

TODAY = "2026-11-22"


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careerdesk", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def plan_json(data_dir: Path) -> dict[str, Any]:
    done = run(data_dir, "plan", "--today", TODAY, "--json")
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _iso(value: object) -> date:
    assert isinstance(value, str)
    return date.fromisoformat(value)


def test_plan_json_on_the_demo_matches_the_contract(demo_journal: object, private_data_dir: Path) -> None:
    plan = plan_json(private_data_dir)
    assert set(plan) == {"today", "windows", "readiness", "actions"}
    assert plan["today"] == TODAY

    windows = plan["windows"]
    assert windows, "the sample journal has windows ahead"
    for window in windows:
        assert set(window) == {"kind", "start", "end", "event", "event_name", "reason"}
        assert window["kind"] in {k.value for k in WindowKind}
        assert _iso(window["start"]) <= _iso(window["end"])
        assert _iso(window["end"]) >= date(2026, 11, 22)  # ended windows are left out
        assert all(isinstance(window[k], str) and window[k] for k in ("event", "event_name", "reason"))
    starts = [_iso(w["start"]) for w in windows]
    assert starts == sorted(starts)

    assert set(plan["readiness"]) == {"promotion", "mobility"}
    for readiness in plan["readiness"].values():
        assert set(readiness) == {"score", "factors"}
        assert type(readiness["score"]) is int and 0 <= readiness["score"] <= 100
        for factor in readiness["factors"]:
            assert set(factor) == {"name", "points", "max", "explanation"}
            assert type(factor["points"]) is int and type(factor["max"]) is int
            assert 0 <= factor["points"] <= factor["max"]
            assert isinstance(factor["name"], str) and isinstance(factor["explanation"], str)
        assert sum(f["max"] for f in readiness["factors"]) == 100
        assert sum(f["points"] for f in readiness["factors"]) == readiness["score"]

    assert plan["actions"]
    for action in plan["actions"]:
        assert set(action) == {"text", "due", "about"}
        assert isinstance(action["text"], str) and action["text"]
        assert action["due"] is None or _iso(action["due"])
        assert action["about"] is None or isinstance(action["about"], str)


def test_the_demo_windows_are_the_ones_worked_out_by_hand(demo_journal: object,
                                                          private_data_dir: Path) -> None:
    windows = plan_json(private_data_dir)["windows"]
    found = {(w["kind"], w["start"], w["end"], w["event_name"]) for w in windows}
    assert {
        # performance review 10 Dec 2026: pre-review 10 Nov .. 3 Dec, already started
        ("pre_review", "2026-11-10", "2026-12-03", "Annual performance review"),
        # promotion committee 20 Jan 2027: sponsor 21 Nov .. 30 Dec
        ("sponsor", "2026-11-21", "2026-12-30", "Promotion committee"),
        # FY28 budget planning 1 Oct 2027: ask 20 Aug .. 1 Oct
        ("ask", "2027-08-20", "2027-10-01", "FY28 budget planning"),
        # the fuel surcharge milestone on 12 Nov 2026: leverage the win until 3 Dec
        ("leverage_win", "2026-11-12", "2026-12-03", "Fuel surcharge recovery signed off"),
        # the merit review on 15 Feb 2027: ask 17 Dec .. 1 Feb
        ("ask", "2026-12-17", "2027-02-01", "Merit and compensation review"),
        # the Product Data Scientist posting closes 18 Dec 2026
        ("network", "2026-11-02", "2026-12-15", "Product Data Scientist, Shipper Experience"),
    } <= found
    # the build-the-case window for the 2026 review ended on 10 Nov
    assert ("build_case", "2026-09-11", "2026-11-10", "Annual performance review") not in found


def test_plan_prints_windows_scores_and_actions_for_people(demo_journal: object,
                                                           private_data_dir: Path) -> None:
    done = run(private_data_dir, "plan", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith("Plan for 22 Nov 2026\n")
    assert "Pre-review conversation, 10 Nov – 3 Dec 2026: open now, 11 days left" in text
    assert "Make the ask, 20 Aug – 1 Oct 2027: opens in 271 days" in text
    assert "Promotion readiness: " in text and "Mobility readiness: " in text
    assert "Next actions\n  1. Follow up with" in text


def test_plan_on_an_empty_journal(private_data_dir: Path) -> None:
    plan = plan_json(private_data_dir)
    assert plan["windows"] == [] and plan["actions"] == []
    assert plan["readiness"]["promotion"]["score"] == 0 and plan["readiness"]["mobility"]["score"] == 0
    text = run(private_data_dir, "plan", "--today", TODAY).stdout
    assert "None in the next 18 months" in text and "Nothing pressing." in text


def test_plan_refuses_a_bad_date_as_a_usage_error(private_data_dir: Path) -> None:
    done = run(private_data_dir, "plan", "--today", "22/11/2026")
    assert done.returncode == 2
    assert "expected a date YYYY-MM-DD" in done.stderr and "Traceback" not in done.stderr
