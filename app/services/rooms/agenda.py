"""议事: the agendas of council meetings (the 1+7+49 deliberation platform: 群英荟, the seven
community self-governance councils and their working committees).

A council meeting is a booking of kind council. Open 民生直通车 requests are put on its agenda
("提交议事") before it ends; after it has begun, the outcome of each item is recorded and carried
back to its request: resolved (the request is closed with the meeting's decision), or still open
with the decision noted under it. A request sits on one undecided agenda at a time.

An agenda is a paper others read: a request's text has its phone and ID numbers masked and its
resident is named by surname only (张**) with their community. Everyone at the desk may read
agendas; putting requests on them and recording outcomes is staff work (Permission.ROOMS).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Exists, exists, false, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import clock, validation
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import translate
from app.masking import mask_name, mask_numbers
from app.models import (
    AgendaItem,
    AgendaOutcome,
    Booking,
    BookingKind,
    BookingStatus,
    Community,
    Organisation,
    Person,
    Request,
    RequestStatus,
    Room,
)
from app.security import Actor, Permission
from app.services import audit
from app.services.rooms.rule import HOLDING

DECISION_MAX_LENGTH = 2000
UPCOMING_DAYS = 60  # how far ahead 提交议事 offers meetings


@dataclass(frozen=True)
class AgendaRequest:
    """A 民生直通车 request as a meeting reads it."""

    id: int
    category: str
    text: str  # phone and ID numbers masked
    resident: str  # 张** ("" for a resident not on file)
    community: str
    status: RequestStatus
    created_at: dt.datetime

    @property
    def raised_by(self) -> str:
        """Who raised it, as a printed agenda says: 友邻新村 张**."""
        return " ".join(part for part in (self.community, self.resident) if part)


@dataclass(frozen=True)
class AgendaLine:
    """One item of a meeting's agenda and, once recorded, what the meeting decided."""

    id: int
    position: int
    request: AgendaRequest
    outcome: AgendaOutcome | None
    decision: str
    recorded_at: dt.datetime | None

    @property
    def decided(self) -> bool:
        return self.outcome is not None


@dataclass(frozen=True)
class Meeting:
    """A council meeting with its agenda, in order."""

    booking_id: int
    title: str
    council: str  # the organisation holding it ("" when none is named)
    room: str
    location: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: BookingStatus
    items: tuple[AgendaLine, ...]
    started: bool  # at the time it was read
    ended: bool

    @property
    def open_for_items(self) -> bool:
        """Requests may still be put on the agenda."""
        return not self.ended and self.status in HOLDING

    @property
    def open_for_outcomes(self) -> bool:
        """Outcomes may be recorded (the meeting has begun and was not called off)."""
        return self.started and self.status in HOLDING

    @property
    def has_outcomes(self) -> bool:
        return any(item.decided for item in self.items)


@dataclass(frozen=True)
class MeetingChoice:
    """A coming council meeting a request may be put on (提交议事)."""

    booking_id: int
    title: str
    council: str
    room: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    items: int
    has_request: bool  # the request asked about is on its agenda already


# --- reading ---------------------------------------------------------------------------------


def _undecided(request_id: ColumnElement[int] | InstrumentedAttribute[int]) -> Exists:
    """Whether a request sits on the agenda of a meeting that has not decided it yet."""
    return exists(
        select(AgendaItem.id)
        .join(Booking, Booking.id == AgendaItem.booking_id)
        .where(
            AgendaItem.request_id == request_id,
            AgendaItem.outcome.is_(None),
            Booking.status.in_([str(status) for status in HOLDING]),
        )
    )


def _agenda_request(request: Request, name: str | None, community: str | None) -> AgendaRequest:
    return AgendaRequest(
        id=request.id,
        category=request.category,
        text=mask_numbers(request.text),
        resident=mask_name(name),
        community=community or "",
        status=RequestStatus(request.status),
        created_at=request.created_at,
    )


def open_requests(session: Session, actor: Actor) -> list[AgendaRequest]:
    """Requests not resolved and not waiting on another meeting's agenda, the longest waiting
    first: what may be put on an agenda."""
    actor.require(Permission.RECEPTION)
    rows = session.execute(
        select(Request, Person.name, Community.name)
        .outerjoin(Person, Person.id == Request.person_id)
        .outerjoin(Community, Community.id == Person.community_id)
        .where(Request.status != RequestStatus.RESOLVED.value, ~_undecided(Request.id))
        .order_by(Request.created_at, Request.id)
    )
    return [_agenda_request(request, name, community) for request, name, community in rows]


def agenda(session: Session, actor: Actor, booking_id: int) -> Meeting:
    """A council meeting and its agenda in order."""
    actor.require(Permission.RECEPTION)
    booking = _council_booking(session, booking_id)
    return _meeting(session, booking)


