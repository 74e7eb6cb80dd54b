"""The bundled Chinese font: its coverage, its name, and that PDFs and the screen really use it."""

from __future__ import annotations

import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetrics, QImage, QRawFont
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app import fonts
from app.resources import APP_ICON, FONT_FAMILY, FONT_FILE, resource_path
from ui import fonts as ui_fonts

SAMPLE = "东社区邻里中心 签到表 〔2026〕第0007号 ✓"
PRINT_MARKS = "✓〇，。〔〕·—；"


def gb2312_level1() -> list[str]:
    """The 3755 level-1 hanzi of GB2312: rows 16-55 (EUC-CN lead bytes 0xB0-0xD7)."""
    characters = []
    for row in range(16, 56):
        for cell in range(1, 95):
            try:
                characters.append(bytes((0xA0 + row, 0xA0 + cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return characters


@pytest.fixture(scope="module")
def font() -> Iterator[TTFont]:
    ttf = TTFont(str(resource_path(FONT_FILE)), lazy=True)
    yield ttf
    ttf.close()


def test_font_file_is_bundled_and_small() -> None:
    path = resource_path(FONT_FILE)
    assert path.suffix == ".ttf"
    assert 500_000 < path.stat().st_size < 3_000_000
    assert (path.parent / "LICENSE-YoulinHei.txt").read_text(encoding="utf-8").count(
        "Apache License"
    ) >= 2


def test_font_covers_gb2312_level1_punctuation_and_ascii(font: TTFont) -> None:
    cmap = font.getBestCmap()
    level1 = gb2312_level1()
    assert len(level1) == 3755
    printable_ascii = [chr(code) for code in range(0x20, 0x7F)]
    wanted = level1 + list(PRINT_MARKS) + printable_ascii + list(SAMPLE)
    missing = sorted({c for c in wanted if ord(c) not in cmap})
    assert missing == []


def test_font_has_truetype_outlines(font: TTFont) -> None:
    # ReportLab embeds TrueType outlines only; a CFF font would be refused.
    assert "glyf" in font
    assert "CFF " not in font


def test_font_family_is_renamed(font: TTFont) -> None:
    name = font["name"]
    assert name.getDebugName(1) == FONT_FAMILY
    assert name.getDebugName(4) == FONT_FAMILY
    assert name.getDebugName(16) == FONT_FAMILY
    assert name.getDebugName(6) == "YoulinHei-Regular"
    names = " ".join(record.toUnicode() for record in name.names if record.nameID in (1, 4, 6, 16))
    assert "WenQuanYi" not in names


def test_app_fonts_imports_neither_qt_nor_reportlab() -> None:
    code = (
        "import sys, app.fonts; "
        "assert 'PySide6' not in sys.modules, 'Qt'; "
        "assert 'reportlab' not in sys.modules, 'reportlab'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)


def test_reportlab_pdf_embeds_the_font_and_keeps_the_text(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    name = fonts.register_reportlab_font()
    path = tmp_path / "sheet.pdf"
    canvas = Canvas(str(path))
    canvas.setFont(name, 14)
    canvas.drawString(72, 720, SAMPLE)
    canvas.showPage()
    canvas.save()

    page = PdfReader(path).pages[0]
    assert SAMPLE in page.extract_text()
    resources = page["/Resources"]
    assert isinstance(resources, DictionaryObject)
    font_resources = resources["/Font"]
    assert isinstance(font_resources, DictionaryObject)
    font_dicts = [font.get_object() for font in font_resources.values()]
    ours = [f for f in font_dicts if "YoulinHei" in str(f.get("/BaseFont", ""))]
    assert ours, [str(f.get("/BaseFont")) for f in font_dicts]
    for font_dict in ours:
        assert font_dict["/Subtype"] == "/TrueType"
        descriptor = font_dict["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # embedded, not merely named


def test_registering_twice_is_harmless() -> None:
    from reportlab.pdfbase import pdfmetrics

    first = fonts.register_reportlab_font()
    second = fonts.register_reportlab_font()
    assert first == second == fonts.REPORTLAB_FONT
    assert first in pdfmetrics.getRegisteredFontNames()
    # <b> in a Paragraph must not fail on the one-face family.
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(first, 1, 0) == first


@pytest.fixture
def application_font(qapp: QApplication) -> Iterator[str]:
    """Install the bundled font as the application font; restore the previous one afterwards."""
    before = QFont(qapp.font())
    family = ui_fonts.install_application_font(qapp, 12)
    yield family
    qapp.setFont(before)


def test_qt_application_font_is_the_bundled_font(qapp: QApplication, application_font: str) -> None:
    assert application_font == FONT_FAMILY
    font = qapp.font()
    assert font.family() == FONT_FAMILY
    assert font.pointSizeF() == 12
    assert font.exactMatch()  # 12 pt is a whole pixel size at 96 dpi
    assert QFontInfo(font).family() == FONT_FAMILY
    assert QFontMetrics(font).horizontalAdvance(SAMPLE) > 0
    # The face itself, not a fallback, has the characters (this machine may also have WenQuanYi).
    raw = QRawFont.fromFont(font)
    assert raw.familyName() == FONT_FAMILY
    # The code-point overload: PySide 6.12 mis-converts some hanzi (e.g. 社 U+793E) to QChar.
    assert [c for c in SAMPLE + PRINT_MARKS if not raw.supportsCharacter(ord(c))] == []


def test_qt_installing_again_changes_only_the_size(
    qapp: QApplication, application_font: str
) -> None:
    assert ui_fonts.install_application_font(qapp, 15) == application_font
    assert qapp.font().family() == FONT_FAMILY
    assert qapp.font().pointSizeF() == 15


def test_qt_a_font_that_does_not_load_is_an_error(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui_fonts, "FONT_FILE", APP_ICON)
    with pytest.raises(RuntimeError, match=r"youlin-desk\.svg"):
        ui_fonts.install_application_font(qapp, 12)


def ink(image: QImage) -> int:
    """How many pixels differ from the top-left one (the background)."""
    background = image.pixel(0, 0)
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixel(x, y) != background
    )


def test_qt_label_draws_chinese(qtbot: QtBot, application_font: str) -> None:
    images = []
    for text in ("东", "中"):
        label = QLabel(text)
        qtbot.addWidget(label)
        label.adjustSize()
        image = label.grab().toImage()
        assert ink(image) > 20, f"{text} drew nothing"
        images.append(image)
    # Missing glyphs would all be the same box.
    assert images[0] != images[1]
    assert QColor(images[0].pixel(0, 0)) != QColor("black")


def test_icon_renders_and_the_ico_holds_every_size(qapp: QApplication) -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(resource_path(APP_ICON)))
    assert renderer.isValid()
    ico = resource_path("icons/youlin-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, 7)
    sizes = []
    for index in range(count):
        width, _height, _colours, _zero, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", ico, 6 + 16 * index
        )
        assert bits == 32
        png = ico[offset : offset + length]
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        image = QImage.fromData(png)
        assert image.width() == (width or 256)
        sizes.append(image.width())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    large = QImage(str(resource_path("icons/youlin-desk-256.png")))
    assert (large.width(), large.height()) == (256, 256)
    assert large.hasAlphaChannel()
