"""People (居民档案): the residents' register, a person's record with history, editing,
merging duplicates, member cards; importing and exporting rosters for the administrator.

Three pages in one desk: the register (filters over a table read lazily, a page at a time),
a person's record, and the shared person form (edit, new person). Keyboard: the filter box
has the cursor when the desk opens; ↓ goes into the register, Enter opens the record, Esc
comes back; Ctrl+N new person, Ctrl+E edit, Ctrl+P member card, F5 read again.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.printing import member_card
from app.security import Permission
from app.services import communities, register
from app.services.communities import CommunityRow
from app.services.register import RegisterFilter, SortOrder, TagChoice
from ui import style
from ui.context import DeskContext
from ui.errors import StatusLine, show_domain_error
from ui.pdf_preview import PdfPreviewDialog
from ui.people.detail import PersonDetailView
from ui.people.merge import MergeDialog
from ui.people.models import RegisterModel
from ui.people.person_form import FormMode, PersonForm
from ui.table_export import export_button

log = logging.getLogger(__name__)

FILTER_DELAY_MS = 200  # typing pauses this long before the register is read again

# What each column of the register must show whole, measured in the table's font.
COLUMN_SAMPLES: dict[int, tuple[str, ...]] = {
    RegisterModel.NAME: ("阿依古丽·买买提明", "欧阳小明", "Anna Schmidt"),
    RegisterModel.GENDER: ("女",),
    RegisterModel.BIRTH_YEAR: ("1956",),
    RegisterModel.PHONE: ("138****5678", "021-****5678"),
    RegisterModel.COMMUNITY: ("友邻新村",),
    RegisterModel.BUILDING_GROUP: ("14-15号楼组",),
    RegisterModel.MEMBER_CODE: ("YL000000",),
}

# Dialogs of the roster engineer's modules, opened if they are installed: module, and the
# names tried in it (a function (context, parent) -> QDialog, or a QDialog class).
IMPORT_MODULE = "ui.people.import_dialog"
EXPORT_MODULE = "ui.people.export_dialog"
_IMPORT_NAMES = ("open_import_dialog", "ImportDialog")
_EXPORT_NAMES = ("open_export_dialog", "ExportDialog")


class PeopleDesk(QWidget):
    """The register, a person's record, and the person form, one page at a time."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people")
        self.setAccessibleName(self.tr("People"))
        self._context = context
        self._loaded = False
        self._return_to: QWidget | None = None  # the page the form goes back to
        self._communities: list[CommunityRow] = []
        self._tags: list[TagChoice] = []
        self.preview: PdfPreviewDialog | None = None  # the last member card shown
        self.merge_dialog: MergeDialog | None = None
        self.roster_dialog: QDialog | None = None

        self.model = RegisterModel(context, self)
        self.model.failed.connect(self.on_model_failed)
        self.model.opened.connect(self.on_model_opened)

        self._make_actions()
        self.toolbar = QToolBar(self.tr("People"), self)
        self.toolbar.setObjectName("people.toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self._toolbar_actions():
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setObjectName(f"{action.objectName()}Button")
                button.setAccessibleName(action.text().replace("&", ""))
                button.setAutoRaise(False)  # drawn as a button, not as bare text

        # --- the register page ---
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("people.filter")
        self.filter_edit.setAccessibleName(self.tr("Find in the register"))
        self.filter_edit.setPlaceholderText(
            self.tr("Name, pinyin, last 4 phone digits or member code")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.on_filter_text_changed)
        self.filter_edit.installEventFilter(self)
        filter_label = QLabel(self.tr("&Find:"), self)
        filter_label.setBuddy(self.filter_edit)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.on_filter_timer_timeout)

        self.community_combo = self._combo("people.community", self.tr("Community"))
        self.community_combo.currentIndexChanged.connect(self.on_community_changed)
        self.group_combo = self._combo("people.buildingGroup", self.tr("Building group"))
        self.group_combo.currentIndexChanged.connect(self.on_filter_choice_changed)
        self.tag_combo = self._combo("people.tag", self.tr("Tag"))
        self.tag_combo.currentIndexChanged.connect(self.on_filter_choice_changed)
        self.sort_combo = self._combo("people.sort", self.tr("Order"))
        for order, text in (
            (SortOrder.PINYIN, self.tr("By name (pinyin)")),
            (SortOrder.MEMBER_CODE, self.tr("By member code")),
            (SortOrder.NEWEST, self.tr("Newest first")),
        ):
            self.sort_combo.addItem(text, order.value)
        self.sort_combo.currentIndexChanged.connect(self.on_filter_choice_changed)
        self.clear_button = QPushButton(self.tr("Show &everyone"), self)
        self.clear_button.setObjectName("people.clearFilters")
        self.clear_button.setAccessibleName(self.tr("Clear the filters"))
        self.clear_button.clicked.connect(self.on_clear_clicked)

        self.table = QTableView(self)
        self.table.setObjectName("people.table")
        self.table.setAccessibleName(self.tr("Register"))
        self.table.setModel(self.model)
        style.configure_table(self.table)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.activated.connect(self.on_table_activated)
        self.table.doubleClicked.connect(self.on_table_activated)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_row_changed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RegisterModel.TAGS, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("people.count")
        self.message = QLabel(self)
        self.message.setObjectName("people.message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        finding = QHBoxLayout()
        finding.addWidget(filter_label)
        finding.addWidget(self.filter_edit, 3)
        finding.addWidget(self.sort_combo, 1)
        filters = QHBoxLayout()
        for text, combo in (
            (self.tr("&Community:"), self.community_combo),
            (self.tr("&Building group:"), self.group_combo),
            (self.tr("&Tag:"), self.tag_combo),
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        filters.addWidget(self.clear_button)
        self.status = StatusLine("people.status", self)
        self.export_button = export_button(
            self,
            context,
            self.model,
            self.tr("Residents' register"),
            note=self._filter_note,
            name="people.table",
            status=self.status,
        )
        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addStretch(1)
        status.addWidget(self.export_button)

        self.list_page = QWidget(self)
        self.list_page.setObjectName("people.list")
        page = QVBoxLayout(self.list_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(finding)
        page.addLayout(filters)
        page.addWidget(self.message)
        page.addWidget(self.table, 1)
        page.addLayout(status)
        page.addWidget(self.status)

        # --- the record and the form ---
        self.detail = PersonDetailView(context, self)
        self.detail.back_requested.connect(self.on_detail_back_requested)
        self.detail.open_requested.connect(self.on_detail_open_requested)
        self.form = PersonForm(context, FormMode.EDIT, self)
        self.form.saved.connect(self.on_form_saved)
        self.form.cancelled.connect(self.on_form_cancelled)
        self.form.existing_chosen.connect(self.on_form_existing_chosen)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("people.pages")
        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.detail)
        self.pages.addWidget(self.form)
        self.pages.currentChanged.connect(self.on_page_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)

        self._update_fonts()
        self._update_actions()

    # --- building ----------------------------------------------------------------------

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def _action(
        self, name: str, text: str, shortcut: QKeySequence | str, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        sequence = QKeySequence(shortcut)
        if not sequence.isEmpty():
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(
                f"{text.replace('&', '')} "
                f"({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        actor = self._context.actor
        self.new_action = self._action(
            "people.new", self.tr("&New person"), "Ctrl+N", self.on_new_triggered
        )
        self.open_action = self._action(
            "people.open", self.tr("&Open record"), "", self.on_open_triggered
        )
        self.edit_action = self._action(
            "people.edit", self.tr("&Edit"), "Ctrl+E", self.on_edit_triggered
        )
        self.card_action = self._action(
            "people.memberCard",
            self.tr("&Member card"),
            QKeySequence(QKeySequence.StandardKey.Print),
            self.on_member_card_triggered,
        )
        self.merge_action = self._action(
            "people.merge", self.tr("Mer&ge duplicates"), "", self.on_merge_triggered
        )
        self.may_merge = actor.may(Permission.MERGE_PEOPLE)
        if not self.may_merge:
            self.merge_action.setToolTip(
                self.tr("Only staff and administrators may merge records.")
            )
        self.refresh_action = self._action(
            "people.refresh",
            self.tr("Read again"),
            QKeySequence(QKeySequence.StandardKey.Refresh),
            self.on_refresh_triggered,
        )
        self.find_action = self._action(
            "people.find",
            self.tr("Find"),
            QKeySequence(QKeySequence.StandardKey.Find),
            self.on_find_triggered,
        )
        self.import_action: QAction | None = None
        self.export_action: QAction | None = None
        if actor.may(Permission.IMPORT_EXPORT):
            self.import_action = self._action(
                "people.import", self.tr("&Import roster"), "", self.on_import_triggered
            )
            self.export_action = self._action(
                "people.export", self.tr("E&xport"), "", self.on_export_triggered
            )
            for action, module in (
                (self.import_action, IMPORT_MODULE),
                (self.export_action, EXPORT_MODULE),
            ):
                if not _module_exists(module):
                    action.setEnabled(False)
                    action.setToolTip(self.tr("Not available in this version."))

    def _toolbar_actions(self) -> list[QAction]:
        actions = [
            self.new_action,
            self.open_action,
            self.edit_action,
            self.card_action,
            self.merge_action,
        ]
        return actions + [a for a in (self.import_action, self.export_action) if a is not None]

    # --- the register ------------------------------------------------------------------

    def load(self) -> None:
        """Read the choices and the register (the first time the desk is shown)."""
        self._loaded = True
        self.reload_choices()
        self.apply_filter()

    def reload_choices(self) -> None:
        """Communities, building groups and tags as the database has them now."""
        try:
            self._communities, self._tags = self._context.run(
                lambda session, _actor: (
                    communities.list_communities(session),
                    register.tag_choices(session),
                ),
                write=False,
            )
        except DomainError as error:
            self._say(error.message)
            return
        community = self.community_combo.currentData()
        group = self.group_combo.currentData()
        tag = self.tag_combo.currentData()
        for combo in (self.community_combo, self.group_combo, self.tag_combo):
            combo.blockSignals(True)
        self.community_combo.clear()
        self.community_combo.addItem(self.tr("All communities"), None)
        for row in self._communities:
            text = row.name if row.active else self.tr("%1 (closed)").replace("%1", row.name)
            self.community_combo.addItem(text, row.id)
        _select(self.community_combo, community)
        self._fill_groups(group)
        self.tag_combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), None)
        for tag_choice in self._tags:
            self.tag_combo.addItem(tag_choice.name, tag_choice.id)
        _select(self.tag_combo, tag)
        for combo in (self.community_combo, self.group_combo, self.tag_combo):
            combo.blockSignals(False)

    def _fill_groups(self, keep: int | None) -> None:
        combo = self.group_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All building groups"), None)
        community_id = self.community_combo.currentData()
        for row in self._communities:
            if row.id == community_id:
                for group in row.building_groups:
                    text = (
                        group.name
                        if group.active
                        else self.tr("%1 (closed)").replace("%1", group.name)
                    )
                    combo.addItem(text, group.id)
        _select(combo, keep)
        # Building groups are chosen within a community.
        combo.setEnabled(community_id is not None)
        combo.blockSignals(False)

    def current_filter(self) -> RegisterFilter:
        """The filter the widgets show."""
        return RegisterFilter(
            community_id=self.community_combo.currentData(),
            building_group_id=self.group_combo.currentData(),
            tag_id=self.tag_combo.currentData(),
            text=self.filter_edit.text(),
            sort=SortOrder(self.sort_combo.currentData() or SortOrder.PINYIN.value),
        )

    def apply_filter(self) -> None:
        """Read the register for the filter the widgets show (now, without the typing pause)."""
        self._filter_timer.stop()
        selected = self.selected_person_id()
        self.model.set_filter(self.current_filter())
        self._select_person(selected)

    def reload(self) -> None:
        """Read the register again where it is (after a change), keeping the selection."""
        selected = self.selected_person_id()
        if self.model.reload():
            self._select_person(selected)

    def _select_person(self, person_id: int | None) -> None:
        row = self.model.row_of(person_id) if person_id is not None else None
        if row is None and self.model.rowCount() > 0:
            row = 0
        if row is None:
            self._update_actions()
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._update_actions()

    def selected_person_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.person_id(index.row()) if index.isValid() else None

    def current_person_id(self) -> int | None:
        """The person the actions act on: the record shown, or the register's current row."""
        page = self.pages.currentWidget()
        if page is self.detail:
            return self.detail.person_id()
        if page is self.list_page:
            return self.selected_person_id()
        return None

    def _say(self, text: str) -> None:
        self.message.setText(style.paragraph_html(text, colour=style.ERROR_COLOUR))
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def message_text(self) -> str:
        return "" if self.message.isHidden() else self.message.accessibleName()

    def _filter_note(self) -> str:
        """What the register is filtered by, for an export's sheet: 筛选：张；友邻新村."""
        wanted = self.model.filter
        parts = [wanted.text.strip()] if wanted.text.strip() else []
        for combo in (self.community_combo, self.group_combo, self.tag_combo):
            if combo.currentData() is not None:
                parts.append(combo.currentText())
        if not parts:
            return ""
        return self.tr("Filtered by: %1").replace("%1", self.tr("; ").join(parts))

    def _update_count(self) -> None:
        total = self.model.total
        if self.model.filter.filtered:
            text = self.tr("%1 people found").replace("%1", f"{total:,}")
        else:
            text = self.tr("%1 people in the register").replace("%1", f"{total:,}")
        if total == 0 and self.model.filter.filtered:
            text = self.tr("Nobody matches. Try fewer letters, or press Show everyone.")
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)

    def _update_actions(self) -> None:
        person = self.current_person_id() is not None
        on_form = self.pages.currentWidget() is self.form
        self.new_action.setEnabled(not on_form)
        self.open_action.setEnabled(person and self.pages.currentWidget() is self.list_page)
        self.edit_action.setEnabled(person)
        self.card_action.setEnabled(person)
        self.merge_action.setEnabled(person and self.may_merge)

    # --- pages -------------------------------------------------------------------------

    def show_register(self) -> None:
        self.pages.setCurrentWidget(self.list_page)
        self.table.setFocus()

    def open_person(self, person_id: int) -> bool:
        """Show a person's record (read now); False when it can't be read."""
        if not self.detail.show_person(person_id):
            self._say(self.detail.message.accessibleName())
            return False
        self.pages.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()
        return True

    def edit_person(self, person_id: int) -> bool:
        """The person form in edit mode (phone and ID number shown whole there only)."""
        self._remember_page()
        if not self.form.load(person_id):
            return False
        self.pages.setCurrentWidget(self.form)
        self.form.name_edit.setFocus()
        return True

    def new_person(self) -> None:
        self._remember_page()
        self.form.start_register(hint=self.tr("The new person's record opens after registering."))
        self.pages.setCurrentWidget(self.form)

    def _remember_page(self) -> None:
        """The page the form goes back to (not the form itself, when it is open already)."""
        if self.pages.currentWidget() is not self.form:
            self._return_to = self.pages.currentWidget()

    # --- member card, merging, rosters ------------------------------------------------

    def show_member_card(self, person_id: int) -> PdfPreviewDialog | None:
        """The person's member card (PDF) in the preview, to print or save."""
        try:
            cards, centre = self._context.run(
                lambda session, actor: (
                    member_card.cards_for(session, actor, [person_id]),
                    member_card.centre_name(session),
                ),
                write=False,
            )
        except DomainError as error:
            show_domain_error(self, error)
            return None
        printout = member_card.member_cards_printout(cards, centre)
        card = cards[0]
        title = self.tr("member card of %1").replace("%1", card.name)
        file_name = (
            self.tr("Member card %1 %2.pdf")
            .replace("%1", card.name)
            .replace("%2", card.member_code)
        )
        dialog = PdfPreviewDialog(printout.pdf, title, file_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if printout.unprintable:
            dialog.warn(printout.warning())
        dialog.destroyed.connect(self.on_preview_destroyed)
        self.preview = dialog
        dialog.open()
        return dialog

    def start_merge(self, person_id: int) -> MergeDialog:
        dialog = MergeDialog(self._context, person_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self.on_merged)
        dialog.destroyed.connect(self.on_merge_dialog_destroyed)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _open_roster_dialog(self, module_name: str, names: tuple[str, ...]) -> QDialog | None:
        """The roster engineer's import or export dialog, if that module is installed."""
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            log.warning("people: %s is not installed", module_name)
            return None
        for name in names:
            opener = getattr(module, name, None)
            if callable(opener):
                dialog = opener(self._context, self)
                if isinstance(dialog, QDialog):
                    self.roster_dialog = dialog
                    if not dialog.isVisible():
                        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                        dialog.finished.connect(self.on_roster_dialog_finished)
                        dialog.open()
                    return dialog
                return None
        log.warning("people: %s offers none of %s", module_name, ", ".join(names))
        return None

    # --- slots -------------------------------------------------------------------------

    def on_filter_text_changed(self, _text: str) -> None:
        self._filter_timer.start()

    def on_filter_timer_timeout(self) -> None:
        self.apply_filter()

    def on_community_changed(self, _index: int) -> None:
        self._fill_groups(None)
        self.apply_filter()

    def on_filter_choice_changed(self, _index: int) -> None:
        self.apply_filter()

    def on_clear_clicked(self) -> None:
        for combo in (self.community_combo, self.tag_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_groups(None)
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.apply_filter()
        self.filter_edit.setFocus()

    def on_model_opened(self, _total: int) -> None:
        self._say("")
        self._update_count()

    def on_model_failed(self, text: str) -> None:
        self._say(text)
        self._update_count()

    def on_table_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()

    def on_table_activated(self, index: QModelIndex) -> None:
        person_id = self.model.person_id(index.row())
        if person_id is not None:
            self.open_person(person_id)

    def on_page_changed(self, _index: int) -> None:
        # None of the toolbar's actions applies to the form, which has its own buttons: the room
        # goes to the form (the large text size at 1366 x 768 needs it).
        self.toolbar.setVisible(self.pages.currentWidget() is not self.form)
        self._update_actions()

    def on_new_triggered(self) -> None:
        self.new_person()

    def on_open_triggered(self) -> None:
        person_id = self.current_person_id()
        if person_id is not None:
            self.open_person(person_id)

    def on_edit_triggered(self) -> None:
        person_id = self.current_person_id()
        if person_id is not None:
            self.edit_person(person_id)

    def on_member_card_triggered(self) -> None:
        person_id = self.current_person_id()
        if person_id is not None:
            self.show_member_card(person_id)

    def on_merge_triggered(self) -> None:
        person_id = self.current_person_id()
        if person_id is not None and self.may_merge:
            self.start_merge(person_id)

    def on_import_triggered(self) -> None:
        self._open_roster_dialog(IMPORT_MODULE, _IMPORT_NAMES)

    def on_export_triggered(self) -> None:
        self._open_roster_dialog(EXPORT_MODULE, _EXPORT_NAMES)

    def on_roster_dialog_finished(self, _result: int) -> None:
        self.roster_dialog = None
        self.reload_choices()
        self.reload()

    def on_refresh_triggered(self) -> None:
        self.reload_choices()
        self.reload()
        if self.pages.currentWidget() is self.detail:
            self.detail.reload()

    def on_find_triggered(self) -> None:
        self.show_register()
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def on_detail_back_requested(self) -> None:
        self.show_register()

    def on_detail_open_requested(self, person_id: int) -> None:
        self.open_person(person_id)

    def on_form_saved(self, person_id: int) -> None:
        if self.model.row_of(person_id) is not None:
            self.model.refresh_person(person_id)
        else:  # a new person: where they belong in the register's order
            self.reload()
        self.open_person(person_id)

    def on_form_cancelled(self) -> None:
        back = self._return_to if self._return_to is not None else self.list_page
        self.pages.setCurrentWidget(back)
        if back is self.detail:
            self.detail.back_button.setFocus()
        else:
            self.table.setFocus()

    def on_form_existing_chosen(self, person_id: int) -> None:
        self.open_person(person_id)

    def on_merged(self, keep_id: int, drop_id: int) -> None:
        self.model.refresh_person(drop_id)
        self.model.refresh_person(keep_id)
        self._update_count()
        self.open_person(keep_id)

    def on_preview_destroyed(self, _object: QObject | None = None) -> None:
        self.preview = None

    def on_merge_dialog_destroyed(self, _object: QObject | None = None) -> None:
        self.merge_dialog = None

    # --- events ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.filter_edit:
                if key == Qt.Key.Key_Down or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if self._filter_timer.isActive():
                        self.apply_filter()
                    if self.model.rowCount():
                        self.table.setFocus()
                        if not self.table.currentIndex().isValid():
                            self._select_person(None)
                        if key != Qt.Key.Key_Down and self.model.rowCount() == 1:
                            self.on_open_triggered()
                    return True
                if key == Qt.Key.Key_Escape and self.filter_edit.text():
                    self.filter_edit.clear()
                    return True
            if (
                watched is self.table
                and key == Qt.Key.Key_Up
                and self.table.currentIndex().row() <= 0
            ):
                self.filter_edit.setFocus()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if event.spontaneous():
            return
        if not self._loaded:
            self.load()
        else:  # registrations at Reception since: read again where the register is
            self.reload_choices()
            self.reload()
        if self.pages.currentWidget() is self.list_page:
            self.filter_edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc on a record goes back to the register (not a shortcut: the form and the filter
        # box have their own Esc).
        if event.key() == Qt.Key.Key_Escape and self.pages.currentWidget() is self.detail:
            self.show_register()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()

    def _update_fonts(self) -> None:
        style.update_table_metrics(self.table)
        self._update_column_widths()
        # The toolbar's buttons are the desk's primary buttons (60 x 60 px in large text).
        least = style.primary_button_px(self.font())
        for action in self._toolbar_actions():
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setMinimumSize(least, least)

    def _update_column_widths(self) -> None:
        """Every column as wide as its longest usual text (a nine-character name such as
        阿依古丽·买买提明 whole); the tags take the rest."""
        metrics = self.table.fontMetrics()
        pad = metrics.horizontalAdvance("0") * 2
        header = self.table.horizontalHeader()
        header_metrics = header.fontMetrics()
        for column, samples in COLUMN_SAMPLES.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                header_metrics.horizontalAdvance(title),
                *(metrics.horizontalAdvance(sample) for sample in samples),
            )
            header.resizeSection(column, width + pad)


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False
