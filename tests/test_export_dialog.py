"""The export dialog: masked by default, full values only when ticked (with the warning said in
words), the file written and audited; anyone but an admin sees the refusal. Never exec()."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import i18n
from app.db import Database
from app.models import AuditEvent
from app.security import Actor
from app.services import export as export_service
from app.services import people
from app.services.export import ExportFormat, ExportKind, ExportResult
from app.services.people import PersonInput
from tests.test_roster import ID_1956
from tests.test_ui_import import gate, make_context
from ui.people.export_dialog import ExportDialog

__all__ = ["gate"]  # the fixture, used by name

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


@pytest.fixture
def zhang(db: Database, admin: Actor) -> None:
    with db.write() as session:
        people.register(
            session,
            admin,
            PersonInput(name="张三", phone="13812345678", id_number=ID_1956, consent=True),
        )


def open_dialog(qtbot: QtBot, db: Database, actor: Actor) -> ExportDialog:
    dialog = ExportDialog(make_context(db, actor))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def export(qtbot: QtBot, dialog: ExportDialog, path: Path) -> ExportResult | None:
    """Start the export (a background job) and wait until its outcome is shown."""
    with qtbot.waitSignal(dialog.step_done, timeout=60_000):
        assert dialog.export_to(path) is not None
    return dialog.last_result if dialog.last_result and dialog.last_result.path == path else None


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_masked_by_default_then_full_when_ticked(
    qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor, zhang: None
) -> None:
    dialog = open_dialog(qtbot, db, admin)
    full = dialog.findChild(QCheckBox, "people.export.full")
    warning = dialog.findChild(QLabel, "people.export.fullWarning")
    assert full is not None and warning is not None
    assert not full.isChecked() and not warning.isVisible()
    fmt = dialog.findChild(QComboBox, "people.export.format")
    assert fmt is not None
    fmt.setCurrentIndex(fmt.findData(ExportFormat.CSV.value))
    path_edit = dialog.findChild(QLineEdit, "people.export.path")
    assert path_edit is not None and path_edit.text().endswith(".csv")

    masked = export(qtbot, dialog, tmp_path / "masked.csv")
    assert masked is not None and not masked.full and masked.rows == 1
    assert read_csv(tmp_path / "masked.csv")[1][4] == "138****5678"
    result = dialog.findChild(QLabel, "people.export.result")
    assert result is not None and "masked" in result.accessibleName()

    qtbot.mouseClick(full, Qt.MouseButton.LeftButton)
    assert full.isChecked() and warning.isVisible()
    assert "full phone number and ID number" in warning.accessibleName()
    path_edit.setText(str(tmp_path / "full.csv"))
    run = dialog.findChild(QPushButton, "people.export.run")
    assert run is not None
    with qtbot.waitSignal(dialog.step_done, timeout=60_000):
        qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    row = read_csv(tmp_path / "full.csv")[1]
    assert row[4] == "13812345678" and row[5] == ID_1956
    with db.write() as session:
        fulls = [
            '"full": true' in e.detail
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        ]
    assert fulls == [False, True]


def test_visits_to_xlsx_and_a_bad_place_said_beside_the_path(
    qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor
) -> None:
    dialog = open_dialog(qtbot, db, admin)
    dialog.set_choices(ExportKind.VISITS, ExportFormat.XLSX)
    assert export(qtbot, dialog, tmp_path / "nowhere" / "v.xlsx") is None
    assert dialog.path_message.isVisible() and "nowhere" in dialog.path_message.text()
    done = export(qtbot, dialog, tmp_path / "v.xlsx")
    assert done is not None and done.kind is ExportKind.VISITS and (tmp_path / "v.xlsx").exists()
    assert not dialog.path_message.isVisible()


def test_the_default_name_follows_the_choices(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = open_dialog(qtbot, db, admin)
    first = Path(dialog.path_edit.text())
    assert first.suffix == ".xlsx" and first.stem.startswith("people-")
    dialog.set_choices(ExportKind.VISITS, ExportFormat.CSV)
    second = Path(dialog.path_edit.text())
    assert second.suffix == ".csv" and second.stem.startswith("visits-")


@pytest.mark.parametrize("role", ["desk", "staff"])
def test_only_an_admin_may_export(
    role: str, request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path, db: Database
) -> None:
    actor: Actor = request.getfixturevalue(role)
    dialog = open_dialog(qtbot, db, actor)
    assert dialog.message.isVisible() and "may not do this" in dialog.message.text()
    assert not dialog.export_button.isEnabled() and not dialog.full_check.isEnabled()
    assert dialog.export_to(tmp_path / "p.csv") is None  # refused at once: no job starts
    assert not (tmp_path / "p.csv").exists()


def test_stop_during_the_export_leaves_no_file_and_no_record(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
    gate: threading.Event,
) -> None:
    with db.write() as session:
        for number in range(60):
            people.register(
                session, admin, PersonInput(name="张三", phone=f"139{number:08d}", consent=True)
            )
    # The 30th row waits until Stop has been pressed, whatever the machine's speed.
    monkeypatch.setattr(export_service, "_PROGRESS_STEP", 10)
    original = export_service._people_rows
    inside = threading.Event()

    def gated(session: Any, full: bool) -> Iterator[list[object]]:
        for number, row in enumerate(original(session, full)):
            if number == 30:
                inside.set()
                gate.wait(30)
            yield row

    monkeypatch.setattr(export_service, "_people_rows", gated)
    dialog = open_dialog(qtbot, db, admin)
    dialog.set_choices(ExportKind.PEOPLE, ExportFormat.XLSX)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "people.xlsx"
    with qtbot.waitSignal(dialog.step_done, timeout=60_000):
        assert dialog.export_to(target) is not None
        qtbot.waitUntil(inside.is_set)
        bar = dialog.findChild(QProgressBar, "people.export.progress")
        stop = dialog.findChild(QPushButton, "people.export.cancel")
        assert bar is not None and bar.isVisible() and stop is not None and stop.isVisible()
        assert not dialog.export_button.isEnabled() and not dialog.close_button.isEnabled()
        dialog.reject()  # Escape while it runs: stops it, the dialog stays
        assert dialog.isVisible() and not stop.isEnabled()
        gate.set()
    assert "Stopped" in dialog.message.text() and dialog.last_result is None
    assert list(folder.iterdir()) == []  # neither the file nor a part of it
    with db.read() as session:
        assert list(session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))) == []
    assert dialog.export_button.isEnabled() and not stop.isVisible()
