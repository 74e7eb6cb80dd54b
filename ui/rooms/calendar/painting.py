"""Painting the calendar from its layout: only what meets the exposed rectangle, with pens,
brushes and fonts made once per layout (not per block, not per paint)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPixmap,
    QStaticText,
    QTransform,
)

from ui.labels import QT_TRANSLATE_NOOP
from ui.rooms.calendar import styles
from ui.rooms.calendar.layout import ROW_MINUTES, BlockItem, Layout, ViewMode
from ui.rooms.calendar.styles import tr, translate

_WEEKDAYS = (
    QT_TRANSLATE_NOOP("RoomsCalendar", "Mon"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Tue"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Wed"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Thu"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Fri"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Sat"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Sun"),
)
_LONG_WEEKDAYS = (
    QT_TRANSLATE_NOOP("RoomsCalendar", "Monday"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Tuesday"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Wednesday"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Thursday"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Friday"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Saturday"),
    QT_TRANSLATE_NOOP("RoomsCalendar", "Sunday"),
)


def weekday_name(day: dt.date) -> str:
    return tr(_WEEKDAYS[day.weekday()])


def long_weekday_name(day: dt.date) -> str:
    return tr(_LONG_WEEKDAYS[day.weekday()])


def short_day(day: dt.date) -> str:
    """周三 11月25日"""
    return (
        translate("RoomsCalendar", "%1 %2/%3")
        .replace("%1", weekday_name(day))
        .replace("%2", str(day.month))
        .replace("%3", str(day.day))
    )


def fitting_day(day: dt.date, metrics: QFontMetricsF, width: float) -> str:
    """周三 11月25日, or 周三 11/25 where that does not fit (a week's narrow columns in the
    large text size): the date is never cut off."""
    text = short_day(day)
    if metrics.horizontalAdvance(text) <= width:
        return text
    return f"{weekday_name(day)} {day.month}/{day.day}"


def long_day(day: dt.date) -> str:
    """2026年11月25日 星期三"""
    return (
        translate("RoomsCalendar", "%1/%2/%3 %4")
        .replace("%1", str(day.year))
        .replace("%2", str(day.month))
        .replace("%3", str(day.day))
        .replace("%4", long_weekday_name(day))
    )


@dataclass
class Ghost:
    """Where a drag would put a booking (or the range being selected), and whether it may."""

    column: int
    start: int
    end: int
    refusal: str | None


class Painter:
    """The paint tools of one layout."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        m = layout.m
        self.font = m.font
        self.bold = m.bold
        self.glyph = layout.glyph_font
        self.ascent = QFontMetricsF(m.font).ascent()
        self.glyph_metrics = QFontMetricsF(layout.glyph_font)
        self.white = QColor("#ffffff")
        self.text = QColor(styles.TEXT)
        self.muted = QColor(styles.MUTED_TEXT)
        self.closed = QColor(styles.CLOSED_FILL)
        self.header_fill = QColor(styles.HEADER_FILL)
        self.hour_pen = QPen(QColor(styles.GRID_HOUR), 1)
        self.half_pen = QPen(QColor(styles.GRID_HALF), 1)
        self.day_pen = QPen(QColor(styles.DAY_SEPARATOR), 2)
        self.now_pen = QPen(QColor(styles.NOW_LINE), 2)
        self.selection = QColor(styles.SELECTION_FILL)
        self._pens: dict[tuple[int, int, bool], QPen] = {}
        self._hatches: dict[int, QBrush] = {}
        self._statics: dict[tuple[str, bool, bool], tuple[QStaticText, float]] = {}

    # --- blocks -------------------------------------------------------------------------------

    def _pen(self, colour: QColor, width: int, dashed: bool) -> QPen:
        key = (colour.rgba(), width, dashed)
        pen = self._pens.get(key)
        if pen is None:
            pen = QPen(colour, width)
            pen.setStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            self._pens[key] = pen
        return pen

    def _hatch(self, colour: QColor) -> QBrush:
        """Broad diagonal stripes (Qt's own patterns are one pixel thin: too faint to read)."""
        brush = self._hatches.get(colour.rgba())
        if brush is None:
            size = max(8, round(self.layout.m.em * 0.6))
            tile = QPixmap(size, size)
            tile.fill(self.white)
            tiler = QPainter(tile)
            tiler.setRenderHint(QPainter.RenderHint.Antialiasing)
            tiler.setPen(QPen(colour, max(2.0, size / 3)))
            for offset in (-size, 0, size):
                tiler.drawLine(QPointF(offset, size), QPointF(offset + size, 0))
            tiler.end()
            brush = QBrush(tile)
            self._hatches[colour.rgba()] = brush
        return brush

    def block(self, painter: QPainter, item: BlockItem) -> None:
        style = item.style
        assert style is not None
        rect = item.rect
        painter.fillRect(rect, self._hatch(style.hatch) if style.hatch is not None else style.fill)
        m = self.layout.m
        if style.stripe is not None:
            painter.fillRect(QRectF(rect.x(), rect.y(), m.stripe, rect.height()), style.stripe)
        painter.setPen(self._pen(style.border, style.border_width, style.dashed))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = style.border_width / 2
        painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
        painter.setPen(style.text)
        if item.glyphs:
            height = self.layout.glyph_height
            top = rect.y() + m.pad / 2
            middle = rect.center().x()
            # QStaticText draws with the painter's font: the one it was prepared with.
            painter.setFont(self.glyph)
            for index, glyph in enumerate(item.glyphs):
                static, width = self._static(glyph, self.glyph)
                painter.drawStaticText(QPointF(middle - width / 2, top + index * height), static)
            return
        if not item.lines:
            return
        left = rect.x() + m.pad + m.stripe
        top = rect.y() + m.pad / 2
        short = rect.height() < m.line + m.pad / 2
        if short:
            painter.save()
            painter.setClipRect(rect)
            top = rect.y() + (rect.height() - m.height) / 2
        for number, line in enumerate(item.lines):
            y = top + number * m.line
            for run in line:
                font = self.bold if run.bold else self.font
                painter.setFont(font)
                static, _width = self._static(run.text, font)
                painter.drawStaticText(QPointF(left + run.x, y), static)
        if short:
            painter.restore()

    def _static(self, text: str, font: QFont) -> tuple[QStaticText, float]:
        """Text laid out once per layout and font (titles and characters repeat all week)."""
        key = (text, font is self.bold, font is self.glyph)
        found = self._statics.get(key)
        if found is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            static.prepare(QTransform(), font)
            found = (static, QFontMetricsF(font).horizontalAdvance(text))
            self._statics[key] = found
        return found

    # --- body ---------------------------------------------------------------------------------

    def body(self, painter: QPainter, area: QRectF, first: int, last: int) -> None:
        """The columns `first`..`last` where they meet `area` (content coordinates)."""
        layout = self.layout
        m = layout.m
        for index in range(first, last + 1):
            for shade in layout.shades[index]:
                if not shade.rect.intersects(area):
                    continue
                painter.fillRect(shade.rect, self.closed)
                self._shade_text(painter, shade.rect, shade.reason, shade.whole_day, area)
        # The grid: hour lines, half-hour lines, column and day separators.
        left = layout.columns[first].x
        right = layout.columns[last].right
        row_first = max(0, int(area.top() // layout.row_height))
        row_last = min(
            int((layout.last - layout.first) // ROW_MINUTES),
            int(area.bottom() // layout.row_height),
        )
        for row in range(row_first, row_last + 1):
            y = round(row * layout.row_height) + 0.5
            on_hour = (layout.first + row * ROW_MINUTES) % 60 == 0
            painter.setPen(self.hour_pen if on_hour else self.half_pen)
            painter.drawLine(QPointF(left, y), QPointF(right, y))
        for index in range(first, last + 1):
            column = layout.columns[index]
            day_edge = layout.data.room_subcolumns and column.room is layout.data.rooms[0]
            painter.setPen(self.day_pen if day_edge and index else self.hour_pen)
            x = column.x + (0.0 if day_edge else 0.5)
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        del m

    def _shade_text(
        self, painter: QPainter, rect: QRectF, reason: str, whole_day: bool, area: QRectF
    ) -> None:
        m = self.layout.m
        if rect.width() < m.em * 2.5 or rect.height() < m.line or not reason:
            return
        painter.setPen(self.muted)
        painter.setFont(self.font)
        if whole_day:
            # At the top of what is in view, so the reason is seen wherever one scrolled.
            top = max(rect.top(), area.top()) + m.pad
            box = QRectF(rect.x() + m.pad, top, rect.width() - 2 * m.pad, m.line * 3)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap), reason
            )
            return
        metrics = QFontMetricsF(self.font)
        text = metrics.elidedText(reason, Qt.TextElideMode.ElideRight, rect.width() - 2 * m.pad)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def range_fill(self, painter: QPainter, column: int, start: int, end: int) -> None:
        painter.fillRect(self.cell(column, start, end), self.selection)

    def cell(self, column: int, start: int, end: int) -> QRectF:
        layout = self.layout
        target = layout.columns[column]
        top = round(layout.y_of(start))
        return QRectF(target.x, top, target.width, round(layout.y_of(end)) - top)

    def cursor(self, painter: QPainter, rect: QRectF, focused: bool) -> None:
        pen = self._pen(QColor(styles.CURSOR), 3 if focused else 2, not focused)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))

    def current(self, painter: QPainter, item: BlockItem, focused: bool) -> None:
        painter.setPen(self._pen(QColor(styles.CURSOR if focused else "#111111"), 3, False))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(item.rect.adjusted(-1.5, -1.5, 1.5, 1.5))

    def ghost(self, painter: QPainter, ghost: Ghost) -> None:
        m = self.layout.m
        rect = self.cell(ghost.column, ghost.start, ghost.end).adjusted(2, 1, -2, -1)
        refused = ghost.refusal is not None
        fill = QColor(styles.REFUSED_FILL if refused else styles.ACCEPTED_FILL)
        fill.setAlpha(240)  # the words on it stay readable over what lies beneath
        painter.fillRect(rect, fill)
        painter.setPen(
            self._pen(QColor(styles.REFUSED if refused else styles.ACCEPTED), 3, refused)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))
        span = f"{_hhmm(ghost.start)}–{_hhmm(ghost.end)}"
        text = span
        if refused:
            words = translate("RoomsCalendar", "Not possible")
            text = f"{words} {span}\n{ghost.refusal}"
        painter.setPen(self.text)
        painter.setFont(self.bold)
        painter.save()
        painter.setClipRect(rect)
        painter.drawText(
            rect.adjusted(m.pad, m.pad / 2, -m.pad, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            text,
        )
        painter.restore()

    def now_line(self, painter: QPainter, now: dt.datetime, area: QRectF) -> None:
        layout = self.layout
        minute = now.hour * 60 + now.minute + now.second / 60
        if not layout.first <= minute <= layout.last:
            return
        y = layout.y_of(minute)
        if not area.top() - 2 <= y <= area.bottom() + 2:
            return
        painter.setPen(self.now_pen)
        for group in layout.groups:
            if group.day == now.date():
                painter.drawLine(QPointF(group.x, y), QPointF(group.x + group.width, y))

    # --- header and ruler ---------------------------------------------------------------------

    def header(self, painter: QPainter, left: float, right: float, today: dt.date) -> None:
        """The header strip between content x `left` and `right` (y from 0)."""
        layout = self.layout
        data = layout.data
        m = layout.m
        painter.fillRect(QRectF(left, 0, right - left, m.header_height), self.header_fill)
        y = 0.0
        if data.one_room_week:
            room = data.rooms[0]
            text = f"{room.name} · {capacity_text(room.capacity)}"
            painter.setPen(self.text)
            painter.setFont(self.bold)
            box = QRectF(left + m.pad, 0, right - left - 2 * m.pad, m.title_height)
            self._elided(painter, box, text, self.bold, Qt.AlignmentFlag.AlignVCenter)
            y = m.title_height
        for group in layout.groups:
            if group.x + group.width < left or group.x > right:
                continue
            box = QRectF(group.x, y, group.width, m.band_height)
            if group.closed:
                painter.fillRect(box, self.closed)
            inner = box.adjusted(m.pad, m.pad / 2, -m.pad, 0)
            notes = []
            if group.day == today:
                notes.append(translate("RoomsCalendar", "Today"))
            if group.closed:
                notes.append(translate("RoomsCalendar", "Closed"))
            if group.note:
                notes.append(group.note)
            painter.setPen(self.text)
            if data.mode == ViewMode.DAY:
                line = " · ".join([long_day(group.day), *notes])
                self._elided(painter, inner, line, self.bold, Qt.AlignmentFlag.AlignVCenter)
            else:
                half = QRectF(inner.x(), inner.y(), inner.width(), inner.height() / 2)
                self._elided(
                    painter,
                    half,
                    fitting_day(group.day, QFontMetricsF(self.bold), half.width()),
                    self.bold,
                    Qt.AlignmentFlag.AlignVCenter,
                )
                painter.setPen(self.muted if not group.closed else self.text)
                self._elided(
                    painter,
                    half.translated(0, half.height()),
                    " · ".join(notes),
                    self.font,
                    Qt.AlignmentFlag.AlignVCenter,
                )
            if group.day == today:
                painter.fillRect(
                    QRectF(box.x(), box.bottom() - m.stripe, box.width(), m.stripe),
                    QColor(styles.CURSOR),
                )
        y += m.band_height
        if m.room_height:
            painter.setPen(self.text)
            for column in layout.columns:
                if column.right < left or column.x > right:
                    continue
                box = QRectF(column.x, y, column.width, m.room_height)
                room = column.room
                if room.colour:
                    painter.fillRect(
                        QRectF(box.x() + 1, box.bottom() - m.stripe, box.width() - 2, m.stripe),
                        QColor(room.colour),
                    )
                inner = box.adjusted(m.pad / 2, m.pad / 2, -m.pad / 2, -m.stripe)
                if data.mode == ViewMode.DAY:
                    half = QRectF(inner.x(), inner.y(), inner.width(), inner.height() / 2)
                    self._elided(painter, half, room.name, self.bold, Qt.AlignmentFlag.AlignHCenter)
                    self._elided(
                        painter,
                        half.translated(0, half.height()),
                        capacity_text(room.capacity),
                        self.font,
                        Qt.AlignmentFlag.AlignHCenter,
                    )
                else:
                    self._initials(painter, inner, room.name)
        # Separators: between days strongly, between rooms faintly, and under the header.
        for column in layout.columns:
            if column.x < left or column.x > right or not column.index:
                continue
            day_edge = column.room is data.rooms[0]
            painter.setPen(self.day_pen if day_edge else self.hour_pen)
            top = m.title_height if day_edge else m.title_height + m.band_height
            painter.drawLine(QPointF(column.x, top), QPointF(column.x, m.header_height))
        painter.setPen(self.day_pen)
        painter.drawLine(QPointF(left, m.header_height - 1), QPointF(right, m.header_height - 1))

    def _initials(self, painter: QPainter, box: QRectF, name: str) -> None:
        """As much of a room's name as fits a narrow column (its first characters)."""
        metrics = QFontMetricsF(self.glyph)
        shown = ""
        for character in name:
            if metrics.horizontalAdvance(shown + character) > box.width():
                break
            shown += character
        painter.setFont(self.glyph)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), shown or name[:1])

    def _elided(
        self,
        painter: QPainter,
        box: QRectF,
        text: str,
        font: QFont,
        align: Qt.AlignmentFlag,
    ) -> None:
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), shown)

    def ruler(self, painter: QPainter, top: float, bottom: float, now: dt.datetime | None) -> None:
        """The time ruler between content y `top` and `bottom` (x from 0); an hour that the
        red "now" label covers is not written under it."""
        layout = self.layout
        m = layout.m
        width = m.ruler_width
        painter.fillRect(QRectF(0, top, width, bottom - top), self.header_fill)
        now_label: QRectF | None = None
        if now is not None:
            minute = now.hour * 60 + now.minute
            if layout.first <= minute <= layout.last:
                y = layout.y_of(minute)
                now_label = QRectF(0, y - m.line / 2, width - 1, m.line)
        painter.setFont(self.font)
        painter.setPen(self.text)
        hour = layout.first // 60
        while hour * 60 <= layout.last:
            y = layout.y_of(hour * 60)
            if top - m.line <= y <= bottom and hour * 60 < layout.last:
                box = QRectF(0, y + 1, width - m.pad, m.line)
                if now_label is None or not now_label.intersects(box):
                    painter.drawText(
                        box,
                        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                        f"{hour:02d}:00",
                    )
            hour += 1
        painter.setPen(self.hour_pen)
        painter.drawLine(QPointF(width - 0.5, top), QPointF(width - 0.5, bottom))
        if now is not None and now_label is not None:
            painter.fillRect(now_label, QColor(styles.NOW_LINE))
            painter.setPen(self.white)
            painter.setFont(self.bold)
            painter.drawText(
                now_label, int(Qt.AlignmentFlag.AlignCenter), _hhmm(now.hour * 60 + now.minute)
            )


def capacity_text(capacity: int) -> str:
    return translate("RoomsCalendar", "Seats %1").replace("%1", str(capacity))


def _hhmm(minute: int) -> str:
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}" if minute < 24 * 60 else "24:00"
