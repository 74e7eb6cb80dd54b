"""The booking editor driven like a member of staff: one-off classes, a weekly series that
clashes, editing one occurrence and then the series, bad input said beside its field."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import clock
from app.db import Database
from app.models import BookingKind, BookingStatus
from app.security import Actor
from app.services.rooms import booking
from app.services.rooms.booking import BookingInput, Scope
from app.services.rooms.recurrence import Frequency, Recurrence
from tests.rooms_ui import add_rooms, bookings, choose, context, type_into
from ui.rooms.editor import BookingEditor

DEC_2 = dt.date(2026, 12, 2)  # a Wednesday, a week after TEST_NOW


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


@pytest.fixture
def centre(db: Database, admin: Actor, clock_at: clock.FixedClock) -> dict[str, int]:
    return add_rooms(db)


def make_editor(qtbot: QtBot, db: Database, actor: Actor) -> BookingEditor:
    editor = BookingEditor(context(db, actor))
    qtbot.addWidget(editor)
    editor.start_new()
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def fill_class(qtbot: QtBot, editor: BookingEditor, day: dt.date = DEC_2) -> None:
    """书法班 in the 书画室, Wednesday 14:00-16:00, for the centre, 10 people."""
    type_into(qtbot, editor.title_edit, "书法班")
    choose(qtbot, editor.room_combo, "书画室")
    type_into(qtbot, editor.date_edit, day.isoformat())
    type_into(qtbot, editor.start_edit, "14:00")
    type_into(qtbot, editor.end_edit, "16:00")
    type_into(qtbot, editor.attendees_spin, "10")


def test_staff_book_a_one_off_class(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    editor = make_editor(qtbot, db, staff)
    fill_class(qtbot, editor)
    assert editor.starts_at() == at(DEC_2, "14:00") and editor.ends_at() == at(DEC_2, "16:00")
    assert editor.confirm_box.isVisible() and editor.confirm_box.isChecked()
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    rows = bookings(db)
    assert [row.id for row in rows] == saved.args[0]
    (row,) = rows
    assert (row.title, row.room_id, row.starts_at, row.ends_at) == (
        "书法班",
        centre["art"],
        at(DEC_2, "14:00"),
        at(DEC_2, "16:00"),
    )
    assert row.status == BookingStatus.CONFIRMED and row.kind == BookingKind.STAFF
    assert row.expected_attendees == 10 and row.series_id is None
    assert not editor.isVisible()


def test_more_people_than_seats_warns_at_once(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    editor = make_editor(qtbot, db, staff)
    choose(qtbot, editor.room_combo, "书画室")
    type_into(qtbot, editor.attendees_spin, "30")
    assert "30" in editor.capacity_warning_text() and "12" in editor.capacity_warning_text()
    assert editor.capacity_warning.isVisible()
    choose(qtbot, editor.room_combo, "多功能厅")
    assert editor.capacity_warning_text() == ""


def test_a_weekly_series_that_clashes_twice_skips_those_dates(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        for day, who in ((dt.date(2026, 12, 9), "合唱排练"), (dt.date(2026, 12, 23), "手工课")):
            booking.create(
                session,
                staff,
                BookingInput(
                    centre["art"], who, at(day, "15:00"), at(day, "17:00"), BookingKind.STAFF
                ),
            )
    editor = make_editor(qtbot, db, staff)
    fill_class(qtbot, editor)
    choose(qtbot, editor.recurrence.freq_combo, "Every week")
    assert editor.recurrence.weekday_boxes[2].isChecked()  # Wednesday, the first day's
    type_into(qtbot, editor.recurrence.count_spin, "5")
    assert editor.recurrence.summary_text()  # said in words
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert editor.showing_report() and editor.report.isVisible()
    lines = editor.conflict_lines()
    assert len(lines) == 2
    assert "合唱排练" in lines[0] and "15:00" in lines[0] and "staff" in lines[0]
    assert "手工课" in lines[1]
    assert len(bookings(db)) == 2  # nothing written yet
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.skip_button, Qt.MouseButton.LeftButton)
    rows = [row for row in bookings(db) if row.title == "书法班"]
    held = [row.starts_at.date() for row in rows if row.status == BookingStatus.CONFIRMED]
    assert held == [dt.date(2026, 12, 2), dt.date(2026, 12, 16), dt.date(2026, 12, 30)]
    assert len({row.series_id for row in rows}) == 1


def test_the_report_can_be_cancelled_and_nothing_is_written(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        day = dt.date(2026, 12, 9)
        booking.create(
            session,
            staff,
            BookingInput(
                centre["art"], "合唱", at(day, "14:00"), at(day, "15:00"), BookingKind.STAFF
            ),
        )
    editor = make_editor(qtbot, db, staff)
    fill_class(qtbot, editor)
    choose(qtbot, editor.recurrence.freq_combo, "Every week")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.showing_report()
    qtbot.mouseClick(editor.report_cancel_button, Qt.MouseButton.LeftButton)
    assert not editor.showing_report() and editor.isVisible()
    assert len(bookings(db)) == 1


def test_the_reports_way_back_does_not_read_as_cancelling_and_captions_sit_level(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int], chinese: None
) -> None:
    """取消 beside a booking reads as cancelling it: the report's way back says 返回修改. Each
    caption is level with its field's first line, not with its top edge."""
    from PySide6.QtWidgets import QLabel

    editor = make_editor(qtbot, db, staff)
    assert editor.report_cancel_button.text() == "返回修改"
    for field in (editor.title_edit, editor.room_combo, editor.kind_combo, editor.note_edit):
        (caption,) = [
            label
            for label in editor.findChildren(QLabel)
            if label.buddy() is field and label.isVisible()
        ]
        caption_middle = caption.mapTo(editor, caption.rect().center()).y()
        field_middle = field.mapTo(editor, field.rect().center()).y()
        assert abs(caption_middle - field_middle) <= 2, caption.text()


