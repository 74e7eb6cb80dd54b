"""The People desk driven as a volunteer, a staff member and an administrator would, on a demo
centre in a real SQLite file: filters, a record with its history, edit, new person, merge,
member card."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QScrollArea,
    QTableView,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import i18n, paths, people_fields
from app import settings as settings_module
from app.db import Database
from app.demo import write_demo
from app.models import AuditEvent, BuildingGroup, Person, PersonTag, Role, Tag, Visit
from app.security import Actor
from app.services.register import SortOrder
from ui import style
from ui.context import DeskContext
from ui.main_window import DEFAULT_SIZE, MainWindow
from ui.people.desk import PeopleDesk
from ui.people.merge import MergeDialog
from ui.people.models import RegisterModel
from ui.people.person_form import FIELDS, PersonForm
from ui.reception.desk import ReceptionDesk

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

# The demo centre's accounts.
DESK = Actor(1, "desk", "张阿姨", Role.DESK)
STAFF = Actor(2, "staff", "李老师", Role.STAFF)
ADMIN = Actor(3, "admin", "王主任", Role.ADMIN)


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("people") / "demo.sqlite3"
    write_demo(paths.sqlite_url(path), people=600, seed=7)
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    path.write_bytes(demo_template.read_bytes())
    database = Database(paths.sqlite_url(path))
    yield database
    database.dispose()


def make_desk(qtbot: QtBot, db: Database, actor: Actor) -> PeopleDesk:
    widget = PeopleDesk(DeskContext(db, actor, settings_module.load()))
    qtbot.addWidget(widget)
    widget.resize(1200, 680)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    qtbot.waitUntil(lambda: widget.filter_edit.hasFocus())
    return widget


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as a Chinese input method does: it commits whole words (QTest's keyClicks can't)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown_ids(desk: PeopleDesk) -> list[int]:
    desk.model.fetch_all()
    return desk.model.person_ids()


def active_people(db: Database) -> list[Person]:
    with db.write() as session:
        found = list(session.scalars(select(Person).where(Person.active.is_(True))))
        session.expunge_all()
        return found


def person_with_history(db: Database) -> int:
    with db.write() as session:
        person_id = session.scalar(
            select(Visit.person_id)
            .join(Person, Person.id == Visit.person_id)
            .where(Person.phone.is_not(None), Person.id_number.is_not(None))
            .group_by(Visit.person_id)
            .order_by(func.count().desc(), Visit.person_id)
            .limit(1)
        )
    assert person_id is not None
    return int(person_id)


# --- the register -------------------------------------------------------------------------


def test_the_desk_opens_on_the_filter_box_with_the_whole_register(
    qtbot: QtBot, demo: Database
) -> None:
    desk = make_desk(qtbot, demo, DESK)
    table = desk.findChild(QTableView, "people.table")
    assert table is desk.table and table.model() is desk.model
    assert desk.model.total == 600
    assert desk.model.rowCount() == 200  # the first page only
    assert desk.count_label.text() == "600 people in the register"
    for name in ("people.filter", "people.community", "people.buildingGroup", "people.tag"):
        widget = desk.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName(), name
    assert not desk.group_combo.isEnabled()  # a building group is chosen within a community


def test_typing_a_name_narrows_the_register(qtbot: QtBot, demo: Database) -> None:
    desk = make_desk(qtbot, demo, DESK)
    surname = active_people(demo)[0].name[0]
    type_chinese(desk.filter_edit, surname)
    qtbot.waitUntil(lambda: desk.model.filter.text == surname)
    expected = {p.id for p in active_people(demo) if p.name.startswith(surname)}
    assert set(shown_ids(desk)) == expected
    assert desk.count_label.text() == f"{len(expected)} people found"


def test_community_building_group_and_tag_filters(qtbot: QtBot, demo: Database) -> None:
    desk = make_desk(qtbot, demo, DESK)
    with demo.write() as session:
        group = session.scalars(select(BuildingGroup).order_by(BuildingGroup.id)).all()[3]
        group_id, community_id = group.id, group.community_id
        party = session.scalar(select(Tag).where(Tag.name == "党员"))
        assert party is not None
        party_id = party.id
        members = set(
            session.scalars(select(PersonTag.person_id).where(PersonTag.tag_id == party_id))
        )
    everyone = active_people(demo)

    desk.community_combo.setCurrentIndex(desk.community_combo.findData(community_id))
    assert set(shown_ids(desk)) == {p.id for p in everyone if p.community_id == community_id}
    # Only that community's building groups are offered.
    offered = {desk.group_combo.itemData(i) for i in range(1, desk.group_combo.count())}
    with demo.write() as session:
        assert offered == set(
            session.scalars(
                select(BuildingGroup.id).where(BuildingGroup.community_id == community_id)
            )
        )
    assert desk.group_combo.isEnabled()
    desk.group_combo.setCurrentIndex(desk.group_combo.findData(group_id))
    in_group = {p.id for p in everyone if p.building_group_id == group_id}
    assert set(shown_ids(desk)) == in_group
    desk.tag_combo.setCurrentIndex(desk.tag_combo.findData(party_id))
    assert set(shown_ids(desk)) == in_group & members

    desk.clear_button.click()
    assert desk.model.total == len(everyone)
    assert desk.filter_edit.hasFocus()


def test_the_order_can_be_member_code(qtbot: QtBot, demo: Database) -> None:
    desk = make_desk(qtbot, demo, DESK)
    sort = desk.findChild(QComboBox, "people.sort")
    assert sort is not None
    sort.setCurrentIndex(sort.findData(SortOrder.MEMBER_CODE.value))
    codes = [p.member_code for p in active_people(demo)]
    assert [desk.model.person(row).member_code for row in range(200)] == sorted(codes)[:200]  # type: ignore[union-attr]


def test_phone_digits_find_the_person_and_the_phone_stays_masked(
    qtbot: QtBot, demo: Database
) -> None:
    desk = make_desk(qtbot, demo, DESK)
    person = next(p for p in active_people(demo) if p.phone and p.phone.startswith("1"))
    assert person.phone is not None
    qtbot.keyClicks(desk.filter_edit, person.phone[-4:])
    qtbot.waitUntil(lambda: desk.model.filter.text == person.phone[-4:])  # type: ignore[index]
    row = desk.model.row_of(person.id)
    assert row is not None
    cells = desk.model.row_texts(row)
    assert person.phone not in cells
    assert people_fields.mask_phone(person.phone) in cells


# --- the record ---------------------------------------------------------------------------


def test_keyboard_from_the_filter_to_a_record_and_back(qtbot: QtBot, demo: Database) -> None:
    desk = make_desk(qtbot, demo, DESK)
    qtbot.keyClick(desk.filter_edit, Qt.Key.Key_Down)
    assert desk.table.hasFocus()
    qtbot.keyClick(desk.table, Qt.Key.Key_Down)
    person_id = desk.selected_person_id()
    assert person_id == desk.model.person_id(1)
    qtbot.keyClick(desk.table, Qt.Key.Key_Return)
    assert desk.pages.currentWidget() is desk.detail
    assert desk.detail.person_id() == person_id
    qtbot.keyClick(desk.detail.back_button, Qt.Key.Key_Escape)
    assert desk.pages.currentWidget() is desk.list_page
    assert desk.selected_person_id() == person_id


def test_a_record_shows_its_history_from_the_database_masked(qtbot: QtBot, demo: Database) -> None:
    desk = make_desk(qtbot, demo, DESK)
    person_id = person_with_history(demo)
    with demo.write() as session:
        person = session.get(Person, person_id)
        assert person is not None and person.phone and person.id_number
        phone, id_number = person.phone, person.id_number
        visits = session.scalar(
            select(func.count()).select_from(Visit).where(Visit.person_id == person_id)
        )
    assert desk.open_person(person_id)
    detail = desk.detail
    assert detail.objectName() == "people.detail" and detail.isVisible()
    assert detail.value_text("phone") == people_fields.mask_phone(phone)
    assert detail.value_text("idNumber") == people_fields.mask_id(id_number)
    texts = [detail.value_text(key) for key in ("phone", "idNumber", "note", "address")]
    assert phone not in " ".join(texts) and id_number not in " ".join(texts)
    assert detail.visits_model.rowCount() == visits
    assert detail.history.tabText(0) == f"Visits ({visits})"
    shown = [e.at for e in detail.visits_model.entries()]
    assert shown == sorted(shown, reverse=True)
    for key in ("visits", "signups", "hours", "certificates", "requests"):
        assert detail.table(key).objectName() == f"people.{key}"


def test_volunteer_hours_and_certificates_are_in_the_history(qtbot: QtBot, demo: Database) -> None:
    from app.models import Certificate, ServiceRecord, Volunteer

    with demo.write() as session:
        row = session.execute(
            select(Volunteer.person_id, func.sum(ServiceRecord.hours), func.count())
            .join(ServiceRecord, ServiceRecord.volunteer_id == Volunteer.id)
            .group_by(Volunteer.person_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        person_id, hours, records = row
        certificates = session.scalar(
            select(func.count()).select_from(Certificate).where(Certificate.person_id == person_id)
        )
    desk = make_desk(qtbot, demo, STAFF)
    assert desk.open_person(person_id)
    assert desk.detail.hours_model.rowCount() == records
    assert sum(e.hours for e in desk.detail.hours_model.entries()) == hours
    assert desk.detail.certificates_model.rowCount() == certificates


def test_a_desk_volunteer_edits_with_the_phone_masked_and_it_stays_on_file(
    qtbot: QtBot, demo: Database
) -> None:
    desk = make_desk(qtbot, demo, DESK)
    person_id = person_with_history(demo)
    with demo.write() as session:
        person = session.get(Person, person_id)
        assert person is not None
        phone = person.phone
    assert desk.open_person(person_id)
    desk.edit_action.trigger()
    assert desk.pages.currentWidget() is desk.form
    # A desk volunteer never sees a number whole, in the editor neither (issue 12).
    assert desk.form.phone_edit.text() == people_fields.mask_phone(phone)
    address = desk.form.findChild(QLineEdit, "person.address")
    assert address is not None
    address.clear()
    type_chinese(address, "桃园路8弄3号502室")
    qtbot.keyClick(address, Qt.Key.Key_Return)
    assert desk.pages.currentWidget() is desk.detail
    assert desk.detail.value_text("address") == "桃园路8弄3号502室"
    with demo.write() as session:
        saved = session.get(Person, person_id)
        assert saved is not None and saved.address == "桃园路8弄3号502室"
        assert saved.phone == phone
        assert session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "update", AuditEvent.entity_id == person_id)
        )


def test_staff_edit_with_the_full_phone(qtbot: QtBot, demo: Database) -> None:
    desk = make_desk(qtbot, demo, STAFF)
    person_id = person_with_history(demo)
    with demo.read() as session:
        person = session.get(Person, person_id)
        assert person is not None
        phone = person.phone
    assert desk.open_person(person_id)
    desk.edit_action.trigger()
    assert desk.form.phone_edit.text() == phone  # whole, in the editor only


def test_a_new_person_is_registered_and_listed(qtbot: QtBot, demo: Database) -> None:
    desk = make_desk(qtbot, demo, DESK)
    qtbot.keyClick(desk.filter_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert desk.pages.currentWidget() is desk.form
    type_chinese(desk.form.name_edit, "欧阳新")
    desk.form.fill(phone="13912340000", gender="F", consent=True)
    desk.form.submit_button.click()
    assert desk.pages.currentWidget() is desk.detail
    new_id = desk.detail.person_id()
    assert new_id is not None
    assert desk.model.total == 601
    assert new_id in shown_ids(desk)


# --- merging --------------------------------------------------------------------------------


def _two_records(db: Database) -> tuple[int, int, int]:
    """Two people of the demo; the visits of the second."""
    people = active_people(db)
    with db.write() as session:
        counts = dict(
            session.execute(
                select(Visit.person_id, func.count())
                .where(Visit.person_id.is_not(None))
                .group_by(Visit.person_id)
            ).all()
        )
    with_visits = [p for p in people if counts.get(p.id)]
    keep = with_visits[0]
    drop = next(p for p in with_visits[1:] if not (p.id_number and keep.id_number))
    return keep.id, drop.id, counts[drop.id]


def test_staff_merge_two_records_through_the_dialog(qtbot: QtBot, demo: Database) -> None:
    keep_id, drop_id, moved = _two_records(demo)
    with demo.write() as session:
        kept_before = session.scalar(
            select(func.count()).select_from(Visit).where(Visit.person_id == keep_id)
        )
        drop_name = session.get(Person, drop_id).name  # type: ignore[union-attr]
    desk = make_desk(qtbot, demo, STAFF)
    assert desk.open_person(keep_id)
    assert desk.merge_action.isEnabled()
    desk.merge_action.trigger()
    dialog = desk.merge_dialog
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    hits = dialog.search(drop_name)
    assert drop_id in [hit.id for hit in hits]
    dialog.results.setCurrentRow([hit.id for hit in hits].index(drop_id))
    assert dialog.keep_id() == keep_id and dialog.drop_id() == drop_id
    assert not dialog.merge_button.isEnabled()  # not before "the same person" is ticked
    dialog.confirm_box.click()
    assert dialog.merge_button.isEnabled()
    dialog.merge_button.click()
    assert not dialog.isVisible()
    with demo.write() as session:
        dropped = session.get(Person, drop_id)
        assert dropped is not None and not dropped.active and dropped.merged_into_id == keep_id
        assert (
            session.scalar(
                select(func.count()).select_from(Visit).where(Visit.person_id == keep_id)
            )
            == (kept_before or 0) + moved
        )
        event = session.scalar(select(AuditEvent).where(AuditEvent.action == "merge"))
        assert event is not None and event.account_id == STAFF.account_id
        assert json.loads(event.detail)["dropped"] == drop_id
    assert desk.detail.person_id() == keep_id
    assert desk.detail.visits_model.rowCount() == (kept_before or 0) + moved
    assert drop_id not in shown_ids(desk)


def test_swapping_keeps_the_other_record(qtbot: QtBot, demo: Database) -> None:
    keep_id, drop_id, _moved = _two_records(demo)
    desk = make_desk(qtbot, demo, ADMIN)
    assert desk.open_person(drop_id)
    dialog = desk.start_merge(drop_id)
    assert dialog.choose_other(keep_id)
    dialog.swap_button.click()
    assert dialog.keep_id() == keep_id and dialog.drop_id() == drop_id
    assert dialog.summary_model.data(dialog.summary_model.index(1, 1)) is not None
    dialog.set_confirmed(True)
    assert dialog.merge()
    assert desk.detail.person_id() == keep_id


def test_a_desk_volunteer_cannot_merge(qtbot: QtBot, demo: Database) -> None:
    keep_id, drop_id, _moved = _two_records(demo)
    desk = make_desk(qtbot, demo, DESK)
    assert desk.open_person(keep_id)
    assert not desk.merge_action.isEnabled()
    assert "staff" in desk.merge_action.toolTip()
    toolbar = desk.findChild(QToolBar, "people.toolbar")
    assert toolbar is not None
    button = toolbar.widgetForAction(desk.merge_action)
    assert button is not None and not button.isEnabled()
    # And the service refuses when the dialog is reached anyway.
    dialog = MergeDialog(desk._context, keep_id, desk)
    qtbot.addWidget(dialog)
    assert dialog.choose_other(drop_id)
    dialog.set_confirmed(True)
    assert not dialog.merge()
    assert "may not" in dialog.message_text()
    with demo.write() as session:
        assert session.get(Person, drop_id).active  # type: ignore[union-attr]
        assert not session.scalar(select(AuditEvent).where(AuditEvent.action == "merge"))


# --- member card ----------------------------------------------------------------------------


def test_member_card_preview_prints_and_saves(qtbot: QtBot, demo: Database, tmp_path: Path) -> None:
    desk = make_desk(qtbot, demo, DESK)
    person = desk.model.person(0)
    assert person is not None
    desk.card_action.trigger()
    preview = desk.preview
    assert preview is not None and preview.isVisible()
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.document.pageCount() == 1
    assert person.member_code in preview.file_name
    saved = tmp_path / "card.pdf"
    preview.save_to(saved)
    text = PdfReader(saved).pages[0].extract_text() or ""
    assert person.name in text and person.member_code in text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1
    preview.close()
    qtbot.waitUntil(lambda: desk.preview is None)


# --- roles and sizes ------------------------------------------------------------------------


def test_import_and_export_are_for_the_administrator(qtbot: QtBot, demo: Database) -> None:
    admin_desk = make_desk(qtbot, demo, ADMIN)
    names = {a.objectName() for a in admin_desk.toolbar.actions()}
    assert {"people.import", "people.export"} <= names
    for actor in (DESK, STAFF):
        desk = make_desk(qtbot, demo, actor)
        names = {a.objectName() for a in desk.toolbar.actions()}
        assert not names & {"people.import", "people.export"}


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_desk_fits_1366_by_768_with_big_buttons(
    qtbot: QtBot, demo: Database, qapp: QApplication, text_size: None, size: str
) -> None:
    style.apply_text_size(qapp, size)
    desk = make_desk(qtbot, demo, ADMIN)
    # The main window's navigation takes ~200 px of the 1366 x 696 window in the large size.
    room = (1366 - 200, 768 - 40 - 32 - 70)
    desk.resize(*room)
    hint = desk.minimumSizeHint()
    assert hint.width() <= room[0] and hint.height() <= room[1]
    least = 60 if size == "large" else 44
    for action in desk.toolbar.actions():
        button = desk.toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.objectName()
        assert button.height() >= least and button.width() >= least
        assert desk.toolbar.rect().contains(button.geometry()), action.objectName()
    if size == "large":
        assert desk.table.font().pointSizeF() >= 18
    assert desk.open_person(desk.model.person_id(0) or 0)
    assert desk.detail.minimumSizeHint().height() <= room[1]


@pytest.mark.parametrize(
    ("action_name", "module"),
    [("people.import", "ui.people.import_dialog"), ("people.export", "ui.people.export_dialog")],
)
def test_import_and_export_open_their_dialogs(
    qtbot: QtBot, demo: Database, action_name: str, module: str
) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed")
    desk = make_desk(qtbot, demo, ADMIN)
    action = next(a for a in desk.toolbar.actions() if a.objectName() == action_name)
    assert action.isEnabled()
    action.trigger()
    dialog = desk.roster_dialog
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: desk.roster_dialog is None)


# --- the person form at 1366 x 768, in People and in Reception ----------------------------------


def _fully_shown(widget: QWidget, window: QWidget) -> bool:
    """Visible, inside the window, and not clipped by any parent (nothing to scroll to)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = window.rect().contains(QRect(top_left, widget.size()))
    return widget.isVisible() and inside and widget.visibleRegion().boundingRect() == widget.rect()


