"""The printed duty rota (值班表): names and masked phones per community, a box per week with
the marks already made in words, the bundled font embedded; and `youlin-desk print rota`."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import cli, clock
from app.db import Database
from app.printing import rota as printed
from app.security import Actor
from app.services.volunteers import rota
from tests.conftest import PASSWORD
from tests.rota_data import make_rota
from tests.test_printing import _fonts


def _text(pdf: bytes) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_months_rota_shows_each_volunteer_with_a_box_per_week(
    db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    data = make_rota(db)
    with db.write() as session:
        rota.mark(session, desk, data.duty_id, data.people["王建国"], dt.date(2026, 11, 18), True)
        rota.mark(session, desk, data.duty_id, data.people["李秀兰"], dt.date(2026, 11, 18), False)
    first, last = printed.month_span(dt.date(2026, 11, 1))
    with db.read() as session:
        read = printed.read_rota(session, desk, first, last)
        printout = printed.rota_printout(session, desk, first, last)
    assert len(read.weeks) == 6  # 10/26 … 11/30: November touches six weeks
    (community,) = read.communities
    assert [row.name for row in community.rows] == ["李秀兰", "王建国"]  # pinyin order
    wang = community.rows[1]
    assert [day for day, _ in wang.turns if day] == [dt.date(2026, 11, d) for d in (4, 11, 18, 25)]
    text = _text(printout.pdf)
    assert "值班表" in text and "2026年11月" in text and "桃园社区" in text
    assert "王建国" in text and "李秀兰" in text and "3号楼组" in text
    assert "周三07:00–08:30" in text
    assert "138****5678" in text and "13812345678" not in text
    assert "已到" in text and "未到" in text
    assert any("YoulinHei" in name for name in _fonts(PdfReader(io.BytesIO(printout.pdf))))
    assert printout.unprintable == ()


def test_print_rota_from_the_command_line(
    db: Database,
    db_url: str,
    admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_rota(db)
    monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)
    out = tmp_path / "值班表.pdf"
    code = cli.main(
        lambda _options: 1,
        ["print", "rota", "--month", "2026-11", "--community", "桃园社区", "-o", str(out),
         "--database", db_url, "--as", "admin"],
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    text = _text(out.read_bytes())
    assert "王建国" in text and "13812345678" not in text
    elsewhere = tmp_path / "梅岭.pdf"
    code = cli.main(
        lambda _options: 1,
        ["print", "rota", "--week", "2026-11-25", "--community", "梅岭社区", "-o", str(elsewhere),
         "--database", db_url, "--as", "admin"],
    )  # fmt: skip
    assert code == 0
    assert "王建国" not in _text(elsewhere.read_bytes())
    code = cli.main(
        lambda _options: 1,
        ["print", "rota", "--month", "2026-13", "-o", str(tmp_path / "x.pdf"),
         "--database", db_url, "--as", "admin"],
    )  # fmt: skip
    assert code == 2 and not (tmp_path / "x.pdf").exists()
    code = cli.main(
        lambda _options: 1,
        ["print", "rota", "--month", "2026-11", "--community", "无名社区", "-o",
         str(tmp_path / "y.pdf"), "--database", db_url, "--as", "admin"],
    )  # fmt: skip
    assert code == 2 and "无名社区" in capsys.readouterr().err
