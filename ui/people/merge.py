"""Merging two records of one person (a duplicate registered twice): choose the other record,
compare them side by side, choose which one to keep, tick that they are the same person, merge.

The kept record receives the other one's visits, signups, hours, certificates and requests, and
fills its empty fields from it; the other one is retired (kept as a pointer, out of the register).
Only staff and administrators may merge: the desk disables the action for a desk volunteer, and
the service refuses anyway. The service writes the audit entry.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import people, search
from app.services.people import PersonDetail
from app.services.search import PersonHit
from ui import style
from ui.context import DeskContext
from ui.labels import QT_TRANSLATE_NOOP
from ui.people.models import _Table, format_hours, gender_name, tag_list
from ui.people.tag_list import BigIndicatorStyle

_Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 20


class MergeSummaryModel(_Table):
    """The two records side by side, one field a row; a row whose values differ says so."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PeopleModels", "Field"),
        QT_TRANSLATE_NOOP("PeopleModels", "Record kept"),
        QT_TRANSLATE_NOOP("PeopleModels", "Record merged into it"),
        QT_TRANSLATE_NOOP("PeopleModels", "Same?"),
    )
    ROWS = (
        QT_TRANSLATE_NOOP("PeopleModels", "Name"),
        QT_TRANSLATE_NOOP("PeopleModels", "Member code"),
        QT_TRANSLATE_NOOP("PeopleModels", "Gender, born"),
        QT_TRANSLATE_NOOP("PeopleModels", "Phone"),
        QT_TRANSLATE_NOOP("PeopleModels", "ID number"),
        QT_TRANSLATE_NOOP("PeopleModels", "Community · building group"),
        QT_TRANSLATE_NOOP("PeopleModels", "Address"),
        QT_TRANSLATE_NOOP("PeopleModels", "Tags"),
        QT_TRANSLATE_NOOP("PeopleModels", "History"),
    )
    COMPARED = frozenset(range(2, 8))  # rows where a difference matters (not name, code, …)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kept: PersonDetail | None = None
        self._dropped: PersonDetail | None = None

    def set_records(self, kept: PersonDetail | None, dropped: PersonDetail | None) -> None:
        self.beginResetModel()
        self._kept, self._dropped = kept, dropped
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ROWS)

    def values(self, detail: PersonDetail | None) -> list[str]:
        if detail is None:
            return [""] * len(self.ROWS)
        person = detail.person
        born = str(person.birth_year) if person.birth_year else ""
        history = (
            QCoreApplication.translate(
                "PeopleModels", "%1 visits · %2 signups · %3 certificates · %4 h volunteering"
            )
            .replace("%1", str(len(detail.visits)))
            .replace("%2", str(len(detail.signups)))
            .replace("%3", str(len(detail.certificates)))
            .replace("%4", format_hours(detail.service_hours))
        )
        return [
            person.name,
            person.member_code,
            " · ".join(part for part in (gender_name(person.gender), born) if part),
            person.phone_masked,
            person.id_masked,
            " · ".join(part for part in (person.community, person.building_group) if part),
            person.address,
            tag_list(person.tags),
            history,
        ]

    def _differs(self, row: int) -> bool:
        if self._kept is None or self._dropped is None or row not in self.COMPARED:
            return False
        kept, dropped = self.values(self._kept)[row], self.values(self._dropped)[row]
        return bool(kept and dropped and kept != dropped)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ROWS):
            return None
        row, column = index.row(), index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            if column == 0:
                return QCoreApplication.translate("PeopleModels", self.ROWS[row])
            if column == 1:
                return self.values(self._kept)[row]
            if column == 2:
                return self.values(self._dropped)[row]
            if self._differs(row):
                return QCoreApplication.translate("PeopleModels", "different")
            return ""
        if role == Qt.ItemDataRole.FontRole and (column == 0 or self._differs(row)):
            font = QFont()
            font.setBold(True)
            return font
        return None


