"""Data retention (PIPL: keep personal data no longer than needed): the admin's period, after
which visits and requests are anonymised in place, and the review of people with no activity for
that long, who may then be removed.

The period is `Centre.visit_retention_months` (default 36, between MIN_MONTHS and MAX_MONTHS).
The cutoff is the first moment of the day that many months before today.

Anonymising, in batches of BATCH_ROWS rows (each its own short transaction, so a desk checking a
visitor in waits at most one batch, as an import does: `app.services.roster.writing`):
- a visit made before the cutoff loses its person link and its note (cleared, not masked: a note
  is free text about the visitor's business, "替张阿姨代办…", in which masking numbers still leaves
  names and circumstances, and no figure reads it); it keeps its day, purpose and the community
  copied onto it at check-in, which is all the statistics by community, day and purpose count;
- a request made before the cutoff and resolved loses its person link; its text, resolution and
  follow-up note keep what was asked and done, with phone and ID numbers masked and the
  resident's name masked where it is written out whole. Open and assigned requests are kept as
  they are, however old: someone still has to answer the resident.
Each run is audited with its counts only, never contents; the audit log's own events of the
anonymised visits and requests lose the person they named (who did what, and when, stays).

People with no activity for the period (`inactive_people`): no visit, signup (as the person or a
companion), service record, certificate, request, booking or change of their record since the
cutoff, no open request, no current rota duty. Accounts are not linked to people, so holding an
account keeps no one. Removing one (`remove_people`) unlinks and anonymises their visits and
requests, then deletes the person row when nothing else holds it. A person whose row other
records need (signups and attendance, volunteer hours, certificates, bookings) is anonymised in
place instead: phone, ID number, address, birth year, gender, notes, tags and search keys are
cleared and the record is set inactive, so it can't be found or checked in; the community and
building group stay, so the old figures stay. A certificate holder keeps the name as printed on the
certificate: the register's serial numbers stay whole and a certificate shown to a third party
still verifies (with the name masked, as verification shows it). A reprint then has no ID number.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    delete,
    func,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from app import clock
from app.db import Database, locked
from app.errors import ValidationError
from app.i18n import translate
from app.masking import mask_name, mask_numbers
from app.models import (
    ActivitySession,
    AuditEvent,
    Booking,
    BookingSeries,
    Centre,
    Certificate,
    Community,
    DutyAssignment,
    Person,
    PersonSearchKey,
    PersonTag,
    Request,
    RequestStatus,
    ServiceRecord,
    Signup,
    Visit,
    Volunteer,
)
from app.progress import Progress, quiet
from app.security import Actor, Permission
from app.services import accounts, audit, calls, centre

MIN_MONTHS = 12
MAX_MONTHS = 120
DEFAULT_MONTHS = 36
BATCH_ROWS = 2_000  # visits anonymised per transaction (~0.1 s of the write lock, measured)
# Between two batches on SQLite the write lock is left free a little longer than SQLite's busy
# handler sleeps, so a waiting check-in gets in (measured and explained in roster.writing).
SQLITE_YIELD_SECONDS = 0.11
REMOVED_NAME = "已移除"  # the name left on a removed person's record that others still need
RUN_ACTION = "retention_run"


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def cutoff(now: dt.datetime, months: int) -> dt.datetime:
    """The first moment kept: midnight of the day `months` months before `now`'s day."""
    return dt.datetime.combine(_months_before(now.date(), months), dt.time())


def months(session: Session) -> int:
    """The centre's retention period in months."""
    value = session.scalar(select(Centre.visit_retention_months))
    return int(value) if value else DEFAULT_MONTHS


def set_months(session: Session, actor: Actor, value: int) -> int:
    """Set the period (admins); between MIN_MONTHS and MAX_MONTHS."""
    actor.require(Permission.SETTINGS)
    if not MIN_MONTHS <= value <= MAX_MONTHS:
        raise ValidationError(
            "months",
            translate("Retention", "Keep the data between %1 and %2 months.")
            .replace("%1", str(MIN_MONTHS))
            .replace("%2", str(MAX_MONTHS)),
        )
    return centre.set_number(session, actor, "visit_retention_months", value, "retention")


