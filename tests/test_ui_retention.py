"""Settings' data retention page, driven as an admin would: the period, the preview, 立即执行 as a
background job, and the review list's removal; the page at 1366×768 in both text sizes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import clock
from app.db import Database
from app.models import Centre, Visit
from app.security import Actor
from tests import retention_data
from tests.demo_ui import open_main_window, shot
from tests.retention_data import NOW
from tests.rooms_ui import context
from ui.settings import SettingsDesk
from ui.settings.retention_page import RetentionPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def page(qtbot: QtBot, db: Database, admin: Actor) -> Iterator[RetentionPage]:
    clock.use(clock.FixedClock(NOW))
    retention_data.build(db)
    desk = SettingsDesk(context(db, admin))
    qtbot.addWidget(desk)
    desk.resize(1200, 740)
    desk.show()
    shown = desk.show_page("retention")
    assert isinstance(shown, RetentionPage)
    qtbot.waitUntil(lambda: shown.loaded, timeout=30_000)
    yield shown  # the desk lives as long as the test


def _click(qtbot: QtBot, page: RetentionPage, name: str) -> None:
    widget = page.findChild(QPushButton, name)
    assert widget is not None and widget.isVisible() and widget.isEnabled(), name
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_run_now_anonymises_after_confirming(
    qtbot: QtBot, db: Database, page: RetentionPage
) -> None:
    assert "2023-11-25" in page.preview_message()
    with db.read() as session:
        due = session.scalar(select(func.count()).where(Visit.at < NOW.replace(year=2023)))
    assert f"{due:,}" in page.preview_message()
    _click(qtbot, page, "settings.retention.run")
    assert page.run_confirm.isVisible()
    _click(qtbot, page, "settings.retention.runConfirm.yes")
    assert page.job is not None
    qtbot.waitUntil(lambda: page.job is None and page.loaded, timeout=30_000)
    assert f"{due:,}" in page.message() and not page.run_button.isEnabled()
    with db.read() as session:
        assert session.scalar(select(func.count()).where(Visit.anonymised)) == due


def test_the_period_is_saved_within_bounds(qtbot: QtBot, db: Database, page: RetentionPage) -> None:
    months = page.findChild(QSpinBox, "settings.retention.months")
    assert months is not None and months.value() == 36
    assert (months.minimum(), months.maximum()) == (12, 120)
    months.setValue(60)
    page.findChild(QPushButton, "settings.retention.save").click()
    qtbot.waitUntil(lambda: page.loaded, timeout=30_000)
    with db.read() as session:
        assert session.scalar(select(Centre.visit_retention_months)) == 60
    assert "2021" in page.preview_message()


def test_people_are_reviewed_and_removed(qtbot: QtBot, page: RetentionPage) -> None:
    count = page.model.rowCount()
    assert count > 0
    assert all("*" in page.model.row_texts(row)[0] for row in range(count))
    _click(qtbot, page, "settings.retention.remove")
    assert page.message() and not page.remove_confirm.isVisible()
    page.select_rows([0, 1])
    _click(qtbot, page, "settings.retention.remove")
    assert page.remove_confirm.isVisible()
    _click(qtbot, page, "settings.retention.removeConfirm.yes")
    qtbot.waitUntil(lambda: page.removing is None and page.loaded, timeout=30_000)
    assert page.model.rowCount() == count - 2
    assert "2" in page.message()


def test_a_desk_volunteer_sees_no_figures(qtbot: QtBot, db: Database, desk: Actor) -> None:
    widget = RetentionPage(context(db, desk))
    qtbot.addWidget(widget)
    widget.reload()
    qtbot.waitUntil(lambda: widget.loaded, timeout=30_000)
    assert not widget.run_button.isEnabled() and widget.model.rowCount() == 0
    assert widget.preview_message()


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_page_fits_1366_by_768(
    qtbot: QtBot,
    qapp: QApplication,
    db: Database,
    admin: Actor,
    size: str,
    text_size: None,
    chinese: None,
) -> None:
    from ui import style

    clock.use(clock.FixedClock(NOW))
    retention_data.build(db)
    style.apply_text_size(qapp, size)
    window = open_main_window(qtbot, db, admin)
    window.switch_to("settings")
    settings = window.desk("settings")
    assert isinstance(settings, SettingsDesk)
    page = settings.show_page("retention")
    assert isinstance(page, RetentionPage)
    qtbot.waitUntil(lambda: page.loaded, timeout=30_000)
    page.run_confirm.setVisible(True)
    QApplication.processEvents()
    for button in page.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.objectName()
    shot(window, f"settings-retention-{size}")
    page.run_confirm.setVisible(False)
    page.select_rows([0, 1])
    page.on_remove_clicked()
    scroll = settings.findChild(QScrollArea, "settings.retention.scroll")
    assert scroll is not None
    QApplication.processEvents()
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shot(window, f"settings-retention-{size}-list")
