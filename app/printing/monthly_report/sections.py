"""The report's sections, each a list of flowables from its rows; a section with nothing to show
says so in words (本月无…) instead of leaving its title out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from app.choices import Purpose, Satisfaction
from app.printing.certificates import TITLES
from app.printing.document import MM
from app.printing.kit import Kit
from app.printing.monthly_report import charts
from app.printing.monthly_report.charts import Bars
from app.printing.monthly_report.tables import (
    Cell,
    Row,
    count,
    days,
    hours,
    maybe_count,
    per_1000,
    rate,
    table,
)
from app.printing.room_sheets import WEEKDAYS
from app.services.statistics.area import not_filled_in
from app.services.statistics.rows import (
    AreaFigures,
    AreaLevel,
    CertificateCount,
    DayCount,
    PurposeCount,
    RequestFigures,
    RoomUse,
    SatisfactionBy,
    SatisfactionLine,
    SeriesFigures,
    SessionFigures,
    VolunteerHours,
)

AREAS = "一、各社区、楼组服务情况"
VISITS = "二、来访情况"
SERIES = "三、服务系列活动"
ROOMS = "四、活动室使用"
REQUESTS = "五、民生直通车"
VOLUNTEERS = "六、志愿服务与证书"
SECTIONS = (AREAS, VISITS, SERIES, ROOMS, REQUESTS, VOLUNTEERS)

CENTRE_LINE = "全中心"
NOT_FILLED_IN = "未填写"
PURPOSE_NAMES = {
    Purpose.PARTY_TRANSFER: "党务：组织关系转接",
    Purpose.PARTY_DUES: "党务：党费",
    Purpose.PARTY_DOUBLE_REPORT: "党务：双报到",
    Purpose.GOVERNMENT: "政务",
    Purpose.LIFE_SERVICE: "生活服务",
    Purpose.ACTIVITY: "活动",
    Purpose.ROOM_USE: "活动室使用",
    Purpose.REQUEST: "民生直通车诉求",
    Purpose.OTHER: "其他",
}
ANSWER_NAMES = {
    Satisfaction.SATISFIED: "满意",
    Satisfaction.BASIC: "基本满意",
    Satisfaction.UNSATISFIED: "不满意",
}
UNANSWERED = "未答复"
CANCELLED = "（已取消）"
TO_COME = "（尚未举行）"
SATISFACTION_HEADS = {
    SatisfactionBy.CATEGORY: "按诉求类别",
    SatisfactionBy.COMMUNITY: "按社区",
    SatisfactionBy.ASSIGNEE: "按经办人",
}
VISITS_BAR = "来访人次"
SERVED_BAR = "服务人数"
SIGNUPS_BAR = "报名人次"
ATTENDED_BAR = "签到人次"


def heading(kit: Kit, text: str) -> Any:
    from reportlab.platypus import Paragraph

    style = kit.style("reportSection", 15, leading=20, space_after=3 * MM)
    style.spaceBefore = 8 * MM  # dropped at the top of a page
    style.keepWithNext = 1
    return Paragraph(kit.text(text), style)


def subheading(kit: Kit, text: str) -> Any:
    """A heading never left alone at the foot of a page."""
    from reportlab.platypus import Paragraph

    style = kit.style("reportSub", 12, leading=16, space_after=2 * MM)
    style.spaceBefore = 2 * MM
    style.keepWithNext = 1
    return Paragraph(kit.text(text), style)


def say(kit: Kit, text: str, *, muted: bool = False) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(kit.text(text), kit.style("reportBody", 10.5, muted=muted, space_after=2 * MM))


def gap(height_mm: float = 4) -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, height_mm * MM)


def opening(kit: Kit, title: str, first: Sequence[Any]) -> list[Any]:
    """A section's title kept on the page of what follows it."""
    from reportlab.platypus import CondPageBreak, KeepTogether

    return [CondPageBreak(70 * MM), KeepTogether([heading(kit, title), *first])]


def together(*parts: Any) -> Any:
    from reportlab.platypus import KeepTogether

    return KeepTogether(list(parts))


def day_words(day: dt.date) -> str:
    """11月26日 周四"""
    return f"{day.month}月{day.day}日 周{WEEKDAYS[day.weekday()]}"


# --- 一、各社区、楼组 ---------------------------------------------------------------------------


