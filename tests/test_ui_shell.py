"""The application shell from first start to switching user, without blocking on an event loop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import i18n, paths
from app import settings as settings_module
from app.db import Database
from app.models import AuditEvent
from app.security import Actor
from app.start import StartOptions
from tests.conftest import PASSWORD
from ui.application import DatabaseStart, Opened
from ui.home.desk import HomeDesk
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.setup_wizard import SetupWizard
from ui.shell import Shell

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise)\(\)"
)


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def _shell(
    qapp: QApplication,
    db_path: Path,
    *,
    smoke: bool = False,
    demo: bool = False,
    autologin: tuple[str, str] | None = None,
) -> Shell:
    start = StartOptions(
        database_url=paths.sqlite_url(db_path),
        language="en",
        demo=demo,
        smoke=smoke,
        autologin=autologin,
    )
    return Shell(qapp, start, settings_module.load(), [], DatabaseStart(start))


@pytest.fixture
def shells() -> Iterator[list[Shell]]:
    made: list[Shell] = []
    yield made
    for shell in made:
        shell.close()


def test_first_start_goes_from_setup_to_login_to_the_main_window(
    qtbot: QtBot, qapp: QApplication, db: Database, db_path: Path, shells: list[Shell]
) -> None:
    db.dispose()
    shell = _shell(qapp, db_path)
    shells.append(shell)
    wizard = shell.begin()
    assert isinstance(wizard, SetupWizard) and wizard.isVisible()
    for edit, text in (
        (wizard.name, "East Centre"),
        (wizard.admin_username, "boss"),
        (wizard.admin_name, "Boss"),
        (wizard.password, PASSWORD),
        (wizard.password2, PASSWORD),
    ):
        qtbot.keyClicks(edit, text)
    assert wizard.submit_form()
    login = shell.dialog
    assert isinstance(login, LoginDialog) and login.isVisible()
    assert login.username.text() == "boss"  # remembered from the setup
    assert login.try_login("boss", PASSWORD)
    window = shell.window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert "East Centre" in window.windowTitle()
    assert shell.dialog is None


def test_switching_user_returns_to_the_login_and_opens_a_new_main_window(
    qtbot: QtBot, qapp: QApplication, db: Database, admin: Actor, desk: Actor, db_path: Path,
    shells: list[Shell],
) -> None:  # fmt: skip
    db.dispose()
    shell = _shell(qapp, db_path)
    shells.append(shell)
    login = shell.begin()
    assert isinstance(login, LoginDialog)
    assert login.try_login("desk", PASSWORD)
    first = shell.window
    assert first is not None and first.context.actor.username == "desk"
    first.switch_user_action.trigger()
    assert shell.window is None
    again = shell.dialog
    assert isinstance(again, LoginDialog) and again.isVisible()
    assert again.username.text() == "desk"
    assert again.try_login("admin", PASSWORD)
    assert shell.window is not None and shell.window.context.actor.username == "admin"
    assert "settings" in shell.window.desk_keys()


def test_autologin_opens_the_main_window_at_once(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell]
) -> None:
    db.dispose()
    shell = _shell(qapp, db_path, autologin=("admin", PASSWORD))
    shells.append(shell)
    window = shell.begin()
    assert isinstance(window, MainWindow)
    assert window.context.actor.username == "admin"


def test_a_failed_autologin_ends_with_exit_code_2(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db.dispose()
    shell = _shell(qapp, db_path, smoke=True, autologin=("admin", "wrong"))
    shells.append(shell)
    assert shell.begin() == 2
    assert "Wrong user name or password" in capsys.readouterr().err


def test_demo_mode_shows_the_demo_accounts(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell]
) -> None:
    db.dispose()
    shell = _shell(qapp, db_path, demo=True)
    shells.append(shell)
    login = shell.begin()
    assert isinstance(login, LoginDialog)
    assert login.findChild(object, "login.demo.admin") is not None


def _home(window: MainWindow) -> HomeDesk:
    home = window.desk("home")
    assert isinstance(home, HomeDesk)
    return home


def _enabled_desks(window: MainWindow) -> list[str]:
    return [
        key
        for row, key in enumerate(window.desk_keys())
        if window.nav.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    ]


def test_the_main_window_shows_before_the_database_opens_and_fills_in_after(
    qtbot: QtBot, qapp: QApplication, db: Database, admin: Actor, db_path: Path,
    shells: list[Shell],
) -> None:  # fmt: skip
    db.dispose()
    shell = _shell(qapp, db_path, autologin=("admin", PASSWORD))
    shells.append(shell)
    window = shell.begin()
    assert isinstance(window, MainWindow)
    # The worker waits for the window to be painted before it loads SQLAlchemy.
    assert not window.context.db_ready
    home = _home(window)
    assert home.loading and home.figures is None
    assert home.updated_label.text() == "Loading…"
    assert home.visits_card.number.text() == "…"
    assert not home.refresh_button.isEnabled()
    assert _enabled_desks(window) == ["home"]
    qtbot.waitUntil(lambda: window.context.db_ready, timeout=60_000)
    qtbot.waitUntil(lambda: home.figures is not None)
    assert not home.loading and home.refresh_button.isEnabled()
    assert _enabled_desks(window) == window.desk_keys()
    with window.context.db.write() as session:
        logins = list(
            session.scalars(select(AuditEvent.action).where(AuditEvent.action == "login"))
        )
    assert logins == ["login"]


def test_a_desk_asked_for_before_the_database_is_open_waits_for_it(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell]
) -> None:
    db.dispose()
    shell = _shell(qapp, db_path, autologin=("admin", PASSWORD))
    shells.append(shell)
    window = shell.begin()
    assert isinstance(window, MainWindow) and not window.context.db_ready
    assert window.desk("settings") is not None
    assert window.context.db_ready and shell.db is window.context.db
    assert _enabled_desks(window) == window.desk_keys()


def test_the_login_dialog_waits_for_the_database_to_log_in(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell]
) -> None:
    db.dispose()
    shell = _shell(qapp, db_path)
    shells.append(shell)
    login = shell.begin()
    assert isinstance(login, LoginDialog) and shell.db is None
    assert not login.try_login("admin", "wrong")
    assert shell.db is not None
    assert login.try_login("admin", PASSWORD)
    assert shell.window is not None and shell.window.context.db_ready


def test_smoke_fails_when_the_database_can_not_be_opened_behind_the_window(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db.dispose()

    def broken(self: DatabaseStart, quick: object) -> Opened:
        return Opened(problem="The disk is gone.")

    monkeypatch.setattr(DatabaseStart, "_open", broken)
    shell = _shell(qapp, db_path, smoke=True, autologin=("admin", PASSWORD))
    shells.append(shell)
    assert shell.start() == 2
    assert isinstance(shell.window, MainWindow)  # it was up before the problem was known
    assert "The disk is gone." in capsys.readouterr().err


def test_closing_the_login_before_the_event_loop_runs_only_remembers_the_exit(
    qtbot: QtBot, qapp: QApplication, db: Database, admin: Actor, db_path: Path,
    shells: list[Shell],
) -> None:  # fmt: skip
    """Quitting Qt outside its event loop would make every later loop return at once (the
    conftest's check fails any test that does): the shell remembers the code instead."""
    db.dispose()
    shell = _shell(qapp, db_path)
    shells.append(shell)
    login = shell.begin()
    assert isinstance(login, LoginDialog)
    login.reject()
    assert shell.exit_code == 0
    fired: list[bool] = []
    QTimer.singleShot(10, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=2000)


def test_quitting_the_main_window_ends_the_event_loop_with_0(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell]
) -> None:
    db.dispose()
    shell = _shell(qapp, db_path, autologin=("admin", PASSWORD))
    shells.append(shell)

    def quit_when_up() -> None:
        if shell.window is None or not shell.window.isVisible():
            QTimer.singleShot(10, quit_when_up)
        else:
            shell.window.quit_action.trigger()

    QTimer.singleShot(0, quit_when_up)
    guard = QTimer()  # never hang the suite
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(3))
    guard.start(30_000)
    # As the program runs (ui.application): the shell, not the last window, ends the program.
    qapp.setQuitOnLastWindowClosed(False)
    try:
        assert shell.start() == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
        guard.stop()
    assert shell.exit_code == 0
