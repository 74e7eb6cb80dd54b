"""The duty rota: duties, assignments, the week's turns marked done or missed, missed streaks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import clock
from app.db import Database
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models import AuditEvent, DutyShift, ServiceRecord, ServiceRecordKind
from app.security import Actor
from app.services.volunteers import rota
from tests.rota_data import make_rota

WEDNESDAY = dt.date(2026, 11, 25)  # TEST_NOW's day
MONDAY = dt.date(2026, 11, 23)


def _records(db: Database) -> list[tuple[int, dt.date, Decimal, str, str]]:
    with db.read() as session:
        return [
            (r.volunteer_id, r.day, r.hours, r.content, r.kind)
            for r in session.scalars(select(ServiceRecord).order_by(ServiceRecord.id))
        ]


def test_a_duty_is_created_and_a_volunteer_assigned_with_a_warning_when_not_double_report(
    db: Database, staff: Actor, clock_at: clock.FixedClock
) -> None:
    data = make_rota(db)
    with db.write() as session:
        duty_id = rota.create_duty(
            session,
            staff,
            rota.DutyInput(
                "楼道巡查", data.other_group_id, 4, dt.time(18, 0), dt.time(19, 0), "7号楼", True
            ),
        )
        ok = rota.assign(session, staff, duty_id, data.people["赵明"], MONDAY)
        warned = rota.assign(session, staff, duty_id, data.people["李秀兰"], MONDAY)
    assert ok.warning == ""
    assert "李秀兰" in warned.warning and "双报到" in warned.warning
    with db.read() as session:
        lines = rota.duties(session, staff, community_id=None)
        plum = rota.duties(session, staff, community_id=data.community_id)
    patrol = next(line for line in lines if line.duty_id == duty_id)
    assert patrol.community == "梅岭社区" and patrol.hours == Decimal("1.0")
    assert [v.name for v in patrol.volunteers] == ["李秀兰", "赵明"] or [
        v.name for v in patrol.volunteers
    ] == ["赵明", "李秀兰"]
    assert [line.duty_id for line in plum] == [data.duty_id]


def test_the_week_lists_every_open_assignments_turn_with_a_masked_phone(
    db: Database, desk: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    data = make_rota(db)
    with db.write() as session:
        rota.end_assignment(
            session, staff, data.duty_id, data.people["李秀兰"], dt.date(2026, 11, 20)
        )
    with db.read() as session:
        lines = rota.week(session, desk, WEDNESDAY)  # any day means its week
        earlier = rota.week(session, desk, dt.date(2026, 11, 16))
        elsewhere = rota.week(session, desk, MONDAY, community_id=data.community_id + 1)
    assert [(s.name, s.day, s.status, s.phone) for s in lines] == [
        ("王建国", WEDNESDAY, rota.TurnStatus.DUE, "138****5678")
    ]
    assert lines[0].building_group == "3号楼组" and lines[0].hours == Decimal("1.5")
    assert sorted(s.name for s in earlier) == ["李秀兰", "王建国"]
    assert elsewhere == []


def test_done_makes_one_record_and_missed_removes_it_and_marking_again_changes_nothing(
    db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    data = make_rota(db)
    person = data.people["王建国"]
    with db.write() as session:
        line = rota.mark(session, desk, data.duty_id, person, WEDNESDAY, True)
    with db.write() as session:
        again = rota.mark(session, desk, data.duty_id, person, WEDNESDAY, True)
    assert line.status == again.status == rota.TurnStatus.DONE
    assert _records(db) == [
        (1, WEDNESDAY, Decimal("1.5"), "垃圾分类桶前督导", ServiceRecordKind.DUTY.value)
    ]
    with db.write() as session:
        missed = rota.mark(session, desk, data.duty_id, person, WEDNESDAY, False, note="生病")
    with db.write() as session:
        rota.mark(session, desk, data.duty_id, person, WEDNESDAY, False)
    assert missed.status == rota.TurnStatus.MISSED and missed.note == "生病"
    assert _records(db) == []
    with db.read() as session:
        shifts = [(s.status, s.service_record_id) for s in session.scalars(select(DutyShift))]
        marks = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "duty_marked")
        )
        week = rota.week(session, desk, MONDAY)
    assert shifts == [("missed", None)]
    assert marks == 2  # the repeated marks wrote nothing
    assert {s.name: s.status for s in week} == {
        "王建国": rota.TurnStatus.MISSED,
        "李秀兰": rota.TurnStatus.DUE,
    }


def test_marking_is_refused_with_the_field_at_fault(
    db: Database, desk: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    data = make_rota(db)
    wang = data.people["王建国"]
    cases = [
        (desk, wang, dt.date(2026, 12, 2), "day"),  # the future
        (desk, wang, dt.date(2026, 11, 24), "day"),  # not the duty's weekday
        (desk, wang, dt.date(2026, 11, 4), "day"),  # older than two weeks: staff's make-up
        (desk, data.people["赵明"], WEDNESDAY, "person_id"),  # not on the duty
        (desk, data.people["钱多多"], WEDNESDAY, "person_id"),  # no volunteer profile
        (staff, wang, dt.date(2026, 9, 30), "person_id"),  # before the assignment began
    ]
    for actor, person, day, field in cases:
        with pytest.raises(ValidationError) as refused, db.write() as session:
            rota.mark(session, actor, data.duty_id, person, day, True)
        assert refused.value.field == field, (person, day)
    with db.write() as session:  # staff may mark an older turn
        assert rota.mark(session, staff, data.duty_id, wang, dt.date(2026, 11, 4), True).status
    with pytest.raises(NotFound), db.write() as session:
        rota.mark(session, desk, 999, wang, WEDNESDAY, True)


def test_duties_and_assignments_are_staffs_and_checked(
    db: Database, desk: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    data = make_rota(db)
    good = rota.DutyInput("督导", data.group_id, 0, dt.time(7), dt.time(8))
    with pytest.raises(PermissionDenied), db.write() as session:
        rota.create_duty(session, desk, good)
    with pytest.raises(PermissionDenied), db.write() as session:
        rota.assign(session, desk, data.duty_id, data.people["赵明"], MONDAY)
    bad = [
        (rota.DutyInput(" ", data.group_id, 0, dt.time(7), dt.time(8)), "name"),
        (rota.DutyInput("督导", data.group_id, 7, dt.time(7), dt.time(8)), "weekday"),
        (rota.DutyInput("督导", data.group_id, 0, dt.time(8), dt.time(7)), "end_time"),
        (rota.DutyInput("督导", 999, 0, dt.time(7), dt.time(8)), "building_group_id"),
    ]
    for data_in, field in bad:
        with pytest.raises(ValidationError) as refused, db.write() as session:
            rota.create_duty(session, staff, data_in)
        assert refused.value.field == field
    with pytest.raises(ValidationError) as refused, db.write() as session:
        rota.assign(session, staff, data.duty_id, data.people["钱多多"], MONDAY)
    assert refused.value.field == "person_id" and "钱多多" in refused.value.message
    with pytest.raises(ConflictError), db.write() as session:
        rota.assign(session, staff, data.duty_id, data.people["王建国"], MONDAY)
    with pytest.raises(ValidationError) as refused, db.write() as session:
        rota.end_assignment(
            session, staff, data.duty_id, data.people["王建国"], dt.date(2026, 1, 1)
        )
    assert refused.value.field == "until"
    with db.write() as session:  # ended, then assigned again from a new day
        rota.end_assignment(session, staff, data.duty_id, data.people["王建国"], MONDAY)
        rota.assign(session, staff, data.duty_id, data.people["王建国"], dt.date(2026, 12, 1))
        rota.update_duty(
            session,
            staff,
            data.duty_id,
            rota.DutyInput("桶前督导", data.group_id, 2, dt.time(7), dt.time(8), "", False),
        )
    with db.read() as session:
        assert rota.week(session, desk, MONDAY) == []  # the duty is inactive now


def test_missed_streaks_count_the_turns_not_done_since_the_last_done(
    db: Database, desk: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    data = make_rota(db)
    wang, li = data.people["王建国"], data.people["李秀兰"]
    with db.write() as session:
        # 王建国 did 10-28, then missed 11-04, not marked 11-11 and 11-18: three in a row.
        rota.mark(session, staff, data.duty_id, wang, dt.date(2026, 10, 28), True)
        rota.mark(session, staff, data.duty_id, wang, dt.date(2026, 11, 4), False)
        # 李秀兰 did 11-18: no streak.
        rota.mark(session, staff, data.duty_id, li, dt.date(2026, 11, 18), True)
    with db.read() as session:
        lines = rota.missing(session, desk, weeks=3, today=WEDNESDAY)
        longer = rota.missing(session, desk, weeks=4, today=WEDNESDAY)
        later = rota.missing(session, desk, today=dt.date(2026, 11, 26))
    assert [(m.name, m.missed, m.last_done, m.phone) for m in lines] == [
        ("王建国", 3, dt.date(2026, 10, 28), "138****5678")
    ]
    assert longer == []
    # The day after, today's unmarked turn counts too.
    assert [(m.name, m.missed) for m in later] == [("王建国", 4)]
    with pytest.raises(ValidationError) as refused, db.read() as session:
        rota.missing(session, desk, weeks=0, today=WEDNESDAY)
    assert refused.value.field == "weeks"
