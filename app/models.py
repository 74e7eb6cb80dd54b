"""The domain of DESIGN.md's glossary as typed SQLAlchemy 2 mappings.

Portable SQL only: the same mappings run on the embedded SQLite file and on a shared PostgreSQL
server. Choices are short strings guarded by CHECK constraints (not database enums) so that a
migration adding a choice is one constraint change on both engines.
"""

from __future__ import annotations

import datetime as dt
import enum
import secrets
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    Time,
    UniqueConstraint,
    func,
    literal_column,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app import clock
from app.choices import AgendaOutcome as AgendaOutcome
from app.choices import BookingKind as BookingKind
from app.choices import BookingStatus as BookingStatus
from app.choices import CertificateKind as CertificateKind
from app.choices import ClosureKind as ClosureKind
from app.choices import DutyStatus as DutyStatus
from app.choices import Gender as Gender
from app.choices import OrganisationKind as OrganisationKind
from app.choices import Purpose as Purpose
from app.choices import RequestStatus as RequestStatus
from app.choices import Satisfaction as Satisfaction
from app.choices import ServiceRecordKind as ServiceRecordKind
from app.choices import SessionStatus as SessionStatus
from app.choices import SignupStatus as SignupStatus
from app.roles import Role as Role

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _choices(column: str, enum_type: type[enum.StrEnum]) -> str:
    values = ", ".join(f"'{member.value}'" for member in enum_type)
    return f"{column} IN ({values})"


def _now() -> dt.datetime:
    return clock.now()


def _ordered(length: int) -> String:
    """A string compared byte by byte on every engine, so a prefix range (`name >= 'zh' AND name <
    'zi'`) means the same on PostgreSQL as on SQLite and uses the column's ordinary index."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class Counter(Base):
    """A number handed out in sequence (member codes, certificate serials): taken by updating
    this row inside the writing transaction, so two desks never get the same number and a
    rolled-back transaction gives its number back (`app.counters`)."""

    __tablename__ = "counter"
    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Centre(Timestamped, Base):
    """The centre's profile: one row. Printed on every header and certificate."""

    __tablename__ = "centre"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    seal_image: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    person_in_charge: Mapped[str] = mapped_column(String(40), default="")  # 负责人
    handler: Mapped[str] = mapped_column(String(40), default="")  # 经办人
    certificate_prefix: Mapped[str] = mapped_column(String(20), default="东邻")
    # The installation's own key for certificates' verification codes (HMAC of serial and
    # person): never shown, never exported; a copied certificate with a made-up code fails.
    verification_secret: Mapped[str] = mapped_column(
        String(64), default=lambda: secrets.token_hex(32)
    )
    visit_retention_months: Mapped[int] = mapped_column(Integer, default=36)
    # Minutes without a key press or click after which every desk locks itself (the admin's).
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("visit_retention_months >= 1", name="retention_positive"),
    )


