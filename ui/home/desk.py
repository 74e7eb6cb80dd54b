"""Home (首页): today's visits by purpose, rooms, this week's sessions, approvals, 30 days
of visits."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError
from app.roles import Permission
from ui import labels, style
from ui.context import DeskContext
from ui.home.chart import VisitsChart
from ui.home.holiday_notice import HolidayNotice
from ui.home.models import PurposeCountModel, RoomScheduleModel, WeekSessionsModel
from ui.home.pending import PendingBookingsModel

if TYPE_CHECKING:
    from app.services.home import HomeFigures, PendingLine  # SQLAlchemy: after the window

log = logging.getLogger(__name__)


class FigureCard(QFrame):
    """One big number with what it counts, readable from a step back."""

    def __init__(self, object_name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._title_text = title
        self._value = 0
        self.title = QLabel(title, self)
        self.number = QLabel("0", self)
        self.number.setObjectName(f"{object_name}.value")
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.number)
        row.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(row)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.update_fonts()

    def update_fonts(self) -> None:
        self.number.setFont(style.scaled_font(self.number, 2.4, bold=True))
        self.title.setFont(style.scaled_font(self.title, 1.0, bold=True))

    def value(self) -> int:
        return self._value

    def set_value(self, value: int, caption: str) -> None:
        self._value = value
        self.number.setText(str(value))
        self.caption.setText(caption)
        self.setAccessibleName(f"{self._title_text}: {value} {caption}".strip())

    def set_loading(self, text: str) -> None:
        """No number yet: the figures are still being read."""
        self.number.setText("…")
        self.caption.setText("")
        self.setAccessibleName(f"{self._title_text}: {text}")


class _Section(QWidget):
    """A heading over a table, or over a sentence when the table would be empty."""

    def __init__(
        self, object_name: str, title: str, view: QWidget, empty: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.heading = QLabel(title, self)
        self.heading.setFont(style.scaled_font(self.heading, 1.1, bold=True))
        self.empty = QLabel(empty, self)
        self.empty.setObjectName(f"{object_name}.empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(view)
        self.stack.addWidget(self.empty)
        self.view = view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)

    def show_empty(self, empty: bool) -> None:
        self.stack.setCurrentWidget(self.empty if empty else self.view)


class HomeDesk(QWidget):
    """Today at a glance; refreshed when shown and with F5."""

    # A booking awaiting approval was chosen (Enter or a double-click): its id and its day, for
    # the main window to open the Rooms desk there.
    pending_booking_activated = Signal(int, object)
    # A session of the week was chosen (Enter or a double-click): its id, for the main window to
    # open the Service menu desk on it.
    session_activated = Signal(int)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self._context = context
        self._figures: HomeFigures | None = None

        self.purposes_model = PurposeCountModel(self)
        self.rooms_model = RoomScheduleModel(self)
        self.sessions_model = WeekSessionsModel(self)

        self.day_label = QLabel(self)
        self.day_label.setObjectName("home.day")
        self.updated_label = QLabel(self)
        self.updated_label.setObjectName("home.updated")
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.setObjectName("home.refresh")
        self.refresh_button.setAccessibleName(self.tr("Refresh the figures"))
        style.make_primary(self.refresh_button)
        self.refresh_button.clicked.connect(self.on_refresh_triggered)
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setObjectName("home.refreshAction")
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.on_refresh_triggered)
        self.addAction(self.refresh_action)

        self.visits_card = FigureCard("home.visitsToday", self.tr("Visitors today"), self)
        self.pending_card = FigureCard(
            "home.pendingApprovals", self.tr("Bookings awaiting approval"), self
        )
        self.sessions_card = FigureCard("home.weekSessions", self.tr("Activities this week"), self)

        self.purposes_view = self._table("home.purposes", self.tr("Visits today by purpose"))
        self.purposes_view.setModel(self.purposes_model)
        self.rooms_view = self._table("home.rooms", self.tr("Today's room schedule"))
        self.rooms_view.setModel(self.rooms_model)
        self.sessions_view = self._table("home.sessions", self.tr("This week's activities"))
        self.sessions_view.setModel(self.sessions_model)
        self.sessions_view.activated.connect(self.on_session_activated)
        self.chart = VisitsChart(self)
        self.pending_model = PendingBookingsModel(self)
        self.pending_view = self._table("home.pending", self.tr("Bookings awaiting approval"))
        self.pending_view.setModel(self.pending_model)
        self.pending_view.activated.connect(self.on_pending_activated)
        # Today's rooms and the bookings awaiting approval share a column beside the week's
        # sessions: their height comes from the minimum set in _update_arrangement and the
        # room left over, not from a table's default size hint (which made the page scroll).
        for view in (self.rooms_view, self.pending_view):
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        # The free text (purpose, booking title, activity) takes the room that is left, so no
        # table needs scrolling sideways; a long title is elided and shown whole in its tooltip.
        style.fit_columns(self.purposes_view, stretch=0)
        style.fit_columns(self.rooms_view, stretch=2)
        style.fit_columns(self.sessions_view, stretch=2)
        style.fit_columns(self.pending_view, stretch=PendingBookingsModel.TITLE)

        self.purposes_section = _Section(
            "home.purposes",
            self.tr("Visits today by purpose"),
            self.purposes_view,
            self.tr("No visitor has been checked in today yet."),
            self,
        )
        self.chart_section = _Section(
            "home.chart",
            self.tr("Visits per day, last 30 days"),
            self.chart,
            self.tr("No visits in the last 30 days."),
            self,
        )
        self.rooms_section = _Section(
            "home.rooms",
            self.tr("Today's room schedule"),
            self.rooms_view,
            self.tr("No room is booked today."),
            self,
        )
        self.sessions_section = _Section(
            "home.sessions",
            self.tr("This week's activities (Enter opens the session in the Service menu)"),
            self.sessions_view,
            self.tr("No activity is planned for the next seven days."),
            self,
        )
        # Staff and admin approve bookings: only they see the list (the card counts for all).
        self.pending_section = _Section(
            "home.pending",
            self.tr("Bookings awaiting approval (Enter opens the day in Rooms)"),
            self.pending_view,
            self.tr("No booking is awaiting approval."),
            self,
        )
        self.pending_section.setVisible(self._approves)

        header = QHBoxLayout()
        header.addWidget(self.day_label)
        header.addSpacing(self.fontMetrics().height())
        header.addWidget(self.updated_label)
        header.addStretch(1)
        header.addWidget(self.refresh_button)
        cards = QHBoxLayout()
        for card in (self.visits_card, self.pending_card, self.sessions_card):
            cards.addWidget(card)
        grid = QGridLayout()
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self._grid = grid
        self._wide: bool | None = None
        self._arrange(wide=True)

        content = QWidget(self)
        content.setObjectName("home.content")
        inner = QVBoxLayout(content)
        inner.addLayout(header)
        inner.addWidget(HolidayNotice(context, content))  # admins: a year's holidays to enter
        inner.addLayout(cards)
        inner.addLayout(grid, 1)
        # On a small screen in the large text size the page scrolls instead of cutting off.
        scroll = QScrollArea(self)
        scroll.setObjectName("home.scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._update_fonts()
        if not context.db_ready:
            # Start-up shows the window while it still opens the database.
            context.on_database_ready.append(self.on_database_ready)
            self._show_loading()

    def _arrange(self, *, wide: bool) -> None:
        """Wide: the four sections two by two. Narrow (large text on a small screen): the two
        tables take the whole width one under the other, and the page scrolls."""
        if wide == self._wide:
            return
        self._wide = wide
        grid = self._grid
        for section in (
            self.purposes_section,
            self.chart_section,
            self.rooms_section,
            self.sessions_section,
            self.pending_section,
        ):
            grid.removeWidget(section)
        grid.addWidget(self.purposes_section, 0, 0)
        grid.addWidget(self.chart_section, 0, 1)
        pending = 1 if self._approves else 0
        if wide:  # the bookings awaiting approval under today's rooms, beside the sessions
            grid.addWidget(self.rooms_section, 1, 0, 2 - pending, 1)
            if pending:
                grid.addWidget(self.pending_section, 2, 0)
            grid.addWidget(self.sessions_section, 1, 1, 2, 1)
            grid.setRowStretch(2, 2 * pending)
            grid.setRowStretch(3, 0)
        else:
            grid.addWidget(self.rooms_section, 1, 0, 1, 2)
            grid.addWidget(self.sessions_section, 2, 0, 1, 2)
            if pending:
                grid.addWidget(self.pending_section, 3, 0, 1, 2)
            grid.setRowStretch(2, 3)
            grid.setRowStretch(3, 2 * pending)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)

    def _needs_width(self) -> int:
        """The width the week's sessions table needs to show every column without scrolling."""
        view = self.sessions_view
        metrics = view.fontMetrics()
        header = view.horizontalHeader()
        width = metrics.averageCharWidth() * 14  # the activity's name, elided beyond this
        for column in range(self.sessions_model.columnCount()):
            if column != 2:
                width += max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        return width + view.verticalScrollBar().sizeHint().width() + 4 * view.frameWidth()

    def _update_arrangement(self) -> None:
        # Wide, the sessions table has 3/5 of the page (the column stretches are 2 : 3).
        available = self.width() - self.fontMetrics().height() * 2
        self._arrange(wide=available * 3 // 5 >= self._needs_width())
        rows = {self.purposes_view: 4, self.rooms_view: 5, self.sessions_view: 5}
        if self._approves:  # the bookings awaiting approval share the rooms' column
            rows[self.rooms_view] = rows[self.pending_view] = 2
        if not self._wide:
            rows = {self.purposes_view: 5, self.rooms_view: 8, self.sessions_view: 10}
            rows[self.pending_view] = 6
        for view, count in rows.items():
            model = view.model()
            shown = max(1, min(count, model.rowCount()))
            height = (
                view.horizontalHeader().sizeHint().height()
                + shown * view.verticalHeader().defaultSectionSize()
                + 2 * view.frameWidth()
            )
            view.setMinimumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_arrangement()

    def _table(self, object_name: str, accessible: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(object_name)
        view.setAccessibleName(accessible)
        style.configure_table(view)
        return view

    @property
    def figures(self) -> HomeFigures | None:
        """The figures shown, as last read from the database."""
        return self._figures

    @property
    def loading(self) -> bool:
        """True while the database is still being opened and no figures can be read yet."""
        return not self._context.db_ready

    def _show_loading(self) -> None:
        text = self.tr("Loading…")
        self.updated_label.setText(text)
        self.refresh_button.setEnabled(False)
        self.refresh_action.setEnabled(False)
        for card in (self.visits_card, self.pending_card, self.sessions_card):
            card.set_loading(text)

    def on_database_ready(self) -> None:
        self.refresh_button.setEnabled(True)
        self.refresh_action.setEnabled(True)
        if self.isVisible():
            self.refresh()

    def refresh(self, today: dt.date | None = None) -> None:
        """Read today's figures again and show them (once the database is open)."""
        if self.loading:
            self._show_loading()
            return
        # Imported here, not at the top: start-up shows this desk before SQLAlchemy has loaded.
        from app.services import home

        approves = self._approves
        try:
            figures, pending = self._context.run(
                lambda session, actor: (
                    home.figures(session, today),
                    home.pending_bookings(session, actor) if approves else [],
                ),
                write=False,
            )
        except DomainError:
            log.exception("home: figures could not be read")
            self.updated_label.setText(
                self.tr("The figures could not be read from the database; press F5 to try again.")
            )
            return
        self.show_figures(figures)
        self.show_pending(pending)

    @property
    def _approves(self) -> bool:
        return self._context.actor.may(Permission.ROOMS)

    def show_pending(self, lines: Sequence[PendingLine]) -> None:
        """The bookings awaiting approval (staff and admin)."""
        self.pending_model.set_lines(lines)
        self.pending_section.show_empty(not lines)
        self._update_arrangement()

    def on_pending_activated(self, index: QModelIndex) -> None:
        line = self.pending_model.line(index.row())
        self.pending_booking_activated.emit(line.id, line.starts_at.date())

    def on_session_activated(self, index: QModelIndex) -> None:
        self.session_activated.emit(self.sessions_model.line(index.row()).id)

    def show_figures(self, figures: HomeFigures) -> None:
        self._figures = figures
        self.day_label.setText(
            self.tr("Today: %1").replace("%1", labels.format_long_day(figures.day))
        )
        self.updated_label.setText(
            self.tr("updated at %1").replace("%1", labels.format_time(clock.now()))
        )
        self.visits_card.set_value(figures.visits_today, self.tr("visits"))
        self.pending_card.set_value(figures.pending_approvals, self.tr("to approve"))
        self.sessions_card.set_value(len(figures.sessions), self.tr("sessions in the next 7 days"))
        self.purposes_model.set_counts(figures.visits_by_purpose)
        self.rooms_model.set_lines(figures.bookings, figures.day)
        self.sessions_model.set_lines(figures.sessions)
        self.chart.set_days(figures.visits_per_day)
        self.purposes_section.show_empty(self.purposes_model.rowCount() == 0)
        self.rooms_section.show_empty(self.rooms_model.rowCount() == 0)
        self.sessions_section.show_empty(self.sessions_model.rowCount() == 0)
        self.chart_section.show_empty(not any(count for _day, count in figures.visits_per_day))
        self._update_arrangement()

    def on_refresh_triggered(self) -> None:
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()

    def _update_fonts(self) -> None:
        for card in (self.visits_card, self.pending_card, self.sessions_card):
            card.update_fonts()
        for section in (
            self.purposes_section,
            self.chart_section,
            self.rooms_section,
            self.sessions_section,
            self.pending_section,
        ):
            section.heading.setFont(style.scaled_font(section.heading, 1.1, bold=True))
        self.day_label.setFont(style.scaled_font(self.day_label, 1.2, bold=True))
        for view in (self.purposes_view, self.rooms_view, self.sessions_view, self.pending_view):
            style.update_table_metrics(view)
        if self._figures is not None:
            self._update_arrangement()
