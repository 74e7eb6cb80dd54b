"""The attendance panel driven as a volunteer at the door would: ticking from the paper sheet
with Up/Down and Space, scanning member cards, adding a walk-in, closing the attendance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import clock
from app.db import Database
from app.models import Person
from app.security import Actor
from app.services import menu
from app.services.menu import attendance
from tests.conftest import TEST_NOW
from tests.menu_data import add_item, add_people, add_person, add_session
from tests.rooms_ui import context
from ui import style
from ui.menu.attendance import AttendancePanel
from ui.menu.attendance_model import AttendanceModel

TEN = dt.datetime.combine(TEST_NOW.date(), dt.time(10))
NAMES = ["王建国", "李秀兰", "张伟", "欧阳小明", "陈静"]  # sheet: 陈 李 欧阳 王 张


@pytest.fixture(autouse=True)
def _clock(clock_at: clock.FixedClock) -> clock.FixedClock:
    return clock_at


def lesson(db: Database, desk: Actor, names: list[str] = NAMES) -> tuple[int, list[int]]:
    with db.write() as session:
        item = add_item(session)
        session_id = add_session(session, item, TEN, capacity=10)
        people = add_people(session, names)
    for person_id in people:
        with db.write() as session:
            menu.sign_up(session, desk, session_id, person_id)
    return session_id, people


def make_panel(qtbot: QtBot, db: Database, actor: Actor, session_id: int) -> AttendancePanel:
    panel = AttendancePanel(context(db, actor))
    qtbot.addWidget(panel)
    panel.resize(1166, 650)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    panel.show_session(session_id)
    return panel


def names(panel: AttendancePanel) -> list[str]:
    return [line.name for line in panel.model.lines()]


def member_code(db: Database, person_id: int) -> str:
    with db.read() as session:
        code = session.scalar(select(Person.member_code).where(Person.id == person_id))
        assert code is not None
        return code


def test_the_list_is_the_sheet_and_space_ticks_the_current_row(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    session_id, _ = lesson(db, desk)
    panel = make_panel(qtbot, db, desk, session_id)
    assert names(panel) == ["陈静", "李秀兰", "欧阳小明", "王建国", "张伟"]
    assert panel.model.row_texts(0)[:2] == ["1", "陈静"]
    assert panel.model.row_texts(0)[3].count("*") == 4  # the phone, masked
    assert panel.counts_text() == "Expected 5 · Present 0"
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # 李秀兰, the second line of the paper sheet
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert panel.counts_text() == "Expected 5 · Present 1"
    assert [line.attended for line in panel.model.lines()] == [False, True, False, False, False]
    assert panel.current_row() == 1 and panel.table.hasFocus()
    index = panel.model.index(1, AttendanceModel.TICKED)
    assert panel.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "李秀兰" in panel.status.message()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.table, Qt.Key.Key_Space)  # 李秀兰 again: unticked
    assert panel.counts_text() == "Expected 5 · Present 1"
    assert [line.attended for line in panel.model.lines()] == [False, False, True, False, False]


def test_a_click_on_the_check_box_ticks_too(qtbot: QtBot, db: Database, desk: Actor) -> None:
    session_id, _ = lesson(db, desk, ["王建国"])
    panel = make_panel(qtbot, db, desk, session_id)
    index = panel.model.index(0, AttendanceModel.TICKED)
    panel.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert panel.model.lines()[0].attended
    assert panel.counts_text() == "Expected 1 · Present 1"


def test_a_scanned_card_ticks_the_right_row_and_says_so(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    session_id, people = lesson(db, desk)
    panel = make_panel(qtbot, db, desk, session_id)
    assert panel.scan_box.hasFocus()
    code = member_code(db, people[2])  # 张伟, the last line
    qtbot.keyClicks(panel.scan_box, code)
    qtbot.keyClick(panel.scan_box, Qt.Key.Key_Return)
    assert [line.attended for line in panel.model.lines()] == [False, False, False, False, True]
    assert panel.current_row() == 4
    assert panel.status.message() == "已签到：张伟。" and not panel.status.is_error()
    assert panel.scan_box.text() == "" and panel.scan_box.hasFocus()
    assert panel.counts_text() == "Expected 5 · Present 1"
    # A scan while the list has the focus still reaches the scan field.
    panel.table.setFocus()
    qtbot.keyClicks(panel.table, member_code(db, people[0]))
    qtbot.keyClick(panel.scan_box, Qt.Key.Key_Return)
    assert panel.model.lines()[3].attended and panel.counts_text() == "Expected 5 · Present 2"
    qtbot.keyClicks(panel.scan_box, "X0000404")
    qtbot.keyClick(panel.scan_box, Qt.Key.Key_Return)
    assert panel.status.is_error() and "X0000404" in panel.status.message()
    assert panel.offer.is_asking()
    qtbot.keyClick(panel.scan_box, Qt.Key.Key_Return)  # find them by name instead
    assert panel.walk_in_frame.isVisible() and panel.picker.search_box.hasFocus()


def test_a_scanned_stranger_is_offered_and_added_as_a_walk_in_at_the_end(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    session_id, _ = lesson(db, desk)
    with db.write() as session:
        stranger = add_person(session, "阿依古丽")
    panel = make_panel(qtbot, db, desk, session_id)
    qtbot.keyClicks(panel.scan_box, member_code(db, stranger))
    qtbot.keyClick(panel.scan_box, Qt.Key.Key_Return)
    assert "阿依古丽" in panel.offer.question()
    assert panel.offer.confirm_button.text() == "Add as a walk-in (Enter)"
    assert panel.scan_box.hasFocus()
    qtbot.keyClick(panel.scan_box, Qt.Key.Key_Return)  # Enter on the empty field adds them
    assert names(panel)[-1] == "阿依古丽"
    assert panel.model.row_texts(5)[0] == "6"
    assert panel.model.row_texts(5)[AttendanceModel.NOTE] == "Walk-in"
    assert panel.counts_text() == "Expected 5 · Present 1"
    assert not panel.offer.is_asking()


def test_add_walk_in_with_reception_search(qtbot: QtBot, db: Database, desk: Actor) -> None:
    session_id, _ = lesson(db, desk, ["王建国", "李秀兰"])
    with db.write() as session:
        add_person(session, "赵志强")
    panel = make_panel(qtbot, db, desk, session_id)
    qtbot.mouseClick(panel.walk_in_button, Qt.MouseButton.LeftButton)
    assert panel.walk_in_frame.isVisible() and panel.picker.search_box.hasFocus()
    qtbot.keyClicks(panel.picker.search_box, "zzq")
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.picker.search_box, Qt.Key.Key_Return)
    assert names(panel) == ["李秀兰", "王建国", "赵志强"]
    assert not panel.walk_in_frame.isVisible() and panel.scan_box.hasFocus()
    assert "赵志强" in panel.status.message()


def test_close_attendance_asks_inline_then_marks_the_rest(
    qtbot: QtBot, db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    session_id, _ = lesson(db, desk, ["王建国", "李秀兰", "张伟"])
    panel = make_panel(qtbot, db, desk, session_id)
    panel.tick_row(0)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert panel.status.is_error() and not panel.close_question.is_asking()  # not begun yet
    assert not any(line.no_show for line in panel.model.lines())
    clock_at.set(TEN + dt.timedelta(minutes=15))
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert "2" in panel.close_question.question()
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.close_question.confirm_button, Qt.MouseButton.LeftButton)
    assert [line.no_show for line in panel.model.lines()] == [False, True, True]
    assert panel.model.row_texts(1)[AttendanceModel.NOTE] == "Did not come"
    assert "did not come 2" in panel.extra_label.text()
    assert not panel.close_button.isVisible()
    assert not panel.reopen_button.isVisible()  # a desk volunteer can't reopen it
    assert not panel.scan_box.isEnabled() and not panel.walk_in_button.isEnabled()
    # After closing, a desk volunteer's tick is refused, inline.
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert panel.status.is_error() and "工作人员" in panel.status.message()


def test_staff_reopen_a_closed_attendance(
    qtbot: QtBot, db: Database, desk: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    session_id, _ = lesson(db, desk, ["王建国"])
    clock_at.set(TEN + dt.timedelta(minutes=15))
    with db.write() as session:
        attendance.close_attendance(session, desk, session_id)
    panel = make_panel(qtbot, db, staff, session_id)
    assert panel.reopen_button.isVisible()
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert panel.close_button.isVisible() and not panel.model.lines()[0].no_show


def test_model_without_a_window(qtmodeltester: object, db: Database, desk: Actor) -> None:
    session_id, _ = lesson(db, desk, ["王建国", "李秀兰"])
    with db.read() as session:
        roster = menu.roster(session, desk, session_id)
    model = AttendanceModel()
    model.set_lines(roster.sheet)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.header_texts() == [
        "No.",
        "Full name",
        "Community · building group",
        "Phone number",
        "Signed in",
        "Note",
    ]


@pytest.mark.parametrize("size", ["normal", "large"])
def test_fits_the_desk_at_1366_by_768(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    size: str,
    text_size: None,
    chinese: None,
    tmp_path: Path,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style.apply_text_size(app, size)
    session_id, _ = lesson(db, desk, [*NAMES, "司马相如", "诸葛亮"])
    with db.write() as session:
        stranger = add_person(session, "阿依古丽")
    panel = make_panel(qtbot, db, desk, session_id)
    panel.tick_row(1)
    panel.scan(member_code(db, stranger))
    hint = panel.minimumSizeHint()
    # The desk's page beside the navigation, a task bar and title bar less.
    assert hint.width() <= 1166 and hint.height() <= 768 - 40 - 32, hint
    panel.resize(1166, 768 - 40 - 32)
    qtbot.wait(20)
    for widget in (panel.close_button, panel.walk_in_button, panel.scan_box, panel.counts_label):
        assert widget.geometry().right() <= panel.width(), widget.objectName()
        assert widget.width() >= widget.sizeHint().width() - 1, widget.objectName()
    assert panel.table.height() >= 4 * panel.table.verticalHeader().defaultSectionSize()
    panel.grab().save(str(tmp_path / f"attendance-{size}.png"))
    # The walk-in search open under a message: the list still shows a few rows.
    panel.add_walk_in(stranger)
    panel.open_walk_in()
    qtbot.keyClicks(panel.picker.search_box, "w")
    qtbot.wait(20)
    panel.grab().save(str(tmp_path / f"attendance-{size}-walk-in.png"))
    assert panel.minimumSizeHint().height() <= 768 - 40 - 32
    assert panel.table.height() >= 3 * panel.table.verticalHeader().defaultSectionSize()
