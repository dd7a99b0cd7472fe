"""The interchange file's JSON Schema, and its complaints told in the user's words.

jsonschema says ``'a lot' is not of type 'number'``; a user should read
``achievements[2].metrics[0].result: expected a number, got "a lot"``.

A valid file is checked by fastjsonschema's compiled validator (a 100,000-record file in
under a second, where jsonschema takes ten). Only when that check fails does jsonschema
look again, to find and word the first problem; it alone decides, so what the compiled
check judges more strictly (a date followed by a line break) is still taken as before.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any, cast

from careerdesk.domain.errors import InvalidRecord

_TYPE_WORDS = {
    "number": "a number",
    "integer": "a whole number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}


@cache
def schema() -> dict[str, Any]:
    text = resources.files("careerdesk.interchange").joinpath("careerdesk.schema.json").read_text(
        encoding="utf-8")
    return dict(json.loads(text))


Check = Callable[[Any], Any]


@cache
def _fast_checks() -> tuple[Check, dict[str, Check]]:
    """The compiled check of the file's frame, and one for the records of each list.

    Through the whole schema, the generated code names every record it enters (a string
    format per record), which took half its time; each record checked by its own
    definition's function says the same in half the time.
    """
    import fastjsonschema

    whole = schema()
    definitions = whole.get("$defs", {})
    frame = copy.deepcopy({k: v for k, v in whole.items() if k != "$defs"})
    lists: dict[str, Check] = {}
    for name, prop in frame.get("properties", {}).items():
        items = prop.get("items")
        ref = items.get("$ref", "") if isinstance(items, dict) and len(items) == 1 else ""
        if ref.startswith("#/$defs/"):
            definition = {**definitions[ref.removeprefix("#/$defs/")], "$defs": definitions}
            lists[name] = cast(Check, fastjsonschema.compile(definition))
            del prop["items"]
    return cast(Check, fastjsonschema.compile(frame)), lists


def passes_fast_check(data: Any) -> bool:
    """True when the compiled validator finds the data valid."""
    frame, lists = _fast_checks()
    try:
        frame(data)
        for name, check in lists.items():
            for item in data.get(name, ()):
                check(item)
    except Exception:  # in any doubt jsonschema looks, and it decides
        return False
    return True


@cache
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(schema(), format_checker=None)


def path_text(path: Iterable[Any]) -> str:
    """``['achievements', 2, 'metrics', 0, 'result']`` -> ``achievements[2].metrics[0].result``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _expected(subschema: dict[str, Any]) -> str:
    """What one schema accepts, in words: ``a date YYYY-MM-DD``, ``text or null``."""
    if "const" in subschema:
        return show(subschema["const"])
    if "enum" in subschema:
        return "one of " + ", ".join("null" if v is None else str(v) for v in subschema["enum"])
    if "pattern" in subschema and "\\d{4}-\\d{2}-\\d{2}" in subschema["pattern"]:
        return "a date YYYY-MM-DD"
    if "oneOf" in subschema or "anyOf" in subschema:
        return " or ".join(_expected(s) for s in subschema.get("oneOf", subschema.get("anyOf", [])))
    kinds = subschema.get("type")
    if kinds is None:
        return "a value"
    names: Sequence[str] = [kinds] if isinstance(kinds, str) else kinds
    words = [_TYPE_WORDS.get(k, k) for k in names]
    if subschema.get("minLength") and "text" in words:
        words[words.index("text")] = "non-empty text"
    if "minimum" in subschema and "a whole number" in words:
        low, high = subschema.get("minimum"), subschema.get("maximum")
        words[words.index("a whole number")] = (
            f"a whole number from {low} to {high}" if high is not None else
            f"a whole number of at least {low}")
    return " or ".join(words)


def describe(error: Any) -> InvalidRecord:
    """One jsonschema error as a message that names the field."""
    where = path_text(error.absolute_path)
    got = show(error.instance)
    match error.validator:
        case "required":
            missing = next((name for name in error.validator_value
                            if isinstance(error.instance, dict) and name not in error.instance),
                           "?")
            return InvalidRecord(path_text([*error.absolute_path, missing]), "is missing")
        case "minLength":
            return InvalidRecord(where, "must not be empty")
        case "minimum":
            return InvalidRecord(where, f"expected at least {error.validator_value}, got {got}")
        case "maximum":
            return InvalidRecord(where, f"expected at most {error.validator_value}, got {got}")
        case _:
            return InvalidRecord(where, f"expected {_expected(error.schema)}, got {got}")


def validate(data: Any) -> None:
    """Raises ``InvalidRecord`` for the first problem, in file order."""
    if passes_fast_check(data):
        return
    errors = list(_validator().iter_errors(data))
    if not errors:
        return
    import jsonschema.exceptions

    # best_match prefers the deepest, most specific error; among equals, the earliest.
    error = jsonschema.exceptions.best_match(sorted(errors, key=_file_order))
    raise describe(error)


def _file_order(error: Any) -> tuple[Any, ...]:
    return tuple((0, p) if isinstance(p, int) else (1, 0) for p in error.absolute_path)
