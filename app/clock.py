"""The one clock every service, desk and print-out reads the time from.

Nothing else calls `datetime.now()` or `date.today()`. Tests set a `FixedClock` (the `clock`
fixture) instead of moving rows back in time. On a shared PostgreSQL server every desk reads the
server's time (`ServerClock`), so two desks whose own clocks disagree still agree about "today"
and about the order of what they wrote.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The local wall time, naive, to the second."""
        ...


class SystemClock:
    """This machine's own clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock that stands still until it is set or advanced (tests, the demo's "today")."""

    def __init__(self, moment: dt.datetime) -> None:
        self._moment = moment.replace(microsecond=0)

    def now(self) -> dt.datetime:
        return self._moment

    def set(self, moment: dt.datetime) -> None:
        self._moment = moment.replace(microsecond=0)

    def advance(self, delta: dt.timedelta) -> None:
        self._moment = (self._moment + delta).replace(microsecond=0)


class ServerClock:
    """This machine's clock corrected by its measured distance to the database server's.

    `read_server` returns the server's time as an aware datetime; it is asked again when the last
    reading is older than `refresh_seconds`, so a desk whose clock drifts is put right within
    minutes without a query per timestamp. A failed reading keeps the last known offset.
    """

    def __init__(
        self, read_server: Callable[[], dt.datetime], refresh_seconds: float = 600.0
    ) -> None:
        self._read_server = read_server
        self._refresh = refresh_seconds
        self._offset = dt.timedelta(0)
        self._measured_at: float | None = None
        self._lock = threading.Lock()

    @property
    def offset(self) -> dt.timedelta:
        return self._offset

    def measure(self) -> dt.timedelta:
        before = time.time()
        server = self._read_server()
        after = time.time()
        local = dt.datetime.fromtimestamp((before + after) / 2, dt.UTC)
        with self._lock:
            self._offset = server.astimezone(dt.UTC) - local
            self._measured_at = time.monotonic()
        return self._offset

    def now(self) -> dt.datetime:
        stale = self._measured_at is None or time.monotonic() - self._measured_at > self._refresh
        if stale:
            try:
                self.measure()
            except Exception:  # the server is away: the last offset is the best there is
                with self._lock:
                    self._measured_at = time.monotonic()
        return (dt.datetime.now() + self._offset).replace(microsecond=0)


_current: Clock = SystemClock()


def now() -> dt.datetime:
    """The time now, naive local wall time to the second."""
    return _current.now()


def today() -> dt.date:
    return _current.now().date()


def current() -> Clock:
    return _current


def use(clock: Clock) -> Clock:
    """Make `clock` the program's clock; returns the one it replaces."""
    global _current
    previous, _current = _current, clock
    return previous


@contextmanager
def frozen(moment: dt.datetime) -> Iterator[FixedClock]:
    """The clock stands at `moment` inside the block (tests and tools)."""
    clock = FixedClock(moment)
    previous = use(clock)
    try:
        yield clock
    finally:
        use(previous)
