"""How a booking looks on the calendar: a palette per booking kind, pending and cancelled
bookings marked by pattern and words as well as colour (colour is never the only signal).

Every text colour here has a contrast of at least 4.5:1 against every background it is drawn
on, hatching included (`contrast` measures it; the tests check the whole table).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.choices import BookingKind, BookingStatus
from app.services.rooms.views import BookingBlock
from ui import labels

CONTEXT = "RoomsCalendar"

TEXT = "#1a1a1a"  # on every block background: at least 12:1
MUTED_TEXT = "#444444"  # 9.7:1 on white, 7.9:1 on the closed grey
CLOSED_FILL = "#e4e4e4"  # closed days and hours
GRID_HOUR = "#b8b8b8"
GRID_HALF = "#e2e2e2"
DAY_SEPARATOR = "#5f5f5f"
HEADER_FILL = "#f4f6f9"
CURSOR = "#1f5fad"  # 6.4:1 on white
SELECTION_FILL = "#cfe2fb"
NOW_LINE = "#c62828"  # white text on it 5.6:1
REFUSED = "#b3261e"
REFUSED_FILL = "#fbdada"
ACCEPTED = "#2e7d32"
ACCEPTED_FILL = "#d9efda"


@dataclass(frozen=True)
class KindColours:
    fill: str  # the block's background, light enough for TEXT
    accent: str  # its border, and the hatching of a pending block


KIND_COLOURS: dict[BookingKind, KindColours] = {
    BookingKind.ACTIVITY: KindColours("#d6e6fa", "#1f5fad"),
    BookingKind.STAFF: KindColours("#d9eedb", "#2e7d32"),
    BookingKind.ORGANISATION: KindColours("#fde2c4", "#a14a00"),
    BookingKind.RESIDENT: KindColours("#eadff6", "#6a3d9a"),
    BookingKind.COUNCIL: KindColours("#fad6d6", "#b3261e"),
}

SERIES_MARK = "↻"  # in the bundled font
DETACHED_MARK = "↻*"


def translate(context: str, source: str, disambiguation: str | None = None) -> str:
    """Qt's translation (named as pyside6-lupdate looks for it: literal context and text)."""
    return QCoreApplication.translate(context, source, disambiguation)


def tr(source: str) -> str:
    """A source string marked elsewhere with QT_TRANSLATE_NOOP("RoomsCalendar", …)."""
    return QCoreApplication.translate(CONTEXT, source)


@dataclass(frozen=True)
class BlockStyle:
    """How one booking is painted. `badge` is the word painted on the block besides the colour
    (待审批 for a pending booking, 已取消 for a cancelled one, "" otherwise)."""

    fill: QColor
    border: QColor
    text: QColor
    hatch: QColor | None  # diagonal hatching over the fill (pending bookings)
    dashed: bool  # a dashed border (pending) or dotted (cancelled), solid otherwise
    border_width: int
    badge: str
    mark: str  # ↻ for a series occurrence, ↻* for one changed on its own, "" otherwise
    stripe: QColor | None  # the room's own colour, a thin stripe on the left

    @property
    def hatched(self) -> bool:
        return self.hatch is not None


def block_style(block: BookingBlock, room_colour: str = "") -> BlockStyle:
    colours = KIND_COLOURS.get(block.kind, KIND_COLOURS[BookingKind.STAFF])
    stripe = QColor(room_colour) if room_colour else None
    mark = (DETACHED_MARK if block.detached else SERIES_MARK) if block.series_id else ""
    if block.status == BookingStatus.PENDING:
        return BlockStyle(
            fill=QColor("#ffffff"),
            border=QColor(colours.accent),
            text=QColor(TEXT),
            hatch=QColor(colours.fill).darker(108),
            dashed=True,
            border_width=2,
            badge=labels.booking_status_name(block.status),
            mark=mark,
            stripe=stripe,
        )
    if block.status in (BookingStatus.CANCELLED, BookingStatus.REJECTED):
        return BlockStyle(
            fill=QColor("#f3f3f3"),
            border=QColor("#767676"),
            text=QColor(MUTED_TEXT),
            hatch=None,
            dashed=True,
            border_width=1,
            badge=labels.booking_status_name(block.status),
            mark=mark,
            stripe=stripe,
        )
    return BlockStyle(
        fill=QColor(colours.fill),
        border=QColor(colours.accent),
        text=QColor(TEXT),
        hatch=None,
        dashed=False,
        border_width=1,
        badge="",
        mark=mark,
        stripe=stripe,
    )


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
