"""The roster import writes in short batches: another desk's check-in goes through while it runs,
a failure, a crash or a stop between batches leaves whole batches and says exactly which, all or
nothing writes nothing when a row has an error, and a row taken by another desk meanwhile is
matched instead of doubled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import counters
from app.db import Database
from app.errors import ConflictError
from app.i18n import translate
from app.models import AuditEvent, Person, PersonSearchKey, Purpose, Visit
from app.progress import Cancelled, Progress
from app.security import Actor
from app.services import calls, people, reception, roster
from app.services.people import PersonInput
from app.services.roster import ImportMode, RosterPreview, RowStatus, StopReason, writing
from tests.test_roster import id_number

ROOT = Path(__file__).resolve().parents[1]
HEADER = ("姓名", "性别", "出生年份", "手机")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰"


def person_row(number: int) -> list[object]:
    """The `number`-th person of a made-up roster: a unique phone, a name from it."""
    name = SURNAMES[number % 20] + GIVEN[(number // 20) % 20] + GIVEN[(number // 400) % 20]
    return [name, "男女"[number % 2], 1940 + number % 60, f"139{number:08d}"]


def big_roster(rows: int) -> RosterPreview:
    return RosterPreview.from_rows(HEADER, [person_row(n) for n in range(1, rows + 1)])


def count(db: Database, model: Any, *where: Any) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def events(db: Database, action: str) -> list[dict[str, Any]]:
    with db.read() as session:
        return [
            json.loads(event.detail)
            for event in session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
            )
        ]


def codes(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Person.member_code).order_by(Person.member_code)))


def writing_phrase() -> str:
    return translate("Roster", "Writing the rows")


def on_writing(action: Callable[[int], None]) -> Progress:
    """A Progress that calls `action(rows written)` once for each count of rows written so far
    (before each batch, and at the end)."""
    seen: set[int] = set()

    def report(done: int, _total: int, phrase: str) -> None:
        if phrase == writing_phrase() and done not in seen:
            seen.add(done)
            action(done)

    return Progress(report)


def test_a_large_roster_is_written_in_batches_with_consecutive_codes(
    db: Database, admin: Actor
) -> None:
    preview = big_roster(2_500)
    result = roster.import_roster(db, admin, preview, preview.mapping, batch_rows=1_000)
    assert result.written and result.stopped is None
    assert (result.added, result.rows_written, result.rows_planned) == (2_500, 2_500, 2_500)
    assert result.code_ranges == (("YL000001", "YL002500"),)
    assert (result.first_code, result.last_code) == ("YL000001", "YL002500")
    assert codes(db) == [f"YL{n:06d}" for n in range(1, 2_501)]
    assert count(db, Person) == 2_500
    with db.read() as session:
        keyed = session.scalar(select(func.count(func.distinct(PersonSearchKey.person_id))))
    assert keyed == 2_500
    parts = events(db, "import_part")
    assert [(p["part"], p["rows"], p["first_code"], p["last_code"]) for p in parts] == [
        (1, 1_000, "YL000001", "YL001000"),
        (2, 1_000, "YL001001", "YL002000"),
    ]
    (done,) = events(db, "import")
    assert (done["added"], done["rows"], done["parts"]) == (2_500, 2_500, 3)
    assert (done["first_code"], done["last_code"]) == ("YL000001", "YL002500")
    assert roster.summary(result).startswith("已导入：新居民 2500 位")


def test_a_check_in_at_another_desk_goes_through_while_10000_rows_are_written(
    db: Database, db_url: str, admin: Actor, desk: Actor
) -> None:
    with db.write() as session:
        zhang = people.register(
            session, admin, PersonInput(name="张三", phone="13812345678", consent=True)
        )
    preview = big_roster(10_000)
    writing_started: list[float] = []
    progress = on_writing(lambda _done: writing_started.append(time.perf_counter()))
    other_desk = Database(db_url)  # another desk: its own engine and connections
    check_ins: list[tuple[float, float]] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def check_in_again_and_again() -> None:
        while not stop.is_set():
            began = time.perf_counter()
            try:
                calls.write(
                    other_desk,
                    desk,
                    lambda session, acting: reception.check_in(
                        session, acting, zhang.id, Purpose.OTHER, confirm_duplicate=True
                    ),
                )
            except BaseException as error:
                failures.append(error)
                return
            check_ins.append((began, time.perf_counter()))
            time.sleep(0.01)

    thread = threading.Thread(target=check_in_again_and_again)
    thread.start()
    try:
        result = roster.import_roster(db, admin, preview, preview.mapping, progress=progress)
        finished = time.perf_counter()
    finally:
        stop.set()
        thread.join()
        other_desk.dispose()
    assert failures == []
    assert result.added == 10_000 and result.stopped is None
    started = writing_started[0]
    during = [(b, e) for b, e in check_ins if b >= started and e <= finished]
    waits = [e - b for b, e in during]
    # While the rows were being written, check-ins went in between the batches: several
    # started and finished within the writing, none waited for anything like the whole of it.
    assert len(during) >= 3, (len(check_ins), finished - started)
    assert max(waits) < max(0.5 * (finished - started), 0.2), (max(waits), finished - started)
    assert max(waits) < 3.0
    assert count(db, Visit) == len(check_ins)


def test_a_database_failure_between_batches_leaves_whole_batches_and_says_so(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = writing._write
    batches: list[int] = []

    def failing_third(session: Session, rows: Sequence[Any], keys: Any = None) -> Any:
        batches.append(len(rows))
        if len(batches) == 3:
            original(session, rows, keys)  # its rows go in, then the database gives out
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return original(session, rows, keys)

    monkeypatch.setattr(writing, "_write", failing_third)
    preview = big_roster(1_000)
    result = roster.import_roster(db, admin, preview, preview.mapping, batch_rows=300)
    assert result.stopped is StopReason.FAILED and result.written
    assert (result.rows_written, result.rows_planned, result.added) == (600, 1_000, 600)
    assert result.code_ranges == (("YL000001", "YL000600"),)
    assert result.last_row == 601  # the sheet's row of the 600th person (the header is row 1)
    assert count(db, Person) == 600
    assert codes(db)[-1] == "YL000600"
    with db.read() as session:
        assert counters.peek(session, counters.MEMBER_CODE) == 600  # the third batch's went back
    text = roster.summary(result)
    assert "600" in text and "1,000" in text and "YL000001–YL000600" in text and "601" in text
    assert "数据库" in result.problem
    assert len(events(db, "import_part")) == 2
    (stopped,) = events(db, "import")
    assert stopped["stopped"] == "failed" and stopped["added"] == 600
    # Importing the same file again finishes it, without doubling anyone.
    monkeypatch.setattr(writing, "_write", original)
    again = roster.import_roster(db, admin, preview, preview.mapping, batch_rows=300)
    assert again.stopped is None and again.added == 400 and again.report.matched == 600
    assert count(db, Person) == 1_000


def test_a_failure_in_the_first_batch_writes_nothing_and_is_raised(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(session: Session, rows: Sequence[Any], keys: Any = None) -> Any:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(writing, "_write", failing)
    preview = big_roster(50)
    with pytest.raises(OperationalError):
        roster.import_roster(db, admin, preview, preview.mapping, batch_rows=20)
    assert count(db, Person) == 0 and events(db, "import_part") == []


CRASH = """
import os, sys
from app.db import Database
from app.roles import Actor, Role
from app.services import roster
from app.services.roster import writing
from tests.test_roster_batches import big_roster

