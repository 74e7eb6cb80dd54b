"""Communities (社区) and their building groups (楼组): add, rename, deactivate. Audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import validation
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import BuildingGroup, Community
from app.security import Actor, Permission
from app.services import audit


@dataclass(frozen=True)
class BuildingGroupRow:
    id: int
    community_id: int
    name: str
    active: bool


@dataclass(frozen=True)
class CommunityRow:
    id: int
    name: str
    active: bool
    building_groups: tuple[BuildingGroupRow, ...]


def list_communities(session: Session, *, include_inactive: bool = True) -> list[CommunityRow]:
    query = select(Community).order_by(Community.sort_order, Community.id)
    if not include_inactive:
        query = query.where(Community.active.is_(True))
    groups: dict[int, list[BuildingGroupRow]] = {}
    group_query = select(BuildingGroup).order_by(BuildingGroup.sort_order, BuildingGroup.id)
    for group in session.scalars(group_query):
        if include_inactive or group.active:
            groups.setdefault(group.community_id, []).append(
                BuildingGroupRow(group.id, group.community_id, group.name, group.active)
            )
    return [
        CommunityRow(c.id, c.name, c.active, tuple(groups.get(c.id, ())))
        for c in session.scalars(query)
    ]


def _name(value: str) -> str:
    return validation.required_text(
        "name", value, max_length=40, label=translate("Errors", "the name")
    )


def add_community(session: Session, actor: Actor, name: str) -> CommunityRow:
    actor.require(Permission.SETTINGS)
    clean = _name(name)
    if session.scalar(select(Community.id).where(Community.name == clean)) is not None:
        raise ValidationError("name", translate("Errors", "A community with this name exists."))
    order = session.scalar(select(func.coalesce(func.max(Community.sort_order), 0))) or 0
    community = Community(name=clean, sort_order=order + 1)
    session.add(community)
    session.flush()
    audit.record(session, actor, "create", "community", community.id, name=clean)
    return CommunityRow(community.id, clean, True, ())


def _community(session: Session, community_id: int) -> Community:
    community = session.get(Community, community_id)
    if community is None:
        raise NotFound(translate("Errors", "This community no longer exists."))
    return community


def _group(session: Session, group_id: int) -> BuildingGroup:
    group = session.get(BuildingGroup, group_id)
    if group is None:
        raise NotFound(translate("Errors", "This building group no longer exists."))
    return group


def rename_community(session: Session, actor: Actor, community_id: int, name: str) -> None:
    actor.require(Permission.SETTINGS)
    community = _community(session, community_id)
    clean = _name(name)
    clash = session.scalar(
        select(Community.id).where(Community.name == clean, Community.id != community_id)
    )
    if clash is not None:
        raise ValidationError("name", translate("Errors", "A community with this name exists."))
    audit.record(session, actor, "update", "community", community.id, name=[community.name, clean])
    community.name = clean


def set_community_active(session: Session, actor: Actor, community_id: int, active: bool) -> None:
    actor.require(Permission.SETTINGS)
    community = _community(session, community_id)
    community.active = active
    audit.record(session, actor, "enable" if active else "disable", "community", community.id)


def add_building_group(
    session: Session, actor: Actor, community_id: int, name: str
) -> BuildingGroupRow:
    actor.require(Permission.SETTINGS)
    _community(session, community_id)
    clean = _name(name)
    clash = session.scalar(
        select(BuildingGroup.id).where(
            BuildingGroup.community_id == community_id, BuildingGroup.name == clean
        )
    )
    if clash is not None:
        raise ValidationError(
            "name", translate("Errors", "This community already has a building group of this name.")
        )
    order = (
        session.scalar(
            select(func.coalesce(func.max(BuildingGroup.sort_order), 0)).where(
                BuildingGroup.community_id == community_id
            )
        )
        or 0
    )
    group = BuildingGroup(community_id=community_id, name=clean, sort_order=order + 1)
    session.add(group)
    session.flush()
    audit.record(session, actor, "create", "building_group", group.id, name=clean)
    return BuildingGroupRow(group.id, community_id, clean, True)


def rename_building_group(session: Session, actor: Actor, group_id: int, name: str) -> None:
    actor.require(Permission.SETTINGS)
    group = _group(session, group_id)
    clean = _name(name)
    clash = session.scalar(
        select(BuildingGroup.id).where(
            BuildingGroup.community_id == group.community_id,
            BuildingGroup.name == clean,
            BuildingGroup.id != group_id,
        )
    )
    if clash is not None:
        raise ValidationError(
            "name", translate("Errors", "This community already has a building group of this name.")
        )
    audit.record(session, actor, "update", "building_group", group.id, name=[group.name, clean])
    group.name = clean


def set_building_group_active(session: Session, actor: Actor, group_id: int, active: bool) -> None:
    actor.require(Permission.SETTINGS)
    group = _group(session, group_id)
    group.active = active
    audit.record(session, actor, "enable" if active else "disable", "building_group", group.id)
