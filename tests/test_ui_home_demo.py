"""Home's charts on the demo centre, in the main window at 1366×768, as staff: the figures shown
are the service's, every chart's bar opens its list, and a room and a volunteer lead on to their
own desks. `YOULIN_SCREENS=DIR` saves the screens on the way (normal and large text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database
from app.models import Account
from app.security import Actor
from app.services import home
from tests import demo_ui
from tests import test_ui_menu_demo as menu_demo
from tests.conftest import TEST_NOW
from tests.rooms_ui import context
from tests.test_ui_home_lists import listed
from ui import style
from ui.home.chart import BarChart
from ui.home.desk import HomeDesk
from ui.main_window import DEFAULT_SIZE, MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

demo_db = menu_demo.demo_db  # the Service menu's demo centre (300 people, at TEST_NOW)
_shot = demo_ui.shot


@pytest.fixture
def window(
    qtbot: QtBot, demo_db: Database, request: pytest.FixtureRequest, text_size: None
) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style.apply_text_size(app, "normal")  # whatever an earlier test left
    with demo_db.read() as session:
        account = session.scalars(select(Account).where(Account.username == "staff")).one()
        actor = Actor.of(account)
    original = QLocale()
    request.addfinalizer(lambda: QLocale.setDefault(original))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    main = MainWindow(context(demo_db, actor), "东社区邻里中心")
    qtbot.addWidget(main)
    main.resize(DEFAULT_SIZE)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    assert main.switch_to("home")
    return main


def _home(window: MainWindow) -> HomeDesk:
    desk = window.desk("home")
    assert isinstance(desk, HomeDesk)
    return desk


def _click(qtbot: QtBot, chart: BarChart, index: int) -> None:
    centre = chart.bar_rect(index).center().toPoint()
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre)


def test_the_charts_show_the_services_figures_and_open_their_lists(
    qtbot: QtBot, demo_db: Database, window: MainWindow
) -> None:
    desk = _home(window)
    with demo_db.read() as session:
        figures = home.figures(session, TEST_NOW.date())
    assert desk.figures == figures
    assert desk.purpose_chart.rows() == figures.purposes_this_month
    assert desk.series_chart.rows() == figures.series_this_month
    assert desk.room_chart.rows() == figures.rooms_this_week
    assert desk.volunteer_chart.rows() == figures.volunteers_this_year
    assert figures.volunteers_this_year and any(r.signups for r in figures.series_this_month)
    _shot(window, "home-today")
    desk.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    _shot(window, "home-charts")
    for chart in desk.charts()[1:]:
        assert chart.isVisible(), chart.objectName()
        assert chart.visibleRegion().boundingRect().height() >= chart.height(), (
            f"{chart.objectName()} is cut off at 1366×768"
        )

    _click(qtbot, desk.volunteer_chart, 0)
    dialog = listed(qtbot, desk)
    assert dialog is not None and dialog.isVisible()
    top = figures.volunteers_this_year[0]
    assert top.name in dialog.title.text()
    _shot(dialog, "home-list-volunteer")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.current_desk_key() == "volunteers"
    volunteers = window.desk("volunteers")
    chosen = volunteers.volunteers_page.chosen()  # type: ignore[union-attr]
    assert chosen is not None and chosen.person_id == top.person_id


def test_large_text_charts_still_read_whole(
    qtbot: QtBot, demo_db: Database, window: MainWindow
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style.apply_text_size(app, "large")
    desk = _home(window)
    desk.refresh(TEST_NOW.date())
    qtbot.wait(500)
    _shot(window, "home-today-large")
    desk.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    _shot(window, "home-charts-large")
    for chart in desk.charts()[1:]:
        assert chart.height() >= chart.minimumSizeHint().height()
    desk.room_chart.setFocus()
    qtbot.keyClick(desk.room_chart, Qt.Key.Key_Down)
    qtbot.keyClick(desk.room_chart, Qt.Key.Key_Return)
    dialog = listed(qtbot, desk)
    assert dialog is not None and dialog.isVisible()
    _shot(dialog, "home-list-room-large")


def test_a_room_and_a_series_lead_on_to_the_rooms_and_menu_desks(
    qtbot: QtBot, demo_db: Database, window: MainWindow
) -> None:
    from ui.menu.desk import MenuDesk
    from ui.rooms.desk import RoomsDesk

    desk = _home(window)
    desk.tabs.setCurrentIndex(1)
    room = desk.room_chart.rows()[1]
    desk.room_chart.setFocus()
    qtbot.keyClick(desk.room_chart, Qt.Key.Key_Down)
    _shot(window, "home-charts-focus")
    qtbot.keyClick(desk.room_chart, Qt.Key.Key_Return)
    dialog = listed(qtbot, desk)
    assert dialog is not None and dialog.isVisible() and room.name in dialog.title.text()
    assert dialog.rows(), "the demo books every room this week"
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    rooms = window.desk("rooms")
    assert isinstance(rooms, RoomsDesk) and window.current_desk_key() == "rooms"
    assert rooms.is_week() and rooms.room_id() == room.room_id
    first, last = rooms.shown_days()
    assert first <= TEST_NOW.date() <= last
    _shot(window, "rooms-week-from-home")

    assert window.switch_to("home")
    desk.tabs.setCurrentIndex(1)
    series = next(row for row in desk.series_chart.rows() if row.sessions)
    index = next(n for n, bar in enumerate(desk.series_chart.bars()) if bar.key == series.series_id)
    _click(qtbot, desk.series_chart, index)
    assert listed(qtbot, desk) is dialog
    _shot(dialog, "home-list-series")
    shown = dialog.rows()
    assert len(shown) == series.sessions
    assert sum(int(row[3].split(" / ")[0]) for row in shown) == series.signups
    assert sum(int(row[4]) for row in shown) == series.attended
    model = dialog.table.model()
    session_id = model.line(0).session_id  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    menu = window.desk("menu")
    assert isinstance(menu, MenuDesk) and window.current_desk_key() == "menu"
    assert menu.session_id() == session_id

    assert window.switch_to("home")
    desk.tabs.setCurrentIndex(0)
    _click(qtbot, desk.chart, len(desk.chart.bars()) - 2)  # yesterday
    yesterday = desk.chart.days()[-2]
    assert len(listed(qtbot, desk).rows()) == yesterday[1]
    _shot(dialog, "home-list-day")
