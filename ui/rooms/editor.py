"""The booking editor: what, where, when, for whom, how many, how often.

A dialog that never blocks (shown with `open()`): tests and the desk drive it through its fields
and `save()`. Every message goes beside its field in words and nothing is written while one is
shown. A new series is first planned (`booking.plan`): the occurrences that clash or fall on a
closed day are listed with what is in the way and who booked it, and the person chooses to skip
those days or to go back. A time already past needs a tick; an admin may book a closed day or
outside the room's hours with a reason. An occurrence of a series asks which occurrences a change
is for (仅此一次 / 此次及以后 / 全部). Staff approve or reject a pending booking here too.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.choices import BookingKind, BookingStatus, OrganisationKind
from app.errors import DomainError, ValidationError
from app.roles import Role
from app.security import Actor, Permission
from app.services import organisations
from app.services.organisations import OrganisationRow
from app.services.rooms import booking, views
from app.services.rooms.booking import BookingConflict, BookingInput, OccurrenceProblem, Scope
from app.services.rooms.views import RoomColumn
from ui import labels, style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.form_grid import add_row, fitting_height
from ui.people.form_parts import FieldsScroll
from ui.people.tag_list import BigIndicatorStyle
from ui.rooms.conflict_report import ConflictReport
from ui.rooms.models import problem_text
from ui.rooms.person_pick import PersonPicker
from ui.rooms.recurrence_box import RecurrenceBox, pydate, qdate
from ui.rooms.scope import ScopeChoice
from ui.rooms.time_field import TimeField
from ui.widgets import button

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")

AGENDA_MODULE = "ui.rooms.agenda"
DEFAULT_LENGTH = dt.timedelta(hours=2)
# The service's field names (ValidationError.field) that mean the same widget.
_FIELD_ALIASES = {
    "room": "room_id",
    "start": "starts_at",
    "day": "starts_at",
    "end": "ends_at",
    "organisation": "organisation_id",
    "person": "person_id",
    "attendees": "expected_attendees",
    "rule": "recurrence",
    "until": "recurrence",
    "count": "recurrence",
    "weekdays": "recurrence",
    "override": "override_reason",
    "past": "allow_past",
    "decision_reason": "reason",
}


def module_exists(name: str) -> bool:
    """Whether an optional module is there, without importing it."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _at(day: dt.date, time: dt.time | None) -> dt.datetime:
    """The moment; a time not given yet counts as midnight (the form says so before saving)."""
    return dt.datetime.combine(day, time or dt.time())


