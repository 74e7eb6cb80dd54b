"""Organisations (社会组织): the social organisations, partners and the councils of the 1+7+49
platform that book rooms and provide sessions. A list with the chosen one's record (its
bookings, and the sessions it provides once the Service menu is in use), and an editor in the
list's place. Nothing is deleted: an organisation no longer working with the centre is set
inactive, and its bookings keep its name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Slot
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.models import OrganisationKind
from app.services import organisations
from app.services.organisations import OrganisationInput, OrganisationRecord, OrganisationRow
from ui import labels
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.labels import QT_TRANSLATE_NOOP
from ui.people.tag_list import BigIndicatorStyle
from ui.settings.common import INACTIVE_COLOUR, fit_columns, heading, hint
from ui.style import configure_table, make_primary, paragraph_html, update_table_metrics
from ui.table_model import Index, LinesModel
from ui.widgets import button, plain


class OrganisationTableModel(LinesModel[OrganisationRow]):
    """The organisations by name; the phone masked; an inactive one greyed and said in words."""

    CONTEXT = "OrganisationTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Organisation"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Kind"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Contact"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Contact phone"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Status"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row = self._lines[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return (
                row.name,
                labels.organisation_kind_name(row.kind),
                row.contact_name,
                row.contact_phone,
                self.tr("Active") if row.active else self.tr("Inactive"),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QColor(INACTIVE_COLOUR)
        return None

    def row_of(self, organisation_id: int) -> int:
        return next((i for i, r in enumerate(self._lines) if r.id == organisation_id), -1)


class OrganisationsPage(QWidget):
    """Add and change the organisations; see what each one does at the centre."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.organisations")
        self._context = context
        self._editing: int | None = None
        self._record: OrganisationRecord | None = None

        self._model = OrganisationTableModel(self)
        self._table = QTableView(self)
        self._table.setObjectName("settings.organisations.table")
        self._table.setAccessibleName(self.tr("Organisations"))
        self._table.setModel(self._model)
        configure_table(self._table)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setTabKeyNavigation(False)
        self._table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self._table.activated.connect(self.on_table_activated)

        self._new = button(self.tr("&New organisation…"), "settings.organisations.new", self)
        make_primary(self._new)
        self._new.clicked.connect(self.on_new_clicked)
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

        self._message = StatusLine("settings.organisations.message", self)

        self._list_view = QWidget(self)
        self._list_view.setObjectName("settings.organisations.list")
        list_layout = QVBoxLayout(self._list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self._table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self._edit)
        actions.addStretch(1)
        list_layout.addLayout(actions)
        list_layout.addWidget(record_box)

        self._editor = self._build_editor()
        self._views = QStackedWidget(self)
        self._views.setObjectName("settings.organisations.views")
        self._views.addWidget(self._list_view)
        self._views.addWidget(self._editor)

        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.tr("Organisations"), self), 1)
        title_row.addWidget(self._new)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(
            hint(
                self.tr(
                    "Social organisations, partners and the councils that book rooms and provide "
                    "sessions. Nothing is deleted: one no longer working with the centre is set "
                    "inactive."
                ),
                self,
            )
        )
        layout.addWidget(self._message)
        layout.addWidget(self._views, 1)

        QWidget.setTabOrder(self._new, self._table)
        self.reload()

    def _build_editor(self) -> QGroupBox:
        box = QGroupBox(self.tr("Organisation"), self)
        box.setObjectName("settings.organisations.editor")
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

        self._fields = FieldMessages()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        rows: list[tuple[str, str, str, QWidget]] = [
            ("name", "name", self.tr("&Name:"), self._name),
            ("kind", "kind", self.tr("&Kind:"), self._kind),
            (
                "credit_code",
                "creditCode",
                self.tr("C&redit code (统一社会信用代码):"),
                self._credit_code,
            ),
            ("contact_name", "contactName", self.tr("Contact &person:"), self._contact_name),
            ("contact_phone", "contactPhone", self.tr("Contact &phone:"), self._contact_phone),
            ("provides", "provides", self.tr("What they pro&vide:"), self._provides),
        ]
        for i, (field, suffix, text, widget) in enumerate(rows):
            label = QLabel(text, box)
            label.setBuddy(widget)
            label.setWordWrap(True)
            widget.setObjectName(f"settings.organisations.{suffix}")
            widget.setAccessibleName(plain(text))
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(self.on_save_clicked)
            message = FieldMessage(f"settings.organisations.{suffix}.message", box)
            grid.addWidget(label, i * 2, 0)
            grid.addWidget(widget, i * 2, 1)
            grid.addWidget(message, i * 2 + 1, 1)
            self._fields.add(field, widget, message)
        grid.addWidget(self._active, len(rows) * 2, 1)

        save = button(self.tr("&Save organisation"), "settings.organisations.save", box)
        make_primary(save)
        save.clicked.connect(self.on_save_clicked)
        cancel = button(self.tr("Cancel"), "settings.organisations.cancel", box)
        cancel.clicked.connect(self.on_cancel_clicked)
        actions = QHBoxLayout()
        actions.addWidget(save)
        actions.addWidget(cancel)
        actions.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(actions)
        layout.addLayout(grid)
        layout.addStretch(1)
        return box

    # ---- what tests and the desk use -------------------------------------------------------

    def model(self) -> OrganisationTableModel:
        return self._model

    def reload(self) -> None:
        selected = self.selected()
        try:
            rows = self._context.run(
                lambda session, actor: organisations.list_organisations(session, actor),
                write=False,
            )
        except DomainError as error:
            rows = []
            self._message.show_error(error.message)
        self._model.set_lines(rows)
        fit_columns(self._table, stretch=0)
        if selected is not None:
            self.select(selected.id)
        self._show_record()

    def selected(self) -> OrganisationRow | None:
        rows = self._table.selectionModel().selectedRows()
        return self._model.line(rows[0].row()) if rows else None

    def select(self, organisation: int | str) -> bool:
        """Select an organisation by id or name; True when found."""
        row = next(
            (i for i, r in enumerate(self._model.lines()) if organisation in (r.id, r.name)), -1
        )
        if row < 0:
            self._table.clearSelection()
            return False
        self._table.selectRow(row)
        self._table.scrollTo(self._model.index(row, 0))
        return True

    def new_organisation(self) -> None:
        self._open_editor(None, OrganisationInput("", OrganisationKind.PARTNER))

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
        self._open_editor(selected.id, record.organisation)
        return True

    def is_editing(self) -> bool:
        return self._views.currentWidget() is self._editor

    def field(self, name: str) -> QWidget:
        widget = self._fields.widget(name)
        assert widget is not None, name
        return widget

    def set_kind(self, kind: OrganisationKind) -> None:
        self._kind.setCurrentIndex(self._kind.findData(kind.value))

    def set_active(self, active: bool) -> None:
        self._active.setChecked(active)

    def save(self) -> bool:
        return self._save()

    def field_message(self, field: str) -> str:
        return self._fields.text(field)

    def last_message(self) -> str:
        return self._message.message()

    def record_text(self) -> str:
        return str(self._record_label.property("plain") or "")

    # ---- slots ------------------------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_record()

    @Slot(QModelIndex)
    def on_table_activated(self, _index: QModelIndex) -> None:
        self.edit_selected()

    @Slot()
    def on_new_clicked(self) -> None:
        self.new_organisation()

    @Slot()
    def on_edit_clicked(self) -> None:
        self.edit_selected()

    @Slot()
    def on_save_clicked(self) -> None:
        self._save()

    @Slot()
    def on_cancel_clicked(self) -> None:
        self._show_view(self._list_view)
        self._fields.clear()
        self._message.clear_message()

    # ---- inside -----------------------------------------------------------------------------

    def _open_editor(self, organisation_id: int | None, data: OrganisationInput) -> None:
        self._editing = organisation_id
        self._fields.clear()
        self._message.clear_message()
        self._editor.setTitle(
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
        self._show_view(self._editor)
        self._name.setFocus()

    def _save(self) -> bool:
        self._fields.clear()
        self._message.clear_message()
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
        try:
            if organisation_id is None:
                row = self._context.run(
                    lambda session, actor: organisations.create_organisation(session, actor, data),
                    write=True,
                )
            else:
                row = self._context.run(
                    lambda session, actor: organisations.update_organisation(
                        session, actor, organisation_id, data
                    ),
                    write=True,
                )
        except ValidationError as error:
            if self._fields.set(error.field, error.message):
                self._message.show_error(
                    self.tr(
                        "Not saved: please correct the organisation (see the message beside it)."
                    )
                )
            else:
                self._message.show_error(self.tr("Not saved: %1").replace("%1", error.message))
            return False
        except DomainError as error:
            self._message.show_error(self.tr("Not saved: %1").replace("%1", error.message))
            return False
        self._show_view(self._list_view)
        self.reload()
        self.select(row.id)
        self._message.show_info(self.tr("Organisation “%1” saved.").replace("%1", row.name))
        self._context.data_changed()
        return True

    def _show_record(self) -> None:
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
        self._record = record
        self._set_record("\n".join(lines))

    def _set_record(self, text: str) -> None:
        self._record_label.setText(paragraph_html(text))
        self._record_label.setProperty("plain", text)
        self._record_label.setAccessibleName(text)

    def _show_view(self, view: QWidget) -> None:
        self._views.setCurrentWidget(view)
        self._new.setVisible(view is self._list_view)
        if view is self._list_view:
            self._table.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.is_editing():
            self.on_cancel_clicked()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            update_table_metrics(self._table)
            fit_columns(self._table, stretch=0)
