"""Bring a database to the program's schema: fast check at start, backup, then Alembic upgrade."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from app import backup
from app.db import Database
from app.errors import DatabaseProblem
from app.i18n import translate
from app.migrations import HEAD_REVISION as HEAD_REVISION

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {revision.revision for revision in script.walk_revisions()}


def upgrade(db: Database, revision: str = "head", *, take_backup: bool = True) -> str | None:
    """Upgrade to `revision`; returns the previous revision.

    Backs the file up first when the database already holds a schema. Raises DatabaseProblem for
    a database newer than the program or one that can't be opened.
    """
    try:
        with db.engine.connect() as connection:
            before = current_revision(connection)
    except SQLAlchemyError as error:
        raise DatabaseProblem(
            translate("Errors", "The database can't be opened: %1").replace("%1", _short(error))
        ) from error
    if before == HEAD_REVISION and revision == "head":
        return before
    if before is not None and before not in known_revisions():
        raise DatabaseProblem(
            translate(
                "Errors",
                "This database was written by a newer version of Youlin Desk (schema %1). "
                "Please install the newer version.",
            ).replace("%1", before)
        )
    source = backup.sqlite_file(db.url)
    if take_backup and before is not None and source is not None and source.exists():
        backup.backup_sqlite(source, f"before-upgrade-{before}")
    elif take_backup and before is not None and db.dialect == "postgresql":
        _dump_before_upgrade(db, before)

    from alembic import command

    with db.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)  # type: ignore[arg-type]
    return before


def _dump_before_upgrade(db: Database, before: str) -> None:
    """A pg_dump of a PostgreSQL database before its upgrade, when pg_dump is on this PC; without
    it the upgrade goes on (the server may be backed up there) and the log says so."""
    from app.backup import copies, postgres

    if postgres.tool("pg_dump") is None:
        log.warning("no backup before the upgrade: %s", postgres.missing_tool_message("pg_dump"))
        return
    try:
        postgres.dump(db, f"before-upgrade-{before}")
    except copies.BackupFailed as error:
        raise backup.nothing_changed(error) from error


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:200]
