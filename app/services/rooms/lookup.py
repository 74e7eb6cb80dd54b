"""A room named on the command line: by its number or its name, said plainly when unknown."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import NotFound
from app.i18n import translate
from app.services.rooms import views
from app.services.rooms.views import RoomColumn


def _folded(text: str) -> str:
    return "".join(text.split()).casefold()


def find_room(session: Session, text: str) -> RoomColumn:
    """The room whose id or name is `text` (spaces and case aside); NotFound naming the rooms
    there are otherwise."""
    rooms = views.rooms(session)
    wanted = text.strip()
    if wanted.isdigit():
        for room in rooms:
            if room.id == int(wanted):
                return room
    for matches in (
        lambda room: room.name == wanted,
        lambda room: _folded(room.name) == _folded(wanted),
    ):
        found = [room for room in rooms if matches(room)]
        if found:
            return found[0]
    names = translate("Export", ", ").join(room.name for room in rooms)
    if not names:
        raise NotFound(
            translate("Rooms", "There is no room “%1”: no rooms are set up yet.").replace(
                "%1", wanted
            )
        )
    raise NotFound(
        translate("Rooms", "There is no room “%1”. The rooms are: %2.")
        .replace("%1", wanted)
        .replace("%2", names)
    )
