"""Which window is up — setup wizard, login dialog or main window — and moving between them;
started by ui.application.run with the database opening in a worker thread."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from app.start import StartOptions
from ui.application import EXIT_BUG, EXIT_PROBLEM, DatabaseStart, retention_in_background

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication, QWidget

    from app.backup.copies import Manifest
    from app.backup.service import DailyBackup
    from app.db import Database
    from app.errors import DomainError
    from app.quickstart import QuickStart
    from app.security import Actor
    from app.settings import Settings
    from app.whats_new import Release
    from ui.main_window import MainWindow
    from ui.whats_new import WhatsNewDialog

log = logging.getLogger(__name__)

# A file to write time.time() to once the main window has painted (the start-up benchmark).
STARTUP_MARK_ENV = "YOULIN_STARTUP_MARK"
SMOKE_TIMEOUT_S = 60.0


class _Notifier(QObject):
    """Carries "the database is open" from the worker thread to the GUI thread (queued)."""

    opened = Signal()


class Shell:
    """Which window is up: setup wizard, login dialog or main window, and moving between them."""

    def __init__(
        self,
        app: QApplication,
        options: StartOptions,
        settings: Settings,
        translators: list[QTranslator],
        opening: DatabaseStart | None = None,
    ) -> None:
        self.app = app
        self.options = options
        self.opening = opening or DatabaseStart(options)
        self.settings = settings
        self.translators = translators  # kept alive: Qt doesn't own installed translators
        self.db: Database | None = None
        self.centre_name = ""
        self.window: MainWindow | None = None
        self.dialog: QWidget | None = None
        self._opened_code: int | None = None  # set once the worker's opening is taken
        self._problem_text = ""
        self._first_exposed = False
        self._marked = False
        self._exit_code: int | None = None  # the program is to end with this code
        self._looping = False  # inside start()'s app.exec()
        self.daily_backup: DailyBackup | None = None
        self.whats_new: tuple[Release, ...] = ()  # to show after the next login, once
        self.whats_new_dialog: WhatsNewDialog | None = None
        self._notifier = _Notifier()
        self._notifier.opened.connect(self.on_database_opened, Qt.ConnectionType.QueuedConnection)

    # --- start -----------------------------------------------------------------------------

    def start(self) -> int:
        """Show the first window and run until the program ends; the exit code."""
        first = self.begin()
        if isinstance(first, int):
            return first
        if self.options.smoke:
            return self._smoke(first)
        if self._exit_code is not None:  # asked to end before the event loop ran
            return self._exit_code
        self._looping = True
        try:
            return self.app.exec()
        finally:
            self._looping = False

    def exit(self, code: int) -> None:
        """End the program with `code` (the first code asked for wins).

        Only a running `app.exec()` is left: QCoreApplication.exit() outside it would set Qt's
        quit flag, after which every QEventLoop.exec() returns at once (a modal dialog, a
        test's wait). Before the loop runs, `start` returns the remembered code instead.
        """
        if self._exit_code is None:
            self._exit_code = code
        if self._looping:
            self.app.exit(self._exit_code)

    @property
    def exit_code(self) -> int | None:
        """The code the program was asked to end with, if it was."""
        return self._exit_code

    def _smoke(self, first: QWidget) -> int:
        """Prove the whole start: the first window painted, the database opened (in the
        background when the window came first) and the Home desk's figures read."""
        deadline = time.monotonic() + SMOKE_TIMEOUT_S
        while not self._first_exposed and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.001)
        if not self._first_exposed:
            log.error("smoke: %s was never exposed", first.objectName())
            return EXIT_BUG
        log.info("smoke: %s shown", first.objectName())
        code = self._database_opened()
        if code:
            return code
        self.app.processEvents()
        if self.window is not None:
            home = self.window.desk("home")
            if getattr(home, "figures", None) is None:
                print("smoke: the Home desk could not read its figures", file=sys.stderr)
                log.error("smoke: the Home desk has no figures")
                return EXIT_BUG
            log.info("smoke: home figures loaded")
        return 0

    def begin(self) -> QWidget | int:
        """Show the first window that waits for a person (setup wizard, login or main window),
        or return the exit code when the program can't go on."""
        self._check_version()
        # The windows' modules load while the worker waits on SQLite and the password hash
        # (both let go of the GIL). No import deadlock: no app.* module imports ui.*, and the
        # worker imports ui.login only between its imports, holding no module lock.
        import ui.home.desk
        import ui.login
        import ui.main_window  # noqa: F401

        quick = self.opening.quick_start()
        if quick is not None:
            return self._begin_quickly(quick)
        code = self._database_opened()
        if code:
            return code
        opened = self.opening.result()
        self.centre_name = opened.centre_name
        if opened.needs_setup and not self.options.demo:
            first: QWidget | int = self._show_wizard()
        elif opened.login is not None:
            first = self._logged_in(opened.login)
        else:
            first = self._after_setup()
        return first

    def _check_version(self) -> None:
        """After an upgrade, what changed waits for the login (`whats_new`); a new installation
        records this version silently. Never for a packaging check."""
        if self.options.smoke:
            return
        from app import paths, whats_new

        decision = whats_new.at_start(
            paths.settings_path().exists(), self.settings.last_seen_version
        )
        if decision.show:
            self.whats_new = decision.show
        elif decision.record:
            self._record_version()

    def _record_version(self) -> None:
        from dataclasses import replace

        from app import __version__
        from app import settings as settings_module

        self.settings = replace(self.settings, last_seen_version=__version__)
        try:
            settings_module.save(self.settings)
        except OSError:
            log.warning("could not record the version seen", exc_info=True)

    def _show_whats_new(self, window: QWidget) -> None:
        """What changed, over the main window just opened: once (recorded now), not modal."""
        from ui.whats_new import WhatsNewDialog

        releases, self.whats_new = self.whats_new, ()
        dialog = WhatsNewDialog(releases, window)
        self.whats_new_dialog = dialog
        dialog.destroyed.connect(self.on_whats_new_destroyed)
        dialog.show()
        dialog.raise_()

    def on_whats_new_destroyed(self) -> None:
        self.whats_new_dialog = None

    def _begin_quickly(self, quick: QuickStart) -> QWidget | int:
        """The first window from the quick look, while the worker opens the database."""
        from app.errors import DomainError

        self.centre_name = quick.centre_name
        self.opening.when_done(self._notifier.opened.emit)
        if isinstance(quick.login, DomainError):
            self.opening.result()  # the refusal is audited before the program ends
            return self._logged_in(quick.login)
        if quick.login is not None:
            return self._logged_in(quick.login)
        return self._show_login()

    def _database_opened(self) -> int:
        """Take the worker's opening (waiting for it) and give the database to the windows up
        already; 0, or the exit code after saying why the program can't go on."""
        if self._opened_code is not None:
            return self._opened_code
        opened = self.opening.result()
        if opened.failure is not None:
            self._opened_code = EXIT_BUG
            raise opened.failure
        if opened.db is None and opened.damaged is not None and self._restored(opened.damaged):
            self.opening = DatabaseStart(self.options)
            return self._database_opened()
        if opened.db is None:
            self._opened_code = EXIT_PROBLEM
            self._problem_text = opened.problem
            self._problem(opened.problem)
            self.exit(EXIT_PROBLEM)
            return EXIT_PROBLEM
        self._opened_code = 0
        self.db = opened.db
        self._start_daily_backup(opened.db)
        if self.window is not None:
            self.window.context.set_database(opened.db)
        return 0

    def _start_daily_backup(self, db: Database) -> None:
        """The day's backup in its own thread, once the database is open, then the day's
        retention run (never for the demo's throw-away centre or a packaging check)."""
        if self.options.demo or self.options.smoke:
            return
        from app.backup.service import DailyBackup

        self.daily_backup = DailyBackup(db)
        self.daily_backup.start()
        retention_in_background(db, after=self.daily_backup)

    def _restored(self, path: Path) -> bool:
        """The database file is damaged: offer the newest verified backup; True once restored."""
        from app.backup import copies, restore, service
        from app.errors import DomainError

        newest = restore.newest_verified(copies.default_folder(), path.stem)
        if newest is None or not self.ask_restore(path, newest):
            return False
        try:
            aside, _counts = service.restore_damaged(path, newest.path)
        except DomainError as error:
            self._problem(error.message)
            return False
        log.warning("restored %s from %s; the damaged file is kept as %s", path, newest.path, aside)
        return True

    def ask_restore(self, path: Path, newest: Manifest) -> bool:
        """Ask whether to restore `newest` over the damaged `path` (tests answer it instead)."""
        from ui.restore_offer import RestoreOffer

        if self.options.smoke:
            return False
        offer = RestoreOffer(path, newest)
        try:
            return offer.exec() == RestoreOffer.DialogCode.Accepted
        finally:
            offer.deleteLater()

    def database(self) -> Database:
        """The open database, waiting for start-up's worker when it is still opening it."""
        from app.errors import DatabaseProblem

        if self.db is None:
            self._database_opened()
        if self.db is None:
            raise DatabaseProblem(self._problem_text)
        return self.db

    def _database_source(self) -> Database | Callable[[], Database]:
        """The database for a window: itself when open, else how to wait for it."""
        return self.db if self.db is not None else self.database

    def _after_exposed(self, widget: QWidget, callback: Callable[[], None]) -> None:
        """Call back once `widget`'s window is exposed, so it has painted once: a zero timer
        after showing it, again while the window system hasn't exposed it yet."""

        def check() -> None:
            try:
                handle = widget.windowHandle()
                waiting = widget.isVisible() and (handle is None or not handle.isExposed())
            except RuntimeError:  # deleted meanwhile
                waiting = False
            if waiting:
                QTimer.singleShot(1, check)
            else:
                callback()

        QTimer.singleShot(0, check)

    def _shown(self, widget: QWidget) -> None:
        """A window was shown; the first one lets the worker load SQLAlchemy once painted."""
        if not self._first_exposed:
            self._after_exposed(widget, self.on_first_window_exposed)

    def _after_setup(self) -> QWidget | int:
        if self.options.autologin is not None:
            return self._autologin(*self.options.autologin)
        return self._show_login()

    def _autologin(self, username: str, password: str) -> QWidget | int:
        from ui.login import check_credentials

        return self._logged_in(check_credentials(self.database(), username, password))

    def _logged_in(self, result: Actor | DomainError) -> QWidget | int:
        from app.errors import DomainError

        if isinstance(result, DomainError):
            username = self.options.autologin[0] if self.options.autologin else ""
            self._problem(
                QCoreApplication.translate("Application", "Automatic login as %1 failed: %2")
                .replace("%1", username)
                .replace("%2", result.message)
            )
            return EXIT_PROBLEM
        return self._show_main(result)

    def _problem(self, message: str) -> None:
        """Say why the program can't go on: on stderr, in the log, and in a message box."""
        from ui.errors import problem_box

        print(message, file=sys.stderr, flush=True)
        log.error("start-up problem: %s", message)
        box = problem_box(
            QCoreApplication.translate("Application", "Youlin Desk can't start"), message
        )
        if self.options.smoke:
            box.show()
            self.app.processEvents()
            box.hide()
        else:
            box.exec()
        box.deleteLater()

    # --- windows ---------------------------------------------------------------------------

    def _show_wizard(self) -> QWidget:
        from ui.setup_wizard import SetupWizard

        assert self.db is not None
        wizard = SetupWizard(self.db)
        wizard.accepted.connect(self.on_wizard_accepted)
        wizard.rejected.connect(self.on_dialog_rejected)
        self._set_dialog(wizard)
        wizard.show()
        self._shown(wizard)
        return wizard

    def _show_login(self) -> QWidget:
        from ui.login import LoginDialog

        login = LoginDialog(
            self._database_source(),
            self.settings,
            demo=self.options.demo,
            centre_name=self.centre_name,
        )
        login.accepted.connect(self.on_login_accepted)
        login.rejected.connect(self.on_dialog_rejected)
        self._set_dialog(login)
        login.show()
        login.raise_()
        login.activateWindow()
        self._shown(login)
        return login

    def _show_main(self, actor: Actor) -> QWidget:
        from ui.context import DeskContext
        from ui.main_window import MainWindow

        if self.whats_new:
            self._record_version()  # before the window's context takes the settings
        context = DeskContext(
            self._database_source(),
            actor,
            self.settings,
            demo=self.options.demo,
            apply_text_size=self.apply_text_size,
        )
        window = MainWindow(context, self.centre_name)
        context.on_data_changed.append(self.on_data_changed)
        window.switch_user_requested.connect(self.on_switch_user_requested)
        window.quit_requested.connect(self.on_quit_requested)
        self.window = window
        window.show()
        self._shown(window)
        if self.whats_new:
            self._show_whats_new(window)
        if not self._marked:
            self._marked = True
            self._after_exposed(window, _write_startup_mark)
        return window

    def _set_dialog(self, dialog: QWidget | None) -> None:
        old, self.dialog = self.dialog, dialog
        if old is not None and old is not dialog:
            old.hide()
            old.deleteLater()

    def _centre_name(self) -> str:
        """The centre's name as the database has it now (it changes in setup and Settings)."""
        from app.services import centre

        with self.database().write() as session:
            profile = centre.get_profile(session)
        self.centre_name = profile.name if profile is not None else ""
        return self.centre_name

    def apply_text_size(self, size: str) -> None:
        from ui import style

        style.apply_text_size(self.app, size)

    # --- slots -----------------------------------------------------------------------------

    def on_first_window_exposed(self) -> None:
        self._first_exposed = True
        self.opening.proceed()

    def on_database_opened(self) -> None:
        try:
            self._database_opened()
        except Exception:
            self.exit(EXIT_BUG)  # no window can go on without the database
            raise  # to the excepthook, which reports the bug

    def on_wizard_accepted(self) -> None:
        from ui.setup_wizard import SetupWizard

        wizard = self.dialog
        if isinstance(wizard, SetupWizard) and wizard.actor is not None:
            self.settings = _remember_username(self.settings, wizard.actor.username)
        self._centre_name()
        result = self._after_setup()
        if isinstance(result, int):
            self.exit(result)

    def on_login_accepted(self) -> None:
        from ui.login import LoginDialog

        login = self.dialog
        if not isinstance(login, LoginDialog) or login.actor is None:
            return
        self.settings = login.settings
        self._set_dialog(None)
        self._show_main(login.actor)

    def on_dialog_rejected(self) -> None:
        self._set_dialog(None)
        self.exit(0)

    def on_switch_user_requested(self) -> None:
        window = self.window
        if window is None:
            return
        self.settings = window.context.settings
        self._show_login()
        self.window = None
        window.close_for_switch()
        window.deleteLater()

    def on_quit_requested(self) -> None:
        self.exit(0)

    def on_data_changed(self) -> None:
        if self.window is not None:
            self.window.update_title(self._centre_name())

    # --- end -------------------------------------------------------------------------------

    def close(self) -> None:
        """Let go of windows and the database (parentless widgets must be deleted by Qt)."""
        from PySide6.QtCore import QEvent

        for widget in (self.window, self.dialog):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.window = None
        self.dialog = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        db = self.db
        if self.opening.ident is not None:
            # Let the worker finish: the login it is to record is never lost.
            db = db or self.opening.result().db
        if self.daily_backup is not None:
            self.daily_backup.join()  # a backup half-written is thrown away: let it finish
        if db is not None:
            db.dispose()
        self.db = None


def _write_startup_mark() -> None:
    """For the start-up benchmark: when the main window has painted, the wall clock (and this
    process's CPU seconds so far) into the file named by YOULIN_STARTUP_MARK."""
    target = os.environ.get(STARTUP_MARK_ENV)
    if not target:
        return
    try:
        Path(target).write_text(f"{time.time():.6f} {time.process_time():.6f}\n", encoding="ascii")
    except OSError:
        log.warning("could not write the start-up mark %s", target, exc_info=True)


def _remember_username(settings: Settings, username: str) -> Settings:
    from dataclasses import replace

    from app import settings as settings_module

    new = replace(settings, last_username=username)
    try:
        settings_module.save(new)
    except OSError:
        log.warning("could not remember the last user name", exc_info=True)
    return new
