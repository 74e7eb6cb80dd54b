"""A desk that loses the database server: nothing typed is lost, it says so, it reconnects by
itself and says when the server is back. On a PostgreSQL server of the test's own, stopped and
started again mid-test. Also: a race lost to another desk is run again, unseen."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from app import i18n, migrate
from app import settings as settings_module
from app.db import Database, is_connection_lost, is_transient
from app.models import Visit
from app.security import Actor
from app.services import calls, people
from app.services.people import PersonInput
from tests import pg_cluster
from tests.soak.soak import set_up_centre
from ui.connection import ConnectionBanner, ServerUnreachable
from ui.context import DeskContext
from ui.reception.desk import ReceptionDesk

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

needs_postgres = pytest.mark.skipif(
    not pg_cluster.available(), reason="PostgreSQL's programs are not installed"
)


@pytest.fixture(scope="module")
def server() -> Iterator[pg_cluster.ThrowawayServer]:
    folder = Path(tempfile.mkdtemp(prefix="youlin-desks-pg-"))
    cluster = pg_cluster.ThrowawayServer(folder)
    cluster.create()
    db = Database(cluster.url)
    migrate.upgrade(db)
    db.dispose()
    yield cluster
    cluster.remove()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg(server: pg_cluster.ThrowawayServer) -> Iterator[tuple[Database, Actor]]:
    """The server's database with a centre set up (made afresh for each test)."""
    db = Database(server.url)
    with db.write() as session:
        tables = (
            session.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    " AND tablename <> 'alembic_version'"
                )
            )
            .scalars()
            .all()
        )
        session.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    yield db, set_up_centre(db)
    db.dispose()


def _register(session: Session, actor: Actor) -> Any:
    return people.register(session, actor, PersonInput("张三"))


def _names(session: Session, _actor: Actor) -> list[str]:
    return list(session.scalars(text("SELECT name FROM person ORDER BY id")))


@needs_postgres
def test_a_lost_server_is_said_and_the_same_engine_works_once_it_is_back(
    server: pg_cluster.ThrowawayServer, pg: tuple[Database, Actor]
) -> None:
    db, admin = pg
    calls.write(db, admin, _register)
    server.stop()
    try:
        with pytest.raises(calls.ConnectionLost) as lost:
            calls.read(db, admin, _names)
        assert is_connection_lost(lost.value.error)
        with pytest.raises(calls.ConnectionLost) as lost_write:
            calls.write(db, admin, _register)
        assert not lost_write.value.maybe_committed  # it failed before asking to commit
        assert not db.reachable()
    finally:
        server.start()
    assert db.reachable()
    assert calls.read(db, admin, _names) == ["张三"]  # the pooled connections were replaced


class _Lost(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"SQLSTATE {sqlstate}")
        self.sqlstate = sqlstate


def test_a_write_that_lost_a_race_is_run_again_in_a_new_transaction(
    db: Database, admin: Actor, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="app.services.calls")
    attempts: list[int] = []

    def flaky(session: Session, actor: Actor) -> Any:
        attempts.append(1)
        row = people.register(session, actor, PersonInput(f"李{'四五六'[len(attempts) - 1]}"))
        if len(attempts) < 3:
            code = "40001" if len(attempts) == 1 else "40P01"
            raise OperationalError("UPDATE counter …", {}, _Lost(code))
        return row

    row = calls.write(db, admin, flaky)
    assert len(attempts) == 3
    assert [r.args[0] for r in caplog.records if r.args] == ["serialization failure", "deadlock"]
    with db.read() as session:
        # The two attempts that lost were rolled back whole: one person, one member code.
        assert list(session.scalars(text("SELECT name FROM person"))) == [row.name] == ["李六"]
        assert list(session.scalars(text("SELECT member_code FROM person"))) == ["YL000001"]


def test_a_locked_sqlite_file_is_retried_and_a_real_error_is_not() -> None:
    locked = OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))
    assert is_transient(locked) and not is_connection_lost(locked)
    broken = OperationalError("SELECT", {}, Exception("no such table: person"))
    assert not is_transient(broken) and not is_connection_lost(broken)
    gone = OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly"))
    assert is_connection_lost(gone) and not is_transient(gone)


