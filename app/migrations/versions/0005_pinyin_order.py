"""Pinyin order syllable by syllable: a sort key for every person (阿 before 安)

Revision ID: 0005_pinyin_order
Revises: 0004_counters
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_pinyin_order"
down_revision = "0004_counters"
branch_labels = None
depends_on = None

_KEYS = sa.table(
    "person_search_key",
    sa.column("person_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("key", sa.String),
)
_BATCH = 2000


def upgrade() -> None:
    from app.pinyin import sort_text

    with op.batch_alter_table("person_search_key") as batch:
        batch.drop_constraint(op.f("ck_person_search_key_kind"), type_="check")
        batch.create_check_constraint(
            op.f("ck_person_search_key_kind"), "kind IN ('initials', 'pinyin', 'sort')"
        )
    connection = op.get_bind()
    people = connection.execute(
        sa.text("SELECT id, name FROM person WHERE active = :active ORDER BY id"),
        {"active": True},
    ).all()
    rows = [
        {"person_id": person_id, "kind": "sort", "key": key}
        for person_id, name in people
        if (key := sort_text(name))
    ]
    for start in range(0, len(rows), _BATCH):
        connection.execute(sa.insert(_KEYS), rows[start : start + _BATCH])


def downgrade() -> None:
    op.execute("DELETE FROM person_search_key WHERE kind = 'sort'")
    with op.batch_alter_table("person_search_key") as batch:
        batch.drop_constraint(op.f("ck_person_search_key_kind"), type_="check")
        batch.create_check_constraint(
            op.f("ck_person_search_key_kind"), "kind IN ('initials', 'pinyin')"
        )
