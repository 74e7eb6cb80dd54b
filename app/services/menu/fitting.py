"""Sessions a resident could sign up for, and their signups to come: what Reception's quick
signup and the person's record read.

`sessions_for_person` lists the sessions that take signups (open, or full: joining one puts the
person on its waitlist) and that the person is not already in (signed up, waiting, or coming as
someone's companion). Each says whether the person is outside its audience, in words naming
them: such sessions are listed after the fitting ones, not hidden, so the volunteer can tell
the resident why.

亲子 items (`with_parent`): the signup is always in the child's name, the adult comes as the
companion (two seats). So the person found is taken to be the child: when their age fits, the
session fits and `needs_companion` says the parent is chosen when signing up (需选择陪同家长).
An adult found for a children's item is outside its age range; the reason then adds that the
child is signed up from the child's own search, with this adult as the companion.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from app import clock
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import (
    ActivitySession,
    Person,
    ServiceItem,
    SessionStatus,
    Signup,
    SignupStatus,
)
from app.people_fields import mask_phone
from app.security import Actor, Permission
from app.services.menu import audience
from app.services.menu.reads import SessionRow, rows_query, session_row, sessions_between
from app.services.menu.signups import waitlist_rank

_LIVE = (SignupStatus.SIGNED_UP.value, SignupStatus.WAITLISTED.value)
_TAKING_SIGNUPS = (SessionStatus.OPEN, SessionStatus.FULL)


@dataclass(frozen=True)
class Signee:
    """The person being signed up, as a dialog names them: 王建国 · 138****5678."""

    id: int
    name: str
    member_code: str
    phone: str  # masked; "" when none is on file
    active: bool

    def label(self) -> str:
        return f"{self.name} · {self.phone}" if self.phone else self.name


@dataclass(frozen=True)
class FitRow:
    """A session the person could join, and why not when they are outside its audience."""

    row: SessionRow
    problem: str | None  # None: the person fits the audience
    with_parent: bool  # 亲子: the person signs up as the child, with an adult companion
    rule: str  # the audience rule in words (60岁以上 / 3–8岁，家长陪同)

    @property
    def fits(self) -> bool:
        return self.problem is None

    @property
    def needs_companion(self) -> bool:
        """The parent is chosen when signing up (需选择陪同家长)."""
        return self.with_parent and self.problem is None

    @property
    def seats(self) -> int:
        return 2 if self.with_parent else 1

    @property
    def joins_waitlist(self) -> bool:
        """Signing up now puts the person on the waitlist: the seats are taken, or people are
        already waiting (first come, first served)."""
        return self.row.waiting > 0 or self.row.free < self.seats

    @property
    def waitlist_position(self) -> int | None:
        """Where on the waitlist the person would be, as things stand now."""
        return self.row.waiting + 1 if self.joins_waitlist else None


@dataclass(frozen=True)
class PersonSignup:
    """One of a person's signups to come (their own, or one they come to as a companion)."""

    signup_id: int
    session_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    series: str
    item: str
    room: str
    status: SignupStatus  # SIGNED_UP or WAITLISTED
    position: int | None  # on the waitlist: 1 = next in line
    companion: str  # the companion's name, "" when none
    accompanying: str  # as a companion: the name of the one signed up; "" for their own signup
    session_cancelled: bool  # the session was cancelled after they signed up


def signee(session: Session, actor: Actor, person_id: int) -> Signee:
    """Who is being signed up: name, member code, the phone masked."""
    actor.require(Permission.RECEPTION)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(translate("Errors", "This person is no longer on file."))
    return Signee(
        person.id, person.name, person.member_code, mask_phone(person.phone), person.active
    )


