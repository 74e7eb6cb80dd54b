"""Data retention: visits and resolved requests older than the period are anonymised in place and
the monthly figures stay the same; people with no activity are listed and removed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import partial
from typing import Any

import pytest
from sqlalchemy import func, select

from app import clock
from app.db import Database
from app.errors import PermissionDenied, ValidationError
from app.models import AuditEvent, Certificate, Person, Request, Signup, Visit
from app.progress import Progress
from app.security import Actor
from app.services import calls, retention
from app.services import statistics as stats
from app.services.statistics import AreaLevel, Period
from tests import retention_data
from tests.retention_data import NOW


@pytest.fixture
def old_centre(db: Database, admin: Actor) -> retention_data.OldCentre:
    clock.use(clock.FixedClock(NOW))
    return retention_data.build(db)


def _figures(db: Database, actor: Actor, months: list[tuple[int, int]]) -> dict[Any, Any]:
    figures = {}
    with db.read() as session:
        for year, month in months:
            period = Period.month(year, month)
            figures[(year, month)] = {
                "areas": stats.areas(session, actor, period),
                "per_day": stats.visits_per_day(session, actor, period),
                "by_purpose": stats.visits_by_purpose(session, actor, period),
                "requests": stats.requests(session, actor, period),
                "satisfaction": stats.satisfaction(session, actor, period),
            }
    return figures


def _attending(db: Database, period: Period) -> int:
    """The distinct people who attended a session of `period` (as themselves or companions)."""
    with db.read() as session:
        rows = session.execute(
            select(Signup.person_id, Signup.companion_id)
            .join(Signup.session)
            .where(
                Signup.attended,
                Signup.session.property.mapper.class_.starts_at >= period.start,
                Signup.session.property.mapper.class_.starts_at < period.end,
            )
        ).all()
    people = {person for person, _ in rows} | {c for _, c in rows if c is not None}
    return len(people)


def test_monthly_figures_stay_the_same(
    db: Database, admin: Actor, old_centre: retention_data.OldCentre
) -> None:
    months = old_centre.months
    before = _figures(db, admin, months)
    with db.read() as session:
        due = retention.preview(session, admin)
    assert due.cutoff == dt.datetime(2023, 11, 25)
    assert due.visits > 900 and due.requests > 90 and due.open_requests_kept > 0

    result = retention.anonymise(db, admin, batch_rows=300)

    assert (result.visits, result.requests) == (due.visits, due.requests)
    after = _figures(db, admin, months)
    cut = due.cutoff
    for month in months:
        period = Period.month(*month)
        was, now = before[month], after[month]
        # By day, by purpose, 民生直通车 and satisfaction by category, community and assignee:
        # every month the same.
        for key in ("per_day", "by_purpose", "requests", "satisfaction"):
            assert now[key] == was[key], (month, key)
        for old, new in zip(was["areas"], now["areas"], strict=True):
            if period.end <= cut:
                # Visits, signups, hours by community unchanged; the people served of a month
                # wholly anonymised are those still known: the ones who attended sessions.
                if old.level is AreaLevel.BUILDING_GROUP:
                    assert new.visits == 0
                    continue
                assert dataclasses.replace(new, people_served=0) == dataclasses.replace(
                    old, people_served=0
                ), month
                if old.level is AreaLevel.CENTRE:
                    assert new.people_served == _attending(db, period), month
            elif period.start >= cut:
                assert new == old, month
            elif old.level is not AreaLevel.BUILDING_GROUP:
                assert new.visits == old.visits, month
    # Once more: nothing left to do, nothing changes.
    again = retention.anonymise(db, admin)
    assert (again.visits, again.requests) == (0, 0)


def test_anonymised_rows_keep_no_person(
    db: Database, admin: Actor, old_centre: retention_data.OldCentre
) -> None:
    retention.anonymise(db, admin)
    cut = dt.datetime(2023, 11, 25)
    with db.read() as session:
        old_visits = session.execute(select(Visit).where(Visit.at < cut)).scalars().all()
        assert old_visits and all(
            v.person_id is None and v.anonymised and v.note == "" for v in old_visits
        )
        kept = session.scalars(select(Visit).where(Visit.at >= cut)).all()
        assert all(v.person_id is not None and not v.anonymised for v in kept)
        assert any(v.note for v in kept)
        old_requests = session.scalars(select(Request).where(Request.created_at < cut)).all()
        for request in old_requests:
            if request.status == "resolved":
                assert request.person_id is None and request.anonymised
                assert "139" not in request.text.replace("139****", "")
                assert "反映楼道灯坏了" in request.text and "王" in request.text
                assert not any(name in request.text for name in old_centre.names.values())
                assert "已修好" in request.resolution
            else:  # open: someone still has to answer; kept as it is
                assert request.person_id is not None and not request.anonymised
        events = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == retention.RUN_ACTION)
        ).all()
    assert len(events) == 1
    detail = json.loads(events[0])
    assert detail["visits"] > 0 and detail["cutoff"] == "2023-11-25"
    assert "王" not in events[0]  # counts, never contents


def test_scrub_masks_numbers_and_the_whole_name() -> None:
    text = "王建国反映：电话 138 1234 5678，身份证 310101199001011234，王建国家门口"
    cleaned = retention.scrub(text, "王建国")
    assert cleaned == "王**反映：电话 138****5678，身份证 3101**********1234，王**家门口"
    assert retention.scrub("王老师来过", "王") == "王老师来过"


def test_only_an_admin_may(db: Database, admin: Actor, staff: Actor, desk: Actor) -> None:
    for actor in (staff, desk):
        with pytest.raises(PermissionDenied):
            calls.read(db, actor, retention.preview)
        with pytest.raises(PermissionDenied):
            retention.anonymise(db, actor)
        with pytest.raises(PermissionDenied):
            calls.write(db, actor, lambda s, a: retention.set_months(s, a, 24))
        with pytest.raises(PermissionDenied):
            calls.write(db, actor, lambda s, a: retention.remove_people(s, a, [1]))
        with pytest.raises(PermissionDenied):
            calls.read(db, actor, retention.inactive_people)


def _set_months(session: Any, actor: Actor, months: int) -> int:
    return retention.set_months(session, actor, months)


def test_the_period_has_bounds(db: Database, admin: Actor) -> None:
    with db.read() as session:
        assert retention.months(session) == retention.DEFAULT_MONTHS
    for wrong in (11, 121, 0):
        with pytest.raises(ValidationError):
            calls.write(db, admin, partial(_set_months, months=wrong))
    calls.write(db, admin, lambda s, a: retention.set_months(s, a, 24))
    with db.read() as session:
        assert retention.months(session) == 24
        assert session.scalar(select(func.count()).where(AuditEvent.entity == "retention")) == 1


def test_cutoff_counts_months_back() -> None:
    assert retention.cutoff(dt.datetime(2026, 3, 31, 10), 1) == dt.datetime(2026, 2, 28)
    assert retention.cutoff(dt.datetime(2026, 11, 25, 10), 36) == dt.datetime(2023, 11, 25)


def test_a_run_stops_between_batches(
    db: Database, admin: Actor, old_centre: retention_data.OldCentre
) -> None:
    progress = Progress()
    seen: list[int] = []

    def report(done: int, total: int, phrase: str) -> None:
        seen.append(done)
        if done >= 200:
            progress.cancel()

    progress._on_report = report  # one test's hook
    result = retention.anonymise(db, admin, progress=progress, batch_rows=100)
    assert result.stopped and result.visits == 200
    with db.read() as session:
        assert session.scalar(select(func.count()).where(Visit.anonymised)) == 200


def test_run_due_once_a_day(
    db: Database, admin: Actor, old_centre: retention_data.OldCentre
) -> None:
    first = retention.run_due(db, NOW)
    assert first is not None and first.visits > 0
    assert retention.run_due(db, NOW + dt.timedelta(hours=3)) is None
    tomorrow = retention.run_due(db, NOW + dt.timedelta(days=1))
    assert tomorrow is not None


def test_dry_run_writes_nothing(
    db: Database, admin: Actor, old_centre: retention_data.OldCentre
) -> None:
    result = retention.anonymise(db, admin, dry_run=True)
    assert result.visits > 0
    with db.read() as session:
        assert session.scalar(select(func.count()).where(Visit.anonymised)) == 0


# --- people with no activity ----------------------------------------------------------------


def test_people_quiet_for_the_period_are_listed_and_removed(
    db: Database, admin: Actor, old_centre: retention_data.OldCentre
) -> None:
    lines = calls.read(db, admin, retention.inactive_people)
    early = set(old_centre.people[: len(old_centre.people) // 3])
    listed = {line.person_id for line in lines}
    assert listed and listed <= early
    holder = next(line for line in lines if line.person_id == old_centre.certificate_holder)
    assert holder.certificates == 1 and "*" in holder.masked_name
    assert all(line.last_activity and line.last_activity < dt.date(2023, 11, 25) for line in lines)
    with db.read() as session:
        assert retention.preview(session, admin).inactive_people == len(lines)

    removal = retention.remove_in_batches(db, admin, sorted(listed), batch=7)

    assert removal.skipped == 0 and removal.deleted + removal.anonymised == len(listed)
    with db.read() as session:
        assert session.scalar(select(func.count()).where(Visit.person_id.in_(listed))) == 0
        assert session.scalar(select(func.count()).where(Request.person_id.in_(listed))) == 0
        left = session.scalars(select(Person).where(Person.id.in_(listed))).all()
        for person in left:  # held by signups or a certificate: emptied, not findable
            assert not person.active and person.phone is None and person.id_number is None
            assert person.search_keys == []
        kept_holder = session.get(Person, old_centre.certificate_holder)
        assert kept_holder is not None
        assert kept_holder.name == old_centre.names[old_centre.certificate_holder]
        certificate = session.scalar(select(Certificate))
        assert certificate is not None and certificate.person_id == kept_holder.id
        assert all(p.name == retention.REMOVED_NAME for p in left if p is not kept_holder)
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "retention_remove")
        ).all()
        assert len(events) == len(listed)
        assert calls.read(db, admin, retention.inactive_people) == []


def test_someone_active_again_is_not_removed(
    db: Database, admin: Actor, desk: Actor, old_centre: retention_data.OldCentre
) -> None:
    from app.services import reception

    lines = calls.read(db, admin, retention.inactive_people)
    back = lines[0].person_id
    calls.write(db, desk, lambda s, a: reception.check_in(s, a, back, "life_service"))
    removal = calls.write(
        db, admin, lambda s, a: retention.remove_people(s, a, [line.person_id for line in lines])
    )
    assert removal.skipped == 1
    with db.read() as session:
        person = session.get(Person, back)
        assert person is not None and person.active and person.phone


def test_a_removed_person_cannot_be_checked_in(
    db: Database, admin: Actor, desk: Actor, old_centre: retention_data.OldCentre
) -> None:
    from app.errors import ConflictError, NotFound
    from app.services import reception

    lines = calls.read(db, admin, retention.inactive_people)
    ids = [line.person_id for line in lines]
    calls.write(db, admin, lambda s, a: retention.remove_people(s, a, ids))
    for person_id in ids:
        with pytest.raises((ConflictError, NotFound)):
            calls.write(db, desk, partial(reception.check_in, person_id=person_id, purpose="other"))


def test_the_audit_log_forgets_whom_an_old_check_in_was_for(
    db: Database, admin: Actor, desk: Actor
) -> None:
    from app.services import people, reception

    with clock.frozen(dt.datetime(2022, 3, 1, 10)):
        row = calls.write(
            db, desk, lambda s, a: people.register(s, a, people.PersonInput(name="赵六"))
        )
        visit = calls.write(
            db, desk, partial(reception.check_in, person_id=row.id, purpose="other")
        )
    with clock.frozen(NOW):
        calls.write(db, desk, partial(reception.check_in, person_id=row.id, purpose="other"))
        retention.anonymise(db, admin)
    with db.read() as session:
        old = session.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.entity == "visit", AuditEvent.entity_id == visit.id
            )
        ).all()
        recent = session.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.entity == "visit", AuditEvent.entity_id != visit.id
            )
        ).all()
    assert old and all("person_id" not in detail for detail in old)
    assert recent and all(str(row.id) in detail for detail in recent)
    with clock.frozen(NOW + dt.timedelta(days=4 * 365)):
        calls.write(db, admin, lambda s, a: retention.remove_people(s, a, [row.id]))
    with db.read() as session:
        assert session.get(Person, row.id) is None
        details = session.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.entity == "person", AuditEvent.entity_id == row.id
            )
        ).all()
        assert "赵六" not in "".join(details)
