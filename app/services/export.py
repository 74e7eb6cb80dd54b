"""Export the register of people, or the visit log, to .xlsx or .csv. Admin only, audited.

Phone and ID numbers are masked (138****5678, 3101**********1234) unless the admin asks for
the full values (`full=True`), and so are the numbers typed into addresses and notes
(`app.masking`); the audit event says which it was, what and how many rows. The rows stream from
the database to the file (openpyxl's write-only workbook, csv row by row), so 100,000 people
need no more memory than a few thousand. In a workbook, times and dates are real dates (Excel
sorts and filters them); a .csv has them as ISO text (2026-03-04 09:30), in UTF-8 with a
byte-order mark, so Excel opens its Chinese right. The file is written beside its final name and
moved into place only when complete and recorded: a failed or cancelled export leaves no file.

The desks export with `export_file`, which reads in one read transaction (a consistent picture,
no lock: the other desks go on checking people in) and records the export in a short writing
transaction of its own; `export` does both in the caller's session.

The column titles are in the interface language and are ones the roster importer recognises,
so an export with full values imports again (into another centre's database, say).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import enum
import itertools
import os
import tempfile
import unicodedata
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app import people_fields
from app.db import Database
from app.errors import ValidationError
from app.i18n import translate
from app.masking import mask_numbers
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
from app.progress import Progress, quiet
from app.security import Actor, Permission
from app.services import audit, calls

_STREAM_BATCH = 2_000  # rows fetched from the database at a time
_PROGRESS_STEP = 500  # rows written between two progress reports (and chances to stop)
DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm"  # Excel's number format of the times in a workbook
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"


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


@dataclass(frozen=True)
class _Plan:
    kind: ExportKind
    file_format: ExportFormat
    target: Path
    full: bool


def _plan(
    kind: ExportKind | str, path: str | Path, file_format: ExportFormat | str | None, full: bool
) -> _Plan:
    kind = ExportKind(kind)
    chosen = ExportFormat(file_format) if file_format is not None else format_for(path)
    target = Path(path)
    if not target.name or target.is_dir():
        raise ValidationError("path", translate("Export", "Choose a file name to export to."))
    return _Plan(kind, chosen, target, full)


def export(
    session: Session,
    actor: Actor,
    kind: ExportKind | str,
    path: str | Path,
    *,
    file_format: ExportFormat | str | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write `kind` to `path`; phones and IDs masked unless `full`. Audited in the session."""
    actor.require(Permission.IMPORT_EXPORT)
    plan = _plan(kind, path, file_format, full)
    temporary, count = _write_temporary(session, plan, progress or quiet())
    try:
        _record(session, actor, plan, count)
        session.flush()
        put_in_place(temporary, plan.target)
    finally:
        remove_file(temporary)
    return ExportResult(plan.target, plan.kind, plan.file_format, count, full)


