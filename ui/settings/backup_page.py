"""Backups (admin): where this computer keeps them, back up now, the list, and restore one.

Backing up and restoring run as background jobs; the service checks the admin's permission
(a desk volunteer who opens this page is refused there, and the page says so). After a restore
the program goes back to the login, so every desk opens the restored database afresh.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.backup import copies, service
from app.backup.copies import Manifest
from app.errors import DomainError
from app.progress import Progress
from ui import jobs, style
from ui.context import DeskContext
from ui.errors import StatusLine
from ui.labels import QT_TRANSLATE_NOOP
from ui.settings.common import RoomyRowsDelegate, fit_columns, heading, hint
from ui.style import make_primary
from ui.table_model import Index, LinesModel
from ui.widgets import button, plain


class BackupsModel(LinesModel[Manifest]):
    CONTEXT: ClassVar[str] = "BackupsModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("BackupsModel", "Made at"),
        QT_TRANSLATE_NOOP("BackupsModel", "Kind"),
        QT_TRANSLATE_NOOP("BackupsModel", "Residents"),
        QT_TRANSLATE_NOOP("BackupsModel", "Visit records"),
        QT_TRANSLATE_NOOP("BackupsModel", "Size"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                service.when_text(line.made_at),
                service.kind_text(line.kind),
                f"{line.counts.get('person', 0):,}",
                f"{line.counts.get('visit', 0):,}",
                f"{line.size / 1_000_000:.1f} MB",
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.path}\n{service.counts_text(line.counts)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupPage(QWidget):
    """The backups folder of this computer, 立即备份, the list of backups and 恢复…."""

    restored = Signal()  # the database was replaced: the program goes back to the login

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.backup")
        self._context = context
        self._job: jobs.Job[Any] | None = None
        self._box: ConfirmRestore | None = None
        self.pending: Manifest | None = None  # the backup whose restore is being confirmed

        folder_caption = QLabel(self.tr("Backup &folder:"), self)
        self.folder = QLineEdit(self)
        self.folder.setObjectName("settings.backup.folder")
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(plain(folder_caption.text()))
        folder_caption.setBuddy(self.folder)
        self.choose_button = button(self.tr("&Choose…"), "settings.backup.chooseFolder", self)
        self.default_button = button(
            self.tr("Use the &data folder"), "settings.backup.defaultFolder", self
        )
        self.choose_button.clicked.connect(self.on_choose_clicked)
        self.default_button.clicked.connect(self.on_default_clicked)

        self.now_button = button(self.tr("Back up &now"), "settings.backup.now", self)
        make_primary(self.now_button)
        self.now_button.clicked.connect(self.on_now_clicked)
        self.restore_button = button(self.tr("&Restore…"), "settings.backup.restore", self)
        self.restore_button.clicked.connect(self.on_restore_clicked)

        self.model = BackupsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("settings.backup.list")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setItemDelegate(RoomyRowsDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(self.fontMetrics().height() * 12)
        self.table.doubleClicked.connect(self.on_row_double_clicked)

        self.progress = jobs.JobProgress("settings.backup", self)
        self.message = StatusLine("settings.backup.message", self)
        self.daily = QLabel(self)
        self.daily.setObjectName("settings.backup.daily")
        self.daily.setWordWrap(True)

        folder_row = QGridLayout()
        folder_row.addWidget(folder_caption, 0, 0)
        folder_row.addWidget(self.folder, 0, 1)
        folder_row.addWidget(self.choose_button, 0, 2)
        folder_row.addWidget(self.default_button, 0, 3)
        folder_row.setColumnStretch(1, 1)
        folder_row.addWidget(
            hint(
                self.tr(
                    "A folder on another drive or a USB stick keeps the backups safe if this "
                    "computer breaks. This setting belongs to this computer."
                ),
                self,
            ),
            1,
            1,
            1,
            3,
        )
        actions = QHBoxLayout()
        actions.addWidget(self.now_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Backups"), self))
        layout.addWidget(
            hint(
                self.tr(
                    "A backup is made by itself once a day when the program first starts, and "
                    "before every upgrade and restore. Each is checked before it counts; the "
                    "last 14 days and one a month for 12 months are kept."
                ),
                self,
            )
        )
        layout.addLayout(folder_row)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.daily)
        layout.addWidget(self.table, 1)
        self._show_folder()

    # ---- what tests and the desk use -------------------------------------------------------

    def folder_path(self) -> Path:
        chosen = self._context.settings.backup_folder
        return Path(chosen) if chosen else paths.backups_dir()

    def refresh(self) -> None:
        """Read the list of backups again (the service refuses a non-admin)."""
        outcome = service.last_daily_outcome()
        self.daily.setText(outcome[1] if outcome else "")
        self.daily.setVisible(bool(outcome))
        try:
            backups = service.list_backups(
                self._context.db, self._context.actor, self.folder_path()
            )
        except DomainError as error:
            self.model.set_lines([])
            self.message.show_error(error.message)
            self._enable()
            return
        self.model.set_lines(backups)
        fit_columns(self.table, stretch=0)
        if backups:
            self.table.selectRow(0)
        self._enable()

    def set_folder(self, folder: Path | None) -> bool:
        """Keep backups in `folder` (None: the data folder's), after checking it can be written."""
        if folder is not None:
            problem = _unwritable(folder)
            if problem:
                self.message.show_error(
                    self.tr("The folder %1 can't be used: %2")
                    .replace("%1", str(folder))
                    .replace("%2", problem)
                )
                return False
        new = replace(self._context.settings, backup_folder=str(folder) if folder else "")
        try:
            self._context.save_settings(new)
        except OSError as error:
            self.message.show_error(
                self.tr("Not saved: %1").replace("%1", error.strerror or str(error))
            )
            return False
        self._show_folder()
        self.message.show_info(
            self.tr("Saved. Backups of this computer go to %1.").replace(
                "%1", str(self.folder_path())
            )
        )
        self.refresh()
        return True

    def back_up_now(self) -> jobs.Job[Manifest]:
        """Start a backup in the background; its outcome is said on the message line."""
        db, actor, folder = self._context.db, self._context.actor, self.folder_path()

        def work(_progress: Progress) -> Manifest:
            return service.back_up(db, actor, "manual", folder=folder)

        job = jobs.start(work, "settings.backup")
        self._follow(job, self.tr("Backing up"))
        job.succeeded.connect(self.on_backup_succeeded)
        return job

    def selected(self) -> Manifest | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line(rows[0].row()) if rows else None

    def ask_restore(self) -> ConfirmRestore | None:
        """Ask to restore the selected backup, naming its date and counts (doesn't block)."""
        chosen = self.selected()
        if chosen is None:
            self.message.show_error(self.tr("Choose a backup in the list first."))
            return None
        self.pending = chosen
        box = ConfirmRestore(service.confirmation(chosen), self)
        box.accepted.connect(self.on_restore_confirmed)
        box.finished.connect(self.on_box_finished)
        self._box = box
        box.open()
        return box

    def confirmation_text(self) -> str:
        return self._box.text if self._box is not None else ""

    def restore_pending(self) -> jobs.Job[service.Restored] | None:
        """Restore the confirmed backup in the background (the confirmation's Restore)."""
        chosen = self.pending
        if chosen is None:
            return None
        db, actor, folder = self._context.db, self._context.actor, self.folder_path()

        def work(_progress: Progress) -> service.Restored:
            return service.restore_backup(db, actor, chosen.path, folder)

        job = jobs.start(work, "settings.backup.restoring")
        self._follow(job, self.tr("Restoring"))
        job.succeeded.connect(self.on_restore_succeeded)
        return job

    def busy(self) -> bool:
        return self._job is not None

    # ---- slots ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._context.db_ready:
            self.refresh()

    @Slot()
    def on_choose_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup folder"), str(self.folder_path())
        )
        if chosen:
            self.set_folder(Path(chosen))

    @Slot()
    def on_default_clicked(self) -> None:
        self.set_folder(None)

    @Slot()
    def on_now_clicked(self) -> None:
        self.back_up_now()

    @Slot()
    def on_restore_clicked(self) -> None:
        self.ask_restore()

    @Slot(QModelIndex)
    def on_row_double_clicked(self, _index: QModelIndex) -> None:
        self.ask_restore()

    @Slot()
    def on_restore_confirmed(self) -> None:
        self.restore_pending()

    @Slot(int)
    def on_box_finished(self, _result: int) -> None:
        self._box = None

    def on_backup_succeeded(self, made: Manifest) -> None:
        self.refresh()
        self.message.show_info(service.summary(made))

    def on_restore_succeeded(self, done: service.Restored) -> None:
        self.message.show_info(
            self.tr("Restored the backup of %1. Please log in again.").replace(
                "%1", service.when_text(done.backup.made_at)
            )
        )
        self.restored.emit()
        action = getattr(self.window(), "switch_user_action", None)
        if action is not None:
            action.trigger()

    def on_job_failed(self, error: DomainError) -> None:
        self.message.show_error(error.message)

    def on_job_finished(self) -> None:
        self._job = None
        self._enable()

    # ---- inside -----------------------------------------------------------------------------

    def _follow(self, job: jobs.Job[Any], phrase: str) -> None:
        self._job = job
        self.message.clear_message()
        self.progress.follow(job, phrase)
        self.progress.cancel_button.setVisible(False)  # a backup is one step: it can't stop
        job.failed.connect(self.on_job_failed)
        job.finished.connect(self.on_job_finished)
        self._enable()

    def _enable(self) -> None:
        idle = self._job is None
        for widget in (self.now_button, self.choose_button, self.default_button):
            widget.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.model.rowCount() > 0)

    def _show_folder(self) -> None:
        self.folder.setText(str(self.folder_path()))
        self.folder.setToolTip(str(self.folder_path()))


class ConfirmRestore(QDialog):
    """The question before a restore, naming the backup's date and counts; Cancel is the
    default, so a stray Enter restores nothing."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.backup.confirm")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.text = text
        body = QLabel(style.paragraph_html(text), self)
        body.setObjectName("settings.backup.confirm.text")
        body.setWordWrap(True)
        body.setAccessibleName(text)
        self.restore_button = button(self.tr("&Restore"), "settings.backup.confirm.restore", self)
        self.cancel_button = button(self.tr("&Cancel"), "settings.backup.confirm.cancel", self)
        for widget in (self.restore_button, self.cancel_button):
            widget.setMinimumHeight(style.button_px())
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Restore a backup"), self))
        layout.addWidget(body)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()


def _unwritable(folder: Path) -> str:
    """Why a backup can't be written into `folder`, in words; "" when it can."""
    probe = folder / f".youlin-write-test-{uuid.uuid4().hex[:8]}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with probe.open("wb") as handle:
            handle.write(b"x")
            handle.flush()
            os.fsync(handle.fileno())
        probe.unlink()
    except OSError as error:
        return copies.reason_text(error)
    return ""
