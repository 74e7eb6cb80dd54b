"""What every page of the Settings desk shares: calling a service and showing its message."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.errors import DatabaseProblem
from ui import style
from ui.context import DeskContext

T = TypeVar("T")

# Greyed, yet 5.7:1 on white: an inactive row stays readable, and also says 停用 in words.
INACTIVE_COLOUR = "#666666"


def run_service(context: DeskContext, call: Callable[[Session], T]) -> T:
    """`call` in one transaction: committed on success, rolled back on any error.

    Domain errors pass through for the page to show; a database that can't be written
    (locked, gone, read-only) becomes a DatabaseProblem with a message a volunteer understands.
    """
    try:
        with context.db.write() as session:
            return call(session)
    except SQLAlchemyError as error:
        raise DatabaseProblem(
            QCoreApplication.translate(
                "SettingsDesk",
                "The database could not be written, so nothing was changed. "
                "Please try again in a moment; if it keeps happening, call the administrator.",
            )
        ) from error


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
