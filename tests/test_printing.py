"""Print-outs read back: text, page count, the embedded Chinese font, the QR payload."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from app.db import Database
from app.errors import NotFound
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
