"""Backups of a shared PostgreSQL database through `pg_dump` (custom format) and `pg_restore`.

The rows are counted in a REPEATABLE READ transaction whose snapshot `pg_dump --snapshot` then
dumps, so the manifest's counts describe exactly what the dump holds. The password of the
database URL goes to the tools in PGPASSWORD, never on their command line (other users of the
PC could read it there). Without the tools on PATH a backup says so instead of pretending.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import make_url, text

from app import clock
from app.backup import copies
from app.backup.copies import BackupFailed, Manifest
from app.backup.restore import DatabaseInUse
from app.db import Database, application_name, without_password
from app.i18n import translate

DUMP_SUFFIX = ".dump"
TOOL_TIMEOUT_S = 3600


def tool(name: str) -> str | None:
    return shutil.which(name)


def missing_tool_message(name: str) -> str:
    return translate(
        "Backup",
        "%1 is not installed on this computer, and a PostgreSQL database is backed up with it. "
        "Install PostgreSQL's command-line tools (Debian: postgresql-client; Windows: the "
        "PostgreSQL installer's “Command Line Tools”), or back the database up on the server.",
    ).replace("%1", name)


def connection_args(url: str) -> tuple[list[str], dict[str, str]]:
    """libpq options for the tools, and the environment carrying the password."""
    parsed = make_url(url)
    args: list[str] = []
    if parsed.host:
        args += ["--host", parsed.host]
    if parsed.port:
        args += ["--port", str(parsed.port)]
    if parsed.username:
        args += ["--username", parsed.username]
    args += ["--dbname", parsed.database or "postgres"]
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return args, env


def _run(command: list[str], env: dict[str, str], folder: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BackupFailed(str(error), folder, str(error)) from error


def dump(
    db: Database, kind: str, folder: Path | None = None, output: Path | None = None
) -> Manifest:
    """A verified `pg_dump` of `db` in `folder` (or at `output`); rotated like SQLite copies."""
    target_dir = output.parent if output is not None else (folder or copies.default_folder())
    pg_dump = tool("pg_dump")
    if pg_dump is None:
        raise BackupFailed(missing_tool_message("pg_dump"), target_dir, "pg_dump")
    made_at = clock.now()
    stem = make_url(db.url).database or "postgres"
    try:
        if output is None:
            target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise copies.failed(target_dir, error) from error
    target = output or copies.free_name(target_dir, stem, made_at, kind, DUMP_SUFFIX)
    partial = target.with_name(target.name + ".partial")
    args, env = connection_args(db.url)
    connection = db.engine.connect().execution_options(isolation_level="REPEATABLE READ")
    try:
        with connection.begin():
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            counts = _counts(connection)
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            done = _run(
                [
                    pg_dump,
                    *args,
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    "--file",
                    str(partial),
                ],
                env,
                target_dir,
            )
    finally:
        connection.close()
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        reason = (done.stderr.strip().splitlines() or ["pg_dump"])[-1]
        raise BackupFailed(
            translate("Backup", "pg_dump could not back the database up: %1").replace("%1", reason),
            target_dir,
            reason,
        )
    try:
        verify_dump(partial, counts)
        partial.replace(target)
        manifest = Manifest(
            path=target,
            made_at=made_at,
            kind=kind,
            engine="postgresql",
            revision=str(revision) if revision else None,
            counts=counts,
            size=target.stat().st_size,
            source=stem,
        )
        copies.write_manifest(manifest)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise copies.failed(target_dir, error) from error
    if output is None:
        copies.rotate(target_dir, stem)
    return manifest


def _counts(connection: object) -> dict[str, int]:
    from sqlalchemy import Connection

    assert isinstance(connection, Connection)
    names = connection.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
    ).scalars()
    return {
        str(name): int(connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one())
        for name in list(names)
    }


def verify_dump(path: Path, counts: dict[str, int]) -> None:
    """`pg_restore --list` reads the whole archive's table of contents; every table that has
    rows must have its data in it."""
    pg_restore = tool("pg_restore")
    if pg_restore is None:
        raise BackupFailed(missing_tool_message("pg_restore"), path.parent, "pg_restore")
    done = _run([pg_restore, "--list", str(path)], dict(os.environ), path.parent)
    if done.returncode != 0:
        raise BackupFailed(
            translate("Backup", "The backup %1 is damaged: %2")
            .replace("%1", str(path))
            .replace("%2", done.stderr.strip()[:200]),
            path.parent,
            translate("Backup", "the copy is damaged"),
        )
    listed = {
        line.split()[-2]
        for line in done.stdout.splitlines()
        if " TABLE DATA " in line and not line.startswith(";")
    }
    missing = sorted(name for name, n in counts.items() if n and name not in listed)
    if missing:
        raise BackupFailed(
            translate("Backup", "The backup %1 does not hold the same rows (%2).")
            .replace("%1", str(path))
            .replace("%2", ", ".join(missing[:5])),
            path.parent,
            translate("Backup", "the copy's rows differ"),
        )


def other_connections(db: Database) -> int:
    """How many programs other than this one are connected to the database now: other desks,
    or a tool such as psql."""
    with db.engine.connect() as connection:
        found = connection.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid() "
                "AND application_name <> :me"
            ),
            {"me": application_name()},
        )
    return int(found or 0)


def refuse_while_others_connected(db: Database) -> None:
    """A restore replaces every table under the desks using them: refused while any is connected."""
    others = other_connections(db)
    if others:
        raise DatabaseInUse(
            translate(
                "Backup",
                "%1 other programs are connected to the database %2 (Youlin Desk on other desk "
                "PCs, or another tool). Close them first, then restore again.",
            )
            .replace("%1", str(others))
            .replace("%2", without_password(db.url))
        )


def restore(db: Database, backup_file: Path) -> dict[str, int]:
    """Replace the database's contents with the dump, in one transaction; the restored counts."""
    pg_restore = tool("pg_restore")
    if pg_restore is None:
        raise BackupFailed(missing_tool_message("pg_restore"), backup_file.parent, "pg_restore")
    manifest = Manifest.read(backup_file)
    verify_dump(backup_file, manifest.counts if manifest else {})
    db.engine.dispose()
    args, env = connection_args(db.url)
    done = _run(
        [
            pg_restore,
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            str(backup_file),
        ],
        env,
        backup_file.parent,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["pg_restore"])[-1]
        raise BackupFailed(
            translate("Backup", "pg_restore could not restore the backup: %1").replace(
                "%1", reason
            ),
            backup_file.parent,
            reason,
        )
    with db.engine.connect() as connection:
        return _counts(connection)
