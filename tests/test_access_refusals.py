"""A desk volunteer is refused — by the service, not by a hidden button — every export, backup
and restore, every settings change, certificates, make-up hours and the audit log; and every read
that holds phone or ID numbers gives a desk volunteer masked numbers only.

Each refusal is tried twice: as a desk volunteer's own account, and as an admin demoted to desk
volunteer while still signed in (the stale actor still says "admin"; `app.services.calls`
reloads the account, as every desk's call does, and the service refuses the account as it is
now). Nothing is written by a refused call: no row, no audit event, no file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.backup import service as backup_service
from app.choices import ClosureKind, OrganisationKind
from app.db import Database
from app.errors import PermissionDenied
from app.masking import mask_numbers
from app.models import AuditEvent, CertificateKind, Person, Purpose, ServiceRecord, Volunteer
from app.printing import certificates as certificate_printing
from app.printing import signin_sheet
from app.roles import PERMISSIONS, Permission
from app.security import Actor, Role
from app.services import (
    accounts,
    audit,
    calls,
    centre,
    communities,
    export,
    organisations,
    people,
    reception,
    register,
    search,
    tables,
)
from app.services import statistics as stats
from app.services.menu import catalogue, fitting, reads, signups
from app.services.rooms import setup as rooms_setup
from app.services.roster import writing as roster_writing
from app.services.statistics import lists
from app.services.statistics.period import Period
from app.services.volunteers import certificates, records
from tests.conftest import PASSWORD
from tests.menu_data import add_item, add_session

PHONE = "13812345678"
ID_NUMBER = "31010119560312123X"
NOTE = f"请回电 {PHONE}，身份证 {ID_NUMBER}"  # numbers typed into a note are masked too
DAY = dt.date(2026, 11, 25)
MONTH = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


class Centre:
    """A centre with one resident who has every kind of record, and its accounts."""

    def __init__(self, db: Database, admin: Actor, staff: Actor, desk: Actor, folder: Path) -> None:
        self.db, self.admin, self.staff, self.desk = db, admin, staff, desk
        self.folder = folder  # where an export would be written
        folder.mkdir()
        with db.write() as session:
            community = communities.add_community(session, admin, "桃园社区")
            communities.add_building_group(session, admin, community.id, "1号楼组")
            self.community_id = community.id
            row = people.register(
                session,
                staff,
                people.PersonInput(
                    "张三", phone=PHONE, id_number=ID_NUMBER, consent=True, note=NOTE
                ),
            )
            self.person_id = row.id
            item = add_item(session)
            self.session_id = add_session(session, item, dt.datetime(2026, 11, 26, 9, 0))
            signups.sign_up(session, desk, self.session_id, self.person_id)
            reception.check_in(session, desk, self.person_id, Purpose.OTHER, NOTE)
            volunteer = Volunteer(person_id=self.person_id, volunteer_number="DLZY00001")
            session.add(volunteer)
            session.flush()
            session.add_all(
                ServiceRecord(
                    volunteer_id=volunteer.id,
                    day=DAY - dt.timedelta(days=days),
                    hours=Decimal(8),
                    content="垃圾分类督导",
                    kind="duty",
                )
                for days in range(4)
            )
            session.flush()
            self.certificate_id = certificates.issue(
                session,
                staff,
                certificates.IssueInput(self.person_id, CertificateKind.HONOUR, "优秀志愿者"),
            ).id
            self.record_id = records.make_up(
                session,
                staff,
                records.MakeUpInput(self.person_id, DAY, "2", "补录督导", "纸质记录补录"),
            )
        # An admin demoted to desk volunteer while signed in: the actor still says admin.
        with db.write() as session:
            row = accounts.create_account(session, admin, "demoted", "降级", Role.ADMIN, PASSWORD)
        self.stale = Actor(row.id, row.username, row.display_name, Role.ADMIN)
        with db.write() as session:
            accounts.change_role(session, admin, row.id, Role.DESK)


@pytest.fixture
def centre_(
    db: Database, admin: Actor, staff: Actor, desk: Actor, tmp_path: Path, clock_at: object
) -> Centre:
    return Centre(db, admin, staff, desk, tmp_path / "out")


Call = Callable[[Session, Actor, Centre], object]

# Every settings change an admin makes, and every privileged write or read, by service entry
# point. (Accounts, centre profile, rooms, closures, communities, organisations, menu
# catalogue, idle lock; certificates; make-up hours; statistics; the audit log.)
REFUSED: dict[str, Call] = {
    # --- accounts
    "list accounts": lambda s, a, c: accounts.list_accounts(s, a),
    "create account": lambda s, a, c: accounts.create_account(
        s, a, "newbie", "新人", Role.ADMIN, "password123"
    ),
    "change role": lambda s, a, c: accounts.change_role(s, a, a.account_id, Role.ADMIN),
    "disable account": lambda s, a, c: accounts.set_active(s, a, c.admin.account_id, False),
    "reset password": lambda s, a, c: accounts.reset_password(
        s, a, c.admin.account_id, "another pass 1"
    ),
    "unlock account": lambda s, a, c: accounts.unlock(s, a, c.admin.account_id),
    # --- centre profile
    "update centre profile": lambda s, a, c: centre.update_profile(
        s, a, centre.CentreProfile("改名", "", "", "", "")
    ),
    "set idle lock": lambda s, a, c: centre.set_idle_lock_minutes(s, a, 240),
    # --- rooms and closures
    "create room": lambda s, a, c: rooms_setup.create_room(s, a, rooms_setup.RoomInput("新室", 10)),
    "add closure": lambda s, a, c: rooms_setup.add_closure(
        s, a, dt.date(2026, 12, 1), None, "检修"
    ),
    "remove closure": lambda s, a, c: rooms_setup.remove_closure(s, a, dt.date(2026, 12, 1)),
    "update room": lambda s, a, c: rooms_setup.update_room(
        s, a, 1, rooms_setup.RoomInput("改名室", 10)
    ),
    "set room hours": lambda s, a, c: rooms_setup.set_hours(s, a, 1, {}),  # type: ignore[arg-type]
    "move room": lambda s, a, c: rooms_setup.move_room(s, a, 1, 1),
    "enter a statutory holiday": lambda s, a, c: rooms_setup.add_statutory(
        s, a, ClosureKind.HOLIDAY, dt.date(2027, 1, 1), None, "元旦"
    ),
    # --- communities and building groups
    "add community": lambda s, a, c: communities.add_community(s, a, "新社区"),
    "rename community": lambda s, a, c: communities.rename_community(s, a, c.community_id, "改名"),
    "deactivate community": lambda s, a, c: communities.set_community_active(
        s, a, c.community_id, False
    ),
    "add building group": lambda s, a, c: communities.add_building_group(
        s, a, c.community_id, "9号楼组"
    ),
    "rename building group": lambda s, a, c: communities.rename_building_group(s, a, 1, "改名"),
    "deactivate building group": lambda s, a, c: communities.set_building_group_active(
        s, a, 1, False
    ),
    # --- organisations
    "create organisation": lambda s, a, c: organisations.create_organisation(
        s, a, organisations.OrganisationInput("五彩亲子", OrganisationKind.PARTNER)
    ),
    "update organisation": lambda s, a, c: organisations.update_organisation(
        s, a, 1, organisations.OrganisationInput("五彩亲子", OrganisationKind.PARTNER)
    ),
    # --- the menu catalogue
    "update series": lambda s, a, c: catalogue.update_series(
        s, a, 1, catalogue.SeriesInput("改名系列")
    ),
    "create menu item": lambda s, a, c: catalogue.create_item(
        s, a, catalogue.ItemInput(1, "新项目")
    ),
    "update menu item": lambda s, a, c: catalogue.update_item(
        s, a, 1, catalogue.ItemInput(1, "改名项目")
    ),
    "move menu item": lambda s, a, c: catalogue.move_item(s, a, 1, 1),
    # --- certificates
    "issue certificate": lambda s, a, c: certificates.issue(
        s, a, certificates.IssueInput(c.person_id, CertificateKind.HONOUR, "睦邻达人")
    ),
    "reprint certificate": lambda s, a, c: certificates.reprint(s, a, c.certificate_id),
    "revoke certificate": lambda s, a, c: certificates.revoke(s, a, c.certificate_id, "错发"),
    "batch preview": lambda s, a, c: certificates.batch_preview(s, a, 2026, 20),
    "batch issue": lambda s, a, c: certificates.batch_issue(s, a, 2026, 20, [c.person_id]),
    "print certificates": lambda s, a, c: certificate_printing.read_certificates(
        s, a, [c.certificate_id]
    ),
    # --- make-up hours
    "make-up hours": lambda s, a, c: records.make_up(
        s, a, records.MakeUpInput(c.person_id, DAY, "3", "补录", "补录原因")
    ),
    "delete make-up": lambda s, a, c: records.delete_make_up(s, a, c.record_id, "删"),
    # --- statistics (a table of counts is a staff export too)
    "statistics: monthly": lambda s, a, c: stats.monthly(s, a, MONTH),
    "statistics: volunteer hours": lambda s, a, c: stats.volunteer_hours(s, a, MONTH),
    # --- exports inside a caller's transaction
    "export people": lambda s, a, c: export.export(s, a, "people", c.folder / "people.xlsx"),
    "export visits": lambda s, a, c: export.export(s, a, "visits", c.folder / "visits.csv"),
    # --- the roster import
    "import roster": lambda s, a, c: roster_writing.import_rows(s, a, None, None),  # type: ignore[arg-type]
    # --- the audit log
    "read audit log": lambda s, a, c: audit.recent(s, a),
    "search audit log": lambda s, a, c: audit.search(s, a, audit.AuditFilter()),
}


def _audit_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


@pytest.mark.parametrize("who", ["desk", "demoted"])
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_in_the_service(db: Database, centre_: Centre, who: str, name: str) -> None:
    call = REFUSED[name]
    before = _audit_count(db)
    with pytest.raises(PermissionDenied):
        if who == "desk":
            with db.write() as session:
                call(session, centre_.desk, centre_)
        else:
            calls.write(db, centre_.stale, lambda s, a: call(s, a, centre_))
    assert _audit_count(db) == before
    assert list(centre_.folder.iterdir()) == []


# The exports that open their own transactions (a desk's Export button runs these).
EXPORTS: dict[str, Callable[[Database, Actor, Centre, Path], object]] = {
    "people, whole numbers": lambda db, a, c, p: export.export_file(
        db, a, "people", p / "people.xlsx", full=True
    ),
    "people, masked": lambda db, a, c, p: export.export_file(db, a, "people", p / "p.csv"),
    "visit log": lambda db, a, c, p: export.export_file(db, a, "visits", p / "visits.xlsx"),
    "a list of people (tables)": lambda db, a, c, p: tables.export_table(
        db,
        a,
        tables.Table("接待记录", ["姓名"], [["张三"]], tables.TableKind.PEOPLE),
        p / "list.xlsx",
    ),
    "a statistics table (tables)": lambda db, a, c, p: tables.export_table(
        db,
        a,
        tables.Table("月度统计", ["社区", "人次"], [["桃园社区", 3]], tables.TableKind.STATISTICS),
        p / "stats.xlsx",
    ),
    "the audit log (xlsx)": lambda db, a, c, p: audit.export_log(
        db, a, audit.AuditFilter(), p / "audit.xlsx"
    ),
    # Backups are copies of everything: the same refusal, and no file left behind.
    "back up now": lambda db, a, c, p: backup_service.back_up(db, a, folder=p),
    "list the backups": lambda db, a, c, p: backup_service.list_backups(db, a, folder=p),
    "restore a backup": lambda db, a, c, p: backup_service.restore_backup(
        db, a, p / "youlin-backup.sqlite3", folder=p
    ),
}


@pytest.mark.parametrize("who", ["desk", "demoted"])
@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_export_is_refused(db: Database, centre_: Centre, who: str, name: str) -> None:
    actor = centre_.desk if who == "desk" else centre_.stale
    before = _audit_count(db)
    with pytest.raises(PermissionDenied):
        EXPORTS[name](db, actor, centre_, centre_.folder)
    assert list(centre_.folder.iterdir()) == []
    assert _audit_count(db) == before


def test_a_statistics_table_is_a_staff_export_but_a_list_of_people_is_not(
    db: Database, centre_: Centre
) -> None:
    EXPORTS["a statistics table (tables)"](db, centre_.staff, centre_, centre_.folder)
    with pytest.raises(PermissionDenied):
        EXPORTS["a list of people (tables)"](db, centre_.staff, centre_, centre_.folder)


def test_the_roster_import_is_refused_before_it_reads_a_row(db: Database, centre_: Centre) -> None:
    with pytest.raises(PermissionDenied):
        roster_writing.import_roster(db, centre_.desk, None, None)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        roster_writing.import_roster(db, centre_.stale, None, None)  # type: ignore[arg-type]


def test_backups_are_the_admins_alone() -> None:
    assert Permission.BACKUPS not in PERMISSIONS[Role.DESK]
    assert Permission.BACKUPS not in PERMISSIONS[Role.STAFF]


# --- reads: a desk volunteer sees numbers masked only -----------------------------------------

READS: dict[str, Call] = {
    "person record": lambda s, a, c: people.get(s, a, c.person_id),
    "person editor": lambda s, a, c: people.for_editing(s, a, c.person_id),
    # The editor's fields handed back as shown (masked): saved, and still masked.
    "person editor after saving": lambda s, a, c: people.update(
        s,
        a,
        c.person_id,
        people.PersonInput(
            "张三",
            phone="138****5678",
            id_number=ID_NUMBER[:4] + "*" * 10 + ID_NUMBER[-4:],
            consent=True,
            note=mask_numbers(NOTE),
        ),
    ),
    "certificate register": lambda s, a, c: certificates.register(s, a, year=2026),
    "reception search by phone": lambda s, a, c: search.find_people(s, a, PHONE[-4:]),
    "reception search by ID": lambda s, a, c: search.find_people(s, a, ID_NUMBER),
    "reception search by name": lambda s, a, c: search.find_people(s, a, "张三"),
    "visitor": lambda s, a, c: reception.visitor(s, a, c.person_id),
    "today's visit log": lambda s, a, c: reception.today_log(s, a, DAY),
    "visits list": lambda s, a, c: lists.visits(s, a, MONTH),
    "people register page": lambda s, a, c: register.RegisterPages(
        s, register.RegisterFilter()
    ).next_page(s),
    "roster": lambda s, a, c: reads.roster(s, a, c.session_id),
    "sign-in sheet data": lambda s, a, c: signin_sheet.read_signin_sheet(s, a, c.session_id),
    "signee": lambda s, a, c: fitting.signee(s, a, c.person_id),
}


def _numbers_in(value: Any) -> bool:
    text = repr(value)
    return PHONE in text or ID_NUMBER in text or ID_NUMBER[-8:] in text


@pytest.mark.parametrize("who", ["desk", "demoted"])
@pytest.mark.parametrize("name", sorted(READS))
def test_a_desk_volunteer_reads_numbers_masked_only(
    db: Database, centre_: Centre, who: str, name: str
) -> None:
    call = READS[name]
    if who == "desk":
        with db.write() as session:
            result = call(session, centre_.desk, centre_)
    else:
        result = calls.write(db, centre_.stale, lambda s, a: call(s, a, centre_))
    assert not _numbers_in(result), result
    with db.read() as session:  # the numbers are still on file, whole
        person = session.get(Person, centre_.person_id)
        assert person is not None
        assert (person.phone, person.id_number, person.note) == (PHONE, ID_NUMBER, NOTE)


def test_staff_still_read_the_numbers_whole_in_the_editor(db: Database, centre_: Centre) -> None:
    with db.read() as session:
        row = people.for_editing(session, centre_.staff, centre_.person_id)
    assert (row.phone, row.id_number) == (PHONE, ID_NUMBER)
