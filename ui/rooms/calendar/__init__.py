"""The Rooms desk's calendar (objectName `rooms.calendar`): a day view with the rooms as columns
and a week view for one room or all, painted by one widget.

    calendar = RoomsCalendar()
    calendar.set_day(day, views.rooms(session), views.blocks(session, actor, day, day),
                     hours, notes)
    calendar.create_requested.connect(...)  # and edit_/move_/cancel_requested, day_activated …

It calls no service: the desk reads the data (`app.services.rooms.views`, `days.OpeningCalendar`)
and pushes it in again after every change. See `widget.py` for the signals, `styles.py` for the
colours by booking kind, `layout.py` for where everything goes.
"""

from ui.rooms.calendar.layout import ViewMode
from ui.rooms.calendar.styles import BlockStyle, block_style, contrast
from ui.rooms.calendar.widget import CalendarCell, RoomsCalendar, Selection

__all__ = [
    "BlockStyle",
    "CalendarCell",
    "RoomsCalendar",
    "Selection",
    "ViewMode",
    "block_style",
    "contrast",
]