def areas(kit: Kit, lines: Sequence[AreaFigures]) -> list[Any]:
    active = [line for line in lines if _any_figure(line)]
    if not active:
        return opening(kit, AREAS, [say(kit, "本月无来访与服务记录。")])
    tops = [line for line in lines if line.level is not AreaLevel.BUILDING_GROUP]
    communities = [line for line in lines if line.level is AreaLevel.COMMUNITY]
    rows: list[Row] = [
        [
            Cell(area_name(line)),
            count(line.visits),
            count(line.people_served),
            maybe_count(line.residents),
            per_1000(line.served_per_1000),
            count(line.signups),
            count(line.attended),
            rate(line.attendance_rate),
            rate(line.no_show_rate),
            hours(line.volunteer_hours),
        ]
        for line in tops
    ]
    centre_rows = [i for i, line in enumerate(tops) if line.level is AreaLevel.CENTRE]
    by_community = table(
        kit,
        (
            "社区",
            "来访人次",
            "服务人数",
            "常住人口",
            "每千人\n服务人数",
            "报名人次",
            "签到人次",
            "出席率",
            "缺席率",
            "志愿时长\n（小时）",
        ),
        rows,
        (26, 16, 16, 16, 16, 16, 16, 16, 16, 20),
        bands=centre_rows,
    )
    parts = opening(
        kit,
        AREAS,
        [
            subheading(kit, "（一）各社区"),
            say(
                kit,
                "服务人数为本月来访或到场参加活动的不同居民人数；每千人服务人数按各社区常住人口计；"
                "报名人次为事先报名的座位数，签到人次含现场加入者；"
                "出席率、缺席率按签到与缺席人次计。",
                muted=True,
            ),
            by_community,
        ],
    )
    if communities:
        chart = charts.horizontal_bars(
            kit.glyphs,
            [area_name(line) for line in communities],
            [
                Bars(VISITS_BAR, [line.visits for line in communities], charts.DARK),
                Bars(SERVED_BAR, [line.people_served for line in communities], charts.LIGHT),
            ],
        )
        parts += [gap(), together(subheading(kit, "各社区来访人次与服务人数"), chart)]
    parts += _building_groups(kit, lines)
    return parts


def area_name(line: AreaFigures) -> str:
    """The line's name as printed: in Chinese whatever the desk's language."""
    if line.level is AreaLevel.CENTRE:
        return CENTRE_LINE
    if line.level is AreaLevel.COMMUNITY and line.community_id is None:
        return NOT_FILLED_IN
    return line.name


def printed(name: str) -> str:
    """A name the statistics give, with their word for "none" in Chinese (a print-out is)."""
    return NOT_FILLED_IN if not name or name == not_filled_in() else name


def _any_figure(line: AreaFigures) -> bool:
    return bool(
        line.visits or line.people_served or line.signups or line.attended or line.no_shows
    ) or bool(line.volunteer_hours)


GROUP_HEADS = (
    "社区／楼组",
    "来访人次",
    "服务人数",
    "报名人次",
    "签到人次",
    "出席率",
    "志愿时长\n（小时）",
)


def _building_groups(kit: Kit, lines: Sequence[AreaFigures]) -> list[Any]:
    """Each community's line (shaded) with its building groups set in under it, a table per
    community: a page breaks between communities, so a group is never printed on a page that
    doesn't name its community (a community with very many groups runs on, heads repeated)."""
    if not any(line.level is AreaLevel.BUILDING_GROUP for line in lines):
        return [gap(), subheading(kit, "（二）各楼组"), say(kit, "未设置楼组。")]
    blocks: list[list[Row]] = []
    for line in lines:
        if line.level is AreaLevel.CENTRE:
            continue
        group = line.level is AreaLevel.BUILDING_GROUP
        if not group or not blocks:
            blocks.append([])
        blocks[-1].append(
            [
                Cell(area_name(line), indent=group),
                count(line.visits),
                count(line.people_served),
                count(line.signups),
                count(line.attended),
                rate(line.attendance_rate),
                hours(line.volunteer_hours),
            ]
        )
    parts: list[Any] = [gap(), subheading(kit, "（二）各楼组")]
    for rows in blocks:
        parts += [table(kit, GROUP_HEADS, rows, (50, 20, 20, 20, 20, 20, 24), bands=[0]), gap(2)]
    return parts


# --- 二、来访情况 ------------------------------------------------------------------------------


