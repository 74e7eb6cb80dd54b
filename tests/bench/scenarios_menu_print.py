"""signin_sheet_500: the sign-in sheet of a session with 500 signups, read in one transaction
(session, roster in pinyin order) and laid out with 10 blank rows, against bare ReportLab
drawing the same 510-row table with the same font, column widths and row heights in the same run,
each cell a plain string (no database, no glyph check, no wrapping, no page header or page X of Y).

    python tests/bench/run.py --only signin_sheet_500
    python -m tests.bench.scenarios_menu_print      # prints the figures as one JSON line
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
from app.models import BuildingGroup, Community, Person, Signup  # noqa: E402
from app.printing import signin_sheet  # noqa: E402
from app.printing.signin_sheet import SigninSheetData  # noqa: E402
from app.security import Actor  # noqa: E402
from app.services import centre  # noqa: E402
from tests import menu_data  # noqa: E402

SIGNUPS = 500
BLANK_ROWS = 10
TARGET = "ratio ≤ 2"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华玉兰桂珍凤建国志红梅平"


def _centre(folder: Path) -> tuple[Database, Actor, int]:
    """A centre with one session of 行走的党课 and SIGNUPS people signed up."""
    db = Database(paths.sqlite_url(folder / "menu.sqlite3"))
    migrate.upgrade(db)
    chance = random.Random(1)
    with db.write() as session:
        admin = centre.set_up(
            session, centre.CentreProfile("东社区邻里中心", "", "", "", ""), "admin", "管理员",
            "correct horse 1",
        )  # fmt: skip
        communities = [Community(name=f"{name}社区") for name in ("东苑", "西苑", "南苑", "北苑")]
        session.add_all(communities)
        session.flush()
        groups = [
            BuildingGroup(community_id=c.id, name=f"{n}号楼组") for c in communities for n in (1, 3)
        ]
        session.add_all(groups)
        session.flush()
        item = menu_data.add_item(session)
        activity = menu_data.add_session(
            session, item, dt.datetime(2026, 11, 26, 14), capacity=SIGNUPS
        )
        for n in range(SIGNUPS):
            name = chance.choice(SURNAMES) + "".join(chance.sample(GIVEN, chance.choice((1, 2))))
            person_id = menu_data.add_person(session, name)
            person = session.get(Person, person_id)
            assert person is not None
            group = groups[n % len(groups)]
            person.community_id, person.building_group_id = group.community_id, group.id
            session.add(Signup(session_id=activity, person_id=person_id))
    return db, admin, activity


def _bare(data: SigninSheetData) -> bytes:
    """The same 510 rows with ReportLab alone: plain cell strings, the cheapest it draws."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from app.fonts import register_reportlab_font
    from app.printing.document import MM

    font = register_reportlab_font()
    rows: list[list[Any]] = [list(signin_sheet.HEADS)]
    for n, line in enumerate(data.lines, start=1):
        rows.append([str(n), line.words, line.place, line.phone, ""])
    rows += [[str(len(data.lines) + n + 1), "", "", "", ""] for n in range(BLANK_ROWS)]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4)
    table = Table(
        rows,
        colWidths=[w * MM for w in signin_sheet.WIDTHS_MM],
        rowHeights=[signin_sheet.ROW_HEIGHT] * len(rows),
        repeatRows=1,
        style=[("FONT", (0, 0), (-1, -1), font, 11), ("GRID", (0, 0), (-1, -1), 0.6, "grey")],
    )
    document.build([table])
    return buffer.getvalue()


def measure(rounds: int = 7) -> dict[str, Any]:
    clock.use(clock.FixedClock(dt.datetime(2026, 11, 25, 9, 30)))
    with tempfile.TemporaryDirectory(prefix="youlin-menu-print-") as folder:
        db, admin, activity = _centre(Path(folder))
        ours, bare, pages = [], [], 0
        try:
            for _ in range(rounds):
                start = time.perf_counter()
                with db.read() as session:
                    printout = signin_sheet.signin_sheet(
                        session, admin, activity, blank_rows=BLANK_ROWS
                    )
                ours.append(time.perf_counter() - start)
                pages = printout.pages
                with db.read() as session:
                    data = signin_sheet.read_signin_sheet(session, admin, activity)
                start = time.perf_counter()
                _bare(data)
                bare.append(time.perf_counter() - start)
        finally:
            db.dispose()
    return {
        "value": statistics.median(ours) * 1000,
        "floor": statistics.median(bare) * 1000,
        "ratio": statistics.median(ours) / statistics.median(bare),
        "pages": pages,
        "signups": len(data.lines),
    }


def signin_sheet_500(bench: Any) -> Any:
    from tests.bench.run import Figure

    figures = measure(3 if bench.quick else 7)
    print(f"  signin_sheet_500 detail: {json.dumps(figures)}", flush=True)
    return Figure(figures["value"], "ms", figures["floor"], TARGET)


SCENARIOS = {"signin_sheet_500": signin_sheet_500}


if __name__ == "__main__":
    print(json.dumps(measure()))
