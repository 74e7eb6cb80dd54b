"""`youlin-desk print monthly-report`: the PDF written and read back, a desk account refused, a
mistyped month said before the password is asked, and no Qt loaded."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import cli
from app.db import Database
from app.printing.monthly_report import SECTIONS
from app.security import Actor
from tests.conftest import PASSWORD
from tests.test_no_qt import SUB_COMMAND


def _main(*args: str) -> int:
    return cli.main(lambda _options: 1, list(args))


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def test_staff_print_the_months_report(
    db: Database,
    db_url: str,
    staff: Actor,
    tmp_path: Path,
    password: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "工作月报.pdf"
    code = _main("print", "monthly-report", "--month", "2026-11", "-o", str(out),
                 "--database", db_url, "--as", "staff")  # fmt: skip
    assert code == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    assert str(out) in said
    text = _text(out)
    assert "2026年11月工作月报" in text
    for section in SECTIONS:
        assert section in text


def test_a_desk_account_and_a_mistyped_month_are_refused(
    db: Database,
    db_url: str,
    desk: Actor,
    tmp_path: Path,
    password: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "report.pdf"
    code = _main("print", "monthly-report", "--month", "2026-11", "-o", str(out),
                 "--database", db_url, "--as", "desk")  # fmt: skip
    assert code == 2 and capsys.readouterr().err.strip() and not out.exists()
    for month in ("2026-13", "11/2026", "November"):
        code = _main("print", "monthly-report", "--month", month, "-o", str(out),
                     "--database", db_url, "--as", "staff")  # fmt: skip
        assert code == 2 and "2026-11" in capsys.readouterr().err and not out.exists()


@pytest.mark.sqlite_only
def test_the_command_loads_no_qt(
    db: Database, db_path: Path, staff: Actor, tmp_path: Path, data_dir: Path
) -> None:
    env = dict(os.environ, YOULIN_DATA_DIR=str(data_dir), YOULIN_PASSWORD=PASSWORD)
    out = tmp_path / "report.pdf"
    result = subprocess.run(
        [sys.executable, "-c", SUB_COMMAND, "print", "monthly-report", "--month", "2026-11",
         "-o", str(out), "--database", str(db_path), "--as", "staff"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes().startswith(b"%PDF")
