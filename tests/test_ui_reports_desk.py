"""The Reports desk (统计报表) driven as staff would: the period chosen, the figures read in the
background while the window keeps answering, the tree opened and closed from the keyboard, sorted
by a column; a desk volunteer is told the desk needs a staff account. The figures here are
hand-made rows (tests/reports_rows.py) handed in by a stand-in reader."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QLabel, QTreeView
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.errors import PermissionDenied
from app.i18n import translate
from app.progress import Progress
from app.security import Actor
from app.services.statistics.period import Period
from tests.reports_rows import AREAS, REQUESTS, SATISFACTION
from tests.rooms_ui import context
from ui.reports.desk import ReportsDesk
from ui.reports.models import AreaTreeModel
from ui.reports.period_picker import QuickPeriod
from ui.reports.statistics import StatisticsFigures, StatisticsPage

NOVEMBER = Period.month(2026, 11)
OCTOBER = Period.month(2026, 10)


class Reader:
    """Stands in for `read_figures`: records the periods asked for, may hold one back."""

    def __init__(self) -> None:
        self.periods: list[Period] = []
        self.hold: dict[Period, threading.Event] = {}
        self.error: Exception | None = None

    def __call__(
        self, session: Session, actor: Actor, period: Period, progress: Progress
    ) -> StatisticsFigures:
        self.periods.append(period)
        held = self.hold.get(period)
        if held is not None:
            assert held.wait(10)
        if self.error is not None:
            raise self.error
        areas = AREAS if period == NOVEMBER else AREAS[:1]
        return StatisticsFigures(period, list(areas), REQUESTS, list(SATISFACTION))


@pytest.fixture
def reader(clock_at: clock.FixedClock) -> Iterator[Reader]:
    made = Reader()
    yield made
    for event in made.hold.values():
        event.set()


def make_page(qtbot: QtBot, db: Database, actor: Actor, reader: Reader) -> StatisticsPage:
    page = StatisticsPage(context(db, actor), read=reader)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()
    return page


def _names(view: QTreeView, parent: QModelIndex | None = None) -> list[str]:
    model = view.model()
    parent = parent or QModelIndex()
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_shown_it_reads_this_month_in_the_background_and_shows_the_tree(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    assert reader.periods == [NOVEMBER]
    assert page.picker.quick() == QuickPeriod.THIS_MONTH
    assert page.picker.first_edit.date().toString("yyyy-MM-dd") == "2026-11-01"
    assert page.picker.last_edit.date().toString("yyyy-MM-dd") == "2026-11-30"
    assert page.status.message() == "Figures from 2026-11-01 to 2026-11-30, counted at 09:30."
    view = page.areas_view
    assert view.objectName() == "reports.areas" and view.accessibleName()
    assert _names(view) == ["全中心", "友邻新村", "东湖苑", "未填写"]
    assert page.requests_model.row_texts(0) == ["12", "9", "4", "3.2", "3.0"]
    assert page.satisfaction_model.rowCount() == 3  # the total, two categories
    assert page.figures is not None and page.figures.period == NOVEMBER


def test_every_control_has_a_name(qtbot: QtBot, db: Database, staff: Actor, reader: Reader) -> None:
    page = make_page(qtbot, db, staff, reader)
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QDateEdit

    controls = [
        *page.findChildren(QAbstractButton),
        *page.findChildren(QAbstractItemView),
        *page.findChildren(QComboBox),
        *page.findChildren(QDateEdit),
    ]
    named = [w for w in controls if w.objectName().startswith("reports.")]
    assert {w.objectName() for w in named} >= {
        "reports.period", "reports.from", "reports.to", "reports.refresh", "reports.areas",
        "reports.expandAll", "reports.collapseAll", "reports.requests", "reports.satisfaction",
        "reports.byCategory", "reports.byCommunity", "reports.byAssignee",
    }  # fmt: skip
    assert all(w.accessibleName() for w in named)


def test_a_quick_choice_and_two_typed_days_count_their_period(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    with qtbot.waitSignal(page.loaded):
        page.picker.choose(QuickPeriod.LAST_MONTH)
    assert reader.periods[-1] == OCTOBER
    assert page.picker.first_edit.date().toString("yyyy-MM-dd") == "2026-10-01"
    assert _names(page.areas_view) == ["全中心"]
    with qtbot.waitSignal(page.loaded):
        page.picker.choose(QuickPeriod.THIS_YEAR)
    assert reader.periods[-1] == Period.year(2026)
    with qtbot.waitSignal(page.loaded):
        page.picker.set_dates(dt.date(2026, 11, 3), dt.date(2026, 11, 9))
    assert reader.periods[-1] == Period(dt.date(2026, 11, 3), dt.date(2026, 11, 9))
    assert page.picker.quick() == QuickPeriod.CUSTOM
    assert page.status.message().startswith("Figures from 2026-11-03 to 2026-11-09")


def test_typing_a_date_counts_once_the_typing_pauses(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    edit = page.picker.first_edit
    edit.setFocus()
    edit.setCurrentSection(edit.Section.DaySection)
    with qtbot.waitSignal(page.loaded):
        for _ in range(3):
            qtbot.keyClick(edit, Qt.Key.Key_Up)  # 11-02, 11-03, 11-04: one count at the end
    assert page.picker.quick() == QuickPeriod.CUSTOM
    assert reader.periods[1:] == [Period(dt.date(2026, 11, 4), dt.date(2026, 11, 30))]


def test_an_end_before_the_start_is_said_in_words_and_nothing_is_counted(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    page.picker.set_dates(dt.date(2026, 11, 20), dt.date(2026, 11, 10))
    assert page.status.is_error()
    assert page.status.message() == translate("Errors", "The period ends before it begins.")
    assert reader.periods == [NOVEMBER] and not page.busy()


def test_the_window_keeps_answering_while_figures_are_counted_and_an_old_count_is_dropped(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    reader.hold[OCTOBER] = threading.Event()
    page.picker.choose(QuickPeriod.LAST_MONTH)
    assert page.busy()
    assert page.status.message() == "Counting the figures from 2026-10-01 to 2026-10-31…"
    ticks: list[int] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop runs while the reader waits
    timer.stop()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.picker.choose(QuickPeriod.THIS_MONTH)  # chosen again before October was counted
    reader.hold[OCTOBER].set()
    qtbot.waitUntil(lambda: reader.periods.count(OCTOBER) == 1)
    qtbot.wait(100)
    assert page.figures is not None and page.figures.period == NOVEMBER
    assert len(_names(page.areas_view)) == 4


def test_a_refused_count_is_said_in_words(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    reader.error = PermissionDenied("Your account may not do this. Please ask staff or an admin.")
    qtbot.keyClick(page.refresh_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.busy())
    assert page.status.is_error()
    assert page.status.message() == "Your account may not do this. Please ask staff or an admin."


def test_f5_and_showing_the_page_again_count_again(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    page.areas_view.setFocus()
    with qtbot.waitSignal(page.loaded):
        qtbot.keyClick(page.areas_view, Qt.Key.Key_F5)
    assert len(reader.periods) == 2
    page.hide()
    with qtbot.waitSignal(page.loaded):
        page.show()
    assert reader.periods == [NOVEMBER] * 3


def test_communities_open_and_close_from_the_keyboard_and_stay_open_on_a_new_count(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    view = page.areas_view
    view.setFocus()
    village = view.model().index(1, 0)
    view.setCurrentIndex(village)
    assert not view.isExpanded(village)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.isExpanded(village)
    assert _names(view, village) == ["1号楼组", "2号楼组"]
    with qtbot.waitSignal(page.loaded):
        qtbot.keyClick(view, Qt.Key.Key_F5)
    assert view.isExpanded(view.model().index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert not view.isExpanded(view.model().index(1, 0))
    qtbot.mouseClick(page.expand_button, Qt.MouseButton.LeftButton)
    assert view.isExpanded(view.model().index(1, 0))
    qtbot.mouseClick(page.collapse_button, Qt.MouseButton.LeftButton)
    assert not view.isExpanded(view.model().index(1, 0))


def test_a_click_on_a_column_sorts_with_the_centre_first(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    header = page.areas_view.header()
    x = header.sectionViewportPosition(AreaTreeModel.VISITS) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = _names(page.areas_view)
    assert first[0] == "全中心"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    second = _names(page.areas_view)
    assert second[0] == first[0] and second[1:] == first[1:][::-1]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert _names(page.areas_view) == [
        "全中心",
        "友邻新村",
        "东湖苑",
        "未填写",
    ]


def test_satisfaction_by_community_and_by_assignee(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.by_buttons["community"], Qt.MouseButton.LeftButton)
    assert page.satisfaction_model.header_texts()[0] == "Community of the resident"
    assert page.satisfaction_model.row_texts(1)[0] == "友邻新村"
    qtbot.mouseClick(page.by_buttons["assignee"], Qt.MouseButton.LeftButton)
    assert page.satisfaction_model.row_texts(1)[:2] == ["社工 李晓燕", "5"]
    header = page.satisfaction_view.horizontalHeader()
    assert header.model().headerData(0, Qt.Orientation.Horizontal) == "Handled by"
    assert page.by_buttons["assignee"].isChecked()
    assert not page.by_buttons["category"].isChecked()


def test_a_desk_volunteer_is_told_the_desk_needs_a_staff_account(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    reports = ReportsDesk(context(db, desk))
    qtbot.addWidget(reports)
    reports.show()
    assert reports.statistics_page is None
    notice = reports.findChild(QLabel, "reports.notice")
    assert notice is not None and notice.isVisible()
    assert notice.accessibleName().startswith("Statistics and reports need a staff account.")


def test_staff_get_the_statistics_page(qtbot: QtBot, db: Database, staff: Actor) -> None:
    reports = ReportsDesk(context(db, staff))
    qtbot.addWidget(reports)
    assert isinstance(reports.statistics_page, StatisticsPage)
    assert reports.findChild(QLabel, "reports.notice") is None


@pytest.mark.parametrize("role", ["desk", "staff", "admin"])
def test_the_main_window_lists_reports_after_volunteers_and_before_settings(
    qtbot: QtBot, db: Database, request: pytest.FixtureRequest, role: str
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(context(db, request.getfixturevalue(role)), "东社区邻里中心")
    qtbot.addWidget(window)
    keys = window.desk_keys()
    assert keys.index("reports") == keys.index("volunteers") + 1
    if role == "admin":
        assert keys[-1] == "settings" and keys.index("settings") == keys.index("reports") + 1
    assert window.desk_titles()[keys.index("reports")] == "Reports"
    assert window.findChild(ReportsDesk) is None  # built when first shown
    assert window.switch_to("reports")
    assert isinstance(window.stack.currentWidget(), ReportsDesk)


def _export(qtbot: QtBot, page: StatisticsPage, button: Any, target: Path) -> Any:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    exporter = button.exporter
    assert exporter is not None and exporter.dialog is not None
    with qtbot.waitSignal(exporter.finished, timeout=10_000) as finished:
        exporter.dialog.fileSelected.emit(str(target))
    assert finished.args is not None and finished.args[1] is True, finished.args
    assert str(target) in page.status.message()
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    return sheet


def test_each_table_exports_to_excel_with_every_building_group_and_real_numbers(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader, tmp_path: Path
) -> None:
    page = make_page(qtbot, db, staff, reader)
    assert page.areas_export.objectName() == "reports.areas.export"
    page.areas_view.sortByColumn(AreaTreeModel.VISITS, Qt.SortOrder.AscendingOrder)
    sheet = _export(qtbot, page, page.areas_export, tmp_path / "areas.xlsx")
    assert sheet["A1"].value == "Figures by community and building group 2026年11月"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert rows[0][:3] == ["Community / building group", "Visits counted", "People served"]
    assert rows[0][8] == "Served per 1,000"  # on one line, as in the table's tooltip
    # As the view sorts them (fewest visits first), the centre first, folded groups included.
    assert [row[0] for row in rows[1:]] == [
        "全中心", "未填写", "东湖苑", "友邻新村", "友邻新村·2号楼组", "友邻新村·1号楼组",
    ]  # fmt: skip
    centre = rows[1]
    assert centre[1] == 1234 and centre[4] == 0.875 and centre[6] == 512.5 and centre[8] == 47.8
    assert sheet["E4"].number_format == "0.0%"
    assert rows[2][4] == "—"  # 未填写: no attendance taken

    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.by_buttons["assignee"], Qt.MouseButton.LeftButton)
    sheet = _export(qtbot, page, page.satisfaction_export, tmp_path / "satisfaction.xlsx")
    assert sheet["A1"].value == "Satisfaction by who handled the request 2026年11月"
    assert [cell.value for cell in sheet[3]][:3] == [
        "Handled by",
        "Satisfied",
        "Basically satisfied",
    ]
    assert [cell.value for cell in sheet[4]] == ["All resolved requests", 5, 2, 1, 1, 0.875]
    assert [cell.value for cell in sheet[5]] == ["社工 李晓燕", 5, 2, 1, 0, 0.875]
    assert [cell.value for cell in sheet[6]] == ["未填写", 0, 0, 0, 1, "—"]
    assert sheet["F5"].number_format == "0.0%"

    sheet = _export(qtbot, page, page.requests_export, tmp_path / "requests.xlsx")
    assert sheet["A3"].value == "Requests received"
    assert [cell.value for cell in sheet[4]] == [12, 9, 4, 3.2, 3.0]


def test_exports_wait_for_the_first_figures(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    reader.hold[NOVEMBER] = threading.Event()
    page = StatisticsPage(context(db, staff), read=reader)
    qtbot.addWidget(page)
    page.show()
    assert page.busy() and not page.areas_export.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        reader.hold[NOVEMBER].set()
    assert page.areas_export.isEnabled() and page.satisfaction_export.isEnabled()


def test_the_monthly_report_opens_on_the_month_shown(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    from ui.reports.monthly import MonthlyReportDialog

    page = make_page(qtbot, db, staff, reader)
    with qtbot.waitSignal(page.loaded):
        page.picker.choose(QuickPeriod.LAST_MONTH)
    assert page.monthly_button.objectName() == "reports.monthlyReport"
    assert page.monthly_button.accessibleName() == "Monthly report"
    qtbot.mouseClick(page.monthly_button, Qt.MouseButton.LeftButton)
    dialog = page.monthly_dialog
    assert isinstance(dialog, MonthlyReportDialog) and dialog.isVisible()
    assert dialog.month() == OCTOBER
    dialog.reject()
    with qtbot.waitSignal(page.loaded):
        page.picker.choose(QuickPeriod.THIS_YEAR)  # not one month: the dialog offers its own
    qtbot.mouseClick(page.monthly_button, Qt.MouseButton.LeftButton)
    assert page.monthly_dialog is not dialog and page.monthly_dialog.month() == NOVEMBER
    page.monthly_dialog.reject()


def test_shown_again_in_a_new_month_this_month_follows_the_day(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader, clock_at: clock.FixedClock
) -> None:
    page = make_page(qtbot, db, staff, reader)
    page.hide()
    clock_at.set(dt.datetime(2026, 12, 1, 8, 0))
    with qtbot.waitSignal(page.loaded):
        page.show()
    assert reader.periods == [NOVEMBER, Period.month(2026, 12)]  # counted once, for December
    assert page.picker.first_edit.date().toString("yyyy-MM-dd") == "2026-12-01"


def test_a_larger_text_size_keeps_the_requests_line_whole(
    qtbot: QtBot, qapp: Any, db: Database, staff: Actor, reader: Reader, text_size: None
) -> None:
    from ui import style

    page = make_page(qtbot, db, staff, reader)
    page.tabs.setCurrentIndex(1)
    before = page.requests_view.height()
    style.apply_text_size(qapp, "large")
    qtbot.waitUntil(lambda: page.requests_view.height() > before)
    view = page.requests_view
    header = view.horizontalHeader()
    qtbot.waitUntil(
        lambda: (
            view.viewport().height() >= view.rowHeight(0)
            and header.height() >= header.sizeHint().height()
        )
    )


def test_each_export_button_says_which_table_it_saves(
    qtbot: QtBot, db: Database, staff: Actor, reader: Reader
) -> None:
    page = make_page(qtbot, db, staff, reader)
    names = [
        button.accessibleName()
        for button in (page.areas_export, page.requests_export, page.satisfaction_export)
    ]
    assert names == [
        "Export to Excel: Figures by community and building group",
        "Export to Excel: Requests of the period",
        "Export to Excel: Residents' satisfaction with the requests",
    ]
    assert page.satisfaction_export.objectName() == "reports.satisfaction.export"
