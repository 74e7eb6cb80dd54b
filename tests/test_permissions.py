"""Every service refuses a role that may not act, and writes nothing when it does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import PermissionDenied
from app.models import AuditEvent, Role
from app.security import PERMISSIONS, Actor, Permission
from app.services import accounts, audit, centre, communities

Call = Callable[[Session, Actor], object]

# (permission the call needs, the call)
CALLS: dict[str, tuple[Permission, Call]] = {
    "list accounts": (Permission.ACCOUNTS, lambda s, a: accounts.list_accounts(s, a)),
    "create account": (
        Permission.ACCOUNTS,
        lambda s, a: accounts.create_account(s, a, "newbie", "新人", Role.DESK, "password123"),
    ),
    "change role": (Permission.ACCOUNTS, lambda s, a: accounts.change_role(s, a, 3, Role.STAFF)),
    "disable account": (Permission.ACCOUNTS, lambda s, a: accounts.set_active(s, a, 3, False)),
    "reset password": (
        Permission.ACCOUNTS,
        lambda s, a: accounts.reset_password(s, a, 3, "another pass 1"),
    ),
    "update centre": (
        Permission.SETTINGS,
        lambda s, a: centre.update_profile(s, a, centre.CentreProfile("改名", "", "", "", "")),
    ),
    "add community": (Permission.SETTINGS, lambda s, a: communities.add_community(s, a, "新社区")),
    "rename community": (
        Permission.SETTINGS,
        lambda s, a: communities.rename_community(s, a, 1, "改名社区"),
    ),
    "deactivate community": (
        Permission.SETTINGS,
        lambda s, a: communities.set_community_active(s, a, 1, False),
    ),
    "add building group": (
        Permission.SETTINGS,
        lambda s, a: communities.add_building_group(s, a, 1, "9号楼组"),
    ),
    "rename building group": (
        Permission.SETTINGS,
        lambda s, a: communities.rename_building_group(s, a, 1, "改名楼组"),
    ),
    "deactivate building group": (
        Permission.SETTINGS,
        lambda s, a: communities.set_building_group_active(s, a, 1, False),
    ),
    "read audit log": (Permission.AUDIT_LOG, lambda s, a: audit.recent(s, a)),
}


def test_roles_grow_desk_to_staff_to_admin() -> None:
    assert PERMISSIONS[Role.DESK] < PERMISSIONS[Role.STAFF] < PERMISSIONS[Role.ADMIN]
    assert Permission.ACCOUNTS not in PERMISSIONS[Role.STAFF]
    assert Permission.RECEPTION in PERMISSIONS[Role.DESK]


@pytest.fixture
def actors(db: Database, admin: Actor, staff: Actor, desk: Actor) -> dict[Role, Actor]:
    with db.write() as session:
        row = communities.add_community(session, admin, "桃园社区")
        communities.add_building_group(session, admin, row.id, "1号楼组")
    return {Role.ADMIN: admin, Role.STAFF: staff, Role.DESK: desk}


@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("role", list(Role))
def test_permission_matrix(db: Database, actors: dict[Role, Actor], role: Role, name: str) -> None:
    permission, call = CALLS[name]
    actor = actors[role]
    with db.write() as session:
        events_before = session.scalar(select(func.count()).select_from(AuditEvent))
    if permission in PERMISSIONS[role]:
        with db.write() as session:
            call(session, actor)
        return
    with pytest.raises(PermissionDenied), db.write() as session:
        call(session, actor)
    with db.write() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == events_before
