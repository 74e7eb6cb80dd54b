"""The session editor driven like a member of staff: a session of the menu in a booked room, a
clash named beside the time, a term's plan that leaves out National Day, more places moving the
waitlist up."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import clock
from app.db import Database
from app.models import ActivitySession, Booking, BookingKind, ServiceItem
from app.security import Actor
from app.services import rooms
from app.services.menu import sessions, signups
from app.services.rooms import Frequency, Recurrence
from tests.menu_data import add_item, add_people
from tests.rooms_ui import add_rooms, choose, context, type_into
from ui.labels import format_day
from ui.menu.date_field import parse_day
from ui.menu.session_editor import SessionEditor

DEC_2 = dt.date(2026, 12, 2)  # a Wednesday, a week after TEST_NOW


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


@pytest.fixture
def centre(db: Database, admin: Actor, clock_at: clock.FixedClock) -> dict[str, int]:
    """多功能厅 (60 seats), 书画室 (12), 会议室 (20, closed on Sundays); 行走的党课 (90 minutes,
    15 places, provided by 五彩亲子公益发展中心)."""
    ids = add_rooms(db)
    with db.write() as session:
        ids["item"] = add_item(session, "行走的党课", audience="党员")
        item = session.get(ServiceItem, ids["item"])
        assert item is not None
        item.default_capacity, item.default_minutes = 10, 90
        item.organisation_id = ids["wucai"]
    return ids


def make_editor(qtbot: QtBot, db: Database, actor: Actor, **kwargs: object) -> SessionEditor:
    editor = SessionEditor(context(db, actor), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def fill_lesson(qtbot: QtBot, editor: SessionEditor, centre: dict[str, int]) -> None:
    assert editor.set_item(centre["item"])
    type_into(qtbot, editor.date_field, DEC_2.isoformat())
    type_into(qtbot, editor.start_edit, "14:00")
    choose(qtbot, editor.room_combo, "书画室")


def test_staff_plan_a_session_through_the_dialog(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    editor = make_editor(qtbot, db, staff)
    fill_lesson(qtbot, editor, centre)
    # The item's defaults: 10 places, 90 minutes, its provider and audience.
    assert editor.capacity_spin.value() == 10 and editor.end_edit.currentText() == "15:30"
    assert editor.organisation_id() == centre["wucai"] and editor.audience_edit.text() == "党员"
    type_into(qtbot, editor.organiser_edit, "社工 李晓燕")
    editor.set_deadline_days(1)
    type_into(qtbot, editor.deadline_time, "17:00")
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with db.read() as session:
        (activity,) = session.scalars(select(ActivitySession))
        assert saved.args[0] == [activity.id]
        booking = session.get(Booking, activity.booking_id)
        assert booking is not None and booking.kind == BookingKind.ACTIVITY
        assert (booking.starts_at, booking.ends_at) == (at(DEC_2, "14:00"), at(DEC_2, "15:30"))
        assert booking.room_id == centre["art"] and activity.capacity == 10
        assert activity.signup_deadline == at(dt.date(2026, 12, 1), "17:00")
        assert activity.organiser == "社工 李晓燕" and activity.organisation_id == centre["wucai"]
    assert not editor.isVisible()


def test_more_places_than_seats_needs_a_tick(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    editor = make_editor(qtbot, db, staff)
    fill_lesson(qtbot, editor, centre)
    type_into(qtbot, editor.capacity_spin, "15")
    assert "12" in editor.capacity_warning_text() and editor.over_box.isVisible()
    assert editor.save() is None
    assert "12" in editor.message("capacity")
    qtbot.mouseClick(editor.over_box, Qt.MouseButton.LeftButton)
    assert editor.save() is not None


def test_a_clash_names_the_booking_in_the_way_beside_the_time(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        rooms.create(
            session,
            staff,
            rooms.BookingInput(
                room_id=centre["art"],
                title="书法班",
                starts_at=at(DEC_2, "15:00"),
                ends_at=at(DEC_2, "17:00"),
                kind=BookingKind.STAFF,
            ),
        )
    editor = make_editor(qtbot, db, staff)
    fill_lesson(qtbot, editor, centre)
    qtbot.waitUntil(lambda: "多功能厅" in editor.free_rooms_text())
    assert "书画室" not in editor.free_rooms_text()
    assert editor.save() is None
    assert "书法班" in editor.message("starts_at")
    assert editor.isVisible()
    with db.read() as session:
        assert list(session.scalars(select(ActivitySession))) == []


def test_a_plan_preview_lists_national_day_and_skips_it(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int], clock_at: clock.FixedClock
) -> None:
    clock_at.set(dt.datetime(2026, 9, 1, 9, 0))
    editor = make_editor(qtbot, db, staff, item_id=centre["item"], day=dt.date(2026, 9, 24))
    choose(qtbot, editor.room_combo, "会议室")
    editor.set_recurrence(Recurrence(Frequency.WEEKLY, count=4))
    assert editor.preview_button.isVisible()
    preview = editor.preview()
    assert preview is not None and editor.showing_report()
    lines = editor.report_lines()
    assert len(lines) == 1 and "国庆节" in lines[0]
    assert format_day(dt.date(2026, 9, 24)) in editor.dates_text()
    assert format_day(dt.date(2026, 10, 1)) not in editor.dates_text()
    with db.read() as session:
        assert list(session.scalars(select(ActivitySession))) == []
    assert editor.save() is None and editor.showing_report()  # asks first
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(editor.skip_button, Qt.MouseButton.LeftButton)
    assert len(saved.args[0]) == 3
    with db.read() as session:
        days = sorted(row.starts_at.date() for row in session.scalars(select(ActivitySession)))
    assert days == [dt.date(2026, 9, 24), dt.date(2026, 10, 8), dt.date(2026, 10, 15)]


def test_a_plan_that_clashes_offers_to_skip_or_go_back(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        rooms.create(
            session,
            staff,
            rooms.BookingInput(
                room_id=centre["hall"],
                title="合唱排练",
                starts_at=at(dt.date(2026, 12, 9), "14:00"),
                ends_at=at(dt.date(2026, 12, 9), "15:00"),
                kind=BookingKind.STAFF,
            ),
        )
    editor = make_editor(qtbot, db, staff, item_id=centre["item"], day=DEC_2)
    choose(qtbot, editor.room_combo, "多功能厅")
    editor.set_recurrence(Recurrence(Frequency.WEEKLY, count=3))
    assert editor.save() is None
    assert any("合唱排练" in line for line in editor.report_lines())
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert not editor.showing_report() and editor.isVisible()
    with db.read() as session:
        assert list(session.scalars(select(ActivitySession))) == []


def test_more_places_move_the_waitlist_up_and_say_who(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        created = sessions.create_session(
            session,
            staff,
            sessions.SessionInput(
                item_id=centre["item"],
                room_id=centre["art"],
                starts_at=at(DEC_2, "14:00"),
                ends_at=at(DEC_2, "15:30"),
                capacity=1,
            ),
        )
        people = add_people(session, ["王建国", "李秀英"])
    with db.write() as session:
        for person in people:
            signups.sign_up(session, staff, created.session_id, person)
    editor = make_editor(qtbot, db, staff, session_id=created.session_id)
    assert not editor.item_combo.isEnabled()  # people signed up: the activity stays
    assert editor.room() is not None and editor.room().name == "书画室"  # type: ignore[union-attr]
    editor.set_capacity(2)
    with qtbot.waitSignal(editor.saved):
        assert editor.save() == [created.session_id]
    assert [p.name for p in editor.promoted()] == ["李秀英"]
    assert "李秀英" in editor.promoted_text() and editor.isVisible()


def test_a_past_session_is_recorded_only_when_confirmed_and_its_words_change_freely(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int], clock_at: clock.FixedClock
) -> None:
    monday = dt.date(2026, 11, 23)
    editor = make_editor(qtbot, db, staff, item_id=centre["item"], day=monday)
    choose(qtbot, editor.room_combo, "书画室")
    assert editor.save() is None and editor.past_box.isVisible()
    assert editor.message("starts_at")
    qtbot.mouseClick(editor.past_box, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    (session_id,) = saved.args[0]
    # Changing what it says of a past session needs no confirmation: it doesn't move.
    again = make_editor(qtbot, db, staff, session_id=session_id)
    type_into(qtbot, again.organiser_edit, "社工 王芳")
    with qtbot.waitSignal(again.saved):
        assert again.save() == [session_id]
    with db.read() as session:
        activity = session.get(ActivitySession, session_id)
        assert activity is not None and activity.organiser == "社工 王芳"


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_editor_fits_1366_by_768_in_both_text_sizes(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    centre: dict[str, int],
    qapp: object,
    text_size: None,
    size: str,
) -> None:
    from ui import style

    style.apply_text_size(qapp, size)  # type: ignore[arg-type]
    editor = make_editor(qtbot, db, staff, item_id=centre["item"], day=DEC_2)
    choose(qtbot, editor.room_combo, "书画室")
    editor.set_recurrence(Recurrence(Frequency.WEEKLY, count=4))
    editor.preview()
    hint = editor.minimumSizeHint()
    assert hint.width() <= 1366 * 9 // 10 and hint.height() <= 768 - 60
    # Nothing the person acts on is narrower than its text.
    for combo in (editor.item_combo, editor.room_combo, editor.date_field):
        assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText())


def test_a_session_of_a_plan_says_a_change_is_for_it_alone(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    plan = sessions.PlanInput(
        item_id=centre["item"],
        room_id=centre["hall"],
        first_day=DEC_2,
        start_time=dt.time(14),
        end_time=dt.time(16),
        recurrence=Recurrence(Frequency.WEEKLY, count=3),
        capacity=20,
    )
    with db.write() as session:
        created = sessions.create_plan(session, staff, plan)
    editor = make_editor(qtbot, db, staff, session_id=created.session_ids[1])
    assert editor.plan_hint.isVisible() and not editor.recurrence.isVisible()
    type_into(qtbot, editor.start_edit, "09:00")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    with db.read() as session:
        starts = [
            row.starts_at
            for row in session.scalars(select(ActivitySession).order_by(ActivitySession.id))
        ]
    assert [start.time() for start in starts] == [dt.time(14), dt.time(9), dt.time(14)]


def test_every_field_is_named_for_the_menu_editor(
    qtbot: QtBot, db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    editor = make_editor(qtbot, db, staff)
    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox)
    acted_on = [
        widget
        for widget in editor.findChildren(QWidget)
        if isinstance(widget, kinds)
        and not isinstance(widget.parentWidget(), kinds)
        and not widget.objectName().startswith("qt_")  # Qt's own parts of a table, a box
    ]
    assert acted_on
    for widget in acted_on:
        assert widget.objectName().startswith("menu.editor."), widget
        assert widget.accessibleName(), widget.objectName()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-12-02", dt.date(2026, 12, 2)),
        ("2026-12-02 周三", dt.date(2026, 12, 2)),
        ("2026/12/2", dt.date(2026, 12, 2)),
        ("2026年12月2日", dt.date(2026, 12, 2)),
        ("20261202", dt.date(2026, 12, 2)),
        ("12-2", dt.date(2026, 12, 2)),
        ("12月2日", dt.date(2026, 12, 2)),
        ("1-6", dt.date(2027, 1, 6)),  # the next 6 January
        ("11-20", dt.date(2026, 11, 20)),  # last week's, not next year's
        ("2026-02-30", None),
        ("明天", None),
        ("", None),
    ],
)
def test_a_day_is_read_as_a_volunteer_types_it(text: str, day: dt.date | None) -> None:
    assert parse_day(text, dt.date(2026, 11, 25)) == day
