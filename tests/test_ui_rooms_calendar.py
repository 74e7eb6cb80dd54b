"""The Rooms calendar widget: data pushed in by hand (no database) for hit testing, mouse and
keyboard, the week views, how bookings and closed days look, large text; and one day of a real
demo centre read through `views.blocks`."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import clock, demo, paths
from app.choices import BookingKind, BookingStatus
from app.db import Database
from app.security import Actor
from app.services.rooms import days as room_days
from app.services.rooms import views
from app.services.rooms.views import BookingBlock, RoomColumn
from tests.conftest import TEST_NOW
from ui import style
from ui.rooms.calendar import RoomsCalendar, Selection, ViewMode, block_style, contrast
from ui.rooms.calendar import styles as calendar_styles

DAY = TEST_NOW.date()  # Wednesday 2026-11-25
MONDAY = DAY - dt.timedelta(days=DAY.weekday())

ROOMS = [
    RoomColumn(1, "多功能厅", 80, "#1f77b4", "投影 音响", True),
    RoomColumn(2, "党群议事厅", 30, "", "", True),
    RoomColumn(3, "书画室", 20, "#2ca02c", "", True),
]


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def booking(
    booking_id: int,
    room_id: int,
    start: dt.datetime,
    end: dt.datetime,
    title: str = "书法班",
    *,
    kind: BookingKind = BookingKind.ACTIVITY,
    status: BookingStatus = BookingStatus.CONFIRMED,
    series_id: int | None = None,
    detached: bool = False,
) -> BookingBlock:
    room = next(r for r in ROOMS if r.id == room_id)
    return BookingBlock(
        booking_id,
        room_id,
        room.name,
        start,
        end,
        title,
        kind,
        status,
        "张伟",
        "138****5678",
        20,
        series_id,
        detached,
    )


def open_hours(days: list[dt.date], opens: int = 8, closes: int = 20) -> dict[Any, Any]:
    return {(room.id, day): (dt.time(opens), dt.time(closes)) for room in ROOMS for day in days}


DAY_BLOCKS = [
    booking(10, 1, at(9), at(10, 30), "长者健身操", series_id=5),
    booking(11, 2, at(14), at(16), "睦邻议事会", kind=BookingKind.COUNCIL),
    booking(12, 3, at(10), at(11), "亲子绘本", status=BookingStatus.PENDING),
]


@pytest.fixture
def calendar(qtbot: QtBot, clock_at: clock.FixedClock) -> Iterator[RoomsCalendar]:
    widget = RoomsCalendar()
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_day(DAY, ROOMS, DAY_BLOCKS, open_hours([DAY]), {})
    yield widget


def centre(widget: RoomsCalendar, room_id: int, start: dt.datetime) -> QPoint:
    rect = widget.cell_rect(room_id, start)
    assert rect is not None
    return rect.center()


def mouse(
    widget: RoomsCalendar,
    kind: QEvent.Type,
    pos: QPoint,
    buttons: Qt.MouseButton = Qt.MouseButton.LeftButton,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    viewport = widget.viewport()
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        button,
        buttons,
        modifiers,
    )
    QApplication.sendEvent(viewport, event)


def drag(widget: RoomsCalendar, start: QPoint, end: QPoint) -> None:
    mouse(widget, QEvent.Type.MouseButtonPress, start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2 + 1)
    mouse(widget, QEvent.Type.MouseMove, middle)
    mouse(widget, QEvent.Type.MouseMove, end)
    mouse(widget, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def key(qtbot: QtBot, widget: QWidget, which: Qt.Key, modifier: Any = None) -> None:
    modifiers = modifier if modifier is not None else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(widget, which, modifiers)


# --- hit testing ----------------------------------------------------------------------------


def test_identity_and_hit_testing(calendar: RoomsCalendar) -> None:
    assert calendar.objectName() == "rooms.calendar"
    assert calendar.accessibleName()
    assert calendar.mode() == ViewMode.DAY
    cell = calendar.cell_at(centre(calendar, 2, at(13, 30)))
    assert cell is not None
    assert (cell.room_id, cell.day, cell.start, cell.end) == (2, DAY, at(13, 30), at(14))
    block = calendar.block_rect(11)
    assert block is not None
    assert calendar.booking_at(block.center()) == 11
    assert calendar.booking_at(centre(calendar, 2, at(13))) is None
    # The header and the time ruler are no cells.
    assert calendar.cell_at(QPoint(block.center().x(), 2)) is None
    assert calendar.cell_at(QPoint(2, block.center().y())) is None
    # The 2-hour booking is twice as tall as the 1-hour one.
    one_hour = calendar.block_rect(12)
    assert one_hour is not None
    assert abs(block.height() - 2 * one_hour.height()) <= 3


def test_rows_run_from_the_earliest_opening_to_the_latest_closing(
    qtbot: QtBot, clock_at: clock.FixedClock
) -> None:
    widget = RoomsCalendar()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    hours = open_hours([DAY], 9, 17)
    hours[(2, DAY)] = (dt.time(7, 30), dt.time(21, 30))
    widget.set_day(DAY, ROOMS, [], hours, {})
    widget.verticalScrollBar().setValue(0)
    assert widget.cell_at(centre(widget, 2, at(7))) is not None
    assert widget.cell_at(QPoint(centre(widget, 2, at(7)).x(), 3)) is None  # the header
    widget.verticalScrollBar().setValue(widget.verticalScrollBar().maximum())
    assert widget.cell_at(centre(widget, 2, at(21, 30))) is not None
    assert widget.cell_rect(2, at(22)) is not None
    assert widget.cell_at(centre(widget, 2, at(22))) is None  # past the last row
    # Without hours: 08:00-21:00.
    widget.set_day(DAY, ROOMS, [], {}, {})
    widget.verticalScrollBar().setValue(0)
    first = widget.cell_at(centre(widget, 1, at(8)))
    assert first is not None and first.start == at(8)


# --- mouse ----------------------------------------------------------------------------------


def test_drag_over_free_cells_asks_to_book_the_snapped_time(
    calendar: RoomsCalendar, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(calendar.create_requested) as signal:
        drag(calendar, centre(calendar, 1, at(11)), centre(calendar, 1, at(12, 30)))
    assert signal.args == [1, at(11), at(13)]
    selection = calendar.selection()
    assert selection == Selection(1, at(11), at(13))

    calendar.set_snap_minutes(15)
    with qtbot.waitSignal(calendar.create_requested) as signal:
        # Upwards, from 12:15 to 11:45: the range is its cells, in order.
        drag(calendar, centre(calendar, 3, at(12, 15)), centre(calendar, 3, at(11, 45)))
    assert signal.args == [3, at(11, 45), at(12, 30)]


def test_a_click_only_moves_the_cursor(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    requests: list[Any] = []
    calendar.create_requested.connect(lambda *args: requests.append(args))
    point = centre(calendar, 2, at(12))
    mouse(calendar, QEvent.Type.MouseButtonPress, point)
    mouse(calendar, QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.NoButton)
    assert requests == []
    cursor = calendar.cursor()
    assert cursor is not None and (cursor.room_id, cursor.start) == (2, at(12))
    with qtbot.waitSignal(calendar.create_requested) as signal:
        qtbot.mouseDClick(calendar.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [2, at(12), at(12, 30)]


def test_drag_over_a_booked_cell_is_refused(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    requests: list[Any] = []
    calendar.create_requested.connect(lambda *args: requests.append(args))
    start, end = centre(calendar, 2, at(13)), centre(calendar, 2, at(14, 30))
    mouse(calendar, QEvent.Type.MouseButtonPress, start)
    mouse(calendar, QEvent.Type.MouseMove, QPoint(start.x(), start.y() + 10))
    mouse(calendar, QEvent.Type.MouseMove, end)
    # While dragging the range is shown red, with the reason in words.
    image = calendar.viewport().grab().toImage()
    assert _has_colour(image, calendar.cell_rect(2, at(14)), calendar_styles.REFUSED)
    with qtbot.waitSignal(calendar.refused) as refusal:
        mouse(calendar, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    assert "睦邻议事会" in refusal.args[0]
    assert requests == []
    assert "睦邻议事会" in calendar.last_message()


def test_drag_into_closed_hours_is_refused(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    hours = {**open_hours([DAY]), (1, DAY): (dt.time(8), dt.time(18))}
    calendar.set_day(DAY, ROOMS, DAY_BLOCKS, hours, {})
    calendar.verticalScrollBar().setValue(calendar.verticalScrollBar().maximum())
    requests: list[Any] = []
    calendar.create_requested.connect(lambda *args: requests.append(args))
    with qtbot.waitSignal(calendar.refused) as refusal:
        drag(calendar, centre(calendar, 1, at(17)), centre(calendar, 1, at(18, 30)))
    assert "08:00–18:00" in refusal.args[0]
    assert requests == []


def test_drag_a_booking_to_a_free_place(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    block = calendar.block_rect(10)  # room 1, 09:00-10:30
    assert block is not None
    grab = QPoint(block.center().x(), centre(calendar, 1, at(9)).y())
    target = QPoint(centre(calendar, 3, at(12)).x(), centre(calendar, 3, at(12)).y())
    with qtbot.waitSignal(calendar.move_requested) as signal:
        drag(calendar, grab, target)
    assert signal.args == [10, 3, at(12), at(13, 30)]


def test_drag_a_booking_onto_another_is_refused(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    moves: list[Any] = []
    calendar.move_requested.connect(lambda *args: moves.append(args))
    grab = centre(calendar, 1, at(9))
    with qtbot.waitSignal(calendar.refused):
        drag(calendar, grab, centre(calendar, 3, at(10)))  # over the pending 10:00-11:00
    assert moves == []


def test_resize_a_booking_by_its_bottom_edge(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    block = calendar.block_rect(12)  # room 3, 10:00-11:00
    assert block is not None
    edge = QPoint(block.center().x(), block.bottom() - 1)
    with qtbot.waitSignal(calendar.move_requested) as signal:
        drag(calendar, edge, centre(calendar, 3, at(12)))
    assert signal.args == [12, 3, at(10), at(12)]
    # Down into the next booking of the room: refused.
    calendar.set_day(
        DAY, ROOMS, [*DAY_BLOCKS, booking(13, 3, at(13), at(14))], open_hours([DAY]), {}
    )
    with qtbot.waitSignal(calendar.refused):
        drag(calendar, edge, centre(calendar, 3, at(13, 30)))


def test_read_only_accounts_can_not_drag_bookings(calendar: RoomsCalendar) -> None:
    calendar.set_moves_allowed(False)
    moves: list[Any] = []
    calendar.move_requested.connect(lambda *args: moves.append(args))
    drag(calendar, centre(calendar, 1, at(9)), centre(calendar, 2, at(12)))
    assert moves == []


# --- keyboard -------------------------------------------------------------------------------


def test_keyboard_books_free_time(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    calendar.setFocus()
    assert calendar.set_cursor(2, at(10))
    key(qtbot, calendar, Qt.Key.Key_Down)
    cursor = calendar.cursor()
    assert cursor is not None and cursor.start == at(10, 30)
    key(qtbot, calendar, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, calendar, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert calendar.selection() == Selection(2, at(10, 30), at(12))
    assert "10:30–12:00" in calendar.accessibleDescription()
    with qtbot.waitSignal(calendar.create_requested) as signal:
        key(qtbot, calendar, Qt.Key.Key_Return)
    assert signal.args == [2, at(10, 30), at(12)]
    # A range reaching into a booking is refused, in words.
    calendar.set_cursor(2, at(13))
    key(qtbot, calendar, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, calendar, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(calendar.refused):
        key(qtbot, calendar, Qt.Key.Key_Enter)


def test_keyboard_edits_moves_and_cancels_a_booking(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    calendar.setFocus()
    calendar.set_cursor(1, at(8))
    key(qtbot, calendar, Qt.Key.Key_Down)
    key(qtbot, calendar, Qt.Key.Key_Down)  # 09:00, on 长者健身操
    assert calendar.current_booking_id() == 10
    assert "长者健身操" in calendar.accessibleDescription()
    with qtbot.waitSignal(calendar.edit_requested) as signal:
        key(qtbot, calendar, Qt.Key.Key_Return)
    assert signal.args == [10]
    with qtbot.waitSignal(calendar.move_requested) as signal:
        key(qtbot, calendar, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert signal.args == [10, 1, at(9, 30), at(11)]
    with qtbot.waitSignal(calendar.move_requested) as signal:
        key(qtbot, calendar, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert signal.args == [10, 2, at(9), at(10, 30)]
    # Into room 3, where the pending booking holds 10:00-11:00: refused.
    calendar.select_booking(10)
    calendar.set_day(
        DAY,
        ROOMS,
        [booking(10, 2, at(9), at(10, 30), "长者健身操"), *DAY_BLOCKS[1:]],
        open_hours([DAY]),
        {},
    )
    assert calendar.current_booking_id() == 10  # the refreshed data keeps the booking current
    with qtbot.waitSignal(calendar.refused):
        key(qtbot, calendar, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(calendar.cancel_requested) as signal:
        key(qtbot, calendar, Qt.Key.Key_Delete)
    assert signal.args == [10]


def test_tab_goes_through_the_bookings_in_time_order(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    other = QWidget()
    qtbot.addWidget(other)
    calendar.setFocus()
    calendar.set_cursor(1, at(8))
    seen = []
    for _ in range(3):
        key(qtbot, calendar, Qt.Key.Key_Tab)
        seen.append(calendar.current_booking_id())
    assert seen == [10, 12, 11]  # 09:00, 10:00, 14:00
    key(qtbot, calendar, Qt.Key.Key_Backtab)
    assert calendar.current_booking_id() == 12
    selection = calendar.selection()
    assert selection is not None and selection.booking_id == 12


def test_selection_changed_is_signalled(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    calendar.setFocus()
    calendar.set_cursor(3, at(12))
    with qtbot.waitSignal(calendar.selection_changed) as signal:
        key(qtbot, calendar, Qt.Key.Key_Up)
    assert signal.args == [Selection(3, at(11, 30), at(12))]


# --- the week views -------------------------------------------------------------------------


def week_blocks() -> list[BookingBlock]:
    result = []
    number = 100
    for offset in range(7):
        day = MONDAY + dt.timedelta(days=offset)
        for room in ROOMS:
            number += 1
            status = BookingStatus.PENDING if number % 4 == 0 else BookingStatus.CONFIRMED
            result.append(
                booking(number, room.id, at(9 + room.id, 0, day), at(10 + room.id, 30, day),
                        f"活动{number}", status=status)
            )  # fmt: skip
    return result


def test_week_view_of_one_room(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    days = [MONDAY + dt.timedelta(days=n) for n in range(7)]
    # Room 3 every day at 12:00 but Saturday.
    blocks = [b for b in week_blocks() if b.room_id == 3 and b.starts_at.weekday() != 5]
    calendar.set_week(MONDAY, ROOMS[2:], blocks, open_hours(days), {days[4]: "调休上班（元旦）"})
    assert calendar.mode() == ViewMode.WEEK
    assert calendar.days() == days
    friday = blocks[4]
    rect = calendar.block_rect(friday.id)
    cell = calendar.cell_rect(3, friday.starts_at)
    assert rect is not None and cell is not None
    assert abs(rect.left() - cell.left()) <= 3
    assert calendar.booking_at(rect.center()) == friday.id
    # Wide enough for words: time, title and booker.
    lines = calendar.block_text(friday.id)
    assert any("12:00–13:30" in line for line in lines)
    assert any(friday.title in line for line in lines)
    header = calendar.day_header_rect(days[4])
    assert header is not None
    with qtbot.waitSignal(calendar.day_activated) as signal:
        qtbot.mouseClick(calendar.viewport(), Qt.MouseButton.LeftButton, pos=header.center())
    assert signal.args == [days[4]]
    # Keys move a booking to the next day, same room.
    calendar.setFocus()
    calendar.select_booking(friday.id)
    with qtbot.waitSignal(calendar.move_requested) as signal:
        key(qtbot, calendar, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert signal.args == [
        friday.id,
        3,
        friday.starts_at + dt.timedelta(days=1),
        friday.ends_at + dt.timedelta(days=1),
    ]


def test_week_view_of_all_rooms(calendar: RoomsCalendar, qtbot: QtBot, chinese: None) -> None:
    days = [MONDAY + dt.timedelta(days=n) for n in range(7)]
    blocks = week_blocks()
    calendar.set_week(MONDAY, ROOMS, blocks, open_hours(days), {})
    # 7 days x 3 rooms; each booking in its room's narrow column of its day.
    for block in blocks:
        rect = calendar.block_rect(block.id)
        cell = calendar.cell_rect(block.room_id, block.starts_at)
        assert rect is not None and cell is not None
        assert cell.left() - 1 <= rect.left() and rect.right() <= cell.right() + 1
    narrow = next(b for b in blocks if b.status == BookingStatus.PENDING)
    calendar.resize(900, 700)  # narrow columns: the characters stacked, pending says 待
    text = calendar.block_text(narrow.id)
    assert text[0] == "待"
    assert text[1] == narrow.title[0]
    # The full words are in the tooltip and the description.
    calendar.select_booking(narrow.id)
    description = calendar.accessibleDescription()
    for part in (narrow.title, "张伟", "138****5678", "待审批", narrow.room):
        assert part in description
    # Dragging a booking to another room on another day.
    source = calendar.block_rect(blocks[0].id)
    assert source is not None
    target = centre(calendar, 2, at(15, 0, days[2]))
    with qtbot.waitSignal(calendar.move_requested) as signal:
        drag(calendar, QPoint(source.center().x(), source.top() + 3), target)
    assert signal.args[:3] == [blocks[0].id, 2, at(15, 0, days[2])]


# --- how it looks ---------------------------------------------------------------------------


def _has_colour(image: QImage, rect: Any, colour: str, tolerance: int = 24) -> bool:
    wanted = QColor(colour)
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - wanted.red())
                + abs(pixel.green() - wanted.green())
                + abs(pixel.blue() - wanted.blue())
                <= tolerance
            ):
                return True
    return False


def _colours(image: QImage, rect: Any) -> set[int]:
    """The colours inside the right quarter of `rect` (the text is on the left)."""
    return {
        image.pixel(x, y)
        for x in range(rect.right() - rect.width() // 4, rect.right() - 4)
        for y in range(rect.top() + 4, rect.bottom() - 4, 2)
    }


def test_pending_bookings_look_different(
    calendar: RoomsCalendar, qtbot: QtBot, chinese: None
) -> None:
    pending = calendar.block_style(12)
    confirmed = calendar.block_style(11)
    assert pending is not None and confirmed is not None
    assert pending.hatched and pending.dashed and pending.badge == "待审批"
    assert not confirmed.hatched and not confirmed.dashed and confirmed.badge == ""
    assert calendar.block_text(12)[0].startswith("待审批")
    # On screen: the pending block's stripes give it two colours where a confirmed one has one
    # (text aside: sample a strip beside the text).
    calendar.set_day(
        DAY,
        ROOMS,
        [booking(12, 3, at(10), at(11), "", status=BookingStatus.PENDING),
         booking(11, 2, at(10), at(11), "")],
        open_hours([DAY]),
        {},
    )  # fmt: skip
    image = calendar.viewport().grab().toImage()
    pending_rect, confirmed_rect = calendar.block_rect(12), calendar.block_rect(11)
    assert pending_rect is not None and confirmed_rect is not None
    assert len(_colours(image, pending_rect)) >= 2
    assert len(_colours(image, confirmed_rect)) == 1


def test_series_occurrences_are_marked(qtbot: QtBot, clock_at: clock.FixedClock) -> None:
    series = booking(1, 1, at(9), at(11), series_id=3)
    detached = booking(2, 2, at(9), at(11), series_id=3, detached=True)
    single = booking(3, 3, at(9), at(11))
    assert block_style(series).mark == "↻"
    assert block_style(detached).mark == "↻*"
    assert block_style(single).mark == ""
    widget = RoomsCalendar()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_day(DAY, ROOMS, [series, detached, single], open_hours([DAY]), {})
    assert "↻" in widget.block_text(1)[0]
    assert "↻*" in widget.block_text(2)[0]


def test_every_text_colour_has_enough_contrast() -> None:
    for kind in BookingKind:
        for status in BookingStatus:
            look = block_style(booking(1, 1, at(9), at(10), kind=kind, status=status))
            assert contrast(look.text, look.fill) >= 4.5, (kind, status)
            if look.hatch is not None:
                assert contrast(look.text, look.hatch) >= 4.5, (kind, status)
    grey = QColor(calendar_styles.CLOSED_FILL)
    assert contrast(QColor(calendar_styles.MUTED_TEXT), grey) >= 4.5
    assert contrast(QColor("#ffffff"), QColor(calendar_styles.NOW_LINE)) >= 4.5


def test_closed_day_is_shaded_with_its_reason(
    calendar: RoomsCalendar, qtbot: QtBot, chinese: None
) -> None:
    hours: dict[Any, Any] = {(room.id, DAY): None for room in ROOMS}
    calendar.set_day(DAY, ROOMS, [], hours, {DAY: "国庆节"})
    calendar.set_cursor(1, at(10))
    description = calendar.accessibleDescription()
    assert "国庆节" in description and "闭馆" in description
    image = calendar.viewport().grab().toImage()
    cell = calendar.cell_rect(2, at(15))
    assert cell is not None
    assert image.pixelColor(cell.center()) == QColor(calendar_styles.CLOSED_FILL)
    with qtbot.waitSignal(calendar.refused):
        key(qtbot, calendar, Qt.Key.Key_Return)
    # Closed hours of one room: shaded before it opens, white while open.
    calendar.set_day(
        DAY, ROOMS, [], {**open_hours([DAY]), (1, DAY): (dt.time(13), dt.time(20))}, {}
    )
    calendar.verticalScrollBar().setValue(0)
    image = calendar.viewport().grab().toImage()
    morning, afternoon = calendar.cell_rect(1, at(9)), calendar.cell_rect(1, at(14))
    assert morning is not None and afternoon is not None
    assert image.pixelColor(morning.center()) == QColor(calendar_styles.CLOSED_FILL)
    calendar.verticalScrollBar().setValue(calendar.verticalScrollBar().maximum())
    image = calendar.viewport().grab().toImage()
    afternoon = calendar.cell_rect(1, at(14, 30))
    assert afternoon is not None
    assert image.pixelColor(afternoon.center()) == QColor("#ffffff")


def test_today_scrolls_to_now_and_draws_the_time(
    calendar: RoomsCalendar, clock_at: clock.FixedClock
) -> None:
    cursor = calendar.cursor()
    assert cursor is not None and cursor.start == at(9, 30)  # TEST_NOW
    now = calendar.cell_rect(1, at(9, 30))
    assert now is not None
    assert calendar.viewport().rect().contains(now.center())
    image = calendar.viewport().grab().toImage()
    ruler = now.adjusted(-now.left(), 0, -now.width(), 0)
    ruler.setRight(now.left() - 2)
    assert _has_colour(image, ruler, calendar_styles.NOW_LINE, tolerance=10)


def test_the_hour_under_the_now_label_is_not_written_through_it(
    calendar: RoomsCalendar, clock_at: clock.FixedClock
) -> None:
    """At 10:00 sharp the red 10:00 label covers the ruler's own "10:00": nothing of that one
    shows below the label."""
    clock_at.set(at(10))
    calendar.set_day(DAY, ROOMS, DAY_BLOCKS, open_hours([DAY]), {})
    cell = calendar.cell_rect(1, at(10))
    assert cell is not None and calendar.viewport().rect().contains(cell.center())
    image = calendar.viewport().grab().toImage()
    line = math.ceil(QFontMetricsF(calendar.font()).height() * 1.15)
    below_label = QRect(2, cell.top() + line // 2 + 2, cell.left() - 8, line // 2 - 2)
    assert not _has_colour(image, below_label, calendar_styles.TEXT, tolerance=60)
    assert _has_colour(image, below_label.translated(0, -line // 2), calendar_styles.NOW_LINE)


def _fits(widget: RoomsCalendar, booking_ids: list[int]) -> None:
    """Every line painted on a booking fits its width; no more lines than its height holds."""
    font = widget.font()
    bold = widget.font()
    bold.setBold(True)
    plain_metrics, bold_metrics = QFontMetricsF(font), QFontMetricsF(bold)
    for booking_id in booking_ids:
        rect = widget.block_rect(booking_id)
        look = widget.block_style(booking_id)
        assert rect is not None and look is not None
        lines = widget.block_text(booking_id)
        line_height = plain_metrics.height()
        if len(lines) > 1:
            assert len(lines) * line_height <= rect.height() + 2, (booking_id, lines)
        for line in lines:
            assert bold_metrics.horizontalAdvance(line) <= rect.width() + 1 or (
                len(line) == 1  # a stacked character of a narrow column
            ), (booking_id, line)


@pytest.mark.parametrize("size", ["normal", "large"])
def test_fits_1366_by_768_in_both_text_sizes(
    qtbot: QtBot, clock_at: clock.FixedClock, qapp: Any, text_size: None, chinese: None, size: str
) -> None:
    style.apply_text_size(qapp, size)
    widget = RoomsCalendar()
    qtbot.addWidget(widget)
    widget.resize(1366, 620)  # what the desk leaves it under its toolbar at 1366 x 768
    widget.set_day(DAY, ROOMS, DAY_BLOCKS, open_hours([DAY]), {})
    _fits(widget, [b.id for b in DAY_BLOCKS])
    # All columns in view, no sideways scrolling in the day view.
    assert widget.horizontalScrollBar().maximum() == 0
    height = QFontMetricsF(widget.font()).height()
    assert height >= (28 if size == "large" else 18)
    days = [MONDAY + dt.timedelta(days=n) for n in range(7)]
    widget.set_week(MONDAY, ROOMS, week_blocks(), open_hours(days), {})
    _fits(widget, [b.id for b in week_blocks()])
    assert widget.horizontalScrollBar().maximum() == 0


def test_large_text_lays_out_again(
    calendar: RoomsCalendar, qapp: Any, text_size: None, chinese: None
) -> None:
    before = calendar.block_rect(11)
    style.apply_text_size(qapp, "large")
    calendar.setFont(qapp.font())
    after = calendar.block_rect(11)
    assert before is not None and after is not None
    assert after.height() > before.height()


# --- a real demo centre ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder: Path = tmp_path_factory.mktemp("calendar-demo")
    url = paths.sqlite_url(folder / "demo.sqlite3")
    demo.write_demo(url, people=60, seed=3, now=TEST_NOW)
    return url


def test_a_demo_day_fits(
    demo_url: str, qtbot: QtBot, clock_at: clock.FixedClock, chinese: None, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from app.models import Account

    database = Database(demo_url)
    try:
        with database.read() as session:
            account = session.scalar(select(Account).where(Account.username == "staff"))
            assert account is not None
            actor = Actor.of(account)
            rooms = views.rooms(session)
            week = [MONDAY + dt.timedelta(days=n) for n in range(7)]
            blocks = views.blocks(session, actor, week[0], week[-1])
            opening = room_days.OpeningCalendar(session, week[0], week[-1])
            hours = {(room.id, day): opening.hours(room.id, day) for room in rooms for day in week}
            # The demo gives its rooms no weekly hours of their own (a room without them is
            # closed every day); the desk offers the centre's hours for such a room.
            centre_hours = room_days.default_hours(session)
            for (room_id, day), value in list(hours.items()):
                if value is None and not opening.status(day).closed:
                    hours[(room_id, day)] = centre_hours.get(day.weekday())
            notes = {day: opening.status(day).name for day in week}
    finally:
        database.dispose()
    busiest = max(week, key=lambda day: sum(b.starts_at.date() == day for b in blocks))
    day_blocks = [b for b in blocks if b.starts_at.date() == busiest]
    assert len(day_blocks) >= 3
    widget = RoomsCalendar()
    qtbot.addWidget(widget)
    widget.resize(1366, 620)
    widget.set_day(busiest, rooms, day_blocks, hours, notes)
    _fits(widget, [b.id for b in day_blocks])
    for block in day_blocks:
        lines = widget.block_text(block.id)
        assert lines, block
        rect = widget.block_rect(block.id)
        assert rect is not None
        if rect.height() >= 3 * QFontMetricsF(widget.font()).height():
            assert any(block.title[:2] in line for line in lines)
    widget.set_week(week[0], rooms, blocks, hours, notes)
    shown = {item for item in widget.blocks()}
    assert len(shown) == len(blocks)
    assert widget.grab().save(str(tmp_path / "demo-week.png"))
    widget.set_day(busiest, rooms, day_blocks, hours, notes)
    assert widget.grab().save(str(tmp_path / "demo-day.png"))


def test_dragging_at_the_bottom_edge_scrolls_on(calendar: RoomsCalendar, qtbot: QtBot) -> None:
    calendar.resize(1366, 400)
    calendar.verticalScrollBar().setValue(0)
    assert calendar.verticalScrollBar().maximum() > 0  # the day is taller than the widget
    start = centre(calendar, 2, at(9))
    bottom = QPoint(start.x(), calendar.viewport().height() - 3)
    mouse(calendar, QEvent.Type.MouseButtonPress, start)
    mouse(calendar, QEvent.Type.MouseMove, QPoint(start.x(), start.y() + 20))
    mouse(calendar, QEvent.Type.MouseMove, bottom)
    qtbot.waitUntil(
        lambda: calendar.verticalScrollBar().value() == calendar.verticalScrollBar().maximum()
    )
    with qtbot.waitSignal(calendar.refused):  # down to the evening: over 睦邻议事会 at 14:00
        mouse(calendar, QEvent.Type.MouseButtonRelease, bottom, Qt.MouseButton.NoButton)


def test_data_set_before_showing_still_opens_at_the_current_time(
    qtbot: QtBot, clock_at: clock.FixedClock
) -> None:
    clock_at.set(at(18, 10))
    widget = RoomsCalendar()
    qtbot.addWidget(widget)
    widget.set_day(DAY, ROOMS, DAY_BLOCKS, open_hours([DAY], 8, 21), {})  # still 100 x 30
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    now = widget.cell_rect(1, at(18))
    assert now is not None
    assert widget.viewport().rect().contains(now.center())
    assert widget.verticalScrollBar().value() > 0


def test_tooltips_and_room_headers(calendar: RoomsCalendar, qtbot: QtBot, chinese: None) -> None:
    days = [MONDAY + dt.timedelta(days=n) for n in range(7)]
    blocks = week_blocks()
    calendar.resize(900, 700)
    calendar.set_week(MONDAY, ROOMS, blocks, open_hours(days), {days[0]: "调休上班（元旦）"})
    rect = calendar.block_rect(blocks[0].id)
    assert rect is not None
    tip = calendar.tooltip_at(rect.center())
    for part in (blocks[0].title, "张伟", "138****5678", "多功能厅", "10:00–11:30"):
        assert part in tip
    header = calendar.day_header_rect(days[0])
    assert header is not None
    assert "调休上班" in calendar.tooltip_at(header.center())
    # Below the day header: the rooms' short names, a click names the room.
    below = QPoint(header.left() + 3, header.bottom() + 6)
    assert "多功能厅" in calendar.tooltip_at(below)
    with qtbot.waitSignal(calendar.room_activated) as signal:
        qtbot.mouseClick(calendar.viewport(), Qt.MouseButton.LeftButton, pos=below)
    assert signal.args == [1]


def test_a_cancelled_booking_shown_beside_its_replacement(calendar: RoomsCalendar) -> None:
    cancelled = booking(20, 1, at(12), at(13), "旧活动", status=BookingStatus.CANCELLED)
    replacement = booking(21, 1, at(12), at(13), "新活动")
    calendar.set_day(DAY, ROOMS, [cancelled, replacement], open_hours([DAY]), {})
    left, right = calendar.block_rect(20), calendar.block_rect(21)
    assert left is not None and right is not None
    assert left.right() < right.left()  # side by side, neither hidden
    assert calendar.booking_at(left.center()) == 20
    assert calendar.booking_at(right.center()) == 21
    look = calendar.block_style(20)
    assert look is not None and look.dashed and look.badge
    # A cancelled booking holds nothing: the time beside it can still be booked over.
    calendar.set_day(DAY, ROOMS, [cancelled], open_hours([DAY]), {})
    calendar.set_cursor(1, at(12))
    assert calendar.current_booking_id() == 20
    assert "旧活动" in calendar.describe()


def test_a_narrow_week_column_shortens_the_date_rather_than_cut_it(
    qapp: QApplication, chinese: None
) -> None:
    from ui.rooms.calendar.painting import fitting_day

    font = qapp.font()
    font.setBold(True)
    metrics = QFontMetricsF(font)
    full = metrics.horizontalAdvance("周三 11月25日")
    assert fitting_day(DAY, metrics, full + 1) == "周三 11月25日"
    assert fitting_day(DAY, metrics, full - 1) == "周三 11/25"
