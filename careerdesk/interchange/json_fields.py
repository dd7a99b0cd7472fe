"""Fields of another tool's JSON export, checked one by one.

jrnl and Day One write loosely typed JSON; a wrong type must be refused with the record
and the field named (``entries[3].tags: expected a list of text, got "work"``), not
turn into a crash halfway through a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careerdesk.domain.codec import check_text
from careerdesk.domain.errors import InvalidRecord
from careerdesk.interchange.careerdesk_json import loads, read_json
from careerdesk.interchange.foreign import refuse
from careerdesk.interchange.schema import show


def load(raw: bytes, path: Path | str) -> Any:
    """The JSON in ``raw``; a syntax error is told by line and column."""
    return loads(raw, path)


def load_file(path: Path) -> Any:
    return read_json(path)


def entries(data: Any, path: Path | str) -> list[Any]:
    """The ``entries`` list both jrnl and Day One put at the top of their file."""
    if not isinstance(data, dict):
        raise refuse(path, "", "expected a JSON object with an \"entries\" list at the top")
    items = data.get("entries")
    if not isinstance(items, list):
        raise refuse(path, "entries", "is missing" if items is None else
                     f"expected a list, got {show(items)}")
    return items


def record(item: Any, path: Path | str, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise refuse(path, where, f"expected an object, got {show(item)}")
    return item


def text(item: dict[str, Any], name: str, path: Path | str, where: str, *,
         required: bool = False) -> str | None:
    value = item.get(name)
    if value is None:
        if required:
            raise refuse(path, f"{where}.{name}", "is missing")
        return None
    if not isinstance(value, str):
        raise refuse(path, f"{where}.{name}", f"expected text, got {show(value)}")
    return _unicode(value, path, f"{where}.{name}")


def flag(item: dict[str, Any], name: str, path: Path | str, where: str) -> bool:
    value = item.get(name, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise refuse(path, f"{where}.{name}", f"expected true or false, got {show(value)}")
    return value


def text_list(item: dict[str, Any], name: str, path: Path | str, where: str) -> list[str]:
    value = item.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise refuse(path, f"{where}.{name}", f"expected a list of text, got {show(value)}")
    return [_unicode(v, path, f"{where}.{name}[{i}]") for i, v in enumerate(value)]


def _unicode(value: str, path: Path | str, where: str) -> str:
    try:
        return check_text(value, where)
    except InvalidRecord as error:
        raise refuse(path, where, error.problem) from None
