"""Settings → Database: an admin points this desk PC at a PostgreSQL server, tests the
connection (in the background, the failure said in words) and saves it for the next start; the
password never lands in settings.json; anyone else is refused by the service."""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url, text
from sqlalchemy.exc import OperationalError

from app import i18n, migrate, paths
from app import settings as settings_module
from app.db import Database
from app.errors import PermissionDenied
from app.security import Actor
from app.services import database_choice
from app.services.database_choice import Outcome, ServerChoice
from tests import pg_cluster
from ui.context import DeskContext
from ui.settings.database_page import DatabasePage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

needs_postgres = pytest.mark.skipif(
    not pg_cluster.available(), reason="PostgreSQL's programs are not installed"
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A server of the test's own with a migrated `youlin`, an empty `fresh`, an `older` and a
    `newer` database; its URL without a database name."""
    folder = Path(tempfile.mkdtemp(prefix="youlin-desks-page-"))
    cluster = pg_cluster.ThrowawayServer(folder)
    url = make_url(cluster.create())
    admin = Database(url.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT")
    with admin.engine.connect() as connection:
        for name in ("youlin", "fresh", "older", "newer"):
            connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    youlin = Database(url.set(database="youlin").render_as_string(hide_password=False))
    migrate.upgrade(youlin)
    youlin.dispose()
    older_revision = sorted(migrate.known_revisions() - {migrate.HEAD_REVISION})[0]
    for name, revision in (("older", older_revision), ("newer", "9999_from_the_future")):
        db = Database(url.set(database=name).render_as_string(hide_password=False))
        with db.engine.begin() as connection:
            connection.execute(text("CREATE TABLE alembic_version (version_num varchar(32))"))
            connection.execute(text(f"INSERT INTO alembic_version VALUES ('{revision}')"))
        db.dispose()
    yield url.set(database=None).render_as_string(hide_password=False)
    cluster.remove()
    shutil.rmtree(folder, ignore_errors=True)


def _on(server: str, database: str) -> str:
    return make_url(server).set(database=database).render_as_string(hide_password=False)


@needs_postgres
@pytest.mark.parametrize(
    ("database", "outcome"),
    [
        ("youlin", Outcome.OK),
        ("fresh", Outcome.EMPTY),
        ("older", Outcome.OLDER),
        ("newer", Outcome.NEWER),
        ("nosuch", Outcome.NO_DATABASE),
    ],
)
def test_the_connection_test_says_what_it_found(
    server: str, database: str, outcome: Outcome
) -> None:
    i18n.set_language("en")
    report = database_choice.try_connection(_on(server, database))
    assert report.outcome is outcome, report.message
    assert report.usable == (outcome in (Outcome.OK, Outcome.EMPTY, Outcome.OLDER))
    if outcome in (Outcome.EMPTY, Outcome.OLDER):
        assert "youlin-desk migrate" in report.message


def test_a_server_nobody_answers_at_and_a_wrong_password_are_said_in_words() -> None:
    i18n.set_language("en")
    nobody = database_choice.try_connection("postgresql+psycopg://youlin@127.0.0.1:9/youlin")
    assert nobody.outcome is Outcome.UNREACHABLE and "No server answers" in nobody.message
    refused = OperationalError(
        "connect", {}, Exception('password authentication failed for user "youlin"')
    )
    report = database_choice._failed(refused)
    assert report.outcome is Outcome.WRONG_PASSWORD
    assert report.message == "The server refused the user name or password."


def test_the_fields_make_an_address_and_a_wrong_field_is_named() -> None:
    url = database_choice.url_of(ServerChoice("192.168.1.20", "5433", "youlin", "desk", "p@ss/1"))
    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.username, parsed.password) == (
        "192.168.1.20",
        5433,
        "desk",
        "p@ss/1",
    )
    assert database_choice.choice_of(url) == ServerChoice(
        "192.168.1.20", "5433", "youlin", "desk", "p@ss/1"
    )
    with pytest.raises(Exception, match="port") as bad:
        database_choice.url_of(ServerChoice("server", "99999"))
    assert getattr(bad.value, "field", "") == "port"
    assert database_choice.checked_url("postgresql://u@h/d", "pw").startswith(
        "postgresql+psycopg://u:pw@h"
    )


def test_an_admin_saves_the_server_and_the_password_stays_out_of_the_settings_file(
    db: Database, admin: Actor, data_dir: Path
) -> None:
    url = database_choice.url_of(ServerChoice("db.centre.lan", "5432", "youlin", "desk", "秘 p@ss"))
    with db.read() as session:
        database_choice.save_choice(session, admin, url)
    raw = (data_dir / "settings.json").read_text(encoding="utf-8")
    assert "秘" not in raw and "p@ss" not in raw
    assert json.loads(raw)["database_url"] == "postgresql+psycopg://desk@db.centre.lan:5432/youlin"
    secret = settings_module.database_password_path()
    if os.name == "posix":
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert make_url(paths.resolve_database_url()).password == "秘 p@ss"
    assert paths.resolve_database_url("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"

    with db.read() as session:
        database_choice.save_choice(session, admin, None)  # back to the local file
    assert not secret.exists()
    assert paths.resolve_database_url() == paths.sqlite_url(paths.default_database_path())


def test_a_desk_volunteer_and_staff_are_refused_by_the_service(
    db: Database, desk: Actor, staff: Actor, data_dir: Path
) -> None:
    for actor in (desk, staff):
        with db.read() as session, pytest.raises(PermissionDenied):
            database_choice.save_choice(session, actor, "postgresql+psycopg://u@h/d")
    assert settings_module.load().database_url == ""


@needs_postgres
def test_the_page_tests_in_the_background_and_saves_for_the_next_start(
    qtbot: QtBot, db: Database, admin: Actor, server: str
) -> None:
    i18n.set_language("en")
    page = DatabasePage(DeskContext(db, admin, settings_module.load()))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.choose_server(True)
    parsed = make_url(server)
    page.set_field("host", str(parsed.host))
    page.set_field("port", "x")
    qtbot.mouseClick(page.findChild(object, "settings.database.test"), _left())
    assert "port" in page.field_message("port")
    page.set_field("port", str(parsed.port))
    page.set_field("database", "nosuch")
    page.set_field("user", str(parsed.username))
    page.on_test_clicked()
    qtbot.waitUntil(lambda: not page.testing(), timeout=15000)
    assert "no database of that name" in page.last_message()

    page.set_field("database", "youlin")
    page.on_save_clicked()
    qtbot.waitUntil(lambda: not page.testing(), timeout=15000)
    assert "Connected. The database is ready." in page.last_message()
    assert "next time the program starts" in page.last_message()
    assert settings_module.load().database_url == _on(server, "youlin")


def test_the_page_shows_a_refusal_to_a_desk_volunteer(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    i18n.set_language("en")
    page = DatabasePage(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(page)
    page.choose_server(False)
    page.on_save_clicked()
    assert page.last_message().startswith("Not saved:")


def _left() -> object:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
