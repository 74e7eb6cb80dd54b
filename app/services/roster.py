"""Import a roster of residents (花名册) from an Excel workbook (.xlsx). Admin only, audited.

Three steps, so a person sees everything before anything is written:

1. `read_roster(path)` finds the header row (in the first rows of the sheet) and guesses which
   column holds which field from its title (姓名, 手机号, 身份证号 …, or English): a
   `RosterPreview`.
   A file that can't be read (damaged, password-protected, the old .xls, empty, no name column)
   raises one ValidationError (field "file") saying so.
2. `validate(session, actor, preview, mapping)` checks every row with the register's own field
   checks (app/people_fields.py), looks communities and building groups up by name, and matches
   rows against the people on file and against the rows above them: a `RosterReport` that lists,
   row by row, the errors, the people already on file and the rows repeated in the file.
3. `import_rows(...)` validates again inside the writing transaction and writes the people, their
   pinyin search keys and tags in bulk (Core executemany, no ORM object per row), with one audit
   event that holds the counts. Mode "valid_rows" leaves the rows with errors out; mode
   "all_or_nothing" writes nothing when any row has an error.

A row is the same person as one on file (or one higher up in the file) when its ID number is,
or when its phone number and its name both are. Such a row is never registered twice: it fills
in what the record on file leaves empty (gender, birth year, phone, ID number, community and
building group, address, note) and adds its tags, but never overwrites a value on file. The same
phone with another name is a family sharing a number: a new person, with a note in the report.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock, people_fields, validation
from app.errors import ConflictError, ValidationError
from app.i18n import translate
from app.models import BuildingGroup, Community, Gender, Person, PersonSearchKey, PersonTag, Tag
from app.pinyin import search_keys
from app.security import Actor, Permission
from app.services import audit
from app.services.people import (
    ADDRESS_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    TAG_MAX_LENGTH,
    next_member_codes,
)

HEADER_SCAN_ROWS = 10  # the header may sit under a title and a blank row or two
MAX_ROWS = 100_000  # rows of people in one import
REPORT_SAMPLES = 3  # example values per column in the preview
_LOOKUP_CHUNK = 500  # values per IN (...) when matching against the people on file
_INSERT_BATCH = 5_000

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # compound file: the old .xls, or an encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"

_PERSON = cast(Table, Person.__table__)
_KEY = cast(Table, PersonSearchKey.__table__)
_PERSON_TAG = cast(Table, PersonTag.__table__)
_TAG = cast(Table, Tag.__table__)


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


class ImportMode(enum.StrEnum):
    VALID_ROWS = "valid_rows"  # import the rows without errors, leave the others out
    ALL_OR_NOTHING = "all_or_nothing"  # import nothing when any row has an error


class RowStatus(enum.StrEnum):
    NEW = "new"  # will be registered
    MATCHED = "matched"  # already on file: fills in blanks, adds tags
    REPEATED = "repeated"  # the same person as a row above it: left out
    ERROR = "error"


class IssueKind(enum.StrEnum):
    ERROR = "error"
    MATCHED = "matched"
    REPEATED = "repeated"
    NOTE = "note"  # for information; the row is imported


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


# --- Reading the workbook ------------------------------------------------------------------


@dataclass(frozen=True)
class RosterPreview:
    """A roster as read: its header row, its rows of people, and the guessed column mapping."""

    file_name: str
    sheet: str
    header_row: int  # 1-based row number in the sheet
    headers: tuple[str, ...]  # column titles as written ("" for an untitled column)
    rows: tuple[tuple[int, tuple[object, ...]], ...]  # (row number in the sheet, cell values)
    mapping: Mapping[RosterField, int]  # guessed: field → column (0-based)

    @classmethod
    def from_rows(
        cls,
        headers: Sequence[str],
        rows: Iterable[Sequence[object]],
        *,
        file_name: str = "",
        sheet: str = "",
        header_row: int = 1,
    ) -> RosterPreview:
        """A preview of rows already in memory (tests, other sources); the header is given."""
        numbered = [
            (header_row + offset, tuple(values))
            for offset, values in enumerate(rows, start=1)
            if not _is_empty(values)
        ]
        width = max([len(headers), *(_used_width(values) for _n, values in numbered)])
        body = tuple((number, _pad(values, width)) for number, values in numbered)
        titles = tuple(_text(title) for title in _pad(list(headers), width))
        return cls(file_name, sheet, header_row, titles, body, guess_mapping(titles))

    @property
    def columns(self) -> int:
        return len(self.headers)

    def samples(self, column: int, count: int = REPORT_SAMPLES) -> list[str]:
        """The first few non-empty values of a column, as text."""
        found: list[str] = []
        for _number, values in self.rows:
            text = _text(values[column]) if column < len(values) else ""
            if text:
                found.append(text)
                if len(found) == count:
                    break
        return found


def _file_error(message: str) -> ValidationError:
    return ValidationError("file", message)


def read_roster(path: str | Path) -> RosterPreview:
    """Read the first sheet with a name column; one ValidationError("file", …) if none can be."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError as error:
        raise _file_error(
            translate("Roster", "The file %1 was not found.").replace("%1", path.name)
        ) from error
    except OSError as error:
        raise _file_error(
            translate("Roster", "The file %1 can't be opened: %2")
            .replace("%1", path.name)
            .replace("%2", error.strerror or str(error))
        ) from error
    if not head:
        raise _file_error(translate("Roster", "The file %1 is empty.").replace("%1", path.name))
    if head == OLE_MAGIC:
        raise _file_error(_compound_file_message(path))
    if not head.startswith(ZIP_MAGIC):
        raise _file_error(_unreadable_message(path))
    try:
        # Imported here: openpyxl costs ~0.2 s to import, and only the importer needs it.
        import openpyxl

        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:
        # openpyxl raises many kinds on a damaged file (BadZipFile, KeyError, XML errors …).
        raise _file_error(_unreadable_message(path)) from error
    try:
        return _read_workbook(path, workbook)
    except ValidationError:
        raise
    except Exception as error:
        # The sheets are parsed lazily, while their rows are read: damage shows up only here.
        raise _file_error(_unreadable_message(path)) from error
    finally:
        workbook.close()


