"""Desks writing at the same moment, as separate processes on one database (SQLite file or the
PostgreSQL server): every rule that counts or checks before it writes still holds."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app import db as db_module
from app.db import Database
from app.errors import ConflictError
from app.models import Booking, BookingKind, BookingStatus, Person, Room
from app.security import Actor
from app.services import calls, people, rooms
from app.services.people import PersonInput
from tests.processes import race

DESKS = 4
PEOPLE_PER_DESK = 40
SLOT = (dt.datetime(2026, 11, 25, 14, 0), dt.datetime(2026, 11, 25, 16, 0))


def _chinese(number: int) -> str:
    return "".join("零一二三四五六七八九"[int(digit)] for digit in str(number))


def register_people(url: str, actor: Actor, desk_number: int, count: int) -> dict[str, object]:
    """One desk registering `count` people one after another, each in its own transaction."""
    db = Database(url)
    codes: list[str] = []
    refused: list[str] = []
    try:
        for number in range(count):
            data = PersonInput(name="居民" + _chinese(desk_number) + _chinese(number))
            try:
                row = calls.write(db, actor, lambda s, a, d=data: people.register(s, a, d))
            except ConflictError as error:
                refused.append(error.message)
            else:
                codes.append(row.member_code)
    finally:
        db.dispose()
    return {"codes": codes, "refused": refused}


def test_desks_registering_at_once_all_land_with_distinct_consecutive_codes(
    db: Database, desk: Actor
) -> None:
    results = race(
        register_people, db.url, [(desk, number, PEOPLE_PER_DESK) for number in range(DESKS)]
    )

    refused = [message for result in results for message in result["refused"]]
    codes = [code for result in results for code in result["codes"]]
    assert refused == []
    assert len(codes) == DESKS * PEOPLE_PER_DESK
    assert sorted(codes) == [people.member_code(n) for n in range(1, len(codes) + 1)]
    with db.read() as session:
        stored = list(session.scalars(select(Person.member_code)))
        assert sorted(stored) == sorted(codes)


def book_if_free(url: str, room_id: int, title: str) -> bool:
    """Check the room is free for SLOT, then book it: the way every booking rule is written."""
    db = Database(url)
    try:
        with db.write() as session:
            db_module.locked(session, Room, room_id)
            start, end = SLOT
            overlapping = session.scalar(
                select(func.count()).select_from(Booking).where(rooms.clashing(room_id, start, end))
            )
            if overlapping:
                return False
            session.add(
                Booking(
                    room_id=room_id,
                    title=title,
                    kind=BookingKind.STAFF.value,
                    status=BookingStatus.CONFIRMED.value,
                    starts_at=start,
                    ends_at=end,
                )
            )
            session.flush()
            # Hold the transaction open a little: without the lock, every desk passes the check.
            session.execute(select(func.count()).select_from(Booking)).scalar()
        return True
    finally:
        db.dispose()


def test_a_check_then_write_under_the_lock_lets_exactly_one_desk_book_a_slot(
    db: Database,
) -> None:
    with db.write() as session:
        room = Room(name="多功能厅", capacity=40)
        session.add(room)
        session.flush()
        room_id = room.id

    booked = race(book_if_free, db.url, [(room_id, f"第{n}张预约") for n in range(DESKS)])

    assert sorted(booked) == [False] * (DESKS - 1) + [True]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Booking)) == 1
