"""Signing a resident up from Reception in a few keys, and their signups on their record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app import settings as settings_module
from app.db import Database
from app.models import ActivitySession, Person, Purpose, Signup, SignupStatus
from app.people_fields import phone_reversed
from app.security import Actor
from app.services import menu
from tests.conftest import TEST_NOW
from tests.menu_data import add_item, add_session
from tests.menu_data import add_person as add_plain_person
from tests.test_ui_reception import make_desk
from ui import style
from ui.context import DeskContext
from ui.menu.fit_models import FitModel
from ui.menu.quick_signup import QuickSignup
from ui.people.detail import PersonDetailView
from ui.reception.desk import ReceptionDesk

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TOMORROW_2PM = dt.datetime(2026, 11, 26, 14, 0)
WANG_PHONE = "13812345678"


@pytest.fixture
def chinese_days(chinese: None) -> Iterator[None]:
    """Days and weekdays as the program shows them in Chinese (11月26日 周四)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def centre(db: Database, clock_at: clock.FixedClock, chinese_days: None) -> dict[str, int]:
    """王建国 (phone tail 5678, born 1960); 行走的党课 tomorrow at 14:00 with room for ten, a
    lecture for the over-60s on Friday, one full session next week, and a 亲子 art class."""
    with db.write() as session:
        lesson = add_item(session, "行走的党课")
        seniors = add_item(session, "长者健康讲座", series="health_care", min_age=60)
        art = add_item(
            session, "小美艺术课堂", series="culture", min_age=3, max_age=8, with_parent=True
        )
        return {
            "lesson": lesson,
            "party": add_session(session, lesson, TOMORROW_2PM),
            "seniors": add_session(session, seniors, dt.datetime(2026, 11, 27, 9, 30)),
            "full": add_session(session, lesson, dt.datetime(2026, 12, 2, 14, 0), capacity=1),
            "art": add_session(session, art, dt.datetime(2026, 11, 28, 10, 0), capacity=6),
            "wang": add_person(session, "王建国", birth_year=1960, phone=WANG_PHONE),
            "young": add_person(session, "李小明", birth_year=1990, phone="13611115555"),
            "child": add_person(session, "王小宝", birth_year=2020, phone="13600002468"),
            "mother": add_person(session, "刘芳", birth_year=1992, phone="13700001357"),
            "other": add_person(session, "张伟", birth_year=1958),
        }


def add_person(
    session: Session, name: str, *, birth_year: int | None = 1960, phone: str | None = None
) -> int:
    """A person Reception finds by their phone's last digits too."""
    person_id = add_plain_person(session, name, birth_year=birth_year, phone=phone)
    person = session.get(Person, person_id)
    assert person is not None and person.phone
    person.phone_reversed = phone_reversed(person.phone)
    return person_id


