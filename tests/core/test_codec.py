"""Records to JSON values and back, and the codec's refusals naming the field."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from careerdesk.domain import records as r
from careerdesk.domain.codec import from_json, parse_date, parse_timestamp, to_json
from careerdesk.domain.enums import AchievementKind, Stance
from careerdesk.domain.errors import InvalidRecord
from tests.core.samples import CREATED, sample


def _every_record() -> list[r.Record]:
    return sample(with_times=True).records()


@pytest.mark.parametrize("record", _every_record(), ids=lambda x: type(x).__name__)
def test_every_record_kind_round_trips(record: r.Record) -> None:
    data = json.loads(json.dumps(to_json(record)))
    back = from_json(type(record), data, "record")
    assert back == record
    assert type(back) is type(record)


def test_a_skill_and_a_profile_round_trip() -> None:
    skill = r.Skill(name="SQL", category="Data", level=4)
    profile = r.Profile(name="Priya", employer="Northwind", currency="USD")
    assert from_json(r.Skill, to_json(skill)) == skill
    assert from_json(r.Profile, to_json(profile)) == profile


def test_every_section_kind_is_covered_by_the_samples() -> None:
    kinds = {type(x) for x in _every_record()} | {r.Skill}
    assert kinds == set(r.SECTIONS.values())


def test_to_json_spells_values_the_way_the_file_does() -> None:
    s = sample(with_times=True)
    data = to_json(s.achievement)
    assert data["date"] == "2026-02-14"
    assert data["kind"] == "quantified"
    assert data["scope"] == "department"
    assert data["created_at"] == "2026-03-01T09:30:15.123456Z"
    assert data["updated_at"] == "2026-03-02T17:05:00Z"
    assert data["metrics"][1] == {"name": "Load time", "result": 4, "unit": "seconds",
                                  "baseline": 24, "higher_is_better": False}
    plan = to_json(s.plan)
    assert plan["current"]["base"] == 98000
    assert plan["outcome"]["date"] == "2026-09-20"
    assert plan["objections"] == [{"objection": "No budget",
                                   "response": "Ask for a dated commitment"}]
    json.dumps(plan)  # nothing left that JSON cannot hold


def test_timestamps_are_written_in_utc() -> None:
    chicago_winter = timezone(-timedelta(hours=6))
    assert to_json(datetime(2026, 11, 22, 9, 30, tzinfo=chicago_winter)) == "2026-11-22T15:30:00Z"
    # A zone-less time inside the program is taken as UTC, never as local time.
    assert to_json(datetime(2026, 11, 22, 9, 30)) == "2026-11-22T09:30:00Z"


def test_timestamps_with_any_zone_are_read_as_the_same_instant_in_utc() -> None:
    read = parse_timestamp("2026-11-22T09:30:00-06:00")
    assert read == datetime(2026, 11, 22, 15, 30, tzinfo=UTC)
    assert read.tzinfo == UTC
    assert parse_timestamp("2026-03-01T09:30:15.123456Z") == CREATED


# ---------------------------------------------------------------- refusals


def _person(**fields: Any) -> dict[str, Any]:
    return {"uid": "p-1", "name": "Ada", **fields}


@pytest.mark.parametrize("bad", ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10",
                                 "2026-04-31"])
def test_an_impossible_calendar_date_is_refused_with_the_field_path(bad: str) -> None:
    data = {"uid": "a-1", "date": bad, "title": "Shipped", "kind": "story"}
    with pytest.raises(InvalidRecord) as caught:
        from_json(r.Achievement, data, "achievements[3]")
    assert caught.value.where == "achievements[3].date"
    assert str(caught.value) == f'achievements[3].date: expected a date YYYY-MM-DD, got "{bad}"'


@pytest.mark.parametrize("bad", ["2026-1-2", "20260102", "2026-W01-1", "2026-01-02T10:00:00",
                                 " 2026-01-02", "2026/01/02", "", "２０２６-０１-０２"])
def test_only_the_yyyy_mm_dd_spelling_is_a_date(bad: str) -> None:
    with pytest.raises(InvalidRecord, match="expected a date YYYY-MM-DD"):
        parse_date(bad, "journal[0].date")


@pytest.mark.parametrize("bad", [20260102, None, ["2026-01-02"]])
def test_a_date_that_is_not_text_is_refused(bad: Any) -> None:
    with pytest.raises(InvalidRecord) as caught:
        parse_date(bad, "journal[0].date")
    assert caught.value.where == "journal[0].date"


def test_a_leap_day_is_a_date() -> None:
    assert parse_date("2028-02-29") == date(2028, 2, 29)


@pytest.mark.parametrize("bad", ["2026-01-02T10:00:00", "2026-01-02 10:00", "2026-01-02",
                                 "yesterday", "2026-02-30T10:00:00Z"])
def test_a_timestamp_without_a_zone_is_refused_with_the_field_path(bad: str) -> None:
    with pytest.raises(InvalidRecord) as caught:
        from_json(r.Person, _person(created_at=bad), "people[4]")
    assert caught.value.where == "people[4].created_at"
    assert str(caught.value) == (
        f'people[4].created_at: expected a timestamp with a zone, got "{bad}"')


def test_a_wrong_type_deep_inside_names_the_whole_path() -> None:
    data = {"uid": "a-1", "date": "2026-01-02", "title": "Won", "kind": "quantified",
            "metrics": [{"name": "Satisfaction", "result": "a lot"}]}
    with pytest.raises(InvalidRecord) as caught:
        from_json(r.Achievement, data, "achievements[2]")
    assert str(caught.value) == 'achievements[2].metrics[0].result: expected a number, got "a lot"'


@pytest.mark.parametrize(
    ("fields", "where", "message"),
    [
        ({"stance": "friendly"}, "people[0].stance",
         'expected one of champion, supporter, neutral, skeptic, blocker, unknown, got "friendly"'),
        ({"influence": True}, "people[0].influence", "expected a whole number, got true"),
        ({"influence": 2.5}, "people[0].influence", "expected a whole number, got 2.5"),
        ({"cadence_days": 10**30}, "people[0].cadence_days",
         "1000000000000000000000000000000 is too large"),
        ({"roles": "manager"}, "people[0].roles", 'expected a list, got "manager"'),
        ({"roles": ["manager", "boss"]}, "people[0].roles[1]",
         'expected one of manager, skip_level, hr, decision_maker, mentor, sponsor, peer, '
         'hiring_manager, executive, other, got "boss"'),
        ({"name": 7}, "people[0].name", "expected text, got 7"),
        ({"tags": [1]}, "people[0].tags[0]", "expected text, got 1"),
    ],
)
def test_wrong_values_are_refused_naming_field_and_value(
        fields: dict[str, Any], where: str, message: str) -> None:
    with pytest.raises(InvalidRecord) as caught:
        from_json(r.Person, _person(**fields), "people[0]")
    assert caught.value.where == where
    assert caught.value.problem == message


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), 10**400])
def test_numbers_a_journal_cannot_keep_are_refused(value: float) -> None:
    data = {"name": "Churn", "result": value}
    with pytest.raises(InvalidRecord) as caught:
        from_json(r.Metric, data, "achievements[0].metrics[0]")
    assert caught.value.where == "achievements[0].metrics[0].result"
    assert caught.value.problem.startswith("expected a number, got ")


def test_booleans_are_not_numbers_and_numbers_are_not_booleans() -> None:
    with pytest.raises(InvalidRecord, match="result: expected a number, got true"):
        from_json(r.Metric, {"name": "x", "result": True})
    with pytest.raises(InvalidRecord, match="higher_is_better: expected true or false, got 1"):
        from_json(r.Metric, {"name": "x", "result": 1, "higher_is_better": 1})


def test_whole_numbers_are_accepted_where_a_number_is_expected() -> None:
    read = from_json(r.Metric, {"name": "x", "result": 3, "baseline": 2})
    assert read.result == 3.0 and isinstance(read.result, float)


def test_a_missing_required_field_is_named() -> None:
    with pytest.raises(InvalidRecord) as caught:
        from_json(r.Achievement, {"uid": "a-1", "title": "No date"}, "achievements[5]")
    assert str(caught.value) == "achievements[5].date: is missing"


def test_missing_optional_fields_take_their_defaults() -> None:
    read = from_json(r.Achievement, {"uid": "a-1", "date": "2026-01-02", "title": "Won"})
    assert read.kind is AchievementKind.STORY
    assert read.metrics == [] and read.people == [] and read.highlight is False
    person = from_json(r.Person, {"name": "Ada"})
    assert person.stance is Stance.UNKNOWN
    assert len(person.uid) == 36  # a new uid when the data has none


def test_a_record_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(InvalidRecord) as caught:
        from_json(r.JournalEntry, ["2026-01-02", "text"], "journal[1]")
    assert str(caught.value) == 'journal[1]: expected an object, got ["2026-01-02", "text"]'


def test_long_values_are_cut_in_messages() -> None:
    with pytest.raises(InvalidRecord) as caught:
        from_json(r.Person, _person(influence="x" * 500), "people[0]")
    assert len(str(caught.value)) < 120
    assert caught.value.problem.endswith('..."') or caught.value.problem.endswith("...")


def test_unknown_fields_are_ignored() -> None:
    # A newer careerdesk may add optional fields; this one reads the file anyway.
    read = from_json(r.JournalEntry, {"uid": "j-1", "date": "2026-01-02", "body": "x",
                                      "mood": "great"})
    assert read == r.JournalEntry(uid="j-1", date=date(2026, 1, 2), body="x")


def test_round_trip_keeps_none_and_empty_values_apart() -> None:
    entry = r.JournalEntry(date=date(2026, 1, 2), title=None, body="")
    assert from_json(r.JournalEntry, to_json(entry)) == entry
    plan = dataclasses.replace(sample().plan, outcome=None, benchmarks=[])
    assert from_json(r.NegotiationPlan, to_json(plan)) == plan
