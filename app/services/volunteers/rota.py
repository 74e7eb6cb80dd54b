"""The duty rota (值班表): recurring weekly duties such as the hour at a building group's bins
(垃圾分类桶前督导), the volunteers assigned to them, each week's turn marked done or missed, and who
has missed several weeks in a row.

Rules chosen here (tested in tests/test_volunteer_rota.py):
- Duties and assignments are written by staff (Permission.VOLUNTEER_HOURS). A volunteer needs a
  volunteer profile to be assigned; in-service party members (双报到) are the usual ones, so
  assigning anyone else succeeds with a warning the desk shows.
- A duty and a volunteer have one assignment row: assigning again after it ended reopens it
  from the new `since` (the turns marked before stay).
- Desk volunteers may mark turns (Permission.SIGNUPS, as they tick sign-in sheets): they sit at
  the desk and tick the printed rota when it comes back. They may mark the turns of the last
  `DESK_MARK_DAYS` days only; an older turn earns hours late, which is staff's make-up work
  (Permission.VOLUNTEER_HOURS). No one marks a turn in the future.
- Done gives the turn one service record (kind duty, the duty's length in hours to one decimal,
  content the duty's name, the turn's day); missed deletes a record an earlier done mark made.
  Marking the same way again changes nothing (and writes no audit event).
- Every mark locks the duty's row first (`app.db.locked`), so two desks marking the same turn
  are served one after the other and make one record.
- A missed streak counts the turns before today, newest first, not marked done (missed or never
  marked) until the last done one.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db import locked
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import translate
from app.models import (
    BuildingGroup,
    Community,
    Duty,
    DutyAssignment,
    DutyShift,
    DutyStatus,
    Person,
    ServiceRecord,
    ServiceRecordKind,
    Volunteer,
)
from app.people_fields import mask_phone
from app.security import Actor, Permission
from app.services import audit

DESK_MARK_DAYS = 14  # desk volunteers mark the turns of the last two weeks
STREAK_LOOKBACK_WEEKS = 52  # a missed streak is counted back at most a year
_TENTH = Decimal("0.1")
_NAME_LENGTH = 60
_PLACE_LENGTH = 60


class TurnStatus(enum.StrEnum):
    DUE = "due"  # not marked yet
    DONE = "done"
    MISSED = "missed"


@dataclass(frozen=True)
class DutyInput:
    name: str
    building_group_id: int | None
    weekday: int  # 0 = Monday
    start_time: dt.time
    end_time: dt.time
    place: str = ""
    active: bool = True


@dataclass(frozen=True)
class AssignedVolunteer:
    person_id: int
    volunteer_id: int
    name: str
    phone: str  # masked
    double_report: bool
    since: dt.date
    until: dt.date | None


@dataclass(frozen=True)
class DutyLine:
    """A duty with where, when and who (the assignments open on `on`, or every one)."""

    duty_id: int
    name: str
    community_id: int | None
    community: str
    building_group_id: int | None
    building_group: str
    weekday: int
    start_time: dt.time
    end_time: dt.time
    place: str
    active: bool
    hours: Decimal
    volunteers: tuple[AssignedVolunteer, ...]


@dataclass(frozen=True)
class ShiftLine:
    """One volunteer's turn of a duty on a day."""

    duty_id: int
    duty: str
    community: str
    building_group: str
    place: str
    day: dt.date
    start_time: dt.time
    end_time: dt.time
    hours: Decimal
    person_id: int
    volunteer_id: int
    name: str
    phone: str  # masked
    status: TurnStatus
    note: str = ""


@dataclass(frozen=True)
class MissLine:
    """A volunteer whose last `missed` turns of a duty were not marked done."""

    duty_id: int
    duty: str
    building_group: str
    person_id: int
    volunteer_id: int
    name: str
    phone: str  # masked
    missed: int
    last_done: dt.date | None


@dataclass(frozen=True)
class AssignResult:
    assignment_id: int
    warning: str = ""  # e.g. not an in-service party member (双报到)


def duty_hours(start: dt.time, end: dt.time) -> Decimal:
    """The duty's length in hours, to one decimal."""
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return (Decimal(minutes) / 60).quantize(_TENTH, rounding=ROUND_HALF_UP)


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


# --- duties and assignments -------------------------------------------------------------------


