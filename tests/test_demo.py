"""The demo centre: complete, deterministic, valid data written by the services' own rules (the
desks' checks accept it, rooms never double-booked, the counters go on after it), refused on a
database that already holds a centre."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from dateutil.rrule import rrulestr
from sqlalchemy import Connection, func, make_url, select, text
from sqlalchemy.orm import Session, selectinload
from stdnum.cn import ric, uscc

from app import clock, counters, demo, paths, people_fields
from app.db import Database
from app.demo import centre
from app.errors import ConflictError, DatabaseProblem, ValidationError
from app.models import (
    Account,
    ActivitySession,
    AgendaOutcome,
    Booking,
    Centre,
    Certificate,
    CertificateKind,
    Closure,
    Duty,
    DutyAssignment,
    DutyShift,
    DutyStatus,
    Organisation,
    Person,
    Request,
    Room,
    RoomHours,
    ServiceItem,
    ServiceRecord,
    ServiceRecordKind,
    Signup,
    Visit,
    Volunteer,
)
from app.pinyin import COMPOUND_SURNAMES, SURNAMES
from app.security import Actor, verify_password
from app.services import audit, certificates
from app.services.menu import audience
from app.services.menu import reads as menu_reads
from app.services.menu import signups as menu_signups
from app.services.people import next_member_codes
from app.services.rooms import agenda
from app.services.rooms.days import OpeningCalendar
from app.services.volunteers import hours as volunteer_hours
from app.start import DEMO_PASSWORD
from tests.conftest import TEST_NOW

PEOPLE = 300


def _write(folder: Path, seed: int = 1, people: int = PEOPLE) -> str:
    url = paths.sqlite_url(folder / "nested" / "demo.sqlite3")  # the folder is created
    summary = demo.write_demo(url, people=people, seed=seed, now=TEST_NOW)
    assert summary.people == people
    assert summary.seconds > 0
    return url


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _write(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def conn(demo_url: str) -> Iterator[Connection]:
    db = Database(demo_url)
    with db.engine.connect() as connection:
        yield connection
    db.dispose()


def _rows(conn: Connection, sql: str, **params: Any) -> list[Any]:
    return list(conn.execute(text(sql), params))


def _one(conn: Connection, sql: str, **params: Any) -> Any:
    return conn.execute(text(sql), params).scalar_one()


def test_counts(conn: Connection) -> None:
    assert _one(conn, "SELECT count(*) FROM community") == 7
    assert _one(conn, "SELECT count(*) FROM building_group") == 66
    # Every community has building groups, and names are unique within it.
    assert _one(conn, "SELECT count(DISTINCT community_id) FROM building_group") == 7
    assert _one(conn, "SELECT count(*) FROM person") == PEOPLE
    assert _one(conn, "SELECT count(*) FROM room") == 7
    items = dict(
        _rows(
            conn,
            "SELECT s.code, count(i.id) FROM service_series s "
            "LEFT JOIN service_item i ON i.series_id = s.id GROUP BY s.code",
        )
    )
    assert set(items) == {"party_community", "community", "health_care", "culture", "civility"}
    assert all(count >= 3 for count in items.values())
    assert _one(conn, "SELECT count(*) FROM service_item WHERE is_volunteer_service") >= 1
    assert _one(conn, "SELECT count(*) FROM organisation") >= 5
    tags = {row[0] for row in _rows(conn, "SELECT name FROM tag")}
    assert {"党员", "在职党员/双报到", "志愿者", "睦邻达人", "共营达人", "草根规划师"} <= tags


def test_centre_and_accounts(conn: Connection) -> None:
    name, phone, prefix = _rows(conn, "SELECT name, phone, certificate_prefix FROM centre")[0]
    assert name and prefix == "东邻"
    assert re.fullmatch(r"021-\d{8}", phone)
    accounts = _rows(conn, "SELECT username, role, display_name, password_hash FROM account")
    assert sorted((user, role) for user, role, _n, _h in accounts) == [
        ("admin", "admin"),
        ("desk", "desk"),
        ("staff", "staff"),
    ]
    for _user, _role, display_name, password_hash in accounts:
        assert re.search(r"[\u4e00-\u9fff]", display_name)
        assert verify_password(DEMO_PASSWORD, password_hash)


def _people(url: str) -> list[tuple[Any, ...]]:
    db = Database(url)
    try:
        with db.engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(
                    text(
                        "SELECT member_code, name, phone, id_number, birth_year, gender, "
                        "address FROM person ORDER BY id"
                    )
                )
            ]
    finally:
        db.dispose()


def test_same_seed_same_centre_other_seed_other_people(demo_url: str, tmp_path: Path) -> None:
    again = _write(tmp_path / "again")
    other = _write(tmp_path / "other", seed=2)
    assert _people(again) == _people(demo_url)
    assert _people(other) != _people(demo_url)
    names = {row[1] for row in _people(demo_url)}
    assert len(names & {row[1] for row in _people(other)}) < PEOPLE // 2


def test_phones_valid_and_unique(conn: Connection) -> None:
    rows = _rows(conn, "SELECT phone, phone_reversed FROM person WHERE phone IS NOT NULL")
    assert len(rows) > PEOPLE * 0.8
    phones = [phone for phone, _ in rows]
    assert len(set(phones)) == len(phones)
    for phone, reversed_ in rows:
        assert re.fullmatch(r"1[3-9]\d{9}", phone)
        assert phonenumbers.is_valid_number(phonenumbers.parse(phone, "CN")), phone
        assert reversed_ == people_fields.phone_reversed(phone) == phone[::-1]


def test_id_numbers_valid_and_consistent(conn: Connection) -> None:
    rows = _rows(
        conn,
        "SELECT id_number, id_tail, birth_year, gender FROM person WHERE id_number IS NOT NULL",
    )
    assert 0.2 * PEOPLE < len(rows) < 0.4 * PEOPLE
    for number, tail, birth_year, gender in rows:
        assert ric.is_valid(number), number
        assert number.startswith("310")
        assert ric.get_birth_date(number).year == birth_year
        assert ric.get_birth_date(number) <= TEST_NOW.date()
        assert int(number[16]) % 2 == (1 if gender == "M" else 0)  # odd for men
        assert tail == people_fields.id_tail(number) == number[-4:]


def test_people_pass_the_desks_own_checks(conn: Connection) -> None:
    """What the demo wrote is what the register's form would have stored."""
    rows = _rows(conn, "SELECT name, phone, id_number, birth_year FROM person")
    for name, phone, id_number, birth_year in rows:
        assert people_fields.name(name) == name
        assert people_fields.phone(phone) == phone
        assert people_fields.id_number(id_number, today=TEST_NOW.date()) == id_number
        assert people_fields.birth_year(birth_year, today=TEST_NOW.date()) == birth_year


