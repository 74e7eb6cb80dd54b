"""The purpose bar of Reception: what the next check-in is recorded for.

F2-F10 (or Alt+1-9, or a click) choose the purpose of the next check-in only: after each check-in
the bar returns to the default, so one F6 pressed for one visitor does not record everyone after
as 生活服务. A volunteer serving a queue for one purpose pins it (Shift+F2-F10, or the pin button
at the end of the bar); the pinned purpose is what the bar returns to, until it is unpinned
(Shift and the same key again, or the pin button). The pin button says in words what is pinned,
and the bar's accessible description says the state to a screen reader. F1 is the guide's, as on
every desk.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.models import Purpose
from ui import labels, style
from ui.labels import QT_TRANSLATE_NOOP

DEFAULT_PURPOSE = Purpose.ACTIVITY  # the commonest reason to come to the centre
# F1 opens the guide on every desk: the purposes start at F2.
PURPOSE_KEYS = tuple(f"F{n}" for n in range(2, 11))
CHECK_MARK = "✓ "  # the chosen purpose says so in a sign, not only in colour
# Never more rows than this, even before the bar knows its width: its height is part of the
# window's least height (1366 x 768 fits the bar in two rows at either text size).
MAX_PURPOSE_ROWS = 3


# Short names on the buttons, so that the bar fits in two rows even in the large text size; the
# full name (labels.purpose_name) is in each button's tooltip and accessible name.
SHORT_PURPOSE_NAMES: dict[Purpose, str] = {
    Purpose.PARTY_TRANSFER: QT_TRANSLATE_NOOP("PurposeBar", "Transfer"),
    Purpose.PARTY_DUES: QT_TRANSLATE_NOOP("PurposeBar", "Party dues"),
    Purpose.PARTY_DOUBLE_REPORT: QT_TRANSLATE_NOOP("PurposeBar", "Double report"),
    Purpose.GOVERNMENT: QT_TRANSLATE_NOOP("PurposeBar", "Government"),
    Purpose.LIFE_SERVICE: QT_TRANSLATE_NOOP("PurposeBar", "Life services"),
    Purpose.ACTIVITY: QT_TRANSLATE_NOOP("PurposeBar", "Activity"),
    Purpose.ROOM_USE: QT_TRANSLATE_NOOP("PurposeBar", "Room use"),
    Purpose.REQUEST: QT_TRANSLATE_NOOP("PurposeBar", "Request"),
    Purpose.OTHER: QT_TRANSLATE_NOOP("PurposeBar", "Other"),
}


def short_purpose_name(purpose: Purpose) -> str:
    return QCoreApplication.translate("PurposeBar", SHORT_PURPOSE_NAMES[purpose])


def pin_icon(side: int, colour: QColor) -> QIcon:
    """A push pin drawn at `side` pixels (no icon file: it follows the text size and colour)."""
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(side / 2, side / 2)
    painter.rotate(45)  # leaning, as a pin stuck into a board
    unit = side / 16
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    head = QPainterPath()
    head.addRoundedRect(QRectF(-3.5 * unit, -7 * unit, 7 * unit, 2.5 * unit), unit, unit)
    head.addRect(QRectF(-2 * unit, -4.5 * unit, 4 * unit, 4.5 * unit))
    head.addRoundedRect(QRectF(-4.5 * unit, 0, 9 * unit, 2 * unit), unit, unit)
    painter.drawPath(head)
    pen = painter.pen()
    pen.setStyle(Qt.PenStyle.SolidLine)
    pen.setColor(colour)
    pen.setWidthF(max(1.0, 1.2 * unit))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(0, 2 * unit), QPointF(0, 7.5 * unit))
    painter.end()
    return QIcon(pixmap)


class PurposeBar(QWidget):
    """The purposes as big toggle buttons with their key (F2-F10) and today's count, then the pin
    button, in as few rows as the width allows (each button as wide as its text needs)."""

    changed = Signal(object)  # Purpose: the one the next check-in is recorded for
    pin_changed = Signal(object)  # Purpose pinned, or None when unpinned

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reception.purposes")
        self.setAccessibleName(self.tr("Purpose of the visit"))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[Purpose, QPushButton] = {}
        self._counts: dict[Purpose, int] = {}
        self._pinned: Purpose | None = None
        self._rows: list[list[QPushButton]] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for key, purpose in zip(PURPOSE_KEYS, Purpose, strict=True):
            button = QPushButton(self)
            button.setObjectName(f"reception.purpose.{purpose.value}")
            button.setCheckable(True)
            button.setProperty("purposeKey", key)
            self._prepare(button)
            self.group.addButton(button)
            self.buttons[purpose] = button
            button.toggled.connect(self.on_button_toggled)
        self.pin_button = QPushButton(self)
        self.pin_button.setObjectName("reception.purposePin")
        self.pin_button.setCheckable(True)
        self._prepare(self.pin_button)
        self.pin_button.clicked.connect(self.on_pin_clicked)
        self.buttons[DEFAULT_PURPOSE].setChecked(True)
        self._update_icon()
        self._update_texts()
        self._arrange()

    @staticmethod
    def _prepare(button: QPushButton) -> None:
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # The bar shares out the width; a button is never what makes the window wider.
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        style.make_primary(button)

    # --- the purpose of the next check-in --------------------------------------------------------

    def selected(self) -> Purpose:
        for purpose, button in self.buttons.items():
            if button.isChecked():
                return purpose
        return DEFAULT_PURPOSE

    def select(self, purpose: Purpose) -> None:
        """The next check-in is for `purpose` (F2-F10, a click, or the desk itself)."""
        self.buttons[purpose].setChecked(True)

    def pinned(self) -> Purpose | None:
        return self._pinned

    def pin(self, purpose: Purpose | None) -> None:
        """Keep `purpose` for every check-in from now on (and choose it); None unpins, leaving
        the chosen purpose for the next check-in only."""
        if purpose is not None:
            self.select(purpose)
        if purpose == self._pinned:
            self._update_texts()
            return
        self._pinned = purpose
        self._update_texts()
        self.pin_changed.emit(purpose)

    def toggle_pin(self, purpose: Purpose | None = None) -> None:
        """Shift+F2-F10 with `purpose`, the pin button without: pin it (the chosen purpose), or
        unpin when it is the one pinned."""
        wanted = purpose or self.selected()
        self.pin(None if self._pinned is not None and self._pinned == wanted else wanted)

    def after_check_in(self) -> bool:
        """Back to the pinned purpose, or the default; True when that changed the choice."""
        home = self._pinned or DEFAULT_PURPOSE
        if self.selected() is home:
            return False
        self.select(home)
        return True

    def home(self) -> Purpose:
        """What the bar returns to after a check-in."""
        return self._pinned or DEFAULT_PURPOSE

    def add_shortcuts(self, owner: QWidget) -> None:
        """F2-F10 and Alt+1-9 choose, Shift+F2-F10 pin or unpin, wherever the cursor is inside
        `owner` (the desk). Digits alone never choose: they are phone tails."""
        for number, (key, purpose) in enumerate(zip(PURPOSE_KEYS, Purpose, strict=True), start=1):
            for sequence in (key, f"Alt+{number}"):
                self._shortcut(owner, sequence).activated.connect(lambda p=purpose: self.select(p))
            self._shortcut(owner, f"Shift+{key}").activated.connect(
                lambda p=purpose: self.toggle_pin(p)
            )

    @staticmethod
    def _shortcut(owner: QWidget, sequence: str) -> QShortcut:
        shortcut = QShortcut(QKeySequence(sequence), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return shortcut

    def key_of(self, purpose: Purpose) -> str:
        return str(self.buttons[purpose].property("purposeKey"))

    def state_text(self) -> str:
        """The bar's state in words: what the next check-in is for, and what comes after."""
        chosen = labels.purpose_name(self.selected())
        if self._pinned is None:
            return (
                self.tr("Next check-in: %1. Afterwards: %2 again.")
                .replace("%1", chosen)
                .replace("%2", labels.purpose_name(DEFAULT_PURPOSE))
            )
        pinned = labels.purpose_name(self._pinned)
        if self._pinned is self.selected():
            return self.tr("Pinned: %1, for every check-in until unpinned.").replace("%1", pinned)
        return (
            self.tr("Next check-in: %1. Pinned: %2, for every check-in after it.")
            .replace("%1", chosen)
            .replace("%2", pinned)
        )

    # --- today's counts ------------------------------------------------------------------------

    def set_counts(self, counts: dict[Purpose, int]) -> None:
        self._counts = dict(counts)
        self._update_texts()
        self._arrange()  # a count grew a digit: the buttons may need another row

    def count(self, purpose: Purpose) -> int:
        return self._counts.get(purpose, 0)

    # --- texts and arrangement -----------------------------------------------------------------

    def _pin_texts(self) -> list[str]:
        """Every text the pin button can show (its width is kept for the longest)."""
        return [
            self.tr("Pin"),
            *(self._pinned_text(purpose) for purpose in Purpose),
        ]

    def _pinned_text(self, purpose: Purpose) -> str:
        return self.tr("Pinned: %1").replace("%1", short_purpose_name(purpose))

    def _update_texts(self) -> None:
        for purpose, button in self.buttons.items():
            name = labels.purpose_name(purpose)
            key = self.key_of(purpose)
            count = self._counts.get(purpose, 0)
            mark = CHECK_MARK if button.isChecked() else ""
            button.setText(
                self.tr("%1%2 %3 · %4")
                .replace("%1", mark)
                .replace("%2", key)
                .replace("%3", short_purpose_name(purpose))
                .replace("%4", str(count))
            )
            chosen = self.tr(", chosen") if button.isChecked() else ""
            if purpose is self._pinned:
                chosen += self.tr(", pinned")
            button.setAccessibleName(
                self.tr("%1 (%2), %3 today%4")
                .replace("%1", name)
                .replace("%2", key)
                .replace("%3", str(count))
                .replace("%4", chosen)
            )
            button.setToolTip(
                self.tr("%1: press %2 or Alt+%3 for the next check-in; Shift+%2 pins it")
                .replace("%1", name)
                .replace("%2", key)
                .replace("%3", str(PURPOSE_KEYS.index(key) + 1))
            )
        pin = self.pin_button
        pin.setChecked(self._pinned is not None)
        if self._pinned is None:
            pin.setText(self.tr("Pin"))
            pin.setAccessibleName(self.tr("Pin the chosen purpose for every check-in"))
            pin.setToolTip(
                self.tr(
                    "A purpose chosen with F2-F10 is used for the next check-in only. Pin it "
                    "(here, or Shift+F2-F10) to use it for every check-in until unpinned."
                )
            )
        else:
            key = self.key_of(self._pinned)
            pin.setText(self._pinned_text(self._pinned))
            pin.setAccessibleName(
                self.tr("Pinned: %1. Press to unpin").replace(
                    "%1", labels.purpose_name(self._pinned)
                )
            )
            pin.setToolTip(
                self.tr("Every check-in is recorded for %1. Press here or Shift+%2 to unpin.")
                .replace("%1", labels.purpose_name(self._pinned))
                .replace("%2", key)
            )
        self.setAccessibleDescription(self.state_text())

    def _update_icon(self) -> None:
        side = self.pin_button.fontMetrics().height()
        colour = self.pin_button.palette().color(QPalette.ColorRole.ButtonText)
        self.pin_button.setIcon(pin_icon(side, colour))
        self.pin_button.setIconSize(QSize(side, side))

    def _needs(self, button: QPushButton) -> int:
        """The width the button's text needs, with room for the check mark whoever has it; the
        pin button's for its longest text, so pinning never moves the buttons."""
        metrics = button.fontMetrics()
        text = button.text()
        frame = button.sizeHint().width() - metrics.horizontalAdvance(text)
        if button is self.pin_button:
            return frame + max(metrics.horizontalAdvance(t) for t in self._pin_texts())
        bare = text[len(CHECK_MARK) :] if text.startswith(CHECK_MARK) else text
        return frame + metrics.horizontalAdvance(bare)

    def _arrange(self) -> None:
        """The fewest rows (of even length) in which every button's text fits, at most
        MAX_PURPOSE_ROWS."""
        items = [*self.buttons.values(), self.pin_button]
        spacing = self._layout.spacing()
        mark = max(b.fontMetrics().horizontalAdvance(CHECK_MARK) for b in items)
        width = self.width()
        chosen: list[list[QPushButton]] = []
        for rows in range(1, MAX_PURPOSE_ROWS + 1):
            per_row = math.ceil(len(items) / rows)
            chosen = [items[i : i + per_row] for i in range(0, len(items), per_row)]
            if all(
                sum(self._needs(b) for b in row) + mark + spacing * (len(row) - 1) <= width
                for row in chosen
            ):
                break
        if [list(row) for row in chosen] == self._rows:
            return
        self._rows = chosen
        while self._layout.count():
            item = self._layout.takeAt(0)
            inner = item.layout() if item is not None else None
            if inner is not None:
                while inner.count():
                    inner.takeAt(0)
                inner.deleteLater()
        for row in chosen:
            line = QHBoxLayout()
            for button in row:
                # Each button gets width in proportion to its text.
                line.addWidget(button, max(1, self._needs(button)))
            self._layout.addLayout(line)

    def rows(self) -> int:
        return len(self._rows)

    # --- slots -----------------------------------------------------------------------------------

    def on_button_toggled(self, checked: bool) -> None:
        self._update_texts()
        if checked:
            self.changed.emit(self.selected())

    def on_pin_clicked(self) -> None:
        self.toggle_pin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_icon()
            self._rows = []
            self._arrange()
        elif event.type() == QEvent.Type.PaletteChange:
            self._update_icon()