def _check_form_fits(form: PersonForm, window: QWidget, *, scrolls: bool) -> None:
    scroll = form.findChild(QScrollArea, "person.scroll")
    assert scroll is not None
    for button in (form.submit_button, form.cancel_button):
        assert _fully_shown(button, window), button.objectName()
    assert not scroll.horizontalScrollBar().isVisible()
    viewport = scroll.viewport()
    for name in FIELDS.values():
        field = form.findChild(QWidget, f"person.{name}")
        assert field is not None
        right = field.mapTo(viewport, QPoint(field.width(), 0)).x()
        assert right <= viewport.width(), name  # never under the scroll bar
        if not scrolls:
            assert _fully_shown(field, window), name
    if not scrolls:
        assert scroll.verticalScrollBar().maximum() == 0


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_person_form_fits_1366_by_768_in_people_and_reception(
    qtbot: QtBot, demo: Database, qapp: QApplication, chinese: None, text_size: None, size: str
) -> None:
    """In Chinese, in both text sizes, the empty form and a person's shows every field and
    both buttons without scrolling, in People and in Reception's new-visitor form."""
    style.apply_text_size(qapp, size)
    window = MainWindow(DeskContext(demo, ADMIN, settings_module.load()), "东社区邻里中心")
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    window.show()
    qtbot.waitExposed(window)
    assert window.switch_to("people")
    people_desk = window.desk("people")
    assert isinstance(people_desk, PeopleDesk)
    qtbot.waitUntil(lambda: people_desk.model.rowCount() > 0)
    person_id = people_desk.model.person_id(0)
    assert person_id is not None and people_desk.edit_person(person_id)
    qtbot.wait(20)
    assert not people_desk.toolbar.isVisible()  # none of its actions applies to the form
    _check_form_fits(people_desk.form, window, scrolls=False)
    people_desk.new_person()
    qtbot.wait(20)
    _check_form_fits(people_desk.form, window, scrolls=False)
    # Messages beside every field may need scrolling; the buttons stay in sight.
    people_desk.form.fill(
        name="阿依古丽·买买提明",
        phone="13912340000",
        gender="女",
        birth_year="1960",
        address="友邻路8号302室",
        tags=["党员"],
        note="腿脚不便",
    )
    assert people_desk.form.submit() is None
    qtbot.wait(20)
    _check_form_fits(people_desk.form, window, scrolls=True)
    people_desk.form.cancel()
    assert people_desk.toolbar.isVisible()

    assert window.switch_to("reception")
    reception_desk = window.desk("reception")
    assert isinstance(reception_desk, ReceptionDesk)
    reception_desk.open_new_visitor()
    qtbot.wait(20)
    _check_form_fits(reception_desk.form, window, scrolls=False)


# --- the register's columns ------------------------------------------------------------------


@pytest.mark.parametrize("size", ["normal", "large"])
def test_names_fit_their_column_and_tags_take_the_rest(
    qtbot: QtBot, demo: Database, qapp: QApplication, chinese: None, text_size: None, size: str
) -> None:
    style.apply_text_size(qapp, size)
    desk = make_desk(qtbot, demo, DESK)
    desk.resize(1366 - 200, 600)
    qtbot.wait(20)
    header = desk.table.horizontalHeader()
    metrics = desk.table.fontMetrics()
    name_width = header.sectionSize(RegisterModel.NAME)
    for name in ("阿依古丽·买买提明", "欧阳小明", "艾尔肯·吐尔逊"):
        assert metrics.horizontalAdvance(name) + metrics.horizontalAdvance("0") <= name_width
    # The tags take what the other columns leave (the columns fill the table's width).
    others = sum(
        header.sectionSize(column)
        for column in range(desk.model.columnCount())
        if column != RegisterModel.TAGS
    )
    tags = header.sectionSize(RegisterModel.TAGS)
    assert tags == max(header.minimumSectionSize(), desk.table.viewport().width() - others)
    if size == "normal":
        assert tags > name_width  # room to spare goes to the tags, never from the names
