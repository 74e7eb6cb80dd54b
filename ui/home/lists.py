"""The window that shows the list behind a Home chart's bar: a heading, the figures in a
sentence, the rows, and (for a room or a volunteer) a button to their own desk.

It opens over Home without blocking (`open()`, not `exec()`); Esc or 关闭 closes it. Enter or a
double-click on a row emits `row_activated` (a session opens in the Service menu).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import style


class ChartListDialog(QDialog):
    row_activated = Signal(int)  # the row chosen with Enter or a double-click
    open_requested = Signal()  # the button to the desk of the room or the volunteer
    loaded = Signal()  # the rows (or what went wrong) are shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home.list")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.title = QLabel(self)
        self.title.setObjectName("home.list.title")
        self.title.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("home.list.summary")
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("home.list.table")
        self.table.setAccessibleName(self.tr("The list behind the chart"))
        style.configure_table(self.table)
        self.table.activated.connect(self.on_table_activated)
        self.empty = QLabel(self)
        self.empty.setObjectName("home.list.empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("home.list.open")
        self.open_button.clicked.connect(self.on_open_clicked)
        self.close_button = QPushButton(self.tr("Close (Esc)"), self)
        self.close_button.setObjectName("home.list.close")
        self.close_button.setAccessibleName(self.tr("Close the list"))
        self.close_button.clicked.connect(self.reject)
        style.make_primary(self.close_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._loading = False
        self._update_fonts()

    @property
    def loading(self) -> bool:
        """True while the rows are still being read."""
        return self._loading

    def show_loading(self, title: str) -> None:
        """Open at once with the title, saying the rows are being read."""
        self._loading = True
        self._set_title(title)
        self.summary.setVisible(False)
        self.empty.setText(self.tr("Reading the list…"))
        self.stack.setCurrentWidget(self.empty)
        self.open_button.setVisible(False)
        self._open()
        self.close_button.setFocus()

    def show_problem(self, title: str, message: str) -> None:
        """The rows could not be read: say so in words."""
        self._loading = False
        self._set_title(title)
        self.summary.setVisible(False)
        self.empty.setText(message)
        self.stack.setCurrentWidget(self.empty)
        self.open_button.setVisible(False)
        self._open()
        self.loaded.emit()

    def _set_title(self, title: str) -> None:
        self.setWindowTitle(title)
        self.title.setText(title)

    def _open(self) -> None:
        if not self.isVisible():
            # Most of the window it opens over: wide enough for every column of a visit.
            parent = self.parentWidget()
            over = parent.window() if parent is not None else self
            self.resize(over.width() * 4 // 5, over.height() * 4 // 5)
            self.open()

    def show_list(
        self,
        title: str,
        summary: str,
        model: QAbstractItemModel,
        *,
        stretch: int,
        empty: str,
        open_text: str = "",
    ) -> ChartListDialog:
        """Show `model`'s rows under `title` (the column `stretch` takes the width left), or
        `empty` when there are none; `open_text` names the button to another desk ("" none)."""
        old = self.table.model()
        model.setParent(self)
        self.table.setModel(model)
        if old is not None and old is not model:
            old.deleteLater()
        style.fit_columns(self.table, stretch=stretch)
        self._loading = False
        self._set_title(title)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.empty.setText(empty)
        has_rows = model.rowCount() > 0
        self.stack.setCurrentWidget(self.table if has_rows else self.empty)
        self.open_button.setText(open_text)
        self.open_button.setAccessibleName(open_text.replace("&", ""))
        self.open_button.setVisible(bool(open_text))
        self.table.setAccessibleDescription(summary)
        self._open()
        if has_rows:
            self.table.setCurrentIndex(model.index(0, 0))
        (self.table if has_rows else self.close_button).setFocus()
        self.loaded.emit()
        return self

    def rows(self) -> list[list[str]]:
        """What a person reads in the list, row by row (tests, support calls)."""
        model = self.table.model()
        return [
            [
                str(model.data(model.index(row, column)) or "")
                for column in range(model.columnCount())
            ]
            for row in range(model.rowCount())
        ]

    def on_table_activated(self, index: QModelIndex) -> None:
        self.row_activated.emit(index.row())

    def on_open_clicked(self) -> None:
        self.open_requested.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()

    def _update_fonts(self) -> None:
        self.title.setFont(style.scaled_font(self.title, 1.3, bold=True))
        style.update_table_metrics(self.table)
