"""Closed days (闭馆日): the centre's own closed days, and China's statutory holidays and 调休
working days, built in from chinese-calendar for the years the State Council has published and
entered here by the admin for a year it doesn't know yet.

Closing a day never cancels a booking: the page names the bookings on it, for staff to move or
cancel on the Rooms desk.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelection, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError, ValidationError
from app.models import ClosureKind
from app.services.rooms import setup
from app.services.rooms.setup import ClosureAdded, DaySpan, YearHolidays
from ui import style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.labels import QT_TRANSLATE_NOOP
from ui.settings.common import (
    affected_text,
    day_span_text,
    fit_columns,
    heading,
    hint,
    pydate,
    qdate,
)
from ui.style import configure_table, make_primary, update_table_metrics
from ui.table_model import Index, LinesModel
from ui.widgets import button

# The holidays of the State Council's yearly notice, offered in the name box (any may be typed).
HOLIDAY_NAMES = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
TABLE_ROWS = 5  # rows a list shows before it scrolls


class _SpanModel(LinesModel[DaySpan]):
    """Spans of days, a line each; `texts` says what each column reads."""

    def texts(self, span: DaySpan) -> tuple[str, ...]:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self.texts(self._lines[index.row()])[index.column()]
        return None


class ClosureTableModel(_SpanModel):
    """The centre's closed days, a line per span of days with one reason."""

    CONTEXT = "ClosureTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ClosureTableModel", "Days"),
        QT_TRANSLATE_NOOP("ClosureTableModel", "Reason"),
    )

    def texts(self, span: DaySpan) -> tuple[str, ...]:
        return day_span_text(span.first, span.last), span.name


class HolidayTableModel(_SpanModel):
    """A year's holidays and 调休 working days, and where the calendar has them from."""

    CONTEXT = "HolidayTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("HolidayTableModel", "Days"),
        QT_TRANSLATE_NOOP("HolidayTableModel", "Holiday"),
        QT_TRANSLATE_NOOP("HolidayTableModel", "Centre"),
        QT_TRANSLATE_NOOP("HolidayTableModel", "Source"),
    )

    def texts(self, span: DaySpan) -> tuple[str, ...]:
        centre = (
            self.tr("Centre closed") if span.kind == ClosureKind.HOLIDAY else self.tr("Centre open")
        )
        source = self.tr("Entered here") if span.entered else self.tr("Built in")
        return day_span_text(span.first, span.last), span.name, centre, source