# --- what is due ---------------------------------------------------------------------------


def _due_visits(before: dt.datetime) -> ColumnElement[bool]:
    return and_(Visit.at < before, Visit.anonymised.is_(False))


def _due_requests(before: dt.datetime) -> ColumnElement[bool]:
    return and_(
        Request.created_at < before,
        Request.status == RequestStatus.RESOLVED.value,
        Request.anonymised.is_(False),
    )


@dataclass(frozen=True)
class Preview:
    """What a run would do now."""

    months: int
    cutoff: dt.datetime
    visits: int  # visits to anonymise
    requests: int  # resolved requests to anonymise
    open_requests_kept: int  # older than the cutoff but still open: kept as they are
    inactive_people: int  # people with no activity since the cutoff


def preview(session: Session, actor: Actor, now: dt.datetime | None = None) -> Preview:
    actor.require(Permission.SETTINGS)
    period = months(session)
    before = cutoff(now or clock.now(), period)
    return Preview(
        months=period,
        cutoff=before,
        visits=session.scalar(select(func.count()).where(_due_visits(before))) or 0,
        requests=session.scalar(select(func.count()).where(_due_requests(before))) or 0,
        open_requests_kept=session.scalar(
            select(func.count()).where(
                Request.created_at < before, Request.status != RequestStatus.RESOLVED.value
            )
        )
        or 0,
        inactive_people=session.scalar(
            select(func.count()).select_from(_inactive(before).subquery())
        )
        or 0,
    )


# --- anonymising ----------------------------------------------------------------------------


@dataclass
class RunResult:
    cutoff: dt.datetime
    visits: int = 0
    requests: int = 0
    seconds: float = 0.0
    stopped: bool = False  # stopped on request between two batches; what was done stays
    dry_run: bool = False


def scrub(text: str, name: str | None) -> str:
    """`text` with phone and ID numbers masked and the person's whole name masked (张** for
    张三丰). A name of one character is left: it would mask every word holding that character."""
    cleaned = mask_numbers(text)
    if name and len(name.strip()) >= 2:
        cleaned = cleaned.replace(name.strip(), mask_name(name))
    return cleaned


def _forget_in_audit(session: Session, entity: str, ids: Sequence[int]) -> None:
    """The audit log's events of these visits or requests keep who did what and when, not whom
    it was for: their `person_id` is dropped, or the link would survive the anonymising."""
    events = session.execute(
        select(AuditEvent.id, AuditEvent.detail).where(
            AuditEvent.entity == entity,
            AuditEvent.entity_id.in_(ids),
            AuditEvent.detail.contains('"person_id"'),
        )
    ).all()
    for event_id, detail in events:
        values = json.loads(detail)
        values.pop("person_id", None)
        session.execute(
            update(AuditEvent)
            .where(AuditEvent.id == event_id)
            .values(
                detail=json.dumps(values, ensure_ascii=False, default=str, sort_keys=True)
                if values
                else ""
            )
        )


class _Resume:
    """Where the next batch starts: the moment of the last row done. Each batch reads on from
    there along the index on the moment, instead of walking past the rows done already (which
    made a run slow down as it went: quadratic over a big centre's years)."""

    def __init__(self) -> None:
        self.since: dt.datetime | None = None


def _visit_batch(session: Session, before: dt.datetime, size: int, resume: _Resume) -> int:
    query = select(Visit.id, Visit.at).where(_due_visits(before)).order_by(Visit.at).limit(size)
    if resume.since is not None:
        query = query.where(Visit.at >= resume.since)
    rows = session.execute(query).all()
    if rows:
        session.execute(
            update(Visit)
            .where(Visit.id.in_([visit_id for visit_id, _ in rows]))
            .values(person_id=None, anonymised=True, note="")
            .execution_options(synchronize_session=False)
        )
        _forget_in_audit(session, "visit", [visit_id for visit_id, _ in rows])
        resume.since = rows[-1][1]
    return len(rows)


