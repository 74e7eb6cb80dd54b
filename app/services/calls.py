"""The one way into a service: a transaction that reads or writes, and the acting account as it
is now. The desks (`ui.context.DeskContext.run`) and the command line both come through here.

Several desks on one database lose races now and then: PostgreSQL aborts one of two writers
with a serialization failure or a deadlock, SQLite says `database is locked` when another desk
held the file past the busy timeout. Nothing was written then, so the whole call is run again
in a new transaction (a few times, after a short random pause) and the user never hears of it.
A server that dropped the connection is tried once more on a fresh connection when that is
safe: a read, or a write that failed before it asked the server to commit. Otherwise the call
raises ConnectionLost, saying whether the write may have been committed.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.db import Database, is_connection_lost, is_transient, problem_of
from app.security import Actor
from app.services import accounts

log = logging.getLogger(__name__)

T = TypeVar("T")

ServiceCall = Callable[[Session, Actor], T]

# Tries of one call that lost a race; the pauses grow (with jitter) from RETRY_PAUSE_S.
ATTEMPTS = 5
# A locked SQLite file has already been waited for (busy timeout, 15 s) before it says so:
# one more wait is worth it, four more would freeze the desk for a minute.
LOCKED_ATTEMPTS = 2
RETRY_PAUSE_S = 0.05


class ConnectionLost(SQLAlchemyError):
    """The database server couldn't be reached. `maybe_committed`: the connection broke while
    the server was committing a write, so it may or may not have been saved. A SQLAlchemyError,
    so that every caller that says "the database can't be used" already says it for this."""

    def __init__(self, error: SQLAlchemyError, *, maybe_committed: bool = False) -> None:
        super().__init__(str(error).splitlines()[0] if str(error) else type(error).__name__)
        self.error = error
        self.maybe_committed = maybe_committed


class _Committing(Exception):
    """Wraps an error raised while the transaction was committing (after the call returned)."""

    def __init__(self, error: SQLAlchemyError) -> None:
        super().__init__(str(error))
        self.error = error


def _pause(attempt: int) -> None:
    time.sleep(RETRY_PAUSE_S * (2**attempt) * (0.5 + random.random()))


def read(db: Database, actor: Actor, call: ServiceCall[T]) -> T:
    """`call(session, actor)` in a transaction that only reads; re-run when it lost a race or
    the connection (a read may always be repeated)."""

    def once() -> T:
        with db.read() as session:
            return call(session, accounts.acting(session, actor))

    with said_in_words():
        return _again_while_safe(db, once)


def write(db: Database, actor: Actor, call: ServiceCall[T]) -> T:
    """`call(session, actor)` in a writing transaction, committed when it returns; the whole
    call re-run in a new transaction when it lost a race, or lost the connection before it
    committed. A database still locked by another desk after that, read-only or full raises
    DatabaseProblem saying so; the transaction is rolled back whole, so nothing is half-written."""
    with said_in_words():
        return _again_while_safe(db, lambda: _write_once(db, actor, call))


def _again_while_safe(db: Database, once: Callable[[], T]) -> T:
    # A SQLite file is on this PC: there is no server to lose, whatever its error says.
    server = db.dialect != "sqlite"
    reconnected = False
    for attempt in range(ATTEMPTS):
        try:
            return once()
        except _Committing as committing:
            error = committing.error
            if server and is_connection_lost(error):
                raise ConnectionLost(error, maybe_committed=True) from error
            if not is_transient(error) or attempt == ATTEMPTS - 1:
                raise error from None
            # A serialization failure at commit: PostgreSQL wrote nothing.
        except SQLAlchemyError as failure:
            error = failure
            if server and is_connection_lost(error):
                if reconnected:
                    raise ConnectionLost(error) from error
                # Once more on a fresh connection: the pool's may all be stale.
                reconnected = True
                db.dispose()
                continue
            if not is_transient(error) or attempt >= _attempts(error) - 1:
                raise
        log.info("lost a race to another desk (%s); again", race_kind(error))
        _pause(attempt)
    raise AssertionError("unreachable")


def _attempts(error: BaseException) -> int:
    return LOCKED_ATTEMPTS if race_kind(error) == "database locked" else ATTEMPTS


def race_kind(error: BaseException) -> str:
    """How a call lost a race, for the log and the soak's figures."""
    state = str(getattr(getattr(error, "orig", None), "sqlstate", "") or "")
    return {"40001": "serialization failure", "40P01": "deadlock"}.get(state, "database locked")


def _write_once(db: Database, actor: Actor, call: ServiceCall[T]) -> T:
    returned = False
    try:
        with db.write() as session:
            result = call(session, accounts.acting(session, actor))
            session.flush()
            returned = True
        return result
    except SQLAlchemyError as error:
        if returned:
            raise _Committing(error) from error
        raise


@contextmanager
def said_in_words() -> Iterator[None]:
    """A database that is busy, read-only or full becomes a DatabaseProblem naming the cause;
    any other database error passes unchanged."""
    try:
        yield
    except SQLAlchemyError as error:
        problem = problem_of(error)
        if problem is None:
            raise
        raise problem from error
