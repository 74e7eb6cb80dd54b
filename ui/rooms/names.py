"""The Rooms desk's words for the scopes of a series edit (booking kinds and statuses are in
`ui.labels`, with the other desks' words for the domain's choices)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.rooms.booking import Scope
from ui.labels import QT_TRANSLATE_NOOP

_CONTEXT = "RoomNames"

SCOPE_NAMES: dict[Scope, str] = {
    Scope.THIS: QT_TRANSLATE_NOOP("RoomNames", "Only this one"),
    Scope.FOLLOWING: QT_TRANSLATE_NOOP("RoomNames", "This one and the following"),
    Scope.ALL: QT_TRANSLATE_NOOP("RoomNames", "All of the series"),
}


def scope_name(scope: Scope) -> str:
    return QCoreApplication.translate(_CONTEXT, SCOPE_NAMES[scope])
