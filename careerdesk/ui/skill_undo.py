"""Undoable skill edits: a level or category, a rename, a merge of two skills.

Skills are named, not records with a uid of their own in the domain, so they have their
own commands beside ``ui/undo.py``'s; they announce changes on the same ``RecordEvents``
(kind ``Skill``), so every page hears of them. A rename or a merge is taken back from
the state of the skills taken just before it (fields and every link).
"""

from __future__ import annotations

import copy
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from careerdesk import services
from careerdesk.domain.records import Skill
from careerdesk.store.database import Journal
from careerdesk.store.skills import SkillState
from careerdesk.ui.undo import _BLOCKED, RecordChange, RecordEvents


def tr(text: str) -> str:
    return QCoreApplication.translate("undo", text)


class _SkillCommand(QUndoCommand):
    def __init__(self, journal: Journal, events: RecordEvents, text: str) -> None:
        super().__init__(text)
        self.journal = journal
        self.events = events
        self._done_once = False

    def _announce(self, name: str, field: str) -> None:
        kind = cast(Any, Skill)  # skills travel on the same events as records
        self.events.changed.emit(RecordChange(kind, name, None, self._done_once, field))

    def _report(self, error: Exception) -> None:
        self.setObsolete(True)
        self.events.failed.emit(tr("Could not save the change: %1").replace("%1", str(error)))


class SaveSkillCommand(_SkillCommand):
    """A skill's category or level; ``before`` and ``after`` have the same name."""

    def __init__(self, journal: Journal, events: RecordEvents, before: Skill, after: Skill,
                 *, field: str, text: str = "") -> None:
        super().__init__(journal, events, text or tr("Edit skill"))
        self.before, self.after, self.field = copy.copy(before), copy.copy(after), field

    def redo(self) -> None:
        self._save(self.after)
        self._done_once = True

    def undo(self) -> None:
        self._save(self.before)

    def _save(self, skill: Skill) -> None:
        try:
            services.save_skill(self.journal, skill)
        except _BLOCKED as error:
            self._report(error)
            return
        self._announce(skill.name, self.field)


class _RestorableCommand(_SkillCommand):
    """Takes the skills' state before the change; undo puts exactly that back."""

    def __init__(self, journal: Journal, events: RecordEvents, names: list[str],
                 result: str, text: str) -> None:
        super().__init__(journal, events, text)
        self.names = names
        self.result = result  # the name the skill has after the change
        self.states: list[SkillState] = []

    def change(self) -> str:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.states = services.skill_states(self.journal, self.names)
            self.result = self.change()
        except _BLOCKED as error:
            self._report(error)
            return
        self._announce(self.result, "name")
        self._done_once = True

    def undo(self) -> None:
        try:
            services.restore_skills(self.journal, self.states)
        except _BLOCKED as error:
            self._report(error)
            return
        self._announce(self.names[0], "name")


class RenameSkillCommand(_RestorableCommand):
    def __init__(self, journal: Journal, events: RecordEvents, old: str, new: str) -> None:
        super().__init__(journal, events, [old], new.strip(),
                         tr("Rename skill “%1” to “%2”").replace("%1", old)
                         .replace("%2", new.strip()))
        self.new = new

    def change(self) -> str:
        return services.rename_skill(self.journal, self.names[0], self.new)


class MergeSkillsCommand(_RestorableCommand):
    def __init__(self, journal: Journal, events: RecordEvents, source: str, target: str) -> None:
        super().__init__(journal, events, [source, target], target,
                         tr("Merge skill “%1” into “%2”").replace("%1", source)
                         .replace("%2", target))

    def change(self) -> str:
        return services.merge_skills(self.journal, self.names[0], self.names[1])
