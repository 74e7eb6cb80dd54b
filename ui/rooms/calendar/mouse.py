"""The calendar under the mouse: click to put the cursor, drag over free time to book it, drag a
booking to move it or its bottom edge to resize it (a red ghost and no request where it can't
go), double-click to edit, headers to open a day or a room, tooltips with the full words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from ui.rooms.calendar.base import CalendarBase, Drag, DragKind, Press
from ui.rooms.calendar.layout import BlockItem
from ui.rooms.calendar.painting import Ghost, capacity_text, long_day, short_day


class MouseCalendar(CalendarBase):
    """See `RoomsCalendar`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Dragging near an edge scrolls on (a day is taller than the screen).
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(40)
        self._autoscroll.timeout.connect(self.on_autoscroll)
        self._drag_pos = QPointF()

    def _on_edge(self, item: BlockItem, pos: QPointF) -> bool:
        layout = self._layout
        assert layout is not None
        point = self._to_content(pos)
        grip = max(4.0, layout.m.pad * 1.5)
        return (
            self._moves_allowed and item.rect.bottom() - grip <= point.y() <= item.rect.bottom() + 1
        )

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
        self._press = Press(pos, hit[0], hit[1], item, edge)
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
        self._drag_pos = pos
        self._follow(pos)
        if self._scroll_step(pos) != (0, 0):
            self._autoscroll.start()
        self.viewport().update()

    def _scroll_step(self, pos: QPointF) -> tuple[int, int]:
        """How far to scroll while a drag is held at `pos` near an edge of the body."""
        layout = self._layout
        if layout is None:
            return 0, 0
        viewport = self.viewport()
        zone = layout.m.height
        step = max(4, round(layout.row_height / 3))
        dx = dy = 0
        if pos.y() < layout.m.header_height + zone:
            dy = -step
        elif pos.y() > viewport.height() - zone:
            dy = step
        if pos.x() < layout.m.ruler_width + zone:
            dx = -step
        elif pos.x() > viewport.width() - zone:
            dx = step
        return dx, dy

    def on_autoscroll(self) -> None:
        if self._drag is None:
            self._autoscroll.stop()
            return
        dx, dy = self._scroll_step(self._drag_pos)
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        before = (horizontal.value(), vertical.value())
        horizontal.setValue(before[0] + dx)
        vertical.setValue(before[1] + dy)
        if (horizontal.value(), vertical.value()) == before:
            self._autoscroll.stop()
            return
        self._follow(self._drag_pos)
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

    def _begin_drag(self, press: Press) -> Drag | None:
        layout = self._layout
        assert layout is not None
        if press.item is None:
            slot = self._slot_of(press.minute)
            start = self._minute_of_slot(slot)
            ghost = Ghost(press.column, start, start + self._snap, None)
            return Drag(DragKind.SELECT, ghost)
        if not self._moves_allowed:
            return None
        item = press.item
        kind = DragKind.RESIZE if press.edge else DragKind.MOVE
        return Drag(kind, Ghost(item.column, item.start, item.end, None), item.block)

    def _follow(self, pos: QPointF) -> None:
        drag, press, layout = self._drag, self._press, self._layout
        assert drag is not None and press is not None and layout is not None
        point = self._to_content(pos)
        minute = layout.minute_at(min(max(point.y(), 0.0), layout.content_height - 0.01))
        ghost = drag.ghost
        if drag.kind == DragKind.SELECT:
            anchor = self._slot_of(press.minute)
            slot = self._slot_of(minute)
            ghost.start = self._minute_of_slot(min(anchor, slot))
            ghost.end = self._minute_of_slot(max(anchor, slot)) + self._snap
            ghost.refusal = layout.clash(ghost.column, ghost.start, ghost.end)
            return
        assert press.item is not None and drag.booking is not None
        item = press.item
        if drag.kind == DragKind.RESIZE:
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
        self._autoscroll.stop()
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
        if drag.kind == DragKind.SELECT:
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
        if drag.kind == DragKind.MOVE:
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
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint | QPointF) -> str:
        """The tooltip at a viewport position: a booking in full words (what a narrow column
        can't show), a day or room header, or why a cell can't be booked."""
        pos = QPointF(pos)
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
