"""The residents' register (居民档案名册): a filtered, sorted list read a page at a time.

The whole register of 100,000 people is never read at once: its pages come by keyset, each
starting after the last row of the one before, so the 500th page costs what the first costs.

A filter (community, building group, tag, text) first finds its people through an index —
the place index, the tag index, or for the text the reception search's ways (member code,
phone tail, ID tail, name prefix, pinyin), never LIKE — and orders their ids once (a few
milliseconds for thousands); its pages are then read by id.

Pinyin order is the order of each person's sort key (`app.pinyin.sort_text`, stored among the
search keys with kind "sort"): syllable by syllable, the surname read as a surname (单 shan, not
dan), so 阿 (a) comes before 艾 (ai) and 安 (an). Anyone without a sort key (written by a program
that bypassed `app.pinyin`) follows, by name, rather than being left out.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import TextClause, bindparam, select, text
from sqlalchemy.orm import Session

from app import people_fields
from app.models import BuildingGroup, Gender, ServiceRecord, ServiceRecordKind, Tag, Volunteer
from app.services import search

DEFAULT_PAGE = 200

_MEMBER_CODE_PREFIX = re.compile(r"[A-Z]{1,4}[0-9]{1,12}")


class SortOrder(enum.StrEnum):
    PINYIN = "pinyin"  # by the pinyin of the name, as a dictionary orders names
    MEMBER_CODE = "member_code"
    NEWEST = "newest"  # most recently registered first


@dataclass(frozen=True)
class RegisterFilter:
    """What the register shows: every field optional; `text` as typed in the filter box."""

    community_id: int | None = None
    building_group_id: int | None = None
    tag_id: int | None = None
    text: str = ""
    sort: SortOrder = SortOrder.PINYIN

    @property
    def filtered(self) -> bool:
        return (
            self.community_id is not None
            or self.building_group_id is not None
            or self.tag_id is not None
            or bool(self.text.strip())
        )


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register; the phone only masked."""

    id: int
    member_code: str
    name: str
    gender: Gender | None
    birth_year: int | None
    phone_masked: str
    community: str
    building_group: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class TagChoice:
    id: int
    name: str


# --- the people a filter matches --------------------------------------------------------

_TEXT_WAYS = (
    ("code", "SELECT id FROM person WHERE member_code >= :code AND member_code < :code_end"),
    (
        "phone",
        "SELECT id FROM person WHERE phone_reversed >= :phone AND phone_reversed < :phone_end",
    ),
    ("id_tail", "SELECT id FROM person WHERE id_tail = :id_tail"),
    ("id_number", "SELECT id FROM person WHERE id_number = :id_number"),
    ("name", "SELECT id FROM person WHERE name >= :name AND name < :name_end"),
    ("key", "SELECT person_id FROM person_search_key WHERE key >= :key AND key < :key_end"),
)
_RANGE_ENDS = ("code_end", "phone_end", "name_end", "key_end")


def text_parameters(typed: str) -> dict[str, Any] | None:
    """The index ranges the filter text stands for, or None when it can match nobody.

    The reception search's ways, with a member code matched by its start (YL0012 → YL001200 …
    YL001299) as well as whole."""
    found = search.search_parameters(typed) or {}
    params: dict[str, Any] = {name: found.get(name) for name, _sql in _TEXT_WAYS}
    for name in _RANGE_ENDS:
        params[name] = found.get(name)
    upper = unicodedata.normalize("NFKC", typed).strip().upper()
    if _MEMBER_CODE_PREFIX.fullmatch(upper):
        params["code"] = upper
        params["code_end"] = search._prefix_end(upper)
    if all(params[name] is None for name, _sql in _TEXT_WAYS):
        return None
    return {name: value for name, value in params.items() if value is not None}


def _matching(session: Session, wanted: RegisterFilter) -> tuple[str, dict[str, Any]] | None:
    """SQL selecting `p.id, p.name` of the active people matching a filter (`p` is the person
    table), driven by its most selective index: the text's ranges, else the tag, else the place.
    None when the filter can match nobody."""
    params: dict[str, Any] = {"active": True}
    community_id = wanted.community_id
    if wanted.building_group_id is not None and community_id is None:
        # The place index starts with the community.
        community_id = session.scalar(
            select(BuildingGroup.community_id).where(BuildingGroup.id == wanted.building_group_id)
        )
        if community_id is None:
            return None
    conditions = ["p.active = :active"]
    if community_id is not None:
        conditions.append("p.community_id = :community")
        params["community"] = community_id
    if wanted.building_group_id is not None:
        conditions.append("p.building_group_id = :group")
        params["group"] = wanted.building_group_id
    typed = wanted.text.strip()
    if typed:
        ways = text_parameters(typed)
        if ways is None:
            return None
        params.update(ways)
        union = "\n  UNION\n  ".join(sql for name, sql in _TEXT_WAYS if name in ways)
        if wanted.tag_id is not None:
            conditions.append(
                "EXISTS (SELECT 1 FROM person_tag t WHERE t.person_id = p.id AND t.tag_id = :tag)"
            )
            params["tag"] = wanted.tag_id
        source = f"(\n  {union}\n) h CROSS JOIN person p"
        conditions.insert(0, "p.id = h.id")
    elif wanted.tag_id is not None:
        params["tag"] = wanted.tag_id
        source = "person_tag t CROSS JOIN person p"
        conditions[:0] = ["t.tag_id = :tag", "p.id = t.person_id"]
    else:
        source = "person p"
    where = "\n  AND ".join(conditions)
    return f"SELECT p.id, p.name, p.member_code FROM {source}\nWHERE {where}", params


