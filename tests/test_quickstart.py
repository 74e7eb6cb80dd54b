"""The quick look at start-up: the same login rule as accounts.login, read with the standard
library only, and None for every database the full path must open itself."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app import paths, quickstart
from app.db import Database
from app.errors import ValidationError
from app.migrations import HEAD_REVISION
from app.models import Account, AuditEvent
from app.security import Actor
from app.services import accounts
from tests.conftest import PASSWORD


def _audit_rows(db: Database) -> int:
    with db.write() as session:
        return len(list(session.scalars(select(AuditEvent.id))))


def _service_login(db: Database, username: str, password: str) -> Actor | ValidationError:
    try:
        with db.write() as session:
            return accounts.login(session, username, password)
    except ValidationError as refusal:
        return refusal


@pytest.fixture
def disabled(db: Database, admin: Actor, desk: Actor) -> Actor:
    with db.write() as session:
        accounts.set_active(session, admin, desk.account_id, False)
    return desk


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("admin", PASSWORD),
        (" Admin ", PASSWORD),  # typed names are matched as accounts.login matches them
        ("desk", PASSWORD),  # disabled
        ("admin", "wrong password"),
        ("nobody", PASSWORD),
        ("desk", "wrong password"),
    ],
)
def test_the_quick_look_logs_in_as_accounts_login_does(
    db: Database, db_path: Path, admin: Actor, disabled: Actor, username: str, password: str
) -> None:
    before = _audit_rows(db)
    quick = quickstart.look(paths.sqlite_url(db_path), (username, password))
    assert _audit_rows(db) == before  # it only reads; the login is recorded later
    assert quick is not None and quick.centre_name == "东社区邻里中心"
    expected = _service_login(db, username, password)
    if isinstance(expected, Actor):
        assert quick.login == expected
    else:
        assert isinstance(quick.login, ValidationError)
        assert (quick.login.field, quick.login.message) == (expected.field, expected.message)


def test_record_login_writes_what_accounts_login_writes(db: Database, admin: Actor) -> None:
    with db.write() as session:
        accounts.record_login(session, admin)
    with db.write() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        account = session.get(Account, admin.account_id)
        assert event is not None and account is not None
        assert (event.action, event.entity, event.entity_id, event.account_id) == (
            "login",
            "account",
            admin.account_id,
            admin.account_id,
        )
        assert account.last_login_at is not None


def test_without_autologin_only_the_centre_is_read(db_path: Path, admin: Actor) -> None:
    quick = quickstart.look(paths.sqlite_url(db_path))
    assert quick == quickstart.QuickStart("东社区邻里中心", None)


def _set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


@pytest.mark.parametrize("revision", ["0002_seed_menu", "ffff_future"])
def test_another_schema_takes_the_full_path(
    db: Database, db_path: Path, admin: Actor, revision: str
) -> None:
    db.dispose()
    _set_revision(db_path, revision)
    assert quickstart.look(paths.sqlite_url(db_path), ("admin", PASSWORD)) is None


def test_a_centre_to_set_up_takes_the_full_path(db_path: Path) -> None:
    assert quickstart.look(paths.sqlite_url(db_path)) is None


def test_what_is_not_a_set_up_sqlite_file_takes_the_full_path(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes(b"not a database" * 200)
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    for url in (
        paths.sqlite_url(tmp_path / "missing.sqlite3"),
        paths.sqlite_url(notes),
        paths.sqlite_url(empty),
        "postgresql+psycopg://desk@server/youlin",
        "sqlite:///:memory:",
    ):
        assert quickstart.look(url) is None, url
    assert notes.read_bytes() == b"not a database" * 200
    assert not (tmp_path / "missing.sqlite3").exists()


def test_the_head_revision_is_the_migrations_head() -> None:
    from app import migrate

    assert migrate.HEAD_REVISION == HEAD_REVISION


PROBE = """
import sys
import app.quickstart, app.passwords, app.roles, app.choices, app.security
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("sqlalchemy", "PySide6"))
print(loaded)
sys.exit(1 if loaded else 0)
"""


def test_the_quick_look_imports_neither_sqlalchemy_nor_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
