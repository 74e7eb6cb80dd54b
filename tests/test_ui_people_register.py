"""The People desk's register: app/services/register.py and the lazy Qt model over it.

Against a 2,000-people demo centre: pages grow the model 200 rows at a time, every filter gives
exactly the people the database holds, in the promised order, with phones masked; a filter's
statement uses indexes only (no scan of the person table).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from app import paths, people_fields
from app.db import Database
from app.demo import write_demo
from app.models import BuildingGroup, Person, PersonSearchKey, PersonTag, Role, Tag
from app.pinyin import sort_key
from app.security import Actor
from app.services import people, register
from app.services.people import PersonInput
from app.services.register import RegisterFilter, RegisterPages, SortOrder
from app.settings import Settings
from ui.context import DeskContext
from ui.people.models import PERSON_ID_ROLE, RegisterModel

DEMO_PEOPLE = 2000
DESK = Actor(1, "desk", "张阿姨", Role.DESK)  # the demo centre's desk volunteer


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("register") / "demo.sqlite3"
    write_demo(paths.sqlite_url(path), people=DEMO_PEOPLE, seed=4)
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo centre (tests may change it)."""
    path = tmp_path / "demo.sqlite3"
    path.write_bytes(demo_template.read_bytes())
    database = Database(paths.sqlite_url(path))
    yield database
    database.dispose()


def everyone(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.active.is_(True))))


def sorted_ids(session: Session) -> set[int]:
    """The people with a stored sort key."""
    return set(
        session.scalars(select(PersonSearchKey.person_id).where(PersonSearchKey.kind == "sort"))
    )


def expected_order(session: Session, ids: set[int], sort: SortOrder) -> list[int]:
    """The order promised, worked out in Python: pinyin by `app.pinyin.sort_key` (as the
    sign-in sheet sorts), anyone without a stored sort key last by name."""
    chosen = [p for p in everyone(session) if p.id in ids]
    if sort is SortOrder.MEMBER_CODE:
        return [p.id for p in sorted(chosen, key=lambda p: p.member_code)]
    if sort is SortOrder.NEWEST:
        return sorted((p.id for p in chosen), reverse=True)
    keyed_ids = sorted_ids(session)
    keyed = sorted((p for p in chosen if p.id in keyed_ids), key=lambda p: (sort_key(p.name), p.id))
    rest = sorted((p for p in chosen if p.id not in keyed_ids), key=lambda p: (p.name, p.id))
    return [p.id for p in keyed + rest]


def context(db: Database, actor: Actor = DESK) -> DeskContext:
    return DeskContext(db, actor, Settings())


def read_all(db: Database, wanted: RegisterFilter, page: int = 200) -> list[int]:
    with db.write() as session:
        pages = RegisterPages(session, wanted)
    ids: list[int] = []
    while not pages.done:
        with db.write() as session:
            ids += [row.id for row in pages.next_page(session, page)]
    assert len(ids) == pages.total
    return ids


# --- lazy fetching ----------------------------------------------------------------------


def test_the_model_grows_a_page_at_a_time(demo: Database) -> None:
    model = RegisterModel(context(demo), page_size=200)
    assert model.set_filter(RegisterFilter())
    assert model.total == DEMO_PEOPLE
    assert model.rowCount() == 200 and model.pages_read == 1
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400 and model.pages_read == 2
    model.fetch_all()
    assert model.rowCount() == DEMO_PEOPLE
    assert not model.canFetchMore()
    assert model.pages_read == DEMO_PEOPLE // 200 + 1  # the last read finds the end
    assert len(set(model.person_ids())) == DEMO_PEOPLE


@pytest.mark.parametrize("sort", list(SortOrder))
def test_every_order_lists_everyone_once_in_that_order(demo: Database, sort: SortOrder) -> None:
    ids = read_all(demo, RegisterFilter(sort=sort), page=137)
    with demo.write() as session:
        assert ids == expected_order(session, {p.id for p in everyone(session)}, sort)


def test_a_polyphonic_surname_is_listed_once_at_its_surname_reading(
    db: Database, admin: Actor
) -> None:
    with db.write() as session:
        shan = people.register(session, admin, PersonInput(name="单雄信")).id
        dan = people.register(session, admin, PersonInput(name="丹青")).id
        sun = people.register(session, admin, PersonInput(name="孙立")).id
    ids = read_all(db, RegisterFilter())
    assert ids.count(shan) == 1
    # shan… lies between dan… and sun…, not beside 丹 under d.
    assert ids.index(dan) < ids.index(shan) < ids.index(sun)


