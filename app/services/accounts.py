"""Accounts and roles: login, create, change role, disable, reset password. Audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock, validation
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.models import Account, Role
from app.passwords import LoginRecord, check_login, login_name
from app.security import Actor, Permission, hash_password, verify_password
from app.services import audit


@dataclass(frozen=True)
class AccountRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    last_login_at: dt.datetime | None


def _row(account: Account) -> AccountRow:
    return AccountRow(
        account.id,
        account.username,
        account.display_name,
        Role(account.role),
        account.active,
        account.last_login_at,
    )


def login(session: Session, username: str, password: str) -> Actor:
    """The acting account for these credentials, its login recorded; ValidationError with one
    message for every failure (no user probing)."""
    account = session.scalar(select(Account).where(Account.username == login_name(username)))
    actor = check_login(_login_record(account) if account is not None else None, password)
    record_login(session, actor)
    return actor


def _login_record(account: Account) -> LoginRecord:
    return LoginRecord(
        account.id,
        account.username,
        account.display_name,
        account.role,
        account.active,
        account.password_hash,
    )


def acting(session: Session, actor: Actor) -> Actor:
    """The account as it is now: a role changed or an account disabled while it is signed in
    takes effect on its next service call (every call of a desk goes through here, each search
    keystroke too: one indexed row, read without building an ORM object)."""
    row = session.execute(
        select(Account.username, Account.display_name, Account.role, Account.active).where(
            Account.id == actor.account_id
        )
    ).first()
    if row is None or not row.active:
        raise PermissionDenied(
            translate(
                "Errors",
                "This account has been disabled or removed. Please sign in with another account.",
            )
        )
    return Actor(actor.account_id, row.username, row.display_name, Role(row.role))


def record_login(session: Session, actor: Actor) -> None:
    """Note a successful login on the account and in the audit log. `login` does it itself; the
    quick start (credentials checked by `app.quickstart` before the database layer is loaded)
    calls it once the database is open."""
    account = _get(session, actor.account_id)
    account.last_login_at = clock.now()
    audit.record(session, actor, "login", "account", account.id)


def record_failed_login(session: Session, username: str) -> None:
    """Audit a refused login; called in a transaction of its own, since the refusal rolls back."""
    account_id = session.scalar(select(Account.id).where(Account.username == login_name(username)))
    audit.record(session, None, "login_failed", "account", account_id, username=username[:40])


def has_accounts(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Account)))


def list_accounts(session: Session, actor: Actor) -> list[AccountRow]:
    actor.require(Permission.ACCOUNTS)
    return [_row(a) for a in session.scalars(select(Account).order_by(Account.username))]


def create_first_admin(session: Session, username: str, display_name: str, password: str) -> Actor:
    """The setup wizard's admin; refused once any account exists."""
    if has_accounts(session):
        raise ConflictError(translate("Errors", "This database already has accounts."))
    account = _new_account(session, username, display_name, Role.ADMIN, password)
    actor = Actor.of(account)
    audit.record(session, actor, "create", "account", account.id, role=Role.ADMIN.value)
    return actor


def create_account(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str,
) -> AccountRow:
    actor.require(Permission.ACCOUNTS)
    role = _role(role)
    account = _new_account(session, username, display_name, role, password)
    audit.record(session, actor, "create", "account", account.id, role=role.value)
    return _row(account)


def _role(value: Role | str) -> Role:
    """The role chosen in the account form; anything else is refused beside the field."""
    try:
        return Role(value)
    except ValueError:
        raise ValidationError(
            "role", translate("Errors", "Choose the account's role from the list.")
        ) from None


def _new_account(
    session: Session, username: str, display_name: str, role: Role, password: str
) -> Account:
    name = validation.username("username", username)
    shown = validation.required_text(
        "display_name", display_name, max_length=40, label=translate("Errors", "the name shown")
    )
    validation.new_password("password", password)
    if session.scalar(select(Account.id).where(Account.username == name)) is not None:
        raise ValidationError("username", translate("Errors", "This user name is already taken."))
    account = Account(
        username=name, display_name=shown, role=role.value, password_hash=hash_password(password)
    )
    session.add(account)
    session.flush()
    return account


def _get(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound(translate("Errors", "This account no longer exists."))
    return account


def _active_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Account)
            .where(Account.role == Role.ADMIN.value, Account.active.is_(True))
        )
        or 0
    )


def _guard_last_admin(session: Session, account: Account) -> None:
    if account.role == Role.ADMIN.value and account.active and _active_admins(session) <= 1:
        raise ConflictError(
            translate("Errors", "This is the last active admin account; it must stay an admin.")
        )


def change_role(session: Session, actor: Actor, account_id: int, role: Role) -> AccountRow:
    actor.require(Permission.ACCOUNTS)
    role = _role(role)
    account = _get(session, account_id)
    if account.role == role.value:
        return _row(account)
    _guard_last_admin(session, account)
    old = account.role
    account.role = role.value
    audit.record(session, actor, "update", "account", account.id, role=[old, role.value])
    return _row(account)


def set_active(session: Session, actor: Actor, account_id: int, active: bool) -> AccountRow:
    actor.require(Permission.ACCOUNTS)
    account = _get(session, account_id)
    if account.active == active:
        return _row(account)
    if not active:
        if account.id == actor.account_id:
            raise ConflictError(
                translate("Errors", "You can't disable the account you are signed in with.")
            )
        _guard_last_admin(session, account)
    account.active = active
    audit.record(session, actor, "enable" if active else "disable", "account", account.id)
    return _row(account)


def reset_password(session: Session, actor: Actor, account_id: int, password: str) -> None:
    actor.require(Permission.ACCOUNTS)
    account = _get(session, account_id)
    validation.new_password("password", password)
    account.password_hash = hash_password(password)
    account.must_change_password = account.id != actor.account_id
    audit.record(session, actor, "reset_password", "account", account.id)


def change_own_password(session: Session, actor: Actor, current: str, new: str) -> None:
    account = _get(session, actor.account_id)
    if not verify_password(current, account.password_hash):
        raise ValidationError("current", translate("Errors", "The current password is wrong."))
    validation.new_password("password", new)
    account.password_hash = hash_password(new)
    account.must_change_password = False
    audit.record(session, actor, "change_password", "account", account.id)
