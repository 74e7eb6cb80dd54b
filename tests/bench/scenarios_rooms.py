"""Rooms: booking with the conflict check in a busy centre's database.

    python tests/bench/run.py --only booking_create_50k series_expand_2y
    python -m tests.bench.scenarios_rooms [FILE.sqlite3]   # both, on a file it fills if new

The database holds 50,000 bookings: 10 rooms open 08:00–21:00, five bookings a day each for
1,000 days (2026–2028), written with executemany.

- `booking_create_50k`: the median time of one `rooms.create()` of a single booking (into a gap
  between two bookings, so the check has neighbours to look at) inside its own `db.write()`
  transaction: BEGIN IMMEDIATE, the account as it is now, the checks, the conflict query, the
  insert, the audit event, COMMIT. Floor: the one indexed overlap query alone in raw sqlite3 on
  the same file.
- `series_expand_2y`: a weekly series over two years (105 occurrences): `plan()` with its
  conflict report, then `create()`, each in its own transaction. Floor: the same work with the
  bare libraries: dateutil's expansion, one overlap query over the span, 105 inserts with
  executemany, in one sqlite3 transaction.
"""

from __future__ import annotations

import datetime as dt
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

from dateutil import rrule  # noqa: E402

from app import clock, migrate, paths  # noqa: E402
from app.db import Database, _sqlite_on_connect  # noqa: E402
from app.models import Account, BookingKind, Room, RoomHours  # noqa: E402
from app.security import Actor, Role  # noqa: E402
from app.services import rooms  # noqa: E402
from app.services.rooms import Frequency, Recurrence  # noqa: E402

ROOMS = 10
DAYS = 1000
FIRST_DAY = dt.date(2026, 1, 1)
SLOTS = [(9, 11), (11, 13), (14, 16), (16, 18), (19, 21)]  # gaps at 08, 13 and 18 o'clock
NOW = dt.datetime(2025, 12, 31, 9, 0)  # before them all: every booking is still to come
CREATE_TARGET = "<= 5 ms median"
SERIES_TARGET = "<= 200 ms"
_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite

# The service's conflict query (app.services.rooms.conflicts.holding_near), by hand.
OVERLAP_SQL = (
    "SELECT id, starts_at, ends_at FROM booking WHERE room_id = ?1 AND starts_at >= ?2"
    " AND starts_at < ?3 AND status IN ('pending', 'confirmed')"
    " UNION ALL SELECT * FROM (SELECT id, starts_at, ends_at FROM booking WHERE room_id = ?1"
    " AND starts_at < ?2 AND status IN ('pending', 'confirmed') ORDER BY starts_at DESC LIMIT 1)"
    " WHERE ends_at > ?2"
)


def fill(path: Path) -> tuple[list[int], Actor]:
    """A migrated database at `path` with the rooms, a staff account and 50,000 bookings."""
    database = Database(paths.sqlite_url(path))
    try:
        migrate.upgrade(database)
        with database.write() as session:
            account = Account(
                username="staff", display_name="工作人员", role=Role.STAFF.value, password_hash="-"
            )
            session.add(account)
            room_rows = [Room(name=f"活动室{n}", capacity=20 + n) for n in range(1, ROOMS + 1)]
            session.add_all(room_rows)
            session.flush()
            session.add_all(
                RoomHours(room_id=room.id, weekday=day, opens=dt.time(8), closes=dt.time(21))
                for room in room_rows
                for day in range(7)
            )
            room_ids = [room.id for room in room_rows]
            actor = Actor(account.id, account.username, account.display_name, Role.STAFF)
    finally:
        database.dispose()
    stamp = NOW.strftime(_FORMAT)
    rows = []
    for offset in range(DAYS):
        day = FIRST_DAY + dt.timedelta(days=offset)
        for room_id in room_ids:
            for number, (start, end) in enumerate(SLOTS):
                status = "pending" if (offset + number) % 9 == 0 else "confirmed"
                rows.append(
                    (
                        room_id,
                        "书法班",
                        "staff",
                        status,
                        dt.datetime.combine(day, dt.time(start)).strftime(_FORMAT),
                        dt.datetime.combine(day, dt.time(end)).strftime(_FORMAT),
                        actor.account_id,
                        stamp,
                    )
                )
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO booking (room_id, title, kind, status, starts_at, ends_at,"
            " booker_account_id, detached, note, override_reason, decision_reason, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, '', '', '', ?, ?8)",
            rows,
        )
    connection.execute("ANALYZE")
    connection.close()
    return room_ids, actor


