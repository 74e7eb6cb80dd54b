"""The session editor: which activity of the menu, when, in which room, for how many, and, for a
new session, how often it repeats (a plan: "every Thursday afternoon this term").

A dialog that never blocks (shown with `open()`): the desk and the tests drive it through its
fields and `save()`. Each refusal is said beside its field (ValidationError.field); a clash names
the booking in the way beside the time. A plan is first previewed: the dates it gives, the closed
days it leaves out by itself and the dates another booking holds the room, which the person
chooses to skip (跳过这些日期并保存) or goes back to change (返回修改), as on the Rooms desk.
Changing an existing session that had a waitlist and got more places says who moved up.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.choices import SessionStatus
from app.errors import DomainError, ValidationError
from app.roles import Role
from app.security import Actor
from app.services import organisations
from app.services import rooms as rooms_service
from app.services.menu import reads
from app.services.menu.reads import ItemEntry, SeriesEntry, SessionDetail
from app.services.menu.sessions import (
    PlanInput,
    PlanPreview,
    SessionInput,
    create_plan,
    create_session,
    preview_plan,
    update_session,
)
from app.services.menu.signups import Promoted
from app.services.organisations import OrganisationRow
from app.services.rooms import BookingConflict, views
from app.services.rooms.recurrence import Frequency, Recurrence
from app.services.rooms.views import RoomColumn
from ui import labels, style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.form_grid import add_row, fitting_height
from ui.menu.date_field import DateField
from ui.people.form_parts import FieldsScroll
from ui.people.tag_list import BigIndicatorStyle
from ui.rooms.conflict_report import ConflictReport
from ui.rooms.recurrence_box import RecurrenceBox
from ui.rooms.time_field import TimeField
from ui.widgets import button

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")

DEFAULT_MINUTES = 90
DEFAULT_CAPACITY = 20
DEFAULT_START = dt.time(14)
NO_DEADLINE = -1  # the deadline spin box's "signups until the start"
# The services' field names (ValidationError.field) that mean the same widget.
_FIELD_ALIASES = {
    "item": "item_id",
    "title": "item_id",
    "room": "room_id",
    "day": "starts_at",
    "start": "starts_at",
    "end": "ends_at",
    "expected_attendees": "capacity",
    "deadline_days": "signup_deadline",
    "organisation": "organisation_id",
    "allow_past": "starts_at",
    "rule": "recurrence",
    "override": "override_reason",
}


class SessionEditor(QDialog):
    """A new session or plan (`session_id` None; `item_id`, `day` prefill it) or an existing
    session; `save()` writes it."""

    saved = Signal(list)  # the session ids written

    def __init__(
        self,
        context: DeskContext,
        parent: QWidget | None = None,
        *,
        session_id: int | None = None,
        item_id: int | None = None,
        day: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("menu.editor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._context = context
        self._fields = FieldMessages()
        self._session_id: int | None = None
        self._detail: SessionDetail | None = None
        self._preview: tuple[PlanInput, PlanPreview] | None = None
        self._promoted: list[Promoted] = []
        self._length = dt.timedelta(minutes=DEFAULT_MINUTES)
        self._loading = False
        self._sized = False
        self._captions: list[QLabel] = []
        self.status = StatusLine("menu.editor.status", self)
        self._rooms: list[RoomColumn] = self._read(
            lambda session, _actor: views.rooms(session, with_unbookable=False)
        )
        self._tree: list[SeriesEntry] = self._read(
            lambda session, actor: reads.menu_tree(session, actor)
        )
        self._organisations: list[OrganisationRow] = self._read(
            lambda session, actor: organisations.list_organisations(
                session, actor, include_inactive=False
            )
        )
        self._indicators = BigIndicatorStyle(self)

        self.heading = QLabel(self)
        self.heading.setObjectName("menu.editor.heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setFont(style.scaled_font(self.heading, 1.2, bold=True))

        # --- what, when, where, how many ----------------------------------------------------
        self.item_combo = QComboBox(self)
        self._field(self.item_combo, "item_id", "item", self.tr("Menu activity"))
        self.item_combo.setPlaceholderText(self.tr("Choose the activity"))
        self._fill_items()
        self.item_combo.currentIndexChanged.connect(self.on_item_changed)
        self.date_field = DateField("menu.editor.date", self.tr("Date"), self)
        self._fields.add("starts_at", self.date_field, FieldMessage("menu.editor.date.message"))
        self.date_field.date_changed.connect(self.on_date_changed)
        self.start_edit = TimeField("menu.editor.start", self.tr("Starts at"), self)
        self.start_edit.time_changed.connect(self.on_start_changed)
        self.end_edit = TimeField("menu.editor.end", self.tr("Ends at"), self)
        self._fields.add("ends_at", self.end_edit, FieldMessage("menu.editor.end.message"))
        self.end_edit.time_changed.connect(self.on_end_changed)
        self.past_box = QCheckBox(self.tr("Yes, the session is already past: record it"), self)
        self.past_box.setObjectName("menu.editor.confirmPast")
        self.past_box.setAccessibleName(self.tr("Record a session that is already past"))
        self.past_box.setStyle(self._indicators)
        self.past_box.setVisible(False)
        self.room_combo = QComboBox(self)
        self._field(self.room_combo, "room_id", "room", self.tr("Room"))
        for room in self._rooms:
            self.room_combo.addItem(
                self.tr("%1 (%2 seats)").replace("%1", room.name).replace("%2", str(room.capacity)),
                room.id,
            )
        self.room_combo.setPlaceholderText(self.tr("Choose the room"))
        self.room_combo.setCurrentIndex(-1)
        self.room_combo.currentIndexChanged.connect(self.on_capacity_inputs_changed)
        self.free_rooms_label = QLabel(self)
        self.free_rooms_label.setObjectName("menu.editor.freeRooms")
        self.free_rooms_label.setWordWrap(True)
        self.free_rooms_label.setTextFormat(Qt.TextFormat.RichText)
        self.capacity_spin = QSpinBox(self)
        self._field(self.capacity_spin, "capacity", "capacity", self.tr("Places"))
        self.capacity_spin.setRange(0, 9999)
        self.capacity_spin.setValue(DEFAULT_CAPACITY)
        self.capacity_spin.valueChanged.connect(self.on_capacity_inputs_changed)
        self.capacity_warning = QLabel(self)
        self.capacity_warning.setObjectName("menu.editor.capacityWarning")
        self.capacity_warning.setWordWrap(True)
        self.capacity_warning.setTextFormat(Qt.TextFormat.RichText)
        self.over_box = QCheckBox(self.tr("Confirm: more places than seats"), self)
        self.over_box.setObjectName("menu.editor.confirmOver")
        self.over_box.setAccessibleName(self.tr("Confirm more places than the room's seats"))
        self.over_box.setStyle(self._indicators)
        self.over_box.toggled.connect(self.on_capacity_inputs_changed)
        self.deadline_spin = QSpinBox(self)
        self._field(self.deadline_spin, "signup_deadline", "deadlineDays", self.tr("Signups close"))
        self.deadline_spin.setRange(NO_DEADLINE, 60)
        self.deadline_spin.setSpecialValueText(self.tr("at the start"))
        self.deadline_spin.setSuffix(self.tr(" days before"))
        self.deadline_spin.setValue(NO_DEADLINE)
        self.deadline_spin.valueChanged.connect(self.on_deadline_changed)
        self.deadline_time = TimeField(
            "menu.editor.deadlineTime", self.tr("Signups close at (time)"), self
        )
        self.deadline_at_label = QLabel(self.tr("at"), self)

        # --- who, for whom --------------------------------------------------------------------
        self.organisation_combo = QComboBox(self)
        self._field(
            self.organisation_combo, "organisation_id", "organisation", self.tr("Provided by")
        )
        self.organisation_combo.addItem(self.tr("(the centre itself)"), None)
        for organisation in self._organisations:
            self.organisation_combo.addItem(organisation.name, organisation.id)
        self.organiser_edit = QLineEdit(self)
        self._field(self.organiser_edit, "organiser", "organiser", self.tr("Organiser"))
        self.organiser_edit.setPlaceholderText(self.tr("e.g. 社工 李晓燕"))
        self.organiser_edit.setMaxLength(40)
        self.audience_edit = QLineEdit(self)
        self._field(self.audience_edit, "audience", "audience", self.tr("For whom"))
        self.audience_edit.setPlaceholderText(self.tr("e.g. 60岁以上长者"))
        self.audience_edit.setMaxLength(60)
        self.note_edit = QLineEdit(self)
        self._field(self.note_edit, "note", "note", self.tr("Note"))
        self.override_edit = QLineEdit(self)
        self._field(
            self.override_edit,
            "override_reason",
            "override",
            self.tr("Reason to use the room although it is closed"),
        )
        self.override_edit.setPlaceholderText(
            self.tr("Administrator: why the room is used although it is closed then")
        )
        self.override_label = QLabel(self.tr("Override"), self)
        self.override_label.setBuddy(self.override_edit)

        # --- how often --------------------------------------------------------------------
        self.recurrence = RecurrenceBox(self)
        self._fields.add(
            "recurrence", self.recurrence.freq_combo, FieldMessage("menu.editor.repeat.message")
        )
        self.recurrence.changed.connect(self.on_recurrence_changed)
        # The Rooms desk's box, named as a part of this editor (menu.editor.repeat, …).
        for part in [self.recurrence, *self.recurrence.findChildren(QWidget)]:
            if part.objectName().startswith("rooms.editor."):
                part.setObjectName("menu.editor." + part.objectName().removeprefix("rooms.editor."))

        # --- a plan's dates and what is in their way ----------------------------------------
        self.report = ConflictReport("menu.editor.report", self.tr("Dates left out"), self)
        self.dates_label = QLabel(self.report)
        self.dates_label.setObjectName("menu.editor.report.dates")
        self.dates_label.setWordWrap(True)
        self.dates_label.setTextFormat(Qt.TextFormat.RichText)
        self.report.body.insertWidget(1, self.dates_label)
        self.report_view = self.report.view
        self.skip_button = self.report.skip_button
        self.skip_button.clicked.connect(self.on_skip_clicked)
        self.back_button = self.report.back_button
        self.back_button.setAccessibleName(self.tr("Don't save, change the plan"))
        self.back_button.clicked.connect(self.on_back_clicked)

        self.plan_hint = QLabel(self)
        self.plan_hint.setObjectName("menu.editor.planHint")
        self.plan_hint.setWordWrap(True)
        hint = self.tr(
            "This session is one of a plan: a change here is for this session only; the others "
            "keep their times."
        )
        self.plan_hint.setText(style.paragraph_html(hint, colour=style.MUTED_COLOUR))
        self.plan_hint.setAccessibleName(hint)
        self.plan_hint.setVisible(False)
        self.promoted_label = QLabel(self)
        self.promoted_label.setObjectName("menu.editor.promoted")
        self.promoted_label.setWordWrap(True)
        self.promoted_label.setTextFormat(Qt.TextFormat.RichText)
        self.promoted_label.setVisible(False)

        self.preview_button = button(self.tr("Show the dates"), "menu.editor.preview", self)
        self.preview_button.clicked.connect(self.on_preview_clicked)
        self.save_button = button(self.tr("Save (Ctrl+S)"), "menu.editor.save", self)
        self.save_button.setAccessibleName(self.tr("Save the session"))
        style.make_primary(self.save_button)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.close_button = button(self.tr("Close (Esc)"), "menu.editor.close", self)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        self._free_timer = QTimer(self)
        self._free_timer.setSingleShot(True)
        self._free_timer.setInterval(150)
        self._free_timer.timeout.connect(self.on_free_timer)

        self._lay_out()
        for keys in ("Ctrl+S", "Ctrl+Return"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.on_save_clicked)
        if session_id is not None:
            self.load(session_id)
        else:
            self.start_new(item_id=item_id, day=day)

    # --- building ----------------------------------------------------------------------------

    def _field(self, widget: QWidget, field: str, name: str, label: str) -> None:
        widget.setObjectName(f"menu.editor.{name}")
        widget.setAccessibleName(label)
        self._fields.add(field, widget, FieldMessage(f"menu.editor.{name}.message", self))

    def _message(self, field: str) -> FieldMessage:
        message = self._fields.message(field)
        assert message is not None
        return message

    def _fill_items(self) -> None:
        """The menu's items under their series' names (which can't be chosen)."""
        model = self.item_combo.model()
        header_font = style.scaled_font(self.item_combo, 1.0, bold=True)
        for series in self._tree:
            if not series.items:
                continue
            self.item_combo.addItem(self.tr("【%1】").replace("%1", series.name), None)
            row = self.item_combo.count() - 1
            entry = model.item(row)  # type: ignore[attr-defined]
            entry.setEnabled(False)
            entry.setFont(header_font)
            for item in series.items:
                self.item_combo.addItem(item.name, item.id)
        self.item_combo.setCurrentIndex(-1)

    def _lay_out(self) -> None:
        times = QHBoxLayout()
        times.setContentsMargins(0, 0, 0, 0)
        times.addWidget(self.date_field, 1)
        times.addWidget(self.start_edit)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.end_edit)
        when = QWidget(self)
        when.setLayout(times)
        places = QHBoxLayout()
        places.setContentsMargins(0, 0, 0, 0)
        places.addWidget(self.capacity_spin)
        places.addWidget(self.over_box)
        places.addStretch(1)
        how_many = QWidget(self)
        how_many.setLayout(places)
        deadline = QHBoxLayout()
        deadline.setContentsMargins(0, 0, 0, 0)
        deadline.addWidget(self.deadline_spin)
        deadline.addWidget(self.deadline_at_label)
        deadline.addWidget(self.deadline_time)
        deadline.addStretch(1)
        closes = QWidget(self)
        closes.setLayout(deadline)

        left = QGridLayout()
        left.setColumnStretch(1, 1)
        self._rows = 0
        self._row(left, self.tr("Menu activity"), self.item_combo, ["item_id"])
        self._row(left, self.tr("Date and time"), when, ["starts_at", "ends_at"])
        left.addWidget(self.past_box, self._rows, 1, Qt.AlignmentFlag.AlignLeft)
        self._rows += 1
        self._row(left, self.tr("Room"), self.room_combo, ["room_id"])
        left.addWidget(self.free_rooms_label, self._rows, 1)
        self._rows += 1
        self._row(left, self.tr("Places"), how_many, ["capacity"])
        left.addWidget(self.capacity_warning, self._rows, 1)
        self._rows += 1
        self._row(left, self.tr("Signups close"), closes, ["signup_deadline"])
        left.setRowStretch(self._rows, 1)

        right = QGridLayout()
        right.setColumnStretch(1, 1)
        self._rows = 0
        self._row(right, self.tr("Provided by"), self.organisation_combo, ["organisation_id"])
        self._row(right, self.tr("Organiser"), self.organiser_edit, ["organiser"])
        self._row(right, self.tr("For whom"), self.audience_edit, ["audience"])
        self._row(right, self.tr("Note"), self.note_edit, ["note"])
        right.addWidget(self.override_label, self._rows, 0)
        right.addWidget(self.override_edit, self._rows, 1)
        right.addWidget(self._message("override_reason"), self._rows + 1, 1)
        self._rows += 2
        right.setRowStretch(self._rows, 1)
        self._show_override(False)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(self.fontMetrics().height())
        columns.addLayout(right, 1)
        # The repeat rule across the whole width: its weekdays and end need the room.
        repeat = QGridLayout()
        repeat.setColumnStretch(1, 1)
        self._rows = 0
        self.repeat_caption = self._row(repeat, self.tr("Repeat"), self.recurrence, ["recurrence"])
        # Its caption lines up with the left column's.
        repeat.setColumnMinimumWidth(
            0, max(caption.sizeHint().width() for caption in self._captions)
        )
        content = QWidget(self)
        content.setObjectName("menu.editor.content")
        inner = QVBoxLayout(content)
        inner.addLayout(columns)
        inner.addLayout(repeat)
        inner.addWidget(self.report)
        inner.addWidget(self.promoted_label)
        inner.addStretch(1)
        self.fields_scroll = FieldsScroll(content, self)
        self.fields_scroll.setObjectName("menu.editor.scroll")

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.plan_hint)
        layout.addWidget(self.fields_scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        order: list[QWidget] = [
            self.item_combo,
            self.date_field,
            self.start_edit,
            self.end_edit,
            self.past_box,
            self.room_combo,
            self.capacity_spin,
            self.over_box,
            self.deadline_spin,
            self.deadline_time,
            self.organisation_combo,
            self.organiser_edit,
            self.audience_edit,
            self.note_edit,
            self.recurrence.freq_combo,
            *self.recurrence.weekday_boxes,
            self.recurrence.count_radio,
            self.recurrence.count_spin,
            self.recurrence.until_radio,
            self.recurrence.until_edit,
            self.override_edit,
            self.skip_button,
            self.back_button,
            self.save_button,
            self.preview_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.resize(style.dialog_width(self, 58), fitting_height(self, self.sizeHint().height()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            # Sized once its fields are filled: as tall as they need, up to the screen's height.
            self._sized = True
            self.resize(
                max(self.width(), style.dialog_width(self, 58)),
                max(self.height(), fitting_height(self, self.sizeHint().height())),
            )

    def _row(self, grid: QGridLayout, label: str, widget: QWidget, fields: list[str]) -> QLabel:
        messages = [self._message(field) for field in fields]
        height = self.organiser_edit.sizeHint().height()
        caption, self._rows = add_row(grid, self._rows, label, widget, messages, height)
        self._captions.append(caption)
        return caption

    # --- reading -----------------------------------------------------------------------------

    def _read(self, call: Callable[[Session, Actor], T]) -> T:
        return self._context.run(call, write=False, status=self.status)

    def is_admin(self) -> bool:
        return self._context.actor.role == Role.ADMIN

    def _item(self, item_id: int | None) -> ItemEntry | None:
        for series in self._tree:
            for item in series.items:
                if item.id == item_id:
                    return item
        return None

    # --- starting ----------------------------------------------------------------------------

    def start_new(self, *, item_id: int | None = None, day: dt.date | None = None) -> None:
        """An empty session (or plan) of `item_id` on `day` (default: tomorrow), 14:00."""
        self._session_id, self._detail = None, None
        self.heading.setText(self.tr("New session"))
        self.setWindowTitle(self.tr("New session"))
        first = day or clock.today() + dt.timedelta(days=1)
        starts_at = dt.datetime.combine(first, DEFAULT_START)
        self._loading = True
        self.item_combo.setCurrentIndex(-1)
        self._loading = False
        self._set_times(starts_at, starts_at + dt.timedelta(minutes=DEFAULT_MINUTES))
        if item_id is not None:
            self.set_item(item_id)
        self.recurrence.set_recurrence(None, first)
        self.recurrence.setVisible(True)
        self.repeat_caption.setVisible(True)
        self._reset_answers()
        self._update_state()
        self.item_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def load(self, session_id: int) -> bool:
        """An existing session as on file now; False (said) when it can't be read."""
        try:
            detail = self._read(
                lambda session, actor: reads.get_session(session, actor, session_id)
            )
        except DomainError:
            return False
        self._session_id, self._detail = session_id, detail
        row = detail.row
        self._loading = True
        self.item_combo.setCurrentIndex(max(self.item_combo.findData(row.item_id), 0))
        if self.item_combo.findData(row.item_id) < 0:  # an item taken off the menu since
            self.item_combo.addItem(row.item, row.item_id)
            self.item_combo.setCurrentIndex(self.item_combo.count() - 1)
        self._loading = False
        self._set_times(row.starts_at, row.ends_at)
        if row.room_id is not None:
            self.set_room(row.room_id)
        self.capacity_spin.setValue(row.capacity)
        self.over_box.setChecked(
            detail.room_capacity is not None and row.capacity > detail.room_capacity
        )
        deadline = detail.signup_deadline
        if deadline is None or deadline >= row.starts_at:
            self.deadline_spin.setValue(NO_DEADLINE)
        else:
            self.deadline_spin.setValue((row.starts_at.date() - deadline.date()).days)
            self.deadline_time.set_time(deadline.time())
        self._select_organisation(detail.organisation_id)
        self.organiser_edit.setText(row.organiser)
        self.audience_edit.setText(row.audience)
        self.note_edit.setText(detail.note)
        self.recurrence.set_recurrence(None, row.starts_at.date())
        self.recurrence.setVisible(False)  # one session of a plan changes on its own
        self.repeat_caption.setVisible(False)
        title = self.tr("Session: %1, %2").replace("%1", row.item)
        title = title.replace("%2", labels.format_when(row.starts_at, row.ends_at))
        self.heading.setText(title)
        self.setWindowTitle(self.tr("Change a session"))
        self._reset_answers()
        self._update_state()
        return True

    def _reset_answers(self) -> None:
        self._fields.clear()
        self.status.clear_message()
        self._preview = None
        self._promoted = []
        self.report.setVisible(False)
        self.promoted_label.setVisible(False)
        self.past_box.setChecked(False)
        self.past_box.setVisible(False)
        self.override_edit.clear()
        self._show_override(False)

    def _update_state(self) -> None:
        detail = self._detail
        signed_up = detail is not None and (detail.row.taken or detail.row.waiting)
        self.item_combo.setEnabled(not signed_up)
        self.item_combo.setToolTip(
            self.tr("People have signed up: the activity can't change.") if signed_up else ""
        )
        cancelled = detail is not None and detail.row.status is SessionStatus.CANCELLED
        self.save_button.setEnabled(not cancelled)
        if cancelled:
            self.status.show_error(
                self.tr("This session is cancelled: %1").replace(
                    "%1", detail.cancelled_reason if detail else ""
                )
            )
        self.plan_hint.setVisible(detail is not None and detail.plan_id is not None)
        self._update_repeat()
        self.on_deadline_changed(self.deadline_spin.value())
        self.on_capacity_inputs_changed()

    def _set_times(self, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
        self._length = max(ends_at - starts_at, dt.timedelta(minutes=15))
        for widget in (self.date_field, self.start_edit, self.end_edit):
            widget.blockSignals(True)
        self.date_field.set_date(starts_at.date())
        self.start_edit.set_time(starts_at.time())
        self.end_edit.set_time(ends_at.time())
        if self.deadline_time.time() is None or self._session_id is None:
            self.deadline_time.set_time(starts_at.time())
        for widget in (self.date_field, self.start_edit, self.end_edit):
            widget.blockSignals(False)
        self.recurrence.set_first_day(starts_at.date())
        self._changed()

    # --- the small API the desk and the tests use --------------------------------------------

    def session_id(self) -> int | None:
        return self._session_id

    def set_item(self, item_id: int) -> bool:
        """Choose the activity; its defaults (places, length, provider, audience) fill in."""
        index = self.item_combo.findData(item_id)
        if index >= 0:
            self.item_combo.setCurrentIndex(index)
        return index >= 0

    def item_id(self) -> int | None:
        data = self.item_combo.currentData()
        return int(data) if data is not None else None

    def set_times(self, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
        self._set_times(starts_at, ends_at)

    def set_room(self, room_id: int) -> bool:
        index = self.room_combo.findData(room_id)
        if index >= 0:
            self.room_combo.setCurrentIndex(index)
        return index >= 0

    def set_capacity(self, places: int, *, confirm_over: bool = False) -> None:
        self.capacity_spin.setValue(places)
        self.over_box.setChecked(confirm_over)

    def set_deadline_days(self, days: int | None) -> None:
        self.deadline_spin.setValue(NO_DEADLINE if days is None else days)

    def set_recurrence(self, recurrence: Recurrence | None) -> None:
        first = self.date_field.date() or clock.today()
        if recurrence is not None and recurrence.freq is Frequency.WEEKLY:
            # As choosing 每周 in the box does: the first day's weekday is ticked.
            recurrence = replace(recurrence, weekdays=recurrence.weekdays or (first.weekday(),))
        self.recurrence.set_recurrence(recurrence, first)
        self.on_recurrence_changed()

    def room(self) -> RoomColumn | None:
        room_id = self.room_combo.currentData()
        return next((room for room in self._rooms if room.id == room_id), None)

    def starts_at(self) -> dt.datetime | None:
        day, time = self.date_field.date(), self.start_edit.time()
        return dt.datetime.combine(day, time) if day and time else None

    def ends_at(self) -> dt.datetime | None:
        day, time = self.date_field.date(), self.end_edit.time()
        return dt.datetime.combine(day, time) if day and time else None

    def organisation_id(self) -> int | None:
        data = self.organisation_combo.currentData()
        return int(data) if data is not None else None

    def _select_organisation(self, organisation_id: int | None) -> None:
        index = self.organisation_combo.findData(organisation_id)
        self.organisation_combo.setCurrentIndex(max(index, 0))

    def repeating(self) -> bool:
        return self._session_id is None and self.recurrence.recurrence() is not None

    def _deadline(self, starts_at: dt.datetime) -> dt.datetime | None:
        days = self.deadline_spin.value()
        if days == NO_DEADLINE:
            return None
        time = self.deadline_time.time() or starts_at.time()
        return dt.datetime.combine(starts_at.date() - dt.timedelta(days=days), time)

    def values(self) -> SessionInput:
        """One session, as the fields say (call `_check` first: times must be readable)."""
        starts_at, ends_at = self.starts_at(), self.ends_at()
        assert starts_at is not None and ends_at is not None
        room_id = self.room_combo.currentData()
        return SessionInput(
            item_id=self.item_id() or 0,
            room_id=int(room_id) if room_id is not None else 0,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=self.capacity_spin.value(),
            signup_deadline=self._deadline(starts_at),
            organisation_id=self.organisation_id(),
            organiser=self.organiser_edit.text().strip(),
            audience=self.audience_edit.text().strip(),
            note=self.note_edit.text().strip(),
            allow_over_capacity=self.over_box.isChecked(),
            override_reason=self.override_edit.text().strip() if self.is_admin() else "",
            allow_past=self.past_box.isChecked(),
        )

    def plan_values(self) -> PlanInput:
        one = self.values()
        recurrence = self.recurrence.recurrence()
        assert recurrence is not None
        days = self.deadline_spin.value()
        return PlanInput(
            item_id=one.item_id,
            room_id=one.room_id,
            first_day=one.starts_at.date(),
            start_time=one.starts_at.time(),
            end_time=one.ends_at.time(),
            recurrence=recurrence,
            capacity=one.capacity,
            deadline_days=None if days == NO_DEADLINE else days,
            organisation_id=one.organisation_id,
            organiser=one.organiser,
            audience=one.audience,
            note=one.note,
            allow_over_capacity=one.allow_over_capacity,
        )

    def message(self, field: str) -> str:
        return self._fields.text(_FIELD_ALIASES.get(field, field))

    def messages(self) -> dict[str, str]:
        names = (
            "item_id", "starts_at", "ends_at", "room_id", "capacity", "signup_deadline",
            "organisation_id", "organiser", "audience", "note", "recurrence", "override_reason",
        )  # fmt: skip
        return {name: text for name in names if (text := self._fields.text(name))}

    def capacity_warning_text(self) -> str:
        return self.capacity_warning.accessibleName() if self.over_box.isVisibleTo(self) else ""

    def free_rooms_text(self) -> str:
        return self.free_rooms_label.accessibleName()

    def showing_report(self) -> bool:
        return not self.report.isHidden()

    def report_lines(self) -> list[str]:
        """The dates left out, as a person reads them: date, time, why."""
        return self.report.line_texts()

    def dates_text(self) -> str:
        return self.dates_label.accessibleName()

    def promoted(self) -> list[Promoted]:
        return list(self._promoted)

    def promoted_text(self) -> str:
        return self.promoted_label.accessibleName() if not self.promoted_label.isHidden() else ""

    # --- checks in the form ------------------------------------------------------------------

    def _show(self, field: str, text: str) -> None:
        field = _FIELD_ALIASES.get(field, field)
        if not self._fields.set(field, text):
            self.status.show_error(text)
            return
        widget = self._fields.widget(field)
        if widget is not None:
            self.fields_scroll.ensureWidgetVisible(widget)

    def _check(self) -> bool:
        """What the form can say before asking the service; False when something was said."""
        if self.item_id() is None:
            self._show("item_id", self.tr("Choose the activity from the menu."))
            return False
        if self.date_field.date() is None:
            self._show("starts_at", self.tr("Type the date like 2026-12-02, or pick it."))
            return False
        for field, edit in (("starts_at", self.start_edit), ("ends_at", self.end_edit)):
            if edit.time() is None:
                self._show(field, self.tr("Type the time like 14:00, or pick it from the list."))
                return False
        starts_at, ends_at = self.starts_at(), self.ends_at()
        assert starts_at is not None and ends_at is not None
        if ends_at <= starts_at:
            self._show("ends_at", self.tr("The end must be after the start."))
            return False
        if self.room() is None:
            self._show("room_id", self.tr("Choose the room."))
            return False
        if self.deadline_spin.value() != NO_DEADLINE and self.deadline_time.time() is None:
            self._show(
                "signup_deadline", self.tr("Type the time like 17:00, or pick it from the list.")
            )
            return False
        detail = self._detail
        moved = detail is None or (starts_at, ends_at) != (detail.row.starts_at, detail.row.ends_at)
        if moved and starts_at < clock.now() and not self.past_box.isChecked():
            self.past_box.setVisible(True)
            self._show(
                "starts_at",
                self.tr(
                    "This time is already past. To record the session anyway, tick the box below "
                    "and save again."
                ),
            )
            return False
        return True

    def _show_override(self, shown: bool) -> None:
        shown = shown and self.is_admin()
        self.override_label.setVisible(shown)
        self.override_edit.setVisible(shown)

    def _refused(self, error: DomainError, not_done: str) -> None:
        """Say a service's refusal where it belongs."""
        if isinstance(error, BookingConflict):
            self._show("starts_at", error.message)
        elif isinstance(error, ValidationError):
            if error.field == "starts_at":
                self._show_override(True)  # a closed day: an admin may give a reason
            self._show(error.field, error.message)
        else:
            self.status.show_error(not_done.replace("%1", error.message))

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> list[int] | None:
        """Write the session (or the plan, or the change); the session ids written, or None with
        the reason said beside its field, or the plan's report shown."""
        self._fields.clear()
        self.status.clear_message()
        self.report.setVisible(False)
        self.promoted_label.setVisible(False)
        self._preview = None
        if not self._check():
            return None
        if self._session_id is not None:
            return self._update()
        if self.repeating():
            preview = self.preview()
            if preview is None:
                return None
            if preview.problems:
                return None  # the report asks: skip those dates, or go back
            return self._write_plan(())
        data = self.values()
        try:
            created = self._context.run(
                lambda session, actor: create_session(session, actor, data), write=True
            )
        except DomainError as error:
            self._refused(error, self.tr("Not saved: %1"))
            return None
        return self._done([created.session_id])

    def preview(self) -> PlanPreview | None:
        """A plan's dates and what stands in their way, shown below the fields; nothing is
        written. None (said) when the plan can't be made as it is."""
        self._fields.clear()
        self.status.clear_message()
        if not self._check():
            return None
        if not self.repeating():
            self._show("recurrence", self.tr("Choose how the session repeats to see its dates."))
            return None
        data = self.plan_values()
        try:
            preview = self._context.run(
                lambda session, actor: preview_plan(session, actor, data), write=False
            )
        except DomainError as error:
            self._refused(error, self.tr("No dates: %1"))
            return None
        self._show_report(data, preview)
        return preview

    def _show_report(self, data: PlanInput, preview: PlanPreview) -> None:
        self._preview = (data, preview)
        booked = preview.bookable
        closed, clashing = len(preview.closed), len(preview.clash_dates)
        colour = style.ERROR_COLOUR
        if not preview.problems:
            text = self.tr("All %1 dates are free: save to plan them.")
            colour = style.ACCENT_COLOUR
        elif not clashing:
            text = self.tr(
                "%1 dates in all: %2 fall on closed days (listed below) and are left out. Save "
                "to plan the other %4, or go back and change."
            )
        elif not closed:
            text = self.tr(
                "%1 dates in all: %3 clash with other bookings (listed below). Skip them and "
                "plan the other %4, or go back and change."
            )
        else:
            text = self.tr(
                "%1 dates in all: %2 fall on closed days and %3 clash with other bookings "
                "(listed below). Skip them and plan the other %4, or go back and change."
            )
        text = (
            text.replace("%1", str(len(preview.dates)))
            .replace("%2", str(closed))
            .replace("%3", str(clashing))
            .replace("%4", str(len(booked)))
        )
        words = self.tr("Sessions on: %1").replace(
            "%1", self.tr(", ").join(labels.format_day(day) for day in booked) or "—"
        )
        self.dates_label.setText(style.paragraph_html(words))
        self.dates_label.setAccessibleName(words)
        problems = bool(preview.problems)
        self.report.show_problems(
            preview.problems, text, can_skip=problems and bool(booked), colour=colour
        )
        self.report_view.setVisible(problems)
        self.back_button.setVisible(problems)
        target = self.skip_button if self.skip_button.isVisibleTo(self) else self.save_button
        QTimer.singleShot(0, self, lambda: self.fields_scroll.ensureWidgetVisible(self.report))
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def skip_and_save(self) -> list[int] | None:
        """Plan the sessions without the dates the report listed."""
        if self._preview is None:
            return None
        _data, preview = self._preview
        return self._write_plan(tuple(preview.clash_dates))

    def go_back(self) -> None:
        self._preview = None
        self.report.setVisible(False)
        self.status.show_info(self.tr("Nothing was planned. Change the plan and save again."))
        self.date_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _write_plan(self, skip: tuple[dt.date, ...]) -> list[int] | None:
        data = self._preview[0] if self._preview is not None else self.plan_values()
        try:
            created = self._context.run(
                lambda session, actor: create_plan(session, actor, data, skip=skip), write=True
            )
        except DomainError as error:
            self.report.setVisible(False)
            self._refused(error, self.tr("Not saved: %1"))
            return None
        return self._done(list(created.session_ids))

    def _update(self) -> list[int] | None:
        session_id = self._session_id
        assert session_id is not None
        data = self.values()
        try:
            updated = self._context.run(
                lambda session, actor: update_session(session, actor, session_id, data),
                write=True,
            )
        except DomainError as error:
            self._refused(error, self.tr("Not saved: %1"))
            return None
        self._promoted = list(updated.promoted)
        if not self._promoted:
            return self._done([session_id])
        # Stay open: the people who moved up are to be told.
        people = self.tr(", ").join(f"{p.name} {p.phone}" for p in self._promoted)
        text = self.tr("Saved. Moved up from the waitlist (please tell them): %1").replace(
            "%1", people
        )
        self.promoted_label.setText(style.paragraph_html(text, colour=style.ACCENT_COLOUR))
        self.promoted_label.setAccessibleName(text)
        self.promoted_label.setVisible(True)
        self.saved.emit([session_id])
        self.load(session_id)
        self._promoted = list(updated.promoted)
        self.promoted_label.setVisible(True)
        return [session_id]

    def _done(self, ids: list[int]) -> list[int]:
        self.saved.emit(ids)
        self.accept()
        return ids

    # --- slots -------------------------------------------------------------------------------

    def on_save_clicked(self) -> None:
        self.save()

    def on_preview_clicked(self) -> None:
        self.preview()

    def on_skip_clicked(self) -> None:
        self.skip_and_save()

    def on_back_clicked(self) -> None:
        self.go_back()

    def on_item_changed(self, _index: int) -> None:
        """A chosen activity brings its defaults (not while a session is loaded)."""
        item = self._item(self.item_id())
        if self._loading or item is None:
            self._changed()
            return
        if item.default_capacity:
            self.capacity_spin.setValue(item.default_capacity)
        if item.default_minutes:
            self._length = dt.timedelta(minutes=item.default_minutes)
            self.on_start_changed()
        self._select_organisation(item.organisation_id)
        self.audience_edit.setText(item.audience)
        self._changed()

    def on_date_changed(self) -> None:
        day = self.date_field.date()
        if day is not None:
            self.recurrence.set_first_day(day)
        self._changed()

    def on_start_changed(self) -> None:
        # The end keeps the session's length, as a calendar does.
        starts_at = self.starts_at()
        if starts_at is not None:
            end = starts_at + self._length
            if end.date() == starts_at.date():
                self.end_edit.blockSignals(True)
                self.end_edit.set_time(end.time())
                self.end_edit.blockSignals(False)
        self._changed()

    def on_end_changed(self) -> None:
        starts_at, ends_at = self.starts_at(), self.ends_at()
        if starts_at is not None and ends_at is not None and ends_at > starts_at:
            self._length = ends_at - starts_at
        self._changed()

    def on_deadline_changed(self, days: int) -> None:
        # A plan's signups close at each session's start time; one session's at a chosen time.
        timed = days != NO_DEADLINE and not self.repeating()
        self.deadline_time.setVisible(timed)
        self.deadline_at_label.setVisible(timed)
        self._changed()

    def on_recurrence_changed(self) -> None:
        self._update_repeat()
        self.on_deadline_changed(self.deadline_spin.value())

    def _update_repeat(self) -> None:
        repeating = self.repeating()
        self.preview_button.setVisible(repeating)

    def _changed(self) -> None:
        """A change after the report was shown makes it stale; the free rooms follow."""
        if self._preview is not None:
            self._preview = None
            self.report.setVisible(False)
        self._free_timer.start()

    def on_capacity_inputs_changed(self, *_args: object) -> None:
        room = self.room()
        wanted = self.capacity_spin.value()
        over = room is not None and wanted > room.capacity
        self.over_box.setVisible(over)
        self.capacity_warning.setVisible(over)
        if not over or room is None:
            self.capacity_warning.setAccessibleName("")
        else:
            text = (
                (
                    self.tr("⚠ %1 places, more than the %2 seats of %3: confirmed.")
                    if self.over_box.isChecked()
                    else self.tr(
                        "⚠ %1 places, more than the %2 seats of %3. Tick 确认超出 to keep them."
                    )
                )
                .replace("%1", str(wanted))
                .replace("%2", str(room.capacity))
                .replace("%3", room.name)
            )
            self.capacity_warning.setText(style.paragraph_html(text, colour=style.ERROR_COLOUR))
            self.capacity_warning.setAccessibleName(text)
        self._changed()

    def on_free_timer(self) -> None:
        self.update_free_rooms()

    def update_free_rooms(self) -> None:
        """Name the rooms free and big enough for the time asked (the first date of a plan)."""
        starts_at, ends_at = self.starts_at(), self.ends_at()
        if starts_at is None or ends_at is None or ends_at <= starts_at:
            self._set_free_rooms("")
            return
        places = self.capacity_spin.value()
        try:
            free = self._context.run(
                lambda session, actor: rooms_service.free_rooms(
                    session, actor, starts_at, ends_at, places
                ),
                write=False,
            )
        except DomainError:
            self._set_free_rooms("")
            return
        names = self.tr(", ").join(
            self.tr("%1 (%2 seats)").replace("%1", room.name).replace("%2", str(room.capacity))
            for room in free
        )
        if names:
            text = self.tr("Free then and big enough: %1").replace("%1", names)
        else:
            text = self.tr("No room is free then for so many people.")
        self._set_free_rooms(text)

    def _set_free_rooms(self, text: str) -> None:
        self.free_rooms_label.setText(style.paragraph_html(text, colour=style.MUTED_COLOUR))
        self.free_rooms_label.setAccessibleName(text)
        self.free_rooms_label.setVisible(bool(text))
