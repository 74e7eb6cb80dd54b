"""Qt table models of the Home desk, fed from `app.services.home.HomeFigures` (no window needed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app import clock
from app.choices import BookingStatus, Purpose
from ui import labels, style
from ui.labels import QT_TRANSLATE_NOOP
from ui.table_model import LinesModel, T, TableModel

if TYPE_CHECKING:
    from app.services.home import BookingLine, SessionLine  # noqa: F401  (class bases name them as strings; SQLAlchemy loads after the window)

_Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole  # the plain value behind a cell (tests, sorting)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Table(TableModel):
    CONTEXT = "HomeModels"


class _Lines(LinesModel[T]):
    CONTEXT = "HomeModels"


class PurposeCountModel(_Table):
    """Today's visits by purpose: only purposes with visits, in the order of the purpose list."""

    HEADERS = (
        QT_TRANSLATE_NOOP("HomeModels", "Purpose"),
        QT_TRANSLATE_NOOP("HomeModels", "Visits"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Purpose, int]] = []

    def set_counts(self, counts: dict[Purpose, int]) -> None:
        self.beginResetModel()
        self._rows = [(p, counts[p]) for p in Purpose if counts.get(p, 0) > 0]
        self.endResetModel()

    def counts(self) -> dict[Purpose, int]:
        return dict(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        purpose, count = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return labels.purpose_name(purpose) if column == 0 else str(count)
        if role == RAW_ROLE:
            return purpose if column == 0 else count
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return _RIGHT
        return None


class RoomScheduleModel(_Lines["BookingLine"]):
    """Today's room bookings: time, room, title, status (a pending booking says so in words)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("HomeModels", "Time"),
        QT_TRANSLATE_NOOP("HomeModels", "Room"),
        QT_TRANSLATE_NOOP("HomeModels", "What"),
        QT_TRANSLATE_NOOP("HomeModels", "Status"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._day = clock.today()

    def set_lines(self, lines: Sequence[BookingLine], day: dt.date | None = None) -> None:
        self._day = day or self._day
        super().set_lines(lines)

    def _time(self, line: BookingLine) -> str:
        start = line.starts_at
        end = line.ends_at
        text = labels.format_time_span(start, end)
        if start.date() != self._day or end.date() != self._day:
            # A booking over midnight or several days: name the days as well.
            text = f"{labels.format_day(start.date())} {labels.format_time(start)}–" + (
                f"{labels.format_day(end.date())} {labels.format_time(end)}"
            )
        return text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return self._time(line)
            if column == 1:
                return line.room
            if column == 2:
                return line.title
            return labels.booking_status_name(line.status)
        if role == RAW_ROLE:
            return (line.starts_at, line.room, line.title, line.status)[column]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == 3
            and line.status == BookingStatus.PENDING
        ):
            return QBrush(QColor(style.ERROR_COLOUR))
        return None


class WeekSessionsModel(_Lines["SessionLine"]):
    """This week's activity sessions: seats taken (a companion takes one too) against capacity,
    满 when none is left, and how many wait."""

    HEADERS = (
        QT_TRANSLATE_NOOP("HomeModels", "When"),
        QT_TRANSLATE_NOOP("HomeModels", "Series"),
        QT_TRANSLATE_NOOP("HomeModels", "Activity"),
        QT_TRANSLATE_NOOP("HomeModels", "Room"),
        QT_TRANSLATE_NOOP("HomeModels", "Signed up"),
        QT_TRANSLATE_NOOP("HomeModels", "Waitlist"),
    )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return labels.format_when(line.starts_at, line.ends_at)
            if column == 1:
                return line.series
            if column == 2:
                return line.item
            if column == 3:
                return line.room or QCoreApplication.translate("HomeModels", "(no room)")
            if column == 4:
                text = f"{line.signed_up} / {line.capacity}"
                if line.full:
                    text += " " + QCoreApplication.translate("HomeModels", "(full)")
                return text
            return str(line.waitlisted)
        if role == RAW_ROLE:
            return (
                line.starts_at,
                line.series,
                line.item,
                line.room,
                (line.signed_up, line.capacity),
                line.waitlisted,
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return _RIGHT
        return None