class MergeDialog(QDialog):
    """Merge another record into the one the desk shows (or, swapped, this one into it)."""

    merged = Signal(int, int)  # kept person id, dropped person id

    def __init__(self, context: DeskContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people.mergeDialog")
        self.setWindowTitle(self.tr("Merge two records of one person"))
        self.setAccessibleName(self.windowTitle())
        self._context = context
        self._this: PersonDetail | None = None
        self._other: PersonDetail | None = None
        self._keep_this = True
        self._hits: list[PersonHit] = []

        self.intro = QLabel(self)
        self.intro.setObjectName("people.mergeIntro")
        self.intro.setWordWrap(True)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("people.mergeSearch")
        self.search_edit.setAccessibleName(self.tr("Find the other record"))
        self.search_edit.setPlaceholderText(
            self.tr("Name, pinyin, last 4 phone digits or member code")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.on_search_text_changed)
        self.search_edit.installEventFilter(self)
        search_label = QLabel(self.tr("&Other record:"), self)
        search_label.setBuddy(self.search_edit)
        self.results = QListWidget(self)
        self.results.setObjectName("people.mergeResults")
        self.results.setAccessibleName(self.tr("Records found"))
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.currentRowChanged.connect(self.on_results_current_row_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.on_search_timer_timeout)

        self.summary_model = MergeSummaryModel(self)
        self.summary = QTableView(self)
        self.summary.setObjectName("people.mergeSummary")
        self.summary.setAccessibleName(self.tr("The two records side by side"))
        self.summary.setModel(self.summary_model)
        style.configure_table(self.summary)
        self.summary.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.summary.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.summary.setWordWrap(True)
        header = self.summary.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        self.swap_button = QPushButton(self.tr("&Keep the other record instead"), self)
        self.swap_button.setObjectName("people.mergeSwap")
        self.swap_button.setAccessibleName(self.tr("Swap which record is kept"))
        self.swap_button.clicked.connect(self.on_swap_clicked)
        self.consequence = QLabel(self)
        self.consequence.setObjectName("people.mergeConsequence")
        self.consequence.setWordWrap(True)
        self.confirm_box = QCheckBox(
            self.tr("I have checked: these two records are the same person"), self
        )
        self.confirm_box.setObjectName("people.mergeChecked")
        self.confirm_box.setAccessibleName(self.tr("The two records are the same person"))
        self.confirm_box.setStyle(BigIndicatorStyle(self))  # a tick box as big as its text
        self.confirm_box.toggled.connect(self.on_confirm_toggled)
        self.message = QLabel(self)
        self.message.setObjectName("people.mergeMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        self.merge_button = QPushButton(self.tr("&Merge"), self)
        self.merge_button.setObjectName("people.mergeConfirm")
        self.merge_button.setAccessibleName(self.tr("Merge the two records"))
        style.make_primary(self.merge_button)
        self.merge_button.setAutoDefault(False)
        self.merge_button.clicked.connect(self.on_merge_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.setObjectName("people.mergeCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(search_label)
        left.addWidget(self.search_edit)
        left.addWidget(self.results, 1)
        right = QVBoxLayout()
        right.addWidget(self.summary, 1)
        right.addWidget(self.consequence)
        right.addWidget(self.confirm_box)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addSpacing(self.fontMetrics().height())
        columns.addLayout(right, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.swap_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self._this = self._read(person_id)
        self._update()
        self.search_edit.setFocus()

    # --- reading -----------------------------------------------------------------------

    def _read(self, person_id: int) -> PersonDetail | None:
        try:
            return self._context.run(
                lambda session, actor: people.get(session, actor, person_id), write=False
            )
        except DomainError as error:
            self._say(error.message)
        return None

    def search(self, typed: str) -> list[PersonHit]:
        """Show the records matching `typed` (this one left out); the hits shown."""
        this_id = self._this.person.id if self._this is not None else None
        try:
            found = self._context.run(
                lambda session, _actor: search.search_people(
                    session, typed, limit=SEARCH_LIMIT + 1
                ),
                write=False,
            )
        except DomainError as error:
            self._say(error.message)
            found = []
        self._hits = [hit for hit in found if hit.id != this_id][:SEARCH_LIMIT]
        self.results.blockSignals(True)
        self.results.clear()
        for hit in self._hits:
            place = " · ".join(part for part in (hit.community, hit.building_group) if part)
            first = "  ".join(part for part in (hit.name, hit.member_code) if part)
            second = "  ".join(part for part in (hit.phone_masked, place) if part)
            item = QListWidgetItem(f"{first}\n{second}" if second else first, self.results)
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
        self.results.setCurrentRow(-1)
        self.results.blockSignals(False)
        return list(self._hits)

    # --- choosing ----------------------------------------------------------------------

    def this_id(self) -> int | None:
        return self._this.person.id if self._this is not None else None

    def other_id(self) -> int | None:
        return self._other.person.id if self._other is not None else None

    def keep_id(self) -> int | None:
        kept = self._this if self._keep_this else self._other
        return kept.person.id if kept is not None else None

    def drop_id(self) -> int | None:
        dropped = self._other if self._keep_this else self._this
        return dropped.person.id if dropped is not None else None

    def choose_other(self, person_id: int) -> bool:
        """Compare with this record; False when it can't be (itself, or not readable)."""
        if person_id == self.this_id():
            return False
        other = self._read(person_id)
        if other is None:
            return False
        self._other = other
        self._say("")
        self.confirm_box.setChecked(False)
        self._update()
        return True

    def swap(self) -> None:
        """Keep the other record instead (or this one again)."""
        self._keep_this = not self._keep_this
        self.confirm_box.setChecked(False)
        self._update()

    def set_confirmed(self, confirmed: bool) -> None:
        self.confirm_box.setChecked(confirmed)

    def _update(self) -> None:
        kept = self._this if self._keep_this else self._other
        dropped = self._other if self._keep_this else self._this
        self.summary_model.set_records(kept, dropped)
        self.summary.resizeRowsToContents()
        this = self._this.person if self._this is not None else None
        if this is not None:
            self.intro.setText(
                self.tr(
                    "The same person registered twice? Find the other record of %1 (%2), "
                    "compare the two, and choose the one to keep."
                )
                .replace("%1", this.name)
                .replace("%2", this.member_code)
            )
        ready = kept is not None and dropped is not None
        self.swap_button.setEnabled(ready)
        self.confirm_box.setEnabled(ready)
        if kept is not None and dropped is not None:
            self.consequence.setText(
                self.tr(
                    "%1 (%2) is kept and receives the visits, signups, hours, certificates and "
                    "requests of %3 (%4); its empty fields are filled from that record. "
                    "%3 (%4) leaves the register. This can't be undone."
                )
                .replace("%1", kept.person.name)
                .replace("%2", kept.person.member_code)
                .replace("%3", dropped.person.name)
                .replace("%4", dropped.person.member_code)
            )
        else:
            self.consequence.setText(self.tr("First find and choose the other record."))
        self.merge_button.setEnabled(ready and self.confirm_box.isChecked())

    def _say(self, text: str) -> None:
        self.message.setText(style.paragraph_html(text, colour=style.ERROR_COLOUR))
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))
        if text:
            style.grow_to_fit(self)

    def message_text(self) -> str:
        return "" if self.message.isHidden() else self.message.accessibleName()

    # --- merging -----------------------------------------------------------------------

    def merge(self) -> bool:
        """Merge as chosen; True when done (`merged` emitted, the dialog accepted)."""
        keep_id, drop_id = self.keep_id(), self.drop_id()
        if keep_id is None or drop_id is None:
            return False
        try:
            self._context.run(
                lambda session, actor: people.merge(session, actor, keep_id, drop_id), write=True
            )
        except DomainError as error:
            self._say(error.message)
            return False
        self.merged.emit(keep_id, drop_id)
        self.accept()
        return True

    # --- slots -------------------------------------------------------------------------

    def on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def on_search_timer_timeout(self) -> None:
        self.search(self.search_edit.text())

    def on_results_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._hits):
            self.choose_other(self._hits[row].id)

    def on_swap_clicked(self) -> None:
        self.swap()

    def on_confirm_toggled(self, checked: bool) -> None:
        ready = self.keep_id() is not None and self.drop_id() is not None
        self.merge_button.setEnabled(ready and checked)

    def on_merge_clicked(self) -> None:
        self.merge()

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # Down from the search box goes to the records found.
        if (
            watched is self.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.results.count()
        ):
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            screen = self.screen()
            if screen is not None:
                available = screen.availableGeometry().size()
                hint = self.sizeHint()
                self.resize(
                    min(available.width(), max(hint.width(), available.width() * 9 // 10)),
                    min(available.height(), max(hint.height(), available.height() * 9 // 10)),
                )
