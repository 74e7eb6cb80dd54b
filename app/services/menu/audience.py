"""Who an item is for: an age range checked on the session's day (by birth year, the most the
register keeps), and for 亲子 items a child who comes with an adult companion (two seats).

A problem is said in words naming the person; staff may sign them up anyway with a reason
(`signups.sign_up(..., override_reason=…)`), which the audit log keeps."""

from __future__ import annotations

import datetime as dt

from app.i18n import translate
from app.models import Person, ServiceItem

ADULT_AGE = 18


def age_on(birth_year: int | None, day: dt.date) -> int | None:
    """The age a person reaches in `day`'s year (birth years only are kept)."""
    return None if birth_year is None else day.year - birth_year


def describe(item: ServiceItem) -> str:
    """The rule in words: 60岁以上 / 3–8岁，家长陪同 / 不限."""
    low, high = item.min_age, item.max_age
    if low is not None and high is not None:
        words = translate("Menu", "Aged %1–%2").replace("%1", str(low)).replace("%2", str(high))
    elif low is not None:
        words = translate("Menu", "Aged %1 and over").replace("%1", str(low))
    elif high is not None:
        words = translate("Menu", "Aged %1 and under").replace("%1", str(high))
    else:
        words = translate("Menu", "Everyone") if not item.with_parent else ""
    if item.with_parent:
        parent = translate("Menu", "with a parent")
        words = f"{words}，{parent}" if words else parent
    return words


def problem(
    item: ServiceItem, person: Person, companion: Person | None, day: dt.date
) -> str | None:
    """Why `person` (with `companion`) is outside `item`'s audience on `day`; None when inside."""
    low, high = item.min_age, item.max_age
    if low is not None or high is not None:
        age = age_on(person.birth_year, day)
        if age is None:
            return (
                translate(
                    "Menu",
                    "%1's birth year isn't recorded, so the age rule (%2) can't be checked. "
                    "Add it on the person's record.",
                )
                .replace("%1", person.name)
                .replace("%2", describe(item))
            )
        if (low is not None and age < low) or (high is not None and age > high):
            return (
                translate("Menu", "%1 is %2 this year; this activity is for: %3.")
                .replace("%1", person.name)
                .replace("%2", str(age))
                .replace("%3", describe(item))
            )
    if item.with_parent:
        if companion is None:
            return translate(
                "Menu", "A child comes with a parent to this activity: choose the parent too."
            )
        if companion.id == person.id:
            return translate("Menu", "The companion must be someone else.")
        companion_age = age_on(companion.birth_year, day)
        if companion_age is not None and companion_age < ADULT_AGE:
            return translate("Menu", "The companion %1 is not an adult.").replace(
                "%1", companion.name
            )
    return None
