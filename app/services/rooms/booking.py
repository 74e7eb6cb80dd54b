"""Booking rooms: one booking or a series, with the no-double-booking rule checked inside the
writing transaction, opening hours and closed days, approval of requests, and the lookups the
editor and the Home desk need.

- `plan` previews a booking or series: its occurrences, each one that clashes (naming the
  booking in the way) or falls on a closed day, and a capacity warning.
- `create` writes it, skipping the occurrences the user chose to skip (kept as cancelled rows, so
  they never come back and the .ics export lists them as EXDATEs); any other clash refuses the
  whole series with `BookingConflict` listing every clash.
- `update`, `move`, `cancel` (in `editing`) change one occurrence, this and the following ones,
  or all that haven't begun; `approve` and `reject` decide pending requests.

Desk accounts (Permission.RECEPTION only) request bookings, which start pending; staff and
admins (Permission.ROOMS) confirm at once unless `confirm=False`, and decide requests. A pending
booking holds its room like a confirmed one, so approving it never clashes.

An occurrence of a series keeps `occurrence_start`, the start the rule gave it when it was
written: its identity (RECURRENCE-ID) while its own times are edited. At most one occurrence falls
on a day, so its day, `occurrence_start.date()`, names it within the series.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app import clock
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import translate
from app.models import (
    Account,
    Booking,
    BookingKind,
    BookingSeries,
    BookingStatus,
    Organisation,
    Person,
    Room,
)
from app.people_fields import mask_phone
from app.security import Actor, Permission
from app.services import audit
from app.services.rooms.checks import BookingInput as BookingInput
from app.services.rooms.checks import (
    Checked,
    capacity_warning,
    check_not_past,
    check_times,
    checked,
    new_status,
    opening_problems,
    refuse_closed,
)
from app.services.rooms.checks import Scope as Scope
from app.services.rooms.conflicts import BookingConflict as BookingConflict
from app.services.rooms.conflicts import Clash as Clash
from app.services.rooms.conflicts import OccurrenceProblem as OccurrenceProblem
from app.services.rooms.conflicts import find_clashes, guarded_write, lock_room
from app.services.rooms.days import OpeningCalendar
from app.services.rooms.recurrence import Recurrence, occurrence_days
from app.services.rooms.rule import HOLDING, clashing
from app.services.rooms.views import BookingBlock, RoomColumn, find_blocks

Times = list[tuple[dt.datetime, dt.datetime]]


@dataclass(frozen=True)
class SeriesPlan:
    """What `create` would book: every occurrence, and those it can't as they are."""

    occurrences: Times
    problems: list[OccurrenceProblem]
    capacity_warning: str | None = None

    @property
    def clashes(self) -> list[OccurrenceProblem]:
        return [problem for problem in self.problems if problem.clash is not None]

    @property
    def closed(self) -> list[OccurrenceProblem]:
        return [problem for problem in self.problems if problem.closed is not None]

    @property
    def problem_starts(self) -> list[dt.datetime]:
        """The starts to pass as `create(..., skip=…)` to book the rest."""
        return sorted({problem.starts_at for problem in self.problems})


@dataclass(frozen=True)
class Created:
    booking_ids: list[int]  # the occurrences booked, in order (one for a single booking)
    series_id: int | None
    skipped: list[dt.datetime]  # starts of the occurrences skipped
    status: BookingStatus = BookingStatus.CONFIRMED
    capacity_warning: str | None = None