def _check_duty(session: Session, data: DutyInput) -> str:
    name = data.name.strip()
    if not name:
        raise ValidationError("name", translate("Rota", "Give the duty a name."))
    if len(name) > _NAME_LENGTH:
        raise ValidationError(
            "name",
            translate("Rota", "A duty's name has at most %1 characters.").replace(
                "%1", str(_NAME_LENGTH)
            ),
        )
    if not 0 <= data.weekday <= 6:
        raise ValidationError("weekday", translate("Rota", "Choose a day of the week."))
    if data.end_time <= data.start_time:
        raise ValidationError("end_time", translate("Rota", "The duty must end after it starts."))
    if len(data.place.strip()) > _PLACE_LENGTH:
        raise ValidationError(
            "place",
            translate("Rota", "A place has at most %1 characters.").replace(
                "%1", str(_PLACE_LENGTH)
            ),
        )
    if data.building_group_id is not None and (
        session.get(BuildingGroup, data.building_group_id) is None
    ):
        raise ValidationError(
            "building_group_id", translate("Rota", "This building group no longer exists.")
        )
    return name


def create_duty(session: Session, actor: Actor, data: DutyInput) -> int:
    actor.require(Permission.VOLUNTEER_HOURS)
    name = _check_duty(session, data)
    duty = Duty(
        name=name,
        building_group_id=data.building_group_id,
        weekday=data.weekday,
        start_time=data.start_time,
        end_time=data.end_time,
        place=data.place.strip(),
        active=data.active,
    )
    session.add(duty)
    session.flush()
    audit.record(session, actor, "duty_created", "duty", duty.id, name=name)
    return duty.id


def update_duty(session: Session, actor: Actor, duty_id: int, data: DutyInput) -> None:
    actor.require(Permission.VOLUNTEER_HOURS)
    duty = _duty(session, duty_id, lock=True)
    name = _check_duty(session, data)
    duty.name = name
    duty.building_group_id = data.building_group_id
    duty.weekday = data.weekday
    duty.start_time = data.start_time
    duty.end_time = data.end_time
    duty.place = data.place.strip()
    duty.active = data.active
    session.flush()
    audit.record(session, actor, "duty_updated", "duty", duty.id, name=name, active=data.active)


def assign(
    session: Session, actor: Actor, duty_id: int, person_id: int, since: dt.date
) -> AssignResult:
    """Put a volunteer on a duty from `since`."""
    actor.require(Permission.VOLUNTEER_HOURS)
    duty = _duty(session, duty_id, lock=True)
    volunteer = _volunteer(session, person_id)
    if not volunteer.active:
        raise ValidationError(
            "person_id",
            translate("Rota", "%1's volunteer profile is inactive.").replace(
                "%1", volunteer.person.name
            ),
        )
    existing = session.scalar(
        select(DutyAssignment).where(
            DutyAssignment.duty_id == duty.id, DutyAssignment.volunteer_id == volunteer.id
        )
    )
    if existing is not None and (existing.until is None or existing.until >= since):
        raise ConflictError(
            translate("Rota", "%1 is on this duty already.").replace("%1", volunteer.person.name)
        )
    if existing is None:
        existing = DutyAssignment(duty_id=duty.id, volunteer_id=volunteer.id, since=since)
        session.add(existing)
    else:
        existing.since, existing.until = since, None
    session.flush()
    audit.record(session, actor, "duty_assigned", "duty", duty.id, person_id=person_id, since=since)
    warning = ""
    if not volunteer.double_report:
        warning = translate(
            "Rota", "%1 is not registered as an in-service party member (双报到)."
        ).replace("%1", volunteer.person.name)
    return AssignResult(existing.id, warning)


def end_assignment(
    session: Session, actor: Actor, duty_id: int, person_id: int, until: dt.date
) -> None:
    """The volunteer's last turn of the duty is on or before `until`."""
    actor.require(Permission.VOLUNTEER_HOURS)
    duty = _duty(session, duty_id, lock=True)
    volunteer = _volunteer(session, person_id)
    assignment = session.scalar(
        select(DutyAssignment).where(
            DutyAssignment.duty_id == duty.id, DutyAssignment.volunteer_id == volunteer.id
        )
    )
    if assignment is None:
        raise NotFound(translate("Rota", "This volunteer is not on this duty."))
    if until < assignment.since:
        raise ValidationError(
            "until", translate("Rota", "The assignment can't end before it began.")
        )
    assignment.until = until
    session.flush()
    audit.record(
        session, actor, "duty_assignment_ended", "duty", duty.id, person_id=person_id, until=until
    )


