"""Next best actions: what is listed, how it reads, and the order of urgency."""

from __future__ import annotations

from datetime import date

from careerdesk.domain import records as r
from careerdesk.domain.enums import (
    AchievementKind,
    Availability,
    CycleEventKind,
    OpeningStatus,
    PlanStatus,
    Strategy,
)
from careerdesk.planner import ActionKind, PlannerData, build_plan
from careerdesk.planner.people import follow_up_with

TODAY = date(2026, 11, 22)


def follow_up(day: date, people: list[str], action: str | None = None, done: bool = False,
              uid: str | None = None) -> r.Interaction:
    return r.Interaction(uid=uid or f"f-{day}", date=date(2026, 10, 1), people=people, follow_up=day,
                         follow_up_action=action, done=done)


def contact(uid: str, day: date) -> r.Interaction:
    return r.Interaction(uid=f"met-{uid}-{day}", date=day, people=[uid])


def plan(title: str, meeting: date | None, status: PlanStatus = PlanStatus.DRAFT,
         evidence: list[str] | None = None) -> r.NegotiationPlan:
    return r.NegotiationPlan(uid=title, title=title, strategy=Strategy.PROMOTION, meeting_date=meeting,
                             status=status, evidence=evidence or [])


def busy_journal() -> PlannerData:
    return PlannerData(
        people=[
            r.Person(uid="helen", name="Helen Whitaker", title="HR business partner", influence=5,
                     cadence_days=30),
            r.Person(uid="a", name="Ann", influence=2, cadence_days=30),
            r.Person(uid="b", name="Bo", influence=5, cadence_days=60),
            r.Person(uid="c", name="Cy", cadence_days=30),
            r.Person(uid="e", name="Ed", cadence_days=30),
        ],
        interactions=[
            follow_up(date(2026, 11, 2), ["helen"], "Send the promotion packet", uid="f1"),
            follow_up(date(2026, 11, 12), [], uid="f2"),
            follow_up(date(2026, 11, 22), ["e"], "Call Ed", uid="f3"),
            follow_up(date(2026, 11, 30), ["e"], "Thank Ed", uid="f4"),
            follow_up(date(2026, 12, 20), ["e"], "Too far ahead", uid="f5"),
            follow_up(date(2026, 10, 1), ["helen"], "Already done", done=True, uid="f6"),
            contact("a", date(2026, 9, 1)),    # Ann: due 1 Oct, lapsed
            contact("b", date(2026, 9, 1)),    # Bo: due 31 Oct, lapsed
            contact("helen", date(2026, 9, 1)),  # lapsed, but an open follow-up covers her
            contact("e", date(2026, 11, 1)),   # Ed: due 1 Dec, fine
        ],
        openings=[
            r.Opening(uid="closing", title="Analyst, Pricing", closes=date(2026, 11, 25),
                      availability=Availability.SUSPECTED_PROMISED),
            r.Opening(uid="applied", title="Applied already", closes=date(2026, 11, 25),
                      status=OpeningStatus.APPLIED),
        ],
        cycle_events=[
            # leverage window 5 Nov .. 26 Nov: open, nothing planned in or near it
            r.CycleEvent(uid="win", kind=CycleEventKind.MILESTONE, name="Launch", date=date(2026, 11, 5)),
            # ask window 1 Dec .. 16 Jan, opens in 9 days: P1's meeting on 20 Jan is near enough
            r.CycleEvent(uid="merit", kind=CycleEventKind.COMPENSATION_REVIEW, name="Merit",
                         date=date(2027, 1, 30)),
            # ask window 9 Dec .. 20 Jan opens in 17 days: not soon
            r.CycleEvent(uid="budget", kind=CycleEventKind.BUDGET_PLANNING, name="Budget",
                         date=date(2027, 1, 20)),
        ],
        plans=[
            plan("P1", date(2027, 1, 20)),
            plan("P2", date(2026, 12, 5), PlanStatus.READY),
            plan("P3", None, PlanStatus.HELD),
            plan("P4", date(2026, 12, 10), evidence=["x"]),
        ],
        achievements=[
            r.Achievement(uid="old-q", title="Old quantified", date=date(2025, 1, 1),
                          kind=AchievementKind.QUANTIFIED),
            r.Achievement(uid="story", title="Recent story", date=date(2026, 11, 1)),
            r.Achievement(uid="inv", title="Recent invisible", date=date(2026, 10, 30),
                          kind=AchievementKind.INVISIBLE),
            r.Achievement(uid="old-story", title="Old story", date=date(2026, 8, 1)),
            r.Achievement(uid="measured", title="Measured", date=date(2026, 11, 1),
                          kind=AchievementKind.QUANTIFIED, metrics=[r.Metric(name="n", result=1)]),
        ],
    )


def test_actions_come_most_urgent_first() -> None:
    actions = build_plan(busy_journal(), TODAY).actions
    assert [(a.kind, a.about, a.due) for a in actions] == [
        # overdue follow-ups, the longest overdue first
        (ActionKind.FOLLOW_UP, "f1", date(2026, 11, 2)),
        (ActionKind.FOLLOW_UP, "f2", date(2026, 11, 12)),
        # due within 14 days, by date
        (ActionKind.FOLLOW_UP, "f3", date(2026, 11, 22)),
        (ActionKind.OPENING, "closing", date(2026, 11, 25)),
        (ActionKind.WINDOW, "win", date(2026, 11, 26)),
        (ActionKind.FOLLOW_UP, "f4", date(2026, 11, 30)),
        (ActionKind.PLAN_EVIDENCE, "P2", date(2026, 12, 5)),
        # lapsed relationships, the most influential first: Bo (5), Cy (unrated: 3), Ann (2)
        (ActionKind.RECONNECT, "b", date(2026, 10, 31)),
        (ActionKind.RECONNECT, "c", None),
        (ActionKind.RECONNECT, "a", date(2026, 10, 1)),
        # plans without evidence that can wait
        (ActionKind.PLAN_EVIDENCE, "P1", date(2027, 1, 20)),
        # metrics: the quantified one first, then recent ones, newest first
        (ActionKind.METRIC, "old-q", None),
        (ActionKind.METRIC, "story", None),
        (ActionKind.METRIC, "inv", None),
    ]