@dataclass(frozen=True)
class BookingDetail:
    """Everything the booking editor shows of one booking (phones masked)."""

    id: int
    room_id: int
    room: str
    room_capacity: int
    title: str
    kind: BookingKind
    status: BookingStatus
    starts_at: dt.datetime
    ends_at: dt.datetime
    expected_attendees: int | None
    organisation_id: int | None
    organisation: str
    person_id: int | None
    person: str
    booker_account_id: int | None
    booker_account: str
    booker: str  # the organisation, the resident, or the account that booked
    booker_phone: str  # masked
    note: str
    override_reason: str
    created_by_id: int | None
    created_by: str
    created_at: dt.datetime
    decided_by_id: int | None
    decided_by: str
    decided_at: dt.datetime | None
    decision_reason: str
    series_id: int | None
    occurrence_start: dt.datetime | None
    detached: bool
    recurrence: Recurrence | None
    recurrence_text: str  # 每周三，至 2027-01-15
    series_first_day: dt.date | None
    series_last_day: dt.date | None
    series_occurrences: int  # occurrences of the series that hold the room
    capacity_warning: str | None
    may_edit: bool  # the acting account may change or cancel it
    may_decide: bool  # … approve or reject it (it is pending and the account is staff)

    @property
    def pending(self) -> bool:
        return self.status == BookingStatus.PENDING


def wanted_times(data: BookingInput) -> tuple[Times, str | None]:
    """The occurrences `data` asks for and the series' RRULE (None for one booking)."""
    check_times(data.starts_at, data.ends_at)
    if data.recurrence is None:
        return [(data.starts_at, data.ends_at)], None
    if data.ends_at.date() != data.starts_at.date():
        raise ValidationError(
            "ends_at", translate("Rooms", "A repeating booking ends on the day it starts.")
        )
    first_day = data.starts_at.date()
    rule = data.recurrence.rule(first_day)
    days = occurrence_days(rule, first_day)
    start, end = data.starts_at.time(), data.ends_at.time()
    return [(dt.datetime.combine(day, start), dt.datetime.combine(day, end)) for day in days], rule


def plan(session: Session, actor: Actor, data: BookingInput) -> SeriesPlan:
    """What `create(data)` would book and what stands in its way, changing nothing."""
    actor.require(Permission.RECEPTION)
    fields = checked(session, actor, data)
    wanted, _rule = wanted_times(data)
    check_not_past(wanted[0][0], data.allow_past)
    problems: list[OccurrenceProblem] = []
    if not fields.override_reason:
        for (start, end), closed in zip(
            wanted, opening_problems(session, fields.room.id, wanted), strict=True
        ):
            if closed:
                problems.append(OccurrenceProblem(start, end, closed=closed))
    problems += find_clashes(session, fields.room.id, wanted)
    problems.sort(key=lambda problem: (problem.starts_at, problem.clash is None))
    return SeriesPlan(wanted, problems, fields.capacity_warning)


def create(
    session: Session, actor: Actor, data: BookingInput, *, skip: Collection[dt.datetime] = ()
) -> Created:
    """Book `data` (one booking or a series), leaving out the occurrences starting at `skip`."""
    actor.require(Permission.RECEPTION)
    fields = checked(session, actor, data)
    wanted, rule = wanted_times(data)
    skipping = set(skip)
    kept = [times for times in wanted if times[0] not in skipping]
    skipped = [times for times in wanted if times[0] in skipping]
    if not kept:
        raise ValidationError(
            "recurrence",
            translate("Rooms", "Every occurrence is skipped: nothing is left to book."),
        )
    check_not_past(kept[0][0], data.allow_past)
    closed = opening_problems(session, fields.room.id, kept)
    overridden = refuse_closed(actor, fields.override_reason, kept, closed)
    lock_room(session, fields.room.id)
    clashes = find_clashes(session, fields.room.id, kept)
    if clashes:
        raise BookingConflict.of(clashes)
    status = new_status(actor, data.confirm)
    with guarded_write(session, [(fields.room.id, start, end) for start, end in kept]):
        series = None
        if rule is not None:
            series = _new_series(session, actor, fields, data, wanted[0][0].date(), rule)
        rows = [
            new_booking(actor, fields, series, start, end, status, overridden)
            for start, end in kept
        ]
        skip_note = translate("Rooms", "Skipped when the series was booked.")
        rows += [
            new_booking(
                actor, fields, series, start, end, BookingStatus.CANCELLED, False, skip_note
            )
            for start, end in skipped
        ]
        session.add_all(rows)
    booked = [row for row in rows if row.status != BookingStatus.CANCELLED]
    booked.sort(key=lambda row: row.starts_at)
    audit.record(
        session,
        actor,
        "booking.create",
        "booking",
        booked[0].id,
        room=fields.room.name,
        title=fields.title,
        starts_at=booked[0].starts_at,
        ends_at=booked[0].ends_at,
        status=status.value,
        series_id=series.id if series else None,
        rule=rule,
        occurrences=len(booked),
        skipped=[start for start, _ in skipped],
    )
    if overridden:
        record_override(session, actor, booked, fields.override_reason, closed)
    return Created(
        [row.id for row in booked],
        series.id if series else None,
        sorted(start for start, _ in skipped),
        status,
        fields.capacity_warning,
    )


