"""Desks taking attendance at the same moment, as processes on one database (a SQLite file, or
PostgreSQL when YOULIN_TEST_POSTGRES is set): the same card scanned at two doors ticks once and
records one volunteer's hours; newcomers scanned at once each get their own volunteer number."""

from __future__ import annotations

import datetime as dt
import functools

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.models import Person, ServiceRecord, Volunteer
from app.security import Actor
from app.services import calls, menu
from app.services.menu import attendance
from tests.menu_data import add_item, add_people, add_session
from tests.processes import race


def scan_codes(url: str, actor: Actor, session_id: int, codes: list[str]) -> list[str]:
    db = Database(url)
    try:
        return [
            str(calls.write(db, actor, functools.partial(_scan, session_id=session_id, code=code)))
            for code in codes
        ]
    finally:
        db.dispose()


def _scan(session: Session, actor: Actor, *, session_id: int, code: str) -> str:
    return attendance.scan(session, actor, session_id, code).outcome


def _volunteer_session(db: Database, desk: Actor, names: list[str]) -> tuple[int, list[str]]:
    """A volunteer session starting soon on the machine's clock (the racing processes run on
    it), with `names` signed up; (session id, their member codes)."""
    starts_at = clock.now().replace(second=0, microsecond=0) + dt.timedelta(minutes=30)
    with db.write() as session:
        item = add_item(session, "垃圾分类桶前督导", volunteer=True)
        session_id = add_session(session, item, starts_at, minutes=60, capacity=20)
        people = add_people(session, names)
    for person_id in people:
        with db.write() as session:
            menu.sign_up(session, desk, session_id, person_id)
    with db.read() as session:
        codes = [
            session.scalar(select(Person.member_code).where(Person.id == person_id)) or ""
            for person_id in people
        ]
    return session_id, codes


def test_one_card_scanned_at_four_desks_ticks_once(db: Database, db_url: str, desk: Actor) -> None:
    session_id, codes = _volunteer_session(db, desk, ["王建国"])
    results = race(scan_codes, db_url, [(desk, session_id, codes)] * 4)
    outcomes = sorted(outcome for result in results for outcome in result)
    assert outcomes == ["already_ticked"] * 3 + ["ticked"]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ServiceRecord)) == 1
        assert session.scalar(select(func.count()).select_from(Volunteer)) == 1


def test_newcomers_scanned_at_once_get_distinct_volunteer_numbers(
    db: Database, db_url: str, desk: Actor
) -> None:
    names = ["李秀兰", "张伟", "陈静", "赵志强", "孙丽", "周敏", "吴磊", "郑洁"]
    session_id, codes = _volunteer_session(db, desk, names)
    results = race(scan_codes, db_url, [(desk, session_id, codes[i::2]) for i in range(2)])
    assert all(outcome == "ticked" for result in results for outcome in result)
    with db.read() as session:
        numbers = sorted(session.scalars(select(Volunteer.volunteer_number)))
        hours = session.scalar(select(func.sum(ServiceRecord.hours)))
    assert numbers == [f"DLZY{n:05d}" for n in range(1, 9)]
    assert hours == 8
