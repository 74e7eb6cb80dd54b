"""接待签到: check-ins, today's log, undo, and 民生直通车 requests. Every change is audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock, validation
from app.choices import Satisfaction
from app.db import locked
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import translate
from app.masking import mask_numbers
from app.models import (
    Account,
    Community,
    Person,
    Purpose,
    Request,
    RequestStatus,
    Role,
    Tag,
    Visit,
)
from app.security import Actor, Permission
from app.services import audit, follow_up
from app.services.home import visits_by_purpose

# A second check-in of one person for one purpose within this time is most likely a double
# Enter or a second volunteer; the desk asks before writing it.
DUPLICATE_WINDOW = dt.timedelta(minutes=5)
NOTE_MAX_LENGTH = 200
CATEGORY_MAX_LENGTH = 20
REQUEST_TEXT_MAX_LENGTH = 2000
RESOLUTION_MAX_LENGTH = 2000

# Offered in the request form; any other short category may be typed.
REQUEST_CATEGORIES = (
    "环境卫生",
    "物业管理",
    "邻里纠纷",
    "养老助老",
    "政策咨询",
    "设施报修",
    "其他",
)

# Offered as tags by the registration form even before anyone carries them (DESIGN.md, People).
STANDARD_TAGS = (
    "党员",
    "在职党员/双报到",
    "志愿者",
    "睦邻达人",
    "共营达人",
    "草根规划师",
)


class RecentDuplicate(ConflictError):
    """The same person was checked in for the same purpose a moment ago (`visit_id`)."""

    def __init__(self, message: str, *, visit_id: int, at: dt.datetime) -> None:
        super().__init__(message)
        self.visit_id = visit_id
        self.at = at


@dataclass(frozen=True)
class VisitRow:
    id: int
    person_id: int
    at: dt.datetime
    purpose: Purpose
    community_id: int | None
    note: str


@dataclass(frozen=True)
class VisitLine:
    """A line of today's log."""

    id: int
    person_id: int | None
    at: dt.datetime
    name: str
    community: str
    purpose: Purpose
    note: str
    account: str  # the display name of the desk account that checked the person in
    undone: bool


@dataclass(frozen=True)
class Visitor:
    """Who a check-in names at the desk: 张三 (YL000001)."""

    id: int
    name: str
    member_code: str

    def label(self) -> str:
        return f"{self.name} ({self.member_code})" if self.member_code else self.name


@dataclass(frozen=True)
class Assignee:
    """An account a request can be handed to (listed for a desk volunteer, who may not list
    accounts as such)."""

    id: int
    display_name: str
    role: Role


@dataclass(frozen=True)
class RequestRow:
    id: int
    person_id: int | None
    person_name: str
    category: str
    text: str
    status: RequestStatus
    created_at: dt.datetime
    created_by: str
    assigned_to_id: int | None
    assigned_to: str
    resolution: str
    resolved_at: dt.datetime | None
    # The follow-up call's answer (None: not asked yet), its note, who asked and when.
    satisfaction: Satisfaction | None = None
    satisfaction_note: str = ""
    followed_up_at: dt.datetime | None = None
    followed_up_by: str = ""


def _purpose(value: Purpose | str) -> Purpose:
    try:
        return Purpose(value)
    except ValueError:
        raise ValidationError(
            "purpose", translate("Errors", "Choose the purpose of the visit from the list.")
        ) from None


def visitor(session: Session, actor: Actor, person_id: int) -> Visitor:
    """The name and member code of a person about to be checked in (just registered, or found
    on file by the registration form)."""
    actor.require(Permission.RECEPTION)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(translate("Errors", "This person is no longer on file."))
    return Visitor(person.id, person.name, person.member_code)