def _series(db: Database, staff: Actor, room_id: int) -> list[int]:
    with db.write() as session:
        created = booking.create(
            session,
            staff,
            BookingInput(
                room_id,
                "太极拳",
                at(DEC_2, "09:00"),
                at(DEC_2, "10:00"),
                BookingKind.STAFF,
                recurrence=Recurrence(Frequency.WEEKLY, weekdays=(2,), count=4),
            ),
        )
    return created.booking_ids


def test_one_occurrence_edited_then_the_series_keeps_it_and_the_cancelled_one(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    first, second, third, fourth = _series(db, staff, centre["hall"])
    editor = make_editor(qtbot, db, staff)
    assert editor.load(second)
    assert editor.scope.isVisible() and editor.scope.scope() is Scope.THIS
    assert not editor.recurrence.isEnabled()  # one occurrence: its own times only
    type_into(qtbot, editor.title_edit, "太极拳（比赛前加练）")
    type_into(qtbot, editor.start_edit, "10:00")
    assert editor.end_edit.currentText() == "11:00"  # the length is kept
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    editor = make_editor(qtbot, db, staff)
    assert editor.load(third)
    qtbot.mouseClick(editor.cancel_booking_button, Qt.MouseButton.LeftButton)
    assert editor.cancel_bar.isVisible() and editor.cancel_scope.scope() is Scope.THIS
    type_into(qtbot, editor.cancel_reason_edit, "停电")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.cancel_confirm_button, Qt.MouseButton.LeftButton)

    editor = make_editor(qtbot, db, staff)
    assert editor.load(first)
    qtbot.mouseClick(editor.scope.buttons[Scope.ALL], Qt.MouseButton.LeftButton)
    assert editor.scope.scope() is Scope.ALL and editor.recurrence.isEnabled()
    type_into(qtbot, editor.title_edit, "太极拳班")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    rows = {row.id: row for row in bookings(db)}
    assert rows[first].title == "太极拳班" and rows[fourth].title == "太极拳班"
    assert rows[second].title == "太极拳（比赛前加练）"
    assert rows[second].starts_at == at(dt.date(2026, 12, 9), "10:00")
    assert rows[third].status == BookingStatus.CANCELLED


