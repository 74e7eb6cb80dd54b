"""The figures by community and building group (the centre's 1+7+66 structure).

Where each figure is counted:
- visits: by the community copied onto the visit when it was made (so they stay with it after
  the person moves or is anonymised); a building group's visits are those of its community made
  by people now in the group.
- people served: the distinct people who came in the period, to a visit or to a held session
  (present, walk-ins and companions included), each counted once, where they now live.
- signups, attended, no-shows (seats, as `activity` counts them) and volunteer hours: where the
  person now lives.
Everything without a community falls in the 未填写 line.

Visits older than the centre's retention period are anonymised (`app.services.retention`): they
keep their community, day and purpose, so a community's visits stay the same, but they count in
no building group and in no one's "people served" any more. For such months people served counts
only those still known (attending sessions), and a building group's visits only the visits still
linked to a person.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import (
    ActivitySession,
    BuildingGroup,
    Community,
    Person,
    ServiceRecord,
    Signup,
    Visit,
    Volunteer,
)
from app.services.statistics.activity import counted_visits, held_in, participation, registered
from app.services.statistics.period import Period
from app.services.statistics.rows import AreaFigures, AreaLevel

# (community id, building group id) of a person, either possibly None.
Place = tuple[int | None, int | None]


def not_filled_in() -> str:
    return translate("Statistics", "Not filled in")


def centre_line_name() -> str:
    return translate("Statistics", "Whole centre")


class _Tally:
    """The five figures of each place, added up to the lines of the table."""

    def __init__(self) -> None:
        self.visits: Counter[Place] = Counter()
        self.served: Counter[Place] = Counter()
        self.signups: Counter[Place] = Counter()
        self.attended: Counter[Place] = Counter()
        self.no_shows: Counter[Place] = Counter()
        self.hours: defaultdict[Place, Decimal] = defaultdict(Decimal)

    def places(self) -> set[Place]:
        return (
            set(self.visits)
            | set(self.served)
            | set(self.signups)
            | set(self.attended)
            | set(self.no_shows)
            | set(self.hours)
        )


def _visits(session: Session, period: Period, tally: _Tally) -> None:
    # Counted per person first (from the visit log's covering index), then each person looked
    # up once for their building group, not once per visit.
    per_person = (
        select(Visit.community_id, Visit.person_id, func.count().label("visits"))
        .where(counted_visits(period))
        .group_by(Visit.community_id, Visit.person_id)
        .subquery()
    )
    rows = session.execute(
        select(per_person.c.community_id, Person.building_group_id, func.sum(per_person.c.visits))
        .select_from(per_person)
        .outerjoin(Person, Person.id == per_person.c.person_id)
        .group_by(per_person.c.community_id, Person.building_group_id)
    )
    for community_id, group_id, count in rows:
        tally.visits[(community_id, group_id)] += int(count)


def _served(session: Session, period: Period, tally: _Tally) -> None:
    came = union(
        select(Visit.person_id.label("person_id")).where(
            counted_visits(period), Visit.person_id.is_not(None)
        ),
        select(Signup.person_id)
        .join(ActivitySession, ActivitySession.id == Signup.session_id)
        .where(held_in(period), registered(), Signup.attended),
        select(Signup.companion_id)
        .join(ActivitySession, ActivitySession.id == Signup.session_id)
        .where(held_in(period), registered(), Signup.attended, Signup.companion_id.is_not(None)),
    ).subquery()
    rows = session.execute(
        select(Person.community_id, Person.building_group_id, func.count())
        .select_from(came)
        .join(Person, Person.id == came.c.person_id)
        .group_by(Person.community_id, Person.building_group_id)
    )
    for community_id, group_id, count in rows:
        tally.served[(community_id, group_id)] += count


def _participation(session: Session, period: Period, tally: _Tally) -> None:
    signups, attended, no_shows = participation()
    rows = session.execute(
        select(Person.community_id, Person.building_group_id, signups, attended, no_shows)
        .select_from(Signup)
        .join(ActivitySession, ActivitySession.id == Signup.session_id)
        .join(Person, Person.id == Signup.person_id)
        .where(held_in(period), registered())
        .group_by(Person.community_id, Person.building_group_id)
    )
    for community_id, group_id, s, a, n in rows:
        place = (community_id, group_id)
        tally.signups[place] += int(s)
        tally.attended[place] += int(a)
        tally.no_shows[place] += int(n)


def _hours(session: Session, period: Period, tally: _Tally) -> None:
    rows = session.execute(
        select(Person.community_id, Person.building_group_id, func.sum(ServiceRecord.hours))
        .select_from(ServiceRecord)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .join(Person, Person.id == Volunteer.person_id)
        .where(ServiceRecord.day >= period.first, ServiceRecord.day <= period.last)
        .group_by(Person.community_id, Person.building_group_id)
    )
    for community_id, group_id, hours in rows:
        tally.hours[(community_id, group_id)] += Decimal(hours or 0)


def _line(
    tally: _Tally,
    places: Iterable[Place],
    level: AreaLevel,
    community_id: int | None,
    group_id: int | None,
    name: str,
    residents: int | None,
) -> AreaFigures:
    chosen = list(places)
    return AreaFigures(
        level=level,
        community_id=community_id,
        building_group_id=group_id,
        name=name,
        visits=sum(tally.visits[p] for p in chosen),
        people_served=sum(tally.served[p] for p in chosen),
        signups=sum(tally.signups[p] for p in chosen),
        attended=sum(tally.attended[p] for p in chosen),
        no_shows=sum(tally.no_shows[p] for p in chosen),
        volunteer_hours=sum((tally.hours[p] for p in chosen), Decimal(0)).quantize(Decimal("0.1")),
        residents=residents,
    )


def _empty(line: AreaFigures) -> bool:
    return (
        not (line.visits or line.people_served or line.signups or line.attended or line.no_shows)
        and not line.volunteer_hours
    )


def areas(session: Session, period: Period) -> list[AreaFigures]:
    """The centre's line first, then each community (in Settings' order) followed by its building
    groups, then the 未填写 line when anything has no community. An inactive community or group
    is listed only when it has figures in the period.

    The centre's residents are the communities' sum when every listed community has them set
    (else None, and so is its rate per 1,000)."""
    tally = _Tally()
    _visits(session, period, tally)
    _served(session, period, tally)
    _participation(session, period, tally)
    _hours(session, period, tally)
    places = tally.places()
    communities = session.execute(
        select(Community.id, Community.name, Community.active, Community.residents).order_by(
            Community.sort_order, Community.id
        )
    ).all()
    groups: defaultdict[int, list[tuple[int, str, bool]]] = defaultdict(list)
    for group_id, community_id, name, active in session.execute(
        select(
            BuildingGroup.id, BuildingGroup.community_id, BuildingGroup.name, BuildingGroup.active
        ).order_by(BuildingGroup.sort_order, BuildingGroup.id)
    ):
        groups[community_id].append((group_id, name, active))

    lines: list[AreaFigures] = []
    for community_id, name, active, residents in communities:
        line = _line(
            tally,
            (p for p in places if p[0] == community_id),
            AreaLevel.COMMUNITY,
            community_id,
            None,
            name,
            residents,
        )
        if not active and _empty(line):
            continue
        lines.append(line)
        for group_id, group_name, group_active in groups[community_id]:
            group_line = _line(
                tally,
                [(community_id, group_id)],
                AreaLevel.BUILDING_GROUP,
                community_id,
                group_id,
                group_name,
                None,
            )
            if group_active or not _empty(group_line):
                lines.append(group_line)
    known = {community_id for community_id, *_ in communities}
    unplaced = _line(
        tally,
        (p for p in places if p[0] not in known),
        AreaLevel.COMMUNITY,
        None,
        None,
        not_filled_in(),
        None,
    )
    residents_each = [line.residents for line in lines if line.level is AreaLevel.COMMUNITY]
    centre_residents = (
        sum(r for r in residents_each if r is not None)
        if residents_each and all(r is not None for r in residents_each)
        else None
    )
    centre = _line(
        tally, places, AreaLevel.CENTRE, None, None, centre_line_name(), centre_residents
    )
    return [centre, *lines, *([] if _empty(unplaced) else [unplaced])]
