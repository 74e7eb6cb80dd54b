"""The audit log for admins: filtered, paged, in readable words, exported to Excel (audited)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app import clock, i18n
from app.db import Database
from app.errors import PermissionDenied, ValidationError
from app.models import AuditEvent, CertificateKind, ServiceRecord, Volunteer
from app.security import Actor
from app.services import accounts, audit, centre, people, tables
from app.services.audit import AuditFilter
from app.services.volunteers import certificates, records
from tests.conftest import PASSWORD


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


def _login(db: Database, username: str, password: str) -> None:
    try:
        with db.write() as session:
            accounts.login(session, username, password)
    except ValidationError:
        with db.write() as session:
            accounts.record_failed_login(session, username)


@pytest.fixture
def busy(
    db: Database, admin: Actor, staff: Actor, desk: Actor, clock_at: clock.FixedClock
) -> dict[str, int]:
    """A morning's log: logins, a lockout, a person changed, hours made up, a certificate."""
    _login(db, "desk", PASSWORD)
    for _ in range(5):
        _login(db, "staff", "wrong password")
    clock_at.advance(dt.timedelta(minutes=5))
    with db.write() as session:
        row = people.register(
            session, desk, people.PersonInput("张三", phone="13812345678", consent=True)
        )
        people.update(
            session,
            desk,
            row.id,
            people.PersonInput("张三", phone="13812345678", consent=True, address="友邻路1号"),
        )
        volunteer = Volunteer(person_id=row.id, volunteer_number="DLZY00001")
        session.add(volunteer)
        session.flush()
        session.add(
            ServiceRecord(
                volunteer_id=volunteer.id,
                day=dt.date(2026, 11, 20),
                hours=Decimal(8),
                content="督导",
                kind="duty",
            )
        )
        records.make_up(
            session,
            admin,
            records.MakeUpInput(row.id, dt.date(2026, 11, 24), "2", "垃圾分类督导", "纸质补录"),
        )
        certificates.issue(
            session, admin, certificates.IssueInput(row.id, CertificateKind.HONOUR, "睦邻达人")
        )
        audit.record(session, staff, "booking.move", "booking", 7, title="书法班")
    with db.write() as session:
        accounts.unlock(session, admin, staff.account_id)
    clock_at.advance(dt.timedelta(days=1))
    with db.write() as session:
        centre.set_idle_lock_minutes(session, admin, 20)
    return {"person": row.id}


def _descriptions(db: Database, admin: Actor, wanted: AuditFilter) -> list[str]:
    with db.read() as session:
        return [line.description for line in audit.search(session, admin, wanted)]


def test_every_kind_of_event_reads_as_words(db: Database, admin: Actor, busy: object) -> None:
    said = _descriptions(db, admin, AuditFilter())
    assert "Logged in" in said
    assert "Failed login as staff (wrong password 3 times in a row)" in said
    assert any(s.startswith("Account staff locked until 09:45") for s in said)
    assert "Unlocked account staff" in said
    assert "Changed a person: address" in said
    assert "Made up 2 hours on 2026-11-24: 垃圾分类督导 (reason: 纸质补录)" in said
    assert any(s.startswith("Issued certificate ") and s.endswith("睦邻达人") for s in said)
    assert "Move room booking no. 7: 书法班" in said
    # Newest first.
    assert said[0] == "Changed the idle lock of every desk from 15 to 20 minutes"


def test_filters_by_period_account_action_object_and_text(
    db: Database, admin: Actor, staff: Actor, desk: Actor, busy: object
) -> None:
    today = dt.date(2026, 11, 25)
    tomorrow = today + dt.timedelta(days=1)
    assert _descriptions(db, admin, AuditFilter(first=tomorrow, last=tomorrow)) == [
        "Changed the idle lock of every desk from 15 to 20 minutes"
    ]
    only_today = _descriptions(db, admin, AuditFilter(first=today, last=today))
    assert "Unlocked account staff" in only_today and "Logged in" in only_today
    assert not any("idle lock" in s for s in only_today)
    by_desk = _descriptions(db, admin, AuditFilter(account_id=desk.account_id))
    assert by_desk and all("staff" not in s for s in by_desk)
    assert "Changed a person: address" in by_desk
    failed = _descriptions(db, admin, AuditFilter(action="login_failed"))
    assert len(failed) == 5
    # A verb finds its namespaced actions too (booking.move).
    assert _descriptions(db, admin, AuditFilter(action="move")) == [
        "Move room booking no. 7: 书法班"
    ]
    assert _descriptions(db, admin, AuditFilter(entity="certificate"))[0].startswith("Issued")
    assert _descriptions(db, admin, AuditFilter(text="书法")) == ["Move room booking no. 7: 书法班"]
    # The text finds the account's name too, and a % is a percent sign, not a wildcard.
    assert len(_descriptions(db, admin, AuditFilter(text="desk"))) >= 3
    assert _descriptions(db, admin, AuditFilter(text="%")) == []
    with db.read() as session:
        assert audit.count(session, admin, AuditFilter(action="login_failed")) == 5


