"""The guide inside the program (F1): one help window per main window, a page shown in a
QTextBrowser, the contents beside it, back / forward / contents, and the printed guide.

Pages come from `app.help` (the same Markdown subset the printed guide reads) in the interface
language, Chinese where a page has no translation. They are drawn as HTML here: headings,
numbered steps, bullets, tips set apart, pictures scaled to the page's width (drawn again when the
window is resized or the text size changes) with their captions. A link's target is another
page's key. Nothing goes to a web browser and nothing needs the network. A picture or a page the
installation lacks is said in words where it would be.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QImageReader, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import help as guide
from app import help_contents, i18n
from app.errors import DomainError
from app.printing.glyphs import Printout
from app.progress import Progress
from ui import jobs, style
from ui.widgets import button

log = logging.getLogger(__name__)

_KEY_ROLE = Qt.ItemDataRole.UserRole
TIP_FILL = "#FFF4D6"  # a warm note colour; the text on it stays at 14:1
TIP_EDGE = "#C99A2E"
MISSING_EDGE = style.ERROR_COLOUR
CONTENTS_CHARACTERS = 11  # the contents list's width, in hanzi of its font


class HelpWindow(QWidget):
    """The guide: the contents on the left, a page on the right (see the module's note)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # kept: opened again
        self._language = ""
        self._entries: dict[str, help_contents.Entry] = {}
        self._history: list[str] = []
        self._position = -1
        self._rendered_width = 0
        self._sizes: dict[Path, QSize] = {}
        self.print_job: jobs.Job[Printout] | None = None
        self.preview: QWidget | None = None

        self.back_button = button(self.tr("← Back"), "help.back", self)
        self.back_button.setToolTip(self.tr("The page shown before (Alt+Left)"))
        self.back_button.clicked.connect(self.on_back_clicked)
        self.forward_button = button(self.tr("Forward →"), "help.forward", self)
        self.forward_button.setToolTip(self.tr("The page shown after (Alt+Right)"))
        self.forward_button.clicked.connect(self.on_forward_clicked)
        self.home_button = button(self.tr("Contents"), "help.home", self)
        self.home_button.setToolTip(self.tr("The guide's first page (Alt+Home)"))
        self.home_button.clicked.connect(self.on_home_clicked)
        self.print_button = button(self.tr("Print the guide…"), "help.print", self)
        self.print_button.setToolTip(
            self.tr("The whole guide as one PDF for the desk's binder (Ctrl+P)")
        )
        self.print_button.clicked.connect(self.on_print_clicked)
        self.status = QLabel(self)
        self.status.setObjectName("help.status")
        self.status.setWordWrap(True)

        self.contents = QListWidget(self)
        self.contents.setObjectName("help.contents")
        self.contents.setAccessibleName(self.tr("Contents of the guide"))
        self.contents.currentItemChanged.connect(self.on_contents_current_item_changed)
        self.page_view = QTextBrowser(self)
        self.page_view.setObjectName("help.page")
        self.page_view.setAccessibleName(self.tr("Page of the guide"))
        self.page_view.setOpenLinks(False)  # a link names a page: shown here, never a browser
        self.page_view.setOpenExternalLinks(False)
        self.page_view.anchorClicked.connect(self.on_page_view_anchor_clicked)
        self.page_view.viewport().installEventFilter(self)
        self._rerender = QTimer(self)
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(0)
        self._rerender.timeout.connect(self.on_rerender_timeout)

        bar = QHBoxLayout()
        for widget in (self.back_button, self.forward_button, self.home_button):
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.print_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.page_view)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        for sequence, slot in (
            ("Alt+Left", self.on_back_clicked),
            ("Alt+Right", self.on_forward_clicked),
            ("Alt+Home", self.on_home_clicked),
            ("Ctrl+P", self.on_print_clicked),
            ("Esc", self.close),
        ):
            QShortcut(QKeySequence(sequence), self).activated.connect(slot)
        self._fit_contents()
        self._size_window()
        self._update_buttons()

    # --- pages -----------------------------------------------------------------------------

    def open_page(self, key: str) -> None:
        """Show the page `key` (the contents for a key that isn't a page), in the interface's
        current language, and remember it for Back."""
        self._load_contents()
        if key not in self._entries:
            key = guide.INDEX_PAGE
        if 0 <= self._position < len(self._history) and self._history[self._position] == key:
            self._show(key)
            return
        del self._history[self._position + 1 :]
        self._history.append(key)
        self._position = len(self._history) - 1
        self._show(key)

    def current_key(self) -> str:
        return self._history[self._position] if self._position >= 0 else ""

    def current_title(self) -> str:
        entry = self._entries.get(self.current_key())
        return entry.title if entry is not None else ""

    def page_keys(self) -> list[str]:
        """The pages of the contents list, in its order."""
        keys = []
        for row in range(self.contents.count()):
            key = self.contents.item(row).data(_KEY_ROLE)
            if key:
                keys.append(str(key))
        return keys

    def html(self) -> str:
        return self.page_view.toHtml()

    def text(self) -> str:
        return self.page_view.toPlainText()

    def can_go_back(self) -> bool:
        return self._position > 0

    def can_go_forward(self) -> bool:
        return self._position < len(self._history) - 1

    def _load_contents(self) -> None:
        language = i18n.current_language()
        if language == self._language and self._entries:
            return
        self._language = language
        entries = help_contents.contents(language)
        self._entries = {entry.key: entry for entry in entries}
        self.contents.blockSignals(True)
        self.contents.clear()
        heading_font = style.scaled_font(self.contents, 1.0, bold=True)
        for entry in entries:
            if entry.key == guide.DESK_PAGES[0]:
                self._add_heading(self.tr("Desks"), heading_font)
            elif entry.key == guide.TASK_PAGES[0]:
                self._add_heading(self.tr("Common tasks"), heading_font)
            item = QListWidgetItem(entry.title)
            item.setData(_KEY_ROLE, entry.key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry.title)
            self.contents.addItem(item)
        self.contents.blockSignals(False)
        self._fit_contents()

    def _add_heading(self, text: str, font: object) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a page (and not greyed)
        item.setFont(font)  # type: ignore[arg-type]
        self.contents.addItem(item)

    def _show(self, key: str) -> None:
        entry = self._entries[key]
        self.setWindowTitle(self.tr("User guide — %1").replace("%1", entry.title))
        self._render()
        self.page_view.verticalScrollBar().setValue(0)
        for row in range(self.contents.count()):
            if self.contents.item(row).data(_KEY_ROLE) == key:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
                break
        self._update_buttons()

    def _render(self) -> None:
        key = self.current_key()
        if not key:
            return
        width = self._picture_width()
        scroll = self.page_view.verticalScrollBar()
        fraction = scroll.value() / scroll.maximum() if scroll.maximum() > 0 else 0.0
        self._rendered_width = width
        self.page_view.setHtml(self.page_html(self._entries[key], width))
        if scroll.maximum() > 0:
            scroll.setValue(round(fraction * scroll.maximum()))

    def _picture_width(self) -> int:
        margin = round(self.page_view.document().documentMargin())
        return max(120, self.page_view.viewport().width() - 2 * margin - 8)

    # --- HTML ------------------------------------------------------------------------------

    def page_html(self, entry: help_contents.Entry, width: int) -> str:
        """The page as HTML for the browser, pictures at most `width` pixels wide."""
        parts = [f"<h1>{html.escape(entry.title)}</h1>"]
        if entry.page is None:
            parts.append(
                self._notice(
                    entry.problem
                    or self.tr("This page of the guide is not in this installation yet.")
                )
            )
            return _document(parts)
        steps: list[guide.Step] = []
        bullets: list[guide.Bullet] = []

        def flush() -> None:
            if steps:
                rows = "".join(
                    f'<tr><td valign="top" align="right"><b>{step.number}.</b></td>'
                    f'<td valign="top" style="line-height:130%">{step.text}</td></tr>'
                    for step in steps
                )
                parts.append(f'<table cellspacing="0" cellpadding="4">{rows}</table>')
                steps.clear()
            if bullets:
                items = "".join(
                    f'<li style="line-height:130%">{bullet.text}</li>' for bullet in bullets
                )
                parts.append(f"<ul>{items}</ul>")
                bullets.clear()

        for block in entry.page.blocks:
            if isinstance(block, guide.Step):
                if bullets:
                    flush()
                steps.append(block)
                continue
            if isinstance(block, guide.Bullet):
                if steps:
                    flush()
                bullets.append(block)
                continue
            flush()
            if isinstance(block, guide.Heading):
                parts.append(f"<h2>{block.text}</h2>")
            elif isinstance(block, guide.Paragraph):
                parts.append(f'<p style="line-height:130%">{block.text}</p>')
            elif isinstance(block, guide.Tip):
                tip = html.escape(self.tr("Tip:"))
                parts.append(
                    f'<table width="100%" cellspacing="0" cellpadding="10" border="1" '
                    f'style="border-color:{TIP_EDGE}; border-style:solid" bgcolor="{TIP_FILL}">'
                    f'<tr><td style="line-height:130%"><b>{tip}</b> '
                    f"{block.text}</td></tr></table>"
                )
            elif isinstance(block, guide.Picture):
                parts.append(self._picture(block, width))
        flush()
        return _document(parts)

    def _picture(self, picture: guide.Picture, width: int) -> str:
        caption = (
            f'<p align="center" style="color:{style.MUTED_COLOUR}">'
            f"{html.escape(picture.caption)}</p>"
            if picture.caption
            else ""
        )
        size = self._natural_size(picture.path)
        if size is None:
            words = self.tr("Picture missing: %1").replace("%1", picture.file)
            return self._notice(words) + caption
        shown = min(width, size.width())
        height = round(size.height() * shown / size.width())
        source = html.escape(QUrl.fromLocalFile(str(picture.path)).toString(), quote=True)
        alt = html.escape(picture.caption or picture.file, quote=True)
        return (
            f'<p align="center"><img src="{source}" width="{shown}" height="{height}" '
            f'alt="{alt}"></p>{caption}'
        )

    def _natural_size(self, path: Path) -> QSize | None:
        if path not in self._sizes:
            reader = QImageReader(str(path))
            size = reader.size() if path.is_file() else QSize()
            if not size.isValid() or size.width() <= 0:
                return None
            self._sizes[path] = size
        return self._sizes[path]

    @staticmethod
    def _notice(words: str) -> str:
        """Words in a red frame where a picture or a page would be."""
        return (
            f'<table width="100%" cellspacing="0" cellpadding="14" border="1" '
            f'style="border-color:{MISSING_EDGE}; border-style:solid">'
            f'<tr><td align="center" style="color:{MISSING_EDGE}">{html.escape(words)}</td></tr>'
            f"</table>"
        )

    # --- printing --------------------------------------------------------------------------

    def print_guide(self) -> jobs.Job[Printout] | None:
        """Make the printed guide in the background, then open it in the preview; None when it
        is being made already."""
        if self.print_job is not None:
            return None
        language = i18n.current_language()

        def work(progress: Progress) -> Printout:
            from app.printing.guide import guide_pdf

            return guide_pdf(language, progress=progress)

        job = jobs.start(work, "help.printGuide")
        job.succeeded.connect(self.on_print_job_succeeded)
        job.failed.connect(self.on_print_job_failed)
        job.finished.connect(self.on_print_job_finished)
        self.print_job = job
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Making the printed guide …"))
        return job

    def on_print_job_succeeded(self, printout: Printout) -> None:
        from ui.pdf_preview import open_printout

        self.status.setText(
            self.tr("The printed guide has %1 pages.").replace("%1", str(printout.pages))
        )
        title = self.tr("User guide")
        self.preview = open_printout(printout, title, _file_name(self._language), self)

    def on_print_job_failed(self, error: DomainError) -> None:
        self.status.setText(error.message)

    def on_print_job_finished(self) -> None:
        self.print_job = None
        self.print_button.setEnabled(True)

    # --- slots -----------------------------------------------------------------------------

    def on_back_clicked(self) -> None:
        if self.can_go_back():
            self._position -= 1
            self._show(self._history[self._position])

    def on_forward_clicked(self) -> None:
        if self.can_go_forward():
            self._position += 1
            self._show(self._history[self._position])

    def on_home_clicked(self) -> None:
        self.open_page(guide.INDEX_PAGE)

    def on_print_clicked(self) -> None:
        self.print_guide()

    def on_page_view_anchor_clicked(self, url: QUrl) -> None:
        key = url.toString()
        if key in guide.PAGES:
            self.open_page(key)
        else:
            log.info("the guide links to %r, which is no page", key)

    def on_contents_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        key = current.data(_KEY_ROLE) if current is not None else None
        if key and key != self.current_key():
            self.open_page(str(key))

    def on_rerender_timeout(self) -> None:
        if self._picture_width() != self._rendered_width:
            self._render()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page_view.viewport() and event.type() == QEvent.Type.Resize:
            self._rerender.start()  # after the resize: a scroll bar may come or go meanwhile
        return False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_contents()
            self._rendered_width = 0
            self._rerender.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.print_job is not None:
            self.print_job.cancel()
        super().closeEvent(event)

    def _update_buttons(self) -> None:
        self.back_button.setEnabled(self.can_go_back())
        self.forward_button.setEnabled(self.can_go_forward())

    def _fit_contents(self) -> None:
        metrics = self.contents.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.contents.item(row).text())
                for row in range(self.contents.count())
            ),
            default=0,
        )
        least = metrics.height() * CONTENTS_CHARACTERS
        self.contents.setMinimumWidth(min(max(least, widest + metrics.height() * 2), least * 2))
        height = style.line_height(self.contents.font()) + metrics.height() // 2
        for row in range(self.contents.count()):
            self.contents.item(row).setSizeHint(QSize(0, height))

    def _size_window(self) -> None:
        screen = self.screen() or QApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen is not None else QSize(1366, 728)
        wanted = QSize(self.fontMetrics().height() * 60, self.fontMetrics().height() * 40)
        self.resize(
            wanted.boundedTo(QSize(available.width() * 9 // 10, available.height() * 9 // 10))
        )


def _document(parts: list[str]) -> str:
    return "<html><body>" + "".join(parts) + "</body></html>"


def _file_name(language: str) -> str:
    return "使用指南.pdf" if guide.page_language(language) == "zh_CN" else "user-guide.pdf"
