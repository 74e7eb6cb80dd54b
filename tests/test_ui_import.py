"""The roster import dialog driven like an administrator would: choose a file, look at the
columns, check the rows, read the report, import the valid rows. Never exec()."""

from __future__ import annotations

import gc
import itertools
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import i18n
from app import settings as settings_module
from app.db import Database
from app.models import Person, PersonSearchKey
from app.security import Actor
from app.services import people
from app.services.people import PersonInput
from app.services.roster import GenderRule, RosterField, StopReason, writing
from app.services.search import search_people
from tests.test_roster import HEADER, ID_1956, places, write_xlsx
from tests.test_roster_batches import HEADER as BATCH_HEADER
from tests.test_roster_batches import person_row
from ui import jobs
from ui.context import DeskContext
from ui.people.import_dialog import ImportDialog

__all__ = ["places"]  # the fixture, used by name

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


class Changes:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def make_context(db: Database, actor: Actor, changes: Changes | None = None) -> DeskContext:
    return DeskContext(
        db=db,
        actor=actor,
        settings=settings_module.load(),
        on_data_changed=[changes] if changes else [],
    )


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


ROWS = [
    ["东社区居民花名册"],
    [],
    list(HEADER),
    ["张三", "男", 1956, "13812345678", None, "东苑社区", "3号楼组", "友邻路3号101室", "党员"],
    ["李四", "女", "1960-02-30", "13912345678", None, "东苑", None, None, None],
    ["王五😀", None, 1970, "12345", None, "南苑社区", None, None, None],
    ["赵六", None, None, "13700000000", ID_1956, "西苑社区", "1号楼组", None, "志愿者、党员"],
    ["钱七", None, 1980, "13812345678", None, None, None, None, None],
    ["张三", None, 1956, "13812345678", None, None, None, None, None],
]


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """What a worker waits for in a test; set at the end whatever happened, so that no worker
    is left waiting for a test that has failed."""
    event = threading.Event()
    yield event
    event.set()


def open_dialog(
    qtbot: QtBot, db: Database, actor: Actor, changes: Changes | None = None
) -> ImportDialog:
    dialog = ImportDialog(make_context(db, actor, changes))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def step(qtbot: QtBot, dialog: ImportDialog, start: Callable[[], object]) -> None:
    """Start one step of the dialog (it runs as a background job) and wait until it is shown."""
    with qtbot.waitSignal(dialog.step_done, timeout=60_000):
        assert start() is not None