def _existing(path: Path) -> tuple[list[int], Actor]:
    connection = sqlite3.connect(path)
    try:
        room_ids = [row[0] for row in connection.execute("SELECT id FROM room ORDER BY id")]
        account = connection.execute(
            "SELECT id, username, display_name FROM account WHERE username = 'staff'"
        ).fetchone()
    finally:
        connection.close()
    return room_ids, Actor(account[0], account[1], account[2], Role.STAFF)


def prepared(path: Path) -> tuple[list[int], Actor]:
    return _existing(path) if path.exists() else fill(path)


def _ms(work: Callable[[], Any], cpu: list[float] | None = None) -> float:
    """Wall milliseconds of `work()`; its processor milliseconds appended to `cpu` (on a busy
    machine the wall time also counts other processes' turns)."""
    start, start_cpu = time.perf_counter(), time.process_time()
    work()
    if cpu is not None:
        cpu.append((time.process_time() - start_cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def _medians(ours: list[float], floor: list[float], cpu: list[float]) -> dict[str, float]:
    return {
        "value": statistics.median(ours),
        "floor": statistics.median(floor),
        "cpu": statistics.median(cpu),
    }


def bench_create(path: Path, rounds: int = 200) -> dict[str, float]:
    """Median ms of one create() in its transaction, and of the bare overlap query."""
    room_ids, actor = prepared(path)
    database = Database(paths.sqlite_url(path))
    connection = sqlite3.connect(path)
    _sqlite_on_connect(connection, None)
    ours: list[float] = []
    floor: list[float] = []
    cpu: list[float] = []
    try:
        with clock.frozen(NOW):
            for number in range(rounds + 10):
                room_id = room_ids[number % ROOMS]
                day = dt.date(2027, 1, 1) + dt.timedelta(days=number // ROOMS * 3)
                start = dt.datetime.combine(day, dt.time(13))
                end = dt.datetime.combine(day, dt.time(14))
                data = rooms.BookingInput(room_id, "议事会", start, end, BookingKind.COUNCIL)

                def create(data: rooms.BookingInput = data) -> None:
                    with database.write() as session:
                        rooms.create(session, actor, data)

                def bare(room_id: int = room_id, start: dt.datetime = start) -> None:
                    low = (start - dt.timedelta(hours=1)).strftime(_FORMAT)
                    high = (start + dt.timedelta(hours=2)).strftime(_FORMAT)
                    connection.execute(OVERLAP_SQL, (room_id, low, high)).fetchall()

                took, bare_took = _ms(create, cpu), _ms(bare)
                if number >= 10:  # the first ones warm the caches
                    ours.append(took)
                    floor.append(bare_took)
    finally:
        connection.close()
        database.dispose()
    return _medians(ours, floor, cpu[10:])


def bench_series(path: Path, rounds: int = 9) -> dict[str, float]:
    """Median ms of plan() + create() of a weekly two-year series, and of the bare libraries."""
    room_ids, actor = prepared(path)
    database = Database(paths.sqlite_url(path))
    connection = sqlite3.connect(path)
    _sqlite_on_connect(connection, None)
    connection.isolation_level = None
    ours: list[float] = []
    floor: list[float] = []
    reported: list[int] = []
    cpu: list[float] = []
    try:
        with clock.frozen(NOW):
            for number in range(rounds + 1):
                room_id = room_ids[number % ROOMS]
                hour = (8, 18)[number // ROOMS % 2]
                first = dt.date(2026, 3, 2) + dt.timedelta(days=number % 7)
                data = rooms.BookingInput(
                    room_id,
                    "合唱团",
                    dt.datetime.combine(first, dt.time(hour)),
                    dt.datetime.combine(first, dt.time(hour + 1)),
                    BookingKind.STAFF,
                    recurrence=Recurrence(Frequency.WEEKLY, until=first.replace(year=2028)),
                )

                def plan_and_create(data: rooms.BookingInput = data) -> None:
                    with database.read() as session:
                        plan = rooms.plan(session, actor, data)
                    reported.append(len(plan.problems))
                    with database.write() as session:
                        rooms.create(session, actor, data, skip=plan.problem_starts)

                def bare(data: rooms.BookingInput = data) -> None:
                    rule = data.recurrence.rule(data.starts_at.date())  # type: ignore[union-attr]
                    starts = list(rrule.rrulestr(rule, dtstart=data.starts_at))
                    length = data.ends_at - data.starts_at
                    connection.execute("BEGIN IMMEDIATE")
                    connection.execute(
                        OVERLAP_SQL,
                        (
                            data.room_id,
                            starts[0].strftime(_FORMAT),
                            (starts[-1] + length).strftime(_FORMAT),
                        ),
                    ).fetchall()
                    connection.executemany(
                        "INSERT INTO booking (room_id, title, kind, status, starts_at, ends_at,"
                        " detached, note, override_reason, decision_reason, created_at,"
                        " updated_at) VALUES (?, '合唱团', 'staff', 'confirmed', ?, ?, 0, '', '',"
                        " '', ?, ?)",
                        [
                            (
                                data.room_id,
                                start.strftime(_FORMAT),
                                (start + length).strftime(_FORMAT),
                                NOW.strftime(_FORMAT),
                                NOW.strftime(_FORMAT),
                            )
                            for start in starts
                        ],
                    )
                    connection.execute("ROLLBACK")  # leave the slots to the service

                bare_took = _ms(bare)
                took = _ms(plan_and_create, cpu)
                if number >= 1:
                    ours.append(took)
                    floor.append(bare_took)
    finally:
        connection.close()
        database.dispose()
    return {**_medians(ours, floor, cpu[1:]), "problems_reported": max(reported)}


def _path(bench: Any) -> Path:
    return Path(bench.workdir) / "rooms-50k.sqlite3"


def booking_create_50k(bench: Any) -> Any:
    from tests.bench.run import Figure

    figures = bench_create(_path(bench), rounds=100 if bench.quick else 300)
    return Figure(figures["value"], "ms", figures["floor"], CREATE_TARGET)


def series_expand_2y(bench: Any) -> Any:
    from tests.bench.run import Figure

    figures = bench_series(_path(bench), rounds=5 if bench.quick else 9)
    return Figure(figures["value"], "ms", figures["floor"], SERIES_TARGET)


SCENARIOS = {"booking_create_50k": booking_create_50k, "series_expand_2y": series_expand_2y}


def main(argv: list[str]) -> int:
    import tempfile

    folder = tempfile.mkdtemp(prefix="youlin-rooms-bench-")
    path = Path(argv[0]) if argv else Path(folder) / "rooms-50k.sqlite3"
    start = time.perf_counter()
    prepared(path)
    print(f"database with 50,000 bookings ready in {time.perf_counter() - start:.1f} s: {path}")
    create = bench_create(path)
    print(
        f"booking_create_50k  median {create['value']:.2f} ms (processor {create['cpu']:.2f} ms)"
        f"  floor {create['floor']:.3f} ms  ratio {create['value'] / create['floor']:.1f}"
        f"  target {CREATE_TARGET}"
    )
    series = bench_series(path)
    print(
        f"series_expand_2y    median {series['value']:.1f} ms (processor {series['cpu']:.1f} ms)"
        f"  floor {series['floor']:.1f} ms  ratio {series['value'] / series['floor']:.1f}"
        f"  target {SERIES_TARGET}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
