"""Background jobs: work that may take more than a moment runs off the GUI thread, so the window
keeps painting and the other desks' searches keep answering while it runs.

A job runs a Qt-free function `work(progress)` in a worker thread. The function opens its own
database transactions (`app.services.calls.read` / `write`, or `Database.read()` / `write()` per
batch: a session never crosses threads), reports `done` of `total` with a phrase through
`progress.report`, and calls `progress.check()` between its steps, where a cancel stops it
(`app.progress`). Everything the job says arrives as signals on the GUI thread:

- `progressed(done, total, phrase)`, at most every PROGRESS_INTERVAL_MS (and the last one);
- `succeeded(result)` with the function's return value;
- `failed(error)` with a DomainError whose message is for the person (a database that can't be
  used becomes a DatabaseProblem in words); `Cancelled` when the work stopped on request;
- `finished()` after any of these, and after a bug: an unexpected exception goes to the program's
  error reporter (`ui.errors.ErrorReporter`, the excepthook: one friendly dialog naming the log,
  never a traceback), and `failed` is not sent for it.

Why QThreadPool and QRunnable rather than a QThread per job: the pool bounds how many jobs run
at once on a two-core desk PC and reuses its threads, and nothing has to manage a QThread's
lifetime (destroying a running QThread aborts the program, a classic crash when a dialog is
closed mid-job). The job object lives on the GUI thread and is kept alive by `JobRunner` until
its `finished` is delivered, so the worker never signals an object that is gone; a dialog that
closes cancels its job and disconnects.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QWidget,
)

from app.errors import DatabaseProblem, DomainError
from app.progress import Progress
from ui.widgets import button

log = logging.getLogger(__name__)

T = TypeVar("T")

PROGRESS_INTERVAL_MS = 50  # progress reports closer together than this are merged
MAX_THREADS = 2  # jobs running at once; more wait their turn
SHUTDOWN_WAIT_MS = 10_000  # how long quitting waits for running jobs to stop between steps

Work = Callable[[Progress], T]

# How often a thread running Python must let another have the interpreter lock (Python's
# default is 5 ms). With the default, the GUI thread waiting to run a slot while a job checks a
# 10,000-row roster was measured getting the lock once in 0.6 s (a frozen window); at 1 ms the
# window's 20 ms timer kept its beat (tests/bench: import_10k_gui_gap).
SWITCH_INTERVAL_S = 0.001


def share_the_interpreter() -> None:
    """Let the GUI thread in often while jobs run; the program calls this once at start."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


class Job(QObject, Generic[T]):
    """One piece of work in a worker thread; see the module's note for its signals."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    # From the worker to the GUI thread (queued): the outcome and the throttled reports.
    _report = Signal(int, int, str)
    _outcome = Signal(str, object)

    def __init__(self, work: Work[T], name: str = "job") -> None:
        super().__init__()
        self.setObjectName(name)
        self._work = work
        self._last_report = 0.0
        self._report_lock = threading.Lock()
        # Weakly: the job must go with its last reference (on the GUI thread, see _Runnable),
        # not wait for the cycle collector, which may run in any thread.
        reporter = weakref.WeakMethod(self._on_worker_report)

        def report(done: int, total: int, phrase: str) -> None:
            method = reporter()
            if method is not None:
                method(done, total, phrase)

        self.progress = Progress(report)
        self.running = False
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self.worker_thread: threading.Thread | None = None
        self._report.connect(self.on_report)
        self._outcome.connect(self.on_outcome)

    def cancel(self) -> None:
        """Ask the work to stop at its next check; `failed(Cancelled)` follows if it does."""
        self.progress.cancel()

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled

    # --- in the worker thread ------------------------------------------------------------

    def run_in_worker(self) -> None:
        self.worker_thread = threading.current_thread()
        try:
            result = self._work(self.progress)
        except DomainError as error:  # Cancelled too
            self._tell("failed", error)
        except BaseException as error:
            problem = _database_problem(error)
            if problem is not None:
                log.warning("%s: database error: %s", self.objectName(), error)
                self._tell("failed", problem)
            else:
                self._tell("bug", error)
        else:
            self._tell("succeeded", result)

    def _tell(self, kind: str, payload: Any) -> None:
        try:
            self._outcome.emit(kind, payload)
        except RuntimeError:  # the program is ending and took the job with it: no one to tell
            log.warning("a job ended after the program: %s %r", kind, payload)

    def _on_worker_report(self, done: int, total: int, phrase: str) -> None:
        now = time.monotonic()
        with self._report_lock:
            due = now - self._last_report >= PROGRESS_INTERVAL_MS / 1000 or (
                total and done >= total
            )
            if due:
                self._last_report = now
        if due:
            self._report.emit(done, total, phrase)

    # --- on the GUI thread ---------------------------------------------------------------

    def on_report(self, done: int, total: int, phrase: str) -> None:
        if not self.done:
            self.progressed.emit(done, total, phrase)

    def on_outcome(self, kind: str, payload: Any) -> None:
        self.running = False
        self.done = True
        if kind == "succeeded":
            self.result = payload
            self.succeeded.emit(payload)
        elif kind == "failed":
            self.error = payload
            self.failed.emit(payload)
        else:
            self.error = payload
            log.error("%s: unexpected error", self.objectName(), exc_info=_exc_info(payload))
            # The program's error reporter (ui.errors), as for a bug in a slot.
            sys.excepthook(*_exc_info(payload))
        self.finished.emit()


def _exc_info(error: BaseException) -> tuple[type[BaseException], BaseException, Any]:
    return type(error), error, error.__traceback__


def _database_problem(error: BaseException) -> DatabaseProblem | None:
    """A database that can't be used, said in words; None for any other exception (a bug)."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.db import problem_of

    if not isinstance(error, SQLAlchemyError):
        return None
    from app.services.calls import ConnectionLost
    from ui.connection import ServerUnreachable, lost_message

    if isinstance(error, ConnectionLost):
        return ServerUnreachable(
            lost_message(write=True, maybe_saved=error.maybe_committed),
            maybe_saved=error.maybe_committed,
        )
    return problem_of(error) or DatabaseProblem(
        QCoreApplication.translate(
            "Jobs",
            "The database could not be read or written, so the work stopped. Please try again "
            "in a moment; if it keeps happening, call the administrator.",
        )
    )


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any], runner: JobRunner) -> None:
        super().__init__()
        self._job: Job[Any] | None = job
        self._runner = runner
        self.setAutoDelete(True)

    def run(self) -> None:
        job, self._job = self._job, None
        assert job is not None
        job.run_in_worker()
        key = id(job)
        # The worker lets go of the job before the runner does, so the job (a QObject of the
        # GUI thread) is never destroyed here, in the worker thread.
        del job
        with contextlib.suppress(RuntimeError):  # the program is ending: the runner is gone
            self._runner.released.emit(key)


