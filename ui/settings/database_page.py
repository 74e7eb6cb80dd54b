"""Where this desk PC keeps its data: the local file, or a PostgreSQL server shared by several
desks (a per-machine setting; only an admin may change it, and the service refuses others).

测试连接 runs in the background and says in words what failed; 保存 tests first and keeps the
choice only when the database can be used. The desk uses it from its next start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.db import without_password
from app.errors import DomainError, ValidationError
from app.services import database_choice
from app.services.database_choice import ConnectionReport, ServerChoice
from ui import jobs
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.settings.common import heading, hint
from ui.widgets import button, plain


class DatabasePage(QWidget):
    """Local file or PostgreSQL server; test the connection; save for the next start."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.database")
        self._context = context
        self._job: jobs.Job[ConnectionReport] | None = None
        self._save_after_test = False
        self.last_report: ConnectionReport | None = None

        self._local = QRadioButton(self.tr("&This computer's own file (one desk)"), self)
        self._local.setObjectName("settings.database.local")
        self._server = QRadioButton(self.tr("A &PostgreSQL server shared by several desks"), self)
        self._server.setObjectName("settings.database.server")
        group = QButtonGroup(self)
        group.addButton(self._local)
        group.addButton(self._server)
        for radio in (self._local, self._server):
            radio.setAccessibleName(plain(radio.text()))
            radio.toggled.connect(self.on_kind_toggled)

        self._messages = FieldMessages()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self._edits: dict[str, QLineEdit] = {}
        rows = (
            ("host", self.tr("Server &address:"), "192.168.1.20"),
            ("port", self.tr("P&ort:"), "5432"),
            ("database", self.tr("&Database name:"), "youlin"),
            ("user", self.tr("&User name:"), "youlin"),
            ("password", self.tr("Pass&word:"), ""),
            ("url", self.tr("Or the whole address:"), "postgresql://user@host:5432/youlin"),
        )
        for row, (field, caption_text, placeholder) in enumerate(rows):
            caption = QLabel(caption_text, self)
            edit = QLineEdit(self)
            edit.setObjectName(f"settings.database.{field}")
            edit.setAccessibleName(plain(caption_text).rstrip(":："))
            edit.setPlaceholderText(placeholder)
            caption.setBuddy(edit)
            message = FieldMessage(f"settings.database.{field}.message", self)
            self._messages.add(field, edit, message)
            self._edits[field] = edit
            grid.addWidget(caption, 2 * row, 0)
            grid.addWidget(edit, 2 * row, 1)
            grid.addWidget(message, 2 * row + 1, 1)
        self._edits["password"].setEchoMode(QLineEdit.EchoMode.Password)
        defaults = ServerChoice(host="")
        for field in ("port", "database", "user"):
            self._edits[field].setText(getattr(defaults, field))

        self._test = button(self.tr("&Test the connection"), "settings.database.test", self)
        self._test.clicked.connect(self.on_test_clicked)
        self._save = button(self.tr("&Save"), "settings.database.save", self)
        self._save.clicked.connect(self.on_save_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self._test)
        buttons.addWidget(self._save)
        buttons.addStretch(1)

        self._current = hint("", self)
        self._current.setObjectName("settings.database.current")
        self._current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message = StatusLine("settings.database.message", self)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Database"), self))
        layout.addWidget(
            hint(
                self.tr(
                    "Where this computer keeps the centre's data. Several desk computers share "
                    "one PostgreSQL server; a single desk keeps a file of its own. This setting "
                    "belongs to this computer only and is used from the next start."
                ),
                self,
            )
        )
        layout.addWidget(self._current)
        layout.addWidget(self._local)
        layout.addWidget(self._server)
        layout.addLayout(grid)
        layout.addWidget(
            hint(
                self.tr(
                    "The password is kept in this computer's data folder, readable only by "
                    "this Windows user, never in the settings file or the logs."
                ),
                self,
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self._message)
        layout.addStretch(1)
        self.load()

    # ---- what tests and the desk use -------------------------------------------------------

    def load(self) -> None:
        """Show the choice saved for this computer."""
        saved = self._context.settings.database_url
        in_use = ""
        if self._context.db_ready:
            url = self._context.db.url
            file = url.removeprefix("sqlite:///") if url.startswith("sqlite") else ""
            in_use = (
                self.tr("this computer's file %1").replace("%1", file)
                if file
                else without_password(url)
            )
        self._current.setText(
            self.tr("This desk now uses: %1").replace("%1", in_use)
            if in_use
            else self.tr("This desk is opening its database…")
        )
        self._current.setAccessibleName(self._current.text())
        choice = database_choice.choice_of(saved) if saved else None
        if choice is None:
            self._local.setChecked(True)
        else:
            self._server.setChecked(True)
            for field in ("host", "port", "database", "user"):
                self._edits[field].setText(getattr(choice, field))
        self._update_fields()

    def set_field(self, field: str, text: str) -> None:
        self._edits[field].setText(text)

    def choose_server(self, server: bool) -> None:
        (self._server if server else self._local).setChecked(True)

    def field_message(self, field: str) -> str:
        return self._messages.text(field)

    def last_message(self) -> str:
        return self._message.message()

    def testing(self) -> bool:
        return self._job is not None

    # ---- slots ------------------------------------------------------------------------------

    @Slot(bool)
    def on_kind_toggled(self, _checked: bool) -> None:
        self._update_fields()

    @Slot()
    def on_test_clicked(self) -> None:
        self._start_test(save=False)

    @Slot()
    def on_save_clicked(self) -> None:
        if self._local.isChecked():
            self._keep(None)
            return
        self._start_test(save=True)

    @Slot(object)
    def on_test_succeeded(self, report: ConnectionReport) -> None:
        self._job = None
        self.last_report = report
        self._enable(True)
        url = self._url_or_none()
        if not self._save_after_test or url is None:
            if report.usable:
                self._message.show_info(report.message)
            else:
                self._message.show_error(report.message)
            return
        if not report.usable:
            self._message.show_error(self.tr("Not saved: %1").replace("%1", report.message))
            return
        self._keep(url, report.message)

    @Slot(object)
    def on_test_failed(self, error: object) -> None:
        self._job = None
        self._enable(True)
        text = error.message if isinstance(error, DomainError) else str(error)
        self._message.show_error(text)

    # ---- inside -----------------------------------------------------------------------------

    def _update_fields(self) -> None:
        server = self._server.isChecked()
        for edit in self._edits.values():
            edit.setEnabled(server)
        self._test.setEnabled(server and self._job is None)

    def _enable(self, enabled: bool) -> None:
        self._save.setEnabled(enabled)
        self._test.setEnabled(enabled and self._server.isChecked())

    def _url_or_none(self) -> str | None:
        """The typed address; None (with the reason beside its field) when it can't be one."""
        self._messages.clear()
        try:
            typed = self._edits["url"].text().strip()
            if typed:
                return database_choice.checked_url(typed, self._edits["password"].text())
            return database_choice.url_of(
                ServerChoice(
                    host=self._edits["host"].text(),
                    port=self._edits["port"].text(),
                    database=self._edits["database"].text(),
                    user=self._edits["user"].text(),
                    password=self._edits["password"].text(),
                )
            )
        except ValidationError as error:
            self._messages.show(error)
            return None

    def _start_test(self, *, save: bool) -> None:
        url = self._url_or_none()
        if url is None or self._job is not None:
            return
        self._save_after_test = save
        self._enable(False)
        self._message.show_info(self.tr("Connecting to %1 …").replace("%1", without_password(url)))
        job = jobs.start(lambda _progress: database_choice.try_connection(url), "database.test")
        self._job = job
        job.succeeded.connect(self.on_test_succeeded)
        job.failed.connect(self.on_test_failed)

    def _keep(self, url: str | None, tested: str = "") -> None:
        try:
            self._context.run(
                lambda session, actor: database_choice.save_choice(session, actor, url),
                write=False,
            )
        except DomainError as error:
            self._message.show_error(self.tr("Not saved: %1").replace("%1", error.message))
            return
        except OSError as error:
            self._message.show_error(
                self.tr("Not saved: the data folder can't be written (%1).").replace(
                    "%1", error.strerror or type(error).__name__
                )
            )
            return
        from app import settings as settings_module

        self._context.settings = settings_module.load()
        where = self.tr("this computer's own file") if url is None else without_password(url)
        done = self.tr(
            "Saved. The desk uses %1 the next time the program starts: close it and start it again."
        ).replace("%1", where)
        self._message.show_info(f"{tested} {done}".strip())
