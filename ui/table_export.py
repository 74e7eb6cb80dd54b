"""Export any list or statistics table a desk shows to an .xlsx workbook.

For a desk, one line: `export_button(parent, ctx, model, title)` gives a button 导出 Excel…
that asks where to save (proposing "<title> 2026-11-28.xlsx" in the Documents folder) and then
writes the file as a background job, saying how it went on the desk's status line (or in a
message box). `add_export_action(view, ctx, title)` puts the same on a table's right-click menu.
Both take:

- `model`: any QAbstractItemModel (a sort proxy too: the rows go out in the order shown).
  The column titles are its horizontal headerData; each cell is the model's `EXPORT_ROLE`
  value (`ui.table_model`: a real date, a number) or else the text shown. A header's
  EXPORT_ROLE may name the column's number format ("0.0%"). A model read lazily may offer
  `export_reader()` → `(RowReader, total)`, which reads all its rows in the export's worker
  (`app.services.tables.RowReader`); otherwise the rows still to be fetched are fetched first.
- `title`: the sheet's title and the file name (a string, or a function giving it when pressed,
  so it can name the day or the filter shown).
- `kind`: `TableKind.STATISTICS` (aggregates; staff and admins) or `TableKind.PEOPLE` (a list
  naming people; the administrator; numbers masked). None: the model's `EXPORT_KIND`
  attribute, else STATISTICS. Who may export is decided in the service
  (`app.services.tables`); the button is only greyed, with a tooltip saying why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QPushButton,
    QTableView,
    QWidget,
)

from app import clock
from app.errors import DomainError
from app.progress import Cancelled, Progress
from app.services import tables
from app.services.tables import Row, Table, TableKind
from ui import jobs
from ui.context import DeskContext
from ui.errors import StatusLine, say_outcome, show_domain_error
from ui.table_model import EXPORT_ROLE

Title = str | Callable[[], str]

__all__ = [
    "EXPORT_ROLE",
    "ExportButton",
    "TableExporter",
    "TableKind",
    "add_export_action",
    "export_button",
    "export_table",
    "snapshot",
]


def _kind(model: QAbstractItemModel, kind: TableKind | None) -> TableKind:
    """The kind asked for, else the model's (through any proxies), else STATISTICS."""
    if kind is not None:
        return kind
    while True:
        declared = getattr(model, "EXPORT_KIND", None)
        if declared is not None:
            return TableKind(declared)
        if not isinstance(model, QAbstractProxyModel) or model.sourceModel() is None:
            return TableKind.STATISTICS
        model = model.sourceModel()


