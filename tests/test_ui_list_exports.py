"""导出 Excel on the desks' lists: the register as filtered, Reception's visit log, the Rooms
desk's bookings, a session's roster, the volunteers and the certificate register. What is
written is what the list shows, with real dates and masked phones; who may not is not offered it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import clock
from app.db import Database
from app.models import Purpose
from app.security import Actor
from app.services import communities, people, reception
from app.services.people import PersonInput
from tests import rooms_data
from tests.rooms_data import WEDNESDAY
from tests.rooms_ui import context
from ui.menu.desk import MenuDesk
from ui.people.desk import PeopleDesk
from ui.reception.desk import ReceptionDesk
from ui.rooms.desk import RoomsDesk
from ui.table_export import ExportButton
from ui.volunteers.certificates import CertificatesPage
from ui.volunteers.page import VolunteersPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def _show(qtbot: QtBot, widget: QWidget) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _export(qtbot: QtBot, button: ExportButton, target: Path) -> Any:
    """Press the button, accept the save dialog with `target`, wait; the sheet written."""
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    exporter = button.exporter
    assert exporter is not None and exporter.dialog is not None
    proposed = Path(exporter.dialog.selectedFiles()[0]).name
    assert proposed.endswith(f"{clock.today().isoformat()}.xlsx"), proposed
    dialog = exporter.dialog
    with qtbot.waitSignal(exporter.finished, timeout=20_000) as finished:
        dialog.fileSelected.emit(str(target))
    dialog.close()
    assert finished.args is not None and finished.args[1] is True, finished.args
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    return sheet


def _column(sheet: Any, title: str) -> list[Any]:
    headers = [cell.value for cell in sheet[3]]
    column = headers.index(title) + 1
    return [sheet.cell(row, column).value for row in range(4, sheet.max_row + 1)]


@pytest.fixture
def residents(db: Database, admin: Actor) -> dict[str, int]:
    with db.write() as session:
        east = communities.add_community(session, admin, "东苑社区")
        ids = {}
        for name, phone, year in (("张三", "13812345678", 1956), ("李四", "13912345678", 1962)):
            row = people.register(
                session,
                admin,
                PersonInput(name, phone=phone, birth_year=year, community_id=east.id, consent=True),
            )
            ids[name] = row.id
    return ids


def test_the_register_exports_as_filtered_with_masked_phones(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    residents: dict[str, int],
    tmp_path: Path,
    chinese: None,
) -> None:
    desk = _show(qtbot, PeopleDesk(context(db, admin)))
    desk.model.set_filter(desk.model.filter.__class__(text="张"))
    sheet = _export(qtbot, desk.export_button, tmp_path / "people.xlsx")
    assert sheet["A1"].value and sheet.max_row == 4  # the title row; one person found
    assert _column(sheet, "姓名") == ["张三"]
    found = [cell.value for cell in sheet[4]]
    assert "138****5678" in found and 1956 in found  # the birth year a number


def test_the_desk_volunteer_is_not_offered_list_exports(
    qtbot: QtBot, db: Database, desk: Actor, residents: dict[str, int]
) -> None:
    people_desk = _show(qtbot, PeopleDesk(context(db, desk)))
    assert not people_desk.export_button.isEnabled() and people_desk.export_button.toolTip()
    reception_desk = _show(qtbot, ReceptionDesk(context(db, desk)))
    assert not reception_desk.export_button.isVisible()
    menu = _show(qtbot, MenuDesk(context(db, desk)))
    assert not menu.roster_export_button.isVisible()


def test_the_visit_log_exports_times_as_dates(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    residents: dict[str, int],
    tmp_path: Path,
    clock_at: clock.FixedClock,
) -> None:
    with db.write() as session:
        reception.check_in(session, admin, residents["张三"], Purpose.GOVERNMENT)
    desk = _show(qtbot, ReceptionDesk(context(db, admin)))
    desk.refresh()
    qtbot.waitUntil(lambda: desk.log_model.rowCount() == 1)
    sheet = _export(qtbot, desk.export_button, tmp_path / "log.xlsx")
    first = sheet["A4"]
    assert first.is_date and first.value == clock_at.now().replace(second=0, microsecond=0)
    assert "张三" in [cell.value for cell in sheet[4]]


def test_the_rooms_desk_exports_the_days_bookings(
    qtbot: QtBot, db: Database, admin: Actor, staff: Actor, tmp_path: Path
) -> None:
    rooms_data.demo_like(db, admin)
    staff_desk = _show(qtbot, RoomsDesk(context(db, staff)))
    assert not staff_desk.excel_button.isEnabled()  # names residents: the administrator's
    desk = _show(qtbot, RoomsDesk(context(db, admin)))
    desk.go_to(WEDNESDAY)
    sheet = _export(qtbot, desk.excel_button, tmp_path / "rooms.xlsx")
    days = [value for value in _column_by_index(sheet, 1) if value is not None]
    assert days and all(value == dt.datetime(2026, 11, 25) for value in days)
    assert sheet["A4"].is_date and sheet["B4"].number_format == "hh:mm"
    texts = {cell.value for row in sheet.iter_rows(min_row=4) for cell in row}
    assert "社区合唱团排练" in texts and "13812345678" not in texts


def _column_by_index(sheet: Any, column: int) -> list[Any]:
    return [sheet.cell(row, column).value for row in range(4, sheet.max_row + 1)]


def test_volunteers_and_certificates_offer_the_export_to_the_administrator(
    qtbot: QtBot, db: Database, admin: Actor, staff: Actor
) -> None:
    assert _show(qtbot, VolunteersPage(context(db, admin))).export_button.isVisible()
    assert not _show(qtbot, VolunteersPage(context(db, staff))).export_button.isVisible()
    assert _show(qtbot, CertificatesPage(context(db, admin))).export_button.isVisible()
    assert not _show(qtbot, CertificatesPage(context(db, staff))).export_button.isVisible()
