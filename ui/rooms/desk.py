"""活动室预约: the rooms' day or week calendar, and everything a booking needs around it.

The toolbar moves through the days (今天, 上一天/周, 下一天/周, a date), switches day and week,
shows all rooms or one, and opens the booking editor, "find a free room", the bookings awaiting
approval, the printed sheets and the .ics export. Dragging in the calendar creates, moves or
cancels a booking; what a drag needs to ask (which occurrences of a series, why cancelled) is
asked in a bar inside the desk, never in a dialog that blocks.

Every account may look at the calendar and request a booking (a desk volunteer's starts pending);
only staff see the approval buttons, and the service is what refuses.
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import ConflictError, DomainError
from app.security import Permission
from app.services.rooms import booking, days, views
from app.services.rooms.booking import BookingConflict, Scope
from app.services.rooms.views import BookingBlock, RoomColumn
from ui import labels, style
from ui.context import DeskContext
from ui.reception.widgets import DeskStatusLine
from ui.rooms.editor import BookingEditor, module_exists
from ui.rooms.free_room import FreeRoomDialog
from ui.rooms.models import BookingsModel, problem_text
from ui.rooms.pending import PendingPanel
from ui.rooms.recurrence_box import pydate, qdate
from ui.rooms.scope import ScopeChoice
from ui.table_export import export_button
from ui.widgets import button

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.security import Actor

PRINTING_MODULE = "ui.rooms.printing"
REFRESH_MS = 60_000  # other desks book rooms too

Hours = dict[tuple[int, dt.date], tuple[dt.time, dt.time] | None]


class Calendar(Protocol):
    """What the desk needs of the calendar widget (ui.rooms.calendar)."""

    create_requested: Any
    edit_requested: Any
    move_requested: Any
    cancel_requested: Any
    day_activated: Any

    def set_day(
        self,
        day: dt.date,
        rooms: list[RoomColumn],
        blocks: list[BookingBlock],
        hours: Hours,
        day_notes: dict[dt.date, str],
    ) -> None: ...

    def set_week(
        self,
        first_day: dt.date,
        rooms: list[RoomColumn],
        blocks: list[BookingBlock],
        hours: Hours,
        day_notes: dict[dt.date, str],
    ) -> None: ...


def make_calendar(parent: QWidget) -> QWidget:
    from ui.rooms.calendar import RoomsCalendar

    return RoomsCalendar(parent)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class DeskData:
    """What one refresh reads: rooms, bookings, hours and day notes of the days shown."""

    def __init__(
        self,
        rooms: list[RoomColumn],
        blocks: list[BookingBlock],
        hours: Hours,
        notes: dict[dt.date, str],
    ) -> None:
        self.rooms, self.blocks, self.hours, self.notes = rooms, blocks, hours, notes


def read_days(
    session: Session, actor: Actor, first: dt.date, last: dt.date, room_id: int | None
) -> DeskData:
    """The calendar's data for `first` … `last`, for every room or one."""
    rooms = views.rooms(session)
    if room_id is not None:
        rooms = [room for room in rooms if room.id == room_id]
    ids = [room.id for room in rooms] if room_id is not None else None
    blocks = views.blocks(session, actor, first, last, ids)
    opening = days.OpeningCalendar(session, first, last)
    span = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    hours: Hours = {(room.id, day): opening.hours(room.id, day) for room in rooms for day in span}
    notes = {}
    for day in span:
        status = opening.status(day)
        if status.kind != days.DayKind.ORDINARY:
            notes[day] = status.name
    return DeskData(rooms, blocks, hours, notes)


