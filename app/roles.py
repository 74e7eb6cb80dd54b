"""Roles, the permission matrix every service checks, and the acting account.

No SQLAlchemy here: the first window (login, or the main window's title and navigation) needs
these before the database layer has loaded.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.errors import PermissionDenied
from app.i18n import translate

if TYPE_CHECKING:
    from app.models import Account


class Role(enum.StrEnum):
    DESK = "desk"  # 前台志愿者
    STAFF = "staff"  # 工作人员
    ADMIN = "admin"  # 管理员


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
    # Phone and ID numbers whole (the person editor); a desk volunteer sees them masked only.
    FULL_NUMBERS = "full_numbers"


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
    Permission.FULL_NUMBERS,
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
