"""`youlin-desk --smoke` as a packaging check would run it, and the clear refusals at start."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import migrate, paths
from app.db import Database
from app.security import Actor
from app.services import centre
from app.start import AUTOLOGIN_ENV, DEMO_FOLDER_PREFIX, DEMO_PASSWORD
from tests.conftest import PASSWORD


def _command() -> list[str]:
    script = Path(sys.executable).with_name("youlin-desk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.launch"]


def _run(*args: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", YOULIN_DATA_DIR=str(data_dir))
    environment.pop("YOULIN_AUTOLOGIN", None)
    environment.update(env)
    return subprocess.run(
        [*_command(), "--smoke", "-platform", "offscreen", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def _log(data_dir: Path) -> str:
    path = data_dir / "logs" / "youlin-desk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.fixture
def set_up_centre(db: Database, admin: Actor, db_path: Path) -> Path:
    db.dispose()
    return db_path


def test_smoke_on_a_set_up_centre_shows_the_login_and_exits_0(
    set_up_centre: Path, data_dir: Path
) -> None:
    result = _run("--database", str(set_up_centre), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "smoke: login shown" in _log(data_dir)


def _logins(path: Path) -> list[tuple[str, int | None]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT action, account_id FROM audit_event WHERE action LIKE 'login%' ORDER BY id"
        ).fetchall()
    connection.close()
    return [(str(action), account_id) for action, account_id in rows]


def _last_login(path: Path, username: str) -> str | None:
    with sqlite3.connect(path) as connection:
        row = connection.execute(
            "SELECT last_login_at FROM account WHERE username = ?", (username,)
        ).fetchone()
    connection.close()
    return None if row is None else row[0]


def test_smoke_with_autologin_shows_the_main_window_and_records_the_login(
    set_up_centre: Path, data_dir: Path, admin: Actor
) -> None:
    """The window comes from the quick look; the database opens behind it, and the login is
    recorded there as accounts.login records it."""
    assert _logins(set_up_centre) == []
    result = _run(
        "--database",
        str(set_up_centre),
        data_dir=data_dir,
        YOULIN_AUTOLOGIN=f"admin:{PASSWORD}",
    )
    assert result.returncode == 0, result.stderr
    log = _log(data_dir)
    assert "smoke: main shown" in log
    assert "smoke: home figures loaded" in log
    assert _logins(set_up_centre) == [("login", admin.account_id)]
    assert _last_login(set_up_centre, "admin") is not None


def test_smoke_writes_the_startup_mark_once_the_main_window_is_up(
    set_up_centre: Path, data_dir: Path, tmp_path: Path
) -> None:
    mark = tmp_path / "mark"
    result = _run(
        "--database",
        str(set_up_centre),
        data_dir=data_dir,
        YOULIN_AUTOLOGIN=f"admin:{PASSWORD}",
        YOULIN_STARTUP_MARK=str(mark),
    )
    assert result.returncode == 0, result.stderr
    wall, cpu = (float(field) for field in mark.read_text(encoding="ascii").split())
    assert wall > 0 and cpu > 0


PREVIOUS_REVISION = "0010_statistics_indexes"


@pytest.fixture
def older_centre(tmp_path: Path) -> Path:
    """A centre as the previous release left it: set up under the newest schema (today's
    mappings know no other), then taken down one revision with the migration's own downgrade."""
    path = tmp_path / "older.sqlite3"
    db = Database(paths.sqlite_url(path))
    migrate.upgrade(db)
    with db.write() as session:
        centre.set_up(
            session, centre.CentreProfile("西社区", "", "", "", ""), "admin", "管理员", PASSWORD
        )
    from alembic import command

    with db.engine.begin() as connection:
        command.downgrade(migrate._alembic_config(connection), PREVIOUS_REVISION)  # type: ignore[arg-type]
    db.dispose()
    return path


def test_an_older_database_is_migrated_before_the_first_window(
    older_centre: Path, data_dir: Path
) -> None:
    result = _run(
        "--database",
        str(older_centre),
        data_dir=data_dir,
        YOULIN_AUTOLOGIN=f"admin:{PASSWORD}",
    )
    assert result.returncode == 0, result.stderr
    assert "smoke: home figures loaded" in _log(data_dir)
    with sqlite3.connect(older_centre) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert revision == (migrate.HEAD_REVISION,)
    assert list((data_dir / "backups").glob(f"older-*-before-upgrade-{PREVIOUS_REVISION}.sqlite3"))
    assert [action for action, _account in _logins(older_centre)] == ["login"]