def duties(
    session: Session,
    actor: Actor,
    *,
    community_id: int | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    active_only: bool = True,
) -> list[DutyLine]:
    """Duties by community, building group, weekday and time, each with its volunteers (those
    assigned at some time from `first` to `last` when given, else those not ended)."""
    actor.require(Permission.RECEPTION)
    query = (
        select(Duty, BuildingGroup, Community)
        .outerjoin(BuildingGroup, BuildingGroup.id == Duty.building_group_id)
        .outerjoin(Community, Community.id == BuildingGroup.community_id)
        .order_by(
            Community.sort_order,
            Community.name,
            BuildingGroup.sort_order,
            BuildingGroup.name,
            Duty.weekday,
            Duty.start_time,
            Duty.name,
            Duty.id,
        )
    )
    if community_id is not None:
        query = query.where(BuildingGroup.community_id == community_id)
    if active_only:
        query = query.where(Duty.active.is_(True))
    rows = session.execute(query).all()
    people = _assigned(session, [duty.id for duty, _, _ in rows], first, last)
    return [
        DutyLine(
            duty_id=duty.id,
            name=duty.name,
            community_id=community.id if community else None,
            community=community.name if community else "",
            building_group_id=group.id if group else None,
            building_group=group.name if group else "",
            weekday=duty.weekday,
            start_time=duty.start_time,
            end_time=duty.end_time,
            place=duty.place,
            active=duty.active,
            hours=duty_hours(duty.start_time, duty.end_time),
            volunteers=tuple(people.get(duty.id, ())),
        )
        for duty, group, community in rows
    ]


def _assigned(
    session: Session, duty_ids: list[int], first: dt.date | None, last: dt.date | None
) -> dict[int, list[AssignedVolunteer]]:
    if not duty_ids:
        return {}
    query = (
        select(
            DutyAssignment.duty_id,
            DutyAssignment.since,
            DutyAssignment.until,
            Volunteer.id,
            Volunteer.double_report,
            Person.id,
            Person.name,
            Person.phone,
        )
        .join(Volunteer, Volunteer.id == DutyAssignment.volunteer_id)
        .join(Person, Person.id == Volunteer.person_id)
        .where(DutyAssignment.duty_id.in_(duty_ids))
        .order_by(DutyAssignment.since, Person.name, Person.id)
    )
    if first is not None and last is not None:
        query = query.where(
            DutyAssignment.since <= last,
            (DutyAssignment.until.is_(None)) | (DutyAssignment.until >= first),
        )
    else:
        query = query.where(DutyAssignment.until.is_(None))
    found: dict[int, list[AssignedVolunteer]] = {}
    for (
        duty_id,
        since,
        until,
        volunteer_id,
        double_report,
        person_id,
        name,
        phone,
    ) in session.execute(query):
        found.setdefault(duty_id, []).append(
            AssignedVolunteer(
                person_id=person_id,
                volunteer_id=volunteer_id,
                name=name,
                phone=mask_phone(phone),
                double_report=double_report,
                since=since,
                until=until,
            )
        )
    return found


# --- the week's turns ---------------------------------------------------------------------------


def week(
    session: Session, actor: Actor, monday: dt.date, *, community_id: int | None = None
) -> list[ShiftLine]:
    """Every turn of the week starting `monday` (any day of the week is taken as its Monday):
    the active duties' open assignments on their weekday, with how each was marked."""
    actor.require(Permission.RECEPTION)
    monday = week_start(monday)
    sunday = monday + dt.timedelta(days=6)
    lines = duties(session, actor, community_id=community_id, first=monday, last=sunday)
    turns: list[tuple[DutyLine, AssignedVolunteer, dt.date]] = []
    for line in lines:
        day = monday + dt.timedelta(days=line.weekday)
        for volunteer in line.volunteers:
            if volunteer.since <= day and (volunteer.until is None or volunteer.until >= day):
                turns.append((line, volunteer, day))
    marks = _marks(session, [line.duty_id for line in lines], monday, sunday)
    result = [
        _shift_line(line, volunteer, day, marks.get((line.duty_id, volunteer.volunteer_id, day)))
        for line, volunteer, day in turns
    ]
    result.sort(key=lambda s: (s.day, s.start_time, s.community, s.building_group, s.duty, s.name))
    return result


