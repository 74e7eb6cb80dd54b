"""Changing bookings: edit, move and cancel one booking, one occurrence of a series (THIS), this
and the following occurrences (FOLLOWING) or all of them (ALL).

- THIS changes the one occurrence and marks it `detached`: later edits of the series leave it be.
- FOLLOWING splits the series: the old one's rule ends (UNTIL) the day before this occurrence, a
  new series carries this occurrence and the later ones.
- ALL changes every occurrence that hasn't begun yet. Past occurrences are never moved or
  changed: they are what happened. When some are past and the change needs a new rule, the
  series is split at the first occurrence still to come, as FOLLOWING would.

In FOLLOWING and ALL, cancelled occurrences stay cancelled and detached ones keep their own edits.
A change of the time of day keeps each occurrence's identity (`occurrence_start`) and day. A
change of the days (another rule, or the edited occurrence dragged to another day, which moves
every occurrence by as many days) expands the new rule: each old occurrence is matched to the new
day it moves to; a cancelled one stays cancelled there, a day the new rule no longer gives is
cancelled, a new day gets a new occurrence. Every changed occurrence is checked against the room's
other bookings in one query, and either all of them are written or none.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from app import clock
from app.errors import ValidationError
from app.i18n import translate
from app.models import Booking, BookingKind, BookingSeries, BookingStatus
from app.security import Actor
from app.services import audit
from app.services.rooms.booking import (
    booking_row,
    decide,
    new_booking,
    record_decision,
    record_override,
    series_rows,
)
from app.services.rooms.checks import (
    BookingInput,
    Checked,
    Scope,
    check_not_past,
    checked,
    opening_problems,
    refuse_closed,
    require_edit,
    require_holding,
)
from app.services.rooms.conflicts import (
    BookingConflict,
    Clash,
    OccurrenceProblem,
    find_clashes,
    guarded_write,
    lock_room,
)
from app.services.rooms.recurrence import Recurrence, occurrence_days
from app.services.rooms.rule import HOLDING


def update(
    session: Session,
    actor: Actor,
    booking_id: int,
    data: BookingInput,
    scope: Scope = Scope.THIS,
    *,
    action: str = "booking.update",
) -> list[int]:
    """Change a booking (or its series in `scope`) to `data`; the ids of the bookings changed or
    added. `data.recurrence` turns a single booking into a series, or gives a series (FOLLOWING,
    ALL) a new rule; it is ignored for one occurrence (THIS)."""
    booking = booking_row(session, booking_id)
    require_edit(actor, booking)
    require_holding(booking)
    fields = checked(session, actor, data)
    if booking.series_id is None and data.recurrence is None:
        return _edit_one(session, actor, booking, fields, data, action)
    if booking.series_id is not None and Scope(scope) == Scope.THIS:
        return _edit_one(session, actor, booking, fields, data, action)
    return _edit_series(session, actor, booking, fields, data, Scope(scope), action)


def move(
    session: Session,
    actor: Actor,
    booking_id: int,
    room_id: int,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    scope: Scope = Scope.THIS,
    *,
    allow_past: bool = False,
    override_reason: str = "",
) -> list[int]:
    """Move a booking (dragged on the calendar) to another room and/or time; in a series scope
    every occurrence moves by as much."""
    booking = booking_row(session, booking_id)
    data = BookingInput(
        room_id=room_id,
        title=booking.title,
        starts_at=starts_at,
        ends_at=ends_at,
        kind=BookingKind(booking.kind),
        organisation_id=booking.organisation_id,
        person_id=booking.person_id,
        booker_account_id=booking.booker_account_id,
        expected_attendees=booking.expected_attendees,
        note=booking.note,
        override_reason=override_reason,
        allow_past=allow_past,
    )
    return update(session, actor, booking_id, data, scope, action="booking.move")


def cancel(
    session: Session, actor: Actor, booking_id: int, scope: Scope = Scope.THIS, reason: str = ""
) -> list[int]:
    """Cancel a booking, or in a series this / this and the following / all occurrences that
    haven't begun (detached ones too). The rows stay, cancelled, with the reason: a cancelled
    occurrence never comes back. The ids cancelled."""
    booking = booking_row(session, booking_id)
    require_edit(actor, booking)
    require_holding(booking)
    now = clock.now()
    targets = [booking]
    series = None
    if booking.series_id is not None and Scope(scope) != Scope.THIS:
        series = session.get(BookingSeries, booking.series_id)
        rows = series_rows(session, booking.series_id)
        start = _identity(booking) if scope == Scope.FOLLOWING else _identity(rows[0])
        targets = [
            row
            for row in rows
            if row is booking
            or (row.status in HOLDING and _identity(row) >= start and row.starts_at >= now)
        ]
        earlier = [row for row in rows if _identity(row) < start]
        if series is not None and scope == Scope.FOLLOWING and earlier:
            _end_rule_before(series, _identity(booking).date())
    decide(targets, BookingStatus.CANCELLED, actor, reason)
    session.flush()
    return record_decision(session, actor, "booking.cancel", booking, targets, scope, reason)


def _identity(row: Booking) -> dt.datetime:
    return row.occurrence_start or row.starts_at


def _end_rule_before(series: BookingSeries, day: dt.date) -> None:
    """The series' rule ends the day before `day` (its later occurrences went elsewhere)."""
    recurrence = Recurrence.from_rule(series.rule, series.first_day)
    last = day - dt.timedelta(days=1)
    series.rule = replace(recurrence, until=max(last, series.first_day), count=None).rule(
        series.first_day
    )