def record_override(
    session: Session,
    actor: Actor,
    rows: Sequence[Booking],
    reason: str,
    closed: Sequence[str | None],
) -> None:
    audit.record(
        session,
        actor,
        "booking.override",
        "booking",
        rows[0].id,
        reason=reason,
        bookings=[row.id for row in rows],
        why=[problem for problem in closed if problem],
    )


def _new_series(
    session: Session,
    actor: Actor,
    fields: Checked,
    data: BookingInput,
    first_day: dt.date,
    rule: str,
) -> BookingSeries:
    series = BookingSeries(
        room_id=fields.room.id,
        title=fields.title,
        kind=fields.kind.value,
        rule=rule,
        first_day=first_day,
        start_time=data.starts_at.time(),
        end_time=data.ends_at.time(),
        expected_attendees=fields.expected_attendees,
        organisation_id=fields.organisation_id,
        person_id=fields.person_id,
        booker_account_id=fields.booker_account_id,
        note=fields.note,
        created_by_id=actor.account_id,
    )
    session.add(series)
    session.flush()
    return series


def new_booking(
    actor: Actor,
    fields: Checked,
    series: BookingSeries | None,
    start: dt.datetime,
    end: dt.datetime,
    status: BookingStatus,
    overridden: bool,
    note: str = "",
) -> Booking:
    return Booking(
        room_id=fields.room.id,
        series_id=series.id if series else None,
        occurrence_start=start if series else None,
        title=fields.title,
        kind=fields.kind.value,
        status=status.value,
        starts_at=start,
        ends_at=end,
        expected_attendees=fields.expected_attendees,
        organisation_id=fields.organisation_id,
        person_id=fields.person_id,
        booker_account_id=fields.booker_account_id,
        created_by_id=actor.account_id,
        note=note or fields.note,
        override_reason=fields.override_reason if overridden else "",
    )


def booking_row(session: Session, booking_id: int) -> Booking:
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise NotFound(translate("Rooms", "This booking doesn't exist (any more)."))
    return booking


def series_rows(session: Session, series_id: int) -> list[Booking]:
    """Every occurrence of a series, cancelled ones too, in the order of the rule."""
    return list(
        session.scalars(
            select(Booking)
            .where(Booking.series_id == series_id)
            .order_by(Booking.occurrence_start, Booking.id)
        )
    )


def recurrence_id(series: BookingSeries, booking: Booking) -> dt.datetime:
    """The instance of `series`' rule an occurrence stands for, as iCalendar names it
    (RECURRENCE-ID, EXDATE): its day at the series' current start time. An occurrence whose
    own times differ from that instance's is an exception to the rule."""
    day = (booking.occurrence_start or booking.starts_at).date()
    return dt.datetime.combine(day, series.start_time)


