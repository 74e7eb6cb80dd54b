"""The registration and edit form of a person, shared by Reception (new visitor) and People (edit).

Two columns: on the left what every record keeps (name, phone, community, building group) and the
consent to data use; on the right what is kept only with that consent (gender, year of birth, ID
number, address, tags, note). Without consent a phone needs the volunteer's tick that it is only
for contacting the person (PIPL: collect the least that serves); the service enforces the same
rule (`app.people_fields.consent_problems`).

Every message goes beside its field, in words; nothing is written while one is shown. A phone or
ID number already on file offers the person on file instead of a second record. A gender the ID
number contradicts is pointed out beside the gender, and the volunteer chooses which is right.
Keyboard: Tab goes down the left column, then the right; Enter saves, Esc cancels. The buttons
stay in sight below the fields, which scroll when the large text size needs more room.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import people_fields
from app.errors import DomainError, ValidationError
from app.models import Gender
from app.people_fields import ConsentNeeded
from app.services import communities, people, reception
from app.services.communities import CommunityRow
from app.services.people import DuplicatePerson, PersonInput, PersonRow
from ui import style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages
from ui.people.form_parts import ChoiceBar, FieldsScroll
from ui.people.models import gender_name
from ui.people.tag_list import BigIndicatorStyle, TagList
from ui.widgets import button


class FormMode(enum.StrEnum):
    REGISTER = "register"
    EDIT = "edit"


# The service's field names (ValidationError.field) and the widgets' objectName suffixes.
FIELDS: dict[str, str] = {
    "name": "name",
    "gender": "gender",
    "birth_year": "birthYear",
    "phone": "phone",
    "id_number": "idNumber",
    "community_id": "community",
    "building_group_id": "buildingGroup",
    "address": "address",
    "tags": "tags",
    "consent": "consent",
    "note": "note",
}
# What tests and callers may also call a field (fill(community=…), message("community")).
_ALIASES = {"community": "community_id", "building_group": "building_group_id"}
# The columns: what every record keeps, and what only consent lets it keep.
_ALWAYS_KEPT = ("name", "phone", "community_id", "building_group_id", "consent")
_WITH_CONSENT = ("gender", "birth_year", "id_number", "address", "tags", "note")


class PersonForm(QWidget):
    """Name, phone, community and building group, consent; gender, birth year, ID number,
    address, tags, note. `submit()` registers (or, in edit mode, updates) and returns the
    person's id."""

    saved = Signal(int)  # the person registered or updated
    cancelled = Signal()
    existing_chosen = Signal(int)  # "use the person on file" instead of a duplicate

    def __init__(
        self,
        context: DeskContext,
        mode: FormMode | str = FormMode.REGISTER,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person.form")
        self._context = context
        self.mode = FormMode(mode)
        self._person_id: int | None = None
        # The phone and ID number as shown masked to a desk volunteer ("" when shown whole).
        self._masked: tuple[str, str] = ("", "")
        self._communities: list[CommunityRow] = []
        self._duplicate: DuplicatePerson | None = None
        # The gender the volunteer chose to keep against this ID number (gender, ID number).
        self._gender_kept: tuple[Gender, str] | None = None
        self._fields = FieldMessages()
        self._indicators = BigIndicatorStyle(self)

        self.heading = QLabel(self)
        self.heading.setObjectName("person.heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel(self)
        self.hint.setObjectName("person.hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setVisible(False)

        self.name_edit = self._line("name", self.tr("Name"))
        self.phone_edit = self._line("phone", self.tr("Phone"))
        self.phone_edit.setPlaceholderText(self.tr("mobile or landline"))
        self.phone_edit.textChanged.connect(self.on_phone_text_changed)
        self.contact_box = QCheckBox(self.tr("Phone only for contacting them"), self)
        self.contact_box.setObjectName("person.phoneForContact")
        self.contact_box.setAccessibleName(
            self.tr("The phone is kept only for contacting the person")
        )
        self.contact_box.setStyle(self._indicators)
        self.contact_box.toggled.connect(self.on_contact_toggled)
        self.community_combo = self._combo("community_id", self.tr("Community"))
        self.community_combo.currentIndexChanged.connect(self.on_community_current_index_changed)
        self.group_combo = self._combo("building_group_id", self.tr("Building group"))
        self.consent_box = QCheckBox(self.tr("Agrees to the centre keeping these data"), self)
        self._name_widget(self.consent_box, "consent", self.tr("Consent to data use"))
        self.consent_box.setStyle(self._indicators)
        self.consent_box.toggled.connect(self.on_consent_toggled)
        self.consent_hint = self._muted(
            "person.consent.hint",
            self.tr(
                "Without consent only the name, community, building group and a phone for "
                "contacting them are kept; an ID number and the details on the right need consent."
            ),
        )

        self.gender_combo = self._combo("gender", self.tr("Gender"))
        self.gender_combo.addItem(self.tr("(not given)"), None)
        self.gender_combo.addItem(gender_name(Gender.MALE), Gender.MALE.value)
        self.gender_combo.addItem(gender_name(Gender.FEMALE), Gender.FEMALE.value)
        self.gender_combo.currentIndexChanged.connect(self.on_gender_current_index_changed)
        self.birth_year_edit = self._line("birth_year", self.tr("Year of birth"))
        self.birth_year_edit.setPlaceholderText(self.tr("e.g. 1956"))
        self.birth_year_edit.editingFinished.connect(self.on_birth_year_editing_finished)
        self.id_edit = self._line("id_number", self.tr("ID number"))
        self.id_edit.setPlaceholderText(self.tr("optional, 18 characters"))
        self.id_edit.editingFinished.connect(self.on_id_number_editing_finished)
        self.address_edit = self._line("address", self.tr("Address"))
        self.tags_list = TagList(self)
        self._name_widget(self.tags_list, "tags", self.tr("Tags"))
        self.note_edit = self._line("note", self.tr("Note"))

        # The ID number says another gender: keep the one chosen, or take the ID number's.
        self.keep_gender_button = button(self.tr("Keep the gender chosen"), "person.keepGender")
        self.keep_gender_button.setAutoDefault(True)
        self.keep_gender_button.clicked.connect(self.on_keep_gender_clicked)
        self.take_id_gender_button = button(
            self.tr("Take the gender from the ID number"), "person.takeIdGender"
        )
        self.take_id_gender_button.setAutoDefault(True)
        self.take_id_gender_button.clicked.connect(self.on_take_id_gender_clicked)
        self.gender_conflict_bar = ChoiceBar(
            "person.genderConflict",
            [self.keep_gender_button, self.take_id_gender_button],
            self,
            colour=style.ERROR_COLOUR,
        )

        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("person.submit")
        self.submit_button.setAutoDefault(True)  # Enter on the focused button presses it
        style.make_primary(self.submit_button)
        self.submit_button.clicked.connect(self.on_submit_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.setObjectName("person.cancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)

        # A phone or ID number on file: the person on file, or (a shared family phone) register.
        self.use_existing_button = QPushButton(self.tr("Use the person on file"), self)
        self.use_existing_button.setObjectName("person.useExisting")
        self.use_existing_button.setAccessibleName(self.tr("Use the person on file"))
        self.use_existing_button.setAutoDefault(True)
        style.make_primary(self.use_existing_button)
        self.use_existing_button.clicked.connect(self.on_use_existing_clicked)
        self.shared_phone_button = QPushButton(
            self.tr("Register anyway (family shares the phone)"), self
        )
        self.shared_phone_button.setObjectName("person.sharedPhone")
        self.shared_phone_button.setAccessibleName(
            self.tr("Register anyway: the family shares this phone")
        )
        self.shared_phone_button.setAutoDefault(True)
        self.shared_phone_button.clicked.connect(self.on_shared_phone_clicked)
        self.duplicate_bar = ChoiceBar(
            "person.duplicate",
            [self.use_existing_button, self.shared_phone_button],
            self,
            framed=True,
        )

        self.form_message = FieldMessage("person.message", self)

        # Two columns of fields, each field's message in the row under it. The columns are
        # separate grids, so a message on the left doesn't push the right column apart.
        left = self._column(
            [
                ("name", None),
                ("phone", self.contact_box),
                ("community_id", None),
                ("building_group_id", None),
                ("consent", self.consent_hint),
            ]
        )
        right = self._column(
            [
                ("gender", self.gender_conflict_bar),
                ("birth_year", None),
                ("id_number", None),
                ("address", None),
                ("tags", None),
                ("note", None),
            ]
        )
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(self.fontMetrics().height())
        columns.addLayout(right, 1)

        content = QWidget(self)
        content.setObjectName("person.content")
        inner = QVBoxLayout(content)
        inner.addWidget(self.heading)
        inner.addWidget(self.hint)
        inner.addLayout(columns)
        self._content = content
        # The large text size on a small screen scrolls the fields rather than cutting anything
        # off; the scroll area is only as wide as the page, never wider.
        scroll = FieldsScroll(content, self)
        self._scroll = scroll

        buttons = QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        # What answers a press of the button stays in sight beside it, below the fields.
        foot = QVBoxLayout()
        foot.addWidget(self.duplicate_bar)
        foot.addWidget(self.form_message)
        foot.addLayout(buttons)
        # The buttons follow the fields, and stay at the foot of the page when the fields
        # need to scroll.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        layout.addLayout(foot)
        layout.addStretch(1)

        order: list[QWidget] = [
            self.name_edit,
            self.phone_edit,
            self.contact_box,
            self.community_combo,
            self.group_combo,
            self.consent_box,
            self.gender_combo,
            self.keep_gender_button,
            self.take_id_gender_button,
            self.birth_year_edit,
            self.id_edit,
            self.address_edit,
            self.tags_list,
            self.note_edit,
            self.use_existing_button,
            self.shared_phone_button,
            self.submit_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._update_texts()
        self._update_contact_box()

    # --- building ----------------------------------------------------------------------------

    def _name_widget(self, widget: QWidget, field: str, label: str) -> None:
        widget.setObjectName(f"person.{FIELDS[field]}")
        widget.setAccessibleName(label)
        message = FieldMessage(f"person.{FIELDS[field]}.message", self)
        self._fields.add(field, widget, message)
        widget.setProperty("fieldLabel", label)

    def _line(self, field: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        self._name_widget(edit, field, label)
        return edit

    def _combo(self, field: str, label: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        self._name_widget(combo, field, label)
        return combo

    def _muted(self, name: str, text: str) -> QLabel:
        label = QLabel(style.paragraph_html(text, colour=style.MUTED_COLOUR), self)
        label.setObjectName(name)
        label.setAccessibleName(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _column(self, fields: list[tuple[str, QWidget | None]]) -> QGridLayout:
        """A grid of label | field rows; under each field what goes with it (`fields`' second
        item: a tick box, a hint) and its message."""
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0
        for field, under in fields:
            self._place(grid, row, field)
            row += 1
            if under is not None:
                grid.addWidget(under, row, 1)
                row += 1
            message = self._fields.message(field)
            assert message is not None
            grid.addWidget(message, row, 1)
            row += 1
        grid.setRowStretch(row, 1)
        return grid

    def _place(self, grid: QGridLayout, row: int, field: str) -> None:
        widget = self._fields.widget(field)
        assert widget is not None
        text = str(widget.property("fieldLabel"))
        if field == "name":
            text = self.tr("%1 (required)").replace("%1", text)
        label = QLabel(text, self)
        label.setObjectName(f"person.{FIELDS[field]}.label")
        label.setBuddy(widget)
        alignment = Qt.AlignmentFlag.AlignRight
        alignment |= Qt.AlignmentFlag.AlignTop if field == "tags" else Qt.AlignmentFlag.AlignVCenter
        # The two columns share the width evenly, whatever the fields' own widths would be.
        widget.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        policy = widget.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        widget.setSizePolicy(policy)
        grid.addWidget(label, row, 0, alignment)
        grid.addWidget(widget, row, 1)

    def _update_texts(self) -> None:
        if self.mode is FormMode.REGISTER:
            title = self.tr("New visitor")
            submit = self.tr("Register (Enter)")
            submit_name = self.tr("Register")
        else:
            title = self.tr("Edit person")
            submit = self.tr("Save (Enter)")
            submit_name = self.tr("Save")
        self.heading.setText(
            f'<span style="font-size: x-large; font-weight: bold;">{escape(title)}</span>'
        )
        self.heading.setAccessibleName(title)
        self.submit_button.setText(submit)
        self.submit_button.setAccessibleName(submit_name)

    # --- choices -----------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Communities, building groups and tags as the database has them now."""
        try:
            loaded = self._context.run(
                lambda session, _actor: (
                    communities.list_communities(session),
                    reception.tag_choices(session),
                ),
                write=False,
            )
        except DomainError as error:
            self.form_message.set_message(error.message)
            return
        self._communities, tags = loaded
        self._fill_communities(None)
        self.tags_list.set_tags(tags)

    def _fill_communities(self, keep: int | None) -> None:
        """Active communities, and the person's own one even if it was retired since."""
        combo = self.community_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(choose a community)"), None)
        for community in self._communities:
            if community.active or community.id == keep:
                combo.addItem(community.name, community.id)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        self._fill_groups(None)

    def _fill_groups(self, keep: int | None) -> None:
        combo = self.group_combo
        combo.clear()
        community_id = self.community_combo.currentData()
        community = next((c for c in self._communities if c.id == community_id), None)
        if community is None:
            combo.addItem(self.tr("(choose the community first)"), None)
            combo.setEnabled(False)
            return
        combo.setEnabled(True)
        combo.addItem(self.tr("(no building group)"), None)
        for group in community.building_groups:
            if group.active or group.id == keep:
                combo.addItem(group.name, group.id)

    # --- starting ----------------------------------------------------------------------------

    def start_register(self, *, name: str = "", phone: str = "", hint: str = "") -> None:
        """An empty registration form with what the search box carried; the cursor on the first
        field still to fill."""
        self.mode = FormMode.REGISTER
        self._person_id = None
        self._update_texts()
        self.reload_choices()
        self._clear_fields()
        self.name_edit.setText(name)
        self.phone_edit.setText(phone)
        self.set_hint(hint)
        self._scroll.verticalScrollBar().setValue(0)
        first = self.phone_edit if name and not phone else self.name_edit
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def load(self, person_id: int) -> bool:
        """Edit mode with the person as on file; False (and a message) if it can't be read."""
        try:
            row = self._context.run(
                lambda session, actor: people.for_editing(session, actor, person_id),
                write=False,
            )
        except DomainError as error:
            self.form_message.set_message(error.message)
            return False
        self.mode = FormMode.EDIT
        self._update_texts()
        self.reload_choices()
        self.show_person(row)
        self._scroll.verticalScrollBar().setValue(0)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def show_person(self, row: PersonRow) -> None:
        """The person's fields as on file. A record kept without consent that holds what only
        consent allows (from before the rule) says so beside each such field at once."""
        self._clear_fields()
        self._person_id = row.id
        self.name_edit.setText(row.name)
        self._select_data(self.gender_combo, row.gender.value if row.gender else None)
        self.birth_year_edit.setText(str(row.birth_year) if row.birth_year else "")
        # A desk volunteer's editor gets the numbers masked (138****5678); handed back as they
        # are, they keep the numbers on file (people.update).
        self._masked = (
            row.phone_masked if row.phone is None else "",
            row.id_masked if row.id_number is None else "",
        )
        self.phone_edit.setText(row.phone if row.phone is not None else row.phone_masked)
        self.id_edit.setText(row.id_number if row.id_number is not None else row.id_masked)
        self._fill_communities(row.community_id)
        self._select_data(self.community_combo, row.community_id)
        self._fill_groups(row.building_group_id)
        self._select_data(self.group_combo, row.building_group_id)
        self.address_edit.setText(row.address)
        self.tags_list.set_tags(self.tags_list.names(), row.tags)
        self.consent_box.setChecked(row.consent)
        # A phone on a record without consent was confirmed to be for contact when it was kept.
        self.contact_box.setChecked(not row.consent and bool(row.phone or row.phone_masked))
        self.note_edit.setText(row.note)
        self._update_contact_box()
        self._update_gender_conflict()
        self._say_consent_needed(self._consent_problems())

    def set_hint(self, text: str) -> None:
        """A sentence under the heading (Reception says what happens after registering)."""
        self.hint.setText(style.paragraph_html(text, colour=style.MUTED_COLOUR))
        self.hint.setAccessibleName(text)
        self.hint.setVisible(bool(text))

    def _clear_fields(self) -> None:
        self._masked = ("", "")
        self._clear_messages()
        for edit in (
            self.name_edit,
            self.birth_year_edit,
            self.phone_edit,
            self.id_edit,
            self.address_edit,
            self.note_edit,
        ):
            edit.clear()
        self.gender_combo.setCurrentIndex(0)
        self.community_combo.setCurrentIndex(0)
        self.consent_box.setChecked(False)
        self.contact_box.setChecked(False)
        self.tags_list.set_checked([])
        self._gender_kept = None
        self._update_gender_conflict()

    def _clear_messages(self) -> None:
        self._fields.clear()
        self.form_message.clear()
        self._duplicate = None
        self.duplicate_bar.close_question()

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> bool:
        index = combo.findData(value)
        if index < 0:
            return False
        combo.setCurrentIndex(index)
        return True

    # --- values ------------------------------------------------------------------------------

    def person_id(self) -> int | None:
        """The person edited, or the one registered last."""
        return self._person_id

    def values(self) -> PersonInput:
        """What the form holds, as typed (the service checks it)."""
        return PersonInput(
            name=self.name_edit.text(),
            gender=self.gender_combo.currentData(),
            birth_year=self.birth_year_edit.text(),
            phone=self.phone_edit.text(),
            id_number=self.id_edit.text(),
            community_id=self.community_combo.currentData(),
            building_group_id=self.group_combo.currentData(),
            address=self.address_edit.text(),
            tags=self.tags_list.checked(),
            consent=self.consent_box.isChecked(),
            note=self.note_edit.text(),
            phone_for_contact=self.contact_box.isChecked(),
        )

    def fill(self, **values: Any) -> None:
        """Set fields as a person would (tests, carried values): name, gender (M/F/男/女),
        birth_year, phone, id_number, community and building_group (name or id), address,
        tags (names to tick), consent, phone_for_contact, note."""
        for key, value in values.items():
            field = _ALIASES.get(key, key)
            if field in ("name", "birth_year", "phone", "id_number", "address", "note"):
                edit = self._fields.widget(field)
                assert isinstance(edit, QLineEdit)
                edit.setText("" if value is None else str(value))
                if field == "id_number":
                    self._update_gender_conflict()
            elif field == "gender":
                found = people_fields.gender(value) if value else None
                self._select_data(self.gender_combo, found.value if found else None)
            elif field == "community_id":
                self._select_choice(self.community_combo, value)
            elif field == "building_group_id":
                self._select_choice(self.group_combo, value)
            elif field == "tags":
                self.tags_list.set_checked(list(value))
            elif field == "consent":
                self.consent_box.setChecked(bool(value))
            elif field == "phone_for_contact":
                self.contact_box.setChecked(bool(value))
            else:
                raise KeyError(f"unknown person field {key!r}")

    @staticmethod
    def _select_choice(combo: QComboBox, value: object) -> None:
        if value is None:
            combo.setCurrentIndex(0)
            return
        index = combo.findData(value) if isinstance(value, int) else combo.findText(str(value))
        if index < 0:
            raise KeyError(f"{value!r} is not offered")
        combo.setCurrentIndex(index)

    def message(self, field: str) -> str:
        """The message shown beside `field` ("" when none); "form" for the form's own line."""
        if field == "form":
            return self.form_message.text()
        return self._fields.text(_ALIASES.get(field, field))

    def messages(self) -> dict[str, str]:
        shown = {field: self._fields.text(field) for field in FIELDS}
        return {field: text for field, text in shown.items() if text}

    def duplicate(self) -> DuplicatePerson | None:
        """The person on file that the last submit ran into, if any."""
        return self._duplicate

    # --- consent -----------------------------------------------------------------------------

    def _filled(self) -> list[str]:
        """The fields holding a value, in the order the consent rule names them."""
        texts = {
            "name": self.name_edit.text(),
            "gender": self.gender_combo.currentData(),
            "birth_year": self.birth_year_edit.text(),
            "phone": self.phone_edit.text(),
            "id_number": self.id_edit.text(),
            "address": self.address_edit.text(),
            "tags": self.tags_list.checked(),
            "note": self.note_edit.text(),
        }
        return [
            field
            for field, value in texts.items()
            if value and (not isinstance(value, str) or value.strip())
        ]

    def _consent_problems(self) -> list[ValidationError]:
        return people_fields.consent_problems(
            self._filled(),
            consent=self.consent_box.isChecked(),
            phone_for_contact=self.contact_box.isChecked(),
        )

    def _show_consent_problems(
        self, problems: list[ValidationError], *, beside_others: bool = True
    ) -> None:
        """Each problem beside its field; not where another message stands unless
        `beside_others` (a mistyped number is said first)."""
        for problem in problems:
            message = self._fields.message(problem.field)
            if message is not None and (beside_others or not message.text()):
                message.set_message(problem.message)

    def _say_consent_needed(self, problems: list[ValidationError]) -> None:
        """Beside each field, and once beside the buttons (in the large text size some of the
        fields may be scrolled out of sight)."""
        self._show_consent_problems(problems)
        if any(problem.field != "phone" for problem in problems):
            self.form_message.set_message(
                self.tr(
                    "Without consent the fields with a message can't be kept: tick “Consent to "
                    "data use”, or empty them."
                )
            )

    def _clear_consent_messages(self, fields: tuple[str, ...]) -> None:
        """Take away the consent rule's messages beside `fields` (only those: a mistyped number
        keeps its message)."""
        said = {
            (problem.field, problem.message)
            for problem in people_fields.consent_problems(
                fields, consent=False, phone_for_contact=False
            )
        }
        for field in fields:
            message = self._fields.message(field)
            if message is not None and (field, message.text()) in said:
                message.clear()

    def _update_contact_box(self) -> None:
        """The tick "phone only for contacting them" is asked for only without consent, once a
        phone is typed."""
        self.contact_box.setVisible(
            not self.consent_box.isChecked() and bool(self.phone_edit.text().strip())
        )

    # --- gender and ID number ----------------------------------------------------------------

    def _typed_id(self) -> str | None:
        try:
            return people_fields.id_number(self.id_edit.text())
        except ValidationError:
            return None

    def _chosen_gender(self) -> Gender | None:
        value = self.gender_combo.currentData()
        return Gender(value) if value else None

    def gender_conflict(self) -> Gender | None:
        """The ID number's gender while it contradicts the gender chosen and the volunteer hasn't
        said which is right; None otherwise."""
        gender, id_number = self._chosen_gender(), self._typed_id()
        from_id = people_fields.gender_conflict(gender, id_number)
        if from_id is None or (gender, id_number) == self._gender_kept:
            return None
        return from_id

    def _update_gender_conflict(self) -> None:
        from_id = self.gender_conflict()
        chosen = self._chosen_gender()
        if from_id is None or chosen is None:
            self.gender_conflict_bar.close_question()
            return
        text = (
            self.tr("The ID number says %1 (its 17th digit), but %2 is chosen. Which is right?")
            .replace("%1", gender_name(from_id))
            .replace("%2", gender_name(chosen))
        )
        self.keep_gender_button.setText(self.tr("Keep “%1”").replace("%1", gender_name(chosen)))
        self.take_id_gender_button.setText(
            self.tr("Take “%1” from the ID number").replace("%1", gender_name(from_id))
        )
        self.gender_conflict_bar.ask(text)

    def keep_gender(self) -> None:
        """The gender chosen is right although the ID number says otherwise."""
        gender, id_number = self._chosen_gender(), self._typed_id()
        if gender is not None and id_number is not None:
            self._gender_kept = (gender, id_number)
        self._update_gender_conflict()
        self.birth_year_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def take_id_gender(self) -> None:
        """The ID number's gender is right."""
        id_number = self._typed_id()
        if id_number is not None:
            self._select_data(self.gender_combo, people_fields.gender_from_id(id_number).value)
        self._update_gender_conflict()
        self.birth_year_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving ------------------------------------------------------------------------------

    def submit(self, *, allow_shared_phone: bool = False) -> int | None:
        """Register or update; the person's id, or None with the messages shown."""
        self._clear_messages()
        if not self._check_fields():
            self._show_consent_problems(self._consent_problems(), beside_others=False)
            return None
        if self.gender_conflict() is not None:
            # Every mistake at once: what consent would refuse is said now too.
            self._say_consent_needed(self._consent_problems())
            self._update_gender_conflict()
            self._reveal(self.gender_conflict_bar)
            self.keep_gender_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        data = self.values()
        person_id = self._person_id
        try:
            if self.mode is FormMode.EDIT and person_id is not None:
                row = self._context.run(
                    lambda session, actor: people.update(
                        session, actor, person_id, data, allow_shared_phone=allow_shared_phone
                    ),
                    write=True,
                )
            else:
                row = self._context.run(
                    lambda session, actor: people.register(
                        session, actor, data, allow_shared_phone=allow_shared_phone
                    ),
                    write=True,
                )
        except ConsentNeeded as error:
            self._say_consent_needed(error.problems)
            self._focus_field(error.field)
            return None
        except ValidationError as error:
            if not self._fields.show(error):
                self.form_message.set_message(error.message)
            else:
                self._focus_field(error.field)
            return None
        except DuplicatePerson as error:
            self._show_duplicate(error)
            return None
        except DomainError as error:
            self.form_message.set_message(error.message)
            return None
        self._person_id = row.id
        self.saved.emit(row.id)
        return row.id

    def _focus_field(self, field: str) -> None:
        """The cursor where the volunteer acts on the message: the contact tick for a phone
        kept without consent, else the field itself."""
        widget = self._fields.widget(field)
        if field == "phone" and self.contact_box.isVisible() and not self.contact_box.isChecked():
            widget = self.contact_box
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self._reveal(widget)

    def _reveal(self, widget: QWidget) -> None:
        self._scroll.ensureWidgetVisible(widget)

    def _check_fields(self) -> bool:
        """Each field checked on its own first, so every mistake shows at once, not one by one
        (the service checks everything again when saving)."""
        checks: list[tuple[str, Callable[[], object]]] = [
            ("name", lambda: people_fields.name(self.name_edit.text())),
            ("phone", lambda: people_fields.phone(self._checked_text("phone"))),
            ("birth_year", lambda: people_fields.birth_year(self.birth_year_edit.text())),
            ("id_number", lambda: people_fields.id_number(self._checked_text("id_number"))),
        ]
        first: QWidget | None = None
        for field, check in checks:
            try:
                check()
            except ValidationError as error:
                message = self._fields.message(field)
                assert message is not None
                message.set_message(error.message)
                first = first or self._fields.widget(field)
        if first is None:
            try:
                id_number = people_fields.id_number(self._checked_text("id_number"))
                year = people_fields.birth_year(self.birth_year_edit.text())
                people_fields.birth_year_agrees(year, id_number)
            except ValidationError as error:
                self._fields.show(error)
                return False
            return True
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reveal(first)
        return False

    def _checked_text(self, field: str) -> str:
        """The phone or ID number to check as typed; a masked number left as the editor showed
        it is the number on file, already checked (the service keeps it)."""
        edit, masked = (
            (self.phone_edit, self._masked[0])
            if field == "phone"
            else (self.id_edit, self._masked[1])
        )
        text = edit.text()
        return "" if masked and text.strip() == masked else text

    def _show_duplicate(self, error: DuplicatePerson) -> None:
        self._duplicate = error
        field_message = self._fields.message(error.field)
        if field_message is not None:
            field_message.set_message(error.message)
        # A family may share a phone; a resident ID is one person's only.
        self.shared_phone_button.setVisible(error.field == "phone")
        self.duplicate_bar.ask(
            self.tr("%1 Use that person instead of registering a second record?").replace(
                "%1", error.message
            ),
            spoken=error.message,
        )
        self.use_existing_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def use_existing(self) -> int | None:
        """Take the person on file the last submit ran into; their id (and `existing_chosen`)."""
        if self._duplicate is None:
            return None
        person_id = self._duplicate.person_id
        self._clear_messages()
        self.existing_chosen.emit(person_id)
        return person_id

    # --- slots -------------------------------------------------------------------------------

    def on_submit_clicked(self) -> None:
        self.submit()

    def on_cancel_clicked(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        self._clear_messages()
        self.cancelled.emit()

    def on_use_existing_clicked(self) -> None:
        self.use_existing()

    def on_shared_phone_clicked(self) -> None:
        self.submit(allow_shared_phone=True)

    def on_community_current_index_changed(self, _index: int) -> None:
        self._fill_groups(None)

    def on_phone_text_changed(self, _text: str) -> None:
        self._update_contact_box()

    def on_contact_toggled(self, checked: bool) -> None:
        if checked:
            self._clear_consent_messages(("phone",))

    def on_consent_toggled(self, checked: bool) -> None:
        self._update_contact_box()
        if checked:
            self._clear_consent_messages(("phone", *_WITH_CONSENT))
            self.form_message.clear()

    def on_gender_current_index_changed(self, _index: int) -> None:
        self._update_gender_conflict()

    def on_keep_gender_clicked(self) -> None:
        self.keep_gender()

    def on_take_id_gender_clicked(self) -> None:
        self.take_id_gender()

    def on_id_number_editing_finished(self) -> None:
        """A valid ID number gives the year of birth and gender: fill them if still empty; and
        says at once when it can't be kept without consent."""
        canonical = self._typed_id()
        if canonical is not None:
            if not self.birth_year_edit.text().strip():
                self.birth_year_edit.setText(str(people_fields.birth_date_from_id(canonical).year))
            if self.gender_combo.currentData() is None:
                gender = people_fields.gender_from_id(canonical)
                self._select_data(self.gender_combo, gender.value)
            problems = [p for p in self._consent_problems() if p.field == "id_number"]
            self._show_consent_problems(problems)
        self._update_gender_conflict()

    def on_birth_year_editing_finished(self) -> None:
        message = self._fields.message("birth_year")
        if message is not None and message.text():
            try:
                people_fields.birth_year(self.birth_year_edit.text())
            except ValidationError:
                return
            message.clear()

    # --- keys --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            # Enter presses the button that has the cursor; on a tick box it saves, as anywhere
            # else (it must not untick what Space just ticked).
            if isinstance(focused, QPushButton) and focused is not self.submit_button:
                focused.click()
            else:
                self.submit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)
