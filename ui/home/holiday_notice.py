"""The line on Home that tells an admin a year's statutory holidays are still to be entered.

chinese-calendar knows only the years the State Council has published. When this year or next is
unknown to it and nobody has entered its holidays (Settings → Closed days), the calendar treats
those holidays as ordinary days; an admin is told here, in one line, until they are entered.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.errors import DomainError
from app.security import Permission
from ui import style
from ui.context import DeskContext

log = logging.getLogger(__name__)


class HolidayNotice(QWidget):
    """Empty (and taking no room) unless an admin has a year's holidays to enter."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home.holidayNotice")
        self._context = context
        self._years: list[int] = []
        self.label = QLabel(self)
        self.label.setObjectName("home.holidayNotice.text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)

    def text(self) -> str:
        """What the line says ("" when nothing is to be entered)."""
        return self.label.accessibleName() if self._years else ""

    def refresh(self) -> None:
        if not self._context.actor.may(Permission.SETTINGS):
            self._show([])
            return
        if not self._context.db_ready:  # start-up is still opening the database
            if self.refresh not in self._context.on_database_ready:
                self._context.on_database_ready.append(self.refresh)
            return
        # Imported here: Home is shown before SQLAlchemy has loaded.
        from app.services.rooms import setup

        try:
            years = self._context.run(
                lambda session, actor: setup.years_to_enter(session, actor), write=False
            )
        except DomainError:
            log.exception("home: the years to enter could not be read")
            years = []
        self._show(years)

    def _show(self, years: list[int]) -> None:
        self._years = years
        text = self.tr(
            "The statutory holidays of %1 have not been entered yet: please enter them in "
            "Settings → Closed days."
        ).replace("%1", self.tr(", ").join(str(year) for year in years))
        self.label.setText(f"<b>{style.paragraph_html(text, colour=style.ERROR_COLOUR)}</b>")
        self.label.setAccessibleName(text if years else "")
        self.label.setVisible(bool(years))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()
