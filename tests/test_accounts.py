"""Login, password storage and the account rules an admin relies on."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import ConflictError, ValidationError
from app.models import Account, AuditEvent, Role
from app.security import Actor, hash_password, verify_password
from app.services import accounts
from tests.conftest import PASSWORD


def _actions(db: Database) -> list[str]:
    with db.write() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


@pytest.mark.real_password_cost
def test_passwords_are_stored_as_slow_salted_hashes(db: Database, admin: Actor) -> None:
    with db.write() as session:
        stored = session.scalars(select(Account.password_hash)).one()
    assert PASSWORD not in stored
    assert stored.startswith("scrypt$16384$")
    assert verify_password(PASSWORD, stored)
    assert not verify_password(PASSWORD + "x", stored)
    assert hash_password(PASSWORD) != hash_password(PASSWORD)


def test_right_password_logs_in_and_is_audited(db: Database, admin: Actor) -> None:
    with db.write() as session:
        actor = accounts.login(session, " ADMIN ", PASSWORD)
    assert actor.role is Role.ADMIN
    assert _actions(db)[-1] == "login"


@pytest.mark.parametrize(("username", "password"), [("admin", "wrong"), ("nobody", PASSWORD)])
def test_wrong_credentials_give_one_message_and_no_login(
    db: Database, admin: Actor, username: str, password: str
) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        accounts.login(session, username, password)
    assert caught.value.field == "password"
    assert "密码" in caught.value.message
    assert "login" not in _actions(db)


def test_failed_login_is_recorded_apart(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError), db.write() as session:
        accounts.login(session, "admin", "wrong")
    with db.write() as session:
        assert session.scalar(select(Account.last_login_at)) is None
        accounts.record_failed_login(session, "admin")
    assert _actions(db)[-1] == "login_failed"


def test_disabled_account_cannot_log_in(db: Database, admin: Actor, desk: Actor) -> None:
    with db.write() as session:
        accounts.set_active(session, admin, desk.account_id, False)
    with pytest.raises(ValidationError), db.write() as session:
        accounts.login(session, "desk", PASSWORD)


def test_last_active_admin_stays(db: Database, admin: Actor, staff: Actor) -> None:
    for change in (
        lambda s: accounts.change_role(s, admin, admin.account_id, Role.STAFF),
        lambda s: accounts.set_active(s, admin, admin.account_id, False),
    ):
        with pytest.raises(ConflictError), db.write() as session:
            change(session)
    with db.write() as session:
        accounts.change_role(session, admin, staff.account_id, Role.ADMIN)
    second_admin = Actor(staff.account_id, staff.username, staff.display_name, Role.ADMIN)
    with db.write() as session:
        accounts.set_active(session, second_admin, admin.account_id, False)
        assert session.get(Account, admin.account_id).active is False  # type: ignore[union-attr]
    with pytest.raises(ConflictError), db.write() as session:
        accounts.set_active(session, second_admin, second_admin.account_id, False)


def test_duplicate_username_and_short_password_are_refused(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        accounts.create_account(session, admin, "Admin", "又一个", Role.DESK, "password123")
    assert caught.value.field == "username"
    with pytest.raises(ValidationError) as caught, db.write() as session:
        accounts.create_account(session, admin, "newbie", "新人", Role.DESK, "short")
    assert caught.value.field == "password"
    with db.write() as session:
        assert session.scalar(select(Account.id).where(Account.username == "newbie")) is None


def test_reset_and_change_password(db: Database, admin: Actor, desk: Actor) -> None:
    with db.write() as session:
        accounts.reset_password(session, admin, desk.account_id, "fresh password 2")
    with db.write() as session:
        actor = accounts.login(session, "desk", "fresh password 2")
        assert session.get(Account, desk.account_id).must_change_password  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as caught, db.write() as session:
        accounts.change_own_password(session, actor, "not it", "newer password 3")
    assert caught.value.field == "current"
    with db.write() as session:
        accounts.change_own_password(session, actor, "fresh password 2", "newer password 3")
    with db.write() as session:
        accounts.login(session, "desk", "newer password 3")
