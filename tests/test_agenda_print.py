"""议程 and 会议纪要 read back: the meeting, every item in order, numbers and names masked, the
outcomes in the minutes; and `youlin-desk print agenda`."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import cli, clock
from app.db import Database
from app.models import AgendaOutcome
from app.printing import agenda as agenda_print
from app.security import Actor
from app.services.rooms import agenda
from tests.conftest import PASSWORD, TEST_NOW
from tests.council import Council, at, make_council


@pytest.fixture
def council(db: Database, staff: Actor, clock_at: clock.FixedClock) -> Council:
    made = make_council(db, staff)
    with db.write() as session:
        for request in made.requests[:3]:
            agenda.add_to_agenda(session, staff, made.meeting, request)
    return made


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return "".join(text.split())


def _pdf(db: Database, actor: Actor, booking_id: int, *, minutes: bool = False) -> bytes:
    with db.read() as session:
        meeting, centre = agenda_print.meeting_for_print(session, actor, booking_id)
    return agenda_print.agenda_pdf(meeting, centre, TEST_NOW, minutes=minutes)


def test_agenda_lists_the_items_masked(db: Database, desk: Actor, council: Council) -> None:
    pdf = _pdf(db, desk, council.meeting)
    text = _flat(_text(pdf))
    assert "东湖苑自治理事会11月议事会" in text
    assert "东湖苑居民区自治理事会" in text
    assert "2026年11月26日星期四19:00–20:30" in text
    assert "党群议事厅（二楼201）" in text
    assert "东社区邻里中心" in text and "第1页/共1页" in text
    for number, words in enumerate(("垃圾箱房异味重", "楼道声控灯坏了", "非机动车乱停"), 1):
        assert f"议题{number}" in text
        assert words in text
    assert text.index("垃圾箱房异味重") < text.index("楼道声控灯坏了") < text.index("非机动车乱停")
    assert "138****5678" in text and "13812345678" not in text
    assert "张**" in text and "张秀英" not in text
    assert "欧阳**" in text and "欧阳建国" not in text
    assert "议定事项" in text and "主持人" in text and "记录人" in text
    assert "结果" not in text


def test_minutes_carry_the_outcomes(
    db: Database, staff: Actor, council: Council, clock_at: clock.FixedClock
) -> None:
    clock_at.set(at(1, "20:40"))
    with db.read() as session:
        items = agenda.agenda(session, staff, council.meeting).items
    with db.write() as session:
        agenda.record_outcome(session, staff, items[0].id, AgendaOutcome.RESOLVED, "物业每日清洗")
        agenda.record_outcome(session, staff, items[1].id, AgendaOutcome.OPEN, "两周内更换灯具")
    text = _flat(_text(_pdf(db, staff, council.meeting, minutes=True)))
    assert "会议纪要" in text
    assert "结果：已解决" in text and "物业每日清洗" in text
    assert "结果：继续跟进" in text and "两周内更换灯具" in text
    assert "结果：未记录" in text  # the third item was not recorded


def test_a_meeting_without_items_and_a_long_agenda(
    db: Database, staff: Actor, council: Council
) -> None:
    text = _flat(_text(_pdf(db, staff, council.later)))
    assert "本次会议暂无议题" in text
    with db.read() as session:
        meeting, centre = agenda_print.meeting_for_print(session, staff, council.meeting)
    long = dataclasses.replace(meeting, items=meeting.items * 8)
    reader = PdfReader(io.BytesIO(agenda_print.agenda_pdf(long, centre, TEST_NOW)))
    total = len(reader.pages)
    assert total >= 3
    last = _flat(reader.pages[-1].extract_text())
    assert "主持人" in last and f"第{total}页/共{total}页" in last
    assert _flat(_text(agenda_print.agenda_pdf(long, centre, TEST_NOW))).count("议定事项") == 24


def test_file_name(db: Database, staff: Actor, council: Council) -> None:
    with db.read() as session:
        meeting = agenda.agenda(session, staff, council.meeting)
    assert agenda_print.file_name(meeting) == "议程-2026-11-26-东湖苑自治理事会11月议事会.pdf"
    assert agenda_print.file_name(meeting, minutes=True).startswith("会议纪要-2026-11-26-")


def test_print_agenda_command(
    db: Database,
    db_url: str,
    admin: Actor,
    council: Council,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)
    out = tmp_path / "agenda.pdf"
    args = ["print", "agenda", "--database", db_url, "--as", "admin", "--booking"]
    code = cli.main(lambda _options: 1, [*args, str(council.meeting), "-o", str(out)])
    assert code == 0
    assert "东湖苑自治理事会11月议事会" in capsys.readouterr().out
    assert "138****5678" in _flat(_text(out.read_bytes()))
    # Not a council meeting, or a folder that isn't there: a message and exit code 2.
    code = cli.main(lambda _options: 1, [*args, str(council.activity), "-o", str(out)])
    assert code == 2 and "议程" in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "agenda.pdf"
    code = cli.main(lambda _options: 1, [*args, str(council.meeting), "-o", str(missing)])
    assert code == 2 and str(missing) in capsys.readouterr().err
