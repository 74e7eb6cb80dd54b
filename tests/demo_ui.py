"""What the tests that drive the main window on the demo centre share: the demo database, the
window opened as one of its accounts in Chinese at 1366×768, and `YOULIN_SCREENS=DIR` screens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import demo, paths
from app.db import Database
from app.models import Account
from app.security import Actor
from tests.conftest import TEST_NOW
from tests.rooms_ui import context
from ui.main_window import DEFAULT_SIZE, MainWindow

CENTRE_NAME = "东社区邻里中心"


def shot(widget: QWidget, name: str, qtbot: QtBot | None = None) -> None:
    """Save what `widget` shows as DIR/name.png when YOULIN_SCREENS=DIR is set."""
    folder = os.environ.get("YOULIN_SCREENS")
    if folder:
        if qtbot is not None:
            qtbot.wait(300)  # the PDF view paints its pages in the background
        QApplication.processEvents()  # the layouts settle, as they have before a person looks
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def demo_database(tmp_path: Path, people: int = 300) -> Database:
    """A demo centre written at TEST_NOW into a fresh SQLite file (dispose it after)."""
    url = paths.sqlite_url(tmp_path / "demo.sqlite3")
    demo.write_demo(url, people=people, now=TEST_NOW)
    return Database(url)


def actor(db: Database, username: str) -> Actor:
    with db.read() as session:
        account = session.scalars(select(Account).where(Account.username == username)).one()
        return Actor.of(account)


def in_chinese_locale(request: pytest.FixtureRequest) -> None:
    """Qt's locale Chinese (dates, numbers) until the test ends."""
    original = QLocale()
    request.addfinalizer(lambda: QLocale.setDefault(original))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def open_main_window(qtbot: QtBot, db: Database, who: Actor) -> MainWindow:
    """The main window as `who`, at the commonest desk PC's size, shown and active."""
    window = MainWindow(context(db, who), CENTRE_NAME)
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window