def test_people_are_placed_and_old_skewed(conn: Connection) -> None:
    # The building group always belongs to the person's community.
    assert not _rows(
        conn,
        "SELECT p.id FROM person p JOIN building_group g ON g.id = p.building_group_id "
        "WHERE g.community_id != p.community_id OR p.community_id IS NULL",
    )
    codes = [row[0] for row in _rows(conn, "SELECT member_code FROM person")]
    assert all(re.fullmatch(r"YL\d{6}", code) for code in codes)
    year = TEST_NOW.year
    sixty_plus = _one(conn, "SELECT count(*) FROM person WHERE birth_year <= :y", y=year - 60)
    assert sixty_plus > PEOPLE * 0.4
    assert _one(conn, "SELECT count(*) FROM person WHERE consent") > PEOPLE * 0.8
    assert _one(conn, "SELECT count(*) FROM person WHERE name LIKE '%·%'") >= 1


def test_credit_codes_valid(conn: Connection) -> None:
    codes = [row[0] for row in _rows(conn, "SELECT credit_code FROM organisation")]
    assert None in codes
    for code in codes:
        if code is not None:
            assert uscc.is_valid(code), code


def test_search_keys_for_every_person_and_polyphonic_surnames(conn: Connection) -> None:
    assert not _rows(
        conn,
        "SELECT p.id FROM person p WHERE NOT EXISTS "
        "(SELECT 1 FROM person_search_key k WHERE k.person_id = p.id AND k.kind = 'initials')",
    )
    names = dict(_rows(conn, "SELECT id, name FROM person"))
    keys: dict[int, set[str]] = {}
    for person, key in _rows(conn, "SELECT person_id, key FROM person_search_key"):
        keys.setdefault(person, set()).add(key)
    found: set[str] = set()
    for person, name in names.items():
        surname = name[:2] if name[:2] in COMPOUND_SURNAMES else name[0]
        if surname in COMPOUND_SURNAMES:
            reading = "".join(COMPOUND_SURNAMES[surname])
        elif surname in SURNAMES:
            reading = SURNAMES[surname]
        else:
            continue
        found.add(surname)
        assert any(key.startswith(reading) for key in keys[person]), name
        assert len(keys[person]) >= 3, name  # the common reading too
    assert {"单", "曾", "解", "仇", "区", "查", "覃", "尉迟"} <= found
    # The desk searches "shan…" and "dan…" alike.
    shan = _one(conn, "SELECT count(*) FROM person_search_key WHERE key LIKE 'shan%'")
    assert shan >= 1


def test_no_room_is_double_booked(conn: Connection) -> None:
    clashes = _rows(
        conn,
        "SELECT a.id, b.id FROM booking a JOIN booking b ON a.room_id = b.room_id "
        "AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at "
        "WHERE a.status != 'cancelled' AND b.status != 'cancelled'",
    )
    assert clashes == []


def test_bookings_of_every_kind(conn: Connection) -> None:
    kinds = Counter(
        {
            (k, s): n
            for k, s, n in _rows(conn, "SELECT kind, status, count(*) FROM booking GROUP BY 1, 2")
        }
    )
    for kind in ("activity", "staff", "organisation", "resident"):
        assert kinds[(kind, "confirmed")] > 0, kind
    pending = _rows(conn, "SELECT starts_at FROM booking WHERE status = 'pending'")
    assert pending and all(dt.datetime.fromisoformat(start) > TEST_NOW for (start,) in pending)
    # Recurring bookings: every series expands into linked bookings that keep the start the rule
    # gave them, one an exception; an occurrence on a holiday or closed day is cancelled too.
    for series_id, rule in _rows(conn, "SELECT id, rule FROM booking_series"):
        assert rule.startswith("FREQ=WEEKLY;BYDAY=")
        rows = _rows(
            conn,
            "SELECT status, note, starts_at = occurrence_start FROM booking WHERE series_id = :s",
            s=series_id,
        )
        statuses = Counter(row[0] for row in rows)
        assert statuses["confirmed"] >= 5
        assert statuses["cancelled"] == 1 + sum(
            1 for status, note, _ in rows if status == "cancelled" and "中心活动占用" not in note
        )
        assert all(same for _status, _note, same in rows)
        if "COUNT=12" in rule:
            assert sum(statuses.values()) == 12
    assert not _rows(conn, "SELECT id FROM booking WHERE series_id IS NULL AND occurrence_start")


def _calendar(demo_url: str) -> Iterator[tuple[Session, OpeningCalendar]]:
    db = Database(demo_url)
    try:
        with db.read() as session:
            first = TEST_NOW.date() - dt.timedelta(weeks=10)
            yield session, OpeningCalendar(session, first, first + dt.timedelta(weeks=16))
    finally:
        db.dispose()


