"""Cut the bundled Chinese font, Youlin Hei, out of WenQuanYi Micro Hei.

No CJK font can be assumed on a front-desk PC: without one, Qt draws boxes and ReportLab prints
blanks, silently. So the program ships its own font, a subset of WenQuanYi Micro Hei 0.2.0-beta
(Apache-2.0, TrueType outlines, which ReportLab can embed; CFF fonts such as Noto CJK it refuses).

What the subset keeps:

- all of GB2312 (rows 1-9: CJK and full-width punctuation, ①-⑩, Ⅰ-Ⅻ, box drawing, kana, Greek,
  Cyrillic, pinyin; rows 16-87: the 6763 hanzi of levels 1 and 2);
- a few dozen hanzi outside GB2312 that are common in given names and surnames (喆 堃 玥 镕 …),
  because a sign-in sheet that drops a resident's name is worse than a slightly bigger file;
- all printable ASCII, Latin-1, general and CJK punctuation (“ ” ‘ ’ — … · 〔 〕 〇 ～ ￥),
  arrows, box drawing and block elements, and the print-out symbols ✓ ✔ ✕ ✖ ✘ □ ■ ● ○ ★ ☆ ℃ №.

The source font has no U+2610 BALLOT BOX (☐), so the subset maps it to the glyph of U+25A1 (□).
It has no ☑ ☒ ✗ either: print-outs use □ with ✓ instead.

The family inside the font is renamed to "Youlin Hei" (PostScript name YoulinHei-Regular) so that
it never clashes with an installed WenQuanYi Micro Hei; the licence and copyright records stay,
and the description record says the font was modified. The licence text and a NOTICE are written
beside the font as LICENSE-YoulinHei.txt.

Usage, from the project root, with the Debian package `fonts-wqy-microhei` installed:

    python tools/make_font.py [--source /usr/share/fonts/truetype/wqy/wqy-microhei.ttc]

The output is reproducible: the same source font gives byte-identical files
(`resources/fonts/YoulinHei.ttf`, `resources/fonts/LICENSE-YoulinHei.txt`).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SOURCE_FAMILY = "WenQuanYi Micro Hei"  # face 0 of the collection; face 1 is the Mono variant
SOURCE_VERSION = "0.2.0-beta"
APACHE_LICENSE = Path("/usr/share/common-licenses/Apache-2.0")
OUTPUT = ROOT / "resources" / "fonts" / "YoulinHei.ttf"
LICENSE_OUTPUT = ROOT / "resources" / "fonts" / "LICENSE-YoulinHei.txt"

FAMILY = "Youlin Hei"
STYLE = "Regular"
POSTSCRIPT_NAME = "YoulinHei-Regular"

# Common in residents' names but outside GB2312 (GBK only).
NAME_HANZI = (
    "喆堃玥昇珺琍甦镕赟犇瑄琤晞璟旻祎頔燊翀焜淏濛沄洺浛芃禤"
    "玙琇珅瑢瑀瑭璇璠璘曌昶晗晧暐炘烔焓熠彧婕媖妘姞嫚孖钖铖锘"
    "钘淇沣浥滢澍濬鑫垚埕堉塬嵛崧峣岍祐禕祺禛翾翃羿栢枬棨楙樑"
    "桉桢棽槿莛荙蒨蓥蕤菂峯汭涴溍湉韡颋顼"
)

# Arrows, bullets, ticks and symbols a print-out or a form may need, beyond GB2312.
SYMBOLS = (
    "〇✓✔✕✖✘☐□■▪▫●○◎◆◇▲△▼▽►▶◀★☆※℃℉№™©®°±×÷"
    "←↑→↓↔↕↖↗↘↙⇐⇒⇔↵"
    "•‣․‥…‰′″‹›‐–—―‘’‚“”„†‡"
    "、。〃々〈〉《》「」『』【】〒〔〕〖〗〝〞〟・～￥￠￡￢￤"
)

# Arrows, box drawing, block elements, geometric shapes, enclosed numbers, Roman numerals.
RANGES = (
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement
    (0x2000, 0x206F),  # general punctuation (only what the font has is kept)
    (0x2150, 0x218F),  # number forms: Ⅰ-Ⅻ, ⅰ-ⅻ
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics: ①-⑳, ⑴-⒇, ⒈-⒛
    (0x2500, 0x257F),  # box drawing
    (0x2580, 0x259F),  # block elements
    (0x25A0, 0x25FF),  # geometric shapes
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3220, 0x3243),  # parenthesised ideographs ㈠-㈩
    (0xFF01, 0xFF5E),  # full-width ASCII
    (0xFFE0, 0xFFE6),  # full-width signs ￠ ￡ ￢ ￣ ￤ ￥ ￦
)

# Code points the source font lacks, drawn with the glyph of a look-alike it has.
ALIASES = {0x2610: 0x25A1}  # ☐ BALLOT BOX -> □ WHITE SQUARE


def gb2312_characters(first_row: int, last_row: int) -> list[str]:
    """The characters of GB2312 rows `first_row`..`last_row` (1-based, inclusive), in order."""
    characters = []
    for row in range(first_row, last_row + 1):
        for cell in range(1, 95):
            try:
                characters.append(bytes((0xA0 + row, 0xA0 + cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # an unassigned cell
    return characters


def wanted_code_points() -> set[int]:
    points = {ord(c) for c in gb2312_characters(1, 9) + gb2312_characters(16, 87)}
    points |= {ord(c) for c in NAME_HANZI + SYMBOLS}
    for first, last in RANGES:
        points |= set(range(first, last + 1))
    return points


def load_source(path: Path) -> TTFont:
    collection = TTCollection(str(path))
    for font in collection.fonts:
        if font["name"].getDebugName(1) == SOURCE_FAMILY:
            return font
    raise SystemExit(f"{path} has no face named {SOURCE_FAMILY!r}")


def add_aliases(font: TTFont, aliases: dict[int, int]) -> None:
    """Map each missing code point to its look-alike's glyph, in every Unicode cmap subtable."""
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        for alias, target in aliases.items():
            if target in table.cmap and alias not in table.cmap:
                table.cmap[alias] = table.cmap[target]


