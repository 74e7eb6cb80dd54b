"""Export the register of people or the visit log to Excel (.xlsx) or CSV. Admin only.

Phone and ID numbers (also those typed into notes) are masked unless the administrator ticks
"full phone and ID numbers", which says in words what that means. The export runs as a
background job (`ui.jobs`) with a progress bar and a Stop button; the service writes the file and
the audit entry. For anyone but an administrator the dialog shows the service's refusal and
offers only Close.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError, ValidationError
from app.progress import Cancelled, Progress
from app.security import Permission
from app.services import export
from app.services.export import ExportFormat, ExportKind, ExportResult
from ui import jobs, style
from ui.context import DeskContext
from ui.errors import FieldMessage
from ui.widgets import button


class ExportDialog(jobs.JobDialog):
    """What, which format, masked or full, where; `export_to(path)` starts it (a job), and
    `step_done` is sent once its outcome is shown."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__("people.export", parent)
        self.setWindowTitle(self.tr("Export to Excel or CSV"))
        self.setAccessibleName(self.windowTitle())
        self._context = context
        self.last_result: ExportResult | None = None

        self.message = FieldMessage("people.export.message", self)
        self.what_combo = QComboBox(self)
        self.what_combo.setObjectName("people.export.what")
        self.what_combo.setAccessibleName(self.tr("What to export"))
        self.what_combo.addItem(self.tr("The register of people"), ExportKind.PEOPLE.value)
        self.what_combo.addItem(self.tr("The visit log"), ExportKind.VISITS.value)
        self.what_combo.currentIndexChanged.connect(self.on_choice_changed)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("people.export.format")
        self.format_combo.setAccessibleName(self.tr("File format"))
        self.format_combo.addItem(self.tr("Excel workbook (.xlsx)"), ExportFormat.XLSX.value)
        self.format_combo.addItem(self.tr("CSV, opens in Excel (.csv)"), ExportFormat.CSV.value)
        self.format_combo.currentIndexChanged.connect(self.on_choice_changed)

        self.full_check = QCheckBox(self.tr("&Full phone and ID numbers (not masked)"), self)
        self.full_check.setObjectName("people.export.full")
        self.full_check.setAccessibleName(self.tr("Full phone and ID numbers (not masked)"))
        self.full_check.toggled.connect(self.on_full_toggled)
        self.full_warning = QLabel(self)
        self.full_warning.setObjectName("people.export.fullWarning")
        self.full_warning.setWordWrap(True)
        self.full_warning.setTextFormat(Qt.TextFormat.RichText)
        warning = self.tr(
            "Warning: the file will hold every person's full phone number and ID number. Keep it "
            "on this computer or an encrypted drive, don't send it by chat or e-mail, and delete "
            "it when it is no longer needed. The export is recorded in the log with your name."
        )
        self.full_warning.setText(style.paragraph_html(warning, colour=style.ERROR_COLOUR))
        self.full_warning.setAccessibleName(warning)
        self.full_warning.setVisible(False)
        self.masked_hint = QLabel(self)
        self.masked_hint.setWordWrap(True)
        self.masked_hint.setText(
            style.paragraph_html(
                self.tr(
                    "Phone and ID numbers are masked, also where they were typed into notes and "
                    "addresses: 138****5678, 3101**********1234."
                ),
                colour=style.MUTED_COLOUR,
            )
        )

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("people.export.path")
        self.path_edit.setAccessibleName(self.tr("Save as"))
        self.choose_button = button(self.tr("&Choose…"), "people.export.choosePath", self)
        self.choose_button.clicked.connect(self.on_choose_clicked)
        self.path_message = FieldMessage("people.export.pathMessage", self)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field, row in (
            (self.tr("&What:"), self.what_combo, self.what_combo),
            (self.tr("F&ormat:"), self.format_combo, self.format_combo),
            (self.tr("&Save as:"), self.path_edit, path_row),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, row)
        form.addRow("", self.path_message)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("people.export.result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setVisible(False)
        self.export_button = button(self.tr("&Export"), "people.export.run", self)
        style.make_primary(self.export_button)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.close_button = button(self.tr("Close"), "people.export.close", self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.full_check)
        layout.addWidget(self.masked_hint)
        layout.addWidget(self.full_warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 48)

        self.path_edit.setText(str(self._default_path()))
        self._check_permission()

    def _check_permission(self) -> None:
        try:
            self._context.actor.require(Permission.IMPORT_EXPORT)
        except DomainError as error:
            self.message.set_message(error.message)
            style.grow_to_fit(self)
            self.enable_controls()

    # --- what tests and the desk call ----------------------------------------------------

    def kind(self) -> ExportKind:
        return ExportKind(self.what_combo.currentData())

    def file_format(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def set_choices(
        self, kind: ExportKind, file_format: ExportFormat, *, full: bool = False
    ) -> None:
        self.what_combo.setCurrentIndex(self.what_combo.findData(kind.value))
        self.format_combo.setCurrentIndex(self.format_combo.findData(file_format.value))
        self.full_check.setChecked(full)

    def export_to(self, path: str | Path) -> jobs.Job[ExportResult] | None:
        """Export what is chosen to `path` (a job); the outcome is said in the dialog."""
        if self.busy():
            return None
        self.path_message.clear()
        self.message.clear()
        self.result_label.setVisible(False)
        kind, chosen, full = self.kind(), self.file_format(), self.full_check.isChecked()
        try:
            self._context.actor.require(Permission.IMPORT_EXPORT)
        except DomainError as error:
            self.message.set_message(error.message)
            return None
        db, actor = self._context.db, self._context.actor

        def write(progress: Progress) -> ExportResult:
            return export.export_file(
                db, actor, kind, path, file_format=chosen, full=full, progress=progress
            )

        job = self.start_job(write, self.tr("Exporting"))
        job.succeeded.connect(self.on_exported)
        job.failed.connect(self.on_export_failed)
        return job

    # --- slots ---------------------------------------------------------------------------

    def on_choice_changed(self, _index: int) -> None:
        """Keep the file name's ending (and the default name) in step with the choices."""
        text = self.path_edit.text().strip()
        current = Path(text) if text else self._default_path()
        if current.stem in (self._default_path(other=True).stem, self._default_path().stem):
            current = self._default_path()  # still the name we proposed: propose the new one
        self.path_edit.setText(str(current.with_suffix(f".{self.file_format().value}")))

    def on_full_toggled(self, checked: bool) -> None:
        self.full_warning.setVisible(checked)
        self.masked_hint.setVisible(not checked)
        style.grow_to_fit(self)

    def on_choose_clicked(self) -> None:
        suffix = self.file_format().value
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            self.path_edit.text(),
            self.tr("Excel workbooks (*.xlsx)")
            if suffix == "xlsx"
            else self.tr("CSV files (*.csv)"),
        )
        if path:
            self.path_edit.setText(str(Path(path).with_suffix(f".{suffix}")))

    def on_exported(self, result: ExportResult) -> None:
        self.last_result = result
        summary = export.summary(result)
        self.result_label.setText(f"<b>{style.paragraph_html(summary)}</b>")
        self.result_label.setAccessibleName(summary)
        self.result_label.setVisible(True)

    def on_export_failed(self, error: DomainError) -> None:
        if isinstance(error, ValidationError) and error.field == "path":
            self.path_message.set_message(error.message)
        elif isinstance(error, Cancelled):
            self.message.set_message(self.tr("Stopped: no file was written."))
        else:
            self.message.set_message(error.message)

    def on_job_finished(self) -> None:
        super().on_job_finished()
        style.grow_to_fit(self)

    def on_export_clicked(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.path_message.set_message(self.tr("Choose where to save the file."))
            self.path_edit.setFocus()
            return
        self.export_to(text)

    # --- inside ------------------------------------------------------------------------

    def _default_path(self, *, other: bool = False) -> Path:
        """Documents/居民档案-2026-03-04.xlsx (or 来访登记-…); `other`: the other kind's name."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        kind = self.kind()
        if other:
            kind = ExportKind.VISITS if kind is ExportKind.PEOPLE else ExportKind.PEOPLE
        stem = self.tr("people") if kind is ExportKind.PEOPLE else self.tr("visits")
        name = f"{stem}-{clock.today().isoformat()}.{self.file_format().value}"
        return Path(folder or Path.home()) / name

    def enable_controls(self) -> None:
        """Nothing but Stop while the export runs."""
        idle = self.job is None and self._context.actor.may(Permission.IMPORT_EXPORT)
        for widget in (
            self.what_combo,
            self.format_combo,
            self.full_check,
            self.path_edit,
            self.choose_button,
            self.export_button,
        ):
            widget.setEnabled(idle)
        self.close_button.setEnabled(self.job is None)
