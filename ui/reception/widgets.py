"""Small pieces of the Reception desk: section headings, the inline question, the status line."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ui import style
from ui.errors import StatusLine


def section_heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A heading a step above the text; relative, so it follows the text size setting."""
    label = QLabel(f'<span style="font-size: large; font-weight: bold;">{escape(text)}</span>')
    label.setParent(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName(text)
    return label


class QuestionBar(QFrame):
    """A question asked inside the desk instead of a dialog: it never takes the cursor away from
    where the volunteer types. Tab reaches its buttons; Enter or Space presses the one in focus."""

    confirmed = Signal()
    declined = Signal()
    # Typing while a button of the bar has the focus: the question is dropped and the text goes
    # where the volunteer meant it to go (the search box), so no keystroke is lost.
    typed = Signal(str)

    def __init__(
        self, object_name: str, confirm: str, decline: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QLabel(self)
        self.text.setObjectName(f"{object_name}.text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.confirm_button = QPushButton(confirm, self)
        self.confirm_button.setObjectName(f"{object_name}.confirm")
        self.confirm_button.setAccessibleName(confirm)
        self.confirm_button.setAutoDefault(True)  # Enter presses it when it has the focus
        style.make_primary(self.confirm_button)
        self.confirm_button.clicked.connect(self.on_confirm_clicked)
        self.decline_button = QPushButton(decline, self)
        self.decline_button.setObjectName(f"{object_name}.decline")
        self.decline_button.setAccessibleName(decline)
        self.decline_button.setAutoDefault(True)
        self.decline_button.clicked.connect(self.on_decline_clicked)
        for button in (self.confirm_button, self.decline_button):
            button.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.decline_button)
        self.setVisible(False)

    def ask(self, question: str) -> None:
        self.text.setText(f"<b>{style.paragraph_html(question)}</b>")
        self.text.setAccessibleName(question)
        self.setAccessibleName(question)
        self.setVisible(True)

    def question(self) -> str:
        """The question asked ("" when the bar is closed)."""
        return self.text.accessibleName() if self.is_asking() else ""

    def is_asking(self) -> bool:
        return not self.isHidden()

    def close_question(self) -> None:
        self.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            plain = not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if plain and text and text.isprintable() and not text.isspace():
                self.setVisible(False)
                self.declined.emit()
                self.typed.emit(text)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.on_decline_clicked()
                return True
        return super().eventFilter(watched, event)

    def on_confirm_clicked(self) -> None:
        self.setVisible(False)
        self.confirmed.emit()

    def on_decline_clicked(self) -> None:
        self.setVisible(False)
        self.declined.emit()


class DeskStatusLine(StatusLine):
    """The desk's status line, as tall as its message at the width it has.

    Qt gives a window the least height its wrapped labels need at the window's least width, so a
    long message (a check-in of 欧阳小明 for 党务：组织关系转接) made the window taller than a
    1366 x 768 screen in the large text size, though it fits one line at the real width. Asked
    for no height-for-width, the line answers for the width the layout gave it instead.
    """

    def hasHeightForWidth(self) -> bool:
        return False

    def _height(self) -> int:
        one_line = self.fontMetrics().height()
        if not self.text():
            return 0
        width = self._row_width()
        return max(self.heightForWidth(width), one_line) if width > 0 else one_line

    def _row_width(self) -> int:
        """The width of the row the line spans (known before the line itself is laid out)."""
        parent = self.parentWidget()
        if parent is None:
            return self.width()
        width = parent.contentsRect().width()
        layout = parent.layout()
        if layout is not None:
            margins = layout.contentsMargins()
            width -= margins.left() + margins.right()
        return width

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # another width, another number of lines
