"""The printed guide (使用指南) for the desk's binder: every page of `app.help.PAGES` in one A4 PDF.

A cover, the contents with page numbers, then each page of the guide starting on a new sheet:
its headings, numbered steps (the number hanging in the margin), bullets, tips in a framed box,
pictures scaled to the text width (never enlarged past their own size, so a small cut-out stays
sharp) and kept on one sheet with their caption. The contents' lines and the links between pages
jump to the page in a PDF reader. A page or a picture the installation lacks is said in words
where it would be, so the guide still prints.

The words of the frame around the pages (cover, contents, "Tip") follow the guide's language, as
the pages themselves do; the shared frame's header and footer are the same as every print-out's.
Built without a database and without Qt: `youlin-desk print guide` and the help window's
打印指南… both call `guide_pdf`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from app import __version__, clock
from app import help as guide
from app.help_contents import Entry, contents
from app.printing.document import MM, Letterhead, build_a4
from app.printing.glyphs import Printout
from app.printing.kit import Kit, count_pages
from app.progress import Progress, quiet

PROGRAM = "友邻前台 Youlin Desk"
LINK_COLOUR = "#1F5FAD"
TIP_FILL = "#FFF4D6"
TIP_EDGE = "#C99A2E"
TEXT_WIDTH = (210 - 36) * MM  # A4 less the shared frame's margins
MAX_PICTURE_HEIGHT = 150 * MM  # a picture and its caption always fit on one sheet
SCREEN_DPI = 96  # a screenshot's pixels at their own size on paper

WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "友邻前台使用指南",
        "subtitle": "放在前台的说明书：每个工作台一页，常做的事一步一步讲",
        "version": "程序版本 {version} · 打印于 {date}",
        "contents": "目录",
        "desks": "工作台",
        "tasks": "常做的事",
        "tip": "提示：",
        "missing picture": "图片缺失：{file}",
        "missing page": "这一页还没有放进本程序。",
    },
    "en": {
        "title": "Youlin Desk user guide",
        "subtitle": "For the front desk: a page for each desk, and the common tasks step by step",
        "version": "Program version {version} · printed {date}",
        "contents": "Contents",
        "desks": "Desks",
        "tasks": "Common tasks",
        "tip": "Tip: ",
        "missing picture": "Picture missing: {file}",
        "missing page": "This page is not in this installation yet.",
    },
}

_TOKEN = re.compile(r"(<[^>]+>)")
_LINK_OPEN = re.compile(r'^<a href="([a-z0-9-]+)">$')


def words(language: str) -> dict[str, str]:
    return WORDS[guide.page_language(language)]


def file_name(language: str) -> str:
    return "使用指南.pdf" if guide.page_language(language) == "zh_CN" else "user-guide.pdf"


def guide_pdf(
    language: str, *, progress: Progress | None = None, printed_at: dt.datetime | None = None
) -> Printout:
    """The whole guide in `language` (Chinese where a page has no translation) as a PDF."""
    progress = progress or quiet()
    printed_at = printed_at or clock.now()
    said = words(language)
    entries = contents(language)
    kit = Kit()
    story = _cover(kit, said, printed_at) + _contents_page(kit, said)
    for number, entry in enumerate(entries, start=1):
        progress.check()
        progress.report(number - 1, len(entries) + 1, entry.title)
        story += _section_mark(said, entry)
        story += _page(kit, said, entry)
    progress.report(len(entries), len(entries) + 1, said["contents"])
    letterhead = Letterhead(PROGRAM, said["title"], printed_at)
    pdf = build_a4(story, letterhead, glyphs=kit.glyphs, contents=True)
    progress.report(len(entries) + 1, len(entries) + 1, "")
    return Printout(pdf, count_pages(pdf), kit.glyphs.unprintable)


# --- the sheets -------------------------------------------------------------------------------


def _cover(kit: Kit, said: dict[str, str], printed_at: dt.datetime) -> list[Any]:
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    return [
        Spacer(1, 70 * MM),
        Paragraph(kit.text(said["title"]), kit.style("cover", 30, centre=True, space_after=12)),
        Paragraph(kit.text(PROGRAM), kit.style("cover-program", 16, centre=True, space_after=30)),
        Paragraph(kit.text(said["subtitle"]), kit.style("cover-sub", 13, centre=True)),
        Spacer(1, 60 * MM),
        Paragraph(
            kit.text(
                said["version"].format(version=__version__, date=printed_at.strftime("%Y-%m-%d"))
            ),
            kit.style("cover-version", 11, centre=True, muted=True),
        ),
        PageBreak(),
    ]


def _contents_page(kit: Kit, said: dict[str, str]) -> list[Any]:
    from reportlab.platypus import PageBreak, Paragraph
    from reportlab.platypus.tableofcontents import TableOfContents

    toc = TableOfContents()
    toc.dotsMinLevel = 0
    toc.levelStyles = [
        kit.style("toc-section", 14, leading=22, space_after=2),
        _indented(kit.style("toc-page", 12, leading=19), 8 * MM),
    ]
    return [
        Paragraph(kit.text(said["contents"]), kit.style("h1", 20, space_after=10)),
        toc,
        PageBreak(),
    ]


def _indented(style: Any, indent: float) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}-indented", parent=style, leftIndent=indent)


def _section_mark(said: dict[str, str], entry: Entry) -> list[Any]:
    """Before the first desk and the first task: a line in the contents for the group."""
    if entry.key == guide.DESK_PAGES[0]:
        return [_mark((0, said["desks"], None))]
    if entry.key == guide.TASK_PAGES[0]:
        return [_mark((0, said["tasks"], None))]
    return []


def _page(kit: Kit, said: dict[str, str], entry: Entry) -> list[Any]:
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    level = 0 if entry.key == guide.INDEX_PAGE else 1
    title = Paragraph(
        f'<a name="{entry.key}"/>{kit.text(entry.title)}', kit.style("h1", 20, space_after=10)
    )
    title.contents_entry = (level, entry.title, entry.key)
    flowables: list[Any] = [title]
    if entry.page is None:
        problem = entry.problem or said["missing page"]
        flowables.append(Paragraph(kit.text(problem), kit.style("note", 12, red=True)))
        return [*flowables, PageBreak()]
    body = kit.style("body", 12, leading=12 * 1.5, space_after=6)
    for block in entry.page.blocks:
        if isinstance(block, guide.Heading):
            flowables.append(Spacer(1, 4 * MM))
            flowables.append(Paragraph(_markup(kit, block.text), _heading(kit)))
        elif isinstance(block, guide.Paragraph):
            flowables.append(Paragraph(_markup(kit, block.text), body))
        elif isinstance(block, guide.Step):
            flowables.append(
                Paragraph(
                    _markup(kit, block.text),
                    _hanging(kit, "step", 9 * MM),
                    bulletText=f"{block.number}.",
                )
            )
        elif isinstance(block, guide.Bullet):
            flowables.append(
                Paragraph(_markup(kit, block.text), _hanging(kit, "bullet", 6 * MM), bulletText="•")
            )
        elif isinstance(block, guide.Tip):
            flowables.append(_tip(kit, said, block))
        elif isinstance(block, guide.Picture):
            flowables.append(_picture(kit, said, block))
    return [*flowables, PageBreak()]


def _heading(kit: Kit) -> Any:
    """A section's heading, never alone at the foot of a sheet."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("h2-kept", parent=kit.style("h2", 15, space_after=6), keepWithNext=1)


