"""Quick capture: a journal entry written from anywhere in the window (Ctrl+N).

A small dialog (title optional, text, tags, date defaulting to today). Ctrl+Enter saves;
Escape cancels, but asks first when something was typed. ``QuickCaptureDialog.ask``
returns the entry (not yet saved) so tests can replace it; ``capture_entry`` asks and
saves it through the undo stack, so Edit > Undo takes it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.records import JournalEntry
from careerdesk.store.database import Journal
from careerdesk.ui import theme
from careerdesk.ui.undo import CreateRecordCommand, RecordEvents
from careerdesk.ui.widgets.confirm import ConfirmDialog
from careerdesk.ui.widgets.marks import WarningLabel
from careerdesk.ui.widgets.token_editor import TagEditor

SAVE_KEYS = (QKeySequence("Ctrl+Enter"), QKeySequence("Ctrl+Return"))


def tr(text: str) -> str:
    return QCoreApplication.translate("QuickCaptureDialog", text)


class QuickCaptureDialog(QDialog):
    """Write one entry; ``entry()`` is what was written once accepted."""

    def __init__(self, parent: QWidget | None = None, *, tags: Sequence[str] = (),
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New Journal Entry"))
        self.setAccessibleName(tr("New journal entry"))
        self.setModal(True)
        self.resize(520, 420)
        self._discard_asked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S + 2)

        self.title = QLineEdit(self)
        self.title.setPlaceholderText(tr("Title (optional)"))
        self.title.setAccessibleName(tr("Title"))
        self.title.setFont(theme.font_for(theme.TextRole.SECTION))
        layout.addWidget(self.title)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(tr("Text"))
        self.text.setPlaceholderText(tr("What happened, what you noticed, what you want to "
                                        "remember. Markdown is welcome."))
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text, 1)
        self.problem = WarningLabel(self)
        layout.addWidget(self.problem)

        form = QFormLayout()
        form.setContentsMargins(0, 4, 0, 0)
        form.setHorizontalSpacing(12)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tags = TagEditor(self)
        self.tags.set_choices(list(tags))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName(tr("Date"))
        day = today or date.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        tags_label = QLabel(tr("Tags"), self)
        tags_label.setBuddy(self.tags.input)
        date_label = QLabel(tr("Date"), self)
        date_label.setBuddy(self.date)
        form.addRow(tags_label, self.tags)
        form.addRow(date_label, self.date)
        layout.addLayout(form)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(tr("Save entry"))
        native = SAVE_KEYS[0].toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(tr("Save the entry (%1)").replace("%1", native))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(tr("%1 saves · Esc cancels").replace("%1", native), self)
        hint.setFont(theme.font_for(theme.TextRole.CAPTION))
        theme.style(hint, "secondary")
        row = QVBoxLayout()
        row.addWidget(buttons)
        layout.addWidget(hint)
        layout.addLayout(row)
        for keys in SAVE_KEYS:
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.accept)
        # The text field would take Ctrl+Enter as a new line before the shortcut sees it.
        self.text.installEventFilter(self)
        self.title.installEventFilter(self)
        QWidget.setTabOrder(self.title, self.text)
        QWidget.setTabOrder(self.text, self.tags.input)
        QWidget.setTabOrder(self.tags.input, self.date)
        self.text.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() in (QEvent.Type.KeyPress,
                                                             QEvent.Type.ShortcutOverride) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.accept()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ reading

    def has_typed(self) -> bool:
        return bool(self.title.text().strip() or self.text.toPlainText().strip()
                    or self.tags.values() or self.tags.input.text().strip())

    def entry(self) -> JournalEntry:
        if self.tags.input.text().strip():
            self.tags.commit_text()  # a tag still being typed counts
        day = self.date.date()
        return JournalEntry(date=date(day.year(), day.month(), day.day()),
                            title=self.title.text().strip() or None,
                            body=self.text.toPlainText().rstrip(), tags=self.tags.values())

    # ------------------------------------------------------------ closing

    def accept(self) -> None:
        if not self.title.text().strip() and not self.text.toPlainText().strip():
            self.problem.show_message(tr("Write something first, or press Esc to cancel."))
            self.text.setFocus()
            return
        super().accept()

    def reject(self) -> None:
        if self.has_typed() and not ConfirmDialog.ask(
                self, tr("Discard Entry"), tr("Discard what you wrote?"), tr("Discard"),
                tr("The entry has not been saved.")):
            return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, *, tags: Sequence[str] = (),
            today: date | None = None) -> JournalEntry | None:
        """The entry written, or ``None`` when cancelled."""
        dialog = cls(parent, tags=tags, today=today)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.entry() if accepted else None


def capture_entry(parent: QWidget | None, journal: Journal, undo_stack: QUndoStack
                  ) -> str | None:
    """Asks for an entry and saves it as one undoable step; returns its uid, or ``None``."""
    from careerdesk.store import journal_list

    with journal.sessions() as session:
        tags = journal_list.entry_tags(session)
    entry = QuickCaptureDialog.ask(parent, tags=tags)
    if entry is None:
        return None
    events = RecordEvents.of(undo_stack)
    undo_stack.push(CreateRecordCommand(journal, events, entry, text=tr("New journal entry")))
    return entry.uid
