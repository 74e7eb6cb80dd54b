"""Attendance (app.services.menu.attendance): ticks, member-card scans, walk-ins, closing with
no-shows, and the volunteer hours an attended volunteer session earns."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import clock, counters
from app.db import Database
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models import (
    ActivitySession,
    AuditEvent,
    Person,
    ServiceRecord,
    Signup,
    Volunteer,
)
from app.security import Actor
from app.services import menu
from app.services.menu import attendance
from app.services.menu.attendance import AttendanceCounts, ScanOutcome
from tests.conftest import TEST_NOW
from tests.menu_data import add_item, add_people, add_person, add_session

# Today's session at 10:00; the clock stands at 09:30, so attendance is open (from 09:00).
TEN = dt.datetime.combine(TEST_NOW.date(), dt.time(10))


@pytest.fixture(autouse=True)
def _clock(clock_at: clock.FixedClock) -> clock.FixedClock:
    return clock_at


def lesson(
    db: Database,
    desk: Actor,
    names: list[str],
    *,
    capacity: int = 10,
    volunteer: bool = False,
    minutes: int = 90,
) -> tuple[int, list[int], list[int]]:
    """A session at 10:00 with `names` signed up; (session id, person ids, signup ids)."""
    with db.write() as session:
        item = add_item(
            session, "垃圾分类桶前督导" if volunteer else "行走的党课", volunteer=volunteer
        )
        session_id = add_session(session, item, TEN, capacity=capacity, minutes=minutes)
        people = add_people(session, names)
    signups = []
    for person_id in people:
        with db.write() as session:
            signups.append(menu.sign_up(session, desk, session_id, person_id).signup_id)
    return session_id, people, signups


def code_of(db: Database, person_id: int) -> str:
    with db.read() as session:
        person = session.get(Person, person_id)
        assert person is not None
        return person.member_code


def test_ticking_and_unticking_count_who_came(db: Database, desk: Actor) -> None:
    session_id, _, signups = lesson(db, desk, ["王建国", "李秀兰", "张伟"])
    with db.write() as session:
        first = attendance.tick(session, desk, signups[0], True)
    assert first == AttendanceCounts(expected=3, present=1, walk_ins=0, no_shows=0)
    with db.write() as session:
        attendance.tick(session, desk, signups[1], True)
        second = attendance.tick(session, desk, signups[0], False)
    assert (second.expected, second.present) == (3, 1)
    with db.read() as session:
        roster = menu.roster(session, desk, session_id)
        row = session.get(Signup, signups[1])
        assert row is not None and row.attended_at == TEST_NOW
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert [line.attended for line in roster.sheet] == [True, False, False]  # 李, 王, 张
    assert (roster.expected, roster.present) == (3, 1)
    assert actions.count("attendance.tick") == 2 and actions.count("attendance.untick") == 1


def test_a_scanned_member_card_ticks_its_holder_and_a_second_scan_says_so(
    db: Database, desk: Actor
) -> None:
    session_id, people, signups = lesson(db, desk, ["王建国", "李秀兰"])
    code = code_of(db, people[1])
    with db.write() as session:
        # The scanner types the code as printed; a volunteer may type it in lower case.
        result = attendance.scan(session, desk, session_id, f" {code.lower()} ")
    assert (result.outcome, result.signup_id, result.name) == (
        ScanOutcome.TICKED,
        signups[1],
        "李秀兰",
    )
    assert "李秀兰" in result.message and "已签到" in result.message
    assert result.counts == AttendanceCounts(2, 1, 0, 0)
    with db.write() as session:
        again = attendance.scan(session, desk, session_id, code)
    assert again.outcome is ScanOutcome.ALREADY_TICKED
    assert again.counts is None


def test_scanning_someone_not_signed_up_offers_a_walk_in_that_ends_the_sheet(
    db: Database, desk: Actor
) -> None:
    session_id, _, _ = lesson(db, desk, ["王建国", "张伟"])
    with db.write() as session:
        stranger = add_person(session, "阿依古丽")
    with db.write() as session:
        result = attendance.scan(session, desk, session_id, code_of(db, stranger))
    assert result.outcome is ScanOutcome.NOT_SIGNED_UP
    assert result.may_walk_in and result.person_id == stranger
    assert "阿依古丽" in result.message and "现场参加" in result.message
    with db.read() as session:
        assert menu.roster(session, desk, session_id).walk_ins == []
    with db.write() as session:
        added = attendance.add_walk_in(session, desk, session_id, stranger)
    assert added.outcome is ScanOutcome.WALK_IN and added.warning == ""
    assert added.counts == AttendanceCounts(expected=2, present=1, walk_ins=1, no_shows=0)
    with db.read() as session:
        roster = menu.roster(session, desk, session_id)
    assert [line.name for line in roster.sheet] == ["王建国", "张伟", "阿依古丽"]
    assert roster.sheet[-1].walk_in and roster.sheet[-1].attended
    with db.write() as session, pytest.raises(ConflictError):
        attendance.add_walk_in(session, desk, session_id, stranger)


def test_a_waitlisted_person_who_comes_is_offered_a_free_seat_and_their_row_is_reused(
    db: Database, desk: Actor
) -> None:
    session_id, people, signups = lesson(db, desk, ["王建国", "李秀兰", "张伟"], capacity=2)
    with db.read() as session:
        waiting = session.get(Signup, signups[2])
        assert waiting is not None and waiting.status == "waitlisted"
    with db.write() as session:
        full = attendance.scan(session, desk, session_id, code_of(db, people[2]))
    assert full.outcome is ScanOutcome.WAITLISTED and not full.may_walk_in
    # The walk-in is still recorded: they are in the room; the desk is warned it is over.
    with db.write() as session:
        added = attendance.add_walk_in(session, desk, session_id, people[2])
    assert added.signup_id == signups[2]
    assert "2" in added.warning and "1" in added.warning
    with db.read() as session:
        roster = menu.roster(session, desk, session_id)
    assert roster.waitlist == [] and [line.name for line in roster.walk_ins] == ["张伟"]
    assert (roster.expected, roster.present) == (2, 1)


def test_unknown_and_malformed_codes_are_said_plainly(db: Database, desk: Actor) -> None:
    session_id, _, _ = lesson(db, desk, ["王建国"])
    for code in ("T9999999", "", "   ", "张三", "12"):
        with db.write() as session:
            result = attendance.scan(session, desk, session_id, code)
        assert result.outcome is ScanOutcome.UNKNOWN_CODE, code
        assert result.signup_id is None and "会员" in result.message


def test_closing_marks_the_rest_no_show_and_only_staff_correct_it_after(
    db: Database, desk: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    session_id, _, signups = lesson(db, desk, ["王建国", "李秀兰", "张伟"])
    with db.write() as session:
        attendance.tick(session, desk, signups[0], True)
    with db.write() as session, pytest.raises(ValidationError) as early:
        attendance.close_attendance(session, desk, session_id)
    assert early.value.field == "session"
    clock_at.set(TEN + dt.timedelta(minutes=20))
    with db.write() as session:
        closed = attendance.close_attendance(session, desk, session_id)
    assert closed == AttendanceCounts(expected=3, present=1, walk_ins=0, no_shows=2)
    with db.read() as session:
        roster = menu.roster(session, desk, session_id)
        detail = menu.get_session(session, desk, session_id)
        audited = session.scalar(
            select(AuditEvent.entity_id).where(AuditEvent.action == "attendance.close")
        )
    assert [(line.name, line.attended, line.no_show) for line in roster.sheet] == [
        ("李秀兰", False, True),
        ("王建国", True, False),
        ("张伟", False, True),
    ]
    assert detail.attendance_closed_at == TEN + dt.timedelta(minutes=20)
    assert audited == session_id
    with db.write() as session, pytest.raises(ConflictError):
        attendance.close_attendance(session, desk, session_id)
    with db.write() as session, pytest.raises(PermissionDenied):
        attendance.tick(session, desk, signups[1], True)
    # Staff correct it: a late tick clears the no-show; an untick makes one.
    with db.write() as session:
        attendance.tick(session, staff, signups[1], True)
        corrected = attendance.tick(session, staff, signups[0], False)
    assert corrected == AttendanceCounts(expected=3, present=1, walk_ins=0, no_shows=2)
    with db.write() as session:
        reopened = attendance.reopen_attendance(session, staff, session_id)
    assert reopened == AttendanceCounts(expected=3, present=1, walk_ins=0, no_shows=0)
    with db.write() as session, pytest.raises(PermissionDenied):
        attendance.reopen_attendance(session, desk, session_id)


def test_a_volunteer_session_records_each_ticked_persons_hours_once(
    db: Database, desk: Actor
) -> None:
    session_id, people, signups = lesson(
        db, desk, ["王建国", "李秀兰"], volunteer=True, minutes=100
    )
    with db.write() as session:
        # A volunteer already on file keeps their profile; the other gets one.
        session.add(Volunteer(person_id=people[0], volunteer_number="DLZY00001"))
    with db.write() as session:
        attendance.tick(session, desk, signups[0], True)
        attendance.tick(session, desk, signups[1], True)
        attendance.tick(session, desk, signups[1], True)  # twice: still one record
    with db.read() as session:
        records = [
            (r.hours, r.day, r.content, r.kind, r.session_id)
            for r in session.scalars(select(ServiceRecord).order_by(ServiceRecord.id))
        ]
        volunteers = {v.person_id: v.volunteer_number for v in session.scalars(select(Volunteer))}
    assert records == [(Decimal("1.7"), TEN.date(), "垃圾分类桶前督导", "session", session_id)] * 2
    # The counter steps over the number the demo-like profile holds.
    assert volunteers == {people[0]: "DLZY00001", people[1]: "DLZY00002"}
    with db.write() as session:
        attendance.tick(session, desk, signups[1], False)
    with db.read() as session:
        left = [r.volunteer.person_id for r in session.scalars(select(ServiceRecord))]
        actions = list(session.scalars(select(AuditEvent.action)))
    assert left == [people[0]]
    assert actions.count("service_record.create") == 2
    assert actions.count("service_record.delete") == 1
    assert actions.count("volunteer.create") == 1


def test_a_walk_in_at_a_volunteer_session_gets_hours_too(db: Database, desk: Actor) -> None:
    session_id, _, _ = lesson(db, desk, [], volunteer=True, minutes=60)
    with db.write() as session:
        person_id = add_person(session, "赵志强")
    with db.write() as session:
        attendance.add_walk_in(session, desk, session_id, person_id)
    with db.read() as session:
        record = session.scalar(select(ServiceRecord))
        assert record is not None and record.hours == Decimal("1.0")
        assert counters.peek(session, counters.VOLUNTEER_NUMBER) == 1


def test_a_companion_is_not_a_volunteer(db: Database, desk: Actor) -> None:
    with db.write() as session:
        item = add_item(session, "亲子垃圾分类", with_parent=True, volunteer=True)
        session_id = add_session(session, item, TEN, minutes=120)
        child = add_person(session, "小明", birth_year=2018)
        parent = add_person(session, "王芳", birth_year=1988)
    with db.write() as session:
        signup = menu.sign_up(session, desk, session_id, child, companion_id=parent).signup_id
    with db.write() as session:
        # The parent's own card ticks the signup they came with.
        result = attendance.scan(session, desk, session_id, code_of(db, parent))
    assert result.outcome is ScanOutcome.TICKED and result.signup_id == signup
    assert result.counts == AttendanceCounts(expected=2, present=2, walk_ins=0, no_shows=0)
    with db.read() as session:
        owners = [v.person_id for v in session.scalars(select(Volunteer))]
        records = list(session.scalars(select(ServiceRecord.hours)))
    assert owners == [child] and records == [Decimal("2.0")]


def test_attendance_opens_an_hour_before_and_never_for_a_cancelled_session(
    db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    session_id, _, signups = lesson(db, desk, ["王建国"])
    clock_at.set(TEN - dt.timedelta(minutes=61))
    with db.write() as session, pytest.raises(ValidationError) as early:
        attendance.tick(session, desk, signups[0], True)
    assert "09:00" in early.value.message
    clock_at.set(TEN - dt.timedelta(days=1))
    with db.write() as session, pytest.raises(ValidationError) as day_before:
        attendance.tick(session, desk, signups[0], True)
    assert f"{TEN.date().isoformat()} 09:00" in day_before.value.message
    clock_at.set(TEN - dt.timedelta(minutes=60))
    with db.write() as session:
        attendance.tick(session, desk, signups[0], True)
    with db.write() as session:
        activity = session.get(ActivitySession, session_id)
        assert activity is not None
        activity.cancelled = True
    for write in (
        lambda s: attendance.tick(s, desk, signups[0], False),
        lambda s: attendance.scan(s, desk, session_id, "T0000001"),
        lambda s: attendance.close_attendance(s, desk, session_id),
    ):
        with db.write() as session, pytest.raises(ValidationError) as refused:
            write(session)
        assert refused.value.field == "session" and "取消" in refused.value.message


def test_only_a_seat_can_be_ticked(db: Database, desk: Actor) -> None:
    session_id, _, signups = lesson(db, desk, ["王建国", "李秀兰"], capacity=1)
    with db.write() as session, pytest.raises(ValidationError) as waiting:
        attendance.tick(session, desk, signups[1], True)
    assert waiting.value.field == "signup"
    with db.read() as session:
        assert attendance.attendance_counts(session, desk, session_id).expected == 1


def test_unticking_a_walk_in_takes_them_off_the_sheet(db: Database, desk: Actor) -> None:
    session_id, _, _ = lesson(db, desk, ["王建国"])
    with db.write() as session:
        person_id = add_person(session, "赵志强")
    with db.write() as session:
        added = attendance.add_walk_in(session, desk, session_id, person_id)
    assert added.signup_id is not None
    with db.write() as session:
        after = attendance.tick(session, desk, added.signup_id, False)
    assert after == AttendanceCounts(1, 0, 0, 0)
    with db.read() as session:
        roster = menu.roster(session, desk, session_id)
    assert [line.name for line in roster.sheet] == ["王建国"]
    with db.write() as session:
        again = attendance.add_walk_in(session, desk, session_id, person_id)
    assert again.signup_id == added.signup_id