def test_people_without_pinyin_come_last_by_name(demo: Database) -> None:
    with demo.write() as session:
        rare = list(session.scalars(select(Person.id).order_by(Person.id).limit(2)))
        session.execute(delete(PersonSearchKey).where(PersonSearchKey.person_id.in_(rare)))
    ids = read_all(demo, RegisterFilter(), page=150)
    assert len(ids) == DEMO_PEOPLE
    assert set(ids[-2:]) == set(rare)
    with demo.write() as session:
        community = session.get(Person, rare[0]).community_id  # type: ignore[union-attr]
        assert community is not None
    in_community = read_all(demo, RegisterFilter(community_id=community))
    assert in_community[-1] in rare


# --- filters ------------------------------------------------------------------------------


def _tag_ids(session: Session, tag_id: int) -> set[int]:
    return set(session.scalars(select(PersonTag.person_id).where(PersonTag.tag_id == tag_id)))


def test_filters_give_exactly_the_databases_people(demo: Database) -> None:
    with demo.write() as session:
        all_people = everyone(session)
        group = session.scalars(select(BuildingGroup).order_by(BuildingGroup.id)).all()[5]
        tag = session.scalar(select(Tag).where(Tag.name == "志愿者"))
        assert tag is not None
        volunteers = _tag_ids(session, tag.id)
        cases: list[tuple[RegisterFilter, set[int]]] = [
            (
                RegisterFilter(community_id=group.community_id),
                {p.id for p in all_people if p.community_id == group.community_id},
            ),
            (
                RegisterFilter(community_id=group.community_id, building_group_id=group.id),
                {p.id for p in all_people if p.building_group_id == group.id},
            ),
            (  # a building group alone finds its community itself
                RegisterFilter(building_group_id=group.id),
                {p.id for p in all_people if p.building_group_id == group.id},
            ),
            (RegisterFilter(tag_id=tag.id), {p.id for p in all_people if p.id in volunteers}),
            (
                RegisterFilter(tag_id=tag.id, community_id=group.community_id),
                {
                    p.id
                    for p in all_people
                    if p.id in volunteers and p.community_id == group.community_id
                },
            ),
        ]
        expected = {wanted: expected_order(session, ids, wanted.sort) for wanted, ids in cases}
    for wanted, ids in expected.items():
        assert ids, wanted
        assert read_all(demo, wanted, page=50) == ids, wanted


def _matches_text(person: Person, keys: list[str], typed: str) -> bool:
    """What the filter text means, said plainly (the service says it with index ranges)."""
    digits = re.sub(r"[ -]", "", typed)
    if digits.isdigit() and len(digits) >= 4:
        phone = people_fields.phone_digits(person.phone) if person.phone else ""
        if phone.endswith(digits):
            return True
        if len(digits) == 4 and person.id_number and person.id_number.endswith(digits):
            return True
    if re.fullmatch(r"[A-Za-z]{1,4}[0-9]{1,12}", typed) and person.member_code.startswith(
        typed.upper()
    ):
        return True
    if not any(ch.isdigit() for ch in typed):
        if person.name.startswith(typed):
            return True
        if typed.isascii() and any(key.startswith(typed.lower()) for key in keys):
            return True
    return False


def test_text_finds_name_prefix_phone_tail_pinyin_and_member_code(demo: Database) -> None:
    with demo.write() as session:
        all_people = everyone(session)
        keys: dict[int, list[str]] = {}
        for person_id, key in session.execute(
            select(PersonSearchKey.person_id, PersonSearchKey.key)
        ):
            keys.setdefault(person_id, []).append(key)
        sample = next(p for p in all_people if p.phone and len(p.name) >= 2)
        tail = people_fields.phone_digits(sample.phone or "")[-4:]
        typed_texts = [
            sample.name[0],  # a surname: many people
            sample.name,
            tail,
            "zh",
            "wxm",
            sample.member_code[:6],  # YL0012 → YL001200…YL001299
            sample.member_code.lower(),
        ]
        expected = {
            typed: expected_order(
                session,
                {p.id for p in all_people if _matches_text(p, keys.get(p.id, []), typed)},
                SortOrder.PINYIN,
            )
            for typed in typed_texts
        }
    for typed, ids in expected.items():
        assert ids, typed
        assert read_all(demo, RegisterFilter(text=typed)) == ids, typed
    assert sample.id in read_all(demo, RegisterFilter(text=tail))


def test_text_that_can_match_nobody_shows_nobody(demo: Database) -> None:
    for typed in ("123", "!!", "张3"):
        model = RegisterModel(context(demo))
        assert model.set_filter(RegisterFilter(text=typed))
        assert model.total == 0 and model.rowCount() == 0 and not model.canFetchMore()


