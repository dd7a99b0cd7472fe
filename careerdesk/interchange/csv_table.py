"""A CSV file read as rows of named columns, each row knowing its line in the file.

LinkedIn's files carry a byte-order mark, quoted fields with line breaks inside, and
(Connections.csv) a few lines of notes above the header; a refusal must still point at
the line a user sees in a text editor.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from careerdesk.domain.errors import FileRefused
from careerdesk.interchange.foreign import refuse


@dataclass
class Row:
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column.casefold(), "").strip()


class Table:
    """The rows below the header; ``where`` is how messages name the file."""

    def __init__(self, text: str, path: Path | str, where: str, *, header_starts: str,
                 required: tuple[str, ...]) -> None:
        self.path = path
        self.where = where
        self._reader = csv.reader(io.StringIO(text, newline=""))
        self._last_line = 0
        self.start_line = 0
        self.header_line = 0
        self._names: list[str] = []
        self.columns = self._find_header(header_starts)
        missing = [c for c in required if c.casefold() not in self.columns]
        if missing:
            raise refuse(path, f"{where} line {self.header_line}",
                         f"no {missing[0]!r} column (the header has: {', '.join(self._names)})")

    def _find_header(self, first_column: str) -> list[str]:
        # Anything above the header (Connections.csv's "Notes:" preamble) is skipped.
        for cells in self._rows():
            if cells and cells[0].strip().casefold() == first_column.casefold():
                self.header_line = self._last_line
                self._names = [c.strip() for c in cells]
                return [c.casefold() for c in self._names]
        raise refuse(self.path, self.where,
                     f"no header line starting with {first_column!r}; is this LinkedIn's file?")

    def _rows(self) -> Iterator[list[str]]:
        while True:
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise refuse(self.path, f"{self.where} line {self._reader.line_num}",
                             f"not readable as CSV ({error})") from None
            self.start_line = self._last_line + 1
            self._last_line = self._reader.line_num
            yield cells

    def __iter__(self) -> Iterator[Row]:
        for cells in self._rows():
            if not any(c.strip() for c in cells):
                continue
            yield Row(self.start_line, dict(zip(self.columns, cells, strict=False)))

    def refuse(self, row: Row, column: str, problem: str) -> FileRefused:
        return refuse(self.path, f"{self.where} line {row.line}: {column}", problem)
