"""Volunteers and certificates desk: volunteer skills and availability, the duty rota (桶前督导)
with its done or missed shifts, duty service records, certificates that keep who issued them and
the period they cover, and the installation's secret that verification codes are derived from

Revision ID: 0008_volunteers
Revises: 0007_menu
Create Date: 2026-11-28
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0008_volunteers"
down_revision = "0007_menu"
branch_labels = None
depends_on = None

centre = sa.table(
    "centre", sa.column("id", sa.Integer), sa.column("verification_secret", sa.String)
)


def upgrade() -> None:
    with op.batch_alter_table("centre") as batch:
        batch.add_column(
            sa.Column("verification_secret", sa.String(64), nullable=False, server_default="")
        )
    # Each installation's own secret (a centre set up later gets one from the model's default).
    op.execute(centre.update().values(verification_secret=secrets.token_hex(32)))
    with op.batch_alter_table("volunteer") as batch:
        batch.add_column(sa.Column("skills", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("availability", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "duty",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("building_group_id", sa.Integer(), nullable=True),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("place", sa.String(60), nullable=False, server_default=""),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name=op.f("ck_duty_weekday")),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_duty_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["building_group_id"],
            ["building_group.id"],
            name=op.f("fk_duty_building_group_id_building_group"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty")),
    )
    op.create_table(
        "duty_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("duty_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "until IS NULL OR until >= since", name=op.f("ck_duty_assignment_until")
        ),
        sa.ForeignKeyConstraint(
            ["duty_id"], ["duty.id"], name=op.f("fk_duty_assignment_duty_id_duty")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_duty_assignment_volunteer_id_volunteer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_assignment")),
        sa.UniqueConstraint("duty_id", "volunteer_id", name="uq_duty_assignment_volunteer"),
    )
    with op.batch_alter_table("service_record") as batch:
        batch.drop_constraint(op.f("ck_service_record_kind"), type_="check")
        batch.drop_constraint(op.f("ck_service_record_make_up_has_reason"), type_="check")
        batch.create_check_constraint(
            op.f("ck_service_record_kind"), "kind IN ('session', 'make_up', 'duty')"
        )
        batch.create_check_constraint(
            op.f("ck_service_record_make_up_has_reason"), "kind <> 'make_up' OR reason <> ''"
        )
    op.create_table(
        "duty_shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("duty_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("service_record_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("marked_by_id", sa.Integer(), nullable=True),
        sa.Column("marked_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('done', 'missed')", name=op.f("ck_duty_shift_status")),
        sa.ForeignKeyConstraint(["duty_id"], ["duty.id"], name=op.f("fk_duty_shift_duty_id_duty")),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_duty_shift_volunteer_id_volunteer")
        ),
        sa.ForeignKeyConstraint(
            ["service_record_id"],
            ["service_record.id"],
            name=op.f("fk_duty_shift_service_record_id_service_record"),
        ),
        sa.ForeignKeyConstraint(
            ["marked_by_id"], ["account.id"], name=op.f("fk_duty_shift_marked_by_id_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_shift")),
        sa.UniqueConstraint("duty_id", "volunteer_id", "day", name="uq_duty_shift_day"),
    )
    op.create_index("ix_duty_shift_day", "duty_shift", ["day"])
    with op.batch_alter_table("certificate") as batch:
        batch.add_column(sa.Column("period_start", sa.Date(), nullable=True))
        batch.add_column(sa.Column("period_end", sa.Date(), nullable=True))
        batch.add_column(sa.Column("issuer", sa.String(100), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("person_in_charge", sa.String(40), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("handler", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("contact", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("reprinted_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("revoked_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_certificate_revoked_by_id_account"), "account", ["revoked_by_id"], ["id"]
        )
        batch.create_check_constraint(
            op.f("ck_certificate_period"),
            "period_start IS NULL OR period_end IS NULL OR period_end >= period_start",
        )


def downgrade() -> None:
    with op.batch_alter_table("certificate") as batch:
        batch.drop_constraint(op.f("ck_certificate_period"), type_="check")
        batch.drop_constraint(op.f("fk_certificate_revoked_by_id_account"), type_="foreignkey")
        for column in (
            "revoked_by_id",
            "reprinted_on",
            "contact",
            "handler",
            "person_in_charge",
            "issuer",
            "period_end",
            "period_start",
        ):
            batch.drop_column(column)
    op.drop_index("ix_duty_shift_day", table_name="duty_shift")
    op.drop_table("duty_shift")
    op.execute("DELETE FROM service_record WHERE kind = 'duty'")
    with op.batch_alter_table("service_record") as batch:
        batch.drop_constraint(op.f("ck_service_record_make_up_has_reason"), type_="check")
        batch.drop_constraint(op.f("ck_service_record_kind"), type_="check")
        batch.create_check_constraint(
            op.f("ck_service_record_kind"), "kind IN ('session', 'make_up')"
        )
        batch.create_check_constraint(
            op.f("ck_service_record_make_up_has_reason"), "kind = 'session' OR reason <> ''"
        )
    op.drop_table("duty_assignment")
    op.drop_table("duty")
    with op.batch_alter_table("volunteer") as batch:
        batch.drop_column("note")
        batch.drop_column("availability")
        batch.drop_column("skills")
    with op.batch_alter_table("centre") as batch:
        batch.drop_column("verification_secret")
