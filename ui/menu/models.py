"""Qt table models of the Service menu desk: a period's sessions, and one session's roster with
its waitlist. They keep the services' rows and put them in words when painted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.models import SessionStatus, SignupStatus
from app.services.menu.reads import RosterLine, SessionRow
from app.services.tables import TableKind
from ui import labels
from ui.labels import QT_TRANSLATE_NOOP
from ui.table_model import EXPORT_ROLE, LinesModel

_Index = QModelIndex | QPersistentModelIndex
_CONTEXT = "MenuModels"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def seats_text(row: SessionRow) -> str:
    """报名: seats taken of the capacity, e.g. 2/2."""
    return f"{row.taken}/{row.capacity}"


class SessionsModel(LinesModel[SessionRow]):
    """A period's sessions by start time: day, time, item, room, seats, waitlist, status. A full,
    closed or cancelled session says so in the status column (bold), not by colour alone."""

    CONTEXT = _CONTEXT
    EXPORT_KIND = TableKind.STATISTICS  # no one named: counts of seats and waiting
    DAY, TIME, ITEM, ROOM, SEATS, WAITING, STATUS = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("MenuModels", "Date"),
        QT_TRANSLATE_NOOP("MenuModels", "Time"),
        QT_TRANSLATE_NOOP("MenuModels", "Menu item"),
        QT_TRANSLATE_NOOP("MenuModels", "Room"),
        QT_TRANSLATE_NOOP("MenuModels", "Seats taken"),
        QT_TRANSLATE_NOOP("MenuModels", "Waitlist"),
        QT_TRANSLATE_NOOP("MenuModels", "Status"),
    )

    def row_of(self, session_id: int) -> int:
        return next((row for row, line in enumerate(self._lines) if line.id == session_id), -1)

    def _text(self, line: SessionRow, column: int) -> str:
        if column == self.DAY:
            return labels.format_day(line.starts_at.date())
        if column == self.TIME:
            return labels.format_time_span(line.starts_at, line.ends_at)
        if column == self.ITEM:
            return line.item
        if column == self.ROOM:
            return line.room or "—"
        if column == self.SEATS:
            return seats_text(line)
        if column == self.WAITING:
            return str(line.waiting) if line.waiting else ""
        return labels.session_status_name(line.status)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.ITEM:
                return " · ".join(part for part in (line.series, line.item, line.audience) if part)
            return self._text(line, column)
        if role == Qt.ItemDataRole.FontRole and column == self.STATUS:
            return _bold() if line.status != SessionStatus.OPEN else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.SEATS, self.WAITING):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == EXPORT_ROLE:
            if column == self.DAY:
                return line.starts_at.date()
            if column == self.WAITING:
                return line.waiting
        return None


class RosterModel(LinesModel[RosterLine]):
    """A session's people: those signed up (the sheet's order: pinyin, then walk-ins as they came)
    numbered 1, 2, …, then the waitlist in line order numbered 候补1, 候补2, …"""

    CONTEXT = _CONTEXT
    EXPORT_KIND = TableKind.PEOPLE
    NUMBER, NAME, PLACE, PHONE, COMPANION, MARKS = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("MenuModels", "No."),
        QT_TRANSLATE_NOOP("MenuModels", "Full name"),
        QT_TRANSLATE_NOOP("MenuModels", "Community · building group"),
        QT_TRANSLATE_NOOP("MenuModels", "Contact phone"),
        QT_TRANSLATE_NOOP("MenuModels", "Companion"),
        QT_TRANSLATE_NOOP("MenuModels", "Note"),
    )

    def row_of(self, signup_id: int) -> int:
        return next(
            (row for row, line in enumerate(self._lines) if line.signup_id == signup_id), -1
        )

    def _number(self, row: int, line: RosterLine) -> str:
        if line.status == SignupStatus.WAITLISTED:
            return QCoreApplication.translate("MenuModels", "Waitlist %1").replace(
                "%1", str(line.position or "")
            )
        return str(row + 1)

    @staticmethod
    def marks(line: RosterLine) -> str:
        """现场 (came without signing up), 补位 (moved up from the waitlist)."""
        words = []
        if line.walk_in:
            words.append(QCoreApplication.translate("MenuModels", "On the spot"))
        if line.promoted_at is not None:
            words.append(QCoreApplication.translate("MenuModels", "Moved up"))
        if line.attended:
            words.append(QCoreApplication.translate("MenuModels", "Came"))
        return "、".join(words)

    def _text(self, row: int, line: RosterLine, column: int) -> str:
        if column == self.NUMBER:
            return self._number(row, line)
        if column == self.NAME:
            return line.name
        if column == self.PLACE:
            return "·".join(part for part in (line.community, line.building_group) if part)
        if column == self.PHONE:
            return line.phone
        if column == self.COMPANION:
            return line.companion
        return self.marks(line)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(index.row(), line, index.column())
            if role == Qt.ItemDataRole.ToolTipRole and line.override_reason:
                why = QCoreApplication.translate("MenuModels", "Signed up outside the audience: %1")
                text = f"{text}\n{why.replace('%1', line.override_reason)}"
            return text
        if role == Qt.ItemDataRole.FontRole and index.column() == self.NUMBER:
            return _bold() if line.status == SignupStatus.WAITLISTED else None
        return None
