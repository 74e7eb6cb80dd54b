"""`app` is the Qt-free centre: importing every module of it loads no PySide6."""

from __future__ import annotations

import subprocess
import sys

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
