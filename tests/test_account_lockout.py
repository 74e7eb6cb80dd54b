"""Five wrong passwords in a row lock an account for a while; an admin can unlock it at once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app import clock, passwords
from app.db import Database
from app.errors import PermissionDenied, ValidationError
from app.models import Account, AuditEvent
from app.security import Actor
from app.services import accounts
from tests.conftest import PASSWORD
from tests.processes import race

WRONG = "not the password"


def attempt(db: Database, username: str, password: str) -> Actor | ValidationError:
    """A login as every desk makes it: the refusal counted in a transaction of its own."""
    try:
        with db.write() as session:
            return accounts.login(session, username, password)
    except ValidationError as refusal:
        with db.write() as session:
            return accounts.record_failed_login(session, username) or refusal


def _account(db: Database, username: str) -> Account:
    with db.read() as session:
        account = session.scalars(select(Account).where(Account.username == username)).one()
        session.expunge(account)
        return account


def _actions(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_fifth_wrong_password_locks_until_a_named_minute(
    db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    for _ in range(4):
        refusal = attempt(db, "desk", WRONG)
        assert isinstance(refusal, ValidationError)
        assert refusal.message == passwords.wrong_message()
    assert _account(db, "desk").failed_logins == 4
    clock_at.advance(dt.timedelta(seconds=30))  # 09:30:30: the lock ends on a whole minute
    fifth = attempt(db, "desk", WRONG)
    assert isinstance(fifth, ValidationError)
    assert fifth.message == passwords.locked_message(dt.datetime(2026, 11, 25, 9, 46))
    assert "09:46" in fifth.message
    assert _account(db, "desk").locked_until == dt.datetime(2026, 11, 25, 9, 46)

    # While locked even the right password is refused, saying until when; the desk's idle lock
    # panel and the command line come through the same two calls.
    clock_at.advance(dt.timedelta(minutes=10))
    refused = attempt(db, "desk", PASSWORD)
    assert isinstance(refused, ValidationError)
    assert "09:46" in refused.message

    clock_at.set(dt.datetime(2026, 11, 25, 9, 46))
    assert isinstance(attempt(db, "desk", PASSWORD), Actor)
    account = _account(db, "desk")
    assert (account.failed_logins, account.locked_until) == (0, None)
    actions = _actions(db)
    assert actions.count("lock") == 1
    assert actions.count("login_failed") == 6
    assert actions[-1] == "login"


def test_a_right_password_resets_the_count(
    db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    for _ in range(4):
        attempt(db, "desk", WRONG)
    assert isinstance(attempt(db, "desk", PASSWORD), Actor)
    for _ in range(4):
        attempt(db, "desk", WRONG)
    assert isinstance(attempt(db, "desk", PASSWORD), Actor)
    assert "lock" not in _actions(db)


def test_lock_ends_by_itself_and_the_count_starts_again(
    db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    for _ in range(5):
        attempt(db, "desk", WRONG)
    clock_at.advance(accounts.LOCK_PERIOD + dt.timedelta(minutes=1))
    refusal = attempt(db, "desk", WRONG)
    assert isinstance(refusal, ValidationError)
    assert refusal.message == passwords.wrong_message()
    assert _account(db, "desk").failed_logins == 1


def test_unknown_name_answers_as_an_account_would(
    db: Database,
    admin: Actor,
    desk: Actor,
    clock_at: clock.FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked: list[str] = []
    verify = passwords.verify_password

    def counting(password: str, stored: str) -> bool:
        checked.append(password)
        return verify(password, stored)

    monkeypatch.setattr(passwords, "verify_password", counting)
    messages: dict[str, list[str]] = {}
    for name in ("desk", "nobody"):
        answers = [attempt(db, name, WRONG) for _ in range(6)]
        assert all(isinstance(answer, ValidationError) for answer in answers)
        messages[name] = [a.message for a in answers if isinstance(a, ValidationError)]
    assert messages["desk"] == messages["nobody"]
    assert messages["nobody"][3] == passwords.wrong_message()
    assert messages["nobody"][4] == passwords.locked_message(dt.datetime(2026, 11, 25, 9, 45))
    # A password was checked against a hash every time, for a name that exists or not: the same
    # work, so the same time.
    assert len(checked) == 12
    # The right password of an account doesn't open an unknown name's pretend lock either.
    assert "09:45" in str(attempt(db, "nobody", PASSWORD))


def test_admin_unlocks_and_it_is_audited(
    db: Database, admin: Actor, desk: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    for _ in range(5):
        attempt(db, "desk", WRONG)
    with db.read() as session:
        row = next(r for r in accounts.list_accounts(session, admin) if r.username == "desk")
    assert row.locked_until == dt.datetime(2026, 11, 25, 9, 45)
    with pytest.raises(PermissionDenied), db.write() as session:
        accounts.unlock(session, staff, desk.account_id)
    with db.write() as session:
        unlocked = accounts.unlock(session, admin, desk.account_id)
    assert unlocked.locked_until is None
    assert isinstance(attempt(db, "desk", PASSWORD), Actor)
    with db.read() as session:
        event = session.execute(
            select(AuditEvent.account_id, AuditEvent.entity_id).where(AuditEvent.action == "unlock")
        ).one()
    assert tuple(event) == (admin.account_id, desk.account_id)


def test_a_new_password_from_the_admin_unlocks(
    db: Database, admin: Actor, desk: Actor, clock_at: clock.FixedClock
) -> None:
    for _ in range(5):
        attempt(db, "desk", WRONG)
    with db.write() as session:
        accounts.reset_password(session, admin, desk.account_id, "a new password 2")
    assert isinstance(attempt(db, "desk", "a new password 2"), Actor)


def fail_logins(url: str, times: int) -> list[str]:
    """One desk (a process of its own) typing a wrong password `times` times."""
    db = Database(url)
    try:
        messages = []
        for _ in range(times):
            answer = attempt(db, "desk", WRONG)
            assert isinstance(answer, ValidationError)
            messages.append(answer.message)
        return messages
    finally:
        db.dispose()


def test_two_desks_failing_at_once_both_count(db: Database, db_url: str, desk: Actor) -> None:
    race(fail_logins, db_url, [(2,), (2,)])
    account = _account(db, "desk")
    assert (account.failed_logins, account.locked_until) == (4, None)

    # Six more at once: the fifth in all locks, and the sixth to tenth find it locked.
    answers = race(fail_logins, db_url, [(3,), (3,)])
    assert all(m != passwords.wrong_message() for answer in answers for m in answer)
    account = _account(db, "desk")
    assert account.locked_until is not None
    with db.read() as session:
        events = session.execute(select(AuditEvent.action, AuditEvent.detail)).all()
    details = [json.loads(detail) for action, detail in events if action == "login_failed"]
    assert sorted(d["attempt"] for d in details if "attempt" in d) == [1, 2, 3, 4, 5]
    assert sum("locked" in d for d in details) == 5
    assert [action for action, _ in events].count("lock") == 1


def test_the_quick_start_refuses_a_locked_account(
    db: Database, db_path: Path, desk: Actor, clock_at: clock.FixedClock
) -> None:
    """The automatic login read before the database layer loads (`app.quickstart`) obeys the
    lock as `accounts.login` does."""
    from app import paths, quickstart

    for _ in range(5):
        attempt(db, "desk", WRONG)
    quick = quickstart.look(paths.sqlite_url(db_path), ("desk", PASSWORD))
    assert quick is not None and isinstance(quick.login, ValidationError)
    assert "09:45" in quick.login.message
