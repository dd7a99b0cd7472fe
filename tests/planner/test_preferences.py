"""The user's planner settings, kept in the journal: lead times, moved and dismissed windows."""

from __future__ import annotations

from datetime import date

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.enums import CycleEventKind
from careerdesk.planner import DaysAround, LeadTimes, WindowKind
from careerdesk.planner.preferences import OVERRIDES_KEY
from careerdesk.store import settings
from careerdesk.store.database import Journal

TODAY = date(2026, 11, 22)


def add_review(journal: Journal) -> str:
    review = r.CycleEvent(kind=CycleEventKind.PERFORMANCE_REVIEW, name="Review", date=date(2027, 3, 1))
    services.save_record(journal, review)
    return review.uid


def test_lead_times_are_kept_in_the_journal(journal: Journal) -> None:
    add_review(journal)
    assert services.lead_times(journal) == LeadTimes()
    services.save_lead_times(journal, LeadTimes(review_pre_review=DaysAround(-21, -3)))
    assert services.lead_times(journal).review_pre_review == DaysAround(-21, -3)
    pre = [w for w in services.plan(journal, TODAY).windows if w.kind is WindowKind.PRE_REVIEW]
    assert [(w.start, w.end) for w in pre] == [(date(2027, 2, 8), date(2027, 2, 26))]


def test_shift_dismiss_and_bring_back_a_window(journal: Journal) -> None:
    uid = add_review(journal)
    build_case = f"{uid}:build_case:2027-03-01"

    services.shift_window(journal, build_case, 10)
    plan = services.plan(journal, TODAY)
    moved = next(w for w in plan.windows if w.id == build_case)
    assert (moved.start, moved.end, moved.shifted_days) == (date(2026, 12, 11), date(2027, 2, 9), 10)

    services.dismiss_window(journal, build_case)
    plan = services.plan(journal, TODAY)
    assert [w.kind for w in plan.windows] == [WindowKind.PRE_REVIEW]
    assert [(w.id, w.shifted_days) for w in plan.dismissed_windows] == [(build_case, 10)]

    services.dismiss_window(journal, build_case, dismissed=False)
    services.shift_window(journal, build_case, 0)
    plan = services.plan(journal, TODAY)
    assert [(w.kind, w.start) for w in plan.windows] == [(WindowKind.BUILD_CASE, date(2026, 12, 1)),
                                                        (WindowKind.PRE_REVIEW, date(2027, 1, 30))]
    with journal.sessions() as session:
        assert settings.get(session, OVERRIDES_KEY) == {}  # back to defaults: nothing kept
