"""The print preview: a PDF shown, printed to a (PDF) printer page by page, saved unchanged."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from app import i18n
from app.printing.member_card import MemberCard, member_cards_pdf
from ui.pdf_preview import PdfPreviewDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def card_pdf(*names: str) -> bytes:
    cards = [MemberCard(name, "桃园社区", "1号楼组", f"YL{n:06d}") for n, name in enumerate(names)]
    return member_cards_pdf(cards, "东社区邻里中心")


def a4_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in range(pages):
        canvas.drawString(72, 720, f"page {page + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def preview(qtbot: QtBot, pdf: bytes, file_name: str = "card.pdf") -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(pdf, "member card", file_name)
    qtbot.addWidget(dialog)
    return dialog


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_pdf_is_loaded_and_one_page_is_shown_whole(qtbot: QtBot) -> None:
    dialog = preview(qtbot, card_pdf("张三"))
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() == 1
    assert dialog.view.document() is dialog.document
    assert dialog.view.pageMode() == QPdfView.PageMode.SinglePage
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert dialog.pages_label.text() == "1 page"
    for name in ("pdfPreview.print", "pdfPreview.save", "pdfPreview.close"):
        button = dialog.findChild(QPushButton, name)
        assert button is not None and button.accessibleName()
    assert dialog.print_button.isEnabled()


def test_several_pages_are_scrolled_through(qtbot: QtBot) -> None:
    dialog = preview(qtbot, a4_pdf(3))
    assert dialog.document.pageCount() == 3
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.pages_label.text() == "3 pages"


def test_save_to_writes_the_pdf_unchanged(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = card_pdf("李小明")
    dialog = preview(qtbot, pdf)
    target = tmp_path / "card.pdf"
    dialog.save_to(target)
    assert target.read_bytes() == pdf
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert "李小明" in (reader.pages[0].extract_text() or "")


def test_print_to_draws_every_page_on_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = preview(qtbot, a4_pdf(2))
    target = tmp_path / "printed.pdf"
    dialog.print_to(pdf_printer(target))
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    # The page image is drawn at the page's size: an A4 page fills the A4 paper's printable area.
    assert target.stat().st_size > 10_000


def test_a_member_card_prints_at_its_real_size(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = preview(qtbot, card_pdf("王芳"))
    target = tmp_path / "printed.pdf"
    dialog.print_to(pdf_printer(target))
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    images = list(page.images)
    assert len(images) == 1
    # 85.6 × 54 mm drawn on A4: the image keeps the card's proportions (not stretched).
    image = images[0].image
    assert image is not None
    width, height = image.size
    assert abs(width / height - 85.6 / 54) < 0.02


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_an_unusable_printer_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = preview(qtbot, card_pdf("王芳"))
    printer = pdf_printer(tmp_path / "missing-folder" / "x.pdf")
    with pytest.raises(OSError):
        dialog.print_to(printer)


def test_saving_through_the_file_dialog_does_not_block(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = preview(qtbot, card_pdf("赵六"), "会员卡 赵六.pdf")
    dialog.show()
    dialog.on_save_clicked()
    chooser = dialog.findChild(QFileDialog, "pdfPreview.fileDialog")
    assert chooser is not None and chooser.isVisible()
    assert chooser.defaultSuffix() == "pdf"
    target = tmp_path / "saved.pdf"
    chooser.fileSelected.emit(str(target))
    chooser.reject()
    assert target.read_bytes() == dialog.pdf
    assert str(target) in dialog.message_text()


def test_a_folder_that_cant_be_written_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = preview(qtbot, card_pdf("赵六"))
    dialog.on_file_selected(str(tmp_path / "no-such-folder" / "x.pdf"))
    assert "could not be saved" in dialog.message_text()
    assert dialog.message.isVisibleTo(dialog)


def test_bytes_that_are_not_a_pdf_are_said_and_not_printed(qtbot: QtBot) -> None:
    dialog = preview(qtbot, b"not a pdf at all")
    assert dialog.document.status() != QPdfDocument.Status.Ready
    assert not dialog.print_button.isEnabled()
    assert "could not be shown" in dialog.message_text()
