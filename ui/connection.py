"""A desk that loses the database server says so, keeps trying in the background, and says when
it is back.

`DeskContext.run` turns a lost connection into `ServerUnreachable` (a DatabaseProblem: the form
or dialog that made the call shows it and stays open with what was typed) and tells the
context's `ConnectionWatch`, which probes the server from a worker thread with a growing pause
(1, 2, 4 … at most 15 s) until it answers. The main window's `ConnectionBanner` shows both.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from app.errors import DatabaseProblem
from ui import style

log = logging.getLogger(__name__)

FIRST_PAUSE_S = 1.0
LONGEST_PAUSE_S = 15.0


class ServerUnreachable(DatabaseProblem):
    """The database server can't be reached; `maybe_saved` when a write broke while committing."""

    def __init__(self, message: str, *, maybe_saved: bool = False) -> None:
        super().__init__(message)
        self.maybe_saved = maybe_saved


def lost_message(*, write: bool, maybe_saved: bool) -> str:
    lost = QCoreApplication.translate(
        "Connection", "The connection to the database server was lost; reconnecting…"
    )
    if maybe_saved:
        return (
            lost
            + " "
            + QCoreApplication.translate(
                "Connection",
                "It isn't known whether the last change was saved: look before doing it again.",
            )
        )
    if write:
        return (
            lost
            + " "
            + QCoreApplication.translate(
                "Connection",
                "Nothing was saved; what you typed is kept. Try again once it says it is back.",
            )
        )
    return lost


def back_message() -> str:
    return QCoreApplication.translate(
        "Connection", "The database server is back. You can carry on (try the last step again)."
    )


class ConnectionWatch(QObject):
    """Probes a lost server in the background until it answers (see the module's note)."""

    lost = Signal()
    restored = Signal()

    def __init__(self, probe: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._probe = probe
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.pauses: list[float] = []  # the pauses taken so far (tests and the log)
        self.first_pause_s = FIRST_PAUSE_S
        self.longest_pause_s = LONGEST_PAUSE_S

    def is_reconnecting(self) -> bool:
        with self._lock:
            return self._thread is not None

    def notice_lost(self) -> None:
        """A call found the server gone: say so and start probing (once)."""
        with self._lock:
            if self._thread is not None:
                return
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._reconnect, name="youlin-reconnect", daemon=True
            )
            self._thread.start()
        self.lost.emit()

    def stop(self) -> None:
        """Stop probing (the window closes); waits briefly for the worker."""
        self._stop.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout=LONGEST_PAUSE_S + 10)

    def _reconnect(self) -> None:
        pause = self.first_pause_s
        try:
            while not self._stop.wait(pause):
                self.pauses.append(pause)
                try:
                    back = self._probe()
                except Exception:  # a probe that fails in an unforeseen way: keep trying
                    log.warning("probing the database server failed", exc_info=True)
                    back = False
                if back:
                    log.info("the database server answers again")
                    with self._lock:
                        self._thread = None
                    self.restored.emit()  # queued to the GUI thread's receivers
                    return
                pause = min(pause * 2, self.longest_pause_s)
        finally:
            with self._lock:
                if self._thread is threading.current_thread():
                    self._thread = None


class ConnectionBanner(QLabel):
    """A line across the top of the window: "lost, reconnecting…", then "back" for a while."""

    SHOW_BACK_MS = 15000

    def __init__(self, watch: ConnectionWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connection.banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setMargin(self.fontMetrics().height() // 2)
        self._text = ""
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.on_hide_timer_timeout)
        watch.lost.connect(self.on_lost)
        watch.restored.connect(self.on_restored)
        self.setVisible(False)

    def text_shown(self) -> str:
        return "" if self.isHidden() else self._text

    def _show(self, text: str, colour: str) -> None:
        self._text = text
        self.setText(style.paragraph_html(text, colour=colour))
        self.setAccessibleName(text)
        self.setStyleSheet("background: #fff4e5; font-weight: bold;")
        self.setVisible(True)

    @Slot()
    def on_lost(self) -> None:
        self._hide_timer.stop()
        self._show(
            QCoreApplication.translate(
                "Connection", "The connection to the database server was lost; reconnecting…"
            ),
            style.ERROR_COLOUR,
        )

    @Slot()
    def on_restored(self) -> None:
        self._show(back_message(), "#1b5e20")
        self._hide_timer.start(self.SHOW_BACK_MS)

    @Slot()
    def on_hide_timer_timeout(self) -> None:
        self._text = ""
        self.setVisible(False)