def click_step(qtbot: QtBot, dialog: ImportDialog, button: QPushButton) -> None:
    """Press a button that starts a step, and wait until its outcome is shown."""
    with qtbot.waitSignal(dialog.step_done, timeout=60_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def people_count(db: Database) -> int:
    with db.write() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def test_load_check_report_and_import_the_valid_rows(
    qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor, places: dict[str, int]
) -> None:
    with db.write() as session:  # 钱七 is on file already, without an address
        people.register(session, admin, PersonInput(name="钱七", phone="13600000000", consent=True))
    rows = [*ROWS]
    rows[7] = ["钱七", None, 1980, "13600000000", None, None, None, "友邻路7号", None]
    path = write_xlsx(tmp_path / "roster.xlsx", rows)
    changes = Changes()
    dialog = open_dialog(qtbot, db, admin, changes)
    import_button = dialog.findChild(QPushButton, "people.import.importValid")
    assert import_button is not None and not import_button.isEnabled()

    step(qtbot, dialog, lambda: dialog.load_file(path))
    assert dialog.preview is not None
    assert dialog.mapping() == {
        RosterField.NAME: 0,
        RosterField.GENDER: 1,
        RosterField.BIRTH: 2,
        RosterField.PHONE: 3,
        RosterField.ID_NUMBER: 4,
        RosterField.COMMUNITY: 5,
        RosterField.BUILDING_GROUP: 6,
        RosterField.ADDRESS: 7,
        RosterField.TAGS: 8,
    }
    combo = dialog.findChild(QComboBox, "people.import.column.3")
    assert combo is not None and combo.currentText() == "Phone"
    assert combo.accessibleName() == "Column D (手机) is imported as"

    check = dialog.findChild(QPushButton, "people.import.validate")
    assert check is not None and check.isEnabled()
    click_step(qtbot, dialog, check)
    report = dialog.report
    assert report is not None
    assert (report.rows, report.new, report.matched, report.repeated, report.errors) == (
        6,
        2,
        1,
        1,
        2,
    )
    counts = dialog.findChild(QLabel, "people.import.counts")
    assert counts is not None
    assert counts.accessibleName() == (
        "6 rows: 2 new, 1 already on file, 1 repeated in the file, 2 with errors."
    )
    view = dialog.findChild(QTableView, "people.import.report")
    assert view is not None and view.model() is dialog.report_model
    model = dialog.report_model
    shown = [
        tuple(model.text(row, column) for column in range(4)) for row in range(model.rowCount())
    ]
    # Errors first, in row order, each on its row and column, then the rest.
    assert [line[:3] for line in shown] == [
        ("5", "Error", "Birth year or date"),
        ("6", "Error", "Name"),
        ("6", "Error", "Phone"),
        ("6", "Error", "Community"),
        ("8", "On file", ""),
        ("9", "Repeated", ""),
    ]
    assert any(line[0] == "5" and "1960-02-30" in line[3] for line in shown)
    # The chosen line's whole message, below the table (long ones are cut off in it).
    assert dialog.issue_detail.accessibleName() == (
        "Row 5 · Birth year or date · Error: The date of birth 1960-02-30 does not exist."
    )
    view.setCurrentIndex(model.index(4, 0))
    assert dialog.issue_detail.accessibleName().startswith("Row 8 · On file: The same person as")
    assert import_button.isEnabled() and import_button.text() == "Import the 4 valid rows"
    assert people_count(db) == 1  # nothing written by checking

    click_step(qtbot, dialog, import_button)
    assert dialog.import_result is not None and dialog.import_result.added == 2
    result_label = dialog.findChild(QLabel, "people.import.result")
    assert result_label is not None and result_label.isVisible()
    assert result_label.accessibleName().startswith("Imported: 2 new, 1 already on file")
    assert not import_button.isEnabled()
    close = dialog.findChild(QPushButton, "people.import.close")
    assert close is not None and close.text() == "Close"
    assert changes.count == 1
    assert people_count(db) == 3
    with db.write() as session:
        names = sorted(session.scalars(select(Person.name)))
        keyed = session.scalar(select(func.count(func.distinct(PersonSearchKey.person_id))))
        qian = session.scalar(select(Person).where(Person.name == "钱七"))
        assert qian is not None and qian.address == "友邻路7号"  # a blank filled in
    assert names == ["张三", "赵六", "钱七"] and keyed == 3


def test_changing_a_column_asks_for_a_new_check(
    qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor, places: dict[str, int]
) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [["姓名", "号码"], ["张三", "13812345678"]])
    dialog = open_dialog(qtbot, db, admin)
    step(qtbot, dialog, lambda: dialog.load_file(path))
    assert dialog.mapping() == {RosterField.NAME: 0}
    dialog.set_column_field(0, None)
    assert dialog.validate() is None  # said at once: no job starts
    message = dialog.mapping_message
    assert message.isVisible() and "names" in message.text()
    dialog.set_column_field(0, RosterField.NAME)
    dialog.set_column_field(1, RosterField.PHONE)
    step(qtbot, dialog, dialog.validate)
    assert dialog.report is not None
    dialog.set_column_field(1, RosterField.NAME)  # takes the name from column A
    assert dialog.mapping() == {RosterField.NAME: 1}
    assert dialog.report is None and not dialog.import_button.isEnabled()
    assert "again" in dialog.counts_label.text()


def test_an_unreadable_file_is_said_beside_the_file_and_nothing_else_opens(
    qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor
) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    dialog = open_dialog(qtbot, db, admin)
    step(qtbot, dialog, lambda: dialog.load_file(path))
    assert dialog.file_message.isVisible() and "password" in dialog.file_message.text()
    assert not dialog.validate_button.isEnabled() and not dialog.import_button.isEnabled()
    assert dialog.preview is None and people_count(db) == 0


