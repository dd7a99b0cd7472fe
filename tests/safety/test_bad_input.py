"""The corpus of known-bad files (tests/corpus/bad): each is refused in one line that
names the file and the place in it, and the journal is left exactly as it was.

A byte-order mark is the one oddity that is tolerated: that file imports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careerdesk import services
from careerdesk.domain.errors import FileRefused
from careerdesk.interchange import careerdesk_json, detect
from careerdesk.store.database import Journal

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "bad"

# file -> (format passed, or None to let the content decide; words the message must hold)
REFUSED: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "truncated.json": (None, ("line 1 column 52", "not valid JSON")),
    "latin1.json": (None, ("not UTF-8 text (byte 166)",)),
    "utf16.json": (None, ("UTF-16", "not UTF-8")),
    "lone_surrogate.json": (None, ("journal[0].body", "lone surrogate \\ud800")),
    "nan.json": (None, ("achievements[0].metrics[0].result", "expected a number, got NaN")),
    "infinity.json": (None, ("achievements[0].metrics[0].result", "got Infinity")),
    "number_1e400.json": (None, ("achievements[0].metrics[0].result", "expected a number")),
    "huge_int.json": (None, ("a number of more than 4,300 digits",)),
    "feb30.json": (None, ("journal[0].date", '"2024-02-30"')),
    "year10000.json": (None, ("journal[0].date", '"10000-01-01"')),
    "deep_nesting.json": (None, ("nested too deeply",)),
    "Connections.csv": (None, ("Connections.csv line 2", "field larger than field limit")),
    "broken_fold.vcf": (None, ("line 2: VERSION", "expected 3.0 or 4.0")),
    "dayone_not_a_zip.zip": (None, ("not a readable zip file",)),
    "dayone_not_a_zip.zip#dayone": ("dayone", ("not a readable zip file",)),
    "jrnl_entries_not_list.json": (None, ("not a file careerdesk can import",)),
    "jrnl_entries_not_list.json#jrnl": ("jrnl", ("entries: expected a list",)),
    "jrnl_feb30.json": (None, ("entries[0].date", '"2024-02-30"')),
}


def _dump(journal: Journal) -> dict[str, Any]:
    """Everything the journal holds, as its export (less the moment of export)."""
    with journal.sessions() as session:
        data = careerdesk_json.export_data(session)
    data.pop("exported_at")
    return data


def test_the_corpus_is_all_here() -> None:
    names = {p.name for p in CORPUS.iterdir()}
    assert names == {case.split("#")[0] for case in REFUSED} | {"bom.json"}
    assert all(p.stat().st_size < 256 * 1024 for p in CORPUS.iterdir())


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_bad_file_is_refused_and_changes_nothing(demo_journal: Journal, case: str) -> None:
    name, _, _ = case.partition("#")
    fmt, words = REFUSED[case]
    path = CORPUS / name
    before = _dump(demo_journal)
    with pytest.raises(FileRefused) as refused:
        services.import_file(demo_journal, path, fmt)
    message = str(refused.value)
    assert message.startswith(f"{path}: "), message
    assert "\n" not in message
    for word in words:
        assert word in message, message
    assert _dump(demo_journal) == before


def test_a_byte_order_mark_is_tolerated(journal: Journal) -> None:
    assert detect.guess_format(CORPUS / "bom.json") == "careerdesk"
    counts = services.import_file(journal, CORPUS / "bom.json")
    assert counts.added == {"journal": 1}
    assert _dump(journal)["journal"][0]["body"] == "with a byte-order mark"


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(
        demo_journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    before = _dump(demo_journal)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(before), encoding="utf-8")
    monkeypatch.setattr(careerdesk_json, "MAX_FILE_BYTES", good.stat().st_size - 1)
    monkeypatch.setattr(Path, "read_bytes", _never_read)
    for path in (good, CORPUS / "broken_fold.vcf", CORPUS / "jrnl_feb30.json"):
        monkeypatch.setattr(careerdesk_json, "MAX_FILE_BYTES", path.stat().st_size - 1)
        with pytest.raises(FileRefused, match="too large to import"):
            services.import_file(demo_journal, path,
                                 "vcard" if path.suffix == ".vcf" else None)
    assert _dump(demo_journal) == before


def _never_read(self: Path) -> bytes:
    raise AssertionError(f"{self} was read whole although it is over the cap")


def _run(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careerdesk", "--data-dir", str(data_dir),
                           *map(str, args)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", ["deep_nesting.json", "lone_surrogate.json", "huge_int.json",
                                  "Connections.csv", "utf16.json"])
def test_careerdesk_import_refuses_in_one_line(tmp_path: Path, name: str) -> None:
    data = tmp_path / "cli"
    assert _run(data, "demo").returncode == 0
    before = _run(data, "export", tmp_path / "before.json")
    assert before.returncode == 0, before.stderr
    result = _run(data, "import", CORPUS / name)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"careerdesk: {CORPUS / name}: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert _run(data, "export", tmp_path / "after.json").returncode == 0
    old, new = (json.loads((tmp_path / f).read_text()) for f in ("before.json", "after.json"))
    old.pop("exported_at"), new.pop("exported_at")
    assert new == old
