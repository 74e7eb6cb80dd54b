"""`youlin-desk print room-day / room-week` and `export rooms-ics` end to end, as real processes
on a centre with rooms, weekly hours and bookings: the PDF and the .ics read back, and clear
Chinese words for a mistyped date or an unknown room."""

from __future__ import annotations

import io
from pathlib import Path

import icalendar
from pypdf import PdfReader

from app.db import Database
from app.security import Actor
from tests import rooms_data
from tests.test_export_cli import _run


def _pages(path: Path) -> list[str]:
    return [
        "".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    ]


def test_print_room_day_door_sheets_and_overview(
    tmp_path: Path, data_dir: Path, db: Database, db_url: str, admin: Actor
) -> None:
    demo = rooms_data.demo_like(db, admin)
    target = tmp_path / "门牌.pdf"
    done = _run(
        "print", "room-day", "--date", "2026-11-25", "-o", str(target),
        "--database", db_url, "--as", "admin", data_dir=data_dir,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "3 页" in done.stdout and str(target) in done.stdout
    pages = _pages(target)
    assert len(pages) == 3
    assert [
        name in page for page, name in zip(pages, ("多功能厅", "书画教室", "议事厅"), strict=True)
    ]
    text = "".join(pages)
    for title in demo.titles.values():
        assert title in text
    assert "138****5678" in text and demo.person_phone not in text
    assert "2026年11月25日星期三" in text

    overview = tmp_path / "一览.pdf"
    done = _run(
        "print", "room-day", "--date", "2026-11-25", "--overview", "-o", str(overview),
        "--database", db_url, "--as", "admin", data_dir=data_dir,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (page,) = _pages(overview)
    assert "活动室一览" in page and all(title in page for title in demo.titles.values())

    one = tmp_path / "一间.pdf"
    done = _run(
        "print", "room-day", "--date", "2026-11-25", "--room", "书画教室", "-o", str(one),
        "--database", db_url, "--as", "admin", data_dir=data_dir,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (page,) = _pages(one)
    assert "书画教室" in page and "书法班" in page and "社区合唱团排练" not in page


def test_print_room_week_of_one_room_by_its_number(
    tmp_path: Path, data_dir: Path, db: Database, db_url: str, admin: Actor
) -> None:
    demo = rooms_data.demo_like(db, admin)
    target = tmp_path / "week.pdf"
    done = _run(
        "print", "room-week", "--date", "2026-11-27", "--room", str(demo.classroom),
        "-o", str(target), "--database", db_url, "--as", "admin", data_dir=data_dir,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    text = "".join(reader.pages[0].extract_text().split())
    assert "书画教室本周日程2026年11月23日—11月29日" in text
    assert text.count("09:00–11:00书法班") == 7


def test_a_mistyped_date_or_an_unknown_room_is_said_in_chinese(
    tmp_path: Path, data_dir: Path, db: Database, db_url: str, admin: Actor
) -> None:
    rooms_data.demo_like(db, admin)
    target = tmp_path / "x.pdf"
    bad_date = _run(
        "print", "room-day", "--date", "2026-13-01", "-o", str(target),
        "--database", db_url, "--as", "admin", data_dir=data_dir,
    )  # fmt: skip
    assert bad_date.returncode == 2
    assert "2026-13-01" in bad_date.stderr and "YYYY-MM-DD" in bad_date.stderr
    assert "日期" in bad_date.stderr and "Traceback" not in bad_date.stderr
    unknown = _run(
        "print", "room-week", "--date", "2026-11-25", "--room", "大礼堂", "-o", str(target),
        "--database", db_url, "--as", "admin", data_dir=data_dir,
    )  # fmt: skip
    assert unknown.returncode == 2
    assert "大礼堂" in unknown.stderr and "多功能厅、书画教室、议事厅" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    assert not target.exists()


def test_export_rooms_ics(
    tmp_path: Path, data_dir: Path, db: Database, db_url: str, admin: Actor, staff: Actor
) -> None:
    demo = rooms_data.demo_like(db, admin)
    target = tmp_path / "rooms.ics"
    done = _run(
        "export", "rooms-ics", "--room", "多功能厅", "-o", str(target),
        "--database", db_url, "--as", "staff", data_dir=data_dir,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "3" in done.stdout and str(target) in done.stdout
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    titles = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert titles == {"长者智能手机课堂", "社区合唱团排练", "亲子绘本共读"}
    assert demo.person_phone.encode() not in target.read_bytes()
    refused = _run(
        "export", "rooms-ics", "--full", "-o", str(tmp_path / "full.ics"),
        "--database", db_url, "--as", "staff", data_dir=data_dir,
    )  # fmt: skip
    assert refused.returncode == 2 and "--full" in refused.stderr
    assert not (tmp_path / "full.ics").exists()
