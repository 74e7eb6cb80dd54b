"""`youlin-desk backup [-o FILE]` and `youlin-desk restore FILE --as USER [--yes]`. No Qt.

Accounts: `backup` asks for none. Whoever can run it on this PC can read the SQLite file itself
(and a PostgreSQL URL carries its own credentials), so an account would protect nothing, and a
scheduled task can run it unattended. `restore` replaces everyone's data, so it needs an admin
account's password (`--as`, the password from $YOULIN_PASSWORD or asked), checked against the
account as it is now; except when the database file is damaged, when no account can be read from
it: then the person at the PC confirms, as the desk's start-up offer does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import translate

if TYPE_CHECKING:
    from collections.abc import Callable

    ArgumentAdder = Callable[[argparse.ArgumentParser], None]

COMMANDS = ("backup", "restore")


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    add_common: ArgumentAdder,
    add_account: ArgumentAdder,
) -> None:
    backup = commands.add_parser(
        "backup", help="back the database up now (verified), into the backups folder or -o FILE"
    )
    add_common(backup)
    backup.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write the backup here instead"
    )
    restore = commands.add_parser(
        "restore", help="put a backup back as the centre's database (an admin account)"
    )
    add_common(restore)
    add_account(restore)
    restore.add_argument("file", metavar="FILE", type=Path, help="the backup file")
    restore.add_argument("--yes", action="store_true", help="do not ask before restoring")


def run(database: str | None, args: argparse.Namespace) -> int:
    if args.command == "backup":
        return _backup(database, args)
    return _restore(database, args)


def _backup(database: str | None, args: argparse.Namespace) -> int:
    from app.backup import service
    from app.cli import _open_existing

    db = _open_existing(database)
    try:
        manifest = service.back_up(db, None, "manual", output=_absolute(args.output))
    finally:
        db.dispose()
    print(service.summary(manifest))
    return 0


def _absolute(path: Path | None) -> Path | None:
    return path.resolve() if path is not None else None


def _restore(database: str | None, args: argparse.Namespace) -> int:
    from app import paths
    from app.backup import restore, service, sqlite_file
    from app.cli import _open_existing, _sign_in

    backup_file = args.file.resolve()
    manifest = service.describe_file(backup_file)  # a wrong file is said before the password
    live = sqlite_file(paths.resolve_database_url(database))
    if live is not None:
        damage = restore.find_damage(live)
        if damage is not None:
            print(
                translate("Backup", "The database %1 is damaged (%2).")
                .replace("%1", str(live))
                .replace("%2", damage.problem),
                file=sys.stderr,
            )
            print(service.confirmation(manifest, damaged=True))
            if not args.yes and not _agreed():
                print(translate("Backup", "Nothing was restored."))
                return 1
            aside, _counts = service.restore_damaged(live, backup_file)
            print(
                translate("Backup", "Restored. The damaged file was kept as %1.").replace(
                    "%1", str(aside)
                )
            )
            return 0
    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)
        service.allowed(db, actor)  # refused before anything is asked
        print(service.confirmation(manifest))
        if not args.yes and not _agreed():
            print(translate("Backup", "Nothing was restored."))
            return 1
        restored = service.restore_backup(db, actor, backup_file)
    finally:
        db.dispose()
    print(
        translate("Backup", "Restored the backup of %1. The database as it was is kept in %2.")
        .replace("%1", service.when_text(restored.backup.made_at))
        .replace("%2", str(restored.before.path))
    )
    return 0


def _agreed() -> bool:
    try:
        answer = input(translate("Backup", "Restore now? Type yes to go on: "))
    except (EOFError, KeyboardInterrupt):
        return False
    return answer.strip().lower() in ("yes", "y", "是")


def damaged_message(path: Path, problem: str) -> str:
    """At start on the command line: what is wrong, the newest backup and the command."""
    from app.backup import copies, restore, service

    newest = restore.newest_verified(copies.default_folder(), path.stem)
    text = (
        translate("Backup", "The database %1 is damaged (%2).")
        .replace("%1", str(path))
        .replace("%2", problem)
    )
    if newest is None:
        return text + " " + translate("Backup", "No backup of it was found.")
    return (
        text
        + " "
        + translate("Backup", "The newest backup is of %1 (%2). Restore it with: %3")
        .replace("%1", service.when_text(newest.made_at))
        .replace("%2", service.counts_text(newest.counts))
        .replace("%3", f'youlin-desk restore "{newest.path}" --as ADMIN')
    )
