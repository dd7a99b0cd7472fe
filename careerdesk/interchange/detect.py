"""Which format a file is in, told from its content, and one entry point to read any.

The name of a file says little (Day One's zip and LinkedIn's are both ``.zip``, jrnl's
export and careerdesk's are both ``.json``), so the content decides: the zip's members,
the JSON's keys, a ``BEGIN:VCARD`` line, LinkedIn's CSV names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from careerdesk.domain.errors import FileRefused, InvalidRecord
from careerdesk.interchange import careerdesk_json, dayone, jrnl, linkedin, vcard
from careerdesk.interchange.careerdesk_json import Interchange
from careerdesk.interchange.foreign import Owned, is_zip, open_zip

# How many bytes of a text file are enough to tell its format.
_SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    read: Callable[[Path], Interchange]
    # None: the file is careerdesk's own and is the truth for every field it holds.
    owned: Owned | None
    # For a file dialog's filter; the content, not the name, decides the format.
    patterns: tuple[str, ...]


def _read_careerdesk(path: Path) -> Interchange:
    return _parse_careerdesk(careerdesk_json.read_json(path), path)


def _parse_careerdesk(data: Any, path: Path) -> Interchange:
    try:
        return careerdesk_json.parse(data)
    except InvalidRecord as error:
        raise FileRefused(f"{path}: {error}") from None
    except RecursionError:
        raise FileRefused(f"{path}: nested too deeply to be a journal") from None


FORMATS: dict[str, Format] = {
    "careerdesk": Format("careerdesk", "careerdesk file", _read_careerdesk, None, ("*.json",)),
    "jrnl": Format("jrnl", "jrnl JSON export", jrnl.read, jrnl.OWNED, ("*.json",)),
    "dayone": Format("dayone", "Day One export", dayone.read, dayone.OWNED, ("*.zip", "*.json")),
    "linkedin": Format("linkedin", "LinkedIn data export", linkedin.read, linkedin.OWNED,
                       ("*.zip", "*.csv")),
    "vcard": Format("vcard", "vCard contacts", vcard.read, vcard.OWNED, ("*.vcf", "*.vcard")),
}


def guess_format(path: Path) -> str:
    """The name of the file's format (a key of ``FORMATS``), or a refusal saying why not."""
    return _guess(path)[0]


def _guess(path: Path) -> tuple[str, Any]:
    """The format's name, and the file's JSON when telling the format meant reading it."""
    if path.is_dir():
        if linkedin.export_files(path):
            return "linkedin", None
        raise FileRefused(f"{path}: a folder without LinkedIn's export files "
                          f"({', '.join(linkedin.FILES)}); careerdesk cannot import it")
    if not path.exists():
        raise FileRefused(f"{path}: no such file")
    if is_zip(path) or path.suffix.casefold() == ".zip":
        return _guess_zip(path), None  # refuses a ".zip" that is not one, saying so
    if path.name.casefold() in {name.casefold() for name in linkedin.FILES}:
        return "linkedin", None
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as error:
        raise FileRefused(f"{path}: cannot be read ({error.strerror})") from None
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    if text[:11].upper() == "BEGIN:VCARD":
        return "vcard", None
    if text.startswith("{"):
        data = careerdesk_json.read_json(path)
        return _guess_json(data, path), data
    raise _unknown(path)


def _guess_zip(path: Path) -> str:
    with open_zip(path) as archive:
        names = archive.namelist()
        bases = {PurePosixPath(n).name.casefold() for n in names}
        if bases & {name.casefold() for name in linkedin.FILES}:
            return "linkedin"
        if any(PurePosixPath(n).suffix.lower() == ".json" for n in names):
            return "dayone"
    raise _unknown(path)


def _guess_json(data: Any, path: Path) -> str:
    if isinstance(data, dict):
        if data.get("format") == careerdesk_json.FORMAT:
            return "careerdesk"
        if dayone.is_dayone_data(data):
            return "dayone"
        if isinstance(data.get("entries"), list):
            return "jrnl"
    raise _unknown(path)


def _unknown(path: Path) -> FileRefused:
    return FileRefused(f"{path}: not a file careerdesk can import (a careerdesk file, a jrnl "
                       "or Day One JSON export, a LinkedIn data export or vCard contacts)")


def read_any(path: Path, format: str | None = None) -> Interchange:
    """Reads and checks the file, guessing its format when none is given; writes nothing."""
    return read_with_format(path, format)[1]


def read_with_format(path: Path, format: str | None = None) -> tuple[Format, Interchange]:
    """The file's format (guessed when None) and its records, read and checked.

    A careerdesk file whose format was guessed is parsed once: reading a large file's
    JSON a second time took a second and a half.
    """
    if format is None:
        name, data = _guess(path)
        if name == "careerdesk" and data is not None:
            return FORMATS[name], _parse_careerdesk(data, path)
        format = name
    kind = format_of(path, format)
    return kind, kind.read(path)


def format_of(path: Path, format: str | None = None) -> Format:
    name = format or guess_format(path)
    if name not in FORMATS:
        raise FileRefused(f"{path}: unknown format {name!r}; careerdesk reads "
                          + ", ".join(FORMATS))
    return FORMATS[name]