url, account_id = sys.argv[1], int(sys.argv[2])
original = writing._write
written = []

def crash_in_third(session, rows, keys=None):
    part = original(session, rows, keys)
    written.append(len(rows))
    if len(written) == 3:
        os._exit(7)  # the process dies inside the third batch's transaction, its rows inserted
    return part

writing._write = crash_in_third
preview = big_roster(1_000)
actor = Actor(account_id, "admin", "管理员", Role.ADMIN)
roster.import_roster(Database(url), actor, preview, preview.mapping, batch_rows=250)
sys.exit(0)
"""


def test_a_crash_inside_a_batch_leaves_only_the_whole_batches_before_it(
    db: Database, db_url: str, admin: Actor
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CRASH, db_url, str(admin.account_id)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 7, done.stderr
    assert count(db, Person) == 500
    assert codes(db) == [f"YL{n:06d}" for n in range(1, 501)]
    with db.read() as session:
        keyed = session.scalar(select(func.count(func.distinct(PersonSearchKey.person_id))))
        assert counters.peek(session, counters.MEMBER_CODE) == 500
    assert keyed == 500
    parts = events(db, "import_part")
    assert [(p["part"], p["first_row"], p["last_row"]) for p in parts] == [
        (1, 2, 251),
        (2, 252, 501),
    ]
    assert events(db, "import") == []  # the summary would have come with the last batch


def test_stop_between_batches_keeps_the_written_ones_and_says_so(
    db: Database, admin: Actor
) -> None:
    progress: Progress

    def stop_after_two(done: int) -> None:
        if done >= 400:
            progress.cancel()

    progress = on_writing(stop_after_two)
    preview = big_roster(1_000)
    result = roster.import_roster(
        db, admin, preview, preview.mapping, batch_rows=200, progress=progress
    )
    assert result.stopped is StopReason.CANCELLED
    assert (result.rows_written, result.added) == (400, 400)
    assert count(db, Person) == 400
    text = roster.summary(result)
    assert "按您的要求" in text and "YL000001–YL000400" in text
    (stopped,) = events(db, "import")
    assert stopped["stopped"] == "cancelled" and stopped["added"] == 400


def test_stop_before_anything_is_written_raises_cancelled(db: Database, admin: Actor) -> None:
    progress = Progress()
    progress.cancel()
    preview = big_roster(100)
    with pytest.raises(Cancelled):
        roster.import_roster(db, admin, preview, preview.mapping, progress=progress)
    assert count(db, Person) == 0 and events(db, "import") == []


def test_all_or_nothing_checks_every_row_before_writing_any(db: Database, admin: Actor) -> None:
    rows = [person_row(n) for n in range(1, 1_201)]
    rows[1_100][3] = "12345"  # one bad phone, in what would be the last batch
    preview = RosterPreview.from_rows(HEADER, rows)
    result = roster.import_roster(
        db, admin, preview, preview.mapping, ImportMode.ALL_OR_NOTHING, batch_rows=500
    )
    assert not result.written and result.report.errors == 1
    assert count(db, Person) == 0 and events(db, "import_part") == []
    rows[1_100][3] = "13812340000"
    preview = RosterPreview.from_rows(HEADER, rows)
    result = roster.import_roster(
        db, admin, preview, preview.mapping, ImportMode.ALL_OR_NOTHING, batch_rows=500
    )
    assert result.written and result.added == 1_200 and result.stopped is None


def id_roster(rows: int) -> tuple[RosterPreview, list[str]]:
    """People with ID numbers (born on 1 January 1950), for the tests of rows taken meanwhile."""
    ids = [id_number(f"31010119500101{n:03d}") for n in range(1, rows + 1)]
    body = [[*person_row(n)[:1], None, None, None, ids[n - 1]] for n in range(1, rows + 1)]
    return RosterPreview.from_rows(("姓名", "性别", "出生年份", "手机", "身份证号"), body), ids


def test_a_row_registered_at_another_desk_meanwhile_is_matched_not_doubled(
    db: Database, admin: Actor
) -> None:
    preview, ids = id_roster(30)
    name = str(preview.rows[25][1][0])

    def register_meanwhile(done: int) -> None:
        if done == 10:  # between the first batch and the second: another desk registers row 27
            with db.write() as session:
                people.register(
                    session, admin, PersonInput(name=name, id_number=ids[25], consent=True)
                )

    result = roster.import_roster(
        db, admin, preview, preview.mapping, batch_rows=10, progress=on_writing(register_meanwhile)
    )
    assert result.stopped is None and result.added == 29
    assert count(db, Person) == 30 and count(db, Person, Person.id_number == ids[25]) == 1
    assert result.report.statuses()[27] is RowStatus.MATCHED
    assert any(i.row == 27 and "是同一人" in roster.issue_text(i) for i in result.report.issues)


def test_all_or_nothing_stops_at_a_row_taken_by_another_name_meanwhile(
    db: Database, admin: Actor
) -> None:
    preview, ids = id_roster(30)

    def register_meanwhile(done: int) -> None:
        if done == 20:
            with db.write() as session:
                people.register(
                    session, admin, PersonInput(name="另一人", id_number=ids[25], consent=True)
                )

    result = roster.import_roster(
        db,
        admin,
        preview,
        preview.mapping,
        ImportMode.ALL_OR_NOTHING,
        batch_rows=10,
        progress=on_writing(register_meanwhile),
    )
    # Row 27 is the 26th person: in the third batch, which is not written.
    assert result.stopped is StopReason.FAILED and result.rows_written == 20
    assert "27" in result.problem and "另一人" in result.problem
    assert count(db, Person) == 21  # two batches, and the other desk's person
    assert "27" in roster.summary(result)


def test_a_conflict_raised_in_the_first_batch_writes_nothing(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def conflicting(session: Session, rows: Sequence[Any], keys: Any = None) -> Any:
        raise ConflictError("someone else")

    monkeypatch.setattr(writing, "_write", conflicting)
    preview = big_roster(5)
    with pytest.raises(ConflictError):
        roster.import_roster(db, admin, preview, preview.mapping)
    assert count(db, Person) == 0
