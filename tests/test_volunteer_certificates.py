"""The certificate register: issuing each kind, refusals that write nothing, a year's record
certificates issued together, 补发, revoking, and verifying a certificate's number and code."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import clock
from app.db import Database
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models import (
    AuditEvent,
    Centre,
    Certificate,
    CertificateKind,
    ServiceRecord,
    ServiceRecordKind,
    Volunteer,
)
from app.security import Actor
from app.services import certificates as numbering
from app.services.volunteers import certificates as register
from app.services.volunteers.certificates import IssueInput, Outcome
from tests.certificates_data import add_volunteer

D = dt.date


@pytest.fixture(autouse=True)
def _today(clock_at: clock.FixedClock) -> None:
    """Every test runs on 2026-11-25."""


def _people(db: Database) -> tuple[int, int, int]:
    with db.write() as session:
        wang = add_volunteer(session, "王建国", {D(2026, 3, 1): "12.5", D(2026, 11, 1): "8"})
        li = add_volunteer(session, "李秀兰", {D(2026, 6, 1): "4", D(2025, 6, 1): "6"})
        zhao = add_volunteer(session, "赵军")
    return wang, li, zhao


def _count(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Certificate)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def test_each_kind_is_issued_with_the_next_number_a_derived_code_and_the_centre_as_it_is(
    db: Database, staff: Actor
) -> None:
    wang, li, _zhao = _people(db)
    with db.write() as session:
        record = register.issue(
            session, staff, IssueInput(wang, CertificateKind.SERVICE_RECORD, "")
        )
        year = register.issue(
            session,
            staff,
            IssueInput(li, CertificateKind.SERVICE_RECORD, "", "", D(2026, 1, 1), D(2026, 11, 25)),
        )
        honour = register.issue(
            session, staff, IssueInput(wang, CertificateKind.HONOUR, "睦邻达人")
        )
        course = register.issue(
            session,
            staff,
            IssueInput(li, CertificateKind.COMPLETION, "小美艺术课堂", "八次课", hours=Decimal(16)),
        )
        secret = session.get(Centre, 1).verification_secret  # type: ignore[union-attr]
    assert record.serial == "东邻志证〔2026〕第0001号"
    assert year.serial == "东邻志证〔2026〕第0002号"
    assert honour.serial == "东邻荣证〔2026〕第0001号"
    assert course.serial == "东邻结证〔2026〕第0001号"
    assert record.title == "志愿服务记录证明"
    assert record.hours == Decimal("20.5")
    assert (record.period_start, record.period_end) == (D(2026, 3, 1), D(2026, 11, 1))
    assert year.hours == Decimal("4.0")  # 2025's six hours are outside the period
    assert honour.hours is None and honour.title == "睦邻达人"
    assert course.hours == Decimal("16.0") and course.content == "八次课"
    assert record.verification_code == numbering.derived_code(secret, record.serial, wang)
    assert (record.issuer, record.person_in_charge, record.handler, record.contact) == (
        "东社区邻里中心",
        "王主任",
        "李经办",
        "021-12345678",
    )
    assert record.issued_on == D(2026, 11, 25) and record.name == "王建国"
    with db.read() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "certificate")
        ).all()
    assert actions == ["issue"] * 4


def test_a_desk_volunteer_reads_and_verifies_but_does_not_issue(db: Database, desk: Actor) -> None:
    wang, _li, _zhao = _people(db)
    with pytest.raises(PermissionDenied), db.write() as session:
        register.issue(session, desk, IssueInput(wang, CertificateKind.HONOUR, "睦邻达人"))
    with db.read() as session:
        assert register.register(session, desk) == []
        assert register.verify(session, desk, "东邻志证〔2026〕第0001号", "X").outcome == "unknown"


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ("no hours at all", "hours"),
        ("no hours in the period", "hours"),
        ("honour without a name", "title"),
        ("period backwards", "period"),
        ("no 负责人", "centre"),
        ("no 经办人", "centre"),
    ],
)
def test_refusals_write_nothing_and_give_the_number_back(
    db: Database, staff: Actor, admin: Actor, case: str, field: str
) -> None:
    wang, _li, zhao = _people(db)
    if case.startswith("no 负责人") or case.startswith("no 经办人"):
        with db.write() as session:
            centre = session.get(Centre, 1)
            assert centre is not None
            if case == "no 负责人":
                centre.person_in_charge = ""
            else:
                centre.handler = "  "
    data = {
        "no hours at all": IssueInput(zhao, CertificateKind.SERVICE_RECORD, ""),
        "no hours in the period": IssueInput(
            wang, CertificateKind.SERVICE_RECORD, "", "", D(2026, 4, 1), D(2026, 10, 31)
        ),
        "honour without a name": IssueInput(wang, CertificateKind.HONOUR, "  "),
        "period backwards": IssueInput(
            wang, CertificateKind.SERVICE_RECORD, "", "", D(2026, 10, 1), D(2026, 4, 1)
        ),
        "no 负责人": IssueInput(wang, CertificateKind.HONOUR, "睦邻达人"),
        "no 经办人": IssueInput(wang, CertificateKind.HONOUR, "睦邻达人"),
    }[case]
    before = _count(db)
    with pytest.raises(ValidationError) as raised, db.write() as session:
        register.issue(session, staff, data)
    assert raised.value.field == field
    if field in ("hours", "centre"):
        assert "没有" in raised.value.message or "设置" in raised.value.message
    assert _count(db) == before
    with db.write() as session:
        centre = session.get(Centre, 1)
        assert centre is not None
        centre.person_in_charge, centre.handler = "王主任", "李经办"
        again = register.issue(session, staff, IssueInput(wang, data.kind, "睦邻达人"))
    assert again.sequence == 1


def test_empty_centre_profile_message_names_settings(db: Database, staff: Actor) -> None:
    wang, _li, _zhao = _people(db)
    with db.write() as session:
        session.get(Centre, 1).person_in_charge = ""  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as raised, db.write() as session:
        register.issue(session, staff, IssueInput(wang, CertificateKind.HONOUR, "睦邻达人"))
    assert "设置" in raised.value.message and "负责人" in raised.value.message


def test_reprint_counts_and_dates_the_copy_revoke_needs_a_reason_and_stops_reprints(
    db: Database, staff: Actor, clock_at: clock.FixedClock
) -> None:
    wang, _li, _zhao = _people(db)
    with db.write() as session:
        honour = register.issue(
            session, staff, IssueInput(wang, CertificateKind.HONOUR, "共营达人")
        )
    clock_at.set(dt.datetime(2026, 12, 2, 10, 0))
    with db.write() as session:
        register.reprint(session, staff, honour.id)
        again = register.reprint(session, staff, honour.id)
    assert (again.reprints, again.reprinted_on) == (2, D(2026, 12, 2))
    before = _count(db)
    with pytest.raises(ValidationError) as raised, db.write() as session:
        register.revoke(session, staff, honour.id, "   ")
    assert raised.value.field == "reason"
    assert _count(db) == before
    with db.write() as session:
        revoked = register.revoke(session, staff, honour.id, "颁发对象有误")
    assert revoked.revoked and revoked.revoked_reason == "颁发对象有误"
    before = _count(db)
    with pytest.raises(ConflictError, match="作废"), db.write() as session:
        register.reprint(session, staff, honour.id)
    with pytest.raises(ConflictError), db.write() as session:
        register.revoke(session, staff, honour.id, "又一次")
    assert _count(db) == before
    with db.read() as session:
        assert register.get(session, staff, honour.id).reprints == 2


def test_verify_valid_revoked_unknown_and_forged(db: Database, staff: Actor, desk: Actor) -> None:
    wang, li, _zhao = _people(db)
    with db.write() as session:
        good = register.issue(
            session, staff, IssueInput(wang, CertificateKind.HONOUR, "草根规划师")
        )
        bad = register.issue(session, staff, IssueInput(li, CertificateKind.HONOUR, "优秀志愿者"))
        register.revoke(session, staff, bad.id, "重复颁发")
    with db.read() as session:
        valid = register.verify(session, desk, good.serial, good.verification_code.lower())
        scanned = register.verify_scan(
            session, desk, register.qr_payload(good.serial, good.verification_code)
        )
        typed = register.verify_scan(session, desk, f"  {good.serial}  {good.verification_code} ")
        revoked = register.verify(session, desk, bad.serial, bad.verification_code)
        forged = register.verify(session, desk, good.serial, "ABCDEFGH")
        # li's code under wang's serial: a code copied from another certificate
        swapped = register.verify(session, desk, good.serial, bad.verification_code)
        unknown = register.verify(session, desk, "东邻荣证〔2026〕第0099号", good.verification_code)
        garbage = register.verify_scan(session, desk, "hello")
    assert valid == register.Verification(
        Outcome.VALID, good.serial, "王*国", CertificateKind.HONOUR, "草根规划师", D(2026, 11, 25)
    )
    assert scanned == valid and typed == valid
    assert revoked.outcome == Outcome.REVOKED
    assert (revoked.holder, revoked.revoked_reason) == ("李*兰", "重复颁发")
    for nothing in (forged, swapped, unknown, garbage):
        assert nothing.outcome == Outcome.UNKNOWN
        assert (nothing.holder, nothing.title, nothing.kind, nothing.issued_on) == (
            "",
            "",
            None,
            None,
        )


def test_a_record_certificates_service_content_comes_from_the_records_unless_given(
    db: Database, staff: Actor
) -> None:
    """服务内容 is one of the fields of 民发〔2015〕149号: left blank (as a batch leaves it), it
    names what the records of the period say, the most hours first."""
    with db.write() as session:
        wang = add_volunteer(session, "王建国", {D(2026, 3, 1): "12.5", D(2026, 5, 1): "8"})
        volunteer = session.scalars(select(Volunteer.id).where(Volunteer.person_id == wang)).one()
        for day, hours, content in (
            (D(2026, 6, 1), "3", "助老陪伴"),
            (D(2026, 7, 1), "2", "邻里节活动引导"),
            (D(2026, 8, 1), "1", "社区花园共建"),
            (D(2025, 8, 1), "9", "去年的服务"),
        ):
            session.add(
                ServiceRecord(
                    volunteer_id=volunteer,
                    day=day,
                    hours=Decimal(hours),
                    content=content,
                    kind=ServiceRecordKind.DUTY.value,
                )
            )
        li = add_volunteer(session, "李秀兰", {D(2026, 6, 1): "21"})
    with db.write() as session:
        (batch,) = register.batch_issue(session, staff, 2026, 20, [wang])
        given = register.issue(
            session,
            staff,
            IssueInput(li, CertificateKind.SERVICE_RECORD, "", "社区运动会志愿服务"),
        )
        only = register.issue(
            session, staff, IssueInput(li, CertificateKind.SERVICE_RECORD, "", "", D(2026, 6, 1))
        )
    assert batch.content == "垃圾分类督导、助老陪伴、邻里节活动引导等"
    assert given.content == "社区运动会志愿服务"
    assert only.content == "垃圾分类督导"


def test_a_desk_volunteer_never_receives_a_verification_code(
    db: Database, staff: Actor, desk: Actor
) -> None:
    """With a serial and its code anyone could forge a certificate that verifies: reading the
    register, a desk volunteer gets every row but no code; staff get them all."""
    wang, li, _zhao = _people(db)
    with db.write() as session:
        honour = register.issue(
            session, staff, IssueInput(wang, CertificateKind.HONOUR, "睦邻达人")
        )
        record = register.issue(session, staff, IssueInput(li, CertificateKind.SERVICE_RECORD, ""))
        register.reprint(session, staff, record.id)
        register.revoke(session, staff, honour.id, "姓名写错")
    with db.read() as session:
        codes = dict(session.execute(select(Certificate.id, Certificate.verification_code)).all())
        staff_rows = register.register(session, staff)
        desk_rows = register.register(session, desk)
        found = register.register(session, desk, year=2026, kind="honour", text="王建国")
        single = [register.get(session, desk, cid) for cid in codes]
    assert all(codes.values())
    assert {row.id: row.verification_code for row in staff_rows} == codes
    assert {row.id for row in desk_rows} == set(codes)
    for row in [*desk_rows, *found, *single]:
        assert row.verification_code == ""
    assert [row.serial for row in found] == [honour.serial]
    # what the desk does need still works: verifying what the holder shows
    with db.read() as session:
        checked = register.verify(session, desk, record.serial, codes[record.id])
    assert checked.outcome == Outcome.VALID


def test_payload_and_masks() -> None:
    assert register.qr_payload("东邻志证〔2026〕第0007号", "ABCD2345") == (
        "东邻志证〔2026〕第0007号|ABCD2345"
    )
    assert register.parse_payload("东邻志证〔2026〕第0007号|ABCD2345") == (
        "东邻志证〔2026〕第0007号",
        "ABCD2345",
    )
    assert register.parse_payload("东邻志证[2026]第0007号 abcd2345") == (
        "东邻志证〔2026〕第0007号",
        "ABCD2345",
    )
    assert register.parse_payload("东邻志证〔2026〕第0007号") is None
    assert register.parse_payload("|") is None
    assert [register.mask_name(n) for n in ("王建国", "王军", "欧阳建国", "王")] == [
        "王*国",
        "王*",
        "欧**国",
        "王",
    ]


def test_the_year_batch_previews_who_qualifies_and_issues_all_or_nothing(
    db: Database, staff: Actor
) -> None:
    with db.write() as session:
        wang = add_volunteer(session, "王建国", {D(2026, 3, 1): "12", D(2026, 5, 1): "10"})
        li = add_volunteer(session, "李秀兰", {D(2026, 6, 1): "20"})
        zhou = add_volunteer(session, "周明", {D(2026, 6, 1): "24", D(2026, 6, 2): "1"})
        low = add_volunteer(session, "钱少", {D(2026, 6, 1): "5"})
        register.issue(
            session,
            staff,
            IssueInput(zhou, CertificateKind.SERVICE_RECORD, "", "", D(2026, 1, 1), D(2026, 10, 1)),
        )
    with db.read() as session:
        preview = register.batch_preview(session, staff, 2026, 20)
    assert [(line.name, line.hours, line.held) for line in preview] == [
        ("周明", Decimal("25.0"), "东邻志证〔2026〕第0001号"),
        ("王建国", Decimal("22.0"), ""),
        ("李秀兰", Decimal("20.0"), ""),
    ]
    before = _count(db)
    for ids in ([wang, low], [wang, zhou], []):
        with pytest.raises((ConflictError, ValidationError)), db.write() as session:
            register.batch_issue(session, staff, 2026, 20, ids)
    assert _count(db) == before
    with db.write() as session:
        issued = register.batch_issue(session, staff, 2026, Decimal(20), [wang, li])
    assert [(row.name, row.serial, row.hours) for row in issued] == [
        ("王建国", "东邻志证〔2026〕第0002号", Decimal("22.0")),
        ("李秀兰", "东邻志证〔2026〕第0003号", Decimal("20.0")),
    ]
    assert (issued[0].period_start, issued[0].period_end) == (D(2026, 1, 1), D(2026, 11, 25))
    with db.read() as session:
        again = register.batch_preview(session, staff, 2026, 20)
        assert all(line.held for line in again)
        rows = register.register(session, staff, year=2026, kind=CertificateKind.SERVICE_RECORD)
        found = register.register(session, staff, text="李秀")
        by_serial = register.register(session, staff, text="第0002号")
    assert len(rows) == 3
    assert [row.name for row in found] == ["李秀兰"]
    assert [row.name for row in by_serial] == ["王建国"]
    with pytest.raises(ValidationError), db.read() as session:
        register.batch_preview(session, staff, 2026, 0)


def test_a_serial_with_a_control_character_verifies_as_unknown(db: Database, desk: Actor) -> None:
    # A NUL from a damaged scan: PostgreSQL refuses to compare it, so it never reaches the query.
    with db.read() as session:
        for serial in ("\x00", "东邻志证〔2026〕第0001号\x00", "\x07"):
            answer = register.verify(session, desk, serial, "ABCDEFGH")
            assert answer.outcome == Outcome.UNKNOWN
