"""What the calendar, the printed sheets and the .ics export show: rooms as columns and the
bookings in a span of days, read in one query each, already in the words of the desk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from app.models import Account, Booking, BookingKind, BookingStatus, Organisation, Person, Room
from app.people_fields import mask_phone
from app.security import Actor, Permission


@dataclass(frozen=True)
class RoomColumn:
    id: int
    name: str
    capacity: int
    colour: str  # #RRGGBB or "" for the desk's own colour
    facilities: str
    bookable: bool


@dataclass(frozen=True)
class BookingBlock:
    """One booking as a block on the calendar (and a line on a door sheet)."""

    id: int
    room_id: int
    room: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str
    kind: BookingKind
    status: BookingStatus
    booker: str  # the organisation, the resident or the staff member who booked
    booker_phone: str  # masked: 138****5678
    expected_attendees: int | None
    series_id: int | None
    detached: bool  # an occurrence edited on its own

    @property
    def pending(self) -> bool:
        return self.status == BookingStatus.PENDING


def rooms(session: Session, *, with_unbookable: bool = True) -> list[RoomColumn]:
    """The centre's rooms in their order on the calendar."""
    query = select(Room).where(Room.active.is_(True)).order_by(Room.sort_order, Room.id)
    if not with_unbookable:
        query = query.where(Room.bookable.is_(True))
    return [
        RoomColumn(room.id, room.name, room.capacity, room.colour, room.facilities, room.bookable)
        for room in session.scalars(query)
    ]


def blocks(
    session: Session,
    actor: Actor,
    first_day: dt.date,
    last_day: dt.date,
    room_ids: Sequence[int] | None = None,
    *,
    with_cancelled: bool = False,
) -> list[BookingBlock]:
    """Bookings touching the days `first_day` … `last_day` (inclusive), by room and start."""
    actor.require(Permission.RECEPTION)  # every account may look at the rooms' calendar
    start = dt.datetime.combine(first_day, dt.time())
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
    conditions = [Booking.starts_at < end, Booking.ends_at > start]
    if room_ids is not None:
        conditions.append(Booking.room_id.in_(list(room_ids)))
    if not with_cancelled:
        conditions.append(
            Booking.status.in_([BookingStatus.PENDING.value, BookingStatus.CONFIRMED.value])
        )
    return find_blocks(session, *conditions)


def find_blocks(
    session: Session, *conditions: ColumnElement[bool], by_time: bool = False
) -> list[BookingBlock]:
    """The bookings meeting `conditions` as blocks, by room and start (`by_time`: by start, then
    room), in one query with their rooms' and bookers' names."""
    booker_account = aliased(Account)
    query = (
        select(
            Booking,
            Room.name,
            Organisation.name,
            Organisation.contact_phone,
            Person.name,
            Person.phone,
            booker_account.display_name,
        )
        .join(Room, Room.id == Booking.room_id)
        .outerjoin(Organisation, Organisation.id == Booking.organisation_id)
        .outerjoin(Person, Person.id == Booking.person_id)
        .outerjoin(
            booker_account,
            # The staff member booking for the centre; for older bookings, whoever wrote them.
            booker_account.id == func.coalesce(Booking.booker_account_id, Booking.created_by_id),
        )
        .where(*conditions)
    )
    if by_time:
        query = query.order_by(Booking.starts_at, Room.sort_order, Room.id, Booking.id)
    else:
        query = query.order_by(Room.sort_order, Room.id, Booking.starts_at, Booking.id)
    result = []
    for row in session.execute(query):
        booking = row[0]
        org_name, org_phone, person_name, person_phone, staff_name = row[2:]
        if org_name is not None:
            booker, phone = org_name, org_phone
        elif person_name is not None:
            booker, phone = person_name, person_phone
        else:
            booker, phone = staff_name or "", ""
        result.append(
            BookingBlock(
                id=booking.id,
                room_id=booking.room_id,
                room=row[1],
                starts_at=booking.starts_at,
                ends_at=booking.ends_at,
                title=booking.title,
                kind=BookingKind(booking.kind),
                status=BookingStatus(booking.status),
                booker=booker,
                booker_phone=mask_phone(phone) if phone else "",
                expected_attendees=booking.expected_attendees,
                series_id=booking.series_id,
                detached=booking.detached,
            )
        )
    return result
