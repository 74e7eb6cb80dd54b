"""The rooms' print-outs read back: door sheets one room a page, the day's table, the week;
what is printed (titles, times, masked phones, 待审批, the day's note) and what is not
(cancelled and rejected bookings, full phone numbers); the embedded font; a character no
font has."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import chinese_calendar
import pytest
from pypdf import PdfReader

from app import clock
from app.db import Database
from app.errors import NotFound, ValidationError
from app.models import BookingKind, BookingStatus
from app.printing import glyphs, room_sheets
from app.printing.room_sheets import RoomSheetData
from app.security import Actor
from app.services.rooms.views import BookingBlock
from tests import rooms_data
from tests.rooms_data import FRIDAY_CLOSED, MONDAY, WEDNESDAY, add_booking, add_room, at
from tests.test_printing import _fonts as fonts_of


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _texts(pdf: bytes) -> list[str]:
    """Each page's text without line breaks and spaces (a title or a phrase may wrap in its
    cell, at a space or between two characters); compare with `_()`."""
    return [_("".join(page.extract_text().split())) for page in _reader(pdf).pages]


def _(text: str) -> str:
    return "".join(text.split())


def _fonts(pdf: bytes) -> set[str]:
    return fonts_of(_reader(pdf))


def _day(db: Database, actor: Actor, day: dt.date, room_id: int | None = None) -> RoomSheetData:
    with db.read() as session:
        return room_sheets.day_sheets(session, actor, day, room_id)


def _week(db: Database, actor: Actor, day: dt.date, room_id: int | None = None) -> RoomSheetData:
    with db.read() as session:
        return room_sheets.week_sheets(session, actor, day, room_id)


@pytest.fixture
def only_machine_fonts() -> Iterator[None]:
    """The fallback fonts are ReportLab's Vera only (what every machine has), whatever fonts
    this machine has besides."""
    saved = list(glyphs.CANDIDATES)
    glyphs.CANDIDATES[:] = [path for path in saved if path[0].name == "Vera.ttf"]
    glyphs.forget_fallbacks()
    yield
    glyphs.CANDIDATES[:] = saved
    glyphs.forget_fallbacks()


def test_door_sheets_one_room_a_page_with_the_day_in_time_order(
    db: Database, admin: Actor, desk: Actor, clock_at: clock.FixedClock
) -> None:
    demo = rooms_data.demo_like(db, admin)
    data = _day(db, desk, WEDNESDAY)  # a desk volunteer prints the door sheets
    printout = room_sheets.door_sheets_pdf(data, WEDNESDAY)
    pages = _texts(printout.pdf)
    # The three bookable rooms; the store (not bookable, nothing booked) gets no sheet.
    assert printout.pages == len(pages) == 3
    assert printout.unprintable == ()
    hall, classroom, meeting = pages
    for page, name in zip(pages, ("多功能厅", "书画教室", "议事厅"), strict=True):
        assert name in page
        assert _("2026年11月25日 星期三") in page
        assert "东社区邻里中心" in page
        assert _("打印时间 2026-11-25 09:30") in page
        assert _("开放时间 08:00–20:00") in page
    assert _("第 1 页 / 共 3 页") in hall and _("第 3 页 / 共 3 页") in meeting
    # In time order, with the booker's masked phone and the expected attendees.
    order = [hall.index(t) for t in ("09:00–11:30", "14:00–16:00", "18:30–20:00")]
    assert order == sorted(order)
    assert (
        hall.index("长者智能手机课堂") < hall.index("社区合唱团排练") < hall.index("亲子绘本共读")
    )
    assert _("五彩亲子公益发展中心 139****1111") in hall and "预计45人" in hall
    assert "【待审批】亲子绘本共读" in hall
    assert _("张秀英 138****5678") in hall
    assert demo.person_phone not in "".join(pages) and "13900001111" not in "".join(pages)
    # Cancelled and rejected bookings are not printed.
    assert "已取消的午间讲座" not in hall and "被拒绝的申请" not in classroom
    assert "书法班" in classroom and "09:00–11:00" in classroom
    assert "东苑社区自治理事会例会" in meeting and "10:00–11:00" in meeting
    for booking_title in demo.titles.values():
        assert sum(booking_title in page for page in pages) == 1
    assert any("YoulinHei" in name for name in _fonts(printout.pdf))


def test_one_room_and_an_empty_day(db: Database, admin: Actor) -> None:
    demo = rooms_data.demo_like(db, admin)
    thursday = WEDNESDAY + dt.timedelta(days=1)
    printout = room_sheets.door_sheets_pdf(_day(db, admin, thursday, demo.hall), thursday)
    (page,) = _texts(printout.pdf)
    assert "多功能厅" in page and _("2026年11月26日 星期四") in page
    assert "今日无预约" in page
    # A room is named by the sheet even when it is not bookable: it was asked for.
    store = room_sheets.door_sheets_pdf(_day(db, admin, thursday, demo.store), thursday)
    assert "仓库" in _texts(store.pdf)[0]
    with pytest.raises(NotFound):
        _day(db, admin, thursday, 9999)


def test_the_day_says_what_it_is(db: Database, admin: Actor) -> None:
    demo = rooms_data.demo_like(db, admin)
    national_day = dt.date(2026, 10, 1)
    page = _texts(room_sheets.door_sheets_pdf(_day(db, admin, national_day), national_day).pdf)[0]
    assert _("2026年10月1日 星期四") in page and _("国庆节 闭馆") in page
    assert "开放时间" not in page
    closed = _texts(room_sheets.door_sheets_pdf(_day(db, admin, FRIDAY_CLOSED), FRIDAY_CLOSED).pdf)
    assert _("消防检查 闭馆") in closed[0]
    # A 调休 working day on a weekend opens as on a working day, and says so.
    swap = next(
        day
        for day in (dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(365))
        if day.weekday() >= 5 and chinese_calendar.is_workday(day)
    )
    page = _texts(room_sheets.door_sheets_pdf(_day(db, admin, swap, demo.hall), swap).pdf)[0]
    assert "调休上班" in page and _("开放时间 08:00–20:00") in page
    # The meeting room has no hours on Sundays.
    sunday = MONDAY + dt.timedelta(days=6)
    page = _texts(room_sheets.door_sheets_pdf(_day(db, admin, sunday, demo.meeting), sunday).pdf)[0]
    assert "本室今日不开放" in page


def test_a_full_day_shrinks_onto_one_page_then_runs_on(db: Database, admin: Actor) -> None:
    with db.write() as session:
        room = add_room(session, "多功能厅", 60)
        for n in range(13):  # 08:00 … 20:00, an hour each
            start = at(WEDNESDAY, "08:00") + dt.timedelta(hours=n)
            add_booking(
                session, room, start, start + dt.timedelta(hours=1), f"第{n + 1}场活动",
                account_id=admin.account_id, attendees=10,
            )  # fmt: skip
        room_id = room.id
    printout = room_sheets.door_sheets_pdf(_day(db, admin, WEDNESDAY), WEDNESDAY)
    assert printout.pages == 1
    text = _texts(printout.pdf)[0]
    for n in range(13):
        assert f"第{n + 1}场活动" in text
        assert f"{8 + n:02d}:00–{9 + n:02d}:00" in text
    with db.write() as session:
        from app.models import Room

        same = session.get(Room, room_id)
        assert same is not None
        for n in range(40):
            start = at(WEDNESDAY, "21:00") + dt.timedelta(minutes=3 * n)
            add_booking(
                session, same, start, start + dt.timedelta(minutes=3), f"夜场{n + 1}",
                account_id=admin.account_id,
            )  # fmt: skip
    crowded = room_sheets.door_sheets_pdf(_day(db, admin, WEDNESDAY), WEDNESDAY)
    assert crowded.pages > 1
    text = "".join(_texts(crowded.pdf))
    assert all(f"夜场{n + 1}" in text for n in range(40))
    assert "时间" in _texts(crowded.pdf)[1]  # the table's head again on the next page


def test_day_overview_has_every_room_on_one_page(
    db: Database, admin: Actor, clock_at: clock.FixedClock
) -> None:
    demo = rooms_data.demo_like(db, admin)
    printout = room_sheets.day_overview_pdf(_day(db, admin, WEDNESDAY), WEDNESDAY)
    assert printout.pages == 1
    (text,) = _texts(printout.pdf)
    assert _("2026年11月25日 星期三 活动室一览") in text
    for name in ("多功能厅", "书画教室", "议事厅"):
        assert name in text
    assert "仓库" not in text
    for booking_title in demo.titles.values():
        assert booking_title in text
    for span in ("09:00–11:30", "14:00–16:00", "18:30–20:00", "09:00–11:00", "10:00–11:00"):
        assert span in text
    assert "【待审批】亲子绘本共读" in text
    assert "138****5678" in text and demo.person_phone not in text
    assert "已取消的午间讲座" not in text and "被拒绝的申请" not in text
    sunday = MONDAY + dt.timedelta(days=6)
    (text,) = _texts(room_sheets.day_overview_pdf(_day(db, admin, sunday), sunday).pdf)
    assert "本室今日不开放" in text and "书法班" in text


def test_week_overview_is_landscape_monday_to_sunday(
    db: Database, admin: Actor, clock_at: clock.FixedClock
) -> None:
    rooms_data.demo_like(db, admin)
    data = _week(db, admin, WEDNESDAY)
    assert (data.first_day, data.last_day) == (MONDAY, MONDAY + dt.timedelta(days=6))
    printout = room_sheets.week_overview_pdf(data)
    assert printout.pages == 1
    page = _reader(printout.pdf).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = _texts(printout.pdf)[0]
    assert _("活动室周览 2026年11月23日—11月29日") in text
    for label in ("周一 11/23", "周三 11/25", "周日 11/29"):
        assert _(label) in text
    assert _("消防检查 闭馆") in text
    assert text.count(_("09:00–11:00 书法班")) == 7  # the daily series, every day
    for expected in ("09:00–11:30 长者智能手机课堂", "10:00–11:00 东苑社区自治理事会例会"):
        assert _(expected) in text
    assert "【待审批】" in text and "已取消的午间讲座" not in text
    assert "不开放" in text  # the meeting room on Sunday
    assert _("第 1 页 / 共 1 页") in text and _("打印时间 2026-11-25 09:30") in text


def test_week_overview_of_one_room_by_part_of_day(db: Database, admin: Actor) -> None:
    demo = rooms_data.demo_like(db, admin)
    printout = room_sheets.week_overview_pdf(_week(db, admin, WEDNESDAY, demo.hall))
    (text,) = _texts(printout.pdf)
    assert _("多功能厅 本周日程") in text
    for part in ("上午", "下午", "晚上"):
        assert part in text
    morning, afternoon, evening = (text.index(p) for p in ("上午", "下午", "晚上"))
    assert morning < text.index("长者智能手机课堂") < afternoon
    assert afternoon < text.index("社区合唱团排练") < evening < text.index("亲子绘本共读")
    assert "书法班" not in text and "议事厅" not in text


def test_a_very_full_week_runs_over_pages_and_keeps_every_booking(
    db: Database, admin: Actor
) -> None:
    with db.write() as session:
        room = add_room(session, "多功能厅", 60)
        for day in range(7):
            for slot in range(45):
                start = at(MONDAY + dt.timedelta(days=day), "08:00") + dt.timedelta(
                    minutes=15 * slot
                )
                add_booking(
                    session, room, start, start + dt.timedelta(minutes=15), f"D{day}S{slot}",
                    account_id=admin.account_id,
                )  # fmt: skip
    printout = room_sheets.week_overview_pdf(_week(db, admin, WEDNESDAY))
    assert printout.pages > 1
    text = "".join(_texts(printout.pdf))
    assert all(f"D{day}S{slot}" in text for day in range(7) for slot in range(45))


def test_a_booking_over_midnight_names_the_other_day() -> None:
    block = BookingBlock(
        1, 1, "多功能厅", at(WEDNESDAY, "20:00"), at(WEDNESDAY + dt.timedelta(days=1), "00:00"),
        "跨年夜", BookingKind.ACTIVITY, BookingStatus.CONFIRMED, "", "", None, None,
        False,
    )  # fmt: skip
    assert room_sheets.time_span(block, WEDNESDAY) == "20:00–24:00"
    late = BookingBlock(
        2, 1, "多功能厅", at(WEDNESDAY, "22:00"), at(WEDNESDAY + dt.timedelta(days=1), "02:00"),
        "守岁", BookingKind.ACTIVITY, BookingStatus.CONFIRMED, "", "", None, None,
        False,
    )  # fmt: skip
    assert room_sheets.time_span(late, WEDNESDAY) == "22:00–11-26 02:00"
    assert room_sheets.time_span(late, WEDNESDAY + dt.timedelta(days=1)) == "11-25 22:00–02:00"


def test_bad_spans_are_refused(db: Database, admin: Actor) -> None:
    with db.read() as session, pytest.raises(ValidationError):
        room_sheets.read_sheets(session, admin, WEDNESDAY, MONDAY)
    with db.read() as session, pytest.raises(ValidationError):
        room_sheets.read_sheets(session, admin, MONDAY, MONDAY + dt.timedelta(days=60))


def test_a_character_no_font_has_is_printed_as_a_mark_and_said(
    db: Database, admin: Actor, only_machine_fonts: None
) -> None:
    with db.write() as session:
        room = add_room(session, "多功能厅", 60)
        add_booking(session, room, at(WEDNESDAY, "09:00"), at(WEDNESDAY, "10:00"), "𠮷祥太极队")
        add_booking(session, room, at(WEDNESDAY, "10:00"), at(WEDNESDAY, "11:00"), "Łucja的钢琴课")
    data = _day(db, admin, WEDNESDAY)
    for printout in (
        room_sheets.door_sheets_pdf(data, WEDNESDAY),
        room_sheets.day_overview_pdf(data, WEDNESDAY),
        room_sheets.week_overview_pdf(_week(db, admin, WEDNESDAY)),
    ):
        text = "".join(_texts(printout.pdf))
        # Ł is not in the bundled font: printed in a font of the machine, not dropped.
        assert "Łucja的钢琴课" in text
        assert len(_fonts(printout.pdf)) >= 2
        # 𠮷 is in no font here: printed as 〓, and the person printing is told.
        assert "〓祥太极队" in text
        assert printout.unprintable == ("𠮷",)
        assert "U+20BB7" in printout.warning() and "〓" in printout.warning()


def test_every_word_the_sheets_print_is_in_the_bundled_font() -> None:
    saved = list(glyphs.CANDIDATES)
    glyphs.CANDIDATES[:] = []
    glyphs.forget_fallbacks()
    try:
        words = [
            room_sheets.WEEKDAYS,
            room_sheets.PENDING,
            "【】年月日星期—–·：0123456789/",
            "今日无预约本室今日不开放闭馆开放时间容纳人预约预计时间活动活动室预约人",
            "活动室一览活动室门牌日程活动室周览本周日程上午下午晚上没有可打印的活动室",
            "调休上班（国庆节）春节清明节劳动节端午节中秋节元旦中心闭馆",
            "打印时间第页共",
        ]
        assert glyphs.coverage_gaps(words) == []
    finally:
        glyphs.CANDIDATES[:] = saved
        glyphs.forget_fallbacks()