@pytest.mark.parametrize("role", ["desk", "staff"])
def test_only_an_admin_may_import(
    role: str, request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path, db: Database
) -> None:
    actor: Actor = request.getfixturevalue(role)
    dialog = open_dialog(qtbot, db, actor)
    assert dialog.message.isVisible() and "may not do this" in dialog.message.text()
    assert not dialog.choose_button.isEnabled()
    assert dialog.close_button.text() == "Close"
    step(
        qtbot,
        dialog,
        lambda: dialog.load_file(write_xlsx(tmp_path / "r.xlsx", [["姓名"], ["张三"]])),
    )
    assert dialog.preview is not None and not dialog.validate_button.isEnabled()
    assert dialog.validate() is None and "may not do this" in dialog.message.text()
    assert people_count(db) == 0


def test_every_control_has_a_name_in_chinese(
    chinese: None, qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor, places: dict[str, int]
) -> None:
    dialog = open_dialog(qtbot, db, admin)
    step(qtbot, dialog, lambda: dialog.load_file(write_xlsx(tmp_path / "r.xlsx", ROWS)))
    step(qtbot, dialog, dialog.validate)
    for name in (
        "people.import.chooseFile",
        "people.import.validate",
        "people.import.importValid",
        "people.import.close",
        "people.import.cancel",
    ):
        button = dialog.findChild(QPushButton, name)
        assert button is not None and button.accessibleName()
        assert not button.accessibleName().isascii(), name  # translated
    bar = dialog.findChild(QProgressBar, "people.import.progress")
    assert bar is not None and bar.accessibleName() == "进度"
    for name in ("people.import.genderFromId", "people.import.genderAsWritten"):
        radio = dialog.findChild(QRadioButton, name)
        assert radio is not None and not radio.accessibleName().isascii(), name
    combo = dialog.findChild(QComboBox, "people.import.column.0")
    assert combo is not None and combo.currentText() == "姓名"
    assert dialog.report_model.text(0, 1) == "错误"


def test_a_gender_against_the_id_number_is_a_warning_and_the_admin_chooses(
    qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor
) -> None:
    # ID_1956 is a man's (its 17th digit is odd); the roster says 女.
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [["姓名", "性别", "身份证号"], ["张三", "女", ID_1956], ["李四", "女", None]],
    )
    dialog = open_dialog(qtbot, db, admin)
    step(qtbot, dialog, lambda: dialog.load_file(path))
    step(qtbot, dialog, dialog.validate)
    report = dialog.report
    assert report is not None and report.errors == 0 and report.gender_conflicts == 1
    assert dialog.report_model.text(0, 1) == "Warning"
    assert "female" in dialog.report_model.text(0, 3) and "male" in dialog.report_model.text(0, 3)
    assert dialog.import_button.text() == "Import all 2 rows"  # a warning is not an error
    assert dialog.gender_box.isVisible() and "1 rows" in dialog.gender_hint.text()
    from_id = dialog.findChild(QRadioButton, "people.import.genderFromId")
    as_written = dialog.findChild(QRadioButton, "people.import.genderAsWritten")
    assert from_id is not None and as_written is not None
    assert from_id.isChecked()  # the default: the ID number's check digit guards its gender
    qtbot.mouseClick(as_written, Qt.MouseButton.LeftButton)
    assert dialog.gender_rule() is GenderRule.AS_WRITTEN
    click_step(qtbot, dialog, dialog.import_button)
    assert dialog.import_result is not None and dialog.import_result.added == 2
    assert "kept as the roster gives" in dialog.result_label.accessibleName()
    with db.read() as session:
        assert session.scalar(select(Person.gender).where(Person.name == "张三")) == "F"


def test_the_gender_is_taken_from_the_id_number_by_default(
    qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor
) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [["姓名", "性别", "身份证号"], ["张三", "女", ID_1956]])
    dialog = open_dialog(qtbot, db, admin)
    step(qtbot, dialog, lambda: dialog.load_file(path))
    step(qtbot, dialog, dialog.validate)
    click_step(qtbot, dialog, dialog.import_button)
    assert "taken from the ID number" in dialog.result_label.accessibleName()
    with db.read() as session:
        assert session.scalar(select(Person.gender).where(Person.name == "张三")) == "M"


def big_workbook(path: Path, rows: int) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(list(BATCH_HEADER))
    for number in range(1, rows + 1):
        sheet.append(person_row(number))
    workbook.save(path)
    return path