def test_every_booking_inside_its_rooms_hours(demo_url: str) -> None:
    """As the Rooms desk would check them: no booking that holds a room falls on a statutory
    holiday, the centre's closed day, or outside the room's hours; no visit on a closed day."""
    for session, calendar in _calendar(demo_url):
        assert session.scalar(select(func.count()).select_from(RoomHours)) > 7 * 5
        closed_weekdays = {
            room: {
                d
                for d in range(7)
                if calendar.hours(room, dt.date(2026, 11, 23) + dt.timedelta(days=d)) is None
            }
            for room in range(1, 8)
        }
        assert closed_weekdays[1] == set() and closed_weekdays[3] == {0}  # the art room: Mondays
        closures = session.scalars(select(Closure)).all()
        assert len(closures) == 2 and all(c.kind == "closed" and c.reason for c in closures)
        bookings = session.execute(
            select(Booking.id, Booking.room_id, Booking.starts_at, Booking.ends_at).where(
                Booking.status.in_(["pending", "confirmed"])
            )
        ).all()
        assert len(bookings) > 300
        problems = [
            (b.id, calendar.problem(b.room_id, b.starts_at, b.ends_at))
            for b in bookings
            if calendar.problem(b.room_id, b.starts_at, b.ends_at)
        ]
        assert problems == []
        visit_days = {at.date() for at in session.scalars(select(Visit.at))}
        assert not [day for day in visit_days if calendar.status(day).closed]
        assert any(calendar.status(c.day).closed for c in closures)
        # Every room shows its facilities and colour.
        for room in session.scalars(select(Room)):
            assert room.facilities and len(room.colour) == 7 and room.colour.startswith("#")


def test_the_1_7_49_platform_and_the_other_organisations(conn: Connection) -> None:
    kinds = Counter(row[0] for row in _rows(conn, "SELECT kind FROM organisation"))
    assert kinds["council"] == 1 + 7 + 49
    assert {"incubated", "introduced", "partner"} <= set(kinds)
    names = {row[0] for row in _rows(conn, "SELECT name FROM organisation WHERE kind = 'council'")}
    assert "东社区群英荟" in names
    communities = [row[0] for row in _rows(conn, "SELECT name FROM community ORDER BY id")]
    for community in communities:
        assert f"{community}居民区自治理事会" in names
        committees = [n for n in names if n.startswith(community) and n.endswith("工作委员会")]
        assert len(committees) == 7, community
    assert f"{communities[0]}环境整治工作委员会" in names
    assert f"{communities[6]}睦邻互助工作委员会" in names
    assert not _rows(conn, "SELECT id FROM organisation WHERE provides = ''")


def test_pending_requests_for_the_coming_week(conn: Connection) -> None:
    pending = _rows(
        conn,
        "SELECT starts_at, kind, organisation_id IS NOT NULL, person_id IS NOT NULL "
        "FROM booking WHERE status = 'pending'",
    )
    week = [
        row
        for row in pending
        if dt.datetime.fromisoformat(row[0]) < TEST_NOW + dt.timedelta(days=8)
    ]
    assert len(week) >= 3
    assert {kind for _start, kind, _org, _person in pending} <= {"resident", "organisation"}
    assert all(org or person for _start, _kind, org, person in pending)


def test_council_meetings_with_agendas(demo_url: str, admin_of_demo: Actor) -> None:
    db = Database(demo_url)
    try:
        with db.read() as session:
            meetings = session.execute(
                select(Booking.id, Booking.starts_at, Booking.organisation_id)
                .where(Booking.kind == "council")
                .order_by(Booking.starts_at)
            ).all()
            assert len(meetings) == 5
            past, *coming = meetings
            assert past.starts_at < TEST_NOW
            assert coming[0].starts_at < TEST_NOW + dt.timedelta(days=7)  # this week
            assert any(m.starts_at > TEST_NOW + dt.timedelta(days=7) for m in coming)  # next
            held = agenda.agenda(session, admin_of_demo, past.id)
            assert held.ended and len(held.items) == 3
            assert all(item.decided for item in held.items)
            outcomes = [item.outcome for item in held.items]
            assert outcomes.count(AgendaOutcome.RESOLVED) == 2
            for item in held.items:
                request = session.get(Request, item.request.id)
                assert request is not None and held.title in request.resolution
                resolved = item.outcome == AgendaOutcome.RESOLVED
                assert (request.status == "resolved") == resolved
                assert (request.resolved_at is not None) == resolved
            upcoming = [agenda.agenda(session, admin_of_demo, m.id) for m in coming]
            assert [len(m.items) for m in upcoming] == [3, 2, 2, 0]
            assert all(not item.decided for m in upcoming for item in m.items)
            masked = [item.request.text for m in upcoming for item in m.items]
            assert any("****" in text for text in masked)
            # Open requests are left to put on an agenda at the desk.
            assert len(agenda.open_requests(session, admin_of_demo)) >= 5
            orgs = {m.organisation_id for m in meetings}
            kinds = set(session.scalars(select(Organisation.kind).where(Organisation.id.in_(orgs))))
            assert kinds == {"council"}
    finally:
        db.dispose()


@pytest.fixture
def admin_of_demo(demo_url: str) -> Actor:
    db = Database(demo_url)
    try:
        with db.read() as session:
            account = session.scalars(select(Account).where(Account.username == "admin")).one()
            return Actor.of(account)
    finally:
        db.dispose()


def test_sessions_have_their_booking(conn: Connection) -> None:
    rows = _rows(
        conn,
        "SELECT s.capacity, r.capacity, b.kind, b.status, b.room_id = s.room_id, "
        "b.starts_at = s.starts_at AND b.ends_at = s.ends_at, s.signup_deadline < s.starts_at "
        "FROM activity_session s JOIN booking b ON b.id = s.booking_id "
        "JOIN room r ON r.id = s.room_id",
    )
    assert len(rows) == _one(conn, "SELECT count(*) FROM activity_session")
    for capacity, room_capacity, kind, status, same_room, same_time, deadline_before in rows:
        assert 0 < capacity <= room_capacity
        assert (kind, status) == ("activity", "confirmed")
        assert same_room and same_time and deadline_before


