"""Planning sessions of the menu: each books its room through the Rooms service in the same
transaction (clashes and closed days refused in the Rooms' words, nothing half-written), plans
of sessions skip closed days and name the bookings in the way, capacity changes move the
waitlist up, cancelling frees the room and lists the people to phone."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app import clock
from app.db import Database
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models import (
    ActivitySession,
    AuditEvent,
    Booking,
    BookingKind,
    BookingStatus,
    Closure,
    SessionPlan,
    SignupStatus,
)
from app.security import Actor
from app.services import rooms
from app.services.menu import reads, sessions, signups
from app.services.menu.sessions import PlanInput, SessionInput
from app.services.rooms import BookingConflict, Frequency, Recurrence
from tests.menu_data import add_item, add_people
from tests.rooms_setup import booking_input, organisation, standard_rooms

DEC_2 = dt.date(2026, 12, 2)  # a Wednesday, a week after TEST_NOW


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


@pytest.fixture
def centre(db: Database, staff: Actor, clock_at: clock.FixedClock) -> dict[str, int]:
    """书画室 (20 seats), 会议室 (12), 多功能厅 (60), open every day 08:00–21:00; 行走的党课."""
    ids = standard_rooms(db)
    with db.write() as session:
        ids["item"] = add_item(session, "行走的党课", audience="党员及入党积极分子")
    return ids


def lesson(centre: dict[str, int], day: dt.date = DEC_2, **fields: object) -> SessionInput:
    values: dict[str, object] = {
        "item_id": centre["item"],
        "room_id": centre["书画室"],
        "starts_at": at(day, "14:00"),
        "ends_at": at(day, "15:30"),
        "capacity": 15,
        "organiser": "社工 李晓燕",
    }
    values.update(fields)
    return SessionInput(**values)  # type: ignore[arg-type]


def create(db: Database, actor: Actor, data: SessionInput) -> sessions.SessionCreated:
    with db.write() as session:
        return sessions.create_session(session, actor, data)


def written(db: Database) -> tuple[int, int, int]:
    """Sessions, holding bookings and plans written so far."""
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(ActivitySession)) or 0,
            session.scalar(
                select(func.count())
                .select_from(Booking)
                .where(Booking.status != BookingStatus.CANCELLED.value)
            )
            or 0,
            session.scalar(select(func.count()).select_from(SessionPlan)) or 0,
        )


def actions(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_a_session_books_its_room(db: Database, staff: Actor, centre: dict[str, int]) -> None:
    provider = organisation(db)
    created = create(db, staff, lesson(centre, organisation_id=provider))
    assert created.capacity_warning is None
    with db.read() as session:
        activity = session.get(ActivitySession, created.session_id)
        booking = session.get(Booking, created.booking_id)
        assert activity is not None and booking is not None
        assert activity.booking_id == booking.id and activity.room_id == centre["书画室"]
        assert (booking.starts_at, booking.ends_at) == (activity.starts_at, activity.ends_at)
        assert (booking.starts_at, booking.ends_at) == (at(DEC_2, "14:00"), at(DEC_2, "15:30"))
        assert booking.kind == BookingKind.ACTIVITY and booking.status == BookingStatus.CONFIRMED
        assert booking.title == "行走的党课" and booking.expected_attendees == 15
        assert booking.organisation_id == provider == activity.organisation_id
        assert activity.audience == "党员及入党积极分子"  # the item's words by default
        assert activity.organiser == "社工 李晓燕"
    assert "session.create" in actions(db) and "booking.create" in actions(db)


def test_a_clash_is_refused_naming_the_booking_and_nothing_is_written(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        rooms.create(
            session,
            staff,
            booking_input(centre["书画室"], "2026-12-02", "15:00", "17:00", title="书法班"),
        )
    before = written(db)
    with pytest.raises(BookingConflict) as refused:
        create(db, staff, lesson(centre))
    assert "书法班" in refused.value.message
    assert [clash.title for clash in refused.value.clashes] == ["书法班"]
    assert written(db) == before
    assert "session.create" not in actions(db)


def test_capacity_zero_or_above_the_room_is_refused_unless_confirmed(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with pytest.raises(ValidationError) as zero:
        create(db, staff, lesson(centre, capacity=0))
    assert zero.value.field == "capacity"
    with pytest.raises(ValidationError) as above:
        create(db, staff, lesson(centre, capacity=25))
    assert above.value.field == "capacity" and "20" in above.value.message
    assert written(db) == (0, 0, 0)
    created = create(db, staff, lesson(centre, capacity=25, allow_over_capacity=True))
    assert created.capacity_warning and "20" in created.capacity_warning
    assert "25" in created.capacity_warning


def test_a_deadline_after_the_start_is_refused(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with pytest.raises(ValidationError) as late:
        create(db, staff, lesson(centre, signup_deadline=at(DEC_2, "16:00")))
    assert late.value.field == "signup_deadline"
    created = create(db, staff, lesson(centre, signup_deadline=at(dt.date(2026, 12, 1), "17:00")))
    with db.read() as session:
        activity = session.get(ActivitySession, created.session_id)
        assert activity is not None and activity.signup_deadline == at(
            dt.date(2026, 12, 1), "17:00"
        )


def test_a_closed_day_is_refused_in_the_rooms_words(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        session.add(Closure(day=DEC_2, reason="消防检查"))
    with pytest.raises(ValidationError) as closed:
        create(db, staff, lesson(centre))
    assert closed.value.field == "starts_at" and "消防检查" in closed.value.message
    with pytest.raises(ValidationError) as late:
        create(db, staff, lesson(centre, DEC_2 + dt.timedelta(days=1), ends_at=at(DEC_2, "22:00")))
    assert late.value.field in ("ends_at", "starts_at")
    assert written(db) == (0, 0, 0)


def test_an_inactive_or_unknown_item_is_refused(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with pytest.raises(ValidationError) as unknown:
        create(db, staff, lesson(centre, item_id=9999))
    assert unknown.value.field == "item_id"


def test_desk_volunteers_may_not_plan_sessions(
    db: Database, desk: Actor, centre: dict[str, int]
) -> None:
    with pytest.raises(PermissionDenied):
        create(db, desk, lesson(centre))
    with pytest.raises(PermissionDenied), db.read() as session:
        sessions.preview_plan(session, desk, thursdays(centre, dt.date(2026, 12, 3)))
    assert written(db) == (0, 0, 0)


def thursdays(
    centre: dict[str, int], first: dt.date, count: int = 8, **fields: object
) -> PlanInput:
    values: dict[str, object] = {
        "item_id": centre["item"],
        "room_id": centre["会议室"],
        "first_day": first,
        "start_time": dt.time(14),
        "end_time": dt.time(16),
        "recurrence": Recurrence(Frequency.WEEKLY, count=count),
        "capacity": 12,
        "deadline_days": 1,
        "organiser": "社工 李晓燕",
    }
    values.update(fields)
    return PlanInput(**values)  # type: ignore[arg-type]


def test_a_term_plan_skips_national_day_and_the_centres_closure(
    db: Database, staff: Actor, centre: dict[str, int], clock_at: clock.FixedClock
) -> None:
    clock_at.set(dt.datetime(2026, 9, 1, 9, 0))
    with db.write() as session:
        session.add(Closure(day=dt.date(2026, 10, 15), reason="中心消杀"))
    plan = thursdays(centre, dt.date(2026, 9, 17))
    with db.read() as session:
        preview = sessions.preview_plan(session, staff, plan)
    assert len(preview.dates) == 8 and preview.dates[0] == dt.date(2026, 9, 17)
    assert [day for day, _ in preview.closed] == [dt.date(2026, 10, 1), dt.date(2026, 10, 15)]
    assert "国庆节" in preview.closed[0][1] and "中心消杀" in preview.closed[1][1]
    assert preview.clashes == [] and len(preview.bookable) == 6
    # As the editor lists them: each closed day at the plan's times, with why.
    assert [(p.starts_at, p.closed is not None) for p in preview.problems] == [
        (at(dt.date(2026, 10, 1), "14:00"), True),
        (at(dt.date(2026, 10, 15), "14:00"), True),
    ]
    assert written(db) == (0, 0, 0)  # a preview changes nothing
    with db.write() as session:
        created = sessions.create_plan(session, staff, plan)
    assert created.skipped_dates == [dt.date(2026, 10, 1), dt.date(2026, 10, 15)]
    assert len(created.session_ids) == 6
    with db.read() as session:
        rows = list(
            session.scalars(
                select(ActivitySession)
                .where(ActivitySession.id.in_(created.session_ids))
                .order_by(ActivitySession.starts_at)
            )
        )
        days = [row.starts_at.date() for row in rows]
        assert dt.date(2026, 10, 1) not in days and dt.date(2026, 10, 15) not in days
        saved_plan = session.get(SessionPlan, created.plan_id)
        assert saved_plan is not None and saved_plan.booking_series_id is not None
        for row in rows:
            booking = session.get(Booking, row.booking_id)
            assert booking is not None and booking.series_id == saved_plan.booking_series_id
            assert (booking.starts_at, booking.ends_at) == (row.starts_at, row.ends_at)
            assert row.plan_id == created.plan_id and row.capacity == 12
            # One day before, at the session's start time.
            assert row.signup_deadline == row.starts_at - dt.timedelta(days=1)
    assert written(db) == (6, 6, 1)


def test_a_plan_with_a_clash_is_refused_then_created_skipping_it(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        rooms.create(
            session,
            staff,
            booking_input(centre["会议室"], "2026-12-17", "15:00", "17:00", title="议事会例会"),
        )
    plan = thursdays(centre, dt.date(2026, 12, 3), count=4)
    with db.read() as session:
        preview = sessions.preview_plan(session, staff, plan)
    assert preview.clash_dates == [dt.date(2026, 12, 17)]
    assert preview.clashes[0].clash is not None
    assert preview.clashes[0].clash.title == "议事会例会"
    before = written(db)
    with pytest.raises(BookingConflict) as refused, db.write() as session:
        sessions.create_plan(session, staff, plan)
    assert "议事会例会" in refused.value.message and "2026-12-17" in refused.value.message
    assert written(db) == before
    with db.write() as session:
        created = sessions.create_plan(session, staff, plan, skip=preview.clash_dates)
    assert created.skipped_dates == [dt.date(2026, 12, 17)] and len(created.session_ids) == 3
    assert written(db) == (3, 4, 1)


def test_a_plan_is_bounded_by_the_rooms_limit(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    plan = thursdays(centre, dt.date(2026, 12, 3), count=rooms.MAX_OCCURRENCES + 1)
    with pytest.raises(ValidationError) as refused, db.read() as session:
        sessions.preview_plan(session, staff, plan)
    assert refused.value.field == "recurrence"


def test_one_session_of_a_plan_moved_alone_keeps_its_own_time(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        created = sessions.create_plan(session, staff, thursdays(centre, dt.date(2026, 12, 3)))
    second = created.session_ids[1]
    moved = lesson(
        centre,
        dt.date(2026, 12, 10),
        room_id=centre["会议室"],
        starts_at=at(dt.date(2026, 12, 10), "09:00"),
        ends_at=at(dt.date(2026, 12, 10), "11:00"),
        capacity=12,
    )
    with db.write() as session:
        sessions.update_session(session, staff, second, moved)
    with db.read() as session:
        activity = session.get(ActivitySession, second)
        assert activity is not None
        booking = session.get(Booking, activity.booking_id)
        assert booking is not None and booking.detached
        assert booking.starts_at == activity.starts_at == at(dt.date(2026, 12, 10), "09:00")
        others = session.scalars(
            select(Booking.starts_at).where(
                Booking.series_id == booking.series_id, Booking.id != booking.id
            )
        )
        assert all(start.time() == dt.time(14) for start in others)


def test_moving_a_session_onto_another_booking_is_refused_naming_it(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    created = create(db, staff, lesson(centre))
    with db.write() as session:
        rooms.create(
            session,
            staff,
            booking_input(centre["多功能厅"], "2026-12-02", "13:00", "15:00", title="合唱排练"),
        )
    with pytest.raises(BookingConflict) as refused, db.write() as session:
        sessions.update_session(
            session, staff, created.session_id, lesson(centre, room_id=centre["多功能厅"])
        )
    assert "合唱排练" in refused.value.message
    with db.read() as session:
        activity = session.get(ActivitySession, created.session_id)
        assert activity is not None and activity.room_id == centre["书画室"]


def sign_up_all(db: Database, actor: Actor, session_id: int, names: list[str]) -> list[int]:
    with db.write() as session:
        people = add_people(session, names)
    with db.write() as session:
        return [signups.sign_up(session, actor, session_id, person).signup_id for person in people]


def test_raising_the_capacity_promotes_the_waitlist_and_lowering_below_taken_is_refused(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    created = create(db, staff, lesson(centre, capacity=2))
    sign_up_all(db, staff, created.session_id, ["王建国", "李秀英", "张伟", "刘洋"])
    with pytest.raises(ValidationError) as lower, db.write() as session:
        sessions.update_session(session, staff, created.session_id, lesson(centre, capacity=1))
    assert lower.value.field == "capacity" and "已有 2 人报名" in lower.value.message
    with db.write() as session:
        updated = sessions.update_session(
            session, staff, created.session_id, lesson(centre, capacity=3)
        )
    assert [person.name for person in updated.promoted] == ["张伟"]
    with db.read() as session:
        booking = session.get(Booking, created.booking_id)
        assert booking is not None and booking.expected_attendees == 3
        lines = reads.roster(session, staff, created.session_id)
    assert [line.name for line in lines.waitlist] == ["刘洋"]
    assert "signup.promote" in actions(db) and "session.update" in actions(db)


def test_the_activity_cannot_change_once_people_signed_up(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    created = create(db, staff, lesson(centre))
    with db.write() as session:
        other = add_item(session, "书法入门", series="culture")
    sign_up_all(db, staff, created.session_id, ["王建国"])
    with pytest.raises(ValidationError) as refused, db.write() as session:
        sessions.update_session(session, staff, created.session_id, lesson(centre, item_id=other))
    assert refused.value.field == "item_id"


def test_cancelling_frees_the_room_and_lists_the_people_to_phone(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    created = create(db, staff, lesson(centre, capacity=1))
    sign_up_all(db, staff, created.session_id, ["王建国", "李秀英"])
    with pytest.raises(ValidationError) as no_reason, db.write() as session:
        sessions.cancel_session(session, staff, created.session_id, "  ")
    assert no_reason.value.field == "reason"
    with db.write() as session:
        people = sessions.cancel_session(session, staff, created.session_id, "讲师生病")
    assert [(line.name, line.status) for line in people] == [
        ("王建国", SignupStatus.SIGNED_UP),
        ("李秀英", SignupStatus.WAITLISTED),
    ]
    assert all("*" in line.phone for line in people)
    with db.read() as session:
        booking = session.get(Booking, created.booking_id)
        assert booking is not None and booking.status == BookingStatus.CANCELLED
        activity = session.get(ActivitySession, created.session_id)
        assert activity is not None and activity.cancelled
        assert activity.cancelled_reason == "讲师生病"
    # The room is free again: another booking in the same slot goes through.
    with db.write() as session:
        rooms.create(
            session,
            staff,
            booking_input(centre["书画室"], "2026-12-02", "14:00", "15:30", title="书法班"),
        )
    with pytest.raises(ConflictError), db.write() as session:
        sessions.update_session(session, staff, created.session_id, lesson(centre))
    with pytest.raises(ConflictError), db.write() as session:
        sessions.cancel_session(session, staff, created.session_id, "again")


def test_signups_closed_by_hand_and_opened_again(
    db: Database, staff: Actor, centre: dict[str, int]
) -> None:
    created = create(db, staff, lesson(centre))
    with db.write() as session:
        sessions.set_signups_closed(session, staff, created.session_id, True)
    with db.read() as session:
        detail = reads.get_session(session, staff, created.session_id)
    assert detail.closed
    with db.write() as session:
        sessions.set_signups_closed(session, staff, created.session_id, False)
    assert actions(db)[-2:] == ["session.close_signups", "session.open_signups"]


def test_an_admin_may_use_a_closed_day_giving_a_reason(
    db: Database, admin: Actor, staff: Actor, centre: dict[str, int]
) -> None:
    with db.write() as session:
        session.add(Closure(day=DEC_2, reason="中心消杀"))
    with pytest.raises(PermissionDenied):
        create(db, staff, lesson(centre, override_reason="区里临时安排"))
    created = create(db, admin, lesson(centre, override_reason="区里临时安排"))
    with db.read() as session:
        booking = session.get(Booking, created.booking_id)
        assert booking is not None and booking.override_reason == "区里临时安排"
    assert "booking.override" in actions(db)
