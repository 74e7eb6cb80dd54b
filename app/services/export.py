"""Export the register of people, or the visit log, to .xlsx or .csv. Admin only, audited.

Phone and ID numbers are masked (138****5678, 310101**********1234) unless the admin asks for
the full values (`full=True`); the audit event says which it was, what and how many rows. The
rows stream from the database to the file (openpyxl's write-only workbook, csv row by row), so
100,000 people need no more memory than a few thousand. A .csv is UTF-8 with a byte-order mark,
so Excel opens its Chinese right. The file is written beside its final name and moved into
place only when complete: a failed export leaves no half-written file.

The column titles are in the interface language and are ones the roster importer recognises,
so an export with full values imports again (into another centre's database, say).
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app import people_fields
from app.errors import ValidationError
from app.i18n import translate
from app.models import (
    Account,
    BuildingGroup,
    Community,
    Gender,
    Person,
    PersonTag,
    Purpose,
    Tag,
    Visit,
)
from app.security import Actor, Permission
from app.services import audit

_STREAM_BATCH = 2_000  # rows fetched from the database at a time


class ExportKind(enum.StrEnum):
    PEOPLE = "people"
    VISITS = "visits"


class ExportFormat(enum.StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: ExportKind
    file_format: ExportFormat
    rows: int
    full: bool


def format_for(path: str | Path) -> ExportFormat:
    """The format a file name asks for (.csv → csv); xlsx otherwise."""
    return ExportFormat.CSV if Path(path).suffix.lower() == ".csv" else ExportFormat.XLSX


def export(
    session: Session,
    actor: Actor,
    kind: ExportKind | str,
    path: str | Path,
    *,
    file_format: ExportFormat | str | None = None,
    full: bool = False,
) -> ExportResult:
    """Write `kind` to `path`; phones and IDs masked unless `full`. Audited in the session."""
    actor.require(Permission.IMPORT_EXPORT)
    kind = ExportKind(kind)
    chosen = ExportFormat(file_format) if file_format is not None else format_for(path)
    target = Path(path)
    if not target.name or target.is_dir():
        raise ValidationError("path", translate("Export", "Choose a file name to export to."))
    headers, rows = (
        (_people_headers(), _people_rows(session, full))
        if kind is ExportKind.PEOPLE
        else (_visit_headers(), _visit_rows(session, full))
    )
    count = _write(target, chosen, headers, rows)
    audit.record(
        session,
        actor,
        "export",
        "person" if kind is ExportKind.PEOPLE else "visit",
        None,
        rows=count,
        format=chosen.value,
        full=full,
        file=target.name,
    )
    return ExportResult(target, kind, chosen, count, full)


def summary(result: ExportResult) -> str:
    """What was written, in words; says whether phones and IDs are masked."""
    what = (
        translate("Export", "Exported %1 people to %2.")
        if result.kind is ExportKind.PEOPLE
        else translate("Export", "Exported %1 visits to %2.")
    )
    text = what.replace("%1", f"{result.rows:,}").replace("%2", str(result.path))
    if result.full:
        more = translate(
            "Export",
            "The file holds full phone and ID numbers: keep it safe and delete it when it is "
            "no longer needed.",
        )
    else:
        more = translate("Export", "Phone and ID numbers are masked.")
    # Sentences follow each other after a space in English, with none in Chinese.
    return translate("Export", "%1 %2").replace("%1", text).replace("%2", more)


# --- What is exported --------------------------------------------------------------------


def _people_headers() -> list[str]:
    return [
        translate("Export", "Member code"),
        translate("Export", "Name"),
        translate("Export", "Gender"),
        translate("Export", "Birth year"),
        translate("Export", "Phone"),
        translate("Export", "ID number"),
        translate("Export", "Community"),
        translate("Export", "Building group"),
        translate("Export", "Address"),
        translate("Export", "Tags"),
        translate("Export", "Consent to data use"),
        translate("Export", "Registered at"),
        translate("Export", "Note"),
    ]


def _gender_name(value: str | None) -> str:
    if value == Gender.MALE.value:
        return translate("Export", "male")
    if value == Gender.FEMALE.value:
        return translate("Export", "female")
    return ""


def _yes_no(value: bool) -> str:
    return translate("Export", "yes") if value else translate("Export", "no")


def _phone(value: str | None, full: bool) -> str:
    return (value or "") if full else people_fields.mask_phone(value)


def _id(value: str | None, full: bool) -> str:
    return (value or "") if full else people_fields.mask_id(value)


def _tags(session: Session) -> dict[int, str]:
    """Each active person's tags, joined with 、 (a few thousand pairs even for 100,000 people)."""
    separator = translate("Export", ", ")
    found: dict[int, list[str]] = {}
    for person_id, name in session.execute(
        select(PersonTag.person_id, Tag.name)
        .join(Tag, Tag.id == PersonTag.tag_id)
        .order_by(PersonTag.person_id, Tag.name)
    ):
        found.setdefault(person_id, []).append(name)
    return {person_id: separator.join(names) for person_id, names in found.items()}


