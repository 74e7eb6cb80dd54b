"""The statistics page: any period's figures by community and building group, the 民生直通车
requests and the residents' satisfaction with them, read in the background."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError
from app.progress import Cancelled, Progress
from app.services.statistics.period import Period
from app.services.statistics.rows import (
    AreaFigures,
    RequestFigures,
    SatisfactionBy,
    SatisfactionLine,
)
from ui import jobs, labels, style
from ui.context import DeskContext
from ui.errors import StatusLine
from ui.reports.models import (
    AreaSortModel,
    AreaTreeModel,
    RequestFiguresModel,
    SatisfactionModel,
)
from ui.reports.period_picker import PeriodPicker
from ui.table_export import ExportButton, export_button
from ui.table_model import Index
from ui.widgets import button

if TYPE_CHECKING:
    from sqlalchemy.orm import Session  # SQLAlchemy: after the window

    from app.security import Actor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StatisticsFigures:
    """What the page shows of one period."""

    period: Period
    areas: list[AreaFigures]
    requests: RequestFigures
    satisfaction: list[SatisfactionLine]


Reader = Callable[["Session", "Actor", Period, Progress], StatisticsFigures]


def read_figures(
    session: Session, actor: Actor, period: Period, progress: Progress
) -> StatisticsFigures:
    """The page's figures in one reading transaction (staff and admins: Permission.REPORTS);
    a newer period chosen meanwhile stops it between its steps."""
    from app.services import statistics

    areas = statistics.areas(session, actor, period)
    progress.check()
    requests = statistics.requests(session, actor, period)
    progress.check()
    satisfaction = statistics.satisfaction(session, actor, period)
    return StatisticsFigures(period, areas, requests, satisfaction)


class _TallRows(QStyledItemDelegate):
    """Rows of the tree as tall as the tables' (1.3 line spacing and a margin)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        row = round(QFontMetrics(option.font).height() * (style.LINE_SPACING + 0.3))
        return QSize(hint.width(), max(hint.height(), row))


