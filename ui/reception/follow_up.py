"""回访: the resident's answer to the follow-up call on a closed 民生直通车 request, as three large
choices (满意 / 基本满意 / 不满意) and a note.

`AnswerChoice` is the part every place shows: beside Resolve at Reception (the answer is optional
there: the call is usually made later), and in `FollowUpDialog`, which records the answer on a
resolved request later (from Reception's list of requests waiting for the call, or from the
person's record). The rules are the service's (`app.services.follow_up`): 不满意 needs a note,
and the message comes back beside the field it is about.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.choices import Satisfaction
from app.errors import DomainError, ValidationError
from app.services import reception
from app.services.reception import RequestRow
from ui import style
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages
from ui.labels import QT_TRANSLATE_NOOP
from ui.widgets import button

SATISFACTION_NAMES: dict[Satisfaction, str] = {
    Satisfaction.SATISFIED: QT_TRANSLATE_NOOP("FollowUp", "Satisfied"),
    Satisfaction.BASIC: QT_TRANSLATE_NOOP("FollowUp", "Basically satisfied"),
    Satisfaction.UNSATISFIED: QT_TRANSLATE_NOOP("FollowUp", "Not satisfied"),
}
CHECK = "✓ "  # the chosen answer says so in a sign too, not only in colour


def satisfaction_name(value: Satisfaction | None) -> str:
    """满意 / 基本满意 / 不满意; "" for no answer."""
    if value is None:
        return ""
    return QCoreApplication.translate("FollowUp", SATISFACTION_NAMES[value])


class AnswerChoice(QWidget):
    """Three large buttons, at most one chosen (pressing the chosen one again un-chooses it),
    and a note. Children: `<name>.satisfied` / `.basic` / `.unsatisfied`, `<name>.note`, and
    their messages `<name>.message`, `<name>.note.message`."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.fields = FieldMessages()
        self.buttons: dict[Satisfaction, QPushButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for value in Satisfaction:
            choice = QPushButton(satisfaction_name(value), self)
            choice.setObjectName(f"{name}.{value.value}")
            choice.setAccessibleName(satisfaction_name(value))
            choice.setCheckable(True)
            choice.setAutoDefault(False)
            choice.setMinimumHeight(style.primary_button_px(choice.font()))
            choice.setMinimumWidth(choice.fontMetrics().horizontalAdvance(CHECK + "基本满意") + 32)
            choice.toggled.connect(lambda on, chosen=value: self.on_choice_toggled(chosen, on))
            self.buttons[value] = choice
            row.addWidget(choice, 1)
        self.message = FieldMessage(f"{name}.message", self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName(f"{name}.note")
        self.note_edit.setAccessibleName(self.tr("Note on the answer"))
        self.note_edit.setPlaceholderText(
            self.tr("What the resident said (needed when not satisfied)")
        )
        self.note_edit.setMinimumHeight(style.field_px(self.note_edit.font()))
        self.note_message = FieldMessage(f"{name}.note.message", self)
        self.fields.add("satisfaction", self.buttons[Satisfaction.SATISFIED], self.message)
        self.fields.add("satisfaction_note", self.note_edit, self.note_message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.note_message)

    # --- what the places using it call --------------------------------------------------------

    def answer(self) -> Satisfaction | None:
        return next((value for value, choice in self.buttons.items() if choice.isChecked()), None)

    def note(self) -> str:
        return self.note_edit.text()

    def choose(self, value: Satisfaction | None, note: str | None = None) -> None:
        for each, choice in self.buttons.items():
            choice.setChecked(each == value)
        if note is not None:
            self.note_edit.setText(note)

    def clear(self) -> None:
        self.choose(None, "")
        self.fields.clear()

    def show_error(self, error: ValidationError) -> bool:
        """The service's message beside its field; False if it is about another field."""
        return self.fields.show(error)

    # --- slots ---------------------------------------------------------------------------------

    def on_choice_toggled(self, value: Satisfaction, on: bool) -> None:
        choice = self.buttons[value]
        if on:
            for other, widget in self.buttons.items():
                if other != value and widget.isChecked():
                    widget.setChecked(False)
            self.message.clear()
        choice.setText((CHECK if on else "") + satisfaction_name(value))
        font = choice.font()
        font.setBold(on)
        choice.setFont(font)
        self.changed.emit()


class FollowUpDialog(QDialog):
    """Record the resident's answer on a resolved request, after the follow-up call.

    `save()` is what the Save button does (tests call it); `saved(row)` is sent with the request
    as it is then, and the dialog closes. Opened with `open()`: it never blocks the desk."""

    saved = Signal(object)

    def __init__(
        self, context: DeskContext, request: RequestRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followUp")
        self.setWindowTitle(self.tr("Follow-up call"))
        self.setAccessibleName(self.windowTitle())
        self._context = context
        self.request = request
        who = request.person_name or self.tr("a resident not on file")
        text = (
            self.tr("%1, %2: %3. Done: %4")
            .replace("%1", who)
            .replace("%2", request.category)
            .replace("%3", " ".join(request.text.split()).rstrip("。."))
            .replace("%4", request.resolution or "—")
        )
        self.summary = QLabel(style.paragraph_html(text), self)
        self.summary.setObjectName("followUp.request")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(text)
        question = QLabel(self.tr("How satisfied is the resident with how it was handled?"), self)
        question.setWordWrap(True)
        question.setFont(style.scaled_font(question, 1.1, bold=True))
        self.choice = AnswerChoice("followUp.answer", self)
        self.choice.choose(request.satisfaction, request.satisfaction_note)
        self.error = FieldMessage("followUp.error", self)
        self.save_button = button(self.tr("&Save the answer"), "followUp.save", self)
        style.make_primary(self.save_button)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button = button(self.tr("Cancel"), "followUp.cancel", self)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(question)
        layout.addWidget(self.choice)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(style.dialog_width(self, 44))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def save(self) -> bool:
        """Record the chosen answer; False, with the message beside its field, when refused."""
        self.error.clear()
        self.choice.fields.clear()
        answer, note, request_id = self.choice.answer(), self.choice.note(), self.request.id
        try:
            row = self._context.run(
                lambda session, actor: reception.record_follow_up(
                    session, actor, request_id, answer, note
                ),
                write=True,
            )
        except ValidationError as error:
            if not self.choice.show_error(error):
                self.error.set_message(error.message)
            return False
        except DomainError as error:
            self.error.set_message(error.message)
            return False
        self.saved.emit(row)
        self.accept()
        return True

    def on_save_clicked(self) -> None:
        self.save()
