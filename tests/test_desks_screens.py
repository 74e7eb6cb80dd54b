"""The Database settings page and the lost-server banner as a centre sees them: Chinese, at the
commonest desk PC's size, in both text sizes, nothing cut off. With YOULIN_SCREENS=DIR the
screens are saved there to look at."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.security import Actor
from tests.demo_ui import open_main_window, shot
from ui import style
from ui.connection import back_message, lost_message
from ui.settings.desk import SettingsDesk

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def _fits(page: QWidget) -> None:
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLineEdit):
        if widget.isVisible():
            assert widget.width() >= widget.minimumSizeHint().width(), widget.objectName()
            assert widget.height() >= widget.minimumSizeHint().height(), widget.objectName()


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_database_page_and_the_lost_server_banner_fit_in_both_text_sizes(
    qtbot: QtBot, qapp: Any, db: Database, admin: Actor, chinese: None, text_size: None, size: str
) -> None:
    style.apply_text_size(qapp, size)
    window = open_main_window(qtbot, db, admin)
    window.switch_to("settings")
    desk = window.desk("settings")
    assert isinstance(desk, SettingsDesk)
    page = desk.show_page("database")
    page.choose_server(True)  # type: ignore[attr-defined]
    page.set_field("host", "192.168.1.20")  # type: ignore[attr-defined]
    page.set_field("port", "x")  # type: ignore[attr-defined]
    page.on_test_clicked()  # type: ignore[attr-defined]  # a port that is not one: said beside it
    window.context.connection.lost.emit()  # the banner as a lost server shows it
    qtbot.wait(50)
    banner = window.connection_banner
    assert banner.isVisible() and banner.text_shown() == lost_message(
        write=False, maybe_saved=False
    )
    assert "5432" in page.field_message("port")  # type: ignore[attr-defined]
    _fits(page)
    assert banner.height() >= banner.heightForWidth(banner.width()) - 2
    shot(window, f"desks-settings-database-{size}")
    banner.on_restored()
    qtbot.wait(50)
    assert banner.text_shown() == back_message()
    shot(window, f"desks-banner-back-{size}")
