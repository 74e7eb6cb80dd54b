"""The calendar's state and looks: the data pushed in, the layout, the cursor and selection,
the questions tests and screen readers ask, and painting. Mouse (`mouse.py`) and keys
(`widget.py`) build on it; `RoomsCalendar` in `widget.py` is the widget to use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from app import clock
from app.services.rooms.views import BookingBlock, RoomColumn
from ui import labels
from ui.rooms.calendar.layout import (
    HOLDING,
    BlockItem,
    CalendarData,
    Hours,
    Layout,
    ViewMode,
)
from ui.rooms.calendar.painting import Ghost, Painter, long_day
from ui.rooms.calendar.styles import BlockStyle

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


class DragKind(Enum):
    SELECT = "select"
    MOVE = "move"
    RESIZE = "resize"


@dataclass
class Press:
    pos: QPointF
    column: int
    minute: float
    item: BlockItem | None
    edge: bool  # on the bottom edge of the block: resizes it


@dataclass
class Drag:
    kind: DragKind
    ghost: Ghost
    booking: BookingBlock | None = None


class CalendarBase(QAbstractScrollArea):
    """See `RoomsCalendar`."""

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
        self._press: Press | None = None
        self._drag: Drag | None = None
        self._last_selection: Selection | None = None
        self._message = ""
        self._scroll_on_show = False
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
        self._scroll_to_start()

    def _scroll_to_start(self) -> None:
        """The current time a third of the way down today (what is on now and what comes
        next), otherwise the cursor's opening hour at the top. Done again when the widget is
        first shown: before that its size, and so the scroll range, isn't known yet."""
        layout = self._layout
        if layout is None or not layout.columns:
            return
        self._scroll_on_show = not self.isVisible()
        now = clock.now()
        minute = now.hour * 60 + now.minute
        if now.date() in self._data.days and layout.first <= minute <= layout.last:
            body = self.viewport().height() - layout.m.header_height
            self.verticalScrollBar().setValue(round(layout.y_of(minute) - body / 3))
        else:
            self.verticalScrollBar().setValue(
                round(layout.y_of(self._minute_of_slot(self._cursor_at[1])))
            )
        self._ensure_cursor_visible()
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
        if self._scroll_on_show and self.isVisible():
            self._scroll_to_start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._scroll_on_show:
            self._relayout()
            self._scroll_to_start()

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
        parts.append(
            f"{labels.booking_kind_name(block.kind)} · {labels.booking_status_name(block.status)}"
        )
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
