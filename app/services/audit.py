"""The audit log: written by the services inside the transaction of the change itself, read and
exported by admins only (`Permission.AUDIT_LOG`).

A centre's log grows by thousands of events a month, so reading it is filtered in SQL and paged
by id (newest first, `before_id` of the last row shown), never loaded whole.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Account, AuditEvent
from app.security import Actor, Permission

if TYPE_CHECKING:
    from app.db import Database
    from app.progress import Progress
    from app.services.tables import TableExport

PAGE = 200


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: int | None = None,
    **detail: Any,
) -> AuditEvent:
    event = AuditEvent(
        account_id=actor.account_id if actor else None,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)
        if detail
        else "",
    )
    session.add(event)
    return event


def apply_changes(row: object, values: Mapping[str, object]) -> dict[str, list[object]]:
    """Set `values` on the mapped `row`; what changed, as {column: [old, new]} for the log."""
    changes: dict[str, list[object]] = {}
    for key, value in values.items():
        old = getattr(row, key)
        if old != value:
            changes[key] = [old, value]
            setattr(row, key, value)
    return changes


def recent(session: Session, actor: Actor, *, limit: int = 200) -> list[AuditEvent]:
    actor.require(Permission.AUDIT_LOG)
    return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)))


def events_since(session: Session, since: dt.datetime) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.at >= since)))


@dataclass(frozen=True)
class AuditFilter:
    """Which events to show; every field optional. `first`/`last` are days, both included;
    `action` a verb as stored (`login`, `export` …; `move` finds `booking.move` too); `text`
    is looked for in the detail, the object kind and the account's names."""

    first: dt.date | None = None
    last: dt.date | None = None
    account_id: int | None = None
    action: str = ""
    entity: str = ""
    text: str = ""


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: dt.datetime
    account: str  # the account's display name; "" for the program itself or a failed login
    username: str
    action: str
    action_label: str
    entity: str
    entity_label: str
    entity_id: int | None
    description: str


def _conditions(wanted: AuditFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if wanted.first is not None:
        conditions.append(AuditEvent.at >= dt.datetime.combine(wanted.first, dt.time()))
    if wanted.last is not None:
        end = dt.datetime.combine(wanted.last + dt.timedelta(days=1), dt.time())
        conditions.append(AuditEvent.at < end)
    if wanted.account_id is not None:
        conditions.append(AuditEvent.account_id == wanted.account_id)
    if wanted.action:
        conditions.append(
            or_(AuditEvent.action == wanted.action, AuditEvent.action.endswith("." + wanted.action))
        )
    if wanted.entity:
        conditions.append(AuditEvent.entity == wanted.entity)
    text = wanted.text.strip()
    if text:
        conditions.append(
            or_(
                AuditEvent.detail.contains(text, autoescape=True),
                AuditEvent.entity.contains(text, autoescape=True),
                Account.username.contains(text, autoescape=True),
                Account.display_name.contains(text, autoescape=True),
            )
        )
    return conditions


def count(session: Session, actor: Actor, wanted: AuditFilter) -> int:
    """How many events `wanted` matches."""
    actor.require(Permission.AUDIT_LOG)
    query = (
        select(func.count())
        .select_from(AuditEvent)
        .outerjoin(Account, Account.id == AuditEvent.account_id)
        .where(*_conditions(wanted))
    )
    return int(session.scalar(query) or 0)


def search(
    session: Session,
    actor: Actor,
    wanted: AuditFilter,
    *,
    before_id: int | None = None,
    limit: int = PAGE,
) -> list[AuditLine]:
    """A page of the events `wanted` matches, newest first; the next page starts before the
    last line's id."""
    actor.require(Permission.AUDIT_LOG)
    return list(_lines(session, wanted, before_id=before_id, limit=limit))


def _lines(
    session: Session, wanted: AuditFilter, *, before_id: int | None = None, limit: int | None
) -> Iterator[AuditLine]:
    from app.services import audit_words

    conditions = _conditions(wanted)
    if before_id is not None:
        conditions.append(AuditEvent.id < before_id)
    query = (
        select(
            AuditEvent.id,
            AuditEvent.at,
            AuditEvent.action,
            AuditEvent.entity,
            AuditEvent.entity_id,
            AuditEvent.detail,
            Account.username,
            Account.display_name,
        )
        .outerjoin(Account, Account.id == AuditEvent.account_id)
        .where(*conditions)
        .order_by(AuditEvent.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    for row in session.execute(query):
        detail = audit_words.parse_detail(row.detail)
        username = row.username or str(detail.get("username", ""))
        yield AuditLine(
            row.id,
            row.at,
            row.display_name or "",
            username,
            row.action,
            audit_words.action_label(row.action),
            row.entity,
            audit_words.entity_label(row.entity),
            row.entity_id,
            audit_words.describe(row.action, row.entity, row.entity_id, detail),
        )


def headers() -> list[str]:
    return [
        translate("Audit", "Time"),
        translate("Audit", "Account"),
        translate("Audit", "User name"),
        translate("Audit", "Action"),
        translate("Audit", "Object"),
        translate("Audit", "Object no."),
        translate("Audit", "What happened"),
    ]


def export_log(
    db: Database,
    actor: Actor,
    wanted: AuditFilter,
    path: str | Path,
    *,
    progress: Progress | None = None,
) -> TableExport:
    """The events `wanted` matches, newest first, as an .xlsx workbook (admins only; any phone
    or ID number in a description masked). The export is itself recorded in the log."""
    from app.services import calls, tables

    def total(session: Session, acting: Actor) -> int:
        return count(session, acting, wanted)

    rows = calls.read(db, actor, total)

    def read(session: Session) -> Iterator[list[object]]:
        for line in _lines(session, wanted, limit=None):
            yield [
                line.at,
                line.account,
                line.username,
                line.action_label,
                line.entity_label,
                line.entity_id,
                line.description,
            ]

    table = tables.Table(
        translate("Audit", "Audit log"),
        headers(),
        read,
        tables.TableKind.PEOPLE,
        formats=("yyyy-mm-dd hh:mm:ss", None, None, None, None, None, None),
        note=_filter_note(wanted),
        total=rows,
    )
    return tables.export_table(db, actor, table, path, progress=progress)


def _filter_note(wanted: AuditFilter) -> str:
    if wanted.first is None and wanted.last is None:
        return ""
    first = wanted.first.isoformat() if wanted.first else "…"
    last = wanted.last.isoformat() if wanted.last else "…"
    return translate("Audit", "%1 to %2").replace("%1", first).replace("%2", last)