def test_actions_read_as_plain_sentences() -> None:
    texts = {a.about: a.text for a in build_plan(busy_journal(), TODAY).actions}
    assert texts["f1"] == ("Follow up with Helen Whitaker (HR business partner): 20 days overdue — "
                           "Send the promotion packet")
    assert texts["f2"] == "Follow up: 10 days overdue"
    assert texts["f3"] == "Follow up with Ed: due today — Call Ed"
    assert texts["f4"] == "Follow up with Ed: due in 8 days — Thank Ed"
    assert texts["closing"] == ("'Analyst, Pricing' closes in 3 days (25 Nov 2026) and may be promised "
                                "to someone: decide whether it is worth applying")
    assert texts["win"] == ("The leverage the win window for Launch (5 Nov 2026) is open until "
                            "26 Nov 2026, and no negotiation plan meets in it: plan the conversation")
    assert texts["P2"] == ("Add evidence to the negotiation plan 'P2': the achievements that prove the ask "
                           "(meeting in 13 days)")
    assert texts["b"] == ("Get back in touch with Bo: last contact 1 Sep 2026, 82 days ago; "
                          "you aim for every 60 days")
    assert texts["c"] == "Get in touch with Cy: no contact logged yet; you aim for every 30 days"
    assert texts["old-q"] == ("Add a metric to 'Old quantified': a quantified achievement needs a number "
                              "to count as a win")


def test_a_window_opening_soon_is_covered_by_a_plan_meeting_in_or_near_it() -> None:
    data = PlannerData(cycle_events=[r.CycleEvent(uid="c", kind=CycleEventKind.PROMOTION_COMMITTEE,
                                                  name="Committee", date=date(2027, 1, 20))])
    # sponsor window 21 Nov .. 30 Dec, open
    assert [a.kind for a in build_plan(data, TODAY).actions] == [ActionKind.WINDOW]
    for meeting in (date(2026, 11, 14), date(2026, 12, 3), date(2027, 1, 6)):  # 7 days before, in, 7 after
        data.plans = [plan("P", meeting, evidence=["x"])]
        assert build_plan(data, TODAY).actions == (), meeting
    data.plans = [plan("P", date(2027, 1, 7), evidence=["x"])]
    assert [a.kind for a in build_plan(data, TODAY).actions] == [ActionKind.WINDOW]


def test_a_window_opening_in_more_than_14_days_is_not_an_action_yet() -> None:
    data = PlannerData(cycle_events=[r.CycleEvent(kind=CycleEventKind.BUDGET_PLANNING, name="B",
                                                  date=date(2027, 1, 18))])  # ask from 7 Dec: 15 days
    assert build_plan(data, TODAY).actions == ()
    data.cycle_events[0].date = date(2027, 1, 17)  # ask from 6 Dec: 14 days
    [action] = build_plan(data, TODAY).actions
    assert action.text.startswith("The make the ask window for B (17 Jan 2027) opens in 14 days (6 Dec 2026)")


def test_a_networking_window_asks_to_meet_the_hiring_manager_until_they_have_met() -> None:
    sofia = r.Person(uid="sofia", name="Sofia Marchetti", title="Head of Product Analytics")
    posting = r.Opening(uid="op", title="Product Data Scientist", posted=date(2026, 11, 2),
                        closes=date(2027, 1, 18), status=OpeningStatus.NETWORKING, hiring_manager="sofia")
    data = PlannerData(people=[sofia], openings=[posting],
                       interactions=[contact("sofia", date(2026, 10, 20))])  # before it was posted
    [action] = build_plan(data, TODAY).actions
    assert action.kind is ActionKind.WINDOW and action.about == "op" and action.due == date(2027, 1, 15)
    assert action.text == ("Meet Sofia Marchetti (Head of Product Analytics) before 15 Jan 2027: "
                           "no contact logged since 'Product Data Scientist' was posted")
    data.interactions.append(contact("sofia", date(2026, 11, 3)))
    assert build_plan(data, TODAY).actions == ()


def test_a_follow_up_after_a_group_meeting_is_with_the_person_it_names() -> None:
    people = {"ian": r.Person(uid="ian", name="Ian Crawford", title="Director"),
              "rob": r.Person(uid="rob", name="Robert Lindqvist")}
    named = follow_up(TODAY, ["rob", "ian"], "Send Ian the appendix")
    assert follow_up_with(named, people) == "Ian Crawford (Director)"
    unnamed = follow_up(TODAY, ["rob", "ian"], "Send the appendix")
    assert follow_up_with(unnamed, people) == "Robert Lindqvist and Ian Crawford (Director)"


def test_a_posting_gets_one_action_and_none_once_applied_for() -> None:
    posting = r.Opening(uid="op", title="Analyst", posted=date(2026, 11, 1), closes=date(2026, 11, 30))
    data = PlannerData(openings=[posting])
    assert [a.kind for a in build_plan(data, TODAY).actions] == [ActionKind.OPENING]
    posting.status = OpeningStatus.APPLIED
    assert build_plan(data, TODAY).actions == ()
