"""接待签到: find a visitor with one search box and check them in with Enter.

The search box keeps the cursor: digits, letters and the Chinese input method always type into
it (digits are phone tails, so they can never choose anything else). Up and Down move the
highlighted result, Enter checks the highlighted person in, a member-card scan (the scanner types
the code and Enter) checks its owner in at once. Purposes are chosen with F2-F10 (or Alt+1-9),
keys that never type text, for the next check-in; a pinned one stays (ui.reception.purposes).
At most 20 people are listed, and a line under them says how many more match. Questions (a
second check-in a moment after the first, undoing one) are asked in a bar inside the desk, never
in a dialog.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError, ValidationError
from app.models import Purpose
from app.services import reception, search
from app.services.reception import RecentDuplicate, VisitLine, Visitor, VisitRow
from app.services.search import MatchKind, PersonHit, SearchResult
from ui import labels, style
from ui.context import DeskContext
from ui.menu.quick_signup import QuickSignup, open_quick_signup
from ui.people.person_form import FormMode, PersonForm
from ui.reception.models import ResultsModel, TodayLogModel, format_last_visit
from ui.reception.purposes import PURPOSE_KEYS, PurposeBar
from ui.reception.requests import RequestsPanel
from ui.reception.widgets import DeskStatusLine, QuestionBar
from ui.table_export import export_button

REFRESH_MS = 60_000  # other desks check people in too
_MEMBER_CODE = re.compile(r"[A-Za-z]{1,4}[0-9]{1,12}")
_PHONE_TYPED = re.compile(r"[0-9 \-]+")
TODAY = dt.date(2000, 1, 3)  # any day: "yesterday 23:00" and a day of another year
MIN_CARRIED_PHONE_DIGITS = 7  # fewer digits are a phone's tail, not a number to carry


def _has_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) == "W" and ch.isalpha() for ch in text)


def _sentences(first: str, then: str) -> str:
    """Two sentences of a message: a space between English ones, none after a full-width stop."""
    if not first or unicodedata.east_asian_width(first[-1]) in ("W", "F"):
        return first + then
    return f"{first} {then}"


class ReceptionDesk(QWidget):
    """One search box, the purposes, the results; today's log and 民生直通车 beside them; the
    registration form of a new visitor on a page of its own."""

    checked_in = Signal(int)  # visit id

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reception")
        self._context = context
        self._pending: tuple[int, str, Purpose, str] | None = None  # a duplicate to confirm
        self._undo_target: VisitLine | None = None
        self._last_person: tuple[int, str] | None = None  # the one checked in last
        self._found = SearchResult([])

        self.results_model = ResultsModel(self)
        self.log_model = TodayLogModel(self)

        # --- search --------------------------------------------------------------------------
        self.search_label = QLabel(self.tr("Find the visitor"), self)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("reception.search")
        self.search_box.setAccessibleName(self.tr("Find the visitor"))
        self.search_box.setPlaceholderText(
            self.tr("Last 4 digits of the phone, name, pinyin initials, or scan the member card")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_box)
        self.search_box.textChanged.connect(self.on_search_text_changed)
        self.search_box.installEventFilter(self)
        self.new_visitor_button = QPushButton(self.tr("New visitor (Ctrl+N)"), self)
        self.new_visitor_button.setObjectName("reception.newVisitor")
        self.new_visitor_button.setAccessibleName(self.tr("Register a new visitor"))
        self.new_visitor_button.setAutoDefault(True)
        style.make_primary(self.new_visitor_button)
        self.new_visitor_button.clicked.connect(self.on_new_visitor_clicked)

        self.purposes = PurposeBar(self)
        self.purposes.changed.connect(self.on_purpose_changed)
        self.purposes.pin_changed.connect(self.on_purpose_pin_changed)

        # --- results -------------------------------------------------------------------------
        self.results_view = QTableView(self)
        self.results_view.setObjectName("reception.results")
        self.results_view.setAccessibleName(self.tr("People found"))
        style.configure_table(self.results_view)
        self.results_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.results_view.setModel(self.results_model)
        self.results_view.setTabKeyNavigation(False)
        self._keep_highlight_visible(self.results_view)
        self.results_view.selectionModel().currentRowChanged.connect(
            self.on_results_current_row_changed
        )
        self.results_view.doubleClicked.connect(self.on_results_double_clicked)
        self.results_view.installEventFilter(self)
        # Under the list when more people match than it shows: how many, and what to do.
        self.more_label = QLabel(self)
        self.more_label.setObjectName("reception.more")
        self.more_label.setWordWrap(True)
        self.more_label.setVisible(False)
        results_page = QWidget(self)
        results_page_layout = QVBoxLayout(results_page)
        results_page_layout.setContentsMargins(0, 0, 0, 0)
        results_page_layout.addWidget(self.results_view, 1)
        results_page_layout.addWidget(self.more_label)
        self._results_page = results_page
        self.no_match_label = QLabel(self)
        self.no_match_label.setObjectName("reception.noMatch")
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setTextFormat(Qt.TextFormat.RichText)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.register_found_button = QPushButton(self.tr("Register as a new visitor"), self)
        self.register_found_button.setObjectName("reception.noMatch.register")
        self.register_found_button.setAccessibleName(self.tr("Register as a new visitor"))
        self.register_found_button.setAutoDefault(True)
        self.register_found_button.clicked.connect(self.on_new_visitor_clicked)
        no_match = QWidget(self)
        no_match_layout = QVBoxLayout(no_match)
        no_match_layout.addWidget(self.no_match_label)
        no_match_button_row = QHBoxLayout()
        no_match_button_row.addWidget(self.register_found_button)
        no_match_button_row.addStretch(1)
        no_match_layout.addLayout(no_match_button_row)
        no_match_layout.addStretch(1)
        self.results_area = QStackedWidget(self)
        self.results_area.setObjectName("reception.resultsArea")
        self.results_area.addWidget(results_page)
        self.results_area.addWidget(no_match)
        self._no_match_page = no_match

        # --- note, check in, questions, status ------------------------------------------------
        self.note_label = QLabel(self.tr("Note"), self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("reception.note")
        self.note_edit.setAccessibleName(self.tr("Note on the visit (optional)"))
        self.note_edit.setPlaceholderText(self.tr("optional"))
        self.note_edit.setMaxLength(reception.NOTE_MAX_LENGTH)
        self.note_label.setBuddy(self.note_edit)
        self.note_edit.installEventFilter(self)
        self.check_in_button = QPushButton(self.tr("Check in (Enter)"), self)
        self.check_in_button.setObjectName("reception.checkIn")
        self.check_in_button.setAccessibleName(self.tr("Check the highlighted person in"))
        self.check_in_button.setAutoDefault(True)
        style.make_primary(self.check_in_button)
        self.check_in_button.clicked.connect(self.on_check_in_clicked)
        # A resident who came to sign up for an activity: found, then F11 (a key that types no
        # text and chooses no purpose), and Enter in the list that opens signs them up.
        self.sign_up_button = QPushButton(self.tr("Sign up for an activity (F11)"), self)
        self.sign_up_button.setObjectName("reception.sign_up")
        self.sign_up_button.setAccessibleName(
            self.tr("Sign the highlighted person up for an activity")
        )
        self.sign_up_button.setAutoDefault(True)
        self.sign_up_button.clicked.connect(self.on_sign_up_clicked)
        self.quick_signup: QuickSignup | None = None
        self.duplicate_bar = QuestionBar(
            "reception.duplicate", self.tr("Check in again"), self.tr("Cancel (Esc)"), self
        )
        self.duplicate_bar.confirmed.connect(self.on_duplicate_confirmed)
        self.duplicate_bar.declined.connect(self.on_duplicate_declined)
        self.duplicate_bar.typed.connect(self.on_bar_typed)
        # One line of room for a message or a question, never both (1366 x 768, large text).
        self.status = DeskStatusLine(
            "reception.status",
            self,
            quiet_while=lambda: self.duplicate_bar.is_asking() or self.undo_bar.is_asking(),
        )

        # --- today's log ---------------------------------------------------------------------
        self.log_view = QTableView(self)
        self.log_view.setObjectName("reception.todayLog")
        self.log_view.setAccessibleName(self.tr("Today's check-ins"))
        style.configure_table(self.log_view)
        self.log_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.log_view.setModel(self.log_model)
        self.log_view.setTabKeyNavigation(False)
        self.log_view.installEventFilter(self)
        self.log_view.selectionModel().selectionChanged.connect(self.on_log_selection_changed)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("reception.total")
        self.undo_button = QPushButton(self.tr("Undo the chosen check-in (F12)"), self)
        self.undo_button.setObjectName("reception.undo")
        self.undo_button.setAccessibleName(self.tr("Undo the chosen check-in"))
        self.undo_button.setAutoDefault(True)
        self.undo_button.clicked.connect(self.on_undo_clicked)
        self.undo_bar = QuestionBar(
            "reception.undoBar", self.tr("Undo it"), self.tr("Keep it (Esc)"), self
        )
        self.undo_bar.confirmed.connect(self.on_undo_confirmed)
        self.undo_bar.declined.connect(self.on_undo_declined)
        self.undo_bar.typed.connect(self.on_bar_typed)
        log_page = QWidget(self)
        log_layout = QVBoxLayout(log_page)
        # No margins: on a small screen in the large text size every line of height counts.
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_header = QHBoxLayout()
        log_header.addWidget(self.total_label, 1)
        log_header.addWidget(self.undo_button)
        # The administrator's: a volunteer's busy screen doesn't show a button it may not use.
        self.export_button = export_button(
            self,
            context,
            self.log_model,
            lambda: self.tr("Visit log %1").replace("%1", clock.today().isoformat()),
            name="reception.todayLog",
            status=self.status,
        )
        self.export_button.setVisible(self.export_button.isEnabled())
        log_header.addWidget(self.export_button)
        log_layout.addLayout(log_header)
        log_layout.addWidget(self.log_view, 1)
        log_layout.addWidget(self.undo_bar)

        self.requests_panel = RequestsPanel(context, self)
        self.requests_panel.changed.connect(self.on_requests_changed)
        self.requests_panel.done.connect(self.on_requests_done)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reception.tabs")
        self._log_page = log_page

        # --- layout --------------------------------------------------------------------------
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.new_visitor_button)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.check_in_button)
        note_row.addWidget(self.sign_up_button)
        # Wide, the results sit here beside the tabs; narrow (large text on a small screen),
        # they are the tabs' first page and the tabs take the whole width.
        self.results_holder = QWidget(self)
        holder = QVBoxLayout(self.results_holder)
        holder.setContentsMargins(0, 0, 0, 0)
        self._wide: bool | None = None
        body = QHBoxLayout()
        body.addWidget(self.results_holder, 11)
        body.addWidget(self.tabs, 9)
        page = QWidget(self)
        page.setObjectName("reception.checkInPage")
        page_layout = QVBoxLayout(page)
        page_layout.addLayout(search_row)
        page_layout.addWidget(self.purposes)
        page_layout.addLayout(body, 1)
        page_layout.addLayout(note_row)
        page_layout.addWidget(self.duplicate_bar)
        page_layout.addWidget(self.status)
        self.check_in_page = page
        self._arrange(wide=True)

        self.form = PersonForm(context, FormMode.REGISTER, self)
        self.form.setObjectName("reception.form")
        self.form.saved.connect(self.on_form_saved)
        self.form.cancelled.connect(self.on_form_cancelled)
        self.form.existing_chosen.connect(self.on_form_existing_chosen)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("reception.pages")
        self.pages.addWidget(page)
        self.pages.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.setFocusProxy(self.search_box)

        self._set_tab_order()

        self._shortcuts()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.on_refresh_timer_timeout)
        self._update_fonts()
        self._update_results_area()
        self._update_tab_titles()
        self._update_undo_button()

    # --- building ------------------------------------------------------------------------------

    def _shortcuts(self) -> None:
        def add(sequence: str, slot: object) -> QShortcut:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            return shortcut

        self.purposes.add_shortcuts(self)
        add("Ctrl+N", self.on_new_visitor_clicked)
        add("F12", self.on_undo_clicked)
        add("F11", self.on_sign_up_clicked)
        add("Ctrl+R", self.on_request_shortcut_activated)

    def _set_tab_order(self) -> None:
        """Tab: search, the question when one is asked, note, check in, then the rest. Again
        after every rearrangement: moving a widget to another parent drops its place."""
        panel = self.requests_panel
        order: list[QWidget] = [
            self.search_box,
            self.duplicate_bar.confirm_button,
            self.duplicate_bar.decline_button,
            self.note_edit,
            self.check_in_button,
            self.sign_up_button,
            self.new_visitor_button,
            *self.purposes.buttons.values(),
            self.purposes.pin_button,
            self.tabs,
            self.results_view,
            self.register_found_button,
            self.log_view,
            self.undo_button,
            self.undo_bar.confirm_button,
            self.undo_bar.decline_button,
            panel.category_combo,
            panel.text_edit,
            panel.record_button,
            panel.view,
            panel.assignee_combo,
            panel.assign_button,
            panel.resolution_edit,
            panel.resolve_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _keep_highlight_visible(view: QTableView) -> None:
        """The highlighted result stays as visible while the cursor is in the search box."""
        palette = view.palette()
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(
                QPalette.ColorGroup.Inactive,
                role,
                palette.color(QPalette.ColorGroup.Active, role),
            )
        view.setPalette(palette)

    def _update_fonts(self) -> None:
        big = QFont()
        big.setPointSizeF(self.font().pointSizeF() * 1.25)
        self.search_box.setFont(big)
        label = QFont()
        label.setBold(True)
        self.search_label.setFont(label)
        for view in (self.results_view, self.log_view):
            style.update_table_metrics(view)
        self._fit_columns()

    def _result_widths(self) -> dict[int, int]:
        """The fixed columns as wide as their widest content or their heading."""
        metrics = self.results_view.fontMetrics()
        header = self.results_view.horizontalHeader()
        heading = header.fontMetrics()
        pad = metrics.averageCharWidth() * 2
        widest = {
            ResultsModel.NAME: metrics.horizontalAdvance("▶ 欧阳小明"),
            ResultsModel.PHONE: metrics.horizontalAdvance("138****5678"),
            ResultsModel.MEMBER_CODE: metrics.horizontalAdvance("YL000000"),
            ResultsModel.LAST_VISIT: max(
                metrics.horizontalAdvance(format_last_visit(dt.datetime(2000, 1, 2, 23), TODAY)),
                metrics.horizontalAdvance(format_last_visit(dt.datetime(1999, 12, 30), TODAY)),
            ),
        }
        model = self.results_model
        titles = {
            column: str(model.headerData(column, Qt.Orientation.Horizontal)) for column in widest
        }
        return {
            column: max(width, heading.horizontalAdvance(titles[column])) + pad
            for column, width in widest.items()
        }

    def _fit_columns(self) -> None:
        """Column widths from the font, set once (not measured per keystroke); the community
        takes what is left and shows itself whole in a tooltip."""
        header = self.results_view.horizontalHeader()
        header.setStretchLastSection(False)
        widths = self._result_widths()
        for column in range(self.results_model.columnCount()):
            if column in widths:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, widths[column])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        log_header = self.log_view.horizontalHeader()
        log_header.setStretchLastSection(False)
        for column in range(self.log_model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == TodayLogModel.PURPOSE
                else QHeaderView.ResizeMode.ResizeToContents
            )
            log_header.setSectionResizeMode(column, mode)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(wide=self.width() >= self._needs_width())

    # --- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Today's log, the counts by purpose and the open requests, as on file now."""
        today = clock.today()
        try:
            lines, counts = self._context.run(
                lambda session, actor: (
                    reception.today_log(session, actor, today),
                    reception.counts_by_purpose(session, actor, today),
                ),
                write=False,
                status=self.status,
            )
        except DomainError:
            return
        keep = self.selected_log_line()
        self.log_model.set_lines(lines)
        self.purposes.set_counts(counts)
        self.total_label.setText(
            self.tr("%1 visits checked in today").replace("%1", str(sum(counts.values())))
        )
        if keep is not None:
            self.select_log_line(keep.id)
        self.requests_panel.refresh()
        self._update_tab_titles()
        self._update_undo_button()

    def _results_title(self) -> str:
        shown = str(self.results_model.rowCount())
        found = self._found
        if found.more <= 0:
            return self.tr("People found (%1)").replace("%1", shown)
        title = (
            self.tr("People found (%1 of %2)")
            if found.more_exact
            else self.tr("People found (%1 of over %2)")
        )
        return title.replace("%1", shown).replace("%2", str(len(found.hits) + found.more))

    def _update_tab_titles(self) -> None:
        today = sum(self.purposes.count(p) for p in Purpose)
        titles = {
            self.results_area: self._results_title(),
            self._log_page: self.tr("Today's check-ins (%1)").replace("%1", str(today)),
            self.requests_panel: self.tr("Resident requests (%1 open)").replace(
                "%1", str(self.requests_panel.open_count())
            ),
        }
        for widget, title in titles.items():
            index = self.tabs.indexOf(widget)
            if index >= 0:
                self.tabs.setTabText(index, title)

    def is_wide(self) -> bool:
        """Results beside today's log (True), or all three as tabs (large text, small screen)."""
        return bool(self._wide)

    def _arrange(self, *, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        current = self.tabs.currentWidget()
        while self.tabs.count():
            self.tabs.removeTab(0)
        if wide:
            holder = self.results_holder.layout()
            assert holder is not None
            holder.addWidget(self.results_area)
            self.results_area.setVisible(True)
        else:
            self.tabs.addTab(self.results_area, "")
        self.results_holder.setVisible(wide)
        self.tabs.addTab(self._log_page, "")
        self.tabs.addTab(self.requests_panel, "")
        if current is not None and self.tabs.indexOf(current) >= 0:
            self.tabs.setCurrentWidget(current)
        elif not wide:
            self.tabs.setCurrentWidget(self.results_area)
        self._update_tab_titles()
        if hasattr(self, "form"):  # built: the order is set again (at first, by __init__)
            self._set_tab_order()

    def _needs_width(self) -> int:
        """The width both tables need side by side, every column readable."""
        metrics = self.results_view.fontMetrics()
        pad = metrics.averageCharWidth() * 3
        results = sum(self._result_widths().values()) + metrics.horizontalAdvance(
            "景秀小区 · 第12楼组"
        )
        log = sum(
            metrics.horizontalAdvance(text) + pad
            for text in ("00:00", "欧阳小明", "景秀小区", "活动室使用", "前台 王阿姨")
        )
        scroll = self.results_view.verticalScrollBar().sizeHint().width()
        return results + log + 2 * scroll + metrics.height() * 4

    def _show_results_tab(self) -> None:
        if not self._wide and self.tabs.currentWidget() is not self.results_area:
            self.tabs.setCurrentWidget(self.results_area)

    def search_text(self) -> str:
        return self.search_box.text()

    def _search(self, typed: str) -> SearchResult:
        if search.search_parameters(typed) is None:  # 1-3 digits, nothing typed: no query
            return SearchResult([])
        try:
            return self._context.run(
                lambda session, actor: search.find_people(session, actor, typed),
                write=False,
                status=self.status,
            )
        except DomainError:
            return SearchResult([])

    def more_text(self) -> str:
        """The line under the list when more people match than it shows ("" when none)."""
        return self.more_label.text() if not self.more_label.isHidden() else ""

    def _show_more(self, found: SearchResult) -> None:
        if found.more <= 0:
            self.more_label.clear()
            self.more_label.setVisible(False)
            return
        text = (
            self.tr("%1 more not shown. Type more of the name or number to narrow it down.")
            if found.more_exact
            else self.tr(
                "More than %1 more not shown. Type more of the name or number to narrow it down."
            )
        ).replace("%1", str(found.more))
        self.more_label.setText(text)
        self.more_label.setAccessibleName(text)
        self.more_label.setVisible(True)

    def _update_results_area(self) -> None:
        typed = self.search_box.text().strip()
        if self.results_model.rowCount():
            self.results_area.setCurrentWidget(self._results_page)
            return
        offer_register = False
        if not typed:
            text = self.tr(
                "Type the last 4 digits of the phone, the name, or its pinyin initials "
                "(张三: zs), or scan the member card. Enter checks the highlighted person in. "
                "F2-F10 choose the purpose of the next check-in; Shift+F2-F10 pin it for every "
                "check-in. F1 opens the guide."
            )
        elif _PHONE_TYPED.fullmatch(typed) and len(typed.replace(" ", "").replace("-", "")) < 4:
            text = self.tr("Type at least the last 4 digits of the phone number.")
        elif _MEMBER_CODE.fullmatch(typed) and any(ch.isdigit() for ch in typed):
            text = self.tr("No member card has the code %1.").replace("%1", typed.upper())
            offer_register = True
        else:
            text = self.tr(
                "Nobody on file matches “%1”. Press Enter to register a new visitor."
            ).replace("%1", typed)
            offer_register = True
        self.no_match_label.setText(style.paragraph_html(text))
        self.no_match_label.setAccessibleName(text)
        self.register_found_button.setVisible(offer_register)
        self.results_area.setCurrentWidget(self._no_match_page)

    def _sync_results_view(self) -> None:
        row = self.results_model.current_row()
        selection = self.results_view.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        index = self.results_model.index(row, 0)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.results_view.scrollTo(index)

    def highlighted(self) -> PersonHit | None:
        return self.results_model.current_hit()

    def move_highlight(self, steps: int) -> None:
        if self.results_model.rowCount():
            self.results_model.set_current_row(self.results_model.current_row() + steps)
            self._sync_results_view()
            self._update_request_person()

    def _update_request_person(self) -> None:
        hit = self.highlighted()
        if hit is not None:
            self.requests_panel.set_person(hit.id, f"{hit.name} ({hit.member_code})")
        elif self._last_person is not None:
            self.requests_panel.set_person(*self._last_person)
        else:
            self.requests_panel.set_person(None, "")

    # --- checking in ---------------------------------------------------------------------------

    def selected_purpose(self) -> Purpose:
        return self.purposes.selected()

    def set_purpose(self, purpose: Purpose) -> None:
        self.purposes.select(purpose)

    def check_in_highlighted(self) -> int | None:
        """Enter: the highlighted person checked in with the chosen purpose; the visit's id."""
        hit = self.highlighted()
        typed = self.search_box.text().strip()
        if hit is None:
            if typed and not self.register_found_button.isHidden():
                if _MEMBER_CODE.fullmatch(typed) and any(ch.isdigit() for ch in typed):
                    self.status.show_error(
                        self.tr("Not checked in: no member card has the code %1.").replace(
                            "%1", typed.upper()
                        )
                    )
                    self.search_box.selectAll()
                    return None
                self.open_new_visitor()
            return None
        if self.duplicate_bar.is_asking():
            return None  # Enter again does not confirm a double: Tab to the button, or click it
        return self.check_in(hit.id, f"{hit.name} ({hit.member_code})")

    def check_in(self, person_id: int, who: str, *, confirm: bool = False) -> int | None:
        """Check `person_id` in with the chosen purpose and note; the visit's id, or None when a
        question is asked or a message shown."""
        purpose = self.purposes.selected()
        note = self.note_edit.text()
        try:
            row = self._context.run(
                lambda session, actor: reception.check_in(
                    session, actor, person_id, purpose, note, confirm_duplicate=confirm
                ),
                write=True,
            )
        except RecentDuplicate as error:
            self._pending = (person_id, who, purpose, note)
            self.status.clear_message()  # the question says all; the last message is stale
            self._undo_target = None  # one question at a time
            self.undo_bar.close_question()
            self.duplicate_bar.ask(
                self.tr("%1 Tab then Enter checks in again; Esc or typing cancels.").replace(
                    "%1", error.message
                )
            )
            return None
        except ValidationError as error:
            self.status.show_error(self.tr("Not checked in: %1").replace("%1", error.message))
            if error.field == "note":
                self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        except DomainError as error:
            self.status.show_error(self.tr("Not checked in: %1").replace("%1", error.message))
            return None
        self._after_check_in(row, who)
        return row.id

    def _after_check_in(self, row: VisitRow, who: str) -> None:
        self._pending = None
        self._last_person = (row.person_id, who)
        name = labels.purpose_name(row.purpose)
        message = (
            self.tr("Checked in: %1 · %2 · %3. F12 undoes it.")
            .replace("%1", who)
            .replace("%2", name)
            .replace("%3", labels.format_time(row.at))
        )
        # The purpose was for this visitor: the next one starts again from the default (or the
        # pinned purpose), so that one F-key never records a whole queue under it unnoticed.
        if self.purposes.after_check_in():
            message = _sentences(
                message,
                self.tr("The purpose is back to %1.").replace(
                    "%1", labels.purpose_name(self.purposes.selected())
                ),
            )
        self.note_edit.clear()
        self.search_box.clear()  # closes any question and empties the results
        self.refresh()
        self.select_log_line(row.id)
        if not self._wide:
            self.tabs.setCurrentWidget(self._log_page)  # the new line, to see it went in
        if row.purpose is Purpose.REQUEST:
            self.tabs.setCurrentWidget(self.requests_panel)
            message = _sentences(message, self.tr("Ctrl+R records the request."))
        self.status.show_info(message)
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.checked_in.emit(row.id)

    def pending_duplicate(self) -> str:
        """The question of a second check-in asked now ("" when none)."""
        return self.duplicate_bar.question()

    def confirm_duplicate(self) -> int | None:
        if self._pending is None:
            return None
        person_id, who, purpose, note = self._pending
        self._pending = None
        self.duplicate_bar.close_question()
        self.purposes.select(purpose)
        self.note_edit.setText(note)
        return self.check_in(person_id, who, confirm=True)

    def cancel_duplicate(self) -> None:
        self._pending = None
        self.duplicate_bar.close_question()
        self.status.show_info(self.tr("Not checked in again."))
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_box.selectAll()

    # --- undo ----------------------------------------------------------------------------------

    def selected_log_line(self) -> VisitLine | None:
        rows = self.log_view.selectionModel().selectedRows()
        return self.log_model.line(rows[0].row()) if rows else None

    def select_log_line(self, visit_id: int) -> bool:
        row = self.log_model.row_of(visit_id)
        if row < 0:
            return False
        index = self.log_model.index(row, 0)
        self.log_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.log_view.scrollTo(index)
        return True

    def ask_undo(self) -> bool:
        """Ask, in the bar under the log, whether to undo the chosen check-in (the newest one
        still standing when none is chosen)."""
        self._pending = None  # one question at a time
        self.duplicate_bar.close_question()
        self.tabs.setCurrentWidget(self._log_page)
        line = self.selected_log_line()
        if line is None:
            newest = next((line for line in self.log_model.lines() if not line.undone), None)
            if newest is None:
                self.status.show_error(self.tr("No check-in today can be undone."))
                return False
            self.select_log_line(newest.id)
            line = newest
        if line.undone:
            self.status.show_error(self.tr("This check-in was undone already."))
            return False
        self._undo_target = line
        self.status.clear_message()
        self.undo_bar.ask(
            self.tr("Undo the check-in of %1 at %2 (%3)?")
            .replace("%1", line.name)
            .replace("%2", labels.format_time(line.at))
            .replace("%3", labels.purpose_name(line.purpose))
        )
        # Asked for on purpose: the cursor goes to the answer. Typing goes back to the search.
        self.undo_bar.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def undo(self) -> bool:
        """Undo the check-in asked about; the service audits it."""
        line = self._undo_target
        self._undo_target = None
        self.undo_bar.close_question()
        if line is None:
            return False
        try:
            self._context.run(
                lambda session, actor: reception.undo_check_in(session, actor, line.id),
                write=True,
            )
        except DomainError as error:
            self.status.show_error(self.tr("Not undone: %1").replace("%1", error.message))
            return False
        self.refresh()
        self.select_log_line(line.id)
        self.status.show_info(
            self.tr("Undone: the check-in of %1 at %2.")
            .replace("%1", line.name)
            .replace("%2", labels.format_time(line.at))
        )
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _update_undo_button(self) -> None:
        """Enabled for the chosen check-in, or (none chosen) for the newest one standing."""
        line = self.selected_log_line()
        if line is None:
            self.undo_button.setEnabled(any(not line.undone for line in self.log_model.lines()))
        else:
            self.undo_button.setEnabled(not line.undone)

    # --- signing up for an activity ------------------------------------------------------------

    def sign_up_person(self) -> int | None:
        """Whom F11 signs up: the highlighted result, or (the search box empty) the person
        checked in last."""
        hit = self.highlighted()
        if hit is not None:
            return hit.id
        if not self.search_box.text().strip() and self._last_person is not None:
            return self._last_person[0]
        return None

    def open_quick_signup(self) -> QuickSignup | None:
        """F11: the sessions of the next two weeks that fit the person, on top of the desk;
        closed, the cursor is back in the search box."""
        if self.showing_form():
            return None
        person_id = self.sign_up_person()
        if person_id is None:
            self.status.show_error(
                self.tr(
                    "Find the person first (phone tail, name or pinyin initials), then F11 "
                    "signs them up for an activity."
                )
            )
            self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        self._pending = None  # one question at a time
        self.duplicate_bar.close_question()
        dialog = open_quick_signup(self._context, person_id, self, replacing=self.quick_signup)
        dialog.signed_up.connect(self.on_quick_signup_signed_up)
        dialog.finished.connect(self.on_quick_signup_finished)
        self.quick_signup = dialog
        return dialog

    def on_sign_up_clicked(self) -> None:
        self.open_quick_signup()

    def on_quick_signup_signed_up(self, _signup_id: int) -> None:
        dialog = self.quick_signup
        if dialog is not None:
            self.status.show_info(f"{dialog.person_label()} · {dialog.result_text()}")

    def on_quick_signup_finished(self, _result: int) -> None:
        QTimer.singleShot(0, self, self._back_from_quick_signup)

    def _back_from_quick_signup(self) -> None:
        if self.pages.currentWidget() is self.check_in_page and self.isVisible():
            # The desk's window again, should the system not hand it back by itself.
            self.window().activateWindow()
            self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.search_box.selectAll()

    # --- new visitor ---------------------------------------------------------------------------

    @staticmethod
    def carried(typed: str) -> dict[str, str]:
        """What the search box hands to the registration form: a whole phone number or a name
        (a phone's tail or pinyin initials are not carried)."""
        text = typed.strip()
        if not text:
            return {}
        if _PHONE_TYPED.fullmatch(text):
            digits = text.replace(" ", "").replace("-", "")
            return {"phone": text} if len(digits) >= MIN_CARRIED_PHONE_DIGITS else {}
        if _has_cjk(text) and not any(ch.isdigit() for ch in text):
            return {"name": text}
        return {}

    def open_new_visitor(self) -> None:
        """The registration form on the desk's second page, with what was typed."""
        self.duplicate_bar.close_question()
        self._pending = None
        carried = self.carried(self.search_box.text())
        self.pages.setCurrentWidget(self.form)
        self.setFocusProxy(self.form.name_edit)
        self.form.start_register(
            name=carried.get("name", ""), phone=carried.get("phone", ""), hint=self._form_hint()
        )

    def _form_hint(self) -> str:
        purpose = self.purposes.selected()
        if purpose is self.purposes.pinned():
            return (
                self.tr(
                    "After registering, the visitor is checked in for “%1”, the pinned purpose "
                    "(%2-%3 change it for this visitor)."
                )
                .replace("%1", labels.purpose_name(purpose))
                .replace("%2", PURPOSE_KEYS[0])
                .replace("%3", PURPOSE_KEYS[-1])
            )
        return (
            self.tr("After registering, the visitor is checked in for “%1” (%2-%3 change it).")
            .replace("%1", labels.purpose_name(purpose))
            .replace("%2", PURPOSE_KEYS[0])
            .replace("%3", PURPOSE_KEYS[-1])
        )

    def showing_form(self) -> bool:
        return self.pages.currentWidget() is self.form

    def _back_to_search(self) -> None:
        self.pages.setCurrentWidget(self.check_in_page)
        self.setFocusProxy(self.search_box)
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- slots ---------------------------------------------------------------------------------

    def on_search_text_changed(self, text: str) -> None:
        if self.duplicate_bar.is_asking():
            self._pending = None
            self.duplicate_bar.close_question()
        self._found = self._search(text)
        self.results_model.set_hits(self._found.hits, text)
        self._show_more(self._found)
        self._sync_results_view()
        self._update_results_area()
        self._update_request_person()
        if not self._wide:
            self._show_results_tab()
            self._update_tab_titles()

    def on_results_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() != self.results_model.current_row():
            self.results_model.set_current_row(current.row())
            self._update_request_person()

    def on_results_double_clicked(self, index: QModelIndex) -> None:
        self.results_model.set_current_row(index.row())
        self.check_in_highlighted()

    def on_check_in_clicked(self) -> None:
        self.check_in_highlighted()
        if self.pages.currentWidget() is self.check_in_page and not self.undo_bar.is_asking():
            self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_purpose_changed(self, purpose: Purpose) -> None:
        if self.duplicate_bar.is_asking():  # asked for the purpose chosen before: moot now
            self._pending = None
            self.duplicate_bar.close_question()
        if self.showing_form():
            self.form.set_hint(self._form_hint())
        if purpose is self.purposes.home():
            self.status.show_info(
                self.tr("Purpose: %1.").replace("%1", labels.purpose_name(purpose))
            )
        else:
            self.status.show_info(
                self.tr("Purpose: %1, for the next check-in only. Shift+%2 pins it.")
                .replace("%1", labels.purpose_name(purpose))
                .replace("%2", self.purposes.key_of(purpose))
            )

    def on_purpose_pin_changed(self, pinned: Purpose | None) -> None:
        if self.showing_form():
            self.form.set_hint(self._form_hint())
        if pinned is not None:
            self.status.show_info(
                self.tr("Pinned: every check-in is recorded for %1 until unpinned (Shift+%2).")
                .replace("%1", labels.purpose_name(pinned))
                .replace("%2", self.purposes.key_of(pinned))
            )
        else:
            self.status.show_info(
                self.tr("Unpinned: after the next check-in the purpose returns to %1.").replace(
                    "%1", labels.purpose_name(self.purposes.home())
                )
            )

    def on_new_visitor_clicked(self) -> None:
        if not self.showing_form():
            self.open_new_visitor()

    def on_duplicate_confirmed(self) -> None:
        self.confirm_duplicate()

    def on_duplicate_declined(self) -> None:
        self.cancel_duplicate()

    def on_bar_typed(self, text: str) -> None:
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_box.insert(text)

    def on_log_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        if self.undo_bar.is_asking():
            self._undo_target = None
            self.undo_bar.close_question()
        self._update_undo_button()

    def on_undo_clicked(self) -> None:
        if not self.showing_form():
            self.ask_undo()

    def on_undo_confirmed(self) -> None:
        self.undo()

    def on_undo_declined(self) -> None:
        self._undo_target = None
        self.status.show_info(self.tr("The check-in stays."))
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_request_shortcut_activated(self) -> None:
        if self.showing_form():
            return
        self.tabs.setCurrentWidget(self.requests_panel)
        self.requests_panel.start()

    def on_requests_changed(self) -> None:
        self._update_tab_titles()

    def on_requests_done(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_form_saved(self, person_id: int) -> None:
        """A new visitor registered: checked in at once with the chosen purpose (they came for
        something), and the desk is back at the search box."""
        name = " ".join(self.form.values().name.split())
        self._back_to_search()
        self.search_box.clear()
        found = self._visitor(person_id)
        self.check_in(person_id, found.label() if found is not None else name)

    def _visitor(self, person_id: int) -> Visitor | None:
        """Name and member code of a person the form handed over; None, said, if unreadable."""
        try:
            return self._context.run(
                lambda session, actor: reception.visitor(session, actor, person_id),
                write=False,
                status=self.status,
            )
        except DomainError:
            return None

    def on_form_cancelled(self) -> None:
        self._back_to_search()
        self.search_box.selectAll()

    def on_form_existing_chosen(self, person_id: int) -> None:
        """The phone or ID was on file: that person is found and highlighted; Enter checks in."""
        self._back_to_search()
        found = self._visitor(person_id)
        if found is None:
            return
        self.search_box.setText(found.member_code)
        hit = self.highlighted()
        if hit is not None and hit.match is MatchKind.MEMBER_CODE:
            self.status.show_info(
                self.tr("%1 is on file already. Enter checks them in.").replace("%1", hit.name)
            )

    def on_refresh_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()

    # --- keys and showing ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search_box:
            steps = {
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_PageUp: -5,
                Qt.Key.Key_PageDown: 5,
            }.get(Qt.Key(key))
            if steps is not None:
                self.move_highlight(steps)
                return True
            if enter:
                self.check_in_highlighted()
                return True
            if key == Qt.Key.Key_Escape:
                if self.duplicate_bar.is_asking():
                    self.cancel_duplicate()
                elif self.undo_bar.is_asking():
                    self.undo_bar.on_decline_clicked()
                else:
                    self.search_box.clear()
                return True
        elif watched is self.note_edit or watched is self.results_view:
            if enter:
                self.check_in_highlighted()
                return True
            if key == Qt.Key.Key_Escape:
                self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        elif watched is self.log_view:
            if key == Qt.Key.Key_Delete:
                self.ask_undo()
                return True
            if key == Qt.Key.Key_Escape:
                self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()
            self.refresh_timer.start()
            # After the navigation has taken the focus for itself: the search box gets it.
            QTimer.singleShot(0, self, self.focus_search)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.refresh_timer.stop()

    def focus_search(self) -> None:
        if self.pages.currentWidget() is self.check_in_page and self.isVisible():
            self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()
