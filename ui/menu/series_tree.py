"""The five series with their items (全部 at the top): what the Service menu desk's sessions are
filtered by."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from app.services.menu.reads import SeriesEntry

_FILTER_ROLE = Qt.ItemDataRole.UserRole

# What the sessions are filtered by: ("series", id), ("item", id), or None for 全部.
Filter = tuple[str, int] | None


class SeriesTree(QTreeWidget):
    """全部, then each series with its items; choosing one says `chosen_changed`."""

    chosen_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.series")
        self.setAccessibleName(self.tr("Series and activities"))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self._menu: list[SeriesEntry] | None = None
        self.currentItemChanged.connect(self.on_current_item_changed)

    def chosen(self) -> Filter:
        item = self.currentItem()
        return item.data(0, _FILTER_ROLE) if item is not None else None

    def choose(self, chosen: Filter, *, quiet: bool = False) -> bool:
        """Choose 全部, a series or an item; False when it isn't in the tree. `quiet`: without
        saying `chosen_changed`."""
        item = self.item_for(chosen)
        if item is None:
            return False
        self.blockSignals(quiet)
        self.setCurrentItem(item)
        self.blockSignals(False)
        return True

    def set_menu(self, menu: list[SeriesEntry]) -> None:
        """The series and items as on file; the choice stays (全部 when it is gone), quietly."""
        if self._menu == menu:
            return
        self._menu = menu
        keep = self.chosen()
        self.blockSignals(True)
        self.clear()
        everything = QTreeWidgetItem([self.tr("All series")])
        everything.setData(0, _FILTER_ROLE, None)
        self.addTopLevelItem(everything)
        for series in menu:
            top = QTreeWidgetItem([series.name])
            top.setData(0, _FILTER_ROLE, ("series", series.id))
            top.setToolTip(0, series.description or series.name)
            for entry in series.items:
                child = QTreeWidgetItem([entry.name])
                child.setData(0, _FILTER_ROLE, ("item", entry.id))
                child.setToolTip(0, " · ".join(p for p in (entry.name, entry.rule) if p))
                top.addChild(child)
            self.addTopLevelItem(top)
        self.expandAll()
        self.setCurrentItem(self.item_for(keep) or everything)
        self.blockSignals(False)

    def items(self) -> Iterator[QTreeWidgetItem]:
        for row in range(self.topLevelItemCount()):
            top = self.topLevelItem(row)
            if top is None:
                continue
            yield top
            for number in range(top.childCount()):
                child = top.child(number)
                if child is not None:
                    yield child

    def item_for(self, chosen: Filter) -> QTreeWidgetItem | None:
        return next((item for item in self.items() if item.data(0, _FILTER_ROLE) == chosen), None)

    def fitting_width(self) -> int:
        """Wide enough for the longest name, its indentation, the branch marks and a scroll
        bar."""
        metrics = self.fontMetrics()
        indent = self.indentation()
        widest = max(
            (
                metrics.horizontalAdvance(item.text(0)) + (indent if item.parent() else 0)
                for item in self.items()
            ),
            default=0,
        )
        return widest + indent + metrics.height() * 2

    def on_current_item_changed(self, _current: Any, _previous: Any) -> None:
        self.chosen_changed.emit()
