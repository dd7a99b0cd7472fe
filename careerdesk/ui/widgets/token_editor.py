"""Editors for a short list of names: tags, skills, people.

Each value shows as a small chip with a remove button; a field at the end takes a new
one, with completion from what the journal already knows. Enter or a comma adds what
was typed, Backspace in the empty field removes the last chip. ``changed`` is emitted
once per added or removed value: the moment to save.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerdesk.store.achievement_edit import Choice
from careerdesk.ui.widgets.flow_layout import FlowLayout
from careerdesk.ui.widgets.marks import WarningLabel
from careerdesk.ui.widgets.plain_tip import plain_tip


def tr(text: str) -> str:
    return QCoreApplication.translate("TokenEditor", text)


class _Chip(QFrame):
    def __init__(self, value: str, label: str, hint: str, editor: TokenEditor) -> None:
        super().__init__(editor)
        self.value = value
        self.setObjectName("token")
        self.setAccessibleName(label)
        # The label and the hint are the user's words (a tag, a name): shown as typed, never
        # read as markup that could pull a local file into a tooltip.
        if hint:
            self.setToolTip(plain_tip(hint))
        self.setStyleSheet(
            "QFrame#token { border: 1px solid palette(mid); border-radius: 10px;"
            " background: palette(alternate-base); }"
            "QFrame#token QToolButton { border: none; padding: 0px 2px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 2, 1)
        layout.setSpacing(2)
        self.label = QLabel(label, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        remove = QToolButton(self)
        remove.setText("×")
        remove.setAutoRaise(True)
        # Backspace in the field removes chips from the keyboard; Tab skips the crosses.
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        remove.setToolTip(plain_tip(tr("Remove %1").replace("%1", label)))
        remove.setAccessibleName(tr("Remove %1").replace("%1", label))
        remove.clicked.connect(lambda: editor.remove_value(value))
        layout.addWidget(remove)


# What comes before the completer reads its list: the field is focused, or typed into.
_COMPLETING_EVENTS = frozenset({QEvent.Type.FocusIn, QEvent.Type.KeyPress,
                                QEvent.Type.InputMethod, QEvent.Type.ShortcutOverride})


class TokenEditor(QWidget):
    """A list of values, each shown by a label. Subclasses choose what may be added."""

    changed = Signal()

    allow_new = True

    def __init__(self, accessible_name: str, placeholder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._values: list[str] = []
        self._choices: dict[str, Choice] = {}
        self._chips: list[_Chip] = []
        self._taking = False  # a value was just taken from this key press
        self._completions_stale = False  # the completion list waits for the field's use

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        holder = QWidget(self)
        self._flow = FlowLayout(holder, spacing=5)
        outer.addWidget(holder)
        self.input = QLineEdit(holder)
        self.input.setPlaceholderText(placeholder)
        self.input.setAccessibleName(accessible_name)
        self.input.setMinimumWidth(160)
        self.input.installEventFilter(self)
        self._flow.addWidget(self.input)
        self.message = WarningLabel(self)
        outer.addWidget(self.message)
        self.setFocusProxy(self.input)

        self._completions = QStringListModel(self)
        self.completer = QCompleter(self._completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.input.setCompleter(self.completer)
        self.completer.activated[str].connect(self._completion_taken)  # type: ignore[index]
        self.input.returnPressed.connect(self.commit_text)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.input.textEdited.connect(self._typed)

    # ------------------------------------------------------------ values

    def values(self) -> list[str]:
        return list(self._values)

    def set_values(self, values: Iterable[str]) -> None:
        """Shows saved values; not an edit, so ``changed`` stays silent."""
        wanted = list(dict.fromkeys(values))
        if wanted == self._values:
            return
        for chip in self._chips:
            self._flow.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._chips = []
        self._values = []
        for value in wanted:
            self._add_chip(value)
        self.input.clear()
        self.message.hide()
        self._update_completions()

    def set_choices(self, choices: Sequence[Choice] | Sequence[str]) -> None:
        """What completion offers (and, for people, the names the uids stand for)."""
        self._choices = {}
        for choice in choices:
            item = choice if isinstance(choice, Choice) else Choice(choice, choice)
            self._choices[item.uid] = item
        for chip in self._chips:  # a person renamed elsewhere
            chip.label.setText(self.label_of(chip.value))
            chip.setAccessibleName(self.label_of(chip.value))
        self._update_completions()

    def label_of(self, value: str) -> str:
        choice = self._choices.get(value)
        return choice.label if choice else value

    def add_value(self, value: str) -> bool:
        """Adds a value as the user would; returns whether it was new."""
        if any(v.casefold() == value.casefold() for v in self._values):
            return False
        self._add_chip(value)
        self._update_completions()
        self.changed.emit()
        return True

    def remove_value(self, value: str) -> None:
        if value not in self._values:
            return
        index = self._values.index(value)
        self._values.pop(index)
        chip = self._chips.pop(index)
        self._flow.removeWidget(chip)
        chip.hide()
        chip.deleteLater()
        self._update_completions()
        self.input.setFocus()
        self.changed.emit()

    # ------------------------------------------------------------ typing

    def commit_text(self) -> None:
        """Turns what is typed into a value, when it names one this editor accepts."""
        text = self.input.text().strip().rstrip(",").strip()
        if not text or self._taking:
            return
        popup = self.completer.popup()
        if popup is not None and popup.isVisible() and popup.currentIndex().isValid():
            return  # Return on a highlighted completion: the completer adds that one
        value = self.resolve(text)
        if value is None:
            self.message.show_message(self.refusal(text))
            return
        self.message.hide()
        self._took()
        self.add_value(value)

    def resolve(self, text: str) -> str | None:
        """The value for a typed text: a known choice by its label, else the text itself."""
        folded = text.casefold()
        for choice in self._choices.values():
            if folded in (choice.label.casefold(), self._completion_text(choice).casefold()):
                return choice.uid
        return text if self.allow_new else None

    def refusal(self, text: str) -> str:
        return tr("“%1” is not in the journal.").replace("%1", text)

    def _completion_taken(self, text: str) -> None:
        # Return in the list reaches the field too (``returnPressed``), in either order:
        # whichever comes first adds the value, the other is the same key press.
        if not self._taking:
            value = self.resolve(text)
            if value is not None:
                self.add_value(value)
        self._took()

    def _typed(self, _text: str) -> None:
        self._taking = False  # a new key press: whatever was taken before is done
        self.message.hide()

    def _took(self) -> None:
        self._taking = True
        self.input.clear()
        # The completer writes its text into the field after its signal: clear it after.
        QTimer.singleShot(0, self._after_taking)

    def _after_taking(self) -> None:
        self._taking = False
        self.input.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() in _COMPLETING_EVENTS:
            self._fill_completions()
        if watched is self.input and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Backspace and not self.input.text() and self._values:
                self.remove_value(self._values[-1])
                return True
            if event.text() == ",":
                self.commit_text()
                return True
        return super().eventFilter(watched, event)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving the field keeps what was typed. The field's own focus-out event is not
        # enough: the completer swallows it while its list is open.
        if old is self.input and new is not self.completer.popup() \
                and self.allow_new and self.input.text().strip():
            self.commit_text()

    # ------------------------------------------------------------ inside

    def _add_chip(self, value: str) -> None:
        choice = self._choices.get(value)
        chip = _Chip(value, self.label_of(value), choice.hint if choice else "", self)
        self._flow.insertWidget(len(self._chips), chip)
        chip.show()
        self._values.append(value)
        self._chips.append(chip)

    def _completion_text(self, choice: Choice) -> str:
        return f"{choice.label} · {choice.hint}" if choice.hint else choice.label

    def _update_completions(self) -> None:
        # Made when the field is about to complete (focus, a key), not at every record
        # shown: a journal's 2,000 people would be listed again for each one.
        self._completions_stale = True

    def _fill_completions(self) -> None:
        if not self._completions_stale:
            return
        self._completions_stale = False
        taken = set(self._values)
        self._completions.setStringList(
            [self._completion_text(c) for c in self._choices.values() if c.uid not in taken])


class TagEditor(TokenEditor):
    """Free tags, with completion from the tags already used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Tags"), tr("Add a tag…"), parent)


class SkillsPicker(TokenEditor):
    """Skills by name: the journal's skills are offered, a new name creates a skill."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Skills"), tr("Add a skill…"), parent)


class PeoplePicker(TokenEditor):
    """People of the journal, chosen by name; the values are their uids."""

    allow_new = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("People"), tr("Add a person…"), parent)

    def refusal(self, text: str) -> str:
        return tr("No one called “%1” in the journal; add them on the People page first."
                  ).replace("%1", text)