def _table(
    object_name: str, accessible: str, model: LinesModel[DaySpan], parent: QWidget
) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(object_name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    configure_table(view)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    return view


def _date_edit(object_name: str, accessible: str, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(object_name)
    edit.setAccessibleName(accessible)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


class ClosuresPage(QWidget):
    """The centre's closed days, and a year's statutory holidays and 调休 working days."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.closures")
        self._context = context
        self._year: YearHolidays | None = None

        self._unknown = FieldMessage("settings.closures.unknownYears", self)
        self._message = StatusLine("settings.closures.message", self)
        self._affected = FieldMessage("settings.closures.affected", self)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Closed days"), self))
        layout.addWidget(
            hint(
                self.tr(
                    "China's statutory holidays and 调休 working days come with the program for "
                    "the years the State Council has published; the centre adds its own closed "
                    "days. Bookings on a day that becomes closed stay until staff move or cancel "
                    "them."
                ),
                self,
            )
        )
        layout.addWidget(self._unknown)
        layout.addWidget(self._message)
        layout.addWidget(self._affected)
        layout.addWidget(self._build_closures())
        layout.addWidget(self._build_holidays())
        layout.addStretch(1)

        self._fit_tables()
        self.reload()
        self._year_box.blockSignals(True)  # read the year once, below
        self._year_box.setValue(self._first_year_to_show())
        self._year_box.blockSignals(False)
        self._load_year(self._year_box.value())

    # ---- the centre's own closed days -------------------------------------------------------

    def _build_closures(self) -> QGroupBox:
        box = QGroupBox(self.tr("The centre's own closed days"), self)
        box.setObjectName("settings.closures.centreBox")
        self._closure_model = ClosureTableModel(self)
        self._closures = _table(
            "settings.closures.table", self.tr("The centre's closed days"), self._closure_model, box
        )
        self._closures.selectionModel().selectionChanged.connect(self.on_closure_selected)

        self._first = _date_edit("settings.closures.first", self.tr("First closed day"), box)
        self._last = _date_edit("settings.closures.last", self.tr("Last closed day"), box)
        self._first.dateChanged.connect(self.on_first_changed)
        self._reason = QLineEdit(box)
        self._reason.setObjectName("settings.closures.reason")
        self._reason.setAccessibleName(self.tr("Reason"))
        self._reason.setMaxLength(60)
        self._reason.setPlaceholderText(self.tr("e.g. 装修, 消防检查"))
        self._reason.returnPressed.connect(self.on_add_closure_clicked)
        self._add_closure = button(self.tr("&Close these days"), "settings.closures.add", box)
        make_primary(self._add_closure)
        self._add_closure.clicked.connect(self.on_add_closure_clicked)
        self._remove_closure = button(
            self.tr("&Open the chosen days again"), "settings.closures.remove", box
        )
        self._remove_closure.clicked.connect(self.on_remove_closure_clicked)

        self._closure_fields = FieldMessages()
        grid = QGridLayout()
        grid.setColumnStretch(5, 1)
        captions: list[tuple[str, str, QWidget]] = [
            ("first", self.tr("&From:"), self._first),
            ("last", self.tr("&To:"), self._last),
            ("reason", self.tr("&Reason:"), self._reason),
        ]
        for field, _text, widget in captions:
            message = FieldMessage(f"settings.closures.{field}.message", box)
            self._closure_fields.add(field, widget, message)
        # From and To on one line, the reason and the button on the next: fits in large text.
        grid.addWidget(self._buddy(captions[0], box), 0, 0)
        grid.addWidget(self._first, 0, 1)
        grid.addWidget(self._buddy(captions[1], box), 0, 2)
        grid.addWidget(self._last, 0, 3)
        grid.addWidget(hint(self.tr("For one day, the same day twice."), box), 0, 4, 1, 2)
        grid.addWidget(self._messages(self._closure_fields, ("first", "last"), box), 1, 1, 1, 5)
        grid.addWidget(self._buddy(captions[2], box), 2, 0)
        grid.addWidget(self._reason, 2, 1, 1, 4)
        grid.addWidget(self._add_closure, 2, 5, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._messages(self._closure_fields, ("reason",), box), 3, 1, 1, 5)

        layout = QVBoxLayout(box)
        layout.addWidget(self._closures)
        row = QHBoxLayout()
        row.addWidget(self._remove_closure)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(grid)
        return box

    @staticmethod
    def _buddy(caption: tuple[str, str, QWidget], parent: QWidget) -> QLabel:
        _field, text, widget = caption
        label = QLabel(text, parent)
        label.setBuddy(widget)
        return label

    @staticmethod
    def _messages(fields: FieldMessages, names: tuple[str, ...], parent: QWidget) -> QWidget:
        holder = QWidget(parent)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        for name in names:
            message = fields.message(name)
            assert message is not None
            column.addWidget(message)
        return holder

    # ---- statutory holidays -----------------------------------------------------------------

    def _build_holidays(self) -> QGroupBox:
        box = QGroupBox(self.tr("Statutory holidays and 调休 working days"), self)
        box.setObjectName("settings.closures.holidaysBox")
        year_caption = QLabel(self.tr("&Year:"), box)
        self._year_box = QSpinBox(box)
        self._year_box.setObjectName("settings.closures.year")
        self._year_box.setAccessibleName(self.tr("Year"))
        self._year_box.setRange(2000, 2100)
        self._year_box.valueChanged.connect(self.on_year_changed)
        year_caption.setBuddy(self._year_box)
        self._year_status = QLabel(box)
        self._year_status.setObjectName("settings.closures.yearStatus")
        self._year_status.setWordWrap(True)
        self._year_status.setTextFormat(Qt.TextFormat.RichText)
        year_row = QHBoxLayout()
        year_row.addWidget(year_caption)
        year_row.addWidget(self._year_box)
        year_row.addWidget(self._year_status, 1)

        self._holiday_model = HolidayTableModel(self)
        self._holidays = _table(
            "settings.closures.holidays",
            self.tr("Holidays and 调休 working days of the year"),
            self._holiday_model,
            box,
        )
        self._holidays.selectionModel().selectionChanged.connect(self.on_holiday_selected)
        self._remove_holiday = button(
            self.tr("Remove the chosen &entry"), "settings.closures.removeHoliday", box
        )
        self._remove_holiday.clicked.connect(self.on_remove_holiday_clicked)

        # The entry of a year's holidays, usable only for a year the program doesn't know.
        entry = QGroupBox(self.tr("Enter from the State Council's notice"), box)
        entry.setObjectName("settings.closures.entryBox")
        self._entry = entry
        self._kind = QComboBox(entry)
        self._kind.setObjectName("settings.closures.kind")
        self._kind.setAccessibleName(self.tr("Kind of day"))
        self._kind.addItem(self.tr("Holiday (closed)"), ClosureKind.HOLIDAY.value)
        self._kind.addItem(self.tr("调休 working day (open)"), ClosureKind.WORKDAY.value)
        self._holiday_first = _date_edit(
            "settings.closures.holidayFirst", self.tr("First day of the holiday"), entry
        )
        self._holiday_last = _date_edit(
            "settings.closures.holidayLast", self.tr("Last day of the holiday"), entry
        )
        self._holiday_first.dateChanged.connect(self.on_holiday_first_changed)
        self._holiday_name = QComboBox(entry)
        self._holiday_name.setObjectName("settings.closures.holidayName")
        self._holiday_name.setAccessibleName(self.tr("Name of the holiday"))
        self._holiday_name.setEditable(True)
        self._holiday_name.addItems(HOLIDAY_NAMES)
        self._holiday_name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = self._holiday_name.lineEdit()
        assert line_edit is not None
        line_edit.setMaxLength(40)
        line_edit.setObjectName("settings.closures.holidayName.edit")
        line_edit.setAccessibleName(self.tr("Name of the holiday"))
        self._add_holiday = button(
            self.tr("&Add to the calendar"), "settings.closures.addHoliday", entry
        )
        make_primary(self._add_holiday)
        self._add_holiday.clicked.connect(self.on_add_holiday_clicked)

        self._holiday_fields = FieldMessages()
        for field, widget in (
            ("kind", self._kind),
            ("first", self._holiday_first),
            ("last", self._holiday_last),
            ("name", self._holiday_name),
        ):
            self._holiday_fields.add(
                field, widget, FieldMessage(f"settings.closures.holiday.{field}.message", entry)
            )
        grid = QGridLayout(entry)
        grid.setColumnStretch(5, 1)
        captions: list[tuple[str, str, QWidget]] = [
            ("kind", self.tr("&Kind:"), self._kind),
            ("first", self.tr("Fr&om:"), self._holiday_first),
            ("last", self.tr("T&o:"), self._holiday_last),
            ("name", self.tr("&Holiday:"), self._holiday_name),
        ]
        grid.addWidget(self._buddy(captions[0], entry), 0, 0)
        grid.addWidget(self._kind, 0, 1, 1, 3)
        grid.addWidget(self._buddy(captions[3], entry), 0, 4)
        grid.addWidget(self._holiday_name, 0, 5)
        grid.addWidget(self._messages(self._holiday_fields, ("kind", "name"), entry), 1, 1, 1, 5)
        grid.addWidget(self._buddy(captions[1], entry), 2, 0)
        grid.addWidget(self._holiday_first, 2, 1)
        grid.addWidget(self._buddy(captions[2], entry), 2, 2)
        grid.addWidget(self._holiday_last, 2, 3)
        grid.addWidget(self._add_holiday, 2, 4, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._messages(self._holiday_fields, ("first", "last"), entry), 3, 1, 1, 5)
        grid.addWidget(
            hint(
                self.tr(
                    "A 调休 working day is a Saturday or Sunday worked in exchange for a holiday: "
                    "for it, give the name of that holiday."
                ),
                entry,
            ),
            4,
            0,
            1,
            6,
        )

        layout = QVBoxLayout(box)
        layout.addLayout(year_row)
        layout.addWidget(self._holidays)
        row = QHBoxLayout()
        row.addWidget(self._remove_holiday)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(entry)
        return box

    # ---- what tests and the desk use -------------------------------------------------------

    def reload(self) -> None:
        """Read the closed days, the chosen year and the years still to be entered again."""
        try:
            spans, missing = self._context.run(
                lambda session, actor: (
                    setup.list_closures(session, actor),
                    setup.years_to_enter(session, actor),
                ),
                write=False,
            )
        except DomainError as error:
            self._message.show_error(error.message)
            return
        self._closure_model.set_lines(spans)
        fit_columns(self._closures, stretch=1)
        self._show_missing(missing)
        today = qdate(clock.today())
        for edit in (self._first, self._last):
            edit.setMinimumDate(today)
        self._update_buttons()
        if self._year is not None:
            self._load_year(self._year.year)

    def add_closed_days(self, first: dt.date, last: dt.date | None, reason: str) -> bool:
        """Fill in the closed-days form as a person would and add; True when added."""
        self._first.setDate(qdate(first))
        self._last.setDate(qdate(last or first))
        self._reason.setText(reason)
        return self._add_closed_days()

    def closure_lines(self) -> list[list[str]]:
        return [self._closure_model.row_texts(row) for row in range(self._closure_model.rowCount())]

    def select_closure(self, first: dt.date) -> bool:
        row = next(
            (i for i, span in enumerate(self._closure_model.lines()) if span.first == first), -1
        )
        if row >= 0:
            self._closures.selectRow(row)
        return row >= 0

    def remove_selected_closure(self) -> bool:
        return self._remove_closure_span()

    def set_year(self, year: int) -> None:
        self._year_box.setValue(year)

    def year_holidays(self) -> YearHolidays | None:
        return self._year

    def year_status(self) -> str:
        return str(self._year_status.property("plain") or "")

    def holiday_lines(self) -> list[list[str]]:
        return [self._holiday_model.row_texts(row) for row in range(self._holiday_model.rowCount())]

    def can_enter_holidays(self) -> bool:
        return self._entry.isEnabled()

    def add_holiday(
        self, kind: ClosureKind, first: dt.date, last: dt.date | None, name: str
    ) -> bool:
        """Fill in the holiday entry as a person would and add; True when added."""
        self._kind.setCurrentIndex(self._kind.findData(kind.value))
        self._holiday_first.setDate(qdate(first))
        self._holiday_last.setDate(qdate(last or first))
        self._holiday_name.setCurrentText(name)
        return self._add_holiday_days()

    def select_holiday(self, first: dt.date) -> bool:
        row = next(
            (i for i, span in enumerate(self._holiday_model.lines()) if span.first == first), -1
        )
        if row >= 0:
            self._holidays.selectRow(row)
        return row >= 0

    def remove_selected_holiday(self) -> bool:
        return self._remove_holiday_span()

    def unknown_warning(self) -> str:
        return self._unknown.text()

    def affected_warning(self) -> str:
        return self._affected.text()

    def field_message(self, field: str) -> str:
        """The message beside a field of the closed-days form ("first", "last", "reason")."""
        return self._closure_fields.text(field)

    def holiday_message(self, field: str) -> str:
        """The message beside a field of the holiday entry ("kind", "first", "last", "name")."""
        return self._holiday_fields.text(field)

    def last_message(self) -> str:
        return self._message.message()

    # ---- slots ------------------------------------------------------------------------------

    @Slot(QDate)
    def on_first_changed(self, day: QDate) -> None:
        if self._last.date() < day:
            self._last.setDate(day)

    @Slot(QDate)
    def on_holiday_first_changed(self, day: QDate) -> None:
        if self._holiday_last.date() < day or self._holiday_last.date().year() != day.year():
            self._holiday_last.setDate(day)

    @Slot()
    def on_add_closure_clicked(self) -> None:
        self._add_closed_days()

    @Slot()
    def on_remove_closure_clicked(self) -> None:
        self._remove_closure_span()

    @Slot(int)
    def on_year_changed(self, year: int) -> None:
        self._load_year(year)

    @Slot()
    def on_add_holiday_clicked(self) -> None:
        self._add_holiday_days()

    @Slot()
    def on_remove_holiday_clicked(self) -> None:
        self._remove_holiday_span()

    @Slot(QItemSelection, QItemSelection)
    def on_closure_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    @Slot(QItemSelection, QItemSelection)
    def on_holiday_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    # ---- inside -----------------------------------------------------------------------------

    def _first_year_to_show(self) -> int:
        """The first year still to be entered, or this year."""
        try:
            missing = self._context.run(
                lambda session, actor: setup.years_to_enter(session, actor), write=False
            )
        except DomainError:
            missing = []
        return missing[0] if missing else clock.today().year

    def _show_missing(self, years: list[int]) -> None:
        self._unknown.set_message(
            "\n".join(
                self.tr(
                    "The statutory holidays of %1 are not built into this program yet and have "
                    "not been entered: until they are, the calendar treats that year's holidays "
                    "as ordinary days. Enter them below from the State Council's notice."
                ).replace("%1", str(year))
                for year in years
            )
        )

    def _load_year(self, year: int) -> None:
        try:
            holidays = self._context.run(
                lambda session, actor: setup.year_holidays(session, actor, year), write=False
            )
        except DomainError as error:
            self._message.show_error(error.message)
            return
        self._year = holidays
        self._holiday_model.set_lines(holidays.spans)
        fit_columns(self._holidays, stretch=1)
        if holidays.known:
            text = self.tr("Statutory holidays of %1: built in").replace("%1", str(year))
            colour = None
        elif holidays.entered:
            text = self.tr("Statutory holidays of %1: entered here (not built in)").replace(
                "%1", str(year)
            )
            colour = None
        else:
            text = self.tr(
                "Statutory holidays of %1: not built in and not entered yet; please enter them"
            ).replace("%1", str(year))
            colour = style.ERROR_COLOUR
        self._year_status.setText(f"<b>{style.paragraph_html(text, colour=colour)}</b>")
        self._year_status.setProperty("plain", text)
        self._year_status.setAccessibleName(text)
        # A year built into the program has nothing to enter: the form goes away.
        self._entry.setEnabled(not holidays.known)
        self._entry.setVisible(not holidays.known)
        self._remove_holiday.setVisible(not holidays.known)
        jan_first = QDate(year, 1, 1)
        if self._holiday_first.date().year() != year:
            self._holiday_first.setDate(jan_first)
            self._holiday_last.setDate(jan_first)
        self._holiday_fields.clear()
        self._update_buttons()

    def _add_closed_days(self) -> bool:
        self._clear_messages()
        first, last = pydate(self._first.date()), pydate(self._last.date())
        reason = self._reason.text()
        try:
            added: ClosureAdded = self._context.run(
                lambda session, actor: setup.add_closure(session, actor, first, last, reason),
                write=True,
            )
        except ValidationError as error:
            self._field_error(self._closure_fields, error)
            return False
        except DomainError as error:
            self._message.show_error(self.tr("Not added: %1").replace("%1", error.message))
            return False
        self._reason.clear()
        self.reload()
        self.select_closure(added.span.first)
        self._message.show_info(
            self.tr("Closed: %1 (%2).")
            .replace("%1", day_span_text(added.span.first, added.span.last))
            .replace("%2", added.span.name)
        )
        self._warn(added, self.tr("%1 bookings fall on the closed days:"))
        self._context.data_changed()
        return True

    def _add_holiday_days(self) -> bool:
        self._clear_messages()
        kind = ClosureKind(self._kind.currentData())
        first = pydate(self._holiday_first.date())
        last = pydate(self._holiday_last.date())
        name = self._holiday_name.currentText()
        try:
            added: ClosureAdded = self._context.run(
                lambda session, actor: setup.add_statutory(session, actor, kind, first, last, name),
                write=True,
            )
        except ValidationError as error:
            self._field_error(self._holiday_fields, error)
            return False
        except DomainError as error:
            self._message.show_error(self.tr("Not added: %1").replace("%1", error.message))
            return False
        self.reload()
        self.select_holiday(added.span.first)
        self._message.show_info(
            self.tr("Added to the calendar: %1, %2.")
            .replace("%1", day_span_text(added.span.first, added.span.last))
            .replace("%2", added.span.name)
        )
        self._warn(added, self.tr("%1 bookings fall on the holiday:"))
        self._context.data_changed()
        return True

    def _remove_closure_span(self) -> bool:
        rows = self._closures.selectionModel().selectedRows()
        if not rows:
            self._message.show_error(self.tr("First choose the days in the list."))
            return False
        return self._remove(self._closure_model.line(rows[0].row()))

    def _remove_holiday_span(self) -> bool:
        rows = self._holidays.selectionModel().selectedRows()
        span = self._holiday_model.line(rows[0].row()) if rows else None
        if span is None or not span.entered:
            self._message.show_error(
                self.tr("First choose an entry made here (built-in holidays can't be removed).")
            )
            return False
        return self._remove(span)

    def _remove(self, span: DaySpan) -> bool:
        self._clear_messages()
        try:
            self._context.run(
                lambda session, actor: setup.remove_closure(
                    session, actor, span.first, span.last, span.kind
                ),
                write=True,
            )
        except DomainError as error:
            self._message.show_error(self.tr("Not removed: %1").replace("%1", error.message))
            self.reload()
            return False
        self.reload()
        self._message.show_info(
            self.tr("Removed: %1 (%2).")
            .replace("%1", day_span_text(span.first, span.last))
            .replace("%2", span.name)
        )
        self._context.data_changed()
        return True

    def _warn(self, added: ClosureAdded, lead: str) -> None:
        if added.affected:
            self._affected.set_message(affected_text(lead, added.affected))

    def _field_error(self, fields: FieldMessages, error: ValidationError) -> None:
        # Said in full on the page's line too: the field may be further down the page.
        fields.set(error.field, error.message)
        self._message.show_error(self.tr("Not added: %1").replace("%1", error.message))

    def _clear_messages(self) -> None:
        self._closure_fields.clear()
        self._holiday_fields.clear()
        self._message.clear_message()
        self._affected.clear()

    def _update_buttons(self) -> None:
        self._remove_closure.setEnabled(self._closures.selectionModel().hasSelection())
        rows = self._holidays.selectionModel().selectedRows()
        self._remove_holiday.setEnabled(
            bool(rows) and self._holiday_model.line(rows[0].row()).entered
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_tables()

    def _fit_tables(self) -> None:
        for view in (self._closures, self._holidays):
            update_table_metrics(view)
            height = (
                view.horizontalHeader().sizeHint().height()
                + TABLE_ROWS * view.verticalHeader().defaultSectionSize()
                + 2 * view.frameWidth()
            )
            view.setMinimumHeight(height)
            view.setMaximumHeight(height)
