"""Qt table models of a resident's signing up: the sessions that fit them (the quick signup) and
their signups to come (their record). No window needed to test them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.i18n import translate
from app.models import SignupStatus
from app.services.menu.fitting import FitRow, PersonSignup
from ui import labels
from ui.labels import QT_TRANSLATE_NOOP
from ui.table_model import LinesModel

_Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole  # the service's row behind a line
# Greyed, yet 5.7:1 on white (readable; the row also says why in words, not in colour only).
GREYED_COLOUR = "#666666"


def format_short_day(day: dt.date) -> str:
    """11月26日 / 26 Nov."""
    pattern = QCoreApplication.translate("SignupModels", "d MMM")  # a Qt date format
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def format_short_moment(moment: dt.datetime) -> str:
    """11月26日 14:00 / 26 Nov 14:00."""
    return f"{format_short_day(moment.date())} {labels.format_time(moment)}"


def places_text(fit: FitRow) -> str:
    """余 3 位, or 候补第 2 位 when signing up now joins the waitlist."""
    if fit.waitlist_position is not None:
        if fit.row.free < fit.seats:
            return QCoreApplication.translate("SignupModels", "Full: waitlist no. %1").replace(
                "%1", str(fit.waitlist_position)
            )
        return QCoreApplication.translate("SignupModels", "Waitlist no. %1").replace(
            "%1", str(fit.waitlist_position)
        )
    return QCoreApplication.translate("SignupModels", "%1 left").replace("%1", str(fit.row.free))


def note_text(fit: FitRow) -> str:
    """A few words on the row: who it is for, that a parent comes along, or that it is not for
    them (the reason in full is said under the list, and in the row's tooltip)."""
    if not fit.fits:
        return QCoreApplication.translate("SignupModels", "Not for them")
    if fit.needs_companion:
        return QCoreApplication.translate("SignupModels", "Choose the accompanying parent")
    return "" if is_everyone(fit.rule) else fit.rule


def is_everyone(rule: str) -> bool:
    """The rule says 不限: nothing worth a column's room or a sentence."""
    return rule == translate("Menu", "Everyone")


class FitModel(LinesModel[FitRow]):
    """The sessions of the next days a resident could join; those outside the audience greyed."""

    CONTEXT = "SignupModels"
    WHEN, ITEM, ROOM, PLACES, NOTE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("SignupModels", "Date and time"),
        QT_TRANSLATE_NOOP("SignupModels", "Activity"),
        QT_TRANSLATE_NOOP("SignupModels", "Room"),
        QT_TRANSLATE_NOOP("SignupModels", "Places"),
        QT_TRANSLATE_NOOP("SignupModels", "Notes on fit"),
    )

    def first_fitting_row(self) -> int:
        """The row chosen when the list opens: the first that fits, else the first."""
        lines = self.lines()
        return next((row for row, fit in enumerate(lines) if fit.fits), 0 if lines else -1)

    def row_of(self, session_id: int) -> int:
        return next((row for row, fit in enumerate(self.lines()) if fit.row.id == session_id), -1)

    def cell(self, fit: FitRow, column: int) -> str:
        if column == self.WHEN:
            return labels.format_when(fit.row.starts_at, fit.row.ends_at)
        if column == self.ITEM:
            return fit.row.item
        if column == self.ROOM:
            return fit.row.room or "—"
        if column == self.PLACES:
            return places_text(fit)
        return note_text(fit)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        fit = self.line(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(fit, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return fit.problem or self.cell(fit, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not fit.fits:
            return QBrush(QColor(GREYED_COLOUR))
        if role == Qt.ItemDataRole.FontRole and not fit.fits:
            font = QFont()
            font.setItalic(True)
            return font
        if role == RAW_ROLE:
            return fit
        return None


def upcoming_status_text(line: PersonSignup) -> str:
    """已报名 / 候补第 2 位 / 活动已取消."""
    if line.session_cancelled:
        return QCoreApplication.translate("SignupModels", "The session is cancelled")
    if line.status == SignupStatus.WAITLISTED and line.position is not None:
        return QCoreApplication.translate("SignupModels", "Waitlist no. %1").replace(
            "%1", str(line.position)
        )
    return labels.signup_status_name(line.status)


def upcoming_item_text(line: PersonSignup) -> str:
    """The activity, and who comes along: 小美艺术课堂（由刘芳陪同）/（陪同王小宝）."""
    if line.accompanying:
        return (
            QCoreApplication.translate("SignupModels", "%1 (accompanying %2)")
            .replace("%1", line.item)
            .replace("%2", line.accompanying)
        )
    if line.companion:
        return (
            QCoreApplication.translate("SignupModels", "%1 (with %2)")
            .replace("%1", line.item)
            .replace("%2", line.companion)
        )
    return line.item


class UpcomingModel(LinesModel[PersonSignup]):
    """A person's signups to come, by start (their record's 近期报名)."""

    CONTEXT = "SignupModels"
    WHEN, ITEM, ROOM, STATUS = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("SignupModels", "Date and time"),
        QT_TRANSLATE_NOOP("SignupModels", "Activity"),
        QT_TRANSLATE_NOOP("SignupModels", "Room"),
        QT_TRANSLATE_NOOP("SignupModels", "Signup"),
    )

    def cell(self, line: PersonSignup, column: int) -> str:
        if column == self.WHEN:
            return labels.format_when(line.starts_at, line.ends_at)
        if column == self.ITEM:
            return upcoming_item_text(line)
        if column == self.ROOM:
            return line.room or "—"
        return upcoming_status_text(line)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        line = self.line(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(line, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and line.session_cancelled:
            return QBrush(QColor(GREYED_COLOUR))
        if role == RAW_ROLE:
            return line
        return None
