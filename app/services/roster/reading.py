"""Reading a roster workbook: the first sheet with a name column, its header row (which may sit
under a title), its rows of people, and the guessed column mapping."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import DomainError, ValidationError
from app.i18n import translate
from app.progress import Progress, quiet
from app.services.roster.fields import (
    ColumnMapping,
    RosterField,
    cell_text,
    column_letter,
    field_label,
    guess_mapping,
)

HEADER_SCAN_ROWS = 10  # the header may sit under a title and a blank row or two
MAX_ROWS = 100_000  # rows of people in one import
REPORT_SAMPLES = 3  # example values per column in the preview
READ_STEP = 1_000  # rows read between two progress reports (and chances to stop)

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # compound file: the old .xls, or an encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"


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
        titles = tuple(cell_text(title) for title in _pad(list(headers), width))
        return cls(file_name, sheet, header_row, titles, body, guess_mapping(titles))

    @property
    def columns(self) -> int:
        return len(self.headers)

    def samples(self, column: int, count: int = REPORT_SAMPLES) -> list[str]:
        """The first few non-empty values of a column, as text."""
        found: list[str] = []
        for _number, values in self.rows:
            text = cell_text(values[column]) if column < len(values) else ""
            if text:
                found.append(text)
                if len(found) == count:
                    break
        return found


def _file_error(message: str) -> ValidationError:
    return ValidationError("file", message)


def read_roster(path: str | Path, *, progress: Progress | None = None) -> RosterPreview:
    """Read the first sheet with a name column; one ValidationError("file", …) if none can be.
    Cancelled if `progress` is asked to stop."""
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
        return _read_workbook(path, workbook, progress or quiet())
    except DomainError:
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


def _read_workbook(path: Path, workbook: Any, progress: Progress) -> RosterPreview:
    phrase = translate("Roster", "Reading the file")
    progress.report(0, 0, phrase)
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
            if len(body) % READ_STEP == 0:
                progress.check()
                progress.report(len(body), 0, phrase)
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
        titles = tuple(cell_text(value) for value in _pad(headers, width))
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
        mapping = guess_mapping([cell_text(value) for value in values])
        if RosterField.NAME in mapping and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


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
