"""服务菜单: the printed menu of the five series for one month, for the notice board and for
residents to take home.

A4 portrait in the shared frame. Each series under a coloured heading with its description;
each item with its description, who it is for (the item's audience words, else its rule: 60岁以上,
3–8岁，家长陪同), who provides it, and that month's sessions as a small table: the date with its
weekday, the time, the room and the seats (余 5 位 / 已满，可候补 / 报名已截止 / 已举办).
Cancelled sessions are left out; an item with none this month says 本月暂无场次. Read in one
transaction (`read_service_menu`), laid out without the database (`service_menu_pdf`); every
text goes through `app.printing.glyphs`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.models import Organisation, SessionStatus
from app.printing.document import MM, Letterhead
from app.printing.glyphs import Printout
from app.printing.kit import Kit
from app.printing.member_card import centre_name
from app.printing.room_sheets import WEEKDAYS
from app.security import Actor, Permission
from app.services.menu import reads

# A light colour per series, in the menu's order; photocopied they are light greys.
SERIES_FILLS = ("#F6DCD8", "#DDEBF7", "#E2F0D9", "#FCE9C8", "#E6E0F2")
SERIES_INK = "#7A1A12"
FULL = "已满，可候补"
CLOSED = "报名已截止"
PAST = "已举办"
NO_SESSIONS = "本月暂无场次"
TABLE_HEADS = ("日期", "时间", "地点", "名额")


@dataclass(frozen=True)
class MenuSession:
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str
    status: SessionStatus
    free: int


@dataclass(frozen=True)
class MenuItem:
    name: str
    description: str
    audience: str  # the words printed: the item's own, else its rule
    provider: str
    sessions: tuple[MenuSession, ...]


@dataclass(frozen=True)
class MenuSeries:
    name: str
    description: str
    items: tuple[MenuItem, ...]


@dataclass(frozen=True)
class ServiceMenuData:
    centre: str
    printed_at: dt.datetime
    month: dt.date  # its first day
    series: tuple[MenuSeries, ...]

    @property
    def session_count(self) -> int:
        return sum(len(item.sessions) for s in self.series for item in s.items)


def month_span(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    first = month.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return dt.datetime.combine(first, dt.time()), dt.datetime.combine(following, dt.time())


def read_service_menu(session: Session, actor: Actor, month: dt.date) -> ServiceMenuData:
    """The active series and items, and the month's sessions that are not cancelled."""
    actor.require(Permission.PRINT_SHEETS)
    start, end = month_span(month)
    tree = reads.menu_tree(session, actor)
    rows = reads.sessions_between(session, actor, start, end, include_cancelled=False)
    by_item: dict[int, list[MenuSession]] = {}
    for row in rows:
        by_item.setdefault(row.item_id, []).append(
            MenuSession(row.starts_at, row.ends_at, row.room, row.status, row.free)
        )
    providers = {
        organisation_id: name
        for organisation_id, name in session.execute(select(Organisation.id, Organisation.name))
    }
    return ServiceMenuData(
        centre=centre_name(session),
        printed_at=clock.now(),
        month=start.date(),
        series=tuple(
            MenuSeries(
                entry.name,
                entry.description,
                tuple(
                    MenuItem(
                        item.name,
                        item.description,
                        item.audience or item.rule,
                        providers.get(item.organisation_id, "") if item.organisation_id else "",
                        tuple(by_item.get(item.id, ())),
                    )
                    for item in entry.items
                ),
            )
            for entry in tree
        ),
    )


def seats_words(entry: MenuSession, now: dt.datetime) -> str:
    if entry.starts_at <= now:
        return PAST
    if entry.status == SessionStatus.FULL:
        return FULL
    if entry.status in (SessionStatus.CLOSED, SessionStatus.CANCELLED):
        return CLOSED
    return f"余 {entry.free} 位"


def day_words(moment: dt.datetime) -> str:
    """11月26日 周四"""
    return f"{moment.month}月{moment.day}日 周{WEEKDAYS[moment.weekday()]}"


def file_name(month: dt.date) -> str:
    return f"服务菜单-{month:%Y-%m}.pdf"


