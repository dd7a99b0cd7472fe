"""The compiled schema check lets through only what jsonschema accepts.

``schema.validate`` trusts fastjsonschema when it finds a file valid and asks jsonschema
otherwise, so the compiled check may be stricter than jsonschema but never more lenient:
a file it passed would go unchecked.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerdesk import services
from careerdesk.domain.errors import InvalidRecord
from careerdesk.interchange import schema
from tests.safety.test_fuzz_import import JSON_VALUES, ODD_TEXT

DEMO: dict[str, Any] = json.loads(services.demo_file().read_text(encoding="utf-8"))
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "bad"


def jsonschema_accepts(data: Any) -> bool:
    return not any(True for _ in schema._validator().iter_errors(data))


def test_both_accept_the_demo() -> None:
    assert schema.passes_fast_check(DEMO) and jsonschema_accepts(DEMO)


def corpus_json() -> list[tuple[str, Any]]:
    """The bad corpus's files that are JSON (the others are refused before any schema)."""
    found = []
    for path in sorted(CORPUS.glob("*.json")):
        try:
            found.append((path.name, json.loads(path.read_text(encoding="utf-8-sig"))))
        except (ValueError, RecursionError):
            continue
    return found


def test_the_bad_corpus_has_json_for_the_schema() -> None:
    assert len(corpus_json()) >= 5


@pytest.mark.parametrize(("name", "data"), corpus_json(), ids=[n for n, _ in corpus_json()])
def test_the_bad_corpus_is_judged_alike(name: str, data: Any) -> None:
    assert schema.passes_fast_check(data) == jsonschema_accepts(data), name


@st.composite
def damaged(draw: st.DrawFn) -> dict[str, Any]:
    """The demo's data with one value of one record (or of a nested list) replaced."""
    data = copy.deepcopy(DEMO)
    section = draw(st.sampled_from([s for s in DEMO if isinstance(DEMO[s], list) and DEMO[s]]))
    record = draw(st.sampled_from(data[section]))
    key = draw(st.sampled_from([*sorted(record), "uid", "date", "title", "kind", "people"]))
    value = record.get(key)
    if isinstance(value, list) and value and draw(st.booleans()):
        value[draw(st.integers(0, len(value) - 1))] = draw(JSON_VALUES)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        value[0][draw(st.sampled_from(sorted(value[0])))] = draw(JSON_VALUES)
    else:
        record[key] = draw(st.one_of(JSON_VALUES, ODD_TEXT, st.integers(-3, 9),
                                     st.floats(0, 6), st.just(None)))
    if draw(st.booleans()):
        data[draw(st.sampled_from(sorted(data)))] = draw(JSON_VALUES)
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=damaged())
def test_the_compiled_check_is_never_more_lenient(data: dict[str, Any]) -> None:
    if schema.passes_fast_check(data):
        assert jsonschema_accepts(data)


def test_where_the_compiled_check_is_stricter_jsonschema_decides() -> None:
    data = copy.deepcopy(DEMO)
    # jsonschema's pattern ``$`` allows one trailing line break; the compiled one does not.
    data["journal"][0]["date"] = "2025-11-14\n"
    assert not schema.passes_fast_check(data)
    schema.validate(data)  # accepted by the schema as before (the codec then refuses it)


def test_a_refusal_is_worded_by_jsonschema() -> None:
    data = copy.deepcopy(DEMO)
    quantified = next(i for i, a in enumerate(data["achievements"]) if a.get("metrics"))
    data["achievements"][quantified]["metrics"][0]["result"] = "a lot"
    with pytest.raises(InvalidRecord) as refused:
        schema.validate(data)
    assert str(refused.value) == (f'achievements[{quantified}].metrics[0].result: '
                                  'expected a number, got "a lot"')
