"""Planning activity sessions: one session in a booked room, a recurring plan of them, changing,
closing and cancelling a session.

A session holds its room through a booking of kind ACTIVITY written by the Rooms service in the
same transaction (`app.services.rooms.create`), so the room's no-double-booking rule, opening
hours and closed days are the Rooms desk's own: a clash is refused with `BookingConflict` naming
the booking in the way, a closed day with the Rooms wording, and nothing is written.

A plan ("every Wednesday afternoon this term") is one booking series and one session per date
it books. Closed days (statutory holidays, the centre's closures, a weekday the room is closed)
are skipped by themselves and reported; a date that clashes refuses the plan, naming each date
and the booking in the way, unless the user chose to skip it. Signups of a plan's session close
`deadline_days` days before it, at its start time (None: at the start).

A session of a plan changed on its own moves its own booking only (the Rooms desk's "this
occurrence", which marks it detached: later changes of the series leave it be).

Every write takes the session's row lock first (`lock_session`), then the room's (inside the
Rooms service): the same order as signing up, so two desks never wait on each other in a ring.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.errors import ConflictError, ValidationError
from app.i18n import translate
from app.models import (
    ActivitySession,
    Booking,
    BookingKind,
    Organisation,
    Room,
    ServiceItem,
    SessionPlan,
    Signup,
    SignupStatus,
)
from app.security import Actor, Permission
from app.services import audit
from app.services import rooms as rooms_service
from app.services.menu.reads import RosterLine, roster
from app.services.menu.signups import Promoted, lock_session, promote_waitlist
from app.services.menu.status import seats_taken
from app.services.rooms.checks import TITLE_MAX, bookable_room, check_times
from app.services.rooms.conflicts import OccurrenceProblem
from app.services.rooms.recurrence import Recurrence
from app.services.rooms.rule import HOLDING

ORGANISER_MAX = 40  # ActivitySession.organiser, SessionPlan.organiser
AUDIENCE_MAX = 60  # ActivitySession.audience


@dataclass(frozen=True)
class SessionInput:
    """The session form. `organisation_id` None: the item's provider; `audience` None: the
    item's words. `allow_over_capacity`: the user confirmed more seats than the room has.
    `override_reason`: an admin's reason to book a closed day or outside opening hours.
    `allow_past`: the user confirmed a start in the past (recording a session afterwards)."""

    item_id: int
    room_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    signup_deadline: dt.datetime | None = None
    organisation_id: int | None = None
    organiser: str = ""
    audience: str | None = None
    note: str = ""
    allow_over_capacity: bool = False
    override_reason: str = ""
    allow_past: bool = False


@dataclass(frozen=True)
class PlanInput:
    """A recurring plan: the session's fields, its first day and times, and how it repeats.
    `deadline_days`: signups close that many days before each session, at its start time
    (None: at the start)."""

    item_id: int
    room_id: int
    first_day: dt.date
    start_time: dt.time
    end_time: dt.time
    recurrence: Recurrence
    capacity: int
    deadline_days: int | None = None
    organisation_id: int | None = None
    organiser: str = ""
    audience: str | None = None
    note: str = ""
    allow_over_capacity: bool = False

    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(self.first_day, self.start_time)

    @property
    def ends_at(self) -> dt.datetime:
        return dt.datetime.combine(self.first_day, self.end_time)


@dataclass(frozen=True)
class SessionCreated:
    session_id: int
    booking_id: int
    capacity_warning: str | None = None


@dataclass(frozen=True)
class SessionUpdated:
    promoted: list[Promoted] = field(default_factory=list)  # moved up from the waitlist
    capacity_warning: str | None = None


@dataclass(frozen=True)
class PlanPreview:
    """What `create_plan` would do: every date of the rule, the closed ones it skips by itself
    (with why), and the clashes (the booking in the way) that refuse it unless skipped."""

    dates: list[dt.date]
    closed: list[tuple[dt.date, str]]
    clashes: list[OccurrenceProblem]
    capacity_warning: str | None = None
    # Closed days and clashes as the Rooms desk lists them (one per date and booking in the
    # way), by date: what the editor's report shows.
    problems: list[OccurrenceProblem] = field(default_factory=list)

    @property
    def clash_dates(self) -> list[dt.date]:
        return sorted({problem.starts_at.date() for problem in self.clashes})

    @property
    def bookable(self) -> list[dt.date]:
        """The dates booked when the clashing ones are skipped too."""
        left_out = {day for day, _ in self.closed} | set(self.clash_dates)
        return [day for day in self.dates if day not in left_out]


@dataclass(frozen=True)
class PlanCreated:
    plan_id: int
    session_ids: list[int]
    skipped_dates: list[dt.date]  # closed days and the clashing dates chosen to skip
    capacity_warning: str | None = None


@dataclass(frozen=True)
class _Checked:
    item: ServiceItem
    room: Room
    organisation_id: int | None
    organiser: str
    audience: str
    note: str
    capacity_warning: str | None


def _check(
    session: Session, data: SessionInput | PlanInput, existing_item: int | None = None
) -> _Checked:
    """The fields every session write checks before the room is asked for."""
    item = session.get(ServiceItem, data.item_id) if data.item_id else None
    if item is None:
        raise ValidationError("item_id", translate("Menu", "Choose an activity from the menu."))
    if not item.active and item.id != existing_item:
        raise ValidationError(
            "item_id",
            translate("Menu", "%1 is no longer on the menu. Choose another activity.").replace(
                "%1", item.name
            ),
        )
    room = bookable_room(session, data.room_id)
    check_times(data.starts_at, data.ends_at)
    capacity = data.capacity
    if capacity < 1:
        raise ValidationError(
            "capacity", translate("Menu", "A session has at least one place: give the capacity.")
        )
    warning = None
    if capacity > room.capacity:
        warning = (
            translate("Menu", "%1 places, but %2 seats %3.")
            .replace("%1", str(capacity))
            .replace("%2", room.name)
            .replace("%3", str(room.capacity))
        )
        if not data.allow_over_capacity:
            raise ValidationError(
                "capacity",
                translate(
                    "Menu",
                    "The room seats %1: lower the capacity, or confirm that more people may come.",
                ).replace("%1", str(room.capacity)),
            )
    provider = data.organisation_id if data.organisation_id is not None else item.organisation_id
    if provider is not None and session.get(Organisation, provider) is None:
        raise ValidationError(
            "organisation_id", translate("Menu", "This organisation doesn't exist (any more).")
        )
    organiser = " ".join(data.organiser.split())
    if len(organiser) > ORGANISER_MAX:
        raise ValidationError(
            "organiser",
            translate("Menu", "Say who organises it in at most %1 characters.").replace(
                "%1", str(ORGANISER_MAX)
            ),
        )
    words = " ".join((item.audience if data.audience is None else data.audience).split())
    if len(words) > AUDIENCE_MAX:
        raise ValidationError(
            "audience",
            translate("Menu", "Say who it is for in at most %1 characters.").replace(
                "%1", str(AUDIENCE_MAX)
            ),
        )
    return _Checked(item, room, provider, organiser, words, data.note.strip(), warning)


def _check_deadline(deadline: dt.datetime | None, starts_at: dt.datetime) -> None:
    if deadline is not None and deadline > starts_at:
        raise ValidationError(
            "signup_deadline",
            translate("Menu", "Signups must close by the start of the session, not after it."),
        )


def _booking_input(
    checked: _Checked, data: SessionInput | PlanInput, capacity: int
) -> rooms_service.BookingInput:
    recurrence = data.recurrence if isinstance(data, PlanInput) else None
    return rooms_service.BookingInput(
        room_id=checked.room.id,
        title=checked.item.name[:TITLE_MAX],
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        kind=BookingKind.ACTIVITY,
        organisation_id=checked.organisation_id,
        expected_attendees=capacity,
        override_reason=data.override_reason if isinstance(data, SessionInput) else "",
        allow_past=data.allow_past if isinstance(data, SessionInput) else False,
        recurrence=recurrence,
    )


def _check_session(session: Session, data: SessionInput, existing_item: int | None) -> _Checked:
    checked = _check(session, data, existing_item)
    _check_deadline(data.signup_deadline, data.starts_at)
    return checked


def create_session(session: Session, actor: Actor, data: SessionInput) -> SessionCreated:
    """A session of `data.item_id`, its room booked in the same transaction."""
    actor.require(Permission.MENU)
    checked = _check_session(session, data, None)
    created = rooms_service.create(session, actor, _booking_input(checked, data, data.capacity))
    booking_id = created.booking_ids[0]
    activity = _new_activity(
        checked, data.starts_at, data.ends_at, data.capacity, data.signup_deadline, booking_id
    )
    session.add(activity)
    session.flush()
    audit.record(
        session,
        actor,
        "session.create",
        "activity_session",
        activity.id,
        item=checked.item.name,
        room=checked.room.name,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        capacity=data.capacity,
        booking_id=booking_id,
        over_capacity=checked.capacity_warning,
    )
    return SessionCreated(activity.id, booking_id, checked.capacity_warning)


def _new_activity(
    checked: _Checked,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    capacity: int,
    deadline: dt.datetime | None,
    booking_id: int,
    plan_id: int | None = None,
) -> ActivitySession:
    return ActivitySession(
        item_id=checked.item.id,
        plan_id=plan_id,
        booking_id=booking_id,
        room_id=checked.room.id,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        signup_deadline=deadline,
        organisation_id=checked.organisation_id,
        organiser=checked.organiser,
        audience=checked.audience,
        note=checked.note,
    )


def _live_signups(session: Session, session_id: int) -> int:
    live = (SignupStatus.SIGNED_UP.value, SignupStatus.WAITLISTED.value)
    return (
        session.scalar(
            select(func.count()).where(Signup.session_id == session_id, Signup.status.in_(live))
        )
        or 0
    )


def _refuse_cancelled(activity: ActivitySession) -> None:
    if activity.cancelled:
        raise ConflictError(
            translate("Menu", "This session is cancelled: it can't be changed any more.")
        )


def update_session(
    session: Session, actor: Actor, session_id: int, data: SessionInput
) -> SessionUpdated:
    """Change a session to `data`. A new time or room moves its booking (this one only); a
    capacity raised gives the new places to the waitlist at once (returned, to be told)."""
    actor.require(Permission.MENU)
    activity = lock_session(session, session_id)
    _refuse_cancelled(activity)
    if data.item_id != activity.item_id and _live_signups(session, activity.id):
        raise ValidationError(
            "item_id",
            translate(
                "Menu",
                "People have signed up for this session, so its activity can't change. Cancel it "
                "and plan the other activity instead.",
            ),
        )
    checked = _check_session(session, data, activity.item_id)
    taken = seats_taken(session, activity.id)
    if data.capacity < taken:
        raise ValidationError(
            "capacity",
            translate(
                "Menu", "%1 people have signed up already: the capacity can't be lower than that."
            ).replace("%1", str(taken)),
        )
    before = _values(activity)
    booking = session.get(Booking, activity.booking_id) if activity.booking_id else None
    wanted = _booking_input(checked, data, data.capacity)
    if booking is None or booking.status not in HOLDING:
        # Never booked (an old session) or its booking was cancelled on the Rooms desk: book
        # the room anew.
        created = rooms_service.create(session, actor, wanted)
        activity.booking_id = created.booking_ids[0]
    elif _booking_changes(booking, wanted):
        rooms_service.update(session, actor, booking.id, wanted, rooms_service.Scope.THIS)
    grew = data.capacity > activity.capacity
    activity.item_id = checked.item.id
    activity.room_id = checked.room.id
    activity.starts_at, activity.ends_at = data.starts_at, data.ends_at
    activity.capacity = data.capacity
    activity.signup_deadline = data.signup_deadline
    activity.organisation_id = checked.organisation_id
    activity.organiser = checked.organiser
    activity.audience = checked.audience
    activity.note = checked.note
    session.flush()
    after = _values(activity)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    audit.record(
        session,
        actor,
        "session.update",
        "activity_session",
        activity.id,
        changes=changes,
        over_capacity=checked.capacity_warning,
    )
    promoted = promote_waitlist(session, actor, activity) if grew else []
    return SessionUpdated(promoted, checked.capacity_warning)


def _values(activity: ActivitySession) -> dict[str, object]:
    return {
        "item_id": activity.item_id,
        "room_id": activity.room_id,
        "starts_at": activity.starts_at,
        "ends_at": activity.ends_at,
        "capacity": activity.capacity,
        "signup_deadline": activity.signup_deadline,
        "organisation_id": activity.organisation_id,
        "organiser": activity.organiser,
        "audience": activity.audience,
        "note": activity.note,
    }


def _booking_changes(booking: Booking, wanted: rooms_service.BookingInput) -> bool:
    return (
        booking.room_id,
        booking.starts_at,
        booking.ends_at,
        booking.title,
        booking.expected_attendees,
        booking.organisation_id,
    ) != (
        wanted.room_id,
        wanted.starts_at,
        wanted.ends_at,
        wanted.title,
        wanted.expected_attendees,
        wanted.organisation_id,
    ) or bool(wanted.override_reason)


def set_signups_closed(session: Session, actor: Actor, session_id: int, closed: bool) -> None:
    """Close signups by hand (the session stays, its signups too), or open them again."""
    actor.require(Permission.MENU)
    activity = lock_session(session, session_id)
    _refuse_cancelled(activity)
    if activity.closed == closed:
        return
    activity.closed = closed
    session.flush()
    action = "session.close_signups" if closed else "session.open_signups"
    audit.record(session, actor, action, "activity_session", activity.id)


def cancel_session(
    session: Session, actor: Actor, session_id: int, reason: str
) -> list[RosterLine]:
    """Cancel a session that hasn't begun, freeing its room; the people to phone (signed up,
    then waiting, in the roster's order) are returned. Their signups stay as they were."""
    actor.require(Permission.MENU)
    why = " ".join(reason.split())
    if not why:
        raise ValidationError(
            "reason",
            translate("Menu", "Say why the session is cancelled: the people signed up are told."),
        )
    activity = lock_session(session, session_id)
    if activity.cancelled:
        raise ConflictError(translate("Menu", "This session is already cancelled."))
    if clock.now() >= activity.starts_at:
        raise ValidationError(
            "reason",
            translate("Menu", "This session has begun or is over: it can't be cancelled."),
        )
    people = roster(session, actor, activity.id)
    to_phone = people.registered + people.waitlist
    booking = session.get(Booking, activity.booking_id) if activity.booking_id else None
    if booking is not None and booking.status in HOLDING:
        rooms_service.cancel(session, actor, booking.id, rooms_service.Scope.THIS, why)
    activity.cancelled = True
    activity.cancelled_at = clock.now()
    activity.cancelled_reason = why
    session.flush()
    audit.record(
        session,
        actor,
        "session.cancel",
        "activity_session",
        activity.id,
        reason=why,
        booking_id=activity.booking_id,
        signed_up=len(people.registered),
        waiting=len(people.waitlist),
    )
    return to_phone


