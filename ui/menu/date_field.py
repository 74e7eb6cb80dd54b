"""A day typed as 2026-12-02 (or 2026/12/2, 12-2, 12月2日, 20261202) or picked from a list of the
coming weeks with their weekdays.

Not a QDateEdit: with PySide6 6.11 typing a year into its sections is unreliable (the same Qt bug
`ui.rooms.time_field` works around for times), and a list that says 周三 beside each date is what
a volunteer planning "next Wednesday" looks for.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QWidget

from app import clock

LISTED_DAYS = 120  # the drop-down's days from today on
_FULL = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?.*")
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*")
_SHORT = re.compile(r"\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?.*")


def parse_day(text: str, today: dt.date) -> dt.date | None:
    """The day `text` names; a day without a year is the next one from `today` on (a month
    back at most, so that last week's session still reads as this year's). None for no day."""
    try:
        if match := _FULL.fullmatch(text) or _COMPACT.fullmatch(text):
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match := _SHORT.fullmatch(text):
            month, day = int(match.group(1)), int(match.group(2))
            found = dt.date(today.year, month, day)
            if found < today - dt.timedelta(days=31):
                found = dt.date(today.year + 1, month, day)
            return found
    except ValueError:  # 2026-02-30
        return None
    return None


def day_text(day: dt.date) -> str:
    """2026-12-02 周三 (the weekday in the interface's language)."""
    weekday = QLocale().toString(QDate(day.year, day.month, day.day), "ddd")
    return f"{day.isoformat()} {weekday}"


class DateField(QComboBox):
    """An editable drop-down of days; `date()` is None while the text is no day."""

    date_changed = Signal()

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(14)
        self._today = clock.today()
        for number in range(LISTED_DAYS):
            day = self._today + dt.timedelta(days=number)
            self.addItem(day_text(day), day)
        pattern = QRegularExpression(r"[0-9\-/.年月日 \w]{0,16}")
        self.setValidator(QRegularExpressionValidator(pattern, self))
        self.setMinimumContentsLength(len(day_text(self._today)) + 1)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.currentTextChanged.connect(self.on_text_changed)

    def date(self) -> dt.date | None:
        return parse_day(self.currentText(), self._today)

    def set_date(self, day: dt.date) -> None:
        index = self.findData(day)
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(day_text(day))

    def on_text_changed(self, _text: str) -> None:
        self.date_changed.emit()
