"""The demo centre's volunteering: profiles, the bins rota with its shifts, make-up records and
the certificate register (`app.demo.writer` calls it once the sessions' records are in).

Its numbers come from their own seeded generator, so the rest of the centre draws the same
whatever is added here, and a run gives the same rota and register at any time of the day (a
shift later today is drawn but not written).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from app.demo.centre import (
    AVAILABILITY_RETIRED,
    AVAILABILITY_WORKING,
    CENTRE,
    COMMUNITIES,
    DUTY_MISSED_NOTES,
    DUTY_NAME,
    DUTY_SLOTS,
    MAKE_UP_CONTENT,
    MAKE_UP_REASONS,
    REVOKE_REASON,
    SKILLS,
    TAG_CO_OP,
    TAG_NEIGHBOUR,
    TAG_PLANNER,
    WORKPLACE_PARTY_ORGS,
    hhmm,
)
from app.models import (
    Certificate,
    CertificateKind,
    Duty,
    DutyAssignment,
    DutyShift,
    DutyStatus,
    ServiceRecord,
    ServiceRecordKind,
)
from app.services import certificates

if TYPE_CHECKING:
    from app.demo.writer import Row, Writer

RECORD_TITLE = "志愿服务记录证明"
RECORD_CONTENT = "垃圾分类桶前督导、志愿者服务日等社区志愿服务"
QUALIFYING_HOURS = Decimal(20)
HISTORY_WEEKS = (8, 104)  # members joined the rota between these many weeks ago
MISS_CHANCE = 0.07
STREAKS = 3  # members who have stopped coming: missed their last 3 to 5 weeks


def secret(rng: random.Random) -> str:
    """The demo centre's verification secret: reproducible for a seed."""
    return f"{rng.getrandbits(256):064x}"


def profile(rng: random.Random, double_report: bool) -> tuple[str, str, str]:
    """(skills, availability, workplace party organisation) of a volunteer."""
    skills = "、".join(rng.sample(SKILLS, rng.randint(1, 3)))
    if double_report:
        return skills, rng.choice(AVAILABILITY_WORKING), rng.choice(WORKPLACE_PARTY_ORGS)
    return skills, rng.choice(AVAILABILITY_RETIRED), ""


@dataclass
class _Wanted:
    kind: CertificateKind
    person: int
    title: str
    issued: dt.date
    hours: Decimal | None = None
    content: str = ""
    period: tuple[dt.date, dt.date] | None = None


