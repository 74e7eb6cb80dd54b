"""The audit log (操作日志) for admins: who did what, filtered by period, account, action, object
and text, read page by page as the list scrolls, and exported to Excel (the export is logged
too). The service (`app.services.audit`) refuses anyone but an admin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError
from app.i18n import translate
from app.progress import Progress
from app.security import Permission
from app.services import accounts, audit, audit_words, tables
from app.services.audit import AuditFilter, AuditLine
from ui import jobs
from ui.context import DeskContext
from ui.errors import StatusLine
from ui.labels import QT_TRANSLATE_NOOP
from ui.settings.common import heading, hint, pydate, qdate
from ui.style import configure_table, make_primary
from ui.table_export import TableExporter
from ui.table_model import EXPORT_ROLE, Index, TableModel
from ui.widgets import button, plain


class AuditTableModel(TableModel):
    """The log's lines, newest first; the next page is read when the view scrolls to the end."""

    CONTEXT = "AuditTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Account"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Object"),
        QT_TRANSLATE_NOOP("AuditTableModel", "What happened"),
    )
    TIME, ACCOUNT, ACTION, OBJECT, DESCRIPTION = range(5)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._filter = AuditFilter()
        self._lines: list[AuditLine] = []
        self._done = True
        self.total = 0

    def set_filter(self, wanted: AuditFilter) -> None:
        """Show what `wanted` matches from its newest line; DomainError when it can't be read."""
        self.beginResetModel()
        self._filter, self._lines, self._done, self.total = wanted, [], False, 0
        try:
            self.total = self._context.run(
                lambda session, actor: audit.count(session, actor, wanted), write=False
            )
            self._read_page()
        finally:
            self.endResetModel()

    def line(self, row: int) -> AuditLine:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._done:
            return
        try:
            page = self._page()
        except DomainError:
            self._done = True
            return
        if page:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._lines.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == EXPORT_ROLE and column == self.TIME:
            return line.at
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.TIME:
                return line.at.strftime("%Y-%m-%d %H:%M")
            if column == self.ACCOUNT:
                return line.account or line.username
            if column == self.ACTION:
                return line.action_label
            if column == self.OBJECT:
                return line.entity_label
            if column == self.DESCRIPTION:
                return line.description
        if role == Qt.ItemDataRole.ToolTipRole:
            # What the narrow columns leave out: the seconds, the user name, the whole sentence.
            if column == self.TIME:
                return line.at.strftime("%Y-%m-%d %H:%M:%S")
            if column == self.ACCOUNT and line.account and line.username:
                return f"{line.account}（{line.username}）"
            if column == self.DESCRIPTION:
                return line.description
        return None

    def _read_page(self) -> None:
        self._lines.extend(self._page())

    def _page(self) -> list[AuditLine]:
        before = self._lines[-1].id if self._lines else None
        wanted = self._filter
        page = self._context.run(
            lambda session, actor: audit.search(session, actor, wanted, before_id=before),
            write=False,
        )
        if len(page) < audit.PAGE:
            self._done = True
        return page


class AuditExporter(TableExporter):
    """The save dialog of the table exports, writing through `audit.export_log` (admins only,
    the export itself logged)."""

    def __init__(
        self, parent: QWidget, context: DeskContext, wanted: AuditFilter, status: StatusLine
    ) -> None:
        title = translate("Audit", "Audit log")
        placeholder = tables.Table(title, [], [], tables.TableKind.PEOPLE)
        super().__init__(parent, context, placeholder, name="settings.audit", status=status)
        self._wanted = wanted

    def save_to(self, path: str | Path) -> jobs.Job[tables.TableExport]:
        db, actor, wanted = self._context.db, self._context.actor, self._wanted

        def work(progress: Progress) -> tables.TableExport:
            return audit.export_log(db, actor, wanted, path, progress=progress)

        job = jobs.start(work, "settings.audit.export")
        job.succeeded.connect(self.on_saved)
        job.failed.connect(self.on_failed)
        self.job = job
        if self._status is not None:
            self._status.show_info(self.tr("Exporting the audit log…"))
        return job


