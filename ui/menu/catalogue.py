"""The menu's series and items as staff write them (服务菜单): the five series on the left, the
chosen series' items in their menu order with ↑/↓, and the chosen item's editor below them.

One widget, hosted by Settings (admins, `ui.settings.menu_page`) and, in `MenuCatalogueDialog`,
opened from the Service menu desk (staff). Every refusal of the service is said beside the field
it names. Nothing is deleted: an item no longer offered is set inactive, and its sessions keep
its name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QItemSelection, QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import organisations
from app.services.menu import catalogue, reads
from app.services.menu.catalogue import ItemDetail, ItemInput, SeriesInput, SeriesRow
from app.services.menu.reads import ItemEntry
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.labels import QT_TRANSLATE_NOOP
from ui.people.tag_list import BigIndicatorStyle
from ui.settings.common import INACTIVE_COLOUR, ActiveLinesModel, hint
from ui.settings.list_editor import write_or_say
from ui.style import (
    configure_table,
    dialog_width,
    fit_columns,
    make_primary,
    update_table_metrics,
)
from ui.widgets import button, plain

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.security import Actor

T = TypeVar("T")
PREFIX = "settings.menu"


class MenuItemTableModel(ActiveLinesModel[ItemEntry]):
    """A series' items in menu order: name, who it is for, active or not (greyed, and in words)."""

    CONTEXT = "MenuItemTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("MenuItemTableModel", "Item"),
        QT_TRANSLATE_NOOP("MenuItemTableModel", "For"),
        QT_TRANSLATE_NOOP("MenuItemTableModel", "Status"),
    )

    def texts(self, line: ItemEntry) -> tuple[str, ...]:
        return (
            line.name,
            line.audience or line.rule,
            self.tr("Active") if line.active else self.tr("Inactive"),
        )


def _digits(parent: QWidget, width_chars: int) -> QLineEdit:
    """A whole-number field that may stay empty (no limit / no default); up to 4 digits, so the
    service, not the field, says what is out of range."""
    field = QLineEdit(parent)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), field))
    field.setMaxLength(4)
    field.setAlignment(Qt.AlignmentFlag.AlignRight)
    field.setProperty("width_chars", width_chars)
    return field


def _number(field: QLineEdit) -> int | None:
    text = field.text().strip()
    return int(text) if text else None


