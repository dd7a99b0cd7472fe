"""Which departments are not the user's own, for the People page's "other departments".

The user's department is the planner's notion (``user_department``: the manager's
department, else the promotion target's); a department counts as the user's when
``same_department`` says so. Only the user's managers and promotion targets are read,
not the whole journal.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.domain.enums import PersonRole, TargetPath
from careerdesk.planner.people import same_department, user_department
from careerdesk.store import models as m
from careerdesk.store.people_list import department_names
from careerdesk.store.repository import to_record


def own_department(session: Session) -> str | None:
    """The user's department as the planner sees it, ``None`` when the journal cannot tell."""
    p = m.PersonRow
    # Only what ``user_department`` reads (a journal may mark hundreds of managers).
    managers = session.execute(select(p.uid, p.name, p.department, p.roles).where(text(
        "EXISTS (SELECT 1 FROM json_each(person.roles) WHERE json_each.value = :role)"
    ).bindparams(role=PersonRole.MANAGER.value)).order_by(p.id))
    people = [r.Person(uid=uid, name=name, department=department, roles=[PersonRole.MANAGER])
              for uid, name, department, _roles in managers]
    found = user_department(people, [])
    if found is not None:  # the managers tell: the targets (whole records) need not be read
        return found
    targets = [to_record(row) for row in session.scalars(
        select(m.TargetRow).where(m.TargetRow.path == TargetPath.PROMOTION.value)
        .order_by(m.TargetRow.id))]
    return user_department(people, [t for t in targets if isinstance(t, r.Target)])


def other_departments(session: Session, own: str | None) -> frozenset[str]:
    """The departments named in the journal that are neither ``own`` nor part of it."""
    if own is None:
        return frozenset()
    return frozenset(d for d in department_names(session) if not same_department(d, own))
