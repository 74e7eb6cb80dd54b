"""The monthly report dialog: the month offered first, the report made in the background with
its progress and Stop, the preview opened with its pages; a desk account is told it may not.
Never exec()."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app import clock, i18n
from app.db import Database
from app.security import Actor
from app.services import statistics
from app.services.statistics.period import Period
from tests.rooms_ui import context
from tests.test_ui_import import gate
from tests.test_ui_menu_printing import parent
from ui.reports import monthly
from ui.reports.monthly import MonthlyReportDialog, default_month, months_back

__all__ = ["gate", "parent"]  # the fixtures, used by name

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

NOVEMBER = Period.month(2026, 11)


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def open_dialog(qtbot: QtBot, db: Database, actor: Actor, parent: QWidget) -> MonthlyReportDialog:
    dialog = monthly.open_monthly_report(context(db, actor), parent)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_month_offered_first() -> None:
    assert default_month(dt.date(2026, 12, 3)) == NOVEMBER  # first week: the month just ended
    assert default_month(dt.date(2026, 12, 7)) == NOVEMBER
    assert default_month(dt.date(2026, 11, 8)) == NOVEMBER  # later: the month under way
    assert default_month(dt.date(2027, 1, 2)) == Period.month(2026, 12)
    months = months_back(dt.date(2026, 11, 20), 14)
    assert months[0] == NOVEMBER and months[-1] == Period.month(2025, 10)


def test_the_report_is_made_in_the_background_then_previewed(
    qtbot: QtBot, db: Database, staff: Actor, clock_at: clock.FixedClock, parent: QWidget
) -> None:
    clock_at.set(dt.datetime(2026, 12, 2, 9, 30))
    dialog = open_dialog(qtbot, db, staff, parent)
    assert dialog.month() == NOVEMBER
    assert dialog.month_combo.currentText() == "2026-11"
    with qtbot.waitSignal(dialog.previewed, timeout=60_000) as opened:
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
        assert dialog.busy() and not dialog.make_button.isEnabled()
    preview = opened.args[0]
    qtbot.waitUntil(lambda: not dialog.busy())
    assert preview is dialog.preview and dialog.printout is not None
    qtbot.waitUntil(preview.isVisible)
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.document.pageCount() == dialog.printout.pages >= 2
    assert preview.file_name == "工作月报-2026-11.pdf"
    assert preview.message_text() == ""
    assert dialog.isVisible() and dialog.make_button.isEnabled()  # for another month
    preview.close()
    dialog.close()


def test_stop_while_the_figures_are_counted(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    parent: QWidget,
    gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inside = threading.Event()
    counted = statistics.monthly

    def slow(session: Any, actor: Actor, period: Period) -> Any:
        inside.set()
        gate.wait(30)
        return counted(session, actor, period)

    monkeypatch.setattr(statistics, "monthly", slow)
    dialog = open_dialog(qtbot, db, staff, parent)
    with qtbot.waitSignal(dialog.step_done, timeout=60_000):
        assert dialog.make_report() is not None
        qtbot.waitUntil(inside.is_set)
        stop = dialog.findChild(QPushButton, "reports.monthly.cancel")
        bar = dialog.findChild(QProgressBar, "reports.monthly.progress")
        assert stop is not None and stop.isVisible() and bar is not None and bar.isVisible()
        assert not dialog.close_button.isEnabled()
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
        gate.set()
    assert dialog.preview is None
    assert dialog.message.text() == "Stopped: no report was made."
    assert dialog.make_button.isEnabled()


def test_a_desk_account_is_told_it_may_not(
    qtbot: QtBot, db: Database, desk: Actor, parent: QWidget
) -> None:
    dialog = open_dialog(qtbot, db, desk, parent)
    assert "staff" in dialog.message.text()
    assert not dialog.make_button.isEnabled() and dialog.close_button.isEnabled()


def test_the_dialog_fits_in_large_text(
    qtbot: QtBot, qapp: QApplication, db: Database, staff: Actor, text_size: None, chinese: None
) -> None:
    from ui import style

    style.apply_text_size(qapp, "large")
    dialog = MonthlyReportDialog(context(db, staff))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    for widget in (dialog.month_combo, dialog.make_button, dialog.close_button):
        assert widget.width() >= widget.sizeHint().width()
        assert widget.height() >= widget.sizeHint().height()
