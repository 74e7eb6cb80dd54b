"""待审批: the bookings requested at the front desk or for residents and organisations, waiting
for staff to approve them, or to reject them with a reason the booker is told."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.security import Permission
from app.services.rooms import booking
from app.services.rooms.booking import Scope
from app.services.rooms.views import BookingBlock
from ui import style
from ui.context import DeskContext
from ui.errors import FieldMessage, StatusLine
from ui.reception.widgets import section_heading
from ui.rooms.models import PendingModel
from ui.widgets import button


class PendingPanel(QWidget):
    """The list of pending bookings; staff approve the chosen one or reject it with a reason."""

    changed = Signal(str)  # a booking was approved or rejected: what, in words
    open_requested = Signal(int)  # booking id: show it in the editor

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rooms.pending")
        self._context = context
        self.model = PendingModel(self)
        self.heading = section_heading(self.tr("Awaiting approval"), self)
        self.view = QTableView(self)
        self.view.setObjectName("rooms.pending.list")
        self.view.setAccessibleName(self.tr("Bookings awaiting approval"))
        style.configure_table(self.view)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(True)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_rows()
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        self.empty_label = QLabel(self.tr("No booking is waiting for approval."), self)
        self.empty_label.setObjectName("rooms.pending.empty")
        self.empty_label.setWordWrap(True)
        self.approve_button = button(self.tr("Approve"), "rooms.pending.approve", self)
        style.make_primary(self.approve_button)
        self.approve_button.clicked.connect(self.on_approve_clicked)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("rooms.pending.reason")
        self.reason_edit.setAccessibleName(self.tr("Why it is rejected"))
        self.reason_edit.setPlaceholderText(self.tr("Reason for rejecting (required)"))
        self.reason_edit.returnPressed.connect(self.on_reject_clicked)
        self.reject_button = button(self.tr("Reject"), "rooms.pending.reject", self)
        self.reject_button.clicked.connect(self.on_reject_clicked)
        self.reason_message = FieldMessage("rooms.pending.reason.message", self)
        self.open_button = button(self.tr("Open…"), "rooms.pending.open", self)
        self.open_button.setAccessibleName(self.tr("Open the booking"))
        self.open_button.clicked.connect(self.on_open_clicked)
        self.staff_hint = QLabel(
            self.tr("Only staff approve bookings; they see this list too."), self
        )
        self.staff_hint.setObjectName("rooms.pending.staffOnly")
        self.staff_hint.setWordWrap(True)
        self.status = StatusLine("rooms.pending.status", self)

        approve_row = QHBoxLayout()
        approve_row.addWidget(self.approve_button)
        approve_row.addWidget(self.open_button)
        approve_row.addStretch(1)
        reject_row = QHBoxLayout()
        reject_row.addWidget(self.reason_edit, 1)
        reject_row.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(approve_row)
        layout.addLayout(reject_row)
        layout.addWidget(self.reason_message)
        layout.addWidget(self.staff_hint)
        layout.addWidget(self.status)
        staff = context.actor.may(Permission.ROOMS)
        for widget in (self.approve_button, self.reason_edit, self.reject_button):
            widget.setVisible(staff)
        self.staff_hint.setVisible(not staff)
        self._update()

    def _fit_rows(self) -> None:
        """Three lines of text a row (update_table_metrics makes them one)."""
        style.update_table_metrics(self.view)
        row = round(self.view.fontMetrics().height() * (3 * style.LINE_SPACING + 0.3))
        self.view.verticalHeader().setMinimumSectionSize(row)
        self.view.verticalHeader().setDefaultSectionSize(row)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> int:
        """The pending bookings as on file now; how many."""
        keep = self.selected()
        try:
            rows = self._context.run(
                lambda session, actor: booking.pending(session, actor),
                write=False,
                status=self.status,
            )
        except DomainError:
            return self.model.rowCount()
        self.model.set_lines(rows)
        if (keep is None or not self.select(keep.id)) and rows:
            self.view.selectRow(0)  # Enter-ready: the soonest request is chosen
        self._update()
        return len(rows)

    def count(self) -> int:
        return self.model.rowCount()

    def selected(self) -> BookingBlock | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.line(rows[0].row()) if rows else None

    def select(self, booking_id: int) -> bool:
        row = self.model.row_of(booking_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        return True

    def titles(self) -> list[str]:
        return [block.title for block in self.model.lines()]

    # --- deciding -------------------------------------------------------------------------

    def approve(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            self.status.show_error(self.tr("Choose a booking in the list first."))
            return False
        try:
            self._context.run(
                lambda session, actor: booking.approve(session, actor, chosen.id, Scope.ALL),
                write=True,
            )
        except DomainError as error:
            self.status.show_error(self.tr("Not approved: %1").replace("%1", error.message))
            return False
        text = (
            self.tr("Approved: %1 (%2).").replace("%1", chosen.title).replace("%2", chosen.booker)
        )
        self.status.show_info(text)
        self.refresh()
        self.changed.emit(text)
        return True

    def reject(self, reason: str | None = None) -> bool:
        chosen = self.selected()
        if chosen is None:
            self.status.show_error(self.tr("Choose a booking in the list first."))
            return False
        if reason is not None:
            self.reason_edit.setText(reason)
        why = self.reason_edit.text().strip()
        self.reason_message.clear()
        if not why:
            self.reason_message.set_message(
                self.tr("Say why the request is rejected: the booker is told.")
            )
            self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            self._context.run(
                lambda session, actor: booking.reject(session, actor, chosen.id, why, Scope.ALL),
                write=True,
            )
        except ValidationError as error:
            self.reason_message.set_message(error.message)
            return False
        except DomainError as error:
            self.status.show_error(self.tr("Not rejected: %1").replace("%1", error.message))
            return False
        self.reason_edit.clear()
        text = (
            self.tr("Rejected: %1 (%2).").replace("%1", chosen.title).replace("%2", chosen.booker)
        )
        self.status.show_info(text)
        self.refresh()
        self.changed.emit(text)
        return True

    def reason_text(self) -> str:
        return self.reason_message.text()

    # --- slots ----------------------------------------------------------------------------

    def _update(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        chosen = self.selected()
        for widget in (self.approve_button, self.reject_button, self.open_button):
            widget.setEnabled(chosen is not None)

    def on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self.reason_message.clear()
        self._update()

    def on_approve_clicked(self) -> None:
        self.approve()

    def on_reject_clicked(self) -> None:
        self.reject()

    def on_open_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open_requested.emit(chosen.id)

    def on_view_double_clicked(self, _index: object) -> None:
        self.on_open_clicked()
