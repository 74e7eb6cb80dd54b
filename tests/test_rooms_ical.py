"""The .ics export checked against an independent peer: recurring-ical-events expands the file
the way calendar programs do, and what it finds must be exactly the bookings that hold a room
in the database (same starts, ends, titles, rooms), a series with a cancelled and a moved
occurrence included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from app import clock
from app.db import Database
from app.errors import NotFound, PermissionDenied
from app.models import AuditEvent, Booking, BookingSeries, BookingStatus, Room
from app.security import Actor
from app.services.rooms import HOLDING, ical
from tests import rooms_data
from tests.rooms_data import WEDNESDAY, add_booking, add_room, add_series, at

SHANGHAI = ZoneInfo("Asia/Shanghai")
FAR_PAST, FAR_FUTURE = dt.date(2000, 1, 1), dt.date(2040, 1, 1)

Seen = set[tuple[dt.datetime, dt.datetime, str, str]]


def expanded(data: bytes, first: dt.date = FAR_PAST, last: dt.date = FAR_FUTURE) -> Seen:
    """(start, end, title, room) of every event a calendar program shows from the file in
    [first, last), as the centre's wall times."""
    calendar = icalendar.Calendar.from_ical(data)
    seen: Seen = set()
    for event in recurring_ical_events.of(calendar).between(first, last):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert start.tzinfo is not None and str(start.tzinfo) == "Asia/Shanghai"
        seen.add(
            (
                start.astimezone(SHANGHAI).replace(tzinfo=None),
                end.astimezone(SHANGHAI).replace(tzinfo=None),
                str(event["SUMMARY"]),
                str(event["LOCATION"]),
            )
        )
    return seen


def in_database(
    db: Database,
    room_id: int | None = None,
    first: dt.date = FAR_PAST,
    last: dt.date = FAR_FUTURE,
) -> Seen:
    """The same of the bookings that hold a room, touching [first, last)."""
    with db.read() as session:
        query = (
            select(Booking.starts_at, Booking.ends_at, Booking.title, Room.name)
            .join(Room, Room.id == Booking.room_id)
            .where(
                Booking.status.in_([s.value for s in HOLDING]),
                Booking.ends_at > dt.datetime.combine(first, dt.time()),
                Booking.starts_at < dt.datetime.combine(last, dt.time()),
            )
        )
        if room_id is not None:
            query = query.where(Booking.room_id == room_id)
        return {tuple(row) for row in session.execute(query)}  # type: ignore[misc]


