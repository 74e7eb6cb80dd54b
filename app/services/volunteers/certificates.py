"""The certificate register: issuing (one, or a year's record certificates to everyone who
reached a number of hours), 补发 (a reprint), revoking with a reason, and verifying a certificate
from its number and code (typed, or scanned from its QR code).

Staff and admins (`Permission.CERTIFICATES`) write the register; every account may read it and
verify a certificate (`Permission.RECEPTION`). A row's verification code reaches only those who
may write the register: with a serial and its code anyone could make a certificate that verifies,
so a desk volunteer reading the register gets an empty code. Numbers come from
`app.services.certificates` in the issuing transaction: no gaps, never reused, and a refused issue
writes nothing.

The QR code printed on a certificate carries `qr_payload(serial, code)` = "serial|code";
`parse_payload` reads it back (and a typed "serial code" too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app import clock, validation
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import translate
from app.models import Centre, Certificate, CertificateKind, Person, ServiceRecord, Volunteer
from app.security import Actor, Permission
from app.services import audit
from app.services import certificates as numbering
from app.services.volunteers import hours as hours_service

# The title of every record certificate, as the Ministry's notice names it.
RECORD_TITLE = "志愿服务记录证明"
PAYLOAD_SEPARATOR = "|"
RECORD_CONTENT_ITEMS = 3  # kinds of service a record certificate names when left to the records


class Outcome:
    VALID = "valid"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class IssueInput:
    person_id: int
    kind: CertificateKind
    title: str
    content: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    hours: Decimal | None = None


@dataclass(frozen=True)
class CertificateRow:
    id: int
    kind: CertificateKind
    year: int
    sequence: int
    serial: str
    verification_code: str  # "" for an account without Permission.CERTIFICATES
    person_id: int
    name: str
    title: str
    hours: Decimal | None
    content: str
    issued_on: dt.date
    period_start: dt.date | None
    period_end: dt.date | None
    issuer: str
    person_in_charge: str
    handler: str
    contact: str
    reprints: int
    reprinted_on: dt.date | None
    revoked_at: dt.datetime | None
    revoked_reason: str

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


@dataclass(frozen=True)
class BatchLine:
    """Someone who reached the threshold in the year; `held` is the serial of the year's record
    certificate they already hold ("" when none)."""

    person_id: int
    name: str
    volunteer_number: str
    hours: Decimal
    held: str

    @property
    def holds_one(self) -> bool:
        return bool(self.held)


@dataclass(frozen=True)
class Verification:
    """What checking a certificate tells: `outcome` valid / revoked / unknown; for an unknown
    one nothing but the serial asked about."""

    outcome: str
    serial: str
    holder: str = ""  # masked: 王*国
    kind: CertificateKind | None = None
    title: str = ""
    issued_on: dt.date | None = None
    revoked_reason: str = ""


# --- the QR code's payload ----------------------------------------------------------------------


def qr_payload(serial: str, code: str) -> str:
    """What a certificate's QR code carries: "东邻志证〔2026〕第0007号|ABCD2345"."""
    return f"{serial}{PAYLOAD_SEPARATOR}{code}"


_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕"})
_BRACKETS.update(str.maketrans({"（": "〔", "）": "〕", "［": "〔", "］": "〕"}))


def parse_payload(text: str) -> tuple[str, str] | None:
    """(serial, code) from a scanned payload "serial|code", or from a typed "serial code";
    None when the text holds no serial and code."""
    text = text.strip()
    if PAYLOAD_SEPARATOR in text:
        serial, _, code = text.rpartition(PAYLOAD_SEPARATOR)
    else:
        parts = text.split()
        if len(parts) < 2:
            return None
        serial, code = "".join(parts[:-1]), parts[-1]
    serial = "".join(serial.split()).translate(_BRACKETS)
    code = "".join(code.split()).upper()
    if not serial or not code:
        return None
    return serial, code


