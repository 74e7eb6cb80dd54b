"""The reception search box: one text, every way a volunteer identifies a visitor.

Each way is an index range or equality on its own column, never LIKE (which SQLite can't serve
from an ordinary index): "last digits of the phone" is a prefix of the reversed digits, a name
prefix is the range [text, text with its last character incremented), pinyin the same range on
`person_search_key.key`. Results come by way (member code, phone, ID number, name, pinyin), a
name or pinyin typed whole (张三, zs, zhangsan) before those it only begins, then the most recent
check-in first, then by name.

Most texts match a few people, and one statement ranks them all. A text typed one key at a time
starts broad ("z", "张": thousands of people), and looking up everyone's last check-in would
cost tens of milliseconds; then the visit log is walked from the newest check-in backwards until
enough matching people are found, which takes a few hundred visits.

At most `limit` people are shown; the result says how many more match, counted exactly up to
MORE_CAP more (each way's index range read up to that many people) and beyond that as "more than
MORE_CAP": counting every one of 7,000 张 would cost as much again as the search.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import DateTime, Integer, String, bindparam, text
from sqlalchemy.orm import Session

from app import people_fields
from app.security import Actor, Permission

DEFAULT_LIMIT = 20
# People not shown are counted exactly up to this many; beyond, the result says "more than".
MORE_CAP = 500
MIN_PHONE_DIGITS = 4
# Ranking every match costs about the same per person as the walk costs per visit read, and
# the walk reads about batch × people / matches visits: the walk is cheaper from
# sqrt(batch × people) matches on (~2,000 of 100,000 people for 20 results).
MIN_BROAD = 200
COUNT_CAP = 8000
# Matching check-ins read by the walk's first step (times the people needed); each further
# step reads twice as many, up to the last; after WALK_MAX of them it gives up and ranks every
# match (a few regulars filling the log).
VISIT_BATCH_FACTOR = 2
VISIT_BATCH_MAX = 1000
WALK_MAX = 5000


class MatchKind(enum.StrEnum):
    """Why a person matched. Results are ordered by way: member code, phone, ID number, name,
    then pinyin (initials and full pinyin are one way); within a name or pinyin, a match of the
    whole before a match of the start."""

    MEMBER_CODE = "member_code"
    PHONE = "phone"  # the last 4+ digits, or the whole number
    ID_NUMBER = "id_number"  # the last 4 characters, or the whole number
    NAME = "name"  # the name, or its start
    INITIALS = "initials"  # pinyin initials, or their start: zs → 张三, 张三丰
    PINYIN = "pinyin"  # the full pinyin, or its start: zhangs → 张三


# A match's rank: rank // 5 is its grade (the order of results: member code, phone, ID number,
# whole name, start of a name, whole pinyin, start of pinyin); units tell initials from pinyin.
_RANKS = {
    0: MatchKind.MEMBER_CODE,
    10: MatchKind.PHONE,
    20: MatchKind.ID_NUMBER,
    30: MatchKind.NAME,  # the whole name
    35: MatchKind.NAME,
    40: MatchKind.INITIALS,  # all the initials
    41: MatchKind.PINYIN,  # the whole pinyin
    45: MatchKind.INITIALS,
    46: MatchKind.PINYIN,
}
_NAME_START_RANK = 35


class _Way(enum.IntEnum):
    """The grades in order, each searched alone when a text is broad (`_search_way_by_way`)."""

    MEMBER_CODE = 0
    PHONE = 1
    ID_NUMBER = 2
    NAME_WHOLE = 3
    NAME = 4  # the start of a name
    PINYIN_WHOLE = 5
    PINYIN = 6  # the start of pinyin


@dataclass(frozen=True)
class PersonHit:
    id: int
    name: str
    member_code: str
    phone_masked: str
    community: str
    building_group: str
    last_visit_at: dt.datetime | None
    match: MatchKind


@dataclass(frozen=True)
class SearchResult:
    """The people shown, and how many more match: exactly `more`, or (`more_exact` False) more
    than `more`."""

    hits: list[PersonHit]
    more: int = 0
    more_exact: bool = True


# The parameters each way binds. A whole name or pinyin binds only the text (its start's range
# end stays NULL, which switches the start's branch off); the start binds both, and its people
# who match whole are found again but were taken already.
_PARAMETERS = {
    _Way.MEMBER_CODE: ("code",),
    _Way.PHONE: ("phone", "phone_end"),
    _Way.ID_NUMBER: ("id_tail", "id_number"),
    _Way.NAME_WHOLE: ("name",),
    _Way.NAME: ("name", "name_end"),
    _Way.PINYIN_WHOLE: ("key",),
    _Way.PINYIN: ("key", "key_end"),
}

# ORDER BY ... DESC LIMIT 1 rather than MAX(): a regular's hundreds of visits aren't all read.
_LAST_VISIT = (
    "(SELECT v.at FROM visit v WHERE v.person_id = p.id AND v.undone_at IS NULL"
    " ORDER BY v.at DESC LIMIT 1)"
)
_COLUMNS = {
    "id": Integer,
    "name": String,
    "member_code": String,
    "phone": String,
    "community": String,
    "building_group": String,
    "rank": Integer,
    "last_visit_at": DateTime,
}

# Every match ranked at once. A way whose parameters are NULL matches nothing, so one statement
# serves every kind of text and is compiled and prepared once. Ordering by the column aliases
# alone (NULLS LAST, not "IS NULL") keeps SQLite from evaluating the subquery twice per row.
SEARCH_SQL = f"""
WITH hit (person_id, rank) AS (
    SELECT id, 0 FROM person WHERE member_code = :code
    UNION ALL
    SELECT id, 10 FROM person WHERE phone_reversed >= :phone AND phone_reversed < :phone_end
    UNION ALL
    SELECT id, 20 FROM person WHERE id_tail = :id_tail
    UNION ALL
    SELECT id, 20 FROM person WHERE id_number = :id_number
    UNION ALL
    SELECT id, 30 FROM person WHERE name = :name
    UNION ALL
    SELECT id, 35 FROM person WHERE name >= :name AND name < :name_end
    UNION ALL
    SELECT person_id, CASE kind WHEN 'initials' THEN 40 ELSE 41 END
    FROM person_search_key WHERE key = :key
    UNION ALL
    SELECT person_id, CASE kind WHEN 'initials' THEN 45 ELSE 46 END
    FROM person_search_key WHERE key >= :key AND key < :key_end
),
best (person_id, rank) AS (
    SELECT person_id, MIN(rank) FROM hit GROUP BY person_id
)
SELECT p.id, p.name, p.member_code, p.phone, c.name AS community, g.name AS building_group,
       best.rank AS rank, {_LAST_VISIT} AS last_visit_at, best.rank / 5 AS grade