def check_in(
    session: Session,
    actor: Actor,
    person_id: int,
    purpose: Purpose | str,
    note: str = "",
    *,
    confirm_duplicate: bool = False,
) -> VisitRow:
    """A visit now; a repeat within DUPLICATE_WINDOW raises RecentDuplicate unless confirmed.

    The community is copied onto the visit so the statistics survive the person's anonymisation.
    """
    actor.require(Permission.RECEPTION)
    chosen = _purpose(purpose)
    clean_note = validation.optional_text(
        "note", note, max_length=NOTE_MAX_LENGTH, label=translate("Errors", "the note")
    )
    # Locked: a removal under the retention rules (app.services.retention) running at the same
    # moment either finishes first, and this check-in is refused here, or waits for it.
    person = locked(session, Person, person_id)
    if person is None:
        raise NotFound(translate("Errors", "This person is no longer on file."))
    if not person.active and person.merged_into_id is None:
        raise ConflictError(
            translate("Errors", "This person's record was removed under the retention rules.")
        )
    if not person.active:
        raise ConflictError(
            translate("Errors", "This record was merged into another one; open that one instead.")
        )
    now = clock.now()
    if not confirm_duplicate:
        earlier = session.scalars(
            select(Visit)
            .where(
                Visit.person_id == person.id,
                Visit.at >= now - DUPLICATE_WINDOW,
                Visit.purpose == chosen.value,
                Visit.undone_at.is_(None),
            )
            .order_by(Visit.at.desc())
            .limit(1)
        ).first()
        if earlier is not None:
            raise RecentDuplicate(
                translate("Errors", "%1 was checked in for this purpose at %2. Check in again?")
                .replace("%1", person.name)
                .replace("%2", earlier.at.strftime("%H:%M")),
                visit_id=earlier.id,
                at=earlier.at,
            )
    visit = Visit(
        person_id=person.id,
        community_id=person.community_id,
        at=now,
        purpose=chosen.value,
        note=clean_note,
        account_id=actor.account_id,
    )
    session.add(visit)
    session.flush()
    audit.record(
        session,
        actor,
        "check_in",
        "visit",
        visit.id,
        person_id=person.id,
        purpose=chosen.value,
        confirmed_duplicate=confirm_duplicate or None,
    )
    return VisitRow(visit.id, person.id, now, chosen, person.community_id, clean_note)


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


def today_log(session: Session, actor: Actor, day: dt.date) -> list[VisitLine]:
    """The day's check-ins, newest first; undone ones stay in the list, marked."""
    actor.require(Permission.RECEPTION)
    start, end = _day_bounds(day)
    rows = session.execute(
        select(Visit, Person.name, Community.name, Account.display_name)
        .outerjoin(Person, Person.id == Visit.person_id)
        .outerjoin(Community, Community.id == Visit.community_id)
        .outerjoin(Account, Account.id == Visit.account_id)
        .where(Visit.at >= start, Visit.at < end)
        .order_by(Visit.at.desc(), Visit.id.desc())
    )
    return [
        VisitLine(
            id=visit.id,
            person_id=visit.person_id,
            at=visit.at,
            name=name or "",
            community=community or "",
            purpose=Purpose(visit.purpose),
            note=mask_numbers(visit.note),  # a number typed into the note, masked as everywhere
            account=account or "",
            undone=visit.undone_at is not None,
        )
        for visit, name, community, account in rows
    ]


def undo_check_in(session: Session, actor: Actor, visit_id: int) -> None:
    """Mark a mistaken check-in undone. Only on its own day: older visits are statistics."""
    actor.require(Permission.RECEPTION)
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(translate("Errors", "This check-in no longer exists."))
    if visit.undone_at is not None:
        raise ConflictError(translate("Errors", "This check-in was undone already."))
    now = clock.now()
    if visit.at.date() != now.date():
        raise ConflictError(translate("Errors", "Only today's check-ins can be undone."))
    visit.undone_at = now
    audit.record(session, actor, "undo_check_in", "visit", visit.id, person_id=visit.person_id)


def counts_by_purpose(session: Session, actor: Actor, day: dt.date) -> dict[Purpose, int]:
    """Live count per purpose for the desk (undone check-ins not counted); every purpose listed."""
    actor.require(Permission.RECEPTION)
    counted = visits_by_purpose(session, day)
    return {purpose: counted.get(purpose, 0) for purpose in Purpose}


def _request_row(session: Session, request: Request) -> RequestRow:
    creator = session.get(Account, request.created_by_id) if request.created_by_id else None
    assignee = session.get(Account, request.assigned_to_id) if request.assigned_to_id else None
    caller = session.get(Account, request.followed_up_by_id) if request.followed_up_by_id else None
    return RequestRow(
        id=request.id,
        person_id=request.person_id,
        person_name=request.person.name if request.person else "",
        category=request.category,
        text=request.text,
        status=RequestStatus(request.status),
        created_at=request.created_at,
        created_by=creator.display_name if creator else "",
        assigned_to_id=request.assigned_to_id,
        assigned_to=assignee.display_name if assignee else "",
        resolution=request.resolution,
        resolved_at=request.resolved_at,
        satisfaction=Satisfaction(request.satisfaction) if request.satisfaction else None,
        satisfaction_note=request.satisfaction_note,
        followed_up_at=request.followed_up_at,
        followed_up_by=caller.display_name if caller else "",
    )


def record_request(
    session: Session, actor: Actor, person_id: int | None, category: str, text: str
) -> RequestRow:
    """A resident's request or complaint taken at the desk (person_id None: not registered)."""
    actor.require(Permission.RECEPTION)
    clean_category = validation.required_text(
        "category",
        category,
        max_length=CATEGORY_MAX_LENGTH,
        label=translate("Errors", "the category"),
    )
    clean_text = validation.long_text(
        "text", text, max_length=REQUEST_TEXT_MAX_LENGTH, label=translate("Errors", "the request")
    )
    community_id = None
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(translate("Errors", "This person is no longer on file."))
        community_id = person.community_id
    request = Request(
        person_id=person_id,
        community_id=community_id,
        category=clean_category,
        text=clean_text,
        status=RequestStatus.OPEN.value,
        created_by_id=actor.account_id,
    )
    session.add(request)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "request",
        request.id,
        person_id=person_id,
        category=clean_category,
    )
    return _request_row(session, request)