@pytest.mark.parametrize(
    ("field", "fill", "expected"),
    [
        ("title", {"title": ""}, "title"),
        ("ends_at", {"start": "16:00", "end": "14:00"}, "ends_at"),
        ("organisation_id", {"kind": "Social organisation"}, "organisation_id"),
        ("person_id", {"kind": "Residents' group"}, "person_id"),
        ("allow_past", {"day": "2026-11-20"}, "allow_past"),
        ("recurrence", {"repeat": "Every day", "until": "a year earlier"}, "recurrence"),
    ],
)
def test_bad_input_is_said_beside_its_field_and_nothing_is_written(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    centre: dict[str, int],
    field: str,
    fill: dict[str, str],
    expected: str,
) -> None:
    editor = make_editor(qtbot, db, staff)
    fill_class(qtbot, editor)
    if "title" in fill:
        type_into(qtbot, editor.title_edit, fill["title"])
    if "start" in fill:
        type_into(qtbot, editor.start_edit, fill["start"])
        type_into(qtbot, editor.end_edit, fill["end"])
    if "kind" in fill:
        choose(qtbot, editor.kind_combo, fill["kind"])
    if "day" in fill:
        type_into(qtbot, editor.date_edit, fill["day"])
    if "repeat" in fill:
        choose(qtbot, editor.recurrence.freq_combo, fill["repeat"])
        # Until a day before the first: the year one down with the arrow key.
        until = editor.recurrence.until_edit
        until.setFocus()
        qtbot.keyClick(until, Qt.Key.Key_Home)
        qtbot.keyClick(until, Qt.Key.Key_Down)
        assert editor.recurrence.until_radio.isChecked()
        assert editor.recurrence.summary_text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.message(expected), editor.messages()
    message = editor._fields.message(expected)
    assert message is not None and message.isVisible()
    assert editor.isVisible() and bookings(db) == []