def upcoming_meetings(
    session: Session, actor: Actor, request_id: int | None = None
) -> list[MeetingChoice]:
    """Council meetings that have not ended (in the next UPCOMING_DAYS), soonest first; with
    `request_id`, each says whether that request is on its agenda already."""
    actor.require(Permission.RECEPTION)
    now = clock.now()
    count = (
        select(func.count(AgendaItem.id))
        .where(AgendaItem.booking_id == Booking.id)
        .correlate(Booking)
        .scalar_subquery()
    )
    has = (
        exists(
            select(AgendaItem.id).where(
                AgendaItem.booking_id == Booking.id, AgendaItem.request_id == request_id
            )
        )
        if request_id is not None
        else false()
    )
    rows = session.execute(
        select(Booking, Room.name, Organisation.name, count, has)
        .join(Room, Room.id == Booking.room_id)
        .outerjoin(Organisation, Organisation.id == Booking.organisation_id)
        .where(
            Booking.kind == BookingKind.COUNCIL.value,
            Booking.status.in_([str(status) for status in HOLDING]),
            Booking.ends_at > now,
            Booking.starts_at < now + dt.timedelta(days=UPCOMING_DAYS),
        )
        .order_by(Booking.starts_at, Booking.id)
    )
    return [
        MeetingChoice(
            booking_id=booking.id,
            title=booking.title,
            council=council or "",
            room=room,
            starts_at=booking.starts_at,
            ends_at=booking.ends_at,
            items=items,
            has_request=bool(on_it),
        )
        for booking, room, council, items, on_it in rows
    ]


def _council_booking(session: Session, booking_id: int, *, lock: bool = False) -> Booking:
    booking = session.get(Booking, booking_id, with_for_update=lock or None)
    if booking is None:
        raise NotFound(translate("Errors", "This booking no longer exists."))
    if booking.kind != BookingKind.COUNCIL.value:
        raise ConflictError(translate("Errors", "Only a council meeting has an agenda."))
    return booking


