"""Records to plain JSON values and back, driven by the dataclasses' type hints.

One codec serves the interchange file, undo snapshots and the clipboard, so a new
optional field needs adding in one place only (the dataclass).
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

from careerdesk.domain.errors import InvalidRecord

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def to_json(value: Any) -> Any:
    """A record (or any value inside one) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def from_json(cls: type[T], data: Any, where: str = "") -> T:
    """Builds ``cls`` from JSON data that already passed the schema.

    The schema checks shapes; this checks what a schema cannot (a 30 February, a
    timestamp without a zone) and names the field that is wrong.
    """
    kind: Any = cls
    return typing.cast(T, _converter(kind)(data, where))


Converter = Callable[[Any, str], Any]


@cache
def _converter(tp: Any) -> Converter:
    """The function that converts a JSON value to ``tp``, worked out once per type.

    An import converts a hundred thousand records; looking at the type hints of every
    field of every record again took a third of its time.
    """
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return _optional(options[0])
    if origin is list:
        (item,) = get_args(tp)
        return _list_of(item)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    if tp is datetime:
        return parse_timestamp
    if tp is date:
        return parse_date
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum(tp)
    simple = {float: _float, int: _int, bool: _bool, str: _str}.get(tp)
    if simple is not None:
        return simple

    def unknown(value: Any, where: str) -> Any:
        raise TypeError(f"no conversion for {tp!r}")  # a programming error, not bad input

    return unknown


def _optional(tp: Any) -> Converter:
    def convert(value: Any, where: str) -> Any:
        return None if value is None else _converter(tp)(value, where)

    return convert


def _list_of(item: Any) -> Converter:
    def convert(value: Any, where: str) -> Any:
        if not isinstance(value, list):
            raise InvalidRecord(where, f"expected a list, got {_show(value)}")
        each = _converter(item)
        out = []
        for i, v in enumerate(value):
            try:
                out.append(each(v, ""))
            except InvalidRecord as error:
                raise _within(f"{where}[{i}]", error) from None
        return out

    return convert


def _dataclass(tp: type) -> Converter:
    # The fields' converters are looked up at the first call, not here: a dataclass may
    # (one day) hold itself, and building them eagerly would then never end.
    plan: list[tuple[str, Converter, bool]] = []

    def convert(value: Any, where: str) -> Any:
        if not isinstance(value, dict):
            raise InvalidRecord(where, f"expected an object, got {_show(value)}")
        if not plan:
            hints = _hints(tp)
            plan.extend((f.name, _converter(hints[f.name]),
                         f.default is dataclasses.MISSING
                         and f.default_factory is dataclasses.MISSING)
                        for f in dataclasses.fields(tp))
        kwargs = {}
        for name, field_converter, required in plan:
            if name in value:
                try:
                    kwargs[name] = field_converter(value[name], "")
                except InvalidRecord as error:
                    raise _within(_join(where, name), error) from None
            elif required:
                raise InvalidRecord(_join(where, name), "is missing")
        return tp(**kwargs)

    return convert


def _within(where: str, error: InvalidRecord) -> InvalidRecord:
    """``error``, raised with a place relative to ``where``, with the whole place.

    Lists and objects hand their items an empty place and name them only when one is
    wrong: spelling out the place of every field of every record took a fifth of the
    time a large import spends here.
    """
    inner = error.where
    if not inner:
        return InvalidRecord(where, error.problem)
    if inner.startswith("["):
        return InvalidRecord(where + inner, error.problem)
    return InvalidRecord(_join(where, inner), error.problem)


def _enum(tp: type[Enum]) -> Converter:
    def convert(value: Any, where: str) -> Any:
        try:
            return tp(value)
        except ValueError:
            allowed = ", ".join(m.value for m in tp)
            raise InvalidRecord(where, f"expected one of {allowed}, got {_show(value)}") from None

    return convert


def _float(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidRecord(where, f"expected a number, got {_show(value)}")
    # NaN, infinities and giant integers: Python's json reads them, SQLite cannot keep them.
    number = float(value) if isinstance(value, float) or abs(value) < 2**1023 else math.inf
    if not math.isfinite(number):
        raise InvalidRecord(where, f"expected a number, got {_show(value)}")
    return number


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidRecord(where, f"expected a whole number, got {_show(value)}")
    if not -(2**63) <= value < 2**63:  # SQLite's INTEGER
        raise InvalidRecord(where, f"{_show(value)} is too large")
    return value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidRecord(where, f"expected true or false, got {_show(value)}")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise InvalidRecord(where, f"expected text, got {_show(value)}")
    return check_text(value, where)


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(value: str, where: str = "") -> str:
    """``value`` if it is real Unicode text; JSON's ``"\\ud800"`` escape is not.

    Python's json reads a lone surrogate into a str that no file or SQLite can encode, so
    it is refused here, with its place, rather than failing later in the middle of a save.
    """
    found = _SURROGATE.search(value)
    if found:
        raise InvalidRecord(where, f"not valid Unicode text (a lone surrogate "
                                   f"\\u{ord(found.group()):04x} at character {found.start() + 1})")
    return value


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(value: Any, where: str = "") -> date:
    # Only YYYY-MM-DD: fromisoformat alone also takes week dates such as 2026-W01-1.
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return _bad_date(value, where)


def _bad_date(value: Any, where: str) -> date:
    raise InvalidRecord(where, f"expected a date YYYY-MM-DD, got {_show(value)}")


def parse_timestamp(value: Any, where: str = "") -> datetime:
    if isinstance(value, str):
        try:
            stamp = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if stamp.tzinfo is not None:
                return stamp.astimezone(UTC)
    raise InvalidRecord(where, f"expected a timestamp with a zone, got {_show(value)}")


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _show(value: Any) -> str:
    """A value as the message quotes it: strings in double quotes, long ones cut."""
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