def test_a_past_time_is_booked_after_the_tick(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    editor = make_editor(qtbot, db, staff)
    fill_class(qtbot, editor, dt.date(2026, 11, 20))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.past_box.isVisible() and bookings(db) == []
    qtbot.mouseClick(editor.past_box, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(bookings(db)) == 1


def test_a_closed_day_is_refused_and_an_admin_books_it_with_a_reason(
    qtbot: QtBot, db: Database, staff: Actor, admin: Actor, centre: dict[str, int]
) -> None:
    sunday = dt.date(2026, 12, 6)  # the 会议室 has no Sunday hours
    editor = make_editor(qtbot, db, staff)
    fill_class(qtbot, editor, sunday)
    choose(qtbot, editor.room_combo, "会议室")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.message("starts_at") and bookings(db) == []
    assert not editor.override_edit.isVisible()  # staff can't override

    editor = make_editor(qtbot, db, admin)
    fill_class(qtbot, editor, sunday)
    choose(qtbot, editor.room_combo, "会议室")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.message("starts_at") and editor.override_edit.isVisible()
    type_into(qtbot, editor.override_edit, "区里临时检查")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    (row,) = bookings(db)
    assert row.override_reason == "区里临时检查"


@pytest.mark.qt_log_ignore(
    # The completer's list, a popup, on the offscreen platform.
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)
def test_an_organisation_is_found_by_part_of_its_name(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    editor = make_editor(qtbot, db, staff)
    fill_class(qtbot, editor)
    choose(qtbot, editor.kind_combo, "Social organisation")
    assert editor.organisation_combo.isVisible() and not editor.person_picker.isVisible()
    type_into(qtbot, editor.organisation_combo, "亲子")  # the middle of the name
    completer = editor.organisation_combo.completer()
    assert completer is not None and completer.popup().isVisible()
    assert completer.completionCount() == 1
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert editor.organisation_combo.currentText() == "五彩亲子公益发展中心"
    assert editor.organisation_id() == centre["wucai"]
    qtbot.mouseClick(editor.confirm_box, Qt.MouseButton.LeftButton)  # a request: pending
    assert not editor.confirm_box.isChecked()
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    (row,) = bookings(db)
    assert row.organisation_id == centre["wucai"] and row.status == BookingStatus.PENDING


def test_a_resident_is_found_with_the_reception_search(
    qtbot: QtBot, db: Database, staff: Actor, desk: Actor, centre: dict[str, int]
) -> None:
    from app.services import people
    from app.services.people import PersonInput

    with db.write() as session:
        zhang = people.register(
            session, desk, PersonInput("张三", phone="13812345678", phone_for_contact=True)
        )
    editor = make_editor(qtbot, db, desk)
    fill_class(qtbot, editor)
    assert not editor.confirm_box.isVisible() and editor.approval_hint.isVisible()
    choose(qtbot, editor.kind_combo, "Residents' group")
    qtbot.keyClicks(editor.person_picker.search_box, "5678")
    assert editor.person_picker.model.rowCount() == 1
    assert "138****5678" in editor.person_picker.model.row_texts(0)
    qtbot.keyClick(editor.person_picker.search_box, Qt.Key.Key_Return)
    assert editor.person_picker.person_id() == zhang.id
    assert "张三" in editor.person_picker.chosen_label.text()
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    (row,) = bookings(db)
    assert row.person_id == zhang.id and row.status == BookingStatus.PENDING


def test_an_organisations_request_opens_with_its_organisation(
    qtbot: QtBot, db: Database, desk: Actor, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        created = booking.create(
            session,
            desk,
            BookingInput(
                centre["hall"],
                "亲子周末沙龙",
                at(DEC_2, "14:00"),
                at(DEC_2, "16:00"),
                BookingKind.ORGANISATION,
                organisation_id=centre["wucai"],
            ),
        )
    editor = BookingEditor(context(db, staff))
    qtbot.addWidget(editor)
    assert editor.load(created.booking_ids[0])  # before it is shown, as the desk does
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.organisation_combo.isVisible()
    assert editor.organisation_combo.currentText() == "五彩亲子公益发展中心"
    assert editor.decision.isVisible() and not editor.confirm_box.isVisible()
    qtbot.mouseClick(editor.reject_button, Qt.MouseButton.LeftButton)
    assert editor.message("reason") and bookings(db)[0].status == BookingStatus.PENDING
    type_into(qtbot, editor.reject_reason_edit, "当天有区里的活动")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.reject_button, Qt.MouseButton.LeftButton)
    (row,) = bookings(db)
    assert row.status == BookingStatus.REJECTED and row.decision_reason == "当天有区里的活动"


def test_a_council_meeting_opens_its_agenda_when_agendas_are_installed(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    centre: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys
    import types

    from PySide6.QtWidgets import QDialog

    import ui.rooms.editor as editor_module

    opened: list[int] = []

    class AgendaDialog(QDialog):
        def __init__(self, _context: object, booking_id: int, parent: QDialog) -> None:
            super().__init__(parent)
            opened.append(booking_id)

    fake = types.ModuleType("ui.rooms.agenda")
    fake.AgendaDialog = AgendaDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.rooms.agenda", fake)
    monkeypatch.setattr(editor_module, "module_exists", lambda _name: True)
    with db.write() as session:
        created = booking.create(
            session,
            staff,
            BookingInput(
                centre["meeting"],
                "理事会例会",
                at(DEC_2, "18:00"),
                at(DEC_2, "19:30"),
                BookingKind.COUNCIL,
                organisation_id=centre["council"],
            ),
        )
    editor = make_editor(qtbot, db, staff)
    choose(qtbot, editor.kind_combo, "Council meeting")
    assert not editor.agenda_button.isVisible()  # a meeting not booked yet has no agenda
    assert editor.load(created.booking_ids[0])
    assert editor.organisation_combo.currentText() == "桃园社区自治理事会"
    assert editor.agenda_button.isVisible()
    qtbot.mouseClick(editor.agenda_button, Qt.MouseButton.LeftButton)
    assert opened == created.booking_ids


def test_the_organisation_list_is_the_active_ones_in_dictionary_order_councils_for_a_meeting(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    from app.models import Organisation, OrganisationKind

    with db.write() as session:
        session.add_all(
            [
                Organisation(name="阿福读书会", kind=OrganisationKind.INTRODUCED.value),
                Organisation(name="张江议事会", kind=OrganisationKind.COUNCIL.value),
                Organisation(name="旧的合唱团", kind=OrganisationKind.PARTNER.value, active=False),
            ]
        )
    editor = make_editor(qtbot, db, staff)

    def offered() -> list[str]:
        combo = editor.organisation_combo
        return [combo.itemText(index) for index in range(combo.count())]

    choose(qtbot, editor.kind_combo, "Social organisation")
    # By pinyin: a(fu), tao(yuan), wu(cai), zhang(jiang); the inactive choir is not offered.
    assert offered() == ["阿福读书会", "桃园社区自治理事会", "五彩亲子公益发展中心", "张江议事会"]
    assert editor.organisation_row.text() == "Social organisation"
    choose(qtbot, editor.kind_combo, "Council meeting")
    assert offered() == ["桃园社区自治理事会", "张江议事会"]
    assert editor.organisation_row.text() == "Council"
    fill_class(qtbot, editor)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.message("organisation_id") == "Choose the council that meets."
    assert bookings(db) == []
