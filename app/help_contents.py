"""The guide's contents: every page of `app.help.PAGES` in order with its title, read the same by
the help window and the printed guide.

A page the bundle lacks (or can't read) still has a place and a name in the contents: its title is
the words the contents page (`index.md`) links to it with, else its key; `problem` says why a page
that is there can't be read. Neither the window nor the printed guide fails for one missing file.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass

from app import help as guide
from app.i18n import DEFAULT_LANGUAGE, translate

log = logging.getLogger(__name__)

_LINK_MARKUP = re.compile(r'<a href="([a-z0-9-]+)">(.*?)</a>')
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Entry:
    key: str
    title: str  # plain text
    page: guide.Page | None  # None: not in this installation, or `problem` says why
    problem: str = ""  # why a page that is there can't be read

    @property
    def is_desk(self) -> bool:
        return self.key in guide.DESK_PAGES

    @property
    def is_task(self) -> bool:
        return self.key in guide.TASK_PAGES


def read(key: str, language: str) -> Entry:
    """One page with its title in `language`, the Chinese page where that language has none
    yet, or the reason it can't be shown (in the interface language)."""
    try:
        try:
            page = guide.load(key, language)
        except FileNotFoundError:
            if guide.page_language(language) == DEFAULT_LANGUAGE:
                raise
            page = guide.load(key, DEFAULT_LANGUAGE)
    except FileNotFoundError:
        log.debug("the guide has no page %s in %s", key, language)
        return Entry(key, key, None)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        log.warning("the guide's page %s in %s can't be read: %s", key, language, error)
        return Entry(
            key,
            key,
            None,
            translate("Help", "This page of the guide can't be read: %1").replace("%1", str(error)),
        )
    return Entry(key, page.title, page)


def link_words(page: guide.Page) -> dict[str, str]:
    """The words a page links to other pages with: {key: plain words}, the first link wins."""
    words: dict[str, str] = {}
    for block in page.blocks:
        text = getattr(block, "text", "")
        for match in _LINK_MARKUP.finditer(text):
            words.setdefault(match.group(1), html.unescape(_TAG.sub("", match.group(2))))
    return words


def contents(language: str) -> list[Entry]:
    """Every page in the guide's order (the contents page, the desks, then the tasks)."""
    entries = [read(key, language) for key in guide.PAGES]
    index = entries[0].page
    names = link_words(index) if index is not None else {}
    return [
        entry
        if entry.page is not None
        else Entry(entry.key, names.get(entry.key, entry.key), None, entry.problem)
        for entry in entries
    ]
