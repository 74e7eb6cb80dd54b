"""Attendance (签到): ticking the sign-in sheet, member-card scans, walk-ins, closing the
attendance (the rest become no-shows), and the volunteer hours an attended volunteer session
earns.

Rules chosen here (tested in tests/test_menu_attendance.py):
- Attendance opens `OPENS_BEFORE` (60 minutes) before the session starts, when people begin to
  arrive, and stays open until it is closed; a cancelled session takes none.
- After closing, only staff (Permission.MENU) may correct a tick; unticking a registered person
  then marks them a no-show again. `reopen_attendance` (staff) clears the no-show marks and keeps
  every tick.
- A walk-in (现场参加) is a person who came without a seat: recorded as attended, `walk_in`, status
  signed_up, after the registered people on the sheet. A waitlisted or cancelled row of theirs is
  reused (with its companion). A full room doesn't stop it (they are there), but the result
  carries a warning to say the room is over its capacity. Unticking a walk-in removes them from
  the sheet again (their row is cancelled): they were never expected.
- A volunteer session (`ServiceItem.is_volunteer_service`) gives each ticked person one service
  record (kind session, the session's length in hours to one decimal); unticking deletes it.
  Someone without a volunteer profile gets one, numbered from the `volunteer_number` counter as
  the demo centre numbers them (DLZY + 5 digits). A 亲子 companion is not a volunteer: only the
  signed-up person's hours are recorded.

Every write locks the session's row first (`signups.lock_session`), so two desks ticking and
closing at once are served one after the other.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import clock, counters
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.models import (
    ActivitySession,
    Person,
    ServiceRecord,
    ServiceRecordKind,
    Signup,
    SignupStatus,
    Volunteer,
)
from app.security import Actor, Permission
from app.services import audit, search
from app.services.menu.signups import lock_session
from app.services.menu.status import seats_taken

# Attendance opens this long before the start: people come early and sign in at the door.
OPENS_BEFORE = dt.timedelta(minutes=60)
VOLUNTEER_PREFIX = "DLZY"  # 东邻志愿, as the demo centre numbers its volunteers
VOLUNTEER_DIGITS = 5
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class AttendanceCounts:
    """Seats (people, companions counted): `expected` 应到 = registered beforehand, `present` 实到 =
    ticked including walk-ins, `walk_ins` = walk-ins present, `no_shows` = marked 未到."""

    expected: int
    present: int
    walk_ins: int
    no_shows: int


class ScanOutcome(enum.StrEnum):
    TICKED = "ticked"
    ALREADY_TICKED = "already_ticked"
    NOT_SIGNED_UP = "not_signed_up"  # offer a walk-in
    WAITLISTED = "waitlisted"  # offer a walk-in when a seat is free
    UNKNOWN_CODE = "unknown_code"
    WALK_IN = "walk_in"  # added as a walk-in (add_walk_in)


@dataclass(frozen=True)
class ScanResult:
    signup_id: int | None
    person_id: int | None
    name: str
    outcome: ScanOutcome
    message: str  # what the desk says, in the interface language
    may_walk_in: bool = False  # the desk offers 加为现场参加
    warning: str = ""  # a walk-in beyond the room's capacity
    counts: AttendanceCounts | None = None  # after the change (None when nothing changed)


def counts(session: Session, session_id: int) -> AttendanceCounts:
    """应到 / 实到 / walk-ins / no-shows of a session, from its registered signups."""
    rows = session.execute(
        select(Signup.seats, Signup.attended, Signup.walk_in, Signup.no_show).where(
            Signup.session_id == session_id, Signup.status == SignupStatus.SIGNED_UP.value
        )
    ).all()
    return AttendanceCounts(
        expected=sum(seats for seats, _, walk_in, _ in rows if not walk_in),
        present=sum(seats for seats, attended, _, _ in rows if attended),
        walk_ins=sum(seats for seats, attended, walk_in, _ in rows if walk_in and attended),
        no_shows=sum(seats for seats, _, _, no_show in rows if no_show),
    )


def attendance_counts(session: Session, actor: Actor, session_id: int) -> AttendanceCounts:
    actor.require(Permission.RECEPTION)
    if session.get(ActivitySession, session_id) is None:
        raise NotFound(translate("Menu", "This session no longer exists."))
    return counts(session, session_id)


def opens_at(activity: ActivitySession) -> dt.datetime:
    """When attendance may first be taken."""
    return activity.starts_at - OPENS_BEFORE


def tick(session: Session, actor: Actor, signup_id: int, attended: bool) -> AttendanceCounts:
    """Tick (or untick) a registered signup on the sheet."""
    actor.require(Permission.SIGNUPS)
    found = session.get(Signup, signup_id)
    if found is None:
        raise NotFound(translate("Menu", "This signup no longer exists."))
    activity = lock_session(session, found.session_id)
    signup = session.get(Signup, signup_id, populate_existing=True)
    assert signup is not None
    _check_open(actor, activity)
    if signup.status != SignupStatus.SIGNED_UP.value:
        raise ValidationError(
            "signup", translate("Menu", "Only people with a seat can be ticked at attendance.")
        )
    _set_attended(session, actor, activity, signup, attended)
    return counts(session, activity.id)


def scan(session: Session, actor: Actor, session_id: int, code: str) -> ScanResult:
    """A member card scanned (or its code typed) at the door: tick its holder, or say why not."""
    actor.require(Permission.SIGNUPS)
    activity = lock_session(session, session_id)
    _check_open(actor, activity)
    person = _card_holder(session, code)
    if person is None:
        message = translate(
            "Menu", "No resident has the member code %1. Check the card or search by name."
        )
        return ScanResult(
            None, None, "", ScanOutcome.UNKNOWN_CODE, message.replace("%1", code.strip())
        )
    signup = session.scalar(
        select(Signup).where(Signup.session_id == activity.id, Signup.person_id == person.id)
    )
    if signup is None or signup.status == SignupStatus.CANCELLED.value:
        # A 亲子 companion's card ticks the signup they came with.
        with_companion = session.scalar(
            select(Signup).where(
                Signup.session_id == activity.id,
                Signup.companion_id == person.id,
                Signup.status == SignupStatus.SIGNED_UP.value,
            )
        )
        if with_companion is not None:
            signup = with_companion
    if signup is None or signup.status == SignupStatus.CANCELLED.value:
        message = translate("Menu", "%1 is not signed up for this session. Add them as a walk-in?")
        return ScanResult(
            signup.id if signup else None,
            person.id,
            person.name,
            ScanOutcome.NOT_SIGNED_UP,
            message.replace("%1", person.name),
            may_walk_in=True,
        )
    if signup.status == SignupStatus.WAITLISTED.value:
        free = activity.capacity - seats_taken(session, activity.id)
        if signup.seats <= free:
            message = translate(
                "Menu", "%1 is on the waitlist. A seat is free: add them as a walk-in?"
            )
        else:
            message = translate("Menu", "%1 is on the waitlist, and the session is full.")
        return ScanResult(
            signup.id,
            person.id,
            person.name,
            ScanOutcome.WAITLISTED,
            message.replace("%1", person.name),
            may_walk_in=signup.seats <= free,
        )
    name = signup.person.name
    if signup.attended:
        message = translate("Menu", "%1 is ticked already.")
        return ScanResult(
            signup.id,
            signup.person_id,
            name,
            ScanOutcome.ALREADY_TICKED,
            message.replace("%1", name),
        )
    _set_attended(session, actor, activity, signup, True)
    if signup.companion is not None:
        message = translate("Menu", "Ticked: %1 with %2.").replace("%2", signup.companion.name)
    else:
        message = translate("Menu", "Ticked: %1.")
    return ScanResult(
        signup.id,
        signup.person_id,
        name,
        ScanOutcome.TICKED,
        message.replace("%1", name),
        counts=counts(session, activity.id),
    )


def add_walk_in(session: Session, actor: Actor, session_id: int, person_id: int) -> ScanResult:
    """Record a person who came without a seat as attended (现场参加), after the registered
    people. A full room still records them, with a warning (see the module's docstring)."""
    actor.require(Permission.SIGNUPS)
    activity = lock_session(session, session_id)
    _check_open(actor, activity)
    person = session.get(Person, person_id)
    if person is None or not person.active:
        raise ValidationError("person", translate("Menu", "Choose a person from the register."))
    companion_of = session.scalar(
        select(Signup.id).where(
            Signup.session_id == activity.id,
            Signup.companion_id == person.id,
            Signup.status == SignupStatus.SIGNED_UP.value,
        )
    )
    if companion_of is not None:
        message = translate("Menu", "%1 already comes to this session as a companion.")
        raise ValidationError("person", message.replace("%1", person.name))
    signup = session.scalar(
        select(Signup).where(Signup.session_id == activity.id, Signup.person_id == person.id)
    )
    if signup is not None and signup.status == SignupStatus.SIGNED_UP.value:
        message = translate("Menu", "%1 is already on the sheet: tick them there.")
        raise ConflictError(message.replace("%1", person.name))
    was = signup.status if signup is not None else None
    if signup is None:
        signup = Signup(session_id=activity.id, person_id=person.id, seats=1)
        session.add(signup)
    signup.status = SignupStatus.SIGNED_UP.value
    signup.waitlist_position = None
    signup.walk_in = True
    signup.attended, signup.attended_at, signup.no_show = True, clock.now(), False
    signup.cancelled_at, signup.cancelled_by_id = None, None
    signup.created_by_id = actor.account_id
    session.flush()
    over = seats_taken(session, activity.id) - activity.capacity
    warning = ""
    if over > 0:
        warning = translate(
            "Menu",
            "The session is over its capacity of %1 by %2: check there is room for everyone.",
        )
        warning = warning.replace("%1", str(activity.capacity)).replace("%2", str(over))
    audit.record(
        session,
        actor,
        "attendance.walk_in",
        "signup",
        signup.id,
        session_id=activity.id,
        person_id=person.id,
        was=was,
        over_capacity=over if over > 0 else None,
    )
    _record_hours(session, actor, activity, signup)
    message = translate("Menu", "%1 is added as a walk-in and ticked.").replace("%1", person.name)
    return ScanResult(
        signup.id,
        person.id,
        person.name,
        ScanOutcome.WALK_IN,
        message,
        warning=warning,
        counts=counts(session, activity.id),
    )


def close_attendance(session: Session, actor: Actor, session_id: int) -> AttendanceCounts:
    """Attendance taken: every registered person not ticked is marked a no-show (未到)."""
    actor.require(Permission.SIGNUPS)
    activity = lock_session(session, session_id)
    _refuse_cancelled(activity)
    if activity.attendance_closed_at is not None:
        raise ConflictError(translate("Menu", "This session's attendance is closed already."))
    if clock.now() < activity.starts_at:
        raise ValidationError(
            "session",
            translate("Menu", "Attendance can be closed once the session has begun."),
        )
    missing = list(
        session.scalars(
            select(Signup).where(
                Signup.session_id == activity.id,
                Signup.status == SignupStatus.SIGNED_UP.value,
                Signup.walk_in.is_(False),
                Signup.attended.is_(False),
            )
        )
    )
    for signup in missing:
        signup.no_show = True
    activity.attendance_closed_at = clock.now()
    session.flush()
    result = counts(session, activity.id)
    audit.record(
        session,
        actor,
        "attendance.close",
        "activity_session",
        activity.id,
        expected=result.expected,
        present=result.present,
        walk_ins=result.walk_ins,
        no_show_signups=[signup.id for signup in missing],
    )
    return result


def reopen_attendance(session: Session, actor: Actor, session_id: int) -> AttendanceCounts:
    """Staff open a closed attendance again: the no-show marks go, every tick stays."""
    actor.require(Permission.MENU)
    activity = lock_session(session, session_id)
    _refuse_cancelled(activity)
    if activity.attendance_closed_at is None:
        raise ConflictError(translate("Menu", "This session's attendance is open."))
    for signup in session.scalars(
        select(Signup).where(Signup.session_id == activity.id, Signup.no_show.is_(True))
    ):
        signup.no_show = False
    activity.attendance_closed_at = None
    session.flush()
    audit.record(session, actor, "attendance.reopen", "activity_session", activity.id)
    return counts(session, activity.id)


# --- the rules ------------------------------------------------------------------------------------


def _refuse_cancelled(activity: ActivitySession) -> None:
    if activity.cancelled:
        raise ValidationError("session", translate("Menu", "This session is cancelled."))


def _check_open(actor: Actor, activity: ActivitySession) -> None:
    """Attendance may be taken now by this account (see the module's docstring)."""
    _refuse_cancelled(activity)
    if clock.now() < opens_at(activity):
        message = translate("Menu", "Attendance opens at %1, an hour before the session starts.")
        opens = opens_at(activity)
        when = opens.strftime("%H:%M" if opens.date() == clock.today() else "%Y-%m-%d %H:%M")
        raise ValidationError("session", message.replace("%1", when))
    if activity.attendance_closed_at is not None and not actor.may(Permission.MENU):
        raise PermissionDenied(
            translate("Menu", "This session's attendance is closed: only staff may correct it.")
        )


def _set_attended(
    session: Session,
    actor: Actor,
    activity: ActivitySession,
    signup: Signup,
    attended: bool,
) -> None:
    if signup.attended == attended:
        return
    if attended:
        signup.attended, signup.attended_at, signup.no_show = True, clock.now(), False
    elif signup.walk_in:
        # A walk-in unticked was never expected: they leave the sheet.
        signup.attended, signup.attended_at = False, None
        signup.status = SignupStatus.CANCELLED.value
        signup.cancelled_at, signup.cancelled_by_id = clock.now(), actor.account_id
    else:
        signup.attended, signup.attended_at = False, None
        signup.no_show = activity.attendance_closed_at is not None
    session.flush()
    audit.record(
        session,
        actor,
        "attendance.tick" if attended else "attendance.untick",
        "signup",
        signup.id,
        session_id=activity.id,
        person_id=signup.person_id,
        walk_in=signup.walk_in or None,
        after_closing=True if activity.attendance_closed_at is not None else None,
    )
    if attended:
        _record_hours(session, actor, activity, signup)
    else:
        _remove_hours(session, actor, activity, signup)


def _card_holder(session: Session, code: str) -> Person | None:
    """The active person whose member code was scanned, found the way Reception's search finds
    a card (`search.search_people`: NFKC-folded, upper case, exact code)."""
    for hit in search.search_people(session, code, limit=1):
        if hit.match is search.MatchKind.MEMBER_CODE:
            return session.get(Person, hit.id)
    return None


# --- volunteer hours ------------------------------------------------------------------------------


def session_hours(activity: ActivitySession) -> Decimal:
    """The session's length in hours, to one decimal (at least 0.1, at most 24)."""
    seconds = Decimal((activity.ends_at - activity.starts_at).total_seconds())
    hours = (seconds / Decimal(3600)).quantize(_TENTH, rounding=ROUND_HALF_UP)
    return min(max(hours, _TENTH), Decimal(24))


def _record_hours(
    session: Session, actor: Actor, activity: ActivitySession, signup: Signup
) -> None:
    item = activity.item
    if not item.is_volunteer_service:
        return
    volunteer = _volunteer(session, actor, signup.person_id)
    exists = session.scalar(
        select(ServiceRecord.id).where(
            ServiceRecord.volunteer_id == volunteer.id, ServiceRecord.session_id == activity.id
        )
    )
    if exists is not None:
        return
    record = ServiceRecord(
        volunteer_id=volunteer.id,
        session_id=activity.id,
        day=activity.starts_at.date(),
        hours=session_hours(activity),
        content=item.name[:100],
        kind=ServiceRecordKind.SESSION.value,
        reason="",
        created_by_id=actor.account_id,
    )
    session.add(record)
    session.flush()
    audit.record(
        session,
        actor,
        "service_record.create",
        "service_record",
        record.id,
        volunteer_id=volunteer.id,
        session_id=activity.id,
        hours=str(record.hours),
    )


def _remove_hours(
    session: Session, actor: Actor, activity: ActivitySession, signup: Signup
) -> None:
    if not activity.item.is_volunteer_service:
        return
    volunteer_id = session.scalar(
        select(Volunteer.id).where(Volunteer.person_id == signup.person_id)
    )
    if volunteer_id is None:
        return
    removed = (
        session.execute(
            delete(ServiceRecord)
            .where(
                ServiceRecord.volunteer_id == volunteer_id,
                ServiceRecord.session_id == activity.id,
                ServiceRecord.kind == ServiceRecordKind.SESSION.value,
            )
            .returning(ServiceRecord.id)
        )
        .scalars()
        .all()
    )
    for record_id in removed:
        audit.record(
            session,
            actor,
            "service_record.delete",
            "service_record",
            record_id,
            volunteer_id=volunteer_id,
            session_id=activity.id,
        )


def volunteer_number(number: int) -> str:
    return f"{VOLUNTEER_PREFIX}{number:0{VOLUNTEER_DIGITS}d}"


def _volunteer(session: Session, actor: Actor, person_id: int) -> Volunteer:
    """The person's volunteer profile, made now when they have none."""
    volunteer = session.scalar(select(Volunteer).where(Volunteer.person_id == person_id))
    if volunteer is not None:
        return volunteer
    number = next_volunteer_number(session)
    volunteer = Volunteer(person_id=person_id, volunteer_number=number)
    session.add(volunteer)
    session.flush()
    audit.record(
        session,
        actor,
        "volunteer.create",
        "volunteer",
        volunteer.id,
        person_id=person_id,
        volunteer_number=number,
    )
    return volunteer


def next_volunteer_number(session: Session) -> str:
    """The next number from the counter. Numbers written without it (the demo centre, an import)
    are stepped over: the counter is raised past the highest such number on file once."""
    number = volunteer_number(counters.take(session, counters.VOLUNTEER_NUMBER))
    taken = session.scalar(select(Volunteer.id).where(Volunteer.volunteer_number == number))
    if taken is None:
        return number
    highest = session.scalar(
        select(func.max(Volunteer.volunteer_number)).where(
            Volunteer.volunteer_number.like(f"{VOLUNTEER_PREFIX}%"),
            func.length(Volunteer.volunteer_number) == len(number),
        )
    )
    digits = (highest or "")[len(VOLUNTEER_PREFIX) :]
    counters.raise_to(session, counters.VOLUNTEER_NUMBER, int(digits) if digits.isdigit() else 0)
    return volunteer_number(counters.take(session, counters.VOLUNTEER_NUMBER))
