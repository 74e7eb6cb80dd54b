"""Room use: the hours each room was booked against the hours it was open.

Open hours come from the rooms' weekly hours less the days the calendar closes them (statutory
holidays, the centre's closures; a 调休 working day opens), as `OpeningCalendar` knows them.
Booked hours are those of the confirmed bookings (a pending request, a rejected or cancelled
booking holds nothing), clipped to the room's opening hours of each day: an evening that runs
past closing (an admin's override) counts only up to closing, a booking on a closed day not at
all, so utilisation never exceeds 100%.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Booking, BookingStatus, Room
from app.services.rooms.days import OpeningCalendar
from app.services.statistics.period import Period
from app.services.statistics.rows import RoomUse
from app.services.statistics.sql import as_date, seconds_between

_HOUR = 3600.0


def _open_span(
    calendar: OpeningCalendar, room_id: int, day: dt.date
) -> tuple[dt.datetime, dt.datetime] | None:
    hours = calendar.hours(room_id, day)
    if hours is None:
        return None
    return dt.datetime.combine(day, hours[0]), dt.datetime.combine(day, hours[1])


def _clipped(
    calendar: OpeningCalendar, period: Period, room_id: int, start: dt.datetime, end: dt.datetime
) -> float:
    """Seconds of [start, end) inside the room's opening hours on the period's days."""
    seconds = 0.0
    day = max(start.date(), period.first)
    while day <= period.last and dt.datetime.combine(day, dt.time()) < end:
        span = _open_span(calendar, room_id, day)
        if span is not None:
            low, high = max(start, span[0]), min(end, span[1])
            if high > low:
                seconds += (high - low).total_seconds()
        day += dt.timedelta(days=1)
    return seconds


def room_use(session: Session, period: Period) -> list[RoomUse]:
    """Every active room, in Settings' order."""
    rooms = session.execute(
        select(Room.id, Room.name).where(Room.active.is_(True)).order_by(Room.sort_order, Room.id)
    ).all()
    if not rooms:
        return []
    room_ids = [room_id for room_id, _ in rooms]
    calendar = OpeningCalendar(session, period.first, period.last, room_ids)
    open_seconds: dict[int, float] = {}
    for room_id in room_ids:
        total = 0.0
        for day in period.each_day():
            span = _open_span(calendar, room_id, day)
            if span is not None:
                total += (span[1] - span[0]).total_seconds()
        open_seconds[room_id] = total

    # Per room and day of start: the bookings' total length and their earliest start and latest
    # end. A day whose bookings all lie inside that day's opening hours (nearly all of them)
    # counts its total as it is; only the others are read booking by booking and clipped.
    held = (
        Booking.status == BookingStatus.CONFIRMED.value,
        Booking.room_id.in_(room_ids),
        Booking.starts_at < period.end,
        Booking.ends_at > period.start,
    )
    day_of = func.date(Booking.starts_at)
    booked: defaultdict[int, float] = defaultdict(float)
    to_clip: list[tuple[int, dt.date]] = []
    for room_id, day, seconds, first_start, last_end in session.execute(
        select(
            Booking.room_id,
            day_of,
            func.sum(seconds_between(Booking.starts_at, Booking.ends_at)),
            func.min(Booking.starts_at),
            func.max(Booking.ends_at),
        )
        .where(*held)
        .group_by(Booking.room_id, day_of)
    ):
        day = as_date(day)
        inside = period.first <= day
        span = _open_span(calendar, room_id, day) if inside else None
        if span is not None and span[0] <= first_start and last_end <= span[1]:
            booked[room_id] += float(seconds)
        elif inside and span is None and last_end <= dt.datetime.combine(day, dt.time.max):
            continue  # a closed day: nothing of it counts
        else:
            to_clip.append((room_id, day))
    for room_id, day in to_clip:
        start = dt.datetime.combine(day, dt.time())
        for starts_at, ends_at in session.execute(
            select(Booking.starts_at, Booking.ends_at).where(
                *held,
                Booking.room_id == room_id,
                Booking.starts_at >= start,
                Booking.starts_at < start + dt.timedelta(days=1),
            )
        ):
            booked[room_id] += _clipped(calendar, period, room_id, starts_at, ends_at)
    return [
        RoomUse(
            room_id,
            name,
            round(booked[room_id] / _HOUR, 2),
            round(open_seconds[room_id] / _HOUR, 2),
        )
        for room_id, name in rooms
    ]
