"""Passwords, the acting account and the permission matrix every service checks.

They live in `app.passwords` and `app.roles`, which import no SQLAlchemy so that the first
window can use them before the database layer has loaded; this module gathers them.
"""

from __future__ import annotations

from app.passwords import hash_password as hash_password
from app.passwords import verify_password as verify_password
from app.roles import PERMISSIONS as PERMISSIONS
from app.roles import Actor as Actor
from app.roles import Permission as Permission
from app.roles import Role as Role
