"""The rooms' bookings as an iCalendar file (.ics, RFC 5545), for a room or for all rooms.

A one-off booking is a VEVENT of its own (UID booking-<id>@youlin-desk). A series is one VEVENT
with its RRULE (UID series-<id>@youlin-desk), DTSTART at its first occurrence; an occurrence that
was cancelled or rejected is an EXDATE, and one that was changed on its own (moved, retitled, still
pending while the rest is confirmed …) is a VEVENT of the same UID whose RECURRENCE-ID is the
instance of the rule it stands for (`booking.recurrence_id`: its day at the series' current start
time, so it still matches after the whole series got a new time). A calendar program that expands
the file so sees exactly the bookings that hold a room (the tests expand it with
recurring-ical-events, as calendar clients do).

Times carry TZID Asia/Shanghai with its VTIMEZONE, so a phone set to another zone still shows the
centre's hours. SUMMARY is the title, LOCATION the room, DESCRIPTION the booker with the phone
masked (138****5678) and the expected attendees; STATUS is TENTATIVE for a request awaiting
approval, CONFIRMED otherwise. Staff and admins may export (Permission.ROOMS); the export is
recorded in the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.errors import NotFound
from app.files import write_whole
from app.i18n import translate
from app.models import Booking, BookingSeries, BookingStatus
from app.security import Actor, Permission
from app.services import audit, calls
from app.services.rooms import views
from app.services.rooms.booking import recurrence_id
from app.services.rooms.views import BookingBlock

if TYPE_CHECKING:
    from app.db import Database

ZONE = "Asia/Shanghai"
UID_DOMAIN = "youlin-desk"
PRODID = "-//Youlin Desk//友邻前台 Rooms//ZH"
# A rule is expanded at most this far (the booking service bounds series far below it).
MAX_EXPANSION = 5000


def _zone() -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(ZONE)


def _local(moment: dt.datetime) -> dt.datetime:
    """A wall time of the centre (how the database keeps them) with its time zone."""
    return moment.replace(tzinfo=_zone())


def booking_uid(booking_id: int) -> str:
    return f"booking-{booking_id}@{UID_DOMAIN}"


def series_uid(series_id: int) -> str:
    return f"series-{series_id}@{UID_DOMAIN}"


@dataclass(frozen=True)
class _Event:
    """What a VEVENT says about one booking (or about a series' usual occurrence)."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str
    room: str
    status: BookingStatus
    description: str

    def same_but_time(self, other: _Event) -> bool:
        return self.ends_at - self.starts_at == other.ends_at - other.starts_at and (
            self.title,
            self.room,
            self.status,
            self.description,
        ) == (other.title, other.room, other.status, other.description)


def _description(block: BookingBlock) -> str:
    lines = []
    who = " ".join(part for part in (block.booker, block.booker_phone) if part)
    if who:
        lines.append(f"预约人：{who}")
    if block.expected_attendees:
        lines.append(f"预计{block.expected_attendees}人")
    if block.pending:
        lines.append("待审批")
    return "\n".join(lines)


def _event(block: BookingBlock) -> _Event:
    return _Event(
        block.starts_at, block.ends_at, block.title, block.room, block.status, _description(block)
    )


@dataclass(frozen=True)
class IcsExport:
    """An .ics file's content and what it holds."""

    data: bytes
    bookings: int  # bookings that hold a room, as a calendar shows them
    room: str  # the room exported, "" for all rooms


def export_ics(
    session: Session,
    actor: Actor,
    room_id: int | None = None,
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
) -> bytes:
    """The .ics of the bookings of `room_id` (all rooms when None) that touch first_day …
    last_day (all of them when not given); a series in it comes whole, with its exceptions."""
    return build(session, actor, room_id, first_day, last_day).data


def build(
    session: Session,
    actor: Actor,
    room_id: int | None = None,
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
) -> IcsExport:
    from icalendar import Calendar

    actor.require(Permission.ROOMS)
    rooms = {room.id: room for room in views.rooms(session)}
    if room_id is not None and room_id not in rooms:
        raise NotFound(translate("Rooms", "This room is no longer on file."))
    room_ids = [room_id] if room_id is not None else None
    blocks = _blocks(session, actor, room_ids, first_day, last_day)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    room_name = rooms[room_id].name if room_id is not None else ""
    calendar.add("x-wr-calname", f"{room_name or '活动室'}预约")
    stamp = clock.now().replace(tzinfo=_zone()).astimezone(dt.UTC)

    by_series: dict[int, list[BookingBlock]] = {}
    for block in blocks:
        if block.series_id is not None:
            by_series.setdefault(block.series_id, []).append(block)
        else:
            calendar.add_component(_vevent(booking_uid(block.id), _event(block), stamp))
    series_rows = {
        series.id: series
        for series in session.scalars(
            select(BookingSeries).where(BookingSeries.id.in_(list(by_series)))
        )
    }
    # Each occurrence's instance of its series' rule as the rule now gives it (its day at the
    # series' current start time), not the start it was written with: after a new time for the
    # whole series the rule's instances are at the new time.
    starts: dict[int, dt.datetime] = {
        row.id: recurrence_id(series_rows[row.series_id], row)
        for row in session.scalars(select(Booking).where(Booking.series_id.in_(list(by_series))))
        if row.series_id is not None
    }
    for series_id in sorted(by_series):
        series = series_rows[series_id]
        members = by_series[series_id]
        in_scope = room_id is None or series.room_id == room_id
        for component in _series_components(series, members, starts, in_scope, stamp):
            calendar.add_component(component)
    if blocks:
        calendar.add_missing_timezones()
    return IcsExport(calendar.to_ical(), len(blocks), room_name)


def _blocks(
    session: Session,
    actor: Actor,
    room_ids: Sequence[int] | None,
    first_day: dt.date | None,
    last_day: dt.date | None,
) -> list[BookingBlock]:
    """The holding bookings in the span, and every holding booking of a series that has one
    there (a series is exported whole)."""
    first, last = first_day, last_day
    if first is None or last is None:
        earliest, latest = session.execute(
            select(func.min(Booking.starts_at), func.max(Booking.ends_at))
        ).one()
        if earliest is None:
            return []
        first = first or earliest.date()
        last = last or latest.date()
    if last < first:
        return []
    blocks = views.blocks(session, actor, first, last, room_ids)
    series_ids = {b.series_id for b in blocks if b.series_id is not None}
    if not series_ids or (first_day is None and last_day is None):
        return blocks
    earliest, latest = session.execute(
        select(func.min(Booking.starts_at), func.max(Booking.ends_at)).where(
            Booking.series_id.in_(series_ids)
        )
    ).one()
    if earliest.date() >= first and latest.date() <= last:
        return blocks
    seen = {b.id for b in blocks}
    wider = views.blocks(
        session, actor, min(first, earliest.date()), max(last, latest.date()), room_ids
    )
    extra = [b for b in wider if b.series_id in series_ids and b.id not in seen]
    return sorted([*blocks, *extra], key=lambda b: (b.starts_at, b.id))


def _rule_parts(rule: str) -> dict[str, Any]:
    from icalendar import vRecur

    return dict(vRecur.from_ical(rule.removeprefix("RRULE:")))


def occurrence_days(rule: str, first_day: dt.date, bound: dt.date | None = None) -> list[dt.date]:
    """The days `rule` gives from `first_day` (its UNTIL date included), at most up to `bound`
    for a rule without an end."""
    from dateutil.rrule import rrulestr

    parts = _rule_parts(rule)
    text = rule.removeprefix("RRULE:")
    if "UNTIL" not in parts and "COUNT" not in parts:
        if bound is None:
            return []
        text += f";UNTIL={bound:%Y%m%d}"
    days = []
    for moment in rrulestr(text, dtstart=dt.datetime.combine(first_day, dt.time())):
        days.append(moment.date())
        if len(days) >= MAX_EXPANSION:
            break
    return days


def _ics_rule(rule: str, last_day: dt.date) -> dict[str, Any]:
    """The series' rule for the file: UNTIL as the end of its last day in UTC (RFC 5545 asks for
    UTC beside a DTSTART with a TZID), and an end added to a rule without one."""
    parts = _rule_parts(rule)
    if "COUNT" not in parts:
        until = parts.get("UNTIL", [last_day])[0]
        day = until.date() if isinstance(until, dt.datetime) else until
        parts["UNTIL"] = [
            dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=_zone()).astimezone(dt.UTC)
        ]
    return parts


