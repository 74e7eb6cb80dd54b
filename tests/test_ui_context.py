"""The one way from a desk into a service: read or write, the account as it is now, and a
database that fails said in words."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import settings as settings_module
from app.db import Database, ReadOnlyTransaction
from app.errors import DatabaseProblem, PermissionDenied
from app.models import Account, Role
from app.security import Actor
from app.services import accounts
from ui.context import DeskContext


class Line:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def show_error(self, text: str) -> None:
        self.errors.append(text)


def _context(db: Database, actor: Actor) -> DeskContext:
    return DeskContext(db, actor, settings_module.load())


def _set(db: Database, username: str, **values: object) -> None:
    with db.write() as session:
        account = session.scalars(select(Account).where(Account.username == username)).one()
        for name, value in values.items():
            setattr(account, name, value)


def test_a_demoted_admin_loses_the_admins_rights_at_the_next_call(
    db: Database, admin: Actor, staff: Actor
) -> None:
    context = _context(db, staff)
    _set(db, "staff", role=Role.ADMIN.value)  # promoted by another admin while signed in
    rows = context.run(lambda s, a: accounts.list_accounts(s, a), write=False)
    assert len(rows) == 2 and context.actor.role is Role.ADMIN

    _set(db, "staff", role=Role.DESK.value)  # and demoted again
    line = Line()
    with pytest.raises(PermissionDenied):
        context.run(lambda s, a: accounts.list_accounts(s, a), write=False, status=line)
    assert context.actor.role is Role.DESK
    assert line.errors == ["您的账号无权进行此操作。请找工作人员或管理员。"]


def test_a_disabled_account_can_do_nothing_more(db: Database, admin: Actor, desk: Actor) -> None:
    context = _context(db, desk)
    _set(db, "desk", active=False)
    calls: list[Actor] = []
    with pytest.raises(PermissionDenied, match="停用"):
        context.run(lambda s, a: calls.append(a), write=False)
    assert calls == []


def test_a_read_may_not_write(db: Database, admin: Actor) -> None:
    context = _context(db, admin)

    def sneaky(session: Session, actor: Actor) -> None:
        session.get(Account, actor.account_id).display_name = "改了"  # type: ignore[union-attr]
        session.flush()

    with pytest.raises(ReadOnlyTransaction):
        context.run(sneaky, write=False)
    with db.read() as session:
        assert session.get(Account, admin.account_id).display_name == "管理员"  # type: ignore[union-attr]


def test_a_database_that_fails_is_said_in_words_and_nothing_is_written(
    db: Database, admin: Actor
) -> None:
    context = _context(db, admin)
    line = Line()

    def broken(session: Session, actor: Actor) -> None:
        accounts.record_login(session, actor)
        session.execute(text("SELECT * FROM no_such_table"))

    with pytest.raises(DatabaseProblem) as raised:
        context.run(broken, write=True, status=line)
    assert raised.value.message.startswith("The database could not be written, so nothing")
    assert line.errors == [raised.value.message]
    with db.read() as session:
        assert session.get(Account, admin.account_id).last_login_at is None  # type: ignore[union-attr]
