"""Small widget makers every desk shares."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QPushButton, QWidget


def button(text: str, object_name: str, parent: QWidget | None = None) -> QPushButton:
    """A push button whose accessible name is its text without the mnemonic '&' or a "…"."""
    widget = QPushButton(text, parent)
    widget.setObjectName(object_name)
    widget.setAccessibleName(plain(text).rstrip("…").strip())
    widget.setAutoDefault(False)
    return widget


_CJK_MNEMONIC = re.compile(r"[(（]&\w[)）]")


def plain(text: str) -> str:
    """Label text without its mnemonic ("&Name:", "名称(&N)：") and colon, for accessible names."""
    text = _CJK_MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":：").strip()
