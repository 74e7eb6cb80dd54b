"""The calendar widget: one scroll area that paints the header, the time ruler and the bookings
itself, and turns mouse and keys into requests the desk carries out (it calls no service).

The desk pushes data in with `set_day` / `set_week` after every change and listens to:
- `create_requested(room_id, start, end)`: free time selected (dragged over, Enter, double-click);
- `edit_requested(booking_id)`: a booking double-clicked or Enter on it;
- `move_requested(booking_id, room_id, start, end)`: a booking dragged, resized by its bottom
  edge, or moved with Ctrl/Alt + arrow keys, to a place that is free and open;
- `cancel_requested(booking_id)`: Delete on a booking;
- `selection_changed(selection)`: the cursor, range or booking selected (a `Selection`);
- `day_activated(date)`: a day's header clicked (the week view opens that day);
- `room_activated(room_id)`: a room's header clicked;
- `refused(reason)`: a drag or key asked for something that can't be (overlap, closed), in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from app import clock
from app.services.rooms.views import BookingBlock, RoomColumn
from ui.rooms.calendar.layout import (
    HOLDING,
    BlockItem,
    CalendarData,
    Hours,
    Layout,
    ViewMode,
)
from ui.rooms.calendar.painting import Ghost, Painter, capacity_text, long_day, short_day
from ui.rooms.calendar.styles import BlockStyle, kind_name, status_name

SNAPS = (15, 30)


@dataclass(frozen=True)
class CalendarCell:
    """A room on a day between two times: the cursor, or the cell under the mouse."""

    room_id: int
    day: dt.date
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class Selection:
    """What Enter acts on: a booking (`booking_id`) or a stretch of time in one room."""

    room_id: int
    start: dt.datetime
    end: dt.datetime
    booking_id: int | None = None


class _DragKind(Enum):
    SELECT = "select"
    MOVE = "move"
    RESIZE = "resize"


@dataclass
class _Press:
    pos: QPointF
    column: int
    minute: float
    item: BlockItem | None
    edge: bool  # on the bottom edge of the block: resizes it


@dataclass
class _Drag:
    kind: _DragKind
    ghost: Ghost
    booking: BookingBlock | None = None


class RoomsCalendar(QAbstractScrollArea):
    create_requested = Signal(int, object, object)  # room_id, start, end (datetime)
    edit_requested = Signal(int)  # booking_id
    move_requested = Signal(int, int, object, object)  # booking_id, room_id, start, end
    cancel_requested = Signal(int)  # booking_id
    selection_changed = Signal(object)  # Selection | None
    day_activated = Signal(object)  # datetime.date
    room_activated = Signal(int)  # room_id
    refused = Signal(str)  # why the last drag or key did nothing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rooms.calendar")
        self.setAccessibleName(self.tr("Room calendar"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._data = CalendarData(ViewMode.DAY, (clock.today(),), (), (), {}, {})
        self._layout: Layout | None = None
        self._painter: Painter | None = None
        self._snap = 30
        self._moves_allowed = True
        self._cursor_at = (0, 0)  # (column, slot of `_snap` minutes from the first row)
        self._anchor: int | None = None  # the other end of a Shift+arrow range (a slot)
        self._current: int | None = None  # the booking the cursor is on
        self._press: _Press | None = None
        self._drag: _Drag | None = None
        self._last_selection: Selection | None = None
        self._message = ""
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(60_000)
        self._now_timer.timeout.connect(self.viewport().update)
        self._relayout()

    # --- data in ------------------------------------------------------------------------------

    def set_day(
        self,
        day: dt.date,
        rooms: Sequence[RoomColumn],
        blocks: Iterable[BookingBlock],
        hours: Mapping[tuple[int, dt.date], Hours] | None = None,
        day_notes: Mapping[dt.date, str] | None = None,
    ) -> None:
        """Show `day` with `rooms` as columns. `hours[(room_id, day)]` is (opens, closes) or None
        for a room closed all day; a room and day missing from `hours` counts as open.
        `day_notes[day]` is what the day is (国庆节, 调休上班, the centre's reason to close)."""
        self._set(
            CalendarData(
                ViewMode.DAY,
                (day,),
                tuple(rooms),
                tuple(blocks),
                dict(hours or {}),
                dict(day_notes or {}),
            )
        )

    def set_week(
        self,
        first_day: dt.date,
        rooms: Sequence[RoomColumn],
        blocks: Iterable[BookingBlock],
        hours: Mapping[tuple[int, dt.date], Hours] | None = None,
        day_notes: Mapping[dt.date, str] | None = None,
    ) -> None:
        """Show the seven days from `first_day`: one room → a column per day; several rooms →
        each day split into a narrow column per room. Arguments as for `set_day`."""
        days = tuple(first_day + dt.timedelta(days=offset) for offset in range(7))
        self._set(
            CalendarData(
                ViewMode.WEEK,
                days,
                tuple(rooms),
                tuple(blocks),
                dict(hours or {}),
                dict(day_notes or {}),
            )
        )

    def _set(self, data: CalendarData) -> None:
        old = self._data
        same_view = (
            old.mode == data.mode
            and old.days == data.days
            and [room.id for room in old.rooms] == [room.id for room in data.rooms]
            and self._layout is not None
        )
        kept = self.cursor() if same_view else None
        current = self._current
        self._data = data
        self._drag = None
        self._press = None
        self._relayout()
        layout = self._layout
        assert layout is not None
        if kept is not None and current is not None and layout.items_of(current):
            self._go_to_item(layout.items_of(current)[0], scroll=False)
        elif kept is not None:
            self._current = None
            self._set_cursor_at(kept.room_id, kept.day, kept.start, scroll=False)
        else:
            self._current = None
            self._anchor = None
            self._start_position()
        if clock.today() in data.days:
            self._now_timer.start()
        else:
            self._now_timer.stop()
        self._changed()

    def _start_position(self) -> None:
        """A new day or week: the cursor at the current time today, or at the first opening;
        scrolled to it."""
        layout = self._layout
        if layout is None or not layout.columns:
            self._cursor_at = (0, 0)
            return
        now = clock.now()
        column = 0
        minute = layout.first
        if now.date() in self._data.days:
            column = next(c.index for c in layout.columns if c.day == now.date())
            minute = now.hour * 60 + now.minute
        else:
            opening = [c for c in layout.columns if c.opens is not None]
            if opening:
                first = min(opening, key=lambda c: (c.opens or 0, c.index))
                column, minute = first.index, first.opens or layout.first
        self._cursor_at = (column, self._slot_of(minute))
        self._anchor = None
        if now.date() in self._data.days and layout.first <= minute <= layout.last:
            # The current time a third of the way down: what is on now and what comes next.
            body = self.viewport().height() - layout.m.header_height
            self.verticalScrollBar().setValue(round(layout.y_of(minute) - body / 3))
        else:
            self.verticalScrollBar().setValue(
                round(layout.y_of(self._minute_of_slot(self._cursor_at[1])))
            )
        self._sync_current()

    def mode(self) -> ViewMode:
        return self._data.mode

    def days(self) -> list[dt.date]:
        return list(self._data.days)

    def rooms(self) -> list[RoomColumn]:
        return list(self._data.rooms)

    def blocks(self) -> list[BookingBlock]:
        return list(self._data.blocks)

    def set_snap_minutes(self, value: int) -> None:
        """Times snap to 15 or 30 minutes (the cursor moves by as much)."""
        if value not in SNAPS:
            raise ValueError(f"snap to one of {SNAPS} minutes")
        cell = self.cursor()
        self._snap = value
        if cell is not None:
            self._set_cursor_at(cell.room_id, cell.day, cell.start, scroll=False)
        self._anchor = None
        self._changed()

    def snap_minutes(self) -> int:
        return self._snap

    def set_moves_allowed(self, allowed: bool) -> None:
        """Whether bookings may be dragged, resized, moved with keys and cancelled with Delete
        (a desk volunteer's account only asks for new bookings)."""
        self._moves_allowed = allowed

    def moves_allowed(self) -> bool:
        return self._moves_allowed

    # --- layout -------------------------------------------------------------------------------

    def _relayout(self) -> None:
        viewport = self.viewport()
        self._layout = Layout(self._data, self.font(), viewport.width(), viewport.height())
        self._painter = Painter(self._layout)
        self._update_scrollbars()
        viewport.update()

    def _update_scrollbars(self) -> None:
        layout = self._layout
        assert layout is not None
        viewport = self.viewport()
        body_width = max(0, viewport.width() - round(layout.m.ruler_width))
        body_height = max(0, viewport.height() - round(layout.m.header_height))
        vertical = self.verticalScrollBar()
        vertical.setRange(0, max(0, round(layout.content_height) - body_height))
        vertical.setPageStep(max(1, body_height))
        vertical.setSingleStep(max(1, round(layout.row_height)))
        horizontal = self.horizontalScrollBar()
        horizontal.setRange(0, max(0, round(layout.content_width) - body_width))
        horizontal.setPageStep(max(1, body_width))
        horizontal.setSingleStep(max(1, round(layout.m.least_column)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 40, height * 24)

    def minimumSizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 12, height * 8)

    def _origin(self) -> QPointF:
        """Where content (0, 0) is in the viewport."""
        layout = self._layout
        assert layout is not None
        return QPointF(
            layout.m.ruler_width - self.horizontalScrollBar().value(),
            layout.m.header_height - self.verticalScrollBar().value(),
        )

    def _to_content(self, pos: QPointF) -> QPointF:
        return pos - self._origin()

    def _to_view(self, rect: QRectF) -> QRect:
        return rect.translated(self._origin()).toAlignedRect()

    # --- slots and cells ----------------------------------------------------------------------

    def _slot_count(self) -> int:
        layout = self._layout
        assert layout is not None
        return max(1, (layout.last - layout.first) // self._snap)

    def _slot_of(self, minute: float) -> int:
        layout = self._layout
        assert layout is not None
        slot = int((minute - layout.first) // self._snap)
        return min(max(slot, 0), self._slot_count() - 1)

    def _minute_of_slot(self, slot: int) -> int:
        layout = self._layout
        assert layout is not None
        return layout.first + slot * self._snap

    def _snap_round(self, minute: float) -> int:
        return round(minute / self._snap) * self._snap

    def _set_cursor_at(
        self, room_id: int, day: dt.date, start: dt.datetime, *, scroll: bool = True
    ) -> bool:
        layout = self._layout
        assert layout is not None
        column = layout.column_of(room_id, day)
        if column is None:
            return False
        minute = (start - dt.datetime.combine(day, dt.time())).total_seconds() / 60
        self._cursor_at = (column, self._slot_of(minute))
        self._sync_current()
        if scroll:
            self._ensure_cursor_visible()
        return True

    def _go_to_item(self, item: BlockItem, *, scroll: bool = True) -> None:
        self._cursor_at = (item.column, self._slot_of(item.start))
        self._anchor = None
        self._current = item.block.id
        if scroll:
            self._ensure_cursor_visible()

    def _items_at_cursor(self) -> list[BlockItem]:
        layout = self._layout
        assert layout is not None
        column, slot = self._cursor_at
        if column >= len(layout.columns):
            return []
        start = self._minute_of_slot(slot)
        end = start + self._snap
        return [i for i in layout.by_column[column] if i.start < end and start < i.end]

    def _sync_current(self) -> None:
        """The booking under the cursor becomes the current one (none while a range is being
        selected with Shift)."""
        items = self._items_at_cursor() if self._anchor is None else []
        ids = [item.block.id for item in items]
        if self._current in ids:
            return
        holding = [item for item in items if item.block.status in HOLDING]
        self._current = (holding or items)[0].block.id if items else None

    def _range(self) -> tuple[int, int, int]:
        """(column, first minute, end minute) of the cursor's range."""
        column, slot = self._cursor_at
        first = slot if self._anchor is None else min(slot, self._anchor)
        last = slot if self._anchor is None else max(slot, self._anchor)
        return column, self._minute_of_slot(first), self._minute_of_slot(last) + self._snap

    # --- what tests, the desk and screen readers ask ------------------------------------------

    def cursor(self) -> CalendarCell | None:  # type: ignore[override]
        """The cell the keyboard cursor is on (a room on a day, one snap long)."""
        layout = self._layout
        if layout is None or not layout.columns:
            return None
        column, slot = self._cursor_at
        column = min(column, len(layout.columns) - 1)
        start = self._minute_of_slot(slot)
        return CalendarCell(
            layout.columns[column].room.id,
            layout.columns[column].day,
            layout.moment(column, start),
            layout.moment(column, start + self._snap),
        )

    def set_cursor(self, room_id: int, start: dt.datetime) -> bool:
        """Put the cursor on `room_id` at `start` (snapped); False when that isn't shown."""
        self._anchor = None
        moved = self._set_cursor_at(room_id, start.date(), start)
        self._changed()
        return moved

    def selection(self) -> Selection | None:
        layout = self._layout
        if layout is None or not layout.columns:
            return None
        if self._current is not None:
            items = layout.items_of(self._current)
            if items:
                block = items[0].block
                return Selection(block.room_id, block.starts_at, block.ends_at, block.id)
        column, start, end = self._range()
        return Selection(
            layout.columns[column].room.id,
            layout.moment(column, start),
            layout.moment(column, end),
        )

    def current_booking_id(self) -> int | None:
        return self._current

    def select_booking(self, booking_id: int) -> bool:
        """Put the cursor on a booking (the desk's search, the editor's "show in calendar")."""
        layout = self._layout
        items = layout.items_of(booking_id) if layout is not None else []
        if not items:
            return False
        self._go_to_item(items[0])
        self._changed()
        return True

    def block_style(self, booking_id: int) -> BlockStyle | None:
        """How a shown booking is painted (pending: hatched, dashed, with the word 待审批)."""
        layout = self._layout
        items = layout.items_of(booking_id) if layout is not None else []
        return items[0].style if items else None

    def block_text(self, booking_id: int) -> list[str]:
        """The lines (or stacked characters) painted on a booking, as fitted to its size."""
        layout = self._layout
        items = layout.items_of(booking_id) if layout is not None else []
        if not items:
            return []
        if items[0].glyphs:
            return list(items[0].glyphs)
        return ["".join(run.text for run in line) for line in items[0].lines]

    def block_rect(self, booking_id: int) -> QRect | None:
        """A shown booking's rectangle in viewport coordinates (its first piece)."""
        layout = self._layout
        items = layout.items_of(booking_id) if layout is not None else []
        return self._to_view(items[0].rect) if items else None

    def cell_rect(self, room_id: int, start: dt.datetime) -> QRect | None:
        """The viewport rectangle of the snap cell of `room_id` at `start`."""
        layout = self._layout
        if layout is None or self._painter is None:
            return None
        column = layout.column_of(room_id, start.date())
        if column is None:
            return None
        minute = start.hour * 60 + start.minute
        return self._to_view(self._painter.cell(column, minute, minute + self._snap))

    def day_header_rect(self, day: dt.date) -> QRect | None:
        layout = self._layout
        if layout is None:
            return None
        for group in layout.groups:
            if group.day == day:
                m = layout.m
                x = m.ruler_width + group.x - self.horizontalScrollBar().value()
                return QRectF(x, m.title_height, group.width, m.band_height).toAlignedRect()
        return None

    def cell_at(self, pos: QPoint | QPointF) -> CalendarCell | None:
        """The snap cell under a viewport position (None on the header or the ruler)."""
        hit = self._hit(QPointF(pos))
        if hit is None:
            return None
        layout = self._layout
        assert layout is not None
        column, minute = hit
        start = self._minute_of_slot(self._slot_of(minute))
        return CalendarCell(
            layout.columns[column].room.id,
            layout.columns[column].day,
            layout.moment(column, start),
            layout.moment(column, start + self._snap),
        )

    def booking_at(self, pos: QPoint | QPointF) -> int | None:
        layout = self._layout
        if layout is None or self._hit(QPointF(pos)) is None:
            return None
        point = self._to_content(QPointF(pos))
        item = layout.item_at(point.x(), point.y())
        return item.block.id if item is not None else None

    def visible_booking_ids(self) -> list[int]:
        """Bookings at least partly in view (the benchmark counts them)."""
        layout = self._layout
        if layout is None:
            return []
        view = self._visible_area()
        return sorted({item.block.id for item in layout.items if item.rect.intersects(view)})

    def _visible_area(self) -> QRectF:
        layout = self._layout
        assert layout is not None
        viewport = self.viewport()
        return QRectF(
            self.horizontalScrollBar().value(),
            self.verticalScrollBar().value(),
            viewport.width() - layout.m.ruler_width,
            viewport.height() - layout.m.header_height,
        )

    def last_message(self) -> str:
        """The last refusal, in words ("" when none since the data changed)."""
        return self._message

    def describe(self) -> str:
        """The cursor's cell in words, as the accessible description says it."""
        layout = self._layout
        cell = self.cursor()
        if layout is None or cell is None:
            return self.tr("No rooms to show.")
        column_index, start, end = self._range()
        column = layout.columns[column_index]
        where = (
            self.tr("%1, %2 %3–%4")
            .replace("%1", column.room.name)
            .replace("%2", long_day(column.day))
            .replace("%3", _hhmm(start))
            .replace("%4", _hhmm(end))
        )
        if self._current is not None and layout.items_of(self._current):
            return self._booking_words(layout.items_of(self._current)[0].block)
        state = layout.clash(column_index, start, end) or self.tr("free")
        return self.tr("%1: %2").replace("%1", where).replace("%2", state)

    def _booking_words(self, block: BookingBlock) -> str:
        parts = [
            f"{block.title}",
            f"{block.room} {long_day(block.starts_at.date())} "
            f"{_hhmm_dt(block.starts_at)}–{_hhmm_dt(block.ends_at)}",
        ]
        who = " ".join(part for part in (block.booker, block.booker_phone) if part)
        if who:
            parts.append(self.tr("Booked by %1").replace("%1", who))
        parts.append(f"{kind_name(block.kind)} · {status_name(block.status)}")
        if block.series_id is not None:
            parts.append(
                self.tr("Part of a series, changed on its own")
                if block.detached
                else self.tr("Part of a series")
            )
        if block.expected_attendees:
            parts.append(self.tr("%1 expected").replace("%1", str(block.expected_attendees)))
        return "\n".join(parts)

    def _changed(self) -> None:
        self.setAccessibleDescription(self.describe())
        selection = self.selection()
        if selection != self._last_selection:
            self._last_selection = selection
            self.selection_changed.emit(selection)
        self.viewport().update()

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        layout, tools = self._layout, self._painter
        if layout is None or tools is None:
            return
        m = layout.m
        viewport = self.viewport()
        exposed = QRectF(event.rect())
        painter = QPainter(viewport)
        try:
            painter.fillRect(exposed, tools.white)
            origin = self._origin()
            scroll_x = self.horizontalScrollBar().value()
            scroll_y = self.verticalScrollBar().value()
            now = clock.now()
            today = now.date()
            body = QRectF(
                m.ruler_width, m.header_height, viewport.width(), viewport.height()
            ).intersected(exposed)
            if not body.isEmpty() and layout.columns:
                painter.save()
                painter.setClipRect(body)
                painter.translate(origin)
                area = body.translated(-origin).intersected(
                    QRectF(0, 0, layout.content_width, layout.content_height)
                )
                if not area.isEmpty():
                    self._paint_body(painter, tools, area, now)
                painter.restore()
            header = QRectF(m.ruler_width, 0, viewport.width(), m.header_height).intersected(
                exposed
            )
            if not header.isEmpty() and layout.columns:
                painter.save()
                painter.setClipRect(header)
                painter.translate(m.ruler_width - scroll_x, 0)
                tools.header(
                    painter,
                    header.left() - m.ruler_width + scroll_x,
                    min(header.right() - m.ruler_width + scroll_x, layout.content_width),
                    today,
                )
                painter.restore()
            ruler = QRectF(0, m.header_height, m.ruler_width, viewport.height()).intersected(
                exposed
            )
            if not ruler.isEmpty():
                painter.save()
                painter.setClipRect(ruler)
                painter.translate(0, m.header_height - scroll_y)
                shown_now = now if today in self._data.days else None
                tools.ruler(
                    painter,
                    ruler.top() - m.header_height + scroll_y,
                    min(ruler.bottom() - m.header_height + scroll_y, layout.content_height),
                    shown_now,
                )
                painter.restore()
            corner = QRectF(0, 0, m.ruler_width, m.header_height)
            if corner.intersects(exposed):
                painter.fillRect(corner, tools.header_fill)
        finally:
            painter.end()

    def _paint_body(
        self, painter: QPainter, tools: Painter, area: QRectF, now: dt.datetime
    ) -> None:
        layout = self._layout
        assert layout is not None
        first = layout.column_at(area.left())
        last = layout.column_at(area.right() - 0.01)
        if first is None:
            return
        if last is None:
            last = len(layout.columns) - 1
        tools.body(painter, area, first, last)
        column, start, end = self._range()
        if self._drag is None and self._current is None and first <= column <= last:
            tools.range_fill(painter, column, start, end)
        if now.date() in self._data.days:
            # Under the bookings: a line through their text would make it hard to read; the
            # ruler names the time in red beside it.
            tools.now_line(painter, now, area)
        for index in range(first, last + 1):
            for item in layout.by_column[index]:
                if item.rect.intersects(area):
                    tools.block(painter, item)
        if self._current is not None:
            for item in layout.items_of(self._current):
                tools.current(painter, item, self.hasFocus())
        elif self._drag is None and first <= column <= last:
            tools.cursor(painter, tools.cell(column, start, end), self.hasFocus())
        if self._drag is not None:
            tools.ghost(painter, self._drag.ghost)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    # --- mouse --------------------------------------------------------------------------------

    def _hit(self, pos: QPointF) -> tuple[int, float] | None:
        """(column, minute) of a body position; None on the header or the ruler."""
        layout = self._layout
        if layout is None or not layout.columns:
            return None
        if pos.x() < layout.m.ruler_width or pos.y() < layout.m.header_height:
            return None
        point = self._to_content(pos)
        if point.y() < 0 or point.y() >= layout.content_height:
            return None
        column = layout.column_at(point.x())
        if column is None:
            return None
        return column, layout.minute_at(point.y())

    def _on_edge(self, item: BlockItem, pos: QPointF) -> bool:
        layout = self._layout
        assert layout is not None
        point = self._to_content(pos)
        grip = max(4.0, layout.m.pad * 1.5)
        return (
            self._moves_allowed and item.rect.bottom() - grip <= point.y() <= item.rect.bottom() + 1
        )

    def _header_target(self, pos: QPointF) -> tuple[str, object] | None:
        layout = self._layout
        if layout is None or pos.y() >= layout.m.header_height or pos.x() < layout.m.ruler_width:
            return None
        x = pos.x() - layout.m.ruler_width + self.horizontalScrollBar().value()
        m = layout.m
        if m.title_height <= pos.y() < m.title_height + m.band_height:
            group = layout.group_at(x)
            return ("day", group.day) if group is not None else None
        if pos.y() >= m.title_height + m.band_height:
            column = layout.column_at(x)
            return ("room", layout.columns[column].room.id) if column is not None else None
        if self._data.one_room_week:
            return ("room", self._data.rooms[0].id)
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        target = self._header_target(pos)
        if target is not None:
            kind, value = target
            if kind == "day":
                assert isinstance(value, dt.date)
                self.day_activated.emit(value)
            else:
                assert isinstance(value, int)
                self.room_activated.emit(value)
            return
        hit = self._hit(pos)
        if hit is None:
            return
        layout = self._layout
        assert layout is not None
        point = self._to_content(pos)
        item = layout.item_at(point.x(), point.y())
        edge = item is not None and self._on_edge(item, pos)
        self._press = _Press(pos, hit[0], hit[1], item, edge)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if item is None and shift and hit[0] == self._cursor_at[0]:
            if self._anchor is None:
                self._anchor = self._cursor_at[1]
            self._cursor_at = (hit[0], self._slot_of(hit[1]))
            self._current = None
            self._press = None
        else:
            self._anchor = None
            self._cursor_at = (hit[0], self._slot_of(hit[1]))
            self._current = item.block.id if item is not None else None
            if item is None:
                self._sync_current()
        self._changed()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        press = self._press
        if press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            self._hover(pos)
            return
        if self._drag is None:
            distance = (pos - press.pos).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            self._drag = self._begin_drag(press)
            if self._drag is None:
                self._press = None
                return
        self._follow(pos)
        self.viewport().update()

    def _hover(self, pos: QPointF) -> None:
        layout = self._layout
        shape = Qt.CursorShape.ArrowCursor
        if layout is not None:
            if self._header_target(pos) is not None:
                shape = Qt.CursorShape.PointingHandCursor
            elif self._hit(pos) is not None:
                point = self._to_content(pos)
                item = layout.item_at(point.x(), point.y())
                if item is not None and self._on_edge(item, pos):
                    shape = Qt.CursorShape.SizeVerCursor
                elif item is not None and self._moves_allowed:
                    shape = Qt.CursorShape.OpenHandCursor
        self.viewport().setCursor(shape)

    def _begin_drag(self, press: _Press) -> _Drag | None:
        layout = self._layout
        assert layout is not None
        if press.item is None:
            slot = self._slot_of(press.minute)
            start = self._minute_of_slot(slot)
            ghost = Ghost(press.column, start, start + self._snap, None)
            return _Drag(_DragKind.SELECT, ghost)
        if not self._moves_allowed:
            return None
        item = press.item
        kind = _DragKind.RESIZE if press.edge else _DragKind.MOVE
        return _Drag(kind, Ghost(item.column, item.start, item.end, None), item.block)

    def _follow(self, pos: QPointF) -> None:
        drag, press, layout = self._drag, self._press, self._layout
        assert drag is not None and press is not None and layout is not None
        point = self._to_content(pos)
        minute = layout.minute_at(min(max(point.y(), 0.0), layout.content_height - 0.01))
        ghost = drag.ghost
        if drag.kind == _DragKind.SELECT:
            anchor = self._slot_of(press.minute)
            slot = self._slot_of(minute)
            ghost.start = self._minute_of_slot(min(anchor, slot))
            ghost.end = self._minute_of_slot(max(anchor, slot)) + self._snap
            ghost.refusal = layout.clash(ghost.column, ghost.start, ghost.end)
            return
        assert press.item is not None and drag.booking is not None
        item = press.item
        if drag.kind == _DragKind.RESIZE:
            end = max(self._snap_round(minute), item.start + self._snap)
            ghost.end = min(end, layout.last)
            ghost.refusal = layout.clash(ghost.column, ghost.start, ghost.end, drag.booking.id)
            return
        column = layout.column_at(min(max(point.x(), 0.0), layout.content_width - 0.01))
        if column is not None:
            ghost.column = column
        length = item.end - item.start
        start = self._snap_round(minute - (press.minute - item.start))
        start = min(max(start, layout.first), max(layout.first, layout.last - length))
        ghost.start, ghost.end = start, start + length
        ghost.refusal = layout.clash(ghost.column, ghost.start, ghost.end, drag.booking.id)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        drag, self._drag, self._press = self._drag, None, None
        if drag is None:
            return
        layout = self._layout
        assert layout is not None
        ghost = drag.ghost
        if ghost.refusal is not None:
            self._refuse(ghost.refusal)
            return
        room_id = layout.columns[ghost.column].room.id
        start = layout.moment(ghost.column, ghost.start)
        end = layout.moment(ghost.column, ghost.end)
        if drag.kind == _DragKind.SELECT:
            self._cursor_at = (ghost.column, self._slot_of(ghost.end - self._snap))
            self._anchor = self._slot_of(ghost.start)
            self._current = None
            self._changed()
            self.create_requested.emit(room_id, start, end)
            return
        assert drag.booking is not None
        booking = drag.booking
        self._cursor_at = (ghost.column, self._slot_of(ghost.start))
        self._changed()
        if drag.kind == _DragKind.MOVE:
            # The part of a booking past midnight moves with it: shift the whole booking.
            original = next(i for i in layout.items_of(booking.id))
            shift = layout.moment(ghost.column, ghost.start) - layout.moment(
                original.column, original.start
            )
            start, end = booking.starts_at + shift, booking.ends_at + shift
        else:
            start = booking.starts_at
        if (room_id, start, end) != (booking.room_id, booking.starts_at, booking.ends_at):
            self.move_requested.emit(booking.id, room_id, start, end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        pos = event.position()
        if self._header_target(pos) is not None:
            return  # the press already activated it
        hit = self._hit(pos)
        layout = self._layout
        if hit is None or layout is None:
            return
        self._press = None
        point = self._to_content(pos)
        item = layout.item_at(point.x(), point.y())
        if item is not None:
            self.edit_requested.emit(item.block.id)
            return
        self._activate()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _tooltip(self, pos: QPointF) -> str:
        layout = self._layout
        if layout is None:
            return ""
        target = self._header_target(pos)
        if target is not None:
            kind, value = target
            if kind == "day" and isinstance(value, dt.date):
                note = layout.data.notes.get(value, "")
                return " · ".join(part for part in (long_day(value), note) if part)
            room = next((r for r in layout.data.rooms if r.id == value), None)
            if room is None:
                return ""
            return " · ".join(
                part for part in (room.name, capacity_text(room.capacity), room.facilities) if part
            )
        hit = self._hit(pos)
        if hit is None:
            return ""
        point = self._to_content(pos)
        item = layout.item_at(point.x(), point.y())
        if item is not None:
            return self._booking_words(item.block)
        column = layout.columns[hit[0]]
        start = self._minute_of_slot(self._slot_of(hit[1]))
        reason = layout.clash(hit[0], start, start + self._snap)
        if reason:
            where = f"{column.room.name} {short_day(column.day)}"
            return self.tr("%1: %2").replace("%1", where).replace("%2", reason)
        return ""

    # --- keyboard -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            modifiers = event.modifiers()
            plain = not modifiers & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain:
                forward = (
                    key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
                )
                if self._cycle(forward):
                    event.accept()
                    return True
        return super().event(event)

    def _cycle(self, forward: bool) -> bool:
        """Tab to the next booking in time order; False past the last (focus moves on)."""
        layout = self._layout
        if layout is None or not layout.order:
            return False
        order = layout.order
        if self._current is not None:
            position = next(
                (n for n, item in enumerate(order) if item.block.id == self._current), None
            )
        else:
            position = None
        if position is None:
            cell = self.cursor()
            assert cell is not None
            later = [n for n, item in enumerate(order) if item.block.starts_at >= cell.start]
            index = (
                (later[0] if later else len(order))
                if forward
                else (later[0] - 1 if later else len(order) - 1)
            )
        else:
            index = position + (1 if forward else -1)
        if not 0 <= index < len(order):
            return False
        self._go_to_item(order[index])
        self._changed()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        modifiers = event.modifiers()
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        moving = bool(
            modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        steps = {
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
        }
        if key in steps:
            dx, dy = steps[key]
            if moving:
                self._nudge(dx, dy)
            else:
                self._step(dx, dy, extend=shift)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            rows = max(1, 120 // self._snap)
            self._step(0, -rows if key == Qt.Key.Key_PageUp else rows, extend=shift)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            slot = self._cursor_at[1]
            target = 0 if key == Qt.Key.Key_Home else self._slot_count() - 1
            self._step(0, target - slot, extend=shift)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate()
        elif key == Qt.Key.Key_Delete:
            if self._current is not None:
                self.cancel_requested.emit(self._current)
        elif key == Qt.Key.Key_Escape and (self._drag is not None or self._anchor is not None):
            self._drag = None
            self._press = None
            self._anchor = None
            self._sync_current()
            self._changed()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _step(self, dx: int, dy: int, *, extend: bool) -> None:
        layout = self._layout
        if layout is None or not layout.columns:
            return
        column, slot = self._cursor_at
        if extend:
            if self._anchor is None:
                self._anchor = slot
            dx = 0  # a range stays in one room on one day
        else:
            self._anchor = None
        column = min(max(column + dx, 0), len(layout.columns) - 1)
        slot = min(max(slot + dy, 0), self._slot_count() - 1)
        self._cursor_at = (column, slot)
        if extend:
            self._current = None
        else:
            self._current = None
            self._sync_current()
        self._ensure_cursor_visible()
        self._changed()

    def _nudge(self, dx: int, dy: int) -> None:
        """Ctrl/Alt + arrow: move the current booking a snap in time or a column across."""
        layout = self._layout
        if layout is None or self._current is None:
            return
        if not self._moves_allowed:
            self._refuse(self.tr("Bookings can't be moved from this account."))
            return
        items = layout.items_of(self._current)
        if not items:
            return
        item = items[0]
        block = item.block
        column = item.column + dx
        if not 0 <= column < len(layout.columns):
            return
        start, end = item.start + dy * self._snap, item.end + dy * self._snap
        if start < layout.first or end > layout.last:
            self._refuse(self.tr("That is outside the hours shown."))
            return
        refusal = layout.clash(column, start, end, block.id)
        if refusal is not None:
            self._refuse(refusal)
            return
        shift = layout.moment(column, start) - layout.moment(item.column, item.start)
        self._cursor_at = (column, self._slot_of(start))
        self._ensure_cursor_visible()
        self._changed()
        self.move_requested.emit(
            block.id, layout.columns[column].room.id, block.starts_at + shift, block.ends_at + shift
        )

    def _activate(self) -> None:
        """Enter: edit the current booking, or ask to book the selected free time."""
        layout = self._layout
        if layout is None or not layout.columns:
            return
        if self._current is not None:
            self.edit_requested.emit(self._current)
            return
        column, start, end = self._range()
        refusal = layout.clash(column, start, end)
        if refusal is not None:
            self._refuse(refusal)
            return
        self.create_requested.emit(
            layout.columns[column].room.id,
            layout.moment(column, start),
            layout.moment(column, end),
        )

    def _refuse(self, reason: str) -> None:
        self._message = reason
        self.setAccessibleDescription(f"{reason}\n{self.describe()}")
        self.viewport().update()
        self.refused.emit(reason)

    def _ensure_cursor_visible(self) -> None:
        layout = self._layout
        tools = self._painter
        if layout is None or tools is None or not layout.columns:
            return
        column, start, end = self._range()
        if self._anchor is not None:
            start = end = self._minute_of_slot(self._cursor_at[1])
            end += self._snap
        rect = tools.cell(column, start, end)
        view = self._visible_area()
        vertical = self.verticalScrollBar()
        if rect.top() < view.top():
            vertical.setValue(round(rect.top()))
        elif rect.bottom() > view.bottom():
            vertical.setValue(round(rect.bottom() - view.height()))
        horizontal = self.horizontalScrollBar()
        if rect.left() < view.left():
            horizontal.setValue(round(rect.left()))
        elif rect.right() > view.right():
            horizontal.setValue(round(rect.right() - view.width()))


def _hhmm(minute: int) -> str:
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}" if minute < 24 * 60 else "24:00"


def _hhmm_dt(moment: dt.datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"
