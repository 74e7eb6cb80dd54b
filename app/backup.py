"""Copies of the SQLite file made with SQLite's online backup, kept in the data folder, rotated."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from app import clock, paths
from app.errors import DatabaseProblem
from app.i18n import translate

KEEP_BACKUPS = 14


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
    """Copy `source` consistently (even while in use) into the backups folder; rotate old copies.

    DatabaseProblem, naming the folder, when no copy can be made there (a read-only folder, a
    file in the way, a full disk): whoever wanted the copy (a migration) must not go on without.
    """
    target_dir = folder or paths.backups_dir()
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{source.stem}-{stamp}-{reason}.sqlite3"
    partial = target.with_suffix(".partial")
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
        dst.close()
        src.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        _discard(partial)
        raise DatabaseProblem(
            translate(
                "Errors",
                "No backup copy of the database can be made in the folder %1 (%2), so nothing "
                "was changed. Make the folder writable, or move the data folder elsewhere with "
                "YOULIN_DATA_DIR.",
            )
            .replace("%1", str(target_dir))
            .replace("%2", _reason(error))
        ) from error
    _rotate(target_dir, source.stem)
    return target


def _reason(error: OSError | sqlite3.Error) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def _discard(partial: Path) -> None:
    # The folder that refused the copy may refuse this too; then nothing was made there.
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def _rotate(folder: Path, stem: str) -> None:
    copies = sorted(folder.glob(f"{stem}-*.sqlite3"))
    for old in copies[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
