"""What every laid-out print-out needs while it is built: paragraph styles in the bundled font
(Chinese wraps between any two characters) and its text through one `Glyphs`, so that a
character the bundled font lacks is printed in a font of the machine, or as 〓 and reported."""

from __future__ import annotations

import re
from typing import Any

from app.printing.document import Letterhead, build_a4
from app.printing.glyphs import Glyphs, Printout

NOTE_COLOUR = "#A11A12"
MUTED = "#555555"


class Kit:
    """Styles in the bundled font, and the text of one print-out through its `Glyphs`."""

    def __init__(self) -> None:
        self.glyphs = Glyphs()
        self._styles: dict[str, Any] = {}

    def text(self, value: str) -> str:
        return self.glyphs.markup(value)

    def style(
        self,
        name: str,
        size: float,
        *,
        centre: bool = False,
        muted: bool = False,
        red: bool = False,
        leading: float | None = None,
        space_after: float = 0,
    ) -> Any:
        key = f"{name}-{size}-{centre}-{muted}-{red}-{leading}-{space_after}"
        if key in self._styles:
            return self._styles[key]
        from reportlab.lib.colors import HexColor
        from reportlab.lib.styles import ParagraphStyle

        colour = NOTE_COLOUR if red else MUTED if muted else "#111111"
        style = ParagraphStyle(
            name,
            fontName=self.glyphs.base,
            fontSize=size,
            leading=leading or size * 1.3,
            alignment=1 if centre else 0,
            textColor=HexColor(colour),
            wordWrap="CJK",  # Chinese breaks between any two characters
            spaceAfter=space_after,
        )
        self._styles[key] = style
        return style

    def build(
        self, flowables: list[Any], letterhead: Letterhead, *, landscape: bool = False
    ) -> Printout:
        pdf = build_a4(flowables, letterhead, landscape_page=landscape, glyphs=self.glyphs)
        return Printout(pdf, count_pages(pdf), self.glyphs.unprintable)


def count_pages(pdf: bytes) -> int:
    """Pages of a PDF ReportLab wrote (its page objects are never compressed)."""
    return len(re.findall(rb"/Type /Page(?![s\w])", pdf))
