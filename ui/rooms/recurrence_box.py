"""How a booking repeats: 不重复 / 每天 / 每周（选择星期几） / 每月按日期 /
每月按第几个星期几, until a day or a number of times, with the rule said back in plain words
(`Recurrence.describe`)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.errors import DomainError
from app.services.rooms.recurrence import MAX_OCCURRENCES, Frequency, Recurrence
from ui import style
from ui.labels import QT_TRANSLATE_NOOP
from ui.rooms.scope import BigChoiceStyle

WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("RecurrenceBox", "Mon"),
    QT_TRANSLATE_NOOP("RecurrenceBox", "Tue"),
    QT_TRANSLATE_NOOP("RecurrenceBox", "Wed"),
    QT_TRANSLATE_NOOP("RecurrenceBox", "Thu"),
    QT_TRANSLATE_NOOP("RecurrenceBox", "Fri"),
    QT_TRANSLATE_NOOP("RecurrenceBox", "Sat"),
    QT_TRANSLATE_NOOP("RecurrenceBox", "Sun"),
)
DEFAULT_COUNT = 10


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class RecurrenceBox(QWidget):
    """The repeat rule of a booking; `recurrence()` is None for a one-off."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rooms.editor.recurrence")
        self._first_day = dt.date(2000, 1, 3)
        self.freq_combo = QComboBox(self)
        self.freq_combo.setObjectName("rooms.editor.repeat")
        self.freq_combo.setAccessibleName(self.tr("Repeat"))
        self.freq_combo.addItem(self.tr("Does not repeat"), None)
        self.freq_combo.addItem(self.tr("Every day"), Frequency.DAILY.value)
        self.freq_combo.addItem(self.tr("Every week on the days ticked"), Frequency.WEEKLY.value)
        self.freq_combo.addItem(
            self.tr("Every month on this date"), Frequency.MONTHLY_BY_DATE.value
        )
        self.freq_combo.addItem(
            self.tr("Every month on this weekday (e.g. the 2nd Wednesday)"),
            Frequency.MONTHLY_BY_WEEKDAY.value,
        )
        self.freq_combo.currentIndexChanged.connect(self.on_freq_changed)

        self._indicators = BigChoiceStyle(self)
        self.weekday_boxes: list[QCheckBox] = []
        self.weekdays = QWidget(self)
        # Two rows (Monday to Thursday, Friday to Sunday): one row of seven is wider than the
        # editor's right column in the large text size.
        weekday_grid = QGridLayout(self.weekdays)
        weekday_grid.setContentsMargins(0, 0, 0, 0)
        for number, name in enumerate(WEEKDAY_NAMES):
            box = QCheckBox(self.tr(name), self.weekdays)
            box.setObjectName(f"rooms.editor.weekday{number}")
            box.setStyle(self._indicators)
            box.setAccessibleName(self.tr(name))
            box.toggled.connect(self.on_part_changed)
            self.weekday_boxes.append(box)
            weekday_grid.addWidget(box, number // 4, number % 4)
        weekday_grid.setColumnStretch(4, 1)

        self.until_radio = QRadioButton(self.tr("Until"), self)
        self.until_radio.setObjectName("rooms.editor.endUntil")
        self.until_radio.setAccessibleName(self.tr("Ends on a day"))
        self.until_edit = QDateEdit(self)
        self.until_edit.setObjectName("rooms.editor.until")
        self.until_edit.setAccessibleName(self.tr("Last day of the series"))
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        self.until_edit.dateChanged.connect(self.on_until_changed)
        self.count_radio = QRadioButton(self.tr("In all"), self)
        self.count_radio.setObjectName("rooms.editor.endCount")
        self.count_radio.setAccessibleName(self.tr("Ends after a number of times"))
        self.count_spin = QSpinBox(self)
        self.count_spin.setObjectName("rooms.editor.count")
        self.count_spin.setAccessibleName(self.tr("Number of times"))
        self.count_spin.setRange(1, MAX_OCCURRENCES)
        self.count_spin.setValue(DEFAULT_COUNT)
        self.count_spin.valueChanged.connect(self.on_count_changed)
        for radio in (self.until_radio, self.count_radio):
            radio.setStyle(self._indicators)
        self.end_group = QButtonGroup(self)
        self.end_group.addButton(self.until_radio)
        self.end_group.addButton(self.count_radio)
        self.count_radio.setChecked(True)
        self.until_radio.toggled.connect(self.on_part_changed)
        self.ends = QWidget(self)
        ends_row = QHBoxLayout(self.ends)
        ends_row.setContentsMargins(0, 0, 0, 0)
        ends_row.addWidget(self.count_radio)
        ends_row.addWidget(self.count_spin)
        ends_row.addWidget(QLabel(self.tr("times"), self.ends))
        ends_row.addSpacing(self.fontMetrics().height())
        ends_row.addWidget(self.until_radio)
        ends_row.addWidget(self.until_edit)
        ends_row.addStretch(1)

        self.summary = QLabel(self)
        self.summary.setObjectName("rooms.editor.recurrenceSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.freq_combo, 0, 0)
        grid.addWidget(self.weekdays, 1, 0)
        grid.addWidget(self.ends, 2, 0)
        grid.addWidget(self.summary, 3, 0)
        self.set_first_day(self._first_day)
        self._update()

    # --- API ------------------------------------------------------------------------------

    def set_first_day(self, day: dt.date) -> None:
        """The series starts on `day` (the booking's date): the defaults and the words follow."""
        self._first_day = day
        if self.until_edit.date() < qdate(day) or not self.until_radio.isChecked():
            self.until_edit.blockSignals(True)
            self.until_edit.setDate(qdate(day + dt.timedelta(weeks=8)))
            self.until_edit.blockSignals(False)
        self._update()

    def first_day(self) -> dt.date:
        return self._first_day

    def frequency(self) -> Frequency | None:
        value = self.freq_combo.currentData()
        return Frequency(value) if value else None

    def set_frequency(self, freq: Frequency | None) -> None:
        index = self.freq_combo.findData(freq.value if freq else None)
        self.freq_combo.setCurrentIndex(max(index, 0))

    def recurrence(self) -> Recurrence | None:
        freq = self.frequency()
        if freq is None:
            return None
        weekdays = tuple(n for n, box in enumerate(self.weekday_boxes) if box.isChecked())
        until = pydate(self.until_edit.date()) if self.until_radio.isChecked() else None
        count = None if until is not None else self.count_spin.value()
        return Recurrence(
            freq=freq,
            weekdays=weekdays if freq is Frequency.WEEKLY else (),
            until=until,
            count=count,
        )

    def set_recurrence(self, recurrence: Recurrence | None, first_day: dt.date) -> None:
        self.blockSignals(True)
        self._first_day = first_day
        self.set_frequency(recurrence.freq if recurrence else None)
        if recurrence is not None:
            for number, box in enumerate(self.weekday_boxes):
                box.setChecked(number in recurrence.weekdays)
            if recurrence.until is not None:
                self.until_radio.setChecked(True)
                self.until_edit.setDate(qdate(recurrence.until))
            elif recurrence.count is not None:
                self.count_radio.setChecked(True)
                self.count_spin.setValue(recurrence.count)
        self.blockSignals(False)
        self._update()

    def summary_text(self) -> str:
        return self.summary.accessibleName()

    # --- slots ----------------------------------------------------------------------------

    def on_freq_changed(self, _index: int) -> None:
        if self.frequency() is Frequency.WEEKLY and not any(
            box.isChecked() for box in self.weekday_boxes
        ):
            self.weekday_boxes[self._first_day.weekday()].setChecked(True)
        self._update()
        self.changed.emit()

    def on_until_changed(self, _day: QDate) -> None:
        if not self.until_radio.isChecked():
            self.until_radio.setChecked(True)  # a day typed means "until that day"
        self._update()
        self.changed.emit()

    def on_count_changed(self, _value: int) -> None:
        if not self.count_radio.isChecked():
            self.count_radio.setChecked(True)
        self._update()
        self.changed.emit()

    def on_part_changed(self, _checked: bool) -> None:
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        freq = self.frequency()
        self.weekdays.setVisible(freq is Frequency.WEEKLY)
        self.ends.setVisible(freq is not None)
        self.summary.setVisible(freq is not None)
        recurrence = self.recurrence()
        if recurrence is None:
            text = ""
        elif recurrence.freq is Frequency.WEEKLY and not recurrence.weekdays:
            text = self.tr("Tick at least one day of the week.")
        else:
            try:
                recurrence.check(self._first_day)
                text = recurrence.describe(self._first_day)
            except DomainError as error:  # a rule the service refuses says why in its words
                text = error.message
        self.summary.setText(style.paragraph_html(text, colour=style.ACCENT_COLOUR))
        self.summary.setAccessibleName(text)
