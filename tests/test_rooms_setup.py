"""Setting the rooms up: rooms and their hours, the centre's closed days, and the holidays of a
year chinese-calendar doesn't know. Only an admin writes; nothing is half-written; bookings stay
and the ones a change leaves outside the hours are named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.errors import NotFound, PermissionDenied, ValidationError
from app.models import AuditEvent, Booking, BookingStatus, Closure, ClosureKind, Room, RoomHours
from app.security import Actor
from app.services.rooms import days, setup
from app.services.rooms.setup import RoomInput
from tests.processes import race

DESKS = 4

T = dt.time
WEEK = {weekday: (T(9), T(17)) for weekday in range(5)}  # Monday to Friday 9–17


def counts(db: Database) -> tuple[int, ...]:
    with db.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Room, RoomHours, Closure, AuditEvent)
        )


def make_room(db: Database, admin: Actor, name: str = "书画室", **fields: Any) -> int:
    with db.write() as session:
        data = RoomInput(name=name, capacity=fields.pop("capacity", 20), **fields)
        return setup.create_room(session, admin, data).room.id


def book(
    db: Database,
    room_id: int,
    start: dt.datetime,
    hours: float = 2,
    status: BookingStatus = BookingStatus.CONFIRMED,
    title: str = "书法班",
) -> int:
    with db.write() as session:
        booking = Booking(
            room_id=room_id,
            title=title,
            kind="activity",
            status=status.value,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=hours),
        )
        session.add(booking)
        session.flush()
        return booking.id


# ---- rooms ----------------------------------------------------------------------------------


def test_a_new_room_starts_with_the_centres_hours_and_is_audited(
    db: Database, admin: Actor
) -> None:
    with db.write() as session:
        saved = setup.create_room(
            session,
            admin,
            RoomInput(
                " 多功能厅 ",
                60,
                location="一楼",
                facilities="投影、音响",
                colour="#1f5fad",
                bookable=True,
            ),
        )
        centre_hours = days.default_hours(session)
    room = saved.room
    assert (room.name, room.capacity, room.location, room.colour) == (
        "多功能厅",
        60,
        "一楼",
        "#1F5FAD",
    )
    assert room.hours == centre_hours and len(centre_hours) == 7
    with db.read() as session:
        rows = setup.list_rooms(session, admin)
        event = session.execute(
            select(AuditEvent.action, AuditEvent.entity, AuditEvent.entity_id).order_by(
                AuditEvent.id.desc()
            )
        ).first()
    assert [r.name for r in rows] == ["多功能厅"] and rows[0].hours == centre_hours
    assert event is not None and tuple(event) == ("create", "room", room.id)


def test_rooms_keep_their_order_and_move_up_and_down(db: Database, admin: Actor) -> None:
    first, second, third = (make_room(db, admin, name) for name in ("甲室", "乙室", "丙室"))
    with db.write() as session:
        setup.move_room(session, admin, third, -1)
        setup.move_room(session, admin, first, -1)  # already first: stays
    with db.read() as session:
        assert [r.id for r in setup.list_rooms(session, admin)] == [first, third, second]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "长" * 41}, "name"),
        ({"name": "书画室"}, "name"),  # taken
        ({"capacity": 0}, "capacity"),
        ({"capacity": -3}, "capacity"),
        ({"capacity": 1001}, "capacity"),
        ({"capacity": True}, "capacity"),
        ({"capacity": "20"}, "capacity"),
        ({"location": "楼" * 61}, "location"),
        ({"facilities": "琴" * 201}, "facilities"),
        ({"facilities": "投影\x07"}, "facilities"),
        ({"colour": "red"}, "colour"),
        ({"colour": "#12345"}, "colour"),
        ({"colour": "#GGGGGG"}, "colour"),
        ({"hours": {2: (T(14), T(9))}}, "hours.2"),
        ({"hours": {6: (T(9), T(9))}}, "hours.6"),
        ({"hours": {7: (T(9), T(10))}}, "hours"),
    ],
)
def test_each_field_is_checked_and_nothing_is_written(
    db: Database, admin: Actor, fields: dict[str, Any], field: str
) -> None:
    make_room(db, admin)
    before = counts(db)
    data = {"name": "新的活动室", "capacity": 10, **fields}
    with pytest.raises(ValidationError) as raised, db.write() as session:
        setup.create_room(session, admin, RoomInput(**data))
    assert raised.value.field == field
    assert raised.value.message
    assert counts(db) == before


def test_a_refused_update_changes_nothing(db: Database, admin: Actor) -> None:
    room = make_room(db, admin, hours=WEEK)
    make_room(db, admin, "多功能厅")
    before = counts(db)
    with pytest.raises(ValidationError) as raised, db.write() as session:
        setup.update_room(session, admin, room, RoomInput("多功能厅", 30, hours={0: (T(8), T(12))}))
    assert raised.value.field == "name"
    assert counts(db) == before
    with db.read() as session:
        row = next(r for r in setup.list_rooms(session, admin) if r.id == room)
    assert (row.name, row.capacity, row.hours) == ("书画室", 20, WEEK)


def test_changing_hours_keeps_bookings_and_names_those_now_outside(
    db: Database, admin: Actor, clock_at: clock.FixedClock
) -> None:
    room = make_room(db, admin, hours=WEEK)
    thursday = dt.datetime(2026, 11, 26)
    late = book(db, room, thursday.replace(hour=15))  # 15–17: outside once Thursday ends at 12
    morning = book(db, room, thursday.replace(hour=9))  # 9–11: still inside
    friday = book(db, room, dt.datetime(2026, 11, 27, 10), status=BookingStatus.PENDING)
    book(db, room, dt.datetime(2026, 11, 26, 15), status=BookingStatus.CANCELLED, title="取消的")
    book(db, room, dt.datetime(2026, 11, 24, 15), title="昨天的")  # over: no news

    hours = {**WEEK, 1: (T(9), T(12)), 3: (T(9), T(12))}
    del hours[4]  # Fridays closed from now on
    with db.write() as session:
        saved = setup.set_hours(session, admin, room, hours)
    assert [b.id for b in saved.affected] == [late, friday]
    assert "09:00–12:00" in saved.affected[0].problem
    assert saved.room.hours == hours
    with db.read() as session:
        statuses = {
            b.id: b.status for b in session.scalars(select(Booking).where(Booking.room_id == room))
        }
    assert statuses[late] == statuses[morning] == "confirmed" and statuses[friday] == "pending"

    # Already outside before (an admin's override): not named again.
    with db.write() as session:
        again = setup.set_hours(session, admin, room, {**hours, 0: (T(9), T(11))})
    assert again.affected == ()


def test_taking_a_room_out_of_use_names_every_booking_to_come(
    db: Database, admin: Actor, clock_at: clock.FixedClock
) -> None:
    room = make_room(db, admin)
    coming = book(db, room, dt.datetime(2026, 12, 2, 14))
    with db.write() as session:
        saved = setup.update_room(session, admin, room, RoomInput("书画室", 20, active=False))
    assert [b.id for b in saved.affected] == [coming]
    assert not saved.room.active
    with db.read() as session:
        assert setup.list_rooms(session, admin, include_inactive=False) == []


# ---- the centre's closed days ---------------------------------------------------------------


def test_a_closed_range_is_one_line_and_bookings_on_it_are_named(
    db: Database, admin: Actor, clock_at: clock.FixedClock
) -> None:
    room = make_room(db, admin)
    inside = book(db, room, dt.datetime(2026, 12, 29, 14))
    book(db, room, dt.datetime(2027, 1, 4, 14))  # after the range
    with db.write() as session:
        added = setup.add_closure(
            session, admin, dt.date(2026, 12, 28), dt.date(2026, 12, 30), " 年终 盘点 "
        )
        setup.add_closure(session, admin, dt.date(2026, 12, 7), None, "消防检查")
    assert added.span.days == 3 and added.span.name == "年终 盘点"
    assert [b.id for b in added.affected] == [inside]
    assert "2026-12-29" in added.affected[0].problem
    with db.read() as session:
        spans = setup.list_closures(session, admin)
        calendar = days.OpeningCalendar(session, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
        assert calendar.status(dt.date(2026, 12, 29)).closed
    assert [(s.first, s.last, s.name) for s in spans] == [
        (dt.date(2026, 12, 7), dt.date(2026, 12, 7), "消防检查"),
        (dt.date(2026, 12, 28), dt.date(2026, 12, 30), "年终 盘点"),
    ]
    with db.write() as session:
        assert (
            setup.remove_closure(session, admin, dt.date(2026, 12, 28), dt.date(2026, 12, 30)) == 3
        )
    with db.read() as session:
        assert [s.name for s in setup.list_closures(session, admin)] == ["消防检查"]
        assert session.scalar(select(Booking.status).where(Booking.id == inside)) == "confirmed"


@pytest.mark.parametrize(
    ("first", "last", "reason", "field"),
    [
        (dt.date(2026, 11, 24), None, "装修", "first"),  # yesterday
        (dt.date(2026, 12, 10), dt.date(2026, 12, 9), "装修", "last"),
        (dt.date(2026, 12, 1), dt.date(2028, 1, 1), "装修", "last"),
        (dt.date(2026, 12, 1), None, "  ", "reason"),
        (dt.date(2026, 12, 1), None, "因" * 61, "reason"),
        (dt.date(2026, 12, 5), dt.date(2026, 12, 8), "又一次", "last"),  # meets 12-07
        (dt.date(2026, 12, 7), None, "又一次", "first"),
    ],
)
def test_bad_closed_days_are_refused_and_nothing_is_written(
    db: Database,
    admin: Actor,
    clock_at: clock.FixedClock,
    first: dt.date,
    last: dt.date | None,
    reason: str,
    field: str,
) -> None:
    with db.write() as session:
        setup.add_closure(session, admin, dt.date(2026, 12, 7), None, "消防检查")
    before = counts(db)
    with pytest.raises(ValidationError) as raised, db.write() as session:
        setup.add_closure(session, admin, first, last, reason)
    assert raised.value.field == field
    assert counts(db) == before
    if reason == "又一次":
        assert "2026-12-07" in raised.value.message and "消防检查" in raised.value.message


def test_removing_days_that_are_not_there_is_not_found(db: Database, admin: Actor) -> None:
    with pytest.raises(NotFound), db.write() as session:
        setup.remove_closure(session, admin, dt.date(2026, 12, 1))


# ---- statutory holidays ---------------------------------------------------------------------


def test_a_known_year_lists_the_packages_holidays_and_refuses_entries(
    db: Database, admin: Actor
) -> None:
    with db.read() as session:
        year = setup.year_holidays(session, admin, 2026)
    assert year.known and not year.entered
    national = next(s for s in year.spans if s.name == "国庆节")
    assert (national.first, national.last, national.kind) == (
        dt.date(2026, 10, 1),
        dt.date(2026, 10, 7),
        ClosureKind.HOLIDAY,
    )
    assert any(s.kind == ClosureKind.WORKDAY for s in year.spans)
    assert not any(s.entered for s in year.spans)
    with pytest.raises(ValidationError) as raised, db.write() as session:
        setup.add_statutory(session, admin, ClosureKind.HOLIDAY, dt.date(2026, 2, 1), None, "春节")
    assert raised.value.field == "first" and "2026" in raised.value.message


def test_entering_2027s_holidays_makes_the_calendar_use_them(
    db: Database, admin: Actor, clock_at: clock.FixedClock
) -> None:
    room = make_room(db, admin)
    on_holiday = book(db, room, dt.datetime(2027, 2, 8, 10))
    with db.read() as session:
        assert setup.years_to_enter(session, admin) == [2027]
        assert days.unknown_years(session, [2026, 2027]) == [2027]
    with db.write() as session:
        added = setup.add_statutory(
            session, admin, ClosureKind.HOLIDAY, dt.date(2027, 2, 6), dt.date(2027, 2, 12), "春节"
        )
        workday = setup.add_statutory(
            session, admin, ClosureKind.WORKDAY, dt.date(2027, 2, 14), None, "春节"
        )
    assert [b.id for b in added.affected] == [on_holiday]
    assert "春节" in workday.span.name and workday.affected == ()
    with db.read() as session:
        assert setup.years_to_enter(session, admin) == []
        assert days.unknown_years(session, [2027]) == []
        year = setup.year_holidays(session, admin, 2027)
        calendar = days.OpeningCalendar(session, dt.date(2027, 2, 1), dt.date(2027, 2, 28))
        assert calendar.status(dt.date(2027, 2, 10)).kind == days.DayKind.HOLIDAY
        assert calendar.status(dt.date(2027, 2, 14)).kind == days.DayKind.WORKDAY
    assert not year.known and year.entered
    assert [(s.first, s.last, s.kind, s.entered) for s in year.spans] == [
        (dt.date(2027, 2, 6), dt.date(2027, 2, 12), ClosureKind.HOLIDAY, True),
        (dt.date(2027, 2, 14), dt.date(2027, 2, 14), ClosureKind.WORKDAY, True),
    ]
    with db.write() as session:
        setup.remove_closure(
            session, admin, dt.date(2027, 2, 6), dt.date(2027, 2, 12), ClosureKind.HOLIDAY
        )
    with db.read() as session:
        assert setup.years_to_enter(session, admin) == [2027]


@pytest.mark.parametrize(
    ("kind", "first", "last", "name", "field"),
    [
        (ClosureKind.WORKDAY, dt.date(2027, 2, 15), None, "春节", "first"),  # a Monday
        (ClosureKind.WORKDAY, dt.date(2027, 2, 13), dt.date(2027, 2, 15), "春节", "last"),
        (ClosureKind.HOLIDAY, dt.date(2027, 12, 31), dt.date(2028, 1, 2), "元旦", "last"),
        (ClosureKind.HOLIDAY, dt.date(2027, 5, 1), None, " ", "name"),
        (ClosureKind.CLOSED, dt.date(2027, 5, 1), None, "劳动节", "kind"),
        (ClosureKind.HOLIDAY, dt.date(2150, 5, 1), None, "劳动节", "year"),
    ],
)
def test_bad_holiday_entries_are_refused(
    db: Database,
    admin: Actor,
    kind: ClosureKind,
    first: dt.date,
    last: dt.date | None,
    name: str,
    field: str,
) -> None:
    before = counts(db)
    with pytest.raises(ValidationError) as raised, db.write() as session:
        setup.add_statutory(session, admin, kind, first, last, name)
    assert raised.value.field == field
    assert counts(db) == before


# ---- who may -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["desk", "staff"])
def test_only_an_admin_sets_rooms_and_closures_up(
    request: pytest.FixtureRequest, db: Database, admin: Actor, who: str
) -> None:
    actor: Actor = request.getfixturevalue(who)
    room = make_room(db, admin)
    with db.write() as session:
        setup.add_closure(session, admin, dt.date(2099, 1, 5), None, "装修")
    before = counts(db)
    writes: list[Callable[[Session], object]] = [
        lambda s: setup.create_room(s, actor, RoomInput("偷加的", 5)),
        lambda s: setup.update_room(s, actor, room, RoomInput("改名", 5)),
        lambda s: setup.set_hours(s, actor, room, {}),
        lambda s: setup.move_room(s, actor, room, 1),
        lambda s: setup.add_closure(s, actor, dt.date(2099, 1, 6), None, "装修"),
        lambda s: setup.remove_closure(s, actor, dt.date(2099, 1, 5)),
        lambda s: setup.add_statutory(
            s, actor, ClosureKind.HOLIDAY, dt.date(2099, 1, 1), None, "元旦"
        ),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied), db.write() as session:
            write(session)
    assert counts(db) == before
    with db.read() as session:  # reading is for everyone: the calendar shows rooms and days
        assert [r.id for r in setup.list_rooms(session, actor)] == [room]
        assert len(setup.list_closures(session, actor)) == 1
        assert setup.year_holidays(session, actor, 2026).known


# ---- two desks at once --------------------------------------------------------------------


def close_the_day(url: str, account_id: int, reason: str) -> str:
    """One desk closing 2099-01-05 (run in its own process by `race`)."""
    from app.security import Role

    db = Database(url)
    admin = Actor(account_id, "admin", "管理员", Role.ADMIN)
    try:
        with db.write() as session:
            setup.add_closure(session, admin, dt.date(2099, 1, 5), None, reason)
        return "closed"
    except ValidationError as error:
        assert error.field == "first"
        return "refused"
    finally:
        db.dispose()


def test_two_desks_closing_the_same_day_at_once_one_is_refused_in_words(
    db: Database, admin: Actor
) -> None:
    results = race(close_the_day, db.url, [(admin.account_id, f"第{n}台") for n in range(DESKS)])
    assert sorted(results) == ["closed"] + ["refused"] * (DESKS - 1)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Closure)) == 1
