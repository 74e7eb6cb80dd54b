"""Volunteer profiles, make-up records (补录) and the hours they add up to."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app import clock
from app.db import Database
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models import AuditEvent, ServiceRecord, ServiceRecordKind, Volunteer
from app.security import Actor
from app.services.volunteers import hours, profiles, records
from app.services.volunteers.profiles import VolunteerInput
from app.services.volunteers.records import MakeUpInput
from tests.menu_data import add_person

TODAY = dt.date(2026, 11, 25)
PARTY = VolunteerInput(
    skills="摄影",
    double_report=True,
    workplace_party_org="嘉定区税务局第三党支部",
    reported_on=dt.date(2025, 3, 1),
)


@pytest.fixture
def person(db: Database, clock_at: clock.FixedClock) -> int:
    with db.write() as session:
        return add_person(session, "王建国")


@pytest.fixture
def volunteer(db: Database, staff: Actor, person: int) -> int:
    with db.write() as session:
        profiles.enrol(session, staff, person, VolunteerInput(skills="书法"))
    return person


def _count(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count(ServiceRecord.id))) or 0,
            session.scalar(select(func.count(AuditEvent.id))) or 0,
        )


def _make_up(person: int, **changes: object) -> MakeUpInput:
    values: dict[str, object] = {
        "person_id": person,
        "day": dt.date(2026, 11, 20),
        "hours": "2.5",
        "content": "重阳节敬老活动",
        "reason": "签到表遗失",
    }
    values.update(changes)
    return MakeUpInput(**values)  # type: ignore[arg-type]


# --- profiles --------------------------------------------------------------------------------


def test_enrolling_numbers_from_the_attendance_counter_and_reads_back(
    db: Database, staff: Actor, desk: Actor, person: int
) -> None:
    with db.write() as session:
        other = add_person(session, "李秀兰")
        first = profiles.enrol(session, staff, person, PARTY)
        second = profiles.enrol(session, staff, other, VolunteerInput())
    assert first.volunteer_number == "DLZY00001"
    assert second.volunteer_number == "DLZY00002"
    with db.read() as session:
        row = profiles.profile_of(session, desk, person)
        nobody = profiles.profile_of(session, desk, 9999)
        audited = session.scalars(select(AuditEvent.action)).all()
    assert row is not None and row.double_report and row.workplace_party_org.startswith("嘉定区")
    assert row.reported_on == dt.date(2025, 3, 1)
    assert nobody is None
    assert audited.count("volunteer.enrol") == 2
    with db.write() as session, pytest.raises(ConflictError):
        profiles.enrol(session, staff, person, VolunteerInput())


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (
            VolunteerInput(double_report=True, reported_on=dt.date(2025, 1, 1)),
            "workplace_party_org",
        ),
        (VolunteerInput(double_report=True, workplace_party_org="某党支部"), "reported_on"),
        (
            VolunteerInput(
                double_report=True, workplace_party_org="某党支部", reported_on=dt.date(2026, 12, 1)
            ),
            "reported_on",
        ),
        (VolunteerInput(skills="书" * 201), "skills"),
        (VolunteerInput(note="注" * 501), "note"),
        (VolunteerInput(double_report=True, workplace_party_org="党" * 81), "workplace_party_org"),
    ],
)
def test_a_profile_refused_names_its_field_and_writes_nothing(
    db: Database, staff: Actor, person: int, data: VolunteerInput, field: str
) -> None:
    before = _count(db)
    with db.write() as session, pytest.raises(ValidationError) as refused:
        profiles.enrol(session, staff, person, data)
    assert refused.value.field == field
    assert _count(db) == before
    with db.read() as session:
        assert session.scalar(select(func.count(Volunteer.id))) == 0


def test_updating_a_profile_is_audited_and_only_staff_write_profiles(
    db: Database, staff: Actor, desk: Actor, volunteer: int
) -> None:
    with db.write() as session:
        row = profiles.update_profile(session, staff, volunteer, PARTY)
    assert row.double_report and row.skills == "摄影"
    with db.write() as session:
        with pytest.raises(PermissionDenied):
            profiles.update_profile(session, desk, volunteer, VolunteerInput())
        with pytest.raises(PermissionDenied):
            profiles.enrol(session, desk, add_person(session, "赵六"), VolunteerInput())
    with db.read() as session:
        assert session.scalars(select(AuditEvent.action)).all().count("volunteer.update") == 1


def test_the_list_filters_and_carries_the_years_hours(
    db: Database, staff: Actor, desk: Actor, volunteer: int
) -> None:
    with db.write() as session:
        other = add_person(session, "李秀兰")
        profiles.enrol(session, staff, other, PARTY)
        records.make_up(session, staff, _make_up(volunteer, hours="3"))
        records.make_up(session, staff, _make_up(volunteer, day=dt.date(2025, 5, 1), hours="4"))
    with db.read() as session:
        everyone = profiles.list_volunteers(session, desk, year=2026)
        party = profiles.list_volunteers(session, desk, double_report=True, year=2026)
        found = profiles.list_volunteers(session, desk, text="书法", year=2025)
    assert [(row.name, row.hours) for row in everyone] == [
        ("王建国", Decimal("3.0")),
        ("李秀兰", Decimal("0.0")),
    ]
    assert [row.name for row in party] == ["李秀兰"]
    assert [(row.name, row.hours) for row in found] == [("王建国", Decimal("4.0"))]


# --- make-up records -------------------------------------------------------------------------


def test_staff_make_up_hours_that_read_back_marked_with_the_reason(
    db: Database, staff: Actor, desk: Actor, volunteer: int
) -> None:
    with db.write() as session:
        record_id = records.make_up(session, staff, _make_up(volunteer))
    with db.read() as session:
        lines = records.records_of(session, desk, volunteer, *hours.year_span(2026))
        event = session.scalar(
            select(AuditEvent.detail).where(AuditEvent.action == "service_record.make_up")
        )
    assert [(line.record_id, line.hours, line.kind, line.reason) for line in lines] == [
        (record_id, Decimal("2.5"), ServiceRecordKind.MAKE_UP, "签到表遗失")
    ]
    assert lines[0].created_by == "staff"
    assert event is not None and '"kind": "make_up"' in event


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"reason": "  "}, "reason", "原因"),
        ({"hours": "0"}, "hours", ""),
        ({"hours": "-1"}, "hours", ""),
        ({"hours": "24.5"}, "hours", "一天"),
        ({"hours": "1.25"}, "hours", ""),
        ({"hours": "两小时"}, "hours", ""),
        ({"day": dt.date(2026, 11, 26)}, "day", ""),
        ({"content": ""}, "content", ""),
        ({"content": "内" * 101}, "content", ""),
        ({"reason": "因" * 201}, "reason", ""),
    ],
)
def test_a_make_up_refused_names_its_field_and_writes_nothing(
    db: Database,
    staff: Actor,
    volunteer: int,
    chinese: object,
    changes: dict[str, object],
    field: str,
    words: str,
) -> None:
    before = _count(db)
    with db.write() as session, pytest.raises(ValidationError) as refused:
        records.make_up(session, staff, _make_up(volunteer, **changes))
    assert refused.value.field == field
    assert words in refused.value.message
    assert _count(db) == before


def test_24_hours_is_the_most_one_day_takes(db: Database, staff: Actor, volunteer: int) -> None:
    with db.write() as session:
        records.make_up(session, staff, _make_up(volunteer, hours="24"))
        records.make_up(session, staff, _make_up(volunteer, hours=Decimal("0.1")))


def test_someone_without_a_profile_is_told_to_enrol_first(
    db: Database, staff: Actor, person: int
) -> None:
    before = _count(db)
    with db.write() as session, pytest.raises(ValidationError) as refused:
        records.make_up(session, staff, _make_up(person))
    assert refused.value.field == "person_id"
    assert _count(db) == before


def test_a_desk_volunteer_is_refused_make_ups_in_the_service(
    db: Database, staff: Actor, desk: Actor, volunteer: int
) -> None:
    with db.write() as session:
        record_id = records.make_up(session, staff, _make_up(volunteer))
    before = _count(db)
    with db.write() as session:
        with pytest.raises(PermissionDenied):
            records.make_up(session, desk, _make_up(volunteer))
        with pytest.raises(PermissionDenied):
            records.delete_make_up(session, desk, record_id, "错了")
    assert _count(db) == before


def test_deleting_a_make_up_needs_a_reason_and_leaves_session_records_alone(
    db: Database, staff: Actor, volunteer: int
) -> None:
    with db.write() as session:
        record_id = records.make_up(session, staff, _make_up(volunteer))
        volunteer_id = session.scalar(select(Volunteer.id).where(Volunteer.person_id == volunteer))
        duty = ServiceRecord(
            volunteer_id=volunteer_id,
            day=dt.date(2026, 11, 18),
            hours=Decimal(1),
            content="垃圾分类桶前督导",
            kind=ServiceRecordKind.DUTY.value,
        )
        session.add(duty)
        session.flush()
        duty_id = duty.id
    before = _count(db)
    with db.write() as session:
        with pytest.raises(ValidationError) as no_reason:
            records.delete_make_up(session, staff, record_id, "")
        with pytest.raises(ValidationError) as not_make_up:
            records.delete_make_up(session, staff, duty_id, "重复")
        with pytest.raises(NotFound):
            records.delete_make_up(session, staff, 9999, "重复")
    assert (no_reason.value.field, not_make_up.value.field) == ("reason", "record")
    assert _count(db) == before
    with db.write() as session:
        records.delete_make_up(session, staff, record_id, "重复录入")
    with db.read() as session:
        left = records.records_of(session, staff, volunteer, *hours.year_span(2026))
        deleted = session.scalar(
            select(AuditEvent.detail).where(AuditEvent.action == "service_record.delete_make_up")
        )
    assert [line.kind for line in left] == [ServiceRecordKind.DUTY]
    assert deleted is not None and "重复录入" in deleted


_days = itertools.count()

_record = st.tuples(
    st.dates(dt.date(2025, 11, 1), TODAY),
    st.integers(1, 240).map(lambda tenths: Decimal(tenths) / 10),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    made=st.lists(_record, max_size=8),
    span=st.tuples(st.dates(dt.date(2025, 10, 1), TODAY), st.integers(0, 400)),
)
def test_hours_are_the_sum_of_the_records_in_any_period(
    db: Database,
    staff: Actor,
    desk: Actor,
    clock_at: clock.FixedClock,
    made: list[tuple[dt.date, Decimal]],
    span: tuple[dt.date, int],
) -> None:
    with db.write() as session:
        name = f"志愿者{next(_days)}"
        person = add_person(session, name)
        profiles.enrol(session, staff, person, VolunteerInput())
        for day, amount in made:
            records.make_up(session, staff, _make_up(person, day=day, hours=amount, content="服务"))
    first = span[0]
    last = first + dt.timedelta(days=span[1])
    expected = sum((amount for day, amount in made if first <= day <= last), Decimal(0))
    this_year = sum((amount for day, amount in made if day.year == TODAY.year), Decimal(0))
    with db.read() as session:
        lines = records.records_of(session, desk, person, first, last)
        total = hours.hours_of(session, desk, person, first, last)
        row = profiles.profile_of(session, desk, person)
        listed = profiles.list_volunteers(session, desk, text=name, year=TODAY.year)
    assert total == expected.quantize(Decimal("0.1"))
    assert sum((line.hours for line in lines), Decimal(0)) == total
    assert len(lines) == sum(1 for day, _ in made if first <= day <= last)
    assert row is not None and row.hours == this_year.quantize(Decimal("0.1"))
    assert [line.hours for line in listed if line.name == name] == [row.hours]
