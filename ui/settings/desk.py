"""The Settings desk (设置): a list of pages on the left, the chosen page on the right.

Only an admin may change settings; the services refuse everyone else (PermissionDenied), and the
pages show that refusal as a message. The desk itself says so up front for other roles.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.security import Permission
from ui.context import DeskContext
from ui.settings.accounts_page import AccountsPage
from ui.settings.appearance_page import AppearancePage
from ui.settings.audit_page import AuditPage
from ui.settings.backup_page import BackupPage
from ui.settings.centre_page import CentrePage
from ui.settings.closures_page import ClosuresPage
from ui.settings.communities_page import CommunitiesPage
from ui.settings.database_page import DatabasePage
from ui.settings.lock_page import LockPage
from ui.settings.menu_page import MenuPage
from ui.settings.organisations_page import OrganisationsPage
from ui.settings.retention_page import RetentionPage
from ui.settings.rooms_page import RoomsPage
from ui.style import ERROR_COLOUR, primary_button_px

PAGES = (
    "centre",
    "accounts",
    "communities",
    "rooms",
    "closures",
    "organisations",
    "menu",
    "lock",
    "audit",
    "backup",
    "retention",
    "appearance",
    "database",
)


class SettingsDesk(QWidget):
    """Centre profile, accounts, communities and building groups, rooms, closed days,
    organisations, the service menu, language and text size."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self._context = context

        self.centre_page = CentrePage(context)
        self.accounts_page = AccountsPage(context)
        self.communities_page = CommunitiesPage(context)
        self.rooms_page = RoomsPage(context)
        self.closures_page = ClosuresPage(context)
        self.organisations_page = OrganisationsPage(context)
        self.menu_page = MenuPage(context)
        self.retention_page = RetentionPage(context)
        self.appearance_page = AppearancePage(context)
        self.lock_page = LockPage(context)
        self.audit_page = AuditPage(context)
        self.database_page = DatabasePage(context)
        self.backup_page = BackupPage(context)
        pages: dict[str, tuple[str, QWidget]] = {
            "centre": (self.tr("Centre profile"), self.centre_page),
            "accounts": (self.tr("Accounts and roles"), self.accounts_page),
            "communities": (self.tr("Communities and building groups"), self.communities_page),
            "rooms": (self.tr("Rooms and opening hours"), self.rooms_page),
            "closures": (self.tr("Closed days"), self.closures_page),
            "organisations": (self.tr("Organisations"), self.organisations_page),
            "menu": (self.tr("Service menu"), self.menu_page),
            "lock": (self.tr("Idle lock"), self.lock_page),
            "audit": (self.tr("Audit log"), self.audit_page),
            "retention": (self.tr("Data retention"), self.retention_page),
            "appearance": (self.tr("Language and text size"), self.appearance_page),
            "database": (self.tr("Database"), self.database_page),
            "backup": (self.tr("Backups"), self.backup_page),
        }

        self._nav = QListWidget(self)
        self._nav.setObjectName("settings.pages")
        self._nav.setAccessibleName(self.tr("Settings pages"))
        self._nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._nav.setWordWrap(True)
        self._stack = QStackedWidget(self)
        self._stack.setObjectName("settings.stack")
        for key in PAGES:
            title, page = pages[key]
            item = QListWidgetItem(title, self._nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
            # A page taller or wider than the window scrolls instead of being cut off.
            scroll = QScrollArea(self._stack)
            scroll.setObjectName(f"settings.{key}.scroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into the page itself
            scroll.setWidget(page)
            self._stack.addWidget(scroll)
        self._nav.currentRowChanged.connect(self.on_page_chosen)

        self._notice = QLabel(
            self.tr(
                "Only an administrator may change these settings. You can look, but saving is "
                "refused."
            ),
            self,
        )
        self._notice.setObjectName("settings.notice")
        self._notice.setWordWrap(True)
        self._notice.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self._notice.setVisible(not context.actor.may(Permission.SETTINGS))

        body = QHBoxLayout()
        body.addWidget(self._nav)
        body.addWidget(self._stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._notice)
        layout.addLayout(body, 1)

        self._fit_nav()
        self._nav.setCurrentRow(0)

    # ---- what tests and the main window use ------------------------------------------------

    def show_page(self, key: str) -> QWidget:
        """Show one page (a key of PAGES: "centre", "rooms", …) and return it."""
        self._nav.setCurrentRow(PAGES.index(key))
        return self.current_page()

    def current_page(self) -> QWidget:
        scroll = self._stack.currentWidget()
        assert isinstance(scroll, QScrollArea)
        page = scroll.widget()
        assert page is not None
        return page

    def refresh(self) -> None:
        """Fetch everything again (another desk or another PC may have changed it)."""
        self.accounts_page.reload()
        self.communities_page.reload()
        self.rooms_page.reload()
        self.closures_page.reload()
        self.organisations_page.reload()
        self.menu_page.reload()
        self.appearance_page.load()
        self.database_page.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Another desk PC (shared database) or a sign-in may have changed the lists meanwhile.
        self.refresh()

    # ---- slots ------------------------------------------------------------------------------

    @Slot(int)
    def on_page_chosen(self, row: int) -> None:
        if row >= 0:
            self._stack.setCurrentIndex(row)

    # ---- inside -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_nav()

    def _fit_nav(self) -> None:
        """As wide as the longest page title, at most 14 characters (longer ones wrap)."""
        metrics = self._nav.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(self._nav.item(i).text()) for i in range(self._nav.count())
        )
        self._nav.setFixedWidth(
            min(widest, metrics.averageCharWidth() * 14) + metrics.averageCharWidth() * 4
        )
        height = max(primary_button_px(self._nav.font()), metrics.height() * 2)
        pad = metrics.averageCharWidth()
        self._nav.setStyleSheet(
            f"QListWidget::item {{ min-height: {height}px; padding: 0 {pad}px; }}"
        )
