"""room_week_print_500: the week overview (landscape A4, 10 rooms × 7 days) of 500 bookings,
read in one transaction and laid out, against bare ReportLab laying out the same 500 lines in a
table of the same shape (no database, no glyph check, no header or page numbers).

    python tests/bench/run.py --only room_week_print_500
    python -m tests.bench.scenarios_rooms_print      # prints the figures as one JSON line
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import clock, migrate, paths  # noqa: E402
from app.db import Database  # noqa: E402
from app.printing import room_sheets  # noqa: E402
from app.security import Actor  # noqa: E402
from app.services import centre  # noqa: E402
from tests import rooms_data  # noqa: E402

BOOKINGS = 500
ROOMS = 10
TARGET = "< 0.5 s"
TITLES = ["书法班", "太极拳晨练", "长者智能手机课堂", "社区合唱团排练", "亲子绘本共读"]
TITLES += ["东苑社区自治理事会例会", "党员学习日", "垃圾分类宣讲", "小美艺术课堂", "睦邻茶话会"]


def _centre(folder: Path) -> tuple[Database, Actor]:
    """A centre with ROOMS rooms and BOOKINGS bookings in the week of 2026-11-23."""
    db = Database(paths.sqlite_url(folder / "rooms.sqlite3"))
    migrate.upgrade(db)
    with db.write() as session:
        admin = centre.set_up(
            session, centre.CentreProfile("东社区邻里中心", "", "", "", ""), "admin", "管理员",
            "correct horse 1",
        )  # fmt: skip
        rooms = [
            rooms_data.add_room(session, f"活动室{n + 1}", 30, sort_order=n) for n in range(ROOMS)
        ]
        chance = random.Random(1)
        for n in range(BOOKINGS):
            room = rooms[n % ROOMS]
            day = rooms_data.MONDAY + dt.timedelta(days=(n // ROOMS) % 7)
            slot = n // (ROOMS * 7)  # 0 … 7: 8:00, 9:30, 11:00 …
            start = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=90 * slot)
            rooms_data.add_booking(
                session, room, start, start + dt.timedelta(minutes=80), chance.choice(TITLES),
                account_id=admin.account_id, attendees=chance.randint(5, 30),
            )  # fmt: skip
    return db, admin


def _bare(data: room_sheets.RoomSheetData) -> bytes:
    """The same cells with ReportLab alone."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from app.fonts import register_reportlab_font

    font = register_reportlab_font()
    style = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=10.6, wordWrap="CJK")
    rows: list[list[Any]] = [[""] + [day.isoformat() for day in data.span]]
    for room in data.rooms:
        rows.append(
            [room.name]
            + [
                [
                    Paragraph(f"{b.starts_at:%H:%M}–{b.ends_at:%H:%M} {b.title}", style)
                    for b in data.bookings_of(room.id, day)
                ]
                for day in data.span
            ]
        )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4))
    document.build([Table(rows, repeatRows=1, splitInRow=1)])
    return buffer.getvalue()


def measure(rounds: int = 7) -> dict[str, Any]:
    clock.use(clock.FixedClock(dt.datetime(2026, 11, 25, 9, 30)))
    with tempfile.TemporaryDirectory(prefix="youlin-rooms-print-") as folder:
        db, admin = _centre(Path(folder))
        ours, bare, pages = [], [], 0
        try:
            for _ in range(rounds):
                start = time.perf_counter()
                with db.read() as session:
                    data = room_sheets.week_sheets(session, admin, rooms_data.WEDNESDAY)
                printout = room_sheets.week_overview_pdf(data)
                ours.append(time.perf_counter() - start)
                pages = printout.pages
                start = time.perf_counter()
                _bare(data)
                bare.append(time.perf_counter() - start)
        finally:
            db.dispose()
    return {
        "value": statistics.median(ours) * 1000,
        "floor": statistics.median(bare) * 1000,
        "pages": pages,
        "bookings": len(data.bookings),
    }


def room_week_print_500(bench: Any) -> Any:
    from tests.bench.run import Figure

    figures = measure(3 if bench.quick else 7)
    print(f"  room_week_print_500 detail: {json.dumps(figures)}", flush=True)
    return Figure(figures["value"], "ms", figures["floor"], TARGET)


SCENARIOS = {"room_week_print_500": room_week_print_500}


if __name__ == "__main__":
    print(json.dumps(measure()))
