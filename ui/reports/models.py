"""The statistics page's Qt models: figures by community and building group (a tree: the centre's
total, each community with its building groups), the 民生直通车 requests, and the residents'
satisfaction.

Each model gives the text a person reads (`DisplayRole`: rates as percentages, a figure that
can't be counted as "—"), the number behind it for sorting (`SORT_ROLE`) and for a workbook
(`EXPORT_ROLE`), right-aligned numbers, and a total line kept first however the table is sorted.

Column titles are long for narrow columns of figures (每千人服务人数), so a title's source text
may mark with "|" where it breaks on screen: `headerData` gives it on one line (exports, screen
readers, tests), `SCREEN_HEADER_ROLE` on two, shown by a view through `ScreenHeaders`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from app.choices import Satisfaction
from app.services.statistics.rows import (
    AreaFigures,
    AreaLevel,
    RequestFigures,
    SatisfactionBy,
    SatisfactionLine,
)
from ui.labels import QT_TRANSLATE_NOOP
from ui.people.models import format_hours
from ui.table_model import EXPORT_ROLE, Index, LinesModel

if TYPE_CHECKING:
    from app.services.tables import RowReader  # SQLAlchemy: not needed to draw the tables

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SCREEN_HEADER_ROLE = int(Qt.ItemDataRole.UserRole) + 2
TOTAL_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # True on a table's total line
NONE_TEXT = "—"  # a figure that can't be counted: no residents set, no attendance taken
BREAK = "|"  # where a column title breaks on screen
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NONE_SORTS = -1.0  # below every real figure


def format_count(value: int | None) -> str:
    return NONE_TEXT if value is None else f"{value:,}"


def format_rate(rate: float | None) -> str:
    """0.875 → 87.5%."""
    return NONE_TEXT if rate is None else f"{rate * 100:.1f}%"


def format_decimal(value: float | None, places: int = 1) -> str:
    return NONE_TEXT if value is None else f"{value:,.{places}f}"


def format_area_hours(hours: Decimal) -> str:
    """512.5 / 200 / 95.3 (to a tenth of an hour, halves up)."""
    return format_hours(hours.quantize(Decimal("0.1"), ROUND_HALF_UP)) if hours else "0"


def one_line(title: str) -> str:
    """ "志愿服务|时长" → 志愿服务时长, "Volunteer|hours" → Volunteer hours."""
    parts = title.split(BREAK)
    text = parts[0]
    for part in parts[1:]:
        latin = text[-1:].isascii() and part[:1].isascii()
        text += (" " if latin and not text[-1:].isspace() else "") + part
    return text


def two_lines(title: str) -> str:
    return title.replace(BREAK, "\n")


def _number(value: float | int | Decimal | None) -> float:
    return _NONE_SORTS if value is None else float(value)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _header(
    title: str,
    role: int,
    *,
    tip: str | None = None,
    right: bool = True,
    export_format: str | None = None,
) -> Any:
    """What a column's title answers for `role`: its text (one line or two), its tooltip, its
    alignment (figures to the right), its number format in a workbook."""
    if role == Qt.ItemDataRole.DisplayRole:
        return one_line(QCoreApplication.translate("ReportModels", title))
    if role == SCREEN_HEADER_ROLE:
        return two_lines(QCoreApplication.translate("ReportModels", title))
    if role == Qt.ItemDataRole.ToolTipRole and tip:
        return QCoreApplication.translate("ReportModels", tip)
    if role == Qt.ItemDataRole.TextAlignmentRole and right:
        return _RIGHT
    if role == EXPORT_ROLE:
        return export_format
    return None


class ScreenHeaders(QIdentityProxyModel):
    """A view's model: column titles on two lines where their text says (`BREAK`)."""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            source = self.sourceModel()
            screen = source.headerData(section, orientation, SCREEN_HEADER_ROLE) if source else None
            if screen:
                return screen
        return super().headerData(section, orientation, role)