def _edit_one(
    session: Session,
    actor: Actor,
    booking: Booking,
    fields: Checked,
    data: BookingInput,
    action: str,
) -> list[int]:
    moved = (fields.room.id, data.starts_at, data.ends_at) != (
        booking.room_id,
        booking.starts_at,
        booking.ends_at,
    )
    wanted = [(data.starts_at, data.ends_at)]
    overridden = False
    if moved:
        check_not_past(data.starts_at, data.allow_past)
        closed = opening_problems(session, fields.room.id, wanted)
        overridden = refuse_closed(actor, fields.override_reason, wanted, closed)
        lock_room(session, fields.room.id)
        clashes = find_clashes(session, fields.room.id, wanted, exclude={booking.id})
        if clashes:
            raise BookingConflict.of(clashes)
    before = (booking.room_id, booking.starts_at, booking.ends_at)
    with guarded_write(
        session, [(fields.room.id, data.starts_at, data.ends_at)], exclude={booking.id}
    ):
        _apply(booking, fields)
        booking.room_id = fields.room.id
        booking.starts_at, booking.ends_at = data.starts_at, data.ends_at
        if booking.series_id is not None:
            booking.detached = True
        if overridden:
            booking.override_reason = fields.override_reason
        elif moved:
            booking.override_reason = ""
    audit.record(
        session,
        actor,
        action,
        "booking",
        booking.id,
        scope=str(Scope.THIS),
        title=booking.title,
        before=list(before),
        after=[booking.room_id, booking.starts_at, booking.ends_at],
    )
    if overridden:
        record_override(session, actor, [booking], fields.override_reason, closed)
    return [booking.id]


def _apply(row: Booking, fields: Checked) -> None:
    row.title = fields.title
    row.kind = fields.kind.value
    row.expected_attendees = fields.expected_attendees
    row.organisation_id = fields.organisation_id
    row.person_id = fields.person_id
    row.booker_account_id = fields.booker_account_id
    row.note = fields.note


@dataclass
class _SeriesChange:
    """What an edit of a series will do, worked out before anything is written."""

    split_at: dt.datetime | None  # first occurrence of the new series when it splits
    range_rows: list[Booking]  # the occurrences from there on, carried by the (new) series
    moves: list[tuple[Booking, dt.datetime, dt.datetime]] = field(default_factory=list)
    added: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    dropped: list[Booking] = field(default_factory=list)  # no longer given by the rule
    # Matched to a day of the new rule but not moved (cancelled, edited on its own, past): each
    # stands for that day's instance from now on, so a cancelled one stays cancelled there.
    renamed: list[tuple[Booking, dt.datetime]] = field(default_factory=list)
    rule: str = ""
    first_day: dt.date | None = None
    reshaped: bool = False  # other days: the moved occurrences take the new rule's identities


