"""backup_demo_100k: a verified backup of the 100,000-person demo database (SQLite's online
backup, `PRAGMA integrity_check` of the copy, every table's rows counted equal, the manifest),
seconds; the floor is `sqlite3.Connection.backup` alone into a new file. Also printed: the
copy's size, the parts of the time, the start-up check `PRAGMA quick_check` of the live file, and
a restore round trip compared row for row in every table.

    python tests/bench/run.py --only backup_demo_100k
    python -m tests.bench.scenarios_backup DATABASE   # the same, on an existing demo file
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.backup import copies, restore  # noqa: E402
from tests.bench.run import Bench, Figure  # noqa: E402

TARGET = "< 10 s"
REPEATS = 3


def _bare(source: Path, target: Path) -> float:
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()
    return time.perf_counter() - start


def _every_row(path: Path) -> int:
    """A digest of every row of every table (compared before and after the round trip)."""
    connection = copies.connect_existing(path, read_only=True)
    try:
        digest = 0
        for name in copies.table_names(connection):
            for row in connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid'):
                digest = hash((digest, row))
        return digest
    finally:
        connection.close()


def measure(source: Path, repeats: int = REPEATS) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="youlin-backup-bench-") as folder:
        work = Path(folder)
        ours: list[float] = []
        made = None
        for n in range(repeats):
            start = time.perf_counter()
            made = copies.make_copy(source, "manual", output=work / f"copy-{n}.sqlite3")
            ours.append(time.perf_counter() - start)
        assert made is not None
        bare = [_bare(source, work / "bare.sqlite3") for _ in range(repeats)]
        start = time.perf_counter()
        copies.verify_sqlite(made.path, made.counts)
        verify = time.perf_counter() - start
        start = time.perf_counter()
        assert restore.find_damage(source) is None
        quick_check = time.perf_counter() - start
        # Round trip: restore the copy into a changed copy of the database, compare every row.
        live = work / "live.sqlite3"
        shutil.copyfile(source, live)
        with sqlite3.connect(live) as connection:
            connection.execute("DELETE FROM visit WHERE id % 2 = 0")
        connection.close()
        start = time.perf_counter()
        restore.restore_sqlite(made.path, live)
        restore_s = time.perf_counter() - start
        equal = _every_row(live) == _every_row(source)
        return {
            "seconds": statistics.median(ours),
            "bare": statistics.median(bare),
            "verify": verify,
            "quick_check": quick_check,
            "restore": restore_s,
            "size_mb": made.size / 1_000_000,
            "people": made.counts.get("person", 0),
            "equal": float(equal),
        }


def _say(figures: dict[str, float]) -> None:
    print(
        f"  backup {figures['seconds']:.2f} s (bare sqlite3 backup {figures['bare']:.2f} s, "
        f"integrity check and counts of the copy {figures['verify']:.2f} s), "
        f"{figures['size_mb']:.1f} MB, {int(figures['people']):,} people; start-up quick_check "
        f"{figures['quick_check']:.2f} s; restore {figures['restore']:.2f} s, round trip equal "
        f"row for row: {'yes' if figures['equal'] else 'NO'}",
        flush=True,
    )


def backup_demo_100k(bench: Bench) -> Figure:
    figures = measure(bench.demo(100_000), 1 if bench.quick else REPEATS)
    _say(figures)
    return Figure(figures["seconds"], "s", figures["bare"], TARGET)


SCENARIOS = {"backup_demo_100k": backup_demo_100k}


if __name__ == "__main__":
    _say(measure(Path(sys.argv[1])))
