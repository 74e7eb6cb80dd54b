"""search_keystroke_to_results: a key press in Reception's search box to its results model updated.

    python tests/bench/run.py --only search_keystroke_to_results
    python -m tests.bench.scenarios_reception /tmp/p100k.sqlite3   # on an existing demo database

Runs in a subprocess of its own: an offscreen QApplication with the bundled font, the real
ReceptionDesk over a 100,000-people demo database, the demo's desk account acting. Each keystroke
is sent to `reception.search` the way a volunteer makes it: digits and pinyin letters as key
presses (QTest), Chinese characters as input-method commits. The time runs from just before the
event is sent to the results model's reset. Keystrokes that can't search yet (one to three digits
of a phone) are left out of the median, which would otherwise flatter it; they are reported apart.

The floor is the service alone on the same texts: `search.find_people` (the results and the
count of the rest, as the desk asks for them) in an open session, no Qt, no model.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET = "<= 30 ms median"
# What a desk types, one keystroke at a time: ("keys", text) are key presses, ("ime", words)
# are input-method commits of one or more characters each.
TYPINGS: list[tuple[str, str | list[str]]] = [
    ("keys", "5678"),
    ("ime", ["张", "伟"]),
    ("keys", "zw"),
    ("keys", "1234"),
    ("ime", ["李", "秀", "英"]),
    ("keys", "lxm"),
    ("keys", "0417"),
    ("ime", ["王"]),
    ("keys", "wj"),
    ("keys", "8890"),
    ("ime", ["陈", "建"]),
    ("keys", "cjh"),
]


def measure(db_path: Path, rounds: int) -> dict[str, Any]:
    """In this process: the desk on `db_path`, `rounds` times the typings; milliseconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app import paths
    from app.db import Database
    from app.models import Account
    from app.security import Actor
    from app.services import search
    from app.settings import Settings
    from ui import style
    from ui.context import DeskContext
    from ui.fonts import install_application_font
    from ui.reception.desk import ReceptionDesk

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_application_font(app, 12)
    style.apply_text_size(app, "normal")
    database = Database(paths.sqlite_url(db_path))
    with database.read() as session:
        account = session.scalar(select(Account).where(Account.username == "desk"))
        assert account is not None, "the demo database has a desk account"
        actor = Actor.of(account)
    desk = ReceptionDesk(DeskContext(database, actor, Settings()))
    desk.resize(1280, 700)
    desk.show()
    app.processEvents()
    box = desk.search_box
    reset_at: list[float] = []
    desk.results_model.modelReset.connect(lambda: reset_at.append(time.perf_counter()))

    def send(kind: str, piece: str) -> None:
        if kind == "keys":
            QTest.keyClick(box, piece)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(piece)
            QApplication.sendEvent(box, event)

    searching: list[tuple[str, float]] = []  # (text, ms) of keystrokes that ran a search
    idle: list[float] = []  # keystrokes that can't search yet (1-3 digits)
    for round_number in range(rounds + 1):  # the first round warms caches and is not counted
        for kind, typed in TYPINGS:
            box.clear()
            app.processEvents()
            for piece in typed:
                reset_at.clear()
                start = time.perf_counter()
                send(kind, piece)
                while not reset_at:  # the desk searches at once; wait if it ever defers
                    app.processEvents()
                elapsed = (reset_at[0] - start) * 1000
                app.processEvents()  # paint, as the screen would, outside the timing
                if not round_number:
                    continue
                text = box.text()
                if search.search_parameters(text) is None:
                    idle.append(elapsed)
                else:
                    searching.append((text, elapsed))
    desk.close()
    # A parentless widget left to the garbage collector at exit crashes PySide6 6.x
    # ("none_dealloc"): delete it while Qt still runs.
    desk.deleteLater()
    app.processEvents()
    del desk

    floor: list[float] = []
    with database.read() as session:
        for text, _ms in searching[: len(searching) // rounds]:  # warm the service alone
            search.find_people(session, actor, text)
        for text, _ms in searching:
            start = time.perf_counter()
            search.find_people(session, actor, text)
            floor.append((time.perf_counter() - start) * 1000)
    database.dispose()
    ours = [ms for _text, ms in searching]
    return {
        "value": round(statistics.median(ours), 3),
        "unit": "ms",
        "floor": round(statistics.median(floor), 3),
        "ratio": round(statistics.median(ours) / statistics.median(floor), 3),
        "p90": round(statistics.quantiles(ours, n=10)[-1], 3),
        "max": round(max(ours), 3),
        "keystrokes": len(ours),
        "idle_keystrokes_median": round(statistics.median(idle), 3) if idle else None,
        "by_kind": {
            kind: round(statistics.median(values), 3)
            for kind, values in _by_kind(searching).items()
        },
    }


def _by_kind(searching: list[tuple[str, float]]) -> dict[str, list[float]]:
    kinds: dict[str, list[float]] = {"digits": [], "hanzi": [], "pinyin": []}
    for text, ms in searching:
        if text.isdigit():
            kinds["digits"].append(ms)
        elif text.isascii():
            kinds["pinyin"].append(ms)
        else:
            kinds["hanzi"].append(ms)
    return {kind: values for kind, values in kinds.items() if values}


def search_keystroke_to_results(bench: Any) -> Any:
    """The harness's scenario: the measurement runs in a subprocess (one QApplication each)."""
    from tests.bench.run import Figure, measured_apart

    database = bench.demo(100_000)
    rounds = 3 if bench.quick else 10
    figures = measured_apart(
        bench,
        "tests.bench.scenarios_reception",
        [str(database), str(rounds)],
        "search_keystroke_to_results",
    )
    return Figure(figures["value"], "ms", figures["floor"], TARGET)


SCENARIOS = {"search_keystroke_to_results": search_keystroke_to_results}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10)))