FROM best
JOIN person p ON p.id = best.person_id
LEFT JOIN community c ON c.id = p.community_id
LEFT JOIN building_group g ON g.id = p.building_group_id
WHERE p.active = :active
ORDER BY grade, last_visit_at DESC NULLS LAST, p.name, p.id
LIMIT :limit
"""
_SEARCH = text(SEARCH_SQL).columns(**_COLUMNS, grade=Integer)

# How many people the ways that can be broad match, counted only up to a cap (index-only),
# and about how many people there are.
COUNT_SQL = """
SELECT
  (SELECT MAX(id) FROM person) AS people,
  (SELECT COUNT(*) FROM (SELECT 1 FROM person
     WHERE name >= :name AND name < :name_end LIMIT :cap) AS b) AS names,
  (SELECT COUNT(*) FROM (SELECT 1 FROM person_search_key
     WHERE key >= :key AND key < :key_end LIMIT :cap) AS c) AS search_keys
"""
_COUNT = text(COUNT_SQL)


def _active_up_to_cap(alias: str, condition: str) -> str:
    return (
        f"SELECT id FROM (SELECT id FROM person WHERE {condition} AND active = :active"
        f" LIMIT :cap) AS {alias}"
    )


# How many active people match in all, each way's range read up to :cap people: a way that
# reaches the cap makes the whole at least :cap. Person ranges skip merged-away records before
# the cap; a merge drops the pinyin keys of the record merged away (people.merge), so keys
# belong to active people, and a key range is counted as distinct people from the index alone.
MORE_SQL = f"""
WITH hit (person_id) AS (
    SELECT id FROM person WHERE member_code = :code
    UNION ALL
    {_active_up_to_cap("phone_hit", "phone_reversed >= :phone AND phone_reversed < :phone_end")}
    UNION ALL
    SELECT id FROM person WHERE id_tail = :id_tail
    UNION ALL
    SELECT id FROM person WHERE id_number = :id_number
    UNION ALL
    {_active_up_to_cap("name_hit", "name >= :name AND name < :name_end")}
    UNION ALL
    SELECT person_id FROM (SELECT DISTINCT person_id FROM person_search_key
        WHERE key >= :key AND key < :key_end LIMIT :cap) AS key_hit
)
SELECT COUNT(*) FROM (
    SELECT DISTINCT hit.person_id FROM hit JOIN person p ON p.id = hit.person_id
    WHERE p.active = :active
) AS found
"""
_MORE = text(MORE_SQL)

# The newest check-ins of people matching one way, newest first. CROSS JOIN keeps SQLite walking
# the visit log by time (ix_visit_at) and probing each visitor, so LIMIT ends the walk early.
_MATCHES = {
    _Way.NAME: "p.name >= :name AND p.name < :name_end",
    _Way.PINYIN: "EXISTS (SELECT 1 FROM person_search_key k"
    " WHERE k.person_id = p.id AND k.key >= :key AND k.key < :key_end)",
}
RECENT_SQL = {
    way: f"""
