"""The idle lock (闲置锁定): after how many minutes without use every desk of the centre locks
itself. The admin's setting for the whole centre, kept in the database; the service refuses
anyone else (`app.services.centre.set_idle_lock_minutes`)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.errors import DomainError
from app.security import Permission
from app.services import centre
from ui.context import DeskContext
from ui.errors import StatusLine
from ui.settings.common import heading, hint
from ui.style import make_primary
from ui.widgets import button, plain


class LockPage(QWidget):
    """Minutes without a key press or click before the desks lock (1–240)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.lock")
        self._context = context

        caption = QLabel(self.tr("Lock every desk after &minutes without use:"), self)
        caption.setWordWrap(True)
        self._minutes = QSpinBox(self)
        self._minutes.setObjectName("settings.lock.minutes")
        self._minutes.setAccessibleName(plain(caption.text()))
        low, high = centre.IDLE_LOCK_RANGE
        self._minutes.setRange(low, high)
        self._minutes.setSuffix(self.tr(" min"))
        caption.setBuddy(self._minutes)
        self._save = button(self.tr("&Save"), "settings.lock.save", self)
        make_primary(self._save)
        self._save.clicked.connect(self.on_save_clicked)
        self._message = StatusLine("settings.lock.message", self)

        may = context.actor.may(Permission.SETTINGS)
        self._minutes.setEnabled(may)
        self._save.setEnabled(may)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.addWidget(caption, 0, 0, 1, 2)
        row = QHBoxLayout()
        row.addWidget(self._minutes)
        row.addWidget(self._save)
        row.addStretch(1)
        grid.addLayout(row, 1, 0, 1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Idle lock"), self))
        layout.addWidget(
            hint(
                self.tr(
                    "A desk nobody has touched for this long hides what it shows behind the "
                    "lock screen, until the same account's password is typed again; what was "
                    "typed stays. This applies to every desk of the centre and is shown to "
                    "everyone on the lock screen. Five wrong passwords in a row lock an "
                    "account for 15 minutes; unlock it early under Accounts and roles."
                ),
                self,
            )
        )
        layout.addLayout(grid)
        layout.addWidget(self._message)
        layout.addStretch(1)
        self.reload()

    # ---- what tests and the desk use -------------------------------------------------------

    def reload(self) -> None:
        try:
            minutes = self._context.run(
                lambda session, _actor: centre.idle_lock_minutes(session), write=False
            )
        except DomainError as error:
            self._message.show_error(error.message)
            return
        self._minutes.setValue(minutes)

    def minutes(self) -> int:
        return self._minutes.value()

    def set_minutes(self, minutes: int) -> bool:
        """Type a number of minutes and save, as a person would; True when it was saved."""
        self._minutes.setValue(minutes)
        return self._apply()

    def last_message(self) -> str:
        return self._message.message()

    # ---- slots ------------------------------------------------------------------------------

    @Slot()
    def on_save_clicked(self) -> None:
        self._apply()

    def _apply(self) -> bool:
        value = self._minutes.value()
        try:
            saved = self._context.run(
                lambda session, actor: centre.set_idle_lock_minutes(session, actor, value),
                write=True,
            )
        except DomainError as error:
            self._message.show_error(self.tr("Not saved: %1").replace("%1", error.message))
            return False
        self._message.show_info(
            self.tr("Saved. Every desk now locks itself after %1 minutes without use.").replace(
                "%1", str(saved)
            )
        )
        self._context.data_changed()
        return True
