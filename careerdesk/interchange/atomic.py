"""Writing an export whole or not at all.

A half-written zip or brag document that looks finished is worse than none: the file
is written beside its destination and renamed over it only once it is complete.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from careerdesk.domain.errors import FileRefused


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise FileRefused(f"{path}: is a folder; give the name of the file to write")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise FileRefused(f"{path}: cannot be written ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, 0o600)  # an export is as private as the journal
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_json_atomically(path: Path, data: Any) -> None:
    def write(out: BinaryIO) -> None:
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        out.write(b"\n")

    write_atomically(path, write)
