"""A brag document for a period, in markdown, ready to paste into a self-review.

The order is the order a reviewer reads in: a one-line summary, the highlights (the
best first), then every achievement by quarter, oldest quarter first so the period
reads as the story of how the work grew; then lateral growth, the invisible work that
reviews overlook unless it is named (mentoring, teaching, documentation), and the
skills the work showed. Private parts of the journal stay out: no journal entries, no
reflections, no notes, no pay, no stance of people.

Dates are written "14 Nov 2025" with a fixed English table, not ``strftime``, whose
month names follow the process locale.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from careerdesk.domain import records as r
from careerdesk.domain.enums import AchievementKind, ExperienceKind
from careerdesk.domain.metrics import describe
from careerdesk.interchange.atomic import write_atomically
from careerdesk.interchange.journal_data import JournalData

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTER_MONTHS = ("January–March", "April–June", "July–September", "October–December")


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, start: date, end: date | None) -> bool:
        return start <= self.end and (end is None or end >= self.start)


def last_twelve_months(today: date) -> Period:
    """The year up to and including ``today`` (29 February falls back to the 28th)."""
    try:
        start = today.replace(year=today.year - 1)
    except ValueError:
        start = today.replace(year=today.year - 1, day=28)
    return Period(date.fromordinal(start.toordinal() + 1), today)


def write_text(path: Path, text: str) -> None:
    def write(out: BinaryIO) -> None:
        out.write(text.encode("utf-8"))

    write_atomically(path, write)


def brag_document(data: JournalData, period: Period) -> str:
    achievements = sorted((a for a in data.sections.get("achievements", [])
                           if period.holds(a.date)), key=lambda a: (a.date, a.title))
    visible = [a for a in achievements if a.kind != AchievementKind.INVISIBLE]
    invisible = [a for a in achievements if a.kind == AchievementKind.INVISIBLE]
    experiences = sorted((e for e in data.sections.get("experiences", [])
                          if period.overlaps(e.start, e.end)), key=lambda e: (e.start, e.title))
    experience_titles = {e.uid: e.title for e in data.sections.get("experiences", [])}

    out: list[str] = []
    who = data.profile.name or "My"
    out.append(f"# {who}{'’s' if data.profile.name else ''} accomplishments, "
               f"{day_text(period.start)} to {day_text(period.end)}")
    role = _role_at(data.sections.get("compensation", []), period.end)
    where = " · ".join(x for x in (role, data.profile.employer) if x)
    if where:
        out += ["", where]
    out += ["", _summary(visible, invisible, experiences)]

    highlights = [a for a in visible if a.highlight]
    if highlights:
        out += ["", "## Highlights", ""]
        for a in sorted(highlights, key=lambda a: a.date, reverse=True):
            metrics = "; ".join(describe(m) for m in a.metrics)
            out.append(f"- **{_line(a.title)}** ({month_text(a.date)})"
                       + (f": {metrics}" if metrics else ""))

    out += ["", "## Achievements by quarter"]
    if not visible:
        out += ["", "No achievements were recorded in this period."]
    quarter = None
    for a in visible:
        if _quarter(a.date) != quarter:
            quarter = _quarter(a.date)
            year, q = quarter
            out += ["", f"### Q{q} {year} ({_QUARTER_MONTHS[q - 1]})"]
        out += _achievement(a, experience_titles, "####")

    out += ["", "## Lateral growth"]
    if not experiences:
        out += ["", "No lateral experiences in this period."]
    for e in experiences:
        out += _experience(e, achievements)

    out += ["", "## Invisible work"]
    if not invisible:
        out += ["", "None recorded in this period."]
    for a in invisible:
        out += _achievement(a, experience_titles, "###")

    out += ["", "## Skills shown", ""]
    out += _skills(achievements, experiences) or ["No skills were named in this period."]
    return "\n".join(out).rstrip() + "\n"


def _summary(visible: list[r.Achievement], invisible: list[r.Achievement],
             experiences: list[r.Experience]) -> str:
    measured = sum(1 for a in visible if a.metrics)
    parts = [_count(len(visible), "achievement") + (f" ({measured} with measured results)"
                                                    if measured else ""),
             _count(len(experiences), "lateral-growth experience"),
             _count(len(invisible), "piece", "pieces") + " of invisible work"]
    return "**In this period:** " + ", ".join(parts) + "."


def _achievement(a: r.Achievement, experience_titles: dict[str, str], heading: str) -> list[str]:
    facts = [day_text(a.date)]
    if a.scope:
        facts.append(f"{a.scope.label.lower()} scope")
    if a.experience and a.experience in experience_titles:
        facts.append(f"during {_line(experience_titles[a.experience])}")
    lines = ["", f"{heading} {_line(a.title)}", "", "*" + " · ".join(facts) + "*"]
    if a.metrics:
        lines.append("")
        lines += [f"- {describe(m)}" for m in a.metrics]
    if a.story and a.story.strip():
        lines += ["", a.story.strip()]
    if a.skills:
        lines += ["", "Skills: " + ", ".join(a.skills)]
    if a.evidence:
        lines += ["", "Evidence: " + ", ".join(a.evidence)]
    return lines


def _experience(e: r.Experience, achievements: list[r.Achievement]) -> list[str]:
    span = f"{month_text(e.start)} – {month_text(e.end) if e.end else 'ongoing'}"
    facts = [e.kind.label if e.kind != ExperienceKind.OTHER else "Experience"]
    if e.department:
        facts.append(e.department)
    facts.append(span)
    lines = ["", f"### {_line(e.title)}", "", "*" + " · ".join(facts) + "*"]
    if e.outcome and e.outcome.strip():
        lines += ["", e.outcome.strip()]
    linked = [a.title for a in achievements if a.experience == e.uid]
    if linked:
        lines += ["", "Achievements during it: " + "; ".join(_line(t) for t in linked)]
    if e.skills:
        lines += ["", "Skills gained: " + ", ".join(e.skills)]
    return lines


def _skills(achievements: list[r.Achievement], experiences: list[r.Experience]) -> list[str]:
    names: dict[str, str] = {}
    shown: Counter[str] = Counter()
    gained: Counter[str] = Counter()
    for a in achievements:
        for s in a.skills:
            names.setdefault(s.casefold(), s)
            shown[s.casefold()] += 1
    for e in experiences:
        for s in e.skills:
            names.setdefault(s.casefold(), s)
            gained[s.casefold()] += 1
    order = sorted(names, key=lambda k: (-(shown[k] + gained[k]), names[k].casefold()))
    lines = []
    for key in order:
        where = [x for x in (_count(shown[key], "achievement") if shown[key] else "",
                             _count(gained[key], "experience") if gained[key] else "") if x]
        lines.append(f"- **{names[key]}**: {', '.join(where)}")
    return lines


def _role_at(positions: list[r.Compensation], day: date) -> str | None:
    """The title held on ``day``: the latest position record up to it (never its pay)."""
    held = [p for p in positions if p.date <= day and p.title]
    return max(held, key=lambda p: p.date).title if held else None


def _quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _line(text: str) -> str:
    return " ".join(text.split())


def day_text(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_text(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"
