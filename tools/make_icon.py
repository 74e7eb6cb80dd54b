"""Render the application icon from its SVG to PNG and a multi-size Windows .ico.

`resources/icons/youlin-desk.svg` is the one drawing; this script renders it with QtSvg
(offscreen, no display needed) at 16, 24, 32, 48, 64, 128 and 256 pixels and writes

- `resources/icons/youlin-desk.ico`: every size, each entry a PNG (Windows Vista and later read
  PNG-compressed icon entries; PyInstaller and NSIS take the file as it is);
- `resources/icons/youlin-desk-256.png`: the largest size, for the README and Linux desktops.

Usage, from the project root:

    python tools/make_icon.py

The ICO container is written here (a 6-byte header, a 16-byte entry per image, then the PNGs),
so no imaging library is needed beyond PySide6.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "youlin-desk.svg"
ICO = ICONS / "youlin-desk.ico"
PNG_256 = ICONS / "youlin-desk-256.png"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"PNG"))
    if not writer.write(image):
        raise RuntimeError(f"Qt could not encode a PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG-compressed, 32-bit image per size."""
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, image count
    offset = len(header) + 16 * len(pngs)
    entries = b""
    images = b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte width and height
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"QtSvg could not read {SOURCE}")
    pngs = {size: png_bytes(render(renderer, size)) for size in SIZES}
    ICO.write_bytes(ico_bytes(pngs))
    PNG_256.write_bytes(pngs[256])
    del app
    sizes = ", ".join(str(size) for size in SIZES)
    print(f"{ICO}: {ICO.stat().st_size} bytes ({sizes} px); {PNG_256}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
