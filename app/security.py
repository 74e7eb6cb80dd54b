"""Passwords (a slow KDF), the acting account, and the permission matrix every service checks."""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from app.errors import PermissionDenied
from app.i18n import translate
from app.models import Account, Role

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


class Permission(enum.StrEnum):
    RECEPTION = "reception"  # check visitors in, record requests
    EDIT_PEOPLE = "edit_people"  # register and edit people
    SIGNUPS = "signups"  # sign people up, take attendance
    PRINT_SHEETS = "print_sheets"  # sign-in sheets, member cards
    ROOMS = "rooms"  # book rooms, approve requests
    MENU = "menu"  # plan series, items and sessions
    VOLUNTEER_HOURS = "volunteer_hours"
    CERTIFICATES = "certificates"
    REPORTS = "reports"
    MERGE_PEOPLE = "merge_people"
    ACCOUNTS = "accounts"
    SETTINGS = "settings"  # centre profile, communities, rooms list, retention
    BACKUPS = "backups"
    IMPORT_EXPORT = "import_export"
    AUDIT_LOG = "audit_log"


_DESK = frozenset(
    {Permission.RECEPTION, Permission.EDIT_PEOPLE, Permission.SIGNUPS, Permission.PRINT_SHEETS}
)
_STAFF = _DESK | {
    Permission.ROOMS,
    Permission.MENU,
    Permission.VOLUNTEER_HOURS,
    Permission.CERTIFICATES,
    Permission.REPORTS,
    Permission.MERGE_PEOPLE,
}
_ADMIN = frozenset(Permission)

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DESK: _DESK,
    Role.STAFF: frozenset(_STAFF),
    Role.ADMIN: _ADMIN,
}


@dataclass(frozen=True)
class Actor:
    """The account acting on a service call, detached from any database session."""

    account_id: int
    username: str
    display_name: str
    role: Role

    @classmethod
    def of(cls, account: Account) -> Actor:
        return cls(account.id, account.username, account.display_name, Role(account.role))

    def may(self, permission: Permission) -> bool:
        return permission in PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDenied(
                translate("Errors", "Your account may not do this. Ask a staff member or admin.")
            )
