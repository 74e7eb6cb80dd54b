"""Writing an import: the new people, their pinyin search keys and tags in bulk (Core
executemany, no ORM object per row), the blanks of the people on file, one audit event."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock, people_fields
from app.errors import ConflictError
from app.i18n import translate
from app.models import Person, PersonSearchKey, PersonTag, Tag
from app.pinyin import search_keys
from app.security import Actor, Permission
from app.services import audit
from app.services.people import next_member_codes
from app.services.roster.checks import CheckedRow, RowStatus
from app.services.roster.fields import LOOKUP_CHUNK, ColumnMapping, chunks
from app.services.roster.reading import RosterPreview
from app.services.roster.report import RosterReport, validate

_INSERT_BATCH = 5_000

_PERSON = cast(Table, Person.__table__)
_KEY = cast(Table, PersonSearchKey.__table__)
_PERSON_TAG = cast(Table, PersonTag.__table__)
_TAG = cast(Table, Tag.__table__)


class ImportMode(enum.StrEnum):
    VALID_ROWS = "valid_rows"  # import the rows without errors, leave the others out
    ALL_OR_NOTHING = "all_or_nothing"  # import nothing when any row has an error


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


def _insert_people(session: Session, rows: Sequence[CheckedRow]) -> tuple[str, str]:
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
        chunks(rows, _INSERT_BATCH), chunks(values, _INSERT_BATCH), strict=True
    ):
        ids = connection.execute(statement, list(batch_values)).scalars().all()
        for row, person_id in zip(batch_rows, ids, strict=True):
            row.person_id = person_id
            for kind, key in dict.fromkeys(search_keys(row.name)):
                keys.append({"person_id": person_id, "kind": kind, "key": key})
    for batch in chunks(keys, _INSERT_BATCH * 4):
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
