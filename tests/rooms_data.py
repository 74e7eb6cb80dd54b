"""Rooms, their weekly hours and bookings written straight into the tables, as the booking
service stores them (COMMON data model): a series is a `BookingSeries` row with its RRULE and
one `Booking` row per occurrence, whose `occurrence_start` is the start the rule gave it; a
cancelled occurrence keeps its row with status cancelled, a moved one is `detached`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateutil.rrule import rrulestr
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    Booking,
    BookingKind,
    BookingSeries,
    BookingStatus,
    Closure,
    ClosureKind,
    Organisation,
    Person,
    Room,
    RoomHours,
)
from app.security import Actor

# The week of the tests' "now" (TEST_NOW, Wednesday 2026-11-25), Monday to Sunday.
MONDAY = dt.date(2026, 11, 23)
WEDNESDAY = dt.date(2026, 11, 25)
FRIDAY_CLOSED = dt.date(2026, 11, 27)  # the centre's own closed day in `demo_like`


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


def add_room(
    session: Session,
    name: str,
    capacity: int = 20,
    *,
    sort_order: int = 0,
    hours: tuple[str, str] | None = ("08:00", "20:00"),
    weekdays: range = range(7),
    bookable: bool = True,
    facilities: str = "",
) -> Room:
    room = Room(
        name=name,
        capacity=capacity,
        sort_order=sort_order,
        bookable=bookable,
        facilities=facilities,
    )
    session.add(room)
    session.flush()
    if hours is not None:
        for weekday in weekdays:
            session.add(
                RoomHours(
                    room_id=room.id,
                    weekday=weekday,
                    opens=dt.time.fromisoformat(hours[0]),
                    closes=dt.time.fromisoformat(hours[1]),
                )
            )
    return room


def add_booking(
    session: Session,
    room: Room,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    title: str,
    *,
    status: BookingStatus = BookingStatus.CONFIRMED,
    kind: BookingKind = BookingKind.ACTIVITY,
    person: Person | None = None,
    organisation: Organisation | None = None,
    account_id: int | None = None,
    attendees: int | None = None,
    series: BookingSeries | None = None,
    occurrence_start: dt.datetime | None = None,
    detached: bool = False,
) -> Booking:
    booking = Booking(
        room_id=room.id,
        series_id=series.id if series else None,
        occurrence_start=occurrence_start,
        detached=detached,
        title=title,
        kind=kind.value,
        status=status.value,
        starts_at=starts_at,
        ends_at=ends_at,
        expected_attendees=attendees,
        person_id=person.id if person else None,
        organisation_id=organisation.id if organisation else None,
        booker_account_id=account_id,
        created_by_id=account_id,
    )
    session.add(booking)
    session.flush()
    return booking


@dataclass
class SeriesRows:
    series: BookingSeries
    bookings: list[Booking] = field(default_factory=list)

    def occurrence(self, start: dt.datetime) -> Booking:
        return next(b for b in self.bookings if b.occurrence_start == start)


def add_series(
    session: Session,
    room: Room,
    title: str,
    rule: str,
    first_day: dt.date,
    start: str,
    end: str,
    *,
    status: BookingStatus = BookingStatus.CONFIRMED,
    kind: BookingKind = BookingKind.ACTIVITY,
    person: Person | None = None,
    organisation: Organisation | None = None,
    attendees: int | None = None,
) -> SeriesRows:
    """A series and one booking per occurrence of its rule (all holding)."""
    series = BookingSeries(
        room_id=room.id,
        title=title,
        kind=kind.value,
        rule=rule,
        first_day=first_day,
        start_time=dt.time.fromisoformat(start),
        end_time=dt.time.fromisoformat(end),
        expected_attendees=attendees,
        person_id=person.id if person else None,
        organisation_id=organisation.id if organisation else None,
    )
    session.add(series)
    session.flush()
    rows = SeriesRows(series)
    length = at(first_day, end) - at(first_day, start)
    # The rule gives days (an UNTIL date is the last day, included), each at the start time.
    for day in rrulestr(rule, dtstart=dt.datetime.combine(first_day, dt.time())):
        occurrence = at(day.date(), start)
        rows.bookings.append(
            add_booking(
                session,
                room,
                occurrence,
                occurrence + length,
                title,
                status=status,
                kind=kind,
                person=person,
                organisation=organisation,
                attendees=attendees,
                series=series,
                occurrence_start=occurrence,
            )
        )
    return rows


@dataclass
class DemoRooms:
    hall: int
    classroom: int
    meeting: int
    store: int  # not bookable
    person_phone: str
    titles: dict[int, str]  # booking id → title of every holding booking on WEDNESDAY


def demo_like(db: Database, admin: Actor) -> DemoRooms:
    """A small centre: three bookable rooms (the meeting room closed on Sundays) and a store,
    a resident and an organisation booking, a pending request, a cancelled and a rejected
    booking, a weekly series through the week, and the centre's own closed Friday."""
    with db.write() as session:
        hall = add_room(session, "多功能厅", 60, sort_order=1, facilities="投影、音响、钢琴")
        classroom = add_room(session, "书画教室", 24, sort_order=2, facilities="书画桌")
        meeting = add_room(session, "议事厅", 16, sort_order=3, weekdays=range(6))
        store = add_room(session, "仓库", 2, sort_order=4, bookable=False)
        person = Person(member_code="YL000101", name="张秀英", phone="13812345678")
        group = Organisation(name="五彩亲子公益发展中心", contact_phone="13900001111")
        session.add_all([person, group])
        session.add(Closure(day=FRIDAY_CLOSED, kind=ClosureKind.CLOSED.value, reason="消防检查"))
        session.flush()
        day = WEDNESDAY
        wanted = [
            add_booking(
                session,
                hall,
                at(day, "14:00"),
                at(day, "16:00"),
                "社区合唱团排练",
                organisation=group,
                attendees=45,
            ),
            add_booking(
                session,
                hall,
                at(day, "09:00"),
                at(day, "11:30"),
                "长者智能手机课堂",
                account_id=admin.account_id,
                attendees=30,
            ),
            add_booking(
                session,
                hall,
                at(day, "18:30"),
                at(day, "20:00"),
                "亲子绘本共读",
                person=person,
                attendees=20,
                status=BookingStatus.PENDING,
                kind=BookingKind.RESIDENT,
            ),
            add_booking(
                session,
                meeting,
                at(day, "10:00"),
                at(day, "11:00"),
                "东苑社区自治理事会例会",
                kind=BookingKind.COUNCIL,
                account_id=admin.account_id,
                attendees=12,
            ),
        ]
        add_booking(
            session,
            hall,
            at(day, "12:00"),
            at(day, "13:00"),
            "已取消的午间讲座",
            status=BookingStatus.CANCELLED,
            person=person,
        )
        add_booking(
            session,
            classroom,
            at(day, "15:00"),
            at(day, "16:00"),
            "被拒绝的申请",
            status=BookingStatus.REJECTED,
            person=person,
        )
        calligraphy = add_series(
            session,
            classroom,
            "书法班",
            "FREQ=DAILY;COUNT=7",
            MONDAY,
            "09:00",
            "11:00",
            attendees=18,
            organisation=group,
        )
        wanted.append(calligraphy.occurrence(at(day, "09:00")))
        return DemoRooms(
            hall=hall.id,
            classroom=classroom.id,
            meeting=meeting.id,
            store=store.id,
            person_phone="13812345678",
            titles={b.id: b.title for b in wanted},
        )
