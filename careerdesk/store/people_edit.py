"""Creating, and deleting, a person and their interactions, in ways that undo exactly.

An interaction must name at least one person. So deleting a person decides what
becomes of the interactions that name them alone; those shared with someone else stay,
without them. The user chooses:

- ``DELETE``: those interactions go with the person;
- ``KEEP_AS_JOURNAL``: each becomes a journal entry of the same day ("Coffee with
  Tomás Alvarez", the summary, the follow-up), so nothing written is lost.

Everything that named the person (achievements that they saw, an experience they
sponsored, an opening they hire for, a plan they take part in, shared interactions) is
remembered as it was, so that undoing the deletion puts every link back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.domain.enums import InteractionKind
from careerdesk.store import models as m
from careerdesk.store.repository import ROW_OF, RecordWriter, load, to_record


class LoneInteractions(StrEnum):
    """What becomes of the interactions that name only the deleted person."""

    DELETE = "delete"
    KEEP_AS_JOURNAL = "keep_as_journal"


@dataclass(frozen=True)
class PersonLinks:
    """How many interactions name the person: alone, or with someone else."""

    alone: int
    shared: int


def person_links(session: Session, person_uid: str) -> PersonLinks:
    p, ip = m.PersonRow, m.interaction_person
    pid = session.scalar(select(p.id).where(p.uid == person_uid))
    if pid is None:
        return PersonLinks(0, 0)
    other = ip.alias("other")
    sizes = (select(ip.c.interaction_id, func.count(other.c.person_id).label("n"))
             .join(other, other.c.interaction_id == ip.c.interaction_id)
             .where(ip.c.person_id == pid).group_by(ip.c.interaction_id).subquery())
    alone = session.scalar(select(func.count()).select_from(sizes).where(sizes.c.n == 1)) or 0
    total = session.scalar(select(func.count()).select_from(sizes)) or 0
    return PersonLinks(int(alone), int(total - alone))


@dataclass
class PersonDeletion:
    """Everything needed to undo the deletion of one person."""

    person: r.Person
    choice: LoneInteractions
    referring: list[r.Record] = field(default_factory=list)  # as they were before
    lone: list[r.Interaction] = field(default_factory=list)
    journal_entries: list[r.JournalEntry] = field(default_factory=list)


def new_person(name: str) -> r.Person:
    return r.Person(name=name)


def new_interaction(person_uids: list[str], day: date | None = None) -> r.Interaction:
    return r.Interaction(date=day or date.today(), people=list(person_uids))


def _referring(writer: RecordWriter, pid: int) -> list[r.Record]:
    """The records that name the person, each whole as it is now, read in a few batches
    (a person may be named by thousands of interactions)."""
    session = writer.session
    found: list[r.Record] = []
    queries = (
        (m.AchievementRow, select(m.achievement_person.c.achievement_id)
         .where(m.achievement_person.c.person_id == pid)),
        (m.InteractionRow, select(m.interaction_person.c.interaction_id)
         .where(m.interaction_person.c.person_id == pid)),
        (m.PlanRow, select(m.plan_participant.c.plan_id)
         .where(m.plan_participant.c.person_id == pid)),
        (m.ExperienceRow, select(m.ExperienceRow.id).where(m.ExperienceRow.sponsor_id == pid)),
        (m.OpeningRow, select(m.OpeningRow.id).where(m.OpeningRow.hiring_manager_id == pid)),
    )
    for row_type, ids in queries:
        uids = list(session.scalars(select(row_type.uid).where(
            row_type.id.in_(ids)).order_by(row_type.id)))
        writer.prefetch(row_type, uids)
        found.extend(to_record(writer.find(row_type, uid)) for uid in uids)
    return found


def journal_entry_for(interaction: r.Interaction, person_name: str) -> r.JournalEntry:
    """The interaction written as a journal entry of the same day, keeping every word."""
    kind = interaction.kind
    title = (f"{kind.label} with {person_name}" if kind is not InteractionKind.OTHER
             else f"Interaction with {person_name}")
    parts = [interaction.summary.strip()] if interaction.summary and interaction.summary.strip() \
        else []
    if interaction.follow_up or interaction.follow_up_action:
        when = interaction.follow_up.isoformat() if interaction.follow_up else "no date"
        state = "done" if interaction.done else "open"
        parts.append(f"Follow-up ({when}, {state}): {interaction.follow_up_action or ''}".rstrip())
    return r.JournalEntry(date=interaction.date, title=title, body="\n\n".join(parts),
                          tags=list(interaction.tags))


def delete_person(session: Session, person_uid: str, choice: LoneInteractions,
                  entry_uids: list[str] | None = None) -> PersonDeletion:
    """Deletes the person as ``choice`` says; returns what undo needs.

    ``entry_uids`` gives the journal entries the uids of a first run, so that a redo
    makes the same entries again.
    """
    person = load(session, r.Person, person_uid)
    row = session.scalars(select(m.PersonRow).where(m.PersonRow.uid == person_uid)).one()
    writer = RecordWriter(session)
    referring = _referring(writer, row.id)
    lone = [x for x in referring if isinstance(x, r.Interaction) and x.people == [person_uid]]
    deletion = PersonDeletion(person=person, choice=choice, referring=referring, lone=lone)
    if choice is LoneInteractions.KEEP_AS_JOURNAL:
        entries = [journal_entry_for(x, person.name) for x in lone]
        for entry, uid in zip(entries, entry_uids or [], strict=False):
            entry.uid = uid
        writer.prefetch(m.JournalEntryRow, [e.uid for e in entries])
        with session.no_autoflush:
            for entry in entries:
                writer.save(entry)
        deletion.journal_entries = entries
    for interaction in lone:
        session.delete(writer.find(m.InteractionRow, interaction.uid))
    session.delete(row)
    session.flush()
    return deletion


def restore_person(session: Session, deletion: PersonDeletion) -> None:
    """Undoes ``delete_person``: the person, their lone interactions and every link."""
    writer = RecordWriter(session)
    writer.save(deletion.person, keep_times=True)
    session.flush()
    entry_uids = [e.uid for e in deletion.journal_entries]
    writer.prefetch(m.JournalEntryRow, entry_uids)
    for uid in entry_uids:
        found = writer.find(m.JournalEntryRow, uid)
        if found is not None:
            session.delete(found)
    lone = {x.uid for x in deletion.lone}
    by_kind: dict[type[r.Record], list[str]] = {}
    for record in (*deletion.lone, *deletion.referring):
        by_kind.setdefault(type(record), []).append(record.uid)
    for kind, uids in by_kind.items():
        writer.prefetch(ROW_OF[kind], uids)
    # Every reference is resolved from the rows fetched above; flushing once at the end
    # instead of before each lookup's query saves seconds for a person named thousands
    # of times.
    with session.no_autoflush:
        for interaction in deletion.lone:
            writer.save(interaction, keep_times=True)
        for record in deletion.referring:
            if record.uid not in lone:
                writer.save(record, keep_times=True)
    session.flush()
