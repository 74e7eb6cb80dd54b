"""When a room is open: its weekly hours, China's statutory holidays and 调休 working days, and
the centre's own closed days.

chinese-calendar knows the years the State Council has published. For a year it doesn't know
the calendar keeps working on the rooms' weekly hours and the centre's closures, and the admin
may enter that year's holidays and 调休 working days (`Closure` rows of kind holiday / workday),
which then count exactly as the package's would.

A 调休 working day (a Saturday or Sunday worked in exchange for a holiday) opens with the room's
hours of that weekday when it has them, otherwise with its hours of the first weekday (Monday to
Friday) it opens on: the centre works as on an ordinary working day.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import chinese_calendar
from sqlalchemy import Date, bindparam, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Closure, ClosureKind, OpeningHours, RoomHours

# The hours a new room starts with where the centre has set none: every day 08:00–20:00.
DEFAULT_HOURS = {weekday: (dt.time(8), dt.time(20)) for weekday in range(7)}

# chinese-calendar's names of the holidays, in the words of the calendar on a Chinese wall.
_HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争胜利70周年纪念日",
}


class DayKind(enum.StrEnum):
    ORDINARY = "ordinary"  # the weekly hours apply
    HOLIDAY = "holiday"  # a statutory holiday: closed
    WORKDAY = "workday"  # a 调休 working day on a weekend: open as on a working day
    CLOSED = "closed"  # the centre's own closed day


@dataclass(frozen=True)
class DayStatus:
    day: dt.date
    kind: DayKind
    name: str = ""  # 国庆节, 调休上班 (国庆节), the centre's reason

    @property
    def closed(self) -> bool:
        return self.kind in (DayKind.HOLIDAY, DayKind.CLOSED)


def known_year(year: int) -> bool:
    """Whether chinese-calendar has the State Council's holidays for `year`."""
    try:
        chinese_calendar.is_holiday(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def statutory(day: dt.date) -> DayStatus | None:
    """The package's word on `day`, or None for an ordinary day; raises NotImplementedError for
    a year it doesn't know."""
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    if name is None:
        return None
    chinese = _HOLIDAY_NAMES.get(str(name), str(name))
    if on_holiday:
        return DayStatus(day, DayKind.HOLIDAY, chinese)
    if day.weekday() >= 5:
        label = translate("Rooms", "Working day in exchange (%1)").replace("%1", chinese)
        return DayStatus(day, DayKind.WORKDAY, label)
    return None


# Built once: a booking's check reads the calendar for one room, and building these statements
# would cost more than running them.
_CLOSURES = select(Closure).where(
    Closure.day >= bindparam("first", type_=Date()), Closure.day <= bindparam("last", type_=Date())
)
_ALL_HOURS = select(RoomHours.room_id, RoomHours.weekday, RoomHours.opens, RoomHours.closes)
_HOURS = _ALL_HOURS.where(RoomHours.room_id.in_(bindparam("rooms", expanding=True)))


class OpeningCalendar:
    """Day statuses and room hours over a span of days, read once: checking a two-year series
    costs two queries, not two per occurrence."""

    def __init__(
        self,
        session: Session,
        first: dt.date,
        last: dt.date,
        room_ids: Collection[int] | None = None,
    ) -> None:
        """`room_ids`: the rooms whose hours will be asked for (None: every room)."""
        self.first, self.last = first, last
        self._closures = {
            closure.day: closure
            for closure in session.scalars(_CLOSURES, {"first": first, "last": last})
        }
        hours = (
            session.execute(_ALL_HOURS)
            if room_ids is None
            else session.execute(_HOURS, {"rooms": list(room_ids)})
        )
        self._hours: dict[tuple[int, int], tuple[dt.time, dt.time]] = {
            (row.room_id, row.weekday): (row.opens, row.closes) for row in hours
        }
        self._known: dict[int, bool] = {}
        # Each day's status, worked out once: chinese-calendar checks its whole table of years on
        # every question, and a two-year series asks about the same days again and again.
        self._statuses: dict[dt.date, DayStatus] = {}

    def status(self, day: dt.date) -> DayStatus:
        found = self._statuses.get(day)
        if found is None:
            found = self._statuses[day] = self._status(day)
        return found

    def _status(self, day: dt.date) -> DayStatus:
        closure = self._closures.get(day)
        if closure is not None and closure.kind == ClosureKind.CLOSED:
            reason = closure.reason or translate("Rooms", "The centre is closed")
            return DayStatus(day, DayKind.CLOSED, reason)
        known = self._known.get(day.year)
        if known is None:  # not setdefault(): its argument would ask the package every time
            known = self._known[day.year] = known_year(day.year)
        if known:
            return statutory(day) or DayStatus(day, DayKind.ORDINARY)
        if closure is not None and closure.kind == ClosureKind.HOLIDAY:
            return DayStatus(day, DayKind.HOLIDAY, closure.reason)
        if closure is not None and closure.kind == ClosureKind.WORKDAY:
            label = translate("Rooms", "Working day in exchange (%1)").replace("%1", closure.reason)
            return DayStatus(day, DayKind.WORKDAY, label)
        return DayStatus(day, DayKind.ORDINARY)

    def hours(self, room_id: int, day: dt.date) -> tuple[dt.time, dt.time] | None:
        """When `room_id` is open on `day`; None when it is closed all day."""
        status = self.status(day)
        if status.closed:
            return None
        own = self._hours.get((room_id, day.weekday()))
        if own is not None or status.kind != DayKind.WORKDAY:
            return own
        return next(
            (self._hours[(room_id, wd)] for wd in range(5) if (room_id, wd) in self._hours), None
        )

    def problem(self, room_id: int, start: dt.datetime, end: dt.datetime) -> str | None:
        """Why [start, end) in `room_id` falls on a closed day or outside its hours, in words;
        None when the room is open all that time."""
        status = self.status(start.date())
        when = start.strftime("%Y-%m-%d")
        if status.closed:
            return (
                translate("Rooms", "%1 is a closed day (%2).")
                .replace("%1", when)
                .replace("%2", status.name)
            )
        hours = self.hours(room_id, start.date())
        if hours is None:
            return translate("Rooms", "The room is not open on %1.").replace("%1", when)
        opens, closes = hours
        last_moment = end - dt.timedelta(microseconds=1)
        if (
            last_moment.date() != start.date()
            or start.time() < opens
            or end.time() > closes
            or end.time() == dt.time(0)
        ):
            return (
                translate("Rooms", "The room is open %1–%2 that day.")
                .replace("%1", opens.strftime("%H:%M"))
                .replace("%2", closes.strftime("%H:%M"))
            )
        return None


def unknown_years(session: Session, years: Iterable[int]) -> list[int]:
    """Of `years`, those chinese-calendar doesn't know and for which the admin has entered no
    holidays yet: the admin is told to enter them."""
    missing = sorted({year for year in years if not known_year(year)})
    if not missing:
        return []
    entered = {
        day.year
        for day in session.scalars(
            select(Closure.day).where(
                Closure.kind == ClosureKind.HOLIDAY,
                Closure.day >= dt.date(missing[0], 1, 1),
                Closure.day <= dt.date(missing[-1], 12, 31),
            )
        )
    }
    return [year for year in missing if year not in entered]


def default_hours(session: Session) -> dict[int, tuple[dt.time, dt.time]]:
    """The weekly hours a new room starts with: the centre's, or `DEFAULT_HOURS`."""
    rows = session.scalars(select(OpeningHours)).all()
    return {row.weekday: (row.opens, row.closes) for row in rows} if rows else dict(DEFAULT_HOURS)
