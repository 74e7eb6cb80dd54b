"""Qt translators for the interface: Youlin Desk's own catalogue and Qt's standard dialogs."""

from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app.i18n import LANGUAGES
from app.resources import resource_path

# Compiled catalogues per interface language; English is the source text itself.
CATALOGUES: dict[str, tuple[str, ...]] = {
    "zh_CN": ("translations/youlin_zh_CN.qm", "translations/qtbase_zh_CN.qm"),
    "en": (),
}


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load and install the translators of `language`; the caller must keep the list alive.

    QCoreApplication.installTranslator doesn't take ownership: once the Python object is
    collected, translation silently stops (as Vorta learnt, `vorta/i18n/__init__.py`).
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    translators: list[QTranslator] = []
    for relative in CATALOGUES[language]:
        path = resource_path(relative)
        translator = QTranslator(app)
        if not translator.load(str(path)):
            raise RuntimeError(f"Qt could not load the translation {path}")
        translators.append(translator)
    # Qt asks the translator installed last first: install ours last so that it wins.
    for translator in reversed(translators):
        app.installTranslator(translator)
    return translators
