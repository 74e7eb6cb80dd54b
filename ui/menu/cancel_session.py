"""Cancelling a whole session from the Service menu desk, without a pop-up.

- `CancelSessionBar`: the question asked inside the desk, with the reason (required: the people
  signed up are told it) and 取消这个场次 / 保留场次; a refusal (the session has begun, …) is said
  in the bar, beside the reason.
- `PhoneListPanel`: after the session is cancelled, the people to phone (signed up, then waiting,
  each with the masked phone), in a list the volunteer scrolls through and then dismisses.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.menu.reads import RosterLine
from ui import style
from ui.errors import FieldMessage
from ui.menu.models import RosterModel
from ui.widgets import button


class CancelSessionBar(QFrame):
    """`menu.cancelSessionQuestion`: 取消场次 asked inside the desk. `confirmed(reason)` when the
    volunteer confirms (the reason as typed), `declined` when they keep the session (Esc)."""

    confirmed = Signal(str)
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.cancelSessionQuestion")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QLabel(self)
        self.text.setObjectName("menu.cancelSessionQuestion.text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        reason_label = QLabel(self.tr("&Why (the people signed up are told):"), self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("menu.cancelReason")
        self.reason.setAccessibleName(self.tr("Why the session is cancelled"))
        self.reason.setMaxLength(200)
        self.reason.returnPressed.connect(self.on_confirm_clicked)
        reason_label.setBuddy(self.reason)
        self.message = FieldMessage("menu.cancelReason.message", self)
        self.confirm_button = button(
            self.tr("Cancel this session"), "menu.cancelSessionQuestion.confirm", self
        )
        self.confirm_button.setAutoDefault(True)
        style.make_primary(self.confirm_button)
        self.confirm_button.clicked.connect(self.on_confirm_clicked)
        self.decline_button = button(
            self.tr("Keep the session (Esc)"), "menu.cancelSessionQuestion.decline", self
        )
        self.decline_button.setAccessibleName(self.tr("Keep the session"))
        self.decline_button.setAutoDefault(True)
        self.decline_button.clicked.connect(self.on_decline_clicked)
        for widget in (self.reason, self.confirm_button, self.decline_button):
            widget.installEventFilter(self)

        row = QHBoxLayout()
        row.addWidget(reason_label)
        row.addWidget(self.reason, 1)
        row.addWidget(self.confirm_button)
        row.addWidget(self.decline_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setVisible(False)

    def ask(self, question: str) -> None:
        """Ask `question`; the reason starts empty and takes the cursor."""
        self.text.setText(f"<b>{style.paragraph_html(question)}</b>")
        self.text.setAccessibleName(question)
        self.setAccessibleName(question)
        self.reason.clear()
        self.message.clear()
        self.setVisible(True)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def question(self) -> str:
        """The question asked ("" when the bar is closed)."""
        return self.text.accessibleName() if self.is_asking() else ""

    def is_asking(self) -> bool:
        return not self.isHidden()

    def close_question(self) -> None:
        self.message.clear()
        self.setVisible(False)

    def show_problem(self, text: str) -> None:
        """The service's refusal, said in the bar (the question stays open)."""
        self.message.set_message(text)

    def problem(self) -> str:
        return self.message.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.on_decline_clicked()
            return True
        return super().eventFilter(watched, event)

    def on_confirm_clicked(self) -> None:
        self.confirmed.emit(self.reason.text())

    def on_decline_clicked(self) -> None:
        self.close_question()
        self.declined.emit()


class PhoneListPanel(QWidget):
    """`menu.phoneList`: whom to phone now that a session is cancelled, in the roster's order
    (signed up 1, 2, …, then 候补1, 候补2, …), each with the masked phone; 知道了 dismisses it."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.phoneList")
        self.heading = QLabel(self)
        self.heading.setObjectName("menu.phoneList.heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.model = RosterModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("menu.phoneList.people")
        self.view.setAccessibleName(self.tr("People to phone"))
        style.configure_table(self.view)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.setModel(self.model)
        style.fit_columns(self.view, stretch=RosterModel.PLACE)
        for column in (RosterModel.COMPANION, RosterModel.MARKS):
            self.view.setColumnHidden(column, True)
        self.close_button = button(self.tr("Done (Esc)"), "menu.phoneList.close", self)
        self.close_button.setAccessibleName(self.tr("Done with the phone list"))
        self.close_button.clicked.connect(self.dismissed.emit)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def show_people(self, what: str, people: Sequence[RosterLine]) -> None:
        """`what` was cancelled; `people` are to be phoned."""
        if people:
            text = (
                self.tr("%1 is cancelled. Please phone these %2 people:")
                .replace("%1", what)
                .replace("%2", str(len(people)))
            )
        else:
            text = self.tr("%1 is cancelled. No one had signed up: no one to phone.").replace(
                "%1", what
            )
        self.heading.setText(f"<b>{style.paragraph_html(text)}</b>")
        self.heading.setAccessibleName(text)
        self.model.set_lines(list(people))
        self.view.setVisible(bool(people))

    def heading_text(self) -> str:
        return self.heading.accessibleName()

    def rows(self) -> list[list[str]]:
        return [self.model.row_texts(row) for row in range(self.model.rowCount())]
