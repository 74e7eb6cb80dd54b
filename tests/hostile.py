"""What a hostile or careless hand types: the strategies and the check shared by the hostile tests.

`refused_or_done(db, actor, call)` runs `call` in one writing transaction (`calls.write`, as the
desks do) and allows only two outcomes: it is done, or it is refused with a domain error — a
ValidationError naming a field, a conflict, a refusal, a "not found" — and then every table
holds exactly the rows it held before (nothing half-written, no audit event of a refused
change). Any other exception fails the test: it would reach a volunteer as "something went wrong".

The number of examples per test is hypothesis's profile: `hostile` (the default here, small so
the suite stays fast) or `hostile-long` for a run by hand:

    HYPOTHESIS_PROFILE=hostile-long pytest -q tests/test_hostile_*.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.db import Database
from app.errors import DomainError, ValidationError
from app.models import Base
from app.security import Actor
from app.services import calls

# On PostgreSQL every example costs a round trip per table counted: fewer there, the same code.
_SHORT = 6 if os.environ.get("YOULIN_TEST_POSTGRES") else 25
for name, examples in (("hostile", _SHORT), ("hostile-long", 400)):
    settings.register_profile(
        name,
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "hostile")
if not PROFILE.startswith("hostile"):
    PROFILE = "hostile"
HOSTILE = settings.get_profile(PROFILE)

# Examples tried and outcomes, per test module run (the report's figures).
TRIED = {"done": 0, "refused": 0}

NASTY = [
    "",
    " ",
    "\x00",
    "张\x00三",
    "\u202e张三",  # right-to-left override
    "\u200f李四\u200e",  # RTL / LTR marks
    "\u200b",  # zero-width space
    "\ufeff王五",
    "𠀀𪚥𰻞",  # CJK extension B and G (rare name characters)
    "😀👨‍👩‍👧",
    "=1+1",
    '=HYPERLINK("http://x","x")',
    "@SUM(A1)",
    "\t\r\n",
    "a\rb\nc",
    "\x1b[31m",
    "\x7f\x08",
    "'; DROP TABLE person; --",
    "%s%n%1%2",
    "<b>粗</b>&amp;",
    "张" * 5000,
    "a" * 20_000,
    "1" * 40,
    "-1",
    "0",
    "99999999999999999999",
    "NaN",
    "inf",
    "1e309",
    "١٢٣",  # Arabic-Indic digits
    "１２３",  # full-width digits
    "13812345678",
    "110101199003074477",
    "\udcff".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
]

hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(max_size=20)),
)
short_text = st.one_of(st.sampled_from(NASTY[:20]), st.text(max_size=30))
hostile_int = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 1, 2**31, 2**63, -(2**63) - 1]),
)
hostile_date = st.dates(min_value=__import__("datetime").date(1, 1, 1))


def row_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def refused_or_done(db: Database, actor: Actor, call: Callable[[Any, Actor], Any]) -> Any:
    """`call` done, or refused with a domain error and nothing written; anything else raises."""
    before = row_counts(db)
    try:
        result = calls.write(db, actor, call)
    except DomainError as error:
        TRIED["refused"] += 1
        assert error.message.strip(), "a refusal says why"
        if isinstance(error, ValidationError):
            assert error.field, "a ValidationError names its field"
        assert row_counts(db) == before, "a refused change left rows behind"
        return error
    TRIED["done"] += 1
    return result
