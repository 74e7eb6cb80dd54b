"""The Volunteers & certificates desk (志愿者与证书): tabs 志愿者 / 值班表 / 证书."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.context import DeskContext
from ui.volunteers.page import VolunteersPage


class VolunteersDesk(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteers")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("volunteers.tabs")
        self.tabs.setAccessibleName(self.tr("Volunteers and certificates"))
        self.volunteers_page = VolunteersPage(context, self)
        self.tabs.addTab(self.volunteers_page, self.tr("Volunteers tab"))
        self.tabs.addTab(self._page(context, "rota", "RotaPage"), self.tr("Duty rota"))
        self.tabs.addTab(
            self._page(context, "certificates", "CertificatesPage"), self.tr("Certificates")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _page(self, context: DeskContext, module: str, name: str) -> QWidget:
        # Until the rota and certificates pages are part of the program.
        try:
            page: QWidget = getattr(importlib.import_module(f"ui.volunteers.{module}"), name)(
                context, self
            )
        except ImportError:
            page = QLabel(self.tr("Not part of this build yet."), self)
        return page
