"""Counters for numbers handed out in sequence; byte-order search columns on PostgreSQL

Revision ID: 0004_counters
Revises: 0003_search_indexes
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_counters"
down_revision = "0003_search_indexes"
branch_labels = None
depends_on = None

# Prefix ranges over these columns (search, register) must compare bytes, as SQLite does.
_ORDERED = [
    ("person", "member_code", 16),
    ("person", "name", 20),
    ("person", "phone_reversed", 20),
    ("person", "id_tail", 4),
    ("person_search_key", "key", 80),
]


def upgrade() -> None:
    op.create_table(
        "counter",
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counter")),
    )
    # The member codes given so far: the next one is above the highest YL + six digits.
    op.execute(
        """
        INSERT INTO counter (name, value)
        SELECT 'member_code', COALESCE(MAX(CAST(SUBSTR(member_code, 3) AS INTEGER)), 0)
        FROM person
        WHERE member_code LIKE 'YL______' AND LENGTH(member_code) = 8
          AND SUBSTR(member_code, 3) NOT GLOB '*[^0-9]*'
        """
        if op.get_bind().dialect.name == "sqlite"
        else """
        INSERT INTO counter (name, value)
        SELECT 'member_code', COALESCE(MAX(CAST(SUBSTR(member_code, 3) AS INTEGER)), 0)
        FROM person
        WHERE member_code ~ '^YL[0-9]{6}$'
        """
    )
    if op.get_bind().dialect.name == "postgresql":
        for table, column, length in _ORDERED:
            op.alter_column(
                table,
                column,
                type_=sa.String(length, collation="C"),
                existing_type=sa.String(length),
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, column, length in _ORDERED:
            op.alter_column(table, column, type_=sa.String(length), existing_type=sa.String(length))
    op.drop_table("counter")
