"""One clock: set in tests, the server's on a shared PostgreSQL database."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from app import clock
from app.db import Database
from tests.conftest import TEST_NOW


def test_the_fixture_clock_stands_still_until_moved(clock_at: clock.FixedClock) -> None:
    assert clock.now() == TEST_NOW and clock.today() == TEST_NOW.date()
    clock_at.advance(dt.timedelta(hours=15))
    assert clock.today() == TEST_NOW.date() + dt.timedelta(days=1)


def test_frozen_restores_the_clock_it_replaced() -> None:
    before = clock.current()
    with clock.frozen(dt.datetime(2030, 1, 1, 8, 0)):
        assert clock.today() == dt.date(2030, 1, 1)
    assert clock.current() is before


def test_a_desk_whose_clock_is_behind_reads_the_servers_day() -> None:
    """A desk PC three hours slow at 22:30 still agrees with the server that it is tomorrow."""
    server_offset = dt.timedelta(hours=3)
    server = clock.ServerClock(lambda: dt.datetime.now(dt.UTC) + server_offset)
    previous = clock.use(server)
    try:
        local = dt.datetime.now()
        assert abs(clock.now() - (local + server_offset)) < dt.timedelta(seconds=2)
    finally:
        clock.use(previous)


def test_a_server_that_does_not_answer_keeps_the_last_offset() -> None:
    answers = [dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)]

    def read() -> dt.datetime:
        if not answers:
            raise ConnectionError("server away")
        return answers.pop()

    server = clock.ServerClock(read, refresh_seconds=0)
    first = server.measure()
    assert dt.timedelta(minutes=9) < first < dt.timedelta(minutes=11)
    later = server.now()  # asks again, fails, keeps the offset
    assert abs(later - (dt.datetime.now() + first)) < dt.timedelta(seconds=2)


def test_the_database_says_which_clock_every_desk_follows(db: Database) -> None:
    server = db.server_clock()
    if db.dialect == "sqlite":
        assert server is None  # one file on one PC: that PC's clock
    else:
        assert server is not None
        assert abs(server.offset) < dt.timedelta(seconds=5)  # the server runs on this machine


def test_the_program_follows_the_databases_clock(db: Database) -> None:
    db.follow_its_clock()
    if db.dialect == "sqlite":
        assert isinstance(clock.current(), clock.SystemClock)
    else:
        assert isinstance(clock.current(), clock.ServerClock)
    assert abs(clock.now() - dt.datetime.now()) < dt.timedelta(seconds=5)


def test_an_unreachable_server_leaves_the_pcs_clock() -> None:
    away = Database("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    away.follow_its_clock()
    assert isinstance(clock.current(), clock.SystemClock)
    away.dispose()


def test_nothing_but_the_clock_reads_the_time() -> None:
    """Every "now" and "today" of the program comes from app.clock (tests set it there)."""
    root = Path(__file__).resolve().parent.parent
    reads = re.compile(r"\b(datetime|date)\.(now|today|utcnow)\(")
    found = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("app", "ui")
        for path in sorted((root / folder).rglob("*.py"))
        if path != root / "app" / "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if reads.search(line)
    ]
    assert found == []
