"""checkin_commit_cost: what one check-in costs under each synchronous setting of the WAL journal.

    python -m tests.bench.scenarios_crash [ROUNDS]

A fresh migrated SQLite file in a temporary folder beside the program's data (the same disk a
desk uses), one centre, one person; ROUNDS check-ins through the real service
(`reception.check_in` in `calls.write`, one commit each) with `synchronous` NORMAL and FULL in
turn, alternating blocks so that disk noise falls on both. The floor is the bare sqlite3 module
inserting one row per committed transaction under the same two settings.
Prints the medians and 95th percentiles in milliseconds; app/db.py explains the choice they fed.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MODES = ("NORMAL", "FULL")


def _figures(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 3),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 3),
    }


def measure(rounds: int = 300, folder: Path | None = None) -> dict[str, Any]:
    from app import db as db_module
    from app import migrate, paths
    from app.db import Database
    from app.models import Purpose
    from app.services import calls, centre, people, reception

    with tempfile.TemporaryDirectory(dir=folder) as where:
        path = Path(where) / "bench.sqlite3"
        url = paths.sqlite_url(path)
        setup = Database(url)
        migrate.upgrade(setup)
        with setup.write() as session:
            admin = centre.set_up(
                session,
                centre.CentreProfile("东社区邻里中心", "友邻路1号", "021-12345678", "王主任", "李"),
                "admin",
                "管理员",
                "correct horse 1",
            )
            person_id = people.register(session, admin, people.PersonInput(name="张三")).id
        setup.dispose()
        service: dict[str, list[float]] = {mode: [] for mode in MODES}
        bare: dict[str, list[float]] = {mode: [] for mode in MODES}
        chosen = db_module.SYNCHRONOUS
        try:
            for _block in range(10):
                for mode in MODES:
                    db_module.SYNCHRONOUS = mode
                    database = Database(url)
                    for _ in range(rounds // 10):
                        started = time.perf_counter()
                        calls.write(
                            database,
                            admin,
                            lambda session, actor: reception.check_in(
                                session, actor, person_id, Purpose.OTHER, confirm_duplicate=True
                            ),
                        )
                        service[mode].append(time.perf_counter() - started)
                    database.dispose()
                    connection = sqlite3.connect(path, isolation_level=None)
                    connection.execute(f"PRAGMA synchronous = {mode}")
                    connection.execute(
                        "CREATE TABLE IF NOT EXISTS bare (id INTEGER PRIMARY KEY, n)"
                    )
                    for number in range(rounds // 10):
                        started = time.perf_counter()
                        connection.execute("BEGIN IMMEDIATE")
                        connection.execute("INSERT INTO bare (n) VALUES (?)", (number,))
                        connection.execute("COMMIT")
                        bare[mode].append(time.perf_counter() - started)
                    connection.close()
        finally:
            db_module.SYNCHRONOUS = chosen
    return {
        "rounds": rounds,
        "chosen": chosen,
        "service": {mode: _figures(times) for mode, times in service.items()},
        "bare": {mode: _figures(times) for mode, times in bare.items()},
    }


if __name__ == "__main__":
    import json

    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 300), indent=2))
