"""Soak: several desks (processes) doing a day's mixed work against one database, then every rule
checked. Run by hand for the figures; `tests/test_desks_soak.py` runs a 20-second version.

    python -m tests.soak.soak --url sqlite:////tmp/soak.sqlite3 --desks 4 --minutes 10
    python -m tests.soak.soak --url postgresql+psycopg://youlin@127.0.0.1:54329/youlin_soak \\
        --desks 4 --minutes 10

The database named by `--url` is made afresh (a SQLite file deleted, a PostgreSQL database
dropped and created) and migrated. Each desk goes through `app.services.calls` as a desk does
(so races lost to another desk are retried there, unseen), and counts what a user would have
seen: refusals by rule (a booking clash, a duplicate signup — the answer the user needs) and
errors (anything else: what a retry would have avoided, or a bug). Waits for the other desks
are part of the work: every desk hammers the same four rooms, the same nearly-full sessions and
the same certificate counters on purpose.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import random
import sys
import time
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, make_url, select, text
from sqlalchemy.orm import Session

from app import migrate
from app.db import Database
from app.errors import DomainError
from app.models import (
    ActivitySession,
    BookingKind,
    Certificate,
    CertificateKind,
    Person,
    ServiceRecord,
    Signup,
    SignupStatus,
    Volunteer,
)
from app.roles import Role
from app.security import Actor
from app.services import accounts, calls, centre, people, reception, rooms
from app.services.menu import attendance, signups
from app.services.volunteers import certificates, hours, records
from tests.menu_data import add_item, add_session
from tests.processes import race
from tests.rooms_setup import OVERLAPS_SQL, add_room

PASSWORD = "soak-desk-2026"
ROOMS = 4
HOT_SESSIONS = 12  # nearly full: 3 seats each, everyone races for them
DAYS_AHEAD = 14


_DIGITS = "零一二三四五六七八九"


def chinese_name(prefix: str, number: int) -> str:
    """A valid name that is unique per number: 居民 + the number in Chinese digits."""
    return prefix + "".join(_DIGITS[int(d)] for d in str(number))


def fresh_database(url: str) -> None:
    """Delete the SQLite file or drop and create the PostgreSQL database; migrate it."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        assert parsed.database
        for suffix in ("", "-wal", "-shm"):
            Path(parsed.database + suffix).unlink(missing_ok=True)
    else:
        admin = Database(
            parsed.set(database="postgres").render_as_string(hide_password=False),
            isolation_level="AUTOCOMMIT",
        )
        with admin.engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
            connection.execute(
                text(f"CREATE DATABASE \"{parsed.database}\" TEMPLATE template0 ENCODING 'UTF8'")
            )
        admin.dispose()
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()


def set_up_centre(db: Database) -> Actor:
    """A centre that is set up, with its first admin (`admin`, PASSWORD)."""
    with db.write() as session:
        return centre.set_up(
            session,
            centre.CentreProfile("东社区邻里中心", "友邻路1号", "021-12345678", "王主任", "李经办"),
            "admin",
            "管理员",
            PASSWORD,
        )