def test_retries_give_up_after_a_few_tries_and_say_so(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(calls, "RETRY_PAUSE_S", 0.001)
    attempts: list[int] = []

    def always(session: Session, actor: Actor) -> Any:
        attempts.append(1)
        raise OperationalError("UPDATE", {}, _Lost("40001"))

    with pytest.raises(OperationalError):
        calls.write(db, admin, always)
    assert len(attempts) == calls.ATTEMPTS


@needs_postgres
def test_reception_keeps_the_search_says_the_server_is_gone_and_checks_in_once_it_is_back(
    qtbot: QtBot, server: pg_cluster.ThrowawayServer, pg: tuple[Database, Actor]
) -> None:
    i18n.set_language("en")
    db, admin = pg
    with db.write() as session:
        zhang = people.register(
            session, admin, PersonInput("张三", phone="13812345678", phone_for_contact=True)
        )
    context = DeskContext(db, admin, settings_module.load())
    context.connection.first_pause_s = 0.2
    banner = ConnectionBanner(context.connection)
    qtbot.addWidget(banner)
    widget = ReceptionDesk(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    box = widget.search_box
    qtbot.keyClicks(box, "5678")
    qtbot.waitUntil(lambda: widget.results_model.rowCount() == 1)

    server.stop()
    try:
        with qtbot.waitSignal(context.connection.lost, timeout=15000):
            assert widget.check_in_highlighted() is None
        assert "connection to the database server was lost" in widget.status.message()
        assert widget.status.is_error()
        assert box.text() == "5678" and widget.results_model.rowCount() == 1  # nothing lost
        assert "reconnecting" in banner.text_shown()
        widget.grab().save(str(Path(tempfile.gettempdir()) / "desks-reception-lost.png"))
    finally:
        with qtbot.waitSignal(context.connection.restored, timeout=30000):
            server.start()
    assert "is back" in banner.text_shown()
    assert widget.check_in_highlighted() is not None
    with db.read() as session:
        assert [v.person_id for v in session.scalars(select(Visit))] == [zhang.id]
    context.connection.stop()


@needs_postgres
def test_the_context_turns_a_lost_server_into_a_message_and_reconnects(
    qtbot: QtBot, server: pg_cluster.ThrowawayServer, pg: tuple[Database, Actor]
) -> None:
    db, admin = pg
    context = DeskContext(db, admin, settings_module.load())
    context.connection.first_pause_s = 0.2
    server.stop()
    try:
        with (
            qtbot.waitSignal(context.connection.lost, timeout=15000),
            pytest.raises(ServerUnreachable) as unreachable,
        ):
            context.run(_register, write=True)
        assert "Nothing was saved" in unreachable.value.message
        assert context.connection.is_reconnecting()
    finally:
        with qtbot.waitSignal(context.connection.restored, timeout=30000):
            server.start()
    assert context.connection.pauses[0] == 0.2
    row = context.run(_register, write=True)
    assert row.name == "张三"
    context.connection.stop()


def test_a_background_job_that_loses_the_server_says_so_in_words() -> None:
    from ui.jobs import _database_problem

    i18n.set_language("en")
    gone = OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly"))
    problem = _database_problem(calls.ConnectionLost(gone))
    assert isinstance(problem, ServerUnreachable)
    assert "connection to the database server was lost" in problem.message
    assert isinstance(calls.ConnectionLost(gone), SQLAlchemyError)  # every old handler catches it


def test_a_locked_sqlite_file_is_waited_for_once_more_only(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(calls, "RETRY_PAUSE_S", 0.001)
    attempts: list[int] = []

    def locked(session: Session, actor: Actor) -> Any:
        attempts.append(1)
        raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))

    with pytest.raises(OperationalError):
        calls.write(db, admin, locked)
    assert len(attempts) == calls.LOCKED_ATTEMPTS == 2