class AuditPage(QWidget):
    """Settings → 操作日志."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.audit")
        self._context = context
        self.exporter: AuditExporter | None = None

        today = clock.today()
        first_caption = QLabel(self.tr("&From:"), self)
        self._first = self._date_edit("settings.audit.first", today - dt.timedelta(days=30))
        self._first.setAccessibleName(plain(first_caption.text()))
        first_caption.setBuddy(self._first)
        last_caption = QLabel(self.tr("&To:"), self)
        self._last = self._date_edit("settings.audit.last", today)
        self._last.setAccessibleName(plain(last_caption.text()))
        last_caption.setBuddy(self._last)

        account_caption = QLabel(self.tr("A&ccount:"), self)
        self._account = QComboBox(self)
        self._account.setObjectName("settings.audit.account")
        self._account.setAccessibleName(plain(account_caption.text()))
        account_caption.setBuddy(self._account)
        action_caption = QLabel(self.tr("&Action:"), self)
        self._action = QComboBox(self)
        self._action.setObjectName("settings.audit.action")
        self._action.setAccessibleName(plain(action_caption.text()))
        self._action.addItem(self.tr("Any action"), "")
        for verb, words in audit_words.actions():
            self._action.addItem(words, verb)
        action_caption.setBuddy(self._action)
        entity_caption = QLabel(self.tr("&Object:"), self)
        self._entity = QComboBox(self)
        self._entity.setObjectName("settings.audit.object")
        self._entity.setAccessibleName(plain(entity_caption.text()))
        self._entity.addItem(self.tr("Any object"), "")
        for key, words in audit_words.entities():
            self._entity.addItem(words, key)
        entity_caption.setBuddy(self._entity)
        text_caption = QLabel(self.tr("Te&xt:"), self)
        self._text = QLineEdit(self)
        self._text.setObjectName("settings.audit.text")
        self._text.setAccessibleName(plain(text_caption.text()))
        self._text.setPlaceholderText(self.tr("a name, a file, a serial …"))
        self._text.setMaxLength(60)
        self._text.returnPressed.connect(self.on_search_clicked)
        text_caption.setBuddy(self._text)

        self._search = button(self.tr("&Search"), "settings.audit.search", self)
        make_primary(self._search)
        self._search.clicked.connect(self.on_search_clicked)
        self._export = button(self.tr("Export to &Excel…"), "settings.audit.export", self)
        self._export.setToolTip(self.tr("Save the lines found as an Excel workbook (.xlsx)."))
        self._export.clicked.connect(self.on_export_clicked)
        may = context.actor.may(Permission.AUDIT_LOG)
        self._search.setEnabled(may)
        self._export.setEnabled(may)

        self._model = AuditTableModel(context, self)
        self._table = QTableView(self)
        self._table.setObjectName("settings.audit.table")
        self._table.setAccessibleName(self.tr("Audit log"))
        self._table.setModel(self._model)
        configure_table(self._table)
        self._table.horizontalHeader().setStretchLastSection(True)
        self._count = QLabel(self)
        self._count.setObjectName("settings.audit.count")
        self._message = StatusLine("settings.audit.message", self)

        # Two pairs a row: the page stays within 1366 px in the large text size too.
        filters = QGridLayout()
        pairs = (
            (first_caption, self._first),
            (last_caption, self._last),
            (account_caption, self._account),
            (action_caption, self._action),
            (entity_caption, self._entity),
            (text_caption, self._text),
        )
        for number, (caption, field) in enumerate(pairs):
            row, column = divmod(number, 2)
            filters.addWidget(caption, row, column * 2)
            filters.addWidget(field, row, column * 2 + 1)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self._count, 1)
        buttons.addWidget(self._export)
        buttons.addWidget(self._search)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Audit log"), self))
        layout.addWidget(
            hint(
                self.tr(
                    "Who did what: sign-ins and refused sign-ins, locked accounts, exports, "
                    "backups, and changes to people, bookings, hours and certificates."
                ),
                self,
            )
        )
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self._message)
        layout.addWidget(self._table, 1)
        self._fill_accounts()
        if may:
            self.reload()

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(qdate(day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _fill_accounts(self) -> None:
        self._account.clear()
        self._account.addItem(self.tr("Any account"), None)
        if not self._context.actor.may(Permission.ACCOUNTS):
            return
        try:
            rows = self._context.run(
                lambda session, actor: accounts.list_accounts(session, actor), write=False
            )
        except DomainError:
            return
        for row in rows:
            self._account.addItem(f"{row.display_name}（{row.username}）", row.id)

    # ---- what tests and the desk use -------------------------------------------------------

    def model(self) -> AuditTableModel:
        return self._model

    def current_filter(self) -> AuditFilter:
        account = self._account.currentData()
        return AuditFilter(
            first=pydate(self._first.date()),
            last=pydate(self._last.date()),
            account_id=int(account) if account is not None else None,
            action=str(self._action.currentData() or ""),
            entity=str(self._entity.currentData() or ""),
            text=self._text.text(),
        )

    def set_filter(
        self,
        *,
        first: dt.date | None = None,
        last: dt.date | None = None,
        action: str | None = None,
        entity: str | None = None,
        text: str | None = None,
    ) -> None:
        """Choose filters as a person would (None: leave as it is), then search."""
        if first is not None:
            self._first.setDate(qdate(first))
        if last is not None:
            self._last.setDate(qdate(last))
        if action is not None:
            self._action.setCurrentIndex(max(0, self._action.findData(action)))
        if entity is not None:
            self._entity.setCurrentIndex(max(0, self._entity.findData(entity)))
        if text is not None:
            self._text.setText(text)
        self.reload()

    def reload(self) -> bool:
        self._message.clear_message()
        wanted = self.current_filter()
        if wanted.first and wanted.last and wanted.last < wanted.first:
            self._message.show_error(self.tr("The period ends before it starts."))
            return False
        try:
            self._model.set_filter(wanted)
        except DomainError as error:
            self._message.show_error(error.message)
            self._count.setText("")
            return False
        self._count.setText(self.tr("%1 lines found").replace("%1", f"{self._model.total:,}"))
        self._table.resizeColumnsToContents()
        return True

    def export(self) -> AuditExporter:
        """Ask where to save the lines found, then write them (a background job)."""
        self.exporter = AuditExporter(self, self._context, self.current_filter(), self._message)
        self.exporter.open_dialog()
        return self.exporter

    def last_message(self) -> str:
        return self._message.message()

    # ---- slots ------------------------------------------------------------------------------

    @Slot()
    def on_search_clicked(self) -> None:
        self.reload()

    @Slot()
    def on_export_clicked(self) -> None:
        self.export()
