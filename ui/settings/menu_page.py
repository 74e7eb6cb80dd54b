"""服务菜单 in Settings: the five series and their items, written with the same editor staff open
from the Service menu desk (`ui.menu.catalogue.MenuCatalogueEditor`)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.context import DeskContext
from ui.menu.catalogue import MenuCatalogueEditor
from ui.settings.common import heading


class MenuPage(QWidget):
    """`settings.menuPage`: a title over the menu's editor (`settings.menu`)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.menuPage")
        self.editor = MenuCatalogueEditor(context, self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Service menu"), self))
        layout.addWidget(self.editor, 1)

    def reload(self) -> None:
        self.editor.reload()
