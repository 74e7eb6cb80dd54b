"""Where this desk PC finds its database: the local file (the default) or a shared PostgreSQL
server for several desks. A per-machine setting, chosen by an admin in Settings.

The address without its password is kept in the machine's settings (settings.json,
`database_url`); the password, when there is one, in a file of its own beside it
(`database-password`), readable by this machine's user only (mode 0600 on Linux; on Windows the
data folder is in the user's own profile, which other users can't read). Neither leaves the
data folder where settings.json and the local database already are, so a stolen copy of that
folder gives nothing more than the database file itself would. Logs and messages only ever show
the address with the password hidden.

`--database` and `YOULIN_DATABASE_URL` still win over the saved choice (`app.paths`).
"""

from __future__ import annotations

import dataclasses
import enum
import os
from dataclasses import dataclass

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session

from app import settings as settings_module
from app.errors import DatabaseProblem, ValidationError
from app.i18n import translate
from app.security import Actor, Permission

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerChoice:
    """A PostgreSQL server as the form has it (raw text, checked by `url_of`)."""

    host: str
    port: str = str(DEFAULT_PORT)
    database: str = "youlin"
    user: str = "youlin"
    password: str = ""


def url_of(choice: ServerChoice) -> str:
    """The SQLAlchemy URL of `choice`; ValidationError naming the field that is wrong."""
    host = choice.host.strip()
    if not host or any(ch.isspace() or ch in "/@?#" for ch in host):
        raise ValidationError(
            "host", translate("Database", "Give the server's name or address, e.g. 192.168.1.20.")
        )
    try:
        port = int(choice.port.strip() or DEFAULT_PORT)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise ValidationError("port", translate("Database", "The port is a number, usually 5432."))
    database = choice.database.strip()
    if not database:
        raise ValidationError("database", translate("Database", "Give the database's name."))
    user = choice.user.strip()
    if not user:
        raise ValidationError("user", translate("Database", "Give the user name."))
    return URL.create(
        "postgresql+psycopg",
        username=user,
        password=choice.password or None,
        host=host,
        port=port,
        database=database,
    ).render_as_string(hide_password=False)


def choice_of(url: str) -> ServerChoice | None:
    """The form's fields for a PostgreSQL `url`; None for a SQLite file or an unreadable URL."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "postgresql":
        return None
    return ServerChoice(
        host=parsed.host or "",
        port=str(parsed.port or DEFAULT_PORT),
        database=parsed.database or "",
        user=parsed.username or "",
        password=parsed.password or "",
    )


def checked_url(typed: str, password: str = "") -> str:
    """A URL typed whole (postgresql://user:pw@host:port/db); the psycopg driver is implied, and
    `password` (typed in its own field) used when the URL has none."""
    try:
        parsed = make_url(typed.strip())
    except ArgumentError as error:
        raise ValidationError(
            "url",
            translate("Database", "This is not a database address: %1").replace(
                "%1", str(error)[:120]
            ),
        ) from error
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError(
            "url", translate("Database", "Give a PostgreSQL address (postgresql://…).")
        )
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if password and not parsed.password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


# ---- the connection test -----------------------------------------------------------------------


class Outcome(enum.StrEnum):
    OK = "ok"
    UNREACHABLE = "unreachable"
    WRONG_PASSWORD = "wrong_password"
    NO_DATABASE = "no_database"
    EMPTY = "empty"  # reachable, no tables yet: `migrate` makes them
    OLDER = "older"  # an older schema: `migrate` upgrades it
    NEWER = "newer"  # written by a newer program: refused
    OTHER = "other"


@dataclass(frozen=True)
class ConnectionReport:
    outcome: Outcome
    message: str  # in the user's language, saying what to do
    revision: str | None = None

    @property
    def usable(self) -> bool:
        """The desk may use this database as it is (or after `migrate`)."""
        return self.outcome in (Outcome.OK, Outcome.OLDER, Outcome.EMPTY)


def try_connection(url: str) -> ConnectionReport:
    """Connect to `url` and say in words how it went (runs in a worker thread: no Qt here)."""
    from app import migrate
    from app.db import Database

    try:
        db = Database(url)
    except DatabaseProblem as problem:
        return ConnectionReport(Outcome.OTHER, problem.message)
    try:
        with db.engine.connect() as connection:
            revision = migrate.current_revision(connection)
    except SQLAlchemyError as error:
        return _failed(error)
    finally:
        db.dispose()
    migrate_hint = translate(
        "Database", "An administrator runs “youlin-desk migrate --database ADDRESS” once."
    )
    if revision is None:
        return ConnectionReport(
            Outcome.EMPTY,
            translate("Database", "Connected. The database is empty: it needs its tables first.")
            + " "
            + migrate_hint,
        )
    if revision == migrate.HEAD_REVISION:
        return ConnectionReport(
            Outcome.OK, translate("Database", "Connected. The database is ready."), revision
        )
    if revision in migrate.known_revisions():
        return ConnectionReport(
            Outcome.OLDER,
            translate("Database", "Connected. The database is from an older version.")
            + " "
            + migrate_hint,
            revision,
        )
    return ConnectionReport(
        Outcome.NEWER,
        translate(
            "Database",
            "Connected, but the database was written by a newer version of Youlin Desk: "
            "install that version on this PC first.",
        ),
        revision,
    )


def _failed(error: SQLAlchemyError) -> ConnectionReport:
    said = str(getattr(error, "orig", None) or error).lower()
    if "password authentication failed" in said or "no password supplied" in said:
        return ConnectionReport(
            Outcome.WRONG_PASSWORD,
            translate("Database", "The server refused the user name or password."),
        )
    if "does not exist" in said and "database" in said:
        return ConnectionReport(
            Outcome.NO_DATABASE,
            translate(
                "Database",
                "The server answers, but has no database of that name. Check the name, or ask "
                "whoever looks after the server to create it.",
            ),
        )
    if (
        "connection refused" in said
        or "could not translate host name" in said
        or "timeout" in said
        or "no route to host" in said
        or "network is unreachable" in said
        or "name or service not known" in said
    ):
        return ConnectionReport(
            Outcome.UNREACHABLE,
            translate(
                "Database",
                "No server answers at that address and port. Check the address, that the "
                "server is on, and the network cable.",
            ),
        )
    return ConnectionReport(
        Outcome.OTHER,
        translate("Database", "The connection failed: %1").replace(
            "%1", str(getattr(error, "orig", None) or error).splitlines()[0][:200]
        ),
    )


# ---- saving -------------------------------------------------------------------------------------


def save_choice(session: Session, actor: Actor, url: str | None) -> None:
    """Keep `url` (None: the local file) as this machine's database from the next start.

    Only an admin may (the account as it is now: `session` is the current database's). The
    password goes to its own file, readable by this user only; settings.json gets the address
    without it. OSError when the data folder can't be written.
    """
    del session  # the account was read as it is now by the call's transaction
    actor.require(Permission.SETTINGS)
    current = settings_module.load()
    target = settings_module.database_password_path()
    if url is None:
        settings_module.save(dataclasses.replace(current, database_url=""))
        target.unlink(missing_ok=True)
        return
    parsed = make_url(url)
    password = parsed.password or ""
    # URL.set(password=None) leaves the password as it was: make the address without it.
    address = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    ).render_as_string(hide_password=False)
    if password:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(str(password))
        partial.replace(target)
    else:
        target.unlink(missing_ok=True)
    settings_module.save(dataclasses.replace(current, database_url=address))
