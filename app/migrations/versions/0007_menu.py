"""Service menu desk: series and item details (audience ages, 亲子, defaults), session plans,
signups closed by hand, companions, no-shows, cancellations and promotions off the waitlist

Revision ID: 0007_menu
Revises: 0006_rooms
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_menu"
down_revision = "0006_rooms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_series") as batch:
        batch.add_column(sa.Column("description", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("service_item") as batch:
        batch.add_column(sa.Column("default_capacity", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("default_minutes", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("min_age", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("max_age", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("with_parent", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.create_check_constraint(
            op.f("ck_service_item_default_capacity_positive"), "default_capacity > 0"
        )
        batch.create_check_constraint(
            op.f("ck_service_item_default_minutes_positive"), "default_minutes > 0"
        )
        batch.create_check_constraint(
            op.f("ck_service_item_ages"),
            "(min_age IS NULL OR min_age >= 0) AND (max_age IS NULL OR max_age >= 0) "
            "AND (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)",
        )
    op.create_table(
        "session_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("booking_series_id", sa.Integer(), nullable=True),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("deadline_days", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("organiser", sa.String(40), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("capacity > 0", name=op.f("ck_session_plan_capacity_positive")),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_session_plan_ends_after_start")),
        sa.CheckConstraint("deadline_days >= 0", name=op.f("ck_session_plan_deadline_days")),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_session_plan_item_id_service_item")
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_session_plan_room_id_room")
        ),
        sa.ForeignKeyConstraint(
            ["booking_series_id"],
            ["booking_series.id"],
            name=op.f("fk_session_plan_booking_series_id_booking_series"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_session_plan_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["account.id"], name=op.f("fk_session_plan_created_by_id_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_plan")),
    )
    with op.batch_alter_table("activity_session") as batch:
        batch.add_column(sa.Column("plan_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("closed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("cancelled_reason", sa.Text(), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("attendance_closed_at", sa.DateTime(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_activity_session_plan_id_session_plan"), "session_plan", ["plan_id"], ["id"]
        )
        batch.create_index("ix_activity_session_item", ["item_id", "starts_at"])
    with op.batch_alter_table("signup") as batch:
        batch.add_column(sa.Column("companion_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("seats", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(
            sa.Column("no_show", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("override_reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("cancelled_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("promoted_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.create_foreign_key(
            op.f("fk_signup_companion_id_person"), "person", ["companion_id"], ["id"]
        )
        batch.create_foreign_key(
            op.f("fk_signup_cancelled_by_id_account"), "account", ["cancelled_by_id"], ["id"]
        )
        batch.create_check_constraint(op.f("ck_signup_seats"), "seats BETWEEN 1 AND 2")
        batch.create_check_constraint(
            op.f("ck_signup_attended_or_no_show"), "NOT (attended AND no_show)"
        )
        batch.create_index(
            "ix_signup_session_status", ["session_id", "status", "waitlist_position"]
        )


def downgrade() -> None:
    with op.batch_alter_table("signup") as batch:
        batch.drop_index("ix_signup_session_status")
        batch.drop_constraint(op.f("ck_signup_attended_or_no_show"), type_="check")
        batch.drop_constraint(op.f("ck_signup_seats"), type_="check")
        batch.drop_constraint(op.f("fk_signup_cancelled_by_id_account"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_signup_companion_id_person"), type_="foreignkey")
        for column in (
            "note",
            "promoted_at",
            "cancelled_by_id",
            "cancelled_at",
            "override_reason",
            "no_show",
            "seats",
            "companion_id",
        ):
            batch.drop_column(column)
    with op.batch_alter_table("activity_session") as batch:
        batch.drop_index("ix_activity_session_item")
        batch.drop_constraint(op.f("fk_activity_session_plan_id_session_plan"), type_="foreignkey")
        for column in (
            "attendance_closed_at",
            "cancelled_reason",
            "cancelled_at",
            "note",
            "closed",
            "plan_id",
        ):
            batch.drop_column(column)
    op.drop_table("session_plan")
    with op.batch_alter_table("service_item") as batch:
        batch.drop_constraint(op.f("ck_service_item_ages"), type_="check")
        batch.drop_constraint(op.f("ck_service_item_default_minutes_positive"), type_="check")
        batch.drop_constraint(op.f("ck_service_item_default_capacity_positive"), type_="check")
        for column in ("with_parent", "max_age", "min_age", "default_minutes", "default_capacity"):
            batch.drop_column(column)
    with op.batch_alter_table("service_series") as batch:
        batch.drop_column("active")
        batch.drop_column("description")
