"""Service hours: the sum of a volunteer's service records (attended volunteer sessions, duties of
the rota marked done, make-up records), for any period of days, inclusive."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Person, ServiceRecord, Volunteer
from app.security import Actor, Permission


@dataclass(frozen=True)
class HoursLine:
    volunteer_id: int
    person_id: int
    name: str
    volunteer_number: str
    hours: Decimal
    records: int


def year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def hours_of(
    session: Session, actor: Actor, person_id: int, first: dt.date, last: dt.date
) -> Decimal:
    """The person's hours from `first` to `last`, both days included (0 for a non-volunteer)."""
    actor.require(Permission.RECEPTION)
    total = session.scalar(
        select(func.coalesce(func.sum(ServiceRecord.hours), 0))
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .where(Volunteer.person_id == person_id, ServiceRecord.day.between(first, last))
    )
    return Decimal(total or 0).quantize(Decimal("0.1"))


def totals(
    session: Session,
    actor: Actor,
    first: dt.date,
    last: dt.date,
    *,
    at_least: Decimal | None = None,
) -> list[HoursLine]:
    """Every volunteer with hours in the period (or at least `at_least` of them), most first."""
    actor.require(Permission.RECEPTION)
    hours = func.sum(ServiceRecord.hours)
    query = (
        select(
            Volunteer.id,
            Volunteer.person_id,
            Person.name,
            Volunteer.volunteer_number,
            hours,
            func.count(ServiceRecord.id),
        )
        .join(ServiceRecord, ServiceRecord.volunteer_id == Volunteer.id)
        .join(Person, Person.id == Volunteer.person_id)
        .where(ServiceRecord.day.between(first, last))
        .group_by(Volunteer.id, Volunteer.person_id, Person.name, Volunteer.volunteer_number)
        .order_by(hours.desc(), Person.name, Volunteer.id)
    )
    if at_least is not None:
        query = query.having(hours >= at_least)
    return [
        HoursLine(vid, pid, name, number, Decimal(total).quantize(Decimal("0.1")), count)
        for vid, pid, name, number, total, count in session.execute(query)
    ]
