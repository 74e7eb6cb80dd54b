"""First run on an empty database: the centre's profile and the first administrator, on one form."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.db import Database
from app.errors import DomainError, ValidationError
from app.security import Actor
from app.services import centre
from ui import style
from ui.errors import FieldMessage, FieldMessages, show_domain_error

log = logging.getLogger(__name__)


class SetupWizard(QDialog):
    """Everything is written in one transaction by `centre.set_up`, or nothing is."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup")
        self._db = db
        self._actor: Actor | None = None
        self.messages = FieldMessages()
        self.setWindowTitle(self.tr("Youlin Desk — first start"))

        heading = QLabel(self.tr("Welcome to Youlin Desk"), self)
        heading.setObjectName("setup.heading")
        heading.setFont(style.scaled_font(heading, 1.5, bold=True))
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(
            style.paragraph_html(
                self.tr(
                    "This database is new. Tell the program the centre's name and create the "
                    "first administrator account; everything else can be set later in Settings."
                )
            )
        )

        self.name = self._field("name", "setup.name", self.tr("Centre name"), 100)
        self.address = self._field("address", "setup.address", self.tr("Address"), 200)
        self.phone = self._field("phone", "setup.phone", self.tr("Phone"), 40)
        self.admin_username = self._field(
            "username", "setup.adminUsername", self.tr("Administrator's user name"), 32
        )
        self.admin_name = self._field(
            "display_name", "setup.adminName", self.tr("Administrator's name shown"), 40
        )
        self.password = self._field("password", "setup.password", self.tr("Password"), 128)
        self.password2 = self._field("password2", "setup.password2", self.tr("Password again"), 128)
        for field in (self.password, self.password2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.name.setPlaceholderText(self.tr("e.g. East Community Neighbourhood Centre"))
        self.phone.setPlaceholderText(self.tr("e.g. 021-12345678"))
        self.admin_username.setPlaceholderText(self.tr("letters or digits, e.g. admin"))
        self.password.setPlaceholderText(self.tr("at least 8 characters"))

        centre_box = QGroupBox(self.tr("The centre"), self)
        centre_form = self._form(centre_box)
        self._add_row(centre_form, self.tr("Centre &name:"), "name")
        self._add_row(centre_form, self.tr("&Address:"), "address")
        self._add_row(centre_form, self.tr("P&hone:"), "phone")
        admin_box = QGroupBox(self.tr("The first administrator"), self)
        admin_form = self._form(admin_box)
        self._add_row(admin_form, self.tr("&User name:"), "username")
        self._add_row(admin_form, self.tr("Name &shown:"), "display_name")
        self._add_row(admin_form, self.tr("&Password:"), "password")
        self._add_row(admin_form, self.tr("Password a&gain:"), "password2")

        self.submit = QPushButton(self.tr("Finish setting up"), self)
        self.submit.setObjectName("setup.submit")
        self.submit.setAccessibleName(self.tr("Finish setting up"))
        self.submit.setDefault(True)
        style.make_primary(self.submit)
        self.submit.clicked.connect(self.on_submit_clicked)
        cancel = QPushButton(self.tr("Quit"), self)
        cancel.setObjectName("setup.quit")
        cancel.setAccessibleName(self.tr("Quit without setting up"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.submit)

        columns = QHBoxLayout()
        columns.addWidget(centre_box, 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(admin_box, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        self.setMinimumWidth(style.dialog_width(self, 36))
        self.name.setFocus()

    def _field(self, key: str, object_name: str, accessible: str, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(max_length)
        edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 14)
        self.messages.add(key, edit, FieldMessage(f"{object_name}Message", self))
        return edit

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _add_row(self, form: QFormLayout, label: str, key: str) -> None:
        widget = self.messages.widget(key)
        message = self.messages.message(key)
        assert widget is not None and message is not None
        form.addRow(label, widget)
        form.addRow("", message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would quit the program from here; leaving takes the Quit button.
        if event.matches(QKeySequence.StandardKey.Cancel):
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def actor(self) -> Actor | None:
        """The first administrator, once the centre is set up."""
        return self._actor

    def message(self, field: str) -> str:
        """The message shown beside a field ('' when none): name, address, phone, username,
        display_name, password, password2."""
        return self.messages.text(field)

    def on_submit_clicked(self) -> None:
        self.submit_form()

    def submit_form(self) -> bool:
        done = self._submit()
        if not done:
            style.grow_to_fit(self)
        return done

    def _submit(self) -> bool:
        self.messages.clear()
        if self.password.text() != self.password2.text():
            self.password2.clear()
            self.messages.set(
                "password2",
                self.tr("The two passwords are not the same. Please type the password again."),
            )
            return False
        profile = centre.CentreProfile(
            name=self.name.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            person_in_charge="",
            handler="",
        )
        try:
            with self._db.write() as session:
                actor = centre.set_up(
                    session,
                    profile,
                    self.admin_username.text(),
                    self.admin_name.text(),
                    self.password.text(),
                )
        except ValidationError as error:
            if not self.messages.show(error):
                show_domain_error(self, error)
            return False
        except DomainError as error:
            show_domain_error(self, error)
            return False
        except SQLAlchemyError:
            log.exception("setup could not be written")
            show_domain_error(
                self,
                DomainError(
                    self.tr(
                        "The database could not be written, so nothing was saved. "
                        "Please try again; if it keeps happening, choose another database."
                    )
                ),
            )
            return False
        self._actor = actor
        self.accept()
        return True
