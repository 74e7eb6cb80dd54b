"""The Reports desk on the demo centre, in the main window as staff at 1366×768, in both text
sizes: the figures the tree shows are the statistics service's, every column fits without
scrolling sideways and no name is cut short, in the interface's Chinese with the bundled font.
`YOULIN_SCREENS=DIR` saves the screens on the way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database
from app.models import Account
from app.security import Actor
from app.services import statistics
from app.services.statistics.period import Period
from tests.demo_ui import shot as _shot
from tests.rooms_ui import context
from tests.test_ui_menu_demo import demo_db  # noqa: F401  (demo_db: a fixture)
from ui import style
from ui.main_window import DEFAULT_SIZE, MainWindow
from ui.reports.desk import ReportsDesk
from ui.reports.models import AreaTreeModel
from ui.reports.statistics import StatisticsPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def _tr(context: str, text: str) -> str:
    """The interface's Chinese (this test runs in it) as the catalogue has it."""
    return QCoreApplication.translate(context, text)


def _actor(db: Database, username: str) -> Actor:
    with db.read() as session:
        return Actor.of(session.scalars(select(Account).where(Account.username == username)).one())


def _all_rows(page: StatisticsPage) -> list[tuple[str, list[str]]]:
    """Every line of the tree as shown: (name, texts), building groups after their community."""
    model = page.areas_view.model()
    rows = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        rows.append(_texts(model, row, QModelIndex()))
        rows.extend(_texts(model, child, parent) for child in range(model.rowCount(parent)))
    return rows


def _texts(model: object, row: int, parent: QModelIndex) -> tuple[str, list[str]]:
    assert hasattr(model, "index")
    cells = [model.index(row, c, parent).data() for c in range(len(AreaTreeModel.HEADERS))]
    return cells[0], cells[1:]


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_demo_centre_by_community_fits_the_screen(
    qtbot: QtBot, qapp: QApplication, request: pytest.FixtureRequest, text_size: None, size: str
) -> None:
    db: Database = request.getfixturevalue("demo_db")  # the Service menu's demo centre
    style.apply_text_size(qapp, size)
    staff = _actor(db, "staff")
    window = MainWindow(context(db, staff), "东社区邻里中心")
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    window.show()
    qtbot.waitExposed(window)
    assert window.desk_titles()[window.desk_keys().index("reports")] == _tr("MainWindow", "Reports")
    assert window.switch_to("reports")
    desk = window.desk("reports")
    assert isinstance(desk, ReportsDesk) and desk.statistics_page is not None
    page = desk.statistics_page
    qtbot.waitUntil(lambda: page.figures is not None and not page.busy(), timeout=20_000)
    assert [page.tabs.tabText(n) for n in range(page.tabs.count())] == [
        _tr("StatisticsPage", "By community and building group"),
        _tr("StatisticsPage", "Requests and satisfaction"),
    ]
    assert page.picker.choice.currentText() == _tr("PeriodPicker", "This month")

    # The tree shows the service's own figures for November.
    with db.read() as session:
        lines = statistics.areas(session, staff, Period.month(2026, 11))
    shown = _all_rows(page)
    centre = lines[0]
    assert [name for name, _cells in shown] == [line.name for line in lines]
    assert shown[0][0] == centre.name and len(shown) == 1 + 7 + 66 + (len(lines) - 74)
    assert shown[0][1][0] == f"{centre.visits:,}" and shown[0][1][6] == f"{centre.residents:,}"

    # No name or figure is cut short, with every building group shown.
    page.areas_view.expandAll()
    view = page.areas_view
    header = view.header()
    qtbot.waitUntil(lambda: header.sectionSize(0) >= view.sizeHintForColumn(0))
    if _tr("ReportModels", "Visits|counted") != "Visits|counted":  # the catalogue has the desk
        # In Chinese the nine columns fit the window at either text size.
        qtbot.waitUntil(
            lambda: (
                sum(header.sectionSize(c) for c in range(header.count())) <= view.viewport().width()
            )
        )
        qtbot.waitUntil(lambda: not view.horizontalScrollBar().isVisible())
    _shot(window, f"reports_areas_{size}")
    metrics = view.fontMetrics()
    indent = view.indentation() * 2
    widest_name = max(metrics.horizontalAdvance(name) for name, _cells in shown)
    assert header.sectionSize(AreaTreeModel.NAME) >= widest_name + indent
    for column in range(1, header.count()):
        widest = max(metrics.horizontalAdvance(cells[column - 1]) for _name, cells in shown)
        assert header.sectionSize(column) >= widest, header.model().headerData(
            column, Qt.Orientation.Horizontal
        )
    for widget in (page.refresh_button, page.monthly_button, page.areas_export, page.picker):
        assert widget.isVisible() and widget.width() >= widget.sizeHint().width()
        assert window.rect().contains(widget.mapTo(window, widget.rect().bottomRight()))

    page.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    _shot(window, f"reports_requests_{size}")
    satisfaction = page.satisfaction_view
    assert not satisfaction.horizontalScrollBar().isVisible()
    assert page.satisfaction_model.row_texts(0)[0] == _tr("ReportModels", "All resolved requests")
    assert not page.requests_view.verticalScrollBar().isVisible()
