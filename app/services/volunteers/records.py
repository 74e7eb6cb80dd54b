"""A volunteer's service records, and make-up records (补录).

A make-up record gives hours that no attendance sheet or rota mark holds (a helper at a festival,
a sheet that was lost). Only staff write or delete them (Permission.VOLUNTEER_HOURS; a desk
volunteer is refused here, not only by the desk's buttons), always with a reason, and both are
audited. Records from an attended session or a rota duty are changed only where they came from
(attendance, the rota): `delete_make_up` refuses them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import (
    Account,
    ActivitySession,
    ServiceItem,
    ServiceRecord,
    ServiceRecordKind,
    Volunteer,
)
from app.security import Actor, Permission
from app.services import audit

MAX_HOURS = Decimal(24)  # a day has no more (the table's CHECK says the same)
CONTENT_MAX = 100  # the column's length
REASON_MAX = 200
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class MakeUpInput:
    person_id: int
    day: dt.date
    hours: Decimal | str | float
    content: str
    reason: str


@dataclass(frozen=True)
class RecordLine:
    record_id: int
    day: dt.date
    hours: Decimal
    content: str
    kind: ServiceRecordKind
    reason: str  # a make-up's reason ("" otherwise)
    session_id: int | None  # the attended session it came from
    session_title: str  # that session's item ("" otherwise)
    created_by: str  # the account's display name ("" when written by the program)


def make_up(session: Session, actor: Actor, data: MakeUpInput) -> int:
    """Record make-up hours (补录) for a volunteer; the new record's id."""
    actor.require(Permission.VOLUNTEER_HOURS)
    hours = parse_hours(data.hours)
    if data.day > clock.today():
        raise ValidationError(
            "day", translate("Volunteers", "Hours can't be made up for a day still to come.")
        )
    content = (data.content or "").strip()
    if not content:
        raise ValidationError(
            "content", translate("Volunteers", "Say what the service was (服务内容).")
        )
    if len(content) > CONTENT_MAX:
        raise ValidationError("content", _too_long(CONTENT_MAX))
    reason = _reason(data.reason)
    volunteer = _volunteer(session, data.person_id)
    record = ServiceRecord(
        volunteer_id=volunteer.id,
        day=data.day,
        hours=hours,
        content=content,
        kind=ServiceRecordKind.MAKE_UP.value,
        reason=reason,
        created_by_id=actor.account_id,
    )
    session.add(record)
    session.flush()
    audit.record(
        session,
        actor,
        "service_record.make_up",
        "service_record",
        record.id,
        kind=ServiceRecordKind.MAKE_UP.value,
        person_id=data.person_id,
        volunteer_id=volunteer.id,
        day=data.day.isoformat(),
        hours=str(hours),
        content=content,
        reason=reason,
    )
    return record.id


def delete_make_up(session: Session, actor: Actor, record_id: int, reason: str) -> None:
    """Delete a make-up record (staff, with a reason); session and duty records are refused."""
    actor.require(Permission.VOLUNTEER_HOURS)
    why = _reason(reason)
    record = session.get(ServiceRecord, record_id)
    if record is None:
        raise NotFound(translate("Volunteers", "This service record no longer exists."))
    if record.kind != ServiceRecordKind.MAKE_UP.value:
        raise ValidationError(
            "record",
            translate(
                "Volunteers",
                "Only make-up hours are deleted here: hours of a session or a duty are changed "
                "in its attendance or on the rota.",
            ),
        )
    audit.record(
        session,
        actor,
        "service_record.delete_make_up",
        "service_record",
        record.id,
        kind=record.kind,
        volunteer_id=record.volunteer_id,
        day=record.day.isoformat(),
        hours=str(record.hours),
        content=record.content,
        reason=why,
    )
    session.delete(record)
    session.flush()


def records_of(
    session: Session, actor: Actor, person_id: int, first: dt.date, last: dt.date
) -> list[RecordLine]:
    """The person's records from `first` to `last` (both included), newest first."""
    actor.require(Permission.RECEPTION)
    query = (
        select(ServiceRecord, ServiceItem.name, Account.display_name)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .outerjoin(ActivitySession, ActivitySession.id == ServiceRecord.session_id)
        .outerjoin(ServiceItem, ServiceItem.id == ActivitySession.item_id)
        .outerjoin(Account, Account.id == ServiceRecord.created_by_id)
        .where(Volunteer.person_id == person_id, ServiceRecord.day.between(first, last))
        .order_by(ServiceRecord.day.desc(), ServiceRecord.id.desc())
    )
    return [
        RecordLine(
            record_id=record.id,
            day=record.day,
            hours=Decimal(record.hours).quantize(_TENTH),
            content=record.content,
            kind=ServiceRecordKind(record.kind),
            reason=record.reason,
            session_id=record.session_id,
            session_title=title or "",
            created_by=created_by or "",
        )
        for record, title, created_by in session.execute(query)
    ]


def parse_hours(value: Decimal | str | float) -> Decimal:
    """Hours as typed (1.5, "2", "0.5"), to one decimal; ValidationError on the field `hours`."""
    try:
        hours = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(
            "hours", translate("Volunteers", "Write the hours as a number, e.g. 1.5.")
        ) from None
    if not hours.is_finite() or hours <= 0:
        raise ValidationError("hours", translate("Volunteers", "The hours must be more than 0."))
    if hours > MAX_HOURS:
        raise ValidationError(
            "hours",
            translate("Volunteers", "More than the day has: at most 24 hours for one day."),
        )
    if hours != hours.quantize(_TENTH):
        raise ValidationError(
            "hours", translate("Volunteers", "Hours go in tenths: e.g. 1.5, not 1.25.")
        )
    return hours.quantize(_TENTH)


def _reason(value: str) -> str:
    reason = (value or "").strip()
    if not reason:
        raise ValidationError(
            "reason", translate("Volunteers", "A reason is needed (why the hours are made up).")
        )
    if len(reason) > REASON_MAX:
        raise ValidationError("reason", _too_long(REASON_MAX))
    return reason


def _too_long(limit: int) -> str:
    return translate("Volunteers", "At most %1 characters here.").replace("%1", str(limit))


def _volunteer(session: Session, person_id: int) -> Volunteer:
    volunteer = session.scalar(select(Volunteer).where(Volunteer.person_id == person_id))
    if volunteer is None:
        raise ValidationError(
            "person_id",
            translate(
                "Volunteers",
                "This person has no volunteer profile: enrol them as a volunteer first.",
            ),
        )
    return volunteer
