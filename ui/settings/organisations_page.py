"""Organisations (社会组织): the social organisations, partners and the councils of the 1+7+49
platform that book rooms and provide sessions. A list with the chosen one's record (its
bookings, and the sessions it provides once the Service menu is in use), and an editor in the
list's place. Nothing is deleted: an organisation no longer working with the centre is set
inactive, and its bookings keep its name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.models import OrganisationKind
from app.services import organisations
from app.services.organisations import OrganisationInput, OrganisationRow
from ui import labels
from ui.context import DeskContext
from ui.labels import QT_TRANSLATE_NOOP
from ui.people.tag_list import BigIndicatorStyle
from ui.settings.common import ActiveLinesModel
from ui.settings.list_editor import ListEditorPage
from ui.style import paragraph_html
from ui.widgets import button, plain

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.security import Actor


class OrganisationTableModel(ActiveLinesModel[OrganisationRow]):
    """The organisations by name; the phone masked; an inactive one greyed and said in words."""

    CONTEXT = "OrganisationTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Organisation"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Kind"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Contact"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Contact phone"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Status"),
    )

    def texts(self, line: OrganisationRow) -> tuple[str, ...]:
        return (
            line.name,
            labels.organisation_kind_name(line.kind),
            line.contact_name,
            line.contact_phone,
            self.tr("Active") if line.active else self.tr("Inactive"),
        )


class OrganisationsPage(ListEditorPage[OrganisationRow]):
    """Add and change the organisations; see what each one does at the centre."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "organisations", OrganisationTableModel(), parent)
        self._editing: int | None = None

        self._edit = button(self.tr("&Change…"), "settings.organisations.edit", self)
        self._edit.clicked.connect(self.on_edit_clicked)
        self._record_label = QLabel(self)
        self._record_label.setObjectName("settings.organisations.record")
        self._record_label.setWordWrap(True)
        self._record_label.setTextFormat(Qt.TextFormat.RichText)
        self._record_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        record_box = QGroupBox(self.tr("Record"), self)
        record_box.setObjectName("settings.organisations.recordBox")
        record_layout = QVBoxLayout(record_box)
        record_layout.addWidget(self._record_label)
        actions = QHBoxLayout()
        actions.addWidget(self._edit)
        actions.addStretch(1)
        self.list_layout.addLayout(actions)
        self.list_layout.addWidget(record_box)

        self._finish(
            self.tr("Organisations"),
            self.tr(
                "Social organisations, partners and the councils that book rooms and provide "
                "sessions. Nothing is deleted: one no longer working with the centre is set "
                "inactive."
            ),
            self.tr("&New organisation…"),
            self._build_editor(),
        )

    def _build_editor(self) -> QGroupBox:
        box = QGroupBox(self.tr("Organisation"), self)
        self._name = QLineEdit(box)
        self._name.setMaxLength(80)
        self._name.setPlaceholderText(self.tr("e.g. 五彩亲子公益发展中心"))
        self._kind = QComboBox(box)
        for kind in OrganisationKind:
            self._kind.addItem(labels.organisation_kind_name(kind), kind.value)
        self._credit_code = QLineEdit(box)
        self._credit_code.setMaxLength(30)
        self._credit_code.setPlaceholderText(self.tr("18 characters, if it has one"))
        self._contact_name = QLineEdit(box)
        self._contact_name.setMaxLength(40)
        self._contact_phone = QLineEdit(box)
        self._contact_phone.setMaxLength(20)
        self._contact_phone.setPlaceholderText(self.tr("e.g. 021-12345678 or a mobile number"))
        self._provides = QLineEdit(box)
        self._provides.setMaxLength(200)
        self._provides.setPlaceholderText(self.tr("e.g. 亲子阅读、周末手工课"))
        self._active = QCheckBox(self.tr("&Active (works with the centre)"), box)
        self._active.setObjectName("settings.organisations.active")
        self._active.setAccessibleName(plain(self._active.text()))
        self._active.setStyle(BigIndicatorStyle(box))  # a tick box as big as the text

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0
        for field, text, widget in (
            ("name", self.tr("&Name:"), self._name),
            ("kind", self.tr("&Kind:"), self._kind),
            ("credit_code", self.tr("C&redit code (统一社会信用代码):"), self._credit_code),
            ("contact_name", self.tr("Contact &person:"), self._contact_name),
            ("contact_phone", self.tr("Contact &phone:"), self._contact_phone),
            ("provides", self.tr("What they pro&vide:"), self._provides),
        ):
            row = self._field_row(grid, row, field, text, widget)
        grid.addWidget(self._active, row, 1)

        layout = QVBoxLayout(box)
        layout.addLayout(self._editor_actions(self.tr("&Save organisation"), box))
        layout.addLayout(grid)
        layout.addStretch(1)
        return box

    # ---- what tests and the desk use -------------------------------------------------------

    def _fetch(self, session: Session, actor: Actor) -> list[OrganisationRow]:
        return organisations.list_organisations(session, actor)

    def new_item(self) -> None:
        self._fill_editor(None, OrganisationInput("", OrganisationKind.PARTNER))

    def edit_selected(self) -> bool:
        selected = self.selected()
        if selected is None:
            self._message.show_error(self.tr("First choose an organisation in the list."))
            return False
        try:
            record = self._context.run(
                lambda session, actor: organisations.organisation_record(
                    session, actor, selected.id
                ),
                write=False,
            )
        except DomainError as error:
            self._message.show_error(error.message)
            return False
        self._fill_editor(selected.id, record.organisation)
        return True

    def set_kind(self, kind: OrganisationKind) -> None:
        self._kind.setCurrentIndex(self._kind.findData(kind.value))

    def save(self) -> bool:
        data = OrganisationInput(
            self._name.text(),
            OrganisationKind(self._kind.currentData()),
            self._credit_code.text(),
            self._contact_name.text(),
            self._contact_phone.text(),
            self._provides.text(),
            self._active.isChecked(),
        )
        organisation_id = self._editing
        if organisation_id is None:
            row = self._write(
                lambda session, actor: organisations.create_organisation(session, actor, data)
            )
        else:
            row = self._write(
                lambda session, actor: organisations.update_organisation(
                    session, actor, organisation_id, data
                )
            )
        if row is None:
            return False
        self._saved(row.id, self.tr("Organisation “%1” saved.").replace("%1", row.name))
        return True

    def record_text(self) -> str:
        return str(self._record_label.property("plain") or "")

    # ---- inside -----------------------------------------------------------------------------

    def _fill_editor(self, organisation_id: int | None, data: OrganisationInput) -> None:
        self._editing = organisation_id
        self._open_editor(
            self.tr("New organisation")
            if organisation_id is None
            else self.tr("Organisation: %1").replace("%1", data.name)
        )
        self._name.setText(data.name)
        self.set_kind(data.kind)
        self._credit_code.setText(data.credit_code)
        self._contact_name.setText(data.contact_name)
        self._contact_phone.setText(data.contact_phone)
        self._provides.setText(data.provides)
        self._active.setChecked(data.active)
        self._name.setFocus()

    def _selection_changed(self) -> None:
        selected = self.selected()
        self._edit.setEnabled(selected is not None)
        if selected is None:
            self._set_record(self.tr("Choose an organisation in the list to see its record."))
            return
        try:
            record = self._context.run(
                lambda session, actor: organisations.organisation_record(
                    session, actor, selected.id
                ),
                write=False,
            )
        except DomainError as error:
            self._set_record(error.message)
            return
        lines = [
            self.tr("%1 (%2)")
            .replace("%1", selected.name)
            .replace("%2", labels.organisation_kind_name(selected.kind)),
        ]
        if selected.provides:
            lines.append(self.tr("Provides: %1").replace("%1", selected.provides))
        if selected.credit_code:
            lines.append(self.tr("Credit code: %1").replace("%1", selected.credit_code))
        lines.append(
            self.tr("Room bookings: %1 held, %2 to come.")
            .replace("%1", str(record.past_bookings))
            .replace("%2", str(record.upcoming_bookings))
        )
        for booking in record.next_bookings:
            lines.append(
                "• "
                + self.tr("%1 %2 %3 (%4), %5")
                .replace("%1", labels.format_day(booking.starts_at.date()))
                .replace("%2", labels.format_time_span(booking.starts_at, booking.ends_at))
                .replace("%3", booking.title)
                .replace("%4", booking.room)
                .replace("%5", labels.booking_status_name(booking.status))
            )
        # The sessions it provides: filled in by the Service menu (activity sessions).
        lines.append(
            self.tr("Activity sessions provided: %1 held, %2 to come.")
            .replace("%1", str(record.past_sessions))
            .replace("%2", str(record.upcoming_sessions))
        )
        self._set_record("\n".join(lines))

    def _set_record(self, text: str) -> None:
        self._record_label.setText(paragraph_html(text))
        self._record_label.setProperty("plain", text)
        self._record_label.setAccessibleName(text)
