"""No print-out loses a character silently: the member card, the agenda and every page header
print a character the bundled font lacks in a font of the machine, or mark it 〓 and say so."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader

from app import clock
from app.db import Database
from app.printing import agenda as agenda_print
from app.printing import document, glyphs, member_card
from app.printing.member_card import MemberCard
from app.security import Actor
from app.services.rooms import agenda
from tests.conftest import TEST_NOW
from tests.council import make_council
from tests.fallback_font import machine_fonts, write_font
from tests.test_printing import _fonts


def _text(pdf: bytes) -> str:
    return "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def _font_names(pdf: bytes) -> set[str]:
    return {name.split("+")[-1] for name in _fonts(PdfReader(io.BytesIO(pdf)))}


def test_a_member_card_draws_a_rare_name_with_a_machine_font(tmp_path: Path) -> None:
    card = MemberCard("刘䶮", "东苑社区", "3号楼组", "YL000123")
    with machine_fonts(write_font(tmp_path / "ext.ttf", "䶮")):
        printout = member_card.member_cards_printout([card], "东社区邻里中心")
    assert printout.unprintable == () and printout.pages == 1
    assert "刘䶮" in _text(printout.pdf)
    assert _font_names(printout.pdf) == {"YoulinHei-Regular", "YoulinTestFallback"}


def test_a_member_card_marks_and_reports_what_no_font_has() -> None:
    card = MemberCard("𠮷田美", "𠮷祥社区", "", "YL000124")
    with machine_fonts():
        printout = member_card.member_cards_printout([card], "东社区邻里中心")
    assert printout.unprintable == ("𠮷",)
    text = _text(printout.pdf)
    assert "〓田美" in text and "〓祥社区" in text
    assert "U+20BB7" in printout.warning()
    # The layout measured the mark, not nothing: the name's box is as wide as three characters.
    font = glyphs.Glyphs().base
    layout = member_card.card_layout(card, "东社区邻里中心", font)
    assert layout.name.box.width > 2.5 * layout.name.size


def test_the_page_header_reports_a_rare_centre_name() -> None:
    from reportlab.platypus import Paragraph

    marks = glyphs.Glyphs()
    with machine_fonts():
        pdf = document.build_a4(
            [Paragraph("正文", document.styles()["body"])],
            document.Letterhead("𠮷祥邻里中心", "䶮的标题", TEST_NOW),
            glyphs=marks,
        )
    assert marks.unprintable == ("𠮷", "䶮")
    assert "〓祥邻里中心" in _text(pdf) and "〓的标题" in _text(pdf)


def test_the_agenda_prints_a_rare_title_and_says_so(
    db: Database, staff: Actor, clock_at: clock.FixedClock, tmp_path: Path
) -> None:
    made = make_council(db, staff)
    with db.write() as session:
        agenda.add_to_agenda(session, staff, made.meeting, made.requests[0])
    with db.read() as session:
        meeting, centre = agenda_print.meeting_for_print(session, staff, made.meeting)
    meeting = dataclasses.replace(meeting, title="䶮与𠮷的议事会")
    with machine_fonts(write_font(tmp_path / "ext.ttf", "䶮")):
        printout = agenda_print.agenda_printout(meeting, centre, dt.datetime(2026, 11, 25, 9, 30))
    text = _text(printout.pdf)
    assert "䶮与〓的议事会" in text
    assert printout.unprintable == ("𠮷",)
    assert "YoulinTestFallback" in _font_names(printout.pdf)
