"""Volunteers with service hours, for the certificate register's tests."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from sqlalchemy.orm import Session

from app.models import ServiceRecord, ServiceRecordKind, Volunteer
from tests.menu_data import add_person

_numbers = itertools.count(90001)


def add_volunteer(session: Session, name: str, hours: dict[dt.date, str] | None = None) -> int:
    """A volunteer with one record per day in `hours` (day → hours); the person's id."""
    person_id = add_person(session, name)
    volunteer = Volunteer(person_id=person_id, volunteer_number=f"DLZY{next(_numbers):05d}")
    session.add(volunteer)
    session.flush()
    for day, amount in (hours or {}).items():
        session.add(
            ServiceRecord(
                volunteer_id=volunteer.id,
                day=day,
                hours=Decimal(amount),
                content="垃圾分类督导",
                kind=ServiceRecordKind.DUTY.value,
            )
        )
    session.flush()
    return person_id