def _series_components(
    series: BookingSeries,
    members: list[BookingBlock],
    starts: dict[int, dt.datetime],
    in_scope: bool,
    stamp: dt.datetime,
) -> Iterable[Any]:
    """The series' VEVENT with RRULE and EXDATEs and its changed occurrences, or, where the
    rule can't say it (the series' room isn't exported, its rule gives nothing), each booking
    as a VEVENT of its own."""
    by_start: dict[dt.datetime, BookingBlock] = {}
    loose: list[BookingBlock] = []
    for block in members:
        occurrence = starts.get(block.id)
        if occurrence is None or occurrence in by_start:
            loose.append(block)
        else:
            by_start[occurrence] = block
    latest = max([*by_start, dt.datetime.combine(series.first_day, dt.time())]).date()
    days = occurrence_days(series.rule, series.first_day, latest) if in_scope else []
    occurrences = [dt.datetime.combine(day, series.start_time) for day in days]
    if not occurrences or not _agrees(series.rule, occurrences, latest):
        return [
            _vevent(booking_uid(b.id), _event(b), stamp)
            for b in sorted(members, key=lambda b: (b.starts_at, b.id))
        ]
    usual = _usual(series, members, by_start)
    master = _vevent(series_uid(series.id), usual, stamp, start=occurrences[0])
    master.add("rrule", _ics_rule(series.rule, latest))
    rule_starts = set(occurrences)
    excluded = [o for o in occurrences if o not in by_start]
    if excluded:
        master.add("exdate", [_local(o) for o in excluded])
    components = [master]
    for occurrence in occurrences:
        found = by_start.get(occurrence)
        if found is None:
            continue
        event = _event(found)
        if found.starts_at != occurrence or not event.same_but_time(usual):
            changed = _vevent(series_uid(series.id), event, stamp)
            changed.add("recurrence-id", _local(occurrence))
            components.append(changed)
    loose += [block for start, block in by_start.items() if start not in rule_starts]
    components += [_vevent(booking_uid(b.id), _event(b), stamp) for b in loose]
    return components


