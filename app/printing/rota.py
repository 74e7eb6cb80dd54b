"""值班表: the duty rota of a month (or a week) per community, for the building groups' party
groups (楼组党小组) to tick from paper.

A4 landscape in the shared frame. For each community a heading, then one table whose column heads
repeat on each page: 楼组 / 值班内容 / 时间 / 地点 / 志愿者 / 电话 (masked), and one tick box per
week of the period. A box holds the turn's date in small grey type and room to tick by hand;
a turn already marked at the desk shows 已到 or 未到 in words; a week the volunteer was not on
the duty (or the turn falls outside the period) is struck through with "—".

Everything is read in one read transaction (`read_rota`) and laid out without the database
(`rota_pdf`). Every string goes through `app.printing.glyphs` (via `Kit`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.errors import NotFound
from app.i18n import translate
from app.models import Community, DutyShift, DutyStatus
from app.printing.document import MM, Letterhead
from app.printing.glyphs import Printout
from app.printing.kit import Kit
from app.printing.member_card import centre_name
from app.printing.signin_sheet import HEADER_FILL
from app.printing.signin_sheet import _cell as fitted_cell
from app.security import Actor, Permission
from app.services.volunteers import rota

TITLE = "值班表"
WEEKDAYS = "一二三四五六日"
HEADS = ("楼组", "值班内容", "时间", "地点", "志愿者", "电话")
WIDTHS_MM = (20, 34, 27, 28, 24, 30)  # 163 mm; the week boxes share the rest of 261 mm
FRAME_MM = 261
ROW_HEIGHT = 12 * MM  # room to tick by hand
DONE_WORD = "已到"
MISSED_WORD = "未到"


@dataclass(frozen=True)
class RotaRow:
    """One volunteer on one duty, with a box per week: the turn's day (None: no turn that week)
    and how it was marked ("done", "missed" or "")."""

    building_group: str
    duty: str
    time: str  # 周三 07:00–08:30
    place: str
    name: str
    phone: str  # masked
    turns: tuple[tuple[dt.date | None, str], ...]


@dataclass(frozen=True)
class RotaCommunity:
    name: str
    rows: tuple[RotaRow, ...]


@dataclass(frozen=True)
class RotaData:
    centre: str
    printed_at: dt.datetime
    first: dt.date
    last: dt.date
    weeks: tuple[dt.date, ...]  # the Mondays of the period's weeks
    communities: tuple[RotaCommunity, ...]

    @property
    def period(self) -> str:
        if self.first.day == 1 and self.last.month != (self.last + dt.timedelta(days=1)).month:
            return f"{self.first.year}年{self.first.month}月"
        return f"{_day(self.first)}–{_day(self.last)}"


def _day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def time_words(weekday: int, start: dt.time, end: dt.time) -> str:
    """周三 07:00–08:30"""
    return f"周{WEEKDAYS[weekday]} {start:%H:%M}–{end:%H:%M}"


def week_words(monday: dt.date) -> str:
    """11/23–29, or 11/30– and 12/6 on the next line across a month's end."""
    sunday = monday + dt.timedelta(days=6)
    end = f"{sunday.day}" if sunday.month == monday.month else f"<br/>{sunday.month}/{sunday.day}"
    return f"{monday.month}/{monday.day}–{end}"


def month_span(month: dt.date) -> tuple[dt.date, dt.date]:
    first = month.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def read_rota(
    session: Session,
    actor: Actor,
    first: dt.date,
    last: dt.date,
    *,
    community_id: int | None = None,
) -> RotaData:
    """The rota from `first` to `last` (a month, or a week), of one community or of all."""
    actor.require(Permission.PRINT_SHEETS)
    if community_id is not None and session.get(Community, community_id) is None:
        raise NotFound(translate("Rota", "This community no longer exists."))
    lines = rota.duties(session, actor, community_id=community_id, first=first, last=last)
    marks = {
        (duty_id, volunteer_id, day): status
        for duty_id, volunteer_id, day, status in session.execute(
            select(
                DutyShift.duty_id, DutyShift.volunteer_id, DutyShift.day, DutyShift.status
            ).where(
                DutyShift.duty_id.in_([line.duty_id for line in lines]),
                DutyShift.day.between(first, last),
            )
        )
    }
    mondays: list[dt.date] = []
    monday = rota.week_start(first)
    while monday <= last:
        mondays.append(monday)
        monday += dt.timedelta(weeks=1)
    communities: dict[str, list[RotaRow]] = {}
    for line in lines:
        for volunteer in line.volunteers:
            turns: list[tuple[dt.date | None, str]] = []
            for monday in mondays:
                day = monday + dt.timedelta(days=line.weekday)
                on_duty = volunteer.since <= day and (
                    volunteer.until is None or volunteer.until >= day
                )
                if first <= day <= last and on_duty:
                    turns.append((day, marks.get((line.duty_id, volunteer.volunteer_id, day), "")))
                else:
                    turns.append((None, ""))
            communities.setdefault(line.community, []).append(
                RotaRow(
                    building_group=line.building_group,
                    duty=line.name,
                    time=time_words(line.weekday, line.start_time, line.end_time),
                    place=line.place,
                    name=volunteer.name,
                    phone=volunteer.phone,
                    turns=tuple(turns),
                )
            )
    return RotaData(
        centre=centre_name(session),
        printed_at=clock.now(),
        first=first,
        last=last,
        weeks=tuple(mondays),
        communities=tuple(RotaCommunity(name, tuple(rows)) for name, rows in communities.items()),
    )


