"""A span of whole days that figures are counted over."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import translate

_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")


@dataclass(frozen=True)
class Period:
    """From `first` to `last`, both days included."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError("last", translate("Errors", "The period ends before it begins."))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(
            dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        )

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """ "2026-11", "2026/11" or "2026年11月"."""
        found = _MONTH.match(text)
        if found is None or not 1 <= int(found.group(2)) <= 12:
            raise ValidationError("month", translate("Errors", "Write the month as 2026-11."))
        return cls.month(int(found.group(1)), int(found.group(2)))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def last_days(cls, last: dt.date, days: int) -> Period:
        return cls(last - dt.timedelta(days=days - 1), last)

    @classmethod
    def week_of(cls, day: dt.date) -> Period:
        """Monday to Sunday."""
        monday = day - dt.timedelta(days=day.weekday())
        return cls(monday, monday + dt.timedelta(days=6))

    @property
    def start(self) -> dt.datetime:
        """The first moment inside the period."""
        return dt.datetime.combine(self.first, dt.time())

    @property
    def end(self) -> dt.datetime:
        """The first moment after it: times are compared `start <= t < end`."""
        return dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time())

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def each_day(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=i) for i in range(self.days)]

    @property
    def whole_month(self) -> bool:
        return self.first.day == 1 and self == Period.month(self.first.year, self.first.month)

    def label(self) -> str:
        """In Chinese for print-outs: 2026年11月, or 2026年11月1日至11月15日."""
        if self.whole_month:
            return f"{self.first.year}年{self.first.month}月"
        last = self.last
        until = (
            f"{last.month}月{last.day}日"
            if last.year == self.first.year
            else f"{last:%Y年}{last.month}月{last.day}日"
        )
        return f"{self.first.year}年{self.first.month}月{self.first.day}日至{until}"
