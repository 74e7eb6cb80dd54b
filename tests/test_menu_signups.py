"""Signups, the waitlist, cancelling and promoting (app.services.menu.signups)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import clock
from app.db import Database
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models import AuditEvent, Signup, SignupStatus
from app.security import Actor
from app.services import menu
from tests.menu_data import add_item, add_people, add_person, add_session, party_lesson

TOMORROW_2PM = dt.datetime(2026, 11, 26, 14, 0)


@pytest.fixture(autouse=True)
def _clock(clock_at: clock.FixedClock) -> clock.FixedClock:
    return clock_at


def test_three_sign_up_for_two_seats_the_third_waits_and_a_cancellation_promotes_them(
    db: Database, desk: Actor
) -> None:
    _, session_id = party_lesson(db, TOMORROW_2PM, capacity=2)
    with db.write() as session:
        people = add_people(session, ["王建国", "李秀兰", "张伟"])
    results = []
    for person_id in people:
        with db.write() as session:
            results.append(menu.sign_up(session, desk, session_id, person_id))
    assert [r.status for r in results] == [
        SignupStatus.SIGNED_UP,
        SignupStatus.SIGNED_UP,
        SignupStatus.WAITLISTED,
    ]
    assert results[2].position == 1
    with db.read() as session:
        assert menu.get_session(session, desk, session_id).row.status == "full"
    with db.write() as session:
        cancelled = menu.cancel(session, desk, results[0].signup_id)
    assert [p.name for p in cancelled.promoted] == ["张伟"]
    with db.read() as session:
        roster = menu.roster(session, desk, session_id)
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert [line.name for line in roster.registered] == ["李秀兰", "张伟"]
    assert roster.waitlist == []
    assert "signup.promote" in actions


def test_signing_up_twice_is_refused_and_writes_nothing(db: Database, desk: Actor) -> None:
    _, session_id = party_lesson(db, TOMORROW_2PM)
    with db.write() as session:
        person_id = add_person(session, "王建国")
    with db.write() as session:
        menu.sign_up(session, desk, session_id, person_id)
    with (
        pytest.raises(ValidationError, match="已报名") as raised,
        db.write() as session,
    ):
        menu.sign_up(session, desk, session_id, person_id)
    assert raised.value.field == "person"
    with db.read() as session:
        assert len(session.scalars(select(Signup)).all()) == 1


def test_after_the_deadline_signups_are_refused(db: Database, desk: Actor) -> None:
    with db.write() as session:
        item = add_item(session)
        session_id = add_session(
            session, item, TOMORROW_2PM, deadline=clock.now() - dt.timedelta(minutes=1)
        )
        person_id = add_person(session, "王建国")
    with pytest.raises(ValidationError, match="已截止"), db.write() as session:
        menu.sign_up(session, desk, session_id, person_id)


def test_outside_the_audience_needs_staff_and_a_reason(
    db: Database, desk: Actor, staff: Actor
) -> None:
    with db.write() as session:
        item = add_item(session, "长者健身操", series="health_care", min_age=60)
        session_id = add_session(session, item, TOMORROW_2PM)
        young = add_person(session, "刘洋", birth_year=1990)
    with pytest.raises(ValidationError, match="36 岁"), db.write() as session:
        menu.sign_up(session, desk, session_id, young)
    with pytest.raises(PermissionDenied), db.write() as session:
        menu.sign_up(session, desk, session_id, young, override_reason="陪同母亲")
    with db.write() as session:
        result = menu.sign_up(session, staff, session_id, young, override_reason="陪同母亲")
    assert result.status == SignupStatus.SIGNED_UP


def test_a_child_comes_with_a_parent_and_they_take_two_seats(db: Database, desk: Actor) -> None:
    with db.write() as session:
        item = add_item(session, "亲子绘本阅读", series="culture", max_age=8, with_parent=True)
        session_id = add_session(session, item, TOMORROW_2PM, capacity=3)
        child = add_person(session, "张小米", birth_year=2020)
        parent = add_person(session, "张强", birth_year=1988)
        other_child = add_person(session, "李朵朵", birth_year=2021)
        other_parent = add_person(session, "李娜", birth_year=1990)
    with pytest.raises(ValidationError, match="家长") as raised, db.write() as session:
        menu.sign_up(session, desk, session_id, child)
    assert raised.value.field == "companion"
    with db.write() as session:
        first = menu.sign_up(session, desk, session_id, child, companion_id=parent)
    with db.write() as session:
        second = menu.sign_up(session, desk, session_id, other_child, companion_id=other_parent)
    assert (first.status, second.status) == (SignupStatus.SIGNED_UP, SignupStatus.WAITLISTED)
    with pytest.raises(ValidationError, match="陪同人"), db.write() as session:
        menu.sign_up(session, desk, session_id, parent)


def test_cancelling_twice_is_refused(db: Database, desk: Actor) -> None:
    _, session_id = party_lesson(db, TOMORROW_2PM)
    with db.write() as session:
        person_id = add_person(session, "王建国")
    with db.write() as session:
        signup = menu.sign_up(session, desk, session_id, person_id)
    with db.write() as session:
        menu.cancel(session, desk, signup.signup_id)
    with pytest.raises(ConflictError), db.write() as session:
        menu.cancel(session, desk, signup.signup_id)
    with db.write() as session:
        again = menu.sign_up(session, desk, session_id, person_id)
    assert again.signup_id == signup.signup_id
    assert again.status == SignupStatus.SIGNED_UP


def test_the_menu_lists_the_five_series_with_their_items(db: Database, desk: Actor) -> None:
    with db.write() as session:
        add_item(session, "长者健身操", series="health_care", min_age=60)
    with db.read() as session:
        tree = menu.menu_tree(session, desk)
    assert [s.name for s in tree] == ["党群友邻", "社区友邻", "康养友邻", "文化友邻", "文明友邻"]
    assert [(i.name, i.rule) for i in tree[2].items] == [("长者健身操", "60岁以上")]