def test_a_filters_statements_read_indexes_not_the_whole_table(demo: Database) -> None:
    with demo.write() as session:
        tag_id = session.scalar(select(Tag.id).where(Tag.name == "党员"))
        for wanted in (
            RegisterFilter(text="张"),
            RegisterFilter(text="zs"),
            RegisterFilter(text="5678"),
            RegisterFilter(text="YL0012"),
            RegisterFilter(community_id=1, building_group_id=2),
            RegisterFilter(tag_id=tag_id),
            RegisterFilter(text="wang", community_id=1, tag_id=tag_id),
        ):
            matching = register._matching(session, wanted)
            assert matching is not None
            sql, params = matching
            plan = session.execute(text(f"EXPLAIN QUERY PLAN {sql}"), params).all()
            details = " | ".join(row[3] for row in plan)
            assert not re.search(r"\bSCAN (p|person|person_search_key|t|person_tag)\b", details), (
                wanted,
                details,
            )


# --- what the model shows -----------------------------------------------------------------


def test_phones_are_masked_in_every_cell(demo: Database) -> None:
    model = RegisterModel(context(demo))
    model.set_filter(RegisterFilter(sort=SortOrder.MEMBER_CODE))
    with demo.write() as session:
        phones = {p.id: p.phone for p in everyone(session) if p.phone and p.phone.startswith("1")}
    shown = 0
    for row in range(model.rowCount()):
        texts = model.row_texts(row)
        person_id = model.index(row, 0).data(PERSON_ID_ROLE)
        assert not any(re.search(r"1\d{10}", cell) for cell in texts)
        if person_id in phones:
            assert texts[RegisterModel.PHONE] == people_fields.mask_phone(phones[person_id])
            assert "****" in texts[RegisterModel.PHONE]
            shown += 1
    assert shown > 50
    assert model.header_texts()[RegisterModel.PHONE] == "Phone"


def test_an_edited_person_is_shown_again_and_a_merged_one_leaves(
    db: Database, admin: Actor
) -> None:
    with db.write() as session:
        kept = people.register(
            session, admin, PersonInput(name="李桂英", phone="13812345678", consent=True)
        )
        dropped = people.register(
            session,
            admin,
            PersonInput(name="李桂英", phone="021-55556666", tags=["党员"], consent=True),
        )
    model = RegisterModel(context(db, admin))
    model.set_filter(RegisterFilter(text="李桂"))
    assert model.rowCount() == 2
    with db.write() as session:
        people.update(
            session, admin, kept.id, PersonInput(name="李桂英", address="桃园路1号", consent=True)
        )
        people.merge(session, admin, kept.id, dropped.id)
    model.refresh_person(dropped.id)
    model.refresh_person(kept.id)
    assert model.person_ids() == [kept.id] and model.total == 1
    row = model.row_of(kept.id)
    assert row is not None
    # The merge filled the kept record's phone and tags from the dropped one.
    assert model.row_texts(row)[RegisterModel.TAGS] == "党员"
    assert model.reload() and model.person_ids() == [kept.id]


# --- pinyin order on SQLite and PostgreSQL ------------------------------------------------

DICTIONARY_ORDER = [
    "阿秀云",  # a xiu
    "阿依古丽·买买提明",  # a yi
    "艾海红",  # ai
    "安素珍",  # an
    "昂立",  # ang
    "Anna Schmidt",  # anna
    "丹青",  # dan
    "单雄信",  # shan (a surname read as a surname), not beside 丹
    "孙立",  # sun
    "西安",  # xi an
    "先进",  # xian
]


def test_the_register_orders_names_syllable_by_syllable(db: Database, admin: Actor) -> None:
    """阿 before 艾 before 安, read page by page and through a filter, on either database."""
    with db.write() as session:
        party = [
            people.register(session, admin, PersonInput(name=name, tags=["党员"], consent=True)).id
            for name in reversed(DICTIONARY_ORDER)
        ]
    expected = list(reversed(party))
    assert read_all(db, RegisterFilter(), page=3) == expected
    with db.read() as session:
        tag_id = session.scalar(select(Tag.id).where(Tag.name == "党员"))
    assert read_all(db, RegisterFilter(tag_id=tag_id)) == expected
    assert read_all(db, RegisterFilter(text="a")) == [
        person_id
        for person_id, name in zip(expected, DICTIONARY_ORDER, strict=True)
        if sort_key(name)[0].startswith("a")
    ]
    model = RegisterModel(context(db, admin), page_size=4)
    assert model.set_filter(RegisterFilter())
    model.fetch_all()
    assert [model.person(row).name for row in range(model.rowCount())] == DICTIONARY_ORDER  # type: ignore[union-attr]