def set_up(url: str, people_count: int = 120) -> dict[str, Any]:
    """The centre, its accounts, rooms, sessions, people and volunteers; what the desks need."""
    db = Database(url)
    now = dt.datetime.now().replace(second=0, microsecond=0)
    admin = set_up_centre(db)
    with db.write() as session:
        staff = accounts.create_account(session, admin, "staff", "社工", Role.STAFF, PASSWORD)
        desk = accounts.create_account(session, admin, "desk", "前台", Role.DESK, PASSWORD)
    with db.write() as session:
        room_ids = [add_room(session, f"活动室{n}", 30) for n in range(1, ROOMS + 1)]
        item = add_item(session, "行走的党课")
        volunteer_item = add_item(session, "垃圾分类督导", series="civility", volunteer=True)
        tomorrow = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(9))
        hot = [
            add_session(
                session, item, tomorrow + dt.timedelta(days=n // 4, hours=2 * (n % 4)), capacity=3
            )
            for n in range(HOT_SESSIONS)
        ]
        # Starts in 50 minutes: attendance opens an hour before, so it is open for the run.
        today = add_session(
            session, volunteer_item, now + dt.timedelta(minutes=50), minutes=120, capacity=200
        )
    person_ids: list[int] = []
    for n in range(people_count):
        with db.write() as session:
            row = people.register(
                session,
                Actor(desk.id, desk.username, desk.display_name, desk.role),
                people.PersonInput(name=chinese_name("居民", n)),
            )
            person_ids.append(row.id)
    with db.write() as session:
        volunteers = person_ids[:40]
        for number, person_id in enumerate(volunteers, 1):
            session.add(Volunteer(person_id=person_id, volunteer_number=f"DLZY{number:05d}"))
        session.flush()
        desk_actor = Actor(desk.id, desk.username, desk.display_name, desk.role)
        today_signups = [
            signups.sign_up(session, desk_actor, today, person_id).signup_id
            for person_id in volunteers
        ]
    db.dispose()
    return {
        "staff": Actor(staff.id, staff.username, staff.display_name, staff.role),
        "desk": Actor(desk.id, desk.username, desk.display_name, desk.role),
        "rooms": room_ids,
        "hot": hot,
        "today_signups": today_signups,
        "people": person_ids,
        "volunteers": volunteers,
    }


# ---- one desk --------------------------------------------------------------------------------


def _booking(rng: random.Random, world: dict[str, Any], desk: int) -> rooms.BookingInput:
    day = dt.date.today() + dt.timedelta(days=rng.randint(1, DAYS_AHEAD))
    start = dt.datetime.combine(day, dt.time(rng.randint(9, 16)))
    return rooms.BookingInput(
        room_id=rng.choice(world["rooms"]),
        title=f"第{desk + 1}台的预约",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=rng.choice((1, 2))),
        kind=BookingKind.STAFF,
    )


