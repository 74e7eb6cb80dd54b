"""import_10k_xlsx: a 10,000-row roster read, validated and imported, against the bare libraries;
import_10k_gui_gap and import_10k_dialog_rows_per_s: the same roster through the import dialog,
whose jobs run off the GUI thread: the largest gap of a 20 ms GUI timer, and rows written a second.

    python tests/bench/run.py --only import_10k_xlsx import_10k_gui_gap import_10k_dialog_rows_per_s
    python -m tests.bench.scenarios_import            # the same, on its own

The roster looks like one a community committee sends: a title row, a blank row, then the header
(序号 姓名 性别 出生日期 联系电话 身份证号 社区 楼组 地址 标签) and 10,000 people of 7 communities,
a third with ID numbers, some with tags. It is imported the way `youlin-desk import-residents`
does it (read, then validate and write in one transaction) into a freshly migrated database that
holds the centre and its communities. The floor is the same work with nothing of ours: openpyxl
reading the same file alone, plus sqlite3 executemany inserting the same people's rows.
"""

from __future__ import annotations

import itertools
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import migrate, paths  # noqa: E402
from app.db import Database, _sqlite_on_connect  # noqa: E402
from app.models import BuildingGroup, Community  # noqa: E402
from app.security import Actor  # noqa: E402
from app.services import centre, roster  # noqa: E402
from tests.bench.run import Bench, Figure  # noqa: E402

ROWS = 10_000
TARGET = "<= 10 s"
COMMUNITIES = ("东苑社区", "西苑社区", "南苑社区", "北苑社区", "新桥社区", "友邻社区", "春申社区")
GROUPS_PER_COMMUNITY = 9
HEADER = (
    "序号",
    "姓名",
    "性别",
    "出生日期",
    "联系电话",
    "身份证号",
    "社区",
    "楼组",
    "地址",
    "标签",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国玉梅志红文"
GENDERS = {"男": "M", "女": "F"}
TAGS = ("党员", "志愿者", "在职党员", "睦邻达人", "")
# Prefixes in use (phonenumbers refuses numbers of unallocated ones, e.g. 154, 194).
MOBILE_PREFIXES = [f"13{d}" for d in "0123456789"] + [f"15{d}" for d in "012356789"]
MOBILE_PREFIXES += [f"18{d}" for d in "0123456789"]
_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"


def _id_number(rng: random.Random, year: int, taken: set[str]) -> str:
    while True:
        body = (
            f"310117{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
        )
        check = _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]
        number = body + check
        if number not in taken:
            taken.add(number)
            return number


def write_roster(path: Path, rows: int = ROWS, seed: int = 7) -> None:
    """A committee's roster of `rows` people, written with openpyxl's streaming writer."""
    import openpyxl

    rng = random.Random(seed)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(["东社区居民花名册（2026年）"])
    sheet.append([])
    sheet.append(list(HEADER))
    phones: set[str] = set()
    ids: set[str] = set()
    for number in range(1, rows + 1):
        year = rng.randint(1935, 2010)
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        while True:
            phone = f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 99_999_999):08d}"
            if phone not in phones:
                phones.add(phone)
                break
        community = rng.randrange(len(COMMUNITIES))
        group = rng.randint(1, GROUPS_PER_COMMUNITY)
        sheet.append(
            [
                number,
                name,
                rng.choice("男女"),
                f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                phone,
                _id_number(rng, year, ids) if rng.random() < 0.3 else None,
                COMMUNITIES[community],
                f"{group}号楼组",
                f"友邻路{rng.randint(1, 300)}号{rng.randint(1, 6)}0{rng.randint(1, 4)}室",
                rng.choice(TAGS),
            ]
        )
    workbook.save(path)


def fresh_centre(path: Path) -> tuple[Database, Actor]:
    """A migrated database with the centre, its first admin, and the communities."""
    database = Database(paths.sqlite_url(path))
    migrate.upgrade(database, take_backup=False)
    with database.write() as session:
        admin = centre.set_up(
            session,
            centre.CentreProfile("东社区邻里中心", "友邻路188号", "021-57681234", "王", "李"),
            "admin",
            "管理员",
            "correct horse 1",
        )
        for index, name in enumerate(COMMUNITIES, start=1):
            community = Community(name=name, sort_order=index)
            session.add(community)
            session.flush()
            for group in range(1, GROUPS_PER_COMMUNITY + 1):
                session.add(
                    BuildingGroup(
                        community_id=community.id, name=f"{group}号楼组", sort_order=group
                    )
                )
    return database, admin


def _ours(roster_path: Path, template: Path, workdir: Path, admin: Actor) -> float:
    target = workdir / "ours.sqlite3"
    shutil.copyfile(template, target)
    database = Database(paths.sqlite_url(target))
    try:
        with database.write() as session:
            start = time.perf_counter()
            preview = roster.read_roster(roster_path)
            result = roster.import_rows(session, admin, preview, preview.mapping)
        elapsed = time.perf_counter() - start  # the commit included
        if result.added != ROWS or result.report.errors:
            raise AssertionError(roster.summary(result))
    finally:
        database.dispose()
    return elapsed


