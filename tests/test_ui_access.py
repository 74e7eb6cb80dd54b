"""Access at the desks: the lock message at login and on a locked desk, unlocking an account,
the admin's idle period (the desk locks and what was typed survives), the audit log page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app import clock, i18n, passwords
from app import settings as settings_module
from app.db import Database
from app.security import Actor
from app.services import centre
from app.settings import Settings
from tests.conftest import PASSWORD
from ui.context import DeskContext
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.settings.accounts_page import AccountsPage
from ui.settings.audit_page import AuditPage
from ui.settings.lock_page import LockPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

WRONG = "not the password"


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def _context(db: Database, actor: Actor) -> DeskContext:
    return DeskContext(db, actor, settings_module.load())


def _window(qtbot: QtBot, db: Database, actor: Actor) -> MainWindow:
    window = MainWindow(_context(db, actor), "东社区邻里中心")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_fifth_wrong_password_at_login_says_until_when(
    qtbot: QtBot, db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    dialog = LoginDialog(db, Settings(), centre_name="东社区邻里中心")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(4):
        assert not dialog.try_login("desk", WRONG)
    assert dialog.messages.text("password") == passwords.wrong_message()
    assert not dialog.try_login("desk", WRONG)
    assert "09:45" in dialog.messages.text("password")
    assert not dialog.try_login("desk", PASSWORD)  # the right password waits too
    assert dialog.messages.text("password") == passwords.locked_message(
        dt.datetime(2026, 11, 25, 9, 45)
    )
    assert dialog.actor is None


def test_a_locked_desk_counts_wrong_passwords_too(
    qtbot: QtBot, db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    window = _window(qtbot, db, desk)
    window.lock()
    assert "15 minutes" in window.lock_panel.idle_text()
    for _ in range(5):
        assert not window.lock_panel.try_unlock(WRONG)
    assert "09:45" in window.lock_panel.message_text()
    assert not window.lock_panel.try_unlock(PASSWORD)
    assert window.is_locked
    clock_at.advance(dt.timedelta(minutes=16))
    assert window.lock_panel.try_unlock(PASSWORD)
    assert not window.is_locked


def test_the_admin_unlocks_an_account_on_the_accounts_page(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, clock_at: clock.FixedClock
) -> None:
    from tests.test_account_lockout import attempt

    for _ in range(5):
        attempt(db, "desk", WRONG)
    page = AccountsPage(_context(db, admin))
    qtbot.addWidget(page)
    page.show()
    assert page.select_username("desk")
    row = page.model().row_of(desk.account_id)
    status = page.model().index(row, page.model().STATUS).data()
    assert status == "Locked until 09:45"
    unlock = page.findChild(QPushButton, "settings.accounts.unlock")
    assert unlock is not None and unlock.isEnabled() and unlock.accessibleName() == "Unlock"
    unlock.click()
    assert page.last_message() == "desk is unlocked and may sign in again now."
    assert not unlock.isEnabled()
    assert isinstance(attempt(db, "desk", PASSWORD), Actor)


def test_the_admins_idle_period_locks_the_desk_and_keeps_what_was_typed(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor
) -> None:
    page = LockPage(_context(db, admin))
    qtbot.addWidget(page)
    assert page.minutes() == 15
    assert page.set_minutes(2)
    assert "2 minutes" in page.last_message()

    window = _window(qtbot, db, desk)
    assert window.idle.timer.interval() == 2 * 60_000
    assert "2 minutes" in window.lock_panel.idle_text()
    search = window.findChild(QLineEdit, "reception.search")
    assert search is not None
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "5678")
    window.idle.timer.start(50)  # the two minutes, shortened: the timer is the idle clock
    qtbot.waitUntil(lambda: window.is_locked, timeout=2000)
    assert window.lock_panel.try_unlock(PASSWORD)
    assert search.text() == "5678"
    assert window.idle.timer.isActive() and window.idle.timer.interval() == 2 * 60_000


def test_only_an_admin_saves_the_idle_period(qtbot: QtBot, db: Database, staff: Actor) -> None:
    page = LockPage(_context(db, staff))
    qtbot.addWidget(page)
    assert not page.set_minutes(30)
    assert page.last_message().startswith("Not saved:")
    with db.read() as session:
        assert centre.idle_lock_minutes(session) == 15


def test_the_audit_page_lists_filters_and_exports(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, tmp_path: Path
) -> None:
    from tests.test_account_lockout import attempt

    attempt(db, "desk", WRONG)
    attempt(db, "desk", PASSWORD)
    page = AuditPage(_context(db, admin))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    model = page.model()
    descriptions = [model.line(row).description for row in range(model.rowCount())]
    assert "Logged in" in descriptions
    assert "Failed login as desk (wrong password 1 times in a row)" in descriptions
    page.set_filter(action="login_failed")
    assert model.rowCount() == 1 and model.total == 1
    assert model.index(0, model.ACTION).data() == "Failed login"
    exporter = page.export()
    dialog = exporter.dialog
    assert dialog is not None and dialog.isVisible()
    job = exporter.save_to(tmp_path / "audit.xlsx")  # as choosing the file in the dialog does
    dialog.reject()
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    qtbot.waitUntil(lambda: "Exported" in page.last_message(), timeout=5000)
    sheet = openpyxl.load_workbook(tmp_path / "audit.xlsx").active
    assert sheet is not None
    texts = [str(cell.value) for row in sheet.iter_rows() for cell in row]
    assert any("Failed login as desk" in text for text in texts)
    # The export is in the log now.
    page.set_filter(action="export")
    assert model.rowCount() == 1
    assert model.line(0).description.startswith("Exported Audit log: 1 rows")


def test_the_settings_desk_offers_the_idle_lock_and_the_audit_log(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from ui.settings.desk import SettingsDesk

    desk = SettingsDesk(_context(db, admin))
    qtbot.addWidget(desk)
    assert isinstance(desk.show_page("lock"), LockPage)
    assert isinstance(desk.show_page("audit"), AuditPage)
