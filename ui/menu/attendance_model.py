"""The attendance list's Qt model: the sign-in sheet's lines with a check box to tick (no
window needed to test it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.services.menu.reads import RosterLine
from ui.labels import QT_TRANSLATE_NOOP
from ui.reception.models import place
from ui.table_model import LinesModel

_Index = QModelIndex | QPersistentModelIndex
_HERE = QT_TRANSLATE_NOOP("MenuAttendance", "Here")
_WALK_IN = QT_TRANSLATE_NOOP("MenuAttendance", "Walk-in")
_WITH = QT_TRANSLATE_NOOP("MenuAttendance", "With %1")
_NO_SHOW = QT_TRANSLATE_NOOP("MenuAttendance", "Did not come")


class AttendanceModel(LinesModel[RosterLine]):
    """The sheet's lines: 序号 is the printed sheet's row number; 签到 is a check box."""

    CONTEXT = "MenuAttendance"
    NUMBER, NAME, PLACE, PHONE, TICKED, NOTE = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("MenuAttendance", "No."),
        QT_TRANSLATE_NOOP("MenuAttendance", "Full name"),
        QT_TRANSLATE_NOOP("MenuAttendance", "Community · building group"),
        QT_TRANSLATE_NOOP("MenuAttendance", "Phone number"),
        QT_TRANSLATE_NOOP("MenuAttendance", "Signed in"),
        QT_TRANSLATE_NOOP("MenuAttendance", "Note"),
    )

    # A click or Space on the check box asks for a tick; the panel writes it and reloads.
    tick_requested = Signal(int, bool)  # signup id, attended

    def row_of(self, signup_id: int) -> int:
        return next(
            (row for row, line in enumerate(self.lines()) if line.signup_id == signup_id), -1
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TICKED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def note(self, line: RosterLine) -> str:
        parts = []
        if line.walk_in:
            parts.append(self._tr(_WALK_IN))
        if line.companion:
            parts.append(self._tr(_WITH).replace("%1", line.companion))
        if line.no_show:
            parts.append(self._tr(_NO_SHOW))
        return "；".join(parts) if parts else ""

    def _tr(self, text: str) -> str:
        return QCoreApplication.translate(self.CONTEXT, text)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < self.rowCount():
            return None
        line = self.line(row)
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.TICKED:
            return Qt.CheckState.Checked if line.attended else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.NUMBER:
                return str(row + 1)
            if column == self.NAME:
                return line.name
            if column == self.PLACE:
                return place(line.community, line.building_group)
            if column == self.PHONE:
                return line.phone
            if column == self.TICKED:
                # Said to a screen reader (and to tests) in words; the box shows it by its tick.
                if role == Qt.ItemDataRole.AccessibleTextRole:
                    return self._tr(_HERE) if line.attended else ""
                return None
            if column == self.NOTE:
                return self.note(line)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.NAME, self.NOTE):
            return self.note(line) or None
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        line = self.line(index.row())
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.tick_requested.emit(line.signup_id, bool(checked))
        return False  # the panel reloads the sheet from the database
