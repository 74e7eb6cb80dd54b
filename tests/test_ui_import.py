"""The roster import dialog driven like an administrator would: choose a file, look at the
columns, check the rows, read the report, import the valid rows. Never exec()."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import i18n
from app import settings as settings_module
from app.db import Database
from app.models import Person, PersonSearchKey
from app.security import Actor
from app.services import people
from app.services.people import PersonInput
from app.services.roster import RosterField
from tests.test_roster import HEADER, ID_1956, places, write_xlsx
from ui.context import DeskContext
from ui.i18n import install_translators
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


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    i18n.set_language("zh_CN")
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


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


def open_dialog(
    qtbot: QtBot, db: Database, actor: Actor, changes: Changes | None = None
) -> ImportDialog:
    dialog = ImportDialog(make_context(db, actor, changes))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


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
    import_button = dialog.findChild(QPushButton, "import.importValid")
    assert import_button is not None and not import_button.isEnabled()

    assert dialog.load_file(path)
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
    combo = dialog.findChild(QComboBox, "import.column.3")
    assert combo is not None and combo.currentText() == "Phone"
    assert combo.accessibleName() == "Column D (手机) is imported as"

    check = dialog.findChild(QPushButton, "import.validate")
    assert check is not None and check.isEnabled()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    report = dialog.report
    assert report is not None
    assert (report.rows, report.new, report.matched, report.repeated, report.errors) == (
        6,
        2,
        1,
        1,
        2,
    )
    counts = dialog.findChild(QLabel, "import.counts")
    assert counts is not None
    assert counts.accessibleName() == (
        "6 rows: 2 new, 1 already on file, 1 repeated in the file, 2 with errors."
    )
    view = dialog.findChild(QTableView, "import.report")
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

    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    assert dialog.import_result is not None and dialog.import_result.added == 2
    result_label = dialog.findChild(QLabel, "import.result")
    assert result_label is not None and result_label.isVisible()
    assert result_label.accessibleName().startswith("Imported: 2 new, 1 already on file")
    assert not import_button.isEnabled()
    cancel = dialog.findChild(QPushButton, "import.cancel")
    assert cancel is not None and cancel.text() == "Close"
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
    assert dialog.load_file(path)
    assert dialog.mapping() == {RosterField.NAME: 0}
    dialog.set_column_field(0, None)
    assert dialog.validate() is None
    message = dialog.mapping_message
    assert message.isVisible() and "names" in message.text()
    dialog.set_column_field(0, RosterField.NAME)
    dialog.set_column_field(1, RosterField.PHONE)
    assert dialog.validate() is not None
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
    assert not dialog.load_file(path)
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
    assert dialog.cancel_button.text() == "Close"
    assert dialog.load_file(write_xlsx(tmp_path / "r.xlsx", [["姓名"], ["张三"]]))
    assert not dialog.validate_button.isEnabled()
    assert dialog.validate() is None and "may not do this" in dialog.message.text()
    assert people_count(db) == 0


def test_every_control_has_a_name_in_chinese(
    chinese: None, qtbot: QtBot, tmp_path: Path, db: Database, admin: Actor, places: dict[str, int]
) -> None:
    dialog = open_dialog(qtbot, db, admin)
    dialog.load_file(write_xlsx(tmp_path / "r.xlsx", ROWS))
    dialog.validate()
    for name in ("import.chooseFile", "import.validate", "import.importValid", "import.cancel"):
        button = dialog.findChild(QPushButton, name)
        assert button is not None and button.accessibleName()
        assert not button.accessibleName().isascii(), name  # translated
    combo = dialog.findChild(QComboBox, "import.column.0")
    assert combo is not None and combo.currentText() == "姓名"
    assert dialog.report_model.text(0, 1) == "错误"
