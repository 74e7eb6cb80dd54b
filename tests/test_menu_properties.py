"""Whatever desks do (sign children up with or without a parent, sign someone up twice, cancel
seats and places in line), a session's seats stay within its capacity, nobody comes twice, and
the waitlist is strictly first come, first served: a newcomer waits whenever anyone waits, and
a freed seat goes to the waiting in line order, stopping at the first who doesn't fit.

The service is checked against a small model of those rules after every step. One database per
test; each hypothesis example gets a new session in it (a fresh file each time would be slow)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app import clock
from app.db import Database
from app.errors import ValidationError
from app.models import Signup, SignupStatus
from app.security import Actor
from app.services.menu.signups import cancel, sign_up
from tests.menu_data import add_item, add_people, add_session

CHILDREN = 8
PARENTS = 4
FIRST_START = dt.datetime(2026, 12, 1, 9, 0)  # after the tests' today

_operations = st.lists(
    st.one_of(
        # A child, with one of the parents (2 seats) or alone on a staff override (1 seat).
        st.tuples(st.just("sign_up"), st.integers(0, CHILDREN - 1), st.none() | st.integers(0, 3)),
        st.tuples(st.just("cancel"), st.integers(0, 99)),
    ),
    min_size=1,
    max_size=25,
)


@dataclass
class Model:
    """The rules by hand: who sits (child → seats), who waits (in line order)."""

    capacity: int
    seated: dict[int, int] = field(default_factory=dict)
    waiting: list[tuple[int, int]] = field(default_factory=list)
    companion: dict[int, int | None] = field(default_factory=dict)  # live child → parent

    @property
    def free(self) -> int:
        return self.capacity - sum(self.seated.values())

    def live(self, person: int) -> bool:
        return person in self.companion or person in self.companion.values()

    def sign_up(self, child: int, parent: int | None) -> tuple[str, int | None]:
        seats = 2 if parent is not None else 1
        self.companion[child] = parent
        if self.waiting or seats > self.free:
            self.waiting.append((child, seats))
            return "waitlisted", len(self.waiting)
        self.seated[child] = seats
        return "signed_up", None

    def cancel(self, child: int) -> list[int]:
        del self.companion[child]
        if child in self.seated:
            del self.seated[child]
        else:
            self.waiting = [entry for entry in self.waiting if entry[0] != child]
        promoted = []
        while self.waiting and self.waiting[0][1] <= self.free:
            person, seats = self.waiting.pop(0)
            self.seated[person] = seats
            promoted.append(person)
        return promoted


_starts = itertools.count()


@pytest.fixture
def setting(
    db: Database, clock_at: clock.FixedClock, staff: Actor
) -> tuple[int, list[int], list[int]]:
    with db.write() as session:
        item = add_item(session, "亲子绘本阅读", series="culture", with_parent=True)
        children = add_people(session, [f"孩子{n}" for n in range(CHILDREN)], birth_year=2020)
        parents = add_people(session, [f"家长{n}" for n in range(PARENTS)], birth_year=1988)
    return item, children, parents


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(capacity=st.integers(1, 5), operations=_operations)
def test_seats_never_exceed_capacity_and_the_waitlist_is_first_come_first_served(
    db: Database,
    desk: Actor,
    staff: Actor,
    setting: tuple[int, list[int], list[int]],
    capacity: int,
    operations: list[tuple[object, ...]],
) -> None:
    item, children, parents = setting
    starts_at = FIRST_START + dt.timedelta(hours=next(_starts))
    with db.write() as session:
        session_id = add_session(session, item, starts_at, capacity=capacity)
    model = Model(capacity)
    signup_of: dict[int, int] = {}  # person id → signup id
    for operation in operations:
        if operation[0] == "sign_up":
            _, child_index, parent_index = operation
            assert isinstance(child_index, int)
            child = children[child_index]
            parent = parents[parent_index] if isinstance(parent_index, int) else None
            refused = model.live(child) or (parent is not None and model.live(parent))
            try:
                with db.write() as session:
                    if parent is None:  # a staff override: the parent is here already
                        done = sign_up(
                            session, staff, session_id, child, override_reason="家长已在场"
                        )
                    else:
                        done = sign_up(session, desk, session_id, child, companion_id=parent)
            except ValidationError as error:
                assert refused, error.message
                assert error.field in ("person", "companion")
            else:
                assert not refused
                assert (str(done.status), done.position) == model.sign_up(child, parent)
                signup_of[child] = done.signup_id
        else:
            _, pick = operation
            live = sorted(model.companion)
            if not live:
                continue
            assert isinstance(pick, int)
            child = live[pick % len(live)]
            with db.write() as session:
                result = cancel(session, desk, signup_of[child])
            assert [p.person_id for p in result.promoted] == model.cancel(child)
        _check(db, session_id, model)


def _check(db: Database, session_id: int, model: Model) -> None:
    with db.read() as session:
        signups = [
            (s.person_id, s.companion_id, s.seats, s.status, s.waitlist_position)
            for s in session.scalars(select(Signup).where(Signup.session_id == session_id))
        ]
    live = [s for s in signups if s[3] != SignupStatus.CANCELLED.value]
    seated = {s[0]: s[2] for s in live if s[3] == SignupStatus.SIGNED_UP.value}
    waiting = sorted(
        (s for s in live if s[3] == SignupStatus.WAITLISTED.value), key=lambda s: s[4] or 0
    )
    assert sum(seated.values()) <= model.capacity
    assert seated == model.seated
    assert [(s[0], s[2]) for s in waiting] == model.waiting
    tickets = [s[4] for s in waiting]
    assert None not in tickets and len(set(tickets)) == len(tickets)
    present = [s[0] for s in live] + [s[1] for s in live if s[1] is not None]
    assert len(present) == len(set(present))  # nobody twice, as a child or as a companion
    for person, companion, seats, _status, _ticket in live:
        assert seats == (2 if companion is not None else 1), person
