"""What every page of the Settings desk shares: calling a service and showing its message."""

from __future__ import annotations

from html import escape
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui import style

T = TypeVar("T")

# Greyed, yet 5.7:1 on white: an inactive row stays readable, and also says 停用 in words.
INACTIVE_COLOUR = "#666666"


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A page title a step larger than the text; relative, so it follows the text size setting."""
    html = f'<span style="font-size: x-large; font-weight: bold;">{escape(text)}</span>'
    label = QLabel(html, parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """An explaining sentence, wrapped at 1.3 line spacing."""
    label = QLabel(style.paragraph_html(text, colour=style.MUTED_COLOUR), parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


class RoomyRowsDelegate(QStyledItemDelegate):
    """Rows at least 1.6 lines of the view's font high (MIIT line spacing), following text size."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), round(option.fontMetrics.height() * 1.6)))
