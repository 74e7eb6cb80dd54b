"""The duty rota page driven as the desk would: the week's turns, Space marks the current turn
done (its service record is made), 未到 in words, the missed streaks, the printed rota, and
staff adding a duty and putting a volunteer on it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import clock
from app.db import Database
from app.models import ServiceRecord
from app.security import Actor
from app.services.volunteers import rota
from tests.rooms_ui import context, type_into
from tests.rota_data import make_rota
from ui import style
from ui.volunteers.rota import RotaPage, TurnsModel

WEDNESDAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def _clock(clock_at: clock.FixedClock) -> clock.FixedClock:
    return clock_at


def make_page(qtbot: QtBot, db: Database, actor: Actor) -> RotaPage:
    page = RotaPage(context(db, actor))
    qtbot.addWidget(page)
    page.resize(1166, 696)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    return page


def _records(db: Database) -> list[tuple[dt.date, Decimal, str]]:
    with db.read() as session:
        return [(r.day, r.hours, r.content) for r in session.scalars(select(ServiceRecord))]


def test_space_marks_the_turn_done_and_the_record_is_made(
    qtbot: QtBot, db: Database, desk: Actor, chinese: None
) -> None:
    data = make_rota(db)
    page = make_page(qtbot, db, desk)
    assert page.objectName() == "volunteers.rota"
    texts = [page.model.row_texts(row) for row in range(page.model.rowCount())]
    assert [t[TurnsModel.NAME] for t in texts] == ["李秀兰", "王建国"]
    assert all(t[TurnsModel.STATUS] == "未登记" for t in texts)
    assert "138****5678" in texts[1][TurnsModel.PHONE]
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(1, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert _records(db) == [(WEDNESDAY, Decimal("1.5"), "垃圾分类桶前督导")]
    assert page.model.row_texts(1)[TurnsModel.STATUS] == "已到"
    assert "王建国" in page.status.message()
    # 未到 from the button, with a note: the record goes, the words say so.
    page.view.setCurrentIndex(page.model.index(1, 0))
    type_into(qtbot, page.note_edit, "生病")
    qtbot.mouseClick(page.missed_button, Qt.MouseButton.LeftButton)
    assert _records(db) == []
    assert page.model.row_texts(1)[TurnsModel.STATUS] == "未到（生病）"
    # Desk volunteers see no staff forms.
    assert page.tabs.count() == 1
    _ = data


def test_the_missed_list_shows_who_has_not_come_for_weeks(
    qtbot: QtBot, db: Database, staff: Actor, chinese: None
) -> None:
    data = make_rota(db)
    with db.write() as session:
        rota.mark(session, staff, data.duty_id, data.people["李秀兰"], dt.date(2026, 11, 18), True)
    page = make_page(qtbot, db, staff)
    rows = [page.misses.row_texts(row) for row in range(page.misses.rowCount())]
    assert [(r[0], r[2], r[3]) for r in rows] == [("王建国", "7 周", "从未到岗")]
    page.show_week(dt.date(2026, 11, 16))
    assert page.model.rowCount() == 2
    page.community_combo.setCurrentIndex(page.community_combo.findText("梅岭社区"))
    assert page.model.rowCount() == 0 and page.empty_label.isVisible()


def test_staff_add_a_duty_and_put_a_volunteer_on_it(
    qtbot: QtBot, db: Database, staff: Actor, chinese: None
) -> None:
    data = make_rota(db)
    page = make_page(qtbot, db, staff)
    assert page.tabs.count() == 3
    page.duty_name.clear()
    qtbot.mouseClick(page.add_duty_button, Qt.MouseButton.LeftButton)
    assert page.fields.text("name")
    type_into(qtbot, page.duty_name, "楼道巡查")
    page.duty_weekday.setCurrentIndex(0)
    qtbot.mouseClick(page.add_duty_button, Qt.MouseButton.LeftButton)
    assert "楼道巡查" in page.status.message()
    page.assign_duty.setCurrentIndex(
        page.assign_duty.findText("楼道巡查", Qt.MatchFlag.MatchContains)
    )
    page.picker.set_person(data.people["钱多多"], "钱多多")
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert "钱多多" in page.fields.text("person_id")
    page.picker.set_person(data.people["赵明"], "赵明")
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert "赵明" in page.status.message()
    names = [line.name for line in page.model.lines()]
    assert "赵明" in names


def test_the_rota_prints_from_the_page(
    qtbot: QtBot, db: Database, desk: Actor, chinese: None
) -> None:
    make_rota(db)
    page = make_page(qtbot, db, desk)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert page.preview is not None
    assert b"%PDF" in page.preview.pdf[:8]
    assert "2026-11-01" in page.preview.file_name
    page.preview.close()


@pytest.mark.parametrize("large", [False, True])
def test_screenshots(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    chinese: None,
    request: pytest.FixtureRequest,
    qapp: QApplication,
    large: bool,
) -> None:
    if large:
        request.getfixturevalue("text_size")
        style.apply_text_size(qapp, "large")
    make_rota(db)
    page = make_page(qtbot, db, staff)
    qtbot.wait(50)
    page.grab().save(f"/tmp/rota_page_{'large' if large else 'normal'}.png")
    page.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    page.grab().save(f"/tmp/rota_page_{'large' if large else 'normal'}_duty.png")
    page.tabs.setCurrentIndex(2)
    qtbot.wait(20)
    page.grab().save(f"/tmp/rota_page_{'large' if large else 'normal'}_assign.png")
