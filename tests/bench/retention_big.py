"""Retention on the big centre (`tests.bench.big_centre`: 100,000 people, 1,000,000 visits over
three years), run by hand:

    python -m tests.bench.retention_big

On a copy of the big centre with the period set to 12 months (so two of its three years are due):
the preview, the review list of people with no activity, the anonymising run in batches while a
second thread checks a visitor in every 50 ms (its slowest check-in is what a desk would feel),
the removal of 200 of the people listed, and, on another copy, the bare library doing the same
in one UPDATE (the floor to compare with).
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from app import clock, paths  # noqa: E402
from app.db import Database  # noqa: E402
from app.models import Account, Person  # noqa: E402
from app.security import Actor  # noqa: E402
from app.services import reception, retention  # noqa: E402
from tests.bench import big_centre  # noqa: E402

MONTHS = 12


def _copy(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(source, target)
    connection = sqlite3.connect(target)
    connection.execute("UPDATE centre SET visit_retention_months = ?", (MONTHS,))
    connection.commit()
    connection.close()
    return target


def main() -> int:
    centre = big_centre.build()
    folder = Path(tempfile.mkdtemp(prefix="youlin-retention-"))
    try:
        target = _copy(centre.path, folder, "program.sqlite3")
        bare = _copy(centre.path, folder, "bare.sqlite3")
        clock.use(clock.FixedClock(centre.now))
        db = Database(paths.sqlite_url(target))
        with db.read() as session:
            account = session.scalars(select(Account).where(Account.role == "admin")).first()
            assert account is not None
            admin = Actor.of(account)
            desk_people = list(session.scalars(select(Person.id).limit(2000)))

        began = time.perf_counter()
        with db.read() as session:
            due = retention.preview(session, admin)
        preview_s = time.perf_counter() - began
        began = time.perf_counter()
        with db.read() as session:
            listed = retention.inactive_people(session, admin)
        list_s = time.perf_counter() - began
        print(
            f"preview {preview_s:.2f} s: {due.visits:,} visits, {due.requests:,} requests due, "
            f"{due.inactive_people:,} people with no activity; review list {list_s:.2f} s "
            f"({len(listed)} shown)"
        )

        waits: list[float] = []
        stop = threading.Event()

        def desk() -> None:
            other = Database(paths.sqlite_url(target))
            index = 0
            while not stop.is_set():
                person = desk_people[index % len(desk_people)]
                index += 1
                start = time.perf_counter()
                with other.write() as session:
                    reception.check_in(session, admin, person, "other", confirm_duplicate=True)
                waits.append(time.perf_counter() - start)
                stop.wait(0.05)
            other.dispose()

        thread = threading.Thread(target=desk)
        thread.start()
        result = retention.anonymise(db, admin)
        stop.set()
        thread.join()
        chosen = [line.person_id for line in listed[:200]]
        began = time.perf_counter()
        removal = retention.remove_in_batches(db, admin, chosen)
        remove_s = time.perf_counter() - began
        db.dispose()
        waits.sort()
        print(
            f"anonymised {result.visits:,} visits and {result.requests:,} requests in "
            f"{result.seconds:.1f} s ({result.visits / result.seconds:,.0f} visits/s); "
            f"meanwhile {len(waits)} check-ins, median {waits[len(waits) // 2] * 1000:.0f} ms, "
            f"slowest {waits[-1] * 1000:.0f} ms"
        )

        print(
            f"removed {len(chosen)} people, {retention.REMOVE_BATCH} a transaction, in "
            f"{remove_s:.2f} s "
            f"({removal.deleted} deleted, {removal.anonymised} kept emptied, "
            f"{removal.skipped} skipped)"
        )

        connection = sqlite3.connect(bare, isolation_level=None)
        cutoff = due.cutoff.strftime("%Y-%m-%d %H:%M:%S.%f")
        began = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        changed = connection.execute(
            "UPDATE visit SET person_id = NULL, anonymised = 1, note = '' "
            "WHERE at < ? AND anonymised = 0",
            (cutoff,),
        ).rowcount
        connection.execute("COMMIT")
        bare_s = time.perf_counter() - began
        connection.close()
        print(
            f"bare sqlite3, one UPDATE of {changed:,} visits: {bare_s:.1f} s, holding the write "
            f"lock throughout; the program's batched run takes {result.seconds / bare_s:.1f}× "
            f"as long and lets a desk in between batches"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
