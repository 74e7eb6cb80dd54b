"""The .ics export checked against an independent peer: recurring-ical-events expands the file
the way calendar programs do, and what it finds must be exactly the bookings that hold a room
in the database (same starts, ends, titles, rooms), a series with a cancelled and a moved
occurrence included."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
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
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models import AuditEvent, Booking, BookingSeries, BookingStatus, Room
from app.security import Actor
from app.services import rooms
from app.services.rooms import HOLDING, Frequency, Recurrence, Scope, ical, occurrence_days
from app.services.rooms.booking import recurrence_id
from tests import rooms_data
from tests.conftest import TEST_NOW
from tests.rooms_data import WEDNESDAY, add_booking, add_room, add_series, at
from tests.rooms_setup import booking_input, clear_bookings, standard_rooms

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


# --- series as the booking service writes them ---------------------------------------------
#
# The tests above write the rows by hand; these book, edit, move, cancel and decide through the
# booking service, so the file must say whatever states the service can leave a series in: an
# occurrence keeps the start it was written with (`occurrence_start`) while the series' rule,
# after a new time for all, gives its instances at the new time.


def _call(db: Database, actor: Actor, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with db.write() as session:
        return call(session, actor, *args, **kwargs)


def _weekly_input(room_id: int, count: int = 8, **fields: Any) -> rooms.BookingInput:
    return booking_input(
        room_id, "2026-12-02", "14:00", "16:00",
        recurrence=Recurrence(Frequency.WEEKLY, count=count), **fields,
    )  # fmt: skip


def _round_trips(db: Database, actor: Actor, room_ids: Iterable[int] = ()) -> bytes:
    """The file of all rooms (and of each of `room_ids`) expands to exactly the bookings that
    hold a room, and a series' occurrences are its instances: each holding occurrence that is
    the only one on a day of its series' rule comes under the series' UID (the master or a
    RECURRENCE-ID), not as a booking of its own."""
    data = export(db, actor)
    assert expanded(data) == in_database(db)
    uids = {str(e["UID"]) for e in events(data)}
    with db.read() as session:
        for series in session.scalars(select(BookingSeries)):
            rule_days = set(occurrence_days(series.rule, series.first_day))
            holding = session.scalars(
                select(Booking).where(
                    Booking.series_id == series.id,
                    Booking.status.in_([s.value for s in HOLDING]),
                )
            ).all()
            days = Counter(recurrence_id(series, row).date() for row in holding)
            for row in holding:
                day = recurrence_id(series, row).date()
                if day in rule_days and days[day] == 1:
                    assert ical.booking_uid(row.id) not in uids, (series.rule, row.starts_at)
    for room_id in room_ids:
        assert expanded(export(db, actor, room_id)) == in_database(db, room_id), room_id
    return data


def _series_events(data: bytes, series_id: int | None) -> tuple[Any, dict[dt.datetime, Any]]:
    """The series' VEVENT with the rule and its changed occurrences by RECURRENCE-ID."""
    series = [e for e in events(data) if e["UID"] == f"series-{series_id}@youlin-desk"]
    master = next(e for e in series if "RRULE" in e)
    changed = {
        e["RECURRENCE-ID"].dt.replace(tzinfo=None): e for e in series if "RECURRENCE-ID" in e
    }
    return master, changed


def _exdates(master: Any) -> list[dt.datetime]:
    found = master.get("EXDATE", [])
    lists = found if isinstance(found, list) else [found]
    return sorted(d.dt.replace(tzinfo=None) for item in lists for d in item.dts)


