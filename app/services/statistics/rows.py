"""The figures the statistics page, the Home charts and the monthly report show: plain rows,
built by the query modules beside this one and drawn by `ui/` and `app/printing/`."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from app.choices import CertificateKind, Purpose, Satisfaction
from app.services.statistics.period import Period


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


class AreaLevel(enum.StrEnum):
    CENTRE = "centre"  # the whole centre: the table's total line
    COMMUNITY = "community"
    BUILDING_GROUP = "building_group"


@dataclass(frozen=True)
class AreaFigures:
    """One line of the statistics by community and building group.

    A community's line counts everything attributed to it, including people with no building
    group and visits kept after their person was anonymised; so its groups' lines may add up to
    less. Lines with `community_id` None at COMMUNITY level hold what has no community (未填写).
    """

    level: AreaLevel
    community_id: int | None
    building_group_id: int | None
    name: str
    visits: int
    people_served: int  # distinct people at a visit or present at a held session
    # Seats, as the sign-in sheet counts them (a companion takes one): signed up beforehand
    # (应到, walk-ins not included), present (实到, walk-ins included), marked no-show (未到).
    signups: int
    attended: int
    no_shows: int
    volunteer_hours: Decimal
    residents: int | None  # 常住人口 (communities only, when set in Settings)

    @property
    def attendance_rate(self) -> float | None:
        """Attended out of those whose attendance was taken (attended + no-shows)."""
        return _rate(self.attended, self.attended + self.no_shows)

    @property
    def no_show_rate(self) -> float | None:
        return _rate(self.no_shows, self.attended + self.no_shows)

    @property
    def served_per_1000(self) -> float | None:
        if not self.residents:
            return None
        return self.people_served * 1000 / self.residents


@dataclass(frozen=True)
class DayCount:
    day: dt.date
    visits: int


@dataclass(frozen=True)
class PurposeCount:
    purpose: Purpose
    visits: int


@dataclass(frozen=True)
class SeriesFigures:
    """Participation in one service series over the period."""

    series_id: int
    name: str
    sessions: int  # held (not cancelled) sessions starting in the period
    signups: int  # seats, as `AreaFigures` counts them
    attended: int
    no_shows: int

    @property
    def attendance_rate(self) -> float | None:
        return _rate(self.attended, self.attended + self.no_shows)


@dataclass(frozen=True)
class SessionFigures:
    """One session of the period, for the report's list per series."""

    session_id: int
    series: str
    item: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str
    capacity: int
    signups: int  # seats: 应到 (walk-ins not included)
    attended: int  # 实到, walk-ins included
    no_shows: int
    walk_ins: int  # walk-ins present
    cancelled: bool


@dataclass(frozen=True)
class RoomUse:
    """Booked hours against open hours over the period (utilisation)."""

    room_id: int
    name: str
    booked_hours: float
    open_hours: float

    @property
    def utilisation(self) -> float | None:
        return self.booked_hours / self.open_hours if self.open_hours else None


@dataclass(frozen=True)
class RequestFigures:
    """民生直通车 over the period."""

    received: int  # created in the period
    resolved: int  # resolved in the period, whenever received
    open_at_end: int  # not resolved at the period's end
    mean_days_to_resolve: float | None  # of those resolved in the period
    median_days_to_resolve: float | None
    answers: dict[Satisfaction, int]  # follow-up answers of those resolved in the period
    unanswered: int  # resolved in the period with no answer recorded


class SatisfactionBy(enum.StrEnum):
    CATEGORY = "category"
    COMMUNITY = "community"
    ASSIGNEE = "assignee"


@dataclass(frozen=True)
class SatisfactionLine:
    by: SatisfactionBy
    name: str  # the category, community or assignee's display name (未填写 when none)
    satisfied: int
    basic: int
    unsatisfied: int
    unanswered: int

    @property
    def answered(self) -> int:
        return self.satisfied + self.basic + self.unsatisfied

    @property
    def satisfied_rate(self) -> float | None:
        """满意 + 基本满意 out of the answers given."""
        return _rate(self.satisfied + self.basic, self.answered)


@dataclass(frozen=True)
class VolunteerHours:
    person_id: int
    name: str
    community: str
    hours: Decimal


@dataclass(frozen=True)
class CertificateCount:
    kind: CertificateKind
    issued: int  # issued in the period (revoked ones included)
    revoked: int  # of those, revoked since


@dataclass(frozen=True)
class MonthlyFigures:
    """Everything the monthly report prints, read in one transaction (`statistics.monthly`):
    every list as the function of the same name gives it; `volunteer_hours` is the top 10."""

    centre_name: str
    period: Period
    made_at: dt.datetime
    areas: list[AreaFigures]
    visits_per_day: list[DayCount]
    visits_by_purpose: list[PurposeCount]
    series: list[SeriesFigures]
    sessions: list[SessionFigures]
    room_use: list[RoomUse]
    requests: RequestFigures
    satisfaction: list[SatisfactionLine]
    volunteer_hours: list[VolunteerHours]
    certificates: list[CertificateCount]
