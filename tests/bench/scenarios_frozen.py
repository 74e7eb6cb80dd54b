"""Frozen-app benchmark: the PyInstaller bundle's start to main window, against the source tree.

The bundle is built fresh from the working tree (a minute or two): with PyInstaller when this
Python has it, otherwise by `bash installer/build.sh linux` (its own pinned environment).
YOULIN_FROZEN_APP=<path to a bundle's YoulinDesk> measures an existing bundle instead.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.bench.run import ROOT, Bench, Figure

AUTOLOGIN = {"YOULIN_AUTOLOGIN": "admin:demo1234"}


def _frozen_app(bench: Bench) -> Path:
    given = os.environ.get("YOULIN_FROZEN_APP")
    if given:
        return Path(given)
    if importlib.util.find_spec("PyInstaller") is not None:
        work = bench.workdir / "frozen"
        subprocess.run(
            [
                sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                "--workpath", str(work / "build"), "--distpath", str(work / "dist"),
                str(ROOT / "build_installer.spec"),
            ],
            cwd=ROOT, check=True, capture_output=True, timeout=900,
        )  # fmt: skip
        return work / "dist" / "YoulinDesk" / "YoulinDesk"
    subprocess.run(
        ["bash", str(ROOT / "installer" / "build.sh"), "linux"],
        cwd=ROOT, check=True, capture_output=True, timeout=1800,
    )  # fmt: skip
    return ROOT / "dist" / "YoulinDesk-linux" / "YoulinDesk"


def frozen_startup_to_window(bench: Bench) -> Figure:
    """Process start to main window shown and painted (offscreen, 3,000-people demo, logged in by
    the test hook), frozen Linux bundle against `python -m ui.launch --smoke` from the compiled
    source tree, both measured like startup_to_window (to the window's mark, not to the exit)."""
    app = _frozen_app(bench)
    database = bench.demo(3000)
    repeats = 3 if bench.quick else 7
    env = bench.env(**AUTOLOGIN)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "app", "ui"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    frozen = bench.time_to_mark(
        [str(app), "--smoke", "--database", str(database), "-platform", "offscreen"], env, repeats
    )
    source = bench.time_to_mark(
        [sys.executable, "-m", "ui.launch", "--smoke", "--database", str(database)], env, repeats
    )
    return Figure(frozen * 1000, "ms", source * 1000, "<= 1.5 s")


SCENARIOS: dict[str, Callable[[Bench], Figure]] = {
    "frozen_startup_to_window": frozen_startup_to_window,
}
