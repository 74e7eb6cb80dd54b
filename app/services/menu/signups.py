"""Signing residents up on their behalf, the waitlist, cancelling and promoting.

Every write locks the session's row first (`app.db.locked`: SELECT … FOR UPDATE on PostgreSQL;
on SQLite `Database.write()` holds the file's write lock from BEGIN IMMEDIATE), then counts the
seats: two desks taking the last seat at once are served one after the other, and the second is
put on the waitlist.

The waitlist is first come, first served: a signup joins it whenever someone is already waiting
(even if a seat is free that the first in line can't use), and promotion takes the waiting in
ticket order while the first of them fits.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db import locked
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.models import ActivitySession, Person, SessionStatus, Signup, SignupStatus
from app.people_fields import mask_phone
from app.security import Actor, Permission
from app.services import audit
from app.services.menu import audience
from app.services.menu.status import seats_taken, status_of


@dataclass(frozen=True)
class SignupResult:
    signup_id: int
    session_id: int
    person_id: int
    name: str
    status: SignupStatus  # SIGNED_UP, or WAITLISTED when the session is full
    position: int | None  # on the waitlist: 1 = next in line


@dataclass(frozen=True)
class Promoted:
    """Someone moved from the waitlist to a seat (shown to the user, and audited)."""

    signup_id: int
    person_id: int
    name: str
    phone: str  # masked, to call them


@dataclass(frozen=True)
class CancelResult:
    signup_id: int
    was: SignupStatus
    promoted: list[Promoted]


def lock_session(session: Session, session_id: int) -> ActivitySession:
    """The session's row, locked until the transaction ends; every seat-changing write starts
    here."""
    activity: ActivitySession | None = locked(session, ActivitySession, session_id)
    if activity is None:
        raise NotFound(translate("Menu", "This session no longer exists."))
    return activity


def sign_up(
    session: Session,
    actor: Actor,
    session_id: int,
    person_id: int,
    *,
    companion_id: int | None = None,
    override_reason: str = "",
    note: str = "",
) -> SignupResult:
    """Sign `person_id` up for the session, or put them on its waitlist when it is full."""
    actor.require(Permission.SIGNUPS)
    activity = lock_session(session, session_id)
    now = clock.now()
    state = status_of(activity, 0, now)
    if state == SessionStatus.CANCELLED:
        raise ValidationError("session", translate("Menu", "This session is cancelled."))
    if state == SessionStatus.CLOSED:
        if now >= activity.starts_at:
            message = translate(
                "Menu", "This session has begun: add the person at attendance as a walk-in."
            )
        else:
            message = translate("Menu", "Signups for this session have closed.")
        raise ValidationError("session", message)
    person = _person(session, person_id, "person")
    companion = _person(session, companion_id, "companion") if companion_id else None
    item = activity.item
    if companion is not None and not item.with_parent:
        raise ValidationError(
            "companion", translate("Menu", "This activity takes no companion: leave it empty.")
        )
    _refuse_double(session, activity, person, companion)
    reason = " ".join(override_reason.split())
    why = audience.problem(item, person, companion, activity.starts_at.date())
    if why is not None:
        if not reason:
            hint = translate("Menu", "Staff may sign them up anyway, giving a reason.")
            field = "companion" if companion is None and item.with_parent else "person"
            raise ValidationError(field, f"{why} {hint}")
        if not actor.may(Permission.MENU):
            raise PermissionDenied(
                translate("Menu", "Only staff may sign up someone outside the activity's audience.")
            )
    seats = 2 if companion is not None else 1
    waiting = _tickets(session, activity.id)
    free = activity.capacity - seats_taken(session, activity.id)
    signup = session.scalar(
        select(Signup).where(Signup.session_id == activity.id, Signup.person_id == person.id)
    )
    if signup is None:
        signup = Signup(session_id=activity.id, person_id=person.id)
        session.add(signup)
    signup.companion_id = companion.id if companion is not None else None
    signup.seats = seats
    signup.attended, signup.attended_at, signup.no_show, signup.walk_in = False, None, False, False
    signup.override_reason = reason if why is not None else ""
    signup.note = note.strip()
    signup.cancelled_at, signup.cancelled_by_id, signup.promoted_at = None, None, None
    signup.created_by_id = actor.account_id
    if not waiting and seats <= free:
        signup.status, signup.waitlist_position = SignupStatus.SIGNED_UP.value, None
        position = None
    else:
        signup.status = SignupStatus.WAITLISTED.value
        signup.waitlist_position = (max(waiting) if waiting else 0) + 1
        position = len(waiting) + 1
    session.flush()
    audit.record(
        session,
        actor,
        "signup.create",
        "signup",
        signup.id,
        session_id=activity.id,
        person_id=person.id,
        companion_id=signup.companion_id,
        status=signup.status,
        position=position,
        override_reason=signup.override_reason or None,
    )
    return SignupResult(
        signup.id, activity.id, person.id, person.name, SignupStatus(signup.status), position
    )


def cancel(session: Session, actor: Actor, signup_id: int, *, reason: str = "") -> CancelResult:
    """Cancel a signup (registered or waiting); a freed seat goes at once to the first in line."""
    actor.require(Permission.SIGNUPS)
    found = session.get(Signup, signup_id)
    if found is None:
        raise NotFound(translate("Menu", "This signup no longer exists."))
    activity = lock_session(session, found.session_id)
    signup = session.get(Signup, signup_id, populate_existing=True)
    assert signup is not None
    was = SignupStatus(signup.status)
    if was == SignupStatus.CANCELLED:
        raise ConflictError(translate("Menu", "This signup is already cancelled."))
    if clock.now() >= activity.starts_at:
        raise ValidationError(
            "signup",
            translate("Menu", "The session has begun: mark who didn't come at attendance instead."),
        )
    signup.status = SignupStatus.CANCELLED.value
    signup.waitlist_position = None
    signup.cancelled_at = clock.now()
    signup.cancelled_by_id = actor.account_id
    session.flush()
    audit.record(
        session,
        actor,
        "signup.cancel",
        "signup",
        signup.id,
        session_id=activity.id,
        person_id=signup.person_id,
        was=was.value,
        reason=reason.strip() or None,
    )
    promoted = promote_waitlist(session, actor, activity) if not activity.cancelled else []
    return CancelResult(signup.id, was, promoted)


def promote_waitlist(session: Session, actor: Actor, activity: ActivitySession) -> list[Promoted]:
    """Give free seats to the waiting in ticket order while the first of them fits. The caller
    holds the session's lock (`lock_session`); each promotion is audited."""
    if clock.now() >= activity.starts_at:
        return []
    free = activity.capacity - seats_taken(session, activity.id)
    promoted: list[Promoted] = []
    waiting = session.scalars(
        select(Signup)
        .where(Signup.session_id == activity.id, Signup.status == SignupStatus.WAITLISTED.value)
        .order_by(Signup.waitlist_position, Signup.id)
    )
    for signup in waiting:
        if signup.seats > free:
            break
        free -= signup.seats
        signup.status = SignupStatus.SIGNED_UP.value
        signup.waitlist_position = None
        signup.promoted_at = clock.now()
        person = signup.person
        promoted.append(Promoted(signup.id, person.id, person.name, mask_phone(person.phone)))
        audit.record(
            session,
            actor,
            "signup.promote",
            "signup",
            signup.id,
            session_id=activity.id,
            person_id=person.id,
        )
    session.flush()
    return promoted


