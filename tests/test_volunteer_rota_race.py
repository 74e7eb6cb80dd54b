"""Two desks ticking the same returned rota at the same moments, as two processes on one
database (a SQLite file, or PostgreSQL when YOULIN_TEST_POSTGRES is set): each turn gets one
shift and one service record, never two."""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import DutyShift, ServiceRecord
from app.security import Actor
from app.services import calls
from app.services.volunteers import rota
from tests.processes import race
from tests.rota_data import make_rota

TURNS = 40
FIRST_TURN = dt.date(2020, 1, 1)  # a Wednesday, long before the machine's own today


def _mark(session: Session, actor: Actor, duty_id: int, person_id: int, day: dt.date) -> None:
    rota.mark(session, actor, duty_id, person_id, day, True)


def tick_turns(url: str, actor: Actor, duty_id: int, person_id: int, lockstep: Any) -> list[str]:
    db = Database(url)
    problems: list[str] = []
    try:
        for n in range(TURNS):
            day = FIRST_TURN + dt.timedelta(weeks=n)
            lockstep.wait(timeout=60)
            try:
                calls.write(
                    db,
                    actor,
                    functools.partial(_mark, duty_id=duty_id, person_id=person_id, day=day),
                )
            except Exception as error:  # any error fails the test
                problems.append(f"{day}: {type(error).__name__}: {error}")
    finally:
        db.dispose()
    return problems


def test_two_desks_marking_the_same_turns_make_one_record_each(db: Database, staff: Actor) -> None:
    data = make_rota(db, since=dt.date(2019, 12, 30))
    person = data.people["王建国"]
    lockstep = multiprocessing.get_context("spawn").Barrier(2)
    arguments = (staff, data.duty_id, person, lockstep)
    results = race(tick_turns, db.url, [arguments, arguments])
    assert results == [[], []]
    with db.read() as session:
        shifts = session.scalar(select(func.count()).select_from(DutyShift))
        records = session.scalar(select(func.count()).select_from(ServiceRecord))
    assert shifts == records == TURNS
