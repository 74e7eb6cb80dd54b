"""居民档案: register, edit, look up and merge people. Audited.

Phone and ID number are returned whole only to the editor (`for_editing`, and what `register`
and `update` return) of an account that may see them (`Permission.FULL_NUMBERS`: staff and
admins), next to their masked forms; a desk volunteer's editor gets the masked forms only, and
hands a masked form back unchanged to keep the number on file. A person's record (`get`) holds
the masked forms only; the audit log never holds them.

Without the person's consent a record keeps only what a visit needs (PIPL):
`people_fields.consent_problems` says which fields, for this service and the roster import alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy import update as sql_update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock, counters, people_fields, validation
from app.choices import Satisfaction
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import translate
from app.masking import mask_numbers
from app.models import (
    ActivitySession,
    Booking,
    BuildingGroup,
    Certificate,
    CertificateKind,
    Community,
    Gender,
    Person,
    PersonSearchKey,
    Purpose,
    Request,
    RequestStatus,
    ServiceItem,
    ServiceRecord,
    ServiceSeries,
    Signup,
    SignupStatus,
    Tag,
    Visit,
    Volunteer,
)
from app.pinyin import search_keys
from app.security import Actor, Permission
from app.services import audit
from app.services.menu.fitting import PersonSignup, upcoming_for_person

MEMBER_CODE_PREFIX = "YL"
MEMBER_CODE_DIGITS = 6
ADDRESS_MAX_LENGTH = 200
NOTE_MAX_LENGTH = 1000
TAG_MAX_LENGTH = 20


class DuplicatePerson(ConflictError):
    """The phone or ID number is on file already; `person_id` names that person for the UI."""

    def __init__(self, message: str, *, person_id: int, field: str) -> None:
        super().__init__(message)
        self.person_id = person_id
        self.field = field


@dataclass(frozen=True)
class PersonInput:
    """What the registration form and the importer hand in; raw text, checked by the service."""

    name: str
    gender: Gender | str | None = None
    birth_year: int | str | None = None
    phone: str | None = None
    id_number: str | None = None
    community_id: int | None = None
    building_group_id: int | None = None
    address: str = ""
    tags: Sequence[str] = ()
    consent: bool = False
    note: str = ""
    # Without consent, the volunteer confirmed the phone is only for contacting the person.
    phone_for_contact: bool = False


@dataclass(frozen=True)
class PersonRow:
    """A person: phone and ID number masked, and whole (`phone`, `id_number`) only when read
    for the editor; None there otherwise."""

    id: int
    member_code: str
    name: str
    gender: Gender | None
    birth_year: int | None
    phone: str | None
    phone_masked: str
    id_number: str | None
    id_masked: str
    community_id: int | None
    community: str
    building_group_id: int | None
    building_group: str
    address: str
    tags: tuple[str, ...]
    consent: bool
    note: str
    active: bool
    merged_into_id: int | None


@dataclass(frozen=True)
class VisitEntry:
    id: int
    at: dt.datetime
    purpose: Purpose
    note: str
    undone: bool


@dataclass(frozen=True)
class SignupEntry:
    session_id: int
    starts_at: dt.datetime
    series: str
    item: str
    status: SignupStatus
    attended: bool


@dataclass(frozen=True)
class CertificateEntry:
    id: int
    serial: str
    kind: CertificateKind
    title: str
    issued_on: dt.date
    revoked: bool


@dataclass(frozen=True)
class RequestEntry:
    id: int
    created_at: dt.datetime
    category: str
    status: RequestStatus
    text: str = ""
    resolution: str = ""
    satisfaction: Satisfaction | None = None  # the follow-up call's answer; None: not yet
    satisfaction_note: str = ""


@dataclass(frozen=True)
class PersonDetail:
    person: PersonRow
    visits: list[VisitEntry] = field(default_factory=list)
    signups: list[SignupEntry] = field(default_factory=list)
    service_hours: Decimal = Decimal(0)
    certificates: list[CertificateEntry] = field(default_factory=list)
    requests: list[RequestEntry] = field(default_factory=list)
    upcoming: list[PersonSignup] = field(default_factory=list)  # signups to come, by start


@dataclass(frozen=True)
class _Clean:
    name: str
    gender: Gender | None
    birth_year: int | None
    phone: str | None
    id_number: str | None
    community_id: int | None
    building_group_id: int | None
    address: str
    tags: tuple[str, ...]
    consent: bool
    note: str
    phone_for_contact: bool
    filled: tuple[str, ...]  # the fields given a value, in form order (the consent rule)


def _row(person: Person, *, whole: bool) -> PersonRow:
    """`whole`: the phone and ID number unmasked too (the editor only)."""
    return PersonRow(
        id=person.id,
        member_code=person.member_code,
        name=person.name,
        gender=Gender(person.gender) if person.gender else None,
        birth_year=person.birth_year,
        phone=person.phone if whole else None,
        phone_masked=people_fields.mask_phone(person.phone),
        id_number=person.id_number if whole else None,
        id_masked=people_fields.mask_id(person.id_number),
        community_id=person.community_id,
        community=person.community.name if person.community else "",
        building_group_id=person.building_group_id,
        building_group=person.building_group.name if person.building_group else "",
        address=person.address,
        tags=tuple(tag.name for tag in person.tags),
        consent=person.consent,
        # A number typed into the note is masked as the fields are (the editor's own aside).
        note=person.note if whole else mask_numbers(person.note),
        active=person.active,
        merged_into_id=person.merged_into_id,
    )


def _clean(session: Session, data: PersonInput, current: Person | None) -> _Clean:
    """Every field checked, in form order, so the first message lands beside the first bad field.

    A gender the ID number contradicts is kept as given (the form asks the volunteer); only a
    gender left empty is taken from the ID number.
    """
    name = people_fields.name(data.name)
    gender = people_fields.gender(data.gender)
    year = people_fields.birth_year(data.birth_year)
    phone = people_fields.phone(data.phone)
    id_number = people_fields.id_number(data.id_number)
    given: dict[str, object] = {
        "name": name,
        "gender": gender,
        "birth_year": year,
        "phone": phone,
        "id_number": id_number,
        "community_id": data.community_id,
        "building_group_id": data.building_group_id,
    }
    year = people_fields.birth_year_agrees(year, id_number)
    if gender is None and id_number is not None:
        gender = people_fields.gender_from_id(id_number)
    community_id, group_id = _place(session, data.community_id, data.building_group_id, current)
    address = validation.optional_text(
        "address",
        data.address,
        max_length=ADDRESS_MAX_LENGTH,
        label=translate("Errors", "the address"),
    )
    tags = tuple(
        dict.fromkeys(
            validation.required_text(
                "tags", tag, max_length=TAG_MAX_LENGTH, label=translate("Errors", "a tag")
            )
            for tag in data.tags
            if tag.strip()
        )
    )
    note = validation.optional_text(
        "note", data.note, max_length=NOTE_MAX_LENGTH, label=translate("Errors", "the note")
    )
    given.update(address=address, tags=tags, note=note)
    return _Clean(
        name,
        gender,
        year,
        phone,
        id_number,
        community_id,
        group_id,
        address,
        tags,
        data.consent,
        note,
        data.phone_for_contact,
        tuple(field for field, value in given.items() if value not in (None, "", ())),
    )


def _check_consent(clean: _Clean) -> None:
    """Without consent only what a visit needs is kept (ConsentNeeded names every other field)."""
    people_fields.check_consent(
        clean.filled, consent=clean.consent, phone_for_contact=clean.phone_for_contact
    )


def _place(
    session: Session, community_id: int | None, group_id: int | None, current: Person | None
) -> tuple[int | None, int | None]:
    """Community and building group: the group must lie in the community (or gives it), and a
    newly chosen one must still be in use; a person keeps an old, retired one on edit."""
    community: Community | None = None
    if community_id is not None:
        community = session.get(Community, community_id)
        unchanged = current is not None and current.community_id == community_id
        if community is None or not (community.active or unchanged):
            raise ValidationError(
                "community_id", translate("Errors", "Choose a community from the list.")
            )
    if group_id is None:
        return community_id, None
    group = session.get(BuildingGroup, group_id)
    unchanged = current is not None and current.building_group_id == group_id
    if group is None or not (group.active or unchanged):
        raise ValidationError(
            "building_group_id", translate("Errors", "Choose a building group from the list.")
        )
    if community is None:
        return group.community_id, group.id
    if group.community_id != community.id:
        raise ValidationError(
            "building_group_id",
            translate("Errors", "This building group belongs to another community."),
        )
    return community.id, group.id


def find_duplicate(
    session: Session,
    *,
    phone: str | None,
    id_number: str | None,
    exclude_id: int | None = None,
    check_phone: bool = True,
) -> DuplicatePerson | None:
    """The person already on file with this ID number or phone (canonical forms), if any.

    A merged-away record points to the person it was merged into. The importer uses this too.
    """
    if id_number is not None:
        query = select(Person).where(Person.id_number == id_number)
        if exclude_id is not None:
            query = query.where(Person.id != exclude_id)
        found = session.scalar(query)
        if found is not None:
            return DuplicatePerson(
                translate("Errors", "A person with this ID number is already on file: %1 (%2).")
                .replace("%1", found.name)
                .replace("%2", found.member_code),
                person_id=_surviving(session, found).id,
                field="id_number",
            )
    if phone is not None and check_phone:
        query = select(Person).where(Person.phone == phone, Person.active.is_(True))
        if exclude_id is not None:
            query = query.where(Person.id != exclude_id)
        found = session.scalars(query.order_by(Person.id).limit(1)).first()
        if found is not None:
            return DuplicatePerson(
                translate("Errors", "A person with this phone number is already on file: %1 (%2).")
                .replace("%1", found.name)
                .replace("%2", found.member_code),
                person_id=found.id,
                field="phone",
            )
    return None


def _surviving(session: Session, person: Person) -> Person:
    seen = {person.id}
    while person.merged_into_id is not None and person.merged_into_id not in seen:
        kept = session.get(Person, person.merged_into_id)
        if kept is None:
            break
        seen.add(kept.id)
        person = kept
    return person


def member_code(number: int) -> str:
    """The member code printed on card number `number`: YL and six digits (YL000042)."""
    return f"{MEMBER_CODE_PREFIX}{number:0{MEMBER_CODE_DIGITS}d}"


def next_member_codes(session: Session, count: int = 1) -> list[str]:
    """`count` member codes that no desk has been given, consecutive (`app.counters`)."""
    first = counters.take(session, counters.MEMBER_CODE, count)
    return [member_code(first + i) for i in range(count)]


def _tags(session: Session, names: Sequence[str]) -> list[Tag]:
    if not names:
        return []
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(names)))}
    tags: list[Tag] = []
    for tag_name in names:
        tag = existing.get(tag_name)
        if tag is None:
            tag = Tag(name=tag_name)
            session.add(tag)
        tags.append(tag)
    return tags


def _set_search_keys(person: Person) -> None:
    keys = dict.fromkeys(search_keys(person.name))
    person.search_keys = [PersonSearchKey(kind=kind, key=key) for kind, key in keys]


def _apply(session: Session, person: Person, clean: _Clean) -> None:
    if person.name != clean.name or not person.search_keys:
        person.name = clean.name
        _set_search_keys(person)
    person.gender = clean.gender.value if clean.gender else None
    person.birth_year = clean.birth_year
    person.phone = clean.phone
    person.phone_reversed = people_fields.phone_reversed(clean.phone) if clean.phone else None
    person.id_number = clean.id_number
    person.id_tail = clean.id_number[-4:] if clean.id_number else None
    person.community_id = clean.community_id
    person.building_group_id = clean.building_group_id
    person.address = clean.address
    if clean.consent and not person.consent:
        person.consent_at = clock.now()
    elif not clean.consent:
        person.consent_at = None
    person.consent = clean.consent
    person.note = clean.note
    person.tags = _tags(session, clean.tags)


def _flush(session: Session) -> None:
    """Two desks saving the same member code or ID number at one moment: the loser retries."""
    try:
        session.flush()
    except IntegrityError as error:
        raise ConflictError(
            translate("Errors", "Someone else saved at the same moment. Please save again.")
        ) from error


def register(
    session: Session, actor: Actor, data: PersonInput, *, allow_shared_phone: bool = False
) -> PersonRow:
    """A new person with the next member code.

    A phone or ID number on file raises DuplicatePerson instead; `allow_shared_phone` lets a
    family that shares one landline or mobile register its second member (never a shared ID).
    """
    actor.require(Permission.EDIT_PEOPLE)
    clean = _clean(session, data, None)
    duplicate = find_duplicate(
        session, phone=clean.phone, id_number=clean.id_number, check_phone=not allow_shared_phone
    )
    if duplicate is not None:
        raise duplicate
    _check_consent(clean)
    person = Person(member_code=next_member_codes(session)[0], name=clean.name)
    _apply(session, person, clean)
    session.add(person)
    _flush(session)
    audit.record(
        session,
        actor,
        "create",
        "person",
        person.id,
        member_code=person.member_code,
        shared_phone=allow_shared_phone or None,
        phone_for_contact=_contact_only(clean) or None,
    )
    return _row(person, whole=actor.may(Permission.FULL_NUMBERS))


def _contact_only(clean: _Clean) -> bool:
    """A phone kept without consent, confirmed to be for contacting the person."""
    return not clean.consent and clean.phone is not None and clean.phone_for_contact


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(translate("Errors", "This person is no longer on file."))
    return person


def _active_person(session: Session, person_id: int) -> Person:
    person = _person(session, person_id)
    if not person.active:
        raise ConflictError(
            translate("Errors", "This record was merged into another one; open that one instead.")
        )
    return person


_AUDITED_FIELDS = (
    "name",
    "gender",
    "birth_year",
    "phone",
    "id_number",
    "community_id",
    "building_group_id",
    "address",
    "consent",
    "note",
)


def update(
    session: Session,
    actor: Actor,
    person_id: int,
    data: PersonInput,
    *,
    allow_shared_phone: bool = False,
) -> PersonRow:
    """Edit a person; the audit names the changed fields, not their (personal) values."""
    actor.require(Permission.EDIT_PEOPLE)
    person = _active_person(session, person_id)
    clean = _clean(session, _kept_numbers(data, person), person)
    duplicate = find_duplicate(
        session,
        phone=clean.phone if clean.phone != person.phone else None,
        id_number=clean.id_number,
        exclude_id=person.id,
        check_phone=not allow_shared_phone,
    )
    if duplicate is not None:
        raise duplicate
    _check_consent(clean)
    before = {name: getattr(person, name) for name in _AUDITED_FIELDS}
    old_tags = [tag.name for tag in person.tags]
    _apply(session, person, clean)
    _flush(session)
    changed = [name for name in _AUDITED_FIELDS if getattr(person, name) != before[name]]
    if list(clean.tags) != old_tags:
        changed.append("tags")
    if changed:
        audit.record(
            session,
            actor,
            "update",
            "person",
            person.id,
            fields=changed,
            phone_for_contact=("phone" in changed and _contact_only(clean)) or None,
        )
    return _row(person, whole=actor.may(Permission.FULL_NUMBERS))


def for_editing(session: Session, actor: Actor, person_id: int) -> PersonRow:
    """A person as the editor shows them: the phone and ID number whole for staff and admins,
    masked for a desk volunteer."""
    actor.require(Permission.EDIT_PEOPLE)
    return _row(_person(session, person_id), whole=actor.may(Permission.FULL_NUMBERS))


def _kept_numbers(data: PersonInput, person: Person) -> PersonInput:
    """The form handed back a number as the editor showed it masked (138****5678): the number
    on file stays. A desk volunteer edits a record without ever seeing its numbers whole."""
    phone, id_number, note = data.phone, data.id_number, data.note
    if person.phone and (phone or "").strip() == people_fields.mask_phone(person.phone):
        phone = person.phone
    if person.id_number and (id_number or "").strip() == people_fields.mask_id(person.id_number):
        id_number = person.id_number
    if person.note and note != person.note and note == mask_numbers(person.note):
        note = person.note  # a note with a number in it, shown masked and left as it was
    if (phone, id_number, note) == (data.phone, data.id_number, data.note):
        return data
    return replace(data, phone=phone, id_number=id_number, note=note)


def get(session: Session, actor: Actor, person_id: int) -> PersonDetail:
    """A person's record with their history, newest first; phone and ID number masked only."""
    actor.require(Permission.RECEPTION)
    person = _person(session, person_id)
    visits = [
        VisitEntry(v.id, v.at, Purpose(v.purpose), mask_numbers(v.note), v.undone_at is not None)
        for v in session.scalars(
            select(Visit)
            .where(Visit.person_id == person_id)
            .order_by(Visit.at.desc(), Visit.id.desc())
        )
    ]
    signups = [
        SignupEntry(session_id, starts_at, series, item, SignupStatus(status), attended)
        for session_id, starts_at, series, item, status, attended in session.execute(
            select(
                ActivitySession.id,
                ActivitySession.starts_at,
                ServiceSeries.name,
                ServiceItem.name,
                Signup.status,
                Signup.attended,
            )
            .join(ActivitySession, ActivitySession.id == Signup.session_id)
            .join(ServiceItem, ServiceItem.id == ActivitySession.item_id)
            .join(ServiceSeries, ServiceSeries.id == ServiceItem.series_id)
            .where(Signup.person_id == person_id)
            .order_by(ActivitySession.starts_at.desc())
        )
    ]
    hours = session.scalar(
        select(func.coalesce(func.sum(ServiceRecord.hours), 0))
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .where(Volunteer.person_id == person_id)
    )
    certificates = [
        CertificateEntry(
            c.id, c.serial, CertificateKind(c.kind), c.title, c.issued_on, c.revoked_at is not None
        )
        for c in session.scalars(
            select(Certificate)
            .where(Certificate.person_id == person_id)
            .order_by(Certificate.issued_on.desc(), Certificate.id.desc())
        )
    ]
    requests = [
        RequestEntry(
            r.id,
            r.created_at,
            r.category,
            RequestStatus(r.status),
            mask_numbers(r.text),
            mask_numbers(r.resolution),
            Satisfaction(r.satisfaction) if r.satisfaction else None,
            mask_numbers(r.satisfaction_note),
        )
        for r in session.scalars(
            select(Request).where(Request.person_id == person_id).order_by(Request.id.desc())
        )
    ]
    return PersonDetail(
        _row(person, whole=False),
        visits,
        signups,
        Decimal(hours or 0),
        certificates,
        requests,
        upcoming_for_person(session, actor, person_id),
    )


