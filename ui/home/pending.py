"""Home's list of bookings awaiting approval (待审批的预约), for staff and admin: when, room, what,
who asked. Enter or a double-click on a line asks the main window to open the Rooms desk on its
day (`HomeDesk.pending_booking_activated`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ui import labels
from ui.labels import QT_TRANSLATE_NOOP
from ui.table_model import LinesModel

if TYPE_CHECKING:
    from app.services.home import PendingLine  # noqa: F401  (named as a string below; SQLAlchemy loads after the window)

_Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole


class PendingBookingsModel(LinesModel["PendingLine"]):
    """Bookings awaiting approval, soonest first."""

    CONTEXT = "HomeModels"
    WHEN, ROOM, TITLE, BOOKER = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("HomeModels", "When"),
        QT_TRANSLATE_NOOP("HomeModels", "Room"),
        QT_TRANSLATE_NOOP("HomeModels", "What"),
        QT_TRANSLATE_NOOP("HomeModels", "Asked by"),
    )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.WHEN:
                return labels.format_when(line.starts_at, line.ends_at)
            return (line.room, line.title, line.booker or "—")[column - 1]
        if role == RAW_ROLE:
            return line
        return None
