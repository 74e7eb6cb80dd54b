"""Accounts and roles: list, create, change role, disable/enable, reset password.

Every change goes through app.services.accounts, which checks the acting account's permission and
keeps the last active admin; this page only shows what the service says. The forms are inline
(no modal dialogs), so a volunteer's keyboard and a test drive them the same way.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.models import Role
from app.services import accounts
from app.services.accounts import AccountRow
from ui.context import DeskContext
from ui.errors import FieldMessage, FieldMessages, StatusLine
from ui.labels import role_name
from ui.settings.common import INACTIVE_COLOUR, heading, hint
from ui.style import configure_table, make_primary, update_table_metrics
from ui.widgets import button, plain

_HEADERS: tuple[str, ...] = tuple(
    str(header)
    for header in (
        QT_TRANSLATE_NOOP("AccountTableModel", "User name"),
        QT_TRANSLATE_NOOP("AccountTableModel", "Name shown"),
        QT_TRANSLATE_NOOP("AccountTableModel", "Role"),
        QT_TRANSLATE_NOOP("AccountTableModel", "Status"),
        QT_TRANSLATE_NOOP("AccountTableModel", "Last sign-in"),
    )
)
ROLES = (Role.DESK, Role.STAFF, Role.ADMIN)

_Index = QModelIndex | QPersistentModelIndex


class AccountTableModel(QAbstractTableModel):
    """The accounts as rows; a disabled account says 已停用 in words and is greyed."""

    USERNAME, DISPLAY_NAME, ROLE, STATUS, LAST_LOGIN = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AccountRow] = []

    def set_rows(self, rows: list[AccountRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AccountRow:
        return self._rows[row]

    def row_of(self, account_id: int) -> int:
        """The row of an account, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == account_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AccountTableModel", _HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        account = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.USERNAME:
                return account.username
            if column == self.DISPLAY_NAME:
                return account.display_name
            if column == self.ROLE:
                return role_name(account.role)
            if column == self.STATUS:
                if not account.active:
                    return self.tr("Disabled")
                if account.locked_until is not None:
                    return self.tr("Locked until %1").replace(
                        "%1", account.locked_until.strftime("%H:%M")
                    )
                return self.tr("Active")
            if column == self.LAST_LOGIN:
                if account.last_login_at is None:
                    return self.tr("Never")
                return account.last_login_at.strftime("%Y-%m-%d %H:%M")
        if role == Qt.ItemDataRole.ForegroundRole and not account.active:
            return QColor(INACTIVE_COLOUR)
        return None