def visits(
    kit: Kit, per_day: Sequence[DayCount], purposes: Sequence[PurposeCount], made_at: dt.datetime
) -> list[Any]:
    """Visits per day (a month not over yet is averaged over its days so far, and its days to
    come are left blank in the calendar) and by purpose."""
    total = sum(day.visits for day in per_day)
    if not total:
        nothing = [subheading(kit, "（一）每日来访"), say(kit, "本月无来访登记。")]
        return [
            *opening(kit, VISITS, nothing),
            subheading(kit, "（二）来访事由"),
            say(kit, "本月无来访登记。"),
        ]
    busiest = max(per_day, key=lambda day: day.visits)
    elapsed = sum(1 for day in per_day if day.day <= made_at.date()) or len(per_day)
    so_far = f"（按截至制表日的 {elapsed} 天计）" if elapsed < len(per_day) else ""
    summary = (
        f"本月共来访 {count(total)} 人次，日均 {total / elapsed:.1f} 人次{so_far}；"
        f"最多的一天是{day_words(busiest.day)}，{count(busiest.visits)} 人次。"
    )
    chart = charts.day_columns(
        kit.glyphs, [day.day for day in per_day], [day.visits for day in per_day]
    )
    parts = opening(kit, VISITS, [subheading(kit, "（一）每日来访"), say(kit, summary), chart])
    parts += [gap(2), _calendar(kit, per_day, made_at.date()), gap()]
    shown = [entry for entry in purposes]
    by_purpose = sum(entry.visits for entry in shown)
    purpose_chart = charts.horizontal_bars(
        kit.glyphs,
        [PURPOSE_NAMES[entry.purpose] for entry in shown],
        [Bars(VISITS_BAR, [entry.visits for entry in shown], charts.DARK)],
        name_room=40 * MM,
    )
    purpose_table = table(
        kit,
        ("来访事由", "来访人次", "占比"),
        [
            [
                Cell(PURPOSE_NAMES[entry.purpose]),
                count(entry.visits),
                rate(entry.visits / by_purpose if by_purpose else None),
            ]
            for entry in shown
        ],
        (60, 30, 30),
    )
    parts += [together(subheading(kit, "（二）来访事由"), purpose_chart), gap(2), purpose_table]
    return parts


