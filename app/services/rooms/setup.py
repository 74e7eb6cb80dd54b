"""Setting the rooms up (Settings → 活动室, 闭馆日): the rooms and their weekly hours, the centre's
own closed days, and the statutory holidays of a year chinese-calendar doesn't know yet.

Reading needs only the desk's permission (every account sees the calendar); writing needs
Settings (admins). Nothing here cancels a booking: a change that leaves bookings on a closed day
or outside the new hours says which ones (`affected`), for the page to warn about and staff to
move or cancel.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import clock, validation
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import Booking, BookingStatus, Closure, ClosureKind, Room, RoomHours
from app.security import Actor, Permission
from app.services import audit, unique
from app.services.rooms import days
from app.services.rooms.rule import HOLDING

Hours = Mapping[int, tuple[dt.time, dt.time]]  # weekday (0 = Monday) -> (opens, closes)

MAX_CAPACITY = 1000
MAX_CLOSURE_DAYS = 366  # one entry of closed days spans at most a year
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(weekday: int) -> str:
    return translate("Weekdays", WEEKDAY_NAMES[weekday])


# ---- what the pages are given ---------------------------------------------------------------


@dataclass(frozen=True)
class RoomInput:
    """A room as the editor fills it in. `hours`: None keeps a room's hours (a new room starts
    with `days.default_hours`); a weekday missing from it is closed."""

    name: str
    capacity: int
    location: str = ""
    facilities: str = ""
    colour: str = ""  # "#RRGGBB", or "" for the desk's own colour
    bookable: bool = True
    active: bool = True
    hours: Hours | None = None


@dataclass(frozen=True)
class RoomRow:
    id: int
    name: str
    capacity: int
    location: str
    facilities: str
    colour: str
    bookable: bool
    sort_order: int
    active: bool
    hours: dict[int, tuple[dt.time, dt.time]]


@dataclass(frozen=True)
class AffectedBooking:
    """A booking still holding its room on a day or at an hour the room is now closed."""

    id: int
    room_id: int
    room: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: BookingStatus
    problem: str  # why, in words: "2026-12-24 is a closed day (装修)."


@dataclass(frozen=True)
class RoomSaved:
    room: RoomRow
    affected: tuple[AffectedBooking, ...] = ()


@dataclass(frozen=True)
class DaySpan:
    """Consecutive days of one kind and reason: a closed week, the days of 春节."""

    first: dt.date
    last: dt.date
    kind: ClosureKind
    name: str  # the centre's reason, or the holiday's name as the calendar says it
    entered: bool = True  # False: from the chinese-calendar package

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class ClosureAdded:
    span: DaySpan
    affected: tuple[AffectedBooking, ...] = ()


@dataclass(frozen=True)
class YearHolidays:
    """A year's statutory holidays and 调休 working days as the calendar uses them."""

    year: int
    known: bool  # chinese-calendar has them built in
    spans: tuple[DaySpan, ...]

    @property
    def entered(self) -> bool:
        """Holidays were entered by the admin (the year is no longer to be entered)."""
        return any(span.kind == ClosureKind.HOLIDAY and span.entered for span in self.spans)


# ---- rooms ----------------------------------------------------------------------------------


def list_rooms(session: Session, actor: Actor, *, include_inactive: bool = True) -> list[RoomRow]:
    """The rooms in their order on the calendar, with their weekly hours."""
    actor.require(Permission.RECEPTION)
    query = select(Room).order_by(Room.sort_order, Room.id)
    if not include_inactive:
        query = query.where(Room.active.is_(True))
    hours: dict[int, dict[int, tuple[dt.time, dt.time]]] = {}
    for row in session.scalars(select(RoomHours).order_by(RoomHours.weekday)):
        hours.setdefault(row.room_id, {})[row.weekday] = (row.opens, row.closes)
    return [_row(room, hours.get(room.id, {})) for room in session.scalars(query)]


