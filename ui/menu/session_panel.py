"""The chosen session on the Service menu desk: what it is (item, time, room, organiser, who may
come, deadline, places, status) beside who signed up (the sheet's order) and who waits (候补1,
候补2, …); the question before a signup is cancelled is asked above the roster."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import SessionStatus
from app.services.menu.reads import Roster, RosterLine, SessionDetail
from ui import labels, style
from ui.menu.models import RosterModel
from ui.reception.widgets import QuestionBar


class SessionPanel(QWidget):
    """The session's detail and roster; `line_changed` when another person is chosen."""

    line_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.detail")
        self.info_label = QLabel(self)
        self.info_label.setObjectName("menu.info")
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.info_label.setWordWrap(True)
        self.info_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info_scroll = QScrollArea(self)
        self.info_scroll.setObjectName("menu.infoScroll")
        self.info_scroll.setWidgetResizable(True)
        self.info_scroll.setWidget(self.info_label)
        self.roster_heading = QLabel(self)
        self.roster_heading.setObjectName("menu.rosterHeading")
        self.roster_heading.setWordWrap(True)
        self.question = QuestionBar(
            "menu.cancelQuestion",
            self.tr("Cancel the signup"),
            self.tr("Keep the signup (Esc)"),
            self,
        )
        self.roster_model = RosterModel(self)
        self.roster_view = QTableView(self)
        self.roster_view.setObjectName("menu.roster")
        self.roster_view.setAccessibleName(self.tr("Signed up and waiting"))
        style.configure_table(self.roster_view)
        self.roster_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roster_view.setTabKeyNavigation(False)
        self.roster_view.setModel(self.roster_model)
        style.fit_columns(self.roster_view, stretch=RosterModel.PLACE)
        self.roster_view.selectionModel().currentRowChanged.connect(self.on_roster_current_changed)
        roster_box = QVBoxLayout()
        self.heading_row = QHBoxLayout()  # the desk may add a button beside the heading
        self.heading_row.addWidget(self.roster_heading, 1)
        roster_box.addLayout(self.heading_row)
        roster_box.addWidget(self.question)
        roster_box.addWidget(self.roster_view, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.info_scroll, 2)
        layout.addLayout(roster_box, 3)
        self.show_session(None, None)

    def show_session(self, detail: SessionDetail | None, roster: Roster | None) -> None:
        """The session as read now (None: nothing chosen); the person chosen stays chosen."""
        keep = self.chosen_line()
        if detail is None or roster is None:
            text = self.tr("Choose a session in the list above to see who signed up.")
            self.info_label.setText(style.paragraph_html(text))
            self.info_label.setAccessibleName(text)
            self.roster_model.set_lines([])
            self.roster_heading.setText("")
            self.roster_heading.setAccessibleName("")
            return
        self._fill_info(detail)
        lines = roster.sheet + roster.waitlist
        self.roster_model.set_lines(lines)
        # A companion column for a 亲子 activity, a marks column when there are marks: the
        # place column keeps its room in the large text size.
        self.roster_view.setColumnHidden(RosterModel.COMPANION, not detail.with_parent)
        self.roster_view.setColumnHidden(
            RosterModel.MARKS, not any(RosterModel.marks(line) for line in lines)
        )
        heading = (
            self.tr("Signed up: %1 (%2 seats) · waiting: %3")
            .replace("%1", str(len(roster.sheet)))
            .replace("%2", str(detail.row.taken))
            .replace("%3", str(len(roster.waitlist)))
        )
        self.roster_heading.setText(f"<b>{escape(heading)}</b>")
        self.roster_heading.setAccessibleName(heading)
        row = self.roster_model.row_of(keep.signup_id) if keep is not None else -1
        if row >= 0:
            self.roster_view.selectRow(row)

    def chosen_line(self) -> RosterLine | None:
        index = self.roster_view.currentIndex()
        if not index.isValid() or not 0 <= index.row() < self.roster_model.rowCount():
            return None
        return self.roster_model.line(index.row())

    def _fill_info(self, detail: SessionDetail) -> None:
        row = detail.row
        room = row.room or self.tr("No room")
        if row.room and detail.room_capacity:
            room = (
                self.tr("%1 (%2 seats)")
                .replace("%1", row.room)
                .replace("%2", str(detail.room_capacity))
            )
        organiser = " · ".join(part for part in (row.organiser, detail.organisation) if part)
        audience = " · ".join(part for part in (detail.rule, row.audience) if part)
        closes = row.signups_close_at
        seats = (
            self.tr("%1 taken of %2").replace("%1", str(row.taken)).replace("%2", str(row.capacity))
        )
        if row.waiting:
            seats += self.tr(", %1 waiting").replace("%1", str(row.waiting))
        status = labels.session_status_name(row.status)
        if row.status == SessionStatus.CANCELLED and detail.cancelled_reason:
            status += f"（{detail.cancelled_reason}）"
        pairs = [
            (self.tr("Menu item"), row.item),
            (self.tr("Series"), row.series),
            (self.tr("When"), labels.format_when(row.starts_at, row.ends_at)),
            (self.tr("Room"), room),
            (self.tr("Organised by"), organiser or "—"),
            (self.tr("Who may come"), audience or self.tr("Everyone")),
            (
                self.tr("Signups close"),
                f"{labels.format_day(closes.date())} {labels.format_time(closes)}",
            ),
            (self.tr("Places"), seats),
            (self.tr("Status"), status),
        ]
        if detail.note:
            pairs.append((self.tr("Note"), detail.note))
        cells = "".join(
            f'<tr><td style="padding-right:0.6em; white-space:nowrap"><b>{escape(name)}</b></td>'
            f"<td>{escape(value)}</td></tr>"
            for name, value in pairs
        )
        self.info_label.setText(f'<table style="line-height:130%">{cells}</table>')
        self.info_label.setAccessibleName("；".join(f"{name}：{value}" for name, value in pairs))

    def on_roster_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.line_changed.emit()
