"""Backups before a migration: an older database whose backups folder can't be written is left
as it was, and `migrate` and `export` say so in words naming the folder and exit 2, never with a
traceback.

Tests run as root here, and root writes into a read-only folder anyway, so the folder is made
unwritable in two ways that hold for root too: a *file* where the backups folder should be (the
real command, in a subprocess), and SQLite refusing to create the copy (monkeypatched, through
`ui.launch.main` in this process).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app import backup, migrate, paths
from app.backup import copies
from app.db import Database
from ui import launch

OLDER = "0003_search_indexes"


def older_database(path: Path) -> Path:
    db = Database(paths.sqlite_url(path))
    migrate.upgrade(db, OLDER, take_backup=False)
    db.dispose()
    return path


def revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        (value,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    return str(value)


def test_migrate_with_a_file_where_the_backups_folder_should_be_says_so_and_exits_2(
    tmp_path: Path,
) -> None:
    database = older_database(tmp_path / "centre.sqlite3")
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "backups").write_text("not a folder", encoding="utf-8")
    env = dict(os.environ, YOULIN_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "ui.launch", "migrate", "--database", str(database)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert str(data / "backups") in done.stderr and "无法在文件夹" in done.stderr
    assert revision(database) == OLDER  # nothing was changed without its backup


def test_export_from_an_older_database_whose_backups_folder_is_read_only_exits_2(
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = older_database(tmp_path / "centre.sqlite3")
    real_connect = sqlite3.connect

    def read_only_backups(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(str(target)).parent == paths.backups_dir():
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(copies.sqlite3, "connect", read_only_backups)
    target = str(tmp_path / "p.csv")
    code = launch.main(
        ["export", "people", "-o", target, "--database", str(database), "--as", "admin"]
    )
    captured = capsys.readouterr()
    assert code == 2
    assert str(paths.backups_dir()) in captured.err and "无法在文件夹" in captured.err
    assert "Traceback" not in captured.err
    assert revision(database) == OLDER and not (tmp_path / "p.csv").exists()
    assert not list(paths.backups_dir().glob("*.partial"))


def test_a_backup_is_made_and_rotated_in_the_backups_folder(tmp_path: Path) -> None:
    source = older_database(tmp_path / "centre.sqlite3")
    folder = tmp_path / "copies"
    made = [
        backup.backup_sqlite(source, f"before-upgrade-{n}", folder)
        for n in range(copies.KEEP_SAFETY + 2)
    ]
    assert all(path.parent == folder for path in made)
    assert sorted(folder.glob("centre-*.sqlite3")) == sorted(made[-copies.KEEP_SAFETY :])
    assert revision(made[-1]) == OLDER