def subset_options() -> subset.Options:
    options = subset.Options()
    options.layout_features = ["*"]  # keep vertical forms, kerning of the Latin glyphs
    options.name_IDs = ["*"]  # keep copyright, licence, trademark; the family is renamed below
    options.name_languages = [0x0409]  # English (United States); drops 文泉驿微米黑
    options.name_legacy = False  # Windows-platform records only
    options.notdef_outline = True  # a missing character shows as a box, never as nothing
    options.hinting = True
    options.glyph_names = False
    options.drop_tables += ["FFTM"]  # FontForge's build timestamps
    return options


def rename(font: TTFont) -> None:
    """Give the subset its own family name, so it never passes for the full WenQuanYi Micro Hei."""
    name = font["name"]
    version = name.getDebugName(5) or f"Version {SOURCE_VERSION}"
    records: dict[int, str] = {
        1: FAMILY,
        2: STYLE,
        3: f"{FAMILY} {STYLE}; subset of {SOURCE_FAMILY} {SOURCE_VERSION}",
        4: FAMILY,  # full name: the family, as the Regular face of a one-face family
        5: f"{version}; Youlin subset",
        6: POSTSCRIPT_NAME,
        10: (
            f"Youlin Hei is {SOURCE_FAMILY} {SOURCE_VERSION}, cut to GB2312, common name "
            "characters and print-out symbols and renamed by tools/make_font.py of Youlin Desk. "
            "Modified from the original."
        ),
        16: FAMILY,
        17: STYLE,
        18: FAMILY,
    }
    name.names = [record for record in name.names if record.nameID not in records]
    for name_id, text in records.items():
        name.setName(text, name_id, 3, 1, 0x0409)
    name.names.sort(key=lambda r: (r.platformID, r.platEncID, r.langID, r.nameID))


def make_font(source: Path, output: Path) -> TTFont:
    font = load_source(source)
    add_aliases(font, ALIASES)
    available = set(font.getBestCmap())
    wanted = wanted_code_points() | set(ALIASES)
    missing_gb2312 = [
        c for c in gb2312_characters(1, 9) + gb2312_characters(16, 87) if ord(c) not in available
    ]
    if missing_gb2312:
        raise SystemExit(f"the source font lacks GB2312 characters: {''.join(missing_gb2312)}")
    lacking = [c for c in NAME_HANZI + SYMBOLS if ord(c) not in available]
    if lacking:
        print(f"not in the source font, left out: {' '.join(lacking)}")
    subsetter = subset.Subsetter(subset_options())
    subsetter.populate(unicodes=sorted(wanted & available))
    subsetter.subset(font)
    rename(font)
    font.recalcTimestamp = False  # keep the source's dates: the same input gives the same bytes
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(output), reorderTables=True)
    return font


def write_license(path: Path) -> None:
    notice = f"""\
Youlin Hei (resources/fonts/YoulinHei.ttf)
==========================================

NOTICE

Youlin Hei is a modified version of WenQuanYi Micro Hei {SOURCE_VERSION}
(文泉驿微米黑), taken from Debian's fonts-wqy-microhei package
(upstream: https://downloads.sourceforge.net/project/wqy/wqy-microhei/).
It was cut to a subset of its characters (GB2312, common name characters,
punctuation and symbols) and its family was renamed to "Youlin Hei"
(PostScript name {POSTSCRIPT_NAME}) by tools/make_font.py of Youlin Desk.

Copyright 2008-2009, The WenQuanYi Project Board of Trustees
Copyright 2008-2009, Qianqian Fang and mozbug
Digitized data copyright 2006-2008, Google Corporation (Droid Sans Fallback,
Droid Sans, Droid Sans Mono), Steve Matteson, Ascender Corp.
Some CJK punctuation from Ume-Font: 2003-2004, Electronic Font Open
Laboratory (/efont/); 1990-2003, Wada Laboratory, the University of Tokyo.
Droid is a trademark of Google and may be registered in certain jurisdictions.

WenQuanYi Micro Hei is licensed under the Apache License, Version 2.0, or
GPL-3+ with a font exception; Youlin Desk uses and redistributes it under
the Apache License, Version 2.0, whose text follows.

----------------------------------------------------------------------------

"""
    path.write_text(notice + APACHE_LICENSE.read_text(encoding="utf-8"), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=SOURCE, help="wqy-microhei.ttc")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    font: Any = make_font(args.source, args.output)
    write_license(args.output.parent / LICENSE_OUTPUT.name)
    digest = hashlib.sha256(args.output.read_bytes()).hexdigest()
    print(
        f"{args.output}: {args.output.stat().st_size} bytes, {font['maxp'].numGlyphs} glyphs, "
        f"{len(font.getBestCmap())} characters, sha256 {digest}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
