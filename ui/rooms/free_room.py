"""查找空闲活动室: the time and the number of people first, then the rooms free and big enough;
choosing one opens the booking editor with all of it filled in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError, ValidationError
from app.services.rooms import booking
from app.services.rooms.views import RoomColumn
from ui import style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.rooms.models import FreeRoomsModel
from ui.rooms.recurrence_box import pydate, qdate
from ui.rooms.time_field import TimeField
from ui.widgets import button


class FreeRoomDialog(QDialog):
    """Date, from, to, people → the rooms free then; `chosen` hands one to the editor."""

    chosen = Signal(int, object, object, int)  # room id, starts_at, ends_at, attendees

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rooms.freeRoom")
        self.setWindowTitle(self.tr("Find a free room"))
        self._context = context
        self._fields = FieldMessages()
        self.model = FreeRoomsModel(self)
        now = clock.now()
        start = now.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)

        self.date_edit = QDateEdit(qdate(start.date()), self)
        self.date_edit.setObjectName("rooms.freeRoom.date")
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit = TimeField("rooms.freeRoom.start", self.tr("Starts at"), self)
        self.start_edit.set_time(start.time())
        self.end_edit = TimeField("rooms.freeRoom.end", self.tr("Ends at"), self)
        self.end_edit.set_time((start + dt.timedelta(hours=2)).time())
        self.attendees_spin = QSpinBox(self)
        self.attendees_spin.setObjectName("rooms.freeRoom.attendees")
        self.attendees_spin.setAccessibleName(self.tr("Number of people"))
        self.attendees_spin.setRange(1, 9999)
        self.attendees_spin.setValue(10)
        self.find_button = button(self.tr("Find free rooms"), "rooms.freeRoom.find", self)
        style.make_primary(self.find_button)
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.on_find_clicked)
        time_message = FieldMessage("rooms.freeRoom.time.message", self)
        attendees_message = FieldMessage("rooms.freeRoom.attendees.message", self)
        self._fields.add("starts_at", self.start_edit, time_message)
        self._fields.add("ends_at", self.end_edit, time_message)
        self._fields.add("attendees", self.attendees_spin, attendees_message)

        self.view = QTableView(self)
        self.view.setObjectName("rooms.freeRoom.rooms")
        self.view.setAccessibleName(self.tr("Free rooms"))
        style.configure_table(self.view)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        self.view.installEventFilter(self)  # Enter on a room books it
        self.result_label = QLabel(self)
        self.result_label.setObjectName("rooms.freeRoom.result")
        self.result_label.setWordWrap(True)
        self.book_button = button(self.tr("Book the chosen room…"), "rooms.freeRoom.book", self)
        style.make_primary(self.book_button)
        self.book_button.clicked.connect(self.on_book_clicked)
        self.book_button.setEnabled(False)
        self.close_button = button(self.tr("Close (Esc)"), "rooms.freeRoom.close", self)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.status = StatusLine("rooms.freeRoom.status", self)

        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.end_edit)
        times.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Time"), times)
        form.addRow("", time_message)
        form.addRow(self.tr("Number of people"), self.attendees_spin)
        form.addRow("", attendees_message)
        find_row = QHBoxLayout()
        find_row.addWidget(self.find_button)
        find_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.book_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(find_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.resize(style.dialog_width(self, 34), self.fontMetrics().height() * 26)

    # --- API ------------------------------------------------------------------------------

    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(
            pydate(self.date_edit.date()), self.start_edit.time() or dt.time()
        )

    def ends_at(self) -> dt.datetime:
        return dt.datetime.combine(pydate(self.date_edit.date()), self.end_edit.time() or dt.time())

    def find_rooms(self) -> list[RoomColumn]:
        """The rooms free for the time asked with seats for the people; shown in the list."""
        self._fields.clear()
        self.status.clear_message()
        for field, edit in (("starts_at", self.start_edit), ("ends_at", self.end_edit)):
            if edit.time() is None:
                self._fields.set(
                    field, self.tr("Type the time like 14:00, or pick it from the list.")
                )
                return []
        starts_at, ends_at = self.starts_at(), self.ends_at()
        attendees = self.attendees_spin.value()
        if ends_at <= starts_at:
            self._fields.set("ends_at", self.tr("The end must be after the start."))
            return []
        try:
            found = self._context.run(
                lambda session, actor: booking.free_rooms(
                    session, actor, starts_at, ends_at, attendees
                ),
                write=False,
            )
        except ValidationError as error:
            if not self._fields.show(error):
                self.status.show_error(error.message)
            return []
        except DomainError as error:
            self.status.show_error(error.message)
            return []
        self.model.set_lines(found)
        if found:
            text = (
                self.tr("%1 rooms are free then with seats for %2. Choose one and book it.")
                .replace("%1", str(len(found)))
                .replace("%2", str(attendees))
            )
            self.view.selectRow(0)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            text = self.tr(
                "No room is free then with seats for %1. Try another time or fewer people."
            ).replace("%1", str(attendees))
        self.result_label.setText(text)
        self.result_label.setAccessibleName(text)
        self.book_button.setEnabled(bool(found))
        return found

    def room_names(self) -> list[str]:
        return [room.name for room in self.model.lines()]

    def select_room(self, room_id: int) -> bool:
        for row, room in enumerate(self.model.lines()):
            if room.id == room_id:
                self.view.selectRow(row)
                return True
        return False

    def chosen_room(self) -> RoomColumn | None:
        index = self.view.currentIndex()
        return self.model.line(index.row()) if index.isValid() else None

    def book(self) -> bool:
        """Hand the chosen room and the time to the editor (`chosen`) and close."""
        room = self.chosen_room()
        if room is None:
            self.status.show_error(self.tr("Choose a room in the list first."))
            return False
        self.chosen.emit(room.id, self.starts_at(), self.ends_at(), self.attendees_spin.value())
        self.accept()
        return True

    # --- slots ----------------------------------------------------------------------------

    def on_find_clicked(self) -> None:
        self.find_rooms()

    def on_book_clicked(self) -> None:
        self.book()

    def on_view_double_clicked(self, _index: QModelIndex) -> None:
        self.book()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.book()
            return True
        return super().eventFilter(watched, event)

    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.book_button.setEnabled(current.isValid())
