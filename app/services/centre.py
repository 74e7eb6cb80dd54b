"""The centre's profile (printed on every header and certificate) and the first-run setup."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import people_fields, validation
from app.errors import ConflictError, ValidationError
from app.i18n import translate
from app.models import Centre
from app.security import Actor, Permission
from app.services import accounts, audit

MAX_SEAL_BYTES = 2 * 1024 * 1024
# The idle lock: from a minute (a desk in a busy hall) to four hours (a back office).
IDLE_LOCK_RANGE = (1, 240)
DEFAULT_IDLE_LOCK_MINUTES = 15


@dataclass(frozen=True)
class CentreProfile:
    name: str
    address: str
    phone: str
    person_in_charge: str
    handler: str
    seal_image: bytes | None = None


def get_profile(session: Session) -> CentreProfile | None:
    centre = session.get(Centre, 1)
    if centre is None:
        return None
    return CentreProfile(
        centre.name,
        centre.address,
        centre.phone,
        centre.person_in_charge,
        centre.handler,
        centre.seal_image,
    )


def needs_setup(session: Session) -> bool:
    """True on an empty database: no centre profile or no account yet."""
    return session.get(Centre, 1) is None or not accounts.has_accounts(session)


def _clean(profile: CentreProfile) -> CentreProfile:
    name = validation.required_text(
        "name", profile.name, max_length=100, label=translate("Errors", "the centre's name")
    )
    address = validation.optional_text(
        "address", profile.address, max_length=200, label=translate("Errors", "the address")
    )
    # The same rule as a person's phone: full-width digits, spaces and dashes are fine.
    phone = people_fields.phone(profile.phone) or ""
    in_charge = validation.optional_text(
        "person_in_charge",
        profile.person_in_charge,
        max_length=40,
        label=translate("Errors", "the person in charge"),
    )
    handler = validation.optional_text(
        "handler", profile.handler, max_length=40, label=translate("Errors", "the handler")
    )
    seal = profile.seal_image
    if seal is not None:
        if len(seal) > MAX_SEAL_BYTES:
            raise ValidationError(
                "seal_image", translate("Errors", "The seal image may be at most 2 MB.")
            )
        if not (seal.startswith(b"\x89PNG\r\n\x1a\n") or seal.startswith(b"\xff\xd8\xff")):
            raise ValidationError(
                "seal_image", translate("Errors", "The seal image must be a PNG or JPEG file.")
            )
    return CentreProfile(name, address, phone, in_charge, handler, seal)


def set_up(
    session: Session,
    profile: CentreProfile,
    admin_username: str,
    admin_display_name: str,
    admin_password: str,
) -> Actor:
    """First run: the centre's profile and the first admin account, in one transaction."""
    if not needs_setup(session):
        raise ConflictError(translate("Errors", "This centre is already set up."))
    clean = _clean(profile)
    actor = accounts.create_first_admin(session, admin_username, admin_display_name, admin_password)
    session.add(Centre(id=1, **_columns(clean)))
    audit.record(session, actor, "create", "centre", 1, name=clean.name)
    return actor


def update_profile(session: Session, actor: Actor, profile: CentreProfile) -> CentreProfile:
    actor.require(Permission.SETTINGS)
    clean = _clean(profile)
    centre = session.get(Centre, 1)
    if centre is None:
        centre = Centre(id=1)
        session.add(centre)
    for key, value in _columns(clean).items():
        setattr(centre, key, value)
    audit.record(session, actor, "update", "centre", 1, name=clean.name)
    return clean


def _columns(profile: CentreProfile) -> dict[str, object]:
    return {
        "name": profile.name,
        "address": profile.address,
        "phone": profile.phone,
        "person_in_charge": profile.person_in_charge,
        "handler": profile.handler,
        "seal_image": profile.seal_image,
    }


def idle_lock_minutes(session: Session) -> int:
    """Minutes without use after which every desk locks itself; every account may read it (the
    desks need it, and others see it on the lock screen), only an admin may change it."""
    value = session.scalar(select(Centre.idle_lock_minutes).where(Centre.id == 1))
    return int(value) if value else DEFAULT_IDLE_LOCK_MINUTES


def set_idle_lock_minutes(session: Session, actor: Actor, minutes: int | str) -> int:
    """The admin's idle period for every desk of the centre; ValidationError outside 1–240."""
    actor.require(Permission.SETTINGS)
    low, high = IDLE_LOCK_RANGE
    try:
        value = int(str(minutes).strip())
    except ValueError:
        value = 0
    if not low <= value <= high:
        raise ValidationError(
            "idle_lock_minutes",
            translate("Errors", "Please give a number of minutes from %1 to %2.")
            .replace("%1", str(low))
            .replace("%2", str(high)),
        )
    return set_number(session, actor, "idle_lock_minutes", value, "settings")


def set_number(session: Session, actor: Actor, column: str, value: int, entity: str) -> int:
    """Set one of the centre's numbers (already checked) and log the change as
    {column: [old, new]} under `entity`; nothing is logged when the value stays."""
    centre = session.get(Centre, 1)
    if centre is None:
        raise ConflictError(translate("Errors", "The centre is not set up yet."))
    old = getattr(centre, column)
    if old != value:
        setattr(centre, column, value)
        audit.record(session, actor, "update", entity, None, **{column: [old, value]})
    return value
