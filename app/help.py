"""The illustrated guide: one page per desk and one per common task, in each interface language.

A page is a small Markdown file, `resources/help/<language>/<key>.md`, in a subset that both the
in-program help browser (HTML in a QTextBrowser) and the printed guide (ReportLab) draw the same:

    # Title                      the page's title (the first line, exactly once)
    ## Heading                   a section
    1. Text                      a numbered step (numbers are the author's)
    - Text                       a bullet
    ![Caption](picture.png)      a picture on its own line, from resources/help/images/<language>/
    > Text                       a tip, set apart
    other lines                  paragraphs; a blank line ends one

Inside text, `**bold**` and `[words](other-page)` (a link to another page by its key); everything
else is text, escaped, so a page can't inject markup.
The pictures are screenshots of the real program made by `tools/make_guide.py`, so a changed screen
means a regenerated guide.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from app.i18n import DEFAULT_LANGUAGE, LANGUAGES
from app.resources import resources_root

HELP_FOLDER = "help"

# Desk keys as in ui/main_window.py (MainWindow.desk_keys()), in the navigation's order.
DESK_PAGES = ("home", "reception", "people", "rooms", "menu", "volunteers", "reports", "settings")
# The common tasks, in the order a new volunteer meets them.
TASK_PAGES = (
    "task-check-in",
    "task-register",
    "task-book-room",
    "task-sign-up",
    "task-attendance",
    "task-certificate",
    "task-monthly-report",
    "task-backup-restore",
)
INDEX_PAGE = "index"  # the contents: what the guide is and how to use F1
PAGES = (INDEX_PAGE, *DESK_PAGES, *TASK_PAGES)

_LINK = re.compile(r"\[([^\]]+)\]\(([a-z0-9-]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_PICTURE = re.compile(r"^!\[([^\]]*)\]\(([A-Za-z0-9_.-]+\.png)\)$")
_STEP = re.compile(r"^(\d+)\.\s+(.*)$")


@dataclass(frozen=True)
class Heading:
    text: str  # inline markup, see inline_markup()


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Step:
    number: int
    text: str


@dataclass(frozen=True)
class Bullet:
    text: str


@dataclass(frozen=True)
class Tip:
    text: str


@dataclass(frozen=True)
class Picture:
    file: str  # a file name in images/<language>/
    caption: str  # plain text
    path: Path  # where the file is (it may be missing: see missing_pictures())


Block = Heading | Paragraph | Step | Bullet | Tip | Picture


@dataclass(frozen=True)
class Page:
    key: str
    language: str
    title: str  # plain text
    blocks: tuple[Block, ...]
    links: tuple[str, ...]  # the keys of the pages this page links to, in order

    @property
    def pictures(self) -> tuple[Picture, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Picture))


def help_root() -> Path:
    return resources_root() / HELP_FOLDER


def page_language(language: str) -> str:
    """The guide's language for an interface language: its own when written, else Chinese."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def page_path(key: str, language: str) -> Path:
    return help_root() / page_language(language) / f"{key}.md"


def picture_folder(language: str) -> Path:
    return help_root() / "images" / page_language(language)


def inline_markup(text: str) -> str:
    """Escaped text with **bold** as <b> and [words](page) as <a href="page">: the subset both
    QTextBrowser and ReportLab's Paragraph understand."""
    escaped = html.escape(text, quote=True)
    escaped = _BOLD.sub(r"<b>\1</b>", escaped)
    return _LINK.sub(r'<a href="\2">\1</a>', escaped)


def plain_text(text: str) -> str:
    """The words of inline markup source, without bold marks or link targets."""
    return _BOLD.sub(r"\1", _LINK.sub(r"\1", text))


def parse(key: str, language: str, source: str) -> Page:
    """A page from its Markdown source; ValueError names the line that isn't the subset."""
    title = ""
    blocks: list[Block] = []
    paragraph: list[str] = []
    links: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            text = " ".join(paragraph)
            links.extend(_links_in(text))
            blocks.append(Paragraph(inline_markup(text)))
            paragraph.clear()

    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        if not line:
            end_paragraph()
            continue
        if line.startswith("# "):
            if title or blocks or paragraph:
                raise ValueError(f"{key}.md line {number}: the title must be the first line, once")
            title = plain_text(line[2:].strip())
            continue
        if not title:
            raise ValueError(f"{key}.md line {number}: the page must start with '# Title'")
        step = _STEP.match(line)
        picture = _PICTURE.match(line)
        if line.startswith("## "):
            end_paragraph()
            links.extend(_links_in(line[3:].strip()))
            blocks.append(Heading(inline_markup(line[3:].strip())))
        elif step:
            end_paragraph()
            links.extend(_links_in(step.group(2)))
            blocks.append(Step(int(step.group(1)), inline_markup(step.group(2))))
        elif line.startswith("- "):
            end_paragraph()
            links.extend(_links_in(line[2:].strip()))
            blocks.append(Bullet(inline_markup(line[2:].strip())))
        elif line.startswith("> "):
            end_paragraph()
            links.extend(_links_in(line[2:].strip()))
            blocks.append(Tip(inline_markup(line[2:].strip())))
        elif line.startswith("!["):
            if not picture:
                raise ValueError(f"{key}.md line {number}: a picture is ![Caption](file.png)")
            end_paragraph()
            file = picture.group(2)
            blocks.append(Picture(file, picture.group(1), picture_folder(language) / file))
        elif line.startswith("#"):
            raise ValueError(f"{key}.md line {number}: headings are '# Title' and '## Heading'")
        else:
            paragraph.append(line)
    end_paragraph()
    if not title:
        raise ValueError(f"{key}.md: the page has no '# Title'")
    return Page(key, page_language(language), title, tuple(blocks), tuple(links))


def _links_in(text: str) -> list[str]:
    return [match.group(2) for match in _LINK.finditer(text)]


def load(key: str, language: str) -> Page:
    """The page `key` in `language` (Chinese where the language has none). Raises KeyError for
    a key that isn't a page, FileNotFoundError naming the file when the bundle lacks it."""
    if key not in PAGES:
        raise KeyError(key)
    path = page_path(key, language)
    if not path.is_file():
        raise FileNotFoundError(f"help page missing: {path}")
    return parse(key, language, path.read_text(encoding="utf-8"))


def page_for_desk(desk_key: str | None) -> str:
    """The page F1 opens on a desk: the desk's own, or the contents for anything else."""
    return desk_key if desk_key in DESK_PAGES else INDEX_PAGE


def missing_pictures(page: Page) -> list[Path]:
    return [picture.path for picture in page.pictures if not picture.path.is_file()]
