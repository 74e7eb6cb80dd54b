"""Reports: the resident's answer to the follow-up call when a 民生直通车 request is closed
(满意 / 基本满意 / 不满意, with a note, who called and when), and each community's number of
residents, which the statistics divide by for "people served per 1,000 residents"

Revision ID: 0009_reports
Revises: 0008_volunteers
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_reports"
down_revision = "0008_volunteers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place with plain SQL: rebuilding `request` or `community` (batch mode) would trip the foreign keys
    # of the rows pointing at them, and Alembic will not add a constraint to an SQLite table;
    # both engines take a named column constraint on ADD COLUMN.
    op.execute(
        "ALTER TABLE request ADD COLUMN satisfaction VARCHAR(12) CONSTRAINT"
        " ck_request_satisfaction CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied'))"
    )
    op.add_column(
        "request", sa.Column("satisfaction_note", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("request", sa.Column("followed_up_at", sa.DateTime(), nullable=True))
    op.execute(
        "ALTER TABLE request ADD COLUMN followed_up_by_id INTEGER CONSTRAINT"
        " fk_request_followed_up_by_id_account REFERENCES account (id)"
    )
    op.execute(
        "ALTER TABLE community ADD COLUMN residents INTEGER CONSTRAINT"
        " ck_community_residents CHECK (residents > 0)"
    )


def downgrade() -> None:
    # The foreign key goes with its column when batch mode rebuilds the table; the checks are
    # reflected by name.
    with op.batch_alter_table("community") as batch:
        batch.drop_constraint(op.f("ck_community_residents"), type_="check")
        batch.drop_column("residents")
    with op.batch_alter_table("request") as batch:
        batch.drop_constraint(op.f("ck_request_satisfaction"), type_="check")
        batch.drop_column("followed_up_by_id")
        batch.drop_column("followed_up_at")
        batch.drop_column("satisfaction_note")
        batch.drop_column("satisfaction")
