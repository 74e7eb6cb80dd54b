"""What a long piece of work is given: where to say how far it has got, and whether to stop.

A service that may take more than a moment (an import, an export, a batch of print-outs) takes a
`Progress`, reports `done` of `total` with a short phrase, and calls `check()` between its steps:
once someone has asked it to stop, `check()` raises `Cancelled`. The work stops only where it
checks, so it never stops half-way through a step (a batch of rows is written whole or not at
all). The desks run such work as a background job (`ui.jobs`), whose Progress sends the reports
to a progress bar; the command line runs it with none.

Qt-free and thread-safe: the work runs in a worker thread while the desk asks it to stop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.errors import DomainError
from app.i18n import translate

Report = Callable[[int, int, str], None]  # done, total (0: not known yet), phrase


class Cancelled(DomainError):
    """The work stopped because someone asked it to, at a point where nothing was half done."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or translate("Progress", "Stopped at your request."))


class Progress:
    """How far the work has got (`report`) and whether it should stop (`cancel`, `check`)."""

    def __init__(self, on_report: Report | None = None) -> None:
        self._on_report = on_report
        self._stop = threading.Event()

    def report(self, done: int, total: int, phrase: str = "") -> None:
        if self._on_report is not None:
            self._on_report(done, total, phrase)

    def cancel(self) -> None:
        """Ask the work to stop at its next check (any thread)."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def pause(self, seconds: float) -> None:
        """Wait `seconds`, or less if someone asks the work to stop meanwhile."""
        self._stop.wait(seconds)

    def check(self) -> None:
        """Raise Cancelled if someone asked the work to stop."""
        if self._stop.is_set():
            raise Cancelled()


def quiet() -> Progress:
    """A Progress that reports to no one and is never cancelled (the command line, tests)."""
    return Progress()
