"""Centre profile: name, address, phone, signatories and seal, printed on every sheet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.services import centre
from app.services.centre import CentreProfile
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.settings.common import heading, hint
from ui.style import make_primary
from ui.widgets import button, plain

# Service field name -> the suffix of the widget's objectName (settings.centre.<suffix>).
TEXT_FIELDS: dict[str, str] = {
    "name": "name",
    "address": "address",
    "phone": "phone",
    "person_in_charge": "personInCharge",
    "handler": "handler",
}
_MAX_LENGTHS = {"name": 100, "address": 200, "phone": 20, "person_in_charge": 40, "handler": 40}


class CentrePage(QWidget):
    """Edit the centre's profile; nothing is written until Save, and only when all is valid."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.centre")
        self._context = context
        self._seal: bytes | None = None
        self._seal_pixmap = QPixmap()

        labels = {
            "name": self.tr("Centre &name:"),
            "address": self.tr("&Address:"),
            "phone": self.tr("&Phone:"),
            "person_in_charge": self.tr("Person in &charge (负责人):"),
            "handler": self.tr("&Handler (经办人):"),
        }
        placeholders = {
            "phone": self.tr("e.g. 021-12345678 or a mobile number"),
            "person_in_charge": self.tr("Signs certificates"),
            "handler": self.tr("Named on certificates"),
        }

        self._field_names = {field: plain(text) for field, text in labels.items()}
        self._field_names["seal_image"] = plain(self.tr("Seal image:"))
        self._edits: dict[str, QLineEdit] = {}
        self._fields = FieldMessages()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0
        for field, text in labels.items():
            label = QLabel(text, self)
            edit = QLineEdit(self)
            edit.setObjectName(f"settings.centre.{TEXT_FIELDS[field]}")
            edit.setAccessibleName(plain(text))
            edit.setMaxLength(_MAX_LENGTHS[field])
            edit.setPlaceholderText(placeholders.get(field, ""))
            edit.returnPressed.connect(self.on_save_clicked)
            edit.textEdited.connect(self.on_field_edited)
            label.setBuddy(edit)
            message = FieldMessage(f"settings.centre.{TEXT_FIELDS[field]}.message", self)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(message, row + 1, 1)
            self._edits[field] = edit
            self._fields.add(field, edit, message)
            row += 2
        grid.setRowStretch(row, 1)  # rows keep their height when the seal box is taller

        self._seal_preview = QLabel(self)
        self._seal_preview.setObjectName("settings.centre.sealPreview")
        self._seal_preview.setAccessibleName(self.tr("Seal image preview"))
        self._seal_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._seal_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self._seal_preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._choose_seal = button(
            self.tr("&Choose seal image…"), "settings.centre.chooseSeal", self
        )
        self._choose_seal.clicked.connect(self.on_choose_seal_clicked)
        self._remove_seal = button(self.tr("&Remove seal"), "settings.centre.removeSeal", self)
        self._remove_seal.clicked.connect(self.on_remove_seal_clicked)
        seal_message = FieldMessage("settings.centre.sealImage.message", self)
        self._fields.add("seal_image", self._choose_seal, seal_message)
        # Beside the fields rather than under them: the Save button stays on screen in large text.
        seal_box = QGroupBox(self._field_names["seal_image"], self)
        seal_box.setObjectName("settings.centre.seal")
        self._seal_box = seal_box
        seal_layout = QVBoxLayout(seal_box)
        seal_layout.addWidget(self._seal_preview, 0, Qt.AlignmentFlag.AlignHCenter)
        seal_layout.addWidget(self._choose_seal)
        seal_layout.addWidget(self._remove_seal)
        seal_layout.addWidget(seal_message)
        seal_layout.addWidget(
            hint(self.tr("A PNG or JPEG picture of at most 2 MB, printed on certificates."), self)
        )
        seal_layout.addStretch(1)

        self._save = button(self.tr("&Save profile"), "settings.centre.save", self)
        make_primary(self._save)
        self._save.clicked.connect(self.on_save_clicked)
        self._revert = button(self.tr("&Undo changes"), "settings.centre.revert", self)
        self._revert.clicked.connect(self.on_revert_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self._save)
        actions.addWidget(self._revert)
        actions.addStretch(1)
        self._message = StatusLine("settings.centre.message", self)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Centre profile"), self))
        layout.addWidget(
            hint(self.tr("Printed in the header of every sheet and on every certificate."), self)
        )
        body = QHBoxLayout()
        body.addLayout(grid, 1)
        body.addWidget(seal_box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(body)
        layout.addLayout(actions)
        layout.addWidget(self._message)
        layout.addStretch(1)

        self._fit_seal_preview()
        self.load()

    # ---- what tests and the desk use -------------------------------------------------------

    def load(self) -> None:
        """Show the profile as it is in the database, dropping unsaved edits."""
        try:
            profile = self._context.run(
                lambda session, _actor: centre.get_profile(session), write=False
            )
        except DomainError as error:
            self._message.show_error(error.message)
            return
        if profile is None:
            profile = CentreProfile("", "", "", "", "")
        for field, edit in self._edits.items():
            edit.setText(getattr(profile, field))
        self._set_seal(profile.seal_image)
        self._clear_messages()

    def edit(self, field: str) -> QLineEdit:
        """The line edit of a profile field (service field name, e.g. "person_in_charge")."""
        return self._edits[field]

    def field_message(self, field: str) -> str:
        """The message shown beside a field ("" when none); field names as the service uses."""
        return self._fields.text(field)

    def last_message(self) -> str:
        return self._message.message()

    def seal_image(self) -> bytes | None:
        return self._seal

    def set_seal_file(self, path: str | Path) -> None:
        """Take the seal from a picture file (what the file dialog calls)."""
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as error:
            self._fields.set(
                "seal_image",
                self.tr("The file %1 could not be read (%2).")
                .replace("%1", file.name)
                .replace("%2", error.strerror or type(error).__name__),
            )
            return
        self._set_seal(data)
        seal_message = self._fields.message("seal_image")
        assert seal_message is not None
        seal_message.clear()
        if self._seal_pixmap.isNull():
            seal_message.set_message(
                self.tr("This file can't be shown as a picture; choose a PNG or JPEG file.")
            )

    def save(self) -> bool:
        """Validate and save through the service; True when saved."""
        self._clear_messages()
        profile = CentreProfile(
            name=self._edits["name"].text(),
            address=self._edits["address"].text(),
            phone=self._edits["phone"].text(),
            person_in_charge=self._edits["person_in_charge"].text(),
            handler=self._edits["handler"].text(),
            seal_image=self._seal,
        )
        try:
            clean = self._context.run(
                lambda session, actor: centre.update_profile(session, actor, profile), write=True
            )
        except ValidationError as error:
            self._show_field_error(error.field, error.message)
            return False
        except DomainError as error:
            self._message.show_error(self.tr("Not saved: %1").replace("%1", error.message))
            return False
        for field, edit in self._edits.items():
            edit.setText(getattr(clean, field))
        self._message.show_info(
            self.tr("Saved. Sheets and certificates printed from now on show this profile.")
        )
        self._context.data_changed()
        return True

    # ---- slots ------------------------------------------------------------------------------

    @Slot()
    def on_save_clicked(self) -> None:
        self.save()

    @Slot()
    def on_revert_clicked(self) -> None:
        self.load()
        self._message.show_info(self.tr("Changes undone; the saved profile is shown."))

    @Slot()
    def on_field_edited(self) -> None:
        self._message.clear_message()

    @Slot()
    def on_choose_seal_clicked(self) -> None:
        # open(), not exec(): the dialog doesn't block the event loop (nor a test).
        dialog = QFileDialog(self, self.tr("Choose the seal image"))
        dialog.setObjectName("settings.centre.sealDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Pictures (*.png *.jpg *.jpeg)"))
        dialog.fileSelected.connect(self.set_seal_file)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot()
    def on_remove_seal_clicked(self) -> None:
        self._set_seal(None)
        seal_message = self._fields.message("seal_image")
        assert seal_message is not None
        seal_message.clear()
        self._message.show_info(self.tr("The seal is removed when you save the profile."))

    # ---- inside -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_seal_preview()

    def _fit_seal_preview(self) -> None:
        metrics = self.fontMetrics()
        side = metrics.height() * 5
        self._seal_preview.setFixedSize(side, side)
        self._seal_box.setMaximumWidth(metrics.averageCharWidth() * 40)
        self._show_seal_pixmap()

    def _set_seal(self, data: bytes | None) -> None:
        self._seal = data
        self._seal_pixmap = QPixmap()
        if data:
            self._seal_pixmap.loadFromData(data)
        self._remove_seal.setEnabled(data is not None)
        self._show_seal_pixmap()

    def _show_seal_pixmap(self) -> None:
        if self._seal is None:
            self._seal_preview.setPixmap(QPixmap())
            self._seal_preview.setText(self.tr("No seal"))
        elif self._seal_pixmap.isNull():
            self._seal_preview.setPixmap(QPixmap())
            self._seal_preview.setText(self.tr("Not a picture"))
        else:
            side = self._seal_preview.width() - 8
            self._seal_preview.setPixmap(
                self._seal_pixmap.scaled(
                    side,
                    side,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def _show_field_error(self, field: str, message: str) -> None:
        if not self._fields.set(field, message):
            self._message.show_error(self.tr("Not saved: %1").replace("%1", message))
            return
        self._message.show_error(
            self.tr("Not saved: please correct “%1” (see the message beside it).").replace(
                "%1", self._field_names[field]
            )
        )
        edit = self._edits.get(field)
        if edit is not None:
            edit.selectAll()

    def _clear_messages(self) -> None:
        self._fields.clear()
        self._message.clear_message()
