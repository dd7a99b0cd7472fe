"""The CSV zip: one file per kind, opened as a spreadsheet or a script would."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.errors import FileRefused
from careerdesk.store.database import Journal


def _read(path: Path) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(path) as archive:
        tables = {}
        for name in archive.namelist():
            raw = archive.read(name)
            assert raw.startswith(b"\xef\xbb\xbf"), name  # the BOM Excel needs
            text = raw.decode("utf-8-sig")
            tables[name] = list(csv.DictReader(io.StringIO(text, newline="")))
        return tables


def test_one_csv_per_kind_with_a_header_and_every_record(demo_journal: Journal,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "journal.zip"
    rows = services.export_csv(demo_journal, path)
    tables = _read(path)
    assert sorted(tables) == sorted(f"{kind}.csv" for kind in r.SECTIONS)
    assert rows == {kind: len(tables[f"{kind}.csv"]) for kind in r.SECTIONS}
    assert rows["achievements"] == 25 and rows["people"] == 15 and rows["skills"] == 20
    with zipfile.ZipFile(path) as archive:
        header = archive.read("people.csv").decode("utf-8-sig").splitlines()[0]
    assert header == ("Name,Title,Department,Roles,Influence,Stance,Relationship,"
                      "Contact every (days),Notes,Tags,uid")


def test_cells_read_like_the_window(demo_journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "journal.zip"
    services.export_csv(demo_journal, path)
    tables = _read(path)
    close = next(row for row in tables["achievements.csv"]
                 if row["Title"] == "Cut month-end close reporting time by a third")
    assert close["Metrics"] == ("Month-end close reporting effort: 46 → 30 hours, -35 %; "
                                "Close reports maintained: 19 → 12 reports, -37 %")
    assert close["Kind"] == "Quantified" and close["Highlight"] == "yes"
    assert close["Skills"] == "Data Modeling; Financial Planning; SQL"
    assert "Natalie Brooks" in close["Seen by"]  # people by name, not uid
    daniel = next(row for row in tables["people.csv"] if row["Name"] == "Daniel Okafor")
    assert daniel["Roles"] == "Manager; Decision maker" and daniel["Stance"] == "Supporter"
    experience = next(row for row in tables["experiences.csv"] if row["Kind"] == "Rotation")
    assert experience["Sponsor"] and len(experience["uid"]) == 36
    pay = tables["compensation.csv"][0]
    assert pay["Base"] == "72000"  # a number a spreadsheet can add up


def test_text_that_a_spreadsheet_would_run_is_defused(journal: Journal, tmp_path: Path) -> None:
    services.add_journal_entry(journal, "=HYPERLINK(\"http://evil.example\",\"x\")",
                               title="-5 % on churn", day=date(2026, 1, 2))
    path = tmp_path / "journal.zip"
    services.export_csv(journal, path)
    (entry,) = _read(path)["journal.csv"]
    assert entry["Body"].startswith("'=HYPERLINK")
    assert entry["Title"] == "'-5 % on churn"


def test_an_empty_journal_gives_headers_only(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "empty.zip"
    assert sum(services.export_csv(journal, path).values()) == 0
    assert all(rows == [] for rows in _read(path).values())


def test_a_failed_export_keeps_the_earlier_file(journal: Journal, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from careerdesk.interchange import csv_export

    path = tmp_path / "journal.zip"
    path.write_bytes(b"last week's export")

    def breaks(header: object, rows: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv_export, "to_csv_bytes", breaks)
    with pytest.raises(OSError):
        services.export_csv(journal, path)
    assert path.read_bytes() == b"last week's export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(FileRefused, match="cannot be written"):
        services.export_csv(journal, tmp_path / "missing-folder" / "out.zip")
