"""Matching checked rows against the people on file and against the rows above them.

A row is the same person as one on file (or one higher up in the file) when its ID number is,
or when its phone number and its name both are. Such a row is never registered twice: it fills
in what the record on file leaves empty (gender, birth year, phone, ID number, community and
building group, address, note) and adds its tags, but never overwrites a value on file. The same
phone with another name is a family sharing a number: a new person, with a note in the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import people_fields
from app.i18n import translate
from app.models import Person, PersonTag, Tag
from app.services.roster.checks import CheckedRow, IssueKind, RowIssue, RowStatus
from app.services.roster.fields import LOOKUP_CHUNK, RosterField, chunks, field_label


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


def _on_file(
    session: Session, rows: Sequence[CheckedRow]
) -> tuple[dict[str, _OnFile], dict[str, list[_OnFile]]]:
    """The people on file with the rows' ID numbers, and the active ones with their phones."""
    ids = sorted({row.id_number for row in rows if row.id_number})
    phones = sorted({row.phone for row in rows if row.phone})
    by_id: dict[str, _OnFile] = {}
    for chunk in chunks(ids, LOOKUP_CHUNK):
        for values in session.execute(select(*_ON_FILE_COLUMNS).where(Person.id_number.in_(chunk))):
            person = _person_of(values)
            by_id[person.id_number or ""] = _surviving(session, person)
    by_phone: dict[str, list[_OnFile]] = {}
    for chunk in chunks(phones, LOOKUP_CHUNK):
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


def match_rows(session: Session, rows: Sequence[CheckedRow], issues: list[RowIssue]) -> None:
    """Rows that are people on file, or repeat a row above them, are marked, not doubled."""
    candidates = [row for row in rows if row.status is not RowStatus.ERROR]
    by_id, by_phone = _on_file(session, candidates)
    tags_on_file = _tags_on_file(session, by_id, by_phone)
    file_ids: dict[str, CheckedRow] = {}
    file_phones: dict[str, list[CheckedRow]] = {}
    claimed: dict[int, CheckedRow] = {}  # person on file → the first row that matched them

    def note(row: CheckedRow, fld: RosterField | None, kind: IssueKind, message: str) -> None:
        issues.append(RowIssue(row.number, fld, kind, message))

    def left_out_as_repeat(row: CheckedRow, first: CheckedRow) -> None:
        row.status = RowStatus.REPEATED
        message = translate("Roster", "The same person as row %1; left out.")
        note(row, None, IssueKind.REPEATED, message.replace("%1", str(first.number)))

    for row in candidates:
        # The same person higher up in the file?
        earlier: CheckedRow | None = None
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
    for chunk in chunks(people, LOOKUP_CHUNK):
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


def _fill(row: CheckedRow, person: _OnFile, tags: set[str]) -> str | None:
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


def _matched_message(person: _OnFile, row: CheckedRow) -> str:
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
