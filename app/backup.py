"""Copies of the SQLite file made with SQLite's online backup, kept in the data folder, rotated."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from app import paths

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
    """Copy `source` consistently (even while in use) into the backups folder; rotate old copies."""
    target_dir = folder or paths.backups_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{source.stem}-{stamp}-{reason}.sqlite3"
    partial = target.with_suffix(".partial")
    with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    partial.replace(target)
    _rotate(target_dir, source.stem)
    return target


def _rotate(folder: Path, stem: str) -> None:
    copies = sorted(folder.glob(f"{stem}-*.sqlite3"))
    for old in copies[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
