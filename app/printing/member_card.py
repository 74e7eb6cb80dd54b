"""Member card: credit-card size (85.6 × 54 mm) with name, community, member code and its QR.

Where everything goes is worked out first (`card_layout`), so a long name (阿依古丽·买买提明, or a
twenty-character one) is fitted before anything is drawn: its font shrinks to a floor, then it
wraps to two lines, and it never runs into the QR code.

Every text is measured and drawn through `app.printing.glyphs`: a name character the bundled
font lacks (𠮷, 䶮) is drawn in a font of the machine, or as 〓 and reported in
`Printout.unprintable` before the card is printed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.errors import NotFound
from app.fonts import register_reportlab_font
from app.i18n import translate
from app.models import Centre, Person
from app.printing.document import MM, draw_qr
from app.printing.glyphs import Glyphs, Printout
from app.security import Actor, Permission

CARD_WIDTH = 85.6 * MM
CARD_HEIGHT = 54 * MM
BAND = 12 * MM  # the red band across the top
MARGIN = 5 * MM  # left edge of the text
QR_SIZE = 26 * MM
QR_MARGIN = 4 * MM
GAP = 3 * MM  # between the text and the QR code
NAME_SIZE = 18.0
NAME_FLOOR = 12.0  # the name is never printed smaller than this (about 4 mm a character)
LEADING = 1.2
ELLIPSIS = "…"


@dataclass(frozen=True)
class MemberCard:
    name: str
    community: str
    building_group: str
    member_code: str


@dataclass(frozen=True)
class Box:
    """A rectangle on the card in points, from its lower left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.top
            and other.y < self.top
        )

    def inside(self, other: Box) -> bool:
        return (
            other.x <= self.x
            and self.right <= other.right
            and other.y <= self.y
            and self.top <= other.top
        )


@dataclass(frozen=True)
class TextBlock:
    """Lines of one size, drawn from `x` at each baseline; `box` encloses their glyphs."""

    lines: tuple[str, ...]
    size: float
    x: float
    baselines: tuple[float, ...]
    box: Box
    right_aligned: bool = False


@dataclass(frozen=True)
class CardLayout:
    centre: TextBlock
    title: TextBlock
    name: TextBlock
    place: TextBlock
    code: TextBlock
    qr: Box


def cards_for(session: Session, actor: Actor, person_ids: Sequence[int]) -> list[MemberCard]:
    actor.require(Permission.PRINT_SHEETS)
    people = session.scalars(
        select(Person)
        .where(Person.id.in_(person_ids))
        .options(joinedload(Person.community), joinedload(Person.building_group))
    ).all()
    by_id = {person.id: person for person in people}
    missing = [pid for pid in person_ids if pid not in by_id]
    if missing:
        raise NotFound(translate("Errors", "This person is no longer on file."))
    return [
        MemberCard(
            p.name,
            p.community.name if p.community else "",
            p.building_group.name if p.building_group else "",
            p.member_code,
        )
        for p in (by_id[pid] for pid in person_ids)
    ]


def centre_name(session: Session) -> str:
    centre = session.get(Centre, 1)
    return centre.name if centre else ""


def member_cards_pdf(cards: Sequence[MemberCard], centre: str) -> bytes:
    """One card a page, at the card's real size, for a card printer or cutting from A4 card."""
    return member_cards_printout(cards, centre).pdf


def member_cards_printout(cards: Sequence[MemberCard], centre: str) -> Printout:
    """The cards' PDF, and the characters in them no font here has (printed as 〓)."""
    from reportlab.pdfgen.canvas import Canvas

    font = register_reportlab_font()
    glyphs = Glyphs(font)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(CARD_WIDTH, CARD_HEIGHT), initialFontName=font)
    canvas.setTitle("会员卡")
    canvas.setAuthor(centre)
    for card in cards:
        _draw_card(canvas, glyphs, card_layout(card, centre, font), card.member_code)
        canvas.showPage()
    canvas.save()
    return Printout(buffer.getvalue(), len(cards), glyphs.unprintable)


def card_layout(card: MemberCard, centre: str, font: str) -> CardLayout:
    """Where each text and the QR code go on the card, every text fitted to its room."""
    qr = Box(CARD_WIDTH - QR_SIZE - QR_MARGIN, QR_MARGIN, QR_SIZE, QR_SIZE)
    beside_qr = qr.x - GAP - MARGIN  # the width left of the QR code

    title_size = 8.0
    title_right = CARD_WIDTH - 4 * MM
    title = _block(font, ("会员卡",), title_size, title_right, (CARD_HEIGHT - 7.5 * MM,), True)
    centre_room = title.box.x - GAP - 4 * MM
    centre_lines, centre_size = fit(centre, font, 10, 7, centre_room, 1)
    centre_block = _block(font, centre_lines, centre_size, 4 * MM, (CARD_HEIGHT - 7.5 * MM,))

    code_block = _block(font, ("编号 " + card.member_code,), 11, MARGIN, (7 * MM,))

    place = " · ".join(part for part in (card.community, card.building_group) if part)
    place_lines, place_size = fit(place, font, 9, 7, beside_qr, 1)
    place_block = _block(font, place_lines, place_size, MARGIN, (CARD_HEIGHT - 32 * MM,))

    # The name sits between the place line and the band, centred there when it takes two lines.
    name_lines, name_size = fit(card.name, font, NAME_SIZE, NAME_FLOOR, beside_qr, 2)
    if len(name_lines) == 1:
        baselines: tuple[float, ...] = (CARD_HEIGHT - 24 * MM,)
    else:
        room_bottom = place_block.box.top + 1 * MM
        room_top = CARD_HEIGHT - BAND - 1.5 * MM
        step = name_size * LEADING
        ascent, descent = _ascent_descent(font, name_size)
        height = ascent - descent + step * (len(name_lines) - 1)
        first = room_top - (room_top - room_bottom - height) / 2 - ascent
        baselines = tuple(first - step * index for index in range(len(name_lines)))
    name_block = _block(font, name_lines, name_size, MARGIN, baselines)
    return CardLayout(centre_block, title, name_block, place_block, code_block, qr)


