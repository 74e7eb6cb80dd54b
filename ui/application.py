"""Start the desk: logging, settings, Qt, font, translations, database, then setup, login and the
main window. Only what start-up needs is imported here; the rest waits until it is used."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.cli import StartOptions

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication, QWidget

    from app.db import Database
    from app.errors import DomainError
    from app.security import Actor
    from app.settings import Settings
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

APP_NAME = "YoulinDesk"
EXIT_PROBLEM = 2


def run(options: StartOptions) -> int:
    """Run the desk until it is closed; the process's exit code."""
    from app import i18n, logs
    from app import settings as settings_module

    log_path = logs.set_up()
    machine = settings_module.load()
    language = options.language or machine.language
    i18n.set_language(language)
    # SQLAlchemy, the mappings and the password hash are most of start-up: let them run in a
    # worker thread while this one starts Qt.
    opening = DatabaseStart(options)
    opening.start()

    from PySide6.QtWidgets import QApplication

    from ui import errors

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


class DatabaseStart(threading.Thread):
    """Open the database at the program's schema, read what the first window needs and try the
    autologin — in a worker thread, while the main thread starts Qt. Touches no Qt object."""

    def __init__(self, options: StartOptions) -> None:
        super().__init__(name="youlin-database-start", daemon=True)
        self.options = options
        self._opened = Opened()

    def result(self) -> Opened:
        """Wait for the worker (or do the work here when it was never started)."""
        if self.ident is None:
            self.run()
        else:
            self.join()
        return self._opened

    def run(self) -> None:
        try:
            self._opened = self._open()
        except BaseException as error:  # handed to the main thread, which reports it
            self._opened = Opened(failure=error)

    def _open(self) -> Opened:
        from sqlalchemy.exc import SQLAlchemyError

        from app import migrate
        from app.backup import sqlite_file
        from app.cli import ensure_folder
        from app.db import Database
        from app.errors import DatabaseProblem
        from app.i18n import translate
        from app.services import centre

        url = self.options.database_url
        path = sqlite_file(url)
        existed = path is not None and path.exists()
        db: Database | None = None
        try:
            ensure_folder(url)
            db = Database(url)
            migrate.upgrade(db)
            with db.session() as session:
                needs_setup = centre.needs_setup(session)
                profile = centre.get_profile(session)
        except DatabaseProblem as problem:
            message = problem.message
        except (SQLAlchemyError, OSError) as error:
            log.exception("database %s unusable", url)
            message = translate("Application", "The database can't be used: %1").replace(
                "%1", str(error).splitlines()[0][:200]
            )
        else:
            opened = Opened(db, "", needs_setup, profile.name if profile else "")
            if self.options.autologin is not None and not needs_setup:
                from ui.login import check_credentials

                opened.login = check_credentials(db, *self.options.autologin)
            import app.services.home  # noqa: F401  (the Home desk's queries, imported here)

            return opened
        if db is not None:
            db.dispose()
        if path is not None and not existed:
            _remove_new_file(path)  # nothing half-created is left behind
        return Opened(problem=message)


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

    # --- start -----------------------------------------------------------------------------

    def start(self) -> int:
        """Show the first window and run until the program ends; the exit code."""
        first = self.begin()
        if isinstance(first, int):
            return first
        if self.options.smoke:
            self.app.processEvents()
            log.info("smoke: %s shown", first.objectName())
            return 0
        return self.app.exec()

    def begin(self) -> QWidget | int:
        """Show the first window that waits for a person (setup wizard, login or main window),
        or return the exit code when the program can't go on."""
        # The windows' modules load while the worker waits on SQLite and the password hash
        # (both let go of the GIL). No import deadlock: no app.* module imports ui.*, and the
        # worker imports ui.login only between its imports, holding no module lock.
        import ui.home.desk
        import ui.login
        import ui.main_window  # noqa: F401

        opened = self.opening.result()
        if opened.failure is not None:
            raise opened.failure
        if opened.db is None:
            self._problem(opened.problem)
            return EXIT_PROBLEM
        self.db = opened.db
        self.centre_name = opened.centre_name
        if opened.needs_setup and not self.options.demo:
            first: QWidget | int = self._show_wizard()
        elif opened.login is not None:
            first = self._logged_in(opened.login)
        else:
            first = self._after_setup()
        return first

    def _after_setup(self) -> QWidget | int:
        if self.options.autologin is not None:
            return self._autologin(*self.options.autologin)
        return self._show_login()

    def _autologin(self, username: str, password: str) -> QWidget | int:
        from ui.login import check_credentials

        assert self.db is not None
        return self._logged_in(check_credentials(self.db, username, password))

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
        return wizard

    def _show_login(self) -> QWidget:
        from ui.login import LoginDialog

        assert self.db is not None
        login = LoginDialog(
            self.db, self.settings, demo=self.options.demo, centre_name=self.centre_name
        )
        login.accepted.connect(self.on_login_accepted)
        login.rejected.connect(self.on_dialog_rejected)
        self._set_dialog(login)
        login.show()
        login.raise_()
        login.activateWindow()
        return login

    def _show_main(self, actor: Actor) -> QWidget:
        from ui.context import DeskContext
        from ui.main_window import MainWindow

        assert self.db is not None
        context = DeskContext(
            self.db,
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
        return window

    def _set_dialog(self, dialog: QWidget | None) -> None:
        old, self.dialog = self.dialog, dialog
        if old is not None and old is not dialog:
            old.hide()
            old.deleteLater()

    def _centre_name(self) -> str:
        """The centre's name as the database has it now (it changes in setup and Settings)."""
        from app.services import centre

        assert self.db is not None
        with self.db.session() as session:
            profile = centre.get_profile(session)
        self.centre_name = profile.name if profile is not None else ""
        return self.centre_name

    def apply_text_size(self, size: str) -> None:
        from ui import style

        style.apply_text_size(self.app, size)

    # --- slots -----------------------------------------------------------------------------

    def on_wizard_accepted(self) -> None:
        from ui.setup_wizard import SetupWizard

        wizard = self.dialog
        if isinstance(wizard, SetupWizard) and wizard.actor is not None:
            self.settings = _remember_username(self.settings, wizard.actor.username)
        self._centre_name()
        result = self._after_setup()
        if isinstance(result, int):
            self.app.exit(result)

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
        self.app.exit(0)

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
        self.app.exit(0)

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
        if self.db is not None:
            self.db.dispose()
            self.db = None


def _remove_new_file(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            candidate.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove %s", candidate)


def _remember_username(settings: Settings, username: str) -> Settings:
    from dataclasses import replace

    from app import settings as settings_module

    new = replace(settings, last_username=username)
    try:
        settings_module.save(new)
    except OSError:
        log.warning("could not remember the last user name", exc_info=True)
    return new
