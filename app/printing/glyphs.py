"""No character is dropped silently: text for a print-out, in the bundled font where it has the
character, in a font found on the machine where it doesn't, and as 〓 where no font has it.

ReportLab draws nothing, and says nothing, for a character its font lacks. The bundled font is a
subset (8,000 characters: GB2312, the common name characters, Latin); a rare name character
(𠮷 U+20BB7, 䶮 U+4DAE) or a Central European letter (Ł, Š) needs another font. The fonts
looked for are the TrueType ones a Chinese Windows has (Microsoft YaHei, SimSun, SimSun-ExtB for
the rarest characters), those of a Linux desk, and ReportLab's own Vera for Latin letters. A
character none of them has is printed as 〓 (the typesetter's mark for a missing character) and
reported, so the person printing is told and can write it in by hand.

`Glyphs` is used while one print-out is built: `markup()` for Paragraph text and `unprintable`
for what had to be replaced.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from app.fonts import register_reportlab_font
from app.i18n import translate

PLACEHOLDER = "〓"  # GB2312 A1FE, in the bundled font


def _candidates() -> list[tuple[Path, int]]:
    """TrueType fonts that may have what the bundled one lacks, best first: (file, index in a
    collection). CFF-outline fonts (Noto CJK) are left out: ReportLab can't embed them."""
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    found = [
        (windows / "msyh.ttc", 0),  # 微软雅黑
        (windows / "simsun.ttc", 0),  # 宋体
        (windows / "simhei.ttf", 0),  # 黑体
        (windows / "simsunb.ttf", 0),  # SimSun-ExtB: CJK Extension B (𠮷)
        (windows / "mingliub.ttc", 0),  # MingLiU-ExtB
        (windows / "arial.ttf", 0),
        (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
        (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
        (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), 0),
    ]
    try:
        import reportlab

        found.append((Path(reportlab.__file__).parent / "fonts" / "Vera.ttf", 0))
    except ImportError:  # pragma: no cover - reportlab is a dependency
        pass
    return found


# The fallback fonts: looked for once per process, loaded only when a character needs one.
CANDIDATES: list[tuple[Path, int]] = _candidates()

_lock = threading.Lock()
_loaded: dict[tuple[Path, int], str | None] = {}  # font file → its ReportLab name (None: unusable)
_coverage: dict[str, dict[int, int]] = {}  # ReportLab name → its characters (to glyphs)
_choice: dict[str, str | None] = {}  # character → font that prints it (None: none does)


def _characters(name: str) -> dict[int, int]:
    from reportlab.pdfbase import pdfmetrics

    cached = _coverage.get(name)
    if cached is None:
        cached = dict(pdfmetrics.getFont(name).face.charToGlyph)
        _coverage[name] = cached
    return cached


def _load(path: Path, index: int) -> str | None:
    key = (path, index)
    if key in _loaded:
        return _loaded[key]
    name: str | None = None
    if path.is_file():
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        # Registered once per file and process (ReportLab keeps the first font of a name).
        name = f"YoulinFallback{len(_loaded) + 1}"
        try:
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        except (TTFError, OSError, ValueError, KeyError):
            name = None  # CFF outlines, a broken file: not usable
        else:
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
    _loaded[key] = name
    return name


def font_for(character: str) -> str | None:
    """The ReportLab font that prints `character`: the bundled one when it has it, else the
    first fallback that does; None when no font here has it."""
    base = register_reportlab_font()
    if ord(character) in _characters(base):
        return base
    with _lock:
        if character in _choice:
            return _choice[character]
        chosen = None
        for path, index in CANDIDATES:
            name = _load(path, index)
            if name is not None and ord(character) in _characters(name):
                chosen = name
                break
        _choice[character] = chosen
        return chosen


def forget_fallbacks() -> None:
    """Look for fallback fonts afresh (after CANDIDATES changed: tests)."""
    with _lock:
        _choice.clear()


_VARIATION_SELECTOR = re.compile("[\ufe00-\ufe0f]")


def _printable(text: str) -> str:
    """The text as it is drawn: composed (e + ◌́ → é), line breaks and tabs as spaces, the
    invisible format characters (zero-width joiner, variation selectors) left out."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable() and not _VARIATION_SELECTOR.search(text):
        return text  # the common case, without looking at each character
    kept = []
    for character in text:
        if character in "\r\n\t":
            kept.append(" ")
        elif unicodedata.category(character) in ("Cc", "Cf") or ("\ufe00" <= character <= "\ufe0f"):
            continue
        else:
            kept.append(character)
    return "".join(kept)


@dataclass
class Glyphs:
    """What one print-out needed: the characters printed as 〓 because no font has them."""

    base: str = field(default_factory=register_reportlab_font)
    missing: dict[str, None] = field(default_factory=dict)  # in order of appearance

    def runs(self, text: str) -> list[tuple[str, str]]:
        """`text` as (font, part) runs; a character no font has becomes 〓 and is noted."""
        printable = _printable(text)
        covered = _characters(self.base)
        if all(ord(character) in covered for character in printable):
            return [(self.base, printable)] if printable else []  # all in one font: at once
        result: list[tuple[str, str]] = []
        for character in printable:
            font = self.base if character == " " else font_for(character)
            if font is None:
                self.missing[character] = None
                font, character = self.base, PLACEHOLDER
            if result and result[-1][0] == font:
                result[-1] = (font, result[-1][1] + character)
            else:
                result.append((font, character))
        return result

    def markup(self, text: str) -> str:
        """`text` escaped for a Paragraph, with <font> around what another font prints."""
        parts = []
        for font, part in self.runs(text):
            if font == self.base:
                parts.append(escape(part))
            else:
                parts.append(f'<font face="{font}">{escape(part)}</font>')
        return "".join(parts)

    def width(self, text: str, size: float) -> float:
        """How wide `text` is drawn at `size`, each run in its own font."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(sum(stringWidth(part, font, size) for font, part in self.runs(text)))

    def draw(
        self, canvas: Any, text: str, x: float, y: float, size: float, *, right: bool = False
    ) -> None:
        """Draw `text` on a canvas from `x` (or ending at `x` with `right`) at baseline `y`,
        each run in its own font: what `drawString` does with one font."""
        runs = self.runs(text)
        if right:
            x -= self.width(text, size)
        from reportlab.pdfbase.pdfmetrics import stringWidth

        for font, part in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, part)
            x += stringWidth(part, font, size)

    @property
    def unprintable(self) -> tuple[str, ...]:
        return tuple(self.missing)


@dataclass(frozen=True)
class Printout:
    """A print-out's PDF, and the characters in it that no font could print (shown as 〓)."""

    pdf: bytes
    pages: int
    unprintable: tuple[str, ...] = ()

    def warning(self) -> str:
        """What to tell the person printing, or "" when every character printed."""
        return unprintable_warning(self.unprintable)


def unprintable_warning(characters: Sequence[str]) -> str:
    if not characters:
        return ""
    listed = translate("Printing", ", ").join(f"{c} (U+{ord(c):04X})" for c in characters)
    return translate(
        "Printing",
        "No font on this computer has these characters: %1. They are printed as 〓; "
        "please write them in by hand.",
    ).replace("%1", listed)


def coverage_gaps(texts: Iterable[str]) -> list[str]:
    """The characters of `texts` that no font here prints (tests, and checks before printing)."""
    glyphs = Glyphs()
    for text in texts:
        glyphs.runs(text)
    return list(glyphs.unprintable)
