"""What changed: the sections of CHANGELOG.md a machine hasn't been shown, once after an upgrade.

CHANGELOG.md has one section per version, `## <version> — <date or "unreleased">`, each a list of
`- ` items (continued on indented lines). A section may start with a short summary for the desk
in each interface language, under `### zh_CN` and `### en`: the volunteers read that, in their
language, rather than the whole list (which is written for administrators, in English).

The machine's settings remember the last version whose changes it was shown
(`Settings.last_seen_version`). At start:

- no settings file at all: a new installation, nothing to tell; the version is recorded silently;
- the recorded version is this one: nothing to tell;
- otherwise (an upgrade, or a settings file from before this feature, which has no version): the
  sections newer than the one last seen, up to this version, are shown after login, and this
  version is recorded so that they are shown once.

No Qt here: the desk shows `Release`s in a dialog (ui/whats_new.py).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from app import __version__
from app.i18n import LANGUAGES
from app.resources import changelog_path

log = logging.getLogger(__name__)

_SECTION = re.compile(r"^##\s+(\S+)\s*(?:[—–-]+\s*(.*))?$")
_SUMMARY = re.compile(rf"^###\s+({'|'.join(LANGUAGES)})\s*$")


@dataclass(frozen=True)
class Release:
    version: str
    note: str  # what follows the version in its heading: a date, or "unreleased"
    items: tuple[str, ...]  # each change, its lines joined; Markdown-ish (`code`, **bold**)
    summaries: dict[str, tuple[str, ...]] = field(default_factory=dict)  # by language

    def shown_items(self, language: str) -> tuple[str, ...]:
        """What a desk in `language` is shown: its summary, else the English one, else all."""
        return self.summaries.get(language) or self.summaries.get("en") or self.items


def parse(text: str) -> list[Release]:
    """The changelog's sections, newest first as written."""
    releases: list[Release] = []
    version = note = ""
    items: list[str] = []
    summaries: dict[str, list[str]] = {}
    target = items
    in_section = False

    def close() -> None:
        if in_section:
            shown = {language: tuple(lines) for language, lines in summaries.items() if lines}
            releases.append(Release(version, note, tuple(items), shown))

    for raw in text.splitlines():
        line = raw.rstrip()
        heading = _SECTION.match(line)
        if heading:
            close()
            version, note = heading.group(1), (heading.group(2) or "").strip()
            items, summaries = [], {}
            target = items
            in_section = True
        elif not in_section or not line.strip():
            continue
        elif summary := _SUMMARY.match(line):
            target = summaries.setdefault(summary.group(1), [])
        elif line.startswith("### "):
            target = items  # any other sub-heading: back to the list of changes
        elif line.startswith("- "):
            target.append(line[2:].strip())
        elif line.startswith("#"):
            close()
            in_section = False
        elif target:
            target[-1] = f"{target[-1]} {line.strip()}"
        else:
            target.append(line.strip())
    close()
    return releases


def version_key(version: str) -> tuple[int, ...]:
    """Numbers of a version for comparing: "0.10.1" > "0.9.3"; letters end the numbers."""
    numbers: list[int] = []
    for part in version.split("."):
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        numbers.append(int(digits.group()))
    return tuple(numbers)


def read(path: Path | None = None) -> list[Release]:
    """The bundled changelog's sections; none when it is missing or unreadable (nothing to say
    is better than a start that fails)."""
    target = path or changelog_path()
    try:
        return parse(target.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        log.warning("the changelog %s can't be read", target, exc_info=True)
        return []


def unseen(releases: list[Release], last_seen: str, current: str = __version__) -> list[Release]:
    """The releases after `last_seen` up to `current`; with nothing seen yet (a settings file
    from before the program said what changed), `current`'s own."""
    now = version_key(current)
    if not last_seen:
        return [r for r in releases if version_key(r.version) == now]
    seen = version_key(last_seen)
    return [r for r in releases if seen < version_key(r.version) <= now]


@dataclass(frozen=True)
class AtStart:
    """What the start of the program does about what changed."""

    show: tuple[Release, ...]  # to show after login (empty: nothing)
    record: bool  # whether to record this version as seen


def at_start(
    settings_existed: bool,
    last_seen: str,
    current: str = __version__,
    releases: list[Release] | None = None,
) -> AtStart:
    if not settings_existed:
        return AtStart((), record=True)  # a new installation: nothing has changed for it
    if last_seen == current:
        return AtStart((), record=False)
    found = read() if releases is None else releases
    return AtStart(tuple(unseen(found, last_seen, current)), record=True)
