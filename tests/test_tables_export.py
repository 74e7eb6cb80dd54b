"""Any list or statistics table to .xlsx (app.services.tables): Chinese titles, real dates,
masked numbers in lists of people, the right permission per kind, audited, no file when refused."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import i18n
from app.db import Database
from app.errors import PermissionDenied, ValidationError
from app.models import AuditEvent
from app.progress import Cancelled, Progress
from app.security import Actor
from app.services import tables
from app.services.tables import Table, TableKind


@pytest.fixture(autouse=True)
def chinese_texts() -> object:
    i18n.set_language("zh_CN")
    yield None
    i18n.set_language("en")


def _log(db: Database) -> list[tuple[str, int | None, str]]:
    """The export events: entity, account, detail."""
    with db.read() as session:
        return [
            (event.entity, event.account_id, event.detail)
            for event in session.scalars(
                select(AuditEvent).where(AuditEvent.action == "export").order_by(AuditEvent.id)
            )
        ]


VISITS = Table(
    "接待记录 2026-11-25",
    ["时间", "姓名", "联系电话", "事由", "备注"],
    [
        [dt.datetime(2026, 11, 25, 9, 30), "张三", "138****5678", "政务", "儿子 139 1234 5678"],
        [dt.datetime(2026, 11, 25, 10, 5), "李四", "13712345678", "生活服务", "=1+1"],
    ],
    TableKind.PEOPLE,
)


def test_a_list_of_people_has_chinese_titles_real_dates_and_masked_numbers(
    tmp_path: Path, db: Database, admin: Actor
) -> None:
    result = tables.export_table(db, admin, VISITS, tmp_path / "visits.xlsx")
    assert result.rows == 2 and result.path == tmp_path / "visits.xlsx"
    sheet = openpyxl.load_workbook(result.path).active
    assert sheet is not None
    assert sheet["A1"].value == "接待记录 2026-11-25" and sheet["A1"].font.bold
    assert "脱敏" in str(sheet["A2"].value)  # the note says the numbers are masked
    assert [cell.value for cell in sheet[3]] == ["时间", "姓名", "联系电话", "事由", "备注"]
    assert all(cell.font.bold for cell in sheet[3])
    assert sheet.freeze_panes == "A4"
    first = sheet["A4"]
    assert isinstance(first.value, dt.datetime) and first.is_date
    assert first.value == dt.datetime(2026, 11, 25, 9, 30)
    assert first.number_format == "yyyy-mm-dd hh:mm"
    assert sheet["C4"].value == "138****5678"
    assert sheet["C5"].value == "137****5678"  # masked by the service, whatever the desk gave
    assert sheet["E4"].value == "儿子 139****5678"
    assert sheet["E5"].value == "=1+1" and sheet["E5"].data_type == "s"  # text, not a formula
    assert (sheet.column_dimensions["A"].width or 0) >= 16


def test_statistics_keep_numbers_dates_and_column_formats(
    tmp_path: Path, db: Database, staff: Actor
) -> None:
    table = Table(
        "各社区服务统计 2026年11月",
        ["社区", "日期", "来访人次", "志愿服务时长", "出勤率"],
        [
            ["友邻新村", dt.date(2026, 11, 1), 120, Decimal("12.5"), 0.85],
            ["合计", dt.date(2026, 11, 30), 1200, Decimal("100"), 0.9],
        ],
        TableKind.STATISTICS,
        formats=[None, None, "#,##0", "0.0", "0.0%"],
        note="统计期 2026年11月",
    )
    result = tables.export_table(db, staff, table, tmp_path / "stats")  # .xlsx is added
    assert result.path.name == "stats.xlsx"
    sheet = openpyxl.load_workbook(result.path).active
    assert sheet is not None
    assert str(sheet["A2"].value).startswith("统计期 2026年11月")
    assert [cell.value for cell in sheet[3]] == table.headers
    assert sheet["B4"].is_date and sheet["B4"].number_format == "yyyy-mm-dd"
    assert sheet["B4"].value == dt.datetime(2026, 11, 1)
    assert sheet["C4"].value == 120 and sheet["C4"].number_format == "#,##0"
    assert sheet["D4"].value == 12.5 and sheet["E4"].number_format == "0.0%"
    assert sheet["A5"].value == "合计"
    entity, account_id, detail = _log(db)[-1]
    assert entity == "table" and account_id == staff.account_id
    assert json.loads(detail) == {
        "file": "stats.xlsx",
        "format": "xlsx",
        "full": False,
        "kind": "statistics",
        "rows": 2,
        "title": "各社区服务统计 2026年11月",
    }


def test_who_may_export_what_is_decided_by_the_service(
    tmp_path: Path, db: Database, desk: Actor, staff: Actor
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    statistics = Table("统计", ["社区", "人次"], [["友邻新村", 3]], TableKind.STATISTICS)
    with pytest.raises(PermissionDenied):
        tables.export_table(db, desk, statistics, out / "a.xlsx")
    with pytest.raises(PermissionDenied):
        tables.export_table(db, desk, VISITS, out / "b.xlsx")
    with pytest.raises(PermissionDenied):  # staff see the lists but don't take them away
        tables.export_table(db, staff, VISITS, out / "c.xlsx")
    assert list(out.iterdir()) == [] and _log(db) == []
    assert not tables.may_export(desk, TableKind.STATISTICS)
    assert tables.may_export(staff, TableKind.STATISTICS)
    assert not tables.may_export(staff, TableKind.PEOPLE)


def test_a_reader_reads_in_the_exports_own_transaction(
    tmp_path: Path, db: Database, admin: Actor
) -> None:
    def read(session: Session) -> list[list[object]]:
        day = session.scalar(text("select 1"))
        return [[f"第{n}行", day, "13912345678"] for n in range(1, 4)]

    table = Table("名单", ["行", "数", "电话"], read, TableKind.PEOPLE)
    reports: list[tuple[int, int, str]] = []
    result = tables.export_table(
        db, admin, table, tmp_path / "x.xlsx", progress=Progress(lambda *r: reports.append(r))
    )
    assert result.rows == 3
    sheet = openpyxl.load_workbook(result.path).active
    assert sheet is not None
    assert [sheet.cell(row, 3).value for row in (4, 5, 6)] == ["139****5678"] * 3
    assert reports[-1][0] == 3


def test_a_stopped_or_unwritable_export_leaves_no_file_and_no_record(
    tmp_path: Path, db: Database, admin: Actor
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        tables.export_table(db, admin, VISITS, out / "v.xlsx", progress=progress)
    with pytest.raises(ValidationError) as raised:
        tables.export_table(db, admin, VISITS, out / "missing" / "v.xlsx")
    assert raised.value.field == "path"
    assert list(out.iterdir()) == [] and _log(db) == []


def test_the_proposed_file_name_is_the_title_and_the_day() -> None:
    assert tables.file_name("接待记录", dt.date(2026, 11, 28)) == "接待记录 2026-11-28.xlsx"
    assert tables.file_name("报名名单: 太极/拳?", dt.date(2026, 11, 28)) == (
        "报名名单- 太极-拳 2026-11-28.xlsx"
    )
