"""What the desk, Home, Reception and the printed sheet read about sessions and signups."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from app import clock
from app.errors import NotFound
from app.i18n import translate
from app.models import (
    ActivitySession,
    BuildingGroup,
    Community,
    Organisation,
    Person,
    PersonSearchKey,
    Room,
    ServiceItem,
    ServiceSeries,
    SessionStatus,
    Signup,
    SignupStatus,
)
from app.people_fields import mask_phone
from app.security import Actor, Permission
from app.services.menu import audience
from app.services.menu.status import signups_close_at, status_of


@dataclass(frozen=True)
class SessionRow:
    id: int
    item_id: int
    item: str
    series_id: int
    series: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room_id: int | None
    room: str
    capacity: int
    taken: int  # seats of the registered signups
    waiting: int  # people on the waitlist
    status: SessionStatus
    signups_close_at: dt.datetime
    organiser: str
    audience: str
    volunteer_service: bool

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.taken)


@dataclass(frozen=True)
class SessionDetail:
    row: SessionRow
    description: str
    note: str
    signup_deadline: dt.datetime | None
    organisation_id: int | None
    organisation: str
    booking_id: int | None
    plan_id: int | None
    room_capacity: int | None
    closed: bool  # signups closed by hand
    cancelled_reason: str
    attendance_closed_at: dt.datetime | None
    rule: str  # the item's audience rule in words (60岁以上 / 3–8岁，家长陪同)
    with_parent: bool


@dataclass(frozen=True)
class RosterLine:
    signup_id: int
    person_id: int
    name: str
    member_code: str
    community: str
    building_group: str
    phone: str  # masked
    companion_id: int | None
    companion: str  # the companion's name, "" when none
    seats: int
    status: SignupStatus
    position: int | None  # rank on the waitlist, 1 = next
    attended: bool
    no_show: bool
    walk_in: bool
    override_reason: str
    signed_up_at: dt.datetime
    promoted_at: dt.datetime | None


@dataclass(frozen=True)
class Roster:
    """`registered`: signed up beforehand, in pinyin order, then `walk_ins` as they came: the
    printed sheet's order and the attendance list's. `waitlist` in line order."""

    registered: list[RosterLine]
    walk_ins: list[RosterLine]
    waitlist: list[RosterLine]
    cancelled: list[RosterLine]

    @property
    def sheet(self) -> list[RosterLine]:
        return self.registered + self.walk_ins

    @property
    def expected(self) -> int:
        """应到: people signed up beforehand, companions counted."""
        return sum(line.seats for line in self.registered)

    @property
    def present(self) -> int:
        """实到: people ticked, companions counted, walk-ins included."""
        return sum(line.seats for line in self.sheet if line.attended)


def seat_sums() -> tuple[Any, Any]:
    """Per session (correlated): the seats of its registered signups, and how many wait."""
    taken = (
        select(func.coalesce(func.sum(Signup.seats), 0))
        .where(
            Signup.session_id == ActivitySession.id,
            Signup.status == SignupStatus.SIGNED_UP.value,
        )
        .correlate(ActivitySession)
        .scalar_subquery()
    )
    waiting = (
        select(func.count())
        .where(
            Signup.session_id == ActivitySession.id,
            Signup.status == SignupStatus.WAITLISTED.value,
        )
        .correlate(ActivitySession)
        .scalar_subquery()
    )
    return taken, waiting


def rows_query() -> Select[Any]:
    """Sessions with their item, series, seats taken, people waiting and room: the columns
    `session_row` turns into a `SessionRow`."""
    taken, waiting = seat_sums()
    return (
        select(
            ActivitySession,
            ServiceItem.name,
            ServiceSeries.name,
            ServiceSeries.id,
            taken,
            waiting,
            func.coalesce(Room.name, ""),
            ServiceItem.is_volunteer_service,
        )
        .join(ServiceItem, ServiceItem.id == ActivitySession.item_id)
        .join(ServiceSeries, ServiceSeries.id == ServiceItem.series_id)
        .outerjoin(Room, Room.id == ActivitySession.room_id)
    )


def session_row(values: tuple[object, ...], now: dt.datetime) -> SessionRow:
    activity, item, series, series_id, taken, waiting, room, volunteer = values
    assert isinstance(activity, ActivitySession)
    return SessionRow(
        id=activity.id,
        item_id=activity.item_id,
        item=str(item),
        series_id=int(series_id),  # type: ignore[call-overload]
        series=str(series),
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        room_id=activity.room_id,
        room=str(room),
        capacity=activity.capacity,
        taken=int(taken),  # type: ignore[call-overload]
        waiting=int(waiting),  # type: ignore[call-overload]
        status=status_of(activity, int(taken), now),  # type: ignore[call-overload]
        signups_close_at=signups_close_at(activity),
        organiser=activity.organiser,
        audience=activity.audience,
        volunteer_service=bool(volunteer),
    )


def sessions_between(
    session: Session,
    actor: Actor,
    start: dt.datetime,
    end: dt.datetime,
    *,
    series_id: int | None = None,
    item_id: int | None = None,
    include_cancelled: bool = True,
) -> list[SessionRow]:
    """Sessions starting in [start, end), by start time."""
    actor.require(Permission.RECEPTION)
    query = rows_query().where(ActivitySession.starts_at >= start, ActivitySession.starts_at < end)
    if series_id is not None:
        query = query.where(ServiceItem.series_id == series_id)
    if item_id is not None:
        query = query.where(ActivitySession.item_id == item_id)
    if not include_cancelled:
        query = query.where(ActivitySession.cancelled.is_(False))
    query = query.order_by(ActivitySession.starts_at, ActivitySession.id)
    now = clock.now()
    return [session_row(tuple(values), now) for values in session.execute(query)]


def get_session(session: Session, actor: Actor, session_id: int) -> SessionDetail:
    actor.require(Permission.RECEPTION)
    values = session.execute(rows_query().where(ActivitySession.id == session_id)).first()
    if values is None:
        raise NotFound(translate("Menu", "This session no longer exists."))
    row = session_row(tuple(values), clock.now())
    activity: ActivitySession = values[0]
    organisation = (
        session.get(Organisation, activity.organisation_id) if activity.organisation_id else None
    )
    room = session.get(Room, activity.room_id) if activity.room_id else None
    item = activity.item
    return SessionDetail(
        row=row,
        description=item.description,
        note=activity.note,
        signup_deadline=activity.signup_deadline,
        organisation_id=activity.organisation_id,
        organisation=organisation.name if organisation else "",
        booking_id=activity.booking_id,
        plan_id=activity.plan_id,
        room_capacity=room.capacity if room else None,
        closed=activity.closed,
        cancelled_reason=activity.cancelled_reason,
        attendance_closed_at=activity.attendance_closed_at,
        rule=audience.describe(item),
        with_parent=item.with_parent,
    )


def roster(session: Session, actor: Actor, session_id: int) -> Roster:
    """Everyone who signed up for the session, in the sheet's order (see `Roster`)."""
    actor.require(Permission.RECEPTION)
    if session.get(ActivitySession, session_id) is None:
        raise NotFound(translate("Menu", "This session no longer exists."))
    companion = aliased(Person)
    sort_key = aliased(PersonSearchKey)
    rows = session.execute(
        select(
            Signup,
            Person.name,
            Person.member_code,
            Person.phone,
            func.coalesce(Community.name, ""),
            func.coalesce(BuildingGroup.name, ""),
            func.coalesce(companion.name, ""),
            func.coalesce(sort_key.key, Person.name),
        )
        .join(Person, Person.id == Signup.person_id)
        .outerjoin(companion, companion.id == Signup.companion_id)
        .outerjoin(Community, Community.id == Person.community_id)
        .outerjoin(BuildingGroup, BuildingGroup.id == Person.building_group_id)
        .outerjoin(sort_key, and_(sort_key.person_id == Person.id, sort_key.kind == "sort"))
        .where(Signup.session_id == session_id)
    ).all()
    registered: list[tuple[str, int, RosterLine]] = []
    walk_ins: list[tuple[dt.datetime, int, RosterLine]] = []
    waitlist: list[tuple[int, int, RosterLine]] = []
    cancelled: list[tuple[dt.datetime, int, RosterLine]] = []
    ranked = sorted(
        (s.waitlist_position or 0, s.id)
        for s, *_ in rows
        if s.status == SignupStatus.WAITLISTED.value
    )
    rank = {signup_id: n for n, (_, signup_id) in enumerate(ranked, start=1)}
    for signup, name, code, phone, community, group, companion_name, key in rows:
        line = RosterLine(
            signup_id=signup.id,
            person_id=signup.person_id,
            name=name,
            member_code=code,
            community=community,
            building_group=group,
            phone=mask_phone(phone),
            companion_id=signup.companion_id,
            companion=companion_name,
            seats=signup.seats,
            status=SignupStatus(signup.status),
            position=rank.get(signup.id),
            attended=signup.attended,
            no_show=signup.no_show,
            walk_in=signup.walk_in,
            override_reason=signup.override_reason,
            signed_up_at=signup.created_at,
            promoted_at=signup.promoted_at,
        )
        if line.status == SignupStatus.CANCELLED:
            cancelled.append((signup.cancelled_at or signup.updated_at, signup.id, line))
        elif line.status == SignupStatus.WAITLISTED:
            waitlist.append((signup.waitlist_position or 0, signup.id, line))
        elif signup.walk_in:
            walk_ins.append((signup.attended_at or signup.created_at, signup.id, line))
        else:
            registered.append((key, signup.person_id, line))
    return Roster(
        [line for *_, line in sorted(registered, key=lambda entry: entry[:2])],
        [line for *_, line in sorted(walk_ins, key=lambda entry: entry[:2])],
        [line for *_, line in sorted(waitlist, key=lambda entry: entry[:2])],
        [line for *_, line in sorted(cancelled, key=lambda entry: entry[:2])],
    )


