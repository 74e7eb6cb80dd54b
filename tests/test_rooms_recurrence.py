"""How a booking repeats: the RRULE text, its days (dateutil's), the bounds, and the words."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil import rrule
from hypothesis import given, settings
from hypothesis import strategies as st

from app import i18n
from app.errors import ValidationError
from app.services.rooms.recurrence import (
    HORIZON_YEARS,
    MAX_OCCURRENCES,
    Frequency,
    Recurrence,
    horizon,
    occurrence_days,
    week_of_month,
)

WEDNESDAY = dt.date(2026, 11, 25)  # the tests' today


def _days(recurrence: Recurrence, first_day: dt.date = WEDNESDAY) -> list[dt.date]:
    return occurrence_days(recurrence.rule(first_day), first_day)


def test_weekly_on_chosen_weekdays_until_a_date_includes_that_date() -> None:
    recurrence = Recurrence(Frequency.WEEKLY, weekdays=(4, 2), until=dt.date(2026, 12, 9))
    assert recurrence.rule(WEDNESDAY) == "FREQ=WEEKLY;BYDAY=WE,FR;UNTIL=20261209T235959"
    assert _days(recurrence) == [
        dt.date(2026, 11, 25),
        dt.date(2026, 11, 27),
        dt.date(2026, 12, 2),
        dt.date(2026, 12, 4),
        dt.date(2026, 12, 9),
    ]


def test_weekly_without_weekdays_repeats_on_the_first_days_weekday() -> None:
    recurrence = Recurrence(Frequency.WEEKLY, interval=2, count=3)
    assert recurrence.rule(WEDNESDAY) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=3"
    assert _days(recurrence) == [
        dt.date(2026, 11, 25),
        dt.date(2026, 12, 9),
        dt.date(2026, 12, 23),
    ]


def test_a_weekly_rule_on_other_weekdays_starts_on_the_first_of_them() -> None:
    assert _days(Recurrence(Frequency.WEEKLY, weekdays=(4,), count=2)) == [
        dt.date(2026, 11, 27),
        dt.date(2026, 12, 4),
    ]


def test_daily_every_third_day_n_times() -> None:
    recurrence = Recurrence(Frequency.DAILY, interval=3, count=4)
    assert recurrence.rule(WEDNESDAY) == "FREQ=DAILY;INTERVAL=3;COUNT=4"
    assert _days(recurrence) == [WEDNESDAY + dt.timedelta(days=3 * n) for n in range(4)]


def test_monthly_by_date_skips_months_without_that_date() -> None:
    first = dt.date(2027, 1, 31)
    recurrence = Recurrence(Frequency.MONTHLY_BY_DATE, count=3)
    assert recurrence.rule(first) == "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3"
    assert _days(recurrence, first) == [
        dt.date(2027, 1, 31),
        dt.date(2027, 3, 31),
        dt.date(2027, 5, 31),
    ]


def test_monthly_by_nth_weekday_and_by_the_last_weekday() -> None:
    second_wednesday = dt.date(2026, 12, 9)
    assert week_of_month(second_wednesday) == 2
    second = Recurrence(Frequency.MONTHLY_BY_WEEKDAY, count=3)
    assert second.rule(second_wednesday) == "FREQ=MONTHLY;BYDAY=+2WE;COUNT=3"
    assert _days(second, second_wednesday) == [
        dt.date(2026, 12, 9),
        dt.date(2027, 1, 13),
        dt.date(2027, 2, 10),
    ]
    last_friday = dt.date(2026, 11, 27)
    last = Recurrence(Frequency.MONTHLY_BY_WEEKDAY, week=-1, count=3)
    assert last.rule(last_friday) == "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3"
    assert _days(last, last_friday) == [
        dt.date(2026, 11, 27),
        dt.date(2026, 12, 25),
        dt.date(2027, 1, 29),
    ]
    assert week_of_month(dt.date(2027, 1, 29)) == -1  # a fifth Friday is the last


def test_too_many_occurrences_are_refused_with_the_bound_in_words() -> None:
    with pytest.raises(ValidationError) as by_count:
        Recurrence(Frequency.DAILY, count=MAX_OCCURRENCES + 1).rule(WEDNESDAY)
    assert by_count.value.field == "recurrence"
    assert str(MAX_OCCURRENCES) in by_count.value.message
    # Every day for four years: within the horizon, but thousands of occurrences.
    daily = Recurrence(Frequency.DAILY, until=dt.date(2030, 11, 1))
    with pytest.raises(ValidationError) as by_until:
        _days(daily)
    assert by_until.value.field == "recurrence"
    assert str(MAX_OCCURRENCES) in by_until.value.message
    assert len(_days(Recurrence(Frequency.DAILY, count=MAX_OCCURRENCES))) == MAX_OCCURRENCES


def test_a_series_past_the_horizon_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Recurrence(Frequency.MONTHLY_BY_DATE, until=dt.date(2032, 1, 1)).rule(WEDNESDAY)
    assert error.value.field == "recurrence"
    assert str(HORIZON_YEARS) in error.value.message
    assert "2031-11-25" in error.value.message
    # An RRULE from elsewhere (an .ics) without an end is cut at the horizon too.
    with pytest.raises(ValidationError, match="2031-11-25"):
        occurrence_days("FREQ=MONTHLY;BYMONTHDAY=25", WEDNESDAY)


def test_a_rule_without_any_day_is_refused() -> None:
    # Weekly on Fridays from a Wednesday until the Thursday: no day at all.
    never = Recurrence(Frequency.WEEKLY, weekdays=(4,), until=dt.date(2026, 11, 26))
    with pytest.raises(ValidationError) as error:
        _days(never)
    assert error.value.field == "recurrence"


@pytest.mark.parametrize(
    "recurrence",
    [
        Recurrence(Frequency.WEEKLY),  # no end
        Recurrence(Frequency.WEEKLY, until=dt.date(2027, 1, 1), count=3),  # two ends
        Recurrence(Frequency.WEEKLY, count=0),
        Recurrence(Frequency.WEEKLY, interval=0, count=3),
        Recurrence(Frequency.WEEKLY, weekdays=(7,), count=3),
        Recurrence(Frequency.MONTHLY_BY_WEEKDAY, week=5, count=3),
        Recurrence(Frequency.DAILY, until=dt.date(2026, 11, 24)),  # ends before it starts
    ],
)
def test_rules_the_form_cant_mean_are_refused(recurrence: Recurrence) -> None:
    with pytest.raises(ValidationError) as error:
        recurrence.rule(WEDNESDAY)
    assert error.value.field == "recurrence"


def test_described_in_chinese() -> None:
    assert (
        Recurrence(Frequency.WEEKLY, weekdays=(2, 4), until=dt.date(2027, 1, 15)).describe(
            WEDNESDAY
        )
        == "每周三、周五，至 2027-01-15"
    )
    assert Recurrence(Frequency.WEEKLY, count=10).describe(WEDNESDAY) == "每周三，共 10 次"
    assert Recurrence(Frequency.DAILY, count=5).describe(WEDNESDAY) == "每天，共 5 次"
    assert (
        Recurrence(Frequency.MONTHLY_BY_WEEKDAY, count=6).describe(dt.date(2026, 12, 9))
        == "每月第二个周三，共 6 次"
    )
    assert (
        Recurrence(Frequency.MONTHLY_BY_WEEKDAY, interval=2, week=-1, count=6).describe(
            dt.date(2026, 11, 27)
        )
        == "每 2 个月的最后一个周五，共 6 次"
    )
    assert (
        Recurrence(Frequency.MONTHLY_BY_DATE, until=dt.date(2027, 6, 30)).describe(WEDNESDAY)
        == "每月 25 日，至 2027-06-30"
    )


def test_described_in_english() -> None:
    i18n.set_language("en")
    recurrence = Recurrence(Frequency.WEEKLY, interval=2, weekdays=(0, 3), count=8)
    assert recurrence.describe(WEDNESDAY) == "Every 2 weeks on Mon, Thu, 8 times"


def test_a_rule_from_an_ics_file_is_understood() -> None:
    recurrence = Recurrence.from_rule("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270301", WEDNESDAY)
    assert recurrence == Recurrence(Frequency.WEEKLY, weekdays=(1, 3), until=dt.date(2027, 3, 1))
    with pytest.raises(ValueError):
        Recurrence.from_rule("FREQ=YEARLY;COUNT=3", WEDNESDAY)


def test_a_weekly_series_moved_by_days_moves_its_weekdays() -> None:
    weekly = Recurrence(Frequency.WEEKLY, weekdays=(2, 6), count=4)
    assert weekly.shifted(1).weekdays == (0, 3)
    monthly = Recurrence(Frequency.MONTHLY_BY_DATE, count=4)
    assert monthly.shifted(1) == monthly


_first_days = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def _recurrences(draw: st.DrawFn) -> tuple[Recurrence, dt.date]:
    first = draw(_first_days)
    freq = draw(st.sampled_from(Frequency))
    interval = draw(st.integers(min_value=1, max_value=4))
    weekdays: tuple[int, ...] = ()
    if freq == Frequency.WEEKLY:
        weekdays = tuple(sorted(draw(st.sets(st.integers(0, 6), min_size=1, max_size=7))))
    week = None
    if freq == Frequency.MONTHLY_BY_WEEKDAY and draw(st.booleans()):
        week = -1 if week_of_month(first) == -1 or draw(st.booleans()) else None
    if draw(st.booleans()):
        end = Recurrence(freq, interval, weekdays, count=draw(st.integers(1, 60)), week=week)
    else:
        until = first + dt.timedelta(days=draw(st.integers(0, 800)))
        end = Recurrence(freq, interval, weekdays, until=until, week=week)
    return end, first


@settings(max_examples=150, deadline=None)
@given(_recurrences())
def test_the_days_are_dateutils_days_and_the_rule_reads_back(
    drawn: tuple[Recurrence, dt.date],
) -> None:
    recurrence, first = drawn
    text = recurrence.rule(first)
    start = dt.datetime.combine(first, dt.time())
    expected = [moment.date() for moment in rrule.rrulestr(text, dtstart=start)]
    try:
        days = occurrence_days(text, first)
    except ValidationError as error:
        assert error.field == "recurrence"
        assert not expected or len(expected) > MAX_OCCURRENCES or expected[-1] > horizon(first)
        return
    assert days == expected
    assert all(day >= first for day in days)
    assert recurrence.until is None or days[-1] <= recurrence.until
    assert recurrence.count is None or len(days) == recurrence.count
    if recurrence.freq == Frequency.WEEKLY:
        assert {day.weekday() for day in days} <= set(recurrence.weekdays)
    again = Recurrence.from_rule(text, first)
    assert again.rule(first) == text
