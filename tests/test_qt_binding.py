"""The Qt binding keeps Python's None alive: shiboken 6.12 dropped a reference to None on every
call of a method returning void, and on Python 3.11 (mortal None) the desk died after a few
thousand calls with "none_dealloc". This pins the fix (PySide6 6.11.3) in place."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_leave_none_refcount_alone(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(5000):
        label.setText(str(n))
        label.setObjectName("x")
    assert abs(sys.getrefcount(None) - before) < 100
