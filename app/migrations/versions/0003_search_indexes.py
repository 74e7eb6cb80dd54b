"""Covering indexes for the reception search: pinyin keys and the visit log

Revision ID: 0003_search_indexes
Revises: 0002_seed_menu
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0003_search_indexes"
down_revision = "0002_seed_menu"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person_search_key") as batch:
        batch.drop_index("ix_person_search_key_key")
        batch.create_index("ix_person_search_key_lookup", ["key", "person_id", "kind"])
    with op.batch_alter_table("visit") as batch:
        batch.drop_index("ix_visit_at")
        batch.drop_index("ix_visit_person_at")
        batch.create_index("ix_visit_at", ["at", "person_id", "undone_at"])
        batch.create_index("ix_visit_person_at", ["person_id", "at", "undone_at"])


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch:
        batch.drop_index("ix_visit_person_at")
        batch.drop_index("ix_visit_at")
        batch.create_index("ix_visit_person_at", ["person_id", "at"])
        batch.create_index("ix_visit_at", ["at"])
    with op.batch_alter_table("person_search_key") as batch:
        batch.drop_index("ix_person_search_key_lookup")
        batch.create_index("ix_person_search_key_key", ["key"])