def create_room(session: Session, actor: Actor, data: RoomInput) -> RoomSaved:
    actor.require(Permission.SETTINGS)
    clean = _clean_room(data)
    hours = _clean_hours(data.hours) if data.hours is not None else days.default_hours(session)
    _unique_name(session, clean.name, None)
    order = session.scalar(select(func.coalesce(func.max(Room.sort_order), 0))) or 0
    room = Room(sort_order=order + 1, **_columns(clean))
    session.add(room)
    with unique.refused_as(_name_taken()):
        session.flush()
    _write_hours(session, room.id, hours)
    audit.record(
        session, actor, "create", "room", room.id, **_columns(clean), hours=_hours_text(hours)
    )
    return RoomSaved(_row(room, hours))


def update_room(session: Session, actor: Actor, room_id: int, data: RoomInput) -> RoomSaved:
    """Change a room (and its hours when given). Bookings stay; `affected` lists those that now
    fall outside its hours, or all to come when the room is taken out of use."""
    actor.require(Permission.SETTINGS)
    room = _room(session, room_id)
    clean = _clean_room(data)
    hours = _clean_hours(data.hours) if data.hours is not None else None
    _unique_name(session, clean.name, room_id)
    before = _upcoming(session, room_id)
    old_calendar = _calendar_for(session, before)
    old_hours = _hours_of(session, room_id)
    changes: dict[str, object] = dict(audit.apply_changes(room, _columns(clean)))
    # The new name is written with the first statement that follows (the hours, or the flush).
    with unique.refused_as(_name_taken()):
        if hours is not None and old_hours != hours:
            changes["hours"] = [_hours_text(old_hours), _hours_text(hours)]
            _write_hours(session, room_id, hours)
        session.flush()
    if changes:
        audit.record(session, actor, "update", "room", room_id, **changes)
    if not clean.active and "active" in changes:
        problem = translate("Rooms", "The room is no longer in use.")
        affected = tuple(replace(booking, problem=problem) for booking in before)
    else:
        affected = _newly_outside(session, before, old_calendar)
    return RoomSaved(_row(room, _hours_of(session, room_id)), affected)


def set_hours(session: Session, actor: Actor, room_id: int, hours: Hours) -> RoomSaved:
    """A room's weekly hours; a weekday missing from `hours` is closed."""
    actor.require(Permission.SETTINGS)
    room = _room(session, room_id)
    clean = _clean_hours(hours)
    before = _upcoming(session, room_id)
    old_calendar = _calendar_for(session, before)
    old_hours = _hours_of(session, room_id)
    if old_hours == clean:
        return RoomSaved(_row(room, clean))
    _write_hours(session, room_id, clean)
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "room",
        room_id,
        hours=[_hours_text(old_hours), _hours_text(clean)],
    )
    return RoomSaved(_row(room, clean), _newly_outside(session, before, old_calendar))


def move_room(session: Session, actor: Actor, room_id: int, step: int) -> None:
    """Move a room one place up (step -1) or down (+1) in the calendar's order of columns."""
    actor.require(Permission.SETTINGS)
    _room(session, room_id)
    rooms = list(session.scalars(select(Room).order_by(Room.sort_order, Room.id)))
    index = next(i for i, room in enumerate(rooms) if room.id == room_id)
    other = index + (1 if step > 0 else -1)
    if not 0 <= other < len(rooms):
        return
    rooms[index], rooms[other] = rooms[other], rooms[index]
    for order, room in enumerate(rooms, start=1):
        room.sort_order = order
    audit.record(session, actor, "reorder", "room", room_id, position=other + 1)


