"""The Settings desk's Backups page driven as an admin would, a desk volunteer refused there, and
the start-up's offer to restore the newest backup of a damaged database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import paths
from app import settings as settings_module
from app.backup import copies, restore, service
from app.backup.copies import Manifest
from app.db import Database
from app.start import StartOptions
from tests.demo_ui import actor, demo_database, open_main_window, shot
from tests.rooms_ui import context
from ui.application import DatabaseStart
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.restore_offer import RestoreOffer
from ui.settings.backup_page import BackupPage, ConfirmRestore
from ui.settings.desk import SettingsDesk
from ui.shell import Shell

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise)\(\)"
)


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[Database]:
    db = demo_database(tmp_path, people=120)
    yield db
    db.dispose()


def backup_page(qtbot: QtBot, db: Database, username: str) -> BackupPage:
    window = open_main_window(qtbot, db, actor(db, username))
    assert window.switch_to("settings")
    settings = window.desk("settings")
    assert isinstance(settings, SettingsDesk)
    page = settings.show_page("backup")
    assert isinstance(page, BackupPage)
    return page


def test_an_admin_backs_up_now_sees_the_list_and_restores_back_to_the_login(
    qtbot: QtBot, centre: Database
) -> None:
    page = backup_page(qtbot, centre, "admin")
    assert page.folder.text() == str(paths.backups_dir())
    assert page.model.rowCount() == 0
    with qtbot.waitSignal(page.back_up_now().finished, timeout=30_000):
        pass
    assert page.model.rowCount() == 1
    made = page.model.line(0)
    assert str(made.path) in page.message.message()
    shot(page.window(), "settings-backup")
    box = page.ask_restore()
    assert isinstance(box, ConfirmRestore)
    assert service_words(made) in page.confirmation_text()
    shot(box, "settings-backup-confirm")
    window = page.window()
    assert isinstance(window, MainWindow)
    with qtbot.waitSignal(window.switch_user_requested, timeout=30_000):
        box.accept()
    assert service.when_text(made.made_at) in page.message.message()


def service_words(made: Manifest) -> str:
    return service.confirmation(made)


def test_choosing_a_folder_checks_it_can_be_written(
    qtbot: QtBot, centre: Database, tmp_path: Path
) -> None:
    page = backup_page(qtbot, centre, "admin")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert not page.set_folder(blocked / "backups")
    assert page.message.is_error() and str(blocked / "backups") in page.message.message()
    usb = tmp_path / "usb"
    assert page.set_folder(usb)
    assert settings_module.load().backup_folder == str(usb)
    with qtbot.waitSignal(page.back_up_now().finished, timeout=30_000):
        pass
    assert [m.path.parent for m in copies.list_backups(usb)] == [usb]
    assert page.set_folder(None)
    assert settings_module.load().backup_folder == ""


def test_a_desk_volunteer_is_refused_the_list_and_a_backup(qtbot: QtBot, centre: Database) -> None:
    # The Settings desk isn't shown to a volunteer; the page itself still meets the service.
    page = BackupPage(context(centre, actor(centre, "desk")))
    qtbot.addWidget(page)
    page.show()
    assert page.message.is_error()
    with qtbot.waitSignal(page.back_up_now().finished, timeout=30_000):
        pass
    assert page.message.is_error()
    assert not list(paths.backups_dir().glob("*.sqlite3"))


def test_a_damaged_database_at_start_offers_the_newest_backup_and_opens_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = demo_database(tmp_path, people=60)
    path = Path(str(db.engine.url.database))
    db.dispose()
    made = copies.make_copy(path, "daily")
    path.write_bytes(b"not a database " * 400)
    asked: list[str] = []

    def answer(_shell: Shell, damaged: Path, newest: Manifest) -> bool:
        offer = RestoreOffer(damaged, newest)
        qtbot.addWidget(offer)
        asked.append(offer.text)
        shot(offer, "restore-offer")
        return True

    monkeypatch.setattr(Shell, "ask_restore", answer)
    options = StartOptions(database_url=paths.sqlite_url(path), language="zh_CN")
    shell = Shell(qapp, options, settings_module.load(), [], DatabaseStart(options))
    try:
        first = shell.begin()
        assert isinstance(first, LoginDialog)
        assert len(asked) == 1 and str(path) in asked[0]
        assert f"{made.counts['person']:,}" in asked[0]
        assert restore.find_damage(path) is None
        assert list(path.parent.glob(f"{path.name}.damaged-*"))
    finally:
        shell.close()


def test_the_first_start_of_the_day_backs_up_in_the_background(
    qapp: QApplication, tmp_path: Path
) -> None:
    db = demo_database(tmp_path, people=60)
    path = Path(str(db.engine.url.database))
    db.dispose()
    options = StartOptions(database_url=paths.sqlite_url(path), language="zh_CN")
    shell = Shell(qapp, options, settings_module.load(), [], DatabaseStart(options))
    try:
        assert isinstance(shell.begin(), LoginDialog)
        shell.database()
        assert shell.daily_backup is not None
        shell.daily_backup.join(timeout=60)
        (made,) = copies.list_backups(paths.backups_dir())
        assert made.kind == "daily" and shell.daily_backup.ok
        assert service.last_daily_outcome() == (True, shell.daily_backup.outcome)
    finally:
        shell.close()


def test_a_declined_offer_leaves_the_damaged_file_and_says_why(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = demo_database(tmp_path, people=60)
    path = Path(str(db.engine.url.database))
    db.dispose()
    copies.make_copy(path, "daily")
    damaged = b"not a database " * 400
    path.write_bytes(damaged)
    monkeypatch.setattr(Shell, "ask_restore", lambda _shell, _path, _newest: False)
    problems: list[str] = []
    monkeypatch.setattr(Shell, "_problem", lambda _shell, message: problems.append(message))
    options = StartOptions(database_url=paths.sqlite_url(path), language="zh_CN")
    shell = Shell(qapp, options, settings_module.load(), [], DatabaseStart(options))
    try:
        assert shell.begin() == 2
        assert path.read_bytes() == damaged and problems
    finally:
        shell.close()
