"""Taking attendance (签到) at a session: the list in the printed sign-in sheet's order, ticked
from the paper sheet with the keyboard (Up/Down move, Space ticks), or by scanning member cards;
walk-ins added at the end; closing marks the rest 未到.

The scan field is always ready: a member-card scanner types the code and Enter, even while the
list has the focus (printable keys there go to the scan field). What happened is said on the
status line, never in a pop-up; a person who can't be ticked is offered 加为现场参加 inline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError
from app.models import SessionStatus
from app.security import Permission
from app.services.menu import attendance, reads
from app.services.menu.attendance import AttendanceCounts, ScanOutcome, ScanResult
from app.services.menu.reads import Roster, RosterLine, SessionDetail
from ui import labels, style
from ui.context import DeskContext
from ui.menu.attendance_model import AttendanceModel
from ui.reception.widgets import DeskStatusLine, QuestionBar
from ui.rooms.person_pick import PersonPicker
from ui.widgets import button


@dataclass(frozen=True)
class _Loaded:
    detail: SessionDetail
    roster: Roster
    counts: AttendanceCounts


class AttendancePanel(QWidget):
    """One session's attendance: header with 应到 / 实到, scan field, the sheet's list."""

    changed = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.attendance")
        self.setAccessibleName(self.tr("Attendance"))
        self._context = context
        self._session_id: int | None = None
        self._loaded: _Loaded | None = None
        self._offer_person: int | None = None  # the person 加为现场参加 would add

        self.title_label = QLabel(self)
        self.title_label.setObjectName("menu.attendance.title")
        self.title_label.setWordWrap(True)
        self.when_label = QLabel(self)
        self.when_label.setObjectName("menu.attendance.when")
        self.when_label.setWordWrap(True)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("menu.attendance.counts")
        self.counts_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.extra_label = QLabel(self)
        self.extra_label.setObjectName("menu.attendance.extra")
        self.extra_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        scan_caption = QLabel(self.tr("Scan a member card:"), self)
        self.scan_box = QLineEdit(self)
        self.scan_box.setObjectName("menu.attendance.scan")
        self.scan_box.setAccessibleName(self.tr("Scan a member card"))
        self.scan_box.setPlaceholderText(self.tr("Scan the card, or type its member code + Enter"))
        self.scan_box.setClearButtonEnabled(True)
        self.scan_box.returnPressed.connect(self.on_scan_box_return_pressed)
        scan_caption.setBuddy(self.scan_box)
        self.walk_in_button = button(self.tr("Add a walk-in…"), "menu.attendance.walk_in", self)
        self.walk_in_button.clicked.connect(self.on_walk_in_clicked)
        self.close_button = button(self.tr("Close attendance…"), "menu.attendance.close", self)
        self.close_button.clicked.connect(self.on_close_clicked)
        self.reopen_button = button(self.tr("Reopen attendance"), "menu.attendance.reopen", self)
        self.reopen_button.clicked.connect(self.on_reopen_clicked)

        self.status = DeskStatusLine("menu.attendance.status", self)
        self.offer = QuestionBar(
            "menu.attendance.offer", self.tr("Add as a walk-in"), self.tr("Don't add"), self
        )
        self.offer.confirmed.connect(self.on_offer_confirmed)
        self.offer.declined.connect(self.on_offer_declined)
        self.offer.typed.connect(self.on_offer_typed)
        self.close_question = QuestionBar(
            "menu.attendance.close_question",
            self.tr("Close attendance"),
            self.tr("Not yet"),
            self,
        )
        self.close_question.confirmed.connect(self.on_close_confirmed)
        self.close_question.declined.connect(self.on_close_declined)

        self.walk_in_frame = QFrame(self)
        self.walk_in_frame.setObjectName("menu.attendance.walk_in_box")
        self.walk_in_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.picker = PersonPicker(context, "menu.attendance.walk_in_pick", self.walk_in_frame)
        self.picker.chosen.connect(self.on_picker_chosen)
        self.picker.search_box.installEventFilter(self)
        walk_in_caption = QLabel(
            self.tr("Who came without signing up? Search, then Enter adds them."),
            self.walk_in_frame,
        )
        walk_in_caption.setWordWrap(True)
        self.walk_in_cancel = button(
            self.tr("Close (Esc)"), "menu.attendance.walk_in_cancel", self.walk_in_frame
        )
        self.walk_in_cancel.setAccessibleName(self.tr("Close the search"))
        self.walk_in_cancel.clicked.connect(self.close_walk_in)
        walk_in_top = QHBoxLayout()
        walk_in_top.addWidget(walk_in_caption, 1)
        walk_in_top.addWidget(self.walk_in_cancel)
        walk_in_layout = QVBoxLayout(self.walk_in_frame)
        walk_in_layout.addLayout(walk_in_top)
        walk_in_layout.addWidget(self.picker)
        walk_in_layout.addStretch(1)
        # Enter adds the person found at once: no "chosen" line to read.
        self.picker.chosen_label.setVisible(False)
        self.walk_in_frame.setVisible(False)

        self.model = AttendanceModel(self)
        self.model.tick_requested.connect(self.on_tick_requested)
        self.table = QTableView(self)
        self.table.setObjectName("menu.attendance.list")
        self.table.setAccessibleName(self.tr("Sign-in sheet"))
        style.configure_table(self.table)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.model)
        style.fit_columns(self.table, stretch=AttendanceModel.NOTE)
        self.table.installEventFilter(self)

        heading = QVBoxLayout()
        heading.addWidget(self.title_label)
        heading.addWidget(self.when_label)
        figures = QVBoxLayout()
        figures.addWidget(self.counts_label)
        figures.addWidget(self.extra_label)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addLayout(figures)
        scan_row = QHBoxLayout()
        scan_row.addWidget(scan_caption)
        scan_row.addWidget(self.scan_box, 1)
        scan_row.addWidget(self.walk_in_button)
        scan_row.addWidget(self.close_button)
        scan_row.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(scan_row)
        layout.addWidget(self.status)
        layout.addWidget(self.offer)
        layout.addWidget(self.close_question)
        # The search for a walk-in opens beside the list, so the list keeps its rows.
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.walk_in_frame, 2)
        layout.addLayout(body, 1)
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setFocusProxy(self.scan_box)
        self._update_fonts()
        self._show_loaded()

    # --- what is shown --------------------------------------------------------------------------

    def session_id(self) -> int | None:
        return self._session_id

    def show_session(self, session_id: int) -> None:
        """Take attendance for this session (the list from the database, the scan field ready)."""
        if session_id != self._session_id:
            self.status.clear_message()
            self.offer.close_question()
            self.close_question.close_question()
            self.close_walk_in()
        self._session_id = session_id
        self.refresh()
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        if self._session_id is None:
            return
        session_id = self._session_id

        def load(session: Any, actor: Any) -> _Loaded:
            return _Loaded(
                reads.get_session(session, actor, session_id),
                reads.roster(session, actor, session_id),
                attendance.attendance_counts(session, actor, session_id),
            )

        try:
            self._loaded = self._context.run(load, write=False, status=self.status)
        except DomainError:
            self._loaded = None
        self._show_loaded()

    def counts(self) -> AttendanceCounts | None:
        return self._loaded.counts if self._loaded else None

    def counts_text(self) -> str:
        return self.counts_label.text()

    def _show_loaded(self) -> None:
        loaded = self._loaded
        current = self._current_signup()
        self.model.set_lines(loaded.roster.sheet if loaded else [])
        self._select_signup(current)
        usable = loaded is not None and loaded.detail.row.status != SessionStatus.CANCELLED
        for widget in (self.scan_box, self.walk_in_button, self.close_button, self.table):
            widget.setEnabled(usable)
        if loaded is None:
            self.title_label.setText(self.tr("No session chosen"))
            self.when_label.setText("")
            self.counts_label.setText("")
            self.extra_label.setText("")
            self.reopen_button.setVisible(False)
            return
        row = loaded.detail.row
        self.title_label.setText(row.item)
        where = f"{labels.format_when(row.starts_at, row.ends_at)}　{row.room}".strip()
        if row.status == SessionStatus.CANCELLED:
            where += "　" + self.tr("(cancelled: no attendance)")
        elif loaded.detail.attendance_closed_at is not None:
            where += "　" + self.tr("(attendance closed)")
        self.when_label.setText(where)
        counts = loaded.counts
        self.counts_label.setText(
            self.tr("Expected %1 · Present %2")
            .replace("%1", str(counts.expected))
            .replace("%2", str(counts.present))
        )
        self.counts_label.setAccessibleName(self.counts_label.text())
        extra = []
        if counts.walk_ins:
            extra.append(self.tr("walk-ins %1").replace("%1", str(counts.walk_ins)))
        if counts.no_shows:
            extra.append(self.tr("did not come %1").replace("%1", str(counts.no_shows)))
        self.extra_label.setText(" · ".join(extra))
        closed = loaded.detail.attendance_closed_at is not None
        staff = self._context.actor.may(Permission.MENU)
        self.close_button.setVisible(not closed)
        self.reopen_button.setVisible(closed and usable and staff)
        # Once closed, only staff correct it: the scan and walk-ins wait for a reopening.
        for widget in (self.scan_box, self.walk_in_button):
            widget.setEnabled(usable and (staff or not closed))

    def _current_signup(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.line(row).signup_id if 0 <= row < self.model.rowCount() else None

    def _select_signup(self, signup_id: int | None) -> None:
        row = self.model.row_of(signup_id) if signup_id is not None else -1
        if row < 0:
            row = 0 if self.model.rowCount() else -1
        if row < 0:
            return
        index = self.model.index(row, AttendanceModel.NAME)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    # --- writing ----------------------------------------------------------------------------------

    def _write(self, call: Any) -> Any:
        """A write through the context; None when refused (said on the status line)."""
        try:
            result = self._context.run(call, write=True, status=self.status)
        except DomainError:
            return None
        self.changed.emit()
        return result

    def tick_row(self, row: int, attended: bool | None = None) -> bool:
        """Tick (or, `attended` False, untick) the row; None toggles it. Said on the status line."""
        if not 0 <= row < self.model.rowCount():
            return False
        line = self.model.line(row)
        wanted = (not line.attended) if attended is None else attended
        return self._tick(line, wanted)

    def _tick(self, line: RosterLine, attended: bool) -> bool:
        signup_id = line.signup_id
        done = self._write(
            lambda session, actor: attendance.tick(session, actor, signup_id, attended)
        )
        if done is None:
            return False
        if attended:
            self.status.show_info(self.tr("Ticked: %1.").replace("%1", line.name))
        elif line.walk_in:
            self.status.show_info(
                self.tr("%1 is taken off the sheet (walk-in unticked).").replace("%1", line.name)
            )
        else:
            self.status.show_info(self.tr("Unticked: %1.").replace("%1", line.name))
        self.refresh()
        self._select_signup(signup_id)
        return True

    def scan(self, code: str) -> ScanResult | None:
        """A member card scanned (or its code typed): tick its holder or say why not."""
        if self._session_id is None or not code.strip():
            return None
        session_id = self._session_id
        self.offer.close_question()
        result: ScanResult | None = self._write(
            lambda session, actor: attendance.scan(session, actor, session_id, code)
        )
        self.scan_box.clear()
        if result is None:
            return None
        error = result.outcome not in (ScanOutcome.TICKED, ScanOutcome.ALREADY_TICKED)
        if result.outcome is ScanOutcome.UNKNOWN_CODE:
            self._offer_person = None
            self.status.show_error(result.message)
            self.offer.confirm_button.setText(self.tr("Find and add as a walk-in (Enter)"))
            self.offer.confirm_button.setAccessibleName(self.tr("Find and add as a walk-in"))
            self.offer.ask(self.tr("Came without a member card, or not on file yet?"))
        elif result.may_walk_in:
            self._offer_person = result.person_id
            self.status.clear_message()
            self.offer.confirm_button.setText(self.tr("Add as a walk-in (Enter)"))
            self.offer.confirm_button.setAccessibleName(self.tr("Add as a walk-in"))
            self.offer.ask(result.message)
        elif error:
            self.status.show_error(result.message)
        else:
            self.status.show_info(result.message)
        self.refresh()
        if result.signup_id is not None and result.outcome in (
            ScanOutcome.TICKED,
            ScanOutcome.ALREADY_TICKED,
        ):
            self._select_signup(result.signup_id)
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)
        return result

    def add_walk_in(self, person_id: int) -> ScanResult | None:
        if self._session_id is None:
            return None
        session_id = self._session_id
        result: ScanResult | None = self._write(
            lambda session, actor: attendance.add_walk_in(session, actor, session_id, person_id)
        )
        if result is None:
            return None
        self.offer.close_question()
        self.close_walk_in()
        text = result.message + (f" {result.warning}" if result.warning else "")
        if result.warning:
            self.status.show_error(text)
        else:
            self.status.show_info(text)
        self.refresh()
        self._select_signup(result.signup_id)
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)
        return result

    def open_walk_in(self) -> None:
        """The search for a person who came without signing up (Reception's search)."""
        self.offer.close_question()
        self.close_question.close_question()
        self.picker.set_person(None)
        self.picker.search_box.clear()
        self.walk_in_frame.setVisible(True)
        self.picker.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_walk_in(self) -> None:
        was_open = self.walk_in_frame.isVisible()
        self.walk_in_frame.setVisible(False)
        if was_open:
            self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def ask_close(self) -> None:
        """Ask, inline, before marking everyone not ticked 未到."""
        loaded = self._loaded
        if loaded is None:
            return
        if clock.now() < loaded.detail.row.starts_at:
            self.status.show_error(self.tr("Attendance can be closed once the session has begun."))
            return
        missing = sum(line.seats for line in loaded.roster.registered if not line.attended)
        self.offer.close_question()
        self.close_walk_in()
        self.close_question.ask(
            self.tr("Close attendance: the %1 not ticked are marked as not come.").replace(
                "%1", str(missing)
            )
        )
        self.close_question.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_attendance(self) -> AttendanceCounts | None:
        if self._session_id is None:
            return None
        session_id = self._session_id
        self.close_question.close_question()
        counts: AttendanceCounts | None = self._write(
            lambda session, actor: attendance.close_attendance(session, actor, session_id)
        )
        if counts is None:
            return None
        self.status.show_info(
            self.tr("Attendance closed: %1 came, %2 did not come.")
            .replace("%1", str(counts.present))
            .replace("%2", str(counts.no_shows))
        )
        self.refresh()
        return counts

    def reopen_attendance(self) -> AttendanceCounts | None:
        if self._session_id is None:
            return None
        session_id = self._session_id
        counts: AttendanceCounts | None = self._write(
            lambda session, actor: attendance.reopen_attendance(session, actor, session_id)
        )
        if counts is None:
            return None
        self.status.show_info(self.tr("Attendance is open again; the ticks are kept."))
        self.refresh()
        return counts

    # --- slots ------------------------------------------------------------------------------------

    def on_scan_box_return_pressed(self) -> None:
        # Enter on the empty field answers the offer (a scanner always sends a code first).
        if not self.scan_box.text().strip() and self.offer.is_asking():
            self.offer.on_confirm_clicked()
            return
        self.scan(self.scan_box.text())

    def on_tick_requested(self, signup_id: int, attended: bool) -> None:
        row = self.model.row_of(signup_id)
        if row >= 0:
            self._tick(self.model.line(row), attended)

    def on_walk_in_clicked(self) -> None:
        self.open_walk_in()

    def on_picker_chosen(self, person_id: int) -> None:
        self.add_walk_in(person_id)

    def on_offer_confirmed(self) -> None:
        if self._offer_person is not None:
            self.add_walk_in(self._offer_person)
        else:
            self.open_walk_in()

    def on_offer_declined(self) -> None:
        self._offer_person = None
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_offer_typed(self, text: str) -> None:
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scan_box.insert(text)

    def on_close_clicked(self) -> None:
        self.ask_close()

    def on_close_confirmed(self) -> None:
        self.close_attendance()

    def on_close_declined(self) -> None:
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_reopen_clicked(self) -> None:
        self.reopen_attendance()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.table:
                return self._table_key(event)
            if watched is self.picker.search_box and event.key() == Qt.Key.Key_Escape:
                self.close_walk_in()
                return True
        return super().eventFilter(watched, event)

    def _table_key(self, event: QKeyEvent) -> bool:
        """Space ticks the current row; anything else typed is a scan on its way."""
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.tick_row(self.current_row())
            return True
        text = event.text()
        control = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if not control and text and text.isprintable() and not text.isspace():
            self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scan_box.insert(text)
            return True
        return False

    # --- fonts ------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._session_id is not None:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()

    def _update_fonts(self) -> None:
        self.title_label.setFont(style.scaled_font(self.title_label, 1.3, bold=True))
        self.counts_label.setFont(style.scaled_font(self.counts_label, 1.6, bold=True))
        style.update_table_metrics(self.table)
        # The tick box as big as the text (the style's own box stays 13 px in every text size).
        box = self.table.fontMetrics().height()
        self.table.setStyleSheet(f"QTableView::indicator {{ width: {box}px; height: {box}px; }}")