def export_file(
    db: Database,
    actor: Actor,
    kind: ExportKind | str,
    path: str | Path,
    *,
    file_format: ExportFormat | str | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Like `export`, but reading in a read transaction and recording in a short writing one,
    so the desks are never kept waiting; Cancelled (and no file) if `progress` is stopped."""
    plan = _plan(kind, path, file_format, full)

    def write(session: Session, acting: Actor) -> tuple[Path, int]:
        acting.require(Permission.IMPORT_EXPORT)
        return _write_temporary(session, plan, progress or quiet())

    temporary, count = calls.read(db, actor, write)
    try:
        calls.write(db, actor, lambda session, acting: _record(session, acting, plan, count))
        put_in_place(temporary, plan.target)
    finally:
        remove_file(temporary)
    return ExportResult(plan.target, plan.kind, plan.file_format, count, full)


def _record(session: Session, actor: Actor, plan: _Plan, count: int) -> None:
    actor.require(Permission.IMPORT_EXPORT)
    audit.record(
        session,
        actor,
        "export",
        "person" if plan.kind is ExportKind.PEOPLE else "visit",
        None,
        rows=count,
        format=plan.file_format.value,
        full=plan.full,
        file=plan.target.name,
    )


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


def _free_text(value: str | None, full: bool) -> str:
    """An address or a note: a number typed into it is masked like the fields are."""
    return (value or "") if full else mask_numbers(value)


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


def _people_rows(session: Session, full: bool) -> Generator[list[object]]:
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
    # Closed with the generator: a stop part-way closes PostgreSQL's server-side cursor too.
    with session.execute(query) as result:
        yield from (_person_row(row, tags, full) for row in result)


def _person_row(row: Any, tags: dict[int, str], full: bool) -> list[object]:
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
    return [
        code,
        name,
        _gender_name(gender),
        year,
        _phone(phone, full),
        _id(id_number, full),
        community or "",
        group or "",
        _free_text(address, full),
        tags.get(person_id, ""),
        _yes_no(consent),
        created,
        _free_text(note, full),
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


def _visit_rows(session: Session, full: bool) -> Generator[list[object]]:
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
    with session.execute(query) as result:  # closed with the generator (see _people_rows)
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
        ) in result:
            yield [
                at,
                code or "",
                anonymous if anonymised or name is None else name,
                _phone(phone, full),
                community or "",
                names.get(purpose, purpose),
                _free_text(note, full),
                account or "",
                _yes_no(undone is not None),
            ]


# --- Writing the file --------------------------------------------------------------------

# A cell starting with one of these is taken for a formula by Excel (and by openpyxl): a name
# or note such as "=HYPERLINK(…)" must stay text (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def temporary_beside(target: Path, suffix: str) -> Path:
    """An empty file in `target`'s folder to write into, moved into place when complete
    (`put_in_place`); ValidationError on `path` when the folder can't be written."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=f".{suffix}.part", dir=folder
        )
        os.close(handle)
    except OSError as error:
        raise cannot_write(target, error) from error
    return Path(name)


def _write_temporary(session: Session, plan: _Plan, progress: Progress) -> tuple[Path, int]:
    """The whole file, written beside its final name; removed again on any failure."""
    temporary = temporary_beside(plan.target, plan.file_format.value)
    try:
        if plan.kind is ExportKind.PEOPLE:
            headers, total = _people_headers(), _count(session, Person, Person.active.is_(True))
            rows = _people_rows(session, plan.full)
        else:
            headers, total = _visit_headers(), _count(session, Visit)
            rows = _visit_rows(session, plan.full)
        with contextlib.closing(rows):
            counted = reporting(rows, total, progress)
            if plan.file_format is ExportFormat.CSV:
                count = _write_csv(temporary, headers, counted)
            else:
                count = write_xlsx(temporary, headers, counted)
    except OSError as error:
        remove_file(temporary)
        raise cannot_write(plan.target, error) from error
    except BaseException:
        remove_file(temporary)
        raise
    return temporary, count


def _count(session: Session, model: type[Person] | type[Visit], *where: Any) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def reporting(
    rows: Iterator[Sequence[object]], total: int, progress: Progress
) -> Iterator[Sequence[object]]:
    """The rows, saying how many are written and stopping (Cancelled) when asked."""
    phrase = translate("Export", "Writing the file")
    done = 0
    progress.report(0, total, phrase)
    for row in rows:
        if done % _PROGRESS_STEP == 0:
            progress.check()
            progress.report(done, total, phrase)
        yield row
        done += 1
    progress.check()
    progress.report(done, max(total, done), phrase)


