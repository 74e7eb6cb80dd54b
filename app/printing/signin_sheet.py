"""签到表: the sign-in sheet of one session, as DESIGN.md's Printing section has it.

A4 portrait in the shared frame (the centre on top, page X of Y and the printed-at time at the
foot, the sheet's title repeated on every page). The session's facts (series, item, date and
time, room, organiser and provider) above a table 序号 / 姓名 / 社区·楼组 / 联系电话 / 签名 whose
column heads repeat on each page: the people signed up beforehand in pinyin order, the walk-ins
already recorded after them, then numbered blank rows for the walk-ins of the day. A child of a
亲子 item is printed with the adult who comes along: 张小米（家长：张强）. Phones are masked.
At the end 应到 N 人 / 实到 ____ 人.

Rows are 9.5 mm tall, enough to sign in by hand, and names are set at 13 pt for older eyes; a page
holds about 23 rows, so 500 signups take some 22 pages. Everything is read in one read
transaction (`read_signin_sheet`) and laid out without the database (`signin_sheet_pdf`). Every
string goes through `app.printing.glyphs` (via `Kit`): a character the bundled font lacks is
printed in a font of the machine, or as 〓 and reported in `Printout.unprintable`.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.errors import ValidationError
from app.i18n import translate
from app.models import SessionStatus
from app.printing.document import MM, Letterhead
from app.printing.glyphs import Printout
from app.printing.kit import Kit
from app.printing.member_card import centre_name
from app.printing.room_sheets import date_words
from app.security import Actor, Permission
from app.services.menu import reads

MAX_BLANK_ROWS = 200
TITLE = "签到表"
HEADS = ("序号", "姓名", "社区·楼组", "联系电话", "签名")
# Column widths (mm) filling the frame's 174 mm; the signature box is the widest.
WIDTHS_MM = (13, 40, 48, 29, 44)
ROW_HEIGHT = 9.5 * MM  # room to sign by hand
NAME_SIZE = 13
CELL_SIZE = 11
HEADER_FILL = "#E8E8E8"
PADDING = 6  # points each side of a cell's text (ReportLab's own)
WALK_IN = "现场"


@dataclass(frozen=True)
class SheetLine:
    """One person on the sheet, as printed."""

    name: str
    companion: str  # the adult who comes with a child, "" when none
    place: str  # 东苑社区 · 3号楼组
    phone: str  # masked
    walk_in: bool

    @property
    def words(self) -> str:
        """The name as read: 张小米（家长：张强）."""
        return f"{self.name}{companion_words(self.companion)}"


@dataclass(frozen=True)
class SigninSheetData:
    """What the sheet shows, read in one transaction."""

    centre: str
    printed_at: dt.datetime
    session_id: int
    series: str
    item: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str
    organiser: str
    organisation: str
    cancelled: bool
    lines: tuple[SheetLine, ...]  # registered in pinyin order, then the walk-ins
    expected: int  # 应到: seats of those signed up beforehand, companions counted


def when_words(starts_at: dt.datetime, ends_at: dt.datetime) -> str:
    """2026年11月26日 星期四 14:00–15:30"""
    day = date_words(starts_at.date())
    if ends_at.date() != starts_at.date():
        return f"{day} {starts_at:%H:%M} – {ends_at.month}月{ends_at.day}日 {ends_at:%H:%M}"
    return f"{day} {starts_at:%H:%M}–{ends_at:%H:%M}"


def companion_words(companion: str) -> str:
    return f"（家长：{companion}）" if companion else ""


def place_words(community: str, building_group: str) -> str:
    return " · ".join(part for part in (community, building_group) if part)


def read_signin_sheet(session: Session, actor: Actor, session_id: int) -> SigninSheetData:
    """The snapshot the sheet is laid out from; NotFound for a session that no longer exists."""
    actor.require(Permission.PRINT_SHEETS)
    detail = reads.get_session(session, actor, session_id)
    roster = reads.roster(session, actor, session_id)
    row = detail.row
    return SigninSheetData(
        centre=centre_name(session),
        printed_at=clock.now(),
        session_id=session_id,
        series=row.series,
        item=row.item,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        room=row.room,
        organiser=row.organiser,
        organisation=detail.organisation,
        cancelled=row.status == SessionStatus.CANCELLED,
        lines=tuple(
            SheetLine(
                line.name,
                line.companion,
                place_words(line.community, line.building_group),
                line.phone,
                line.walk_in,
            )
            for line in roster.sheet
        ),
        expected=roster.expected,
    )


def check_blank_rows(blank_rows: int) -> int:
    if not 0 <= blank_rows <= MAX_BLANK_ROWS:
        raise ValidationError(
            "blank_rows",
            translate("Menu", "Blank rows: from 0 to %1.").replace("%1", str(MAX_BLANK_ROWS)),
        )
    return blank_rows


def file_name(data: SigninSheetData) -> str:
    item = "".join(ch for ch in data.item if ch not in '\\/:*?"<>|')
    return f"签到表-{data.starts_at:%Y-%m-%d-%H%M}-{item}.pdf"


def signin_sheet_pdf(data: SigninSheetData, *, blank_rows: int = 10) -> Printout:
    """The sheet as a PDF, with `blank_rows` numbered empty rows after the people."""
    from reportlab.platypus import Paragraph, Spacer

    check_blank_rows(blank_rows)
    kit = Kit()
    story: list[Any] = [
        Paragraph(TITLE, kit.style("title", 22, centre=True, leading=27)),
        Paragraph(kit.text(f"{data.series} · {data.item}"), kit.style("item", 16, centre=True)),
        Spacer(1, 3 * MM),
        _facts(kit, data),
        Spacer(1, 3 * MM),
    ]
    if data.cancelled:
        story.append(Paragraph("本场活动已取消", kit.style("cancelled", 16, centre=True, red=True)))
        story.append(Spacer(1, 3 * MM))
    story.append(_people(kit, data, blank_rows))
    story.append(Spacer(1, 4 * MM))
    story.append(_totals(kit, data))
    title = f"{TITLE} · {data.item} · {data.starts_at.month}月{data.starts_at.day}日"
    title += f" {data.starts_at:%H:%M}"
    return kit.build(story, Letterhead(data.centre, title, data.printed_at))


def signin_sheet(
    session: Session, actor: Actor, session_id: int, *, blank_rows: int = 10
) -> Printout:
    """The session's sign-in sheet, read and laid out (the desk and the command line)."""
    check_blank_rows(blank_rows)
    return signin_sheet_pdf(read_signin_sheet(session, actor, session_id), blank_rows=blank_rows)


