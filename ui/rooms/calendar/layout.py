"""Where everything on the calendar goes, computed once per data, size or font change: the
columns (a room on a day), the rows (time), the shaded closed hours and every block's rectangle
and the text that fits in it. Painting and hit testing only look these up.

Coordinates here are the body's own ("content"): x from the first column, y from the first row;
the widget adds the header, the time ruler and the scroll offsets.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from app.choices import BookingStatus
from app.services.rooms.views import BookingBlock, RoomColumn
from ui.rooms.calendar.styles import BlockStyle, block_style, translate

Hours = tuple[dt.time, dt.time] | None
DEFAULT_FIRST = 8 * 60  # the rows shown when no hours are known: 08:00-21:00
DEFAULT_LAST = 21 * 60
ROW_MINUTES = 30
HOLDING = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


class ViewMode(enum.StrEnum):
    DAY = "day"  # one day, the rooms as columns
    WEEK = "week"  # seven days; with several rooms each day splits into narrow room columns


@dataclass(frozen=True)
class CalendarData:
    """What the desk pushed in."""

    mode: ViewMode
    days: tuple[dt.date, ...]
    rooms: tuple[RoomColumn, ...]
    blocks: tuple[BookingBlock, ...]
    hours: Mapping[tuple[int, dt.date], Hours]
    notes: Mapping[dt.date, str]

    @property
    def one_room_week(self) -> bool:
        return self.mode == ViewMode.WEEK and len(self.rooms) == 1

    @property
    def room_subcolumns(self) -> bool:
        return self.mode == ViewMode.WEEK and len(self.rooms) > 1

    def day_closed(self, day: dt.date) -> bool:
        """The centre is closed that day: every room shown is closed all day and the day has a
        note saying why (a holiday, the centre's closure). Rooms merely without hours that
        weekday are "not open", not a closed centre."""
        return bool(self.rooms and self.notes.get(day)) and all(
            (room.id, day) in self.hours and self.hours[(room.id, day)] is None
            for room in self.rooms
        )


def minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


@dataclass
class Column:
    index: int
    day: dt.date
    room: RoomColumn
    group: int  # which day (0 in the day view)
    x: float = 0.0
    width: float = 0.0
    opens: int | None = None  # minutes of the day; None with `closed` = closed all day
    closes: int | None = None
    closed: bool = False
    closed_reason: str = ""

    @property
    def right(self) -> float:
        return self.x + self.width

    def open_at(self, start: int, end: int) -> bool:
        if self.closed:
            return False
        if self.opens is None or self.closes is None:
            return True  # no hours given for this room and day: open
        return start >= self.opens and end <= self.closes


@dataclass
class Group:
    """A day's header over its columns."""

    day: dt.date
    x: float
    width: float
    closed: bool
    note: str


@dataclass
class Shade:
    rect: QRectF
    reason: str
    whole_day: bool


@dataclass
class TextRun:
    text: str
    bold: bool
    x: float  # from the text's left edge


@dataclass
class BlockItem:
    """One booking's piece in one column (a booking past midnight has a piece per day)."""

    block: BookingBlock
    column: int
    start: int  # minutes from the column's midnight
    end: int
    rect: QRectF = field(default_factory=QRectF)
    style: BlockStyle | None = None
    lines: list[list[TextRun]] = field(default_factory=list)
    glyphs: str = ""  # narrow columns: characters stacked one per line
    tooltip: str = ""


@dataclass
class Metrics:
    """Sizes from the font: nothing here is a fixed pixel count except hairlines."""

    font: QFont
    bold: QFont
    height: float
    em: float
    line: float  # one line of text inside a block
    pad: float
    ruler_width: float
    title_height: float  # the one-room week's room line
    band_height: float  # the days' line(s)
    room_height: float  # the rooms' names
    header_height: float
    base_row: float
    least_column: float

    @property
    def stripe(self) -> float:
        return max(3.0, round(self.em / 5))


def measure(font: QFont, data: CalendarData) -> Metrics:
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(font)
    height = metrics.height()
    em = metrics.horizontalAdvance("国")
    line = math.ceil(height * 1.15)
    pad = max(2.0, round(height * 0.2))
    ruler = math.ceil(metrics.horizontalAdvance("00:00") + 3 * pad)
    header_line = math.ceil(height * 1.3)
    title = header_line + pad if data.one_room_week else 0.0
    if data.mode == ViewMode.DAY:
        band = header_line + pad
        room = 2 * header_line + pad
        base_row = math.ceil(height * 1.6)
        least = em * 5
    elif data.one_room_week:
        band = 2 * header_line + pad
        room = 0.0
        base_row = math.ceil(height * 1.1)
        least = em * 5
    else:
        band = 2 * header_line + pad
        room = header_line + pad
        base_row = math.ceil(height * 1.1)
        least = math.ceil(em * 0.8 + 4)
    return Metrics(
        font=font,
        bold=bold,
        height=height,
        em=em,
        line=line,
        pad=pad,
        ruler_width=ruler,
        title_height=title,
        band_height=band,
        room_height=room,
        header_height=title + band + room,
        base_row=base_row,
        least_column=least,
    )


class Layout:
    """Columns, rows and blocks for one data set at one viewport size."""

    def __init__(self, data: CalendarData, font: QFont, width: int, height: int) -> None:
        self.data = data
        self.m = measure(font, data)
        self._plain, self._bold = QFontMetricsF(self.m.font), QFontMetricsF(self.m.bold)
        self.columns: list[Column] = []
        self.groups: list[Group] = []
        self._by_room_day: dict[tuple[int, dt.date], int] = {}
        for group, day in enumerate(data.days):
            for room in data.rooms:
                column = Column(len(self.columns), day, room, group)
                self._apply_hours(column)
                self._by_room_day[(room.id, day)] = column.index
                self.columns.append(column)
        self.first, self.last = self._time_range()
        rows = (self.last - self.first) // ROW_MINUTES
        body_height = max(0.0, height - self.m.header_height)
        self.row_height = max(self.m.base_row, math.floor(body_height / max(1, rows)))
        self.content_height = rows * self.row_height
        self._place_columns(width - self.m.ruler_width)
        self.glyph_font, self.glyph_height = self._glyph_font()
        self.shades = self._shades()
        self.items: list[BlockItem] = []
        self.by_column: list[list[BlockItem]] = [[] for _ in self.columns]
        self._place_blocks()
        # Tab order: by start, then left to right.
        self.order = sorted(self.items, key=lambda item: (item.block.starts_at, item.column))

    # --- construction -------------------------------------------------------------------------

    def _apply_hours(self, column: Column) -> None:
        key = (column.room.id, column.day)
        if key not in self.data.hours:
            return
        hours = self.data.hours[key]
        if hours is None:
            column.closed = True
            note = self.data.notes.get(column.day, "")
            if self.data.day_closed(column.day):
                column.closed_reason = translate("RoomsCalendar", "Closed") + (
                    f" · {note}" if note else ""
                )
            else:
                column.closed_reason = translate("RoomsCalendar", "Room not open this day")
            return
        column.opens, column.closes = minutes(hours[0]), minutes(hours[1]) or 24 * 60

    def _time_range(self) -> tuple[int, int]:
        starts = [c.opens for c in self.columns if c.opens is not None]
        ends = [c.closes for c in self.columns if c.closes is not None]
        if not starts:
            starts, ends = [DEFAULT_FIRST], [DEFAULT_LAST]
        for block in self.data.blocks:
            for day in self.data.days:
                piece = _piece(block, day)
                if piece is not None:
                    starts.append(piece[0])
                    ends.append(piece[1])
        first = max(0, min(starts) // 60 * 60)
        last = min(24 * 60, -(-max(ends) // 60) * 60)
        if last - first < 60:
            last = min(24 * 60, first + 60)
        return first, last

    def _place_columns(self, available: float) -> None:
        count = max(1, len(self.columns))
        total = max(available, self.m.least_column * count)
        self.content_width = math.floor(total)
        edges = [round(i * total / count) for i in range(count + 1)]
        for column in self.columns:
            column.x = edges[column.index]
            column.width = edges[column.index + 1] - edges[column.index]
        self._lefts = [column.x for column in self.columns]
        per_day = max(1, len(self.data.rooms))
        for group, day in enumerate(self.data.days):
            members = self.columns[group * per_day : (group + 1) * per_day]
            if not members:
                continue
            self.groups.append(
                Group(
                    day,
                    members[0].x,
                    members[-1].right - members[0].x,
                    self.data.day_closed(day),
                    self.data.notes.get(day, ""),
                )
            )

    def _glyph_font(self) -> tuple[QFont, float]:
        """The narrow columns' stacked characters: the text's own size, smaller only where a
        character would not fit the column (many rooms in the week view)."""
        font = QFont(self.m.font)
        narrowest = min((column.width for column in self.columns), default=self.m.em)
        room = narrowest - 6
        if 0 < room < self.m.em:
            font.setPointSizeF(max(6.0, font.pointSizeF() * room / self.m.em))
        return font, QFontMetricsF(font).height()

    def _shades(self) -> list[list[Shade]]:
        result: list[list[Shade]] = []
        for column in self.columns:
            shades: list[Shade] = []
            if column.closed:
                shades.append(
                    Shade(
                        QRectF(column.x, 0, column.width, self.content_height),
                        column.closed_reason,
                        True,
                    )
                )
            elif column.opens is not None and column.closes is not None:
                if column.opens > self.first:
                    top = self.y_of(column.opens)
                    shades.append(
                        Shade(
                            QRectF(column.x, 0, column.width, top),
                            translate("RoomsCalendar", "Not open"),
                            False,
                        )
                    )
                if column.closes < self.last:
                    top = self.y_of(column.closes)
                    shades.append(
                        Shade(
                            QRectF(column.x, top, column.width, self.content_height - top),
                            translate("RoomsCalendar", "Not open"),
                            False,
                        )
                    )
            result.append(shades)
        return result

    def _place_blocks(self) -> None:
        colours = {room.id: room.colour for room in self.data.rooms}
        for block in self.data.blocks:
            for day in self.data.days:
                index = self._by_room_day.get((block.room_id, day))
                piece = _piece(block, day)
                if index is None or piece is None:
                    continue
                item = BlockItem(block, index, piece[0], piece[1])
                item.style = block_style(block, colours.get(block.room_id, ""))
                self.by_column[index].append(item)
                self.items.append(item)
        narrow_below = self.m.em * 4.5
        for index, items in enumerate(self.by_column):
            items.sort(key=lambda item: (item.start, item.end, item.block.id))
            column = self.columns[index]
            for item, lane, lanes in _lanes(items):
                width = (column.width - 3) / lanes
                top = self.y_of(item.start)
                bottom = self.y_of(item.end)
                item.rect = QRectF(
                    column.x + 2 + lane * width,
                    top + 1,
                    max(2.0, width - 1),
                    max(3.0, bottom - top - 2),
                )
                if item.rect.width() < narrow_below:
                    self._stack_glyphs(item)
                else:
                    self._fit_lines(item)

    def _fit_lines(self, item: BlockItem) -> None:
        block, m = item.block, self.m
        assert item.style is not None
        inner = item.rect.width() - 2 * m.pad - m.stripe
        count = max(1, int((item.rect.height() - m.pad) // m.line))
        plain, bold = self._plain, self._bold
        span = f"{_hhmm(block.starts_at)}–{_hhmm(block.ends_at)}"
        head = " ".join(part for part in (item.style.badge, span, item.style.mark) if part)
        if plain.horizontalAdvance(head) > inner:  # the start alone rather than a cut-off end
            head = " ".join(
                part for part in (item.style.badge, _hhmm(block.starts_at), item.style.mark) if part
            )
        who = " ".join(part for part in (block.booker, block.booker_phone) if part)
        lines: list[list[tuple[str, bool]]]
        if count >= 4:
            lines = [[(head, False)], [(block.title, True)], [(block.booker, False)]]
            lines.append([(block.booker_phone, False)])
        elif count == 3:
            lines = [[(head, False)], [(block.title, True)], [(who, False)]]
        elif count == 2:
            lines = [[(head, False)], [(block.title, True), (" " + who, False)]]
        else:
            badge = f"{item.style.badge} " if item.style.badge else ""
            first = f"{badge}{_hhmm(block.starts_at)} "
            lines = [[(first, False), (block.title, True), (" " + who, False)]]
        for runs in lines:
            fitted: list[TextRun] = []
            x = 0.0
            for text, is_bold in runs:
                if not text.strip():
                    continue
                measure_with = bold if is_bold else plain
                width = measure_with.horizontalAdvance(text)
                if x + width <= inner:
                    fitted.append(TextRun(text, is_bold, x))
                    x += width
                    continue
                elided = measure_with.elidedText(text, Qt.TextElideMode.ElideRight, inner - x)
                # A later run cut to one character and "…" ("张…") says nothing: leave it out.
                if elided and (not fitted or len(elided.strip()) > 2):
                    fitted.append(TextRun(elided, is_bold, x))
                break
            if fitted:
                item.lines.append(fitted)

    def _stack_glyphs(self, item: BlockItem) -> None:
        assert item.style is not None
        title = "".join(item.block.title.split())
        first = item.style.badge[:1]
        fit = int((item.rect.height() - self.m.pad) // self.glyph_height)
        item.glyphs = (first + title)[: max(0, fit)]

    # --- lookups ------------------------------------------------------------------------------

    def y_of(self, minute: float) -> float:
        return (minute - self.first) / ROW_MINUTES * self.row_height

    def minute_at(self, y: float) -> float:
        return self.first + y / self.row_height * ROW_MINUTES

    def column_at(self, x: float) -> int | None:
        if not self.columns or x < 0 or x >= self.columns[-1].right:
            return None
        return max(0, bisect.bisect_right(self._lefts, x) - 1)

    def column_of(self, room_id: int, day: dt.date) -> int | None:
        return self._by_room_day.get((room_id, day))

    def group_at(self, x: float) -> Group | None:
        for group in self.groups:
            if group.x <= x < group.x + group.width:
                return group
        return None

    def item_at(self, x: float, y: float) -> BlockItem | None:
        index = self.column_at(x)
        if index is None:
            return None
        for item in reversed(self.by_column[index]):
            if item.rect.contains(x, y):
                return item
        return None

    def items_of(self, booking_id: int) -> list[BlockItem]:
        return [item for item in self.items if item.block.id == booking_id]

    def moment(self, column: int, minute: int) -> dt.datetime:
        day = self.columns[column].day
        return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)

    def clash(self, column: int, start: int, end: int, ignore: int | None = None) -> str | None:
        """Why [start, end) in `column` can't be booked, in words; None when it is free."""
        target = self.columns[column]
        if target.closed:
            return target.closed_reason
        if not target.open_at(start, end):
            assert target.opens is not None and target.closes is not None
            return (
                translate("RoomsCalendar", "The room is open %1–%2 that day.")
                .replace("%1", _hhmm_minutes(target.opens))
                .replace("%2", _hhmm_minutes(target.closes))
            )
        for item in self.by_column[column]:
            if item.block.id == ignore or item.block.status not in HOLDING:
                continue
            if item.start < end and start < item.end:
                return (
                    translate("RoomsCalendar", "Taken by %1 (%2).")
                    .replace("%1", item.block.title)
                    .replace("%2", f"{_hhmm(item.block.starts_at)}–{_hhmm(item.block.ends_at)}")
                )
        return None


def _piece(block: BookingBlock, day: dt.date) -> tuple[int, int] | None:
    """The part of `block` on `day`, in minutes from its midnight."""
    midnight = dt.datetime.combine(day, dt.time())
    start = max(block.starts_at, midnight)
    end = min(block.ends_at, midnight + dt.timedelta(days=1))
    if start >= end:
        return None
    return (
        int((start - midnight).total_seconds() // 60),
        int(-(-(end - midnight).total_seconds() // 60)),
    )


def _lanes(items: list[BlockItem]) -> list[tuple[BlockItem, int, int]]:
    """Side-by-side lanes for items that overlap (a cancelled booking under its replacement);
    items sorted by start. Returns (item, lane, lanes in its cluster)."""
    result: list[tuple[BlockItem, int, int]] = []
    cluster: list[tuple[BlockItem, int]] = []
    lane_ends: list[int] = []
    cluster_end = -1

    def close() -> None:
        lanes = max(1, len(lane_ends))
        result.extend((item, lane, lanes) for item, lane in cluster)

    for item in items:
        if cluster and item.start >= cluster_end:
            close()
            cluster, lane_ends = [], []
        for lane, end in enumerate(lane_ends):
            if end <= item.start:
                lane_ends[lane] = item.end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(item.end)
        cluster.append((item, lane))
        cluster_end = max(cluster_end, item.end)
    if cluster:
        close()
    return result


def _hhmm(moment: dt.datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _hhmm_minutes(value: int) -> str:
    return f"{value // 60:02d}:{value % 60:02d}"