def _hanging(kit: Kit, name: str, indent: float) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    base = kit.style("body", 12, leading=12 * 1.5, space_after=6)
    return ParagraphStyle(
        f"{name}-hanging",
        parent=base,
        leftIndent=indent,
        bulletIndent=0,
        bulletFontName=base.fontName,
        bulletFontSize=12,
    )


def _tip(kit: Kit, said: dict[str, str], tip: guide.Tip) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    text = f"<b>{kit.text(said['tip'])}</b>{_markup(kit, tip.text)}"
    box = Table([[Paragraph(text, kit.style("tip", 12, leading=12 * 1.5))]], colWidths=[TEXT_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), HexColor(TIP_FILL)),
                ("BOX", (0, 0), (-1, -1), 0.8, HexColor(TIP_EDGE)),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * MM),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * MM),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * MM),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * MM),
            ]
        )
    )
    box.spaceBefore = 2 * MM
    box.spaceAfter = 4 * MM
    return box


def _picture(kit: Kit, said: dict[str, str], picture: guide.Picture) -> Any:
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer

    caption = (
        [Paragraph(kit.text(picture.caption), kit.style("caption", 10, centre=True, muted=True))]
        if picture.caption
        else []
    )
    try:
        pixels_wide, pixels_high = ImageReader(str(picture.path)).getSize()
    except (OSError, ValueError):
        pixels_wide = pixels_high = 0
    if pixels_wide <= 0 or pixels_high <= 0:
        notice = Paragraph(
            kit.text(said["missing picture"].format(file=picture.file)),
            kit.style("missing", 12, centre=True, red=True),
        )
        return KeepTogether([Spacer(1, 2 * MM), notice, *caption, Spacer(1, 4 * MM)])
    natural = pixels_wide * 72 / SCREEN_DPI
    width = min(TEXT_WIDTH, natural)
    height = width * pixels_high / pixels_wide
    if height > MAX_PICTURE_HEIGHT:
        width, height = width * MAX_PICTURE_HEIGHT / height, MAX_PICTURE_HEIGHT
    image = Image(str(picture.path), width=width, height=height)
    return KeepTogether(
        [Spacer(1, 2 * MM), image, Spacer(1, 1.5 * MM), *caption, Spacer(1, 4 * MM)]
    )


def _mark(entry: tuple[int, str, str | None]) -> Any:
    """A flowable of no size that only puts a line in the contents (a group's heading)."""
    from reportlab.platypus import Spacer

    mark = Spacer(0, 0)
    mark.contents_entry = entry
    return mark


# --- text -------------------------------------------------------------------------------------


def _markup(kit: Kit, text: str) -> str:
    """A page's inline markup (escaped text, <b>, <a href="page">) for a ReportLab Paragraph:
    the text through the print-out's glyphs, a link to a page as a jump inside the PDF."""
    parts: list[str] = []
    open_links: list[bool] = []
    for token in _TOKEN.split(text):
        if not token:
            continue
        if token in ("<b>", "</b>"):
            parts.append(token)
        elif (link := _LINK_OPEN.match(token)) is not None:
            is_page = link.group(1) in guide.PAGES
            open_links.append(is_page)
            if is_page:
                parts.append(f'<a href="#{link.group(1)}" color="{LINK_COLOUR}">')
        elif token == "</a>":
            if open_links and open_links.pop():
                parts.append("</a>")
        else:  # text, or a tag the subset doesn't make: printed as it reads
            parts.append(kit.text(html.unescape(token)))
    return "".join(parts)
