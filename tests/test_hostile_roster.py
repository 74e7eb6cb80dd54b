"""The roster importer fed hostile workbooks: damaged or foreign files, wrong types, huge cells,
formulas, rare CJK characters and emoji, control characters (as Excel escapes them, _x0000_),
RTL marks, very long strings. Reading ends in a ValidationError on "file" or a preview; the
import in people written or a report, never another exception, never half a row."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from app.db import Database
from app.errors import ValidationError
from app.security import Actor
from app.services import roster
from tests.hostile import HOSTILE, NASTY, TRIED, hostile_text, refused_or_done

HEADERS = ["姓名", "性别", "出生年份", "手机号", "身份证号", "社区", "楼组", "地址", "标签", "备注"]

# What openpyxl can put in a cell: text without the XML-illegal control characters (Excel
# writes those as _xHHHH_, which the reader turns back into the character), numbers of every
# size, dates, booleans, formulas, nothing.
CONTROL = [f"_x{code:04X}_" for code in (0, 1, 8, 0x1B, 0x1F)] + ["_x202E_张三"]
cell_text = st.one_of(hostile_text, st.sampled_from(CONTROL)).map(
    lambda text: "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")[:32767]
)
cell = st.one_of(
    st.none(),
    cell_text,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)),
    st.booleans(),
    st.sampled_from(["=1+1", "=A1", "=NOW()", '=HYPERLINK("http://x","点")', "=1/0"]),
)


def workbook(path: Path, headers: list[Any], rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def read_and_import(db: Database, admin: Actor, path: Path, mode: str) -> None:
    try:
        preview = roster.read_roster(path)
    except ValidationError as error:
        TRIED["refused"] += 1
        assert error.field == "file" and error.message
        return
    refused_or_done(
        db,
        admin,
        lambda session, actor: roster.import_rows(session, actor, preview, preview.mapping, mode),
    )


@HOSTILE
@given(
    rows=st.lists(st.lists(cell, min_size=0, max_size=12), min_size=0, max_size=8),
    headers=st.one_of(st.just(HEADERS), st.lists(cell, max_size=12)),
    mode=st.sampled_from(["valid_rows", "all_or_nothing"]),
)
def test_hostile_cells_are_imported_or_reported(
    db: Database,
    admin: Actor,
    tmp_path: Path,
    rows: list[list[Any]],
    headers: list[Any],
    mode: str,
) -> None:
    read_and_import(db, admin, workbook(tmp_path / "花名册.xlsx", headers, rows), mode)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@HOSTILE
@given(
    damage=st.one_of(
        st.binary(max_size=2000),
        st.sampled_from(
            [
                b"",
                b"PK\x03\x04",
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,  # an old .xls
                "姓名,手机号\n张三,13812345678\n".encode("gbk"),  # a .csv renamed
                _zip({"hello.txt": b"not a workbook"}),
                _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<broken"}),
            ]
        ),
    ),
    cut=st.integers(min_value=0, max_value=5000),
    flip=st.integers(min_value=0, max_value=5000),
)
def test_damaged_files_are_refused_with_a_message(
    db: Database, admin: Actor, tmp_path: Path, damage: bytes, cut: int, flip: int
) -> None:
    good = workbook(tmp_path / "good.xlsx", HEADERS, [["张三", "男", 1950, "13812345678"]])
    whole = good.read_bytes()
    for index, data in enumerate(
        [
            damage,
            whole[:cut],
            whole[:flip] + bytes([whole[flip % len(whole)] ^ 0xFF]) + whole[flip + 1 :],
        ]
    ):
        path = tmp_path / f"bad{index}.xlsx"
        path.write_bytes(data)
        read_and_import(db, admin, path, "valid_rows")


def test_names_of_every_kind_in_one_roster(db: Database, admin: Actor, tmp_path: Path) -> None:
    names = [
        printable
        for text in NASTY
        if 0 < len(printable := "".join(ch for ch in text if ch >= " ")) < 6000
    ]
    rows = [[name, None, None, None, None, None, None, name, name, name] for name in names]
    read_and_import(db, admin, workbook(tmp_path / "names.xlsx", HEADERS, rows), "valid_rows")