class Account(Timestamped, Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    # Wrong passwords in a row, and until when the account is refused after too many.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    __table_args__ = (CheckConstraint(_choices("role", Role), name="role"),)

    @property
    def role_enum(self) -> Role:
        return Role(self.role)


class AuditEvent(Base):
    """操作日志: who did what, written by the services in the same transaction as the change."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer, default=None)
    detail: Mapped[str] = mapped_column(Text, default="")
    account: Mapped[Account | None] = relationship()
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)


class Community(Base):
    __tablename__ = "community"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # 常住人口, set in Settings: the statistics give people served per 1,000 of them.
    residents: Mapped[int | None] = mapped_column(Integer, default=None)
    building_groups: Mapped[list[BuildingGroup]] = relationship(
        back_populates="community", order_by="BuildingGroup.sort_order"
    )
    __table_args__ = (CheckConstraint("residents > 0", name="residents"),)


class BuildingGroup(Base):
    __tablename__ = "building_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    community: Mapped[Community] = relationship(back_populates="building_groups")
    __table_args__ = (UniqueConstraint("community_id", "name", name="uq_building_group_name"),)


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)


class PersonTag(Base):
    __tablename__ = "person_tag"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id"), primary_key=True, index=True)


class Person(Timestamped, Base):
    """居民/来访者. Phone and ID number are stored whole; every view but the editor masks them."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_code: Mapped[str] = mapped_column(_ordered(16), unique=True)
    name: Mapped[str] = mapped_column(_ordered(20))
    gender: Mapped[str | None] = mapped_column(String(1), default=None)
    birth_year: Mapped[int | None] = mapped_column(Integer, default=None)
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    # The phone's digits reversed: "last N digits" becomes an indexable prefix range.
    phone_reversed: Mapped[str | None] = mapped_column(_ordered(20), default=None)
    id_number: Mapped[str | None] = mapped_column(String(18), default=None, unique=True)
    id_tail: Mapped[str | None] = mapped_column(_ordered(4), default=None)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), default=None)
    building_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("building_group.id"), default=None
    )
    address: Mapped[str] = mapped_column(String(200), default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")

    community: Mapped[Community | None] = relationship()
    building_group: Mapped[BuildingGroup | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary="person_tag", order_by="Tag.name")
    search_keys: Mapped[list[PersonSearchKey]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint(_choices("gender", Gender), name="gender"),
        CheckConstraint("birth_year BETWEEN 1900 AND 2100", name="birth_year"),
        Index("ix_person_phone_reversed", "phone_reversed"),
        Index("ix_person_phone", "phone"),
        Index("ix_person_name", "name"),
        Index("ix_person_id_tail", "id_tail"),
        Index("ix_person_community", "community_id", "building_group_id"),
        # Every column pointing at a person is indexed, so removing or merging one person
        # looks its references up instead of reading whole tables (retention removes thousands).
        Index("ix_person_merged_into", "merged_into_id"),
    )


class PersonSearchKey(Base):
    """Pinyin keys of a person's name: full pinyin and initials, several readings when a
    character is polyphonic (a volunteer may type the surname's common reading); and one sort
    key, the syllables separated by spaces, that the register is ordered by (`app.pinyin`)."""

    __tablename__ = "person_search_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # "initials" | "pinyin" | "sort"
    key: Mapped[str] = mapped_column(_ordered(80))
    person: Mapped[Person] = relationship(back_populates="search_keys")
    __table_args__ = (
        CheckConstraint("kind IN ('initials', 'pinyin', 'sort')", name="kind"),
        # Covering: a prefix range on key yields the person without reading the table.
        Index("ix_person_search_key_lookup", "key", "person_id", "kind"),
    )


class Visit(Base):
    """来访登记. `community_id` is copied so statistics stay after the person is anonymised."""

    __tablename__ = "visit"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), default=None)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    purpose: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(String(200), default="")
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    person: Mapped[Person | None] = relationship()
    account: Mapped[Account | None] = relationship()
    __table_args__ = (
        CheckConstraint(_choices("purpose", Purpose), name="purpose"),
        # Covering for "today's log" and "last check-in of these people" (search ranking).
        Index("ix_visit_at", "at", "person_id", "undone_at"),
        Index("ix_visit_person_at", "person_id", "at", "undone_at"),
        # Covering for the statistics (per day, by purpose, by community): read from the index
        # alone, a year of a busy centre's visits costs a fraction of reading its rows.
        Index("ix_visit_figures", "at", "undone_at", "community_id", "purpose", "person_id"),
    )


class Request(Timestamped, Base):
    """民生直通车: a resident's request or complaint, tracked to resolution."""

    __tablename__ = "request"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    # Copied from the person, as on a visit, so the figures by community stay once anonymised.
    community_id: Mapped[int | None] = mapped_column(
        ForeignKey("community.id"), default=None, index=True
    )
    category: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=RequestStatus.OPEN.value)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    # The follow-up call after closing (社区群众评优): the resident's answer and a note.
    satisfaction: Mapped[str | None] = mapped_column(String(12), default=None)
    satisfaction_note: Mapped[str] = mapped_column(Text, default="")
    followed_up_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    followed_up_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    person: Mapped[Person | None] = relationship()
    __table_args__ = (
        CheckConstraint(_choices("status", RequestStatus), name="status"),
        CheckConstraint(_choices("satisfaction", Satisfaction), name="satisfaction"),
        Index("ix_request_status", "status"),
        Index("ix_request_person", "person_id"),
    )