def _request_batch(session: Session, before: dt.datetime, size: int, resume: _Resume) -> int:
    query = (
        select(Request, Person.name)
        .outerjoin(Person, Person.id == Request.person_id)
        .where(_due_requests(before))
        .order_by(Request.created_at)
        .limit(size)
    )
    if resume.since is not None:
        query = query.where(Request.created_at >= resume.since)
    rows = session.execute(query).all()
    for request, name in rows:
        _anonymise_request(request, name)
    if rows:
        _forget_in_audit(session, "request", [request.id for request, _ in rows])
        resume.since = rows[-1][0].created_at
    return len(rows)


def _anonymise_request(request: Request, name: str | None) -> None:
    request.text = scrub(request.text, name)
    request.resolution = scrub(request.resolution, name)
    request.satisfaction_note = scrub(request.satisfaction_note, name)
    request.person_id = None
    request.anonymised = True


def anonymise(
    db: Database,
    actor: Actor | None,
    *,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    batch_rows: int = BATCH_ROWS,
    dry_run: bool = False,
) -> RunResult:
    """Anonymise every visit and resolved request made before the cutoff, in batches (see the
    module's note). `actor` None: the program itself (the daily run at start). Stopping between
    two batches keeps what is done; a batch is whole or not at all."""
    progress = progress or quiet()
    began = time.monotonic()
    with db.read() as session:
        if actor is not None:
            actor = accounts.acting(session, actor)
            actor.require(Permission.SETTINGS)
        period = months(session)
        before = cutoff(now or clock.now(), period)
        due_visits = session.scalar(select(func.count()).where(_due_visits(before))) or 0
        due_requests = session.scalar(select(func.count()).where(_due_requests(before))) or 0
    result = RunResult(before, dry_run=dry_run)
    if dry_run:
        result.visits, result.requests = due_visits, due_requests
        return result
    total = due_visits + due_requests
    phrase = translate("Retention", "Anonymising old visits and requests")
    first = True
    for step in (_visit_batch, _request_batch):
        resume = _Resume()
        while True:
            progress.report(result.visits + result.requests, total, phrase)
            if not first and db.dialect == "sqlite":
                progress.pause(SQLITE_YIELD_SECONDS)  # let a waiting desk write
            first = False
            if progress.cancelled:
                result.stopped = True
                break
            with db.write() as session:
                if actor is not None:  # the account as it is now, every batch
                    accounts.acting(session, actor).require(Permission.SETTINGS)
                done = step(session, before, batch_rows, resume)
            if step is _visit_batch:
                result.visits += done
            else:
                result.requests += done
            if done < batch_rows:
                break
        if result.stopped:
            break
    result.seconds = time.monotonic() - began
    progress.report(result.visits + result.requests, total, phrase)
    if actor is None and not (result.visits or result.requests or result.stopped):
        return result  # the daily run found nothing due: nothing to write
    with db.write() as session:
        audit.record(
            session,
            actor,
            RUN_ACTION,
            "retention",
            None,
            cutoff=before.date().isoformat(),
            months=period,
            visits=result.visits,
            requests=result.requests,
            stopped=result.stopped or None,
        )
    return result


def last_run(session: Session) -> dt.datetime | None:
    return session.scalar(select(func.max(AuditEvent.at)).where(AuditEvent.action == RUN_ACTION))


def run_due(db: Database, now: dt.datetime | None = None) -> RunResult | None:
    """The daily run: anonymise what is due unless a run already happened today. For the
    program's start, after the day's backup (so the backup still holds what this run changes,
    for the days of its rotation); None when nothing was run. A run that finds nothing due
    writes nothing (not even to the audit log), so the next start looks again."""
    now = now or clock.now()
    with db.read() as session:
        if session.get(Centre, 1) is None:
            return None
        previous = last_run(session)
    if previous is not None and previous.date() >= now.date():
        return None
    return anonymise(db, None, now=now)