def test_a_large_log_is_read_page_by_page(db: Database, admin: Actor) -> None:
    with db.write() as session:
        for number in range(450):
            audit.record(session, admin, "update", "room", number, name=f"室{number}")
    seen: list[int] = []
    before: int | None = None
    with db.read() as session:
        while True:
            page = audit.search(session, admin, AuditFilter(entity="room"), before_id=before)
            if not page:
                break
            assert len(page) <= audit.PAGE
            seen.extend(line.id for line in page)
            before = page[-1].id
    assert len(seen) == len(set(seen)) == 450
    assert seen == sorted(seen, reverse=True)


def test_export_to_excel_is_itself_in_the_log(
    db: Database, admin: Actor, busy: object, tmp_path: Path
) -> None:
    result = audit.export_log(db, admin, AuditFilter(), tmp_path / "log")
    assert result.path == tmp_path / "log.xlsx"
    sheet = openpyxl.load_workbook(result.path).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == "Time")
    assert values[header][-1] == "What happened"
    lines = values[header + 1 :]
    assert len(lines) == result.rows
    assert isinstance(lines[0][0], dt.datetime)
    assert "Unlocked account staff" in [row[-1] for row in lines]
    with db.read() as session:
        newest = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert newest is not None
        assert (newest.action, newest.entity, newest.account_id) == (
            "export",
            "table",
            admin.account_id,
        )
        assert "Audit log" in newest.detail
    with db.read() as session:
        last = audit.search(session, admin, AuditFilter(), limit=1)[0]
    assert last.description.startswith("Exported Audit log: ")


def test_staff_may_not_read_or_export_the_log(db: Database, staff: Actor, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied), db.read() as session:
        audit.search(session, staff, AuditFilter())
    with pytest.raises(PermissionDenied):
        audit.export_log(db, staff, AuditFilter(), tmp_path / "log.xlsx")
    assert list(tmp_path.glob("*.xlsx")) == []


def test_idle_lock_is_the_admins_setting(
    db: Database, admin: Actor, staff: Actor, clock_at: clock.FixedClock
) -> None:
    with db.read() as session:
        assert centre.idle_lock_minutes(session) == 15
    with db.write() as session:
        assert centre.set_idle_lock_minutes(session, admin, " 5 ") == 5
    with db.read() as session:
        assert centre.idle_lock_minutes(session) == 5
    for wrong in ("0", "241", "soon"):
        with pytest.raises(ValidationError) as caught, db.write() as session:
            centre.set_idle_lock_minutes(session, admin, wrong)
        assert caught.value.field == "idle_lock_minutes"
    with pytest.raises(PermissionDenied), db.write() as session:
        centre.set_idle_lock_minutes(session, staff, 30)
    with db.read() as session:
        said = [line.description for line in audit.search(session, admin, AuditFilter())]
        changes = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "settings")
        )
    assert "Changed the idle lock of every desk from 15 to 5 minutes" in said
    assert changes == 1


def test_a_table_of_the_log_says_its_numbers_are_masked(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    with db.write() as session:
        audit.record(session, admin, "update", "room", 1, name="来电 13812345678")
    result = audit.export_log(db, admin, AuditFilter(entity="room"), tmp_path / "room.xlsx")
    assert result.kind is tables.TableKind.PEOPLE
    cells = [
        str(cell.value)
        for row in openpyxl.load_workbook(result.path).active.iter_rows()
        for cell in row
    ]
    assert not any("13812345678" in cell for cell in cells)
    assert any("138****5678" in cell for cell in cells)
