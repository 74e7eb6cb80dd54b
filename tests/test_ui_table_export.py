"""ui.table_export: any table model to .xlsx through the save dialog and a background job, in
the order a sort proxy shows, typed values from EXPORT_ROLE, refused plainly to who may not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QFileDialog, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.security import Actor
from tests.rooms_ui import context
from ui.errors import StatusLine
from ui.table_export import TableKind, add_export_action, export_button, export_table
from ui.table_model import EXPORT_ROLE, LinesModel, TableModel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

LINES = [
    ("王芳", dt.date(2026, 11, 3), Decimal("2.5"), "13812345678"),
    ("陈静", dt.date(2026, 11, 1), Decimal("10"), "021-57681234"),
]


class HoursModel(LinesModel[tuple[str, dt.date, Decimal, str]]):
    CONTEXT = "Tests"
    HEADERS = ("姓名", "日期", "时长", "电话")
    EXPORT_KIND = TableKind.PEOPLE

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        name, day, hours, phone = self.line(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return (name, f"{day:%m月%d日}", f"{hours}小时", phone)[index.column()]
        if role == EXPORT_ROLE:
            return (None, day, hours, None)[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == EXPORT_ROLE and orientation == Qt.Orientation.Horizontal and section == 2:
            return "0.0"
        return super().headerData(section, orientation, role)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.setObjectName("volunteers")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _sheet(path: Path) -> Any:
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    return sheet


def test_the_button_asks_where_then_writes_what_the_view_shows(
    qtbot: QtBot, db: Database, admin: Actor, parent: QWidget, tmp_path: Path
) -> None:
    model = HoursModel(parent)
    model.set_lines(LINES)
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.sort(1)  # by day as shown: 陈静 (1 Nov) first
    status = StatusLine("volunteers.status", parent)
    button = export_button(parent, context(db, admin), proxy, lambda: "志愿者时长", status=status)
    assert button.objectName() == "volunteers.export" and button.isEnabled()
    assert button.accessibleName() and button.kind is TableKind.PEOPLE
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    exporter = button.exporter
    assert exporter is not None and exporter.dialog is not None
    dialog = exporter.dialog
    assert dialog.objectName() == "volunteers.fileDialog"
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    proposed = Path(dialog.selectedFiles()[0]).name
    assert proposed.startswith("志愿者时长 ") and proposed.endswith(".xlsx")
    target = tmp_path / "hours.xlsx"
    with qtbot.waitSignal(exporter.finished, timeout=10_000) as finished:
        dialog.fileSelected.emit(str(target))
    assert finished.args is not None and finished.args[1] is True
    assert str(target) in status.message() and not status.is_error()
    sheet = _sheet(target)
    assert sheet["A1"].value == "志愿者时长"
    assert [cell.value for cell in sheet[3]] == ["姓名", "日期", "时长", "电话"]
    assert [sheet.cell(row, 1).value for row in (4, 5)] == ["陈静", "王芳"]
    assert sheet["B4"].value == dt.datetime(2026, 11, 1) and sheet["B4"].is_date
    assert sheet["C5"].value == 2.5 and sheet["C5"].number_format == "0.0"
    assert sheet["D4"].value == "021-****1234" and sheet["D5"].value == "138****5678"


def test_a_refused_account_sees_a_greyed_button_and_is_told_why(
    qtbot: QtBot, db: Database, staff: Actor, desk: Actor, parent: QWidget
) -> None:
    model = HoursModel(parent)
    model.set_lines(LINES)
    names = export_button(parent, context(db, staff), model, "志愿者")
    assert not names.isEnabled() and names.toolTip()
    figures = export_button(parent, context(db, staff), model, "统计", kind=TableKind.STATISTICS)
    assert figures.isEnabled()
    status = StatusLine("x.status", parent)
    assert export_table(parent, context(db, desk), model, "统计", status=status) is None
    assert status.is_error() and status.message()
    assert parent.findChild(QFileDialog) is None


def test_the_right_click_action_leaves_out_hidden_columns(
    qtbot: QtBot, db: Database, admin: Actor, parent: QWidget, tmp_path: Path
) -> None:
    class Counts(TableModel):
        HEADERS = ("社区", "人次")

        def rowCount(self, parent: Any = None) -> int:
            return 2

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return (("友邻新村", "12"), ("东苑", "3"))[index.row()][index.column()]
            if role == EXPORT_ROLE and index.column() == 1:
                return (12, 3)[index.row()]
            return None

    view = QTableView(parent)
    view.setObjectName("reports.areas")
    view.setModel(Counts(view))
    view.setColumnHidden(0, True)
    action = add_export_action(view, context(db, admin), "人次")
    assert action.objectName() == "reports.areas.exportAction" and action in view.actions()
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    action.trigger()
    exporter = parent.findChild(QFileDialog)
    assert exporter is not None
    target = tmp_path / "counts.xlsx"
    exporters = [
        child for child in parent.children() if child.objectName() == "reports.areas.exporter"
    ]
    assert len(exporters) == 1
    with qtbot.waitSignal(exporters[0].finished, timeout=10_000):
        exporter.fileSelected.emit(str(target))
    sheet = _sheet(target)
    assert [cell.value for cell in sheet[3]] == ["人次"]
    assert [sheet.cell(row, 1).value for row in (4, 5)] == [12, 3]
