"""One resolver for bundled files (fonts, icons, translations), from source and frozen.

`build_installer.spec` mirrors `BUNDLED_FOLDERS` exactly in its `datas`, and carries
CHANGELOG.md beside them (what changed, shown once after an upgrade).
"""

from __future__ import annotations

import sys
from pathlib import Path

# A folder joins this list (and so the frozen bundle) when it first holds a file.
BUNDLED_FOLDERS = ("fonts", "help", "icons", "translations")

FONT_FILE = "fonts/YoulinHei.ttf"
FONT_FAMILY = "Youlin Hei"  # family name inside the bundled subset of WenQuanYi Micro Hei
APP_ICON = "icons/youlin-desk.svg"
CHANGELOG_FILE = "CHANGELOG.md"  # the project's own, at the root of the source and the bundle


def resources_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(relative: str) -> Path:
    """The path of a bundled file; raises FileNotFoundError naming it if the bundle lacks it."""
    path = resources_root() / relative
    if not path.exists():
        raise FileNotFoundError(f"bundled resource missing: {path}")
    return path


def changelog_path() -> Path:
    """CHANGELOG.md: beside `resources/` in the frozen app, at the project's root from source
    (it may be missing from an installed wheel: the caller says nothing new then)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / CHANGELOG_FILE
    return Path(__file__).resolve().parent.parent / CHANGELOG_FILE