def test_sessions_past_this_week_and_future(conn: Connection) -> None:
    today = TEST_NOW.date()
    days = [
        dt.date.fromisoformat(row[0])
        for row in _rows(conn, "SELECT date(starts_at) FROM activity_session")
    ]
    assert today in days
    monday = today - dt.timedelta(days=today.weekday())
    assert sum(monday <= day < monday + dt.timedelta(days=7) for day in days) >= 5
    assert min(days) <= today - dt.timedelta(weeks=7)
    assert max(days) >= today + dt.timedelta(weeks=3)
    # Several sessions every whole week (the first and last weeks are cut off by the range).
    weeks = Counter(day.isocalendar()[:2] for day in days)
    whole_weeks = sorted(weeks)[1:-1]
    assert len(whole_weeks) >= 10
    assert all(weeks[week] >= 5 for week in whole_weeks)


def test_signups_within_capacity_with_ordered_waitlists(conn: Connection) -> None:
    over = _rows(
        conn,
        "SELECT s.id FROM activity_session s JOIN signup g ON g.session_id = s.id "
        "WHERE g.status = 'signed_up' GROUP BY s.id HAVING sum(g.seats) > s.capacity",
    )
    assert over == []  # a companion takes a seat too, walk-ins included
    waitlists: dict[int, list[tuple[int, int]]] = {}
    for session, position, seats in _rows(
        conn,
        "SELECT session_id, waitlist_position, seats FROM signup WHERE status = 'waitlisted'",
    ):
        waitlists.setdefault(session, []).append((position, seats))
    assert waitlists, "some sessions are full with a waitlist"
    for session, line in waitlists.items():
        line.sort()
        assert [position for position, _ in line] == list(range(1, len(line) + 1))
        taken, capacity = _rows(
            conn,
            "SELECT coalesce(sum(g.seats), 0), s.capacity FROM activity_session s JOIN signup g "
            "ON g.session_id = s.id AND g.status = 'signed_up' WHERE s.id = :s",
            s=session,
        )[0]
        # Only a session too full for the first in line has a waitlist (first come, first served).
        assert capacity - taken < line[0][1]
    assert not _rows(
        conn, "SELECT id FROM signup WHERE status != 'waitlisted' AND waitlist_position IS NOT NULL"
    )


def test_items_carry_their_rules_and_defaults(conn: Connection) -> None:
    items = {
        row.name: row
        for row in _rows(
            conn,
            "SELECT name, audience, min_age, max_age, with_parent, default_capacity, "
            "default_minutes FROM service_item",
        )
    }
    for name in ("长者健身操", "助老智能手机课堂", "健康讲座"):
        assert (items[name].min_age, items[name].max_age, items[name].with_parent) == (60, None, 0)
    assert (items["亲子绘本阅读"].max_age, items["亲子绘本阅读"].with_parent) == (8, 1)
    assert (items["小美艺术课堂"].max_age, items["小美艺术课堂"].with_parent) == (12, 1)
    assert items["长者健身操"].default_capacity == 25 and items["长者健身操"].default_minutes == 60
    assert all(row.default_capacity and row.default_minutes for row in items.values())
    walking = _rows(
        conn,
        "SELECT i.description, i.audience, s.code FROM service_item i "
        "JOIN service_series s ON s.id = i.series_id WHERE i.name = '行走的党课'",
    )
    assert walking == [("走访红色地标，边走边学党史", "党员及居民", "party_community")]


def test_the_walking_lesson_has_two_seats_left_and_nobody_waiting(demo_url: str) -> None:
    """A volunteer trying the desk signs three residents up: two get seats, the third waits."""
    db = Database(demo_url)
    try:
        with db.read() as session:
            rows = session.execute(
                select(ActivitySession.id, ActivitySession.starts_at)
                .join(ServiceItem)
                .where(ServiceItem.name == "行走的党课")
            ).all()
            assert len(rows) == 1
            session_id, starts_at = rows[0]
            assert TEST_NOW.date() < starts_at.date() <= TEST_NOW.date() + dt.timedelta(days=9)
            assert starts_at.weekday() < 5 and starts_at.hour >= 13
            with clock.frozen(TEST_NOW):
                row = menu_reads.get_session(session, _desk_of(session), session_id).row
            assert (row.status, row.free, row.waiting) == ("open", 2, 0)
    finally:
        db.dispose()


def test_signups_fit_the_age_rules_or_carry_a_reason(demo_url: str) -> None:
    db = Database(demo_url)
    try:
        with db.read() as session:
            ruled = 0
            signups = session.scalars(
                select(Signup)
                .join(ActivitySession)
                .join(ServiceItem)
                .where(
                    (ServiceItem.min_age.is_not(None))
                    | (ServiceItem.max_age.is_not(None))
                    | ServiceItem.with_parent
                )
                .options(
                    selectinload(Signup.session).selectinload(ActivitySession.item),
                    selectinload(Signup.person),
                    selectinload(Signup.companion),
                )
            ).all()
            for signup in signups:
                activity = signup.session
                why = audience.problem(
                    activity.item, signup.person, signup.companion, activity.starts_at.date()
                )
                assert why is None or signup.override_reason, why
                assert signup.seats == (2 if signup.companion_id else 1)
                ruled += 1
            assert ruled > 100
            companions = [s for s in signups if s.companion_id is not None]
            assert len(companions) > 20
    finally:
        db.dispose()


