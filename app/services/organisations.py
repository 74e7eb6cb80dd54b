"""社会组织: the organisations that book rooms and provide sessions (the 1+7+49 councils too).

Every account may read the list (the booking editor's picker); only an admin adds or changes
one. An organisation is never deleted: bookings keep naming it, so an old one is deactivated.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum import exceptions as stdnum_errors
from stdnum.cn import uscc

from app import clock, people_fields, pinyin, validation
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import Booking, BookingStatus, Organisation, OrganisationKind, Room
from app.people_fields import mask_phone
from app.security import Actor, Permission
from app.services import audit, unique
from app.services.rooms.rule import HOLDING

NEXT_BOOKINGS = 5  # the upcoming bookings a record lists


@dataclass(frozen=True)
class OrganisationInput:
    name: str
    kind: OrganisationKind
    credit_code: str = ""  # 统一社会信用代码, optional
    contact_name: str = ""
    contact_phone: str = ""
    provides: str = ""  # what they offer the centre
    active: bool = True


@dataclass(frozen=True)
class OrganisationRow:
    """An organisation as lists and pickers show it: the phone masked."""

    id: int
    name: str
    kind: OrganisationKind
    credit_code: str
    contact_name: str
    contact_phone: str  # masked: 138****5678
    provides: str
    active: bool


@dataclass(frozen=True)
class BookingLine:
    id: int
    room: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: BookingStatus


@dataclass(frozen=True)
class OrganisationRecord:
    """An organisation with what it does at the centre: the rooms it books and (with the Service
    menu) the sessions it provides."""

    organisation: OrganisationInput  # as the editor shows it: the phone in full
    id: int
    past_bookings: int  # confirmed bookings that have ended
    upcoming_bookings: int  # confirmed or awaiting approval, not yet ended
    next_bookings: tuple[BookingLine, ...]
    # The activity sessions it provides come with the Service menu desk; until then none.
    past_sessions: int = 0
    upcoming_sessions: int = 0


def list_organisations(
    session: Session, actor: Actor, *, include_inactive: bool = True
) -> list[OrganisationRow]:
    """The organisations in dictionary order of their names (a few dozen: sorted here), active
    ones only for a picker (include_inactive=False)."""
    actor.require(Permission.RECEPTION)
    query = select(Organisation)
    if not include_inactive:
        query = query.where(Organisation.active.is_(True))
    rows = [_row(organisation) for organisation in session.scalars(query)]
    return sorted(rows, key=lambda row: (pinyin.sort_key(row.name), row.id))


def create_organisation(session: Session, actor: Actor, data: OrganisationInput) -> OrganisationRow:
    actor.require(Permission.SETTINGS)
    clean = _clean(data)
    _unique(session, clean, None)
    organisation = Organisation(**_columns(clean))
    session.add(organisation)
    with unique.refused_as(_name_taken()):
        session.flush()
    audit.record(
        session, actor, "create", "organisation", organisation.id, name=clean.name, kind=clean.kind
    )
    return _row(organisation)


def update_organisation(
    session: Session, actor: Actor, organisation_id: int, data: OrganisationInput
) -> OrganisationRow:
    actor.require(Permission.SETTINGS)
    organisation = _organisation(session, organisation_id)
    clean = _clean(data)
    _unique(session, clean, organisation_id)
    changes = audit.apply_changes(organisation, _columns(clean))
    with unique.refused_as(_name_taken()):
        session.flush()
    if changes:
        if "contact_phone" in changes:  # the log keeps no phone number in full
            old, new = changes["contact_phone"]
            changes["contact_phone"] = [mask_phone(str(old)), mask_phone(str(new))]
        audit.record(session, actor, "update", "organisation", organisation_id, **changes)
    return _row(organisation)


def organisation_record(session: Session, actor: Actor, organisation_id: int) -> OrganisationRecord:
    """The organisation in full (for its editor) and its bookings: how many it has had, how many
    are to come, and the next few."""
    actor.require(Permission.SETTINGS)
    organisation = _organisation(session, organisation_id)
    now = clock.now()
    mine = Booking.organisation_id == organisation_id
    past = session.scalar(
        select(func.count()).where(
            mine, Booking.status == BookingStatus.CONFIRMED.value, Booking.ends_at <= now
        )
    )
    to_come = (mine, Booking.status.in_([str(s) for s in HOLDING]), Booking.ends_at > now)
    upcoming = session.scalar(select(func.count()).where(*to_come))
    rows = session.execute(
        select(Booking, Room.name)
        .join(Room, Room.id == Booking.room_id)
        .where(*to_come)
        .order_by(Booking.starts_at, Booking.id)
        .limit(NEXT_BOOKINGS)
    )
    return OrganisationRecord(
        _input(organisation),
        organisation.id,
        past or 0,
        upcoming or 0,
        tuple(
            BookingLine(
                booking.id,
                room,
                booking.title,
                booking.starts_at,
                booking.ends_at,
                BookingStatus(booking.status),
            )
            for booking, room in rows
        ),
    )


# ---- checks ---------------------------------------------------------------------------------


def credit_code(value: str) -> str:
    """A 统一社会信用代码 as stored (18 characters, capital letters), "" when none is given;
    checked with python-stdnum, the message saying what is wrong."""
    text = unicodedata.normalize("NFKC", value).replace(" ", "").replace("-", "").upper()
    if not text:
        return ""
    try:
        return str(uscc.validate(text))
    except stdnum_errors.InvalidLength:
        message = translate(
            "Errors",
            "A unified social credit code has 18 characters; this one has %1.",
        ).replace("%1", str(len(text)))
    except stdnum_errors.InvalidChecksum:
        message = translate(
            "Errors",
            "This credit code is mistyped: its last character does not match. Please check it "
            "against the certificate.",
        )
    except stdnum_errors.ValidationError:
        message = translate(
            "Errors",
            "A unified social credit code begins with 8 digits, followed by digits and capital "
            "letters (not I, O, S, V or Z).",
        )
    raise ValidationError("credit_code", message)


def _clean(data: OrganisationInput) -> OrganisationInput:
    name = validation.required_text(
        "name", data.name, max_length=80, label=translate("Errors", "the organisation's name")
    )
    try:
        kind = OrganisationKind(data.kind)
    except ValueError:
        raise ValidationError(
            "kind", translate("Errors", "Choose the kind of organisation.")
        ) from None
    code = credit_code(data.credit_code)
    contact = validation.optional_text(
        "contact_name",
        data.contact_name,
        max_length=40,
        label=translate("Errors", "the contact person"),
    )
    try:
        phone = people_fields.phone(data.contact_phone) or ""
    except ValidationError as error:  # the same rule as a person's phone, beside this field
        raise ValidationError("contact_phone", error.message) from None
    provides = validation.optional_text(
        "provides", data.provides, max_length=200, label=translate("Errors", "what they provide")
    )
    return OrganisationInput(name, kind, code, contact, phone, provides, bool(data.active))


def _unique(session: Session, data: OrganisationInput, organisation_id: int | None) -> None:
    others = select(Organisation.id)
    if organisation_id is not None:
        others = others.where(Organisation.id != organisation_id)
    if session.scalar(others.where(Organisation.name == data.name)) is not None:
        raise _name_taken()
    if data.credit_code:
        holder = session.scalar(
            select(Organisation.name).where(
                Organisation.credit_code == data.credit_code,
                Organisation.id != (organisation_id or 0),
            )
        )
        if holder is not None:
            raise ValidationError(
                "credit_code",
                translate("Errors", "%1 already has this credit code.").replace("%1", holder),
            )


def _name_taken() -> ValidationError:
    return ValidationError("name", translate("Errors", "An organisation with this name exists."))


def _organisation(session: Session, organisation_id: int) -> Organisation:
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        raise NotFound(translate("Errors", "This organisation no longer exists."))
    return organisation


def _columns(data: OrganisationInput) -> dict[str, object]:
    return {
        "name": data.name,
        "kind": data.kind.value,
        "credit_code": data.credit_code or None,
        "contact_name": data.contact_name,
        "contact_phone": data.contact_phone,
        "provides": data.provides,
        "active": data.active,
    }


def _input(organisation: Organisation) -> OrganisationInput:
    return OrganisationInput(
        organisation.name,
        OrganisationKind(organisation.kind),
        organisation.credit_code or "",
        organisation.contact_name,
        organisation.contact_phone,
        organisation.provides,
        organisation.active,
    )


def _row(organisation: Organisation) -> OrganisationRow:
    return OrganisationRow(
        organisation.id,
        organisation.name,
        OrganisationKind(organisation.kind),
        organisation.credit_code or "",
        organisation.contact_name,
        mask_phone(organisation.contact_phone) if organisation.contact_phone else "",
        organisation.provides,
        organisation.active,
    )