def _facts(kit: Kit, data: SigninSheetData) -> Any:
    """时间 on one line, 地点 and 组织 on the next; labels in grey."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    label = kit.style("factLabel", 12, muted=True)
    value = kit.style("factValue", 13)
    organiser = data.organiser or "—"
    if data.organisation:
        organiser = f"{data.organisation} · {organiser}" if data.organiser else data.organisation
    rows = [
        [
            Paragraph("时间", label),
            Paragraph(when_words(data.starts_at, data.ends_at), value),
            "",
            "",
        ],
        [
            Paragraph("地点", label),
            Paragraph(kit.text(data.room or "—"), value),
            Paragraph("组织", label),
            Paragraph(kit.text(organiser), value),
        ],
    ]
    table = Table(rows, colWidths=[13 * MM, 62 * MM, 13 * MM, 86 * MM], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (1, 0), (3, 0)),
                ("FONT", (0, 0), (-1, -1), kit.glyphs.base, 11),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _people(kit: Kit, data: SigninSheetData, blank_rows: int) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    name = kit.style("name", NAME_SIZE, leading=NAME_SIZE * 1.15)
    small = kit.style("small", CELL_SIZE - 1, leading=(CELL_SIZE - 1) * 1.15)
    cell = kit.style("cell", CELL_SIZE, leading=CELL_SIZE * 1.15)
    widths = [w * MM for w in WIDTHS_MM]
    rows: list[list[Any]] = [list(HEADS)]
    for index, line in enumerate(data.lines, start=1):
        who: Any
        if line.walk_in or line.companion:
            who = _person(kit, line, name, small)
        else:
            who = _cell(kit, line.name, NAME_SIZE, widths[1], small)
        rows.append(
            [
                str(index),
                who,
                _cell(kit, line.place, CELL_SIZE, widths[2], small),
                _cell(kit, line.phone, CELL_SIZE, widths[3], cell),
                "",
            ]
        )
    first_blank = len(data.lines) + 1
    rows += [[str(first_blank + n), "", "", "", ""] for n in range(blank_rows)]
    table = Table(
        rows,
        colWidths=widths,
        rowHeights=[9 * MM] + [ROW_HEIGHT] * (len(rows) - 1),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), kit.glyphs.base, CELL_SIZE),
                ("FONT", (0, 0), (-1, 0), kit.glyphs.base, 12),
                ("FONT", (1, 1), (1, -1), kit.glyphs.base, NAME_SIZE),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
                ("GRID", (0, 0), (-1, -1), 0.6, HexColor("#555555")),
                ("BOX", (0, 0), (-1, -1), 1.2, HexColor("#222222")),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, HexColor("#222222")),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _person(kit: Kit, line: SheetLine, name: Any, small: Any) -> Any:
    """A child with the adult under the name, smaller: 张小米 / （家长：张强）; a walk-in
    marked 现场."""
    from reportlab.platypus import Paragraph

    words = kit.text(line.name)
    if line.walk_in:
        words += f' <font size="{CELL_SIZE - 2}" color="#555555">{WALK_IN}</font>'
    if line.companion:
        words += (
            f'<br/><font size="{CELL_SIZE - 1}">{kit.text(companion_words(line.companion))}</font>'
        )
    if line.companion:  # two lines in one row: set close
        return Paragraph(words, kit.style("pair", NAME_SIZE, leading=NAME_SIZE * 0.95))
    return Paragraph(words, name if len(line.name) <= 6 else small)


@functools.cache
def _widest(font: str) -> float:
    """The widest character of `font`, in ems."""
    from reportlab.pdfbase import pdfmetrics

    return float(max(pdfmetrics.getFont(font).face.charWidths.values())) / 1000


def _cell(kit: Kit, text: str, size: float, width: float, wrapped: Any) -> Any:
    """`text` as a plain cell string when the bundled font has all of it and it fits on one
    line (ReportLab draws those fastest); else a Paragraph that wraps, in `wrapped`'s style,
    with each character in the font that has it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    runs = kit.glyphs.runs(text)
    if not runs:
        return ""
    if len(runs) == 1 and runs[0][0] == kit.glyphs.base:
        plain, room = runs[0][1], width - 2 * PADDING
        # No character is wider than the font's widest: most cells need no measuring.
        widest = _widest(kit.glyphs.base) * size
        if len(plain) * widest <= room or stringWidth(plain, kit.glyphs.base, size) <= room:
            return plain
    return Paragraph(kit.text(text), wrapped)


def _totals(kit: Kit, data: SigninSheetData) -> Any:
    """应到 N 人 and 实到 ____ 人 side by side, large."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    style = kit.style("totals", 15, leading=20)
    table = Table(
        [[Paragraph(f"应到 {data.expected} 人", style), Paragraph("实到 ________ 人", style)]],
        colWidths=[60 * MM, 80 * MM],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, -1), kit.glyphs.base, 15), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        )
    )
    return table
