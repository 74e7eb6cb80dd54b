"""Restore: a round trip equal row for row in every table, admins only (refused in the service),
refused while another program has the file open, and the command line's backup and restore."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app import demo, paths
from app.backup import copies, restore, service
from app.db import Database
from app.errors import PermissionDenied
from app.models import Account, AuditEvent
from app.security import Actor
from tests.conftest import TEST_NOW
from ui import launch


@pytest.fixture
def centre(tmp_path: Path) -> Path:
    path = tmp_path / "centre.sqlite3"
    demo.write_demo(paths.sqlite_url(path), people=120, now=TEST_NOW)
    return path


def admin_of(db: Database) -> Actor:
    with db.read() as session:
        return Actor.of(session.scalars(select(Account).where(Account.username == "admin")).one())


def every_row(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = copies.connect_existing(path, read_only=True)
    try:
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
            for name in copies.table_names(connection)
            if name != "audit_event"
        }
    finally:
        connection.close()


def test_a_restore_gives_back_every_table_row_for_row(centre: Path) -> None:
    db = Database(paths.sqlite_url(centre))
    try:
        admin = admin_of(db)
        made = service.back_up(db, admin)
        before = every_row(made.path)
        assert before == every_row(centre)
        with db.write() as session:
            session.execute(text("DELETE FROM visit WHERE id % 3 = 0"))
            session.execute(text("UPDATE person SET name = '改过' WHERE id < 20"))
        assert every_row(centre) != before
        done = service.restore_backup(db, admin, made.path)
        assert every_row(centre) == before
        assert done.counts["visit"] == made.counts["visit"]
        # The database as it was just before is a backup of its own, and the restore is logged.
        assert done.before.kind == "before-restore" and done.before.path.exists()
        with db.read() as session:
            event = session.scalars(select(AuditEvent).where(AuditEvent.action == "restore")).one()
            assert made.path.name in event.detail and "admin" in event.detail
    finally:
        db.dispose()


def test_desk_and_staff_accounts_are_refused_by_the_service(
    db: Database, admin: Actor, desk: Actor, staff: Actor
) -> None:
    for who in (desk, staff):
        with pytest.raises(PermissionDenied):
            service.back_up(db, who)
        with pytest.raises(PermissionDenied):
            service.list_backups(db, who)
        with pytest.raises(PermissionDenied):
            service.restore_backup(db, who, Path("any.sqlite3"))
    assert service.list_backups(db, admin) == []


def test_an_admin_demoted_meanwhile_is_refused(db: Database, admin: Actor, desk: Actor) -> None:
    was_admin = Actor(desk.account_id, desk.username, desk.display_name, admin.role)
    with pytest.raises(PermissionDenied):
        service.back_up(db, was_admin)


def test_restore_is_refused_while_another_program_has_the_file_open(centre: Path) -> None:
    made = copies.make_copy(centre, "manual")
    other = sqlite3.connect(centre)
    other.execute("SELECT count(*) FROM person").fetchone()  # open, idle, like another desk
    try:
        with pytest.raises(restore.DatabaseInUse, match=str(centre)):
            restore.restore_sqlite(made.path, centre)
    finally:
        other.close()
    assert restore.restore_sqlite(made.path, centre) == made.counts


def test_a_restore_refused_in_use_leaves_no_backup_behind(centre: Path) -> None:
    db = Database(paths.sqlite_url(centre))
    try:
        admin = admin_of(db)
        made = service.back_up(db, admin)
        other = sqlite3.connect(centre)
        other.execute("SELECT count(*) FROM person").fetchone()
        try:
            with pytest.raises(restore.DatabaseInUse):
                service.restore_backup(db, admin, made.path)
        finally:
            other.close()
        assert [m.path for m in service.list_backups(db, admin)] == [made.path]
    finally:
        db.dispose()


def test_the_confirmation_names_the_date_and_counts(centre: Path) -> None:
    made = copies.make_copy(centre, "manual")
    words = service.confirmation(made)
    assert service.when_text(made.made_at) in words
    assert f"{made.counts['person']:,}" in words and f"{made.counts['visit']:,}" in words


def test_backup_on_the_command_line_prints_where_and_the_counts(
    centre: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert launch.main(["backup", "--database", str(centre)]) == 0
    out = capsys.readouterr().out
    (made,) = copies.list_backups(paths.backups_dir())
    assert str(made.path) in out and f"{made.counts['visit']:,}" in out
    target = tmp_path / "usb" / "copy.sqlite3"
    target.parent.mkdir()
    assert launch.main(["backup", "--database", str(centre), "-o", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    assert copies.Manifest.read(target) is not None


def test_restore_on_the_command_line_asks_and_needs_an_admin(
    centre: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made = copies.make_copy(centre, "manual")
    before = every_row(made.path)
    with sqlite3.connect(centre) as connection:
        connection.execute("DELETE FROM visit")
    connection.close()
    monkeypatch.setenv("YOULIN_PASSWORD", "demo1234")
    args = ["restore", str(made.path), "--database", str(centre)]
    assert launch.main([*args, "--as", "desk", "--yes"]) == 2
    assert "无权" in capsys.readouterr().err
    monkeypatch.setattr("builtins.input", lambda _prompt: "no")
    assert launch.main([*args, "--as", "admin"]) == 1
    out = capsys.readouterr().out
    assert service.when_text(made.made_at) in out and f"{made.counts['visit']:,}" in out
    assert every_row(centre)["visit"] == []
    monkeypatch.setattr("builtins.input", lambda _prompt: "yes")
    assert launch.main([*args, "--as", "admin"]) == 0
    assert every_row(centre) == before


def test_a_damaged_database_on_the_command_line_names_its_newest_backup_and_the_command(
    centre: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = copies.make_copy(centre, "daily")
    centre.write_bytes(b"this is not a database at all" * 200)
    for extra in ("-wal", "-shm"):
        centre.with_name(centre.name + extra).unlink(missing_ok=True)
    assert launch.main(["backup", "--database", str(centre)]) == 2
    err = capsys.readouterr().err
    assert str(centre) in err and "youlin-desk restore" in err and str(made.path) in err
    assert restore.find_damage(centre) is not None
    # The damaged file can be restored without an account (there is none to read from it).
    assert (
        launch.main(["restore", str(made.path), "--database", str(centre), "--as", "x", "--yes"])
        == 0
    )
    assert restore.find_damage(centre) is None
    assert list(centre.parent.glob("centre.sqlite3.damaged-*"))
    assert every_row(centre) == every_row(made.path)


@pytest.mark.skipif(
    not os.environ.get("YOULIN_TEST_POSTGRES") or not __import__("shutil").which("pg_dump"),
    reason="needs the PostgreSQL test server and pg_dump",
)
def test_postgres_backup_and_restore_round_trip(db: Database, admin: Actor, tmp_path: Path) -> None:
    made = service.back_up(db, admin, folder=tmp_path / "b")
    assert made.engine == "postgresql" and made.path.suffix == ".dump"
    with db.write() as session:
        session.execute(text("DELETE FROM audit_event"))
    done = service.restore_backup(db, admin, made.path, tmp_path / "b")
    assert done.counts["account"] == made.counts["account"]
    assert sorted(m.kind for m in service.list_backups(db, admin, tmp_path / "b")) == [
        "before-restore",
        "manual",
    ]


@pytest.mark.skipif(
    not os.environ.get("YOULIN_TEST_POSTGRES") or not __import__("shutil").which("pg_dump"),
    reason="needs the PostgreSQL test server and pg_dump",
)
def test_a_postgres_upgrade_is_preceded_by_a_dump(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import migrate

    at = migrate.HEAD_REVISION
    monkeypatch.setattr(migrate, "HEAD_REVISION", "a-newer-one")  # the database looks older
    assert migrate.upgrade(db) == at
    (dump,) = copies.list_backups(paths.backups_dir())
    assert dump.kind == f"before-upgrade-{at}" and dump.engine == "postgresql"


def test_postgres_without_pg_dump_says_so(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    if db.dialect != "postgresql":
        pytest.skip("a PostgreSQL database")
    monkeypatch.setattr("app.backup.postgres.tool", lambda _name: None)
    with pytest.raises(copies.BackupFailed, match="pg_dump"):
        service.back_up(db, admin)


def test_the_day_s_backup_is_made_once_a_day(centre: Path) -> None:
    db = Database(paths.sqlite_url(centre))
    try:
        first = service.daily_backup(db)
        assert first is not None and first.kind == "daily"
        assert service.daily_backup(db) is None
        job = service.DailyBackup(db)
        job.start()
        job.join()
        assert job.ok and service.last_daily_outcome() == (True, job.outcome)
    finally:
        db.dispose()


def test_a_postgres_restore_is_refused_while_another_desk_is_connected(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    if db.dialect != "postgresql" or not __import__("shutil").which("pg_dump"):
        pytest.skip("needs the PostgreSQL test server and pg_dump")
    made = service.back_up(db, admin, folder=tmp_path / "b")
    other_desk = Database(db.url)  # another desk PC: another program on the same server
    try:
        with other_desk.engine.connect() as connection:
            connection.execute(text("SET application_name = 'youlin-desk 1'"))
            with pytest.raises(restore.DatabaseInUse, match="1"):
                service.restore_backup(db, admin, made.path, tmp_path / "b")
        # Nothing was backed up first and nothing restored: only the manual backup is there.
        assert [m.kind for m in service.list_backups(db, admin, tmp_path / "b")] == ["manual"]
    finally:
        other_desk.dispose()
    done = service.restore_backup(db, admin, made.path, tmp_path / "b")
    assert done.counts == made.counts