def _calendar(kit: Kit, per_day: Sequence[DayCount], today: dt.date) -> Any:
    """The month's days as weeks, Monday first: the day and its visits in each cell (the day
    alone for a day still to come)."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    weeks: list[list[str]] = []
    week: list[str] = [""] * 7
    for entry in per_day:
        column = entry.day.weekday()
        if column == 0 and any(week):
            weeks.append(week)
            week = [""] * 7
        visits = count(entry.visits) if entry.day <= today else ""
        week[column] = f"{entry.day.day}日\n{visits}"
    weeks.append(week)
    heads = [f"周{WEEKDAYS[i]}" for i in range(7)]
    grid = Table([heads, *weeks], colWidths=[174 / 7 * MM] * 7, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), kit.glyphs.base, 9),
                ("LEADING", (0, 1), (-1, -1), 11.5),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("BACKGROUND", (0, 0), (-1, 0), HexColor("#E8E8E8")),
                ("BACKGROUND", (5, 1), (6, -1), HexColor("#F2F2F2")),
                ("GRID", (0, 0), (-1, -1), 0.3, HexColor("#BBBBBB")),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return grid


# --- 三、服务系列活动 --------------------------------------------------------------------------


def series(
    kit: Kit,
    lines: Sequence[SeriesFigures],
    sessions: Sequence[SessionFigures],
    made_at: dt.datetime,
) -> list[Any]:
    if not sessions and not any(line.sessions or line.signups for line in lines):
        return opening(kit, SERIES, [say(kit, "本月无活动场次。")])
    rows: list[Row] = [
        [
            Cell(line.name),
            count(line.sessions),
            count(line.signups),
            count(line.attended),
            count(line.no_shows),
            rate(line.attendance_rate),
        ]
        for line in lines
    ]
    total: Row = [
        Cell("合计"),
        count(sum(line.sessions for line in lines)),
        count(sum(line.signups for line in lines)),
        count(sum(line.attended for line in lines)),
        count(sum(line.no_shows for line in lines)),
        rate(_share(lines)),
    ]
    summary = table(
        kit,
        ("服务系列", "活动场次", "报名人次", "签到人次", "缺席人次", "出席率"),
        [*rows, total],
        (44, 26, 26, 26, 26, 26),
        bands=[len(rows)],
    )
    chart = charts.horizontal_bars(
        kit.glyphs,
        [line.name for line in lines],
        [
            Bars(SIGNUPS_BAR, [line.signups for line in lines], charts.DARK),
            Bars(ATTENDED_BAR, [line.attended for line in lines], charts.LIGHT),
        ],
        name_room=30 * MM,
    )
    parts = opening(
        kit,
        SERIES,
        [
            subheading(kit, "（一）各系列参与情况"),
            say(
                kit,
                "活动场次不含已取消的场次；报名人次为事先报名的座位数，签到人次含现场加入者；"
                "出席率按签到与缺席人次计。",
                muted=True,
            ),
            summary,
        ],
    )
    parts += [gap(), together(subheading(kit, "各系列报名与签到人次"), chart), gap()]
    parts.append(subheading(kit, "（二）各系列活动场次"))
    names = [line.name for line in lines]
    names += [s.series for s in sessions if s.series not in names and s.series]
    for name in dict.fromkeys(names):
        mine = [entry for entry in sessions if entry.series == name]
        parts += _sessions(kit, name, mine, made_at)
    return parts


def _share(lines: Sequence[SeriesFigures]) -> float | None:
    attended = sum(line.attended for line in lines)
    taken = attended + sum(line.no_shows for line in lines)
    return attended / taken if taken else None


def _sessions(
    kit: Kit, name: str, sessions: Sequence[SessionFigures], made_at: dt.datetime
) -> list[Any]:
    """The series' sessions; a cancelled one and one still to come printed grey, saying so."""
    held = sum(1 for entry in sessions if not entry.cancelled)
    cancelled = len(sessions) - held
    title = f"{name}（{held} 场" + (f"，另取消 {cancelled} 场）" if cancelled else "）")
    if not sessions:
        return [together(subheading(kit, f"{name}"), say(kit, "本月无活动场次。"))]
    rows: list[Row] = []
    muted: list[int] = []
    for index, entry in enumerate(sessions):
        note = CANCELLED if entry.cancelled else TO_COME if entry.starts_at > made_at else ""
        if note:
            muted.append(index)
        rows.append(
            [
                Cell(day_words(entry.starts_at.date())),
                Cell(f"{entry.starts_at:%H:%M}–{entry.ends_at:%H:%M}"),
                Cell(entry.item + note),
                Cell(entry.room or "—"),
                count(entry.capacity),
                count(entry.signups),
                count(entry.attended),
                count(entry.no_shows),
                count(entry.walk_ins),
            ]
        )
    grid = table(
        kit,
        ("日期", "时间", "服务项目", "地点", "名额", "应到", "实到", "未到", "其中现场"),
        rows,
        (27, 21, 42, 28, 10, 10, 10, 10, 16),
        muted=muted,
    )
    return [subheading(kit, title), grid, gap(3)]


# --- 四、活动室使用 ----------------------------------------------------------------------------


def rooms(kit: Kit, lines: Sequence[RoomUse]) -> list[Any]:
    if not lines:
        return opening(kit, ROOMS, [say(kit, "未设置活动室。")])
    booked = sum(line.booked_hours for line in lines)
    opened = sum(line.open_hours for line in lines)
    note = (
        "使用率为预约时数占开放时数之比；预约时数只计已确认的预约，并只计开放时间之内。"
        if booked
        else "本月无活动室预约。"
    )
    rows: list[Row] = [
        [Cell(line.name), hours(line.open_hours), hours(line.booked_hours), rate(line.utilisation)]
        for line in lines
    ]
    rows.append(
        [Cell("合计"), hours(opened), hours(booked), rate(booked / opened if opened else None)]
    )
    grid = table(
        kit,
        ("活动室", "开放时数", "预约时数", "使用率"),
        rows,
        (70, 34, 34, 36),
        bands=[len(lines)],
    )
    parts = opening(kit, ROOMS, [say(kit, note, muted=bool(booked)), grid])
    if booked:
        chart = charts.horizontal_bars(
            kit.glyphs,
            [line.name for line in lines],
            [Bars("使用率", [line.utilisation or 0 for line in lines], charts.DARK)],
            formatter=lambda value: f"{value * 100:.1f}%",
            percent=True,
        )
        parts += [gap(), together(subheading(kit, "各活动室使用率"), chart)]
    return parts


# --- 五、民生直通车 ----------------------------------------------------------------------------


