"""Checking a row's cells with the register's own field checks (app/people_fields.py), and
finding its community and building group by the names a roster uses."""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock, people_fields, validation
from app.errors import ValidationError
from app.i18n import translate
from app.models import BuildingGroup, Community, Gender
from app.services.people import ADDRESS_MAX_LENGTH, NOTE_MAX_LENGTH, TAG_MAX_LENGTH
from app.services.roster.fields import ColumnMapping, RosterField, cell_text, field_label


class RowStatus(enum.StrEnum):
    NEW = "new"  # will be registered
    MATCHED = "matched"  # already on file: fills in blanks, adds tags
    REPEATED = "repeated"  # the same person as a row above it: left out
    ERROR = "error"


class IssueKind(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"  # to be looked at; the row is imported (e.g. a gender against the ID)
    MATCHED = "matched"
    REPEATED = "repeated"
    NOTE = "note"  # for information; the row is imported


class GenderRule(enum.StrEnum):
    """Which gender a row is imported with when its gender contradicts its ID number."""

    # The default: a valid ID number's 17th digit is covered by the check digit (a typo there
    # fails the checksum), while a gender column is typed by hand and slips by a row or a key.
    FROM_ID = "from_id"
    AS_WRITTEN = "as_written"  # the roster's gender, as typed


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
class CheckedRow:
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
    id_gender: Gender | None = None  # set when the ID number's gender contradicts `gender`

    def unmatch(self) -> None:
        """Forget what matching decided, to match the row again (not a row with errors)."""
        if self.status is not RowStatus.ERROR:
            self.status = RowStatus.NEW
        self.person_id = None
        self.fills = {}
        self.new_tags = ()

    def apply(self, rule: GenderRule) -> None:
        """Settle a gender that contradicts the ID number, by `rule` (before matching)."""
        if self.id_gender is not None and rule is GenderRule.FROM_ID:
            self.gender = self.id_gender


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


def check_row(
    number: int,
    values: Sequence[object],
    columns: Mapping[RosterField, int],
    places: Places,
    issues: list[RowIssue],
) -> CheckedRow:
    row = CheckedRow(number)

    def cell(fld: RosterField) -> object:
        column = columns.get(fld)
        return None if column is None or column >= len(values) else values[column]

    def error(fld: RosterField, message: str) -> None:
        row.status = RowStatus.ERROR
        issues.append(RowIssue(number, fld, IssueKind.ERROR, message))

    try:
        row.name = people_fields.name(cell_text(cell(RosterField.NAME)))
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
        from_id = people_fields.gender_from_id(row.id_number)
        if row.gender is None:
            row.gender = from_id
        elif row.gender is not from_id:
            row.id_gender = from_id
            issues.append(
                RowIssue(
                    number,
                    RosterField.GENDER,
                    IssueKind.WARNING,
                    translate(
                        "Roster",
                        "The gender “%1” contradicts the ID number, whose 17th digit says %2.",
                    )
                    .replace("%1", gender_name(row.gender))
                    .replace("%2", gender_name(from_id)),
                )
            )
    try:
        row.community_id, row.building_group_id = places.find(
            cell_text(cell(RosterField.COMMUNITY)), cell_text(cell(RosterField.BUILDING_GROUP))
        )
    except ValidationError as problem:
        error(RosterField(problem.field), problem.message)
    try:
        row.address = validation.optional_text(
            "address",
            cell_text(cell(RosterField.ADDRESS)),
            max_length=ADDRESS_MAX_LENGTH,
            label=translate("Errors", "the address"),
        )
    except ValidationError as problem:
        error(RosterField.ADDRESS, problem.message)
    try:
        row.tags = _tags(cell_text(cell(RosterField.TAGS)))
    except ValidationError as problem:
        error(RosterField.TAGS, problem.message)
    try:
        row.note = validation.optional_text(
            "note",
            cell_text(cell(RosterField.NOTE)),
            max_length=NOTE_MAX_LENGTH,
            label=translate("Errors", "the note"),
        )
    except ValidationError as problem:
        error(RosterField.NOTE, problem.message)
    return row


def gender_name(gender: Gender) -> str:
    return translate("Roster", "male") if gender is Gender.MALE else translate("Roster", "female")


_GENDER_WORDS = {"男性": "男", "女性": "女", "男士": "男", "女士": "女"}


def _gender_text(value: object) -> str | None:
    text = cell_text(value)
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
    text = unicodedata.normalize("NFKC", cell_text(value))
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
    text = cell_text(value)
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


class Places:
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
