"""The Volunteers & certificates desk (志愿者与证书): tabs 志愿者 / 值班表 / 证书."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTableView, QTabWidget, QVBoxLayout, QWidget

from ui import style
from ui.context import DeskContext
from ui.volunteers.certificates import CertificatesPage
from ui.volunteers.page import VolunteersPage
from ui.volunteers.rota import RotaPage


class VolunteersDesk(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteers")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("volunteers.tabs")
        self.tabs.setAccessibleName(self.tr("Volunteers and certificates"))
        self.volunteers_page = VolunteersPage(context, self)
        self.rota_page = RotaPage(context, self)
        self.certificates_page = CertificatesPage(context, self)
        self.tabs.addTab(self.volunteers_page, self.tr("Volunteers", "the list tab"))
        self.tabs.addTab(self.rota_page, self.tr("Duty rota"))
        self.tabs.addTab(self.certificates_page, self.tr("Certificates"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # The text size changed in Settings while the desk is open: every table's rows follow.
            for view in self.findChildren(QTableView):
                style.update_table_metrics(view)
