"""Errors as a person meets them: beside the field, in a box, or one friendly dialog for a bug."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app import i18n
from app.errors import ConflictError, ValidationError
from ui.errors import ErrorReporter, FieldMessage, FieldMessages, show_domain_error

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def test_field_message_is_hidden_when_empty_and_says_the_error_in_words(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    message = FieldMessage("form.nameMessage", parent)
    parent.show()
    assert not message.isVisible()
    message.set_message("Please fill in the name.")
    assert message.isVisible()
    assert message.text() == "Please fill in the name."
    assert message.accessibleName() == "Please fill in the name."
    message.clear()
    assert not message.isVisible() and message.text() == ""


def test_field_messages_map_a_validation_error_to_its_field(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    name, phone = QLineEdit(form), QLineEdit(form)
    messages = FieldMessages()
    messages.add("name", name, FieldMessage("form.nameMessage", form))
    messages.add("phone", phone, FieldMessage("form.phoneMessage", form))
    form.show()
    assert messages.show(ValidationError("phone", "Enter a phone number.")) is True
    assert messages.text("phone") == "Enter a phone number."
    assert messages.text("name") == ""
    assert form.focusWidget() is phone
    assert messages.widget("name") is name
    assert messages.show(ValidationError("seal", "No.")) is False
    messages.clear()
    assert messages.text("phone") == ""


def test_a_domain_error_opens_a_box_that_does_not_block(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_domain_error(parent, ConflictError("This room is booked at that time."))
    assert box.isVisible()
    assert box.text() == "This room is booked at that time."
    box.close()


@pytest.fixture
def reporter(tmp_path: Path) -> Iterator[ErrorReporter]:
    hook = ErrorReporter(tmp_path / "logs" / "youlin-desk.log", may_block=False)
    hook.install()
    yield hook
    hook.uninstall()
    if hook.dialog is not None:
        hook.dialog.close()


class _Broken(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).end()
        raise RuntimeError("a bug while painting")


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_shows_one_friendly_dialog_and_logs_the_traceback(
    qtbot: QtBot, reporter: ErrorReporter, caplog: pytest.LogCaptureFixture
) -> None:
    button = QPushButton("go")
    qtbot.addWidget(button)

    def on_clicked() -> None:
        raise ZeroDivisionError("a bug in a slot")

    button.clicked.connect(on_clicked)
    button.show()
    with caplog.at_level(logging.ERROR):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a second error: logged only
    assert reporter.shown == 1
    dialog = reporter.dialog
    assert isinstance(dialog, QMessageBox) and dialog.isVisible()
    assert str(reporter.log_path) in dialog.text()
    assert "Traceback" not in dialog.text() and "ZeroDivisionError" not in dialog.text()
    assert dialog.detailedText() == ""
    errors = [r for r in caplog.records if r.exc_info]
    assert len(errors) == 2
    assert errors[0].exc_info is not None and errors[0].exc_info[0] is ZeroDivisionError


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_paint_event_reaches_the_dialog_too(
    qtbot: QtBot, reporter: ErrorReporter
) -> None:
    widget = _Broken()
    qtbot.addWidget(widget)
    widget.show()
    widget.repaint()
    qtbot.waitUntil(lambda: reporter.shown == 1)
    assert QApplication.instance() is not None
