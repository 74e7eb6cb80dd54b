"""The statistics against independent SQL written by hand, on a small centre drawn at random.

Runs on SQLite, and on PostgreSQL with YOULIN_TEST_POSTGRES set: the answers must be the same.
"""

from __future__ import annotations

import datetime as dt
import statistics as pystats
from collections import Counter
from decimal import Decimal
from typing import Any

import chinese_calendar
import pytest
from sqlalchemy import Date, DateTime, bindparam, text
from sqlalchemy.orm import Session

from app.db import Database
from app.models import CertificateKind, Purpose, Satisfaction
from app.security import Actor
from app.services import statistics
from app.services.statistics import AreaLevel, Period, SatisfactionBy
from app.services.statistics.area import not_filled_in
from tests import statistics_data
from tests.statistics_data import SmallCentre

NOVEMBER = Period.month(2026, 11)
PERIODS = [
    NOVEMBER,
    Period.month(2026, 10),
    Period(dt.date(2026, 9, 20), dt.date(2026, 12, 6)),
    Period.week_of(dt.date(2026, 11, 11)),
    Period(dt.date(2026, 11, 14), dt.date(2026, 11, 14)),
]

# Held sessions of the period and their registered signups, by hand.
HELD = (
    "FROM signup s JOIN activity_session a ON a.id = s.session_id"
    " WHERE a.starts_at >= :start AND a.starts_at < :end AND NOT a.cancelled"
    " AND s.status = 'signed_up'"
)
VISITS = "FROM visit v WHERE v.at >= :start AND v.at < :end AND v.undone_at IS NULL"


def sql(session: Session, query: str, **params: Any) -> list[Any]:
    """A hand-written query; datetimes and dates bound as the columns store them."""
    used = {name: value for name, value in params.items() if f":{name}" in query}
    statement = text(query).bindparams(
        *(
            bindparam(name, value, type_=DateTime() if isinstance(value, dt.datetime) else Date())
            for name, value in used.items()
            if isinstance(value, dt.date)
        )
    )
    return list(session.execute(statement, used).all())


def bounds(period: Period) -> dict[str, Any]:
    return {"start": period.start, "end": period.end, "first": period.first, "last": period.last}


@pytest.fixture
def centre(db: Database, admin: Actor) -> SmallCentre:
    return statistics_data.build(db, seed=11)


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.label())
def test_visits_per_day_and_by_purpose(
    db: Database, staff: Actor, centre: SmallCentre, period: Period
) -> None:
    with db.read() as session:
        per_day = statistics.visits_per_day(session, staff, period)
        by_purpose = statistics.visits_by_purpose(session, staff, period)
        days = dict(
            sql(
                session,
                "SELECT substr(CAST(v.at AS VARCHAR(40)), 1, 10), count(*) "
                + VISITS
                + " GROUP BY substr(CAST(v.at AS VARCHAR(40)), 1, 10)",
                **bounds(period),
            )
        )
        purposes = dict(
            sql(
                session,
                "SELECT v.purpose, count(*) " + VISITS + " GROUP BY v.purpose",
                **bounds(period),
            )
        )
    assert [line.day for line in per_day] == period.each_day()
    assert {line.day.isoformat(): line.visits for line in per_day if line.visits} == days
    assert [line.purpose for line in by_purpose] == list(Purpose)
    assert {line.purpose.value: line.visits for line in by_purpose if line.visits} == purposes


