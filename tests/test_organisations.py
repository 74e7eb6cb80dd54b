"""Organisations (社会组织): only an admin adds or changes them, every field is checked (the
credit code with python-stdnum), nothing is half-written, and a record shows their bookings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select
from stdnum.cn import uscc

from app import clock, i18n
from app.db import Database
from app.errors import PermissionDenied, ValidationError
from app.models import AuditEvent, Booking, Organisation, OrganisationKind, Room
from app.security import Actor
from app.services import organisations
from app.services.organisations import OrganisationInput

# 统一社会信用代码 of a 社会服务机构 (52) in Songjiang (310117); the check digit from stdnum.
CODE_BODY = "52310117MJ5012345"
VALID_CODE = CODE_BODY + uscc.calc_check_digit(CODE_BODY)
WRONG_CHECK = CODE_BODY + next(c for c in "0123456789" if c != VALID_CODE[-1])


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")


def counts(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Organisation)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def create(db: Database, actor: Actor, name: str = "五彩亲子公益发展中心", **fields: Any) -> int:
    with db.write() as session:
        data = OrganisationInput(name, fields.pop("kind", OrganisationKind.INCUBATED), **fields)
        return organisations.create_organisation(session, actor, data).id


def test_valid_code_is_valid() -> None:
    assert uscc.is_valid(VALID_CODE) and not uscc.is_valid(WRONG_CHECK)


def test_create_and_update_an_organisation(db: Database, admin: Actor) -> None:
    org = create(
        db,
        admin,
        credit_code=VALID_CODE.lower()[:6] + " " + VALID_CODE.lower()[6:],
        contact_name="周敏",
        contact_phone="138 1234 5678",
        provides="亲子阅读、周末手工课",
    )
    with db.read() as session:
        rows = organisations.list_organisations(session, admin)
    assert [(r.name, r.kind, r.credit_code, r.contact_phone) for r in rows] == [
        ("五彩亲子公益发展中心", OrganisationKind.INCUBATED, VALID_CODE, "138****5678")
    ]
    with db.write() as session:
        row = organisations.update_organisation(
            session,
            admin,
            org,
            OrganisationInput(
                "五彩亲子公益发展中心",
                OrganisationKind.PARTNER,
                "",
                "顾晓雯",
                "87654321",
                active=False,
            ),
        )
    assert (row.kind, row.credit_code, row.contact_phone, row.active) == (
        OrganisationKind.PARTNER,
        "",
        "021-****4321",
        False,
    )
    with db.read() as session:
        assert organisations.list_organisations(session, admin, include_inactive=False) == []
        stored = session.get(Organisation, org)
        assert stored is not None and stored.credit_code is None
        detail = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.entity == "organisation")
        ).all()
    assert len(detail) == 2
    assert "87654321" not in detail[1] and "021-****4321" in detail[1]  # the log masks phones


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"name": " "}, "name", ""),
        ({"name": "组" * 81}, "name", "80"),
        ({"name": "顾竹君说唱艺术中心南翔基地"}, "name", "exists"),
        ({"kind": "club"}, "kind", ""),
        ({"credit_code": "12345"}, "credit_code", "18"),
        ({"credit_code": WRONG_CHECK}, "credit_code", "mistyped"),
        ({"credit_code": "I2310117MJ50123450"}, "credit_code", "8 digits"),
        ({"credit_code": VALID_CODE}, "credit_code", "顾竹君"),  # another has it
        ({"contact_name": "人" * 41}, "contact_name", "40"),
        ({"contact_phone": "12345"}, "contact_phone", "021-12345678"),
        ({"contact_phone": "10012345678"}, "contact_phone", "mobile"),
        ({"provides": "课" * 201}, "provides", "200"),
    ],
)
def test_each_field_is_checked_beside_itself_and_nothing_is_written(
    db: Database, admin: Actor, fields: dict[str, Any], field: str, words: str
) -> None:
    create(db, admin, "顾竹君说唱艺术中心南翔基地", credit_code=VALID_CODE)
    before = counts(db)
    data: dict[str, Any] = {"name": "新的组织", "kind": OrganisationKind.PARTNER, **fields}
    with pytest.raises(ValidationError) as raised, db.write() as session:
        organisations.create_organisation(session, admin, OrganisationInput(**data))
    assert raised.value.field == field
    assert words in raised.value.message
    assert counts(db) == before


@given(st.text(max_size=30))
def test_any_typed_credit_code_is_accepted_or_refused_in_words(text: str) -> None:
    try:
        code = organisations.credit_code(text)
    except ValidationError as error:
        assert error.field == "credit_code" and error.message
    else:
        assert code == "" or uscc.is_valid(code)


@pytest.mark.parametrize("who", ["desk", "staff"])
def test_only_an_admin_adds_or_changes_one(
    request: pytest.FixtureRequest, db: Database, admin: Actor, who: str
) -> None:
    actor: Actor = request.getfixturevalue(who)
    org = create(db, admin)
    before = counts(db)
    with pytest.raises(PermissionDenied), db.write() as session:
        organisations.create_organisation(
            session, actor, OrganisationInput("偷加的", OrganisationKind.PARTNER)
        )
    with pytest.raises(PermissionDenied), db.write() as session:
        organisations.update_organisation(
            session, actor, org, OrganisationInput("改名", OrganisationKind.PARTNER)
        )
    with pytest.raises(PermissionDenied), db.read() as session:
        organisations.organisation_record(session, actor, org)  # the phone in full
    assert counts(db) == before
    with db.read() as session:  # the booking editor's picker
        assert [r.id for r in organisations.list_organisations(session, actor)] == [org]


def test_the_record_shows_past_and_upcoming_bookings(
    db: Database, admin: Actor, clock_at: clock.FixedClock
) -> None:
    org = create(db, admin, contact_phone="13812345678")
    other = create(db, admin, "群英荟", kind=OrganisationKind.COUNCIL)
    now = clock.now()
    with db.write() as session:
        room = Room(name="多功能厅", capacity=60)
        session.add(room)
        session.flush()

        def add(
            days: int, status: str, owner: int = org, title: str = "亲子阅读", hour: int = 14
        ) -> None:
            start = (now + dt.timedelta(days=days)).replace(hour=hour, minute=0)
            session.add(
                Booking(
                    room_id=room.id,
                    title=title,
                    kind="organisation",
                    status=status,
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=2),
                    organisation_id=owner,
                )
            )

        add(-14, "confirmed")
        add(-7, "confirmed")
        add(-3, "cancelled")
        for n in range(7):
            add(n + 1, "pending" if n == 0 else "confirmed", title=f"第{n + 1}次")
        add(2, "rejected", hour=17)
        add(3, "confirmed", other, hour=17)
    with db.read() as session:
        record = organisations.organisation_record(session, admin, org)
    assert record.organisation.contact_phone == "13812345678"  # the editor's, in full
    assert (record.past_bookings, record.upcoming_bookings) == (2, 7)
    assert [line.title for line in record.next_bookings] == [
        "第1次",
        "第2次",
        "第3次",
        "第4次",
        "第5次",
    ]
    assert (
        record.next_bookings[0].status == "pending" and record.next_bookings[0].room == "多功能厅"
    )
    assert (record.past_sessions, record.upcoming_sessions) == (0, 0)
