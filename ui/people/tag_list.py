"""Tick boxes as big as the text, and the person form's list of tags to tick.

The platform style draws 13 px tick boxes, a speck beside 18 pt text in the large text size. A
style sheet (`::indicator { width: … }`) enlarges the box it paints but not the room an item view
leaves for it, so in a list the box covered the first character of every tag (独居老人 read
虫居老人). The style's own indicator size, which both the painting and the layout ask for, is
the one that fits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProxyStyle,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QWidget,
)

# The tick box's side as a share of the text's line height.
INDICATOR_SHARE = 0.8


def indicator_side(metrics: QFontMetrics) -> int:
    return max(16, round(metrics.height() * INDICATOR_SHARE))


class BigIndicatorStyle(QProxyStyle):
    """The application's style with tick boxes as big as the text of the widget they are in."""

    def __init__(self, parent: QObject) -> None:
        # A style of the application's kind, owned by this proxy (never the application's own).
        super().__init__(QApplication.style().name())
        self.setParent(parent)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        /,
    ) -> int:
        if metric in (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight):
            if widget is not None:
                return indicator_side(widget.fontMetrics())
            if option is not None:
                return indicator_side(option.fontMetrics)
        return super().pixelMetric(metric, option, widget)


class TagList(QListWidget):
    """Tags side by side, wrapping, each with a tick box; tall enough for all of them (no inner
    scrolling). Ticked is the only state shown: no row is selected or highlighted, so an empty
    form shows no tag as chosen. Tab comes in, the arrows move, Space ticks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = BigIndicatorStyle(self)
        self.setStyle(self._style)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.installEventFilter(self)

    def set_tags(self, names: Iterable[str], checked: Iterable[str] = ()) -> None:
        """Offer `names` (and any of `checked` not among them), `checked` ticked."""
        ticked = list(checked)
        self.clear()
        for name in dict.fromkeys([*names, *ticked]):
            item = QListWidgetItem(name, self)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)
        self.update_height()

    def names(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

    def checked(self) -> list[str]:
        return [
            self.item(row).text()
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, names: Sequence[str]) -> None:
        wanted = set(names)
        for row in range(self.count()):
            item = self.item(row)
            item.setCheckState(
                Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked
            )

    def update_height(self) -> None:
        """Tall enough for every tag at the current width and text size."""
        # The list's own width (no scroll bars): on a resize the viewport is resized after it.
        width = max(self.contentsRect().width(), self.fontMetrics().averageCharWidth() * 12)
        spacing = self.spacing()
        lines, used, row_height = 1, 0, self.fontMetrics().height()
        for row in range(self.count()):
            hint = self.sizeHintForIndex(self.model().index(row, 0))
            row_height = max(row_height, hint.height())
            needed = hint.width() + 2 * spacing
            if used and used + needed > width:
                lines += 1
                used = 0
            used += needed
        height = lines * (row_height + 2 * spacing) + 2 * self.frameWidth()
        if self.height() != height:
            self.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.update_height()
        return super().eventFilter(watched, event)
