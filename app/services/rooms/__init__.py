"""活动室预约, the Rooms desk's services.

- `rule`: a room is never double-booked (the overlap rule and its SQL condition).
- `days`: when a room is open: its weekly hours, statutory holidays and 调休 working days
  (chinese-calendar, or the admin's entries for a year it doesn't know), the centre's closed days.
- `recurrence`: how a series repeats (RRULE text, bounded expansion, in words).
- `booking`: booking, planning, approving, finding free rooms; `editing`: changing and
  cancelling one occurrence, this and the following ones, or all; `conflicts`: the clashes.
"""

from app.services.rooms.booking import BookingConflict as BookingConflict
from app.services.rooms.booking import BookingDetail as BookingDetail
from app.services.rooms.booking import BookingInput as BookingInput
from app.services.rooms.booking import Clash as Clash
from app.services.rooms.booking import Created as Created
from app.services.rooms.booking import OccurrenceProblem as OccurrenceProblem
from app.services.rooms.booking import Scope as Scope
from app.services.rooms.booking import SeriesPlan as SeriesPlan
from app.services.rooms.booking import approve as approve
from app.services.rooms.booking import cancel as cancel
from app.services.rooms.booking import create as create
from app.services.rooms.booking import free_rooms as free_rooms
from app.services.rooms.booking import get as get
from app.services.rooms.booking import move as move
from app.services.rooms.booking import pending as pending
from app.services.rooms.booking import plan as plan
from app.services.rooms.booking import reject as reject
from app.services.rooms.booking import update as update
from app.services.rooms.recurrence import MAX_OCCURRENCES as MAX_OCCURRENCES
from app.services.rooms.recurrence import Frequency as Frequency
from app.services.rooms.recurrence import Recurrence as Recurrence
from app.services.rooms.recurrence import occurrence_days as occurrence_days
from app.services.rooms.rule import HOLDING as HOLDING
from app.services.rooms.rule import RoomDiary as RoomDiary
from app.services.rooms.rule import clashing as clashing
from app.services.rooms.rule import holds_room as holds_room
from app.services.rooms.rule import overlaps as overlaps
