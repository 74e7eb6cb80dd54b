"""A big centre for the figures' benchmarks: 100,000 people and 1,000,000 visits over three years.

    from tests.bench import big_centre
    centre = big_centre.build()            # cached: built once, then reused
    centre.url, centre.now, centre.staff   # the SQLite URL, the clock to freeze, a staff actor

    python -m tests.bench.big_centre [FILE.sqlite3]   # build (or find) it and say what it holds

`build(path=None, *, people=100_000, visits=1_000_000, seed=1, now=NOW) -> BigCentre`

- `path`: where the database goes; None: a file in the cache folder (`$YOULIN_BENCH_CACHE`, else
  `youlin-bench-cache` in the system's temporary folder) named after the arguments and the
  schema's head revision, reused when it is there. A database is written to a temporary name and
  renamed when complete, so an interrupted build is never reused.
- `now`: the moment the centre is seen from; freeze the program's clock there
  (`app.clock.frozen(centre.now)`) before asking for Home's or the month's figures. The
  month of the default `now`, November 2026, is a whole month of figures (sessions before the
  25th held, those after still to come): `Period.month(2026, 11)` for the monthly report.

How it is made, in well under a minute (33–45 s measured here): the demo centre of `app.demo`
with `people` residents (the place, the menu, rooms and hours, volunteers, certificates,
requests; sessions, bookings, signups and service records over the 8 weeks before `now` and the
4 after), then those 8 past weeks of sessions with their bookings, signups and service records
copied back in time 18 times (so nearly three years of them: copies land on the same weekdays,
so rooms are never double-booked), then visits up to `visits` in all, spread over the three
years before `now` (opening hours, a morning peak, fewer at weekends, 7% by unregistered
visitors, 0.5% undone), all with sqlite3 executemany and INSERT … SELECT, then ANALYZE.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import paths  # noqa: E402
from app.demo import write_demo  # noqa: E402
from app.demo.centre import HOUR_WEIGHTS, PURPOSES  # noqa: E402
from app.migrations import HEAD_REVISION  # noqa: E402
from app.security import Actor, Role  # noqa: E402

CACHE_ENV = "YOULIN_BENCH_CACHE"
# A Wednesday afternoon at the end of November: Home shows a month, a week and a year of figures.
NOW = dt.datetime(2026, 11, 25, 16, 0)
YEARS = 3
COPIES = 18  # the demo's 8 past weeks copied back this many times: 152 weeks of sessions
WEEKS = 8
ID_STRIDE = 10_000_000  # copied rows' ids: the original's + copy number × this
BATCH = 50_000
_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite


@dataclass(frozen=True)
class BigCentre:
    path: Path
    now: dt.datetime
    staff: Actor  # the demo's staff account (REPORTS)

    @property
    def url(self) -> str:
        return paths.sqlite_url(self.path)

    @property
    def today(self) -> dt.date:
        return self.now.date()


def cache_folder() -> Path:
    folder = os.environ.get(CACHE_ENV) or str(Path(tempfile.gettempdir()) / "youlin-bench-cache")
    return Path(folder)


def build(
    path: Path | None = None,
    *,
    people: int = 100_000,
    visits: int = 1_000_000,
    seed: int = 1,
    now: dt.datetime = NOW,
) -> BigCentre:
    """The big centre at `path` (built there unless it already exists), or in the cache."""
    if path is None:
        name = f"big-{people}-{visits}-{seed}-{now:%Y%m%d%H%M}-{HEAD_REVISION}.sqlite3"
        path = cache_folder() / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        for leftover in (partial, *(Path(f"{partial}{end}") for end in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        _write(partial, people, visits, seed, now)
        partial.rename(path)
    return BigCentre(path, now, _staff(path))


def _staff(path: Path) -> Actor:
    connection = sqlite3.connect(path)
    try:
        account_id, username, name = connection.execute(
            "SELECT id, username, display_name FROM account WHERE role = 'staff' ORDER BY id"
        ).fetchone()
    finally:
        connection.close()
    return Actor(account_id, username, name, Role.STAFF)


def _write(path: Path, people: int, visits: int, seed: int, now: dt.datetime) -> None:
    write_demo(paths.sqlite_url(path), people=people, seed=seed, now=now)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN")
        _copy_weeks(connection, now)
        _visits(connection, random.Random(f"visits:{seed}"), visits, now)
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()


def _columns(connection: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(row[1], row[2].upper()) for row in connection.execute(f"PRAGMA table_info({table})")]


def _shifted_select(
    connection: sqlite3.Connection, table: str, days: int, offset: int
) -> tuple[str, str]:
    """The column list and the SELECT list that copy `table`'s rows `days` earlier, their ids and
    their references to copied sessions and bookings moved by `offset`."""
    names, values = [], []
    for name, kind in _columns(connection, table):
        names.append(name)
        if name in ("id", "session_id", "booking_id"):
            values.append(f"{name} + {offset}")
        elif name in ("plan_id", "series_id", "occurrence_start"):
            values.append("NULL")  # a copy belongs to no plan or series
        elif kind == "DATETIME":
            # datetime() drops the fraction that SQLAlchemy stores ('.000000'): put it back.
            values.append(
                f"CASE WHEN {name} IS NULL THEN NULL"
                f" ELSE datetime({name}, '-{days} days') || substr({name}, 20) END"
            )
        elif kind == "DATE":
            values.append(f"date({name}, '-{days} days')")
        else:
            values.append(name)
    return ", ".join(names), ", ".join(values)


def _copy_weeks(connection: sqlite3.Connection, now: dt.datetime) -> None:
    """The `WEEKS` whole weeks before today's date, copied back `COPIES` times."""
    today = dt.datetime.combine(now.date(), dt.time())
    since = (today - dt.timedelta(weeks=WEEKS)).strftime(_FORMAT)
    until = today.strftime(_FORMAT)
    window = (
        f"SELECT id FROM activity_session WHERE starts_at >= '{since}' AND starts_at < '{until}'"
    )
    for copy in range(1, COPIES + 1):
        days, offset = WEEKS * 7 * copy, ID_STRIDE * copy
        for table, where in (
            ("booking", f"starts_at >= '{since}' AND starts_at < '{until}'"),
            ("activity_session", f"id IN ({window})"),
            ("signup", f"session_id IN ({window})"),
            ("service_record", f"session_id IN ({window})"),
        ):
            names, values = _shifted_select(connection, table, days, offset)
            if table == "activity_session":
                # The original's booking may be one that was not copied (outside the window).
                values = values.replace(
                    f"booking_id + {offset}",
                    f"CASE WHEN booking_id IN (SELECT id FROM booking WHERE starts_at >= '{since}'"
                    f" AND starts_at < '{until}') THEN booking_id + {offset} END",
                )
            connection.execute(
                f"INSERT INTO {table} ({names}) SELECT {values} FROM {table} WHERE {where}"
            )


