"""The reception search: every way of finding a person, the order of results, and index use."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session
from stdnum.cn import ric

from app.db import Database
from app.models import Visit
from app.security import Actor
from app.services import communities, people, search
from app.services.people import PersonInput
from app.services.search import MatchKind, SearchResult, find_people, search_people
from tests.conftest import TEST_NOW

NOW = TEST_NOW


def _id(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")


Register = Callable[..., int]


@pytest.fixture
def register(db: Database, desk: Actor, admin: Actor) -> Iterator[Register]:
    with db.write() as session:
        community = communities.add_community(session, admin, "桃园社区")
        group = communities.add_building_group(session, admin, community.id, "3号楼组")

    def add(name: str, **fields: object) -> int:
        with db.write() as session:
            row = people.register(
                session,
                desk,
                PersonInput(
                    name,
                    community_id=community.id,
                    building_group_id=group.id,
                    consent=True,
                    **fields,
                ),  # type: ignore[arg-type]
                allow_shared_phone=True,
            )
        return row.id

    yield add


def _visit(db: Database, person_id: int, at: dt.datetime, *, undone: bool = False) -> None:
    with db.write() as session:
        session.add(
            Visit(person_id=person_id, at=at, purpose="other", undone_at=at if undone else None)
        )


def _find(db: Database, typed: str, **kwargs: int) -> list[tuple[int, MatchKind]]:
    with db.write() as session:
        return [(hit.id, hit.match) for hit in search_people(session, typed, **kwargs)]


# --- each way ------------------------------------------------------------------------------


def test_member_code_is_exact_and_ignores_case(db: Database, register: Register) -> None:
    zhang = register("张三")
    assert _find(db, "yl000001") == [(zhang, MatchKind.MEMBER_CODE)]
    assert _find(db, " YL000001 ") == [(zhang, MatchKind.MEMBER_CODE)]
    assert _find(db, "YL00000") == []


def test_phone_tail_and_full_phone(db: Database, register: Register) -> None:
    zhang = register("张三", phone="13812345678")
    li = register("李四", phone="13900005678")
    wang = register("王五", phone="021-57681234")
    assert {pid for pid, _ in _find(db, "5678")} == {zhang, li}
    assert _find(db, "345678") == [(zhang, MatchKind.PHONE)]
    assert _find(db, "13812345678") == [(zhang, MatchKind.PHONE)]
    assert _find(db, "138 1234 5678") == [(zhang, MatchKind.PHONE)]
    assert _find(db, "02157681234") == [(wang, MatchKind.PHONE)]
    assert _find(db, "57681234") == [(wang, MatchKind.PHONE)]
    assert _find(db, "678") == []  # fewer than 4 digits: too many people


def test_id_number_tail_and_whole(db: Database, register: Register) -> None:
    number = _id("31010119560312001")
    zhang = register("张三", id_number=number)
    assert _find(db, number[-4:]) == [(zhang, MatchKind.ID_NUMBER)]
    assert _find(db, number.lower()) == [(zhang, MatchKind.ID_NUMBER)]
    x_number = next(
        _id(f"3101011960010100{n}") for n in range(10) if _id(f"3101011960010100{n}").endswith("X")
    )
    li = register("李四", id_number=x_number)
    assert _find(db, x_number[-4:].lower()) == [(li, MatchKind.ID_NUMBER)]


def test_four_digits_find_phone_tails_before_id_tails(db: Database, register: Register) -> None:
    number = _id("31010119560312001")
    by_id = register("赵六", id_number=number)
    by_phone = register("钱七", phone="139000" + "0" + number[-4:])
    assert _find(db, number[-4:]) == [(by_phone, MatchKind.PHONE), (by_id, MatchKind.ID_NUMBER)]


def test_name_prefix(db: Database, register: Register) -> None:
    zhang = register("张三")
    zhangsanfeng = register("张三丰")
    register("李四")
    anna = register("Anna Smith")
    assert {pid for pid, _ in _find(db, "张")} == {zhang, zhangsanfeng}
    assert _find(db, "张三丰") == [(zhangsanfeng, MatchKind.NAME)]
    assert _find(db, "张 三丰") == [(zhangsanfeng, MatchKind.NAME)]
    assert _find(db, "Anna S") == [(anna, MatchKind.NAME)]
    assert _find(db, "anna")[0] == (anna, MatchKind.PINYIN)  # lower case: by its letters


def test_pinyin_initials_and_full_pinyin(db: Database, register: Register) -> None:
    zhang = register("张三")
    li = register("李小明")
    assert _find(db, "zs") == [(zhang, MatchKind.INITIALS)]
    assert _find(db, "ZS") == [(zhang, MatchKind.INITIALS)]
    assert _find(db, "lxm") == [(li, MatchKind.INITIALS)]
    assert _find(db, "zhangs") == [(zhang, MatchKind.PINYIN)]
    assert _find(db, "zhang san") == [(zhang, MatchKind.PINYIN)]
    assert _find(db, "lixiaoming") == [(li, MatchKind.PINYIN)]


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("单雄信", "s"),
        ("单雄信", "sxx"),
        ("单雄信", "shanx"),
        ("单雄信", "dxx"),  # the common reading a volunteer may type
        ("曾国藩", "zgf"),
        ("解缙", "xiej"),
        ("仇英", "qy"),
        ("区志强", "ozq"),
        ("朴槿惠", "piao"),
        ("查良镛", "zly"),
        ("盖聂", "genie"),
        ("覃小华", "qxh"),
        ("尉迟恭", "ycg"),
        ("尉迟恭", "yuchi"),
    ],
)
def test_polyphonic_surnames(db: Database, register: Register, name: str, typed: str) -> None:
    person = register(name)
    register("孙悟空")
    assert person in [pid for pid, _ in _find(db, typed)]


# --- order ---------------------------------------------------------------------------------


def test_ways_rank_member_code_phone_id_name_pinyin(db: Database, register: Register) -> None:
    latin = register("Zhang Wei")  # matches "Zhang" by name
    chinese = register("张伟")  # matches "Zhang" by pinyin
    _visit(db, chinese, NOW)  # recent, but a worse way
    assert _find(db, "Zhang") == [(latin, MatchKind.NAME), (chinese, MatchKind.PINYIN)]


def test_recent_visitors_first_then_by_name(db: Database, register: Register) -> None:
    never_b = register("张乙")
    never_a = register("张甲")
    yesterday = register("张丙")
    today = register("张丁")
    undone_today = register("张戊")
    _visit(db, yesterday, NOW - dt.timedelta(days=1))
    _visit(db, today, NOW - dt.timedelta(minutes=3))
    _visit(db, undone_today, NOW - dt.timedelta(days=30))
    _visit(db, undone_today, NOW, undone=True)  # a mistaken check-in is no visit
    found = [pid for pid, _ in _find(db, "张")]
    assert found[:3] == [today, yesterday, undone_today]
    # Never checked in: by name (code point order, 乙 U+4E59 before 甲 U+7532).
    assert found[3:] == [never_b, never_a]
    with db.write() as session:
        hits = search_people(session, "张")
    assert hits[0].last_visit_at == NOW - dt.timedelta(minutes=3)
    assert hits[-1].last_visit_at is None


def test_a_whole_name_or_pinyin_ranks_above_names_it_only_begins(
    db: Database, register: Register
) -> None:
    zhang_san = register("张三")  # never checked in
    zhang_sanfeng = register("张三丰")
    zhou_siyuan = register("周思远")  # zsy
    _visit(db, zhang_sanfeng, NOW)
    _visit(db, zhou_siyuan, NOW - dt.timedelta(hours=1))
    assert _find(db, "zs") == [
        (zhang_san, MatchKind.INITIALS),  # all the initials: first, though never seen
        (zhang_sanfeng, MatchKind.INITIALS),  # the rest: recent visitors first, then by name
        (zhou_siyuan, MatchKind.INITIALS),
    ]
    assert _find(db, "zhangsan") == [
        (zhang_san, MatchKind.PINYIN),
        (zhang_sanfeng, MatchKind.PINYIN),
    ]
    assert _find(db, "zhang san") == _find(db, "zhangsan")
    assert _find(db, "张三") == [(zhang_san, MatchKind.NAME), (zhang_sanfeng, MatchKind.NAME)]


def test_initials_typed_whole_find_a_person_among_many_recent_visitors(
    db: Database, register: Register
) -> None:
    never = register("张帅")
    for n in range(25):  # zs… people who all came lately, more than the list holds
        person = register("张帅" + "一二三四五"[n % 5] + "甲乙丙丁戊"[n // 5])
        _visit(db, person, NOW - dt.timedelta(minutes=n))
    with db.read() as session:
        hits = search_people(session, "zs")
    assert len(hits) == search.DEFAULT_LIMIT
    assert hits[0].id == never and hits[0].last_visit_at is None


def test_merged_people_are_hidden(db: Database, register: Register, staff: Actor) -> None:
    keep = register("王芳", phone="13812345678")
    drop = register("王芳", phone="13812345678")
    with db.write() as session:
        people.merge(session, staff, keep, drop)
    assert _find(db, "5678") == [(keep, MatchKind.PHONE)]
    assert _find(db, "王芳") == [(keep, MatchKind.NAME)]
    assert _find(db, "wf") == [(keep, MatchKind.INITIALS)]
    assert _find(db, "YL000002") == []


def test_a_hit_shows_masked_phone_and_place(db: Database, register: Register) -> None:
    register("张三", phone="13812345678")
    with db.write() as session:
        [hit] = search_people(session, "5678")
    assert hit.phone_masked == "138****5678"
    assert (hit.community, hit.building_group, hit.member_code) == (
        "桃园社区",
        "3号楼组",
        "YL000001",
    )


def test_limit(db: Database, register: Register) -> None:
    for n in range(5):
        register("张" + "一二三四五"[n])
    assert len(_find(db, "张", limit=3)) == 3
    assert _find(db, "张", limit=0) == []


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "😀", "'; DROP TABLE person;--", "%", "_", "\x00", "张%", "a" * 500, "1" * 500],
)
def test_odd_text_finds_nothing_and_breaks_nothing(
    db: Database, register: Register, typed: str
) -> None:
    register("张三", phone="13812345678")
    assert _find(db, typed) == []
    assert len(_find(db, "张三")) == 1


# --- how many more match -------------------------------------------------------------------------


def _more(db: Database, actor: Actor, typed: str, limit: int) -> tuple[int, int, bool]:
    with db.read() as session:
        found = find_people(session, actor, typed, limit=limit)
    return len(found.hits), found.more, found.more_exact


def test_the_result_says_how_many_more_match(
    db: Database,
    register: Register,
    desk: Actor,
    staff: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = [register("张" + "伟芳明秀英"[n % 5] + "甲乙丙丁戊"[n // 5]) for n in range(25)]
    register("李四")
    assert _more(db, desk, "张", 20) == (20, 5, True)
    assert _more(db, desk, "张", 25) == (25, 0, True)
    assert _more(db, desk, "张", 30) == (25, 0, True)
    assert _more(db, desk, "zh", 20) == (20, 5, True)  # initials and pinyin: each person once
    monkeypatch.setattr(search, "MORE_CAP", 5)
    assert _more(db, desk, "张", 20) == (20, 5, True)  # counted to the cap: still exact
    monkeypatch.setattr(search, "MORE_CAP", 4)
    assert _more(db, desk, "张", 20) == (20, 4, False)  # more than 4
    monkeypatch.undo()
    with db.write() as session:
        people.merge(session, staff, ids[0], ids[1])
    assert _more(db, desk, "张", 20) == (20, 4, True)  # a record merged away is nobody more
    with db.read() as session:
        assert find_people(session, desk, "   ") == SearchResult([])


def test_more_counts_a_person_matching_two_ways_once(
    db: Database, register: Register, desk: Actor
) -> None:
    register("Anna Smith", phone="13812345678")
    register("Anna Lee", phone="13912345678")
    register("王五", phone="13712345678")
    assert _more(db, desk, "Anna", 1) == (1, 1, True)  # by name and by letters: two people
    assert _more(db, desk, "5678", 2) == (2, 1, True)
    assert _more(db, desk, "5678", 3) == (3, 0, True)


# --- the walk along the visit log gives the same answers as ranking every match ---------------


SURNAMES = "张王李赵单曾"
GIVEN = "伟芳明秀英华"


def test_broad_texts_walking_the_visit_log_rank_like_the_full_ranking(
    db: Database, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(7)
    ids = [
        register(
            rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        )
        for _ in range(60)
    ]
    seconds = [NOW - dt.timedelta(minutes=rng.randint(0, 400)) for _ in range(40)]
    with db.write() as session:
        for _ in range(150):  # shared seconds test the ties at a batch's edge
            person = rng.choice(ids[:45])
            session.add(
                Visit(
                    person_id=person,
                    at=rng.choice(seconds),
                    purpose="other",
                    undone_at=NOW if rng.random() < 0.1 else None,
                )
            )
    texts = [*SURNAMES, "z", "w", "l", "s", "zh", "zw", "zm", "x", "sx", "d", "zeng", "张伟", "ZW"]
    with db.write() as session:
        full = {t: _ranked(session, t, 7) for t in texts}
    monkeypatch.setattr(search, "broad_threshold", lambda people, limit: 1)
    monkeypatch.setattr(search, "VISIT_BATCH_FACTOR", 1)
    with db.write() as session:
        walked = {t: _ranked(session, t, 7) for t in texts}
    assert walked == full
    monkeypatch.setattr(search, "WALK_MAX", 20)  # give up early: the full ranking takes over
    with db.write() as session:
        given_up = {t: _ranked(session, t, 7) for t in texts}
    assert given_up == full
    assert any(len(found) == 7 for found in full.values())


def _ranked(session: Session, typed: str, limit: int) -> list[tuple[int, str, str | None]]:
    return [
        (hit.id, hit.match.value, hit.last_visit_at and hit.last_visit_at.isoformat())
        for hit in search_people(session, typed, limit=limit)
    ]


def test_a_walk_that_finds_too_few_visitors_falls_back(
    db: Database, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [register("张" + g) for g in GIVEN]
    _visit(db, ids[0], NOW)
    monkeypatch.setattr(search, "broad_threshold", lambda people, limit: 1)
    found = [pid for pid, _ in _find(db, "张")]
    assert found[0] == ids[0] and sorted(found) == sorted(ids)


# --- every way is served by an index ---------------------------------------------------------


def _plan(session: Session, sql: str, params: dict[str, object]) -> list[str]:
    rows = session.execute(text("EXPLAIN QUERY PLAN " + sql), params)
    return [row[-1] for row in rows]


FULL_SCAN = re.compile(r"\bSCAN (person|person_search_key|visit|p|k|v)\b(?! USING)")


@pytest.mark.sqlite_only
@pytest.mark.parametrize("typed", ["5678", "13812345678", "YL000001", "123X", "张", "zs", "Anna"])
def test_every_branch_uses_an_index(db: Database, register: Register, typed: str) -> None:
    register("张三", phone="13812345678")
    params = search.search_parameters(typed)
    assert params is not None
    with db.write() as session:
        plans = {
            "search": _plan(session, search.SEARCH_SQL, {**params, "limit": 20}),
            "count": _plan(session, search.COUNT_SQL, {**params, "cap": 100}),
            "more": _plan(session, search.MORE_SQL, {**params, "cap": 100}),
            **{
                f"walk {way.name}": _plan(session, sql, {**params, "before": NOW, "batch": 40})
                for way, sql in search.RECENT_SQL.items()
            },
        }
    for name, plan in plans.items():
        assert not [line for line in plan if FULL_SCAN.search(line)], (name, plan)
    search_plan = " | ".join(plans["search"])
    for index in (
        "ix_person_phone_reversed",
        "ix_person_id_tail",
        "ix_person_name",
        "ix_person_search_key_lookup",
        "ix_visit_person_at",
    ):
        assert index in search_plan
    for way in search.RECENT_SQL:
        assert "ix_visit_at" in " | ".join(plans[f"walk {way.name}"])


@pytest.mark.sqlite_only
def test_the_walk_statement_binds_datetimes_like_the_orm_stores_them(
    db: Database, register: Register
) -> None:
    """SQLite compares the stored text: a differently formatted bound time would skip visits."""
    zhang = register("张三")
    _visit(db, zhang, NOW)
    with db.write() as session:
        stored = session.scalar(text("SELECT at FROM visit"))
        params = search.search_parameters("张")
        assert params is not None
        rows = session.execute(
            search._RECENT[search._Way.NAME], {**params, "before": NOW, "batch": 5}
        ).all()
    assert isinstance(stored, str)
    assert [row.person_id for row in rows] == [zhang]
