"""Visits per day and by purpose, participation per service series, and the period's sessions.

Participation is counted as the sign-in sheet counts it (`app.services.menu.attendance.counts`):
in seats, so a companion of a 亲子 activity counts too; `signups` are the registered signups made
beforehand (应到), `attended` those ticked present including walk-ins (实到), `no_shows` those
marked 未到. Waitlisted and cancelled signups don't count. Series and area figures count held
sessions only (a cancelled session had no one to attend); the list of sessions shows cancelled
ones too, marked.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.models import (
    ActivitySession,
    Purpose,
    Room,
    ServiceItem,
    ServiceSeries,
    Signup,
    SignupStatus,
    Visit,
)
from app.services.statistics.period import Period
from app.services.statistics.rows import DayCount, PurposeCount, SeriesFigures, SessionFigures
from app.services.statistics.sql import as_date


def counted_visits(period: Period) -> ColumnElement[bool]:
    """Visits of the period that stand: an undone check-in is no visit."""
    return and_(Visit.at >= period.start, Visit.at < period.end, Visit.undone_at.is_(None))


def held_in(period: Period) -> ColumnElement[bool]:
    """Sessions starting in the period that were not cancelled."""
    return and_(
        ActivitySession.starts_at >= period.start,
        ActivitySession.starts_at < period.end,
        ActivitySession.cancelled.is_(False),
    )


def registered() -> ColumnElement[bool]:
    return Signup.status == SignupStatus.SIGNED_UP.value


def _seats(condition: ColumnElement[bool] | InstrumentedAttribute[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, Signup.seats), else_=0)), 0)


def participation() -> tuple[ColumnElement[Any], ColumnElement[Any], ColumnElement[Any]]:
    """Seats signed up beforehand (应到), present (实到, walk-ins included), marked no-show: sums
    over registered `Signup` rows (NULL rows of an outer join add nothing)."""
    return (
        _seats(and_(Signup.id.is_not(None), ~Signup.walk_in)),
        _seats(Signup.attended),
        _seats(Signup.no_show),
    )


def visits_per_day(session: Session, period: Period) -> list[DayCount]:
    """Every day of the period, days without visits as 0."""
    day_of = func.date(Visit.at)
    counts = {
        as_date(day): count
        for day, count in session.execute(
            select(day_of, func.count()).where(counted_visits(period)).group_by(day_of)
        )
    }
    return [DayCount(day, counts.get(day, 0)) for day in period.each_day()]


def visits_by_purpose(session: Session, period: Period) -> list[PurposeCount]:
    """Every purpose in the order of `Purpose`, purposes without visits as 0."""
    counts = dict(
        session.execute(
            select(Visit.purpose, func.count())
            .where(counted_visits(period))
            .group_by(Visit.purpose)
        ).all()
    )
    return [PurposeCount(purpose, counts.get(purpose.value, 0)) for purpose in Purpose]


def series(session: Session, period: Period) -> list[SeriesFigures]:
    """Each active series in the menu's order (and an inactive one that still held sessions in
    the period), with its held sessions and their participation."""
    signups, attended, no_shows = participation()
    held = (
        select(ActivitySession.id, ServiceItem.series_id)
        .join(ServiceItem, ServiceItem.id == ActivitySession.item_id)
        .where(held_in(period))
        .subquery()
    )
    rows = session.execute(
        select(
            ServiceSeries.id,
            ServiceSeries.name,
            ServiceSeries.active,
            func.count(func.distinct(held.c.id)),
            signups,
            attended,
            no_shows,
        )
        .outerjoin(held, held.c.series_id == ServiceSeries.id)
        .outerjoin(Signup, and_(Signup.session_id == held.c.id, registered()))
        .group_by(ServiceSeries.id, ServiceSeries.name, ServiceSeries.active)
        .order_by(ServiceSeries.sort_order, ServiceSeries.id)
    )
    return [
        SeriesFigures(series_id, name, int(held_count), int(s), int(a), int(n))
        for series_id, name, active, held_count, s, a, n in rows
        if active or held_count
    ]


def sessions(session: Session, period: Period) -> list[SessionFigures]:
    """Every session starting in the period, cancelled ones included (marked), in the menu's
    order of series, then by start."""
    signups, attended, no_shows = participation()
    walk_ins = _seats(and_(Signup.walk_in, Signup.attended))
    rows = session.execute(
        select(
            ActivitySession.id,
            ServiceSeries.name,
            ServiceItem.name,
            ActivitySession.starts_at,
            ActivitySession.ends_at,
            func.coalesce(Room.name, ""),
            ActivitySession.capacity,
            signups,
            attended,
            no_shows,
            walk_ins,
            ActivitySession.cancelled,
        )
        .join(ServiceItem, ServiceItem.id == ActivitySession.item_id)
        .join(ServiceSeries, ServiceSeries.id == ServiceItem.series_id)
        .outerjoin(Room, Room.id == ActivitySession.room_id)
        .outerjoin(Signup, and_(Signup.session_id == ActivitySession.id, registered()))
        .where(ActivitySession.starts_at >= period.start, ActivitySession.starts_at < period.end)
        .group_by(
            ActivitySession.id,
            ServiceSeries.sort_order,
            ServiceSeries.id,
            ServiceSeries.name,
            ServiceItem.name,
            ActivitySession.starts_at,
            ActivitySession.ends_at,
            Room.name,
            ActivitySession.capacity,
            ActivitySession.cancelled,
        )
        .order_by(ServiceSeries.sort_order, ServiceSeries.id, ActivitySession.starts_at)
        .order_by(ActivitySession.id)
    )
    return [
        SessionFigures(
            sid,
            series_name,
            item,
            start,
            end,
            room,
            capacity,
            int(s),
            int(a),
            int(n),
            int(w),
            bool(cancelled),
        )
        for sid, series_name, item, start, end, room, capacity, s, a, n, w, cancelled in rows
    ]
