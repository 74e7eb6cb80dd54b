"""Writing an import: the new people, their pinyin search keys and tags in bulk (Core
executemany, no ORM object per row), the blanks of the people on file, and the audit log.

The desks write with `import_roster`, in batches of `BATCH_ROWS` rows, each its own short
writing transaction with a pause after it on SQLite (SQLITE_YIELD_SECONDS), so another desk's
check-in waits at most one batch (about a tenth of a second) instead of the whole import, and
the work can stop between two batches. Each
batch matches its rows against the register again inside its transaction (another desk may have
registered one of them meanwhile), takes its member codes from the counter (consecutive within
the batch), and is written whole or not at all.

All or nothing: every row is checked before anything is written, and nothing is written when
any row has an error. An import of up to `BATCH_ROWS` rows is one transaction, so it is all or
nothing in the strict sense too. A larger one is written batch by batch; if the database fails
or a row turns out to be taken by another desk meanwhile, the import stops there, the whole
batches already written stay (each is in the audit log as "import_part"), and the result says
exactly how many rows were written, up to which row of the sheet, and with which member codes.
Importing the same file again then adds only the rest: the people written are recognised by ID
number, or by phone and name. One transaction for a whole large import would block every desk
for its duration, which is what batches are for.

`import_rows` writes in the caller's one transaction (a small roster, or a caller that already
holds a writing session); it blocks other writers until the caller commits.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from app import clock, people_fields
from app.db import Database
from app.errors import ConflictError, DomainError
from app.i18n import translate
from app.models import Person, PersonSearchKey, PersonTag, Tag
from app.pinyin import search_keys
from app.progress import Cancelled, Progress, quiet
from app.security import Actor, Permission
from app.services import audit, calls
from app.services.people import next_member_codes
from app.services.roster.checks import CheckedRow, GenderRule, IssueKind, RowIssue, RowStatus
from app.services.roster.fields import LOOKUP_CHUNK, ColumnMapping, chunks
from app.services.roster.matching import match_rows
from app.services.roster.reading import RosterPreview
from app.services.roster.report import RosterReport, build_report, check_rows, then

log = logging.getLogger(__name__)

BATCH_ROWS = 1_000  # rows written per transaction by import_roster (~0.1 s of the write lock)
# Between two batches on SQLite the import leaves the write lock free for a little longer than
# SQLite's busy handler sleeps between two tries of a waiting writer (at most 100 ms, in
# sqliteDefaultBusyCallback). Taken again at once, the lock would never be free when a waiting
# check-in looks, and the check-in would wait for the whole import (measured: 1 s of 10,000
# rows; a 100,000-row import ran into the 15 s busy timeout, "database is locked"). A server
# (PostgreSQL) queues lock waits in order, and the import takes no lock a check-in needs there.
SQLITE_YIELD_SECONDS = 0.11
_INSERT_BATCH = 5_000

_PERSON = cast(Table, Person.__table__)
_KEY = cast(Table, PersonSearchKey.__table__)
_PERSON_TAG = cast(Table, PersonTag.__table__)
_TAG = cast(Table, Tag.__table__)


class ImportMode(enum.StrEnum):
    VALID_ROWS = "valid_rows"  # import the rows without errors, leave the others out
    ALL_OR_NOTHING = "all_or_nothing"  # import nothing when any row has an error


class StopReason(enum.StrEnum):
    """Why an import ended before its last batch (the batches before it are written)."""

    CANCELLED = "cancelled"  # someone asked it to stop
    FAILED = "failed"  # the database failed, or a row was taken by another desk meanwhile


@dataclass(frozen=True)
class ImportResult:
    report: RosterReport
    mode: ImportMode
    written: bool  # False: nothing was written (all-or-nothing with errors, or nothing valid)
    added: int = 0  # people registered
    completed: int = 0  # people on file who got a blank filled in or a tag added
    first_code: str = ""
    last_code: str = ""
    code_ranges: tuple[tuple[str, str], ...] = ()  # member codes given, first–last, in order
    gender_rule: GenderRule = GenderRule.FROM_ID
    stopped: StopReason | None = None  # None: every batch was written
    problem: str = ""  # why it stopped (FAILED), in words
    rows_written: int = 0  # rows that were to be written and were
    rows_planned: int = 0  # rows that were to be written (new people, people to complete)
    last_row: int = 0  # the sheet's row number of the last row written

    @property
    def left_out(self) -> int:
        return self.report.errors if self.written else self.report.rows


def import_rows(
    session: Session,
    actor: Actor,
    preview: RosterPreview,
    mapping: ColumnMapping,
    mode: ImportMode | str = ImportMode.VALID_ROWS,
    *,
    gender_rule: GenderRule | str = GenderRule.FROM_ID,
) -> ImportResult:
    """Check, match and write in the caller's one transaction; a failure rolls everything back.
    (The desks use `import_roster`, which writes in batches and never blocks them for long.)"""
    actor.require(Permission.IMPORT_EXPORT)
    mode, rule = ImportMode(mode), GenderRule(gender_rule)
    rows, issues = _checked(session, actor, preview, mapping, rule, quiet())
    report = build_report(rows, issues)
    plan = _plan(rows)
    if not _may_write(mode, report, plan):
        return ImportResult(report, mode, written=False, gender_rule=rule)
    part = _write(session, plan)
    done = _Done(rule=rule, planned=len(plan)).add(part, plan)
    _audit_summary(session, actor, preview, mode, report, done)
    return done.result(report, mode)


def import_roster(
    db: Database,
    actor: Actor,
    preview: RosterPreview,
    mapping: ColumnMapping,
    mode: ImportMode | str = ImportMode.VALID_ROWS,
    *,
    gender_rule: GenderRule | str = GenderRule.FROM_ID,
    progress: Progress | None = None,
    batch_rows: int | None = None,
) -> ImportResult:
    """Check every row (reading, no lock), then write in batches of `batch_rows` rows (default
    BATCH_ROWS), each its own transaction (see the module's note). Cancelled is raised when
    asked to stop before anything was written; asked later, the import stops after the batch it
    is writing and the result says so (`stopped`)."""
    progress = progress or quiet()
    mode, rule = ImportMode(mode), GenderRule(gender_rule)
    rows, issues = calls.read(
        db,
        actor,
        lambda session, acting: _checked(session, acting, preview, mapping, rule, progress),
    )
    report = build_report(rows, issues)
    plan = _plan(rows)
    if not _may_write(mode, report, plan):
        return ImportResult(report, mode, written=False, gender_rule=rule)
    issues_by_row: dict[int, list[RowIssue]] = {}
    for issue in issues:
        issues_by_row.setdefault(issue.row, []).append(issue)
    batches = list(chunks(plan, max(batch_rows or BATCH_ROWS, 1)))
    done = _Done(rule=rule, planned=len(plan))
    phrase = translate("Roster", "Writing the rows")
    for number, batch in enumerate(batches, start=1):
        progress.report(done.rows, len(plan), phrase)
        last = number == len(batches)
        try:
            began = time.monotonic()
            keys = _search_keys(batch)  # outside the transaction: the lock is free meanwhile
            if number > 1 and db.dialect == "sqlite":
                # Let a waiting desk write (see SQLITE_YIELD_SECONDS).
                progress.pause(SQLITE_YIELD_SECONDS - (time.monotonic() - began))
            progress.check()
            part = calls.write(
                db,
                actor,
                partial(
                    _write_batch,
                    batch=batch,
                    number=number,
                    last=last,
                    issues_by_row=issues_by_row,
                    mode=mode,
                    preview=preview,
                    rows=rows,
                    done=done,
                    keys=keys,
                ),
            )
        except Cancelled:
            if not done.rows:
                raise
            done.stopped = StopReason.CANCELLED
        except (SQLAlchemyError, DomainError) as error:
            if not done.rows:
                raise
            log.warning("roster import stopped after %d rows: %s", done.rows, error)
            done.stopped = StopReason.FAILED
            done.problem = (
                error.message
                if isinstance(error, DomainError)
                else translate("Roster", "the database could not be written.")
            )
        else:
            done.add(part, batch)
            continue
        break
    progress.report(done.rows, len(plan), phrase)
    final = build_report(rows, [i for row in rows for i in issues_by_row.get(row.number, [])])
    if done.stopped is not None:
        _audit_stop(db, actor, preview, mode, final, done)
    return done.result(final, mode)


# --- inside ------------------------------------------------------------------------------


def _checked(
    session: Session,
    actor: Actor,
    preview: RosterPreview,
    mapping: ColumnMapping,
    rule: GenderRule,
    progress: Progress,
) -> tuple[list[CheckedRow], list[RowIssue]]:
    """Every row checked, its gender settled by `rule`, and matched against the register."""
    rows, issues = check_rows(session, actor, preview, mapping, progress=progress)
    for row in rows:
        row.apply(rule)
    match_rows(session, rows, issues)
    return rows, issues


@dataclass(frozen=True)
class _Part:
    """What one transaction wrote."""

    added: int
    completed: int
    first_code: str
    last_code: str


@dataclass
class _Done:
    """What the import has written so far."""

    rule: GenderRule
    planned: int
    rows: int = 0
    added: int = 0
    completed: int = 0
    parts: int = 0
    code_ranges: list[tuple[str, str]] = field(default_factory=list)
    last_row: int = 0
    stopped: StopReason | None = None
    problem: str = ""

    def add(self, part: _Part, batch: Sequence[CheckedRow]) -> _Done:
        self.rows += len(batch)
        self.added += part.added
        self.completed += part.completed
        self.parts += 1
        self.last_row = batch[-1].number
        if part.first_code:
            if self.code_ranges and _follows(self.code_ranges[-1][1], part.first_code):
                self.code_ranges[-1] = (self.code_ranges[-1][0], part.last_code)
            else:
                self.code_ranges.append((part.first_code, part.last_code))
        return self

    def with_part(self, part: _Part, batch: Sequence[CheckedRow]) -> _Done:
        """What will have been written once `part` is committed (for its audit event)."""
        copy = _Done(**{**self.__dict__, "code_ranges": list(self.code_ranges)})
        return copy.add(part, batch)

    def result(self, report: RosterReport, mode: ImportMode) -> ImportResult:
        return ImportResult(
            report,
            mode,
            written=self.rows > 0,
            added=self.added,
            completed=self.completed,
            first_code=self.code_ranges[0][0] if self.code_ranges else "",
            last_code=self.code_ranges[-1][1] if self.code_ranges else "",
            code_ranges=tuple(self.code_ranges),
            gender_rule=self.rule,
            stopped=self.stopped,
            problem=self.problem,
            rows_written=self.rows,
            rows_planned=self.planned,
            last_row=self.last_row,
        )


def _follows(last: str, first: str) -> bool:
    """Whether member code `first` comes right after `last` (YL000041 → YL000042)."""
    head_a, digits_a = last.rstrip("0123456789"), last[len(last.rstrip("0123456789")) :]
    head_b, digits_b = first.rstrip("0123456789"), first[len(first.rstrip("0123456789")) :]
    return bool(digits_a and digits_b) and head_a == head_b and int(digits_b) == int(digits_a) + 1


def _plan(rows: Sequence[CheckedRow]) -> list[CheckedRow]:
    """The rows to write, in the sheet's order: new people, and people on file to complete."""
    return [
        row
        for row in rows
        if row.status is RowStatus.NEW
        or (row.status is RowStatus.MATCHED and (row.fills or row.new_tags))
    ]


def _may_write(mode: ImportMode, report: RosterReport, plan: Sequence[CheckedRow]) -> bool:
    return bool(plan) and not (mode is ImportMode.ALL_OR_NOTHING and report.errors)


def _write(session: Session, rows: Sequence[CheckedRow], keys: _Keys | None = None) -> _Part:
    """Write the rows whose fate is settled in this transaction (`keys`: their search keys, if
    worked out beforehand)."""
    new = [row for row in rows if row.status is RowStatus.NEW]
    matched = [
        row for row in rows if row.status is RowStatus.MATCHED and (row.fills or row.new_tags)
    ]
    try:
        first, last = _insert_people(session, new, keys or _search_keys(new))
        completed = _complete_matched(session, matched)
        _insert_tags(session, new, matched)
        session.flush()
    except IntegrityError as error:
        # Another desk registered the same ID number, or took the next member codes, meanwhile.
        raise ConflictError(
            translate("Errors", "Someone else saved at the same moment. Please save again.")
        ) from error
    return _Part(len(new), completed, first, last)


def _write_batch(
    session: Session,
    actor: Actor,
    *,
    batch: Sequence[CheckedRow],
    number: int,
    last: bool,
    issues_by_row: dict[int, list[RowIssue]],
    mode: ImportMode,
    preview: RosterPreview,
    rows: Sequence[CheckedRow],
    done: _Done,
    keys: _Keys,
) -> _Part:
    """One batch in its own transaction: matched again against the register as it is now
    (another desk may have registered one of its people meanwhile), then written."""
    actor.require(Permission.IMPORT_EXPORT)
    before = {row.number: (row.status, row.person_id) for row in batch}
    for row in batch:
        row.unmatch()
    fresh: list[RowIssue] = []
    match_rows(session, batch, fresh)
    for row in batch:
        if before[row.number][0] is RowStatus.NEW and row.status is RowStatus.NEW:
            continue  # the same fate: the report keeps what it said
        # A row to write has no errors of its cells; its warnings stay, the rest is matching's.
        kept = [i for i in issues_by_row.get(row.number, []) if i.kind is IssueKind.WARNING]
        issues_by_row[row.number] = kept + [i for i in fresh if i.row == row.number]
        if row.status is RowStatus.ERROR and mode is ImportMode.ALL_OR_NOTHING:
            message = next(i.message for i in fresh if i.row == row.number)
            raise ConflictError(
                translate("Roster", "Row %1 changed on file while importing: %2")
                .replace("%1", str(row.number))
                .replace("%2", message)
            )
    part = _write(session, batch, keys)
    if last:
        report = build_report(rows, [])
        _audit_summary(session, actor, preview, mode, report, done.with_part(part, batch))
    else:
        audit.record(
            session,
            actor,
            "import_part",
            "person",
            None,
            file=preview.file_name,
            mode=mode.value,
            part=number,
            rows=len(batch),
            first_row=batch[0].number,
            last_row=batch[-1].number,
            added=part.added,
            completed=part.completed,
            first_code=part.first_code or None,
            last_code=part.last_code or None,
        )
    return part


def _summary_detail(
    preview: RosterPreview, mode: ImportMode, report: RosterReport, done: _Done
) -> dict[str, Any]:
    return {
        "file": preview.file_name,
        "mode": mode.value,
        "rows": report.rows,
        "added": done.added,
        "matched": report.matched,
        "completed": done.completed,
        "repeated": report.repeated,
        "errors": report.errors,
        "first_code": done.code_ranges[0][0] if done.code_ranges else None,
        "last_code": done.code_ranges[-1][1] if done.code_ranges else None,
        "gender_rule": done.rule.value,
        "parts": done.parts,
    }


def _audit_summary(
    session: Session,
    actor: Actor,
    preview: RosterPreview,
    mode: ImportMode,
    report: RosterReport,
    done: _Done,
) -> None:
    audit.record(
        session, actor, "import", "person", None, **_summary_detail(preview, mode, report, done)
    )


def _audit_stop(
    db: Database,
    actor: Actor,
    preview: RosterPreview,
    mode: ImportMode,
    report: RosterReport,
    done: _Done,
) -> None:
    """The summary of an import that stopped early, if the database can still be written (the
    batches written are in the log as "import_part" anyway)."""
    detail = _summary_detail(preview, mode, report, done)
    detail.update(stopped=done.stopped.value if done.stopped else None, last_row=done.last_row)
    try:
        calls.write(
            db,
            actor,
            lambda session, acting: audit.record(
                session, acting, "import", "person", None, **detail
            ),
        )
    except (SQLAlchemyError, DomainError) as error:
        log.warning("roster import: the stop could not be logged: %s", error)


_Keys = dict[int, list[tuple[str, str]]]  # row number → the person's search keys (kind, key)


def _search_keys(rows: Sequence[CheckedRow]) -> _Keys:
    """The pinyin search keys of the rows' names (a third of a batch's time: worked out before
    its transaction, while the lock is left to the other desks)."""
    return {row.number: list(dict.fromkeys(search_keys(row.name))) for row in rows}


def _insert_people(session: Session, rows: Sequence[CheckedRow], keys: _Keys) -> tuple[str, str]:
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
    key_rows: list[dict[str, object]] = []
    for batch_rows, batch_values in zip(
        chunks(rows, _INSERT_BATCH), chunks(values, _INSERT_BATCH), strict=True
    ):
        ids = connection.execute(statement, list(batch_values)).scalars().all()
        for row, person_id in zip(batch_rows, ids, strict=True):
            row.person_id = person_id
            for kind, key in keys[row.number]:
                key_rows.append({"person_id": person_id, "kind": kind, "key": key})
    for batch in chunks(key_rows, _INSERT_BATCH * 4):
        connection.execute(insert(_KEY), list(batch))
    return codes[0], codes[-1]


def _complete_matched(session: Session, rows: Sequence[CheckedRow]) -> int:
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


def _insert_tags(
    session: Session, new: Sequence[CheckedRow], matched: Sequence[CheckedRow]
) -> None:
    pairs = [(row.person_id, tag) for row in new for tag in row.tags]
    pairs += [(row.person_id, tag) for row in matched for tag in row.new_tags]
    if not pairs:
        return
    names = sorted({tag for _person, tag in pairs})
    connection = session.connection()
    ids: dict[str, int] = {}
    for chunk in chunks(names, LOOKUP_CHUNK):
        ids.update(
            (name, tag_id)
            for tag_id, name in connection.execute(
                select(_TAG.c.id, _TAG.c.name).where(_TAG.c.name.in_(chunk))
            )
        )
    missing = [name for name in names if name not in ids]
    if missing:
        connection.execute(insert(_TAG), [{"name": name} for name in missing])
        for chunk in chunks(missing, LOOKUP_CHUNK):
            ids.update(
                (name, tag_id)
                for tag_id, name in connection.execute(
                    select(_TAG.c.id, _TAG.c.name).where(_TAG.c.name.in_(chunk))
                )
            )
    links = list(dict.fromkeys((person_id, ids[tag]) for person_id, tag in pairs))
    for batch in chunks(links, _INSERT_BATCH * 4):
        connection.execute(insert(_PERSON_TAG), [{"person_id": p, "tag_id": t} for p, t in batch])


def summary(result: ImportResult) -> str:
    """What happened, in a few sentences (the dialog and the command line say the same)."""
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
    if result.stopped is not None:
        return _stopped_summary(result)
    text = (
        translate("Roster", "Imported: %1 new, %2 already on file (%3 of them completed).")
        .replace("%1", str(result.added))
        .replace("%2", str(report.matched))
        .replace("%3", str(result.completed))
    )
    if report.repeated:
        text = then(
            text,
            translate("Roster", "%1 repeated rows left out.").replace("%1", str(report.repeated)),
        )
    if report.errors:
        text = then(
            text,
            translate("Roster", "%1 rows with errors left out.").replace("%1", str(report.errors)),
        )
    return _with_gender(text, result)


def _stopped_summary(result: ImportResult) -> str:
    """An import that ended early: why, exactly what was written, and how to finish it."""
    if result.stopped is StopReason.CANCELLED:
        why = translate("Roster", "The import was stopped at your request after %1 of %2 rows.")
    else:
        why = translate("Roster", "The import stopped after %1 of %2 rows: %3")
    text = (
        why.replace("%1", f"{result.rows_written:,}")
        .replace("%2", f"{result.rows_planned:,}")
        .replace("%3", result.problem)
    )
    written = (
        translate(
            "Roster",
            "Written: %1 new people (member codes %2) and %3 people on file completed, up to "
            "row %4 of the sheet; the rows after it were not imported.",
        )
        if result.added
        else translate(
            "Roster",
            "Written: %3 people on file completed, up to row %4 of the sheet; the rows after "
            "it were not imported.",
        )
    )
    text = then(
        text,
        written.replace("%1", f"{result.added:,}")
        .replace("%2", codes_text(result.code_ranges))
        .replace("%3", f"{result.completed:,}")
        .replace("%4", str(result.last_row)),
    )
    text = then(
        text,
        translate(
            "Roster",
            "To finish, import the same file again: the people already written are recognised "
            "by ID number, or by phone and name, and not registered twice.",
        ),
    )
    return _with_gender(text, result)


def _with_gender(text: str, result: ImportResult) -> str:
    if not result.report.gender_conflicts:
        return text
    rule = (
        translate(
            "Roster", "%1 genders that contradicted the ID number were taken from the ID number."
        )
        if result.gender_rule is GenderRule.FROM_ID
        else translate(
            "Roster", "%1 genders that contradicted the ID number were kept as the roster gives."
        )
    )
    return then(text, rule.replace("%1", str(result.report.gender_conflicts)))


def codes_text(ranges: Sequence[tuple[str, str]]) -> str:
    """YL000001–YL001000, YL001003–YL001500 (a single code once)."""
    parts = [first if first == last else f"{first}–{last}" for first, last in ranges]
    return translate("Roster", ", ").join(parts)
