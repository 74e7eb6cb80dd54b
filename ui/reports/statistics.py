"""The statistics page: any period's figures by community and building group, the 民生直通车
requests and the residents' satisfaction with them, read in the background."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
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
    ScreenHeaders,
    TotalFirstSort,
)
from ui.reports.period_picker import PeriodPicker
from ui.table_export import ExportButton, export_button
from ui.table_model import Index
from ui.widgets import button

if TYPE_CHECKING:
    from sqlalchemy.orm import Session  # SQLAlchemy: after the window

    from app.security import Actor
    from ui.reports.monthly import MonthlyReportDialog

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


class _FigureCells(QStyledItemDelegate):
    """Cells a digit wider than their text, so figures in narrow columns don't run together, and
    rows as tall as the desks' tables (1.3 line spacing and a margin)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        row = round(metrics.height() * (style.LINE_SPACING + 0.3))
        return QSize(hint.width() + metrics.horizontalAdvance("0"), max(hint.height(), row))


class FigureHeader(QHeaderView):
    """The titles over a name column and narrow columns of figures.

    Each column of figures is as wide as its figures and its title (on two lines); Qt would keep
    room for the sort arrow as wide as the title is tall (two lines' worth, on every column),
    here the arrow's own width is kept, so nine columns fit at the large text size. The name
    column takes the room that is left, but never less than its longest name: when the window
    is too narrow for that, the table scrolls sideways rather than cut names short.
    """

    def __init__(self, view: QAbstractItemView, name_column: int = 0) -> None:
        super().__init__(Qt.Orientation.Horizontal, view)
        self._view = view
        self._name_column = name_column
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        self.setStretchLastSection(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSortIndicatorClearable(True)  # a third click: the table's own order again
        self._fit_later = QTimer(self)
        self._fit_later.setSingleShot(True)
        self._fit_later.timeout.connect(self.fit_name_column)
        self.sectionResized.connect(self.on_section_resized)
        if isinstance(view, QTreeView):
            view.expanded.connect(self._fit_later.start)
            view.collapsed.connect(self._fit_later.start)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if model is not None:
            self.setSectionResizeMode(self._name_column, QHeaderView.ResizeMode.Fixed)
            model.modelReset.connect(self._fit_later.start)
            model.layoutChanged.connect(self._fit_later.start)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        if self.isSortIndicatorShown():
            qt_style = self.style()
            margin = qt_style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
            arrow = qt_style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, self)
            size.setWidth(size.width() - size.height() - margin + arrow + 2 * margin)
        return size

    def fit_name_column(self) -> None:
        if self.count() <= self._name_column:
            return
        others = sum(self.sectionSize(c) for c in range(self.count()) if c != self._name_column)
        needed = max(
            self._view.sizeHintForColumn(self._name_column),
            self.sectionSizeFromContents(self._name_column).width(),
        )
        self.resizeSection(self._name_column, max(needed, self.width() - others))

    def on_section_resized(self, logical: int, _old: int, _new: int) -> None:
        if logical != self._name_column:
            self._fit_later.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_later.start()