def service_menu_pdf(data: ServiceMenuData) -> Printout:
    from reportlab.platypus import Paragraph, Spacer

    kit = Kit()
    month = f"{data.month.year}年{data.month.month}月"
    story: list[Any] = [
        Paragraph(f"{month} 服务菜单", kit.style("title", 24, centre=True, leading=30)),
        Paragraph(
            kit.text(
                f"{data.centre} · 友邻服务，欢迎报名" if data.centre else "友邻服务，欢迎报名"
            ),
            kit.style("subtitle", 13, centre=True, muted=True),
        ),
        Spacer(1, 5 * MM),
    ]
    for index, series in enumerate(data.series):
        story += _series(kit, series, SERIES_FILLS[index % len(SERIES_FILLS)], data.printed_at)
    story.append(Spacer(1, 4 * MM))
    story.append(
        Paragraph(
            "报名请到服务台，或请工作人员、志愿者代为登记。名额有限，额满可候补。",
            kit.style("footer", 12, centre=True, muted=True),
        )
    )
    return kit.build(story, Letterhead(data.centre, f"{month} 服务菜单", data.printed_at))


def _series(kit: Kit, series: MenuSeries, fill: str, now: dt.datetime) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

    heading = [[Paragraph(kit.text(series.name), kit.style("series", 18, leading=22))]]
    if series.description:
        heading.append([Paragraph(kit.text(series.description), kit.style("seriesNote", 11))])
    band = Table(heading, colWidths=[174 * MM])
    band.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), kit.glyphs.base, 11),
                ("BACKGROUND", (0, 0), (-1, -1), HexColor(fill)),
                ("LINEBEFORE", (0, 0), (0, -1), 4, HexColor(SERIES_INK)),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    parts: list[Any] = [CondPageBreak(35 * MM)]
    first_item = _item(kit, series.items[0], now) if series.items else []
    parts.append(KeepTogether([band, Spacer(1, 2 * MM), *first_item]))
    if not series.items:
        parts.append(Paragraph("暂无项目", kit.style("none", 12, muted=True)))
    for item in series.items[1:]:
        parts.append(KeepTogether(_item(kit, item, now)))
    parts.append(Spacer(1, 4 * MM))
    return parts


def _item(kit: Kit, item: MenuItem, now: dt.datetime) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    parts: list[Any] = [Paragraph(kit.text(item.name), kit.style("item", 15, leading=19))]
    facts = []
    if item.audience:
        facts.append(f"适合：{kit.text(item.audience)}")
    if item.provider:
        facts.append(f"提供：{kit.text(item.provider)}")
    if facts:
        parts.append(Paragraph("　".join(facts), kit.style("facts", 11.5, muted=True)))
    if item.description:
        parts.append(Paragraph(kit.text(item.description), kit.style("description", 12)))
    parts.append(Spacer(1, 1.5 * MM))
    if not item.sessions:
        parts.append(Paragraph(NO_SESSIONS, kit.style("noSessions", 11.5, muted=True)))
        parts.append(Spacer(1, 4 * MM))
        return parts
    cell = kit.style("menuCell", 11.5)
    head = kit.style("menuHead", 10.5, muted=True)
    rows: list[list[Any]] = [[Paragraph(text, head) for text in TABLE_HEADS]]
    taken = kit.style("menuFull", 11.5, red=True)
    for entry in item.sessions:
        seats = seats_words(entry, now)
        rows.append(
            [
                Paragraph(day_words(entry.starts_at), cell),
                Paragraph(f"{entry.starts_at:%H:%M}–{entry.ends_at:%H:%M}", cell),
                Paragraph(kit.text(entry.room or "—"), cell),
                Paragraph(seats, taken if seats in (FULL, CLOSED) else cell),
            ]
        )
    table = Table(rows, colWidths=[36 * MM, 32 * MM, 62 * MM, 40 * MM], hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), kit.glyphs.base, 11),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor("#888888")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor("#CCCCCC")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]
    table.setStyle(TableStyle(commands))
    parts += [table, Spacer(1, 5 * MM)]
    return parts


def service_menu(session: Session, actor: Actor, month: dt.date) -> Printout:
    """The month's printed menu (the desk and the command line)."""
    return service_menu_pdf(read_service_menu(session, actor, month))
