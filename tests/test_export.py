"""Exports of the register and the visit log: masked unless asked, audited, admin only, and files
that Excel opens right (a BOM on the .csv, text that stays text)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app import i18n
from app.db import Database
from app.errors import PermissionDenied, ValidationError
from app.models import AuditEvent, Person, Purpose, Visit
from app.progress import Cancelled, Progress
from app.security import Actor
from app.services import communities, export, people
from app.services.people import PersonInput
from tests.test_roster import ID_1956, ID_1962


@pytest.fixture
def register(db: Database, admin: Actor) -> dict[str, int]:
    with db.write() as session:
        east = communities.add_community(session, admin, "东苑社区")
        group = communities.add_building_group(session, admin, east.id, "3号楼组")
        zhang = people.register(
            session,
            admin,
            PersonInput(
                name="张三",
                phone="13812345678",
                id_number=ID_1956,
                community_id=east.id,
                building_group_id=group.id,
                address="友邻路3号101室",
                tags=("党员", "志愿者"),
                consent=True,
                note='=HYPERLINK("http://example.com")',
            ),
        )
        li = people.register(
            session, admin, PersonInput(name="李四", phone="021-57681234", consent=True)
        )
        session.add(
            Visit(
                person_id=zhang.id,
                community_id=east.id,
                at=dt.datetime(2026, 3, 4, 9, 30),
                purpose=Purpose.GOVERNMENT.value,
                account_id=admin.account_id,
            )
        )
        session.add(
            Visit(
                person_id=None,
                community_id=east.id,
                at=dt.datetime(2025, 1, 2, 10, 0),
                purpose=Purpose.ACTIVITY.value,
                anonymised=True,
            )
        )
    return {"zhang": zhang.id, "li": li.id}


def _export_events(db: Database) -> list[dict[str, object]]:
    with db.write() as session:
        return [
            {"entity": e.entity, "account": e.account_id, **json.loads(e.detail)}
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        ]


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def _read_xlsx(path: Path) -> list[tuple[object, ...]]:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_people_are_masked_by_default(
    tmp_path: Path, db: Database, admin: Actor, register: dict[str, int]
) -> None:
    with db.write() as session:
        result = export.export(session, admin, "people", tmp_path / "people.csv")
    assert (result.rows, result.full, result.file_format) == (2, False, export.ExportFormat.CSV)
    header, zhang, li = _read_csv(tmp_path / "people.csv")
    assert header[:6] == ["会员编号", "姓名", "性别", "出生年份", "联系电话", "身份证号"]
    assert zhang[:9] == [
        "YL000001",
        "张三",
        "男",
        "1956",
        "138****5678",
        ID_1956[:4] + "*" * 10 + ID_1956[-4:],
        "东苑社区",
        "3号楼组",
        "友邻路3号101室",
    ]
    assert zhang[9] == "党员、志愿者" and zhang[10] == "是"
    assert zhang[12].startswith("'=")  # text, not a formula Excel would run
    assert li[4] == "021-****1234" and li[5] == ""
    text = (tmp_path / "people.csv").read_text(encoding="utf-8-sig")
    assert "13812345678" not in text and ID_1956 not in text
    (event,) = _export_events(db)
    assert event == {
        "entity": "person",
        "account": admin.account_id,
        "rows": 2,
        "format": "csv",
        "full": False,
        "file": "people.csv",
    }


def test_full_values_only_when_asked(
    tmp_path: Path, db: Database, admin: Actor, register: dict[str, int]
) -> None:
    with db.write() as session:
        result = export.export(session, admin, "people", tmp_path / "people.xlsx", full=True)
    assert result.full and result.file_format is export.ExportFormat.XLSX
    rows = _read_xlsx(tmp_path / "people.xlsx")
    assert rows[1][4] == "13812345678" and rows[1][5] == ID_1956  # text cells: no digits lost
    assert rows[1][12] == '=HYPERLINK("http://example.com")'
    workbook = openpyxl.load_workbook(tmp_path / "people.xlsx")
    assert workbook.active is not None and workbook.active["M2"].data_type == "s"
    assert _export_events(db)[0]["full"] is True
    assert "完整" in export.summary(result)  # says in words that the file holds full numbers


def test_visits_export_with_purpose_names_and_anonymised_ones(
    tmp_path: Path, db: Database, admin: Actor, register: dict[str, int]
) -> None:
    i18n.set_language("en")
    with db.write() as session:
        result = export.export(
            session, admin, export.ExportKind.VISITS, tmp_path / "v.data", file_format="csv"
        )
    assert result.rows == 2
    header, old, new = _read_csv(tmp_path / "v.data")
    assert header[0] == "Time" and header[5] == "Purpose"
    assert old[2] == "(anonymised)" and old[5] == "Activity" and old[3] == ""
    assert new[:6] == [
        "2026-03-04 09:30",
        "YL000001",
        "张三",
        "138****5678",
        "东苑社区",
        "Government affairs",
    ]
    assert new[7] == "管理员" and new[8] == "no"
    assert _export_events(db)[0]["entity"] == "visit"


@pytest.mark.parametrize("role", ["desk", "staff"])
def test_only_an_admin_may_export(
    role: str, request: pytest.FixtureRequest, tmp_path: Path, db: Database
) -> None:
    actor: Actor = request.getfixturevalue(role)
    with db.write() as session, pytest.raises(PermissionDenied):
        export.export(session, actor, "people", tmp_path / "p.csv")
    assert not (tmp_path / "p.csv").exists()
    assert _export_events(db) == []


def test_an_unwritable_place_is_said_and_leaves_no_file(
    tmp_path: Path, db: Database, admin: Actor, register: dict[str, int]
) -> None:
    with db.write() as session, pytest.raises(ValidationError) as raised:
        export.export(session, admin, "people", tmp_path / "no-such-folder" / "p.xlsx")
    assert raised.value.field == "path" and "no-such-folder" in raised.value.message
    with db.write() as session, pytest.raises(ValidationError):
        export.export(session, admin, "people", tmp_path)
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".part")]
    assert _export_events(db) == []


def test_an_empty_register_exports_its_header(tmp_path: Path, db: Database, admin: Actor) -> None:
    with db.write() as session:
        result = export.export(session, admin, "people", tmp_path / "p.xlsx")
    assert result.rows == 0 and len(_read_xlsx(tmp_path / "p.xlsx")) == 1


@pytest.fixture
def notes(db: Database, admin: Actor, register: dict[str, int]) -> None:
    """Numbers typed into a person's note, an address and a visit's note."""
    with db.write() as session:
        person = session.get(Person, register["li"])
        assert person is not None
        person.note = "儿子 139 1234 5678，家里（021）5768-1234"
        person.address = "友邻路8号 电话１３６１２３４５６７８"
        session.add(
            Visit(
                person_id=register["li"],
                at=dt.datetime(2026, 3, 5, 14, 5),
                purpose=Purpose.OTHER.value,
                note=f"代办人身份证 {ID_1962}，手机13712345678",
            )
        )


def test_numbers_typed_into_notes_are_masked_too(
    tmp_path: Path, db: Database, admin: Actor, notes: None
) -> None:
    with db.write() as session:
        export.export(session, admin, "people", tmp_path / "people.csv")
        export.export(session, admin, "visits", tmp_path / "visits.xlsx")
    people_rows = _read_csv(tmp_path / "people.csv")
    li = next(row for row in people_rows if row[1] == "李四")
    assert li[12] == "儿子 139****5678，家里021-****1234"
    assert li[8] == "友邻路8号 电话136****5678"
    visits = _read_xlsx(tmp_path / "visits.xlsx")
    note = next(str(row[6]) for row in visits[1:] if row[6])
    assert note == f"代办人身份证 {ID_1962[:4]}**********{ID_1962[-4:]}，手机137****5678"
    text = (tmp_path / "people.csv").read_text(encoding="utf-8-sig")
    assert "1234 5678" not in text and "5768-1234" not in text and "１２３４５６７８" not in text
    # With full values asked for, the notes are as typed.
    with db.write() as session:
        export.export(session, admin, "visits", tmp_path / "full.csv", full=True)
    assert ID_1962 in (tmp_path / "full.csv").read_text(encoding="utf-8-sig")


def test_times_are_spreadsheet_dates_in_a_workbook_and_iso_text_in_a_csv(
    tmp_path: Path, db: Database, admin: Actor, register: dict[str, int]
) -> None:
    with db.write() as session:
        export.export(session, admin, "visits", tmp_path / "v.xlsx")
        export.export(session, admin, "people", tmp_path / "p.xlsx")
        export.export(session, admin, "visits", tmp_path / "v.csv")
    sheet = openpyxl.load_workbook(tmp_path / "v.xlsx").active
    assert sheet is not None
    newest = sheet["A3"]
    assert newest.value == dt.datetime(2026, 3, 4, 9, 30) and newest.is_date
    assert newest.number_format == export.DATE_TIME_FORMAT
    assert (sheet.column_dimensions["A"].width or 0) >= 16  # wide enough not to show ####
    people_sheet = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    assert people_sheet is not None
    registered = people_sheet["L2"]
    assert isinstance(registered.value, dt.datetime) and registered.is_date
    assert registered.number_format == export.DATE_TIME_FORMAT
    assert people_sheet["D2"].value == 1956  # a birth year stays a number, not a date
    assert _read_csv(tmp_path / "v.csv")[2][0] == "2026-03-04 09:30"


def test_export_file_reads_without_a_lock_and_records_the_export_after(
    tmp_path: Path, db: Database, admin: Actor, register: dict[str, int]
) -> None:
    reports: list[tuple[int, int, str]] = []
    result = export.export_file(
        db, admin, "people", tmp_path / "p.xlsx", progress=Progress(lambda *r: reports.append(r))
    )
    assert result.rows == 2 and (tmp_path / "p.xlsx").exists()
    assert reports[-1][:2] == (2, 2)
    (event,) = _export_events(db)
    assert event["rows"] == 2 and event["file"] == "p.xlsx"


def test_a_stopped_export_leaves_no_file_and_no_record(
    tmp_path: Path, db: Database, admin: Actor, register: dict[str, int]
) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        export.export_file(db, admin, "people", tmp_path / "p.csv", progress=progress)
    assert not (tmp_path / "p.csv").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert _export_events(db) == []


def test_only_an_admin_may_export_a_file(
    tmp_path: Path, db: Database, staff: Actor, register: dict[str, int]
) -> None:
    with pytest.raises(PermissionDenied):
        export.export_file(db, staff, "people", tmp_path / "p.csv")
    assert not (tmp_path / "p.csv").exists() and _export_events(db) == []
