"""The agenda dialog driven as staff would: find an open request, put it on the agenda, order
it, take one off, record outcomes after the meeting, print. Never blocks (no exec())."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import clock, i18n
from app import settings as settings_module
from app.db import Database
from app.models import AgendaItem, AgendaOutcome, Request, RequestStatus
from app.security import Actor
from app.services.rooms import agenda
from tests.council import Council, at, make_council
from ui import style
from ui.context import DeskContext
from ui.pdf_preview import PdfPreviewDialog
from ui.reception.requests import RequestsPanel
from ui.rooms.agenda import AgendaDialog
from ui.rooms.agenda_models import AgendaModel, OpenRequestsModel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


@pytest.fixture
def council(db: Database, staff: Actor, clock_at: clock.FixedClock) -> Council:
    return make_council(db, staff)


def _dialog(qtbot: QtBot, db: Database, actor: Actor, booking_id: int) -> AgendaDialog:
    dialog = AgendaDialog(DeskContext(db, actor, settings_module.load()), booking_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _order(dialog: AgendaDialog) -> list[int]:
    return [line.request.id for line in dialog.model.lines()]


def test_staff_build_the_agenda_by_keyboard(
    qtbot: QtBot, db: Database, staff: Actor, council: Council
) -> None:
    dialog = _dialog(qtbot, db, staff, council.meeting)
    assert dialog.windowTitle() == "Agenda: 东湖苑自治理事会11月议事会"
    assert "东湖苑居民区自治理事会" in dialog.facts_label.text()
    assert dialog.empty_label.isVisible() and not dialog.agenda_view.isVisible()
    assert dialog.requests_side.isVisible() and not dialog.outcome_box.isVisible()
    assert dialog.focusWidget() is dialog.search_edit
    assert dialog.visible_requests() == council.requests
    texts = dialog.requests_model.row_texts(0)
    assert "138****5678" in texts[OpenRequestsModel.REQUEST] and "张**" in texts[-1]

    # Type a word, Enter: the one request left goes on the agenda.
    with qtbot.waitSignal(dialog.changed):
        dialog.search_edit.insert("声控灯")  # as an input method types it
        assert dialog.visible_requests() == [council.requests[1]]
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert _order(dialog) == [council.requests[1]]
    assert council.requests[1] not in dialog.visible_requests()  # no longer waiting
    assert dialog.search_edit.text() == ""
    assert dialog.add_request(council.requests[0])
    assert dialog.add_request(council.requests[2])
    assert _order(dialog) == [council.requests[1], council.requests[0], council.requests[2]]
    assert dialog.agenda_view.isVisible() and not dialog.empty_label.isVisible()

    # Ctrl+Up moves the chosen item up; Delete takes it off.
    assert dialog.select_item(dialog.model.lines()[2].id)
    assert not dialog.down_button.isEnabled() and dialog.up_button.isEnabled()
    dialog.agenda_view.setFocus()
    qtbot.keyClick(dialog.agenda_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _order(dialog) == [council.requests[1], council.requests[2], council.requests[0]]
    assert dialog.selected_item() is not None
    assert dialog.selected_item().request.id == council.requests[2]  # type: ignore[union-attr]
    qtbot.keyClick(dialog.agenda_view, Qt.Key.Key_Delete)
    assert _order(dialog) == [council.requests[1], council.requests[0]]
    assert "off the agenda" in dialog.status.message()
    assert [row[0] for row in map(dialog.model.row_texts, range(2))] == ["1", "2"]
    with db.read() as session:
        stored = session.execute(
            select(AgendaItem.request_id, AgendaItem.position).order_by(AgendaItem.position)
        ).all()
    assert [tuple(row) for row in stored] == [(council.requests[1], 1), (council.requests[0], 2)]


def test_a_refused_change_is_said_in_words(
    qtbot: QtBot, db: Database, staff: Actor, council: Council
) -> None:
    with db.write() as session:
        agenda.add_to_agenda(session, staff, council.later, council.requests[3])
    dialog = _dialog(qtbot, db, staff, council.meeting)
    assert council.requests[3] not in dialog.visible_requests()
    assert not dialog.add_request(council.requests[3])  # on next week's agenda already
    assert dialog.status.is_error() and "群英荟12月议事会" in dialog.status.message()
    dialog.search_edit.setText("no such words")
    assert dialog.visible_requests() == [] and not dialog.add_button.isEnabled()
    assert not dialog.add_request()
    assert "Choose a request" in dialog.status.message()


def test_outcomes_after_the_meeting_carry_back_and_print(
    qtbot: QtBot, db: Database, staff: Actor, council: Council, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        for request in council.requests[:2]:
            agenda.add_to_agenda(session, staff, council.meeting, request)
    clock_at.set(at(1, "20:45"))
    dialog = _dialog(qtbot, db, staff, council.meeting)
    assert not dialog.requests_side.isVisible() and dialog.outcome_box.isVisible()
    assert "2 item(s) still need their outcome" in dialog.state_label.accessibleName()
    assert not dialog.minutes_button.isEnabled()
    first = dialog.model.lines()[0]
    assert dialog.selected_item() == first  # the first item is chosen on opening

    assert not dialog.record_outcome()  # neither outcome chosen
    assert dialog.message("outcome")
    assert not dialog.record_outcome(AgendaOutcome.RESOLVED, "")
    assert dialog.message("decision") and not dialog.message("outcome")
    assert dialog.record_outcome(AgendaOutcome.RESOLVED, "物业每日清洗两次")
    assert dialog.model.row_texts(0)[AgendaModel.OUTCOME] == "Request resolved"
    second = dialog.selected_item()
    assert second is not None and second.id != first.id  # on to the next undecided one
    dialog.open_radio.setChecked(True)
    dialog.decision_edit.insertPlainText("两周内更换灯具")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.model.row_texts(1)[AgendaModel.OUTCOME] == "Request still open"
    assert "every outcome is recorded" in dialog.state_label.accessibleName()
    assert not dialog.record_button.isEnabled() and not dialog.remove_button.isEnabled()
    with db.read() as session:
        statuses = {
            r.id: r.status for r in session.scalars(select(Request)) if r.id in council.requests
        }
    assert statuses[council.requests[0]] == RequestStatus.RESOLVED
    assert statuses[council.requests[1]] == RequestStatus.ASSIGNED

    assert dialog.minutes_button.isEnabled()
    preview = dialog.preview(minutes=True)
    assert isinstance(preview, PdfPreviewDialog)
    qtbot.addWidget(preview)
    text = "".join(PdfReader(io.BytesIO(preview.pdf)).pages[0].extract_text().split())
    assert "会议纪要" in text and "结果：已解决" in text and "138****5678" in text
    assert preview.file_name.startswith("会议纪要-2026-11-26-")
    preview.close()


def test_a_desk_volunteer_reads_only(
    qtbot: QtBot, db: Database, staff: Actor, desk: Actor, council: Council
) -> None:
    with db.write() as session:
        agenda.add_to_agenda(session, staff, council.meeting, council.requests[0])
    dialog = _dialog(qtbot, db, desk, council.meeting)
    assert dialog.model.rowCount() == 1
    assert not dialog.requests_side.isVisible()
    assert not dialog.up_button.isVisible() and not dialog.remove_button.isVisible()
    assert "Staff" in dialog.state_label.accessibleName()
    assert dialog.print_button.isEnabled()
    preview = dialog.preview()
    assert preview is not None
    qtbot.addWidget(preview)
    preview.close()


def test_not_a_council_meeting(qtbot: QtBot, db: Database, staff: Actor, council: Council) -> None:
    dialog = _dialog(qtbot, db, staff, council.activity)
    assert dialog.meeting is None
    assert dialog.status.is_error() and not dialog.splitter.isVisible()
    assert not dialog.print_button.isEnabled()


def test_fits_a_small_screen_in_large_text(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    council: Council,
    text_size: None,
    chinese: None,
    clock_at: clock.FixedClock,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style.apply_text_size(app, "large")
    with db.write() as session:
        for request in council.requests[:3]:
            agenda.add_to_agenda(session, staff, council.meeting, request)
    for moment in (at(0, "09:30"), at(1, "19:30")):  # before (requests beside), during (both)
        clock_at.set(moment)
        dialog = _dialog(qtbot, db, staff, council.meeting)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768 - 40 - 32, (moment, hint)
        # On the desk's screen (a task bar and a title bar less): nothing cut off at the foot.
        dialog.resize(1366 * 9 // 10, 768 - 40 - 32 - 6)
        qtbot.wait(20)
        for widget in (dialog.decision_edit, dialog.requests_view, dialog.add_button):
            if widget.isVisible():
                foot = widget.mapTo(dialog.splitter, widget.rect().bottomLeft()).y()
                assert foot < dialog.splitter.height(), (moment, widget.objectName())
                parent = widget.parentWidget()
                assert parent is not None and widget.geometry().bottom() < parent.height()
        assert dialog.close_button.geometry().bottom() < dialog.height()
        dialog.close()


def test_models_without_a_window(
    qtmodeltester: object, db: Database, staff: Actor, council: Council
) -> None:
    with db.write() as session:
        agenda.add_to_agenda(session, staff, council.meeting, council.requests[2])
    with db.read() as session:
        meeting = agenda.agenda(session, staff, council.meeting)
        requests = agenda.open_requests(session, staff)
    model = AgendaModel()
    model.set_lines(meeting.items)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.row_texts(0) == [
        "1",
        "[环境卫生] 非机动车乱停，堵住消防通道。",
        "—",
        "Not yet decided",
    ]
    assert model.row_of(meeting.items[0].id) == 0 and model.row_of(999) == -1
    requests_model = OpenRequestsModel()
    requests_model.set_lines(requests)
    qtmodeltester.check(requests_model)  # type: ignore[attr-defined]
    assert requests_model.header_texts() == ["Recorded", "Issue", "Raised by"]
    assert requests_model.row_texts(0)[0] == "11-16"


def test_reception_puts_a_request_on_a_meeting(
    qtbot: QtBot, db: Database, staff: Actor, desk: Actor, council: Council
) -> None:
    panel = RequestsPanel(DeskContext(db, staff, settings_module.load()))
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    assert not panel.agenda_row.isHidden()
    meetings = [panel.meeting_combo.itemData(i) for i in range(panel.meeting_combo.count())]
    assert meetings == [council.meeting, council.later]  # coming ones only, soonest first
    assert "东湖苑自治理事会11月议事会" in panel.meeting_combo.itemText(0)
    assert not panel.agenda_button.isEnabled()  # no request chosen yet
    assert not panel.submit_to_agenda()
    assert panel.select_request(council.requests[1])
    assert panel.agenda_button.isEnabled()
    with qtbot.waitSignal(panel.changed):
        assert panel.submit_to_agenda(council.later)
    assert "群英荟12月议事会" in panel.status.message() and "item 1" in panel.status.message()
    assert panel.select_request(council.requests[1])
    assert not panel.submit_to_agenda(council.meeting)  # waiting on the other one
    assert panel.status.is_error()
    with db.read() as session:
        assert [(i.booking_id, i.request_id) for i in session.scalars(select(AgendaItem))] == [
            (council.later, council.requests[1])
        ]

    desk_panel = RequestsPanel(DeskContext(db, desk, settings_module.load()))
    qtbot.addWidget(desk_panel)
    desk_panel.refresh()
    assert desk_panel.agenda_row.isHidden()  # staff work