def _clean_room(data: RoomInput) -> RoomInput:
    name = validation.required_text(
        "name", data.name, max_length=40, label=translate("Errors", "the room's name")
    )
    capacity = data.capacity
    if isinstance(capacity, bool) or not isinstance(capacity, int):
        raise ValidationError("capacity", _capacity_message())
    if not 1 <= capacity <= MAX_CAPACITY:
        raise ValidationError("capacity", _capacity_message())
    location = validation.optional_text(
        "location", data.location, max_length=60, label=translate("Errors", "the location")
    )
    facilities = validation.optional_text(
        "facilities", data.facilities, max_length=200, label=translate("Errors", "the facilities")
    )
    colour = data.colour.strip()
    if colour and not _COLOUR.fullmatch(colour):
        raise ValidationError(
            "colour", translate("Errors", "A colour is written #RRGGBB, e.g. #1F5FAD.")
        )
    return RoomInput(
        name,
        capacity,
        location,
        facilities,
        colour.upper(),
        bool(data.bookable),
        bool(data.active),
    )


def _capacity_message() -> str:
    return translate(
        "Errors", "The capacity is how many people the room holds: a number from 1 to %1."
    ).replace("%1", str(MAX_CAPACITY))


def _clean_hours(hours: Hours) -> dict[int, tuple[dt.time, dt.time]]:
    clean: dict[int, tuple[dt.time, dt.time]] = {}
    for weekday in sorted(hours):
        if weekday not in range(7):
            raise ValidationError("hours", translate("Errors", "A week has 7 days."))
        opens, closes = hours[weekday]
        opens = opens.replace(second=0, microsecond=0)
        closes = closes.replace(second=0, microsecond=0)
        if closes <= opens:
            raise ValidationError(
                f"hours.{weekday}",
                translate("Errors", "On %1 the room must close after it opens.").replace(
                    "%1", weekday_name(weekday)
                ),
            )
        clean[weekday] = (opens, closes)
    return clean


def _unique_name(session: Session, name: str, room_id: int | None) -> None:
    query = select(Room.id).where(Room.name == name)
    if room_id is not None:
        query = query.where(Room.id != room_id)
    if session.scalar(query) is not None:
        raise _name_taken()


def _name_taken() -> ValidationError:
    return ValidationError("name", translate("Errors", "A room with this name exists."))


def _room(session: Session, room_id: int) -> Room:
    room = session.get(Room, room_id)
    if room is None:
        raise NotFound(translate("Errors", "This room no longer exists."))
    return room


def _columns(data: RoomInput) -> dict[str, object]:
    return {
        "name": data.name,
        "capacity": data.capacity,
        "location": data.location,
        "facilities": data.facilities,
        "colour": data.colour,
        "bookable": data.bookable,
        "active": data.active,
    }


def _row(room: Room, hours: Mapping[int, tuple[dt.time, dt.time]]) -> RoomRow:
    return RoomRow(
        room.id,
        room.name,
        room.capacity,
        room.location,
        room.facilities,
        room.colour,
        room.bookable,
        room.sort_order,
        room.active,
        dict(hours),
    )


def _hours_of(session: Session, room_id: int) -> dict[int, tuple[dt.time, dt.time]]:
    rows = session.scalars(
        select(RoomHours).where(RoomHours.room_id == room_id).order_by(RoomHours.weekday)
    )
    return {row.weekday: (row.opens, row.closes) for row in rows}


def _write_hours(session: Session, room_id: int, hours: Hours) -> None:
    session.execute(delete(RoomHours).where(RoomHours.room_id == room_id))
    session.add_all(
        RoomHours(room_id=room_id, weekday=weekday, opens=opens, closes=closes)
        for weekday, (opens, closes) in hours.items()
    )
    session.flush()


def _hours_text(hours: Hours) -> dict[int, str]:
    return {weekday: f"{opens:%H:%M}-{closes:%H:%M}" for weekday, (opens, closes) in hours.items()}


# ---- bookings a change leaves on a closed day or hour --------------------------------------


