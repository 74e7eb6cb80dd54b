"""The Reports desk's models and period choices, without a window: the tree of communities and
building groups, its sorting with the centre's total kept first, the request figures and the
satisfaction lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from app.services.statistics.period import Period
from app.services.statistics.rows import AreaLevel, SatisfactionBy
from tests.reports_rows import AREAS, REQUESTS, SATISFACTION, area
from ui.reports.models import (
    NONE_TEXT,
    SORT_ROLE,
    TOTAL_ROLE,
    AreaSortModel,
    AreaTreeModel,
    RequestFiguresModel,
    SatisfactionModel,
    ScreenHeaders,
    TotalFirstSort,
    format_rate,
    one_line,
    two_lines,
)
from ui.reports.period_picker import QuickPeriod, quick_period

pytestmark = pytest.mark.usefixtures("qapp")


def _tree() -> AreaTreeModel:
    model = AreaTreeModel()
    model.set_lines(AREAS)
    return model


def test_the_centre_comes_first_and_each_community_holds_its_building_groups() -> None:
    model = _tree()
    assert model.rowCount() == 4
    assert [model.index(row, 0).data() for row in range(4)] == [
        "全中心",
        "友邻新村",
        "东湖苑",
        "未填写",
    ]
    village = model.index(1, 0)
    assert model.rowCount(village) == 2
    assert model.row_texts(0, village) == [
        "1号楼组", "500", "180", "120", "90.0%", "10.0%", "200", NONE_TEXT, NONE_TEXT,
    ]  # fmt: skip
    assert model.parent(model.index(1, 3, village)) == village
    assert model.rowCount(model.index(2, 0)) == 0
    assert model.lines() == AREAS  # in the service's order, groups after their community


def test_the_tree_is_a_well_behaved_model(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(_tree())
    sorted_model = AreaSortModel()
    sorted_model.setSourceModel(_tree())
    sorted_model.sort(AreaTreeModel.VISITS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(sorted_model)


def test_figures_read_as_a_person_reads_them() -> None:
    model = _tree()
    assert model.header_texts() == [
        "Community / building group",
        "Visits counted",
        "People served",
        "Signups counted",
        "Attendance rate",
        "No-show rate",
        "Volunteer hours",
        "Resident population",
        "Served per 1,000",
    ]
    assert model.row_texts(0) == [
        "全中心",
        "1,234",
        "420",
        "300",
        "87.5%",
        "12.5%",
        "512.5",
        "8,780",
        "47.8",
    ]
    # 未填写: no residents, no attendance taken: "—" rather than 0 % or a division by zero.
    assert model.row_texts(3) == [
        "未填写", "34", "10", "10", NONE_TEXT, NONE_TEXT, "0", NONE_TEXT, NONE_TEXT,
    ]  # fmt: skip
    hours = model.index(0, AreaTreeModel.HOURS, model.index(1, 0))
    assert model.index(1, AreaTreeModel.HOURS, model.index(1, 0)).data() == "95.3"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert hours.data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, AreaTreeModel.PER_1000).data() == "61.7"  # 300 of 4,860
    assert model.headerData(AreaTreeModel.ATTENDANCE, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole)  # fmt: skip


def test_rates_as_percentages() -> None:
    assert format_rate(None) == NONE_TEXT
    assert format_rate(0) == "0.0%"
    assert format_rate(1) == "100.0%"
    assert format_rate(2 / 3) == "66.7%"


def _names(model: AreaSortModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_keeps_the_centre_first_and_groups_inside_their_community(
    order: Qt.SortOrder,
) -> None:
    model = AreaSortModel()
    model.setSourceModel(_tree())
    model.sort(AreaTreeModel.VISITS, order)
    names = _names(model)
    assert names[0] == "全中心"
    busiest_first = ["友邻新村", "东湖苑", "未填写"]
    assert names[1:] == (
        busiest_first if order == Qt.SortOrder.DescendingOrder else busiest_first[::-1]
    )
    village = model.index(names.index("友邻新村"), 0)
    groups = _names(model, village)
    assert groups == (
        ["1号楼组", "2号楼组"] if order == Qt.SortOrder.DescendingOrder else ["2号楼组", "1号楼组"]
    )
    model.sort(-1)  # no column: the centre's own order again
    assert _names(model) == ["全中心", "友邻新村", "东湖苑", "未填写"]


def test_a_figure_that_cannot_be_counted_sorts_below_zero() -> None:
    model = AreaSortModel()
    model.setSourceModel(_tree())
    model.sort(AreaTreeModel.ATTENDANCE, Qt.SortOrder.AscendingOrder)
    assert _names(model)[1] == "未填写"
    assert model.index(1, AreaTreeModel.ATTENDANCE).data(SORT_ROLE) == -1.0


def test_a_building_group_without_its_community_line_stays_visible() -> None:
    model = AreaTreeModel()
    model.set_lines([area(AreaLevel.BUILDING_GROUP, "孤楼组", community_id=9, group_id=90)])
    assert model.rowCount() == 1 and model.index(0, 0).data() == "孤楼组"


def test_the_request_figures_on_one_line(qtmodeltester: ModelTester) -> None:
    model = RequestFiguresModel()
    model.set_lines([REQUESTS])
    qtmodeltester.check(model)
    assert model.header_texts() == [
        "Requests received",
        "Requests resolved",
        "Still open at the period's end",
        "Days to resolve, on average",
        "Days to resolve, median",
    ]
    assert model.row_texts(0) == ["12", "9", "4", "3.2", "3.0"]
    assert model.export_values(0) == [12, 9, 4, 3.2, 3.0]
    model.set_lines([replace(REQUESTS, mean_days_to_resolve=None, median_days_to_resolve=None)])
    assert model.row_texts(0)[3:] == [NONE_TEXT, NONE_TEXT]
    assert model.export_values(0)[3:] == [NONE_TEXT, NONE_TEXT]


def test_satisfaction_by_category_community_and_assignee_under_a_total(
    qtmodeltester: ModelTester,
) -> None:
    model = SatisfactionModel()
    model.set_all(SATISFACTION, REQUESTS)
    qtmodeltester.check(model)
    assert model.header_texts() == [
        "Category of request",
        "Satisfied",
        "Basically satisfied",
        "Not satisfied",
        "No answer recorded",
        "Satisfied or basically",
    ]
    assert [model.row_texts(row) for row in range(model.rowCount())] == [
        ["All resolved requests", "5", "2", "1", "1", "87.5%"],
        ["物业维修", "3", "1", "1", "0", "80.0%"],
        ["环境卫生", "2", "1", "0", "1", "100.0%"],
    ]
    assert model.index(0, 0).data(TOTAL_ROLE) and model.index(0, 0).data(Qt.ItemDataRole.FontRole)
    assert not model.index(1, 0).data(TOTAL_ROLE)
    assert model.export_values(1) == ["物业维修", 3, 1, 1, 0, 0.8]
    model.set_by(SatisfactionBy.ASSIGNEE)
    assert model.header_texts()[0] == "Handled by"
    assert [model.row_texts(row) for row in range(1, model.rowCount())] == [
        ["社工 李晓燕", "5", "2", "1", "0", "87.5%"],
        ["未填写", "0", "0", "0", "1", NONE_TEXT],
    ]
    assert model.row_texts(0)[0] == "All resolved requests"
    model.set_by(SatisfactionBy.COMMUNITY)
    assert model.header_texts()[0] == "Community of the resident"
    assert model.rowCount() == 3 and model.row_texts(2)[0] == "东湖苑"


def test_sorting_satisfaction_keeps_the_total_first() -> None:
    model = SatisfactionModel()
    model.set_all(SATISFACTION, REQUESTS)
    model.set_by(SatisfactionBy.COMMUNITY)
    sorted_model = TotalFirstSort()
    sorted_model.setSourceModel(model)
    expected = {  # 东湖苑 66.7 %, 友邻新村 100 %
        Qt.SortOrder.AscendingOrder: ["All resolved requests", "东湖苑", "友邻新村"],
        Qt.SortOrder.DescendingOrder: ["All resolved requests", "友邻新村", "东湖苑"],
    }
    for order, names in expected.items():
        sorted_model.sort(SatisfactionModel.RATE, order)
        assert [sorted_model.index(row, 0).data() for row in range(3)] == names


def test_column_titles_break_on_screen_and_stay_whole_elsewhere() -> None:
    assert one_line("Served per|1,000 residents") == "Served per 1,000 residents"
    assert one_line("每千人|服务人数") == "每千人服务人数"
    assert one_line("No-show|rate") == "No-show rate"
    assert one_line("社区/楼组") == "社区/楼组"
    assert one_line("Days to resolve,|median") == "Days to resolve, median"
    assert two_lines("每千人|服务人数") == "每千人\n服务人数"
    screen, tree = ScreenHeaders(), _tree()
    screen.setSourceModel(tree)
    horizontal = Qt.Orientation.Horizontal
    assert screen.headerData(AreaTreeModel.PER_1000, horizontal) == "Served\nper 1,000"
    assert screen.headerData(AreaTreeModel.NAME, horizontal) == "Community /\nbuilding group"
    assert _tree().headerData(AreaTreeModel.PER_1000, horizontal) == "Served per 1,000"


D = dt.date
M, L, Q, Y = (QuickPeriod.THIS_MONTH, QuickPeriod.LAST_MONTH, QuickPeriod.THIS_QUARTER,
              QuickPeriod.THIS_YEAR)  # fmt: skip


@pytest.mark.parametrize(
    ("choice", "today", "first", "last"),
    [
        (M, D(2026, 11, 25), D(2026, 11, 1), D(2026, 11, 30)),
        (L, D(2026, 11, 25), D(2026, 10, 1), D(2026, 10, 31)),
        (L, D(2027, 1, 1), D(2026, 12, 1), D(2026, 12, 31)),
        (L, D(2024, 3, 31), D(2024, 2, 1), D(2024, 2, 29)),
        (Q, D(2026, 11, 25), D(2026, 10, 1), D(2026, 12, 31)),
        (Q, D(2026, 1, 1), D(2026, 1, 1), D(2026, 3, 31)),
        (Q, D(2026, 6, 30), D(2026, 4, 1), D(2026, 6, 30)),
        (Y, D(2026, 11, 25), D(2026, 1, 1), D(2026, 12, 31)),
    ],
)
def test_quick_periods(choice: QuickPeriod, today: dt.date, first: dt.date, last: dt.date) -> None:
    assert quick_period(choice, today) == Period(first, last)


def test_a_custom_period_has_no_quick_dates() -> None:
    assert quick_period(QuickPeriod.CUSTOM, dt.date(2026, 11, 25)) is None
