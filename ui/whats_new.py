"""What changed in this version, shown once after login at the first start after an upgrade.

A plain dialog over the main window, not modal: it never holds up the desk (or a test), and a
volunteer who closes it or ignores it loses nothing. The changelog's items are shown as a list
under each version, `code` and **bold** marked, at the program's text size (large text
included: the text wraps, the dialog scrolls).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app import i18n
from app.whats_new import Release
from ui import style
from ui.widgets import button

_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def release_html(
    releases: tuple[Release, ...] | list[Release], version_words: str, unreleased_words: str = ""
) -> str:
    """The releases as HTML: a heading per version (its date, or `unreleased_words` for a
    version the changelog calls unreleased), its changes as a list."""
    parts = []
    for release in releases:
        heading = version_words.replace("%1", release.version)
        note = unreleased_words if release.note == "unreleased" else release.note
        if note:
            heading += f" — {note}"
        items = "".join(
            f'<li style="line-height:130%; margin-bottom:6px">{_inline(item)}</li>'
            for item in release.shown_items(i18n.current_language())
        )
        parts.append(f"<h2>{html.escape(heading)}</h2><ul>{items}</ul>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def _inline(text: str) -> str:
    escaped = html.escape(text)
    escaped = _CODE.sub(r"<code>\1</code>", escaped)
    return _BOLD.sub(r"<b>\1</b>", escaped)


class WhatsNewDialog(QDialog):
    """The changes since the version last seen on this machine; 知道了 closes it."""

    def __init__(self, releases: tuple[Release, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whatsNew")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.releases = releases
        self.setWindowTitle(self.tr("What changed in Youlin Desk"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(
            style.paragraph_html(
                self.tr(
                    "Youlin Desk was updated. This is what changed since it was last used on "
                    "this computer. The user guide (F1) explains every desk."
                )
            ),
            self,
        )
        intro.setWordWrap(True)
        self.text_view = QTextBrowser(self)
        self.text_view.setObjectName("whatsNew.text")
        self.text_view.setAccessibleName(self.tr("What changed"))
        self.text_view.setOpenLinks(False)
        self.text_view.setHtml(
            release_html(releases, self.tr("Version %1"), self.tr("a test version"))
        )
        self.close_button = button(self.tr("&Got it"), "whatsNew.close", self)
        style.make_primary(self.close_button)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text_view, 1)
        layout.addLayout(buttons)
        self.resize(style.dialog_width(self, 44), self.fontMetrics().height() * 30)
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            self.resize(
                min(self.width(), available.width() * 9 // 10),
                min(self.height(), available.height() * 85 // 100),
            )
        self.close_button.setFocus()

    def text(self) -> str:
        return self.text_view.toPlainText()
