"""The one rule of room bookings: a room is never held twice at the same moment. The plain
function, the diary that writes many bookings at once and the SQL condition agree."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.db import Database
from app.models import Booking, BookingKind, BookingStatus, Room
from app.services import rooms

DAY = dt.date(2026, 11, 25)


def _at(hhmm: str, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


def test_bookings_that_only_touch_do_not_clash() -> None:
    assert not rooms.overlaps(_at("14:00"), _at("16:00"), _at("16:00"), _at("18:00"))
    assert not rooms.overlaps(_at("16:00"), _at("18:00"), _at("14:00"), _at("16:00"))
    assert rooms.overlaps(_at("14:00"), _at("16:01"), _at("16:00"), _at("18:00"))
    assert rooms.overlaps(_at("09:00"), _at("20:00"), _at("12:00"), _at("13:00"))


def test_only_a_cancelled_booking_frees_its_room() -> None:
    assert rooms.holds_room(BookingStatus.CONFIRMED)
    assert rooms.holds_room(BookingStatus.PENDING)
    assert not rooms.holds_room(BookingStatus.CANCELLED)


def test_the_diary_refuses_a_clash_in_the_same_room_only() -> None:
    diary = rooms.RoomDiary()
    assert diary.take(1, _at("14:00"), _at("16:00"))
    assert not diary.take(1, _at("15:00"), _at("17:00"))
    assert diary.take(2, _at("15:00"), _at("17:00"))
    assert diary.take(1, _at("16:00"), _at("17:00"))
    tomorrow = DAY + dt.timedelta(days=1)
    assert diary.take(1, _at("14:00", tomorrow), _at("16:00", tomorrow))


def test_a_booking_over_midnight_holds_both_days() -> None:
    diary = rooms.RoomDiary()
    night = DAY + dt.timedelta(days=1)
    assert diary.take(1, _at("22:00"), _at("02:00", night))
    assert not diary.take(1, _at("01:00", night), _at("03:00", night))
    assert diary.take(1, _at("02:00", night), _at("03:00", night))


_moments = st.integers(min_value=0, max_value=2 * 24 * 4).map(
    lambda quarter: _at("00:00") + dt.timedelta(minutes=15 * quarter)
)
_bookings = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=3),
        _moments,
        st.integers(min_value=1, max_value=24).map(lambda n: dt.timedelta(minutes=15 * n)),
    ),
    max_size=40,
)


@given(_bookings)
def test_the_diary_takes_exactly_the_bookings_that_fit(
    wanted: list[tuple[int, dt.datetime, dt.timedelta]],
) -> None:
    diary = rooms.RoomDiary()
    taken: list[tuple[int, dt.datetime, dt.datetime]] = []
    for room, start, length in wanted:
        end = start + length
        clashes = any(
            other_room == room and rooms.overlaps(start, end, other_start, other_end)
            for other_room, other_start, other_end in taken
        )
        assert diary.take(room, start, end) is not clashes
        if not clashes:
            taken.append((room, start, end))


def test_the_sql_condition_agrees_with_the_rule(db: Database) -> None:
    """On the database's own engine: the condition a service checks in its writing transaction
    finds exactly the bookings the rule says clash."""
    existing = [
        (1, "10:00", "12:00", BookingStatus.CONFIRMED),
        (1, "12:00", "13:00", BookingStatus.PENDING),
        (1, "13:00", "14:00", BookingStatus.CANCELLED),
        (1, "14:30", "15:00", BookingStatus.CONFIRMED),
        (2, "10:00", "12:00", BookingStatus.CONFIRMED),
    ]
    with db.write() as session:
        session.add_all(
            [Room(id=1, name="书画室", capacity=20), Room(id=2, name="会议室", capacity=12)]
        )
        session.add_all(
            Booking(
                room_id=room,
                title="活动",
                kind=BookingKind.STAFF,
                status=status,
                starts_at=_at(start),
                ends_at=_at(end),
            )
            for room, start, end, status in existing
        )
    halves = [_at("09:00") + dt.timedelta(minutes=30 * n) for n in range(13)]
    with db.read() as session:
        bookings = list(session.scalars(select(Booking)))
        for start in halves:
            for end in (moment for moment in halves if moment > start):
                found = set(
                    session.scalars(select(Booking.id).where(rooms.clashing(1, start, end)))
                )
                expected = {
                    booking.id
                    for booking in bookings
                    if booking.room_id == 1
                    and rooms.holds_room(booking.status)
                    and rooms.overlaps(start, end, booking.starts_at, booking.ends_at)
                }
                assert found == expected, (start, end)
