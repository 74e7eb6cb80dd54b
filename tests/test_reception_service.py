"""Check-ins, today's log, undo, counts by purpose, and 民生直通车 requests, each audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models import AuditEvent, Purpose, Request, RequestStatus, Visit
from app.security import Actor
from app.services import communities, people, reception, search
from app.services.people import PersonInput
from app.services.reception import RecentDuplicate
from tests.conftest import TEST_NOW


@pytest.fixture
def zhang(db: Database, admin: Actor, desk: Actor) -> int:
    with db.write() as session:
        community = communities.add_community(session, admin, "桃园社区")
        row = people.register(
            session,
            desk,
            PersonInput("张三", phone="13812345678", community_id=community.id, consent=True),
        )
    return row.id


def _events(session: Session, action: str) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _visits(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Visit)) or 0


# --- check-in ------------------------------------------------------------------------------


def test_check_in_writes_the_visit_with_community_and_audit(
    db: Database, desk: Actor, zhang: int, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        row = reception.check_in(session, desk, zhang, Purpose.GOVERNMENT, "办理居住证")
    with db.write() as session:
        visit = session.get(Visit, row.id)
        assert visit is not None
        assert (visit.person_id, visit.purpose, visit.note) == (zhang, "government", "办理居住证")
        assert visit.community_id is not None and visit.community_id == row.community_id
        assert visit.account_id == desk.account_id
        assert visit.at == TEST_NOW  # the program's clock, not the machine's
        [event] = _events(session, "check_in")
        assert (event.entity, event.entity_id, event.account_id) == (
            "visit",
            row.id,
            desk.account_id,
        )
        assert json.loads(event.detail)["purpose"] == "government"


def test_a_repeat_within_five_minutes_asks_first(db: Database, desk: Actor, zhang: int) -> None:
    with db.write() as session:
        first = reception.check_in(session, desk, zhang, "activity")
    with pytest.raises(RecentDuplicate) as caught, db.write() as session:
        reception.check_in(session, desk, zhang, "activity")
    assert caught.value.visit_id == first.id
    assert isinstance(caught.value, ConflictError)
    with db.write() as session:
        assert _visits(session) == 1
        # Another purpose is another errand; a confirmed repeat is written.
        reception.check_in(session, desk, zhang, "government")
        reception.check_in(session, desk, zhang, "activity", confirm_duplicate=True)
        assert _visits(session) == 3


def test_a_repeat_after_five_minutes_or_after_an_undo_is_a_new_visit(
    db: Database, desk: Actor, zhang: int, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        reception.check_in(session, desk, zhang, "activity")
    clock_at.advance(dt.timedelta(minutes=4, seconds=59))
    with pytest.raises(RecentDuplicate), db.write() as session:
        reception.check_in(session, desk, zhang, "activity")
    clock_at.advance(dt.timedelta(minutes=1))
    with db.write() as session:
        second = reception.check_in(session, desk, zhang, "activity")
        reception.undo_check_in(session, desk, second.id)
        reception.check_in(session, desk, zhang, "activity")
        assert _visits(session) == 3


@pytest.mark.parametrize(
    ("purpose", "note", "field"),
    [("shopping", "", "purpose"), ("other", "很长" * 101, "note"), ("other", "a\x00b", "note")],
)
def test_bad_purpose_or_note(
    db: Database, desk: Actor, zhang: int, purpose: str, note: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        reception.check_in(session, desk, zhang, purpose, note)
    assert caught.value.field == field
    with db.write() as session:
        assert _visits(session) == 0


def test_the_visitor_about_to_be_checked_in(db: Database, desk: Actor, zhang: int) -> None:
    with db.read() as session:
        found = reception.visitor(session, desk, zhang)
        assert (found.name, found.member_code) == ("张三", "YL000001")
        assert found.label() == "张三 (YL000001)"
        with pytest.raises(NotFound):
            reception.visitor(session, desk, 999)


def test_unknown_and_merged_people_are_not_checked_in(
    db: Database, desk: Actor, staff: Actor, zhang: int
) -> None:
    with pytest.raises(NotFound), db.write() as session:
        reception.check_in(session, desk, 999, "other")
    with db.write() as session:
        twin = people.register(session, desk, PersonInput("张三"))
        people.merge(session, staff, zhang, twin.id)
    with pytest.raises(ConflictError), db.write() as session:
        reception.check_in(session, desk, twin.id, "other")


# --- today's log, undo, counts ---------------------------------------------------------------


def test_todays_log_newest_first_with_desk_account(
    db: Database, desk: Actor, staff: Actor, zhang: int, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        li = people.register(session, desk, PersonInput("李四")).id
    clock_at.advance(dt.timedelta(days=-1))
    with db.write() as session:
        reception.check_in(session, desk, li, "activity")  # yesterday
    clock_at.set(TEST_NOW)
    with db.write() as session:
        early = reception.check_in(session, desk, zhang, "government")
    clock_at.advance(dt.timedelta(seconds=30))
    with db.write() as session:
        late = reception.check_in(session, staff, li, "life_service")
    with db.read() as session:
        log = reception.today_log(session, desk, clock.today())
    assert [(line.id, line.name, line.purpose, line.account) for line in log] == [
        (late.id, "李四", Purpose.LIFE_SERVICE, "staff"),
        (early.id, "张三", Purpose.GOVERNMENT, "desk"),
    ]
    assert log[1].community == "桃园社区" and log[0].community == ""
    assert not any(line.undone for line in log)


def test_undo_the_same_day_only_and_once(
    db: Database, desk: Actor, zhang: int, clock_at: clock.FixedClock
) -> None:
    clock_at.advance(dt.timedelta(days=-1))
    with db.write() as session:
        old = reception.check_in(session, desk, zhang, "activity")
    clock_at.set(TEST_NOW)
    with db.write() as session:
        today = reception.check_in(session, desk, zhang, "government")
    with db.write() as session:
        reception.undo_check_in(session, desk, today.id)
    with pytest.raises(ConflictError), db.write() as session:
        reception.undo_check_in(session, desk, today.id)
    with pytest.raises(ConflictError), db.write() as session:
        reception.undo_check_in(session, desk, old.id)
    with pytest.raises(NotFound), db.write() as session:
        reception.undo_check_in(session, desk, 999)
    with db.write() as session:
        [line] = reception.today_log(session, desk, clock.today())
        assert line.undone
        [event] = _events(session, "undo_check_in")
        assert event.entity_id == today.id
        old_visit = session.get(Visit, old.id)
        assert old_visit is not None and old_visit.undone_at is None


def test_counts_by_purpose_leave_out_undone(db: Database, desk: Actor, zhang: int) -> None:
    with db.write() as session:
        li = people.register(session, desk, PersonInput("李四")).id
        reception.check_in(session, desk, zhang, "government")
        reception.check_in(session, desk, li, "government")
        mistake = reception.check_in(session, desk, li, "activity")
        reception.undo_check_in(session, desk, mistake.id)
        counts = reception.counts_by_purpose(session, desk, clock.today())
    assert counts[Purpose.GOVERNMENT] == 2
    assert counts[Purpose.ACTIVITY] == 0
    assert set(counts) == set(Purpose)


# --- requests ------------------------------------------------------------------------------


def test_request_lifecycle_is_audited(db: Database, desk: Actor, staff: Actor, zhang: int) -> None:
    with db.write() as session:
        row = reception.record_request(
            session, desk, zhang, "设施报修", "3号楼楼道灯坏了\n晚上很黑"
        )
    assert (row.status, row.person_name, row.created_by) == (RequestStatus.OPEN, "张三", "desk")
    assert row.text == "3号楼楼道灯坏了\n晚上很黑"
    with db.write() as session:
        assert [r.id for r in reception.open_requests(session, desk)] == [row.id]
        assigned = reception.assign_request(session, desk, row.id, staff.account_id)
    assert (assigned.status, assigned.assigned_to) == (RequestStatus.ASSIGNED, "staff")
    with db.write() as session:
        assert [r.id for r in reception.open_requests(session, desk)] == [row.id]
        resolved = reception.resolve_request(session, staff, row.id, "已联系物业更换灯泡")
    assert resolved.status == RequestStatus.RESOLVED and resolved.resolved_at is not None
    assert resolved.resolution == "已联系物业更换灯泡"
    with db.write() as session:
        assert reception.open_requests(session, desk) == []
        actions = [
            (e.action, e.account_id)
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.entity == "request").order_by(AuditEvent.id)
            )
        ]
    assert actions == [
        ("create", desk.account_id),
        ("assign", desk.account_id),
        ("resolve", staff.account_id),
    ]
    with pytest.raises(ConflictError), db.write() as session:
        reception.resolve_request(session, staff, row.id, "再次处理")
    with pytest.raises(ConflictError), db.write() as session:
        reception.assign_request(session, staff, row.id, desk.account_id)


def test_a_request_without_a_registered_person(db: Database, desk: Actor) -> None:
    with db.write() as session:
        row = reception.record_request(session, desk, None, "政策咨询", "路过的居民询问养老补贴")
    assert row.person_id is None and row.person_name == ""


@pytest.mark.parametrize(
    ("category", "text", "field"),
    [
        ("", "内容", "category"),
        ("类" * 21, "内容", "category"),
        ("其他", "   \n ", "text"),
        ("其他", "长" * 2001, "text"),
        ("其他", "bad\x07bell", "text"),
    ],
)
def test_bad_requests_write_nothing(
    db: Database, desk: Actor, zhang: int, category: str, text: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        reception.record_request(session, desk, zhang, category, text)
    assert caught.value.field == field
    with db.write() as session:
        assert session.scalar(select(func.count()).select_from(Request)) == 0


def test_assign_to_a_missing_or_disabled_account_and_resolve_without_note(
    db: Database, desk: Actor, admin: Actor, staff: Actor, zhang: int
) -> None:
    from app.services import accounts

    with db.write() as session:
        row = reception.record_request(session, desk, zhang, "其他", "内容")
        accounts.set_active(session, admin, staff.account_id, False)
    for account_id in (999, staff.account_id):
        with pytest.raises(ValidationError) as caught, db.write() as session:
            reception.assign_request(session, desk, row.id, account_id)
        assert caught.value.field == "account_id"
    with pytest.raises(ValidationError) as caught, db.write() as session:
        reception.resolve_request(session, desk, row.id, "  ")
    assert caught.value.field == "note"
    with pytest.raises(NotFound), db.write() as session:
        reception.resolve_request(session, desk, 999, "好")


def test_every_reception_call_needs_the_reception_permission(
    db: Database, desk: Actor, zhang: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import security
    from app.models import Role

    monkeypatch.setitem(
        security.PERMISSIONS,
        Role.DESK,
        security.PERMISSIONS[Role.DESK] - {security.Permission.RECEPTION},
    )
    calls = [
        lambda s: reception.visitor(s, desk, zhang),
        lambda s: search.find_people(s, desk, "张三"),
        lambda s: reception.today_log(s, desk, TEST_NOW.date()),
        lambda s: reception.counts_by_purpose(s, desk, TEST_NOW.date()),
        lambda s: reception.open_requests(s, desk),
        lambda s: reception.assignees(s, desk),
        lambda s: reception.check_in(s, desk, zhang, "other"),
        lambda s: reception.undo_check_in(s, desk, 1),
        lambda s: reception.record_request(s, desk, zhang, "其他", "内容"),
        lambda s: reception.assign_request(s, desk, 1, desk.account_id),
        lambda s: reception.resolve_request(s, desk, 1, "好"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied), db.write() as session:
            call(session)
    with db.write() as session:
        assert _visits(session) == 0 and _events(session, "check_in") == []
