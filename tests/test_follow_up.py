"""回访: the resident's answer to the follow-up call on a closed 民生直通车 request — with the
closing or later, one of three, a note with 不满意, who and when from the clock, audited, and
nothing written when anything is wrong."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from app import clock
from app.choices import Satisfaction
from app.db import Database
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models import AgendaOutcome, AuditEvent, Request, RequestStatus
from app.security import Actor
from app.services import accounts, calls, people, reception
from app.services.people import PersonInput
from app.services.rooms import agenda
from tests.council import at, make_council


@pytest.fixture
def request_id(db: Database, desk: Actor) -> int:
    with db.write() as session:
        person = people.register(
            session, desk, PersonInput("张三", phone="13812345678", consent=True)
        )
        return reception.record_request(session, desk, person.id, "设施报修", "楼道灯坏了").id


def _stored(db: Database, request_id: int) -> tuple[object, ...]:
    with db.read() as session:
        request = session.get(Request, request_id)
        assert request is not None
        return (
            request.status,
            request.satisfaction,
            request.satisfaction_note,
            request.followed_up_at,
            request.followed_up_by_id,
        )


def _follow_ups(db: Database) -> list[tuple[int | None, int | None, dict[str, object]]]:
    with db.read() as session:
        return [
            (event.entity_id, event.account_id, json.loads(event.detail))
            for event in session.scalars(
                select(AuditEvent).where(AuditEvent.action == "follow_up").order_by(AuditEvent.id)
            )
        ]


def test_the_answer_is_recorded_with_the_closing(
    db: Database, staff: Actor, request_id: int, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        row = reception.resolve_request(
            session, staff, request_id, "已换灯泡", satisfaction=Satisfaction.SATISFIED
        )
    assert row.status is RequestStatus.RESOLVED
    assert row.satisfaction is Satisfaction.SATISFIED and row.satisfaction_note == ""
    assert row.followed_up_at == clock_at.now() and row.followed_up_by == "staff"
    assert _stored(db, request_id) == (
        "resolved",
        "satisfied",
        "",
        clock_at.now(),
        staff.account_id,
    )
    assert _follow_ups(db) == [
        (request_id, staff.account_id, {"note": False, "satisfaction": "satisfied"})
    ]


def test_closing_without_an_answer_leaves_it_to_the_call_later(
    db: Database, desk: Actor, staff: Actor, request_id: int, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        row = reception.resolve_request(session, staff, request_id, "已换灯泡")
        assert row.satisfaction is None and row.followed_up_at is None
        assert [r.id for r in reception.awaiting_follow_up(session, desk)] == [request_id]
    clock_at.advance(dt.timedelta(days=2))
    with db.write() as session:
        row = reception.record_follow_up(
            session, desk, request_id, "basic", "  灯修好了，就是等了两天  "
        )
        assert reception.awaiting_follow_up(session, desk) == []
    assert (row.satisfaction, row.satisfaction_note) == (
        Satisfaction.BASIC,
        "灯修好了，就是等了两天",
    )
    assert row.followed_up_at == clock_at.now() and row.followed_up_by == "desk"
    # A later call corrects it; the log keeps what it was.
    with db.write() as session:
        reception.record_follow_up(session, staff, request_id, Satisfaction.SATISFIED)
    assert _stored(db, request_id)[1:3] == ("satisfied", "")
    assert _follow_ups(db)[-1] == (
        request_id,
        staff.account_id,
        {"note": False, "satisfaction": ["basic", "satisfied"]},
    )


def test_not_satisfied_needs_a_note_and_nothing_is_half_written(
    db: Database, staff: Actor, request_id: int
) -> None:
    before = _stored(db, request_id)
    with pytest.raises(ValidationError) as raised, db.write() as session:
        reception.resolve_request(
            session, staff, request_id, "已换灯泡", satisfaction=Satisfaction.UNSATISFIED
        )
    assert raised.value.field == "satisfaction_note" and raised.value.message
    assert _stored(db, request_id) == before  # still open: the closing waited for the answer
    with pytest.raises(ValidationError) as raised, db.write() as session:
        reception.resolve_request(session, staff, request_id, "已换灯泡", satisfaction="great")
    assert raised.value.field == "satisfaction"
    with pytest.raises(ValidationError) as raised, db.write() as session:
        # A note typed without choosing the answer.
        reception.resolve_request(session, staff, request_id, "已换灯泡", satisfaction_note="嗯")
    assert raised.value.field == "satisfaction"
    with pytest.raises(ValidationError) as raised, db.write() as session:
        reception.resolve_request(
            session,
            staff,
            request_id,
            "已换灯泡",
            satisfaction="basic",
            satisfaction_note="长" * 501,
        )
    assert raised.value.field == "satisfaction_note"
    assert _stored(db, request_id) == before and _follow_ups(db) == []
    with db.write() as session:
        row = reception.resolve_request(
            session,
            staff,
            request_id,
            "已换灯泡",
            satisfaction=Satisfaction.UNSATISFIED,
            satisfaction_note="修了三次才修好",
        )
    assert (row.satisfaction, row.satisfaction_note) == (Satisfaction.UNSATISFIED, "修了三次才修好")


def test_only_a_resolved_request_takes_an_answer(
    db: Database, desk: Actor, request_id: int
) -> None:
    with pytest.raises(ConflictError), db.write() as session:
        reception.record_follow_up(session, desk, request_id, Satisfaction.SATISFIED)
    with pytest.raises(NotFound), db.write() as session:
        reception.record_follow_up(session, desk, request_id + 99, Satisfaction.SATISFIED)
    with pytest.raises(ValidationError) as raised, db.write() as session:
        reception.record_follow_up(session, desk, request_id, None)
    assert raised.value.field == "satisfaction"
    assert _stored(db, request_id)[:2] == ("open", None) and _follow_ups(db) == []


def test_the_answer_is_in_the_persons_record(
    db: Database, admin: Actor, desk: Actor, staff: Actor, request_id: int
) -> None:
    with db.write() as session:
        reception.resolve_request(session, staff, request_id, "已换灯泡")
        reception.record_follow_up(session, desk, request_id, "satisfied", "很及时")
    with db.read() as session:
        person_id = session.get_one(Request, request_id).person_id
        assert person_id is not None
        detail = people.get(session, admin, person_id)
    (entry,) = detail.requests
    assert entry.satisfaction is Satisfaction.SATISFIED and entry.satisfaction_note == "很及时"
    assert (entry.resolution, entry.text) == ("已换灯泡", "楼道灯坏了")


def test_a_disabled_account_may_not_record_an_answer(
    db: Database, admin: Actor, desk: Actor, staff: Actor, request_id: int
) -> None:
    with db.write() as session:
        reception.resolve_request(session, staff, request_id, "已换灯泡")
        accounts.set_active(session, admin, desk.account_id, False)
    with pytest.raises(PermissionDenied):
        calls.write(
            db,
            desk,
            lambda session, actor: reception.record_follow_up(
                session, actor, request_id, "satisfied"
            ),
        )
    assert _follow_ups(db) == []


def test_a_request_resolved_by_a_council_meeting_waits_for_the_call_too(
    db: Database, desk: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    council = make_council(db, staff)
    with db.write() as session:
        item = agenda.add_to_agenda(session, staff, council.meeting, council.requests[0])
    clock_at.set(at(1, "20:45"))
    with db.write() as session:
        agenda.record_outcome(session, staff, item.id, AgendaOutcome.RESOLVED, "物业每日清洗两次")
        waiting = reception.awaiting_follow_up(session, desk)
    (ours,) = [row for row in waiting if row.id == council.requests[0]]
    assert ours.resolution.endswith("物业每日清洗两次")
    clock_at.advance(dt.timedelta(days=1))
    with db.write() as session:
        row = reception.record_follow_up(session, desk, council.requests[0], "satisfied")
        still = [other.id for other in reception.awaiting_follow_up(session, desk)]
    assert council.requests[0] not in still and len(still) == len(waiting) - 1
    assert row.followed_up_at == at(1, "20:45") + dt.timedelta(days=1)
