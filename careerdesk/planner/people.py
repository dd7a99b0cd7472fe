"""What the planner needs to know about the user's people: last contact, departments, names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

from careerdesk.domain.enums import PersonRole, TargetPath, TargetStatus
from careerdesk.domain.records import Interaction, Person, Target

UNRATED_INFLUENCE = 3
"""Influence taken for a person whose influence is not rated: the middle of 1–5."""

FINISHED_TARGET = frozenset({TargetStatus.ACHIEVED, TargetStatus.DROPPED})


def influence(person: Person) -> int:
    return person.influence if person.influence is not None else UNRATED_INFLUENCE


def last_contacts(interactions: Iterable[Interaction], today: date) -> dict[str, date]:
    """Each person's latest interaction on or before today (planned ones in the future don't count)."""
    last: dict[str, date] = {}
    for interaction in interactions:
        if interaction.date > today:
            continue
        for uid in interaction.people:
            if uid not in last or interaction.date > last[uid]:
                last[uid] = interaction.date
    return last


def describe(person: Person) -> str:
    """``Tomás Alvarez (HR Business Partner)``: the title says who they are, else their first role."""
    what = person.title or (person.roles[0].label if person.roles else None)
    return f"{person.name} ({what})" if what else person.name


def user_department(people: Iterable[Person], targets: Iterable[Target]) -> str | None:
    """The department the user works in, which the journal does not store directly.

    It is the department of the people marked as the user's manager (the most common one
    if they differ; the first met on a tie), else the department of the promotion target
    being worked on (a promotion stays in the department). ``None`` when neither is known.
    """
    managers = [p.department.strip() for p in people
                if PersonRole.MANAGER in p.roles and p.department and p.department.strip()]
    if managers:
        return Counter(managers).most_common(1)[0][0]
    for target in targets:
        if (target.path is TargetPath.PROMOTION and target.status not in FINISHED_TARGET
                and target.department and target.department.strip()):
            return target.department.strip()
    return None


def same_department(department: str | None, own: str) -> bool:
    """Whether ``department`` is the user's own, or the larger department it belongs to.

    Names compare without regard to case, and a name that is the first words of the other
    counts as the same: the Finance director of someone in Finance Analytics is not a
    contact in another department.
    """
    if not department:
        return False
    a, b = department.strip().casefold(), own.strip().casefold()
    short, long = sorted((a, b), key=len)
    return a == b or long.startswith(short + " ")


def follow_up_with(interaction: Interaction, people: Mapping[str, Person]) -> str:
    """Who a follow-up is with: the people its action names, else everyone in the interaction.

    "Send Ian the appendix" after a meeting with three people is a follow-up with Ian; a
    person is named when their first name is a word of the action. ``""`` when no one is known.
    """
    known = [people[uid] for uid in interaction.people if uid in people]
    action_words = set(re.findall(r"\w+", (interaction.follow_up_action or "").casefold()))
    named = [p for p in known if p.name.split() and p.name.split()[0].casefold() in action_words]
    chosen = [describe(p) for p in (named or known)]
    if not chosen:
        return ""
    return chosen[0] if len(chosen) == 1 else ", ".join(chosen[:-1]) + " and " + chosen[-1]