def sessions_for_person(
    session: Session, actor: Actor, person_id: int, start: dt.datetime, end: dt.datetime
) -> list[FitRow]:
    """Sessions starting in [start, end) that take signups (open, or full: the waitlist) and
    that the person isn't in yet; the fitting ones first by start, then those outside their
    audience (with the reason) by start."""
    actor.require(Permission.RECEPTION)
    person = session.get(Person, person_id)
    if person is None or not person.active:
        raise ValidationError("person", translate("Menu", "Choose a person from the register."))
    rows = [
        row
        for row in sessions_between(session, actor, start, end, include_cancelled=False)
        if row.status in _TAKING_SIGNUPS
    ]
    if not rows:
        return []
    ids = [row.id for row in rows]
    joined = set(
        session.scalars(
            select(Signup.session_id).where(
                Signup.session_id.in_(ids),
                Signup.status.in_(_LIVE),
                or_(Signup.person_id == person_id, Signup.companion_id == person_id),
            )
        )
    )
    items = {
        item.id: item
        for item in session.scalars(
            select(ServiceItem).where(ServiceItem.id.in_({row.item_id for row in rows}))
        )
    }
    fits: list[FitRow] = []
    for row in rows:
        if row.id in joined:
            continue
        item = items[row.item_id]
        fits.append(
            FitRow(
                row=row,
                problem=_problem(item, person, row.starts_at.date()),
                with_parent=item.with_parent,
                rule=audience.describe(item),
            )
        )
    # sessions_between gives them by start; a stable sort keeps that within each group.
    return sorted(fits, key=lambda fit: fit.problem is not None)


def _problem(item: ServiceItem, person: Person, day: dt.date) -> str | None:
    if not item.with_parent:
        return audience.problem(item, person, None, day)
    # The signup is in the child's name and the adult is chosen when signing up: any adult
    # stands in for them here (never added to the session), so only the child's fit is asked.
    someone_adult = Person(name="", birth_year=None)
    why = audience.problem(item, person, someone_adult, day)
    if why is None:
        return None
    age = audience.age_on(person.birth_year, day)
    if age is not None and age >= audience.ADULT_AGE:
        hint = translate(
            "Menu",
            "A child's activity is signed up in the child's name: find the child, then "
            "choose %1 as the companion.",
        ).replace("%1", person.name)
        # No space after a full-width stop (Chinese); one after an English sentence.
        return (
            f"{why}{hint}"
            if unicodedata.east_asian_width(why[-1]) in ("W", "F")
            else (f"{why} {hint}")
        )
    return why


def upcoming_for_person(session: Session, actor: Actor, person_id: int) -> list[PersonSignup]:
    """The person's signups (registered or waiting) for sessions not yet ended, by start;
    those they come to as someone's companion too."""
    actor.require(Permission.RECEPTION)
    if session.get(Person, person_id) is None:
        raise NotFound(translate("Errors", "This person is no longer on file."))
    now = clock.now()
    signed_up = aliased(Person)
    companion = aliased(Person)
    query = (
        rows_query()
        .add_columns(Signup, signed_up.name, companion.name)
        .join(Signup, Signup.session_id == ActivitySession.id)
        .join(signed_up, signed_up.id == Signup.person_id)
        .outerjoin(companion, companion.id == Signup.companion_id)
        .where(
            or_(Signup.person_id == person_id, Signup.companion_id == person_id),
            Signup.status.in_(_LIVE),
            ActivitySession.ends_at > now,
        )
        .order_by(ActivitySession.starts_at, ActivitySession.id)
    )
    result: list[PersonSignup] = []
    for values in session.execute(query):
        *columns, signup, signed_up_name, companion_name = tuple(values)
        assert isinstance(signup, Signup)
        row = session_row(tuple(columns), now)
        own = signup.person_id == person_id
        result.append(
            PersonSignup(
                signup_id=signup.id,
                session_id=row.id,
                starts_at=row.starts_at,
                ends_at=row.ends_at,
                series=row.series,
                item=row.item,
                room=row.room,
                status=SignupStatus(signup.status),
                position=waitlist_rank(session, signup),
                companion=str(companion_name or "") if own else "",
                accompanying="" if own else str(signed_up_name),
                session_cancelled=row.status == SessionStatus.CANCELLED,
            )
        )
    return result
