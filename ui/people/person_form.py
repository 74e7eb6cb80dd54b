"""The registration and edit form of a person, shared by Reception (new visitor) and People (edit).

Every message goes beside its field, in words; nothing is written while one is shown. A phone or
ID number already on file offers the person on file instead of a second record. Keyboard: Tab
goes top to bottom, Enter saves, Esc cancels.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, Sequence
from html import escape
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import people_fields
from app.errors import DatabaseProblem, DomainError, ValidationError
from app.models import Gender
from app.services import communities, people, reception
from app.services.communities import CommunityRow
from app.services.people import DuplicatePerson, PersonInput, PersonRow
from ui import style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages

T = TypeVar("T")


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


def run_service(context: DeskContext, call: Callable[[Session], T]) -> T:
    """`call` in one transaction; a database that can't be used becomes a DatabaseProblem."""
    try:
        with context.db.write() as session:
            return call(session)
    except SQLAlchemyError as error:
        raise DatabaseProblem(
            QCoreApplication.translate(
                "PersonForm",
                "The database could not be used, so nothing was saved. "
                "Please try again in a moment; if it keeps happening, call the administrator.",
            )
        ) from error


class PersonForm(QWidget):
    """Name, gender, birth year, phone, ID number, community and building group, address, tags,
    consent, note. `submit()` registers (or, in edit mode, updates) and returns the person's id."""

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
        self._communities: list[CommunityRow] = []
        self._duplicate: DuplicatePerson | None = None
        self._fields = FieldMessages()

        self.heading = QLabel(self)
        self.heading.setObjectName("person.heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel(self)
        self.hint.setObjectName("person.hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setVisible(False)

        self.name_edit = self._line("name", self.tr("Name"))
        self.gender_combo = self._combo("gender", self.tr("Gender"))
        self.gender_combo.addItem(self.tr("(not given)"), None)
        self.gender_combo.addItem(self.tr("Male"), Gender.MALE.value)
        self.gender_combo.addItem(self.tr("Female"), Gender.FEMALE.value)
        self.birth_year_edit = self._line("birth_year", self.tr("Year of birth"))
        self.birth_year_edit.setPlaceholderText(self.tr("e.g. 1956"))
        self.birth_year_edit.editingFinished.connect(self.on_birth_year_editing_finished)
        self.phone_edit = self._line("phone", self.tr("Phone"))
        self.phone_edit.setPlaceholderText(self.tr("mobile or landline"))
        self.id_edit = self._line("id_number", self.tr("ID number"))
        self.id_edit.setPlaceholderText(self.tr("optional, 18 characters"))
        self.id_edit.editingFinished.connect(self.on_id_number_editing_finished)
        self.community_combo = self._combo("community_id", self.tr("Community"))
        self.community_combo.currentIndexChanged.connect(self.on_community_current_index_changed)
        self.group_combo = self._combo("building_group_id", self.tr("Building group"))
        self.address_edit = self._line("address", self.tr("Address"))
        self.tags_list = QListWidget(self)
        self._name_widget(self.tags_list, "tags", self.tr("Tags"))
        # Tags side by side, wrapping: Space ticks the highlighted one.
        self.tags_list.setFlow(QListView.Flow.LeftToRight)
        self.tags_list.setWrapping(True)
        self.tags_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.tags_list.setSpacing(2)
        self.tags_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.tags_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tags_list.installEventFilter(self)
        self.consent_box = QCheckBox(self.tr("Agrees to the centre keeping these data"), self)
        self._name_widget(self.consent_box, "consent", self.tr("Consent to data use"))
        self.note_edit = self._line("note", self.tr("Note"))

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
        self.duplicate_bar = QFrame(self)
        self.duplicate_bar.setObjectName("person.duplicate")
        self.duplicate_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicate_text = QLabel(self.duplicate_bar)
        self.duplicate_text.setObjectName("person.duplicate.text")
        self.duplicate_text.setWordWrap(True)
        self.duplicate_text.setTextFormat(Qt.TextFormat.RichText)
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
        bar = QVBoxLayout(self.duplicate_bar)
        bar.addWidget(self.duplicate_text)
        bar_buttons = QHBoxLayout()
        bar_buttons.addWidget(self.use_existing_button)
        bar_buttons.addWidget(self.shared_phone_button)
        bar_buttons.addStretch(1)
        bar.addLayout(bar_buttons)
        self.duplicate_bar.setVisible(False)

        self.form_message = FieldMessage("person.message", self)

        # Two columns of fields, each field's message in the row under it. The columns are
        # separate grids, so a message on the left doesn't push the right column apart.
        columns = QHBoxLayout()
        for names in (
            ("name", "gender", "birth_year", "phone", "id_number"),
            ("community_id", "building_group_id", "address", "tags", "consent", "note"),
        ):
            grid = QGridLayout()
            grid.setColumnStretch(1, 1)
            for row, field in enumerate(names):
                self._place(grid, row * 2, 0, field)
            grid.setRowStretch(len(names) * 2, 1)
            if columns.count():
                columns.addSpacing(self.fontMetrics().height())
            columns.addLayout(grid, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)

        content = QWidget(self)
        content.setObjectName("person.content")
        inner = QVBoxLayout(content)
        inner.addWidget(self.heading)
        inner.addWidget(self.hint)
        inner.addLayout(columns)
        inner.addWidget(self.duplicate_bar)
        inner.addWidget(self.form_message)
        inner.addLayout(buttons)
        inner.addStretch(1)
        self._content = content
        # The large text size on a small screen scrolls rather than cutting anything off.
        scroll = QScrollArea(self)
        scroll.setObjectName("person.scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        order: list[QWidget] = [
            self.name_edit,
            self.gender_combo,
            self.birth_year_edit,
            self.phone_edit,
            self.id_edit,
            self.community_combo,
            self.group_combo,
            self.address_edit,
            self.tags_list,
            self.consent_box,
            self.note_edit,
            self.use_existing_button,
            self.shared_phone_button,
            self.submit_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._update_texts()
        self._update_indicators()
        self._update_tags_height()

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

    def _place(self, grid: QGridLayout, row: int, column: int, field: str) -> None:
        widget = self._fields.widget(field)
        message = self._fields.message(field)
        assert widget is not None and message is not None
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
        grid.addWidget(label, row, column, alignment)
        grid.addWidget(widget, row, column + 1)
        grid.addWidget(message, row + 1, column + 1)

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

    def _update_tags_height(self) -> None:
        """Tall enough for every tag at the current width and text size (no inner scrolling)."""
        view = self.tags_list
        width = max(view.viewport().width(), view.fontMetrics().averageCharWidth() * 12)
        spacing = view.spacing()
        lines, used, row_height = 1, 0, view.fontMetrics().height()
        for row in range(view.count()):
            hint = view.sizeHintForIndex(view.model().index(row, 0))
            row_height = max(row_height, hint.height())
            needed = hint.width() + 2 * spacing
            if used and used + needed > width:
                lines += 1
                used = 0
            used += needed
        height = lines * (row_height + 2 * spacing) + 2 * view.frameWidth() + 2 * spacing
        if view.height() != height:
            view.setFixedHeight(height)

    def _update_indicators(self) -> None:
        """Tick boxes as big as the text (the style's own stay small in the large text size)."""
        side = max(16, round(self.fontMetrics().height() * 0.8))
        rule = f"width: {side}px; height: {side}px; margin-right: {side // 3}px;"
        self.tags_list.setStyleSheet(f"QListWidget::indicator {{ {rule} }}")
        self.consent_box.setStyleSheet(f"QCheckBox::indicator {{ {rule} }}")

    # --- choices -----------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Communities, building groups and tags as the database has them now."""
        try:
            loaded = run_service(
                self._context,
                lambda session: (
                    communities.list_communities(session),
                    reception.tag_choices(session),
                ),
            )
        except DomainError as error:
            self.form_message.set_message(error.message)
            return
        self._communities, tags = loaded
        self._fill_communities(None)
        self._fill_tags(tags)

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

    def _fill_tags(self, names: Sequence[str], checked: Sequence[str] = ()) -> None:
        self.tags_list.clear()
        for name in dict.fromkeys([*names, *checked]):
            item = QListWidgetItem(name, self.tags_list)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked
            )
        if self.tags_list.count():
            self.tags_list.setCurrentRow(0)
        self._update_tags_height()

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
        first = self.phone_edit if name and not phone else self.name_edit
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def load(self, person_id: int) -> bool:
        """Edit mode with the person as on file; False (and a message) if it can't be read."""
        try:
            row = run_service(self._context, lambda session: people.get(session, person_id).person)
        except DomainError as error:
            self.form_message.set_message(error.message)
            return False
        self.mode = FormMode.EDIT
        self._update_texts()
        self.reload_choices()
        self.show_person(row)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def show_person(self, row: PersonRow) -> None:
        self._clear_fields()
        self._person_id = row.id
        self.name_edit.setText(row.name)
        self._select_data(self.gender_combo, row.gender.value if row.gender else None)
        self.birth_year_edit.setText(str(row.birth_year) if row.birth_year else "")
        self.phone_edit.setText(row.phone or "")
        self.id_edit.setText(row.id_number or "")
        self._fill_communities(row.community_id)
        self._select_data(self.community_combo, row.community_id)
        self._fill_groups(row.building_group_id)
        self._select_data(self.group_combo, row.building_group_id)
        self.address_edit.setText(row.address)
        tags = [self.tags_list.item(i).text() for i in range(self.tags_list.count())]
        self._fill_tags(tags, row.tags)
        self.consent_box.setChecked(row.consent)
        self.note_edit.setText(row.note)

    def set_hint(self, text: str) -> None:
        """A sentence under the heading (Reception says what happens after registering)."""
        self.hint.setText(style.paragraph_html(text, colour=style.MUTED_COLOUR))
        self.hint.setAccessibleName(text)
        self.hint.setVisible(bool(text))

    def _clear_fields(self) -> None:
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
        for row in range(self.tags_list.count()):
            self.tags_list.item(row).setCheckState(Qt.CheckState.Unchecked)

    def _clear_messages(self) -> None:
        self._fields.clear()
        self.form_message.clear()
        self._duplicate = None
        self.duplicate_bar.setVisible(False)

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
        tags = [
            self.tags_list.item(row).text()
            for row in range(self.tags_list.count())
            if self.tags_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        return PersonInput(
            name=self.name_edit.text(),
            gender=self.gender_combo.currentData(),
            birth_year=self.birth_year_edit.text(),
            phone=self.phone_edit.text(),
            id_number=self.id_edit.text(),
            community_id=self.community_combo.currentData(),
            building_group_id=self.group_combo.currentData(),
            address=self.address_edit.text(),
            tags=tags,
            consent=self.consent_box.isChecked(),
            note=self.note_edit.text(),
        )

    def fill(self, **values: Any) -> None:
        """Set fields as a person would (tests, carried values): name, gender (M/F/男/女),
        birth_year, phone, id_number, community and building_group (name or id), address,
        tags (names to tick), consent, note."""
        for key, value in values.items():
            field = _ALIASES.get(key, key)
            if field in ("name", "birth_year", "phone", "id_number", "address", "note"):
                edit = self._fields.widget(field)
                assert isinstance(edit, QLineEdit)
                edit.setText("" if value is None else str(value))
            elif field == "gender":
                found = people_fields.gender(value) if value else None
                self._select_data(self.gender_combo, found.value if found else None)
            elif field == "community_id":
                self._select_choice(self.community_combo, value)
            elif field == "building_group_id":
                self._select_choice(self.group_combo, value)
            elif field == "tags":
                wanted = set(value)
                for row in range(self.tags_list.count()):
                    item = self.tags_list.item(row)
                    item.setCheckState(
                        Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked
                    )
            elif field == "consent":
                self.consent_box.setChecked(bool(value))
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

    # --- saving ------------------------------------------------------------------------------

    def submit(self, *, allow_shared_phone: bool = False) -> int | None:
        """Register or update; the person's id, or None with the messages shown."""
        self._clear_messages()
        if not self._check_fields():
            return None
        data = self.values()
        actor = self._context.actor
        person_id = self._person_id
        try:
            if self.mode is FormMode.EDIT and person_id is not None:
                row = run_service(
                    self._context,
                    lambda session: people.update(
                        session, actor, person_id, data, allow_shared_phone=allow_shared_phone
                    ),
                )
            else:
                row = run_service(
                    self._context,
                    lambda session: people.register(
                        session, actor, data, allow_shared_phone=allow_shared_phone
                    ),
                )
        except ValidationError as error:
            if not self._fields.show(error):
                self.form_message.set_message(error.message)
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

    def _check_fields(self) -> bool:
        """Each field checked on its own first, so every mistake shows at once, not one by one
        (the service checks everything again when saving)."""
        checks: list[tuple[str, Callable[[], object]]] = [
            ("name", lambda: people_fields.name(self.name_edit.text())),
            ("birth_year", lambda: people_fields.birth_year(self.birth_year_edit.text())),
            ("phone", lambda: people_fields.phone(self.phone_edit.text())),
            ("id_number", lambda: people_fields.id_number(self.id_edit.text())),
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
                id_number = people_fields.id_number(self.id_edit.text())
                year = people_fields.birth_year(self.birth_year_edit.text())
                people_fields.birth_year_agrees(year, id_number)
            except ValidationError as error:
                self._fields.show(error)
                return False
            return True
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(first)
        return False

    def _show_duplicate(self, error: DuplicatePerson) -> None:
        self._duplicate = error
        field_message = self._fields.message(error.field)
        if field_message is not None:
            field_message.set_message(error.message)
        self.duplicate_text.setText(
            style.paragraph_html(
                self.tr("%1 Use that person instead of registering a second record?").replace(
                    "%1", error.message
                )
            )
        )
        self.duplicate_text.setAccessibleName(error.message)
        # A family may share a phone; a resident ID is one person's only.
        self.shared_phone_button.setVisible(error.field == "phone")
        self.duplicate_bar.setVisible(True)
        self.use_existing_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(self.duplicate_bar)

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

    def on_id_number_editing_finished(self) -> None:
        """A valid ID number gives the year of birth and gender: fill them if still empty."""
        try:
            canonical = people_fields.id_number(self.id_edit.text())
        except ValidationError:
            return
        if canonical is None:
            return
        if not self.birth_year_edit.text().strip():
            self.birth_year_edit.setText(str(people_fields.birth_date_from_id(canonical).year))
        if self.gender_combo.currentData() is None:
            gender = people_fields.gender_from_id(canonical)
            self._select_data(self.gender_combo, gender.value)

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
            if isinstance(focused, QAbstractButton) and focused is not self.submit_button:
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tags_list and event.type() == QEvent.Type.Resize:
            self._update_tags_height()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_indicators()
            self._update_tags_height()
