"""A centre five years deep, drawn at random (seeded) for the retention tests: communities with
building groups, people (some without a community, some who moved since), visits with notes
holding phone numbers, 民生直通车 requests (resolved with answers, some still open) whose texts name
the resident and their number, sessions with signups and companions, volunteers' hours and a
certificate. Written with Core inserts; everything lies in the 60 months before `NOW`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import insert, select

from app.db import Database
from app.models import (
    Account,
    ActivitySession,
    BuildingGroup,
    Certificate,
    Community,
    Person,
    Purpose,
    Request,
    ServiceItem,
    ServiceRecord,
    ServiceSeries,
    Signup,
    Visit,
    Volunteer,
)
from app.services.reception import REQUEST_CATEGORIES

NOW = dt.datetime(2026, 11, 25, 9, 30)
MONTHS = 60
PURPOSES = tuple(p.value for p in Purpose)


@dataclass
class OldCentre:
    people: list[int] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)
    phones: dict[int, str] = field(default_factory=dict)
    months: list[tuple[int, int]] = field(default_factory=list)  # (year, month), oldest first
    certificate_holder: int = 0


def month_list(now: dt.datetime = NOW, count: int = MONTHS) -> list[tuple[int, int]]:
    index = now.year * 12 + now.month - 1
    return [divmod(i, 12) for i in range(index - count + 1, index + 1)]


def _moment(rng: random.Random, year: int, month: int, now: dt.datetime) -> dt.datetime:
    day = rng.randrange(1, 29)
    moment = dt.datetime(year, month + 1, day, rng.randrange(8, 19), rng.randrange(60))
    return min(moment, now - dt.timedelta(hours=1))


def build(db: Database, seed: int = 7, *, people: int = 120, per_month: int = 40) -> OldCentre:
    rng = random.Random(seed)
    centre = OldCentre(months=[(y, m + 1) for y, m in month_list()])
    with db.write() as session:
        groups: dict[int, list[int]] = {}
        for order, name in enumerate(("东湖苑", "友邻新村", "嘉和苑")):
            community = Community(name=name, sort_order=order, residents=3000)
            session.add(community)
            session.flush()
            groups[community.id] = []
            for number in range(2):
                group = BuildingGroup(community_id=community.id, name=f"{number + 1}号楼组")
                session.add(group)
                session.flush()
                groups[community.id].append(group.id)
        communities = list(groups)
        rows = []
        for number in range(people):
            lives = None if number % 10 == 9 else rng.choice(communities)
            phone = f"139{number:08d}"
            rows.append(
                {
                    "member_code": f"R{number:07d}",
                    "name": f"王{'建国军华'[number % 4]}{number}",
                    "phone": phone,
                    "community_id": lives,
                    "building_group_id": rng.choice(groups[lives]) if lives else None,
                    "created_at": dt.datetime(2021, 1, 1),
                    "updated_at": dt.datetime(2021, 1, 1),
                }
            )
        session.execute(insert(Person), rows)
        found = session.execute(select(Person.id, Person.name, Person.phone, Person.community_id))
        home: dict[int, int | None] = {}
        for person_id, name, on_file, place in found:
            centre.people.append(person_id)
            centre.names[person_id] = name
            centre.phones[person_id] = on_file or ""
            home[person_id] = place
        account = Account(username="worker", display_name="社工甲", role="staff", password_hash="-")
        session.add(account)
        series = session.scalars(select(ServiceSeries)).first()
        assert series is not None
        item = ServiceItem(series_id=series.id, name="旧书法班")
        volunteer_item = ServiceItem(
            series_id=series.id, name="旧助老服务", is_volunteer_service=True
        )
        session.add_all([item, volunteer_item])
        session.flush()
        # A third of the people are active only in the first years: they become "inactive".
        early = set(centre.people[: people // 3])
        later = [p for p in centre.people if p not in early]
        visits = []
        requests = []
        for index, (year, month) in enumerate(month_list()):
            pool = centre.people if index < 18 else later
            for _ in range(per_month):
                person = rng.choice(pool)
                visits.append(
                    {
                        "person_id": person,
                        # Some moved since: the visit keeps the community of that day.
                        "community_id": home[person] if rng.random() < 0.9 else communities[0],
                        "at": _moment(rng, year, month, NOW),
                        "purpose": rng.choice(PURPOSES),
                        "note": f"联系电话 {centre.phones[person]}" if rng.random() < 0.3 else "",
                        "anonymised": False,
                        "undone_at": None,
                    }
                )
            for _ in range(5):
                person = rng.choice(pool)
                created = _moment(rng, year, month, NOW)
                resolved = rng.random() < 0.85
                resolved_at = min(created + dt.timedelta(days=rng.randrange(1, 20)), NOW)
                requests.append(
                    {
                        "person_id": person,
                        "community_id": home[person],
                        "category": rng.choice(REQUEST_CATEGORIES),
                        "text": (
                            f"{centre.names[person]}反映楼道灯坏了，电话{centre.phones[person]}"
                        ),
                        "status": "resolved" if resolved else "open",
                        "created_at": created,
                        "updated_at": resolved_at if resolved else created,
                        "resolved_at": resolved_at if resolved else None,
                        "resolution": f"已联系{centre.names[person]}，已修好" if resolved else "",
                        "satisfaction": rng.choice(("satisfied", "basic", "unsatisfied", None))
                        if resolved
                        else None,
                        "satisfaction_note": "",
                        "assigned_to_id": account.id,
                        "anonymised": False,
                    }
                )
            for _ in range(2):
                starts = _moment(rng, year, month, NOW).replace(minute=0)
                activity = ActivitySession(
                    item_id=item.id,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=1),
                    capacity=20,
                    attendance_closed_at=starts + dt.timedelta(hours=2),
                    created_at=starts,
                    updated_at=starts,
                )
                session.add(activity)
                session.flush()
                chosen = rng.sample(pool, 8)
                session.execute(
                    insert(Signup),
                    [
                        {
                            "session_id": activity.id,
                            "person_id": person,
                            "companion_id": chosen[-1] if n == 0 else None,
                            "seats": 2 if n == 0 else 1,
                            "attended": n % 3 != 2,
                            "no_show": n % 3 == 2,
                            "created_at": starts - dt.timedelta(days=3),
                            "updated_at": starts,
                        }
                        for n, person in enumerate(chosen[:-1])
                    ],
                )
        session.execute(insert(Visit), visits)
        session.execute(insert(Request), requests)
        helpers = later[:6]
        for number, person in enumerate(helpers):
            volunteer = Volunteer(
                person_id=person, volunteer_number=f"V{number:04d}", skills="理发"
            )
            session.add(volunteer)
            session.flush()
            for year, month in month_list()[::3]:
                session.add(
                    ServiceRecord(
                        volunteer_id=volunteer.id,
                        day=dt.date(year, month + 1, 10),
                        hours=Decimal("2.0"),
                        content="助老服务",
                    )
                )
        # An early person, quiet since, holds a certificate of 2022.
        waiting = {r["person_id"] for r in requests if r["status"] == "open"}
        holder = min(early - waiting)
        centre.certificate_holder = holder
        session.add(
            Certificate(
                kind="honour",
                year=2022,
                sequence=1,
                serial="东邻荣证〔2022〕第0001号",
                verification_code="ABCDEFGH",
                person_id=holder,
                title="睦邻达人",
                issued_on=dt.date(2022, 5, 1),
                created_at=dt.datetime(2022, 5, 1),
                updated_at=dt.datetime(2022, 5, 1),
            )
        )
    return centre
