"""The base of the desks' Qt table models: translated column headers and readable rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

# The typed value behind a cell, for an export to .xlsx (`ui.table_export`): a `date` or
# `datetime` where the cell shows "2026-11-28 09:30", an `int` or `Decimal` where it shows a
# count or hours, a `str` otherwise. A model answers it for the cells whose text is not the
# value itself; for the others the export takes the DisplayRole text. On the horizontal header
# it may give an Excel number format for the column ("0.0%").
EXPORT_ROLE = int(Qt.ItemDataRole.UserRole) + 64


class TableModel(QAbstractTableModel):
    """Columns named by `HEADERS` (marked with QT_TRANSLATE_NOOP in the `CONTEXT` context)."""

    CONTEXT: ClassVar[str] = ""
    HEADERS: ClassVar[tuple[str, ...]] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def header_texts(self) -> list[str]:
        return [
            str(self.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.columnCount())
        ]

    def export_values(self, row: int) -> list[object]:
        """The row as an export writes it (tests): EXPORT_ROLE, else the text shown."""
        values = []
        for column in range(self.columnCount()):
            value = self.data(self.index(row, column), EXPORT_ROLE)
            values.append(self.data(self.index(row, column)) if value is None else value)
        return values

    def row_texts(self, row: int) -> list[str]:
        """What a person reads on the row (tests, support calls)."""
        values = (self.data(self.index(row, c)) for c in range(self.columnCount()))
        return ["" if value is None else str(value) for value in values]


class LinesModel(TableModel, Generic[T]):
    """Rows from a list that is replaced whole (a day's log, a week's sessions)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[T] = []

    def set_lines(self, lines: Sequence[T]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> T:
        return self._lines[row]

    def lines(self) -> list[T]:
        return list(self._lines)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)
