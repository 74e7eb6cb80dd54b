"""议程 of a council meeting (A4, the shared frame): the meeting, its items in order with the
requests masked, and room under each item to write the decision in. After the meeting the same
page with the outcomes filled in is the meeting's 纪要 (minutes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from app.models import AgendaOutcome
from app.printing.document import MM, Letterhead, build_a4, styles
from app.printing.glyphs import Glyphs, Printout
from app.printing.kit import count_pages
from app.printing.member_card import centre_name
from app.security import Actor
from app.services.rooms import agenda
from app.services.rooms.agenda import AgendaLine, Meeting

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
OUTCOMES = {AgendaOutcome.RESOLVED: "已解决", AgendaOutcome.OPEN: "继续跟进"}
WRITING_LINES = 3  # blank lines under an item for the decision, on the agenda


def meeting_for_print(session: Session, actor: Actor, booking_id: int) -> tuple[Meeting, str]:
    """The meeting with its agenda, and the centre's name for the header."""
    return agenda.agenda(session, actor, booking_id), centre_name(session)


def when_text(meeting: Meeting) -> str:
    """2026年11月26日 星期四 19:00–20:30."""
    start, end = meeting.starts_at, meeting.ends_at
    day = f"{start.year}年{start.month}月{start.day}日 {WEEKDAYS[start.weekday()]}"
    if end.date() != start.date():
        return f"{day} {start:%H:%M} – {end.month}月{end.day}日 {end:%H:%M}"
    return f"{day} {start:%H:%M}–{end:%H:%M}"


def where_text(meeting: Meeting) -> str:
    return f"{meeting.room}（{meeting.location}）" if meeting.location else meeting.room


def file_name(meeting: Meeting, *, minutes: bool = False) -> str:
    kind = "会议纪要" if minutes else "议程"
    title = "".join(ch for ch in meeting.title if ch not in '\\/:*?"<>|')
    return f"{kind}-{meeting.starts_at:%Y-%m-%d}-{title}.pdf"


def agenda_pdf(
    meeting: Meeting, centre: str, printed_at: dt.datetime, *, minutes: bool = False
) -> bytes:
    """The agenda as a PDF; with `minutes`, each item's recorded outcome and decision."""
    return agenda_printout(meeting, centre, printed_at, minutes=minutes).pdf


def agenda_printout(
    meeting: Meeting, centre: str, printed_at: dt.datetime, *, minutes: bool = False
) -> Printout:
    """The agenda's PDF and the characters in it no font here has (printed as 〓)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    style = styles()
    glyphs = Glyphs(style["body"].fontName)
    escape = glyphs.markup
    kind = "会议纪要" if minutes else "议程"
    story: list[Any] = [
        Paragraph(escape(meeting.title), style["title"]),
        Paragraph(kind, style["subtitle"]),
        Spacer(0, 4 * MM),
    ]
    facts = [("会议", meeting.council or "—"), ("时间", when_text(meeting))]
    facts.append(("地点", where_text(meeting)))
    facts_table = Table(
        [
            [Paragraph(label, style["cell"]), Paragraph(escape(value), style["cell"])]
            for label, value in facts
        ],
        colWidths=[18 * MM, None],
        hAlign="LEFT",
    )
    facts_table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story += [facts_table, Spacer(0, 5 * MM)]
    if not meeting.items:
        story.append(Paragraph("本次会议暂无议题。", style["body"]))
    for line in meeting.items:
        story.append(KeepTogether(_item(line, style, glyphs, minutes=minutes)))
        story.append(Spacer(0, 3 * MM))
    story.append(Spacer(0, 6 * MM))
    half = (A4[0] - 36 * MM) / 2  # the page between the shared frame's 18 mm margins
    signatures = Table(
        [["出席人员：", ""], ["主持人：", "记录人："]],
        colWidths=[half, half],
        rowHeights=[16 * MM, 12 * MM],
        hAlign="LEFT",
    )
    signatures.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), style["body"].fontName, 11),
                ("SPAN", (0, 0), (1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story.append(KeepTogether([signatures]))
    letterhead = Letterhead(centre, f"{kind} · {meeting.title}", printed_at)
    pdf = build_a4(story, letterhead, glyphs=glyphs)
    return Printout(pdf, count_pages(pdf), glyphs.unprintable)


def _item(line: AgendaLine, style: dict[str, Any], glyphs: Glyphs, *, minutes: bool) -> list[Any]:
    """An item: its number, category and who raised it; the request; then the decision (blank
    lines to write on, or the recorded outcome)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    escape = glyphs.markup

    def lines(text: str) -> str:
        return "<br/>".join(escape(part) for part in text.split("\n"))

    request = line.request
    heading = f"<b>议题 {line.position}</b>　[{escape(request.category)}]"
    if request.raised_by:
        heading += f"　提出：{escape(request.raised_by)}"
    heading += f"　登记于 {request.created_at:%Y-%m-%d}"
    rows: list[list[Any]] = [
        [Paragraph(heading, style["cell"])],
        [Paragraph(lines(request.text), style["body"])],
    ]
    if minutes:
        outcome = OUTCOMES[line.outcome] if line.outcome else "未记录"
        decided = lines(line.decision) if line.decision else "—"
        rows.append([Paragraph(f"<b>结果：{outcome}</b>", style["body"])])
        rows.append([Paragraph(f"议定：{decided}", style["body"])])
    else:
        rows.append([Paragraph("议定事项：", style["body"])])
        rows += [[""] for _ in range(WRITING_LINES)]
    # Blank rows as tall as a line of handwriting.
    heights = [None] * 3 + [9 * MM] * (len(rows) - 3) if not minutes else None
    table = Table(rows, colWidths=[None], rowHeights=heights)
    commands: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if not minutes:
        for row in range(3, 3 + WRITING_LINES):
            commands.append(("LINEBELOW", (0, row), (-1, row), 0.4, colors.grey))
    table.setStyle(TableStyle(commands))
    return [table]
