"""Core tests get their journals from copies of two files made once per run.

Migrating a new journal and loading the demo take a tenth of a second or more; a few
hundred tests would spend most of their time on it. Each test still opens its own
private journal with ``open_journal``, in its own data folder: only the migration and
the demo import are done once. ``test_storage.py`` checks the migration itself on truly
new journals.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerdesk import services
from careerdesk.paths import DATABASE_NAME
from careerdesk.store.database import Journal, open_journal


@pytest.fixture(scope="session")
def journal_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("journal-templates")
    empty = open_journal(root / "empty")
    empty.close()
    demo = open_journal(root / "demo")
    services.load_demo(demo)
    demo.close()  # checkpoints the WAL: the database file alone is the whole journal
    return {"empty": empty.path, "demo": demo.path}


@pytest.fixture
def journal(private_data_dir: Path, journal_templates: dict[str, Path],
            request: pytest.FixtureRequest) -> Iterator[Journal]:
    """An open journal in this test's data folder: empty, or the demo for ``demo_journal``."""
    template = journal_templates["demo" if "demo_journal" in request.fixturenames else "empty"]
    private_data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = private_data_dir / DATABASE_NAME
    shutil.copyfile(template, target)
    os.chmod(target, 0o600)
    opened = open_journal(private_data_dir)
    yield opened
    opened.close()


@pytest.fixture
def demo_journal(journal: Journal) -> Journal:
    """The journal with the sample journal loaded."""
    return journal