class StatisticsPage(QWidget):
    """The period at the top; below it, tabs of tables. Figures are read again when the page is
    shown, when the period changes and with F5; the window keeps answering meanwhile."""

    loaded = Signal()  # new figures are shown (tests wait for it)

    def __init__(
        self,
        context: DeskContext,
        parent: QWidget | None = None,
        *,
        read: Reader = read_figures,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports.statistics")
        self._context = context
        self._read = read
        self._job: jobs.Job[StatisticsFigures] | None = None
        self._figures: StatisticsFigures | None = None

        # --- the period --------------------------------------------------------------------
        self.picker = PeriodPicker(clock.today(), self)
        self.picker.period_changed.connect(self.on_period_changed)
        self.picker.invalid.connect(self.on_period_invalid)
        self.refresh_button = button(self.tr("Refresh (F5)"), "reports.refresh", self)
        self.refresh_button.setAccessibleName(self.tr("Count the figures again"))
        self.refresh_button.clicked.connect(self.on_refresh_triggered)
        self.refresh_action = QAction(self.tr("Count again"), self)
        self.refresh_action.setObjectName("reports.refreshAction")
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.on_refresh_triggered)
        self.addAction(self.refresh_action)
        self.status = StatusLine("reports.status", self)

        self.top_row = QHBoxLayout()
        self.top_row.addWidget(self.picker)
        self.top_row.addWidget(self.refresh_button)
        self.top_row.addStretch(1)

        # --- by community and building group ----------------------------------------------
        self.areas_model = AreaTreeModel(self)
        self.areas_sorted = AreaSortModel(self)
        self.areas_sorted.setSourceModel(self.areas_model)
        self.areas_view = QTreeView(self)
        self.areas_view.setObjectName("reports.areas")
        self.areas_view.setAccessibleName(self.tr("Figures by community and building group"))
        self.areas_view.setModel(self.areas_sorted)
        self.areas_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.areas_view.setAlternatingRowColors(True)
        self.areas_view.setUniformRowHeights(True)
        self.areas_view.setItemDelegate(_TallRows(self.areas_view))
        self.areas_view.setAllColumnsShowFocus(True)
        self.areas_view.setSortingEnabled(True)
        self.areas_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        header = self.areas_view.header()
        header.setSortIndicatorClearable(True)  # a third click: the centre's own order again
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AreaTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.expand_button = button(self.tr("E&xpand all"), "reports.expandAll", self)
        self.expand_button.setAccessibleName(self.tr("Show every building group"))
        self.expand_button.setToolTip(
            self.tr("In the table, the right arrow opens a community and the left arrow closes it.")
        )
        self.expand_button.clicked.connect(self.on_expand_clicked)
        self.collapse_button = button(self.tr("&Collapse all"), "reports.collapseAll", self)
        self.collapse_button.setAccessibleName(self.tr("Show the communities only"))
        self.collapse_button.clicked.connect(self.on_collapse_clicked)
        self.areas_tools = QHBoxLayout()
        self.areas_tools.addWidget(self.expand_button)
        self.areas_tools.addWidget(self.collapse_button)
        self.areas_tools.addStretch(1)
        areas_page = QWidget(self)
        areas_layout = QVBoxLayout(areas_page)
        areas_layout.addLayout(self.areas_tools)
        areas_layout.addWidget(self.areas_view, 1)

        # --- requests and satisfaction ------------------------------------------------------
        self.requests_model = RequestFiguresModel(self)
        self.requests_view = self._table(
            "reports.requests", self.tr("Requests of the period"), self.requests_model
        )
        self.requests_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.satisfaction_model = SatisfactionModel(self)
        self.satisfaction_view = self._table(
            "reports.satisfaction",
            self.tr("Residents' satisfaction with the requests"),
            self.satisfaction_model,
        )
        style.fit_columns(self.satisfaction_view, stretch=SatisfactionModel.NAME)
        self.satisfaction_view.setSortingEnabled(True)
        self.satisfaction_view.horizontalHeader().setSortIndicatorClearable(True)
        self.satisfaction_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.by_group = QButtonGroup(self)
        self.by_buttons: dict[SatisfactionBy, Any] = {}
        by_row = QHBoxLayout()
        by_row.addWidget(QLabel(self.tr("Satisfaction by:"), self))
        for by, text, name in (
            (SatisfactionBy.CATEGORY, self.tr("Category"), "reports.byCategory"),
            (SatisfactionBy.COMMUNITY, self.tr("Community"), "reports.byCommunity"),
            (SatisfactionBy.ASSIGNEE, self.tr("Handled by"), "reports.byAssignee"),
        ):
            choice = button(text, name, self)
            choice.setCheckable(True)
            self.by_group.addButton(choice)
            self.by_buttons[by] = choice
            by_row.addWidget(choice)
            choice.clicked.connect(lambda _checked=False, by=by: self.show_satisfaction_by(by))
        self.by_buttons[SatisfactionBy.CATEGORY].setChecked(True)
        by_row.addStretch(1)

        self.requests_heading = self._heading(self.tr("Requests (民生直通车)"))
        self.satisfaction_heading = self._heading(self.tr("Residents' satisfaction"))
        left = QVBoxLayout()
        left.addWidget(self.requests_heading)
        left.addWidget(self.requests_view, 1)
        self.requests_tools = QHBoxLayout()
        left.addLayout(self.requests_tools)
        right = QVBoxLayout()
        right.addWidget(self.satisfaction_heading)
        right.addLayout(by_row)
        right.addWidget(self.satisfaction_view, 1)
        self.satisfaction_tools = QHBoxLayout()
        right.addLayout(self.satisfaction_tools)
        self.areas_export = self._export_button(
            self.areas_sorted,
            self.tr("Figures by community and building group"),
            "reports.areas",
            self.areas_view,
        )
        self.areas_tools.addWidget(self.areas_export)
        self.requests_export = self._export_button(
            self.requests_model, self.tr("Requests of the period"), "reports.requests"
        )
        self.requests_tools.addStretch(1)
        self.requests_tools.addWidget(self.requests_export)
        self.satisfaction_export = self._export_button(
            self.satisfaction_model, self._satisfaction_title, "reports.satisfaction"
        )
        self.satisfaction_tools.addStretch(1)
        self.satisfaction_tools.addWidget(self.satisfaction_export)
        self._enable_exports()

        requests_page = QWidget(self)
        requests_layout = QHBoxLayout(requests_page)
        requests_layout.addLayout(left, 2)
        requests_layout.addLayout(right, 3)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reports.tabs")
        self.tabs.setAccessibleName(self.tr("Statistics tables"))
        self.tabs.addTab(areas_page, self.tr("By community and building group"))
        self.tabs.addTab(requests_page, self.tr("Requests and satisfaction"))

        layout = QVBoxLayout(self)
        layout.addLayout(self.top_row)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)

    def _table(self, name: str, accessible: str, model: Any) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        style.configure_table(view)
        view.setTabKeyNavigation(False)
        view.setModel(model)
        return view

    def _export_button(
        self, model: Any, title: str | Callable[[], str], name: str, view: Any = None
    ) -> ExportButton:
        """导出 Excel… for one table: the sheet is titled with the period of the figures shown."""

        def titled() -> str:
            text = title() if callable(title) else title
            shown = self._figures.period if self._figures is not None else self.picker.period()
            return f"{text} {shown.label()}"

        return export_button(
            self, self._context, model, titled, view=view, name=name, status=self.status
        )

    def _satisfaction_title(self) -> str:
        by = self.satisfaction_model.by()
        if by == SatisfactionBy.COMMUNITY:
            return self.tr("Satisfaction by community")
        if by == SatisfactionBy.ASSIGNEE:
            return self.tr("Satisfaction by who handled the request")
        return self.tr("Satisfaction by category")

    def _enable_exports(self) -> None:
        """Nothing to export before the first figures are shown (or while the account may not)."""
        from app.services.tables import TableKind, may_export

        may = self._figures is not None and may_export(self._context.actor, TableKind.STATISTICS)
        for export in (self.areas_export, self.requests_export, self.satisfaction_export):
            export.setEnabled(may)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setFont(style.scaled_font(label, 1.1, bold=True))
        return label

    # --- what the desk and tests use -------------------------------------------------------

    @property
    def figures(self) -> StatisticsFigures | None:
        """The figures shown (None before the first are read)."""
        return self._figures

    def busy(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        """Count the chosen period's figures again, in the background; a count already under
        way for another period is dropped."""
        if not self._context.db_ready:
            return
        self._drop_job()
        period = self.picker.period()
        db, actor, read = self._context.db, self._context.actor, self._read

        def work(progress: Progress) -> StatisticsFigures:
            from app.services import calls

            progress.check()
            return calls.read(
                db, actor, lambda session, acting: read(session, acting, period, progress)
            )

        job = jobs.start(work, "reports.statistics")
        job.succeeded.connect(self.on_job_succeeded)
        job.failed.connect(self.on_job_failed)
        self._job = job
        self.status.show_info(
            self.tr("Counting the figures from %1 to %2…")
            .replace("%1", f"{period.first:%Y-%m-%d}")
            .replace("%2", f"{period.last:%Y-%m-%d}")
        )

    def show_figures(self, figures: StatisticsFigures) -> None:
        self._figures = figures
        open_communities = self.expanded_communities()
        current = self.areas_model.figures(
            self.areas_sorted.mapToSource(self.areas_view.currentIndex())
        )
        self.areas_model.set_lines(figures.areas)
        for row in range(self.areas_sorted.rowCount()):
            index = self.areas_sorted.index(row, 0)
            line = self.areas_model.figures(self.areas_sorted.mapToSource(index))
            if line is not None and line.community_id in open_communities:
                self.areas_view.expand(index)
        if current is not None:
            # The same line stays chosen, so the arrow keys go on from where they were.
            found = self.areas_model.find_line(current)
            if found.isValid():
                self.areas_view.setCurrentIndex(self.areas_sorted.mapFromSource(found))
        self.requests_model.set_figures(figures.requests)
        self.satisfaction_model.set_all(figures.satisfaction)
        self._enable_exports()
        period = figures.period
        self.status.show_info(
            self.tr("Figures from %1 to %2, counted at %3.")
            .replace("%1", f"{period.first:%Y-%m-%d}")
            .replace("%2", f"{period.last:%Y-%m-%d}")
            .replace("%3", labels.format_time(clock.now()))
        )
        self.loaded.emit()

    def expanded_communities(self) -> set[int]:
        """The communities whose building groups are shown."""
        opened = set()
        for row in range(self.areas_sorted.rowCount()):
            index = self.areas_sorted.index(row, 0)
            line = self.areas_model.figures(self.areas_sorted.mapToSource(index))
            if (
                line is not None
                and line.community_id is not None
                and self.areas_view.isExpanded(index)
            ):
                opened.add(line.community_id)
        return opened

    def show_satisfaction_by(self, by: SatisfactionBy) -> None:
        self.by_buttons[by].setChecked(True)
        self.satisfaction_model.set_by(by)

    # --- slots -----------------------------------------------------------------------------

    def on_period_changed(self, _period: Period) -> None:
        self.refresh()

    def on_period_invalid(self, message: str) -> None:
        self._drop_job()
        self.status.show_error(message)

    def on_refresh_triggered(self) -> None:
        self.refresh()

    def on_expand_clicked(self) -> None:
        self.areas_view.expandAll()

    def on_collapse_clicked(self) -> None:
        self.areas_view.collapseAll()

    def on_job_succeeded(self, figures: StatisticsFigures) -> None:
        if self.sender() is not self._job:
            return  # the count of a period no longer chosen
        self._job = None
        self.show_figures(figures)

    def on_job_failed(self, error: DomainError) -> None:
        if self.sender() is not self._job:
            return
        self._job = None
        if not isinstance(error, Cancelled):
            self.status.show_error(error.message)

    def _drop_job(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.cancel()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            style.update_table_metrics(self.requests_view)
            style.update_table_metrics(self.satisfaction_view)
            for heading in (self.requests_heading, self.satisfaction_heading):
                heading.setFont(style.scaled_font(heading, 1.1, bold=True))