def test_a_new_time_for_the_whole_series_after_one_was_moved_and_one_cancelled(
    db: Database, staff: Actor, clock_at: clock.FixedClock
) -> None:
    room = standard_rooms(db)["书画室"]
    created = _call(db, staff, rooms.create, _weekly_input(room))  # Wednesdays 14:00–16:00
    ids = created.booking_ids
    moved = booking_input(room, "2026-12-16", "18:00", "19:30", title="书法班（调课）")
    _call(db, staff, rooms.update, ids[2], moved, Scope.THIS)
    _call(db, staff, rooms.cancel, ids[4], Scope.THIS, "元旦调休")
    clock_at.set(dt.datetime(2026, 12, 5, 9, 0))  # the first Wednesday is over
    later = booking_input(room, "2026-12-09", "15:00", "17:00")
    _call(db, staff, rooms.update, ids[1], later, Scope.ALL)
    with db.read() as session:  # what the service did: the rule's instances are at 15:00 now
        series = session.get(BookingSeries, created.series_id)
        assert series is not None and series.start_time == dt.time(15)
        moved_row = session.get(Booking, ids[2])
        assert moved_row is not None and moved_row.occurrence_start == at(
            dt.date(2026, 12, 16), "14:00"
        )
    data = _round_trips(db, staff, [room])
    master, changed = _series_events(data, created.series_id)
    assert master["DTSTART"].dt == dt.datetime(2026, 12, 2, 15, tzinfo=SHANGHAI)
    assert master["DTEND"].dt == dt.datetime(2026, 12, 2, 17, tzinfo=SHANGHAI)
    assert master["RRULE"]["COUNT"] == [8]
    assert _exdates(master) == [dt.datetime(2026, 12, 30, 15)]
    # The one moved on its own and the past one (still 14:00–16:00) are exceptions named by the
    # instance at the series' new time.
    assert set(changed) == {dt.datetime(2026, 12, 2, 15), dt.datetime(2026, 12, 16, 15)}
    assert changed[dt.datetime(2026, 12, 2, 15)]["DTSTART"].dt.hour == 14
    assert changed[dt.datetime(2026, 12, 16, 15)]["DTSTART"].dt.hour == 18


def test_this_and_following_is_two_series_in_the_file(db: Database, staff: Actor) -> None:
    room = standard_rooms(db)["书画室"]
    created = _call(db, staff, rooms.create, _weekly_input(room))
    ids = created.booking_ids
    _call(db, staff, rooms.cancel, ids[6], Scope.THIS)
    _call(db, staff, rooms.update, ids[1], booking_input(room, "2026-12-09", "09:00", "10:00"))
    later = booking_input(room, "2026-12-23", "15:00", "17:00", title="书法提高班")
    _call(db, staff, rooms.update, ids[3], later, Scope.FOLLOWING)
    with db.read() as session:
        new_series = session.get(Booking, ids[3])
        assert new_series is not None and new_series.series_id != created.series_id
        split = new_series.series_id
    data = _round_trips(db, staff, [room])
    old, old_changed = _series_events(data, created.series_id)
    new, new_changed = _series_events(data, split)
    assert old["DTSTART"].dt.replace(tzinfo=None) == dt.datetime(2026, 12, 2, 14)
    assert old["RRULE"]["UNTIL"] == [dt.datetime(2026, 12, 22, 15, 59, 59, tzinfo=dt.UTC)]
    assert set(old_changed) == {dt.datetime(2026, 12, 9, 14)}
    assert new["DTSTART"].dt.replace(tzinfo=None) == dt.datetime(2026, 12, 23, 15)
    assert new["SUMMARY"] == "书法提高班" and new["RRULE"]["COUNT"] == [5]
    assert _exdates(new) == [dt.datetime(2027, 1, 13, 15)] and not new_changed


