"""A desk killed at any moment loses no check-in it said was saved, and leaves a sound file.

`tests.crash_desk` starts desks that check visitors in through the real service and print each
visit's id once its commit has returned; each is killed with SIGKILL at a seeded random moment,
100 times, all on one database. Afterwards `PRAGMA integrity_check` says ok and every printed id
is there, with its audit event (written in the same transaction).

    YOULIN_CRASH_KILLS=1000 YOULIN_CRASH_SEED=7 pytest -s tests/test_crash_kill.py  # by hand
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select as sql_select

from app.db import Database
from app.models import AuditEvent, Visit
from app.security import Actor
from app.services import people

ROOT = Path(__file__).resolve().parents[1]
KILLS = int(os.environ.get("YOULIN_CRASH_KILLS", "100"))
SEED = int(os.environ.get("YOULIN_CRASH_SEED", "20261128"))
# A fifth of the desks are killed within 50 ms of starting, while they open the database (and
# recover the journal the last one left); the others at a moment uniform within LONGEST_RUN
# seconds of their first check-in, while they write or commit the next ones.
EARLY = 0.2
LONGEST_RUN = 0.2


class Lines:
    """The lines a child program writes, read with a deadline."""

    def __init__(self, child: subprocess.Popen[bytes]) -> None:
        assert child.stdout is not None
        self._descriptor = child.stdout.fileno()
        self._buffer = b""
        self._ready: list[str] = []

    def next(self, until: float) -> str | None:
        """The next whole line, or None when `until` (monotonic) passes first or the pipe ends."""
        while not self._ready:
            left = until - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._descriptor], [], [], left)
            if not ready:
                return None
            chunk = os.read(self._descriptor, 65536)
            if not chunk:
                return None
            *whole, self._buffer = (self._buffer + chunk).split(b"\n")
            self._ready += [line.decode() for line in whole]
        return self._ready.pop(0)


@pytest.mark.sqlite_only
def test_sigkill_at_random_moments_loses_no_acknowledged_check_in(
    db: Database, db_path: Path, admin: Actor, desk: Actor
) -> None:
    with db.write() as session:
        person_ids = [
            people.register(session, admin, people.PersonInput(name=name)).id
            for name in ("张三", "李四", "王五")
        ]
    db.dispose()
    rng = random.Random(SEED)
    acknowledged: list[int] = []
    kills = 0
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_desk", db.url, str(desk.account_id)]
        + [str(person_id) for person_id in person_ids],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert server.stdin is not None and server.stdout is not None
    lines = Lines(server)
    try:
        assert lines.next(time.monotonic() + 120) == "ready"
        for _ in range(KILLS):
            server.stdin.write(b"go\n")
            server.stdin.flush()
            line = lines.next(time.monotonic() + 30)
            assert line is not None and line.startswith("desk "), line
            pid = int(line.split()[1])
            if rng.random() < EARLY:
                deadline = time.monotonic() + rng.uniform(0, 0.05)
            else:
                # From its first check-in on, whatever the load of the machine.
                first = lines.next(time.monotonic() + 30)
                assert first is not None and first.isdigit(), first
                acknowledged.append(int(first))
                deadline = time.monotonic() + rng.uniform(0, LONGEST_RUN)
            while (line := lines.next(deadline)) is not None:
                acknowledged.append(int(line))
            os.kill(pid, signal.SIGKILL)
            # What the desk wrote before it died is still in the pipe, ahead of `dead`: those
            # check-ins were said to be saved.
            while (line := lines.next(time.monotonic() + 30)) is not None:
                if line.startswith("dead "):
                    break
                acknowledged.append(int(line))
            assert line == f"dead {pid} {-signal.SIGKILL}", line
            kills += 1
    finally:
        server.stdin.close()
        server.wait(timeout=30)
        server.stdout.close()
    seconds = time.monotonic() - started

    check = Database(db.url)
    try:
        with check.engine.connect() as connection:
            integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
        with check.read() as session:
            visits = set(session.scalars(sql_select(Visit.id)))
            audited = set(
                session.scalars(
                    sql_select(AuditEvent.entity_id).where(AuditEvent.entity == "visit")
                )
            )
    finally:
        check.dispose()
    lost = sorted(set(acknowledged) - visits)
    print(
        f"\nkills survived: {kills}/{KILLS}; acknowledged check-ins: {len(acknowledged)}, "
        f"lost: {len(lost)}; visits on file: {len(visits)}; {seconds:.1f} s"
    )
    assert integrity == ["ok"]
    assert kills == KILLS
    assert len(acknowledged) > KILLS, "the desks had time to check people in"
    assert len(set(acknowledged)) == len(acknowledged)
    assert lost == []
    assert visits == audited, "a visit without its audit event, or the other way round"
