"""Volunteer profiles (志愿者档案): a person enrolled as a volunteer, with skills, availability and,
for in-service party members who report to the community (双报到), their workplace party
organisation and the day they reported.

Staff write profiles (Permission.VOLUNTEER_HOURS); everyone at the desk reads them. A profile is
numbered from the same counter as the one attendance gives an unprofiled volunteer
(`attendance.next_volunteer_number`, DLZY + 5 digits), so the two ways never collide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import translate
from app.models import BuildingGroup, Community, Person, ServiceRecord, Volunteer
from app.security import Actor, Permission
from app.services import audit
from app.services.menu.attendance import next_volunteer_number
from app.services.volunteers.hours import year_span

SKILLS_MAX = 200
AVAILABILITY_MAX = 200
PARTY_ORG_MAX = 80  # the column's length
NOTE_MAX = 500


@dataclass(frozen=True)
class VolunteerInput:
    skills: str = ""
    availability: str = ""
    double_report: bool = False
    workplace_party_org: str = ""
    reported_on: dt.date | None = None
    note: str = ""
    active: bool = True


@dataclass(frozen=True)
class VolunteerRow:
    volunteer_id: int
    person_id: int
    name: str
    volunteer_number: str
    place: str  # 社区·楼组
    skills: str
    availability: str
    double_report: bool
    workplace_party_org: str
    reported_on: dt.date | None
    note: str
    active: bool
    hours: Decimal  # in the year asked for (list_volunteers) or this year (profile_of)


def enrol(session: Session, actor: Actor, person_id: int, data: VolunteerInput) -> VolunteerRow:
    """Make the person a volunteer with a new number; ConflictError when they already are."""
    actor.require(Permission.VOLUNTEER_HOURS)
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound(translate("Volunteers", "This person is no longer on file."))
    values = _clean(data)
    if _profile(session, person_id) is not None:
        raise ConflictError(translate("Volunteers", "This person is already a volunteer."))
    volunteer = Volunteer(person_id=person_id, volunteer_number=next_volunteer_number(session))
    for key, value in values.items():
        setattr(volunteer, key, value)
    session.add(volunteer)
    session.flush()
    audit.record(
        session,
        actor,
        "volunteer.enrol",
        "volunteer",
        volunteer.id,
        person_id=person_id,
        volunteer_number=volunteer.volunteer_number,
        **values,
    )
    return _row_of(session, volunteer, clock.today().year)


def update_profile(
    session: Session, actor: Actor, person_id: int, data: VolunteerInput
) -> VolunteerRow:
    actor.require(Permission.VOLUNTEER_HOURS)
    values = _clean(data)
    volunteer = _profile(session, person_id)
    if volunteer is None:
        raise NotFound(translate("Volunteers", "This person is not a volunteer yet."))
    changes = audit.apply_changes(volunteer, values)
    if changes:
        session.flush()
        audit.record(session, actor, "volunteer.update", "volunteer", volunteer.id, **changes)
    return _row_of(session, volunteer, clock.today().year)


def profile_of(session: Session, actor: Actor, person_id: int) -> VolunteerRow | None:
    """The person's profile with this year's hours; None for someone who isn't a volunteer."""
    actor.require(Permission.RECEPTION)
    volunteer = _profile(session, person_id)
    return None if volunteer is None else _row_of(session, volunteer, clock.today().year)


