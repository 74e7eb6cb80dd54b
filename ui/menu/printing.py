"""The Service menu's print-outs, for the desk's buttons to call.

- `preview_signin_sheet`: a small dialog asks how many blank rows to leave for walk-ins (10
  unless changed), then the session's sign-in sheet (签到表) opens in the preview.
- `preview_menu`: the month's printed service menu in the preview.

As with the Rooms desk's sheets (`ui.rooms.printing`), the sheet is read in one read transaction
and laid out at once (500 signups take about 0.3 s), then shown in `ui.pdf_preview` with 打印…
and 另存为…; a character no font has is said in the preview before anything is printed. Nothing
here blocks: dialogs are opened, not exec()'d, and each helper returns what it opened so tests
(and the desk) can drive it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.printing import service_menu, signin_sheet
from ui import style
from ui.context import DeskContext
from ui.errors import StatusLine, show_domain_error
from ui.pdf_preview import PdfPreviewDialog, open_printout
from ui.widgets import button

DEFAULT_BLANK_ROWS = 10


class SigninSheetDialog(QDialog):
    """空白行数 for walk-ins, then 预览: the sheet opens in the preview (`preview`), and this
    dialog closes. `previewed(dialog)` hands the preview to whoever wants it."""

    previewed = Signal(object)

    def __init__(
        self, context: DeskContext, session_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("menu.signinSheet")
        self.setWindowTitle(self.tr("Print the sign-in sheet"))
        self.setAccessibleName(self.windowTitle())
        self._context = context
        self._session_id = session_id
        self.preview: PdfPreviewDialog | None = None

        intro = QLabel(
            self.tr(
                "The sheet lists everyone signed up, in pinyin order. Leave numbered blank rows "
                "at the end for people who come without signing up."
            ),
            self,
        )
        intro.setWordWrap(True)
        label = QLabel(self.tr("&Blank rows:"), self)
        self.blank_rows = QSpinBox(self)
        self.blank_rows.setObjectName("menu.blankRows")
        self.blank_rows.setAccessibleName(self.tr("Blank rows for walk-ins"))
        self.blank_rows.setRange(0, signin_sheet.MAX_BLANK_ROWS)
        self.blank_rows.setValue(DEFAULT_BLANK_ROWS)
        self.blank_rows.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000") * 3)
        label.setBuddy(self.blank_rows)
        self.status = StatusLine("menu.signinSheet.status", self)

        self.preview_button = button(self.tr("&Preview"), "menu.signinSheet.preview", self)
        style.make_primary(self.preview_button)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.on_preview_clicked)
        cancel = button(self.tr("Cancel"), "menu.signinSheet.cancel", self)
        cancel.clicked.connect(self.reject)

        fields = QGridLayout()
        fields.addWidget(label, 0, 0)
        fields.addWidget(self.blank_rows, 0, 1)
        fields.setColumnStretch(2, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.blank_rows.setFocus()

    def show_preview(self) -> PdfPreviewDialog | None:
        """Build the sheet with the chosen blank rows and open it in the preview; None when
        the service refused (said in this dialog)."""
        rows = self.blank_rows.value()
        session_id = self._session_id
        try:
            data = self._context.run(
                lambda session, actor: signin_sheet.read_signin_sheet(session, actor, session_id),
                write=False,
                status=self.status,
            )
            printout = signin_sheet.signin_sheet_pdf(data, blank_rows=rows)
        except DomainError as error:
            self.status.show_error(error.message)
            return None
        title = self.tr("sign-in sheet of %1").replace("%1", data.item)
        self.preview = open_printout(
            printout, title, signin_sheet.file_name(data), self.parentWidget()
        )
        self.previewed.emit(self.preview)
        self.accept()
        return self.preview

    def on_preview_clicked(self) -> None:
        self.show_preview()


def preview_signin_sheet(
    context: DeskContext, parent: QWidget | None, session_id: int
) -> SigninSheetDialog:
    """Ask the number of blank rows, then show the session's sign-in sheet in the preview."""
    dialog = SigninSheetDialog(context, session_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def preview_menu(
    context: DeskContext, parent: QWidget | None, month: dt.date
) -> PdfPreviewDialog | None:
    """The printed service menu of `month` in the preview; None when the service refused."""
    first = month.replace(day=1)
    try:
        data = context.run(
            lambda session, actor: service_menu.read_service_menu(session, actor, first),
            write=False,
        )
    except DomainError as error:
        show_domain_error(parent, error)
        return None
    printout = service_menu.service_menu_pdf(data)
    title = QCoreApplication.translate("MenuPrinting", "service menu of %1").replace(
        "%1", f"{first:%Y-%m}"
    )
    return open_printout(printout, title, service_menu.file_name(first), parent)
