"""Text sizes for 60+ eyes (MIIT 适老化 2021) in one table, and applying one to the running app.

Every other size in the interface is derived from the application font's metrics, so changing
the text size here scales buttons, fields, table rows and navigation with it. Pixel figures
appear only where the MIIT rules state them (touch targets of 60 x 60 and 44 x 44 px).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QTableView,
    QWidget,
)

LINE_SPACING = 1.3  # MIIT: line spacing at least 1.3
ERROR_COLOUR = "#b3261e"  # 6.5:1 on white: readable, and every error also says so in words
ACCENT_COLOUR = "#1f5fad"  # 6.4:1 on white
MUTED_COLOUR = "#444444"  # 9.7:1 on white
PRIMARY_PROPERTY = "primary"
_TEXT_SIZE_PROPERTY = "youlinTextSize"


@dataclass(frozen=True)
class TextSize:
    point_size: float  # main text
    primary_button_px: int  # the least width and height of a desk's primary buttons
    button_px: int  # the least height of every other button


TEXT_SIZE_TABLE: dict[str, TextSize] = {
    "normal": TextSize(point_size=12, primary_button_px=44, button_px=32),
    # 长辈模式: main text at least 18 pt, primary buttons 60 x 60 px, others 44 x 44 px.
    "large": TextSize(point_size=18, primary_button_px=60, button_px=44),
}


def text_size(name: str) -> TextSize:
    return TEXT_SIZE_TABLE.get(name, TEXT_SIZE_TABLE["normal"])


def current_text_size(app: QApplication | None = None) -> str:
    instance = app or QApplication.instance()
    value = instance.property(_TEXT_SIZE_PROPERTY) if instance is not None else None
    return value if isinstance(value, str) and value in TEXT_SIZE_TABLE else "normal"


def line_height(font: QFont) -> int:
    """Height of one line of `font` at 1.3 line spacing."""
    return round(QFontMetrics(font).height() * LINE_SPACING)


def primary_button_px(font: QFont | None = None, size: str | None = None) -> int:
    spec = text_size(size or current_text_size())
    metrics = QFontMetrics(font or QApplication.font())
    return max(spec.primary_button_px, round(metrics.height() * 2.2))


def button_px(font: QFont | None = None, size: str | None = None) -> int:
    spec = text_size(size or current_text_size())
    metrics = QFontMetrics(font or QApplication.font())
    return max(spec.button_px, round(metrics.height() * 1.7))


def field_px(font: QFont | None = None, size: str | None = None) -> int:
    """The least height of a text field or drop-down."""
    metrics = QFontMetrics(font or QApplication.font())
    return max(button_px(font, size), round(metrics.height() * 1.8))


class DeskStyle(QProxyStyle):
    """The platform style with the text size's touch targets: buttons, primary buttons, fields.

    A proxy style rather than an application style sheet: a style sheet repolishes every widget
    and measurably slows start-up and every change of text size.
    """

    def __init__(self, base: str, size: str) -> None:
        super().__init__(base)
        self.size_name = size

    def sizeFromContents(
        self,
        kind: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
        /,
    ) -> QSize:
        # PySide6's stub of QProxyStyle.sizeFromContents omits the None that Qt passes.
        result = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        font = widget.font() if widget is not None else QApplication.font()
        if kind == QStyle.ContentsType.CT_PushButton:
            if widget is not None and widget.property(PRIMARY_PROPERTY) is True:
                least = primary_button_px(font, self.size_name)
                pad = QFontMetrics(font).horizontalAdvance("0") * 2
                result = QSize(result.width() + pad, result.height())
            else:
                least = button_px(font, self.size_name)
            return result.expandedTo(QSize(least, least))
        if kind == QStyle.ContentsType.CT_ToolButton:
            least = button_px(font, self.size_name)
            return result.expandedTo(QSize(least, least))
        if kind in (
            QStyle.ContentsType.CT_LineEdit,
            QStyle.ContentsType.CT_ComboBox,
            QStyle.ContentsType.CT_SpinBox,
        ):
            return result.expandedTo(QSize(0, field_px(font, self.size_name)))
        return result


def apply_text_size(app: QApplication, size: str) -> None:
    """Make `size` the running interface's text size: application font and touch targets."""
    name = size if size in TEXT_SIZE_TABLE else "normal"
    app.setProperty(_TEXT_SIZE_PROPERTY, name)
    current = app.style()
    if isinstance(current, DeskStyle):
        current.size_name = name
    else:
        app.setStyle(DeskStyle(current.name(), name))
    font = QFont(app.font())
    font.setPointSizeF(text_size(name).point_size)
    app.setFont(font)  # every widget's size hint follows (and asks DeskStyle again)


def make_primary(button: QAbstractButton) -> QAbstractButton:
    """Mark a desk's primary button (bigger, bold) — the MIIT 60 x 60 px in large mode."""
    button.setProperty(PRIMARY_PROPERTY, True)
    bold = QFont()  # only the weight is set: size and family still follow the application
    bold.setBold(True)
    button.setFont(bold)
    return button


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's inherited font scaled by `factor` (figures and headings)."""
    parent = widget.parentWidget()
    base = parent.font() if parent is not None else QApplication.font()
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    return font


RESIZE_PRECISION_ROWS = 100


def configure_table(view: QTableView) -> None:
    """Rows tall enough for 1.3 line spacing plus a margin; read-only, whole-row selection."""
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    # A column sized to its contents measures this many rows, not 1,000: a 10,000-row report
    # would otherwise keep the GUI thread busy for half a second each time it is shown.
    view.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION_ROWS)
    update_table_metrics(view)


def fit_columns(view: QTableView, *, stretch: int) -> None:
    """Every column as wide as its contents but `stretch`, which takes the room that is left (a
    long text is elided there and shown whole in its tooltip): no table scrolls sideways."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(view.model().columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)


def update_table_metrics(view: QTableView) -> None:
    """Call again after a font change: row height follows the font."""
    row = round(QFontMetrics(view.font()).height() * (LINE_SPACING + 0.3))
    view.verticalHeader().setMinimumSectionSize(row)
    view.verticalHeader().setDefaultSectionSize(row)


def paragraph_html(text: str, *, colour: str | None = None) -> str:
    """Plain text as a rich-text paragraph at 1.3 line spacing (wrapped labels)."""
    style = "line-height:130%;"
    if colour:
        style += f"color:{colour};"
    body = escape(text).replace("\n", "<br>")
    return f'<p style="{style} margin:0">{body}</p>'


def grow_to_fit(window: QWidget) -> None:
    """Make a dialog tall enough again after messages appeared in it (wrapped text needs more
    height than Qt gives a window that is already shown)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = max(window.width(), layout.totalMinimumSize().width())
    if layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = layout.totalSizeHint().height()
    if width > window.width() or height > window.height():
        window.resize(width, max(height, window.height()))


def dialog_width(dialog: QWidget, characters: int) -> int:
    """A dialog's least width: `characters` hanzi of its font, but never wider than 90 % of its
    screen (1366 px desks in the large text size)."""
    wanted = dialog.fontMetrics().height() * characters
    screen = dialog.screen()
    if screen is None:
        return wanted
    return min(wanted, screen.availableGeometry().width() * 9 // 10)
