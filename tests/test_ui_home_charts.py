"""The painted Home charts on hand-made rows: they paint without a Qt warning at both text sizes,
grow with the text, write their figures beside the bars and in words, and a bar is opened with a
click or the arrow keys and Enter."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import i18n
from app.choices import Purpose
from app.services.statistics.rows import PurposeCount, RoomUse, SeriesFigures, VolunteerHours
from ui import style
from ui.home.chart import BarChart, VisitsChart
from ui.home.charts import PurposesChart, RoomsChart, SeriesChart, VolunteersChart

DAYS = [(dt.date(2026, 11, 1) + dt.timedelta(days=n), n % 7) for n in range(30)]
PURPOSES = [PurposeCount(purpose, n * 3) for n, purpose in enumerate(Purpose)]
SERIES = [
    SeriesFigures(1, "党群友邻", 4, 60, 45, 15),
    SeriesFigures(2, "社区友邻", 0, 0, 0, 0),
    SeriesFigures(4, "文化友邻", 3, 20, 21, 1),
]
ROOMS = [
    RoomUse(1, "多功能厅", 21.0, 84.0),
    RoomUse(2, "会议室", 0.0, 0.0),  # closed all week
]
VOLUNTEERS = [
    VolunteerHours(7, "王秀英", "东社区", Decimal("81.0")),
    VolunteerHours(9, "欧阳明", "", Decimal("20.5")),
]


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def _charts(qtbot: QtBot) -> list[BarChart]:
    days = VisitsChart()
    days.set_days(DAYS)
    purposes = PurposesChart()
    purposes.set_rows(PURPOSES)
    series = SeriesChart()
    series.set_rows(SERIES)
    rooms = RoomsChart()
    rooms.set_rows(ROOMS)
    volunteers = VolunteersChart()
    volunteers.set_rows(VOLUNTEERS)
    charts: list[BarChart] = [days, purposes, series, rooms, volunteers]
    for chart in charts:
        qtbot.addWidget(chart)
    return charts


def _activate(qtbot: QtBot, chart: BarChart) -> None:
    """Shown in an active window and given the keyboard focus, as Tab would."""
    with qtbot.waitActive(chart):
        chart.show()
        chart.activateWindow()
    chart.setFocus(Qt.FocusReason.TabFocusReason)


def test_every_chart_paints_at_both_text_sizes_and_grows_with_the_text(
    qtbot: QtBot, text_size: None
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style.apply_text_size(app, "normal")
    charts = _charts(qtbot)
    normal = [chart.sizeHint() for chart in charts]
    for chart in charts:
        chart.resize(chart.sizeHint())
        chart.show()
        assert not chart.grab().isNull()
    style.apply_text_size(app, "large")
    for chart, before in zip(charts, normal, strict=True):
        qtbot.waitUntil(lambda chart=chart: chart.font().pointSizeF() == 18)
        hint = chart.sizeHint()
        assert hint.width() > before.width() and hint.height() > before.height()
        chart.resize(hint)
        chart.set_current(0)
        chart.setFocus()
        assert not chart.grab().isNull()
    # A horizontal chart is never squeezed below its bars (the page scrolls instead).
    purposes = charts[1]
    assert purposes.minimumSizeHint().height() == purposes.sizeHint().height()


def test_values_are_written_beside_the_bars_and_said_in_words(qtbot: QtBot) -> None:
    days, purposes, series, rooms, volunteers = _charts(qtbot)
    assert days.bars()[-1].texts == ("1",) and days.bars()[-1].label == "11/30"
    assert days.bars()[-1].words.endswith(": 1 visits")
    assert "Last 30 days: 85 visits in all" in days.accessibleDescription()
    assert [bar.texts for bar in purposes.bars()][:2] == [("0",), ("3",)]
    assert purposes.summary() == "This month: 108 visits in all."
    party = series.bars()[0]
    assert party.values == (60.0, 45.0)
    assert party.texts == ("signed up 60", "came 45")
    assert party.words == "党群友邻: 4 sessions, 60 signed up, 45 came (75% of those expected came)"
    assert series.bars()[1].words == "社区友邻: 0 sessions, 0 signed up, 0 came"
    assert series.summary() == "This month: 7 sessions, 80 signed up, 66 came."
    hall, meeting = rooms.bars()
    assert (hall.values, hall.texts) == ((0.25,), ("25% (21 of 84 h)",))
    assert hall.words == "多功能厅: 21 of 84 open hours booked (25%)"
    assert (meeting.values, meeting.texts) == ((0.0,), ("not open this week",))
    assert rooms.summary() == "This week: 21 of 84 open hours booked in all rooms."
    assert [bar.texts for bar in volunteers.bars()] == [("81 h",), ("20.5 h",)]
    assert volunteers.bars()[1].words == "欧阳明 (no community): 20.5 hours"
    for chart in (days, purposes, series, rooms, volunteers):
        description = chart.accessibleDescription()
        assert description == chart.toolTip()
        assert description.startswith(chart.summary())
        assert chart.accessibleName()
        assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert chart.objectName().startswith("home.")


def test_arrow_keys_choose_a_bar_and_enter_opens_it(qtbot: QtBot) -> None:
    _days, _purposes, series, _rooms, volunteers = _charts(qtbot)
    _activate(qtbot, series)
    assert series.current() == 0
    qtbot.keyClick(series, Qt.Key.Key_Down)
    qtbot.keyClick(series, Qt.Key.Key_Down)
    qtbot.keyClick(series, Qt.Key.Key_Down)  # stays on the last
    assert series.current() == 2
    with qtbot.waitSignal(series.activated) as signal:
        qtbot.keyClick(series, Qt.Key.Key_Return)
    assert signal.args == [4]
    qtbot.keyClick(series, Qt.Key.Key_Home)
    with qtbot.waitSignal(series.activated) as signal:
        qtbot.keyClick(series, Qt.Key.Key_Space)
    assert signal.args == [1]
    qtbot.keyClick(series, Qt.Key.Key_End)
    qtbot.keyClick(series, Qt.Key.Key_Up)
    assert series.current() == 1
    _activate(qtbot, volunteers)
    qtbot.keyClick(volunteers, Qt.Key.Key_Right)
    with qtbot.waitSignal(volunteers.activated) as signal:
        qtbot.keyClick(volunteers, Qt.Key.Key_Enter)
    assert signal.args == [9]


def test_the_days_chart_starts_from_today(qtbot: QtBot) -> None:
    days = _charts(qtbot)[0]
    days.resize(days.sizeHint())
    _activate(qtbot, days)
    assert days.current() == len(DAYS) - 1
    qtbot.keyClick(days, Qt.Key.Key_Left)
    with qtbot.waitSignal(days.activated) as signal:
        qtbot.keyClick(days, Qt.Key.Key_Return)
    assert signal.args == [dt.date(2026, 11, 29)]


def test_a_click_on_a_bar_opens_it_and_a_click_beside_the_bars_does_not(qtbot: QtBot) -> None:
    _days, purposes, _series, rooms, _volunteers = _charts(qtbot)
    purposes.resize(purposes.sizeHint())
    purposes.show()
    centre = purposes.bar_rect(3).center().toPoint()
    with qtbot.waitSignal(purposes.activated) as signal:
        qtbot.mouseClick(purposes, Qt.MouseButton.LeftButton, pos=centre)
    assert signal.args == [list(Purpose)[3]]
    assert purposes.current() == 3
    rooms.resize(rooms.sizeHint().width(), rooms.sizeHint().height() * 2)
    rooms.show()
    with qtbot.assertNotEmitted(rooms.activated):
        qtbot.mouseClick(rooms, Qt.MouseButton.LeftButton, pos=QPoint(5, rooms.height() - 3))
    assert rooms.bar_at(5, rooms.height() - 3) == -1


def test_empty_charts_say_so(qtbot: QtBot) -> None:
    chart = VisitsChart()
    qtbot.addWidget(chart)
    chart.set_days([])
    assert chart.accessibleDescription() == "No visits recorded yet."
    volunteers = VolunteersChart()
    qtbot.addWidget(volunteers)
    volunteers.set_rows([])
    volunteers.show()
    qtbot.keyClick(volunteers, Qt.Key.Key_Return)  # nothing to open, nothing breaks
    assert volunteers.current() == -1 and not volunteers.grab().isNull()


def test_a_long_name_is_elided_not_cut(qtbot: QtBot) -> None:
    chart = PurposesChart()
    qtbot.addWidget(chart)
    chart.setFont(QFont(chart.font().family(), 12))
    chart.set_rows(PURPOSES)
    chart.resize(chart.minimumSizeHint())
    chart.show()
    assert not chart.grab().isNull()
    assert chart.bar_at(chart.width() - 2, chart.bar_rect(0).center().y()) == 0
