"""Accounts and roles: login, create, change role, disable, reset password, unlock. Audited.

Five wrong passwords in a row lock an account for LOCK_PERIOD. Fifteen minutes: a guesser gets
at most 5 tries a quarter of an hour (480 a day against passwords of 8 or more characters), while
a volunteer who typed with Caps Lock on is back before the queue at the desk has grown, and an
admin can unlock at once from the accounts page. A correct password resets the count; while the
account is locked even the correct password is refused, with the minute it opens again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock, validation
from app.db import locked
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.models import Account, AuditEvent, Role
from app.passwords import LoginRecord, check_login, is_locked, locked_message, login_name
from app.security import Actor, Permission, hash_password, verify_password
from app.services import audit

MAX_FAILED_LOGINS = 5
LOCK_PERIOD = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class AccountRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    last_login_at: dt.datetime | None
    # Until when the account is locked after too many wrong passwords; None when it isn't.
    locked_until: dt.datetime | None = None
    failed_logins: int = 0


def _row(account: Account) -> AccountRow:
    return AccountRow(
        account.id,
        account.username,
        account.display_name,
        Role(account.role),
        account.active,
        account.last_login_at,
        account.locked_until if is_locked(account.locked_until) else None,
        account.failed_logins or 0,
    )


def login(session: Session, username: str, password: str) -> Actor:
    """The acting account for these credentials, its login recorded; ValidationError with one
    message for every wrong name or password (no user probing), or saying until when the
    account is locked. The caller records a refusal with `record_failed_login` in a transaction
    of its own, since the refused login's transaction rolls back."""
    name = login_name(username)
    account = session.scalar(select(Account).where(Account.username == name))
    try:
        actor = check_login(_login_record(account) if account is not None else None, password)
    except ValidationError:
        if account is None and (until := _unknown_name_locked_until(session, name)) is not None:
            raise ValidationError("password", locked_message(until)) from None
        raise
    assert account is not None
    if account.failed_logins or account.locked_until is not None:
        account.failed_logins = 0
        account.locked_until = None
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
        account.locked_until,
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


def record_failed_login(session: Session, username: str) -> ValidationError | None:
    """Count and audit a refused login, in a writing transaction of its own (the refusal's own
    rolls back). The account's row is locked first, so two desks failing at once both count. The
    fifth wrong password in a row locks the account; the refusal to show then is returned (the
    caller shows it instead of the wrong-password one). An unknown user name gets the same
    answers after the same number of tries, so a lock message doesn't betray which names exist."""
    name = login_name(username)[:40]
    account_id = session.scalar(select(Account.id).where(Account.username == name))
    if account_id is None:
        return _unknown_name_failed(session, name)
    account = locked(session, Account, account_id)
    if account is None:
        return _unknown_name_failed(session, name)
    if is_locked(account.locked_until):
        audit.record(session, None, "login_failed", "account", account.id, username=name, locked=1)
        return ValidationError("password", locked_message(account.locked_until))
    attempts = (account.failed_logins or 0) + 1
    audit.record(
        session, None, "login_failed", "account", account.id, username=name, attempt=attempts
    )
    if attempts < MAX_FAILED_LOGINS:
        account.failed_logins = attempts
        return None
    until = _lock_end(clock.now())
    account.failed_logins = 0
    account.locked_until = until
    audit.record(session, None, "lock", "account", account.id, username=name, until=until)
    return ValidationError("password", locked_message(until))


def _lock_end(now: dt.datetime) -> dt.datetime:
    """LOCK_PERIOD from now, up to the next whole minute: the message names that minute."""
    end = now + LOCK_PERIOD
    if end.second or end.microsecond:
        end = end.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return end


def _unknown_name_detail(name: str) -> str:
    return json.dumps({"username": name}, ensure_ascii=False, sort_keys=True)


def _unknown_name_failed(session: Session, name: str) -> ValidationError | None:
    until = _unknown_name_locked_until(session, name)
    if until is not None:
        audit.record(session, None, "login_failed", "account", None, username=name, locked=1)
        return ValidationError("password", locked_message(until))
    audit.record(session, None, "login_failed", "account", None, username=name)
    session.flush()
    until = _unknown_name_locked_until(session, name)
    return ValidationError("password", locked_message(until)) if until is not None else None


def _unknown_name_locked_until(session: Session, name: str) -> dt.datetime | None:
    """A user name no account has answers as if it had one: MAX_FAILED_LOGINS refusals of it
    within LOCK_PERIOD "lock" it until LOCK_PERIOD after the last of them (read from the audit
    log, the only place such a name is kept)."""
    now = clock.now()
    times = list(
        session.scalars(
            select(AuditEvent.at)
            .where(
                AuditEvent.action == "login_failed",
                AuditEvent.entity == "account",
                AuditEvent.entity_id.is_(None),
                AuditEvent.at > now - LOCK_PERIOD,
                AuditEvent.detail == _unknown_name_detail(name[:40]),
            )
            .order_by(AuditEvent.at)
            .limit(MAX_FAILED_LOGINS)
        )
    )
    if len(times) < MAX_FAILED_LOGINS:
        return None
    until = _lock_end(times[-1])
    return until if until > now else None


def unlock(session: Session, actor: Actor, account_id: int) -> AccountRow:
    """An admin lets a locked account in again at once (and forgets its wrong passwords)."""
    actor.require(Permission.ACCOUNTS)
    account = locked(session, Account, account_id)
    if account is None:
        raise NotFound(translate("Errors", "This account no longer exists."))
    was_locked = is_locked(account.locked_until)
    if was_locked or account.failed_logins:
        audit.record(
            session,
            actor,
            "unlock",
            "account",
            account.id,
            username=account.username,
            was_locked=int(was_locked),
        )
    account.failed_logins = 0
    account.locked_until = None
    return _row(account)


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
    # A new password from the admin opens a locked account: that is why it was asked for.
    unlocked = is_locked(account.locked_until)
    account.failed_logins = 0
    account.locked_until = None
    if unlocked:
        audit.record(session, actor, "reset_password", "account", account.id, unlocked=1)
    else:
        audit.record(session, actor, "reset_password", "account", account.id)


def change_own_password(session: Session, actor: Actor, current: str, new: str) -> None:
    account = _get(session, actor.account_id)
    if not verify_password(current, account.password_hash):
        raise ValidationError("current", translate("Errors", "The current password is wrong."))
    validation.new_password("password", new)
    account.password_hash = hash_password(new)
    account.must_change_password = False
    audit.record(session, actor, "change_password", "account", account.id)
