"""What changed, once after an upgrade: the changelog's sections, the version last seen on this
machine, and the dialog after login on the real shell (never for a new installation or --smoke)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import __version__, i18n, paths, whats_new
from app import settings as settings_module
from app.db import Database
from app.resources import CHANGELOG_FILE, changelog_path
from app.security import Actor
from app.start import StartOptions
from tests.conftest import PASSWORD
from ui.application import DatabaseStart
from ui.main_window import MainWindow
from ui.shell import Shell
from ui.whats_new import WhatsNewDialog

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise)\(\)"
)

CHANGELOG = """# Changelog

Intro text.

## 0.3.0 — unreleased
- Help: F1 opens the guide.
- Printing: `youlin-desk print guide` writes it,
  for the binder.

## 0.2.0 — 2026-12-01
- Reception: **faster** search.

## 0.1.0 — 2026-11-01
- The first version.
"""


def test_the_changelog_is_read_in_sections() -> None:
    releases = whats_new.parse(CHANGELOG)
    assert [r.version for r in releases] == ["0.3.0", "0.2.0", "0.1.0"]
    assert releases[0].note == "unreleased" and releases[1].note == "2026-12-01"
    assert releases[0].items == (
        "Help: F1 opens the guide.",
        "Printing: `youlin-desk print guide` writes it, for the binder.",
    )


def test_the_sections_not_seen_yet_up_to_this_version() -> None:
    releases = whats_new.parse(CHANGELOG)
    versions = [r.version for r in whats_new.unseen(releases, "0.1.0", "0.3.0")]
    assert versions == ["0.3.0", "0.2.0"]
    assert [r.version for r in whats_new.unseen(releases, "0.1.0", "0.2.0")] == ["0.2.0"]
    assert whats_new.unseen(releases, "0.3.0", "0.3.0") == []
    # A settings file from before this feature: this version's own section.
    assert [r.version for r in whats_new.unseen(releases, "", "0.3.0")] == ["0.3.0"]
    assert whats_new.version_key("0.10.1") > whats_new.version_key("0.9.3")


def test_what_the_start_does() -> None:
    releases = whats_new.parse(CHANGELOG)
    new = whats_new.at_start(False, "", "0.3.0", releases)
    assert new.show == () and new.record  # a new installation: silently
    same = whats_new.at_start(True, "0.3.0", "0.3.0", releases)
    assert same.show == () and not same.record
    upgraded = whats_new.at_start(True, "0.2.0", "0.3.0", releases)
    assert [r.version for r in upgraded.show] == ["0.3.0"] and upgraded.record
    older = whats_new.at_start(True, "", "0.3.0", releases)
    assert [r.version for r in older.show] == ["0.3.0"]


def test_the_bundled_changelog_has_this_versions_section() -> None:
    assert changelog_path() == ROOT / CHANGELOG_FILE
    releases = whats_new.read()
    assert releases and releases[0].version == __version__ and releases[0].items
    assert whats_new.read(ROOT / "no-such-file.md") == []


def test_the_frozen_app_carries_the_changelog() -> None:
    """build_installer.spec puts CHANGELOG.md at the bundle's root, where the resolver looks
    (tests/test_frozen.py checks the built bundle itself)."""
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert re.search(r"datas=.*_changelog_datas\(\)", spec)
    assert 'return [(str(changelog), ".")]' in spec
    # The installer builds from a snapshot of the sources: the changelog must be in it.
    build = (ROOT / "installer" / "build.sh").read_text(encoding="utf-8")
    snapshot = re.search(r'tar -C "\$ROOT" [^|]*\|', build)
    assert snapshot is not None and CHANGELOG_FILE in snapshot.group().split()


# --- on the real shell ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


@pytest.fixture
def shells() -> Iterator[list[Shell]]:
    """The shells a test started, closed after it (as in tests/test_ui_shell.py)."""
    made: list[Shell] = []
    yield made
    for shell in made:
        shell.close()


def _start(qapp: QApplication, db_path: Path, shells: list[Shell], *, smoke: bool = False) -> Shell:
    options = StartOptions(
        database_url=paths.sqlite_url(db_path),
        language="en",
        smoke=smoke,
        autologin=("admin", PASSWORD),
    )
    shell = Shell(qapp, options, settings_module.load(), [], DatabaseStart(options))
    shells.append(shell)
    return shell


def _saved() -> dict[str, object]:
    return dict(json.loads(paths.settings_path().read_text(encoding="utf-8")))


def test_after_an_upgrade_what_changed_is_shown_once_after_login(
    qtbot: QtBot, qapp: QApplication, db: Database, admin: Actor, db_path: Path,
    shells: list[Shell],
) -> None:  # fmt: skip
    db.dispose()
    # A settings file from before the program said what changed (no version in it).
    paths.settings_path().write_text(json.dumps({"text_size": "large"}), encoding="utf-8")
    shell = _start(qapp, db_path, shells)
    window = shell.begin()
    assert isinstance(window, MainWindow)
    dialog = shell.whats_new_dialog
    assert isinstance(dialog, WhatsNewDialog) and dialog.isVisible()
    assert not dialog.isModal()  # never holds up the desk
    assert dialog.parent() is window
    assert f"Version {__version__}" in dialog.text()
    shown = whats_new.read()[0].shown_items(i18n.current_language())
    assert shown[0][:30].replace("**", "") in dialog.text().replace("\n", " ")
    assert _saved()["last_seen_version"] == __version__
    assert _saved()["text_size"] == "large"  # the rest of the settings kept
    assert window.context.settings.last_seen_version == __version__
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.whats_new_dialog is None)
    window.close_for_switch()

    again = _start(qapp, db_path, shells)  # the next start: nothing to tell
    assert isinstance(again.begin(), MainWindow)
    assert again.whats_new_dialog is None


def test_an_earlier_version_seen_shows_the_changes(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell]
) -> None:
    db.dispose()
    settings_module.save(settings_module.Settings(last_seen_version="0.0.9"))
    shell = _start(qapp, db_path, shells)
    assert isinstance(shell.begin(), MainWindow)
    assert shell.whats_new_dialog is not None
    assert _saved()["last_seen_version"] == __version__


def test_a_new_installation_records_the_version_silently(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell]
) -> None:
    db.dispose()
    assert not paths.settings_path().exists()
    shell = _start(qapp, db_path, shells)
    assert isinstance(shell.begin(), MainWindow)
    assert shell.whats_new_dialog is None
    assert _saved()["last_seen_version"] == __version__


def test_smoke_neither_shows_nor_records(
    qapp: QApplication, db: Database, admin: Actor, db_path: Path, shells: list[Shell]
) -> None:
    db.dispose()
    paths.settings_path().write_text("{}", encoding="utf-8")
    shell = _start(qapp, db_path, shells, smoke=True)
    assert isinstance(shell.begin(), MainWindow)
    assert shell.whats_new_dialog is None
    assert "last_seen_version" not in _saved()


def test_a_desk_is_shown_the_summary_in_its_language_and_the_list_stays_whole() -> None:
    text = (
        "## 0.3.0 — 2027-01-10\n### zh_CN\n- 按 F1 打开指南。\n### en\n- F1 opens the guide.\n"
        "  It prints too.\n### Changes\n- Help: F1 on every desk.\n- Reception: F2–F10.\n"
        "## 0.2.0 — 2026-12-01\n- Only a list.\n"
    )
    newer, older = whats_new.parse(text)
    assert newer.shown_items("zh_CN") == ("按 F1 打开指南。",)
    assert newer.shown_items("en") == ("F1 opens the guide. It prints too.",)
    assert newer.items == ("Help: F1 on every desk.", "Reception: F2–F10.")
    assert older.shown_items("zh_CN") == older.items == ("Only a list.",)
    bundled = whats_new.read()[0]
    assert set(bundled.summaries) == {"zh_CN", "en"} and bundled.items
