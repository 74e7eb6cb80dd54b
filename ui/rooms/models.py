"""Qt table models of the Rooms desk: a series' clashing occurrences, the bookings awaiting
approval, the rooms free for a time. They keep the services' rows and format them when painted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from app.services.rooms.booking import OccurrenceProblem
from app.services.rooms.views import BookingBlock, RoomColumn
from app.services.tables import TableKind
from ui import labels
from ui.labels import QT_TRANSLATE_NOOP
from ui.table_model import EXPORT_ROLE, LinesModel

_Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole


def problem_text(problem: OccurrenceProblem) -> str:
    """What is in the way of one occurrence, in words."""
    if problem.closed:
        return problem.closed
    clash = problem.clash
    if clash is None:
        return ""
    return (
        QCoreApplication.translate("RoomModels", "%1 (%2) booked %3")
        .replace("%1", clash.title)
        .replace("%2", clash.booker or "—")
        .replace("%3", labels.format_time_span(clash.starts_at, clash.ends_at))
    )


class ConflictModel(LinesModel[OccurrenceProblem]):
    """The occurrences of a series that can't be booked as asked: date, time, why."""

    CONTEXT = "RoomModels"
    DAY, TIME, PROBLEM = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("RoomModels", "Date"),
        QT_TRANSLATE_NOOP("RoomModels", "Time"),
        QT_TRANSLATE_NOOP("RoomModels", "What is in the way"),
    )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        problem = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.DAY:
                return labels.format_day(problem.starts_at.date())
            if column == self.TIME:
                return labels.format_time_span(problem.starts_at, problem.ends_at)
            return problem_text(problem)
        if role == RAW_ROLE:
            return problem
        return None


class PendingModel(LinesModel[BookingBlock]):
    """Bookings awaiting approval, the soonest first; one booking on three lines (when and
    where; what; who booked it), so that the panel beside the calendar needs no sideways
    scrolling and the booker's name is never cut off, in the large text size too."""

    CONTEXT = "RoomModels"
    BOOKING = 0
    HEADERS = (QT_TRANSLATE_NOOP("RoomModels", "Booking"),)

    def row_of(self, booking_id: int) -> int:
        return next((row for row, block in enumerate(self._lines) if block.id == booking_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        block = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            when = (
                f"{labels.format_day(block.starts_at.date())} "
                f"{labels.format_time_span(block.starts_at, block.ends_at)} · {block.room}"
            )
            what = (
                QCoreApplication.translate("RoomModels", "%1 (%2)")
                .replace("%1", block.title)
                .replace("%2", labels.booking_kind_name(block.kind))
            )
            who = " ".join(part for part in (block.booker, block.booker_phone) if part)
            booker = QCoreApplication.translate("RoomModels", "Booked by %1").replace(
                "%1", who or "—"
            )
            return f"{when}\n{what}\n{booker}"
        if role == RAW_ROLE:
            return block
        return None


class BookingsModel(LinesModel[BookingBlock]):
    """The bookings of the days shown, one per line by start and room: what the desk's
    导出 Excel writes (the calendar draws the same bookings as blocks)."""

    CONTEXT = "RoomModels"
    EXPORT_KIND = TableKind.PEOPLE  # a resident may be the booker
    DAY, STARTS, ENDS, ROOM, TITLE, KIND, STATUS, BOOKER, PHONE, EXPECTED = range(10)
    HEADERS = (
        QT_TRANSLATE_NOOP("RoomModels", "Date"),
        QT_TRANSLATE_NOOP("RoomModels", "From"),
        QT_TRANSLATE_NOOP("RoomModels", "To"),
        QT_TRANSLATE_NOOP("RoomModels", "Room"),
        QT_TRANSLATE_NOOP("RoomModels", "Title"),
        QT_TRANSLATE_NOOP("RoomModels", "Kind"),
        QT_TRANSLATE_NOOP("RoomModels", "Status"),
        QT_TRANSLATE_NOOP("RoomModels", "Booked by"),
        QT_TRANSLATE_NOOP("RoomModels", "Contact phone"),
        QT_TRANSLATE_NOOP("RoomModels", "Expected attendees"),
    )

    def set_blocks(self, blocks: Sequence[BookingBlock]) -> None:
        self.set_lines(sorted(blocks, key=lambda block: (block.starts_at, block.room, block.id)))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        block, column = self._lines[index.row()], index.column()
        if role == EXPORT_ROLE:
            typed: dict[int, object] = {
                self.DAY: block.starts_at.date(),
                self.STARTS: block.starts_at.time(),
                self.ENDS: block.ends_at.time(),
                self.EXPECTED: block.expected_attendees,
            }
            return typed.get(column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = (
            labels.format_day(block.starts_at.date()),
            labels.format_time(block.starts_at),
            labels.format_time(block.ends_at),
            block.room,
            block.title,
            labels.booking_kind_name(block.kind),
            labels.booking_status_name(block.status),
            block.booker,
            block.booker_phone,
            "" if block.expected_attendees is None else str(block.expected_attendees),
        )
        return texts[column]


class FreeRoomsModel(LinesModel[RoomColumn]):
    """Rooms free for the time asked and big enough, the smallest that fits first."""

    CONTEXT = "RoomModels"
    NAME, CAPACITY, FACILITIES = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("RoomModels", "Room"),
        QT_TRANSLATE_NOOP("RoomModels", "Room capacity"),
        QT_TRANSLATE_NOOP("RoomModels", "Facilities"),
    )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        room = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return room.name
            if column == self.CAPACITY:
                return str(room.capacity)
            return room.facilities
        if role == RAW_ROLE:
            return room
        return None
