"""The monthly report of the big centre: 100,000 people, 1,000,000 visits over three years.

    python tests/bench/run.py --only monthly_report_pdf
    python -m tests.bench.scenarios_monthly_report      # prints the figures as one JSON line

- `monthly_report_pdf`: the whole report of the big centre's month as the desk and the command
  line make it (`monthly_report`: every figure counted in one read transaction, then the PDF laid
  out), median of the rounds after the first, with the clock at the big centre's `now`. Target
  ≤ 3 s. Measured in a fresh process, whose first round (imports, the font registered, SQLite's
  cache cold) is reported beside it as `first_ms`.
- Floor: the same figures counted the same way, then bare ReportLab drawing the same tables
  (every row, plain strings in the bundled font, heads repeated) and the same charts with
  ReportLab's own labels: no glyph check, no wrapping names, no page frame, page X of Y or
  keeping headings with what follows. The ratio is what the report's own layout costs over it.

The database comes from `big_centre.build()` and is cached between runs (see its docstring).
"""

from __future__ import annotations

import io
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET = "<= 3 s"


def _bare(figures: Any) -> bytes:
    """The report's tables and charts with ReportLab alone."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.piecharts import Pie
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from app.fonts import register_reportlab_font
    from app.printing.document import MM

    font = register_reportlab_font()
    story: list[Any] = []

    def table(rows: list[list[Any]]) -> None:
        cells = [[str(cell) for cell in row] for row in rows]
        story.append(Table(cells, repeatRows=1, style=[("FONT", (0, 0), (-1, -1), font, 9.5)]))

    def bars(names: list[str], values: list[list[float]], vertical: bool = False) -> None:
        chart = VerticalBarChart() if vertical else HorizontalBarChart()
        chart.x, chart.y, chart.width = 36 * MM, 14, 124 * MM
        chart.height = max(len(names), 1) * 7 * MM
        chart.data = values
        chart.categoryAxis.categoryNames = names
        chart.categoryAxis.labels.fontName = font
        chart.valueAxis.labels.fontName = font
        chart.barLabels.fontName = font
        chart.barLabelFormat = "%.0f"
        drawing = Drawing(174 * MM, chart.height + 28)
        drawing.add(chart)
        story.append(drawing)

    lines = [line for line in figures.areas if line.level != "building_group"]
    table([["社区", "来访", "服务", "报名", "签到"]] + [
        [a.name, a.visits, a.people_served, a.signups, a.attended] for a in figures.areas
    ])  # fmt: skip
    bars([a.name for a in lines], [[a.visits for a in lines], [a.people_served for a in lines]])
    days = figures.visits_per_day
    bars([str(d.day.day) for d in days], [[d.visits for d in days]], vertical=True)
    table([["日", "来访"]] + [[d.day, d.visits] for d in days])
    purposes = figures.visits_by_purpose
    bars([p.purpose.value for p in purposes], [[p.visits for p in purposes]])
    table([["事由", "来访"]] + [[p.purpose.value, p.visits] for p in purposes])
    table([["系列", "场次", "报名", "签到"]] + [
        [s.name, s.sessions, s.signups, s.attended] for s in figures.series
    ])  # fmt: skip
    bars([s.name for s in figures.series], [[s.signups for s in figures.series]])
    table([["日期", "项目", "地点", "名额", "报名", "签到", "缺席", "现场"]] + [
        [s.starts_at, s.item, s.room, s.capacity, s.signups, s.attended, s.no_shows, s.walk_ins]
        for s in figures.sessions
    ])  # fmt: skip
    rooms = figures.room_use
    table([["活动室", "开放", "预约"]] + [[r.name, r.open_hours, r.booked_hours] for r in rooms])
    bars([r.name for r in rooms], [[r.utilisation or 0 for r in rooms]])
    pie = Pie()
    pie.data = [max(count, 0) for count in figures.requests.answers.values()] or [1]
    drawing = Drawing(174 * MM, 50 * MM)
    drawing.add(pie)
    story.append(drawing)
    table([["", "满意", "基本满意", "不满意", "未答复"]] + [
        [s.name, s.satisfied, s.basic, s.unsatisfied, s.unanswered] for s in figures.satisfaction
    ])  # fmt: skip
    top = figures.volunteer_hours
    table([["姓名", "社区", "时长"]] + [[v.name, v.community, v.hours] for v in top])
    bars([v.name for v in top], [[float(v.hours) for v in top]])
    certificates = figures.certificates
    table([["证书", "发放", "撤销"]] + [[c.kind.value, c.issued, c.revoked] for c in certificates])
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=font).build(story)
    return buffer.getvalue()


def measure(rounds: int = 5) -> dict[str, Any]:
    from app import clock
    from app.db import Database
    from app.printing.monthly_report import monthly_report
    from app.services import statistics as figures_of
    from app.services.statistics import Period
    from tests.bench import big_centre

    centre = big_centre.build()
    clock.use(clock.FixedClock(centre.now))
    month = Period.month(centre.now.year, centre.now.month)
    db = Database(centre.url)
    ours, counting, bare, pages = [], [], [], 0
    try:
        for _ in range(rounds + 1):
            start = time.perf_counter()
            printout = monthly_report(db, centre.staff, month)
            ours.append(time.perf_counter() - start)
            pages = printout.pages
            start = time.perf_counter()
            with db.read() as session:
                figures = figures_of.monthly(session, centre.staff, month)
            counted = time.perf_counter() - start
            counting.append(counted)
            start = time.perf_counter()
            _bare(figures)
            bare.append(counted + time.perf_counter() - start)
    finally:
        db.dispose()
    return {
        "value": statistics.median(ours[1:]) * 1000,
        "floor": statistics.median(bare[1:]) * 1000,
        "ratio": statistics.median(ours[1:]) / statistics.median(bare[1:]),
        "first_ms": ours[0] * 1000,
        "counting_ms": statistics.median(counting[1:]) * 1000,
        "pages": pages,
        "sessions": len(figures.sessions),
        "visits": sum(day.visits for day in figures.visits_per_day),
    }


def monthly_report_pdf(bench: Any) -> Any:
    from tests.bench.run import Figure

    rounds = "3" if bench.quick else "5"
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.scenarios_monthly_report", rounds],
        capture_output=True, text=True, cwd=ROOT, env=bench.env(), check=True,
    )  # fmt: skip
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"  monthly_report_pdf detail: {json.dumps(figures)}", flush=True)
    return Figure(figures["value"], "ms", figures["floor"], TARGET)


SCENARIOS = {"monthly_report_pdf": monthly_report_pdf}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5)))
