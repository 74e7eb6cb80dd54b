"""The menu's series and items as staff write them (Settings → 服务菜单, and the Service menu desk).

The menu has exactly five series (五大"友邻"系列: 党群、社区、康养、文化、文明), seeded by the
migration with fixed codes that print-outs and statistics rely on. So series are never created or
deleted here: staff rename them, rewrite their descriptions and set one inactive (hidden from the
menu) — nothing more. A sixth series would be a change of the centre's programme, made in a
migration, not at the desk.

Items are written freely within a series, in an order staff choose (`move_item`). An item is never
deleted: its sessions and signups keep naming it, so one no longer offered is set inactive.

Rules an item obeys (each refusal names its field):
- a name (≤ 60 characters) not used by another item of the same series;
- ages from 0 to 120, the lower not above the upper; empty means no limit on that side;
- 亲子 (`with_parent`): the one signed up is a child who comes with an adult, so the item needs an
  upper age (`max_age`), and it must be a child's age (under 18) — without it any adult could
  be signed up "as the child";
- a default capacity of 1–500 seats and a default duration of 15–720 minutes, or none (the
  session editor then asks);
- a provider organisation that exists and is active. An item keeping the provider it already has
  may keep it after that organisation was set inactive, so the rest of the item stays editable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock, validation
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import (
    ActivitySession,
    Organisation,
    ServiceItem,
    ServiceSeries,
    Signup,
    SignupStatus,
)
from app.security import Actor, Permission
from app.services import audit, unique
from app.services.menu import audience
from app.services.menu.audience import ADULT_AGE

NAME_LENGTH = 60  # ServiceItem.name
SERIES_NAME_LENGTH = 40  # ServiceSeries.name
AUDIENCE_LENGTH = 60  # ServiceItem.audience: the words printed on the menu
DESCRIPTION_LENGTH = 500
MAX_AGE = 120
MAX_CAPACITY = 500
MIN_MINUTES = 15
MAX_MINUTES = 720


@dataclass(frozen=True)
class SeriesInput:
    name: str
    description: str = ""
    active: bool = True


@dataclass(frozen=True)
class SeriesRow:
    id: int
    code: str  # fixed: party_community, community, health_care, culture, civility
    name: str
    description: str
    active: bool


@dataclass(frozen=True)
class ItemInput:
    series_id: int
    name: str
    description: str = ""
    audience: str = ""  # the words printed on the menu (60岁以上长者)
    min_age: int | None = None  # None: no lower limit
    max_age: int | None = None  # None: no upper limit
    with_parent: bool = False  # 亲子: a child with an adult companion (two seats)
    default_capacity: int | None = None
    default_minutes: int | None = None
    organisation_id: int | None = None  # the provider
    is_volunteer_service: bool = False
    active: bool = True


@dataclass(frozen=True)
class ItemDetail:
    """An item as its editor shows it, with what hangs on it."""

    id: int
    series_id: int
    series: str
    name: str
    description: str
    audience: str
    min_age: int | None
    max_age: int | None
    with_parent: bool
    default_capacity: int | None
    default_minutes: int | None
    organisation_id: int | None
    organisation: str  # the provider's name, "" when none
    organisation_active: bool
    is_volunteer_service: bool
    sort_order: int
    active: bool
    rule: str  # the age rule in words (60岁以上 / 3–8岁，家长陪同)
    upcoming_sessions: int  # not cancelled, not yet ended
    signups_this_year: int  # signed up or waiting, for sessions in this calendar year

    def input(self) -> ItemInput:
        """The item's fields, to edit and give back to `update_item`."""
        return ItemInput(
            self.series_id,
            self.name,
            self.description,
            self.audience,
            self.min_age,
            self.max_age,
            self.with_parent,
            self.default_capacity,
            self.default_minutes,
            self.organisation_id,
            self.is_volunteer_service,
            self.active,
        )


# ---- series -----------------------------------------------------------------------------------


def list_series(session: Session, actor: Actor) -> list[SeriesRow]:
    """The five series in menu order, inactive ones too."""
    actor.require(Permission.MENU)
    rows = session.scalars(
        select(ServiceSeries).order_by(ServiceSeries.sort_order, ServiceSeries.id)
    )
    return [_series_row(series) for series in rows]


def update_series(session: Session, actor: Actor, series_id: int, data: SeriesInput) -> SeriesRow:
    """Rename a series, rewrite its description, set it active or not; its code stays."""
    actor.require(Permission.MENU)
    series = _series(session, series_id, lock=True)
    name = validation.required_text(
        "name",
        data.name,
        max_length=SERIES_NAME_LENGTH,
        label=translate("Errors", "the series' name"),
    )
    description = _description(data.description)
    taken = session.scalar(
        select(ServiceSeries.id).where(ServiceSeries.name == name, ServiceSeries.id != series_id)
    )
    if taken is not None:
        raise _series_name_taken()
    changes = audit.apply_changes(
        series, {"name": name, "description": description, "active": bool(data.active)}
    )
    with unique.refused_as(_series_name_taken()):
        session.flush()
    if changes:
        audit.record(session, actor, "menu.series.update", "service_series", series_id, **changes)
    return _series_row(series)


