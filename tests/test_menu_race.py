"""Two desks signing people up for the last seat at the same moment, as two processes on one
database (a SQLite file, or PostgreSQL when YOULIN_TEST_POSTGRES is set): one gets the seat,
the other goes on the waitlist, round after round; and a cancellation racing a signup gives the
freed seat to the first in line, never to both."""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import ActivitySession, Signup, SignupStatus
from app.security import Actor
from app.services import calls
from app.services.menu.signups import cancel, sign_up
from tests.menu_data import add_item, add_people, add_session
from tests.processes import race

ROUNDS = 100
# After the machine's own today: the racing desks run on its clock.
FIRST_DAY = dt.datetime(2027, 3, 1, 14, 0)


def _sign_up(session: Session, actor: Actor, session_id: int, person_id: int) -> Any:
    return sign_up(session, actor, session_id, person_id)


def _cancel(session: Session, actor: Actor, signup_id: int) -> Any:
    return cancel(session, actor, signup_id)


def desk_signs_up(
    url: str, actor: Actor, pairs: list[tuple[int, int]], lockstep: Any
) -> list[tuple[str, int | None]]:
    """Sign each (session, person) up in turn, waiting for the other desk before each one so
    that both write the same session at the same moment; (status, position) of each."""
    db = Database(url)
    results: list[tuple[str, int | None]] = []
    try:
        for session_id, person_id in pairs:
            lockstep.wait(timeout=60)
            done = calls.write(
                db, actor, functools.partial(_sign_up, session_id=session_id, person_id=person_id)
            )
            results.append((str(done.status), done.position))
    finally:
        db.dispose()
    return results


def desk_cancels(url: str, actor: Actor, signup_ids: list[int], lockstep: Any) -> list[list[int]]:
    """Cancel each signup in turn (in step with the other desk); who each cancellation promoted."""
    db = Database(url)
    promoted: list[list[int]] = []
    try:
        for signup_id in signup_ids:
            lockstep.wait(timeout=60)
            done = calls.write(db, actor, functools.partial(_cancel, signup_id=signup_id))
            promoted.append([p.person_id for p in done.promoted])
    finally:
        db.dispose()
    return promoted


def _sessions(session: Session, item_id: int, count: int, capacity: int) -> list[int]:
    return [
        add_session(
            session,
            item_id,
            FIRST_DAY + dt.timedelta(days=n // 4, hours=n % 4),
            minutes=50,
            capacity=capacity,
        )
        for n in range(count)
    ]


def _no_double_seats(db: Database) -> dict[int, dict[int, str]]:
    """Every session's seats within its capacity, waitlist tickets unique; each session's
    signups' statuses by person."""
    with db.read() as session:
        capacity = {
            row.id: row.capacity
            for row in session.execute(select(ActivitySession.id, ActivitySession.capacity))
        }
        rows = session.execute(
            select(
                Signup.session_id,
                Signup.person_id,
                Signup.seats,
                Signup.status,
                Signup.waitlist_position,
            )
        ).all()
    by_session: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_session[row.session_id].append(row)
    for session_id, signups in by_session.items():
        seats = sum(s.seats for s in signups if s.status == SignupStatus.SIGNED_UP.value)
        assert seats <= capacity[session_id], f"session {session_id}: {seats} seats"
        tickets = [s.waitlist_position for s in signups if s.status == "waitlisted"]
        assert None not in tickets
        assert len(tickets) == len(set(tickets)), f"session {session_id}: tickets {tickets}"
    return {
        session_id: {s.person_id: s.status for s in signups}
        for session_id, signups in by_session.items()
    }


def test_two_desks_taking_the_last_seat_at_once_seat_one_and_waitlist_the_other(
    db: Database, desk: Actor
) -> None:
    with db.write() as session:
        item = add_item(session)
        sessions = _sessions(session, item, ROUNDS, capacity=2)
        first = add_people(session, [f"先到{n}" for n in range(ROUNDS)])
        left = add_people(session, [f"甲台{n}" for n in range(ROUNDS)])
        right = add_people(session, [f"乙台{n}" for n in range(ROUNDS)])
        actor = desk
        for session_id, person_id in zip(sessions, first, strict=True):
            sign_up(session, actor, session_id, person_id)  # one seat left in each

    lockstep = multiprocessing.get_context("spawn").Barrier(2)
    results = race(
        desk_signs_up,
        db.url,
        [
            (desk, list(zip(sessions, left, strict=True)), lockstep),
            (desk, list(zip(sessions, right, strict=True)), lockstep),
        ],
    )

    for n, outcome in enumerate(zip(*results, strict=True)):
        assert sorted(outcome) == [("signed_up", None), ("waitlisted", 1)], f"round {n}: {outcome}"
    winners = Counter(
        "left" if a[0] == "signed_up" else "right" for a, _b in zip(*results, strict=True)
    )
    print(f"{ROUNDS} rounds: the left desk won {winners['left']}, the right {winners['right']}")
    by_session = _no_double_seats(db)
    for session_id in sessions:
        statuses = Counter(by_session[session_id].values())
        assert statuses == {"signed_up": 2, "waitlisted": 1}


def test_a_cancellation_racing_a_signup_gives_the_seat_to_the_first_in_line(
    db: Database, desk: Actor
) -> None:
    """Each session: one seat, held; one waiting. One desk cancels the seat while the other
    signs a newcomer up: the one already waiting gets the seat, the newcomer waits, whoever
    wrote first."""
    rounds = ROUNDS // 2
    with db.write() as session:
        item = add_item(session)
        sessions = _sessions(session, item, rounds, capacity=1)
        holders = add_people(session, [f"座上{n}" for n in range(rounds)])
        waiting = add_people(session, [f"候补{n}" for n in range(rounds)])
        newcomers = add_people(session, [f"新来{n}" for n in range(rounds)])
        held = [
            sign_up(session, desk, session_id, person_id).signup_id
            for session_id, person_id in zip(sessions, holders, strict=True)
        ]
        for session_id, person_id in zip(sessions, waiting, strict=True):
            assert sign_up(session, desk, session_id, person_id).position == 1

    lockstep = multiprocessing.get_context("spawn").Barrier(2)
    promoted, signed = race(
        _either,
        db.url,
        [
            (desk, "cancel", held, lockstep),
            (desk, "sign_up", list(zip(sessions, newcomers, strict=True)), lockstep),
        ],
    )

    assert promoted == [[person] for person in waiting]  # the first in line, and only them
    positions = Counter(position for _status, position in signed)
    assert {status for status, _position in signed} == {"waitlisted"}
    assert set(positions) <= {1, 2}  # 2 when the newcomer wrote before the cancellation
    print(
        f"{rounds} rounds: the signup wrote first {positions[2]} times, the cancel {positions[1]}"
    )
    by_session = _no_double_seats(db)
    for session_id, waiter, newcomer in zip(sessions, waiting, newcomers, strict=True):
        status = by_session[session_id]
        assert status[waiter] == "signed_up"
        assert status[newcomer] == "waitlisted"


def _either(url: str, actor: Actor, what: str, work: Any, lockstep: Any) -> Any:
    if what == "cancel":
        return desk_cancels(url, actor, work, lockstep)
    return desk_signs_up(url, actor, work, lockstep)
