"""The command line: export the register with full values, import it into a fresh centre, and
the admin sign-in, the report and the exit codes around it. Run as real processes (no Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app import paths
from app.db import Database
from app.models import AuditEvent, Person
from app.security import Actor
from app.services import centre, communities, people
from app.services.people import PersonInput
from tests.conftest import PASSWORD
from tests.test_roster import ID_1956, ID_1962, write_xlsx


def _run(
    *args: str, data_dir: Path, password: str | None = PASSWORD, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, YOULIN_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    env.pop("YOULIN_PASSWORD", None)
    if password is not None:
        env["YOULIN_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "ui.launch", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=300,
        check=False,
    )


def _places(db: Database, admin: Actor) -> None:
    with db.write() as session:
        east = communities.add_community(session, admin, "东苑社区")
        communities.add_building_group(session, admin, east.id, "3号楼组")
        communities.add_community(session, admin, "西苑社区")


def _people(db: Database) -> list[tuple[object, ...]]:
    with db.write() as session:
        return [
            (
                p.name,
                p.gender,
                p.birth_year,
                p.phone,
                p.id_number,
                p.address,
                p.community.name if p.community else None,
                p.building_group.name if p.building_group else None,
                tuple(t.name for t in p.tags),
            )
            for p in session.scalars(select(Person).order_by(Person.member_code))
        ]


def test_export_then_import_into_a_fresh_centre(
    tmp_path: Path,
    data_dir: Path,
    db: Database,
    db_path: Path,
    admin: Actor,
    migrated_template: Path,
) -> None:
    _places(db, admin)
    with db.write() as session:
        east = session.scalars(select(Person)).first()
        assert east is None
        groups = communities.list_communities(session)
        east_id, group_id = groups[0].id, groups[0].building_groups[0].id
        people.register(
            session,
            admin,
            PersonInput(
                name="张三",
                phone="13812345678",
                id_number=ID_1956,
                community_id=east_id,
                building_group_id=group_id,
                address="友邻路3号101室",
                tags=("党员", "志愿者"),
                consent=True,
            ),
        )
        people.register(
            session,
            admin,
            PersonInput(name="单雄信", id_number=ID_1962, community_id=groups[1].id, consent=True),
        )
        people.register(
            session,
            admin,
            PersonInput(
                name="Anna Smith", phone="021-57681234", gender="F", birth_year=1980, consent=True
            ),
        )
    sheet = tmp_path / "register.xlsx"
    exported = _run(
        "export",
        "people",
        "--format",
        "xlsx",
        "-o",
        str(sheet),
        "--full",
        "--database",
        str(db_path),
        "--as",
        "admin",
        data_dir=data_dir,
    )
    assert exported.returncode == 0, exported.stderr
    assert "3" in exported.stdout and sheet.exists()

    # A fresh centre with the same communities.
    fresh_path = tmp_path / "fresh.sqlite3"
    fresh_path.write_bytes(migrated_template.read_bytes())
    fresh = Database(paths.sqlite_url(fresh_path))
    with fresh.write() as session:
        fresh_admin = centre.set_up(
            session,
            centre.CentreProfile("西社区邻里中心", "路", "021-12345678", "王", "李"),
            "chief",
            "主任",
            PASSWORD,
        )
    _places(fresh, fresh_admin)
    dry = _run(
        "import-residents",
        str(sheet),
        "--database",
        str(fresh_path),
        "--as",
        "chief",
        "--dry-run",
        "--lang",
        "en",
        data_dir=data_dir,
    )
    assert dry.returncode == 0, dry.stderr
    assert "3 rows: 3 new," in dry.stdout and "Dry run" in dry.stdout
    assert _people(fresh) == []
    imported = _run(
        "import-residents",
        str(sheet),
        "--database",
        str(fresh_path),
        "--as",
        "chief",
        "--all-or-nothing",
        "--lang",
        "en",
        data_dir=data_dir,
    )
    assert imported.returncode == 0, imported.stderr
    assert "Imported: 3 new," in imported.stdout
    assert _people(fresh) == _people(db)
    with fresh.write() as session:
        actions = [(e.action, e.account_id) for e in session.scalars(select(AuditEvent))]
    assert ("import", fresh_admin.account_id) in actions
    assert ("login", fresh_admin.account_id) in actions
    fresh.dispose()


def test_a_masked_export_does_not_import_again_and_all_or_nothing_exits_2(
    tmp_path: Path,
    data_dir: Path,
    db: Database,
    db_path: Path,
    admin: Actor,
) -> None:
    with db.write() as session:
        people.register(session, admin, PersonInput(name="张三", phone="13812345678", consent=True))
    sheet = tmp_path / "masked.xlsx"
    assert (
        _run(
            "export",
            "people",
            "-o",
            str(sheet),
            "--database",
            str(db_path),
            "--as",
            "admin",
            data_dir=data_dir,
        ).returncode
        == 0
    )
    with db.write() as session:
        session.execute(Person.__table__.delete())
    result = _run(
        "import-residents",
        str(sheet),
        "--database",
        str(db_path),
        "--as",
        "admin",
        "--all-or-nothing",
        "--lang",
        "en",
        data_dir=data_dir,
    )
    assert result.returncode == 2
    assert "Row 2 · Phone · Error: This phone number is masked (138****5678)" in result.stdout
    assert "Nothing was imported" in result.stdout
    assert _people(db) == []


def test_sign_in_is_required_and_only_an_admin_may(
    tmp_path: Path, data_dir: Path, db: Database, db_path: Path, desk: Actor
) -> None:
    sheet = write_xlsx(tmp_path / "r.xlsx", [["姓名"], ["张三"]])
    base = ("import-residents", str(sheet), "--database", str(db_path), "--lang", "en")
    missing = _run(*base, data_dir=data_dir)
    assert missing.returncode == 2 and "--as" in missing.stderr
    wrong = _run(*base, "--as", "admin", data_dir=data_dir, password="not it")
    assert wrong.returncode == 2 and "Wrong user name or password" in wrong.stderr
    refused = _run(*base, "--as", "desk", data_dir=data_dir)
    assert refused.returncode == 2 and "may not do this" in refused.stderr
    typed = _run(*base, "--as", "admin", data_dir=data_dir, password=None, stdin=PASSWORD + "\n")
    assert typed.returncode == 0, typed.stderr
    assert "Imported: 1 new," in typed.stdout
    with db.write() as session:
        failed = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "login_failed")
        ).all()
    assert len(failed) == 1


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504), "password"),
        (lambda p: p.write_bytes(b"not a workbook at all"), "damaged"),
    ],
)
def test_an_unreadable_roster_is_one_message_before_any_password(
    make: object, words: str, tmp_path: Path, data_dir: Path, db_path: Path
) -> None:
    sheet = tmp_path / "r.xlsx"
    make(sheet)  # type: ignore[operator]
    result = _run(
        "import-residents",
        str(sheet),
        "--database",
        str(db_path),
        "--as",
        "admin",
        "--lang",
        "en",
        data_dir=data_dir,
        password=None,
    )
    assert result.returncode == 2
    assert words in result.stderr and result.stderr.count("\n") == 1
    assert "Password" not in result.stdout + result.stderr


def test_a_missing_database_is_not_created(tmp_path: Path, data_dir: Path) -> None:
    result = _run(
        "export",
        "people",
        "-o",
        str(tmp_path / "p.csv"),
        "--database",
        str(tmp_path / "none.sqlite3"),
        "--as",
        "admin",
        "--lang",
        "en",
        data_dir=data_dir,
    )
    assert result.returncode == 2 and "There is no database" in result.stderr
    assert not (tmp_path / "none.sqlite3").exists()