def test_a_visit_at_midnight_belongs_to_the_day_it_begins(
    db: Database, staff: Actor, centre: SmallCentre
) -> None:
    with db.read() as session:
        november = statistics.visits_per_day(session, staff, NOVEMBER)
        december = statistics.visits_per_day(session, staff, Period.month(2026, 12))
        midnight = sql(
            session,
            "SELECT count(*) FROM visit WHERE at = :moment AND undone_at IS NULL",
            moment=dt.datetime(2026, 11, 1),
        )[0][0]
    assert midnight >= 1
    assert november[0].visits >= midnight
    assert december[0].visits >= 1


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.label())
def test_areas_against_hand_written_sql(
    db: Database, staff: Actor, centre: SmallCentre, period: Period
) -> None:
    params = bounds(period)
    with db.read() as session:
        lines = statistics.areas(session, staff, period)
        visits = dict(
            sql(
                session,
                "SELECT v.community_id, count(*) " + VISITS + " GROUP BY v.community_id",
                **params,
            )
        )
        group_visits = dict(
            sql(
                session,
                "SELECT p.building_group_id, count(*) FROM visit v"
                " JOIN person p ON p.id = v.person_id"
                " JOIN building_group g ON g.id = p.building_group_id"
                " WHERE v.at >= :start AND v.at < :end AND v.undone_at IS NULL"
                " AND g.community_id = v.community_id GROUP BY p.building_group_id",
                **params,
            )
        )
        came = (
            "SELECT v.person_id AS id " + VISITS + " AND v.person_id IS NOT NULL"
            " UNION SELECT s.person_id " + HELD + " AND s.attended"
            " UNION SELECT s.companion_id "
            + HELD
            + " AND s.attended AND s.companion_id IS NOT NULL"
        )
        served = sql(
            session,
            f"SELECT p.community_id, p.building_group_id, count(*) FROM person p"
            f" WHERE p.id IN ({came}) GROUP BY p.community_id, p.building_group_id",
            **params,
        )
        served_total = sql(session, f"SELECT count(*) FROM ({came}) came", **params)[0][0]
        taking = sql(
            session,
            "SELECT p.community_id, p.building_group_id,"
            " sum(CASE WHEN s.walk_in THEN 0 ELSE s.seats END),"
            " sum(CASE WHEN s.attended THEN s.seats ELSE 0 END),"
            " sum(CASE WHEN s.no_show THEN s.seats ELSE 0 END) "
            + HELD.replace("FROM signup s", "FROM signup s JOIN person p ON p.id = s.person_id")
            + " GROUP BY p.community_id, p.building_group_id",
            **params,
        )
        hours = sql(
            session,
            "SELECT p.community_id, p.building_group_id, sum(r.hours) FROM service_record r"
            " JOIN volunteer v ON v.id = r.volunteer_id JOIN person p ON p.id = v.person_id"
            " WHERE r.day >= :first AND r.day <= :last"
            " GROUP BY p.community_id, p.building_group_id",
            **params,
        )

    centre_line, *rest = lines
    assert centre_line.level is AreaLevel.CENTRE
    assert centre_line.visits == sum(visits.values())
    assert centre_line.people_served == served_total
    communities = [line for line in rest if line.level is AreaLevel.COMMUNITY]
    assert [line.community_id for line in communities if line.community_id] == centre.communities
    unplaced = [line for line in communities if line.community_id is None]

    def per_community(rows: list[Any], column: int, community: int | None) -> Any:
        return sum((row[column] for row in rows if row[0] == community), 0)

    for line in communities:
        community = line.community_id
        assert line.visits == visits.get(community, 0), line.name
        assert line.people_served == per_community(served, 2, community)
        assert line.signups == per_community(taking, 2, community)
        assert line.attended == per_community(taking, 3, community)
        assert line.no_shows == per_community(taking, 4, community)
        assert line.volunteer_hours == Decimal(per_community(hours, 2, community)).quantize(
            Decimal("0.1")
        )
        assert line.residents == (centre.residents[community] if community else None)
    if not unplaced:
        assert not visits.get(None) and not per_community(served, 2, None)

    for line in rest:
        if line.level is not AreaLevel.BUILDING_GROUP:
            continue
        place = (line.community_id, line.building_group_id)
        assert line.visits == group_visits.get(line.building_group_id, 0)
        assert line.people_served == sum(row[2] for row in served if tuple(row[:2]) == place)
        assert line.attended == sum(row[3] for row in taking if tuple(row[:2]) == place)
        assert line.residents is None and line.served_per_1000 is None

    # Each community is followed by its building groups, in Settings' order.
    order = [(line.level, line.community_id, line.building_group_id) for line in rest]
    expected = []
    for community in centre.communities:
        expected.append((AreaLevel.COMMUNITY, community, None))
        expected += [
            (AreaLevel.BUILDING_GROUP, community, g)
            for g in centre.groups[community]
            if (AreaLevel.BUILDING_GROUP, community, g) in order
        ]
    expected += [(AreaLevel.COMMUNITY, None, None)] if unplaced else []
    assert order == expected
    # The inactive group (东湖苑's third) shows only when it has figures.