def _floor(roster_path: Path, template: Path, workdir: Path) -> float:
    import openpyxl

    target = workdir / "bare.sqlite3"
    shutil.copyfile(template, target)
    connection = sqlite3.connect(target)
    _sqlite_on_connect(connection, None)
    try:
        start = time.perf_counter()
        workbook = openpyxl.load_workbook(roster_path, read_only=True, data_only=True)
        values = list(workbook.worksheets[0].iter_rows(min_row=4, values_only=True))
        workbook.close()
        connection.executemany(
            "INSERT INTO person (member_code, name, gender, birth_year, phone, id_number,"
            " address, consent, active, note, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, '', '2026-01-01', '2026-01-01')",
            [
                (f"YL{n:06d}", r[1], GENDERS[str(r[2])], int(str(r[3])[:4]), r[4], r[5], r[8])
                for n, r in enumerate(values, start=1)
            ],
        )
        connection.commit()
        elapsed = time.perf_counter() - start
    finally:
        connection.close()
    return elapsed


def bench_import(workdir: Path, *, repeats: int = 3) -> tuple[float, float]:
    """Median seconds of ours and of the floor over `repeats` runs."""
    roster_path = workdir / "roster-10k.xlsx"
    write_roster(roster_path)
    template = workdir / "import-template.sqlite3"
    database, admin = fresh_centre(template)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    ours = [_ours(roster_path, template, workdir, admin) for _ in range(repeats)]
    floor = [_floor(roster_path, template, workdir) for _ in range(repeats)]
    return statistics.median(ours), statistics.median(floor)


def import_10k_xlsx(bench: Bench) -> Figure:
    folder = bench.workdir / "import"
    folder.mkdir(exist_ok=True)
    ours, floor = bench_import(folder, repeats=1 if bench.quick else 3)
    return Figure(ours, "s", floor, TARGET)


SCENARIOS = {"import_10k_xlsx": import_10k_xlsx}


# --- The import dialog: the window while 10,000 rows are imported ------------------------------


def _dialog_import(workdir: Path) -> dict[str, float]:
    """The import dialog reads, checks and imports the 10,000-row roster as background jobs while
    a 20 ms timer ticks on the GUI thread: the largest gap between two ticks, and the times."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app import settings
    from ui import jobs
    from ui.context import DeskContext
    from ui.people.import_dialog import ImportDialog

    jobs.share_the_interpreter()  # as the program does at start
    app = QApplication.instance() or QApplication([])
    roster_path = workdir / "roster-10k.xlsx"
    if not roster_path.exists():
        write_roster(roster_path)
    target = workdir / "dialog.sqlite3"
    target.unlink(missing_ok=True)
    database, admin = fresh_centre(target)
    dialog = ImportDialog(DeskContext(database, admin, settings.Settings()))
    dialog.show()
    ticks: list[float] = []
    ticker = QTimer()
    ticker.setInterval(20)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    figures: dict[str, float] = {}

    def run_step(name: str, start: Callable[[], object]) -> None:
        done: list[bool] = []
        dialog.step_done.connect(lambda: done.append(True))
        ticks.clear()
        began = time.perf_counter()
        ticker.start()
        start()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        figures[f"{name}_s"] = time.perf_counter() - began
        ticker.stop()
        dialog.step_done.disconnect()
        # No tick at all is a frozen window, not a gap of 0: count the whole step then.
        gaps = [b - a for a, b in itertools.pairwise([began, *ticks, time.perf_counter()])]
        figures[f"{name}_gap_ms"] = max(gaps) * 1000

    try:
        run_step("read", lambda: dialog.load_file(roster_path))
        run_step("check", dialog.validate)
        run_step("import", dialog.import_valid)
        result = dialog.import_result
        if result is None or result.added != ROWS:
            raise AssertionError(dialog.message.text() or "the import did not finish")
    finally:
        dialog.deleteLater()
        app.processEvents()
        database.dispose()
    return figures


_DIALOG_CACHE: dict[Path, dict[str, float]] = {}


def _dialog_figures(bench: Bench) -> dict[str, float]:
    folder = bench.workdir / "import"
    folder.mkdir(exist_ok=True)
    if folder not in _DIALOG_CACHE:
        _DIALOG_CACHE[folder] = _dialog_import(folder)
        figures = _DIALOG_CACHE[folder]
        print(
            "  import dialog, 10,000 rows: "
            + ", ".join(f"{name} {value:.2f}" for name, value in figures.items()),
            flush=True,
        )
    return _DIALOG_CACHE[folder]


def import_10k_gui_gap(bench: Bench) -> Figure:
    """The largest gap between two ticks of a 20 ms GUI-thread timer while the dialog imports."""
    figures = _dialog_figures(bench)
    largest = max(figures["read_gap_ms"], figures["check_gap_ms"], figures["import_gap_ms"])
    return Figure(largest, "ms", None, "< 500 ms (20 ms timer)")


def import_10k_dialog_rows_per_s(bench: Bench) -> Figure:
    """Rows written per second by the dialog's import job (batches with pauses for the desks)."""
    return Figure(ROWS / _dialog_figures(bench)["import_s"], "r/s", None, ">= 2,000 rows/s")


SCENARIOS.update(
    {
        "import_10k_gui_gap": import_10k_gui_gap,
        "import_10k_dialog_rows_per_s": import_10k_dialog_rows_per_s,
    }
)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="youlin-import-") as tmp:
        value, bare = bench_import(Path(tmp))
        print(
            f"import_10k_xlsx {value:.2f} s, floor {bare:.2f} s, ratio {value / bare:.2f}, {TARGET}"
        )
        for name, figure in _dialog_import(Path(tmp)).items():
            print(f"import dialog {name} {figure:.2f}")
