"""Passwords (a slow KDF) and the one rule for checking a login, shared by the login service and
the quick look at start-up (`app.quickstart`). Standard library only: no SQLAlchemy, no Qt."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import cache

from app import clock
from app.errors import ValidationError
from app.i18n import translate
from app.roles import Actor, Role

# scrypt with N=2**14, r=8, p=1 costs ~16 MiB and tens of milliseconds per guess.
_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_SCHEME = "scrypt"


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
    return "$".join(
        [_SCHEME, str(_SCRYPT_N), str(_SCRYPT_R), str(_SCRYPT_P), _b64(salt), _b64(digest)]
    )


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != _SCHEME:
            return False
        actual = _scrypt(password, _unb64(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, _unb64(digest))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


@dataclass(frozen=True)
class LoginRecord:
    """What a login needs of an account row, however it was read."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    password_hash: str
    # Until when five wrong passwords in a row keep the account shut (None: not locked).
    locked_until: dt.datetime | None = None


def login_name(username: str) -> str:
    """The user name as accounts are stored (typed names may differ in case and spaces)."""
    return username.strip().lower()


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the user name is unknown, so both paths cost the same."""
    return hash_password("not a real password")


def locked_message(until: dt.datetime) -> str:
    """The refusal while an account is locked, naming the minute it opens again."""
    shown = until.strftime("%H:%M" if until.date() == clock.today() else "%Y-%m-%d %H:%M")
    return translate(
        "Errors",
        "This account is locked for now. Please try again after %1, or ask an admin to unlock it.",
    ).replace("%1", shown)


def is_locked(locked_until: dt.datetime | None) -> bool:
    return locked_until is not None and locked_until > clock.now()


def check_login(account: LoginRecord | None, password: str) -> Actor:
    """The acting account when `password` opens `account` (the row of the typed user name, None
    when there is none), the account is active and not locked; otherwise ValidationError, with
    one message for every wrong name or password so that nobody can probe which user names
    exist. A locked account is refused even with the right password, saying until when. The
    password is checked in every case, so every refusal costs the same time."""
    stored = account.password_hash if account is not None else _dummy_hash()
    valid = verify_password(password, stored)
    if account is not None and is_locked(account.locked_until):
        assert account.locked_until is not None
        raise ValidationError("password", locked_message(account.locked_until))
    if account is None or not valid or not account.active:
        raise ValidationError("password", wrong_message())
    return Actor(account.id, account.username, account.display_name, Role(account.role))


def wrong_message() -> str:
    return translate("Errors", "Wrong user name or password. Please try again.")
