"""The printed service menu of a month read back: the five series in order, each item with its
description, audience and provider, the month's sessions with seats left or full; cancelled
sessions and other months left out."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from app import clock
from app.db import Database
from app.models import ActivitySession, Organisation, ServiceItem, ServiceSeries, Signup
from app.printing import glyphs, room_sheets, service_menu
from app.printing.glyphs import Printout
from app.security import Actor
from tests.fallback_font import machine_fonts
from tests.menu_data import add_item, add_person, add_session, series_id
from tests.rooms_data import add_room
from tests.test_printing import _fonts

NOVEMBER = dt.date(2026, 11, 1)


def _text(pdf: bytes) -> str:
    return "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def _menu(db: Database, actor: Actor, month: dt.date = NOVEMBER) -> Printout:
    with db.read() as session:
        return service_menu.service_menu(session, actor, month)


def make_menu(db: Database) -> dict[str, int]:
    """行走的党课 (two sessions this month, one full; one next month), 长者太极 (60岁以上, by a
    provider, one cancelled session), 亲子绘本共读 with no session this month."""
    with db.write() as session:
        room = add_room(session, "多功能厅", 60)
        provider = Organisation(name="乐龄健康服务社")
        session.add(provider)
        session.flush()
        lesson = add_item(session, audience="党员和居民")
        item = session.get(ServiceItem, lesson)
        assert item is not None
        item.description = "走进红色地标，边走边学。"
        party = session.get(ServiceSeries, series_id(session))
        assert party is not None
        party.description = "党建引领，友邻同行"
        taichi = add_item(session, "长者太极", series="health_care", min_age=60)
        taichi_item = session.get(ServiceItem, taichi)
        assert taichi_item is not None
        taichi_item.organisation_id = provider.id
        add_item(session, "亲子绘本共读", series="culture", min_age=3, max_age=8, with_parent=True)
        first = add_session(session, lesson, dt.datetime(2026, 11, 26, 14), capacity=20,
                            room_id=room.id)  # fmt: skip
        full = add_session(session, lesson, dt.datetime(2026, 11, 28, 9), capacity=1,
                           room_id=room.id)  # fmt: skip
        session.add(Signup(session_id=full, person_id=add_person(session, "王芳")))
        session.add(Signup(session_id=first, person_id=add_person(session, "张伟")))
        add_session(session, lesson, dt.datetime(2026, 12, 3, 14), room_id=room.id)
        gone = add_session(session, taichi, dt.datetime(2026, 11, 27, 8, 30))
        cancelled = session.get(ActivitySession, gone)
        assert cancelled is not None
        cancelled.cancelled = True
        kept = add_session(session, taichi, dt.datetime(2026, 11, 30, 8, 30), capacity=15)
    return {"first": first, "full": full, "kept": kept}


def test_the_menu_lists_the_series_items_and_the_months_sessions(
    db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    make_menu(db)
    printout = _menu(db, desk)
    assert printout.unprintable == ()
    text = _text(printout.pdf)
    assert "2026年11月服务菜单" in text
    series = ["党群友邻", "社区友邻", "康养友邻", "文化友邻", "文明友邻"]
    positions = [text.index(name) for name in series]
    assert positions == sorted(positions)
    assert "党群友邻党建引领，友邻同行行走的党课" in text
    assert "行走的党课" in text and "走进红色地标，边走边学。" in text
    assert "适合：党员和居民" in text
    assert "长者太极" in text and "适合：60岁以上" in text and "提供：乐龄健康服务社" in text
    assert "11月26日周四14:00–15:30多功能厅余19位" in text
    assert "11月28日周六09:00–10:30多功能厅已满，可候补" in text
    assert "11月30日周一08:30–10:00" in text and "余15位" in text
    # Cancelled sessions and those of other months are not on the menu.
    assert "11月27日" not in text and "12月3日" not in text
    assert "亲子绘本共读" in text and service_menu.NO_SESSIONS in text
    assert "第1页/共" in text
    fonts = _fonts(PdfReader(io.BytesIO(printout.pdf)))
    assert fonts and all("YoulinHei" in name for name in fonts)


def test_a_month_without_sessions_still_prints_the_menu(
    db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    make_menu(db)
    text = _text(_menu(db, desk, dt.date(2027, 2, 14)).pdf)
    assert "2027年2月服务菜单" in text
    assert text.count(service_menu.NO_SESSIONS) == 3


def test_every_word_the_menu_prints_is_in_the_bundled_font() -> None:
    words = [
        service_menu.FULL,
        service_menu.CLOSED,
        service_menu.PAST,
        service_menu.NO_SESSIONS,
        "".join(service_menu.TABLE_HEADS),
        room_sheets.WEEKDAYS,
        "年月日周服务菜单友邻服务，欢迎报名适合：提供：余位暂无项目—–·0123456789",
        "报名请到服务台，或请工作人员、志愿者代为登记。名额有限，额满可候补。",
    ]
    with machine_fonts():
        assert glyphs.coverage_gaps(words) == []
