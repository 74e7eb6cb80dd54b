"""The Home charts of the month, the week and the year, fed with the statistics' rows
(`app.services.statistics.rows`): visits by purpose, participation per service series, room
utilisation, volunteer hours. Each bar's key says what its list shows (`ui.home.desk`)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui import labels
from ui.home.chart import Bar, BarChart

if TYPE_CHECKING:  # SQLAlchemy-free, but loaded with the statistics package after the window
    from app.services.statistics.rows import (
        PurposeCount,
        RoomUse,
        SeriesFigures,
        VolunteerHours,
    )


def hours_text(hours: Decimal | float) -> str:
    """12, 12.5: hours as a volunteer writes them."""
    value = round(float(hours), 1)
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


class PurposesChart(BarChart):
    """This month's visits, a bar per purpose; a purpose opens its visits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "home.purposeChart",
            QCoreApplication.translate("PurposesChart", "Visits this month by purpose"),
            parent,
            horizontal=True,
        )
        self._rows: list[PurposeCount] = []

    def set_rows(self, rows: Sequence[PurposeCount]) -> None:
        self._rows = list(rows)
        each = QCoreApplication.translate("PurposesChart", "%1: %2 visits")
        bars = []
        for row in self._rows:
            name = labels.purpose_name(row.purpose)
            count = str(row.visits)
            words = each.replace("%1", name).replace("%2", count)
            bars.append(Bar(row.purpose, name, (float(row.visits),), (count,), words))
        total = sum(row.visits for row in self._rows)
        summary = QCoreApplication.translate(
            "PurposesChart", "This month: %1 visits in all."
        ).replace("%1", str(total))
        self.set_bars(bars, summary)

    def rows(self) -> list[PurposeCount]:
        return list(self._rows)


class SeriesChart(BarChart):
    """This month's held sessions per series: seats signed up beforehand and people who came."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "home.seriesChart",
            QCoreApplication.translate("SeriesChart", "Service series this month"),
            parent,
            horizontal=True,
            measures=(
                QCoreApplication.translate("SeriesChart", "Seats signed up"),
                QCoreApplication.translate("SeriesChart", "People who came"),
            ),
        )
        self._rows: list[SeriesFigures] = []

    def set_rows(self, rows: Sequence[SeriesFigures]) -> None:
        self._rows = list(rows)
        signed = QCoreApplication.translate("SeriesChart", "signed up %1")
        came = QCoreApplication.translate("SeriesChart", "came %1")
        each = QCoreApplication.translate("SeriesChart", "%1: %2 sessions, %3 signed up, %4 came")
        bars = []
        for row in self._rows:
            words = (
                each.replace("%1", row.name)
                .replace("%2", str(row.sessions))
                .replace("%3", str(row.signups))
                .replace("%4", str(row.attended))
            )
            rate = row.attendance_rate
            if rate is not None:
                words += QCoreApplication.translate(
                    "SeriesChart", " (%1% of those expected came)"
                ).replace("%1", str(round(rate * 100)))
            bars.append(
                Bar(
                    row.series_id,
                    row.name,
                    (float(row.signups), float(row.attended)),
                    (signed.replace("%1", str(row.signups)), came.replace("%1", str(row.attended))),
                    words,
                )
            )
        summary = (
            QCoreApplication.translate(
                "SeriesChart", "This month: %1 sessions, %2 signed up, %3 came."
            )
            .replace("%1", str(sum(row.sessions for row in self._rows)))
            .replace("%2", str(sum(row.signups for row in self._rows)))
            .replace("%3", str(sum(row.attended for row in self._rows)))
        )
        self.set_bars(bars, summary)

    def rows(self) -> list[SeriesFigures]:
        return list(self._rows)


class RoomsChart(BarChart):
    """This week's booked hours of each room as a share of its open hours (100 % = full)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "home.roomChart",
            QCoreApplication.translate("RoomsChart", "Rooms booked this week"),
            parent,
            horizontal=True,
            full_scale=1.0,
        )
        self._rows: list[RoomUse] = []

    def set_rows(self, rows: Sequence[RoomUse]) -> None:
        self._rows = list(rows)
        shown = QCoreApplication.translate("RoomsChart", "%1% (%2 of %3 h)")
        closed = QCoreApplication.translate("RoomsChart", "not open this week")
        each = QCoreApplication.translate("RoomsChart", "%1: %2 of %3 open hours booked (%4%)")
        each_closed = QCoreApplication.translate("RoomsChart", "%1: not open this week")
        bars = []
        for row in self._rows:
            share = row.utilisation
            if share is None:
                bars.append(
                    Bar(
                        row.room_id,
                        row.name,
                        (0.0,),
                        (closed,),
                        each_closed.replace("%1", row.name),
                    )
                )
                continue
            percent = str(round(share * 100))
            booked, opened = hours_text(row.booked_hours), hours_text(row.open_hours)
            text = shown.replace("%1", percent).replace("%2", booked).replace("%3", opened)
            words = (
                each.replace("%1", row.name)
                .replace("%2", booked)
                .replace("%3", opened)
                .replace("%4", percent)
            )
            bars.append(Bar(row.room_id, row.name, (share,), (text,), words))
        booked_all = sum(row.booked_hours for row in self._rows)
        open_all = sum(row.open_hours for row in self._rows)
        summary = (
            QCoreApplication.translate(
                "RoomsChart", "This week: %1 of %2 open hours booked in all rooms."
            )
            .replace("%1", hours_text(booked_all))
            .replace("%2", hours_text(open_all))
        )
        self.set_bars(bars, summary)

    def rows(self) -> list[RoomUse]:
        return list(self._rows)


class VolunteersChart(BarChart):
    """This year's ten volunteers with the most hours; a volunteer opens their records."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "home.volunteerChart",
            QCoreApplication.translate("VolunteersChart", "Volunteer hours this year, top 10"),
            parent,
            horizontal=True,
        )
        self._rows: list[VolunteerHours] = []

    def set_rows(self, rows: Sequence[VolunteerHours]) -> None:
        self._rows = list(rows)
        shown = QCoreApplication.translate("VolunteersChart", "%1 h")
        each = QCoreApplication.translate("VolunteersChart", "%1 (%2): %3 hours")
        bars = []
        for row in self._rows:
            hours = hours_text(row.hours)
            community = row.community or QCoreApplication.translate(
                "VolunteersChart", "no community"
            )
            words = each.replace("%1", row.name).replace("%2", community).replace("%3", hours)
            bars.append(
                Bar(
                    row.person_id,
                    row.name,
                    (float(row.hours),),
                    (shown.replace("%1", hours),),
                    words,
                )
            )
        summary = (
            QCoreApplication.translate(
                "VolunteersChart",
                "This year: the %1 volunteers with the most hours, %2 hours together.",
            )
            .replace("%1", str(len(self._rows)))
            .replace("%2", hours_text(sum((row.hours for row in self._rows), Decimal(0))))
        )
        self.set_bars(bars, summary)

    def rows(self) -> list[VolunteerHours]:
        return list(self._rows)
