"""The notice at start: a window opening this week and overdue follow-ups, in one quiet line."""

from __future__ import annotations

from datetime import date, timedelta

from careerdesk.domain import records as r
from careerdesk.domain.enums import CycleEventKind
from careerdesk.planner import PlannerData, WindowOverride, build_plan
from careerdesk.planner.notice import start_notice

TODAY = date(2026, 11, 22)


def budget(day: date, name: str = "FY28 budget") -> r.CycleEvent:
    # The ask window opens 42 days before a budget planning event.
    return r.CycleEvent(kind=CycleEventKind.BUDGET_PLANNING, name=name, date=day)


def overdue(days: int) -> r.Interaction:
    return r.Interaction(date=TODAY - timedelta(days=days + 5), summary="Met",
                         follow_up=TODAY - timedelta(days=days))


def test_nothing_to_say_on_a_quiet_day() -> None:
    far = budget(TODAY + timedelta(days=42 + 20))
    assert start_notice(build_plan(PlannerData(cycle_events=[far]), TODAY)) is None
    assert start_notice(build_plan(PlannerData(), TODAY)) is None


def test_a_window_opening_this_week_and_overdue_follow_ups() -> None:
    event = budget(date(2027, 1, 28))  # its ask window opens on 17 Dec 2026
    data = PlannerData(cycle_events=[event], interactions=[overdue(3), overdue(12), overdue(1)])
    today = date(2026, 12, 14)
    data.interactions.append(r.Interaction(date=today, follow_up=today + timedelta(days=2)))
    notice = start_notice(build_plan(data, today))
    assert notice == "A window opens this week: Make the ask (17 Dec). 3 follow-ups overdue."


def test_the_week_is_today_and_the_six_days_after() -> None:
    opens_today = budget(TODAY + timedelta(days=42), "Today's")
    opens_in_six = budget(TODAY + timedelta(days=42 + 6), "In six")
    opens_in_seven = budget(TODAY + timedelta(days=42 + 7), "In seven")
    opened_yesterday = budget(TODAY + timedelta(days=41), "Yesterday's")
    plan = build_plan(PlannerData(cycle_events=[opens_today, opens_in_six, opens_in_seven,
                                                opened_yesterday]), TODAY)
    assert start_notice(plan) == ("2 windows open this week: Make the ask (22 Nov), "
                                  "Make the ask (28 Nov).")


def test_a_dismissed_window_is_not_announced_and_one_follow_up_is_singular() -> None:
    event = budget(TODAY + timedelta(days=44))
    data = PlannerData(cycle_events=[event], interactions=[overdue(2)])
    window = build_plan(data, TODAY).windows[0]
    data.overrides = {window.id: WindowOverride(dismissed=True)}
    assert start_notice(build_plan(data, TODAY)) == "1 follow-up overdue."


def test_a_follow_up_done_or_due_today_is_not_overdue() -> None:
    done = r.Interaction(date=TODAY - timedelta(days=9), follow_up=TODAY - timedelta(days=3),
                         done=True)
    due_today = r.Interaction(date=TODAY - timedelta(days=9), follow_up=TODAY)
    assert start_notice(build_plan(PlannerData(interactions=[done, due_today]), TODAY)) is None
