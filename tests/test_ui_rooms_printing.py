"""The Rooms desk's print and export helpers open the preview or the file dialog without
blocking, and the .ics is written in the background."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app import settings as settings_module
from app.db import Database
from app.printing import glyphs
from app.security import Actor
from tests import rooms_data
from tests.rooms_data import WEDNESDAY, add_booking, add_room, at
from ui.context import DeskContext
from ui.errors import StatusLine
from ui.rooms import printing

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def vera_only() -> Iterator[None]:
    saved = list(glyphs.CANDIDATES)
    glyphs.CANDIDATES[:] = [path for path in saved if path[0].name == "Vera.ttf"]
    glyphs.forget_fallbacks()
    yield
    glyphs.CANDIDATES[:] = saved
    glyphs.forget_fallbacks()


def _context(db: Database, actor: Actor) -> DeskContext:
    return DeskContext(db, actor, settings_module.load())


def test_day_sheets_week_and_overview_open_in_the_preview(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, parent: QWidget, chinese: None
) -> None:
    demo = rooms_data.demo_like(db, admin)
    context = _context(db, desk)
    doors = printing.show_day_sheets(parent, context, WEDNESDAY)
    assert doors is not None
    qtbot.waitUntil(doors.isVisible)
    assert doors.document.status() == QPdfDocument.Status.Ready
    assert doors.document.pageCount() == 3
    assert "2026-11-25" in doors.file_name and doors.file_name.endswith(".pdf")
    assert doors.message_text() == ""
    doors.close()

    overview = printing.show_day_overview(parent, context, WEDNESDAY)
    assert overview is not None and overview.document.pageCount() == 1
    overview.close()

    one = printing.show_day_sheets(parent, context, WEDNESDAY, demo.meeting)
    assert one is not None and one.document.pageCount() == 1
    one.close()

    week = printing.show_week_overview(parent, context, WEDNESDAY + dt.timedelta(days=2))
    assert week is not None and week.isVisible()
    size = week.document.pagePointSize(0)
    assert size.width() > size.height()
    assert "2026-11-23" in week.file_name  # the week's Monday
    week.close()


def test_a_character_no_font_has_is_said_before_printing(
    qtbot: QtBot, db: Database, admin: Actor, parent: QWidget, vera_only: None
) -> None:
    with db.write() as session:
        room = add_room(session, "多功能厅")
        add_booking(session, room, at(WEDNESDAY, "09:00"), at(WEDNESDAY, "10:00"), "𠮷祥太极队")
    dialog = printing.show_day_sheets(parent, _context(db, admin), WEDNESDAY)
    assert dialog is not None
    assert "U+20BB7" in dialog.message_text() and dialog.message.isVisible()
    dialog.close()


def test_an_unknown_room_is_said_and_nothing_opens(
    qtbot: QtBot, db: Database, admin: Actor, parent: QWidget
) -> None:
    assert printing.show_day_sheets(parent, _context(db, admin), WEDNESDAY, 9999) is None
    box = parent.findChild(QMessageBox, "errors.domain")
    assert box is not None and box.isVisible()
    box.close()


def test_ics_export_asks_where_then_writes_in_the_background(
    qtbot: QtBot, db: Database, admin: Actor, staff: Actor, parent: QWidget, tmp_path: Path
) -> None:
    demo = rooms_data.demo_like(db, admin)
    status = StatusLine("rooms.status", parent)
    export = printing.export_ics(parent, _context(db, staff), demo.hall, status=status)
    assert export is not None and export.dialog is not None
    dialog = export.dialog
    assert dialog.objectName() == "rooms.icsFileDialog" and dialog.isVisible()
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert "多功能厅" in dialog.selectedFiles()[0] and dialog.selectedFiles()[0].endswith(".ics")
    target = tmp_path / "hall.ics"
    with qtbot.waitSignal(export.finished, timeout=10_000) as finished:
        dialog.fileSelected.emit(str(target))
    assert finished.args is not None and finished.args[1] is True
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert len(list(calendar.walk("VEVENT"))) == 3
    assert str(target) in status.message() and not status.is_error()
    dialog.close()


def test_a_desk_volunteer_is_told_the_export_is_for_staff(
    qtbot: QtBot, db: Database, desk: Actor, parent: QWidget
) -> None:
    status = StatusLine("rooms.status", parent)
    assert printing.export_ics(parent, _context(db, desk), None, status=status) is None
    assert status.is_error() and status.message()
    assert parent.findChild(QFileDialog) is None
