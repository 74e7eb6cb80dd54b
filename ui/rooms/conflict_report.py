"""The report a booking form shows when dates of a series can't be booked as asked: each date,
its time and what is in the way (a closed day, or the booking that holds the room and who booked
it), with the choice to skip those dates and save, or to go back and change the form. The Rooms
desk's booking editor and the Service menu's session editor both ask this way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.rooms.conflicts import OccurrenceProblem
from ui import style
from ui.rooms.models import ConflictModel
from ui.widgets import button

LISTED_ROWS = 5  # the list's height, in rows; more scroll


class ConflictReport(QFrame):
    """`lines` the problems shown, `text` the words above them, `skip_button` and `back_button`
    the two ways on (connected by the form). Object names start with `prefix`."""

    def __init__(self, prefix: str, list_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(prefix)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.lines = ConflictModel(self)
        self.text = QLabel(self)
        self.text.setObjectName(f"{prefix}.text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.view = QTableView(self)
        self.view.setObjectName(f"{prefix}.list")
        self.view.setAccessibleName(list_name)
        style.configure_table(self.view)
        self.view.setModel(self.lines)
        self.view.setTabKeyNavigation(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.skip_button = button(self.tr("Skip these dates and save"), f"{prefix}.skip", self)
        style.make_primary(self.skip_button)
        # Not "取消": beside a booking that reads as cancelling it.
        self.back_button = button(self.tr("Go back and change"), f"{prefix}.cancel", self)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.text)
        self.body.addWidget(self.view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.setVisible(False)

    def show_problems(
        self,
        problems: Sequence[OccurrenceProblem],
        text: str,
        *,
        can_skip: bool,
        colour: str = style.ERROR_COLOUR,
    ) -> None:
        """List `problems` under `text`; the skip button only when `can_skip`."""
        self.lines.set_lines(list(problems))
        self.text.setText(style.paragraph_html(text, colour=colour))
        self.text.setAccessibleName(text)
        self.setAccessibleName(text)
        self.skip_button.setVisible(can_skip)
        rows = min(max(self.lines.rowCount(), 1), LISTED_ROWS)
        height = self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(
            self.view.horizontalHeader().sizeHint().height()
            + height * rows
            + 2 * self.view.frameWidth()
        )
        self.setVisible(True)

    def line_texts(self) -> list[str]:
        """The report as a person reads it, one line per date."""
        return [" ".join(self.lines.row_texts(row)) for row in range(self.lines.rowCount())]