class TotalFirstSort(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE`; the line whose `TOTAL_ROLE` is True stays first whichever way the
    sort goes (in a tree: among its siblings)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        if left.data(TOTAL_ROLE):
            return ascending
        if right.data(TOTAL_ROLE):
            return not ascending
        return bool(super().lessThan(left, right))


# --- by community and building group -------------------------------------------------------


@dataclass
class _Node:
    figures: AreaFigures
    row: int  # among its parent's children
    children: list[_Node] = field(default_factory=list)


def _same_area(one: AreaFigures, other: AreaFigures) -> bool:
    return (one.level, one.community_id, one.building_group_id) == (
        other.level,
        other.community_id,
        other.building_group_id,
    )


class AreaTreeModel(QAbstractItemModel):
    """The centre's total first, then each community with its building groups as children, then
    the line of what has no community (未填写), in the order `statistics.areas` gives them."""

    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ReportModels", "Community /|building group"),
        QT_TRANSLATE_NOOP("ReportModels", "Visits|counted"),
        QT_TRANSLATE_NOOP("ReportModels", "People|served"),
        QT_TRANSLATE_NOOP("ReportModels", "Signups|counted"),
        QT_TRANSLATE_NOOP("ReportModels", "Attendance|rate"),
        QT_TRANSLATE_NOOP("ReportModels", "No-show|rate"),
        QT_TRANSLATE_NOOP("ReportModels", "Volunteer|hours"),
        QT_TRANSLATE_NOOP("ReportModels", "Resident|population"),
        QT_TRANSLATE_NOOP("ReportModels", "Served|per 1,000"),
    )
    TIPS: ClassVar[dict[int, str]] = {
        1: QT_TRANSLATE_NOOP("ReportModels", "Check-ins at reception in the period."),
        2: QT_TRANSLATE_NOOP(
            "ReportModels",
            "Different people who came to a visit or were present at a session in the period, "
            "each counted once. Visits older than the retention period no longer name the "
            "person: they are not counted here.",
        ),
        3: QT_TRANSLATE_NOOP("ReportModels", "Seats signed up for sessions held in the period."),
        4: QT_TRANSLATE_NOOP(
            "ReportModels",
            "Present (walk-ins included), out of those present or marked as not come.",
        ),
        5: QT_TRANSLATE_NOOP(
            "ReportModels", "Marked as not come, out of those present or marked as not come."
        ),
        7: QT_TRANSLATE_NOOP("ReportModels", "The community's residents, as set in Settings."),
        8: QT_TRANSLATE_NOOP(
            "ReportModels", "People served for every 1,000 residents of the community."
        ),
    }
    NAME, VISITS, PEOPLE, SIGNUPS, ATTENDANCE, NO_SHOWS, HOURS, RESIDENTS, PER_1000 = range(9)
    # Excel number formats of the exported columns.
    EXPORT_FORMATS: ClassVar[dict[int, str]] = {
        ATTENDANCE: "0.0%",
        NO_SHOWS: "0.0%",
        PER_1000: "0.0",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._top: list[_Node] = []

    # --- filling ---------------------------------------------------------------------------

    def set_lines(self, lines: Sequence[AreaFigures]) -> None:
        """Lines as `statistics.areas` gives them; a building group goes under the community
        line with its community_id (one with no such line is shown at the top level)."""
        self.beginResetModel()
        self._top = []
        communities: dict[int | None, _Node] = {}
        for line in lines:
            owner = (
                communities.get(line.community_id)
                if line.level == AreaLevel.BUILDING_GROUP
                else None
            )
            if owner is not None:
                owner.children.append(_Node(line, len(owner.children)))
                continue
            node = _Node(line, len(self._top))
            self._top.append(node)
            if line.level == AreaLevel.COMMUNITY and line.community_id is not None:
                communities[line.community_id] = node
        self.endResetModel()

    def lines(self) -> list[AreaFigures]:
        """Every line in order, each community followed by its building groups."""
        result = []
        for node in self._top:
            result.append(node.figures)
            result.extend(child.figures for child in node.children)
        return result

    def figures(self, index: Index) -> AreaFigures | None:
        node = self._node(index)
        return None if node is None else node.figures

    def find_line(self, like: AreaFigures) -> QModelIndex:
        """The line of the same area as `like` (from an earlier count), or an invalid index."""
        for row, node in enumerate(self._top):
            if _same_area(node.figures, like):
                return self.index(row, 0)
            for child in node.children:
                if _same_area(child.figures, like):
                    return self.index(child.row, 0, self.index(row, 0))
        return QModelIndex()

    # --- QAbstractItemModel ----------------------------------------------------------------

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        owner = index.internalId()
        if owner == 0:
            return self._top[index.row()]
        return self._top[owner - 1].children[index.row()]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        # A child's internal id is its community's row + 1 (0 marks the top level).
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._top[parent.row()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        return _header(
            self.HEADERS[section],
            role,
            tip=self.TIPS.get(section),
            right=section != self.NAME,
            export_format=self.EXPORT_FORMATS.get(section),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        line = node.figures
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == SORT_ROLE:
            return node.row if column == self.NAME else _number(self._value(line, column))
        if role == EXPORT_ROLE:
            return self._export_value(line, column)
        if role == TOTAL_ROLE:
            return line.level == AreaLevel.CENTRE
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and line.level == AreaLevel.CENTRE:
            return _bold()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            header = self.headerData(column, Qt.Orientation.Horizontal)
            return f"{line.name} {header}: {self._text(line, column)}"
        return None

    def _text(self, line: AreaFigures, column: int) -> str:
        if column == self.NAME:
            return line.name
        if column in (self.ATTENDANCE, self.NO_SHOWS):
            return format_rate(
                line.attendance_rate if column == self.ATTENDANCE else line.no_show_rate
            )
        if column == self.HOURS:
            return format_area_hours(line.volunteer_hours)
        if column == self.PER_1000:
            return format_decimal(line.served_per_1000)
        value = self._value(line, column)
        return format_count(None if value is None else int(value))

    def _export_value(self, line: AreaFigures, column: int) -> object:
        """The cell in a workbook: a number (a rate as a fraction shown as 87.5%), "—" for a
        figure that can't be counted."""
        if column == self.NAME:
            return line.name
        value = self._value(line, column)
        if value is None:
            return NONE_TEXT
        if column == self.PER_1000:
            return round(float(value), 1)
        return value

    def _value(self, line: AreaFigures, column: int) -> float | int | Decimal | None:
        values: dict[int, float | int | Decimal | None] = {
            self.VISITS: line.visits,
            self.PEOPLE: line.people_served,
            self.SIGNUPS: line.signups,
            self.ATTENDANCE: line.attendance_rate,
            self.NO_SHOWS: line.no_show_rate,
            self.HOURS: line.volunteer_hours,
            self.RESIDENTS: line.residents,
            self.PER_1000: line.served_per_1000,
        }
        return values.get(column)

    def header_texts(self) -> list[str]:
        return [
            str(self.headerData(c, Qt.Orientation.Horizontal)) for c in range(len(self.HEADERS))
        ]

    def row_texts(self, row: int, parent: Index = QModelIndex()) -> list[str]:  # noqa: B008
        """What a person reads on a line (tests, support calls)."""
        return [str(self.data(self.index(row, c, parent))) for c in range(len(self.HEADERS))]


class AreaSortModel(TotalFirstSort):
    """Communities sorted among themselves and building groups within their community by the
    chosen column, the centre's total first; exported with every building group."""

    def export_rows(self) -> list[list[object]]:
        """Every line as the view orders it, each community followed by all its building groups
        (shown or folded away), a group named with its community: 友邻新村·1号楼组."""
        rows: list[list[object]] = []
        columns = range(self.columnCount())
        for row in range(self.rowCount()):
            community = self.index(row, 0)
            rows.append([self.index(row, c).data(EXPORT_ROLE) for c in columns])
            for child in range(self.rowCount(community)):
                values = [self.index(child, c, community).data(EXPORT_ROLE) for c in columns]
                values[0] = f"{community.data(EXPORT_ROLE)}·{values[0]}"
                rows.append(values)
        return rows

    def export_reader(self) -> tuple[RowReader, int]:
        """For `ui.table_export`: the rows of `export_rows`, read now (on the GUI thread) and
        handed to the export's worker, which would otherwise see the communities only."""
        rows = self.export_rows()
        return (lambda _session: rows), len(rows)


# --- 民生直通车 ----------------------------------------------------------------------------


class RequestFiguresModel(LinesModel[RequestFigures]):
    """The period's requests on one line: received, resolved, still open, days to resolve."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ReportModels", "Requests|received"),
        QT_TRANSLATE_NOOP("ReportModels", "Requests|resolved"),
        QT_TRANSLATE_NOOP("ReportModels", "Still open at|the period's end"),
        QT_TRANSLATE_NOOP("ReportModels", "Days to resolve,|on average"),
        QT_TRANSLATE_NOOP("ReportModels", "Days to resolve,|median"),
    )
    RECEIVED, RESOLVED, OPEN, MEAN_DAYS, MEDIAN_DAYS = range(5)
    _DAYS_TIP = QT_TRANSLATE_NOOP(
        "ReportModels",
        "From receiving a request to resolving it, over the requests resolved in the period.",
    )
    TIPS: ClassVar[dict[int, str]] = {
        RESOLVED: QT_TRANSLATE_NOOP(
            "ReportModels", "Resolved in the period, whenever they were received."
        ),
        OPEN: QT_TRANSLATE_NOOP(
            "ReportModels", "Received by the period's end and not resolved by then."
        ),
        MEAN_DAYS: _DAYS_TIP,
        MEDIAN_DAYS: _DAYS_TIP,
    }

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        return _header(self.HEADERS[section], role, tip=self.TIPS.get(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        requests = self.line(index.row())
        value: float | None = (
            requests.received,
            requests.resolved,
            requests.open_at_end,
            requests.mean_days_to_resolve,
            requests.median_days_to_resolve,
        )[index.column()]
        days = index.column() >= self.MEAN_DAYS
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == EXPORT_ROLE:
            return None if value is None else (round(value, 1) if days else value)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_decimal(value) if days else format_count(int(value or 0))
        return None


class SatisfactionModel(LinesModel[SatisfactionLine]):
    """The answers to the follow-up calls by category, community or assignee (one at a time),
    under a total line of every request resolved in the period."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ReportModels", "Category of request"),
        QT_TRANSLATE_NOOP("ReportModels", "Satisfied"),
        QT_TRANSLATE_NOOP("ReportModels", "Basically|satisfied"),
        QT_TRANSLATE_NOOP("ReportModels", "Not|satisfied"),
        QT_TRANSLATE_NOOP("ReportModels", "No answer|recorded"),
        QT_TRANSLATE_NOOP("ReportModels", "Satisfied or|basically"),
    )
    NAME_HEADERS: ClassVar[dict[SatisfactionBy, str]] = {
        SatisfactionBy.CATEGORY: HEADERS[0],
        SatisfactionBy.COMMUNITY: QT_TRANSLATE_NOOP("ReportModels", "Community of the resident"),
        SatisfactionBy.ASSIGNEE: QT_TRANSLATE_NOOP("ReportModels", "Handled by"),
    }
    NAME, SATISFIED, BASIC, UNSATISFIED, UNANSWERED, RATE = range(6)
    RATE_TIP = QT_TRANSLATE_NOOP(
        "ReportModels", "Satisfied and basically satisfied, out of the answers recorded."
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[SatisfactionLine] = []
        self._total: SatisfactionLine | None = None
        self._by = SatisfactionBy.CATEGORY

    def set_all(
        self, lines: Sequence[SatisfactionLine], requests: RequestFigures | None = None
    ) -> None:
        """Every line `statistics.satisfaction` gives, and the period's request figures for the
        total line; the lines of the chosen grouping are shown."""
        self._all = list(lines)
        if requests is not None:
            self._total = SatisfactionLine(
                self._by,
                QCoreApplication.translate("ReportModels", "All resolved requests"),
                requests.answers.get(Satisfaction.SATISFIED, 0),
                requests.answers.get(Satisfaction.BASIC, 0),
                requests.answers.get(Satisfaction.UNSATISFIED, 0),
                requests.unanswered,
            )
        shown = [line for line in self._all if line.by == self._by]
        self.set_lines([self._total, *shown] if self._total is not None else shown)

    def by(self) -> SatisfactionBy:
        return self._by

    def set_by(self, by: SatisfactionBy) -> None:
        self._by = by
        self.set_all(self._all)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.NAME, self.NAME)

    def _is_total(self, row: int) -> bool:
        return self._total is not None and self.line(row) is self._total

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        name = section == self.NAME
        return _header(
            self.NAME_HEADERS[self._by] if name else self.HEADERS[section],
            role,
            tip=self.RATE_TIP if section == self.RATE else None,
            right=not name,
            export_format="0.0%" if section == self.RATE else None,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.line(index.row())
        column = index.column()
        values: tuple[float | None, ...] = (
            None,
            line.satisfied,
            line.basic,
            line.unsatisfied,
            line.unanswered,
            line.satisfied_rate,
        )
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return _RIGHT
        if role == TOTAL_ROLE:
            return self._is_total(index.row())
        if role == Qt.ItemDataRole.FontRole and self._is_total(index.row()):
            return _bold()
        if role == SORT_ROLE:
            return index.row() if column == self.NAME else _number(values[column])
        if role == EXPORT_ROLE and column != self.NAME and values[column] is not None:
            return values[column]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.NAME:
            return line.name
        if column == self.RATE:
            return format_rate(line.satisfied_rate)
        return format_count(int(values[column] or 0))