# --- recurring plans ----------------------------------------------------------------------------


def _check_plan(session: Session, data: PlanInput) -> _Checked:
    checked = _check(session, data)
    if data.deadline_days is not None and data.deadline_days < 0:
        raise ValidationError(
            "deadline_days",
            translate("Menu", "Signups close 0 or more days before each session."),
        )
    return checked


def preview_plan(session: Session, actor: Actor, data: PlanInput) -> PlanPreview:
    """The dates a plan would give and what stands in its way; changes nothing."""
    actor.require(Permission.MENU)
    return _preview(session, actor, data, _check_plan(session, data))


def _preview(session: Session, actor: Actor, data: PlanInput, checked: _Checked) -> PlanPreview:
    planned = rooms_service.plan(session, actor, _booking_input(checked, data, data.capacity))
    closed: dict[dt.date, OccurrenceProblem] = {}
    for problem in planned.closed:
        closed.setdefault(problem.starts_at.date(), problem)
    clashes = [p for p in planned.clashes if p.starts_at.date() not in closed]
    return PlanPreview(
        [start.date() for start, _ in planned.occurrences],
        [(day, problem.closed or "") for day, problem in sorted(closed.items())],
        clashes,
        checked.capacity_warning,
        sorted([*closed.values(), *clashes], key=lambda p: (p.starts_at, p.clash is not None)),
    )


