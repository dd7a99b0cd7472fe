"""Negotiation windows: every rule of product.md, openings, ended windows, shifts, dismissals, merging."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careerdesk.domain.enums import CycleEventKind, OpeningStatus, Recurrence
from careerdesk.domain.records import CycleEvent, Opening, Person
from careerdesk.planner.rules import DaysAround, LeadTimes, WindowKind
from careerdesk.planner.windows import (
    NegotiationWindow,
    WindowOverride,
    build_windows,
    merge_overlapping,
    window_id,
)

TODAY = date(2026, 11, 22)
D = timedelta


def cycle(kind: CycleEventKind, day: date, *, recurrence: Recurrence = Recurrence.NONE,
          name: str = "Event", uid: str = "ev") -> CycleEvent:
    return CycleEvent(uid=uid, kind=kind, name=name, date=day, recurrence=recurrence)


def spans(windows: list[NegotiationWindow]) -> list[tuple[WindowKind, date, date]]:
    return [(w.kind, w.start, w.end) for w in windows]


@pytest.mark.parametrize(("kind", "expected"), [
    (CycleEventKind.BUDGET_PLANNING, [(WindowKind.ASK, -42, 0)]),
    (CycleEventKind.COMPENSATION_REVIEW, [(WindowKind.ASK, -60, -14)]),
    (CycleEventKind.PERFORMANCE_REVIEW, [(WindowKind.BUILD_CASE, -90, -30),
                                         (WindowKind.PRE_REVIEW, -30, -7)]),
    (CycleEventKind.PROMOTION_COMMITTEE, [(WindowKind.SPONSOR, -60, -21)]),
    (CycleEventKind.MILESTONE, [(WindowKind.LEVERAGE_WIN, 0, 21)]),
    (CycleEventKind.MID_YEAR_REVIEW, []),
    (CycleEventKind.HEADCOUNT_PLANNING, []),
    (CycleEventKind.FISCAL_YEAR_END, []),
    (CycleEventKind.OTHER, []),
])
def test_each_event_kind_opens_the_windows_of_the_table(kind: CycleEventKind,
                                                         expected: list[tuple[WindowKind, int, int]]) -> None:
    day = date(2027, 6, 1)  # far enough ahead that no window has started
    windows = build_windows([cycle(kind, day, name="Q")], [], TODAY)
    assert spans(windows) == [(k, day + D(days=a), day + D(days=b)) for k, a, b in expected]
    for window in windows:
        assert window.event == "ev" and window.event_name == "Q" and window.event_date == day
        assert window.reason.startswith("Q on 1 Jun 2027: ")


def test_the_reason_names_the_event_its_date_and_why() -> None:
    [window] = build_windows([cycle(CycleEventKind.BUDGET_PLANNING, date(2027, 10, 1),
                                    name="FY28 budget planning")], [], TODAY)
    assert window.reason == ("FY28 budget planning on 1 Oct 2027: pay and headcount are decided when "
                             "budgets are set; after they lock the answer is 'next year'")


def test_an_open_posting_opens_a_network_window_until_three_days_before_it_closes() -> None:
    sofia = Person(uid="sofia", name="Sofia Marchetti")
    posting = Opening(uid="op", title="Product Data Scientist", posted=date(2026, 11, 2),
                      closes=date(2026, 12, 18), hiring_manager="sofia")
    [window] = build_windows([], [posting], TODAY, people={"sofia": sofia})
    assert (window.kind, window.start, window.end) == (WindowKind.NETWORK, date(2026, 11, 2),
                                                       date(2026, 12, 15))
    assert (window.event, window.event_name, window.event_date) == ("op", "Product Data Scientist",
                                                                    date(2026, 12, 18))
    assert window.reason == ("Product Data Scientist (posted 2 Nov 2026, closes 18 Dec 2026): be known "
                             "to the hiring manager, Sofia Marchetti, before applying")


@pytest.mark.parametrize("status", [OpeningStatus.CLOSED, OpeningStatus.DECLINED, OpeningStatus.ACCEPTED])
def test_a_finished_posting_has_no_window(status: OpeningStatus) -> None:
    posting = Opening(title="P", posted=date(2026, 11, 2), closes=date(2026, 12, 18), status=status)
    assert build_windows([], [posting], TODAY) == []


@pytest.mark.parametrize("status", [OpeningStatus.WATCHING, OpeningStatus.NETWORKING, OpeningStatus.APPLIED,
                                    OpeningStatus.INTERVIEWING, OpeningStatus.OFFER])
def test_a_posting_still_open_has_a_window(status: OpeningStatus) -> None:
    posting = Opening(title="P", posted=date(2026, 11, 2), closes=date(2026, 12, 18), status=status)
    assert len(build_windows([], [posting], TODAY)) == 1


def test_a_posting_without_a_posted_date_is_known_from_today_and_one_without_a_close_has_no_window() -> None:
    undated = Opening(title="Undated", closes=date(2026, 12, 18))
    open_ended = Opening(title="Open-ended", posted=date(2026, 11, 2))
    assert spans(build_windows([], [undated, open_ended], TODAY)) == [
        (WindowKind.NETWORK, TODAY, date(2026, 12, 15))]


def test_a_window_that_started_is_kept_until_its_last_day_and_dropped_after() -> None:
    review = cycle(CycleEventKind.PERFORMANCE_REVIEW, date(2026, 12, 10))
    # build the case 12 Sep .. 10 Nov (ended); pre-review 10 Nov .. 3 Dec (started, kept)
    assert spans(build_windows([review], [], TODAY)) == [
        (WindowKind.PRE_REVIEW, date(2026, 11, 10), date(2026, 12, 3))]
    assert spans(build_windows([review], [], date(2026, 12, 3))) == [
        (WindowKind.PRE_REVIEW, date(2026, 11, 10), date(2026, 12, 3))]
    assert build_windows([review], [], date(2026, 12, 4)) == []


def test_a_window_of_a_past_event_is_kept_while_it_lasts() -> None:
    win = cycle(CycleEventKind.MILESTONE, date(2026, 11, 12))
    assert spans(build_windows([win], [], TODAY)) == [
        (WindowKind.LEVERAGE_WIN, date(2026, 11, 12), date(2026, 12, 3))]


def test_a_recurring_window_from_the_last_occurrence_is_still_open() -> None:
    # Semiannual milestone from 10 May: the 10 Nov 2026 occurrence is past, but its
    # leverage window (10 Nov .. 1 Dec) is open today.
    semiannual = cycle(CycleEventKind.MILESTONE, date(2026, 5, 10), recurrence=Recurrence.SEMIANNUAL)
    assert spans(build_windows([semiannual], [], TODAY))[0] == (
        WindowKind.LEVERAGE_WIN, date(2026, 11, 10), date(2026, 12, 1))
    # Quarterly from 30 Sep: that occurrence's window ended on 21 Oct; the next is 30 Dec.
    quarterly = cycle(CycleEventKind.MILESTONE, date(2026, 9, 30), recurrence=Recurrence.QUARTERLY)
    assert spans(build_windows([quarterly], [], TODAY))[0] == (
        WindowKind.LEVERAGE_WIN, date(2026, 12, 30), date(2027, 1, 20))


def test_recurring_events_are_expanded_for_18_months_across_year_ends() -> None:
    committee = cycle(CycleEventKind.PROMOTION_COMMITTEE, date(2027, 1, 20), recurrence=Recurrence.SEMIANNUAL)
    assert spans(build_windows([committee], [], TODAY)) == [
        (WindowKind.SPONSOR, date(2026, 11, 21), date(2026, 12, 30)),
        (WindowKind.SPONSOR, date(2027, 5, 21), date(2027, 6, 29)),
        (WindowKind.SPONSOR, date(2027, 11, 21), date(2027, 12, 30)),
    ]  # the 20 Jul 2028 committee is past the horizon (22 May 2028)


def test_an_annual_leap_day_event_places_its_windows_from_28_february() -> None:
    budget = cycle(CycleEventKind.BUDGET_PLANNING, date(2024, 2, 29), recurrence=Recurrence.ANNUAL)
    assert spans(build_windows([budget], [], TODAY)) == [
        (WindowKind.ASK, date(2027, 2, 28) - D(days=42), date(2027, 2, 28)),
        (WindowKind.ASK, date(2028, 2, 29) - D(days=42), date(2028, 2, 29)),
    ]


def test_windows_are_sorted_by_start() -> None:
    events = [cycle(CycleEventKind.BUDGET_PLANNING, date(2027, 10, 1), uid="b"),
              cycle(CycleEventKind.PERFORMANCE_REVIEW, date(2027, 3, 1), uid="r"),
              cycle(CycleEventKind.MILESTONE, date(2027, 1, 5), uid="m")]
    starts = [w.start for w in build_windows(events, [], TODAY)]
    assert starts == sorted(starts) and len(starts) == 4


def test_lead_times_are_settings() -> None:
    times = LeadTimes(budget_ask=DaysAround(-28, -7), network_until_days_before_close=1)
    budget = cycle(CycleEventKind.BUDGET_PLANNING, date(2027, 10, 1))
    posting = Opening(title="P", posted=date(2026, 11, 2), closes=date(2026, 12, 18))
    assert spans(build_windows([budget], [posting], TODAY, lead_times=times)) == [
        (WindowKind.NETWORK, date(2026, 11, 2), date(2026, 12, 17)),
        (WindowKind.ASK, date(2027, 9, 3), date(2027, 9, 24)),
    ]


def test_lead_times_survive_storage_and_ignore_what_they_cannot_read() -> None:
    times = LeadTimes(committee_sponsor=DaysAround(-70, -28))
    assert LeadTimes.from_json(times.to_json()) == times
    assert LeadTimes.from_json({"budget_ask": [0, -10], "review_pre_review": "soon",
                                "network_until_days_before_close": True}) == LeadTimes()
    assert LeadTimes.from_json(None) == LeadTimes()


def test_the_window_id_names_event_kind_and_occurrence() -> None:
    review = cycle(CycleEventKind.PERFORMANCE_REVIEW, date(2026, 12, 10), uid="rev")
    [window] = build_windows([review], [], TODAY)
    assert window.id == window_id("rev", WindowKind.PRE_REVIEW, date(2026, 12, 10)) == \
        "rev:pre_review:2026-12-10"


def test_shifting_a_window_moves_both_ends_and_says_so() -> None:
    committee = cycle(CycleEventKind.PROMOTION_COMMITTEE, date(2027, 1, 20), name="Committee", uid="c")
    overrides = {"c:sponsor:2027-01-20": WindowOverride(shift_days=7)}
    [window] = build_windows([committee], [], TODAY, overrides=overrides)
    assert (window.start, window.end, window.shifted_days) == (date(2026, 11, 28), date(2027, 1, 6), 7)
    assert window.id == "c:sponsor:2027-01-20"  # the id stays, so the shift sticks
    assert window.reason.endswith("(moved 7 days later)")
    [earlier] = build_windows([committee], [], TODAY,
                              overrides={"c:sponsor:2027-01-20": WindowOverride(shift_days=-1)})
    assert earlier.start == date(2026, 11, 20) and earlier.reason.endswith("(moved 1 day earlier)")


def test_a_window_shifted_into_the_past_is_left_out() -> None:
    review = cycle(CycleEventKind.PERFORMANCE_REVIEW, date(2026, 12, 10), uid="r")
    overrides = {"r:pre_review:2026-12-10": WindowOverride(shift_days=-20)}
    assert build_windows([review], [], TODAY, overrides=overrides) == []


def test_shifting_can_bring_back_a_window_that_would_have_ended() -> None:
    review = cycle(CycleEventKind.PERFORMANCE_REVIEW, date(2026, 12, 10), uid="r")
    overrides = {"r:build_case:2026-12-10": WindowOverride(shift_days=14)}
    assert spans(build_windows([review], [], TODAY, overrides=overrides))[0] == (
        WindowKind.BUILD_CASE, date(2026, 9, 25), date(2026, 11, 24))


def test_a_dismissed_window_is_flagged_and_the_others_stay() -> None:
    review = cycle(CycleEventKind.PERFORMANCE_REVIEW, date(2027, 3, 1), uid="r")
    overrides = {"r:build_case:2027-03-01": WindowOverride(dismissed=True)}
    windows = build_windows([review], [], TODAY, overrides=overrides)
    assert [(w.kind, w.dismissed) for w in windows] == [(WindowKind.BUILD_CASE, True),
                                                        (WindowKind.PRE_REVIEW, False)]


def test_overrides_survive_storage() -> None:
    for override in (WindowOverride(), WindowOverride(shift_days=-3), WindowOverride(dismissed=True)):
        assert WindowOverride.from_json(override.to_json()) == override
    assert WindowOverride.from_json({"shift_days": "3", "dismissed": "yes"}) == WindowOverride()


def _window(start: date, end: date, kind: WindowKind = WindowKind.ASK, name: str = "E") -> NegotiationWindow:
    return NegotiationWindow(kind=kind, start=start, end=end, event=name, event_name=name,
                             event_date=end, reason=f"because {name}")


def test_overlapping_windows_merge_into_spans_that_keep_their_members() -> None:
    a = _window(date(2026, 11, 10), date(2026, 12, 3), WindowKind.PRE_REVIEW, "review")
    b = _window(date(2026, 11, 12), date(2026, 12, 3), WindowKind.LEVERAGE_WIN, "win")
    c = _window(date(2026, 11, 21), date(2026, 12, 30), WindowKind.SPONSOR, "committee")
    d = _window(date(2026, 12, 31), date(2027, 2, 1), WindowKind.ASK, "merit")   # next day: not merged
    e = _window(date(2027, 2, 1), date(2027, 2, 1), WindowKind.NETWORK, "posting")  # shares 1 Feb
    f = _window(date(2027, 8, 20), date(2027, 10, 1), WindowKind.ASK, "budget")
    merged = merge_overlapping([f, e, d, c, b, a])
    assert [(s.start, s.end) for s in merged] == [(date(2026, 11, 10), date(2026, 12, 30)),
                                                  (date(2026, 12, 31), date(2027, 2, 1)),
                                                  (date(2027, 8, 20), date(2027, 10, 1))]
    assert merged[0].windows == (a, b, c)
    assert merged[0].reasons == ["because review", "because win", "because committee"]
    assert merged[0].kinds == [WindowKind.PRE_REVIEW, WindowKind.SPONSOR, WindowKind.LEVERAGE_WIN]
    assert merged[1].windows == (d, e)
    assert merge_overlapping([]) == []


def test_a_window_contained_in_another_joins_its_span() -> None:
    outer = _window(date(2027, 1, 1), date(2027, 3, 1), name="outer")
    inner = _window(date(2027, 1, 10), date(2027, 1, 20), name="inner")
    later = _window(date(2027, 2, 15), date(2027, 4, 1), name="later")
    [span] = merge_overlapping([inner, later, outer])
    assert (span.start, span.end, len(span.windows)) == (date(2027, 1, 1), date(2027, 4, 1), 3)


def test_countdown_in_words() -> None:
    window = _window(date(2026, 12, 17), date(2027, 2, 1))
    assert window.countdown(TODAY) == "opens in 25 days"
    assert window.countdown(date(2026, 12, 16)) == "opens tomorrow"
    assert window.countdown(date(2027, 1, 22)) == "open now, 10 days left"
    assert window.countdown(date(2027, 2, 1)) == "open now, last day today"
