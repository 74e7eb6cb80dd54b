"""Putting a SQLite backup back into the live database file, and recognising a damaged file.

The backup is checked first (integrity and its manifest's row counts), then copied into the
live file with SQLite's online backup, page by page inside one write transaction of the live
file: a power cut half-way leaves the old database, never a mixture.

Another program holding the file open (a second desk window, a desk on another PC reading it
through a shared folder) would go on with a database changed under it, so restore refuses then.
SQLite has no count of connections, but it refuses to take a WAL database out of WAL mode while
any other connection has it open; that refusal is the test.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import clock
from app.backup import copies
from app.errors import DatabaseProblem
from app.i18n import translate

IN_USE_WAIT_MS = 1000


class DatabaseInUse(DatabaseProblem):
    """Another program has the database open; restoring now would change it under that program."""


@dataclass(frozen=True)
class Damage:
    """What is wrong with a database file, in words."""

    path: Path
    problem: str


def restore_sqlite(
    backup_file: Path, live: Path, before: Callable[[], object] | None = None
) -> dict[str, int]:
    """Replace the contents of `live` with the verified backup `backup_file`; the restored row
    counts. DatabaseInUse when another connection has `live` open; BackupFailed when the backup
    is damaged or does not match its manifest (the live file is untouched then).

    `before` runs once the file is known to be ours alone and before it is replaced (the backup
    of the database as it is): a restore refused leaves no such backup behind."""
    manifest = copies.Manifest.read(backup_file)
    copies.verify_sqlite(backup_file, manifest.counts if manifest else None)
    if not live.exists():
        return _restore_into_new(backup_file, live)
    target = copies.connect_existing(live)
    try:
        target.execute(f"PRAGMA busy_timeout = {IN_USE_WAIT_MS}")
        _take_for_ourselves(target, live)
        if before is not None:
            try:
                before()
            except BaseException:
                target.execute("PRAGMA journal_mode = WAL")
                raise
        source = copies.connect_existing(backup_file, read_only=True)
        try:
            source.backup(target)
        finally:
            source.close()
        target.execute("PRAGMA journal_mode = WAL")
        counts = copies.row_counts(target)
    finally:
        target.close()
    return counts


def _take_for_ourselves(target: sqlite3.Connection, live: Path) -> None:
    try:
        mode = str(target.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        mode = "wal"
    if mode == "wal":
        raise DatabaseInUse(
            translate(
                "Backup",
                "The database %1 is open in another program (another Youlin Desk window, or a "
                "desk on another computer). Close it there first, then restore again.",
            ).replace("%1", str(live))
        )


def _restore_into_new(backup_file: Path, live: Path) -> dict[str, int]:
    live.parent.mkdir(parents=True, exist_ok=True)
    partial = live.with_name(live.name + ".restoring")
    partial.unlink(missing_ok=True)
    source = copies.connect_existing(backup_file, read_only=True)
    try:
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(target)
            counts = copies.row_counts(target)
        finally:
            target.close()
    finally:
        source.close()
    partial.replace(live)
    return counts


def set_damaged_aside(live: Path) -> Path:
    """Move a damaged database file (and its WAL files) aside under a dated name, so that a
    backup can take its place and the damaged one is still there for an expert; the new name."""
    stamp = clock.now().strftime("%Y-%m-%d-%H%M%S")
    aside = live.with_name(f"{live.name}.damaged-{stamp}")
    live.replace(aside)
    for extra in ("-wal", "-shm"):
        companion = live.with_name(live.name + extra)
        with contextlib.suppress(FileNotFoundError):
            companion.replace(aside.with_name(aside.name + extra))
    return aside


def find_damage(path: Path, *, thorough: bool = False) -> Damage | None:
    """Whether the SQLite file at `path` is damaged: None when it opens and SQLite's check
    (`quick_check`, or the slower `integrity_check` when `thorough`) says ok, else what is wrong.
    A missing file is not damaged (a new centre starts with none)."""
    if not path.exists():
        return None
    check = "integrity_check" if thorough else "quick_check"
    try:
        connection = copies.connect_existing(path, read_only=True)
        try:
            rows = [str(row[0]) for row in connection.execute(f"PRAGMA {check}")]
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "unable to open" in str(error):
            return None  # busy or unreadable: not a question of damage; opening will say so
        rows = [str(error)]
    except sqlite3.DatabaseError as error:  # "file is not a database", "malformed"
        rows = [str(error)]
    if rows == ["ok"]:
        return None
    return Damage(path, "; ".join(rows[:3]))


def looks_damaged(error: BaseException | str) -> bool:
    """Whether an error opening the database is SQLite saying its file is damaged."""
    text = str(error).lower()
    return "file is not a database" in text or "malformed" in text or "disk image" in text


def newest_verified(folder: Path, stem: str) -> copies.Manifest | None:
    for manifest in copies.list_backups(folder, stem):
        if manifest.engine == "sqlite":
            return manifest
    return None


def made_today(folder: Path, stem: str, today: dt.date) -> bool:
    return any(
        m.made_at.date() == today and m.kind in copies.ROTATED_KINDS
        for m in copies.list_backups(folder, stem)
    )
