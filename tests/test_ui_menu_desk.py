"""The Service menu desk driven like a desk volunteer or a member of staff: a fortnight's sessions,
filtering by series, signing three people up for a two-seat session (the third waits), cancelling
(the first in line moves up and is named), the buttons only staff use, jumping to a session."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app import clock
from app.db import Database
from app.errors import PermissionDenied
from app.models import ActivitySession, BuildingGroup, Community, Person
from app.security import Actor
from app.services.menu import sessions as menu_sessions
from app.services.menu import signups
from tests.conftest import TEST_NOW
from tests.menu_data import add_item, add_person, add_session
from tests.rooms_ui import add_rooms, context, type_into
from ui import style
from ui.main_window import DEFAULT_SIZE, MainWindow
from ui.menu.attendance import AttendancePanel
from ui.menu.catalogue import MenuCatalogueDialog
from ui.menu.desk import MenuDesk
from ui.menu.models import RosterModel, SessionsModel
from ui.menu.printing import SigninSheetDialog
from ui.menu.session_editor import SessionEditor

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = TEST_NOW.date()  # Wednesday 25 November 2026


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


@pytest.fixture(autouse=True)
def in_chinese(chinese: None) -> None:
    """The desk as a centre sees it: its words are matched in Chinese."""


@pytest.fixture
def menu(db: Database, admin: Actor, clock_at: clock.FixedClock) -> dict[str, int]:
    """行走的党课 tomorrow (2 seats) and in three weeks; 八段锦 (康养) on Friday (10 seats);
    four residents."""
    with db.write() as session:
        lesson = add_item(session, "行走的党课")
        qigong = add_item(session, "八段锦", series="health_care", min_age=60)
        ids = {
            "lesson": lesson,
            "qigong": qigong,
            "tomorrow": add_session(
                session, lesson, at(TODAY + dt.timedelta(days=1), "14:00"), capacity=2
            ),
            "later": add_session(session, lesson, at(TODAY + dt.timedelta(days=21), "14:00")),
            "friday": add_session(session, qigong, at(TODAY + dt.timedelta(days=2), "09:00")),
        }
        for key, name, year in (
            ("wang", "王建国", 1950),
            ("li", "李秀兰", 1952),
            ("zhang", "张伟", 1958),
            ("young", "赵小明", 1998),
        ):
            ids[key] = add_person(session, name, birth_year=year)
    return ids


def make_desk(qtbot: QtBot, db: Database, actor: Actor) -> MenuDesk:
    desk = MenuDesk(context(db, actor))
    qtbot.addWidget(desk)
    desk.resize(1166, 626)
    with qtbot.waitActive(desk):
        desk.show()
        desk.activateWindow()
    return desk


def items(desk: MenuDesk) -> list[str]:
    model = desk.sessions_model
    return [model.row_texts(row)[SessionsModel.ITEM] for row in range(model.rowCount())]


def roster_rows(desk: MenuDesk) -> list[list[str]]:
    model = desk.roster_model
    return [model.row_texts(row) for row in range(model.rowCount())]


def choose_session(qtbot: QtBot, desk: MenuDesk, session_id: int) -> None:
    row = desk.sessions_model.row_of(session_id)
    assert row >= 0
    rect = desk.sessions_view.visualRect(desk.sessions_model.index(row, SessionsModel.ITEM))
    qtbot.mouseClick(desk.sessions_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert desk.session_id() == session_id


def sign_up_by_typing(qtbot: QtBot, desk: MenuDesk, typed: str) -> str:
    """F2, the resident's name or pinyin initials typed, Enter takes them, Enter signs up."""
    qtbot.keyClick(desk.sessions_view, Qt.Key.Key_F2)
    panel = desk.signup_panel
    assert desk.detail_stack.currentWidget() is desk.signup_scroll
    box = panel.person.search_box
    qtbot.waitUntil(box.hasFocus)
    type_into(qtbot, box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert panel.person.person_id() is not None
    qtbot.waitUntil(panel.confirm_button.hasFocus)
    qtbot.keyClick(panel.confirm_button, Qt.Key.Key_Return)
    return desk.status.message()


def test_the_desk_lists_this_fortnight_and_filters_by_series(
    qtbot: QtBot, db: Database, desk: Actor, menu: dict[str, int]
) -> None:
    view = make_desk(qtbot, db, desk)
    assert view.period() == (TODAY, TODAY + dt.timedelta(days=13))
    assert items(view) == [
        "行走的党课",
        "八段锦",
    ]  # the lesson in three weeks is not this fortnight
    first = view.sessions_model.row_texts(0)
    assert first[SessionsModel.SEATS] == "0/2" and first[SessionsModel.STATUS] == "开放"
    # The tree: 全部, then the five series with their items.
    tree = view.series_tree
    assert tree.topLevelItem(0).text(0) == "全部" and tree.topLevelItemCount() == 6
    health = next(
        tree.topLevelItem(n) for n in range(6) if tree.topLevelItem(n).text(0) == "康养友邻"
    )
    tree.setCurrentItem(health)
    assert items(view) == ["八段锦"]
    assert view.filter() == ("series", health.data(0, Qt.ItemDataRole.UserRole)[1])
    tree.setCurrentItem(tree.topLevelItem(0))
    assert items(view) == ["行走的党课", "八段锦"]
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert items(view) == ["行走的党课"] and view.period()[0] == TODAY + dt.timedelta(days=14)
    qtbot.keyClick(view.sessions_view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.period()[0] == TODAY


def test_three_signed_up_for_two_seats_then_a_cancellation_moves_the_third_up(
    qtbot: QtBot, db: Database, desk: Actor, menu: dict[str, int]
) -> None:
    view = make_desk(qtbot, db, desk)
    choose_session(qtbot, view, menu["tomorrow"])
    assert "行走的党课" in view.info_label.accessibleName()

    assert sign_up_by_typing(qtbot, view, "王建国") == "已为 王建国 报名"
    assert sign_up_by_typing(qtbot, view, "lxl") == "已为 李秀兰 报名"
    assert sign_up_by_typing(qtbot, view, "张伟") == "本场已满，张伟 已列入候补第 1 位"

    assert view.session_id() == menu["tomorrow"]
    row = view.sessions_model.row_texts(view.sessions_model.row_of(menu["tomorrow"]))
    assert row[SessionsModel.SEATS] == "2/2"
    assert row[SessionsModel.WAITING] == "1" and row[SessionsModel.STATUS] == "已满"
    rows = roster_rows(view)
    assert [r[RosterModel.NAME] for r in rows] == ["李秀兰", "王建国", "张伟"]  # pinyin order
    assert [r[RosterModel.NUMBER] for r in rows] == ["1", "2", "候补1"]
    assert rows[0][RosterModel.PHONE].count("*") == 4

    # Delete on 王建国's row asks inside the desk; confirming cancels and names who moved up.
    view.roster_view.setFocus()
    view.roster_view.selectRow(1)
    qtbot.keyClick(view.roster_view, Qt.Key.Key_Delete)
    assert "王建国" in view.question.question()
    assert view.question.confirm_button.hasFocus()
    qtbot.keyClick(view.question.confirm_button, Qt.Key.Key_Return)
    message = view.status.message()
    assert "张伟 已从候补转为正式报名" in message and "请电话通知 139****" in message
    rows = roster_rows(view)
    assert [r[RosterModel.NAME] for r in rows] == ["李秀兰", "张伟"]
    assert rows[1][RosterModel.MARKS] == "补位"
    assert (
        view.sessions_model.row_texts(view.sessions_model.row_of(menu["tomorrow"]))[
            SessionsModel.WAITING
        ]
        == ""
    )


def test_an_audience_refusal_is_said_beside_the_person_and_staff_may_override(
    qtbot: QtBot, db: Database, staff: Actor, menu: dict[str, int]
) -> None:
    view = make_desk(qtbot, db, staff)
    choose_session(qtbot, view, menu["friday"])
    qtbot.keyClick(view.sessions_view, Qt.Key.Key_F2)
    panel = view.signup_panel
    type_into(qtbot, panel.person.search_box, "赵小明")
    qtbot.keyClick(panel.person.search_box, Qt.Key.Key_Return)
    qtbot.keyClick(panel.confirm_button, Qt.Key.Key_Return)
    assert "60" in panel.person_message.text()
    assert panel.override_offered() and panel.override_reason.hasFocus()
    qtbot.keyClicks(panel.override_reason, "family")
    qtbot.keyClick(panel.override_reason, Qt.Key.Key_Return)
    assert view.status.message() == "已为 赵小明 报名"
    assert [r[RosterModel.NAME] for r in roster_rows(view)] == ["赵小明"]


def test_a_desk_volunteer_is_not_offered_the_override_nor_new_sessions(
    qtbot: QtBot, db: Database, desk: Actor, menu: dict[str, int]
) -> None:
    view = make_desk(qtbot, db, desk)
    assert not view.new_session_button.isEnabled()
    assert view.new_session_button.toolTip()
    choose_session(qtbot, view, menu["friday"])
    assert not view.edit_session_button.isEnabled()
    qtbot.keyClick(view.sessions_view, Qt.Key.Key_F2)
    panel = view.signup_panel
    type_into(qtbot, panel.person.search_box, "赵小明")
    qtbot.keyClick(panel.person.search_box, Qt.Key.Key_Return)
    panel.sign_up()
    assert panel.person_message.text() and not panel.override_offered()
    qtbot.keyClick(panel.confirm_button, Qt.Key.Key_Escape)
    assert view.detail_stack.currentWidget() is view.detail_page
    assert roster_rows(view) == []


def test_show_session_goes_to_its_fortnight_and_chooses_it(
    qtbot: QtBot, db: Database, desk: Actor, menu: dict[str, int]
) -> None:
    view = make_desk(qtbot, db, desk)
    health = view.series_tree.topLevelItem(4)
    view.series_tree.setCurrentItem(health)
    assert view.show_session(menu["later"])
    assert view.period()[0] == TODAY + dt.timedelta(days=14)
    assert view.filter() is None and view.session_id() == menu["later"]
    assert view.sessions_view.selectionModel().isRowSelected(
        view.sessions_model.row_of(menu["later"])
    )
    assert view.detail() is not None and view.detail().row.id == menu["later"]  # type: ignore[union-attr]


def busy_fortnight(db: Database, actor: Actor, menu: dict[str, int]) -> None:
    """Rooms, residents with their community and building group, a 亲子 session with a child and
    a parent, a session a day, and tomorrow's lesson full with one waiting."""
    rooms = add_rooms(db)
    with db.write() as session:
        community = Community(name="桃园社区")
        session.add(community)
        session.flush()
        group = BuildingGroup(community_id=community.id, name="第十二楼组")
        session.add(group)
        session.flush()
        for key in ("wang", "li", "zhang", "young"):
            person = session.get(Person, menu[key])
            assert person is not None
            person.community_id, person.building_group_id = community.id, group.id
        reading = add_item(session, "亲子绘本共读", series="culture", with_parent=True)
        child = add_person(session, "欧阳小雨", birth_year=2020)
        menu["reading"] = add_session(
            session, reading, at(TODAY + dt.timedelta(days=3), "15:00"), room_id=rooms["art"]
        )
        menu["child"] = child
        for day in range(4, 13):
            add_session(
                session,
                menu["qigong"],
                at(TODAY + dt.timedelta(days=day), "09:00"),
                room_id=rooms["hall"],
                capacity=30,
            )
        activity = session.get(ActivitySession, menu["tomorrow"])
        assert activity is not None
        activity.room_id = rooms["hall"]
    with db.write() as session:
        for key in ("wang", "li", "zhang"):
            signups.sign_up(session, actor, menu["tomorrow"], menu[key])
        signups.sign_up(session, actor, menu["reading"], child, companion_id=menu["li"])


@pytest.mark.parametrize("size", ["normal", "large"])
def test_a_full_session_with_a_waitlist_fits_1366_by_768(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    menu: dict[str, int],
    qapp: QApplication,
    text_size: None,
    request: pytest.FixtureRequest,
    size: str,
) -> None:
    busy_fortnight(db, desk, menu)
    original = QLocale()
    request.addfinalizer(lambda: QLocale.setDefault(original))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    style.apply_text_size(qapp, size)
    window = MainWindow(context(db, desk), "东社区邻里中心")
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    window.show()
    qtbot.waitExposed(window)
    assert window.switch_to("menu")
    view = window.desk("menu")
    assert isinstance(view, MenuDesk)
    assert view.show_session(menu["tomorrow"])
    qtbot.wait(20)
    hint = window.minimumSizeHint()
    assert hint.width() <= DEFAULT_SIZE.width() and hint.height() <= DEFAULT_SIZE.height()
    assert window.size() == DEFAULT_SIZE
    least = style.text_size(size).button_px
    for widget in view.findChildren(QPushButton):
        if widget.isVisibleTo(view) and widget.parent() is view:
            corner = widget.mapTo(window, widget.rect().bottomRight())
            assert window.rect().contains(corner), widget.objectName()
            assert widget.height() >= least, widget.objectName()
            assert widget.width() >= widget.fontMetrics().horizontalAdvance(widget.text())
    assert style.text_size(size).primary_button_px <= view.sign_up_button.height()
    assert view.sessions_view.horizontalScrollBar().maximum() == 0
    assert view.roster_view.horizontalScrollBar().maximum() == 0
    assert view.roster_model.row_texts(2)[RosterModel.NUMBER] == "候补1"
    status = view.sessions_model.row_texts(view.sessions_model.row_of(menu["tomorrow"]))
    assert status[SessionsModel.STATUS] == "已满"
    window.grab().save(f"/tmp/menu-desk-{size}.png")

    view.show_session(menu["reading"])
    assert view.roster_model.row_texts(0)[RosterModel.COMPANION] == "李秀兰"
    window.grab().save(f"/tmp/menu-desk-companion-{size}.png")
    view.start_sign_up()
    panel = view.signup_panel
    assert not panel.companion_column.isHidden()
    type_into(qtbot, panel.person.search_box, "oyxy")
    qtbot.wait(10)
    # Nothing of the form needs scrolling: the buttons, the results and the person taken.
    seen = view.signup_scroll.viewport()
    for widget in (panel.confirm_button, panel.back_button, panel.person, panel.companion):
        where = QRect(widget.mapTo(seen, QPoint()), widget.size())
        assert seen.rect().contains(where), (widget.objectName(), where, seen.rect())
    window.grab().save(f"/tmp/menu-desk-signup-{size}.png")


# --- the other parts of the menu, reached from the desk ---------------------------------------


def sign_up_all(db: Database, actor: Actor, session_id: int, *people: int) -> None:
    with db.write() as session:
        for person in people:
            signups.sign_up(session, actor, session_id, person)


def test_attendance_is_taken_in_the_real_panel(
    qtbot: QtBot, db: Database, desk: Actor, menu: dict[str, int]
) -> None:
    with db.write() as session:
        today = add_session(session, menu["lesson"], at(TODAY, "10:00"))
    sign_up_all(db, desk, today, menu["wang"], menu["li"])
    view = make_desk(qtbot, db, desk)
    choose_session(qtbot, view, today)
    qtbot.keyClick(view.sessions_view, Qt.Key.Key_F3)
    panel = view.attendance
    assert isinstance(panel, AttendancePanel) and panel.isVisible()
    assert view.detail_stack.currentWidget() is view.attendance_page
    assert panel.session_id() == today
    assert [line.name for line in panel.model.lines()] == ["李秀兰", "王建国"]
    panel.table.setFocus()
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.table, Qt.Key.Key_Space)  # 李秀兰 came
    assert [line.attended for line in panel.model.lines()] == [True, False]
    qtbot.mouseClick(view.attendance_back_button, Qt.MouseButton.LeftButton)
    assert view.detail_stack.currentWidget() is view.detail_page
    assert roster_rows(view)[0][RosterModel.MARKS] == "已到"


def test_the_sign_in_sheet_and_the_menu_open_in_the_preview(
    qtbot: QtBot, db: Database, desk: Actor, menu: dict[str, int]
) -> None:
    sign_up_all(db, desk, menu["tomorrow"], menu["wang"])
    view = make_desk(qtbot, db, desk)
    assert view.print_menu_button.isEnabled() and not view.print_menu_button.toolTip()
    choose_session(qtbot, view, menu["tomorrow"])
    qtbot.keyClick(view.sessions_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = view.findChild(SigninSheetDialog, "menu.signinSheet")
    assert dialog is not None and dialog.isVisible()
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    assert preview.file_name.startswith("签到表-2026-11-26-1400")
    preview.close()
    menu_preview = view.print_menu()
    assert menu_preview is not None
    qtbot.waitUntil(menu_preview.isVisible)
    assert "2026-11" in menu_preview.file_name
    menu_preview.close()


def test_staff_edit_and_plan_sessions_in_the_real_editor(
    qtbot: QtBot, db: Database, staff: Actor, menu: dict[str, int]
) -> None:
    view = make_desk(qtbot, db, staff)
    assert view.new_session_button.isEnabled()
    choose_session(qtbot, view, menu["tomorrow"])
    qtbot.keyClick(view.sessions_view, Qt.Key.Key_F4)
    editor = view.editor
    assert isinstance(editor, SessionEditor)
    qtbot.waitUntil(editor.isVisible)
    assert editor.session_id() == menu["tomorrow"] and editor.item_id() == menu["lesson"]
    assert editor.starts_at() == at(TODAY + dt.timedelta(days=1), "14:00")
    editor.saved.emit([menu["later"]])
    assert view.session_id() == menu["later"] and view.status.message() == "场次已保存。"
    editor.close()
    view.series_tree.setCurrentItem(view.series_tree.topLevelItem(1).child(0))  # 行走的党课
    qtbot.mouseClick(view.new_session_button, Qt.MouseButton.LeftButton)
    fresh = view.editor
    assert isinstance(fresh, SessionEditor) and fresh is not editor
    assert fresh.session_id() is None and fresh.item_id() == menu["lesson"]
    fresh.close()


def tree_names(view: MenuDesk) -> list[str]:
    tree = view.series_tree
    return [
        tree.topLevelItem(n).child(m).text(0)
        for n in range(tree.topLevelItemCount())
        for m in range(tree.topLevelItem(n).childCount())
    ]


def test_staff_write_the_menus_items_from_the_desk(
    qtbot: QtBot, db: Database, staff: Actor, menu: dict[str, int]
) -> None:
    view = make_desk(qtbot, db, staff)
    assert view.catalogue_button.isEnabled()
    qtbot.mouseClick(view.catalogue_button, Qt.MouseButton.LeftButton)
    dialog = view.catalogue
    assert isinstance(dialog, MenuCatalogueDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.isModal()
    editor = dialog.editor
    editor.new_item()
    name = editor.field("name")
    assert isinstance(name, QLineEdit)
    name.setText("长者太极拳")
    with qtbot.waitSignal(editor.changed):
        assert editor.save_item()
    assert "长者太极拳" in tree_names(view)  # the desk's tree, at once
    dialog.close()
    assert view.open_catalogue() is dialog and dialog.isVisible()  # the same window again
    dialog.close()


def test_a_desk_volunteer_may_not_write_the_menu_close_or_cancel(
    qtbot: QtBot, db: Database, desk: Actor, menu: dict[str, int]
) -> None:
    view = make_desk(qtbot, db, desk)
    assert not view.catalogue_button.isEnabled() and view.catalogue_button.toolTip()
    assert view.open_catalogue() is None
    choose_session(qtbot, view, menu["tomorrow"])
    for widget in (view.close_signups_button, view.cancel_session_button):
        assert not widget.isEnabled() and widget.toolTip(), widget.objectName()
    # Even if the buttons were pressed, the services refuse.
    view.close_signups_button.setEnabled(True)
    qtbot.mouseClick(view.close_signups_button, Qt.MouseButton.LeftButton)
    assert view.status.is_error() and "无权" in view.status.message()
    view.cancel_session_button.setEnabled(True)
    qtbot.mouseClick(view.cancel_session_button, Qt.MouseButton.LeftButton)
    bar = view.cancel_session_bar
    assert bar.is_asking()
    type_into(qtbot, bar.reason, "老师生病")
    qtbot.keyClick(bar.reason, Qt.Key.Key_Return)
    assert bar.is_asking() and bar.problem()
    with db.read() as session:
        activity = session.get(ActivitySession, menu["tomorrow"])
        assert activity is not None and not activity.closed and not activity.cancelled
    with db.write() as session, pytest.raises(PermissionDenied):
        menu_sessions.set_signups_closed(session, desk, menu["tomorrow"], True)
    with db.write() as session, pytest.raises(PermissionDenied):
        menu_sessions.cancel_session(session, desk, menu["tomorrow"], "老师生病")


def test_staff_close_signups_and_open_them_again(
    qtbot: QtBot, db: Database, staff: Actor, menu: dict[str, int]
) -> None:
    view = make_desk(qtbot, db, staff)
    choose_session(qtbot, view, menu["tomorrow"])
    button = view.close_signups_button
    assert button.isEnabled() and button.text() == "截止报名"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.status.message() == "行走的党课 已截止报名。"
    row = view.sessions_model.row_of(menu["tomorrow"])
    assert view.sessions_model.row_texts(row)[SessionsModel.STATUS] == "已截止"
    assert not view.sign_up_button.isEnabled()
    assert button.text() == "重新开放报名" and view.session_id() == menu["tomorrow"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.status.message() == "行走的党课 已重新开放报名。"
    assert view.sessions_model.row_texts(row)[SessionsModel.STATUS] == "开放"
    assert view.sign_up_button.isEnabled() and button.text() == "截止报名"


def test_staff_cancel_a_session_and_read_whom_to_phone(
    qtbot: QtBot, db: Database, staff: Actor, menu: dict[str, int]
) -> None:
    sign_up_all(db, staff, menu["tomorrow"], menu["wang"], menu["li"], menu["zhang"])
    view = make_desk(qtbot, db, staff)
    choose_session(qtbot, view, menu["tomorrow"])
    bar = view.cancel_session_bar
    # Asked inside the desk; Esc keeps the session.
    qtbot.mouseClick(view.cancel_session_button, Qt.MouseButton.LeftButton)
    assert bar.is_asking() and "行走的党课" in bar.question() and bar.reason.hasFocus()
    assert "2 人已报名、1 人候补" in bar.question()
    qtbot.keyClick(bar.reason, Qt.Key.Key_Escape)
    assert not bar.is_asking()
    # The reason is required: said in the bar, which stays open.
    qtbot.mouseClick(view.cancel_session_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.confirm_button, Qt.MouseButton.LeftButton)
    assert bar.is_asking() and "原因" in bar.problem()
    type_into(qtbot, bar.reason, "老师生病")
    qtbot.keyClick(bar.reason, Qt.Key.Key_Return)

    assert not bar.is_asking()
    panel = view.phone_panel
    assert view.detail_stack.currentWidget() is panel and panel.isVisible()
    assert "请电话通知以下 3 人" in panel.heading_text()
    rows = panel.rows()
    assert [r[RosterModel.NAME] for r in rows] == ["李秀兰", "王建国", "张伟"]
    assert [r[RosterModel.NUMBER] for r in rows] == ["1", "2", "候补1"]
    assert all(r[RosterModel.PHONE].count("*") == 4 for r in rows)
    for row in range(3):  # every name can be read whole
        assert (
            panel.view.viewport().rect().contains(panel.view.visualRect(panel.model.index(row, 1)))
        )
    assert "3 人需电话通知" in view.status.message()
    row = view.sessions_model.row_of(menu["tomorrow"])
    assert view.sessions_model.row_texts(row)[SessionsModel.STATUS] == "已取消"
    assert not view.cancel_session_button.isEnabled()
    assert not view.close_signups_button.isEnabled() and view.cancel_session_button.toolTip()
    with db.read() as session:
        activity = session.get(ActivitySession, menu["tomorrow"])
        assert activity is not None and activity.cancelled
        assert activity.cancelled_reason == "老师生病"
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert view.detail_stack.currentWidget() is view.detail_page
    assert "老师生病" in view.info_label.accessibleName()


def test_a_session_that_has_begun_is_not_cancelled_and_the_bar_says_why(
    qtbot: QtBot, db: Database, staff: Actor, menu: dict[str, int]
) -> None:
    with db.write() as session:
        begun = add_session(session, menu["lesson"], at(TODAY, "09:00"))
    view = make_desk(qtbot, db, staff)
    choose_session(qtbot, view, begun)
    assert view.ask_cancel_session()
    bar = view.cancel_session_bar
    type_into(qtbot, bar.reason, "下雨")
    qtbot.keyClick(bar.reason, Qt.Key.Key_Return)
    assert bar.is_asking() and "已开始" in bar.problem()
    assert view.detail_stack.currentWidget() is view.detail_page
    with db.read() as session:
        activity = session.get(ActivitySession, begun)
        assert activity is not None and not activity.cancelled
    # Choosing another session drops the question.
    choose_session(qtbot, view, menu["tomorrow"])
    assert not bar.is_asking()


def test_closed_and_cancelled_sessions_say_so_and_take_no_signups(
    qtbot: QtBot, db: Database, desk: Actor, menu: dict[str, int]
) -> None:
    with db.write() as session:
        closed = add_session(
            session,
            menu["lesson"],
            at(TODAY + dt.timedelta(days=5), "14:00"),
            deadline=TEST_NOW - dt.timedelta(hours=1),
        )
        activity = session.get(ActivitySession, menu["friday"])
        assert activity is not None
        activity.cancelled, activity.cancelled_reason = True, "老师生病"
    view = make_desk(qtbot, db, desk)
    statuses = {
        line.id: view.sessions_model.row_texts(row)[SessionsModel.STATUS]
        for row, line in enumerate(view.sessions_model.lines())
    }
    assert statuses == {menu["tomorrow"]: "开放", menu["friday"]: "已取消", closed: "已截止"}
    for session_id in (closed, menu["friday"]):
        choose_session(qtbot, view, session_id)
        assert not view.sign_up_button.isEnabled() and view.sign_up_button.toolTip()
        assert not view.start_sign_up()
    assert "老师生病" in view.info_label.accessibleName()


def test_cancelling_a_waiting_person_moves_no_one_up(
    qtbot: QtBot, db: Database, desk: Actor, menu: dict[str, int]
) -> None:
    with db.write() as session:
        for key in ("wang", "li", "zhang"):
            signups.sign_up(session, desk, menu["tomorrow"], menu[key])
    view = make_desk(qtbot, db, desk)
    assert view.show_session(menu["tomorrow"])
    view.roster_view.setFocus()
    view.roster_view.selectRow(2)  # 张伟, 候补1
    qtbot.mouseClick(view.cancel_signup_button, Qt.MouseButton.LeftButton)
    assert view.question.question() == "取消 张伟 的报名（候补第 1 位）？"
    qtbot.keyClick(view.question.confirm_button, Qt.Key.Key_Escape)
    assert not view.question.is_asking() and len(roster_rows(view)) == 3
    qtbot.mouseClick(view.cancel_signup_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.question.confirm_button, Qt.MouseButton.LeftButton)
    assert view.status.message() == "已取消 张伟 的报名。"
    assert [r[RosterModel.NAME] for r in roster_rows(view)] == ["李秀兰", "王建国"]


def buttons_fit(view: MenuDesk, window: QWidget, size: str) -> None:
    """Every button in sight lies inside the window, as tall as the text size asks, its words
    whole."""
    least = style.text_size(size).button_px
    for widget in view.findChildren(QPushButton):
        if widget.isVisible():
            corner = widget.mapTo(window, widget.rect().bottomRight())
            assert window.rect().contains(corner), widget.objectName()
            assert widget.height() >= least, widget.objectName()
            assert widget.width() >= widget.fontMetrics().horizontalAdvance(widget.text()), (
                widget.objectName()
            )


@pytest.mark.parametrize("size", ["normal", "large"])
def test_staff_see_the_cancel_question_and_the_phone_list_whole_at_1366_by_768(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    menu: dict[str, int],
    qapp: QApplication,
    text_size: None,
    request: pytest.FixtureRequest,
    size: str,
) -> None:
    busy_fortnight(db, staff, menu)
    original = QLocale()
    request.addfinalizer(lambda: QLocale.setDefault(original))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    style.apply_text_size(qapp, size)
    window = MainWindow(context(db, staff), "东社区邻里中心")
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    window.show()
    qtbot.waitExposed(window)
    assert window.switch_to("menu")
    view = window.desk("menu")
    assert isinstance(view, MenuDesk)
    assert view.show_session(menu["tomorrow"])
    assert view.set_signups_closed(True)  # the longer words: 重新开放报名
    assert view.close_signups_button.text() == "重新开放报名"
    qtbot.wait(20)
    assert window.size() == DEFAULT_SIZE
    buttons_fit(view, window, size)
    window.grab().save(f"/tmp/menu-desk-staff-{size}.png")

    assert view.ask_cancel_session()
    bar = view.cancel_session_bar
    type_into(qtbot, bar.reason, "老师生病")
    qtbot.wait(20)
    assert window.size() == DEFAULT_SIZE
    buttons_fit(view, window, size)
    for widget in (bar.text, bar.reason):
        where = QRect(widget.mapTo(window, QPoint()), widget.size())
        assert window.rect().contains(where), widget.objectName()
    assert bar.reason.width() >= bar.reason.fontMetrics().horizontalAdvance("老师生病") * 3
    assert view.roster_view.height() >= view.roster_view.verticalHeader().defaultSectionSize() * 2
    window.grab().save(f"/tmp/menu-desk-cancel-question-{size}.png")

    qtbot.keyClick(bar.reason, Qt.Key.Key_Return)
    panel = view.phone_panel
    assert view.detail_stack.currentWidget() is panel
    qtbot.wait(20)
    assert window.size() == DEFAULT_SIZE
    buttons_fit(view, window, size)
    table = panel.view
    assert table.horizontalScrollBar().maximum() == 0
    for row in range(panel.model.rowCount()):
        table.scrollTo(panel.model.index(row, RosterModel.NAME))
        rect = table.visualRect(panel.model.index(row, RosterModel.NAME))
        assert table.viewport().rect().contains(rect), row
        name = panel.model.row_texts(row)[RosterModel.NAME]
        assert rect.width() >= table.fontMetrics().horizontalAdvance(name)
    table.scrollToTop()
    window.grab().save(f"/tmp/menu-desk-phone-list-{size}.png")
