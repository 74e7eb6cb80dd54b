"""A Settings page of things in a list (rooms, organisations) with an editor that takes the
list's place, as the accounts' forms do: no modal dialog, Esc goes back, every refusal of the
service said beside its field or on the page's line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, QModelIndex, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.settings.common import fit_columns, heading, hint
from ui.style import configure_table, make_primary, update_table_metrics
from ui.table_model import LinesModel
from ui.widgets import button, plain

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.security import Actor


class Named(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


R = TypeVar("R", bound=Named)
T = TypeVar("T")


class ListEditorPage(QWidget, Generic[R]):
    """`settings.<key>`: a table of `R` rows (`settings.<key>.table`), a New button
    (`.new`), a Change button (`.edit`), the page's message line (`.message`) and an editor
    (`.editor`) whose fields are in `self._fields` under the service's field names."""

    STRETCH = 0  # the table's column that takes the width left

    def __init__(
        self, context: DeskContext, key: str, model: LinesModel[R], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"settings.{key}")
        self._key = key
        self._context = context
        self._model = model
        model.setParent(self)
        self._fields = FieldMessages()

        self._table = QTableView(self)
        self._table.setObjectName(f"settings.{key}.table")
        self._table.setModel(model)
        configure_table(self._table)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setTabKeyNavigation(False)
        self._table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        # Enter or a double click opens the editor.
        self._table.activated.connect(self.on_table_activated)

        self._message = StatusLine(f"settings.{key}.message", self)
        self._list_view = QWidget(self)
        self._list_view.setObjectName(f"settings.{key}.list")
        self.list_layout = QVBoxLayout(self._list_view)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.addWidget(self._table, 1)
        self._views = QStackedWidget(self)
        self._views.setObjectName(f"settings.{key}.views")
        self._views.addWidget(self._list_view)
        self._editor: QGroupBox | None = None
        self._new: QPushButton | None = None

    def _finish(
        self,
        title: str,
        explanation: str,
        new_text: str,
        editor: QGroupBox,
        above: tuple[QWidget, ...] = (),
    ) -> None:
        """Lay the page out (title and New button, the explanation, the message line, `above`,
        then the list or the editor) and read the list."""
        self._table.setAccessibleName(title)
        self._new = button(new_text, f"settings.{self._key}.new", self)
        make_primary(self._new)
        self._new.clicked.connect(self.on_new_clicked)
        self._editor = editor
        editor.setObjectName(f"settings.{self._key}.editor")
        self._views.addWidget(editor)
        title_row = QHBoxLayout()
        title_row.addWidget(heading(title, self), 1)
        title_row.addWidget(self._new)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(hint(explanation, self))
        layout.addWidget(self._message)
        for widget in above:
            layout.addWidget(widget)
        layout.addWidget(self._views, 1)
        QWidget.setTabOrder(self._new, self._table)
        self.reload()

    # ---- for the pages ----------------------------------------------------------------------

    def _fetch(self, session: Session, actor: Actor) -> list[R]:
        raise NotImplementedError

    def new_item(self) -> None:
        raise NotImplementedError

    def edit_selected(self) -> bool:
        raise NotImplementedError

    def _selection_changed(self) -> None:
        """The selection moved (or the list was read again)."""

    def _field_row(
        self, grid: QGridLayout, row: int, field: str, text: str, widget: QWidget
    ) -> int:
        """A caption, its field and the message under it, on rows `row` and `row + 1` of `grid`;
        the field's objectName is `settings.<key>.<field in camelCase>`. Returns the next row."""
        parent = grid.parentWidget() or self
        suffix = _camel(field)
        label = QLabel(text, parent)
        label.setBuddy(widget)
        label.setWordWrap(True)
        widget.setObjectName(f"settings.{self._key}.{suffix}")
        widget.setAccessibleName(plain(text))
        if isinstance(widget, QLineEdit):
            widget.returnPressed.connect(self.on_save_clicked)
        message = FieldMessage(f"settings.{self._key}.{suffix}.message", parent)
        grid.addWidget(label, row, 0)
        grid.addWidget(widget, row, 1)
        grid.addWidget(message, row + 1, 1)
        self._fields.add(field, widget, message)
        return row + 2

    def _editor_actions(self, save_text: str, parent: QWidget) -> QHBoxLayout:
        save = button(save_text, f"settings.{self._key}.save", parent)
        make_primary(save)
        save.clicked.connect(self.on_save_clicked)
        cancel = button(self.tr("Cancel"), f"settings.{self._key}.cancel", parent)
        cancel.clicked.connect(self.on_cancel_clicked)
        actions = QHBoxLayout()
        actions.addWidget(save)
        actions.addWidget(cancel)
        actions.addStretch(1)
        return actions

    def _open_editor(self, title: str) -> None:
        self._fields.clear()
        self._message.clear_message()
        assert self._editor is not None
        self._editor.setTitle(title)
        self._show_view(self._editor)

    def _write(self, call: Callable[[Session, Actor], T]) -> T | None:
        """Save through the service; None when refused, the reason shown beside the field it
        names (or on the page's line)."""
        return write_or_say(self._context, self._fields, self._message, call)

    def _saved(self, row_id: int, text: str) -> None:
        """Back to the list, the saved row chosen, `text` said; other desks told."""
        self._show_view(self._list_view)
        self.reload()
        self.select(row_id)
        self._message.show_info(text)
        self._context.data_changed()

    # ---- what tests and the desk use -------------------------------------------------------

    def model(self) -> LinesModel[R]:
        return self._model

    def reload(self) -> None:
        """Read the list again, keeping the selection."""
        selected = self.selected()
        try:
            rows = self._context.run(self._fetch, write=False)
        except DomainError as error:
            rows = []
            self._message.show_error(error.message)
        self._model.set_lines(rows)
        fit_columns(self._table, stretch=self.STRETCH)
        if selected is not None:
            self.select(selected.id)
        self._selection_changed()

    def selected(self) -> R | None:
        rows = self._table.selectionModel().selectedRows()
        return self._model.line(rows[0].row()) if rows else None

    def row_of(self, key: int | str) -> int:
        """The table's row of an id or name; -1 when not there."""
        return next((i for i, r in enumerate(self._model.lines()) if key in (r.id, r.name)), -1)

    def select(self, key: int | str) -> bool:
        """Choose a row by id or name; True when found."""
        row = self.row_of(key)
        if row < 0:
            self._table.clearSelection()
            return False
        self._table.selectRow(row)
        self._table.scrollTo(self._model.index(row, 0))
        return True

    def is_editing(self) -> bool:
        return self._views.currentWidget() is self._editor

    def field(self, name: str) -> QWidget:
        """An editor field by the service's field name."""
        widget = self._fields.widget(name)
        assert widget is not None, name
        return widget

    def field_message(self, field: str) -> str:
        return self._fields.text(field)

    def last_message(self) -> str:
        return self._message.message()

    def cancel(self) -> None:
        self.on_cancel_clicked()

    # ---- slots ------------------------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._selection_changed()

    @Slot(QModelIndex)
    def on_table_activated(self, _index: QModelIndex) -> None:
        self.edit_selected()

    @Slot()
    def on_new_clicked(self) -> None:
        self.new_item()

    @Slot()
    def on_edit_clicked(self) -> None:
        self.edit_selected()

    @Slot()
    def on_save_clicked(self) -> None:
        self.save()

    @Slot()
    def on_cancel_clicked(self) -> None:
        self._show_view(self._list_view)
        self._fields.clear()
        self._message.clear_message()

    def save(self) -> bool:
        raise NotImplementedError

    # ---- inside -----------------------------------------------------------------------------

    def _show_view(self, view: QWidget) -> None:
        self._views.setCurrentWidget(view)
        if self._new is not None:
            self._new.setVisible(view is self._list_view)
        if view is self._list_view:
            self._table.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc leaves the editor, as it would close a dialog (fields pass Esc on to here).
        if event.key() == Qt.Key.Key_Escape and self.is_editing():
            self.on_cancel_clicked()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            update_table_metrics(self._table)
            fit_columns(self._table, stretch=self.STRETCH)


def _camel(field: str) -> str:
    """credit_code → creditCode."""
    first, *rest = field.split("_")
    return first + "".join(word.capitalize() for word in rest)


def write_or_say(
    context: DeskContext,
    fields: FieldMessages,
    message: StatusLine,
    call: Callable[[Session, Actor], T],
) -> T | None:
    """Save through the service; None when refused, the reason said beside the field it names
    (or on `message`, the page's line)."""
    fields.clear()
    message.clear_message()
    try:
        return context.run(call, write=True)
    except ValidationError as error:
        if fields.set(error.field, error.message):
            message.show_error(
                QCoreApplication.translate(
                    "ListEditorPage",
                    "Not saved: please correct what the message beside the field says.",
                )
            )
        else:
            message.show_error(
                QCoreApplication.translate("ListEditorPage", "Not saved: %1").replace(
                    "%1", error.message
                )
            )
    except DomainError as error:
        message.show_error(
            QCoreApplication.translate("ListEditorPage", "Not saved: %1").replace(
                "%1", error.message
            )
        )
    return None
