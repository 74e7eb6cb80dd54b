"""Translation of the messages `app` itself produces (errors, command-line output).

The interface is Chinese by default. Source strings are English and live in the same Qt Linguist
catalogue as the interface (`resources/translations/youlin_zh_CN.ts`); `pyside6-lupdate` collects
`translate("Context", "text")` calls from `app/` too. Reading the `.ts` XML keeps `app` free of Qt.
"""

from __future__ import annotations

from functools import cache

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_current = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _current = language


def current_language() -> str:
    return _current


@cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    import xml.etree.ElementTree as ET  # only once a message is translated: start-up needs none

    from app.resources import resource_path

    path = resource_path(f"translations/youlin_{language}.ts")
    catalogue: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            element = message.find("translation")
            if element is None or element.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if element.text:
                catalogue[(name, source)] = element.text
    return catalogue


def translate(context: str, text: str) -> str:
    """`text` in the current language; English source text when no translation exists."""
    if _current == "en":
        return text
    return _catalogue(_current).get((context, text), text)
