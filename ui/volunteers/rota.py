"""值班表: the week's duty turns (桶前督导 and other weekly duties) marked done or missed at the
desk, who has missed several weeks in a row, the printed rota, and (staff) a new duty or a volunteer
put on one.

Desk volunteers mark turns too: they sit at the desk and tick the printed rota when it comes
back (the service allows the last two weeks; older turns are staff's make-up work). Space marks
the current turn done; the words in the 状态 column say what each turn is, never colour alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError, ValidationError
from app.printing import rota as printed
from app.security import Permission
from app.services import communities
from app.services.volunteers import rota
from app.services.volunteers.rota import MissLine, ShiftLine
from ui import labels, style
from ui.context import DeskContext
from ui.errors import FieldMessages, StatusLine
from ui.labels import QT_TRANSLATE_NOOP
from ui.pdf_preview import PdfPreviewDialog, open_printout
from ui.reception.widgets import section_heading
from ui.rooms.person_pick import PersonPicker
from ui.rooms.time_field import TimeField
from ui.table_model import Index, LinesModel
from ui.widgets import button

_CONTEXT = "VolunteerRota"
WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("VolunteerRota", "Monday"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Tuesday"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Wednesday"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Thursday"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Friday"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Saturday"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Sunday"),
)

SHORT_WEEKDAYS = (
    QT_TRANSLATE_NOOP("VolunteerRota", "Mon"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Tue"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Wed"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Thu"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Fri"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Sat"),
    QT_TRANSLATE_NOOP("VolunteerRota", "Sun"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class TurnsModel(LinesModel[ShiftLine]):
    """The week's turns: day and time, duty and building group, volunteer, status in words."""

    CONTEXT = _CONTEXT
    WHEN, DUTY, NAME, PHONE, STATUS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("VolunteerRota", "When"),
        QT_TRANSLATE_NOOP("VolunteerRota", "Duty and building group"),
        QT_TRANSLATE_NOOP("VolunteerRota", "Volunteer"),
        QT_TRANSLATE_NOOP("VolunteerRota", "Volunteer's phone"),
        QT_TRANSLATE_NOOP("VolunteerRota", "Status"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.WHEN:
                if role == Qt.ItemDataRole.ToolTipRole:
                    day = labels.format_long_day(line.day)
                else:  # the week is named above the list: the weekday is enough here
                    day = _tr(SHORT_WEEKDAYS[line.day.weekday()])
                return f"{day} {line.start_time:%H:%M}–{line.end_time:%H:%M}"
            if column == self.DUTY:
                where = " · ".join(p for p in (line.community, line.building_group) if p)
                return f"{line.duty}（{where}）" if where else line.duty
            if column == self.NAME:
                return line.name
            if column == self.PHONE:
                return line.phone or "—"
            status = labels.turn_status_name(line.status.value)
            return f"{status}（{line.note}）" if line.note else status
        if (
            role == Qt.ItemDataRole.FontRole
            and index.column() == self.STATUS
            and line.status != rota.TurnStatus.DUE
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None


class MissesModel(LinesModel[MissLine]):
    CONTEXT = _CONTEXT
    NAME, DUTY, WEEKS, LAST = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("VolunteerRota", "Volunteer"),
        QT_TRANSLATE_NOOP("VolunteerRota", "Duty"),
        QT_TRANSLATE_NOOP("VolunteerRota", "Weeks missed"),
        QT_TRANSLATE_NOOP("VolunteerRota", "Last came"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.NAME:
                return line.name
            if column == self.DUTY:
                return f"{line.duty}（{line.building_group}）" if line.building_group else line.duty
            if column == self.WEEKS:
                return QCoreApplication.translate("VolunteerRota", "%1 weeks").replace(
                    "%1", str(line.missed)
                )
            return (
                labels.format_day(line.last_done)
                if line.last_done
                else QCoreApplication.translate("VolunteerRota", "Never came")
            )
        return None


class RotaPage(QWidget):
    """The duty rota of a week, for the desk (marking) and staff (duties and assignments)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteers.rota")
        self._context = context
        self._monday = rota.week_start(clock.today())
        self.preview: PdfPreviewDialog | None = None

        # --- week navigation and filter
        self.previous_button = button(self.tr("◀ Previous week"), "volunteers.rota.previous", self)
        self.previous_button.setAccessibleName(self.tr("Previous week"))
        self.previous_button.clicked.connect(lambda: self.show_week(self._monday - _WEEK))
        self.week_label = QLabel(self)
        self.week_label.setObjectName("volunteers.rota.week")
        self.week_label.setFont(style.scaled_font(self.week_label, 1.15, bold=True))
        self.next_button = button(self.tr("Next week ▶"), "volunteers.rota.next", self)
        self.next_button.setAccessibleName(self.tr("Next week"))
        self.next_button.clicked.connect(lambda: self.show_week(self._monday + _WEEK))
        self.this_week_button = button(self.tr("This week"), "volunteers.rota.thisWeek", self)
        self.this_week_button.clicked.connect(lambda: self.show_week(clock.today()))
        self.community_combo = QComboBox(self)
        self.community_combo.setObjectName("volunteers.rota.community")
        self.community_combo.setAccessibleName(self.tr("Community"))
        self.community_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.print_button = button(self.tr("Print the rota…"), "volunteers.rota.print", self)
        self.print_button.setToolTip(self.tr("The month of the week shown, with boxes to tick"))
        self.print_button.clicked.connect(self.on_print_clicked)

        # --- the week's turns
        self.model = TurnsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("volunteers.rota.turns")
        self.view.setAccessibleName(self.tr("This week's turns"))
        style.configure_table(self.view)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.setModel(self.model)
        style.fit_columns(self.view, stretch=TurnsModel.DUTY)
        self.view.installEventFilter(self)
        self.empty_label = QLabel(self.tr("No duty turns this week."), self)
        self.empty_label.setObjectName("volunteers.rota.empty")
        self.done_button = button(self.tr("Came (Space)"), "volunteers.rota.done", self)
        self.done_button.setAccessibleName(self.tr("Mark the turn done"))
        style.make_primary(self.done_button)
        self.done_button.clicked.connect(lambda: self.mark_current(True))
        self.missed_button = button(self.tr("Did not come"), "volunteers.rota.missed", self)
        self.missed_button.setAccessibleName(self.tr("Mark the turn missed"))
        self.missed_button.clicked.connect(lambda: self.mark_current(False))
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("volunteers.rota.note")
        self.note_edit.setAccessibleName(self.tr("Note on the turn"))
        self.note_edit.setPlaceholderText(self.tr("Note (optional), e.g. ill, swapped"))
        self.status = StatusLine("volunteers.rota.status", self)

        # --- right: missed streaks, and staff's forms
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("volunteers.rota.tabs")
        self.misses = MissesModel(self)
        self.misses_view = QTableView(self)
        self.misses_view.setObjectName("volunteers.rota.misses")
        self.misses_view.setAccessibleName(self.tr("Missed several weeks in a row"))
        style.configure_table(self.misses_view)
        self.misses_view.setModel(self.misses)
        style.fit_columns(self.misses_view, stretch=MissesModel.DUTY)
        self.misses_hint = QLabel(self.tr("Not marked done for 3 weeks or more in a row."), self)
        self.misses_hint.setWordWrap(True)
        misses_page = QWidget(self)
        misses_layout = QVBoxLayout(misses_page)
        misses_layout.addWidget(self.misses_hint)
        misses_layout.addWidget(self.misses_view, 1)
        self.tabs.addTab(misses_page, self.tr("Missed in a row"))
        self.fields = FieldMessages()
        self._build_staff_forms()

        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.week_label)
        top.addWidget(self.next_button)
        top.addWidget(self.this_week_button)
        top.addStretch(1)
        top.addWidget(self.community_combo)
        top.addWidget(self.print_button)
        marks = QHBoxLayout()
        marks.addWidget(self.done_button)
        marks.addWidget(self.missed_button)
        marks.addWidget(self.note_edit, 1)
        left = QVBoxLayout()
        left.addWidget(section_heading(self.tr("This week's turns"), self))
        left.addWidget(self.view, 1)
        left.addWidget(self.empty_label)
        left.addLayout(marks)
        left.addWidget(self.status)
        # Ignored widths: the two sides share the page 5 : 3 whatever their contents ask for
        # (in large text the forms would otherwise squeeze the week's list).
        left_side = QWidget(self)
        left_side.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        for side in (left_side, self.tabs):
            side.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        body = QHBoxLayout()
        body.addWidget(left_side, 5)
        body.addWidget(self.tabs, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._load_communities()
        self.show_week(self._monday)

    # --- staff's forms ---------------------------------------------------------------------

    def _build_staff_forms(self) -> None:
        self.duty_name = QLineEdit(self)
        self.duty_name.setObjectName("volunteers.rota.duty.name")
        self.duty_name.setAccessibleName(self.tr("Duty"))
        self.duty_name.setText(self.tr("Waste sorting at the bins"))
        self.duty_group = QComboBox(self)
        self.duty_group.setObjectName("volunteers.rota.duty.group")
        self.duty_group.setAccessibleName(self.tr("Building group"))
        self.duty_weekday = QComboBox(self)
        self.duty_weekday.setObjectName("volunteers.rota.duty.weekday")
        self.duty_weekday.setAccessibleName(self.tr("Day of the week"))
        for name in WEEKDAY_NAMES:
            self.duty_weekday.addItem(_tr(name))
        self.duty_start = TimeField("volunteers.rota.duty.start", self.tr("Starts at"), self)
        self.duty_start.set_time(dt.time(7))
        self.duty_end = TimeField("volunteers.rota.duty.end", self.tr("Ends at"), self)
        self.duty_end.set_time(dt.time(8))
        times = QHBoxLayout()
        times.addWidget(self.duty_start)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.duty_end)
        times.addStretch(1)
        self.duty_place = QLineEdit(self)
        self.duty_place.setObjectName("volunteers.rota.duty.place")
        self.duty_place.setAccessibleName(self.tr("Place"))
        self.add_duty_button = button(self.tr("Add the duty"), "volunteers.rota.duty.add", self)
        self.add_duty_button.clicked.connect(self.on_add_duty_clicked)
        duty_page = QWidget(self)
        duty_form = QFormLayout(duty_page)
        duty_form.addRow(self.tr("Duty:"), self.duty_name)
        duty_form.addRow(self.tr("Building group:"), self.duty_group)
        duty_form.addRow(self.tr("Weekday:"), self.duty_weekday)
        duty_form.addRow(self.tr("Time:"), times)
        duty_form.addRow(self.tr("Place:"), self.duty_place)
        duty_form.addRow(self.add_duty_button)
        self.fields.add("name", self.duty_name, self._message("name"))
        self.fields.add("end_time", self.duty_end, self._message("end_time"))
        for field in ("name", "end_time"):
            message = self.fields.message(field)
            assert message is not None
            duty_form.addRow(message)

        self.assign_duty = QComboBox(self)
        self.assign_duty.setObjectName("volunteers.rota.assign.duty")
        self.assign_duty.setAccessibleName(self.tr("Duty to put the volunteer on"))
        self.assign_duty.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.assign_duty.setMinimumContentsLength(12)
        self.picker = PersonPicker(self._context, "volunteers.rota.assign.person", self, rows=3)
        self.assign_button = button(
            self.tr("Put on the duty from this week"), "volunteers.rota.assign.add", self
        )
        self.assign_button.clicked.connect(self.on_assign_clicked)
        assign_page = QWidget(self)
        assign_form = QFormLayout(assign_page)
        assign_form.addRow(self.tr("Duty:"), self.assign_duty)
        assign_form.addRow(self.tr("Volunteer:"), self.picker)
        assign_form.addRow(self.assign_button)
        self.fields.add("person_id", self.picker, self._message("person_id"))
        person_message = self.fields.message("person_id")
        assert person_message is not None
        assign_form.addRow(person_message)
        self.staff_pages = (duty_page, assign_page)
        if self._context.actor.may(Permission.VOLUNTEER_HOURS):
            self.tabs.addTab(duty_page, self.tr("New duty"))
            self.tabs.addTab(assign_page, self.tr("Assign"))
        else:
            duty_page.setVisible(False)
            assign_page.setVisible(False)

    def _message(self, field: str) -> Any:
        from ui.errors import FieldMessage

        return FieldMessage(f"volunteers.rota.{field}.message", self)

    # --- loading ----------------------------------------------------------------------------

    def _load_communities(self) -> None:
        found = self._context.run(
            lambda session, _actor: communities.list_communities(session, include_inactive=False),
            write=False,
        )
        self.community_combo.blockSignals(True)
        self.community_combo.clear()
        self.community_combo.addItem(self.tr("All communities"), None)
        self.duty_group.clear()
        for community in found:
            self.community_combo.addItem(community.name, community.id)
            for group in community.building_groups:
                self.duty_group.addItem(f"{community.name} · {group.name}", group.id)
        self.community_combo.blockSignals(False)

    def community_id(self) -> int | None:
        value = self.community_combo.currentData()
        return int(value) if value is not None else None

    def show_week(self, day: dt.date) -> None:
        self._monday = rota.week_start(day)
        sunday = self._monday + _WEEK - dt.timedelta(days=1)
        self.week_label.setText(
            self.tr("%1 to %2")
            .replace("%1", labels.format_day(self._monday))
            .replace("%2", labels.format_day(sunday))
        )
        self.refresh()

    def monday(self) -> dt.date:
        return self._monday

    def refresh(self) -> None:
        community_id = self.community_id()
        monday = self._monday
        current = self._current()
        try:
            turns, misses, duties = self._context.run(
                lambda s, a: (
                    rota.week(s, a, monday, community_id=community_id),
                    rota.missing(s, a, community_id=community_id),
                    rota.duties(s, a, community_id=community_id),
                ),
                write=False,
            )
        except DomainError as error:
            self.status.show_error(error.message)
            return
        self.model.set_lines(turns)
        self.misses.set_lines(misses)
        self.empty_label.setVisible(not turns)
        self.assign_duty.clear()
        for duty in duties:
            where = " · ".join(p for p in (duty.building_group, duty.name) if p)
            self.assign_duty.addItem(
                f"{where} · {_tr(WEEKDAY_NAMES[duty.weekday])} {duty.start_time:%H:%M}",
                duty.duty_id,
            )
        self._select(current)

    def _current(self) -> tuple[int, int, dt.date] | None:
        row = self.view.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            return None
        line = self.model.line(row)
        return line.duty_id, line.person_id, line.day

    def _select(self, key: tuple[int, int, dt.date] | None) -> None:
        rows = [(line.duty_id, line.person_id, line.day) for line in self.model.lines()]
        row = rows.index(key) if key in rows else (0 if rows else -1)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    # --- marking ----------------------------------------------------------------------------

    def mark_current(self, done: bool) -> None:
        row = self.view.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            self.status.show_error(self.tr("Choose a turn in the list first."))
            return
        line = self.model.line(row)
        note = self.note_edit.text()
        try:
            marked = self._context.run(
                lambda s, a: rota.mark(s, a, line.duty_id, line.person_id, line.day, done, note),
                write=True,
            )
        except DomainError as error:
            self.status.show_error(error.message)
            return
        self.note_edit.clear()
        self.refresh()
        self.status.show_info(
            self.tr("%1, %2: %3")
            .replace("%1", marked.name)
            .replace("%2", labels.format_day(marked.day))
            .replace("%3", labels.turn_status_name(marked.status.value))
        )
        if done and row + 1 < self.model.rowCount():  # on to the next line of the paper
            self.view.setCurrentIndex(self.model.index(row + 1, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
        ):
            self.mark_current(True)
            return True
        return super().eventFilter(watched, event)

    # --- printing ---------------------------------------------------------------------------

    def on_print_clicked(self) -> None:
        middle = self._monday + dt.timedelta(days=3)  # the month most of the week is in
        first, last = printed.month_span(middle)
        community_id = self.community_id()
        try:
            data = self._context.run(
                lambda s, a: printed.read_rota(s, a, first, last, community_id=community_id),
                write=False,
            )
        except DomainError as error:
            self.status.show_error(error.message)
            return
        self.preview = open_printout(
            printed.rota_pdf(data), self.tr("Duty rota"), printed.file_name(data), self
        )

    # --- staff ------------------------------------------------------------------------------

    def on_add_duty_clicked(self) -> None:
        self.fields.clear()
        start, end = self.duty_start.time(), self.duty_end.time()
        if start is None or end is None:
            self.fields.set("end_time", self.tr("Write the times as 07:00."))
            return
        group = self.duty_group.currentData()
        data = rota.DutyInput(
            name=self.duty_name.text(),
            building_group_id=int(group) if group is not None else None,
            weekday=self.duty_weekday.currentIndex(),
            start_time=start,
            end_time=end,
            place=self.duty_place.text(),
        )
        try:
            self._context.run(lambda s, a: rota.create_duty(s, a, data), write=True)
        except ValidationError as error:
            if not self.fields.show(error):
                self.status.show_error(error.message)
            return
        except DomainError as error:
            self.status.show_error(error.message)
            return
        self.refresh()
        self.status.show_info(self.tr("Duty added: %1.").replace("%1", data.name.strip()))
        self.tabs.setCurrentIndex(2)

    def on_assign_clicked(self) -> None:
        self.fields.clear()
        person_id = self.picker.person_id()
        if person_id is None:
            self.fields.set("person_id", self.tr("Find the volunteer first."))
            return
        duty_id = self.assign_duty.currentData()
        if duty_id is None:
            self.status.show_error(self.tr("Add a duty first."))
            return
        since = self._monday
        try:
            result = self._context.run(
                lambda s, a: rota.assign(s, a, int(duty_id), person_id, since), write=True
            )
        except ValidationError as error:
            if not self.fields.show(error):
                self.status.show_error(error.message)
            return
        except DomainError as error:
            self.status.show_error(error.message)
            return
        self.refresh()
        said = self.tr("%1 is on the duty from %2.")
        said = said.replace("%1", self.picker.person_name()).replace("%2", labels.format_day(since))
        self.status.show_info(f"{said} {result.warning}".strip())
        self.picker.set_person(None)

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()


_WEEK = dt.timedelta(weeks=1)