def ordered_ids(session: Session, wanted: RegisterFilter) -> list[int]:
    """The ids of the people a filter matches, in its sort order (all of them: a filter's
    people are a few thousand; the unfiltered register is read by `RegisterPages` instead)."""
    matching = _matching(session, wanted)
    if matching is None:
        return []
    sql, params = matching
    if wanted.sort is SortOrder.MEMBER_CODE:
        return list(session.scalars(text(f"{sql}\nORDER BY p.member_code"), params))
    if wanted.sort is SortOrder.NEWEST:
        return list(session.scalars(text(f"{sql}\nORDER BY p.id DESC"), params))
    # Driven by the matching people: each one's sort key through the person index.
    rows = session.execute(
        text(
            f"""SELECT x.id, x.name, k.key
FROM ({sql}) x LEFT JOIN person_search_key k ON k.person_id = x.id AND k.kind = 'sort'
ORDER BY k.key, x.id"""
        ),
        params,
    ).all()
    keyed: dict[int, None] = {}
    without: dict[int, str] = {}
    for person_id, name, key in rows:  # NULL keys come first on SQLite, last on PostgreSQL
        if key is None:
            without[person_id] = name
        else:
            keyed.setdefault(person_id)
    return list(keyed) + sorted(without, key=lambda person_id: (without[person_id], person_id))


# --- pages --------------------------------------------------------------------------------

_SHOWN = """p.id, p.member_code, p.name, p.gender, p.birth_year, p.phone,
       c.name AS community, g.name AS building_group"""
_PLACES = """LEFT JOIN community c ON c.id = p.community_id
LEFT JOIN building_group g ON g.id = p.building_group_id"""

_BY_IDS = text(
    f"SELECT {_SHOWN}\nFROM person p\n{_PLACES}\nWHERE p.id IN :ids AND p.active = :active"
).bindparams(bindparam("ids", expanding=True))

# The unfiltered register, a page after (:after_key, :after_id).
_PINYIN_WALK = text(
    f"""SELECT k.key AS sort_key, {_SHOWN}
FROM person_search_key k CROSS JOIN person p
{_PLACES}
WHERE k.kind = 'sort' AND (k.key, k.person_id) > (:after_key, :after_id)
  AND p.id = k.person_id AND p.active = :active
ORDER BY k.key, k.person_id
LIMIT :limit"""
)
_WITHOUT_PINYIN = text(
    f"""SELECT p.name AS sort_key, {_SHOWN}
FROM person p
{_PLACES}
WHERE p.active = :active
  AND p.id NOT IN (SELECT person_id FROM person_search_key WHERE kind = 'sort')
  AND (p.name, p.id) > (:after_key, :after_id)
ORDER BY p.name, p.id
LIMIT :limit"""
)
_CODE_WALK = text(
    f"""SELECT p.member_code AS sort_key, {_SHOWN}
FROM person p
{_PLACES}
WHERE p.member_code > :after_key AND p.active = :active
ORDER BY p.member_code
LIMIT :limit"""
)
_NEWEST_WALK = text(
    f"""SELECT '' AS sort_key, {_SHOWN}
FROM person p
{_PLACES}
WHERE p.id < :after_id AND p.active = :active
ORDER BY p.id DESC
LIMIT :limit"""
)
_NO_ID_ABOVE = 2**62