def test_weekly_sessions_come_from_their_plans(conn: Connection) -> None:
    plans = {
        row.id: row
        for row in _rows(
            conn,
            "SELECT p.id, p.item_id, p.rule, p.first_day, p.start_time, p.end_time "
            "FROM session_plan p",
        )
    }
    assert len(plans) == sum(1 for slot in centre.TIMETABLE if centre.weekly(slot))
    sessions = _rows(
        conn,
        "SELECT s.plan_id, s.item_id, s.starts_at, s.ends_at FROM activity_session s "
        "WHERE s.plan_id IS NOT NULL",
    )
    assert len(sessions) >= 10 * len(plans)
    for plan_id, item_id, starts_at, ends_at in sessions:
        plan = plans[plan_id]
        starts, ends = dt.datetime.fromisoformat(starts_at), dt.datetime.fromisoformat(ends_at)
        first = dt.datetime.combine(
            dt.date.fromisoformat(plan.first_day), dt.time.fromisoformat(plan.start_time)
        )
        days = rrulestr(plan.rule, dtstart=first)
        assert item_id == plan.item_id and starts in days
        assert ends.time() == dt.time.fromisoformat(plan.end_time)
    # Now and then sessions (some weeks, the first week of a month) have no plan.
    assert _one(conn, "SELECT count(*) FROM activity_session WHERE plan_id IS NULL") > 0


def _desk_of(session: Session) -> Actor:
    account = session.scalars(select(Account).where(Account.username == "desk")).one()
    return Actor.of(account)


def test_a_desk_signs_three_up_for_the_walking_lesson_and_the_third_waits(
    demo_url: str, tmp_path: Path
) -> None:
    copy = tmp_path / "demo.sqlite3"
    shutil.copyfile(Path(make_url(demo_url).database or ""), copy)
    db = Database(paths.sqlite_url(copy))
    try:
        with clock.frozen(TEST_NOW), db.write() as session:
            desk = _desk_of(session)
            session_id = session.scalars(
                select(ActivitySession.id).join(ServiceItem).where(ServiceItem.name == "行走的党课")
            ).one()
            signed = set(
                session.scalars(select(Signup.person_id).where(Signup.session_id == session_id))
            )
            adults = session.scalars(
                select(Person.id)
                .where(Person.birth_year < 1980, Person.id.not_in(signed))
                .order_by(Person.id)
                .limit(3)
            ).all()
            results = [menu_signups.sign_up(session, desk, session_id, p) for p in adults]
        assert [(str(r.status), r.position) for r in results] == [
            ("signed_up", None),
            ("signed_up", None),
            ("waitlisted", 1),
        ]
    finally:
        db.dispose()


def test_attendance_only_for_held_sessions(conn: Connection) -> None:
    now = TEST_NOW
    rows = _rows(
        conn,
        "SELECT s.starts_at, g.attended, g.status FROM signup g "
        "JOIN activity_session s ON s.id = g.session_id",
    )
    past = [
        attended
        for start, attended, status in rows
        if status == "signed_up" and dt.datetime.fromisoformat(start) < now - dt.timedelta(days=1)
    ]
    assert sum(past) > 0.75 * len(past)
    for start, attended, status in rows:
        if attended:
            assert status == "signed_up"
            assert dt.datetime.fromisoformat(start) <= now


def test_volunteers_and_hours(conn: Connection) -> None:
    volunteers = _one(conn, "SELECT count(*) FROM volunteer")
    tagged = _one(
        conn,
        "SELECT count(*) FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.name = '志愿者'",
    )
    assert volunteers == tagged > 0
    assert (
        _one(
            conn,
            "SELECT count(*) FROM volunteer WHERE double_report AND workplace_party_org != '' "
            "AND reported_on IS NOT NULL",
        )
        >= 1
    )
    records = _rows(
        conn,
        "SELECT r.kind, CAST(r.hours AS REAL), r.reason, r.session_id, i.is_volunteer_service, "
        "g.attended FROM service_record r "
        "LEFT JOIN activity_session s ON s.id = r.session_id "
        "LEFT JOIN service_item i ON i.id = s.item_id "
        "LEFT JOIN volunteer v ON v.id = r.volunteer_id "
        "LEFT JOIN signup g ON g.session_id = r.session_id AND g.person_id = v.person_id",
    )
    kinds = Counter(row[0] for row in records)
    assert kinds["session"] > 0 and kinds["make_up"] > 0 and kinds["duty"] > 0
    for kind, hours, reason, session, volunteer_item, attended in records:
        assert 1.0 <= hours <= 4.0
        if kind == "session":
            assert session is not None and volunteer_item and attended
        elif kind == "make_up":
            assert session is None and reason
        else:
            assert session is None and not reason


def test_certificates_numbered(conn: Connection) -> None:
    rows = _rows(
        conn,
        "SELECT kind, year, sequence, serial, verification_code FROM certificate "
        "ORDER BY issued_on, id",
    )
    assert rows
    sequences: dict[tuple[str, int], list[int]] = {}
    for kind, year, sequence, serial, code in rows:
        assert serial == certificates.serial("东邻", kind, year, sequence)
        assert re.fullmatch(r"东邻(志|荣|结)证〔\d{4}〕第\d{4}号", serial)
        assert len(code) == 8 and set(code) <= set(certificates.VERIFICATION_ALPHABET)
        sequences.setdefault((kind, year), []).append(sequence)
    # Numbered per kind and year from 1, in the order of issue.
    for numbers in sequences.values():
        assert numbers == list(range(1, len(numbers) + 1))
    assert any("志证" in row[3] for row in rows)


def test_volunteer_profiles(conn: Connection) -> None:
    profiles = _rows(
        conn,
        "SELECT skills, availability, double_report, workplace_party_org, reported_on "
        "FROM volunteer",
    )
    skills = set(centre.SKILLS)
    for known, available, double, workplace, reported in profiles:
        assert known and set(known.split("、")) <= skills
        assert available
        if double:
            assert workplace in centre.WORKPLACE_PARTY_ORGS and reported is not None
        else:
            assert workplace == "" and reported is None


def test_hours_totals_are_the_sum_of_the_records(demo_url: str, admin_of_demo: Actor) -> None:
    db = Database(demo_url)
    try:
        with db.read() as session:
            for year in (TEST_NOW.year - 1, TEST_NOW.year):
                first, last = volunteer_hours.year_span(year)
                sums = dict(
                    session.execute(
                        select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.hours))
                        .where(ServiceRecord.day.between(first, last))
                        .group_by(ServiceRecord.volunteer_id)
                    ).all()
                )
                lines = volunteer_hours.totals(session, admin_of_demo, first, last)
                assert {line.volunteer_id: line.hours for line in lines if line.hours} == sums
    finally:
        db.dispose()


