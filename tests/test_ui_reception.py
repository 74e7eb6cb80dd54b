"""The Reception desk driven by keyboard as a volunteer would, on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import clock, i18n
from app import settings as settings_module
from app.db import Database
from app.models import AuditEvent, Person, Purpose, Request, RequestStatus, Visit
from app.security import Actor
from app.services import communities, people, reception, search
from app.services.people import PersonInput
from app.services.search import MatchKind, PersonHit
from tests.conftest import TEST_NOW
from ui import labels, style
from ui.context import DeskContext
from ui.main_window import DEFAULT_SIZE, MainWindow
from ui.reception.desk import ReceptionDesk
from ui.reception.models import RequestsModel, ResultsModel, TodayLogModel
from ui.reception.purposes import DEFAULT_PURPOSE
from ui.reception.requests import RequestsPanel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

ZHANG_PHONE = "13812345678"


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


@pytest.fixture
def centre(db: Database, admin: Actor, desk: Actor, clock_at: clock.FixedClock) -> dict[str, int]:
    """张三 (phone tail 5678); 王五 and 赵六 share the tail 1234, 王五 came yesterday; 李小明.
    The clock stands at TEST_NOW."""
    with db.write() as session:
        peach = communities.add_community(session, admin, "桃园社区")
        group = communities.add_building_group(session, admin, peach.id, "1号楼组")
        zhang = people.register(
            session,
            desk,
            PersonInput(
                "张三",
                phone=ZHANG_PHONE,
                community_id=peach.id,
                building_group_id=group.id,
                phone_for_contact=True,
            ),
        )
        wang = people.register(
            session, desk, PersonInput("王五", phone="13900001234", phone_for_contact=True)
        )
        zhao = people.register(
            session, desk, PersonInput("赵六", phone="13700001234", phone_for_contact=True)
        )
        li = people.register(
            session, desk, PersonInput("李小明", phone="13611112222", phone_for_contact=True)
        )
        session.add(
            Visit(
                person_id=wang.id,
                at=TEST_NOW - dt.timedelta(days=1),
                purpose=Purpose.OTHER.value,
            )
        )
    return {
        "community": peach.id,
        "group": group.id,
        "zhang": zhang.id,
        "wang": wang.id,
        "zhao": zhao.id,
        "li": li.id,
    }


def make_desk(qtbot: QtBot, db: Database, actor: Actor) -> ReceptionDesk:
    widget = ReceptionDesk(DeskContext(db, actor, settings_module.load()))
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    qtbot.waitUntil(lambda: search_box(widget).hasFocus())
    return widget


@pytest.fixture
def reception_desk(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> ReceptionDesk:
    return make_desk(qtbot, db, desk)


def search_box(widget: QWidget) -> QLineEdit:
    box = widget.findChild(QLineEdit, "reception.search")
    assert box is not None
    return box


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as a Chinese input method does: it commits whole words (QTest's keyClicks can't)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def visits(db: Database, person_id: int | None = None) -> list[Visit]:
    with db.write() as session:
        query = select(Visit).order_by(Visit.id)
        if person_id is not None:
            query = query.where(Visit.person_id == person_id)
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows


def count(db: Database, model: type[Person] | type[Visit] | type[Request]) -> int:
    with db.write() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


class KeyCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.presses += 1
        return False


# --- the five key presses ----------------------------------------------------------------------


def test_a_returning_visitor_is_checked_in_with_five_key_presses(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    widget = make_desk(qtbot, db, desk)  # the desk's opening state: nothing typed, nothing chosen
    box = search_box(widget)
    assert box.hasFocus() and box.text() == ""
    counter = KeyCounter()
    box.installEventFilter(counter)

    for key in (Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_Return):
        qtbot.keyClick(box, key)

    assert counter.presses == 5
    [visit] = visits(db, centre["zhang"])
    assert visit.purpose == DEFAULT_PURPOSE.value and visit.account_id == desk.account_id
    assert box.text() == "" and box.hasFocus()  # cleared and ready for the next visitor
    assert "张三" in widget.status.message() and not widget.status.is_error()
    assert widget.log_model.line(0).name == "张三"


def test_results_update_as_you_type_and_show_masked_phones(
    qtbot: QtBot, reception_desk: ReceptionDesk
) -> None:
    box = search_box(reception_desk)
    view = reception_desk.findChild(QTableView, "reception.results")
    assert view is not None and view.model() is reception_desk.results_model
    qtbot.keyClicks(box, "567")
    assert reception_desk.results_model.rowCount() == 0  # three digits: not yet a phone tail
    qtbot.keyClick(box, Qt.Key.Key_8)
    model = reception_desk.results_model
    assert model.rowCount() == 1
    assert model.row_texts(0) == [
        "▶ 张三",
        "138****5678",
        "桃园社区 · 1号楼组",
        "YL000001",
        "never",
    ]
    assert ZHANG_PHONE not in " ".join(model.row_texts(0))


def test_ranking_puts_the_recent_visitor_first_and_arrows_move_the_highlight(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "1234")
    model = reception_desk.results_model
    names = [model.hit(row).name for row in range(model.rowCount())]
    assert names == ["王五", "赵六"]  # same tail: 王五 came yesterday, 赵六 never
    assert model.row_texts(0)[4].startswith("yesterday")
    assert model.row_texts(1)[4] == "never"
    assert model.row_texts(0)[0].startswith("▶")

    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.hasFocus()
    highlighted = reception_desk.highlighted()
    assert highlighted is not None and highlighted.name == "赵六"
    assert model.row_texts(1)[0] == "▶ 赵六" and not model.row_texts(0)[0].startswith("▶")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert [v.person_id for v in visits(db) if v.purpose != Purpose.OTHER.value] == [centre["zhao"]]


def test_member_code_ranks_before_phone_and_name_before_pinyin(
    qtbot: QtBot, db: Database, desk: Actor, reception_desk: ReceptionDesk
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "zs")
    first = reception_desk.highlighted()
    assert first is not None and (first.name, first.match) == ("张三", MatchKind.INITIALS)
    box.clear()
    type_chinese(box, "李")
    found = reception_desk.highlighted()
    assert found is not None and (found.name, found.match) == ("李小明", MatchKind.NAME)
    box.clear()
    qtbot.keyClicks(box, "yl000001")
    code = reception_desk.highlighted()
    assert code is not None and code.match is MatchKind.MEMBER_CODE and code.name == "张三"


def test_the_list_says_how_many_more_people_match(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    centre: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with db.write() as session:
        for n in range(24):  # with 张三: 25 people whose name starts with 张
            name = "张" + "伟芳明秀英华"[n % 6] + "甲乙丙丁"[n // 6]
            people.register(session, desk, PersonInput(name))
    widget = make_desk(qtbot, db, desk)
    box = search_box(widget)
    type_chinese(box, "张")
    assert widget.results_model.rowCount() == 20
    assert widget.more_text().startswith("5 more not shown")
    assert widget.more_label.isVisible() and widget.more_label.accessibleName()
    type_chinese(box, "伟")
    assert widget.results_model.rowCount() == 4 and widget.more_text() == ""
    assert not widget.more_label.isVisible()

    monkeypatch.setattr(search, "MORE_CAP", 3)  # counting stops: "more than"
    box.clear()
    type_chinese(box, "张")
    assert widget.more_text().startswith("More than 3 more not shown")

    widget.resize(700, 700)  # narrow: the results are a tab, whose title counts too
    qtbot.waitUntil(lambda: not widget.is_wide())
    title = widget.tabs.tabText(widget.tabs.indexOf(widget.results_area))
    assert title == "People found (20 of over 23)"
    monkeypatch.undo()
    box.clear()
    type_chinese(box, "张")
    title = widget.tabs.tabText(widget.tabs.indexOf(widget.results_area))
    assert title == "People found (20 of 25)"


def test_a_member_card_scan_checks_in_at_once(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "YL000004")  # the scanner types the code …
    qtbot.keyClick(box, Qt.Key.Key_Return)  # … and Enter
    [visit] = visits(db, centre["li"])
    assert visit.purpose == DEFAULT_PURPOSE.value
    assert box.text() == "" and box.hasFocus()


def test_an_unknown_member_card_says_so_and_writes_nothing(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk
) -> None:
    box = search_box(reception_desk)
    before = count(db, Visit)
    qtbot.keyClicks(box, "YL999999")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert count(db, Visit) == before
    assert reception_desk.status.is_error()
    assert "YL999999" in reception_desk.status.message()
    assert not reception_desk.showing_form()  # a card is not a new visitor's phone or name
    assert box.hasFocus()


# --- a second check-in --------------------------------------------------------------------------


def test_a_second_check_in_is_asked_inline_and_written_only_when_confirmed(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Return)

    assert len(visits(db, centre["zhang"])) == 1
    bar = reception_desk.duplicate_bar
    assert bar.isVisible() and "张三" in reception_desk.pending_duplicate()
    assert box.hasFocus()  # asked beside the search box, not in a dialog
    assert not any(dialog.isVisible() for dialog in reception_desk.findChildren(QDialog))
    qtbot.keyClick(box, Qt.Key.Key_Return)  # a third Enter is no confirmation
    assert len(visits(db, centre["zhang"])) == 1

    qtbot.keyClick(box, Qt.Key.Key_Tab)
    confirm = reception_desk.findChild(QPushButton, "reception.duplicate.confirm")
    assert confirm is not None and confirm.hasFocus()
    qtbot.keyClick(confirm, Qt.Key.Key_Return)
    assert len(visits(db, centre["zhang"])) == 2
    assert not bar.isVisible() and box.hasFocus() and box.text() == ""
    with db.write() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "check_in"))
        assert [json.loads(e.detail).get("confirmed_duplicate") for e in events] == [None, True]


def test_escape_or_typing_drops_the_question(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    for _ in range(2):
        qtbot.keyClicks(box, "5678")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert reception_desk.duplicate_bar.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not reception_desk.duplicate_bar.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert reception_desk.duplicate_bar.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)  # the text changes: another search
    assert not reception_desk.duplicate_bar.isVisible()
    assert len(visits(db, centre["zhang"])) == 1


# --- undo ---------------------------------------------------------------------------------------


def test_undo_asks_inline_and_is_audited(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    [visit] = visits(db, centre["zhang"])
    selected = reception_desk.selected_log_line()
    assert selected is not None and selected.id == visit.id

    qtbot.keyClick(box, Qt.Key.Key_F12)
    assert reception_desk.undo_bar.isVisible() and "张三" in reception_desk.undo_bar.question()
    assert visits(db, centre["zhang"])[0].undone_at is None  # asked, not done
    confirm = reception_desk.findChild(QPushButton, "reception.undoBar.confirm")
    assert confirm is not None and confirm.hasFocus()
    qtbot.keyClick(confirm, Qt.Key.Key_Return)

    assert visits(db, centre["zhang"])[0].undone_at is not None
    assert reception_desk.log_model.line(0).undone
    assert "undone" in reception_desk.log_model.row_texts(0)[TodayLogModel.PURPOSE]
    assert reception_desk.purposes.count(DEFAULT_PURPOSE) == 0
    assert box.hasFocus()
    with db.write() as session:
        event = session.scalar(select(AuditEvent).where(AuditEvent.action == "undo_check_in"))
        assert event is not None and event.entity_id == visit.id


def test_typing_while_undo_is_asked_keeps_the_check_in_and_the_keys(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(box, Qt.Key.Key_F12)
    confirm = reception_desk.undo_bar.confirm_button
    assert confirm.hasFocus()
    qtbot.keyClicks(confirm, "1234")  # the next visitor's phone, typed without looking
    assert not reception_desk.undo_bar.isVisible()
    assert box.text() == "1234" and box.hasFocus()
    assert visits(db, centre["zhang"])[0].undone_at is None


def test_f12_with_nothing_chosen_asks_about_the_newest_check_in(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClick(box, Qt.Key.Key_F12)
    assert not reception_desk.undo_bar.isVisible()
    assert reception_desk.status.is_error()  # nothing today to undo, said in words
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    reception_desk.log_view.clearSelection()
    qtbot.keyClick(box, Qt.Key.Key_F12)
    assert "张三" in reception_desk.undo_bar.question()


def test_one_question_at_a_time_and_a_new_purpose_drops_the_repeat_question(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    for _ in range(2):
        qtbot.keyClicks(box, "5678")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert reception_desk.duplicate_bar.isVisible()
    assert not reception_desk.status.isVisible()  # one line of room: the question has it
    qtbot.keyClick(box, Qt.Key.Key_F5)  # another errand: no repeat any more
    assert not reception_desk.duplicate_bar.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    purposes = [v.purpose for v in visits(db, centre["zhang"])]
    assert purposes == [DEFAULT_PURPOSE.value, Purpose.GOVERNMENT.value]


# --- purposes -----------------------------------------------------------------------------------


def test_purposes_switch_with_function_keys_and_alt_digits_never_with_digits(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    assert reception_desk.selected_purpose() is DEFAULT_PURPOSE
    qtbot.keyClick(box, Qt.Key.Key_F5)
    assert reception_desk.selected_purpose() is Purpose.GOVERNMENT
    button = reception_desk.purposes.buttons[Purpose.GOVERNMENT]
    assert button.isChecked() and button.text().startswith("✓")  # not colour alone
    qtbot.keyClick(box, Qt.Key.Key_8, Qt.KeyboardModifier.AltModifier)
    assert reception_desk.selected_purpose() is Purpose.REQUEST
    assert box.text() == "" and box.hasFocus()
    qtbot.keyClicks(box, "1234")  # digits type into the search, whatever the box holds
    assert box.text() == "1234"
    assert reception_desk.selected_purpose() is Purpose.REQUEST
    box.clear()

    qtbot.keyClick(box, Qt.Key.Key_F6)
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    [visit] = visits(db, centre["zhang"])
    assert visit.purpose == Purpose.LIFE_SERVICE.value
    assert reception_desk.purposes.count(Purpose.LIFE_SERVICE) == 1
    assert "· 1" in reception_desk.purposes.buttons[Purpose.LIFE_SERVICE].text()


def test_the_purpose_returns_to_the_default_after_each_check_in(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClick(box, Qt.Key.Key_F6)
    assert "next check-in only" in reception_desk.status.message()  # says so on screen
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter
    assert reception_desk.selected_purpose() is DEFAULT_PURPOSE
    assert "back to Activity" in reception_desk.status.message()
    default = reception_desk.purposes.buttons[DEFAULT_PURPOSE]
    assert default.isChecked() and default.text().startswith("✓")

    qtbot.keyClicks(box, "1234")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the next visitor, no key pressed for them
    assert reception_desk.selected_purpose() is DEFAULT_PURPOSE

    qtbot.keyClick(box, Qt.Key.Key_F5)
    qtbot.keyClicks(box, "YL000004")  # a member card scan
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert reception_desk.selected_purpose() is DEFAULT_PURPOSE

    recorded = {v.person_id: v.purpose for v in visits(db) if v.purpose != Purpose.OTHER.value}
    assert recorded == {
        centre["zhang"]: Purpose.LIFE_SERVICE.value,
        centre["wang"]: DEFAULT_PURPOSE.value,
        centre["li"]: Purpose.GOVERNMENT.value,
    }


def test_a_new_visitor_is_checked_in_with_the_chosen_purpose_which_then_resets(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "13900009999")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    form = reception_desk.form
    assert reception_desk.showing_form()
    qtbot.keyClick(form.name_edit, Qt.Key.Key_F4)  # the purpose, chosen while registering
    assert labels.purpose_name(Purpose.PARTY_DOUBLE_REPORT) in form.hint.accessibleName()
    type_chinese(form.name_edit, "孙七")
    form.fill(phone_for_contact=True)  # no consent asked yet: the phone is kept for contact only
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert not reception_desk.showing_form()
    with db.write() as session:
        person = session.scalar(select(Person).where(Person.name == "孙七"))
        assert person is not None
        person_id = person.id
    [visit] = visits(db, person_id)
    assert visit.purpose == Purpose.PARTY_DOUBLE_REPORT.value
    assert reception_desk.selected_purpose() is DEFAULT_PURPOSE

    reception_desk.open_new_visitor()  # the next new visitor starts from the default again
    assert labels.purpose_name(DEFAULT_PURPOSE) in form.hint.accessibleName()


def test_shift_and_an_f_key_pin_a_purpose_for_a_queue(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    bar = reception_desk.purposes
    qtbot.keyClick(box, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.pinned() is Purpose.PARTY_DUES and bar.selected() is Purpose.PARTY_DUES
    # Shown in words, not only by colour: on the pin button, to screen readers, in the status.
    assert bar.pin_button.isChecked() and bar.pin_button.text() == "Pinned: Party dues"
    assert "Pinned" in bar.pin_button.accessibleName()
    assert "Pinned" in bar.accessibleDescription()
    assert "pinned" in bar.buttons[Purpose.PARTY_DUES].accessibleName()
    assert "Shift+F3" in reception_desk.status.message()
    assert box.hasFocus()

    for typed in ("5678", "1234"):  # a queue: each one recorded for the pinned purpose
        qtbot.keyClicks(box, typed)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert bar.selected() is Purpose.PARTY_DUES
    qtbot.keyClick(box, Qt.Key.Key_F5)  # one visitor of the queue came for something else …
    qtbot.keyClicks(box, "YL000004")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert bar.selected() is Purpose.PARTY_DUES  # … and the pinned purpose is back
    assert bar.pin_button.text() == "Pinned: Party dues"

    reception_desk.open_new_visitor()  # a new visitor of the queue
    assert "pinned" in reception_desk.form.hint.accessibleName()
    reception_desk.form.fill(name="孙七")
    assert reception_desk.form.submit() is not None
    assert bar.selected() is Purpose.PARTY_DUES

    qtbot.keyClick(box, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)  # unpin
    assert bar.pinned() is None and not bar.pin_button.isChecked()
    assert bar.pin_button.text() == "Pin"
    assert "Unpinned" in reception_desk.status.message()
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_F5)  # another errand: no repeat question
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert bar.selected() is DEFAULT_PURPOSE  # unpinned: back to the default after it

    with db.write() as session:
        sun = session.scalar(select(Person.id).where(Person.name == "孙七"))
    recorded = [(v.person_id, v.purpose) for v in visits(db) if v.purpose != Purpose.OTHER.value]
    assert recorded == [
        (centre["zhang"], Purpose.PARTY_DUES.value),
        (centre["wang"], Purpose.PARTY_DUES.value),
        (centre["li"], Purpose.GOVERNMENT.value),
        (sun, Purpose.PARTY_DUES.value),
        (centre["zhang"], Purpose.GOVERNMENT.value),
    ]


def test_the_pin_button_pins_the_chosen_purpose_and_unpins_it(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    bar = reception_desk.purposes
    pin = reception_desk.findChild(QPushButton, "reception.purposePin")
    assert pin is bar.pin_button and pin.accessibleName() and pin.toolTip()
    qtbot.keyClick(box, Qt.Key.Key_F8)
    qtbot.mouseClick(pin, Qt.MouseButton.LeftButton)
    assert bar.pinned() is Purpose.ROOM_USE and pin.text() == "Pinned: Room use"
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert bar.selected() is Purpose.ROOM_USE
    # Shift and another F-key moves the pin; the button unpins.
    qtbot.keyClick(box, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert bar.pinned() is Purpose.OTHER
    pin.setFocus()
    qtbot.keyClick(pin, Qt.Key.Key_Space)
    assert bar.pinned() is None and not pin.isChecked()
    assert bar.selected() is Purpose.OTHER  # still the next check-in's purpose
    assert [v.purpose for v in visits(db, centre["zhang"])] == [Purpose.ROOM_USE.value]


def test_a_note_goes_with_the_check_in(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    note = reception_desk.findChild(QLineEdit, "reception.note")
    assert note is not None and note.hasFocus()
    type_chinese(note, "办理居住证")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    [visit] = visits(db, centre["zhang"])
    assert visit.note == "办理居住证"
    assert note.text() == "" and box.hasFocus()


# --- new visitors -------------------------------------------------------------------------------


def test_a_new_visitor_is_registered_with_the_typed_phone_and_checked_in(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "13900009999")
    assert reception_desk.results_model.rowCount() == 0
    assert "13900009999" in reception_desk.no_match_label.accessibleName()
    qtbot.keyClick(box, Qt.Key.Key_Return)

    assert reception_desk.showing_form()
    form = reception_desk.form
    phone = form.findChild(QLineEdit, "person.phone")
    name = form.findChild(QLineEdit, "person.name")
    assert phone is not None and phone.text() == "13900009999"
    assert name is not None and name.hasFocus()
    people_before = count(db, Person)
    type_chinese(name, "孙七")
    qtbot.keyClick(form.contact_box, Qt.Key.Key_Space)  # no consent: the phone is for contact
    qtbot.keyClick(name, Qt.Key.Key_Return)

    assert count(db, Person) == people_before + 1
    with db.write() as session:
        person = session.scalar(select(Person).where(Person.name == "孙七"))
        assert person is not None and person.phone == "13900009999"
        person_id = person.id
    [visit] = visits(db, person_id)
    assert visit.purpose == DEFAULT_PURPOSE.value
    assert not reception_desk.showing_form() and box.hasFocus() and box.text() == ""
    assert "孙七" in reception_desk.status.message()


def test_a_typed_name_is_carried_but_a_phone_tail_is_not(
    qtbot: QtBot, reception_desk: ReceptionDesk
) -> None:
    box = search_box(reception_desk)
    type_chinese(box, "欧阳")
    qtbot.keyClick(box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert reception_desk.showing_form()
    assert reception_desk.form.name_edit.text() == "欧阳"
    assert reception_desk.form.phone_edit.hasFocus()
    qtbot.keyClick(reception_desk.form.phone_edit, Qt.Key.Key_Escape)
    assert not reception_desk.showing_form() and box.hasFocus() and box.text() == "欧阳"

    box.clear()
    qtbot.keyClicks(box, "9876")
    button = reception_desk.findChild(QPushButton, "reception.newVisitor")
    assert button is not None and button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert reception_desk.form.phone_edit.text() == ""
    assert ReceptionDesk.carried("zs") == {}


def test_registration_errors_stand_beside_the_fields_and_nothing_is_written(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk
) -> None:
    reception_desk.open_new_visitor()
    form = reception_desk.form
    before = (count(db, Person), count(db, Visit))
    form.fill(name="张@三", birth_year="19x6", phone="12345", id_number="310101195601011235")
    assert form.submit() is None
    assert "Chinese characters" in form.message("name")
    assert "four digits" in form.message("birth_year")
    assert "mobile" in form.message("phone")
    assert "last character" in form.message("id_number")
    assert form.message("community") == ""
    assert (count(db, Person), count(db, Visit)) == before
    assert reception_desk.showing_form()
    assert form.name_edit.hasFocus()  # the first field to correct


def test_a_phone_on_file_offers_the_person_on_file(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    reception_desk.open_new_visitor()
    form = reception_desk.form
    form.fill(name="张叁", phone=ZHANG_PHONE)
    before = count(db, Person)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert count(db, Person) == before
    duplicate = form.duplicate()
    assert duplicate is not None and duplicate.person_id == centre["zhang"]
    assert form.duplicate_bar.isVisible() and "张三" in form.message("phone")
    use = form.findChild(QPushButton, "person.useExisting")
    assert use is not None and use.hasFocus()
    qtbot.keyClick(use, Qt.Key.Key_Return)

    assert not reception_desk.showing_form()
    highlighted = reception_desk.highlighted()
    assert highlighted is not None and highlighted.id == centre["zhang"]
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert len(visits(db, centre["zhang"])) == 1
    assert count(db, Person) == before


def test_a_family_sharing_a_phone_may_register_anyway(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    reception_desk.open_new_visitor()
    form = reception_desk.form
    form.fill(name="张小妹", phone=ZHANG_PHONE, phone_for_contact=True)
    assert form.submit() is None
    shared = form.findChild(QPushButton, "person.sharedPhone")
    assert shared is not None and shared.isVisible()
    before = count(db, Person)
    shared.click()
    assert count(db, Person) == before + 1
    assert not reception_desk.showing_form()


# --- 民生直通车 requests -------------------------------------------------------------


def test_requests_are_recorded_assigned_and_resolved_at_the_desk(
    qtbot: QtBot, db: Database, staff: Actor, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    panel = reception_desk.requests_panel
    assert reception_desk.tabs.currentWidget() is panel
    assert panel.category_combo.hasFocus()
    assert panel.person_id() == centre["zhang"]
    assert "张三" in panel.person_label.accessibleName()

    assert panel.record("", "") is None  # nothing typed: said beside the fields, not written
    assert panel.message("category") and count(db, Request) == 0
    type_chinese(panel.category_combo.lineEdit(), "设施报修")
    type_chinese(panel.text_edit, "3号楼楼道灯坏了")
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with db.write() as session:
        [request] = session.scalars(select(Request))
        assert (request.person_id, request.category, request.text) == (
            centre["zhang"],
            "设施报修",
            "3号楼楼道灯坏了",
        )
        request_id = request.id
    assert panel.model.row_of(request_id) >= 0
    assert "1 open" in reception_desk.tabs.tabText(reception_desk.tabs.indexOf(panel))

    assert panel.select_request(request_id)
    assert panel.assign(staff.account_id)
    assert "staff" in panel.model.row_texts(panel.model.row_of(request_id))[RequestsModel.STATUS]
    assert panel.resolve("") is False and panel.message("note")
    assert panel.resolve("已通知物业更换灯泡")
    assert panel.model.row_of(request_id) < 0  # no longer open
    with db.write() as session:
        request = session.get(Request, request_id)
        assert request is not None
        assert (request.status, request.assigned_to_id, request.resolution) == (
            RequestStatus.RESOLVED.value,
            staff.account_id,
            "已通知物业更换灯泡",
        )
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "request").order_by(AuditEvent.id)
        ).all()
    assert actions == ["create", "assign", "resolve"]
    qtbot.keyClick(panel.resolution_edit, Qt.Key.Key_Escape)
    assert box.hasFocus()


def test_a_request_check_in_opens_the_requests_tab(
    qtbot: QtBot, db: Database, reception_desk: ReceptionDesk, centre: dict[str, int]
) -> None:
    box = search_box(reception_desk)
    qtbot.keyClick(box, Qt.Key.Key_F9)
    qtbot.keyClicks(box, "5678")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert reception_desk.tabs.currentWidget() is reception_desk.requests_panel
    assert reception_desk.requests_panel.person_id() == centre["zhang"]  # the one just checked in
    assert box.hasFocus()


# --- fit and language ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_desk_fits_1366_by_768_in_both_text_sizes(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    centre: dict[str, int],
    qapp: QApplication,
    chinese: None,
    text_size: None,
    size: str,
) -> None:
    style.apply_text_size(qapp, size)
    window = MainWindow(DeskContext(db, desk, settings_module.load()), "东社区邻里中心")
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    window.show()
    assert window.switch_to("reception")
    widget = window.desk("reception")
    assert isinstance(widget, ReceptionDesk)
    qtbot.waitUntil(lambda: search_box(widget).hasFocus())
    qtbot.keyClicks(search_box(widget), "1234")
    qtbot.wait(10)
    hint = window.minimumSizeHint()
    assert hint.width() <= DEFAULT_SIZE.width() and hint.height() <= DEFAULT_SIZE.height()
    assert window.size() == DEFAULT_SIZE
    assert widget.purposes.rows() <= 2
    widget.purposes.set_counts(dict.fromkeys(Purpose, 188))  # a busy day: wider numbers
    qtbot.wait(10)
    assert widget.purposes.rows() <= 2
    for button in [*widget.purposes.buttons.values(), widget.purposes.pin_button]:
        assert button.height() >= style.text_size(size).primary_button_px
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())
    for name in ("reception.newVisitor", "reception.checkIn"):
        primary = widget.findChild(QPushButton, name)
        assert primary is not None and primary.isVisible()
        assert primary.height() >= style.text_size(size).primary_button_px
        corner = primary.mapTo(window, primary.rect().bottomRight())
        assert window.rect().contains(corner), name
    assert qapp.font().pointSizeF() >= style.text_size(size).point_size
    assert search_box(widget).font().pointSizeF() > qapp.font().pointSizeF()
    view = widget.results_view
    assert view.isVisible() and view.horizontalScrollBar().maximum() == 0  # no column cut off
    assert widget.is_wide() == (size == "normal")

    # The longest messages: a check-in for the longest purpose, the purpose returning after it.
    with db.write() as session:
        people.register(
            session, desk, PersonInput("欧阳小明", phone="13622223333", phone_for_contact=True)
        )
    box = search_box(widget)
    box.clear()
    qtbot.keyClick(box, Qt.Key.Key_F2)
    qtbot.keyClicks(box, "3333")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert "欧阳小明" in widget.status.message() and "活动" in widget.status.message()
    qtbot.wait(10)
    hint = window.minimumSizeHint()
    assert hint.height() <= DEFAULT_SIZE.height() and window.size() == DEFAULT_SIZE
    status = widget.status
    assert status.isVisible() and status.height() >= status.heightForWidth(status.width())

    widget.open_new_visitor()  # the form scrolls rather than cutting off in the large size
    qtbot.wait(10)
    hint = window.minimumSizeHint()
    assert hint.width() <= DEFAULT_SIZE.width() and hint.height() <= DEFAULT_SIZE.height()


def test_the_desk_speaks_chinese(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    centre: dict[str, int],
    chinese: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with db.write() as session:
        for n in range(21):  # with 王五: 22 people whose name starts with 王
            people.register(
                session, desk, PersonInput("王" + "伟芳明秀英华甲"[n % 7] + "一二三"[n // 7])
            )
    widget = make_desk(qtbot, db, desk)
    assert widget.purposes.buttons[Purpose.ACTIVITY].text() == "✓ F7 活动 · 0"
    assert widget.purposes.pin_button.text() == "固定事由"
    widget.purposes.pin(Purpose.PARTY_DUES)
    assert widget.purposes.pin_button.text() == "已固定：交党费"
    assert widget.purposes.accessibleDescription().startswith("已固定“党务：党费”")
    assert widget.results_model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    for button in widget.findChildren(QPushButton):
        if button.text():
            assert any("\u4e00" <= ch <= "\u9fff" for ch in button.text()), button.text()
    qtbot.keyClicks(search_box(widget), "1234")
    assert widget.results_model.row_texts(1)[4] == "从未来访"
    box = search_box(widget)
    box.clear()
    type_chinese(box, "王")
    assert widget.more_text() == "还有 2 人未显示，请多输入几个字或数字。"
    monkeypatch.setattr(search, "MORE_CAP", 1)
    box.clear()
    type_chinese(box, "王")
    assert widget.more_text() == "还有超过 1 人未显示，请多输入几个字或数字。"


def test_every_control_has_a_name_and_an_accessible_name(reception_desk: ReceptionDesk) -> None:
    for kind in (QPushButton, QLineEdit, QTableView):
        for widget in reception_desk.findChildren(kind):
            if widget.parentWidget() is None or not widget.objectName():
                continue
            if widget.objectName().startswith(("reception.", "person.")):
                assert widget.accessibleName(), widget.objectName()
    for name in ("reception.search", "reception.results", "reception.todayLog"):
        assert reception_desk.findChild(QWidget, name) is not None


# --- the models alone ---------------------------------------------------------------------------


def test_results_model_without_a_window(qtmodeltester: object) -> None:
    model = ResultsModel()
    hit = PersonHit(1, "张三", "YL000001", "138****5678", "桃园社区", "", None, MatchKind.PHONE)
    model.set_hits([hit, PersonHit(2, "李四", "YL000002", "", "", "", None, MatchKind.NAME)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.row_texts(0)[:3] == ["▶ 张三", "138****5678", "桃园社区"]
    model.set_current_row(5)
    assert model.current_row() == 1 and model.row_texts(1)[0] == "▶ 李四"


def test_log_and_requests_models_without_a_window(
    qtmodeltester: object, db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        visit = reception.check_in(session, desk, centre["zhang"], Purpose.GOVERNMENT, "证明")
        reception.undo_check_in(session, desk, visit.id)
        reception.record_request(session, desk, None, "其他", "第一行\n第二行")
        lines = reception.today_log(session, desk, clock.today())
        requests = reception.open_requests(session, desk)
    log = TodayLogModel()
    log.set_lines(lines)
    qtmodeltester.check(log)  # type: ignore[attr-defined]
    assert log.row_texts(0)[1:] == ["张三", "桃园社区", "Government affairs (undone)", "desk"]
    assert "证明" in str(log.data(log.index(0, 0), Qt.ItemDataRole.ToolTipRole))
    model = RequestsModel()
    model.set_rows(requests)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.row_texts(0)[1:] == ["(not registered)", "[其他] 第一行 第二行", "Open"]


def test_the_requests_panel_offers_only_staff_to_hand_to(
    qtbot: QtBot, db: Database, desk: Actor, staff: Actor
) -> None:
    panel = RequestsPanel(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(panel)
    panel.refresh()
    names = [panel.assignee_combo.itemText(i) for i in range(panel.assignee_combo.count())]
    assert sorted(names) == sorted(["管理员", "staff"])
    assert not panel.assign_button.isEnabled()  # nothing chosen yet
