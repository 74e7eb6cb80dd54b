"""Property tests of the roster importer: whatever a cell holds (emoji, SQL, over-long text, wrong
check digits, impossible dates), its row gets a clear message naming the column, nothing else
breaks, all-or-nothing writes nothing; valid rows import with their search keys; people met
twice (in the file, or on file) are matched, never doubled.

Each example runs in a transaction that is rolled back, so one migrated database serves them all.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from app.db import Database
from app.models import AuditEvent, Person, PersonSearchKey
from app.security import Actor
from app.services import communities, people, roster
from app.services.people import PersonInput
from app.services.roster import RosterField, RowStatus

F = RosterField
HEADER = ("姓名", "性别", "出生年份", "手机", "身份证号", "社区", "楼组", "地址", "标签")
COLUMN = {
    F.NAME: 0,
    F.GENDER: 1,
    F.BIRTH: 2,
    F.PHONE: 3,
    F.ID_NUMBER: 4,
    F.COMMUNITY: 5,
    F.BUILDING_GROUP: 6,
    F.ADDRESS: 7,
    F.TAGS: 8,
}
COMMON = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董"
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国玉梅志红文"
)
SQL = [
    "'; DROP TABLE person;--",
    "张三'; DELETE FROM visit; --",
    "1 OR 1=1",
    "Robert'); DROP TABLE Students;--",
    "*/ SELECT * FROM account /*",
]
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
THIS_YEAR = dt.date.today().year
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Mobile prefixes in use; numbers drawn from them are valid for phonenumbers.
PREFIXES = ["130", "135", "138", "139", "150", "158", "186", "189"]


@pytest.fixture
def places(db: Database, admin: Actor) -> None:
    with db.write() as session:
        east = communities.add_community(session, admin, "东苑社区")
        communities.add_building_group(session, admin, east.id, "3号楼组")


class _Transaction:
    """A session whose transaction is rolled back at the end: one database for all examples."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def __enter__(self) -> Session:
        self._block = self.db.write()
        self.session = self._block.__enter__()
        return self.session

    def __exit__(self, *_exc: object) -> None:
        self.session.rollback()
        self._block.__exit__(None, None, None)


