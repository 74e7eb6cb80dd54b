"""A time of day typed as 14:00 (or 1400, 14：00) or picked from a list in half hours.

QTimeEdit would be the obvious choice, but with PySide6 6.11 a time-only QTimeEdit ignores the
digits typed into its hour section (a QDateTimeEdit showing a date too does not): a volunteer
typing 14:00 kept 10:00. An editable drop-down also lets them pick a time without typing.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QWidget

FIRST, LAST = dt.time(6), dt.time(22, 30)
STEP = dt.timedelta(minutes=30)
_TIME = re.compile(r"\s*([01]?\d|2[0-3])\s*[:：.]?\s*([0-5]\d)\s*")


def parse_time(text: str) -> dt.time | None:
    """14:00, 14：00, 14.00, 1400, 9:30, 930 → the time; None for anything else."""
    match = _TIME.fullmatch(text)
    if match is None:
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def _times() -> list[dt.time]:
    moment = dt.datetime.combine(dt.date(2000, 1, 3), FIRST)
    end = dt.datetime.combine(dt.date(2000, 1, 3), LAST)
    result = []
    while moment <= end:
        result.append(moment.time())
        moment += STEP
    return result


class TimeField(QComboBox):
    """An editable drop-down of times; `time()` is None while the text is no time."""

    time_changed = Signal()

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        for moment in _times():
            self.addItem(moment.strftime("%H:%M"))
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9:：. ]{0,6}"), self))
        self.setMinimumContentsLength(5)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.currentTextChanged.connect(self.on_text_changed)

    def time(self) -> dt.time | None:
        return parse_time(self.currentText())

    def set_time(self, moment: dt.time) -> None:
        text = moment.strftime("%H:%M")
        index = self.findText(text)
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(text)

    def on_text_changed(self, _text: str) -> None:
        self.time_changed.emit()
