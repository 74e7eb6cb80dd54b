"""What a roster's column may hold, how its title is recognised, and how a cell reads as text."""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from app.i18n import translate

LOOKUP_CHUNK = 500  # values per IN (...) when matching against the people on file


class RosterField(enum.StrEnum):
    """What a column of the roster may hold."""

    NAME = "name"
    GENDER = "gender"
    BIRTH = "birth"  # a year (1956) or a date (1956-03-05)
    PHONE = "phone"
    ID_NUMBER = "id_number"
    COMMUNITY = "community"
    BUILDING_GROUP = "building_group"
    ADDRESS = "address"
    TAGS = "tags"
    NOTE = "note"


# Column titles, compared after folding (NFKC, lower case, no spaces, no "(必填)" or "*").
HEADERS: dict[RosterField, tuple[str, ...]] = {
    RosterField.NAME: ("姓名", "名字", "居民姓名", "name", "fullname", "名称"),
    RosterField.GENDER: ("性别", "gender", "sex"),
    RosterField.BIRTH: (
        "出生年份",
        "出生日期",
        "出生年月",
        "出生年月日",
        "出生年",
        "生日",
        "birthyear",
        "yearofbirth",
        "dateofbirth",
        "birthdate",
        "birthday",
        "born",
    ),
    RosterField.PHONE: (
        "手机",
        "手机号",
        "手机号码",
        "电话",
        "联系电话",
        "电话号码",
        "联系方式",
        "移动电话",
        "phone",
        "mobile",
        "telephone",
        "tel",
        "phonenumber",
        "mobilephone",
    ),
    RosterField.ID_NUMBER: (
        "身份证号",
        "身份证",
        "身份证号码",
        "公民身份号码",
        "证件号码",
        "证件号",
        "idnumber",
        "idno",
        "idcard",
        "residentid",
    ),
    RosterField.COMMUNITY: ("社区", "所属社区", "居委", "居委会", "community"),
    RosterField.BUILDING_GROUP: ("楼组", "楼栋", "所属楼组", "buildinggroup", "building"),
    RosterField.ADDRESS: ("地址", "住址", "家庭住址", "居住地址", "详细地址", "address"),
    RosterField.TAGS: ("标签", "身份标签", "身份", "tags", "tag"),
    RosterField.NOTE: ("备注", "说明", "note", "notes", "remark", "remarks"),
}
_EXACT = {title: fld for fld, titles in HEADERS.items() for title in titles}
# For titles such as 居民手机号码 or "Mobile phone (private)": the longest known title inside.
_CONTAINED = sorted(
    ((title, fld) for title, fld in _EXACT.items() if len(title) >= 2),
    key=lambda pair: -len(pair[0]),
)

ColumnMapping = Mapping[RosterField, int]  # field → column (0-based)


def field_label(fld: RosterField) -> str:
    """The field's name in the user's language (report and mapping choices)."""
    labels = {
        RosterField.NAME: translate("Roster", "Name"),
        RosterField.GENDER: translate("Roster", "Gender"),
        RosterField.BIRTH: translate("Roster", "Birth year or date"),
        RosterField.PHONE: translate("Roster", "Phone"),
        RosterField.ID_NUMBER: translate("Roster", "ID number"),
        RosterField.COMMUNITY: translate("Roster", "Community"),
        RosterField.BUILDING_GROUP: translate("Roster", "Building group"),
        RosterField.ADDRESS: translate("Roster", "Address"),
        RosterField.TAGS: translate("Roster", "Tags"),
        RosterField.NOTE: translate("Roster", "Note"),
    }
    return labels[fld]


_BRACKETS = re.compile(r"[(（\[【].*?[)）\]】]")
_NOT_TITLE = re.compile(r"[\s*:：_\-./、#№]+")


def _header_key(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).lower()
    text = _BRACKETS.sub("", text)
    return _NOT_TITLE.sub("", text)


def guess_mapping(headers: Sequence[str]) -> dict[RosterField, int]:
    """Which column holds which field, from the titles: exact titles first, then titles that
    contain a known one (居民手机号码 → phone); each field goes to one column, the leftmost."""
    keys = [_header_key(title) for title in headers]
    mapping: dict[RosterField, int] = {}
    for column, key in enumerate(keys):
        fld = _EXACT.get(key)
        if fld is not None and fld not in mapping:
            mapping[fld] = column
    taken = set(mapping.values())
    for column, key in enumerate(keys):
        if column in taken or not key:
            continue
        for title, fld in _CONTAINED:
            if title in key:
                if fld not in mapping:
                    mapping[fld] = column
                    taken.add(column)
                break
    return mapping


def cell_text(value: object) -> str:
    """A cell as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def column_letter(column: int) -> str:
    """Excel's name of a 0-based column: A … Z, AA …"""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
