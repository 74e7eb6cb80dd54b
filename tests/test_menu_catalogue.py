"""The menu's series and items as staff write them: every field checked and named, duplicates
refused, nothing deleted, every change in the audit log, and the menu read back as changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from app import clock, i18n
from app.db import Database
from app.errors import NotFound, PermissionDenied, ValidationError
from app.models import (
    AuditEvent,
    Organisation,
    OrganisationKind,
    ServiceItem,
    ServiceSeries,
    Signup,
    SignupStatus,
)
from app.security import Actor
from app.services import menu
from app.services.menu import catalogue
from app.services.menu.catalogue import ItemInput, SeriesInput
from tests.menu_data import add_person, add_session, series_id
from tests.processes import race


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")


def provider(db: Database, name: str = "五彩亲子公益发展中心", *, active: bool = True) -> int:
    with db.write() as session:
        organisation = Organisation(name=name, kind=OrganisationKind.INCUBATED.value, active=active)
        session.add(organisation)
        session.flush()
        return organisation.id


def health(db: Database) -> int:
    with db.read() as session:
        return series_id(session, "health_care")


def item_input(db: Database, name: str = "长者太极拳", **fields: Any) -> ItemInput:
    return ItemInput(fields.pop("series_id", None) or health(db), name, **fields)


def create(db: Database, actor: Actor, name: str = "长者太极拳", **fields: Any) -> int:
    data = item_input(db, name, **fields)
    with db.write() as session:
        return catalogue.create_item(session, actor, data).id


def events(db: Database, action: str) -> list[dict[str, Any]]:
    with db.read() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        )
        return [{"id": row.entity_id, **json.loads(row.detail or "{}")} for row in rows]


def tree_names(db: Database, actor: Actor, code: str = "health_care") -> list[str]:
    with db.read() as session:
        tree = menu.menu_tree(session, actor)
    return [item.name for entry in tree if entry.code == code for item in entry.items]


def test_create_update_and_deactivate_an_item(
    db: Database, staff: Actor, clock_at: clock.FixedClock
) -> None:
    org = provider(db)
    item_id = create(
        db,
        staff,
        description="  每周三下午，\n 社工带练。 ",
        audience=" 60岁以上长者 ",
        min_age=60,
        default_capacity=20,
        default_minutes=90,
        organisation_id=org,
        is_volunteer_service=False,
    )
    with db.read() as session:
        detail = catalogue.item_detail(session, staff, item_id)
    assert detail.name == "长者太极拳"
    assert detail.description == "每周三下午，\n社工带练。"
    assert detail.audience == "60岁以上长者"
    assert (detail.min_age, detail.max_age, detail.with_parent) == (60, None, False)
    assert (detail.default_capacity, detail.default_minutes) == (20, 90)
    assert (detail.organisation_id, detail.organisation) == (org, "五彩亲子公益发展中心")
    assert detail.rule == "Aged 60 and over"
    assert (detail.upcoming_sessions, detail.signups_this_year) == (0, 0)
    assert tree_names(db, staff) == ["长者太极拳"]
    [created] = events(db, "menu.item.create")
    assert created["id"] == item_id and created["name"] == "长者太极拳" and created["min_age"] == 60

    changed = dataclasses.replace(detail.input(), name="长者太极拳（初级）", default_capacity=25)
    with db.write() as session:
        detail = catalogue.update_item(session, staff, item_id, changed)
    assert detail.name == "长者太极拳（初级）" and detail.default_capacity == 25
    [updated] = events(db, "menu.item.update")
    assert updated["name"] == ["长者太极拳", "长者太极拳（初级）"]
    assert updated["default_capacity"] == [20, 25]
    assert "min_age" not in updated  # only what changed
    assert tree_names(db, staff) == ["长者太极拳（初级）"]

    with db.write() as session:
        catalogue.update_item(
            session, staff, item_id, dataclasses.replace(detail.input(), active=False)
        )
    assert tree_names(db, staff) == []  # off the menu …
    with db.read() as session:  # … yet kept, for its sessions
        tree = menu.menu_tree(session, staff, include_inactive=True)
        assert session.get(ServiceItem, item_id) is not None
    [entry] = [e for e in tree if e.code == "health_care"]
    assert [(i.name, i.active) for i in entry.items] == [("长者太极拳（初级）", False)]
    assert events(db, "menu.item.update")[-1]["active"] == [True, False]


def test_saving_unchanged_writes_no_event(db: Database, staff: Actor) -> None:
    item_id = create(db, staff)
    with db.write() as session:
        data = catalogue.item_detail(session, staff, item_id).input()
        catalogue.update_item(session, staff, item_id, data)
    assert events(db, "menu.item.update") == []


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"name": "  "}, "name", "Please fill in the item's name."),
        ({"name": "太" * 61}, "name", "at most 60 characters"),
        ({"description": "说" * 501}, "description", "at most 500 characters"),
        ({"audience": "长" * 61}, "audience", "at most 60 characters"),
        ({"min_age": -1}, "min_age", "from 0 to 120"),
        ({"min_age": 121}, "min_age", "from 0 to 120"),
        ({"max_age": 121}, "max_age", "from 0 to 120"),
        ({"min_age": 12, "max_age": 8}, "max_age", "The upper age (8) is below the lower age (12)"),
        ({"with_parent": True}, "max_age", "needs the child's upper age (under 18)"),
        ({"with_parent": True, "max_age": 18}, "max_age", "under 18"),
        ({"default_capacity": 0}, "default_capacity", "from 1 to 500 seats"),
        ({"default_capacity": 501}, "default_capacity", "from 1 to 500 seats"),
        ({"default_minutes": 14}, "default_minutes", "from 15 to 720 minutes"),
        ({"default_minutes": 721}, "default_minutes", "from 15 to 720 minutes"),
        ({"organisation_id": 9999}, "organisation_id", "no longer exists"),
        ({"series_id": 9999}, "series_id", "This series no longer exists."),
    ],
)
def test_every_field_is_checked(
    db: Database, staff: Actor, fields: dict[str, Any], field: str, words: str
) -> None:
    data = item_input(db, fields.pop("name", "长者太极拳"), **fields)
    with pytest.raises(ValidationError) as refused, db.write() as session:
        catalogue.create_item(session, staff, data)
    assert refused.value.field == field
    assert words in refused.value.message
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ServiceItem)) == 0


def test_edges_are_allowed(db: Database, staff: Actor) -> None:
    create(db, staff, "亲子阅读", with_parent=True, min_age=3, max_age=17)
    create(db, staff, "百岁宴", min_age=120, max_age=120, default_capacity=500, default_minutes=720)
    create(db, staff, "随到随学", min_age=0, default_capacity=1, default_minutes=15)
    assert tree_names(db, staff) == ["亲子阅读", "百岁宴", "随到随学"]


def test_an_inactive_provider_is_refused_unless_already_kept(db: Database, staff: Actor) -> None:
    org = provider(db)
    old = provider(db, "已解散的协会", active=False)
    with pytest.raises(ValidationError) as refused, db.write() as session:
        catalogue.create_item(session, staff, item_input(db, organisation_id=old))
    assert refused.value.field == "organisation_id" and "已解散的协会" in refused.value.message
    item_id = create(db, staff, organisation_id=org)
    with db.write() as session:
        session.get_one(Organisation, org).active = False
    with db.write() as session:  # the item keeps its provider; the rest stays editable
        data = catalogue.item_detail(session, staff, item_id).input()
        detail = catalogue.update_item(
            session, staff, item_id, dataclasses.replace(data, default_minutes=60)
        )
    assert detail.organisation_id == org and not detail.organisation_active


def test_duplicate_names_are_refused_within_a_series(db: Database, staff: Actor) -> None:
    first = create(db, staff, "书法班")
    with pytest.raises(ValidationError) as refused, db.write() as session:
        catalogue.create_item(session, staff, item_input(db, " 书法班 "))
    assert refused.value.field == "name" and "already has an item" in refused.value.message
    second = create(db, staff, "国画班")
    with pytest.raises(ValidationError) as refused, db.write() as session:
        data = catalogue.item_detail(session, staff, second).input()
        catalogue.update_item(session, staff, second, dataclasses.replace(data, name="书法班"))
    assert refused.value.field == "name"
    # Another series may have an item of that name.
    with db.read() as session:
        culture = series_id(session, "culture")
    create(db, staff, "书法班", series_id=culture)
    # Renaming to its own name is no clash.
    with db.write() as session:
        data = catalogue.item_detail(session, staff, first).input()
        catalogue.update_item(session, staff, first, dataclasses.replace(data, name="书法班"))


def test_the_database_refuses_a_duplicate_the_check_missed(
    db: Database, staff: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two desks saving at the same moment both pass the check; the constraint says it alike."""
    create(db, staff, "书法班")
    monkeypatch.setattr(catalogue, "_item_name_taken", lambda: ValidationError("name", "taken"))

    def no_check(session: Any, data: ItemInput, item: Any) -> dict[str, object]:
        return {
            "series_id": data.series_id,
            "name": data.name,
            "description": "",
            "audience": "",
            "min_age": None,
            "max_age": None,
            "with_parent": False,
            "default_capacity": None,
            "default_minutes": None,
            "organisation_id": None,
            "is_volunteer_service": False,
            "active": True,
        }

    monkeypatch.setattr(catalogue, "_clean_item", no_check)
    with pytest.raises(ValidationError) as refused, db.write() as session:
        catalogue.create_item(session, staff, item_input(db, "书法班"))
    assert refused.value.field == "name"


