"""Rooms desk: room details and hours, closure kinds, booking exceptions, approvals, council
agendas; on PostgreSQL an exclusion constraint so no room is ever double-booked

Revision ID: 0006_rooms
Revises: 0005_pinyin_order
Create Date: 2026-11-28
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0006_rooms"
down_revision = "0005_pinyin_order"
branch_labels = None
depends_on = None

_KINDS = "'activity', 'staff', 'organisation', 'resident', 'council'"
_OLD_KINDS = "'activity', 'staff', 'organisation', 'resident'"
_STATUSES = "'pending', 'confirmed', 'cancelled', 'rejected'"
_OLD_STATUSES = "'pending', 'confirmed', 'cancelled'"


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("kind", sa.String(12), nullable=False, server_default="partner"))
        batch.add_column(sa.Column("provides", sa.Text(), nullable=False, server_default=""))
        batch.create_check_constraint(
            op.f("ck_organisation_kind"),
            "kind IN ('incubated', 'introduced', 'partner', 'council')",
        )
    with op.batch_alter_table("room") as batch:
        batch.add_column(sa.Column("facilities", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("colour", sa.String(7), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("bookable", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("closure") as batch:
        batch.add_column(sa.Column("kind", sa.String(10), nullable=False, server_default="closed"))
        batch.create_check_constraint(
            op.f("ck_closure_kind"), "kind IN ('closed', 'holiday', 'workday')"
        )
    op.create_table(
        "room_hours",
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("opens", sa.Time(), nullable=False),
        sa.Column("closes", sa.Time(), nullable=False),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name=op.f("ck_room_hours_weekday")),
        sa.CheckConstraint("closes > opens", name=op.f("ck_room_hours_closes_after_opens")),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_room_hours_room_id_room"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("room_id", "weekday", name=op.f("pk_room_hours")),
    )
    # Every room opens when the centre does (every day 08:00–20:00 where the centre has set no
    # hours, app.services.rooms.days.DEFAULT_HOURS) until the admin sets its own hours.
    connection = op.get_bind()
    if connection.execute(sa.text("SELECT COUNT(*) FROM opening_hours")).scalar():
        op.execute(
            "INSERT INTO room_hours (room_id, weekday, opens, closes) "
            "SELECT room.id, opening_hours.weekday, opening_hours.opens, opening_hours.closes "
            "FROM room CROSS JOIN opening_hours"
        )
    else:
        hours = sa.table(
            "room_hours",
            sa.column("room_id", sa.Integer),
            sa.column("weekday", sa.Integer),
            sa.column("opens", sa.Time),
            sa.column("closes", sa.Time),
        )
        rooms = connection.execute(sa.text("SELECT id FROM room")).scalars().all()
        rows = [
            {"room_id": room, "weekday": weekday, "opens": dt.time(8), "closes": dt.time(20)}
            for room in rooms
            for weekday in range(7)
        ]
        if rows:
            op.bulk_insert(hours, rows)
    with op.batch_alter_table("booking_series") as batch:
        batch.add_column(sa.Column("expected_attendees", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("booker_account_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.create_foreign_key(
            op.f("fk_booking_series_person_id_person"), "person", ["person_id"], ["id"]
        )
        batch.create_foreign_key(
            op.f("fk_booking_series_booker_account_id_account"),
            "account",
            ["booker_account_id"],
            ["id"],
        )
        batch.drop_constraint(op.f("ck_booking_series_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_booking_series_kind"), f"kind IN ({_KINDS})")
    with op.batch_alter_table("booking") as batch:
        batch.add_column(sa.Column("occurrence_start", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("detached", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("booker_account_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("override_reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("decided_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("decided_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("decision_reason", sa.Text(), nullable=False, server_default=""))
        batch.create_foreign_key(
            op.f("fk_booking_booker_account_id_account"), "account", ["booker_account_id"], ["id"]
        )
        batch.create_foreign_key(
            op.f("fk_booking_decided_by_id_account"), "account", ["decided_by_id"], ["id"]
        )
        batch.drop_constraint(op.f("ck_booking_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_booking_kind"), f"kind IN ({_KINDS})")
        batch.drop_constraint(op.f("ck_booking_status"), type_="check")
        batch.create_check_constraint(op.f("ck_booking_status"), f"status IN ({_STATUSES})")
        batch.drop_index("ix_booking_series")
        batch.create_index("ix_booking_series", ["series_id", "occurrence_start"])
    # Occurrences written before this revision keep their own start as the rule's.
    op.execute("UPDATE booking SET occurrence_start = starts_at WHERE series_id IS NOT NULL")
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(10), nullable=True),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("outcome IN ('resolved', 'open')", name=op.f("ck_agenda_item_outcome")),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["booking.id"], name=op.f("fk_agenda_item_booking_id_booking")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["request.id"], name=op.f("fk_agenda_item_request_id_request")
        ),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["account.id"], name=op.f("fk_agenda_item_added_by_id_account")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["account.id"], name=op.f("fk_agenda_item_recorded_by_id_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint("booking_id", "request_id", name="uq_agenda_item_booking_request"),
    )
    op.create_index(op.f("ix_agenda_item_request_id"), "agenda_item", ["request_id"])
    if postgresql:
        # btree_gist is a trusted extension (PostgreSQL 13+): the database's owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        op.execute(
            "ALTER TABLE booking ADD CONSTRAINT ex_booking_room_time EXCLUDE USING gist "
            "(room_id WITH =, tsrange(starts_at, ends_at, '[)') WITH &&) "
            "WHERE (status IN ('pending', 'confirmed'))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE booking DROP CONSTRAINT ex_booking_room_time")
    op.drop_index(op.f("ix_agenda_item_request_id"), table_name="agenda_item")
    op.drop_table("agenda_item")
    op.execute("UPDATE booking SET status = 'cancelled' WHERE status = 'rejected'")
    op.execute("UPDATE booking SET kind = 'staff' WHERE kind = 'council'")
    op.execute("UPDATE booking_series SET kind = 'staff' WHERE kind = 'council'")
    with op.batch_alter_table("booking") as batch:
        batch.drop_index("ix_booking_series")
        batch.create_index("ix_booking_series", ["series_id"])
        batch.drop_constraint(op.f("ck_booking_status"), type_="check")
        batch.create_check_constraint(op.f("ck_booking_status"), f"status IN ({_OLD_STATUSES})")
        batch.drop_constraint(op.f("ck_booking_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_booking_kind"), f"kind IN ({_OLD_KINDS})")
        batch.drop_constraint(op.f("fk_booking_decided_by_id_account"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_booking_booker_account_id_account"), type_="foreignkey")
        for column in (
            "decision_reason",
            "decided_at",
            "decided_by_id",
            "override_reason",
            "booker_account_id",
            "detached",
            "occurrence_start",
        ):
            batch.drop_column(column)
    with op.batch_alter_table("booking_series") as batch:
        batch.drop_constraint(op.f("ck_booking_series_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_booking_series_kind"), f"kind IN ({_OLD_KINDS})")
        batch.drop_constraint(
            op.f("fk_booking_series_booker_account_id_account"), type_="foreignkey"
        )
        batch.drop_constraint(op.f("fk_booking_series_person_id_person"), type_="foreignkey")
        for column in ("note", "booker_account_id", "person_id", "expected_attendees"):
            batch.drop_column(column)
    op.drop_table("room_hours")
    with op.batch_alter_table("closure") as batch:
        batch.drop_constraint(op.f("ck_closure_kind"), type_="check")
        batch.drop_column("kind")
    with op.batch_alter_table("room") as batch:
        for column in ("bookable", "colour", "facilities"):
            batch.drop_column(column)
    with op.batch_alter_table("organisation") as batch:
        batch.drop_constraint(op.f("ck_organisation_kind"), type_="check")
        batch.drop_column("provides")
        batch.drop_column("kind")
