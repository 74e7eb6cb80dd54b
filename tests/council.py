"""A small centre with council meetings and open 民生直通车 requests, for the agenda's tests
(service, print-out, dialog). The clock stands at TEST_NOW (Wednesday 2026-11-25 09:30)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.db import Database
from app.models import (
    Booking,
    BookingKind,
    BookingStatus,
    Community,
    Organisation,
    OrganisationKind,
    Person,
    Request,
    RequestStatus,
    Room,
)
from app.security import Actor
from tests.conftest import TEST_NOW

TODAY = TEST_NOW.date()


def at(day_offset: int, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(TODAY + dt.timedelta(days=day_offset), dt.time.fromisoformat(hhmm))


@dataclass(frozen=True)
class Council:
    meeting: int  # tomorrow evening, 东湖苑居民区自治理事会
    later: int  # next week, 东社区群英荟
    past: int  # yesterday evening
    activity: int  # a booking that is no council meeting
    requests: list[int]  # open: 0 with a phone number, 1 assigned, 2 not on file, 3 open
    resolved: int  # a resolved request


def make_council(db: Database, staff: Actor) -> Council:
    with db.write() as session:
        community = Community(name="东湖苑", sort_order=1)
        session.add(community)
        session.flush()
        room = Room(name="党群议事厅", capacity=30, location="二楼201", sort_order=1)
        hall = Room(name="多功能厅", capacity=80, location="一楼", sort_order=2)
        council = Organisation(name="东湖苑居民区自治理事会", kind=OrganisationKind.COUNCIL.value)
        platform = Organisation(name="东社区群英荟", kind=OrganisationKind.COUNCIL.value)
        session.add_all([room, hall, council, platform])
        session.flush()
        zhang = Person(
            member_code="YL900001", name="张秀英", community_id=community.id, consent=True
        )
        ouyang = Person(member_code="YL900002", name="欧阳建国", community_id=community.id)
        session.add_all([zhang, ouyang])
        session.flush()

        def booking(title: str, start: dt.datetime, end: dt.datetime, **extra: object) -> int:
            row = Booking(
                room_id=room.id,
                title=title,
                kind=BookingKind.COUNCIL.value,
                status=BookingStatus.CONFIRMED.value,
                starts_at=start,
                ends_at=end,
                organisation_id=council.id,
                created_by_id=staff.account_id,
                booker_account_id=staff.account_id,
            )
            for key, value in extra.items():
                setattr(row, key, value)
            session.add(row)
            session.flush()
            return row.id

        meeting = booking("东湖苑自治理事会11月议事会", at(1, "19:00"), at(1, "20:30"))
        later = booking(
            "群英荟12月议事会", at(7, "14:00"), at(7, "16:00"), organisation_id=platform.id
        )
        past = booking("东湖苑自治理事会临时议事会", at(-1, "19:00"), at(-1, "20:30"))
        activity = booking(
            "长者健身操",
            at(1, "09:00"),
            at(1, "10:00"),
            kind=BookingKind.ACTIVITY.value,
            organisation_id=None,
            room_id=hall.id,
        )

        def request(text: str, person: Person | None, status: RequestStatus, days: int) -> int:
            row = Request(
                person_id=person.id if person else None,
                category="环境卫生",
                text=text,
                status=status.value,
                created_by_id=staff.account_id,
                created_at=TEST_NOW - dt.timedelta(days=days),
            )
            if status == RequestStatus.RESOLVED:
                row.resolution = "绿化队已修剪。"
                row.resolved_at = TEST_NOW - dt.timedelta(days=days - 2)
            session.add(row)
            session.flush()
            return row.id

        requests = [
            request("东湖苑3号楼垃圾箱房异味重，请回电13812345678。", zhang, RequestStatus.OPEN, 9),
            request("楼道声控灯坏了。", ouyang, RequestStatus.ASSIGNED, 7),
            request("非机动车乱停，堵住消防通道。", None, RequestStatus.OPEN, 5),
            request("希望增加长者食堂周末供餐。", zhang, RequestStatus.OPEN, 3),
        ]
        resolved = request("绿化遮挡采光。", zhang, RequestStatus.RESOLVED, 20)
    return Council(meeting, later, past, activity, requests, resolved)
