"""A metric's change, percent change, and the words the window and the prep sheet use."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerdesk.domain import records as r
from careerdesk.domain.codec import from_json, to_json
from careerdesk.domain.enums import AchievementKind, PersonRole, Scope, Stance
from careerdesk.domain.metrics import (
    change,
    describe,
    describe_change,
    format_number,
    improved,
    percent_change,
)


def metric(baseline: float | None, result: float, *, unit: str | None = None,
           higher_is_better: bool = True, name: str = "Client satisfaction") -> r.Metric:
    return r.Metric(name=name, unit=unit, baseline=baseline, result=result,
                    higher_is_better=higher_is_better)


# ---------------------------------------------------------------- change and percent change


def test_change_is_result_minus_baseline() -> None:
    assert change(metric(72, 88)) == 16
    assert change(metric(5, 1.5)) == -3.5
    assert change(metric(0, 7)) == 7


def test_change_needs_a_baseline() -> None:
    assert change(metric(None, 88)) is None


def test_percent_change_against_the_baseline() -> None:
    assert percent_change(metric(72, 88)) == pytest.approx(22.2222, abs=1e-4)
    assert percent_change(metric(200, 50)) == pytest.approx(-75.0)
    assert percent_change(metric(40, 40)) == 0


def test_percent_change_keeps_the_numbers_sign_when_lower_is_better() -> None:
    # 5 days down to 1.5 days is a 70 % drop; that it is good news is improved()'s business.
    turnaround = metric(5, 1.5, unit="days", higher_is_better=False)
    assert percent_change(turnaround) == pytest.approx(-70.0)
    assert improved(turnaround) is True


def test_percent_change_of_a_negative_baseline_is_relative_to_its_size() -> None:
    # A loss of 10 shrinking to a loss of 5 is an increase of 50 % of the baseline's size.
    assert percent_change(metric(-10, -5)) == pytest.approx(50.0)
    assert percent_change(metric(-10, -15)) == pytest.approx(-50.0)


@pytest.mark.parametrize("baseline", [None, 0, 0.0])
def test_no_percent_change_without_a_usable_baseline(baseline: float | None) -> None:
    assert percent_change(metric(baseline, 12)) is None


@pytest.mark.parametrize(
    ("baseline", "result", "higher_is_better", "expected"),
    [
        (72, 88, True, True),
        (72, 60, True, False),
        (24, 4, False, True),
        (4, 24, False, False),
        (10, 10, True, None),
        (None, 10, True, None),
    ],
)
def test_improved_follows_the_metrics_direction(
        baseline: float | None, result: float, higher_is_better: bool, expected: bool | None
) -> None:
    assert improved(metric(baseline, result, higher_is_better=higher_is_better)) is expected


# ---------------------------------------------------------------- words


def test_describe_reads_like_the_product_brief() -> None:
    assert describe(metric(72, 88, unit="%")) == "Client satisfaction 72 → 88 %, +22 %"


@pytest.mark.parametrize(
    ("m", "expected"),
    [
        (metric(None, 88, unit="%"), "88 %"),
        (metric(None, 12), "12"),
        (metric(5, 1.5, unit="days", higher_is_better=False), "5 → 1.5 days, -70 %"),
        (metric(22, 4, unit="hours", higher_is_better=False), "22 → 4 hours, -82 %"),
        (metric(100, 80, unit="$"), "100 → $80, -20 %"),
        (metric(1, 3, unit="x"), "1 → 3 x, +200 %"),
        (metric(1200000, 1500000, unit="EUR"), "1,200,000 → 1,500,000 EUR, +25 %"),
        (metric(40, 40, unit="%"), "40 → 40 %, +0 %"),
        # A zero baseline has no percent change: the plain difference is said instead.
        (metric(0, 5, unit="incidents"), "0 → 5 incidents, +5"),
        (metric(0, 0), "0 → 0"),
    ],
)
def test_describe_change(m: r.Metric, expected: str) -> None:
    assert describe_change(m) == expected


def test_describe_starts_with_the_metrics_name() -> None:
    m = metric(10, 12, name="Deals closed")
    assert describe(m) == f"Deals closed {describe_change(m)}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (72.0, "72"),
        (72, "72"),
        (1234567.5, "1,234,567.5"),
        (1000, "1,000"),
        (2.5, "2.5"),
        (1 / 3, "0.33"),
        (0.999, "1"),
        (0.1 + 0.2, "0.3"),
        (-3.25, "-3.25"),
        (-1500, "-1,500"),
        (-0.001, "0"),
        (0, "0"),
    ],
)
def test_format_number(value: float, expected: str) -> None:
    assert format_number(value) == expected


# ---------------------------------------------------------------- properties

numbers = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
texts = st.text(max_size=30)
optional_texts = st.none() | texts


@settings(max_examples=150, deadline=None)
@given(baseline=numbers, result=numbers, higher_is_better=st.booleans())
def test_percent_change_sign_agrees_with_the_change(
        baseline: float, result: float, higher_is_better: bool) -> None:
    m = metric(baseline, result, higher_is_better=higher_is_better)
    percent = percent_change(m)
    delta = result - baseline
    if baseline == 0:
        assert percent is None
    else:
        assert percent is not None
        assert math.copysign(1, percent) == math.copysign(1, delta) or percent == delta == 0
        assert percent == pytest.approx(delta / abs(baseline) * 100)
    assert change(m) == delta


@settings(max_examples=150, deadline=None)
@given(baseline=st.none() | numbers, result=numbers, unit=st.none() | st.sampled_from(
    ["%", "$", "€", "x", "days", "hours", ""]), name=st.text(min_size=1, max_size=20))
def test_describe_never_fails_and_names_the_metric(
        baseline: float | None, result: float, unit: str | None, name: str) -> None:
    m = metric(baseline, result, unit=unit, name=name)
    text = describe(m)
    assert text.startswith(f"{name} ")
    assert format_number(result) in text
    if baseline is not None:
        assert f"{format_number(baseline)} → " in text


@settings(max_examples=100, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_format_number_rounds_to_two_decimals(value: float) -> None:
    text = format_number(value)
    assert text != "-0"
    assert float(text.replace(",", "")) == pytest.approx(value, abs=0.005 + abs(value) * 1e-12)
    assert len(text.partition(".")[2]) <= 2


metrics = st.builds(r.Metric, name=st.text(min_size=1, max_size=30), result=numbers,
                    unit=optional_texts, baseline=st.none() | numbers,
                    higher_is_better=st.booleans())
stamps = st.none() | st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30)),
                               timezone(-timedelta(hours=6))]))
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
uids = st.uuids().map(str)
tag_lists = st.lists(st.text(min_size=1, max_size=12), max_size=4)

achievements = st.builds(
    r.Achievement, uid=uids, tags=tag_lists, created_at=stamps, updated_at=stamps, date=days,
    title=st.text(min_size=1, max_size=40), kind=st.sampled_from(AchievementKind),
    story=optional_texts, scope=st.none() | st.sampled_from(Scope),
    metrics=st.lists(metrics, max_size=3), skills=st.lists(texts, max_size=3),
    people=st.lists(uids, max_size=3), experience=st.none() | uids,
    evidence=st.lists(texts, max_size=2), highlight=st.booleans(), notes=optional_texts)
people = st.builds(
    r.Person, uid=uids, tags=tag_lists, created_at=stamps, updated_at=stamps,
    name=st.text(min_size=1, max_size=30), title=optional_texts, department=optional_texts,
    roles=st.lists(st.sampled_from(PersonRole), max_size=3),
    influence=st.none() | st.integers(1, 5), stance=st.sampled_from(Stance),
    relationship=st.none() | st.integers(1, 5), cadence_days=st.none() | st.integers(1, 365),
    notes=optional_texts)
entries = st.builds(r.JournalEntry, uid=uids, tags=tag_lists, created_at=stamps,
                    updated_at=stamps, date=days, title=optional_texts, body=texts)


def _through_json_text(value: object) -> object:
    """As an interchange file carries it: JSON text, read back."""
    return json.loads(json.dumps(to_json(value), ensure_ascii=False))


@settings(max_examples=100, deadline=None)
@given(metrics)
def test_metric_survives_to_json_and_back(m: r.Metric) -> None:
    assert from_json(r.Metric, _through_json_text(m)) == m


@settings(max_examples=60, deadline=None)
@given(st.one_of(achievements, people, entries))
def test_records_survive_to_json_and_back(record: r.Record) -> None:
    back = from_json(type(record), _through_json_text(record), "record")
    assert back == record
    for stamp in (back.created_at, back.updated_at):
        assert stamp is None or stamp.utcoffset() == timedelta(0)
