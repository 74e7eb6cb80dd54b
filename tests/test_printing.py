"""Print-outs read back: text, page count, the embedded Chinese font, the QR payload."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from app.db import Database
from app.errors import NotFound
from app.fonts import register_reportlab_font
from app.models import BuildingGroup, Community, Person, Role
from app.printing import document, member_card
from app.security import Actor


def _fonts(reader: PdfReader) -> set[str]:
    names: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]  # type: ignore[index]
        for ref in fonts.values():  # type: ignore[union-attr]
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def test_a4_frame_has_header_and_page_x_of_y() -> None:
    styles = document.styles()
    flowables = [Paragraph(f"第{n}行 东社区邻里中心 签到表", styles["body"]) for n in range(120)]
    pdf = document.build_a4(
        flowables,
        document.Letterhead("东社区邻里中心", "签到表", dt.datetime(2026, 11, 27, 9, 30)),
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    total = len(reader.pages)
    first = reader.pages[0].extract_text()
    assert "东社区邻里中心" in first
    assert f"第 1 页 / 共 {total} 页" in first
    assert "打印时间 2026-11-27 09:30" in first
    assert f"第 {total} 页 / 共 {total} 页" in reader.pages[-1].extract_text()
    assert any("YoulinHei" in name for name in _fonts(reader))


def test_member_card_carries_name_code_and_qr(db: Database, desk: Actor) -> None:
    with db.write() as session:
        community = Community(name="桃园社区")
        session.add(community)
        session.flush()
        group = BuildingGroup(community_id=community.id, name="3号楼组")
        session.add(group)
        session.flush()
        person = Person(
            member_code="YL000042",
            name="单雄信",
            community_id=community.id,
            building_group_id=group.id,
        )
        session.add(person)
        session.flush()
        person_id = person.id
    with db.write() as session:
        cards = member_card.cards_for(session, desk, [person_id])
        pdf = member_card.member_cards_pdf(cards, member_card.centre_name(session) or "东社区")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width) / document.MM, 1) == 85.6
    assert round(float(box.height) / document.MM, 1) == 54.0
    text = reader.pages[0].extract_text()
    for expected in ("单雄信", "桃园社区", "3号楼组", "YL000042", "会员卡"):
        assert expected in text
    assert any("YoulinHei" in name for name in _fonts(reader))


def test_member_card_needs_a_person_on_file(db: Database, desk: Actor) -> None:
    nobody = Actor(99, "ghost", "ghost", Role.DESK)
    with db.write() as session, pytest.raises(NotFound):
        member_card.cards_for(session, nobody, [12345])
    with db.write() as session:
        assert member_card.cards_for(session, desk, []) == []


# --- the member card's layout --------------------------------------------------------------

LONG_NAMES = [
    "阿依古丽·买买提明",  # nine characters: ran into the QR code
    "欧阳小明",
    "阿依古丽·买买提明江别克艾力",
    "诸葛" + "亮" * 18,  # the longest name a record may have (20)
    "Anna Maria Schmidt-Huber",
    "WWWWWWWWWWWWWWWWWWWW",
]


def _card(name: str) -> member_card.MemberCard:
    return member_card.MemberCard(name, "友邻新村", "14-15号楼组", "YL000042")


def _check_layout(name: str) -> member_card.CardLayout:
    font = register_reportlab_font()
    layout = member_card.card_layout(_card(name), "东社区邻里中心", font)
    card = member_card.Box(0, 0, member_card.CARD_WIDTH, member_card.CARD_HEIGHT)
    block = layout.name
    assert not block.box.overlaps(layout.qr), name
    assert block.box.right <= layout.qr.x - member_card.GAP + 0.01, name
    assert block.box.inside(card) and layout.qr.inside(card)
    assert not block.box.overlaps(layout.place.box) and not block.box.overlaps(layout.code.box)
    assert block.box.top <= member_card.CARD_HEIGHT - member_card.BAND  # below the red band
    assert member_card.NAME_FLOOR <= block.size <= member_card.NAME_SIZE
    assert len(block.lines) <= 2
    if "".join(block.lines).replace(" ", "") != name.replace(" ", ""):
        assert block.size == member_card.NAME_FLOOR and block.lines[-1].endswith("…"), name
    for line in block.lines:
        assert stringWidth(line, font, block.size) <= block.box.width + 0.01
    return layout


@pytest.mark.parametrize("name", LONG_NAMES)
def test_a_long_name_is_fitted_beside_the_qr_code(name: str) -> None:
    layout = _check_layout(name)
    if len(name) <= 4:
        assert layout.name.lines == (name,) and layout.name.size == member_card.NAME_SIZE


def test_a_nine_character_name_shrinks_and_a_longer_one_wraps_at_the_dot() -> None:
    nine = _check_layout("阿依古丽·买买提明").name
    assert nine.lines == ("阿依古丽·买买提明",) and nine.size < member_card.NAME_SIZE
    longer = _check_layout("阿依古丽·买买提明江别克艾力").name
    assert longer.lines == ("阿依古丽·", "买买提明江别克艾力")
    twenty = _check_layout("诸葛" + "亮" * 18).name
    assert len(twenty.lines) == 2 and "".join(twenty.lines) == "诸葛" + "亮" * 18


@given(
    st.text(
        st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), st.just("·")),
        min_size=1,
        max_size=20,
    )
)
def test_no_name_runs_into_the_qr_code(name: str) -> None:
    _check_layout(name)


def test_the_printed_name_stays_left_of_the_qr_code() -> None:
    """Read back from the PDF: where each line of the name was drawn, and how wide it is."""
    font = register_reportlab_font()
    cards = [_card(name) for name in LONG_NAMES]
    reader = PdfReader(io.BytesIO(member_card.member_cards_pdf(cards, "东社区邻里中心")))
    assert len(reader.pages) == len(cards)
    for page, card in zip(reader.pages, cards, strict=True):
        layout = member_card.card_layout(card, "东社区邻里中心", font)
        drawn: list[tuple[str, float, float, float]] = []

        def visit(text: str, _cm: list[float], tm: list[float], _font: object, size: float) -> None:
            if text.strip():
                drawn.append((text.strip(), tm[4], tm[5], size))  # noqa: B023

        page.extract_text(visitor_text=visit)
        name_lines = [entry for entry in drawn if entry[0] in layout.name.lines]
        assert [line for line, *_ in name_lines] == list(layout.name.lines), card.name
        for line, x, _y, size in name_lines:
            assert x + stringWidth(line, font, size) < layout.qr.x, (card.name, line)
        assert "YL000042" in (page.extract_text() or "")
