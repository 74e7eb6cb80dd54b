"""Booking rooms through the service: the no-double-booking rule, opening hours and closed days,
bad input (nothing written), series with their conflict report, edits in each scope, approval,
the editor's detail and finding a free room. On SQLite, and on PostgreSQL when the suite runs
there (YOULIN_TEST_POSTGRES)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app import clock
from app.db import Database
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models import (
    AuditEvent,
    Booking,
    BookingKind,
    BookingSeries,
    BookingStatus,
    Closure,
    ClosureKind,
)
from app.security import Actor
from app.services import rooms
from app.services.rooms import Frequency, Recurrence, Scope, conflicts
from app.services.rooms import booking as booking_module
from tests.conftest import on_postgres
from tests.rooms_setup import (
    OVERLAPS_SQL,
    add_room,
    at,
    booking_input,
    counts,
    organisation,
    person,
    standard_rooms,
)

ROOM = "书画室"


@pytest.fixture
def ids(db: Database, clock_at: clock.FixedClock) -> dict[str, int]:
    return standard_rooms(db)


def _write(db: Database, actor: Actor, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with db.write() as session:
        return call(session, actor, *args, **kwargs)


def _read(db: Database, actor: Actor, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with db.read() as session:
        return call(session, actor, *args, **kwargs)


def _rows(db: Database, series_id: int | None = None) -> list[Booking]:
    with db.read() as session:
        query = select(Booking).order_by(Booking.starts_at, Booking.id)
        if series_id is not None:
            query = query.where(Booking.series_id == series_id)
        rows = list(session.scalars(query))
        session.expunge_all()  # still readable after the read's rollback
        return rows


def _actions(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def _weekly(
    room_id: int, first: str = "2026-12-02", count: int = 8, **fields: Any
) -> rooms.BookingInput:
    return booking_input(
        room_id,
        first,
        "14:00",
        "16:00",
        recurrence=Recurrence(Frequency.WEEKLY, count=count),
        **fields,
    )


def _move(
    db: Database,
    actor: Actor,
    booking_id: int,
    room_id: int,
    day: str,
    start: str,
    end: str,
    scope: Scope = Scope.THIS,
) -> list[int]:
    changed: list[int] = _write(
        db, actor, rooms.move, booking_id, room_id, at(day, start), at(day, end), scope
    )
    return changed


def _book_for_organisation(
    db: Database, actor: Actor, room_id: int, day: str, start: str, end: str
) -> None:
    """亲子绘本, booked for 五彩亲子公益发展中心."""
    data = booking_input(
        room_id,
        day,
        start,
        end,
        title="亲子绘本",
        kind=BookingKind.ORGANISATION,
        organisation_id=organisation(db),
    )
    _write(db, actor, rooms.create, data)


# --- one booking -------------------------------------------------------------------------


def test_staff_book_a_room_confirmed_and_the_editor_reads_it_back(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _write(
        db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "14:00", "16:00")
    )
    assert created.series_id is None and created.skipped == []
    assert created.status == BookingStatus.CONFIRMED
    detail = _read(db, staff, rooms.get, created.booking_ids[0])
    assert (detail.room, detail.title, detail.status) == (ROOM, "书法班", BookingStatus.CONFIRMED)
    assert (detail.starts_at, detail.ends_at) == (
        at("2026-12-02", "14:00"),
        at("2026-12-02", "16:00"),
    )
    assert detail.booker_account_id == staff.account_id and detail.booker == "staff"
    assert detail.created_by == "staff" and detail.may_edit and not detail.may_decide
    assert detail.recurrence is None and detail.series_first_day is None
    assert _actions(db)[-1] == "booking.create"


def test_back_to_back_is_allowed_an_overlap_is_refused_naming_the_booking_in_the_way(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    _book_for_organisation(db, staff, ids[ROOM], "2026-12-02", "14:00", "16:00")
    _write(db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "16:00", "18:00"))
    _write(db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "12:00", "14:00"))
    _write(db, staff, rooms.create, booking_input(ids["会议室"], "2026-12-02", "15:00", "17:00"))
    before = counts(db)
    with pytest.raises(rooms.BookingConflict) as refused:
        _write(db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "15:59", "16:01"))
    assert counts(db) == before
    assert len(refused.value.clashes) == 2
    first = refused.value.clashes[0]
    assert (first.title, first.booker) == ("亲子绘本", "五彩亲子公益发展中心")
    assert (first.starts_at, first.ends_at) == (
        at("2026-12-02", "14:00"),
        at("2026-12-02", "16:00"),
    )
    assert "亲子绘本" in refused.value.message
    assert isinstance(refused.value, ConflictError)


def test_a_cancelled_or_rejected_booking_holds_nothing(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    first = _write(
        db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "14:00", "16:00")
    )
    _write(db, staff, rooms.cancel, first.booking_ids[0], Scope.THIS, "讲师生病")
    again = _write(
        db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "14:00", "16:00")
    )
    assert again.booking_ids != first.booking_ids
    cancelled = _read(db, staff, rooms.get, first.booking_ids[0])
    assert cancelled.status == BookingStatus.CANCELLED and cancelled.decision_reason == "讲师生病"
    assert not cancelled.may_edit
    with pytest.raises(ConflictError):
        _write(db, staff, rooms.cancel, first.booking_ids[0])


def _bad_inputs(ids: dict[str, int], db: Database) -> dict[str, tuple[rooms.BookingInput, str]]:
    room = ids[ROOM]
    return {
        "end before start": (booking_input(room, "2026-12-02", "16:00", "14:00"), "ends_at"),
        "zero length": (booking_input(room, "2026-12-02", "14:00", "14:00"), "ends_at"),
        "in the past": (booking_input(room, "2026-11-25", "08:00", "09:00"), "starts_at"),
        "empty title": (booking_input(room, "2026-12-02", "14:00", "16:00", title="  "), "title"),
        "title too long": (
            booking_input(room, "2026-12-02", "14:00", "16:00", title="书" * 61),
            "title",
        ),
        "negative attendees": (
            booking_input(room, "2026-12-02", "14:00", "16:00", expected_attendees=-1),
            "expected_attendees",
        ),
        "unknown room": (booking_input(9999, "2026-12-02", "14:00", "16:00"), "room_id"),
        "organisation without organisation": (
            booking_input(room, "2026-12-02", "14:00", "16:00", kind=BookingKind.ORGANISATION),
            "organisation_id",
        ),
        "resident without person": (
            booking_input(room, "2026-12-02", "14:00", "16:00", kind=BookingKind.RESIDENT),
            "person_id",
        ),
        "unknown organisation": (
            booking_input(room, "2026-12-02", "14:00", "16:00", organisation_id=9999),
            "organisation_id",
        ),
        "series without a day": (
            booking_input(
                room,
                "2026-12-02",
                "14:00",
                "16:00",
                recurrence=Recurrence(Frequency.WEEKLY, weekdays=(4,), until=dt.date(2026, 12, 3)),
            ),
            "recurrence",
        ),
        "thousands of occurrences": (
            booking_input(
                room,
                "2026-12-02",
                "14:00",
                "16:00",
                recurrence=Recurrence(Frequency.DAILY, until=dt.date(2030, 12, 1)),
            ),
            "recurrence",
        ),
        "series over midnight": (
            booking_input(
                room,
                "2026-12-02",
                "14:00",
                "16:00",
                ends_at=at("2026-12-03", "10:00"),
                recurrence=Recurrence(Frequency.WEEKLY, count=3),
            ),
            "ends_at",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "end before start",
        "zero length",
        "in the past",
        "empty title",
        "title too long",
        "negative attendees",
        "unknown room",
        "organisation without organisation",
        "resident without person",
        "unknown organisation",
        "series without a day",
        "thousands of occurrences",
        "series over midnight",
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_written(
    db: Database, staff: Actor, ids: dict[str, int], case: str
) -> None:
    data, field = _bad_inputs(ids, db)[case]
    before = counts(db)
    with pytest.raises(ValidationError) as refused:
        _write(db, staff, rooms.create, data)
    assert refused.value.field == field
    assert refused.value.message
    with pytest.raises(ValidationError):
        _read(db, staff, rooms.plan, data)
    assert counts(db) == before


def test_the_messages_say_what_is_wrong(db: Database, staff: Actor, ids: dict[str, int]) -> None:
    def message(data: rooms.BookingInput) -> str:
        with pytest.raises(ValidationError) as refused:
            _write(db, staff, rooms.create, data)
        return refused.value.message

    room = ids[ROOM]
    assert message(booking_input(room, "2026-12-02", "16:00", "14:00")) == "结束时间早于开始时间。"
    assert "时长为零" in message(booking_input(room, "2026-12-02", "14:00", "14:00"))
    assert message(booking_input(room, "2026-11-25", "08:00", "09:00")) == (
        "2026-11-25 08:00 已经过去。如仍要预约，请确认。"
    )
    assert "520" in message(
        booking_input(
            room,
            "2026-12-02",
            "14:00",
            "16:00",
            recurrence=Recurrence(Frequency.DAILY, until=dt.date(2030, 12, 1)),
        )
    )
    assert "此活动室不存在" in message(booking_input(9999, "2026-12-02", "14:00", "16:00"))


def test_a_start_in_the_past_is_booked_once_the_user_confirms(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    data = booking_input(ids[ROOM], "2026-11-25", "08:00", "09:00", allow_past=True)
    assert _write(db, staff, rooms.create, data).booking_ids


def test_rooms_out_of_use_or_not_bookable_are_refused(db: Database, staff: Actor, ids: Any) -> None:
    with db.write() as session:
        closed = add_room(session, "旧仓库", active=False)
        shown = add_room(session, "党员之家", bookable=False)
    for room_id in (closed, shown):
        with pytest.raises(ValidationError) as refused:
            _write(db, staff, rooms.create, booking_input(room_id, "2026-12-02", "14:00", "16:00"))
        assert refused.value.field == "room_id"
    assert counts(db)[0] == 0


# --- opening hours and closed days --------------------------------------------------------


def _close(db: Database, day: str, reason: str) -> None:
    with db.write() as session:
        session.add(
            Closure(day=dt.date.fromisoformat(day), kind=ClosureKind.CLOSED.value, reason=reason)
        )


def test_closed_days_and_hours_are_refused_with_the_reason(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    _close(db, "2026-12-03", "消防检查")
    with db.write() as session:
        weekdays_only = add_room(session, "舞蹈室", weekdays=range(5))
    cases = {
        booking_input(ids[ROOM], "2026-12-03", "14:00", "16:00"): "消防检查",
        booking_input(ids[ROOM], "2026-12-02", "07:00", "09:00"): "08:00–21:00",
        booking_input(ids[ROOM], "2026-12-02", "20:00", "22:00"): "08:00–21:00",
        booking_input(weekdays_only, "2026-12-05", "10:00", "11:00"): "2026-12-05",
        booking_input(
            ids[ROOM], "2026-12-02", "20:00", "10:00", ends_at=at("2026-12-03", "10:00")
        ): "08:00–21:00",
    }
    for data, words in cases.items():
        with pytest.raises(ValidationError) as refused:
            _write(db, staff, rooms.create, data)
        assert refused.value.field == "starts_at"
        assert words in refused.value.message
        assert "只有管理员" in refused.value.message
    assert counts(db)[0] == 0


def test_an_admin_overrides_a_closed_day_with_a_reason_and_it_is_audited(
    db: Database, admin: Actor, staff: Actor, ids: dict[str, int]
) -> None:
    _close(db, "2026-12-03", "消防检查")
    data = booking_input(ids[ROOM], "2026-12-03", "14:00", "16:00")
    with pytest.raises(ValidationError) as without_reason:
        _write(db, admin, rooms.create, data)
    assert "请填写例外原因" in without_reason.value.message
    with pytest.raises(PermissionDenied) as staff_override:
        _write(
            db,
            staff,
            rooms.create,
            booking_input(ids[ROOM], "2026-12-03", "14:00", "16:00", override_reason="街道会议"),
        )
    assert "只有管理员" in staff_override.value.message
    created = _write(
        db,
        admin,
        rooms.create,
        booking_input(ids[ROOM], "2026-12-03", "14:00", "16:00", override_reason="街道紧急会议"),
    )
    detail = _read(db, admin, rooms.get, created.booking_ids[0])
    assert detail.override_reason == "街道紧急会议"
    with db.read() as session:
        detail_text = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "booking.override")
        ).one()
    assert json.loads(detail_text)["reason"] == "街道紧急会议"
    assert "消防检查" in detail_text


def test_an_override_reason_on_an_open_day_is_kept_off_the_booking(
    db: Database, admin: Actor, ids: dict[str, int]
) -> None:
    data = booking_input(ids[ROOM], "2026-12-02", "14:00", "16:00", override_reason="以防万一")
    created = _write(db, admin, rooms.create, data)
    assert _read(db, admin, rooms.get, created.booking_ids[0]).override_reason == ""
    assert "booking.override" not in _actions(db)


# --- capacity, kinds, who books -----------------------------------------------------------


def test_more_people_than_the_room_holds_is_a_warning_not_a_refusal(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    data = booking_input(ids[ROOM], "2026-12-02", "14:00", "16:00", expected_attendees=30)
    plan = _read(db, staff, rooms.plan, data)
    assert plan.capacity_warning == "预计 30 人，但 书画室 只能容纳 20 人。"
    created = _write(db, staff, rooms.create, data)
    assert created.capacity_warning == plan.capacity_warning
    assert _read(db, staff, rooms.get, created.booking_ids[0]).capacity_warning
    fits = booking_input(ids[ROOM], "2026-12-03", "14:00", "16:00", expected_attendees=20)
    assert _write(db, staff, rooms.create, fits).capacity_warning is None


def test_desk_requests_start_pending_staff_confirm_unless_they_choose_not_to(
    db: Database, staff: Actor, desk: Actor, ids: dict[str, int]
) -> None:
    resident = person(db)
    request = booking_input(
        ids[ROOM], "2026-12-02", "14:00", "16:00", kind=BookingKind.RESIDENT, person_id=resident
    )
    assert _write(db, desk, rooms.create, request).status == BookingStatus.PENDING
    held = booking_input(ids[ROOM], "2026-12-03", "14:00", "16:00", confirm=False)
    assert _write(db, staff, rooms.create, held).status == BookingStatus.PENDING
    staff_booking = booking_input(ids[ROOM], "2026-12-04", "14:00", "16:00")
    created = _write(db, staff, rooms.create, staff_booking)
    assert created.status == BookingStatus.CONFIRMED
    detail = _read(db, desk, rooms.get, created.booking_ids[0])
    assert not detail.may_edit and not detail.may_decide
    resident_detail = _read(db, staff, rooms.get, _rows(db)[0].id)
    assert resident_detail.person == "张秀英" and resident_detail.booker_phone == "139****5678"
    assert resident_detail.booker_account_id is None and resident_detail.may_decide


def test_a_desk_account_changes_only_its_own_pending_requests(
    db: Database, staff: Actor, desk: Actor, ids: dict[str, int]
) -> None:
    resident = person(db)
    mine = _write(
        db,
        desk,
        rooms.create,
        booking_input(
            ids[ROOM], "2026-12-02", "14:00", "16:00", kind=BookingKind.RESIDENT, person_id=resident
        ),
    ).booking_ids[0]
    theirs = _write(
        db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-03", "14:00", "16:00")
    ).booking_ids[0]
    moved = _move(db, desk, mine, ids[ROOM], "2026-12-02", "15:00", "17:00")
    assert moved == [mine]
    assert _read(db, desk, rooms.get, mine).status == BookingStatus.PENDING
    with pytest.raises(PermissionDenied):
        _write(db, desk, rooms.cancel, theirs)
    with pytest.raises(PermissionDenied):
        _write(db, desk, rooms.approve, mine)
    _write(db, desk, rooms.cancel, mine, Scope.THIS, "居民改期")


# --- approval -----------------------------------------------------------------------------


def test_approving_a_pending_request_never_clashes_it_held_the_room(
    db: Database, staff: Actor, desk: Actor, ids: dict[str, int]
) -> None:
    org = organisation(db)
    request = booking_input(
        ids[ROOM],
        "2026-12-02",
        "14:00",
        "16:00",
        kind=BookingKind.ORGANISATION,
        organisation_id=org,
    )
    pending_id = _write(db, desk, rooms.create, request).booking_ids[0]
    with pytest.raises(rooms.BookingConflict):
        _write(db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "15:00", "17:00"))
    assert _write(db, staff, rooms.approve, pending_id) == [pending_id]
    detail = _read(db, staff, rooms.get, pending_id)
    assert detail.status == BookingStatus.CONFIRMED
    assert detail.decided_by == "staff" and detail.decided_at == clock.now()
    with pytest.raises(ConflictError):
        _write(db, staff, rooms.approve, pending_id)
    assert _actions(db)[-1] == "booking.approve"


def test_rejecting_needs_a_reason_and_frees_the_room(
    db: Database, staff: Actor, desk: Actor, ids: dict[str, int]
) -> None:
    resident = person(db)
    request = booking_input(
        ids[ROOM], "2026-12-02", "14:00", "16:00", kind=BookingKind.RESIDENT, person_id=resident
    )
    pending_id = _write(db, desk, rooms.create, request).booking_ids[0]
    with pytest.raises(ValidationError) as no_reason:
        _write(db, staff, rooms.reject, pending_id, "  ")
    assert no_reason.value.field == "reason"
    _write(db, staff, rooms.reject, pending_id, "当天已安排党员活动")
    detail = _read(db, staff, rooms.get, pending_id)
    assert detail.status == BookingStatus.REJECTED
    assert detail.decision_reason == "当天已安排党员活动"
    assert _write(db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "14:00", "16:00"))
    assert "booking.reject" in _actions(db)


def test_approving_a_series_request_confirms_its_pending_occurrences(
    db: Database, staff: Actor, desk: Actor, ids: dict[str, int]
) -> None:
    org = organisation(db)
    series = _write(
        db,
        desk,
        rooms.create,
        _weekly(ids[ROOM], count=6, kind=BookingKind.ORGANISATION, organisation_id=org),
    )
    assert len(_read(db, staff, rooms.pending)) == 6
    third = series.booking_ids[2]
    assert _write(db, staff, rooms.reject, third, "场地维修", Scope.THIS) == [third]
    approved = _write(db, staff, rooms.approve, series.booking_ids[0], Scope.ALL)
    assert sorted(approved) == sorted(set(series.booking_ids) - {third})
    statuses = [row.status for row in _rows(db, series.series_id)]
    assert statuses == ["confirmed", "confirmed", "rejected", "confirmed", "confirmed", "confirmed"]
    assert _read(db, staff, rooms.pending) == []


def test_pending_lists_requests_still_to_come_soonest_first(
    db: Database, staff: Actor, desk: Actor, ids: dict[str, int], clock_at: clock.FixedClock
) -> None:
    resident = person(db)
    for day in ("2026-12-09", "2026-12-02"):
        _write(
            db,
            desk,
            rooms.create,
            booking_input(
                ids[ROOM], day, "14:00", "16:00", kind=BookingKind.RESIDENT, person_id=resident
            ),
        )
    _write(db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-03", "14:00", "16:00"))
    waiting = _read(db, desk, rooms.pending)
    assert [block.starts_at.day for block in waiting] == [2, 9]
    assert waiting[0].booker == "张秀英" and waiting[0].booker_phone == "139****5678"
    assert all(block.pending for block in waiting)
    clock_at.set(dt.datetime(2026, 12, 5, 8, 0))
    assert [block.starts_at.day for block in _read(db, desk, rooms.pending)] == [9]


# --- free rooms ---------------------------------------------------------------------------


def test_free_rooms_are_open_big_enough_and_unheld_best_fit_first(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    with db.write() as session:
        add_room(session, "党员之家", 15, bookable=False)
        add_room(session, "阅览室", 30, weekdays=range(5))
    start, end = at("2026-12-02", "14:00"), at("2026-12-02", "16:00")
    names = [room.name for room in _read(db, staff, rooms.free_rooms, start, end, 10)]
    assert names == ["会议室", "书画室", "阅览室", "多功能厅"]
    _write(db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "15:30", "17:00"))
    names = [room.name for room in _read(db, staff, rooms.free_rooms, start, end, 13)]
    assert names == ["阅览室", "多功能厅"]
    saturday = [
        room.name
        for room in _read(
            db, staff, rooms.free_rooms, at("2026-12-05", "14:00"), at("2026-12-05", "16:00"), 13
        )
    ]
    assert saturday == [ROOM, "多功能厅"]  # 阅览室 opens on working days only
    # Back to back with a booking is free.
    later = _read(db, staff, rooms.free_rooms, at("2026-12-02", "17:00"), at("2026-12-02", "18:00"))
    assert ROOM in [room.name for room in later]
    with pytest.raises(ValidationError):
        _read(db, staff, rooms.free_rooms, end, start, 1)


# --- series -------------------------------------------------------------------------------


def test_a_series_plan_names_each_clash_and_closed_day_and_create_can_skip_them(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    _book_for_organisation(db, staff, ids[ROOM], "2026-12-09", "15:00", "17:00")
    _write(db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-23", "13:00", "14:30"))
    _close(db, "2026-12-16", "消防检查")
    data = _weekly(ids[ROOM], count=6)
    plan = _read(db, staff, rooms.plan, data)
    assert len(plan.occurrences) == 6
    assert [(p.starts_at.day, p.clash is not None, p.closed) for p in plan.problems] == [
        (9, True, None),
        (16, False, "2026-12-16 是闭馆日（消防检查）。"),
        (23, True, None),
    ]
    assert plan.problems[0].clash is not None
    assert (plan.problems[0].clash.title, plan.problems[0].clash.booker) == (
        "亲子绘本",
        "五彩亲子公益发展中心",
    )
    before = counts(db)
    with pytest.raises(ValidationError) as closed:
        _write(db, staff, rooms.create, data, skip=[plan.problems[0].starts_at])
    assert closed.value.field == "starts_at" and "消防检查" in closed.value.message
    with pytest.raises(rooms.BookingConflict) as refused:
        _write(db, staff, rooms.create, data, skip=[plan.problems[1].starts_at])
    assert len(refused.value.clashes) == 2 and len(refused.value.problems) == 2
    assert "有 2 个场次与其他预约冲突" in refused.value.message
    assert counts(db) == before
    created = _write(db, staff, rooms.create, data, skip=plan.problem_starts)
    assert len(created.booking_ids) == 3
    assert [start.day for start in created.skipped] == [9, 16, 23]
    rows = _rows(db, created.series_id)
    assert [(row.starts_at.day, row.status) for row in rows] == [
        (2, "confirmed"),
        (9, "cancelled"),
        (16, "cancelled"),
        (23, "cancelled"),
        (30, "confirmed"),
        (6, "confirmed"),
    ]
    assert all(row.occurrence_start == row.starts_at for row in rows)
    detail = _read(db, staff, rooms.get, created.booking_ids[0])
    assert detail.recurrence == Recurrence(Frequency.WEEKLY, weekdays=(2,), count=6)
    assert detail.recurrence_text == "每周三，共 6 次"
    assert (detail.series_first_day, detail.series_last_day) == (
        dt.date(2026, 12, 2),
        dt.date(2027, 1, 6),
    )
    assert detail.series_occurrences == 3
    with db.read() as session:
        series = session.get(BookingSeries, created.series_id)
        assert series is not None
        assert (series.rule, series.first_day) == (
            "FREQ=WEEKLY;BYDAY=WE;COUNT=6",
            dt.date(2026, 12, 2),
        )


def test_skipping_every_occurrence_books_nothing(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    data = _weekly(ids[ROOM], count=2)
    plan = _read(db, staff, rooms.plan, data)
    with pytest.raises(ValidationError) as refused:
        _write(db, staff, rooms.create, data, skip=[start for start, _ in plan.occurrences])
    assert refused.value.field == "recurrence"
    assert counts(db)[0] == 0


def test_an_admin_books_a_series_over_a_closed_day_with_a_reason(
    db: Database, admin: Actor, ids: dict[str, int]
) -> None:
    _close(db, "2026-12-16", "消防检查")
    data = _weekly(ids[ROOM], count=4, override_reason="消防检查不影响书画室")
    assert _read(db, admin, rooms.plan, data).problems == []
    created = _write(db, admin, rooms.create, data)
    assert len(created.booking_ids) == 4
    overridden = [row.override_reason for row in _rows(db, created.series_id)]
    assert overridden == ["消防检查不影响书画室"] * 4


def _series(db: Database, staff: Actor, ids: dict[str, int], count: int = 8) -> rooms.Created:
    created: rooms.Created = _write(db, staff, rooms.create, _weekly(ids[ROOM], count=count))
    return created


def test_this_occurrence_is_edited_on_its_own_and_stays_so(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids)
    third = created.booking_ids[2]
    edited = booking_input(ids[ROOM], "2026-12-16", "09:00", "11:00", title="书法班（调课）")
    assert _write(db, staff, rooms.update, third, edited, Scope.THIS) == [third]
    rows = _rows(db, created.series_id)
    assert rows[2].detached and rows[2].title == "书法班（调课）"
    assert rows[2].occurrence_start == at("2026-12-16", "14:00")
    assert [row.title for row in rows if row.id != third] == ["书法班"] * 7
    # An edit of all occurrences leaves the detached one be.
    renamed = _weekly(ids[ROOM], title="硬笔书法班", count=8)
    _write(db, staff, rooms.update, created.booking_ids[0], renamed, Scope.ALL)
    rows = _rows(db, created.series_id)
    assert rows[2].title == "书法班（调课）" and rows[2].starts_at == at("2026-12-16", "09:00")
    assert [row.title for row in rows if row.id != third] == ["硬笔书法班"] * 7


def test_a_new_time_for_all_keeps_past_cancelled_and_detached_occurrences(
    db: Database, staff: Actor, ids: dict[str, int], clock_at: clock.FixedClock
) -> None:
    created = _series(db, staff, ids)
    ids_ = created.booking_ids
    _write(db, staff, rooms.cancel, ids_[3], Scope.THIS, "元旦调休")
    _move(db, staff, ids_[4], ids_and_room(ids), "2026-12-30", "18:00", "20:00")
    clock_at.set(dt.datetime(2026, 12, 10, 9, 0))  # the first two are over
    changed = _move(db, staff, ids_[5], ids[ROOM], "2027-01-06", "09:00", "10:30", Scope.ALL)
    assert sorted(changed) == sorted([ids_[2], ids_[5], ids_[6], ids_[7]])
    rows = {row.id: row for row in _rows(db, created.series_id)}
    assert rows[ids_[0]].starts_at == at("2026-12-02", "14:00")  # past: never moved
    assert rows[ids_[1]].starts_at == at("2026-12-09", "14:00")
    assert rows[ids_[3]].status == "cancelled" and rows[ids_[3]].starts_at.hour == 14
    assert rows[ids_[4]].starts_at == at("2026-12-30", "18:00")  # detached keeps its own
    assert rows[ids_[2]].starts_at == at("2026-12-16", "09:00")
    assert rows[ids_[7]].ends_at == at("2027-01-20", "10:30")
    assert all(
        rows[i].occurrence_start == at(rows[i].starts_at.date().isoformat(), "14:00")
        for i in changed
    )
    with db.read() as session:
        series = session.get(BookingSeries, created.series_id)
        assert series is not None and series.start_time == dt.time(9)


def ids_and_room(ids: dict[str, int]) -> int:
    return ids[ROOM]


def test_this_and_following_splits_the_series(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=8)
    ids_ = created.booking_ids
    _write(db, staff, rooms.cancel, ids_[6], Scope.THIS)
    changed = _move(db, staff, ids_[4], ids[ROOM], "2026-12-30", "15:00", "17:00", Scope.FOLLOWING)
    assert sorted(changed) == sorted([ids_[4], ids_[5], ids_[7]])
    old = _read(db, staff, rooms.get, ids_[0])
    new = _read(db, staff, rooms.get, ids_[4])
    assert new.series_id != old.series_id
    assert old.recurrence == Recurrence(
        Frequency.WEEKLY, weekdays=(2,), until=dt.date(2026, 12, 29)
    )
    assert old.series_last_day == dt.date(2026, 12, 23) and old.series_occurrences == 4
    assert new.recurrence == Recurrence(Frequency.WEEKLY, weekdays=(2,), count=4)
    assert (new.series_first_day, new.series_last_day) == (
        dt.date(2026, 12, 30),
        dt.date(2027, 1, 20),
    )
    assert new.series_occurrences == 3  # the cancelled one stays cancelled
    cancelled = _read(db, staff, rooms.get, ids_[6])
    assert cancelled.status == BookingStatus.CANCELLED and cancelled.series_id == new.series_id
    assert [row.starts_at.hour for row in _rows(db, old.series_id)] == [14] * 4
    assert "booking.move" in _actions(db)


def test_moving_the_series_a_day_later_keeps_the_cancelled_week_cancelled(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=5)
    ids_ = created.booking_ids
    _write(db, staff, rooms.cancel, ids_[2], Scope.THIS, "停电")
    changed = _move(db, staff, ids_[0], ids[ROOM], "2026-12-03", "14:00", "16:00", Scope.ALL)
    assert sorted(changed) == sorted([ids_[0], ids_[1], ids_[3], ids_[4]])
    rows = _rows(db, created.series_id)
    assert [(row.starts_at.date().isoformat(), row.status) for row in rows] == [
        ("2026-12-03", "confirmed"),
        ("2026-12-10", "confirmed"),
        ("2026-12-16", "cancelled"),
        ("2026-12-24", "confirmed"),
        ("2026-12-31", "confirmed"),
    ]
    detail = _read(db, staff, rooms.get, ids_[0])
    assert detail.recurrence == Recurrence(Frequency.WEEKLY, weekdays=(3,), count=5)
    assert detail.recurrence_text == "每周四，共 5 次"


def test_a_new_rule_for_all_adds_and_drops_days_but_never_revives_a_cancelled_one(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=4)  # Wednesdays 2 … 23 December
    ids_ = created.booking_ids
    _write(db, staff, rooms.cancel, ids_[1], Scope.THIS)
    twice_a_week = _weekly(ids[ROOM], count=4).__class__(
        **{
            **_weekly(ids[ROOM]).__dict__,
            "recurrence": Recurrence(
                Frequency.WEEKLY, weekdays=(0, 2), until=dt.date(2026, 12, 16)
            ),
        }
    )
    changed = _write(db, staff, rooms.update, ids_[0], twice_a_week, Scope.ALL)
    rows = _rows(db, created.series_id)
    assert [(row.starts_at.date().isoformat(), row.status) for row in rows] == [
        ("2026-12-02", "confirmed"),
        ("2026-12-07", "confirmed"),
        ("2026-12-09", "cancelled"),
        ("2026-12-14", "confirmed"),
        ("2026-12-16", "confirmed"),
        ("2026-12-23", "cancelled"),  # no longer a day of the rule
    ]
    assert len(changed) == 4
    assert rows[-1].decision_reason == "已不在周期预约的日期之内。"


def test_a_series_change_that_would_clash_changes_nothing(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=6)
    _write(
        db,
        staff,
        rooms.create,
        booking_input(ids[ROOM], "2026-12-23", "16:30", "17:30", title="党课"),
    )
    _write(
        db,
        staff,
        rooms.create,
        booking_input(ids[ROOM], "2027-01-06", "16:00", "18:00", title="议事会"),
    )
    before = [(row.id, row.starts_at, row.ends_at) for row in _rows(db)]
    with pytest.raises(rooms.BookingConflict) as refused:
        _move(
            db, staff, created.booking_ids[0], ids[ROOM], "2026-12-02", "15:00", "17:00", Scope.ALL
        )
    assert sorted(clash.title for clash in refused.value.clashes) == ["党课", "议事会"]
    assert [(row.id, row.starts_at, row.ends_at) for row in _rows(db)] == before


def test_cancelling_this_and_following_ends_the_rule_and_all_leaves_the_past(
    db: Database, staff: Actor, ids: dict[str, int], clock_at: clock.FixedClock
) -> None:
    created = _series(db, staff, ids, count=6)
    ids_ = created.booking_ids
    cancelled = _write(db, staff, rooms.cancel, ids_[4], Scope.FOLLOWING, "课程提前结束")
    assert sorted(cancelled) == [ids_[4], ids_[5]]
    detail = _read(db, staff, rooms.get, ids_[0])
    assert detail.recurrence is not None and detail.recurrence.until == dt.date(2026, 12, 29)
    clock_at.set(dt.datetime(2026, 12, 10, 9, 0))
    assert sorted(_write(db, staff, rooms.cancel, ids_[3], Scope.ALL, "老师离职")) == [
        ids_[2],
        ids_[3],
    ]
    statuses = [row.status for row in _rows(db, created.series_id)]
    assert statuses == ["confirmed", "confirmed"] + ["cancelled"] * 4
    assert _rows(db, created.series_id)[2].decision_reason == "老师离职"


def test_a_single_booking_becomes_a_series(db: Database, staff: Actor, ids: dict[str, int]) -> None:
    single = _write(
        db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-02", "14:00", "16:00")
    ).booking_ids[0]
    changed = _write(db, staff, rooms.update, single, _weekly(ids[ROOM], count=3), Scope.ALL)
    assert single in changed and len(changed) == 3
    detail = _read(db, staff, rooms.get, single)
    assert detail.series_id is not None and detail.occurrence_start == detail.starts_at
    assert detail.series_occurrences == 3


def test_a_past_occurrence_is_not_changed_with_the_following_ones(
    db: Database, staff: Actor, ids: dict[str, int], clock_at: clock.FixedClock
) -> None:
    created = _series(db, staff, ids, count=4)
    clock_at.set(dt.datetime(2026, 12, 10, 9, 0))
    with pytest.raises(ValidationError) as refused:
        _move(
            db,
            staff,
            created.booking_ids[0],
            ids[ROOM],
            "2026-12-02",
            "15:00",
            "17:00",
            Scope.FOLLOWING,
        )
    assert refused.value.field == "starts_at"


def test_moving_one_occurrence_to_another_room(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=3)
    second = created.booking_ids[1]
    _move(db, staff, second, ids["会议室"], "2026-12-09", "14:00", "16:00")
    detail = _read(db, staff, rooms.get, second)
    assert detail.room == "会议室" and detail.detached
    # The room it left is free at that time.
    assert _write(db, staff, rooms.create, booking_input(ids[ROOM], "2026-12-09", "14:00", "16:00"))


def test_an_unknown_booking_is_not_found(db: Database, staff: Actor, ids: dict[str, int]) -> None:
    with pytest.raises(NotFound):
        _read(db, staff, rooms.get, 4242)
    with pytest.raises(NotFound):
        _write(db, staff, rooms.cancel, 4242)


def test_every_write_is_audited(
    db: Database, staff: Actor, desk: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=3)
    _move(db, staff, created.booking_ids[1], ids[ROOM], "2026-12-09", "10:00", "12:00")
    _write(
        db,
        staff,
        rooms.update,
        created.booking_ids[0],
        _weekly(ids[ROOM], count=3, title="新书法班"),
        Scope.ALL,
    )
    _write(db, staff, rooms.cancel, created.booking_ids[2], Scope.THIS, "停电")
    assert [action for action in _actions(db) if action.startswith("booking")] == [
        "booking.create",
        "booking.move",
        "booking.update",
        "booking.cancel",
    ]


# --- PostgreSQL's own refusal -------------------------------------------------------------


@pytest.mark.skipif(not on_postgres(), reason="the exclusion constraint is PostgreSQL's")
def test_when_the_check_is_passed_by_a_race_postgresql_refuses_and_the_clash_is_named(
    db: Database, staff: Actor, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        db,
        staff,
        rooms.create,
        booking_input(ids[ROOM], "2026-12-02", "14:00", "16:00", title="先到"),
    )
    real = conflicts.find_clashes
    monkeypatch.setattr(booking_module, "find_clashes", lambda *args, **kwargs: [])
    with db.write() as session:
        with pytest.raises(rooms.BookingConflict) as refused:
            rooms.create(session, staff, _weekly(ids[ROOM], count=3))
        assert [clash.title for clash in refused.value.clashes] == ["先到"]
        # The transaction is still usable: the refused rows are gone, others can be written.
        assert session.scalar(select(func.count()).select_from(BookingSeries)) == 0
        monkeypatch.setattr(booking_module, "find_clashes", real)
        rooms.create(session, staff, booking_input(ids[ROOM], "2026-12-02", "16:00", "17:00"))
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Booking)) == 2
        assert session.execute(text(OVERLAPS_SQL)).scalar() == 0


def test_a_series_change_cant_pile_an_occurrence_moved_on_its_own_onto_another(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=2)  # 2 and 9 December, 14:00–16:00
    first, second = created.booking_ids
    _move(db, staff, second, ids[ROOM], "2026-12-02", "16:00", "17:00")
    before = [(row.id, row.starts_at, row.ends_at) for row in _rows(db)]
    with pytest.raises(rooms.BookingConflict) as refused:
        # All occurrences at 14:30: the moved one would land on the first one's afternoon.
        _move(db, staff, second, ids[ROOM], "2026-12-02", "14:30", "16:30", Scope.ALL)
    assert [clash.booking_id for clash in refused.value.clashes] == [second]
    assert [(row.id, row.starts_at, row.ends_at) for row in _rows(db)] == before
    assert first != second


def test_an_occurrence_names_its_instance_of_the_rule_after_the_series_time_changed(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=3)
    _move(db, staff, created.booking_ids[0], ids[ROOM], "2026-12-02", "15:00", "17:00", Scope.ALL)
    with db.read() as session:
        series = session.get(BookingSeries, created.series_id)
        rows = session.scalars(select(Booking).where(Booking.series_id == created.series_id)).all()
        assert series is not None
        assert [booking_module.recurrence_id(series, row) for row in rows] == [
            at("2026-12-02", "15:00"),
            at("2026-12-09", "15:00"),
            at("2026-12-16", "15:00"),
        ]
        assert all(
            row.occurrence_start is not None and row.occurrence_start.hour == 14 for row in rows
        )


def _daily_series(
    db: Database, staff: Actor, ids: dict[str, int]
) -> tuple[rooms.BookingInput, rooms.Created]:
    """Every day 1 … 5 December, 14:00–16:00."""
    daily = booking_input(
        ids[ROOM], "2026-12-01", "14:00", "16:00", recurrence=Recurrence(Frequency.DAILY, count=5)
    )
    created: rooms.Created = _write(db, staff, rooms.create, daily)
    return daily, created


def test_a_daily_series_moved_a_day_later_takes_its_neighbours_places(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    # Each occurrence moves onto where the next one was: on PostgreSQL the constraint checks row
    # by row, so the moving ones must let go of the room before they take it anew.
    _daily, created = _daily_series(db, staff, ids)
    _move(db, staff, created.booking_ids[0], ids[ROOM], "2026-12-02", "14:00", "16:00", Scope.ALL)
    rows = _rows(db, created.series_id)
    assert [row.starts_at.day for row in rows] == [2, 3, 4, 5, 6]
    assert {row.status for row in rows} == {"confirmed"}


def test_a_new_rule_from_this_occurrence_on_splits_off_a_new_series(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=6)  # Wednesdays 2 December … 6 January
    ids_ = created.booking_ids
    _write(db, staff, rooms.cancel, ids_[4], Scope.THIS, "元旦")
    mondays = replace(
        _weekly(ids[ROOM], "2026-12-16"),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays=(0,), until=dt.date(2027, 1, 11)),
    )
    changed = _write(db, staff, rooms.update, ids_[2], mondays, Scope.FOLLOWING)
    old = _read(db, staff, rooms.get, ids_[0])
    assert old.recurrence == Recurrence(
        Frequency.WEEKLY, weekdays=(2,), until=dt.date(2026, 12, 15)
    )
    assert [row.starts_at.day for row in _rows(db, old.series_id)] == [2, 9]
    new_series = _read(db, staff, rooms.get, changed[0]).series_id
    assert new_series != old.series_id
    rows = _rows(db, new_series)
    assert [(row.starts_at.date().isoformat(), row.status) for row in rows] == [
        ("2026-12-16", "cancelled"),  # a Wednesday no longer in the rule
        ("2026-12-21", "confirmed"),
        ("2026-12-23", "cancelled"),
        ("2026-12-28", "confirmed"),
        ("2026-12-30", "cancelled"),  # cancelled before: stays so
        ("2027-01-04", "confirmed"),
        ("2027-01-06", "cancelled"),
        ("2027-01-11", "confirmed"),
    ]
    assert _read(db, staff, rooms.get, rows[1].id).recurrence_text == "每周一，至 2027-01-11"


def test_moving_onto_a_closed_day_needs_an_admin_and_a_reason(
    db: Database, admin: Actor, staff: Actor, ids: dict[str, int]
) -> None:
    _close(db, "2026-12-10", "消防检查")
    created = _series(db, staff, ids, count=3)
    second = created.booking_ids[1]
    with pytest.raises(ValidationError) as refused:
        _move(db, staff, second, ids[ROOM], "2026-12-10", "14:00", "16:00")
    assert refused.value.field == "starts_at" and "消防检查" in refused.value.message
    changed = _write(
        db,
        admin,
        rooms.move,
        second,
        ids[ROOM],
        at("2026-12-10", "14:00"),
        at("2026-12-10", "16:00"),
        override_reason="检查只在上午",
    )
    assert changed == [second]
    detail = _read(db, admin, rooms.get, second)
    assert detail.override_reason == "检查只在上午" and detail.detached
    assert _actions(db)[-2:] == ["booking.move", "booking.override"]


def test_turning_down_this_and_the_following_requests_of_a_series(
    db: Database, staff: Actor, desk: Actor, ids: dict[str, int]
) -> None:
    resident = person(db)
    created = _write(
        db,
        desk,
        rooms.create,
        _weekly(ids[ROOM], count=4, kind=BookingKind.RESIDENT, person_id=resident),
    )
    ids_ = created.booking_ids
    assert sorted(_write(db, staff, rooms.reject, ids_[2], "寒假不开放", Scope.FOLLOWING)) == [
        ids_[2],
        ids_[3],
    ]
    assert [row.status for row in _rows(db, created.series_id)] == [
        "pending",
        "pending",
        "rejected",
        "rejected",
    ]


def test_a_bad_edit_changes_nothing(db: Database, staff: Actor, ids: dict[str, int]) -> None:
    created = _series(db, staff, ids, count=3)
    before = [(row.id, row.title, row.starts_at, row.ends_at) for row in _rows(db)]
    for scope in Scope:
        with pytest.raises(ValidationError) as refused:
            _move(
                db, staff, created.booking_ids[1], ids[ROOM], "2026-12-09", "16:00", "15:00", scope
            )
        assert refused.value.field == "ends_at"
        untitled = replace(_weekly(ids[ROOM], "2026-12-09", count=3), title="")
        with pytest.raises(ValidationError):
            _write(db, staff, rooms.update, created.booking_ids[1], untitled, scope)
    assert [(row.id, row.title, row.starts_at, row.ends_at) for row in _rows(db)] == before


def test_moving_the_series_a_day_later_twice_keeps_the_cancelled_week_cancelled(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    created = _series(db, staff, ids, count=5)  # Wednesdays 2 … 30 December
    ids_ = created.booking_ids
    _write(db, staff, rooms.cancel, ids_[2], Scope.THIS, "停电")
    _move(db, staff, ids_[0], ids[ROOM], "2026-12-03", "14:00", "16:00", Scope.ALL)
    _move(db, staff, ids_[0], ids[ROOM], "2026-12-04", "14:00", "16:00", Scope.ALL)
    rows = _rows(db, created.series_id)
    assert len(rows) == 5
    assert [(row.starts_at.date().isoformat(), row.status) for row in rows] == [
        ("2026-12-04", "confirmed"),
        ("2026-12-11", "confirmed"),
        ("2026-12-16", "cancelled"),  # where it was; it stands for Friday 18 December now
        ("2026-12-25", "confirmed"),
        ("2027-01-01", "confirmed"),
    ]
    assert rows[2].occurrence_start == at("2026-12-18", "14:00")


def test_a_day_no_longer_in_the_rule_doesnt_hold_back_the_occurrence_that_took_it(
    db: Database, staff: Actor, ids: dict[str, int]
) -> None:
    daily, created = _daily_series(db, staff, ids)
    # A day later and three times only: 2 … 4 December; the 4th and 5th are cancelled.
    shorter = replace(
        daily,
        starts_at=at("2026-12-02", "14:00"),
        ends_at=at("2026-12-02", "16:00"),
        recurrence=Recurrence(Frequency.DAILY, count=3),
    )
    _write(db, staff, rooms.update, created.booking_ids[0], shorter, Scope.ALL)
    _move(db, staff, created.booking_ids[0], ids[ROOM], "2026-12-03", "14:00", "16:00", Scope.ALL)
    holding = [row for row in _rows(db, created.series_id) if row.status == "confirmed"]
    assert [row.starts_at for row in holding] == [
        at("2026-12-03", "14:00"),
        at("2026-12-04", "14:00"),
        at("2026-12-05", "14:00"),
    ]
