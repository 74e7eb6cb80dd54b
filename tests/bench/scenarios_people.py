"""person_search_100k: the reception search over 100,000 people, against bare sqlite3.

    python tests/bench/run.py --only person_search_100k
    python -m tests.bench.scenarios_people /tmp/p100k.sqlite3   # on an existing demo database

The mix is what a desk types: 4-digit phone tails, name prefixes (one and two characters, the
first ones broad) and pinyin initials. The floor is the same work done with the sqlite3 module
alone: the same hand-written statements, the same connection settings, the same walk along the
visit log for broad texts, with none of the service's layers (SQLAlchemy, result objects).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import paths  # noqa: E402
from app.db import Database, _sqlite_on_connect  # noqa: E402
from app.services import search  # noqa: E402

PHONE_TAILS = ["5678", "1234", "0417", "8890", "3321", "6006"]
NAME_PREFIXES = ["张", "王", "张伟", "李秀", "陈建", "刘"]
INITIALS = ["zw", "lxm", "wj", "cjh", "ly", "zs"]
QUERIES = PHONE_TAILS + NAME_PREFIXES + INITIALS
LIMIT = search.DEFAULT_LIMIT
TARGET = "<= 5 ms, ratio <= 3"


def bench_person_search(db_path: Path | str, *, rounds: int = 15) -> dict[str, Any]:
    """Median milliseconds of one search, service vs bare sqlite3, over `rounds` of the mix."""
    db_path = Path(db_path)
    database = Database(paths.sqlite_url(db_path))
    connection = sqlite3.connect(db_path)
    _sqlite_on_connect(connection, None)
    try:
        with database.write() as session:

            def service(typed: str) -> list[int]:
                return [hit.id for hit in search.search_people(session, typed, limit=LIMIT)]

            def bare(typed: str) -> list[int]:
                return _bare_search(connection, typed, LIMIT)

            for typed in QUERIES:  # warm both caches, and check both do the same work
                if service(typed) != bare(typed):
                    raise AssertionError(f"bare and service results differ for {typed!r}")
            ours = _times(service, rounds)
            floor = _times(bare, rounds)
    finally:
        connection.close()
        database.dispose()
    value = statistics.median(ours)
    floor_ms = statistics.median(floor)
    return {
        "value": round(value, 3),
        "unit": "ms",
        "floor": round(floor_ms, 3),
        "ratio": round(value / floor_ms, 3),
        "by_kind": {
            kind: round(statistics.median(_of_kind(ours, queries)), 3)
            for kind, queries in (
                ("phone_tail", PHONE_TAILS),
                ("name_prefix", NAME_PREFIXES),
                ("initials", INITIALS),
            )
        },
    }


def _times(search_once: Callable[[str], list[int]], rounds: int) -> list[float]:
    """Milliseconds per search, in QUERIES order round after round."""
    times: list[float] = []
    for _ in range(rounds):
        for typed in QUERIES:
            start = time.perf_counter()
            search_once(typed)
            times.append((time.perf_counter() - start) * 1000)
    return times


def _of_kind(times: list[float], queries: list[str]) -> list[float]:
    positions = {QUERIES.index(q) for q in queries}
    return [t for i, t in enumerate(times) if i % len(QUERIES) in positions]


def _bare_search(connection: sqlite3.Connection, typed: str, limit: int) -> list[int]:
    """The service's statements through sqlite3 alone (person ids only)."""
    params = search.search_parameters(typed)
    if params is None:
        return []
    params = {**params, "active": 1}
    ways = []
    if params["name"] is not None or params["key"] is not None:
        people, names, keys = connection.execute(
            search.COUNT_SQL, {**params, "cap": search.COUNT_CAP}
        ).fetchone()
        threshold = search.broad_threshold(people or 0, limit)
        ways = [
            way
            for way, count in ((search._Way.NAME, names), (search._Way.PINYIN, keys))
            if count >= threshold
        ]
    if not ways:
        rows = connection.execute(search.SEARCH_SQL, {**params, "limit": limit}).fetchall()
        return [row[0] for row in rows]
    found: list[int] = []
    for way in search._Way:
        need = limit - len(found)
        if need <= 0 or all(params[name] is None for name in search._PARAMETERS[way]):
            continue
        walked = _bare_walk(connection, params, way, need, set(found)) if way in ways else None
        if walked is None:
            only = {name: None for names in search._PARAMETERS.values() for name in names}
            only.update({name: params[name] for name in search._PARAMETERS[way]}, active=1)
            rows = connection.execute(search.SEARCH_SQL, {**only, "limit": limit + len(found)})
            walked = [row[0] for row in rows if row[0] not in found][:need]
        found.extend(walked)
    return found


def _bare_walk(
    connection: sqlite3.Connection, params: dict[str, Any], way: Any, need: int, taken: set[int]
) -> list[int] | None:
    """The service's walk along the visit log, with times as SQLite stores them (text)."""
    bound = {name: params[name] for name in search._PARAMETERS[way]}
    before = "9999-12-31 23:59:59.999999"
    batch = max(need * search.VISIT_BATCH_FACTOR, 20)
    seen: dict[int, tuple[str, str]] = {}
    complete_after: str | None = None
    scanned = 0
    while True:
        rows = connection.execute(
            search.RECENT_SQL[way], {**bound, "active": 1, "before": before, "batch": batch}
        ).fetchall()
        scanned += len(rows)
        for person_id, at, name in rows:
            if person_id not in taken and person_id not in seen:
                seen[person_id] = (at, name)
        if len(rows) < batch:
            complete_after = None
            break
        oldest = rows[-1][1]
        if oldest == before or scanned >= search.WALK_MAX:
            return None
        before = complete_after = oldest
        if sum(1 for at, _ in seen.values() if at > oldest) >= need:
            break
        batch = min(batch * 2, search.VISIT_BATCH_MAX)
    known = [
        (pid, at, name)
        for pid, (at, name) in seen.items()
        if complete_after is None or at > complete_after
    ]
    if len(known) < need:
        return None
    known.sort(key=lambda item: (item[2], item[0]))
    known.sort(key=lambda item: item[1], reverse=True)
    return [pid for pid, _, _ in known[:need]]


def person_search_100k(bench: Any) -> Any:
    """The harness's scenario: a 100,000-people demo database written once per run."""
    from tests.bench.run import Figure

    figures = bench_person_search(bench.demo(100_000), rounds=5 if bench.quick else 15)
    return Figure(figures["value"], figures["unit"], figures["floor"], TARGET)


SCENARIOS = {"person_search_100k": person_search_100k}


if __name__ == "__main__":
    print(bench_person_search(sys.argv[1]))
