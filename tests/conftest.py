"""Offscreen Qt, a private data folder and a fresh migrated SQLite file for every test."""

from __future__ import annotations

import os

# Before anything imports Qt: with neither a display nor offscreen, Qt aborts the process.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("YOULIN_DATABASE_URL", None)
os.environ.pop("YOULIN_AUTOLOGIN", None)

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import i18n, paths
from app.db import Database
from app.models import Role
from app.security import Actor
from app.services import accounts, centre

PASSWORD = "correct horse 1"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated to head per test run; each test gets its own copy."""
    from app import migrate

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(paths.sqlite_url(path))
    migrate.upgrade(db)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    i18n.set_language("zh_CN")
    yield folder
    i18n.set_language("zh_CN")


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "youlin.sqlite3"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database(paths.sqlite_url(db_path))
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database) -> Actor:
    """A centre that is set up, with its first admin acting."""
    with db.session() as session:
        return centre.set_up(
            session,
            centre.CentreProfile("东社区邻里中心", "友邻路1号", "021-12345678", "王主任", "李经办"),
            "admin",
            "管理员",
            PASSWORD,
        )


@pytest.fixture
def staff(db: Database, admin: Actor) -> Actor:
    return _account(db, admin, "staff", Role.STAFF)


@pytest.fixture
def desk(db: Database, admin: Actor) -> Actor:
    return _account(db, admin, "desk", Role.DESK)


def _account(db: Database, admin: Actor, username: str, role: Role) -> Actor:
    with db.session() as session:
        row = accounts.create_account(session, admin, username, username, role, PASSWORD)
    return Actor(row.id, row.username, row.display_name, row.role)