def test_the_bins_rota(conn: Connection) -> None:
    duties = _rows(conn, "SELECT id, name, building_group_id, weekday, start_time, place FROM duty")
    assert duties
    groups = dict(
        _rows(
            conn,
            "SELECT g.id, c.name || g.name FROM building_group g "
            "JOIN community c ON c.id = g.community_id",
        )
    )
    for _id, name, group, weekday, start, place in duties:
        assert name == "垃圾分类桶前督导" and place == groups[group] + "垃圾箱房"
        assert (weekday < 5 and start.startswith("18:30")) or weekday == 5
    assert len({row[2] for row in duties}) == len(duties)  # one duty a building group
    per_duty = Counter(
        row[0]
        for row in _rows(
            conn,
            "SELECT a.duty_id FROM duty_assignment a JOIN volunteer v ON v.id = a.volunteer_id "
            "WHERE v.double_report AND a.since < :t",
            t=TEST_NOW.date() - dt.timedelta(days=30),
        )
    )
    assert set(per_duty) == {row[0] for row in duties}
    assert set(per_duty.values()) <= {1, 2}
    # Shifts only for assigned members, since they joined, on the duty's weekday, held by now.
    wrong = _one(
        conn,
        "SELECT count(*) FROM duty_shift s JOIN duty d ON d.id = s.duty_id "
        "LEFT JOIN duty_assignment a ON a.duty_id = s.duty_id AND a.volunteer_id = s.volunteer_id "
        "WHERE a.id IS NULL OR s.day < a.since OR s.day > :today "
        "OR CAST(strftime('%w', s.day) AS INTEGER) != (d.weekday + 1) % 7",
        today=TEST_NOW.date(),
    )
    assert wrong == 0


def test_a_duty_record_for_each_done_shift(conn: Connection) -> None:
    shifts = _rows(
        conn,
        "SELECT s.status, s.service_record_id, r.kind, r.volunteer_id = s.volunteer_id, "
        "r.day = s.day, CAST(r.hours AS REAL), r.content, d.start_time, d.end_time "
        "FROM duty_shift s JOIN duty d ON d.id = s.duty_id "
        "LEFT JOIN service_record r ON r.id = s.service_record_id",
    )
    statuses = Counter(row[0] for row in shifts)
    assert statuses["done"] > statuses["missed"] > 0
    for status, record, kind, same_person, same_day, hours_, content, start, end in shifts:
        if status == "missed":
            assert record is None
            continue
        assert kind == "duty" and same_person and same_day and content == "垃圾分类桶前督导"
        length = dt.datetime.strptime(end[:5], "%H:%M") - dt.datetime.strptime(start[:5], "%H:%M")
        assert hours_ == length.seconds / 3600
    records = [row[1] for row in shifts if row[1] is not None]
    assert len(records) == len(set(records))  # one each
    assert _one(conn, "SELECT count(*) FROM service_record WHERE kind = 'duty'") == len(records)


def test_some_members_missed_three_weeks_in_a_row(conn: Connection) -> None:
    latest: dict[tuple[int, int], list[str]] = {}
    for duty, volunteer, status in _rows(
        conn, "SELECT duty_id, volunteer_id, status FROM duty_shift ORDER BY day DESC"
    ):
        latest.setdefault((duty, volunteer), []).append(status)
    streaks = [key for key, statuses in latest.items() if statuses[:3] == ["missed"] * 3]
    assert 1 <= len(streaks) <= 3


def test_certificates_codes_issuer_and_record_hours(conn: Connection) -> None:
    secret = _one(conn, "SELECT verification_secret FROM centre")
    assert re.fullmatch(r"[0-9a-f]{64}", secret)
    centre_row = _rows(conn, "SELECT name, person_in_charge, handler, phone FROM centre")[0]
    rows = _rows(
        conn,
        "SELECT id, kind, serial, person_id, verification_code, issuer, person_in_charge, "
        "handler, contact, CAST(hours AS REAL), period_start, period_end, issued_on, reprints, "
        "reprinted_on, revoked_at, revoked_reason FROM certificate",
    )
    kinds = Counter(row[1] for row in rows)
    assert kinds["service_record"] and kinds["honour"] and kinds["completion"]
    for row in rows:
        _id, kind, serial, person, code, *signed = row[:9]
        assert code == certificates.derived_code(secret, serial, person)
        assert tuple(signed) == tuple(centre_row)
        hours_, first, last, issued = row[9:13]
        if kind != "service_record":
            assert hours_ is None and first is None
            continue
        total = _one(
            conn,
            "SELECT CAST(sum(r.hours) AS REAL) FROM service_record r "
            "JOIN volunteer v ON v.id = r.volunteer_id WHERE v.person_id = :p "
            "AND r.day BETWEEN :first AND :last",
            p=person,
            first=first,
            last=last,
        )
        assert hours_ == total >= 20 and first <= last < issued
    reprinted = [row for row in rows if row[13]]
    revoked = [row for row in rows if row[15] is not None]
    assert len(reprinted) == 1 and reprinted[0][14] > reprinted[0][12]
    assert len(revoked) == 1 and revoked[0][16]
    titles = {row[0] for row in _rows(conn, "SELECT title FROM certificate")}
    assert {"睦邻达人", "共营达人", "草根规划师", "小美艺术课堂"} <= titles


