"""The Rooms desk driven like a volunteer or a member of staff: the days shown, a new booking
from a drag, a desk volunteer's request approved from the pending list, finding a free room,
moving and cancelling from the calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app import clock
from app.db import Database
from app.models import BookingKind, BookingStatus
from app.security import Actor
from app.services.rooms import booking
from app.services.rooms.booking import BookingInput, Scope
from app.services.rooms.recurrence import Frequency, Recurrence
from tests.conftest import TEST_NOW
from tests.rooms_ui import StandInCalendar, add_rooms, bookings, context, type_into
from ui import style
from ui.rooms.desk import RoomsDesk

TODAY = TEST_NOW.date()
DEC_2 = dt.date(2026, 12, 2)


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


@pytest.fixture
def centre(db: Database, admin: Actor, clock_at: clock.FixedClock) -> dict[str, int]:
    return add_rooms(db)


def make_desk(qtbot: QtBot, db: Database, actor: Actor) -> RoomsDesk:
    desk = RoomsDesk(context(db, actor), calendar_factory=StandInCalendar)
    qtbot.addWidget(desk)
    desk.resize(1166, 650)
    with qtbot.waitActive(desk):
        desk.show()
        desk.activateWindow()
    desk.calendar.setFocus()
    return desk


def stand_in(desk: RoomsDesk) -> StandInCalendar:
    assert isinstance(desk.calendar, StandInCalendar)
    return desk.calendar


def test_the_desk_shows_today_then_moves_by_day_and_week(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        booking.create(
            session,
            staff,
            BookingInput(
                centre["hall"], "合唱", at(TODAY, "14:00"), at(TODAY, "16:00"), BookingKind.STAFF
            ),
        )
    desk = make_desk(qtbot, db, staff)
    view, day, rooms, blocks, hours, _notes = stand_in(desk).shown
    assert (view, day) == ("day", TODAY)
    assert [room.name for room in rooms] == ["多功能厅", "书画室", "会议室"]
    assert [block.title for block in blocks] == ["合唱"]
    assert hours[(centre["hall"], TODAY)] == (dt.time(8), dt.time(21))

    qtbot.mouseClick(desk.next_button, Qt.MouseButton.LeftButton)
    assert stand_in(desk).shown[1] == TODAY + dt.timedelta(days=1)
    qtbot.keyClick(desk.calendar, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(desk.calendar, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert desk.day() == TODAY - dt.timedelta(days=1)
    qtbot.keyClick(desk.calendar, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert desk.day() == TODAY

    qtbot.mouseClick(desk.week_button, Qt.MouseButton.LeftButton)
    view, first, *_rest, hours, _notes = stand_in(desk).shown
    assert (view, first) == ("week", dt.date(2026, 11, 23))
    assert hours[(centre["meeting"], dt.date(2026, 11, 29))] is None  # closed on Sundays
    assert "Next week" in desk.next_button.text()
    qtbot.mouseClick(desk.next_button, Qt.MouseButton.LeftButton)
    assert stand_in(desk).shown[1] == dt.date(2026, 11, 30)

    desk.room_combo.setFocus()
    qtbot.keyClick(desk.room_combo, Qt.Key.Key_Down)
    assert desk.room_id() == centre["hall"]
    assert [room.id for room in stand_in(desk).shown[2]] == [centre["hall"]]

    stand_in(desk).day_activated.emit(DEC_2)
    assert not desk.is_week() and stand_in(desk).shown[:2] == ("day", DEC_2)


def test_a_drag_over_free_cells_opens_the_editor_prefilled(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    desk = make_desk(qtbot, db, staff)
    stand_in(desk).create_requested.emit(centre["art"], at(DEC_2, "10:00"), at(DEC_2, "11:30"))
    editor = desk.editor
    assert editor is not None and editor.isVisible()
    assert editor.room() is not None and editor.room().id == centre["art"]  # type: ignore[union-attr]
    assert (editor.starts_at(), editor.ends_at()) == (at(DEC_2, "10:00"), at(DEC_2, "11:30"))
    type_into(qtbot, editor.title_edit, "读书会")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    (row,) = bookings(db)
    assert (row.title, row.room_id, row.starts_at) == ("读书会", centre["art"], at(DEC_2, "10:00"))
    assert "读书会" in desk.status.message()


def test_ctrl_n_opens_a_new_booking(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    desk = make_desk(qtbot, db, staff)
    desk.calendar.setFocus()
    qtbot.keyClick(desk.calendar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert desk.editor is not None and desk.editor.isVisible()
    assert desk.editor.booking_id() is None


def test_a_desk_volunteers_request_is_approved_from_the_pending_panel(
    qtbot: QtBot, db: Database, desk: Actor, staff: Actor, centre: dict[str, int]
) -> None:
    volunteer = make_desk(qtbot, db, desk)
    assert not volunteer.pending_panel.approve_button.isVisibleTo(volunteer.pending_panel)
    qtbot.mouseClick(volunteer.new_button, Qt.MouseButton.LeftButton)
    editor = volunteer.editor
    assert editor is not None and not editor.confirm_box.isVisible()
    type_into(qtbot, editor.title_edit, "楼组议事")
    type_into(qtbot, editor.date_edit, DEC_2.isoformat())
    type_into(qtbot, editor.start_edit, "18:00")
    type_into(qtbot, editor.end_edit, "19:00")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    (row,) = bookings(db)
    assert row.status == BookingStatus.PENDING
    assert "1" in volunteer.pending_button.text()

    office = make_desk(qtbot, db, staff)
    assert "(1)" in office.pending_button.text()
    qtbot.mouseClick(office.pending_button, Qt.MouseButton.LeftButton)
    panel = office.pending_panel
    assert panel.isVisible() and panel.titles() == ["楼组议事"]
    panel.view.selectRow(0)
    qtbot.mouseClick(panel.approve_button, Qt.MouseButton.LeftButton)
    (row,) = bookings(db)
    assert row.status == BookingStatus.CONFIRMED and row.decided_by_id == staff.account_id
    assert panel.titles() == [] and "(0)" in office.pending_button.text()
    assert "楼组议事" in office.status.message()


def test_a_rejection_needs_a_reason(
    qtbot: QtBot, db: Database, desk: Actor, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        booking.create(
            session,
            desk,
            BookingInput(
                centre["art"], "生日会", at(DEC_2, "18:00"), at(DEC_2, "20:00"), BookingKind.STAFF
            ),
        )
    office = make_desk(qtbot, db, staff)
    office.show_pending()
    panel = office.pending_panel
    # When and where; what; who booked it, each on its own line (none is cut off at the side).
    lines = str(panel.model.data(panel.model.index(0, 0))).split("\n")
    assert lines[1:] == ["生日会 (Centre's own use)", "Booked by desk"]
    assert panel.view.rowHeight(0) >= 3 * panel.view.fontMetrics().height()
    panel.view.selectRow(0)
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert panel.reason_text() and bookings(db)[0].status == BookingStatus.PENDING
    type_into(qtbot, panel.reason_edit, "活动室不办私人聚会")
    qtbot.keyClick(panel.reason_edit, Qt.Key.Key_Return)
    (row,) = bookings(db)
    assert row.status == BookingStatus.REJECTED and row.decision_reason == "活动室不办私人聚会"


def test_find_a_free_room_then_book_it(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        booking.create(
            session,
            staff,
            BookingInput(
                centre["meeting"], "党课", at(DEC_2, "09:00"), at(DEC_2, "12:00"), BookingKind.STAFF
            ),
        )
    desk = make_desk(qtbot, db, staff)
    qtbot.mouseClick(desk.free_button, Qt.MouseButton.LeftButton)
    dialog = desk.free_room
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.date_edit, DEC_2.isoformat())
    type_into(qtbot, dialog.start_edit, "10:00")
    type_into(qtbot, dialog.end_edit, "11:00")
    type_into(qtbot, dialog.attendees_spin, "15")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    # 书画室 is too small, 会议室 is taken: the hall is free and big enough.
    assert dialog.room_names() == ["多功能厅"]
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    editor = desk.editor
    assert editor is not None and editor.isVisible() and not dialog.isVisible()
    assert editor.room() is not None and editor.room().id == centre["hall"]  # type: ignore[union-attr]
    assert (editor.starts_at(), editor.ends_at()) == (at(DEC_2, "10:00"), at(DEC_2, "11:00"))
    assert editor.attendees_spin.value() == 15


def _weekly(db: Database, staff: Actor, room_id: int) -> list[int]:
    with db.write() as session:
        return booking.create(
            session,
            staff,
            BookingInput(
                room_id,
                "太极拳",
                at(DEC_2, "09:00"),
                at(DEC_2, "10:00"),
                BookingKind.STAFF,
                recurrence=Recurrence(Frequency.WEEKLY, weekdays=(2,), count=3),
            ),
        ).booking_ids


def test_moving_an_occurrence_asks_which_and_a_clash_is_said_in_words(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    first, second, _third = _weekly(db, staff, centre["hall"])
    with db.write() as session:
        booking.create(
            session,
            staff,
            BookingInput(
                centre["art"], "书法班", at(DEC_2, "09:00"), at(DEC_2, "11:00"), BookingKind.STAFF
            ),
        )
    desk = make_desk(qtbot, db, staff)
    desk.go_to(DEC_2)
    calendar = stand_in(desk)
    calendar.move_requested.emit(first, centre["art"], at(DEC_2, "09:00"), at(DEC_2, "10:00"))
    assert desk.question.isVisible() and desk.question.scope.isVisible()
    qtbot.mouseClick(desk.question.confirm_button, Qt.MouseButton.LeftButton)
    assert desk.status.is_error() and "书法班" in desk.status.message()
    assert {row.id: row.room_id for row in bookings(db)}[first] == centre["hall"]

    calendar.move_requested.emit(first, centre["hall"], at(DEC_2, "10:00"), at(DEC_2, "11:00"))
    qtbot.mouseClick(desk.question.scope.buttons[Scope.THIS], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(desk.question.confirm_button, Qt.MouseButton.LeftButton)
    rows = {row.id: row for row in bookings(db)}
    assert rows[first].starts_at == at(DEC_2, "10:00")
    assert rows[second].starts_at == at(dt.date(2026, 12, 9), "09:00")
    assert not desk.status.is_error()


def test_cancelling_from_the_calendar_asks_which_and_why(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    first, second, third = _weekly(db, staff, centre["hall"])
    desk = make_desk(qtbot, db, staff)
    desk.go_to(dt.date(2026, 12, 9))
    stand_in(desk).cancel_requested.emit(second)
    assert desk.question.isVisible() and "太极拳" in desk.question_text()
    qtbot.mouseClick(desk.question.scope.buttons[Scope.FOLLOWING], Qt.MouseButton.LeftButton)
    type_into(qtbot, desk.question.reason_edit, "老师休假")
    qtbot.mouseClick(desk.question.confirm_button, Qt.MouseButton.LeftButton)
    rows = {row.id: row for row in bookings(db)}
    assert rows[first].status == BookingStatus.CONFIRMED
    assert rows[second].status == rows[third].status == BookingStatus.CANCELLED

    stand_in(desk).cancel_requested.emit(first)
    qtbot.keyClick(desk.question.reason_edit, Qt.Key.Key_Escape)
    assert not desk.question.isVisible()
    assert {row.id: row.status for row in bookings(db)}[first] == BookingStatus.CONFIRMED


def test_double_click_opens_the_booking_and_staff_approve_it_there(
    qtbot: QtBot, db: Database, desk: Actor, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        created = booking.create(
            session,
            desk,
            BookingInput(
                centre["art"], "编织小组", at(DEC_2, "14:00"), at(DEC_2, "15:00"), BookingKind.STAFF
            ),
        )
    office = make_desk(qtbot, db, staff)
    stand_in(office).edit_requested.emit(created.booking_ids[0])
    editor = office.editor
    assert editor is not None and editor.isVisible() and editor.title_edit.text() == "编织小组"
    assert editor.decision.isVisible()
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.approve_button, Qt.MouseButton.LeftButton)
    assert bookings(db)[0].status == BookingStatus.CONFIRMED


def test_print_and_export_wait_for_the_printing_module(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    import importlib.util

    desk = make_desk(qtbot, db, staff)
    installed = importlib.util.find_spec("ui.rooms.printing") is not None
    assert desk.print_button.isEnabled() is installed
    assert desk.export_button.isEnabled() is installed


def test_the_main_window_lists_the_rooms_desk_after_people(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(context(db, desk), "东社区邻里中心")
    qtbot.addWidget(window)
    keys = window.desk_keys()
    assert keys.index("rooms") == keys.index("people") + 1
    widget = window.desk("rooms")
    assert isinstance(widget, QWidget) and widget.objectName() == "rooms"


def test_a_mouse_drag_in_the_real_calendar_opens_the_editor_prefilled(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    from tests.test_ui_rooms_calendar import centre as cell_centre
    from tests.test_ui_rooms_calendar import drag
    from ui.rooms.calendar import RoomsCalendar

    desk = RoomsDesk(context(db, staff))
    qtbot.addWidget(desk)
    desk.resize(1166, 650)
    desk.show()
    qtbot.waitExposed(desk)
    desk.go_to(DEC_2)
    calendar = desk.calendar
    assert isinstance(calendar, RoomsCalendar) and calendar.objectName() == "rooms.calendar"
    assert calendar.set_cursor(centre["art"], at(DEC_2, "10:00"))  # scrolled to 10:00
    drag(
        calendar,
        cell_centre(calendar, centre["art"], at(DEC_2, "10:00")),
        cell_centre(calendar, centre["art"], at(DEC_2, "11:00")),
    )
    editor = desk.editor
    assert editor is not None and editor.isVisible()
    room = editor.room()
    assert room is not None and room.id == centre["art"]
    assert editor.starts_at() == at(DEC_2, "10:00") and editor.ends_at() > editor.starts_at()
    assert editor.title_edit.hasFocus() or editor.isActiveWindow() is False


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_desk_and_its_dialogs_fit_1366_by_768(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    centre: dict[str, int],
    qapp: QApplication,
    chinese: None,
    text_size: None,
    size: str,
) -> None:
    style.apply_text_size(qapp, size)
    desk = RoomsDesk(context(db, staff))
    qtbot.addWidget(desk)
    # The main window's navigation and toolbar take ~200 x 70 px of the 1366 x 696 window.
    room = (1366 - 200, 768 - 40 - 32 - 70)
    desk.resize(*room)
    desk.show()
    qtbot.waitExposed(desk)
    hint = desk.minimumSizeHint()
    assert hint.width() <= room[0] and hint.height() <= room[1]
    least = 44 if size == "large" else 32
    for button in desk.findChildren(QPushButton):
        if button.isVisibleTo(desk) and button.parent() is desk:
            assert desk.rect().contains(QRect(button.mapTo(desk, QPoint()), button.size()))
            assert button.height() >= least, button.objectName()
    desk.show_pending()
    assert desk.pending_panel.width() >= desk.fontMetrics().height() * 15
    editor = desk.open_new(centre["art"], at(DEC_2, "14:00"), at(DEC_2, "16:00"))
    # The tests' screen is 800 x 800: measure against 1366 x 768 and the editor's own width
    # there (90 % of the screen), less the title bar.
    width, height = 1366 * 9 // 10, 768 - 40 - 32
    assert editor.minimumSizeHint().height() <= height
    content = editor.fields_scroll.widget()
    assert content is not None
    scroll_bar = editor.fields_scroll.verticalScrollBar().sizeHint().width()
    assert content.minimumSizeHint().width() + scroll_bar <= width - 40
    editor.close()
    dialog = desk.open_free_room()
    assert dialog.minimumSizeHint().height() <= height and dialog.minimumSizeHint().width() <= width


def test_print_and_export_call_the_printing_module(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    centre: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The buttons hand the day or week shown and the room chosen to ui.rooms.printing."""
    import sys
    import types

    import ui.rooms.desk as desk_module

    calls: list[tuple[str, tuple[object, ...]]] = []
    fake = types.ModuleType("ui.rooms.printing")
    for name in ("show_day_sheets", "show_day_overview", "show_week_overview", "export_ics"):
        setattr(fake, name, lambda *args, _name=name, **_kw: calls.append((_name, args[2:])))
    monkeypatch.setitem(sys.modules, "ui.rooms.printing", fake)
    monkeypatch.setattr(desk_module, "module_exists", lambda _name: True)
    desk = make_desk(qtbot, db, staff)
    assert desk.print_button.isEnabled() and desk.export_button.isEnabled()
    desk.go_to(DEC_2)
    qtbot.keyClick(desk.calendar, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    desk.print_day_action.trigger()
    desk.select_room(centre["art"])
    qtbot.mouseClick(desk.week_button, Qt.MouseButton.LeftButton)
    desk.print_week_action.trigger()
    qtbot.mouseClick(desk.export_button, Qt.MouseButton.LeftButton)
    assert calls == [
        ("show_day_sheets", (DEC_2, None)),
        ("show_day_overview", (DEC_2,)),
        ("show_week_overview", (dt.date(2026, 11, 30), centre["art"])),
        ("export_ics", (centre["art"],)),
    ]


def test_the_keyboard_reaches_the_calendar_and_books_from_it(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    from ui.rooms.calendar import RoomsCalendar

    desk = RoomsDesk(context(db, staff))
    qtbot.addWidget(desk)
    desk.resize(1166, 650)
    with qtbot.waitActive(desk):
        desk.show()
        desk.activateWindow()
    calendar = desk.calendar
    assert isinstance(calendar, RoomsCalendar)
    qtbot.waitUntil(calendar.hasFocus)
    qtbot.keyClick(calendar, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert desk.day() == TODAY + dt.timedelta(days=1)
    assert calendar.set_cursor(centre["art"], at(desk.day(), "15:00"))
    qtbot.keyClick(calendar, Qt.Key.Key_Return)
    editor = desk.editor
    assert editor is not None and editor.isVisible()
    assert editor.starts_at() == at(desk.day(), "15:00")
    room = editor.room()
    assert room is not None and room.id == centre["art"]
