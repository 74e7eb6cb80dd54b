"""月度工作报告: choose a month, the report is made in the background, then it opens in the
preview to print or save.

The month offered first is the one a report is usually made for: in the first week of a month
the month just ended, later the month under way (so far). The months listed are this one and the
three years before it, newest first. Counting the figures and laying out the pages run as a
background job (`ui.jobs`) with a progress row and a Stop button, so the desk never freezes on a
big centre; the report then opens in the program's preview (`ui.pdf_preview`) over this dialog,
with 打印… and 另存为…, and a character no font has is said there before anything is printed.
Closing the preview comes back here for another month. Only staff and administrators may make
reports (REPORTS); for anyone else the dialog says so and offers only Close.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import clock
from app.errors import DomainError
from app.printing.glyphs import Printout
from app.progress import Cancelled, Progress
from app.security import Permission
from app.services.statistics.period import Period
from ui import jobs, style
from ui.context import DeskContext
from ui.errors import FieldMessage
from ui.pdf_preview import PdfPreviewDialog, open_printout
from ui.widgets import button

MONTHS_LISTED = 37  # this month and the three years before it
FIRST_WEEK = 7  # up to this day of a month, the month just ended is offered first


def default_month(today: dt.date) -> Period:
    """The month just ended in a month's first week, else the month under way."""
    if today.day <= FIRST_WEEK:
        last = today.replace(day=1) - dt.timedelta(days=1)
        return Period.month(last.year, last.month)
    return Period.month(today.year, today.month)


def months_back(today: dt.date, count: int = MONTHS_LISTED) -> list[Period]:
    """This month and the `count` - 1 before it, newest first."""
    year, month = today.year, today.month
    periods = []
    for _ in range(count):
        periods.append(Period.month(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return periods


class MonthlyReportDialog(jobs.JobDialog):
    """Month → 生成报告 (a job) → the preview. `make_report()` starts it; `step_done` is sent
    once the outcome is shown and `previewed(preview)` when the report opened."""

    previewed = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__("reports.monthly", parent)
        self.setWindowTitle(self.tr("Monthly report"))
        self.setAccessibleName(self.windowTitle())
        self._context = context
        self.preview: PdfPreviewDialog | None = None
        self.printout: Printout | None = None

        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(
            style.paragraph_html(
                self.tr(
                    "The month's work as the report the centre sends up: figures by community "
                    "and building group, visits, the sessions of each series, room use, "
                    "resident requests with their satisfaction, volunteer hours and "
                    "certificates, with charts. A month not yet over is counted up to today."
                )
            )
        )
        self.message = FieldMessage("reports.monthly.message", self)
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("reports.monthly.month")
        self.month_combo.setAccessibleName(self.tr("Month of the report"))
        today = clock.today()
        for period in months_back(today):
            self.month_combo.addItem(
                self.tr("%1-%2")
                .replace("%1", str(period.first.year))
                .replace("%2", f"{period.first.month:02d}"),
                period.first.isoformat(),  # a date would come back as a QDate
            )
        self.set_month(default_month(today))
        label = QLabel(self.tr("&Month:"), self)
        label.setBuddy(self.month_combo)
        form = QFormLayout()
        form.addRow(label, self.month_combo)

        self.make_button = button(self.tr("&Make the report"), "reports.monthly.make", self)
        style.make_primary(self.make_button)
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.on_make_clicked)
        self.close_button = button(self.tr("Close"), "reports.monthly.close", self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)
        if not context.actor.may(Permission.REPORTS):
            self.message.set_message(
                self.tr("Only staff and administrators may make the monthly report.")
            )
        self.enable_controls()
        self.month_combo.setFocus()

    # --- what tests and the desk call ----------------------------------------------------

    def month(self) -> Period:
        first = dt.date.fromisoformat(self.month_combo.currentData())
        return Period.month(first.year, first.month)

    def set_month(self, period: Period) -> None:
        index = self.month_combo.findData(period.first.isoformat())
        if index >= 0:
            self.month_combo.setCurrentIndex(index)

    def make_report(self) -> jobs.Job[Printout] | None:
        """Count the chosen month's figures and lay the report out (a job); the report opens
        in the preview when it is done."""
        if self.busy():
            return None
        self.message.clear()
        period = self.month()
        db, actor = self._context.db, self._context.actor

        def make(progress: Progress) -> Printout:
            from app.printing.monthly_report import monthly_report

            return monthly_report(db, actor, period, progress)

        job = self.start_job(
            make, self.tr("Making the report of %1").replace("%1", self.month_combo.currentText())
        )
        job.succeeded.connect(self.on_made)
        job.failed.connect(self.on_failed)
        return job

    # --- slots ---------------------------------------------------------------------------

    def on_make_clicked(self) -> None:
        self.make_report()

    def on_made(self, printout: Printout) -> None:
        from app.printing.monthly_report import file_name

        self.printout = printout
        period = self.month()
        title = self.tr("monthly report of %1").replace("%1", self.month_combo.currentText())
        self.preview = open_printout(printout, title, file_name(period), self)
        self.previewed.emit(self.preview)

    def on_failed(self, error: DomainError) -> None:
        if isinstance(error, Cancelled):
            self.message.set_message(self.tr("Stopped: no report was made."))
        else:
            self.message.set_message(error.message)

    def on_job_finished(self) -> None:
        super().on_job_finished()
        style.grow_to_fit(self)

    def enable_controls(self) -> None:
        """Nothing but Stop while the report is being made."""
        idle = self.job is None and self._context.actor.may(Permission.REPORTS)
        self.month_combo.setEnabled(idle)
        self.make_button.setEnabled(idle)
        self.close_button.setEnabled(self.job is None)


def open_monthly_report(context: DeskContext, parent: QWidget | None) -> MonthlyReportDialog:
    """Open the dialog (deleted when closed) without blocking; returns it."""
    dialog = MonthlyReportDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
