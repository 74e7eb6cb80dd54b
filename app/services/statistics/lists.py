"""The lists behind the Home charts: the rows a bar counts, one row each, for the person who
clicked it.

Each list holds exactly what its figure counts (`app.services.statistics.activity` and `rooms`
say how): visits that stand (an undone check-in is no visit); the held sessions of a series with
their seats signed up, present and not come; a room's held (confirmed) bookings; a volunteer's
service records. Phone numbers are masked (138****5678) and numbers inside notes too, as every
list of the program but the editor shows them. Any account may read them (Permission.RECEPTION:
every account looks at visits, the menu and the rooms' calendar).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from app.masking import mask_numbers
from app.models import (
    Account,
    ActivitySession,
    Booking,
    BookingStatus,
    BuildingGroup,
    Community,
    Organisation,
    Person,
    Purpose,
    Room,
    ServiceItem,
    ServiceSeries,
    Signup,
    SignupStatus,
    Visit,
)
from app.people_fields import mask_phone
from app.security import Actor, Permission
from app.services.statistics.period import Period
from app.services.statistics.rows import SessionFigures
from app.services.volunteers.records import RecordLine, records_of


@dataclass(frozen=True)
class VisitRow:
    """One visit: who came, from where, why, and who checked them in."""

    visit_id: int
    at: dt.datetime
    person_id: int | None
    name: str  # "" for a visitor not registered, or a visit kept after anonymising
    anonymised: bool
    community: str
    building_group: str
    phone: str  # masked
    purpose: Purpose
    note: str  # numbers in it masked
    checked_in_by: str


@dataclass(frozen=True)
class BookingRow:
    """One held booking of a room."""

    booking_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str
    booker: str  # the organisation, the resident, or the account that booked (or wrote it)

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600


def visits(
    session: Session, actor: Actor, period: Period, purpose: Purpose | None = None
) -> list[VisitRow]:
    """The period's visits (of one purpose when given), in the order they came."""
    actor.require(Permission.RECEPTION)
    group = aliased(BuildingGroup)
    query = (
        select(
            Visit.id,
            Visit.at,
            Visit.person_id,
            Person.name,
            Community.name,
            group.name,
            Person.phone,
            Visit.purpose,
            Visit.note,
            Account.display_name,
            Visit.anonymised,
        )
        .outerjoin(Person, Person.id == Visit.person_id)
        # The visit's own community: it stays when the person moves or is anonymised.
        .outerjoin(Community, Community.id == Visit.community_id)
        .outerjoin(group, group.id == Person.building_group_id)
        .outerjoin(Account, Account.id == Visit.account_id)
        .where(Visit.at >= period.start, Visit.at < period.end, Visit.undone_at.is_(None))
        .order_by(Visit.at, Visit.id)
    )
    if purpose is not None:
        query = query.where(Visit.purpose == purpose.value)
    return [
        VisitRow(
            visit_id=visit_id,
            at=at,
            person_id=person_id,
            name=name or "",
            anonymised=anonymised,
            community=community or "",
            building_group=building_group or "",
            phone=mask_phone(phone),
            purpose=Purpose(purpose_value),
            note=mask_numbers(note),
            checked_in_by=account or "",
        )
        for (
            visit_id,
            at,
            person_id,
            name,
            community,
            building_group,
            phone,
            purpose_value,
            note,
            account,
            anonymised,
        ) in session.execute(query)
    ]


def series_sessions(
    session: Session, actor: Actor, series_id: int, period: Period
) -> list[SessionFigures]:
    """The series' held sessions starting in the period, by start, each with the seats signed up
    beforehand (应到), present (实到, walk-ins included), not come, and walked in."""
    actor.require(Permission.RECEPTION)
    query = (
        select(
            ActivitySession.id,
            ServiceSeries.name,
            ServiceItem.name,
            ActivitySession.starts_at,
            ActivitySession.ends_at,
            Room.name,
            ActivitySession.capacity,
            Signup.seats,
            Signup.walk_in,
            Signup.attended,
            Signup.no_show,
        )
        .join(ServiceItem, ServiceItem.id == ActivitySession.item_id)
        .join(ServiceSeries, ServiceSeries.id == ServiceItem.series_id)
        .outerjoin(Room, Room.id == ActivitySession.room_id)
        .outerjoin(
            Signup,
            and_(
                Signup.session_id == ActivitySession.id,
                Signup.status == SignupStatus.SIGNED_UP.value,
            ),
        )
        .where(
            ServiceSeries.id == series_id,
            ActivitySession.starts_at >= period.start,
            ActivitySession.starts_at < period.end,
            ActivitySession.cancelled.is_(False),
        )
        .order_by(ActivitySession.starts_at, ActivitySession.id)
    )
    heads: dict[int, tuple[str, str, dt.datetime, dt.datetime, str, int]] = {}
    seats_of: dict[int, list[int]] = {}  # signups, attended, no-shows, walk-ins
    for (
        session_id, series, item, starts_at, ends_at, room, capacity, seats, walk_in, attended,
        no_show,
    ) in session.execute(query):  # fmt: skip
        heads[session_id] = (series, item, starts_at, ends_at, room or "", capacity)
        counts = seats_of.setdefault(session_id, [0, 0, 0, 0])
        if seats is None:  # nobody signed up: the outer join's one row of NULLs
            continue
        counts[0] += 0 if walk_in else seats
        counts[1] += seats if attended else 0
        counts[2] += seats if no_show else 0
        counts[3] += seats if walk_in and attended else 0
    return [_session_line(key, heads[key], seats_of[key]) for key in heads]


def _session_line(
    session_id: int, head: tuple[str, str, dt.datetime, dt.datetime, str, int], seats: list[int]
) -> SessionFigures:
    series, item, starts_at, ends_at, room, capacity = head
    signups, attended, no_shows, walk_ins = seats
    return SessionFigures(
        session_id, series, item, starts_at, ends_at, room, capacity, signups, attended,
        no_shows, walk_ins, cancelled=False,
    )  # fmt: skip


def room_bookings(session: Session, actor: Actor, room_id: int, period: Period) -> list[BookingRow]:
    """The room's held (confirmed) bookings that meet the period, by start: those its booked
    hours count (pending requests, cancelled and turned-down bookings hold no room)."""
    actor.require(Permission.RECEPTION)
    booker = aliased(Account)
    query = (
        select(
            Booking.id,
            Booking.starts_at,
            Booking.ends_at,
            Booking.title,
            Organisation.name,
            Person.name,
            booker.display_name,
        )
        .outerjoin(Organisation, Organisation.id == Booking.organisation_id)
        .outerjoin(Person, Person.id == Booking.person_id)
        .outerjoin(
            booker, booker.id == func.coalesce(Booking.booker_account_id, Booking.created_by_id)
        )
        .where(
            Booking.room_id == room_id,
            Booking.status == BookingStatus.CONFIRMED.value,
            Booking.starts_at < period.end,
            Booking.ends_at > period.start,
        )
        .order_by(Booking.starts_at, Booking.id)
    )
    return [
        BookingRow(booking_id, starts_at, ends_at, title, organisation or person or account or "")
        for booking_id, starts_at, ends_at, title, organisation, person, account in (
            session.execute(query)
        )
    ]


def volunteer_records(
    session: Session, actor: Actor, person_id: int, period: Period
) -> list[RecordLine]:
    """The volunteer's service records of the period (the hours their bar adds up), newest
    first."""
    return records_of(session, actor, person_id, period.first, period.last)


def hours_of(records: list[RecordLine]) -> Decimal:
    return sum((record.hours for record in records), Decimal("0.0"))
