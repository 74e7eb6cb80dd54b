"""Passwords (a slow KDF) and the one rule for checking a login, shared by the login service and
the quick look at start-up (`app.quickstart`). Standard library only: no SQLAlchemy, no Qt."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import cache

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


def login_name(username: str) -> str:
    """The user name as accounts are stored (typed names may differ in case and spaces)."""
    return username.strip().lower()


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the user name is unknown, so both paths cost the same."""
    return hash_password("not a real password")


def check_login(account: LoginRecord | None, password: str) -> Actor:
    """The acting account when `password` opens `account` (the row of the typed user name, None
    when there is none) and the account is active; otherwise ValidationError, with one message
    for every failure so that nobody can probe which user names exist."""
    stored = account.password_hash if account is not None else _dummy_hash()
    valid = verify_password(password, stored)
    if account is None or not valid or not account.active:
        raise ValidationError(
            "password", translate("Errors", "Wrong user name or password. Please try again.")
        )
    return Actor(account.id, account.username, account.display_name, Role(account.role))
