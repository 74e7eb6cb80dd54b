"""Home (首页): today's figures straight from the database, and the charts' figures (this month's
visits by purpose and participation per series, this week's room use, this year's top volunteers)
read by the statistics' own queries. Every role sees Home: aggregates only, no REPORTS check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from app import clock
from app.models import (
    Account,
    ActivitySession,
    Booking,
    BookingStatus,
    Organisation,
    Person,
    Purpose,
    Room,
    ServiceItem,
    ServiceSeries,
    Visit,
)
from app.security import Actor, Permission
from app.services.menu.reads import seat_sums
from app.services.statistics import TOP_VOLUNTEERS
from app.services.statistics import activity as statistics_activity
from app.services.statistics import rooms as statistics_rooms
from app.services.statistics import volunteers as statistics_volunteers
from app.services.statistics.period import Period
from app.services.statistics.rows import PurposeCount, RoomUse, SeriesFigures, VolunteerHours


@dataclass(frozen=True)
class BookingLine:
    room: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str
    status: BookingStatus


@dataclass(frozen=True)
class SessionLine:
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    series: str
    item: str
    room: str
    signed_up: int  # seats taken by the registered signups: a companion takes a seat too
    capacity: int
    waitlisted: int  # people waiting

    @property
    def full(self) -> bool:
        return self.signed_up >= self.capacity


@dataclass(frozen=True)
class HomeFigures:
    day: dt.date
    visits_by_purpose: dict[Purpose, int]
    bookings: list[BookingLine]
    sessions: list[SessionLine]
    pending_approvals: int
    visits_per_day: list[tuple[dt.date, int]]  # the last 30 days, today included
    # The charts: the calendar month, the week (Monday to Sunday) and the year of `day`.
    purposes_this_month: list[PurposeCount] = field(default_factory=list)
    series_this_month: list[SeriesFigures] = field(default_factory=list)
    rooms_this_week: list[RoomUse] = field(default_factory=list)
    volunteers_this_year: list[VolunteerHours] = field(default_factory=list)  # the top 10

    @property
    def visits_today(self) -> int:
        return sum(self.visits_by_purpose.values())


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


def visits_by_purpose(session: Session, day: dt.date) -> dict[Purpose, int]:
    start, end = _day_bounds(day)
    rows = session.execute(
        select(Visit.purpose, func.count())
        .where(Visit.at >= start, Visit.at < end, Visit.undone_at.is_(None))
        .group_by(Visit.purpose)
    )
    return {Purpose(purpose): count for purpose, count in rows}


def bookings_on(session: Session, day: dt.date) -> list[BookingLine]:
    start, end = _day_bounds(day)
    rows = session.execute(
        select(Room.name, Booking.starts_at, Booking.ends_at, Booking.title, Booking.status)
        .join(Room, Room.id == Booking.room_id)
        .where(
            Booking.starts_at < end,
            Booking.ends_at > start,
            Booking.status != BookingStatus.CANCELLED.value,
        )
        .order_by(Booking.starts_at, Room.sort_order, Room.name)
    )
    return [BookingLine(r, s, e, t, BookingStatus(st)) for r, s, e, t, st in rows]


def sessions_between(session: Session, start: dt.datetime, end: dt.datetime) -> list[SessionLine]:
    """The sessions starting in [start, end), cancelled ones left out, with their seats taken
    (as `app.services.menu.status.seats_taken` counts them) and how many wait."""
    signed, waiting = seat_sums()
    rows = session.execute(
        select(
            ActivitySession.id,
            ActivitySession.starts_at,
            ActivitySession.ends_at,
            ServiceSeries.name,
            ServiceItem.name,
            func.coalesce(Room.name, ""),
            signed,
            ActivitySession.capacity,
            waiting,
        )
        .join(ServiceItem, ServiceItem.id == ActivitySession.item_id)
        .join(ServiceSeries, ServiceSeries.id == ServiceItem.series_id)
        .outerjoin(Room, Room.id == ActivitySession.room_id)
        .where(
            ActivitySession.starts_at >= start,
            ActivitySession.starts_at < end,
            ActivitySession.cancelled.is_(False),
        )
        .order_by(ActivitySession.starts_at, ActivitySession.id)
    )
    return [SessionLine(*row) for row in rows]


def _awaiting_approval() -> ColumnElement[bool]:
    """Bookings requested and not yet decided that still lie ahead (or are under way)."""
    return and_(Booking.status == BookingStatus.PENDING.value, Booking.ends_at > clock.now())


def pending_approvals(session: Session) -> int:
    return (
        session.scalar(select(func.count()).select_from(Booking).where(_awaiting_approval())) or 0
    )


@dataclass(frozen=True)
class PendingLine:
    """A booking awaiting approval, as Home lists it for staff."""

    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str
    title: str
    booker: str  # the organisation, the resident, or the account that asked


def pending_bookings(session: Session, actor: Actor) -> list[PendingLine]:
    """Every booking awaiting approval (those `pending_approvals` counts), soonest first."""
    actor.require(Permission.ROOMS)
    rows = session.execute(
        select(
            Booking.id,
            Booking.starts_at,
            Booking.ends_at,
            Room.name,
            Booking.title,
            func.coalesce(Organisation.name, Person.name, Account.display_name, ""),
        )
        .join(Room, Room.id == Booking.room_id)
        .outerjoin(Organisation, Organisation.id == Booking.organisation_id)
        .outerjoin(Person, Person.id == Booking.person_id)
        .outerjoin(
            Account, Account.id == func.coalesce(Booking.booker_account_id, Booking.created_by_id)
        )
        .where(_awaiting_approval())
        .order_by(Booking.starts_at, Room.sort_order, Booking.id)
    )
    return [PendingLine(*row) for row in rows]


def visits_per_day(
    session: Session, last_day: dt.date, days: int = 30
) -> list[tuple[dt.date, int]]:
    period = Period.last_days(last_day, days)
    return [(line.day, line.visits) for line in statistics_activity.visits_per_day(session, period)]


def figures(session: Session, today: dt.date | None = None) -> HomeFigures:
    day = today or clock.today()
    week_end = dt.datetime.combine(day + dt.timedelta(days=7), dt.time())
    month = Period.month(day.year, day.month)
    return HomeFigures(
        day=day,
        visits_by_purpose=visits_by_purpose(session, day),
        bookings=bookings_on(session, day),
        sessions=sessions_between(session, dt.datetime.combine(day, dt.time()), week_end),
        pending_approvals=pending_approvals(session),
        visits_per_day=visits_per_day(session, day),
        purposes_this_month=statistics_activity.visits_by_purpose(session, month),
        series_this_month=statistics_activity.series(session, month),
        rooms_this_week=statistics_rooms.room_use(session, Period.week_of(day)),
        volunteers_this_year=statistics_volunteers.volunteer_hours(
            session, Period.year(day.year), TOP_VOLUNTEERS
        ),
    )