def _upcoming(
    session: Session,
    room_id: int | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> list[AffectedBooking]:
    """Bookings holding a room that haven't ended yet (in a room, on some days), by start; no
    problem named yet. Plain rows, not ORM objects: a room may have years of them."""
    query = (
        select(
            Booking.id,
            Booking.room_id,
            Room.name,
            Booking.title,
            Booking.starts_at,
            Booking.ends_at,
            Booking.status,
        )
        .join(Room, Room.id == Booking.room_id)
        .where(
            Booking.status.in_([str(status) for status in HOLDING]),
            Booking.ends_at > clock.now(),
        )
        .order_by(Booking.starts_at, Booking.id)
    )
    if room_id is not None:
        query = query.where(Booking.room_id == room_id)
    if first is not None and last is not None:
        query = query.where(
            Booking.starts_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
            Booking.ends_at > dt.datetime.combine(first, dt.time()),
        )
    return [
        AffectedBooking(id_, room, name, title, starts, ends, BookingStatus(status), "")
        for id_, room, name, title, starts, ends, status in session.execute(query)
    ]


def _calendar_for(session: Session, bookings: list[AffectedBooking]) -> days.OpeningCalendar | None:
    if not bookings:
        return None
    first = min(booking.starts_at.date() for booking in bookings)
    last = max(booking.starts_at.date() for booking in bookings)
    return days.OpeningCalendar(session, first, last)


def _newly_outside(
    session: Session, bookings: list[AffectedBooking], old: days.OpeningCalendar | None
) -> tuple[AffectedBooking, ...]:
    """The bookings that were open before the change and aren't after it (one that was already
    outside, booked with an admin's reason, isn't news)."""
    new = _calendar_for(session, bookings)
    if old is None or new is None:
        return ()
    found = []
    for booking in bookings:
        problem = new.problem(booking.room_id, booking.starts_at, booking.ends_at)
        if problem and old.problem(booking.room_id, booking.starts_at, booking.ends_at) is None:
            found.append(replace(booking, problem=problem))
    return tuple(found)


def _on_days(session: Session, first: dt.date, last: dt.date) -> tuple[AffectedBooking, ...]:
    """The bookings to come on the days first … last, which have just been closed."""
    bookings = _upcoming(session, None, first, last)
    calendar = _calendar_for(session, bookings)
    if calendar is None:
        return ()
    found = []
    for booking in bookings:
        problem = calendar.problem(booking.room_id, booking.starts_at, booking.ends_at)
        if problem is None:  # it starts the day before and runs into the closed day
            problem = translate("Rooms", "%1 is a closed day.").replace(
                "%1", f"{max(first, booking.starts_at.date()):%Y-%m-%d}"
            )
        found.append(replace(booking, problem=problem))
    return tuple(found)


# ---- the centre's closed days ---------------------------------------------------------------


def list_closures(session: Session, actor: Actor, *, since: dt.date | None = None) -> list[DaySpan]:
    """The centre's own closed days from `since` (default: the start of this year), as spans of
    consecutive days with one reason."""
    actor.require(Permission.RECEPTION)
    first = since or dt.date(clock.today().year, 1, 1)
    rows = session.scalars(
        select(Closure)
        .where(Closure.kind == ClosureKind.CLOSED.value, Closure.day >= first)
        .order_by(Closure.day)
    )
    return _spans((row.day, ClosureKind.CLOSED, row.reason) for row in rows)


def add_closure(
    session: Session, actor: Actor, first: dt.date, last: dt.date | None, reason: str
) -> ClosureAdded:
    """Close the centre on `first` (… `last`). Bookings on those days stay: `affected` says
    which, for staff to move or cancel."""
    actor.require(Permission.SETTINGS)
    last = _check_span(first, last)
    if first < clock.today():
        raise ValidationError("first", translate("Errors", "A closed day can't lie in the past."))
    clean = validation.required_text(
        "reason", reason, max_length=60, label=translate("Errors", "the reason")
    )
    _free_days(session, first, last)
    _add_days(session, first, last, ClosureKind.CLOSED, clean)
    audit.record(session, actor, "create", "closure", None, first=first, last=last, reason=clean)
    return ClosureAdded(
        DaySpan(first, last, ClosureKind.CLOSED, clean), _on_days(session, first, last)
    )


def remove_closure(
    session: Session,
    actor: Actor,
    first: dt.date,
    last: dt.date | None = None,
    kind: ClosureKind = ClosureKind.CLOSED,
) -> int:
    """Open again the days `first` … `last` closed (or entered as holidays / 调休 days, by
    `kind`); how many days were removed."""
    actor.require(Permission.SETTINGS)
    last = last or first
    removed = session.execute(
        delete(Closure).where(Closure.kind == kind.value, Closure.day >= first, Closure.day <= last)
    ).rowcount  # type: ignore[attr-defined]
    if not removed:
        raise NotFound(translate("Errors", "These days are no longer in the list."))
    audit.record(session, actor, "delete", "closure", None, first=first, last=last, kind=kind.value)
    return int(removed)


def _check_span(first: dt.date, last: dt.date | None) -> dt.date:
    last = last or first
    if last < first:
        raise ValidationError(
            "last", translate("Errors", "The last day can't come before the first.")
        )
    if (last - first).days + 1 > MAX_CLOSURE_DAYS:
        raise ValidationError(
            "last",
            translate("Errors", "One entry covers at most %1 days.").replace(
                "%1", str(MAX_CLOSURE_DAYS)
            ),
        )
    return last


def _free_days(session: Session, first: dt.date, last: dt.date) -> None:
    """Each day has one entry: refuse a span that meets another one, naming the day."""
    taken = session.scalars(
        select(Closure).where(Closure.day >= first, Closure.day <= last).order_by(Closure.day)
    ).first()
    if taken is None:
        return
    what = {
        ClosureKind.CLOSED: translate("Errors", "%1 is already a closed day (%2)."),
        ClosureKind.HOLIDAY: translate("Errors", "%1 is already entered as a holiday (%2)."),
        ClosureKind.WORKDAY: translate(
            "Errors", "%1 is already entered as a 调休 working day (%2)."
        ),
    }[ClosureKind(taken.kind)]
    field = "first" if taken.day == first else "last"
    raise ValidationError(
        field, what.replace("%1", f"{taken.day:%Y-%m-%d}").replace("%2", taken.reason)
    )


def _add_days(
    session: Session, first: dt.date, last: dt.date, kind: ClosureKind, reason: str
) -> None:
    session.add_all(
        Closure(day=first + dt.timedelta(days=n), kind=kind.value, reason=reason)
        for n in range((last - first).days + 1)
    )
    taken = ValidationError(
        "first", translate("Errors", "Another desk has just entered one of these days.")
    )
    with unique.refused_as(taken):
        session.flush()


def _spans(
    rows: Iterable[tuple[dt.date, ClosureKind, str]], *, entered: bool = True
) -> list[DaySpan]:
    spans: list[DaySpan] = []
    for day, kind, name in rows:
        previous = spans[-1] if spans else None
        if (
            previous is not None
            and previous.last + dt.timedelta(days=1) == day
            and (previous.kind, previous.name) == (kind, name)
        ):
            spans[-1] = DaySpan(previous.first, day, kind, name, entered)
        else:
            spans.append(DaySpan(day, day, kind, name, entered))
    return spans


# ---- statutory holidays of a year the package doesn't know ----------------------------------


def year_holidays(session: Session, actor: Actor, year: int) -> YearHolidays:
    """Every holiday and 调休 working day the calendar uses in `year`: from chinese-calendar
    when it knows the year, otherwise as the admin entered them."""
    actor.require(Permission.RECEPTION)
    _check_year(year)
    if days.known_year(year):
        found: list[tuple[dt.date, ClosureKind, str]] = []
        day = dt.date(year, 1, 1)
        while day.year == year:
            status = days.statutory(day)
            if status is not None:
                kind = (
                    ClosureKind.HOLIDAY
                    if status.kind == days.DayKind.HOLIDAY
                    else ClosureKind.WORKDAY
                )
                found.append((day, kind, status.name))
            day += dt.timedelta(days=1)
        return YearHolidays(year, True, tuple(_spans(found, entered=False)))
    rows = session.scalars(
        select(Closure)
        .where(
            Closure.kind.in_([ClosureKind.HOLIDAY.value, ClosureKind.WORKDAY.value]),
            Closure.day >= dt.date(year, 1, 1),
            Closure.day <= dt.date(year, 12, 31),
        )
        .order_by(Closure.day)
    )
    return YearHolidays(
        year,
        False,
        tuple(_spans((row.day, ClosureKind(row.kind), _holiday_name(row)) for row in rows)),
    )


def _holiday_name(closure: Closure) -> str:
    """What the calendar calls the day: 春节, or 调休上班 (春节) for a working day in exchange."""
    if closure.kind == ClosureKind.WORKDAY.value:
        return _workday_label(closure.reason)
    return closure.reason


def _workday_label(holiday: str) -> str:
    return translate("Rooms", "Working day in exchange (%1)").replace("%1", holiday)


def add_statutory(
    session: Session,
    actor: Actor,
    kind: ClosureKind,
    first: dt.date,
    last: dt.date | None,
    name: str,
) -> ClosureAdded:
    """Enter the State Council's holiday `name` (春节) on `first` … `last`, or a 调休 working day
    worked in exchange for it, for a year chinese-calendar doesn't know."""
    actor.require(Permission.SETTINGS)
    if kind not in (ClosureKind.HOLIDAY, ClosureKind.WORKDAY):
        raise ValidationError(
            "kind", translate("Errors", "Choose a holiday or a 调休 working day.")
        )
    last = _check_span(first, last)
    _check_year(first.year)
    if last.year != first.year:
        raise ValidationError(
            "last", translate("Errors", "Enter the days of each year on their own.")
        )
    if days.known_year(first.year):
        raise ValidationError(
            "first",
            translate(
                "Errors", "The holidays of %1 are built in; they need not be entered."
            ).replace("%1", str(first.year)),
        )
    clean = validation.required_text(
        "name", name, max_length=40, label=translate("Errors", "the holiday's name")
    )
    if kind == ClosureKind.WORKDAY:
        weekday = next(
            (
                first + dt.timedelta(days=n)
                for n in range((last - first).days + 1)
                if (first + dt.timedelta(days=n)).weekday() < 5
            ),
            None,
        )
        if weekday is not None:
            raise ValidationError(
                "first" if weekday == first else "last",
                translate(
                    "Errors",
                    "%1 is a weekday: a 调休 working day is a Saturday or Sunday worked in "
                    "exchange for a holiday.",
                ).replace("%1", f"{weekday:%Y-%m-%d}"),
            )
    _free_days(session, first, last)
    _add_days(session, first, last, kind, clean)
    audit.record(
        session, actor, "create", "closure", None, first=first, last=last, kind=kind.value,
        reason=clean,
    )  # fmt: skip
    affected = _on_days(session, first, last) if kind == ClosureKind.HOLIDAY else ()
    if kind == ClosureKind.WORKDAY:
        return ClosureAdded(DaySpan(first, last, kind, _workday_label(clean)))
    return ClosureAdded(DaySpan(first, last, kind, clean), affected)


def years_to_enter(session: Session, actor: Actor) -> list[int]:
    """This year and next, where chinese-calendar doesn't know them and nobody has entered their
    holidays yet: the admin is told."""
    actor.require(Permission.RECEPTION)
    this_year = clock.today().year
    return days.unknown_years(session, [this_year, this_year + 1])


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationError("year", translate("Errors", "Choose a year from 2000 to 2100."))