def test_stop_during_the_import_keeps_the_written_batches_and_says_so(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
    gate: threading.Event,
) -> None:
    # The second batch waits inside its transaction until the Stop button has been pressed:
    # the stop then takes effect before the third, whatever the machine's speed.
    monkeypatch.setattr(writing, "BATCH_ROWS", 100)
    original = writing._write
    inside = threading.Event()
    batches: list[int] = []

    def gated(session: Session, rows: Sequence[Any], keys: Any = None) -> Any:
        batches.append(len(rows))
        if len(batches) == 2:
            inside.set()
            gate.wait(30)
        return original(session, rows, keys)

    monkeypatch.setattr(writing, "_write", gated)
    dialog = open_dialog(qtbot, db, admin)
    step(qtbot, dialog, lambda: dialog.load_file(big_workbook(tmp_path / "r.xlsx", 1_000)))
    step(qtbot, dialog, dialog.validate)
    with qtbot.waitSignal(dialog.step_done, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(inside.is_set)
        stop = dialog.findChild(QPushButton, "people.import.cancel")
        bar = dialog.findChild(QProgressBar, "people.import.progress")
        assert stop is not None and stop.isVisible() and bar is not None and bar.isVisible()
        assert not dialog.import_button.isEnabled() and not dialog.close_button.isEnabled()
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
        assert "Stopping" in dialog.progress.text.text()
        gate.set()
    result = dialog.import_result
    assert result is not None and result.stopped is StopReason.CANCELLED
    assert (result.rows_written, result.added) == (200, 200)
    assert people_count(db) == 200
    words = dialog.result_label.accessibleName()
    assert "stopped at your request after 200 of 1,000 rows" in words
    assert "YL000001–YL000200" in words and "row 201" in words
    assert not stop.isVisible() and dialog.close_button.isEnabled()


def test_the_window_keeps_painting_and_search_answers_during_a_10000_row_import(
    qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor
) -> None:
    with db.write() as session:
        people.register(
            session, admin, PersonInput(name="欧阳娜娜", phone="13612345678", consent=True)
        )
    jobs.share_the_interpreter()  # as the program does at start
    dialog = open_dialog(qtbot, db, admin)
    step(qtbot, dialog, lambda: dialog.load_file(big_workbook(tmp_path / "r.xlsx", 10_000)))

    ticks: list[float] = []
    searches: list[tuple[int, float]] = []
    ticker = QTimer()
    ticker.setInterval(20)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def search_at_the_desk() -> None:
        began = time.perf_counter()
        with db.read() as session:
            hits = search_people(session, "5678")
        searches.append(
            (len([h for h in hits if h.name == "欧阳娜娜"]), time.perf_counter() - began)
        )

    searcher = QTimer()
    searcher.setInterval(150)
    searcher.timeout.connect(search_at_the_desk)

    def largest_gap_while(start: Callable[[], object]) -> float:
        """The longest the GUI thread went without its 20 ms tick while `start`'s job ran (no
        tick at all counts as the whole job)."""
        ticks.clear()
        began = time.perf_counter()
        with qtbot.waitSignal(dialog.step_done, timeout=120_000):
            ticker.start()
            searcher.start()
            start()
        ended = time.perf_counter()
        ticker.stop()
        searcher.stop()
        return max(b - a for a, b in itertools.pairwise([began, *ticks, ended]))

    # A full garbage collection stops every thread, and this process holds the objects of every
    # test before this one (a full collection of them took 0.3-0.6 s): set them aside, so that
    # what is measured is the import's, as in the program (where one takes ~0.13 s).
    gc.collect()
    gc.freeze()
    try:
        checking = largest_gap_while(dialog.validate)
        assert dialog.report is not None and dialog.report.new == 10_000
        importing = largest_gap_while(
            lambda: qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        )
    finally:
        gc.unfreeze()
    assert dialog.import_result is not None and dialog.import_result.added == 10_000
    assert checking < 0.5 and importing < 0.5, (checking, importing)
    assert len(searches) >= 3 and all(found == 1 for found, _seconds in searches)
    assert max(seconds for _found, seconds in searches) < 0.5
