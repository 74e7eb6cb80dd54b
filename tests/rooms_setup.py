"""Rooms for the Rooms desk's service tests: open every day 08:00–21:00 unless told otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    AuditEvent,
    Booking,
    BookingKind,
    BookingSeries,
    Organisation,
    Person,
    Room,
    RoomHours,
)
from app.services.rooms import BookingInput

OPENS, CLOSES = dt.time(8), dt.time(21)


def add_room(
    session: Session,
    name: str,
    capacity: int = 20,
    *,
    weekdays: Iterable[int] = range(7),
    opens: dt.time = OPENS,
    closes: dt.time = CLOSES,
    bookable: bool = True,
    active: bool = True,
    sort_order: int = 0,
) -> int:
    room = Room(
        name=name, capacity=capacity, bookable=bookable, active=active, sort_order=sort_order
    )
    session.add(room)
    session.flush()
    session.add_all(
        RoomHours(room_id=room.id, weekday=day, opens=opens, closes=closes) for day in weekdays
    )
    session.flush()
    return room.id


def standard_rooms(db: Database) -> dict[str, int]:
    """书画室 (20), 会议室 (12), 多功能厅 (60), open every day 08:00–21:00."""
    with db.write() as session:
        return {
            "书画室": add_room(session, "书画室", 20, sort_order=1),
            "会议室": add_room(session, "会议室", 12, sort_order=2),
            "多功能厅": add_room(session, "多功能厅", 60, sort_order=3),
        }


def organisation(db: Database, name: str = "五彩亲子公益发展中心") -> int:
    with db.write() as session:
        row = Organisation(name=name, contact_name="周老师", contact_phone="13812345678")
        session.add(row)
        session.flush()
        return row.id


def person(db: Database, name: str = "张秀英") -> int:
    with db.write() as session:
        row = Person(member_code=f"M{abs(hash(name)) % 10**8:08d}", name=name, phone="13912345678")
        session.add(row)
        session.flush()
        return row.id


def at(day: str, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(hhmm))


def booking_input(room_id: int, day: str, start: str, end: str, **fields: object) -> BookingInput:
    values: dict[str, object] = {
        "room_id": room_id,
        "title": "书法班",
        "starts_at": at(day, start),
        "ends_at": at(day, end),
        "kind": BookingKind.STAFF,
    }
    values.update(fields)
    return BookingInput(**values)  # type: ignore[arg-type]


def counts(db: Database) -> tuple[int, int, int]:
    """Bookings, series and audit events written so far."""
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Booking)) or 0,
            session.scalar(select(func.count()).select_from(BookingSeries)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def clear_bookings(db: Database) -> None:
    with db.write() as session:
        session.execute(delete(Booking))
        session.execute(delete(BookingSeries))


OVERLAPS_SQL = """
SELECT count(*) FROM booking a JOIN booking b
  ON a.room_id = b.room_id AND a.id < b.id
 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
WHERE a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')
"""
