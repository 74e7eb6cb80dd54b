"""The short lists the booking editor chooses from: the organisations that may book a room."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.choices import OrganisationKind
from app.models import Organisation
from app.security import Actor, Permission


@dataclass(frozen=True)
class OrganisationChoice:
    id: int
    name: str
    kind: OrganisationKind
    contact_name: str


def organisations(
    session: Session, actor: Actor, *, councils_only: bool = False
) -> list[OrganisationChoice]:
    """Active organisations by name (the councils of the 1+7+49 platform only, when asked)."""
    actor.require(Permission.RECEPTION)  # a desk volunteer may request a booking for one
    query = select(Organisation).where(Organisation.active.is_(True)).order_by(Organisation.name)
    if councils_only:
        query = query.where(Organisation.kind == OrganisationKind.COUNCIL.value)
    return [
        OrganisationChoice(row.id, row.name, OrganisationKind(row.kind), row.contact_name)
        for row in session.scalars(query)
    ]
