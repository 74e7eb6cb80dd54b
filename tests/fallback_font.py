"""A tiny TrueType font holding a few characters (each a filled square), to stand in for a
machine's font that has a character the bundled one lacks: no CJK font is installed on the test
machines, so without it the fallback path could only be tested as "no font has it"."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.printing import glyphs


def write_font(path: Path, characters: str, family: str = "YoulinTestFallback") -> Path:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = [".notdef"] + [f"uni{ord(ch):04X}" for ch in characters]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(ch): f"uni{ord(ch):04X}" for ch in characters})
    outlines = {}
    for name in names:
        pen = TTGlyphPen(None)
        pen.moveTo((100, -50))
        pen.lineTo((100, 750))
        pen.lineTo((900, 750))
        pen.lineTo((900, -50))
        pen.closePath()
        outlines[name] = pen.glyph()
    builder.setupGlyf(outlines)
    builder.setupHorizontalMetrics({name: (1000, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path


@contextmanager
def machine_fonts(*fonts: Path) -> Iterator[None]:
    """The fallback fonts are `fonts` (in this order) and ReportLab's Vera, whatever fonts this
    machine has besides."""
    saved = list(glyphs.CANDIDATES)
    vera = [entry for entry in saved if entry[0].name == "Vera.ttf"]
    glyphs.CANDIDATES[:] = [(font, 0) for font in fonts] + vera
    glyphs.forget_fallbacks()
    try:
        yield
    finally:
        glyphs.CANDIDATES[:] = saved
        glyphs.forget_fallbacks()