def list_volunteers(
    session: Session,
    actor: Actor,
    *,
    text: str = "",
    double_report: bool | None = None,
    year: int,
) -> list[VolunteerRow]:
    """Volunteers by number, with their hours in `year`; `text` matches name, number or skills."""
    actor.require(Permission.RECEPTION)
    first, last = year_span(year)
    hours = (
        select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.hours).label("hours"))
        .where(ServiceRecord.day.between(first, last))
        .group_by(ServiceRecord.volunteer_id)
        .subquery()
    )
    query = (
        select(Volunteer, Person, Community.name, BuildingGroup.name, hours.c.hours)
        .join(Person, Person.id == Volunteer.person_id)
        .outerjoin(Community, Community.id == Person.community_id)
        .outerjoin(BuildingGroup, BuildingGroup.id == Person.building_group_id)
        .outerjoin(hours, hours.c.volunteer_id == Volunteer.id)
        .order_by(Volunteer.volunteer_number, Volunteer.id)
    )
    typed = text.strip()
    if typed:
        like = f"%{typed}%"
        query = query.where(
            or_(
                Person.name.like(like),
                Volunteer.volunteer_number.like(f"%{typed.upper()}%"),
                Volunteer.skills.like(like),
            )
        )
    if double_report is not None:
        query = query.where(Volunteer.double_report == double_report)
    return [
        _row(volunteer, person, _place(community, group), _tenths(total))
        for volunteer, person, community, group, total in session.execute(query)
    ]


# --- helpers ---------------------------------------------------------------------------------


def _profile(session: Session, person_id: int) -> Volunteer | None:
    return session.scalar(select(Volunteer).where(Volunteer.person_id == person_id))


def _clean(data: VolunteerInput) -> dict[str, object]:
    """The profile's columns from the form, or ValidationError naming the field."""
    skills = _text("skills", data.skills, SKILLS_MAX)
    availability = _text("availability", data.availability, AVAILABILITY_MAX)
    note = _text("note", data.note, NOTE_MAX)
    org = _text("workplace_party_org", data.workplace_party_org, PARTY_ORG_MAX)
    reported_on = data.reported_on
    if data.double_report:
        if not org:
            raise ValidationError(
                "workplace_party_org",
                translate(
                    "Volunteers",
                    "A member who reports twice needs the workplace party organisation.",
                ),
            )
        if reported_on is None:
            raise ValidationError(
                "reported_on",
                translate("Volunteers", "A member who reports twice needs the day of reporting."),
            )
    if reported_on is not None and reported_on > clock.today():
        raise ValidationError(
            "reported_on", translate("Volunteers", "The day of reporting can't be in the future.")
        )
    if not data.double_report:
        org, reported_on = "", None  # only a 双报到 member has them
    return {
        "skills": skills,
        "availability": availability,
        "double_report": bool(data.double_report),
        "workplace_party_org": org,
        "reported_on": reported_on,
        "note": note,
        "active": bool(data.active),
    }


def _text(field: str, value: str, limit: int) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise ValidationError(
            field,
            translate("Volunteers", "At most %1 characters here.").replace("%1", str(limit)),
        )
    return cleaned


def _tenths(value: object) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.1"))


def _place(community: str | None, group: str | None) -> str:
    return "·".join(part for part in (community, group) if part)


def _row(volunteer: Volunteer, person: Person, place: str, hours: Decimal) -> VolunteerRow:
    return VolunteerRow(
        volunteer_id=volunteer.id,
        person_id=person.id,
        name=person.name,
        volunteer_number=volunteer.volunteer_number,
        place=place,
        skills=volunteer.skills,
        availability=volunteer.availability,
        double_report=volunteer.double_report,
        workplace_party_org=volunteer.workplace_party_org,
        reported_on=volunteer.reported_on,
        note=volunteer.note,
        active=volunteer.active,
        hours=hours,
    )


def _row_of(session: Session, volunteer: Volunteer, year: int) -> VolunteerRow:
    first, last = year_span(year)
    total = session.scalar(
        select(func.coalesce(func.sum(ServiceRecord.hours), 0)).where(
            ServiceRecord.volunteer_id == volunteer.id, ServiceRecord.day.between(first, last)
        )
    )
    person = volunteer.person
    place = _place(
        person.community.name if person.community else None,
        person.building_group.name if person.building_group else None,
    )
    return _row(volunteer, person, place, _tenths(total))