# ---- items ------------------------------------------------------------------------------------


def create_item(session: Session, actor: Actor, data: ItemInput) -> ItemDetail:
    """A new item, last in its series."""
    actor.require(Permission.MENU)
    series = _series(session, data.series_id, lock=True, field="series_id")
    values = _clean_item(session, data, None)
    last = session.scalar(
        select(func.max(ServiceItem.sort_order)).where(ServiceItem.series_id == series.id)
    )
    item = ServiceItem(**values, sort_order=(last + 1) if last is not None else 0)
    session.add(item)
    with unique.refused_as(_item_name_taken()):
        session.flush()
    audit.record(
        session,
        actor,
        "menu.item.create",
        "service_item",
        item.id,
        **{key: value for key, value in values.items() if value not in (None, "", False)},
    )
    return _detail(session, item)


def update_item(session: Session, actor: Actor, item_id: int, data: ItemInput) -> ItemDetail:
    """Change an item (deactivate it with `active=False`; items are never deleted). Moved to
    another series, it goes last there."""
    actor.require(Permission.MENU)
    item = _item(session, item_id)
    _series(session, data.series_id, lock=True, field="series_id")
    values = _clean_item(session, data, item)
    if values["series_id"] != item.series_id:
        last = session.scalar(
            select(func.max(ServiceItem.sort_order)).where(
                ServiceItem.series_id == values["series_id"]
            )
        )
        values["sort_order"] = (last + 1) if last is not None else 0
    changes = audit.apply_changes(item, values)
    with unique.refused_as(_item_name_taken()):
        session.flush()
    if changes:
        audit.record(session, actor, "menu.item.update", "service_item", item_id, **changes)
    return _detail(session, item)


def move_item(session: Session, actor: Actor, item_id: int, offset: int) -> ItemDetail:
    """Move an item one place up (-1) or down (+1) in its series' order; at either end it stays.
    The series' items are numbered 0, 1, 2, … afresh (seeded items may share a number)."""
    actor.require(Permission.MENU)
    if offset not in (-1, 1):
        raise ValidationError(
            "offset", translate("Errors", "An item moves one place up or down at a time.")
        )
    item = _item(session, item_id)
    _series(session, item.series_id, lock=True)
    siblings = list(
        session.scalars(
            select(ServiceItem)
            .where(ServiceItem.series_id == item.series_id)
            .order_by(ServiceItem.sort_order, ServiceItem.id)
        )
    )
    before = siblings.index(item)
    after = before + offset
    if 0 <= after < len(siblings):
        siblings[before], siblings[after] = siblings[after], siblings[before]
        for position, sibling in enumerate(siblings):
            sibling.sort_order = position
        session.flush()
        audit.record(
            session,
            actor,
            "menu.item.move",
            "service_item",
            item_id,
            position=[before + 1, after + 1],
        )
    return _detail(session, item)


def item_detail(session: Session, actor: Actor, item_id: int) -> ItemDetail:
    """An item's fields, its provider's name and how much hangs on it, for the editor."""
    actor.require(Permission.MENU)
    return _detail(session, _item(session, item_id))


# ---- checks -----------------------------------------------------------------------------------