def test_served_per_thousand_and_rates(db: Database, staff: Actor, centre: SmallCentre) -> None:
    with db.read() as session:
        lines = statistics.areas(session, staff, NOVEMBER)
    by_id = {line.community_id: line for line in lines if line.level is AreaLevel.COMMUNITY}
    for community, residents in centre.residents.items():
        line = by_id.get(community)
        if line is None:
            continue
        if residents is None:
            assert line.served_per_1000 is None
        else:
            assert line.served_per_1000 == pytest.approx(line.people_served * 1000 / residents)
        taken = line.attended + line.no_shows
        assert line.attendance_rate == (line.attended / taken if taken else None)
    # One community has no residents set: the centre's rate is not made up.
    assert lines[0].residents is None and lines[0].served_per_1000 is None


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.label())
def test_series_and_sessions(
    db: Database, staff: Actor, centre: SmallCentre, period: Period
) -> None:
    params = bounds(period)
    with db.read() as session:
        series = statistics.series(session, staff, period)
        sessions = statistics.sessions(session, staff, period)
        expected_series = sql(
            session,
            "SELECT i.series_id, count(DISTINCT a.id) FROM activity_session a"
            " JOIN service_item i ON i.id = a.item_id"
            " WHERE a.starts_at >= :start AND a.starts_at < :end AND NOT a.cancelled"
            " GROUP BY i.series_id",
            **params,
        )
        seats = sql(
            session,
            "SELECT i.series_id, sum(CASE WHEN s.walk_in THEN 0 ELSE s.seats END),"
            " sum(CASE WHEN s.attended THEN s.seats ELSE 0 END),"
            " sum(CASE WHEN s.no_show THEN s.seats ELSE 0 END) "
            + HELD.replace(
                "FROM signup s",
                "FROM signup s JOIN service_item i ON i.id = ("
                "SELECT item_id FROM activity_session WHERE id = s.session_id)",
            )
            + " GROUP BY i.series_id",
            **params,
        )
        all_series = sql(session, "SELECT id, active FROM service_series ORDER BY sort_order")
        per_session = sql(
            session,
            "SELECT a.id, a.cancelled,"
            " (SELECT coalesce(sum(seats), 0) FROM signup WHERE session_id = a.id"
            "  AND status = 'signed_up' AND NOT walk_in),"
            " (SELECT coalesce(sum(seats), 0) FROM signup WHERE session_id = a.id"
            "  AND status = 'signed_up' AND attended),"
            " (SELECT coalesce(sum(seats), 0) FROM signup WHERE session_id = a.id"
            "  AND status = 'signed_up' AND no_show),"
            " (SELECT coalesce(sum(seats), 0) FROM signup WHERE session_id = a.id"
            "  AND status = 'signed_up' AND walk_in AND attended)"
            " FROM activity_session a WHERE a.starts_at >= :start AND a.starts_at < :end",
            **params,
        )
    held = dict(expected_series)
    shown = [sid for sid, active in all_series if active or held.get(sid)]
    assert [line.series_id for line in series] == shown
    by_series = {row[0]: row[1:] for row in seats}
    for line in series:
        assert line.sessions == held.get(line.series_id, 0)
        assert (line.signups, line.attended, line.no_shows) == tuple(
            by_series.get(line.series_id, (0, 0, 0))
        )
    assert {
        line.session_id: (line.cancelled, line.signups, line.attended, line.no_shows, line.walk_ins)
        for line in sessions
    } == {row[0]: (bool(row[1]), *row[2:]) for row in per_session}
    starts = [(line.series, line.starts_at) for line in sessions]
    order = {
        name: n
        for n, name in enumerate(["党群友邻", "社区友邻", "康养友邻", "文化友邻", "文明友邻"])
    }
    assert starts == sorted(starts, key=lambda pair: (order[pair[0]], pair[1]))


