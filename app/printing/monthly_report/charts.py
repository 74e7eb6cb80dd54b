"""The report's charts, drawn with ReportLab's own (`reportlab.graphics.charts`).

Every word on a chart that comes from the data (a community, a room, a volunteer's name) is
drawn here rather than by the chart's own labels, one run per font as `Glyphs.runs` says: a
chart label takes one font only, and a rare name character would otherwise print as a blank.
The axes' numbers and the fixed words (满意, 周末) are in the bundled font. Colours are a dark
and a light tone, so that a black-and-white copy still tells the two bars of a pair apart, and
every bar carries its number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.printing.document import MM
from app.printing.glyphs import Glyphs

WIDTH = 174 * MM  # the frame's width
DARK = "#2F5597"
LIGHT = "#F4B183"
GREY = "#BFBFBF"
INK = "#222222"
GRID = "#DDDDDD"
PIE_FILLS = ("#2F5597", "#9DC3E6", "#F4B183", "#D9D9D9")
LABEL_SIZE = 9
NUMBER_SIZE = 8
ELLIPSIS = "…"


@dataclass(frozen=True)
class Bars:
    """One set of bars: its name in the legend, a value per category, its fill."""

    name: str
    values: Sequence[float]
    fill: str


def nice_top(largest: float, ticks: int = 5) -> tuple[float, float]:
    """An axis end and step of 1, 2 or 5 × 10ⁿ with about `ticks` steps, for counts that may
    be all zero or small (a step of 0.2 visits would be nonsense)."""
    if largest <= 0:
        return 1.0, 1.0
    step = 1.0
    while step * ticks < largest:
        for factor in (2, 2.5, 2):  # 1 → 2 → 5 → 10 → 20 …
            step *= factor
            if step * ticks >= largest:
                break
    top = step * -(-largest // step)
    return top, step


def fitted(glyphs: Glyphs, text: str, size: float, room: float) -> str:
    """`text`, cut with … where it is wider than `room`."""
    if glyphs.width(text, size) <= room:
        return text
    while text and glyphs.width(text + ELLIPSIS, size) > room:
        text = text[:-1]
    return text + ELLIPSIS


def words(
    glyphs: Glyphs,
    text: str,
    x: float,
    y: float,
    size: float,
    *,
    anchor: str = "start",
    colour: str = INK,
) -> Any:
    """`text` as a Group of Strings, a run per font, starting at (ending at, centred on) `x`."""
    from reportlab.graphics.shapes import Group, String
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs = glyphs.runs(text)
    width = sum(stringWidth(part, font, size) for font, part in runs)
    if anchor == "end":
        x -= width
    elif anchor == "middle":
        x -= width / 2
    group = Group()
    for font, part in runs:
        group.add(String(x, y, part, fontName=font, fontSize=size, fillColor=HexColor(colour)))
        x += stringWidth(part, font, size)
    return group


def canvas(glyphs: Glyphs, height: float) -> Any:
    """A Drawing the frame's width; its text starts in the bundled font (ReportLab's renderer
    otherwise sets Helvetica first, which then stands in the PDF's fonts for nothing)."""

    from reportlab.graphics.shapes import Drawing

    drawing = Drawing(WIDTH, height)
    drawing.initialFontName = glyphs.base
    return drawing


def _value_axis(axis: Any, font: str, largest: float, percent: bool) -> None:
    from reportlab.lib.colors import HexColor

    top, step = (1.0, 0.2) if percent and largest <= 1 else nice_top(largest)
    axis.valueMin = 0
    axis.valueMax = top
    axis.valueStep = step
    axis.labels.fontName = font
    axis.labels.fontSize = NUMBER_SIZE
    axis.labels.fillColor = HexColor(INK)
    axis.labelTextFormat = (
        (lambda value: f"{value * 100:.0f}%") if percent else (lambda value: f"{value:g}")
    )
    axis.visibleGrid = 1
    axis.gridStrokeColor = HexColor(GRID)
    axis.gridStrokeWidth = 0.4
    axis.strokeColor = HexColor(INK)
    axis.strokeWidth = 0.5


def _bar_labels(chart: Any, font: str, formatter: Callable[[float], str]) -> None:
    chart.barLabelFormat = formatter
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = NUMBER_SIZE


def legend(glyphs: Glyphs, sets: Sequence[Bars], x: float, y: float) -> Any:
    """A legend of coloured squares and names, left to right from (x, y)."""
    from reportlab.graphics.shapes import Group, Rect
    from reportlab.lib.colors import HexColor

    group = Group()
    for entry in sets:
        group.add(Rect(x, y - 1, 8, 8, fillColor=HexColor(entry.fill), strokeColor=None))
        group.add(words(glyphs, entry.name, x + 11, y, LABEL_SIZE))
        x += 11 + glyphs.width(entry.name, LABEL_SIZE) + 14
    return group