def _marks(
    session: Session, duty_ids: Iterable[int], first: dt.date, last: dt.date
) -> dict[tuple[int, int, dt.date], tuple[str, str]]:
    """(status, note) of each turn marked from `first` to `last`."""
    ids = list(duty_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(
            DutyShift.duty_id,
            DutyShift.volunteer_id,
            DutyShift.day,
            DutyShift.status,
            DutyShift.note,
        ).where(DutyShift.duty_id.in_(ids), DutyShift.day.between(first, last))
    )
    return {(duty, volunteer, day): (status, note) for duty, volunteer, day, status, note in rows}


def _shift_line(
    line: DutyLine, volunteer: AssignedVolunteer, day: dt.date, shift: tuple[str, str] | None
) -> ShiftLine:
    return ShiftLine(
        duty_id=line.duty_id,
        duty=line.name,
        community=line.community,
        building_group=line.building_group,
        place=line.place,
        day=day,
        start_time=line.start_time,
        end_time=line.end_time,
        hours=line.hours,
        person_id=volunteer.person_id,
        volunteer_id=volunteer.volunteer_id,
        name=volunteer.name,
        phone=volunteer.phone,
        status=TurnStatus(shift[0]) if shift else TurnStatus.DUE,
        note=shift[1] if shift else "",
    )


def mark(
    session: Session,
    actor: Actor,
    duty_id: int,
    person_id: int,
    day: dt.date,
    done: bool,
    note: str = "",
) -> ShiftLine:
    """Mark a turn done (it earns its service record) or missed (an earlier record goes)."""
    actor.require(Permission.SIGNUPS)
    duty = _duty(session, duty_id, lock=True)
    volunteer = _volunteer(session, person_id)
    today = clock.today()
    if day > today:
        raise ValidationError("day", translate("Rota", "A turn in the future can't be marked yet."))
    if day.weekday() != duty.weekday:
        raise ValidationError("day", translate("Rota", "This duty has no turn on that day."))
    if today - day > dt.timedelta(days=DESK_MARK_DAYS) and not actor.may(
        Permission.VOLUNTEER_HOURS
    ):
        raise ValidationError(
            "day",
            translate(
                "Rota", "Turns older than %1 days are marked by staff (it makes up hours)."
            ).replace("%1", str(DESK_MARK_DAYS)),
        )
    assignment = session.scalar(
        select(DutyAssignment).where(
            DutyAssignment.duty_id == duty.id,
            DutyAssignment.volunteer_id == volunteer.id,
            DutyAssignment.since <= day,
            (DutyAssignment.until.is_(None)) | (DutyAssignment.until >= day),
        )
    )
    if assignment is None:
        raise ValidationError(
            "person_id",
            translate("Rota", "%1 was not on this duty on that day.").replace(
                "%1", volunteer.person.name
            ),
        )
    note = note.strip()
    shift = session.scalar(
        select(DutyShift).where(
            DutyShift.duty_id == duty.id,
            DutyShift.volunteer_id == volunteer.id,
            DutyShift.day == day,
        )
    )
    status = DutyStatus.DONE if done else DutyStatus.MISSED
    changed = shift is None or shift.status != status.value or (note and note != shift.note)
    if shift is None:
        shift = DutyShift(duty_id=duty.id, volunteer_id=volunteer.id, day=day, status=status.value)
        session.add(shift)
    if changed:
        shift.status = status.value
        if note:
            shift.note = note
        shift.marked_by_id = actor.account_id
        shift.marked_at = clock.now()
        hours = duty_hours(duty.start_time, duty.end_time)
        if done and shift.service_record_id is None:
            record = ServiceRecord(
                volunteer_id=volunteer.id,
                day=day,
                hours=hours,
                content=duty.name[:100],
                kind=ServiceRecordKind.DUTY.value,
                created_by_id=actor.account_id,
            )
            session.add(record)
            session.flush()
            shift.service_record_id = record.id
        elif not done and shift.service_record_id is not None:
            record_id = shift.service_record_id
            shift.service_record_id = None
            session.flush()
            gone = session.get(ServiceRecord, record_id)
            if gone is not None:
                session.delete(gone)
        session.flush()
        audit.record(
            session,
            actor,
            "duty_marked",
            "duty",
            duty.id,
            person_id=person_id,
            day=day,
            status=status.value,
        )
    group = duty.building_group
    line = DutyLine(
        duty_id=duty.id,
        name=duty.name,
        community_id=group.community_id if group else None,
        community=group.community.name if group else "",
        building_group_id=group.id if group else None,
        building_group=group.name if group else "",
        weekday=duty.weekday,
        start_time=duty.start_time,
        end_time=duty.end_time,
        place=duty.place,
        active=duty.active,
        hours=duty_hours(duty.start_time, duty.end_time),
        volunteers=(),
    )
    person = volunteer.person
    assigned = AssignedVolunteer(
        person.id,
        volunteer.id,
        person.name,
        mask_phone(person.phone),
        volunteer.double_report,
        assignment.since,
        assignment.until,
    )
    return _shift_line(line, assigned, day, (shift.status, shift.note))


