"""Visits per day as bars, painted with QPainter (QtCharts is not part of the installed Qt).

The numbers are also given in words: accessibleDescription and the tooltip carry every day's
count, and hovering a bar names its day and count.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui import labels, style


class VisitsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home.chart")
        self.setAccessibleName(self.tr("Visits per day, last 30 days"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can reach the description
        self._days: list[tuple[dt.date, int]] = []

    def set_days(self, days: list[tuple[dt.date, int]]) -> None:
        self._days = list(days)
        summary = self.summary()
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def days(self) -> list[tuple[dt.date, int]]:
        return list(self._days)

    def summary(self) -> str:
        """The chart in words: total, busiest day, then every day's count."""
        if not self._days:
            return self.tr("No visits recorded yet.")
        total = sum(count for _day, count in self._days)
        busiest_day, busiest = max(self._days, key=lambda item: (item[1], item[0]))
        head = (
            self.tr("Last %1 days: %2 visits in all; busiest day %3 with %4.")
            .replace("%1", str(len(self._days)))
            .replace("%2", str(total))
            .replace("%3", labels.format_day(busiest_day))
            .replace("%4", str(busiest))
        )
        each = self.tr("%1: %2")
        lines = [
            each.replace("%1", labels.format_day(day)).replace("%2", str(count))
            for day, count in self._days
        ]
        # Three days a line keeps the tooltip short enough to fit on the screen.
        rows = ["; ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
        return head + "\n" + "\n".join(rows)

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 24, height * 7)

    def minimumSizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 12, height * 5)

    def _plot_area(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("0000") + metrics.height() // 2
        bottom = metrics.height() * 1.4
        top = metrics.height() * 0.8
        return QRectF(
            left, top, max(1, self.width() - left - 4), max(1, self.height() - top - bottom)
        )

    def _bar_rect(self, index: int, count: int, peak: int) -> QRectF:
        area = self._plot_area()
        slot = area.width() / max(1, len(self._days))
        height = area.height() * count / peak if peak else 0.0
        gap = max(1.0, slot * 0.2)
        return QRectF(
            area.left() + index * slot + gap / 2, area.bottom() - height, slot - gap, height
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            palette = self.palette()
            text_colour = palette.color(palette.ColorRole.WindowText)
            area = self._plot_area()
            metrics = self.fontMetrics()
            peak = max((count for _day, count in self._days), default=0)
            # The scale: zero and the peak, with a faint line at the peak.
            painter.setPen(QPen(text_colour))
            painter.drawText(
                QRectF(0, area.bottom() - metrics.height(), area.left() - 4, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                "0",
            )
            if peak:
                painter.drawText(
                    QRectF(0, area.top() - metrics.height() / 2, area.left() - 4, metrics.height()),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    str(peak),
                )
                painter.setPen(QPen(QColor("#c8c8c8"), 1, Qt.PenStyle.DashLine))
                painter.drawLine(
                    QPointF(area.left(), area.top()), QPointF(area.right(), area.top())
                )
            painter.setPen(QPen(text_colour, 1))
            painter.drawLine(
                QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom())
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.ACCENT_COLOUR))
            for index, (_day, count) in enumerate(self._days):
                if count:
                    painter.drawRect(self._bar_rect(index, count, peak))
            # Day labels under every fifth bar and the last one (today).
            painter.setPen(QPen(text_colour))
            slot = area.width() / max(1, len(self._days))
            last = len(self._days) - 1
            for index, (day, _count) in enumerate(self._days):
                if index != last and (last - index) % 5:
                    continue
                text = f"{day.month}/{day.day}"
                width = metrics.horizontalAdvance(text) + 4
                centre = area.left() + (index + 0.5) * slot
                left = min(max(0.0, centre - width / 2), self.width() - width)
                painter.drawText(
                    QRectF(left, area.bottom() + 2, width, metrics.height()),
                    int(Qt.AlignmentFlag.AlignCenter),
                    text,
                )
        finally:
            painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._bar_tooltip(event.pos().x()) or self.toolTip()
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)

    def _bar_tooltip(self, x: float) -> str:
        area = self._plot_area()
        if not self._days or not area.left() <= x <= area.right():
            return ""
        index = int((x - area.left()) / (area.width() / len(self._days)))
        day, count = self._days[min(index, len(self._days) - 1)]
        return (
            self.tr("%1: %2 visits").replace("%1", labels.format_day(day)).replace("%2", str(count))
        )
