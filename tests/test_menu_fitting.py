"""Sessions that fit a person and their signups to come (app.services.menu.fitting)."""

from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.db import Database
from app.errors import ValidationError
from app.models import ActivitySession, Person, SignupStatus
from app.security import Actor
from app.services import menu, people
from app.services.menu import fitting
from tests.conftest import TEST_NOW
from tests.menu_data import add_item, add_person, add_session

TOMORROW_2PM = dt.datetime(2026, 11, 26, 14, 0)
FORTNIGHT = (TEST_NOW, dt.datetime(2026, 12, 9))


@pytest.fixture(autouse=True)
def _clock(clock_at: clock.FixedClock) -> clock.FixedClock:
    return clock_at


def fits_for(db: Database, actor: Actor, person_id: int) -> list[fitting.FitRow]:
    with db.read() as session:
        return fitting.sessions_for_person(session, actor, person_id, *FORTNIGHT)


def test_open_and_full_sessions_of_the_fortnight_are_listed_the_rest_left_out(
    db: Database, desk: Actor
) -> None:
    with db.write() as session:
        lesson = add_item(session, "行走的党课")
        open_one = add_session(session, lesson, TOMORROW_2PM, capacity=10)
        full_one = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=1), capacity=1)
        cancelled = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=2))
        closed = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=3))
        past_deadline = add_session(
            session,
            lesson,
            TOMORROW_2PM + dt.timedelta(days=4),
            deadline=TEST_NOW - dt.timedelta(hours=1),
        )
        begun = add_session(session, lesson, TEST_NOW - dt.timedelta(minutes=30))
        too_late = add_session(session, lesson, dt.datetime(2026, 12, 9, 9, 0))
        already = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=5))
        waiting = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=6), capacity=1)
        for session_id, flag in ((cancelled, "cancelled"), (closed, "closed")):
            activity = session.get(ActivitySession, session_id)
            assert activity is not None
            setattr(activity, flag, True)
        wang = add_person(session, "王建国")
        other = add_person(session, "李秀兰")
    for session_id, person_id in (
        (full_one, other),
        (already, wang),
        (waiting, other),
        (waiting, wang),
    ):
        with db.write() as session:
            menu.sign_up(session, desk, session_id, person_id)

    fits = fits_for(db, desk, wang)

    assert [fit.row.id for fit in fits] == [open_one, full_one]
    assert {cancelled, closed, past_deadline, begun, too_late, already, waiting}.isdisjoint(
        fit.row.id for fit in fits
    )
    opened, full = fits
    assert opened.fits and not opened.joins_waitlist and opened.waitlist_position is None
    assert full.row.status == "full" and full.joins_waitlist and full.waitlist_position == 1


def test_a_session_with_people_waiting_says_a_new_signup_waits_too(
    db: Database, desk: Actor
) -> None:
    with db.write() as session:
        lesson = add_item(session)
        session_id = add_session(session, lesson, TOMORROW_2PM, capacity=1)
        first, second, third = (add_person(session, n) for n in ("甲", "乙", "丙"))
    for person_id in (first, second):
        with db.write() as session:
            menu.sign_up(session, desk, session_id, person_id)
    with db.write() as session:  # a seat freed while 乙 waits goes to 乙, not to a newcomer
        activity = session.get(ActivitySession, session_id)
        assert activity is not None
        activity.capacity = 3
    (fit,) = fits_for(db, desk, third)
    assert fit.row.free == 2 and fit.joins_waitlist and fit.waitlist_position == 2
    with db.write() as session:
        result = menu.sign_up(session, desk, session_id, third)
    assert result.status == SignupStatus.WAITLISTED and result.position == 2


def test_sessions_outside_the_audience_come_last_with_the_reason(db: Database, desk: Actor) -> None:
    with db.write() as session:
        seniors = add_item(session, "长者健康讲座", series="health_care", min_age=60)
        lesson = add_item(session, "行走的党课")
        later_senior = add_session(session, seniors, TOMORROW_2PM + dt.timedelta(days=2))
        senior = add_session(session, seniors, TOMORROW_2PM)
        party = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=1))
        party_later = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=3))
        young = add_person(session, "李小明", birth_year=1990)
        unknown = add_person(session, "张伟", birth_year=None)

    fits = fits_for(db, desk, young)
    assert [fit.row.id for fit in fits] == [party, party_later, senior, later_senior]
    assert [fit.fits for fit in fits] == [True, True, False, False]
    assert fits[2].problem is not None and "李小明" in fits[2].problem and "36" in fits[2].problem
    assert fits[2].rule == "60岁以上"

    unknown_fits = fits_for(db, desk, unknown)
    assert unknown_fits[2].problem is not None and "出生年份" in unknown_fits[2].problem