def test_this_years_record_certificates_are_left_to_issue(
    demo_url: str, admin_of_demo: Actor
) -> None:
    db = Database(demo_url)
    try:
        with db.read() as session:
            first, last = volunteer_hours.year_span(TEST_NOW.year)
            lines = volunteer_hours.totals(session, admin_of_demo, first, last)
            over = [line for line in lines if line.hours >= 20]
            under = [line for line in lines if 0 < line.hours < 20]
            holders = set(
                session.scalars(
                    select(Certificate.person_id).where(
                        Certificate.kind == CertificateKind.SERVICE_RECORD,
                        Certificate.period_end >= first,
                    )
                )
            )
            assert len(over) >= 3 and len(under) >= 3
            assert not holders & {line.person_id for line in over}
            assert not session.scalar(
                select(func.count()).where(
                    Certificate.kind == CertificateKind.SERVICE_RECORD,
                    Certificate.year == TEST_NOW.year,
                )
            )
    finally:
        db.dispose()


def test_the_desks_number_on_after_the_demo(db: Database) -> None:
    """Member codes and certificate numbers come from the counters the desks take them from."""
    demo.write_demo(db.url, people=40, now=TEST_NOW)
    with db.write() as session:
        assert next_member_codes(session) == ["YL000041"]
        last = dict(
            session.execute(
                text("SELECT kind || ':' || year, max(sequence) FROM certificate GROUP BY 1")
            ).all()
        )
        assert last
        for key, sequence in last.items():
            kind, year = key.split(":")
            number = certificates.take_number(session, "东邻", kind, int(year))
            assert number.sequence == sequence + 1
            assert (
                counters.peek(session, certificates.counter_name(kind, int(year))) == sequence + 1
            )
        fresh = certificates.take_number(session, "东邻", CertificateKind.HONOUR, TEST_NOW.year + 1)
        assert fresh.serial == f"东邻荣证〔{TEST_NOW.year + 1}〕第0001号"


def test_the_desks_go_on_with_the_demos_rota_and_register(db: Database) -> None:
    """New duties, shifts, records and certificates get their own ids after the demo's (the
    PostgreSQL sequences learnt them); a new code verifies under the demo centre's secret."""
    demo.write_demo(db.url, people=400, now=TEST_NOW)
    with db.write() as session:
        secret = session.scalars(select(Centre.verification_secret)).one()
        volunteer = session.scalars(select(Volunteer).order_by(Volunteer.id)).first()
        assert volunteer is not None
        duty = Duty(name="楼道清洁", weekday=2, start_time=dt.time(9), end_time=dt.time(10))
        session.add(duty)
        session.flush()
        session.add(
            DutyAssignment(duty_id=duty.id, volunteer_id=volunteer.id, since=TEST_NOW.date())
        )
        record = ServiceRecord(
            volunteer_id=volunteer.id,
            day=TEST_NOW.date(),
            hours=1,
            content="楼道清洁",
            kind=ServiceRecordKind.DUTY,
        )
        session.add(record)
        session.flush()
        session.add(
            DutyShift(
                duty_id=duty.id,
                volunteer_id=volunteer.id,
                day=TEST_NOW.date(),
                status=DutyStatus.DONE,
                service_record_id=record.id,
            )
        )
        taken = certificates.take_number(
            session, "东邻", CertificateKind.SERVICE_RECORD, TEST_NOW.year
        )
        assert taken.sequence == 1  # this year's record certificates are the desk's to issue
        session.add(
            Certificate(
                kind=taken.kind,
                year=taken.year,
                sequence=taken.sequence,
                serial=taken.serial,
                verification_code=certificates.derived_code(
                    secret, taken.serial, volunteer.person_id
                ),
                person_id=volunteer.person_id,
                title="志愿服务记录证明",
                issued_on=TEST_NOW.date(),
            )
        )
        session.flush()


def test_same_seed_same_secret_and_register(demo_url: str, tmp_path: Path) -> None:
    again = _write(tmp_path)
    queries = (
        "SELECT verification_secret FROM centre",
        "SELECT serial, person_id, verification_code, revoked_at, reprints FROM certificate",
        "SELECT duty_id, volunteer_id, day, status FROM duty_shift",
    )
    for sql in queries:
        rows = [_rows(sqlite3_conn, sql) for sqlite3_conn in _connections(demo_url, again)]
        assert rows[0] == rows[1]


def _connections(*urls: str) -> Iterator[Connection]:
    for url in urls:
        db = Database(url)
        try:
            with db.engine.connect() as connection:
                yield connection
        finally:
            db.dispose()


def test_today_is_the_programs_clock(clock_at: clock.FixedClock, tmp_path: Path) -> None:
    clock_at.set(dt.datetime(2027, 3, 3, 15, 0))
    url = paths.sqlite_url(tmp_path / "march.sqlite3")
    demo.write_demo(url, people=30)
    db = Database(url)
    try:
        with db.engine.connect() as connection:
            last_visit = _one(connection, "SELECT max(at) FROM visit")
            today = _one(
                connection,
                "SELECT count(*) FROM activity_session WHERE date(starts_at) = '2027-03-03'",
            )
    finally:
        db.dispose()
    assert dt.datetime.fromisoformat(last_visit).date() == dt.date(2027, 3, 3)
    assert dt.datetime.fromisoformat(last_visit) <= clock_at.now()
    assert today >= 1


def test_visits(conn: Connection) -> None:
    now = TEST_NOW
    rows = _rows(
        conn,
        "SELECT v.at, v.purpose, v.community_id, p.community_id, v.person_id, v.account_id "
        "FROM visit v LEFT JOIN person p ON p.id = v.person_id",
    )
    assert len(rows) > 56 * 20
    days = Counter(dt.datetime.fromisoformat(row[0]).date() for row in rows)
    assert min(days) >= now.date() - dt.timedelta(weeks=8)
    assert len(days) >= 45  # the centre is closed on holidays and its own closed days
    for at, _purpose, community, person_community, person, account in rows:
        assert dt.datetime.fromisoformat(at) <= now
        assert community == person_community
        assert account in (1, 2) or person is None
    purposes = {row[1] for row in rows}
    assert {"activity", "life_service", "government"} <= purposes


