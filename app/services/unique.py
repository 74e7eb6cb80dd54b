"""A rule the database keeps as well as the service (one room of a name, one entry a day): when
two desks write at the same moment on a shared server, both may pass the service's check, and the
database's unique constraint refuses the second. It is said as the check would have said it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError

from app.errors import DomainError


@contextmanager
def refused_as(error: DomainError) -> Iterator[None]:
    """Raise `error` instead of the database's IntegrityError (the transaction is then over)."""
    try:
        yield
    except IntegrityError as refused:
        raise error from refused