def _open_hours(session: Session, room_id: int, day: dt.date) -> tuple[dt.time, dt.time] | None:
    """The room's hours on `day`, worked out from the rows and chinese-calendar directly."""
    closed = sql(
        session, "SELECT count(*) FROM closure WHERE day = :day AND kind = 'closed'", day=day
    )
    if closed[0][0]:
        return None
    holiday, name = chinese_calendar.get_holiday_detail(day)
    if holiday and name is not None:
        return None
    weekdays = sql(
        session,
        "SELECT weekday, opens, closes FROM room_hours WHERE room_id = :room ORDER BY weekday",
        room=room_id,
    )
    hours = {row[0]: (_time(row[1]), _time(row[2])) for row in weekdays}
    if day.weekday() in hours:
        return hours[day.weekday()]
    if name is not None and day.weekday() >= 5:  # a 调休 working day
        return next((hours[w] for w in range(5) if w in hours), None)
    return None


def _time(value: Any) -> dt.time:
    return value if isinstance(value, dt.time) else dt.time.fromisoformat(str(value))


def _moment(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.label())
def test_room_use_clips_confirmed_bookings_to_opening_hours(
    db: Database, staff: Actor, centre: SmallCentre, period: Period
) -> None:
    with db.read() as session:
        use = statistics.room_use(session, staff, period)
        bookings = sql(
            session,
            "SELECT room_id, starts_at, ends_at FROM booking WHERE status = 'confirmed'"
            " AND starts_at < :end AND ends_at > :start",
            **bounds(period),
        )
        hours = {
            (room, day): _open_hours(session, room, day)
            for room in centre.rooms
            for day in [period.first - dt.timedelta(days=1), *period.each_day()]
        }
    assert [line.room_id for line in use] == centre.rooms  # the inactive room left out
    for line in use:
        open_seconds = sum(
            (dt.datetime.combine(day, span[1]) - dt.datetime.combine(day, span[0])).total_seconds()
            for day in period.each_day()
            if (span := hours[(line.room_id, day)]) is not None
        )
        booked = 0.0
        for room, starts, ends in bookings:
            if room != line.room_id:
                continue
            starts, ends = _moment(starts), _moment(ends)
            for day in period.each_day():
                span = hours[(room, day)]
                if span is None:
                    continue
                low = max(starts, dt.datetime.combine(day, span[0]))
                high = min(ends, dt.datetime.combine(day, span[1]))
                booked += max(0.0, (high - low).total_seconds())
        assert line.open_hours == pytest.approx(open_seconds / 3600)
        assert line.booked_hours == pytest.approx(booked / 3600)
        assert line.utilisation is None or 0 <= line.utilisation <= 1


