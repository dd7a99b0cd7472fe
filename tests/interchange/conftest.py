"""The sample exports of samples.py, written to a test's own folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.interchange import samples


@dataclass
class Sources:
    folder: Path
    jrnl: Path
    dayone_zip: Path
    dayone_json: Path
    linkedin_zip: Path
    linkedin_folder: Path
    vcard3: Path
    vcard4: Path
    vcard21: Path

    def write(self, name: str, text: str) -> Path:
        path = self.folder / name
        path.write_bytes(text.encode("utf-8"))
        return path


@pytest.fixture
def sources(tmp_path: Path) -> Sources:
    folder = tmp_path / "sources"
    folder.mkdir()
    jrnl = folder / "jrnl-export.json"
    jrnl.write_text(json.dumps(samples.JRNL, indent=2), encoding="utf-8")
    dayone_json = folder / "Journal.json"
    dayone_json.write_text(json.dumps(samples.DAYONE_JOURNAL, indent=2), encoding="utf-8")
    return Sources(
        folder=folder,
        jrnl=jrnl,
        dayone_zip=samples.write_dayone_zip(folder / "Export-Day One.zip"),
        dayone_json=dayone_json,
        linkedin_zip=samples.write_linkedin_zip(folder / "Basic_LinkedInDataExport_11-20-2026.zip"),
        linkedin_folder=samples.write_linkedin_folder(folder / "linkedin"),
        vcard3=_write(folder / "contacts.vcf", samples.VCARD_3),
        vcard4=_write(folder / "aisha.vcf", samples.VCARD_4),
        vcard21=_write(folder / "phone.vcf", samples.VCARD_21),
    )


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path