class MenuCatalogueEditor(QWidget):
    """`settings.menu`: the series list (`.series`) with its editor (`.seriesName`,
    `.seriesDescription`, `.seriesActive`, `.saveSeries`), the items table (`.items`) with
    `.up`/`.down`/`.new`, the item editor (`.name`, `.description`, `.audience`, `.minAge`,
    `.maxAge`, `.withParent`, `.defaultCapacity`, `.defaultMinutes`, `.organisation`,
    `.volunteer`, `.active`, `.save`) and the message line (`.message`)."""

    changed = Signal()  # a series or an item was saved or moved

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(PREFIX)
        self._context = context
        self._series_rows: list[SeriesRow] = []
        self._editing: int | None = None  # the item in the editor; None: a new one
        self._series_fields = FieldMessages()
        self._fields = FieldMessages()
        self._message_rows: dict[int, QVBoxLayout] = {}  # the item editor's rows of messages

        self._message = StatusLine(f"{PREFIX}.message", self)
        series_box = self._build_series_box()
        items_box = self._build_items_box()
        self._editor = self._build_item_editor()

        right = QVBoxLayout()
        right.addWidget(items_box)
        right.addWidget(self._editor, 1)
        body = QHBoxLayout()
        body.addWidget(series_box)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            hint(
                self.tr(
                    "The menu has five series. Choose one to rename it or to see its items; "
                    "items are never deleted: one no longer offered is set inactive."
                ),
                self,
            )
        )
        layout.addWidget(self._message)
        layout.addLayout(body, 1)
        self._fit()
        self.reload()

    # ---- building ---------------------------------------------------------------------------

    def _build_series_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Series"), self)
        box.setObjectName(f"{PREFIX}.seriesBox")
        self._series_box = box
        self._series_list = QListWidget(box)
        self._series_list.setObjectName(f"{PREFIX}.series")
        self._series_list.setAccessibleName(self.tr("Series"))
        self._series_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._series_list.setWordWrap(True)
        self._series_list.currentRowChanged.connect(self.on_series_chosen)

        self._series_name = QLineEdit(box)
        self._series_name.setMaxLength(catalogue.SERIES_NAME_LENGTH)
        self._series_name.returnPressed.connect(self.on_save_series_clicked)
        self._series_description = QPlainTextEdit(box)
        self._series_description.setTabChangesFocus(True)
        self._series_active = self._check(
            self.tr("&Visible on the menu"), f"{PREFIX}.seriesActive", box
        )
        save = button(self.tr("Save se&ries"), f"{PREFIX}.saveSeries", box)
        save.clicked.connect(self.on_save_series_clicked)

        form = QVBoxLayout()
        for field, text, widget, name in (
            ("name", self.tr("Series na&me:"), self._series_name, "seriesName"),
            (
                "description",
                self.tr("Series descripti&on:"),
                self._series_description,
                "seriesDescription",
            ),
        ):
            label = QLabel(text, box)
            label.setBuddy(widget)
            label.setWordWrap(True)
            widget.setObjectName(f"{PREFIX}.{name}")
            widget.setAccessibleName(plain(text))
            message = FieldMessage(f"{PREFIX}.{name}.message", box)
            self._series_fields.add(field, widget, message)
            form.addWidget(label)
            form.addWidget(widget)
            form.addWidget(message)
        form.addWidget(self._series_active, 0, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(box)
        layout.addWidget(self._series_list)
        layout.addLayout(form)
        layout.addStretch(1)
        return box

    def _build_items_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Items of the series"), self)
        box.setObjectName(f"{PREFIX}.itemsBox")
        self._model = MenuItemTableModel(self)
        self._items = QTableView(box)
        self._items.setObjectName(f"{PREFIX}.items")
        self._items.setAccessibleName(self.tr("Items of the series"))
        self._items.setModel(self._model)
        configure_table(self._items)
        self._items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._items.setTabKeyNavigation(False)
        self._items.selectionModel().selectionChanged.connect(self.on_item_selection_changed)
        fit_columns(self._items, stretch=0)

        self._up = button(self.tr("↑ Move &up"), f"{PREFIX}.up", box)
        self._up.clicked.connect(self.on_up_clicked)
        self._down = button(self.tr("↓ Move do&wn"), f"{PREFIX}.down", box)
        self._down.clicked.connect(self.on_down_clicked)
        self._new = button(self.tr("New &item"), f"{PREFIX}.new", box)
        self._new.clicked.connect(self.on_new_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self._new)
        buttons.addWidget(self._up)
        buttons.addWidget(self._down)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self._items, 1)
        layout.addLayout(buttons)
        return box

    def _build_item_editor(self) -> QGroupBox:
        box = QGroupBox(self.tr("Item"), self)
        box.setObjectName(f"{PREFIX}.editor")
        self._name = QLineEdit(box)
        self._name.setMaxLength(catalogue.NAME_LENGTH)
        self._name.setPlaceholderText(self.tr("e.g. 长者太极拳"))
        self._description = QPlainTextEdit(box)
        self._description.setTabChangesFocus(True)
        self._audience = QLineEdit(box)
        self._audience.setMaxLength(catalogue.AUDIENCE_LENGTH)
        self._audience.setPlaceholderText(self.tr("words printed on the menu, e.g. 60岁以上长者"))
        self._min_age = _digits(box, 4)
        self._max_age = _digits(box, 4)
        for age in (self._min_age, self._max_age):
            age.setPlaceholderText(self.tr("no limit"))
        self._capacity = _digits(box, 5)
        self._minutes = _digits(box, 5)
        self._organisation = QComboBox(box)
        self._organisation.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._with_parent = self._check(
            self.tr("Parent and child (亲子): a parent comes along"), f"{PREFIX}.withParent", box
        )
        self._volunteer = self._check(
            self.tr("Volunteer service (counts towards service hours)"),
            f"{PREFIX}.volunteer",
            box,
        )
        self._active = self._check(self.tr("&Active (on the menu)"), f"{PREFIX}.active", box)
        self._record = QLabel(box)
        self._record.setObjectName(f"{PREFIX}.record")
        self._record.setWordWrap(True)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0
        row = self._row(grid, row, "name", self.tr("&Name:"), self._name, box)
        row = self._row(grid, row, "description", self.tr("D&escription:"), self._description, box)
        row = self._row(grid, row, "audience", self.tr("For (&printed):"), self._audience, box)

        ages = QHBoxLayout()
        age_to = QLabel(self.tr("to"), box)
        age_to.setBuddy(self._max_age)
        ages.addWidget(self._min_age)
        ages.addWidget(age_to)
        ages.addWidget(self._max_age)
        ages.addWidget(QLabel(self.tr("years of age"), box))
        ages.addStretch(1)
        row = self._row(grid, row, "min_age", self.tr("A&ge from:"), self._min_age, box, ages)
        self._add_field("max_age", self.tr("Age to"), self._max_age, grid, row - 2, box)
        # A tick box as wide as its words: a click beside them would miss it.
        left = Qt.AlignmentFlag.AlignLeft
        grid.addWidget(self._with_parent, row, 1, left)
        row += 1

        for field, text, widget, unit in (
            ("default_capacity", self.tr("Default &capacity:"), self._capacity, self.tr("seats")),
            ("default_minutes", self.tr("Default dura&tion:"), self._minutes, self.tr("minutes")),
        ):
            inner = QHBoxLayout()
            inner.addWidget(widget)
            inner.addWidget(QLabel(unit, box))
            inner.addStretch(1)
            row = self._row(grid, row, field, text, widget, box, inner)
        row = self._row(
            grid, row, "organisation_id", self.tr("Provi&der:"), self._organisation, box
        )
        grid.addWidget(self._volunteer, row, 1, left)
        grid.addWidget(self._active, row + 1, 1, left)

        self._save = button(self.tr("&Save item"), f"{PREFIX}.save", box)
        make_primary(self._save)
        self._save.clicked.connect(self.on_save_clicked)
        # Save on top, as in the other editors of Settings: reached without scrolling.
        actions = QHBoxLayout()
        actions.addWidget(self._save)
        actions.addWidget(self._record, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(actions)
        layout.addLayout(grid)
        layout.addStretch(1)
        return box

    def _check(self, text: str, name: str, parent: QWidget) -> QCheckBox:
        box = QCheckBox(text, parent)
        box.setObjectName(name)
        box.setAccessibleName(plain(text))
        box.setStyle(BigIndicatorStyle(box))  # a tick box as big as the text
        return box

    def _row(
        self,
        grid: QGridLayout,
        row: int,
        field: str,
        text: str,
        widget: QWidget,
        parent: QWidget,
        inner: QHBoxLayout | None = None,
    ) -> int:
        """Caption and field on `row`, the field's message under it; the next free row."""
        label = QLabel(text, parent)  # short captions: whole on one line, never "名称\n(N)："
        label.setBuddy(widget)
        # Level with a one-line field; at the top of a taller one.
        grid.addWidget(
            label,
            row,
            0,
            Qt.AlignmentFlag.AlignTop
            if isinstance(widget, QPlainTextEdit)
            else Qt.AlignmentFlag.AlignVCenter,
        )
        if inner is not None:
            grid.addLayout(inner, row, 1)
        else:
            grid.addWidget(widget, row, 1)
        return self._add_field(field, plain(text), widget, grid, row, parent)

    def _add_field(
        self, field: str, name: str, widget: QWidget, grid: QGridLayout, row: int, parent: QWidget
    ) -> int:
        """Name `widget` `settings.menu.<field in camelCase>` and give it a message under `row`
        (several fields of one row stack their messages there)."""
        suffix = _camel(field)
        widget.setObjectName(f"{PREFIX}.{suffix}")
        widget.setAccessibleName(name)
        if isinstance(widget, QLineEdit):
            widget.returnPressed.connect(self.on_save_clicked)
        message = FieldMessage(f"{PREFIX}.{suffix}.message", parent)
        stack = self._message_rows.get(row)
        if stack is None:
            stack = self._message_rows[row] = QVBoxLayout()
            stack.setContentsMargins(0, 0, 0, 0)
            grid.addLayout(stack, row + 1, 1)
        stack.addWidget(message)
        self._fields.add(field, widget, message)
        return row + 2

    # ---- what tests and the desks use ------------------------------------------------------

    def reload(self) -> None:
        """Read the series, the organisations and the chosen series' items again, the chosen
        series and item still chosen (another desk may have changed them meanwhile)."""
        chosen = self.current_series_id()
        item_id = self.selected_item_id()
        rows = self._read(lambda session, actor: catalogue.list_series(session, actor))
        if rows is None:
            return
        self._series_rows = rows
        self._series_list.blockSignals(True)
        self._series_list.clear()
        for series in rows:
            text = (
                series.name
                if series.active
                else self.tr("%1 (inactive)").replace("%1", series.name)
            )
            item = QListWidgetItem(text, self._series_list)
            item.setData(Qt.ItemDataRole.UserRole, series.id)
            if not series.active:
                item.setForeground(QColor(INACTIVE_COLOUR))
        self._series_list.blockSignals(False)
        ids = [series.id for series in rows]
        self._series_list.setCurrentRow(ids.index(chosen) if chosen in ids else 0)
        if item_id is not None:
            self.select_item(item_id)
        self._fit()

    def show_series(self, series_id: int) -> None:
        ids = [series.id for series in self._series_rows]
        self._series_list.setCurrentRow(ids.index(series_id))

    def current_series_id(self) -> int | None:
        item = self._series_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def item_names(self) -> list[str]:
        """The chosen series' items as listed, in menu order."""
        return [line.name for line in self._model.lines()]

    def items_model(self) -> MenuItemTableModel:
        return self._model

    def select_item(self, item_id: int) -> bool:
        for row, line in enumerate(self._model.lines()):
            if line.id == item_id:
                self._items.selectRow(row)
                self._items.scrollTo(self._model.index(row, 0))
                return True
        return False

    def selected_item_id(self) -> int | None:
        rows = self._items.selectionModel().selectedRows()
        return self._model.line(rows[0].row()).id if rows else None

    def editing_item_id(self) -> int | None:
        return self._editing

    def new_item(self) -> None:
        """An empty editor for a new item of the chosen series."""
        self._items.clearSelection()
        self._fill(None, None)
        self._name.setFocus()

    def field(self, name: str) -> QWidget:
        """An editor field by the service's field name (series fields: `series.<name>`)."""
        fields, key = (
            (self._series_fields, name.removeprefix("series."))
            if name.startswith("series.")
            else (self._fields, name)
        )
        widget = fields.widget(key)
        assert widget is not None, name
        return widget

    def field_message(self, field: str) -> str:
        if field.startswith("series."):
            return self._series_fields.text(field.removeprefix("series."))
        return self._fields.text(field)

    def last_message(self) -> str:
        return self._message.message()

    def record_text(self) -> str:
        return self._record.text()

    def set_organisation(self, organisation_id: int | None) -> None:
        self._organisation.setCurrentIndex(max(0, self._organisation.findData(organisation_id)))

    def save_item(self) -> bool:
        """Save the editor (a new item or the chosen one); False when refused (said beside the
        field)."""
        series_id = self.current_series_id()
        if series_id is None:
            return False
        data = ItemInput(
            series_id,
            self._name.text(),
            self._description.toPlainText(),
            self._audience.text(),
            _number(self._min_age),
            _number(self._max_age),
            self._with_parent.isChecked(),
            _number(self._capacity),
            _number(self._minutes),
            self._organisation.currentData(),
            self._volunteer.isChecked(),
            self._active.isChecked(),
        )
        item_id = self._editing
        if item_id is None:
            detail = self._write(
                self._fields, lambda session, actor: catalogue.create_item(session, actor, data)
            )
        else:
            detail = self._write(
                self._fields,
                lambda session, actor: catalogue.update_item(session, actor, item_id, data),
            )
        if detail is None:
            return False
        self._after_item_write(detail)
        self._message.show_info(self.tr("Item “%1” saved.").replace("%1", detail.name))
        return True

    def move_item(self, offset: int) -> bool:
        """Move the chosen item one place up (-1) or down (+1)."""
        item_id = self.selected_item_id()
        if item_id is None:
            self._message.show_error(self.tr("First choose an item in the list."))
            return False
        detail = self._write(
            self._fields,
            lambda session, actor: catalogue.move_item(session, actor, item_id, offset),
        )
        if detail is None:
            return False
        self._after_item_write(detail)
        self._items.setFocus()
        return True

    def save_series(self) -> bool:
        series_id = self.current_series_id()
        if series_id is None:
            return False
        data = SeriesInput(
            self._series_name.text(),
            self._series_description.toPlainText(),
            self._series_active.isChecked(),
        )
        row = self._write(
            self._series_fields,
            lambda session, actor: catalogue.update_series(session, actor, series_id, data),
        )
        if row is None:
            return False
        self.reload()
        self._message.show_info(self.tr("Series “%1” saved.").replace("%1", row.name))
        self._context.data_changed()
        self.changed.emit()
        return True

    # ---- slots ------------------------------------------------------------------------------

    @Slot(int)
    def on_series_chosen(self, row: int) -> None:
        if not 0 <= row < len(self._series_rows):
            return
        series = self._series_rows[row]
        self._series_fields.clear()
        self._series_name.setText(series.name)
        self._series_description.setPlainText(series.description)
        self._series_active.setChecked(series.active)
        self._load_items(None)

    @Slot(QItemSelection, QItemSelection)
    def on_item_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        item_id = self.selected_item_id()
        self._update_buttons()
        if item_id is None or item_id == self._editing:
            return
        detail = self._read(lambda session, actor: catalogue.item_detail(session, actor, item_id))
        if detail is not None:
            self._fill(item_id, detail)

    @Slot()
    def on_new_clicked(self) -> None:
        self.new_item()

    @Slot()
    def on_up_clicked(self) -> None:
        self.move_item(-1)

    @Slot()
    def on_down_clicked(self) -> None:
        self.move_item(+1)

    @Slot()
    def on_save_clicked(self) -> None:
        self.save_item()

    @Slot()
    def on_save_series_clicked(self) -> None:
        self.save_series()

    # ---- inside -----------------------------------------------------------------------------

    def _read(self, call: Callable[[Session, Actor], T]) -> T | None:
        try:
            return self._context.run(call, write=False)
        except DomainError as error:
            self._message.show_error(error.message)
            return None

    def _write(self, fields: FieldMessages, call: Callable[[Session, Actor], T]) -> T | None:
        """Save through the service; None when refused, the reason beside the field it names
        (or on the message line)."""
        self._series_fields.clear()
        self._fields.clear()
        return write_or_say(self._context, fields, self._message, call)

    def _after_item_write(self, detail: ItemDetail) -> None:
        self._editing = None  # so choosing it again below fills the editor afresh
        self._load_items(detail.id)
        self._context.data_changed()
        self.changed.emit()

    def _load_items(self, select: int | None) -> None:
        """The chosen series' items (inactive ones too): `select` chosen and in the editor, or
        else the editor empty for a new item."""
        series_id = self.current_series_id()
        tree = self._read(
            lambda session, actor: reads.menu_tree(session, actor, include_inactive=True)
        )
        entries = [entry.items for entry in (tree or []) if entry.id == series_id]
        self._model.set_lines(entries[0] if entries else [])
        fit_columns(self._items, stretch=0)
        self._editing = None
        if select is None or not self.select_item(select):
            self._items.clearSelection()
            self._fill(None, None)
        self._update_buttons()

    def _fill(self, item_id: int | None, detail: ItemDetail | None) -> None:
        self._editing = item_id
        self._fields.clear()
        self._load_organisations(detail)
        if detail is None:
            series = self._current_series()
            self._editor.setTitle(
                self.tr("New item in %1").replace("%1", series.name if series else "")
            )
            data = ItemInput(series.id if series else 0, "")
            self._record.setText("")
        else:
            self._editor.setTitle(self.tr("Item: %1").replace("%1", detail.name))
            data = detail.input()
            self._record.setText(
                self.tr("%1 sessions to come; %2 signups this year.")
                .replace("%1", str(detail.upcoming_sessions))
                .replace("%2", str(detail.signups_this_year))
            )
        self._name.setText(data.name)
        self._description.setPlainText(data.description)
        self._audience.setText(data.audience)
        for field, value in (
            (self._min_age, data.min_age),
            (self._max_age, data.max_age),
            (self._capacity, data.default_capacity),
            (self._minutes, data.default_minutes),
        ):
            field.setText("" if value is None else str(value))
        self._with_parent.setChecked(data.with_parent)
        self.set_organisation(data.organisation_id)
        self._volunteer.setChecked(data.is_volunteer_service)
        self._active.setChecked(data.active)
        self._save.setText(self.tr("&Save item") if detail else self.tr("&Save new item"))

    def _load_organisations(self, detail: ItemDetail | None) -> None:
        """No provider, then the active organisations; the item's own provider too when it has
        since been set inactive (so saving keeps it)."""
        rows = self._read(
            lambda session, actor: organisations.list_organisations(
                session, actor, include_inactive=False
            )
        )
        self._organisation.clear()
        self._organisation.addItem(self.tr("(none: the centre itself)"), None)
        for organisation in rows or []:
            self._organisation.addItem(organisation.name, organisation.id)
        if (
            detail is not None
            and detail.organisation_id is not None
            and self._organisation.findData(detail.organisation_id) < 0
        ):
            self._organisation.addItem(
                self.tr("%1 (inactive)").replace("%1", detail.organisation),
                detail.organisation_id,
            )

    def _current_series(self) -> SeriesRow | None:
        row = self._series_list.currentRow()
        return self._series_rows[row] if 0 <= row < len(self._series_rows) else None

    def _update_buttons(self) -> None:
        rows = self._items.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        self._up.setEnabled(row > 0)
        self._down.setEnabled(0 <= row < self._model.rowCount() - 1)

    def _fit(self) -> None:
        """Widths from the font: the series column as wide as the longest name (at most 10
        characters, longer ones wrap; at least 5), number fields a few digits wide; the series
        list as tall as its five rows."""
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        names = [self._series_list.item(i).text() for i in range(self._series_list.count())]
        wide = metrics.horizontalAdvance("文")
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        column = max(min(widest, wide * 10), wide * 5) + char * 6
        # As wide as the tick box's words too (they can't wrap).
        column = max(column, self._series_active.sizeHint().width() + char * 3)
        self._series_box.setFixedWidth(column)
        rows = max(5, self._series_list.count())
        self._series_list.setFixedHeight(
            rows * (self._series_list.sizeHintForRow(0) if names else metrics.height() * 2)
            + self._series_list.frameWidth() * 2
            + 4
        )
        self._series_list.setStyleSheet(
            f"QListWidget::item {{ min-height: {metrics.height() * 2}px; padding: 0 {char}px; }}"
        )
        for field in (self._min_age, self._max_age, self._capacity, self._minutes):
            field.setFixedWidth(char * int(field.property("width_chars")) + char * 3)
        lines = metrics.lineSpacing()
        self._series_description.setFixedHeight(lines * 4 + 12)
        self._description.setFixedHeight(lines * 3 + 12)
        self._items.setMinimumHeight(round(lines * 1.6 * 5))
        for widget in (self._series_description, self._description):
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_items"):
            update_table_metrics(self._items)
            fit_columns(self._items, stretch=0)
            self._fit()


class MenuCatalogueDialog(QDialog):
    """`menu.catalogue`: the editor in a window of its own, for the Service menu desk (staff reach
    Settings only as admins). Not modal: the desk behind stays usable; Esc or Close shuts it."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.catalogue")
        self.setWindowTitle(self.tr("Series and items of the menu"))
        self.editor = MenuCatalogueEditor(context, self)
        # Taller than a 768-pixel screen in the large text size: the editor scrolls.
        scroll = QScrollArea(self)
        scroll.setObjectName("menu.catalogue.scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into the editor itself
        scroll.setWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("menu.catalogue.close")
        close.setAccessibleName(plain(close.text()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        available = self.screen().availableGeometry() if self.screen() else None
        width = dialog_width(self, 56)
        height = self.fontMetrics().height() * 40
        if available is not None:
            height = min(height, available.height() * 9 // 10)
        self.resize(width, height)


def _camel(field: str) -> str:
    """default_capacity → defaultCapacity; organisation_id → organisation."""
    if field == "organisation_id":
        return "organisation"
    first, *rest = field.split("_")
    return first + "".join(word.capitalize() for word in rest)
