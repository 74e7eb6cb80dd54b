"""Hand-made statistics rows for the Reports desk's tests: a centre of two communities, one with
two building groups, and a line of what has no community."""

from __future__ import annotations

from decimal import Decimal

from app.choices import Satisfaction
from app.services.statistics.period import Period
from app.services.statistics.rows import (
    AreaFigures,
    AreaLevel,
    RequestFigures,
    SatisfactionBy,
    SatisfactionLine,
)


def area(
    level: AreaLevel,
    name: str,
    *,
    community_id: int | None = None,
    group_id: int | None = None,
    visits: int = 0,
    people: int = 0,
    signups: int = 0,
    attended: int = 0,
    no_shows: int = 0,
    hours: str = "0",
    residents: int | None = None,
) -> AreaFigures:
    return AreaFigures(
        level=level,
        community_id=community_id,
        building_group_id=group_id,
        name=name,
        visits=visits,
        people_served=people,
        signups=signups,
        attended=attended,
        no_shows=no_shows,
        volunteer_hours=Decimal(hours),
        residents=residents,
    )


C, G = AreaLevel.COMMUNITY, AreaLevel.BUILDING_GROUP

AREAS = [
    area(AreaLevel.CENTRE, "全中心", visits=1234, people=420, signups=300,
         attended=210, no_shows=30, hours="512.5", residents=8780),
    area(C, "友邻新村", community_id=1, visits=800, people=300, signups=200, attended=140,
         no_shows=20, hours="300", residents=4860),
    area(G, "1号楼组", community_id=1, group_id=11, visits=500, people=180, signups=120,
         attended=90, no_shows=10, hours="200"),
    area(G, "2号楼组", community_id=1, group_id=12, visits=250, people=100, signups=70,
         attended=45, no_shows=5, hours="95.25"),
    area(C, "东湖苑", community_id=2, visits=400, people=110, signups=90, attended=70,
         no_shows=10, hours="212.5", residents=3920),
    area(C, "未填写", visits=34, people=10, signups=10),
]  # fmt: skip

REQUESTS = RequestFigures(
    received=12,
    resolved=9,
    open_at_end=4,
    mean_days_to_resolve=3.25,
    median_days_to_resolve=3.0,
    answers={Satisfaction.SATISFIED: 5, Satisfaction.BASIC: 2, Satisfaction.UNSATISFIED: 1},
    unanswered=1,
)

SATISFACTION = [
    SatisfactionLine(SatisfactionBy.CATEGORY, "物业维修", 3, 1, 1, 0),
    SatisfactionLine(SatisfactionBy.CATEGORY, "环境卫生", 2, 1, 0, 1),
    SatisfactionLine(SatisfactionBy.COMMUNITY, "友邻新村", 4, 1, 0, 1),
    SatisfactionLine(SatisfactionBy.COMMUNITY, "东湖苑", 1, 1, 1, 0),
    SatisfactionLine(SatisfactionBy.ASSIGNEE, "社工 李晓燕", 5, 2, 1, 0),
    SatisfactionLine(SatisfactionBy.ASSIGNEE, "未填写", 0, 0, 0, 1),
]

NOVEMBER = Period.month(2026, 11)