class StatisticsPage(QWidget):
    """The period at the top; below it, two tabs of tables. Figures are read again when the page
    is shown, when the period changes and with F5; the window keeps answering meanwhile."""

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
        self.monthly_button = button(self.tr("&Monthly report…"), "reports.monthlyReport", self)
        self.monthly_button.setToolTip(
            self.tr("Make the month's report as a PDF to print or save, with charts.")
        )
        self.monthly_button.clicked.connect(self.on_monthly_clicked)
        self.monthly_dialog: MonthlyReportDialog | None = None
        self.top_row = QHBoxLayout()
        self.top_row.addWidget(self.picker)
        self.top_row.addWidget(self.refresh_button)
        self.top_row.addStretch(1)
        self.top_row.addWidget(self.monthly_button)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reports.tabs")
        self.tabs.setAccessibleName(self.tr("Statistics tables"))
        self.tabs.addTab(self._make_areas_tab(), self.tr("By community and building group"))
        self.tabs.addTab(self._make_requests_tab(), self.tr("Requests and satisfaction"))
        self._enable_exports()

        layout = QVBoxLayout(self)
        layout.addLayout(self.top_row)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)

    def _make_areas_tab(self) -> QWidget:
        self.areas_model = AreaTreeModel(self)
        self.areas_sorted = AreaSortModel(self)
        self.areas_sorted.setSourceModel(self.areas_model)
        self.areas_view = QTreeView(self)
        self.areas_view.setObjectName("reports.areas")
        self.areas_view.setAccessibleName(self.tr("Figures by community and building group"))
        self.areas_view.setModel(self._screen(self.areas_sorted))
        self.areas_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.areas_view.setAlternatingRowColors(True)
        self.areas_view.setUniformRowHeights(True)
        self.areas_view.setAllColumnsShowFocus(True)
        self.areas_view.setItemDelegate(_FigureCells(self.areas_view))
        self.areas_view.setHeader(FigureHeader(self.areas_view, AreaTreeModel.NAME))
        self.areas_view.setSortingEnabled(True)
        self.areas_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

        self.expand_button = button(self.tr("E&xpand all"), "reports.expandAll", self)
        self.expand_button.setAccessibleName(self.tr("Show every building group"))
        self.expand_button.setToolTip(
            self.tr("In the table, the right arrow opens a community and the left arrow closes it.")
        )
        self.expand_button.clicked.connect(self.on_expand_clicked)
        self.collapse_button = button(self.tr("&Collapse all"), "reports.collapseAll", self)
        self.collapse_button.setAccessibleName(self.tr("Show the communities only"))
        self.collapse_button.clicked.connect(self.on_collapse_clicked)
        self.areas_export = self._export_button(
            self.areas_view, self.areas_sorted, self.tr("Figures by community and building group")
        )
        tools = QHBoxLayout()
        tools.addWidget(self.expand_button)
        tools.addWidget(self.collapse_button)
        tools.addStretch(1)
        tools.addWidget(self.areas_export)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addLayout(tools)
        layout.addWidget(self.areas_view, 1)
        return page

    def _make_requests_tab(self) -> QWidget:
        self.requests_model = RequestFiguresModel(self)
        self.requests_view = self._table(
            "reports.requests", self.tr("Requests of the period"), self.requests_model
        )
        header = self.requests_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.requests_export = self._export_button(
            self.requests_view, self.requests_model, self.tr("Requests of the period")
        )

        self.satisfaction_model = SatisfactionModel(self)
        self.satisfaction_sorted = TotalFirstSort(self)
        self.satisfaction_sorted.setSourceModel(self.satisfaction_model)
        self.satisfaction_view = self._table(
            "reports.satisfaction",
            self.tr("Residents' satisfaction with the requests"),
            self.satisfaction_sorted,
        )
        self.satisfaction_view.setHorizontalHeader(
            FigureHeader(self.satisfaction_view, SatisfactionModel.NAME)
        )
        self.satisfaction_view.setSortingEnabled(True)
        self.satisfaction_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.satisfaction_export = self._export_button(
            self.satisfaction_view, self.satisfaction_sorted, self._satisfaction_title
        )
        self.by_group = QButtonGroup(self)
        self.by_buttons: dict[SatisfactionBy, QPushButton] = {}
        by_label = QLabel(self.tr("Satisfaction by:"), self)
        by_row = QHBoxLayout()
        by_row.addWidget(by_label)
        for by, text, name in (
            (SatisfactionBy.CATEGORY, self.tr("Category"), "reports.byCategory"),
            (SatisfactionBy.COMMUNITY, self.tr("Community"), "reports.byCommunity"),
            (SatisfactionBy.ASSIGNEE, self.tr("Handled by"), "reports.byAssignee"),
        ):
            choice = button(text, name, self)
            choice.setAccessibleName(f"{by_label.text().rstrip(':：')} {text}")
            choice.setCheckable(True)
            self.by_group.addButton(choice)
            self.by_buttons[by] = choice
            by_row.addWidget(choice)
            choice.clicked.connect(lambda _checked=False, by=by: self.show_satisfaction_by(by))
        self.by_buttons[SatisfactionBy.CATEGORY].setChecked(True)
        by_row.addStretch(1)
        by_row.addWidget(self.satisfaction_export)

        self.requests_heading = self._heading(self.tr("Requests (民生直通车)"))
        requests_row = QHBoxLayout()
        requests_row.addWidget(self.requests_heading)
        requests_row.addStretch(1)
        requests_row.addWidget(self.requests_export)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addLayout(requests_row)
        layout.addWidget(self.requests_view)
        layout.addLayout(by_row)
        layout.addWidget(self.satisfaction_view, 1)
        self._fit_requests_height()
        return page

    def _screen(self, model: QAbstractItemModel) -> ScreenHeaders:
        screen = ScreenHeaders(self)
        screen.setSourceModel(model)
        return screen

    def _table(self, name: str, accessible: str, model: QAbstractItemModel) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        style.configure_table(view)
        view.setTabKeyNavigation(False)
        view.setModel(self._screen(model))
        view.setItemDelegate(_FigureCells(view))
        return view

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setFont(style.scaled_font(label, 1.1, bold=True))
        return label

    def _fit_requests_height(self) -> None:
        """The requests' one line shown whole, without a scroll bar."""
        view = self.requests_view
        height = (
            view.horizontalHeader().sizeHint().height()
            + view.verticalHeader().defaultSectionSize()
            + 2 * view.frameWidth()
        )
        view.setFixedHeight(height)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _export_button(
        self, view: QAbstractItemView, model: QAbstractItemModel, title: str | Callable[[], str]
    ) -> ExportButton:
        """导出 Excel… for one table; the sheet's title names the period of the figures shown."""

        def titled() -> str:
            text = title() if callable(title) else title
            shown = self._figures.period if self._figures is not None else self.picker.period()
            return f"{text} {shown.label()}"

        name, view_name = view.objectName(), view.accessibleName()
        export = export_button(self, self._context, model, titled, name=name, status=self.status)
        # Three of them on the page: each says which table it saves (screen readers, support).
        export.setAccessibleName(self.tr("Export to Excel: %1").replace("%1", view_name))
        return export

    def _satisfaction_title(self) -> str:
        by = self.satisfaction_model.by()
        if by == SatisfactionBy.COMMUNITY:
            return self.tr("Satisfaction by community")
        if by == SatisfactionBy.ASSIGNEE:
            return self.tr("Satisfaction by who handled the request")
        return self.tr("Satisfaction by category")

    def _enable_exports(self) -> None:
        """Nothing to export before the first figures are shown (nor for who may not)."""
        from app.services.tables import TableKind, may_export

        may = self._figures is not None and may_export(self._context.actor, TableKind.STATISTICS)
        for export in (self.areas_export, self.requests_export, self.satisfaction_export):
            export.setEnabled(may)

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
        opened, current = (
            self.expanded_communities(),
            self.area_line(self.areas_view.currentIndex()),
        )
        self.areas_model.set_lines(figures.areas)
        view_model = self.areas_view.model()
        for row in range(view_model.rowCount()):
            index = view_model.index(row, 0)
            line = self.area_line(index)
            if line is not None and line.community_id in opened:
                self.areas_view.expand(index)
        if current is not None:
            # The same line stays chosen, so the arrow keys go on from where they were.
            found = self._area_index(self.areas_model.find_line(current))
            if found.isValid():
                self.areas_view.setCurrentIndex(found)
        self.requests_model.set_lines([figures.requests])
        self.satisfaction_model.set_all(figures.satisfaction, figures.requests)
        self._enable_exports()
        period = figures.period
        self.status.show_info(
            self.tr("Figures from %1 to %2, counted at %3.")
            .replace("%1", f"{period.first:%Y-%m-%d}")
            .replace("%2", f"{period.last:%Y-%m-%d}")
            .replace("%3", labels.format_time(clock.now()))
        )
        self.loaded.emit()

    def area_line(self, index: QModelIndex) -> AreaFigures | None:
        """The figures on a line of the tree as the view shows it."""
        screen = self.areas_view.model()
        assert isinstance(screen, ScreenHeaders)
        return self.areas_model.figures(self.areas_sorted.mapToSource(screen.mapToSource(index)))

    def _area_index(self, source: QModelIndex) -> QModelIndex:
        screen = self.areas_view.model()
        assert isinstance(screen, ScreenHeaders)
        return screen.mapFromSource(self.areas_sorted.mapFromSource(source))

    def expanded_communities(self) -> set[int]:
        """The communities whose building groups are shown."""
        view_model = self.areas_view.model()
        opened = set()
        for row in range(view_model.rowCount()):
            index = view_model.index(row, 0)
            line = self.area_line(index)
            expanded = self.areas_view.isExpanded(index)
            if expanded and line is not None and line.community_id is not None:
                opened.add(line.community_id)
        return opened

    def open_monthly_report(self) -> MonthlyReportDialog:
        """The monthly report's dialog, on the month shown here when a whole month is."""
        from ui.reports.monthly import open_monthly_report  # PDF preview: only when asked

        dialog = open_monthly_report(self._context, self)
        period = self.picker.period()
        if period.whole_month:
            dialog.set_month(period)
        self.monthly_dialog = dialog
        return dialog

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

    def on_monthly_clicked(self) -> None:
        self.open_monthly_report()

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
        # Shown again the next morning, 本月 means the new day's month (and is counted so).
        if not event.spontaneous() and not self.picker.set_today(clock.today()):
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            style.update_table_metrics(self.requests_view)
            style.update_table_metrics(self.satisfaction_view)
            self.requests_heading.setFont(style.scaled_font(self.requests_heading, 1.1, bold=True))
            self._fit_requests_height()
