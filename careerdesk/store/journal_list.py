"""The journal list: which entries match a filter, newest first, and what a line shows.

The window's list asks for the matching ids once (one indexed query, fast for 20,000
entries), then for the lines of the rows on screen only. A line carries the start of the
body, never the whole of it: a long entry costs nothing until it is opened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, literal_column, select, text
from sqlalchemy.orm import Session

from careerdesk.search import fts_query
from careerdesk.store import models as m
from careerdesk.store.id_query import ids_of
from careerdesk.store.search_index import KIND_BITS, KIND_CODES

EXCERPT_CHARS = 400  # read from the database per line; enough for two lines of any width


@dataclass(frozen=True)
class JournalFilter:
    text: str = ""
    tag: str | None = None
    day: date | None = None

    @property
    def is_empty(self) -> bool:
        return self == JournalFilter()


@dataclass(frozen=True)
class JournalLine:
    id: int
    uid: str
    date: date
    title: str
    excerpt: str
    tags: tuple[str, ...]


_MARKUP = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?)|[*_`~]+"
                     r"|!?\[([^\]]*)\]\([^)]*\)", re.MULTILINE)


def plain_excerpt(body: str, width: int = 240) -> str:
    """The start of a markdown body as one line of plain words, for a list."""
    def unmark(match: re.Match[str]) -> str:
        return match.group(4) or ""

    words = " ".join(_MARKUP.sub(unmark, body).split())
    return words if len(words) <= width else words[:width - 1].rstrip() + "…"


def _filtered(query: Select[tuple[int]], f: JournalFilter) -> Select[tuple[int]]:
    j = m.JournalEntryRow
    if f.day is not None:
        query = query.where(j.date == f.day)
    if f.tag:
        query = query.where(text(
            "EXISTS (SELECT 1 FROM json_each(journal_entry.tags) "
            "WHERE lower(json_each.value) = lower(:tag))").bindparams(tag=f.tag))
    match = fts_query(f.text)
    if match:
        code = KIND_CODES[m.JournalEntryRow][0]
        query = query.where(j.id.in_(text(
            f"SELECT (rowid - {code}) / {KIND_BITS} FROM search_index "
            "WHERE search_index MATCH :match AND kind = 'journal'").bindparams(match=match)
            .columns(literal_column("id"))))
    return query


def matching_ids(session: Session, f: JournalFilter, *, newest_first: bool = True) -> list[int]:
    """The entries that match, by date (and by when they were written within a day)."""
    j = m.JournalEntryRow
    order: list[Any] = [j.date.desc(), j.id.desc()] if newest_first else [j.date.asc(), j.id.asc()]
    return ids_of(session, _filtered(select(j.id), f).order_by(*order))


def lines(session: Session, ids: Sequence[int]) -> dict[int, JournalLine]:
    """What the list shows for these entries, in one query whatever their number."""
    if not ids:
        return {}
    j = m.JournalEntryRow
    rows = session.execute(
        select(j.id, j.uid, j.date, j.title, func.substr(j.body, 1, EXCERPT_CHARS), j.tags)
        .where(j.id.in_(ids))).all()
    return {id_: JournalLine(id=id_, uid=uid, date=day, title=(title or "").strip(),
                             excerpt=plain_excerpt(body or ""), tags=tuple(tags or []))
            for id_, uid, day, title, body, tags in rows}


def entry_days(session: Session, first: date, last: date,
               f: JournalFilter = JournalFilter()) -> dict[date, int]:
    """How many entries (matching the filter, whatever its day) each day from first to last
    has; days without any are left out. One grouped query: a calendar month asks this."""
    j = m.JournalEntryRow
    wanted = JournalFilter(text=f.text, tag=f.tag)
    query = _filtered(select(j.date, func.count(j.id)), wanted)  # type: ignore[arg-type]
    query = query.where(j.date >= first, j.date <= last).group_by(j.date)
    return {day: int(count) for day, count in session.execute(query)}


def entry_count(session: Session) -> int:
    return int(session.scalar(select(func.count(m.JournalEntryRow.id))) or 0)


def entry_id(session: Session, uid: str) -> int | None:
    """The row id the list works with, for an entry's uid."""
    return session.scalar(select(m.JournalEntryRow.id).where(m.JournalEntryRow.uid == uid))


def nearest_entry(session: Session, day: date, f: JournalFilter = JournalFilter()
                  ) -> int | None:
    """The newest matching entry on ``day``, else the closest one before it, else after it."""
    j = m.JournalEntryRow
    wanted = JournalFilter(text=f.text, tag=f.tag)
    before = session.scalar(_filtered(select(j.id), wanted).where(j.date <= day)
                            .order_by(j.date.desc(), j.id.desc()).limit(1))
    if before is not None:
        return before
    return session.scalar(_filtered(select(j.id), wanted).where(j.date > day)
                          .order_by(j.date.asc(), j.id.asc()).limit(1))


def entry_tags(session: Session) -> list[str]:
    """Every tag used on a journal entry, for completion and the tag filter."""
    rows = session.execute(text(
        "SELECT DISTINCT json_each.value FROM journal_entry, json_each(journal_entry.tags) "
        "WHERE journal_entry.tags != '[]' "  # no JSON to read for the entries without
        "ORDER BY lower(json_each.value)"))
    return [str(r[0]) for r in rows]