class Organisation(Timestamped, Base):
    """社会组织 delivering services or booking rooms; the councils of the 1+7+49 platform too."""

    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default=OrganisationKind.PARTNER.value)
    credit_code: Mapped[str | None] = mapped_column(String(18), default=None)  # 统一社会信用代码
    contact_name: Mapped[str] = mapped_column(String(40), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    provides: Mapped[str] = mapped_column(Text, default="")  # what they offer the centre
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (CheckConstraint(_choices("kind", OrganisationKind), name="kind"),)


class Room(Base):
    __tablename__ = "room"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    capacity: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(60), default="")
    facilities: Mapped[str] = mapped_column(String(200), default="")  # 投影、音响、钢琴 …
    colour: Mapped[str] = mapped_column(String(7), default="")  # #RRGGBB, "" = the desk's own
    bookable: Mapped[bool] = mapped_column(Boolean, default=True)  # false: shown, not bookable
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (CheckConstraint("capacity > 0", name="capacity_positive"),)


class OpeningHours(Base):
    """The centre's opening hours per weekday (0 = Monday): what a new room starts with."""

    __tablename__ = "opening_hours"
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)
    opens: Mapped[dt.time] = mapped_column(Time)
    closes: Mapped[dt.time] = mapped_column(Time)
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("closes > opens", name="closes_after_opens"),
    )


class RoomHours(Base):
    """A room's opening hours per weekday (0 = Monday); a weekday without a row is closed."""

    __tablename__ = "room_hours"
    room_id: Mapped[int] = mapped_column(
        ForeignKey("room.id", ondelete="CASCADE"), primary_key=True
    )
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)
    opens: Mapped[dt.time] = mapped_column(Time)
    closes: Mapped[dt.time] = mapped_column(Time)
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("closes > opens", name="closes_after_opens"),
    )


class Closure(Base):
    """A day the calendar treats specially: the centre's own closed day, or (for a year the
    chinese-calendar package doesn't know yet) a statutory holiday or 调休 working day entered by
    the admin. Years the package knows take their holidays from it."""

    __tablename__ = "closure"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(10), default=ClosureKind.CLOSED.value)
    reason: Mapped[str] = mapped_column(String(60), default="")
    __table_args__ = (CheckConstraint(_choices("kind", ClosureKind), name="kind"),)


class BookingSeries(Timestamped, Base):
    """周期预约: an RFC 5545 rule expanded into bookings, each of which may become an exception.

    The series is the template of its occurrences; each occurrence is a `Booking` row that keeps
    the start the rule gave it (`occurrence_start`), so an occurrence edited or cancelled on its
    own stays so when the series is edited (RECURRENCE-ID / EXDATE in iCalendar)."""

    __tablename__ = "booking_series"
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"), index=True)
    title: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(12))
    rule: Mapped[str] = mapped_column(String(200))  # e.g. "FREQ=WEEKLY;BYDAY=WE;UNTIL=20270115"
    first_day: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    expected_attendees: Mapped[int | None] = mapped_column(Integer, default=None)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), default=None)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    booker_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    __table_args__ = (
        CheckConstraint(_choices("kind", BookingKind), name="kind"),
        CheckConstraint("end_time > start_time", name="ends_after_start"),
        Index("ix_booking_series_person", "person_id"),
    )


# The statuses that hold a room (app.services.rooms.HOLDING); the exclusion constraint below
# repeats them in SQL.
_HOLDING_SQL = "status IN ('pending', 'confirmed')"


