"""Home figures are exactly what the database holds for today."""

from __future__ import annotations

import datetime as dt

from app.db import Database
from app.models import (
    ActivitySession,
    Booking,
    Person,
    Purpose,
    Room,
    ServiceItem,
    Signup,
    Visit,
)
from app.security import Actor
from app.services import home

TODAY = dt.date(2026, 11, 27)
NINE = dt.datetime.combine(TODAY, dt.time(9))


def test_figures_count_only_todays_live_rows(db: Database, admin: Actor) -> None:
    with db.write() as session:
        people = [Person(member_code=f"YL{n:06d}", name=f"居民{n}") for n in range(4)]
        room = Room(name="书画室", capacity=20, sort_order=1)
        item = ServiceItem(series_id=4, name="书法班")
        session.add_all([*people, room, item])
        session.flush()
        session.add_all(
            [
                Visit(person_id=people[0].id, at=NINE, purpose=Purpose.GOVERNMENT.value),
                Visit(person_id=people[1].id, at=NINE, purpose=Purpose.GOVERNMENT.value),
                Visit(person_id=people[2].id, at=NINE, purpose=Purpose.ACTIVITY.value),
                # Undone, yesterday and tomorrow: not today's figures.
                Visit(person_id=people[3].id, at=NINE, purpose=Purpose.OTHER.value, undone_at=NINE),
                Visit(person_id=people[3].id, at=NINE - dt.timedelta(days=1), purpose="other"),
                Booking(
                    room_id=room.id,
                    title="书法班",
                    kind="activity",
                    starts_at=NINE,
                    ends_at=NINE + dt.timedelta(hours=2),
                ),
                Booking(
                    room_id=room.id,
                    title="取消的",
                    kind="staff",
                    status="cancelled",
                    starts_at=NINE + dt.timedelta(hours=3),
                    ends_at=NINE + dt.timedelta(hours=4),
                ),
                Booking(
                    room_id=room.id,
                    title="待审批",
                    kind="resident",
                    status="pending",
                    starts_at=NINE + dt.timedelta(days=400),
                    ends_at=NINE + dt.timedelta(days=400, hours=1),
                ),
            ]
        )
        activity = ActivitySession(
            item_id=item.id,
            room_id=room.id,
            starts_at=NINE,
            ends_at=NINE + dt.timedelta(hours=2),
            capacity=2,
        )
        session.add(activity)
        session.flush()
        session.add_all(
            [
                Signup(session_id=activity.id, person_id=people[0].id),
                Signup(session_id=activity.id, person_id=people[1].id),
                Signup(
                    session_id=activity.id,
                    person_id=people[2].id,
                    status="waitlisted",
                    waitlist_position=1,
                ),
            ]
        )
    with db.write() as session:
        figures = home.figures(session, TODAY)
    assert figures.visits_by_purpose == {Purpose.GOVERNMENT: 2, Purpose.ACTIVITY: 1}
    assert figures.visits_today == 3
    assert [(b.room, b.title) for b in figures.bookings] == [("书画室", "书法班")]
    assert len(figures.sessions) == 1
    line = figures.sessions[0]
    assert (line.series, line.item, line.room) == ("文化友邻", "书法班", "书画室")
    assert (line.signed_up, line.capacity, line.waitlisted) == (2, 2, 1)
    assert figures.pending_approvals == 1
    per_day = dict(figures.visits_per_day)
    assert len(per_day) == 30
    assert per_day[TODAY] == 3
    assert per_day[TODAY - dt.timedelta(days=1)] == 1
