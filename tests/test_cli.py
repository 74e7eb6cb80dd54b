"""The command line without Qt: migrate, demo guard rails, clear messages for bad databases."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli, migrate


def _run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, YOULIN_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "ui.launch", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_migrate_creates_and_then_reports_up_to_date(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "desk" / "youlin.sqlite3"
    first = _run("migrate", "--database", str(target), data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    assert migrate.HEAD_REVISION in first.stdout
    with sqlite3.connect(target) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert row == (migrate.HEAD_REVISION,)
    again = _run("migrate", "--database", str(target), "--lang", "en", data_dir=data_dir)
    assert again.returncode == 0
    assert "up to date" in again.stdout


def test_migrate_uses_the_environment_url(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("YOULIN_DATABASE_URL", f"sqlite:///{target}")
    assert _run("migrate", data_dir=data_dir).returncode == 0
    assert target.exists()


@pytest.mark.parametrize(
    ("url", "words_zh", "words_en"),
    [
        ("postgresql+nosuchdriver://desk@localhost/youlin", "无法使用", "can't be used"),
        ("notaurl://", "无法使用", "can't be used"),
    ],
)
def test_unusable_database_url_gets_a_clear_message(
    url: str, words_zh: str, words_en: str, data_dir: Path
) -> None:
    zh = _run("migrate", "--database", url, data_dir=data_dir)
    assert zh.returncode == 2
    assert words_zh in zh.stderr
    assert "Traceback" not in zh.stderr
    en = _run("migrate", "--database", url, "--lang", "en", data_dir=data_dir)
    assert en.returncode == 2
    assert words_en in en.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_is_refused_without_creating_a_file(
    tmp_path: Path, data_dir: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = _run("migrate", "--database", str(folder / "y.sqlite3"), data_dir=data_dir)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2
    assert "只读" in result.stderr
    assert list(folder.iterdir()) == []


def test_newer_database_is_refused_with_a_message(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "future.sqlite3"
    assert _run("migrate", "--database", str(target), data_dir=data_dir).returncode == 0
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.close()
    result = _run("migrate", "--database", str(target), data_dir=data_dir)
    assert result.returncode == 2
    assert "更新的版本" in result.stderr or "新版本" in result.stderr
    assert "ffff_future" in result.stderr


def test_demo_needs_a_database(data_dir: Path) -> None:
    result = _run("demo", data_dir=data_dir)
    assert result.returncode == 2
    assert "--database" in result.stderr


def test_qt_options_pass_through() -> None:
    ours, qt = cli._split_qt_args(["--smoke", "-platform", "offscreen", "--lang", "en"])
    assert ours == ["--smoke", "--lang", "en"]
    assert qt == ["-platform", "offscreen"]


def test_database_folder_that_cannot_be_made_is_refused(tmp_path: Path, data_dir: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = _run("migrate", "--database", str(blocker / "desk" / "y.sqlite3"), data_dir=data_dir)
    assert result.returncode == 2
    assert str(blocker) in result.stderr
    assert "Traceback" not in result.stderr
    assert blocker.read_text() == "not a folder"


def test_output_that_cannot_be_encoded_does_not_end_the_command(
    tmp_path: Path, data_dir: Path
) -> None:
    env = dict(os.environ, YOULIN_DATA_DIR=str(data_dir), PYTHONIOENCODING="cp1252")
    result = subprocess.run(
        [sys.executable, "-m", "ui.launch", "migrate", "--database", str(tmp_path / "y.sqlite3")],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"?" in result.stdout  # the Chinese words, replaced