def get(session: Session, actor: Actor, booking_id: int) -> BookingDetail:
    """One booking as the editor shows it."""
    actor.require(Permission.RECEPTION)
    booking = booking_row(session, booking_id)
    room = session.get(Room, booking.room_id)
    assert room is not None
    organisation = (
        session.get(Organisation, booking.organisation_id) if booking.organisation_id else None
    )
    person = session.get(Person, booking.person_id) if booking.person_id else None
    names = _account_names(
        session, [booking.booker_account_id, booking.created_by_id, booking.decided_by_id]
    )
    booker_account = names.get(booking.booker_account_id or booking.created_by_id or 0, "")
    if organisation is not None:
        booker, phone = organisation.name, organisation.contact_phone
    elif person is not None:
        booker, phone = person.name, person.phone or ""
    else:
        booker, phone = booker_account, ""
    recurrence, text, first, last, holding = None, "", None, None, 0
    if booking.series_id is not None:
        series = session.get(BookingSeries, booking.series_id)
        assert series is not None
        recurrence = Recurrence.from_rule(series.rule, series.first_day)
        text = recurrence.describe(series.first_day)
        first, last, holding = _series_span(session, series.id)
    status = BookingStatus(booking.status)
    may_edit = status in HOLDING and (
        actor.may(Permission.ROOMS)
        or (status == BookingStatus.PENDING and booking.created_by_id == actor.account_id)
    )
    return BookingDetail(
        id=booking.id,
        room_id=room.id,
        room=room.name,
        room_capacity=room.capacity,
        title=booking.title,
        kind=BookingKind(booking.kind),
        status=status,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        expected_attendees=booking.expected_attendees,
        organisation_id=booking.organisation_id,
        organisation=organisation.name if organisation else "",
        person_id=booking.person_id,
        person=person.name if person else "",
        booker_account_id=booking.booker_account_id,
        booker_account=booker_account,
        booker=booker,
        booker_phone=mask_phone(phone) if phone else "",
        note=booking.note,
        override_reason=booking.override_reason,
        created_by_id=booking.created_by_id,
        created_by=names.get(booking.created_by_id or 0, ""),
        created_at=booking.created_at,
        decided_by_id=booking.decided_by_id,
        decided_by=names.get(booking.decided_by_id or 0, ""),
        decided_at=booking.decided_at,
        decision_reason=booking.decision_reason,
        series_id=booking.series_id,
        occurrence_start=booking.occurrence_start,
        detached=booking.detached,
        recurrence=recurrence,
        recurrence_text=text,
        series_first_day=first,
        series_last_day=last,
        series_occurrences=holding,
        capacity_warning=capacity_warning(room, booking.expected_attendees),
        may_edit=may_edit,
        may_decide=status == BookingStatus.PENDING and actor.may(Permission.ROOMS),
    )


def _account_names(session: Session, ids: Sequence[int | None]) -> dict[int, str]:
    wanted = [account_id for account_id in ids if account_id is not None]
    if not wanted:
        return {}
    rows = session.execute(select(Account.id, Account.display_name).where(Account.id.in_(wanted)))
    return {row.id: row.display_name for row in rows}


def _series_span(session: Session, series_id: int) -> tuple[dt.date | None, dt.date | None, int]:
    holding = aliased(Booking)
    first, last = session.execute(
        select(func.min(Booking.occurrence_start), func.max(Booking.occurrence_start)).where(
            Booking.series_id == series_id
        )
    ).one()
    count = session.scalar(
        select(func.count())
        .select_from(holding)
        .where(holding.series_id == series_id, holding.status.in_([s.value for s in HOLDING]))
    )
    return (
        first.date() if first else None,
        last.date() if last else None,
        int(count or 0),
    )


def pending(session: Session, actor: Actor) -> list[BookingBlock]:
    """Requests waiting for approval that haven't ended yet, soonest first (the Home desk)."""
    actor.require(Permission.RECEPTION)
    return find_blocks(
        session,
        Booking.status == BookingStatus.PENDING.value,
        Booking.ends_at > clock.now(),
        by_time=True,
    )


def free_rooms(
    session: Session,
    actor: Actor,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    attendees: int = 0,
) -> list[RoomColumn]:
    """The rooms one could book for [starts_at, ends_at) for `attendees` people: in use and
    bookable, big enough, open then, and held by no booking; the best fit (smallest) first."""
    actor.require(Permission.RECEPTION)
    check_times(starts_at, ends_at)
    if attendees < 0:
        raise ValidationError(
            "expected_attendees",
            translate("Rooms", "The number of people expected can't be negative."),
        )
    candidates = list(
        session.scalars(
            select(Room)
            .where(Room.active.is_(True), Room.bookable.is_(True), Room.capacity >= attendees)
            .order_by(Room.capacity, Room.sort_order, Room.id)
        )
    )
    busy = set(
        session.scalars(
            select(Booking.room_id)
            .where(
                Booking.starts_at < ends_at,
                Booking.ends_at > starts_at,
                Booking.status.in_([status.value for status in HOLDING]),
            )
            .distinct()
        )
    )
    calendar = OpeningCalendar(session, starts_at.date(), ends_at.date())
    return [
        RoomColumn(room.id, room.name, room.capacity, room.colour, room.facilities, room.bookable)
        for room in candidates
        if room.id not in busy and calendar.problem(room.id, starts_at, ends_at) is None
    ]


