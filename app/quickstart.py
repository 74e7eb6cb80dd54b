"""A quick look at the centre's SQLite file with the standard library, enough for the first window.

Importing SQLAlchemy and mapping the models costs most of start-up. When the database is a SQLite
file that exists, can be written and is already at this program's schema, this module reads what
the first window needs — that the centre is set up, its name, and for an automatic login the
account, checked by the same rule as `accounts.login` — and start-up opens the database properly
in the background while the window shows. Anything else (another database server, a missing
file, an older schema to migrate, a newer one to refuse, a centre to set up) gets None: the full
path takes it, with its backups, migrations and messages.

Standard library only: no SQLAlchemy, no Qt.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass

from app.backup import sqlite_file
from app.errors import DomainError, ValidationError
from app.migrations import HEAD_REVISION
from app.passwords import LoginRecord, check_login, login_name
from app.roles import Actor

log = logging.getLogger(__name__)

TIMEOUT_S = 5.0  # as long as the full path's busy timeout


@dataclass(frozen=True)
class QuickStart:
    """What the first window needs, read before the database layer is loaded."""

    centre_name: str
    # The automatic login's outcome when one was asked for: the account (whose login is still to
    # be recorded, with accounts.record_login) or the refusal (to be recorded as a failed login).
    login: Actor | ValidationError | None = None


def look(url: str, autologin: tuple[str, str] | None = None) -> QuickStart | None:
    """The quick start for the database at `url`, or None when the full path must open it."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    from app.start import ensure_folder

    try:
        ensure_folder(url)  # a read-only file is said by the full path, before any window
        # Read-only: this look never changes the file, whatever it finds.
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=TIMEOUT_S
        )
    except (DomainError, sqlite3.Error, OSError):
        return None
    try:
        read = _read(connection, autologin)
    except sqlite3.Error as error:
        # Not a database, no schema yet, a changed schema …: the full path finds out and says.
        log.info("quick start not possible (%s); opening the database fully", error)
        return None
    finally:
        connection.close()
    if read is None:
        return None
    centre_name, account = read
    if autologin is None:
        return QuickStart(centre_name)
    try:
        return QuickStart(centre_name, check_login(account, autologin[1]))
    except ValidationError as refusal:
        return QuickStart(centre_name, refusal)


def _read(
    connection: sqlite3.Connection, autologin: tuple[str, str] | None
) -> tuple[str, LoginRecord | None] | None:
    """The centre's name and the automatic login's account row; None unless the file is at this
    program's schema and the centre is set up (the setup wizard needs the database at once)."""
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if revision != [(HEAD_REVISION,)]:
        return None
    centre = connection.execute("SELECT name FROM centre WHERE id = 1").fetchone()
    has_accounts = connection.execute("SELECT EXISTS (SELECT 1 FROM account)").fetchone()[0]
    if centre is None or not has_accounts:
        return None
    if autologin is None:
        return str(centre[0]), None
    row = connection.execute(
        "SELECT id, username, display_name, role, active, password_hash, locked_until"
        " FROM account WHERE username = ?",
        (login_name(autologin[0]),),
    ).fetchone()
    if row is None:
        return str(centre[0]), None
    locked_until = dt.datetime.fromisoformat(row[6]) if row[6] else None
    return str(centre[0]), LoginRecord(
        row[0], row[1], row[2], row[3], bool(row[4]), row[5], locked_until
    )
