"""Double bookings found and refused: the clashes of wanted times with the bookings holding a
room, read in one query over their whole span, and the writing step that turns PostgreSQL's own
refusal (the exclusion constraint ex_booking_room_time) into the same `BookingConflict`.

On SQLite the check inside `Database.write()` (BEGIN IMMEDIATE) is the rule: no other desk
writes between the check and the insert. On PostgreSQL a writer first locks the room's row
(`lock_room`), so a second desk booking the same room waits and then sees what the first wrote;
without it two desks inserting overlapping rows at once can each wait for the other inside the
exclusion check, and PostgreSQL reports a deadlock instead of the overlap. The exclusion
constraint stays the last word for any writer that doesn't lock (a script, an older desk): its
refusal is caught inside a savepoint here, so that the transaction stays usable to name the
booking that won.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    DateTime,
    Integer,
    TextualSelect,
    bindparam,
    select,
    text,
    union_all,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import locked
from app.errors import ConflictError
from app.i18n import translate
from app.models import Booking, Room
from app.services.rooms.rule import HOLDING
from app.services.rooms.views import find_blocks

EXCLUSION_CONSTRAINT = "ex_booking_room_time"
_EXCLUSION_VIOLATION = "23P01"  # PostgreSQL's SQLSTATE exclusion_violation
_LISTED = 6  # clashes named in a message; the form lists them all


@dataclass(frozen=True)
class Clash:
    """The booking in the way: its own times, title and booker."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    booking_id: int
    title: str
    booker: str


