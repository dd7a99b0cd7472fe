"""``careerdesk prep-sheet`` writes a real PDF: 1–2 pages, the plan's words, title, embedded fonts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from careerdesk import services
from careerdesk.domain.enums import Strategy
from careerdesk.domain.records import NegotiationPlan, Person
from tests.reports.conftest import damage_journal_entries


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    return subprocess.run([sys.executable, "-m", "careerdesk", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def _fonts(reader: PdfReader) -> list[Any]:
    found = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            found.append(font)
    return found


def test_pdf_of_the_latest_plan(demo_journal: services.Journal, private_data_dir: Path,
                                tmp_path: Path) -> None:
    out = tmp_path / "prep.pdf"
    done = run(private_data_dir, "prep-sheet", "--latest", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "(2 pages)" in done.stdout or "(1 page)" in done.stdout
    reader = PdfReader(out)
    assert 1 <= len(reader.pages) <= 2
    assert reader.metadata is not None
    assert reader.metadata.title == "Prep sheet: Promotion to Lead Data Analyst"
    words = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    plan = next(p for p in services.load_all(demo_journal, NegotiationPlan)
                if p.strategy is Strategy.PROMOTION)
    assert "Lead Data Analyst" in words and "118,000 USD" in words
    for point in plan.talking_points:
        start = " ".join(point.replace("**", "").split())[:40]
        assert start in words, start
    people = {p.uid: p for p in services.load_all(demo_journal, Person)}
    for uid in plan.participants:
        assert people[uid].name in words
    fonts = _fonts(reader)
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), font


def test_unknown_uid_is_refused(demo_journal: services.Journal, private_data_dir: Path,
                                tmp_path: Path) -> None:
    out = tmp_path / "prep.pdf"
    done = run(private_data_dir, "prep-sheet", "no-such-plan", "-o", str(out))
    assert done.returncode == 1
    assert done.stderr.strip() == "careerdesk: no negotiation plan with uid no-such-plan"
    assert not out.exists()


@pytest.mark.parametrize("args", [["-o", "x.pdf"], ["uid", "--latest", "-o", "x.pdf"],
                                  ["--latest"]])
def test_usage_errors(private_data_dir: Path, args: list[str]) -> None:
    assert run(private_data_dir, "prep-sheet", *args).returncode == 2


def test_other_commands_stay_free_of_qt(tmp_path: Path) -> None:
    code = ("import sys; from careerdesk.cli import main; main(['--data-dir', sys.argv[1], 'plan'])"
            "; assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide' in m)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "journal")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


def test_an_unwritable_output_is_refused_in_words(demo_journal: services.Journal,
                                                  private_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "prep.pdf"
    done = run(private_data_dir, "prep-sheet", "--latest", "-o", str(out))
    assert done.returncode == 1
    assert done.stderr.strip() == f"careerdesk: {out}: No such file or directory"
    assert "Traceback" not in done.stderr


def test_a_damaged_journal_is_refused_and_nothing_written(demo_journal: services.Journal,
                                                          private_data_dir: Path,
                                                          tmp_path: Path) -> None:
    """The check of every page runs beside the making of the sheet, and still refuses
    before the file is written."""
    demo_journal.close()
    damage_journal_entries(demo_journal.path)
    out = tmp_path / "prep.pdf"
    done = run(private_data_dir, "prep-sheet", "--latest", "-o", str(out))
    assert done.returncode == 1
    assert "damaged" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_the_command_reads_the_journal_without_sqlalchemy(demo_journal: services.Journal,
                                                          private_data_dir: Path,
                                                          tmp_path: Path) -> None:
    """The sheet is read with plain SQL on a read-only connection: importing the ORM was a
    quarter of the command's time on a large journal."""
    out = tmp_path / "prep.pdf"
    demo_journal.close()
    script = ("import sys; from careerdesk.cli import main; "
              f"status = main(['--data-dir', {str(private_data_dir)!r}, 'prep-sheet', "
              f"'--latest', '-o', {str(out)!r}]); "
              "print(status, sorted(m for m in sys.modules if m.split('.')[0] in "
              "('sqlalchemy', 'alembic')))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 []"
    assert PdfReader(out).metadata.title == "Prep sheet: Promotion to Lead Data Analyst"


def test_an_encrypted_journal_prints_with_its_passphrase(
        demo_journal: services.Journal, private_data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    demo_journal.close()
    monkeypatch.setenv("CAREERDESK_PASSPHRASE", "correct horse battery staple")
    assert run(private_data_dir, "encrypt").returncode == 0
    out = tmp_path / "prep.pdf"
    done = run(private_data_dir, "prep-sheet", "--latest", "-o", str(out))
    assert done.returncode == 0, done.stderr
    words = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Promotion to Lead Data Analyst" in words
    monkeypatch.setenv("CAREERDESK_PASSPHRASE", "not it")
    again = tmp_path / "again.pdf"
    done = run(private_data_dir, "prep-sheet", "--latest", "-o", str(again))
    assert done.returncode == 1
    assert "passphrase is wrong" in done.stderr and "Traceback" not in done.stderr
    assert not again.exists()


def test_a_journal_without_plans_is_said_so(private_data_dir: Path, tmp_path: Path) -> None:
    """A folder without a journal gets one, as with any command; it has no plan to print."""
    out = tmp_path / "prep.pdf"
    done = run(private_data_dir, "prep-sheet", "--latest", "-o", str(out))
    assert done.returncode == 1
    assert done.stderr.strip() == "careerdesk: the journal has no negotiation plan to print"
    assert (private_data_dir / "journal.sqlite3").stat().st_size > 0
    assert not out.exists()