def test_occurrences_skipped_when_booked_are_exdates(db: Database, staff: Actor) -> None:
    room = standard_rooms(db)["书画室"]
    _call(
        db, staff, rooms.create, booking_input(room, "2026-12-16", "15:00", "16:00", title="党课")
    )
    wanted = _weekly_input(room, count=5)
    with db.read() as session:
        skip = rooms.plan(session, staff, wanted).problem_starts
    assert skip == [at(dt.date(2026, 12, 16), "14:00")]
    created = _call(db, staff, rooms.create, wanted, skip=skip)
    data = _round_trips(db, staff, [room])
    master, changed = _series_events(data, created.series_id)
    assert _exdates(master) == [dt.datetime(2026, 12, 16, 14)] and not changed
    # A new time for all: the skipped one stays out, at the rule's new time.
    earlier = replace(
        wanted,
        starts_at=at(dt.date(2026, 12, 2), "09:00"),
        ends_at=at(dt.date(2026, 12, 2), "11:00"),
    )
    _call(db, staff, rooms.update, created.booking_ids[0], earlier, Scope.ALL)
    master, _changed = _series_events(_round_trips(db, staff, [room]), created.series_id)
    assert _exdates(master) == [dt.datetime(2026, 12, 16, 9)]


def test_a_monthly_series_on_the_second_wednesday(db: Database, staff: Actor, desk: Actor) -> None:
    room = standard_rooms(db)["会议室"]
    monthly = booking_input(
        room, "2026-12-09", "19:00", "20:30", title="居民议事会",
        recurrence=Recurrence(Frequency.MONTHLY_BY_WEEKDAY, count=6),
    )  # fmt: skip
    created = _call(db, desk, rooms.create, monthly)  # a request: pending
    ids = created.booking_ids
    _call(db, staff, rooms.approve, ids[0], Scope.ALL)
    _call(db, staff, rooms.move, ids[2], room, at(dt.date(2027, 2, 11), "19:00"),
          at(dt.date(2027, 2, 11), "20:30"))  # fmt: skip
    _call(db, staff, rooms.cancel, ids[3], Scope.THIS)
    moved = booking_input(room, "2027-01-13", "18:30", "20:00", title="居民议事会")
    _call(db, staff, rooms.update, ids[1], moved, Scope.ALL)
    data = _round_trips(db, staff, [room])
    master, changed = _series_events(data, created.series_id)
    assert "BYDAY=+2WE" in master["RRULE"].to_ical().decode().replace("BYDAY=2WE", "BYDAY=+2WE")
    assert master["DTSTART"].dt.replace(tzinfo=None) == dt.datetime(2026, 12, 9, 18, 30)
    assert _exdates(master) == [dt.datetime(2027, 3, 10, 18, 30)]
    assert set(changed) == {dt.datetime(2027, 2, 10, 18, 30)}


# The random sequences: a series booked by staff (confirmed) or a desk account (pending), perhaps
# with some occurrences skipped, then edits, moves, cancellations and decisions in every scope,
# and the clock moving on (so some occurrences are past and an edit of all splits the series).
# A call the service refuses (a clash, a past occurrence …) changes nothing and is passed over.

RULES = {
    "weekly": Recurrence(Frequency.WEEKLY, count=8),
    "mon-thu": Recurrence(Frequency.WEEKLY, weekdays=(0, 3), until=dt.date(2027, 1, 14)),
    "daily": Recurrence(Frequency.DAILY, count=10),
    "second-wed": Recurrence(Frequency.MONTHLY_BY_WEEKDAY, count=5),
    "monthly-2nd": Recurrence(Frequency.MONTHLY_BY_DATE, count=4),
}
TIMES = [("09:00", "10:30"), ("14:00", "16:00"), ("15:00", "17:00"), ("18:00", "20:00")]
OPERATIONS = [
    "time", "day", "room", "retitle", "rule", "cancel", "approve", "reject", "later", "single",
]  # fmt: skip
Step = tuple[str, Scope, int, int]


