"""Two desks booking the same rooms at the same moments, as two processes on one database (a
SQLite file, or PostgreSQL when YOULIN_TEST_POSTGRES is set): 500 attempts, each overlapping one
of the other desk's, and never a double booking. On PostgreSQL the database itself refuses an
overlap written around the service."""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import DomainError
from app.models import BookingKind
from app.security import Actor
from app.services import calls, rooms
from tests.conftest import on_postgres
from tests.processes import race
from tests.rooms_setup import OVERLAPS_SQL, add_room

ROOMS = 5
DAYS = 50  # 5 rooms × 50 days = 250 slots, each wanted by both desks
FIRST_DAY = dt.date(2027, 3, 1)  # after the machine's own today: the desks run on its clock


def _slot(index: int) -> tuple[int, dt.date]:
    return index % ROOMS, FIRST_DAY + dt.timedelta(days=index // ROOMS)


def _create(session: Session, actor: Actor, data: rooms.BookingInput) -> rooms.Created:
    return rooms.create(session, actor, data)


def book_slots(
    url: str, actor: Actor, room_ids: list[int], desk: int, lockstep: Any
) -> dict[str, Any]:
    """One desk trying every slot in turn: desk 0 wants 14:00–16:00, desk 1 15:00–17:00. The
    desks wait for each other before each attempt (`lockstep`), so that they really do check
    and write the same slot at the same moment."""
    db = Database(url)
    booked: list[int] = []
    refused = 0
    by_database = 0
    other: list[str] = []
    start, end = (dt.time(14), dt.time(16)) if desk == 0 else (dt.time(15), dt.time(17))
    try:
        for index in range(ROOMS * DAYS):
            room, day = _slot(index)
            data = rooms.BookingInput(
                room_id=room_ids[room],
                title=f"第{desk + 1}台的预约",
                starts_at=dt.datetime.combine(day, start),
                ends_at=dt.datetime.combine(day, end),
                kind=BookingKind.STAFF,
            )
            lockstep.wait(timeout=60)
            try:
                calls.write(db, actor, functools.partial(_create, data=data))
            except rooms.BookingConflict as conflict:
                refused += 1
                by_database += conflict.by_database
                if len(conflict.clashes) != 1:
                    other.append(f"{index}: a conflict naming {len(conflict.clashes)} clashes")
            except (DomainError, Exception) as error:  # any other error fails the test
                other.append(f"{index}: {type(error).__name__}: {error}")
            else:
                booked.append(index)
    finally:
        db.dispose()
    return {"booked": booked, "refused": refused, "by_database": by_database, "other": other}


def test_two_desks_racing_for_the_same_slots_never_double_book(db: Database, staff: Actor) -> None:
    with db.write() as session:
        room_ids = [add_room(session, f"活动室{n}") for n in range(1, ROOMS + 1)]

    lockstep = multiprocessing.get_context("spawn").Barrier(2)
    results = race(
        book_slots, db.url, [(staff, room_ids, 0, lockstep), (staff, room_ids, 1, lockstep)]
    )

    assert [result["other"] for result in results] == [[], []]
    booked = [index for result in results for index in result["booked"]]
    refused = sum(int(result["refused"]) for result in results)
    assert len(booked) + refused == 2 * ROOMS * DAYS == 500
    by_database = sum(int(result["by_database"]) for result in results)
    print(f"{len(booked)} booked, {refused} refused, {by_database} of them by the database")
    assert sorted(booked) == list(range(ROOMS * DAYS))  # each slot won by exactly one desk
    with db.read() as session:
        assert session.execute(text(OVERLAPS_SQL)).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM booking")).scalar() == ROOMS * DAYS


@pytest.mark.skipif(not on_postgres(), reason="the exclusion constraint is PostgreSQL's")
def test_postgresql_refuses_an_overlap_written_around_the_service(
    db: Database, staff: Actor
) -> None:
    with db.write() as session:
        room_id = add_room(session, "多功能厅")
    insert = text(
        "INSERT INTO booking (room_id, title, kind, status, starts_at, ends_at, detached, note,"
        " override_reason, decision_reason, created_at, updated_at)"
        " VALUES (:room, :title, 'staff', :status, :start, :end, false, '', '', '', now(), now())"
    )

    def write(title: str, status: str, start: str, end: str) -> None:
        with db.write() as session:
            session.execute(
                insert,
                {
                    "room": room_id,
                    "title": title,
                    "status": status,
                    "start": dt.datetime.fromisoformat(f"2027-03-01 {start}"),
                    "end": dt.datetime.fromisoformat(f"2027-03-01 {end}"),
                },
            )

    write("先到", "confirmed", "14:00", "16:00")
    write("紧接着", "pending", "16:00", "17:00")  # back to back is allowed
    write("已取消", "cancelled", "14:30", "15:30")  # a cancelled one holds nothing
    with pytest.raises(IntegrityError) as refused:
        write("插队", "confirmed", "15:00", "16:30")
    assert "ex_booking_room_time" in str(refused.value)
    with pytest.raises(IntegrityError):
        write("申请", "pending", "13:00", "14:01")
    with db.read() as session:
        assert session.execute(text(OVERLAPS_SQL)).scalar() == 0