def file_name(data: RotaData) -> str:
    return f"值班表-{data.first:%Y-%m-%d}-{data.last:%Y-%m-%d}.pdf"


def rota_pdf(data: RotaData) -> Printout:
    from reportlab.platypus import Paragraph, Spacer

    kit = Kit()
    story: list[Any] = [
        Paragraph(TITLE, kit.style("title", 22, centre=True, leading=27)),
        Paragraph(kit.text(data.period), kit.style("period", 15, centre=True)),
        Paragraph(
            kit.text("到岗打 √，未到写“未到”；交回前台录入。"),
            kit.style("hint", 11, centre=True, muted=True),
        ),
        Spacer(1, 4 * MM),
    ]
    if not data.communities:
        story.append(Paragraph("本期没有值班安排", kit.style("empty", 15, centre=True)))
    for community in data.communities:
        story.append(
            Paragraph(
                kit.text(community.name or "未分社区"), kit.style("community", 16, leading=22)
            )
        )
        story.append(Spacer(1, 2 * MM))
        story.append(_table(kit, data, community))
        story.append(Spacer(1, 6 * MM))
    return kit.build(
        story, Letterhead(data.centre, f"{TITLE} · {data.period}", data.printed_at), landscape=True
    )


def rota_printout(
    session: Session,
    actor: Actor,
    first: dt.date,
    last: dt.date,
    *,
    community_id: int | None = None,
) -> Printout:
    """Read and laid out (the desk and the command line)."""
    return rota_pdf(read_rota(session, actor, first, last, community_id=community_id))


def _table(kit: Kit, data: RotaData, community: RotaCommunity) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell = kit.style("cell", 11, leading=13)
    name = kit.style("name", 13, leading=15)
    head = kit.style("head", 11, centre=True, leading=13)
    week_head = kit.style("weekHead", 9, centre=True, leading=11)
    weeks = max(1, len(data.weeks))
    box_mm = (FRAME_MM - sum(WIDTHS_MM)) / weeks
    widths = [w * MM for w in WIDTHS_MM] + [box_mm * MM] * weeks
    week_heads = [
        Paragraph(f"第{n}周<br/>{week_words(m)}", week_head)
        for n, m in enumerate(data.weeks, start=1)
    ]
    box = kit.style("box", 8, muted=True, leading=9)
    mark = kit.style("mark", 12, centre=True, leading=14)
    words = {DutyStatus.DONE.value: DONE_WORD, DutyStatus.MISSED.value: MISSED_WORD}
    rows: list[list[Any]] = [[Paragraph(h, head) for h in HEADS] + week_heads]
    struck: list[tuple[int, int]] = []
    for r, row in enumerate(community.rows, start=1):
        # Plain strings where the bundled font has every character and the text fits (drawn
        # far faster than Paragraphs: a 600-row month took 6.5 s with Paragraphs everywhere).
        cells: list[Any] = [
            fitted_cell(kit, row.building_group or "—", 11, widths[0] - 8, cell),
            fitted_cell(kit, row.duty, 11, widths[1] - 8, cell),
            "\n".join(row.time.split(" ", 1)),
            fitted_cell(kit, row.place or "—", 11, widths[3] - 8, cell),
            fitted_cell(kit, row.name, 13, widths[4] - 8, name),
            fitted_cell(kit, row.phone or "—", 11, widths[5] - 8, cell),
        ]
        for c, (day, status) in enumerate(row.turns, start=len(HEADS)):
            if day is None:
                cells.append("—")
                struck.append((c, r))
                continue
            date = f"{day.month}/{day.day}"
            if status:  # marked at the desk already: the word, large
                cells.append([Paragraph(date, box), Paragraph(words[status], mark)])
            else:
                cells.append(date)
        rows.append(cells)
    table = Table(
        rows,
        colWidths=widths,
        rowHeights=[13 * MM] + [ROW_HEIGHT] * (len(rows) - 1),
        repeatRows=1,
    )
    style: list[Any] = [
        ("FONT", (0, 1), (-1, -1), kit.glyphs.base, 11),
        ("FONT", (4, 1), (4, -1), kit.glyphs.base, 13),
        ("FONT", (len(HEADS), 1), (-1, -1), kit.glyphs.base, 8),
        ("TEXTCOLOR", (len(HEADS), 1), (-1, -1), HexColor("#555555")),
        ("VALIGN", (0, 0), (len(HEADS) - 1, -1), "MIDDLE"),
        ("VALIGN", (len(HEADS), 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (len(HEADS), 1), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
        ("GRID", (0, 0), (-1, -1), 0.6, HexColor("#555555")),
        ("BOX", (0, 0), (-1, -1), 1.2, HexColor("#222222")),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, HexColor("#222222")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    style += [("BACKGROUND", cell_at, cell_at, HexColor("#EFEFEF")) for cell_at in struck]
    style += [("VALIGN", cell_at, cell_at, "MIDDLE") for cell_at in struck]
    style += [("FONT", cell_at, cell_at, kit.glyphs.base, 12) for cell_at in struck]
    style += [("ALIGN", cell_at, cell_at, "CENTER") for cell_at in struck]
    table.setStyle(TableStyle(style))
    return table
