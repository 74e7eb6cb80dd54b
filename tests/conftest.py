"""Offscreen Qt, a private data folder and a fresh migrated database for every test.

The database is a SQLite file by default. With `YOULIN_TEST_POSTGRES` set to a server's URL
(`postgresql+psycopg://youlin@127.0.0.1:54329/postgres`, as `.ci/run` starts one), every test
that uses the `db` fixture gets a fresh PostgreSQL database instead, and only those tests run:
the database part of the suite, on the shared server's engine. A test that is about the SQLite
file itself (its path, its backup) asks for `db_path` and runs on SQLite only.
"""

from __future__ import annotations

import os

# Before anything imports Qt: with neither a display nor offscreen, Qt aborts the process.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("YOULIN_DATABASE_URL", None)
os.environ.pop("YOULIN_AUTOLOGIN", None)

import datetime as dt
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import make_url, text

from app import clock, i18n, passwords, paths
from app.db import Database
from app.models import Role
from app.security import Actor
from app.services import accounts, centre

POSTGRES_ENV = "YOULIN_TEST_POSTGRES"
POSTGRES_URL = os.environ.get(POSTGRES_ENV, "")
PASSWORD = "correct horse 1"


# A Wednesday morning: the `clock` fixture's "now".
TEST_NOW = dt.datetime(2026, 11, 25, 9, 30)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL, keep the tests that use a database the server can hold."""
    if not POSTGRES_URL:
        return
    kept, left = [], []
    for item in items:
        names = getattr(item, "fixturenames", ())
        on_server = "db" in names and "db_path" not in names
        (kept if on_server and not item.get_closest_marker("sqlite_only") else left).append(item)
    config.hook.pytest_deselected(items=left)
    items[:] = kept


def on_postgres() -> bool:
    return bool(POSTGRES_URL)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite database migrated to head per test run; each test gets its own copy."""
    from app import migrate

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(paths.sqlite_url(path))
    migrate.upgrade(db)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


_POSTGRES_TEMPLATE = f"youlin_template_{os.getpid()}"
_postgres_numbers = itertools.count(1)


def _postgres_admin() -> Database:
    return Database(POSTGRES_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """One PostgreSQL database migrated to head per test run, the template of each test's own."""
    from app import migrate

    admin = _postgres_admin()
    with admin.engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{_POSTGRES_TEMPLATE}" WITH (FORCE)'))
        # A linguistic default collation, as a centre's server may well have: the search's
        # byte-order columns must not depend on the server's locale.
        connection.execute(
            text(
                f"CREATE DATABASE \"{_POSTGRES_TEMPLATE}\" TEMPLATE template0 ENCODING 'UTF8' "
                "LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN' LOCALE 'C.UTF-8'"
            )
        )
    url = make_url(POSTGRES_URL).set(database=_POSTGRES_TEMPLATE)
    template = Database(url.render_as_string(hide_password=False))
    migrate.upgrade(template)
    template.dispose()
    yield _POSTGRES_TEMPLATE
    with admin.engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{_POSTGRES_TEMPLATE}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh database migrated to head: a SQLite file, or a PostgreSQL database."""
    if not POSTGRES_URL:
        path = tmp_path / "youlin.sqlite3"
        shutil.copyfile(request.getfixturevalue("migrated_template"), path)
        yield paths.sqlite_url(path)
        return
    template = request.getfixturevalue("postgres_template")
    name = f"youlin_test_{os.getpid()}_{next(_postgres_numbers)}"
    admin = _postgres_admin()
    with admin.engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(autouse=True)
def system_clock() -> Iterator[None]:
    """Every test starts and ends on the machine's clock (a test that sets one can't leak it)."""
    clock.use(clock.SystemClock())
    yield
    clock.use(clock.SystemClock())


@pytest.fixture
def clock_at() -> clock.FixedClock:
    """The program's clock standing at TEST_NOW; `set` and `advance` move it."""
    fixed = clock.FixedClock(TEST_NOW)
    clock.use(fixed)
    return fixed


@pytest.fixture(autouse=True)
def cheap_passwords(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash test passwords with a small scrypt cost: the stored hash names its own cost, so
    checking them works the same, and the suite doesn't spend its time in the KDF. A test
    marked `real_password_cost` sees the program's own cost."""
    if request.node.get_closest_marker("real_password_cost") is None:
        monkeypatch.setattr(passwords, "_SCRYPT_N", 2**4)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    i18n.set_language("zh_CN")
    yield folder
    i18n.set_language("zh_CN")


@pytest.fixture
def db_path(db_url: str) -> Path:
    """The fresh database's SQLite file (tests about the file itself; SQLite only)."""
    path = make_url(db_url).database
    assert db_url.startswith("sqlite") and path, "db_path is a SQLite file"
    return Path(path)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database) -> Actor:
    """A centre that is set up, with its first admin acting."""
    with db.write() as session:
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
    with db.write() as session:
        row = accounts.create_account(session, admin, username, username, role, PASSWORD)
    return Actor(row.id, row.username, row.display_name, row.role)


@pytest.fixture(autouse=True)
def event_loop_still_runs() -> Iterator[None]:
    """After a test that had a QApplication, Qt's event loop must still run: a zero timer fires
    within a QEventLoop. QCoreApplication.exit() called while no loop runs sets Qt's quit flag,
    and from then on every QEventLoop.exec() returns at once, so later tests' waits pass without
    their timers ever firing. The flag is cleared again (by a short QApplication.exec()) so that
    only the test that set it fails."""
    yield
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    app = QCoreApplication.instance()
    if app is None:
        return
    fired: list[bool] = []
    loop = QEventLoop()
    QTimer.singleShot(0, loop, lambda: (fired.append(True), loop.quit()))
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(5000)
    loop.exec()
    guard.stop()
    if fired:
        return
    QTimer.singleShot(0, app, lambda: app.exit(0))
    app.exec()  # starts by clearing the quit flag, and leaves it cleared
    pytest.fail(
        "Qt's event loop no longer runs: QCoreApplication.exit() or quit() was called while "
        "no event loop was running"
    )


@pytest.fixture
def text_size(qapp: Any) -> Iterator[None]:
    """Restore the application's font and text size after a test changes the text size."""
    from PySide6.QtGui import QFont

    from ui import style

    font = QFont(qapp.font())
    yield
    qapp.setFont(font)
    style.apply_text_size(qapp, "normal")


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    """The interface as a centre sees it: Chinese catalogues and the bundled font."""
    from ui.fonts import install_application_font
    from ui.i18n import install_translators

    font = qapp.font()
    i18n.set_language("zh_CN")
    translators = install_translators(qapp, "zh_CN")
    install_application_font(qapp, font.pointSizeF())
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    qapp.setFont(font)