def create_plan(
    session: Session, actor: Actor, data: PlanInput, *, skip: Collection[dt.date] = ()
) -> PlanCreated:
    """A plan and one session per date it books: closed days are left out by themselves, the
    dates in `skip` (clashes the user chose to skip) too; any other clash refuses the whole plan
    with `BookingConflict` naming each date and the booking in the way."""
    actor.require(Permission.MENU)
    checked = _check_plan(session, data)
    preview = _preview(session, actor, data, checked)
    left_out = {day for day, _ in preview.closed} | set(skip)
    skip_starts = [
        dt.datetime.combine(day, data.start_time) for day in preview.dates if day in left_out
    ]
    wanted = _booking_input(checked, data, data.capacity)
    created = rooms_service.create(session, actor, wanted, skip=skip_starts)
    rule = data.recurrence.rule(data.first_day)
    plan = SessionPlan(
        item_id=checked.item.id,
        room_id=checked.room.id,
        booking_series_id=created.series_id,
        rule=rule,
        first_day=data.first_day,
        start_time=data.start_time,
        end_time=data.end_time,
        capacity=data.capacity,
        deadline_days=data.deadline_days,
        organisation_id=checked.organisation_id,
        organiser=checked.organiser,
        note=checked.note,
        created_by_id=actor.account_id,
    )
    session.add(plan)
    session.flush()
    bookings = session.scalars(
        select(Booking).where(Booking.id.in_(created.booking_ids)).order_by(Booking.starts_at)
    )
    activities = [
        _new_activity(
            checked,
            booking.starts_at,
            booking.ends_at,
            data.capacity,
            _deadline(booking.starts_at, data.deadline_days),
            booking.id,
            plan.id,
        )
        for booking in bookings
    ]
    session.add_all(activities)
    session.flush()
    skipped = sorted({start.date() for start in created.skipped})
    audit.record(
        session,
        actor,
        "session_plan.create",
        "session_plan",
        plan.id,
        item=checked.item.name,
        room=checked.room.name,
        rule=rule,
        sessions=[activity.id for activity in activities],
        skipped=skipped,
        closed=[f"{day}: {why}" for day, why in preview.closed],
    )
    return PlanCreated(
        plan.id, [activity.id for activity in activities], skipped, checked.capacity_warning
    )


def _deadline(starts_at: dt.datetime, days: int | None) -> dt.datetime | None:
    """`days` days before the session at its start time; None (at the start) when not set."""
    if days is None:
        return None
    return starts_at - dt.timedelta(days=days)
