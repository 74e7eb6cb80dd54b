"""The 志愿者 tab: volunteers with the year's hours (search, 双报到 filter, year), the chosen
volunteer's records with make-ups marked 补录, and who reaches N hours this year.

Staff (Permission.VOLUNTEER_HOURS) see 补录时长, 编辑档案 and 登记为志愿者; a desk volunteer reads.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError
from app.security import Permission
from app.services.volunteers import hours, profiles, records
from app.services.volunteers.profiles import VolunteerRow
from ui import style
from ui.context import DeskContext
from ui.errors import StatusLine
from ui.people.models import format_hours
from ui.table_export import add_export_action, export_button
from ui.volunteers.forms import MakeUpForm, ProfileForm
from ui.volunteers.models import RecordsModel, VolunteersModel
from ui.widgets import button

YEARS_BACK = 5
DEFAULT_THRESHOLD = 20  # hours: the centre's 优秀志愿者 line


class VolunteersPage(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteers.people")
        self._context = context
        staff = context.actor.may(Permission.VOLUNTEER_HOURS)
        year = clock.today().year
        # --- the filter row
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("volunteers.search")
        self.search_box.setAccessibleName(self.tr("Find a volunteer"))
        self.search_box.setPlaceholderText(self.tr("Name, number or skill"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.reload)
        self.filter_box = QComboBox(self)
        self.filter_box.setObjectName("volunteers.double_report")
        self.filter_box.setAccessibleName(self.tr("Reports twice"))
        self.filter_box.addItem(self.tr("Everyone"), None)
        self.filter_box.addItem(self.tr("Reports twice only"), True)
        self.filter_box.addItem(self.tr("Not reporting twice"), False)
        self.filter_box.currentIndexChanged.connect(self.reload)
        self.year_box = QComboBox(self)
        self.year_box.setObjectName("volunteers.year")
        self.year_box.setAccessibleName(self.tr("Year"))
        for number in range(year, year - YEARS_BACK, -1):
            self.year_box.addItem(self.tr("%1 year").replace("%1", str(number)), number)
        self.year_box.currentIndexChanged.connect(self.reload)
        self.enrol_button = button(self.tr("Enrol as volunteer…"), "volunteers.enrol", self)
        self.enrol_button.clicked.connect(self.on_enrol_clicked)
        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 2)
        filters.addWidget(self.filter_box)
        filters.addWidget(self.year_box)
        filters.addWidget(self.enrol_button)
        # --- the list
        self.model = VolunteersModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("volunteers.list")
        self.table.setAccessibleName(self.tr("Volunteers list"))
        style.configure_table(self.table)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self._fit_list()
        # --- the chosen volunteer
        self.chosen_label = QLabel(self)
        self.chosen_label.setObjectName("volunteers.chosen")
        self.chosen_label.setWordWrap(True)
        self.make_up_button = button(self.tr("Make up hours…"), "volunteers.make_up", self)
        style.make_primary(self.make_up_button)
        self.make_up_button.clicked.connect(self.on_make_up_clicked)
        self.edit_button = button(self.tr("Edit profile…"), "volunteers.edit", self)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        chosen_bar = QHBoxLayout()
        chosen_bar.addWidget(self.chosen_label, 1)
        chosen_bar.addWidget(self.make_up_button)
        chosen_bar.addWidget(self.edit_button)
        self.records_model = RecordsModel(self)
        self.records_view = QTableView(self)
        self.records_view.setObjectName("volunteers.records")
        self.records_view.setAccessibleName(self.tr("Service records"))
        style.configure_table(self.records_view)
        self.records_view.setModel(self.records_model)
        self.make_up_form = MakeUpForm(context, self)
        self.make_up_form.saved.connect(self.on_form_saved)
        self.make_up_form.closed.connect(self.on_form_closed)
        self.profile_form = ProfileForm(context, self)
        self.profile_form.saved.connect(self.on_form_saved)
        self.profile_form.closed.connect(self.on_form_closed)
        # --- who reaches N hours
        self.threshold = QSpinBox(self)
        self.threshold.setObjectName("volunteers.threshold")
        self.threshold.setAccessibleName(self.tr("Hours to reach"))
        self.threshold.setRange(1, 2000)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setSuffix(self.tr(" h"))
        self.qualify_button = button(self.tr("Who reaches it"), "volunteers.qualify", self)
        self.qualify_button.clicked.connect(self.on_qualify_clicked)
        self.qualify_label = QLabel(self)
        self.qualify_label.setObjectName("volunteers.qualified")
        self.qualify_label.setWordWrap(True)
        self.qualify_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reach_bar = QWidget(self)
        reach = QHBoxLayout(self.reach_bar)
        reach.setContentsMargins(0, 0, 0, 0)
        reach.addWidget(QLabel(self.tr("Reaching"), self))
        reach.addWidget(self.threshold)
        reach.addWidget(self.qualify_button)
        reach.addWidget(self.qualify_label, 1)
        self.status = StatusLine("volunteers.status", self)
        self.export_button = export_button(
            self,
            context,
            self.model,
            lambda: self.tr("Volunteers %1").replace("%1", self.year_box.currentText()),
            name="volunteers.list",
            status=self.status,
        )
        self.export_button.setVisible(self.export_button.isEnabled())
        filters.addWidget(self.export_button)
        add_export_action(
            self.records_view,
            context,
            self._records_title,
            status=self.status,
        )
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addLayout(chosen_bar)
        below_layout.addWidget(self.make_up_form)
        below_layout.addWidget(self.profile_form)
        below_layout.addWidget(self.records_view, 1)
        below_layout.addStretch(0)  # packs a form to the top while the records are hidden
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        # A form taller than the room left (the profile form in large text) scrolls.
        self.below = QScrollArea(self)
        self.below.setFrameShape(QFrame.Shape.NoFrame)
        self.below.setWidgetResizable(True)
        self.below.setWidget(below)
        splitter.addWidget(self.below)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.reach_bar)
        layout.addWidget(self.status)
        for widget in (self.enrol_button, self.make_up_button, self.edit_button):
            widget.setVisible(staff)
        self.reload()

    # --- what tests and other desks use ------------------------------------------------------

    def _records_title(self) -> str:
        chosen = self.chosen()
        records = self.tr("Service records")
        return f"{records} {chosen.name}" if chosen is not None else records

    def year(self) -> int:
        return int(self.year_box.currentData())

    def chosen(self) -> VolunteerRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line(rows[0].row()) if rows else None

    def choose_person(self, person_id: int) -> bool:
        row = self.model.row_of_person(person_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def reload(self) -> None:
        chosen = self.chosen()
        text = self.search_box.text()
        double_report = self.filter_box.currentData()
        year = self.year()
        try:
            found = self._context.run(
                lambda s, a: profiles.list_volunteers(
                    s, a, text=text, double_report=double_report, year=year
                ),
                write=False,
            )
        except DomainError as error:
            self.status.show_error(error.message)
            return
        self.model.set_lines(found)
        self.table.resizeColumnsToContents()
        if chosen is None or not self.choose_person(chosen.person_id):
            self._show_records()

    # --- slots -------------------------------------------------------------------------------

    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self.make_up_form.isVisible():
            self.make_up_form.setVisible(False)
            self.on_form_closed()
        self._show_records()

    def on_make_up_clicked(self) -> None:
        row = self.chosen()
        if row is not None:
            self._open_form()
            self.make_up_form.open_for(row.person_id, row.name)

    def on_edit_clicked(self) -> None:
        row = self.chosen()
        if row is not None:
            self._open_form()
            self.profile_form.open_edit(row)

    def on_enrol_clicked(self) -> None:
        self._open_form()
        self.profile_form.open_new()

    def on_form_saved(self, person_id: int) -> None:
        self.on_form_closed()
        self.status.show_info(self.tr("Saved."))
        self.reload()
        self.choose_person(person_id)

    def on_form_closed(self) -> None:
        self.records_view.setVisible(True)
        self.reach_bar.setVisible(True)

    def on_qualify_clicked(self) -> None:
        at_least = Decimal(self.threshold.value())
        first, last = hours.year_span(self.year())
        try:
            lines = self._context.run(
                lambda s, a: hours.totals(s, a, first, last, at_least=at_least), write=False
            )
        except DomainError as error:
            self.status.show_error(error.message)
            return
        names = "、".join(f"{line.name}（{format_hours(line.hours)}）" for line in lines)
        self.qualify_label.setText(
            self.tr("%1 reach %2 hours in %3: %4")
            .replace("%1", str(len(lines)))
            .replace("%2", str(self.threshold.value()))
            .replace("%3", str(self.year()))
            .replace("%4", names or self.tr("nobody yet"))
        )

    # --- helpers -----------------------------------------------------------------------------

    def _fit_list(self) -> None:
        """The list keeps two rows in sight whatever the text size."""
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height()
            + 2 * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            style.update_table_metrics(self.table)
            self._fit_list()

    def _open_form(self) -> None:
        """One form at a time, in the records' place (large text leaves no room for both)."""
        self.make_up_form.setVisible(False)
        self.profile_form.setVisible(False)
        self.records_view.setVisible(False)
        self.reach_bar.setVisible(False)
        # The list gives the form its room, keeping the chosen volunteer in sight.
        self.splitter.setSizes([self.table.minimumHeight(), self.splitter.height()])
        chosen = self.chosen()
        if chosen is not None:
            self.choose_person(chosen.person_id)

    def _show_records(self) -> None:
        row = self.chosen()
        for widget in (self.make_up_button, self.edit_button):
            widget.setEnabled(row is not None)
        if row is None:
            self.records_model.set_lines([])
            self.chosen_label.setText(self.tr("Choose a volunteer to see their records."))
            return
        first, last = hours.year_span(self.year())
        try:
            lines = self._context.run(
                lambda s, a: records.records_of(s, a, row.person_id, first, last), write=False
            )
        except DomainError as error:
            self.status.show_error(error.message)
            return
        self.records_model.set_lines(lines)
        self.records_view.resizeColumnsToContents()
        total = sum((line.hours for line in lines), Decimal(0))
        self.chosen_label.setText(
            self.tr("%1 %2: %3 hours in %4, %5 records")
            .replace("%1", row.name)
            .replace("%2", row.volunteer_number)
            .replace("%3", format_hours(total))
            .replace("%4", str(self.year()))
            .replace("%5", str(len(lines)))
        )