_SIGNUP_PRIORITY = {
    SignupStatus.SIGNED_UP.value: 0,
    SignupStatus.WAITLISTED.value: 1,
    SignupStatus.CANCELLED.value: 2,
}


def merge(session: Session, actor: Actor, keep_id: int, drop_id: int) -> PersonRow:
    """Move the dropped record's history to the kept one; the dropped one stays, inactive, as a
    pointer (`merged_into_id`), so an old member card or import still finds the right person."""
    actor.require(Permission.MERGE_PEOPLE)
    if keep_id == drop_id:
        raise ValidationError(
            "drop_id", translate("Errors", "Choose two different records to merge.")
        )
    keep = _active_person(session, keep_id)
    drop = _active_person(session, drop_id)
    if keep.id_number and drop.id_number and keep.id_number != drop.id_number:
        raise ConflictError(
            translate(
                "Errors", "These records have different ID numbers: they are two different people."
            )
        )
    moved: dict[str, int] = {}
    moved["visits"] = _move(session, Visit, drop.id, keep.id)
    moved["requests"] = _move(session, Request, drop.id, keep.id)
    moved["certificates"] = _move(session, Certificate, drop.id, keep.id)
    moved["bookings"] = _move(session, Booking, drop.id, keep.id)
    moved["signups"] = _merge_signups(session, drop.id, keep.id)
    moved["service_records"] = _merge_volunteer(session, drop.id, keep.id)
    # Records merged into the dropped one earlier now point at the kept one.
    session.execute(
        sql_update(Person).where(Person.merged_into_id == drop.id).values(merged_into_id=keep.id)
    )
    # Fill the kept record's gaps; the ID number must leave the dropped row first (it is unique).
    id_number = drop.id_number
    drop.id_number = None
    drop.id_tail = None
    session.flush()
    if keep.id_number is None and id_number is not None:
        keep.id_number = id_number
        keep.id_tail = id_number[-4:]
    if keep.phone is None and drop.phone is not None:
        keep.phone, keep.phone_reversed = drop.phone, drop.phone_reversed
    for attribute in ("gender", "birth_year", "community_id", "building_group_id"):
        if getattr(keep, attribute) is None:
            setattr(keep, attribute, getattr(drop, attribute))
    if not keep.address:
        keep.address = drop.address
    keep.tags = list(dict.fromkeys([*keep.tags, *drop.tags]))
    # Consent is the person's: given on either record, it covers the merged one (whose gaps were
    # just filled from a record that may have held data only consent allows).
    if drop.consent and not keep.consent:
        keep.consent, keep.consent_at = True, drop.consent_at
    drop.tags = []
    drop.active = False
    drop.merged_into_id = keep.id
    drop.search_keys = []
    _flush(session)
    audit.record(session, actor, "merge", "person", keep.id, dropped=drop.id, moved=moved)
    return _row(keep, whole=False)


