"""What every reader of another tool's export shares: stable uids, file access, refusals.

A reader turns a whole source into an ``Interchange`` before anything is written, so a
problem anywhere refuses the file and the journal stays as it was. Each refusal names
the file, the place in it (a line, or a record such as ``entries[3]``) and the field.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from careerdesk.domain import records as r
from careerdesk.domain.errors import FileRefused, InvalidRecord
from careerdesk.interchange.careerdesk_json import read_capped
from careerdesk.store import repository

# Never change: every uid an import ever made is derived from it, and a re-import finds
# its earlier records only if the same source gives the same uid again.
NAMESPACE = uuid.UUID("5b0f6f1e-3c2a-4d7e-9a51-0c7d2b4e8f13")

# A zip member bigger than this is refused rather than unpacked into memory: no journal
# export is anywhere near it, a zip bomb is.
MAX_MEMBER_BYTES = 256 * 1024 * 1024


def stable_uid(source: str, *key: object) -> str:
    """The same uid for the same record of the same source, on every import."""
    text = "\x1f".join(str(part) for part in key)
    return str(uuid.uuid5(NAMESPACE, f"{source}:{text}"))


class UidMaker:
    """Content-derived uids, with an ordinal when two records of one file share a key.

    Two jrnl entries written the same minute with the same title are two entries; the
    second becomes ``key#2``, which stays stable as long as the file keeps their order.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._seen: dict[tuple[str, ...], int] = {}

    def __call__(self, *key: object) -> str:
        parts = tuple(str(part) for part in key)
        count = self._seen.get(parts, 0) + 1
        self._seen[parts] = count
        return stable_uid(self.source, *parts) if count == 1 else stable_uid(
            self.source, *parts, f"#{count}")


def refuse(path: Path | str, where: str, problem: str) -> FileRefused:
    """``<file>: <where>: <problem>``; the caller raises it."""
    return FileRefused(f"{path}: {where}: {problem}" if where else f"{path}: {problem}")


def read_bytes(path: Path) -> bytes:
    return read_capped(path)


def decode(raw: bytes, path: Path | str) -> str:
    """UTF-8 text, with or without the byte-order mark Windows tools put in front."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(f"{path}: not UTF-8 text (byte {error.start}); "
                          "save it as UTF-8 and import it again") from None


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise FileRefused(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError) as error:
        raise FileRefused(f"{path}: not a readable zip file ({error})") from None


def zip_member(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_MEMBER_BYTES:
        raise refuse(path, name, f"too large to import ({info.file_size:,} bytes)")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError) as error:  # RuntimeError: encrypted
        raise refuse(path, name, f"cannot be unpacked ({error})") from None


def is_zip(path: Path) -> bool:
    try:
        return path.is_file() and zipfile.is_zipfile(path)
    except OSError:
        return False


def checked(record: r.Record, path: Path | str, where: str) -> None:
    """The domain's own rules, reported at the source's place rather than a list index."""
    try:
        repository.check(record)
    except InvalidRecord as error:
        raise refuse(path, f"{where}: {error.where}" if error.where else where,
                     error.problem) from None


def unique(values: Iterable[str]) -> list[str]:
    """Non-empty values once each (any case), in their first order."""
    seen: dict[str, str] = {}
    for value in values:
        clean = value.strip()
        if clean and clean.casefold() not in seen:
            seen[clean.casefold()] = clean
    return list(seen.values())


@dataclass(frozen=True)
class Owned:
    """The fields a source keeps up to date on a re-import.

    Everything else on a record that is already in the journal is the user's (a stance,
    a level, pay added to an imported position, notes) and is kept as it is; tags are
    merged. A field outside this set is still taken from the source when the record is
    new.
    """

    fields: Mapping[str, frozenset[str]]

    def of(self, section: str) -> frozenset[str]:
        return self.fields.get(section, frozenset())
