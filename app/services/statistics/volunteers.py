"""Volunteer hours per person and certificates issued, over a period."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.models import Certificate, CertificateKind, Community, Person, ServiceRecord, Volunteer
from app.services.statistics.area import not_filled_in
from app.services.statistics.period import Period
from app.services.statistics.rows import CertificateCount, VolunteerHours

_TENTH = Decimal("0.1")


def volunteer_hours(
    session: Session, period: Period, limit: int | None = None
) -> list[VolunteerHours]:
    """Everyone with service records dated in the period (all kinds: sessions, duties, make-up
    records), most hours first (equal hours: the earlier registered person first); `limit`: only
    the first so many."""
    hours = func.sum(ServiceRecord.hours)
    query = (
        select(Person.id, Person.name, Community.name, hours)
        .select_from(ServiceRecord)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .join(Person, Person.id == Volunteer.person_id)
        .outerjoin(Community, Community.id == Person.community_id)
        .where(ServiceRecord.day >= period.first, ServiceRecord.day <= period.last)
        .group_by(Person.id, Person.name, Community.name)
        .order_by(hours.desc(), Person.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        VolunteerHours(
            person_id, name, community or not_filled_in(), Decimal(total).quantize(_TENTH)
        )
        for person_id, name, community, total in session.execute(query)
    ]


def certificates(session: Session, period: Period) -> list[CertificateCount]:
    """Every kind, in the order of `CertificateKind`: issued in the period (dated by issue, 补发
    reprints not counted again), and how many of those have been revoked since."""
    rows = session.execute(
        select(
            Certificate.kind,
            func.count(),
            func.coalesce(func.sum(case((Certificate.revoked_at.is_not(None), 1), else_=0)), 0),
        )
        .where(Certificate.issued_on >= period.first, Certificate.issued_on <= period.last)
        .group_by(Certificate.kind)
    )
    counts = {kind: (int(issued), int(revoked)) for kind, issued, revoked in rows}
    return [CertificateCount(kind, *counts.get(kind.value, (0, 0))) for kind in CertificateKind]