def mask_name(name: str) -> str:
    """A holder's name as verification shows it: 王建国 → 王*国, 王军 → 王*, 欧阳建国 → 欧**国."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


# --- reading -------------------------------------------------------------------------------------


def _rows(query: Select[Certificate, str], session: Session, actor: Actor) -> list[CertificateRow]:
    return [_row(certificate, name, actor) for certificate, name in session.execute(query)]


def _row(certificate: Certificate, name: str, actor: Actor) -> CertificateRow:
    """The row as `actor` may read it: the verification code only for those who issue."""
    code = certificate.verification_code if actor.may(Permission.CERTIFICATES) else ""
    return CertificateRow(
        id=certificate.id,
        kind=CertificateKind(certificate.kind),
        year=certificate.year,
        sequence=certificate.sequence,
        serial=certificate.serial,
        verification_code=code,
        person_id=certificate.person_id,
        name=name,
        title=certificate.title,
        hours=certificate.hours,
        content=certificate.content,
        issued_on=certificate.issued_on,
        period_start=certificate.period_start,
        period_end=certificate.period_end,
        issuer=certificate.issuer,
        person_in_charge=certificate.person_in_charge,
        handler=certificate.handler,
        contact=certificate.contact,
        reprints=certificate.reprints,
        reprinted_on=certificate.reprinted_on,
        revoked_at=certificate.revoked_at,
        revoked_reason=certificate.revoked_reason,
    )


def _select() -> Select[Certificate, str]:
    return select(Certificate, Person.name).join(Person, Person.id == Certificate.person_id)


def get(session: Session, actor: Actor, certificate_id: int) -> CertificateRow:
    actor.require(Permission.RECEPTION)
    found = session.execute(_select().where(Certificate.id == certificate_id)).first()
    if found is None:
        raise NotFound(translate("Errors", "This certificate no longer exists."))
    return _row(found[0], found[1], actor)


def register(
    session: Session,
    actor: Actor,
    *,
    year: int | None = None,
    kind: CertificateKind | str | None = None,
    text: str = "",
) -> list[CertificateRow]:
    """The register, newest first; `text` finds a serial, a holder's name or a title."""
    actor.require(Permission.RECEPTION)
    query = _select()
    if year is not None:
        query = query.where(Certificate.year == year)
    if kind:
        query = query.where(Certificate.kind == CertificateKind(kind).value)
    words = text.split()
    for word in words:
        pattern = f"%{word.translate(_BRACKETS)}%"
        query = query.where(
            or_(
                Certificate.serial.like(pattern),
                Person.name.like(pattern),
                Certificate.title.like(pattern),
            )
        )
    query = query.order_by(Certificate.issued_on.desc(), Certificate.id.desc())
    return _rows(query, session, actor)


def years(session: Session, actor: Actor) -> list[int]:
    """The years the register has certificates of, newest first."""
    actor.require(Permission.RECEPTION)
    found = session.scalars(
        select(Certificate.year).distinct().order_by(Certificate.year.desc())
    ).all()
    return list(found)


# --- issuing -------------------------------------------------------------------------------------


def _centre(session: Session) -> Centre:
    centre = session.get(Centre, 1)
    if centre is None or not centre.person_in_charge.strip() or not centre.handler.strip():
        raise ValidationError(
            "centre",
            translate(
                "Errors",
                "The centre's person in charge (负责人) and handler (经办人) are printed on every "
                "certificate: fill them in under Settings first. Nothing was issued.",
            ),
        )
    return centre


def _person_name(session: Session, person_id: int) -> str:
    name = session.scalar(select(Person.name).where(Person.id == person_id))
    if name is None:
        raise ValidationError(
            "person", translate("Errors", "Please choose the resident the certificate is for.")
        )
    return name


def _nothing_written() -> str:
    return translate("Errors", "Nothing was written.")


