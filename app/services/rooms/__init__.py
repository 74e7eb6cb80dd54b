"""活动室预约, the Rooms desk's services.

- `rule`: a room is never double-booked (the overlap rule and its SQL condition).
- `days`: when a room is open: its weekly hours, statutory holidays and 调休 working days
  (chinese-calendar, or the admin's entries for a year it doesn't know), the centre's closed days.
"""

from app.services.rooms.rule import HOLDING as HOLDING
from app.services.rooms.rule import RoomDiary as RoomDiary
from app.services.rooms.rule import clashing as clashing
from app.services.rooms.rule import holds_room as holds_room
from app.services.rooms.rule import overlaps as overlaps
