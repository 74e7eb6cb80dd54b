"""Numbers handed out in sequence, from a counter row updated in the writing transaction.

Never `max() + 1`: two desks reading the same maximum both take the next number. The UPDATE takes
the row's lock (PostgreSQL) or runs under the file's write lock (SQLite, `Database.write()`), so
the second desk waits for the first to commit and then takes the number after. A transaction that
rolls back gives its numbers back with it: no gaps, no number given twice.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.models import Counter

MEMBER_CODE = "member_code"
VOLUNTEER_NUMBER = "volunteer_number"


def take(session: Session | Connection, name: str, count: int = 1) -> int:
    """Reserve `count` consecutive numbers of counter `name`; the first of them (from 1)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    statement = (
        update(Counter)
        .where(Counter.name == name)
        .values(value=Counter.value + count)
        .returning(Counter.value)
    )
    last = session.execute(statement).scalar()
    if last is None:
        _create(session, name)
        last = session.execute(statement).scalar_one()
    return int(last) - count + 1


def peek(session: Session | Connection, name: str) -> int:
    """The last number handed out (0 before the first)."""
    return int(session.scalar(select(Counter.value).where(Counter.name == name)) or 0)


def raise_to(session: Session | Connection, name: str, value: int) -> None:
    """Make sure the next number is above `value` (numbers written by an older release or an
    import of numbered records)."""
    _create(session, name)
    session.execute(
        update(Counter).where(Counter.name == name, Counter.value < value).values(value=value)
    )


def _create(session: Session | Connection, name: str) -> None:
    """The counter's row at 0, unless another desk made it first."""
    bind = session if isinstance(session, Connection) else session.get_bind()
    dialect = bind.dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    session.execute(
        module.insert(Counter)
        .values(name=name, value=0)
        .on_conflict_do_nothing(index_elements=[Counter.name])
    )
