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
from app.models import AuditEvent, Purpose, Visit
from app.security import Actor
from app.services import communities, export, people
from app.services.people import PersonInput
from tests.test_roster import ID_1956


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
