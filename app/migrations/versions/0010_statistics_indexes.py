"""Statistics: a covering index of the visit log for the figures (visits per day, by purpose, by
community), so a month or a year of them is read from the index alone

Revision ID: 0010_statistics_indexes
Revises: 0009_reports
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0010_statistics_indexes"
down_revision = "0009_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_visit_figures", "visit", ["at", "undone_at", "community_id", "purpose", "person_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_visit_figures", table_name="visit")
