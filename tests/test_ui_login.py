"""The login dialog driven as a volunteer would: wrong password, right password, demo accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import i18n
from app import settings as settings_module
from app.db import Database
from app.models import AuditEvent
from app.security import Actor
from app.settings import Settings
from app.start import DEMO_PASSWORD
from tests.conftest import PASSWORD
from ui.errors import FieldMessage
from ui.login import LoginDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def _dialog(
    qtbot: QtBot, db: Database, settings: Settings | None = None, **kwargs: bool
) -> LoginDialog:
    dialog = LoginDialog(db, settings or Settings(), centre_name="东社区邻里中心", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _widgets(dialog: LoginDialog) -> tuple[QLineEdit, QLineEdit, QPushButton]:
    username = dialog.findChild(QLineEdit, "login.username")
    password = dialog.findChild(QLineEdit, "login.password")
    submit = dialog.findChild(QPushButton, "login.submit")
    assert username is not None and password is not None and submit is not None
    return username, password, submit


def _actions(db: Database) -> list[str]:
    with db.write() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_every_field_has_a_name_a_screen_reader_can_say(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db)
    for widget in _widgets(dialog):
        assert widget.accessibleName()


def test_wrong_password_is_said_beside_the_field_and_nothing_opens(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    dialog = _dialog(qtbot, db)
    username, password, submit = _widgets(dialog)
    qtbot.keyClicks(username, "admin")
    qtbot.keyClicks(password, "not the password")
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)

    assert dialog.actor is None
    assert dialog.isVisible()
    message = dialog.findChild(FieldMessage, "login.passwordMessage")
    assert message is not None and message.isVisible()
    assert "Wrong user name or password" in message.text()
    # Beside the password field: right under it, in the same column.
    assert message.geometry().top() >= password.geometry().bottom()
    assert message.geometry().top() - password.geometry().bottom() < password.height()
    assert abs(message.geometry().left() - password.geometry().left()) < password.height()
    assert password.text() == ""
    assert dialog.focusWidget() is password
    assert not any(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets())
    actions = _actions(db)
    assert "login" not in actions
    assert actions[-1] == "login_failed"


def test_an_empty_user_name_is_asked_for_beside_its_field(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db)
    username, password, _submit = _widgets(dialog)
    qtbot.keyClicks(password, "whatever")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    message = dialog.findChild(FieldMessage, "login.usernameMessage")
    assert message is not None and message.isVisible() and message.text()
    assert dialog.focusWidget() is username


def test_right_password_gives_the_actor_and_remembers_the_user_name(
    qtbot: QtBot, db: Database, admin: Actor, data_dir: Path
) -> None:
    dialog = _dialog(qtbot, db)
    assert dialog.try_login("admin", "wrong password") is False
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.try_login("Admin ", PASSWORD) is True
    assert dialog.actor is not None
    assert dialog.actor.account_id == admin.account_id
    assert _actions(db)[-1] == "login"
    assert settings_module.load().last_username == "admin"
    assert dialog.settings.last_username == "admin"


def test_the_last_user_name_is_filled_in_and_the_password_awaits(
    qtbot: QtBot, db: Database
) -> None:
    dialog = _dialog(qtbot, db, Settings(last_username="desk"))
    username, password, _submit = _widgets(dialog)
    assert username.text() == "desk"
    assert dialog.focusWidget() is password


def test_demo_accounts_are_shown_and_fill_the_fields(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db, demo=True)
    username, password, _submit = _widgets(dialog)
    for name in ("desk", "staff", "admin"):
        button = dialog.findChild(QPushButton, f"login.demo.{name}")
        assert button is not None and button.isVisible() and button.accessibleName()
    staff = dialog.findChild(QPushButton, "login.demo.staff")
    assert staff is not None
    qtbot.mouseClick(staff, Qt.MouseButton.LeftButton)
    assert username.text() == "staff"
    assert password.text() == DEMO_PASSWORD


def test_demo_accounts_are_not_shown_outside_demo_mode(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db)
    assert dialog.findChild(QPushButton, "login.demo.admin") is None


def test_escape_does_not_close_the_dialog(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db)
    username, _password, _submit = _widgets(dialog)
    qtbot.keyClick(username, Qt.Key.Key_Escape)
    assert dialog.isVisible()