def _clean_item(session: Session, data: ItemInput, item: ServiceItem | None) -> dict[str, object]:
    """The item's columns, checked in the order of the editor's fields."""
    name = validation.required_text(
        "name", data.name, max_length=NAME_LENGTH, label=translate("Errors", "the item's name")
    )
    others = select(ServiceItem.id).where(
        ServiceItem.series_id == data.series_id, ServiceItem.name == name
    )
    if item is not None:
        others = others.where(ServiceItem.id != item.id)
    if session.scalar(others) is not None:
        raise _item_name_taken()
    description = _description(data.description)
    words = validation.optional_text(
        "audience",
        data.audience,
        max_length=AUDIENCE_LENGTH,
        label=translate("Errors", "the audience"),
    )
    low = _age("min_age", data.min_age)
    high = _age("max_age", data.max_age)
    if low is not None and high is not None and low > high:
        raise ValidationError(
            "max_age",
            translate("Errors", "The upper age (%1) is below the lower age (%2).")
            .replace("%1", str(high))
            .replace("%2", str(low)),
        )
    if data.with_parent and (high is None or high >= ADULT_AGE):
        raise ValidationError(
            "max_age",
            translate(
                "Errors",
                "A parent-and-child item needs the child's upper age (under %1).",
            ).replace("%1", str(ADULT_AGE)),
        )
    capacity = _whole(
        "default_capacity",
        data.default_capacity,
        1,
        MAX_CAPACITY,
        translate("Errors", "The default capacity is from %1 to %2 seats."),
    )
    minutes = _whole(
        "default_minutes",
        data.default_minutes,
        MIN_MINUTES,
        MAX_MINUTES,
        translate("Errors", "The default duration is from %1 to %2 minutes."),
    )
    organisation_id = data.organisation_id
    if organisation_id is not None:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            raise ValidationError(
                "organisation_id",
                translate("Errors", "This organisation no longer exists."),
            )
        kept = item is not None and item.organisation_id == organisation_id
        if not organisation.active and not kept:
            raise ValidationError(
                "organisation_id",
                translate(
                    "Errors",
                    "%1 is set inactive: choose another provider, or make it active again in "
                    "Settings → Organisations.",
                ).replace("%1", organisation.name),
            )
    return {
        "series_id": data.series_id,
        "name": name,
        "description": description,
        "audience": words,
        "min_age": low,
        "max_age": high,
        "with_parent": bool(data.with_parent),
        "default_capacity": capacity,
        "default_minutes": minutes,
        "organisation_id": organisation_id,
        "is_volunteer_service": bool(data.is_volunteer_service),
        "active": bool(data.active),
    }


def _description(value: str) -> str:
    if not value.strip():
        return ""
    return validation.long_text(
        "description",
        value,
        max_length=DESCRIPTION_LENGTH,
        label=translate("Errors", "the description"),
    )


def _age(field: str, value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AGE:
        raise ValidationError(
            field,
            translate(
                "Errors", "An age is a whole number from 0 to %1, or empty for no limit."
            ).replace("%1", str(MAX_AGE)),
        )
    return value


def _whole(field: str, value: int | None, low: int, high: int, message: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(field, message.replace("%1", str(low)).replace("%2", str(high)))
    return value


def _item_name_taken() -> ValidationError:
    return ValidationError(
        "name", translate("Errors", "This series already has an item of this name.")
    )


def _series_name_taken() -> ValidationError:
    return ValidationError("name", translate("Errors", "Another series has this name."))


# ---- reading ----------------------------------------------------------------------------------


def _series(
    session: Session, series_id: int, *, lock: bool = False, field: str = ""
) -> ServiceSeries:
    """The series; locked, when writing its items, so two desks number them one after the other."""
    query = select(ServiceSeries).where(ServiceSeries.id == series_id)
    if lock:
        query = query.with_for_update()
    series = session.scalar(query)
    if series is None:
        message = translate("Errors", "This series no longer exists.")
        raise ValidationError(field, message) if field else NotFound(message)
    return series


def _item(session: Session, item_id: int) -> ServiceItem:
    item = session.get(ServiceItem, item_id)
    if item is None:
        raise NotFound(translate("Errors", "This item no longer exists."))
    return item


def _series_row(series: ServiceSeries) -> SeriesRow:
    return SeriesRow(series.id, series.code, series.name, series.description, series.active)


def _detail(session: Session, item: ServiceItem) -> ItemDetail:
    now = clock.now()
    upcoming = session.scalar(
        select(func.count()).where(
            ActivitySession.item_id == item.id,
            ActivitySession.cancelled.is_(False),
            ActivitySession.ends_at > now,
        )
    )
    year = clock.today().year
    signups = session.scalar(
        select(func.count())
        .select_from(Signup)
        .join(ActivitySession, ActivitySession.id == Signup.session_id)
        .where(
            ActivitySession.item_id == item.id,
            ActivitySession.starts_at >= dt.datetime(year, 1, 1),
            ActivitySession.starts_at < dt.datetime(year + 1, 1, 1),
            Signup.status != SignupStatus.CANCELLED.value,
        )
    )
    # Read by id: the relationships may still hold what was there before this change.
    series = session.get(ServiceSeries, item.series_id)
    assert series is not None
    organisation = (
        session.get(Organisation, item.organisation_id)
        if item.organisation_id is not None
        else None
    )
    return ItemDetail(
        id=item.id,
        series_id=item.series_id,
        series=series.name,
        name=item.name,
        description=item.description,
        audience=item.audience,
        min_age=item.min_age,
        max_age=item.max_age,
        with_parent=item.with_parent,
        default_capacity=item.default_capacity,
        default_minutes=item.default_minutes,
        organisation_id=item.organisation_id,
        organisation=organisation.name if organisation is not None else "",
        organisation_active=organisation.active if organisation is not None else True,
        is_volunteer_service=item.is_volunteer_service,
        sort_order=item.sort_order,
        active=item.active,
        rule=audience.describe(item),
        upcoming_sessions=upcoming or 0,
        signups_this_year=signups or 0,
    )
