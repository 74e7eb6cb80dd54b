"""Qt table models of the People desk: the register (read lazily, a page at a time) and the
history tables of a person's detail. No window is needed to test them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.errors import DomainError
from app.models import CertificateKind, Gender, RequestStatus
from app.services import register
from app.services.people import CertificateEntry, RequestEntry, SignupEntry, VisitEntry
from app.services.register import HoursEntry, RegisterFilter, RegisterPages, RegisterRow
from app.services.tables import RowReader, TableKind
from ui import labels
from ui.context import DeskContext
from ui.labels import QT_TRANSLATE_NOOP
from ui.reception.follow_up import satisfaction_name
from ui.table_model import TableModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole  # the service's row behind a line
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_EXPORT_PAGE = 2_000  # people read at a time by an export
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

GENDER_NAMES: dict[Gender, str] = {
    Gender.MALE: QT_TRANSLATE_NOOP("PeopleModels", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("PeopleModels", "Female"),
}
CERTIFICATE_KIND_NAMES: dict[CertificateKind, str] = {
    CertificateKind.SERVICE_RECORD: QT_TRANSLATE_NOOP("PeopleModels", "Volunteer service record"),
    CertificateKind.HONOUR: QT_TRANSLATE_NOOP("PeopleModels", "Honour certificate"),
    CertificateKind.COMPLETION: QT_TRANSLATE_NOOP("PeopleModels", "Course completion"),
}
REQUEST_STATUS_NAMES: dict[RequestStatus, str] = {
    RequestStatus.OPEN: QT_TRANSLATE_NOOP("PeopleModels", "Open"),
    RequestStatus.ASSIGNED: QT_TRANSLATE_NOOP("PeopleModels", "Assigned"),
    RequestStatus.RESOLVED: QT_TRANSLATE_NOOP("PeopleModels", "Resolved"),
}


def _tr(text: str) -> str:
    """A label marked with QT_TRANSLATE_NOOP in the PeopleModels context, translated now."""
    return QCoreApplication.translate("PeopleModels", text)


def gender_name(gender: Gender | None) -> str:
    return _tr(GENDER_NAMES[gender]) if gender is not None else ""


def certificate_kind_name(kind: CertificateKind) -> str:
    return _tr(CERTIFICATE_KIND_NAMES[kind])


def request_status_name(status: RequestStatus) -> str:
    return _tr(REQUEST_STATUS_NAMES[status])


def tag_list(tags: Sequence[str]) -> str:
    """党员、志愿者 in Chinese; "Party member, Volunteer" in English."""
    return QCoreApplication.translate("PeopleModels", ", ", "between the tags of a person").join(
        tags
    )


def format_hours(hours: Decimal) -> str:
    """12.5 / 3 (no needless .0)."""
    text = f"{hours.normalize():f}"
    return text


def format_moment(at: dt.datetime) -> str:
    return f"{at:%Y-%m-%d} {labels.format_time(at)}"


class _Table(TableModel):
    CONTEXT = "PeopleModels"


# --- the register -------------------------------------------------------------------------


class RegisterModel(_Table):
    """The register as the filter gives it, read `page_size` rows at a time as the view
    scrolls (canFetchMore / fetchMore): 100,000 people are never read at once."""

    NAME, GENDER, BIRTH_YEAR, PHONE, COMMUNITY, BUILDING_GROUP, TAGS, MEMBER_CODE = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("PeopleModels", "Name"),
        QT_TRANSLATE_NOOP("PeopleModels", "Gender"),
        QT_TRANSLATE_NOOP("PeopleModels", "Born"),
        QT_TRANSLATE_NOOP("PeopleModels", "Phone"),
        QT_TRANSLATE_NOOP("PeopleModels", "Community"),
        QT_TRANSLATE_NOOP("PeopleModels", "Building group"),
        QT_TRANSLATE_NOOP("PeopleModels", "Tags"),
        QT_TRANSLATE_NOOP("PeopleModels", "Member code"),
    )

    EXPORT_KIND = TableKind.PEOPLE
    # The register could not be read (the database is gone, locked, …): a sentence to show.
    failed = Signal(str)
    # The filter was applied: the number of people it matched.
    opened = Signal(int)

    def __init__(
        self, context: DeskContext, parent: Any = None, *, page_size: int = register.DEFAULT_PAGE
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.page_size = page_size
        self._filter = RegisterFilter()
        self._pages: RegisterPages | None = None
        self._rows: list[RegisterRow] = []
        self.pages_read = 0  # pages read since the filter was applied (tests, measuring)

    # --- the filter --------------------------------------------------------------------

    @property
    def filter(self) -> RegisterFilter:
        return self._filter

    @property
    def total(self) -> int:
        """People matching the filter (all of them, not only the rows read so far)."""
        return self._pages.total if self._pages is not None else 0

    def set_filter(self, wanted: RegisterFilter, *, rows: int = 0) -> bool:
        """Show the people `wanted` matches: the first page (or at least `rows` rows).

        False, with `failed` emitted, when the database could not be read."""
        self.beginResetModel()
        self._filter = wanted
        self._rows = []
        self._pages = None
        self.pages_read = 0
        try:
            self._context.run(
                lambda session, _actor: self._open(session, wanted, max(rows, self.page_size)),
                write=False,
            )
        except DomainError:
            log.exception("people: the register could not be read")
            self._pages = None
            self._rows = []
            self.endResetModel()
            self.failed.emit(self._failure())
            return False
        self.endResetModel()
        self.opened.emit(self.total)
        return True

    def reload(self) -> bool:
        """Read the register again (after an edit, a merge, a new person), keeping as many rows
        as were shown so that the view's place and selection can be kept."""
        return self.set_filter(self._filter, rows=len(self._rows))

    def _open(self, session: Session, wanted: RegisterFilter, count: int) -> None:
        self._pages = RegisterPages(session, wanted)
        self._read(session, count)

    def _read(self, session: Session, count: int) -> None:
        assert self._pages is not None
        while count > 0 and not self._pages.done:
            page = self._pages.next_page(session, count)
            self.pages_read += 1
            self._rows.extend(page)
            count -= len(page)

    @staticmethod
    def _failure() -> str:
        return QCoreApplication.translate(
            "PeopleModels",
            "The register could not be read from the database. Press F5 to try again; "
            "if it keeps happening, call the administrator.",
        )

    # --- lazy fetching -----------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._pages is not None and not self._pages.done

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        pages = self._pages
        assert pages is not None
        try:
            page = self._context.run(
                lambda session, _actor: pages.next_page(session, self.page_size), write=False
            )
        except DomainError:
            log.exception("people: a page of the register could not be read")
            pages.done = True  # no endless retry from the view; F5 reads again
            self.failed.emit(self._failure())
            return
        self.pages_read += 1
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def export_reader(self) -> tuple[RowReader, int]:
        """Every person the filter matches, as an export writes them (`ui.table_export`): read
        page by page in the export's own transaction, not into the window."""
        wanted, columns, text = self._filter, range(self.columnCount()), self._text

        def read(session: Session) -> Iterator[list[object]]:
            pages = RegisterPages(session, wanted)
            while not pages.done:
                for person in pages.next_page(session, _EXPORT_PAGE):
                    yield [
                        person.birth_year if column == self.BIRTH_YEAR else text(person, column)
                        for column in columns
                    ]

        return read, self.total

    def fetch_all(self) -> None:
        """Read to the end (tests, measuring)."""
        while self.canFetchMore():
            self.fetchMore()

    # --- rows --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def person(self, row: int) -> RegisterRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def person_id(self, row: int) -> int | None:
        person = self.person(row)
        return person.id if person is not None else None

    def row_of(self, person_id: int) -> int | None:
        """The row of a person among the rows read so far."""
        for row, person in enumerate(self._rows):
            if person.id == person_id:
                return row
        return None

    def person_ids(self) -> list[int]:
        return [person.id for person in self._rows]

    def refresh_person(self, person_id: int) -> None:
        """Show a person's line as it is now (edited), or take it away (merged away)."""
        row = self.row_of(person_id)
        if row is None:
            return
        try:
            now = self._context.run(
                lambda session, _actor: register.row(session, person_id), write=False
            )
        except DomainError:
            log.exception("people: a person's line could not be read again")
            return
        if now is None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            if self._pages is not None:
                self._pages.total = max(0, self._pages.total - 1)
            self.endRemoveRows()
            return
        self._rows[row] = now
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(person, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(person, column)
            long_texts = (self.NAME, self.TAGS, self.COMMUNITY, self.BUILDING_GROUP)
            return text if column in long_texts else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(person, column)
        if role == RAW_ROLE:
            return person
        if role == PERSON_ID_ROLE:
            return person.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.BIRTH_YEAR:
            return _RIGHT
        return None

    def _text(self, person: RegisterRow, column: int) -> str:
        if column == self.NAME:
            return person.name
        if column == self.GENDER:
            return gender_name(person.gender)
        if column == self.BIRTH_YEAR:
            return str(person.birth_year) if person.birth_year else ""
        if column == self.PHONE:
            return person.phone_masked
        if column == self.COMMUNITY:
            return person.community
        if column == self.BUILDING_GROUP:
            return person.building_group
        if column == self.TAGS:
            return tag_list(person.tags)
        if column == self.MEMBER_CODE:
            return person.member_code
        return ""


# --- history ------------------------------------------------------------------------------

E = TypeVar("E")


class _ListModel(_Table, Generic[E]):
    """A short list of a person's history, replaced whole."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[E] = []

    def set_entries(self, entries: Sequence[E]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[E]:
        return list(self._entries)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.cell(entry, index.column())
            return text or None
        if role == RAW_ROLE:
            return entry
        return None

    def cell(self, entry: E, column: int) -> str:
        raise NotImplementedError


class VisitsModel(_ListModel[VisitEntry]):
    HEADERS = (
        QT_TRANSLATE_NOOP("PeopleModels", "When"),
        QT_TRANSLATE_NOOP("PeopleModels", "Purpose"),
        QT_TRANSLATE_NOOP("PeopleModels", "Note"),
    )

    def cell(self, entry: VisitEntry, column: int) -> str:
        if column == 0:
            return format_moment(entry.at)
        if column == 1:
            name = labels.purpose_name(entry.purpose)
            if entry.undone:  # in words, not only greyed
                return QCoreApplication.translate("PeopleModels", "%1 (undone)").replace("%1", name)
            return name
        return entry.note


class SignupsModel(_ListModel[SignupEntry]):
    HEADERS = (
        QT_TRANSLATE_NOOP("PeopleModels", "Session"),
        QT_TRANSLATE_NOOP("PeopleModels", "Series"),
        QT_TRANSLATE_NOOP("PeopleModels", "Activity"),
        QT_TRANSLATE_NOOP("PeopleModels", "Signup"),
        QT_TRANSLATE_NOOP("PeopleModels", "Attended"),
    )

    def cell(self, entry: SignupEntry, column: int) -> str:
        if column == 0:
            return format_moment(entry.starts_at)
        if column == 1:
            return entry.series
        if column == 2:
            return entry.item
        if column == 3:
            return labels.signup_status_name(entry.status)
        return (
            QCoreApplication.translate("PeopleModels", "yes")
            if entry.attended
            else QCoreApplication.translate("PeopleModels", "no")
        )


class HoursModel(_ListModel[HoursEntry]):
    HEADERS = (
        QT_TRANSLATE_NOOP("PeopleModels", "Day"),
        QT_TRANSLATE_NOOP("PeopleModels", "Hours"),
        QT_TRANSLATE_NOOP("PeopleModels", "Service"),
        QT_TRANSLATE_NOOP("PeopleModels", "Recorded as"),
    )

    def cell(self, entry: HoursEntry, column: int) -> str:
        if column == 0:
            return f"{entry.day:%Y-%m-%d}"
        if column == 1:
            return format_hours(entry.hours)
        if column == 2:
            return entry.content
        return (
            QCoreApplication.translate("PeopleModels", "make-up record")
            if entry.make_up
            else QCoreApplication.translate("PeopleModels", "attended session")
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return _RIGHT
        return super().data(index, role)


class CertificatesModel(_ListModel[CertificateEntry]):
    HEADERS = (
        QT_TRANSLATE_NOOP("PeopleModels", "Number"),
        QT_TRANSLATE_NOOP("PeopleModels", "Kind"),
        QT_TRANSLATE_NOOP("PeopleModels", "Title"),
        QT_TRANSLATE_NOOP("PeopleModels", "Issued"),
    )

    def cell(self, entry: CertificateEntry, column: int) -> str:
        if column == 0:
            return entry.serial
        if column == 1:
            return certificate_kind_name(entry.kind)
        if column == 2:
            if entry.revoked:
                return QCoreApplication.translate("PeopleModels", "%1 (revoked)").replace(
                    "%1", entry.title
                )
            return entry.title
        return f"{entry.issued_on:%Y-%m-%d}"


class RequestsModel(_ListModel[RequestEntry]):
    HEADERS = (
        QT_TRANSLATE_NOOP("PeopleModels", "Recorded"),
        QT_TRANSLATE_NOOP("PeopleModels", "Category"),
        QT_TRANSLATE_NOOP("PeopleModels", "Status"),
        QT_TRANSLATE_NOOP("PeopleModels", "Follow-up call"),
    )

    def cell(self, entry: RequestEntry, column: int) -> str:
        if column == 0:
            return format_moment(entry.created_at)
        if column == 1:
            return entry.category
        if column == 2:
            return request_status_name(entry.status)
        return follow_up_text(entry)


def follow_up_text(entry: RequestEntry) -> str:
    """满意 (with the note: 不满意：修了三次才修好); "not called yet" for a resolved request
    without an answer; "" while the request is open."""
    if entry.satisfaction is not None:
        name = satisfaction_name(entry.satisfaction)
        if not entry.satisfaction_note:
            return name
        return (
            QCoreApplication.translate("PeopleModels", "%1: %2")
            .replace("%1", name)
            .replace("%2", entry.satisfaction_note)
        )
    if entry.status == RequestStatus.RESOLVED:
        return QCoreApplication.translate("PeopleModels", "not called yet")
    return ""
