"""The centre's work in figures: any period, by community and building group, and the month's
report. Each function takes a database session, the acting account and a `Period`, and needs
`Permission.REPORTS` (staff and admins). Home's charts read the same figures through the query
modules (`activity`, `area`, `rooms`, `request`, `volunteers`) without that check: every
role sees Home, and it shows only aggregates.

What each figure means is in the docstrings of `rows` and of the query modules.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.models import Centre
from app.security import Actor, Permission
from app.services.statistics import activity as _activity
from app.services.statistics import area as _area
from app.services.statistics import request as _request
from app.services.statistics import rooms as _rooms
from app.services.statistics import volunteers as _volunteers
from app.services.statistics.period import Period
from app.services.statistics.rows import (
    AreaFigures,
    AreaLevel,
    CertificateCount,
    DayCount,
    MonthlyFigures,
    PurposeCount,
    RequestFigures,
    RoomUse,
    SatisfactionBy,
    SatisfactionLine,
    SeriesFigures,
    SessionFigures,
    VolunteerHours,
)

# The report's and Home's list of volunteers.
TOP_VOLUNTEERS = 10


def areas(session: Session, actor: Actor, period: Period) -> list[AreaFigures]:
    """The centre's line, each community followed by its building groups, then 未填写."""
    actor.require(Permission.REPORTS)
    return _area.areas(session, period)


def visits_per_day(session: Session, actor: Actor, period: Period) -> list[DayCount]:
    """Every day of the period, zeros included."""
    actor.require(Permission.REPORTS)
    return _activity.visits_per_day(session, period)


def visits_by_purpose(session: Session, actor: Actor, period: Period) -> list[PurposeCount]:
    """Every purpose, in the order of `Purpose`."""
    actor.require(Permission.REPORTS)
    return _activity.visits_by_purpose(session, period)


def series(session: Session, actor: Actor, period: Period) -> list[SeriesFigures]:
    """Every series of the menu, in its order."""
    actor.require(Permission.REPORTS)
    return _activity.series(session, period)


def sessions(session: Session, actor: Actor, period: Period) -> list[SessionFigures]:
    """The period's sessions by series, then start; cancelled ones marked."""
    actor.require(Permission.REPORTS)
    return _activity.sessions(session, period)


def room_use(session: Session, actor: Actor, period: Period) -> list[RoomUse]:
    """Every active room: booked hours against open hours."""
    actor.require(Permission.REPORTS)
    return _rooms.room_use(session, period)


def requests(session: Session, actor: Actor, period: Period) -> RequestFigures:
    """民生直通车: received, resolved, open at the end, days to resolution, answers."""
    actor.require(Permission.REPORTS)
    return _request.requests(session, period)


def satisfaction(session: Session, actor: Actor, period: Period) -> list[SatisfactionLine]:
    """Answers by category, then community, then assignee."""
    actor.require(Permission.REPORTS)
    return _request.satisfaction(session, period)


def volunteer_hours(
    session: Session, actor: Actor, period: Period, limit: int | None = None
) -> list[VolunteerHours]:
    """Hours per volunteer, most first; `limit`: only the first so many."""
    actor.require(Permission.REPORTS)
    return _volunteers.volunteer_hours(session, period, limit)


def certificates(session: Session, actor: Actor, period: Period) -> list[CertificateCount]:
    """Certificates issued (and revoked since) of every kind."""
    actor.require(Permission.REPORTS)
    return _volunteers.certificates(session, period)


def monthly(session: Session, actor: Actor, period: Period) -> MonthlyFigures:
    """Everything the monthly report prints (any period, usually a whole month)."""
    actor.require(Permission.REPORTS)
    return MonthlyFigures(
        centre_name=session.scalar(select(Centre.name)) or "",
        period=period,
        made_at=clock.now(),
        areas=_area.areas(session, period),
        visits_per_day=_activity.visits_per_day(session, period),
        visits_by_purpose=_activity.visits_by_purpose(session, period),
        series=_activity.series(session, period),
        sessions=_activity.sessions(session, period),
        room_use=_rooms.room_use(session, period),
        requests=_request.requests(session, period),
        satisfaction=_request.satisfaction(session, period),
        volunteer_hours=_volunteers.volunteer_hours(session, period, TOP_VOLUNTEERS),
        certificates=_volunteers.certificates(session, period),
    )


__all__ = [
    "TOP_VOLUNTEERS",
    "AreaFigures",
    "AreaLevel",
    "CertificateCount",
    "DayCount",
    "MonthlyFigures",
    "Period",
    "PurposeCount",
    "RequestFigures",
    "RoomUse",
    "SatisfactionBy",
    "SatisfactionLine",
    "SeriesFigures",
    "SessionFigures",
    "VolunteerHours",
    "areas",
    "certificates",
    "monthly",
    "requests",
    "room_use",
    "satisfaction",
    "series",
    "sessions",
    "visits_by_purpose",
    "visits_per_day",
    "volunteer_hours",
]
