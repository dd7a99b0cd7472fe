"""Random damage to real input never crashes careerdesk and never half-writes a journal.

The importer gets the demo's interchange file with one thing broken (a required key
dropped, a value of the wrong type, odd Unicode, the text cut short): it imports the
whole file or refuses it with a ``CareerdeskError``, and a refusal leaves the journal
exactly as it was. The editors' parsers get random text and raise only their own errors.
"""

from __future__ import annotations

import copy
import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.codec import from_json, parse_date, parse_timestamp, to_json
from careerdesk.domain.errors import CareerdeskError, InvalidRecord
from careerdesk.interchange import careerdesk_json, detect
from careerdesk.store import repository
from careerdesk.store.achievement_edit import MetricDraft, parse_number
from careerdesk.store.database import Journal

DEMO: dict[str, Any] = json.loads(services.demo_file().read_text(encoding="utf-8"))
SECTIONS = [s for s in r.SECTIONS if DEMO[s]]

# Text that has broken importers before: a lone surrogate, NUL, a right-to-left override,
# an emoji outside the BMP, a combining mark alone, a very long word.
ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["\ud800", "\udfff", "a\ud83d", "\x00", "\u202e", "\U0001f4a5", "\u0301",
                     "x" * 5000, "", " ", "2024-02-30", "NaN", "1e400"]),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | ODD_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ODD_TEXT, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def damaged_demo(draw: st.DrawFn) -> str:
    """The demo file as text, with one random thing wrong in one random record."""
    data = copy.deepcopy(DEMO)
    section = draw(st.sampled_from(SECTIONS))
    records = data[section]
    record = records[draw(st.integers(0, len(records) - 1))]
    key = draw(st.sampled_from(sorted(record)))
    match draw(st.sampled_from(["drop", "retype", "unicode", "new key", "truncate"])):
        case "drop":
            del record[key]
        case "retype":
            record[key] = draw(JSON_VALUES)
        case "unicode":
            old = record[key] if isinstance(record[key], str) else ""
            at = draw(st.integers(0, len(old)))
            record[key] = old[:at] + draw(ODD_TEXT) + old[at:]
        case "new key":
            record[draw(ODD_TEXT)] = draw(JSON_VALUES)
        case "truncate":
            text = json.dumps(data, indent=1)
            return text[:draw(st.integers(0, len(text) - 1))]
    # allow_nan: Python writes NaN and Infinity, as some other tools do.
    return json.dumps(data, indent=1)


def _dump(journal: Journal) -> dict[str, Any]:
    with journal.sessions() as session:
        data = careerdesk_json.export_data(session)
    data.pop("exported_at")
    return data


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One journal holding the demo for every example (hypothesis reruns the test)."""
    from careerdesk.store.database import open_journal

    journal = open_journal(tmp_path_factory.mktemp("fuzz") / "data")
    services.load_demo(journal)
    yield journal
    journal.close()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=damaged_demo())
def test_a_damaged_file_imports_whole_or_changes_nothing(
        demo_copy: Journal, tmp_path: Path, text: str) -> None:
    path = tmp_path / "damaged.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = _dump(demo_copy)
    try:
        services.import_file(demo_copy, path)
    except CareerdeskError as refused:
        assert str(refused).startswith(f"{path}: ")
        assert "\n" not in str(refused)
        assert _dump(demo_copy) == before
    else:
        # Imported: what the journal holds now exports and reads back as a valid file.
        careerdesk_json.parse(json.loads(json.dumps(_dump(demo_copy) | {"exported_at":
                                                                        "2026-11-22T00:00:00Z"})))


@settings(max_examples=150, deadline=None)
@given(value=JSON_VALUES)
def test_any_json_is_read_or_refused_by_every_format(tmp_path_factory: pytest.TempPathFactory,
                                                     value: Any) -> None:
    path = tmp_path_factory.mktemp("any") / "any.json"
    path.write_text(json.dumps(value), encoding="utf-8", errors="surrogatepass")
    for name in (None, *detect.FORMATS):
        try:
            read = detect.read_any(path, name)
        except CareerdeskError as refused:
            assert str(refused).startswith(f"{path}: ") and "\n" not in str(refused)
        else:
            assert all(isinstance(x, r.Record | r.Skill) for _, _, x in read.records())


@settings(max_examples=150, deadline=None)
@given(data=st.dictionaries(st.sampled_from(["uid", "date", "title", "kind", "scope", "metrics",
                                             "skills", "people", "tags", "highlight", "notes",
                                             "story", "evidence", "experience"]),
                            JSON_VALUES, max_size=8))
def test_the_codec_and_the_domain_rules_refuse_with_invalid_record(data: dict[str, Any]) -> None:
    try:
        achievement = from_json(r.Achievement, data, "achievements[0]")
        repository.check(achievement, "achievements[0]")
    except InvalidRecord as refused:
        assert refused.where.startswith("achievements[0]")
    else:
        assert from_json(r.Achievement, to_json(achievement)) == achievement


NUMBERISH = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"[+\-−]?[\d ,._']{0,12}(e[+-]?\d{1,4})?", fullmatch=True),
    st.floats().map(repr),
    st.sampled_from(["inf", "-Infinity", "nan", "1e400", "1,234.5", "1 234,5", "−3", "0x10",
                     "１２３", "٣", "1_000"]),
)


@settings(max_examples=300, deadline=None)
@given(text=NUMBERISH)
def test_parse_number_gives_a_finite_number_or_value_error(text: str) -> None:
    try:
        value = parse_number(text)
    except ValueError:
        return
    if value is None:  # nothing typed: only spaces and digit separators
        assert all(c.isspace() or c in "_'" for c in text), text
    else:
        assert math.isfinite(value)


@settings(max_examples=200, deadline=None)
@given(name=ODD_TEXT, baseline=NUMBERISH, result=NUMBERISH, higher=st.booleans())
def test_a_metric_draft_never_crashes(name: str, baseline: str, result: str,
                                      higher: bool) -> None:
    draft = MetricDraft(name=name, baseline=baseline, result=result, higher_is_better=higher)
    problems = draft.problems()
    draft.preview()
    if problems:
        with pytest.raises(ValueError):
            draft.to_metric()
    else:
        metric = draft.to_metric()
        assert math.isfinite(metric.result)


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(JSON_VALUES, st.dates().map(date.isoformat),
                       st.datetimes().map(datetime.isoformat),
                       st.from_regex(r"\d{4,5}-\d{1,2}-\d{1,2}", fullmatch=True)))
def test_dates_parse_or_raise_invalid_record(value: Any) -> None:
    for parse in (parse_date, parse_timestamp):
        try:
            parsed = parse(value, "journal[0].date")
        except InvalidRecord as refused:
            assert refused.where == "journal[0].date"
        else:
            assert isinstance(parsed, date)
