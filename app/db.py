"""Engine and transactions. SQLite gets WAL, foreign keys and a busy timeout.

Every transaction says whether it writes:

- `Database.read()` takes no lock. On SQLite it is a deferred transaction reading one snapshot;
  on PostgreSQL a READ COMMITTED transaction. A flush inside it is a bug and raises.
- `Database.write()` is the one way to change data. On SQLite it begins with `BEGIN IMMEDIATE`:
  the writer takes the file's write lock before its first read, so a service's "check, then
  write" is one serialised step, and a second desk waits (up to the busy timeout) instead of
  failing or passing the same check. On PostgreSQL the service takes the row lock or relies on
  the constraint that makes its rule true (`SELECT … FOR UPDATE`, a unique or exclusion
  constraint, a counter row in `app.counters`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app import clock
from app.errors import DatabaseProblem
from app.i18n import translate

# How long a desk waits for another desk's write before it gives up (SQLite's busy handler,
# which also covers BEGIN IMMEDIATE). Writes are kept short (imports commit in batches), so a
# wait this long means something is wrong.
BUSY_TIMEOUT_MS = 15000
# How long a desk waits for a PostgreSQL server to accept a connection.
CONNECT_TIMEOUT_S = 5

# Journal and sync: WAL with synchronous=FULL. A check-in the desk has said is saved must
# survive both a killed program and a power cut (issue 12: "a power cut … must not cost any of
# it"). WAL alone already survives a killed process at any moment (tests/test_crash_kill.py:
# SIGKILL ×100, integrity ok, no acknowledged check-in lost) because every committed frame is in
# the operating system's cache the moment COMMIT returns. With synchronous=NORMAL the WAL is only
# fsynced at checkpoints, so a power cut can roll back the last commits the desk already
# acknowledged; FULL fsyncs the WAL at every commit, which closes that gap. The price is one
# fsync per write: measured here a check-in through the service takes 2.2 ms median / 8.0 ms
# p95 with FULL against 1.2 / 2.5 ms with NORMAL (`python -m tests.bench.scenarios_crash`),
# nothing a volunteer can notice at one check-in every few seconds. Bulk writes (imports, the
# demo) commit in batches, so they pay it per batch, not per row. DELETE/TRUNCATE journals
# would also be safe with FULL but block readers while a desk writes; WAL lets Reception's
# search read during a write.
JOURNAL_MODE = "WAL"
SYNCHRONOUS = "FULL"

_WRITE_OPTION = "youlin_write"
_MODE = "youlin_mode"


class ReadOnlyTransaction(RuntimeError):
    """A change was flushed inside `Database.read()`: the caller must use `write()`."""


# PostgreSQL's SQLSTATEs for "your transaction lost a race, run it again": serialization failure
# and deadlock. Nothing was written; the same transaction re-run from the start may pass.
_RETRY_SQLSTATES = frozenset({"40001", "40P01"})
# Class 08 (connection exception) and the server going away under a session (admin shutdown,
# crash shutdown, cannot connect now).
_LOST_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})
_LOST_WORDS = (
    "server closed the connection",
    "connection refused",
    "could not connect",
    "connection is closed",
    "the connection is lost",
    "terminating connection",
    "connection timeout expired",
    "connection failed",
    "ssl syscall error",
    "no route to host",
    "network is unreachable",
    "broken pipe",
    "connection reset",
)


def _sqlstate(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return str(getattr(original, "sqlstate", None) or getattr(original, "pgcode", None) or "")


def is_transient(error: BaseException) -> bool:
    """A write that lost a race and would pass if run again: a serialization failure or a
    deadlock on PostgreSQL, `database is locked` / `busy` on SQLite (past the busy timeout)."""
    if _sqlstate(error) in _RETRY_SQLSTATES:
        return True
    message = str(getattr(error, "orig", None) or error).lower()
    return "database is locked" in message or "database is busy" in message


def is_connection_lost(error: BaseException) -> bool:
    """The database server can't be reached or dropped the connection (never said of SQLite,
    whose file is on this machine)."""
    if getattr(error, "connection_invalidated", False):
        return True
    state = _sqlstate(error)
    if state.startswith("08") or state in _LOST_SQLSTATES:
        return True
    message = str(getattr(error, "orig", None) or error).lower()
    if "sqlite" in message:
        return False
    return any(words in message for words in _LOST_WORDS)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def application_name() -> str:
    """What this process calls itself on a PostgreSQL server (pg_stat_activity)."""
    return f"youlin-desk {os.getpid()}"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; DatabaseProblem when the URL is malformed or its driver is missing."""
    if is_sqlite(url):
        kwargs.setdefault("connect_args", {"timeout": BUSY_TIMEOUT_MS / 1000})
    elif url.startswith("postgresql"):
        # A pooled connection the server dropped (restart, network) is found out and replaced
        # before use, instead of failing the desk's next call.
        kwargs.setdefault("pool_pre_ping", True)
        # A server that doesn't answer is reported within seconds, not after the OS's TCP
        # timeout (minutes): the desk says so and keeps trying in the background.
        connect_args = dict(kwargs.get("connect_args") or {})
        connect_args.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        # Named per process, so a restore can tell this program's connections from other desks'.
        connect_args.setdefault("application_name", application_name())
        kwargs["connect_args"] = connect_args
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as error:
        raise DatabaseProblem(
            translate("Errors", "The database address %1 can't be used: %2")
            .replace("%1", without_password(url))
            .replace("%2", str(error).splitlines()[0][:200])
        ) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    return engine


# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF) and PostgreSQL's
# SQLSTATEs for the three ways a working database refuses a write.
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_FULL = 5, 6, 8, 13
_PG_LOCKED = ("55P03", "40P01")  # lock_not_available, deadlock_detected
_PG_READONLY = ("25006",)  # read_only_sql_transaction (a standby, or default_transaction_read_only)
_PG_FULL = ("53100",)  # disk_full


def _cause(error: BaseException) -> str | None:
    """'locked', 'read-only' or 'full' when the database said so; None for anything else."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return "locked"
        if primary == _SQLITE_READONLY:
            return "read-only"
        if primary == _SQLITE_FULL:
            return "full"
        return None
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if state in _PG_LOCKED:
        return "locked"
    if state in _PG_READONLY:
        return "read-only"
    if state in _PG_FULL:
        return "full"
    return None


def problem_of(error: BaseException) -> DatabaseProblem | None:
    """The database refused because it is busy, read-only or full, said so a volunteer knows
    what happened and that nothing saved before is lost; None for any other failure (the caller
    says its own general message). A refused write changes nothing: its transaction is rolled
    back whole."""
    cause = _cause(error)
    if cause == "locked":
        return DatabaseProblem(
            translate(
                "Errors",
                "Another desk or program is using the database and did not finish within %1 "
                "seconds, so nothing was changed here. What was saved before is safe. Please "
                "try again in a moment.",
            ).replace("%1", str(max(1, round(BUSY_TIMEOUT_MS / 1000))))
        )
    if cause == "read-only":
        return DatabaseProblem(
            translate(
                "Errors",
                "The database can only be read, not written (the file or its folder is "
                "read-only), so nothing was changed. What was saved before is safe. Please ask "
                "the administrator to check the database file's permissions.",
            )
        )
    if cause == "full":
        return DatabaseProblem(
            translate(
                "Errors",
                "The disk holding the database is full, so nothing was changed. What was saved "
                "before is safe. Please ask the administrator to free some disk space, then try "
                "again.",
            )
        )
    return None


def without_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is off: `_sqlite_on_begin` says BEGIN itself, so that
    # a writer can say BEGIN IMMEDIATE (the recipe of SQLAlchemy's pysqlite dialect notes).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()
        if mode and str(mode[0]).lower() not in (JOURNAL_MODE.lower(), "memory"):
            cursor.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
        cursor.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        # 64 MiB page cache: a 100,000-people register is ~45 MB; the default 2 MB thrashes.
        cursor.execute("PRAGMA cache_size = -65536")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _refuse_flush_in_read(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(_MODE) == "read" and (session.new or session.dirty or session.deleted):
        raise ReadOnlyTransaction("a change inside Database.read(); use Database.write()")


def locked(session: Session, entity: type[Any], key: Any) -> Any:
    """The row `key` of `entity`, locked until the writing transaction ends; None when it's gone.

    The one way for a rule that guards a parent row (a room's bookings, a session's seats) to
    serialise its writers: on PostgreSQL `SELECT … FOR UPDATE` makes a second desk wait for the
    first to commit, then read what it wrote; on SQLite `Database.write()` holds the file's write
    lock already and FOR UPDATE is left out of the SQL.
    """
    return session.get(entity, key, with_for_update=True, populate_existing=True)


class Database:
    """One engine and its transactions for the whole program (see the module's note)."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self._readers = sessionmaker(self.engine, expire_on_commit=False)
        self._writers = sessionmaker(
            self.engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )
        event.listen(self._readers, "before_flush", _refuse_flush_in_read)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction that only reads; rolled back at the end."""
        with self._readers() as session, session.begin():
            session.info[_MODE] = "read"
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that writes: serialised with every other writer on SQLite, committed on
        success, rolled back on any error."""
        with self._writers() as session, session.begin():
            session.info[_MODE] = "write"
            yield session

    def server_clock(self) -> clock.ServerClock | None:
        """On PostgreSQL, a clock that follows the server's time; None on SQLite (one machine)."""
        if self.dialect == "sqlite":
            return None

        def read_server() -> dt.datetime:
            with self.engine.connect() as connection:
                value = connection.execute(text("SELECT CURRENT_TIMESTAMP")).scalar_one()
            assert isinstance(value, dt.datetime)
            return value

        server = clock.ServerClock(read_server)
        server.measure()
        return server

    def follow_its_clock(self) -> None:
        """Make the program's clock the one every desk of this database agrees on: the server's
        on PostgreSQL (desks whose own clocks disagree still share "today"), this PC's on SQLite.
        A server that doesn't answer leaves this PC's clock in place."""
        try:
            server = self.server_clock()
        except SQLAlchemyError:
            return
        if server is not None:
            clock.use(server)

    def reachable(self) -> bool:
        """Whether a fresh connection answers `SELECT 1` now. Every pooled connection is let go
        first: after the server came back they are all dead."""
        self.engine.dispose()
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def dispose(self) -> None:
        self.engine.dispose()
