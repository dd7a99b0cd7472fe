"""The command line end to end: real processes, a temporary data folder, contract.md's promises."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import careerdesk
from tests.core.samples import dump

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def run(*args: str | Path, env_dir: Path | None = None, cwd: Path | None = None
        ) -> subprocess.CompletedProcess[str]:
    """``python -m careerdesk ARGS``; ``env_dir`` is CAREERDESK_DATA_DIR (else the test's own)."""
    env = dict(os.environ)
    if env_dir is not None:
        env["CAREERDESK_DATA_DIR"] = str(env_dir)
    return subprocess.run([sys.executable, "-m", "careerdesk", *map(str, args)], env=env,
                          cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a refusal prints, after checking it is one line and no traceback."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("careerdesk: ")
    return lines[0]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the demo journal, made once by the command itself."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    result = run("--data-dir", folder, "demo")
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def demo_copy(demo_folder: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "demo-copy"
    shutil.copytree(demo_folder, folder)
    return folder


# ---------------------------------------------------------------- basics


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"careerdesk {careerdesk.__version__}\n"
    assert careerdesk.__version__ == "0.1.0"


def test_demo_twice_is_refused_and_force_adds_it_anyway(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = run("--data-dir", folder, "demo")
    assert first.returncode == 0, first.stderr
    assert "achievements: 25 added, 0 updated, 0 unchanged" in first.stdout.splitlines()
    before = dump(folder / "journal.sqlite3")

    again = run("--data-dir", folder, "demo")
    line = refused(again)
    assert "--force" in line and "journal.sqlite3" in line
    assert dump(folder / "journal.sqlite3") == before

    forced = run("--data-dir", folder, "demo", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "achievements: 0 added, 0 updated, 25 unchanged" in forced.stdout.splitlines()


def test_the_data_dir_option_wins_over_the_environment(tmp_path: Path) -> None:
    from_env, from_option = tmp_path / "from-env", tmp_path / "from-option"
    result = run("--data-dir", from_option, "log", "Where does this go?", env_dir=from_env)
    assert result.returncode == 0, result.stderr
    assert (from_option / "journal.sqlite3").exists()
    assert not from_env.exists()

    result = run("log", "And this one?", env_dir=from_env)
    assert result.returncode == 0, result.stderr
    assert (from_env / "journal.sqlite3").exists()
    uid = result.stdout.strip()
    found = run("search", "this one", "--json", env_dir=from_env)
    assert [hit["uid"] for hit in json.loads(found.stdout)] == [uid]
    assert json.loads(run("--data-dir", from_option, "search", "this one", "--json").stdout) == []


def test_log_prints_a_uid_and_search_finds_it(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    result = run("--data-dir", folder, "log", "Presented the quarterly numbers to the CFO",
                 "--title", "T", "--date", "2026-01-02", "--tag", "a", "--tag", "b")
    assert result.returncode == 0, result.stderr
    uid = result.stdout.strip()
    assert UUID.fullmatch(uid)

    found = run("--data-dir", folder, "search", "quarterly")
    assert found.returncode == 0, found.stderr
    (line,) = found.stdout.splitlines()
    fields = line.split()
    assert fields[0] == "journal"
    assert fields[1] == "2026-01-02"
    assert fields[-1] == uid  # the uid last, so scripts can cut it
    assert line.split("  ")[-2].strip() == "T"

    by_tag = run("--data-dir", folder, "search", "b")
    assert by_tag.stdout.split()[-1] == uid


def test_search_json(demo_folder: Path) -> None:
    result = run("--data-dir", demo_folder, "search", "budget", "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 3
    for hit in hits:
        assert set(hit) == {"kind", "date", "title", "uid"}
        assert UUID.fullmatch(hit["uid"]) and hit["title"]
    text_lines = run("--data-dir", demo_folder, "search", "budget", "--limit", "3").stdout
    assert [line.split()[-1] for line in text_lines.splitlines()] == [h["uid"] for h in hits]


def test_search_without_a_journal_prints_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "never-used"
    result = run("--data-dir", folder, "search", "anything")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not folder.exists()  # a search creates nothing
    assert json.loads(run("--data-dir", folder, "search", "x", "--json").stdout) == []


def test_search_with_no_hits_prints_nothing(demo_folder: Path) -> None:
    result = run("--data-dir", demo_folder, "search", "xylophone")
    assert (result.returncode, result.stdout) == (0, "")


def test_search_takes_typed_syntax_as_words(demo_folder: Path) -> None:
    for query in ['"budget', "budget AND", "(", "*", "NEAR(a b)"]:
        result = run("--data-dir", demo_folder, "search", query)
        assert result.returncode == 0, (query, result.stderr)


# ---------------------------------------------------------------- import and export


def test_importing_a_bad_file_is_one_line_naming_file_and_field(demo_copy: Path,
                                                                tmp_path: Path) -> None:
    from careerdesk.services import demo_file

    data = json.loads(demo_file().read_text(encoding="utf-8"))
    data["achievements"][2]["metrics"] = [{"name": "Client satisfaction", "result": "a lot"}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = dump(demo_copy / "journal.sqlite3")

    line = refused(run("--data-dir", demo_copy, "import", bad))
    assert line == (f'careerdesk: {bad}: achievements[2].metrics[0].result: '
                    'expected a number, got "a lot"')
    assert dump(demo_copy / "journal.sqlite3") == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "no such file"), (b"{ not json", "line 1 column 3: not valid JSON"),
     (b'{"format": "careerdesk", "x": "\xff"}', "not UTF-8 text (byte 31)")],
    ids=["missing", "not JSON", "not UTF-8"],
)
def test_importing_an_unreadable_file_is_refused(demo_copy: Path, tmp_path: Path,
                                                 content: bytes | None, expected: str) -> None:
    path = tmp_path / "input.json"
    if content is not None:
        path.write_bytes(content)
    before = dump(demo_copy / "journal.sqlite3")
    line = refused(run("--data-dir", demo_copy, "import", path, "--format", "careerdesk"))
    assert line.startswith(f"careerdesk: {path}: {expected}")
    assert dump(demo_copy / "journal.sqlite3") == before


def test_a_file_of_no_known_format_is_refused(demo_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not text at all \x00\x01")
    before = dump(demo_copy / "journal.sqlite3")
    line = refused(run("--data-dir", demo_copy, "import", path))  # the format is guessed
    assert line.startswith(f"careerdesk: {path}: ")
    assert dump(demo_copy / "journal.sqlite3") == before


def test_export_then_import_into_a_new_folder(demo_folder: Path, tmp_path: Path) -> None:
    exported = tmp_path / "journal.json"
    result = run("--data-dir", demo_folder, "export", exported)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"exported 160 records to {exported}"

    fresh = tmp_path / "fresh"
    imported = run("--data-dir", fresh, "import", exported)
    assert imported.returncode == 0, imported.stderr
    assert "people: 15 added, 0 updated, 0 unchanged" in imported.stdout.splitlines()

    again = tmp_path / "again.json"
    assert run("--data-dir", fresh, "export", again).returncode == 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (exported, again))
    first.pop("exported_at")
    second.pop("exported_at")
    assert first == second


def test_export_into_a_missing_folder_is_refused(demo_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out.json"
    line = refused(run("--data-dir", demo_folder, "export", target))
    assert str(target) in line


# ---------------------------------------------------------------- check, backup, restore


def test_check_a_good_journal(demo_folder: Path) -> None:
    result = run("--data-dir", demo_folder, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(": ok")


def test_check_a_damaged_journal(demo_copy: Path) -> None:
    path = demo_copy / "journal.sqlite3"
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle:middle + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(raw))
    result = run("--data-dir", demo_copy, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and "damaged" in result.stderr


def test_check_without_a_journal(tmp_path: Path) -> None:
    line = refused(run("--data-dir", tmp_path / "none", "check"))
    assert line == f"careerdesk: {tmp_path / 'none' / 'journal.sqlite3'}: no such file"


def test_backup_and_restore(demo_copy: Path, tmp_path: Path) -> None:
    saved = tmp_path / "saved.sqlite3"
    result = run("--data-dir", demo_copy, "backup", "-o", saved)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(saved)
    assert oct(saved.stat().st_mode & 0o777) == oct(0o600)

    uid = run("--data-dir", demo_copy, "log", "A wombat sighting after the backup").stdout.strip()
    assert UUID.fullmatch(uid)
    restored = run("--data-dir", demo_copy, "restore", saved)
    assert restored.returncode == 0, restored.stderr
    assert "before-restore-" in restored.stdout and f"restored {saved}" in restored.stdout
    assert run("--data-dir", demo_copy, "search", "wombat").stdout == ""
    assert run("--data-dir", demo_copy, "check").returncode == 0
    (kept,) = (demo_copy / "backups").glob("before-restore-*.sqlite3")
    assert run("--data-dir", demo_copy, "backup").returncode == 0
    assert len(list((demo_copy / "backups").glob("journal-*.sqlite3"))) == 1
    assert kept.exists()


def test_backup_without_a_journal_is_refused_and_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    line = refused(run("--data-dir", folder, "backup"))
    assert line == f"careerdesk: {folder / 'journal.sqlite3'}: there is no journal to back up yet"
    assert not folder.exists()


def test_restoring_something_else_is_refused(demo_copy: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a journal")
    before = dump(demo_copy / "journal.sqlite3")
    line = refused(run("--data-dir", demo_copy, "restore", bogus))
    assert str(bogus) in line and "not restored" in line
    assert dump(demo_copy / "journal.sqlite3") == before


# ---------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    "args",
    [("frobnicate",), ("log", "x", "--date", "2026-02-30"), ("log", "x", "--date", "tomorrow"),
     ("search",), ("search", "x", "--limit", "0"), ("--no-such-option",)],
    ids=["unknown command", "impossible date", "not a date", "no query", "limit 0",
         "unknown option"],
)
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run("--data-dir", tmp_path / "data", *args)
    assert result.returncode == 2
    assert "usage:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()


def test_an_impossible_date_says_what_is_expected(tmp_path: Path) -> None:
    result = run("--data-dir", tmp_path, "log", "x", "--date", "2026-02-30")
    assert "expected a date YYYY-MM-DD, got '2026-02-30'" in result.stderr


def test_an_empty_entry_is_refused(tmp_path: Path) -> None:
    line = refused(run("--data-dir", tmp_path / "data", "log", "   "))
    assert "needs some text" in line


def test_a_folder_holding_something_else_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "journal.sqlite3").write_text("my shopping list")
    for args in (("log", "x"), ("search", "x"), ("export", tmp_path / "out.json")):
        line = refused(run("--data-dir", folder, *args))
        assert "not a careerdesk journal" in line
    assert (folder / "journal.sqlite3").read_text() == "my shopping list"


# ---------------------------------------------------------------- what quick commands load

_SNIPPET = textwrap.dedent("""
    import json, sys
    import careerdesk.cli
    try:
        status = careerdesk.cli.main(sys.argv[1:])
    except SystemExit as done:
        status = done.code
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "sqlalchemy"))
    print(json.dumps([status, loaded]))
""")


def _loaded_by(*args: str | Path) -> tuple[int, list[str]]:
    result = subprocess.run([sys.executable, "-c", _SNIPPET, *map(str, args)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    status, loaded = json.loads(result.stdout.strip().splitlines()[-1])
    return status, loaded


def test_version_loads_neither_qt_nor_sqlalchemy() -> None:
    assert _loaded_by("--version") == (0, [])


def test_search_loads_neither_qt_nor_sqlalchemy(demo_folder: Path) -> None:
    assert _loaded_by("--data-dir", str(demo_folder), "search", "budget") == (0, [])


def test_import_time_of_version_shows_no_heavy_module() -> None:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "careerdesk", "--version"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "careerdesk.cli" in imported
    assert not {name for name in imported if name.split(".")[0] in ("PySide6", "sqlalchemy")}
