"""服务菜单, the Service menu desk's services.

- `status`: a session's derived status (open / full / closed / cancelled) and its seat counts.
- `audience`: who an item is for (ages on the session's day; 亲子 with an adult companion).
- `signups`: signing a resident up, the waitlist, cancelling and promoting the next in line; the
  last seat taken by two desks at once goes to exactly one of them (the session row is locked
  before its seats are counted).
- `reads`: sessions between two times, one session's detail, and its roster in the printed
  sign-in sheet's order (registered people in pinyin order, then walk-ins as they came).
- `sessions`: planning sessions, each in a room booked through the Rooms desk's services, one at a
  time or as a recurring plan that skips closed days; changing, closing and cancelling them.
- `catalogue`: the five series and their items, written by staff.
- `attendance`: ticking from the sheet, scanned member cards, walk-ins, no-shows, and the service
  record of a volunteer who attended a volunteer session.
- `fitting`: the sessions that fit a person (Reception's quick signup) and their signups to come.
"""

from app.services.menu.reads import ItemEntry as ItemEntry
from app.services.menu.reads import Roster as Roster
from app.services.menu.reads import RosterLine as RosterLine
from app.services.menu.reads import SeriesEntry as SeriesEntry
from app.services.menu.reads import SessionDetail as SessionDetail
from app.services.menu.reads import SessionRow as SessionRow
from app.services.menu.reads import get_session as get_session
from app.services.menu.reads import menu_tree as menu_tree
from app.services.menu.reads import roster as roster
from app.services.menu.reads import sessions_between as sessions_between
from app.services.menu.sessions import PlanInput as PlanInput
from app.services.menu.sessions import SessionInput as SessionInput
from app.services.menu.sessions import cancel_session as cancel_session
from app.services.menu.sessions import create_plan as create_plan
from app.services.menu.sessions import create_session as create_session
from app.services.menu.sessions import preview_plan as preview_plan
from app.services.menu.sessions import set_signups_closed as set_signups_closed
from app.services.menu.sessions import update_session as update_session
from app.services.menu.signups import CancelResult as CancelResult
from app.services.menu.signups import Promoted as Promoted
from app.services.menu.signups import SignupResult as SignupResult
from app.services.menu.signups import cancel as cancel
from app.services.menu.signups import promote_waitlist as promote_waitlist
from app.services.menu.signups import sign_up as sign_up
from app.services.menu.status import status_of as status_of
