"""回访 at the desks: three large answers beside Resolve at Reception, the list of resolved requests
waiting for the call with a dialog to record the answer, and the same from a person's record."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.choices import Satisfaction
from app.db import Database
from app.models import Request
from app.security import Actor
from app.services import people, reception
from app.services.people import PersonInput
from tests.rooms_ui import context
from ui.people.detail import PersonDetailView
from ui.reception.follow_up import AnswerChoice
from ui.reception.requests import RequestsPanel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def _show(qtbot: QtBot, widget: QWidget) -> Any:
    qtbot.addWidget(widget)
    widget.resize(900, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def zhang(db: Database, desk: Actor) -> int:
    with db.write() as session:
        return people.register(
            session, desk, PersonInput("张三", phone="13812345678", consent=True)
        ).id


def _request(db: Database, actor: Actor, person_id: int, *, resolved: bool = False) -> int:
    with db.write() as session:
        row = reception.record_request(session, actor, person_id, "设施报修", "楼道灯坏了")
        if resolved:
            reception.resolve_request(session, actor, row.id, "已换灯泡")
        return row.id


def _stored(db: Database, request_id: int) -> tuple[str, str | None, str]:
    with db.read() as session:
        request = session.get_one(Request, request_id)
        return request.status, request.satisfaction, request.satisfaction_note


def test_the_three_answers_are_large_and_one_at_most(qtbot: QtBot) -> None:
    choice = _show(qtbot, AnswerChoice("test.answer"))
    buttons = choice.buttons
    assert [button.objectName() for button in buttons.values()] == [
        "test.answer.satisfied",
        "test.answer.basic",
        "test.answer.unsatisfied",
    ]
    assert all(button.height() >= 44 and button.accessibleName() for button in buttons.values())
    qtbot.mouseClick(buttons[Satisfaction.BASIC], Qt.MouseButton.LeftButton)
    assert choice.answer() is Satisfaction.BASIC
    assert buttons[Satisfaction.BASIC].text().startswith("✓")  # said by a sign, not colour only
    qtbot.mouseClick(buttons[Satisfaction.SATISFIED], Qt.MouseButton.LeftButton)
    assert choice.answer() is Satisfaction.SATISFIED
    assert not buttons[Satisfaction.BASIC].isChecked()
    assert not buttons[Satisfaction.BASIC].text().startswith("✓")
    qtbot.mouseClick(buttons[Satisfaction.SATISFIED], Qt.MouseButton.LeftButton)
    assert choice.answer() is None  # pressed again: not asked after all


def test_resolving_at_reception_takes_the_answer_and_needs_a_note_when_not_satisfied(
    qtbot: QtBot, db: Database, desk: Actor, zhang: int
) -> None:
    request_id = _request(db, desk, zhang)
    panel = _show(qtbot, RequestsPanel(context(db, desk)))
    panel.refresh()
    assert panel.select_request(request_id)
    panel.resolution_edit.setText("已换灯泡")
    qtbot.mouseClick(panel.answer.buttons[Satisfaction.UNSATISFIED], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert panel.answer.note_message.isVisible() and panel.answer.note_message.text()
    assert _stored(db, request_id) == ("open", None, "")  # nothing half written
    panel.answer.note_edit.insert("修了三次")  # as an input method commits it
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert _stored(db, request_id) == ("resolved", "unsatisfied", "修了三次")
    assert "张三" in panel.status.message() and not panel.status.is_error()
    assert panel.answer.answer() is None and panel.answer.note() == ""  # ready for the next
    assert panel.awaiting_count() == 0  # answered: nobody to call back


def test_a_resolved_request_waits_for_the_call_and_the_answer_is_recorded_later(
    qtbot: QtBot, db: Database, desk: Actor, zhang: int
) -> None:
    request_id = _request(db, desk, zhang)
    panel = _show(qtbot, RequestsPanel(context(db, desk)))
    panel.refresh()
    assert panel.select_request(request_id)
    assert panel.resolve("已换灯泡")  # no answer chosen: the call comes later
    assert panel.awaiting_count() == 1 and panel.awaiting_view.isVisible()
    assert not panel.follow_up_button.isEnabled()
    assert panel.select_awaiting(request_id) and panel.follow_up_button.isEnabled()
    qtbot.mouseClick(panel.follow_up_button, Qt.MouseButton.LeftButton)
    dialog = panel.follow_up_dialog
    assert dialog is not None and dialog.isVisible()
    assert "楼道灯坏了" in dialog.summary.accessibleName()
    assert dialog.save() is False  # no answer chosen: said beside the answers
    assert dialog.choice.message.isVisible() and dialog.isVisible()
    qtbot.mouseClick(dialog.choice.buttons[Satisfaction.SATISFIED], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _stored(db, request_id) == ("resolved", "satisfied", "")
    assert panel.awaiting_count() == 0 and panel.awaiting_empty.isVisible()
    assert "张三" in panel.status.message()


def test_the_persons_record_shows_the_answer_and_records_it(
    qtbot: QtBot, db: Database, desk: Actor, zhang: int
) -> None:
    open_id = _request(db, desk, zhang)
    resolved_id = _request(db, desk, zhang, resolved=True)
    record = _show(qtbot, PersonDetailView(context(db, desk)))
    assert record.show_person(zhang)
    model = record.requests_model
    texts = {entry.id: model.row_texts(row)[3] for row, entry in enumerate(model.entries())}
    assert texts[open_id] == "" and texts[resolved_id]  # "not called yet"
    assert record.open_follow_up(open_id) is None  # an open request has no follow-up yet
    assert not record.follow_up_button.isEnabled()
    dialog = record.open_follow_up(resolved_id)
    assert record.follow_up_button.isEnabled()
    assert dialog is not None and dialog.isVisible()
    dialog.choice.choose(Satisfaction.BASIC, "等了两天")
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
    assert _stored(db, resolved_id) == ("resolved", "basic", "等了两天")
    texts = {entry.id: model.row_texts(row)[3] for row, entry in enumerate(model.entries())}
    assert "等了两天" in texts[resolved_id]