def _unreadable_message(path: Path) -> str:
    return translate(
        "Roster",
        "The file %1 can't be read as an Excel workbook (.xlsx); it may be damaged or of "
        "another kind. Open it in Excel or WPS and save it again as .xlsx.",
    ).replace("%1", path.name)


def _compound_file_message(path: Path) -> str:
    """An OLE compound file is either an encrypted .xlsx or a workbook of the old .xls kind."""
    try:
        content = path.read_bytes()[: 1 << 20]
    except OSError:
        content = b""
    if "EncryptionInfo".encode("utf-16-le") in content:
        encrypted = True
    elif "Workbook".encode("utf-16-le") in content or "Book".encode("utf-16-le") in content:
        encrypted = False
    else:
        encrypted = path.suffix.lower() != ".xls"
    if encrypted:
        return translate(
            "Roster",
            "The file %1 is protected with a password, so it can't be read. Open it in Excel or "
            "WPS, remove the password (or save a copy without one) and choose that copy.",
        ).replace("%1", path.name)
    return translate(
        "Roster",
        "The file %1 is an old Excel workbook (.xls). Open it in Excel or WPS and save it "
        "as .xlsx first.",
    ).replace("%1", path.name)


def _read_workbook(path: Path, workbook: Any) -> RosterPreview:
    sheets = list(workbook.worksheets)
    active = workbook.active
    if active in sheets:  # the sheet the file opens on comes first
        sheets.remove(active)
        sheets.insert(0, active)
    anything = False
    for sheet in sheets:
        if not hasattr(sheet, "iter_rows"):
            continue  # a chart sheet
        sheet.reset_dimensions()  # some programs write wrong dimensions; don't trust them
        rows: Iterator[tuple[object, ...]] = sheet.iter_rows(min_row=1, values_only=True)
        top: list[tuple[object, ...]] = []
        for values in rows:
            top.append(tuple(values))
            if len(top) == HEADER_SCAN_ROWS:
                break
        if any(not _is_empty(values) for values in top):
            anything = True
        found = _find_header(top)
        if found is None:
            continue
        header_index, mapping = found
        headers = top[header_index]
        width = max(len(headers), 1)
        body: list[tuple[int, tuple[object, ...]]] = []
        number = header_index + 1
        for values in _chain(top[header_index + 1 :], rows):
            number += 1
            if _is_empty(values):
                continue
            width = max(width, _used_width(values))
            body.append((number, tuple(values)))
            if len(body) > MAX_ROWS:
                raise _file_error(
                    translate(
                        "Roster",
                        "The sheet has more than %1 rows of people. Split it into smaller files.",
                    ).replace("%1", f"{MAX_ROWS:,}")
                )
        if not body:
            raise _file_error(
                translate(
                    "Roster", "The sheet “%1” has a header row but no rows of people under it."
                ).replace("%1", sheet.title)
            )
        titles = tuple(_text(value) for value in _pad(headers, width))
        padded = tuple((n, _pad(values, width)) for n, values in body)
        return RosterPreview(path.name, sheet.title, header_index + 1, titles, padded, mapping)
    if not anything:
        raise _file_error(
            translate("Roster", "The file %1 is empty: no cell is filled in.").replace(
                "%1", path.name
            )
        )
    raise _file_error(
        translate(
            "Roster",
            "No column of names was found in the first %1 rows of %2. The header row needs a "
            "column titled 姓名 (name).",
        )
        .replace("%1", str(HEADER_SCAN_ROWS))
        .replace("%2", path.name)
    )


def _chain(
    first: Iterable[tuple[object, ...]], rest: Iterator[tuple[object, ...]]
) -> Iterator[tuple[object, ...]]:
    yield from first
    for values in rest:
        yield tuple(values)