# --- missed streaks -----------------------------------------------------------------------------


def missing(
    session: Session,
    actor: Actor,
    *,
    weeks: int = 3,
    today: dt.date | None = None,
    community_id: int | None = None,
) -> list[MissLine]:
    """Who has not been marked done for `weeks` or more turns in a row (their turns before
    `today`), longest streak first."""
    actor.require(Permission.RECEPTION)
    if weeks < 1:
        raise ValidationError("weeks", translate("Rota", "Count at least one week."))
    today = today or clock.today()
    last = today - dt.timedelta(days=1)
    first = last - dt.timedelta(weeks=STREAK_LOOKBACK_WEEKS)
    lines = duties(session, actor, community_id=community_id, first=first, last=last)
    ids = [line.duty_id for line in lines]
    done: dict[tuple[int, int], set[dt.date]] = {}
    last_done: dict[tuple[int, int], dt.date] = {}
    if ids:
        is_done = (DutyShift.duty_id.in_(ids), DutyShift.status == DutyStatus.DONE.value)
        for duty_id, volunteer_id, day in session.execute(
            select(DutyShift.duty_id, DutyShift.volunteer_id, DutyShift.day).where(
                *is_done, DutyShift.day.between(first, last)
            )
        ):
            done.setdefault((duty_id, volunteer_id), set()).add(day)
        for duty_id, volunteer_id, day in session.execute(
            select(DutyShift.duty_id, DutyShift.volunteer_id, func.max(DutyShift.day))
            .where(*is_done)
            .group_by(DutyShift.duty_id, DutyShift.volunteer_id)
        ):
            last_done[(duty_id, volunteer_id)] = day
    result: list[MissLine] = []
    for line in lines:
        newest = last - dt.timedelta(days=(last.weekday() - line.weekday) % 7)
        for volunteer in line.volunteers:
            key = (line.duty_id, volunteer.volunteer_id)
            marked = done.get(key, set())
            count = 0
            day = newest
            if volunteer.until is not None and volunteer.until < day:
                continue  # no longer on the duty: their streak is over
            while day >= first and day >= volunteer.since and day not in marked:
                count += 1
                day -= dt.timedelta(weeks=1)
            if count >= weeks:
                result.append(
                    MissLine(
                        duty_id=line.duty_id,
                        duty=line.name,
                        building_group=line.building_group,
                        person_id=volunteer.person_id,
                        volunteer_id=volunteer.volunteer_id,
                        name=volunteer.name,
                        phone=volunteer.phone,
                        missed=count,
                        last_done=last_done.get(key),
                    )
                )
    result.sort(key=lambda m: (-m.missed, m.building_group, m.duty, m.name))
    return result


# --- helpers ------------------------------------------------------------------------------------


def _duty(session: Session, duty_id: int, *, lock: bool = False) -> Duty:
    duty = locked(session, Duty, duty_id) if lock else session.get(Duty, duty_id)
    if duty is None:
        raise NotFound(translate("Rota", "This duty no longer exists."))
    return duty


def _volunteer(session: Session, person_id: int) -> Volunteer:
    volunteer = session.scalar(select(Volunteer).where(Volunteer.person_id == person_id))
    if volunteer is None:
        name = session.scalar(select(Person.name).where(Person.id == person_id))
        if name is None:
            raise NotFound(translate("Rota", "This person no longer exists."))
        raise ValidationError(
            "person_id",
            translate("Rota", "%1 has no volunteer profile yet: add one first.").replace(
                "%1", name
            ),
        )
    return volunteer