class Keys:
    """Presses keys where the cursor is, as a volunteer does, and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, *keys: Qt.Key) -> None:
        for key in keys:
            target = QApplication.focusWidget()
            assert target is not None, "the cursor is nowhere"
            self.qtbot.keyClick(target, key)
            self.count += 1


def signups_of(db: Database, person_id: int) -> list[Signup]:
    with db.read() as session:
        rows = list(session.scalars(select(Signup).where(Signup.person_id == person_id)))
        session.expunge_all()
        return rows


def opened(qtbot: QtBot, desk: ReceptionDesk) -> QuickSignup:
    dialog = desk.quick_signup
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.view.hasFocus())
    return dialog


def test_found_f11_enter_signs_up_two_keys_after_finding_and_enter_closes(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    reception = make_desk(qtbot, db, desk)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8)  # found
    hit = reception.highlighted()
    assert hit is not None and hit.name == "王建国"
    finding = keys.count

    keys.press(Qt.Key.Key_F11)
    dialog = opened(qtbot, reception)
    assert dialog.objectName() == "menu.quick_signup"
    assert dialog.windowTitle().endswith("王建国 · 138****5678")
    assert dialog.heading.text() == "王建国 · 138****5678"
    # This fortnight's sessions, the fitting ones first, the first of them chosen.
    assert [fit.row.id for fit in dialog.rows()] == [
        centre["party"],
        centre["seniors"],
        centre["full"],
        centre["art"],
    ]
    chosen = dialog.selected()
    assert chosen is not None and chosen.row.id == centre["party"]
    assert dialog.model.row_texts(0)[:4] == [
        "11月26日 周四 14:00–15:30",
        "行走的党课",
        "—",
        "余 10 位",
    ]
    with qtbot.waitSignal(dialog.signed_up) as signal:
        keys.press(Qt.Key.Key_Return)
    assert keys.count - finding == 2  # F11, Enter: signed up

    [signup] = signups_of(db, centre["wang"])
    assert signup.id == signal.args[0] and signup.session_id == centre["party"]
    assert signup.status == SignupStatus.SIGNED_UP.value and signup.created_by_id == desk.account_id
    assert dialog.result_text() == "已报名：行走的党课 11月26日 14:00"
    assert "王建国" in reception.status.message() and "已报名" in reception.status.message()

    keys.press(Qt.Key.Key_Return)  # closes
    assert keys.count - finding == 3
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: reception.search_box.hasFocus())
    assert reception.search_box.selectedText() == "5678"  # typing replaces it


def test_right_after_a_check_in_f11_signs_up_the_person_just_checked_in(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    reception = make_desk(qtbot, db, desk)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_Return)
    assert reception.search_box.text() == ""  # checked in, ready for the next one
    keys.press(Qt.Key.Key_F11)
    dialog = opened(qtbot, reception)
    assert dialog.person_id() == centre["wang"]
    keys.press(Qt.Key.Key_Down)  # arrows choose: the lecture on Friday
    chosen = dialog.selected()
    assert chosen is not None and chosen.row.id == centre["seniors"]
    keys.press(Qt.Key.Key_Return, Qt.Key.Key_Escape)
    assert [s.session_id for s in signups_of(db, centre["wang"])] == [centre["seniors"]]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: reception.search_box.hasFocus())


def test_f11_with_nobody_found_says_what_to_do(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    reception = make_desk(qtbot, db, desk)
    qtbot.keyClick(reception.search_box, Qt.Key.Key_F11)
    assert reception.quick_signup is None
    assert reception.status.is_error() and "F11" in reception.status.message()
    assert reception.search_box.hasFocus()


def test_the_key_is_on_a_visible_button_beside_check_in_and_types_no_purpose(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    reception = make_desk(qtbot, db, desk)
    button = reception.findChild(QPushButton, "reception.sign_up")
    assert button is not None and button.isVisible() and "F11" in button.text()
    check_in = reception.findChild(QPushButton, "reception.checkIn")
    assert check_in is not None
    assert abs(button.mapTo(reception, button.rect().center()).y()) == abs(
        check_in.mapTo(reception, check_in.rect().center()).y()
    )
    before = reception.selected_purpose()
    qtbot.keyClicks(reception.search_box, "5678")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, reception)
    assert reception.selected_purpose() == before == Purpose.ACTIVITY
    assert reception.search_box.text() == "5678"
    for digit in (Qt.Key.Key_1, Qt.Key.Key_2):  # digits choose nothing in the list
        qtbot.keyClick(dialog.view, digit)
    chosen = dialog.selected()
    assert chosen is not None and chosen.row.id == centre["party"]
    assert signups_of(db, centre["wang"]) == []
    dialog.reject()


def test_a_full_session_puts_them_on_the_waitlist_and_says_which_place(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        menu.sign_up(session, desk, centre["full"], centre["other"])
    reception = make_desk(qtbot, db, desk)
    qtbot.keyClicks(reception.search_box, "5678")
    qtbot.keyClick(reception.search_box, Qt.Key.Key_F11)
    dialog = opened(qtbot, reception)
    assert dialog.select_session(centre["full"])
    row = dialog.model.row_of(centre["full"])
    assert dialog.model.row_texts(row)[3] == "已满，候补第 1 位"
    assert "候补" in dialog.detail_text()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    [signup] = signups_of(db, centre["wang"])
    assert signup.status == SignupStatus.WAITLISTED.value
    assert dialog.result_text().startswith("已满，已列入候补第 1 位")
    assert "行走的党课 12月2日 14:00" in dialog.result_text()


def test_a_person_outside_the_audience_sees_the_reason_and_is_not_signed_up(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    reception = make_desk(qtbot, db, desk)
    qtbot.keyClicks(reception.search_box, "5555")
    qtbot.keyClick(reception.search_box, Qt.Key.Key_F11)
    dialog = opened(qtbot, reception)
    fits = dialog.rows()
    assert [fit.row.id for fit in fits][-2:] == [centre["seniors"], centre["art"]]
    assert not fits[-1].fits and not fits[-2].fits
    row = dialog.model.row_of(centre["seniors"])
    assert dialog.model.row_texts(row)[4] == "不符合对象"
    dialog.select_session(centre["seniors"])
    assert "李小明" in dialog.detail_text() and "60岁以上" in dialog.detail_text()
    assert not dialog.sign_up_button.isEnabled()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert signups_of(db, centre["young"]) == []
    assert "未报名" in dialog.message() and "原因见上" in dialog.message()
    assert not dialog.is_done()


def test_a_parent_child_session_asks_for_the_parent_inline(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    reception = make_desk(qtbot, db, desk)
    qtbot.keyClicks(reception.search_box, "2468")
    qtbot.keyClick(reception.search_box, Qt.Key.Key_F11)
    dialog = opened(qtbot, reception)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_Down)  # 行走的党课 first, then the art class (the lecture is for 60+)
    chosen = dialog.selected()
    assert chosen is not None and chosen.row.id == centre["art"] and chosen.needs_companion
    assert dialog.model.row_texts(1)[4] == "需选择陪同家长"
    keys.press(Qt.Key.Key_Return)
    assert dialog.asking_companion()
    qtbot.waitUntil(lambda: dialog.companion_picker.search_box.hasFocus())
    keys.press(Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_5, Qt.Key.Key_7)
    with qtbot.waitSignal(dialog.signed_up):
        keys.press(Qt.Key.Key_Return)
    [signup] = signups_of(db, centre["child"])
    assert signup.companion_id == centre["mother"] and signup.seats == 2
    assert dialog.result_text() == "已报名：小美艺术课堂 11月28日 10:00（陪同：刘芳）"
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_child_as_companion_is_refused_beside_the_search(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        other_child = add_person(session, "赵可可", birth_year=2019, phone="13600008642")
    reception = make_desk(qtbot, db, desk)
    dialog = QuickSignup(reception._context, centre["child"], reception)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.select_session(centre["art"])
    assert dialog.sign_up_selected() is None and dialog.asking_companion()
    assert dialog.choose_companion(other_child, "赵可可") is None
    assert "赵可可" in dialog.companion_message.text() and dialog.asking_companion()
    assert signups_of(db, centre["child"]) == []
    qtbot.keyClick(dialog.companion_picker.search_box, Qt.Key.Key_Escape)
    assert not dialog.asking_companion() and dialog.isVisible()  # back to the list
    dialog.reject()


def test_a_session_filled_meanwhile_is_said_and_read_again(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    reception = make_desk(qtbot, db, desk)
    dialog = QuickSignup(reception._context, centre["wang"], reception)
    qtbot.addWidget(dialog)
    dialog.open()
    with db.write() as session:  # another desk cancels the session meanwhile
        activity = session.get(ActivitySession, centre["party"])
        assert activity is not None
        activity.cancelled = True
    assert dialog.sign_up_selected() is None
    assert "未报名" in dialog.message() and "取消" in dialog.message()
    assert centre["party"] not in [fit.row.id for fit in dialog.rows()]
    dialog.reject()


def test_the_record_lists_signups_to_come_and_signs_up_from_there(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        menu.sign_up(session, desk, centre["full"], centre["other"])
        menu.sign_up(session, desk, centre["full"], centre["wang"])
        past = add_session(session, centre["lesson"], TEST_NOW - dt.timedelta(days=7))
        session.get(ActivitySession, past)
    record = PersonDetailView(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(record)
    record.resize(1280, 700)
    record.show()
    assert record.show_person(centre["wang"])
    assert record.upcoming_label.text() == "近期报名（1）"
    assert record.upcoming_model.row_texts(0) == [
        "12月2日 周三 14:00–15:30",
        "行走的党课",
        "—",
        "候补第 1 位",
    ]
    assert record.table("signups").model().rowCount() == 1  # the history is kept

    button = record.findChild(QPushButton, "people.detail.sign_up")
    assert button is not None and button.isEnabled() and button.text() == "报名活动"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = record.quick_signup
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.view.hasFocus())
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert record.upcoming_model.rowCount() == 2
    assert record.upcoming_model.row_texts(0)[1:] == ["行走的党课", "—", "已报名"]
    assert record.upcoming_label.text() == "近期报名（2）"
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: button.hasFocus())


def test_a_record_with_nothing_to_come_says_so(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    record = PersonDetailView(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(record)
    record.show()
    assert record.show_person(centre["young"])
    assert record.upcoming_model.rowCount() == 0
    assert not record.upcoming_view.isVisible()
    none: QWidget | None = record.findChild(QWidget, "people.detail.upcomingNone")
    assert none is not None and none.isVisible()


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_dialog_fits_1366_by_768_in_both_text_sizes(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    centre: dict[str, int],
    qapp: QApplication,
    text_size: None,
    size: str,
) -> None:
    style.apply_text_size(qapp, size)
    with db.write() as session:  # the longest words a row shows
        add_session(session, centre["lesson"], dt.datetime(2026, 12, 8, 14, 0), capacity=1)
        menu.sign_up(session, desk, centre["full"], centre["other"])
    reception = make_desk(qtbot, db, desk)
    dialog = QuickSignup(reception._context, centre["wang"], reception)
    qtbot.addWidget(dialog)
    wanted = dialog.wanted_size()
    screen = QSize(1366, 768)
    assert wanted.width() <= screen.width() * 9 // 10
    dialog.resize(wanted.width(), min(wanted.height(), screen.height() * 9 // 10))
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.view.horizontalScrollBar().maximum() == 0  # every column whole
    for column in (FitModel.WHEN, FitModel.PLACES, FitModel.NOTE):
        for row in range(dialog.model.rowCount()):
            text = dialog.model.row_texts(row)[column]
            width = dialog.view.fontMetrics().horizontalAdvance(text)
            assert width < dialog.view.columnWidth(column), text
    assert dialog.sign_up_button.height() >= style.text_size(size).primary_button_px
    for button in (dialog.sign_up_button, dialog.close_button):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner)
    dialog.reject()
