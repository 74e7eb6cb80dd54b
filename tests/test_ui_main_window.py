"""The main window: navigation per role, Ctrl+number, title, geometry, text size, lock."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPushButton, QToolBar
from pytestqt.qtbot import QtBot

from app import i18n
from app import settings as settings_module
from app.db import Database
from app.security import Actor
from tests.conftest import PASSWORD
from ui import style
from ui.context import DeskContext
from ui.errors import FieldMessage
from ui.main_window import DEFAULT_SIZE, MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def _window(qtbot: QtBot, db: Database, actor: Actor) -> MainWindow:
    context = DeskContext(db, actor, settings_module.load())
    window = MainWindow(context, "东社区邻里中心")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# Later desks (reception, people, rooms …) join the navigation; Home stays first, Settings is
# an admin's only.


def test_a_desk_volunteer_sees_home_and_not_settings(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    window = _window(qtbot, db, desk)
    nav = window.findChild(QListWidget, "nav")
    assert nav is not None and nav.accessibleName()
    titles = [nav.item(row).text() for row in range(nav.count())]
    assert titles[0] == "Home" and "Settings" not in titles
    assert window.desk_keys()[0] == "home" and "settings" not in window.desk_keys()
    assert window.current_desk_key() == "reception"  # a desk volunteer starts at Reception


def test_an_admin_sees_home_and_settings(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = _window(qtbot, db, admin)
    assert window.desk_titles()[0] == "Home" and "Settings" in window.desk_titles()
    assert window.desk_keys()[0] == "home" and window.desk_keys()[-1] == "settings"


@pytest.mark.parametrize("role", ["desk", "staff", "admin"])
def test_every_role_has_the_service_menu_after_rooms_built_when_first_shown(
    qtbot: QtBot, db: Database, request: pytest.FixtureRequest, role: str
) -> None:
    from ui.menu.desk import MenuDesk

    window = _window(qtbot, db, request.getfixturevalue(role))
    keys = window.desk_keys()
    assert keys.index("menu") == keys.index("rooms") + 1
    assert window.desk_titles()[keys.index("menu")] == "Service menu"
    assert window.findChild(MenuDesk) is None  # not built before it is shown
    assert window.switch_to("menu")
    assert isinstance(window.stack.currentWidget(), MenuDesk)


def test_a_session_named_elsewhere_opens_on_the_service_menu(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    from tests.menu_data import party_lesson
    from ui.menu.desk import MenuDesk

    _item, session_id = party_lesson(db, dt.datetime(2031, 3, 5, 14))
    window = _window(qtbot, db, desk)
    assert window.show_menu_session(session_id)
    menu = window.stack.currentWidget()
    assert window.current_desk_key() == "menu" and isinstance(menu, MenuDesk)
    assert menu.session_id() == session_id
    assert not window.show_menu_session(session_id + 100)


def test_ctrl_number_switches_desks(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = _window(qtbot, db, admin)
    with qtbot.waitActive(window):
        window.activateWindow()
    second = window.desk_keys()[1]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_desk_key() == second
    assert window.stack.currentWidget() is window.desk(second)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_desk_key() == "home"
    # A number without a desk changes nothing.
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_desk_key() == "home"


def test_a_later_desk_is_added_to_the_navigation(qtbot: QtBot, db: Database, desk: Actor) -> None:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QLabel

    window = _window(qtbot, db, desk)
    page = QLabel("later")
    window.add_desk("later", "Later desk", QIcon(), page)
    assert window.desk_keys()[-1] == "later"
    assert window.desk_titles()[-1] == "Later desk"
    assert window.switch_to("later")
    assert window.stack.currentWidget() is page


def test_the_title_names_centre_account_and_role(qtbot: QtBot, db: Database, desk: Actor) -> None:
    window = _window(qtbot, db, desk)
    title = window.windowTitle()
    assert "东社区邻里中心" in title
    assert desk.display_name in title
    assert "Desk volunteer" in title
    window.update_title("西社区邻里中心")
    assert "西社区邻里中心" in window.windowTitle()


def test_geometry_is_saved_on_close_and_restored(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = _window(qtbot, db, admin)
    # The offscreen screen is 800 x 600: stay inside it, or restoring clamps the size.
    window.resize(720, 530)
    assert window.size() == QSize(720, 530)
    window.close()
    saved = settings_module.load().window_geometry
    assert saved
    again = _window(qtbot, db, admin)
    assert again.size() == QSize(720, 530)


def test_without_saved_geometry_the_window_fits_1366_by_768(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    window = _window(qtbot, db, admin)
    assert window.width() <= 1366 and window.height() <= 768


@pytest.mark.parametrize("size", ["normal", "large"])
def test_nothing_is_cut_off_at_1366_by_768(
    qtbot: QtBot, db: Database, admin: Actor, qapp: QApplication, text_size: None, size: str
) -> None:
    style.apply_text_size(qapp, size)
    window = _window(qtbot, db, admin)
    window.resize(DEFAULT_SIZE)
    qtbot.wait(10)
    hint = window.minimumSizeHint()
    assert hint.width() <= DEFAULT_SIZE.width() and hint.height() <= DEFAULT_SIZE.height()
    assert window.size() == DEFAULT_SIZE
    # Every desk's name fits the navigation, every account action shows on the toolbar.
    nav = window.nav
    for row in range(nav.count()):
        assert nav.visualItemRect(nav.item(row)).width() >= nav.fontMetrics().horizontalAdvance(
            nav.item(row).text()
        )
    toolbar = window.findChild(QToolBar, "main.toolbar")
    assert toolbar is not None
    for action in (window.switch_user_action, window.lock_action):
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible()
        assert toolbar.rect().contains(button.geometry())


def test_the_navigation_widens_when_the_text_size_changes_while_the_window_is_open(
    qtbot: QtBot, db: Database, admin: Actor, qapp: QApplication, text_size: None
) -> None:
    style.apply_text_size(qapp, "normal")
    window = _window(qtbot, db, admin)
    window.resize(DEFAULT_SIZE)
    nav = window.nav
    normal_width = nav.width()
    style.apply_text_size(qapp, "large")  # as Settings does, the window already showing

    def every_name_fits() -> bool:
        return all(
            nav.visualItemRect(nav.item(row)).width()
            >= nav.fontMetrics().horizontalAdvance(nav.item(row).text())
            for row in range(nav.count())
        )

    qtbot.waitUntil(lambda: nav.width() > normal_width and every_name_fits())
    style.apply_text_size(qapp, "normal")
    qtbot.waitUntil(lambda: nav.width() == normal_width)


def test_large_text_size_makes_text_18_pt_and_primary_buttons_60_px(
    qtbot: QtBot, db: Database, admin: Actor, qapp: QApplication, text_size: None
) -> None:
    window = _window(qtbot, db, admin)
    refresh = window.findChild(QPushButton, "home.refresh")
    assert refresh is not None
    # As the program starts: the normal size applied (run alone, no earlier test has done it).
    style.apply_text_size(qapp, "normal")
    qtbot.waitUntil(lambda: refresh.height() >= 44)
    normal_height = refresh.height()
    style.apply_text_size(qapp, "large")
    qtbot.waitUntil(lambda: refresh.height() >= 60)
    assert qapp.font().pointSizeF() >= 18
    assert window.font().pointSizeF() >= 18
    assert refresh.property("primary") is True
    assert refresh.height() >= 60 and refresh.width() >= 60
    assert refresh.height() > normal_height
    style.apply_text_size(qapp, "normal")
    qtbot.waitUntil(lambda: refresh.height() < normal_height + 1)
    assert 11 <= qapp.font().pointSizeF() < 18
    assert refresh.height() >= 44


def test_lock_asks_for_the_same_accounts_password(qtbot: QtBot, db: Database, desk: Actor) -> None:
    window = _window(qtbot, db, desk)
    window.lock_action.trigger()
    assert window.is_locked
    assert not window.nav.isEnabled()
    assert window.lock_panel.try_unlock(PASSWORD + "x") is False
    message = window.lock_panel.findChild(FieldMessage, "lock.passwordMessage")
    assert message is not None and message.isVisible() and message.text()
    assert window.is_locked
    assert window.lock_panel.try_unlock(PASSWORD) is True
    assert not window.is_locked and window.nav.isEnabled()


def test_the_desk_locks_itself_when_idle(qtbot: QtBot, db: Database, desk: Actor) -> None:
    window = _window(qtbot, db, desk)
    assert window.idle.timer.interval() == 15 * 60_000  # the centre's default
    window.idle.timer.start(50)
    qtbot.waitUntil(lambda: window.is_locked, timeout=2000)


def test_activity_restarts_the_idle_timer(qtbot: QtBot, db: Database, desk: Actor) -> None:
    window = _window(qtbot, db, desk)
    window.idle.timer.start(400)
    for _ in range(4):
        qtbot.wait(150)
        # A key that changes nothing: building a desk must not eat into the timer.
        qtbot.keyClick(window.nav, Qt.Key.Key_Shift)
    assert not window.is_locked


def test_switch_user_asks_the_application(qtbot: QtBot, db: Database, desk: Actor) -> None:
    window = _window(qtbot, db, desk)
    with qtbot.waitSignal(window.switch_user_requested):
        window.switch_user_action.trigger()


def test_idle_minutes_are_the_admins_not_this_machines(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, data_dir: Path
) -> None:
    from app.services import centre

    settings_module.save(replace(settings_module.load(), idle_lock_minutes=3))
    with db.write() as session:
        centre.set_idle_lock_minutes(session, admin, 7)
    window = _window(qtbot, db, desk)
    assert window.idle.timer.interval() == 7 * 60_000


def test_a_desk_volunteer_starts_on_reception_with_the_search_focused(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    window = MainWindow(DeskContext(db, desk, settings_module.Settings()), "东社区邻里中心")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_desk_key() == "reception"
    search = window.findChild(QLineEdit, "reception.search")
    assert search is not None
    qtbot.waitUntil(search.hasFocus)
