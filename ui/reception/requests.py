"""民生直通车 at the desk: record a resident's request or complaint, see the open ones, hand one
to a staff member, close it with what was done. Every step is audited by the service."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.choices import Satisfaction
from app.errors import DomainError, ValidationError
from app.security import Permission
from app.services import reception
from app.services.reception import Assignee, RequestRow
from app.services.rooms import agenda
from app.services.rooms.agenda import MeetingChoice
from ui import labels, style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.reception.follow_up import AnswerChoice, FollowUpDialog, satisfaction_name
from ui.reception.models import AwaitingModel, RequestsModel, request_status_text
from ui.reception.widgets import section_heading
from ui.table_export import add_export_action


class RequestsPanel(QWidget):
    """The 民生直通车 tab of Reception. The resident is the one the desk has in hand (the
    highlighted search result, else the one checked in last)."""

    changed = Signal()  # a request was recorded, assigned or resolved
    done = Signal()  # Esc: back to the search box

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reception.requestsPanel")
        self._context = context
        self._person_id: int | None = None
        self._person_name = ""
        self._fields = FieldMessages()
        self.model = RequestsModel(self)

        self.person_label = QLabel(self)
        self.person_label.setObjectName("reception.request.person")
        self.person_label.setWordWrap(True)
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("reception.request.category")
        self.category_combo.setAccessibleName(self.tr("Category"))
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_combo.addItems(list(reception.REQUEST_CATEGORIES))
        self.category_combo.setCurrentIndex(-1)
        category_line = self.category_combo.lineEdit()
        if category_line is not None:
            category_line.setPlaceholderText(self.tr("choose or type"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("reception.request.text")
        self.text_edit.setAccessibleName(self.tr("What the resident asks for"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("What the resident asks for or complains about"))
        self.record_button = QPushButton(self.tr("Record the request (Ctrl+Enter)"), self)
        self.record_button.setObjectName("reception.request.record")
        self.record_button.setAccessibleName(self.tr("Record the request"))
        self.record_button.setAutoDefault(True)
        style.make_primary(self.record_button)
        self.record_button.clicked.connect(self.on_record_clicked)
        category_message = FieldMessage("reception.request.category.message", self)
        text_message = FieldMessage("reception.request.text.message", self)
        self._fields.add("category", self.category_combo, category_message)
        self._fields.add("text", self.text_edit, text_message)

        self.view = QTableView(self)
        self.view.setObjectName("reception.requests")
        self.view.setAccessibleName(self.tr("Open requests"))
        style.configure_table(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RequestsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RequestsModel.STATUS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(
            RequestsModel.STATUS, self.fontMetrics().horizontalAdvance("已指派：社工 李晓燕") + 16
        )
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.empty_label = QLabel(self.tr("No open requests."), self)
        self.empty_label.setObjectName("reception.requests.empty")
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("reception.request.detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.assignee_combo = QComboBox(self)
        self.assignee_combo.setObjectName("reception.request.assignee")
        self.assignee_combo.setAccessibleName(self.tr("Hand to"))
        self.assign_button = QPushButton(self.tr("Hand over"), self)
        self.assign_button.setObjectName("reception.request.assign")
        self.assign_button.setAccessibleName(self.tr("Hand the request over"))
        self.assign_button.setAutoDefault(True)
        self.assign_button.clicked.connect(self.on_assign_clicked)
        self.resolution_edit = QLineEdit(self)
        self.resolution_edit.setObjectName("reception.request.resolution")
        self.resolution_edit.setAccessibleName(self.tr("What was done"))
        self.resolution_edit.setPlaceholderText(self.tr("What was done about it"))
        self.resolution_edit.returnPressed.connect(self.on_resolve_clicked)
        self.resolve_button = QPushButton(self.tr("Resolve"), self)
        self.resolve_button.setObjectName("reception.request.resolve")
        self.resolve_button.setAccessibleName(self.tr("Resolve the request"))
        self.resolve_button.setAutoDefault(True)
        self.resolve_button.clicked.connect(self.on_resolve_clicked)
        resolution_message = FieldMessage("reception.request.resolution.message", self)
        self._fields.add("note", self.resolution_edit, resolution_message)
        # 回访: the resident's answer when they are asked as the request is closed (optional:
        # the call is usually made later, from the list of requests waiting for it).
        self.answer_label = QLabel(self.tr("The resident's answer, if asked now:"), self)
        self.answer_label.setWordWrap(True)
        self.answer = AnswerChoice("reception.request.answer", self)
        # The resolved requests whose resident has not been called back yet.
        self.awaiting_model = AwaitingModel(self)
        self.awaiting_view = QTableView(self)
        self.awaiting_view.setObjectName("reception.awaiting")
        self.awaiting_view.setAccessibleName(self.tr("Waiting for the follow-up call"))
        style.configure_table(self.awaiting_view)
        self.awaiting_view.setModel(self.awaiting_model)
        self.awaiting_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.awaiting_view.setTabKeyNavigation(False)
        awaiting_header = self.awaiting_view.horizontalHeader()
        awaiting_header.setStretchLastSection(True)
        for column in (AwaitingModel.RESOLVED, AwaitingModel.PERSON):
            awaiting_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        awaiting_header.setSectionResizeMode(AwaitingModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.awaiting_view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.awaiting_view.doubleClicked.connect(self.on_follow_up_clicked)
        self.awaiting_empty = QLabel(self.tr("Every resolved request has its answer."), self)
        self.awaiting_empty.setObjectName("reception.awaiting.empty")
        self.follow_up_button = QPushButton(self.tr("Record the answer…"), self)
        self.follow_up_button.setObjectName("reception.awaiting.record")
        self.follow_up_button.setAccessibleName(self.tr("Record the answer to the follow-up call"))
        self.follow_up_button.setAutoDefault(True)
        self.follow_up_button.clicked.connect(self.on_follow_up_clicked)
        self.follow_up_dialog: FollowUpDialog | None = None
        add_export_action(
            self.awaiting_view,
            context,
            lambda: self.tr("Waiting for the follow-up call"),
            name="reception.awaiting",
        )
        assignee_message = FieldMessage("reception.request.assignee.message", self)
        self._fields.add("account_id", self.assignee_combo, assignee_message)
        # 提交议事: staff put the request on a coming council meeting's agenda.
        self.meeting_combo = QComboBox(self)
        self.meeting_combo.setObjectName("reception.request.meeting")
        self.meeting_combo.setAccessibleName(self.tr("Council meeting"))
        self.agenda_button = QPushButton(self.tr("Put on a meeting's agenda"), self)
        self.agenda_button.setObjectName("reception.request.toAgenda")
        self.agenda_button.setAccessibleName(self.tr("Put the request on the meeting's agenda"))
        self.agenda_button.setAutoDefault(True)
        self.agenda_button.clicked.connect(self.on_agenda_clicked)
        self.status = StatusLine("reception.request.status", self)

        form = QVBoxLayout()
        form.addWidget(section_heading(self.tr("Record a request"), self))
        form.addWidget(self.person_label)
        category_row = QHBoxLayout()
        category_label = QLabel(self.tr("Category"), self)
        category_label.setBuddy(self.category_combo)
        category_row.addWidget(category_label)
        category_row.addWidget(self.category_combo, 1)
        category_row.addWidget(self.record_button)
        form.addLayout(category_row)
        form.addWidget(category_message)
        form.addWidget(self.text_edit)
        form.addWidget(text_message)

        follow = QVBoxLayout()
        follow.addWidget(section_heading(self.tr("Open requests"), self))
        follow.addWidget(self.view)
        follow.addWidget(self.empty_label)
        follow.addWidget(self.detail_label)
        assign_row = QHBoxLayout()
        assign_label = QLabel(self.tr("Hand to"), self)
        assign_label.setBuddy(self.assignee_combo)
        assign_row.addWidget(assign_label)
        assign_row.addWidget(self.assignee_combo, 1)
        assign_row.addWidget(self.assign_button)
        follow.addLayout(assign_row)
        follow.addWidget(assignee_message)
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.resolution_edit, 1)
        resolve_row.addWidget(self.resolve_button)
        follow.addLayout(resolve_row)
        follow.addWidget(resolution_message)
        follow.addWidget(self.answer_label)
        follow.addWidget(self.answer)
        self.agenda_row = QWidget(self)
        agenda_row = QHBoxLayout(self.agenda_row)
        agenda_row.setContentsMargins(0, 0, 0, 0)
        meeting_label = QLabel(self.tr("Council meeting"), self.agenda_row)
        meeting_label.setBuddy(self.meeting_combo)
        agenda_row.addWidget(meeting_label)
        agenda_row.addWidget(self.meeting_combo, 1)
        agenda_row.addWidget(self.agenda_button)
        follow.addWidget(self.agenda_row)
        follow.addSpacing(self.fontMetrics().height() // 2)
        self.awaiting_heading = section_heading(self.tr("Waiting for the follow-up call"), self)
        follow.addWidget(self.awaiting_heading)
        follow.addWidget(self.awaiting_view)
        follow.addWidget(self.awaiting_empty)
        awaiting_row = QHBoxLayout()
        awaiting_row.addStretch(1)
        awaiting_row.addWidget(self.follow_up_button)
        follow.addLayout(awaiting_row)

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addLayout(form)
        inner.addSpacing(self.fontMetrics().height() // 2)
        inner.addLayout(follow, 1)
        inner.addWidget(self.status)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._update_heights()
        self.set_person(None, "")
        self._update_buttons()

    def _update_heights(self) -> None:
        line = style.line_height(self.text_edit.font())
        self.text_edit.setFixedHeight(line * 2 + 2 * self.text_edit.frameWidth() + 8)
        rows = self.view.verticalHeader().defaultSectionSize()
        self.view.setMinimumHeight(self.view.horizontalHeader().sizeHint().height() + rows * 3)
        self.awaiting_view.setMinimumHeight(
            self.awaiting_view.horizontalHeader().sizeHint().height() + rows * 3
        )

    # --- the person in hand ----------------------------------------------------------------------

    def set_person(self, person_id: int | None, name: str) -> None:
        self._person_id = person_id
        self._person_name = name
        if person_id is None:
            text = self.tr("Resident: not chosen (search for them first, or record it without)")
        else:
            text = self.tr("Resident: %1").replace("%1", name)
        self.person_label.setText(style.paragraph_html(text))
        self.person_label.setAccessibleName(text)

    def person_id(self) -> int | None:
        return self._person_id

    # --- reading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The open requests and the accounts to hand them to, as on file now."""
        keep = self.selected_request()
        staff = self._context.actor.may(Permission.ROOMS)
        try:
            rows, people, meetings, awaiting = self._context.run(
                lambda session, actor: (
                    reception.open_requests(session, actor),
                    reception.assignees(session, actor),
                    agenda.upcoming_meetings(session, actor) if staff else [],
                    reception.awaiting_follow_up(session, actor),
                ),
                write=False,
                status=self.status,
            )
        except DomainError:
            return
        self.model.set_rows(rows)
        self._fill_assignees(people)
        self._fill_meetings(meetings)
        self.agenda_row.setVisible(staff)
        self.view.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        keep_awaiting = self.selected_awaiting()
        self.awaiting_model.set_lines(awaiting)
        self.awaiting_view.setVisible(bool(awaiting))
        self.awaiting_empty.setVisible(not awaiting)
        if keep_awaiting is not None:
            self.select_awaiting(keep_awaiting.id)
        if keep is not None:
            self.select_request(keep.id)
        self._show_detail()
        self._update_buttons()

    def _fill_assignees(self, people: list[Assignee]) -> None:
        current = self.assignee_combo.currentData()
        self.assignee_combo.clear()
        for person in people:
            self.assignee_combo.addItem(person.display_name, person.id)
        index = self.assignee_combo.findData(current)
        self.assignee_combo.setCurrentIndex(max(index, 0))

    def _fill_meetings(self, meetings: list[MeetingChoice]) -> None:
        current = self.meeting_combo.currentData()
        self.meeting_combo.clear()
        for meeting in meetings:
            self.meeting_combo.addItem(
                f"{labels.format_day(meeting.starts_at.date())} "
                f"{labels.format_time(meeting.starts_at)} {meeting.title}",
                meeting.booking_id,
            )
        if not meetings:
            self.meeting_combo.setPlaceholderText(self.tr("No council meeting is coming up"))
        index = self.meeting_combo.findData(current)
        self.meeting_combo.setCurrentIndex(max(index, 0) if meetings else -1)

    def open_count(self) -> int:
        return self.model.rowCount()

    def selected_request(self) -> RequestRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.request(rows[0].row()) if rows else None

    def select_request(self, request_id: int) -> bool:
        row = self.model.row_of(request_id)
        if row < 0:
            return False
        self.view.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def awaiting_count(self) -> int:
        return self.awaiting_model.rowCount()

    def selected_awaiting(self) -> RequestRow | None:
        rows = self.awaiting_view.selectionModel().selectedRows()
        return self.awaiting_model.line(rows[0].row()) if rows else None

    def select_awaiting(self, request_id: int) -> bool:
        row = self.awaiting_model.row_of(request_id)
        if row < 0:
            return False
        self.awaiting_view.selectRow(row)
        return True

    def _update_buttons(self) -> None:
        chosen = self.selected_request() is not None
        self.assign_button.setEnabled(chosen and self.assignee_combo.count() > 0)
        self.resolve_button.setEnabled(chosen)
        self.answer.setEnabled(chosen)
        self.follow_up_button.setEnabled(self.selected_awaiting() is not None)
        self.agenda_button.setEnabled(chosen and self.meeting_combo.count() > 0)

    # --- actions ---------------------------------------------------------------------------------

    def record(self, category: str | None = None, text: str | None = None) -> int | None:
        """Record a request for the person in hand; its id, or None with the message shown."""
        if category is not None:
            self.category_combo.setCurrentText(category)
        if text is not None:
            self.text_edit.setPlainText(text)
        self._fields.clear()
        person_id = self._person_id
        typed_category = self.category_combo.currentText()
        typed_text = self.text_edit.toPlainText()
        try:
            row = self._context.run(
                lambda session, actor: reception.record_request(
                    session, actor, person_id, typed_category, typed_text
                ),
                write=True,
            )
        except ValidationError as error:
            if not self._fields.show(error):
                self.status.show_error(error.message)
            return None
        except DomainError as error:
            self.status.show_error(self.tr("Not recorded: %1").replace("%1", error.message))
            return None
        self.category_combo.setCurrentIndex(-1)
        self.category_combo.setEditText("")
        self.text_edit.clear()
        who = row.person_name or self.tr("a resident not on file")
        self.status.show_info(
            self.tr("Recorded the request of %1 (%2).")
            .replace("%1", who)
            .replace("%2", row.category)
        )
        self.refresh()
        self.select_request(row.id)
        self.changed.emit()
        return row.id

    def assign(self, account_id: int | None = None) -> bool:
        """Hand the selected request to an account (the one chosen in the list by default)."""
        chosen = self.selected_request()
        if chosen is None:
            self.status.show_error(self.tr("Choose a request in the list first."))
            return False
        if account_id is not None:
            index = self.assignee_combo.findData(account_id)
            if index >= 0:
                self.assignee_combo.setCurrentIndex(index)
        target = self.assignee_combo.currentData()
        if target is None:
            self._fields.set("account_id", self.tr("Choose whom to hand it to."))
            return False
        self._fields.clear()
        try:
            row = self._context.run(
                lambda session, actor: reception.assign_request(
                    session, actor, chosen.id, int(target)
                ),
                write=True,
            )
        except ValidationError as error:
            if not self._fields.show(error):
                self.status.show_error(error.message)
            return False
        except DomainError as error:
            self.status.show_error(self.tr("Not handed over: %1").replace("%1", error.message))
            return False
        self.status.show_info(
            self.tr("Handed the request of %1 to %2.")
            .replace("%1", row.person_name or self.tr("a resident not on file"))
            .replace("%2", row.assigned_to)
        )
        self.refresh()
        self.select_request(row.id)
        self.changed.emit()
        return True

    def resolve(
        self,
        note: str | None = None,
        answer: Satisfaction | None = None,
        answer_note: str | None = None,
    ) -> bool:
        """Close the selected request with what was done, and the resident's answer to the
        follow-up call when one is chosen (given here, or on the three buttons)."""
        chosen = self.selected_request()
        if chosen is None:
            self.status.show_error(self.tr("Choose a request in the list first."))
            return False
        if note is not None:
            self.resolution_edit.setText(note)
        if answer is not None or answer_note is not None:
            self.answer.choose(answer, answer_note)
        self._fields.clear()
        self.answer.fields.clear()
        typed = self.resolution_edit.text()
        satisfaction, said = self.answer.answer(), self.answer.note()
        try:
            row = self._context.run(
                lambda session, actor: reception.resolve_request(
                    session,
                    actor,
                    chosen.id,
                    typed,
                    satisfaction=satisfaction,
                    satisfaction_note=said,
                ),
                write=True,
            )
        except ValidationError as error:
            if not self._fields.show(error) and not self.answer.show_error(error):
                self.status.show_error(error.message)
            return False
        except DomainError as error:
            self.status.show_error(self.tr("Not resolved: %1").replace("%1", error.message))
            return False
        self.resolution_edit.clear()
        self.answer.clear()
        who = chosen.person_name or self.tr("a resident not on file")
        if row.satisfaction is None:
            text = self.tr("Resolved the request of %1.").replace("%1", who)
        else:
            text = (
                self.tr("Resolved the request of %1; their answer: %2.")
                .replace("%1", who)
                .replace("%2", satisfaction_name(row.satisfaction))
            )
        self.status.show_info(text)
        self.refresh()
        self.changed.emit()
        return True

    def open_follow_up(self, request_id: int | None = None) -> FollowUpDialog | None:
        """The follow-up call's answer for a request waiting for it (the one chosen in the list
        by default), in a dialog that doesn't block the desk."""
        if request_id is not None:
            self.select_awaiting(request_id)
        chosen = self.selected_awaiting()
        if chosen is None:
            self.status.show_error(self.tr("Choose a request in the list first."))
            return None
        if self.follow_up_dialog is not None:
            self.follow_up_dialog.close()
        dialog = FollowUpDialog(self._context, chosen, self)
        dialog.saved.connect(self.on_follow_up_saved)
        dialog.finished.connect(self.on_follow_up_finished)
        self.follow_up_dialog = dialog
        dialog.open()
        return dialog

    def submit_to_agenda(self, booking_id: int | None = None) -> bool:
        """提交议事: put the selected request on a council meeting's agenda (the one chosen in
        the list by default)."""
        chosen = self.selected_request()
        if chosen is None:
            self.status.show_error(self.tr("Choose a request in the list first."))
            return False
        if booking_id is not None:
            index = self.meeting_combo.findData(booking_id)
            if index >= 0:
                self.meeting_combo.setCurrentIndex(index)
        target = self.meeting_combo.currentData()
        if target is None:
            self.status.show_error(self.tr("There is no council meeting to put it on."))
            return False
        try:
            line = self._context.run(
                lambda session, actor: agenda.add_to_agenda(session, actor, int(target), chosen.id),
                write=True,
            )
        except DomainError as error:
            self.status.show_error(
                self.tr("Not put on the agenda: %1").replace("%1", error.message)
            )
            return False
        self.status.show_info(
            self.tr("Put on the agenda of %1 as item %2.")
            .replace("%1", self.meeting_combo.currentText())
            .replace("%2", str(line.position))
        )
        self.refresh()
        self.changed.emit()
        return True

    def message(self, field: str) -> str:
        return self._fields.text(field)

    def start(self) -> None:
        """Put the cursor where a request is written (Ctrl+R at the desk)."""
        self.category_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- slots -----------------------------------------------------------------------------------

    def on_record_clicked(self) -> None:
        self.record()

    def on_assign_clicked(self) -> None:
        self.assign()

    def on_resolve_clicked(self) -> None:
        self.resolve()

    def on_follow_up_clicked(self) -> None:
        self.open_follow_up()

    def on_follow_up_saved(self, row: RequestRow) -> None:
        self.status.show_info(
            self.tr("Recorded the answer of %1: %2.")
            .replace("%1", row.person_name or self.tr("a resident not on file"))
            .replace("%2", satisfaction_name(row.satisfaction))
        )
        self.refresh()
        self.changed.emit()

    def on_follow_up_finished(self, _result: int) -> None:
        self.follow_up_dialog = None

    def on_agenda_clicked(self) -> None:
        self.submit_to_agenda()

    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail()
        self._update_buttons()

    def _show_detail(self) -> None:
        """The chosen request in full under the list (the list shows one line of it)."""
        chosen = self.selected_request()
        if chosen is None:
            self.detail_label.clear()
            self.detail_label.setAccessibleName("")
            self.detail_label.setVisible(False)
            return
        text = (
            self.tr("%1, %2: %3 (recorded by %4; %5)")
            .replace("%1", chosen.person_name or self.tr("a resident not on file"))
            .replace("%2", chosen.category)
            .replace("%3", chosen.text)
            .replace("%4", chosen.created_by or "—")
            .replace("%5", request_status_text(chosen))
        )
        self.detail_label.setText(style.paragraph_html(text))
        self.detail_label.setAccessibleName(text)
        self.detail_label.setVisible(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.record()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.done.emit()
            event.accept()
            return
        super().keyPressEvent(event)
