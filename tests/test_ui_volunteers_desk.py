"""The Volunteers desk's 志愿者 tab driven like staff or a desk volunteer: make-up hours through the
inline form (an empty reason said beside the field, nothing written), the list's hours updated,
enrolling a resident, who reaches N hours, and the desk in the navigation at 1366×768."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton, QTableView, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import clock
from app.db import Database
from app.errors import PermissionDenied
from app.models import ServiceRecord
from app.security import Actor
from app.services.volunteers import profiles, records
from app.services.volunteers.profiles import VolunteerInput
from app.services.volunteers.records import MakeUpInput
from tests.menu_data import add_person
from tests.rooms_ui import context, type_into
from ui import style
from ui.main_window import DEFAULT_SIZE, MainWindow
from ui.people.detail import PersonDetailView
from ui.volunteers.desk import VolunteersDesk
from ui.volunteers.page import VolunteersPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def in_chinese(chinese: None) -> None:
    """The desk as a centre sees it."""


@pytest.fixture
def people(db: Database, staff: Actor, clock_at: clock.FixedClock) -> dict[str, int]:
    with db.write() as session:
        ids = {
            "wang": add_person(session, "王建国"),
            "li": add_person(session, "李秀兰"),
            "zhang": add_person(session, "张伟"),
        }
        profiles.enrol(session, staff, ids["wang"], VolunteerInput(skills="书法"))
        profiles.enrol(
            session,
            staff,
            ids["li"],
            VolunteerInput(
                double_report=True,
                workplace_party_org="嘉定区税务局第三党支部",
                reported_on=dt.date(2025, 3, 1),
            ),
        )
        records.make_up(
            session,
            staff,
            MakeUpInput(ids["li"], dt.date(2026, 6, 1), "20", "社区运动会", "签到表遗失"),
        )
    return ids


def _records(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(ServiceRecord.id))) or 0


def _desk(qtbot: QtBot, db: Database, actor: Actor) -> VolunteersDesk:
    desk = VolunteersDesk(context(db, actor))
    qtbot.addWidget(desk)
    desk.resize(DEFAULT_SIZE)
    desk.show()
    qtbot.waitExposed(desk)
    return desk


def test_staff_make_up_hours_through_the_form_and_the_list_updates(
    qtbot: QtBot, db: Database, staff: Actor, people: dict[str, int]
) -> None:
    desk = _desk(qtbot, db, staff)
    page: VolunteersPage = desk.volunteers_page
    assert [page.model.row_texts(n)[1] for n in range(page.model.rowCount())] == [
        "王建国",
        "李秀兰",
    ]
    assert page.choose_person(people["wang"])
    assert page.make_up_button.isVisible()
    qtbot.mouseClick(page.make_up_button, Qt.MouseButton.LeftButton)
    form = page.make_up_form
    assert form.isVisible()
    type_into(qtbot, form.hours, "2.5")
    type_into(qtbot, form.content, "重阳节敬老活动")
    before = _records(db)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "原因" in form.messages.text("reason")
    assert form.messages.message("reason").isVisible()  # type: ignore[union-attr]
    assert _records(db) == before
    type_into(qtbot, form.hours, "25")
    type_into(qtbot, form.reason, "签到表遗失")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "一天" in form.messages.text("hours")
    assert _records(db) == before
    type_into(qtbot, form.hours, "2.5")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert _records(db) == before + 1
    row = page.model.row_of_person(people["wang"])
    assert page.model.row_texts(row)[4] == "2.5"
    assert page.chosen() is not None and page.chosen().person_id == people["wang"]  # type: ignore[union-attr]
    line = page.records_model.row_texts(0)
    assert line[1] == "2.5" and "补录" in line[3] and "签到表遗失" in line[4]
    assert "2.5" in page.chosen_label.text()


def test_a_desk_volunteer_reads_but_gets_no_make_up_button_and_the_service_refuses_them(
    qtbot: QtBot, db: Database, desk: Actor, people: dict[str, int]
) -> None:
    view = _desk(qtbot, db, desk)
    page: VolunteersPage = view.volunteers_page
    assert page.choose_person(people["li"])
    assert not page.make_up_button.isVisible()
    assert not page.enrol_button.isVisible() and not page.edit_button.isVisible()
    assert "补录" in page.records_model.row_texts(0)[3]
    assert page.model.row_texts(page.model.row_of_person(people["li"]))[3] == "是"
    with pytest.raises(PermissionDenied):
        page._context.run(
            lambda s, a: records.make_up(
                s, a, MakeUpInput(people["li"], dt.date(2026, 11, 1), "1", "值班", "补")
            ),
            write=True,
        )
    page.filter_box.setCurrentIndex(1)
    assert page.model.rowCount() == 1 and page.model.line(0).name == "李秀兰"
    qtbot.mouseClick(page.qualify_button, Qt.MouseButton.LeftButton)
    assert "李秀兰" in page.qualify_label.text() and "王建国" not in page.qualify_label.text()


def test_staff_enrol_a_resident_picked_as_reception_finds_them(
    qtbot: QtBot, db: Database, staff: Actor, people: dict[str, int]
) -> None:
    desk = _desk(qtbot, db, staff)
    page: VolunteersPage = desk.volunteers_page
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    form = page.profile_form
    form.double_report.setChecked(True)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.messages.text("person_id")
    form.picker.set_person(people["zhang"], "张伟")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.messages.text("workplace_party_org")
    type_into(qtbot, form.party_org, "上海某公司党支部")
    type_into(qtbot, form.reported_on, "2026-01-05")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    chosen = page.chosen()
    assert chosen is not None and chosen.name == "张伟" and chosen.volunteer_number == "DLZY00003"
    assert chosen.hours == Decimal(0)


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_desk_is_in_the_navigation_and_fits_1366_by_768(
    qtbot: QtBot,
    qapp: QApplication,
    db: Database,
    staff: Actor,
    people: dict[str, int],
    text_size: None,
    size: str,
) -> None:
    style.apply_text_size(qapp, size)
    window = MainWindow(context(db, staff), "东社区邻里中心")
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    window.show()
    qtbot.waitExposed(window)
    keys = window.desk_keys()
    assert keys.index("volunteers") == keys.index("menu") + 1
    assert window.switch_to("volunteers")
    desk = window.desk("volunteers")
    assert isinstance(desk, VolunteersDesk)
    tabs = desk.findChild(QTabWidget, "volunteers.tabs")
    assert [tabs.tabText(n) for n in range(tabs.count())] == ["志愿者", "值班表", "证书"]
    page = desk.volunteers_page
    page.choose_person(people["li"])
    qtbot.wait(20)
    # the list has most of the height; the records below keep theirs without a scroll bar
    assert page.table.height() > page.below.height()
    assert not page.below.verticalScrollBar().isVisible()
    assert page.records_view.height() >= page.records_view.minimumHeight()
    page.on_make_up_clicked()
    qtbot.wait(20)
    window.grab().save(f"/tmp/volunteers_desk_{size}.png")
    page.on_edit_clicked()
    qtbot.wait(20)
    window.grab().save(f"/tmp/volunteers_profile_{size}.png")
    page.profile_form.on_cancel_clicked()  # the list gets its share back
    qtbot.wait(20)
    assert page.table.height() > page.below.height()
    hint = window.minimumSizeHint()
    assert hint.width() <= DEFAULT_SIZE.width() and hint.height() <= DEFAULT_SIZE.height()
    for button in page.findChildren(QPushButton):
        if button.isVisibleTo(page):
            assert button.width() >= button.sizeHint().width(), button.objectName()


def test_the_persons_record_shows_the_volunteer_and_staff_enrol_from_it(
    qtbot: QtBot, db: Database, staff: Actor, people: dict[str, int]
) -> None:
    view = PersonDetailView(context(db, staff))
    qtbot.addWidget(view)
    view.resize(DEFAULT_SIZE)
    view.show()
    assert view.show_person(people["li"])
    section = view.volunteer_section
    text = section.summary.text()
    assert "DLZY00002" in text and "20" in text and "嘉定区税务局第三党支部" in text
    assert section.edit_button.isVisible() and not section.enrol_button.isVisible()
    assert view.show_person(people["zhang"])
    assert "不是志愿者" in section.summary.text()
    qtbot.mouseClick(section.enrol_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, section.form.skills, "理发")
    qtbot.mouseClick(section.form.save_button, Qt.MouseButton.LeftButton)
    assert "DLZY00003" in section.summary.text()
    qtbot.wait(50)
    view.grab().save("/tmp/volunteers_person_record.png")


def test_a_desk_volunteer_reads_the_section_without_its_buttons(
    qtbot: QtBot, db: Database, desk: Actor, people: dict[str, int]
) -> None:
    view = PersonDetailView(context(db, desk))
    qtbot.addWidget(view)
    view.show()
    assert view.show_person(people["zhang"])
    section = view.volunteer_section
    assert not section.enrol_button.isVisible() and not section.edit_button.isVisible()


def test_rows_follow_a_text_size_changed_while_the_desk_is_open(
    qtbot: QtBot, qapp: QApplication, db: Database, staff: Actor, text_size: None
) -> None:
    style.apply_text_size(qapp, "normal")
    desk = _desk(qtbot, db, staff)
    views = desk.findChildren(QTableView)
    assert {view.objectName() for view in views} >= {
        "volunteers.list",
        "volunteers.records",
        "volunteers.certificates.register",
        "volunteers.certificates.batchList",
    }
    before = {view.objectName(): view.verticalHeader().defaultSectionSize() for view in views}
    style.apply_text_size(qapp, "large")
    qtbot.wait(20)
    for view in views:
        line = QFontMetrics(view.font()).height()
        row = view.verticalHeader().defaultSectionSize()
        assert row > before[view.objectName()] and row >= line * 1.3, view.objectName()