# --- people with no activity ----------------------------------------------------------------


def _activity(since: dt.datetime | None = None) -> Any:
    """(person_id, moment) of everything that counts as a person's activity; with `since`, only
    what happened from then on (and what is still going on: open requests, current duties)."""
    day = since.date() if since is not None else None

    def after(column: Any, *more: ColumnElement[bool]) -> list[ColumnElement[bool]]:
        return [column >= since, *more] if since is not None else list(more)

    parts: list[Any] = [
        select(Visit.person_id.label("person_id"), Visit.at.label("moment")).where(
            Visit.person_id.is_not(None), *after(Visit.at)
        ),
        select(Signup.person_id, Signup.updated_at).where(*after(Signup.updated_at)),
        select(Signup.person_id, ActivitySession.starts_at)
        .join(ActivitySession, ActivitySession.id == Signup.session_id)
        .where(*after(ActivitySession.starts_at)),
        select(Signup.companion_id, ActivitySession.starts_at)
        .join(ActivitySession, ActivitySession.id == Signup.session_id)
        .where(Signup.companion_id.is_not(None), *after(ActivitySession.starts_at)),
        select(Request.person_id, Request.updated_at).where(
            Request.person_id.is_not(None),
            *(
                [or_(Request.updated_at >= since, Request.status != RequestStatus.RESOLVED.value)]
                if since is not None
                else []
            ),
        ),
        select(Certificate.person_id, Certificate.updated_at).where(*after(Certificate.updated_at)),
        select(Booking.person_id, Booking.starts_at).where(
            Booking.person_id.is_not(None), *after(Booking.starts_at)
        ),
        select(Person.id, Person.updated_at).where(*after(Person.updated_at)),
    ]
    parts.append(
        select(Volunteer.person_id, ServiceRecord.day)
        .join(ServiceRecord, ServiceRecord.volunteer_id == Volunteer.id)
        .where(*([ServiceRecord.day >= day] if day is not None else []))
    )
    if since is not None:
        # A volunteer on a rota duty that has not ended is active, whatever the records say.
        parts.append(
            select(Volunteer.person_id, DutyAssignment.since)
            .join(DutyAssignment, DutyAssignment.volunteer_id == Volunteer.id)
            .where(or_(DutyAssignment.until.is_(None), DutyAssignment.until >= day))
        )
    return union_all(*parts)


def _inactive(before: dt.datetime) -> Select[Any]:
    recent = _activity(before).subquery()
    return select(Person.id).where(
        Person.active.is_(True),
        Person.merged_into_id.is_(None),
        Person.id.not_in(select(recent.c.person_id).where(recent.c.person_id.is_not(None))),
    )


def _quiet(session: Session, person: Person, before: dt.datetime) -> bool:
    """Whether this one person still has no activity since `before` (read per person: each part
    of the union looks the person up by its own index)."""
    if not person.active or person.merged_into_id is not None:
        return False
    recent = _activity(before).subquery()
    found = session.scalar(
        select(recent.c.person_id).where(recent.c.person_id == person.id).limit(1)
    )
    return found is None


@dataclass(frozen=True)
class InactivePerson:
    """One line of the review list: never the whole name, phone or ID number."""

    person_id: int
    masked_name: str
    community: str
    last_activity: dt.date | None
    visits: int
    requests: int
    signups: int
    certificates: int
    volunteer: bool


def inactive_people(
    session: Session, actor: Actor, now: dt.datetime | None = None, *, limit: int = 500
) -> list[InactivePerson]:
    """People with no activity since the cutoff, the longest quiet first (at most `limit`)."""
    actor.require(Permission.SETTINGS)
    before = cutoff(now or clock.now(), months(session))
    ids = list(session.scalars(_inactive(before)))
    if not ids:
        return []
    lines: list[InactivePerson] = []
    for chunk in _chunks(ids, 500):
        lines.extend(_describe(session, chunk))
    lines.sort(key=lambda line: (line.last_activity or dt.date.min, line.person_id))
    return lines[:limit]


