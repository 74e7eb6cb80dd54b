"""Settings → rooms, closed days and organisations, driven as an admin would, on a real database;
Home's line about a year's holidays still to be entered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from stdnum.cn import uscc

from app import clock, i18n
from app import settings as settings_module
from app.db import Database
from app.models import (
    AuditEvent,
    Booking,
    ClosureKind,
    Organisation,
    OrganisationKind,
    Room,
    RoomHours,
)
from app.security import Actor
from app.services import organisations
from app.services.rooms import days, setup
from tests.test_ui_settings import type_chinese
from ui import style
from ui.context import DeskContext
from ui.home.desk import HomeDesk
from ui.home.holiday_notice import HolidayNotice
from ui.settings import SettingsDesk
from ui.settings.closures_page import ClosuresPage
from ui.settings.organisations_page import OrganisationsPage
from ui.settings.rooms_page import RoomsPage, RoomTableModel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

T = dt.time
CODE_BODY = "52310117MJ5012345"
VALID_CODE = CODE_BODY + uscc.calc_check_digit(CODE_BODY)


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def settings_desk(qtbot: QtBot, db: Database, actor: Actor) -> SettingsDesk:
    widget = SettingsDesk(DeskContext(db, actor, settings_module.load()))
    qtbot.addWidget(widget)
    widget.resize(1180, 700)
    widget.show()
    return widget


@pytest.fixture
def desk_widget(
    qtbot: QtBot, db: Database, admin: Actor, clock_at: clock.FixedClock
) -> SettingsDesk:
    return settings_desk(qtbot, db, admin)


def click(qtbot: QtBot, page: QWidget, name: str) -> None:
    widget = page.findChild(QPushButton, name)
    assert widget is not None and widget.isEnabled(), name
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def room_named(db: Database, name: str) -> tuple[Room, dict[int, tuple[dt.time, dt.time]]]:
    with db.read() as session:
        room = session.scalar(select(Room).where(Room.name == name))
        assert room is not None
        hours = {
            h.weekday: (h.opens, h.closes)
            for h in session.scalars(select(RoomHours).where(RoomHours.room_id == room.id))
        }
        session.expunge(room)
        return room, hours


def count(db: Database, model: type[object]) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def book(db: Database, room_id: int, start: dt.datetime, title: str = "书法班") -> None:
    with db.write() as session:
        session.add(
            Booking(
                room_id=room_id,
                title=title,
                kind="activity",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=2),
            )
        )


# ---- rooms ----------------------------------------------------------------------------------


def test_add_a_room_with_its_hours(qtbot: QtBot, db: Database, desk_widget: SettingsDesk) -> None:
    page = desk_widget.show_page("rooms")
    assert isinstance(page, RoomsPage)
    click(qtbot, page, "settings.rooms.new")
    assert page.is_editing()
    name = page.findChild(QLineEdit, "settings.rooms.name")
    assert name is not None and name.hasFocus()
    type_chinese(name, "书画室")
    capacity = page.findChild(QSpinBox, "settings.rooms.capacity")
    assert capacity is not None
    capacity.selectAll()
    qtbot.keyClicks(capacity, "24")
    location = page.findChild(QLineEdit, "settings.rooms.location")
    assert location is not None
    type_chinese(location, "二楼东侧")
    click(qtbot, page, "settings.rooms.colour.2E7D32")  # 绿色
    for weekday in (5, 6):  # closed at the weekend
        closed = page.findChild(QCheckBox, f"settings.rooms.hours.{weekday}.closed")
        assert closed is not None
        qtbot.mouseClick(closed, Qt.MouseButton.LeftButton)
        opens = page.findChild(QTimeEdit, f"settings.rooms.hours.{weekday}.opens")
        assert opens is not None and not opens.isEnabled()
    opens = page.findChild(QTimeEdit, "settings.rooms.hours.0.opens")
    closes = page.findChild(QTimeEdit, "settings.rooms.hours.0.closes")
    assert opens is not None and closes is not None
    opens.setTime(QTime(9, 0))
    closes.setTime(QTime(17, 0))
    click(qtbot, page, "settings.rooms.copyMonday")
    click(qtbot, page, "settings.rooms.save")

    assert not page.is_editing(), page.last_message()
    room, hours = room_named(db, "书画室")
    assert (room.capacity, room.location, room.colour, room.bookable, room.active) == (
        24,
        "二楼东侧",
        "#2E7D32",
        True,
        True,
    )
    assert hours == {weekday: (T(9), T(17)) for weekday in range(5)}
    assert "书画室" in page.last_message()
    selected = page.selected()
    assert selected is not None and selected.name == "书画室"
    row = page.row_of(room.id)
    assert page.model().index(row, RoomTableModel.HOURS).data() == "Mon–Fri 09:00–17:00"


def test_a_new_room_starts_with_the_centres_hours(db: Database, desk_widget: SettingsDesk) -> None:
    page = desk_widget.rooms_page
    page.new_item()
    with db.read() as session:
        centre = days.default_hours(session)
    for weekday, (opens, _closes) in centre.items():
        edit = page.hours_row(weekday).opens
        assert (edit.time().hour(), edit.time().minute()) == (opens.hour, opens.minute)


def test_bad_fields_are_said_beside_them_and_nothing_is_written(
    qtbot: QtBot, db: Database, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.rooms_page
    page.new_item()
    before = (count(db, Room), count(db, RoomHours), count(db, AuditEvent))
    assert not page.save()
    assert page.field_message("name")  # no name

    page.field("name").setText("书画室")  # type: ignore[attr-defined]
    page.field("capacity").setValue(0)  # type: ignore[attr-defined]
    assert not page.save()
    assert "1 to 1000" in page.field_message("capacity")
    assert page.field_message("name") == ""

    page.field("capacity").setValue(20)  # type: ignore[attr-defined]
    page.set_hours(2, (T(17), T(9)))
    assert not page.save()
    assert "Wednesday" in page.field_message("hours.2")
    assert page.last_message().startswith("Not saved")
    assert page.is_editing()
    assert (count(db, Room), count(db, RoomHours), count(db, AuditEvent)) == before

    page.set_hours(2, (T(9), T(17)))
    assert page.save()
    assert count(db, Room) == 1


def test_new_hours_name_the_bookings_now_outside_them(
    db: Database, admin: Actor, desk_widget: SettingsDesk
) -> None:
    with db.write() as session:
        room_id = setup.create_room(
            session,
            admin,
            setup.RoomInput("多功能厅", 60, hours={d: (T(8), T(20)) for d in range(7)}),
        ).room.id
    book(db, room_id, dt.datetime(2026, 11, 26, 15), "合唱排练")  # a Thursday afternoon
    page = desk_widget.rooms_page
    page.reload()
    assert page.select("多功能厅") and page.edit_selected()
    page.set_hours(3, (T(8), T(12)))
    assert page.save()
    assert page.warning().startswith("1 bookings to come fall outside the new opening hours")
    assert "合唱排练" in page.warning() and "14:00" not in page.warning()
    assert "not cancelled" in page.warning()
    with db.read() as session:
        assert session.scalar(select(Booking.status)) == "confirmed"


def test_rooms_are_put_in_the_calendars_order(
    db: Database, admin: Actor, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.rooms_page
    for name in ("甲室", "乙室"):
        page.new_item()
        page.field("name").setText(name)  # type: ignore[attr-defined]
        assert page.save()
    assert page.select("乙室")
    up = page.findChild(QPushButton, "settings.rooms.moveUp")
    assert up is not None and up.isEnabled()
    up.click()
    assert [row.name for row in page.model().lines()] == ["乙室", "甲室"]
    assert not up.isEnabled()  # first now
    with db.read() as session:
        assert [r.name for r in setup.list_rooms(session, admin)] == ["乙室", "甲室"]


def test_the_editor_works_from_the_keyboard(
    qtbot: QtBot, db: Database, admin: Actor, desk_widget: SettingsDesk
) -> None:
    desk_widget.activateWindow()
    qtbot.waitUntil(desk_widget.isActiveWindow)
    page = desk_widget.show_page("rooms")
    assert isinstance(page, RoomsPage)
    page.new_item()
    name = page.findChild(QLineEdit, "settings.rooms.name")
    assert name is not None
    qtbot.keyClicks(name, "abc")
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert not page.is_editing()
    assert count(db, Room) == 0

    # Enter on a room of the list opens it, Enter in a field saves it.
    with db.write() as session:
        setup.create_room(session, admin, setup.RoomInput("书画室", 20))
    page.reload()
    table = page.findChild(QTableView, "settings.rooms.table")
    assert table is not None
    table.setFocus()
    assert page.select("书画室")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.is_editing() and name.text() == "书画室"
    name.setText("书画教室")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert not page.is_editing()
    assert room_named(db, "书画教室")[0].capacity == 20


# ---- closed days ----------------------------------------------------------------------------


def test_close_a_range_of_days_and_open_them_again(
    qtbot: QtBot, db: Database, admin: Actor, desk_widget: SettingsDesk
) -> None:
    with db.write() as session:
        room_id = setup.create_room(session, admin, setup.RoomInput("书画室", 20)).room.id
    book(db, room_id, dt.datetime(2026, 12, 29, 9))
    page = desk_widget.show_page("closures")
    assert isinstance(page, ClosuresPage)
    first = page.findChild(QDateEdit, "settings.closures.first")
    last = page.findChild(QDateEdit, "settings.closures.last")
    reason = page.findChild(QLineEdit, "settings.closures.reason")
    assert first is not None and last is not None and reason is not None
    first.setDate(QDate(2026, 12, 28))
    assert last.date() == QDate(2026, 12, 28)  # follows the first day
    last.setDate(QDate(2026, 12, 30))
    type_chinese(reason, "年终盘点")
    click(qtbot, page, "settings.closures.add")

    assert page.closure_lines() == [["Mon 28 Dec – Wed 30 Dec (3 days)", "年终盘点"]]
    assert page.affected_warning().startswith("1 bookings fall on the closed days")
    assert "书法班" in page.affected_warning()
    with db.read() as session:
        calendar = days.OpeningCalendar(session, dt.date(2026, 12, 28), dt.date(2026, 12, 30))
        assert all(calendar.status(dt.date(2026, 12, d)).closed for d in (28, 29, 30))

    assert page.select_closure(dt.date(2026, 12, 28))
    click(qtbot, page, "settings.closures.remove")
    assert page.closure_lines() == []
    assert "Removed" in page.last_message()


def test_a_closed_day_that_meets_another_is_refused_beside_the_field(
    db: Database, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.closures_page
    assert page.add_closed_days(dt.date(2026, 12, 7), None, "消防检查")
    assert not page.add_closed_days(dt.date(2026, 12, 5), dt.date(2026, 12, 8), "又一次")
    assert "2026-12-07" in page.field_message("last")
    assert not page.add_closed_days(dt.date(2026, 12, 9), None, "  ")
    assert page.field_message("reason")
    assert len(page.closure_lines()) == 1


def test_enter_2027s_holidays(
    qtbot: QtBot, db: Database, admin: Actor, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.show_page("closures")
    assert isinstance(page, ClosuresPage)
    year = page.findChild(QSpinBox, "settings.closures.year")
    assert year is not None and year.value() == 2027  # the year still to be entered comes first
    assert "2027" in page.unknown_warning()
    assert "not built in" in page.year_status()
    assert page.can_enter_holidays()

    year.setValue(2026)
    assert page.year_status() == "Statutory holidays of 2026: built in"
    assert not page.can_enter_holidays()
    assert any("国庆节" in line[1] for line in page.holiday_lines())

    year.setValue(2027)
    kind = page.findChild(QComboBox, "settings.closures.kind")
    first = page.findChild(QDateEdit, "settings.closures.holidayFirst")
    last = page.findChild(QDateEdit, "settings.closures.holidayLast")
    name = page.findChild(QComboBox, "settings.closures.holidayName")
    assert kind is not None and first is not None and last is not None and name is not None
    first.setDate(QDate(2027, 2, 6))
    last.setDate(QDate(2027, 2, 12))
    name.setCurrentText("春节")
    click(qtbot, page, "settings.closures.addHoliday")
    assert page.holiday_lines()[0][1:] == ["春节", "Centre closed", "Entered here"]

    # A 调休 working day on a weekday is refused beside the day.
    assert not page.add_holiday(ClosureKind.WORKDAY, dt.date(2027, 2, 15), None, "春节")
    assert "weekday" in page.holiday_message("first")
    assert page.add_holiday(ClosureKind.WORKDAY, dt.date(2027, 2, 13), None, "春节")

    with db.read() as session:
        assert days.unknown_years(session, [2027]) == []
    assert page.unknown_warning() == ""
    assert page.year_status() == "Statutory holidays of 2027: entered here (not built in)"
    assert [line[2] for line in page.holiday_lines()] == ["Centre closed", "Centre open"]

    assert page.select_holiday(dt.date(2027, 2, 6))
    click(qtbot, page, "settings.closures.removeHoliday")
    assert "2027" in page.unknown_warning()


# ---- organisations --------------------------------------------------------------------------


def test_an_invalid_credit_code_is_said_beside_it_then_a_valid_one_is_saved(
    qtbot: QtBot, db: Database, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.show_page("organisations")
    assert isinstance(page, OrganisationsPage)
    click(qtbot, page, "settings.organisations.new")
    name = page.findChild(QLineEdit, "settings.organisations.name")
    code = page.findChild(QLineEdit, "settings.organisations.creditCode")
    phone = page.findChild(QLineEdit, "settings.organisations.contactPhone")
    kind = page.findChild(QComboBox, "settings.organisations.kind")
    assert name is not None and code is not None and phone is not None and kind is not None
    type_chinese(name, "五彩亲子公益发展中心")
    kind.setCurrentIndex(kind.findText("Incubated"))
    qtbot.keyClicks(code, CODE_BODY + "0" if VALID_CODE[-1] != "0" else CODE_BODY + "1")
    qtbot.keyClicks(phone, "138 1234 5678")
    click(qtbot, page, "settings.organisations.save")
    assert "mistyped" in page.field_message("credit_code")
    assert page.is_editing()
    assert count(db, Organisation) == 0

    code.setText(VALID_CODE.lower())
    qtbot.keyClick(code, Qt.Key.Key_Return)
    assert not page.is_editing(), page.last_message()
    with db.read() as session:
        stored = session.scalar(select(Organisation))
        assert stored is not None
        assert (stored.credit_code, stored.contact_phone, stored.kind) == (
            VALID_CODE,
            "13812345678",
            "incubated",
        )
    assert page.model().row_texts(0) == [
        "五彩亲子公益发展中心",
        "Incubated",
        "",
        "138****5678",
        "Active",
    ]


def test_an_organisations_record_shows_its_bookings(
    db: Database, admin: Actor, desk_widget: SettingsDesk
) -> None:
    with db.write() as session:
        org = organisations.create_organisation(
            session,
            admin,
            organisations.OrganisationInput("群英荟", OrganisationKind.COUNCIL),
        )
        room = setup.create_room(session, admin, setup.RoomInput("议事厅", 30)).room
        start = dt.datetime(2026, 12, 2, 14)
        session.add(
            Booking(
                room_id=room.id,
                title="月度议事",
                kind="council",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=2),
                organisation_id=org.id,
            )
        )
    page = desk_widget.organisations_page
    page.reload()
    assert page.select("群英荟")
    assert "Room bookings: 0 held, 1 to come." in page.record_text()
    assert "月度议事" in page.record_text()
    assert "Activity sessions provided" in page.record_text()


# ---- who may, and the desk as a whole -------------------------------------------------------


def test_a_desk_volunteer_is_refused_by_the_services(
    qtbot: QtBot, db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    widget = settings_desk(qtbot, db, desk)
    rooms = widget.rooms_page
    rooms.new_item()
    rooms.field("name").setText("偷加的")  # type: ignore[attr-defined]
    assert not rooms.save()
    assert "may not do this" in rooms.last_message()
    assert not widget.closures_page.add_closed_days(dt.date(2026, 12, 1), None, "偷偷关门")
    assert "may not do this" in widget.closures_page.last_message()
    orgs = widget.organisations_page
    orgs.new_item()
    orgs.field("name").setText("偷加的")  # type: ignore[attr-defined]
    assert not orgs.save()
    assert "may not do this" in orgs.last_message()
    assert (count(db, Room), count(db, Organisation)) == (0, 0)


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("key", ["rooms", "closures", "organisations"])
def test_the_pages_fit_1366_wide_in_both_text_sizes(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    qapp: QApplication,
    text_size: None,
    clock_at: clock.FixedClock,
    size: str,
    key: str,
) -> None:
    style.apply_text_size(qapp, size)
    widget = settings_desk(qtbot, db, admin)
    widget.resize(1366 - 200, 700)  # the main window's navigation takes the rest
    page = widget.show_page(key)
    if isinstance(page, RoomsPage):
        page.new_item()  # the editor is the widest view
    if isinstance(page, OrganisationsPage):
        page.new_item()
    qtbot.wait(10)
    scroll = widget.findChild(QScrollArea, f"settings.{key}.scroll")
    assert scroll is not None
    assert not scroll.horizontalScrollBar().isVisible()
    for table in page.findChildren(QTableView):
        assert table.height() >= table.fontMetrics().height() * 3 or not table.isVisible()


# ---- Home -----------------------------------------------------------------------------------


def test_home_tells_an_admin_about_a_year_to_enter(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, clock_at: clock.FixedClock
) -> None:
    home = HomeDesk(DeskContext(db, admin, settings_module.load()))
    qtbot.addWidget(home)
    home.show()
    notice = home.findChild(HolidayNotice, "home.holidayNotice")
    assert notice is not None
    assert notice.text() == (
        "The statutory holidays of 2027 have not been entered yet: please enter them in "
        "Settings → Closed days."
    )
    assert notice.label.isVisible()

    volunteer = HomeDesk(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(volunteer)
    volunteer.show()
    other = volunteer.findChild(HolidayNotice, "home.holidayNotice")
    assert other is not None and other.text() == "" and not other.label.isVisible()

    with db.write() as session:
        setup.add_statutory(session, admin, ClosureKind.HOLIDAY, dt.date(2027, 1, 1), None, "元旦")
    home.hide()
    home.show()
    assert notice.text() == "" and not notice.label.isVisible()


def test_the_pages_speak_chinese(
    chinese: None, qtbot: QtBot, db: Database, admin: Actor, clock_at: clock.FixedClock
) -> None:
    i18n.set_language("zh_CN")
    widget = settings_desk(qtbot, db, admin)
    closures = widget.closures_page
    assert "2027 年法定节假日" in closures.unknown_warning()
    closures.set_year(2026)
    assert closures.year_status() == "2026 年法定节假日：已内置"
    home = HomeDesk(DeskContext(db, admin, settings_module.load()))
    qtbot.addWidget(home)
    home.show()
    notice = home.findChild(HolidayNotice)
    assert notice is not None
    assert notice.text() == "2027 年法定节假日尚未录入：请在 设置 → 闭馆日 中录入。"