def waitlist_rank(session: Session, signup: Signup) -> int | None:
    """1 for the next in line; None when not waiting."""
    if signup.status != SignupStatus.WAITLISTED.value or signup.waitlist_position is None:
        return None
    ahead = session.scalar(
        select(func.count()).where(
            Signup.session_id == signup.session_id,
            Signup.status == SignupStatus.WAITLISTED.value,
            Signup.waitlist_position < signup.waitlist_position,
        )
    )
    return (ahead or 0) + 1


def _tickets(session: Session, session_id: int) -> list[int]:
    return list(
        session.scalars(
            select(Signup.waitlist_position).where(
                Signup.session_id == session_id,
                Signup.status == SignupStatus.WAITLISTED.value,
                Signup.waitlist_position.is_not(None),
            )
        )
    )


def _person(session: Session, person_id: int | None, field: str) -> Person:
    person = session.get(Person, person_id) if person_id is not None else None
    if person is None or not person.active:
        raise ValidationError(field, translate("Menu", "Choose a person from the register."))
    return person


def _refuse_double(
    session: Session, activity: ActivitySession, person: Person, companion: Person | None
) -> None:
    """One signup per person per session, a companion counted as a person there."""
    live = (SignupStatus.SIGNED_UP.value, SignupStatus.WAITLISTED.value)
    for who, field in ((person, "person"), (companion, "companion")):
        if who is None:
            continue
        taken = session.execute(
            select(Signup.status, Signup.person_id).where(
                Signup.session_id == activity.id,
                Signup.status.in_(live),
                (Signup.person_id == who.id) | (Signup.companion_id == who.id),
            )
        ).first()
        if taken is None:
            continue
        status, holder = taken
        if holder != who.id:
            message = translate("Menu", "%1 already comes to this session as a companion.")
        elif status == SignupStatus.WAITLISTED.value:
            message = translate("Menu", "%1 is already on this session's waitlist.")
        else:
            message = translate("Menu", "%1 is already signed up for this session.")
        raise ValidationError(field, message.replace("%1", who.name))
