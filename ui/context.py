"""What every desk is given: the database, the acting account, and the machine's settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication

from app import settings as settings_module
from app.errors import DatabaseProblem, DomainError
from app.security import Actor
from app.settings import Settings
from ui.connection import ConnectionWatch, ServerUnreachable, lost_message

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database

log = logging.getLogger(__name__)

T = TypeVar("T")


class ErrorLine(Protocol):
    """Where a desk says what went wrong (ui.errors.StatusLine)."""

    def show_error(self, text: str) -> None: ...


class DeskContext:
    """The database, the acting account and the machine's settings, shared by every desk.

    `db` may be given as a function that waits for the database: start-up shows the first window
    while a worker thread still loads SQLAlchemy and opens it (ui.application.DatabaseStart).
    `db_ready` says whether it is open, and `on_database_ready` callbacks run (in the GUI thread)
    once it is, so a desk can show that it is loading instead of waiting.
    """

    def __init__(
        self,
        db: Database | Callable[[], Database],
        actor: Actor,
        settings: Settings,
        demo: bool = False,
        on_data_changed: list[Callable[[], None]] | None = None,
        apply_text_size: Callable[[str], None] | None = None,
    ) -> None:
        self._db: Database | None = None
        self._wait: Callable[[], Database] | None = None
        if callable(db):
            self._wait = db
        else:
            self._db = db
        self.actor = actor
        self.settings = settings
        self.demo = demo
        # Called after a desk changed something every other desk shows (centre name, communities).
        self.on_data_changed: list[Callable[[], None]] = list(on_data_changed or [])
        # Applies a new text size to the whole running interface (set by the application).
        self.apply_text_size: Callable[[str], None] = apply_text_size or (lambda _size: None)
        # Called once the database is open, when it wasn't yet at construction.
        self.on_database_ready: list[Callable[[], None]] = []
        self._connection: ConnectionWatch | None = None

    @property
    def connection(self) -> ConnectionWatch:
        """Says when the database server was lost and when it is back (ui.connection)."""
        if self._connection is None:
            self._connection = ConnectionWatch(lambda: self.db.reachable())
        return self._connection

    @property
    def db(self) -> Database:
        """The open database; waits for start-up to open it if it hasn't yet."""
        if self._db is None:
            assert self._wait is not None
            self.set_database(self._wait())
        assert self._db is not None
        return self._db

    @property
    def db_ready(self) -> bool:
        return self._db is not None

    def set_database(self, db: Database) -> None:
        """The database is open: keep it and tell whoever waited for it (GUI thread only)."""
        if self._db is not None:
            return
        self._db = db
        callbacks, self.on_database_ready = self.on_database_ready, []
        for callback in callbacks:
            callback()

    def run(
        self,
        call: Callable[[Session, Actor], T],
        *,
        write: bool,
        status: ErrorLine | None = None,
    ) -> T:
        """The one way from a desk into a service: `call(session, actor)` in a transaction that
        reads or writes (`app.services.calls`), with the acting account as it is now.

        A database that can't be used becomes a DatabaseProblem a volunteer understands; any
        DomainError is raised for the caller to show beside a field, and said on `status` too
        when one is given. A demoted account's new role is kept in `actor` at once.

        A race lost to another desk is run again by `app.services.calls` and never shown. A
        server that is gone becomes ServerUnreachable ("reconnecting…"): the caller keeps its
        form open with what was typed, and `connection` probes the server until it is back.
        """
        from sqlalchemy.exc import SQLAlchemyError

        from app.db import problem_of
        from app.services import calls

        try:
            try:
                if write:
                    result = calls.write(self.db, self.actor, self._acting(call))
                else:
                    result = calls.read(self.db, self.actor, self._acting(call))
            except calls.ConnectionLost as lost:
                log.warning("database server lost: %s", lost)
                self.connection.notice_lost()
                raise ServerUnreachable(
                    lost_message(write=write, maybe_saved=lost.maybe_committed),
                    maybe_saved=lost.maybe_committed,
                ) from lost
            except SQLAlchemyError as error:
                log.warning("database call failed: %s", error)
                raise (problem_of(error) or DatabaseProblem(_database_message(write))) from error
        except DomainError as error:
            if status is not None:
                status.show_error(error.message)
            raise
        return result

    def _acting(self, call: Callable[[Session, Actor], T]) -> Callable[[Session, Actor], T]:
        def acting(session: Session, actor: Actor) -> T:
            self.actor = actor
            return call(session, actor)

        return acting

    def save_settings(self, new: Settings) -> None:
        """Keep and persist the machine's settings; OSError when the data folder is read-only."""
        self.settings = new
        settings_module.save(new)

    def data_changed(self) -> None:
        for callback in list(self.on_data_changed):
            callback()


def _database_message(write: bool) -> str:
    if write:
        return QCoreApplication.translate(
            "DeskContext",
            "The database could not be written, so nothing was changed. "
            "Please try again in a moment; if it keeps happening, call the administrator.",
        )
    return QCoreApplication.translate(
        "DeskContext",
        "The database could not be read. "
        "Please try again in a moment; if it keeps happening, call the administrator.",
    )
