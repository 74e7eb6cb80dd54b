"""`app` is the Qt-free centre: importing every module of it loads no PySide6, it never imports
`ui` or Qt (import-linter's contract in pyproject.toml, as CI runs it: `lint-imports --no-cache`),
and an administrator's sub-command run through the entry point never loads Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

PROBE = """
import importlib, pkgutil, sys
import app
for module in pkgutil.walk_packages(app.__path__, "app."):
    if ".migrations.versions" in module.name or module.name == "app.migrations.env":
        continue
    importlib.import_module(module.name)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
print(len(list(pkgutil.walk_packages(app.__path__, "app."))))
sys.exit(1 if loaded else 0)
"""


def test_app_imports_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.split()[-1]) > 10  # the walk really imported the modules


SUB_COMMAND = """
import sys
from ui import launch
code = launch.main(sys.argv[1:])
qt = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
print("Qt modules:", qt)
sys.exit(code if not qt else 99)
"""


@pytest.mark.parametrize("command", ["migrate", "demo"])
def test_a_sub_command_through_the_entry_point_loads_no_qt(
    command: str, tmp_path: Path, data_dir: Path
) -> None:
    env = dict(os.environ, YOULIN_DATA_DIR=str(data_dir))
    database = str(tmp_path / "desk.sqlite3")
    extra = ["--people", "5"] if command == "demo" else []
    result = subprocess.run(
        [sys.executable, "-c", SUB_COMMAND, command, "--database", database, *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Qt modules: []" in result.stdout
    assert Path(database).is_file()


def _lint_imports(config: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(cwd))
    return subprocess.run(
        [str(LINT_IMPORTS), str(config), "--no-cache", "--no-logo"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_layer_contract_is_kept() -> None:
    result = _lint_imports(ROOT / "pyproject.toml", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "line", ["from ui import launch", "from PySide6.QtCore import QTimer", "import shiboken6"]
)
def test_the_layer_contract_catches_app_importing_ui_or_qt(tmp_path: Path, line: str) -> None:
    """The same contract over a small tree that breaks it, even with an import inside a function."""
    for package in ("app", "ui"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "ui" / "launch.py").write_text("import app.centre\n")
    (tmp_path / "app" / "centre.py").write_text(f"def later() -> None:\n    {line}\n")
    result = _lint_imports(ROOT / "pyproject.toml", tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout
    assert "app.centre" in result.stdout