class RegisterPages:
    """One filter's register, read page by page with `next_page` until `done`.

    Holds no session: each page is read in the session it is given (the Qt model opens one
    per page). `total` is the number of people the filter matched when it was opened.
    """

    def __init__(self, session: Session, wanted: RegisterFilter) -> None:
        self.filter = wanted
        self._ids: list[int] | None = None
        self._position = 0
        # The unfiltered register's keyset: section 0 the sort index, 1 the people without a
        # sort key (pinyin order only); then the last row's sort key and id.
        self._section = 0
        self._after_key = ""
        self._after_id = _NO_ID_ABOVE if wanted.sort is SortOrder.NEWEST else 0
        if wanted.filtered:
            self._ids = ordered_ids(session, wanted)
            self.total = len(self._ids)
        else:
            self.total = int(
                session.scalar(
                    text("SELECT COUNT(*) FROM person WHERE active = :active"), {"active": True}
                )
                or 0
            )
        self.done = self.total == 0

    def next_page(self, session: Session, limit: int = DEFAULT_PAGE) -> list[RegisterRow]:
        """The next `limit` rows (fewer at the end, when `done` becomes True)."""
        if self.done or limit <= 0:
            return []
        if self._ids is not None:
            rows = self._page_by_ids(session, limit)
        else:
            rows = self._page_by_keyset(session, limit)
        return _rows(session, rows)

    def _page_by_ids(self, session: Session, limit: int) -> list[Any]:
        assert self._ids is not None
        ids = self._ids[self._position : self._position + limit]
        self._position += len(ids)
        self.done = self._position >= len(self._ids)
        if not ids:
            return []
        by_id = {row.id: row for row in session.execute(_BY_IDS, {"ids": ids, "active": True})}
        # Someone merged away since the filter was opened is left out.
        return [by_id[person_id] for person_id in ids if person_id in by_id]

    def _page_by_keyset(self, session: Session, limit: int) -> list[Any]:
        kept: list[Any] = []
        while len(kept) < limit and not self.done:
            want = limit - len(kept)
            statement = self._walk_statement()
            found = session.execute(
                statement,
                {
                    "active": True,
                    "after_key": self._after_key,
                    "after_id": self._after_id,
                    "limit": want,
                },
            ).all()
            if found:
                self._after_key, self._after_id = found[-1].sort_key, found[-1].id
            kept.extend(found)
            if len(found) < want:  # this section has ended
                if self.filter.sort is SortOrder.PINYIN and self._section == 0:
                    self._section, self._after_key, self._after_id = 1, "", 0
                else:
                    self.done = True
        return kept

    def _walk_statement(self) -> TextClause:
        if self.filter.sort is SortOrder.MEMBER_CODE:
            return _CODE_WALK
        if self.filter.sort is SortOrder.NEWEST:
            return _NEWEST_WALK
        return _PINYIN_WALK if self._section == 0 else _WITHOUT_PINYIN


def _rows(session: Session, rows: Sequence[Any]) -> list[RegisterRow]:
    tags = tags_of(session, [row.id for row in rows])
    return [
        RegisterRow(
            id=row.id,
            member_code=row.member_code,
            name=row.name,
            gender=Gender(row.gender) if row.gender else None,
            birth_year=row.birth_year,
            phone_masked=people_fields.mask_phone(row.phone),
            community=row.community or "",
            building_group=row.building_group or "",
            tags=tags.get(row.id, ()),
        )
        for row in rows
    ]


_TAGS_OF = text(
    "SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id"
    " WHERE pt.person_id IN :ids ORDER BY t.id"
).bindparams(bindparam("ids", expanding=True))


def tags_of(session: Session, person_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Each person's tags, in the order the tags were first given."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    found: dict[int, list[str]] = {}
    for person_id, name in session.execute(_TAGS_OF, {"ids": ids}):
        found.setdefault(person_id, []).append(name)
    return {person_id: tuple(names) for person_id, names in found.items()}


def row(session: Session, person_id: int) -> RegisterRow | None:
    """One person's register line as it is now (after an edit); None once merged away."""
    rows = _rows(session, session.execute(_BY_IDS, {"ids": [person_id], "active": True}).all())
    return rows[0] if rows else None


def tag_choices(session: Session) -> list[TagChoice]:
    """Every tag, in the order tags were first given (党员, 志愿者, … as the centre set them)."""
    return [TagChoice(t.id, t.name) for t in session.scalars(select(Tag).order_by(Tag.id))]


@dataclass(frozen=True)
class HoursEntry:
    """One volunteer service record of a person (志愿服务记录), for the history's hours tab."""

    day: dt.date
    hours: Decimal
    content: str
    make_up: bool  # 补录 by staff rather than counted from an attended session


def service_records(session: Session, person_id: int) -> list[HoursEntry]:
    """The person's volunteer service records, newest first (none when not a volunteer)."""
    statement = (
        select(ServiceRecord.day, ServiceRecord.hours, ServiceRecord.content, ServiceRecord.kind)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .where(Volunteer.person_id == person_id)
        .order_by(ServiceRecord.day.desc(), ServiceRecord.id.desc())
    )
    return [
        HoursEntry(day, Decimal(hours), content, kind == ServiceRecordKind.MAKE_UP.value)
        for day, hours, content, kind in session.execute(statement)
    ]