def _edit_series(
    session: Session,
    actor: Actor,
    booking: Booking,
    fields: Checked,
    data: BookingInput,
    scope: Scope,
    action: str,
) -> list[int]:
    if data.ends_at.date() != data.starts_at.date():
        raise ValidationError(
            "ends_at", translate("Rooms", "A repeating booking ends on the day it starts.")
        )
    now = clock.now()
    if booking.series_id is None:  # a single booking becomes a series
        series = None
        rows = [booking]
    else:
        series = session.get(BookingSeries, booking.series_id)
        assert series is not None
        rows = series_rows(session, series.id)
    change = _plan_series_change(session, booking, series, rows, data, scope, now)
    start_time, end_time = data.starts_at.time(), data.ends_at.time()
    wanted = [(start, end) for _, start, end in change.moves] + change.added
    if wanted:
        check_not_past(min(start for start, _ in wanted), data.allow_past)
    closed = opening_problems(session, fields.room.id, wanted)
    overridden = refuse_closed(actor, fields.override_reason, wanted, closed)
    freed = {row.id for row, _, _ in change.moves} | {row.id for row in change.dropped}
    lock_room(session, fields.room.id)
    clashes = find_clashes(session, fields.room.id, wanted, exclude=freed)
    clashes += _among_themselves(change, fields.title)
    if clashes:
        raise BookingConflict.of(sorted(clashes, key=lambda problem: problem.starts_at))
    status = BookingStatus(booking.status)
    postgres = session.get_bind().dialect.name == "postgresql"
    with guarded_write(
        session, [(fields.room.id, start, end) for start, end in wanted], exclude=freed
    ):
        dropped_note = translate("Rooms", "No longer a day of the series.")
        decide(change.dropped, BookingStatus.CANCELLED, actor, dropped_note)
        target = _target_series(
            session, actor, series, booking, fields, change, start_time, end_time
        )
        statuses = {row.id: row.status for row, _, _ in change.moves}
        if postgres:
            # The constraint checks each row as it is written, so an occurrence moving onto
            # where another one was until a moment ago would be refused: the moving ones let go
            # of the room first (inside this transaction; nobody sees it), then take it anew.
            for row, _, _ in change.moves:
                row.status = BookingStatus.CANCELLED.value
            session.flush()
        for row, start, end in change.moves:
            _apply(row, fields)
            row.room_id = fields.room.id
            row.starts_at, row.ends_at = start, end
            row.status = statuses[row.id]
            row.override_reason = fields.override_reason if overridden else ""
            if change.reshaped or row.occurrence_start is None:
                row.occurrence_start = start
        for row, identity in change.renamed:
            row.occurrence_start = identity
        for row in change.range_rows:
            row.series_id = target.id
        added = [
            new_booking(actor, fields, target, start, end, status, overridden)
            for start, end in change.added
        ]
        session.add_all(added)
    changed = [row.id for row, _, _ in change.moves] + [row.id for row in added]
    audit.record(
        session,
        actor,
        action,
        "booking",
        booking.id,
        scope=str(scope),
        series_id=target.id,
        split_from=series.id if series is not None and target is not series else None,
        rule=target.rule,
        changed=[row.id for row, _, _ in change.moves],
        added=[row.id for row in added],
        dropped=[row.id for row in change.dropped],
    )
    if overridden:
        rows_written = [row for row, _, _ in change.moves] + added
        record_override(session, actor, rows_written, fields.override_reason, closed)
    return changed


def _among_themselves(change: _SeriesChange, title: str) -> list[OccurrenceProblem]:
    """The changed occurrences that would overlap one another: an occurrence edited on its own
    may have been moved onto another's day."""
    wanted = sorted(
        [(start, end, row.id) for row, start, end in change.moves]
        + [(start, end, 0) for start, end in change.added]
    )
    problems = []
    for (start, end, _), (other_start, other_end, other_id) in itertools.combinations(wanted, 2):
        if other_start >= end:
            continue
        clash = Clash(other_start, other_end, other_id, title, "")
        problems.append(OccurrenceProblem(start, end, clash=clash))
    return problems