SELECT v.person_id, v.at, p.name
FROM visit v CROSS JOIN person p
WHERE v.at <= :before AND v.undone_at IS NULL AND p.id = v.person_id AND p.active = :active
  AND {condition}
ORDER BY v.at DESC
LIMIT :batch
"""
    for way, condition in _MATCHES.items()
}
_RECENT = {
    way: text(sql)
    .bindparams(bindparam("before", type_=DateTime))
    .columns(person_id=Integer, at=DateTime, name=String)
    for way, sql in RECENT_SQL.items()
}

# The shown columns of the people found by the walk, with the pinyin kind they matched by (the
# start of it: whoever matched whole was taken before the walk).
_DETAILS = (
    text(
        f"""
SELECT p.id, p.name, p.member_code, p.phone, c.name AS community, g.name AS building_group,
       (SELECT MIN(CASE k.kind WHEN 'initials' THEN 45 ELSE 46 END) FROM person_search_key k
        WHERE k.person_id = p.id AND k.key >= :key AND k.key < :key_end) AS rank,
       {_LAST_VISIT} AS last_visit_at
FROM person p
LEFT JOIN community c ON c.id = p.community_id
LEFT JOIN building_group g ON g.id = p.building_group_id
WHERE p.id IN :ids
"""
    )
    .bindparams(bindparam("ids", expanding=True))
    .columns(**_COLUMNS)
)

_MEMBER_CODE = re.compile(r"[A-Z]{1,4}[0-9]{1,12}")
_DIGITS = re.compile(r"[0-9]+")
_ID_TAIL = re.compile(r"[0-9]{3}[0-9X]")
_ID_NUMBER = re.compile(r"[0-9]{17}[0-9X]")
_PINYIN = re.compile(r"[a-z]+")
# Typed between digits of a phone number, or between syllables of pinyin.
_NUMBER_SEPARATORS = str.maketrans("", "", " -")
_PINYIN_SEPARATORS = str.maketrans({" ": None, "'": None, "’": None, "ü": "v"})


def _prefix_end(prefix: str) -> str:
    """The least string above every string starting with `prefix` (code point order, which is
    SQLite's BINARY order of UTF-8)."""
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:  # surrogates can't be encoded; skip past them
        last = 0xE000
    return prefix[:-1] + chr(last)


def search_parameters(typed: str) -> dict[str, Any] | None:
    """The statements' parameters for the typed text; None when nothing could match.

    Public so the benchmark's raw-SQL floor binds exactly what the service binds.
    """
    # Control characters can't be in a name or a number; PostgreSQL refuses NUL outright.
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKC", typed) if unicodedata.category(ch) != "Cc"
    ).strip()
    if not folded:
        return None
    params: dict[str, Any] = {name: None for names in _PARAMETERS.values() for name in names}
    upper = folded.upper()
    if _MEMBER_CODE.fullmatch(upper):
        params["code"] = upper
    number = upper.translate(_NUMBER_SEPARATORS)
    if _DIGITS.fullmatch(number) and len(number) >= MIN_PHONE_DIGITS:
        reversed_digits = number[::-1]
        params["phone"] = reversed_digits
        params["phone_end"] = _prefix_end(reversed_digits)
    if len(number) == 4 and _ID_TAIL.fullmatch(number):
        params["id_tail"] = number
    elif _ID_NUMBER.fullmatch(number):
        params["id_number"] = number
    if not any(ch.isdigit() for ch in folded):
        name = people_fields.fold_name(folded)
        if name:
            params["name"] = name
            params["name_end"] = _prefix_end(name)
        letters = folded.lower().translate(_PINYIN_SEPARATORS)
        if _PINYIN.fullmatch(letters):
            params["key"] = letters
            params["key_end"] = _prefix_end(letters)
    if all(value is None for value in params.values()):
        return None
    params["active"] = True
    return params


