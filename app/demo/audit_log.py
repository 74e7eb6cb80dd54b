"""The demo centre's audit log (操作日志): what its accounts would have left over the past weeks.

Derived from the rows already written, so the log tells the same story as the desks: the morning
logins of each open day, the certificates issued, reprinted and revoked, the make-up hours with
their reasons, a few people's details changed, one morning's run of wrong passwords that locked
the desk account until the admin unlocked it, and an export. Events carry the detail the services
write (`app.services.audit`), so Settings → 操作日志 reads them in words.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from app.choices import ServiceRecordKind
from app.models import AuditEvent, Certificate, Person, ServiceRecord, Volunteer

if TYPE_CHECKING:
    from app.demo.writer import Writer

WEEKS = 4  # the logins of the last four weeks
CHANGED_FIELDS = (["phone"], ["address"], ["building_group_id", "address"], ["note"], ["tags"])


class _Log:
    def __init__(self, writer: Writer) -> None:
        self.w = writer
        self.rows: list[dict[str, Any]] = []

    def add(
        self,
        at: dt.datetime,
        account: int | None,
        action: str,
        entity: str,
        entity_id: int | None = None,
        **detail: Any,
    ) -> None:
        if at > self.w.now:
            return
        self.rows.append(
            {
                "at": at,
                "account_id": account,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)
                if detail
                else "",
            }
        )


def write(w: Writer, rng: random.Random) -> None:
    """Append the log; `rng` is the log's own, so every other row stays as it was."""
    log = _Log(w)
    _logins(w, log, rng)
    _certificates(w, log)
    _make_ups(w, log)
    _people_changed(w, log, rng)
    _export(w, log)
    log.rows.sort(key=lambda row: row["at"])
    if log.rows:
        w.conn.execute(insert(AuditEvent), log.rows)


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _logins(w: Writer, log: _Log, rng: random.Random) -> None:
    assert w.calendar is not None
    locked_day = w._day(-rng.randint(3, 9))
    for offset in range(-WEEKS * 7 + 1, 1):
        day = w._day(offset)
        if w.calendar.status(day).closed:
            continue
        if day == locked_day:
            _locked_morning(w, log, day)
        else:
            log.add(_at(day, 8, rng.randint(20, 35)), w.desk_id, "login", "account", w.desk_id)
        log.add(_at(day, 8, rng.randint(40, 59)), w.staff_id, "login", "account", w.staff_id)
        if day.weekday() in (0, 3) or offset == 0:
            log.add(_at(day, 9, rng.randint(0, 30)), w.admin_id, "login", "account", w.admin_id)
        if day.weekday() < 5 and rng.random() < 0.3:  # the afternoon volunteer's shift
            log.add(_at(day, 13, rng.randint(25, 40)), w.desk_id, "login", "account", w.desk_id)


def _locked_morning(w: Writer, log: _Log, day: dt.date) -> None:
    """Five wrong passwords in a row lock the desk account; the admin unlocks it."""
    start = _at(day, 8, 24)
    for attempt in range(1, 6):
        log.add(
            start + dt.timedelta(seconds=25 * attempt),
            None,
            "login_failed",
            "account",
            w.desk_id,
            username="desk",
            attempt=attempt,
        )
    until = start + dt.timedelta(seconds=125, minutes=15)
    log.add(
        start + dt.timedelta(seconds=126),
        None,
        "lock",
        "account",
        w.desk_id,
        username="desk",
        until=until.isoformat(sep=" "),
    )
    log.add(_at(day, 8, 52), w.admin_id, "login", "account", w.admin_id)
    log.add(_at(day, 8, 53), w.admin_id, "unlock", "account", w.desk_id, username="desk")
    log.add(_at(day, 8, 55), w.desk_id, "login", "account", w.desk_id)


def _certificates(w: Writer, log: _Log) -> None:
    for row in w.conn.execute(select(Certificate).order_by(Certificate.id)).mappings():
        log.add(
            row["created_at"],
            row["issued_by_id"],
            "issue",
            "certificate",
            row["id"],
            serial=row["serial"],
            person_id=row["person_id"],
            kind=row["kind"],
            title=row["title"],
            hours=row["hours"],
        )
        if row["reprints"]:
            log.add(
                row["updated_at"],
                w.staff_id,
                "reprint",
                "certificate",
                row["id"],
                serial=row["serial"],
                reprints=row["reprints"],
            )
        if row["revoked_at"] is not None:
            log.add(
                row["revoked_at"],
                row["revoked_by_id"],
                "revoke",
                "certificate",
                row["id"],
                serial=row["serial"],
                reason=row["revoked_reason"],
            )


def _make_ups(w: Writer, log: _Log) -> None:
    query = (
        select(ServiceRecord, Volunteer.person_id)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .where(ServiceRecord.kind == ServiceRecordKind.MAKE_UP.value)
        .order_by(ServiceRecord.id)
    )
    for row in w.conn.execute(query).mappings():
        day: dt.date = row["day"]
        log.add(
            min(w.now, _at(day + dt.timedelta(days=1), 10, 5)),
            w.staff_id,
            "service_record.make_up",
            "service_record",
            row["id"],
            kind=ServiceRecordKind.MAKE_UP.value,
            person_id=row["person_id"],
            volunteer_id=row["volunteer_id"],
            day=day.isoformat(),
            hours=str(row["hours"]),
            content=row["content"],
            reason=row["reason"],
        )


def _people_changed(w: Writer, log: _Log, rng: random.Random) -> None:
    people = list(w.conn.scalars(select(Person.id).order_by(Person.id).limit(400)))
    for person in rng.sample(people, min(8, len(people))):
        day = w._day(-rng.randint(0, WEEKS * 7 - 1))
        log.add(
            _at(day, rng.randint(9, 16), rng.randint(0, 59)),
            rng.choice((w.desk_id, w.desk_id, w.staff_id)),
            "update",
            "person",
            person,
            fields=rng.choice(CHANGED_FIELDS),
        )


def _export(w: Writer, log: _Log) -> None:
    day = w._day(-2)
    log.add(
        _at(day, 16, 40),
        w.admin_id,
        "export",
        "table",
        None,
        title="志愿者",
        kind="people",
        rows=len(w.volunteer_of),
        format="xlsx",
        full=False,
        file="志愿者.xlsx",
    )
