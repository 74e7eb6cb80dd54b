"""Safety: accounts remember failed logins and stay locked for a while after five; requests copy
their community (as visits do) and can be anonymised in place, so statistics by community stay
when the retention period removes the person

Revision ID: 0011_safety
Revises: 0010_statistics_indexes
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_safety"
down_revision = "0010_statistics_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "account", sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column("account", sa.Column("locked_until", sa.DateTime(), nullable=True))
    # In place with plain SQL: rebuilding `request` would trip the foreign keys pointing at it.
    op.execute(
        "ALTER TABLE request ADD COLUMN community_id INTEGER CONSTRAINT"
        " fk_request_community_id_community REFERENCES community (id)"
    )
    op.add_column(
        "request",
        sa.Column("anonymised", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(
        "UPDATE request SET community_id ="
        " (SELECT person.community_id FROM person WHERE person.id = request.person_id)"
        " WHERE person_id IS NOT NULL"
    )
    op.create_index("ix_request_community_id", "request", ["community_id"])


def downgrade() -> None:
    op.drop_index("ix_request_community_id", table_name="request")
    with op.batch_alter_table("request") as batch:
        batch.drop_column("anonymised")
        batch.drop_column("community_id")
    # Plain columns are dropped in place: rebuilding `account` would trip every row pointing at it.
    op.drop_column("account", "locked_until")
    op.drop_column("account", "failed_logins")
