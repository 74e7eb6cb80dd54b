"""A living demo centre for newcomers, screenshots and benchmarks (`youlin-desk demo`, `--demo`).

The same seed writes the same content; only the writing's own timestamps differ. Dates are
relative to the program's clock (`app.clock`): sessions over the past 8 weeks and the next 4,
bookings around them, visits over the past 8 weeks up to the current time, so the home page
always has a today. Everything after the migrations is written in one writing transaction with
Core executemany (no ORM object per row), so a failed run leaves no half-written centre.

The demo keeps the services' rules by using their own functions: member codes and certificate
numbers from `app.counters` (so the desks go on numbering after it), rooms never double-booked
(`app.services.rooms`), phone and ID search columns (`app.people_fields`), pinyin search keys
(`app.pinyin`), verification codes derived under the centre's secret (`app.services.certificates`;
the demo's secret comes from the seed). Its content is in `centre` (the place, the menu) and
`residents` (names, numbers); the volunteers' rota, make-up records and certificates are written by
`volunteering`.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from sqlalchemy import Connection, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from app import clock, migrate
from app.db import Database
from app.demo.writer import Writer
from app.errors import ConflictError, ValidationError
from app.i18n import translate
from app.models import Account, Centre, Person
from app.start import ensure_folder

MAX_PEOPLE = 1_000_000


@dataclass(frozen=True)
class DemoSummary:
    """What `write_demo` wrote, and how long it took."""

    url: str
    people: int
    seconds: float
    sessions: int = 0
    bookings: int = 0
    signups: int = 0
    visits: int = 0


def write_demo(
    url: str, *, people: int = 3000, seed: int = 1, now: dt.datetime | None = None
) -> DemoSummary:
    """Write a demo centre into an empty (or new) database at `url`.

    Dates are relative to `now` (default: the program's clock). Refuses a database that already
    holds a centre, accounts or people (ConflictError) and leaves it untouched."""
    if not 1 <= people <= MAX_PEOPLE:
        raise ValidationError(
            "people",
            translate("Errors", "A demo centre has between 1 and %1 people.").replace(
                "%1", f"{MAX_PEOPLE:,}"
            ),
        )
    started = time.perf_counter()
    ensure_folder(url)
    db = Database(url)
    try:
        try:
            with db.engine.connect() as connection:
                _refuse_data(connection)  # before migrating, so a full database stays untouched
        except SQLAlchemyError:
            pass  # unreadable: the upgrade below says why, in the user's language
        migrate.upgrade(db)
        with db.write() as session:
            connection = session.connection()
            _refuse_data(connection)  # again, now holding the write lock
            writer = Writer(connection, seed, (now or clock.now()).replace(microsecond=0))
            writer.write(people)
    finally:
        db.dispose()
    return DemoSummary(
        url=url,
        people=people,
        seconds=time.perf_counter() - started,
        sessions=writer.counts["sessions"],
        bookings=writer.counts["bookings"],
        signups=writer.counts["signups"],
        visits=writer.counts["visits"],
    )


def _refuse_data(connection: Connection) -> None:
    tables = inspect(connection)
    for model in (Centre, Account, Person):
        name = model.__tablename__
        if (
            tables.has_table(name)
            and connection.execute(select(func.count()).select_from(model)).scalar_one()
        ):
            raise ConflictError(
                translate(
                    "Errors",
                    "This database already holds a centre's data. A demo centre is written "
                    "only into a new, empty database.",
                )
            )