def _id_number(year: int, month: int, day: int, sequence: int) -> str:
    body = f"310101{year:04d}{month:02d}{day:02d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def _valid_row(index: int) -> list[object]:
    """A valid row whose name and phone no other row of the example shares."""
    name = COMMON[index % len(COMMON)] + COMMON[(index * 7 + 3) % len(COMMON)] + "子"[: index % 2]
    name += COMMON[index // len(COMMON)] if index >= len(COMMON) else ""
    return [
        name,
        "男",
        1950 + index % 50,
        f"1380000{index:04d}",
        None,
        "东苑社区",
        "3号楼组",
        "",
        "",
    ]


# --- Bad cells ----------------------------------------------------------------------------


def _wrong_check_digit(year: int, sequence: int) -> str:
    good = _id_number(year, 3, 12, sequence)
    wrong = next(c for c in "0123456789X" if c != good[-1])
    return good[:-1] + wrong


def _impossible_birth_in_id(sequence: int, date: str) -> str:
    body = f"310101{date}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def _refused_in_names(ch: str) -> bool:
    """Not a letter, digit, space or dot even after NFKC (㊥ folds to 中, ⋅ to the middle dot)."""
    folded = unicodedata.normalize("NFKC", ch)
    return (
        ch not in "\t\n\r・･•‧⋅∙·"
        and folded.strip() == folded
        and bool(folded)
        and all(unicodedata.category(x)[0] not in "LNZ" and x != "·" for x in folded)
    )


bad_names = st.one_of(
    st.builds(
        lambda n, e: n + e, st.sampled_from(["张三", "李四", ""]), st.text(EMOJI, min_size=1)
    ),
    st.sampled_from(SQL),
    st.text(st.sampled_from(COMMON), min_size=21, max_size=60),
    st.from_regex(r"\A[0-9]{1,8}\Z"),
    st.just("   "),
    st.builds(
        lambda c: f"张{c}三",
        st.characters(categories=["Cc", "Cf", "Sm", "So", "Pd", "Ps"]).filter(_refused_in_names),
    ),
)
bad_phones = st.one_of(
    st.integers(1, 14)
    .filter(lambda n: n not in (8, 11, 12, 13))
    .flatmap(lambda n: st.from_regex(rf"\A[1-9][0-9]{{{n - 1}}}\Z")),
    st.sampled_from(SQL),
    st.builds(lambda e: "138" + e, st.text(EMOJI, min_size=1, max_size=4)),
    st.just("138****5678"),
    st.from_regex(r"\A1[0-2][0-9]{9}\Z"),  # no such mobile prefix
)
bad_ids = st.one_of(
    st.builds(_wrong_check_digit, st.integers(1930, 2005), st.integers(0, 999)),
    st.builds(
        _impossible_birth_in_id,
        st.integers(0, 999),
        st.sampled_from(["19560230", "19561301", "19560000", "18990101", f"{THIS_YEAR + 1}0101"]),
    ),
    st.from_regex(r"\A[0-9]{1,17}\Z"),
    st.from_regex(r"\A[0-9]{19,25}\Z"),
    st.sampled_from(SQL),
    st.just("310101**********1234"),
    st.floats(1e17, 9e17),  # an ID typed into a number cell
)
bad_births = st.one_of(
    st.sampled_from(["1956-02-30", "1956-13-01", "1956/00/10", "1957年2月29日", "19560431"]),
    st.integers(0, 1899),
    st.integers(THIS_YEAR + 1, 99999),
    st.sampled_from(SQL),
    st.text(EMOJI, min_size=1, max_size=3),
    st.just(f"{THIS_YEAR + 1}-01-01"),
)
bad_genders = st.one_of(
    st.sampled_from(["男女", "X", "未知", "2", "Mann", *SQL]), st.text(EMOJI, min_size=1)
)
bad_communities = st.one_of(st.sampled_from(["南苑社区", "西苑", *SQL]), st.text(EMOJI, min_size=1))
bad_addresses = st.text(st.sampled_from(COMMON + "路号室"), min_size=201, max_size=300)
bad_tags = st.text(st.sampled_from(COMMON), min_size=21, max_size=40)

BAD = {
    F.NAME: bad_names,
    F.PHONE: bad_phones,
    F.ID_NUMBER: bad_ids,
    F.BIRTH: bad_births,
    F.GENDER: bad_genders,
    F.COMMUNITY: bad_communities,
    F.ADDRESS: bad_addresses,
    F.TAGS: bad_tags,
}


@st.composite
def rosters_with_bad_cells(
    draw: st.DrawFn,
) -> tuple[list[list[object]], dict[int, RosterField]]:
    """Valid rows with one bad cell in some of them: the rows, and row number → bad field."""
    count = draw(st.integers(1, 8))
    rows = [_valid_row(index) for index in range(count)]
    bad_rows = draw(st.sets(st.integers(0, count - 1), min_size=1))
    spoiled: dict[int, RosterField] = {}
    for index in sorted(bad_rows):
        fld = draw(st.sampled_from(sorted(BAD)))
        rows[index][COLUMN[fld]] = draw(BAD[fld])
        spoiled[index + 2] = fld  # row 1 is the header
    return rows, spoiled


@PROPERTY
@given(rosters_with_bad_cells())
def test_each_bad_cell_gets_a_message_on_its_row_and_all_or_nothing_writes_nothing(
    db: Database,
    admin: Actor,
    places: None,
    example: tuple[list[list[object]], dict[int, RosterField]],
) -> None:
    rows, spoiled = example
    preview = roster.RosterPreview.from_rows(HEADER, rows)
    with _Transaction(db) as session:
        before = session.scalar(select(func.count()).select_from(Person))
        result = roster.import_rows(session, admin, preview, preview.mapping, "all_or_nothing")
        assert not result.written
        assert session.scalar(select(func.count()).select_from(Person)) == before
        assert (
            session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "import")
            )
            == 0
        )
        report = result.report
        for number in range(2, len(rows) + 2):
            errors = report.errors_of(number)
            if number in spoiled:
                assert spoiled[number] in {issue.field for issue in errors}, (number, errors)
                for issue in errors:
                    assert issue.message.strip() and "Traceback" not in issue.message
                    assert issue.field_label
            else:
                assert errors == []
        assert report.errors == len(spoiled)
        # Valid rows mode: exactly the unspoiled rows are written.
        written = roster.import_rows(session, admin, preview, preview.mapping, "valid_rows")
        assert written.added == len(rows) - len(spoiled)
        assert session.scalar(select(func.count()).select_from(Person)) == written.added


