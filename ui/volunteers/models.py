"""The 志愿者 tab's tables: volunteers with the year's hours, and one volunteer's records."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from app.models import ServiceRecordKind
from app.services.tables import TableKind
from app.services.volunteers.profiles import VolunteerRow
from app.services.volunteers.records import RecordLine
from ui import style
from ui.labels import QT_TRANSLATE_NOOP
from ui.people.models import format_hours
from ui.table_model import EXPORT_ROLE, Index, LinesModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class VolunteersModel(LinesModel[VolunteerRow]):
    CONTEXT = "VolunteerModels"
    EXPORT_KIND = TableKind.PEOPLE
    HEADERS = (
        QT_TRANSLATE_NOOP("VolunteerModels", "Volunteer number"),
        QT_TRANSLATE_NOOP("VolunteerModels", "Volunteer's name"),
        QT_TRANSLATE_NOOP("VolunteerModels", "Community · group"),
        QT_TRANSLATE_NOOP("VolunteerModels", "Reports twice"),
        QT_TRANSLATE_NOOP("VolunteerModels", "Hours this year"),
        QT_TRANSLATE_NOOP("VolunteerModels", "Skills"),
    )
    HOURS = 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.line(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.HOURS:
            return _RIGHT
        if role == EXPORT_ROLE and column == self.HOURS:
            return row.hours
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.volunteer_number
        if column == 1:
            return row.name
        if column == 2:
            return row.place
        if column == 3:
            return (
                QCoreApplication.translate("VolunteerModels", "yes, reports twice")
                if row.double_report
                else ""
            )
        if column == self.HOURS:
            return format_hours(row.hours)
        return row.skills

    def row_of_person(self, person_id: int) -> int:
        return next((n for n, row in enumerate(self.lines()) if row.person_id == person_id), -1)


def kind_name(kind: ServiceRecordKind) -> str:
    if kind == ServiceRecordKind.MAKE_UP:
        return QCoreApplication.translate("VolunteerModels", "make-up (补录)")
    if kind == ServiceRecordKind.DUTY:
        return QCoreApplication.translate("VolunteerModels", "duty of the rota")
    return QCoreApplication.translate("VolunteerModels", "attended session")


class RecordsModel(LinesModel[RecordLine]):
    """A make-up record says 补录 and its reason in words, and is in the accent colour too."""

    CONTEXT = "VolunteerModels"
    EXPORT_KIND = TableKind.PEOPLE
    HEADERS = (
        QT_TRANSLATE_NOOP("VolunteerModels", "Day"),
        QT_TRANSLATE_NOOP("VolunteerModels", "Hours"),
        QT_TRANSLATE_NOOP("VolunteerModels", "Service"),
        QT_TRANSLATE_NOOP("VolunteerModels", "Recorded as"),
        QT_TRANSLATE_NOOP("VolunteerModels", "Reason / recorded by"),
    )
    HOURS = 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.line(index.row())
        column = index.column()
        make_up = line.kind == ServiceRecordKind.MAKE_UP
        if role == Qt.ItemDataRole.ForegroundRole and make_up:
            return QColor(style.ACCENT_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.HOURS:
            return _RIGHT
        if role == EXPORT_ROLE and column in (0, self.HOURS):
            return line.day if column == 0 else line.hours
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return f"{line.day:%Y-%m-%d}"
        if column == self.HOURS:
            return format_hours(line.hours)
        if column == 2:
            return line.content or line.session_title
        if column == 3:
            return kind_name(line.kind)
        if make_up:
            return (
                QCoreApplication.translate("VolunteerModels", "%1 (by %2)")
                .replace("%1", line.reason)
                .replace("%2", line.created_by)
            )
        return line.session_title