class Volunteering:
    """Writes the rota, make-up records and certificates through the writer's connection."""

    def __init__(self, writer: Writer, rng: random.Random, secret: str) -> None:
        self.w = writer
        self.rng = rng
        self.secret = secret
        # Volunteer id → (day, hours) of every record written, for periods' totals.
        self.days: dict[int, list[tuple[dt.date, Decimal]]] = defaultdict(list)

    def note(self, rows: list[Row]) -> None:
        for row in rows:
            self.days[row["volunteer_id"]].append((row["day"], row["hours"]))

    # --- the rota -----------------------------------------------------------------------

    def rota(self, double: list[int]) -> None:
        """桶前督导 at the bins of as many building groups as there are in-service members for
        (one or two each), with every week's shift since they joined: mostly done, with its
        duty record; some missed; a few members missed their last weeks in a row."""
        w, rng = self.w, self.rng
        members = [w.volunteer_of[p] for p in double]
        groups = [(c, group) for c, mine in enumerate(w.groups) for group in mine]
        count = min(len(groups), len(members) - len(members) // 5)
        chosen = sorted(rng.sample(range(len(groups)), count))
        duties: list[Row] = []
        assignments: list[Row] = []
        seats: list[list[int]] = [[] for _ in chosen]
        shuffled = rng.sample(members, len(members))
        for n, volunteer in enumerate(shuffled[:count]):
            seats[n].append(volunteer)
        rest = shuffled[count : 2 * count]  # a second member on some of the duties
        for n, volunteer in zip(rng.sample(range(count), len(rest)), rest, strict=True):
            seats[n].append(volunteer)
        turns: list[tuple[int, int, dt.date, dt.time, dt.time]] = []
        for duty_id, (index, holders) in enumerate(zip(chosen, seats, strict=True), start=1):
            c_index, (group_id, label, _buildings) = groups[index]
            weekday, opens, closes = rng.choice(DUTY_SLOTS)
            # On the rota some weeks after reporting to the community.
            joined = [
                max(
                    w._day(-7 * rng.randint(*HISTORY_WEEKS) - rng.randrange(7)),
                    w.reported[volunteer] + dt.timedelta(days=14),
                )
                for volunteer in holders
            ]
            created = dt.datetime.combine(min(joined, default=w.today), hhmm("09:00"))
            duties.append(
                {
                    "id": duty_id,
                    "name": DUTY_NAME,
                    "building_group_id": group_id,
                    "weekday": weekday,
                    "start_time": hhmm(opens),
                    "end_time": hhmm(closes),
                    "place": f"{COMMUNITIES[c_index][0]}{label}垃圾箱房"[:60],
                    "active": True,
                    **w._stamp(created),
                }
            )
            for volunteer, since in zip(holders, joined, strict=True):
                assignments.append(
                    {"duty_id": duty_id, "volunteer_id": volunteer, "since": since, "until": None}
                )
                turns.append((duty_id, volunteer, since, hhmm(opens), hhmm(closes)))
        w._insert(Duty, duties)
        w._insert(DutyAssignment, assignments)
        streaks = set(rng.sample(range(len(turns)), min(STREAKS, len(turns) // 2 or len(turns))))
        shifts: list[Row] = []
        records: list[Row] = []
        for n, (duty_id, volunteer, since, start, end) in enumerate(turns):
            weekday = duties[duty_id - 1]["weekday"]
            day = since + dt.timedelta(days=(weekday - since.weekday()) % 7)
            days = []
            while day <= w.today:
                days.append(day)
                day += dt.timedelta(days=7)
            tail = rng.randint(3, 5) if n in streaks else 0
            run = 0
            for k, day in enumerate(days):
                roll, note = rng.random(), rng.choice(DUTY_MISSED_NOTES)
                late = rng.randint(5, 180)
                missed = k >= len(days) - tail or (roll < MISS_CHANCE and run < 2)
                ends = dt.datetime.combine(day, end)
                if ends > w.now:  # later today: drawn, not yet written
                    continue
                run = run + 1 if missed else 0
                marked = min(w.now, ends + dt.timedelta(minutes=late))
                row: Row = {
                    "duty_id": duty_id,
                    "volunteer_id": volunteer,
                    "day": day,
                    "status": str(DutyStatus.MISSED if missed else DutyStatus.DONE),
                    "service_record_id": None,
                    "note": note if missed else "",
                    "marked_by_id": w.desk_id,
                    "marked_at": marked,
                }
                if not missed:
                    minutes = (ends - dt.datetime.combine(day, start)).seconds // 60
                    hours = (Decimal(minutes) / 60).quantize(Decimal("0.1"))
                    record = w._record(w.person_of[volunteer], None, day, hours, DUTY_NAME)
                    record.update(
                        kind=str(ServiceRecordKind.DUTY),
                        created_by_id=w.desk_id,
                        **w._stamp(marked),
                    )
                    row["service_record_id"] = record["id"]
                    records.append(record)
                shifts.append(row)
        w._insert(ServiceRecord, records)
        self.note(records)
        w._insert(DutyShift, shifts)
        w.counts["duties"] = len(duties)
        w.counts["shifts"] = len(shifts)

    def make_ups(self) -> None:
        """A few make-up records (补录) over the past weeks, each with its reason."""
        w, rng = self.w, self.rng
        volunteers = sorted(w.volunteer_of)
        rows = []
        for _ in range(min(12, max(3, len(volunteers) // 20)) if volunteers else 0):
            person = rng.choice(volunteers)
            day = w._day(-rng.randint(1, 8 * 7))
            hours = Decimal(rng.choice(("1.0", "1.5", "2.0", "2.5", "3.0", "4.0")))
            row = w._record(person, None, day, hours, rng.choice(MAKE_UP_CONTENT))
            row["kind"] = str(ServiceRecordKind.MAKE_UP)
            row["reason"] = rng.choice(MAKE_UP_REASONS)
            rows.append(row)
        w._insert(ServiceRecord, rows)
        self.note(rows)

    # --- certificates -------------------------------------------------------------------

    def certificates(self) -> None:
        """Last year's record certificates to who reached 20 hours (issued at the year's end),
        this year's honours to the tagged, 结业证书 of 小美艺术课堂; one reprinted (补发), one
        revoked. Nobody holds this year's record certificate yet: that is the desk's to issue."""
        w, rng = self.w, self.rng
        wanted: list[_Wanted] = []
        last_year = w.today.year - 1
        issued = min(w.today, dt.date(last_year, 12, rng.randint(20, 30)))
        first = dt.date(last_year, 1, 1)
        for volunteer in sorted(self.days):
            days = [(d, h) for d, h in self.days[volunteer] if first <= d < issued]
            total = sum((h for _d, h in days), Decimal(0))
            if total >= QUALIFYING_HOURS:
                period = (min(d for d, _h in days), max(d for d, _h in days))
                person = w.person_of[volunteer]
                wanted.append(
                    _Wanted(
                        CertificateKind.SERVICE_RECORD,
                        person,
                        RECORD_TITLE,
                        issued,
                        total,
                        RECORD_CONTENT,
                        period,
                    )
                )
        this_year = dt.date(w.today.year, 1, 1)

        def lately() -> dt.date:
            return max(this_year, w._day(-rng.randint(0, 40)))

        for tag, title in (
            (TAG_NEIGHBOUR, "睦邻达人"),
            (TAG_CO_OP, "共营达人"),
            (TAG_PLANNER, "草根规划师"),
        ):
            holders = sorted(p for p, tags in w.person_tags.items() if tag in tags)
            for person in rng.sample(holders, min(3, len(holders))):
                day = lately()
                wanted.append(
                    _Wanted(
                        CertificateKind.HONOUR, person, title, day, content=f"{day.year}年度{title}"
                    )
                )
        if w.hours:
            best = w.person_of[min(w.hours, key=lambda v: (-w.hours[v], v))]
            day = lately()
            wanted.append(
                _Wanted(
                    CertificateKind.HONOUR,
                    best,
                    "优秀志愿者",
                    day,
                    content=f"{day.year}年度优秀志愿者",
                )
            )
        for person in sorted(set(w.attendees["小美艺术课堂"]))[:3]:
            wanted.append(
                _Wanted(
                    CertificateKind.COMPLETION,
                    person,
                    "小美艺术课堂",
                    lately(),
                    content="完成小美艺术课堂绘画启蒙课程",
                )
            )
        # Numbered in the order of issue, as the desk numbers them.
        wanted.sort(key=lambda c: (c.issued, list(CertificateKind).index(c.kind), c.person))
        honours = [n for n, c in enumerate(wanted) if c.kind == CertificateKind.HONOUR]
        reprinted = next(
            (n for n, c in enumerate(wanted) if c.kind != CertificateKind.HONOUR), None
        )
        revoked = honours[0] if honours else None  # found wrong some days after
        rows = []
        for number, c in enumerate(wanted, start=1):
            taken = certificates.take_number(
                w.conn, CENTRE["certificate_prefix"], c.kind, c.issued.year
            )
            at = dt.datetime.combine(c.issued, hhmm("10:00"))
            row: Row = {
                "id": number,
                "kind": str(c.kind),
                "year": taken.year,
                "sequence": taken.sequence,
                "serial": taken.serial,
                "verification_code": certificates.derived_code(self.secret, taken.serial, c.person),
                "person_id": c.person,
                "title": c.title,
                "hours": c.hours,
                "content": c.content,
                "issued_on": c.issued,
                "period_start": c.period[0] if c.period else None,
                "period_end": c.period[1] if c.period else None,
                "issuer": CENTRE["name"],
                "person_in_charge": CENTRE["person_in_charge"],
                "handler": CENTRE["handler"],
                "contact": CENTRE["phone"],
                "reprints": 0,
                "reprinted_on": None,
                "revoked_at": None,
                "revoked_reason": "",
                "revoked_by_id": None,
                "issued_by_id": w.staff_id,
                **w._stamp(at),
            }
            if number - 1 == reprinted:  # lost and issued again: 补发
                again = min(w.today, c.issued + dt.timedelta(days=rng.randint(20, 60)))
                row.update(reprints=1, reprinted_on=again)
                row["updated_at"] = min(w.now, dt.datetime.combine(again, hhmm("14:00")))
            if number - 1 == revoked:
                when = min(w.now, at + dt.timedelta(days=2, hours=4))
                row.update(revoked_at=when, revoked_reason=REVOKE_REASON, revoked_by_id=w.staff_id)
                row["updated_at"] = when
            rows.append(row)
        w._insert(Certificate, rows)
        w.counts["certificates"] = len(rows)