def _move(
    session: Session,
    model: type[Visit | Request | Certificate | Booking],
    drop_id: int,
    keep_id: int,
) -> int:
    ids = list(session.scalars(select(model.id).where(model.person_id == drop_id)))
    if ids:
        session.execute(sql_update(model).where(model.id.in_(ids)).values(person_id=keep_id))
    return len(ids)


def _merge_signups(session: Session, drop_id: int, keep_id: int) -> int:
    """Both signed up for one session: one row stays, the better placed (signed up before
    waitlisted before cancelled), with attendance if either was ticked."""
    kept = {
        s.session_id: s for s in session.scalars(select(Signup).where(Signup.person_id == keep_id))
    }
    moved = 0
    for signup in list(session.scalars(select(Signup).where(Signup.person_id == drop_id))):
        other = kept.get(signup.session_id)
        if other is None:
            signup.person_id = keep_id
            moved += 1
            continue
        winner, loser = (
            (signup, other)
            if _SIGNUP_PRIORITY[signup.status] < _SIGNUP_PRIORITY[other.status]
            else (other, signup)
        )
        if loser.attended and not winner.attended:
            winner.attended, winner.attended_at = True, loser.attended_at
        session.delete(loser)
        session.flush()  # the unique (session, person) pair is free before the winner moves
        if winner is signup:
            signup.person_id = keep_id
            moved += 1
    return moved


def _merge_volunteer(session: Session, drop_id: int, keep_id: int) -> int:
    """The dropped volunteer profile moves when the kept person has none; otherwise its service
    records move to the kept profile (one record per session) and it is retired."""
    dropped = session.scalar(select(Volunteer).where(Volunteer.person_id == drop_id))
    if dropped is None:
        return 0
    kept = session.scalar(select(Volunteer).where(Volunteer.person_id == keep_id))
    if kept is None:
        dropped.person_id = keep_id
        return 0
    sessions = set(
        session.scalars(
            select(ServiceRecord.session_id).where(
                ServiceRecord.volunteer_id == kept.id, ServiceRecord.session_id.is_not(None)
            )
        )
    )
    moved = 0
    for record in session.scalars(
        select(ServiceRecord).where(ServiceRecord.volunteer_id == dropped.id)
    ):
        if record.session_id is not None and record.session_id in sessions:
            continue  # the same session's hours are on the kept profile already
        record.volunteer_id = kept.id
        moved += 1
    dropped.active = False
    return moved