@st.composite
def service_calls(draw: st.DrawFn) -> tuple[str, bool, list[int], list[Step]]:
    rule = draw(st.sampled_from(sorted(RULES)))
    by_desk = draw(st.booleans())
    skip = draw(st.lists(st.integers(0, 9), max_size=2, unique=True))
    step = st.tuples(
        st.sampled_from(OPERATIONS),
        st.sampled_from(list(Scope)),
        st.integers(0, 30),
        st.integers(0, len(TIMES) - 1),
    )
    return rule, by_desk, skip, draw(st.lists(step, max_size=7))


def _apply_step(
    db: Database, staff: Actor, clock_at: clock.FixedClock, rooms_: dict[str, int], step: Step
) -> None:
    what, scope, index, variant = step
    with db.read() as session:
        holding = list(
            session.execute(
                select(Booking.id, Booking.starts_at, Booking.ends_at, Booking.title)
                .where(Booking.status.in_([s.value for s in HOLDING]))
                .order_by(Booking.id)
            )
        )
    booking = holding[index % len(holding)] if holding else None
    room = rooms_["书画室"]
    start, end = TIMES[variant]
    if what == "later":
        clock_at.advance(dt.timedelta(days=1 + 3 * variant))
        return
    if booking is None:
        return
    day = booking.starts_at.date()
    if what == "time":
        data = booking_input(room, day.isoformat(), start, end, title=booking.title)
        _call(db, staff, rooms.update, booking.id, data, scope)
    elif what == "day":
        shift = dt.timedelta(days=1 if variant % 2 else -1)
        _call(db, staff, rooms.move, booking.id, room, booking.starts_at + shift,
              booking.ends_at + shift, scope)  # fmt: skip
    elif what == "room":
        other = rooms_["会议室"] if variant % 2 else rooms_["多功能厅"]
        _call(db, staff, rooms.move, booking.id, other, booking.starts_at, booking.ends_at, scope)
    elif what == "retitle":
        times = booking.starts_at.strftime("%H:%M"), booking.ends_at.strftime("%H:%M")
        data = booking_input(room, day.isoformat(), *times, title=f"书法班{variant}")
        _call(db, staff, rooms.update, booking.id, data, scope)
    elif what == "rule":
        recurrence = RULES[sorted(RULES)[variant % len(RULES)]]
        data = booking_input(room, day.isoformat(), start, end, title=booking.title,
                             recurrence=recurrence)  # fmt: skip
        _call(db, staff, rooms.update, booking.id, data, scope)
    elif what == "cancel":
        _call(db, staff, rooms.cancel, booking.id, scope, "取消")
    elif what == "approve":
        _call(db, staff, rooms.approve, booking.id, scope)
    elif what == "reject":
        _call(db, staff, rooms.reject, booking.id, "另有安排", scope)
    elif what == "single":
        data = booking_input(room, day.isoformat(), start, end, title="临时借用")
        _call(db, staff, rooms.create, data)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=service_calls())
def test_any_sequence_of_service_calls_round_trips(
    db: Database,
    staff: Actor,
    desk: Actor,
    clock_at: clock.FixedClock,
    case: tuple[str, bool, list[int], list[Step]],
) -> None:
    rule, by_desk, skip_indices, steps = case
    clock_at.set(TEST_NOW)
    clear_bookings(db)
    with db.read() as session:
        known = {room.name: room.id for room in session.scalars(select(Room))}
    rooms_ = known or standard_rooms(db)
    room = rooms_["书画室"]
    wanted = booking_input(room, "2026-12-02", "14:00", "16:00", recurrence=RULES[rule])
    with db.read() as session:
        occurrences = rooms.plan(session, staff, wanted).occurrences
    skip = {occurrences[i][0] for i in skip_indices if 0 < i < len(occurrences)}
    _call(db, desk if by_desk else staff, rooms.create, wanted, skip=skip)
    _round_trips(db, staff)
    for step in steps:
        with contextlib.suppress(ValidationError, ConflictError):  # refused: nothing changed
            _apply_step(db, staff, clock_at, rooms_, step)
        _round_trips(db, staff)
    _round_trips(db, staff, rooms_.values())
