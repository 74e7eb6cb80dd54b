"""A session's status, derived from its row and its seats, never stored: a desk that reads it
while another signs someone up sees the truth of its own transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import ActivitySession, SessionStatus, Signup, SignupStatus


def signups_close_at(activity: ActivitySession) -> dt.datetime:
    """When signups end: the deadline when one is set and earlier than the start, else the start."""
    deadline = activity.signup_deadline
    if deadline is None or deadline > activity.starts_at:
        return activity.starts_at
    return deadline


def status_of(activity: ActivitySession, taken: int, now: dt.datetime) -> SessionStatus:
    """`taken`: the seats of its registered signups (`seats_taken`)."""
    if activity.cancelled:
        return SessionStatus.CANCELLED
    if activity.closed or now >= signups_close_at(activity):
        return SessionStatus.CLOSED
    if taken >= activity.capacity:
        return SessionStatus.FULL
    return SessionStatus.OPEN


def seats_taken(session: Session, session_id: int) -> int:
    """Seats of the registered signups (a companion takes a seat too), walk-ins included."""
    return (
        session.scalar(
            select(func.coalesce(func.sum(Signup.seats), 0)).where(
                Signup.session_id == session_id, Signup.status == SignupStatus.SIGNED_UP.value
            )
        )
        or 0
    )


def waiting_count(session: Session, session_id: int) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                Signup.session_id == session_id, Signup.status == SignupStatus.WAITLISTED.value
            )
        )
        or 0
    )
