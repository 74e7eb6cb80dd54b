"""The bundled Chinese font for print-outs (ReportLab). No Qt here: `ui/fonts.py` does the screen.

ReportLab prints blanks, without an error, for characters its font lacks, and its standard fonts
have no hanzi: every PDF the program writes uses the font registered here.
"""

from __future__ import annotations

import threading

from app.resources import FONT_FILE, resource_path

# The name ReportLab knows the bundled font by (its PostScript name, without the style).
REPORTLAB_FONT = "YoulinHei"

_lock = threading.Lock()
_registered = False


def register_reportlab_font() -> str:
    """Register the bundled font with ReportLab (once per process) and return its name.

    ReportLab silently keeps using an earlier font registered under the same name, so a second
    registration is not just wasted work: it would hide a font file that changed. Bold and italic
    map to the same face, so `<b>` in a Paragraph doesn't fail on a one-face family.
    """
    global _registered
    with _lock:
        if _registered:
            return REPORTLAB_FONT
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        if REPORTLAB_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(REPORTLAB_FONT, str(resource_path(FONT_FILE))))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(REPORTLAB_FONT, bold, italic, REPORTLAB_FONT)
        _registered = True
        return REPORTLAB_FONT
