"""Verified copies of a SQLite database, their manifests, and the rotation that keeps them.

A copy is written as `<name>.partial` with SQLite's online backup while reading one snapshot of
the source (the rows are counted in the same read transaction), then checked: `PRAGMA
integrity_check` says ok and every table holds exactly the rows counted in the source. Only then
is it renamed into place and its manifest (`<name>.json`: when, kind, schema revision, row
counts) written beside it. A copy without a manifest does not count: the rotation never deletes an
older backup because of it, and restore lists only backups with one. So a disk that fills up or a
USB stick pulled out half-way leaves the good backups as they were, and says why.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import shutil
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app import clock, paths
from app.errors import DatabaseProblem
from app.i18n import translate

KEEP_DAILY = 14  # the newest backup of each of the last 14 days that have one
KEEP_MONTHLY = 12  # and the first of each of the 12 months before those
KEEP_SAFETY = 5  # backups made before an upgrade or a restore, kept apart
KEEP_MANUAL = 10  # backups made by hand (立即备份), kept apart: two on one day both stay
ROTATED_KINDS = frozenset({"daily"})
SQLITE_SUFFIX = ".sqlite3"
MANIFEST_SUFFIX = ".json"
SPACE_MARGIN = 1.1  # a copy needs about the source's size; refuse early when less is free


@dataclass(frozen=True)
class Manifest:
    """What a verified backup holds; written beside it as JSON."""

    path: Path
    made_at: dt.datetime
    kind: str  # daily, manual, before-restore, before-upgrade-<revision>, …
    engine: str  # sqlite or postgresql
    revision: str | None
    counts: dict[str, int] = field(default_factory=dict)
    size: int = 0
    source: str = ""

    @property
    def manifest_path(self) -> Path:
        return manifest_path(self.path)

    def as_json(self) -> str:
        return json.dumps(
            {
                "file": self.path.name,
                "made_at": self.made_at.isoformat(),
                "kind": self.kind,
                "engine": self.engine,
                "revision": self.revision,
                "counts": self.counts,
                "size": self.size,
                "source": self.source,
                "verified": True,
            },
            ensure_ascii=False,
            indent=1,
        )

    @classmethod
    def read(cls, backup_file: Path) -> Manifest | None:
        """The manifest beside `backup_file`, or None when there is none or it is unreadable."""
        try:
            raw = json.loads(manifest_path(backup_file).read_text(encoding="utf-8"))
            return cls(
                path=backup_file,
                made_at=dt.datetime.fromisoformat(raw["made_at"]),
                kind=str(raw["kind"]),
                engine=str(raw.get("engine", "sqlite")),
                revision=raw.get("revision"),
                counts={str(k): int(v) for k, v in raw.get("counts", {}).items()},
                size=int(raw.get("size", 0)),
                source=str(raw.get("source", "")),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None


class BackupFailed(DatabaseProblem):
    """No good backup was made; `folder` and `reason` say where and why (already translated)."""

    def __init__(self, message: str, folder: Path, reason: str) -> None:
        super().__init__(message)
        self.folder = folder
        self.reason = reason


def manifest_path(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name + MANIFEST_SUFFIX)


def default_folder() -> Path:
    """This machine's backups folder: the one the admin chose in Settings, or the data folder's."""
    from app import settings

    chosen = settings.load().backup_folder
    return Path(chosen) if chosen else paths.backups_dir()


def backup_name(stem: str, made_at: dt.datetime, kind: str, suffix: str = SQLITE_SUFFIX) -> str:
    return f"{stem}-{made_at:%Y-%m-%d-%H%M%S}-{kind}{suffix}"


def free_name(folder: Path, stem: str, made_at: dt.datetime, kind: str, suffix: str) -> Path:
    target = folder / backup_name(stem, made_at, kind, suffix)
    n = 2
    while target.exists() or manifest_path(target).exists():
        target = folder / backup_name(stem, made_at, f"{kind}-{n}", suffix)
        n += 1
    return target


def make_copy(
    source: Path, kind: str, folder: Path | None = None, *, output: Path | None = None
) -> Manifest:
    """A verified copy of the SQLite file `source` in `folder` (default: this machine's backups
    folder), or at `output` exactly; older copies in the folder are rotated afterwards.

    BackupFailed, naming the folder and why, when no good copy could be made: nothing was
    deleted then, and no partial file is left behind.
    """
    made_at = clock.now()
    target_dir = output.parent if output is not None else (folder or default_folder())
    if not source.is_file():
        raise BackupFailed(
            translate("Backup", "There is no database file at %1.").replace("%1", str(source)),
            target_dir,
            translate("Backup", "no database file"),
        )
    target = output or free_name(target_dir, source.stem, made_at, kind, SQLITE_SUFFIX)
    partial = target.with_name(target.name + ".partial")
    try:
        if output is None:
            target_dir.mkdir(parents=True, exist_ok=True)
        check_space(target_dir, _database_size(source))
        counts, revision = copy_sqlite(source, partial)
        verify_sqlite(partial, counts)
        _fsync(partial)
        partial.replace(target)
        manifest = Manifest(
            path=target,
            made_at=made_at,
            kind=kind,
            engine="sqlite",
            revision=revision,
            counts=counts,
            size=target.stat().st_size,
            source=source.name,
        )
        write_manifest(manifest)
    except BackupFailed:
        _discard(partial)
        raise
    except (OSError, sqlite3.Error) as error:
        _discard(partial)
        raise failed(target_dir, error) from error
    if output is None:
        rotate(target_dir, source.stem)
    return manifest


def failed(folder: Path, error: OSError | sqlite3.Error) -> BackupFailed:
    reason = reason_text(error)
    return BackupFailed(
        translate(
            "Backup", "No backup could be made in the folder %1: %2. The earlier backups are kept."
        )
        .replace("%1", str(folder))
        .replace("%2", reason),
        folder,
        reason,
    )


def reason_text(error: OSError | sqlite3.Error) -> str:
    """Why, in words a volunteer understands: a full disk, a folder that is gone, read-only."""
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return translate("Backup", "the disk is full")
        if error.errno == errno.ENOENT:
            return translate("Backup", "the folder is not there (was a USB stick taken out?)")
        if error.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
            return translate("Backup", "the folder is read-only")
        return error.strerror or str(error)
    text = str(error)
    if "full" in text:
        return translate("Backup", "the disk is full")
    if "unable to open" in text:
        return translate("Backup", "the folder can't be written or is not there")
    return text


def check_space(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # the copy itself will say what is wrong with the folder
    if free < needed * SPACE_MARGIN:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _database_size(source: Path) -> int:
    size = source.stat().st_size
    wal = source.with_name(source.name + "-wal")
    with contextlib.suppress(OSError):
        size += wal.stat().st_size
    return size


def connect_existing(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to a file that must exist (a plain connect would create an empty one)."""
    mode = "ro" if read_only else "rw"
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={mode}", uri=True, isolation_level=None, timeout=15
    )


