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

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from ui.rooms.calendar.base import CalendarCell, Selection
from ui.rooms.calendar.mouse import MouseCalendar

__all__ = ["CalendarCell", "RoomsCalendar", "Selection"]


class RoomsCalendar(MouseCalendar):
    """The calendar widget, with its keys: arrows move the cursor (Shift: extend the range),
    Enter books the range or edits the booking, Tab / Shift+Tab go from booking to booking in
    time order, Ctrl or Alt + arrows move the booking a snap or a column, Delete asks to
    cancel it, Escape drops a range or a drag."""

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