def test_requests(conn: Connection) -> None:
    statuses = dict(_rows(conn, "SELECT status, count(*) FROM request GROUP BY status"))
    assert set(statuses) == {"open", "assigned", "resolved"}
    assert not _rows(
        conn,
        "SELECT id FROM request WHERE status = 'resolved' "
        "AND (resolved_at IS NULL OR resolution = '')",
    )


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_refuses_a_database_with_a_centre(db: Database, db_path: Path, admin: Actor) -> None:
    before = _dump(db_path)
    with pytest.raises(ConflictError):
        demo.write_demo(db.url, people=50)
    after = _dump(db_path)
    assert after == before
    assert any("东社区邻里中心" in line for line in after)
    assert not any(line.startswith('INSERT INTO "person"') for line in after)


def test_refuses_a_second_demo(tmp_path: Path) -> None:
    url = _write(tmp_path, people=20)
    with pytest.raises(ConflictError) as error:
        demo.write_demo(url, people=20, seed=2)
    assert error.value.message
    assert _people(url) == _people(_write(tmp_path / "fresh", people=20))


def test_refusal_is_translated(tmp_path: Path) -> None:
    from app import i18n

    url = _write(tmp_path, people=20)
    i18n.set_language("en")
    with pytest.raises(ConflictError, match="already holds"):
        demo.write_demo(url, people=20)


def test_people_count_checked(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        demo.write_demo(paths.sqlite_url(tmp_path / "x.sqlite3"), people=0)
    assert not (tmp_path / "x.sqlite3").exists()


def test_tiny_demo(tmp_path: Path) -> None:
    url = _write(tmp_path, people=1)
    assert len(_people(url)) == 1


def test_same_centre_at_any_time_of_the_day(tmp_path: Path) -> None:
    morning = dt.datetime.combine(TEST_NOW.date(), dt.time(9, 0))
    evening = morning.replace(hour=19)
    urls = []
    for name, now in (("morning", morning), ("evening", evening)):
        url = paths.sqlite_url(tmp_path / f"{name}.sqlite3")
        demo.write_demo(url, people=100, now=now)
        urls.append(url)

    def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
        db = Database(url)
        try:
            with db.engine.connect() as connection:
                queries = {
                    "people": "SELECT id, name, phone FROM person",
                    "sessions": "SELECT id, item_id, room_id, starts_at FROM activity_session",
                    # Walk-ins come only once a session is held, numbered after the others.
                    "signups": "SELECT id, session_id, person_id, status FROM signup "
                    "WHERE NOT walk_in",
                    "bookings": "SELECT id, room_id, starts_at, status FROM booking",
                    "morning visits": "SELECT id, person_id, at FROM visit WHERE at < :t",
                }
                return {
                    key: [tuple(row) for row in connection.execute(text(sql), {"t": morning})]
                    for key, sql in queries.items()
                }
        finally:
            db.dispose()

    first, second = dump(urls[0]), dump(urls[1])
    assert first == second


def test_a_file_that_is_no_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"not a database, just some notes" * 100)
    with pytest.raises(DatabaseProblem):
        demo.write_demo(paths.sqlite_url(path), people=10)


def test_the_desks_go_on_with_the_demos_agendas(db: Database, clock_at: clock.FixedClock) -> None:
    """After the demo (its rows written with their ids) the desk adds to an agenda: on
    PostgreSQL the sequences of agenda items and requests have learnt the demo's ids."""
    demo.write_demo(db.url, people=60, now=TEST_NOW)
    with db.write() as session:
        staff = Actor.of(session.scalars(select(Account).where(Account.username == "staff")).one())
        meeting = session.scalars(
            select(Booking.id).where(Booking.kind == "council").order_by(Booking.starts_at.desc())
        ).first()
        assert meeting is not None
        waiting = agenda.open_requests(session, staff)
        line = agenda.add_to_agenda(session, staff, meeting, waiting[0].id)
        assert line.position == 1
        session.add(Closure(day=TEST_NOW.date() + dt.timedelta(days=40), reason="盘点"))


def test_most_resolved_requests_have_the_residents_answer(conn: Connection) -> None:
    rows = _rows(
        conn,
        "SELECT status, satisfaction, satisfaction_note, followed_up_at, resolved_at, "
        "followed_up_by_id FROM request",
    )
    resolved = [row for row in rows if row[0] == "resolved"]
    answers = Counter(row[1] for row in resolved)
    assert answers["satisfied"] > answers["basic"] >= answers["unsatisfied"] >= 1
    assert answers[None] >= 1 and answers[None] < len(resolved) / 3  # some not called yet
    assert all(row[1] is None for row in rows if row[0] != "resolved")
    for _status, answer, note, called, resolved_at, caller in resolved:
        if answer is None:
            assert called is None and caller is None and note == ""
            continue
        assert caller is not None and resolved_at < called <= TEST_NOW.isoformat(" ")
        if answer == "unsatisfied":
            assert note  # what was wrong, as the desk asks for it


def test_the_log_tells_the_demos_weeks_in_words(demo_url: str, admin_of_demo: Actor) -> None:
    db = Database(demo_url)
    try:
        with db.read() as session:
            lines = audit.search(session, admin_of_demo, audit.AuditFilter(), limit=10_000)
            certificates = session.scalar(select(func.count()).select_from(Certificate))
            serial = session.scalars(select(Certificate.serial).order_by(Certificate.id)).first()
    finally:
        db.dispose()
    actions = {line.action for line in lines}
    assert {"login", "login_failed", "lock", "unlock", "issue", "revoke", "update"} <= actions
    assert sum(line.action == "issue" for line in lines) == certificates
    assert all(line.at <= TEST_NOW for line in lines)
    assert [line.at for line in lines] == sorted((line.at for line in lines), reverse=True)
    lock = next(line for line in lines if line.action == "lock")
    assert "desk" in lock.description
    issued = [line for line in lines if line.action == "issue"]
    assert serial is not None and any(serial in line.description for line in issued)
    assert any(line.action == "service_record.make_up" and line.account for line in lines)
