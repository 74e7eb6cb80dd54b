"""The audit log: written by the services inside the transaction of the change itself."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.security import Actor, Permission


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