def horizontal_bars(
    glyphs: Glyphs,
    names: Sequence[str],
    sets: Sequence[Bars],
    *,
    formatter: Callable[[float], str] = lambda value: f"{value:,.0f}",
    percent: bool = False,
    name_room: float = 36 * MM,
    row: float | None = None,
) -> Any:
    """A bar (or a pair of bars) per name, the names down the left in the order given, each bar
    with its number at its end; a legend on top when there is more than one set."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.lib.colors import HexColor

    count = max(len(names), 1)
    row = row or (7 * MM if len(sets) == 1 else 10 * MM)
    plot_height = count * row
    top_room = 12 if len(sets) > 1 else 2
    height = plot_height + 14 + top_room
    drawing = canvas(glyphs, height)
    chart = HorizontalBarChart()
    chart.x = name_room
    chart.y = 14
    chart.width = WIDTH - name_room - 14 * MM  # room for the last bar's number
    chart.height = plot_height
    # A group's first set is drawn lowest: the sets go in backwards, so the first is on top.
    chart.data = [list(entry.values) for entry in reversed(sets)]
    chart.categoryAxis.categoryNames = [""] * len(names)
    chart.categoryAxis.labels.fontName = glyphs.base
    chart.categoryAxis.reverseDirection = 1  # the first name at the top
    chart.categoryAxis.visibleTicks = 0
    chart.categoryAxis.strokeColor = HexColor(INK)
    chart.categoryAxis.strokeWidth = 0.5
    chart.groupSpacing = 3 if len(sets) > 1 else 4
    chart.barSpacing = 0.5
    largest = max((max(entry.values, default=0) for entry in sets), default=0)
    _value_axis(chart.valueAxis, glyphs.base, largest, percent)
    for index, entry in enumerate(reversed(sets)):
        chart.bars[index].fillColor = HexColor(entry.fill)
        chart.bars[index].strokeColor = None
    _bar_labels(chart, glyphs.base, formatter)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    for index, name in enumerate(names):
        y = chart.y + plot_height - (index + 0.5) * row - LABEL_SIZE * 0.35
        label = fitted(glyphs, name, LABEL_SIZE, name_room - 8)
        drawing.add(words(glyphs, label, chart.x - 5, y, LABEL_SIZE, anchor="end"))
    if len(sets) > 1:
        drawing.add(legend(glyphs, sets, chart.x, height - 9))
    return drawing


def day_columns(glyphs: Glyphs, days: Sequence[dt.date], visits: Sequence[int]) -> Any:
    """A column per day of the month, weekends in grey (and said so in the legend), the day of
    the month under each column and the count above it."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.lib.colors import HexColor

    height = 62 * MM
    drawing = canvas(glyphs, height)
    chart = VerticalBarChart()
    chart.x = 12 * MM
    chart.y = 12
    chart.width = WIDTH - 14 * MM
    chart.height = height - 12 - 14 * MM
    chart.data = [list(visits)]
    chart.categoryAxis.categoryNames = [str(day.day) for day in days]
    chart.categoryAxis.labels.fontName = glyphs.base
    chart.categoryAxis.labels.fontSize = NUMBER_SIZE
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.visibleTicks = 0
    chart.categoryAxis.strokeColor = HexColor(INK)
    chart.categoryAxis.strokeWidth = 0.5
    chart.groupSpacing = 2.5
    _value_axis(chart.valueAxis, glyphs.base, max(visits, default=0), False)
    chart.bars[0].fillColor = HexColor(DARK)
    chart.bars[0].strokeColor = None
    for index, day in enumerate(days):
        if day.weekday() >= 5:
            chart.bars[(0, index)].fillColor = HexColor(GREY)
    if len(days) <= 31:
        _bar_labels(chart, glyphs.base, lambda value: f"{value:.0f}" if value else "")
        chart.barLabels.fontSize = 6.5
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 1
    drawing.add(chart)
    drawing.add(
        legend(
            glyphs,
            [Bars("工作日", (), DARK), Bars("周六、周日", (), GREY)],
            chart.x,
            height - 10,
        )
    )
    return drawing


def pie(glyphs: Glyphs, parts: Sequence[tuple[str, int]]) -> Any:
    """A pie of a few parts, each slice named with its count and share beside it (readable in
    black and white too); the parts with nothing are left out of the pie but not of the legend."""
    from reportlab.graphics.charts.piecharts import Pie
    from reportlab.lib.colors import HexColor

    height = 52 * MM
    drawing = canvas(glyphs, height)
    total = sum(count for _name, count in parts)
    shown = [(name, count, PIE_FILLS[i % len(PIE_FILLS)]) for i, (name, count) in enumerate(parts)]
    chart = Pie()
    chart.x = 20 * MM
    chart.y = 6 * MM
    chart.width = chart.height = height - 12 * MM
    slices = [(name, count, fill) for name, count, fill in shown if count]
    chart.data = [count for _name, count, _fill in slices] or [1]
    chart.labels = None
    chart.startAngle = 90
    chart.direction = "clockwise"
    chart.slices.strokeColor = HexColor("#FFFFFF")
    chart.slices.strokeWidth = 1
    for index, (_name, _count, fill) in enumerate(slices):
        chart.slices[index].fillColor = HexColor(fill)
    if not slices:
        chart.slices[0].fillColor = HexColor("#EEEEEE")
    drawing.add(chart)
    from reportlab.graphics.shapes import Rect

    x = chart.x + chart.width + 18 * MM
    y = chart.y + chart.height - 8
    for name, count, fill in shown:
        share = f"{count * 100 / total:.1f}%" if total else "—"
        drawing.add(Rect(x, y - 1, 9, 9, fillColor=HexColor(fill), strokeColor=None))
        drawing.add(words(glyphs, f"{name}　{count:,} 件（{share}）", x + 14, y, 10.5))
        y -= 8 * MM
    return drawing
