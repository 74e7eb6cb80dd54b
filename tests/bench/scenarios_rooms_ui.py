"""week_view_paint: the Rooms calendar's all-rooms week view with 500 bookings in view, painted
offscreen into an image (`QWidget.render`), as the screen would on every scroll or change.

    python tests/bench/run.py --only week_view_paint
    python -m tests.bench.scenarios_rooms_ui 25      # the measurement alone, JSON on stdout

Runs in a subprocess of its own: an offscreen QApplication with the bundled font, the Chinese
catalogue and the normal text size; 7 rooms (the demo's) over 7 days at 1366 x 768, 500 bookings
(every fifth pending, every third part of a series). The figure is the median of the paints
after one warm-up; the layout (`set_week`: columns, rectangles, text fitted) is timed apart.

The floor is bare QPainter doing the same amount of drawing into the same image: per booking a
filled rectangle, its border and two short texts, with nothing computed.
"""

from __future__ import annotations

import datetime as dt
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

TARGET = "<= 50 ms median"
BOOKINGS = 500
ROOM_NAMES = (
    ("多功能厅", 80),
    ("党群议事厅", 30),
    ("书画室", 20),
    ("舞蹈房", 25),
    ("康养活动室", 20),
    ("亲子阅读室", 15),
    ("会议室", 12),
)
TITLES = ("长者健身操", "书法班", "睦邻议事会", "中医义诊", "亲子绘本阅读", "党建工作例会")


def week(first: dt.date) -> tuple[list[Any], list[Any], dict[Any, Any]]:
    """Rooms, 500 bookings and the hours of the week from `first`."""
    from app.choices import BookingKind, BookingStatus
    from app.services.rooms.views import BookingBlock, RoomColumn

    colours = ("#1f77b4", "#d62728", "", "#2ca02c", "", "#9467bd", "")
    rooms = [
        RoomColumn(n + 1, name, seats, colours[n], "", True)
        for n, (name, seats) in enumerate(ROOM_NAMES)
    ]
    columns = [(day, room) for day in range(7) for room in rooms]
    blocks = []
    for number in range(BOOKINGS):
        offset, room = columns[number % len(columns)]
        slot = number // len(columns)  # 0..10: 08:00, 09:10, … 19:40, an hour each
        start = dt.datetime.combine(first + dt.timedelta(days=offset), dt.time(8)) + dt.timedelta(
            minutes=70 * slot
        )
        blocks.append(
            BookingBlock(
                number + 1,
                room.id,
                room.name,
                start,
                start + dt.timedelta(hours=1),
                TITLES[number % len(TITLES)],
                list(BookingKind)[number % len(BookingKind)],
                BookingStatus.PENDING if number % 5 == 0 else BookingStatus.CONFIRMED,
                "张伟",
                "138****5678",
                20,
                7 if number % 3 == 0 else None,
                False,
            )
        )
    hours = {
        (room.id, first + dt.timedelta(days=day)): (dt.time(8), dt.time(21))
        for room in rooms
        for day in range(7)
    }
    return rooms, blocks, hours


def measure(rounds: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication

    from app import clock, i18n
    from ui import style
    from ui.fonts import install_application_font
    from ui.i18n import install_translators
    from ui.rooms.calendar import RoomsCalendar

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_application_font(app, 12)
    i18n.set_language("zh_CN")
    translators = install_translators(app, "zh_CN")
    style.apply_text_size(app, "normal")
    first = dt.date(2026, 11, 23)
    clock.use(clock.FixedClock(dt.datetime(2026, 11, 25, 9, 30)))
    rooms, blocks, hours = week(first)

    widget = RoomsCalendar()
    widget.resize(1366, 768)
    widget.show()
    app.processEvents()
    layouts = []
    for _ in range(5):
        start = time.perf_counter()
        widget.set_week(first, rooms, blocks, hours, {})
        layouts.append((time.perf_counter() - start) * 1000)
    app.processEvents()
    visible = len(widget.visible_booking_ids())
    if visible < BOOKINGS:
        raise RuntimeError(f"only {visible} of {BOOKINGS} bookings in view")
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    paints = []
    for attempt in range(rounds + 1):
        start = time.perf_counter()
        widget.render(image)
        elapsed = (time.perf_counter() - start) * 1000
        if attempt:
            paints.append(elapsed)
    image.save(str(Path(os.environ.get("TMPDIR", "/tmp")) / "week_view_paint.png"))

    # The floor: the same drawing with nothing computed.
    rects = []
    for block in blocks:
        shown = widget.block_rect(block.id)
        assert shown is not None
        rects.append(QRectF(shown))
    fill, border = QColor("#d6e6fa"), QPen(QColor("#1f5fad"), 1)
    font = widget.font()
    floor = []
    for attempt in range(rounds + 1):
        start = time.perf_counter()
        painter = QPainter(image)
        painter.fillRect(image.rect(), QColor("#ffffff"))
        painter.setFont(font)
        for rect in rects:
            painter.fillRect(rect, fill)
            painter.setPen(border)
            painter.drawRect(rect)
            painter.drawText(QPointF(rect.x() + 4, rect.y() + 16), "书")
            painter.drawText(QPointF(rect.x() + 4, rect.y() + 34), "法")
        painter.end()
        elapsed = (time.perf_counter() - start) * 1000
        if attempt:
            floor.append(elapsed)
    widget.close()
    widget.deleteLater()
    app.processEvents()
    for translator in translators:
        app.removeTranslator(translator)
    ours = statistics.median(paints)
    bare = statistics.median(floor)
    return {
        "value": round(ours, 3),
        "unit": "ms",
        "floor": round(bare, 3),
        "ratio": round(ours / bare, 3),
        "paints": len(paints),
        "p90": round(statistics.quantiles(paints, n=10)[-1], 3),
        "max": round(max(paints), 3),
        "visible_bookings": visible,
        "layout_median_ms": round(statistics.median(layouts), 3),
    }


def week_view_paint(bench: Any) -> Any:
    """The harness's scenario: the measurement runs in a subprocess (one QApplication each)."""
    from tests.bench.run import Figure, measured_apart

    rounds = 20 if bench.quick else 40
    figures = measured_apart(
        bench, "tests.bench.scenarios_rooms_ui", [str(rounds)], "week_view_paint"
    )
    return Figure(figures["value"], "ms", figures["floor"], TARGET)


SCENARIOS = {"week_view_paint": week_view_paint}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 25)))