class AccountsPage(QWidget):
    """Manage who may sign in at this centre, and with which role."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.accounts")
        self._context = context

        self._model = AccountTableModel(self)
        self._table = QTableView(self)
        self._table.setObjectName("settings.accounts.table")
        self._table.setAccessibleName(self.tr("Accounts"))
        self._table.setModel(self._model)
        configure_table(self._table)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setTabKeyNavigation(False)
        self._table.selectionModel().selectionChanged.connect(self.on_selection_changed)

        # The selected account: its role, enabling, password.
        self._selected_label = QLabel(self)
        self._selected_label.setObjectName("settings.accounts.selected")
        self._selected_label.setWordWrap(True)
        role_caption = QLabel(self.tr("R&ole:"), self)
        self._role = QComboBox(self)
        self._role.setObjectName("settings.accounts.role")
        self._role.setAccessibleName(self.tr("Role of the selected account"))
        for role in ROLES:
            self._role.addItem(role_name(role), role.value)
        role_caption.setBuddy(self._role)
        self._change_role = button(self.tr("C&hange role"), "settings.accounts.changeRole", self)
        self._change_role.clicked.connect(self.on_change_role_clicked)
        self._toggle_active = button(
            self.tr("&Disable account"), "settings.accounts.toggleActive", self
        )
        self._toggle_active.clicked.connect(self.on_toggle_active_clicked)
        self._reset = button(self.tr("&Reset password…"), "settings.accounts.resetPassword", self)
        self._reset.clicked.connect(self.on_reset_clicked)
        self._unlock = button(self.tr("&Unlock"), "settings.accounts.unlock", self)
        self._unlock.setToolTip(
            self.tr("Let this account sign in again now, after too many wrong passwords.")
        )
        self._unlock.clicked.connect(self.on_unlock_clicked)
        self._create = button(self.tr("&New account…"), "settings.accounts.create", self)
        make_primary(self._create)
        self._create.clicked.connect(self.on_create_clicked)

        # Two short rows rather than one long one: nothing is squeezed in large text.
        role_row = QHBoxLayout()
        role_row.addWidget(role_caption)
        role_row.addWidget(self._role)
        role_row.addWidget(self._change_role)
        role_row.addStretch(1)
        account_row = QHBoxLayout()
        account_row.addWidget(self._toggle_active)
        account_row.addWidget(self._reset)
        account_row.addWidget(self._unlock)
        account_row.addStretch(1)

        self._message = StatusLine("settings.accounts.message", self)

        # One thing at a time: the list, or a form in its place (no modal dialogs).
        self._list_view = QWidget(self)
        self._list_view.setObjectName("settings.accounts.list")
        list_layout = QVBoxLayout(self._list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self._table, 1)
        list_layout.addWidget(self._selected_label)
        list_layout.addLayout(role_row)
        list_layout.addLayout(account_row)
        self._create_form = self._build_create_form()
        self._reset_form = self._build_reset_form()
        self._views = QStackedWidget(self)
        self._views.setObjectName("settings.accounts.views")
        for view in (self._list_view, self._create_form, self._reset_form):
            self._views.addWidget(view)

        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.tr("Accounts and roles"), self), 1)
        title_row.addWidget(self._create)
        layout.addLayout(title_row)
        layout.addWidget(
            hint(
                self.tr(
                    "Desk volunteers: reception, people, signups. Staff: also rooms, menu, hours "
                    "and certificates. Admins: everything, including these settings."
                ),
                self,
            )
        )
        layout.addWidget(self._message)
        layout.addWidget(self._views, 1)

        QWidget.setTabOrder(self._create, self._table)
        self.reload()

    # ---- forms ------------------------------------------------------------------------------

    def _build_create_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("New account"), self)
        box.setObjectName("settings.accounts.createForm")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self._new_username = QLineEdit(box)
        self._new_username.setObjectName("settings.accounts.new.username")
        self._new_username.setMaxLength(32)
        self._new_username.setPlaceholderText(self.tr("e.g. zhangli (letters and digits)"))
        self._new_display_name = QLineEdit(box)
        self._new_display_name.setObjectName("settings.accounts.new.displayName")
        self._new_display_name.setMaxLength(40)
        self._new_display_name.setPlaceholderText(self.tr("e.g. 张丽"))
        self._new_role = QComboBox(box)
        self._new_role.setObjectName("settings.accounts.new.role")
        for role in ROLES:
            self._new_role.addItem(role_name(role), role.value)
        self._new_password = QLineEdit(box)
        self._new_password.setObjectName("settings.accounts.new.password")
        self._new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self._new_password.setPlaceholderText(self.tr("At least 8 characters"))
        self._new_repeat = QLineEdit(box)
        self._new_repeat.setObjectName("settings.accounts.new.repeat")
        self._new_repeat.setEchoMode(QLineEdit.EchoMode.Password)

        rows: list[tuple[str, QWidget, str]] = [
            (self.tr("&User name:"), self._new_username, "username"),
            (self.tr("Name &shown:"), self._new_display_name, "display_name"),
            (self.tr("Ro&le:"), self._new_role, "role"),
            (self.tr("&Password:"), self._new_password, "password"),
            (self.tr("Password &again:"), self._new_repeat, "repeat"),
        ]
        self._create_messages = FieldMessages()
        for i, (text, widget, field) in enumerate(rows):
            label = QLabel(text, box)
            label.setBuddy(widget)
            widget.setAccessibleName(plain(text))
            message = FieldMessage(f"settings.accounts.new.{field}.message", box)
            grid.addWidget(label, i * 2, 0)
            grid.addWidget(widget, i * 2, 1)
            grid.addWidget(message, i * 2 + 1, 1)
            self._create_messages.add(field, widget, message)
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(self.on_create_confirmed)

        confirm = button(self.tr("&Create account"), "settings.accounts.new.confirm", box)
        make_primary(confirm)
        confirm.clicked.connect(self.on_create_confirmed)
        cancel = button(self.tr("Cancel"), "settings.accounts.new.cancel", box)
        cancel.clicked.connect(self.on_form_cancelled)
        actions = QHBoxLayout()
        actions.addWidget(confirm)
        actions.addWidget(cancel)
        actions.addStretch(1)
        grid.addLayout(actions, len(rows) * 2, 0, 1, 2)
        grid.setRowStretch(len(rows) * 2 + 1, 1)
        return box

    def _build_reset_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reset password"), self)
        box.setObjectName("settings.accounts.resetForm")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self._reset_for = QLabel(box)
        self._reset_for.setWordWrap(True)
        self._reset_password = QLineEdit(box)
        self._reset_password.setObjectName("settings.accounts.reset.password")
        self._reset_password.setEchoMode(QLineEdit.EchoMode.Password)
        self._reset_password.setPlaceholderText(self.tr("At least 8 characters"))
        self._reset_repeat = QLineEdit(box)
        self._reset_repeat.setObjectName("settings.accounts.reset.repeat")
        self._reset_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        grid.addWidget(self._reset_for, 0, 0, 1, 2)
        self._reset_messages = FieldMessages()
        for i, (text, widget, field) in enumerate(
            [
                (self.tr("New &password:"), self._reset_password, "password"),
                (self.tr("Password &again:"), self._reset_repeat, "repeat"),
            ]
        ):
            label = QLabel(text, box)
            label.setBuddy(widget)
            widget.setAccessibleName(plain(text))
            widget.returnPressed.connect(self.on_reset_confirmed)
            message = FieldMessage(f"settings.accounts.reset.{field}.message", box)
            grid.addWidget(label, 1 + i * 2, 0)
            grid.addWidget(widget, 1 + i * 2, 1)
            grid.addWidget(message, 2 + i * 2, 1)
            self._reset_messages.add(field, widget, message)
        confirm = button(self.tr("&Set new password"), "settings.accounts.reset.confirm", box)
        make_primary(confirm)
        confirm.clicked.connect(self.on_reset_confirmed)
        cancel = button(self.tr("Cancel"), "settings.accounts.reset.cancel", box)
        cancel.clicked.connect(self.on_form_cancelled)
        actions = QHBoxLayout()
        actions.addWidget(confirm)
        actions.addWidget(cancel)
        actions.addStretch(1)
        grid.addLayout(actions, 5, 0, 1, 2)
        grid.setRowStretch(6, 1)
        return box

    # ---- what tests and the desk use -------------------------------------------------------

    def model(self) -> AccountTableModel:
        return self._model

    def reload(self) -> None:
        """Fetch the accounts again, keeping the selection."""
        selected = self.selected_account()
        try:
            rows = self._context.run(
                lambda session, actor: accounts.list_accounts(session, actor), write=False
            )
        except DomainError as error:
            rows = []
            self._message.show_error(error.message)
        self._model.set_rows(rows)
        self._fit_columns()
        if selected is not None:
            self._select_row(self._model.row_of(selected.id))
        self._update_selection_widgets()

    def selected_account(self) -> AccountRow | None:
        rows = self._table.selectionModel().selectedRows()
        return self._model.row_at(rows[0].row()) if rows else None

    def select_username(self, username: str) -> bool:
        count = self._model.rowCount()
        row = next((i for i in range(count) if self._model.row_at(i).username == username), -1)
        self._select_row(row)
        return row >= 0

    def create_account(
        self,
        username: str,
        display_name: str,
        role: Role,
        password: str,
        repeat: str | None = None,
    ) -> bool:
        """Fill the new-account form as a person would and confirm it; True when created."""
        self.on_create_clicked()
        self._new_username.setText(username)
        self._new_display_name.setText(display_name)
        self._new_role.setCurrentIndex(self._new_role.findData(role.value))
        self._new_password.setText(password)
        self._new_repeat.setText(password if repeat is None else repeat)
        return self._create_account()

    def change_selected_role(self, role: Role) -> bool:
        self._role.setCurrentIndex(self._role.findData(role.value))
        return self._apply_role()

    def set_selected_active(self, active: bool) -> bool:
        return self._apply_active(active)

    def reset_selected_password(self, password: str, repeat: str | None = None) -> bool:
        self.on_reset_clicked()
        self._reset_password.setText(password)
        self._reset_repeat.setText(password if repeat is None else repeat)
        return self._apply_reset()

    def last_message(self) -> str:
        return self._message.message()

    def last_message_is_error(self) -> bool:
        return self._message.is_error()

    def form_message(self, field: str) -> str:
        """The message beside a field of the open form ("" when none)."""
        messages = (
            self._create_messages
            if self._views.currentWidget() is self._create_form
            else self._reset_messages
        )
        return messages.text(field)

    def is_form_open(self) -> bool:
        return self._views.currentWidget() is not self._list_view

    # ---- slots ------------------------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_selection_widgets()

    @Slot()
    def on_create_clicked(self) -> None:
        for edit in (self._new_username, self._new_display_name, self._new_password):
            edit.clear()
        self._new_repeat.clear()
        self._new_role.setCurrentIndex(self._new_role.findData(Role.DESK.value))
        self._clear_form_messages()
        self._show_view(self._create_form)
        self._new_username.setFocus()

    @Slot()
    def on_create_confirmed(self) -> None:
        self._create_account()

    @Slot()
    def on_change_role_clicked(self) -> None:
        self._apply_role()

    @Slot()
    def on_toggle_active_clicked(self) -> None:
        account = self.selected_account()
        if account is not None:
            self._apply_active(not account.active)

    @Slot()
    def on_unlock_clicked(self) -> None:
        self.unlock_selected()

    @Slot()
    def on_reset_clicked(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        self._reset_for.setText(
            self.tr("New password for %1 (%2). They are asked to change it at the next sign-in.")
            .replace("%1", account.display_name)
            .replace("%2", account.username)
            if account.id != self._context.actor.account_id
            else self.tr("New password for your own account (%1).").replace("%1", account.username)
        )
        self._reset_password.clear()
        self._reset_repeat.clear()
        self._clear_form_messages()
        self._show_view(self._reset_form)
        self._reset_password.setFocus()

    @Slot()
    def on_reset_confirmed(self) -> None:
        self._apply_reset()

    @Slot()
    def on_form_cancelled(self) -> None:
        self._show_view(self._list_view)
        self._clear_form_messages()
        self._message.clear_message()
        self._table.setFocus()

    # ---- inside -----------------------------------------------------------------------------

    def _create_account(self) -> bool:
        self._clear_form_messages()
        self._message.clear_message()
        password = self._new_password.text()
        if password != self._new_repeat.text():
            self._new_repeat.clear()
            self._show_form_error(
                self._create_messages,
                "repeat",
                self.tr("The two passwords are not the same. Please type them again."),
            )
            return False
        username = self._new_username.text()
        display_name = self._new_display_name.text()
        role = Role(self._new_role.currentData())
        try:
            row = self._context.run(
                lambda session, actor: accounts.create_account(
                    session, actor, username, display_name, role, password
                ),
                write=True,
            )
        except ValidationError as error:
            self._show_form_error(self._create_messages, error.field, error.message)
            return False
        except DomainError as error:
            self._message.show_error(self.tr("Not created: %1").replace("%1", error.message))
            return False
        self._show_view(self._list_view)
        self.reload()
        self.select_username(row.username)
        self._message.show_info(
            self.tr("Account %1 (%2) created with the role %3.")
            .replace("%1", row.username)
            .replace("%2", row.display_name)
            .replace("%3", role_name(row.role))
        )
        return True

    def _apply_role(self) -> bool:
        account = self.selected_account()
        if account is None:
            self._message.show_error(self.tr("First choose an account in the list."))
            return False
        role = Role(self._role.currentData())
        actor = self._context.actor
        try:
            row = self._context.run(
                lambda session, actor: accounts.change_role(session, actor, account.id, role),
                write=True,
            )
        except DomainError as error:
            self._message.show_error(self.tr("Role not changed: %1").replace("%1", error.message))
            self.reload()
            return False
        self.reload()
        text = self.tr("%1 now has the role %2.").replace("%1", row.display_name)
        text = text.replace("%2", role_name(row.role))
        if row.id == actor.account_id:
            text += " " + self.tr("Your own new role applies from your next sign-in.")
        self._message.show_info(text)
        return True

    def _apply_active(self, active: bool) -> bool:
        account = self.selected_account()
        if account is None:
            self._message.show_error(self.tr("First choose an account in the list."))
            return False
        actor = self._context.actor
        if not active and account.id == actor.account_id and self._other_active_admins(account):
            # The service allows it while another admin exists (as the last admin, the service
            # refuses and says why), but it would lock this person out at the next sign-in.
            self._message.show_error(
                self.tr(
                    "You can't disable your own account while you are signed in with it. "
                    "Ask another administrator to do it."
                )
            )
            return False
        try:
            row = self._context.run(
                lambda session, actor: accounts.set_active(session, actor, account.id, active),
                write=True,
            )
        except DomainError as error:
            what = self.tr("Not enabled: %1") if active else self.tr("Not disabled: %1")
            self._message.show_error(what.replace("%1", error.message))
            self.reload()
            return False
        self.reload()
        self._message.show_info(
            (
                self.tr("%1 may sign in again.")
                if row.active
                else self.tr("%1 is disabled and can no longer sign in.")
            ).replace("%1", row.display_name)
        )
        return True

    def unlock_selected(self) -> bool:
        """Let the selected account, locked after too many wrong passwords, sign in again now."""
        account = self.selected_account()
        if account is None:
            self._message.show_error(self.tr("First choose an account in the list."))
            return False
        try:
            row = self._context.run(
                lambda session, actor: accounts.unlock(session, actor, account.id), write=True
            )
        except DomainError as error:
            self._message.show_error(self.tr("Not unlocked: %1").replace("%1", error.message))
            self.reload()
            return False
        self.reload()
        self._message.show_info(
            self.tr("%1 is unlocked and may sign in again now.").replace("%1", row.display_name)
        )
        return True

    def _apply_reset(self) -> bool:
        account = self.selected_account()
        if account is None:
            self._message.show_error(self.tr("First choose an account in the list."))
            return False
        self._clear_form_messages()
        self._message.clear_message()
        password = self._reset_password.text()
        if password != self._reset_repeat.text():
            self._reset_repeat.clear()
            self._show_form_error(
                self._reset_messages,
                "repeat",
                self.tr("The two passwords are not the same. Please type them again."),
            )
            return False
        try:
            self._context.run(
                lambda session, actor: accounts.reset_password(
                    session, actor, account.id, password
                ),
                write=True,
            )
        except ValidationError as error:
            self._show_form_error(self._reset_messages, error.field, error.message)
            return False
        except DomainError as error:
            self._message.show_error(
                self.tr("Password not changed: %1").replace("%1", error.message)
            )
            return False
        self._show_view(self._list_view)
        self._message.show_info(
            self.tr("The password of %1 is reset.").replace("%1", account.display_name)
        )
        self.reload()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc leaves an open form, as it would close a dialog (fields pass Esc on to here).
        if event.key() == Qt.Key.Key_Escape and self.is_form_open():
            self.on_form_cancelled()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            update_table_metrics(self._table)
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its widest text plus a margin; the last one takes the rest."""
        margin = self._table.fontMetrics().averageCharWidth() * 2
        header = self._table.horizontalHeader()
        for column in range(self._model.columnCount() - 1):
            width = max(self._table.sizeHintForColumn(column), header.sectionSizeHint(column))
            self._table.setColumnWidth(column, width + margin)

    def _other_active_admins(self, account: AccountRow) -> int:
        return sum(
            1
            for row in (self._model.row_at(i) for i in range(self._model.rowCount()))
            if row.id != account.id and row.active and row.role == Role.ADMIN
        )

    def _show_view(self, view: QWidget) -> None:
        self._views.setCurrentWidget(view)
        self._create.setVisible(view is self._list_view)
        if view is self._list_view:
            self._table.setFocus()

    def _select_row(self, row: int) -> None:
        if row < 0:
            self._table.clearSelection()
            return
        self._table.selectRow(row)
        self._table.scrollTo(self._model.index(row, 0))

    def _update_selection_widgets(self) -> None:
        account = self.selected_account()
        has = account is not None
        for widget in (self._role, self._change_role, self._toggle_active, self._reset):
            widget.setEnabled(has)
        self._unlock.setEnabled(account is not None and account.locked_until is not None)
        if account is None:
            self._selected_label.setText(self.tr("Choose an account in the list to change it."))
            self._toggle_active.setText(self.tr("&Disable account"))
            self._toggle_active.setAccessibleName(plain(self._toggle_active.text()))
            return
        status = self.tr("active") if account.active else self.tr("disabled")
        if account.active and account.locked_until is not None:
            status = self.tr("locked until %1 after too many wrong passwords").replace(
                "%1", account.locked_until.strftime("%H:%M")
            )
        self._selected_label.setText(
            self.tr("Selected: %1 (%2), %3, %4.")
            .replace("%1", account.display_name)
            .replace("%2", account.username)
            .replace("%3", role_name(account.role))
            .replace("%4", status)
        )
        self._role.setCurrentIndex(self._role.findData(account.role.value))
        self._toggle_active.setText(
            self.tr("&Disable account") if account.active else self.tr("&Enable account")
        )
        self._toggle_active.setAccessibleName(plain(self._toggle_active.text()))

    def _show_form_error(self, messages: FieldMessages, field: str, text: str) -> None:
        if not messages.set(field, text):
            self._message.show_error(text)
            return
        self._message.show_error(self.tr("Not saved: please correct the form below."))
        widget = messages.widget(field)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def _clear_form_messages(self) -> None:
        self._create_messages.clear()
        self._reset_messages.clear()
