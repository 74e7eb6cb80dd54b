"""Qt table models of the Reception desk: search results, today's log, open requests.

They hold the services' rows as they are and format them only when a cell is painted, so a
keystroke costs one reset of at most 20 rows (no window needed to test them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app import clock
from app.models import RequestStatus
from app.services.reception import RequestRow, VisitLine  # noqa: F401  (a string in a class base)
from app.services.search import PersonHit
from app.services.tables import TableKind
from ui import labels, style
from ui.labels import QT_TRANSLATE_NOOP
from ui.table_model import EXPORT_ROLE, LinesModel, TableModel

_Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole  # the service's row behind a line
MARKER = "▶ "  # the highlighted result says so in a sign too, not only in colour


def format_last_visit(at: dt.datetime | None, today: dt.date) -> str:
    """今天 10:02 / 昨天 16:40 / 3月5日 / 2024年3月5日; "never" for a first visit."""
    if at is None:
        return QCoreApplication.translate("ReceptionModels", "never")
    day = at.date()
    if day == today:
        return QCoreApplication.translate("ReceptionModels", "today %1").replace(
            "%1", labels.format_time(at)
        )
    if day == today - dt.timedelta(days=1):
        return QCoreApplication.translate("ReceptionModels", "yesterday %1").replace(
            "%1", labels.format_time(at)
        )
    if day.year == today.year:
        pattern = QCoreApplication.translate(
            "ReceptionModels", "d MMM", "a day of this year, Qt format"
        )
    else:
        pattern = QCoreApplication.translate(
            "ReceptionModels", "d MMM yyyy", "a day of another year, Qt format"
        )
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def place(community: str, building_group: str) -> str:
    """社区 · 楼组, either part alone when the other is missing."""
    return " · ".join(part for part in (community, building_group) if part)


class _Table(TableModel):
    CONTEXT = "ReceptionModels"


class ResultsModel(_Table):
    """People found by the search box, best match first; one row is highlighted (▶)."""

    NAME, PHONE, PLACE, MEMBER_CODE, LAST_VISIT = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReceptionModels", "Name"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Phone"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Community · building group"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Member code"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Last visit"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[PersonHit] = []
        self._current = -1
        self.today = clock.today()
        self.typed = ""  # the text the hits were found for

    def set_hits(self, hits: list[PersonHit], typed: str = "") -> None:
        """New results; the first one highlighted."""
        self.beginResetModel()
        self._hits = hits
        self._current = 0 if hits else -1
        self.typed = typed
        self.today = clock.today()
        self.endResetModel()

    def hits(self) -> list[PersonHit]:
        return list(self._hits)

    def hit(self, row: int) -> PersonHit:
        return self._hits[row]

    def current_row(self) -> int:
        return self._current

    def current_hit(self) -> PersonHit | None:
        return self._hits[self._current] if 0 <= self._current < len(self._hits) else None

    def set_current_row(self, row: int) -> None:
        if not self._hits:
            return
        row = max(0, min(row, len(self._hits) - 1))
        if row == self._current:
            return
        previous, self._current = self._current, row
        for changed in (previous, row):
            if 0 <= changed < len(self._hits):
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, self.NAME))

    def row_of(self, person_id: int) -> int:
        return next((row for row, hit in enumerate(self._hits) if hit.id == person_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._hits):
            return None
        hit = self._hits[row]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return (MARKER if row == self._current else "") + hit.name
            if column == self.PHONE:
                return hit.phone_masked
            if column == self.PLACE:
                return place(hit.community, hit.building_group)
            if column == self.MEMBER_CODE:
                return hit.member_code
            return format_last_visit(hit.last_visit_at, self.today)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PLACE:
            return place(hit.community, hit.building_group)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.NAME:
            return hit.name
        if role == Qt.ItemDataRole.FontRole and row == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == RAW_ROLE:
            return hit
        return None


REQUEST_STATUS_NAMES: dict[RequestStatus, str] = {
    RequestStatus.OPEN: QT_TRANSLATE_NOOP("ReceptionModels", "Open"),
    RequestStatus.ASSIGNED: QT_TRANSLATE_NOOP("ReceptionModels", "Assigned to %1"),
    RequestStatus.RESOLVED: QT_TRANSLATE_NOOP("ReceptionModels", "Resolved on"),
}


def request_status_text(row: RequestRow) -> str:
    return QCoreApplication.translate("ReceptionModels", REQUEST_STATUS_NAMES[row.status]).replace(
        "%1", row.assigned_to
    )


def request_summary(row: RequestRow) -> str:
    """【category】the text on one line."""
    return (
        QCoreApplication.translate("ReceptionModels", "[%1] %2")
        .replace("%1", row.category)
        .replace("%2", " ".join(row.text.split()))
    )


class TodayLogModel(LinesModel["VisitLine"]):
    CONTEXT = "ReceptionModels"
    """Today's check-ins, newest first; an undone one stays, struck through and saying so."""

    EXPORT_KIND = TableKind.PEOPLE

    TIME, NAME, COMMUNITY, PURPOSE, ACCOUNT = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReceptionModels", "Time"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Name"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Community"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Purpose"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Desk account"),
    )

    def row_of(self, visit_id: int) -> int:
        return next((row for row, line in enumerate(self._lines) if line.id == visit_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return labels.format_time(line.at)
            if column == self.NAME:
                return line.name or QCoreApplication.translate("ReceptionModels", "(anonymised)")
            if column == self.COMMUNITY:
                return line.community
            if column == self.PURPOSE:
                name = labels.purpose_name(line.purpose)
                return (
                    QCoreApplication.translate("ReceptionModels", "%1 (undone)").replace("%1", name)
                    if line.undone
                    else name
                )
            return line.account
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [labels.purpose_name(line.purpose)]
            if line.note:
                parts.append(
                    QCoreApplication.translate("ReceptionModels", "Note: %1").replace(
                        "%1", line.note
                    )
                )
            if line.undone:
                parts.append(
                    QCoreApplication.translate("ReceptionModels", "This check-in was undone.")
                )
            return "\n".join(parts)
        if role == Qt.ItemDataRole.FontRole and line.undone:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and line.undone:
            return QBrush(QColor(style.MUTED_COLOUR))
        if role == EXPORT_ROLE and column == self.TIME:
            return line.at
        if role == RAW_ROLE:
            return line
        return None


class RequestsModel(_Table):
    """Open 民生直通车 requests, the longest waiting first."""

    OPENED, PERSON, TEXT, STATUS = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReceptionModels", "Recorded"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Resident"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Request"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Status"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RequestRow] = []
        self.today = clock.today()

    def set_rows(self, rows: list[RequestRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.today = clock.today()
        self.endResetModel()

    def request(self, row: int) -> RequestRow:
        return self._rows[row]

    def requests(self) -> list[RequestRow]:
        return list(self._rows)

    def row_of(self, request_id: int) -> int:
        return next((row for row, item in enumerate(self._rows) if item.id == request_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.OPENED:
                return format_last_visit(item.created_at, self.today)
            if column == self.PERSON:
                return item.person_name or QCoreApplication.translate(
                    "ReceptionModels", "(not registered)"
                )
            if column == self.TEXT:
                return request_summary(item)
            return request_status_text(item)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TEXT, self.STATUS):
            return request_summary(item) if column == self.TEXT else request_status_text(item)
        if role == RAW_ROLE:
            return item
        return None


class AwaitingModel(LinesModel[RequestRow]):
    """Resolved requests whose resident has not answered the follow-up call yet: whom to call,
    the most recently resolved first."""

    CONTEXT = "ReceptionModels"
    EXPORT_KIND = TableKind.PEOPLE
    RESOLVED, PERSON, TEXT, DONE = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReceptionModels", "Resolved on"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Resident"),
        QT_TRANSLATE_NOOP("ReceptionModels", "Request"),
        QT_TRANSLATE_NOOP("ReceptionModels", "What was done"),
    )

    def row_of(self, request_id: int) -> int:
        return next((row for row, item in enumerate(self._lines) if item.id == request_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        item, column = self._lines[index.row()], index.column()
        if role == EXPORT_ROLE and column == self.RESOLVED:
            return item.resolved_at
        if role == RAW_ROLE:
            return item
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.RESOLVED:
            return format_last_visit(item.resolved_at, clock.today()) if item.resolved_at else ""
        if column == self.PERSON:
            return item.person_name or QCoreApplication.translate(
                "ReceptionModels", "(not registered)"
            )
        if column == self.TEXT:
            return request_summary(item)
        return " ".join(item.resolution.split())
