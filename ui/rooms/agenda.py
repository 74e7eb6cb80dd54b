"""议程: a council meeting's agenda. Open 民生直通车 requests are put on it (提交议事), taken
off or moved up and down before the meeting; once it has begun, each item's outcome is recorded
and carried back to its request. The agenda and the minutes print through the PDF preview.

The dialog never blocks: the booking editor opens it with `AgendaDialog(context, booking_id,
parent).open()`, tests drive it through its methods (`add_request`, `move_selected`,
`record_outcome`, `preview` …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.choices import AgendaOutcome
from app.errors import DomainError, ValidationError
from app.security import Permission
from app.services.rooms import agenda
from app.services.rooms.agenda import AgendaLine, AgendaRequest, Meeting
from ui import labels, style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.pdf_preview import PdfPreviewDialog
from ui.rooms.agenda_models import (
    RAW_ROLE,
    SEARCH_ROLE,
    AgendaModel,
    OpenRequestsModel,
    one_line,
    outcome_text,
)
from ui.widgets import button

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.security import Actor


class AgendaDialog(QDialog):
    """The agenda of the council meeting `booking_id`."""

    changed = Signal()  # the agenda or an outcome was written

    def __init__(
        self, context: DeskContext, booking_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rooms.agenda")
        self._context = context
        self._booking_id = booking_id
        self._meeting: Meeting | None = None
        self._preview: PdfPreviewDialog | None = None
        self._fields = FieldMessages()
        self.setWindowTitle(self.tr("Agenda"))

        self.title_label = QLabel(self)
        self.title_label.setObjectName("rooms.agenda.title")
        self.title_label.setWordWrap(True)
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("rooms.agenda.facts")
        self.facts_label.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("rooms.agenda.state")
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.RichText)

        # --- the agenda ------------------------------------------------------------------
        self.model = AgendaModel(self)
        self.agenda_view = self._table("rooms.agenda.items", self.tr("The agenda"))
        self.agenda_view.setModel(self.model)
        style.fit_columns(self.agenda_view, stretch=AgendaModel.REQUEST)
        self.agenda_view.selectionModel().selectionChanged.connect(self.on_item_selected)
        self.empty_label = QLabel(self.tr("Nothing is on the agenda yet."), self)
        self.empty_label.setObjectName("rooms.agenda.empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("rooms.agenda.detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.up_button = button(self.tr("Move &up"), "rooms.agenda.up", self)
        self.up_button.clicked.connect(self.on_up_clicked)
        self.down_button = button(self.tr("Move &down"), "rooms.agenda.down", self)
        self.down_button.clicked.connect(self.on_down_clicked)
        self.remove_button = button(self.tr("&Take off"), "rooms.agenda.remove", self)
        self.remove_button.setAccessibleName(self.tr("Take the item off the agenda"))
        self.remove_button.clicked.connect(self.on_remove_clicked)

        # --- the outcome of the chosen item ---------------------------------------------
        # A frame without a title: its first line says what it is, and the page keeps its
        # height for the lists in the large text size.
        self.outcome_box = QFrame(self)
        self.outcome_box.setObjectName("rooms.agenda.outcomeBox")
        self.outcome_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.outcome_box.setAccessibleName(self.tr("Outcome of the chosen item"))
        outcome_label = QLabel(self.tr("Outcome:"), self.outcome_box)
        outcome_label.setProperty("agendaHeading", True)
        self.resolved_radio = QRadioButton(self.tr("&Resolved"), self.outcome_box)
        self.resolved_radio.setObjectName("rooms.agenda.resolved")
        self.resolved_radio.setAccessibleName(self.tr("Request resolved"))
        self.open_radio = QRadioButton(self.tr("Still &open, followed up"), self.outcome_box)
        self.open_radio.setObjectName("rooms.agenda.stillOpen")
        self.open_radio.setAccessibleName(self.tr("Still open, followed up"))
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.resolved_radio)
        self.outcome_group.addButton(self.open_radio)
        self.decision_edit = QPlainTextEdit(self.outcome_box)
        self.decision_edit.setObjectName("rooms.agenda.decision")
        self.decision_edit.setAccessibleName(self.tr("What the meeting decided"))
        self.decision_edit.setPlaceholderText(self.tr("What the meeting decided"))
        self.decision_edit.setTabChangesFocus(True)
        self.record_button = button(
            self.tr("Record the outcome"), "rooms.agenda.record", self.outcome_box
        )
        self.record_button.clicked.connect(self.on_record_clicked)
        outcome_message = FieldMessage("rooms.agenda.outcome.message", self.outcome_box)
        decision_message = FieldMessage("rooms.agenda.decision.message", self.outcome_box)
        self._fields.add("outcome", self.resolved_radio, outcome_message)
        self._fields.add("decision", self.decision_edit, decision_message)
        radios = QHBoxLayout()
        radios.addWidget(outcome_label)
        radios.addWidget(self.resolved_radio)
        radios.addWidget(self.open_radio)
        radios.addStretch(1)
        radios.addWidget(self.record_button)
        outcome_layout = QVBoxLayout(self.outcome_box)
        outcome_layout.addLayout(radios)
        outcome_layout.addWidget(outcome_message)
        outcome_layout.addWidget(self.decision_edit)
        outcome_layout.addWidget(decision_message)

        agenda_side = QWidget(self)
        agenda_layout = QVBoxLayout(agenda_side)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self._heading(self.tr("On the agenda")))
        # The buttons that act on the chosen item beside the list: the page keeps its height
        # for the list in the large text size.
        moves = QVBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        moves.addWidget(self.remove_button)
        listing = QHBoxLayout()
        listing.addWidget(self.agenda_view, 1)
        listing.addWidget(self.empty_label, 1)
        listing.addLayout(moves)
        agenda_layout.addLayout(listing, 1)
        agenda_layout.addWidget(self.detail_label)
        agenda_layout.addWidget(self.outcome_box)

        # --- requests that may go on it --------------------------------------------------
        self.requests_model = OpenRequestsModel(self)
        self.requests_proxy = QSortFilterProxyModel(self)
        self.requests_proxy.setSourceModel(self.requests_model)
        self.requests_proxy.setFilterRole(SEARCH_ROLE)
        self.requests_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("rooms.agenda.search")
        self.search_edit.setAccessibleName(self.tr("Search the open requests"))
        self.search_edit.setPlaceholderText(self.tr("Search: words, category, community"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.on_search_text_changed)
        self.search_edit.returnPressed.connect(self.on_add_clicked)
        self.requests_view = self._table("rooms.agenda.requests", self.tr("Open requests"))
        self.requests_view.setModel(self.requests_proxy)
        style.fit_columns(self.requests_view, stretch=OpenRequestsModel.REQUEST)
        self.requests_view.doubleClicked.connect(self.on_request_double_clicked)
        self.requests_view.selectionModel().selectionChanged.connect(self.on_request_selected)
        self.no_requests_label = QLabel(self.tr("No open request waits for a meeting."), self)
        self.no_requests_label.setObjectName("rooms.agenda.requests.empty")
        self.no_requests_label.setWordWrap(True)
        self.add_button = button(self.tr("&Add to the agenda"), "rooms.agenda.add", self)
        style.make_primary(self.add_button)
        self.add_button.clicked.connect(self.on_add_clicked)

        self.requests_side = QWidget(self)
        requests_layout = QVBoxLayout(self.requests_side)
        requests_layout.setContentsMargins(0, 0, 0, 0)
        requests_layout.addWidget(self._heading(self.tr("Requests to put on the agenda")))
        requests_layout.addWidget(self.search_edit)
        requests_layout.addWidget(self.requests_view, 1)
        requests_layout.addWidget(self.no_requests_label)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        requests_layout.addLayout(add_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("rooms.agenda.splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(agenda_side)
        self.splitter.addWidget(self.requests_side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        # --- foot ----------------------------------------------------------------------------
        self.status = StatusLine("rooms.agenda.status", self)
        self.print_button = button(self.tr("&Print the agenda…"), "rooms.agenda.print", self)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.minutes_button = button(
            self.tr("Print the &minutes…"), "rooms.agenda.printMinutes", self
        )
        self.minutes_button.clicked.connect(self.on_minutes_clicked)
        self.close_button = button(self.tr("Close"), "rooms.agenda.close", self)
        self.close_button.clicked.connect(self.accept)
        foot = QHBoxLayout()
        foot.addWidget(self.print_button)
        foot.addWidget(self.minutes_button)
        foot.addStretch(1)
        foot.addWidget(self.close_button)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.state_label)
        layout.addWidget(line)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(foot)

        for name, keys, slot in (
            ("rooms.agenda.printAction", QKeySequence.StandardKey.Print, self.on_print_clicked),
            ("rooms.agenda.searchAction", QKeySequence.StandardKey.Find, self.on_find),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
        # In the list: Ctrl+Up / Ctrl+Down move the chosen item, Delete takes it off (the view
        # would take Ctrl+arrows as plain moves of its cursor before any shortcut saw them).
        self.agenda_view.installEventFilter(self)

        self._update_fonts()
        self.refresh()

    # --- building ----------------------------------------------------------------------------

    def _table(self, name: str, accessible: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        style.configure_table(view)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.setTabKeyNavigation(False)
        return view

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("agendaHeading", True)
        return label

    def _update_fonts(self) -> None:
        self.title_label.setFont(style.scaled_font(self.title_label, 1.3, bold=True))
        for label in self.findChildren(QLabel):
            if label.property("agendaHeading"):
                label.setFont(style.scaled_font(label, 1.1, bold=True))
        line = style.line_height(self.decision_edit.font())
        self.decision_edit.setFixedHeight(line * 2 + 2 * self.decision_edit.frameWidth() + 8)
        for view in (self.agenda_view, self.requests_view):
            style.update_table_metrics(view)
            rows = view.verticalHeader().defaultSectionSize()
            view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + rows * 2)

    # --- reading -----------------------------------------------------------------------------

    @property
    def booking_id(self) -> int:
        return self._booking_id

    @property
    def meeting(self) -> Meeting | None:
        """The meeting as last read."""
        return self._meeting

    @property
    def may_change(self) -> bool:
        return self._context.actor.may(Permission.ROOMS)

    def refresh(self) -> None:
        """Read the meeting, its agenda and the open requests again."""
        keep_item = self.selected_item()
        keep_request = self.selected_request()
        booking_id = self._booking_id
        try:
            meeting, requests = self._context.run(
                lambda session, actor: (
                    agenda.agenda(session, actor, booking_id),
                    agenda.open_requests(session, actor),
                ),
                write=False,
                status=self.status,
            )
        except DomainError:
            self._meeting = None
            self._show_meeting()
            return
        self._meeting = meeting
        self.model.set_lines(meeting.items)
        self.requests_model.set_lines(requests)
        self._show_meeting()
        if keep_item is not None:
            self.select_item(keep_item.id)
        if keep_request is not None:
            self.select_request(keep_request.id)
        self._update_buttons()

    def _show_meeting(self) -> None:
        meeting = self._meeting
        if meeting is None:
            self.title_label.setText(self.tr("Agenda"))
            self.facts_label.clear()
            self.state_label.clear()
            self.splitter.setVisible(False)
            self._update_buttons()
            return
        self.setWindowTitle(self.tr("Agenda: %1").replace("%1", meeting.title))
        self.title_label.setText(meeting.title)
        facts = " · ".join(
            part
            for part in (
                meeting.council,
                labels.format_when(meeting.starts_at, meeting.ends_at),
                meeting.room,
            )
            if part
        )
        self.facts_label.setText(facts)
        self.facts_label.setAccessibleName(facts)
        state = self._state_text(meeting)
        self.state_label.setText(style.paragraph_html(state, colour=style.MUTED_COLOUR))
        self.state_label.setAccessibleName(state)
        self.splitter.setVisible(True)
        self.agenda_view.setVisible(bool(meeting.items))
        self.agenda_view.setColumnHidden(AgendaModel.OUTCOME, not meeting.started)
        self.empty_label.setVisible(not meeting.items)
        adding = meeting.open_for_items and self.may_change
        self.requests_side.setVisible(adding)
        self.no_requests_label.setVisible(adding and self.requests_model.rowCount() == 0)
        self.requests_view.setVisible(self.requests_model.rowCount() > 0)
        self.outcome_box.setVisible(meeting.open_for_outcomes and self.may_change)
        self.minutes_button.setEnabled(meeting.has_outcomes)
        self._show_detail()

    def _state_text(self, meeting: Meeting) -> str:
        if not meeting.open_for_items and not meeting.open_for_outcomes:
            return self.tr("This meeting was called off.")
        if not self.may_change:
            return self.tr("Staff put requests on the agenda and record the outcomes.")
        if not meeting.started:
            return self.tr(
                "Before the meeting: put open requests on the agenda and set their order."
            )
        if not meeting.ended:
            return self.tr(
                "The meeting is under way: requests may still be added; record each outcome."
            )
        undecided = sum(1 for item in meeting.items if not item.decided)
        if undecided:
            return self.tr("The meeting is over: %1 item(s) still need their outcome.").replace(
                "%1", str(undecided)
            )
        return self.tr("The meeting is over and every outcome is recorded.")

    def selected_item(self) -> AgendaLine | None:
        rows = self.agenda_view.selectionModel().selectedRows()
        return self.model.line(rows[0].row()) if rows else None

    def selected_request(self) -> AgendaRequest | None:
        rows = self.requests_view.selectionModel().selectedRows()
        if not rows:
            return None
        request: AgendaRequest | None = self.requests_proxy.data(rows[0], RAW_ROLE)
        return request

    def select_item(self, item_id: int) -> bool:
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        self._select(self.agenda_view, self.model.index(row, 0))
        return True

    def select_request(self, request_id: int) -> bool:
        row = self.requests_model.row_of(request_id)
        if row < 0:
            return False
        index = self.requests_proxy.mapFromSource(self.requests_model.index(row, 0))
        if not index.isValid():
            return False
        self._select(self.requests_view, index)
        return True

    def _select(self, view: QTableView, index: QModelIndex) -> None:
        view.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.setCurrentIndex(index)

    def visible_requests(self) -> list[int]:
        """The ids of the open requests the search leaves in the list."""
        return [
            self.requests_proxy.data(self.requests_proxy.index(row, 0), RAW_ROLE).id
            for row in range(self.requests_proxy.rowCount())
        ]

    def _update_buttons(self) -> None:
        meeting = self._meeting
        item = self.selected_item()
        staff = self.may_change and meeting is not None
        row = self.model.row_of(item.id) if item else -1
        self.up_button.setEnabled(staff and row > 0)
        self.down_button.setEnabled(staff and 0 <= row < self.model.rowCount() - 1)
        self.remove_button.setEnabled(staff and item is not None and not item.decided)
        for widget in (self.up_button, self.down_button, self.remove_button):
            widget.setVisible(self.may_change)
        self.add_button.setEnabled(
            staff
            and meeting is not None
            and meeting.open_for_items
            and bool(self.visible_requests())
        )
        recordable = staff and item is not None and not item.decided
        for field in (
            self.resolved_radio,
            self.open_radio,
            self.decision_edit,
            self.record_button,
        ):
            field.setEnabled(recordable)
        self.print_button.setEnabled(meeting is not None)

    def _show_detail(self) -> None:
        item = self.selected_item()
        if item is None:
            self.detail_label.clear()
            self.detail_label.setAccessibleName("")
            self.detail_label.setVisible(False)
            return
        text = (
            self.tr("Item %1 [%2]: %3")
            .replace("%1", str(item.position))
            .replace("%2", item.request.category)
            .replace("%3", one_line(item.request.text))
        )
        if item.decided:
            text += "\n" + (
                self.tr("%1: %2")
                .replace("%1", outcome_text(item.outcome))
                .replace("%2", one_line(item.decision))
            )
        self.detail_label.setText(style.paragraph_html(text))
        self.detail_label.setAccessibleName(text)
        self.detail_label.setVisible(True)

    # --- changing the agenda --------------------------------------------------------------------

    def _write(self, call: Callable[[Session, Actor], object], failed: str) -> bool:
        """Run a service call that writes; on failure say why (beside a field, else below)."""
        try:
            self._context.run(call, write=True)
        except ValidationError as error:
            if not self._fields.show(error):
                self.status.show_error(failed.replace("%1", error.message))
            return False
        except DomainError as error:
            self.status.show_error(failed.replace("%1", error.message))
            self.refresh()
            return False
        return True

    def add_request(self, request_id: int | None = None) -> bool:
        """提交议事: put the request (the one chosen in the list by default) on the agenda."""
        if request_id is None:
            chosen = self.selected_request()
            if chosen is None:
                visible = self.visible_requests()
                if len(visible) != 1:
                    self.status.show_error(self.tr("Choose a request in the list first."))
                    return False
                request_id = visible[0]
            else:
                request_id = chosen.id
        booking_id, wanted = self._booking_id, request_id
        if not self._write(
            lambda session, actor: agenda.add_to_agenda(session, actor, booking_id, wanted),
            self.tr("Not put on the agenda: %1"),
        ):
            return False
        self.status.show_info(self.tr("Put on the agenda."))
        self.search_edit.clear()
        self.refresh()
        line = next((line for line in self.model.lines() if line.request.id == wanted), None)
        if line is not None:
            self.select_item(line.id)
        self.changed.emit()
        return True

    def remove_selected(self) -> bool:
        item = self.selected_item()
        if item is None:
            self.status.show_error(self.tr("Choose an item of the agenda first."))
            return False
        if not self._write(
            lambda session, actor: agenda.remove_from_agenda(session, actor, item.id),
            self.tr("Not taken off: %1"),
        ):
            return False
        self.status.show_info(
            self.tr("Took item %1 off the agenda.").replace("%1", str(item.position))
        )
        self.refresh()
        self.changed.emit()
        return True

    def move_selected(self, offset: int) -> bool:
        """Move the chosen item up (-1) or down (+1)."""
        item = self.selected_item()
        if item is None:
            return False
        order = [line.id for line in self.model.lines()]
        row = order.index(item.id)
        target = row + offset
        if not 0 <= target < len(order):
            return False
        order[row], order[target] = order[target], order[row]
        booking_id = self._booking_id
        if not self._write(
            lambda session, actor: agenda.reorder(session, actor, booking_id, order),
            self.tr("Not moved: %1"),
        ):
            return False
        self.status.clear_message()
        self.refresh()
        self.select_item(item.id)
        self.changed.emit()
        return True

    def record_outcome(
        self, outcome: AgendaOutcome | None = None, decision: str | None = None
    ) -> bool:
        """Record the chosen item's outcome (as chosen and typed in the box by default)."""
        item = self.selected_item()
        if item is None:
            self.status.show_error(self.tr("Choose an item of the agenda first."))
            return False
        if outcome is not None:
            (
                self.resolved_radio if outcome == AgendaOutcome.RESOLVED else self.open_radio
            ).setChecked(True)
        if decision is not None:
            self.decision_edit.setPlainText(decision)
        self._fields.clear()
        chosen = (
            AgendaOutcome.RESOLVED
            if self.resolved_radio.isChecked()
            else AgendaOutcome.OPEN
            if self.open_radio.isChecked()
            else None
        )
        if chosen is None:
            self._fields.set("outcome", self.tr("Choose resolved or still open."))
            return False
        typed = self.decision_edit.toPlainText()
        if not self._write(
            lambda session, actor: agenda.record_outcome(session, actor, item.id, chosen, typed),
            self.tr("Not recorded: %1"),
        ):
            return False
        self.decision_edit.clear()
        self.outcome_group.setExclusive(False)
        self.resolved_radio.setChecked(False)
        self.open_radio.setChecked(False)
        self.outcome_group.setExclusive(True)
        message = (
            self.tr("Item %1 recorded: the request is resolved.")
            if chosen == AgendaOutcome.RESOLVED
            else self.tr("Item %1 recorded: the request stays open with the decision noted.")
        )
        self.status.show_info(message.replace("%1", str(item.position)))
        self.refresh()
        self._select_next_undecided(item.id)
        self.changed.emit()
        return True

    def message(self, field: str) -> str:
        """The message shown beside a field ("" when none): outcome, decision."""
        return self._fields.text(field)

    def _select_next_undecided(self, after_id: int) -> None:
        lines = self.model.lines()
        ids = [line.id for line in lines]
        start = ids.index(after_id) + 1 if after_id in ids else 0
        for line in lines[start:] + lines[:start]:
            if not line.decided:
                self.select_item(line.id)
                return
        self.select_item(after_id)

    # --- printing --------------------------------------------------------------------------------

    def preview(self, *, minutes: bool = False) -> PdfPreviewDialog | None:
        """The agenda (or the minutes) in the print preview, opened beside this dialog."""
        from app.printing import agenda as agenda_print

        booking_id = self._booking_id
        try:
            meeting, centre = self._context.run(
                lambda session, actor: agenda_print.meeting_for_print(session, actor, booking_id),
                write=False,
                status=self.status,
            )
        except DomainError:
            return None
        printout = agenda_print.agenda_printout(meeting, centre, clock.now(), minutes=minutes)
        title = self.tr("Minutes") if minutes else self.tr("Agenda")
        dialog = PdfPreviewDialog(
            printout.pdf,
            f"{title} · {meeting.title}",
            agenda_print.file_name(meeting, minutes=minutes),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if printout.unprintable:
            dialog.warn(printout.warning())
        dialog.destroyed.connect(self.on_preview_destroyed)
        self._preview = dialog
        dialog.open()
        return dialog

    # --- slots -----------------------------------------------------------------------------------

    def on_item_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._fields.clear()
        self._show_detail()
        self._update_buttons()

    def on_request_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def on_request_double_clicked(self, _index: QModelIndex) -> None:
        self.add_request()

    def on_search_text_changed(self, text: str) -> None:
        self.requests_proxy.setFilterFixedString(text.strip())
        if self.requests_proxy.rowCount() and self.selected_request() is None:
            self._select(self.requests_view, self.requests_proxy.index(0, 0))
        self._update_buttons()

    def on_add_clicked(self) -> None:
        self.add_request()

    def on_remove_clicked(self) -> None:
        self.remove_selected()

    def on_up_clicked(self) -> None:
        self.move_selected(-1)

    def on_down_clicked(self) -> None:
        self.move_selected(1)

    def on_record_clicked(self) -> None:
        self.record_outcome()

    def on_print_clicked(self) -> None:
        self.preview()

    def on_minutes_clicked(self) -> None:
        self.preview(minutes=True)

    def on_find(self) -> None:
        if self.requests_side.isVisible():
            self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_edit.selectAll()

    def on_preview_destroyed(self) -> None:
        self._preview = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.agenda_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() == Qt.Key.Key_Delete and not event.modifiers():
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if event.spontaneous():
            return
        screen = self.screen()
        if screen is not None:
            # As tall as the screen lets it be (less the window's title bar): a 1366 × 768 desk
            # in the large text size needs every line of it.
            available = screen.availableGeometry().size()
            title_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
            self.resize(available.width() * 9 // 10, available.height() - title_bar - 8)
        # During the meeting the agenda with its outcome box takes two thirds.
        width = self.splitter.width()
        left = width * 2 // 3 if self.outcome_box.isVisible() else width * 11 // 20
        self.splitter.setSizes([left, width - left])
        if self.requests_side.isVisible():
            self.search_edit.setFocus()
        else:
            self.agenda_view.setFocus()
        if self.model.rowCount() and self.selected_item() is None:
            self._select(self.agenda_view, self.model.index(0, 0))