class JobRunner(QObject):
    """The program's pool of worker threads and the jobs running in it."""

    released = Signal(object)  # from a worker: it is done with the job of this id()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(MAX_THREADS)
        self._jobs: dict[int, Job[Any]] = {}
        self.released.connect(self.on_released)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def start(self, job: Job[T]) -> Job[T]:
        """Run `job` in the pool; kept alive here until its worker is done with it."""
        self._jobs[id(job)] = job
        job.running = True
        self.pool.start(_Runnable(job, self))
        return job

    def on_released(self, key: int) -> None:
        self._jobs.pop(key, None)

    def running(self) -> list[Job[Any]]:
        return [job for job in self._jobs.values() if not job.done]

    def shutdown(self) -> None:
        """Ask every job to stop and wait for them (quitting: a batch is finished, not cut)."""
        for job in self.running():
            job.cancel()
        self.pool.waitForDone(SHUTDOWN_WAIT_MS)


_runner: JobRunner | None = None


def runner() -> JobRunner:
    """The program's one JobRunner (made on first use, on the GUI thread)."""
    global _runner
    if _runner is None:
        _runner = JobRunner()
    return _runner


def start(work: Work[T], name: str = "job") -> Job[T]:
    """Run `work(progress)` in a worker thread; connect to the job's signals to hear of it.

    The signals are queued to the GUI thread, so connecting right after `start` misses nothing.
    """
    return runner().start(Job(work, name))


class JobProgress(QWidget):
    """A job's progress as a person sees it: a bar, what is being done in words ("Writing the
    rows: 3,000 of 10,000"), and a Stop button. Hidden while no job runs.

    Its children are named `<name>.progress`, `<name>.progressText` and `<name>.cancel`.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}.progressRow")
        self.job: Job[Any] | None = None
        self.bar = QProgressBar(self)
        self.bar.setObjectName(f"{name}.progress")
        self.bar.setAccessibleName(self.tr("Progress"))
        self.bar.setTextVisible(True)
        self.bar.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 12)
        self.text = QLabel(self)
        self.text.setObjectName(f"{name}.progressText")
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.cancel_button = button(self.tr("&Stop"), f"{name}.cancel", self)
        self.cancel_button.setToolTip(
            self.tr("Stops after the step under way; what is finished stays.")
        )
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 2)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    def follow(self, job: Job[Any], phrase: str = "") -> None:
        """Show `job`'s progress until it finishes."""
        self.job = job
        self.bar.setRange(0, 0)  # busy until the first report says how much there is
        self.cancel_button.setEnabled(True)
        self._say(phrase)
        job.progressed.connect(self.on_job_progressed)
        job.finished.connect(self.on_job_finished)
        self.setVisible(True)

    def on_job_progressed(self, done: int, total: int, phrase: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            text = (
                self.tr("%1: %2 of %3")
                .replace("%1", phrase)
                .replace("%2", f"{done:,}")
                .replace("%3", f"{total:,}")
            )
        else:
            self.bar.setRange(0, 0)
            text = self.tr("%1: %2").replace("%1", phrase).replace("%2", f"{done:,}")
        if self.job is not None and self.job.cancelled:
            return  # keeps saying that it is stopping
        self._say(text)

    def on_job_finished(self) -> None:
        self.job = None
        self.setVisible(False)

    def on_cancel_clicked(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Ask the job to stop; say so until it has."""
        if self.job is None:
            return
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self._say(self.tr("Stopping after the step under way…"))

    def _say(self, text: str) -> None:
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.bar.setAccessibleDescription(text)


class JobDialog(QDialog):
    """A dialog whose steps run as background jobs, one at a time, shown by its progress row
    (`<name>.progress`, `<name>.cancel`); Escape and Close stop a running step before they
    close. `step_done` is sent after each step's outcome is shown (tests wait for it)."""

    step_done = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.job: Job[Any] | None = None
        self.progress = JobProgress(name, self)

    def busy(self) -> bool:
        return self.job is not None

    def start_job(self, work: Work[T], phrase: str) -> Job[T]:
        """Run `work` as this dialog's step; connect to the job's `succeeded` and `failed`."""
        job = start(work, self.objectName())
        self.job = job
        self.progress.follow(job, phrase)
        job.finished.connect(self.on_job_finished)
        self.enable_controls()
        return job

    def enable_controls(self) -> None:
        """What may be pressed now (`busy()` or not); each dialog says."""

    def reject(self) -> None:
        if self.job is not None:
            self.progress.stop()  # what a stopped step leaves is said by the step
            return
        super().reject()

    def on_job_finished(self) -> None:
        self.job = None
        self.enable_controls()
        self.step_done.emit()