def _meeting(session: Session, booking: Booking) -> Meeting:
    room = session.get(Room, booking.room_id)
    council = (
        session.get(Organisation, booking.organisation_id) if booking.organisation_id else None
    )
    rows = session.execute(
        select(AgendaItem, Request, Person.name, Community.name)
        .join(Request, Request.id == AgendaItem.request_id)
        .outerjoin(Person, Person.id == Request.person_id)
        .outerjoin(Community, Community.id == Person.community_id)
        .where(AgendaItem.booking_id == booking.id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    items = tuple(
        AgendaLine(
            id=item.id,
            position=number,
            request=_agenda_request(request, name, community),
            outcome=AgendaOutcome(item.outcome) if item.outcome else None,
            decision=item.decision,
            recorded_at=item.recorded_at,
        )
        for number, (item, request, name, community) in enumerate(rows, start=1)
    )
    now = clock.now()
    return Meeting(
        booking_id=booking.id,
        title=booking.title,
        council=council.name if council else "",
        room=room.name if room else "",
        location=room.location if room else "",
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        status=BookingStatus(booking.status),
        items=items,
        started=booking.starts_at <= now,
        ended=booking.ends_at <= now,
    )


def _items(session: Session, booking_id: int) -> list[AgendaItem]:
    return list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.booking_id == booking_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
    )


def _line(session: Session, booking: Booking, item_id: int) -> AgendaLine:
    return next(line for line in _meeting(session, booking).items if line.id == item_id)


# --- changing an agenda ----------------------------------------------------------------------


def add_to_agenda(session: Session, actor: Actor, booking_id: int, request_id: int) -> AgendaLine:
    """提交议事: put an open request at the end of a meeting's agenda, before the meeting ends."""
    actor.require(Permission.ROOMS)
    booking = _council_booking(session, booking_id, lock=True)  # one writer per agenda
    if booking.status not in HOLDING:
        raise ConflictError(translate("Errors", "This meeting was called off."))
    if booking.ends_at <= clock.now():
        raise ConflictError(
            translate("Errors", "This meeting is over: put the request on a coming one.")
        )
    request = session.get(Request, request_id)
    if request is None:
        raise NotFound(translate("Errors", "This request no longer exists."))
    if request.status == RequestStatus.RESOLVED.value:
        raise ConflictError(translate("Errors", "This request is resolved already."))
    items = _items(session, booking.id)
    if any(item.request_id == request.id for item in items):
        raise ConflictError(
            translate("Errors", "This request is on this meeting's agenda already.")
        )
    elsewhere = session.execute(
        select(Booking.title, Booking.starts_at)
        .join(AgendaItem, AgendaItem.booking_id == Booking.id)
        .where(
            AgendaItem.request_id == request.id,
            AgendaItem.outcome.is_(None),
            Booking.status.in_([str(status) for status in HOLDING]),
        )
        .order_by(Booking.starts_at)
        .limit(1)
    ).first()
    if elsewhere is not None:
        title, starts_at = elsewhere
        raise ConflictError(
            translate(
                "Errors",
                "This request is on the agenda of %1 (%2) already, still undecided. Record that "
                "meeting's outcome, or take it off that agenda first.",
            )
            .replace("%1", title)
            .replace("%2", starts_at.strftime("%Y-%m-%d %H:%M"))
        )
    item = AgendaItem(
        booking_id=booking.id,
        request_id=request.id,
        position=max((item.position for item in items), default=0) + 1,
        added_by_id=actor.account_id,
    )
    session.add(item)
    session.flush()
    audit.record(
        session,
        actor,
        "add_to_agenda",
        "agenda_item",
        item.id,
        booking_id=booking.id,
        request_id=request.id,
    )
    return _line(session, booking, item.id)


def _item(session: Session, agenda_item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, agenda_item_id)
    if item is None:
        raise NotFound(translate("Errors", "This agenda item no longer exists."))
    return item


def remove_from_agenda(session: Session, actor: Actor, agenda_item_id: int) -> None:
    """Take an undecided item off its agenda; the items after it move up."""
    actor.require(Permission.ROOMS)
    item = _item(session, agenda_item_id)
    booking = _council_booking(session, item.booking_id, lock=True)
    if item.outcome is not None:
        raise ConflictError(
            translate("Errors", "The meeting's outcome of this item is recorded: it stays.")
        )
    request_id = item.request_id
    session.delete(item)
    session.flush()
    for position, other in enumerate(_items(session, booking.id), start=1):
        other.position = position
    audit.record(
        session,
        actor,
        "remove_from_agenda",
        "agenda_item",
        agenda_item_id,
        booking_id=booking.id,
        request_id=request_id,
    )


def reorder(
    session: Session, actor: Actor, booking_id: int, agenda_item_ids: Sequence[int]
) -> list[AgendaLine]:
    """Put a meeting's agenda in the order of `agenda_item_ids` (all of its items)."""
    actor.require(Permission.ROOMS)
    booking = _council_booking(session, booking_id, lock=True)
    items = {item.id: item for item in _items(session, booking.id)}
    wanted = list(agenda_item_ids)
    if len(set(wanted)) != len(wanted) or set(wanted) != set(items):
        raise ConflictError(
            translate("Errors", "The agenda was changed meanwhile. Look at it again and retry.")
        )
    before = sorted(items, key=lambda item_id: (items[item_id].position, item_id))
    for position, item_id in enumerate(wanted, start=1):
        items[item_id].position = position
    audit.record(session, actor, "reorder_agenda", "booking", booking.id, order=[before, wanted])
    session.flush()
    return list(_meeting(session, booking).items)


def record_outcome(
    session: Session,
    actor: Actor,
    agenda_item_id: int,
    outcome: AgendaOutcome | str,
    decision: str,
) -> AgendaLine:
    """What the meeting decided about an item, carried back to its request: resolved closes the
    request with the decision; open keeps it open with the decision noted (a dated line under
    what was there). Once recorded, an outcome stays."""
    actor.require(Permission.ROOMS)
    try:
        chosen = AgendaOutcome(outcome)
    except ValueError:
        raise ValidationError(
            "outcome", translate("Errors", "Choose whether the request is resolved or still open.")
        ) from None
    text = validation.long_text(
        "decision",
        decision,
        max_length=DECISION_MAX_LENGTH,
        label=translate("Errors", "the decision"),
    )
    item = _item(session, agenda_item_id)
    booking = _council_booking(session, item.booking_id, lock=True)
    if booking.status not in HOLDING:
        raise ConflictError(translate("Errors", "This meeting was called off."))
    now = clock.now()
    if booking.starts_at > now:
        raise ConflictError(
            translate("Errors", "The outcome is recorded once the meeting has begun.")
        )
    if item.outcome is not None:
        raise ConflictError(translate("Errors", "The outcome of this item is recorded already."))
    request = session.get(Request, item.request_id)
    assert request is not None  # a foreign key
    item.outcome = chosen.value
    item.decision = text
    item.recorded_by_id = actor.account_id
    item.recorded_at = now
    line = (
        translate("Agenda", "%1 %2: %3")
        .replace("%1", booking.starts_at.strftime("%Y-%m-%d"))
        .replace("%2", booking.title)
        .replace("%3", text)
    )
    # The request keeps what was written under it before (earlier meetings, the desk).
    request.resolution = "\n".join(part for part in (request.resolution.strip(), line) if part)
    was = request.status
    if chosen == AgendaOutcome.RESOLVED and was != RequestStatus.RESOLVED.value:
        request.status = RequestStatus.RESOLVED.value
        request.resolved_at = now
    audit.record(
        session,
        actor,
        "record_outcome",
        "agenda_item",
        item.id,
        booking_id=booking.id,
        request_id=request.id,
        outcome=chosen.value,
    )
    audit.record(
        session,
        actor,
        "resolve" if request.status != was else "note",
        "request",
        request.id,
        agenda_item_id=item.id,
    )
    session.flush()
    return _line(session, booking, item.id)
