"""Every test runs offscreen, with its own data folder, never the user's real one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Without a platform plugin set, Qt aborts with a misleading "xcb-cursor0" message here.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder of this test: CAREERDESK_DATA_DIR points here, HOME too."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("CAREERDESK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    return data_dir


@pytest.fixture
def journal(private_data_dir: Path) -> Iterator[object]:
    from careerdesk.store.database import open_journal

    opened = open_journal(private_data_dir)
    yield opened
    opened.close()


@pytest.fixture
def demo_journal(journal: object) -> object:
    from careerdesk import services

    services.load_demo(journal)  # type: ignore[arg-type]
    return journal
