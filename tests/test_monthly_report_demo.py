"""The monthly report of the demo centre's November, read back against the statistics the
Statistics page shows for the same month: each community's and building group's line, the
series, the rooms, the requests and the volunteers, table row by table row."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app import clock, demo, paths
from app.db import Database
from app.models import Account
from app.printing.monthly_report import SECTIONS, monthly_report
from app.printing.monthly_report.sections import PURPOSE_NAMES, area_name, printed
from app.printing.monthly_report.tables import count, days, hours, maybe_count, per_1000, rate
from app.security import Actor, Role
from app.services import statistics
from app.services.statistics.period import Period
from app.services.statistics.rows import AreaLevel, MonthlyFigures
from tests.conftest import TEST_NOW

NOVEMBER = Period.month(2026, 11)


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Actor]]:
    """The demo centre (200 people) seen on TEST_NOW, and its staff account."""
    url = paths.sqlite_url(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    demo.write_demo(url, people=200, now=TEST_NOW)
    db = Database(url)
    with db.read() as session:
        staff = session.scalars(select(Account).where(Account.role == Role.STAFF)).first()
        assert staff is not None
        actor = Actor(staff.id, staff.username, staff.display_name, Role.STAFF)
    yield db, actor
    db.dispose()


@pytest.fixture
def november(centre: tuple[Database, Actor]) -> tuple[MonthlyFigures, list[str]]:
    """The figures of November as the statistics give them, and the report's pages."""
    db, staff = centre
    clock.use(clock.FixedClock(TEST_NOW))
    with db.read() as session:
        figures = statistics.monthly(session, staff, NOVEMBER)
    printout = monthly_report(db, staff, NOVEMBER)
    reader = PdfReader(io.BytesIO(printout.pdf))
    assert printout.unprintable == () and printout.pages == len(reader.pages)
    return figures, ["".join(page.extract_text().split()) for page in reader.pages]


def row(*cells: str) -> str:
    """A table row as the page reads without white space: its cells one after another."""
    return "".join("".join(cell.split()) for cell in cells)


def test_the_demo_months_report_shows_the_statistics(
    november: tuple[MonthlyFigures, list[str]],
) -> None:
    figures, pages = november
    text = "".join(pages)
    for section in SECTIONS:
        assert section in text
    assert "2026年11月工作月报" in pages[0] and figures.centre_name in pages[0]
    assert "Notfilledin" not in text  # the statistics' word for "none", printed in Chinese

    communities = [line for line in figures.areas if line.level is not AreaLevel.BUILDING_GROUP]
    assert len(communities) >= 8  # the centre and its seven communities
    for line in communities:
        name = area_name(line)
        assert (
            row(
                name,
                count(line.visits),
                count(line.people_served),
                maybe_count(line.residents),
                per_1000(line.served_per_1000),
                count(line.signups),
                count(line.attended),
                rate(line.attendance_rate),
                rate(line.no_show_rate),
                hours(line.volunteer_hours),
            )
            in text
        ), name
    groups = [line for line in figures.areas if line.level is AreaLevel.BUILDING_GROUP]
    assert len(groups) == 66
    for line in groups:
        assert (
            row(
                line.name,
                count(line.visits),
                count(line.people_served),
                count(line.signups),
                count(line.attended),
                rate(line.attendance_rate),
                hours(line.volunteer_hours),
            )
            in text
        ), line.name

    total = sum(day.visits for day in figures.visits_per_day)
    assert total and f"本月共来访{total:,}人次" in text
    for entry in figures.visits_by_purpose:
        share = rate(entry.visits / total)
        assert row(PURPOSE_NAMES[entry.purpose], count(entry.visits), share) in text

    for series in figures.series:
        assert (
            row(
                series.name,
                count(series.sessions),
                count(series.signups),
                count(series.attended),
                count(series.no_shows),
                rate(series.attendance_rate),
            )
            in text
        )
    for entry in figures.sessions:
        assert entry.item in text

    for room in figures.room_use:
        assert (
            row(room.name, hours(room.open_hours), hours(room.booked_hours), rate(room.utilisation))
            in text
        )

    requests = figures.requests
    if requests.received or requests.resolved or requests.open_at_end:
        assert (
            row(
                count(requests.received),
                count(requests.resolved),
                count(requests.open_at_end),
                days(requests.mean_days_to_resolve),
                days(requests.median_days_to_resolve),
            )
            in text
        )
    else:
        assert "本月无民生直通车诉求" in text

    assert figures.volunteer_hours
    for rank, volunteer in enumerate(figures.volunteer_hours, start=1):
        assert row(str(rank), volunteer.name, printed(volunteer.community)) in text
    for certificate in figures.certificates:
        if certificate.issued:
            assert count(certificate.issued) in text


def test_a_month_with_nothing_says_so(centre: tuple[Database, Actor]) -> None:
    db, staff = centre
    printout = monthly_report(db, staff, Period.month(2020, 1))
    text = "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(printout.pdf)).pages
    )
    assert "本月无来访登记" in text and "本月无志愿服务时长记录" in text
