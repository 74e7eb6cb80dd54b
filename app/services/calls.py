"""The one way into a service: a transaction that reads or writes, and the acting account as it
is now. The desks (`ui.context.DeskContext.run`) and the command line both come through here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from app.db import Database
from app.security import Actor
from app.services import accounts

T = TypeVar("T")

ServiceCall = Callable[[Session, Actor], T]


def read(db: Database, actor: Actor, call: ServiceCall[T]) -> T:
    """`call(session, actor)` in a transaction that only reads."""
    with db.read() as session:
        return call(session, accounts.acting(session, actor))


def write(db: Database, actor: Actor, call: ServiceCall[T]) -> T:
    """`call(session, actor)` in a writing transaction, committed when it returns."""
    with db.write() as session:
        return call(session, accounts.acting(session, actor))
