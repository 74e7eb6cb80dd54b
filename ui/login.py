"""Logging in (LoginDialog) and unlocking a locked desk (LockPanel)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import settings as settings_module
from app.errors import DomainError, ValidationError
from app.roles import Role
from app.security import Actor
from app.settings import Settings
from app.start import DEMO_ACCOUNTS, DEMO_PASSWORD
from ui import labels, style
from ui.errors import FieldMessage, FieldMessages

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)


def check_credentials(
    db: Database | Callable[[], Database], username: str, password: str
) -> Actor | DomainError:
    """The acting account, or the error to show. A refusal is counted and audited in its own
    transaction, since the refused login's own transaction rolls back. `db` may be a function
    that waits for start-up to open the database (the dialog can be up before it is)."""
    if callable(db):
        try:
            db = db()
        except DomainError as problem:  # start-up could not open it; the shell says so too
            return problem
    # Imported here, once the database is open: start-up loads SQLAlchemy in a worker thread
    # after the first window is up (ui.application.DatabaseStart).
    from sqlalchemy.exc import SQLAlchemyError

    from app.services import accounts

    try:
        with db.write() as session:
            return accounts.login(session, username, password)
    except ValidationError as error:
        refusal = error
    except SQLAlchemyError:
        log.exception("login: database error")
        return DomainError(_database_message())
    try:
        with db.write() as session:
            # The fifth wrong password in a row locks the account: say so at once.
            return accounts.record_failed_login(session, username) or refusal
    except SQLAlchemyError:
        log.exception("login: the refusal could not be audited")
    return refusal


def _database_message() -> str:
    return QCoreApplication.translate(
        "LoginDialog",
        "The database can't be reached just now. Please wait a moment and try again; "
        "if it keeps happening, call the administrator.",
    )


class LoginDialog(QDialog):
    """User name and password; in demo mode also the three demo accounts, one click to fill in."""

    def __init__(
        self,
        db: Database | Callable[[], Database],
        settings: Settings,
        *,
        demo: bool = False,
        centre_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login")
        self._db = db
        self._settings = settings
        self._actor: Actor | None = None
        self.setWindowTitle(self.tr("Youlin Desk — log in"))

        heading = QLabel(self.tr("Youlin Desk"), self)
        heading.setObjectName("login.heading")
        heading.setFont(style.scaled_font(heading, 1.6, bold=True))
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._heading = heading
        centre = QLabel(centre_name, self)
        centre.setObjectName("login.centre")
        centre.setAlignment(Qt.AlignmentFlag.AlignCenter)
        centre.setVisible(bool(centre_name))

        self.username = QLineEdit(self)
        self.username.setObjectName("login.username")
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setMaxLength(40)
        self.password = QLineEdit(self)
        self.password.setObjectName("login.password")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self._username_message = FieldMessage("login.usernameMessage", self)
        self._password_message = FieldMessage("login.passwordMessage", self)
        self.messages = FieldMessages()
        self.messages.add("username", self.username, self._username_message)
        self.messages.add("password", self.password, self._password_message)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow("", self._username_message)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self._password_message)

        self.submit = QPushButton(self.tr("Log in"), self)
        self.submit.setObjectName("login.submit")
        self.submit.setAccessibleName(self.tr("Log in"))
        self.submit.setDefault(True)
        style.make_primary(self.submit)
        self.submit.clicked.connect(self.on_submit_clicked)
        quit_button = QPushButton(self.tr("Quit"), self)
        quit_button.setObjectName("login.quit")
        quit_button.setAccessibleName(self.tr("Quit the program"))
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        buttons.addWidget(self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(centre)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(form)
        layout.addLayout(buttons)
        if demo:
            layout.addWidget(self._demo_panel())

        # Wide enough for a message beside a field on one or two lines.
        self.setMinimumWidth(style.dialog_width(self, 24))
        self.username.setText(settings.last_username)
        (self.password if settings.last_username else self.username).setFocus()

    def _demo_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("login.demo")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(panel)
        text.setWordWrap(True)
        text.setText(
            style.paragraph_html(
                self.tr(
                    "Demo centre: choose an account to fill in its name and password "
                    "(every demo password is %1)."
                ).replace("%1", DEMO_PASSWORD)
            )
        )
        row = QHBoxLayout()
        for username, role in DEMO_ACCOUNTS:
            name = labels.role_name(Role(role))
            button = QPushButton(f"{name}\n{username}", panel)
            button.setObjectName(f"login.demo.{username}")
            button.setAccessibleName(self.tr("Demo account: %1").replace("%1", name))
            button.setAutoDefault(False)
            button.setMinimumHeight(round(button.fontMetrics().height() * 2.8))  # two lines
            button.clicked.connect(lambda _checked=False, u=username: self.fill_demo(u))
            row.addWidget(button)
        layout = QVBoxLayout(panel)
        layout.addWidget(text)
        layout.addLayout(row)
        return panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would quit the program from here; leaving takes the Quit button.
        if event.matches(QKeySequence.StandardKey.Cancel):
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def actor(self) -> Actor | None:
        """The account that logged in; None until a login succeeded."""
        return self._actor

    @property
    def settings(self) -> Settings:
        """The machine's settings, with the last user name remembered after a login."""
        return self._settings

    def fill_demo(self, username: str) -> None:
        self.messages.clear()
        self.username.setText(username)
        self.password.setText(DEMO_PASSWORD)
        self.submit.setFocus()

    def try_login(self, username: str, password: str) -> bool:
        """Fill in the fields and log in, as a person pressing 登录 would."""
        self.username.setText(username)
        self.password.setText(password)
        return self._log_in()

    def on_submit_clicked(self) -> None:
        self._log_in()

    def _log_in(self) -> bool:
        done = self._attempt()
        if not done:
            style.grow_to_fit(self)
        return done

    def _attempt(self) -> bool:
        self.messages.clear()
        username = self.username.text().strip()
        if not username:
            self.messages.set("username", self.tr("Please type your user name."))
            return False
        if not self.password.text():
            self.messages.set("password", self.tr("Please type your password."))
            return False
        result = check_credentials(self._db, username, self.password.text())
        if isinstance(result, DomainError):
            self.password.clear()
            field = result.field if isinstance(result, ValidationError) else "password"
            if not self.messages.set(field, result.message):
                self.messages.set("password", result.message)
            return False
        self._actor = result
        self._remember(result.username)
        self.accept()
        return True

    def _remember(self, username: str) -> None:
        if self._settings.last_username == username:
            return
        self._settings = replace(self._settings, last_username=username)
        try:
            settings_module.save(self._settings)
        except OSError:
            log.warning("could not remember the last user name", exc_info=True)


