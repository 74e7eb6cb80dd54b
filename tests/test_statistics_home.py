"""Home's charts: the statistics' own figures for the month, week and year of the day, seen by
every role (aggregates only)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db import Database
from app.security import Actor
from app.services import home, statistics
from app.services.statistics import AreaLevel, Period
from tests import statistics_data
from tests.statistics_data import SmallCentre

TODAY = dt.date(2026, 11, 25)


def test_home_carries_the_charts_figures(db: Database, admin: Actor, staff: Actor) -> None:
    statistics_data.build(db, seed=3)
    month, week, year = Period.month(2026, 11), Period.week_of(TODAY), Period.year(2026)
    with db.read() as session:
        figures = home.figures(session, TODAY)
        assert figures.purposes_this_month == statistics.visits_by_purpose(session, staff, month)
        assert figures.series_this_month == statistics.series(session, staff, month)
        assert figures.rooms_this_week == statistics.room_use(session, staff, week)
        assert figures.volunteers_this_year == statistics.volunteer_hours(session, staff, year, 10)
        last_30 = statistics.visits_per_day(session, staff, Period.last_days(TODAY, 30))
    assert len(figures.volunteers_this_year) == 10
    assert figures.visits_per_day == [(line.day, line.visits) for line in last_30]
    assert figures.visits_per_day[-1][0] == TODAY
    assert sum(line.visits for line in figures.purposes_this_month) > 0
    assert any(line.booked_hours for line in figures.rooms_this_week)


def test_home_works_on_a_new_centre(db: Database, admin: Actor) -> None:
    with db.read() as session:
        figures = home.figures(session, TODAY)
    assert all(line.visits == 0 for line in figures.purposes_this_month)
    assert len(figures.series_this_month) == 5
    assert figures.rooms_this_week == [] and figures.volunteers_this_year == []


FIRST, LAST = statistics_data.FIRST, statistics_data.LAST


@pytest.fixture
def small_centre(db: Database, admin: Actor) -> SmallCentre:
    """Built once per test: hypothesis's examples only read it."""
    return statistics_data.build(db, seed=21)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    first = draw(st.dates(FIRST - dt.timedelta(days=5), LAST))
    last = draw(st.dates(first, LAST + dt.timedelta(days=5)))
    return Period(first, last)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(period=periods())
def test_the_lines_add_up(
    db: Database, staff: Actor, small_centre: SmallCentre, period: Period
) -> None:
    """Over any period: the communities' lines (未填写 included) add up to the centre's line;
    a community's building groups never exceed it; days and purposes count the same visits."""
    with db.read() as session:
        lines = statistics.areas(session, staff, period)
        per_day = statistics.visits_per_day(session, staff, period)
        purposes = statistics.visits_by_purpose(session, staff, period)
    centre, *rest = lines
    communities = [line for line in rest if line.level is AreaLevel.COMMUNITY]
    for figure in ("visits", "people_served", "signups", "attended", "no_shows", "volunteer_hours"):
        assert sum(getattr(line, figure) for line in communities) == getattr(centre, figure)
    for community in communities:
        groups = [
            line
            for line in rest
            if line.level is AreaLevel.BUILDING_GROUP
            and line.community_id == community.community_id
        ]
        for figure in ("visits", "people_served", "signups", "attended", "no_shows"):
            assert sum(getattr(line, figure) for line in groups) <= getattr(community, figure)
    assert sum(line.visits for line in per_day) == sum(line.visits for line in purposes)
    assert sum(line.visits for line in per_day) == centre.visits