def _people_rows(session: Session, full: bool) -> Iterator[list[object]]:
    """The active people (records merged away are pointers, not people), by member code."""
    tags = _tags(session)
    query = (
        select(
            Person.id,
            Person.member_code,
            Person.name,
            Person.gender,
            Person.birth_year,
            Person.phone,
            Person.id_number,
            Community.name,
            BuildingGroup.name,
            Person.address,
            Person.consent,
            Person.created_at,
            Person.note,
        )
        .outerjoin(Community, Community.id == Person.community_id)
        .outerjoin(BuildingGroup, BuildingGroup.id == Person.building_group_id)
        .where(Person.active.is_(True))
        .order_by(Person.member_code)
        .execution_options(yield_per=_STREAM_BATCH)
    )
    for row in session.execute(query):
        (
            person_id,
            code,
            name,
            gender,
            year,
            phone,
            id_number,
            community,
            group,
            address,
            consent,
            created,
            note,
        ) = row
        yield [
            code,
            name,
            _gender_name(gender),
            year,
            _phone(phone, full),
            _id(id_number, full),
            community or "",
            group or "",
            address,
            tags.get(person_id, ""),
            _yes_no(consent),
            created,
            note,
        ]


def _visit_headers() -> list[str]:
    return [
        translate("Export", "Time"),
        translate("Export", "Member code"),
        translate("Export", "Name"),
        translate("Export", "Phone"),
        translate("Export", "Community"),
        translate("Export", "Purpose"),
        translate("Export", "Note"),
        translate("Export", "Desk account"),
        translate("Export", "Undone"),
    ]


def purpose_name(purpose: Purpose) -> str:
    """The purpose's name, the same words (and translations) as the desks' labels."""
    names = {
        Purpose.PARTY_TRANSFER: translate("Labels", "Party: membership transfer"),
        Purpose.PARTY_DUES: translate("Labels", "Party: membership dues"),
        Purpose.PARTY_DOUBLE_REPORT: translate("Labels", "Party: double reporting"),
        Purpose.GOVERNMENT: translate("Labels", "Government affairs"),
        Purpose.LIFE_SERVICE: translate("Labels", "Life services"),
        Purpose.ACTIVITY: translate("Labels", "Activity"),
        Purpose.ROOM_USE: translate("Labels", "Room use"),
        Purpose.REQUEST: translate("Labels", "Resident request"),
        Purpose.OTHER: translate("Labels", "Other"),
    }
    return names[purpose]


def _visit_rows(session: Session, full: bool) -> Iterator[list[object]]:
    """Every visit, oldest first; an anonymised one keeps its time, community and purpose."""
    names = {purpose.value: purpose_name(purpose) for purpose in Purpose}
    visit_community = aliased(Community)
    query = (
        select(
            Visit.at,
            Person.member_code,
            Person.name,
            Person.phone,
            visit_community.name,
            Visit.purpose,
            Visit.note,
            Account.display_name,
            Visit.undone_at,
            Visit.anonymised,
        )
        .outerjoin(Person, Person.id == Visit.person_id)
        .outerjoin(visit_community, visit_community.id == Visit.community_id)
        .outerjoin(Account, Account.id == Visit.account_id)
        .order_by(Visit.at, Visit.id)
        .execution_options(yield_per=_STREAM_BATCH)
    )
    anonymous = translate("Export", "(anonymised)")
    for (
        at,
        code,
        name,
        phone,
        community,
        purpose,
        note,
        account,
        undone,
        anonymised,
    ) in session.execute(query):
        yield [
            at,
            code or "",
            anonymous if anonymised or name is None else name,
            _phone(phone, full),
            community or "",
            names.get(purpose, purpose),
            note,
            account or "",
            _yes_no(undone is not None),
        ]


# --- Writing the file --------------------------------------------------------------------

# A cell starting with one of these is taken for a formula by Excel (and by openpyxl): a name
# or note such as "=HYPERLINK(…)" must stay text (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _write(
    target: Path, chosen: ExportFormat, headers: Sequence[str], rows: Iterator[Sequence[object]]
) -> int:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=f".{chosen.value}.part", dir=folder
        )
        os.close(handle)
    except OSError as error:
        raise _cannot_write(target, error) from error
    try:
        if chosen is ExportFormat.CSV:
            count = _write_csv(Path(temporary), headers, rows)
        else:
            count = _write_xlsx(Path(temporary), headers, rows)
        os.replace(temporary, target)
    except OSError as error:
        raise _cannot_write(target, error) from error
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return count


def _cannot_write(target: Path, error: OSError) -> ValidationError:
    return ValidationError(
        "path",
        translate("Export", "The file %1 can't be written: %2")
        .replace("%1", str(target))
        .replace("%2", error.strerror or str(error)),
    )


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def _write_csv(path: Path, headers: Sequence[str], rows: Iterator[Sequence[object]]) -> int:
    count = 0
    # utf-8-sig writes the byte-order mark Excel needs to read UTF-8 (else it guesses GBK).
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_csv_value(value) for value in row])
            count += 1
    return count


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterator[Sequence[object]]) -> int:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(translate("Export", "Export"))
    sheet.freeze_panes = "A2"
    sheet.append(list(headers))
    count = 0

    def cell(value: object) -> Any:
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            text = WriteOnlyCell(sheet, value=None)
            text.value = value
            text.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
            return text
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return None if value == "" else value

    for row in rows:
        sheet.append([cell(value) for value in row])
        count += 1
    workbook.save(path)
    return count
