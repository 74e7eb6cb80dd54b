"""At start, a damaged database file: the offer to restore its newest verified backup, naming
the backup's date and what it holds. No account is asked: the accounts are in the damaged file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.backup import service
from app.backup.copies import Manifest
from ui import style
from ui.settings.common import heading
from ui.style import make_primary
from ui.widgets import button


class RestoreOffer(QDialog):
    """Restore the newest backup, or quit and leave the damaged file as it is."""

    def __init__(self, path: Path, newest: Manifest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreOffer")
        self.setWindowTitle(self.tr("The database is damaged"))
        self.text = (
            self.tr(
                "The database file %1 is damaged and can't be opened. The newest backup was "
                "made on %2 and holds: %3."
            )
            .replace("%1", str(path))
            .replace("%2", service.when_text(newest.made_at))
            .replace("%3", service.counts_text(newest.counts))
        )
        question = self.tr(
            "Restore this backup? What was entered after it is lost. The damaged file is kept "
            "beside it under another name, for an expert to look at."
        )
        body = QLabel(style.paragraph_html(self.text), self)
        body.setObjectName("restoreOffer.text")
        body.setWordWrap(True)
        body.setAccessibleName(self.text)
        ask = QLabel(style.paragraph_html(question), self)
        ask.setWordWrap(True)
        ask.setAccessibleName(question)
        self.restore_button = button(self.tr("&Restore the backup"), "restoreOffer.restore", self)
        make_primary(self.restore_button)
        self.restore_button.setMinimumHeight(style.primary_button_px())
        self.quit_button = button(self.tr("&Quit"), "restoreOffer.quit", self)
        self.quit_button.setMinimumHeight(style.primary_button_px())
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("The database is damaged"), self))
        layout.addWidget(body)
        layout.addWidget(ask)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth() * 70
        self.setMinimumWidth(min(width, 1200))
        self.quit_button.setFocus()  # nothing happens by a stray Enter