class Booking(Timestamped, Base):
    """预约: a room held over [starts_at, ends_at), half-open so back-to-back bookings fit.

    Booker: an account of the centre (`booker_account_id`, kind staff), an organisation, or a
    person (a resident's group); the day view shows their name and masked phone."""

    __tablename__ = "booking"
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    series_id: Mapped[int | None] = mapped_column(ForeignKey("booking_series.id"), default=None)
    # The start the series' rule gave this occurrence (RECURRENCE-ID); None outside a series.
    occurrence_start: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    # Edited on its own ("this occurrence"): a later edit of the whole series leaves it be.
    detached: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(10), default=BookingStatus.CONFIRMED.value)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expected_attendees: Mapped[int | None] = mapped_column(Integer, default=None)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), default=None)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    booker_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    # An admin's reason for booking on a closed day or outside opening hours ("" = none needed).
    override_reason: Mapped[str] = mapped_column(Text, default="")
    # Approval of a pending request, or its rejection with a reason.
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    room: Mapped[Room] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    __table_args__ = (
        CheckConstraint(_choices("kind", BookingKind), name="kind"),
        CheckConstraint(_choices("status", BookingStatus), name="status"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("expected_attendees >= 0", name="attendees_not_negative"),
        # Overlap lookups: room_id = ? AND starts_at < :end AND ends_at > :start.
        Index("ix_booking_room_time", "room_id", "starts_at", "ends_at"),
        Index("ix_booking_time", "starts_at"),
        Index("ix_booking_series", "series_id", "occurrence_start"),
        Index("ix_booking_person", "person_id"),
        # PostgreSQL itself refuses two holding bookings of a room that overlap (btree_gist);
        # SQLite relies on the service's check inside its BEGIN IMMEDIATE transaction.
        ExcludeConstraint(
            ("room_id", "="),
            (func.tsrange(literal_column("starts_at"), literal_column("ends_at"), "[)"), "&&"),
            name="ex_booking_room_time",
            using="gist",
            where=_HOLDING_SQL,
        ).ddl_if(dialect="postgresql"),
    )


class AgendaItem(Base):
    """An open 民生直通车 request put on a council meeting's agenda (提交议事), and what the
    meeting decided about it, carried back to the request."""

    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("booking.id"))
    request_id: Mapped[int] = mapped_column(ForeignKey("request.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str | None] = mapped_column(String(10), default=None)
    decision: Mapped[str] = mapped_column(Text, default="")
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    recorded_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    request: Mapped[Request] = relationship()
    __table_args__ = (
        UniqueConstraint("booking_id", "request_id", name="uq_agenda_item_booking_request"),
        CheckConstraint(_choices("outcome", AgendaOutcome), name="outcome"),
    )


class ServiceSeries(Base):
    """服务系列: the five 友邻 series of the menu."""

    __tablename__ = "service_series"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    items: Mapped[list[ServiceItem]] = relationship(
        back_populates="series", order_by="ServiceItem.sort_order"
    )


class ServiceItem(Base):
    """服务项目: an activity of the menu. `audience`: the words printed on the menu (60岁以上长者);
    `min_age`/`max_age`: the rule signups are checked against (by birth year, on the session's
    day); `with_parent` (亲子): the signed-up child comes with an adult companion, two seats."""

    __tablename__ = "service_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("service_series.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(String(60), default="")
    min_age: Mapped[int | None] = mapped_column(Integer, default=None)
    max_age: Mapped[int | None] = mapped_column(Integer, default=None)
    with_parent: Mapped[bool] = mapped_column(Boolean, default=False)
    default_capacity: Mapped[int | None] = mapped_column(Integer, default=None)
    default_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), default=None)
    is_volunteer_service: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    series: Mapped[ServiceSeries] = relationship(back_populates="items")
    organisation: Mapped[Organisation | None] = relationship()
    __table_args__ = (
        UniqueConstraint("series_id", "name", name="uq_service_item_name"),
        CheckConstraint("default_capacity > 0", name="default_capacity_positive"),
        CheckConstraint("default_minutes > 0", name="default_minutes_positive"),
        CheckConstraint(
            "(min_age IS NULL OR min_age >= 0) AND (max_age IS NULL OR max_age >= 0) "
            "AND (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)",
            name="ages",
        ),
    )