class LockPanel(QWidget):
    """Covers a locked desk until the same account's password is typed again."""

    unlocked = Signal()
    switch_user_requested = Signal()

    def __init__(
        self, db: Database | Callable[[], Database], actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lock")
        self._db = db
        self._actor = actor

        heading = QLabel(self.tr("The desk is locked"), self)
        heading.setObjectName("lock.heading")
        heading.setFont(style.scaled_font(heading, 1.6, bold=True))
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who = QLabel(
            self.tr("%1, type your password to go on working.").replace("%1", actor.display_name),
            self,
        )
        who.setObjectName("lock.who")
        who.setWordWrap(True)
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The admin's idle period, said to everyone (read-only here; set in Settings).
        self._idle = QLabel(self)
        self._idle.setObjectName("lock.idle")
        self._idle.setWordWrap(True)
        self._idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._idle.setVisible(False)
        self.password = QLineEdit(self)
        self.password.setObjectName("lock.password")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.on_submit_clicked)
        self._message = FieldMessage("lock.passwordMessage", self)
        self.messages = FieldMessages()
        self.messages.add("password", self.password, self._message)
        self.submit = QPushButton(self.tr("Unlock"), self)
        self.submit.setObjectName("lock.submit")
        self.submit.setAccessibleName(self.tr("Unlock"))
        style.make_primary(self.submit)
        self.submit.clicked.connect(self.on_submit_clicked)
        switch = QPushButton(self.tr("Log in as someone else"), self)
        switch.setObjectName("lock.switchUser")
        switch.setAccessibleName(self.tr("Log in as someone else"))
        switch.clicked.connect(self.switch_user_requested)

        box = QWidget(self)
        box.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        inner = QVBoxLayout(box)
        inner.addWidget(heading)
        inner.addWidget(who)
        inner.addWidget(self._idle)
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self._message)
        inner.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(switch)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle.setText(
            self.tr(
                "The desk locks itself after %1 minutes without use; the administrator sets "
                "this in Settings."
            ).replace("%1", str(minutes))
        )
        self._idle.setVisible(True)

    def idle_text(self) -> str:
        return "" if self._idle.isHidden() else self._idle.text()

    def message_text(self) -> str:
        """The message beside the password (wrong, or locked until when)."""
        return self._message.text()

    def reset(self) -> None:
        self.password.clear()
        self.messages.clear()
        self.password.setFocus()

    def try_unlock(self, password: str) -> bool:
        self.password.setText(password)
        return self._unlock()

    def on_submit_clicked(self) -> None:
        self._unlock()

    def _unlock(self) -> bool:
        self.messages.clear()
        if not self.password.text():
            self.messages.set("password", self.tr("Please type your password."))
            return False
        result = check_credentials(self._db, self._actor.username, self.password.text())
        self.password.clear()
        if isinstance(result, DomainError):
            self.messages.set("password", result.message)
            return False
        self.unlocked.emit()
        return True
