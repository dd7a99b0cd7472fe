"""The two tables of the Growth page: lateral experiences, and the skills portfolio.

Both are small (hundreds of experiences, a few hundred skills at most), so each holds its
lines whole, read in one query (the portfolio's evidence counts are one grouped query).
Filtering is done by the core (experiences) or over the lines held (skills).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from careerdesk.domain.enums import ExperienceKind
from careerdesk.store.experience_list import ExperienceLine
from careerdesk.store.skills import PortfolioLine
from careerdesk.ui.models.achievement_table import date_text
from careerdesk.ui.widgets.marks import blank_mark

ModelIndex = QModelIndex | QPersistentModelIndex
UID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 2

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def tr(text: str) -> str:
    return QCoreApplication.translate("GrowthTables", text)


def kind_label(kind: ExperienceKind) -> str:
    return QCoreApplication.translate("ExperienceKind", kind.label)


def month_text(day: Any) -> str:
    return date_text(day).split(" ", 1)[1]  # "Nov 2025"


def span_text(line: ExperienceLine) -> str:
    """``Nov 2025 – Feb 2026``, or ``Mar 2026 – ongoing``."""
    end = tr("ongoing") if line.end is None else month_text(line.end)
    return f"{month_text(line.start)} – {end}"


class _LinesModel(QAbstractTableModel):
    HEADERS: Sequence[str] = ()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines())

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in self.RIGHT else _LEFT
        return None

    RIGHT: frozenset[int] = frozenset()

    def _lines(self) -> Sequence[Any]:
        raise NotImplementedError

    def uid_at(self, row: int) -> str | None:
        lines = self._lines()
        return lines[row].uid if 0 <= row < len(lines) else None

    def row_of_uid(self, uid: str) -> int | None:
        return next((i for i, line in enumerate(self._lines()) if line.uid == uid), None)


class ExperienceColumn(IntEnum):
    TITLE = 0
    KIND = 1
    DEPARTMENT = 2
    DATES = 3
    SPONSOR = 4


class ExperienceTableModel(_LinesModel):
    HEADERS = ("Title", "Kind", "Department", "Dates", "Sponsor")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[ExperienceLine] = []

    def _lines(self) -> Sequence[ExperienceLine]:
        return self.lines

    def set_lines(self, lines: list[ExperienceLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        column = ExperienceColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            match column:
                case ExperienceColumn.TITLE:
                    return line.title
                case ExperienceColumn.KIND:
                    return kind_label(line.kind)
                case ExperienceColumn.DEPARTMENT:
                    return line.department or ""
                case ExperienceColumn.DATES:
                    return span_text(line)
                case ExperienceColumn.SPONSOR:
                    return line.sponsor or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == ExperienceColumn.TITLE:
            made = tr("1 achievement made in it") if line.achievements == 1 else \
                tr("%1 achievements made in it").replace("%1", str(line.achievements))
            return f"{line.title}\n{made}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        if role == UID_ROLE:
            return line.uid
        return None


class SkillColumn(IntEnum):
    NAME = 0
    CATEGORY = 1
    LEVEL = 2
    EVIDENCE = 3
    LAST_SHOWN = 4


def level_text(level: int | None) -> str:
    """``●●●○○ 3``: the dots read at a glance, the number says it in words too."""
    if level is None:
        return tr("not set")
    return "●" * level + "○" * (5 - level) + f"  {level}"


def evidence_text(line: PortfolioLine) -> str:
    return str(line.evidence) if line.has_evidence else tr("No evidence")


class SkillTableModel(_LinesModel):
    HEADERS = ("Skill", "Category", "Level", "Evidence", "Last shown")
    RIGHT = frozenset({SkillColumn.EVIDENCE, SkillColumn.LAST_SHOWN})

    def __init__(self, warning_icon: QIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.all_lines: list[PortfolioLine] = []
        self.lines: list[PortfolioLine] = []
        self.words = ""
        self.category: str | None = None
        self.no_evidence_only = False
        self.warning_icon = warning_icon

    def _lines(self) -> Sequence[PortfolioLine]:
        return self.lines

    def set_lines(self, lines: list[PortfolioLine]) -> None:
        self.all_lines = list(lines)
        self._apply()

    def set_filter(self, words: str, category: str | None, no_evidence_only: bool) -> None:
        self.words, self.category, self.no_evidence_only = words, category, no_evidence_only
        self._apply()

    @property
    def filtered(self) -> bool:
        return bool(self.words.strip() or self.category or self.no_evidence_only)

    def _apply(self) -> None:
        words = self.words.strip().casefold().split()
        self.beginResetModel()
        self.lines = [
            line for line in self.all_lines
            if (not self.no_evidence_only or not line.has_evidence)
            and (self.category is None or (line.category or "") == self.category)
            and all(w in f"{line.name} {line.category or ''}".casefold() for w in words)]
        self.endResetModel()

    def line(self, row: int) -> PortfolioLine | None:
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        column = SkillColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case SkillColumn.NAME:
                    return line.name
                case SkillColumn.CATEGORY:
                    return line.category or ""
                case SkillColumn.LEVEL:
                    return level_text(line.level)
                case SkillColumn.EVIDENCE:
                    return evidence_text(line)
                case SkillColumn.LAST_SHOWN:
                    return date_text(line.last_shown) if line.last_shown else "—"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == SkillColumn.LEVEL:
                return tr("Level %1 of 5").replace("%1", str(line.level)) if line.level \
                    else tr("Level not set")
            if column == SkillColumn.NAME and not line.has_evidence:
                return tr("%1 (no evidence)").replace("%1", line.name)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DecorationRole and column == SkillColumn.EVIDENCE:
            if not line.has_evidence and self.warning_icon is not None:
                return self.warning_icon
            return blank_mark()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (SkillColumn.NAME, SkillColumn.EVIDENCE):
                if not line.has_evidence:
                    return tr("No achievement or experience names %1 yet: nothing backs "
                              "this skill up.").replace("%1", line.name)
                return tr("%1 achievements, %2 experiences").replace(
                    "%1", str(line.achievements)).replace("%2", str(line.experiences))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in self.RIGHT else _LEFT
        if role == UID_ROLE:
            return line.uid
        if role == NO_EVIDENCE_ROLE:
            return not line.has_evidence
        return None