def test_smoke_on_an_empty_database_shows_the_setup_wizard(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "new" / "youlin.sqlite3"
    result = _run("--database", str(target), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "smoke: setup shown" in _log(data_dir)
    assert target.exists()


def test_a_failed_autologin_is_said_and_exits_2(set_up_centre: Path, data_dir: Path) -> None:
    result = _run(
        "--database",
        str(set_up_centre),
        "--lang",
        "en",
        data_dir=data_dir,
        YOULIN_AUTOLOGIN="admin:wrong password",
    )
    assert result.returncode == 2
    assert "Wrong user name or password" in result.stderr
    assert "Traceback" not in result.stderr
    assert _logins(set_up_centre) == [("login_failed", None)]


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to: chmod for a user, the immutable flag for root (root ignores
    permission bits)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(folder)], check=False).returncode:
            pytest.skip("root without chattr +i can't make a read-only folder")
        try:
            yield folder
        finally:
            subprocess.run([chattr, "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


def test_a_read_only_folder_is_refused_clearly_without_creating_a_file(
    read_only_folder: Path, data_dir: Path
) -> None:
    target = read_only_folder / "youlin.sqlite3"
    result = _run("--database", str(target), data_dir=data_dir)
    assert result.returncode == 2
    assert "只读" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(read_only_folder.iterdir()) == []
    english = _run("--database", str(target), "--lang", "en", data_dir=data_dir)
    assert english.returncode == 2
    assert "read-only" in english.stderr


@pytest.fixture
def future_database(set_up_centre: Path) -> Path:
    with sqlite3.connect(set_up_centre) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.close()
    return set_up_centre


def test_a_database_from_a_newer_version_is_refused(future_database: Path, data_dir: Path) -> None:
    before = future_database.read_bytes()
    result = _run("--database", str(future_database), data_dir=data_dir)
    assert result.returncode == 2
    assert "更新版本" in result.stderr
    assert "Traceback" not in result.stderr
    assert future_database.read_bytes() == before


def test_the_newer_version_message_in_english(future_database: Path, data_dir: Path) -> None:
    result = _run("--database", str(future_database), "--lang", "en", data_dir=data_dir)
    assert result.returncode == 2
    assert "newer version of Youlin Desk" in result.stderr


def test_a_file_that_is_not_a_database_is_refused_and_kept(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "notes.sqlite3"
    target.write_bytes(b"these are somebody's notes, not a database" * 100)
    before = target.read_bytes()
    result = _run("--database", str(target), "--lang", "en", data_dir=data_dir)
    assert result.returncode == 2
    assert "can't be opened" in result.stderr
    assert target.read_bytes() == before


def _demo_folders(temp: Path) -> list[Path]:
    return sorted(temp.glob(f"{DEMO_FOLDER_PREFIX}*"))


def test_smoke_on_the_demo_leaves_no_folder_behind(tmp_path: Path, data_dir: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    result = _run("--demo", data_dir=data_dir, TMPDIR=str(temp))
    assert result.returncode == 0, result.stderr
    assert "smoke: home figures loaded" in _log(data_dir)
    assert str(temp / DEMO_FOLDER_PREFIX) in result.stdout  # where it was said
    assert _demo_folders(temp) == []


# The desk on the demo centre, ended by a person: Account → Quit, or closing the main window.
END_THE_DEMO = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import launch
from ui.main_window import MainWindow

app = QApplication([sys.argv[0], "-platform", "offscreen"])
how = sys.argv[1]


def end_when_up() -> None:
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, end_when_up)
    elif how == "quit":
        windows[0].quit_action.trigger()
    else:
        windows[0].close()


QTimer.singleShot(0, end_when_up)
sys.exit(launch.main(["--demo", "--lang", "en"]))
"""


@pytest.mark.parametrize("how", ["quit", "close"])
def test_ending_the_demo_desk_removes_its_folder(how: str, tmp_path: Path, data_dir: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        YOULIN_DATA_DIR=str(data_dir),
        TMPDIR=str(temp),
        **{AUTOLOGIN_ENV: f"admin:{DEMO_PASSWORD}"},
    )
    result = subprocess.run(
        [sys.executable, "-c", END_THE_DEMO, how],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Writing a demo centre to" in result.stdout
    assert _demo_folders(temp) == []
