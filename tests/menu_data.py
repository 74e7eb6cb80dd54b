"""Items, sessions and people for the Service menu's tests, written straight into the database
(no room booking: sessions here need none unless a test books one through the service)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import pinyin
from app.db import Database
from app.models import ActivitySession, Person, PersonSearchKey, ServiceItem, ServiceSeries

_codes = itertools.count(1)


def series_id(session: Session, code: str = "party_community") -> int:
    found = session.scalar(select(ServiceSeries.id).where(ServiceSeries.code == code))
    assert found is not None, code
    return found


def add_item(
    session: Session,
    name: str = "行走的党课",
    *,
    series: str = "party_community",
    min_age: int | None = None,
    max_age: int | None = None,
    with_parent: bool = False,
    volunteer: bool = False,
    audience: str = "",
) -> int:
    item = ServiceItem(
        series_id=series_id(session, series),
        name=name,
        audience=audience,
        min_age=min_age,
        max_age=max_age,
        with_parent=with_parent,
        is_volunteer_service=volunteer,
    )
    session.add(item)
    session.flush()
    return item.id


def add_session(
    session: Session,
    item_id: int,
    starts_at: dt.datetime,
    *,
    minutes: int = 90,
    capacity: int = 10,
    deadline: dt.datetime | None = None,
    room_id: int | None = None,
) -> int:
    activity = ActivitySession(
        item_id=item_id,
        room_id=room_id,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes),
        capacity=capacity,
        signup_deadline=deadline,
        organiser="社工 李晓燕",
    )
    session.add(activity)
    session.flush()
    return activity.id


def add_person(
    session: Session, name: str, *, birth_year: int | None = 1960, phone: str | None = None
) -> int:
    number = next(_codes)
    person = Person(
        member_code=f"T{number:07d}",
        name=name,
        birth_year=birth_year,
        phone=phone or f"139{number:08d}",
    )
    session.add(person)
    session.flush()
    session.add_all(
        PersonSearchKey(person_id=person.id, kind=kind, key=key)
        for kind, key in pinyin.search_keys(name)
    )
    session.flush()
    return person.id


def add_people(session: Session, names: Iterable[str], **kwargs: object) -> list[int]:
    return [add_person(session, name, **kwargs) for name in names]  # type: ignore[arg-type]


def party_lesson(db: Database, starts_at: dt.datetime, capacity: int = 2) -> tuple[int, int]:
    """行走的党课 with one session; (item id, session id)."""
    with db.write() as session:
        item = add_item(session)
        return item, add_session(session, item, starts_at, capacity=capacity)