@dataclass(frozen=True)
class ItemEntry:
    id: int
    name: str
    description: str
    audience: str  # the words printed on the menu
    rule: str  # the audience rule in words
    volunteer_service: bool
    with_parent: bool
    organisation_id: int | None
    default_capacity: int | None
    default_minutes: int | None
    active: bool


@dataclass(frozen=True)
class SeriesEntry:
    id: int
    code: str
    name: str
    description: str
    active: bool
    items: list[ItemEntry]


def menu_tree(
    session: Session, actor: Actor, *, include_inactive: bool = False
) -> list[SeriesEntry]:
    """The five series with their items, in menu order."""
    actor.require(Permission.RECEPTION)
    series = session.scalars(
        select(ServiceSeries).order_by(ServiceSeries.sort_order, ServiceSeries.id)
    )
    items = session.scalars(select(ServiceItem).order_by(ServiceItem.sort_order, ServiceItem.id))
    by_series: dict[int, list[ItemEntry]] = {}
    for item in items:
        if not include_inactive and not item.active:
            continue
        by_series.setdefault(item.series_id, []).append(
            ItemEntry(
                id=item.id,
                name=item.name,
                description=item.description,
                audience=item.audience,
                rule=audience.describe(item),
                volunteer_service=item.is_volunteer_service,
                with_parent=item.with_parent,
                organisation_id=item.organisation_id,
                default_capacity=item.default_capacity,
                default_minutes=item.default_minutes,
                active=item.active,
            )
        )
    return [
        SeriesEntry(s.id, s.code, s.name, s.description, s.active, by_series.get(s.id, []))
        for s in series
        if include_inactive or s.active
    ]