def test_moving_items_within_a_series(db: Database, staff: Actor) -> None:
    ids = [create(db, staff, name) for name in ("甲", "乙", "丙")]
    with db.write() as session:
        catalogue.move_item(session, staff, ids[2], -1)
    assert tree_names(db, staff) == ["甲", "丙", "乙"]
    with db.write() as session:
        catalogue.move_item(session, staff, ids[0], +1)
    assert tree_names(db, staff) == ["丙", "甲", "乙"]
    with db.write() as session:  # at the ends it stays
        catalogue.move_item(session, staff, ids[2], -1)
        catalogue.move_item(session, staff, ids[1], +1)
    assert tree_names(db, staff) == ["丙", "甲", "乙"]
    assert [e["position"] for e in events(db, "menu.item.move")] == [[3, 2], [1, 2]]
    with pytest.raises(ValidationError) as refused, db.write() as session:
        catalogue.move_item(session, staff, ids[0], 2)
    assert refused.value.field == "offset"


def test_seeded_items_sharing_a_number_are_numbered_when_moved(db: Database, staff: Actor) -> None:
    with db.write() as session:
        health_id = series_id(session, "health_care")
        session.add_all(ServiceItem(series_id=health_id, name=n, sort_order=0) for n in "ABC")
    with db.read() as session:
        c = session.scalar(select(ServiceItem.id).where(ServiceItem.name == "C"))
    assert c is not None
    with db.write() as session:
        catalogue.move_item(session, staff, c, -1)
    assert tree_names(db, staff) == ["A", "C", "B"]


