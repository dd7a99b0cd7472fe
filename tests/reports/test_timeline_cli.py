"""``careerdesk timeline -o FILE``: the chart as PNG, SVG or PDF, or a clear refusal."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from careerdesk.cli import main
from careerdesk.store.database import Journal
from tests.reports.conftest import damage_journal_entries

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".PNG"])
def test_writes_a_valid_file(demo_journal: Journal, tmp_path: Path, suffix: str,
                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"timeline{suffix}"
    status = main(["--data-dir", str(demo_journal.path.parent), "timeline", "-o", str(out),
                   "--from", "2025-11-22", "--to", "2026-11-22"])
    assert status == 0
    assert "22 Nov 2025 – 22 Nov 2026" in capsys.readouterr().out
    body = out.read_bytes()
    kind = suffix.lower()
    if kind == ".png":
        assert body.startswith(PNG_SIGNATURE)
        width = int.from_bytes(body[16:20], "big")
        assert width >= 1500  # a wide, sharp picture
    elif kind == ".svg":
        root = ET.fromstring(body)
        assert root.tag.endswith("svg")
        assert b"Achievements" in body
    else:
        assert body.startswith(b"%PDF")
        reader = PdfReader(out)
        assert len(reader.pages) == 1
        assert "Achievements" in reader.pages[0].extract_text()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_defaults_to_the_last_12_months(demo_journal: Journal, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.png"
    assert main(["--data-dir", str(demo_journal.path.parent), "timeline", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(PNG_SIGNATURE)


@pytest.mark.parametrize("name", ["timeline.txt", "timeline", "timeline.jpeg"])
def test_refuses_other_formats(demo_journal: Journal, tmp_path: Path, name: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / name
    status = main(["--data-dir", str(demo_journal.path.parent), "timeline", "-o", str(out)])
    assert status == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and ".png, .svg or .pdf" in err and name in err
    assert not out.exists()


def test_refuses_a_period_that_ends_before_it_starts(demo_journal: Journal, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.png"
    status = main(["--data-dir", str(demo_journal.path.parent), "timeline", "-o", str(out),
                   "--from", "2026-05-01", "--to", "2026-01-01"])
    assert status == 2
    assert "before" in capsys.readouterr().err
    assert not out.exists()


def test_a_folder_that_does_not_exist_is_refused_cleanly(demo_journal: Journal, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    out = tmp_path / "missing" / "t.pdf"
    assert main(["--data-dir", str(demo_journal.path.parent), "timeline", "-o", str(out)]) == 1
    assert "missing" in capsys.readouterr().err


def test_an_existing_file_is_replaced_whole(demo_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "t.svg"
    out.write_text("old")
    assert main(["--data-dir", str(demo_journal.path.parent), "timeline", "-o", str(out)]) == 0
    ET.fromstring(out.read_bytes())


def test_a_damaged_journal_is_refused_and_nothing_written(demo_journal: Journal, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    path = demo_journal.path
    demo_journal.close()
    damage_journal_entries(path)
    out = tmp_path / "t.png"
    assert main(["--data-dir", str(path.parent), "timeline", "-o", str(out)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_the_command_reads_the_journal_without_sqlalchemy(demo_journal: Journal,
                                                          tmp_path: Path) -> None:
    """The chart is read with plain SQL: importing the ORM would be a third of the command's
    time on a large journal."""
    import subprocess
    import sys

    out = tmp_path / "t.png"
    demo_journal.close()
    script = ("import sys; from careerdesk.cli import main; "
              f"status = main(['--data-dir', {str(demo_journal.path.parent)!r}, 'timeline', "
              f"'-o', {str(out)!r}]); "
              "print(status, sorted(m for m in sys.modules if m.split('.')[0] in "
              "('sqlalchemy', 'PySide6', 'alembic')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "0 []"
    assert out.read_bytes().startswith(PNG_SIGNATURE)


def test_a_folder_without_a_journal_gets_one_as_with_any_command(tmp_path: Path) -> None:
    """The plain read needs a journal of this version's layout: a missing (or older) one is
    first opened the usual way, which makes (or migrates) it."""
    data_dir = tmp_path / "new"
    out = tmp_path / "t.png"
    assert main(["--data-dir", str(data_dir), "timeline", "-o", str(out)]) == 0
    assert (data_dir / "journal.sqlite3").stat().st_size > 0
    assert out.read_bytes().startswith(PNG_SIGNATURE)


def test_an_encrypted_journal_is_read_with_its_passphrase(demo_journal: Journal, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    data_dir = str(demo_journal.path.parent)
    demo_journal.close()
    monkeypatch.setenv("CAREERDESK_PASSPHRASE", "correct horse battery staple")
    assert main(["--data-dir", data_dir, "encrypt"]) == 0
    out = tmp_path / "t.png"
    assert main(["--data-dir", data_dir, "timeline", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(PNG_SIGNATURE)
    capsys.readouterr()
    monkeypatch.setenv("CAREERDESK_PASSPHRASE", "not it")
    again = tmp_path / "again.png"
    assert main(["--data-dir", data_dir, "timeline", "-o", str(again)]) == 1
    assert "passphrase is wrong" in capsys.readouterr().err
    assert not again.exists()
