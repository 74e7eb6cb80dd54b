"""What the Rooms desk's tests share: a centre with rooms open every day, a stand-in for the
calendar widget (the desk only needs its five signals and two setters), and typing helpers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import settings as settings_module
from app.db import Database
from app.models import Booking, Organisation, OrganisationKind, Room, RoomHours
from app.security import Actor
from ui.context import DeskContext

OPENS, CLOSES = dt.time(8), dt.time(21)


def add_rooms(db: Database) -> dict[str, int]:
    """多功能厅 (60 seats), 书画室 (12 seats), open 08:00-21:00 every day; 会议室 (20) closed on
    Sundays. Two organisations, one of them a council."""
    with db.write() as session:
        rooms = {
            "hall": Room(name="多功能厅", capacity=60, sort_order=1),
            "art": Room(name="书画室", capacity=12, sort_order=2),
            "meeting": Room(name="会议室", capacity=20, sort_order=3),
        }
        session.add_all(rooms.values())
        session.flush()
        for key, room in rooms.items():
            for weekday in range(7 if key != "meeting" else 6):
                session.add(RoomHours(room_id=room.id, weekday=weekday, opens=OPENS, closes=CLOSES))
        orgs = {
            "wucai": Organisation(name="五彩亲子公益发展中心", kind=OrganisationKind.PARTNER.value),
            "council": Organisation(name="桃园社区自治理事会", kind=OrganisationKind.COUNCIL.value),
        }
        session.add_all(orgs.values())
        session.flush()
        ids = {key: room.id for key, room in rooms.items()}
        ids.update({key: org.id for key, org in orgs.items()})
        return ids


def context(db: Database, actor: Actor) -> DeskContext:
    return DeskContext(db, actor, settings_module.load())


def bookings(db: Database) -> list[Booking]:
    with db.read() as session:
        rows = list(session.scalars(select(Booking).order_by(Booking.starts_at, Booking.id)))
        session.expunge_all()
        return rows


class StandInCalendar(QWidget):
    """The calendar's API without its painting: remembers what it was given."""

    create_requested = Signal(int, object, object)
    edit_requested = Signal(int)
    move_requested = Signal(int, int, object, object)
    cancel_requested = Signal(int)
    day_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: tuple[Any, ...] = ()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_day(self, day: dt.date, rooms: Any, blocks: Any, hours: Any, notes: Any) -> None:
        self.shown = ("day", day, rooms, blocks, hours, notes)

    def set_week(self, first: dt.date, rooms: Any, blocks: Any, hours: Any, notes: Any) -> None:
        self.shown = ("week", first, rooms, blocks, hours, notes)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace what a field holds by typing, as a person does after selecting it all. Chinese
    comes whole, as an input method commits it (QTest's keyClicks types only Latin keys)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QAbstractSpinBox):
        widget.selectAll()
    else:
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick the item that starts with `text` with the arrow keys on the closed drop-down."""
    combo.setFocus(Qt.FocusReason.OtherFocusReason)
    for _ in range(combo.count()):
        if combo.currentText().startswith(text):
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(text):
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(
        f"{text!r} is not among {[combo.itemText(i) for i in range(combo.count())]}"
    )