def _plan_series_change(
    session: Session,
    booking: Booking,
    series: BookingSeries | None,
    rows: list[Booking],
    data: BookingInput,
    scope: Scope,
    now: dt.datetime,
) -> _SeriesChange:
    start_time, end_time = data.starts_at.time(), data.ends_at.time()
    if scope == Scope.FOLLOWING and booking.starts_at < now:
        raise ValidationError(
            "starts_at",
            translate(
                "Rooms",
                "This occurrence has begun or is over: change it on its own, or choose a later "
                "one.",
            ),
        )
    pivot = _identity(booking) if scope == Scope.FOLLOWING else _identity(rows[0])
    still_to_come = [row for row in rows if _identity(row) >= pivot and row.starts_at >= now]
    if not still_to_come:
        raise ValidationError(
            "starts_at",
            translate("Rooms", "These occurrences are over; past occurrences are not changed."),
        )
    split_at = _identity(still_to_come[0])
    range_rows = [row for row in rows if _identity(row) >= split_at]
    splits = any(_identity(row) < split_at for row in rows)
    day_delta = data.starts_at.date() - booking.starts_at.date()
    if series is not None:
        old = Recurrence.from_rule(series.rule, series.first_day)
        old_rule, old_first = series.rule, series.first_day
    else:
        old = None
        old_rule, old_first = "", booking.starts_at.date()
    rule_changed = data.recurrence is not None and (
        old is None or data.recurrence.rule(old_first) != old_rule
    )
    change = _SeriesChange(split_at if splits else None, range_rows)
    if not rule_changed and not day_delta and series is not None:
        # The same days: each occurrence still to come takes the new time of day. Only
        # FOLLOWING splits the series; ALL changes the template in place (the past occurrences
        # keep what they were, as rows of their own).
        assert old is not None
        splits = splits and scope == Scope.FOLLOWING
        if not splits:
            change.split_at, change.range_rows = None, []
        for row in range_rows:
            if row.status not in HOLDING or row.starts_at < now:
                continue
            if row is booking:
                change.moves.append((row, data.starts_at, data.ends_at))
            elif not row.detached:
                day = _identity(row).date()
                change.moves.append(
                    (row, dt.datetime.combine(day, start_time), dt.datetime.combine(day, end_time))
                )
        change.first_day = split_at.date() if splits else series.first_day
        if splits:
            remaining = [
                day for day in occurrence_days(old_rule, old_first) if day >= split_at.date()
            ]
            rest = replace(old, count=len(remaining)) if old.count is not None else old
            change.rule = rest.rule(split_at.date())
        else:
            change.rule = series.rule
        return change
    # Other days: expand the new rule and match each old occurrence to the day it moves to.
    if rule_changed:
        assert data.recurrence is not None
        recurrence = data.recurrence
    else:
        assert old is not None
        recurrence = old.shifted(day_delta.days)
        if old.count is not None:
            remaining = [
                day for day in occurrence_days(old_rule, old_first) if day >= split_at.date()
            ]
            recurrence = replace(recurrence, count=len(remaining))
    first_day = split_at.date() + day_delta
    rule = recurrence.rule(first_day)
    days = occurrence_days(rule, first_day)
    # Where two rows name one day (one was cancelled as no longer a day of the rule while
    # another took that day), the edited one, then one that holds the room and moves with the
    # series, claims it.
    by_day = {
        _identity(row).date() + day_delta: row
        for row in sorted(
            range_rows,
            key=lambda row: (
                row is booking,
                row.status in HOLDING and not row.detached,
                row.status in HOLDING,
            ),
        )
    }
    for day in days:
        start, end = dt.datetime.combine(day, start_time), dt.datetime.combine(day, end_time)
        matched = by_day.pop(day) if day in by_day else None
        if matched is None:
            change.added.append((start, end))
        elif (
            matched.status in HOLDING
            and matched.starts_at >= now
            and (matched is booking or not matched.detached)
        ):
            change.moves.append((matched, start, end))
        else:
            change.renamed.append((matched, start))
    change.dropped = [
        row
        for row in by_day.values()
        if row.status in HOLDING and row.starts_at >= now and not row.detached
    ]
    change.rule, change.first_day, change.reshaped = rule, days[0], True
    return change


def _target_series(
    session: Session,
    actor: Actor,
    series: BookingSeries | None,
    booking: Booking,
    fields: Checked,
    change: _SeriesChange,
    start_time: dt.time,
    end_time: dt.time,
) -> BookingSeries:
    """The series that carries the changed occurrences: this one, or a new one split off."""
    if series is None or change.split_at is not None:
        target = BookingSeries(created_by_id=actor.account_id)
        session.add(target)
    else:
        target = series
    target.room_id = fields.room.id
    target.title = fields.title
    target.kind = fields.kind.value
    target.rule = change.rule
    assert change.first_day is not None
    target.first_day = change.first_day
    target.start_time, target.end_time = start_time, end_time
    target.expected_attendees = fields.expected_attendees
    target.organisation_id = fields.organisation_id
    target.person_id = fields.person_id
    target.booker_account_id = fields.booker_account_id
    target.note = fields.note
    session.flush()
    if series is not None and change.split_at is not None:
        _end_rule_before(series, change.split_at.date())
    return target
