"""The report's tables and how its numbers are written.

A table's head repeats on every page it runs onto; numbers are right-aligned plain strings (the
digits are in the bundled font), names are Paragraphs through the print-out's `Glyphs` so a
rare character is printed in a font of the machine or as 〓 and reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from app.printing.document import MM
from app.printing.kit import Kit

NONE = "—"
HEAD_FILL = "#E8E8E8"
BAND_FILL = "#F2F2F2"
RULE = "#888888"
HAIRLINE = "#CCCCCC"
CELL_SIZE = 9.5
HEAD_SIZE = 9
KEPT_WHOLE = 15  # a table this short is never split over two pages


def count(value: int) -> str:
    return f"{value:,}"


def maybe_count(value: int | None) -> str:
    return NONE if value is None else count(value)


def rate(value: float | None) -> str:
    """A share as a percentage with one decimal; — where there is nothing to divide by."""
    return NONE if value is None else f"{value * 100:.1f}%"


def hours(value: Decimal | float) -> str:
    return f"{float(value):,.1f}"


def days(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f}"


def per_1000(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f}"


class Cell:
    """A name in a table: a Paragraph through the glyphs, wrapping; `indent` sets it in by one
    character (a building group under its community)."""

    def __init__(self, text: str, *, indent: bool = False) -> None:
        self.text = text
        self.indent = indent


Row = list[str | Cell]


def table(
    kit: Kit,
    heads: Sequence[str],
    rows: Sequence[Row],
    widths_mm: Sequence[float],
    *,
    bands: Sequence[int] = (),
    muted: Sequence[int] = (),
    centred: Sequence[int] = (),
) -> Any:
    """A table of names (`Cell`) and numbers (right-aligned strings) under `heads` (a "\n" in
    a head is where it breaks); `bands` are the rows
    (0 = the first under the head) shaded as a group's own line, `muted` those printed grey
    (a cancelled session), `centred` the columns set in the middle (a rank)."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    head_style = kit.style("reportHead", HEAD_SIZE, centre=True, leading=HEAD_SIZE * 1.25)
    data: list[list[Any]] = [
        [Paragraph("<br/>".join(map(kit.text, head.split("\n"))), head_style) for head in heads]
    ]
    for index, row in enumerate(rows):
        line: list[Any] = []
        grey = index in muted
        for value in row:
            if isinstance(value, Cell):
                style = kit.style(
                    "reportIndent" if value.indent else "reportName",
                    CELL_SIZE,
                    muted=grey,
                    leading=CELL_SIZE * 1.3,
                )
                if value.indent:
                    style.leftIndent = CELL_SIZE * 1.5
                line.append(Paragraph(kit.text(value.text), style))
            else:
                line.append(value)
        data.append(line)
    result = Table(
        data, colWidths=[w * MM for w in widths_mm], repeatRows=1, hAlign="LEFT", splitByRow=1
    )
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), kit.glyphs.base, CELL_SIZE),
        ("ALIGN", (0, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEAD_FILL)),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, HexColor(RULE)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(RULE)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor(HAIRLINE)),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, HexColor(RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for column in centred:
        commands.append(("ALIGN", (column, 1), (column, -1), "CENTER"))
    for index in bands:
        commands.append(("BACKGROUND", (0, index + 1), (-1, index + 1), HexColor(BAND_FILL)))
    for index in muted:
        commands.append(("TEXTCOLOR", (0, index + 1), (-1, index + 1), HexColor("#777777")))
    result.setStyle(TableStyle(commands))
    result.keep_whole = len(rows) <= KEPT_WHOLE  # see `kept_whole`
    return result


def kept_whole(story: list[Any]) -> list[Any]:
    """The story with its short tables kept on one page. Done once at the end, on the story's
    top level: a KeepTogether inside another makes the outer one never fit (ReportLab's
    KeepTogether.wrap answers an endless height to force a split), and the outer one keeps
    what it holds together anyway. A heading kept with what follows stays with its table."""
    from reportlab.platypus import KeepTogether

    result: list[Any] = []
    for flowable in story:
        if not getattr(flowable, "keep_whole", False):
            result.append(flowable)
            continue
        kept = [flowable]
        while result and result[-1].getKeepWithNext():  # its heading comes along
            kept.insert(0, result.pop())
        result.append(KeepTogether(kept))
    return result
