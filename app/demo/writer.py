"""Writes the demo centre's rows, section by section, through one connection (`app.demo`)."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.orm import Session

from app import counters, people_fields
from app.demo import audit_log
from app.demo.centre import (
    ACCOUNT_NAMES,
    ACTIVISTS,
    ADULTS,
    CENTRE,
    CHILDREN,
    CLOSURES,
    COMMITTEES,
    COMMUNITIES,
    COUNCIL_MEETINGS,
    COUNCIL_PROVIDES,
    COUNCIL_REQUESTS,
    DOUBLE_REPORTERS,
    ELDERLY,
    HOUR_WEIGHTS,
    ITEM_IDS,
    ITEMS,
    ONE_OFF,
    ONE_OFF_SLOTS,
    ORGANISATIONS,
    PARTY,
    PARTY_ROOM,
    PLATFORM,
    PURPOSES,
    REQUESTS,
    RESIDENTS,
    ROOMS,
    SERIES,
    TAG_AGED,
    TAG_ALONE,
    TAG_CO_OP,
    TAG_DOUBLE_REPORT,
    TAG_NEIGHBOUR,
    TAG_PARTY,
    TAG_PLANNER,
    TAG_VOLUNTEER,
    TAGS,
    TIMETABLE,
    VOLUNTEERS,
    WALKING_LESSON,
    WALKING_LESSON_FREE,
    Item,
    Slot,
    council_name,
    hhmm,
    item_defaults,
    platform_id,
    weekly,
)
from app.demo.draw import accumulate, pick, pick_distinct
from app.demo.residents import AGE_BANDS, SHOWCASE, Residents
from app.demo.volunteering import Volunteering, profile, secret
from app.models import (
    Account,
    ActivitySession,
    AgendaItem,
    AgendaOutcome,
    Base,
    Booking,
    BookingKind,
    BookingSeries,
    BookingStatus,
    BuildingGroup,
    Centre,
    Certificate,
    Closure,
    ClosureKind,
    Community,
    Duty,
    DutyAssignment,
    DutyShift,
    Organisation,
    OrganisationKind,
    Person,
    PersonSearchKey,
    PersonTag,
    Request,
    RequestStatus,
    Room,
    RoomHours,
    Satisfaction,
    ServiceItem,
    ServiceRecord,
    ServiceRecordKind,
    ServiceSeries,
    SessionPlan,
    Signup,
    SignupStatus,
    Tag,
    Visit,
    Volunteer,
)
from app.pinyin import search_keys
from app.security import hash_password
from app.services import rooms
from app.services.people import member_code
from app.services.rooms.days import OpeningCalendar
from app.services.rooms.recurrence import Frequency, Recurrence
from app.start import DEMO_ACCOUNTS, DEMO_PASSWORD

BATCH = 20_000  # rows per executemany: big enough to amortise, small enough for memory
PAST_WEEKS = 8
FUTURE_WEEKS = 4

Row = dict[str, Any]

# The follow-up calls' answers, in turn over the resolved requests (None: not called yet).
FOLLOW_UP_ANSWERS = (
    Satisfaction.SATISFIED,
    Satisfaction.SATISFIED,
    Satisfaction.BASIC,
    Satisfaction.SATISFIED,
    None,
    Satisfaction.UNSATISFIED,
    Satisfaction.SATISFIED,
    Satisfaction.SATISFIED,
    Satisfaction.BASIC,
    None,
)
# What a resident not satisfied with the handling of their request said on the follow-up call.
FOLLOW_UP_COMPLAINTS = (
    "拖了一个多星期才来修，希望以后快一点。",
    "问题解决了一半，楼道灯过两天又不亮了。",
    "没有人提前打电话告诉我什么时候来处理。",
    "物业来看过，但说要等业委会同意，至今没动。",
)


class Writer:
    """Writes the demo centre's rows, section by section, through one connection."""

    def __init__(self, connection: Connection, seed: int, now: dt.datetime) -> None:
        self.conn = connection
        self.seed = seed
        self.rng = random.Random(seed)
        volunteering_rng = random.Random(f"volunteering:{seed}")
        self.volunteering = Volunteering(self, volunteering_rng, secret(volunteering_rng))
        self.residents = Residents(self.rng)
        # Its own generator: the follow-up answers leave every other row as it was.
        self.follow_up_rng = random.Random(f"follow-up:{seed}")
        self.now = now
        self.today = now.date()
        self.counts: dict[str, int] = defaultdict(int)
        self.diary = rooms.RoomDiary()
        self.room_capacity = {index: room.capacity for index, room in enumerate(ROOMS, start=1)}
        self.calendar: OpeningCalendar | None = None  # once rooms' hours and closures are in
        # The councils' meetings booked: (booking id, start, row of COUNCIL_MEETINGS, title).
        self.council_meetings: list[tuple[int, dt.datetime, int, str]] = []
        # Filled as the sections are written.
        # Per community: (group id, group name, building numbers).
        self.groups: list[list[tuple[int, str, list[int]]]] = []
        self.regulars: list[int] = []  # people who come often
        self.adults: list[int] = []
        self.birth_year: list[int] = [0]  # by person id
        self.community: list[int | None] = [None]
        self.has_phone: list[bool] = [False]
        # Without consent a record keeps only a visit's needs (people_fields.consent_problems):
        # name, place and a phone for contact; no tags, volunteering or other details.
        self.consented: list[bool] = [False]
        self.person_tags: dict[int, set[int]] = defaultdict(set)
        self.pools: dict[int, tuple[list[int], list[int]]] = {}  # (regulars, everyone)
        self.volunteer_of: dict[int, int] = {}  # person id → volunteer id
        self.person_of: dict[int, int] = {}  # volunteer id → person id
        self.double: list[int] = []  # in-service party members (双报到) who volunteer
        self.reported: dict[int, dt.date] = {}  # volunteer id → the day they reported (双报到)
        self.booking_id = 0
        self.bookings: list[Row] = []
        self.hours: dict[int, Decimal] = defaultdict(Decimal)  # volunteer id → hours
        self.attendees: dict[str, list[int]] = defaultdict(list)  # item name → person ids
        self.walk_ins: list[Row] = []  # signups of people who came without one
        self.parents: list[int] = []  # adults who bring a child to a 亲子 activity
        # Who may sign up for an item with an age rule, by (item, year of the session).
        self.fitting: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
        self.plans: list[Row] = []
        self.plan_of: dict[Slot, int] = {}

    # --- helpers ------------------------------------------------------------------------

    def _insert(self, model: type[Base], rows: Sequence[Row]) -> None:
        for start in range(0, len(rows), BATCH):
            self.conn.execute(insert(model), rows[start : start + BATCH])

    def _stamp(self, moment: dt.datetime | None = None) -> Row:
        at = self.now if moment is None else min(moment, self.now)
        return {"created_at": at, "updated_at": at}

    def _day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def _age(self, person: int) -> int:
        return self.today.year - self.birth_year[person]

    # --- sections -----------------------------------------------------------------------

    def write(self, people: int) -> None:
        self._centre_and_accounts()
        self._communities()
        self._tags_rooms_organisations()
        self._people(people)
        self._person_tags_and_volunteers()
        self._menu()
        # Rooms are handed out in order: recurring bookings, the menu's sessions, then one-offs.
        self._series_bookings()
        sessions, signups, records = self._sessions()
        self._council_meetings()
        # Walk-ins exist only for sessions held by now: numbered last, so that the others keep
        # their ids at any time of the day.
        signups += self.walk_ins
        for number, row in enumerate(signups, start=1):
            row["id"] = number
        self._one_off_bookings()
        self._insert(Booking, self.bookings)
        self._insert(SessionPlan, self.plans)
        self._insert(ActivitySession, sessions)
        self._insert(Signup, signups)
        self._insert(ServiceRecord, records)
        self.counts["bookings"] = len(self.bookings)
        self.counts["sessions"] = len(sessions)
        self.counts["signups"] = len(signups)
        self.volunteering.note(records)
        self.volunteering.rota(self.double)
        self.volunteering.make_ups()
        self.volunteering.certificates()
        self._visits()
        self._requests()
        self._council_agendas()
        audit_log.write(self, random.Random(f"audit:{self.seed}"))
        self._fix_sequences()

    def _centre_and_accounts(self) -> None:
        centre = {**CENTRE, "verification_secret": self.volunteering.secret}
        self._insert(Centre, [{"id": 1, **centre, "visit_retention_months": 36, **self._stamp()}])
        self._insert(
            Account,
            [
                {
                    "id": index,
                    "username": username,
                    "display_name": ACCOUNT_NAMES[username],
                    "role": role,
                    "password_hash": hash_password(DEMO_PASSWORD),
                    **self._stamp(),
                }
                for index, (username, role) in enumerate(DEMO_ACCOUNTS, start=1)
            ],
        )
        self.desk_id, self.staff_id, self.admin_id = 1, 2, 3

    def _communities(self) -> None:
        communities: list[Row] = []
        groups: list[Row] = []
        for c_index, (name, _lane, group_count, _floors, numbered) in enumerate(
            COMMUNITIES, start=1
        ):
            communities.append(
                {
                    "id": c_index,
                    "name": name,
                    "sort_order": c_index,
                    "residents": RESIDENTS[c_index - 1],
                }
            )
            building = 1
            mine: list[tuple[int, str, list[int]]] = []
            for g_index in range(1, group_count + 1):
                span = 1 + (c_index * 5 + g_index * 7) % 3  # 1 to 3 buildings a group
                buildings = list(range(building, building + span))
                building += span
                if not numbered:
                    label = f"第{g_index}楼组"
                elif span == 1:
                    label = f"{buildings[0]}号楼组"
                else:
                    label = f"{buildings[0]}-{buildings[-1]}号楼组"
                group_id = len(groups) + 1
                groups.append(
                    {
                        "id": group_id,
                        "community_id": c_index,
                        "name": label,
                        "sort_order": g_index,
                    }
                )
                mine.append((group_id, label, buildings))
            self.groups.append(mine)
        self._insert(Community, communities)
        self._insert(BuildingGroup, groups)

    def _tags_rooms_organisations(self) -> None:
        self._insert(Tag, [{"id": i, "name": name} for i, name in enumerate(TAGS, start=1)])
        self._insert(
            Room,
            [
                {
                    "id": i,
                    "name": room.name,
                    "capacity": room.capacity,
                    "location": room.location,
                    "facilities": room.facilities,
                    "colour": room.colour,
                    "sort_order": i,
                }
                for i, room in enumerate(ROOMS, start=1)
            ],
        )
        # Every room needs its hours: a weekday without a row is closed.
        self._insert(
            RoomHours,
            [
                {"room_id": i, "weekday": weekday, "opens": hhmm(opens), "closes": hhmm(closes)}
                for i, room in enumerate(ROOMS, start=1)
                for weekdays, opens, closes in room.hours
                for weekday in weekdays
            ],
        )
        self._insert(
            Closure,
            [
                {"day": self._day(offset), "kind": str(ClosureKind.CLOSED), "reason": reason}
                for offset, reason in CLOSURES
            ],
        )
        rows = []
        for i, (name, registration, contact, kind, provides) in enumerate(ORGANISATIONS, start=1):
            rows.append(
                {
                    "id": i,
                    "name": name,
                    "kind": str(kind),
                    "credit_code": None
                    if registration is None
                    else self.residents.credit_code(registration),
                    "contact_name": contact,
                    "contact_phone": self.residents.mobile(),
                    "provides": provides,
                    **self._stamp(),
                }
            )
        # The 1+7+49 platform: the 群英荟, then each community's council and its committees.
        platform = [(PLATFORM[0], PLATFORM[1])]
        for community in COMMUNITIES:
            platform.append((council_name(community[0]), COUNCIL_PROVIDES))
            platform += [(community[0] + name, topics) for name, topics in COMMITTEES]
        for name, provides in platform:
            contact, _foreign = self.residents.name("F" if self.rng.random() < 0.6 else "M", 1965)
            rows.append(
                {
                    "id": len(rows) + 1,
                    "name": name,
                    "kind": str(OrganisationKind.COUNCIL),
                    "credit_code": None,
                    "contact_name": contact,
                    "contact_phone": self.residents.mobile(),
                    "provides": provides,
                    **self._stamp(),
                }
            )
        assert rows[platform_id(None) - 1]["name"] == PLATFORM[0]
        self._insert(Organisation, rows)
        # When each room is open, read back as the Rooms desk reads it.
        first = self._day(-PAST_WEEKS * 7 - 1)
        last = self._day(FUTURE_WEEKS * 7 + 1)
        # (It reads everything at once: the session may go, the writing transaction stays.)
        with Session(bind=self.conn) as session:
            self.calendar = OpeningCalendar(session, first, last)

    def _open(self, room: int, start: dt.datetime, end: dt.datetime) -> str | None:
        """Why the room is closed then (a holiday, the centre's closure, outside its hours);
        None when it is open."""
        assert self.calendar is not None
        return self.calendar.problem(room, start, end)

    def _people(self, count: int) -> None:
        rng = self.rng
        # A few people with the names search must get right, wherever they fall.
        showcase = dict(
            zip(
                rng.sample(range(1, count + 1), min(count, SHOWCASE)), range(SHOWCASE), strict=False
            )
        )
        community_weights = list(accumulate(c[2] for c in COMMUNITIES))
        band_cum = list(accumulate(b[2] for b in AGE_BANDS))
        # The desks' own numbering: the next member code is the one after the demo's.
        first_code = counters.take(self.conn, counters.MEMBER_CODE, count)
        for chunk_start in range(1, count + 1, BATCH):
            people: list[Row] = []
            keys: list[Row] = []
            for person in range(chunk_start, min(count, chunk_start + BATCH - 1) + 1):
                low, high, _share, women = AGE_BANDS[pick(rng, band_cum)]
                age = rng.randint(low, high)
                birth_year = self.today.year - age
                gender = "F" if rng.random() < women else "M"
                name, foreign = self.residents.name(gender, birth_year, showcase.get(person))
                phone = None
                if age >= 16 and rng.random() > 0.01:
                    phone = self.residents.mobile()
                id_number = None
                if not foreign and rng.random() < 0.3:
                    id_number = self.residents.id_number(birth_year, gender)
                c_index = pick(rng, community_weights)
                group_id, _label, buildings = rng.choice(self.groups[c_index])
                lane, floors = COMMUNITIES[c_index][1], COMMUNITIES[c_index][3]
                room = rng.randint(1, floors) * 100 + rng.randint(1, 4)
                registered = dt.datetime.combine(
                    self._day(-rng.randint(1, 1500)), hhmm("08:30")
                ) + dt.timedelta(minutes=rng.randrange(660))
                consent = rng.random() < 0.93
                people.append(
                    {
                        "id": person,
                        "member_code": member_code(first_code + person - 1),
                        "name": name,
                        "gender": gender if consent else None,
                        "birth_year": birth_year if consent else None,
                        "phone": phone,
                        "phone_reversed": None
                        if phone is None
                        else people_fields.phone_reversed(phone),
                        "id_number": id_number if consent else None,
                        "id_tail": None
                        if id_number is None or not consent
                        else people_fields.id_tail(id_number),
                        "community_id": c_index + 1,
                        "building_group_id": group_id,
                        "address": f"{lane}{rng.choice(buildings)}号{room}室" if consent else "",
                        "consent": consent,
                        "consent_at": registered if consent else None,
                        "active": True,
                        "merged_into_id": None,
                        "note": "",
                        "created_at": registered,
                        "updated_at": registered,
                    }
                )
                for kind, key in search_keys(name):
                    keys.append(
                        {
                            "id": self.counts["keys"] + len(keys) + 1,
                            "person_id": person,
                            "kind": kind,
                            "key": key,
                        }
                    )
                self.birth_year.append(birth_year)
                self.community.append(c_index + 1)
                self.has_phone.append(phone is not None)
                self.consented.append(consent)
            self._insert(Person, people)
            self._insert(PersonSearchKey, keys)
            self.counts["keys"] += len(keys)
        self.counts["people"] = count

    def _person_tags_and_volunteers(self) -> None:
        rng = self.rng
        count = len(self.birth_year) - 1
        everyone = range(1, count + 1)
        adults = [p for p in everyone if self._age(p) >= 18 and self.consented[p]] or [
            p for p in everyone if self.consented[p]
        ]
        for person in adults:
            age = self._age(person)
            if rng.random() < (0.12 if age >= 60 else 0.07):
                self.person_tags[person].add(TAG_PARTY)
            if age >= 80 and rng.random() < 0.8:
                self.person_tags[person].add(TAG_AGED)
            if age >= 70 and rng.random() < 0.12:
                self.person_tags[person].add(TAG_ALONE)
        working = [p for p in adults if 25 <= self._age(p) <= 55 and self.has_phone[p]]
        double = rng.sample(working, min(len(working), max(3, count // 100), 80))
        retired = [p for p in adults if 50 <= self._age(p) <= 78 and self.has_phone[p]]
        wanted = min(max(10, count * 8 // 100), 400) - len(double)
        double_set = set(double)
        others = [p for p in retired if p not in double_set]
        volunteers = double + rng.sample(others, min(len(others), max(0, wanted)))
        for person in double:
            self.person_tags[person] |= {TAG_PARTY, TAG_DOUBLE_REPORT}
        for person in volunteers:
            self.person_tags[person].add(TAG_VOLUNTEER)
        thirties = [p for p in adults if self._age(p) >= 30]
        for tag, share in ((TAG_NEIGHBOUR, 100), (TAG_CO_OP, 120), (TAG_PLANNER, 200)):
            for person in rng.sample(thirties, min(len(thirties), max(3, count // share), 60)):
                self.person_tags[person].add(tag)
        self._insert(
            PersonTag,
            [
                {"person_id": person, "tag_id": tag}
                for person in sorted(self.person_tags)
                for tag in sorted(self.person_tags[person])
            ],
        )

        rows: list[Row] = []
        self.double = double
        for number, person in enumerate(volunteers, start=1):
            reported: dt.date | None = None
            if person in double_set:
                reported = self._day(-rng.randint(60, 900))
                self.residents.workplace()  # drawn as before: the centre's other draws stay
            skills, availability, workplace = profile(self.volunteering.rng, person in double_set)
            self.volunteer_of[person] = number
            self.person_of[number] = person
            if reported is not None:
                self.reported[number] = reported
            rows.append(
                {
                    "id": number,
                    "person_id": person,
                    "volunteer_number": f"DLZY{number:05d}",
                    "skills": skills,
                    "availability": availability,
                    "double_report": person in double_set,
                    "workplace_party_org": workplace[:80],
                    "reported_on": reported,
                    "active": True,
                    **self._stamp(),
                }
            )
        self._insert(Volunteer, rows)

        # Who signs up for what: regulars come often, anyone may come now and then.
        regulars = rng.sample(adults, min(len(adults), max(60, count // 8)))
        regular_set = set(regulars)

        def pool(members: list[int]) -> tuple[list[int], list[int]]:
            return [p for p in members if p in regular_set] or members, members

        tagged = self.person_tags
        self.pools = {
            ADULTS: (regulars, adults),
            ELDERLY: pool([p for p in adults if self._age(p) >= 60]),
            CHILDREN: pool([p for p in everyone if 3 <= self._age(p) <= 12]),
            PARTY: pool([p for p in adults if TAG_PARTY in tagged.get(p, ())]),
            DOUBLE_REPORTERS: (list(double), list(double)),
            VOLUNTEERS: (volunteers, volunteers),
            ACTIVISTS: pool(
                [
                    p
                    for p in adults
                    if tagged.get(p, set()) & {TAG_NEIGHBOUR, TAG_CO_OP, TAG_PLANNER}
                ]
                + regulars[:40]
            ),
        }
        self.parents = [p for p in adults if 24 <= self._age(p) <= 50]
        # Who books, asks and comes often; in a tiny demo whose residents all withheld consent,
        # the first resident (a name and a community are kept without consent).
        self.regulars = regulars or [1]
        self.adults = adults or self.regulars

    def _menu(self) -> None:
        series = {
            code: series_id
            for code, series_id in self.conn.execute(select(ServiceSeries.code, ServiceSeries.id))
        }
        rows = []
        order: dict[str, int] = defaultdict(int)
        for item_id, item in enumerate(ITEMS, start=1):
            order[item.series] += 1
            capacity, minutes = item_defaults(item.name)
            rows.append(
                {
                    "id": item_id,
                    "series_id": series[item.series],
                    "name": item.name,
                    "description": item.description,
                    "audience": item.audience,
                    "min_age": item.min_age,
                    "max_age": item.max_age,
                    "with_parent": item.with_parent,
                    "default_capacity": capacity,
                    "default_minutes": minutes,
                    "organisation_id": item.organisation,
                    "is_volunteer_service": item.volunteer,
                    "sort_order": order[item.series],
                    "active": True,
                }
            )
        self._insert(ServiceItem, rows)

    def _booking(
        self,
        room: int,
        title: str,
        kind: str,
        start: dt.datetime,
        end: dt.datetime,
        *,
        status: str = BookingStatus.CONFIRMED,
        expected: int | None = None,
        organisation: int | None = None,
        person: int | None = None,
        series: int | None = None,
        note: str = "",
    ) -> int | None:
        """Append a booking if the room is open and free then; its id, or None when it isn't."""
        if rooms.holds_room(status) and (
            self._open(room, start, end) is not None or not self.diary.take(room, start, end)
        ):
            return None
        self.booking_id += 1
        asked = start - dt.timedelta(days=self.rng.randint(2, 20), hours=self.rng.randint(0, 6))
        self.bookings.append(
            {
                "id": self.booking_id,
                "room_id": room,
                "series_id": series,
                "occurrence_start": start if series is not None else None,
                "title": title,
                "kind": str(kind),
                "status": str(status),
                "starts_at": start,
                "ends_at": end,
                "expected_attendees": expected,
                "organisation_id": organisation,
                "person_id": person,
                "booker_account_id": self.staff_id
                if kind in (BookingKind.STAFF, BookingKind.COUNCIL)
                else None,
                "created_by_id": self.staff_id if kind != BookingKind.RESIDENT else self.desk_id,
                "note": note,
                **self._stamp(asked),
            }
        )
        return self.booking_id

    def _series_bookings(self) -> None:
        from dateutil.rrule import rrulestr

        rng = self.rng
        first = self._day(-PAST_WEEKS * 7)
        until = self._day(FUTURE_WEEKS * 7 - 1)
        rows = []
        for series_id, (title, kind, room, days, start, minutes, org, count) in enumerate(
            SERIES, start=1
        ):
            weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            offset = min((weekdays.index(d) - first.weekday()) % 7 for d in days.split(","))
            first_day = first + dt.timedelta(days=offset)
            limit = f"COUNT={count}" if count else f"UNTIL={until:%Y%m%d}"
            rule = f"FREQ=WEEKLY;BYDAY={days};{limit}"
            end = (dt.datetime.combine(first_day, start) + dt.timedelta(minutes=minutes)).time()
            rows.append(
                {
                    "id": series_id,
                    "room_id": room,
                    "title": title,
                    "kind": str(kind),
                    "rule": rule,
                    "first_day": first_day,
                    "start_time": start,
                    "end_time": end,
                    "organisation_id": org,
                    "created_by_id": self.staff_id,
                    **self._stamp(dt.datetime.combine(first_day, start) - dt.timedelta(days=7)),
                }
            )
            contact = rng.choice(self.regulars) if kind == BookingKind.RESIDENT else None
            occurrences = list(rrulestr(rule, dtstart=dt.datetime.combine(first_day, start)))
            cancelled = rng.randrange(len(occurrences))  # one exception per series
            for n, begins in enumerate(occurrences):
                ends = begins + dt.timedelta(minutes=minutes)
                status, note = BookingStatus.CONFIRMED, ""
                if self._open(room, begins, ends) is not None:
                    # A holiday or the centre's closure: this one is off.
                    assert self.calendar is not None
                    why = self.calendar.status(begins.date()).name or "闭馆"
                    status, note = BookingStatus.CANCELLED, f"本次暂停：{why}"
                elif n == cancelled:
                    status, note = BookingStatus.CANCELLED, "本次暂停：中心活动占用"
                self._booking(
                    room,
                    title,
                    kind,
                    begins,
                    ends,
                    status=status,
                    expected=min(self.room_capacity[room], rng.randint(8, 20)),
                    organisation=org,
                    person=contact,
                    series=series_id,
                    note=note,
                )
        self._insert(BookingSeries, rows)

    def _sessions(self) -> tuple[list[Row], list[Row], list[Row]]:
        rng = self.rng
        sessions: list[Row] = []
        signups: list[Row] = []
        records: list[Row] = []
        by_weekday: dict[int, list[Slot]] = defaultdict(list)
        for slot in TIMETABLE:
            by_weekday[slot.weekday].append(slot)
        first, last = -PAST_WEEKS * 7, FUTURE_WEEKS * 7
        self._plans(self._day(first), self._day(last))
        for offset in range(first, last + 1):
            day = self._day(offset)
            # Every weekday has a slot held every week, so today always has sessions.
            for slot in by_weekday[day.weekday()]:
                held = rng.random() < slot.chance
                if held if not slot.monthly else day.day <= 7:
                    self._session(day, slot, sessions, signups, records)
        # 行走的党课 on the first weekday afternoon from the day after tomorrow that has a room.
        for offset in range(2, 9):
            day = self._day(offset)
            if day.weekday() < 5 and self._session(
                day, WALKING_LESSON, sessions, signups, records, free=WALKING_LESSON_FREE
            ):
                break
        return sessions, signups, records

    def _plans(self, first: dt.date, last: dt.date) -> None:
        """A session plan for every line of the timetable held every week."""
        for slot in TIMETABLE:
            if not weekly(slot):
                continue
            item = ITEMS[ITEM_IDS[slot.item] - 1]
            first_day = first + dt.timedelta(days=(slot.weekday - first.weekday()) % 7)
            rule = Recurrence(Frequency.WEEKLY, weekdays=(slot.weekday,), until=last)
            end = dt.datetime.combine(first_day, slot.start) + dt.timedelta(minutes=slot.minutes)
            self.plans.append(
                {
                    "id": len(self.plans) + 1,
                    "item_id": ITEM_IDS[slot.item],
                    "room_id": slot.room,
                    "rule": rule.rule(first_day),
                    "first_day": first_day,
                    "start_time": slot.start,
                    "end_time": end.time(),
                    "capacity": min(slot.capacity, self.room_capacity[slot.room]),
                    "deadline_days": 1,
                    "organisation_id": item.organisation,
                    "organiser": self._organiser(item),
                    "note": "",
                    "created_by_id": self.staff_id,
                    **self._stamp(
                        dt.datetime.combine(first_day, slot.start) - dt.timedelta(days=21)
                    ),
                }
            )
            self.plan_of[slot] = len(self.plans)

    @staticmethod
    def _organiser(item: Item) -> str:
        return ORGANISATIONS[item.organisation - 1][2] if item.organisation else "社工 李晓燕"

    def _pool(self, item: Item, day: dt.date) -> tuple[list[int], list[int]]:
        """(regulars, everyone) who may sign up for `item` on `day`: with an age rule, those
        whose birth year is recorded and fits it then (as the desks check it)."""
        pool = self.pools[item.pool]
        if item.min_age is None and item.max_age is None:
            return pool
        key = (item.name, day.year)
        if key not in self.fitting:
            low = item.min_age if item.min_age is not None else 0
            high = item.max_age if item.max_age is not None else 200
            fits = [
                [
                    p
                    for p in people
                    if self.consented[p] and low <= day.year - self.birth_year[p] <= high
                ]
                for people in pool
            ]
            self.fitting[key] = (fits[0] or fits[1], fits[1])
        return self.fitting[key]

    def _session(
        self,
        day: dt.date,
        slot: Slot,
        sessions: list[Row],
        signups: list[Row],
        records: list[Row],
        *,
        free: int | None = None,
    ) -> bool:
        """Book the room and write one session with its signups; False when no room was free.
        `free`: leave exactly that many seats free and nobody waiting."""
        rng = self.rng
        item_id = ITEM_IDS[slot.item]
        item = ITEMS[item_id - 1]
        start = dt.datetime.combine(day, slot.start)
        end = start + dt.timedelta(minutes=slot.minutes)
        # The timetable's room, else the roomiest free one.
        others = sorted(
            (r for r in self.room_capacity if r != slot.room),
            key=lambda r: (self.room_capacity[r] < slot.capacity, -self.room_capacity[r]),
        )
        rooms = [slot.room, *others]
        for room in rooms:
            capacity = min(slot.capacity, self.room_capacity[room])
            booking = self._booking(
                room,
                item.name[:60],
                BookingKind.ACTIVITY,
                start,
                end,
                expected=capacity,
                organisation=item.organisation,
            )
            if booking is not None:
                break
        else:
            return False
        session_id = len(sessions) + 1
        closing = end + dt.timedelta(minutes=30)
        sessions.append(
            {
                "id": session_id,
                "item_id": item_id,
                "plan_id": self.plan_of.get(slot),
                "booking_id": booking,
                "room_id": room,
                "starts_at": start,
                "ends_at": end,
                "capacity": capacity,
                "signup_deadline": dt.datetime.combine(day - dt.timedelta(days=1), hhmm("17:00")),
                "organisation_id": item.organisation,
                "organiser": self._organiser(item),
                "audience": item.audience,
                "cancelled": False,
                # A session over for half an hour has had its attendance closed at the desk:
                # whoever signed up and did not come is marked 未到.
                "attendance_closed_at": closing if closing <= self.now else None,
                **self._stamp(start - dt.timedelta(days=21)),
            }
        )

        # Signups: past and near sessions fuller; some full with a waitlist. A child at a 亲子
        # activity comes with a parent: two seats.
        seats = 2 if item.with_parent else 1
        days_ahead = (day - self.today).days
        fill = rng.uniform(0.55, 1.15) if days_ahead <= 7 else rng.uniform(0.1, 0.7)
        signed = min(capacity // seats, round(capacity * fill / seats))
        waitlist = rng.randint(1, 5) if signed == capacity // seats and rng.random() < 0.5 else 0
        cancelled = 1 if not waitlist and rng.random() < 0.3 else 0
        if free is not None:
            signed, waitlist, cancelled = (capacity - free) // seats, 0, 0
        regulars, everyone = self._pool(item, day)
        people = pick_distinct(rng, regulars, everyone, signed + waitlist + cancelled)
        parents: list[int] = []
        if item.with_parent:
            parents = rng.sample(self.parents, min(len(self.parents), len(people)))
            people = people[: len(parents)]
        signed = min(signed, len(people))
        held = start <= self.now - dt.timedelta(minutes=15)
        hours = Decimal(slot.minutes) / 60
        for n, person in enumerate(people):
            asked = start - dt.timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 8))
            if n < signed:
                status, position = SignupStatus.SIGNED_UP, None
            elif n < signed + waitlist:
                status, position = SignupStatus.WAITLISTED, n - signed + 1
            else:
                status, position = SignupStatus.CANCELLED, None
            # Draw every number whatever the clock says, so the same seed gives the same
            # centre at any time of the day.
            shows_up = rng.random() < 0.88
            arrived = start + dt.timedelta(minutes=rng.randint(-10, 15))
            attended = held and status == SignupStatus.SIGNED_UP and shows_up
            row = self._signup(
                session_id, person, status, position, arrived if attended else None, asked
            )
            if closing <= self.now and status == SignupStatus.SIGNED_UP and not shows_up:
                row["no_show"] = True
            if item.with_parent:
                row.update(companion_id=parents[n], seats=2)
            signups.append(row)
            if attended:
                self.attendees[item.name].append(person)
                if item.volunteer and person in self.volunteer_of:
                    records.append(self._record(person, session_id, day, hours, item.name))
        count = rng.randint(0, 3) if everyone else 0
        walk_ins = [(rng.choice(everyone), rng.randint(0, 20)) for _ in range(count)]
        companions: list[int] = []
        if item.with_parent:
            companions = rng.sample(self.parents, min(len(self.parents), count))
            walk_ins = walk_ins[: len(companions)]
        if held and not waitlist:  # a few walk-ins where seats are left
            chosen = set(people) | set(parents)
            for n, (person, late) in enumerate(walk_ins[: (capacity - signed * seats) // seats]):
                companion = companions[n] if item.with_parent else None
                if person in chosen or companion in chosen:
                    continue
                chosen.add(person)
                if companion is not None:
                    chosen.add(companion)
                arrived = start + dt.timedelta(minutes=late)
                row = self._signup(
                    session_id, person, SignupStatus.SIGNED_UP, None, arrived, arrived, True
                )
                if companion is not None:
                    row.update(companion_id=companion, seats=2)
                self.walk_ins.append(row)
                self.attendees[item.name].append(person)
                if item.volunteer and person in self.volunteer_of:
                    records.append(self._record(person, session_id, day, hours, item.name))
        return True

    def _signup(
        self,
        session_id: int,
        person: int,
        status: str,
        position: int | None,
        attended_at: dt.datetime | None,
        asked: dt.datetime,
        walk_in: bool = False,
    ) -> Row:
        return {
            "session_id": session_id,
            "person_id": person,
            "status": str(status),
            "waitlist_position": position,
            "companion_id": None,
            "seats": 1,
            "attended": attended_at is not None,
            "attended_at": attended_at,
            "no_show": False,
            "walk_in": walk_in,
            "created_by_id": self.desk_id,
            **self._stamp(asked),
        }

    def _record(
        self, person: int, session_id: int | None, day: dt.date, hours: Decimal, content: str
    ) -> Row:
        volunteer = self.volunteer_of[person]
        self.hours[volunteer] += hours
        self.counts["record_id"] += 1
        return {
            "id": self.counts["record_id"],
            "volunteer_id": volunteer,
            "session_id": session_id,
            "day": day,
            "hours": hours,
            "content": content[:100],
            "kind": str(ServiceRecordKind.SESSION),
            "reason": "",
            "created_by_id": self.staff_id,
            **self._stamp(dt.datetime.combine(day, hhmm("20:30"))),
        }

    def _one_off_bookings(self) -> None:
        rng = self.rng
        first, last = -PAST_WEEKS * 7, FUTURE_WEEKS * 7
        for offset in range(first, last + 1):
            day = self._day(offset)
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                self._one_off(day, BookingStatus.CONFIRMED)
        # Requests from residents and organisations awaiting approval, most of them for the
        # coming week; and a few withdrawn.
        for wanted, (nearest, furthest) in ((4, (1, 7)), (2, (8, last))):
            placed = tries = 0
            while placed < wanted and tries < wanted * 10:
                tries += 1
                day = self._day(rng.randint(nearest, furthest))
                placed += self._one_off(day, BookingStatus.PENDING)
        for _ in range(3):
            self._one_off(self._day(rng.randint(first, last)), BookingStatus.CANCELLED)

    def _one_off(self, day: dt.date, status: str) -> bool:
        rng = self.rng
        title, kind, wanted, org = rng.choice(ONE_OFF)
        if status == BookingStatus.PENDING and kind == BookingKind.STAFF:
            title, kind, wanted, org = ONE_OFF[-1]  # staff don't ask themselves for approval
        at, minutes = rng.choice(ONE_OFF_SLOTS)
        start = dt.datetime.combine(day, hhmm(at))
        rooms = [r for r, capacity in self.room_capacity.items() if capacity >= wanted]
        person = rng.choice(self.regulars) if kind == BookingKind.RESIDENT else None
        note = ""
        if status == BookingStatus.PENDING:
            note = "待审批：居民/组织线上申请"
        elif status == BookingStatus.CANCELLED:
            note = "申请人取消"
        for room in rng.sample(rooms, len(rooms)):
            booked = self._booking(
                room,
                title,
                kind,
                start,
                start + dt.timedelta(minutes=minutes),
                status=status,
                expected=min(wanted, self.room_capacity[room]),
                organisation=org,
                person=person,
                note=note,
            )
            if booked is not None:
                return True
        return False

    def _council_meetings(self) -> None:
        """The councils' meetings (COUNCIL_MEETINGS) in the 党群议事厅, else another room big
        enough that is free; their agendas are written with the requests (`_council_agendas`)."""
        rng = self.rng
        for row, (offset, at, minutes, community, committee, title, _items) in enumerate(
            COUNCIL_MEETINGS
        ):
            start = dt.datetime.combine(self._day(offset), hhmm(at))
            for _ in range(7):  # the next day the centre is open, when that one is closed
                if self._open(PARTY_ROOM, start, start + dt.timedelta(minutes=minutes)) is None:
                    break
                start += dt.timedelta(days=1)
            name = COMMUNITIES[community][0] if community is not None else ""
            wanted = rng.randint(12, 25)
            others = [r for r, size in self.room_capacity.items() if size >= wanted]
            rooms = [PARTY_ROOM, *sorted(others, key=lambda r: self.room_capacity[r])]
            named = title.format(c=name, m=start.month)[:60]
            for room in rooms:
                booking = self._booking(
                    room,
                    named,
                    BookingKind.COUNCIL,
                    start,
                    start + dt.timedelta(minutes=minutes),
                    expected=min(wanted, self.room_capacity[room]),
                    organisation=platform_id(community, committee),
                )
                if booking is not None:
                    self.council_meetings.append((booking, start, row, named))
                    break

    def _council_agendas(self) -> None:
        """Requests residents raised for the councils, on the meetings' agendas; the meeting
        held has its outcomes recorded and carried back to the requests, as the desk does."""
        rng = self.rng
        requests: list[Row] = []
        items: list[Row] = []
        first_id = self.counts["requests"] + 1
        texts = list(COUNCIL_REQUESTS)
        by_community: dict[int, list[int]] = defaultdict(list)
        for person in self.regulars:
            by_community[self.community[person] or 1].append(person)
        for booking, start, row, meeting_title in self.council_meetings:
            _offset, _at, minutes, community, _committee, _title, count = COUNCIL_MEETINGS[row]
            held = start + dt.timedelta(minutes=minutes) <= self.now
            for position in range(1, count + 1):
                category, template, decision, resolves = texts[len(requests) % len(texts)]
                c_index = community if community is not None else rng.randrange(len(COMMUNITIES))
                people = by_community.get(c_index + 1) or self.regulars
                person = rng.choice(people)
                _group_id, group_name, buildings = rng.choice(self.groups[c_index])
                asked = start - dt.timedelta(days=rng.randint(3, 20), minutes=rng.randrange(600))
                request: Row = {
                    "id": first_id + len(requests),
                    "person_id": person,
                    "community_id": self.community[person],
                    "category": category,
                    "text": template.format(
                        c=COMMUNITIES[c_index][0],
                        g=group_name,
                        b=rng.choice(buildings),
                        phone=self.residents.mobile(),
                    ),
                    "status": str(RequestStatus.OPEN),
                    "created_by_id": self.desk_id,
                    "assigned_to_id": None,
                    "resolution": "",
                    "resolved_at": None,
                    "created_at": asked,
                    "updated_at": asked,
                }
                item: Row = {
                    "booking_id": booking,
                    "request_id": request["id"],
                    "position": position,
                    "outcome": None,
                    "decision": "",
                    "added_by_id": self.staff_id,
                    "recorded_by_id": None,
                    "recorded_at": None,
                }
                if held:  # recorded the evening of the meeting, as agenda.record_outcome does
                    recorded = start + dt.timedelta(minutes=minutes + 15)
                    text = decision or "已落实，居民回访满意。"
                    outcome = AgendaOutcome.RESOLVED if resolves else AgendaOutcome.OPEN
                    item.update(
                        outcome=str(outcome),
                        decision=text,
                        recorded_by_id=self.staff_id,
                        recorded_at=recorded,
                    )
                    request["resolution"] = f"{start:%Y-%m-%d} {meeting_title}：{text}"
                    request["updated_at"] = recorded
                    if resolves:
                        request["status"] = str(RequestStatus.RESOLVED)
                        request["resolved_at"] = recorded
                self._follow_up(request)
                requests.append(request)
                items.append(item)
        self._insert(Request, requests)
        self._insert(AgendaItem, items)
        self.counts["requests"] += len(requests)

    def _visits(self) -> None:
        rng = self.rng
        count = len(self.birth_year) - 1
        per_day = max(20, min(240, 40 + count // 75))
        purposes = [p for p, _w in PURPOSES]
        purpose_cum = list(accumulate(w for _p, w in PURPOSES))
        hour_cum = list(accumulate(HOUR_WEIGHTS))
        rows: list[Row] = []
        assert self.calendar is not None
        for offset in range(-PAST_WEEKS * 7 + 1, 1):
            day = self._day(offset)
            if self.calendar.status(day).closed:  # a holiday or the centre's closed day
                continue
            factor = 0.75 if day.weekday() >= 5 else 1.0
            day_rows: list[Row] = []
            opens = dt.datetime.combine(day, hhmm("08:30"))
            closes = dt.datetime.combine(day, hhmm("20:29"))
            for _ in range(round(per_day * factor * rng.uniform(0.75, 1.25))):
                at = dt.datetime.combine(day, hhmm("08:00")) + dt.timedelta(
                    hours=pick(rng, hour_cum), minutes=rng.randrange(60), seconds=rng.randrange(60)
                )
                at = min(max(at, opens), closes)
                purpose = purposes[pick(rng, purpose_cum)]
                roll = rng.random()
                if roll < 0.07:
                    person = None
                elif roll < 0.75:
                    person = rng.choice(self.regulars)
                else:
                    person = rng.choice(self.adults)
                account = self.desk_id if rng.random() < 0.75 else self.staff_id
                undone = at + dt.timedelta(minutes=2) if rng.random() < 0.005 else None
                if at > self.now:  # today: only the visits that have happened
                    continue
                day_rows.append(
                    {
                        "person_id": person,
                        "community_id": None if person is None else self.community[person],
                        "at": at,
                        "purpose": str(purpose),
                        "note": "未登记来访者" if person is None else "",
                        "account_id": account,
                        "undone_at": undone,
                        "anonymised": False,
                    }
                )
            day_rows.sort(key=lambda row: row["at"])
            rows.extend(day_rows)
        for number, row in enumerate(rows, start=1):
            row["id"] = number
        self._insert(Visit, rows)
        self.counts["visits"] = len(rows)

    def _requests(self) -> None:
        rng = self.rng
        statuses = [RequestStatus.OPEN] * 5 + [RequestStatus.ASSIGNED] * 4
        statuses += [RequestStatus.RESOLVED] * 7
        rows = []
        for number, status in enumerate(statuses, start=1):
            category, template, resolution = rng.choice(REQUESTS)
            person = rng.choice(self.regulars)
            c_index = (self.community[person] or 1) - 1
            _group_id, group_name, buildings = rng.choice(self.groups[c_index])
            days_ago = rng.randint(0, 9 if status == RequestStatus.OPEN else PAST_WEEKS * 7)
            asked = dt.datetime.combine(self._day(-days_ago), hhmm("09:00"))
            asked = min(self.now, asked + dt.timedelta(minutes=rng.randrange(600)))
            resolved = None
            if status == RequestStatus.RESOLVED:
                resolved = min(self.now, asked + dt.timedelta(days=rng.randint(1, 10)))
            rows.append(
                {
                    "id": number,
                    "person_id": person,
                    "community_id": self.community[person],
                    "category": category,
                    "text": template.format(
                        c=COMMUNITIES[c_index][0], g=group_name, b=rng.choice(buildings)
                    ),
                    "status": str(status),
                    "created_by_id": self.desk_id,
                    "assigned_to_id": None if status == RequestStatus.OPEN else self.staff_id,
                    "resolution": resolution if status == RequestStatus.RESOLVED else "",
                    "resolved_at": resolved,
                    "created_at": asked,
                    "updated_at": resolved or asked,
                }
            )
        for row in rows:
            self._follow_up(row)
        self._insert(Request, rows)
        self.counts["requests"] = len(rows)

    def _follow_up(self, request: Row) -> None:
        """The resident's answer to the follow-up call on a resolved request, a day or three
        after it was resolved, in the mix of FOLLOW_UP_ANSWERS (most 满意, some 基本满意, a few
        不满意 saying what was wrong, some not called yet); none whose call day is to come."""
        request.update(
            satisfaction=None, satisfaction_note="", followed_up_at=None, followed_up_by_id=None
        )
        resolved = request.get("resolved_at")
        if request["status"] != str(RequestStatus.RESOLVED) or resolved is None:
            return
        rng = self.follow_up_rng
        called = resolved + dt.timedelta(days=rng.randint(1, 3), minutes=rng.randrange(240))
        answer = FOLLOW_UP_ANSWERS[self.counts["follow-ups"] % len(FOLLOW_UP_ANSWERS)]
        self.counts["follow-ups"] += 1
        if called > self.now or answer is None:
            return
        notes: tuple[str, ...] = ("", "", "谢谢社区，很及时。")
        if answer is Satisfaction.BASIC:
            notes = ("", "解决了，就是等得有点久。")
        elif answer is Satisfaction.UNSATISFIED:
            notes = FOLLOW_UP_COMPLAINTS
        request.update(
            satisfaction=str(answer),
            satisfaction_note=rng.choice(notes),
            followed_up_at=called,
            followed_up_by_id=rng.choice((self.staff_id, self.desk_id)),
            updated_at=max(request["updated_at"], called),
        )

    def _fix_sequences(self) -> None:
        """Rows were written with their ids; PostgreSQL's sequences must learn them."""
        if self.conn.dialect.name != "postgresql":
            return
        for model in (
            Account,
            Community,
            BuildingGroup,
            Tag,
            Room,
            Organisation,
            Person,
            PersonSearchKey,
            Volunteer,
            ServiceItem,
            BookingSeries,
            Booking,
            ActivitySession,
            Signup,
            ServiceRecord,
            Certificate,
            Duty,
            DutyAssignment,
            DutyShift,
            Visit,
            Request,
            Closure,
            AgendaItem,
        ):
            table = model.__tablename__
            self.conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'COALESCE((SELECT MAX(id) FROM "{table}"), 1))'
                )
            )
