"""F1 and the guide inside the program, on the real main window: the desk's page, contents, links,
back and forward, pictures fitted to the width, large text, English, and the printed guide."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app import help as guide
from app import i18n
from app import settings as settings_module
from app.db import Database
from app.security import Actor
from tests.help_pages import SMALL, TITLES, fixture_guide  # noqa: F401  (a fixture)
from ui import style
from ui.context import DeskContext
from ui.help_browser import HelpWindow
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise)\(\)"
)


def _window(qtbot: QtBot, db: Database, actor: Actor) -> MainWindow:
    context = DeskContext(db, actor, settings_module.load())
    window = MainWindow(context, "东社区邻里中心")
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _press_f1(qtbot: QtBot, window: MainWindow) -> HelpWindow:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = window.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window is not None and help_window.isVisible()
    return help_window


def _image_widths(html: str) -> list[int]:
    return [int(width) for width in re.findall(r'<img[^>]* width="(\d+)"', html)]


@pytest.mark.usefixtures("fixture_guide")
def test_f1_on_every_desk_opens_that_desks_page_in_one_window(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    window = _window(qtbot, db, admin)
    assert window.desk_keys() == list(guide.DESK_PAGES)
    opened = None
    for key in window.desk_keys():
        assert window.switch_to(key)
        qtbot.wait(1)
        help_window = _press_f1(qtbot, window)
        assert opened is None or help_window is opened  # one per main window, raised
        opened = help_window
        assert help_window.current_key() == guide.page_for_desk(key) == key
        assert help_window.text().startswith(TITLES[key])
        assert help_window.windowTitle().endswith(TITLES[key])
    assert len(window.findChildren(HelpWindow)) == 1


@pytest.mark.usefixtures("fixture_guide")
def test_f1_on_reception_opens_help_and_chooses_no_purpose(
    qtbot: QtBot, db: Database, desk: Actor
) -> None:
    from app.models import Purpose
    from ui.reception.desk import ReceptionDesk

    window = _window(qtbot, db, desk)
    assert window.current_desk_key() == "reception"
    reception = window.desk("reception")
    assert isinstance(reception, ReceptionDesk)
    search = reception.findChild(QLineEdit, "reception.search")
    assert search is not None
    qtbot.waitUntil(search.hasFocus)
    chosen = reception.purposes.selected()
    qtbot.keyClick(search, Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window is not None and help_window.isVisible()
    assert help_window.current_key() == "reception"
    assert reception.purposes.selected() is chosen
    # The purposes are on F2-F10 now, the first purpose on F2.
    with qtbot.waitActive(window):
        window.activateWindow()
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_F2)
    assert reception.purposes.selected() is Purpose.PARTY_TRANSFER
    qtbot.keyClick(search, Qt.Key.Key_F10)
    assert reception.purposes.selected() is Purpose.OTHER
    assert reception.purposes.key_of(Purpose.ACTIVITY) == "F7"


def test_the_help_menu_has_the_guide_on_f1(qtbot: QtBot, db: Database, admin: Actor) -> None:
    i18n.set_language("en")
    window = _window(qtbot, db, admin)
    action = window.help_action
    assert action.shortcut().toString() == "F1"
    assert action.text().replace("&", "") == "User guide"
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert any(action in menu.actions() for menu in menus)  # type: ignore[union-attr]


@pytest.mark.usefixtures("fixture_guide")
def test_a_page_has_steps_bullets_a_tip_and_pictures_fitted_to_the_width(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    window = _window(qtbot, db, admin)
    help_window = window.show_help("home")
    qtbot.waitExposed(help_window)
    help_window.resize(900, 700)
    qtbot.wait(20)
    html = help_window.html()
    text = help_window.text()
    for words in ("看今天", "打开程序，先看到首页。", "左边是今天的来访", "数字每分钟自己更新。"):
        assert words in text
    assert "首页全图" in text and "一个按钮" in text  # captions
    # The missing picture is said in words, where it would be.
    assert "home-missing.png" in text and "还没有的图" in text
    wide, small = _image_widths(html)
    view_width = help_window.page_view.viewport().width()
    assert wide < view_width and wide > view_width * 0.7  # scaled down to the page's width
    assert small == SMALL[0]  # never enlarged
    help_window.resize(700, 700)
    qtbot.waitUntil(lambda: _image_widths(help_window.html())[0] < wide)
    narrower = _image_widths(help_window.html())[0]
    assert narrower < help_window.page_view.viewport().width()


@pytest.mark.usefixtures("fixture_guide")
def test_links_contents_back_forward_and_home(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = _window(qtbot, db, admin)
    help_window = window.show_help("home")
    assert help_window.page_keys() == list(guide.PAGES)  # the contents: every page, in order
    assert not help_window.can_go_back()
    help_window.page_view.anchorClicked.emit(QUrl("task-check-in"))  # a link in the page
    assert help_window.current_key() == "task-check-in"
    assert help_window.text().startswith(TITLES["task-check-in"])
    qtbot.mouseClick(help_window.back_button, Qt.MouseButton.LeftButton)
    assert help_window.current_key() == "home"
    qtbot.mouseClick(help_window.forward_button, Qt.MouseButton.LeftButton)
    assert help_window.current_key() == "task-check-in"
    assert not help_window.forward_button.isEnabled()
    row = help_window.page_keys().index("rooms")
    items = [
        help_window.contents.item(r)
        for r in range(help_window.contents.count())
        if help_window.contents.item(r).data(Qt.ItemDataRole.UserRole)
    ]
    help_window.contents.setCurrentItem(items[row])  # chosen in the contents
    assert help_window.current_key() == "rooms"
    qtbot.mouseClick(help_window.home_button, Qt.MouseButton.LeftButton)
    assert help_window.current_key() == "index"
    assert help_window.back_button.isEnabled()
    help_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is help_window)
    qtbot.keyClick(help_window.page_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert help_window.current_key() == "rooms"


def test_the_real_guide_opens_and_a_missing_page_says_so(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    """On the pages this installation has: the contents page, and each desk's page (its own
    page when written, else words that say it isn't there)."""
    window = _window(qtbot, db, admin)
    help_window = window.show_help("index")
    assert help_window.text().startswith("使用指南")
    assert "F1" in help_window.text()
    for key in guide.DESK_PAGES:
        help_window.open_page(key)
        assert help_window.current_key() == key
        text = help_window.text()
        if guide.page_path(key, "zh_CN").is_file():
            assert guide.load(key, "zh_CN").title in text
        else:
            assert "not in this installation" in text or "还没有" in text


