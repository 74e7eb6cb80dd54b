"""Who may see the statistics, and what they say where there is nothing to count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import PermissionDenied
from app.models import CertificateKind, Community, Purpose, Satisfaction
from app.security import Actor
from app.services import statistics
from app.services.statistics import AreaLevel, Period
from tests import statistics_data
from tests.statistics_data import SmallCentre

AUGUST = Period.month(2026, 8)  # before the small centre's first day
NOVEMBER = Period.month(2026, 11)

PUBLIC: list[Callable[..., Any]] = [
    statistics.areas,
    statistics.visits_per_day,
    statistics.visits_by_purpose,
    statistics.series,
    statistics.sessions,
    statistics.room_use,
    statistics.requests,
    statistics.satisfaction,
    statistics.volunteer_hours,
    statistics.certificates,
    statistics.monthly,
]


@pytest.mark.parametrize("query", PUBLIC, ids=lambda query: query.__name__)
def test_a_desk_volunteer_is_refused(db: Database, desk: Actor, query: Callable[..., Any]) -> None:
    with db.read() as session, pytest.raises(PermissionDenied):
        query(session, desk, NOVEMBER)


@pytest.mark.parametrize("query", PUBLIC, ids=lambda query: query.__name__)
def test_staff_and_admin_may_see_them(
    db: Database, admin: Actor, staff: Actor, query: Callable[..., Any]
) -> None:
    with db.read() as session:
        assert query(session, staff, NOVEMBER) == query(session, admin, NOVEMBER) or (
            query is statistics.monthly  # made at a different moment
        )


def test_a_new_centre_counts_nothing(db: Database, staff: Actor) -> None:
    with db.read() as session:
        figures = statistics.monthly(session, staff, NOVEMBER)
    (centre,) = figures.areas
    assert centre.level is AreaLevel.CENTRE
    assert (centre.visits, centre.people_served, centre.signups) == (0, 0, 0)
    assert centre.volunteer_hours == Decimal("0.0")
    assert centre.attendance_rate is None and centre.no_show_rate is None
    assert centre.residents is None and centre.served_per_1000 is None
    assert [line.visits for line in figures.visits_per_day] == [0] * 30
    assert [(line.purpose, line.visits) for line in figures.visits_by_purpose] == [
        (purpose, 0) for purpose in Purpose
    ]
    assert [line.name for line in figures.series] == [
        "党群友邻",
        "社区友邻",
        "康养友邻",
        "文化友邻",
        "文明友邻",
    ]
    assert all(line.sessions == 0 and line.attendance_rate is None for line in figures.series)
    assert figures.sessions == [] and figures.room_use == [] and figures.satisfaction == []
    assert figures.volunteer_hours == []
    requests = figures.requests
    assert (requests.received, requests.resolved, requests.open_at_end) == (0, 0, 0)
    assert requests.mean_days_to_resolve is None and requests.median_days_to_resolve is None
    assert requests.answers == {answer: 0 for answer in Satisfaction}
    assert [(line.kind, line.issued) for line in figures.certificates] == [
        (kind, 0) for kind in CertificateKind
    ]


@pytest.fixture
def centre(db: Database, admin: Actor) -> SmallCentre:
    return statistics_data.build(db, seed=5)


def test_a_month_without_visits(db: Database, staff: Actor, centre: SmallCentre) -> None:
    with db.read() as session:
        lines = statistics.areas(session, staff, AUGUST)
        use = statistics.room_use(session, staff, AUGUST)
        per_day = statistics.visits_per_day(session, staff, AUGUST)
    assert len(per_day) == 31 and not any(line.visits for line in per_day)
    communities = [line for line in lines if line.level is AreaLevel.COMMUNITY]
    # The active communities stand with their zeros; no 未填写 line for nothing.
    assert [line.community_id for line in communities] == centre.communities
    for line in communities:
        assert line.visits == line.people_served == 0
        assert line.attendance_rate is None
        residents = centre.residents[line.community_id]  # type: ignore[index]
        assert line.served_per_1000 == (None if residents is None else 0.0)
    assert [line.room_id for line in use] == centre.rooms
    assert all(line.booked_hours == 0 and line.open_hours > 0 for line in use)
    assert all(line.utilisation == 0 for line in use)


def test_per_thousand_needs_the_residents(db: Database, staff: Actor, centre: SmallCentre) -> None:
    with db.write() as session:
        for community in session.scalars(select(Community)):
            community.residents = None
    with db.read() as session:
        lines = statistics.areas(session, staff, NOVEMBER)
    assert lines[0].people_served > 0
    assert all(line.residents is None and line.served_per_1000 is None for line in lines)


def test_an_inactive_series_shows_only_where_it_held_sessions(
    db: Database, staff: Actor, centre: SmallCentre
) -> None:
    with db.read() as session:
        september = statistics.series(session, staff, Period.month(2026, 9))
        november = statistics.series(session, staff, NOVEMBER)
    assert centre.inactive_series_id in [line.series_id for line in september]
    assert centre.inactive_series_id not in [line.series_id for line in november]


def test_a_period_of_one_day(db: Database, staff: Actor, centre: SmallCentre) -> None:
    day = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 1))
    with db.read() as session:
        (line,) = statistics.visits_per_day(session, staff, day)
        centre_line = statistics.areas(session, staff, day)[0]
    assert line.day == day.first and line.visits == centre_line.visits >= 1
