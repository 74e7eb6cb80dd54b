"""证书: the certificate register of the Volunteers desk.

The register (证书编号 / 类别 / 姓名 / 名称 / 时长 / 颁发日期 / 状态) filtered by year, kind and a
text; under the filters the actions: 颁发证书 (a form inside the page: the resident, the kind, the
title, the period), 批量颁发 (a year and a threshold → who qualifies, ticked → issued together),
补发, 作废 (the reason asked inside the page), 打印 and 查验. Staff and admins issue, reprint and
revoke; every account reads the register and verifies a certificate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError, ValidationError
from app.models import CertificateKind
from app.security import Permission
from app.services.tables import TableKind
from app.services.volunteers import certificates as service
from app.services.volunteers.certificates import BatchLine, CertificateRow, IssueInput
from ui import labels, style
from ui.context import DeskContext
from ui.errors import FieldMessage
from ui.labels import QT_TRANSLATE_NOOP
from ui.menu.date_field import parse_day
from ui.reception.widgets import DeskStatusLine
from ui.rooms.person_pick import PersonPicker
from ui.table_export import export_button
from ui.table_model import EXPORT_ROLE, LinesModel
from ui.widgets import button

Index = QModelIndex | QPersistentModelIndex
KINDS = (CertificateKind.SERVICE_RECORD, CertificateKind.HONOUR, CertificateKind.COMPLETION)


def _hours(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


class RegisterModel(LinesModel[CertificateRow]):
    CONTEXT = "CertificateModels"
    EXPORT_KIND = TableKind.PEOPLE
    HEADERS = (
        QT_TRANSLATE_NOOP("CertificateModels", "Certificate number"),
        QT_TRANSLATE_NOOP("CertificateModels", "Kind"),
        QT_TRANSLATE_NOOP("CertificateModels", "Full name"),
        QT_TRANSLATE_NOOP("CertificateModels", "Title"),
        QT_TRANSLATE_NOOP("CertificateModels", "Hours"),
        QT_TRANSLATE_NOOP("CertificateModels", "Issued on"),
        QT_TRANSLATE_NOOP("CertificateModels", "Status"),
    )
    SERIAL, KIND, NAME, TITLE, HOURS, ISSUED, STATUS = range(7)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == EXPORT_ROLE:
            row = self.line(index.row())
            return {self.HOURS: row.hours, self.ISSUED: row.issued_on}.get(index.column())
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.line(index.row())
        column = index.column()
        if column == self.SERIAL:
            return row.serial
        if column == self.KIND:
            return labels.certificate_kind_name(row.kind)
        if column == self.NAME:
            return row.name
        if column == self.TITLE:
            return row.title
        if column == self.HOURS:
            return _hours(row.hours)
        if column == self.ISSUED:
            return row.issued_on.isoformat()
        status = labels.certificate_status_name(row.reprints, row.revoked)
        if role == Qt.ItemDataRole.ToolTipRole and row.revoked:
            return f"{status}：{row.revoked_reason}"
        return status


class BatchModel(LinesModel[BatchLine]):
    """Who qualifies, with a tick box each; someone already holding the year's certificate can't
    be ticked."""

    CONTEXT = "CertificateModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("CertificateModels", "Tick to issue"),
        QT_TRANSLATE_NOOP("CertificateModels", "Full name"),
        QT_TRANSLATE_NOOP("CertificateModels", "Volunteer number"),
        QT_TRANSLATE_NOOP("CertificateModels", "Hours"),
        QT_TRANSLATE_NOOP("CertificateModels", "Already holds"),
    )
    TICK, NAME, NUMBER, HOURS, HELD = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ticked: set[int] = set()

    def set_lines(self, lines: Any) -> None:
        super().set_lines(lines)
        self._ticked = {line.person_id for line in self.lines() if not line.held}

    def ticked(self) -> list[int]:
        return [line.person_id for line in self.lines() if line.person_id in self._ticked]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.TICK:
            if self.line(index.row()).held:
                return flags & ~Qt.ItemFlag.ItemIsEnabled
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.line(index.row())
        column = index.column()
        if column == self.TICK and role == Qt.ItemDataRole.CheckStateRole:
            ticked = line.person_id in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.TICK: "",
            self.NAME: line.name,
            self.NUMBER: line.volunteer_number,
            self.HOURS: _hours(line.hours),
            self.HELD: line.held,
        }[column]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.TICK:
            return False
        if role != Qt.ItemDataRole.CheckStateRole or self.line(index.row()).held:
            return False
        person = self.line(index.row()).person_id
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self._ticked.add(person)
        else:
            self._ticked.discard(person)
        self.dataChanged.emit(index, index, [role])
        return True


class _Panel(QFrame):
    """A part of the page that opens under the actions and closes again."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self)
        self.heading.setFont(style.scaled_font(self.heading, 1.1, bold=True))
        self.heading.setWordWrap(True)
        self.message = FieldMessage(f"{object_name}.message", self)
        self.setVisible(False)


