"""Service hours per person and period, and who reaches a threshold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.db import Database
from app.models import ServiceRecord, Volunteer
from app.security import Actor
from app.services.volunteers import hours
from tests.menu_data import add_person


def test_hours_add_up_per_period_and_the_threshold_lists_who_reaches_it(
    db: Database, desk: Actor
) -> None:
    with db.write() as session:
        people = [add_person(session, name) for name in ("王建国", "李秀兰")]
        for n, person in enumerate(people):
            session.add(Volunteer(person_id=person, volunteer_number=f"DLZY{n + 1:05d}"))
        session.flush()
        session.add_all(
            [
                ServiceRecord(
                    volunteer_id=1, day=dt.date(2026, 3, 1), hours=Decimal("12.5"), content="督导"
                ),
                ServiceRecord(
                    volunteer_id=1, day=dt.date(2026, 11, 1), hours=Decimal("8"), content="督导"
                ),
                ServiceRecord(
                    volunteer_id=1, day=dt.date(2025, 12, 31), hours=Decimal("3"), content="督导"
                ),
                ServiceRecord(
                    volunteer_id=2, day=dt.date(2026, 6, 1), hours=Decimal("4"), content="助老"
                ),
            ]
        )
    first, last = hours.year_span(2026)
    with db.read() as session:
        assert hours.hours_of(session, desk, people[0], first, last) == Decimal("20.5")
        everyone = hours.totals(session, desk, first, last)
        qualified = hours.totals(session, desk, first, last, at_least=Decimal(20))
    assert [(line.name, line.hours, line.records) for line in everyone] == [
        ("王建国", Decimal("20.5"), 2),
        ("李秀兰", Decimal("4.0"), 1),
    ]
    assert [line.name for line in qualified] == ["王建国"]
