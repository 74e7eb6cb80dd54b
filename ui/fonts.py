"""The bundled Chinese font on screen: the application font of the whole interface."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.resources import FONT_FILE, resource_path

_families: dict[str, str] = {}  # font file -> family Qt registered it under


def install_application_font(app: QApplication, point_size: float) -> str:
    """Load the bundled font (once per process), make it the application font, return its family.

    It must be the application font: Qt's font fallback doesn't pick a subset font for hanzi,
    and no CJK font can be assumed on the machine (without one Qt draws boxes).
    """
    path = str(resource_path(FONT_FILE))
    family = _families.get(path)
    if family is None:
        font_id = QFontDatabase.addApplicationFont(path)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id != -1 else []
        if not families:
            raise RuntimeError(f"Qt could not load the bundled font {path}")
        family = families[0]
        _families[path] = family
    font = QFont(family)
    font.setPointSizeF(point_size)
    app.setFont(font)
    return family
