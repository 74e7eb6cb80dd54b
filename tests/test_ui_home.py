"""The Home desk shows exactly what the database holds; its table models work without a window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import i18n
from app import settings as settings_module
from app.db import Database
from app.models import (
    ActivitySession,
    Booking,
    BookingStatus,
    Person,
    Purpose,
    Room,
    ServiceItem,
    Signup,
    Visit,
)
from app.security import Actor
from app.services.home import BookingLine, SessionLine
from ui.context import DeskContext
from ui.home.chart import VisitsChart
from ui.home.desk import HomeDesk
from ui.home.models import RAW_ROLE, PurposeCountModel, RoomScheduleModel, WeekSessionsModel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = dt.date(2025, 3, 14)  # in the past: today's pending booking has ended


def at(days: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(TODAY + dt.timedelta(days=days), dt.time(hour, minute))


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


@pytest.fixture
def centre_day(db: Database, admin: Actor) -> None:
    """Today: 5 live visits (2 government, 2 life services, 1 request), an undone one and older
    ones; two rooms with three bookings today (one pending), one cancelled, two pending ahead;
    three sessions this week (one full with a waitlist), one cancelled, one next week."""
    with db.write() as session:
        people = [Person(member_code=f"YL{n:06d}", name=f"居民{n}") for n in range(6)]
        hall = Room(name="多功能厅", capacity=60, sort_order=1)
        studio = Room(name="书画室", capacity=20, sort_order=2)
        calligraphy = ServiceItem(series_id=4, name="书法班")
        health = ServiceItem(series_id=3, name="健康讲座")
        session.add_all([*people, hall, studio, calligraphy, health])
        session.flush()
        visits = [
            (at(0, 9), Purpose.GOVERNMENT),
            (at(0, 10), Purpose.GOVERNMENT),
            (at(0, 11), Purpose.LIFE_SERVICE),
            (at(0, 15), Purpose.LIFE_SERVICE),
            (at(0, 16), Purpose.REQUEST),
            (at(-1, 9), Purpose.OTHER),
            (at(-1, 10), Purpose.OTHER),
            (at(-3, 10), Purpose.ACTIVITY),
            (at(-40, 10), Purpose.ACTIVITY),  # outside the 30 days
        ]
        session.add_all(
            Visit(person_id=people[0].id, at=when, purpose=purpose.value)
            for when, purpose in visits
        )
        session.add(
            Visit(person_id=people[1].id, at=at(0, 12), purpose="other", undone_at=at(0, 12, 5))
        )
        session.add_all(
            [
                Booking(room_id=hall.id, title="居委会议", kind="staff", starts_at=at(0, 9),
                        ends_at=at(0, 11)),
                Booking(room_id=studio.id, title="书法班", kind="activity", starts_at=at(0, 14),
                        ends_at=at(0, 16)),
                Booking(room_id=hall.id, title="合唱排练", kind="resident", status="pending",
                        starts_at=at(0, 18), ends_at=at(0, 19)),
                Booking(room_id=hall.id, title="取消的", kind="staff", status="cancelled",
                        starts_at=at(0, 12), ends_at=at(0, 13)),
                # Pending far ahead: awaiting approval whatever day the test runs.
                Booking(room_id=studio.id, title="读书会", kind="organisation", status="pending",
                        starts_at=at(3000, 9), ends_at=at(3000, 10)),
                Booking(room_id=studio.id, title="编织", kind="resident", status="pending",
                        starts_at=at(3001, 9), ends_at=at(3001, 10)),
            ]
        )  # fmt: skip
        full = ActivitySession(
            item_id=calligraphy.id,
            room_id=studio.id,
            starts_at=at(0, 14),
            ends_at=at(0, 16),
            capacity=2,
        )
        talk = ActivitySession(
            item_id=health.id,
            room_id=hall.id,
            starts_at=at(2, 9, 30),
            ends_at=at(2, 11),
            capacity=40,
        )
        outdoor = ActivitySession(
            item_id=health.id, room_id=None, starts_at=at(6, 8), ends_at=at(6, 9), capacity=10
        )
        cancelled = ActivitySession(
            item_id=health.id,
            room_id=hall.id,
            starts_at=at(1, 9),
            ends_at=at(1, 10),
            capacity=10,
            cancelled=True,
        )
        next_week = ActivitySession(item_id=health.id, room_id=hall.id, starts_at=at(7, 9),
                                    ends_at=at(7, 10), capacity=10)  # fmt: skip
        session.add_all([full, talk, outdoor, cancelled, next_week])
        session.flush()
        session.add_all(
            [
                Signup(session_id=full.id, person_id=people[0].id),
                Signup(session_id=full.id, person_id=people[1].id),
                Signup(session_id=full.id, person_id=people[2].id, status="waitlisted",
                       waitlist_position=1),
                Signup(session_id=full.id, person_id=people[3].id, status="waitlisted",
                       waitlist_position=2),
                Signup(session_id=full.id, person_id=people[4].id, status="cancelled"),
                Signup(session_id=talk.id, person_id=people[5].id),
            ]
        )  # fmt: skip


@pytest.fixture
def home_desk(qtbot: QtBot, db: Database, desk: Actor, centre_day: None) -> HomeDesk:
    widget = HomeDesk(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(widget)
    widget.refresh(TODAY)
    return widget


def test_cards_show_the_databases_counts(home_desk: HomeDesk) -> None:
    assert home_desk.visits_card.value() == 5
    assert home_desk.pending_card.value() == 2
    assert home_desk.sessions_card.value() == 3
    visits = home_desk.findChild(QLabel, "home.visitsToday.value")
    pending = home_desk.findChild(QLabel, "home.pendingApprovals.value")
    sessions = home_desk.findChild(QLabel, "home.weekSessions.value")
    assert visits is not None and pending is not None and sessions is not None
    assert (visits.text(), pending.text(), sessions.text()) == ("5", "2", "3")
    assert "5" in home_desk.visits_card.accessibleName()


def test_visits_by_purpose_have_display_names_and_counts(home_desk: HomeDesk) -> None:
    model = home_desk.purposes_model
    assert model.counts() == {
        Purpose.GOVERNMENT: 2,
        Purpose.LIFE_SERVICE: 2,
        Purpose.REQUEST: 1,
    }
    assert [model.row_texts(r) for r in range(model.rowCount())] == [
        ["Government affairs", "2"],
        ["Life services", "2"],
        ["Resident request", "1"],
    ]


def test_todays_room_schedule(home_desk: HomeDesk) -> None:
    model = home_desk.rooms_model
    assert model.header_texts() == ["Time", "Room", "What", "Status"]
    assert [model.row_texts(r) for r in range(model.rowCount())] == [
        ["09:00–11:00", "多功能厅", "居委会议", "Confirmed"],
        ["14:00–16:00", "书画室", "书法班", "Confirmed"],
        ["18:00–19:00", "多功能厅", "合唱排练", "Awaiting approval"],
    ]
    assert model.data(model.index(2, 3), RAW_ROLE) == BookingStatus.PENDING


def test_this_weeks_sessions_with_signups_capacity_and_waitlist(home_desk: HomeDesk) -> None:
    model = home_desk.sessions_model
    assert model.rowCount() == 3
    rows = [model.row_texts(r) for r in range(model.rowCount())]
    assert [row[1:] for row in rows] == [
        ["文化友邻", "书法班", "书画室", "2 / 2 (full)", "2"],
        ["康养友邻", "健康讲座", "多功能厅", "1 / 40", "0"],
        ["康养友邻", "健康讲座", "(no room)", "0 / 10", "0"],
    ]
    assert rows[0][0].endswith("14:00–16:00")
    assert "14" in rows[0][0]
    assert model.data(model.index(0, 4), RAW_ROLE) == (2, 2)


def test_visits_per_day_chart_has_the_numbers_in_words(home_desk: HomeDesk) -> None:
    days = home_desk.chart.days()
    assert len(days) == 30
    assert days[-1] == (TODAY, 5)
    assert dict(days)[TODAY - dt.timedelta(days=1)] == 2
    assert dict(days)[TODAY - dt.timedelta(days=3)] == 1
    assert sum(count for _day, count in days) == 8
    description = home_desk.chart.accessibleDescription()
    assert "8 visits" in description
    assert description == home_desk.chart.toolTip()


def test_refresh_reads_new_rows(qtbot: QtBot, home_desk: HomeDesk, db: Database) -> None:
    with db.write() as session:
        session.add(Visit(at=at(0, 17), purpose=Purpose.PARTY_DUES.value))
    home_desk.refresh(TODAY)
    assert home_desk.visits_card.value() == 6
    assert home_desk.purposes_model.counts()[Purpose.PARTY_DUES] == 1


def test_f5_and_the_button_refresh(qtbot: QtBot, db: Database, desk: Actor) -> None:
    widget = HomeDesk(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()  # shown: refreshed for the real today
        widget.activateWindow()
    assert widget.figures is not None and widget.figures.visits_today == 0
    with db.write() as session:
        session.add(Visit(purpose=Purpose.GOVERNMENT.value))
    qtbot.keyClick(widget.purposes_view, Qt.Key.Key_F5)
    assert widget.visits_card.value() == 1
    with db.write() as session:
        session.add(Visit(purpose=Purpose.GOVERNMENT.value))
    button = widget.findChild(QPushButton, "home.refresh")
    assert button is not None and button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert widget.visits_card.value() == 2


def test_empty_tables_say_so_in_words(qtbot: QtBot, db: Database, desk: Actor) -> None:
    widget = HomeDesk(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(widget)
    widget.refresh(TODAY)
    for name in ("home.purposes", "home.rooms", "home.sessions", "home.chart"):
        label = widget.findChild(QLabel, f"{name}.empty")
        assert label is not None and label.text()
        assert label.parentWidget().currentWidget() is label  # type: ignore[attr-defined]


# --- the models alone, no window ----------------------------------------------------------------


def test_purpose_model_without_a_window(qtmodeltester: object) -> None:
    model = PurposeCountModel()
    model.set_counts({Purpose.OTHER: 1, Purpose.PARTY_TRANSFER: 4, Purpose.ROOM_USE: 0})
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    assert model.row_texts(0) == ["Party: membership transfer", "4"]
    assert model.row_texts(1) == ["Other", "1"]


def test_room_model_names_the_days_of_a_booking_over_midnight(qtmodeltester: object) -> None:
    model = RoomScheduleModel()
    model.set_lines(
        [BookingLine("多功能厅", at(0, 22), at(1, 8), "通宵值班", BookingStatus.CONFIRMED)], TODAY
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    text = model.row_texts(0)[0]
    assert "22:00" in text and "08:00" in text and "14" in text and "15" in text


def test_session_model_without_a_window(qtmodeltester: object) -> None:
    model = WeekSessionsModel()
    model.set_lines([SessionLine(1, at(1, 9), at(1, 10), "社区友邻", "理发", "", 3, 10, 0)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.row_texts(0)[1:] == ["社区友邻", "理发", "(no room)", "3 / 10", "0"]


def test_a_full_session_says_so_in_chinese_with_its_waitlist(qtbot: QtBot, chinese: None) -> None:
    """Seats count companions (the service sums them); 满 when none is left, and who waits."""
    model = WeekSessionsModel()
    model.set_lines(
        [
            SessionLine(1, at(1, 10), at(1, 11), "文化友邻", "亲子绘本阅读", "阅览室", 15, 15, 3),
            SessionLine(2, at(2, 10), at(2, 11), "文化友邻", "亲子绘本阅读", "阅览室", 14, 15, 1),
        ]
    )
    assert [model.row_texts(r)[4:] for r in range(2)] == [["15 / 15 满", "3"], ["14 / 15", "1"]]


def test_chart_summary_without_data(qtbot: QtBot) -> None:
    chart = VisitsChart()
    qtbot.addWidget(chart)
    chart.set_days([])
    assert chart.accessibleDescription() == "No visits recorded yet."


# --- bookings awaiting approval (staff and admin) ------------------------------------------


def test_staff_see_the_bookings_awaiting_approval(
    qtbot: QtBot, db: Database, staff: Actor, centre_day: None
) -> None:
    widget = HomeDesk(DeskContext(db, staff, settings_module.load()))
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh(TODAY)
    model = widget.pending_model
    assert model.rowCount() == widget.pending_card.value() == 2  # the same bookings
    assert model.header_texts() == ["When", "Room", "What", "Asked by"]
    first = model.row_texts(0)
    assert first[1:3] == ["书画室", "读书会"] and first[0].endswith("09:00–10:00")
    assert not widget.pending_section.isHidden() and widget.pending_view.isVisible()

    view = widget.pending_view
    view.setFocus()
    view.setCurrentIndex(model.index(1, 0))
    with qtbot.waitSignal(widget.pending_booking_activated) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    booking_id, day = signal.args
    assert day == (TODAY + dt.timedelta(days=3001))
    with db.read() as session:
        booking = session.get(Booking, booking_id)
        assert booking is not None and booking.title == "编织"


def test_no_list_for_desk_volunteers_and_an_empty_one_says_so(
    qtbot: QtBot, db: Database, desk: Actor, staff: Actor
) -> None:
    volunteer = HomeDesk(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(volunteer)
    volunteer.refresh(TODAY)
    assert volunteer.pending_section.isHidden() and volunteer.pending_model.rowCount() == 0
    staff_home = HomeDesk(DeskContext(db, staff, settings_module.load()))
    qtbot.addWidget(staff_home)
    staff_home.show()
    staff_home.refresh(TODAY)
    empty = staff_home.findChild(QLabel, "home.pending.empty")
    assert empty is not None and empty.isVisible()
    assert empty.text() == "No booking is awaiting approval."


def test_the_main_window_follows_a_pending_booking_to_the_rooms_desk(
    qtbot: QtBot, db: Database, staff: Actor, centre_day: None
) -> None:
    from ui.main_window import MainWindow
    from ui.rooms.desk import RoomsDesk

    window = MainWindow(DeskContext(db, staff, settings_module.load()), "东社区邻里中心")
    qtbot.addWidget(window)
    window.show()
    home = window.desk("home")
    assert isinstance(home, HomeDesk)
    home.refresh(TODAY)
    with db.read() as session:
        booking = session.scalars(
            select(Booking).where(Booking.status == BookingStatus.PENDING.value)
        ).first()
        assert booking is not None
        booking_id, day = booking.id, booking.starts_at.date()
    home.pending_booking_activated.emit(booking_id, day)
    assert window.current_desk_key() == "rooms"
    rooms = window.desk("rooms")
    assert isinstance(rooms, RoomsDesk)
    assert rooms.shown_days()[0] == day
    assert rooms.calendar.current_booking_id() == booking_id  # type: ignore[attr-defined]
    assert rooms.pending_button.isChecked()


def test_enter_on_a_session_of_the_week_opens_it_in_the_service_menu(
    qtbot: QtBot, db: Database, desk: Actor, centre_day: None
) -> None:
    from ui.main_window import MainWindow
    from ui.menu.desk import MenuDesk

    window = MainWindow(DeskContext(db, desk, settings_module.load()), "东社区邻里中心")
    qtbot.addWidget(window)
    window.show()
    home = window.desk("home")
    assert isinstance(home, HomeDesk)
    home.refresh(TODAY)
    view = home.sessions_view
    model = home.sessions_model
    assert model.row_texts(1)[2] == "健康讲座"
    session_id = model.line(1).id
    view.setFocus()
    view.setCurrentIndex(model.index(1, 0))
    with qtbot.waitSignal(home.session_activated) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [session_id]
    assert window.current_desk_key() == "menu"
    menu = window.desk("menu")
    assert isinstance(menu, MenuDesk)
    assert menu.session_id() == session_id
    detail = menu.detail()
    assert detail is not None and detail.row.item == "健康讲座"
    # A double-click does the same.
    assert window.switch_to("home")
    home.refresh(TODAY)  # shown again, Home reads the real today's week
    rect = view.visualRect(model.index(0, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_desk_key() == "menu" and menu.session_id() == model.line(0).id


def test_pending_model_without_a_window(qtmodeltester: object) -> None:
    from app.services.home import PendingLine
    from ui.home.pending import PendingBookingsModel

    model = PendingBookingsModel()
    model.set_lines([PendingLine(7, at(1, 14), at(1, 16), "多功能厅", "合唱排练", "")])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.row_texts(0)[1:] == ["多功能厅", "合唱排练", "—"]
