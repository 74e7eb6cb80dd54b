"""The sign-in sheet (签到表) read back from its PDF: the people in pinyin order with masked
phones, the numbered blank rows, page X of Y on every page, 应到, the embedded font covering
every character, and a rare character drawn by a machine's font or marked and reported."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from app import pinyin
from app.db import Database
from app.errors import NotFound, ValidationError
from app.models import BuildingGroup, Community, Person, Signup
from app.printing import glyphs, room_sheets, signin_sheet
from app.printing.glyphs import Printout
from app.security import Actor
from app.services.menu.signups import sign_up
from tests.fallback_font import machine_fonts, write_font
from tests.menu_data import add_item, add_person, add_session
from tests.test_printing import _fonts

THURSDAY = dt.datetime(2026, 11, 26, 14, 0)
NAMES = ["王芳", "张伟", "李娜", "陈静", "刘洋", "赵敏", "周杰", "吴磊", "安然", "欧阳娜娜"]


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _pages(pdf: bytes) -> list[str]:
    return ["".join(page.extract_text().split()) for page in _reader(pdf).pages]


def _lesson(db: Database, names: list[str], **person: object) -> tuple[int, list[int]]:
    """行走的党课 on Thursday 26 November 14:00–15:30 in 多功能厅, `names` signed up."""
    from tests.rooms_data import add_room

    with db.write() as session:
        community = Community(name="东苑社区")
        session.add(community)
        session.flush()
        group = BuildingGroup(community_id=community.id, name="3号楼组")
        session.add(group)
        room = add_room(session, "多功能厅", 600)
        item = add_item(session)
        activity = add_session(session, item, THURSDAY, capacity=600, room_id=room.id)
        people = []
        for n, name in enumerate(names):
            pid = add_person(session, name, phone=f"138{n:04d}5678", **person)  # type: ignore[arg-type]
            person_row = session.get(Person, pid)
            assert person_row is not None
            person_row.community_id = community.id
            person_row.building_group_id = group.id
            session.add(Signup(session_id=activity, person_id=pid))
            people.append(pid)
    return activity, people


def _items(pdf: bytes) -> list[list[tuple[float, float, str]]]:
    """Each page's drawn strings with where they start (x, y), top to bottom."""
    return [_drawn(page) for page in _reader(pdf).pages]


def _drawn(page: PageObject) -> list[tuple[float, float, str]]:
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((round(x, 1), round(y), text.strip()))

    page.extract_text(visitor_text=visit)
    return sorted(found, key=lambda item: (-item[1], item[0]))


def _numbers(pdf: bytes) -> list[tuple[int, list[str]]]:
    """The sheet's rows: each 序号 with the other strings on its line."""
    rows = []
    for page in _items(pdf):
        for x, y, text in page:
            if text.isdigit() and x < 100:  # in the 序号 column (57–97 pt)
                line = sorted((x2, t) for x2, y2, t in page if abs(y2 - y) < 8 and x2 != x)
                rows.append((int(text), [t for _x, t in line]))
    return rows


def _sheet(db: Database, actor: Actor, session_id: int, blank_rows: int = 10) -> Printout:
    with db.read() as session:
        return signin_sheet.signin_sheet(session, actor, session_id, blank_rows=blank_rows)


def test_the_sheet_has_the_session_and_everyone_in_pinyin_order(db: Database, desk: Actor) -> None:
    activity, _people = _lesson(db, NAMES)
    printout = _sheet(db, desk, activity)
    assert printout.pages == 1 and printout.unprintable == ()
    (text,) = _pages(printout.pdf)
    for words in (
        "签到表",
        "党群友邻·行走的党课",
        "2026年11月26日星期四14:00–15:30",
        "多功能厅",
        "社工李晓燕",
        "序号姓名社区·楼组联系电话签名",
        "东苑社区·3号楼组",
        "应到10人",
        "实到",
        "第1页/共1页",
        "打印时间",
    ):
        assert words in text, words
    sort_key = {name: dict(pinyin.search_keys(name))["sort"] for name in NAMES}
    expected = sorted(NAMES, key=sort_key.__getitem__)
    assert expected[:2] == ["安然", "陈静"]
    positions = [text.index(name) for name in expected]
    assert positions == sorted(positions)
    # Numbered 1 … 10 with the people, then 11 … 20 blank.
    rows = _numbers(printout.pdf)
    assert [n for n, _ in rows] == list(range(1, 21))
    assert [texts[0] for _, texts in rows[:10]] == expected
    assert all(texts == [] for _, texts in rows[10:])


def test_no_full_phone_number_is_printed(db: Database, desk: Actor) -> None:
    activity, _people = _lesson(db, NAMES)
    pdf = _sheet(db, desk, activity).pdf
    drawn = [text for page in _items(pdf) for _x, _y, text in page]
    assert drawn.count("138****5678") == len(NAMES)
    assert not any(re.search(r"1\d{10}", text) for text in drawn)
    assert not re.search(rb"138\d{4}5678", pdf)


@pytest.mark.parametrize("blank_rows", [0, 3, 25])
def test_the_blank_rows_are_counted_and_numbered(
    db: Database, desk: Actor, blank_rows: int
) -> None:
    activity, _people = _lesson(db, NAMES[:4])
    pdf = _sheet(db, desk, activity, blank_rows).pdf
    rows = _numbers(pdf)
    assert [n for n, _ in rows] == list(range(1, 5 + blank_rows))
    assert all(texts for _, texts in rows[:4])
    assert sum(1 for _, texts in rows if not texts) == blank_rows
    assert "应到4人" in "".join(_pages(pdf))