class QuestionBar(QFrame):
    """A question about a drag in the calendar (move or cancel): which occurrences, why; the
    desk goes on while it is asked."""

    confirmed = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rooms.question")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QLabel(self)
        self.text.setObjectName("rooms.question.text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.scope = ScopeChoice("rooms.question.scope", self.tr("For:"), self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("rooms.question.reason")
        self.reason_edit.setAccessibleName(self.tr("Why it is cancelled"))
        self.reason_edit.setPlaceholderText(self.tr("Why it is cancelled (optional)"))
        self.confirm_button = button("", "rooms.question.confirm", self)
        style.make_primary(self.confirm_button)
        self.confirm_button.setAutoDefault(True)
        self.confirm_button.clicked.connect(self.on_confirm_clicked)
        self.decline_button = button(self.tr("No (Esc)"), "rooms.question.decline", self)
        self.decline_button.setAccessibleName(self.tr("No"))
        self.decline_button.setAutoDefault(True)
        self.decline_button.clicked.connect(self.on_decline_clicked)
        row = QHBoxLayout()
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.confirm_button)
        row.addWidget(self.decline_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.scope)
        layout.addLayout(row)
        self.setVisible(False)

    def ask(self, question: str, confirm: str, *, series: bool, reason: bool) -> None:
        self.text.setText(f"<b>{style.paragraph_html(question)}</b>")
        self.text.setAccessibleName(question)
        self.setAccessibleName(question)
        self.confirm_button.setText(confirm)
        self.confirm_button.setAccessibleName(confirm)
        self.scope.setVisible(series)
        self.scope.set_scope(Scope.THIS)
        self.reason_edit.setVisible(reason)
        self.reason_edit.clear()
        self.setVisible(True)
        (self.reason_edit if reason else self.confirm_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def question(self) -> str:
        return self.text.accessibleName() if not self.isHidden() else ""

    def on_confirm_clicked(self) -> None:
        self.setVisible(False)
        self.confirmed.emit()

    def on_decline_clicked(self) -> None:
        self.setVisible(False)
        self.declined.emit()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.on_decline_clicked()
            event.accept()
            return
        super().keyPressEvent(event)


class RoomsDesk(QWidget):
    """The calendar in the middle, the toolbar above it, the approvals beside it."""

    def __init__(
        self,
        context: DeskContext,
        parent: QWidget | None = None,
        *,
        calendar_factory: Callable[[QWidget], QWidget] = make_calendar,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rooms")
        self._context = context
        self._day = clock.today()
        self._week = False
        self._rooms: list[RoomColumn] = []
        self._blocks: dict[int, BookingBlock] = {}
        self._heading = ""
        self._asked: tuple[str, int, tuple[Any, ...]] | None = None  # a drag being asked about
        self.editor: BookingEditor | None = None
        self.free_room: FreeRoomDialog | None = None

        # --- toolbar: days -----------------------------------------------------------------
        self.today_button = button(self.tr("Today"), "rooms.today", self)
        self.today_button.setToolTip("Ctrl+T")
        self.today_button.clicked.connect(self.on_today_clicked)
        self.previous_button = button("", "rooms.previous", self)
        self.previous_button.clicked.connect(self.on_previous_clicked)
        self.next_button = button("", "rooms.next", self)
        self.next_button.clicked.connect(self.on_next_clicked)
        self.date_edit = QDateEdit(qdate(self._day), self)
        self.date_edit.setObjectName("rooms.date")
        self.date_edit.setAccessibleName(self.tr("Date shown"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.dateChanged.connect(self.on_date_changed)
        self.day_button = button(self.tr("&Day"), "rooms.dayView", self)
        self.day_button.setAccessibleName(self.tr("Day view"))
        self.week_button = button(self.tr("&Week"), "rooms.weekView", self)
        self.week_button.setAccessibleName(self.tr("Week view"))
        self.view_group = QButtonGroup(self)
        for view_button in (self.day_button, self.week_button):
            view_button.setCheckable(True)
            self.view_group.addButton(view_button)
        self.day_button.setChecked(True)
        self.day_button.clicked.connect(self.on_day_view_clicked)
        self.week_button.clicked.connect(self.on_week_view_clicked)
        self.room_combo = QComboBox(self)
        self.room_combo.setObjectName("rooms.room")
        self.room_combo.setAccessibleName(self.tr("Rooms shown"))
        self.room_combo.addItem(self.tr("All rooms"), None)
        self.room_combo.currentIndexChanged.connect(self.on_room_changed)

        # --- toolbar: actions --------------------------------------------------------------
        self.new_button = button(self.tr("New booking"), "rooms.new", self)
        self.new_button.setToolTip("Ctrl+N")
        style.make_primary(self.new_button)
        self.new_button.clicked.connect(self.on_new_clicked)
        self.free_button = button(self.tr("Find a free room"), "rooms.findFree", self)
        self.free_button.setToolTip("Ctrl+F")
        self.free_button.clicked.connect(self.on_free_clicked)
        self.pending_button = button("", "rooms.pendingButton", self)
        self.pending_button.setCheckable(True)
        self.pending_button.toggled.connect(self.on_pending_toggled)
        self.print_button = button(self.tr("Print…"), "rooms.print", self)
        self.print_button.setToolTip("Ctrl+P")
        self.print_menu = QMenu(self.print_button)
        self.print_menu.setObjectName("rooms.printMenu")
        self.print_door_action = self.print_menu.addAction(
            self.tr("Door sheets of the day (a page a room)"), self.on_print_door_sheets
        )
        self.print_day_action = self.print_menu.addAction(
            self.tr("All rooms of the day in one table"), self.on_print_day_overview
        )
        self.print_week_action = self.print_menu.addAction(
            self.tr("The week's overview"), self.on_print_week
        )
        self.print_button.setMenu(self.print_menu)
        self.export_button = button(self.tr("Export calendar (.ics)…"), "rooms.exportIcs", self)
        self.export_button.clicked.connect(self.on_export_clicked)
        printing = module_exists(PRINTING_MODULE)
        for widget in (self.print_button, self.export_button):
            widget.setEnabled(printing)
            if not printing:
                widget.setToolTip(self.tr("Printing is not installed in this version."))
        if printing and not context.actor.may(Permission.ROOMS):
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(self.tr("Staff export the rooms' calendar."))

        # --- body --------------------------------------------------------------------------
        self.calendar = calendar_factory(self)
        self.calendar.setObjectName("rooms.calendar")
        calendar: Any = self.calendar
        calendar.create_requested.connect(self.on_calendar_create_requested)
        calendar.edit_requested.connect(self.on_calendar_edit_requested)
        calendar.move_requested.connect(self.on_calendar_move_requested)
        calendar.cancel_requested.connect(self.on_calendar_cancel_requested)
        calendar.day_activated.connect(self.on_calendar_day_activated)
        if hasattr(calendar, "refused"):
            calendar.refused.connect(self.on_calendar_refused)
        if hasattr(calendar, "set_moves_allowed"):
            # A desk volunteer's account asks for new bookings; moving is for staff.
            calendar.set_moves_allowed(context.actor.may(Permission.ROOMS))
        self.pending_panel = PendingPanel(context, self)
        self.pending_panel.changed.connect(self.on_pending_changed)
        self.pending_panel.open_requested.connect(self.on_calendar_edit_requested)
        self.pending_panel.setVisible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("rooms.splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.calendar)
        self.splitter.addWidget(self.pending_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.question = QuestionBar(self)
        self.question.confirmed.connect(self.on_question_confirmed)
        self.question.declined.connect(self.on_question_declined)
        self.status = DeskStatusLine("rooms.status", self)
        self.bookings_model = BookingsModel(self)  # the days shown, for 导出 Excel
        self.excel_button = export_button(
            self,
            context,
            self.bookings_model,
            self._bookings_title,
            name="rooms.bookings",
            status=self.status,
        )

        days_row = QHBoxLayout()
        navigation: tuple[QWidget, ...] = (
            self.today_button,
            self.previous_button,
            self.next_button,
            self.date_edit,
            self.day_button,
            self.week_button,
            self.room_combo,
        )
        for part in navigation:
            days_row.addWidget(part)
        days_row.addStretch(1)
        actions_row = QHBoxLayout()
        for action in (
            self.new_button,
            self.free_button,
            self.pending_button,
            self.print_button,
            self.export_button,
            self.excel_button,
        ):
            actions_row.addWidget(action)
        actions_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(days_row)
        layout.addLayout(actions_row)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.question)
        layout.addWidget(self.status)
        order: list[QWidget] = [
            self.today_button,
            self.previous_button,
            self.next_button,
            self.date_edit,
            self.day_button,
            self.week_button,
            self.room_combo,
            self.new_button,
            self.free_button,
            self.pending_button,
            self.print_button,
            self.export_button,
            self.excel_button,
            self.calendar,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.calendar)

        self._shortcuts()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.on_refresh_timer_timeout)
        self._update_step_texts()
        self._update_pending_button(0)

    def _shortcuts(self) -> None:
        def add(sequence: str, slot: Callable[[], object]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        add("Ctrl+T", self.go_today)
        add("Ctrl+PgUp", self.go_previous)
        add("Ctrl+PgDown", self.go_next)
        add("Ctrl+N", self.on_new_clicked)
        add("Ctrl+F", self.on_free_clicked)
        add("Ctrl+P", self.on_print_clicked)
        add("Ctrl+G", self.focus_date)

    # --- what is shown -----------------------------------------------------------------------

    def day(self) -> dt.date:
        return self._day

    def is_week(self) -> bool:
        return self._week

    def _bookings_title(self) -> str:
        """活动室预约 2026-11-23 至 2026-11-29 (one day: 活动室预约 2026-11-25), with the room."""
        first, last = self.shown_days()
        days = (
            first.isoformat()
            if first == last
            else self.tr("%1 to %2")
            .replace("%1", first.isoformat())
            .replace("%2", last.isoformat())
        )
        title = self.tr("Room bookings %1").replace("%1", days)
        if self.room_id() is not None:
            title = f"{title} {self.room_combo.currentText()}"
        return title

    def shown_days(self) -> tuple[dt.date, dt.date]:
        if self._week:
            first = monday_of(self._day)
            return first, first + dt.timedelta(days=6)
        return self._day, self._day

    def room_id(self) -> int | None:
        data = self.room_combo.currentData()
        return int(data) if data is not None else None

    def go_to(self, day: dt.date) -> None:
        self._day = day
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(qdate(day))
        self.date_edit.blockSignals(False)
        self.refresh()

    def go_today(self) -> None:
        self.go_to(clock.today())

    def go_previous(self) -> None:
        self.go_to(self._day - dt.timedelta(days=7 if self._week else 1))

    def go_next(self) -> None:
        self.go_to(self._day + dt.timedelta(days=7 if self._week else 1))

    def set_week_view(self, week: bool) -> None:
        self._week = week
        (self.week_button if week else self.day_button).setChecked(True)
        self._update_step_texts()
        self.refresh()

    def select_room(self, room_id: int | None) -> None:
        self.room_combo.setCurrentIndex(max(self.room_combo.findData(room_id), 0))

    def focus_calendar(self) -> None:
        editing = self.editor is not None and self.editor.isVisible()
        if self.isVisible() and not editing:
            self.calendar.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_date(self) -> None:
        self.date_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _update_step_texts(self) -> None:
        if self._week:
            previous, following = self.tr("◀ Previous week"), self.tr("Next week ▶")
        else:
            previous, following = self.tr("◀ Previous day"), self.tr("Next day ▶")
        self.previous_button.setText(previous)
        self.previous_button.setAccessibleName(previous.strip("◀▶ "))
        self.previous_button.setToolTip("Ctrl+PgUp")
        self.next_button.setText(following)
        self.next_button.setAccessibleName(following.strip("◀▶ "))
        self.next_button.setToolTip("Ctrl+PgDown")

    def _update_pending_button(self, count: int) -> None:
        text = self.tr("Awaiting approval (%1)").replace("%1", str(count))
        self.pending_button.setText(text)
        self.pending_button.setAccessibleName(text)

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """The days shown, as on file now, pushed into the calendar."""
        first, last = self.shown_days()
        room_id = self.room_id()
        try:
            data = self._context.run(
                lambda session, actor: read_days(session, actor, first, last, room_id),
                write=False,
                status=self.status,
            )
        except DomainError:
            return
        self._blocks = {block.id: block for block in data.blocks}
        self.bookings_model.set_blocks(data.blocks)
        if room_id is None:
            self._fill_rooms(data.rooms)
        calendar: Any = self.calendar
        if self._week:
            calendar.set_week(first, data.rooms, data.blocks, data.hours, data.notes)
        else:
            calendar.set_day(first, data.rooms, data.blocks, data.hours, data.notes)
        self._update_heading(first, last, data.notes)
        self._update_pending_button(self.pending_panel.refresh())

    def _fill_rooms(self, rooms: list[RoomColumn]) -> None:
        if [room.id for room in rooms] == [room.id for room in self._rooms]:
            return
        self._rooms = rooms
        keep = self.room_id()
        self.room_combo.blockSignals(True)
        while self.room_combo.count() > 1:
            self.room_combo.removeItem(1)
        for room in rooms:
            self.room_combo.addItem(room.name, room.id)
        self.room_combo.setCurrentIndex(max(self.room_combo.findData(keep), 0))
        self.room_combo.blockSignals(False)

    def _update_heading(self, first: dt.date, last: dt.date, notes: dict[dt.date, str]) -> None:
        if first == last:
            text = labels.format_long_day(first)
            if first in notes:
                text += f" · {notes[first]}"
        else:
            text = (
                self.tr("Week %1 – %2")
                .replace("%1", labels.format_day(first))
                .replace("%2", labels.format_day(last))
            )
        # The calendar shows the days in its header; a screen reader hears them here too.
        self._heading = text
        self.setAccessibleDescription(text)

    def heading_text(self) -> str:
        """What is shown, in words: the day (and what it is), or the week."""
        return self._heading

    def blocks(self) -> list[BookingBlock]:
        return list(self._blocks.values())

    # --- the editor and the dialogs -----------------------------------------------------------

    def _editor(self) -> BookingEditor:
        if self.editor is not None:
            self.editor.close()
            self.editor.deleteLater()
        editor = BookingEditor(self._context, self, rooms=self._rooms or None)
        editor.changed.connect(self.on_editor_changed)
        self.editor = editor
        return editor

    def open_new(
        self,
        room_id: int | None = None,
        starts_at: dt.datetime | None = None,
        ends_at: dt.datetime | None = None,
        attendees: int | None = None,
    ) -> BookingEditor:
        """The booking editor for a new booking, prefilled (room, time, people)."""
        if room_id is None:
            room_id = self.room_id()
        if starts_at is None:
            now = clock.now()
            hour = dt.time(now.hour) if self._day == now.date() else dt.time(9)
            starts_at = dt.datetime.combine(self._day, hour) + (
                dt.timedelta(hours=1) if self._day == now.date() else dt.timedelta(0)
            )
        editor = self._editor()
        editor.start_new(room_id=room_id, starts_at=starts_at, ends_at=ends_at, attendees=attendees)
        editor.open()
        return editor

    def open_booking(self, booking_id: int) -> BookingEditor | None:
        editor = self._editor()
        if not editor.load(booking_id):
            self.status.show_error(editor.status.message())
            return None
        editor.open()
        return editor

    def open_free_room(self) -> FreeRoomDialog:
        if self.free_room is not None:
            self.free_room.close()
            self.free_room.deleteLater()
        dialog = FreeRoomDialog(self._context, self)
        dialog.date_edit.setDate(qdate(self._day))
        dialog.chosen.connect(self.on_free_room_chosen)
        self.free_room = dialog
        dialog.open()
        dialog.attendees_spin.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog

    def show_pending(self, shown: bool = True) -> None:
        self.pending_button.setChecked(shown)

    def show_booking(self, booking_id: int, day: dt.date) -> None:
        """Home's booking awaiting approval: its day, the booking under the cursor, the
        approvals beside it."""
        self.go_to(day)
        calendar: Any = self.calendar
        calendar.select_booking(booking_id)
        if self._context.actor.may(Permission.ROOMS):
            self.show_pending(True)
        self.calendar.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- drags in the calendar --------------------------------------------------------------

    def move_booking(
        self,
        booking_id: int,
        room_id: int,
        starts_at: dt.datetime,
        ends_at: dt.datetime,
        scope: Scope = Scope.THIS,
    ) -> bool:
        """Move a booking (and, as chosen, more of its series); the refusal said in words."""
        try:
            self._context.run(
                lambda session, actor: booking.move(
                    session, actor, booking_id, room_id, starts_at, ends_at, scope
                ),
                write=True,
            )
        except BookingConflict as error:
            details = "; ".join(
                problem_text(booking.OccurrenceProblem(c.starts_at, c.ends_at, c, None))
                for c in error.clashes[:3]
            )
            text = self.tr("The booking was not moved: %1").replace("%1", error.message)
            if details and details not in error.message:
                text += f" ({details})"
            self.status.show_error(text)
            self.refresh()
            return False
        except (ConflictError, DomainError) as error:
            self.status.show_error(
                self.tr("The booking was not moved: %1").replace("%1", error.message)
            )
            self.refresh()  # the block goes back where it was
            return False
        block = self._blocks.get(booking_id)
        title = block.title if block else ""
        room = next((r.name for r in self._rooms if r.id == room_id), "")
        self.status.show_info(
            self.tr("Moved: %1 to %2, %3.")
            .replace("%1", title)
            .replace("%2", room)
            .replace(
                "%3",
                f"{labels.format_day(starts_at.date())} "
                f"{labels.format_time_span(starts_at, ends_at)}",
            )
        )
        self.refresh()
        return True

    def cancel_booking(self, booking_id: int, scope: Scope = Scope.THIS, reason: str = "") -> bool:
        try:
            self._context.run(
                lambda session, actor: booking.cancel(session, actor, booking_id, scope, reason),
                write=True,
            )
        except DomainError as error:
            self.status.show_error(self.tr("Not cancelled: %1").replace("%1", error.message))
            return False
        block = self._blocks.get(booking_id)
        self.status.show_info(
            self.tr("Cancelled: %1.").replace("%1", block.title if block else str(booking_id))
        )
        self.refresh()
        return True

    def _in_series(self, booking_id: int) -> bool:
        block = self._blocks.get(booking_id)
        return block is not None and block.series_id is not None

    def _describe(self, booking_id: int) -> str:
        block = self._blocks.get(booking_id)
        if block is None:
            return ""
        return (
            f"{block.title} ({block.room}, {labels.format_day(block.starts_at.date())} "
            f"{labels.format_time_span(block.starts_at, block.ends_at)})"
        )

    def ask_move(
        self, booking_id: int, room_id: int, starts_at: dt.datetime, ends_at: dt.datetime
    ) -> bool:
        """A dragged block: moved at once, or (an occurrence of a series) asked which ones."""
        if not self._in_series(booking_id):
            return self.move_booking(booking_id, room_id, starts_at, ends_at)
        self._asked = ("move", booking_id, (room_id, starts_at, ends_at))
        room = next((r.name for r in self._rooms if r.id == room_id), "")
        self.question.ask(
            self.tr("Move %1 to %2, %3? It is one of a series: choose which to move.")
            .replace("%1", self._describe(booking_id))
            .replace("%2", room)
            .replace(
                "%3",
                f"{labels.format_day(starts_at.date())} "
                f"{labels.format_time_span(starts_at, ends_at)}",
            ),
            self.tr("Move"),
            series=True,
            reason=False,
        )
        return False

    def ask_cancel(self, booking_id: int) -> None:
        self._asked = ("cancel", booking_id, ())
        self.question.ask(
            self.tr("Cancel %1?").replace("%1", self._describe(booking_id)),
            self.tr("Cancel the booking"),
            series=self._in_series(booking_id),
            reason=True,
        )

    def question_text(self) -> str:
        return self.question.question()

    def confirm_question(self, scope: Scope | None = None, reason: str | None = None) -> bool:
        """Answer yes to the bar's question (with the scope and reason given, else chosen)."""
        asked, self._asked = self._asked, None
        if scope is not None:
            self.question.scope.set_scope(scope)
        if reason is not None:
            self.question.reason_edit.setText(reason)
        chosen = self.question.scope.scope() if not self.question.scope.isHidden() else Scope.THIS
        why = self.question.reason_edit.text().strip()
        self.question.setVisible(False)
        if asked is None:
            return False
        what, booking_id, args = asked
        if what == "move":
            room_id, starts_at, ends_at = args
            return self.move_booking(booking_id, room_id, starts_at, ends_at, chosen)
        return self.cancel_booking(booking_id, chosen, why)

    def decline_question(self) -> None:
        asked, self._asked = self._asked, None
        self.question.setVisible(False)
        if asked is not None and asked[0] == "move":
            self.refresh()  # the dragged block goes back
        self.status.show_info(self.tr("Nothing was changed."))

    # --- printing ---------------------------------------------------------------------------

    def _printing(self) -> Any:
        if not module_exists(PRINTING_MODULE):
            return None
        return importlib.import_module(PRINTING_MODULE)

    def print_shown(self) -> Any:
        """Ctrl+P: the week's overview in the week view, the day's door sheets in the day view."""
        return self.print_week() if self._week else self.print_door_sheets()

    def print_door_sheets(self) -> Any:
        printing = self._printing()
        if printing is None:
            return None
        return printing.show_day_sheets(self, self._context, self._day, self.room_id())

    def print_day_overview(self) -> Any:
        printing = self._printing()
        if printing is None:
            return None
        if hasattr(printing, "show_day_overview"):
            return printing.show_day_overview(self, self._context, self._day)
        return printing.show_day_sheets(self, self._context, self._day, None)

    def print_week(self) -> Any:
        printing = self._printing()
        if printing is None:
            return None
        return printing.show_week_overview(
            self, self._context, monday_of(self._day), self.room_id()
        )

    def export_ics(self) -> Any:
        printing = self._printing()
        if printing is None:
            return None
        return printing.export_ics(self, self._context, self.room_id())

    # --- slots ------------------------------------------------------------------------------

    def on_today_clicked(self) -> None:
        self.go_today()

    def on_previous_clicked(self) -> None:
        self.go_previous()

    def on_next_clicked(self) -> None:
        self.go_next()

    def on_date_changed(self, day: QDate) -> None:
        self._day = pydate(day)
        self.refresh()

    def on_day_view_clicked(self) -> None:
        self.set_week_view(False)

    def on_week_view_clicked(self) -> None:
        self.set_week_view(True)

    def on_room_changed(self, _index: int) -> None:
        self.refresh()

    def on_new_clicked(self) -> None:
        self.open_new()

    def on_free_clicked(self) -> None:
        self.open_free_room()

    def on_free_room_chosen(
        self, room_id: int, starts_at: dt.datetime, ends_at: dt.datetime, attendees: int
    ) -> None:
        self.open_new(room_id, starts_at, ends_at, attendees)

    def on_pending_toggled(self, shown: bool) -> None:
        self.pending_panel.setVisible(shown)
        if shown:
            # Hidden when the splitter was laid out, the panel had no width: give it its share.
            width = self.splitter.width()
            panel = min(max(self.fontMetrics().height() * 24, width * 2 // 5), width * 1 // 2)
            self.splitter.setSizes([width - panel, panel])
            self._update_pending_button(self.pending_panel.refresh())
            self.pending_panel.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_pending_changed(self, text: str) -> None:
        self.status.show_info(text)
        self.refresh()

    def on_print_clicked(self) -> None:
        self.print_shown()

    def on_print_door_sheets(self) -> None:
        self.print_door_sheets()

    def on_print_day_overview(self) -> None:
        self.print_day_overview()

    def on_print_week(self) -> None:
        self.print_week()

    def on_export_clicked(self) -> None:
        self.export_ics()

    def on_editor_changed(self, text: str) -> None:
        self.status.show_info(text)
        self.refresh()

    def on_calendar_create_requested(
        self, room_id: int, starts_at: dt.datetime, ends_at: dt.datetime
    ) -> None:
        self.open_new(room_id, starts_at, ends_at)

    def on_calendar_edit_requested(self, booking_id: int) -> None:
        self.open_booking(booking_id)

    def on_calendar_move_requested(
        self, booking_id: int, room_id: int, starts_at: dt.datetime, ends_at: dt.datetime
    ) -> None:
        self.ask_move(booking_id, room_id, starts_at, ends_at)

    def on_calendar_cancel_requested(self, booking_id: int) -> None:
        self.ask_cancel(booking_id)

    def on_calendar_day_activated(self, day: dt.date) -> None:
        self._week = False
        self.day_button.setChecked(True)
        self._update_step_texts()
        self.go_to(day)

    def on_calendar_refused(self, text: str) -> None:
        if text:
            self.status.show_error(text)

    def on_question_confirmed(self) -> None:
        self.confirm_question()

    def on_question_declined(self) -> None:
        self.decline_question()

    def on_refresh_timer_timeout(self) -> None:
        editing = self.editor is not None and self.editor.isVisible()
        if self.isVisible() and not editing:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()
            self.refresh_timer.start()
            # After the navigation has taken the focus for itself: the arrows move in the
            # calendar, Enter books the cell or opens the booking.
            QTimer.singleShot(0, self, self.focus_calendar)

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.refresh_timer.stop()
