"""Qt table models of the lists behind the Home charts (`app.services.statistics.lists`); they
work without a window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from ui import labels
from ui.home.charts import hours_text
from ui.labels import QT_TRANSLATE_NOOP
from ui.table_model import Index, LinesModel, T

if TYPE_CHECKING:  # the rows come with SQLAlchemy, which loads after the window
    from app.services.statistics.lists import BookingRow, VisitRow
    from app.services.statistics.rows import SessionFigures

RAW_ROLE = Qt.ItemDataRole.UserRole  # the plain value behind a cell (tests, sorting)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Rows(LinesModel[T]):
    """A list's rows: each cell's plain value (RAW_ROLE) and its text; `RIGHT` columns (figures)
    are aligned right."""

    CONTEXT = "HomeLists"
    RIGHT: tuple[int, ...] = ()

    def values(self, line: T) -> tuple[Any, ...]:
        raise NotImplementedError

    def text(self, line: T, column: int, value: Any) -> str:
        return str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        line = self.line(index.row())
        column = index.column()
        if role == RAW_ROLE:
            return self.values(line)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT:
            return _RIGHT
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(line, column, self.values(line)[column])
        return None


class VisitRowsModel(_Rows["VisitRow"]):
    """Visits: when, who (phone masked), from where, why, checked in by whom."""

    HEADERS = (
        QT_TRANSLATE_NOOP("HomeLists", "Time"),
        QT_TRANSLATE_NOOP("HomeLists", "Visitor"),
        QT_TRANSLATE_NOOP("HomeLists", "Community · group"),
        QT_TRANSLATE_NOOP("HomeLists", "Phone number"),
        QT_TRANSLATE_NOOP("HomeLists", "Purpose of visit"),
        QT_TRANSLATE_NOOP("HomeLists", "Note"),
        QT_TRANSLATE_NOOP("HomeLists", "Checked in by"),
    )
    NOTE = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.with_days = False  # a month's list names each visit's day too

    def values(self, line: VisitRow) -> tuple[Any, ...]:
        return (
            line.at,
            line.name,
            (line.community, line.building_group),
            line.phone,
            line.purpose,
            line.note,
            line.checked_in_by,
        )

    def text(self, line: VisitRow, column: int, value: Any) -> str:
        if column == 0:
            time = labels.format_time(line.at)
            return f"{labels.format_day(line.at.date())} {time}" if self.with_days else time
        if column == 1:
            if line.anonymised:
                return QCoreApplication.translate("HomeLists", "(anonymised)")
            return line.name or "—"  # a visitor who was not registered
        if column == 2:
            return " · ".join(part for part in value if part)
        if column == 4:
            return labels.purpose_name(line.purpose)
        return str(value)


class SeriesSessionsModel(_Rows["SessionFigures"]):
    """A series' sessions: when, what, where, seats signed up, present, not come."""

    HEADERS = (
        QT_TRANSLATE_NOOP("HomeLists", "When"),
        QT_TRANSLATE_NOOP("HomeLists", "Activity"),
        QT_TRANSLATE_NOOP("HomeLists", "Room"),
        QT_TRANSLATE_NOOP("HomeLists", "Signed up"),
        QT_TRANSLATE_NOOP("HomeLists", "Came"),
        QT_TRANSLATE_NOOP("HomeLists", "Did not come"),
        QT_TRANSLATE_NOOP("HomeLists", "Walk-ins"),
    )
    ACTIVITY = 1
    RIGHT = (3, 4, 5, 6)

    def values(self, line: SessionFigures) -> tuple[Any, ...]:
        return (
            line.starts_at,
            line.item,
            line.room,
            line.signups,
            line.attended,
            line.no_shows,
            line.walk_ins,
        )

    def text(self, line: SessionFigures, column: int, value: Any) -> str:
        if column == 0:
            return labels.format_when(line.starts_at, line.ends_at)
        if column == 2:
            return line.room or QCoreApplication.translate("HomeLists", "(no room)")
        if column == 3:
            return f"{line.signups} / {line.capacity}"
        return str(value)


class RoomBookingsModel(_Rows["BookingRow"]):
    """A room's held bookings: when, what, booked by whom, hours."""

    HEADERS = (
        QT_TRANSLATE_NOOP("HomeLists", "When"),
        QT_TRANSLATE_NOOP("HomeLists", "What"),
        QT_TRANSLATE_NOOP("HomeLists", "Booked by"),
        QT_TRANSLATE_NOOP("HomeLists", "Hours"),
    )
    TITLE = 1
    RIGHT = (3,)

    def values(self, line: BookingRow) -> tuple[Any, ...]:
        return (line.starts_at, line.title, line.booker, line.hours)

    def text(self, line: BookingRow, column: int, value: Any) -> str:
        if column == 0:
            return labels.format_when(line.starts_at, line.ends_at)
        if column == 2:
            return line.booker or "—"
        if column == 3:
            return hours_text(line.hours)
        return str(value)