def find_people(
    session: Session, actor: Actor, typed: str, *, limit: int = DEFAULT_LIMIT
) -> SearchResult:
    """The reception search: at most `limit` active people matching `typed`, best match first
    (see MatchKind), and how many more match."""
    actor.require(Permission.RECEPTION)
    params = search_parameters(typed)
    if params is None or limit <= 0:
        return SearchResult([])
    hits = _ranked(session, params, limit)
    if len(hits) < limit:
        return SearchResult(hits)
    cap = limit + MORE_CAP + 1
    matching = session.execute(_MORE, {**params, "cap": cap}).scalar_one()
    if matching >= cap:
        return SearchResult(hits, MORE_CAP, more_exact=False)
    return SearchResult(hits, max(matching - len(hits), 0))


def search_people(session: Session, typed: str, *, limit: int = DEFAULT_LIMIT) -> list[PersonHit]:
    """Active (not merged-away) people matching `typed`, best match first; see MatchKind.

    No permission check and no count of the rest: for callers that checked the acting account
    themselves (find_people is the reception's way in)."""
    params = search_parameters(typed)
    if params is None or limit <= 0:
        return []
    return _ranked(session, params, limit)


def _ranked(session: Session, params: dict[str, Any], limit: int) -> list[PersonHit]:
    broad: set[_Way] = set()
    # Only names and pinyin can be broad: a 4-digit phone tail is shared by about one person in
    # 10,000, so digits (the commonest search at the desk) go straight to the ranking. A whole
    # name or pinyin is an equality, never broad.
    if params["name"] is not None or params["key"] is not None:
        people, *counts = session.execute(_COUNT, {**params, "cap": COUNT_CAP}).one()
        threshold = broad_threshold(people or 0, limit)
        broad = {
            way
            for way, count in zip((_Way.NAME, _Way.PINYIN), counts, strict=True)
            if count >= threshold
        }
    if not broad:
        rows = session.execute(_SEARCH, {**params, "limit": limit})
        return [_hit(row, row.rank) for row in rows]
    return _search_way_by_way(session, params, limit, broad)