@pytest.mark.usefixtures("fixture_guide", "text_size")
def test_the_page_follows_the_large_text_size(
    qtbot: QtBot, qapp: QApplication, db: Database, admin: Actor
) -> None:
    window = _window(qtbot, db, admin)
    help_window = window.show_help("home")
    normal = help_window.page_view.font().pointSizeF()
    style.apply_text_size(qapp, "large")
    qtbot.waitUntil(lambda: help_window.page_view.font().pointSizeF() >= 18)
    assert help_window.page_view.font().pointSizeF() > normal
    assert help_window.contents.font().pointSizeF() >= 18


@pytest.mark.usefixtures("fixture_guide")
def test_english_pages_follow_the_language_with_chinese_where_missing(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    i18n.set_language("en")
    window = _window(qtbot, db, admin)
    help_window = window.show_help("home")
    assert help_window.text().startswith("Home desk")
    assert "/images/en/home-wide.png" in help_window.html()
    help_window.open_page("rooms")  # no English page yet: the Chinese one
    assert help_window.text().startswith(TITLES["rooms"])
    help_window.open_page("index")
    assert help_window.text().startswith("User guide")


@pytest.mark.usefixtures("fixture_guide")
def test_print_the_guide_in_the_background_into_the_preview(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from ui.pdf_preview import PdfPreviewDialog

    window = _window(qtbot, db, admin)
    help_window = window.show_help()
    job = help_window.print_guide()
    assert job is not None and not help_window.print_button.isEnabled()
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    preview = help_window.preview
    assert isinstance(preview, PdfPreviewDialog) and preview.isVisible()
    assert preview.pdf.startswith(b"%PDF") and preview.document.pageCount() > len(guide.PAGES)
    assert help_window.print_button.isEnabled()
    preview.close()
