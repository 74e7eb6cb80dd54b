"""Every column that points at a person is indexed, so removing a person (data retention) or
merging two looks their references up instead of reading whole tables

Revision ID: 0013_person_links
Revises: 0012_idle_lock
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0013_person_links"
down_revision = "0012_idle_lock"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_person_merged_into", "person", "merged_into_id"),
    ("ix_request_person", "request", "person_id"),
    ("ix_booking_series_person", "booking_series", "person_id"),
    ("ix_booking_person", "booking", "person_id"),
    ("ix_signup_companion", "signup", "companion_id"),
)


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column])


def downgrade() -> None:
    for name, table, _column in INDEXES:
        op.drop_index(name, table_name=table)
