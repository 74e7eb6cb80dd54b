"""The roster importer: reading workbooks, finding the header, row reports, matching, writing."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from app.db import Database
from app.errors import PermissionDenied, ValidationError
from app.models import AuditEvent, Person, PersonSearchKey, PersonTag, Tag
from app.security import Actor
from app.services import communities, people, roster
from app.services.people import PersonInput
from app.services.roster import ImportMode, IssueKind, RosterField, RowStatus

F = RosterField


def id_number(first17: str) -> str:
    """A resident ID with its right check digit."""
    return first17 + ric.calc_check_digit(first17 + "0")


ID_1956 = id_number("31010119560312001")  # a man born in 1956
ID_1962 = id_number("31011519620701002")  # a woman born in 1962
HEADER = ("姓名", "性别", "出生年份", "手机", "身份证号", "社区", "楼组", "地址", "标签")


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, sheet: str = "花名册") -> Path:
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    for values in rows:
        worksheet.append(list(values))
    workbook.save(path)
    return path


@pytest.fixture
def places(db: Database, admin: Actor) -> dict[str, int]:
    """东苑社区 with 1号楼组 and 3号楼组, 西苑社区 with 1号楼组."""
    with db.write() as session:
        east = communities.add_community(session, admin, "东苑社区")
        west = communities.add_community(session, admin, "西苑社区")
        east_1 = communities.add_building_group(session, admin, east.id, "1号楼组")
        east_3 = communities.add_building_group(session, admin, east.id, "3号楼组")
        west_1 = communities.add_building_group(session, admin, west.id, "1号楼组")
    return {
        "east": east.id,
        "west": west.id,
        "east_1": east_1.id,
        "east_3": east_3.id,
        "west_1": west_1.id,
    }


def people_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Person)) or 0


def import_events(session: Session) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == "import")))


# --- Reading and the header ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (
            ("姓名", "性别", "出生年份", "手机", "身份证号", "社区", "楼组", "地址"),
            [
                F.NAME,
                F.GENDER,
                F.BIRTH,
                F.PHONE,
                F.ID_NUMBER,
                F.COMMUNITY,
                F.BUILDING_GROUP,
                F.ADDRESS,
            ],
        ),
        (
            ("序号", "姓名", "出生日期", "手机号", "身份证", "楼栋", "住址"),
            [None, F.NAME, F.BIRTH, F.PHONE, F.ID_NUMBER, F.BUILDING_GROUP, F.ADDRESS],
        ),
        (
            ("姓名", "出生年月", "电话", "公民身份号码", "所属社区"),
            [F.NAME, F.BIRTH, F.PHONE, F.ID_NUMBER, F.COMMUNITY],
        ),
        (
            ("* 姓 名", "联系电话（必填）", "身份证号码", "备注"),
            [F.NAME, F.PHONE, F.ID_NUMBER, F.NOTE],
        ),
        (
            ("居民姓名", "手机号码", "家庭住址", "身份标签"),
            [F.NAME, F.PHONE, F.ADDRESS, F.TAGS],
        ),
        (
            (
                "Name",
                "Gender",
                "Year of birth",
                "Mobile",
                "ID number",
                "Community",
                "Building group",
            ),
            [F.NAME, F.GENDER, F.BIRTH, F.PHONE, F.ID_NUMBER, F.COMMUNITY, F.BUILDING_GROUP],
        ),
        (
            ("姓名", "手机", "紧急联系电话"),  # the second phone-like column stays unmapped
            [F.NAME, F.PHONE, None],
        ),
    ],
)
def test_chinese_and_english_headers_are_recognised(
    titles: tuple[str, ...], expected: list[RosterField | None], tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [titles, ["张三"] + [""] * (len(titles) - 1)])
    preview = roster.read_roster(path)
    found = {column: fld for fld, column in preview.mapping.items()}
    assert [found.get(column) for column in range(len(titles))] == expected


def test_the_header_may_sit_on_row_3_under_a_title(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            ["东社区居民花名册（2026年）"],
            [],
            ["序号", "姓名", "手机"],
            [1, "张三", "13812345678"],
            [],
            [2, "李四", 13912345678],
        ],
    )
    preview = roster.read_roster(path)
    assert preview.header_row == 3
    assert preview.sheet == "花名册"
    assert preview.mapping == {F.NAME: 1, F.PHONE: 2}
    assert [number for number, _values in preview.rows] == [4, 6]  # the blank row is skipped
    assert preview.samples(2) == ["13812345678", "13912345678"]


def test_a_sheet_with_a_name_column_is_found_among_others(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = "说明"
    cover.append(["本表由居委会填写"])
    people_sheet = workbook.create_sheet("居民")
    people_sheet.append(["姓名", "手机"])
    people_sheet.append(["张三", "13812345678"])
    workbook.save(tmp_path / "r.xlsx")
    assert roster.read_roster(tmp_path / "r.xlsx").sheet == "居民"


def _zip_without_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")


def _truncated_xlsx(path: Path) -> None:
    write_xlsx(path, [HEADER, ["张三"]])
    path.write_bytes(path.read_bytes()[:300])


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("corrupt.xlsx", lambda p: p.write_bytes(b"\x00\x01garbage" * 50), "damaged"),
        ("notes.xlsx", _zip_without_workbook, "damaged"),
        ("cut.xlsx", _truncated_xlsx, "damaged"),
        (
            "protected.xlsx",
            lambda p: p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504),
            "password",
        ),
        (
            "protected2.xlsx",
            lambda p: p.write_bytes(
                bytes.fromhex("D0CF11E0A1B11AE1") + "EncryptionInfo".encode("utf-16-le")
            ),
            "password",
        ),
        (
            "old.xls",
            lambda p: p.write_bytes(
                bytes.fromhex("D0CF11E0A1B11AE1") + "Workbook".encode("utf-16-le")
            ),
            ".xls",
        ),
        ("zero.xlsx", lambda p: p.write_bytes(b""), "empty"),
        ("blank.xlsx", lambda p: write_xlsx(p, []), "empty"),
        ("noname.xlsx", lambda p: write_xlsx(p, [["手机", "地址"], ["13812345678", "x"]]), "姓名"),
        ("header.xlsx", lambda p: write_xlsx(p, [["姓名", "手机"]]), "no rows"),
    ],
)
def test_an_unreadable_file_gets_one_message_and_imports_nothing(
    name: str, make: object, words: str, tmp_path: Path, db: Database, admin: Actor
) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    with pytest.raises(ValidationError) as raised:
        roster.read_roster(path)
    assert raised.value.field == "file"
    # English, to read the words; the Chinese message is the same sentence translated.
    from app import i18n

    i18n.set_language("en")
    with pytest.raises(ValidationError) as raised_en:
        roster.read_roster(path)
    assert words in raised_en.value.message
    assert name in raised_en.value.message or words == "no rows"
    with db.write() as session:
        assert people_count(session) == 0
        assert import_events(session) == []


def test_a_missing_file_is_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"nowhere\.xlsx"):
        roster.read_roster(tmp_path / "nowhere.xlsx")


# --- Validating and importing ------------------------------------------------------------


def test_valid_rows_import_with_search_keys_tags_and_places(
    tmp_path: Path, db: Database, admin: Actor, places: dict[str, int]
) -> None:
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            HEADER,
            [
                "张三",
                "男",
                1956,
                "13812345678",
                None,
                "东苑社区",
                "3号楼组",
                "友邻路3号101室",
                "党员、志愿者",
            ],
            ["单雄信", None, "1962-07-01", "021-57681234", ID_1962, "东苑", "1号", "", "志愿者"],
            ["李四", "女性", "1960年5月", 13912345678.0, None, None, None, None, None],
        ],
    )
    preview = roster.read_roster(path)
    with db.write() as session:
        result = roster.import_rows(session, admin, preview, preview.mapping)
    assert result.written and result.added == 3 and result.report.errors == 0
    with db.write() as session:
        rows = {p.name: p for p in session.scalars(select(Person))}
        assert set(rows) == {"张三", "单雄信", "李四"}
        zhang, shan, li = rows["张三"], rows["单雄信"], rows["李四"]
        assert (zhang.community_id, zhang.building_group_id) == (places["east"], places["east_3"])
        assert (shan.community_id, shan.building_group_id) == (places["east"], places["east_1"])
        assert shan.gender == "F" and shan.birth_year == 1962  # both from the ID number
        assert shan.phone == "021-57681234" and shan.id_tail == ID_1962[-4:]
        assert li.phone == "13912345678" and li.phone_reversed == "87654321931"
        assert li.gender == "F" and li.birth_year == 1960
        assert not zhang.consent
        assert [t.name for t in zhang.tags] == ["党员", "志愿者"]
        keys = {
            (person_id, key)
            for person_id, key in session.execute(
                select(PersonSearchKey.person_id, PersonSearchKey.key)
            )
        }
        assert (zhang.id, "zs") in keys and (zhang.id, "zhangsan") in keys
        assert (shan.id, "sxx") in keys and (shan.id, "dxx") in keys  # both readings of 单
        codes = sorted(p.member_code for p in rows.values())
        assert codes == ["YL000001", "YL000002", "YL000003"]
        (event,) = import_events(session)
        detail = json.loads(event.detail)
        assert event.account_id == admin.account_id
        assert detail["added"] == 3 and detail["errors"] == 0 and detail["rows"] == 3
        assert detail["file"] == "r.xlsx" and detail["mode"] == "valid_rows"
        assert "13812345678" not in event.detail  # counts only, no personal data


def test_member_codes_continue_after_the_register(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    with db.write() as session:
        people.register(session, admin, PersonInput(name="王五", phone="13700000001", consent=True))
    preview = roster.RosterPreview.from_rows(["姓名"], [["赵六"], ["钱七"]])
    with db.write() as session:
        result = roster.import_rows(session, admin, preview, preview.mapping)
    assert (result.first_code, result.last_code) == ("YL000002", "YL000003")
    with db.write() as session:  # and the desk's next registration carries on after them
        row = people.register(session, admin, PersonInput(name="孙八"))
    assert row.member_code == "YL000004"


def test_each_bad_cell_is_reported_on_its_row_and_field(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    preview = roster.RosterPreview.from_rows(
        HEADER,
        [
            ["张三", "男", 1956, "13812345678", None, "东苑社区", "3号楼组", None, None],
            [
                "王五😀",
                "未知",
                "1956-02-30",
                "12345",
                "310101195603120010",
                "南苑",
                None,
                None,
                None,
            ],
            [
                "李四",
                None,
                2999,
                "138****5678",
                "310101**********1234",
                "东苑",
                "9号楼组",
                None,
                None,
            ],
            [None, None, None, "13812340000", None, None, None, "x" * 201, "好" * 21],
            ["赵六", None, 1970, None, 3.10101195603121e17, "西苑社区", "3号楼组", None, None],
        ],
    )
    with db.write() as session:
        report = roster.validate(session, admin, preview, preview.mapping)
    by_row = {n: {i.field for i in report.errors_of(n)} for n in (2, 3, 4, 5, 6)}
    assert by_row[2] == set()
    assert by_row[3] == {F.NAME, F.GENDER, F.BIRTH, F.PHONE, F.ID_NUMBER, F.COMMUNITY}
    assert by_row[4] == {F.BIRTH, F.PHONE, F.ID_NUMBER, F.BUILDING_GROUP}
    assert by_row[5] == {F.NAME, F.ADDRESS, F.TAGS}
    assert by_row[6] == {F.ID_NUMBER, F.BUILDING_GROUP}
    messages = {(i.row, i.field): i.message for i in report.issues}
    assert "南苑" in messages[(3, F.COMMUNITY)]
    assert "1956-02-30" in messages[(3, F.BIRTH)]
    assert "138****5678" in messages[(4, F.PHONE)]
    assert "9号楼组" in messages[(4, F.BUILDING_GROUP)]
    assert "Excel" in messages[(6, F.ID_NUMBER)]
    assert (report.rows, report.new, report.errors) == (5, 1, 4)
    with db.write() as session:
        result = roster.import_rows(session, admin, preview, preview.mapping, "all_or_nothing")
    assert not result.written
    with db.write() as session:
        assert people_count(session) == 0 and import_events(session) == []
        result = roster.import_rows(session, admin, preview, preview.mapping, "valid_rows")
    assert result.written and result.added == 1
    with db.write() as session:
        assert [p.name for p in session.scalars(select(Person))] == ["张三"]
        assert json.loads(import_events(session)[0].detail)["errors"] == 4


def test_duplicates_in_the_file_are_matched_not_doubled(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    preview = roster.RosterPreview.from_rows(
        ["姓名", "手机", "身份证号", "地址"],
        [
            ["张三", "13812345678", None, "友邻路1号"],
            ["张三", "138 1234 5678", None, None],  # same phone, same name: the same person
            ["张小三", "13812345678", None, None],  # same phone, another name: his son
            ["单雄信", None, ID_1956, None],
            ["单雄信", "13900000000", ID_1956.lower(), None],  # same ID
            ["王五", None, ID_1956, None],  # the same ID with another name: an error
        ],
    )
    with db.write() as session:
        report = roster.validate(session, admin, preview, preview.mapping)
        statuses = report.statuses()
        assert [statuses[n] for n in range(2, 8)] == [
            RowStatus.NEW,
            RowStatus.REPEATED,
            RowStatus.NEW,
            RowStatus.NEW,
            RowStatus.REPEATED,
            RowStatus.ERROR,
        ]
        repeated = [i for i in report.issues if i.kind is IssueKind.REPEATED]
        assert [i.row for i in repeated] == [3, 6]
        assert " 2" in repeated[0].message and " 5" in repeated[1].message  # "as row 2"
        roster.import_rows(session, admin, preview, preview.mapping)
    with db.write() as session:
        assert sorted(p.name for p in session.scalars(select(Person))) == [
            "单雄信",
            "张三",
            "张小三",
        ]


def test_people_on_file_are_matched_and_only_their_blanks_filled(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    with db.write() as session:
        zhang = people.register(
            session,
            admin,
            PersonInput(name="张三", phone="13812345678", address="老地址", consent=True),
        )
        shan = people.register(
            session, admin, PersonInput(name="单雄信", id_number=ID_1956, consent=True)
        )
        li = people.register(
            session, admin, PersonInput(name="李四", phone="13900000000", consent=True)
        )
    preview = roster.RosterPreview.from_rows(
        ["姓名", "手机", "身份证号", "社区", "楼组", "地址", "标签"],
        [
            ["张三", "13812345678", None, "东苑社区", "3号楼组", "新地址", "党员"],
            ["单雄信", "13700000000", ID_1956, None, None, "友邻路2号", None],
            ["李四", "13900000000", None, None, None, None, None],  # nothing new
            ["李小四", "13900000000", None, None, None, None, None],  # shares 李四's phone
            ["单雄信", None, ID_1956, None, None, None, None],  # repeats row 3's person
            ["王五", None, ID_1956, None, None, None, None],  # that ID is 单雄信's
        ],
    )
    with db.write() as session:
        result = roster.import_rows(session, admin, preview, preview.mapping)
    report = result.report
    statuses = report.statuses()
    assert [statuses[n] for n in range(2, 8)] == [
        RowStatus.MATCHED,
        RowStatus.MATCHED,
        RowStatus.MATCHED,
        RowStatus.NEW,
        RowStatus.REPEATED,
        RowStatus.ERROR,
    ]
    notes = [i for i in report.issues if i.kind is IssueKind.NOTE]
    assert [(i.row, i.field) for i in notes] == [(5, F.PHONE)]
    assert zhang.member_code in next(i.message for i in report.issues if i.row == 2)
    assert "单雄信" in report.errors_of(7)[0].message
    assert (result.added, result.completed) == (1, 2)
    with db.write() as session:
        assert people_count(session) == 4
        zhang_now = session.get(Person, zhang.id)
        shan_now = session.get(Person, shan.id)
        li_now = session.get(Person, li.id)
        assert zhang_now is not None and shan_now is not None and li_now is not None
        assert zhang_now.address == "老地址"  # never overwritten
        assert (zhang_now.community_id, zhang_now.building_group_id) == (
            places["east"],
            places["east_3"],
        )
        assert [t.name for t in zhang_now.tags] == ["党员"]
        assert shan_now.phone == "13700000000" and shan_now.phone_reversed == "00000000731"
        assert shan_now.address == "友邻路2号"
        assert li_now.address == ""
        detail = json.loads(import_events(session)[0].detail)
        assert (detail["added"], detail["matched"], detail["completed"]) == (1, 3, 2)


def test_an_import_again_changes_nothing(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    preview = roster.RosterPreview.from_rows(
        ["姓名", "手机", "标签"], [["张三", "13812345678", "党员"], ["李四", "13900000000", ""]]
    )
    with db.write() as session:
        assert roster.import_rows(session, admin, preview, preview.mapping).added == 2
    with db.write() as session:
        again = roster.import_rows(session, admin, preview, preview.mapping)
    assert not again.written and again.report.matched == 2
    with db.write() as session:
        assert people_count(session) == 2
        assert session.scalar(select(func.count()).select_from(PersonTag)) == 1
        assert session.scalar(select(func.count()).select_from(Tag)) == 1
        assert len(import_events(session)) == 1


def test_a_building_group_alone_finds_its_community_unless_ambiguous(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    preview = roster.RosterPreview.from_rows(
        ["姓名", "楼组"], [["张三", "3号楼组"], ["李四", "1号楼组"], ["王五", "东苑"]]
    )
    with db.write() as session:
        report = roster.validate(session, admin, preview, preview.mapping)
    assert report.statuses()[2] is RowStatus.NEW
    assert [i.field for i in report.errors_of(3)] == [F.BUILDING_GROUP]  # 东苑 and 西苑 have one
    assert [i.field for i in report.errors_of(4)] == [F.BUILDING_GROUP]


def test_the_mapping_may_be_changed_and_is_checked(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    preview = roster.RosterPreview.from_rows(["户主", "号码"], [["张三", "13812345678"]])
    assert preview.mapping == {}
    with db.write() as session:
        with pytest.raises(ValidationError) as no_name:
            roster.validate(session, admin, preview, {})
        assert no_name.value.field == "mapping"
        with pytest.raises(ValidationError):
            roster.validate(session, admin, preview, {F.NAME: 0, F.PHONE: 0})
        with pytest.raises(ValidationError):
            roster.validate(session, admin, preview, {F.NAME: 5})
        result = roster.import_rows(session, admin, preview, {F.NAME: 0, F.PHONE: 1})
    assert result.added == 1


@pytest.mark.parametrize("role", ["desk", "staff"])
def test_only_an_admin_may_import(
    role: str, request: pytest.FixtureRequest, db: Database, places: dict[str, int]
) -> None:
    actor: Actor = request.getfixturevalue(role)
    preview = roster.RosterPreview.from_rows(["姓名"], [["张三"]])
    with db.write() as session:
        with pytest.raises(PermissionDenied):
            roster.validate(session, actor, preview, preview.mapping)
        with pytest.raises(PermissionDenied):
            roster.import_rows(session, actor, preview, preview.mapping, ImportMode.VALID_ROWS)
        assert people_count(session) == 0


def test_the_report_reads_in_english_and_chinese(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    from app import i18n

    preview = roster.RosterPreview.from_rows(["姓名", "手机"], [["张三", "12"], ["李四", ""]])
    with db.write() as session:
        report = roster.validate(session, admin, preview, preview.mapping)
        lines_zh = roster.report_lines(report, limit=5)
        i18n.set_language("en")
        report_en = roster.validate(session, admin, preview, preview.mapping)
    lines_en = roster.report_lines(report_en, limit=5)
    assert lines_en == [
        "Row 2 · Phone · Error: Enter an 11-digit mobile number or a landline such as 021-12345678."
    ]
    assert lines_zh[0].startswith("第 2 行")
    assert "2 rows: 1 new," in roster.counts_text(report_en)


def test_bad_cells_read_from_a_workbook_are_reported_like_typed_ones(
    tmp_path: Path, db: Database, admin: Actor, places: dict[str, int]
) -> None:
    rows = [
        ["张三😀", "男", 1956, "13812345678", None, None, None, None, None],
        ["李四", None, 1960, "'; DROP TABLE person;--", None, None, None, None, None],
        ["王五", None, None, None, ID_1956[:-1] + ("0" if ID_1956[-1] != "0" else "1")]
        + [None] * 4,
        ["赵六", None, "1957-02-29", None, None, None, None, None, None],
    ]
    preview = roster.read_roster(write_xlsx(tmp_path / "r.xlsx", [HEADER, *rows]))
    with db.write() as session:
        report = roster.validate(session, admin, preview, preview.mapping)
        assert [(i.row, i.field) for i in report.issues] == [
            (2, F.NAME),
            (3, F.PHONE),
            (4, F.ID_NUMBER),
            (5, F.BIRTH),
        ]
        result = roster.import_rows(session, admin, preview, preview.mapping, "all_or_nothing")
        assert not result.written and people_count(session) == 0


def test_a_gender_against_the_id_number_is_a_warning_and_the_chosen_rule_is_written(
    db: Database, admin: Actor
) -> None:
    rows = [["张三", "女", ID_1956], ["李四", "女", ID_1962], ["王五", "男", None]]
    preview = roster.RosterPreview.from_rows(["姓名", "性别", "身份证号"], rows)
    with db.read() as session:
        report = roster.validate(session, admin, preview, preview.mapping)
    assert (report.errors, report.valid, report.gender_conflicts) == (0, 3, 1)
    (warning,) = [issue for issue in report.issues if issue.kind is IssueKind.WARNING]
    assert (warning.row, warning.field) == (2, F.GENDER)
    assert warning.message == "性别“女”与身份证号不符：按身份证号第17位应为“男”。"
    assert roster.issue_text(warning).startswith("第 2 行 · 性别 · 警告")
    assert "有 1 行填写的性别与身份证号不符" in roster.counts_text(report)
    assert roster.ordered_issues(report)[0] is warning
    with db.write() as session:
        kept = roster.import_rows(
            session, admin, preview, preview.mapping, gender_rule="as_written"
        )
    assert kept.added == 3 and "已保留花名册中填写的性别" in roster.summary(kept)
    with db.read() as session:
        genders = {
            name: gender for name, gender in session.execute(select(Person.name, Person.gender))
        }
        detail = json.loads(import_events(session)[0].detail)
    assert genders == {"张三": "F", "李四": "F", "王五": "M"}
    assert detail["gender_rule"] == "as_written"


def test_by_default_the_gender_comes_from_the_id_number_also_to_fill_a_blank_on_file(
    db: Database, admin: Actor
) -> None:
    with db.write() as session:  # 张三 is on file, without a gender or an ID number
        people.register(session, admin, PersonInput(name="张三", phone="13812345678", consent=True))
    rows = [["张三", "女", "13812345678", ID_1956], ["赵六", "男", None, ID_1962]]
    preview = roster.RosterPreview.from_rows(["姓名", "性别", "手机", "身份证号"], rows)
    result = roster.import_roster(db, admin, preview, preview.mapping)
    assert (result.added, result.completed, result.report.gender_conflicts) == (1, 1, 2)
    assert "已按身份证号确定" in roster.summary(result)
    with db.read() as session:
        genders = {
            name: gender for name, gender in session.execute(select(Person.name, Person.gender))
        }
    assert genders == {"张三": "M", "赵六": "F"}
