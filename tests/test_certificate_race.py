"""Certificate numbers stay unique, consecutive and without gaps: two desks issuing at the same
moment as two processes on one database (a SQLite file, or PostgreSQL when YOULIN_TEST_POSTGRES
is set), round after round; and under any mix of issues, revocations, refused issues and issues
rolled back, each kind's serials of a year count 1, 2, 3 … in the order they were issued."""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
from collections import defaultdict
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.errors import ValidationError
from app.models import Certificate, CertificateKind
from app.security import Actor
from app.services import calls
from app.services.volunteers import certificates as register
from app.services.volunteers.certificates import IssueInput
from tests.certificates_data import add_volunteer
from tests.processes import race

ROUNDS = 45
KINDS = [CertificateKind.HONOUR, CertificateKind.COMPLETION, CertificateKind.SERVICE_RECORD]


def _issue(session: Session, actor: Actor, data: IssueInput) -> Any:
    return register.issue(session, actor, data)


def desk_issues(url: str, actor: Actor, person_id: int, lockstep: Any) -> list[tuple[str, int]]:
    """Issue a certificate each round, in step with the other desk; (kind, sequence) of each."""
    db = Database(url)
    issued: list[tuple[str, int]] = []
    try:
        for n in range(ROUNDS):
            kind = KINDS[n % len(KINDS)]
            title = {CertificateKind.HONOUR: "睦邻达人", CertificateKind.COMPLETION: "小美艺术课堂"}
            data = IssueInput(person_id, kind, title.get(kind, ""))
            lockstep.wait(timeout=60)
            row = calls.write(db, actor, functools.partial(_issue, data=data))
            issued.append((str(row.kind), row.sequence))
    finally:
        db.dispose()
    return issued


def _numbers(db: Database) -> dict[tuple[str, int], list[int]]:
    """Each kind and year's sequences in the order they were issued."""
    with db.read() as session:
        rows = session.execute(
            select(
                Certificate.kind, Certificate.year, Certificate.sequence, Certificate.serial
            ).order_by(Certificate.id)
        ).all()
    serials = [row.serial for row in rows]
    assert len(serials) == len(set(serials))
    by_kind: dict[tuple[str, int], list[int]] = defaultdict(list)
    for row in rows:
        by_kind[(row.kind, row.year)].append(row.sequence)
    return by_kind


def test_two_desks_issuing_at_once_get_consecutive_numbers_without_gaps(
    db: Database, staff: Actor
) -> None:
    with db.write() as session:
        hours = {dt.date(2020, 1, 1) + dt.timedelta(days=n): "2" for n in range(5)}
        left = add_volunteer(session, "甲台", hours)
        right = add_volunteer(session, "乙台", hours)
    lockstep = multiprocessing.get_context("spawn").Barrier(2)
    results = race(desk_issues, db.url, [(staff, left, lockstep), (staff, right, lockstep)])
    for n, (a, b) in enumerate(zip(*results, strict=True)):
        assert a[0] == b[0] and a[1] != b[1], f"round {n}: {a} {b}"
    numbers = _numbers(db)
    for kind in KINDS:
        (sequences,) = [s for (k, _y), s in numbers.items() if k == kind.value]
        assert sequences == list(range(1, 2 * ROUNDS // len(KINDS) + 1)), kind
    print(f"{ROUNDS} rounds on two desks: {sum(map(len, numbers.values()))} certificates")


_operations = st.lists(
    st.one_of(
        st.tuples(st.just("issue"), st.sampled_from(KINDS), st.integers(0, 2)),
        st.tuples(st.just("revoke"), st.integers(0, 99)),
        st.tuples(st.just("rolled back"), st.sampled_from(KINDS)),
        st.tuples(st.just("refused"), st.integers(0, 1)),
        st.tuples(st.just("next year"), st.booleans()),
    ),
    min_size=1,
    max_size=20,
)


@pytest.fixture
def people(db: Database, clock_at: clock.FixedClock, staff: Actor) -> list[int]:
    with db.write() as session:
        return [
            add_volunteer(session, "王建国", {dt.date(2025, 3, 1): "5"}),
            add_volunteer(session, "李秀兰", {dt.date(2025, 6, 1): "3"}),
            add_volunteer(session, "赵军"),  # no hours: a record certificate is refused
        ]


class _RolledBack(Exception):
    pass


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=_operations)
def test_serials_per_kind_and_year_count_up_without_gaps_whatever_happens(
    db: Database,
    staff: Actor,
    clock_at: clock.FixedClock,
    people: list[int],
    operations: list[tuple[Any, ...]],
) -> None:
    clock_at.set(dt.datetime(2026, 11, 25, 9, 30))
    for operation in operations:
        what = operation[0]
        if what == "issue":
            _, kind, who = operation
            person = people[who]
            data = IssueInput(person, kind, "优秀志愿者")
            refused = kind == CertificateKind.SERVICE_RECORD and who == 2
            try:
                with db.write() as session:
                    register.issue(session, staff, data)
            except ValidationError as error:
                assert refused and error.field == "hours"
            else:
                assert not refused
        elif what == "revoke":
            with db.read() as session:
                live = [row.id for row in register.register(session, staff) if not row.revoked]
            if live:
                with db.write() as session:
                    register.revoke(session, staff, live[operation[1] % len(live)], "作废重开")
        elif what == "rolled back":
            with pytest.raises(_RolledBack), db.write() as session:
                register.issue(session, staff, IssueInput(people[0], operation[1], "共营达人"))
                raise _RolledBack
        elif what == "refused":
            with pytest.raises(ValidationError), db.write() as session:
                register.issue(
                    session, staff, IssueInput(people[operation[1]], CertificateKind.HONOUR, " ")
                )
        else:
            clock_at.set(dt.datetime(2027 if operation[1] else 2026, 1, 5, 9, 0))
        for (kind, year), sequences in _numbers(db).items():
            assert sequences == list(range(1, len(sequences) + 1)), (kind, year, sequences)
