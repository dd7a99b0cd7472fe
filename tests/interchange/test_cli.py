"""import and export from the command line, as a user runs them."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.interchange import samples
from tests.interchange.conftest import Sources


def _run(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careerdesk", "--data-dir", str(data_dir),
                           *map(str, args)], capture_output=True, text=True, timeout=120)


def test_import_guesses_prints_counts_and_is_idempotent(tmp_path: Path, sources: Sources) -> None:
    data = tmp_path / "cli"
    first = _run(data, "import", sources.linkedin_zip)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        "experiences: 1 added, 0 updated, 0 unchanged",
        "people: 2 added, 0 updated, 0 unchanged",
        "skills: 3 added, 0 updated, 0 unchanged",
        "compensation: 3 added, 0 updated, 0 unchanged",
    ]
    again = _run(data, "import", sources.linkedin_zip)
    assert again.stdout.splitlines()[1] == "people: 0 added, 0 updated, 2 unchanged"
    vcards = _run(data, "import", sources.vcard3, "--format", "vcard")
    assert vcards.stdout == "people: 2 added, 0 updated, 0 unchanged\n"


def test_a_refused_import_is_one_line_and_exit_1(tmp_path: Path, sources: Sources) -> None:
    data = tmp_path / "cli"
    folder = sources.linkedin_folder
    (folder / "Connections.csv").write_bytes(
        samples.CONNECTIONS.replace("03 Jan 2023", "yesterday").encode("utf-8"))
    result = _run(data, "import", folder)
    assert result.returncode == 1
    assert result.stderr == (f"careerdesk: {folder}: Connections.csv line 6: Connected On: "
                             'expected a date like 12 Mar 2020, got "yesterday"\n')
    assert result.stdout == ""
    for path, fmt in ((sources.vcard3, "jrnl"), (tmp_path / "missing.vcf", None)):
        result = _run(data, "import", path, *(["--format", fmt] if fmt else []))
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert _run(data, "import", sources.vcard3, "--format", "outlook").returncode == 2


def test_export_csv_and_markdown(tmp_path: Path) -> None:
    data = tmp_path / "cli"
    assert _run(data, "demo").returncode == 0
    zipped = _run(data, "export", tmp_path / "journal.zip", "--format", "csv")
    assert zipped.returncode == 0, zipped.stderr
    assert zipped.stdout.startswith("exported ")
    with zipfile.ZipFile(tmp_path / "journal.zip") as archive:
        text = archive.read("achievements.csv").decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 25
    brag = _run(data, "export", tmp_path / "brag.md", "--format", "markdown",
                "--from", "2026-01-01", "--to", "2026-03-31")
    assert brag.returncode == 0, brag.stderr
    text = (tmp_path / "brag.md").read_text(encoding="utf-8")
    assert "### Q1 2026 (January–March)" in text and "### Q2" not in text


def test_export_usage_errors(tmp_path: Path) -> None:
    data = tmp_path / "cli"
    wrong = _run(data, "export", tmp_path / "x.zip", "--format", "csv", "--from", "2026-01-01")
    assert wrong.returncode == 2 and "--format markdown only" in wrong.stderr
    backwards = _run(data, "export", tmp_path / "b.md", "--format", "markdown",
                     "--from", "2026-05-01", "--to", "2026-01-01")
    assert backwards.returncode == 2 and "before --from" in backwards.stderr
    assert not (tmp_path / "b.md").exists()
    bad_date = _run(data, "export", tmp_path / "b.md", "--format", "markdown", "--to", "soon")
    assert bad_date.returncode == 2
