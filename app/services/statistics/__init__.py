"""The centre's work in figures: any period, by community and building group, and the month's
report. Each function takes a database session, the acting account and a `Period`, and needs
`Permission.REPORTS` (staff and admins). Home's charts read the same figures through the query
modules (`activity`, `areas`, `rooms`, `requests`, `volunteers`) without that check: every
role sees Home, and it shows only aggregates.

What each figure means is in the docstrings of `rows` and of the query modules.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

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

P = ParamSpec("P")
T = TypeVar("T")


def _reported(
    query: Callable[Concatenate[Session, Period, P], T],
) -> Callable[Concatenate[Session, Actor, Period, P], T]:
    """`query(session, period, ...)` as a service: `(session, actor, period, ...)`, refused
    without `Permission.REPORTS`."""

    @functools.wraps(query)
    def checked(
        session: Session, actor: Actor, period: Period, /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        actor.require(Permission.REPORTS)
        return query(session, period, *args, **kwargs)

    return checked


areas = _reported(_area.areas)
visits_per_day = _reported(_activity.visits_per_day)
visits_by_purpose = _reported(_activity.visits_by_purpose)
series = _reported(_activity.series)
sessions = _reported(_activity.sessions)
room_use = _reported(_rooms.room_use)
requests = _reported(_request.requests)
satisfaction = _reported(_request.satisfaction)
volunteer_hours = _reported(_volunteers.volunteer_hours)  # (..., limit: int | None = None)
certificates = _reported(_volunteers.certificates)


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
