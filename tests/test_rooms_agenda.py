"""议事: open requests go on a council meeting's agenda, in order; after the meeting each item's
outcome is carried back to its request. Staff only for changes, checked in the service; every
change audited. On SQLite and on PostgreSQL (the `db` fixture)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app import clock
from app.db import Database
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.masking import mask_name
from app.models import AgendaItem, AgendaOutcome, AuditEvent, Booking, Request, RequestStatus
from app.security import Actor
from app.services.rooms import agenda
from tests.conftest import TEST_NOW
from tests.council import Council, at, make_council


@pytest.fixture
def council(db: Database, staff: Actor, clock_at: clock.FixedClock) -> Council:
    return make_council(db, staff)


def _add(db: Database, actor: Actor, booking_id: int, request_id: int) -> agenda.AgendaLine:
    with db.write() as session:
        return agenda.add_to_agenda(session, actor, booking_id, request_id)


def _meeting(db: Database, actor: Actor, booking_id: int) -> agenda.Meeting:
    with db.read() as session:
        return agenda.agenda(session, actor, booking_id)


@dataclass(frozen=True)
class Event:
    entity: str
    entity_id: int | None
    account_id: int | None
    detail: str


def _events(db: Database, action: str) -> list[Event]:
    with db.read() as session:
        return [
            Event(e.entity, e.entity_id, e.account_id, e.detail)
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
            )
        ]


def test_add_in_order_masked_and_audited(db: Database, staff: Actor, council: Council) -> None:
    first = _add(db, staff, council.meeting, council.requests[0])
    second = _add(db, staff, council.meeting, council.requests[2])
    assert (first.position, second.position) == (1, 2)
    meeting = _meeting(db, staff, council.meeting)
    assert meeting.title == "东湖苑自治理事会11月议事会"
    assert meeting.council == "东湖苑居民区自治理事会"
    assert (meeting.room, meeting.location) == ("党群议事厅", "二楼201")
    assert not meeting.started and meeting.open_for_items and not meeting.open_for_outcomes
    assert [item.request.id for item in meeting.items] == [council.requests[0], council.requests[2]]
    request = meeting.items[0].request
    assert "13812345678" not in request.text and "138****5678" in request.text
    assert request.resident == "张**" and request.community == "东湖苑"
    assert request.raised_by == "东湖苑 张**"
    assert meeting.items[1].request.resident == ""  # a resident not on file
    [event, _] = _events(db, "add_to_agenda")
    assert event.entity == "agenda_item" and event.account_id == staff.account_id
    assert json.loads(event.detail) == {
        "booking_id": council.meeting,
        "request_id": council.requests[0],
    }


def test_mask_name() -> None:
    assert mask_name("张三") == "张**"
    assert mask_name("张三丰") == "张**"
    assert mask_name("欧阳建国") == "欧阳**"
    assert mask_name("阿依古丽·买买提明") == "阿**"
    assert mask_name("王") == "王*"
    assert mask_name("") == mask_name(None) == ""


def test_open_requests_leave_out_those_waiting_on_an_agenda(
    db: Database, staff: Actor, desk: Actor, council: Council
) -> None:
    with db.read() as session:
        before = [row.id for row in agenda.open_requests(session, desk)]
    assert before == council.requests  # the longest waiting first; resolved ones left out
    _add(db, staff, council.meeting, council.requests[1])
    with db.read() as session:
        after = [row.id for row in agenda.open_requests(session, desk)]
        assert council.requests[1] not in after and len(after) == 3
        masked = agenda.open_requests(session, desk)[0]
        assert "138****5678" in masked.text and masked.resident == "张**"


def test_a_request_once_per_meeting_and_on_one_undecided_agenda(
    db: Database, staff: Actor, council: Council
) -> None:
    _add(db, staff, council.meeting, council.requests[0])
    with pytest.raises(ConflictError):
        _add(db, staff, council.meeting, council.requests[0])
    with pytest.raises(ConflictError) as error:
        _add(db, staff, council.later, council.requests[0])
    assert "东湖苑自治理事会11月议事会" in error.value.message
    with db.read() as session:
        assert len(list(session.scalars(select(AgendaItem)))) == 1


def test_only_council_meetings_that_have_not_ended(
    db: Database, staff: Actor, council: Council, clock_at: clock.FixedClock
) -> None:
    with pytest.raises(ConflictError):
        _add(db, staff, council.activity, council.requests[0])
    with pytest.raises(ConflictError):
        _add(db, staff, council.past, council.requests[0])
    with pytest.raises(NotFound):
        _add(db, staff, 9999, council.requests[0])
    with pytest.raises(NotFound):
        _add(db, staff, council.meeting, 9999)
    with pytest.raises(ConflictError):
        _add(db, staff, council.meeting, council.resolved)
    with pytest.raises(ConflictError), db.read() as session:
        agenda.agenda(session, staff, council.activity)
    # Under way: still open for items until it ends.
    clock_at.set(at(1, "19:30"))
    assert _add(db, staff, council.meeting, council.requests[0]).position == 1
    clock_at.set(at(1, "20:30"))
    with pytest.raises(ConflictError):
        _add(db, staff, council.meeting, council.requests[1])
    # A meeting called off takes no more items, and its items wait on nothing.
    with db.write() as session:
        booking = session.get(Booking, council.later)
        assert booking is not None
        booking.status = "cancelled"
    with pytest.raises(ConflictError):
        _add(db, staff, council.later, council.requests[1])


def test_remove_and_reorder(db: Database, staff: Actor, council: Council) -> None:
    ids = [_add(db, staff, council.meeting, r).id for r in council.requests]
    with db.write() as session:
        lines = agenda.reorder(session, staff, council.meeting, [ids[3], ids[0], ids[2], ids[1]])
    assert [line.id for line in lines] == [ids[3], ids[0], ids[2], ids[1]]
    assert [line.position for line in lines] == [1, 2, 3, 4]
    with db.write() as session:
        agenda.remove_from_agenda(session, staff, ids[0])
    meeting = _meeting(db, staff, council.meeting)
    assert [item.id for item in meeting.items] == [ids[3], ids[2], ids[1]]
    with db.read() as session:
        stored = sorted(session.scalars(select(AgendaItem.position)))
    assert stored == [1, 2, 3]
    # The removed request may go on an agenda again.
    with db.read() as session:
        assert council.requests[0] in [r.id for r in agenda.open_requests(session, staff)]
    # A stale order (an item missing or twice) changes nothing.
    for stale in ([ids[3], ids[2]], [ids[3], ids[2], ids[2]], [ids[0], ids[3], ids[2], ids[1]]):
        with pytest.raises(ConflictError), db.write() as session:
            agenda.reorder(session, staff, council.meeting, stale)
    assert [item.id for item in _meeting(db, staff, council.meeting).items] == [
        ids[3],
        ids[2],
        ids[1],
    ]
    assert len(_events(db, "reorder_agenda")) == 1
    assert len(_events(db, "remove_from_agenda")) == 1
    with pytest.raises(NotFound), db.write() as session:
        agenda.remove_from_agenda(session, staff, ids[0])


def test_resolved_outcome_closes_the_request(
    db: Database, staff: Actor, council: Council, clock_at: clock.FixedClock
) -> None:
    item = _add(db, staff, council.meeting, council.requests[0])
    with pytest.raises(ConflictError), db.write() as session:  # not begun yet
        agenda.record_outcome(session, staff, item.id, AgendaOutcome.RESOLVED, "物业每日清洗两次")
    clock_at.set(at(1, "20:45"))
    with pytest.raises(ValidationError) as error, db.write() as session:
        agenda.record_outcome(session, staff, item.id, AgendaOutcome.RESOLVED, "  ")
    assert error.value.field == "decision"
    with pytest.raises(ValidationError) as error, db.write() as session:
        agenda.record_outcome(session, staff, item.id, "maybe", "物业每日清洗两次")
    assert error.value.field == "outcome"
    with db.write() as session:
        line = agenda.record_outcome(
            session, staff, item.id, AgendaOutcome.RESOLVED, "物业每日清洗两次"
        )
    assert line.outcome == AgendaOutcome.RESOLVED and line.decision == "物业每日清洗两次"
    assert line.recorded_at == at(1, "20:45")
    with db.read() as session:
        request = session.get(Request, council.requests[0])
        assert request is not None
        assert request.status == RequestStatus.RESOLVED
        assert request.resolved_at == at(1, "20:45")
        day = (TEST_NOW.date() + dt.timedelta(days=1)).isoformat()
        assert request.resolution == f"{day} 东湖苑自治理事会11月议事会：物业每日清洗两次"
        stored = session.get(AgendaItem, item.id)
        assert stored is not None and stored.recorded_by_id == staff.account_id
    assert len(_events(db, "record_outcome")) == 1
    [resolve] = _events(db, "resolve")
    assert resolve.entity == "request" and resolve.entity_id == council.requests[0]
    # Recorded once; a decided item stays on the agenda.
    with pytest.raises(ConflictError), db.write() as session:
        agenda.record_outcome(session, staff, item.id, AgendaOutcome.OPEN, "再议")
    with pytest.raises(ConflictError), db.write() as session:
        agenda.remove_from_agenda(session, staff, item.id)


def test_open_outcome_keeps_the_request_open_with_a_dated_line(
    db: Database, staff: Actor, council: Council, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        request = session.get(Request, council.requests[1])
        assert request is not None
        request.resolution = "已联系物业。"
    item = _add(db, staff, council.meeting, council.requests[1])
    clock_at.set(at(1, "20:00"))  # during the meeting
    with db.write() as session:
        agenda.record_outcome(session, staff, item.id, AgendaOutcome.OPEN, "请物业两周内更换灯具")
    with db.read() as session:
        request = session.get(Request, council.requests[1])
        assert request is not None
        assert request.status == RequestStatus.ASSIGNED  # unchanged
        assert request.resolved_at is None
        day = (TEST_NOW.date() + dt.timedelta(days=1)).isoformat()
        assert request.resolution.split("\n") == [
            "已联系物业。",
            f"{day} 东湖苑自治理事会11月议事会：请物业两周内更换灯具",
        ]
        # Decided: it may go on a coming meeting's agenda again.
        assert council.requests[1] in [r.id for r in agenda.open_requests(session, staff)]
    assert len(_events(db, "note")) == 1
    clock_at.set(at(2, "09:00"))
    assert _add(db, staff, council.later, council.requests[1]).position == 1


def test_permissions_refused_in_the_service(
    db: Database, staff: Actor, desk: Actor, council: Council, clock_at: clock.FixedClock
) -> None:
    item = _add(db, staff, council.meeting, council.requests[0])
    with pytest.raises(PermissionDenied):
        _add(db, desk, council.meeting, council.requests[1])
    with pytest.raises(PermissionDenied), db.write() as session:
        agenda.remove_from_agenda(session, desk, item.id)
    with pytest.raises(PermissionDenied), db.write() as session:
        agenda.reorder(session, desk, council.meeting, [item.id])
    clock_at.set(at(1, "21:00"))
    with pytest.raises(PermissionDenied), db.write() as session:
        agenda.record_outcome(session, desk, item.id, AgendaOutcome.RESOLVED, "已解决")
    # A desk volunteer may read agendas and what may go on them.
    assert len(_meeting(db, desk, council.meeting).items) == 1
    with db.read() as session:
        assert agenda.open_requests(session, desk)
        upcoming = agenda.upcoming_meetings(session, desk)
        assert [c.booking_id for c in upcoming] == [council.later]  # tomorrow's is over
    with db.read() as session:
        request = session.get(Request, council.requests[0])
        assert request is not None and request.status == RequestStatus.OPEN


def test_upcoming_meetings_say_whether_the_request_is_on_them(
    db: Database, staff: Actor, council: Council
) -> None:
    _add(db, staff, council.meeting, council.requests[0])
    with db.read() as session:
        choices = agenda.upcoming_meetings(session, staff, council.requests[0])
    assert [c.booking_id for c in choices] == [council.meeting, council.later]
    assert [c.has_request for c in choices] == [True, False]
    assert [c.items for c in choices] == [1, 0]
    assert choices[1].council == "东社区群英荟" and choices[1].room == "党群议事厅"
    assert choices[0].starts_at == at(1, "19:00")
