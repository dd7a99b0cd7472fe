"""Which kind of record a uid names, for links that carry only the uid (a next action's record)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from careerdesk.store.search_index import KIND_CODES


def kind_of_uid(session: Session, uid: str) -> str | None:
    """The kind name search prints (``achievement``, ``person``...), or None when no record has it.

    Each table's uid is unique and indexed: a dozen lookups by key, where the full-text
    index would scan every row for its unindexed uid column.
    """
    for row_type, (_code, kind) in KIND_CODES.items():
        column = row_type.uid  # type: ignore[attr-defined]
        if session.scalar(select(column).where(column == uid).limit(1)) is not None:
            return kind
    return None
