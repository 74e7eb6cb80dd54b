"""Periods the figures are counted over: months typed the ways people type them, whole days."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import ValidationError
from app.services.statistics.period import Period


@pytest.mark.parametrize("text", ["2026-11", "2026/11", "2026年11月", " 2026-11 ", "2026.11"])
def test_a_month_is_read_however_it_is_written(text: str) -> None:
    assert Period.parse_month(text) == Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


@pytest.mark.parametrize("text", ["2026-13", "2026-0", "11-2026", "", "二〇二六年十一月"])
def test_a_month_that_is_not_one_is_refused_on_its_field(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Period.parse_month(text)
    assert refused.value.field == "month"


def test_a_period_ending_before_it_begins_is_refused() -> None:
    with pytest.raises(ValidationError):
        Period(dt.date(2026, 11, 2), dt.date(2026, 11, 1))


def test_bounds_days_and_labels() -> None:
    february = Period.month(2028, 2)
    assert february.days == 29 and february.whole_month
    assert february.start == dt.datetime(2028, 2, 1)
    assert february.end == dt.datetime(2028, 3, 1)
    assert february.label() == "2028年2月"
    week = Period.week_of(dt.date(2026, 11, 27))
    assert (week.first, week.last) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert not week.whole_month
    assert week.label() == "2026年11月23日至11月29日"
    assert (
        Period(dt.date(2026, 12, 28), dt.date(2027, 1, 3)).label() == "2026年12月28日至2027年1月3日"
    )
    assert Period.last_days(dt.date(2026, 11, 27), 30).first == dt.date(2026, 10, 29)
    assert len(Period.year(2026).each_day()) == 365
