"""Fill in Chinese translations of the catalogue from a file of pairs, then compile.

    python tools/set_translations.py PAIRS.tsv

Each line of PAIRS.tsv is `English source<TAB>中文译文` (the source exactly as in the code).
Every message with that source, in any context, gets the translation and loses its "unfinished"
mark; a source that is not in the catalogue is reported and the tool exits 1. Run
`python tools/update_translations.py` first, so the catalogue holds the new messages.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html import escape, unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "resources" / "translations" / "youlin_zh_CN.ts"
_MESSAGE = re.compile(
    # A source never holds "<" (the catalogue escapes it): a message with a <comment> between its
    # source and translation must not make the match run on into the next message.
    r"(<source>)(?P<source>[^<]*)(</source>\s*<translation)(?P<attrs>[^>]*)>(?P<text>.*?)(</translation>)",
    re.S,
)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    pairs: dict[str, str] = {}
    for line in Path(argv[0]).read_text(encoding="utf-8").splitlines():
        if line.strip():
            source, _tab, translation = line.partition("\t")
            pairs[source] = translation
    text = CATALOGUE.read_text(encoding="utf-8")
    found: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        source = unescape(match["source"])
        if source not in pairs:
            return match[0]
        found.add(source)
        translated = escape(pairs[source], quote=False)
        return f"{match[1]}{match['source']}{match[3]}>{translated}{match[6]}"

    CATALOGUE.write_text(_MESSAGE.sub(fill, text), encoding="utf-8")
    missing = [source for source in pairs if source not in found]
    for source in missing:
        print(f"not in the catalogue: {source!r}")
    subprocess.run([sys.executable, str(ROOT / "tools" / "update_translations.py")], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