def fit(
    text: str, font: str, size: float, floor: float, width: float, max_lines: int
) -> tuple[tuple[str, ...], float]:
    """`text` in at most `max_lines` lines no wider than `width`, at the largest size from
    `size` down to `floor` (half points): one line if it fits at any size, else wrapped (at a
    middle dot or a space when one lets the first line fit). What still doesn't fit at the floor
    ends in "…"."""
    sizes = [size - 0.5 * step for step in range(int((size - floor) * 2) + 1)]
    for lines in range(1, max_lines + 1):
        for at in sizes:
            wrapped = _wrap(text, _fits(font, at, width), lines)
            if wrapped is not None:
                return wrapped, at
    kept = _wrap(text, _fits(font, floor, width), max_lines, ellipsis=True)
    assert kept is not None
    return kept, floor


def _fits(font: str, size: float, width: float) -> Callable[[str], bool]:
    return lambda line: text_width(line, font, size) <= width


def text_width(text: str, font: str, size: float) -> float:
    """How wide `text` is drawn: in `font`, and a character it lacks in the font that has it."""
    return Glyphs(font).width(text, size)


def _wrap(
    text: str, fits: Callable[[str], bool], lines: int, *, ellipsis: bool = False
) -> tuple[str, ...] | None:
    """`text` in `lines` lines that each fit, or None; with `ellipsis`, the last line is cut
    and ends in "…" when the text is too long."""
    if lines == 1 or fits(text):
        if fits(text):
            return (text,)
        if not ellipsis:
            return None
        cut = text
        while cut and not fits(cut + ELLIPSIS):
            cut = cut[:-1]
        return (cut + ELLIPSIS,)
    # The longest first line that fits, ending at a middle dot or a space if one allows it.
    longest = 0
    while longest < len(text) and fits(text[: longest + 1]):
        longest += 1
    if longest == 0:
        return None
    breaks = [i + 1 for i, ch in enumerate(text[:longest]) if ch == "·"]
    breaks += [i for i, ch in enumerate(text[: longest + 1]) if ch == " " and i > 0]
    end = max(breaks) if breaks and max(breaks) >= longest // 2 else longest
    first, rest = text[:end].rstrip(), text[end:].lstrip()
    others = _wrap(rest, fits, lines - 1, ellipsis=ellipsis)
    if others is None:
        return None
    return (first, *others)


def _ascent_descent(font: str, size: float) -> tuple[float, float]:
    from reportlab.pdfbase.pdfmetrics import getAscentDescent

    ascent, descent = getAscentDescent(font, size)
    return float(ascent), float(descent)


def _block(
    font: str,
    lines: tuple[str, ...],
    size: float,
    x: float,
    baselines: tuple[float, ...],
    right_aligned: bool = False,
) -> TextBlock:
    ascent, descent = _ascent_descent(font, size)
    width = max((text_width(line, font, size) for line in lines), default=0.0)
    left = x - width if right_aligned else x
    bottom, top = min(baselines) + descent, max(baselines) + ascent
    box = Box(left, bottom, width, top - bottom)
    return TextBlock(lines, size, x, baselines, box, right_aligned)


def _draw_card(c: Any, glyphs: Glyphs, layout: CardLayout, member_code: str) -> None:
    from reportlab.lib.colors import HexColor

    c.setFillColor(HexColor("#B3261E"))
    c.rect(0, CARD_HEIGHT - BAND, CARD_WIDTH, BAND, stroke=0, fill=1)
    c.setFillColor(HexColor("#FFFFFF"))
    _draw_text(c, glyphs, layout.centre)
    _draw_text(c, glyphs, layout.title)
    c.setFillColor(HexColor("#1B1B1B"))
    for block in (layout.name, layout.place, layout.code):
        _draw_text(c, glyphs, block)
    draw_qr(c, member_code, layout.qr.x, layout.qr.y, layout.qr.width)


def _draw_text(c: Any, glyphs: Glyphs, block: TextBlock) -> None:
    for line, baseline in zip(block.lines, block.baselines, strict=True):
        glyphs.draw(c, line, block.x, baseline, block.size, right=block.right_aligned)
