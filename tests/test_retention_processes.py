"""Retention against other processes: a desk checking in the people an admin is removing at the
same moment (the check-in wins, or is refused cleanly; nothing half-written), and the command
line `youlin-desk retention`."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import clock
from app.db import Database
from app.errors import ConflictError, NotFound
from app.models import Person, Visit
from app.roles import Role
from app.security import Actor
from app.services import calls, reception, retention
from tests import retention_data
from tests.conftest import PASSWORD, on_postgres
from tests.processes import race


def _remove(url: str, actor: Actor, ids: list[int]) -> tuple[int, int, int]:
    db = Database(url)
    try:
        removal = calls.write(db, actor, lambda s, a: retention.remove_people(s, a, ids))
    finally:
        db.dispose()
    return removal.deleted, removal.anonymised, removal.skipped


def _check_in(url: str, actor: Actor, ids: list[int]) -> dict[int, str]:
    db = Database(url)
    outcomes: dict[int, str] = {}
    try:
        for person_id in ids:
            try:
                calls.write(
                    db, actor, partial(reception.check_in, person_id=person_id, purpose="other")
                )
            except (ConflictError, NotFound):
                outcomes[person_id] = "refused"
            else:
                outcomes[person_id] = "in"
    finally:
        db.dispose()
    return outcomes


def test_a_check_in_during_a_removal_wins_or_is_refused(
    db: Database, db_url: str, admin: Actor, desk: Actor
) -> None:
    retention_data.build(db)
    ids = [line.person_id for line in calls.read(db, admin, retention.inactive_people)]
    assert len(ids) >= 20
    started = clock.now()
    removed, outcomes = race(
        _remove_or_check_in, db_url, [("remove", admin, ids), ("check_in", desk, ids[::-1])]
    )
    outcomes = outcomes[1]
    assert isinstance(outcomes, dict) and set(outcomes) == set(ids)
    deleted, anonymised, skipped = removed[1]
    with db.read() as session:
        for person_id in ids:
            person = session.get(Person, person_id)
            new_visits = session.scalar(
                select(func.count()).where(Visit.person_id == person_id, Visit.at >= started)
            )
            if outcomes[person_id] == "in":
                # The check-in came first: the person stays, whole, with the visit.
                assert person is not None and person.active and person.phone, person_id
                assert new_visits == 1
            else:
                assert person is None or not person.active, person_id
                assert new_visits == 0
        # No visit of today without its person: nothing half-written.
        assert (
            session.scalar(
                select(func.count()).where(Visit.at >= started, Visit.person_id.is_(None))
            )
            == 0
        )
    assert skipped == sum(1 for o in outcomes.values() if o == "in")
    assert deleted + anonymised + skipped == len(ids)


def _remove_or_check_in(url: str, what: str, actor: Actor, ids: list[int]) -> tuple[str, object]:
    if what == "remove":
        return what, _remove(url, actor, ids)
    return what, _check_in(url, actor, ids)


def _run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, YOULIN_DATA_DIR=str(data_dir), YOULIN_PASSWORD=PASSWORD)
    return subprocess.run(
        [sys.executable, "-m", "ui.launch", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.mark.skipif(on_postgres(), reason="the command line is tested on the SQLite file")
def test_the_command_line(db: Database, db_url: str, admin: Actor, data_dir: Path) -> None:
    retention_data.build(db)
    with db.read() as session:
        due = retention.preview(session, admin)
    from app.services import accounts

    with db.write() as session:
        accounts.create_account(session, admin, "staff", "staff", Role.STAFF, PASSWORD)

    dry = _run("retention", "--database", db_url, "--as", "admin", "--dry-run", data_dir=data_dir)
    assert dry.returncode == 0, dry.stderr
    assert f"{due.visits} " in dry.stdout and "--" not in dry.stderr
    refused = _run("retention", "--database", db_url, "--as", "staff", data_dir=data_dir)
    assert refused.returncode == 2 and refused.stderr.strip()
    with db.read() as session:
        assert session.scalar(select(func.count()).where(Visit.anonymised)) == 0

    done = _run("retention", "--database", db_url, "--as", "admin", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert f"{due.visits} " in done.stdout
    with db.read() as session:
        assert session.scalar(select(func.count()).where(Visit.anonymised)) == due.visits
        assert session.scalar(select(func.count()).where(Visit.at < due.cutoff)) == due.visits
    assert due.cutoff < dt.datetime.combine(clock.today(), dt.time())