def _is_empty(values: Sequence[object]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


def _used_width(values: Sequence[object]) -> int:
    width = len(values)
    while width and (values[width - 1] is None or values[width - 1] == ""):
        width -= 1
    return width


def _pad(values: Sequence[object], width: int) -> tuple[object, ...]:
    """Exactly `width` cells: missing ones are None; `width` is at least the used width."""
    if len(values) >= width:
        return tuple(values[:width])
    return tuple(values) + (None,) * (width - len(values))


def _find_header(top: Sequence[Sequence[object]]) -> tuple[int, dict[RosterField, int]] | None:
    """The row among the first ones that names the most fields, one of them the name."""
    best: tuple[int, dict[RosterField, int]] | None = None
    for index, values in enumerate(top):
        mapping = guess_mapping([_text(value) for value in values])
        if RosterField.NAME in mapping and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


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


def _text(value: object) -> str:
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


# --- Validating --------------------------------------------------------------------------


@dataclass(frozen=True)
class RowIssue:
    """One line of the report: a row, the field concerned (None: the whole row), and words."""

    row: int
    field: RosterField | None
    kind: IssueKind
    message: str

    @property
    def field_label(self) -> str:
        return field_label(self.field) if self.field is not None else ""


@dataclass
class _Row:
    """One row of people, checked: the clean values, and what becomes of it."""

    number: int
    status: RowStatus = RowStatus.NEW
    name: str = ""
    gender: Gender | None = None
    birth_year: int | None = None
    phone: str | None = None
    id_number: str | None = None
    community_id: int | None = None
    building_group_id: int | None = None
    address: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""
    person_id: int | None = None  # MATCHED: the person on file
    fills: dict[str, object] = field(default_factory=dict)  # MATCHED: columns filled in
    new_tags: tuple[str, ...] = ()  # MATCHED: tags the person on file doesn't have yet


@dataclass(frozen=True)
class RosterReport:
    """Every row's fate, and the issues to show, in row order."""

    rows: int  # rows of people checked (empty rows are skipped)
    new: int
    matched: int
    repeated: int
    errors: int  # rows with at least one error
    issues: tuple[RowIssue, ...]
    checked: tuple[_Row, ...] = field(repr=False, default=())

    @property
    def valid(self) -> int:
        """Rows without errors: new people, people on file, and repeats of rows above."""
        return self.rows - self.errors

    def statuses(self) -> dict[int, RowStatus]:
        return {row.number: row.status for row in self.checked}

    def errors_of(self, row: int) -> list[RowIssue]:
        return [i for i in self.issues if i.row == row and i.kind is IssueKind.ERROR]


def check_mapping(mapping: ColumnMapping, columns: int) -> dict[RosterField, int]:
    """The mapping, checked: the name column must be chosen, columns must exist."""
    clean: dict[RosterField, int] = {}
    used: dict[int, RosterField] = {}
    for key, column in mapping.items():
        fld = RosterField(key)
        if not 0 <= column < columns:
            raise ValidationError(
                "mapping",
                translate("Roster", "The sheet has no column %1.").replace("%1", str(column + 1)),
            )
        if column in used:
            raise ValidationError(
                "mapping",
                translate("Roster", "Column %1 is chosen for both “%2” and “%3”.")
                .replace("%1", str(column + 1))
                .replace("%2", field_label(used[column]))
                .replace("%3", field_label(fld)),
            )
        used[column] = fld
        clean[fld] = column
    if RosterField.NAME not in clean:
        raise ValidationError(
            "mapping", translate("Roster", "Choose the column that holds the names.")
        )
    return clean


def validate(
    session: Session, actor: Actor, preview: RosterPreview, mapping: ColumnMapping
) -> RosterReport:
    """Check every row; nothing is written."""
    actor.require(Permission.IMPORT_EXPORT)
    columns = check_mapping(mapping, preview.columns)
    issues: list[RowIssue] = []
    places = _Places(session)
    rows = [
        _check_fields(number, values, columns, places, issues) for number, values in preview.rows
    ]
    _match(session, rows, issues)
    issues.sort(key=lambda issue: issue.row)  # stable: a row's issues keep their column order
    count = {status: 0 for status in RowStatus}
    for row in rows:
        count[row.status] += 1
    return RosterReport(
        rows=len(rows),
        new=count[RowStatus.NEW],
        matched=count[RowStatus.MATCHED],
        repeated=count[RowStatus.REPEATED],
        errors=count[RowStatus.ERROR],
        issues=tuple(issues),
        checked=tuple(rows),
    )


def _check_fields(
    number: int,
    values: Sequence[object],
    columns: Mapping[RosterField, int],
    places: _Places,
    issues: list[RowIssue],
) -> _Row:
    row = _Row(number)

    def cell(fld: RosterField) -> object:
        column = columns.get(fld)
        return None if column is None or column >= len(values) else values[column]

    def error(fld: RosterField, message: str) -> None:
        row.status = RowStatus.ERROR
        issues.append(RowIssue(number, fld, IssueKind.ERROR, message))

    try:
        row.name = people_fields.name(_text(cell(RosterField.NAME)))
    except ValidationError as problem:
        error(RosterField.NAME, problem.message)
    try:
        row.gender = people_fields.gender(_gender_text(cell(RosterField.GENDER)))
    except ValidationError as problem:
        error(RosterField.GENDER, problem.message)
    try:
        row.birth_year = _birth_year(cell(RosterField.BIRTH))
    except ValidationError as problem:
        error(RosterField.BIRTH, problem.message)
    try:
        row.phone = people_fields.phone(_masked_check(cell(RosterField.PHONE), "phone"))
    except ValidationError as problem:
        error(RosterField.PHONE, problem.message)
    id_ok = True
    try:
        row.id_number = people_fields.id_number(_id_text(cell(RosterField.ID_NUMBER)))
    except ValidationError as problem:
        id_ok = False
        error(RosterField.ID_NUMBER, problem.message)
    if id_ok and row.id_number is not None:
        try:
            row.birth_year = people_fields.birth_year_agrees(row.birth_year, row.id_number)
        except ValidationError as problem:
            error(RosterField.BIRTH, problem.message)
        if row.gender is None:
            row.gender = people_fields.gender_from_id(row.id_number)
    try:
        row.community_id, row.building_group_id = places.find(
            _text(cell(RosterField.COMMUNITY)), _text(cell(RosterField.BUILDING_GROUP))
        )
    except ValidationError as problem:
        error(RosterField(problem.field), problem.message)
    try:
        row.address = validation.optional_text(
            "address",
            _text(cell(RosterField.ADDRESS)),
            max_length=ADDRESS_MAX_LENGTH,
            label=translate("Errors", "the address"),
        )
    except ValidationError as problem:
        error(RosterField.ADDRESS, problem.message)
    try:
        row.tags = _tags(_text(cell(RosterField.TAGS)))
    except ValidationError as problem:
        error(RosterField.TAGS, problem.message)
    try:
        row.note = validation.optional_text(
            "note",
            _text(cell(RosterField.NOTE)),
            max_length=NOTE_MAX_LENGTH,
            label=translate("Errors", "the note"),
        )
    except ValidationError as problem:
        error(RosterField.NOTE, problem.message)
    return row


_GENDER_WORDS = {"男性": "男", "女性": "女", "男士": "男", "女士": "女"}


def _gender_text(value: object) -> str | None:
    text = _text(value)
    return _GENDER_WORDS.get(text, text)


# 1956 · 1956-03-05 · 1956/3/5 · 1956.3 · 1956年3月5日 · 19560305
_BIRTH = re.compile(
    r"(?P<y>[0-9]{4})(?:\s*[-/.年]\s*(?P<m>[0-9]{1,2})(?:\s*[-/.月]\s*(?P<d>[0-9]{1,2})\s*日?|\s*月)?)?"
)
_BIRTH_COMPACT = re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})")


