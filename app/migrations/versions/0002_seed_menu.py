"""Seed the five service series of the menu and the centre's default opening hours

Revision ID: 0002_seed_menu
Revises: 0001_initial
Create Date: 2026-11-27
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0002_seed_menu"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

SERIES = [
    ("party_community", "党群友邻", 1),
    ("community", "社区友邻", 2),
    ("health_care", "康养友邻", 3),
    ("culture", "文化友邻", 4),
    ("civility", "文明友邻", 5),
]

series_table = sa.table(
    "service_series",
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("sort_order", sa.Integer),
)
hours_table = sa.table(
    "opening_hours",
    sa.column("weekday", sa.Integer),
    sa.column("opens", sa.Time),
    sa.column("closes", sa.Time),
)


def upgrade() -> None:
    connection = op.get_bind()
    existing = set(connection.execute(sa.select(series_table.c.code)).scalars())
    rows = [
        {"code": code, "name": name, "sort_order": order}
        for code, name, order in SERIES
        if code not in existing
    ]
    if rows:
        op.bulk_insert(series_table, rows)
    if connection.execute(sa.select(sa.func.count()).select_from(hours_table)).scalar() == 0:
        # Monday to Sunday 08:30-20:30; the centre changes them in Settings.
        op.bulk_insert(
            hours_table,
            [
                {"weekday": day, "opens": dt.time(8, 30), "closes": dt.time(20, 30)}
                for day in range(7)
            ],
        )


def downgrade() -> None:
    op.execute(hours_table.delete())
    op.execute(series_table.delete().where(series_table.c.code.in_([s[0] for s in SERIES])))
