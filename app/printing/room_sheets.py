"""The rooms' print-outs: the day sheet for each room's door, all rooms on one day, the week.

- Door sheet (门牌日程): one room a page, its name large, the date with its weekday and what the
  day is (国庆节 闭馆, 调休上班), the day's bookings in time order with time, title, booker (name
  and masked phone) and expected attendees; a request still awaiting approval says 待审批. Read
  from a metre away: the room's name at 44 pt, times and titles at 20 pt.
- Day overview (活动室一览): every room's bookings of one day in one table.
- Week overview (活动室周览): landscape, the seven days Monday to Sunday as columns and the rooms as
  rows; for one room, its mornings, afternoons and evenings as rows.

Cancelled and rejected bookings are not printed. Everything is read in one read transaction
(`read_sheets`, a snapshot), then laid out without the database. Names and titles go through
`app.printing.glyphs`: a character the bundled font lacks is printed in a font of the machine, or
as 〓 and reported (`Printout.unprintable`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.printing.document import MM, Letterhead
from app.printing.glyphs import Printout
from app.printing.kit import NOTE_COLOUR, Kit
from app.printing.member_card import centre_name
from app.security import Actor, Permission
from app.services.rooms import views
from app.services.rooms.days import DayKind, DayStatus, OpeningCalendar
from app.services.rooms.views import BookingBlock, RoomColumn

WEEKDAYS = "一二三四五六日"
PENDING = "待审批"
MAX_DAYS = 31  # a print-out covers a day or a week; more is a mistake, not a print-out

# The door sheet's sizes (points): readable from a metre away.
ROOM_SIZE = 44
DATE_SIZE = 24
NOTE_SIZE = 20
LINE_SIZE = 20  # time and title of a booking
DETAIL_SIZE = 14  # booker, attendees

# Light backgrounds that photocopy as light grey; what they mean is always written too.
HEADER_FILL = "#E8E8E8"
PENDING_FILL = "#FFF1CC"
CLOSED_FILL = "#EFEFEF"


@dataclass(frozen=True)
class RoomSheetData:
    """What the sheets show, read in one transaction: the rooms, the days' statuses and each
    room's hours on them, and the bookings (pending and confirmed) touching the days."""

    centre: str
    printed_at: dt.datetime
    first_day: dt.date
    last_day: dt.date
    rooms: tuple[RoomColumn, ...]
    days: dict[dt.date, DayStatus]
    hours: dict[tuple[int, dt.date], tuple[dt.time, dt.time] | None]
    bookings: tuple[BookingBlock, ...]
    one_room: bool = False  # the sheets were asked for one room

    @property
    def span(self) -> list[dt.date]:
        return [
            self.first_day + dt.timedelta(days=n)
            for n in range((self.last_day - self.first_day).days + 1)
        ]

    def bookings_of(self, room_id: int, day: dt.date) -> list[BookingBlock]:
        """The room's bookings touching `day`, by start."""
        start = dt.datetime.combine(day, dt.time())
        end = start + dt.timedelta(days=1)
        return sorted(
            (
                b
                for b in self.bookings
                if b.room_id == room_id and b.starts_at < end and b.ends_at > start
            ),
            key=lambda b: (b.starts_at, b.ends_at, b.id),
        )

    def printed_rooms(self) -> list[RoomColumn]:
        """The rooms a sheet for all rooms shows: the bookable ones, and any other that has a
        booking in the span (a room taken out of use keeps what it still holds on paper)."""
        if self.one_room:
            return list(self.rooms)
        booked = {b.room_id for b in self.bookings}
        return [room for room in self.rooms if room.bookable or room.id in booked]


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the week holding `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def read_sheets(
    session: Session,
    actor: Actor,
    first_day: dt.date,
    last_day: dt.date,
    room_id: int | None = None,
) -> RoomSheetData:
    """The snapshot the sheets are laid out from; NotFound for a room that isn't on file."""
    actor.require(Permission.PRINT_SHEETS)
    if last_day < first_day:
        raise ValidationError("last_day", translate("Rooms", "The last day is before the first."))
    if (last_day - first_day).days >= MAX_DAYS:
        raise ValidationError(
            "last_day",
            translate("Rooms", "A print-out covers at most %1 days.").replace("%1", str(MAX_DAYS)),
        )
    rooms = views.rooms(session)
    if room_id is not None:
        rooms = [room for room in rooms if room.id == room_id]
        if not rooms:
            raise NotFound(translate("Rooms", "This room is no longer on file."))
    calendar = OpeningCalendar(session, first_day, last_day)
    span = [first_day + dt.timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    room_ids = {room.id for room in rooms}
    bookings = views.blocks(session, actor, first_day, last_day, sorted(room_ids))
    return RoomSheetData(
        centre=centre_name(session),
        printed_at=clock.now(),
        first_day=first_day,
        last_day=last_day,
        rooms=tuple(rooms),
        days={day: calendar.status(day) for day in span},
        hours={(room.id, day): calendar.hours(room.id, day) for room in rooms for day in span},
        bookings=tuple(b for b in bookings if b.room_id in room_ids),
        one_room=room_id is not None,
    )


# --- words -------------------------------------------------------------------------------


def date_words(day: dt.date) -> str:
    """2026年11月25日 星期三"""
    return f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"


def day_note(status: DayStatus) -> str:
    """What the day is, for the sheet: 国庆节 闭馆, 调休上班（国庆节）, the centre's reason; "" for
    an ordinary day."""
    if status.kind in (DayKind.HOLIDAY, DayKind.CLOSED):
        name = status.name.strip()
        return name if name.endswith("闭馆") else f"{name} 闭馆".strip()
    if status.kind == DayKind.WORKDAY:
        return status.name
    return ""


def hours_words(hours: tuple[dt.time, dt.time] | None, status: DayStatus) -> str:
    if status.closed:
        return ""
    if hours is None:
        return "本室今日不开放"
    return f"开放时间 {hours[0]:%H:%M}–{hours[1]:%H:%M}"


def time_span(block: BookingBlock, day: dt.date) -> str:
    """14:00–16:00 on `day`; a part on another day names it (11-26 09:00), and midnight at the
    end of `day` is 24:00."""
    return f"{_moment(block.starts_at, day, start=True)}–{_moment(block.ends_at, day, start=False)}"


def _moment(moment: dt.datetime, day: dt.date, *, start: bool) -> str:
    if moment.date() == day:
        return moment.strftime("%H:%M")
    if not start and moment == dt.datetime.combine(day + dt.timedelta(days=1), dt.time()):
        return "24:00"
    return moment.strftime("%m-%d %H:%M")


def booker_words(block: BookingBlock) -> str:
    """张三 138****5678 · 预计25人"""
    parts = []
    who = " ".join(part for part in (block.booker, block.booker_phone) if part)
    if who:
        parts.append("预约：" + who)
    if block.expected_attendees:
        parts.append(f"预计{block.expected_attendees}人")
    return " · ".join(parts)


def room_words(room: RoomColumn) -> str:
    """容纳 40 人 · 投影、音响"""
    parts = [f"容纳 {room.capacity} 人"]
    if room.facilities:
        parts.append(room.facilities)
    return " · ".join(parts)


# --- the print-outs ----------------------------------------------------------------------


def door_sheets_pdf(data: RoomSheetData, day: dt.date) -> Printout:
    """One page for each room's door; a very full day is set smaller to stay on one page, and
    runs onto a second only when even the smallest size doesn't fit."""
    from reportlab.platypus import PageBreak, Paragraph

    kit = Kit()
    flowables: list[Any] = []
    for index, room in enumerate(data.printed_rooms()):
        if index:
            flowables.append(PageBreak())
        for scale in DOOR_SCALES:
            page = _door_page(kit, data, room, day, scale)
            if _height(page, DOOR_WIDTH) <= DOOR_HEIGHT:
                break
        flowables += page
    if not flowables:
        flowables.append(Paragraph("没有可打印的活动室", kit.style("empty", 20, centre=True)))
    title = f"活动室门牌日程 {day.isoformat()}"
    return kit.build(flowables, Letterhead(data.centre, title, data.printed_at))


# Sizes of a door sheet's bookings, largest first: (time and title, booker, cell padding).
DOOR_SCALES: tuple[tuple[float, float, float], ...] = (
    (LINE_SIZE, DETAIL_SIZE, 7),
    (18, 13, 6),
    (16, 12, 5),
    (14, 11, 4),
    (12, 10, 3),
)
# The frame of an A4 page in app.printing.document, less the frame's own padding (6 pt a side).
DOOR_WIDTH = (210 - 36) * MM - 12
DOOR_HEIGHT = (297 - 24 - 20) * MM - 12


def _door_page(
    kit: Kit,
    data: RoomSheetData,
    room: RoomColumn,
    day: dt.date,
    scale: tuple[float, float, float],
) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer, Table

    line_size, detail_size, padding = scale
    status = data.days[day]
    page: list[Any] = [
        Paragraph(kit.text(room.name), kit.style("room", ROOM_SIZE, centre=True)),
        Paragraph(kit.text(room_words(room)), kit.style("roomInfo", 13, centre=True, muted=True)),
        Spacer(1, 4 * MM),
        Paragraph(date_words(day), kit.style("date", DATE_SIZE, centre=True)),
    ]
    note = day_note(status)
    if note:
        page.append(Paragraph(kit.text(note), kit.style("note", NOTE_SIZE, centre=True, red=True)))
    hours = hours_words(data.hours[(room.id, day)], status)
    if hours:
        page.append(Paragraph(hours, kit.style("hours", 14, centre=True, muted=True)))
    page.append(Spacer(1, 6 * MM))
    bookings = data.bookings_of(room.id, day)
    if not bookings:
        page.append(Spacer(1, 20 * MM))
        page.append(Paragraph("今日无预约", kit.style("empty", 28, centre=True, muted=True)))
        return page
    line = kit.style("line", line_size)
    detail = kit.style("detail", detail_size)
    head = kit.style("head", DETAIL_SIZE)
    rows: list[list[Any]] = [[Paragraph("时间", head), Paragraph("活动", head)]]
    pending_rows = []
    for block in bookings:
        details = [Paragraph(_title(kit, block), line)]
        words = booker_words(block)
        if words:
            details.append(Paragraph(kit.text(words), detail))
        if block.pending:
            pending_rows.append(len(rows))
        rows.append([Paragraph(time_span(block, day), line), details])
    time_width = 50 * MM * line_size / LINE_SIZE
    table = Table(rows, colWidths=[time_width, DOOR_WIDTH - time_width], repeatRows=1)
    table.setStyle(_table_style(pending_rows, padding=padding))
    page.append(table)
    return page


def _height(flowables: Sequence[Any], width: float) -> float:
    """How tall `flowables` are, one below the other, in a frame `width` wide."""
    total = 0.0
    for flowable in flowables:
        _w, height = flowable.wrap(width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def day_overview_pdf(data: RoomSheetData, day: dt.date) -> Printout:
    """Every room's bookings of `day` in one table (a page, more on a very full day)."""
    from reportlab.platypus import Paragraph, Spacer, Table

    kit = Kit()
    status = data.days[day]
    flowables: list[Any] = [
        Paragraph(f"{date_words(day)} 活动室一览", kit.style("heading", 18, centre=True))
    ]
    note = day_note(status)
    if note:
        flowables.append(Paragraph(kit.text(note), kit.style("note", 14, centre=True, red=True)))
    flowables.append(Spacer(1, 4 * MM))
    cell = kit.style("cell", 11)
    muted = kit.style("mutedCell", 11, muted=True)
    rows: list[list[Any]] = [
        [
            Paragraph(text, kit.style("head", 11))
            for text in ("活动室", "时间", "活动", "预约人", "人数")
        ]
    ]
    pending_rows: list[int] = []
    group_starts: list[int] = []
    for room in data.printed_rooms():
        group_starts.append(len(rows))
        name = Paragraph(kit.text(room.name), kit.style("roomCell", 12))
        bookings = data.bookings_of(room.id, day)
        if not bookings:
            hours = data.hours[(room.id, day)]
            empty = "无预约" if hours is not None or status.closed else "本室今日不开放"
            rows.append([name, "", Paragraph(empty, muted), "", ""])
            continue
        for index, block in enumerate(bookings):
            if block.pending:
                pending_rows.append(len(rows))
            who = " ".join(part for part in (block.booker, block.booker_phone) if part)
            rows.append(
                [
                    name if index == 0 else "",
                    Paragraph(time_span(block, day), cell),
                    Paragraph(_title(kit, block), cell),
                    Paragraph(kit.text(who), cell),
                    Paragraph(str(block.expected_attendees or ""), cell),
                ]
            )
    widths = [28 * MM, 27 * MM, 56 * MM, 47 * MM, 16 * MM]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(_table_style(pending_rows, padding=4, groups=group_starts))
    flowables.append(table)
    title = f"活动室一览 {day.isoformat()}"
    return kit.build(flowables, Letterhead(data.centre, title, data.printed_at))


# The parts of a day in the week overview of one room.
DAY_PARTS: tuple[tuple[str, dt.time, dt.time | None], ...] = (
    ("上午", dt.time(0), dt.time(12)),
    ("下午", dt.time(12), dt.time(18)),
    ("晚上", dt.time(18), None),
)


def week_overview_pdf(data: RoomSheetData) -> Printout:
    """Landscape A4: Monday to Sunday as columns; the rooms as rows (for one room: its
    mornings, afternoons and evenings), each cell the bookings' times and titles."""
    from reportlab.platypus import Paragraph, Spacer, Table

    kit = Kit()
    days = data.span
    first, last = days[0], days[-1]
    until = f"{last.month}月{last.day}日"
    if last.year != first.year:
        until = f"{last.year}年{until}"
    dates = f"{first.year}年{first.month}月{first.day}日—{until}"
    if data.one_room and data.rooms:
        heading = f"{kit.text(data.rooms[0].name)} 本周日程 {dates}"
    else:
        heading = f"活动室周览 {dates}"
    flowables: list[Any] = [Paragraph(heading, kit.style("heading", 16, centre=True))]
    flowables.append(Spacer(1, 3 * MM))

    head = [Paragraph("", kit.style("head", 10))]
    for day in days:
        note = day_note(data.days[day])
        text = f"周{WEEKDAYS[day.weekday()]} {day.month}/{day.day}"
        if note:
            text += f'<br/><font size="8" color="{NOTE_COLOUR}">{kit.text(note)}</font>'
        head.append(Paragraph(text, kit.style("dayHead", 10, centre=True)))
    rows: list[list[Any]] = [head]

    # One room has the page to itself: larger type, and each part of the day a third of it.
    size = 10.5 if data.one_room else 8.5
    line = kit.style("entry", size, leading=size * 1.25, space_after=1.5)
    empty = kit.style("emptyCell", size, muted=True, leading=size * 1.25)

    def cell(room_id: int, bookings: Sequence[BookingBlock], day: dt.date) -> list[Any]:
        if not bookings:
            if data.days[day].closed:
                return [Paragraph("闭馆", empty)]
            return [Paragraph("" if data.hours[(room_id, day)] else "不开放", empty)]
        return [
            Paragraph(f"{time_span(block, day)} {_title(kit, block)}", line) for block in bookings
        ]

    label = kit.style("rowHead", 10)
    heights: list[float] | None = None
    if data.one_room:
        room = data.rooms[0]
        for part, begins, ends in DAY_PARTS:
            row: list[Any] = [Paragraph(part, label)]
            for day in days:
                of_part = [
                    b for b in data.bookings_of(room.id, day) if _in_part(b, day, begins, ends)
                ]
                row.append(cell(room.id, of_part, day))
            rows.append(row)
        heights = [0.0] + [42 * MM] * len(DAY_PARTS)
    else:
        for room in data.printed_rooms():
            row = [Paragraph(kit.text(room.name), label)]
            row += [cell(room.id, data.bookings_of(room.id, day), day) for day in days]
            rows.append(row)
    width = (297 - 36 - 24) / 7
    table = Table(
        rows,
        colWidths=[24 * MM] + [width * MM] * 7,
        repeatRows=1,
        splitInRow=1,  # a room with a very full week runs on over the page
        minRowHeights=heights,
    )
    closed_columns = [1 + n for n, day in enumerate(days) if data.days[day].closed]
    table.setStyle(_week_style(closed_columns))
    flowables.append(table)
    title = f"活动室周览 {first.isoformat()} 至 {last.isoformat()}"
    return kit.build(flowables, Letterhead(data.centre, title, data.printed_at), landscape=True)


def _in_part(block: BookingBlock, day: dt.date, begins: dt.time, ends: dt.time | None) -> bool:
    start = max(block.starts_at, dt.datetime.combine(day, dt.time()))
    return start.time() >= begins and (ends is None or start.time() < ends)


# --- layout helpers ----------------------------------------------------------------------


def _title(kit: Kit, block: BookingBlock) -> str:
    title = kit.text(block.title)
    return f"【{PENDING}】{title}" if block.pending else title


def _table_style(pending_rows: Sequence[int], *, padding: float, groups: Sequence[int] = ()) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor("#888888")),
        ("BOX", (0, 0), (-1, -1), 1, HexColor("#333333")),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    for row in pending_rows:
        commands.append(("BACKGROUND", (1, row), (-1, row), HexColor(PENDING_FILL)))
    for row in groups:
        commands.append(("LINEABOVE", (0, row), (-1, row), 1.2, HexColor("#333333")))
    return TableStyle(commands)


def _week_style(closed_columns: Sequence[int]) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
        ("BACKGROUND", (0, 1), (0, -1), HexColor(HEADER_FILL)),
        ("GRID", (0, 0), (-1, -1), 0.5, HexColor("#888888")),
        ("BOX", (0, 0), (-1, -1), 1, HexColor("#333333")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for column in closed_columns:
        commands.append(("BACKGROUND", (column, 1), (column, -1), HexColor(CLOSED_FILL)))
    return TableStyle(commands)


# --- what the desk and the command line call ----------------------------------------------


def day_sheets(
    session: Session, actor: Actor, day: dt.date, room_id: int | None = None
) -> RoomSheetData:
    return read_sheets(session, actor, day, day, room_id)


def week_sheets(
    session: Session, actor: Actor, day: dt.date, room_id: int | None = None
) -> RoomSheetData:
    first, last = week_of(day)
    return read_sheets(session, actor, first, last, room_id)
