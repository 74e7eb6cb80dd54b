"""The main window: left navigation of desks, the desk shown, account actions, idle lock."""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.roles import Role
from app.security import Actor
from ui import labels, style
from ui.connection import ConnectionBanner
from ui.context import DeskContext
from ui.login import LockPanel

if TYPE_CHECKING:
    from ui.help_browser import HelpWindow

log = logging.getLogger(__name__)

# 1366 x 768 less a Windows task bar and the window's title bar.
DEFAULT_SIZE = QSize(1366, 768 - 40 - 32)

_KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class _Desk:
    key: str
    title: str
    widget: QWidget | None
    factory: Callable[[], QWidget] | None = None


class IdleWatcher(QObject):
    """Restarts a timer on every key press, click, wheel or mouse move anywhere in the program;
    `idle` is emitted when the timer runs out."""

    idle = Signal()
    _ACTIVITY = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.timeout.connect(self.idle)

    def set_minutes(self, minutes: int) -> None:
        """A new idle period; a running timer starts again with it."""
        self.timer.setInterval(max(1, minutes) * 60_000)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    """Desks in a stack, chosen in the left navigation (Ctrl+1 … Ctrl+9)."""

    switch_user_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self, context: DeskContext, centre_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main")
        self.context = context
        self._centre_name = centre_name
        self._desks: list[_Desk] = []
        self._closing_for_switch = False
        self.help_window: HelpWindow | None = None
        self.update_title()

        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self.on_application_font_changed)
        self.nav.setAccessibleName(self.tr("Desks"))
        self.nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.nav.currentRowChanged.connect(self.on_nav_current_row_changed)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("desks")

        self.workspace = QWidget(self)
        layout = QHBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        # Lazily: the window may be up before start-up has opened the database.
        self.lock_panel = LockPanel(lambda: self.context.db, context.actor, self)
        self.lock_panel.unlocked.connect(self.on_lock_panel_unlocked)
        self.lock_panel.switch_user_requested.connect(self.on_switch_user_triggered)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.workspace)
        self.pages.addWidget(self.lock_panel)
        # Says when the database server is lost and when it is back (several desks).
        self.connection_banner = ConnectionBanner(context.connection, self)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.connection_banner)
        central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._make_actions()
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=number: self.on_desk_shortcut_activated(n))

        # The admin's idle period for every desk is read from the database once it is open;
        # this machine's own setting only covers the moments before.
        self.idle = IdleWatcher(context.settings.idle_lock_minutes, self)
        self.idle.idle.connect(self.on_idle)
        context.on_data_changed.append(self.apply_idle_minutes)

        self._add_standard_desks()
        self.restore_geometry()
        if not context.db_ready:
            # Start-up shows the window while it still opens the database: Home says it is
            # loading, the other desks wait until the database is open.
            self._enable_other_desks(False)
            context.on_database_ready.append(self.on_database_ready)
        else:
            self.apply_idle_minutes()
            self._open_starting_desk()

    # --- desks -----------------------------------------------------------------------------

    def _add_standard_desks(self) -> None:
        from ui.home.desk import HomeDesk

        home = HomeDesk(self.context, self)
        home.pending_booking_activated.connect(self.on_pending_booking_activated)
        home.session_activated.connect(self.show_menu_session)
        home.room_week_activated.connect(self.show_room_week)
        home.volunteer_activated.connect(self.show_volunteer)
        self.add_desk("home", self.tr("Home"), QIcon(), home)
        self.add_lazy_desk("reception", self.tr("Reception"), QIcon(), self._make_reception_desk)
        self.add_lazy_desk("people", self.tr("People"), QIcon(), self._make_people_desk)
        self.add_lazy_desk("rooms", self.tr("Rooms"), QIcon(), self._make_rooms_desk)
        self.add_lazy_desk("menu", self.tr("Service menu"), QIcon(), self._make_menu_desk)
        self.add_lazy_desk("volunteers", self.tr("Volunteers"), QIcon(), self._make_volunteers_desk)
        self.add_lazy_desk("reports", self.tr("Reports"), QIcon(), self._make_reports_desk)
        if self.context.actor.role == Role.ADMIN and _module_exists("ui.settings"):
            self.add_lazy_desk("settings", self.tr("Settings"), QIcon(), self._make_settings_desk)

    def on_pending_booking_activated(self, booking_id: int, day: dt.date) -> None:
        """Home's booking awaiting approval: the Rooms desk on its day, the booking chosen when
        the desk offers that (`show_booking(id, day)`, else `show_day(day)`); nothing while the
        program has no Rooms desk."""
        if not self.switch_to("rooms"):
            return
        desk = self.desk("rooms")
        show_booking = getattr(desk, "show_booking", None)
        show_day = getattr(desk, "show_day", None)
        if callable(show_booking):
            show_booking(booking_id, day)
        elif callable(show_day):
            show_day(day)

    def show_menu_session(self, session_id: int) -> bool:
        """A session named on Home or at Reception: the Service menu desk on its fortnight, the
        session chosen; False when the session is gone."""
        if not self.switch_to("menu"):
            return False
        show_session = getattr(self.desk("menu"), "show_session", None)
        return bool(show_session(session_id)) if callable(show_session) else False

    def show_room_week(self, room_id: int, day: dt.date) -> None:
        """A room of Home's chart: the Rooms desk on the week of `day`, that room alone."""
        if not self.switch_to("rooms"):
            return
        desk = self.desk("rooms")
        for name, argument in (("select_room", room_id), ("set_week_view", True), ("go_to", day)):
            step = getattr(desk, name, None)
            if callable(step):
                step(argument)

    def show_volunteer(self, person_id: int) -> bool:
        """A volunteer of Home's chart: the Volunteers desk with them chosen (their records
        below); False when they are not in its list."""
        if not self.switch_to("volunteers"):
            return False
        desk = self.desk("volunteers")
        page = getattr(desk, "volunteers_page", None)
        tabs = getattr(desk, "tabs", None)
        choose = getattr(page, "choose_person", None)
        if not callable(choose):
            return False
        if tabs is not None:
            tabs.setCurrentWidget(page)
        return bool(choose(person_id))

    def _make_reception_desk(self) -> QWidget:
        from ui.reception.desk import ReceptionDesk

        return ReceptionDesk(self.context, self)

    def _make_people_desk(self) -> QWidget:
        from ui.people.desk import PeopleDesk

        return PeopleDesk(self.context, self)

    def _make_rooms_desk(self) -> QWidget:
        from ui.rooms.desk import RoomsDesk

        return RoomsDesk(self.context, self)

    def _make_menu_desk(self) -> QWidget:
        from ui.menu.desk import MenuDesk

        return MenuDesk(self.context, self)

    def _make_volunteers_desk(self) -> QWidget:
        from ui.volunteers.desk import VolunteersDesk

        return VolunteersDesk(context=self.context, parent=self)

    def _make_reports_desk(self) -> QWidget:
        from ui.reports.desk import ReportsDesk

        return ReportsDesk(self.context, self)

    def _make_settings_desk(self) -> QWidget:
        from ui.settings.desk import SettingsDesk

        return SettingsDesk(self.context, self)

    def add_desk(self, key: str, title: str, icon: QIcon, widget: QWidget) -> None:
        """Add a desk to the navigation and the stack (in navigation order)."""
        self._add(_Desk(key, title, widget), icon)

    def add_lazy_desk(
        self, key: str, title: str, icon: QIcon, factory: Callable[[], QWidget]
    ) -> None:
        """Add a desk whose widget is built the first time it is shown (faster start-up)."""
        self._add(_Desk(key, title, None, factory), icon)

    def _add(self, desk: _Desk, icon: QIcon) -> None:
        if any(existing.key == desk.key for existing in self._desks):
            raise ValueError(f"desk {desk.key!r} added twice")
        self._desks.append(desk)
        number = len(self._desks)
        item = QListWidgetItem(icon, desk.title)
        item.setData(_KEY_ROLE, desk.key)
        if number <= 9:
            item.setToolTip(
                self.tr("%1 (Ctrl+%2)").replace("%1", desk.title).replace("%2", str(number))
            )
        item.setData(Qt.ItemDataRole.AccessibleTextRole, desk.title)
        self.stack.addWidget(desk.widget if desk.widget is not None else QWidget(self.stack))
        self.nav.addItem(item)
        self._fit_nav()
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def _fit_nav(self, font: QFont | None = None) -> None:
        """Navigation items as tall as primary buttons, the list as wide as its longest title;
        measured in `font` when the list is about to take it."""
        font = font if font is not None else self.nav.font()
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(d.title) for d in self._desks), default=0)
        self.nav.setFixedWidth(widest + metrics.horizontalAdvance("M") * 3)
        height = style.primary_button_px(font)
        for row in range(self.nav.count()):
            self.nav.item(row).setSizeHint(QSize(0, height))
        pad = metrics.horizontalAdvance("M")
        self.nav.setStyleSheet(f"QListWidget#nav::item {{ padding-left: {pad}px; }}")

    def on_application_font_changed(self, font: QFont) -> None:
        # A text size chosen in Settings: neither the list nor the window is sent a FontChange,
        # and the list takes the new font only later, so it is measured in the new font now.
        if self.nav.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            return  # a font of its own does not follow the application's
        self._fit_nav(font)

    def desk_keys(self) -> list[str]:
        return [desk.key for desk in self._desks]

    def desk_titles(self) -> list[str]:
        return [self.nav.item(row).text() for row in range(self.nav.count())]

    def current_desk_key(self) -> str | None:
        row = self.nav.currentRow()
        return self._desks[row].key if 0 <= row < len(self._desks) else None

    def desk(self, key: str) -> QWidget | None:
        """The desk's widget (built now if it was waiting to be shown)."""
        for row, desk in enumerate(self._desks):
            if desk.key == key:
                return self._widget_at(row)
        return None

    def switch_to(self, key: str) -> bool:
        if key not in self.desk_keys():
            return False
        self.nav.setCurrentRow(self.desk_keys().index(key))
        return True

    def _widget_at(self, row: int) -> QWidget:
        desk = self._desks[row]
        if desk.widget is None and desk.factory is not None:
            placeholder = self.stack.widget(row)
            desk.widget = desk.factory()
            self.stack.insertWidget(row, desk.widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
        assert desk.widget is not None
        return desk.widget

    def _enable_other_desks(self, enabled: bool) -> None:
        """Let the navigation reach every desk, or only the current one."""
        current = self.nav.currentRow()
        for row in range(self.nav.count()):
            if row == current:
                continue
            item = self.nav.item(row)
            flags = item.flags()
            if enabled:
                flags |= Qt.ItemFlag.ItemIsEnabled
            else:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)

    def _open_starting_desk(self) -> None:
        """A desk volunteer's day is the Reception desk: the program opens there."""
        if self.context.actor.role == Role.DESK and self.current_desk_key() == "home":
            self.switch_to("reception")

    def on_database_ready(self) -> None:
        self.apply_idle_minutes()
        self._enable_other_desks(True)
        self._open_starting_desk()

    def on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._desks):
            self.stack.setCurrentWidget(self._widget_at(row))

    def on_desk_shortcut_activated(self, number: int) -> None:
        if (
            not self.is_locked
            and number <= self.nav.count()
            and self.nav.item(number - 1).flags() & Qt.ItemFlag.ItemIsEnabled
        ):
            self.nav.setCurrentRow(number - 1)
            self.nav.setFocus()

    # --- actions ---------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.switch_user_action = self._action(
            "main.switchUser",
            self.tr("&Switch user"),
            "Ctrl+Shift+U",
            self.on_switch_user_triggered,
        )
        self.lock_action = self._action(
            "main.lock", self.tr("&Lock"), "Ctrl+L", self.on_lock_triggered
        )
        self.help_action = self._action(
            "main.help", self.tr("&User guide"), "F1", self.on_help_triggered
        )
        self.about_action = self._action(
            "main.about", self.tr("&About Youlin Desk"), "", self.on_about_triggered
        )
        self.quit_action = self._action(
            "main.quit", self.tr("&Quit"), "Ctrl+Q", self.on_quit_triggered
        )

        account_menu = self.menuBar().addMenu(self.tr("&Account"))
        account_menu.addAction(self.switch_user_action)
        account_menu.addAction(self.lock_action)
        account_menu.addSeparator()
        account_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.help_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Account"), self)
        toolbar.setObjectName("main.toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        who = QLabel(self._who_text(), toolbar)
        who.setObjectName("main.who")
        who.setContentsMargins(self.fontMetrics().height(), 0, self.fontMetrics().height(), 0)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(who)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.switch_user_action)
        toolbar.addAction(self.lock_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        for action in (self.switch_user_action, self.lock_action):
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setObjectName(f"{action.objectName()}Button")
                button.setAccessibleName(action.text().replace("&", ""))

    def _action(self, name: str, text: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _who_text(self) -> str:
        actor = self.context.actor
        return (
            self.tr("Logged in: %1 (%2)")
            .replace("%1", actor.display_name)
            .replace("%2", labels.role_name(actor.role))
        )

    def update_title(self, centre_name: str | None = None) -> None:
        if centre_name is not None:
            self._centre_name = centre_name
        self.setWindowTitle(window_title(self._centre_name, self.context.actor))

    def on_switch_user_triggered(self) -> None:
        self.switch_user_requested.emit()

    def on_quit_triggered(self) -> None:
        self.close()

    def show_help(self, key: str | None = None) -> HelpWindow:
        """The guide's window (one per main window, raised when open) on page `key`, else on
        the page of the desk shown (F1)."""
        from app import help as guide
        from ui.help_browser import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        window = self.help_window
        window.open_page(key or guide.page_for_desk(self.current_desk_key()))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def on_help_triggered(self) -> None:
        self.show_help()

    def on_about_triggered(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("main.aboutBox")
        box.setWindowTitle(self.tr("About Youlin Desk"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(
            self.tr(
                "Youlin Desk %1\n\nThe front desk of the neighbourhood centre: reception, people, "
                "rooms, the service menu, volunteers and certificates.\n\nData folder: %2"
            )
            .replace("%1", __version__)
            .replace("%2", _data_folder())
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- lock ------------------------------------------------------------------------------

    def apply_idle_minutes(self) -> None:
        """Lock after the admin's idle period (Settings → 闲置锁定), read again when any desk
        changed what every desk shows and after each unlock; a database that can't be read
        just now leaves the period as it was."""
        from app.errors import DomainError
        from app.services import centre

        try:
            minutes = self.context.run(
                lambda session, _actor: centre.idle_lock_minutes(session), write=False
            )
        except DomainError:
            log.warning(
                "the idle period could not be read; keeping %s ms", self.idle.timer.interval()
            )
            return
        self.idle.set_minutes(minutes)
        self.lock_panel.set_idle_minutes(minutes)
        self.lock_action.setToolTip(
            self.tr(
                "Lock the desk now. It locks itself after %1 minutes without use "
                "(set by the administrator)."
            ).replace("%1", str(minutes))
        )

    @property
    def is_locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_panel

    def lock(self) -> None:
        """Hide the desk behind the lock panel until the same account's password is typed."""
        if self.is_locked:
            return
        self.idle.timer.stop()
        for action in (self.lock_action, self.about_action):
            action.setEnabled(False)
        self.nav.setEnabled(False)
        self.pages.setCurrentWidget(self.lock_panel)
        self.lock_panel.reset()
        log.info("desk locked for %s", self.context.actor.username)

    def on_lock_triggered(self) -> None:
        self.lock()

    def on_idle(self) -> None:
        self.lock()

    def on_lock_panel_unlocked(self) -> None:
        for action in (self.lock_action, self.about_action):
            action.setEnabled(True)
        self.nav.setEnabled(True)
        self.pages.setCurrentWidget(self.workspace)
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus()
        self.idle.timer.start()
        self.apply_idle_minutes()

    # --- window ----------------------------------------------------------------------------

    def restore_geometry(self) -> None:
        saved = self.context.settings.window_geometry
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen is not None else DEFAULT_SIZE
        self.resize(DEFAULT_SIZE.boundedTo(available))

    def save_geometry(self) -> None:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        if geometry == self.context.settings.window_geometry:
            return
        try:
            self.context.save_settings(replace(self.context.settings, window_geometry=geometry))
        except OSError:
            log.warning("could not save the window's size and place", exc_info=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.idle.start()

    def close_for_switch(self) -> None:
        """Close without asking the application to quit (switching user)."""
        self._closing_for_switch = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.help_window is not None:
            self.help_window.close()
        self.save_geometry()
        self.idle.stop()
        self.context.connection.stop()
        super().closeEvent(event)
        if not self._closing_for_switch:
            self.quit_requested.emit()


def window_title(centre_name: str, actor: Actor) -> str:
    """e.g. 东社区邻里中心 — 友邻前台 — 张阿姨（前台志愿者）."""
    return (
        QApplication.translate("MainWindow", "%1 — Youlin Desk — %2 (%3)")
        .replace("%1", centre_name)
        .replace("%2", actor.display_name)
        .replace("%3", labels.role_name(actor.role))
    )


def _module_exists(name: str) -> bool:
    """Whether a desk's package is there, without importing it (start-up stays fast)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _data_folder() -> str:
    from app import paths

    return str(paths.data_dir())
