"""Preview of a print-out (PDF bytes from app/printing), then print it or save it as a file.

Every print-out of the program comes here: member cards now, sign-in sheets and certificates
later. The page is shown as it will print (QtPdf draws the PDF itself); 打印… asks Qt's print
dialog for the printer and draws each page at its real size (a member card stays 85.6 × 54 mm
on A4 paper; a page larger than the paper is shrunk to fit); 另存为… writes the PDF unchanged.

Nothing here blocks: the print and file dialogs are opened, not exec()'d, and `print_to` and
`save_to` do the work for tests and scripts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPainter, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.printing.glyphs import Printout
from ui import style

log = logging.getLogger(__name__)

POINTS_PER_INCH = 72.0
# Pages are drawn onto the printer as images of this resolution at most: sharp on paper, and
# an A4 page stays ~35 MB in memory even on a 1200 dpi printer.
MAX_PRINT_DPI = 300
ZOOM_STEP = 1.25


class PdfPreviewDialog(QDialog):
    """A PDF shown page by page, with 打印…, 另存为… and 关闭.

    `title` names the print-out in the window title; `file_name` is offered when saving.
    """

    def __init__(
        self, pdf: bytes, title: str, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", title))
        self.setAccessibleName(self.windowTitle())
        self._pdf = bytes(pdf)
        self._file_name = file_name
        self._printer: QPrinter | None = None
        self._print_dialog: QPrintDialog | None = None
        self._file_dialog: QFileDialog | None = None

        # QPdfDocument reads from the device while it is open: keep the buffer with the dialog.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self._pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfPreview.view")
        self.view.setAccessibleName(self.tr("The print-out as it will print"))
        self.view.setDocument(self.document)
        # One page (a card, a certificate) is shown whole; several are scrolled through.
        if self.document.pageCount() > 1:
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setPageMode(QPdfView.PageMode.SinglePage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
            # FitInView leaves the document margins out of its sums (Qt 6.12): with them the
            # fitted page is a few pixels too tall and a scroll bar appears.
            self.view.setDocumentMargins(QMargins(0, 0, 0, 0))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pdfPreview.pages")
        self.message = QLabel(self)
        self.message.setObjectName("pdfPreview.message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setVisible(False)

        self.print_button = self._button(
            "pdfPreview.print", self.tr("&Print…"), self.tr("Print"), primary=True
        )
        self.print_button.clicked.connect(self.on_print_clicked)
        self.save_button = self._button(
            "pdfPreview.save", self.tr("Save &as…"), self.tr("Save as a PDF file")
        )
        self.save_button.clicked.connect(self.on_save_clicked)
        self.zoom_in_button = self._button(
            "pdfPreview.zoomIn", self.tr("Larger"), self.tr("Show the page larger")
        )
        self.zoom_in_button.clicked.connect(self.on_zoom_in_clicked)
        self.zoom_out_button = self._button(
            "pdfPreview.zoomOut", self.tr("Smaller"), self.tr("Show the page smaller")
        )
        self.zoom_out_button.clicked.connect(self.on_zoom_out_clicked)
        self.fit_button = self._button(
            "pdfPreview.fit", self.tr("Whole page"), self.tr("Show the whole page")
        )
        self.fit_button.clicked.connect(self.on_fit_clicked)
        self.close_button = self._button("pdfPreview.close", self.tr("Close"), self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        for name, keys, slot in (
            ("pdfPreview.printAction", QKeySequence.StandardKey.Print, self.on_print_clicked),
            ("pdfPreview.saveAction", QKeySequence.StandardKey.Save, self.on_save_clicked),
            ("pdfPreview.zoomInAction", QKeySequence.StandardKey.ZoomIn, self.on_zoom_in_clicked),
            (
                "pdfPreview.zoomOutAction",
                QKeySequence.StandardKey.ZoomOut,
                self.on_zoom_out_clicked,
            ),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)

        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addSpacing(self.fontMetrics().height())
        buttons.addWidget(self.zoom_out_button)
        buttons.addWidget(self.zoom_in_button)
        buttons.addWidget(self.fit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pages_label)
        buttons.addSpacing(self.fontMetrics().height())
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        if self.document.status() != QPdfDocument.Status.Ready:
            log.error("pdf preview: the document could not be read (%s)", self.document.error())
            self._say(self.tr("This print-out could not be shown."), error=True)
            self.print_button.setEnabled(False)
        count = self.document.pageCount()
        self.pages_label.setText(
            self.tr("1 page") if count == 1 else self.tr("%1 pages").replace("%1", str(count))
        )
        self.print_button.setFocus()

    def _button(
        self, name: str, text: str, accessible: str, *, primary: bool = False
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        if primary:
            style.make_primary(button)
        return button

    @property
    def pdf(self) -> bytes:
        return self._pdf

    @property
    def file_name(self) -> str:
        return self._file_name

    def message_text(self) -> str:
        return self.message.property("plainText") or ""

    def warn(self, text: str) -> None:
        """Say something the person must know before printing (a character no font has)."""
        self._say(text, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("plainText", text)
        self.message.setText(
            style.paragraph_html(text, colour=style.ERROR_COLOUR if error else None)
        )
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    # --- printing and saving ---------------------------------------------------------------

    def print_to(self, printer: QPrinter) -> None:
        """Draw every page onto `printer` at its real size (shrunk only to fit the paper).

        Raises OSError when the printer (or its output file) can't be opened."""
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(f"the printer {printer.printerName()!r} could not be opened")
        try:
            dpi = printer.resolution()
            paper = printer.pageRect(QPrinter.Unit.DevicePixel)
            for page in range(self.document.pageCount()):
                if page and not printer.newPage():
                    raise OSError("the printer refused a new page")
                points = self.document.pagePointSize(page)
                width = points.width() / POINTS_PER_INCH * dpi
                height = points.height() / POINTS_PER_INCH * dpi
                scale = min(1.0, paper.width() / width, paper.height() / height)
                target = QRectF(QPointF(0, 0), QPointF(width * scale, height * scale))
                render_dpi = min(dpi, MAX_PRINT_DPI)
                image = self.document.render(
                    page,
                    QSize(
                        max(1, round(points.width() / POINTS_PER_INCH * render_dpi)),
                        max(1, round(points.height() / POINTS_PER_INCH * render_dpi)),
                    ),
                )
                painter.drawImage(target, image)
        finally:
            painter.end()

    def save_to(self, path: str | Path) -> None:
        """Write the PDF, unchanged, to `path` (OSError when that fails)."""
        Path(path).write_bytes(self._pdf)

    def on_print_clicked(self) -> None:
        if self.document.status() != QPdfDocument.Status.Ready:
            return
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self._printer.setDocName(self._file_name)
            if _wide_pages(self.document, self._printer):
                self._printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(self._printer, self)
        dialog.setObjectName("pdfPreview.printDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.on_print_dialog_accepted)
        self._print_dialog = dialog
        QDialog.open(dialog)  # QPrintDialog.open in PySide6 only takes (receiver, member)

    def on_print_dialog_accepted(self) -> None:
        if self._printer is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.print_to(self._printer)
        except OSError:
            log.exception("printing failed")
            self._say(
                self.tr(
                    "The printer could not be used. Check that it is switched on and has paper, "
                    "then try again; or save the print-out as a file."
                ),
                error=True,
            )
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._say(self.tr("Sent to the printer %1.").replace("%1", self._printer.printerName()))

    def on_save_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the print-out"))
        dialog.setObjectName("pdfPreview.fileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self._file_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.on_file_selected)
        self._file_dialog = dialog
        QDialog.open(dialog)  # as for the print dialog

    def on_file_selected(self, path: str) -> None:
        if not path:
            return
        try:
            self.save_to(path)
        except OSError as error:
            log.warning("saving %s failed: %s", path, error)
            self._say(
                self.tr("The file could not be saved there (%1). Choose another folder.").replace(
                    "%1", error.strerror or str(error)
                ),
                error=True,
            )
            return
        self._say(self.tr("Saved as %1.").replace("%1", path))

    # --- zoom ------------------------------------------------------------------------------

    def on_zoom_in_clicked(self) -> None:
        self._zoom(ZOOM_STEP)

    def on_zoom_out_clicked(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def on_fit_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._shown_factor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, current * factor)))

    def _shown_factor(self) -> float:
        """The zoom factor a fitted page is shown at (QPdfView reports 1.0 while fitting)."""
        points = self.document.pagePointSize(0)
        viewport = self.view.viewport().size()
        if points.isEmpty() or viewport.isEmpty():
            return 1.0
        dpi = self.view.logicalDpiX() / POINTS_PER_INCH
        return min(
            viewport.width() / (points.width() * dpi), viewport.height() / (points.height() * dpi)
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        screen = self.screen()
        if screen is None:
            return
        available = screen.availableGeometry().size()
        wanted = QSize(round(available.width() * 0.7), round(available.height() * 0.85))
        self.resize(wanted.expandedTo(self.minimumSizeHint()).boundedTo(available))


def _wide_pages(document: QPdfDocument, printer: QPrinter) -> bool:
    """Whether the print-out's pages are landscape and too wide for the paper upright
    (a landscape certificate; not a member card, which fits either way)."""
    points = document.pagePointSize(0)
    paper = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
    return points.width() > points.height() and points.width() > paper.width()


def open_printout(
    printout: Printout, title: str, file_name: str, parent: QWidget | None = None
) -> PdfPreviewDialog:
    """Open a print-out in the preview (deleted when closed), saying first what no font could
    print; returns the dialog."""
    dialog = PdfPreviewDialog(printout.pdf, title, file_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if printout.unprintable:
        dialog.warn(printout.warning())
    dialog.open()
    return dialog
