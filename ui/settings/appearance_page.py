"""Language and text size of this desk PC (per-machine settings, kept in the data folder)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from app import paths
from app.i18n import LANGUAGES
from app.settings import TEXT_SIZES, Settings
from ui.context import DeskContext
from ui.errors import StatusLine
from ui.settings.common import heading, hint
from ui.widgets import plain

# Each language is named in itself, so anyone can find their own in the list.
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


class AppearancePage(QWidget):
    """Language (from the next start) and text size (at once, 长辈模式 for 60+ eyes)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.appearance")
        self._context = context

        language_caption = QLabel(self.tr("&Language:"), self)
        self._language = QComboBox(self)
        self._language.setObjectName("settings.language")
        self._language.setAccessibleName(plain(language_caption.text()))
        for code in LANGUAGES:
            self._language.addItem(LANGUAGE_NAMES.get(code, code), code)
        language_caption.setBuddy(self._language)
        language_hint = hint(
            self.tr("A new language is used the next time the program starts."), self
        )

        size_caption = QLabel(self.tr("&Text size:"), self)
        self._text_size = QComboBox(self)
        self._text_size.setObjectName("settings.textSize")
        self._text_size.setAccessibleName(plain(size_caption.text()))
        size_names = {
            "normal": self.tr("Standard"),
            "large": self.tr("Large text for elder eyes (长辈模式)"),
        }
        for size in TEXT_SIZES:
            self._text_size.addItem(size_names.get(size, size), size)
        size_caption.setBuddy(self._text_size)
        size_hint = hint(
            self.tr("The text size changes at once, on every desk of this computer."), self
        )

        self._message = StatusLine("settings.appearance.message", self)

        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.addWidget(language_caption, 0, 0)
        grid.addWidget(self._language, 0, 1)
        grid.addWidget(language_hint, 1, 1, 1, 2)
        grid.addWidget(size_caption, 2, 0)
        grid.addWidget(self._text_size, 2, 1)
        grid.addWidget(size_hint, 3, 1, 1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Language and text size"), self))
        layout.addWidget(hint(self.tr("These settings belong to this computer only."), self))
        layout.addLayout(grid)
        layout.addWidget(self._message)
        layout.addStretch(1)

        self.load()
        self._language.activated.connect(self.on_language_activated)
        self._text_size.activated.connect(self.on_text_size_activated)

    # ---- what tests and the desk use -------------------------------------------------------

    def load(self) -> None:
        settings = self._context.settings
        self._language.setCurrentIndex(max(0, self._language.findData(settings.language)))
        self._text_size.setCurrentIndex(max(0, self._text_size.findData(settings.text_size)))

    def set_language(self, language: str) -> bool:
        """Choose a language as a person would; True when it was saved."""
        self._language.setCurrentIndex(self._language.findData(language))
        return self._save_language()

    def set_text_size(self, size: str) -> bool:
        """Choose a text size as a person would; applied at once, True when it was saved."""
        self._text_size.setCurrentIndex(self._text_size.findData(size))
        return self._save_text_size()

    def last_message(self) -> str:
        return self._message.message()

    # ---- slots ------------------------------------------------------------------------------

    @Slot(int)
    def on_language_activated(self, _index: int) -> None:
        self._save_language()

    @Slot(int)
    def on_text_size_activated(self, _index: int) -> None:
        self._save_text_size()

    # ---- inside -----------------------------------------------------------------------------

    def _save_language(self) -> bool:
        language = str(self._language.currentData())
        if language == self._context.settings.language:
            self._message.clear_message()
            return True
        if not self._save(replace(self._context.settings, language=language)):
            return False
        self._message.show_info(
            self.tr("Saved. The program shows %1 the next time it starts.").replace(
                "%1", LANGUAGE_NAMES.get(language, language)
            )
        )
        return True

    def _save_text_size(self) -> bool:
        size = str(self._text_size.currentData())
        if size == self._context.settings.text_size:
            self._message.clear_message()
            return True
        # Applied first: the person sees the new size even if the settings file can't be written.
        self._context.apply_text_size(size)
        if not self._save(replace(self._context.settings, text_size=size)):
            return False
        self._message.show_info(self.tr("Saved. This computer keeps this text size."))
        return True

    def _save(self, new: Settings) -> bool:
        try:
            self._context.save_settings(new)
        except OSError as error:
            self._message.show_error(
                self.tr(
                    "The setting could not be saved in the data folder %1 (%2). It applies only "
                    "until the program closes; ask the administrator to make the folder writable."
                )
                .replace("%1", str(paths.data_dir()))
                .replace("%2", error.strerror or type(error).__name__)
            )
            return False
        return True