def test_room_use_on_holidays_closures_and_a_working_weekend(
    db: Database, staff: Actor, centre: SmallCentre
) -> None:
    meeting, hall = centre.rooms
    with db.read() as session:
        national_day = statistics.room_use(
            session, staff, Period(dt.date(2026, 10, 1), dt.date(2026, 10, 7))
        )
        closed = statistics.room_use(
            session, staff, Period(statistics_data.CLOSED_DAY, statistics_data.CLOSED_DAY)
        )
        # Saturday 10 October 2026 is worked in exchange for the National Day holiday: the meeting
        # room, open Tuesday to Friday, opens with Tuesday's hours.
        workday = statistics.room_use(
            session, staff, Period(dt.date(2026, 10, 10), dt.date(2026, 10, 10))
        )
    assert all(line.open_hours == 0 and line.booked_hours == 0 for line in national_day)
    assert all(line.open_hours == 0 and line.utilisation is None for line in closed)
    assert {line.room_id: line.open_hours for line in workday} == {meeting: 8.5, hall: 12}


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.label())
def test_requests_and_satisfaction(
    db: Database, staff: Actor, centre: SmallCentre, period: Period
) -> None:
    params = bounds(period)
    with db.read() as session:
        figures = statistics.requests(session, staff, period)
        lines = statistics.satisfaction(session, staff, period)
        received = sql(
            session,
            "SELECT count(*) FROM request WHERE created_at >= :start AND created_at < :end",
            **params,
        )[0][0]
        still_open = sql(
            session,
            "SELECT count(*) FROM request WHERE created_at < :end"
            " AND (resolved_at IS NULL OR resolved_at >= :end)",
            **params,
        )[0][0]
        resolved = sql(
            session,
            "SELECT r.created_at, r.resolved_at, r.satisfaction, r.category, c.name, a.display_name"
            " FROM request r LEFT JOIN person p ON p.id = r.person_id"
            " LEFT JOIN community c ON c.id = p.community_id"
            " LEFT JOIN account a ON a.id = r.assigned_to_id"
            " WHERE r.status = 'resolved' AND r.resolved_at >= :start AND r.resolved_at < :end",
            **params,
        )
    days = [(_moment(end) - _moment(start)).total_seconds() / 86400 for start, end, *_ in resolved]
    assert figures.received == received
    assert figures.open_at_end == still_open
    assert figures.resolved == len(resolved)
    if days:
        assert figures.mean_days_to_resolve == pytest.approx(pystats.mean(days))
        assert figures.median_days_to_resolve == pytest.approx(pystats.median(days))
    else:
        assert figures.mean_days_to_resolve is None and figures.median_days_to_resolve is None
    answers = Counter(row[2] for row in resolved)
    assert figures.answers == {answer: answers[answer.value] for answer in Satisfaction}
    assert figures.unanswered == answers[None]

    for by, column in (
        (SatisfactionBy.CATEGORY, 3),
        (SatisfactionBy.COMMUNITY, 4),
        (SatisfactionBy.ASSIGNEE, 5),
    ):
        shown = [line for line in lines if line.by is by]
        expected: dict[str, Counter[str | None]] = {}
        for row in resolved:
            expected.setdefault(row[column] or not_filled_in(), Counter())[row[2]] += 1
        assert {
            line.name: (line.satisfied, line.basic, line.unsatisfied, line.unanswered)
            for line in shown
        } == {
            name: (c["satisfied"], c["basic"], c["unsatisfied"], c[None])
            for name, c in expected.items()
        }
        assert sum(line.answered + line.unanswered for line in shown) == len(resolved)
    categories = [line.name for line in lines if line.by is SatisfactionBy.CATEGORY]
    if "停车管理" in categories:  # typed by hand: after the form's own
        assert categories[-1] == "停车管理"


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.label())
def test_volunteer_hours_and_certificates(
    db: Database, staff: Actor, centre: SmallCentre, period: Period
) -> None:
    params = bounds(period)
    with db.read() as session:
        hours = statistics.volunteer_hours(session, staff, period)
        top = statistics.volunteer_hours(session, staff, period, 5)
        certificates = statistics.certificates(session, staff, period)
        expected = sql(
            session,
            "SELECT v.person_id, sum(r.hours) FROM service_record r"
            " JOIN volunteer v ON v.id = r.volunteer_id"
            " WHERE r.day >= :first AND r.day <= :last GROUP BY v.person_id",
            **params,
        )
        issued = sql(
            session,
            "SELECT kind, count(*), count(revoked_at) FROM certificate"
            " WHERE issued_on >= :first AND issued_on <= :last GROUP BY kind",
            **params,
        )
    assert {line.person_id: line.hours for line in hours} == {
        person: Decimal(total).quantize(Decimal("0.1")) for person, total in expected
    }
    assert [line.hours for line in hours] == sorted((line.hours for line in hours), reverse=True)
    assert top == hours[:5]
    counts = {kind: (n, revoked) for kind, n, revoked in issued}
    assert [(line.kind, line.issued, line.revoked) for line in certificates] == [
        (kind, *counts.get(kind.value, (0, 0))) for kind in CertificateKind
    ]


def test_monthly_gathers_every_figure(db: Database, staff: Actor, centre: SmallCentre) -> None:
    with db.read() as session:
        figures = statistics.monthly(session, staff, NOVEMBER)
        assert figures.areas == statistics.areas(session, staff, NOVEMBER)
        assert figures.sessions == statistics.sessions(session, staff, NOVEMBER)
        assert figures.room_use == statistics.room_use(session, staff, NOVEMBER)
        assert figures.requests == statistics.requests(session, staff, NOVEMBER)
        assert figures.volunteer_hours == statistics.volunteer_hours(session, staff, NOVEMBER, 10)
    assert figures.centre_name == "东社区邻里中心"
    assert figures.period == NOVEMBER
    assert len(figures.visits_per_day) == 30