class SessionPlan(Timestamped, Base):
    """A recurring plan ("every Wednesday afternoon this term"): one session per date of `rule`
    (RRULE text, as a booking series), each in a booking of the series `booking_series_id`;
    closed days are skipped. `deadline_days`: signups close that many days before (None: at the
    start)."""

    __tablename__ = "session_plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    booking_series_id: Mapped[int | None] = mapped_column(
        ForeignKey("booking_series.id"), default=None
    )
    rule: Mapped[str] = mapped_column(Text)
    first_day: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    capacity: Mapped[int] = mapped_column(Integer)
    deadline_days: Mapped[int | None] = mapped_column(Integer, default=None)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), default=None)
    organiser: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    __table_args__ = (
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("end_time > start_time", name="ends_after_start"),
        CheckConstraint("deadline_days >= 0", name="deadline_days"),
    )


class ActivitySession(Timestamped, Base):
    """活动场次: one dated occurrence of a service item, with its room booking and capacity.

    Its status (app.services.menu.status) is derived: cancelled; closed (by hand, after the
    signup deadline, or once it has begun); full (registered seats = capacity); else open."""

    __tablename__ = "activity_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"), index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("session_plan.id"), default=None)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("booking.id"), default=None)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id"), default=None)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    capacity: Mapped[int] = mapped_column(Integer)
    signup_deadline: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), default=None)
    organiser: Mapped[str] = mapped_column(String(40), default="")
    audience: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)  # signups closed by hand
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    cancelled_reason: Mapped[str] = mapped_column(Text, default="")
    # When the rest were marked no-show after the session (attendance taken).
    attendance_closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    item: Mapped[ServiceItem] = relationship()
    room: Mapped[Room | None] = relationship()
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        Index("ix_activity_session_starts_at", "starts_at"),
        Index("ix_activity_session_item", "item_id", "starts_at"),
    )


class Signup(Timestamped, Base):
    """报名 (or 候补 when the session is full); attendance (签到) is ticked on the same row.

    `seats`: 2 when a companion (the parent of a 亲子 item's child) comes along. A waitlisted
    signup has `waitlist_position`, a ticket that only grows within the session: the lowest is
    promoted first (first come, first served); the position shown is its rank. A cancelled
    signup keeps its row (one per person and session); signing up again reuses it."""

    __tablename__ = "signup"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("activity_session.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    companion_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    seats: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(12), default=SignupStatus.SIGNED_UP.value)
    waitlist_position: Mapped[int | None] = mapped_column(Integer, default=None)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
    attended_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    no_show: Mapped[bool] = mapped_column(Boolean, default=False)
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    # Staff's reason for signing up someone outside the item's audience ("" = none needed).
    override_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    promoted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    companion: Mapped[Person | None] = relationship(foreign_keys=[companion_id])
    session: Mapped[ActivitySession] = relationship()
    __table_args__ = (
        UniqueConstraint("session_id", "person_id", name="uq_signup_session_person"),
        CheckConstraint(_choices("status", SignupStatus), name="status"),
        CheckConstraint("seats BETWEEN 1 AND 2", name="seats"),
        CheckConstraint("NOT (attended AND no_show)", name="attended_or_no_show"),
        Index("ix_signup_companion", "companion_id"),
        Index("ix_signup_session_status", "session_id", "status", "waitlist_position"),
    )


class Volunteer(Timestamped, Base):
    """志愿者 profile of a person; 双报到 fields for in-service party members."""

    __tablename__ = "volunteer"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), unique=True)
    volunteer_number: Mapped[str] = mapped_column(String(20), unique=True)
    skills: Mapped[str] = mapped_column(Text, default="")
    availability: Mapped[str] = mapped_column(Text, default="")  # e.g. 周二、周四晚上
    double_report: Mapped[bool] = mapped_column(Boolean, default=False)
    workplace_party_org: Mapped[str] = mapped_column(String(80), default="")
    reported_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    person: Mapped[Person] = relationship()


class ServiceRecord(Timestamped, Base):
    """志愿服务记录: hours from an attended volunteer session, a duty of the rota marked done, or
    a make-up record (补录) by staff with a reason."""

    __tablename__ = "service_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("activity_session.id"), default=None)
    day: Mapped[dt.date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(5, 1))
    content: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10), default=ServiceRecordKind.SESSION.value)
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    volunteer: Mapped[Volunteer] = relationship()
    __table_args__ = (
        CheckConstraint("hours > 0 AND hours <= 24", name="hours_range"),
        CheckConstraint(_choices("kind", ServiceRecordKind), name="kind"),
        CheckConstraint("kind <> 'make_up' OR reason <> ''", name="make_up_has_reason"),
        UniqueConstraint("volunteer_id", "session_id", name="uq_service_record_session"),
        Index("ix_service_record_day", "day"),
    )


