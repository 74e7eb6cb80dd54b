"""The idle period after which every desk locks itself is the admin's setting for the whole
centre, on the centre's row (it was each machine's own setting)

Revision ID: 0012_idle_lock
Revises: 0011_safety
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_idle_lock"
down_revision = "0011_safety"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain column added in place; the range is checked by the service (app.services.centre).
    op.add_column(
        "centre",
        sa.Column("idle_lock_minutes", sa.Integer(), nullable=False, server_default="15"),
    )


def downgrade() -> None:
    op.drop_column("centre", "idle_lock_minutes")