def test_a_child_fits_a_parent_child_item_and_needs_a_companion_an_adult_is_told_why_not(
    db: Database, desk: Actor
) -> None:
    with db.write() as session:
        art = add_item(
            session, "小美艺术课堂", series="culture", min_age=3, max_age=8, with_parent=True
        )
        class_id = add_session(session, art, TOMORROW_2PM, capacity=3)
        child = add_person(session, "王小宝", birth_year=2020)
        grandpa = add_person(session, "王建国", birth_year=1960)
        mother = add_person(session, "刘芳", birth_year=1992)
        other_child = add_person(session, "赵可可", birth_year=2021)

    (fit,) = fits_for(db, desk, child)
    assert fit.fits and fit.needs_companion and fit.seats == 2 and not fit.joins_waitlist

    (adult,) = fits_for(db, desk, grandpa)
    assert not adult.fits and not adult.needs_companion
    assert adult.problem is not None and "王建国" in adult.problem
    assert "陪同" in adult.problem  # find the child, then choose this adult as the companion

    with db.write() as session:
        menu.sign_up(session, desk, class_id, child, companion_id=mother)
    # The mother comes as a companion: she is in that session already.
    assert fits_for(db, desk, mother) == []
    # One seat is left, and a child with a parent takes two: a new signup waits.
    (other,) = fits_for(db, desk, other_child)
    assert other.row.free == 1 and other.joins_waitlist


def test_a_merged_away_record_is_refused(db: Database, desk: Actor) -> None:
    with db.write() as session:
        person_id = add_person(session, "王建国")
        person = session.get(Person, person_id)
        assert person is not None
        person.active = False
    with pytest.raises(ValidationError) as raised:
        fits_for(db, desk, person_id)
    assert raised.value.field == "person"


def test_upcoming_signups_by_start_with_waitlist_place_and_companions(
    db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        lesson = add_item(session, "行走的党课")
        art = add_item(
            session, "小美艺术课堂", series="culture", min_age=3, max_age=8, with_parent=True
        )
        earlier = add_session(session, lesson, TEST_NOW - dt.timedelta(days=1))
        now_on = add_session(session, lesson, TEST_NOW - dt.timedelta(minutes=30), minutes=90)
        full = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=1), capacity=1)
        first = add_session(session, lesson, TOMORROW_2PM)
        dropped = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=2))
        called_off = add_session(session, lesson, TOMORROW_2PM + dt.timedelta(days=3))
        art_class = add_session(session, art, TOMORROW_2PM + dt.timedelta(days=4))
        wang = add_person(session, "王建国")
        li = add_person(session, "李秀兰")
        zhang = add_person(session, "张伟")
        child = add_person(session, "王小宝", birth_year=2020)
    clock_at.set(TEST_NOW - dt.timedelta(days=3))
    for session_id, person_id in (
        (earlier, wang),
        (now_on, wang),
        (full, li),
        (full, zhang),
        (full, wang),
        (first, wang),
        (dropped, wang),
        (called_off, wang),
    ):
        with db.write() as session:
            menu.sign_up(session, desk, session_id, person_id)
    with db.write() as session:
        menu.sign_up(session, desk, art_class, child, companion_id=wang)
    with db.write() as session:
        signup = menu.roster(session, desk, dropped).registered[0]
        menu.cancel(session, desk, signup.signup_id)
        activity = session.get(ActivitySession, called_off)
        assert activity is not None
        activity.cancelled = True
    clock_at.set(TEST_NOW)

    with db.read() as session:
        upcoming = fitting.upcoming_for_person(session, desk, wang)
        child_upcoming = fitting.upcoming_for_person(session, desk, child)
        detail = people.get(session, desk, wang)

    assert [line.session_id for line in upcoming] == [now_on, first, full, called_off, art_class]
    by_id = {line.session_id: line for line in upcoming}
    assert by_id[first].status == SignupStatus.SIGNED_UP and by_id[first].position is None
    assert by_id[first].item == "行走的党课" and by_id[first].series == "党群友邻"
    assert by_id[full].status == SignupStatus.WAITLISTED and by_id[full].position == 2
    assert by_id[called_off].session_cancelled
    assert by_id[art_class].accompanying == "王小宝" and by_id[art_class].companion == ""
    assert [line.companion for line in child_upcoming] == ["王建国"]
    assert child_upcoming[0].accompanying == ""
    assert detail.upcoming == upcoming
    assert len(detail.signups) == 6  # the history keeps his own signups, past and cancelled too


def test_the_signee_is_named_with_the_phone_masked(db: Database, desk: Actor) -> None:
    with db.write() as session:
        person_id = add_person(session, "王建国", phone="13812345678")
    with db.read() as session:
        who = fitting.signee(session, desk, person_id)
    assert who.label() == "王建国 · 138****5678"
