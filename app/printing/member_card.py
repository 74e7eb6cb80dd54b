"""Member card: credit-card size (85.6 × 54 mm) with name, community, member code and its QR."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.errors import NotFound
from app.fonts import register_reportlab_font
from app.i18n import translate
from app.models import Centre, Person
from app.printing.document import MM, draw_qr
from app.security import Actor, Permission

CARD_WIDTH = 85.6 * MM
CARD_HEIGHT = 54 * MM


@dataclass(frozen=True)
class MemberCard:
    name: str
    community: str
    building_group: str
    member_code: str


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
    from reportlab.pdfgen.canvas import Canvas

    font = register_reportlab_font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(CARD_WIDTH, CARD_HEIGHT))
    canvas.setTitle("会员卡")
    canvas.setAuthor(centre)
    for card in cards:
        _draw_card(canvas, font, card, centre)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_card(c: Any, font: str, card: MemberCard, centre: str) -> None:
    from reportlab.lib.colors import HexColor

    band = 12 * MM
    c.setFillColor(HexColor("#B3261E"))
    c.rect(0, CARD_HEIGHT - band, CARD_WIDTH, band, stroke=0, fill=1)
    c.setFillColor(HexColor("#FFFFFF"))
    c.setFont(font, 10)
    c.drawString(4 * MM, CARD_HEIGHT - 7.5 * MM, _fit(centre, 24))
    c.setFont(font, 8)
    c.drawRightString(CARD_WIDTH - 4 * MM, CARD_HEIGHT - 7.5 * MM, "会员卡")
    c.setFillColor(HexColor("#1B1B1B"))
    c.setFont(font, 18)
    c.drawString(5 * MM, CARD_HEIGHT - 24 * MM, _fit(card.name, 10))
    c.setFont(font, 9)
    place = " · ".join(part for part in (card.community, card.building_group) if part)
    c.drawString(5 * MM, CARD_HEIGHT - 32 * MM, _fit(place, 18))
    c.setFont(font, 11)
    c.drawString(5 * MM, 7 * MM, "编号 " + card.member_code)
    qr = 26 * MM
    draw_qr(c, card.member_code, CARD_WIDTH - qr - 4 * MM, 4 * MM, qr)


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
