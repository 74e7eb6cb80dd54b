"""The one way into a service: a transaction that reads or writes, and the acting account as it
is now. The desks (`ui.context.DeskContext.run`) and the command line both come through here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.db import Database, problem_of
from app.security import Actor
from app.services import accounts

T = TypeVar("T")

ServiceCall = Callable[[Session, Actor], T]


def read(db: Database, actor: Actor, call: ServiceCall[T]) -> T:
    """`call(session, actor)` in a transaction that only reads."""
    with said_in_words(), db.read() as session:
        return call(session, accounts.acting(session, actor))


def write(db: Database, actor: Actor, call: ServiceCall[T]) -> T:
    """`call(session, actor)` in a writing transaction, committed when it returns.

    A database that is locked by another desk beyond the busy timeout, read-only or full raises
    DatabaseProblem saying so; the transaction is rolled back whole, so nothing is half-written.
    """
    with said_in_words(), db.write() as session:
        return call(session, accounts.acting(session, actor))


@contextmanager
def said_in_words() -> Iterator[None]:
    """A database that is busy, read-only or full becomes a DatabaseProblem naming the cause;
    any other database error passes unchanged."""
    try:
        yield
    except SQLAlchemyError as error:
        problem = problem_of(error)
        if problem is None:
            raise
        raise problem from error
