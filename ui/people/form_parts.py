"""Parts of the person form: the scrolling area of its fields, and the bars that ask a question
beside the part of the form it is about (a person already on file, a gender the ID number
contradicts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import style


class FieldsScroll(QScrollArea):
    """The form's fields, as tall as they need (so the buttons come right after them) until the
    page is too short; then they scroll. Never wider than the page: no field runs under the
    scroll bar."""

    def __init__(self, content: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("person.scroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setWidget(content)
        content.installEventFilter(self)

    def sizeHint(self) -> QSize:
        # QScrollArea's own hint stops at 24 lines of text; the fields want their whole height
        # at the width they have (wrapped hints and messages are taller when narrower).
        hint = super().sizeHint()
        content = self.widget()
        if content is None:
            return hint
        height = content.sizeHint().height()
        if content.hasHeightForWidth():
            height = max(content.heightForWidth(self.viewport().width()), 0) or height
        return QSize(hint.width(), height + 2 * self.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a message appeared or went: the fields' height changed
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class ChoiceBar(QFrame):
    """A question in words and the buttons that answer it; hidden until asked."""

    def __init__(
        self,
        object_name: str,
        buttons: Sequence[QPushButton],
        parent: QWidget,
        *,
        framed: bool = False,
        colour: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._colour = colour
        self.text = QLabel(self)
        self.text.setObjectName(f"{object_name}.text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        if framed:
            self.setFrameShape(QFrame.Shape.StyledPanel)
        else:
            layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.setVisible(False)

    def ask(self, text: str, *, spoken: str = "") -> None:
        """Show `text`; `spoken` is what a screen reader says instead, when shorter."""
        self.text.setText(style.paragraph_html(text, colour=self._colour))
        self.text.setAccessibleName(spoken or text)
        self.setAccessibleName(spoken or text)
        self.setVisible(True)

    def close_question(self) -> None:
        self.setVisible(False)
