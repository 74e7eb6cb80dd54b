"""Desks that do nothing but check visitors in, to be killed (`tests/test_crash_kill.py`).

    python -m tests.crash_desk URL ACCOUNT_ID PERSON_ID [PERSON_ID …]

A small program, not the whole app. It imports the services once, says `ready`, then for each
`go` line on stdin forks a desk and says `desk PID`. The desk opens its own connection to the
database and checks the people in one after another through the real service
(`reception.check_in` inside `calls.write`), writing each visit's id on stdout only after the
commit has returned: a printed id is a check-in the desk told its volunteer was saved. It runs
until it is killed; once it is dead this program says `dead PID STATUS`, so every id printed
before that line came from the desk that died. Forking from an imported program makes a desk
start in milliseconds: 100 kills take seconds, not 100 Python start-ups.
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _say(line: str) -> None:
    # One write(2) of a short line to a pipe is atomic: the reader sees whole lines only.
    os.write(1, f"{line}\n".encode())


def desk(url: str, account_id: int, person_ids: list[int]) -> None:
    """Check people in until killed (runs in the forked desk)."""
    from sqlalchemy.orm import Session

    from app.db import Database
    from app.models import Account, Purpose
    from app.security import Actor
    from app.services import calls, reception

    db = Database(url)
    with db.read() as session:
        account = session.get(Account, account_id)
        assert account is not None
        actor = Actor.of(account)
    for number in itertools.count():
        person_id = person_ids[number % len(person_ids)]

        def check_in(
            session: Session,
            acting: Actor,
            person_id: int = person_id,
            note: str = f"kill {number}",
        ) -> int:
            row = reception.check_in(
                session, acting, person_id, Purpose.OTHER, note, confirm_duplicate=True
            )
            return row.id

        _say(str(calls.write(db, actor, check_in)))


def main(argv: list[str]) -> None:
    # Imported once, before the desks are forked.
    import app.db
    import app.services.calls
    import app.services.reception  # noqa: F401

    url, account, *people = argv
    person_ids = [int(person) for person in people]
    _say("ready")
    for line in sys.stdin:
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            try:
                desk(url, int(account), person_ids)
            finally:
                os._exit(1)
        _say(f"desk {pid}")
        _, status = os.waitpid(pid, 0)
        _say(f"dead {pid} {os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    main(sys.argv[1:])