@st.composite
def valid_rosters(draw: st.DrawFn) -> list[list[object]]:
    count = draw(st.integers(1, 12))
    names = draw(
        st.lists(
            st.text(st.sampled_from(COMMON), min_size=2, max_size=4),
            min_size=count,
            max_size=count,
        )
    )
    phones = draw(
        st.lists(
            st.builds(
                lambda p, n: f"{p}{n:08d}", st.sampled_from(PREFIXES), st.integers(0, 10**8 - 1)
            ),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )
    rows: list[list[object]] = []
    for index, (name, phone) in enumerate(zip(names, phones, strict=True)):
        year = draw(st.integers(1930, 2010))
        birth = draw(
            st.sampled_from(
                [year, str(year), f"{year}-03-04", dt.datetime(year, 3, 4), f"{year}年3月", None]
            )
        )
        id_number = _id_number(year, 3, 4, index) if draw(st.booleans()) else None
        if id_number is not None and birth is None:
            birth = year
        cell_phone = draw(
            st.sampled_from([phone, f"{phone[:3]} {phone[3:7]} {phone[7:]}", int(phone)])
        )
        rows.append(
            [
                name,
                draw(st.sampled_from(["男", "女", "M", "f", None])) if id_number is None else None,
                birth,
                cell_phone,
                id_number,
                draw(st.sampled_from(["东苑社区", "东苑", None])),
                None,
                draw(st.sampled_from(["", "友邻路3号101室"])),
                draw(st.sampled_from(["", "党员", "志愿者、睦邻达人"])),
            ]
        )
    return rows


@PROPERTY
@given(valid_rosters())
def test_valid_rows_import_with_their_search_keys(
    db: Database, admin: Actor, places: None, rows: list[list[object]]
) -> None:
    preview = roster.RosterPreview.from_rows(HEADER, rows)
    with _Transaction(db) as session:
        result = roster.import_rows(session, admin, preview, preview.mapping, "all_or_nothing")
        assert result.report.errors == 0, result.report.issues
        assert result.written and result.added == len(rows)
        found = list(session.execute(select(Person.id, Person.name, Person.phone)))
        assert sorted(name for _id, name, _phone in found) == sorted(str(r[0]) for r in rows)
        for person_id, _name, phone in found:
            kinds = set(
                session.scalars(
                    select(PersonSearchKey.kind).where(PersonSearchKey.person_id == person_id)
                )
            )
            assert kinds == {"initials", "pinyin", "sort"}
            assert phone is not None and len(phone) == 11


@st.composite
def rosters_with_repeats(draw: st.DrawFn) -> tuple[list[list[object]], int, int]:
    """(rows, distinct people in the file, of whom on file already): people appear 1-3 times,
    by phone or by ID number, in shuffled order."""
    count = draw(st.integers(1, 6))
    on_file = draw(st.integers(0, count))
    rows: list[list[object]] = []
    for index in range(count):
        name = COMMON[index] + COMMON[index + 10]
        by_id = draw(st.booleans())
        cells: list[object] = [name, None, None, None, None, None, None, None, None]
        if by_id:
            cells[COLUMN[F.ID_NUMBER]] = _id_number(1960 + index, 1, 2, index)
        else:
            cells[COLUMN[F.PHONE]] = f"1390000{index:04d}"
        rows += [list(cells) for _ in range(draw(st.integers(1, 3)))]
    return draw(st.permutations(rows)), count, on_file


@PROPERTY
@given(rosters_with_repeats())
def test_people_met_twice_are_matched_not_doubled(
    db: Database, admin: Actor, places: None, example: tuple[list[list[object]], int, int]
) -> None:
    rows, count, on_file = example
    preview = roster.RosterPreview.from_rows(HEADER, rows)
    with _Transaction(db) as session:
        for index in range(on_file):
            by_id = any(
                r[0] == COMMON[index] + COMMON[index + 10] and r[COLUMN[F.ID_NUMBER]] for r in rows
            )
            people.register(
                session,
                admin,
                PersonInput(
                    name=COMMON[index] + COMMON[index + 10],
                    id_number=_id_number(1960 + index, 1, 2, index) if by_id else None,
                    phone=None if by_id else f"1390000{index:04d}",
                    consent=True,
                ),
            )
        result = roster.import_rows(session, admin, preview, preview.mapping)
        statuses = list(result.report.statuses().values())
        assert statuses.count(RowStatus.ERROR) == 0
        assert statuses.count(RowStatus.NEW) == count - on_file
        assert statuses.count(RowStatus.MATCHED) == on_file
        assert statuses.count(RowStatus.REPEATED) == len(rows) - count
        assert session.scalar(select(func.count()).select_from(Person)) == count