def test_too_many_blank_rows_are_refused(db: Database, desk: Actor) -> None:
    activity, _people = _lesson(db, NAMES[:1])
    with pytest.raises(ValidationError) as refused:
        _sheet(db, desk, activity, -1)
    assert refused.value.field == "blank_rows"
    with pytest.raises(ValidationError):
        _sheet(db, desk, activity, signin_sheet.MAX_BLANK_ROWS + 1)


def test_a_child_with_a_parent_and_a_walk_in(db: Database, admin: Actor, clock_at: object) -> None:
    with db.write() as session:
        item = add_item(session, "亲子绘本共读", series="culture", min_age=3, max_age=8,
                        with_parent=True)  # fmt: skip
        activity = add_session(session, item, THURSDAY, capacity=10)
        child = add_person(session, "张小米", birth_year=2020)
        parent = add_person(session, "张强", birth_year=1988)
        walker = add_person(session, "阿依古丽", birth_year=1950)
        sign_up(session, admin, activity, child, companion_id=parent)
        session.add(Signup(session_id=activity, person_id=walker, walk_in=True, attended=True))
    text = "".join(_pages(_sheet(db, admin, activity).pdf))
    assert "张小米（家长：张强）" in text
    # The child and the adult are two of 应到; the walk-in comes after them, marked.
    assert "应到2人" in text
    assert text.index("张小米") < text.index("阿依古丽现场")
    assert "文化友邻·亲子绘本共读" in text


@pytest.mark.parametrize(("people", "total"), [(250, 11), (500, 21)])
def test_page_x_of_y_on_every_page(db: Database, desk: Actor, people: int, total: int) -> None:
    # 20 rows on the first page and 25 on each other: 250 people and 10 blank rows make 11
    # pages; rows tall enough to sign in put 500 people on 21.
    given = ["".join(pair) for pair in itertools.product("伟芳娜敏静丽强磊军洋", "华明")]
    names = [surname + pair for surname in "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔"
             for pair in given][:people]  # fmt: skip
    activity, _people = _lesson(db, names)
    printout = _sheet(db, desk, activity)
    pages = _pages(printout.pdf)
    assert printout.pages == len(pages) == total
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页/共{total}页" in page
        # The column heads and the sheet's title repeat on every page.
        assert "序号姓名社区·楼组联系电话签名" in page
        assert "签到表·行走的党课·11月26日14:00" in page
    assert f"应到{people}人" in pages[-1] and "应到" not in "".join(pages[:-1])
    rows = _numbers(printout.pdf)
    assert [n for n, _texts in rows] == list(range(1, people + 11))
    assert [texts[0] for _n, texts in rows[:people]] == sorted(
        names, key=lambda name: dict(pinyin.search_keys(name))["sort"]
    )


def test_the_font_is_embedded_and_covers_every_character(db: Database, desk: Actor) -> None:
    activity, _people = _lesson(db, NAMES)
    printout = _sheet(db, desk, activity)
    reader = _reader(printout.pdf)
    fonts = _fonts(reader)
    assert fonts and all("YoulinHei" in name for name in fonts)
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():  # type: ignore[index, union-attr]
            descriptor = ref.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # embedded TrueType
    # Every character read back is one the bundled font draws: nothing printed as a blank.
    text = "".join(page.extract_text() for page in reader.pages)
    assert glyphs.coverage_gaps([text.replace("\n", "")]) == []
    covered = glyphs.Glyphs()
    assert all(font == covered.base for font, _part in covered.runs(text.replace("\n", "")))


def test_every_word_the_sheet_prints_is_in_the_bundled_font() -> None:
    words = [
        signin_sheet.TITLE,
        "".join(signin_sheet.HEADS),
        room_sheets.WEEKDAYS,
        signin_sheet.WALK_IN,
        "应到实到人时间地点组织本场活动已取消（家长：）年月日星期第页共打印时间·–—_0123456789:",
        "党群友邻社区友邻康养友邻文化友邻文明友邻",
    ]
    with machine_fonts():
        assert glyphs.coverage_gaps(words) == []


def test_a_rare_name_is_drawn_by_a_machine_font_or_marked_and_said(
    db: Database, desk: Actor, tmp_path: Path
) -> None:
    # 䶮 (U+4DAE) and 𠮷 (U+20BB7) are not in the bundled font.
    activity, _people = _lesson(db, ["刘䶮", "𠮷田", "王芳"])
    with machine_fonts(write_font(tmp_path / "ext.ttf", "䶮")):
        printout = _sheet(db, desk, activity)
    text = "".join(_pages(printout.pdf))
    assert "刘䶮" in text  # drawn with the machine's font
    assert {name.split("+")[1] for name in _fonts(_reader(printout.pdf))} == {
        "YoulinHei-Regular",
        "YoulinTestFallback",
    }
    assert "〓田" in text  # no font has 𠮷: marked, and the person printing is told
    assert printout.unprintable == ("𠮷",)
    assert "U+20BB7" in printout.warning()


def test_a_rare_character_in_the_centre_name_is_reported_too(db: Database, desk: Actor) -> None:
    from app.models import Centre

    activity, _people = _lesson(db, ["王芳"])
    with db.write() as session:
        centre = session.get(Centre, 1)
        assert centre is not None
        centre.name = "𠮷祥邻里中心"
    with machine_fonts():
        printout = _sheet(db, desk, activity)
    assert printout.unprintable == ("𠮷",)
    assert "〓祥邻里中心" in _pages(printout.pdf)[0]


def test_a_session_gone_is_said(db: Database, desk: Actor) -> None:
    activity, _people = _lesson(db, NAMES[:1])
    with pytest.raises(NotFound):
        _sheet(db, desk, activity + 1000)
