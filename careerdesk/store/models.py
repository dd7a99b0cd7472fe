"""The journal's tables as SQLAlchemy 2 typed ORM models.

Every user record has an integer primary key for joins and a stable ``uid`` for the
outside world (the interchange file, undo, links between windows). Relations are real
foreign keys; lists that belong to one record only (metrics, benchmarks, talking points)
live with that record. Times are stored in UTC.
"""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import UTC
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> dt.datetime:
    return dt.datetime.now(UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores UTC without a zone (sortable text in SQLite) and hands back aware times."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime(),
        dt.date: Date(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        list[str]: JSON(),
    }


class RecordMixin:
    """What every user record has: an id, a stable uid, tags and its times."""

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(
        String(64), unique=True, default=lambda: str(uuid.uuid4())
    )
    tags: Mapped[list[str]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


def _link(name: str, left: str, right: str, *extra: Column[Any]) -> Table:
    """A many-to-many table; rows go when either side is deleted."""
    return Table(
        name,
        Base.metadata,
        Column(f"{left}_id", ForeignKey(f"{left}.id", ondelete="CASCADE"), primary_key=True),
        Column(f"{right}_id", ForeignKey(f"{right}.id", ondelete="CASCADE"), primary_key=True,
               index=True),
        *extra,
    )


achievement_person = _link("achievement_person", "achievement", "person")
achievement_skill = _link("achievement_skill", "achievement", "skill")
experience_skill = _link("experience_skill", "experience", "skill")
interaction_person = _link("interaction_person", "interaction", "person")
plan_participant = _link("plan_participant", "plan", "person")


class JournalEntryRow(RecordMixin, Base):
    __tablename__ = "journal_entry"

    date: Mapped[dt.date] = mapped_column(index=True)
    title: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text, default="")


class SkillRow(RecordMixin, Base):
    """Records name skills; the uid only keeps a skill's identity through a rename."""

    __tablename__ = "skill"

    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)
    category: Mapped[str | None] = mapped_column(Text)
    level: Mapped[int | None]


class PersonRow(RecordMixin, Base):
    __tablename__ = "person"

    name: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(Text)
    roles: Mapped[list[str]] = mapped_column(default=list)
    influence: Mapped[int | None]
    stance: Mapped[str] = mapped_column(String(20), default="unknown")
    relationship: Mapped[int | None]
    cadence_days: Mapped[int | None]
    notes: Mapped[str | None] = mapped_column(Text)


class ExperienceRow(RecordMixin, Base):
    __tablename__ = "experience"

    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(Text)
    start: Mapped[dt.date] = mapped_column(index=True)
    end: Mapped[dt.date | None]
    sponsor_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[str | None] = mapped_column(Text)
    reflection: Mapped[str | None] = mapped_column(Text)

    sponsor: Mapped[PersonRow | None] = relationship()
    skills: Mapped[list[SkillRow]] = relationship(secondary=experience_skill, order_by=SkillRow.name)


class MetricRow(Base):
    __tablename__ = "metric"

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(40))
    baseline: Mapped[float | None] = mapped_column(Float)
    result: Mapped[float] = mapped_column(Float)
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)


class AchievementRow(RecordMixin, Base):
    __tablename__ = "achievement"

    date: Mapped[dt.date] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(Text)
    story: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="story", index=True)
    scope: Mapped[str | None] = mapped_column(String(20))
    experience_id: Mapped[int | None] = mapped_column(
        ForeignKey("experience.id", ondelete="SET NULL"), index=True
    )
    evidence: Mapped[list[str]] = mapped_column(default=list)
    highlight: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    metrics: Mapped[list[MetricRow]] = relationship(
        order_by=MetricRow.position, cascade="all, delete-orphan", passive_deletes=True
    )
    skills: Mapped[list[SkillRow]] = relationship(secondary=achievement_skill, order_by=SkillRow.name)
    people: Mapped[list[PersonRow]] = relationship(secondary=achievement_person,
                                                   order_by=PersonRow.name)
    experience: Mapped[ExperienceRow | None] = relationship()


