"""The Service menu desk on the demo centre, in the main window, as a desk volunteer at 1366×768:
three residents signed up for 行走的党课 (two seats left: the third waits), a cancellation moves
the third up, the sign-in sheet is previewed and read back, and attendance is ticked from it in
the sheet's order. `YOULIN_SCREENS=DIR` saves the screens on the way."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import clock
from app.db import Database
from app.models import ActivitySession, Person, ServiceItem, Signup, SignupStatus
from tests.demo_ui import actor, demo_database, in_chinese_locale, open_main_window, shot
from tests.rooms_ui import type_into
from ui.menu.desk import MenuDesk
from ui.menu.models import RosterModel
from ui.menu.printing import SigninSheetDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def demo_db(tmp_path: Path, clock_at: clock.FixedClock, chinese: None) -> Iterator[Database]:
    db = demo_database(tmp_path)
    yield db
    db.dispose()


def _lesson(db: Database) -> tuple[int, dt.datetime, int, int]:
    """行走的党课's session to come: id, start, capacity, seats taken."""
    with db.read() as session:
        activity = session.scalars(
            select(ActivitySession)
            .join(ServiceItem)
            .where(ServiceItem.name == "行走的党课", ActivitySession.starts_at > clock.now())
            .order_by(ActivitySession.starts_at)
        ).first()
        assert activity is not None
        taken = sum(
            session.scalars(
                select(Signup.seats).where(
                    Signup.session_id == activity.id,
                    Signup.status == SignupStatus.SIGNED_UP.value,
                )
            )
        )
        return activity.id, activity.starts_at, activity.capacity, taken


def _newcomers(db: Database, session_id: int) -> list[tuple[str, str]]:
    """Three adults of the register not yet signed up: (member code, name)."""
    with db.read() as session:
        signed = select(Signup.person_id).where(Signup.session_id == session_id)
        rows = session.execute(
            select(Person.member_code, Person.name)
            .where(
                Person.active.is_(True),
                Person.birth_year <= 1990,
                Person.id.not_in(signed),
            )
            .order_by(Person.id)
            .limit(3)
        ).all()
    return [(code, name) for code, name in rows]


def test_a_volunteer_signs_three_up_for_the_party_lesson_prints_the_sheet_and_ticks_it(
    qtbot: QtBot, demo_db: Database, clock_at: clock.FixedClock, request: pytest.FixtureRequest
) -> None:
    volunteer = actor(demo_db, "desk")
    session_id, starts_at, capacity, taken = _lesson(demo_db)
    assert capacity - taken == 2
    in_chinese_locale(request)
    window = open_main_window(qtbot, demo_db, volunteer)
    assert window.switch_to("menu")
    desk = window.desk("menu")
    assert isinstance(desk, MenuDesk)
    assert desk.show_session(session_id)
    shot(window, "1-desk")

    newcomers = _newcomers(demo_db, session_id)
    names = [name for _code, name in newcomers]
    said = []
    for code, _name in newcomers:
        desk.sessions_view.setFocus()
        qtbot.keyClick(desk.sessions_view, Qt.Key.Key_F2)
        panel = desk.signup_panel
        box = panel.person.search_box
        qtbot.waitUntil(box.hasFocus)
        type_into(qtbot, box, code)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(panel.confirm_button.hasFocus)
        if len(said) == 2:
            shot(window, "2-signing-up")
        qtbot.keyClick(panel.confirm_button, Qt.Key.Key_Return)
        said.append(desk.status.message())
    assert said[0] == f"已为 {names[0]} 报名" and said[1] == f"已为 {names[1]} 报名"
    assert said[2] == f"本场已满，{names[2]} 已列入候补第 1 位"
    shot(window, "3-full-with-waitlist")

    # The first of them can't come after all: Delete, Enter; the third moves up, named.
    rows = [desk.roster_model.row_texts(r) for r in range(desk.roster_model.rowCount())]
    desk.roster_view.setFocus()
    desk.roster_view.selectRow([r[RosterModel.NAME] for r in rows].index(names[0]))
    qtbot.keyClick(desk.roster_view, Qt.Key.Key_Delete)
    qtbot.keyClick(desk.question.confirm_button, Qt.Key.Key_Return)
    assert f"{names[2]} 已从候补转为正式报名" in desk.status.message()
    shot(window, "4-promoted")

    # The sign-in sheet: everyone signed up, in the desk's order, with blank rows after.
    qtbot.keyClick(desk.sessions_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.findChild(SigninSheetDialog, "menu.signinSheet")
    assert dialog is not None
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    shot(preview, "5-sheet-preview", qtbot)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(preview.pdf)).pages)
    sheet = [desk.roster_model.row_texts(r)[RosterModel.NAME] for r in range(capacity)]
    positions = [text.index(name) for name in sheet]
    assert positions == sorted(positions)
    assert f"应到 {capacity} 人" in text
    preview.close()

    # At the session: the list in the sheet's order, ticked with Space from the paper.
    clock_at.set(starts_at - dt.timedelta(minutes=5))
    panel = desk.open_attendance()
    assert panel is not None
    assert [line.name for line in panel.model.lines()] == sheet
    panel.table.setFocus()
    for row in (0, 1, 3):
        panel.table.selectRow(row)
        qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert "实到 3 人" in panel.counts_text().replace("\u3000", " ")
    shot(window, "6-attendance")
    with demo_db.read() as session:
        ticked = session.scalars(
            select(Signup.person_id).where(
                Signup.session_id == session_id, Signup.attended.is_(True)
            )
        ).all()
    assert len(ticked) == 3
