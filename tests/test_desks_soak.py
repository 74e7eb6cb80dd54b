"""A short soak: four desks (processes) doing a day's mixed work for 20 seconds against the db
fixture's database (SQLite file or PostgreSQL), then every rule checked and no error shown that
a retry would have avoided. The 10-minute run is `python -m tests.soak.soak` (README)."""

from __future__ import annotations

from app.db import Database
from tests.soak.soak import soak


def test_four_desks_doing_a_days_work_keep_every_rule_and_show_no_error(db: Database) -> None:
    db.dispose()
    figures = soak(db.url, desks=4, seconds=20, fresh=False, people_count=50)
    print(figures)
    assert figures["errors shown"] == {}, figures["error samples"]
    assert figures["rules broken"] and not any(figures["rules broken"].values())
    done = figures["done"]
    assert {"check-in", "book", "sign up", "certificate", "make-up hours"} <= set(done)
    # The desks did race: bookings clashed and were refused, not written twice.
    assert figures["refused by rule"].get("book: BookingConflict", 0) > 0
