"""Home (首页): today's visits by purpose, rooms, this week's sessions, approvals, 30 days
of visits; and on its second page the charts of the month, the week and the year. A bar of any
chart opens the list behind it (`ui.home.lists`)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
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
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.choices import Purpose
from app.errors import DomainError
from app.roles import Actor, Permission
from ui import labels, style
from ui.context import DeskContext
from ui.home.chart import BarChart, VisitsChart
from ui.home.charts import PurposesChart, RoomsChart, SeriesChart, VolunteersChart, hours_text
from ui.home.holiday_notice import HolidayNotice
from ui.home.models import PurposeCountModel, RoomScheduleModel, WeekSessionsModel
from ui.home.pending import PendingBookingsModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.progress import Progress
    from app.services.home import HomeFigures, PendingLine  # SQLAlchemy: after the window
    from app.services.statistics.period import Period
    from app.services.statistics.rows import PurposeCount, RoomUse, SeriesFigures, VolunteerHours
    from ui.home.lists import ChartListDialog
    from ui.jobs import Job

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


class _TabBar(QTabBar):
    """As tall as the widget beside the tabs (QTabWidget squeezes its corner widget into the
    tab bar's height, and the refresh button there is a primary button, 60 px tall in the
    large text size)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        pages = self.parentWidget()
        corner = (
            pages.cornerWidget(Qt.Corner.TopRightCorner) if isinstance(pages, QTabWidget) else None
        )
        if corner is not None:
            # QTabWidget gives the corner the bar's height less the line under the tabs.
            line = self.style().pixelMetric(self.style().PixelMetric.PM_TabBarBaseOverlap)
            hint.setHeight(max(hint.height(), corner.sizeHint().height() + line))
        return hint