def _record_period(
    session: Session, person_id: int, start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The period a record certificate covers: as given, or from the person's first to last
    service record."""
    if start is None or end is None:
        first, last = session.execute(
            select(func.min(ServiceRecord.day), func.max(ServiceRecord.day))
            .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
            .where(Volunteer.person_id == person_id, ServiceRecord.day <= clock.today())
        ).one()
        start = start or first
        end = end or last
    if start is None or end is None:
        raise ValidationError(
            "hours",
            translate("Errors", "%1 has no service hours to certify. %2")
            .replace("%1", _person_name(session, person_id))
            .replace("%2", _nothing_written()),
        )
    return start, end


def _record_content(session: Session, person_id: int, start: dt.date, end: dt.date) -> str:
    """服务内容 of a record certificate left blank: what the person's records of the period
    say, the most hours first, e.g. 垃圾分类桶前督导、志愿者服务日等 (printed in Chinese)."""
    hours = func.sum(ServiceRecord.hours)
    found = session.scalars(
        select(ServiceRecord.content)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .where(
            Volunteer.person_id == person_id,
            ServiceRecord.day.between(start, end),
            ServiceRecord.content != "",
        )
        .group_by(ServiceRecord.content)
        .order_by(hours.desc(), ServiceRecord.content)
        .limit(RECORD_CONTENT_ITEMS + 1)
    ).all()
    named = "、".join(found[:RECORD_CONTENT_ITEMS])
    return named + "等" if len(found) > RECORD_CONTENT_ITEMS else named


def _issue(
    session: Session, actor: Actor, centre: Centre, data: IssueInput
) -> tuple[Certificate, str]:
    try:
        kind = CertificateKind(data.kind)
    except ValueError:
        raise ValidationError(
            "kind", translate("Errors", "Choose the kind of certificate from the list.")
        ) from None
    name = _person_name(session, data.person_id)
    if (
        data.period_start is not None
        and data.period_end is not None
        and data.period_end < data.period_start
    ):
        raise ValidationError(
            "period", translate("Errors", "The period must end on or after the day it starts.")
        )
    content = validation.optional_text(
        "content", data.content, max_length=500, label=translate("Errors", "the content")
    )
    hours: Decimal | None
    if kind == CertificateKind.SERVICE_RECORD:
        start, end = _record_period(session, data.person_id, data.period_start, data.period_end)
        period: tuple[dt.date | None, dt.date | None] = (start, end)
        title = validation.optional_text(
            "title", data.title, max_length=60, label=translate("Errors", "the title")
        )
        title = title or RECORD_TITLE
        hours = hours_service.hours_of(session, actor, data.person_id, start, end)
        content = content or _record_content(session, data.person_id, start, end)
        if hours <= 0:
            raise ValidationError(
                "hours",
                translate("Errors", "%1 has no service hours from %2 to %3. %4")
                .replace("%1", name)
                .replace("%2", start.isoformat())
                .replace("%3", end.isoformat())
                .replace("%4", _nothing_written()),
            )
    else:
        label = (
            translate("Errors", "the honour")
            if kind == CertificateKind.HONOUR
            else translate("Errors", "the course")
        )
        title = validation.required_text("title", data.title, max_length=60, label=label)
        period = (data.period_start, data.period_end)
        hours = None
        if data.hours is not None:
            try:
                wanted = Decimal(data.hours)
            except (ArithmeticError, TypeError, ValueError):
                wanted = Decimal(-1)
            # Infinity, NaN or a number too long to round would break quantize: refuse them here.
            if not wanted.is_finite() or abs(wanted) >= Decimal("1000000"):
                wanted = Decimal(-1)
            hours = wanted.quantize(Decimal("0.1"))
            if hours <= 0 or hours >= Decimal("1000000"):
                raise ValidationError(
                    "hours", translate("Errors", "The hours must be more than 0.")
                )
    today = clock.today()
    number = numbering.take_number(session, centre.certificate_prefix, kind, today.year)
    certificate = Certificate(
        kind=kind.value,
        year=number.year,
        sequence=number.sequence,
        serial=number.serial,
        verification_code=numbering.derived_code(
            centre.verification_secret, number.serial, data.person_id
        ),
        person_id=data.person_id,
        title=title,
        hours=hours,
        content=content,
        issued_on=today,
        period_start=period[0],
        period_end=period[1],
        issuer=centre.name,
        person_in_charge=centre.person_in_charge,
        handler=centre.handler,
        contact=centre.phone,
        reprints=0,
        issued_by_id=actor.account_id,
    )
    session.add(certificate)
    session.flush()
    audit.record(
        session,
        actor,
        "issue",
        "certificate",
        certificate.id,
        serial=certificate.serial,
        person_id=data.person_id,
        kind=kind.value,
        title=title,
        hours=hours,
    )
    return certificate, name


def issue(session: Session, actor: Actor, data: IssueInput) -> CertificateRow:
    """Issue one certificate with the next number of its kind this year."""
    actor.require(Permission.CERTIFICATES)
    centre = _centre(session)
    certificate, name = _issue(session, actor, centre, data)
    return _row(certificate, name, actor)


def _year_holders(session: Session, year: int) -> dict[int, str]:
    """Who holds a record certificate (not revoked) for the whole of `year`: person → serial."""
    first, last = hours_service.year_span(year)
    found = session.execute(
        select(Certificate.person_id, Certificate.serial)
        .where(
            Certificate.kind == CertificateKind.SERVICE_RECORD.value,
            Certificate.revoked_at.is_(None),
            Certificate.period_start == first,
            Certificate.period_end.between(first, last),
        )
        .order_by(Certificate.id)
    )
    return {person_id: serial for person_id, serial in found}


def _year_period(year: int) -> tuple[dt.date, dt.date]:
    first, last = hours_service.year_span(year)
    return first, min(last, max(first, clock.today()))


def _threshold(threshold: Decimal | int | str) -> Decimal:
    try:
        value = Decimal(str(threshold))
    except ArithmeticError:
        value = Decimal(-1)
    if not value.is_finite() or value <= 0:
        raise ValidationError(
            "threshold", translate("Errors", "The number of hours must be more than 0.")
        )
    return value


def batch_preview(
    session: Session, actor: Actor, year: int, threshold: Decimal | int | str
) -> list[BatchLine]:
    """Who reached `threshold` hours in `year` (most first), and which of them already hold
    that year's record certificate."""
    actor.require(Permission.CERTIFICATES)
    minimum = _threshold(threshold)
    first, last = _year_period(year)
    held = _year_holders(session, year)
    return [
        BatchLine(
            line.person_id,
            line.name,
            line.volunteer_number,
            line.hours,
            held.get(line.person_id, ""),
        )
        for line in hours_service.totals(session, actor, first, last, at_least=minimum)
    ]


def batch_issue(
    session: Session,
    actor: Actor,
    year: int,
    threshold: Decimal | int | str,
    person_ids: Sequence[int],
) -> list[CertificateRow]:
    """A record certificate of `year` for each of `person_ids`, all in one transaction: if one
    of them didn't reach the threshold or already holds one, none is issued."""
    actor.require(Permission.CERTIFICATES)
    if not person_ids:
        raise ValidationError(
            "people", translate("Errors", "Tick at least one person to issue certificates to.")
        )
    if len(set(person_ids)) != len(person_ids):
        raise ValidationError("people", translate("Errors", "Someone is ticked twice."))
    centre = _centre(session)
    lines = {line.person_id: line for line in batch_preview(session, actor, year, threshold)}
    for person_id in person_ids:
        line = lines.get(person_id)
        if line is None:
            raise ConflictError(
                translate("Errors", "%1 has fewer than %2 hours in %3. %4")
                .replace("%1", _person_name(session, person_id))
                .replace("%2", str(_threshold(threshold).normalize()))
                .replace("%3", str(year))
                .replace("%4", _nothing_written())
            )
        if line.held:
            raise ConflictError(
                translate("Errors", "%1 already holds %2 for %3. %4")
                .replace("%1", line.name)
                .replace("%2", line.held)
                .replace("%3", str(year))
                .replace("%4", _nothing_written())
            )
    first, last = _year_period(year)
    issued = []
    for person_id in person_ids:
        data = IssueInput(person_id, CertificateKind.SERVICE_RECORD, RECORD_TITLE, "", first, last)
        certificate, name = _issue(session, actor, centre, data)
        issued.append(_row(certificate, name, actor))
    audit.record(session, actor, "batch_issue", "certificate", None, year=year, count=len(issued))
    return issued


# --- after issuing -------------------------------------------------------------------------------


def _certificate(session: Session, certificate_id: int) -> Certificate:
    certificate = session.get(Certificate, certificate_id)
    if certificate is None:
        raise NotFound(translate("Errors", "This certificate no longer exists."))
    return certificate


def reprint(session: Session, actor: Actor, certificate_id: int) -> CertificateRow:
    """补发: the certificate printed again, marked as a reprint with today's date."""
    actor.require(Permission.CERTIFICATES)
    certificate = _certificate(session, certificate_id)
    if certificate.revoked_at is not None:
        raise ConflictError(
            translate("Errors", "%1 was revoked: it can't be reprinted.").replace(
                "%1", certificate.serial
            )
        )
    certificate.reprints += 1
    certificate.reprinted_on = clock.today()
    session.flush()
    audit.record(
        session,
        actor,
        "reprint",
        "certificate",
        certificate.id,
        serial=certificate.serial,
        reprints=certificate.reprints,
    )
    return get(session, actor, certificate.id)


def revoke(session: Session, actor: Actor, certificate_id: int, reason: str) -> CertificateRow:
    """作废, with the reason verification will show."""
    actor.require(Permission.CERTIFICATES)
    reason = validation.required_text(
        "reason", reason, max_length=200, label=translate("Errors", "the reason")
    )
    certificate = _certificate(session, certificate_id)
    if certificate.revoked_at is not None:
        raise ConflictError(
            translate("Errors", "%1 is already revoked.").replace("%1", certificate.serial)
        )
    certificate.revoked_at = clock.now()
    certificate.revoked_reason = reason
    certificate.revoked_by_id = actor.account_id
    session.flush()
    audit.record(
        session,
        actor,
        "revoke",
        "certificate",
        certificate.id,
        serial=certificate.serial,
        reason=reason,
    )
    return get(session, actor, certificate.id)


# --- verifying -----------------------------------------------------------------------------------


def verify(session: Session, actor: Actor, serial: str, code: str) -> Verification:
    """Whether `serial` with `code` is a certificate of this centre: valid, revoked (with the
    reason), or unknown — a made-up code or number says nothing more."""
    actor.require(Permission.RECEPTION)
    serial = "".join(serial.split()).translate(_BRACKETS)
    if not serial.isprintable():
        # A control character (a NUL from a damaged scan) is in no serial, and PostgreSQL would
        # refuse to compare it at all.
        return Verification(Outcome.UNKNOWN, serial)
    found = session.execute(_select().where(Certificate.serial == serial)).first()
    if found is None or not numbering.code_matches(found[0].verification_code, code):
        return Verification(Outcome.UNKNOWN, serial)
    certificate, name = found
    return Verification(
        Outcome.REVOKED if certificate.revoked_at is not None else Outcome.VALID,
        certificate.serial,
        mask_name(name),
        CertificateKind(certificate.kind),
        certificate.title,
        certificate.issued_on,
        certificate.revoked_reason,
    )


def verify_scan(session: Session, actor: Actor, text: str) -> Verification:
    """`verify` from a scanned QR payload (or a typed "serial code")."""
    actor.require(Permission.RECEPTION)
    parsed = parse_payload(text)
    if parsed is None:
        return Verification(Outcome.UNKNOWN, text.strip())
    return verify(session, actor, *parsed)
