"""Home figures are exactly what the database holds for today."""

from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.db import Database
from app.errors import PermissionDenied
from app.models import (
    ActivitySession,
    Booking,
    Organisation,
    Person,
    Purpose,
    Room,
    ServiceItem,
    Signup,
    Visit,
)
from app.security import Actor
from app.services import home
from app.services.menu.signups import cancel, sign_up
from tests.menu_data import add_item, add_people, add_session

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


def test_pending_bookings_name_who_asked_and_match_the_count(
    db: Database, admin: Actor, staff: Actor, desk: Actor, clock_at: clock.FixedClock
) -> None:
    now = clock_at.now()
    with db.write() as session:
        room = Room(name="多功能厅", capacity=80, sort_order=1)
        choir = Organisation(name="东社区睦邻合唱团")
        person = Person(member_code="YL000001", name="张秀英")
        session.add_all([room, choir, person])
        session.flush()

        def pending(title: str, hours: int, **who: int) -> Booking:
            start = now + dt.timedelta(hours=hours)
            return Booking(
                room_id=room.id,
                title=title,
                kind="resident",
                status="pending",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=1),
                **who,
            )

        session.add_all(
            [
                pending("合唱排练", 48, organisation_id=choir.id),
                pending("编织小组", 24, person_id=person.id),
                pending("工作会议", 72, created_by_id=staff.account_id),
                pending("过期的申请", -5),  # over: no longer awaiting approval
                pending("进行中", 0),  # under way: still listed
            ]
        )
    with db.read() as session:
        lines = home.pending_bookings(session, staff)
        count = home.pending_approvals(session)
    assert [(line.title, line.booker) for line in lines] == [
        ("进行中", ""),
        ("编织小组", "张秀英"),
        ("合唱排练", "东社区睦邻合唱团"),
        ("工作会议", "staff"),
    ]
    assert count == len(lines) and lines[0].room == "多功能厅"
    with pytest.raises(PermissionDenied), db.read() as session:
        home.pending_bookings(session, desk)


def test_a_session_counts_companions_as_seats_and_says_how_many_wait(
    db: Database, desk: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    """亲子绘本阅读 for 3: a child with a parent (2 seats) and a child on a staff override
    (1 seat) fill it; the next child with a parent waits; a cancelled signup counts nothing."""
    starts = clock_at.now() + dt.timedelta(days=2)
    with db.write() as session:
        item = add_item(session, "亲子绘本阅读", series="culture", with_parent=True)
        session_id = add_session(session, item, starts, capacity=3)
        children = add_people(session, ["小明", "小红", "小刚", "小丽"], birth_year=2020)
        parents = add_people(session, ["明妈妈", "刚爸爸", "丽妈妈"], birth_year=1990)
    with db.write() as session:
        sign_up(session, desk, session_id, children[0], companion_id=parents[0])
        sign_up(session, staff, session_id, children[1], override_reason="家长在门口等")
        left = sign_up(session, desk, session_id, children[3], companion_id=parents[2])
        assert left.status == "waitlisted"
        cancel(session, desk, left.signup_id)
        waiting = sign_up(session, desk, session_id, children[2], companion_id=parents[1])
        assert waiting.position == 1
    with db.read() as session:
        (line,) = home.sessions_between(session, starts, starts + dt.timedelta(hours=1))
    assert (line.item, line.signed_up, line.capacity, line.waitlisted) == ("亲子绘本阅读", 3, 3, 1)
    assert line.full
    with db.write() as session:
        activity = session.get(ActivitySession, session_id)
        assert activity is not None
        activity.cancelled = True
    with db.read() as session:
        assert home.sessions_between(session, starts, starts + dt.timedelta(hours=1)) == []
