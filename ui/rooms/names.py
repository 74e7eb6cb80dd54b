"""The Rooms desk's words for the domain's choices: booking kinds, scopes of a series edit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.choices import BookingKind, BookingStatus
from app.services.rooms.booking import Scope
from ui.labels import QT_TRANSLATE_NOOP

_CONTEXT = "RoomNames"

# In the order the editor offers them: who the room is booked for.
KIND_NAMES: dict[BookingKind, str] = {
    BookingKind.STAFF: QT_TRANSLATE_NOOP("RoomNames", "Centre staff"),
    BookingKind.ORGANISATION: QT_TRANSLATE_NOOP("RoomNames", "Social organisation"),
    BookingKind.RESIDENT: QT_TRANSLATE_NOOP("RoomNames", "Resident"),
    BookingKind.COUNCIL: QT_TRANSLATE_NOOP("RoomNames", "Council meeting"),
    BookingKind.ACTIVITY: QT_TRANSLATE_NOOP("RoomNames", "Service menu activity"),
}

STATUS_NAMES: dict[BookingStatus, str] = {
    BookingStatus.PENDING: QT_TRANSLATE_NOOP("RoomNames", "Awaiting approval"),
    BookingStatus.CONFIRMED: QT_TRANSLATE_NOOP("RoomNames", "Confirmed"),
    BookingStatus.CANCELLED: QT_TRANSLATE_NOOP("RoomNames", "Cancelled"),
    BookingStatus.REJECTED: QT_TRANSLATE_NOOP("RoomNames", "Rejected"),
}

SCOPE_NAMES: dict[Scope, str] = {
    Scope.THIS: QT_TRANSLATE_NOOP("RoomNames", "Only this one"),
    Scope.FOLLOWING: QT_TRANSLATE_NOOP("RoomNames", "This one and the following"),
    Scope.ALL: QT_TRANSLATE_NOOP("RoomNames", "All of the series"),
}


def kind_name(kind: BookingKind) -> str:
    return QCoreApplication.translate(_CONTEXT, KIND_NAMES[kind])


def status_name(status: BookingStatus) -> str:
    return QCoreApplication.translate(_CONTEXT, STATUS_NAMES[status])


def scope_name(scope: Scope) -> str:
    return QCoreApplication.translate(_CONTEXT, SCOPE_NAMES[scope])