class BookingEditor(QDialog):
    """New booking (`start_new`) or an existing one (`load`); `save()` writes it."""

    saved = Signal(list)  # the booking ids written
    changed = Signal(str)  # something was written: what, in words (for the desk's status line)

    def __init__(
        self,
        context: DeskContext,
        parent: QWidget | None = None,
        *,
        rooms: list[RoomColumn] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rooms.editor")
        self.setWindowTitle(self.tr("Room booking"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._context = context
        self._fields = FieldMessages()
        self._booking_id: int | None = None
        self._series_id: int | None = None
        self._status: BookingStatus | None = None
        self._may_edit = True  # the account may change or cancel the booking loaded
        self._may_decide = False  # … approve or reject it
        self._planned: tuple[BookingInput, list[OccurrenceProblem]] | None = None
        self._rooms = rooms if rooms is not None else self._read(views_rooms)
        self._organisations: list[OrganisationRow] = self._read(
            lambda session, actor: organisations.list_organisations(
                session, actor, include_inactive=False
            )
        )

        self.heading = QLabel(self)
        self.heading.setObjectName("rooms.editor.heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setFont(style.scaled_font(self.heading, 1.2, bold=True))
        self.scope = ScopeChoice(
            "rooms.editor.scope", self.tr("This booking is one of a series. Change:"), self
        )
        self.scope.changed.connect(self.on_scope_changed)
        self.scope.setVisible(False)

        # --- what, where, when -------------------------------------------------------------
        self.title_edit = QLineEdit(self)
        self._field(self.title_edit, "title", "title", self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. 书法班, 桃园社区自治理事会例会"))
        self.room_combo = QComboBox(self)
        self._field(self.room_combo, "room_id", "room", self.tr("Room"))
        for room in self._rooms:
            if room.bookable:
                self.room_combo.addItem(
                    self.tr("%1 (%2 seats)")
                    .replace("%1", room.name)
                    .replace("%2", str(room.capacity)),
                    room.id,
                )
        self.room_combo.currentIndexChanged.connect(self.on_capacity_inputs_changed)
        self.date_edit = QDateEdit(self)
        self._field(self.date_edit, "starts_at", "date", self.tr("Date"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.dateChanged.connect(self.on_date_changed)
        self.start_edit = TimeField("rooms.editor.start", self.tr("Starts at"), self)
        self.start_edit.time_changed.connect(self.on_start_changed)
        self.end_edit = TimeField("rooms.editor.end", self.tr("Ends at"), self)
        self._field(self.end_edit, "ends_at", "end", self.tr("Ends at"))
        self.end_edit.time_changed.connect(self.on_input_changed)
        self._length = DEFAULT_LENGTH

        # --- for whom ----------------------------------------------------------------------
        self.kind_combo = QComboBox(self)
        self._field(self.kind_combo, "kind", "kind", self.tr("Booked for"))
        for kind in labels.BOOKING_KIND_NAMES:
            self.kind_combo.addItem(labels.booking_kind_name(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        self.organisation_combo = QComboBox(self)
        self._field(
            self.organisation_combo,
            "organisation_id",
            "organisation",
            self.tr("Social organisation"),
        )
        self.organisation_combo.setEditable(True)
        self.organisation_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.organisation_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        line = self.organisation_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("type part of the name"))
        self.person_picker = PersonPicker(context, "rooms.editor.person", self)
        self._fields.add(
            "person_id",
            self.person_picker.search_box,
            FieldMessage("rooms.editor.person.message", self),
        )
        self.attendees_spin = QSpinBox(self)
        self._field(
            self.attendees_spin, "expected_attendees", "attendees", self.tr("Expected attendees")
        )
        self.attendees_spin.setRange(0, 9999)
        self.attendees_spin.setSpecialValueText(self.tr("not given"))
        self.attendees_spin.valueChanged.connect(self.on_capacity_inputs_changed)
        self.capacity_warning = QLabel(self)
        self.capacity_warning.setObjectName("rooms.editor.capacityWarning")
        self.capacity_warning.setWordWrap(True)
        self.capacity_warning.setTextFormat(Qt.TextFormat.RichText)
        self.capacity_warning.setVisible(False)

        # --- how often, notes, approval ----------------------------------------------------
        self.recurrence = RecurrenceBox(self)
        self._fields.add(
            "recurrence", self.recurrence.freq_combo, FieldMessage("rooms.editor.repeat.message")
        )
        self.recurrence.changed.connect(self.on_input_changed)
        self.note_edit = QLineEdit(self)
        self._field(self.note_edit, "note", "note", self.tr("Note"))
        self.confirm_box = QCheckBox(self.tr("Confirm at once"), self)
        self.confirm_box.setObjectName("rooms.editor.confirm")
        self.confirm_box.setAccessibleName(self.tr("Confirm the booking at once"))
        self.confirm_box.setChecked(True)
        self._indicators = BigIndicatorStyle(self)
        self.confirm_box.setStyle(self._indicators)
        self.approval_hint = QLabel(self)
        self.approval_hint.setObjectName("rooms.editor.approvalHint")
        self.approval_hint.setWordWrap(True)
        hint = self.tr("A booking made at the front desk waits for the staff's approval.")
        self.approval_hint.setText(style.paragraph_html(hint, colour=style.MUTED_COLOUR))
        self.approval_hint.setAccessibleName(hint)
        self.past_box = QCheckBox(self.tr("Yes, book this time that is already past"), self)
        self.past_box.setObjectName("rooms.editor.confirmPast")
        self.past_box.setAccessibleName(self.tr("Book a time that is already past"))
        self.past_box.setVisible(False)
        self.past_box.setStyle(self._indicators)
        self._fields.add("allow_past", self.past_box, FieldMessage("rooms.editor.past.message"))
        self.override_edit = QLineEdit(self)
        self._field(
            self.override_edit,
            "override_reason",
            "override",
            self.tr("Reason to book although the room is closed"),
        )
        self.override_edit.setPlaceholderText(
            self.tr("Administrator: why the room is booked although it is closed then")
        )
        self.override_label = QLabel(self.tr("Override"), self)
        self.override_label.setBuddy(self.override_edit)
        self.agenda_button = button(self.tr("Agenda…"), "rooms.editor.agenda", self)
        self.agenda_button.clicked.connect(self.on_agenda_clicked)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("rooms.editor.bookingStatus")
        self.status_label.setWordWrap(True)

        # --- the conflict report of a series -----------------------------------------------
        self.report = ConflictReport(
            "rooms.editor.report", self.tr("Occurrences that can't be booked"), self
        )
        self.conflicts = self.report.lines
        self.skip_button = self.report.skip_button
        self.skip_button.clicked.connect(self.on_skip_clicked)
        self.report_cancel_button = self.report.back_button
        self.report_cancel_button.setAccessibleName(self.tr("Don't save, change the booking"))
        self.report_cancel_button.clicked.connect(self.on_report_cancel_clicked)

        # --- cancelling, approving ---------------------------------------------------------
        self.cancel_bar = QFrame(self)
        self.cancel_bar.setObjectName("rooms.editor.cancelBar")
        self.cancel_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.cancel_scope = ScopeChoice(
            "rooms.editor.cancelScope", self.tr("Cancel:"), self.cancel_bar
        )
        self.cancel_reason_edit = QLineEdit(self.cancel_bar)
        self.cancel_reason_edit.setObjectName("rooms.editor.cancelReason")
        self.cancel_reason_edit.setAccessibleName(self.tr("Why it is cancelled"))
        self.cancel_reason_edit.setPlaceholderText(self.tr("Why it is cancelled (optional)"))
        self.cancel_confirm_button = button(
            self.tr("Cancel the booking"), "rooms.editor.cancelConfirm", self.cancel_bar
        )
        self.cancel_confirm_button.clicked.connect(self.on_cancel_confirm_clicked)
        self.cancel_keep_button = button(
            self.tr("Keep it"), "rooms.editor.cancelKeep", self.cancel_bar
        )
        self.cancel_keep_button.clicked.connect(self.on_cancel_keep_clicked)
        cancel_layout = QVBoxLayout(self.cancel_bar)
        cancel_layout.addWidget(self.cancel_scope)
        cancel_row = QHBoxLayout()
        cancel_row.addWidget(self.cancel_reason_edit, 1)
        cancel_row.addWidget(self.cancel_confirm_button)
        cancel_row.addWidget(self.cancel_keep_button)
        cancel_layout.addLayout(cancel_row)
        self.cancel_bar.setVisible(False)

        self.reject_reason_edit = QLineEdit(self)
        self._field(
            self.reject_reason_edit, "reason", "rejectReason", self.tr("Why it is rejected")
        )
        self.reject_reason_edit.setPlaceholderText(self.tr("Reason for rejecting (required)"))
        self.approve_button = button(self.tr("Approve"), "rooms.editor.approve", self)
        self.approve_button.clicked.connect(self.on_approve_clicked)
        self.reject_button = button(self.tr("Reject"), "rooms.editor.reject", self)
        self.reject_button.clicked.connect(self.on_reject_clicked)
        self.decision = QWidget(self)
        self.decision.setObjectName("rooms.editor.decision")
        decision_row = QHBoxLayout(self.decision)
        decision_row.setContentsMargins(0, 0, 0, 0)
        decision_row.addWidget(self.approve_button)
        decision_row.addWidget(self.reject_reason_edit, 1)
        decision_row.addWidget(self.reject_button)
        self.decision.setVisible(False)

        self.status = StatusLine("rooms.editor.status", self)
        self.save_button = button(self.tr("Save (Ctrl+S)"), "rooms.editor.save", self)
        self.save_button.setAccessibleName(self.tr("Save the booking"))
        style.make_primary(self.save_button)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_booking_button = button(
            self.tr("Cancel booking…"), "rooms.editor.cancelBooking", self
        )
        self.cancel_booking_button.clicked.connect(self.on_cancel_booking_clicked)
        self.close_button = button(self.tr("Close (Esc)"), "rooms.editor.close", self)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        self._lay_out()
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.activated.connect(self.on_save_clicked)
        enter = QShortcut(QKeySequence("Ctrl+Return"), self)
        enter.activated.connect(self.on_save_clicked)
        self._update_kind()
        self._update_role()

    # --- building ----------------------------------------------------------------------------

    def _field(self, widget: QWidget, field: str, name: str, label: str) -> None:
        widget.setObjectName(f"rooms.editor.{name}")
        widget.setAccessibleName(label)
        widget.setProperty("fieldLabel", label)
        self._fields.add(field, widget, FieldMessage(f"rooms.editor.{name}.message", self))

    def _message(self, field: str) -> FieldMessage:
        message = self._fields.message(field)
        assert message is not None
        return message

    def _lay_out(self) -> None:
        times = QHBoxLayout()
        times.setContentsMargins(0, 0, 0, 0)
        times.addWidget(self.date_edit, 1)
        times.addWidget(self.start_edit)
        dash = QLabel("–", self)
        times.addWidget(dash)
        times.addWidget(self.end_edit)
        when = QWidget(self)
        when.setLayout(times)
        attendees = QHBoxLayout()
        attendees.setContentsMargins(0, 0, 0, 0)
        attendees.addWidget(self.attendees_spin)
        attendees.addStretch(1)
        how_many = QWidget(self)
        how_many.setLayout(attendees)

        left = QGridLayout()
        left.setColumnStretch(1, 1)
        self._rows = 0
        self._row(left, self.tr("Title"), self.title_edit, ["title"])
        self._row(left, self.tr("Room"), self.room_combo, ["room_id"])
        self._row(left, self.tr("Date and time"), when, ["starts_at", "ends_at"])
        self._row(left, self.tr("Booked for"), self.kind_combo, ["kind"])
        self.organisation_row = self._row(
            left, self.tr("Social organisation"), self.organisation_combo, ["organisation_id"]
        )
        self.person_row = self._row(left, self.tr("Resident"), self.person_picker, ["person_id"])
        self._row(left, self.tr("Attendees"), how_many, ["expected_attendees"])
        left.addWidget(self.capacity_warning, self._rows, 1)
        self._rows += 1
        left.setRowStretch(self._rows, 1)  # the rows keep their height; the room goes below

        right = QGridLayout()
        right.setColumnStretch(1, 1)
        self._rows = 0
        self._row(right, self.tr("Repeat"), self.recurrence, ["recurrence"])
        self._row(right, self.tr("Note"), self.note_edit, ["note"])
        left_aligned = Qt.AlignmentFlag.AlignLeft
        right.addWidget(self.confirm_box, self._rows, 1, left_aligned)
        right.addWidget(self.approval_hint, self._rows + 1, 1)
        right.addWidget(self.past_box, self._rows + 2, 1, left_aligned)
        right.addWidget(self._message("allow_past"), self._rows + 3, 1)
        self._rows += 4
        right.addWidget(self.override_label, self._rows, 0)
        right.addWidget(self.override_edit, self._rows, 1)
        right.addWidget(self._message("override_reason"), self._rows + 1, 1)
        self._rows += 2
        right.addWidget(self.status_label, self._rows, 1)
        right.addWidget(self.agenda_button, self._rows + 1, 1, Qt.AlignmentFlag.AlignLeft)
        self._rows += 2
        right.setRowStretch(self._rows, 1)
        self._show_override(False)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(self.fontMetrics().height())
        columns.addLayout(right, 1)
        content = QWidget(self)
        content.setObjectName("rooms.editor.content")
        inner = QVBoxLayout(content)
        inner.addLayout(columns)
        inner.addWidget(self.report)
        inner.addWidget(self.cancel_bar)
        inner.addWidget(self.decision)
        inner.addWidget(self._message("reason"))
        inner.addStretch(1)
        self.fields_scroll = FieldsScroll(content, self)
        self.fields_scroll.setObjectName("rooms.editor.scroll")

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_booking_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.scope)
        layout.addWidget(self.fields_scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        order: list[QWidget] = [
            self.scope.buttons[Scope.THIS],
            self.title_edit,
            self.room_combo,
            self.date_edit,
            self.start_edit,
            self.end_edit,
            self.kind_combo,
            self.organisation_combo,
            self.person_picker.search_box,
            self.person_picker.results,
            self.attendees_spin,
            self.recurrence.freq_combo,
            *self.recurrence.weekday_boxes,
            self.recurrence.count_radio,
            self.recurrence.count_spin,
            self.recurrence.until_radio,
            self.recurrence.until_edit,
            self.note_edit,
            self.confirm_box,
            self.past_box,
            self.override_edit,
            self.agenda_button,
            self.skip_button,
            self.report_cancel_button,
            self.approve_button,
            self.reject_reason_edit,
            self.reject_button,
            self.save_button,
            self.cancel_booking_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.resize(style.dialog_width(self, 56), fitting_height(self, self.sizeHint().height()))

    def _row(self, grid: QGridLayout, label: str, widget: QWidget, fields: list[str]) -> QLabel:
        messages = [self._message(field) for field in fields]
        height = self.title_edit.sizeHint().height()
        caption, self._rows = add_row(grid, self._rows, label, widget, messages, height)
        return caption

    # --- reading -----------------------------------------------------------------------------

    def _read(self, call: Callable[[Session, Actor], T]) -> T:
        return self._context.run(call, write=False, status=getattr(self, "status", None))

    def _actor(self) -> Actor:
        return self._context.actor

    def is_staff(self) -> bool:
        return self._actor().may(Permission.ROOMS)

    def is_admin(self) -> bool:
        return self._actor().role == Role.ADMIN

    # --- starting ----------------------------------------------------------------------------

    def start_new(
        self,
        *,
        room_id: int | None = None,
        starts_at: dt.datetime | None = None,
        ends_at: dt.datetime | None = None,
        attendees: int | None = None,
    ) -> None:
        """An empty booking, prefilled with what the calendar or "find a free room" knows."""
        self._booking_id = None
        self._series_id = None
        self._status = None
        self._may_edit, self._may_decide = True, False
        now = clock.now()
        if starts_at is None:
            # The next whole hour today.
            starts_at = now.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
        if ends_at is None or ends_at <= starts_at:
            ends_at = starts_at + DEFAULT_LENGTH
        self.heading.setText(self.tr("New booking"))
        self.setWindowTitle(self.tr("New booking"))
        self.title_edit.clear()
        if room_id is not None:
            self.select_room(room_id)
        self._set_times(starts_at, ends_at)
        self.kind_combo.setCurrentIndex(0)
        self.organisation_combo.setCurrentIndex(-1)
        self.organisation_combo.setEditText("")
        self.person_picker.set_person(None)
        self.attendees_spin.setValue(attendees or 0)
        self.recurrence.set_recurrence(None, starts_at.date())
        self.note_edit.clear()
        self.confirm_box.setChecked(True)
        self.scope.setVisible(False)
        self._reset_answers()
        self._update_for_booking()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def load(self, booking_id: int) -> bool:
        """An existing booking, as on file now; False (said) when it can't be read."""
        try:
            detail = self._read(lambda session, actor: booking.get(session, actor, booking_id))
        except DomainError:
            return False
        self._booking_id = booking_id
        self._series_id = detail.series_id
        self._status = BookingStatus(detail.status)
        self._may_edit = detail.may_edit
        self._may_decide = detail.may_decide
        self.heading.setText(
            self.tr("Booking: %1 (%2)")
            .replace("%1", detail.title)
            .replace("%2", labels.booking_status_name(self._status))
        )
        self.setWindowTitle(self.tr("Change a booking"))
        self.title_edit.setText(detail.title)
        self.select_room(detail.room_id)
        self._set_times(detail.starts_at, detail.ends_at)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(str(detail.kind)), 0))
        self._update_kind()
        if detail.organisation_id is not None:
            self.select_organisation(detail.organisation_id)
        self.person_picker.set_person(detail.person_id, detail.person)
        self.attendees_spin.setValue(detail.expected_attendees or 0)
        self.recurrence.set_recurrence(
            detail.recurrence, detail.series_first_day or detail.starts_at.date()
        )
        self.note_edit.setText(detail.note)
        self.confirm_box.setChecked(self._status != BookingStatus.PENDING)
        self.override_edit.setText(detail.override_reason or "")
        self.scope.setVisible(detail.series_id is not None)
        self.scope.set_scope(Scope.THIS)
        self.cancel_scope.setVisible(detail.series_id is not None)
        self.cancel_scope.set_scope(Scope.THIS)
        self._reset_answers()
        if detail.override_reason:
            self._show_override(True)
        self._update_for_booking()
        return True

    def _set_times(self, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
        self._length = max(ends_at - starts_at, dt.timedelta(minutes=15))
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(qdate(starts_at.date()))
        self.date_edit.blockSignals(False)
        self.start_edit.blockSignals(True)
        self.start_edit.set_time(starts_at.time())
        self.start_edit.blockSignals(False)
        self.end_edit.set_time(ends_at.time())
        self.recurrence.set_first_day(starts_at.date())

    def select_room(self, room_id: int) -> bool:
        index = self.room_combo.findData(room_id)
        if index >= 0:
            self.room_combo.setCurrentIndex(index)
        return index >= 0

    def select_organisation(self, organisation_id: int) -> bool:
        index = self.organisation_combo.findData(organisation_id)
        if index >= 0:
            self.organisation_combo.setCurrentIndex(index)
        return index >= 0

    def set_kind(self, kind: BookingKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def booking_id(self) -> int | None:
        return self._booking_id

    def _reset_answers(self) -> None:
        self._fields.clear()
        self.status.clear_message()
        self._planned = None
        self.report.setVisible(False)
        self.cancel_bar.setVisible(False)
        self.past_box.setChecked(False)
        self.past_box.setVisible(False)
        self.reject_reason_edit.clear()
        self.cancel_reason_edit.clear()
        self.override_edit.clear()
        self._show_override(False)

    def _update_role(self) -> None:
        staff = self.is_staff()
        self.confirm_box.setVisible(staff and self._booking_id is None)
        self.approval_hint.setVisible(not staff and self._booking_id is None)

    def _update_for_booking(self) -> None:
        existing = self._booking_id is not None
        self._update_role()
        self.cancel_booking_button.setVisible(existing and self._may_edit)
        self.decision.setVisible(existing and self._may_decide)
        self.status_label.setVisible(existing)
        if self._status is not None:
            self.status_label.setText(
                self.tr("Status: %1").replace("%1", labels.booking_status_name(self._status))
            )
        self.save_button.setEnabled(not existing or self._may_edit)
        self._update_recurrence_enabled()
        self._update_kind()
        self.on_capacity_inputs_changed()

    def _update_recurrence_enabled(self) -> None:
        # A one-off stays a one-off when changed; a series' rule changes with the series.
        if self._booking_id is None:
            self.recurrence.setEnabled(True)
        else:
            self.recurrence.setEnabled(
                self._series_id is not None and self.scope.scope() is not Scope.THIS
            )

    def _update_kind(self) -> None:
        kind = self.kind()
        for_organisation = kind in (BookingKind.ORGANISATION, BookingKind.COUNCIL)
        # A council meeting chooses among the councils: the caption says so.
        caption = (
            self.tr("Council") if kind is BookingKind.COUNCIL else self.tr("Social organisation")
        )
        self.organisation_row.setText(caption)
        self.organisation_combo.setAccessibleName(caption)
        self.organisation_row.setVisible(for_organisation)
        self.organisation_combo.setVisible(for_organisation)
        self.person_row.setVisible(kind is BookingKind.RESIDENT)
        self.person_picker.setVisible(kind is BookingKind.RESIDENT)
        self._fill_organisations(kind)
        self.agenda_button.setVisible(
            kind is BookingKind.COUNCIL
            and self._booking_id is not None
            and module_exists(AGENDA_MODULE)
        )

    def _fill_organisations(self, kind: BookingKind) -> None:
        """The active organisations in dictionary order; a council meeting offers the councils
        only (every organisation while none is set up as a council)."""
        keep = self.organisation_id()
        choices = self._organisations
        if kind is BookingKind.COUNCIL:
            councils = [o for o in choices if o.kind is OrganisationKind.COUNCIL]
            choices = councils or choices
        self.organisation_combo.blockSignals(True)
        self.organisation_combo.clear()
        for choice in choices:
            self.organisation_combo.addItem(choice.name, choice.id)
        self.organisation_combo.setCurrentIndex(-1)
        self.organisation_combo.setEditText("")
        self.organisation_combo.blockSignals(False)
        if keep is not None:
            self.select_organisation(keep)

    # --- values ------------------------------------------------------------------------------

    def kind(self) -> BookingKind:
        value = self.kind_combo.currentData()
        return BookingKind(value) if value else BookingKind.STAFF

    def organisation_id(self) -> int | None:
        """The organisation whose name is in the box (typed or chosen); None when none is."""
        text = self.organisation_combo.currentText().strip()
        if not text:
            return None
        index = self.organisation_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None
        data = self.organisation_combo.itemData(index)
        return int(data) if data is not None else None

    def room(self) -> RoomColumn | None:
        room_id = self.room_combo.currentData()
        return next((room for room in self._rooms if room.id == room_id), None)

    def starts_at(self) -> dt.datetime:
        return _at(pydate(self.date_edit.date()), self.start_edit.time())

    def ends_at(self) -> dt.datetime:
        return _at(pydate(self.date_edit.date()), self.end_edit.time())

    def values(self) -> BookingInput:
        """What the fields say, as the service takes it."""
        kind = self.kind()
        room_id = self.room_combo.currentData()
        return BookingInput(
            room_id=int(room_id) if room_id is not None else 0,
            title=self.title_edit.text().strip(),
            starts_at=self.starts_at(),
            ends_at=self.ends_at(),
            kind=kind,
            organisation_id=(
                self.organisation_id()
                if kind in (BookingKind.ORGANISATION, BookingKind.COUNCIL)
                else None
            ),
            person_id=self.person_picker.person_id() if kind is BookingKind.RESIDENT else None,
            expected_attendees=self.attendees_spin.value() or None,
            note=self.note_edit.text().strip(),
            override_reason=self.override_edit.text().strip() if self.is_admin() else "",
            allow_past=self.past_box.isChecked(),
            confirm=self.confirm_box.isChecked() if self.is_staff() else False,
            recurrence=self.recurrence.recurrence() if self.recurrence.isEnabled() else None,
        )

    def message(self, field: str) -> str:
        return self._fields.text(_FIELD_ALIASES.get(field, field))

    def messages(self) -> dict[str, str]:
        names = (
            "title", "room_id", "starts_at", "ends_at", "kind", "organisation_id", "person_id",
            "expected_attendees", "recurrence", "note", "allow_past", "override_reason", "reason",
        )  # fmt: skip
        return {name: text for name in names if (text := self._fields.text(name))}

    def capacity_warning_text(self) -> str:
        return (
            self.capacity_warning.accessibleName() if not self.capacity_warning.isHidden() else ""
        )

    def conflict_lines(self) -> list[str]:
        """The conflict report as a person reads it, one line per occurrence."""
        return self.report.line_texts()

    def showing_report(self) -> bool:
        return not self.report.isHidden()

    # --- checks in the form ------------------------------------------------------------------

    def _show(self, field: str, text: str) -> None:
        field = _FIELD_ALIASES.get(field, field)
        if not self._fields.set(field, text):
            self.status.show_error(text)
        widget = self._fields.widget(field)
        if widget is not None:
            self.fields_scroll.ensureWidgetVisible(widget)

    def _check(self, data: BookingInput) -> bool:
        """What the form can say before asking the service; False when something was said."""
        ok = True
        for field, edit in (("starts_at", self.start_edit), ("ends_at", self.end_edit)):
            if edit.time() is None:
                self._show(field, self.tr("Type the time like 14:00, or pick it from the list."))
                return False
        if (
            data.kind in (BookingKind.ORGANISATION, BookingKind.COUNCIL)
            and data.organisation_id is None
        ):
            typed = self.organisation_combo.currentText().strip()
            self._show(
                "organisation_id",
                self.tr(
                    "No organisation on file is called “%1”. Choose one from the list."
                ).replace("%1", typed)
                if typed
                else self.tr("Choose the council that meets.")
                if data.kind is BookingKind.COUNCIL
                else self.tr("Choose the organisation the room is booked for."),
            )
            ok = False
        if data.kind is BookingKind.RESIDENT and data.person_id is None:
            self._show("person_id", self.tr("Find the resident and press Enter to choose them."))
            ok = False
        if data.ends_at <= data.starts_at:
            self._show("ends_at", self.tr("The end must be after the start."))
            ok = False
        if ok and data.starts_at < clock.now() and not data.allow_past:
            self.past_box.setVisible(True)
            self._show(
                "allow_past",
                self.tr(
                    "This time is already past. To record it anyway, tick the box above and "
                    "save again."
                ),
            )
            self.past_box.setFocus(Qt.FocusReason.OtherFocusReason)
            ok = False
        return ok

    def _show_override(self, shown: bool) -> None:
        shown = shown and self.is_admin()
        self.override_label.setVisible(shown)
        self.override_edit.setVisible(shown)

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> list[int] | None:
        """Write the booking (or the change); the booking ids written, or None with the reason
        shown beside its field, or the conflict report of a series shown."""
        self._fields.clear()
        self.status.clear_message()
        self.report.setVisible(False)
        self._planned = None
        data = self.values()
        if not self._check(data):
            return None
        if self._booking_id is None:
            return self._create(data)
        return self._update(data)

    def _create(self, data: BookingInput) -> list[int] | None:
        try:
            plan = self._context.run(
                lambda session, actor: booking.plan(session, actor, data), write=False
            )
        except ValidationError as error:
            self._show(error.field, error.message)
            return None
        except DomainError as error:
            self.status.show_error(self.tr("Not saved: %1").replace("%1", error.message))
            return None
        problems = list(plan.problems)
        if data.override_reason:
            # The administrator books the closed days on purpose; clashes still stand.
            problems = [p for p in problems if p.clash is not None]
        closed = [p for p in problems if p.closed and p.clash is None]
        if closed and self.is_admin():
            self._show_override(True)
        if problems and data.recurrence is None:
            problem = problems[0]
            text = problem_text(problem)
            if problem.clash is not None:
                text = self.tr("The room is taken then: %1.").replace("%1", text)
            elif self.is_admin():
                text = self.tr(
                    "%1 To book it anyway, give the reason below and save again."
                ).replace("%1", text)
            self._show("starts_at", text)
            return None
        if problems:
            self._show_report(data, problems, len(plan.occurrences))
            return None
        return self._write_new(data, ())

    def _write(self, call: Callable[[Session, Actor], T], not_done: str) -> tuple[T] | None:
        """A writing service call; its result in a 1-tuple, or None with the refusal said where
        it belongs (a clash in the report, bad input beside its field, else on the status line,
        `not_done` saying what wasn't done)."""
        try:
            return (self._context.run(call, write=True),)
        except BookingConflict as error:
            self._show_clashes(error)
        except ValidationError as error:
            self._show(error.field, error.message)
        except DomainError as error:
            self.status.show_error(not_done.replace("%1", error.message))
        return None

    def _write_new(self, data: BookingInput, skip: tuple[dt.datetime, ...]) -> list[int] | None:
        written = self._write(
            lambda session, actor: booking.create(session, actor, data, skip=skip),
            self.tr("Not saved: %1"),
        )
        if written is None:
            return None
        created = written[0]
        ids = list(created.booking_ids)
        summary = self._summary(data)
        if created.series_id is None:
            text = self.tr("Booked: %1.").replace("%1", summary)
        elif created.skipped:
            text = (
                self.tr("Booked %1 times, %2 dates skipped: %3.")
                .replace("%1", str(len(ids)))
                .replace("%2", str(len(created.skipped)))
                .replace("%3", summary)
            )
        else:
            text = (
                self.tr("Booked %1 times: %2.").replace("%1", str(len(ids))).replace("%2", summary)
            )
        self._done(ids, text)
        return ids

    def _update(self, data: BookingInput) -> list[int] | None:
        booking_id = self._booking_id
        assert booking_id is not None
        scope = self.scope.scope() if self._series_id is not None else Scope.THIS
        written = self._write(
            lambda session, actor: booking.update(session, actor, booking_id, data, scope),
            self.tr("Not saved: %1"),
        )
        if written is None:
            return None
        ids = list(written[0])
        self._done(ids, self.tr("Changed: %1.").replace("%1", self._summary(data)))
        return ids

    def _summary(self, data: BookingInput) -> str:
        room = self.room()
        return (
            f"{data.title} · {room.name if room else ''} · "
            f"{data.starts_at:%Y-%m-%d} {data.starts_at:%H:%M}–{data.ends_at:%H:%M}"
        )

    def _done(self, ids: list[int], text: str) -> None:
        self.saved.emit(ids)
        self.changed.emit(text)
        self.accept()

    # --- the conflict report -----------------------------------------------------------------

    def _show_report(
        self, data: BookingInput, problems: list[OccurrenceProblem], occurrences: int
    ) -> None:
        self._planned = (data, problems)
        free = occurrences - len(problems)
        text = (
            self.tr(
                "%1 of the %2 dates can't be booked as asked (listed below). Skip them and book "
                "the other %3, or go back and change the booking."
            )
            .replace("%1", str(len(problems)))
            .replace("%2", str(occurrences))
            .replace("%3", str(free))
        )
        self.report.show_problems(problems, text, can_skip=free > 0)
        self._reveal(self.skip_button)
        self.skip_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_clashes(self, error: BookingConflict) -> None:
        """The service refused a clash found while writing (another desk was quicker)."""
        problems = [
            OccurrenceProblem(clash.starts_at, clash.ends_at, clash, None)
            for clash in error.clashes
        ]
        if not problems:
            self._show("starts_at", error.message)
            return
        self._planned = None
        text = self.tr("Not saved: %1").replace("%1", error.message)
        self.report.show_problems(problems, text, can_skip=False)
        self._reveal(self.report_cancel_button)

    def _reveal(self, widget: QWidget) -> None:
        """Scroll the fields so that `widget` (just shown: laid out only after this event) is in
        sight with what is above it, as far as there is room."""

        def scroll() -> None:
            self.fields_scroll.ensureWidgetVisible(widget)

        QTimer.singleShot(0, self, scroll)

    def skip_and_save(self) -> list[int] | None:
        """Book the series without the dates the report listed."""
        if self._planned is None:
            return None
        data, problems = self._planned
        self.report.setVisible(False)
        return self._write_new(data, tuple(problem.starts_at for problem in problems))

    def cancel_report(self) -> None:
        self._planned = None
        self.report.setVisible(False)
        self.status.show_info(self.tr("Nothing was booked. Change the booking and save again."))
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- cancelling, approving, rejecting -----------------------------------------------------

    def ask_cancel(self) -> None:
        self.cancel_bar.setVisible(True)
        self._reveal(self.cancel_confirm_button)
        self.cancel_reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_booking(self, reason: str | None = None) -> bool:
        """Cancel the booking (and, as chosen, later or all occurrences of its series)."""
        booking_id = self._booking_id
        if booking_id is None:
            return False
        if reason is not None:
            self.cancel_reason_edit.setText(reason)
        why = self.cancel_reason_edit.text().strip()
        scope = self.cancel_scope.scope() if self._series_id is not None else Scope.THIS
        written = self._write(
            lambda session, actor: booking.cancel(session, actor, booking_id, scope, why),
            self.tr("Not cancelled: %1"),
        )
        if written is None:
            return False
        self._done([booking_id], self.tr("Cancelled: %1.").replace("%1", self.title_edit.text()))
        return True

    def approve(self) -> bool:
        booking_id = self._booking_id
        if booking_id is None:
            return False
        written = self._write(
            lambda session, actor: booking.approve(session, actor, booking_id, Scope.ALL),
            self.tr("Not approved: %1"),
        )
        if written is None:
            return False
        self._done([booking_id], self.tr("Approved: %1.").replace("%1", self.title_edit.text()))
        return True

    def reject_booking(self, reason: str | None = None) -> bool:
        booking_id = self._booking_id
        if booking_id is None:
            return False
        if reason is not None:
            self.reject_reason_edit.setText(reason)
        why = self.reject_reason_edit.text().strip()
        self._fields.clear()
        if not why:
            self._show("reason", self.tr("Say why the request is rejected: the booker is told."))
            return False
        written = self._write(
            lambda session, actor: booking.reject(session, actor, booking_id, why, Scope.ALL),
            self.tr("Not rejected: %1"),
        )
        if written is None:
            return False
        self._done([booking_id], self.tr("Rejected: %1.").replace("%1", self.title_edit.text()))
        return True

    def open_agenda(self) -> QWidget | None:
        """The council meeting's agenda (when that part of the program is installed)."""
        if self._booking_id is None or not module_exists(AGENDA_MODULE):
            return None
        agenda = importlib.import_module(AGENDA_MODULE)
        dialog: QDialog = agenda.AgendaDialog(self._context, self._booking_id, self)
        dialog.open()
        return dialog

    # --- slots -------------------------------------------------------------------------------

    def on_save_clicked(self) -> None:
        self.save()

    def on_skip_clicked(self) -> None:
        self.skip_and_save()

    def on_report_cancel_clicked(self) -> None:
        self.cancel_report()

    def on_cancel_booking_clicked(self) -> None:
        self.ask_cancel()

    def on_cancel_confirm_clicked(self) -> None:
        self.cancel_booking()

    def on_cancel_keep_clicked(self) -> None:
        self.cancel_bar.setVisible(False)

    def on_approve_clicked(self) -> None:
        self.approve()

    def on_reject_clicked(self) -> None:
        self.reject_booking()

    def on_agenda_clicked(self) -> None:
        self.open_agenda()

    def on_scope_changed(self, _scope: object) -> None:
        self._update_recurrence_enabled()

    def on_kind_changed(self, _index: int) -> None:
        self._update_kind()
        self.on_input_changed()

    def on_date_changed(self, day: QDate) -> None:
        self.recurrence.set_first_day(pydate(day))
        self.on_input_changed()

    def on_start_changed(self) -> None:
        # The end keeps the booking's length, as a calendar does.
        time = self.start_edit.time()
        if time is not None:
            start = _at(pydate(self.date_edit.date()), time)
            end = start + self._length
            if end.date() == start.date():
                self.end_edit.blockSignals(True)
                self.end_edit.set_time(end.time())
                self.end_edit.blockSignals(False)
        self.on_input_changed()

    def on_input_changed(self, *_args: object) -> None:
        """A change after the report was shown makes it stale."""
        if self.sender() is self.end_edit:
            length = self.ends_at() - self.starts_at()
            if length > dt.timedelta(0):
                self._length = length
        if self._planned is not None:
            self._planned = None
            self.report.setVisible(False)

    def on_capacity_inputs_changed(self, *_args: object) -> None:
        room = self.room()
        wanted = self.attendees_spin.value()
        if room is None or not wanted or wanted <= room.capacity:
            self.capacity_warning.setVisible(False)
            self.capacity_warning.setAccessibleName("")
            return
        text = (
            self.tr("⚠ %1 people expected, more than the %2 seats of %3.")
            .replace("%1", str(wanted))
            .replace("%2", str(room.capacity))
            .replace("%3", room.name)
        )
        self.capacity_warning.setText(style.paragraph_html(text, colour=style.ERROR_COLOUR))
        self.capacity_warning.setAccessibleName(text)
        self.capacity_warning.setVisible(True)


def views_rooms(session: Session, _actor: Actor) -> list[RoomColumn]:
    return views.rooms(session)
