"""Journal text copied to the clipboard does not stay there."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from careerdesk.ui import clipboard
from careerdesk.ui.clipboard import copy_private_text


def test_copied_text_is_cleared_after_the_delay(qtbot: QtBot) -> None:
    board = QGuiApplication.clipboard()
    copy_private_text("notes about my manager", delay_seconds=1)
    assert board.text() == "notes about my manager"
    qtbot.waitUntil(lambda: board.text() == "", timeout=3000)


def test_a_later_copy_by_the_user_is_left_alone(qtbot: QtBot) -> None:
    board = QGuiApplication.clipboard()
    copy_private_text("from careerdesk", delay_seconds=1)
    board.setText("the user's own copy")
    qtbot.wait(1300)
    assert board.text() == "the user's own copy"


def test_the_delay_is_configurable(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    monkeypatch.setenv(clipboard.DELAY_VARIABLE, "0")
    assert copy_private_text("kept on purpose") == 0
    qtbot.wait(200)
    assert QGuiApplication.clipboard().text() == "kept on purpose"
    QGuiApplication.instance().aboutToQuit.emit()
    assert QGuiApplication.clipboard().text() == "kept on purpose"
    monkeypatch.setenv(clipboard.DELAY_VARIABLE, "15")
    assert clipboard.clear_after_seconds() == 15
    monkeypatch.setenv(clipboard.DELAY_VARIABLE, "soon")
    assert clipboard.clear_after_seconds() == clipboard.DEFAULT_SECONDS


def test_quitting_before_the_delay_takes_the_text_back(qtbot: QtBot) -> None:
    copy_private_text("private words", delay_seconds=600)
    QGuiApplication.instance().aboutToQuit.emit()
    assert QGuiApplication.clipboard().text() == ""
