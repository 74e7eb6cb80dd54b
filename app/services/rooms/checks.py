"""What a booking form asks for (`BookingInput`) and the checks every write of a booking makes
before it looks for clashes: the title, the room, the times, the booker, opening hours and closed
days (which an admin may override with a reason), who may edit, and the status a new booking
starts with. Each refusal is a ValidationError naming the form's field."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import clock
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.i18n import translate
from app.models import Account, Booking, BookingKind, BookingStatus, Organisation, Person, Room
from app.security import Actor, Permission, Role
from app.services.rooms.days import OpeningCalendar
from app.services.rooms.recurrence import Recurrence
from app.services.rooms.rule import HOLDING

TITLE_MAX = 60
# Kinds booked by the centre itself: the acting account is the booker unless another is named.
_CENTRE_KINDS = (BookingKind.STAFF, BookingKind.COUNCIL, BookingKind.ACTIVITY)


class Scope(enum.StrEnum):
    """Which occurrences of a series an edit, move, cancellation or decision applies to."""

    THIS = "this"
    FOLLOWING = "following"  # this one and the later ones: the series is split here
    ALL = "all"  # every occurrence that hasn't begun yet; past ones are never changed


@dataclass(frozen=True)
class BookingInput:
    """The booking form. `allow_past`: the user confirmed a start in the past. `confirm`: staff
    confirm at once (False: the booking waits for approval; a desk account's always does).
    `override_reason`: an admin's reason for booking a closed day or outside opening hours."""

    room_id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    kind: BookingKind
    organisation_id: int | None = None
    person_id: int | None = None
    booker_account_id: int | None = None
    expected_attendees: int | None = None
    note: str = ""
    override_reason: str = ""
    allow_past: bool = False
    confirm: bool = True
    recurrence: Recurrence | None = None


@dataclass(frozen=True)
class Checked:
    """A `BookingInput` whose fields passed, cleaned, with the room it names."""

    room: Room
    title: str
    kind: BookingKind
    note: str
    organisation_id: int | None
    person_id: int | None
    booker_account_id: int | None
    expected_attendees: int | None
    override_reason: str
    capacity_warning: str | None


def checked(session: Session, actor: Actor, data: BookingInput) -> Checked:
    """The form's fields checked (not yet the times against the calendar or other bookings)."""
    title = " ".join(data.title.split())
    if not title:
        raise ValidationError("title", translate("Rooms", "Please give the booking a title."))
    if len(title) > TITLE_MAX:
        raise ValidationError(
            "title",
            translate("Rooms", "The title may be at most %1 characters.").replace(
                "%1", str(TITLE_MAX)
            ),
        )
    room = bookable_room(session, data.room_id)
    check_times(data.starts_at, data.ends_at)
    attendees = data.expected_attendees
    if attendees is not None and attendees < 0:
        raise ValidationError(
            "expected_attendees",
            translate("Rooms", "The number of people expected can't be negative."),
        )
    kind = BookingKind(data.kind)
    organisation_id, person_id, booker_account_id = _booker(session, actor, data, kind)
    reason = data.override_reason.strip()
    if reason and actor.role != Role.ADMIN:
        raise PermissionDenied(
            translate(
                "Rooms",
                "Only an admin may book a closed day or outside opening hours. "
                "Leave the reason empty, or ask an admin.",
            )
        )
    return Checked(
        room=room,
        title=title,
        kind=kind,
        note=data.note.strip(),
        organisation_id=organisation_id,
        person_id=person_id,
        booker_account_id=booker_account_id,
        expected_attendees=attendees,
        override_reason=reason,
        capacity_warning=capacity_warning(room, attendees),
    )


def bookable_room(session: Session, room_id: int) -> Room:
    room = session.get(Room, room_id)
    if room is None:
        raise ValidationError(
            "room_id", translate("Rooms", "This room doesn't exist (any more). Choose another.")
        )
    if not room.active:
        raise ValidationError(
            "room_id", translate("Rooms", "%1 is no longer in use.").replace("%1", room.name)
        )
    if not room.bookable:
        raise ValidationError(
            "room_id", translate("Rooms", "%1 can't be booked.").replace("%1", room.name)
        )
    return room


def check_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if ends_at < starts_at:
        raise ValidationError("ends_at", translate("Rooms", "The end is before the start."))
    if ends_at == starts_at:
        raise ValidationError(
            "ends_at", translate("Rooms", "The booking has no length: it ends when it starts.")
        )


def check_not_past(starts_at: dt.datetime, allow_past: bool) -> None:
    """A start in the past only when the user confirmed it (the form asks)."""
    if not allow_past and starts_at < clock.now():
        raise ValidationError(
            "starts_at",
            translate("Rooms", "%1 is in the past. Confirm to book it anyway.").replace(
                "%1", f"{starts_at:%Y-%m-%d %H:%M}"
            ),
        )


def capacity_warning(room: Room, attendees: int | None) -> str | None:
    if attendees is None or attendees <= room.capacity:
        return None
    return (
        translate("Rooms", "%1 people are expected, but %2 holds %3.")
        .replace("%1", str(attendees))
        .replace("%2", room.name)
        .replace("%3", str(room.capacity))
    )


def _booker(
    session: Session, actor: Actor, data: BookingInput, kind: BookingKind
) -> tuple[int | None, int | None, int | None]:
    if data.organisation_id is not None and session.get(Organisation, data.organisation_id) is None:
        raise ValidationError(
            "organisation_id", translate("Rooms", "This organisation doesn't exist (any more).")
        )
    if data.person_id is not None and session.get(Person, data.person_id) is None:
        raise ValidationError(
            "person_id", translate("Rooms", "This person doesn't exist (any more).")
        )
    if data.booker_account_id is not None and session.get(Account, data.booker_account_id) is None:
        raise ValidationError(
            "booker_account_id", translate("Rooms", "This account doesn't exist (any more).")
        )
    if kind == BookingKind.ORGANISATION and data.organisation_id is None:
        raise ValidationError(
            "organisation_id", translate("Rooms", "Choose the organisation that books the room.")
        )
    if kind == BookingKind.RESIDENT and data.person_id is None:
        raise ValidationError(
            "person_id", translate("Rooms", "Choose the resident who books the room.")
        )
    booker_account_id = data.booker_account_id
    if booker_account_id is None and kind in _CENTRE_KINDS:
        booker_account_id = actor.account_id
    return data.organisation_id, data.person_id, booker_account_id


def opening_problems(
    session: Session, room_id: int, wanted: Sequence[tuple[dt.datetime, dt.datetime]]
) -> list[str | None]:
    """For each wanted [start, end), why the room is closed then (None: open), reading the
    calendar once for the whole span."""
    if not wanted:
        return []
    first = min(start for start, _ in wanted).date()
    last = max(end for _, end in wanted).date()
    calendar = OpeningCalendar(session, first, last, [room_id])
    return [calendar.problem(room_id, start, end) for start, end in wanted]


def refuse_closed(
    actor: Actor,
    override_reason: str,
    wanted: Sequence[tuple[dt.datetime, dt.datetime]],
    problems: Sequence[str | None],
) -> bool:
    """ValidationError("starts_at") naming why, when any wanted time falls on a closed day or
    outside opening hours and no admin's reason overrides it; whether one was overridden."""
    closed = [
        (start, problem) for (start, _), problem in zip(wanted, problems, strict=True) if problem
    ]
    if not closed:
        return False
    if override_reason:  # only an admin gets here with a reason (`checked`)
        return True
    hint = (
        translate("Rooms", "To book it anyway, give a reason for the exception.")
        if actor.role == Role.ADMIN
        else translate("Rooms", "Only an admin may book it anyway, with a reason.")
    )
    if len(wanted) == 1:
        raise ValidationError("starts_at", f"{closed[0][1]} {hint}")
    raise ValidationError(
        "starts_at",
        translate("Rooms", "%1 of the occurrences can't be booked, the first on %2: %3")
        .replace("%1", str(len(closed)))
        .replace("%2", f"{closed[0][0]:%Y-%m-%d}")
        .replace("%3", closed[0][1])
        + " "
        + hint,
    )


def new_status(actor: Actor, confirm: bool) -> BookingStatus:
    """Desk accounts request (pending); staff and admins confirm unless they choose not to."""
    if not actor.may(Permission.ROOMS) or not confirm:
        return BookingStatus.PENDING
    return BookingStatus.CONFIRMED


def require_edit(actor: Actor, booking: Booking) -> None:
    """Staff and admins edit any booking; a desk account only its own request still pending."""
    if actor.may(Permission.ROOMS):
        return
    actor.require(Permission.RECEPTION)
    if booking.status == BookingStatus.PENDING and booking.created_by_id == actor.account_id:
        return
    raise PermissionDenied(
        translate(
            "Rooms",
            "Only staff may change a booking; your own requests you may change until they are "
            "decided.",
        )
    )


def require_holding(booking: Booking) -> None:
    if booking.status not in HOLDING:
        raise ConflictError(
            translate("Rooms", "This booking was cancelled or turned down; book the room anew.")
        )