def test_a_new_item_goes_last_and_one_moved_to_another_series_goes_last_there(
    db: Database, staff: Actor
) -> None:
    create(db, staff, "甲")
    with db.read() as session:
        culture = series_id(session, "culture")
    create(db, staff, "书法班", series_id=culture)
    moving = create(db, staff, "乙")
    with db.write() as session:
        data = catalogue.item_detail(session, staff, moving).input()
        detail = catalogue.update_item(
            session, staff, moving, dataclasses.replace(data, series_id=culture)
        )
    assert detail.series_id == culture
    assert tree_names(db, staff) == ["甲"]
    assert tree_names(db, staff, "culture") == ["书法班", "乙"]


def test_series_are_renamed_not_created(db: Database, staff: Actor) -> None:
    with db.read() as session:
        rows = catalogue.list_series(session, staff)
    assert [row.code for row in rows] == [
        "party_community",
        "community",
        "health_care",
        "culture",
        "civility",
    ]
    health_row = rows[2]
    with db.write() as session:
        row = catalogue.update_series(
            session, staff, health_row.id, SeriesInput(" 康养友邻 ", "长者健康，\n身心康养。", True)
        )
    assert (row.code, row.name, row.description) == (
        "health_care",
        "康养友邻",
        "长者健康，\n身心康养。",
    )
    with pytest.raises(ValidationError) as refused, db.write() as session:
        catalogue.update_series(session, staff, health_row.id, SeriesInput(rows[0].name))
    assert refused.value.field == "name" and "Another series" in refused.value.message
    with pytest.raises(ValidationError) as refused, db.write() as session:
        catalogue.update_series(session, staff, health_row.id, SeriesInput(" "))
    assert refused.value.field == "name"
    with pytest.raises(ValidationError) as refused, db.write() as session:
        catalogue.update_series(session, staff, health_row.id, SeriesInput("康" * 41))
    assert refused.value.field == "name"
    with db.write() as session:
        catalogue.update_series(
            session, staff, health_row.id, SeriesInput("康养友邻", row.description, False)
        )
    with db.read() as session:
        codes = [entry.code for entry in menu.menu_tree(session, staff)]
        assert session.scalar(select(func.count()).select_from(ServiceSeries)) == 5
    assert "health_care" not in codes
    changes = events(db, "menu.series.update")
    assert changes[0]["id"] == health_row.id and "description" in changes[0]
    assert changes[-1] == {"id": health_row.id, "active": [True, False]}
    assert not hasattr(catalogue, "create_series") and not hasattr(catalogue, "delete_series")