def snapshot(
    model: QAbstractItemModel,
    title: str,
    kind: TableKind,
    *,
    note: str = "",
    view: QAbstractItemView | None = None,
) -> Table:
    """What `model` shows now, as a Table for `app.services.tables` (on the GUI thread: a Qt
    model is read only there). Columns hidden in `view` are left out."""
    columns = [
        column
        for column in range(model.columnCount())
        if not (isinstance(view, QTableView) and view.isColumnHidden(column))
    ]
    horizontal = Qt.Orientation.Horizontal
    headers = [_text(model.headerData(column, horizontal)) for column in columns]
    formats = [_format(model.headerData(column, horizontal, EXPORT_ROLE)) for column in columns]
    reader = getattr(model, "export_reader", None)
    if callable(reader):
        read, total = reader()
        return Table(title, headers, read, kind, formats, note, total)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    rows: list[Row] = []
    for row in range(model.rowCount()):
        rows.append([_value(model, model.index(row, column)) for column in columns])
    return Table(title, headers, rows, kind, formats, note)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _format(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _value(model: QAbstractItemModel, index: QModelIndex) -> object:
    value = model.data(index, EXPORT_ROLE)
    if value is None:
        value = model.data(index, Qt.ItemDataRole.DisplayRole)
    if value is None:
        return ""
    if isinstance(value, (str, int, float, dt.date, dt.time)) or _is_decimal(value):
        return value
    return str(value)


def _is_decimal(value: object) -> bool:
    from decimal import Decimal

    return isinstance(value, Decimal)


class TableExporter(QObject):
    """One export: the save dialog (`dialog`, objectName `<name>.fileDialog`), then the job
    writing the file (`job`). `finished(message, ok)` says how it ended, in words;
    `result` is the service's TableExport when it worked."""

    finished = Signal(str, bool)

    def __init__(
        self,
        parent: QWidget | None,
        context: DeskContext,
        table: Table,
        *,
        name: str = "export",
        status: StatusLine | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}.exporter")
        self._parent = parent
        self._context = context
        self._name = name
        self._status = status
        self.table = table
        self.job: jobs.Job[tables.TableExport] | None = None
        self.dialog: QFileDialog | None = None
        self.message = ""
        self.result: tables.TableExport | None = None

    def open_dialog(self) -> QFileDialog:
        """The save dialog, proposing "<title> <today>.xlsx" in the Documents folder."""
        dialog = QFileDialog(
            self._parent, QCoreApplication.translate("TableExport", "Export to Excel")
        )
        dialog.setObjectName(f"{self._name}.fileDialog")
        dialog.setAccessibleName(dialog.windowTitle())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(QCoreApplication.translate("TableExport", "Excel workbooks (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(str(default_path(self.table.title)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.on_file_selected)
        dialog.rejected.connect(self.on_dialog_rejected)
        self.dialog = dialog
        dialog.open()
        return dialog

    def save_to(self, path: str | Path) -> jobs.Job[tables.TableExport]:
        """Write the table to `path` in a background job (checked, written, recorded, moved
        into place); its outcome is said when it ends."""
        db, actor, table = self._context.db, self._context.actor, self.table

        def work(progress: Progress) -> tables.TableExport:
            return tables.export_table(db, actor, table, path, progress=progress)

        job = jobs.start(work, f"{self._name}.export")
        job.succeeded.connect(self.on_saved)
        job.failed.connect(self.on_failed)
        self.job = job
        if self._status is not None:
            self._status.show_info(
                QCoreApplication.translate("TableExport", "Exporting %1…").replace(
                    "%1", table.title
                )
            )
        return job

    def on_file_selected(self, path: str) -> None:
        self.dialog = None
        if path:
            self.save_to(path)

    def on_dialog_rejected(self) -> None:
        self.dialog = None
        if self.job is None:
            self.deleteLater()

    def on_saved(self, result: tables.TableExport) -> None:
        self.result = result
        self._done(tables.summary(result), ok=True)

    def on_failed(self, error: DomainError) -> None:
        if isinstance(error, Cancelled):
            self._done(
                QCoreApplication.translate("TableExport", "Stopped: no file was written."), ok=False
            )
            return
        self._done(error.message, ok=False)
        if self._status is None:
            show_domain_error(self._parent, error)

    def _done(self, message: str, *, ok: bool) -> None:
        self.message = message
        say_outcome(
            self._parent,
            self._status,
            message,
            ok=ok,
            box_name=f"{self._name}.exported",
            box_title=QCoreApplication.translate("TableExport", "Exported to Excel"),
        )
        self.finished.emit(message, ok)
        self.deleteLater()


def default_path(title: str) -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home()) / tables.file_name(title, clock.today())


def export_table(
    parent: QWidget | None,
    context: DeskContext,
    model: QAbstractItemModel,
    title: Title,
    *,
    kind: TableKind | None = None,
    note: str | Callable[[], str] = "",
    view: QAbstractItemView | None = None,
    name: str = "export",
    status: StatusLine | None = None,
) -> TableExporter | None:
    """Ask where to save what `model` shows, then write it (see the module's note). An account
    that may not export it is told so, and None returned."""
    chosen = _kind(model, kind)
    if not tables.may_export(context.actor, chosen):
        message = refusal(chosen)
        if status is not None:
            status.show_error(message)
        else:
            show_domain_error(parent, DomainError(message))
        return None
    text = title() if callable(title) else title
    line = note() if callable(note) else note
    exporter = TableExporter(
        parent,
        context,
        snapshot(model, text, chosen, note=line, view=view),
        name=name,
        status=status,
    )
    exporter.open_dialog()
    return exporter


def refusal(kind: TableKind) -> str:
    if kind is TableKind.PEOPLE:
        return QCoreApplication.translate(
            "TableExport",
            "Lists with people's names are exported by the administrator, with phone and ID "
            "numbers masked.",
        )
    return QCoreApplication.translate(
        "TableExport", "Statistics are exported by staff and administrators."
    )


class ExportButton(QPushButton):
    """导出 Excel… for one table; `exporter` is the last export it started (tests)."""

    def __init__(
        self,
        parent: QWidget,
        ctx: DeskContext,
        model: QAbstractItemModel,
        title: Title,
        kind: TableKind,
        *,
        note: str | Callable[[], str] = "",
        view: QAbstractItemView | None = None,
        name: str,
        status: StatusLine | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("TableExport", "Export to &Excel…"), parent)
        self.setObjectName(f"{name}.export")
        self.setAccessibleName(QCoreApplication.translate("TableExport", "Export to Excel"))
        self.setAutoDefault(False)
        self._ctx, self._model, self._title, self.kind = ctx, model, title, kind
        self._note, self._view, self._name, self._status = note, view, name, status
        self.exporter: TableExporter | None = None
        self.setToolTip(
            QCoreApplication.translate(
                "TableExport", "Save this list as an Excel workbook (.xlsx)."
            )
        )
        if not tables.may_export(ctx.actor, kind):
            self.setEnabled(False)
            self.setToolTip(refusal(kind))
        self.clicked.connect(self.on_clicked)

    def on_clicked(self) -> None:
        self.exporter = export_table(
            self.parentWidget(),
            self._ctx,
            self._model,
            self._title,
            kind=self.kind,
            note=self._note,
            view=self._view,
            name=self._name,
            status=self._status,
        )


def export_button(
    parent: QWidget,
    ctx: DeskContext,
    model: QAbstractItemModel,
    title: Title,
    *,
    kind: TableKind | None = None,
    note: str | Callable[[], str] = "",
    view: QAbstractItemView | None = None,
    name: str | None = None,
    status: StatusLine | None = None,
) -> ExportButton:
    """A button 导出 Excel… (objectName `<name>.export`, `name` defaulting to the parent's
    objectName) that exports what `model` shows (see `export_table`). Greyed, with a tooltip
    saying who may, for an account that may not."""
    return ExportButton(
        parent,
        ctx,
        model,
        title,
        _kind(model, kind),
        note=note,
        view=view,
        name=name or parent.objectName() or "table",
        status=status,
    )


def add_export_action(
    view: QAbstractItemView,
    ctx: DeskContext,
    title: Title,
    *,
    kind: TableKind | None = None,
    note: str | Callable[[], str] = "",
    name: str | None = None,
    status: StatusLine | None = None,
) -> QAction:
    """Put 导出 Excel… on `view`'s right-click menu (objectName `<name>.exportAction`); it
    exports the view's model as shown, without its hidden columns."""
    prefix = name or view.objectName() or "table"
    action = QAction(QCoreApplication.translate("TableExport", "Export to &Excel…"), view)
    action.setObjectName(f"{prefix}.exportAction")
    model = view.model()
    chosen = _kind(model, kind)
    action.setEnabled(tables.may_export(ctx.actor, chosen))
    action.triggered.connect(
        lambda: export_table(
            view.window(),
            ctx,
            view.model(),
            title,
            kind=chosen,
            note=note,
            view=view,
            name=prefix,
            status=status,
        )
    )
    if view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addAction(action)
    return action
