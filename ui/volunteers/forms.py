"""The 志愿者 tab's inline forms: make-up hours (补录) and a volunteer's profile (登记 / 编辑).

Each is a panel inside the tab, not a dialog: its errors are said beside the field, and the list
stays in sight while staff type.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError, ValidationError
from app.services.volunteers import profiles, records
from app.services.volunteers.profiles import VolunteerInput, VolunteerRow
from app.services.volunteers.records import MakeUpInput
from ui import style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages
from ui.form_grid import add_row
from ui.menu.date_field import parse_day
from ui.rooms.person_pick import PersonPicker
from ui.widgets import button


class _Panel(QFrame):
    """A framed form: a title, fields with their messages, and 保存 / 取消 in a row."""

    saved = Signal(int)  # the person id
    closed = Signal()

    def __init__(self, context: DeskContext, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(f"volunteers.{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._context = context
        self._name = name
        self.messages = FieldMessages()
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self._row = 0
        self.general = FieldMessage(f"volunteers.{name}.message", self)
        self.save_button = button(self.tr("Save"), f"volunteers.{name}.save", self)
        style.make_primary(self.save_button)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button = button(self.tr("Cancel"), f"volunteers.{name}.cancel", self)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general, 1)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)

    def field(self, key: str, caption: str, widget: QWidget) -> QLabel:
        message = self._named(key, caption, widget)
        label, self._row = add_row(
            self.grid, self._row, caption, widget, [message], style.line_height(self.font())
        )
        return label

    def _named(self, key: str, caption: str, widget: QWidget) -> FieldMessage:
        widget.setObjectName(f"volunteers.{self._name}.{key}")
        widget.setAccessibleName(caption.rstrip("：:"))
        message = FieldMessage(f"volunteers.{self._name}.{key}.message", self)
        self.messages.add(key, widget, message)
        return message

    def clear_messages(self) -> None:
        self.messages.clear()
        self.general.clear()

    def show_error(self, error: DomainError) -> None:
        if not (isinstance(error, ValidationError) and self.messages.show(error)):
            self.general.set_message(error.message)

    def on_save_clicked(self) -> None:
        self.clear_messages()
        try:
            person_id = self.save()
        except DomainError as error:
            self.show_error(error)
            return
        self.setVisible(False)
        self.saved.emit(person_id)

    def on_cancel_clicked(self) -> None:
        self.clear_messages()
        self.setVisible(False)
        self.closed.emit()

    def save(self) -> int:
        raise NotImplementedError


class MakeUpForm(_Panel):
    """补录时长: day, hours, content, reason (staff only; the service refuses anyone else too)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "make_up", parent)
        self._person: tuple[int, str] | None = None
        self.day = QLineEdit(self)
        self.day.setPlaceholderText("2026-11-20")
        self.hours = QLineEdit(self)
        self.hours.setPlaceholderText("1.5")
        self.content = QLineEdit(self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. the sign-in sheet was lost"))
        # Day and hours share a row: the form fits under the list in large text.
        day_message = self._named("day", self.tr("Day:"), self.day)
        hours_message = self._named("hours", self.tr("Hours:"), self.hours)
        pair = QHBoxLayout()
        hours_caption = QLabel(self.tr("Hours:"), self)
        hours_caption.setBuddy(self.hours)
        pair.addWidget(self.day, 1)
        pair.addWidget(hours_caption)
        pair.addWidget(self.hours, 1)
        day_caption = QLabel(self.tr("Day:"), self)
        day_caption.setBuddy(self.day)
        self.grid.addWidget(day_caption, 0, 0)
        self.grid.addLayout(pair, 0, 1)
        self.grid.addWidget(day_message, 1, 1)
        self.grid.addWidget(hours_message, 2, 1)
        self._row = 3
        self.field("content", self.tr("Service content:"), self.content)
        self.field("reason", self.tr("Reason for the make-up:"), self.reason)
        self.setVisible(False)

    def open_for(self, person_id: int, name: str) -> None:
        self._person = (person_id, name)
        self.title.setText(self.tr("Make up hours for %1").replace("%1", name))
        self.day.setText(clock.today().isoformat())
        for box in (self.hours, self.content, self.reason):
            box.clear()
        self.clear_messages()
        self.setVisible(True)
        self.hours.setFocus()

    def save(self) -> int:
        assert self._person is not None
        day = parse_day(self.day.text(), clock.today())
        if day is None:
            raise ValidationError("day", self.tr("Write the day as 2026-11-20."))
        data = MakeUpInput(
            person_id=self._person[0],
            day=day,
            hours=self.hours.text(),
            content=self.content.text(),
            reason=self.reason.text(),
        )
        self._context.run(lambda s, a: records.make_up(s, a, data), write=True)
        return self._person[0]


class ProfileForm(_Panel):
    """登记为志愿者 (a person picked as Reception finds them) or 编辑档案 of a volunteer."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "profile", parent)
        self._editing: int | None = None  # the person whose profile is edited
        self.picker = PersonPicker(context, "volunteers.profile.person", self, rows=3)
        self.skills = QLineEdit(self)
        self.availability = QLineEdit(self)
        self.availability.setPlaceholderText(self.tr("e.g. Tuesday and Thursday evenings"))
        self.double_report = QCheckBox(self.tr("Reports twice (在职党员双报到)"), self)
        self.double_report.setObjectName("volunteers.profile.double_report")
        self.double_report.setAccessibleName(self.double_report.text())
        self.double_report.toggled.connect(self.on_double_report_toggled)
        self.party_org = QLineEdit(self)
        self.reported_on = QLineEdit(self)
        self.reported_on.setPlaceholderText("2025-03-01")
        self.note = QLineEdit(self)
        self.picker_caption = self.field("person_id", self.tr("Resident:"), self.picker)
        self.field("skills", self.tr("Skills:"), self.skills)
        self.field("availability", self.tr("Available:"), self.availability)
        self.grid.addWidget(self.double_report, self._row, 1)
        self._row += 1
        self.field("workplace_party_org", self.tr("Workplace party organisation:"), self.party_org)
        self.field("reported_on", self.tr("Day of reporting:"), self.reported_on)
        self.field("note", self.tr("Note:"), self.note)
        self.setVisible(False)

    def open_new(self) -> None:
        self._editing = None
        self.title.setText(self.tr("Enrol a resident as a volunteer"))
        self.picker.setVisible(True)
        self.picker_caption.setVisible(True)
        self.picker.set_person(None)
        self.picker.search_box.clear()
        self._fill(None)
        self.setVisible(True)
        self.picker.setFocus()

    def open_for_person(self, person_id: int, name: str) -> None:
        """登记为志愿者 from the person's record: the person is known already."""
        self.open_new()
        self.title.setText(self.tr("Enrol %1 as a volunteer").replace("%1", name))
        self.picker.set_person(person_id, name)
        self.picker.setVisible(False)
        self.picker_caption.setVisible(False)
        self.skills.setFocus()

    def open_edit(self, row: VolunteerRow) -> None:
        self._editing = row.person_id
        self.title.setText(
            self.tr("Profile of %1 (%2)")
            .replace("%1", row.name)
            .replace("%2", row.volunteer_number)
        )
        self.picker.setVisible(False)
        self.picker_caption.setVisible(False)
        self.picker.set_person(row.person_id, row.name)
        self._fill(row)
        self.setVisible(True)
        self.skills.setFocus()

    def _fill(self, row: VolunteerRow | None) -> None:
        self.clear_messages()
        self.skills.setText(row.skills if row else "")
        self.availability.setText(row.availability if row else "")
        self.double_report.setChecked(bool(row and row.double_report))
        self.party_org.setText(row.workplace_party_org if row else "")
        self.reported_on.setText(row.reported_on.isoformat() if row and row.reported_on else "")
        self.note.setText(row.note if row else "")
        self.on_double_report_toggled(self.double_report.isChecked())

    def on_double_report_toggled(self, checked: bool) -> None:
        self.party_org.setEnabled(checked)
        self.reported_on.setEnabled(checked)

    def _reported_on(self) -> dt.date | None:
        text = self.reported_on.text().strip()
        if not text or not self.double_report.isChecked():
            return None
        day = parse_day(text, clock.today())
        if day is None:
            raise ValidationError("reported_on", self.tr("Write the day as 2026-11-20."))
        return day

    def save(self) -> int:
        person_id = self.picker.person_id()
        if person_id is None:
            raise ValidationError("person_id", self.tr("Choose the resident first."))
        data = VolunteerInput(
            skills=self.skills.text(),
            availability=self.availability.text(),
            double_report=self.double_report.isChecked(),
            workplace_party_org=self.party_org.text(),
            reported_on=self._reported_on(),
            note=self.note.text(),
        )
        if self._editing is None:
            self._context.run(lambda s, a: profiles.enrol(s, a, person_id, data), write=True)
        else:
            self._context.run(
                lambda s, a: profiles.update_profile(s, a, person_id, data), write=True
            )
        return person_id
