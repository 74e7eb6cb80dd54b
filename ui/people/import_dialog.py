"""Import a roster (花名册) from Excel: choose the file, check which column holds what, check the
rows, read the report, then import the valid rows — or nothing.

Nothing is written until the administrator presses "Import the N valid rows". Reading the file,
checking the rows and importing them run as background jobs (`ui.jobs`) with a progress bar and
a Stop button, so the window keeps painting and the other desks keep working: the import writes
in short batches (`roster.import_roster`) and checks every row again as it writes. A gender that
contradicts the ID number is a warning in the report, and the administrator chooses which of the
two is imported. Only an administrator may import: for anyone else the dialog shows the
service's refusal and offers nothing to press but Close.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.progress import Cancelled, Progress
from app.security import Permission
from app.services import calls, roster
from app.services.roster import (
    GenderRule,
    ImportMode,
    ImportResult,
    IssueKind,
    RosterField,
    RosterPreview,
    RosterReport,
    RowIssue,
    StopReason,
)
from ui import jobs, style
from ui.context import DeskContext
from ui.errors import FieldMessage
from ui.labels import QT_TRANSLATE_NOOP
from ui.widgets import button

_Index = QModelIndex | QPersistentModelIndex

_HEADERS = (
    QT_TRANSLATE_NOOP("RosterReportModel", "Row"),
    QT_TRANSLATE_NOOP("RosterReportModel", "Result"),
    QT_TRANSLATE_NOOP("RosterReportModel", "Column"),
    QT_TRANSLATE_NOOP("RosterReportModel", "What it says"),
)


class RosterReportModel(QAbstractTableModel):
    """The report's lines: errors first, then people on file, repeats and notes, each in row
    order. An error is red and also says "Error" in words."""

    ROW, RESULT, FIELD, MESSAGE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._issues: list[RowIssue] = []

    def set_report(self, report: RosterReport | None) -> None:
        self.beginResetModel()
        self._issues = roster.ordered_issues(report) if report is not None else []
        self.endResetModel()

    def issue(self, row: int) -> RowIssue:
        return self._issues[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RosterReportModel", _HEADERS[section])
        return None

    def text(self, row: int, column: int) -> str:
        issue = self._issues[row]
        if column == self.ROW:
            return str(issue.row)
        if column == self.RESULT:
            return roster.issue_kind_label(issue.kind)
        if column == self.FIELD:
            return issue.field_label
        return issue.message

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue.message
        if role == Qt.ItemDataRole.ForegroundRole and issue.kind is IssueKind.ERROR:
            return QColor(style.ERROR_COLOUR)
        if role == Qt.ItemDataRole.FontRole and index.column() == self.RESULT:
            font = QFont()
            font.setBold(issue.kind in (IssueKind.ERROR, IssueKind.WARNING))
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportDialog(jobs.JobDialog):
    """Roster import, step by step. `load_file`, `validate` and `import_valid` start the step's
    job (and return it); `step_done` is sent once its outcome is shown."""

    imported = Signal(int)  # people added

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__("people.import", parent)
        self.setWindowTitle(self.tr("Import a roster from Excel"))
        self.setAccessibleName(self.windowTitle())
        self._context = context
        self.preview: RosterPreview | None = None
        self.report: RosterReport | None = None
        self.import_result: ImportResult | None = None
        self._combos: list[QComboBox] = []

        self.message = FieldMessage("people.import.message", self)
        intro = QLabel(
            style.paragraph_html(
                self.tr(
                    "Choose an Excel file (.xlsx) with one person a row and a header row "
                    "(姓名, 性别, 出生年份, 手机, 身份证号, 社区, 楼组, 地址 …). Check the rows, "
                    "read the report, then decide: nothing is written before that."
                ),
                colour=style.MUTED_COLOUR,
            ),
            self,
        )
        intro.setWordWrap(True)

        self.choose_button = button(self.tr("&Choose file…"), "people.import.chooseFile", self)
        self.choose_button.clicked.connect(self.on_choose_clicked)
        self.file_label = QLabel(self.tr("No file chosen yet."), self)
        self.file_label.setObjectName("people.import.file")
        self.file_label.setWordWrap(True)
        self.file_label.setAccessibleName(self.tr("Chosen file"))
        self.file_message = FieldMessage("people.import.fileMessage", self)
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)

        # Which column holds what: one combo box per column of the sheet.
        self.mapping_box = QGroupBox(self.tr("Columns"), self)
        self.mapping_hint = QLabel(self.mapping_box)
        self.mapping_hint.setWordWrap(True)
        self.mapping_grid = QGridLayout()
        grid_holder = QWidget()
        grid_holder.setLayout(self.mapping_grid)
        self.mapping_scroll = QScrollArea(self.mapping_box)
        self.mapping_scroll.setWidget(grid_holder)
        self.mapping_scroll.setWidgetResizable(True)
        self.mapping_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.mapping_message = FieldMessage("people.import.mappingMessage", self.mapping_box)
        self.validate_button = button(self.tr("Chec&k the rows"), "people.import.validate", self)
        style.make_primary(self.validate_button)
        self.validate_button.clicked.connect(self.on_validate_clicked)
        mapping_layout = QVBoxLayout(self.mapping_box)
        mapping_layout.addWidget(self.mapping_hint)
        mapping_layout.addWidget(self.mapping_scroll, 1)
        mapping_layout.addWidget(self.mapping_message)
        mapping_layout.addWidget(self.validate_button, 0, Qt.AlignmentFlag.AlignLeft)

        # The report, row by row.
        self.report_box = QGroupBox(self.tr("Report"), self)
        self.counts_label = QLabel(self.report_box)
        self.counts_label.setObjectName("people.import.counts")
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.report_model = RosterReportModel(self)
        self.report_view = QTableView(self.report_box)
        self.report_view.setObjectName("people.import.report")
        self.report_view.setAccessibleName(self.tr("Report, row by row"))
        self.report_view.setModel(self.report_model)
        style.configure_table(self.report_view)
        header = self.report_view.horizontalHeader()
        for column in (RosterReportModel.ROW, RosterReportModel.RESULT, RosterReportModel.FIELD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RosterReportModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.report_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.report_view.selectionModel().currentRowChanged.connect(self.on_report_row_changed)
        # The whole message of the line chosen in the table (a long one is cut off there).
        self.issue_detail = QLabel(self.report_box)
        self.issue_detail.setObjectName("people.import.issueDetail")
        self.issue_detail.setWordWrap(True)
        self.issue_detail.setTextFormat(Qt.TextFormat.RichText)
        self.issue_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Rows whose gender contradicts their ID number: which of the two is imported.
        self.gender_box = QGroupBox(self.tr("Gender against the ID number"), self.report_box)
        self.gender_box.setObjectName("people.import.gender")
        self.gender_hint = QLabel(self.gender_box)
        self.gender_hint.setWordWrap(True)
        self.gender_from_id = QRadioButton(
            self.tr("Take the gender from the &ID number (recommended)"), self.gender_box
        )
        self.gender_from_id.setObjectName("people.import.genderFromId")
        self.gender_from_id.setAccessibleName(
            self.tr("Take the gender from the ID number (recommended)")
        )
        self.gender_as_written = QRadioButton(
            self.tr("Keep the &gender written in the roster"), self.gender_box
        )
        self.gender_as_written.setObjectName("people.import.genderAsWritten")
        self.gender_as_written.setAccessibleName(self.tr("Keep the gender written in the roster"))
        self.gender_group = QButtonGroup(self)
        self.gender_group.addButton(self.gender_from_id)
        self.gender_group.addButton(self.gender_as_written)
        self.gender_from_id.setChecked(True)
        choices = QHBoxLayout()  # side by side: the report above keeps its rows in large text
        choices.addWidget(self.gender_from_id)
        choices.addWidget(self.gender_as_written)
        choices.addStretch(1)
        gender_layout = QVBoxLayout(self.gender_box)
        gender_layout.addWidget(self.gender_hint)
        gender_layout.addLayout(choices)
        self.gender_box.setVisible(False)
        report_layout = QVBoxLayout(self.report_box)
        report_layout.addWidget(self.counts_label)
        report_layout.addWidget(self.report_view, 1)
        report_layout.addWidget(self.issue_detail)
        report_layout.addWidget(self.gender_box)

        middle = QHBoxLayout()
        middle.addWidget(self.mapping_box, 2)
        middle.addWidget(self.report_box, 3)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("people.import.result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setVisible(False)
        self.import_button = button(
            self.tr("Import the valid rows"), "people.import.importValid", self
        )
        style.make_primary(self.import_button)
        self.import_button.clicked.connect(self.on_import_clicked)
        self.close_button = button(self.tr("Import &nothing"), "people.import.close", self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.file_message)
        layout.addLayout(middle, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)

        metrics = self.fontMetrics()
        # Room for the report, within the desk's 1366 x 768 screen (less the window frame).
        screen = self.screen().availableGeometry()
        self.resize(
            min(metrics.horizontalAdvance("M") * 95, screen.width() - 40, 1320),
            min(metrics.height() * 34, screen.height() - 60, 720),
        )
        self._show_preview()
        self._check_permission()

    def _check_permission(self) -> None:
        try:
            self._context.actor.require(Permission.IMPORT_EXPORT)
        except DomainError as error:
            self.message.set_message(error.message)
            for widget in (self.choose_button, self.validate_button, self.import_button):
                widget.setEnabled(False)
            self._say_close()

    # --- what tests and the desk call ----------------------------------------------------

    def may_import(self) -> bool:
        return self._context.actor.may(Permission.IMPORT_EXPORT)

    def gender_rule(self) -> GenderRule:
        return GenderRule.AS_WRITTEN if self.gender_as_written.isChecked() else GenderRule.FROM_ID

    def set_gender_rule(self, rule: GenderRule) -> None:
        (
            self.gender_as_written if rule is GenderRule.AS_WRITTEN else self.gender_from_id
        ).setChecked(True)

    def load_file(self, path: str | Path) -> jobs.Job[RosterPreview] | None:
        """Read the workbook and guess its columns (a job); the reason is shown if it can't."""
        if self.busy():
            return None
        self.file_message.clear()
        self.message.clear()
        self.file_label.setText(str(path))
        self.preview = None
        self._show_preview()

        def read(progress: Progress) -> RosterPreview:
            return roster.read_roster(path, progress=progress)

        job = self.start_job(read, self.tr("Reading the file"))
        job.succeeded.connect(self.on_file_read)
        job.failed.connect(self.on_file_failed)
        return job

    def mapping(self) -> dict[RosterField, int]:
        chosen: dict[RosterField, int] = {}
        for column, combo in enumerate(self._combos):
            value = combo.currentData()
            if value:
                chosen[RosterField(value)] = column
        return chosen

    def set_column_field(self, column: int, fld: RosterField | None) -> None:
        combo = self._combos[column]
        combo.setCurrentIndex(max(combo.findData(fld.value if fld else ""), 0))

    def column_combo(self, column: int) -> QComboBox:
        return self._combos[column]

    def validate(self) -> jobs.Job[RosterReport] | None:
        """Check the rows with the chosen columns and show the report (a job); nothing is
        written. A mapping without a name column is said at once, and no job starts."""
        preview = self.preview
        if preview is None or self.busy():
            return None
        self.mapping_message.clear()
        self.message.clear()
        mapping = self.mapping()
        try:
            self._context.actor.require(Permission.IMPORT_EXPORT)
        except DomainError as error:
            self.message.set_message(error.message)
            return None
        try:
            roster.check_mapping(mapping, preview.columns)
        except ValidationError as error:
            self.mapping_message.set_message(error.message)
            self._set_report(None)
            return None
        db, actor = self._context.db, self._context.actor

        def check(progress: Progress) -> RosterReport:
            return calls.read(
                db,
                actor,
                lambda session, acting: roster.validate(
                    session, acting, preview, mapping, progress=progress
                ),
            )

        job = self.start_job(check, self.tr("Checking the rows"))
        job.succeeded.connect(self.on_rows_checked)
        job.failed.connect(self.on_step_failed)
        return job

    def import_valid(self) -> jobs.Job[ImportResult] | None:
        """Import the rows without errors (checked again while writing, in batches)."""
        preview, report = self.preview, self.report
        if preview is None or report is None or self.import_result is not None or self.busy():
            return None
        mapping, rule = self.mapping(), self.gender_rule()
        db, actor = self._context.db, self._context.actor

        def write(progress: Progress) -> ImportResult:
            return roster.import_roster(
                db,
                actor,
                preview,
                mapping,
                ImportMode.VALID_ROWS,
                gender_rule=rule,
                progress=progress,
            )

        job = self.start_job(write, self.tr("Importing"))
        job.succeeded.connect(self.on_imported)
        job.failed.connect(self.on_step_failed)
        return job

    # --- slots ---------------------------------------------------------------------------

    def on_choose_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster"),
            str(Path.home()),
            self.tr("Excel workbooks (*.xlsx);;All files (*)"),
        )
        if path:
            self.load_file(path)

    def on_column_changed(self, _index: int) -> None:
        combo = self.sender()
        if not isinstance(combo, QComboBox):
            return
        value = combo.currentData()
        if value:  # a field goes to one column: the column that had it lets go
            for other in self._combos:
                if other is not combo and other.currentData() == value:
                    other.blockSignals(True)
                    other.setCurrentIndex(0)
                    other.blockSignals(False)
        self._set_report(None)
        if self.preview is not None:
            self.counts_label.setText(self.tr("Columns changed: check the rows again."))

    def on_report_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.issue_detail.clear()
            return
        issue = self.report_model.issue(current.row())
        words = roster.issue_text(issue)
        colour = style.ERROR_COLOUR if issue.kind is IssueKind.ERROR else None
        self.issue_detail.setText(style.paragraph_html(words, colour=colour))
        self.issue_detail.setAccessibleName(words)

    def on_validate_clicked(self) -> None:
        self.validate()

    def on_import_clicked(self) -> None:
        self.import_valid()

    def on_file_read(self, preview: RosterPreview) -> None:
        self.preview = preview
        self._show_preview()

    def on_file_failed(self, error: DomainError) -> None:
        self.preview = None
        self._show_preview()
        if isinstance(error, Cancelled):
            self.file_label.setText(self.tr("No file chosen yet."))
        else:
            self.file_message.set_message(error.message)

    def on_rows_checked(self, report: RosterReport) -> None:
        self._set_report(report)

    def on_step_failed(self, error: DomainError) -> None:
        if isinstance(error, ValidationError) and error.field == "mapping":
            self.mapping_message.set_message(error.message)
        elif isinstance(error, Cancelled):
            self.message.set_message(self.tr("Stopped: nothing was written."))
        else:
            self.message.set_message(error.message)

    def on_imported(self, result: ImportResult) -> None:
        self.import_result = result
        self._set_report(result.report)
        summary = roster.summary(result)
        failed = result.stopped is StopReason.FAILED
        html = style.paragraph_html(summary, colour=style.ERROR_COLOUR if failed else None)
        self.result_label.setText(f"<b>{html}</b>")
        self.result_label.setAccessibleName(summary)
        self.result_label.setVisible(True)
        self._say_close()
        if result.written:
            self._context.data_changed()
            self.imported.emit(result.added)

    # --- inside ------------------------------------------------------------------------

    def enable_controls(self) -> None:
        """What may be pressed: nothing but Stop while a step runs; nothing after the import."""
        idle = self.job is None and self.may_import()
        open_ = idle and self.import_result is None
        self.choose_button.setEnabled(open_)
        self.validate_button.setEnabled(open_ and self.preview is not None)
        self.import_button.setEnabled(open_ and self.report is not None and self.report.valid > 0)
        for combo in self._combos:
            combo.setEnabled(open_)
        self.gender_box.setEnabled(open_)
        self.close_button.setEnabled(self.job is None)

    def _say_close(self) -> None:
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))

    def _show_preview(self) -> None:
        """The mapping grid for the current preview (or a hint when there is none)."""
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._combos = []
        preview = self.preview
        self._set_report(None)
        if preview is None:
            self.mapping_hint.setText(self.tr("Choose a file to see its columns here."))
            return
        self.mapping_hint.setText(
            self.tr(
                "Sheet “%1”, header in row %2, %3 rows of people. Check what each column holds:"
            )
            .replace("%1", preview.sheet)
            .replace("%2", str(preview.header_row))
            .replace("%3", str(len(preview.rows)))
        )
        for column, title in enumerate(
            (self.tr("Column"), self.tr("Title in the file"), self.tr("Imported as"))
        ):
            label = QLabel(f"<b>{title}</b>")
            self.mapping_grid.addWidget(label, 0, column)
        mapped = {column: fld for fld, column in preview.mapping.items()}
        for column in range(preview.columns):
            title = preview.headers[column]
            samples = preview.samples(column, 2)
            name = QLabel(roster.column_letter(column))
            text = QLabel(title or self.tr("(no title)"))
            text.setToolTip(", ".join(samples))
            text.setWordWrap(True)
            text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            combo = QComboBox()
            combo.setObjectName(f"people.import.column.{column}")
            combo.setAccessibleName(
                self.tr("Column %1 (%2) is imported as")
                .replace("%1", roster.column_letter(column))
                .replace("%2", title)
            )
            combo.addItem(self.tr("— not imported —"), "")
            for fld in RosterField:
                combo.addItem(roster.field_label(fld), fld.value)
            found = mapped.get(column)
            combo.setCurrentIndex(combo.findData(found.value) if found else 0)
            combo.currentIndexChanged.connect(self.on_column_changed)
            self.mapping_grid.addWidget(name, column + 1, 0)
            self.mapping_grid.addWidget(text, column + 1, 1)
            self.mapping_grid.addWidget(combo, column + 1, 2)
            self._combos.append(combo)
        self.mapping_grid.setColumnStretch(1, 1)
        self.mapping_grid.setRowStretch(preview.columns + 1, 1)
        self.enable_controls()

    def _set_report(self, report: RosterReport | None) -> None:
        self.report = report
        self.report_model.set_report(report)
        self.issue_detail.clear()
        self.issue_detail.setAccessibleName("")
        if report is not None and self.report_model.rowCount():
            self.report_view.setCurrentIndex(self.report_model.index(0, 0))
        if report is None:
            self.counts_label.setText(
                self.tr("Press “Check the rows”: the report lists every row with a problem.")
            )
            self.import_button.setText(self.tr("Import the valid rows"))
        else:
            self.counts_label.setText(f"<b>{style.paragraph_html(roster.counts_text(report))}</b>")
            if report.valid == 0:
                text = self.tr("No row can be imported")
            elif report.errors == 0:
                text = self.tr("Import all %1 rows").replace("%1", str(report.valid))
            else:
                text = self.tr("Import the %1 valid rows").replace("%1", str(report.valid))
            self.import_button.setText(text)
        self._show_gender_choice(report)
        self.enable_controls()
        self.import_button.setAccessibleName(self.import_button.text())
        self.counts_label.setAccessibleName(self.counts_label.text())
        if report is not None:
            self.counts_label.setAccessibleName(roster.counts_text(report))

    def _show_gender_choice(self, report: RosterReport | None) -> None:
        """The choice while it can be made (after the import, the result says what was done)."""
        conflicts = report.gender_conflicts if report is not None else 0
        self.gender_box.setVisible(conflicts > 0 and self.import_result is None)
        if conflicts:
            hint = self.tr(
                "%1 rows give a gender that contradicts their ID number (see the warnings). "
                "Import them with:"
            ).replace("%1", str(conflicts))
            self.gender_hint.setText(hint)
            self.gender_box.setAccessibleDescription(hint)
