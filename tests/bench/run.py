"""Benchmarks: each scenario prints one line and compares with the bare library doing the same work.

    python tests/bench/run.py [--quick] [--json PATH] [--only NAME ...]

With --json, writes {scenario: {"value": x, "unit": "...", "floor": y, "ratio": x / y}}; the
floor is measured in the same run on the same machine (None where nothing bare compares).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# Set by the benchmark: the program writes time.time() to this file once its main window has
# painted (ui.shell.STARTUP_MARK_ENV), and the bare window below does the same.
STARTUP_MARK_ENV = "YOULIN_STARTUP_MARK"

BARE_WINDOW = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Window(QMainWindow):
    def showEvent(self, event):
        super().showEvent(event)
        QTimer.singleShot(0, self.mark_when_exposed)

    def mark_when_exposed(self):
        handle = self.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(1, self.mark_when_exposed)
            return
        with open(os.environ["YOULIN_STARTUP_MARK"], "w", encoding="ascii") as mark:
            mark.write(f"{time.time():.6f} {time.process_time():.6f}\\n")
        app.quit()


app = QApplication(sys.argv)
window = Window()
window.resize(1366, 768)
window.show()
sys.exit(app.exec())
"""


@dataclass
class Figure:
    value: float
    unit: str
    floor: float | None = None
    target: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.floor else None


class Bench:
    def __init__(self, quick: bool, workdir: Path) -> None:
        self.quick = quick
        self.workdir = workdir
        self._demo_cache: dict[int, Path] = {}

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            YOULIN_DATA_DIR=str(self.workdir / "data"),
        )
        env.pop("YOULIN_DATABASE_URL", None)
        env.update(extra)
        return env

    def demo(self, people: int) -> Path:
        """A demo database of `people`, written once per run."""
        if people not in self._demo_cache:
            path = self.workdir / f"demo-{people}.sqlite3"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "ui.launch",
                    "demo",
                    "--database",
                    str(path),
                    "--people",
                    str(people),
                ],
                env=self.env(),
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            self._demo_cache[people] = path
        return self._demo_cache[people]

    def time_process(self, args: list[str], env: dict[str, str], repeats: int) -> float:
        """Median wall time in seconds of a process run to its exit (after one warm-up)."""
        times = []
        for attempt in range(repeats + 1):
            start = time.perf_counter()
            result = subprocess.run(args, env=env, capture_output=True, cwd=ROOT, check=False)
            elapsed = time.perf_counter() - start
            if result.returncode != 0:
                raise RuntimeError(
                    f"{' '.join(args)} exited {result.returncode}: {result.stderr.decode()[-2000:]}"
                )
            if attempt:
                times.append(elapsed)
        return statistics.median(times)

    def time_to_mark(self, args: list[str], env: dict[str, str], repeats: int) -> float:
        """Median seconds from spawning a process to the moment it marks its window painted
        (the time.time() it writes to $YOULIN_STARTUP_MARK), after one warm-up. The process
        must still exit 0, whatever it does after the mark."""
        mark = self.workdir / "startup-mark"
        times = []
        for attempt in range(repeats + 1):
            mark.unlink(missing_ok=True)
            start = time.time()
            result = subprocess.run(
                args,
                env={**env, STARTUP_MARK_ENV: str(mark)},
                capture_output=True,
                cwd=ROOT,
                check=False,
            )
            if result.returncode != 0:
                raise RuntimeError(
                    f"{' '.join(args)} exited {result.returncode}: {result.stderr.decode()[-2000:]}"
                )
            if not mark.exists():
                raise RuntimeError(f"{' '.join(args)} never marked its window shown")
            shown = float(mark.read_text(encoding="ascii").split()[0])
            if attempt:
                times.append(shown - start)
        return statistics.median(times)


def measured_apart(bench: Bench, module: str, args: list[str], name: str) -> dict[str, Any]:
    """Run a scenario's measurement as `python -m module args` in a process of its own (one
    QApplication each), print its detail line and return the JSON it printed last."""
    result = subprocess.run(
        [sys.executable, "-m", module, *args],
        env=bench.env(),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{name} failed: {result.stderr.decode()[-2000:]}")
    figures: dict[str, Any] = json.loads(result.stdout.decode().strip().splitlines()[-1])
    print(f"  {name} detail: {json.dumps(figures, ensure_ascii=False)}", flush=True)
    return figures


def startup_to_window(bench: Bench) -> Figure:
    """Process start to main window shown and painted (offscreen, 3,000-people demo, logged in
    by the test hook) against a bare PySide6 window shown the same way. Measured to the moment
    the window is up, not to the process's exit: `--smoke` goes on to wait for the database."""
    database = bench.demo(3000)
    repeats = 3 if bench.quick else 7
    # An installed program runs from compiled modules (pip and PyInstaller compile them); a
    # source tree under PYTHONDONTWRITEBYTECODE would recompile on every start instead.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "app", "ui"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    ours = bench.time_to_mark(
        [sys.executable, "-m", "ui.launch", "--smoke", "--database", str(database)],
        bench.env(YOULIN_AUTOLOGIN="admin:demo1234"),
        repeats,
    )
    bare = bench.time_to_mark([sys.executable, "-c", BARE_WINDOW], bench.env(), repeats)
    return Figure(ours * 1000, "ms", bare * 1000, "ratio <= 3")


def demo_100k_people(bench: Bench) -> Figure:
    """`youlin-desk demo --people 100000`, whole command, seconds."""
    path = bench.workdir / "demo-100000.sqlite3"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ui.launch", "demo", "--database", str(path), "--people", "100000"],
        env=bench.env(),
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    bench._demo_cache[100000] = path
    return Figure(time.perf_counter() - start, "s", None, "< 60 s")


SCENARIOS: dict[str, Callable[[Bench], Figure]] = {
    "startup_to_window": startup_to_window,
    "demo_100k_people": demo_100k_people,
}


def _load_extra_scenarios() -> None:
    """Desks add their scenarios in tests/bench/scenarios_*.py as `SCENARIOS` dicts."""
    import importlib

    for path in sorted(Path(__file__).parent.glob("scenarios_*.py")):
        module = importlib.import_module(f"tests.bench.{path.stem}")
        SCENARIOS.update(getattr(module, "SCENARIOS", {}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--only", nargs="*", help="run only these scenarios")
    args = parser.parse_args()
    _load_extra_scenarios()
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="youlin-bench-") as folder:
        bench = Bench(args.quick, Path(folder))
        for name, scenario in SCENARIOS.items():
            if args.only and name not in args.only:
                continue
            figure = scenario(bench)
            ratio = f"ratio {figure.ratio:.2f}" if figure.ratio is not None else "no floor"
            floor = f"floor {figure.floor:.1f} {figure.unit}" if figure.floor else ""
            print(
                f"{name:<32} {figure.value:10.1f} {figure.unit:<3} {floor:>20}  {ratio:<12}"
                f" target {figure.target}",
                flush=True,
            )
            results[name] = {
                "value": round(figure.value, 3),
                "unit": figure.unit,
                "floor": round(figure.floor, 3) if figure.floor else None,
                "ratio": round(figure.ratio, 3) if figure.ratio is not None else None,
            }
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
