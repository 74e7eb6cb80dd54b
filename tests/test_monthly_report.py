"""The monthly report laid out from hand-made rows and read back: every section's title, the
numbers of the rows given, the charts' names, the empty sections said in words, page X of Y, the
bundled font embedded, and a name character no font has printed as 〓 and reported."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from app.choices import CertificateKind, Purpose, Satisfaction
from app.fonts import REPORTLAB_FONT
from app.printing.monthly_report import SECTIONS, file_name, monthly_report_pdf
from app.printing.monthly_report.sections import PURPOSE_NAMES
from app.services.statistics.period import Period
from app.services.statistics.rows import (
    AreaFigures,
    AreaLevel,
    CertificateCount,
    DayCount,
    MonthlyFigures,
    PurposeCount,
    RequestFigures,
    RoomUse,
    SatisfactionBy,
    SatisfactionLine,
    SeriesFigures,
    SessionFigures,
    VolunteerHours,
)
from tests.fallback_font import machine_fonts, write_font
from tests.test_printing import _fonts

NOVEMBER = Period.month(2026, 11)
MADE_AT = dt.datetime(2026, 12, 1, 9, 30)
CENTRE = "东社区邻里中心"
COMMUNITIES = ("东苑社区", "西苑社区", "南翔社区")
SERIES = ("党群友邻", "社区友邻", "康养友邻", "文化友邻", "文明友邻")
RARE = "𠮷"  # U+20BB7: in no font of the test machines
FAMILY = "YoulinTestMonthlyReport"  # the stand-in machine font that has it


def _area(level: AreaLevel, name: str, n: int, residents: int | None = None) -> AreaFigures:
    return AreaFigures(
        level=level,
        community_id=None if level is AreaLevel.CENTRE else n,
        building_group_id=n if level is AreaLevel.BUILDING_GROUP else None,
        name=name,
        visits=100 * n + 7,
        people_served=40 * n + 3,
        signups=20 * n + 1,
        attended=15 * n,
        no_shows=n,
        volunteer_hours=Decimal(n) + Decimal("0.5"),
        residents=residents,
    )


def figures(*, volunteer: str = "王秀英") -> MonthlyFigures:
    areas = [_area(AreaLevel.CENTRE, "全中心", 90)]
    for index, community in enumerate(COMMUNITIES, start=1):
        areas.append(_area(AreaLevel.COMMUNITY, community, 10 * index, residents=4000 + index))
        for group in (1, 2):
            areas.append(_area(AreaLevel.BUILDING_GROUP, f"{group}号楼组", 10 * index + group))
    days = [DayCount(day, (day.day * 7) % 23) for day in NOVEMBER.each_day()]
    purposes = [PurposeCount(purpose, 11 * (n + 1)) for n, purpose in enumerate(Purpose)]
    series = [
        SeriesFigures(n + 1, name, sessions=n, signups=30 * n, attended=25 * n, no_shows=n)
        for n, name in enumerate(SERIES)
    ]
    sessions = [
        SessionFigures(
            session_id=1,
            series="社区友邻",
            item="邻里议事会",
            starts_at=dt.datetime(2026, 11, 5, 14),
            ends_at=dt.datetime(2026, 11, 5, 16),
            room="多功能厅",
            capacity=40,
            signups=31,
            attended=27,
            no_shows=4,
            walk_ins=3,
            cancelled=False,
        ),
        SessionFigures(
            session_id=2,
            series="社区友邻",
            item="垃圾分类宣讲",
            starts_at=dt.datetime(2026, 11, 12, 9, 30),
            ends_at=dt.datetime(2026, 11, 12, 11),
            room="二楼会议室",
            capacity=20,
            signups=0,
            attended=0,
            no_shows=0,
            walk_ins=0,
            cancelled=True,
        ),
    ]
    rooms = [
        RoomUse(1, "多功能厅", booked_hours=61.5, open_hours=198.0),
        RoomUse(2, "二楼会议室", booked_hours=12.0, open_hours=198.0),
        RoomUse(3, "书画室", booked_hours=0.0, open_hours=99.0),
    ]
    requests = RequestFigures(
        received=23,
        resolved=19,
        open_at_end=6,
        mean_days_to_resolve=4.25,
        median_days_to_resolve=3.0,
        answers={Satisfaction.SATISFIED: 12, Satisfaction.BASIC: 4, Satisfaction.UNSATISFIED: 1},
        unanswered=2,
    )
    satisfaction = [
        SatisfactionLine(SatisfactionBy.CATEGORY, "环境卫生", 5, 2, 1, 0),
        SatisfactionLine(SatisfactionBy.CATEGORY, "停车管理", 7, 2, 0, 2),
        SatisfactionLine(SatisfactionBy.COMMUNITY, "东苑社区", 12, 4, 1, 2),
        SatisfactionLine(SatisfactionBy.ASSIGNEE, "李主任", 12, 4, 1, 2),
    ]
    volunteers = [
        VolunteerHours(n, name, COMMUNITIES[n % 3], Decimal(30 - 2 * n) + Decimal("0.5"))
        for n, name in enumerate((volunteer, "张建国", "刘桂兰", "陈志强"))
    ]
    certificates = [
        CertificateCount(CertificateKind.SERVICE_RECORD, 8, 1),
        CertificateCount(CertificateKind.HONOUR, 3, 0),
        CertificateCount(CertificateKind.COMPLETION, 0, 0),
    ]
    return MonthlyFigures(
        CENTRE, NOVEMBER, MADE_AT, areas, days, purposes, series, sessions, rooms, requests,
        satisfaction, volunteers, certificates,
    )  # fmt: skip


def empty() -> MonthlyFigures:
    return MonthlyFigures(
        centre_name=CENTRE,
        period=NOVEMBER,
        made_at=MADE_AT,
        areas=[
            AreaFigures(AreaLevel.CENTRE, None, None, "全中心", 0, 0, 0, 0, 0, Decimal(0), None),
        ],
        visits_per_day=[DayCount(day, 0) for day in NOVEMBER.each_day()],
        visits_by_purpose=[PurposeCount(purpose, 0) for purpose in Purpose],
        series=[SeriesFigures(n, name, 0, 0, 0, 0) for n, name in enumerate(SERIES)],
        sessions=[],
        room_use=[],
        requests=RequestFigures(0, 0, 0, None, None, {}, 0),
        satisfaction=[],
        volunteer_hours=[],
        certificates=[CertificateCount(kind, 0, 0) for kind in CertificateKind],
    )


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text without white space (pypdf splits Chinese lines unpredictably)."""
    return ["".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_every_section_and_the_numbers_of_the_rows_are_printed() -> None:
    data = figures()
    printout = monthly_report_pdf(data)
    pages = page_texts(printout.pdf)
    text = "".join(pages)
    assert printout.unprintable == ()
    assert printout.pages == len(pages) >= 4
    cover = pages[0]
    assert "东社区邻里中心" in cover and "2026年11月工作月报" in cover
    assert "制表时间：2026年12月1日09:30" in cover
    assert "统计时段：2026年11月1日至11月30日" in cover
    for section in SECTIONS:
        assert "".join(section.split()) in "".join(pages[1:]), section
    # The frame on every page: the centre, the title, page X of Y, the printed-at time.
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页/共{len(pages)}页" in page
        assert "打印时间2026-12-0109:30" in page

    # By community and building group: each line's figures.
    for line in data.areas:
        assert line.name in text
        assert f"{line.visits:,}" in text and f"{line.people_served:,}" in text
        assert f"{float(line.volunteer_hours):.1f}" in text
    east = data.areas[1]
    assert f"{east.served_per_1000:.1f}" in text and f"{east.residents:,}" in text
    assert f"{east.attendance_rate * 100:.1f}%" in text  # type: ignore[operator]

    # Visits per day and by purpose.
    total = sum(day.visits for day in data.visits_per_day)
    assert f"本月共来访{total:,}人次" in text
    for entry in data.visits_by_purpose:
        assert PURPOSE_NAMES[entry.purpose] in text and str(entry.visits) in text

    # The series and their sessions; the cancelled one says so.
    for series in data.series:
        assert series.name in text
    assert "邻里议事会" in text and "垃圾分类宣讲（已取消）" in text
    assert "社区友邻（1场，另取消1场）" in text
    assert "11月5日周四" in text and "14:00–16:00" in text
    assert text.count("本月无活动场次") == 4  # the other four series

    # Rooms, requests, volunteers, certificates.
    assert "31.1%" in text  # 61.5 / 198
    assert "本月受理" in text and "4.2" in text and "3.0" in text
    assert "满意率（满意与基本满意占答复之比）94.1%" in text  # 16 / 17
    for name in ("环境卫生", "停车管理", "李主任"):
        assert name in text
    for volunteer in data.volunteer_hours:
        assert volunteer.name in text and f"{float(volunteer.hours):.1f}" in text
    assert "志愿服务记录证明" in text and "荣誉证书" in text


def test_the_bundled_font_is_embedded_and_nothing_else() -> None:
    reader = PdfReader(io.BytesIO(monthly_report_pdf(figures()).pdf))
    fonts = _fonts(reader)
    assert fonts and all(REPORTLAB_FONT in name for name in fonts), fonts


def test_empty_sections_say_so() -> None:
    printout = monthly_report_pdf(empty())
    text = "".join(page_texts(printout.pdf))
    for section in SECTIONS:
        assert "".join(section.split()) in text
    for words in (
        "本月无来访与服务记录",
        "本月无来访登记",
        "本月无活动场次",
        "未设置活动室",
        "本月无民生直通车诉求",
        "本月无志愿服务时长记录",
        "本月未发放证书",
    ):
        assert words in text, words


def test_a_rare_name_character_is_reported_or_printed_in_a_machine_font(tmp_path: Path) -> None:
    with machine_fonts():  # no font has it
        printout = monthly_report_pdf(figures(volunteer=f"王{RARE}英"))
    assert printout.unprintable == (RARE,)
    assert RARE in printout.warning()
    assert "王〓英" in "".join(page_texts(printout.pdf))

    # A family of its own: ReportLab maps a second font of a face name it knows to the first.
    font = write_font(tmp_path / "rare.ttf", RARE, family=FAMILY)
    with machine_fonts(font):
        printout = monthly_report_pdf(figures(volunteer=f"王{RARE}英"))
    assert printout.unprintable == ()
    assert any(FAMILY in name for name in _fonts(PdfReader(io.BytesIO(printout.pdf))))


def test_tables_break_across_pages_with_their_heads_repeated() -> None:
    data = figures()
    many = [
        replace(data.sessions[0], session_id=n, starts_at=dt.datetime(2026, 11, 1 + n % 30, 9))
        for n in range(90)
    ]
    printout = monthly_report_pdf(replace(data, sessions=many))
    pages = [page for page in page_texts(printout.pdf) if "邻里议事会" in page]
    assert len(pages) >= 3
    assert all("服务项目" in page and "其中现场" in page for page in pages)


def test_the_file_is_named_after_the_month() -> None:
    assert file_name(NOVEMBER) == "工作月报-2026-11.pdf"
    assert file_name(Period.month(2027, 1)) == "工作月报-2027-01.pdf"


def test_a_month_still_under_way_counts_its_days_so_far() -> None:
    data = figures()
    later = replace(data.sessions[0], session_id=3, starts_at=dt.datetime(2026, 11, 25, 14),
                    ends_at=dt.datetime(2026, 11, 25, 16))  # fmt: skip
    no_answers = replace(data.requests, answers={}, unanswered=data.requests.resolved)
    under_way = replace(
        data,
        made_at=dt.datetime(2026, 11, 20, 12),
        sessions=[*data.sessions, later],
        requests=no_answers,
    )
    text = "".join(page_texts(monthly_report_pdf(under_way).pdf))
    so_far = sum(day.visits for day in data.visits_per_day)
    assert f"日均{so_far / 20:.1f}人次（按截至制表日的20天计）" in text
    assert "邻里议事会（尚未举行）" in text and "垃圾分类宣讲（已取消）" in text
    assert "本月办结19件，尚无回访答复。" in text
    # The days to come are blank in the calendar: the 21st shows its date alone.
    assert f"21日{data.visits_per_day[20].visits}" not in text
