"""Finding a record's kind from its uid alone."""

from __future__ import annotations

from datetime import date

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.store.database import Journal
from careerdesk.store.lookup import kind_of_uid


def test_the_kind_of_each_record_is_found_from_its_uid(journal: Journal) -> None:
    ana = r.Person(name="Ana")
    records = {
        "achievement": r.Achievement(date=date(2026, 1, 2), title="Won"),
        "person": ana,
        "interaction": r.Interaction(date=date(2026, 1, 3), people=[ana.uid]),
        "opening": r.Opening(title="Lead"),
        "cycle_event": r.CycleEvent(kind=r.CycleEventKind.MILESTONE, name="Launch",
                                    date=date(2026, 2, 1)),
        "journal": r.JournalEntry(date=date(2026, 1, 4), body="A day"),
    }
    for record in records.values():
        services.save_record(journal, record)
    with journal.sessions() as session:
        for kind, record in records.items():
            assert kind_of_uid(session, record.uid) == kind
        assert kind_of_uid(session, "no-such-uid") is None