def _birth_year(value: object) -> int | None:
    """A year, from a year or a date; a date that doesn't exist (1956-02-30) is refused."""
    if isinstance(value, dt.datetime | dt.date):
        return people_fields.birth_year(value.year)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not float(value).is_integer():
            raise ValidationError(
                "birth_year",
                translate("Errors", "Enter the year of birth as four digits, e.g. 1956."),
            )
        return people_fields.birth_year(int(value))
    text = unicodedata.normalize("NFKC", _text(value))
    if not text:
        return None
    if re.fullmatch(r"[0-9]{4}\s*年?", text):
        return people_fields.birth_year(text[:4])
    match = _BIRTH.fullmatch(text) or _BIRTH_COMPACT.fullmatch(text)
    if match is None:
        raise ValidationError(
            "birth_year",
            translate(
                "Roster", "Enter the year of birth (1956) or the date of birth (1956-03-05)."
            ),
        )
    year = int(match.group("y"))
    month = int(match.group("m") or 1)
    day = int(match.groupdict().get("d") or 1)
    try:
        born = dt.date(year, month, day)
    except ValueError as error:
        raise ValidationError(
            "birth_year",
            translate("Roster", "The date of birth %1 does not exist.").replace("%1", text),
        ) from error
    if born > clock.today():
        raise ValidationError(
            "birth_year",
            translate("Roster", "The date of birth %1 lies in the future.").replace("%1", text),
        )
    return people_fields.birth_year(year)


def _masked_check(value: object, which: str) -> str | None:
    """A masked value (138****5678, from an export without full values) can't be imported."""
    text = _text(value)
    if "*" in text:
        message = (
            translate(
                "Roster",
                "This phone number is masked (%1). Export the register with full values to "
                "import it again.",
            )
            if which == "phone"
            else translate(
                "Roster",
                "This ID number is masked (%1). Export the register with full values to "
                "import it again.",
            )
        )
        raise ValidationError(which, message.replace("%1", text))
    return text


def _id_text(value: object) -> str | None:
    if isinstance(value, float) and abs(value) >= 1e15:
        # Excel keeps 15 significant digits of a number: an ID typed into a number cell has
        # lost its last three digits for good.
        raise ValidationError(
            "id_number",
            translate(
                "Roster",
                "Excel stored this ID number as a number and lost its last digits. Format the "
                "column as text and type the ID numbers again.",
            ),
        )
    return _masked_check(value, "id_number")


_TAG_SEPARATORS = re.compile(r"[,，、;；/|\s]+")


