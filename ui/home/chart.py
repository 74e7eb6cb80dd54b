"""Bar charts painted with QPainter rather than QtCharts. QtCharts is in the PySide6-Addons
wheel but left out of the frozen app (build_installer.spec UNUSED_QT): on Linux it is 4 MB of
libraries (Qt6Charts, its Python module, Qt6OpenGL and OpenGLWidgets, which it links), and five
bar charts with words beside them don't need it.

`BarChart` draws vertical bars (a day each) or horizontal bars with their names beside them, one
or two measures a bar (signed up and came). Every size comes from the font, so the large text size
makes the chart larger; the values are written beside the bars; the figures are also given in
words (accessibleDescription and the tooltip, a bar's own sentence when the mouse is over it).
A bar is chosen with a click, or with the arrow keys once the chart has the focus (Tab), and
Enter (or a click) opens the list behind it: the chart emits `activated` with the bar's key.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui import labels, style

# The measures' colours: the accent blue and a green (both above 4.5:1 on white). Colour is
# never the only signal: each value is written beside its bar with its measure's name.
MEASURE_COLOURS = (style.ACCENT_COLOUR, "#2e7d32")
_GRID_COLOUR = "#c8c8c8"
_FOCUS_COLOUR = "#e3ecf7"  # the chosen bar's band, under the bar
# A horizontal bar's thickness and the step from one measure's bar to the next, and the gap
# between bars, in lines of text: a name or a value beside a bar takes one line.
_THICKNESS, _STEP, _GAP = 0.8, 0.9, 0.35


@dataclass(frozen=True)
class Bar:
    """One bar (or one pair of bars) of a chart."""

    key: object  # what the bar stands for: a day, a purpose, an id; `activated` carries it
    label: str  # its name, under or beside it
    values: tuple[float, ...]  # one per measure
    texts: tuple[str, ...]  # each value as written beside the bar
    words: str  # the bar in a sentence (its tooltip, read by a screen reader)


def _tr(source: str) -> str:
    return QCoreApplication.translate("BarChart", source)


class BarChart(QWidget):
    """Bars with their values written beside them; a bar is chosen and opened by mouse or keys."""

    activated = Signal(object)  # the chosen bar's key
    current_changed = Signal(int)

    def __init__(
        self,
        object_name: str,
        accessible_name: str,
        parent: QWidget | None = None,
        *,
        horizontal: bool,
        measures: Sequence[str] = (),
        full_scale: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._horizontal = horizontal
        self._measures = tuple(measures)  # named in a legend when there are two
        self._full_scale = full_scale  # a fixed top of the scale (1.0 for shares), else the peak
        self._bars: list[Bar] = []
        self._summary = ""
        self._current = -1

    # --- what the desk and tests use ------------------------------------------------------

    def set_bars(self, bars: Sequence[Bar], summary: str) -> None:
        """Show these bars; `summary` is the chart in words (every bar's own sentence follows)."""
        self._bars = list(bars)
        self._summary = summary
        if self._current >= len(self._bars):
            self._current = len(self._bars) - 1
        # Many bars (30 days) three to a line keeps the tooltip on the screen.
        per_line = 3 if len(self._bars) > 12 else 1
        sentences = [bar.words for bar in self._bars]
        words = "\n".join(
            "; ".join(sentences[i : i + per_line]) for i in range(0, len(sentences), per_line)
        )
        described = summary + ("\n" + words if words else "")
        self.setAccessibleDescription(described)
        self.setToolTip(described)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def summary(self) -> str:
        return self._summary

    def current(self) -> int:
        """The chosen bar's index (-1: none)."""
        return self._current

    def set_current(self, index: int) -> None:
        if not self._bars:
            return
        index = max(0, min(index, len(self._bars) - 1))
        if index != self._current:
            self._current = index
            self.update()
            self.current_changed.emit(index)

    def activate(self, index: int | None = None) -> None:
        """Open the list behind bar `index` (the chosen one by default)."""
        if index is not None:
            self.set_current(index)
        if 0 <= self._current < len(self._bars):
            self.activated.emit(self._bars[self._current].key)

    def bar_rect(self, index: int) -> QRectF:
        """Where bar `index` is drawn with its name and values (a click there chooses it)."""
        return self._slot(index)

    def bar_at(self, x: float, y: float) -> int:
        for index in range(len(self._bars)):
            if self._slot(index).contains(QPointF(x, y)):
                return index
        return -1

    # --- sizes, all from the font ------------------------------------------------------------

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def _line(self) -> float:
        return self._metrics().height()

    def _legend_height(self) -> float:
        return self._line() * 1.2 if len(self._measures) > 1 else 0.0

    def _row_height(self) -> float:
        """A horizontal bar, or a pair of bars (one per measure), and the gap after it."""
        measures = max(1, len(self._measures))
        return self._line() * (_STEP * (measures - 1) + _THICKNESS + _GAP)

    def _label_width(self) -> float:
        metrics = self._metrics()
        widest = max((metrics.horizontalAdvance(bar.label) for bar in self._bars), default=0.0)
        # A long name is elided: the bars keep at least half of the chart.
        return min(widest + self._line() * 0.8, max(self.width() * 0.45, self._line() * 4))

    def _value_width(self) -> float:
        metrics = self._metrics()
        texts = [text for bar in self._bars for text in bar.texts]
        return max((metrics.horizontalAdvance(text) for text in texts), default=0.0) + self._line()

    def sizeHint(self) -> QSize:
        line = self._line()
        if self._horizontal:
            height = (
                self._legend_height() + max(1, len(self._bars)) * self._row_height() + line * 0.4
            )
            metrics = self._metrics()
            label = max((metrics.horizontalAdvance(bar.label) for bar in self._bars), default=0.0)
            return QSize(round(label + self._value_width() + line * 12), round(height))
        return QSize(round(line * 24), round(line * 8))

    def minimumSizeHint(self) -> QSize:
        line = self._line()
        if self._horizontal:
            # Never squeezed: every bar keeps its line (the page scrolls instead).
            return QSize(round(line * 14), self.sizeHint().height())
        return QSize(round(line * 12), round(line * 6))

    # --- geometry --------------------------------------------------------------------------

    def _plot_area(self) -> QRectF:
        line = self._line()
        if self._horizontal:
            left = self._label_width()
            top = self._legend_height() + line * 0.2
            right = self.width() - self._value_width()
            return QRectF(left, top, max(1.0, right - left), max(1.0, self.height() - top - 2))
        metrics = self._metrics()
        left = metrics.horizontalAdvance("0000") + line * 0.5
        top = line * 1.3  # room for a value written above the tallest bar
        bottom = line * 1.4
        return QRectF(
            left, top, max(1.0, self.width() - left - 4), max(1.0, self.height() - top - bottom)
        )

    def _peak(self) -> float:
        if self._full_scale is not None:
            return self._full_scale
        return max((value for bar in self._bars for value in bar.values), default=0.0)

    def _slot(self, index: int) -> QRectF:
        area = self._plot_area()
        if self._horizontal:
            row = self._row_height()
            return QRectF(0, area.top() + index * row, self.width(), row)
        slot = area.width() / max(1, len(self._bars))
        return QRectF(area.left() + index * slot, 0, slot, self.height())

    def _bar(self, index: int, measure: int) -> QRectF:
        area = self._plot_area()
        value = self._bars[index].values[measure]
        peak = self._peak()
        share = min(1.0, value / peak) if peak > 0 else 0.0
        line = self._line()
        if self._horizontal:
            top = area.top() + index * self._row_height() + line * (_GAP / 2 + _STEP * measure)
            return QRectF(area.left(), top, area.width() * share, line * _THICKNESS)
        slot = area.width() / max(1, len(self._bars))
        count = max(1, len(self._bars[index].values))
        gap = max(1.0, slot * 0.2)
        width = (slot - gap) / count
        height = area.height() * share
        left = area.left() + index * slot + gap / 2 + measure * width
        return QRectF(left, area.bottom() - height, width, height)

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self._horizontal:
                self._paint_horizontal(painter)
            else:
                self._paint_vertical(painter)
        finally:
            painter.end()

    def _text_colour(self) -> QColor:
        palette = self.palette()
        return palette.color(palette.ColorRole.WindowText)

    def _paint_focus(self, painter: QPainter, band: QRectF) -> None:
        """The chosen bar's band, framed while the chart has the keyboard focus."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(_FOCUS_COLOUR))
        painter.drawRect(band)
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self._text_colour(), 2, Qt.PenStyle.DashLine))
            painter.drawRect(band)

    def _paint_legend(self, painter: QPainter) -> None:
        if len(self._measures) < 2:
            return
        line = self._line()
        metrics = self._metrics()
        x = self._label_width() if self._horizontal else self._plot_area().left()
        for measure, name in enumerate(self._measures):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(MEASURE_COLOURS[measure % len(MEASURE_COLOURS)]))
            painter.drawRect(QRectF(x, line * 0.25, line * 0.8, line * 0.8))
            x += line
            painter.setPen(QPen(self._text_colour()))
            width = metrics.horizontalAdvance(name) + 2
            painter.drawText(
                QRectF(x, 0, width, line * 1.3), int(Qt.AlignmentFlag.AlignVCenter), name
            )
            x += width + line

    def _paint_horizontal(self, painter: QPainter) -> None:
        metrics = self._metrics()
        line = self._line()
        text_colour = self._text_colour()
        self._paint_legend(painter)
        if 0 <= self._current < len(self._bars):
            self._paint_focus(painter, self._slot(self._current).adjusted(1, 1, -1, -1))
        area = self._plot_area()
        label_width = self._label_width()
        for index, bar in enumerate(self._bars):
            slot = self._slot(index)
            painter.setPen(QPen(text_colour))
            font = painter.font()
            font.setBold(index == self._current)
            painter.setFont(font)
            room = label_width - line * 0.5
            painter.drawText(
                QRectF(0, slot.top(), room, slot.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, room),
            )
            font.setBold(False)
            painter.setFont(font)
            for measure, (value, text) in enumerate(zip(bar.values, bar.texts, strict=True)):
                rect = self._bar(index, measure)
                if value > 0:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(MEASURE_COLOURS[measure % len(MEASURE_COLOURS)]))
                    painter.drawRect(rect)
                painter.setPen(QPen(text_colour))
                # Beside the bar; on a fixed scale (shares) after its end, in a column.
                left = rect.right() if self._full_scale is None else area.right()
                painter.drawText(
                    QRectF(left + line * 0.3, rect.top(), self.width(), rect.height()),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
        # The axis the bars start from, and where a fixed scale ends (100 %: a full room).
        bottom = area.top() + len(self._bars) * self._row_height()
        if self._full_scale is not None:
            painter.setPen(QPen(QColor(_GRID_COLOUR), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(area.right(), area.top()), QPointF(area.right(), bottom))
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(QPointF(area.left(), area.top()), QPointF(area.left(), bottom))

    def _paint_vertical(self, painter: QPainter) -> None:
        metrics = self._metrics()
        line = self._line()
        text_colour = self._text_colour()
        area = self._plot_area()
        self._paint_legend(painter)
        if 0 <= self._current < len(self._bars):
            slot = self._slot(self._current)
            self._paint_focus(painter, QRectF(slot.left(), area.top(), slot.width(), area.height()))
        peak = self._peak()
        # The scale: zero and the peak, with a faint line at the peak.
        painter.setPen(QPen(text_colour))
        painter.drawText(
            QRectF(0, area.bottom() - line, area.left() - 4, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            "0",
        )
        if peak:
            painter.drawText(
                QRectF(0, area.top() - line / 2, area.left() - 4, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                _number(peak),
            )
            painter.setPen(QPen(QColor(_GRID_COLOUR), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(area.left(), area.top()), QPointF(area.right(), area.top()))
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
        slot_width = area.width() / max(1, len(self._bars))
        for index, bar in enumerate(self._bars):
            for measure, value in enumerate(bar.values):
                if value > 0:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(MEASURE_COLOURS[measure % len(MEASURE_COLOURS)]))
                    painter.drawRect(self._bar(index, measure))
        # Values above the bars where they fit, else only the chosen bar's (the scale names the
        # peak).
        painter.setPen(QPen(text_colour))
        widest = max(
            (metrics.horizontalAdvance(t) for bar in self._bars for t in bar.texts), default=0.0
        )
        every = widest + 2 <= slot_width
        for index, bar in enumerate(self._bars):
            if not (every or index == self._current) or not bar.texts:
                continue
            rect = self._bar(index, 0)
            width = metrics.horizontalAdvance(bar.texts[0]) + 4
            centre = area.left() + (index + 0.5) * slot_width
            left = min(max(0.0, centre - width / 2), self.width() - width)
            painter.drawText(
                QRectF(left, rect.top() - line, width, line),
                int(Qt.AlignmentFlag.AlignCenter),
                bar.texts[0],
            )
        # Names under every fifth bar counted from the last (today), and under the chosen one.
        for index in self._named_bars(slot_width):
            bar = self._bars[index]
            font = painter.font()
            font.setBold(index == self._current)
            painter.setFont(font)
            width = metrics.horizontalAdvance(bar.label) + line
            centre = area.left() + (index + 0.5) * slot_width
            left = min(max(0.0, centre - width / 2), self.width() - width)
            painter.drawText(
                QRectF(left, area.bottom() + 2, width, line * 1.3),
                int(Qt.AlignmentFlag.AlignCenter),
                bar.label,
            )
        font = painter.font()
        font.setBold(False)
        painter.setFont(font)

    def _named_bars(self, slot_width: float) -> list[int]:
        """The bars named under a vertical chart: every fifth (or fewer when narrow) counted
        back from the last, and the chosen one, whose neighbours make room for it."""
        metrics = self._metrics()
        widest = max((metrics.horizontalAdvance(bar.label) for bar in self._bars), default=0.0)
        room = math.ceil((widest + self._line()) / max(1.0, slot_width))
        step = max(5, room)
        last = len(self._bars) - 1
        named = [index for index in range(last + 1) if (last - index) % step == 0]
        if 0 <= self._current <= last:
            named = [i for i in named if abs(i - self._current) >= room] + [self._current]
        return sorted(named)

    # --- mouse and keys --------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos().x(), event.pos().y())
            text = (
                self._bars[index].words + "\n" + _tr("Click to see the list behind this bar.")
                if index >= 0
                else self.toolTip()
            )
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.bar_at(event.position().x(), event.position().y()) >= 0
        cursor = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
        self.setCursor(cursor)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.bar_at(event.position().x(), event.position().y())
            if index >= 0:
                self.set_current(index)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.bar_at(event.position().x(), event.position().y())
            if index >= 0 and index == self._current:
                self.activate()
                event.accept()
                return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if not self._bars:
            super().keyPressEvent(event)
            return
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
        }
        if key in steps:
            if self._current < 0:
                self.set_current(self.first_choice())
            else:
                self.set_current(self._current + steps[key])
        elif key == Qt.Key.Key_Home:
            self.set_current(0)
        elif key == Qt.Key.Key_End:
            self.set_current(len(self._bars) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._current < 0:
                self.set_current(self.first_choice())
            self.activate()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def first_choice(self) -> int:
        """The bar the keys start from: the first (the days' chart: the last, today)."""
        return 0

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self._current < 0 and self._bars:
            self.set_current(self.first_choice())
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


def _number(value: float) -> str:
    """12, 12.5: a whole number without its decimals."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


class VisitsChart(BarChart):
    """Visits per day: a vertical bar a day; a day opens that day's visits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "home.chart",
            QCoreApplication.translate("VisitsChart", "Visits per day, last 30 days"),
            parent,
            horizontal=False,
        )
        self._days: list[tuple[dt.date, int]] = []

    def set_days(self, days: list[tuple[dt.date, int]]) -> None:
        self._days = list(days)
        each = QCoreApplication.translate("VisitsChart", "%1: %2 visits")
        bars = [
            Bar(
                day,
                f"{day.month}/{day.day}",
                (float(count),),
                (str(count),),
                each.replace("%1", labels.format_day(day)).replace("%2", str(count)),
            )
            for day, count in self._days
        ]
        self.set_bars(bars, self._head())

    def days(self) -> list[tuple[dt.date, int]]:
        return list(self._days)

    def first_choice(self) -> int:
        return len(self._days) - 1  # today

    def _head(self) -> str:
        """The chart in a sentence: total and busiest day."""
        if not self._days:
            return QCoreApplication.translate("VisitsChart", "No visits recorded yet.")
        total = sum(count for _day, count in self._days)
        busiest_day, busiest = max(self._days, key=lambda item: (item[1], item[0]))
        return (
            QCoreApplication.translate(
                "VisitsChart", "Last %1 days: %2 visits in all; busiest day %3 with %4."
            )
            .replace("%1", str(len(self._days)))
            .replace("%2", str(total))
            .replace("%3", labels.format_day(busiest_day))
            .replace("%4", str(busiest))
        )