def broad_threshold(people: int, limit: int) -> int:
    """Matches from which walking the visit log beats ranking every match (see MIN_BROAD)."""
    return max(MIN_BROAD, math.isqrt(_batch(limit) * people))


def _batch(need: int) -> int:
    return max(need * VISIT_BATCH_FACTOR, 20)


def _hit(row: Any, rank: int) -> PersonHit:
    return PersonHit(
        id=row.id,
        name=row.name,
        member_code=row.member_code,
        phone_masked=people_fields.mask_phone(row.phone),
        community=row.community or "",
        building_group=row.building_group or "",
        last_visit_at=row.last_visit_at,
        match=_RANKS[rank],
    )


def _only(params: dict[str, Any], way: _Way) -> dict[str, Any]:
    """The parameters with every way but `way` switched off."""
    kept: dict[str, Any] = {name: None for names in _PARAMETERS.values() for name in names}
    for name in _PARAMETERS[way]:
        kept[name] = params[name]
    kept["active"] = True
    return kept


def _search_way_by_way(
    session: Session, params: dict[str, Any], limit: int, broad: set[_Way]
) -> list[PersonHit]:
    """Best way first: a narrow way ranks all its people, a broad one walks the visit log."""
    hits: list[PersonHit] = []
    taken: set[int] = set()
    for way in _Way:
        need = limit - len(hits)
        if need <= 0:
            break
        if all(params[name] is None for name in _PARAMETERS[way]):
            continue
        walked = _recent_visitors(session, params, way, need, taken) if way in broad else None
        if walked is not None:
            rows = session.execute(
                _DETAILS, {"ids": walked, "key": params["key"], "key_end": params["key_end"]}
            )
            by_id = {row.id: row for row in rows}
            found = [
                _hit(
                    by_id[person_id],
                    by_id[person_id].rank if way is _Way.PINYIN else _NAME_START_RANK,
                )
                for person_id in walked
            ]
        else:  # narrow, or too few of the many matching people ever checked in
            rows = session.execute(_SEARCH, {**_only(params, way), "limit": limit + len(taken)})
            found = [_hit(row, row.rank) for row in rows if row.id not in taken][:need]
        hits.extend(found)
        taken.update(hit.id for hit in found)
    return hits


def _recent_visitors(
    session: Session, params: dict[str, Any], way: _Way, need: int, taken: set[int]
) -> list[int] | None:
    """The `need` matching people checked in most recently (ties by name), or None if the visit
    log holds fewer of them within WALK_MAX matching check-ins."""
    bound = {name: params[name] for name in _PARAMETERS[way]}
    before = dt.datetime.max
    # Walking back, a person's first check-in seen is their last one.
    last_seen: dict[int, tuple[dt.datetime, str]] = {}
    complete_after: dt.datetime | None = None  # everyone checked in after this is in last_seen
    read = 0
    batch = _batch(need)
    while True:
        rows = session.execute(
            _RECENT[way], {**bound, "active": True, "before": before, "batch": batch}
        ).all()
        read += len(rows)
        for person_id, at, name in rows:
            if person_id not in taken and person_id not in last_seen:
                last_seen[person_id] = (at, name)
        if len(rows) < batch:
            complete_after = None  # the whole log is read
            break
        oldest = rows[-1].at
        if oldest == before or read >= WALK_MAX:
            return None  # a batch all in one second, or a log too long to walk
        # People last seen in the oldest second may have company in the next batch, which
        # starts at that second again: only those seen after it are known to be complete.
        before = complete_after = oldest
        if sum(1 for at, _name in last_seen.values() if at > oldest) >= need:
            break
        batch = min(batch * 2, VISIT_BATCH_MAX)
    known = [
        (person_id, at, name)
        for person_id, (at, name) in last_seen.items()
        if complete_after is None or at > complete_after
    ]
    if len(known) < need:
        return None
    known.sort(key=lambda item: (item[2], item[0]))
    known.sort(key=lambda item: item[1], reverse=True)
    return [person_id for person_id, _at, _name in known[:need]]
