"""A database that is locked by another process, read-only, or on a full disk refuses a write
with a message a volunteer understands, and loses nothing already saved.

- locked: a second process holds SQLite's write lock (BEGIN IMMEDIATE) beyond the busy timeout
  (shortened here to 0.3 s);
- read-only: the file opened through a read-only connection (`?mode=ro` URI), which refuses
  writes the way a read-only file or folder does for an ordinary user — CI runs as root, where
  chmod would not stop a write;
- full disk: `PRAGMA max_page_count` set to the file's current size on every connection, so
  SQLite answers SQLITE_FULL ("database or disk is full") as it does when the disk is full.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from app import db as db_module
from app import i18n
from app.db import Database
from app.errors import DatabaseProblem
from app.models import AuditEvent, Person, Purpose, Visit
from app.security import Actor
from app.services import calls, people, reception

pytestmark = pytest.mark.sqlite_only

HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


SAFE = "What was saved before is safe."


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    # The Chinese of these messages comes with the next catalogue update; the words are the same.
    i18n.set_language("en")


def hold_lock(path: Path) -> subprocess.Popen[str]:
    """Another program holding the database's write lock until `let_go`."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


def let_go(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.close()
    holder.wait(timeout=30)
    holder.stdout.close()


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Person)) or 0,
            session.scalar(select(func.count()).select_from(Visit)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


@pytest.fixture
def person_id(db: Database, admin: Actor) -> int:
    with db.write() as session:
        person = people.register(session, admin, people.PersonInput(name="张三"))
        reception.check_in(session, admin, person.id, Purpose.OTHER)
    return person.id


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)


def check_in(person_id: int) -> Any:
    return lambda session, actor: reception.check_in(
        session, actor, person_id, Purpose.OTHER, "again", confirm_duplicate=True
    )


def test_a_database_locked_by_another_process_says_so_and_loses_nothing(
    db: Database, db_path: Path, desk: Actor, person_id: int, short_wait: None
) -> None:
    before = counts(db)
    waiting = Database(db.url)
    try:
        holder = hold_lock(db_path)
        try:
            with pytest.raises(DatabaseProblem) as refused:
                calls.write(waiting, desk, check_in(person_id))
            assert (
                "Another desk or program" in refused.value.message and SAFE in refused.value.message
            )
            # Reading still works while another desk writes (WAL).
            assert calls.read(waiting, desk, lambda session, _actor: counts(db)) == before
        finally:
            let_go(holder)
        assert counts(db) == before
        # Once the other program lets go, the same check-in goes through.
        calls.write(waiting, desk, check_in(person_id))
        assert counts(db)[1] == before[1] + 1
    finally:
        waiting.dispose()


def test_a_read_only_database_says_so_and_loses_nothing(
    db: Database, db_path: Path, desk: Actor, person_id: int
) -> None:
    before = counts(db)
    read_only = Database(f"sqlite:///file:{db_path.as_posix()}?mode=ro&uri=true")
    try:
        assert calls.read(read_only, desk, lambda session, _actor: session.get(Person, person_id))
        with pytest.raises(DatabaseProblem) as refused:
            calls.write(read_only, desk, check_in(person_id))
        assert "read-only" in refused.value.message and SAFE in refused.value.message
        with pytest.raises(DatabaseProblem):
            calls.write(
                read_only,
                desk,
                lambda session, actor: people.register(
                    session, actor, people.PersonInput(name="李四")
                ),
            )
    finally:
        read_only.dispose()
    assert counts(db) == before


def register(data: people.PersonInput) -> Any:
    return lambda session, actor: people.register(session, actor, data)


def full_disk(database: Database) -> None:
    """Every new connection of `database` may not grow the file by a single page."""
    with database.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
    database.engine.dispose()

    def no_room(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(database.engine, "connect", no_room)


def test_a_full_disk_says_so_and_loses_nothing(db: Database, desk: Actor, person_id: int) -> None:
    before = counts(db)
    full = Database(db.url)
    full_disk(full)
    try:
        with pytest.raises(DatabaseProblem) as refused:
            for number in range(200):  # until a page is needed
                data = people.PersonInput(
                    name="王五", address="友邻路" * 60 + str(number), consent=True
                )
                calls.write(full, desk, register(data))
        assert (
            "disk holding the database is full" in refused.value.message
            and SAFE in refused.value.message
        )
        written = counts(full)
    finally:
        full.dispose()
    # Whatever was written before the disk filled up is there, whole, and nothing after it.
    after = counts(db)
    assert after[0] - before[0] == number
    assert after[2] - before[2] == number  # one audit event per person, none half-written
    assert written == after
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
def test_reception_says_the_database_is_locked_and_keeps_the_search(
    qtbot: Any, db: Database, db_path: Path, desk: Actor, person_id: int, short_wait: None
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from app import settings as settings_module
    from ui.context import DeskContext
    from ui.reception.desk import ReceptionDesk

    before = counts(db)
    widget = ReceptionDesk(DeskContext(Database(db.url), desk, settings_module.load()))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    box = widget.findChild(QLineEdit, "reception.search")
    assert box is not None
    box.setFocus()
    qtbot.keyClicks(box, "zs")
    qtbot.waitUntil(lambda: widget.highlighted() is not None)
    holder = hold_lock(db_path)
    try:
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert widget.status.is_error()
        assert "Another desk or program is using the database" in widget.status.message()
        assert box.text() == "zs"
        widget.grab().save(str(db_path.parent / "reception_locked.png"))
    finally:
        let_go(holder)
    assert counts(db) == before
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the other program let go: now it goes through
    qtbot.waitUntil(lambda: counts(db)[1] == before[1] + 1)
    widget._context.db.dispose()