def _agrees(rule: str, occurrences: list[dt.datetime], last_day: dt.date) -> bool:
    """Whether the rule as written into the file, from the first occurrence, gives exactly
    `occurrences` (as a calendar program will expand it)."""
    from dateutil.rrule import rrulestr
    from icalendar import vRecur

    parts = _ics_rule(rule, last_day)
    text = vRecur(parts).to_ical().decode()  # type: ignore[no-untyped-call]
    start = _local(occurrences[0])
    expanded = []
    for moment in rrulestr(text, dtstart=start):
        expanded.append(moment.replace(tzinfo=None))
        if len(expanded) > len(occurrences):
            return False
    return expanded == occurrences


def _usual(
    series: BookingSeries,
    members: list[BookingBlock],
    by_start: dict[dt.datetime, BookingBlock],
) -> _Event:
    """How most of the series' occurrences are (title, room, length, status, booker): what its
    VEVENT says; the occurrences that differ get their own."""
    kept = [block for occurrence, block in by_start.items() if block.starts_at == occurrence]
    counted = Counter(
        (b.ends_at - b.starts_at, b.title, b.room, b.status, _description(b))
        for b in kept or members
    )
    (length, title, room, status, description), _count = counted.most_common(1)[0]
    first = dt.datetime.combine(series.first_day, series.start_time)
    return _Event(first, first + length, title, room, status, description)


def _vevent(
    uid: str,
    event: _Event,
    stamp: dt.datetime,
    *,
    start: dt.datetime | None = None,
) -> Any:
    from icalendar import Event

    component = Event()
    component.add("uid", uid)
    component.add("dtstamp", stamp)
    begins = start or event.starts_at
    component.add("dtstart", _local(begins))
    component.add("dtend", _local(begins + (event.ends_at - event.starts_at)))
    component.add("summary", event.title)
    component.add("location", event.room)
    if event.description:
        component.add("description", event.description)
    component.add("status", "TENTATIVE" if event.status == BookingStatus.PENDING else "CONFIRMED")
    return component


# --- a file, recorded --------------------------------------------------------------------


def export_ics_file(
    db: Database,
    actor: Actor,
    path: str | Path,
    room_id: int | None = None,
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
) -> IcsExport:
    """Write the .ics to `path`: read in a read transaction (no desk waits), recorded in the
    audit log in a short writing one, then moved into place whole."""
    result = calls.read(
        db, actor, lambda session, acting: build(session, acting, room_id, first_day, last_day)
    )
    target = Path(path)

    def record(session: Session, acting: Actor) -> None:
        acting.require(Permission.ROOMS)
        audit.record(
            session,
            acting,
            "export",
            "booking",
            None,
            rows=result.bookings,
            format="ics",
            room=room_id,
            file=target.name,
        )

    calls.write(db, actor, record)
    write_whole(target, result.data)
    return result


def summary(result: IcsExport, path: str | Path) -> str:
    return (
        translate("Rooms", "Exported %1 bookings to %2. Phone numbers are masked.")
        .replace("%1", f"{result.bookings:,}")
        .replace("%2", str(path))
    )