@dataclass(frozen=True)
class OccurrenceProblem:
    """Why one wanted occurrence [starts_at, ends_at) can't be booked as it is: a clash, or a
    closed day / time outside opening hours (`closed` says which, in words)."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    clash: Clash | None = None
    closed: str | None = None


class BookingConflict(ConflictError):
    """The room is taken: `clashes` names each booking in the way, `problems` the wanted
    occurrences they are in the way of (one for a single booking)."""

    def __init__(
        self,
        message: str,
        clashes: Sequence[Clash],
        problems: Sequence[OccurrenceProblem] = (),
    ) -> None:
        super().__init__(message)
        self.clashes = list(clashes)
        self.problems = list(problems)
        # Refused by PostgreSQL's constraint after the service's own check had passed (another
        # desk wrote in between), rather than by that check.
        self.by_database = False

    @classmethod
    def of(cls, problems: Sequence[OccurrenceProblem]) -> BookingConflict:
        clashes: list[Clash] = []
        for problem in problems:
            if problem.clash is not None and problem.clash not in clashes:
                clashes.append(problem.clash)
        return cls(conflict_message(problems), clashes, problems)


def span(start: dt.datetime, end: dt.datetime) -> str:
    """2026-11-25 14:00–16:00 (or with both days when it runs past midnight)."""
    if start.date() == end.date():
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    return f"{start:%Y-%m-%d %H:%M}–{end:%Y-%m-%d %H:%M}"


def _clash_words(clash: Clash) -> str:
    return (
        translate("Rooms", "“%1” (%2), %3")
        .replace("%1", clash.title)
        .replace("%2", clash.booker or "—")
        .replace("%3", span(clash.starts_at, clash.ends_at))
    )


def conflict_message(problems: Sequence[OccurrenceProblem]) -> str:
    clashing_ones = [problem for problem in problems if problem.clash is not None]
    if not clashing_ones:
        return translate(
            "Rooms",
            "Another desk has just booked this room at that time. Look at the calendar again.",
        )
    if len(clashing_ones) == 1:
        problem = clashing_ones[0]
        assert problem.clash is not None
        return translate("Rooms", "The room is already booked at that time: %1.").replace(
            "%1", _clash_words(problem.clash)
        )
    lines = [
        translate("Rooms", "%1 of the occurrences clash with other bookings:").replace(
            "%1", str(len({problem.starts_at for problem in clashing_ones}))
        )
    ]
    for problem in clashing_ones[:_LISTED]:
        assert problem.clash is not None
        lines.append(f"{span(problem.starts_at, problem.ends_at)} ↔ {_clash_words(problem.clash)}")
    if len(clashing_ones) > _LISTED:
        lines.append("…")
    return "\n".join(lines)


def find_clashes(
    session: Session,
    room_id: int,
    wanted: Sequence[tuple[dt.datetime, dt.datetime]],
    exclude: Collection[int] = (),
) -> list[OccurrenceProblem]:
    """For each wanted [start, end) in `room_id`, a problem per holding booking it overlaps
    (bookings `exclude`d aside: the ones being moved). One query reads the room's holding
    bookings near all the wanted times at once (two index seeks each); a second names the few
    that clash."""
    if not wanted:
        return []
    if len(wanted) == 1:
        ((low, high),) = wanted
        rows = session.execute(HOLDING_NEAR, {"room_id": room_id, "low": low, "high": high})
    else:
        parameters: dict[str, Any] = {"room_id": room_id}
        for number, (start, end) in enumerate(wanted):
            parameters[f"s{number}"], parameters[f"e{number}"] = start, end
        rows = session.execute(_holding_near_each(len(wanted)), parameters)
    held = sorted((row for row in rows if row.id not in exclude), key=lambda row: row.starts_at)
    # Holding bookings of a room never overlap one another: sorted by start, they are sorted
    # by end too, so the first one ending after a wanted start is found by bisection.
    # (Rows written around the rule, which only the PostgreSQL constraint would refuse, are
    # still found: the scan starts at the first row when the ends are out of order.)
    ends = [row.ends_at for row in held]
    ordered = all(earlier <= later for earlier, later in itertools.pairwise(ends))
    hits: list[tuple[dt.datetime, dt.datetime, int]] = []
    for start, end in wanted:
        index = bisect.bisect_right(ends, start) if ordered else 0
        while index < len(held) and held[index].starts_at < end:
            if held[index].ends_at > start:
                hits.append((start, end, held[index].id))
            index += 1
    if not hits:
        return []
    ids = sorted({booking_id for _, _, booking_id in hits})
    named = {block.id: block for block in find_blocks(session, Booking.id.in_(ids))}
    problems = []
    for start, end, booking_id in hits:
        block = named[booking_id]
        clash = Clash(block.starts_at, block.ends_at, block.id, block.title, block.booker)
        problems.append(OccurrenceProblem(start, end, clash=clash))
    return problems


def _holding_near() -> CompoundSelect[Any]:
    """(id, starts_at, ends_at) of the bookings holding room :room_id at some moment of
    [:low, :high), as two index seeks rather than a scan of every earlier booking of the room
    (which `starts_at < high AND ends_at > low` is on the index (room_id, starts_at, ends_at)):
    those starting inside, and the last one starting before `low` if it reaches past it. No other
    earlier one can: a room's holding bookings don't overlap, so that one ends after every
    earlier one. Built once: building it per call costs more than running it."""
    room_id = bindparam("room_id", type_=Integer())
    low, high = bindparam("low", type_=DateTime()), bindparam("high", type_=DateTime())
    holding = Booking.status.in_([status.value for status in HOLDING])
    starting_inside = select(Booking.id, Booking.starts_at, Booking.ends_at).where(
        Booking.room_id == room_id, Booking.starts_at >= low, Booking.starts_at < high, holding
    )
    last_before = (
        select(Booking.id, Booking.starts_at, Booking.ends_at)
        .where(Booking.room_id == room_id, Booking.starts_at < low, holding)
        .order_by(Booking.starts_at.desc())
        .limit(1)
        .subquery()
    )
    return union_all(starting_inside, select(last_before).where(last_before.c.ends_at > low))


HOLDING_NEAR = _holding_near()


@functools.lru_cache(maxsize=64)
def _holding_near_each(count: int) -> TextualSelect:
    """`HOLDING_NEAR` for `count` wanted times (:s0, :e0), (:s1, :e1) … at once: two index seeks
    for each, in one statement, so that a two-year series in a busy room reads the few bookings
    near its occurrences rather than all the room's bookings of those two years. Written as
    text because SQLite wants its VALUES list in a WITH clause."""
    holding = ", ".join(f"'{status.value}'" for status in HOLDING)
    wanted = ", ".join(f"(:s{number}, :e{number})" for number in range(count))
    statement = text(
        f"WITH wanted(s, e) AS (VALUES {wanted}) "
        "SELECT b.id, b.starts_at, b.ends_at FROM wanted JOIN booking b"
        " ON b.room_id = :room_id AND b.starts_at >= wanted.s AND b.starts_at < wanted.e"
        f" AND b.status IN ({holding}) "
        "UNION "
        "SELECT b.id, b.starts_at, b.ends_at FROM wanted JOIN booking b ON b.id = ("
        "SELECT p.id FROM booking p WHERE p.room_id = :room_id AND p.starts_at < wanted.s"
        f" AND p.status IN ({holding}) ORDER BY p.starts_at DESC LIMIT 1)"
        " WHERE b.ends_at > wanted.s"
    )
    moments = [
        bindparam(f"{edge}{number}", type_=DateTime())
        for number in range(count)
        for edge in ("s", "e")
    ]
    return statement.bindparams(bindparam("room_id", type_=Integer()), *moments).columns(
        id=Integer(), starts_at=DateTime(), ends_at=DateTime()
    )


def is_overlap_refusal(error: IntegrityError) -> bool:
    """Whether PostgreSQL refused a write because two holding bookings of a room overlap."""
    original = error.orig
    if getattr(original, "sqlstate", None) == _EXCLUSION_VIOLATION:
        return True
    diagnostics = getattr(original, "diag", None)
    if getattr(diagnostics, "constraint_name", None) == EXCLUSION_CONSTRAINT:
        return True
    return EXCLUSION_CONSTRAINT in str(original)


def lock_room(session: Session, room_id: int) -> None:
    """Hold `room_id`'s row until the writing transaction ends (PostgreSQL `FOR UPDATE`; on
    SQLite the write transaction holds the file already): call before checking for clashes."""
    locked(session, Room, room_id)


@contextmanager
def guarded_write(
    session: Session,
    wanted: Sequence[tuple[int, dt.datetime, dt.datetime]],
    exclude: Collection[int] = (),
) -> Iterator[None]:
    """The bookings written inside the block are flushed at its end. On PostgreSQL they are
    written in a savepoint: when the exclusion constraint refuses them (another desk booked
    `wanted` = (room, start, end) since the check), the savepoint is rolled back, the bookings in
    the way are read again and BookingConflict names them; the transaction stays usable."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        session.flush()
        return
    savepoint = session.begin_nested()
    try:
        yield
        session.flush()
    except IntegrityError as error:
        savepoint.rollback()
        if not is_overlap_refusal(error):
            raise
        raise _conflict_after_refusal(session, wanted, exclude) from error
    except BaseException:
        if savepoint.is_active:
            savepoint.rollback()
        raise
    savepoint.commit()


def _conflict_after_refusal(
    session: Session,
    wanted: Sequence[tuple[int, dt.datetime, dt.datetime]],
    exclude: Collection[int],
) -> BookingConflict:
    by_room: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {}
    for room_id, start, end in wanted:
        by_room.setdefault(room_id, []).append((start, end))
    problems: list[OccurrenceProblem] = []
    for room_id, times in by_room.items():
        problems += find_clashes(session, room_id, times, exclude)
    conflict = BookingConflict.of(problems)
    conflict.by_database = True
    return conflict