def is_free(session: Session, room_id: int, starts_at: dt.datetime, ends_at: dt.datetime) -> bool:
    """Whether no booking holds `room_id` during [starts_at, ends_at)."""
    return (
        session.scalar(
            select(func.count()).select_from(Booking).where(clashing(room_id, starts_at, ends_at))
        )
        == 0
    )


def _decided(
    session: Session, actor: Actor, booking_id: int, scope: Scope
) -> tuple[Booking, list[Booking]]:
    """The booking and the pending occurrences a decision in `scope` applies to."""
    actor.require(Permission.ROOMS)
    booking = booking_row(session, booking_id)
    if booking.status != BookingStatus.PENDING:
        raise ConflictError(
            translate("Rooms", "This booking is not waiting for approval any more.")
        )
    if booking.series_id is None or scope == Scope.THIS:
        return booking, [booking]
    now = clock.now()
    rows = [
        row
        for row in series_rows(session, booking.series_id)
        if row.status == BookingStatus.PENDING
        and (row is booking or row.ends_at > now)
        and (
            scope == Scope.ALL
            or (row.occurrence_start or row.starts_at)
            >= (booking.occurrence_start or booking.starts_at)
        )
    ]
    return booking, rows


def approve(
    session: Session, actor: Actor, booking_id: int, scope: Scope = Scope.ALL, reason: str = ""
) -> list[int]:
    """Confirm a pending request (with `scope` ALL, every pending occurrence of its series that
    hasn't ended). A pending booking already holds its room: this never clashes."""
    booking, rows = _decided(session, actor, booking_id, scope)
    with guarded_write(session, [(row.room_id, row.starts_at, row.ends_at) for row in rows]):
        decide(rows, BookingStatus.CONFIRMED, actor, reason)
    return record_decision(session, actor, "booking.approve", booking, rows, scope, reason)


def reject(
    session: Session, actor: Actor, booking_id: int, reason: str, scope: Scope = Scope.ALL
) -> list[int]:
    """Turn a pending request down with a reason; the room is free again."""
    actor.require(Permission.ROOMS)
    if not reason.strip():
        raise ValidationError(
            "reason", translate("Rooms", "Please say why the request is turned down.")
        )
    booking, rows = _decided(session, actor, booking_id, scope)
    decide(rows, BookingStatus.REJECTED, actor, reason)
    session.flush()
    return record_decision(session, actor, "booking.reject", booking, rows, scope, reason)


def decide(rows: Sequence[Booking], status: BookingStatus, actor: Actor, reason: str) -> None:
    """Approve, reject or cancel `rows`: who decided, when and why stay on each."""
    now = clock.now()
    for row in rows:
        row.status = status.value
        row.decided_by_id = actor.account_id
        row.decided_at = now
        row.decision_reason = reason.strip()


def record_decision(
    session: Session,
    actor: Actor,
    action: str,
    booking: Booking,
    rows: Sequence[Booking],
    scope: Scope,
    reason: str,
) -> list[int]:
    audit.record(
        session,
        actor,
        action,
        "booking",
        booking.id,
        scope=str(scope),
        series_id=booking.series_id,
        bookings=[row.id for row in rows],
        reason=reason.strip(),
    )
    return [row.id for row in rows]


from app.services.rooms.editing import cancel as cancel  # noqa: E402
from app.services.rooms.editing import move as move  # noqa: E402
from app.services.rooms.editing import update as update  # noqa: E402
