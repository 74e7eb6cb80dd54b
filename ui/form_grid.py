"""Rows of a two-column form (caption, field, the field's messages below it) and a dialog's
height on the screen: what the booking editor and the session editor lay out alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget


def add_row(
    grid: QGridLayout,
    row: int,
    label: str,
    widget: QWidget,
    messages: Sequence[QWidget],
    line_height: int,
) -> tuple[QLabel, int]:
    """Caption `label` beside `widget` in `row`, the `messages` under it; the caption and the
    next free row."""
    caption = QLabel(label, widget.parentWidget())
    caption.setBuddy(widget.focusProxy() or widget)
    # Level with the field's first line (a box, a drop-down), not with its top edge.
    caption.setMinimumHeight(line_height)
    caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
    grid.addWidget(widget, row, 1)
    row += 1
    for message in messages:
        grid.addWidget(message, row, 1)
        row += 1
    return caption, row


def fitting_height(window: QWidget, wanted: int) -> int:
    """At most the screen's height less a title bar: the fields scroll, the buttons stay."""
    screen = window.screen()
    if screen is None:
        return wanted
    return min(wanted, screen.availableGeometry().height() - 2 * window.fontMetrics().height())