class InteractionRow(RecordMixin, Base):
    __tablename__ = "interaction"

    date: Mapped[dt.date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    summary: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[dt.date | None] = mapped_column(index=True)
    follow_up_action: Mapped[str | None] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    people: Mapped[list[PersonRow]] = relationship(secondary=interaction_person,
                                                   order_by=PersonRow.name)


class TargetSkillRow(Base):
    __tablename__ = "target_skill"

    target_id: Mapped[int] = mapped_column(
        ForeignKey("target.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    level: Mapped[int | None]
    position: Mapped[int] = mapped_column(default=0)

    skill: Mapped[SkillRow] = relationship()


class TargetRow(RecordMixin, Base):
    __tablename__ = "target"

    title: Mapped[str] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(Text)
    level: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="exploring")
    notes: Mapped[str | None] = mapped_column(Text)

    required_skills: Mapped[list[TargetSkillRow]] = relationship(
        order_by=TargetSkillRow.position, cascade="all, delete-orphan", passive_deletes=True
    )


class OpeningRow(RecordMixin, Base):
    __tablename__ = "opening"

    title: Mapped[str] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(Text)
    posted: Mapped[dt.date | None]
    closes: Mapped[dt.date | None] = mapped_column(index=True)
    hiring_manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    target_id: Mapped[int | None] = mapped_column(
        ForeignKey("target.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="watching")
    availability: Mapped[str] = mapped_column(String(30), default="unknown")
    reference: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    hiring_manager: Mapped[PersonRow | None] = relationship()
    target: Mapped[TargetRow | None] = relationship()


class CycleEventRow(RecordMixin, Base):
    __tablename__ = "cycle_event"

    kind: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date] = mapped_column(index=True)
    duration_days: Mapped[int | None]
    recurrence: Mapped[str] = mapped_column(String(20), default="none")
    notes: Mapped[str | None] = mapped_column(Text)


class PlanEvidenceRow(Base):
    __tablename__ = "plan_evidence"

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True
    )
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(default=0)

    achievement: Mapped[AchievementRow] = relationship()


class PlanRow(RecordMixin, Base):
    __tablename__ = "plan"

    title: Mapped[str] = mapped_column(Text)
    strategy: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int | None] = mapped_column(
        ForeignKey("target.id", ondelete="SET NULL"), index=True
    )
    meeting_date: Mapped[dt.date | None] = mapped_column(index=True)
    # Small value objects that belong to this plan alone: kept as JSON with the plan.
    current: Mapped[dict[str, Any]] = mapped_column(default=dict)
    ask: Mapped[dict[str, Any]] = mapped_column(default=dict)
    benchmarks: Mapped[list[Any]] = mapped_column(default=list)
    talking_points: Mapped[list[Any]] = mapped_column(default=list)
    objections: Mapped[list[Any]] = mapped_column(default=list)
    fallbacks: Mapped[list[Any]] = mapped_column(default=list)
    walk_away: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    outcome: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    notes: Mapped[str | None] = mapped_column(Text)

    target: Mapped[TargetRow | None] = relationship()
    participants: Mapped[list[PersonRow]] = relationship(secondary=plan_participant,
                                                         order_by=PersonRow.name)
    evidence: Mapped[list[PlanEvidenceRow]] = relationship(
        order_by=PlanEvidenceRow.position, cascade="all, delete-orphan", passive_deletes=True
    )


class CompensationRow(RecordMixin, Base):
    __tablename__ = "compensation"

    date: Mapped[dt.date] = mapped_column(index=True)
    title: Mapped[str | None] = mapped_column(Text)
    level: Mapped[str | None] = mapped_column(Text)
    base: Mapped[float | None] = mapped_column(Float)
    bonus: Mapped[float | None] = mapped_column(Float)
    equity: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)


class SettingRow(Base):
    """Journal-wide settings that travel with the journal (the profile, planner lead times)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


Index("ix_interaction_open_follow_up", InteractionRow.done, InteractionRow.follow_up)