def requests(kit: Kit, figures: RequestFigures, lines: Sequence[SatisfactionLine]) -> list[Any]:
    if not (figures.received or figures.resolved or figures.open_at_end):
        return opening(kit, REQUESTS, [say(kit, "本月无民生直通车诉求。")])
    overview = table(
        kit,
        ("本月受理", "本月办结", "月末未办结", "平均办结天数", "办结天数中位数"),
        [
            [
                count(figures.received),
                count(figures.resolved),
                count(figures.open_at_end),
                days(figures.mean_days_to_resolve),
                days(figures.median_days_to_resolve),
            ]
        ],
        (34.8,) * 5,
    )
    parts = opening(
        kit,
        REQUESTS,
        [
            subheading(kit, "（一）受理与办结"),
            say(
                kit,
                "本月办结的诉求含以前受理的；办结天数自受理至办结，按本月办结的诉求计。",
                muted=True,
            ),
            overview,
        ],
    )
    satisfaction = subheading(kit, "（二）回访满意度")
    if not figures.resolved:
        parts += [gap(), satisfaction, say(kit, "本月无办结的诉求，无回访记录。")]
        return parts
    answered = sum(figures.answers.get(answer, 0) for answer in Satisfaction)
    content = figures.answers.get(Satisfaction.SATISFIED, 0) + figures.answers.get(
        Satisfaction.BASIC, 0
    )
    summary = say(
        kit,
        f"本月办结 {count(figures.resolved)} 件，回访答复 {count(answered)} 件，"
        f"满意率（满意与基本满意占答复之比）{rate(content / answered)}。"
        if answered
        else f"本月办结 {count(figures.resolved)} 件，尚无回访答复。",
    )
    pie = charts.pie(
        kit.glyphs,
        [(ANSWER_NAMES[a], figures.answers.get(a, 0)) for a in Satisfaction]
        + [(UNANSWERED, figures.unanswered)],
    )
    parts += [gap(), together(satisfaction, summary, pie)]
    for by, title in SATISFACTION_HEADS.items():
        mine = [line for line in lines if line.by is by]
        label = title.removeprefix("按")
        if not mine:
            parts.append(together(subheading(kit, title), say(kit, "本月无回访记录。")))
            continue
        rows: list[Row] = [
            [
                Cell(printed(line.name)),
                count(line.satisfied),
                count(line.basic),
                count(line.unsatisfied),
                count(line.unanswered),
                rate(line.satisfied_rate),
            ]
            for line in mine
        ]
        grid = table(
            kit,
            (label, "满意", "基本满意", "不满意", UNANSWERED, "满意率"),
            rows,
            (64, 22, 22, 22, 22, 22),
        )
        parts += [gap(2), subheading(kit, title), grid]
    return parts


# --- 六、志愿服务与证书 ------------------------------------------------------------------------


def volunteers(
    kit: Kit, top: Sequence[VolunteerHours], certificates: Sequence[CertificateCount]
) -> list[Any]:
    first: list[Any] = [subheading(kit, "（一）志愿服务时长前十名")]
    if not top:
        first.append(say(kit, "本月无志愿服务时长记录。"))
        parts = opening(kit, VOLUNTEERS, first)
    else:
        rows: list[Row] = [
            [str(rank), Cell(line.name), Cell(printed(line.community)), hours(line.hours)]
            for rank, line in enumerate(top, start=1)
        ]
        first.append(
            table(
                kit,
                ("名次", "姓名", "社区", "服务时长（小时）"),
                rows,
                (16, 50, 60, 48),
                centred=[0],
            )
        )
        parts = opening(kit, VOLUNTEERS, first)
        chart = charts.horizontal_bars(
            kit.glyphs,
            [line.name for line in top],
            [Bars("服务时长（小时）", [float(line.hours) for line in top], charts.DARK)],
            formatter=lambda value: f"{value:,.1f}",
            name_room=28 * MM,
        )
        parts += [gap(), chart]
    parts += [gap(), subheading(kit, "（二）证书发放")]
    if not any(line.issued for line in certificates):
        parts.append(say(kit, "本月未发放证书。"))
        return parts
    rows = [
        [Cell(TITLES.get(line.kind, str(line.kind))), count(line.issued),
         count(line.revoked)]
        for line in certificates
    ]  # fmt: skip
    rows.append(
        [
            Cell("合计"),
            count(sum(line.issued for line in certificates)),
            count(sum(line.revoked for line in certificates)),
        ]
    )
    parts.append(
        table(
            kit,
            ("证书", "本月发放", "其中已撤销"),
            rows,
            (70, 40, 40),
            bands=[len(certificates)],
        )
    )
    return parts
