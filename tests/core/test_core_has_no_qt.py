"""The core knows nothing of Qt: importing it never loads PySide6, and no file below ui names it."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "careerdesk"
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
# Modules that run something when imported: the entry point, Alembic's environment.
NOT_IMPORTABLE_ALONE = {"careerdesk.__main__", "careerdesk.store.migrations.env"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _core_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if "ui" not in p.relative_to(PACKAGE).parts[:1])


def core_modules() -> list[str]:
    return [name for name in map(_module_name, _core_files()) if name not in NOT_IMPORTABLE_ALONE]


def test_the_core_module_list_is_complete() -> None:
    modules = set(core_modules())
    for name in ["careerdesk", "careerdesk.domain.records", "careerdesk.domain.codec",
                 "careerdesk.domain.metrics", "careerdesk.store.database",
                 "careerdesk.store.repository", "careerdesk.store.search_index",
                 "careerdesk.store.backup", "careerdesk.interchange.careerdesk_json",
                 "careerdesk.interchange.schema", "careerdesk.services", "careerdesk.search",
                 "careerdesk.cli", "careerdesk.paths"]:
        assert name in modules
    assert not any(name.startswith("careerdesk.ui") for name in modules)


def test_importing_the_whole_core_does_not_load_qt() -> None:
    code = textwrap.dedent(f"""
        import importlib, sys
        for name in {core_modules()!r}:
            importlib.import_module(name)
        print(sorted(m for m in sys.modules if m.split(".")[0] in {QT_PACKAGES!r}))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300, check=False, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))
    return found


def test_no_core_file_imports_qt() -> None:
    offenders = [f"{path.relative_to(REPO)}:{line}: {name}"
                 for path in _core_files() for line, name in _imports(path)
                 if name.split(".")[0] in QT_PACKAGES]
    assert offenders == []


def test_only_the_command_line_reaches_up_into_the_window() -> None:
    # The arrows point down: ui -> services -> ... -> domain. The command line opens the
    # window when no command is given, and is the one core module that may name ui.
    offenders = [f"{path.relative_to(REPO)}:{line}: {name}"
                 for path in _core_files() for line, name in _imports(path)
                 if name.startswith("careerdesk.ui")
                 and path != PACKAGE / "cli.py"]
    assert offenders == []


def test_the_static_check_sees_every_way_of_importing(tmp_path: Path) -> None:
    # The scanner must find what it looks for, or the tests above prove nothing.
    source = tmp_path / "widget.py"
    source.write_text(textwrap.dedent("""
        import os
        import PySide6
        from PySide6.QtWidgets import QWidget
        from . import sibling

        def later():
            import shiboken6.Shiboken as s
            return importlib.import_module("PySide6.QtGui")
    """), encoding="utf-8")
    assert sorted(_imports(source)) == [(2, "os"), (3, "PySide6"), (4, "PySide6.QtWidgets"),
                                (8, "shiboken6.Shiboken"), (9, "PySide6.QtGui")]
