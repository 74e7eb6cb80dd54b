"""服务菜单, the Service menu desk's services.

- `status`: a session's derived status (open / full / closed / cancelled) and its seat counts.
- `audience`: who an item is for (ages on the session's day; 亲子 with an adult companion).
- `signups`: signing a resident up, the waitlist, cancelling and promoting the next in line; the
  last seat taken by two desks at once goes to exactly one of them (the session row is locked
  before its seats are counted).
- `reads`: sessions between two times, one session's detail, and its roster in the printed
  sign-in sheet's order (registered people in pinyin order, then walk-ins as they came).
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
from app.services.menu.signups import CancelResult as CancelResult
from app.services.menu.signups import Promoted as Promoted
from app.services.menu.signups import SignupResult as SignupResult
from app.services.menu.signups import cancel as cancel
from app.services.menu.signups import promote_waitlist as promote_waitlist
from app.services.menu.signups import sign_up as sign_up
from app.services.menu.status import status_of as status_of