def _visits(
    connection: sqlite3.Connection, rng: random.Random, total: int, now: dt.datetime
) -> None:
    """Visits up to `total` in all, spread over the `YEARS` years before `now`."""
    have = connection.execute("SELECT count(*) FROM visit").fetchone()[0]
    wanted = max(0, total - have)
    community = dict(connection.execute("SELECT id, community_id FROM person"))
    person_ids = list(community)
    accounts = [row[0] for row in connection.execute("SELECT id FROM account ORDER BY id")]
    first = now.date() - dt.timedelta(days=365 * YEARS)
    days = [first + dt.timedelta(days=n) for n in range((now.date() - first).days + 1)]
    weights = [0.75 if day.weekday() >= 5 else 1.0 for day in days]
    purposes = [str(purpose) for purpose, _ in PURPOSES]
    purpose_weights = [weight for _, weight in PURPOSES]
    hours = list(range(8, 8 + len(HOUR_WEIGHTS)))
    chosen_days = rng.choices(days, weights, k=wanted)
    chosen_hours = rng.choices(hours, HOUR_WEIGHTS, k=wanted)
    chosen_purposes = rng.choices(purposes, purpose_weights, k=wanted)
    rows = []
    for day, hour, purpose in zip(chosen_days, chosen_hours, chosen_purposes, strict=True):
        at = dt.datetime.combine(day, dt.time(hour, rng.randrange(60), rng.randrange(60)))
        if at > now:
            at -= dt.timedelta(days=1)  # today's visits are those that have happened
        person = None if rng.random() < 0.07 else rng.choice(person_ids)
        undone = (at + dt.timedelta(minutes=2)).strftime(_FORMAT) if rng.random() < 0.005 else None
        rows.append(
            (
                person,
                None if person is None else community[person],
                at.strftime(_FORMAT),
                purpose,
                "" if person else "未登记来访者",
                rng.choice(accounts),
                undone,
            )
        )
    rows.sort(key=lambda row: row[2])
    for start in range(0, len(rows), BATCH):
        connection.executemany(
            "INSERT INTO visit (person_id, community_id, at, purpose, note, account_id, undone_at,"
            " anonymised) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
            rows[start : start + BATCH],
        )


def main(argv: list[str]) -> int:
    start = time.perf_counter()
    centre = build(Path(argv[0]) if argv else None)
    connection = sqlite3.connect(centre.path)
    try:
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "person",
                "visit",
                "activity_session",
                "signup",
                "booking",
                "service_record",
            )
        }
    finally:
        connection.close()
    print(f"{centre.path} ready in {time.perf_counter() - start:.1f} s: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