def desk_day(url: str, world: dict[str, Any], desk: int, seconds: float) -> dict[str, Any]:
    """One desk's mixed work until `seconds` have passed; what it did and what it was told."""
    logging.basicConfig(level=logging.WARNING)
    retried = Counter[str]()

    class Retries(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.args:
                retried[str(record.args[0])] += 1

    calls_log = logging.getLogger("app.services.calls")
    calls_log.setLevel(logging.INFO)
    calls_log.addHandler(Retries())

    rng = random.Random(desk * 7919 + 1)
    db = Database(url)
    staff: Actor = world["staff"]
    volunteer: Actor = world["desk"]
    done = Counter[str]()
    refused = Counter[str]()
    errors = Counter[str]()
    error_samples: list[str] = []
    made_up: list[tuple[int, str]] = []
    issued: list[tuple[str, int, int]] = []
    registered: list[str] = []
    booked: list[int] = []
    my_signups: list[int] = []
    names = 0

    def check_in(s: Session, a: Actor) -> Any:
        return reception.check_in(
            s, a, rng.choice(world["people"]), "government", confirm_duplicate=rng.random() < 0.5
        )

    def register(s: Session, a: Actor) -> Any:
        return people.register(
            s, a, people.PersonInput(name=chinese_name("新居民", desk * 100000 + names))
        )

    def book(s: Session, a: Actor) -> Any:
        return rooms.create(s, a, _booking(rng, world, desk))

    def sign_up(s: Session, a: Actor) -> Any:
        return signups.sign_up(s, a, rng.choice(world["hot"]), rng.choice(world["people"]))

    def cancel(s: Session, a: Actor) -> Any:
        return signups.cancel(s, a, my_signups.pop(rng.randrange(len(my_signups))))

    def tick(s: Session, a: Actor) -> Any:
        return attendance.tick(s, a, rng.choice(world["today_signups"]), rng.random() < 0.7)

    def make_up(s: Session, a: Actor) -> Any:
        amount = rng.choice(("0.5", "1", "1.5", "2"))
        data = records.MakeUpInput(
            rng.choice(world["volunteers"]),
            dt.date.today(),
            amount,
            "垃圾分类督导",
            "纸质签到表补录",
        )
        return records.make_up(s, a, data), amount

    def issue(s: Session, a: Actor) -> Any:
        kind = rng.choice((CertificateKind.HONOUR, CertificateKind.COMPLETION))
        title = "睦邻达人" if kind == CertificateKind.HONOUR else "小美艺术课堂"
        return certificates.issue(
            s, a, certificates.IssueInput(rng.choice(world["volunteers"]), kind, title)
        )

    def look(s: Session, a: Actor) -> Any:
        return reception.today_log(s, a, dt.date.today())

    work = [
        ("check-in", check_in, volunteer, 30, True),
        ("register", register, volunteer, 6, True),
        ("book", book, staff, 14, True),
        ("sign up", sign_up, volunteer, 16, True),
        ("cancel", cancel, volunteer, 6, True),
        ("attendance", tick, volunteer, 8, True),
        ("make-up hours", make_up, staff, 6, True),
        ("certificate", issue, staff, 4, True),
        ("today's log", look, volunteer, 10, False),
    ]
    weights = [w[3] for w in work]
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            name, call, actor, _weight, writes = rng.choices(work, weights)[0]
            if name == "cancel" and not my_signups:
                continue
            try:
                result = calls.write(db, actor, call) if writes else calls.read(db, actor, call)
            except DomainError as refusal:  # the rule's answer, shown beside the field
                refused[f"{name}: {type(refusal).__name__}"] += 1
                continue
            except Exception as error:  # what a user would have seen as a failure
                errors[f"{name}: {type(error).__name__}"] += 1
                if len(error_samples) < 5:
                    error_samples.append(f"{name}: {error}"[:300])
                continue
            done[name] += 1
            if name == "register":
                names += 1
                registered.append(result.member_code)
            elif name == "book":
                booked.extend(result.ids if hasattr(result, "ids") else [])
            elif name == "sign up":
                my_signups.append(result.signup_id)
            elif name == "make-up hours":
                made_up.append((result[0], result[1]))
            elif name == "certificate":
                issued.append((str(result.kind), result.year, result.sequence))
    finally:
        db.dispose()
    return {
        "done": dict(done),
        "refused": dict(refused),
        "errors": dict(errors),
        "error_samples": error_samples,
        "retried": dict(retried),
        "made_up": made_up,
        "issued": issued,
        "registered": registered,
    }


# ---- the rules afterwards ---------------------------------------------------------------------


def check_rules(url: str, results: list[dict[str, Any]]) -> dict[str, int]:
    """Every rule's count of violations (all 0 when the rules held)."""
    db = Database(url)
    broken: dict[str, int] = {}
    try:
        with db.read() as session:
            broken["overlapping bookings"] = int(session.execute(text(OVERLAPS_SQL)).scalar() or 0)
            capacity = {
                row.id: row.capacity
                for row in session.execute(select(ActivitySession.id, ActivitySession.capacity))
            }
            rows = session.execute(
                select(
                    Signup.session_id,
                    Signup.person_id,
                    Signup.seats,
                    Signup.status,
                    Signup.waitlist_position,
                )
            ).all()
            by_session: dict[int, list[Any]] = defaultdict(list)
            for row in rows:
                by_session[row.session_id].append(row)
            over = duplicates = order = 0
            for session_id, rows_of in by_session.items():
                live = [r for r in rows_of if r.status in ("signed_up", "waitlisted")]
                seats = sum(r.seats for r in live if r.status == SignupStatus.SIGNED_UP.value)
                over += seats > capacity[session_id]
                persons = Counter(r.person_id for r in live)
                duplicates += sum(1 for n in persons.values() if n > 1)
                tickets = [r.waitlist_position for r in live if r.status == "waitlisted"]
                # Tickets unique, and nobody waits while a seat is free.
                order += len(tickets) != len(set(tickets)) or None in tickets
                order += bool(tickets) and seats < capacity[session_id]
            broken["sessions over capacity"] = over
            broken["duplicate signups"] = duplicates
            broken["waitlists out of order"] = order

            serials: dict[tuple[str, int], list[int]] = defaultdict(list)
            for kind, year, sequence in session.execute(
                select(Certificate.kind, Certificate.year, Certificate.sequence)
            ):
                serials[(str(kind), year)].append(sequence)
            broken["certificate serial gaps or duplicates"] = sum(
                sorted(numbers) != list(range(1, len(numbers) + 1)) for numbers in serials.values()
            )
            acknowledged = [tuple(i) for r in results for i in r["issued"]]
            stored = {(str(k), y, s) for (k, y), numbers in serials.items() for s in numbers}
            broken["acknowledged certificates missing"] = sum(
                (k, y, s) not in stored for k, y, s in acknowledged
            )

            codes = sorted(
                int(code[len(people.MEMBER_CODE_PREFIX) :])
                for code in session.scalars(select(Person.member_code))
                if code.startswith(people.MEMBER_CODE_PREFIX)
            )
            broken["member code gaps or duplicates"] = int(codes != list(range(1, len(codes) + 1)))
            registered = {c for r in results for c in r["registered"]}
            all_codes = set(session.scalars(select(Person.member_code)))
            broken["acknowledged registrations missing"] = len(registered - all_codes)

            made_up = {
                record_id: Decimal(amount) for r in results for record_id, amount in r["made_up"]
            }
            stored_hours = {
                row.id: row.hours
                for row in session.execute(
                    select(ServiceRecord.id, ServiceRecord.hours).where(
                        ServiceRecord.id.in_(list(made_up) or [0])
                    )
                )
            }
            broken["acknowledged make-up hours missing"] = sum(
                stored_hours.get(record_id) != amount for record_id, amount in made_up.items()
            )
            year = dt.date.today().year
            first, last = hours.year_span(year)
            in_year = session.scalar(
                select(func.coalesce(func.sum(ServiceRecord.hours), 0)).where(
                    ServiceRecord.day.between(first, last)
                )
            )
            totals = sum(
                (line.hours for line in hours.totals(session, _reader(session), first, last)),
                Decimal(0),
            )
            broken["hours totals unequal to their records"] = int(
                Decimal(totals) != Decimal(in_year or 0)
            )
    finally:
        db.dispose()
    return broken


def _reader(session: Session) -> Actor:
    from app.models import Account

    account = session.scalars(select(Account).where(Account.username == "staff")).one()
    return Actor(account.id, account.username, account.display_name, Role(account.role))


def soak(
    url: str, desks: int, seconds: float, *, fresh: bool = True, people_count: int = 120
) -> dict[str, Any]:
    """Make the database (unless it is `fresh` and migrated already), run the desks, check the
    rules; the figures."""
    started = time.monotonic()
    if fresh:
        fresh_database(url)
    world = set_up(url, people_count)
    results = race(
        desk_day, url, [(world, n, seconds) for n in range(desks)], timeout=seconds + 300
    )
    broken = check_rules(url, results)

    def total(key: str) -> dict[str, int]:
        summed = Counter[str]()
        for result in results:
            summed.update(result[key])
        return dict(sorted(summed.items()))

    return {
        "database": make_url(url).get_backend_name(),
        "desks": desks,
        "seconds": seconds,
        "wall seconds": round(time.monotonic() - started, 1),
        "done": total("done"),
        "refused by rule": total("refused"),
        "errors shown": total("errors"),
        "error samples": [s for r in results for s in r["error_samples"]][:10],
        "retried unseen": total("retried"),
        "rules broken": broken,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="database made afresh for the run")
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--minutes", type=float, default=10)
    options = parser.parse_args(argv)
    figures = soak(options.url, options.desks, options.minutes * 60)
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    ok = not any(figures["rules broken"].values()) and not figures["errors shown"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
