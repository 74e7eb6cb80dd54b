"""Start the desk: logging, settings, database, Qt, font, translations, then setup, login and the
main window (ui.shell). Only what start-up needs is imported here; the rest waits until it is used.

For a centre's SQLite file already at this program's schema, the first window needs no
SQLAlchemy: a quick look with the standard library (app.quickstart) says enough for it, and a
worker thread loads SQLAlchemy and opens the database once the window is up. This module imports
no Qt at its top, so that the quick look starts before Qt loads.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.start import StartOptions

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from app.db import Database
    from app.errors import DomainError
    from app.quickstart import QuickStart
    from app.security import Actor

log = logging.getLogger(__name__)

APP_NAME = "YoulinDesk"
EXIT_PROBLEM = 2
EXIT_BUG = 1


def run(options: StartOptions) -> int:
    """Run the desk until it is closed; the process's exit code."""
    from app import i18n, logs
    from app import settings as settings_module

    log_path = logs.set_up()
    machine = settings_module.load()
    language = options.language or machine.language
    i18n.set_language(language)
    # The database's quick look (SQLite and the password hash, both letting go of the GIL) runs
    # in a worker thread while this one starts Qt; SQLAlchemy follows once the window is up.
    opening = DatabaseStart(options)
    opening.start()

    from PySide6.QtWidgets import QApplication

    from ui import errors, jobs
    from ui.shell import Shell

    jobs.share_the_interpreter()
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0], *options.qt_args])
    )
    translators = _prepare(app, language, machine.text_size, options.qt_args)
    reporter = errors.install_excepthook(log_path, may_block=not options.smoke)
    shell = Shell(app, options, machine, translators, opening)
    try:
        return shell.start()
    except Exception:
        if options.smoke:
            log.exception("start-up failed")
            traceback.print_exc()
        else:
            reporter.handle(*sys.exc_info())
        return 1
    finally:
        shell.close()
        reporter.uninstall()


@dataclass
class Opened:
    """What the database said at start-up."""

    db: Database | None = None
    problem: str = ""  # why the database can't be used, in the user's language
    needs_setup: bool = False
    centre_name: str = ""
    login: Actor | DomainError | None = None  # the autologin's outcome, when there is one
    failure: BaseException | None = None  # a bug, re-raised in the main thread
    damaged: Path | None = None  # the SQLite file SQLite says is damaged (restore is offered)


