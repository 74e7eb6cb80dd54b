"""报名: signing a resident up for the chosen session, inside the desk (no dialog).

The resident is found with Reception's search (ui.rooms.person_pick); a 亲子 activity asks for
the adult who comes with the child too. Enter takes the highlighted resident, Enter again signs
them up. A person outside the activity's audience is said beside the field; staff may sign them
up anyway, giving a reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.i18n import translate
from app.security import Permission
from app.services.menu import signups
from app.services.menu.reads import SessionDetail
from app.services.menu.signups import SignupResult
from ui import labels, style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.rooms.person_pick import PersonPicker
from ui.widgets import button


def is_audience_problem(error: ValidationError) -> bool:
    """The service's refusal of a person outside the activity's audience (which staff may
    override), told apart from the other refusals by the hint it ends with."""
    hint = translate("Menu", "Staff may sign them up anyway, giving a reason.")
    return error.field in ("person", "companion") and error.message.endswith(hint)


def result_text(result: SignupResult, companion: str = "") -> str:
    """已为 王建国 报名 / 本场已满，李秀兰 已列入候补第 1 位."""
    if result.position is not None:
        return (
            QCoreApplication.translate(
                "SignupPanel", "The session is full: %1 is on the waitlist, number %2."
            )
            .replace("%1", result.name)
            .replace("%2", str(result.position))
        )
    if companion:
        return (
            QCoreApplication.translate("SignupPanel", "%1 is signed up (with %2).")
            .replace("%1", result.name)
            .replace("%2", companion)
        )
    return QCoreApplication.translate("SignupPanel", "%1 is signed up.").replace("%1", result.name)


class SignupPanel(QWidget):
    """The chosen session, the resident (and a companion) to sign up, and the result."""

    signed_up = Signal(str)  # what happened, in words
    back_requested = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.signup")
        self._context = context
        self._detail: SessionDetail | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("menu.signup.heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        # Three results at a time: the form fits under the sessions list in the large text size.
        self.person_caption = QLabel(self.tr("Resident to sign up:"), self)
        self.person = PersonPicker(context, "menu.signup.person", self, rows=3)
        self.person.search_box.setAccessibleName(self.tr("Resident to sign up"))
        self.person.chosen.connect(self.on_person_chosen)
        self.person_message = FieldMessage("menu.signup.personMessage", self)
        self.companion_caption = QLabel(self.tr("Adult who comes with the child:"), self)
        self.companion = PersonPicker(context, "menu.signup.companion", self, rows=3)
        self.companion.search_box.setAccessibleName(self.tr("Adult who comes with the child"))
        self.companion.chosen.connect(self.on_companion_chosen)
        self.companion_message = FieldMessage("menu.signup.companionMessage", self)
        self.messages = FieldMessages()
        self.messages.add("person", self.person.search_box, self.person_message)
        self.messages.add("companion", self.companion.search_box, self.companion_message)

        # Staff only, after an audience refusal: a reason, and sign them up anyway.
        self.override_box = QWidget(self)
        self.override_box.setObjectName("menu.signup.override")
        self.override_reason = QLineEdit(self.override_box)
        self.override_reason.setObjectName("menu.signup.overrideReason")
        self.override_reason.setAccessibleName(self.tr("Why they may come all the same"))
        self.override_reason.setPlaceholderText(self.tr("Why they may come all the same"))
        self.override_reason.returnPressed.connect(self.on_override_clicked)
        self.override_button = button(
            self.tr("Sign up anyway"), "menu.signup.overrideConfirm", self.override_box
        )
        self.override_button.clicked.connect(self.on_override_clicked)
        override_row = QHBoxLayout(self.override_box)
        override_row.setContentsMargins(0, 0, 0, 0)
        override_row.addWidget(self.override_reason, 1)
        override_row.addWidget(self.override_button)
        self.override_box.setVisible(False)

        self.confirm_button = button(self.tr("Sign up (Enter)"), "menu.signup.confirm", self)
        self.confirm_button.setAccessibleName(self.tr("Sign up"))
        style.make_primary(self.confirm_button)
        self.confirm_button.setAutoDefault(True)
        self.confirm_button.clicked.connect(self.on_confirm_clicked)
        self.back_button = button(self.tr("Back (Esc)"), "menu.signup.back", self)
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.on_back_clicked)
        self.status = StatusLine("menu.signup.status", self)

        person_column = QVBoxLayout()
        person_column.addWidget(self.person_caption)
        person_column.addWidget(self.person)
        person_column.addWidget(self.person_message)
        person_column.addStretch(1)
        self.companion_column = QWidget(self)
        companion_layout = QVBoxLayout(self.companion_column)
        companion_layout.setContentsMargins(0, 0, 0, 0)
        companion_layout.addWidget(self.companion_caption)
        companion_layout.addWidget(self.companion)
        companion_layout.addWidget(self.companion_message)
        companion_layout.addStretch(1)
        # The buttons beside the search, not under its results: in the large text size they are
        # on screen without scrolling.
        buttons = QVBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        pickers = QHBoxLayout()
        pickers.addLayout(person_column, 1)
        pickers.addWidget(self.companion_column, 1)
        pickers.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(pickers)
        layout.addWidget(self.override_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setFocusProxy(self.person)

    # --- what the desk calls ----------------------------------------------------------------

    def start(self, detail: SessionDetail) -> None:
        """A fresh form for the session: no one chosen yet, the cursor in the search box."""
        self._detail = detail
        row = detail.row
        when = labels.format_when(row.starts_at, row.ends_at)
        text = (
            self.tr("Sign up for %1, %2 (%3 of %4 seats free)")
            .replace("%1", row.item)
            .replace("%2", when)
            .replace("%3", str(row.free))
            .replace("%4", str(row.capacity))
        )
        if row.waiting:
            text += self.tr("; %1 waiting").replace("%1", str(row.waiting))
        self.heading.setText(f"<b>{style.paragraph_html(text)}</b>")
        self.heading.setAccessibleName(text)
        for picker in (self.person, self.companion):
            picker.search_box.blockSignals(True)
            picker.search_box.clear()
            picker.search_box.blockSignals(False)
            picker.model.set_hits([])
            picker.results.setVisible(False)
            picker.set_person(None)
        self.companion.chosen_label.setText(self.tr("Adult: not chosen yet (search, then Enter)"))
        self.companion_column.setVisible(detail.with_parent)
        self.messages.clear()
        self.status.clear_message()
        self._show_override(False)
        self.person.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def session_id(self) -> int | None:
        return self._detail.row.id if self._detail is not None else None

    def override_offered(self) -> bool:
        return not self.override_box.isHidden()

    def sign_up(self, override_reason: str = "") -> SignupResult | None:
        """Sign the chosen resident up (with the companion chosen); the refusal said beside its
        field. None when nothing was written."""
        self.messages.clear()
        self.status.clear_message()
        if self._detail is None:
            return None
        session_id = self._detail.row.id
        person_id = self.person.person_id()
        if person_id is None:
            self.messages.set("person", self.tr("Find the resident first, then press Enter."))
            return None
        companion_id = self.companion.person_id() if self._detail.with_parent else None
        try:
            result = self._context.run(
                lambda session, actor: signups.sign_up(
                    session,
                    actor,
                    session_id,
                    person_id,
                    companion_id=companion_id,
                    override_reason=override_reason,
                ),
                write=True,
            )
        except ValidationError as error:
            self._refused(error)
            return None
        except DomainError as error:
            self.status.show_error(error.message)
            return None
        companion = self.companion.person_name() if companion_id is not None else ""
        self._show_override(False)
        self.signed_up.emit(result_text(result, companion))
        return result

    # --- inside -------------------------------------------------------------------------------

    def _refused(self, error: ValidationError) -> None:
        if not self.messages.show(error):
            self.status.show_error(error.message)
        audience = is_audience_problem(error)
        self._show_override(audience and self._context.actor.may(Permission.MENU))

    def _show_override(self, shown: bool) -> None:
        self.override_box.setVisible(shown)
        if shown:
            self.override_reason.clear()
            self.override_reason.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- slots --------------------------------------------------------------------------------

    def on_person_chosen(self, _person_id: int) -> None:
        self.messages.clear()
        self._show_override(False)
        if self._detail is not None and self._detail.with_parent and not self.companion.person_id():
            self.companion.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_companion_chosen(self, _person_id: int) -> None:
        self.messages.clear()
        self._show_override(False)
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_confirm_clicked(self) -> None:
        self.sign_up()

    def on_override_clicked(self) -> None:
        reason = self.override_reason.text().strip()
        if not reason:
            self.status.show_error(self.tr("Say why they may come all the same."))
            self.override_reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.sign_up(reason)

    def on_back_clicked(self) -> None:
        self.back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.on_back_clicked()
            event.accept()
            return
        super().keyPressEvent(event)
