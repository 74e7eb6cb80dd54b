"""The database itself refuses what the domain forbids, whatever code writes to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    ActivitySession,
    Booking,
    BuildingGroup,
    Certificate,
    Community,
    Person,
    Room,
    ServiceItem,
    ServiceRecord,
    Signup,
    Visit,
    Volunteer,
)

T0 = dt.datetime(2026, 11, 27, 14, 0)
T1 = dt.datetime(2026, 11, 27, 16, 0)


def _base(session: Session) -> dict[str, int]:
    community = Community(name="桃园社区")
    session.add(community)
    session.flush()
    person = Person(member_code="YL000001", name="张三", community_id=community.id)
    room = Room(name="书画室", capacity=20)
    item = ServiceItem(series_id=1, name="书法班")
    session.add_all([person, room, item])
    session.flush()
    activity = ActivitySession(item_id=item.id, starts_at=T0, ends_at=T1, capacity=10)
    volunteer = Volunteer(person_id=person.id, volunteer_number="V0001")
    session.add_all([activity, volunteer])
    session.flush()
    return {
        "community": community.id,
        "person": person.id,
        "room": room.id,
        "item": item.id,
        "session": activity.id,
        "volunteer": volunteer.id,
    }


BAD_ROWS: dict[str, Callable[[dict[str, int]], list[object]]] = {
    "duplicate member code": lambda ids: [Person(member_code="YL000001", name="李四")],
    "unknown community": lambda ids: [Person(member_code="YL9", name="李四", community_id=999)],
    "impossible birth year": lambda ids: [Person(member_code="YL9", name="李四", birth_year=1800)],
    "unknown gender": lambda ids: [Person(member_code="YL9", name="李四", gender="X")],
    "room without capacity": lambda ids: [Room(name="空房", capacity=0)],
    "booking ending before it starts": lambda ids: [
        Booking(room_id=ids["room"], title="x", kind="staff", starts_at=T1, ends_at=T0)
    ],
    "booking of an unknown kind": lambda ids: [
        Booking(room_id=ids["room"], title="x", kind="party", starts_at=T0, ends_at=T1)
    ],
    "session with no capacity": lambda ids: [
        ActivitySession(item_id=ids["item"], starts_at=T0, ends_at=T1, capacity=0)
    ],
    "signing up twice": lambda ids: [
        Signup(session_id=ids["session"], person_id=ids["person"]),
        Signup(session_id=ids["session"], person_id=ids["person"]),
    ],
    "visit with an unknown purpose": lambda ids: [Visit(person_id=ids["person"], purpose="chat")],
    "duplicate building group in a community": lambda ids: [
        BuildingGroup(community_id=ids["community"], name="1号楼组"),
        BuildingGroup(community_id=ids["community"], name="1号楼组"),
    ],
    "make-up hours without a reason": lambda ids: [
        ServiceRecord(
            volunteer_id=ids["volunteer"],
            day=T0.date(),
            hours=2,
            content="督导",
            kind="make_up",
            reason="",
        )
    ],
    "more than 24 hours a record": lambda ids: [
        ServiceRecord(volunteer_id=ids["volunteer"], day=T0.date(), hours=25, content="督导")
    ],
    "same certificate number twice": lambda ids: [
        Certificate(
            kind="honour",
            year=2026,
            sequence=7,
            serial=f"S{n}",
            verification_code="A",
            person_id=ids["person"],
            title="睦邻达人",
            issued_on=T0.date(),
        )
        for n in range(2)
    ],
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_database_refuses(db: Database, case: str) -> None:
    with db.write() as session:
        ids = _base(session)
    with pytest.raises(IntegrityError), db.write() as session:
        session.add_all(BAD_ROWS[case](ids))
        session.flush()