def _tags(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(
        dict.fromkeys(
            validation.required_text(
                "tags", tag, max_length=TAG_MAX_LENGTH, label=translate("Errors", "a tag")
            )
            for tag in _TAG_SEPARATORS.split(text)
            if tag
        )
    )


_COMMUNITY_SUFFIXES = ("居民委员会", "居委会", "社区", "居委")
_GROUP_SUFFIXES = ("楼组", "楼栋", "栋", "幢", "楼", "号", "组")


def _place_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def _strip(key: str, suffixes: Sequence[str]) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                changed = True
    return key


def _group_key(text: str) -> str:
    key = _strip(_place_key(text), _GROUP_SUFFIXES)
    return key[1:] if key.startswith("第") and len(key) > 1 else key


class _Places:
    """Communities and building groups by name, the way a roster writes them: 东苑社区 or 东苑,
    3号楼组 or 3号楼 or 3."""

    def __init__(self, session: Session) -> None:
        self.communities: dict[int, tuple[str, bool]] = {}
        exact: dict[str, int] = {}
        loose: dict[str, set[int]] = {}
        for community_id, name, active in session.execute(
            select(Community.id, Community.name, Community.active)
        ):
            self.communities[community_id] = (name, active)
            exact[_place_key(name)] = community_id
            loose.setdefault(_strip(_place_key(name), _COMMUNITY_SUFFIXES), set()).add(community_id)
        self.exact = exact
        self.loose = {key: next(iter(ids)) for key, ids in loose.items() if len(ids) == 1}
        self.groups: dict[tuple[int, str], list[tuple[int, str, bool]]] = {}
        self.groups_by_key: dict[str, list[tuple[int, int, str, bool]]] = {}
        for group_id, community_id, name, active in session.execute(
            select(
                BuildingGroup.id,
                BuildingGroup.community_id,
                BuildingGroup.name,
                BuildingGroup.active,
            )
        ):
            for key in dict.fromkeys((_place_key(name), _group_key(name))):
                self.groups.setdefault((community_id, key), []).append((group_id, name, active))
                self.groups_by_key.setdefault(key, []).append(
                    (group_id, community_id, name, active)
                )

    def find(self, community: str, group: str) -> tuple[int | None, int | None]:
        community_id = self._community(community) if community else None
        if not group:
            return community_id, None
        exact, loose = _place_key(group), _group_key(group)
        if community_id is not None:
            for key in (exact, loose):
                found = self.groups.get((community_id, key))
                if found:
                    group_id, name, active = found[0]
                    if not active:
                        raise ValidationError(
                            "building_group",
                            translate(
                                "Roster", "The building group “%1” is no longer in use."
                            ).replace("%1", name),
                        )
                    return community_id, group_id
            raise ValidationError(
                "building_group",
                translate("Roster", "There is no building group “%1” in %2.")
                .replace("%1", group)
                .replace("%2", self.communities[community_id][0]),
            )
        for key in (exact, loose):
            candidates = {c[0]: c for c in self.groups_by_key.get(key, [])}
            if len(candidates) == 1:
                group_id, found_community, name, active = next(iter(candidates.values()))
                if not active or not self.communities[found_community][1]:
                    raise ValidationError(
                        "building_group",
                        translate("Roster", "The building group “%1” is no longer in use.").replace(
                            "%1", name
                        ),
                    )
                return found_community, group_id
            if len(candidates) > 1:
                raise ValidationError(
                    "building_group",
                    translate(
                        "Roster",
                        "Several communities have a building group “%1”. Add a community column.",
                    ).replace("%1", group),
                )
        raise ValidationError(
            "building_group",
            translate("Roster", "There is no building group “%1”.").replace("%1", group),
        )

    def _community(self, text: str) -> int:
        key = _place_key(text)
        community_id = self.exact.get(key)
        if community_id is None:
            community_id = self.loose.get(_strip(key, _COMMUNITY_SUFFIXES))
        if community_id is None:
            raise ValidationError(
                "community",
                translate(
                    "Roster",
                    "There is no community “%1”. Add it in Settings, or correct the cell.",
                ).replace("%1", text),
            )
        name, active = self.communities[community_id]
        if not active:
            raise ValidationError(
                "community",
                translate("Roster", "The community “%1” is no longer in use.").replace("%1", name),
            )
        return community_id


@dataclass(frozen=True)
class _OnFile:
    id: int
    member_code: str
    name: str
    gender: str | None
    birth_year: int | None
    phone: str | None
    id_number: str | None
    community_id: int | None
    building_group_id: int | None
    address: str
    note: str
    active: bool
    merged_into_id: int | None


def _person_of(values: Any) -> _OnFile:
    """A person from a row of `_ON_FILE_COLUMNS` (its keys are the field names)."""
    return _OnFile(**dict(values._mapping))


_ON_FILE_COLUMNS = (
    Person.id,
    Person.member_code,
    Person.name,
    Person.gender,
    Person.birth_year,
    Person.phone,
    Person.id_number,
    Person.community_id,
    Person.building_group_id,
    Person.address,
    Person.note,
    Person.active,
    Person.merged_into_id,
)


def _chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _on_file(
    session: Session, rows: Sequence[_Row]
) -> tuple[dict[str, _OnFile], dict[str, list[_OnFile]]]:
    """The people on file with the rows' ID numbers, and the active ones with their phones."""
    ids = sorted({row.id_number for row in rows if row.id_number})
    phones = sorted({row.phone for row in rows if row.phone})
    by_id: dict[str, _OnFile] = {}
    for chunk in _chunks(ids, _LOOKUP_CHUNK):
        for values in session.execute(select(*_ON_FILE_COLUMNS).where(Person.id_number.in_(chunk))):
            person = _person_of(values)
            by_id[person.id_number or ""] = _surviving(session, person)
    by_phone: dict[str, list[_OnFile]] = {}
    for chunk in _chunks(phones, _LOOKUP_CHUNK):
        for values in session.execute(
            select(*_ON_FILE_COLUMNS)
            .where(Person.phone.in_(chunk), Person.active.is_(True))
            .order_by(Person.id)
        ):
            person = _person_of(values)
            by_phone.setdefault(person.phone or "", []).append(person)
    return by_id, by_phone


def _surviving(session: Session, person: _OnFile) -> _OnFile:
    """A record merged away stands for the one it was merged into."""
    seen = {person.id}
    while person.merged_into_id is not None and person.merged_into_id not in seen:
        values = session.execute(
            select(*_ON_FILE_COLUMNS).where(Person.id == person.merged_into_id)
        ).first()
        if values is None:
            break
        person = _person_of(values)
        seen.add(person.id)
    return person


def _who(person: _OnFile) -> str:
    return (
        translate("Roster", "%1 (%2)").replace("%1", person.name).replace("%2", person.member_code)
    )


def _match(session: Session, rows: Sequence[_Row], issues: list[RowIssue]) -> None:
    """Rows that are people on file, or repeat a row above them, are marked, not doubled."""
    candidates = [row for row in rows if row.status is not RowStatus.ERROR]
    by_id, by_phone = _on_file(session, candidates)
    tags_on_file = _tags_on_file(session, by_id, by_phone)
    file_ids: dict[str, _Row] = {}
    file_phones: dict[str, list[_Row]] = {}
    claimed: dict[int, _Row] = {}  # person on file → the first row that matched them

    def note(row: _Row, fld: RosterField | None, kind: IssueKind, message: str) -> None:
        issues.append(RowIssue(row.number, fld, kind, message))

    def left_out_as_repeat(row: _Row, first: _Row) -> None:
        row.status = RowStatus.REPEATED
        message = translate("Roster", "The same person as row %1; left out.")
        note(row, None, IssueKind.REPEATED, message.replace("%1", str(first.number)))

    for row in candidates:
        # The same person higher up in the file?
        earlier: _Row | None = None
        if row.id_number is not None and row.id_number in file_ids:
            earlier = file_ids[row.id_number]
            if earlier.name != row.name:
                row.status = RowStatus.ERROR
                note(
                    row,
                    RosterField.ID_NUMBER,
                    IssueKind.ERROR,
                    translate("Roster", "Row %1 has the same ID number with another name (%2).")
                    .replace("%1", str(earlier.number))
                    .replace("%2", earlier.name),
                )
                continue
        elif row.phone is not None:
            earlier = next(
                (
                    other
                    for other in file_phones.get(row.phone, [])
                    if other.name == row.name and _same_ids(other.id_number, row.id_number)
                ),
                None,
            )
        if earlier is not None:
            left_out_as_repeat(row, earlier)
            continue
        # The same person on file?
        person: _OnFile | None = None
        if row.id_number is not None and row.id_number in by_id:
            person = by_id[row.id_number]
            if person.name != row.name:
                row.status = RowStatus.ERROR
                note(
                    row,
                    RosterField.ID_NUMBER,
                    IssueKind.ERROR,
                    translate(
                        "Roster",
                        "This ID number is on file for %1, a different name. Correct the row or "
                        "the record on file.",
                    ).replace("%1", _who(person)),
                )
                continue
        elif row.phone is not None:
            sharing = by_phone.get(row.phone, [])
            person = next(
                (
                    other
                    for other in sharing
                    if other.name == row.name and _same_ids(other.id_number, row.id_number)
                ),
                None,
            )
            if person is None and sharing:
                note(
                    row,
                    RosterField.PHONE,
                    IssueKind.NOTE,
                    translate(
                        "Roster",
                        "Shares the phone number with %1 on file; registered as another person.",
                    ).replace("%1", _who(sharing[0])),
                )
        if person is not None:
            first = claimed.get(person.id)
            if first is not None:
                left_out_as_repeat(row, first)
                continue
            problem = _fill(row, person, tags_on_file.get(person.id, set()))
            if problem is not None:
                row.status = RowStatus.ERROR
                note(row, RosterField.BIRTH, IssueKind.ERROR, problem)
                continue
            row.status = RowStatus.MATCHED
            row.person_id = person.id
            claimed[person.id] = row
            note(row, None, IssueKind.MATCHED, _matched_message(person, row))
            continue
        if row.id_number is not None:
            file_ids[row.id_number] = row
        if row.phone is not None:
            file_phones.setdefault(row.phone, []).append(row)


def _same_ids(one: str | None, other: str | None) -> bool:
    """Two records may be one person unless both have ID numbers and they differ."""
    return one is None or other is None or one == other


def _tags_on_file(
    session: Session, by_id: Mapping[str, _OnFile], by_phone: Mapping[str, list[_OnFile]]
) -> dict[int, set[str]]:
    people = sorted({p.id for p in by_id.values()} | {p.id for ps in by_phone.values() for p in ps})
    found: dict[int, set[str]] = {}
    for chunk in _chunks(people, _LOOKUP_CHUNK):
        for person_id, name in session.execute(
            select(PersonTag.person_id, Tag.name)
            .join(Tag, Tag.id == PersonTag.tag_id)
            .where(PersonTag.person_id.in_(chunk))
        ):
            found.setdefault(person_id, set()).add(name)
    return found


# The person's columns a matched row may fill in when they are empty on file.
_FILL_LABELS = {
    "gender": RosterField.GENDER,
    "birth_year": RosterField.BIRTH,
    "phone": RosterField.PHONE,
    "id_number": RosterField.ID_NUMBER,
    "community_id": RosterField.COMMUNITY,
    "building_group_id": RosterField.BUILDING_GROUP,
    "address": RosterField.ADDRESS,
    "note": RosterField.NOTE,
}


def _fill(row: _Row, person: _OnFile, tags: set[str]) -> str | None:
    """What the row adds to the person on file (only where empty); a message if it can't."""
    fills: dict[str, object] = {}
    if person.id_number is None and row.id_number is not None:
        from_id = people_fields.birth_date_from_id(row.id_number).year
        if person.birth_year is not None and person.birth_year != from_id:
            return (
                translate(
                    "Roster",
                    "The ID number gives the birth year %1, but %2 on file was born in %3.",
                )
                .replace("%1", str(from_id))
                .replace("%2", _who(person))
                .replace("%3", str(person.birth_year))
            )
        fills["id_number"] = row.id_number
    if person.gender is None and row.gender is not None:
        fills["gender"] = row.gender.value
    if person.birth_year is None and row.birth_year is not None:
        fills["birth_year"] = row.birth_year
    if person.phone is None and row.phone is not None:
        fills["phone"] = row.phone
    if person.community_id is None and row.community_id is not None:
        fills["community_id"] = row.community_id
        if row.building_group_id is not None:
            fills["building_group_id"] = row.building_group_id
    elif (
        person.building_group_id is None
        and row.building_group_id is not None
        and person.community_id == row.community_id
    ):
        fills["building_group_id"] = row.building_group_id
    if not person.address and row.address:
        fills["address"] = row.address
    if not person.note and row.note:
        fills["note"] = row.note
    row.fills = fills
    row.new_tags = tuple(tag for tag in row.tags if tag not in tags)
    return None


def _matched_message(person: _OnFile, row: _Row) -> str:
    added = [field_label(_FILL_LABELS[name]) for name in _FILL_LABELS if name in row.fills]
    if row.new_tags:
        added.append(field_label(RosterField.TAGS))
    if not added:
        return translate("Roster", "The same person as %1 on file; nothing new to add.").replace(
            "%1", _who(person)
        )
    return (
        translate("Roster", "The same person as %1 on file; fills in what is empty there: %2.")
        .replace("%1", _who(person))
        .replace("%2", translate("Roster", ", ").join(added))
    )


# --- Writing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    report: RosterReport
    mode: ImportMode
    written: bool  # False: nothing was written (all-or-nothing with errors, or nothing valid)
    added: int = 0  # people registered
    completed: int = 0  # people on file who got a blank filled in or a tag added
    first_code: str = ""
    last_code: str = ""

    @property
    def left_out(self) -> int:
        return self.report.errors if self.written else self.report.rows


def import_rows(
    session: Session,
    actor: Actor,
    preview: RosterPreview,
    mapping: ColumnMapping,
    mode: ImportMode | str = ImportMode.VALID_ROWS,
) -> ImportResult:
    """Validate again (the register may have changed since the preview) and write, in the
    caller's one transaction; a failure rolls everything back."""
    actor.require(Permission.IMPORT_EXPORT)
    mode = ImportMode(mode)
    report = validate(session, actor, preview, mapping)
    new = [row for row in report.checked if row.status is RowStatus.NEW]
    matched = [row for row in report.checked if row.status is RowStatus.MATCHED]
    matched = [row for row in matched if row.fills or row.new_tags]
    if (mode is ImportMode.ALL_OR_NOTHING and report.errors) or not (new or matched):
        return ImportResult(report, mode, written=False)
    try:
        first, last = _insert_people(session, new)
        completed = _complete_matched(session, matched)
        _insert_tags(session, new, matched)
        session.flush()
    except IntegrityError as error:
        # Another desk registered the same ID number, or took the next member codes, meanwhile.
        raise ConflictError(
            translate("Errors", "Someone else saved at the same moment. Please save again.")
        ) from error
    audit.record(
        session,
        actor,
        "import",
        "person",
        None,
        file=preview.file_name,
        mode=mode.value,
        rows=report.rows,
        added=len(new),
        matched=report.matched,
        completed=completed,
        repeated=report.repeated,
        errors=report.errors,
        first_code=first or None,
        last_code=last or None,
    )
    return ImportResult(report, mode, True, len(new), completed, first, last)


def _insert_people(session: Session, rows: Sequence[_Row]) -> tuple[str, str]:
    """Insert the new people with consecutive member codes; sets each row's person_id."""
    if not rows:
        return "", ""
    now = clock.now()
    codes = next_member_codes(session, len(rows))
    values = [
        {
            "member_code": code,
            "name": row.name,
            "gender": row.gender.value if row.gender else None,
            "birth_year": row.birth_year,
            "phone": row.phone,
            "phone_reversed": people_fields.phone_reversed(row.phone) if row.phone else None,
            "id_number": row.id_number,
            "id_tail": row.id_number[-4:] if row.id_number else None,
            "community_id": row.community_id,
            "building_group_id": row.building_group_id,
            "address": row.address,
            "consent": False,  # a roster is not the person's own consent: asked at the desk
            "consent_at": None,
            "active": True,
            "merged_into_id": None,
            "note": row.note,
            "created_at": now,
            "updated_at": now,
        }
        for code, row in zip(codes, rows, strict=True)
    ]
    connection = session.connection()
    statement = insert(_PERSON).returning(_PERSON.c.id, sort_by_parameter_order=True)
    keys: list[dict[str, object]] = []
    for batch_rows, batch_values in zip(
        _chunks(rows, _INSERT_BATCH), _chunks(values, _INSERT_BATCH), strict=True
    ):
        ids = connection.execute(statement, list(batch_values)).scalars().all()
        for row, person_id in zip(batch_rows, ids, strict=True):
            row.person_id = person_id
            for kind, key in dict.fromkeys(search_keys(row.name)):
                keys.append({"person_id": person_id, "kind": kind, "key": key})
    for batch in _chunks(keys, _INSERT_BATCH * 4):
        connection.execute(insert(_KEY), list(batch))
    return codes[0], codes[-1]


def _complete_matched(session: Session, rows: Sequence[_Row]) -> int:
    """Fill the blanks of the people on file, column by column; `IS NULL` in the statement keeps
    a value another desk saved meanwhile."""
    connection = session.connection()
    now = clock.now()
    completed = {row.person_id for row in rows if row.fills or row.new_tags}
    groups: dict[tuple[str, ...], list[dict[str, object]]] = {}
    for row in rows:
        if not row.fills:
            continue
        params: dict[str, object] = {"pid": row.person_id, "now": now}
        for name, value in row.fills.items():
            params[f"v_{name}"] = value
        if "phone" in row.fills:
            params["v_phone_reversed"] = people_fields.phone_reversed(str(row.fills["phone"]))
        if "id_number" in row.fills:
            params["v_id_tail"] = str(row.fills["id_number"])[-4:]
        groups.setdefault(tuple(sorted(row.fills)), []).append(params)
    for names, params_list in groups.items():
        columns = list(names)
        if "phone" in names:
            columns.append("phone_reversed")
        if "id_number" in names:
            columns.append("id_tail")
        statement = (
            update(_PERSON)
            .where(_PERSON.c.id == bindparam("pid"))
            .values(
                {
                    **{name: bindparam(f"v_{name}") for name in columns},
                    "updated_at": bindparam("now"),
                }
            )
        )
        for name in names:
            column = _PERSON.c[name]
            statement = statement.where(
                column.is_(None) if name not in ("address", "note") else column == ""
            )
        connection.execute(statement, params_list)
    return len(completed)


def _insert_tags(session: Session, new: Sequence[_Row], matched: Sequence[_Row]) -> None:
    pairs = [(row.person_id, tag) for row in new for tag in row.tags]
    pairs += [(row.person_id, tag) for row in matched for tag in row.new_tags]
    if not pairs:
        return
    names = sorted({tag for _person, tag in pairs})
    connection = session.connection()
    ids: dict[str, int] = {}
    for chunk in _chunks(names, _LOOKUP_CHUNK):
        ids.update(
            (name, tag_id)
            for tag_id, name in connection.execute(
                select(_TAG.c.id, _TAG.c.name).where(_TAG.c.name.in_(chunk))
            )
        )
    missing = [name for name in names if name not in ids]
    if missing:
        connection.execute(insert(_TAG), [{"name": name} for name in missing])
        for chunk in _chunks(missing, _LOOKUP_CHUNK):
            ids.update(
                (name, tag_id)
                for tag_id, name in connection.execute(
                    select(_TAG.c.id, _TAG.c.name).where(_TAG.c.name.in_(chunk))
                )
            )
    links = list(dict.fromkeys((person_id, ids[tag]) for person_id, tag in pairs))
    for batch in _chunks(links, _INSERT_BATCH * 4):
        connection.execute(insert(_PERSON_TAG), [{"person_id": p, "tag_id": t} for p, t in batch])


def summary(result: ImportResult) -> str:
    """What happened, in one sentence or two (the dialog and the command line say the same)."""
    report = result.report
    if not result.written:
        if report.errors and result.mode is ImportMode.ALL_OR_NOTHING:
            return (
                translate(
                    "Roster",
                    "Nothing was imported: %1 of %2 rows have errors, and the import was to be "
                    "all or nothing.",
                )
                .replace("%1", str(report.errors))
                .replace("%2", str(report.rows))
            )
        if report.valid:
            return translate(
                "Roster",
                "Nothing new to import: the people of the %1 valid rows are on file already, "
                "with nothing to add.",
            ).replace("%1", str(report.valid))
        return translate("Roster", "Nothing was imported: no row can be imported.")
    text = (
        translate("Roster", "Imported: %1 new, %2 already on file (%3 of them completed).")
        .replace("%1", str(result.added))
        .replace("%2", str(report.matched))
        .replace("%3", str(result.completed))
    )
    if report.repeated:
        text = _then(
            text,
            translate("Roster", "%1 repeated rows left out.").replace("%1", str(report.repeated)),
        )
    if report.errors:
        text = _then(
            text,
            translate("Roster", "%1 rows with errors left out.").replace("%1", str(report.errors)),
        )
    return text


def _then(first: str, second: str) -> str:
    """Two sentences: after a space in English, with none in Chinese."""
    return translate("Roster", "%1 %2").replace("%1", first).replace("%2", second)


def column_letter(column: int) -> str:
    """Excel's name of a 0-based column: A … Z, AA …"""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def mapping_text(preview: RosterPreview, mapping: ColumnMapping | None = None) -> str:
    """ "Name ← B 姓名, Phone ← E 联系电话 …", in field order."""
    chosen = preview.mapping if mapping is None else mapping
    parts = []
    for fld in RosterField:
        column = chosen.get(fld)
        if column is not None:
            title = preview.headers[column] if column < len(preview.headers) else ""
            parts.append(f"{field_label(fld)} ← {column_letter(column)} {title}".rstrip())
    return translate("Roster", ", ").join(parts)


def issue_text(issue: RowIssue) -> str:
    """One line of the report: "Row 5 · Phone · Error: …"."""
    parts = [translate("Roster", "Row %1").replace("%1", str(issue.row))]
    if issue.field is not None:
        parts.append(issue.field_label)
    parts.append(issue_kind_label(issue.kind))
    return (
        translate("Roster", "%1: %2").replace("%1", " · ".join(parts)).replace("%2", issue.message)
    )


def report_lines(report: RosterReport, *, limit: int) -> list[str]:
    """The report for a terminal: the errors first, then the rest, at most `limit` lines."""
    ordered = [i for i in report.issues if i.kind is IssueKind.ERROR]
    ordered += [i for i in report.issues if i.kind is not IssueKind.ERROR]
    lines = [issue_text(issue) for issue in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(
            translate("Roster", "… and %1 more lines.").replace("%1", str(len(ordered) - limit))
        )
    return lines


def write_report(report: RosterReport, path: str | Path) -> None:
    """The whole report as a .csv (UTF-8 with a byte-order mark, for Excel)."""
    import csv

    target = Path(path)
    try:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                [
                    translate("Roster", "Row"),
                    translate("Roster", "Result"),
                    translate("Roster", "Column"),
                    translate("Roster", "Message"),
                ]
            )
            for issue in report.issues:
                writer.writerow(
                    [issue.row, issue_kind_label(issue.kind), issue.field_label, issue.message]
                )
    except OSError as error:
        raise ValidationError(
            "report",
            translate("Roster", "The report %1 can't be written: %2")
            .replace("%1", str(target))
            .replace("%2", error.strerror or str(error)),
        ) from error


def counts_text(report: RosterReport) -> str:
    """The report's counts in words."""
    return (
        translate(
            "Roster",
            "%1 rows: %2 new, %3 already on file, %4 repeated in the file, %5 with errors.",
        )
        .replace("%1", str(report.rows))
        .replace("%2", str(report.new))
        .replace("%3", str(report.matched))
        .replace("%4", str(report.repeated))
        .replace("%5", str(report.errors))
    )


def issue_kind_label(kind: IssueKind) -> str:
    labels = {
        IssueKind.ERROR: translate("Roster", "Error"),
        IssueKind.MATCHED: translate("Roster", "On file"),
        IssueKind.REPEATED: translate("Roster", "Repeated"),
        IssueKind.NOTE: translate("Roster", "For information"),
    }
    return labels[kind]
