"""Which occurrences of a series a change is for: this one, this and the following, or all.

Asked inline, beside the change (never a dialog that blocks): three choices in words, this one
first, so the smallest change is the one made unless the person chooses otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStyle,
    QStyleOption,
    QWidget,
)

from app.services.rooms.booking import Scope
from ui.people.tag_list import BigIndicatorStyle, indicator_side
from ui.rooms.names import scope_name


class BigChoiceStyle(BigIndicatorStyle):
    """Round choice marks as big as the tick boxes (as big as the text: 长辈模式)."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        /,
    ) -> int:
        if metric in (
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
            QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
        ):
            if widget is not None:
                return indicator_side(widget.fontMetrics())
            if option is not None:
                return indicator_side(option.fontMetrics)
        return super().pixelMetric(metric, option, widget)


class ScopeChoice(QFrame):
    """仅此一次 / 此次及以后 / 全部 as radio buttons; hidden for a booking that is no series."""

    changed = Signal(object)  # the Scope chosen

    def __init__(self, object_name: str, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.label = QLabel(question, self)
        self.label.setObjectName(f"{object_name}.question")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.group = QButtonGroup(self)
        self.buttons: dict[Scope, QRadioButton] = {}
        self._indicators = BigChoiceStyle(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        for scope in Scope:
            radio = QRadioButton(scope_name(scope), self)
            radio.setObjectName(f"{object_name}.{scope.value}")
            radio.setStyle(self._indicators)
            radio.setAccessibleName(f"{question} {scope_name(scope)}")
            self.group.addButton(radio)
            self.buttons[scope] = radio
            layout.addWidget(radio)
            radio.toggled.connect(self.on_radio_toggled)
        layout.addStretch(1)
        self.setAccessibleName(question)
        self.buttons[Scope.THIS].setChecked(True)

    def scope(self) -> Scope:
        return next(
            (scope for scope, radio in self.buttons.items() if radio.isChecked()), Scope.THIS
        )

    def set_scope(self, scope: Scope) -> None:
        self.buttons[scope].setChecked(True)

    def set_question(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)

    def scope_text(self) -> str:
        return scope_name(self.scope())

    def on_radio_toggled(self, checked: bool) -> None:
        if checked:
            self.changed.emit(self.scope())
