"""Migration 0005: every person on file gets the sort key the register is ordered by."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app import migrate, paths
from app.db import Database
from app.pinyin import sort_text
from app.services.register import RegisterFilter, RegisterPages

NAMES = ["安素珍", "艾海红", "阿秀云", "单雄信"]


def test_people_on_file_get_their_sort_key_and_are_listed_in_dictionary_order(
    tmp_path: Path,
) -> None:
    db = Database(paths.sqlite_url(tmp_path / "old.sqlite3"))
    migrate.upgrade(db, "0004_counters")
    with db.engine.begin() as connection:
        for number, name in enumerate(NAMES, start=1):
            connection.execute(
                text(
                    "INSERT INTO person (member_code, name, address, consent, active, note,"
                    " created_at, updated_at) VALUES (:code, :name, '', 1, 1, '',"
                    " '2026-01-01 09:00:00', '2026-01-01 09:00:00')"
                ),
                {"code": f"YL{number:06d}", "name": name},
            )
        connection.execute(  # merged away: no keys, no place in the register
            text(
                "INSERT INTO person (member_code, name, address, consent, active, note,"
                " created_at, updated_at) VALUES ('YL000009', '阿秀云', '', 1, 0, '',"
                " '2026-01-01 09:00:00', '2026-01-01 09:00:00')"
            )
        )
    migrate.upgrade(db)
    with db.engine.connect() as connection:
        keys = dict(
            connection.execute(
                text(
                    "SELECT p.name, k.key FROM person_search_key k JOIN person p"
                    " ON p.id = k.person_id WHERE k.kind = 'sort'"
                )
            ).all()
        )
        assert keys == {name: sort_text(name) for name in NAMES}
        assert (
            connection.execute(
                text("SELECT count(*) FROM person_search_key WHERE kind = 'sort'")
            ).scalar()
            == 4
        )
    with db.read() as session:
        pages = RegisterPages(session, RegisterFilter())
        names = [row.name for row in pages.next_page(session)]
    assert names == ["阿秀云", "艾海红", "安素珍", "单雄信"]
    # The kinds a key may have are still checked.
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO person_search_key (person_id, kind, key) VALUES (1, 'other', 'x')")
        )
    db.dispose()
