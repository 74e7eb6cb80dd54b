"""The background jobs layer: the work runs in a worker thread, its progress, result and errors
arrive on the GUI thread, a cancel stops it between steps, a database failure is said in words
and a bug goes to the program's error reporter. Never exec(): qtbot.waitSignal."""

from __future__ import annotations

import logging
import threading
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from app import i18n
from app.errors import ConflictError, DatabaseProblem, DomainError
from app.progress import Cancelled, Progress
from tests.test_ui_errors import reporter
from ui import jobs
from ui.errors import ErrorReporter

__all__ = ["reporter"]  # the fixture, used by name

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def on_gui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_the_work_runs_off_the_gui_thread_and_its_result_arrives_on_it(qtbot: QtBot) -> None:
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        for done in range(0, 101, 10):
            progress.report(done, 100, "Counting")
        return 42

    reports: list[tuple[int, int, str, bool]] = []
    job = jobs.start(work, "test.count")
    job.progressed.connect(lambda d, t, p: reports.append((d, t, p, on_gui_thread())))
    job.succeeded.connect(lambda result: seen.update(result=result, gui=on_gui_thread()))
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert seen == {"worker": True, "result": 42, "gui": True}
    assert job.result == 42 and job.error is None and job.done
    # Throttled, but the last report always arrives; every one on the GUI thread.
    assert reports and reports[-1][:3] == (100, 100, "Counting")
    assert all(gui for *_rest, gui in reports)
    assert job not in jobs.runner().running()


def test_a_finished_job_goes_with_its_last_reference_on_the_gui_thread(qtbot: QtBot) -> None:
    deleted_on: list[bool] = []
    job = jobs.start(lambda progress: progress.report(1, 1, "One"), "test.gone")
    job.destroyed.connect(lambda: deleted_on.append(on_gui_thread()))
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    gone = weakref.ref(job)
    del job
    # No cycle keeps it for the collector: the runner lets go once the worker is done with it.
    qtbot.waitUntil(lambda: gone() is None)
    assert deleted_on == [True]


def test_cancel_stops_the_work_at_its_next_check(qtbot: QtBot) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(progress: Progress) -> None:
        started.set()
        for step in range(1000):
            progress.check()
            steps.append(step)
            progress.pause(0.01)

    job = jobs.start(work, "test.cancel")
    failures: list[DomainError] = []
    job.failed.connect(failures.append)
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.cancel()
    assert job.cancelled and len(failures) == 1 and isinstance(failures[0], Cancelled)
    assert len(steps) < 1000
    assert failures[0].message == "Stopped at your request."


def test_a_domain_error_reaches_the_gui_thread_with_its_message(qtbot: QtBot) -> None:
    def work(_progress: Progress) -> None:
        raise ConflictError("This room is booked at that time.")

    job = jobs.start(work, "test.conflict")
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        pass
    (error,) = failed.args
    assert isinstance(error, ConflictError) and error.message == "This room is booked at that time."


def test_a_database_failure_is_said_in_words(qtbot: QtBot) -> None:
    def work(_progress: Progress) -> None:
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    job = jobs.start(work, "test.database")
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        pass
    (error,) = failed.args
    assert isinstance(error, DatabaseProblem)
    assert "could not be read or written" in error.message and "locked" not in error.message


@pytest.mark.qt_no_exception_capture
def test_a_bug_goes_to_the_error_reporter_without_a_traceback(
    qtbot: QtBot, reporter: ErrorReporter, caplog: pytest.LogCaptureFixture
) -> None:
    def work(_progress: Progress) -> None:
        raise ZeroDivisionError("a bug in a job")

    job = jobs.start(work, "test.bug")
    failures: list[object] = []
    job.failed.connect(failures.append)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert failures == []  # not a message for the person: the reporter's dialog says it
    assert isinstance(job.error, ZeroDivisionError)
    assert reporter.shown == 1
    dialog = reporter.dialog
    assert isinstance(dialog, QMessageBox) and dialog.isVisible()
    assert "ZeroDivisionError" not in dialog.text() and "Traceback" not in dialog.text()
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is ZeroDivisionError]
    assert logged


def test_the_progress_row_shows_the_job_and_its_stop_button_cancels_it(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    row = jobs.JobProgress("test.job", parent)
    parent.show()
    assert not row.isVisible()
    started = threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        for done in range(10_000):
            progress.report(done, 10_000, "Writing the rows")
            progress.check()
            progress.pause(0.005)

    job = jobs.start(work, "test.progress")
    row.follow(job, "Starting")
    assert row.isVisible()
    bar = parent.findChild(QProgressBar, "test.job.progress")
    text = parent.findChild(QLabel, "test.job.progressText")
    stop = parent.findChild(QPushButton, "test.job.cancel")
    assert bar is not None and text is not None and stop is not None
    assert bar.accessibleName() == "Progress" and stop.accessibleName() == "Stop"
    qtbot.waitUntil(lambda: bar.maximum() == 10_000 and bar.value() > 0)
    assert text.text().startswith("Writing the rows: ") and "of 10,000" in text.text()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        stop.click()
        assert "Stopping" in text.text() and not stop.isEnabled()
    assert not row.isVisible() and isinstance(job.error, Cancelled)
