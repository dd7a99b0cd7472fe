"""What the achievement editor needs beyond load and save: the choices its pickers offer,
and a metric as the user is typing it, checked field by field.

A metric being typed is text (``"1,5"``, ``"72"``, ``""``), not yet a ``Metric``: the
editor keeps what was typed, shows every problem next to its field, and saves only once
all of them are fixed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careerdesk.domain.metrics import describe_change
from careerdesk.domain.records import Achievement, Metric
from careerdesk.store import models as m


class MetricProblem(StrEnum):
    """Why a metric cannot be saved yet; the window words each one."""

    NO_NAME = "no_name"
    NO_RESULT = "no_result"
    RESULT_NOT_A_NUMBER = "result_not_a_number"
    BASELINE_NOT_A_NUMBER = "baseline_not_a_number"


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f_']")


def parse_number(text: str) -> float | None:
    """The number the user typed, ``None`` for nothing; raises ``ValueError`` otherwise.

    Accepts ``1,234.5`` and ``1 234,5`` and ``1,5`` (a comma alone is a decimal comma,
    unless it groups thousands), and the minus sign ``−`` as well as ``-``.
    """
    clean = _SPACES.sub("", text).replace("−", "-")
    if not clean:
        return None
    if "," in clean:
        grouped = "." in clean or _THOUSANDS.match(clean)
        clean = clean.replace(",", "" if grouped else ".")
    value = float(clean)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text!r}")
    return value


def number_text(value: float | None) -> str:
    """A number for editing: exact (``0.125`` stays ``0.125``) and without grouping."""
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


@dataclass
class MetricDraft:
    """A metric as typed in the editor."""

    name: str = ""
    unit: str = ""
    baseline: str = ""
    result: str = ""
    higher_is_better: bool = True

    @classmethod
    def of(cls, metric: Metric) -> MetricDraft:
        return cls(name=metric.name, unit=metric.unit or "",
                   baseline=number_text(metric.baseline), result=number_text(metric.result),
                   higher_is_better=metric.higher_is_better)

    def problems(self) -> dict[str, MetricProblem]:
        """Field name (``name``, ``baseline``, ``result``) -> what is wrong with it."""
        found: dict[str, MetricProblem] = {}
        if not self.name.strip():
            found["name"] = MetricProblem.NO_NAME
        try:
            if parse_number(self.result) is None:
                found["result"] = MetricProblem.NO_RESULT
        except ValueError:
            found["result"] = MetricProblem.RESULT_NOT_A_NUMBER
        try:
            parse_number(self.baseline)
        except ValueError:
            found["baseline"] = MetricProblem.BASELINE_NOT_A_NUMBER
        return found

    def numbers(self) -> tuple[float | None, float | None]:
        """Baseline and result where they read as numbers, ``None`` where they do not."""

        def read(text: str) -> float | None:
            try:
                return parse_number(text)
            except ValueError:
                return None

        return read(self.baseline), read(self.result)

    def to_metric(self) -> Metric:
        """The metric; raises ``ValueError`` while ``problems()`` finds any."""
        if self.problems():
            raise ValueError(f"metric {self.name!r} is not complete")
        baseline, result = self.numbers()
        assert result is not None
        return Metric(name=self.name.strip(), unit=self.unit.strip() or None, baseline=baseline,
                      result=result, higher_is_better=self.higher_is_better)

    def preview(self) -> str:
        """The derived change as soon as the numbers allow it (the name may still be missing)."""
        baseline, result = self.numbers()
        if result is None:
            return ""
        return describe_change(Metric(name=self.name, unit=self.unit.strip() or None,
                                      baseline=baseline, result=result,
                                      higher_is_better=self.higher_is_better))


def new_achievement(title: str, day: date | None = None) -> Achievement:
    """A fresh achievement, dated today unless told otherwise."""
    return Achievement(date=day or date.today(), title=title)


@dataclass(frozen=True)
class Choice:
    """One entry of a picker: the uid saved, the text shown, a hint shown beside it."""

    uid: str
    label: str
    hint: str = ""


def person_choices(session: Session) -> list[Choice]:
    """Everyone in the journal by name; the hint (title, department) tells namesakes apart."""
    p = m.PersonRow
    rows = session.execute(select(p.uid, p.name, p.title, p.department)
                           .order_by(func.lower(p.name), p.id)).all()
    return [Choice(uid, name, " · ".join(x for x in (title, department) if x))
            for uid, name, title, department in rows]


def experience_choices(session: Session) -> list[Choice]:
    """Every lateral experience, the latest first; the hint is its start year and department."""
    e = m.ExperienceRow
    rows = session.execute(select(e.uid, e.title, e.start, e.department)
                           .order_by(e.start.desc(), e.id.desc())).all()
    return [Choice(uid, title, " · ".join(x for x in (str(start.year), department) if x))
            for uid, title, start, department in rows]


def skill_names(session: Session) -> list[str]:
    return list(session.scalars(select(m.SkillRow.name).order_by(func.lower(m.SkillRow.name))))


def achievement_count(session: Session) -> int:
    return int(session.scalar(select(func.count(m.AchievementRow.id))) or 0)


def achievement_id(session: Session, uid: str) -> int | None:
    """The row id the list works with, for an achievement's uid."""
    return session.scalar(select(m.AchievementRow.id).where(m.AchievementRow.uid == uid))
