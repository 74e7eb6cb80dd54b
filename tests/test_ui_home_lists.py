"""The lists behind the Home charts (`app.services.statistics.lists`): each holds exactly the rows
its bar counts, phones masked; and on the Home desk a click or Enter on a bar opens that list."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import clock, i18n
from app import settings as settings_module
from app.db import Database
from app.models import (
    ActivitySession,
    Booking,
    BuildingGroup,
    Community,
    Person,
    Purpose,
    Room,
    RoomHours,
    ServiceItem,
    ServiceRecord,
    Signup,
    Visit,
    Volunteer,
)
from app.security import Actor
from app.services import home
from app.services.statistics import activity, lists, rooms, volunteers
from app.services.statistics.period import Period
from tests.conftest import TEST_NOW
from ui.context import DeskContext
from ui.home.chart import BarChart
from ui.home.desk import HomeDesk
from ui.home.list_models import RAW_ROLE, SeriesSessionsModel, VisitRowsModel
from ui.home.lists import ChartListDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = TEST_NOW.date()  # Wednesday 25 November 2026
MONTH = Period.month(TODAY.year, TODAY.month)
WEEK = Period.week_of(TODAY)
YEAR = Period.year(TODAY.year)
CULTURE = 4  # 文化友邻, one of the five series the migrations write


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


@pytest.fixture
def centre(db: Database) -> dict[str, int]:
    """Visits today and this month (one undone, one last month); a culture session this month
    with every kind of signup, a cancelled one and one next month; a room open 08:00-21:00 with
    bookings of every status; a volunteer with records this year and last year."""
    with db.write() as session:
        east = Community(name="东社区", sort_order=1)
        session.add(east)
        session.flush()
        group = BuildingGroup(community_id=east.id, name="1号楼组", sort_order=1)
        session.add(group)
        session.flush()
        wang = Person(
            member_code="YL000001",
            name="王秀英",
            phone="13812345678",
            community_id=east.id,
            building_group_id=group.id,
        )
        li = Person(member_code="YL000002", name="李建国", phone="021-57681234")
        others = [Person(member_code=f"YL00010{n}", name=f"居民{n}") for n in range(6)]
        session.add_all([wang, li, *others])
        session.flush()
        session.add_all([
            Visit(person_id=wang.id, community_id=east.id, at=at(TODAY, 9),
                  purpose=Purpose.GOVERNMENT.value, note="回电 13998765432"),
            Visit(person_id=li.id, at=at(TODAY, 10), purpose=Purpose.LIFE_SERVICE.value),
            Visit(person_id=li.id, at=at(TODAY, 11), purpose=Purpose.GOVERNMENT.value,
                  undone_at=at(TODAY, 11, 1)),
            Visit(person_id=wang.id, at=at(dt.date(2026, 11, 3), 9),
                  purpose=Purpose.GOVERNMENT.value),
            Visit(person_id=wang.id, at=at(dt.date(2026, 10, 31), 9),
                  purpose=Purpose.GOVERNMENT.value),
        ])  # fmt: skip

        hall = Room(name="多功能厅", capacity=60, sort_order=1)
        studio = Room(name="书画室", capacity=12, sort_order=2)
        session.add_all([hall, studio])
        session.flush()
        for room in (hall, studio):
            session.add_all(
                RoomHours(room_id=room.id, weekday=d, opens=dt.time(8), closes=dt.time(21))
                for d in range(7)
            )
        monday = WEEK.first
        session.add_all([
            Booking(room_id=hall.id, title="书法班", kind="activity", starts_at=at(monday, 14),
                    ends_at=at(monday, 16)),
            Booking(room_id=hall.id, title="居委会议", kind="staff", starts_at=at(TODAY, 9),
                    ends_at=at(TODAY, 10, 30)),
            Booking(room_id=hall.id, title="合唱排练", kind="resident", status="pending",
                    starts_at=at(TODAY, 18), ends_at=at(TODAY, 19)),
            Booking(room_id=hall.id, title="取消的", kind="staff", status="cancelled",
                    starts_at=at(TODAY, 12), ends_at=at(TODAY, 13)),
            Booking(room_id=hall.id, title="下周的", kind="staff",
                    starts_at=at(WEEK.last + dt.timedelta(days=1), 9),
                    ends_at=at(WEEK.last + dt.timedelta(days=1), 10)),
            Booking(room_id=studio.id, title="读书会", kind="staff", starts_at=at(TODAY, 9),
                    ends_at=at(TODAY, 11)),
        ])  # fmt: skip

        calligraphy = ServiceItem(series_id=CULTURE, name="书法班")
        session.add(calligraphy)
        session.flush()
        held = ActivitySession(
            item_id=calligraphy.id,
            room_id=hall.id,
            starts_at=at(dt.date(2026, 11, 23), 14),
            ends_at=at(dt.date(2026, 11, 23), 16),
            capacity=10,
        )
        later = ActivitySession(
            item_id=calligraphy.id,
            room_id=None,
            starts_at=at(dt.date(2026, 11, 27), 14),
            ends_at=at(dt.date(2026, 11, 27), 16),
            capacity=10,
        )
        cancelled = ActivitySession(
            item_id=calligraphy.id,
            room_id=hall.id,
            starts_at=at(dt.date(2026, 11, 10), 14),
            ends_at=at(dt.date(2026, 11, 10), 16),
            capacity=10,
            cancelled=True,
        )
        december = ActivitySession(
            item_id=calligraphy.id,
            room_id=hall.id,
            starts_at=at(dt.date(2026, 12, 1), 14),
            ends_at=at(dt.date(2026, 12, 1), 16),
            capacity=10,
        )
        session.add_all([held, later, cancelled, december])
        session.flush()
        p = [person.id for person in others]
        session.add_all([
            Signup(session_id=held.id, person_id=wang.id, seats=2, attended=True),
            Signup(session_id=held.id, person_id=li.id, no_show=True),
            Signup(session_id=held.id, person_id=p[0], walk_in=True, attended=True),
            Signup(session_id=held.id, person_id=p[1], status="waitlisted", waitlist_position=1),
            Signup(session_id=held.id, person_id=p[2], status="cancelled"),
            Signup(session_id=cancelled.id, person_id=p[3]),
            Signup(session_id=december.id, person_id=p[4]),
        ])  # fmt: skip

        volunteer = Volunteer(person_id=wang.id, volunteer_number="V0001")
        session.add(volunteer)
        session.flush()
        session.add_all([
            ServiceRecord(volunteer_id=volunteer.id, day=dt.date(2026, 3, 1),
                          hours=Decimal("2.5"), content="桶前督导", kind="duty"),
            ServiceRecord(volunteer_id=volunteer.id, day=dt.date(2026, 11, 20),
                          hours=Decimal("1.0"), content="桶前督导", kind="duty"),
            ServiceRecord(volunteer_id=volunteer.id, day=dt.date(2025, 12, 31),
                          hours=Decimal("4.0"), content="去年", kind="duty"),
        ])  # fmt: skip
        return {
            "wang": wang.id,
            "li": li.id,
            "hall": hall.id,
            "studio": studio.id,
            "held": held.id,
            "later": later.id,
        }


# --- the service ------------------------------------------------------------------------


def test_a_days_visits_are_those_that_stand_with_phones_and_notes_masked(
    db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with db.read() as session:
        rows = lists.visits(session, desk, Period(TODAY, TODAY))
        per_day = activity.visits_per_day(session, Period(TODAY, TODAY))
    assert [(row.name, row.purpose) for row in rows] == [
        ("王秀英", Purpose.GOVERNMENT),
        ("李建国", Purpose.LIFE_SERVICE),
    ]
    assert len(rows) == per_day[0].visits
    wang, li = rows
    assert (wang.phone, li.phone) == ("138****5678", "021-****1234")
    assert wang.note == "回电 139****5432"
    assert (wang.community, wang.building_group) == ("东社区", "1号楼组")
    assert li.community == ""


def test_a_purposes_visits_this_month_match_its_bar(
    db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with db.read() as session:
        rows = lists.visits(session, desk, MONTH, Purpose.GOVERNMENT)
        counts = {line.purpose: line.visits for line in activity.visits_by_purpose(session, MONTH)}
    assert [row.at for row in rows] == [at(dt.date(2026, 11, 3), 9), at(TODAY, 9)]
    assert len(rows) == counts[Purpose.GOVERNMENT] == 2


def test_a_series_sessions_add_up_to_its_bar(
    db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with db.read() as session:
        rows = lists.series_sessions(session, desk, CULTURE, MONTH)
        figures = next(s for s in activity.series(session, MONTH) if s.series_id == CULTURE)
    assert [row.session_id for row in rows] == [centre["held"], centre["later"]]
    held, later = rows
    # 王秀英 with a companion (2 seats, came), 李建国 did not come, a walk-in came.
    assert (held.signups, held.attended, held.no_shows, held.walk_ins) == (3, 3, 1, 1)
    assert (held.room, held.capacity, later.room, later.signups) == ("多功能厅", 10, "", 0)
    assert figures.sessions == len(rows)
    assert figures.signups == sum(row.signups for row in rows)
    assert figures.attended == sum(row.attended for row in rows)
    assert figures.no_shows == sum(row.no_shows for row in rows)


def test_a_rooms_held_bookings_this_week_add_up_to_its_booked_hours(
    db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with db.read() as session:
        rows = lists.room_bookings(session, desk, centre["hall"], WEEK)
        use = next(r for r in rooms.room_use(session, WEEK) if r.room_id == centre["hall"])
    assert [row.title for row in rows] == ["书法班", "居委会议"]
    assert sum(row.hours for row in rows) == pytest.approx(use.booked_hours) == 3.5


def test_a_volunteers_records_this_year_add_up_to_their_hours(
    db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with db.read() as session:
        rows = lists.volunteer_records(session, desk, centre["wang"], YEAR)
        top = volunteers.volunteer_hours(session, YEAR, 10)
    assert [row.day for row in rows] == [dt.date(2026, 11, 20), dt.date(2026, 3, 1)]
    assert lists.hours_of(rows) == top[0].hours == Decimal("3.5")


# --- the desk -----------------------------------------------------------------------------


@pytest.fixture
def home_desk(
    qtbot: QtBot, db: Database, desk: Actor, centre: dict[str, int], clock_at: clock.FixedClock
) -> HomeDesk:
    widget = HomeDesk(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitActive(widget):
        widget.show()  # shown: the figures are read for today
        widget.activateWindow()
    return widget


def listed(qtbot: QtBot, desk: HomeDesk) -> ChartListDialog:
    """The list window once its rows, read in the background, are shown."""
    dialog = desk.list_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.loading)
    return dialog


def _bar_of(chart: BarChart, key: object) -> int:
    return next(n for n, bar in enumerate(chart.bars()) if bar.key == key)


def test_the_charts_show_homes_figures(home_desk: HomeDesk, db: Database) -> None:
    with db.read() as session:
        figures = home.figures(session, TODAY)
    assert home_desk.figures == figures
    assert home_desk.purpose_chart.rows() == figures.purposes_this_month
    assert home_desk.series_chart.rows() == figures.series_this_month
    assert home_desk.room_chart.rows() == figures.rooms_this_week
    assert home_desk.volunteer_chart.rows() == figures.volunteers_this_year
    culture = home_desk.series_chart.bars()[_bar_of(home_desk.series_chart, CULTURE)]
    assert culture.texts == ("signed up 3", "came 3")
    assert culture.words == "文化友邻: 2 sessions, 3 signed up, 3 came (75% of those expected came)"
    hall = home_desk.room_chart.bars()[0]
    assert hall.texts[0].startswith("4% (3.5 of ")
    volunteer = home_desk.volunteer_chart.bars()[0]
    assert (volunteer.label, volunteer.texts) == ("王秀英", ("3.5 h",))
    assert "王秀英 (东社区): 3.5 hours" in home_desk.volunteer_chart.accessibleDescription()


def test_a_click_on_a_day_lists_its_visits(qtbot: QtBot, home_desk: HomeDesk) -> None:
    chart = home_desk.chart
    today = _bar_of(chart, TODAY)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(today).center().toPoint())
    dialog = listed(qtbot, home_desk)
    assert dialog is not None and dialog.isVisible()
    assert isinstance(dialog.table.model(), VisitRowsModel)
    assert [row[1:5] for row in dialog.rows()] == [
        ["王秀英", "东社区 · 1号楼组", "138****5678", "Government affairs"],
        ["李建国", "", "021-****1234", "Life services"],
    ]
    assert dialog.rows()[0][0] == "09:00"
    assert not dialog.open_button.isVisible()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_enter_on_a_purpose_lists_its_visits_this_month(qtbot: QtBot, home_desk: HomeDesk) -> None:
    home_desk.tabs.setCurrentIndex(1)
    chart = home_desk.purpose_chart
    chart.setFocus()
    assert chart.current() == 0  # the focus chooses the first bar
    for _ in range(_bar_of(chart, Purpose.GOVERNMENT)):
        qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    dialog = listed(qtbot, home_desk)
    assert dialog is not None and dialog.isVisible()
    model = dialog.table.model()
    assert [model.data(model.index(r, 0), RAW_ROLE) for r in range(model.rowCount())] == [
        at(dt.date(2026, 11, 3), 9),
        at(TODAY, 9),
    ]
    assert "Government affairs" in dialog.title.text()
    assert dialog.rows()[0][0].endswith("09:00") and "3" in dialog.rows()[0][0]


def test_a_series_lists_its_sessions_and_enter_opens_one_in_the_menu(
    qtbot: QtBot, home_desk: HomeDesk, centre: dict[str, int]
) -> None:
    home_desk.tabs.setCurrentIndex(1)
    chart = home_desk.series_chart
    qtbot.mouseClick(
        chart,
        Qt.MouseButton.LeftButton,
        pos=chart.bar_rect(_bar_of(chart, CULTURE)).center().toPoint(),
    )
    dialog = listed(qtbot, home_desk)
    assert dialog is not None and dialog.isVisible()
    assert isinstance(dialog.table.model(), SeriesSessionsModel)
    assert [row[1:] for row in dialog.rows()] == [
        ["书法班", "多功能厅", "3 / 10", "3", "1", "1"],
        ["书法班", "(no room)", "0 / 10", "0", "0", "0"],
    ]
    assert "2 sessions, 3 signed up, 3 came" in dialog.summary.text()
    dialog.table.setCurrentIndex(dialog.table.model().index(0, 0))
    with qtbot.waitSignal(home_desk.session_activated) as signal:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert signal.args == [centre["held"]]
    assert not dialog.isVisible()


def test_a_room_lists_its_week_and_leads_to_the_rooms_desk(
    qtbot: QtBot, home_desk: HomeDesk, centre: dict[str, int]
) -> None:
    home_desk.on_room_activated(centre["hall"])
    dialog = listed(qtbot, home_desk)
    assert [row[1:] for row in dialog.rows()] == [["书法班", "—", "2"], ["居委会议", "—", "1.5"]]
    assert dialog.open_button.isVisible() and dialog.open_button.accessibleName()
    with qtbot.waitSignal(home_desk.room_week_activated) as signal:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [centre["hall"], TODAY]


def test_a_volunteer_lists_their_records_and_leads_to_the_volunteers_desk(
    qtbot: QtBot, home_desk: HomeDesk, centre: dict[str, int]
) -> None:
    home_desk.on_volunteer_activated(centre["wang"])
    dialog = listed(qtbot, home_desk)
    assert [row[:2] for row in dialog.rows()] == [["2026-11-20", "1"], ["2026-03-01", "2.5"]]
    assert "2 records, 3.5 hours in 2026" in dialog.summary.text()
    with qtbot.waitSignal(home_desk.volunteer_activated) as signal:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [centre["wang"]]


def test_the_charts_are_read_again_when_home_is_shown(
    qtbot: QtBot, home_desk: HomeDesk, db: Database
) -> None:
    before = home_desk.purpose_chart.rows()
    with db.write() as session:
        session.add(Visit(at=at(TODAY, 15), purpose=Purpose.PARTY_DUES.value))
    home_desk.hide()
    home_desk.show()
    after = {row.purpose: row.visits for row in home_desk.purpose_chart.rows()}
    assert (
        after[Purpose.PARTY_DUES] == 1 + {r.purpose: r.visits for r in before}[Purpose.PARTY_DUES]
    )


def test_a_list_closed_while_it_is_read_stays_closed(
    qtbot: QtBot, home_desk: HomeDesk, centre: dict[str, int]
) -> None:
    from ui import jobs

    dialog = home_desk.on_volunteer_activated(centre["wang"])
    assert dialog.isVisible() and dialog.loading
    assert dialog.empty.isVisible() and dialog.empty.text() == "Reading the list…"
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not jobs.runner().running())
    qtbot.wait(20)
    assert not dialog.isVisible()


def test_a_list_that_cannot_be_read_says_so(
    qtbot: QtBot, home_desk: HomeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.errors import DatabaseProblem

    def broken(*_args: object) -> list[object]:
        raise DatabaseProblem("The database can't be used: disk I/O error")

    monkeypatch.setattr(lists, "visits", broken)
    home_desk.on_day_activated(TODAY)
    dialog = listed(qtbot, home_desk)
    assert dialog.empty.isVisible()
    assert dialog.empty.text() == "The database can't be used: disk I/O error"


def test_a_visitor_not_registered_and_an_anonymised_visit_are_named_so(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    day = dt.date(2026, 11, 2)
    with db.write() as session:
        session.add_all(
            [
                Visit(at=at(day, 9), purpose=Purpose.OTHER.value, note="未登记来访者"),
                Visit(at=at(day, 10), purpose=Purpose.OTHER.value, anonymised=True),
            ]
        )
    with db.read() as session:
        rows = lists.visits(session, desk, Period(day, day))
    model = VisitRowsModel()
    model.set_lines(rows)
    assert [model.row_texts(r)[1] for r in range(2)] == ["—", "(anonymised)"]


def test_the_charts_page_is_reached_by_keyboard_alone(
    qtbot: QtBot, home_desk: HomeDesk, centre: dict[str, int]
) -> None:
    home_desk.refresh_button.setFocus()
    qtbot.keyClick(home_desk.refresh_button, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert home_desk.tabs.currentIndex() == 1
    reached = []
    for _ in range(12):  # Tab until a chart has the focus
        focused = QApplication.focusWidget()
        assert focused is not None
        if isinstance(focused, BarChart):
            break
        reached.append(focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    chart = QApplication.focusWidget()
    assert isinstance(chart, BarChart), reached
    assert chart.current() == 0
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    dialog = listed(qtbot, home_desk)
    assert dialog.rows() or dialog.empty.text()
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
