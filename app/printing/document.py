"""The A4 frame every print-out shares: the centre's name on top, page X of Y and the printed-at
time at the foot, the bundled font everywhere. The centre's name and the title go through
`app.printing.glyphs` like every other text: a character the bundled font lacks is drawn in a
font of the machine, or as 〓 and reported."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.fonts import register_reportlab_font
from app.printing.glyphs import Glyphs

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Letterhead:
    centre_name: str
    title: str
    printed_at: dt.datetime


def styles() -> dict[str, Any]:
    """Paragraph styles in the bundled font; sizes chosen to stay readable when photocopied."""
    from reportlab.lib.styles import ParagraphStyle

    font = register_reportlab_font()
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=18, leading=24, alignment=1),
        "subtitle": ParagraphStyle("subtitle", fontName=font, fontSize=11, leading=15, alignment=1),
        "body": ParagraphStyle("body", fontName=font, fontSize=11, leading=15),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=11, leading=14),
        "small": ParagraphStyle("small", fontName=font, fontSize=9, leading=12),
    }


def build_a4(
    flowables: Sequence[Any],
    letterhead: Letterhead,
    *,
    landscape_page: bool = False,
    glyphs: Glyphs | None = None,
    contents: bool = False,
) -> bytes:
    """Lay `flowables` out on A4 pages with the shared header and footer; returns the PDF.
    The header's characters no font has are noted in `glyphs` (the print-out's own, so that
    its `unprintable` names them too). With `contents`, the flowables are laid out until a
    TableOfContents among them knows its page numbers: each flowable with a `contents_entry`
    (level, text, bookmark key) is listed there at the page it landed on."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate

    class ContentsTemplate(SimpleDocTemplate):  # type: ignore[misc]  # no type hints
        def afterFlowable(self, flowable: Any) -> None:
            entry = getattr(flowable, "contents_entry", None)
            if entry is not None:
                level, text, key = entry
                self.notify("TOCEntry", (level, text, self.page, key))

    font = register_reportlab_font()
    page = landscape(A4) if landscape_page else A4
    buffer = io.BytesIO()
    document = (ContentsTemplate if contents else SimpleDocTemplate)(
        buffer,
        pagesize=page,
        leftMargin=18 * MM,
        rightMargin=18 * MM,
        topMargin=24 * MM,
        bottomMargin=20 * MM,
        title=letterhead.title,
        author=letterhead.centre_name,
        creator="友邻前台 Youlin Desk",
        initialFontName=font,  # else each page starts in Helvetica, embedded for nothing
    )
    canvas_class = _numbered_canvas(font, letterhead, glyphs or Glyphs(font))
    if contents:
        document.multiBuild(list(flowables), canvasmaker=canvas_class)
    else:
        document.build(list(flowables), canvasmaker=canvas_class)
    return buffer.getvalue()


def _numbered_canvas(font: str, letterhead: Letterhead, glyphs: Glyphs) -> type:
    """A canvas that writes 'page X of Y' once it knows Y (ReportLab's two-pass idiom)."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_frame(total)
                super().showPage()
            super().save()

        def _draw_frame(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFillGray(0.25)
            glyphs.draw(self, letterhead.centre_name, 18 * MM, height - 14 * MM, 10)
            glyphs.draw(self, letterhead.title, width - 18 * MM, height - 14 * MM, 10, right=True)
            self.setLineWidth(0.5)
            self.line(18 * MM, height - 16 * MM, width - 18 * MM, height - 16 * MM)
            self.setFont(font, 9)
            self.drawString(
                18 * MM,
                10 * MM,
                "打印时间 " + letterhead.printed_at.strftime("%Y-%m-%d %H:%M"),
            )
            self.drawRightString(
                width - 18 * MM, 10 * MM, f"第 {self._pageNumber} 页 / 共 {total} 页"
            )
            self.restoreState()

    return NumberedCanvas


def draw_qr(
    canvas: Any, data: str, x: float, y: float, size: float, *, encoding: str | None = None
) -> None:
    """Draw a QR code as filled squares (segno encodes in ~1 ms; ReportLab's own QR costs 40 ms).
    `encoding` "utf-8" keeps Chinese text in UTF-8 bytes (segno would otherwise pick Shift_JIS
    kanji mode for text that fits it, which phones read as Japanese)."""
    import segno

    code = segno.make(data, error="m", micro=False, encoding=encoding)
    matrix = list(code.matrix_iter(border=0))
    modules = len(matrix)
    cell = size / modules
    canvas.saveState()
    canvas.setFillGray(0)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + 1) * cell
        run_start: int | None = None
        for column, dark in enumerate([*row, 0]):
            if dark and run_start is None:
                run_start = column
            elif not dark and run_start is not None:
                path.rect(x + run_start * cell, top, (column - run_start) * cell, cell)
                run_start = None
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
