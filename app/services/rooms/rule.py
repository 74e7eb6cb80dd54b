"""A room is never double-booked: the rule for the Rooms desk's services (checked in their
writing transaction; on PostgreSQL the exclusion constraint ex_booking_room_time says it too) and
for everything else that writes bookings (the demo centre).

A booking holds its room from its start up to, not including, its end: 14:00–16:00 and
16:00–18:00 don't clash. A cancelled or rejected booking holds nothing; a pending one (a request
awaiting approval) holds its room like a confirmed one, so approving it can never clash.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import ColumnElement, and_

from app.models import Booking, BookingStatus

HOLDING = (BookingStatus.PENDING, BookingStatus.CONFIRMED)  # the statuses that hold a room


def holds_room(status: str) -> bool:
    return status in HOLDING


def overlaps(
    start: dt.datetime, end: dt.datetime, other_start: dt.datetime, other_end: dt.datetime
) -> bool:
    """Whether [start, end) and [other_start, other_end) share a moment."""
    return start < other_end and other_start < end


def clashing(room_id: int, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
    """The condition on `Booking` of the bookings that hold room `room_id` during [start, end):
    what a new booking there must not meet (served by the index ix_booking_room_time)."""
    return and_(
        Booking.room_id == room_id,
        Booking.starts_at < end,
        Booking.ends_at > start,
        Booking.status.in_([str(status) for status in HOLDING]),
    )


class RoomDiary:
    """Which room is taken when, for writing many bookings at once (the demo centre, a booking
    series' occurrences among themselves): `take` books the room when it is free then."""

    def __init__(self) -> None:
        # Filed under each day they touch: a booking is checked against that day's only.
        self._taken: dict[tuple[int, dt.date], list[tuple[dt.datetime, dt.datetime]]] = defaultdict(
            list
        )

    def is_free(self, room: int, start: dt.datetime, end: dt.datetime) -> bool:
        return not any(
            overlaps(start, end, other_start, other_end)
            for day in _days(start, end)
            for other_start, other_end in self._taken[(room, day)]
        )

    def take(self, room: int, start: dt.datetime, end: dt.datetime) -> bool:
        """Book [start, end) in `room` when it is free; whether it was."""
        if not self.is_free(room, start, end):
            return False
        for day in _days(start, end):
            self._taken[(room, day)].append((start, end))
        return True


def _days(start: dt.datetime, end: dt.datetime) -> list[dt.date]:
    first, last = start.date(), max(start, end - dt.timedelta(microseconds=1)).date()
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
