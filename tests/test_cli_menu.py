"""`youlin-desk print signin-sheet` and `print menu`: the PDFs read back, clear words for a
mistyped month, a row count out of range or a session that isn't there, and no Qt loaded."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import cli, clock
from app.db import Database
from app.security import Actor
from tests.conftest import PASSWORD
from tests.test_no_qt import SUB_COMMAND
from tests.test_service_menu import make_menu
from tests.test_signin_sheet import NAMES, _lesson, _numbers


def _text(path: Path) -> list[str]:
    return [
        "".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    ]


def _main(*args: str) -> int:
    return cli.main(lambda _options: 1, list(args))


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)


def test_print_signin_sheet(
    db: Database,
    db_url: str,
    admin: Actor,
    tmp_path: Path,
    password: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    activity, _people = _lesson(db, NAMES)
    out = tmp_path / "签到表.pdf"
    code = _main("print", "signin-sheet", "--session", str(activity), "--blank-rows", "4",
                 "-o", str(out), "--database", db_url, "--as", "admin")  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert str(out) in capsys.readouterr().out
    (page,) = _text(out)
    assert "签到表" in page and "应到10人" in page and "安然" in page
    assert "138****5678" in page and "13800005678" not in page
    assert [n for n, _texts in _numbers(out.read_bytes())] == list(range(1, 15))

    # A session that isn't there, a row count out of range: said, exit code 2, nothing written.
    missing = tmp_path / "none.pdf"
    code = _main("print", "signin-sheet", "--session", str(activity + 99), "-o", str(missing),
                 "--database", db_url, "--as", "admin")  # fmt: skip
    assert code == 2 and capsys.readouterr().err.strip() and not missing.exists()
    code = _main("print", "signin-sheet", "--session", str(activity), "--blank-rows", "-3",
                 "-o", str(missing), "--database", db_url, "--as", "admin")  # fmt: skip
    assert code == 2 and "0" in capsys.readouterr().err and not missing.exists()


def test_print_menu(
    db: Database,
    db_url: str,
    admin: Actor,
    clock_at: clock.FixedClock,
    tmp_path: Path,
    password: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_menu(db)
    out = tmp_path / "menu.pdf"
    code = _main("print", "menu", "--month", "2026-11", "-o", str(out),
                 "--database", db_url, "--as", "admin")  # fmt: skip
    assert code == 0, capsys.readouterr().err
    text = "".join(_text(out))
    assert "2026年11月服务菜单" in text and "行走的党课" in text and "余15位" in text
    code = _main("print", "menu", "--month", "11/2026", "-o", str(out),
                 "--database", db_url, "--as", "admin")  # fmt: skip
    assert code == 2 and "YYYY-MM" in capsys.readouterr().err


@pytest.mark.sqlite_only
def test_the_commands_load_no_qt(
    db: Database, db_path: Path, admin: Actor, tmp_path: Path, data_dir: Path
) -> None:
    activity, _people = _lesson(db, NAMES[:3])
    env = dict(os.environ, YOULIN_DATA_DIR=str(data_dir), YOULIN_PASSWORD=PASSWORD)
    for command in (
        ["signin-sheet", "--session", str(activity)],
        ["menu", "--month", "2026-11"],
    ):
        out = tmp_path / f"{command[0]}.pdf"
        result = subprocess.run(
            [sys.executable, "-c", SUB_COMMAND, "print", *command, "-o", str(out),
             "--database", str(db_path), "--as", "admin"],
            capture_output=True, text=True, env=env, timeout=300, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        assert out.read_bytes().startswith(b"%PDF")
