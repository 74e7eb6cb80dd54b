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

from app.db import Database
from app.security import Actor
from tests.conftest import PASSWORD


def _command() -> list[str]:
    script = Path(sys.executable).with_name("youlin-desk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]


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


def test_smoke_with_autologin_shows_the_main_window(set_up_centre: Path, data_dir: Path) -> None:
    result = _run(
        "--database",
        str(set_up_centre),
        data_dir=data_dir,
        YOULIN_AUTOLOGIN=f"admin:{PASSWORD}",
    )
    assert result.returncode == 0, result.stderr
    assert "smoke: main shown" in _log(data_dir)


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
