"""First run: the setup wizard on an empty database, typed into as an administrator would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import i18n
from app.db import Database
from app.models import Account, AuditEvent, Centre, Role
from app.services import accounts, centre
from ui.errors import FieldMessage
from ui.setup_wizard import SetupWizard

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

FIELDS = {
    "setup.name": "东社区邻里中心",
    "setup.address": "友邻路1号",
    "setup.phone": "021-12345678",
    "setup.adminUsername": "wang",
    "setup.adminName": "王主任",
    "setup.password": "long enough 1",
    "setup.password2": "long enough 1",
}


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


@pytest.fixture
def wizard(qtbot: QtBot, db: Database) -> SetupWizard:
    with db.write() as session:
        assert centre.needs_setup(session)
    dialog = SetupWizard(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(qtbot: QtBot, wizard: SetupWizard, **changes: str) -> None:
    for name, text in (FIELDS | {f"setup.{k}": v for k, v in changes.items()}).items():
        edit = wizard.findChild(QLineEdit, name)
        assert edit is not None, name
        assert edit.accessibleName(), name
        edit.clear()
        type_text(qtbot, edit, text)


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Latin keys one by one; hanzi the way a Chinese input method hands them over (QTest can
    only press keys that exist on a keyboard)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _submit(qtbot: QtBot, wizard: SetupWizard) -> None:
    button = wizard.findChild(QPushButton, "setup.submit")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _counts(db: Database) -> tuple[int, int, int]:
    with db.write() as session:
        return (
            session.scalar(select(func.count()).select_from(Centre)) or 0,
            session.scalar(select(func.count()).select_from(Account)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def test_setup_writes_the_centre_and_the_first_admin(
    qtbot: QtBot, db: Database, wizard: SetupWizard
) -> None:
    _fill(qtbot, wizard)
    with qtbot.waitSignal(wizard.accepted):
        _submit(qtbot, wizard)
    assert wizard.actor is not None and wizard.actor.role == Role.ADMIN
    with db.write() as session:
        profile = centre.get_profile(session)
        assert profile is not None
        assert (profile.name, profile.address, profile.phone) == (
            "东社区邻里中心",
            "友邻路1号",
            "021-12345678",
        )
        account = session.scalar(select(Account).where(Account.username == "wang"))
        assert account is not None
        assert (account.display_name, account.role) == ("王主任", Role.ADMIN.value)
        assert accounts.login(session, "wang", "long enough 1").username == "wang"
        assert not centre.needs_setup(session)


def test_passwords_that_differ_are_said_beside_the_second_and_nothing_is_written(
    qtbot: QtBot, db: Database, wizard: SetupWizard
) -> None:
    _fill(qtbot, wizard, password2="long enough 2")
    _submit(qtbot, wizard)
    message = wizard.findChild(FieldMessage, "setup.password2Message")
    second = wizard.findChild(QLineEdit, "setup.password2")
    assert message is not None and second is not None
    assert message.isVisible() and "not the same" in message.text()
    assert wizard.message("password2") == message.text()
    assert message.geometry().top() >= second.geometry().bottom()
    assert second.text() == ""
    assert wizard.focusWidget() is second
    assert wizard.isVisible() and wizard.actor is None
    assert _counts(db) == (0, 0, 0)


@pytest.mark.parametrize(
    ("field", "value", "object_name"),
    [
        ("name", " ", "setup.name"),
        ("phone", "12345", "setup.phone"),
        ("adminUsername", "王", "setup.adminUsername"),
        ("adminName", " ", "setup.adminName"),
    ],
)
def test_a_service_refusal_is_shown_beside_its_field(
    qtbot: QtBot, db: Database, wizard: SetupWizard, field: str, value: str, object_name: str
) -> None:
    _fill(qtbot, wizard, **{field: value})
    _submit(qtbot, wizard)
    message = wizard.findChild(FieldMessage, f"{object_name}Message")
    assert message is not None and message.isVisible() and message.text()
    assert wizard.focusWidget() is wizard.findChild(QLineEdit, object_name)
    shown = [m for m in wizard.findChildren(FieldMessage) if m.isVisible()]
    assert shown == [message]
    assert _counts(db) == (0, 0, 0)


def test_a_short_password_is_refused_beside_the_password(
    qtbot: QtBot, db: Database, wizard: SetupWizard
) -> None:
    _fill(qtbot, wizard, password="short", password2="short")
    _submit(qtbot, wizard)
    assert "at least 8" in wizard.message("password")
    assert _counts(db) == (0, 0, 0)
