"""The achievements list: which rows match a filter, in which order, and what a row shows.

The window's table asks for the matching ids once (one indexed query, fast even for
30,000 achievements), then for the lines of the rows on screen only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, case, func, literal_column, select, text
from sqlalchemy.orm import Session

from careerdesk.domain.enums import AchievementKind, Scope
from careerdesk.domain.metrics import describe, describe_change
from careerdesk.domain.records import Metric
from careerdesk.search import fts_query
from careerdesk.store import models as m
from careerdesk.store.id_query import ids_of
from careerdesk.store.search_index import KIND_BITS, KIND_CODES


@dataclass(frozen=True)
class AchievementFilter:
    text: str = ""
    kinds: frozenset[AchievementKind] = field(default_factory=frozenset)
    scopes: frozenset[Scope] = field(default_factory=frozenset)
    tag: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    highlights_only: bool = False

    @property
    def is_empty(self) -> bool:
        return self == AchievementFilter()


class AchievementSort(StrEnum):
    DATE = "date"
    TITLE = "title"
    KIND = "kind"
    SCOPE = "scope"
    METRICS = "metrics"


@dataclass(frozen=True)
class AchievementLine:
    id: int
    uid: str
    date: date
    title: str
    kind: AchievementKind
    scope: Scope | None
    highlight: bool
    metric_count: int
    first_metric: str
    skills: tuple[str, ...]
    tags: tuple[str, ...]
    # The first metric's parts, for a table that shows the name and the change apart.
    first_metric_name: str = ""
    first_metric_change: str = ""


_SCOPE_ORDER = {"team": 1, "department": 2, "company": 3, "external": 4}


def _filtered(query: Select[tuple[int]], f: AchievementFilter) -> Select[tuple[int]]:
    a = m.AchievementRow
    if f.kinds:
        query = query.where(a.kind.in_([k.value for k in f.kinds]))
    if f.scopes:
        query = query.where(a.scope.in_([s.value for s in f.scopes]))
    if f.date_from:
        query = query.where(a.date >= f.date_from)
    if f.date_to:
        query = query.where(a.date <= f.date_to)
    if f.highlights_only:
        query = query.where(a.highlight.is_(True))
    if f.tag:
        query = query.where(text(
            "EXISTS (SELECT 1 FROM json_each(achievement.tags) "
            "WHERE lower(json_each.value) = lower(:tag))").bindparams(tag=f.tag))
    match = fts_query(f.text)
    if match:
        code = KIND_CODES[m.AchievementRow][0]
        query = query.where(a.id.in_(text(
            f"SELECT (rowid - {code}) / {KIND_BITS} FROM search_index "
            "WHERE search_index MATCH :match AND kind = 'achievement'").bindparams(match=match)
            .columns(literal_column("id"))))
    return query


def matching_ids(session: Session, f: AchievementFilter,
                 sort: AchievementSort = AchievementSort.DATE, descending: bool = True
                 ) -> list[int]:
    a = m.AchievementRow
    query = _filtered(select(a.id), f)
    scope_rank = case(_SCOPE_ORDER, value=a.scope, else_=0)
    metric_count = (select(func.count(m.MetricRow.id))
                    .where(m.MetricRow.achievement_id == a.id).scalar_subquery())
    key: Any = {
        AchievementSort.DATE: a.date,
        AchievementSort.TITLE: func.lower(a.title),
        AchievementSort.KIND: a.kind,
        AchievementSort.SCOPE: scope_rank,
        AchievementSort.METRICS: metric_count,
    }[sort]
    order = [key.desc() if descending else key.asc(), a.date.desc(), a.id.desc()]
    if sort is AchievementSort.DATE:
        # Not the date twice: SQLite then sorts the whole table instead of reading the
        # date index in order.
        order = [a.date.desc() if descending else a.date.asc(), a.id.desc()]
    return ids_of(session, query.order_by(*order))


def lines(session: Session, ids: Sequence[int]) -> dict[int, AchievementLine]:
    """What the table shows for these achievements, in three queries whatever their number."""
    if not ids:
        return {}
    a = m.AchievementRow
    rows = session.execute(
        select(a.id, a.uid, a.date, a.title, a.kind, a.scope, a.highlight, a.tags)
        .where(a.id.in_(ids))).all()
    metrics: dict[int, list[m.MetricRow]] = {}
    for metric in session.scalars(select(m.MetricRow).where(m.MetricRow.achievement_id.in_(ids))
                                  .order_by(m.MetricRow.position)):
        metrics.setdefault(metric.achievement_id, []).append(metric)
    skills: dict[int, list[str]] = {}
    for achievement_id, name in session.execute(
            select(m.achievement_skill.c.achievement_id, m.SkillRow.name)
            .join(m.SkillRow, m.SkillRow.id == m.achievement_skill.c.skill_id)
            .where(m.achievement_skill.c.achievement_id.in_(ids)).order_by(m.SkillRow.name)):
        skills.setdefault(achievement_id, []).append(name)
    result = {}
    for id_, uid, day, title, kind, scope, highlight, tags in rows:
        own = metrics.get(id_, [])
        first = first_name = first_change = ""
        if own:
            x = own[0]
            shown = Metric(name=x.name, unit=x.unit, baseline=x.baseline, result=x.result,
                           higher_is_better=x.higher_is_better)
            first, first_name, first_change = describe(shown), x.name, describe_change(shown)
        result[id_] = AchievementLine(
            id=id_, uid=uid, date=day, title=title, kind=AchievementKind(kind),
            scope=Scope(scope) if scope else None, highlight=bool(highlight),
            metric_count=len(own), first_metric=first, skills=tuple(skills.get(id_, [])),
            tags=tuple(tags or []), first_metric_name=first_name,
            first_metric_change=first_change)
    return result


def all_tags(session: Session, table: str = "achievement") -> list[str]:
    """Every tag used on that kind of record, for completion and the tag filter."""
    if table not in {t.__tablename__ for t in KIND_CODES}:
        raise ValueError(f"unknown table {table}")
    rows = session.execute(text(
        f"SELECT DISTINCT json_each.value FROM {table}, json_each({table}.tags) "
        f"WHERE {table}.tags != '[]' "  # most records have none: no JSON to read for them
        "ORDER BY lower(json_each.value)"))
    return [str(r[0]) for r in rows]