def export(
    db: Database,
    actor: Actor,
    room_id: int | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> bytes:
    with db.read() as session:
        return ical.export_ics(session, actor, room_id, first, last)


def events(data: bytes) -> list[Any]:
    """The file's VEVENTs (typed loosely: a property's type depends on its name)."""
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def taiji(db: Database) -> rooms_data.SeriesRows:
    """A weekly series of ten Wednesdays in the hall: the third cancelled, the fifth moved to
    Thursday morning, the seventh retitled, the ninth still awaiting approval."""
    with db.write() as session:
        hall = session.scalars(select(Room).where(Room.name == "多功能厅")).one()
        rows = add_series(
            session, hall, "太极拳", "FREQ=WEEKLY;BYDAY=WE;COUNT=10",
            dt.date(2026, 11, 4), "07:00", "08:00", attendees=15,
        )  # fmt: skip
        rows.bookings[2].status = BookingStatus.CANCELLED.value
        moved = rows.bookings[4]
        moved.starts_at = at(dt.date(2026, 12, 3), "09:00")
        moved.ends_at = at(dt.date(2026, 12, 3), "10:30")
        moved.detached = True
        rows.bookings[6].title = "太极拳（展演）"
        rows.bookings[6].detached = True
        rows.bookings[8].status = BookingStatus.PENDING.value
        return rows


def test_round_trip_through_a_calendar_program(
    db: Database, admin: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    demo = rooms_data.demo_like(db, admin)
    rows = taiji(db)
    data = export(db, staff)
    assert expanded(data) == in_database(db)
    # The series is one event with its rule, an EXDATE for the cancelled Wednesday and the
    # changed occurrences under its own UID with the start the rule gave them.
    series = [e for e in events(data) if e["UID"] == f"series-{rows.series.id}@youlin-desk"]
    master = next(e for e in series if "RRULE" in e)
    assert master["RRULE"]["FREQ"] == ["WEEKLY"] and master["RRULE"]["COUNT"] == [10]
    assert master["DTSTART"].dt == dt.datetime(2026, 11, 4, 7, tzinfo=SHANGHAI)
    exdates = [d.dt for d in master["EXDATE"].dts]
    assert exdates == [dt.datetime(2026, 11, 18, 7, tzinfo=SHANGHAI)]
    changed = {e["RECURRENCE-ID"].dt: e for e in series if "RECURRENCE-ID" in e}
    assert set(changed) == {
        dt.datetime(2026, 12, 2, 7, tzinfo=SHANGHAI),  # moved to Thursday 09:00
        dt.datetime(2026, 12, 16, 7, tzinfo=SHANGHAI),  # retitled
        dt.datetime(2026, 12, 30, 7, tzinfo=SHANGHAI),  # pending
    }
    assert changed[dt.datetime(2026, 12, 30, 7, tzinfo=SHANGHAI)]["STATUS"] == "TENTATIVE"
    assert master["STATUS"] == "CONFIRMED"
    # One-off bookings: a stable UID, the booker with the phone masked, the pending one tentative.
    pending = next(e for e in events(data) if e["SUMMARY"] == "亲子绘本共读")
    booking = next(id_ for id_, title in demo.titles.items() if title == "亲子绘本共读")
    assert pending["UID"] == f"booking-{booking}@youlin-desk"
    assert pending["STATUS"] == "TENTATIVE"
    assert "张秀英 138****5678" in pending["DESCRIPTION"]
    assert demo.person_phone.encode() not in data and b"13900001111" not in data
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Asia/Shanghai" in data
    # Cancelled and rejected one-off bookings are not in the file at all.
    assert "已取消的午间讲座".encode() not in data and "被拒绝的申请".encode() not in data
    # The same file again: the UIDs don't change.
    assert {e["UID"] for e in events(export(db, staff))} == {e["UID"] for e in events(data)}


def test_one_room_and_a_span(db: Database, admin: Actor) -> None:
    demo = rooms_data.demo_like(db, admin)
    rows = taiji(db)
    with db.write() as session:  # one Wednesday of the series moved into the meeting room
        occurrence = session.get(Booking, rows.bookings[7].id)
        assert occurrence is not None
        occurrence.room_id = demo.meeting
        occurrence.detached = True
    for room_id in (demo.hall, demo.classroom, demo.meeting, demo.store):
        data = export(db, admin, room_id)
        assert expanded(data) == in_database(db, room_id), room_id
    meeting = export(db, admin, demo.meeting)
    assert f"booking-{rows.bookings[7].id}@youlin-desk" in {e["UID"] for e in events(meeting)}
    assert expanded(export(db, admin)) == in_database(db)
    # A span: what falls in it is exactly the database's; a series in it comes whole.
    first, last = dt.date(2026, 11, 24), dt.date(2026, 11, 27)
    data = export(db, admin, None, first, last)
    assert expanded(data, first, last + dt.timedelta(days=1)) == in_database(
        db, None, first, last + dt.timedelta(days=1)
    )
    assert expanded(data) == in_database(db) - {
        b for b in in_database(db) if b[2] not in {"书法班", "太极拳", "太极拳（展演）"}
    } | in_database(db, None, first, last + dt.timedelta(days=1))
    with pytest.raises(NotFound):
        export(db, admin, 9999)


def test_an_until_date_includes_its_day_and_an_open_rule_ends_with_its_bookings(
    db: Database, admin: Actor
) -> None:
    with db.write() as session:
        room = add_room(session, "多功能厅")
        until = add_series(
            session, room, "合唱", "FREQ=WEEKLY;BYDAY=WE;UNTIL=20261216", WEDNESDAY,
            "14:00", "16:00",
        )  # fmt: skip
        assert until.bookings[-1].starts_at == at(dt.date(2026, 12, 16), "14:00")
        open_rule = BookingSeries(
            room_id=room.id, title="晨读", kind="activity", rule="FREQ=DAILY",
            first_day=WEDNESDAY, start_time=dt.time(7), end_time=dt.time(8),
        )  # fmt: skip
        session.add(open_rule)
        session.flush()
        for n in range(5):
            day = WEDNESDAY + dt.timedelta(days=n)
            add_booking(
                session, room, at(day, "07:00"), at(day, "08:00"), "晨读", series=open_rule,
                occurrence_start=at(day, "07:00"),
            )  # fmt: skip
    data = export(db, admin)
    assert expanded(data) == in_database(db)
    assert len(in_database(db)) == 4 + 5
    master = next(e for e in events(data) if e["SUMMARY"] == "合唱")
    assert master["RRULE"]["UNTIL"][0] == dt.datetime(2026, 12, 16, 15, 59, 59, tzinfo=dt.UTC)


def test_staff_and_admins_export_desk_volunteers_do_not(
    db: Database, admin: Actor, staff: Actor, desk: Actor
) -> None:
    rooms_data.demo_like(db, admin)
    assert export(db, staff) and export(db, admin)
    with pytest.raises(PermissionDenied):
        export(db, desk)


def test_an_empty_centre_is_an_empty_calendar(db: Database, admin: Actor) -> None:
    data = export(db, admin)
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and not events(data)


def test_the_file_is_written_whole_and_recorded(db: Database, admin: Actor, tmp_path: Path) -> None:
    demo = rooms_data.demo_like(db, admin)
    target = tmp_path / "多功能厅.ics"
    result = ical.export_ics_file(db, admin, target, demo.hall)
    assert target.read_bytes() == result.data
    assert result.bookings == 3 and result.room == "多功能厅"
    assert "3" in ical.summary(result, target)
    with db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).one()
        assert event.entity == "booking" and '"format": "ics"' in event.detail


@st.composite
def series_edits(draw: st.DrawFn) -> tuple[str, list[tuple[str, int]]]:
    rule = draw(
        st.sampled_from(
            [
                "FREQ=DAILY;COUNT=12",
                "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=9",
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20270301",
                "FREQ=MONTHLY;BYDAY=2TU;COUNT=6",
                "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4",
            ]
        )
    )
    edit = st.sampled_from(["keep", "cancel", "reject", "move", "pending", "retitle", "longer"])
    edits = draw(st.lists(st.tuples(edit, st.integers(0, 40)), max_size=8))
    return rule, edits


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=series_edits())
def test_any_series_with_any_exceptions_round_trips(
    db: Database, admin: Actor, case: tuple[str, list[tuple[str, int]]]
) -> None:
    rule, edits = case
    with db.write() as session:
        session.execute(delete(Booking))
        session.execute(delete(BookingSeries))
        room = session.scalars(select(Room)).first() or add_room(session, "多功能厅")
        rows = add_series(session, room, "书法班", rule, WEDNESDAY, "09:00", "11:00")
        for what, index in edits:
            booking = rows.bookings[index % len(rows.bookings)]
            if what == "cancel":
                booking.status = BookingStatus.CANCELLED.value
            elif what == "reject":
                booking.status = BookingStatus.REJECTED.value
            elif what == "pending":
                booking.status = BookingStatus.PENDING.value
            elif what == "move":
                booking.starts_at += dt.timedelta(hours=5)
                booking.ends_at += dt.timedelta(hours=5)
                booking.detached = True
            elif what == "retitle":
                booking.title = "书法班（加课）"
                booking.detached = True
            elif what == "longer":
                booking.ends_at += dt.timedelta(minutes=30)
                booking.detached = True
    data = export(db, admin)
    assert expanded(data) == in_database(db)