class _Pages(QTabWidget):
    """Home's two pages. As tall as the page shown, not as the tallest page (QTabWidget's own
    size hints take the largest page): in the large text size the charts are shorter than
    today's tables, and the desk would scroll over an empty space."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTabBar(_TabBar(self))
        self.currentChanged.connect(self.updateGeometry)

    def _top(self) -> int:
        corner = self.cornerWidget(Qt.Corner.TopRightCorner)
        bar = self.tabBar().sizeHint().height()
        return max(bar, corner.sizeHint().height() if corner is not None else 0)

    def _frame(self) -> int:
        return 2 * self.style().pixelMetric(self.style().PixelMetric.PM_DefaultFrameWidth)

    def _around(self, page: QSize) -> QSize:
        corner = self.cornerWidget(Qt.Corner.TopRightCorner)
        width = self.tabBar().sizeHint().width()
        width += corner.sizeHint().width() if corner is not None else 0
        frame = self._frame()
        return QSize(max(width, page.width() + frame), page.height() + self._top() + frame)

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page.hasHeightForWidth() if page is not None else super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None or not page.hasHeightForWidth():
            return super().heightForWidth(width)
        return page.heightForWidth(width - self._frame()) + self._top() + self._frame()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return self._around(page.sizeHint()) if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return self._around(page.minimumSizeHint())


class HomeDesk(QWidget):
    """Today at a glance; refreshed when shown and with F5."""

    # A booking awaiting approval was chosen (Enter or a double-click): its id and its day, for
    # the main window to open the Rooms desk there.
    pending_booking_activated = Signal(int, object)
    # A session of the week was chosen (Enter or a double-click): its id, for the main window to
    # open the Service menu desk on it.
    session_activated = Signal(int)
    # A room's list asked for its week in the Rooms desk: the room's id and a day of the week.
    room_week_activated = Signal(int, object)
    # A volunteer's list asked for their page in the Volunteers desk: the person's id.
    volunteer_activated = Signal(int)

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
        self.chart.activated.connect(self.on_day_activated)
        self.purpose_chart = PurposesChart(self)
        self.purpose_chart.activated.connect(self.on_purpose_activated)
        self.series_chart = SeriesChart(self)
        self.series_chart.activated.connect(self.on_series_activated)
        self.room_chart = RoomsChart(self)
        self.room_chart.activated.connect(self.on_room_activated)
        self.volunteer_chart = VolunteersChart(self)
        self.volunteer_chart.activated.connect(self.on_volunteer_activated)
        self.list_dialog: ChartListDialog | None = None
        self._list_action: tuple[str, int] | None = None  # what the list's row or button opens
        self._list_job: Job[Any] | None = None  # reading the list shown
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
            self.tr("Visits per day, last 30 days (Enter on a day lists its visits)"),
            self.chart,
            self.tr("No visits in the last 30 days."),
            self,
        )
        self.purpose_chart_section = _Section(
            "home.purposeChart",
            self.tr("Visits this month by purpose"),
            self.purpose_chart,
            self.tr("No visits this month yet."),
            self,
        )
        self.series_chart_section = _Section(
            "home.seriesChart",
            self.tr("Service series this month: signed up and came"),
            self.series_chart,
            self.tr("No activity session held this month yet."),
            self,
        )
        self.room_chart_section = _Section(
            "home.roomChart",
            self.tr("Rooms this week: booked hours out of open hours"),
            self.room_chart,
            self.tr("No room is open this week."),
            self,
        )
        self.volunteer_chart_section = _Section(
            "home.volunteerChart",
            self.tr("Volunteer hours this year, top 10"),
            self.volunteer_chart,
            self.tr("No volunteer hours recorded this year yet."),
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

        # The day and the refresh button sit beside the pages' tabs: the charts need the height.
        corner = QWidget(self)
        header = QHBoxLayout(corner)
        header.setContentsMargins(0, 0, 0, 0)
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

        today = QWidget(self)
        today.setObjectName("home.today")
        today_layout = QVBoxLayout(today)
        today_layout.setContentsMargins(0, self.fontMetrics().height() // 3, 0, 0)
        today_layout.addLayout(cards)
        today_layout.addLayout(grid, 1)
        self.tabs = _Pages(self)
        self.tabs.setObjectName("home.tabs")
        self.tabs.setAccessibleName(self.tr("Home pages"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(today, self.tr("&Today"))
        self.tabs.addTab(self._charts_page(), self.tr("&Charts"))
        self.tabs.tabBar().setObjectName("home.tabBar")
        self.tabs.tabBar().setAccessibleName(self.tr("Home pages"))
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

        content = QWidget(self)
        content.setObjectName("home.content")
        inner = QVBoxLayout(content)
        margin = inner.contentsMargins()
        inner.setContentsMargins(margin.left(), margin.top() // 2, margin.right(), 0)
        inner.addWidget(HolidayNotice(context, content))  # admins: a year's holidays to enter
        inner.addWidget(self.tabs, 1)
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

    def _charts_page(self) -> QWidget:
        """The month's, the week's and the year's charts in two columns (each as tall as its
        bars need)."""
        page = QWidget(self)
        page.setObjectName("home.charts")
        hint = QLabel(
            self.tr(
                "Click a bar, or press Tab to reach a chart, choose a bar with the arrow keys "
                "and press Enter: the list behind it opens."
            ),
            page,
        )
        hint.setObjectName("home.charts.hint")
        hint.setWordWrap(True)
        columns = QHBoxLayout()
        for sections in (
            (self.purpose_chart_section, self.room_chart_section),
            (self.series_chart_section, self.volunteer_chart_section),
        ):
            column = QVBoxLayout()
            for section in sections:
                column.addWidget(section)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, self.fontMetrics().height() // 3, 0, 0)
        layout.addWidget(hint)
        layout.addLayout(columns, 1)
        return page

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
        self.day_label.setText(self.tr("Today: %1").replace("%1", labels.format_day(figures.day)))
        self.day_label.setToolTip(labels.format_long_day(figures.day))
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
        self.show_charts(
            figures.purposes_this_month,
            figures.series_this_month,
            figures.rooms_this_week,
            figures.volunteers_this_year,
        )
        self.purposes_section.show_empty(self.purposes_model.rowCount() == 0)
        self.rooms_section.show_empty(self.rooms_model.rowCount() == 0)
        self.sessions_section.show_empty(self.sessions_model.rowCount() == 0)
        self.chart_section.show_empty(not any(count for _day, count in figures.visits_per_day))
        self._update_arrangement()

    def _chart_sections(self) -> tuple[_Section, ...]:
        return (
            self.purpose_chart_section,
            self.series_chart_section,
            self.room_chart_section,
            self.volunteer_chart_section,
        )

    def show_charts(
        self,
        purposes: Sequence[PurposeCount],
        series: Sequence[SeriesFigures],
        rooms: Sequence[RoomUse],
        volunteers: Sequence[VolunteerHours],
    ) -> None:
        """The month's visits by purpose and series, the week's rooms, the year's volunteers."""
        self.purpose_chart.set_rows(purposes)
        self.series_chart.set_rows(series)
        self.room_chart.set_rows(rooms)
        self.volunteer_chart.set_rows(volunteers)
        self.purpose_chart_section.show_empty(not any(row.visits for row in purposes))
        self.series_chart_section.show_empty(not any(row.sessions for row in series))
        self.room_chart_section.show_empty(not any(row.open_hours for row in rooms))
        self.volunteer_chart_section.show_empty(not volunteers)

    def charts(self) -> list[BarChart]:
        """Every chart of Home, the 30 days' first."""
        return [
            self.chart,
            self.purpose_chart,
            self.series_chart,
            self.room_chart,
            self.volunteer_chart,
        ]

    # --- the lists behind the charts -----------------------------------------------------

    def _day(self) -> dt.date:
        return self._figures.day if self._figures is not None else clock.today()

    def _dialog(self) -> ChartListDialog:
        from ui.home.lists import ChartListDialog

        if self.list_dialog is None:
            self.list_dialog = ChartListDialog(self)
            self.list_dialog.row_activated.connect(self.on_list_row_activated)
            self.list_dialog.open_requested.connect(self.on_list_open_requested)
        return self.list_dialog

    def _load_list(
        self,
        title: str,
        read: Callable[[Session, Actor], list[Any]],
        fill: Callable[[ChartListDialog, list[Any]], None],
    ) -> ChartListDialog:
        """Open the list's window at once, saying it is being read; `read(session, actor)` runs
        in a background job (a month of visits on a big centre takes a moment) and `fill` shows
        its rows. A list asked for later wins; a window closed meanwhile stays closed."""
        from app.services import calls
        from ui import jobs

        dialog = self._dialog()
        dialog.show_loading(title)
        db, actor = self._context.db, self._context.actor

        def work(progress: Progress) -> list[Any]:
            progress.check()
            return calls.read(db, actor, read)

        if self._list_job is not None:
            self._list_job.cancel()
        job = jobs.start(work, "home.list")
        self._list_job = job

        def on_succeeded(rows: list[Any]) -> None:
            if job is self._list_job and dialog.isVisible():
                fill(dialog, rows)

        def on_failed(error: DomainError) -> None:
            if job is self._list_job and dialog.isVisible():
                log.warning("home: a chart's list could not be read: %s", error)
                dialog.show_problem(title, error.message)

        job.succeeded.connect(on_succeeded)
        job.failed.connect(on_failed)
        return dialog

    def open_visits(self, period: Period, purpose: Purpose | None, title: str) -> ChartListDialog:
        """The visits of `period` (of `purpose` when given)."""
        from app.services.statistics import lists
        from ui.home.list_models import VisitRowsModel

        def fill(dialog: ChartListDialog, rows: list[Any]) -> None:
            model = VisitRowsModel()
            model.with_days = period.days > 1
            model.set_lines(rows)
            summary = self.tr("%1 visits.").replace("%1", str(len(rows)))
            dialog.show_list(
                title, summary, model, stretch=VisitRowsModel.NOTE, empty=self.tr("No visits.")
            )

        self._list_action = None
        return self._load_list(title, lambda s, a: lists.visits(s, a, period, purpose), fill)

    def on_day_activated(self, day: object) -> ChartListDialog:
        from app.services.statistics.period import Period

        assert isinstance(day, dt.date)
        title = self.tr("Visits on %1").replace("%1", labels.format_long_day(day))
        return self.open_visits(Period(day, day), None, title)

    def on_purpose_activated(self, purpose: object) -> ChartListDialog:
        from app.services.statistics.period import Period

        assert isinstance(purpose, Purpose)
        month = Period.month(self._day().year, self._day().month)
        title = (
            self.tr("Visits this month (%1): %2")
            .replace("%1", month.label())
            .replace("%2", labels.purpose_name(purpose))
        )
        return self.open_visits(month, purpose, title)

    def on_series_activated(self, series_id: object) -> ChartListDialog:
        """The series' sessions this month; Enter on one opens it in the Service menu."""
        from app.services.statistics import lists
        from app.services.statistics.period import Period
        from ui.home.list_models import SeriesSessionsModel

        assert isinstance(series_id, int)
        month = Period.month(self._day().year, self._day().month)
        name = next((r.name for r in self.series_chart.rows() if r.series_id == series_id), "")
        title = (
            self.tr("%1: sessions this month (%2)").replace("%1", name).replace("%2", month.label())
        )

        def fill(dialog: ChartListDialog, rows: list[Any]) -> None:
            model = SeriesSessionsModel()
            model.set_lines(rows)
            summary = (
                self.tr(
                    "%1 sessions, %2 signed up, %3 came. Enter opens a session in the Service menu."
                )
                .replace("%1", str(len(rows)))
                .replace("%2", str(sum(row.signups for row in rows)))
                .replace("%3", str(sum(row.attended for row in rows)))
            )
            empty = self.tr("No session of this series this month.")
            dialog.show_list(title, summary, model, stretch=model.ACTIVITY, empty=empty)

        self._list_action = ("session", series_id)
        return self._load_list(
            title, lambda s, a: lists.series_sessions(s, a, series_id, month), fill
        )

    def on_room_activated(self, room_id: object) -> ChartListDialog:
        """The room's bookings this week, and the way to its week in the Rooms desk."""
        from app.services.statistics import lists
        from app.services.statistics.period import Period
        from ui.home.list_models import RoomBookingsModel

        assert isinstance(room_id, int)
        week = Period.week_of(self._day())
        use = next((r for r in self.room_chart.rows() if r.room_id == room_id), None)
        name = use.name if use is not None else ""
        title = (
            self.tr("%1: bookings this week (%2)").replace("%1", name).replace("%2", week.label())
        )

        def fill(dialog: ChartListDialog, rows: list[Any]) -> None:
            model = RoomBookingsModel()
            model.set_lines(rows)
            summary = self.tr("%1 bookings this week.").replace("%1", str(len(rows)))
            if use is not None and use.open_hours:
                summary = (
                    self.tr("%1 bookings this week: %2 of %3 open hours booked.")
                    .replace("%1", str(len(rows)))
                    .replace("%2", hours_text(use.booked_hours))
                    .replace("%3", hours_text(use.open_hours))
                )
            dialog.show_list(
                title,
                summary,
                model,
                stretch=model.TITLE,
                empty=self.tr("No booking of this room this week."),
                open_text=self.tr("Show the week in &Rooms"),
            )

        self._list_action = ("room", room_id)
        return self._load_list(title, lambda s, a: lists.room_bookings(s, a, room_id, week), fill)

    def on_volunteer_activated(self, person_id: object) -> ChartListDialog:
        """The volunteer's service records this year, and the way to their Volunteers page."""
        from app.services.statistics import lists
        from app.services.statistics.period import Period
        from ui.volunteers.models import RecordsModel

        assert isinstance(person_id, int)
        year = Period.year(self._day().year)
        name = next((r.name for r in self.volunteer_chart.rows() if r.person_id == person_id), "")
        title = self.tr("%1: volunteer service this year").replace("%1", name)

        def fill(dialog: ChartListDialog, rows: list[Any]) -> None:
            model = RecordsModel()
            model.set_lines(rows)
            summary = (
                self.tr("%1 records, %2 hours in %3.")
                .replace("%1", str(len(rows)))
                .replace("%2", hours_text(lists.hours_of(rows)))
                .replace("%3", str(year.first.year))
            )
            dialog.show_list(
                title,
                summary,
                model,
                stretch=2,
                empty=self.tr("No service recorded this year."),
                open_text=self.tr("Open in &Volunteers"),
            )

        self._list_action = ("volunteer", person_id)
        return self._load_list(
            title, lambda s, a: lists.volunteer_records(s, a, person_id, year), fill
        )

    def on_list_row_activated(self, row: int) -> None:
        """A session of a series' list: the Service menu on it."""
        dialog = self.list_dialog
        if dialog is None or self._list_action is None or self._list_action[0] != "session":
            return
        model = dialog.table.model()
        session_id = model.line(row).session_id  # type: ignore[attr-defined]
        dialog.accept()
        self.session_activated.emit(session_id)

    def on_list_open_requested(self) -> None:
        """The list's room or volunteer in their own desk."""
        dialog = self.list_dialog
        if dialog is None or self._list_action is None:
            return
        kind, key = self._list_action
        dialog.accept()
        if kind == "room":
            self.room_week_activated.emit(key, self._day())
        elif kind == "volunteer":
            self.volunteer_activated.emit(key)

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
            *self._chart_sections(),
        ):
            section.heading.setFont(style.scaled_font(section.heading, 1.1, bold=True))
        self.day_label.setFont(style.scaled_font(self.day_label, 1.2, bold=True))
        for view in (self.purposes_view, self.rooms_view, self.sessions_view, self.pending_view):
            style.update_table_metrics(view)
        if self._figures is not None:
            self._update_arrangement()
