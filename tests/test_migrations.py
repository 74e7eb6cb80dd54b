"""Schema only through Alembic: empty → head, older revision with data → head, newer refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from app import migrate, paths
from app.db import BUSY_TIMEOUT_MS, Database
from app.errors import DatabaseProblem
from app.models import Base, ServiceSeries


def _db(path: Path) -> Database:
    return Database(paths.sqlite_url(path))


def test_head_constant_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(migrate.MIGRATIONS_DIR))
    assert script.get_heads() == [migrate.HEAD_REVISION]


def test_empty_database_upgrades_to_head_with_every_table(tmp_path: Path) -> None:
    db = _db(tmp_path / "new.sqlite3")
    assert migrate.upgrade(db) is None
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.HEAD_REVISION
        tables = set(inspect(connection).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with db.write() as session:
        names = session.scalars(select(ServiceSeries.name).order_by(ServiceSeries.sort_order))
        assert list(names) == ["党群友邻", "社区友邻", "康养友邻", "文化友邻", "文明友邻"]
    db.dispose()


def test_migrations_match_the_models(db: Database) -> None:
    """Autogenerate against a migrated database (SQLite or PostgreSQL) finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_name_and_search_columns_compare_bytes_on_every_engine(db: Database) -> None:
    """A prefix range means the same on PostgreSQL, whatever the server's locale, as on SQLite."""
    with db.write() as session:
        session.execute(
            text(
                "INSERT INTO person (member_code, name, address, consent, active, note,"
                " created_at, updated_at) VALUES"
                " ('YL000001', 'Zoe', '', false, true, '', '2026-01-01', '2026-01-01'),"
                " ('YL000002', 'anna', '', false, true, '', '2026-01-01', '2026-01-01'),"
                " ('YL000003', '张三', '', false, true, '', '2026-01-01', '2026-01-01')"
            )
        )
        names = session.scalars(text("SELECT name FROM person ORDER BY name")).all()
        # Byte order: capitals before small letters, Chinese after Latin.
        assert names == ["Zoe", "anna", "张三"]
        between = session.scalars(
            text("SELECT name FROM person WHERE name >= 'Z' AND name < '['")
        ).all()
        assert between == ["Zoe"]


def test_older_database_with_data_upgrades_intact_after_a_backup(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "old.sqlite3"
    db = _db(path)
    migrate.upgrade(db, "0001_initial")
    with db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO community (name, sort_order, active) VALUES ('桃园社区', 1, 1)")
        )
        connection.execute(
            text(
                "INSERT INTO person (member_code, name, community_id, address, consent, active,"
                " note, created_at, updated_at) VALUES ('YL000001', '张三', 1, '', 1, 1, '',"
                " '2026-01-01 09:00:00', '2026-01-01 09:00:00')"
            )
        )
    assert migrate.upgrade(db) == "0001_initial"
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.HEAD_REVISION
        row = connection.execute(text("SELECT name, member_code FROM person")).one()
        assert tuple(row) == ("张三", "YL000001")
        assert connection.execute(text("SELECT count(*) FROM service_series")).scalar() == 5
        # Member codes now come from a counter, which starts above the codes already given.
        assert connection.execute(text("SELECT value FROM counter")).scalar() == 1
    db.dispose()
    backups = list((data_dir / "backups").glob("old-*-before-upgrade-0001_initial.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_initial",
        )
        assert copy.execute("SELECT name FROM person").fetchone() == ("张三",)
    copy.close()


def test_up_to_date_database_is_left_alone(db: Database, data_dir: Path) -> None:
    assert migrate.upgrade(db) == migrate.HEAD_REVISION
    assert not (data_dir / "backups").exists()


def test_database_newer_than_the_program_is_refused_untouched(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    with pytest.raises(DatabaseProblem, match="ffff_future"):
        migrate.upgrade(db)
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == "ffff_future"


@pytest.mark.sqlite_only
def test_sqlite_connections_use_wal_and_foreign_keys(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