class CertificatesPage(QWidget):
    """`volunteers.certificates`: the register, its filters and actions."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteers.certificates")
        self._context = context
        self.batch_preview: object | None = None  # the preview of the last batch issued
        self.last_preview: object | None = None  # the last preview opened (deleted when closed)
        self.status = DeskStatusLine("volunteers.certificates.status", self)
        self._make_filters()
        self._make_actions()
        self._make_issue_panel()
        self._make_batch_panel()
        self._make_revoke_panel()
        self.model = RegisterModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("volunteers.certificates.register")
        self.view.setAccessibleName(self.tr("Certificate register"))
        style.configure_table(self.view)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setModel(self.model)
        style.fit_columns(self.view, stretch=RegisterModel.TITLE)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_changed)
        self._make_export()
        # Ctrl+P previews the chosen certificate, as it prints on the Rooms and Service menu
        # desks: the register needs no tabbing to its Print… button.
        print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_shortcut.activated.connect(lambda: self.print_chosen())
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters_row)
        layout.addLayout(self.actions_row)
        for panel in (self.issue_panel, self.batch_panel, self.revoke_panel):
            layout.addWidget(panel)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.refresh()

    # --- building -------------------------------------------------------------------------

    def _make_filters(self) -> None:
        self.year_box = QComboBox(self)
        self.year_box.setObjectName("volunteers.certificates.year")
        self.year_box.setAccessibleName(self.tr("Year"))
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("volunteers.certificates.kind")
        self.kind_box.setAccessibleName(self.tr("Kind of certificate"))
        self.kind_box.addItem(self.tr("All kinds"), "")
        for kind in KINDS:
            self.kind_box.addItem(labels.certificate_kind_name(kind), kind.value)
        self.text_box = QLineEdit(self)
        self.text_box.setObjectName("volunteers.certificates.text")
        self.text_box.setAccessibleName(self.tr("Find a certificate"))
        self.text_box.setPlaceholderText(self.tr("Number, name or title"))
        self.text_box.setClearButtonEnabled(True)
        self.year_box.activated.connect(lambda _i: self.refresh())
        self.kind_box.activated.connect(lambda _i: self.refresh())
        self.text_box.textChanged.connect(lambda _t: self.refresh())
        self.filters_row = QHBoxLayout()
        for text, widget in (
            (self.tr("Year:"), self.year_box),
            (self.tr("Kind:"), self.kind_box),
            (self.tr("Find:"), self.text_box),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            self.filters_row.addWidget(label)
            self.filters_row.addWidget(widget, 1 if widget is self.text_box else 0)

    def _make_actions(self) -> None:
        def make(text: str, name: str, slot: Callable[[], object]) -> Any:
            widget = button(text, f"volunteers.certificates.{name}", self)
            widget.clicked.connect(lambda: slot())
            return widget

        self.issue_button = make(self.tr("Issue a certificate…"), "issue", self.open_issue)
        self.batch_button = make(self.tr("Issue for a year…"), "batch", self.open_batch)
        self.reprint_button = make(self.tr("Reprint (补发)"), "reprint", self.reprint)
        self.revoke_button = make(self.tr("Revoke…"), "revoke", self.open_revoke)
        self.print_button = make(self.tr("Print…"), "print", self.print_chosen)
        self.verify_button = make(self.tr("Verify a certificate…"), "verify", self.open_verify)
        self.actions_row = QHBoxLayout()
        for widget in (
            self.issue_button,
            self.batch_button,
            self.reprint_button,
            self.revoke_button,
            self.print_button,
        ):
            self.actions_row.addWidget(widget)
        self.actions_row.addStretch(1)
        self.actions_row.addWidget(self.verify_button)

    def _make_export(self) -> None:
        self.export_button = export_button(
            self,
            self._context,
            self.model,
            self._register_title,
            name="volunteers.certificates",
            status=self.status,
        )
        self.export_button.setVisible(self.export_button.isEnabled())
        self.actions_row.addWidget(self.export_button)

    def _register_title(self) -> str:
        """证书登记簿 2026年 (the year chosen), or without a year for all years."""
        title = self.tr("Certificate register")
        year = self.year_box.currentData()
        return f"{title} {self.year_box.currentText()}" if year else title

    def _make_issue_panel(self) -> None:
        panel = self.issue_panel = _Panel("volunteers.certificates.issueForm", self)
        panel.heading.setText(self.tr("Issue a certificate"))
        self.person_picker = PersonPicker(
            self._context, "volunteers.certificates.person", panel, rows=3
        )
        self.issue_kind = QComboBox(panel)
        self.issue_kind.setObjectName("volunteers.certificates.issueKind")
        self.issue_kind.setAccessibleName(self.tr("Kind of certificate"))
        for kind in KINDS:
            self.issue_kind.addItem(labels.certificate_kind_name(kind), kind.value)
        self.issue_kind.currentIndexChanged.connect(lambda _i: self._update_issue_form())
        self.issue_title = QComboBox(panel)
        self.issue_title.setEditable(True)
        self.issue_title.setObjectName("volunteers.certificates.title")
        self.issue_title.setAccessibleName(self.tr("Title: the honour or the course"))
        self.period_start = QLineEdit(panel)
        self.period_start.setObjectName("volunteers.certificates.periodStart")
        self.period_start.setAccessibleName(self.tr("Period from"))
        self.period_end = QLineEdit(panel)
        self.period_end.setObjectName("volunteers.certificates.periodEnd")
        self.period_end.setAccessibleName(self.tr("Period to"))
        for field in (self.period_start, self.period_end):
            field.setPlaceholderText(self.tr("e.g. 2026-01-01; empty: all records"))
        period = QHBoxLayout()
        period.addWidget(self.period_start, 1)
        period.addWidget(QLabel(self.tr("to"), panel))
        period.addWidget(self.period_end, 1)
        self.issue_confirm = button(
            self.tr("Issue it"), "volunteers.certificates.issueConfirm", panel
        )
        style.make_primary(self.issue_confirm)
        self.issue_confirm.clicked.connect(lambda: self.issue())
        close = button(self.tr("Close"), "volunteers.certificates.issueClose", panel)
        close.clicked.connect(self.close_panels)
        form = QFormLayout()
        form.addRow(self.tr("Resident:"), self.person_picker)
        form.addRow(self.tr("Kind:"), self.issue_kind)
        self.title_label = QLabel(self.tr("Title:"), panel)
        form.addRow(self.title_label, self.issue_title)
        form.addRow(self.tr("Period:"), period)
        buttons = QHBoxLayout()
        buttons.addWidget(panel.message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.issue_confirm)
        buttons.addWidget(close)
        layout = QVBoxLayout(panel)
        layout.addWidget(panel.heading)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def _make_batch_panel(self) -> None:
        panel = self.batch_panel = _Panel("volunteers.certificates.batchForm", self)
        panel.heading.setText(
            self.tr("Service record certificates for everyone who reached the hours in a year")
        )
        self.batch_year = QSpinBox(panel)
        self.batch_year.setObjectName("volunteers.certificates.batchYear")
        self.batch_year.setAccessibleName(self.tr("Year"))
        self.batch_year.setRange(2000, 2100)
        self.batch_threshold = QLineEdit(panel)
        self.batch_threshold.setObjectName("volunteers.certificates.threshold")
        self.batch_threshold.setAccessibleName(self.tr("At least this many hours"))
        self.batch_threshold.setText("20")
        self.batch_threshold.returnPressed.connect(lambda: self.preview_batch())
        show = button(self.tr("Show who qualifies"), "volunteers.certificates.batchPreview", panel)
        show.clicked.connect(lambda: self.preview_batch())
        self.batch_model = BatchModel(self)
        self.batch_model.dataChanged.connect(lambda *_args: self._count_batch())
        self.batch_count = QLabel(panel)
        self.batch_count.setObjectName("volunteers.certificates.batchCount")
        self.batch_count.setWordWrap(True)
        self.batch_view = QTableView(panel)
        self.batch_view.setObjectName("volunteers.certificates.batchList")
        self.batch_view.setAccessibleName(self.tr("Who qualifies"))
        style.configure_table(self.batch_view)
        self.batch_view.setModel(self.batch_model)
        style.fit_columns(self.batch_view, stretch=BatchModel.HELD)
        self.batch_confirm = button(
            self.tr("Issue to the ticked"), "volunteers.certificates.batchConfirm", panel
        )
        style.make_primary(self.batch_confirm)
        self.batch_confirm.clicked.connect(lambda: self.issue_batch())
        close = button(self.tr("Close"), "volunteers.certificates.batchClose", panel)
        close.clicked.connect(self.close_panels)
        top = QHBoxLayout()
        for text, widget in (
            (self.tr("Year:"), self.batch_year),
            (self.tr("At least (hours):"), self.batch_threshold),
        ):
            label = QLabel(text, panel)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addWidget(show)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(panel.message, 1)
        bottom.addWidget(self.batch_count, 1)
        bottom.addWidget(self.batch_confirm)
        bottom.addWidget(close)
        layout = QVBoxLayout(panel)
        layout.addWidget(panel.heading)
        layout.addLayout(top)
        layout.addWidget(self.batch_view, 1)
        layout.addLayout(bottom)

    def _make_revoke_panel(self) -> None:
        panel = self.revoke_panel = _Panel("volunteers.certificates.revokeForm", self)
        self.revoke_reason = QLineEdit(panel)
        self.revoke_reason.setObjectName("volunteers.certificates.revokeReason")
        self.revoke_reason.setAccessibleName(self.tr("Why the certificate is revoked"))
        self.revoke_reason.setMaxLength(200)
        self.revoke_reason.returnPressed.connect(lambda: self.revoke())
        confirm = button(
            self.tr("Revoke this certificate"), "volunteers.certificates.revokeConfirm", panel
        )
        style.make_primary(confirm)
        confirm.clicked.connect(lambda: self.revoke())
        close = button(self.tr("Don't revoke"), "volunteers.certificates.revokeClose", panel)
        close.clicked.connect(self.close_panels)
        row = QHBoxLayout()
        label = QLabel(self.tr("Why:"), panel)
        label.setBuddy(self.revoke_reason)
        row.addWidget(label)
        row.addWidget(self.revoke_reason, 1)
        row.addWidget(confirm)
        row.addWidget(close)
        layout = QVBoxLayout(panel)
        layout.addWidget(panel.heading)
        layout.addLayout(row)
        layout.addWidget(panel.message)

    # --- reading --------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        chosen = select if select is not None else self.certificate_id()
        year = self.year_box.currentData()
        kind = self.kind_box.currentData() or None
        text = self.text_box.text()
        try:
            rows, years = self._context.run(
                lambda session, actor: (
                    service.register(session, actor, year=year, kind=kind, text=text),
                    service.years(session, actor),
                ),
                write=False,
                status=self.status,
            )
        except DomainError:
            return
        self._fill_years(years)
        self.model.set_lines(rows)
        for row, line in enumerate(rows):
            if line.id == chosen:
                self.view.selectRow(row)
                break
        self._update_actions()

    def _fill_years(self, years: list[int]) -> None:
        current = self.year_box.currentData()
        this_year = clock.today().year
        wanted = sorted({*years, this_year}, reverse=True)
        have = [self.year_box.itemData(i) for i in range(1, self.year_box.count())]
        if self.year_box.count() and have == wanted:
            return
        self.year_box.blockSignals(True)
        self.year_box.clear()
        self.year_box.addItem(self.tr("All years"), None)
        for year in wanted:
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(current)))
        self.year_box.blockSignals(False)

    def certificate_id(self) -> int | None:
        row = self.chosen()
        return row.id if row else None

    def chosen(self) -> CertificateRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.line(index.row())

    def select_certificate(self, certificate_id: int) -> bool:
        for row, line in enumerate(self.model.lines()):
            if line.id == certificate_id:
                self.view.selectRow(row)
                return True
        return False

    def _update_actions(self) -> None:
        may_write = self._context.actor.may(Permission.CERTIFICATES)
        row = self.chosen()
        live = row is not None and not row.revoked
        self.issue_button.setEnabled(may_write)
        self.batch_button.setEnabled(may_write)
        self.reprint_button.setEnabled(may_write and live)
        self.revoke_button.setEnabled(may_write and live)
        self.print_button.setEnabled(may_write and live)

    # --- issuing --------------------------------------------------------------------------

    def close_panels(self) -> None:
        for panel in (self.issue_panel, self.batch_panel, self.revoke_panel):
            panel.message.clear()
            panel.setVisible(False)

    def open_issue(self) -> None:
        self.close_panels()
        self.person_picker.set_person(None)
        self.person_picker.search_box.clear()
        self.period_start.clear()
        self.period_end.clear()
        self._update_issue_form()
        self.issue_panel.setVisible(True)
        self.person_picker.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_issue_form(self) -> None:
        kind = CertificateKind(self.issue_kind.currentData())
        self.issue_title.clear()
        if kind == CertificateKind.HONOUR:
            self.issue_title.addItems(["睦邻达人", "共营达人", "草根规划师", "优秀志愿者"])
            self.title_label.setText(self.tr("Honour:"))
        elif kind == CertificateKind.COMPLETION:
            self.issue_title.setEditText("")
            self.title_label.setText(self.tr("Course:"))
        else:
            self.issue_title.addItem(service.RECORD_TITLE)
            self.title_label.setText(self.tr("Title:"))
        self.issue_title.setEnabled(kind != CertificateKind.SERVICE_RECORD)

    def _day(self, field: QLineEdit) -> dt.date | None:
        text = field.text().strip()
        if not text:
            return None
        day = parse_day(text, clock.today())
        if day is None:
            raise ValidationError("period", self.tr("Write the day as 2026-01-01."))
        return day

    def issue(self) -> CertificateRow | None:
        """Issue the certificate the form describes; the new row, or None (the form says why)."""
        panel = self.issue_panel
        panel.message.clear()
        person = self.person_picker.person_id()
        if person is None:
            panel.message.set_message(self.tr("Choose the resident first."))
            return None
        try:
            data = IssueInput(
                person,
                CertificateKind(self.issue_kind.currentData()),
                self.issue_title.currentText(),
                period_start=self._day(self.period_start),
                period_end=self._day(self.period_end),
            )
            row = self._context.run(
                lambda session, actor: service.issue(session, actor, data), write=True
            )
        except DomainError as error:
            panel.message.set_message(error.message)
            return None
        self.close_panels()
        self.text_box.clear()
        self.refresh(select=row.id)
        self.status.show_info(
            self.tr("Issued %1 to %2.").replace("%1", row.serial).replace("%2", row.name)
        )
        return row

    def open_batch(self) -> None:
        self.close_panels()
        self.batch_year.setValue(clock.today().year)
        self.batch_model.set_lines([])
        self._count_batch()
        self.batch_panel.setVisible(True)
        self.batch_threshold.setFocus(Qt.FocusReason.OtherFocusReason)

    def _threshold(self) -> Decimal:
        try:
            return Decimal(self.batch_threshold.text().strip())
        except InvalidOperation:
            return Decimal(0)

    def preview_batch(self) -> list[BatchLine]:
        panel = self.batch_panel
        panel.message.clear()
        year, threshold = self.batch_year.value(), self._threshold()
        try:
            lines = self._context.run(
                lambda session, actor: service.batch_preview(session, actor, year, threshold),
                write=False,
            )
        except DomainError as error:
            panel.message.set_message(error.message)
            return []
        self.batch_model.set_lines(lines)
        self._count_batch()
        if not lines:
            panel.message.set_message(self.tr("Nobody reached these hours in that year."))
        return lines

    def _count_batch(self) -> None:
        """How many reached the hours, hold the year's certificate already, and are ticked."""
        lines = self.batch_model.lines()
        if not lines:
            self.batch_count.clear()
            return
        held = sum(1 for line in lines if line.held)
        self.batch_count.setText(
            self.tr("%1 reached the hours, %2 of them hold one already; %3 ticked to issue.")
            .replace("%1", str(len(lines)))
            .replace("%2", str(held))
            .replace("%3", str(len(self.batch_model.ticked())))
        )
        self.batch_count.setAccessibleName(self.batch_count.text())

    def issue_batch(self) -> list[CertificateRow]:
        panel = self.batch_panel
        panel.message.clear()
        year, threshold = self.batch_year.value(), self._threshold()
        people = self.batch_model.ticked()
        try:
            rows = self._context.run(
                lambda session, actor: service.batch_issue(session, actor, year, threshold, people),
                write=True,
            )
        except DomainError as error:
            panel.message.set_message(error.message)
            return []
        self.close_panels()
        self.refresh(select=rows[0].id if rows else None)
        self.status.show_info(
            self.tr("Issued %1 certificates: %2 to %3.")
            .replace("%1", str(len(rows)))
            .replace("%2", rows[0].serial)
            .replace("%3", rows[-1].serial)
        )
        self.batch_preview = self._preview([row.id for row in rows])  # one PDF for the binder
        return rows

    # --- after issuing --------------------------------------------------------------------

    def reprint(self) -> CertificateRow | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        try:
            row = self._context.run(
                lambda session, actor: service.reprint(session, actor, chosen.id),
                write=True,
                status=self.status,
            )
        except DomainError:
            return None
        self.refresh(select=row.id)
        self.status.show_info(
            self.tr("%1 is reprinted (补发 %2): print the copy now.")
            .replace("%1", row.serial)
            .replace("%2", str(row.reprints))
        )
        self.print_chosen()
        return row

    def open_revoke(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        self.close_panels()
        self.revoke_panel.heading.setText(
            self.tr("Revoke %1 of %2? Verifying it will then say it is revoked, with the reason.")
            .replace("%1", chosen.serial)
            .replace("%2", chosen.name)
        )
        self.revoke_reason.clear()
        self.revoke_panel.setVisible(True)
        self.revoke_reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def revoke(self) -> CertificateRow | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        reason = self.revoke_reason.text()
        try:
            row = self._context.run(
                lambda session, actor: service.revoke(session, actor, chosen.id, reason),
                write=True,
            )
        except DomainError as error:
            self.revoke_panel.message.set_message(error.message)
            return None
        self.close_panels()
        self.refresh(select=row.id)
        self.status.show_info(self.tr("%1 is revoked.").replace("%1", row.serial))
        return row

    def print_chosen(self) -> object | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        return self._preview([chosen.id])

    def _preview(self, certificate_ids: list[int]) -> object | None:
        # Imported when asked: printing brings ReportLab, which the desk's start doesn't need.
        from ui.volunteers.printing import preview_certificates

        self.last_preview = preview_certificates(self._context, self, certificate_ids)
        return self.last_preview

    def open_verify(self) -> QWidget:
        from ui.volunteers.verify import VerifyDialog

        dialog = VerifyDialog(self._context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- slots ----------------------------------------------------------------------------

    def on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if self.revoke_panel.isVisible():
            self.close_panels()
