"""Data retention (数据保存期限): how long visits and requests keep the person, what a run would do
now, running it (a background job with Stop), and the review of people with no activity for the
period, who can be removed. Admins only: the services refuse everyone else."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import QItemSelectionModel, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import calls, retention
from ui import jobs
from ui.context import DeskContext
from ui.errors import StatusLine
from ui.labels import QT_TRANSLATE_NOOP
from ui.settings.common import RoomyRowsDelegate, fit_columns, heading, hint
from ui.style import make_primary
from ui.table_model import Index, LinesModel
from ui.widgets import button, plain


class InactiveModel(LinesModel[retention.InactivePerson]):
    """The review list: masked name, community, last activity, what the person holds."""

    CONTEXT: ClassVar[str] = "RetentionPage"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("RetentionPage", "Name (masked)"),
        QT_TRANSLATE_NOOP("RetentionPage", "Community"),
        QT_TRANSLATE_NOOP("RetentionPage", "Last activity"),
        QT_TRANSLATE_NOOP("RetentionPage", "Records held"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if column == 0:
            return line.masked_name
        if column == 1:
            return line.community or self.tr("Not filled in")
        if column == 2:
            return (
                line.last_activity.isoformat()
                if line.last_activity
                else self.tr("No activity on record")
            )
        return self.holdings(line)

    def holdings(self, line: retention.InactivePerson) -> str:
        parts = []
        for count, text in (
            (line.visits, self.tr("%1 visits")),
            (line.requests, self.tr("%1 requests")),
            (line.signups, self.tr("%1 signups")),
            (line.certificates, self.tr("%1 certificates (name kept)")),
        ):
            if count:
                parts.append(text.replace("%1", str(count)))
        if line.volunteer:
            parts.append(self.tr("volunteer profile"))
        return self.tr(", ").join(parts) if parts else self.tr("record only")


class RetentionPage(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.retention")
        self._context = context
        self.job: jobs.Job[retention.RunResult] | None = None
        self.removing: jobs.Job[retention.Removal] | None = None

        explain = hint(
            self.tr(
                "Personal data is kept no longer than needed. Visits and finished 民生直通车 "
                "requests older than this period no longer name the person: the visit keeps its "
                "day, purpose and community, the request what was asked and done (phone and ID "
                "numbers and the name masked), so the statistics stay the same. Open requests "
                "are kept as they are. This runs by itself once a day when the program starts."
            ),
            self,
        )

        caption = QLabel(self.tr("&Keep for:"), self)
        self._months = QSpinBox(self)
        self._months.setObjectName("settings.retention.months")
        self._months.setRange(retention.MIN_MONTHS, retention.MAX_MONTHS)
        self._months.setSuffix(self.tr(" months"))
        self._months.setAccessibleName(plain(caption.text()))
        caption.setBuddy(self._months)
        save = button(self.tr("&Save period"), "settings.retention.save", self)
        save.clicked.connect(self.on_save_clicked)

        self._preview = QLabel(self)
        self._preview.setObjectName("settings.retention.preview")
        self._preview.setWordWrap(True)
        self._preview.setTextFormat(Qt.TextFormat.PlainText)

        self.run_button = button(self.tr("&Run now"), "settings.retention.run", self)
        make_primary(self.run_button)
        self.run_button.clicked.connect(self.on_run_clicked)
        self.run_confirm = self._confirm_box(
            "settings.retention.runConfirm",
            self.tr("Anonymise them now? This cannot be undone (a backup can bring them back)."),
            self.tr("&Anonymise now"),
            self.on_run_confirmed,
        )
        self.progress = jobs.JobProgress("settings.retention", self)

        self.model = InactiveModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("settings.retention.people")
        self.table.setAccessibleName(self.tr("People with no activity for the period"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setItemDelegate(RoomyRowsDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(self.fontMetrics().height() * 10)
        select_all = button(self.tr("Select &all"), "settings.retention.selectAll", self)
        select_all.clicked.connect(self.table.selectAll)
        self.remove_button = button(
            self.tr("&Remove the selected people"), "settings.retention.remove", self
        )
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.remove_confirm = self._confirm_box(
            "settings.retention.removeConfirm",
            self.tr(
                "Remove %1 people? Their contact details, ID numbers and notes are deleted; "
                "their old visits and requests are anonymised. This cannot be undone."
            ),
            self.tr("Re&move"),
            self.on_remove_confirmed,
        )
        self._message = StatusLine("settings.retention.message", self)

        period_row = QHBoxLayout()
        period_row.addWidget(caption)
        period_row.addWidget(self._months)
        period_row.addWidget(save)
        period_row.addStretch(1)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(select_all)
        list_row.addWidget(self.remove_button)
        list_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Data retention"), self))
        layout.addWidget(explain)
        layout.addLayout(period_row)
        layout.addWidget(self._preview)
        layout.addLayout(run_row)
        layout.addWidget(self.run_confirm)
        layout.addWidget(self.progress)
        layout.addWidget(self._message)
        layout.addWidget(heading(self.tr("People with no activity for the period"), self))
        layout.addWidget(
            hint(
                self.tr(
                    "No visit, signup, volunteer hours, certificate, request, booking or change "
                    "of their record in the period. Check with the community before removing. "
                    "Someone whose record others still need (signups, hours, certificates) is "
                    "kept without any contact details; a certificate keeps the name printed on it."
                ),
                self,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(list_row)
        layout.addWidget(self.remove_confirm)
        self.loaded = False
        self._loading: jobs.Job[Any] | None = None
        self._preview.setText(self.tr("Counting…"))

    def _confirm_box(self, name: str, question: str, yes: str, slot: Any) -> QFrame:
        """A question under the button, not a pop-up: nothing steals the focus."""
        box = QFrame(self)
        box.setObjectName(name)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(question, box)
        text.setObjectName(f"{name}.text")
        text.setWordWrap(True)
        confirm = button(yes, f"{name}.yes", box)
        make_primary(confirm)
        confirm.clicked.connect(slot)
        cancel = button(self.tr("&Cancel"), f"{name}.no", box)
        cancel.clicked.connect(box.hide)
        grid = QGridLayout(box)
        grid.addWidget(text, 0, 0, 1, 3)
        grid.addWidget(confirm, 1, 0)
        grid.addWidget(cancel, 1, 1)
        grid.setColumnStretch(2, 1)
        box.setProperty("question", question)
        box.setVisible(False)
        return box

    # ---- what tests and the desk use -------------------------------------------------------

    def reload(self) -> None:
        """Count again, in the background: on a big centre the review list takes a second, and
        the window keeps answering meanwhile. `loaded` is true once the figures are shown."""
        self.loaded = False
        db, actor = self._context.db, self._context.actor

        def work(_progress: Any) -> tuple[retention.Preview, list[retention.InactivePerson]]:
            due = calls.read(db, actor, retention.preview)
            return due, calls.read(db, actor, retention.inactive_people)

        job = jobs.start(work, "settings.retention.load")
        self._loading = job
        job.succeeded.connect(lambda result: self.on_loaded(job, result))
        job.failed.connect(lambda error: self.on_load_failed(job, error))

    def on_loaded(
        self,
        job: jobs.Job[Any],
        result: tuple[retention.Preview, list[retention.InactivePerson]],
    ) -> None:
        if job is not self._loading:
            return  # a newer count is under way
        due, people = result
        self._months.setValue(due.months)
        self._preview.setText(self.preview_text(due))
        self._preview.setAccessibleName(self._preview.text())
        self.run_button.setEnabled(self.job is None and bool(due.visits or due.requests))
        self.model.set_lines(people)
        fit_columns(self.table, stretch=3)
        self.loaded = True

    def on_load_failed(self, job: jobs.Job[Any], error: DomainError) -> None:
        if job is not self._loading:
            return
        self._preview.setText(error.message)
        self.run_button.setEnabled(False)
        self.model.set_lines([])
        self.loaded = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Another desk may have checked people in, or the day may have turned, meanwhile.
        if self.job is None:
            self.reload()

    def preview_text(self, due: retention.Preview) -> str:
        lines = [
            self.tr("Now: %1 visits and %2 finished requests from before %3 would be anonymised.")
            .replace("%1", f"{due.visits:,}")
            .replace("%2", f"{due.requests:,}")
            .replace("%3", _day(due.cutoff))
        ]
        if due.open_requests_kept:
            lines.append(
                self.tr("%1 older requests are still open and are kept as they are.").replace(
                    "%1", f"{due.open_requests_kept:,}"
                )
            )
        lines.append(
            self.tr("%1 people have had no activity since %2 (listed below).")
            .replace("%1", f"{due.inactive_people:,}")
            .replace("%2", _day(due.cutoff))
        )
        return "\n".join(lines)

    def preview_message(self) -> str:
        return self._preview.text()

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def chosen(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.line(row).person_id for row in sorted(rows)]

    def message(self) -> str:
        return self._message.message()

    # ---- slots ------------------------------------------------------------------------------

    @Slot()
    def on_save_clicked(self) -> None:
        value = self._months.value()
        try:
            self._context.run(
                lambda s, a: retention.set_months(s, a, value), write=True, status=self._message
            )
        except DomainError:
            return
        self._message.show_info(self.tr("Saved: kept for %1 months.").replace("%1", str(value)))
        self.reload()

    @Slot()
    def on_run_clicked(self) -> None:
        self.run_confirm.setVisible(True)

    @Slot()
    def on_run_confirmed(self) -> None:
        self.run_confirm.setVisible(False)
        db, actor = self._context.db, self._context.actor

        def work(progress: Any) -> retention.RunResult:
            return retention.anonymise(db, actor, progress=progress)

        self.job = jobs.start(work, "settings.retention.run")
        self.progress.follow(self.job, self.tr("Anonymising"))
        self.run_button.setEnabled(False)
        self.job.succeeded.connect(self.on_run_succeeded)
        self.job.failed.connect(self.on_run_failed)
        self.job.finished.connect(self.on_run_finished)

    def on_run_succeeded(self, result: retention.RunResult) -> None:
        text = (
            self.tr("Stopped: %1 visits and %2 requests anonymised; the rest next time.")
            if result.stopped
            else self.tr("Done: %1 visits and %2 requests anonymised.")
        )
        self._message.show_info(
            text.replace("%1", f"{result.visits:,}").replace("%2", f"{result.requests:,}")
        )

    def on_run_failed(self, error: DomainError) -> None:
        self._message.show_error(error.message)

    def on_run_finished(self) -> None:
        self.job = None
        self.reload()

    @Slot()
    def on_remove_clicked(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self._message.show_error(self.tr("Select the people to remove in the list first."))
            return
        text = self.remove_confirm.findChild(QLabel, "settings.retention.removeConfirm.text")
        assert text is not None
        text.setText(str(self.remove_confirm.property("question")).replace("%1", str(len(chosen))))
        self.remove_confirm.setVisible(True)

    @Slot()
    def on_remove_confirmed(self) -> None:
        self.remove_confirm.setVisible(False)
        chosen = self.chosen()
        db, actor = self._context.db, self._context.actor

        def work(progress: Any) -> retention.Removal:
            return retention.remove_in_batches(db, actor, chosen, progress=progress)

        job = jobs.start(work, "settings.retention.removal")
        self.removing = job
        self.progress.follow(job, self.tr("Removing"))
        self.remove_button.setEnabled(False)
        job.succeeded.connect(self.on_removed)
        job.failed.connect(self.on_run_failed)
        job.finished.connect(self.on_removal_finished)

    def on_removed(self, removal: retention.Removal) -> None:
        text = self.tr("Removed %1 people.").replace(
            "%1", str(removal.deleted + removal.anonymised)
        )
        if removal.skipped:
            text += " " + self.tr("%1 came back meanwhile and were kept.").replace(
                "%1", str(removal.skipped)
            )
        self._message.show_info(text)

    def on_removal_finished(self) -> None:
        self.removing = None
        self.remove_button.setEnabled(True)
        self.reload()


def _day(moment: dt.datetime) -> str:
    return f"{moment.year}-{moment.month:02d}-{moment.day:02d}"
