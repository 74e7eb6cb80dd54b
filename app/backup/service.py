"""Backups as the desk and the command line use them: back up now, the day's automatic backup,
the list of backups, and restoring one, with the admin's permission checked against the account
as it is now (a demoted admin is refused at once)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import make_url

from app import clock, migrate
from app.backup import copies, postgres, restore, sqlite_file
from app.backup.copies import BackupFailed, Manifest
from app.db import Database
from app.errors import DatabaseProblem, ValidationError
from app.i18n import translate
from app.security import Actor, Permission
from app.services import audit, calls

log = logging.getLogger(__name__)

# The tables a confirmation names (every table is counted and compared all the same).
NAMED_TABLES = (
    "person",
    "visit",
    "request",
    "booking",
    "signup",
    "service_record",
    "certificate",
)


def _count_phrase(table: str) -> str:
    # Literal calls, so that lupdate collects each phrase.
    phrases = {
        "person": translate("Backup", "residents %1"),
        "visit": translate("Backup", "visits %1"),
        "request": translate("Backup", "requests %1"),
        "booking": translate("Backup", "room bookings %1"),
        "signup": translate("Backup", "signups %1"),
        "service_record": translate("Backup", "volunteer service records %1"),
        "certificate": translate("Backup", "certificates %1"),
    }
    return phrases[table]


@dataclass(frozen=True)
class Restored:
    backup: Manifest  # what was restored
    before: Manifest  # the backup of the database as it was just before
    counts: dict[str, int]  # the restored database's rows, table by table


def allowed(db: Database, actor: Actor) -> Actor:
    """The acting account as it is now, when it may handle backups; PermissionDenied else."""

    def check(_session: object, acting: Actor) -> Actor:
        acting.require(Permission.BACKUPS)
        return acting

    return calls.read(db, actor, check)


def database_stem(db: Database) -> str:
    path = sqlite_file(db.url)
    if path is not None:
        return path.stem
    return make_url(db.url).database or "postgres"


def back_up(
    db: Database,
    actor: Actor | None,
    kind: str = "manual",
    *,
    folder: Path | None = None,
    output: Path | None = None,
) -> Manifest:
    """A verified backup of `db` now: a SQLite copy, or a pg_dump of a PostgreSQL database.
    `actor` None is the program itself (the day's backup, the one before an upgrade)."""
    if actor is not None:
        allowed(db, actor)
    path = sqlite_file(db.url)
    if path is not None:
        return copies.make_copy(path, kind, folder, output=output)
    if db.dialect == "postgresql":
        return postgres.dump(db, kind, folder, output)
    raise DatabaseProblem(translate("Backup", "This database can't be backed up."))


def daily_backup(db: Database, folder: Path | None = None) -> Manifest | None:
    """The day's automatic backup, unless today's is there already (None then). On PostgreSQL
    without pg_dump on this PC there is none; BackupFailed says so."""
    target = folder or copies.default_folder()
    if restore.made_today(target, database_stem(db), clock.today()):
        return None
    return back_up(db, None, "daily", folder=target)


def list_backups(db: Database, actor: Actor, folder: Path | None = None) -> list[Manifest]:
    allowed(db, actor)
    engine = "sqlite" if sqlite_file(db.url) is not None else "postgresql"
    return [
        m
        for m in copies.list_backups(folder or copies.default_folder(), database_stem(db))
        if m.engine == engine
    ]


def describe_file(path: Path) -> Manifest:
    """The manifest of a backup file; for a SQLite file without one (copied alone onto a USB
    stick), one read from the file itself after checking it. ValidationError when it is not a
    backup this program can restore."""
    if not path.is_file():
        raise ValidationError(
            "file", translate("Backup", "There is no backup file at %1.").replace("%1", str(path))
        )
    manifest = Manifest.read(path)
    if manifest is not None:
        return manifest
    if path.suffix == postgres.DUMP_SUFFIX:
        raise ValidationError(
            "file",
            translate("Backup", "The backup %1 has lost its description file (%2).")
            .replace("%1", str(path))
            .replace("%2", copies.manifest_path(path).name),
        )
    counts = copies.verify_sqlite(path, None)
    connection = copies.connect_existing(path, read_only=True)
    try:
        revision = copies.revision_of(connection)
    finally:
        connection.close()
    made_at = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    return Manifest(path, made_at, "manual", "sqlite", revision, counts, path.stat().st_size)


def when_text(moment: dt.datetime) -> str:
    return (
        translate("Backup", "%1-%2-%3 %4:%5")
        .replace("%1", str(moment.year))
        .replace("%2", f"{moment.month:02d}")
        .replace("%3", f"{moment.day:02d}")
        .replace("%4", f"{moment.hour:02d}")
        .replace("%5", f"{moment.minute:02d}")
    )


def counts_text(counts: dict[str, int]) -> str:
    """居民 3,000 人、来访 41,234 条、…: the rows of the tables a person recognises."""
    parts = [
        _count_phrase(table).replace("%1", f"{counts.get(table, 0):,}")
        for table in NAMED_TABLES
        if table in counts
    ]
    return translate("Backup", ", ").join(parts)


def kind_text(kind: str) -> str:
    if kind == "daily":
        return translate("Backup", "daily")
    if kind.startswith("manual"):
        return translate("Backup", "by hand")
    if kind.startswith("before-restore"):
        return translate("Backup", "before a restore")
    if kind.startswith("before-upgrade"):
        return translate("Backup", "before an upgrade")
    return kind


def confirmation(manifest: Manifest, *, damaged: bool = False) -> str:
    """What a person confirms before a restore: the backup's date and what it holds."""
    if damaged:
        phrase = translate(
            "Backup",
            "Restore the backup of %1: %2. Everything entered since then is lost; the damaged "
            "file is kept beside it under another name.",
        )
    else:
        phrase = translate(
            "Backup",
            "Restore the backup of %1: %2. Everything entered since then is replaced; the "
            "database as it is now is backed up first.",
        )
    return phrase.replace("%1", when_text(manifest.made_at)).replace(
        "%2", counts_text(manifest.counts)
    )


def summary(manifest: Manifest) -> str:
    return (
        translate("Backup", "Backup of %1 written to %2 (%3 MB): %4.")
        .replace("%1", when_text(manifest.made_at))
        .replace("%2", str(manifest.path))
        .replace("%3", f"{manifest.size / 1_000_000:.1f}")
        .replace("%4", counts_text(manifest.counts))
    )


def restore_backup(
    db: Database, actor: Actor, backup_file: Path, folder: Path | None = None
) -> Restored:
    """Put the backup `backup_file` back as the centre's database (admin only).

    The backup is checked and the database as it is now is backed up first (kind
    before-restore). The engine's connections are closed, so every part of the program opens
    the restored database afresh; a backup from an older version is upgraded after it.
    """
    acting = allowed(db, actor)
    manifest = describe_file(backup_file)
    if manifest.revision is not None and manifest.revision not in migrate.known_revisions():
        raise ValidationError(
            "file",
            translate(
                "Backup",
                "The backup %1 was made by a newer version of Youlin Desk (schema %2). Install "
                "the newer version to restore it.",
            )
            .replace("%1", str(backup_file))
            .replace("%2", manifest.revision),
        )
    live = sqlite_file(db.url)
    if (live is None) != (manifest.engine == "postgresql"):
        raise ValidationError(
            "file",
            translate("Backup", "The backup %1 is of another kind of database.").replace(
                "%1", str(backup_file)
            ),
        )
    made: list[Manifest] = []

    def back_up_first() -> None:
        made.append(back_up(db, None, "before-restore", folder=folder))

    db.engine.dispose()
    if live is not None:
        counts = restore.restore_sqlite(backup_file, live, back_up_first)
    else:
        postgres.refuse_while_others_connected(db)
        back_up_first()
        counts = postgres.restore(db, backup_file)
    before = made[0]
    db.engine.dispose()
    migrate.upgrade(db, take_backup=False)
    with db.write() as session:
        audit.record(
            session,
            None,
            "restore",
            "database",
            backup=backup_file.name,
            made_at=manifest.made_at,
            by=acting.username,
            before=before.path.name,
        )
    return Restored(manifest, before, counts)


def restore_damaged(live: Path, backup_file: Path) -> tuple[Path, dict[str, int]]:
    """At start, a damaged database file: set it aside and put `backup_file` in its place. No
    account can be asked (the accounts are in the damaged file); whoever runs the program on
    this PC has the file in their hands anyway. The damaged file's new name, and the counts."""
    manifest = describe_file(backup_file)
    copies.verify_sqlite(backup_file, manifest.counts)
    aside = restore.set_damaged_aside(live)
    try:
        counts = restore.restore_sqlite(backup_file, live)
    except BaseException:
        if not live.exists():
            aside.replace(live)
        raise
    return aside, counts


__all__ = [
    "BackupFailed",
    "Manifest",
    "Restored",
    "back_up",
    "confirmation",
    "counts_text",
    "daily_backup",
    "describe_file",
    "list_backups",
    "restore_backup",
    "restore_damaged",
    "summary",
]


class DailyBackup(threading.Thread):
    """The day's automatic backup, off the first window's way: started once the database is
    open, it backs up (unless today's backup is there already) and says how it went in the log
    and in `outcome`, which the Settings page shows. Never raises: a failed backup is said."""

    def __init__(self, db: Database) -> None:
        super().__init__(name="youlin-daily-backup", daemon=True)
        self._db = db
        self.outcome = ""
        self.ok = True

    def run(self) -> None:
        global _last_outcome
        try:
            made = daily_backup(self._db)
        except BackupFailed as error:
            self.ok, self.outcome = False, error.message
            log.warning("the day's backup failed: %s", error.message)
        except Exception as error:  # a bug must not end the desk; it is logged whole
            self.ok, self.outcome = False, str(error)
            log.exception("the day's backup failed")
        else:
            if made is None:
                self.outcome = translate("Backup", "Today's backup was made already.")
            else:
                self.outcome = translate("Backup", "Today's backup was made: %1").replace(
                    "%1", summary(made)
                )
            log.info("daily backup: %s", self.outcome)
        with _outcome_lock:
            _last_outcome = (self.ok, self.outcome)


_outcome_lock = threading.Lock()
_last_outcome: tuple[bool, str] | None = None


def last_daily_outcome() -> tuple[bool, str] | None:
    """How the day's backup of this run went (ok, words), or None when it hasn't run (yet)."""
    with _outcome_lock:
        return _last_outcome
