"""The Service menu's print helpers: the blank-rows dialog, then the sign-in sheet in the
preview with its pages; the month's menu; a rare character said before printing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app import clock
from app.db import Database
from app.security import Actor
from tests.fallback_font import machine_fonts
from tests.rooms_ui import context
from tests.test_service_menu import make_menu
from tests.test_signin_sheet import NAMES, _lesson
from ui.menu import printing

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """The desk the dialogs open over."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_sheet_asks_for_blank_rows_then_opens_with_its_pages(
    qtbot: QtBot, db: Database, desk: Actor, parent: QWidget, chinese: None
) -> None:
    names = [f"{surname}{given}" for surname in "赵钱孙李周吴" for given in "伟芳娜敏静丽"]
    activity, _people = _lesson(db, names)  # 36 people
    dialog = printing.preview_signin_sheet(context(db, desk), parent, activity)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.blank_rows.value() == 10
    assert dialog.blank_rows.accessibleName() == "现场登记的空白行数"
    dialog.blank_rows.selectAll()
    qtbot.keyClicks(dialog.blank_rows, "30")
    with qtbot.waitSignal(dialog.previewed) as opened:
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = opened.args[0]
    assert preview is dialog.preview
    qtbot.waitUntil(preview.isVisible)
    assert preview.document.status() == QPdfDocument.Status.Ready
    # 36 people and 30 blank rows: 20 rows on the first page, 25 on the next two.
    assert preview.document.pageCount() == 3
    assert preview.file_name == "签到表-2026-11-26-1400-行走的党课.pdf"
    assert preview.message_text() == ""
    assert not dialog.isVisible()
    preview.close()


def test_a_rare_name_is_said_before_printing(
    qtbot: QtBot, db: Database, desk: Actor, parent: QWidget
) -> None:
    activity, _people = _lesson(db, ["𠮷田", *NAMES[:2]])
    dialog = printing.preview_signin_sheet(context(db, desk), parent, activity)
    with machine_fonts():
        preview = dialog.show_preview()
    assert preview is not None
    assert "U+20BB7" in preview.message_text() and preview.message.isVisible()
    preview.close()


def test_a_session_gone_is_said_in_the_dialog(
    qtbot: QtBot, db: Database, desk: Actor, parent: QWidget
) -> None:
    activity, _people = _lesson(db, NAMES[:1])
    dialog = printing.preview_signin_sheet(context(db, desk), parent, activity + 500)
    assert dialog.show_preview() is None
    assert dialog.isVisible() and dialog.status.is_error() and dialog.status.message()
    dialog.close()


def test_the_months_menu_opens_in_the_preview(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    parent: QWidget,
    clock_at: clock.FixedClock,
    chinese: None,
) -> None:
    make_menu(db)
    preview = printing.preview_menu(context(db, desk), parent, dt.date(2026, 11, 17))
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    assert preview.document.pageCount() == 1
    assert preview.file_name == "服务菜单-2026-11.pdf"
    assert parent.findChild(QMessageBox) is None
    preview.close()


def test_the_blank_rows_dialog_fits_in_large_text(
    qtbot: QtBot, qapp: object, db: Database, desk: Actor, text_size: None, chinese: None
) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import style

    assert isinstance(qapp, QApplication)
    style.apply_text_size(qapp, "large")
    activity, _people = _lesson(db, NAMES[:2])
    dialog = printing.SigninSheetDialog(context(db, desk), activity)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    for widget in (dialog.blank_rows, dialog.preview_button):
        assert widget.width() >= widget.sizeHint().width()
        assert widget.height() >= widget.sizeHint().height()
