"""服务菜单: the five series with their items, a fortnight's sessions, and the chosen session with
its roster and waitlist; signing residents up and cancelling, from the desk.

Left, the series and items (全部 at the top) filter the sessions. Above, a fortnight's sessions
(前两周 / 今天 / 后两周); below them, the chosen session's detail beside its roster. Signing up and
taking attendance open in place of the detail (返回 goes back); cancelling asks in a bar inside
the desk, never in a dialog that takes the cursor away.

Staff also plan from here: 新建场次 and 编辑场次 (the session editor), 服务项目 (the series
and items, in a window beside the desk), 截止报名 / 重新开放报名, and 取消场次, which asks for
the reason in a bar inside the desk and then lists the people to phone in place of the detail.

The printed sheet and menu (`ui.menu.printing`, which brings ReportLab) and the menu's editor
(`ui.menu.catalogue`) are imported when their button is first pressed, to keep the desk quick to
open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QMargins, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError
from app.models import SessionStatus, SignupStatus
from app.security import Permission
from app.services.menu import reads, sessions, signups
from app.services.menu.reads import Roster, RosterLine, SessionDetail
from ui import labels, style
from ui.context import DeskContext
from ui.menu.attendance import AttendancePanel
from ui.menu.cancel_session import CancelSessionBar, PhoneListPanel
from ui.menu.models import SessionsModel
from ui.menu.series_tree import Filter, SeriesTree
from ui.menu.session_editor import SessionEditor
from ui.menu.session_panel import SessionPanel
from ui.menu.signup_panel import SignupPanel
from ui.reception.widgets import DeskStatusLine
from ui.table_export import add_export_action, export_button
from ui.widgets import button

if TYPE_CHECKING:
    from ui.menu.catalogue import MenuCatalogueDialog
    from ui.menu.printing import SigninSheetDialog
    from ui.pdf_preview import PdfPreviewDialog

PERIOD_DAYS = 14  # a fortnight


def fortnight_start(today: dt.date, day: dt.date) -> dt.date:
    """The first day of the fortnight, counted from today, that holds `day`."""
    return today + dt.timedelta(days=PERIOD_DAYS * ((day - today).days // PERIOD_DAYS))


class MenuDesk(QWidget):
    """The series, the sessions of a fortnight, the chosen session with its people."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu")
        self._context = context
        self._start = clock.today()
        self._detail: SessionDetail | None = None
        self._roster: Roster | None = None
        self._asked: RosterLine | None = None  # the signup a cancel question is about
        self._sizes: list[int] = []  # the sessions list's and detail's heights, while away
        self._cancelling: int | None = None  # the session the cancel-session bar is about
        self.editor: SessionEditor | None = None  # while open
        self.attendance: AttendancePanel | None = None  # once opened
        self.catalogue: MenuCatalogueDialog | None = None  # once opened

        self._make_toolbar()
        self._make_body()
        self.status = DeskStatusLine("menu.status", self)
        self._make_exports()

        navigation = QHBoxLayout()
        for part in (self.previous_button, self.today_button, self.next_button):
            navigation.addWidget(part)
        navigation.addStretch(1)
        navigation.addWidget(self.new_session_button)
        navigation.addWidget(self.catalogue_button)
        navigation.addWidget(self.print_menu_button)
        actions = QHBoxLayout()
        for part in (
            self.sign_up_button,
            self.cancel_signup_button,
            self.attendance_button,
            self.print_sheet_button,
        ):
            actions.addWidget(part)
        actions.addStretch(1)
        for part in (
            self.edit_session_button,
            self.close_signups_button,
            self.cancel_session_button,
        ):
            actions.addWidget(part)
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addLayout(actions)
        layout.addWidget(self.cancel_session_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self._shortcuts()
        self.setFocusProxy(self.sessions_view)
        self._show_detail(None, None)

    # --- building -------------------------------------------------------------------------------

    def _make_toolbar(self) -> None:
        self.previous_button = button(self.tr("◀ Previous fortnight"), "menu.previous", self)
        self.previous_button.setAccessibleName(self.tr("Previous fortnight"))
        self.previous_button.setToolTip("Ctrl+PgUp")
        self.previous_button.clicked.connect(self.on_previous_clicked)
        self.today_button = button(self.tr("From today"), "menu.today", self)
        self.today_button.setToolTip("Ctrl+T")
        self.today_button.clicked.connect(self.on_today_clicked)
        self.next_button = button(self.tr("Next fortnight ▶"), "menu.next", self)
        self.next_button.setAccessibleName(self.tr("Next fortnight"))
        self.next_button.setToolTip("Ctrl+PgDown")
        self.next_button.clicked.connect(self.on_next_clicked)
        actor = self._context.actor
        self.new_session_button = self._action_button(
            self.tr("New session (Ctrl+Shift+N)"), "menu.new_session", self.on_new_session_clicked
        )
        self.print_menu_button = self._action_button(
            self.tr("Print the menu (Ctrl+Shift+P)"), "menu.print_menu", self.on_print_menu_clicked
        )
        self.sign_up_button = self._action_button(
            self.tr("Sign up (F2)"), "menu.sign_up", self.on_sign_up_clicked
        )
        style.make_primary(self.sign_up_button)
        self.cancel_signup_button = self._action_button(
            self.tr("Cancel signup (Del)"), "menu.cancel_signup", self.on_cancel_signup_clicked
        )
        self.attendance_button = self._action_button(
            self.tr("Attendance (F3)"), "menu.take_attendance", self.on_attendance_clicked
        )
        self.print_sheet_button = self._action_button(
            self.tr("Print sign-in sheet (Ctrl+P)"), "menu.print_sheet", self.on_print_sheet_clicked
        )
        self.edit_session_button = self._action_button(
            self.tr("Edit session (F4)"), "menu.edit_session", self.on_edit_session_clicked
        )
        self.catalogue_button = self._action_button(
            self.tr("Menu items"), "menu.catalogue", self.on_catalogue_clicked
        )
        self.catalogue_button.setAccessibleName(self.tr("Series and items of the menu"))
        self.close_signups_button = self._action_button(
            self.tr("Close signups"), "menu.close_signups", self.on_close_signups_clicked
        )
        self.cancel_session_button = self._action_button(
            self.tr("Cancel session"), "menu.cancel_session", self.on_cancel_session_clicked
        )
        plans = actor.may(Permission.MENU)
        self.new_session_button.setEnabled(plans)
        self.catalogue_button.setEnabled(plans)
        if not plans:
            self.new_session_button.setToolTip(self.tr("Staff plan the sessions."))
            self.catalogue_button.setToolTip(self.tr("Staff write the menu's series and items."))

    def _make_exports(self) -> None:
        """导出 Excel beside the roster's heading (the administrator's: hidden from the others,
        the desk is busy enough), and on both lists' right-click menus."""
        self.roster_export_button = export_button(
            self,
            self._context,
            self.roster_model,
            self._roster_title,
            view=self.roster_view,
            name="menu.roster",
            status=self.status,
        )
        self.roster_export_button.setVisible(self.roster_export_button.isEnabled())
        self.detail_page.heading_row.addWidget(self.roster_export_button)
        add_export_action(self.roster_view, self._context, self._roster_title, status=self.status)
        add_export_action(
            self.sessions_view,
            self._context,
            lambda: (
                self.tr("Sessions %1 to %2")
                .replace("%1", self.period()[0].isoformat())
                .replace("%2", self.period()[1].isoformat())
            ),
            status=self.status,
        )

    def _sessions_title(self) -> str:
        first, last = self.period()
        return (
            self.tr("Sessions %1 to %2")
            .replace("%1", first.isoformat())
            .replace("%2", last.isoformat())
        )

    def _roster_title(self) -> str:
        """报名名单 太极拳 2026-11-25 14:00."""
        row = self._detail.row if self._detail is not None else None
        if row is None:
            return self.tr("Signups")
        return (
            self.tr("Signups %1 %2")
            .replace("%1", row.item)
            .replace("%2", f"{row.starts_at:%Y-%m-%d %H:%M}")
        )

    def _action_button(self, text: str, name: str, slot: Callable[[], None]) -> Any:
        widget = button(text, name, self)
        # The accessible name without the key: "报名", not "报名 (F2)".
        widget.setAccessibleName(text.split(" (")[0].split("（")[0].strip())
        widget.clicked.connect(slot)
        return widget

    def _make_body(self) -> None:
        self.series_tree = SeriesTree(self)
        self.series_tree.chosen_changed.connect(self.on_series_chosen_changed)

        self.period_label = QLabel(self)
        self.period_label.setObjectName("menu.period")
        self.period_label.setTextFormat(Qt.TextFormat.RichText)
        self.sessions_model = SessionsModel(self)
        self.sessions_view = QTableView(self)
        self.sessions_view.setObjectName("menu.sessions")
        self.sessions_view.setAccessibleName(self.tr("Sessions of the period"))
        style.configure_table(self.sessions_view)
        self.sessions_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessions_view.setTabKeyNavigation(False)
        self.sessions_view.setModel(self.sessions_model)
        style.fit_columns(self.sessions_view, stretch=SessionsModel.ITEM)
        self.sessions_view.selectionModel().currentRowChanged.connect(
            self.on_sessions_current_changed
        )
        self.sessions_view.activated.connect(self.on_sessions_activated)
        sessions_box = QWidget(self)
        sessions_layout = QVBoxLayout(sessions_box)
        sessions_layout.setContentsMargins(0, 0, 0, 0)
        sessions_layout.addWidget(self.period_label)
        sessions_layout.addWidget(self.sessions_view, 1)

        # The chosen session: its detail beside its roster, or signing up, or attendance.
        self.detail_page = SessionPanel(self)
        self.detail_page.line_changed.connect(self.on_roster_line_changed)
        self.question = self.detail_page.question
        self.question.confirmed.connect(self.on_question_confirmed)
        self.question.declined.connect(self.on_question_declined)
        self.info_label = self.detail_page.info_label
        self.roster_view = self.detail_page.roster_view
        self.roster_model = self.detail_page.roster_model

        self.signup_panel = SignupPanel(self._context, self)
        self.signup_panel.signed_up.connect(self.on_signed_up)
        self.signup_panel.back_requested.connect(self.on_back_clicked)
        self.signup_scroll = self._scrolled(self.signup_panel, "menu.signupScroll")

        self.attendance_page = QWidget(self)
        self.attendance_page.setObjectName("menu.attendancePage")
        self.attendance_back_button = button(
            self.tr("Back to the session (Esc)"), "menu.attendance_back", self.attendance_page
        )
        self.attendance_back_button.setAccessibleName(self.tr("Back to the session"))
        self.attendance_back_button.clicked.connect(self.on_back_clicked)
        attendance_layout = QVBoxLayout(self.attendance_page)
        attendance_layout.setContentsMargins(0, 0, 0, 0)
        self._attendance_layout = attendance_layout
        back_row = QHBoxLayout()
        back_row.addWidget(self.attendance_back_button)
        back_row.addStretch(1)
        attendance_layout.addLayout(back_row)

        self.cancel_session_bar = CancelSessionBar(self)
        self.cancel_session_bar.confirmed.connect(self.on_cancel_session_confirmed)
        self.cancel_session_bar.declined.connect(self.on_cancel_session_declined)
        self.phone_panel = PhoneListPanel(self)
        self.phone_panel.dismissed.connect(self.on_phone_list_dismissed)

        self.detail_stack = QStackedWidget(self)
        self.detail_stack.setObjectName("menu.detailStack")
        for page in (self.detail_page, self.signup_scroll, self.attendance_page, self.phone_panel):
            self.detail_stack.addWidget(page)

        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.setObjectName("menu.rightSplitter")
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(sessions_box)
        self.right.addWidget(self.detail_stack)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 3)
        self._split_by_hand = False  # the user dragged the line between list and detail
        self.right.splitterMoved.connect(self.on_right_splitter_moved)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("menu.splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.series_tree)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)

    def _scrolled(self, widget: QWidget, name: str) -> QScrollArea:
        area = QScrollArea(self)
        area.setObjectName(name)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(widget)
        return area

    def _shortcuts(self) -> None:
        def add(
            sequence: str,
            slot: Callable[[], object],
            widget: QWidget | None = None,
            context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
        ) -> None:
            shortcut = QShortcut(QKeySequence(sequence), widget or self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

        add("Ctrl+T", self.go_today)
        add("Ctrl+PgUp", self.go_previous)
        add("Ctrl+PgDown", self.go_next)
        add("F2", self.on_sign_up_clicked)
        add("Ctrl+N", self.on_sign_up_clicked)
        add("F3", self.on_attendance_clicked)
        add("F4", self.on_edit_session_clicked)
        add("Ctrl+P", self.on_print_sheet_clicked)
        add("Ctrl+Shift+N", self.on_new_session_clicked)
        add("Ctrl+Shift+P", self.on_print_menu_clicked)
        add(
            "Delete",
            self.on_cancel_signup_clicked,
            self.roster_view,
            Qt.ShortcutContext.WidgetShortcut,
        )
        add("Escape", self.on_back_clicked, self.attendance_page)
        add("Escape", self.on_phone_list_dismissed, self.phone_panel)

    # --- the period and the filter ----------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        """The days shown, first and last."""
        return self._start, self._start + dt.timedelta(days=PERIOD_DAYS - 1)

    def go_to(self, start: dt.date) -> None:
        self._start = start
        self.refresh()

    def go_today(self) -> None:
        self.go_to(clock.today())

    def go_previous(self) -> None:
        self.go_to(self._start - dt.timedelta(days=PERIOD_DAYS))

    def go_next(self) -> None:
        self.go_to(self._start + dt.timedelta(days=PERIOD_DAYS))

    def filter(self) -> Filter:
        """What the sessions are filtered by: None (全部), ("series", id) or ("item", id)."""
        return self.series_tree.chosen()

    def set_filter(self, chosen: Filter) -> bool:
        return self.series_tree.choose(chosen)  # refreshes

    def _fit_tree(self) -> None:
        """The tree as wide as its names, as long as the sessions list keeps its columns whole
        and about ten characters of the activity (a longer name is elided, whole in its
        tooltip): in the large text size the list needs the room more than the tree."""
        tree, view = self.series_tree, self.sessions_view
        header = view.horizontalHeader()
        columns = sum(
            header.sectionSize(column)
            for column in range(self.sessions_model.columnCount())
            if column != SessionsModel.ITEM
        )
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        room = (
            self.width()
            - margins.left()
            - margins.right()
            - self.splitter.handleWidth()
            - columns
            - view.fontMetrics().height() * 10
            - view.verticalScrollBar().sizeHint().width()
            - view.frameWidth() * 2
        )
        least = tree.fontMetrics().height() * 6
        width = max(least, min(tree.fitting_width(), room))
        tree.setMinimumWidth(least)
        sizes = self.splitter.sizes()
        if sum(sizes) > 0:
            self.splitter.setSizes([width, sum(sizes) - width])

    # --- reading ------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """The menu and the period's sessions as on file now; the session chosen stays chosen
        (or `select` is chosen)."""
        first, last = self.period()
        chosen = self.filter()
        series_id = chosen[1] if chosen and chosen[0] == "series" else None
        item_id = chosen[1] if chosen and chosen[0] == "item" else None
        start = dt.datetime.combine(first, dt.time())
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
        try:
            tree, rows = self._context.run(
                lambda session, actor: (
                    reads.menu_tree(session, actor),
                    reads.sessions_between(
                        session, actor, start, end, series_id=series_id, item_id=item_id
                    ),
                ),
                write=False,
                status=self.status,
            )
        except DomainError:
            return
        keep = select if select is not None else self.session_id()
        self.series_tree.set_menu(tree)
        self._update_period_label(first, last, len(rows))
        view = self.sessions_view
        view.selectionModel().blockSignals(True)
        self.sessions_model.set_lines(rows)
        row = self.sessions_model.row_of(keep) if keep is not None else -1
        if row >= 0:
            index = self.sessions_model.index(row, 0)
            view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            view.scrollTo(index)
        view.selectionModel().blockSignals(False)
        self.load_session(keep if row >= 0 else None)

    def load_session(self, session_id: int | None) -> None:
        """The session's detail and roster as on file now (nothing chosen: None)."""
        if session_id is None:
            self._show_detail(None, None)
            return
        try:
            detail, roster = self._context.run(
                lambda session, actor: (
                    reads.get_session(session, actor, session_id),
                    reads.roster(session, actor, session_id),
                ),
                write=False,
                status=self.status,
            )
        except DomainError:
            self._show_detail(None, None)
            return
        self._show_detail(detail, roster)

    def _update_period_label(self, first: dt.date, last: dt.date, count: int) -> None:
        text = (
            self.tr("Sessions %1 – %2: %3")
            .replace("%1", labels.format_day(first))
            .replace("%2", labels.format_day(last))
            .replace("%3", str(count))
        )
        self.period_label.setText(f"<b>{escape(text)}</b>")
        self.period_label.setAccessibleName(text)

    def _show_detail(self, detail: SessionDetail | None, roster: Roster | None) -> None:
        self._detail, self._roster = detail, roster
        self.detail_page.show_session(detail, roster)
        if detail is None and self.detail_stack.currentWidget() is self.signup_scroll:
            self._show_detail_page()
        if self._asked is not None and self.roster_model.row_of(self._asked.signup_id) < 0:
            self._asked = None
            self.question.close_question()
        if self._cancelling is not None and (
            detail is None
            or detail.row.id != self._cancelling
            or detail.row.status == SessionStatus.CANCELLED
        ):
            self._cancelling = None
            self.cancel_session_bar.close_question()
        self._update_actions()

    def _update_actions(self) -> None:
        actor = self._context.actor
        row = self._detail.row if self._detail is not None else None
        chosen = row is not None
        takes_signups = row is not None and row.status in (SessionStatus.OPEN, SessionStatus.FULL)
        self.sign_up_button.setEnabled(takes_signups and actor.may(Permission.SIGNUPS))
        self.sign_up_button.setToolTip(
            ""
            if takes_signups or row is None
            else self.tr("This session takes no signups: %1.").replace(
                "%1", labels.session_status_name(row.status)
            )
        )
        line = self.chosen_line()
        self.cancel_signup_button.setEnabled(
            line is not None
            and line.status != SignupStatus.CANCELLED
            and actor.may(Permission.SIGNUPS)
        )
        self._enable(self.attendance_button, chosen, Permission.SIGNUPS)
        self._enable(self.print_sheet_button, chosen, Permission.PRINT_SHEETS)
        self._enable(self.edit_session_button, chosen, Permission.MENU)
        # Closing signups and cancelling: staff, a session that isn't cancelled. Whether it has
        # begun is the service's to say (in the bar or the status line).
        live = row is not None and row.status != SessionStatus.CANCELLED
        closed = self._detail is not None and self._detail.closed
        self.close_signups_button.setText(
            self.tr("Reopen signups") if closed else self.tr("Close signups")
        )
        self.close_signups_button.setAccessibleName(self.close_signups_button.text())
        for widget in (self.close_signups_button, self.cancel_session_button):
            self._enable(widget, live, Permission.MENU)
            if row is not None and not live and actor.may(Permission.MENU):
                widget.setToolTip(self.tr("This session is cancelled."))

    def _enable(self, widget: Any, chosen: bool, permission: Permission) -> None:
        may = self._context.actor.may(permission)
        widget.setEnabled(chosen and may)
        widget.setToolTip("" if may else self.tr("Staff do this."))

    # --- what is chosen -------------------------------------------------------------------------

    def session_id(self) -> int | None:
        """The session chosen in the list."""
        index = self.sessions_view.currentIndex()
        if not index.isValid() or not self.sessions_view.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        return self.sessions_model.line(index.row()).id

    def detail(self) -> SessionDetail | None:
        return self._detail

    def roster(self) -> Roster | None:
        return self._roster

    def chosen_line(self) -> RosterLine | None:
        return self.detail_page.chosen_line()

    def signup_id(self) -> int | None:
        line = self.chosen_line()
        return line.signup_id if line is not None else None

    def show_session(self, session_id: int) -> bool:
        """Home's or Reception's session: its fortnight, the session chosen; False when it is
        gone."""
        try:
            detail = self._context.run(
                lambda session, actor: reads.get_session(session, actor, session_id),
                write=False,
                status=self.status,
            )
        except DomainError:
            return False
        self._start = fortnight_start(clock.today(), detail.row.starts_at.date())
        if self.filter() not in (
            None,
            ("series", detail.row.series_id),
            ("item", detail.row.item_id),
        ):
            self.series_tree.choose(None, quiet=True)
        self._show_detail_page()
        self.refresh(select=session_id)
        self.sessions_view.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.session_id() == session_id

    # --- signing up and cancelling ------------------------------------------------------------

    def start_sign_up(self) -> bool:
        """The sign-up form for the chosen session, in place of its detail."""
        if self._detail is None or not self.sign_up_button.isEnabled():
            return False
        self.question.close_question()
        self._make_room_below()
        self.detail_stack.setCurrentWidget(self.signup_scroll)
        self.signup_panel.start(self._detail)
        return True

    def _make_room_below(self) -> None:
        """Signing up or taking attendance: the sessions list shrinks to one row (the chosen
        one in sight), the page below takes the rest of the height."""
        if self.detail_stack.currentWidget() is self.detail_page:
            self._sizes = self.right.sizes()
        self.period_label.setVisible(False)
        total = sum(self.right.sizes())
        rows = self.sessions_view.verticalHeader().defaultSectionSize()
        header = self.sessions_view.horizontalHeader().sizeHint().height()
        top = header + rows
        if total > top * 2:
            self.right.setSizes([top, total - top])
        index = self.sessions_view.currentIndex()
        if index.isValid():
            self.sessions_view.scrollTo(index)

    def _show_detail_page(self) -> None:
        self.period_label.setVisible(True)
        if self.detail_stack.currentWidget() is not self.detail_page and self._sizes:
            self.right.setSizes(self._sizes)
        self.detail_stack.setCurrentWidget(self.detail_page)

    def ask_cancel(self) -> bool:
        """Ask, inside the desk, whether to cancel the chosen signup."""
        line = self.chosen_line()
        if line is None or not self.cancel_signup_button.isEnabled():
            return False
        self._asked = line
        if line.status == SignupStatus.WAITLISTED:
            text = self.tr("Cancel %1's signup (waitlist number %2)?").replace(
                "%2", str(line.position)
            )
        else:
            text = self.tr("Cancel %1's signup?")
        self.question.ask(text.replace("%1", line.name))
        self.question.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def cancel_signup(self, signup_id: int) -> bool:
        """Cancel a signup; whoever moves up from the waitlist is named at once."""
        name = next(
            (line.name for line in self.roster_model.lines() if line.signup_id == signup_id), ""
        )
        try:
            result = self._context.run(
                lambda session, actor: signups.cancel(session, actor, signup_id),
                write=True,
            )
        except DomainError as error:
            self.status.show_error(self.tr("Not cancelled: %1").replace("%1", error.message))
            self.refresh()
            return False
        parts = [self.tr("%1's signup is cancelled.").replace("%1", name)]
        parts += [
            self.tr("%1 moved up from the waitlist to a seat (please phone them: %2).")
            .replace("%1", moved.name)
            .replace("%2", moved.phone)
            for moved in result.promoted
        ]
        self.status.show_info(" ".join(parts))
        self.refresh()
        self.roster_view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # --- the other parts of the menu ----------------------------------------------------------

    def open_attendance(self) -> AttendancePanel | None:
        session_id = self.session_id()
        if session_id is None or not self.attendance_button.isEnabled():
            return None
        if self.attendance is None:
            self.attendance = AttendancePanel(self._context, self.attendance_page)
            self.attendance.changed.connect(self.on_attendance_changed)
            self._attendance_layout.addWidget(self.attendance, 1)
        self.attendance.show_session(session_id)
        self._make_room_below()
        self.detail_stack.setCurrentWidget(self.attendance_page)
        self.attendance.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.attendance

    def print_sheet(self) -> SigninSheetDialog | None:
        """The sign-in sheet's dialog (blank rows, then the preview)."""
        session_id = self.session_id()
        if session_id is None or not self.print_sheet_button.isEnabled():
            return None
        from ui.menu.printing import preview_signin_sheet  # brings ReportLab

        return preview_signin_sheet(self._context, self, session_id)

    def print_menu(self) -> PdfPreviewDialog | None:
        from ui.menu.printing import preview_menu  # brings ReportLab

        return preview_menu(self._context, self, self._start.replace(day=1))

    def open_session_editor(
        self,
        session_id: int | None = None,
        item_id: int | None = None,
        day: dt.date | None = None,
    ) -> SessionEditor | None:
        """The session editor: the session given, or a new one (for the item, on the day)."""
        widget = self.edit_session_button if session_id else self.new_session_button
        if not widget.isEnabled():
            return None
        if self.editor is not None:
            self.editor.close()
            self.editor.deleteLater()
        if session_id is not None:
            editor = SessionEditor(self._context, self, session_id=session_id)
        else:
            editor = SessionEditor(self._context, self, item_id=item_id, day=day)
        editor.saved.connect(self.on_editor_saved)
        self.editor = editor
        editor.open()
        return editor

    def open_catalogue(self) -> MenuCatalogueDialog | None:
        """服务项目: the series and items, in a window beside the desk (not modal); what is
        saved there shows in the desk's tree at once."""
        if not self.catalogue_button.isEnabled():
            return None
        if self.catalogue is None:
            from ui.menu.catalogue import MenuCatalogueDialog

            self.catalogue = MenuCatalogueDialog(self._context, self)
            self.catalogue.editor.changed.connect(self.on_catalogue_changed)
        else:
            self.catalogue.editor.reload()
        self.catalogue.show()
        self.catalogue.activateWindow()
        return self.catalogue

    # --- closing signups and cancelling the session -----------------------------------------

    def set_signups_closed(self, closed: bool) -> bool:
        """截止报名 (True) or 重新开放报名 (False) for the chosen session; a refusal is said on
        the status line."""
        if self._detail is None:
            return False
        session_id = self._detail.row.id
        item = self._detail.row.item
        try:
            self._context.run(
                lambda session, actor: sessions.set_signups_closed(
                    session, actor, session_id, closed
                ),
                write=True,
            )
        except DomainError as error:
            self.status.show_error(self.tr("Not changed: %1").replace("%1", error.message))
            self.refresh()
            return False
        self.refresh()
        if closed:
            text = self.tr("Signups for %1 are closed.")
        elif self._detail is not None and self._detail.row.status == SessionStatus.CLOSED:
            text = self.tr(
                "Signups for %1 are no longer closed by hand, but their deadline has passed."
            )
        else:
            text = self.tr("Signups for %1 are open again.")
        self.status.show_info(text.replace("%1", item))
        return True

    def ask_cancel_session(self) -> bool:
        """Ask, in a bar inside the desk, why the chosen session is cancelled."""
        detail = self._detail
        if detail is None or not self.cancel_session_button.isEnabled():
            return False
        self.question.close_question()
        self._asked = None
        if self.detail_stack.currentWidget() is not self.detail_page:
            self._show_detail_page()
        row = detail.row
        self._cancelling = row.id
        waiting = self._roster.waitlist if self._roster is not None else []
        registered = self._roster.registered if self._roster is not None else []
        text = (
            self.tr("Cancel %1 on %2? %3 signed up and %4 waiting are to be phoned.")
            .replace("%1", row.item)
            .replace("%2", labels.format_when(row.starts_at, row.ends_at))
            .replace("%3", str(len(registered)))
            .replace("%4", str(len(waiting)))
        )
        self.cancel_session_bar.ask(text)
        return True

    def cancel_session(self, reason: str) -> list[RosterLine] | None:
        """Cancel the session asked about; the people to phone are listed in place of the
        detail. None when the service refused (said in the bar, which stays open)."""
        session_id = self._cancelling
        detail = self._detail
        if session_id is None or detail is None:
            return None
        try:
            people = self._context.run(
                lambda session, actor: sessions.cancel_session(session, actor, session_id, reason),
                write=True,
            )
        except DomainError as error:
            self.cancel_session_bar.show_problem(error.message)
            self.cancel_session_bar.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        self._cancelling = None
        self.cancel_session_bar.close_question()
        row = detail.row
        what = f"{row.item}（{labels.format_when(row.starts_at, row.ends_at)}）"
        self.refresh()
        self.status.show_info(
            self.tr("%1 is cancelled; %2 people to phone, listed below.")
            .replace("%1", what)
            .replace("%2", str(len(people)))
        )
        self.phone_panel.show_people(what, people)
        self._make_room_below()  # a long list: as many names in sight as the desk can hold
        self.detail_stack.setCurrentWidget(self.phone_panel)
        self.phone_panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if people:
            self.phone_panel.view.selectRow(0)
        return people

    # --- slots ----------------------------------------------------------------------------------

    def on_previous_clicked(self) -> None:
        self.go_previous()

    def on_today_clicked(self) -> None:
        self.go_today()

    def on_next_clicked(self) -> None:
        self.go_next()

    def on_series_chosen_changed(self) -> None:
        self.refresh()

    def on_sessions_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.detail_stack.currentWidget() in (self.signup_scroll, self.phone_panel):
            self._show_detail_page()
        rows = self.sessions_model.rowCount()
        self.load_session(
            self.sessions_model.line(current.row()).id if 0 <= current.row() < rows else None
        )
        if self.detail_stack.currentWidget() is self.attendance_page:
            self.open_attendance()

    def on_sessions_activated(self, _index: QModelIndex) -> None:
        self.start_sign_up()

    def on_roster_line_changed(self) -> None:
        self._update_actions()

    def on_sign_up_clicked(self) -> None:
        self.start_sign_up()

    def on_signed_up(self, text: str) -> None:
        self.status.show_info(text)
        self._show_detail_page()
        self.refresh()
        self.sessions_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_back_clicked(self) -> None:
        self._show_detail_page()
        self.refresh()
        self.sessions_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_cancel_signup_clicked(self) -> None:
        self.ask_cancel()

    def on_question_confirmed(self) -> None:
        asked, self._asked = self._asked, None
        if asked is not None:
            self.cancel_signup(asked.signup_id)

    def on_question_declined(self) -> None:
        self._asked = None
        self.roster_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_attendance_clicked(self) -> None:
        self.open_attendance()

    def on_attendance_changed(self) -> None:
        self.refresh()

    def on_print_sheet_clicked(self) -> None:
        self.print_sheet()

    def on_print_menu_clicked(self) -> None:
        self.print_menu()

    def on_new_session_clicked(self) -> None:
        chosen = self.filter()
        item_id = chosen[1] if chosen is not None and chosen[0] == "item" else None
        self.open_session_editor(item_id=item_id, day=self._start)

    def on_edit_session_clicked(self) -> None:
        session_id = self.session_id()
        if session_id is not None:
            self.open_session_editor(session_id=session_id)

    def on_catalogue_clicked(self) -> None:
        self.open_catalogue()

    def on_catalogue_changed(self) -> None:
        self.refresh()

    def on_close_signups_clicked(self) -> None:
        self.set_signups_closed(not (self._detail is not None and self._detail.closed))

    def on_cancel_session_clicked(self) -> None:
        self.ask_cancel_session()

    def on_cancel_session_confirmed(self, reason: str) -> None:
        self.cancel_session(reason)

    def on_cancel_session_declined(self) -> None:
        self._cancelling = None
        self.sessions_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_phone_list_dismissed(self) -> None:
        self._show_detail_page()
        self.sessions_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_editor_saved(self, session_ids: list[int]) -> None:
        self.status.show_info(self.tr("The session is saved."))
        if session_ids:
            self.show_session(session_ids[0])
        else:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()
            # After the navigation has taken the focus for itself: the arrows move in the list.
            QTimer.singleShot(0, self, self._settle)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_tree()
        self._share_height()

    def _share_height(self) -> None:
        """The sessions list keeps a fair share of the height beside the detail: the stack
        below asks for its tallest page (attendance, in large text), which would leave the
        list one row."""
        if self._split_by_hand or self.detail_stack.currentWidget() is not self.detail_page:
            return
        total = sum(self.right.sizes())
        if total > 0:
            top = total * 9 // 20
            self.right.setSizes([top, total - top])
            index = self.sessions_view.currentIndex()
            if index.isValid():
                self.sessions_view.scrollTo(index)

    def on_right_splitter_moved(self, _position: int, _index: int) -> None:
        self._split_by_hand = True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self._fit_tree)
            QTimer.singleShot(0, self, self._share_height)

    def _settle(self) -> None:
        self._fit_tree()
        self._share_height()
        if self.isVisible() and self.detail_stack.currentWidget() is self.detail_page:
            self.sessions_view.setFocus(Qt.FocusReason.OtherFocusReason)