def table_names(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [str(name) for (name,) in rows]


def row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {
        name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in table_names(connection)
    }


def revision_of(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def copy_sqlite(source: Path, target: Path) -> tuple[dict[str, int], str | None]:
    """Copy `source` into the new file `target` with SQLite's online backup; the row counts and
    schema revision of the snapshot copied.

    The counts are read in the read transaction the backup then copies from, so they describe
    exactly the copy, however much other desks write meanwhile. The copy gets a rollback journal:
    a backup is one self-contained file.
    """
    target.unlink(missing_ok=True)
    src = connect_existing(source)
    try:
        src.execute("BEGIN")
        counts = row_counts(src)
        revision = revision_of(src)
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    return counts, revision


def verify_sqlite(path: Path, expected: dict[str, int] | None) -> dict[str, int]:
    """The copy's row counts, after `PRAGMA integrity_check` says ok and (when given) every
    table's count is the one expected. BackupFailed saying what is wrong otherwise."""
    try:
        connection = connect_existing(path, read_only=True)
        try:
            problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
            counts = row_counts(connection) if problems == ["ok"] else {}
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
        counts = {}
    if problems != ["ok"]:
        raise BackupFailed(
            translate("Backup", "The backup %1 is damaged: %2")
            .replace("%1", str(path))
            .replace("%2", "; ".join(problems[:3])),
            path.parent,
            translate("Backup", "the copy is damaged"),
        )
    if expected is not None and counts != expected:
        different = sorted(
            name for name in set(counts) | set(expected) if counts.get(name) != expected.get(name)
        )
        raise BackupFailed(
            translate("Backup", "The backup %1 does not hold the same rows (%2).")
            .replace("%1", str(path))
            .replace("%2", ", ".join(different[:5])),
            path.parent,
            translate("Backup", "the copy's rows differ"),
        )
    return counts


def write_manifest(manifest: Manifest) -> None:
    target = manifest.manifest_path
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_text(manifest.as_json(), encoding="utf-8")
        _fsync(partial)
        partial.replace(target)
    except OSError:
        _discard(partial)
        raise


def _fsync(path: Path) -> None:
    # The copy must be on the disk (or the USB stick) before an older one may be deleted.
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _discard(partial: Path) -> None:
    # The folder that refused the copy may refuse this too; then nothing was made there.
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def list_backups(folder: Path | None = None, stem: str | None = None) -> list[Manifest]:
    """The verified backups in `folder` (of the database named `stem`, when given), newest
    first. Files without a manifest (partial, foreign, damaged) are left out."""
    target_dir = folder or default_folder()
    try:
        candidates = sorted(target_dir.glob(f"*{MANIFEST_SUFFIX}"))
    except OSError:
        return []
    found: list[Manifest] = []
    for candidate in candidates:
        backup_file = candidate.with_name(candidate.name[: -len(MANIFEST_SUFFIX)])
        if not backup_file.is_file():
            continue
        manifest = Manifest.read(backup_file)
        if manifest is None:
            continue
        if stem is not None and not backup_file.name.startswith(f"{stem}-"):
            continue
        found.append(manifest)
    return sorted(found, key=lambda m: (m.made_at, m.path.name), reverse=True)


def to_remove(backups: Iterable[Manifest]) -> list[Manifest]:
    """The backups the rotation lets go: of the daily ones, all but the newest of each of the
    last KEEP_DAILY days and the first of each of the KEEP_MONTHLY months before those; of those
    made by hand, all but the newest KEEP_MANUAL; of the others (before an upgrade or a
    restore), all but the newest KEEP_SAFETY."""
    newest_first = sorted(backups, key=lambda m: (m.made_at, m.path.name), reverse=True)
    rotated = [m for m in newest_first if m.kind in ROTATED_KINDS]
    manual = [m for m in newest_first if m.kind.startswith("manual")]
    others = [m for m in newest_first if m not in rotated and m not in manual]
    keep: set[Path] = set()
    days: set[dt.date] = set()
    for manifest in rotated:
        day = manifest.made_at.date()
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.add(manifest.path)
    first_of_month: dict[tuple[int, int], Manifest] = {}
    for manifest in reversed(rotated):  # oldest first: the first one of each month wins
        if manifest.path in keep:
            continue
        first_of_month.setdefault((manifest.made_at.year, manifest.made_at.month), manifest)
    for month in sorted(first_of_month, reverse=True)[:KEEP_MONTHLY]:
        keep.add(first_of_month[month].path)
    keep.update(m.path for m in manual[:KEEP_MANUAL])
    keep.update(m.path for m in others[:KEEP_SAFETY])
    return [m for m in newest_first if m.path not in keep]


def rotate(folder: Path, stem: str) -> list[Path]:
    """Delete what `to_remove` lets go of in `folder`; the files deleted."""
    removed: list[Path] = []
    for manifest in to_remove(list_backups(folder, stem)):
        try:
            manifest.manifest_path.unlink(missing_ok=True)  # first: it no longer counts
            manifest.path.unlink(missing_ok=True)
        except OSError:
            continue  # tried again after the next backup
        removed.append(manifest.path)
    return removed


def latest(backups: Sequence[Manifest]) -> Manifest | None:
    return backups[0] if backups else None