def put_in_place(temporary: Path, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except OSError as error:
        raise cannot_write(target, error) from error


def remove_file(temporary: Path) -> None:
    if temporary.exists():
        temporary.unlink()


def cannot_write(target: Path, error: OSError) -> ValidationError:
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


_WIDTH_SAMPLE = 200  # rows looked at for the column widths (set before the first row)
_MAX_WIDTH = 60


def text_width(text: str) -> int:
    """Columns `text` takes in a spreadsheet: a Chinese character is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell_width(value: object) -> int:
    if isinstance(value, dt.datetime):
        return 17  # a narrower column shows ####
    if isinstance(value, dt.date):
        return 11
    if value is None:
        return 0
    return max((text_width(line) for line in str(value).splitlines()), default=0)


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterator[Sequence[object]],
    *,
    title: str = "",
    note: str = "",
    formats: Sequence[str | None] = (),
) -> int:
    """Stream `rows` (typed values) into a one-sheet workbook at `path`; the number of rows.

    The column titles are bold and stay on screen when scrolling (frozen), with a filter on
    them; a `title` (large, bold) and a `note` (the period, when it was made) come above them
    when given. Dates and times are real dates with a date format, so Excel sorts and filters
    them; `formats` gives a column's number format (e.g. "0.0%"); text that looks like a
    formula stays text. Column widths fit the titles and the first rows."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet((title or translate("Export", "Export"))[:31])
    sample = list(itertools.islice(rows, _WIDTH_SAMPLE))
    rows = itertools.chain(sample, rows)
    header_row = 1 + (1 if title else 0) + (1 if note else 0)
    sheet.freeze_panes = f"A{header_row + 1}"
    for column, heading in enumerate(headers, start=1):
        # Set before the first row: in a streamed sheet the widths are written first.
        width = max(
            [text_width(heading) + 2]
            + [_cell_width(row[column - 1]) + 1 for row in sample if len(row) >= column]
        )
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 8), _MAX_WIDTH)
    if headers:
        last = get_column_letter(len(headers))
        sheet.auto_filter.ref = f"A{header_row}:{last}{header_row}"
    for text, font in ((title, Font(bold=True, size=14)), (note, Font(italic=True))):
        if text:
            line = WriteOnlyCell(sheet, value=text)
            line.font = font
            sheet.append([line])
    bold, shade = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    wrap = Alignment(vertical="center", wrap_text=True)

    def heading_cell(text: str) -> Any:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill, cell.alignment = bold, shade, wrap
        return cell

    sheet.append([heading_cell(text) for text in headers])
    number_formats = list(formats) + [None] * (len(headers) - len(formats))
    count = 0

    def cell(value: object, number_format: str | None) -> Any:
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            text = WriteOnlyCell(sheet, value=None)
            text.value = value
            text.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
            return text
        if isinstance(value, dt.date):  # a real date: Excel sorts and filters it as one
            moment = WriteOnlyCell(sheet, value=value)
            moment.number_format = (
                DATE_TIME_FORMAT if isinstance(value, dt.datetime) else DATE_FORMAT
            )
            return moment
        if isinstance(value, dt.time):
            clock_time = WriteOnlyCell(sheet, value=value)
            clock_time.number_format = TIME_FORMAT
            return clock_time
        if (
            number_format
            and isinstance(value, (int, float, Decimal))
            and not isinstance(value, bool)
        ):
            number = WriteOnlyCell(sheet, value=value)
            number.number_format = number_format
            return number
        return None if value == "" else value

    try:
        for row in rows:
            sheet.append(
                [
                    cell(value, number_formats[i] if i < len(number_formats) else None)
                    for i, value in enumerate(row)
                ]
            )
            count += 1
    except BaseException:
        _abandon(sheet)
        raise
    workbook.save(path)
    return count


def _abandon(sheet: Any) -> None:
    """Close a half-written sheet's streams now and remove its temporary file: left to the
    garbage collector, openpyxl would finish them later, into a file that is closed by then."""
    with contextlib.suppress(Exception):
        sheet.close()
    out = getattr(getattr(sheet, "_writer", None), "out", None)
    if isinstance(out, str):
        with contextlib.suppress(OSError):
            os.remove(out)
