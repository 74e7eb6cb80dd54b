"""Communities (社区) and their building groups (楼组): add, rename, deactivate, reactivate.

Nothing is ever deleted: people and visits keep pointing at a community or building group, so an
old one is deactivated instead; it stays in the tree, greyed and marked 停用 in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Slot
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.services import communities
from app.services.communities import CommunityRow
from ui.context import DeskContext
from ui.errors import FieldMessage, StatusLine
from ui.settings.common import INACTIVE_COLOUR, RoomyRowsDelegate, heading, hint
from ui.style import make_primary
from ui.widgets import button, plain

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 3
COMMUNITY = "community"
BUILDING_GROUP = "building_group"


@dataclass(frozen=True)
class Selected:
    kind: str  # COMMUNITY or BUILDING_GROUP
    id: int
    name: str
    active: bool
    community_id: int
    community_name: str


class CommunitiesPage(QWidget):
    """The tree of communities and building groups, with the actions on the selected one."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.communities")
        self._context = context
        self._rows: list[CommunityRow] = []

        self._model = QStandardItemModel(self)
        self._tree = QTreeView(self)
        self._tree.setObjectName("settings.communities.tree")
        self._tree.setAccessibleName(self.tr("Communities and building groups"))
        self._tree.setModel(self._model)
        self._tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._tree.setUniformRowHeights(True)
        self._tree.setAlternatingRowColors(True)
        self._tree.setItemDelegate(RoomyRowsDelegate(self._tree))
        self._tree.selectionModel().selectionChanged.connect(self.on_selection_changed)

        # The selected community or building group.
        selected_box = QGroupBox(self.tr("Selected"), self)
        selected_box.setObjectName("settings.communities.selectedBox")
        self._selected_label = QLabel(selected_box)
        self._selected_label.setObjectName("settings.communities.selected")
        self._selected_label.setWordWrap(True)
        name_caption = QLabel(self.tr("&Name:"), selected_box)
        self._name = QLineEdit(selected_box)
        self._name.setObjectName("settings.communities.name")
        self._name.setAccessibleName(self.tr("Name of the selected community or building group"))
        self._name.setMaxLength(40)
        self._name.returnPressed.connect(self.on_rename_clicked)
        name_caption.setBuddy(self._name)
        self._name_message = FieldMessage("settings.communities.name.message", selected_box)
        self._rename = button(self.tr("&Rename"), "settings.communities.rename", selected_box)
        self._rename.clicked.connect(self.on_rename_clicked)
        self._toggle_active = button(
            self.tr("&Deactivate"), "settings.communities.toggleActive", selected_box
        )
        self._toggle_active.clicked.connect(self.on_toggle_active_clicked)
        selected_grid = QGridLayout(selected_box)
        selected_grid.setColumnStretch(1, 1)
        selected_grid.addWidget(self._selected_label, 0, 0, 1, 2)
        selected_grid.addWidget(name_caption, 1, 0)
        selected_grid.addWidget(self._name, 1, 1)
        selected_grid.addWidget(self._name_message, 2, 1)
        selected_actions = QHBoxLayout()
        selected_actions.addWidget(self._rename)
        selected_actions.addWidget(self._toggle_active)
        selected_actions.addStretch(1)
        selected_grid.addLayout(selected_actions, 3, 0, 1, 2)

        # A new building group in the selected community; the box title's mnemonic reaches it.
        group_box = QGroupBox(self.tr("New &building group"), self)
        group_box.setObjectName("settings.communities.groupBox")
        self._group_target = QLabel(group_box)
        self._group_target.setWordWrap(True)
        self._new_group = QLineEdit(group_box)
        self._new_group.setObjectName("settings.communities.newBuildingGroup")
        self._new_group.setAccessibleName(self.tr("Name of the new building group"))
        self._new_group.setPlaceholderText(self.tr("e.g. 第12楼组"))
        self._new_group.setMaxLength(40)
        self._new_group.returnPressed.connect(self.on_add_building_group_clicked)
        self._new_group_message = FieldMessage(
            "settings.communities.newBuildingGroup.message", group_box
        )
        self._add_group = button(
            self.tr("Add building group"), "settings.communities.addBuildingGroup", group_box
        )
        make_primary(self._add_group)
        self._add_group.clicked.connect(self.on_add_building_group_clicked)
        group_grid = QGridLayout(group_box)
        group_grid.setColumnStretch(0, 1)
        group_grid.addWidget(self._group_target, 0, 0, 1, 2)
        group_grid.addWidget(self._new_group, 1, 0)
        group_grid.addWidget(self._add_group, 1, 1)
        group_grid.addWidget(self._new_group_message, 2, 0, 1, 2)

        # A new community.
        community_box = QGroupBox(self.tr("New &community"), self)
        community_box.setObjectName("settings.communities.communityBox")
        self._new_community = QLineEdit(community_box)
        self._new_community.setObjectName("settings.communities.newCommunity")
        self._new_community.setAccessibleName(self.tr("Name of the new community"))
        self._new_community.setPlaceholderText(self.tr("e.g. 友邻三村"))
        self._new_community.setMaxLength(40)
        self._new_community.returnPressed.connect(self.on_add_community_clicked)
        self._new_community_message = FieldMessage(
            "settings.communities.newCommunity.message", community_box
        )
        self._add_community = button(
            self.tr("Add community"), "settings.communities.addCommunity", community_box
        )
        self._add_community.clicked.connect(self.on_add_community_clicked)
        community_grid = QGridLayout(community_box)
        community_grid.setColumnStretch(0, 1)
        community_grid.addWidget(self._new_community, 0, 0)
        community_grid.addWidget(self._add_community, 0, 1)
        community_grid.addWidget(self._new_community_message, 1, 0, 1, 2)

        self._message = StatusLine("settings.communities.message", self)

        side = QVBoxLayout()
        side.addWidget(selected_box)
        side.addWidget(group_box)
        side.addWidget(community_box)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self._tree, 1)
        body.addLayout(side, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Communities and building groups"), self))
        layout.addWidget(
            hint(
                self.tr(
                    "Nothing is deleted: a community or building group no longer in use is "
                    "deactivated and marked “Inactive”; records that name it keep it."
                ),
                self,
            )
        )
        # Above the tree, so the outcome of an action is read without scrolling.
        layout.addWidget(self._message)
        layout.addLayout(body, 1)

        self.reload()

    # ---- what tests and the desk use -------------------------------------------------------

    def reload(self) -> None:
        """Fetch the tree again, keeping the selection and which communities are open."""
        selected = self.selected()
        expanded = {
            self._model.item(row).data(_ID_ROLE)
            for row in range(self._model.rowCount())
            if self._tree.isExpanded(self._model.index(row, 0))
        }
        try:
            self._rows = self._context.run(
                lambda session, _actor: communities.list_communities(session), write=False
            )
        except DomainError as error:
            self._message.show_error(error.message)
            return
        self._model.clear()
        self._model.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Status")])
        for community in self._rows:
            parent = self._items(COMMUNITY, community.id, community.name, community.active)
            for group in community.building_groups:
                parent[0].appendRow(self._items(BUILDING_GROUP, group.id, group.name, group.active))
            self._model.appendRow(parent)
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row in range(self._model.rowCount()):
            if self._model.item(row).data(_ID_ROLE) in expanded:
                self._tree.expand(self._model.index(row, 0))
        if selected is not None:
            self.select(selected.kind, selected.id)
        self._update_selection_widgets()

    def selected(self) -> Selected | None:
        indexes = self._tree.selectionModel().selectedRows(0)
        if not indexes:
            return None
        index = indexes[0]
        kind = str(index.data(_KIND_ROLE))
        item_id = int(index.data(_ID_ROLE))
        if kind == COMMUNITY:
            community = next(c for c in self._rows if c.id == item_id)
            return Selected(
                kind, item_id, community.name, community.active, community.id, community.name
            )
        community = next(c for c in self._rows if c.id == int(index.parent().data(_ID_ROLE)))
        group = next(g for g in community.building_groups if g.id == item_id)
        return Selected(kind, item_id, group.name, group.active, community.id, community.name)

    def select(self, kind: str, item_id: int) -> bool:
        """Select a community or building group by id; True when found."""
        index = self._find(kind, item_id)
        if not index.isValid():
            self._tree.clearSelection()
            return False
        if index.parent().isValid():
            self._tree.expand(index.parent())
        self._tree.setCurrentIndex(index)
        self._tree.scrollTo(index)
        return True

    def select_community(self, name: str) -> bool:
        community = next((c for c in self._rows if c.name == name), None)
        return community is not None and self.select(COMMUNITY, community.id)

    def select_building_group(self, community_name: str, name: str) -> bool:
        community = next((c for c in self._rows if c.name == community_name), None)
        group = next(
            (g for g in (community.building_groups if community else ()) if g.name == name), None
        )
        return group is not None and self.select(BUILDING_GROUP, group.id)

    def rename_selected(self, name: str) -> bool:
        self._name.setText(name)
        return self._rename_selected()

    def set_selected_active(self, active: bool) -> bool:
        return self._apply_active(active)

    def add_community(self, name: str) -> bool:
        self._new_community.setText(name)
        return self._add_community_named()

    def add_building_group(self, name: str) -> bool:
        """Add a building group to the selected community (or the selected group's community)."""
        self._new_group.setText(name)
        return self._add_building_group_named()

    def status_text(self, kind: str, item_id: int) -> str:
        """What the tree's Status column says for a community or building group."""
        index = self._find(kind, item_id)
        return str(index.siblingAtColumn(1).data() or "") if index.isValid() else ""

    def name_text(self, kind: str, item_id: int) -> str:
        index = self._find(kind, item_id)
        return str(index.data() or "") if index.isValid() else ""

    def last_message(self) -> str:
        return self._message.message()

    def field_message(self, field: str) -> str:
        """The message beside "name", "newCommunity" or "newBuildingGroup" ("" when none)."""
        return {
            "name": self._name_message,
            "newCommunity": self._new_community_message,
            "newBuildingGroup": self._new_group_message,
        }[field].text()

    # ---- slots ------------------------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._clear_field_messages()
        self._update_selection_widgets()

    @Slot()
    def on_rename_clicked(self) -> None:
        self._rename_selected()

    @Slot()
    def on_toggle_active_clicked(self) -> None:
        selected = self.selected()
        if selected is not None:
            self._apply_active(not selected.active)

    @Slot()
    def on_add_community_clicked(self) -> None:
        self._add_community_named()

    @Slot()
    def on_add_building_group_clicked(self) -> None:
        self._add_building_group_named()

    # ---- inside -----------------------------------------------------------------------------

    def _items(self, kind: str, item_id: int, name: str, active: bool) -> list[QStandardItem]:
        name_item = QStandardItem(name)
        status_item = QStandardItem("" if active else self.tr("Inactive"))
        for item in (name_item, status_item):
            item.setData(kind, _KIND_ROLE)
            item.setData(item_id, _ID_ROLE)
            item.setData(active, _ACTIVE_ROLE)
            item.setEditable(False)
            if not active:
                item.setForeground(QColor(INACTIVE_COLOUR))
        name_item.setData(
            name if active else self.tr("%1, inactive").replace("%1", name),
            Qt.ItemDataRole.AccessibleTextRole,
        )
        return [name_item, status_item]

    def _find(self, kind: str, item_id: int) -> QModelIndex:
        for row in range(self._model.rowCount()):
            community = self._model.item(row)
            if kind == COMMUNITY and community.data(_ID_ROLE) == item_id:
                return community.index()
            if kind == BUILDING_GROUP:
                for child_row in range(community.rowCount()):
                    child = community.child(child_row)
                    if child is not None and child.data(_ID_ROLE) == item_id:
                        return child.index()
        return QModelIndex()

    def _rename_selected(self) -> bool:
        selected = self.selected()
        self._clear_field_messages()
        if selected is None:
            self._message.show_error(self.tr("First choose a community or building group."))
            return False
        name = self._name.text()
        try:
            if selected.kind == COMMUNITY:
                self._context.run(
                    lambda s, actor: communities.rename_community(s, actor, selected.id, name),
                    write=True,
                )
            else:
                self._context.run(
                    lambda s, actor: communities.rename_building_group(s, actor, selected.id, name),
                    write=True,
                )
        except ValidationError as error:
            self._name_message.set_message(error.message)
            self._message.show_error(self.tr("Not renamed: see the message beside the name."))
            self._name.setFocus()
            return False
        except DomainError as error:
            self._message.show_error(self.tr("Not renamed: %1").replace("%1", error.message))
            return False
        self._changed()
        renamed = self.selected()
        self._message.show_info(
            self.tr("Renamed “%1” to “%2”.")
            .replace("%1", selected.name)
            .replace("%2", renamed.name if renamed else name)
        )
        return True

    def _apply_active(self, active: bool) -> bool:
        selected = self.selected()
        self._clear_field_messages()
        if selected is None:
            self._message.show_error(self.tr("First choose a community or building group."))
            return False
        try:
            if selected.kind == COMMUNITY:
                self._context.run(
                    lambda s, actor: communities.set_community_active(
                        s, actor, selected.id, active
                    ),
                    write=True,
                )
            else:
                self._context.run(
                    lambda s, actor: communities.set_building_group_active(
                        s, actor, selected.id, active
                    ),
                    write=True,
                )
        except DomainError as error:
            self._message.show_error(self.tr("Not changed: %1").replace("%1", error.message))
            return False
        self._changed()
        self._message.show_info(
            (
                self.tr("“%1” is in use again.")
                if active
                else self.tr("“%1” is deactivated and marked “Inactive”.")
            ).replace("%1", selected.name)
        )
        return True

    def _add_community_named(self) -> bool:
        self._clear_field_messages()
        name = self._new_community.text()
        try:
            row = self._context.run(
                lambda s, actor: communities.add_community(s, actor, name), write=True
            )
        except ValidationError as error:
            self._new_community_message.set_message(error.message)
            self._message.show_error(self.tr("Not added: see the message beside the name."))
            self._new_community.setFocus()
            return False
        except DomainError as error:
            self._message.show_error(self.tr("Not added: %1").replace("%1", error.message))
            return False
        self._new_community.clear()
        self._changed()
        self.select(COMMUNITY, row.id)
        self._message.show_info(self.tr("Community “%1” added.").replace("%1", row.name))
        return True

    def _add_building_group_named(self) -> bool:
        self._clear_field_messages()
        selected = self.selected()
        if selected is None:
            self._message.show_error(self.tr("First choose the community in the list."))
            return False
        name = self._new_group.text()
        try:
            row = self._context.run(
                lambda s, actor: communities.add_building_group(
                    s, actor, selected.community_id, name
                ),
                write=True,
            )
        except ValidationError as error:
            self._new_group_message.set_message(error.message)
            self._message.show_error(self.tr("Not added: see the message beside the name."))
            self._new_group.setFocus()
            return False
        except DomainError as error:
            self._message.show_error(self.tr("Not added: %1").replace("%1", error.message))
            return False
        self._new_group.clear()
        self._changed()
        self.select(BUILDING_GROUP, row.id)
        self._message.show_info(
            self.tr("Building group “%1” added to %2.")
            .replace("%1", row.name)
            .replace("%2", selected.community_name)
        )
        return True

    def _changed(self) -> None:
        self.reload()
        self._context.data_changed()

    def _update_selection_widgets(self) -> None:
        selected = self.selected()
        has = selected is not None
        for widget in (self._name, self._rename, self._toggle_active):
            widget.setEnabled(has)
        self._new_group.setEnabled(has)
        self._add_group.setEnabled(has)
        if selected is None:
            self._selected_label.setText(
                self.tr("Choose a community or building group in the list.")
            )
            self._name.clear()
            self._group_target.setText(self.tr("First choose the community in the list."))
            self._toggle_active.setText(self.tr("&Deactivate"))
            self._toggle_active.setAccessibleName(plain(self._toggle_active.text()))
            return
        if selected.kind == COMMUNITY:
            text = self.tr("Community: %1").replace("%1", selected.name)
        else:
            text = (
                self.tr("Building group: %1 in %2")
                .replace("%1", selected.name)
                .replace("%2", selected.community_name)
            )
        if not selected.active:
            text += " " + self.tr("(inactive)")
        self._selected_label.setText(text)
        self._name.setText(selected.name)
        self._group_target.setText(
            self.tr("It is added to %1.").replace("%1", selected.community_name)
        )
        self._toggle_active.setText(
            self.tr("&Deactivate") if selected.active else self.tr("Re&activate")
        )
        self._toggle_active.setAccessibleName(plain(self._toggle_active.text()))

    def _clear_field_messages(self) -> None:
        for message in (self._name_message, self._new_community_message, self._new_group_message):
            message.clear()
