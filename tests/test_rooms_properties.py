"""Whatever desks do (book single times and series, move, cancel, edit series in any scope,
approve, reject), no two bookings holding a room overlap, a cancelled occurrence stays cancelled,
and a refused change changes nothing. One database per test; its bookings are cleared between
hypothesis' examples (a fresh file each time would be slow)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from app import clock
from app.db import Database
from app.errors import DomainError
from app.models import Booking, BookingKind, BookingStatus
from app.security import Actor
from app.services import rooms
from app.services.rooms import Frequency, Recurrence, Scope
from tests.rooms_setup import OVERLAPS_SQL, add_room, clear_bookings

FIRST_DAY = dt.date(2026, 11, 30)  # the Monday after the tests' today
SCOPES = st.sampled_from(list(Scope))

_times = st.tuples(
    st.integers(0, 13),  # day after FIRST_DAY
    st.integers(8 * 4, 19 * 4),  # start, in quarters of an hour
    st.integers(1, 8),  # length, in quarters
)
_recurrences = st.one_of(
    st.none(),
    st.builds(lambda n: Recurrence(Frequency.WEEKLY, count=n), st.integers(2, 5)),
    st.builds(lambda n: Recurrence(Frequency.DAILY, count=n), st.integers(2, 4)),
)
_operations = st.lists(
    st.one_of(
        st.tuples(st.just("create"), st.integers(0, 1), _times, _recurrences, st.booleans()),
        st.tuples(st.just("move"), st.integers(0, 99), st.integers(0, 1), _times, SCOPES),
        st.tuples(st.just("cancel"), st.integers(0, 99), SCOPES),
        st.tuples(st.just("edit"), st.integers(0, 99), st.integers(-1, 1), _times, SCOPES),
        st.tuples(st.just("approve"), st.integers(0, 99), SCOPES),
        st.tuples(st.just("reject"), st.integers(0, 99), SCOPES),
    ),
    min_size=1,
    max_size=15,
)


def _span(times: tuple[int, int, int]) -> tuple[dt.datetime, dt.datetime]:
    day, start, length = times
    begin = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day), dt.time()) + dt.timedelta(
        minutes=15 * start
    )
    return begin, begin + dt.timedelta(minutes=15 * min(length, 21 * 4 - start))


def _state(db: Database) -> dict[int, tuple[Any, ...]]:
    with db.read() as session:
        return {
            row.id: (row.status, row.room_id, row.starts_at, row.ends_at, row.title, row.series_id)
            for row in session.scalars(select(Booking))
        }


def _apply(
    session: Any, actors: dict[str, Actor], room_ids: list[int], ids: list[int], op: tuple[Any, ...]
) -> None:
    staff, desk = actors["staff"], actors["desk"]
    kind = op[0]
    if kind == "create":
        _, room, times, recurrence, by_desk = op
        start, end = _span(times)
        data = rooms.BookingInput(
            room_ids[room], "活动", start, end, BookingKind.STAFF, recurrence=recurrence
        )
        rooms.create(session, desk if by_desk else staff, data)
        return
    if not ids:
        return
    booking_id = ids[op[1] % len(ids)]
    if kind == "move":
        _, _, room, times, scope = op
        start, end = _span(times)
        rooms.move(session, staff, booking_id, room_ids[room], start, end, scope)
    elif kind == "cancel":
        rooms.cancel(session, staff, booking_id, op[2], "取消")
    elif kind == "edit":
        _, _, day_shift, times, scope = op
        detail = rooms.get(session, staff, booking_id)
        start, end = _span(times)
        day = detail.starts_at.date() + dt.timedelta(days=day_shift)
        start = dt.datetime.combine(day, start.time())
        end = dt.datetime.combine(day, end.time()) if end.date() == _span(times)[0].date() else end
        data = rooms.BookingInput(
            detail.room_id,
            detail.title + "·改",
            start,
            max(end, start + dt.timedelta(minutes=15)),
            BookingKind.STAFF,
            recurrence=detail.recurrence,
        )
        if detail.recurrence is not None and day_shift == 0 and times[0] % 3 == 0:
            data = replace(data, recurrence=replace(detail.recurrence, interval=2))
        rooms.update(session, staff, booking_id, data, scope)
    elif kind == "approve":
        rooms.approve(session, staff, booking_id, op[2])
    else:
        rooms.reject(session, staff, booking_id, "不批准", op[2])


def _check(db: Database, cancelled: set[int]) -> set[int]:
    """The invariants; the bookings cancelled or rejected so far."""
    with db.read() as session:
        assert session.execute(text(OVERLAPS_SQL)).scalar() == 0
        rows = {row.id: row.status for row in session.scalars(select(Booking))}
    ended = (BookingStatus.CANCELLED.value, BookingStatus.REJECTED.value)
    for booking_id in cancelled:
        assert rows[booking_id] in ended, f"booking {booking_id} came back as {rows[booking_id]}"
    return cancelled | {booking_id for booking_id, status in rows.items() if status in ended}


def test_no_sequence_of_changes_double_books_or_revives_a_cancelled_booking(
    db: Database, staff: Actor, desk: Actor
) -> None:
    with db.write() as session:
        # Open 08:00–21:00 every day, so that most operations get as far as the overlap rule.
        room_ids = [add_room(session, "书画室"), add_room(session, "会议室")]
    actors = {"staff": staff, "desk": desk}
    seen = {"refused": 0, "done": 0}

    @settings(
        max_examples=50,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(_operations)
    def run(operations: list[tuple[Any, ...]]) -> None:
        clear_bookings(db)
        with clock.frozen(dt.datetime(2026, 11, 25, 9, 30)):
            cancelled: set[int] = set()
            for op in operations:
                before = _state(db)
                try:
                    with db.write() as session:
                        _apply(session, actors, room_ids, sorted(before), op)
                except DomainError:
                    seen["refused"] += 1
                    assert _state(db) == before, f"{op} was refused but changed something"
                else:
                    seen["done"] += 1
                cancelled = _check(db, cancelled)

    run()
    assert seen["done"] > 0 and seen["refused"] > 0
