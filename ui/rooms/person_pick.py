"""A resident found the way Reception finds a visitor: the same search (`search.find_people`:
phone tail, name, pinyin initials, member code) and the same results model, in a compact list.

Up and Down move the highlighted result, Enter takes it; the person taken is named under the box.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.errors import DomainError
from app.services import search
from app.services.search import PersonHit, SearchResult
from ui import style
from ui.context import DeskContext
from ui.reception.models import ResultsModel

VISIBLE_ROWS = 4


class PersonPicker(QWidget):
    """Search box, up to a few results, and the person chosen ("" until one is)."""

    chosen = Signal(int)  # person id

    def __init__(
        self,
        context: DeskContext,
        object_name: str,
        parent: QWidget | None = None,
        *,
        rows: int = VISIBLE_ROWS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._context = context
        self._rows = rows  # results shown without scrolling
        self._person: tuple[int, str] | None = None
        self.model = ResultsModel(self)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName(f"{object_name}.search")
        self.search_box.setAccessibleName(self.tr("Find the resident"))
        self.search_box.setPlaceholderText(
            self.tr("Last 4 digits of the phone, name or pinyin initials")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.on_search_text_changed)
        self.search_box.installEventFilter(self)
        self.results = QTableView(self)
        self.results.setObjectName(f"{object_name}.results")
        self.results.setAccessibleName(self.tr("Residents found"))
        style.configure_table(self.results)
        self.results.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.results.setTabKeyNavigation(False)
        self.results.setModel(self.model)
        header = self.results.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ResultsModel.PLACE, QHeaderView.ResizeMode.Stretch)
        for column in (ResultsModel.MEMBER_CODE, ResultsModel.LAST_VISIT):
            self.results.setColumnHidden(column, True)
        self.results.doubleClicked.connect(self.on_results_double_clicked)
        self.results.installEventFilter(self)
        self.results.setVisible(False)
        self.chosen_label = QLabel(self)
        self.chosen_label.setObjectName(f"{object_name}.chosen")
        self.chosen_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen_label)
        self.setFocusProxy(self.search_box)
        self._update_chosen()
        self._fit()

    # --- the person -----------------------------------------------------------------------

    def person_id(self) -> int | None:
        return self._person[0] if self._person else None

    def person_name(self) -> str:
        return self._person[1] if self._person else ""

    def set_person(self, person_id: int | None, name: str = "") -> None:
        self._person = (person_id, name) if person_id is not None else None
        self._update_chosen()

    def take_highlighted(self) -> bool:
        hit = self.model.current_hit()
        if hit is None:
            return False
        self._take(hit)
        return True

    def _take(self, hit: PersonHit) -> None:
        self._person = (hit.id, hit.name)
        self._update_chosen()
        self.results.setVisible(False)
        self.chosen.emit(hit.id)

    def _update_chosen(self) -> None:
        if self._person is None:
            text = self.tr("Resident: not chosen yet (search, then Enter)")
        else:
            text = self.tr("Resident: %1").replace("%1", self._person[1])
        self.chosen_label.setText(text)
        self.chosen_label.setAccessibleName(text)

    # --- searching ------------------------------------------------------------------------

    def _search(self, typed: str) -> SearchResult:
        if search.search_parameters(typed) is None:
            return SearchResult([])
        try:
            return self._context.run(
                lambda session, actor: search.find_people(session, actor, typed, limit=8),
                write=False,
            )
        except DomainError:
            return SearchResult([])

    def _sync(self) -> None:
        row = self.model.current_row()
        if row < 0:
            self.results.selectionModel().clearSelection()
            return
        index = self.model.index(row, 0)
        self.results.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.results.scrollTo(index)

    def _fit(self) -> None:
        rows = self.results.verticalHeader().defaultSectionSize()
        self.results.setFixedHeight(
            self.results.horizontalHeader().sizeHint().height()
            + rows * self._rows
            + 2 * self.results.frameWidth()
        )

    # --- slots ----------------------------------------------------------------------------

    def on_search_text_changed(self, text: str) -> None:
        found = self._search(text)
        self.model.set_hits(found.hits, text)
        self.results.setVisible(bool(found.hits))
        self._sync()

    def on_results_double_clicked(self, index: object) -> None:
        row = getattr(index, "row", lambda: -1)()
        if 0 <= row < self.model.rowCount():
            self._take(self.model.hit(row))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and watched is self.search_box:
                self.model.set_current_row(
                    self.model.current_row() + (1 if key == Qt.Key.Key_Down else -1)
                )
                self._sync()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.model.rowCount():
                if watched is self.results:
                    self.model.set_current_row(self.results.currentIndex().row())
                if self.take_highlighted():
                    return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            style.update_table_metrics(self.results)
            self._fit()
