"""Export a list or a statistics table, as a desk shows it, to an .xlsx workbook.

A desk hands over what its table shows: a title (居民档案, 接待记录 2026-11-28 …), the column
titles, and the rows as typed values (a date is a `date`, a count an `int`, hours a `Decimal`),
or a function that reads the rows in the export's own read transaction (a register of 100,000
people is not read into the window first). The workbook has the title, a note saying when it
was made, bold column titles that stay on screen, real dates and fitting column widths
(`app.services.export.write_xlsx`, the same writer as the register's export).

Who may export what is decided here, not by the desk's buttons:
- a statistics table (`TableKind.STATISTICS`: counts, rates, hours; no person named) needs
  `Permission.REPORTS` (staff and admins);
- a list naming people (`TableKind.PEOPLE`: the register, a visit log, a roster, the
  volunteers, the certificate register) needs `Permission.IMPORT_EXPORT` (the administrator), as
  the register's own export does. Such a list is always written masked: every phone or ID
  number in its text is masked the way the desks show them (138****5678), even one typed
  into a note. Full numbers only come out of People → Export, which says so and logs it.
Every export is recorded in the audit log (title, rows, file) in a short writing transaction of
its own after the file is written; a refused, failed or stopped export leaves no file.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.errors import ValidationError
from app.i18n import translate
from app.masking import mask_numbers
from app.progress import Progress, quiet
from app.security import Actor, Permission
from app.services import audit, calls
from app.services.export import (
    cannot_write,
    put_in_place,
    remove_file,
    reporting,
    temporary_beside,
    write_xlsx,
)

Row = Sequence[object]
# Reads the rows inside the export's read transaction (in the export's worker thread).
RowReader = Callable[[Session], Iterable[Row]]


class TableKind(enum.StrEnum):
    STATISTICS = "statistics"  # aggregates only: Permission.REPORTS
    PEOPLE = "people"  # names people: Permission.IMPORT_EXPORT, numbers masked


@dataclass(frozen=True)
class Table:
    """What a desk's table shows. `rows` are typed values in the order of `headers`, or a
    RowReader; `formats` an Excel number format per column (None: as it comes);
    `total` the number of rows when known (progress); `note` a line under the title (the
    period or the filter)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Row] | RowReader
    kind: TableKind
    formats: Sequence[str | None] = field(default_factory=tuple)
    note: str = ""
    total: int | None = None


@dataclass(frozen=True)
class TableExport:
    path: Path
    title: str
    kind: TableKind
    rows: int


def permission_for(kind: TableKind | str) -> Permission:
    """The permission exporting a table of `kind` needs."""
    return (
        Permission.REPORTS if TableKind(kind) is TableKind.STATISTICS else Permission.IMPORT_EXPORT
    )


def may_export(actor: Actor, kind: TableKind | str) -> bool:
    return actor.may(permission_for(kind))


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name(title: str, day: dt.date | None = None) -> str:
    """The name a save dialog proposes: 居民档案 2026-11-28.xlsx (characters Windows refuses in a
    file name become -)."""
    stem = _UNSAFE.sub("-", title).strip(" .-") or translate("Tables", "Table")
    return f"{stem} {(day or clock.today()).isoformat()}.xlsx"


def _target(path: str | Path) -> Path:
    target = Path(path)
    if not target.name or target.is_dir():
        raise ValidationError("path", translate("Export", "Choose a file name to export to."))
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    return target


def export_table(
    db: Database,
    actor: Actor,
    table: Table,
    path: str | Path,
    *,
    progress: Progress | None = None,
) -> TableExport:
    """Write `table` to the .xlsx file `path` (".xlsx" added when missing) and record it.

    PermissionDenied for an account that may not export this kind of table, ValidationError on
    "path" when the file can't be written, Cancelled when `progress` is stopped; in every such
    case no file is left behind."""
    kind = TableKind(table.kind)
    target = _target(path)
    permission = permission_for(kind)
    made_at = clock.now()

    def write(session: Session, acting: Actor) -> tuple[Path, int]:
        acting.require(permission)
        source = table.rows(session) if callable(table.rows) else table.rows
        total = table.total if table.total is not None else _length(source)
        temporary = temporary_beside(target, "xlsx")
        read = iter(source)
        try:
            rows = _masked(read) if kind is TableKind.PEOPLE else read
            count = write_xlsx(
                temporary,
                list(table.headers),
                reporting(rows, total, progress or quiet()),
                title=table.title,
                note=_note(table, kind, made_at),
                formats=table.formats,
            )
        except OSError as error:
            remove_file(temporary)
            raise cannot_write(target, error) from error
        except BaseException:
            remove_file(temporary)
            raise
        finally:
            _close(read)  # a reader's database cursor, when it stopped part-way
        return temporary, count

    temporary, count = calls.read(db, actor, write)
    try:

        def record(session: Session, acting: Actor) -> None:
            acting.require(permission)
            audit.record(
                session,
                acting,
                "export",
                "table",
                None,
                title=table.title,
                kind=kind.value,
                rows=count,
                format="xlsx",
                full=False,
                file=target.name,
            )

        calls.write(db, actor, record)
        put_in_place(temporary, target)
    finally:
        remove_file(temporary)
    return TableExport(target, table.title, kind, count)


def summary(result: TableExport) -> str:
    """What was written, in words; a list of people also says its numbers are masked."""
    text = (
        translate("Tables", "Exported %1 rows of %2 to %3.")
        .replace("%1", f"{result.rows:,}")
        .replace("%2", result.title)
        .replace("%3", str(result.path))
    )
    if result.kind is TableKind.PEOPLE:
        more = translate("Export", "Phone and ID numbers are masked.")
        return translate("Export", "%1 %2").replace("%1", text).replace("%2", more)
    return text


def _note(table: Table, kind: TableKind, made_at: dt.datetime) -> str:
    made = translate("Tables", "Exported %1").replace("%1", f"{made_at:%Y-%m-%d %H:%M}")
    parts = [table.note, made] if table.note else [made]
    if kind is TableKind.PEOPLE:
        parts.append(translate("Export", "Phone and ID numbers are masked."))
    return translate("Tables", "; ").join(part.rstrip("。.") for part in parts)


def _length(rows: Iterable[Row]) -> int:
    return len(rows) if isinstance(rows, Sequence) else 0


def _masked(rows: Iterable[Row]) -> Iterator[Row]:
    """Every phone or ID number in the text masked (an already masked one stays as it is)."""
    for row in rows:
        yield [mask_numbers(value) if isinstance(value, str) else value for value in row]


def _close(rows: Iterator[Row]) -> None:
    close = getattr(rows, "close", None)
    if close is not None:
        close()