def _chunks(values: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _counts(session: Session, column: Any, ids: Sequence[int]) -> dict[int, int]:
    return {
        person_id: count
        for person_id, count in session.execute(
            select(column, func.count()).where(column.in_(ids)).group_by(column)
        )
    }


def _describe(session: Session, ids: Sequence[int]) -> list[InactivePerson]:
    everything = _activity().subquery()
    last = {
        person_id: moment
        for person_id, moment in session.execute(
            select(everything.c.person_id, func.max(everything.c.moment))
            .where(everything.c.person_id.in_(ids))
            .group_by(everything.c.person_id)
        )
    }
    visits = _counts(session, Visit.person_id, ids)
    requests = _counts(session, Request.person_id, ids)
    signups = _counts(session, Signup.person_id, ids)
    certificates = _counts(session, Certificate.person_id, ids)
    volunteers = set(
        session.scalars(select(Volunteer.person_id).where(Volunteer.person_id.in_(ids)))
    )
    rows = session.execute(
        select(Person.id, Person.name, Community.name)
        .outerjoin(Community, Community.id == Person.community_id)
        .where(Person.id.in_(ids))
    )
    lines = []
    for person_id, name, community in rows:
        moment = last.get(person_id)
        lines.append(
            InactivePerson(
                person_id=person_id,
                masked_name=mask_name(name),
                community=community or "",
                last_activity=_as_date(moment),
                visits=visits.get(person_id, 0),
                requests=requests.get(person_id, 0),
                signups=signups.get(person_id, 0),
                certificates=certificates.get(person_id, 0),
                volunteer=person_id in volunteers,
            )
        )
    return lines


def _as_date(moment: object) -> dt.date | None:
    if isinstance(moment, dt.datetime):
        return moment.date()
    if isinstance(moment, dt.date):
        return moment
    if isinstance(moment, str) and moment:  # SQLite's max() over a union hands back text
        return dt.date.fromisoformat(moment[:10])
    return None


@dataclass(frozen=True)
class Removal:
    deleted: int  # person rows deleted
    anonymised: int  # person rows kept, emptied (others still need them)
    skipped: int  # active again since the list was made (a check-in meanwhile), or gone
    visits: int
    requests: int


def remove_people(
    session: Session, actor: Actor, person_ids: Iterable[int], now: dt.datetime | None = None
) -> Removal:
    """Remove the chosen people (see the module's note). Each is checked again inside this
    writing transaction, with their row locked: one who came in since the list was made (a desk's
    check-in, committed first) is skipped; a check-in after this commits finds no one to check in.
    Audited per person, with counts only."""
    actor.require(Permission.SETTINGS)
    before = cutoff(now or clock.now(), months(session))
    deleted = anonymised = skipped = visits = requests = 0
    chosen = sorted(set(person_ids))
    # The records merged into the chosen ones, read at once.
    merged_into: dict[int, list[Person]] = {}
    for row in session.scalars(select(Person).where(Person.merged_into_id.in_(chosen))):
        merged_into.setdefault(row.merged_into_id or 0, []).append(row)
    for person_id in chosen:
        person = locked(session, Person, person_id)
        if person is None or not _quiet(session, person, before):
            skipped += 1
            continue
        merged = merged_into.get(person_id, [])
        for row in merged:  # the same resident: removed with the record they were merged into
            row.merged_into_id = None
        session.flush()
        own_visits = own_requests = 0
        kept = False
        for row in [*merged, person]:
            v, r, kept = _remove(session, row)
            own_visits += v
            own_requests += r
        visits += own_visits
        requests += own_requests
        if kept:
            anonymised += 1
        else:
            deleted += 1
        audit.record(
            session,
            actor,
            "retention_remove",
            "person",
            person_id,
            kept_as_anonymous=kept or None,
            visits=own_visits,
            requests=own_requests,
            merged_records=len(merged) or None,
        )
    session.flush()
    return Removal(deleted, anonymised, skipped, visits, requests)


REMOVE_BATCH = 10  # people per transaction: ~0.07 s of the write lock on a 100,000-person centre


def remove_in_batches(
    db: Database,
    actor: Actor,
    person_ids: Sequence[int],
    *,
    progress: Progress | None = None,
    batch: int = REMOVE_BATCH,
) -> Removal:
    """`remove_people` a few at a time, each batch its own transaction, so a desk checking a
    visitor in waits at most one batch; stopping keeps the batches done."""
    progress = progress or quiet()
    total = Removal(0, 0, 0, 0, 0)
    phrase = translate("Retention", "Removing people")
    for number, chunk in enumerate(_chunks(list(person_ids), max(batch, 1))):
        progress.report(number * batch, len(person_ids), phrase)
        if number and db.dialect == "sqlite":
            progress.pause(SQLITE_YIELD_SECONDS)
        if progress.cancelled:
            break
        done = calls.write(db, actor, partial(remove_people, person_ids=chunk))
        total = Removal(
            total.deleted + done.deleted,
            total.anonymised + done.anonymised,
            total.skipped + done.skipped,
            total.visits + done.visits,
            total.requests + done.requests,
        )
    progress.report(len(person_ids), len(person_ids), phrase)
    return total


def _remove(session: Session, person: Person) -> tuple[int, int, bool]:
    """Unlink one person's visits and requests; delete the row, or empty it when others need
    it. (visits, requests, kept)."""
    visit_ids = list(session.scalars(select(Visit.id).where(Visit.person_id == person.id)))
    for chunk in _chunks(visit_ids, 500):
        session.execute(
            update(Visit)
            .where(Visit.id.in_(chunk))
            .values(person_id=None, anonymised=True, note="")
            .execution_options(synchronize_session=False)
        )
        _forget_in_audit(session, "visit", chunk)
    visit_count = len(visit_ids)
    own_requests = list(session.scalars(select(Request).where(Request.person_id == person.id)))
    for request in own_requests:
        _anonymise_request(request, person.name)
    if own_requests:
        _forget_in_audit(session, "request", [request.id for request in own_requests])
    # Their record's own events keep who did what and when; the old and new values go.
    session.execute(
        update(AuditEvent)
        .where(AuditEvent.entity == "person", AuditEvent.entity_id == person.id)
        .values(detail="")
    )
    session.execute(update(Booking).where(Booking.person_id == person.id).values(person_id=None))
    session.execute(
        update(BookingSeries).where(BookingSeries.person_id == person.id).values(person_id=None)
    )
    session.execute(delete(PersonTag).where(PersonTag.person_id == person.id))
    session.execute(delete(PersonSearchKey).where(PersonSearchKey.person_id == person.id))
    session.flush()
    needed = any(
        session.scalar(select(column).where(column == person.id).limit(1)) is not None
        for column in (
            Signup.person_id,
            Signup.companion_id,
            Volunteer.person_id,
            Certificate.person_id,
        )
    )
    if not needed:
        session.expire(person)
        session.execute(delete(Person).where(Person.id == person.id))
        return visit_count, len(own_requests), False
    holds_certificate = (
        session.scalar(select(Certificate.id).where(Certificate.person_id == person.id).limit(1))
        is not None
    )
    if not holds_certificate:
        person.name = REMOVED_NAME
    person.phone = None
    person.phone_reversed = None
    person.id_number = None
    person.id_tail = None
    person.address = ""
    person.birth_year = None
    person.gender = None
    person.consent = False
    person.consent_at = None
    person.note = ""
    person.active = False
    volunteer = session.scalar(select(Volunteer).where(Volunteer.person_id == person.id))
    if volunteer is not None:
        volunteer.skills = volunteer.availability = volunteer.workplace_party_org = ""
        volunteer.note = ""
        volunteer.active = False
    return visit_count, len(own_requests), True
