"""周期预约的规则: how a booking repeats, as the RFC 5545 RRULE text stored on `BookingSeries.rule`
and expanded with `dateutil.rrule`.

A rule repeats daily, weekly on chosen weekdays, monthly on a date (BYMONTHDAY) or monthly on the
nth weekday (BYDAY=+2WE, -1FR for the last), every `interval` days/weeks/months, until a date or
a number of times. It is bounded: at most `MAX_OCCURRENCES` occurrences and no later than
`HORIZON_YEARS` after its first day; a rule past either bound, or one that gives no occurrence at
all, is refused with a ValidationError on the field "recurrence" that says which bound.

The rule's days are dateutil's: the first day counts only when the rule gives it (weekly on
Friday from a Wednesday starts on that Friday). UNTIL is stored as a floating date-time at the
end of its day (RFC 5545 wants UNTIL of the same type as DTSTART, a local date-time here), so the
until day itself is included.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from dateutil import rrule

from app.errors import ValidationError
from app.i18n import translate

MAX_OCCURRENCES = 520  # ten years of weekly meetings; a two-year weekly class is 105
HORIZON_YEARS = 5  # a series ends at most this many years after its first day

_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQS = {"DAILY": rrule.DAILY, "WEEKLY": rrule.WEEKLY, "MONTHLY": rrule.MONTHLY}


class Frequency(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY_BY_DATE = "monthly_by_date"  # every month on the first day's date (BYMONTHDAY)
    MONTHLY_BY_WEEKDAY = "monthly_by_weekday"  # every month on the nth weekday (BYDAY=+2WE)


def week_of_month(day: dt.date) -> int:
    """Which `day.weekday()` of its month `day` is: 1 … 4, or -1 for the last (a fifth one)."""
    number = (day.day - 1) // 7 + 1
    return -1 if number == 5 else number


@dataclass(frozen=True)
class Recurrence:
    """How a booking repeats. `weekdays` (0 = Monday) for WEEKLY, empty = the first day's
    weekday; `week` for MONTHLY_BY_WEEKDAY (1 … 4, -1 = last), None = the first day's.
    Exactly one of `until` and `count` ends the series."""

    freq: Frequency
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    until: dt.date | None = None
    count: int | None = None
    week: int | None = None

    def rule(self, first_day: dt.date) -> str:
        """The RRULE text (without "RRULE:") of this recurrence starting on `first_day`."""
        self.check(first_day)
        parts = [f"FREQ={self._rrule_freq()}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.freq == Frequency.WEEKLY:
            days = sorted(set(self.weekdays)) or [first_day.weekday()]
            parts.append("BYDAY=" + ",".join(_RRULE_DAYS[day] for day in days))
        elif self.freq == Frequency.MONTHLY_BY_DATE:
            parts.append(f"BYMONTHDAY={first_day.day}")
        elif self.freq == Frequency.MONTHLY_BY_WEEKDAY:
            week = self.week if self.week is not None else week_of_month(first_day)
            parts.append(f"BYDAY={week:+d}{_RRULE_DAYS[first_day.weekday()]}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}T235959")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        return ";".join(parts)

    def _rrule_freq(self) -> str:
        if self.freq == Frequency.DAILY:
            return "DAILY"
        return "WEEKLY" if self.freq == Frequency.WEEKLY else "MONTHLY"

    def check(self, first_day: dt.date) -> None:
        """ValidationError("recurrence", …) unless this is a rule the centre may book."""
        if self.interval < 1 or self.interval > 99:
            raise ValidationError(
                "recurrence", translate("Rooms", "Repeat every 1 to 99 days, weeks or months.")
            )
        if any(day not in range(7) for day in self.weekdays):
            raise ValidationError(
                "recurrence", translate("Rooms", "Choose weekdays Monday–Sunday.")
            )
        if self.week is not None and self.week not in (1, 2, 3, 4, -1):
            raise ValidationError(
                "recurrence", translate("Rooms", "Choose the first to fourth or the last weekday.")
            )
        if (self.until is None) == (self.count is None):
            raise ValidationError(
                "recurrence",
                translate(
                    "Rooms", "Say when the series ends: on a date, or after a number of times."
                ),
            )
        if self.count is not None and self.count < 1:
            raise ValidationError(
                "recurrence", translate("Rooms", "A series takes place at least once.")
            )
        if self.count is not None and self.count > MAX_OCCURRENCES:
            raise ValidationError("recurrence", _too_many())
        if self.until is not None:
            if self.until < first_day:
                raise ValidationError(
                    "recurrence", translate("Rooms", "The series ends before its first day.")
                )
            if self.until > horizon(first_day):
                raise ValidationError("recurrence", _too_far(first_day))

    @classmethod
    def from_rule(cls, rule: str, first_day: dt.date) -> Recurrence:
        """The recurrence an RRULE text (as `rule()` writes it, or an .ics file) describes."""
        fields: dict[str, str] = {}
        for part in rule.removeprefix("RRULE:").split(";"):
            key, _, value = part.partition("=")
            if key:
                fields[key.strip().upper()] = value.strip().upper()
        freq = fields.get("FREQ", "")
        interval = int(fields.get("INTERVAL", "1"))
        until = _parse_until(fields["UNTIL"]) if "UNTIL" in fields else None
        count = int(fields["COUNT"]) if "COUNT" in fields else None
        byday = [day for day in fields.get("BYDAY", "").split(",") if day]
        if freq == "DAILY":
            return cls(Frequency.DAILY, interval, until=until, count=count)
        if freq == "WEEKLY":
            weekdays = tuple(sorted(_RRULE_DAYS.index(day[-2:]) for day in byday))
            return cls(Frequency.WEEKLY, interval, weekdays or (first_day.weekday(),), until, count)
        if freq == "MONTHLY" and byday:
            week = int(byday[0][:-2] or "1")
            default = week_of_month(first_day)
            return cls(
                Frequency.MONTHLY_BY_WEEKDAY,
                interval,
                until=until,
                count=count,
                week=None if week == default else week,
            )
        if freq == "MONTHLY":
            return cls(Frequency.MONTHLY_BY_DATE, interval, until=until, count=count)
        raise ValueError(f"a repeat rule the desk doesn't know: {rule!r}")

    def shifted(self, days: int) -> Recurrence:
        """The same recurrence for a series moved `days` later (earlier when negative): weekly
        weekdays move with it; monthly rules follow the new first day by themselves."""
        if self.freq != Frequency.WEEKLY or not self.weekdays:
            return self
        return replace(self, weekdays=tuple(sorted({(day + days) % 7 for day in self.weekdays})))

    def describe(self, first_day: dt.date) -> str:
        """In words, e.g. 每周三、五，至 2027-01-15 (the interface's language)."""
        if self.freq == Frequency.DAILY:
            text = (
                translate("Rooms", "Every day")
                if self.interval == 1
                else translate("Rooms", "Every %1 days").replace("%1", str(self.interval))
            )
        elif self.freq == Frequency.WEEKLY:
            names = translate("Rooms", ", ").join(
                _weekday(day) for day in sorted(set(self.weekdays)) or [first_day.weekday()]
            )
            text = (
                translate("Rooms", "Every week on %1").replace("%1", names)
                if self.interval == 1
                else translate("Rooms", "Every %1 weeks on %2")
                .replace("%1", str(self.interval))
                .replace("%2", names)
            )
        elif self.freq == Frequency.MONTHLY_BY_DATE:
            text = (
                translate("Rooms", "Every month on day %1").replace("%1", str(first_day.day))
                if self.interval == 1
                else translate("Rooms", "Every %1 months on day %2")
                .replace("%1", str(self.interval))
                .replace("%2", str(first_day.day))
            )
        else:
            week = self.week if self.week is not None else week_of_month(first_day)
            which = _nth(week).replace("%1", _weekday(first_day.weekday()))
            text = (
                translate("Rooms", "Every month on %1").replace("%1", which)
                if self.interval == 1
                else translate("Rooms", "Every %1 months on %2")
                .replace("%1", str(self.interval))
                .replace("%2", which)
            )
        if self.until is not None:
            return text + translate("Rooms", ", until %1").replace("%1", self.until.isoformat())
        if self.count is not None:
            return text + translate("Rooms", ", %1 times").replace("%1", str(self.count))
        return text


def horizon(first_day: dt.date) -> dt.date:
    """The last day a series starting on `first_day` may reach."""
    try:
        return first_day.replace(year=first_day.year + HORIZON_YEARS)
    except ValueError:  # 29 February
        return first_day.replace(year=first_day.year + HORIZON_YEARS, day=28)


def occurrence_days(rule: str, first_day: dt.date) -> list[dt.date]:
    """The days `rule` gives from `first_day` on, bounded by MAX_OCCURRENCES and the horizon
    (ValidationError "recurrence" past either, or when it gives none)."""
    start = dt.datetime.combine(first_day, dt.time())
    parsed = rrule.rrulestr(rule.removeprefix("RRULE:"), dtstart=start)
    last = dt.datetime.combine(horizon(first_day), dt.time.max)
    days: list[dt.date] = []
    for moment in parsed:
        if moment > last:
            raise ValidationError("recurrence", _too_far(first_day))
        days.append(moment.date())
        if len(days) > MAX_OCCURRENCES:
            raise ValidationError("recurrence", _too_many())
    if not days:
        raise ValidationError(
            "recurrence",
            translate(
                "Rooms", "This repeat rule gives no day at all: check the weekdays and the end."
            ),
        )
    return days


def last_day(rule: str, first_day: dt.date) -> dt.date:
    return occurrence_days(rule, first_day)[-1]


def _parse_until(value: str) -> dt.date:
    return dt.datetime.strptime(value[:8], "%Y%m%d").date()


def _too_many() -> str:
    return translate("Rooms", "A series may have at most %1 occurrences.").replace(
        "%1", str(MAX_OCCURRENCES)
    )


def _too_far(first_day: dt.date) -> str:
    return (
        translate("Rooms", "A series may run at most %1 years, until %2.")
        .replace("%1", str(HORIZON_YEARS))
        .replace("%2", horizon(first_day).isoformat())
    )


def _weekday(day: int) -> str:
    """周一 … 周日, as a rule says them (每周三); the short English names, so that they get their
    own translation: the calendar and the settings say 星期三 for "Wednesday"."""
    names = (
        translate("Rooms", "Mon"),
        translate("Rooms", "Tue"),
        translate("Rooms", "Wed"),
        translate("Rooms", "Thu"),
        translate("Rooms", "Fri"),
        translate("Rooms", "Sat"),
        translate("Rooms", "Sun"),
    )
    return names[day]


def _nth(week: int) -> str:
    names = {
        1: translate("Rooms", "the first %1"),
        2: translate("Rooms", "the second %1"),
        3: translate("Rooms", "the third %1"),
        4: translate("Rooms", "the fourth %1"),
        -1: translate("Rooms", "the last %1"),
    }
    return names[week]
