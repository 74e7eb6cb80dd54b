"""A small centre drawn at random (seeded) for the statistics' tests, written straight into the
database with Core inserts: communities with residents (one without), building groups (one
inactive), people here and there (some without a community or group), visits (undone ones,
anonymised ones, some whose person has moved since), sessions of the menu with signups
(waitlisted, cancelled, companions, walk-ins, attended, no-shows; some sessions cancelled), room
bookings of every status (some past closing time, one overnight, some on holidays), volunteers'
service records, certificates (some revoked) and 民生直通车 requests resolved with answers.

Everything lies between FIRST and LAST (mid-September to early December 2026), around the tests'
clock (`conftest.TEST_NOW`, 2026-11-25 09:30): sessions before it have their attendance taken.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    Account,
    ActivitySession,
    Booking,
    BuildingGroup,
    Certificate,
    CertificateKind,
    Closure,
    Community,
    Person,
    Request,
    Room,
    RoomHours,
    ServiceItem,
    ServiceRecord,
    ServiceSeries,
    Signup,
    Visit,
    Volunteer,
)
from app.services.reception import REQUEST_CATEGORIES

FIRST = dt.date(2026, 9, 15)
LAST = dt.date(2026, 12, 6)
NOW = dt.datetime(2026, 11, 25, 9, 30)
CLOSED_DAY = dt.date(2026, 11, 11)  # the centre's own closure
OVERNIGHT_DAY = dt.date(2026, 11, 13)  # a booking of room 1 from 20:30 to 08:30 the next day
SLOTS = ((7, 9), (9, 11), (13, 15), (15, 16), (18, 21))  # 07–09 and 18–21 cross room 1's hours


@dataclass
class SmallCentre:
    communities: list[int] = field(default_factory=list)  # in their sort order
    residents: dict[int, int | None] = field(default_factory=dict)
    groups: dict[int, list[int]] = field(default_factory=dict)  # per community, sort order
    people: list[int] = field(default_factory=list)
    rooms: list[int] = field(default_factory=list)  # active rooms, in order
    accounts: list[int] = field(default_factory=list)
    inactive_series_id: int = 0


def _day(rng: random.Random) -> dt.date:
    return FIRST + dt.timedelta(days=rng.randrange((LAST - FIRST).days + 1))


def _moment(rng: random.Random, day: dt.date | None = None) -> dt.datetime:
    return dt.datetime.combine(day or _day(rng), dt.time(rng.randrange(8, 20), rng.randrange(60)))


def build(db: Database, seed: int = 1, *, people: int = 150, visits: int = 700) -> SmallCentre:
    rng = random.Random(seed)
    centre = SmallCentre()
    with db.write() as session:
        _places(session, rng, centre, people)
        _rooms_and_bookings(session, rng, centre)
        _sessions(session, rng, centre)
        _visits(session, rng, centre, visits)
        _volunteering(session, rng, centre)
        _requests(session, rng, centre)
    return centre


def _places(session: Session, rng: random.Random, centre: SmallCentre, people: int) -> None:
    # Sort orders differ from ids: the statistics follow Settings' order.
    for name, order, residents, active in (
        ("东湖苑", 2, 5000, True),
        ("友邻新村", 1, 3200, True),
        ("嘉和苑", 3, None, True),
        ("已撤并小区", 4, 800, False),  # inactive, nobody in it: not listed
    ):
        community = Community(name=name, sort_order=order, residents=residents, active=active)
        session.add(community)
        session.flush()
        centre.residents[community.id] = residents
        if active:
            groups = []
            for number in range(3):
                group = BuildingGroup(
                    community_id=community.id,
                    name=f"{number + 1}号楼组",
                    sort_order=3 - number,
                    active=not (order == 2 and number == 2),
                )
                session.add(group)
                session.flush()
                groups.append((group.sort_order, group.id))
            centre.groups[community.id] = [group_id for _, group_id in sorted(groups)]
    centre.communities = [
        row[0]
        for row in session.execute(
            select(Community.id).where(Community.active).order_by(Community.sort_order)
        )
    ]
    rows = []
    for number in range(people):
        community = None if rng.random() < 0.1 else rng.choice(centre.communities)
        group = (
            rng.choice(centre.groups[community])
            if community is not None and rng.random() < 0.85
            else None
        )
        rows.append(
            {
                "member_code": f"S{number:07d}",
                "name": f"居民{number}",
                "community_id": community,
                "building_group_id": group,
            }
        )
    session.execute(insert(Person), rows)
    centre.people = list(session.scalars(select(Person.id).order_by(Person.id)))
    for number in range(3):
        account = Account(
            username=f"worker{number}",
            display_name=f"社工{'甲乙丙'[number]}",
            role="staff",
            password_hash="-",
        )
        session.add(account)
    session.flush()
    centre.accounts = list(session.scalars(select(Account.id).order_by(Account.id)))


def _rooms_and_bookings(session: Session, rng: random.Random, centre: SmallCentre) -> None:
    rooms = [
        Room(name="多功能厅", capacity=40, sort_order=2),
        Room(name="会议室", capacity=12, sort_order=1),
        Room(name="旧仓库", capacity=5, sort_order=3, active=False),
    ]
    session.add_all(rooms)
    session.flush()
    hall, meeting, store = (room.id for room in rooms)
    hours = [
        *(
            {"room_id": hall, "weekday": d, "opens": dt.time(8), "closes": dt.time(20)}
            for d in range(7)
        ),
        *(
            {"room_id": meeting, "weekday": d, "opens": dt.time(9), "closes": dt.time(17, 30)}
            for d in range(1, 5)  # Tuesday to Friday: a 调休 Saturday opens as on Tuesday
        ),
        {"room_id": store, "weekday": 0, "opens": dt.time(9), "closes": dt.time(10)},
    ]
    session.execute(insert(RoomHours), hours)
    session.add(Closure(day=CLOSED_DAY, reason="消防检查"))
    centre.rooms = [meeting, hall]
    rows = []
    day = FIRST
    while day <= LAST:
        for room in (hall, meeting, store):
            for start, end in SLOTS:
                if rng.random() > 0.45:
                    continue
                if room == hall and day == OVERNIGHT_DAY + dt.timedelta(days=1) and start < 9:
                    continue
                status = rng.choices(
                    ["confirmed", "pending", "cancelled", "rejected"], [70, 10, 15, 5]
                )[0]
                rows.append(_booking(room, day, start, end, status, rng))
        day += dt.timedelta(days=1)
    overnight = _booking(hall, OVERNIGHT_DAY, 20, 21, "confirmed", rng)
    overnight["starts_at"] = dt.datetime.combine(OVERNIGHT_DAY, dt.time(20, 30))
    overnight["ends_at"] = dt.datetime.combine(OVERNIGHT_DAY + dt.timedelta(days=1), dt.time(8, 30))
    rows = [
        row
        for row in rows
        if not (
            row["room_id"] == hall
            and row["starts_at"].date() == OVERNIGHT_DAY
            and row["ends_at"].hour > 20
        )
    ]
    rows.append(overnight)
    session.execute(insert(Booking), rows)


def _booking(
    room: int, day: dt.date, start: int, end: int, status: str, rng: random.Random
) -> dict[str, object]:
    return {
        "room_id": room,
        "title": "活动",
        "kind": rng.choice(["activity", "staff", "organisation", "resident"]),
        "status": status,
        "starts_at": dt.datetime.combine(day, dt.time(start)),
        "ends_at": dt.datetime.combine(day, dt.time(end)),
    }


def _sessions(session: Session, rng: random.Random, centre: SmallCentre) -> None:
    series = {
        code: id_ for code, id_ in session.execute(select(ServiceSeries.code, ServiceSeries.id))
    }
    items = []
    for code, name in (
        ("party_community", "行走的党课"),
        ("party_community", "党员政治生日"),
        ("health_care", "健康讲座"),
        ("culture", "书法班"),
        ("civility", "文明宣讲"),
    ):
        item = ServiceItem(series_id=series[code], name=name, with_parent=name == "书法班")
        session.add(item)
        session.flush()
        items.append((code, item.id))
    # 文明友邻 no longer offered: its sessions were all in September.
    centre.inactive_series_id = series["civility"]
    session.get(ServiceSeries, series["civility"]).active = False  # type: ignore[union-attr]
    signups = []
    for number in range(45):
        code, item = rng.choice(items)
        day = _day(rng)
        if code == "civility":
            day = dt.date(2026, 9, 16 + number % 10)
        starts = _moment(rng, day)
        activity = ActivitySession(
            item_id=item,
            room_id=rng.choice([*centre.rooms, None]),
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=90),
            capacity=rng.randint(4, 12),
            cancelled=rng.random() < 0.15,
        )
        session.add(activity)
        session.flush()
        taken = starts < NOW
        for person in rng.sample(centre.people, rng.randint(0, 14)):
            status = rng.choices(["signed_up", "waitlisted", "cancelled"], [70, 15, 15])[0]
            walk_in = status == "signed_up" and taken and rng.random() < 0.1
            roll = rng.random()
            attended = status == "signed_up" and taken and (walk_in or roll < 0.7)
            no_show = status == "signed_up" and taken and not attended and roll < 0.9
            companion = rng.choice(centre.people) if rng.random() < 0.15 else None
            if companion == person:
                companion = None
            signups.append(
                {
                    "session_id": activity.id,
                    "person_id": person,
                    "companion_id": companion,
                    "seats": 2 if companion else 1,
                    "status": status,
                    "attended": attended,
                    "no_show": no_show,
                    "walk_in": walk_in,
                }
            )
    if signups:
        session.execute(insert(Signup), signups)


def _visits(session: Session, rng: random.Random, centre: SmallCentre, count: int) -> None:
    community_of = dict(session.execute(select(Person.id, Person.community_id)).all())
    rows = []
    for _ in range(count):
        person = None if rng.random() < 0.08 else rng.choice(centre.people)
        community = community_of[person] if person else rng.choice([*centre.communities, None])
        if person and rng.random() < 0.05:  # moved since
            community = rng.choice(centre.communities)
        at = _moment(rng)
        anonymised = rng.random() < 0.03
        rows.append(
            {
                "person_id": None if anonymised else person,
                "community_id": community,
                "at": at,
                "purpose": rng.choice(
                    ["activity", "activity", "life_service", "government", "request", "other"]
                ),
                "undone_at": at + dt.timedelta(minutes=1) if rng.random() < 0.03 else None,
                "anonymised": anonymised,
            }
        )
    # Two at the edges of November: midnight belongs to the day it begins.
    rows[0]["at"] = dt.datetime(2026, 11, 1, 0, 0)
    rows[1]["at"] = dt.datetime(2026, 12, 1, 0, 0)
    rows[0]["undone_at"] = rows[1]["undone_at"] = None
    session.execute(insert(Visit), rows)


def _volunteering(session: Session, rng: random.Random, centre: SmallCentre) -> None:
    volunteers = []
    for number, person in enumerate(rng.sample(centre.people, 20)):
        volunteer = Volunteer(person_id=person, volunteer_number=f"DLZY{number:05d}")
        session.add(volunteer)
        session.flush()
        volunteers.append(volunteer.id)
    records = [
        {
            "volunteer_id": rng.choice(volunteers),
            "day": _day(rng),
            "hours": Decimal(rng.choice(["1", "1.5", "2", "3.5", "0.5"])),
            "content": "桶前督导",
            "kind": "duty",
        }
        for _ in range(120)
    ]
    session.execute(insert(ServiceRecord), records)
    sequence: dict[tuple[str, int], int] = {}
    certificates = []
    for number in range(18):
        kind = rng.choice(list(CertificateKind)).value
        issued = _day(rng)
        sequence[(kind, issued.year)] = sequence.get((kind, issued.year), 0) + 1
        certificates.append(
            {
                "kind": kind,
                "year": issued.year,
                "sequence": sequence[(kind, issued.year)],
                "serial": f"测试〔{issued.year}〕{kind}{number}",
                "verification_code": "X",
                "person_id": rng.choice(centre.people),
                "title": "证书",
                "issued_on": issued,
                "revoked_at": NOW if rng.random() < 0.25 else None,
            }
        )
    session.execute(insert(Certificate), certificates)


def _requests(session: Session, rng: random.Random, centre: SmallCentre) -> None:
    rows = []
    categories = [*REQUEST_CATEGORIES, "停车管理"]
    # The community is copied from the person when a request is recorded, as on a visit.
    homes = {p: c for p, c in session.execute(select(Person.id, Person.community_id))}
    for _ in range(60):
        created = dt.datetime(2026, 9, 1) + dt.timedelta(minutes=rng.randrange(60 * 24 * 95))
        resolved = (
            created + dt.timedelta(minutes=rng.randrange(30, 60 * 24 * 25))
            if rng.random() < 0.65
            else None
        )
        rows.append(
            {
                "person_id": (person := rng.choice([*centre.people[:40], None])),
                "community_id": homes.get(person) if person is not None else None,
                "category": rng.choice(categories),
                "text": "诉求",
                "status": "resolved" if resolved else rng.choice(["open", "assigned"]),
                "assigned_to_id": rng.choice([*centre.accounts, None]),
                "resolved_at": resolved,
                "satisfaction": rng.choice(["satisfied", "basic", "unsatisfied", None])
                if resolved
                else None,
                "created_at": created,
            }
        )
    session.execute(insert(Request), rows)