def test_counts_for_the_editor(db: Database, staff: Actor, clock_at: clock.FixedClock) -> None:
    item_id = create(db, staff)
    now = clock.now()
    with db.write() as session:
        past = add_session(session, item_id, now - dt.timedelta(days=30))
        soon = add_session(session, item_id, now + dt.timedelta(days=7))
        add_session(session, item_id, now + dt.timedelta(days=14))
        next_year = add_session(session, item_id, dt.datetime(now.year + 1, 1, 10, 9, 0))
        people = [add_person(session, name) for name in ("张伟", "王芳", "李娜")]
    with db.write() as session:
        statuses = [
            (next_year, people[0], SignupStatus.SIGNED_UP),  # next year: not counted
            (next_year, people[1], SignupStatus.WAITLISTED),
            (past, people[0], SignupStatus.SIGNED_UP),
            (past, people[1], SignupStatus.WAITLISTED),
            (past, people[2], SignupStatus.CANCELLED),  # not counted
            (soon, people[2], SignupStatus.SIGNED_UP),
        ]
        session.add_all(
            Signup(
                session_id=at,
                person_id=person,
                status=status.value,
                waitlist_position=1 if status is SignupStatus.WAITLISTED else None,
            )
            for at, person, status in statuses
        )
    with db.read() as session:
        detail = catalogue.item_detail(session, staff, item_id)
    assert detail.upcoming_sessions == 3
    assert detail.signups_this_year == 3


@pytest.mark.parametrize(
    "call",
    [
        lambda s, a: catalogue.create_item(s, a, ItemInput(1, "x")),
        lambda s, a: catalogue.update_item(s, a, 1, ItemInput(1, "x")),
        lambda s, a: catalogue.move_item(s, a, 1, 1),
        lambda s, a: catalogue.item_detail(s, a, 1),
        lambda s, a: catalogue.update_series(s, a, 1, SeriesInput("x")),
        lambda s, a: catalogue.list_series(s, a),
    ],
)
def test_the_desk_role_is_refused(db: Database, desk: Actor, call: Any) -> None:
    with pytest.raises(PermissionDenied), db.write() as session:
        call(session, desk)


def test_admin_may_too_and_missing_items_are_said(db: Database, admin: Actor) -> None:
    item_id = create(db, admin)
    with pytest.raises(NotFound), db.read() as session:
        catalogue.item_detail(session, admin, item_id + 100)
    with pytest.raises(NotFound), db.write() as session:
        catalogue.move_item(session, admin, item_id + 100, 1)


def test_messages_in_chinese(db: Database, staff: Actor) -> None:
    i18n.set_language("zh_CN")
    with pytest.raises(ValidationError) as refused, db.write() as session:
        catalogue.create_item(session, staff, item_input(db, min_age=12, max_age=8))
    assert refused.value.field == "max_age"
    assert "年龄" in refused.value.message


# ---- two desks at the same moment --------------------------------------------------------------


def add_items(url: str, actor: Actor, series: int, names: list[str]) -> dict[str, list[str]]:
    """One desk adding `names` to `series`, each in its own transaction."""
    db = Database(url)
    created: list[str] = []
    refused: list[str] = []
    try:
        for name in names:
            try:
                with db.write() as session:
                    catalogue.create_item(session, actor, ItemInput(series, name))
                created.append(name)
            except ValidationError as error:
                assert error.field == "name", error
                refused.append(name)
    finally:
        db.dispose()
    return {"created": created, "refused": refused}


@pytest.mark.slow
def test_two_desks_adding_the_same_items_at_once(db: Database, staff: Actor) -> None:
    """Each name is taken once, the other desk told beside the name; the series' order has no
    two items on one place (the series is locked while its items are numbered)."""
    names = [f"项目{n:02d}" for n in range(20)]
    series = health(db)
    results = race(add_items, db.url, [(staff, series, names), (staff, series, names[::-1])])
    created = sorted(name for result in results for name in result["created"])
    assert created == names
    assert sum(len(result["refused"]) for result in results) == len(names)
    with db.read() as session:
        orders = list(
            session.scalars(select(ServiceItem.sort_order).where(ServiceItem.series_id == series))
        )
    assert sorted(orders) == list(range(len(names)))
