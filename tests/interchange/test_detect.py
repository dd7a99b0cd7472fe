"""Telling a file's format from its content."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from careerdesk import services
from careerdesk.domain.errors import FileRefused
from careerdesk.interchange import detect
from tests.interchange.conftest import Sources


def test_each_sample_is_recognised(sources: Sources) -> None:
    assert detect.guess_format(sources.jrnl) == "jrnl"
    assert detect.guess_format(sources.dayone_json) == "dayone"
    assert detect.guess_format(sources.dayone_zip) == "dayone"
    assert detect.guess_format(sources.linkedin_zip) == "linkedin"
    assert detect.guess_format(sources.linkedin_folder) == "linkedin"
    assert detect.guess_format(sources.linkedin_folder / "Connections.csv") == "linkedin"
    assert detect.guess_format(sources.vcard3) == "vcard"
    assert detect.guess_format(sources.vcard4) == "vcard"
    assert detect.guess_format(services.demo_file()) == "careerdesk"


def test_the_name_does_not_decide(sources: Sources) -> None:
    renamed = sources.folder / "contacts.json"
    renamed.write_bytes(sources.vcard3.read_bytes())
    assert detect.guess_format(renamed) == "vcard"
    with_bom = sources.write("bom.txt", "\ufeff" + json.dumps({"entries": [], "tags": {}}))
    assert detect.guess_format(with_bom) == "jrnl"


def test_an_empty_dayone_journal_is_still_dayone(sources: Sources) -> None:
    path = sources.write("empty.json", json.dumps({"metadata": {"version": "1.0"}, "entries": []}))
    assert detect.guess_format(path) == "dayone"


def test_read_any_guesses_or_takes_the_format(sources: Sources) -> None:
    assert len(detect.read_any(sources.vcard4).sections["people"]) == 1
    with pytest.raises(FileRefused, match="not valid JSON"):
        detect.read_any(sources.vcard4, "jrnl")


@pytest.mark.parametrize("content", [b"hello", b"", b"[1, 2]", b'{"rows": []}'])
def test_unknown_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(FileRefused, match="not a file careerdesk can import"):
        detect.guess_format(path)


def test_other_zips_and_folders_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "pictures.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.jpeg", b"\xff\xd8")
    with pytest.raises(FileRefused, match="not a file careerdesk can import"):
        detect.guess_format(path)
    with pytest.raises(FileRefused, match="a folder without LinkedIn's export files"):
        detect.guess_format(tmp_path)
    with pytest.raises(FileRefused, match="no such file"):
        detect.guess_format(tmp_path / "missing.vcf")


def test_an_unknown_format_name_is_refused(sources: Sources) -> None:
    with pytest.raises(FileRefused, match="unknown format 'outlook'"):
        detect.read_any(sources.vcard3, "outlook")
