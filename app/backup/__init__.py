"""Backups of the centre's database, and restoring one.

- `copies`: a SQLite copy made with SQLite's online backup (consistent while desks keep
  writing), verified (`PRAGMA integrity_check`, every table's rows counted equal) before it
  counts, described by a manifest beside it, and rotated (14 daily, 12 monthly, a few made
  before an upgrade or a restore);
- `postgres`: the same for a PostgreSQL database through `pg_dump` / `pg_restore`;
- `restore`: putting a backup back into the live file, refusing while another program has it open,
  and recognising a damaged database file at start;
- `service`: what the desk and the command line call, with the admin's permission checked.

This module itself stays light: the start-up's quick look imports it before SQLAlchemy loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.backup.copies import BackupFailed
    from app.errors import DatabaseProblem


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix) :].split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


def backup_sqlite(source: Path, reason: str, folder: Path | None = None) -> Path:
    """A verified copy of `source` in the backups folder (see `copies.make_copy`), made before
    a change (an upgrade): DatabaseProblem, naming the folder, when none can be made, so that the
    change does not go on without it."""
    from app.backup import copies

    try:
        return copies.make_copy(source, reason, folder).path
    except copies.BackupFailed as error:
        raise nothing_changed(error) from error


def nothing_changed(error: BackupFailed) -> DatabaseProblem:
    """A change (an upgrade) that needed a backup first and didn't get one, in words."""
    from app.errors import DatabaseProblem
    from app.i18n import translate

    return DatabaseProblem(
        translate(
            "Errors",
            "No backup copy of the database can be made in the folder %1 (%2), so nothing "
            "was changed. Make the folder writable, or move the data folder elsewhere with "
            "YOULIN_DATA_DIR.",
        )
        .replace("%1", str(error.folder))
        .replace("%2", error.reason)
    )
