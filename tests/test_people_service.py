"""Registering, editing, reading and merging people: what is written, and what is refused."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from app import counters, people_fields
from app.db import Database
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models import (
    ActivitySession,
    AuditEvent,
    Certificate,
    Gender,
    Person,
    PersonSearchKey,
    PersonTag,
    Purpose,
    Request,
    ServiceItem,
    ServiceRecord,
    Signup,
    Tag,
    Visit,
    Volunteer,
)
from app.people_fields import ConsentNeeded
from app.security import Actor, Role
from app.services import communities, people
from app.services.people import DuplicatePerson, PersonInput

T0 = dt.datetime(2026, 3, 4, 9, 0)


def _id(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")


ID_1956 = _id("31010119560312001")  # a man born in 1956
ID_1962 = _id("31011519620701002")  # a woman born in 1962


@pytest.fixture
def place(db: Database, admin: Actor) -> dict[str, int]:
    """Two communities with a building group each."""
    with db.write() as session:
        peach = communities.add_community(session, admin, "桃园社区")
        willow = communities.add_community(session, admin, "柳岸社区")
        peach_1 = communities.add_building_group(session, admin, peach.id, "1号楼组")
        willow_1 = communities.add_building_group(session, admin, willow.id, "1号楼组")
    return {"peach": peach.id, "willow": willow.id, "peach_1": peach_1.id, "willow_1": willow_1.id}


def _zhang(place: dict[str, int], **changes: object) -> PersonInput:
    data: dict[str, object] = {
        "name": "张三",
        "gender": "M",
        "birth_year": 1956,
        "phone": "138 1234 5678",
        "id_number": ID_1956,
        "community_id": place["peach"],
        "building_group_id": place["peach_1"],
        "address": "桃园路1弄2号301室",
        "tags": ["党员", "志愿者"],
        "consent": True,
    }
    data.update(changes)
    return PersonInput(**data)  # type: ignore[arg-type]


def _counts(session: Session) -> dict[str, int]:
    return {
        model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
        for model in (Person, PersonSearchKey, PersonTag, Tag, AuditEvent, Visit)
    }


def _audit(session: Session, action: str) -> list[AuditEvent]:
    return list(
        session.scalars(
            select(AuditEvent).where(AuditEvent.action == action, AuditEvent.entity == "person")
        )
    )


# --- register ------------------------------------------------------------------------------


def test_register_writes_the_person_search_keys_and_audit(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        row = people.register(session, desk, _zhang(place))
    assert row.member_code == "YL000001"
    # A desk volunteer gets the numbers back masked only (staff and admins whole).
    assert row.phone is None and row.phone_masked == "138****5678"
    assert row.id_number is None
    assert row.id_masked == ID_1956[:4] + "**********" + ID_1956[-4:]
    assert row.community == "桃园社区" and row.building_group == "1号楼组"
    assert row.tags == ("党员", "志愿者")
    with db.write() as session:
        person = session.get(Person, row.id)
        assert person is not None
        assert person.phone_reversed == "87654321831"
        assert person.id_tail == ID_1956[-4:]
        assert person.consent and person.consent_at is not None
        keys = {(k.kind, k.key) for k in person.search_keys}
        assert keys == {("initials", "zs"), ("pinyin", "zhangsan"), ("sort", "zhang san")}
        [event] = _audit(session, "create")
        assert event.entity_id == row.id and event.account_id == desk.account_id
        assert "13812345678" not in event.detail and ID_1956 not in event.detail


def test_member_codes_follow_the_counter(db: Database, desk: Actor, place: dict[str, int]) -> None:
    with db.write() as session:
        session.add(Person(member_code="YL000041", name="旧档案"))
        counters.raise_to(session, counters.MEMBER_CODE, 41)  # as an older release left it
    with db.write() as session:
        first = people.register(session, desk, PersonInput(name="李四"))
        second = people.register(session, desk, PersonInput(name="王五"))
    assert (first.member_code, second.member_code) == ("YL000042", "YL000043")


def test_birth_year_and_gender_come_from_the_id_number(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        row = people.register(
            session, desk, _zhang(place, gender=None, birth_year=None, id_number=ID_1962.lower())
        )
    assert (row.birth_year, row.gender) == (1962, Gender.FEMALE)


def test_a_birth_year_against_the_id_number_is_refused(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        people.register(session, desk, _zhang(place, birth_year=1957))
    assert caught.value.field == "birth_year"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"phone": "9999"}, "phone"),
        ({"id_number": ID_1956[:-1] + ("0" if ID_1956[-1] != "0" else "1")}, "id_number"),
        ({"name": "'; DROP TABLE person;--"}, "name"),
        ({"gender": "X"}, "gender"),
        ({"birth_year": "1800", "id_number": None}, "birth_year"),
        ({"community_id": 999}, "community_id"),
        ({"building_group_id": 999}, "building_group_id"),
        ({"address": "路" * 201}, "address"),
        ({"tags": ["标签" * 11]}, "tags"),
    ],
)
def test_bad_fields_are_named_and_nothing_is_written(
    db: Database, desk: Actor, place: dict[str, int], changes: dict[str, object], field: str
) -> None:
    with db.write() as session:
        before = _counts(session)
    with pytest.raises(ValidationError) as caught, db.write() as session:
        people.register(session, desk, _zhang(place, **changes))
    assert caught.value.field == field
    with db.write() as session:
        assert _counts(session) == before


def test_a_building_group_of_another_community_is_refused(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        people.register(session, desk, _zhang(place, building_group_id=place["willow_1"]))
    assert caught.value.field == "building_group_id"


def test_a_building_group_alone_gives_its_community(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        row = people.register(
            session, desk, _zhang(place, community_id=None, building_group_id=place["willow_1"])
        )
    assert row.community_id == place["willow"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "张三丰", "id_number": None, "phone": "13812345678"}, "phone"),
        ({"name": "张三丰", "id_number": None, "phone": "+86 138-1234-5678"}, "phone"),
        ({"name": "张三丰", "phone": None, "id_number": ID_1956.lower()}, "id_number"),
    ],
)
def test_a_phone_or_id_on_file_offers_the_person_and_writes_nothing(
    db: Database, desk: Actor, place: dict[str, int], changes: dict[str, object], field: str
) -> None:
    with db.write() as session:
        first = people.register(session, desk, _zhang(place))
        before = _counts(session)
    with pytest.raises(DuplicatePerson) as caught, db.write() as session:
        people.register(session, desk, _zhang(place, **changes))
    assert caught.value.person_id == first.id
    assert caught.value.field == field
    assert isinstance(caught.value, ConflictError)
    with db.write() as session:
        assert _counts(session) == before


def test_a_family_may_share_a_phone_but_never_an_id(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        people.register(session, desk, _zhang(place))
        wife = people.register(
            session,
            desk,
            _zhang(place, name="李梅", id_number=ID_1962, gender="F", birth_year=None),
            allow_shared_phone=True,
        )
    assert wife.phone_masked == "138****5678"
    with db.read() as session:
        assert session.get(Person, wife.id).phone == "13812345678"  # type: ignore[union-attr]
    with pytest.raises(DuplicatePerson), db.write() as session:
        people.register(session, desk, _zhang(place, name="李梅"), allow_shared_phone=True)


# --- update and get ------------------------------------------------------------------------


def test_update_renames_refreshes_keys_and_audits_field_names(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        row = people.register(session, desk, _zhang(place))
    with db.write() as session:
        updated = people.update(
            session, desk, row.id, _zhang(place, name="单雄信", phone="021-57681234", tags=["党员"])
        )
    assert updated.name == "单雄信" and updated.phone_masked == "021-****1234"
    assert updated.member_code == row.member_code
    with db.write() as session:
        keys = set(
            session.scalars(select(PersonSearchKey.key).where(PersonSearchKey.person_id == row.id))
        )
        assert {"sxx", "dxx", "shanxiongxin"} <= keys and "zs" not in keys
        [event] = _audit(session, "update")
        detail = json.loads(event.detail)
        assert set(detail["fields"]) == {"name", "phone", "tags"}
        assert "57681234" not in event.detail


def test_update_refuses_another_persons_phone(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        zhang = people.register(session, desk, _zhang(place))
        li = people.register(
            session, desk, PersonInput(name="李四", phone="13900001111", phone_for_contact=True)
        )
    with pytest.raises(DuplicatePerson) as caught, db.write() as session:
        people.update(
            session, desk, li.id, PersonInput(name="李四", phone="13812345678", consent=True)
        )
    assert caught.value.person_id == zhang.id
    with db.write() as session:  # keeping one's own phone is no duplicate
        people.update(session, desk, zhang.id, _zhang(place, address="新地址"))


def test_get_shows_the_history(db: Database, desk: Actor, place: dict[str, int]) -> None:
    with db.write() as session:
        row = people.register(session, desk, _zhang(place))
        ids = _history(session, row.id)
    with db.read() as session:
        detail = people.get(session, desk, row.id)
    # A record holds the masked numbers only; the editor reads them whole.
    assert detail.person.phone is None and detail.person.id_number is None
    assert detail.person.phone_masked == "138****5678"
    assert detail.person.id_masked == ID_1956[:4] + "*" * 10 + ID_1956[-4:]
    assert [v.purpose for v in detail.visits] == [Purpose.ACTIVITY, Purpose.GOVERNMENT]
    assert [(s.series, s.item, s.attended) for s in detail.signups] == [
        ("文化友邻", "书法班", True)
    ]
    assert detail.service_hours == Decimal("2.5")
    assert [c.serial for c in detail.certificates] == ["东邻志证〔2026〕第0001号"]
    assert [r.id for r in detail.requests] == [ids["request"]]


def _history(session: Session, person_id: int) -> dict[str, int]:
    item = ServiceItem(series_id=4, name="书法班")
    session.add(item)
    session.flush()
    activity = ActivitySession(
        item_id=item.id, starts_at=T0, ends_at=T0 + dt.timedelta(hours=2), capacity=10
    )
    volunteer = Volunteer(person_id=person_id, volunteer_number=f"V{person_id:04d}")
    request = Request(person_id=person_id, category="设施报修", text="楼道灯坏了")
    session.add_all([activity, volunteer, request])
    session.flush()
    session.add_all(
        [
            Visit(person_id=person_id, at=T0, purpose=Purpose.GOVERNMENT.value),
            Visit(
                person_id=person_id, at=T0 + dt.timedelta(days=1), purpose=Purpose.ACTIVITY.value
            ),
            Signup(session_id=activity.id, person_id=person_id, attended=True, attended_at=T0),
            ServiceRecord(
                volunteer_id=volunteer.id,
                session_id=activity.id,
                day=T0.date(),
                hours=Decimal("2.5"),
                content="书法班助教",
            ),
            Certificate(
                kind="service_record",
                year=2026,
                sequence=1,
                serial="东邻志证〔2026〕第0001号",
                verification_code="ABCD1234",
                person_id=person_id,
                title="志愿服务记录证明",
                issued_on=T0.date(),
            ),
        ]
    )
    session.flush()
    return {"session": activity.id, "volunteer": volunteer.id, "request": request.id}


# --- merge ---------------------------------------------------------------------------------


def test_merge_moves_the_history_to_the_kept_record(
    db: Database, staff: Actor, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        keep = people.register(session, desk, _zhang(place, id_number=None, tags=["党员"]))
        drop = people.register(
            session,
            desk,
            PersonInput(
                name="张三",
                phone="13900001111",
                id_number=ID_1956,
                tags=["睦邻达人"],
                consent=True,
            ),
        )
        ids = _history(session, drop.id)
        # Both signed up for the same session: one signup stays, attended.
        session.add(
            Signup(
                session_id=ids["session"],
                person_id=keep.id,
                status="waitlisted",
                waitlist_position=1,
            )
        )
    with db.write() as session:
        merged = people.merge(session, staff, keep.id, drop.id)
    assert merged.id_masked == people_fields.mask_id(ID_1956)  # the kept record had none
    assert merged.phone_masked == "138****5678"  # the kept record's own stays
    assert set(merged.tags) == {"党员", "睦邻达人"}
    with db.write() as session:
        detail = people.get(session, staff, keep.id)
        assert len(detail.visits) == 2
        [signup] = detail.signups
        assert signup.status.value == "signed_up" and signup.attended
        assert detail.service_hours == Decimal("2.5")
        assert len(detail.certificates) == 1 and len(detail.requests) == 1
        dropped = session.get(Person, drop.id)
        assert dropped is not None
        assert not dropped.active and dropped.merged_into_id == keep.id
        assert dropped.id_number is None and dropped.search_keys == [] and dropped.tags == []
        volunteer = session.scalar(select(Volunteer).where(Volunteer.person_id == keep.id))
        assert volunteer is not None and volunteer.id == ids["volunteer"]
        [event] = _audit(session, "merge")
        assert event.entity_id == keep.id and event.account_id == staff.account_id
        assert json.loads(event.detail)["dropped"] == drop.id


def test_merge_keeps_one_service_record_per_session(
    db: Database, staff: Actor, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        keep = people.register(session, desk, PersonInput(name="王五"))
        drop = people.register(session, desk, PersonInput(name="王五"))
        ids = _history(session, drop.id)
        kept_volunteer = Volunteer(person_id=keep.id, volunteer_number="V9999")
        session.add(kept_volunteer)
        session.flush()
        session.add(
            ServiceRecord(
                volunteer_id=kept_volunteer.id,
                session_id=ids["session"],
                day=T0.date(),
                hours=Decimal("2.5"),
                content="书法班助教",
            )
        )
    with db.write() as session:
        people.merge(session, staff, keep.id, drop.id)
    with db.write() as session:
        assert people.get(session, staff, keep.id).service_hours == Decimal("2.5")
        old = session.get(Volunteer, ids["volunteer"])
        assert old is not None and not old.active


def test_a_dropped_record_points_duplicates_to_the_kept_one(
    db: Database, staff: Actor, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        keep = people.register(session, desk, PersonInput(name="赵六"))
        drop = people.register(
            session, desk, PersonInput(name="赵六", id_number=ID_1962, consent=True)
        )
        people.merge(session, staff, keep.id, drop.id)
    with pytest.raises(DuplicatePerson) as caught, db.write() as session:
        people.register(session, desk, PersonInput(name="赵六", id_number=ID_1962))
    assert caught.value.person_id == keep.id


def test_merge_refuses_two_id_numbers_and_one_record(
    db: Database, staff: Actor, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        a = people.register(session, desk, PersonInput("甲", id_number=ID_1956, consent=True))
        b = people.register(session, desk, PersonInput("乙", id_number=ID_1962, consent=True))
    with pytest.raises(ConflictError), db.write() as session:
        people.merge(session, staff, a.id, b.id)
    with pytest.raises(ValidationError), db.write() as session:
        people.merge(session, staff, a.id, a.id)


def test_a_merged_record_can_no_longer_be_edited(
    db: Database, staff: Actor, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        keep = people.register(session, desk, PersonInput(name="孙七"))
        drop = people.register(session, desk, PersonInput(name="孙七"))
        people.merge(session, staff, keep.id, drop.id)
    with pytest.raises(ConflictError), db.write() as session:
        people.update(session, desk, drop.id, PersonInput(name="孙七"))


# --- permissions ---------------------------------------------------------------------------


def test_a_desk_volunteer_registers_and_edits_but_may_not_merge(
    db: Database, desk: Actor, admin: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        a = people.register(session, desk, PersonInput(name="周八"))
        b = people.register(session, desk, PersonInput(name="周八"))
        people.update(session, desk, a.id, PersonInput("周八", birth_year=1950, consent=True))
        before = _counts(session)
    with pytest.raises(PermissionDenied), db.write() as session:
        people.merge(session, desk, a.id, b.id)
    with db.write() as session:
        assert _counts(session) == before
        dropped = session.get(Person, b.id)
        assert dropped is not None and dropped.active
        people.merge(session, admin, a.id, b.id)  # admins may


# --- consent (PIPL: the least that serves) -------------------------------------------------


def _visitor(place: dict[str, int], name: str) -> PersonInput:
    """All a record keeps without consent: name, place, and a phone for contacting them."""
    return PersonInput(
        name,
        phone="13812345678",
        community_id=place["peach"],
        building_group_id=place["peach_1"],
        phone_for_contact=True,
    )


def test_without_consent_a_record_keeps_name_place_and_a_contact_phone(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        row = people.register(session, desk, _visitor(place, "王小红"))
    with db.read() as session:
        person = session.get(Person, row.id)
        assert person is not None and not person.consent and person.consent_at is None
        assert (person.name, person.phone) == ("王小红", "13812345678")
        assert (person.gender, person.birth_year, person.id_number) == (None, None, None)
        [event] = _audit(session, "create")
        assert json.loads(event.detail)["phone_for_contact"] is True


def test_without_consent_a_phone_needs_the_contact_tick_and_nothing_is_written(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.read() as session:
        before = _counts(session)
    with pytest.raises(ConsentNeeded) as caught, db.write() as session:
        people.register(session, desk, PersonInput("王小红", phone="13812345678"))
    assert caught.value.field == "phone" and "电话仅用于联系本人" in caught.value.message
    with db.read() as session:
        assert _counts(session) == before


def test_without_consent_an_id_number_and_the_details_are_refused_each_by_name(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.read() as session:
        before = _counts(session)
    with pytest.raises(ConsentNeeded) as caught, db.write() as session:
        people.register(session, desk, _zhang(place, consent=False, phone_for_contact=True))
    # Every field that needs consent is named, the ID number with its own sentence.
    assert [p.field for p in caught.value.problems] == [
        "gender",
        "birth_year",
        "id_number",
        "address",
        "tags",
    ]
    assert caught.value.field == "gender"
    id_message = next(p.message for p in caught.value.problems if p.field == "id_number")
    assert "身份证号" in id_message and "信息使用同意" in id_message
    with db.read() as session:
        assert _counts(session) == before


def test_a_phone_on_file_is_offered_before_consent_is_asked(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        first = people.register(session, desk, _zhang(place))
    with pytest.raises(DuplicatePerson) as caught, db.write() as session:
        people.register(session, desk, PersonInput("张叁", phone="13812345678"))
    assert caught.value.person_id == first.id


def test_withdrawn_consent_keeps_only_what_a_visit_needs(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        row = people.register(session, desk, _zhang(place))
    # Unticking consent while the other fields are still filled is refused …
    with pytest.raises(ConsentNeeded), db.write() as session:
        people.update(session, desk, row.id, _zhang(place, consent=False))
    # … and with them emptied, the record keeps its name, place and the contact phone only.
    with db.write() as session:
        people.update(session, desk, row.id, _visitor(place, "张三"))
    with db.read() as session:
        person = session.get(Person, row.id)
        assert person is not None and not person.consent and person.consent_at is None
        assert (person.id_number, person.id_tail, person.gender, person.address) == (
            None,
            None,
            None,
            "",
        )
        assert person.tags == [] and person.phone == "13812345678"
        [event] = _audit(session, "update")
        assert {"consent", "id_number", "gender", "tags"} <= set(json.loads(event.detail)["fields"])


def test_merging_carries_consent_given_on_either_record(
    db: Database, staff: Actor, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        keep = people.register(session, desk, PersonInput("钱七"))
        drop = people.register(session, desk, PersonInput("钱七", id_number=ID_1962, consent=True))
        people.merge(session, staff, keep.id, drop.id)
    with db.read() as session:
        person = session.get(Person, keep.id)
        assert person is not None and person.consent and person.consent_at is not None
        assert person.id_number == ID_1962


# --- gender and ID number ------------------------------------------------------------------


@pytest.mark.parametrize("chosen", ["F", "M"])
def test_a_gender_the_id_number_contradicts_is_kept_as_chosen(
    db: Database, desk: Actor, place: dict[str, int], chosen: str
) -> None:
    # ID_1956 is a man's (17th digit odd): "F" contradicts it, "M" agrees; both stay as given.
    with db.write() as session:
        row = people.register(session, desk, _zhang(place, gender=chosen))
    assert row.gender is Gender(chosen)
    with db.write() as session:
        updated = people.update(session, desk, row.id, _zhang(place, gender=chosen, note="改"))
    assert updated.gender is Gender(chosen)


def test_the_editor_reads_the_numbers_whole_for_the_account_as_it_is_now(
    db: Database, admin: Actor, staff: Actor, place: dict[str, int]
) -> None:
    from app.services import accounts, calls

    with db.write() as session:
        row = people.register(session, staff, _zhang(place))
    shown = calls.read(db, staff, lambda s, actor: people.for_editing(s, actor, row.id))
    assert (shown.phone, shown.id_number) == ("13812345678", ID_1956)
    # Made a desk volunteer while signed in: the editor's next read has them masked.
    with db.write() as session:
        accounts.change_role(session, admin, staff.account_id, Role.DESK)
    shown = calls.read(db, staff, lambda s, actor: people.for_editing(s, actor, row.id))
    assert (shown.phone, shown.id_number) == (None, None)
    assert shown.phone_masked == "138****5678"
    with db.write() as session:
        accounts.set_active(session, admin, staff.account_id, False)
    with pytest.raises(PermissionDenied):
        calls.read(db, staff, lambda s, actor: people.for_editing(s, actor, row.id))


def test_a_desk_volunteer_keeps_the_numbers_by_handing_the_masked_ones_back(
    db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        row = people.register(session, desk, _zhang(place))
    masked = replace(_zhang(place, note="改"), phone=row.phone_masked, id_number=row.id_masked)
    with db.write() as session:
        people.update(session, desk, row.id, masked)
    with db.read() as session:
        person = session.get(Person, row.id)
        assert person is not None
        assert (person.phone, person.id_number, person.note) == ("13812345678", ID_1956, "改")
    # A new number typed over the masked one replaces it.
    with db.write() as session:
        people.update(session, desk, row.id, replace(masked, phone="13987654321"))
    with db.read() as session:
        assert session.get(Person, row.id).phone == "13987654321"  # type: ignore[union-attr]


def test_a_twenty_character_name_is_kept_with_its_keys(db: Database, desk: Actor) -> None:
    """Its pinyin is longer than the key column (zhuang × 20): the keys are cut, not refused."""
    name = "庄" * 20
    with db.write() as session:
        row = people.register(session, desk, PersonInput(name))
    with db.read() as session:
        keys = dict(
            session.execute(
                select(PersonSearchKey.kind, PersonSearchKey.key).where(
                    PersonSearchKey.person_id == row.id
                )
            ).all()
        )
    assert keys["pinyin"] == ("zhuang" * 20)[:80] and keys["sort"].startswith("zhuang zhuang")