class Duty(Timestamped, Base):
    """A recurring volunteer duty of the rota: 垃圾分类桶前督导 at a building group's bins, one
    weekday, one hour (or any other weekly duty)."""

    __tablename__ = "duty"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    building_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("building_group.id"), default=None
    )
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(60), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    building_group: Mapped[BuildingGroup | None] = relationship()
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("end_time > start_time", name="ends_after_start"),
    )


class DutyAssignment(Base):
    """A volunteer (usually an in-service party member, 双报到) on a duty from `since` (to
    `until`, when they stopped)."""

    __tablename__ = "duty_assignment"
    id: Mapped[int] = mapped_column(primary_key=True)
    duty_id: Mapped[int] = mapped_column(ForeignKey("duty.id"))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    since: Mapped[dt.date] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date, default=None)
    __table_args__ = (
        UniqueConstraint("duty_id", "volunteer_id", name="uq_duty_assignment_volunteer"),
        CheckConstraint("until IS NULL OR until >= since", name="until"),
    )


class DutyShift(Base):
    """One week's turn of a duty by a volunteer, marked done (with its service record) or
    missed at the desk or from the printed rota."""

    __tablename__ = "duty_shift"
    id: Mapped[int] = mapped_column(primary_key=True)
    duty_id: Mapped[int] = mapped_column(ForeignKey("duty.id"))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8))
    service_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("service_record.id"), default=None
    )
    note: Mapped[str] = mapped_column(Text, default="")
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    marked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        UniqueConstraint("duty_id", "volunteer_id", "day", name="uq_duty_shift_day"),
        CheckConstraint(_choices("status", DutyStatus), name="status"),
        Index("ix_duty_shift_day", "day"),
    )


class Certificate(Timestamped, Base):
    """证书, numbered per kind and year in a register (e.g. 东邻志证〔2026〕第0007号)."""

    __tablename__ = "certificate"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    verification_code: Mapped[str] = mapped_column(String(16))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    title: Mapped[str] = mapped_column(String(60))  # honour name, course name or "志愿服务记录证明"
    hours: Mapped[Decimal | None] = mapped_column(Numeric(7, 1), default=None)
    content: Mapped[str] = mapped_column(Text, default="")
    issued_on: Mapped[dt.date] = mapped_column(Date)
    reprints: Mapped[int] = mapped_column(Integer, default=0)  # a reprint is marked 补发
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    revoked_reason: Mapped[str] = mapped_column(String(200), default="")
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    # The period the hours cover (record certificates), and who issued it as it was that day:
    # a later change of the centre's profile doesn't rewrite certificates already given.
    period_start: Mapped[dt.date | None] = mapped_column(Date, default=None)
    period_end: Mapped[dt.date | None] = mapped_column(Date, default=None)
    issuer: Mapped[str] = mapped_column(String(100), default="")
    person_in_charge: Mapped[str] = mapped_column(String(40), default="")  # 负责人
    handler: Mapped[str] = mapped_column(String(40), default="")  # 经办人
    contact: Mapped[str] = mapped_column(String(40), default="")
    reprinted_on: Mapped[dt.date | None] = mapped_column(Date, default=None)  # the last 补发
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), default=None)
    person: Mapped[Person] = relationship()
    __table_args__ = (
        UniqueConstraint("kind", "year", "sequence", name="uq_certificate_number"),
        CheckConstraint(
            "period_start IS NULL OR period_end IS NULL OR period_end >= period_start",
            name="period",
        ),
        CheckConstraint(_choices("kind", CertificateKind), name="kind"),
        CheckConstraint("sequence > 0", name="sequence_positive"),
        CheckConstraint("reprints >= 0", name="reprints_not_negative"),
    )
