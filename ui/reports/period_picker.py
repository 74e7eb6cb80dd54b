"""Choosing the period the figures are counted over: this month, last month, this quarter, this
year, or any two days."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from app.errors import ValidationError
from app.services.statistics.period import Period
from ui.labels import QT_TRANSLATE_NOOP

# Typing a date changes it digit by digit: the figures are counted once the typing pauses.
CUSTOM_DELAY_MS = 400


class QuickPeriod(enum.StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    CUSTOM = "custom"


QUICK_NAMES: dict[QuickPeriod, str] = {
    QuickPeriod.THIS_MONTH: QT_TRANSLATE_NOOP("PeriodPicker", "This month"),
    QuickPeriod.LAST_MONTH: QT_TRANSLATE_NOOP("PeriodPicker", "Last month"),
    QuickPeriod.THIS_QUARTER: QT_TRANSLATE_NOOP("PeriodPicker", "This quarter"),
    QuickPeriod.THIS_YEAR: QT_TRANSLATE_NOOP("PeriodPicker", "This year"),
    QuickPeriod.CUSTOM: QT_TRANSLATE_NOOP("PeriodPicker", "Days of your choice"),
}


def quick_period(choice: QuickPeriod, today: dt.date) -> Period | None:
    """The whole month, quarter or year around `today` (or the month before); None for CUSTOM."""
    if choice == QuickPeriod.THIS_MONTH:
        return Period.month(today.year, today.month)
    if choice == QuickPeriod.LAST_MONTH:
        first = today.replace(day=1) - dt.timedelta(days=1)
        return Period.month(first.year, first.month)
    if choice == QuickPeriod.THIS_QUARTER:
        first_month = (today.month - 1) // 3 * 3 + 1
        return Period(
            Period.month(today.year, first_month).first,
            Period.month(today.year, first_month + 2).last,
        )
    if choice == QuickPeriod.THIS_YEAR:
        return Period.year(today.year)
    return None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class PeriodPicker(QWidget):
    """A drop-down of quick choices and two date fields (from, to, both days included).

    A quick choice fills in the dates; changing a date makes the choice 自定义. `period_changed`
    says the new period once; `invalid` says why two dates make no period (the end before the
    start), in words.
    """

    period_changed = Signal(object)  # Period
    invalid = Signal(str)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.choice = QComboBox(self)
        self.choice.setObjectName("reports.period")
        self.choice.setAccessibleName(self.tr("Period counted"))
        for quick, name in QUICK_NAMES.items():
            self.choice.addItem(self.tr(name), quick)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.first_edit = self._date_edit("reports.from", self.tr("First day counted"))
        self.last_edit = self._date_edit("reports.to", self.tr("Last day counted"))
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(CUSTOM_DELAY_MS)
        self._delay.timeout.connect(self.on_delay_timeout)

        label = QLabel(self.tr("&Period:"), self)
        label.setBuddy(self.choice)
        between = QLabel(self.tr("from"), self)
        until = QLabel(self.tr("to"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.choice)
        layout.addWidget(between)
        layout.addWidget(self.first_edit)
        layout.addWidget(until)
        layout.addWidget(self.last_edit)

        self._period = self._set_quick(QuickPeriod.THIS_MONTH)
        self.choice.currentIndexChanged.connect(self.on_choice_changed)
        self.first_edit.dateChanged.connect(self.on_date_changed)
        self.last_edit.dateChanged.connect(self.on_date_changed)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setKeyboardTracking(True)
        return edit

    # --- what the page and tests use --------------------------------------------------------

    def period(self) -> Period:
        """The period last said by `period_changed` (this month at first)."""
        return self._period

    def quick(self) -> QuickPeriod:
        return QuickPeriod(self.choice.currentData())

    def choose(self, quick: QuickPeriod) -> None:
        self.choice.setCurrentIndex(self.choice.findData(quick))

    def set_dates(self, first: dt.date, last: dt.date) -> None:
        """Type two days (自定义); the period changes at once, without waiting for more typing."""
        self.first_edit.setDate(_qdate(first))
        self.last_edit.setDate(_qdate(last))
        self._delay.stop()
        self.on_delay_timeout()

    def set_today(self, today: dt.date) -> bool:
        """A new day (the desk stayed open overnight): a quick choice follows it. True when
        that changed the period (and `period_changed` was said)."""
        self._today = today
        quick = self.quick()
        if quick == QuickPeriod.CUSTOM:
            return False
        period = quick_period(quick, today)
        if period == self._period:
            return False
        self._emit(self._set_quick(quick))
        return True

    # --- slots -----------------------------------------------------------------------------

    def on_choice_changed(self, _index: int) -> None:
        quick = self.quick()
        if quick == QuickPeriod.CUSTOM:
            self.first_edit.setFocus()
            return
        self._delay.stop()
        self._emit(self._set_quick(quick))

    def on_date_changed(self, _date: QDate) -> None:
        if self.quick() != QuickPeriod.CUSTOM:
            self.choice.blockSignals(True)
            self.choice.setCurrentIndex(self.choice.findData(QuickPeriod.CUSTOM))
            self.choice.blockSignals(False)
        self._delay.start()

    def on_delay_timeout(self) -> None:
        try:
            period = Period(_day(self.first_edit.date()), _day(self.last_edit.date()))
        except ValidationError as error:
            self.invalid.emit(error.message)
            return
        self._emit(period)

    # --- inside ----------------------------------------------------------------------------

    def _set_quick(self, quick: QuickPeriod) -> Period:
        period = quick_period(quick, self._today)
        assert period is not None
        for edit, day in ((self.first_edit, period.first), (self.last_edit, period.last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        return period

    def _emit(self, period: Period) -> None:
        self._period = period
        self.period_changed.emit(period)
