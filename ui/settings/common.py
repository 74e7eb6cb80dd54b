"""What every page of the Settings desk shares: calling a service and showing its message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui import labels, style
from ui.labels import QT_TRANSLATE_NOOP
from ui.table_model import Index, LinesModel

if TYPE_CHECKING:
    from app.services.rooms.setup import AffectedBooking

T = TypeVar("T")

# Greyed, yet 5.7:1 on white: an inactive row stays readable, and also says 停用 in words.
INACTIVE_COLOUR = "#666666"


class HasActive(Protocol):
    @property
    def active(self) -> bool: ...


A = TypeVar("A", bound=HasActive)


class ActiveLinesModel(LinesModel[A]):
    """Rows of things set active or not (organisations, the menu's items): each cell's text from
    `texts`, whole in its tooltip; an inactive row greyed (its texts say so in words too)."""

    def texts(self, line: A) -> tuple[str, ...]:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self.texts(line)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not line.active:
            return QColor(INACTIVE_COLOUR)
        return None


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A page title a step larger than the text; relative, so it follows the text size setting."""
    html = f'<span style="font-size: x-large; font-weight: bold;">{escape(text)}</span>'
    label = QLabel(html, parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """An explaining sentence, wrapped at 1.3 line spacing."""
    label = QLabel(style.paragraph_html(text, colour=style.MUTED_COLOUR), parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


def fit_columns(view: QTableView, *, stretch: int) -> None:
    """Every column as wide as its text and a margin; column `stretch` takes the rest (elided,
    whole in its tooltip), so the table never needs scrolling sideways."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    margin = view.fontMetrics().averageCharWidth() * 2
    for column in range(view.model().columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        width = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        view.setColumnWidth(column, width + margin)


class RoomyRowsDelegate(QStyledItemDelegate):
    """Rows at least 1.6 lines of the view's font high (MIIT line spacing), following text size."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), round(option.fontMetrics.height() * 1.6)))


# ---- days and bookings, for the rooms and closures pages --------------------------------------

_WEEKDAYS = (  # the services say them too (app.services.rooms.setup.weekday_name)
    QT_TRANSLATE_NOOP("Weekdays", "Monday"),
    QT_TRANSLATE_NOOP("Weekdays", "Tuesday"),
    QT_TRANSLATE_NOOP("Weekdays", "Wednesday"),
    QT_TRANSLATE_NOOP("Weekdays", "Thursday"),
    QT_TRANSLATE_NOOP("Weekdays", "Friday"),
    QT_TRANSLATE_NOOP("Weekdays", "Saturday"),
    QT_TRANSLATE_NOOP("Weekdays", "Sunday"),
)
_SHORT_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Weekdays", "Mon"),
    QT_TRANSLATE_NOOP("Weekdays", "Tue"),
    QT_TRANSLATE_NOOP("Weekdays", "Wed"),
    QT_TRANSLATE_NOOP("Weekdays", "Thu"),
    QT_TRANSLATE_NOOP("Weekdays", "Fri"),
    QT_TRANSLATE_NOOP("Weekdays", "Sat"),
    QT_TRANSLATE_NOOP("Weekdays", "Sun"),
)
SHOWN_BOOKINGS = 5  # a warning names this many bookings, then says how many more


def weekday_name(weekday: int) -> str:
    """星期一 … 星期日 (0 = Monday); the same words the services use."""
    return QCoreApplication.translate("Weekdays", _WEEKDAYS[weekday])


def short_weekday(weekday: int) -> str:
    """周一 … 周日."""
    return QCoreApplication.translate("Weekdays", _SHORT_WEEKDAYS[weekday])


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def day_span_text(first: dt.date, last: dt.date) -> str:
    """12月24日 周四, or 12月24日 周四 – 12月26日 周六 (3 天)."""
    if first == last:
        return labels.format_day(first)
    count = (last - first).days + 1
    return (
        QCoreApplication.translate("SettingsCommon", "%1 – %2 (%3 days)")
        .replace("%1", labels.format_day(first))
        .replace("%2", labels.format_day(last))
        .replace("%3", str(count))
    )


def affected_text(lead: str, affected: Sequence[AffectedBooking]) -> str:
    """`lead` ("%1 bookings fall on the closed days:") and the first few bookings, a line each:
    12月24日 周四 14:00–16:00 书法班 (书画室). Bookings are never cancelled by a change in
    Settings: staff move or cancel them on the Rooms desk."""
    lines = [lead.replace("%1", str(len(affected)))]
    for booking in affected[:SHOWN_BOOKINGS]:
        lines.append(
            QCoreApplication.translate("SettingsCommon", "%1 %2 %3 (%4)")
            .replace("%1", labels.format_day(booking.starts_at.date()))
            .replace("%2", labels.format_time_span(booking.starts_at, booking.ends_at))
            .replace("%3", booking.title)
            .replace("%4", booking.room)
        )
    if len(affected) > SHOWN_BOOKINGS:
        lines.append(
            QCoreApplication.translate("SettingsCommon", "… and %1 more.").replace(
                "%1", str(len(affected) - SHOWN_BOOKINGS)
            )
        )
    lines.append(
        QCoreApplication.translate(
            "SettingsCommon",
            "They are not cancelled: please move or cancel them on the Rooms desk.",
        )
    )
    return "\n".join(lines)
