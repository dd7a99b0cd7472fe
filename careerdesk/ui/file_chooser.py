"""The file dialogs of import and export, behind class methods a test replaces.

``FileChooser.ask_open`` / ``ask_folder`` / ``ask_save`` block on a native dialog; tests
swap them for functions that return a path, as ``ConfirmDialog.ask`` is swapped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


class FileChooser:
    @classmethod
    def ask_open(cls, parent: QWidget | None, title: str, folder: str,
                 filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return Path(name) if name else None

    @classmethod
    def ask_folder(cls, parent: QWidget | None, title: str, folder: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, folder)
        return Path(name) if name else None

    @classmethod
    def ask_save(cls, parent: QWidget | None, title: str, suggested: Path, filters: str,
                 suffix: str) -> Path | None:
        """The path to write; ``suffix`` is added when the user typed a bare name."""
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)