class DatabaseStart(threading.Thread):
    """Open the database in a worker thread, touching no Qt object.

    First a quick look with the standard library (app.quickstart). When it finds the file at
    this program's schema, it says enough for the first window (`quick_start`), which the main
    thread shows at once; the worker waits until told the window is up (`proceed`), so that
    importing SQLAlchemy doesn't compete with building the window for the interpreter, then
    opens the database fully and records the automatic login the quick look checked. Without a
    quick start the full opening runs at once and the first window waits for it (`result`).
    """

    def __init__(self, options: StartOptions) -> None:
        super().__init__(name="youlin-database-start", daemon=True)
        self.options = options
        self._quick: QuickStart | None = None
        self._opened = Opened()
        self._looked = threading.Event()
        self._may_open = threading.Event()
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._finished = False  # under _lock: the opening is over, `when_done` calls at once
        self._when_done: Callable[[], None] | None = None

    def quick_start(self) -> QuickStart | None:
        """What the quick look found (waiting for it); None when the first window must wait for
        the full opening instead."""
        self._ensure_started()
        self._looked.wait()
        return self._quick

    def proceed(self) -> None:
        """The first window is up: open the database fully now."""
        self._may_open.set()

    def result(self) -> Opened:
        """Wait for the full opening and return what it found."""
        self._ensure_started()
        self._may_open.set()
        self._done.wait()
        return self._opened

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def when_done(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the full opening is done: from the worker thread (so it must be
        thread-safe, like emitting a Qt signal), or at once when it is done already."""
        with self._lock:
            if not self._finished:
                self._when_done = callback
                return
        callback()

    def _ensure_started(self) -> None:
        if self.ident is None:
            self.start()

    def run(self) -> None:
        try:
            try:
                self._quick = self._look()
            finally:
                self._looked.set()
            if self._quick is not None:
                self._may_open.wait()
            self._opened = self._open(self._quick)
        except BaseException as error:  # handed to the main thread, which reports it
            self._opened = Opened(failure=error)
        finally:
            with self._lock:
                self._finished = True
                callback, self._when_done = self._when_done, None
            if callback is not None:
                try:
                    callback()
                except RuntimeError:  # the receiver is gone: the program is closing
                    log.debug("nobody to tell that the database is open", exc_info=True)
            # Only now: once `result()` returns, this thread touches nothing any more (the main
            # thread may be tearing Qt down; a signal emitted meanwhile would crash).
            self._done.set()

    def _look(self) -> QuickStart | None:
        from app import quickstart

        return quickstart.look(self.options.database_url, self.options.autologin)

    def _open(self, quick: QuickStart | None) -> Opened:
        from sqlalchemy.exc import SQLAlchemyError

        from app import migrate
        from app.backup import sqlite_file
        from app.db import Database
        from app.errors import DomainError
        from app.i18n import translate
        from app.services import centre
        from app.start import ensure_folder

        url = self.options.database_url
        path = sqlite_file(url)
        existed = path is not None and path.exists()
        db: Database | None = None
        try:
            ensure_folder(url)
            db = Database(url)
            migrate.upgrade(db)
            db.follow_its_clock()
            with db.read() as session:
                needs_setup = centre.needs_setup(session)
                profile = centre.get_profile(session)
            login = self._record_quick_login(db, quick) if quick is not None else None
        except DomainError as problem:
            message = problem.message
            damaged = self._damaged(path, existed, message)
            if damaged is not None:
                if db is not None:
                    db.dispose()
                return Opened(problem=message, damaged=damaged)
        except (SQLAlchemyError, OSError) as error:
            log.exception("database %s unusable", url)
            message = translate("Application", "The database can't be used: %1").replace(
                "%1", str(error).splitlines()[0][:200]
            )
        else:
            opened = Opened(db, "", needs_setup, profile.name if profile else "", login)
            if quick is None and self.options.autologin is not None and not needs_setup:
                from ui.login import check_credentials

                opened.login = check_credentials(db, *self.options.autologin)
            import app.services.home  # noqa: F401  (the Home desk's queries, imported here)

            return opened
        if db is not None:
            db.dispose()
        if path is not None and not existed:
            _remove_new_file(path)  # nothing half-created is left behind
        return Opened(problem=message)

    @staticmethod
    def _damaged(path: Path | None, existed: bool, message: str) -> Path | None:
        from app.backup.restore import looks_damaged

        if path is not None and existed and looks_damaged(message):
            log.error("the database file %s is damaged: %s", path, message)
            return path
        return None

    def _record_quick_login(self, db: Database, quick: QuickStart) -> Actor | DomainError | None:
        """Record the automatic login the quick look checked, as accounts.login would have: the
        login on the account and in the audit log, or the refusal in the audit log."""
        from app.roles import Actor
        from app.services import accounts

        if isinstance(quick.login, Actor):
            with db.write() as session:
                accounts.record_login(session, quick.login)
        elif quick.login is not None and self.options.autologin is not None:
            with db.write() as session:
                locked = accounts.record_failed_login(session, self.options.autologin[0])
            return locked or quick.login
        return quick.login


def _prepare(
    app: QApplication, language: str, text_size: str, qt_args: tuple[str, ...]
) -> list[QTranslator]:
    """Names, style, icon, font, text size, locale and translators of the running program."""
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QIcon

    from app import __version__, resources
    from ui import style

    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)  # the shell decides: switching user closes a window
    if "-style" not in qt_args:
        # One look on every machine; the text-size stylesheet is made for it.
        app.setStyle("Fusion")
    try:
        app.setWindowIcon(QIcon(str(resources.resource_path(resources.APP_ICON))))
    except FileNotFoundError:
        log.warning("the program's icon is missing")
    try:
        from ui.fonts import install_application_font

        install_application_font(app, style.text_size(text_size).point_size)
    except (OSError, RuntimeError):
        log.exception("the bundled font could not be loaded; Chinese may show as boxes")
    style.apply_text_size(app, text_size)
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        from ui.i18n import install_translators

        return install_translators(app, language)
    except (OSError, RuntimeError):
        log.exception("the interface translation could not be loaded")
        return []


def _remove_new_file(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            candidate.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove %s", candidate)


def retention_in_background(db: Database, after: threading.Thread | None = None) -> None:
    """The day's retention run (`app.services.retention.run_due`) in a thread of its own: the
    first run on years of data takes a while, and the desks work meanwhile (it writes in short
    batches). It waits for `after`, the day's backup, so what it anonymises is in a backup
    first. A failure is logged and tried again at the next start."""

    def run() -> None:
        from app.services import retention

        if after is not None:
            after.join()
        try:
            result = retention.run_due(db)
        except Exception:  # never stops the desk: the admin can run it from Settings
            log.warning("the retention run failed", exc_info=True)
            return
        if result is not None and (result.visits or result.requests):
            log.info(
                "retention: %d visits and %d requests anonymised in %.1f s",
                result.visits,
                result.requests,
                result.seconds,
            )

    threading.Thread(target=run, name="retention", daemon=True).start()
