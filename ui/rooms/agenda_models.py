"""Qt table models of a council meeting's agenda and of the requests that may go on it, fed from
`app.services.rooms.agenda` (no window needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.choices import AgendaOutcome
from ui import style
from ui.labels import QT_TRANSLATE_NOOP
from ui.table_model import LinesModel

if TYPE_CHECKING:
    from app.services.rooms.agenda import AgendaLine, AgendaRequest

_Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole  # the row's dataclass
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # the words the search box of requests matches
_CONTEXT = "RoomsAgenda"

OUTCOME_NAMES: dict[AgendaOutcome, str] = {
    AgendaOutcome.RESOLVED: QT_TRANSLATE_NOOP("RoomsAgenda", "Request resolved"),
    AgendaOutcome.OPEN: QT_TRANSLATE_NOOP("RoomsAgenda", "Request still open"),
}


def outcome_text(outcome: AgendaOutcome | None) -> str:
    if outcome is None:
        return QCoreApplication.translate("RoomsAgenda", "Not yet decided")
    return QCoreApplication.translate(_CONTEXT, OUTCOME_NAMES[outcome])


def one_line(text: str) -> str:
    return " ".join(text.split())


def issue_text(request: AgendaRequest) -> str:
    """[环境卫生] the request on one line."""
    return (
        QCoreApplication.translate("RoomsAgenda", "[%1] %2")
        .replace("%1", request.category)
        .replace("%2", one_line(request.text))
    )


class _Identified(Protocol):
    @property
    def id(self) -> int: ...


L = TypeVar("L", bound=_Identified)


class _Lines(LinesModel[L]):
    CONTEXT = _CONTEXT

    def row_of(self, line_id: int) -> int:
        """The row of the line with this id (an agenda item, a request); -1 when not listed."""
        return next((row for row, line in enumerate(self._lines) if line.id == line_id), -1)

    def text(self, line: L, column: int) -> str:
        """What a cell says (shown, and whole in its tooltip)."""
        raise NotImplementedError

    def styled(self, line: L, column: int, role: int) -> Any:
        """A cell's other roles (alignment, colour); None by default."""
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(line, index.column())
        if role == RAW_ROLE:
            return line
        return self.styled(line, index.column(), role)


class AgendaModel(_Lines["AgendaLine"]):
    """The agenda in order: number, category, the request (masked), who raised it, outcome."""

    NUMBER, REQUEST, RAISED_BY, OUTCOME = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("RoomsAgenda", "No."),
        QT_TRANSLATE_NOOP("RoomsAgenda", "Issue"),
        QT_TRANSLATE_NOOP("RoomsAgenda", "Raised by"),
        QT_TRANSLATE_NOOP("RoomsAgenda", "Outcome"),
    )

    def text(self, line: AgendaLine, column: int) -> str:
        if column == self.NUMBER:
            return str(line.position)
        if column == self.REQUEST:
            return issue_text(line.request)
        if column == self.RAISED_BY:
            return line.request.raised_by or "—"
        return outcome_text(line.outcome)

    def styled(self, line: AgendaLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME and line.outcome:
            return QBrush(QColor(style.ACCENT_COLOUR))
        return None


class OpenRequestsModel(_Lines["AgendaRequest"]):
    """Requests that may go on the agenda, the longest waiting first."""

    RECORDED, REQUEST, RAISED_BY = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("RoomsAgenda", "Recorded"),
        QT_TRANSLATE_NOOP("RoomsAgenda", "Issue"),
        QT_TRANSLATE_NOOP("RoomsAgenda", "Raised by"),
    )

    def text(self, line: AgendaRequest, column: int) -> str:
        if column == self.RECORDED:
            return line.created_at.strftime("%m-%d")
        if column == self.REQUEST:
            return issue_text(line)
        return line.raised_by or "—"

    def styled(self, line: AgendaRequest, column: int, role: int) -> Any:
        if role == SEARCH_ROLE:
            return " ".join((line.category, line.text, line.raised_by))
        return None
