"""月度工作报告: the centre's month as the report it sends up, with ReportLab's own charts.

A4 portrait in the shared frame (the centre on top, page X of Y and the printed-at time at the
foot). A cover with the centre, 2026年11月 工作月报, the period, when the figures were made, and
the month at a glance; then six sections, each a table with a chart:

一、各社区、楼组: the figures by community (the centre's line first) with a chart of visits and
    people served, and each community's building groups set in under it;
二、来访情况: visits per day (columns, weekends grey, and the month as a calendar) and by purpose;
三、服务系列活动: participation per series (table and chart), then each series' sessions with
    their signups and attendance; a cancelled session is printed grey and says so;
四、活动室使用: booked against open hours per room, with a chart of utilisation;
五、民生直通车: received, resolved, still open, days to resolution, the residents' answers to
    the follow-up call (a pie) and satisfaction by category, community and assignee;
六、志愿服务与证书: the ten volunteers with the most hours, and the certificates issued.

A section with nothing to show says so in words (本月无…). Tables run across pages with their
heads repeated. Laid out from the rows alone (`monthly_report_pdf`), without the database;
`monthly_report` counts the figures in one read transaction and lays them out after it has
ended, saying how far it got (the desk runs it as a background job, the command line as is).
Every text, the charts' names too, goes through one `Glyphs`: a character the bundled font
lacks is printed in a font of the machine, or as 〓 and reported in `Printout.unprintable`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.i18n import translate
from app.printing.document import MM, Letterhead
from app.printing.glyphs import Printout
from app.printing.kit import Kit
from app.printing.monthly_report import sections
from app.printing.monthly_report.sections import SECTIONS
from app.printing.monthly_report.tables import count, hours, kept_whole, rate
from app.services.statistics.period import Period
from app.services.statistics.rows import AreaLevel, MonthlyFigures

if TYPE_CHECKING:
    from app.db import Database
    from app.progress import Progress
    from app.security import Actor

__all__ = ["SECTIONS", "TITLE", "file_name", "monthly_report", "monthly_report_pdf", "title"]

TITLE = "工作月报"


def title(period: Period) -> str:
    """2026年11月 工作月报"""
    return f"{period.label()} {TITLE}"


def file_name(period: Period) -> str:
    return f"{TITLE}-{period.first:%Y-%m}.pdf"


def monthly_report(
    db: Database, actor: Actor, period: Period, progress: Progress | None = None
) -> Printout:
    """Count the period's figures (REPORTS: staff and admin) and lay the report out; `progress`
    hears of the two steps and may stop the work between them."""
    from app import progress as progress_module
    from app.services import calls, statistics

    progress = progress or progress_module.quiet()
    progress.report(0, 2, translate("MonthlyReport", "Counting the month's figures"))
    figures = calls.read(
        db, actor, lambda session, acting: statistics.monthly(session, acting, period)
    )
    progress.check()
    progress.report(1, 2, translate("MonthlyReport", "Laying out the pages"))
    printout = monthly_report_pdf(figures)
    progress.report(2, 2, translate("MonthlyReport", "Laying out the pages"))
    return printout


def monthly_report_pdf(figures: MonthlyFigures) -> Printout:
    """The month's report as a PDF, and the characters no font here could print."""
    from reportlab.platypus import PageBreak

    kit = Kit()
    story: list[Any] = [*_cover(kit, figures), PageBreak()]
    story += sections.areas(kit, figures.areas)
    story += sections.visits(
        kit, figures.visits_per_day, figures.visits_by_purpose, figures.made_at
    )
    story += sections.series(kit, figures.series, figures.sessions, figures.made_at)
    story += sections.rooms(kit, figures.room_use)
    story += sections.requests(kit, figures.requests, figures.satisfaction)
    story += sections.volunteers(kit, figures.volunteer_hours, figures.certificates)
    letterhead = Letterhead(figures.centre_name, title(figures.period), figures.made_at)
    return kit.build(kept_whole(story), letterhead)


def _cover(kit: Kit, figures: MonthlyFigures) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    period = figures.period
    made = figures.made_at
    span = f"{period.first.year}年{period.first.month}月{period.first.day}日至" + (
        f"{period.last.year}年" if period.last.year != period.first.year else ""
    ) + f"{period.last.month}月{period.last.day}日"  # fmt: skip
    story: list[Any] = [Spacer(1, 40 * MM)]
    if figures.centre_name:
        story.append(
            Paragraph(
                kit.text(figures.centre_name),
                kit.style("coverCentre", 20, centre=True, leading=28, space_after=6 * MM),
            )
        )
    story += [
        Paragraph(
            kit.text(title(figures.period)),
            kit.style("coverTitle", 32, centre=True, leading=42, space_after=8 * MM),
        ),
        Paragraph(f"统计时段：{span}", kit.style("coverFacts", 12, centre=True, muted=True)),
        Paragraph(
            f"制表时间：{made.year}年{made.month}月{made.day}日 {made:%H:%M}",
            kit.style("coverFacts", 12, centre=True, muted=True),
        ),
        Spacer(1, 16 * MM),
        Paragraph("本月概况", kit.style("coverSub", 14, centre=True, space_after=4 * MM)),
        _glance(kit, figures),
        Spacer(1, 14 * MM),
        Paragraph("本报告包括", kit.style("coverSub", 12, space_after=2 * MM)),
    ]
    story += [
        Paragraph(kit.text(section), kit.style("coverList", 11, leading=17)) for section in SECTIONS
    ]
    return story


def _glance(kit: Kit, figures: MonthlyFigures) -> Any:
    """Nine of the month's figures in big type, three to a row."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    centre = next((line for line in figures.areas if line.level is AreaLevel.CENTRE), None)
    visits = centre.visits if centre else sum(day.visits for day in figures.visits_per_day)
    booked = sum(line.booked_hours for line in figures.room_use)
    opened = sum(line.open_hours for line in figures.room_use)
    attended = sum(line.attended for line in figures.series)
    taken = attended + sum(line.no_shows for line in figures.series)
    requests = figures.requests
    facts = [
        ("来访人次", count(visits)),
        ("服务人数", count(centre.people_served) if centre else "—"),
        ("活动场次", count(sum(line.sessions for line in figures.series))),
        ("报名人次", count(sum(line.signups for line in figures.series))),
        ("活动出席率", rate(attended / taken if taken else None)),
        ("活动室使用率", rate(booked / opened if opened else None)),
        ("民生直通车 受理／办结", f"{count(requests.received)}／{count(requests.resolved)}"),
        ("志愿服务时长（小时）", hours(centre.volunteer_hours) if centre else "—"),
        ("发放证书", count(sum(line.issued for line in figures.certificates))),
    ]
    number = kit.style("glanceNumber", 20, centre=True, leading=26)
    label = kit.style("glanceLabel", 10, centre=True, muted=True)
    cells = [[Paragraph(value, number), Paragraph(name, label)] for name, value in facts]
    rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
    grid = Table(rows, colWidths=[58 * MM] * 3, rowHeights=[22 * MM] * len(rows))
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), kit.glyphs.base, 10),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 0.8, HexColor("#888888")),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, HexColor("#CCCCCC")),
                ("BACKGROUND", (0, 0), (-1, -1), HexColor("#F7F7F7")),
            ]
        )
    )
    return grid
