"""The frozen Linux app: build_installer.spec makes a bundle that starts, migrates, writes a demo.

Slow (PyInstaller takes about a minute): runs only with YOULIN_FROZEN_TESTS=1 and PyInstaller
importable, e.g. `pip install --require-hashes --no-deps -r installer/requirements-linux.txt`
(or point YOULIN_FROZEN_APP at a bundle that `bash installer/build.sh linux` made).
The Windows build is smoke-tested the same way by installer/build.sh, under Wine.
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import migrate
from app.resources import BUNDLED_FOLDERS, CHANGELOG_FILE
from app.start import AUTOLOGIN_ENV, DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[1]
FROZEN_APP_ENV = "YOULIN_FROZEN_APP"  # an already built bundle's binary: skips the build

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("YOULIN_FROZEN_TESTS") != "1",
        reason="frozen-app tests run with YOULIN_FROZEN_TESTS=1",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None and not os.environ.get(FROZEN_APP_ENV),
        reason="PyInstaller is not installed (installer/requirements-linux.txt pins it)",
    ),
]


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get(FROZEN_APP_ENV)
    if given:
        return Path(given)
    work = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--workpath", str(work / "build"), "--distpath", str(work / "dist"),
            str(ROOT / "build_installer.spec"),
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist" / "YoulinDesk" / "YoulinDesk"


def _run(app: Path, *args: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, YOULIN_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    environment.update(env)
    return subprocess.run(
        [str(app), *args], env=environment, capture_output=True, text=True, timeout=300, check=False
    )


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    return str(row[0])


def test_frozen_app_shows_the_main_window_on_a_demo_database(
    frozen_app: Path, tmp_path: Path, data_dir: Path
) -> None:
    database = tmp_path / "demo.sqlite3"
    written = subprocess.run(
        [sys.executable, "-m", "ui.launch", "demo", "--database", str(database), "--people", "300"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        env=dict(os.environ, YOULIN_DATA_DIR=str(data_dir)),
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    smoke = _run(
        frozen_app, "--smoke", "--database", str(database), "-platform", "offscreen",
        data_dir=data_dir, **{AUTOLOGIN_ENV: f"admin:{DEMO_PASSWORD}"},
    )  # fmt: skip
    assert smoke.returncode == 0, smoke.stderr[-4000:]


def test_frozen_app_migrates_a_fresh_database_with_its_bundled_scripts(
    frozen_app: Path, tmp_path: Path, data_dir: Path
) -> None:
    database = tmp_path / "fresh.sqlite3"
    result = _run(frozen_app, "migrate", "--database", str(database), data_dir=data_dir)
    assert result.returncode == 0, result.stderr[-4000:]
    assert _revision(database) == migrate.HEAD_REVISION


def test_frozen_app_writes_a_demo_centre(frozen_app: Path, tmp_path: Path, data_dir: Path) -> None:
    """The demo centre is written by the bundle itself (its names are our own table, no Faker)."""
    database = tmp_path / "demo.sqlite3"
    result = _run(
        frozen_app, "demo", "--database", str(database), "--people", "20", data_dir=data_dir
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert _revision(database) == migrate.HEAD_REVISION


def test_bundle_mirrors_the_resource_resolver_and_carries_the_migrations(frozen_app: Path) -> None:
    internal = frozen_app.parent / "_internal"
    for folder in BUNDLED_FOLDERS:
        source = ROOT / "resources" / folder
        files = [p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        expected = {p.relative_to(source) for p in files}
        frozen = internal / "resources" / folder
        bundled = {p.relative_to(frozen) for p in frozen.rglob("*") if p.is_file()}
        assert bundled == expected, folder
    migrations = internal / "app" / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    revisions = {p.name for p in (ROOT / "app" / "migrations" / "versions").glob("*.py")}
    assert {p.name for p in (migrations / "versions").glob("*.py")} == revisions
    changelog = internal / CHANGELOG_FILE  # what changed, shown once after an upgrade
    assert changelog.read_bytes() == (ROOT / CHANGELOG_FILE).read_bytes()
