"""The 志愿者 section of a person's record: number, 双报到 details, this year's hours, and for
staff 登记为志愿者 or 编辑 with the profile form inline."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.errors import DomainError
from app.security import Permission
from app.services.volunteers import profiles
from app.services.volunteers.profiles import VolunteerRow
from ui.context import DeskContext
from ui.people.models import format_hours
from ui.volunteers.forms import ProfileForm
from ui.widgets import button


class VolunteerSection(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people.volunteer")
        self._context = context
        self._person: tuple[int, str] | None = None
        self._row: VolunteerRow | None = None
        staff = context.actor.may(Permission.VOLUNTEER_HOURS)
        self.summary = QLabel(self)
        self.summary.setObjectName("people.volunteer.summary")
        self.summary.setWordWrap(True)
        self.enrol_button = button(self.tr("Enrol as volunteer…"), "people.volunteer.enrol", self)
        self.enrol_button.clicked.connect(self.on_enrol_clicked)
        self.edit_button = button(self.tr("Edit volunteer profile…"), "people.volunteer.edit", self)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.form = ProfileForm(context, self)
        self.form.saved.connect(self.on_form_saved)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.enrol_button)
        bar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.form)
        self._staff = staff

    def profile(self) -> VolunteerRow | None:
        return self._row

    def show_person(self, person_id: int, name: str) -> None:
        self._person = (person_id, name)
        self.form.setVisible(False)
        try:
            self._row = self._context.run(
                lambda s, a: profiles.profile_of(s, a, person_id), write=False
            )
        except DomainError as error:
            self._row = None
            self.summary.setText(error.message)
            return
        row = self._row
        if row is None:
            text = self.tr("Volunteer: not a volunteer")
        else:
            text = (
                self.tr("Volunteer %1 · %2 hours this year")
                .replace("%1", row.volunteer_number)
                .replace("%2", format_hours(row.hours))
            )
            if row.double_report:
                text += (
                    self.tr(" · reports twice: %1, since %2")
                    .replace("%1", row.workplace_party_org)
                    .replace("%2", row.reported_on.isoformat() if row.reported_on else "")
                )
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        self.enrol_button.setVisible(self._staff and row is None)
        self.edit_button.setVisible(self._staff and row is not None)

    def on_enrol_clicked(self) -> None:
        if self._person is not None:
            self.form.open_for_person(*self._person)

    def on_edit_clicked(self) -> None:
        if self._row is not None:
            self.form.open_edit(self._row)

    def on_form_saved(self, person_id: int) -> None:
        if self._person is not None:
            self.show_person(person_id, self._person[1])
