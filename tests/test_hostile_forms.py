"""Every form's service entry point fed hostile input: done, or refused with a domain error and
nothing half-written (tests/hostile.py says what is checked and how to run it longer)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.choices import CertificateKind, OrganisationKind, Satisfaction
from app.db import Database
from app.models import BookingKind, Role
from app.security import Actor
from app.services import accounts, centre, communities, organisations, people, reception
from app.services.menu import catalogue, sessions, signups
from app.services.rooms import booking, setup
from app.services.volunteers import certificates, profiles, records
from tests.hostile import (
    HOSTILE,
    hostile_date,
    hostile_int,
    hostile_text,
    refused_or_done,
    short_text,
)

optional_text = st.one_of(st.none(), hostile_text)
# Ids come from the desks' lists, never typed: any id both databases can hold (PostgreSQL's
# integer columns are 32-bit), there or not.
some_id = st.one_of(
    st.sampled_from([1, 2, 3]), st.integers(min_value=-(2**31), max_value=2**31 - 1)
)


@pytest.fixture
def person_id(db: Database, admin: Actor) -> int:
    with db.write() as session:
        return people.register(session, admin, people.PersonInput(name="张三")).id


@HOSTILE
@given(
    name=hostile_text,
    gender=optional_text,
    birth_year=st.one_of(optional_text, hostile_int),
    phone=optional_text,
    id_number=optional_text,
    community_id=st.one_of(st.none(), some_id),
    group_id=st.one_of(st.none(), some_id),
    address=hostile_text,
    tags=st.lists(hostile_text, max_size=4),
    consent=st.booleans(),
    note=hostile_text,
    contact=st.booleans(),
)
def test_registering_and_editing_a_person(
    db: Database,
    desk: Actor,
    person_id: int,
    name: str,
    gender: str | None,
    birth_year: str | int | None,
    phone: str | None,
    id_number: str | None,
    community_id: int | None,
    group_id: int | None,
    address: str,
    tags: list[str],
    consent: bool,
    note: str,
    contact: bool,
) -> None:
    data = people.PersonInput(
        name=name,
        gender=gender,
        birth_year=birth_year,
        phone=phone,
        id_number=id_number,
        community_id=community_id,
        building_group_id=group_id,
        address=address,
        tags=tags,
        consent=consent,
        note=note,
        phone_for_contact=contact,
    )
    refused_or_done(db, desk, lambda session, actor: people.register(session, actor, data))
    refused_or_done(db, desk, lambda session, actor: people.update(session, actor, person_id, data))


@HOSTILE
@given(purpose=hostile_text, note=hostile_text, who=some_id, confirm=st.booleans())
def test_checking_in(
    db: Database, desk: Actor, person_id: int, purpose: str, note: str, who: int, confirm: bool
) -> None:
    def check_in(target: int) -> Any:
        return lambda session, actor: reception.check_in(
            session, actor, target, purpose, note, confirm_duplicate=confirm
        )

    for target in (person_id, who):
        refused_or_done(db, desk, check_in(target))
    refused_or_done(db, desk, lambda session, actor: reception.undo_check_in(session, actor, who))


@HOSTILE
@given(
    category=hostile_text,
    text=hostile_text,
    note=hostile_text,
    satisfaction=st.one_of(st.none(), st.sampled_from(list(Satisfaction)), hostile_text),
    who=st.one_of(st.none(), some_id),
)
def test_a_request_from_record_to_follow_up(
    db: Database,
    staff: Actor,
    person_id: int,
    category: str,
    text: str,
    note: str,
    satisfaction: str | None,
    who: int | None,
) -> None:
    recorded = refused_or_done(
        db,
        staff,
        lambda session, actor: reception.record_request(session, actor, who, category, text),
    )
    request_id = getattr(recorded, "id", who or 1)
    refused_or_done(
        db,
        staff,
        lambda session, actor: reception.resolve_request(
            session, actor, request_id, note, satisfaction=satisfaction, satisfaction_note=text
        ),
    )
    refused_or_done(
        db,
        staff,
        lambda session, actor: reception.record_follow_up(
            session, actor, request_id, satisfaction, note
        ),
    )


@HOSTILE
@given(
    name=hostile_text,
    kind=st.one_of(st.sampled_from(list(OrganisationKind)), hostile_text),
    code=hostile_text,
    contact=hostile_text,
    phone=hostile_text,
    provides=hostile_text,
)
def test_an_organisation(
    db: Database,
    admin: Actor,
    name: str,
    kind: Any,
    code: str,
    contact: str,
    phone: str,
    provides: str,
) -> None:
    data = organisations.OrganisationInput(
        name,
        kind,
        code,
        contact,
        phone,
        provides,
    )
    created = refused_or_done(
        db, admin, lambda session, actor: organisations.create_organisation(session, actor, data)
    )
    refused_or_done(
        db,
        admin,
        lambda session, actor: organisations.update_organisation(
            session, actor, getattr(created, "id", 1), data
        ),
    )


@HOSTILE
@given(community=hostile_text, group=hostile_text, renamed=hostile_text, community_id=some_id)
def test_communities_and_building_groups(
    db: Database, admin: Actor, community: str, group: str, renamed: str, community_id: int
) -> None:
    made = refused_or_done(
        db, admin, lambda session, actor: communities.add_community(session, actor, community)
    )
    target = getattr(made, "id", community_id)
    added = refused_or_done(
        db,
        admin,
        lambda session, actor: communities.add_building_group(session, actor, target, group),
    )
    refused_or_done(
        db,
        admin,
        lambda session, actor: communities.rename_community(session, actor, target, renamed),
    )
    refused_or_done(
        db,
        admin,
        lambda session, actor: communities.rename_building_group(
            session, actor, getattr(added, "id", community_id), renamed
        ),
    )


@HOSTILE
@given(
    username=hostile_text,
    display=hostile_text,
    password=hostile_text,
    role=st.one_of(st.sampled_from(list(Role)), hostile_text),
)
def test_accounts_and_passwords(
    db: Database, admin: Actor, desk: Actor, username: str, display: str, password: str, role: Any
) -> None:
    refused_or_done(
        db,
        admin,
        lambda session, actor: accounts.create_account(
            session,
            actor,
            username,
            display,
            role,
            password,
        ),
    )
    refused_or_done(
        db,
        desk,
        lambda session, actor: accounts.change_own_password(session, actor, password, password),
    )
    refused_or_done(
        db,
        admin,
        lambda session, actor: accounts.change_role(session, actor, desk.account_id, role),
    )
    refused_or_done(
        db,
        admin,
        lambda session, actor: accounts.reset_password(session, actor, desk.account_id, password),
    )


@HOSTILE
@given(
    name=hostile_text,
    address=hostile_text,
    phone=hostile_text,
    in_charge=hostile_text,
    handler=hostile_text,
    seal=st.one_of(st.none(), st.binary(max_size=200)),
)
def test_the_centre_profile(
    db: Database,
    admin: Actor,
    name: str,
    address: str,
    phone: str,
    in_charge: str,
    handler: str,
    seal: bytes | None,
) -> None:
    profile = centre.CentreProfile(name, address, phone, in_charge, handler, seal)
    refused_or_done(
        db, admin, lambda session, actor: centre.update_profile(session, actor, profile)
    )


@HOSTILE
@given(
    name=hostile_text,
    capacity=hostile_int,
    location=hostile_text,
    colour=short_text,
    title=hostile_text,
    start=st.datetimes(),
    minutes=st.integers(min_value=-10_000, max_value=100_000),
    attendees=st.one_of(st.none(), hostile_int),
)
def test_a_room_and_a_booking(
    db: Database,
    staff: Actor,
    name: str,
    capacity: int,
    location: str,
    colour: str,
    title: str,
    start: dt.datetime,
    minutes: int,
    attendees: int | None,
) -> None:
    room = refused_or_done(
        db,
        staff,
        lambda session, actor: setup.create_room(
            session, actor, setup.RoomInput(name, capacity, location, colour=colour)
        ),
    )
    data = booking.BookingInput(
        room_id=getattr(getattr(room, "room", None), "id", 1),
        title=title,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=minutes),
        kind=BookingKind.STAFF,
        expected_attendees=attendees,
        note=location,
        allow_past=True,
    )
    refused_or_done(db, staff, lambda session, actor: booking.create(session, actor, data))


@HOSTILE
@given(
    name=hostile_text,
    capacity=st.one_of(st.none(), hostile_int),
    minutes=st.one_of(st.none(), hostile_int),
    ages=st.tuples(st.one_of(st.none(), hostile_int), st.one_of(st.none(), hostile_int)),
    start=st.datetimes(),
    length=st.integers(min_value=-600, max_value=10_000),
    seats=hostile_int,
    note=hostile_text,
)
def test_an_item_a_session_and_a_signup(
    db: Database,
    admin: Actor,
    person_id: int,
    name: str,
    capacity: int | None,
    minutes: int | None,
    ages: tuple[int | None, int | None],
    start: dt.datetime,
    length: int,
    seats: int,
    note: str,
) -> None:
    with db.read() as session:
        series_id = catalogue.list_series(session, admin)[0].id
    item = refused_or_done(
        db,
        admin,
        lambda session, actor: catalogue.create_item(
            session,
            actor,
            catalogue.ItemInput(
                series_id,
                name,
                description=note,
                audience=note[:50],
                min_age=ages[0],
                max_age=ages[1],
                default_capacity=capacity,
                default_minutes=minutes,
            ),
        ),
    )
    room = refused_or_done(
        db,
        admin,
        lambda session, actor: setup.create_room(session, actor, setup.RoomInput("活动室", 30)),
    )
    data = sessions.SessionInput(
        item_id=getattr(item, "id", 1),
        room_id=getattr(getattr(room, "room", None), "id", 1),
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=length),
        capacity=seats,
        organiser=note,
        audience=name,
        note=note,
        allow_past=True,
        allow_over_capacity=True,
    )
    created = refused_or_done(
        db, admin, lambda session, actor: sessions.create_session(session, actor, data)
    )
    session_id = getattr(created, "session_id", getattr(created, "id", 1))
    refused_or_done(
        db,
        admin,
        lambda session, actor: signups.sign_up(
            session, actor, session_id, person_id, override_reason=note, note=note
        ),
    )


@HOSTILE
@given(
    day=hostile_date,
    hours=st.one_of(hostile_text, st.decimals(allow_nan=True, allow_infinity=True), st.floats()),
    content=hostile_text,
    reason=hostile_text,
    skills=hostile_text,
    reported=st.one_of(st.none(), hostile_date),
)
def test_volunteer_profile_and_make_up_hours(
    db: Database,
    staff: Actor,
    person_id: int,
    day: dt.date,
    hours: str | Decimal | float,
    content: str,
    reason: str,
    skills: str,
    reported: dt.date | None,
) -> None:
    refused_or_done(
        db,
        staff,
        lambda session, actor: profiles.enrol(
            session,
            actor,
            person_id,
            profiles.VolunteerInput(
                skills,
                skills,
                True,
                content,
                reported,
                reason,
            ),
        ),
    )
    refused_or_done(
        db,
        staff,
        lambda session, actor: records.make_up(
            session, actor, records.MakeUpInput(person_id, day, hours, content, reason)
        ),
    )


@HOSTILE
@given(
    kind=st.one_of(st.sampled_from(list(CertificateKind)), hostile_text),
    title=hostile_text,
    content=hostile_text,
    period=st.tuples(st.one_of(st.none(), hostile_date), st.one_of(st.none(), hostile_date)),
    hours=st.one_of(st.none(), st.decimals(allow_nan=True, allow_infinity=True)),
    reason=hostile_text,
    scan=hostile_text,
)
def test_issuing_revoking_and_verifying_a_certificate(
    db: Database,
    staff: Actor,
    person_id: int,
    kind: Any,
    title: str,
    content: str,
    period: tuple[dt.date | None, dt.date | None],
    hours: Decimal | None,
    reason: str,
    scan: str,
) -> None:
    data = certificates.IssueInput(
        person_id,
        kind,
        title,
        content,
        period[0],
        period[1],
        hours,
    )
    issued = refused_or_done(
        db, staff, lambda session, actor: certificates.issue(session, actor, data)
    )
    refused_or_done(
        db,
        staff,
        lambda session, actor: certificates.revoke(
            session, actor, getattr(issued, "id", 1), reason
        ),
    )
    refused_or_done(
        db, staff, lambda session, actor: certificates.verify_scan(session, actor, scan)
    )
    refused_or_done(
        db, staff, lambda session, actor: certificates.verify(session, actor, scan, reason)
    )