def open_requests(session: Session, actor: Actor) -> list[RequestRow]:
    """Requests not yet resolved, oldest first: the longest waiting come to the top."""
    actor.require(Permission.RECEPTION)
    requests = session.scalars(
        select(Request)
        .where(Request.status != RequestStatus.RESOLVED.value)
        .order_by(Request.created_at, Request.id)
    )
    return [_request_row(session, request) for request in requests]


def _open_request(session: Session, request_id: int) -> Request:
    request = session.get(Request, request_id)
    if request is None:
        raise NotFound(translate("Errors", "This request no longer exists."))
    if request.status == RequestStatus.RESOLVED.value:
        raise ConflictError(translate("Errors", "This request is resolved already."))
    return request


def assign_request(session: Session, actor: Actor, request_id: int, account_id: int) -> RequestRow:
    """Hand a request to an account (a staff member following it up)."""
    actor.require(Permission.RECEPTION)
    request = _open_request(session, request_id)
    account = session.get(Account, account_id)
    if account is None or not account.active:
        raise ValidationError(
            "account_id", translate("Errors", "Choose an active account to hand the request to.")
        )
    previous = request.assigned_to_id
    request.assigned_to_id = account.id
    request.status = RequestStatus.ASSIGNED.value
    audit.record(
        session, actor, "assign", "request", request.id, assigned_to=[previous, account.id]
    )
    return _request_row(session, request)


def resolve_request(
    session: Session,
    actor: Actor,
    request_id: int,
    note: str,
    *,
    satisfaction: Satisfaction | str | None = None,
    satisfaction_note: str = "",
) -> RequestRow:
    """Close a request with what was done about it; with the resident's answer to the follow-up
    call when they were asked at once (`app.services.follow_up`: checked before anything is
    written, so a wrong answer leaves the request open)."""
    actor.require(Permission.RECEPTION)
    request = _open_request(session, request_id)
    resolution = validation.long_text(
        "note", note, max_length=RESOLUTION_MAX_LENGTH, label=translate("Errors", "the resolution")
    )
    answer = None
    if satisfaction is not None or satisfaction_note.strip():
        answer = follow_up.check(satisfaction, satisfaction_note)
    request.status = RequestStatus.RESOLVED.value
    request.resolution = resolution
    request.resolved_at = clock.now()
    audit.record(session, actor, "resolve", "request", request.id)
    if answer is not None:
        follow_up.write(session, actor, request, answer)
    return _request_row(session, request)


def record_follow_up(
    session: Session,
    actor: Actor,
    request_id: int,
    satisfaction: Satisfaction | str | None,
    note: str = "",
) -> RequestRow:
    """The resident's answer to the follow-up call on a resolved request (a later call may
    correct it); see `app.services.follow_up` for the rules."""
    actor.require(Permission.RECEPTION)
    answer = follow_up.check(satisfaction, note)
    request = session.get(Request, request_id)
    if request is None:
        raise NotFound(translate("Errors", "This request no longer exists."))
    follow_up.write(session, actor, request, answer)
    return _request_row(session, request)


def awaiting_follow_up(session: Session, actor: Actor, *, limit: int = 50) -> list[RequestRow]:
    """Resolved requests whose resident has not answered the follow-up call yet, the most
    recently resolved first (whom to call next)."""
    actor.require(Permission.RECEPTION)
    requests = session.scalars(
        select(Request)
        .where(Request.status == RequestStatus.RESOLVED.value, Request.satisfaction.is_(None))
        .order_by(Request.resolved_at.desc(), Request.id.desc())
        .limit(limit)
    )
    return [_request_row(session, request) for request in requests]


def assignees(session: Session, actor: Actor) -> list[Assignee]:
    """Active staff and admin accounts, who follow requests up; by display name."""
    actor.require(Permission.RECEPTION)
    rows = session.scalars(
        select(Account)
        .where(Account.active.is_(True), Account.role.in_([Role.STAFF.value, Role.ADMIN.value]))
        .order_by(Account.display_name, Account.id)
    )
    return [Assignee(a.id, a.display_name, Role(a.role)) for a in rows]


def tag_choices(session: Session) -> list[str]:
    """Tags the registration form offers: the standard ones, then every other tag on file."""
    names = session.scalars(select(Tag.name).order_by(Tag.id))
    return list(dict.fromkeys([*STANDARD_TAGS, *names]))
