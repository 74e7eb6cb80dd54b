"""The person form shared by Reception (register) and People (edit), on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QInputMethodEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from stdnum.cn import ric

from app import i18n
from app import settings as settings_module
from app.db import Database
from app.models import AuditEvent, Gender, Person
from app.security import Actor
from app.services import accounts, communities, people
from app.services.people import PersonInput
from ui import style
from ui.context import DeskContext
from ui.people.person_form import FIELDS, FormMode, PersonForm

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

ID_1956 = "31010119560312001" + ric.calc_check_digit("31010119560312001" + "0")


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


@pytest.fixture
def place(db: Database, admin: Actor) -> dict[str, int]:
    with db.write() as session:
        peach = communities.add_community(session, admin, "桃园社区")
        willow = communities.add_community(session, admin, "柳岸社区")
        peach_1 = communities.add_building_group(session, admin, peach.id, "桃1号楼组")
        peach_2 = communities.add_building_group(session, admin, peach.id, "桃2号楼组")
        willow_1 = communities.add_building_group(session, admin, willow.id, "柳1号楼组")
        closed = communities.add_community(session, admin, "已撤社区")
        communities.set_community_active(session, admin, closed.id, False)
    return {
        "peach": peach.id,
        "willow": willow.id,
        "peach_1": peach_1.id,
        "peach_2": peach_2.id,
        "willow_1": willow_1.id,
        "closed": closed.id,
    }


def make_form(qtbot: QtBot, db: Database, actor: Actor, mode: FormMode) -> PersonForm:
    form = PersonForm(DeskContext(db, actor, settings_module.load()), mode)
    qtbot.addWidget(form)
    form.resize(1100, 650)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    return form


@pytest.fixture
def form(qtbot: QtBot, db: Database, desk: Actor, place: dict[str, int]) -> PersonForm:
    widget = make_form(qtbot, db, desk, FormMode.REGISTER)
    widget.start_register()
    return widget


def people_count(db: Database) -> int:
    with db.write() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def type_chinese(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_register_every_field(
    db: Database, admin: Actor, form: PersonForm, place: dict[str, int]
) -> None:
    form.fill(
        name="王 小 红",
        gender="女",
        birth_year="1956",
        phone="138 1234 5678",
        community="桃园社区",
        building_group="桃2号楼组",
        address="友邻路8号302室",
        tags=["志愿者", "睦邻达人"],
        consent=True,
        note="腿脚不便",
    )
    person_id = form.submit()
    assert person_id is not None and form.person_id() == person_id
    with db.read() as session:
        row = people.for_editing(session, admin, person_id)
    assert (row.name, row.gender, row.birth_year, row.phone) == (
        "王小红",
        Gender.FEMALE,
        1956,
        "13812345678",
    )
    assert (row.community_id, row.building_group_id) == (place["peach"], place["peach_2"])
    assert (row.address, row.consent, row.note) == ("友邻路8号302室", True, "腿脚不便")
    assert set(row.tags) == {"志愿者", "睦邻达人"}
    assert form.messages() == {}


def test_building_groups_follow_the_community(form: PersonForm) -> None:
    group = form.findChild(QComboBox, "person.buildingGroup")
    community = form.findChild(QComboBox, "person.community")
    assert group is not None and community is not None
    assert not group.isEnabled()  # nothing to choose before the community
    assert "已撤社区" not in combo_texts(community)  # a retired community is not offered
    form.fill(community="桃园社区")
    assert group.isEnabled() and combo_texts(group)[1:] == ["桃1号楼组", "桃2号楼组"]
    form.fill(community="柳岸社区")
    assert combo_texts(group)[1:] == ["柳1号楼组"]
    with pytest.raises(KeyError):
        form.fill(building_group="桃1号楼组")


def test_all_mistakes_show_at_once_beside_their_fields_and_nothing_is_written(
    db: Database, form: PersonForm
) -> None:
    before = people_count(db)
    form.fill(name="", birth_year="1850", phone="1381234", id_number="310101195603120019")
    assert form.submit() is None
    assert set(form.messages()) == {"name", "birth_year", "phone", "id_number"}
    assert "name" in form.message("name")
    message = form.findChild(QWidget, "person.phone.message")
    assert message is not None and message.isVisible() and message.accessibleName()
    assert form.name_edit.hasFocus()
    assert people_count(db) == before


def test_a_birth_year_against_the_id_number_is_refused_and_a_good_id_fills_it(
    qtbot: QtBot, db: Database, form: PersonForm
) -> None:
    form.fill(name="赵大", birth_year="1960", id_number=ID_1956, consent=True)
    assert form.submit() is None
    assert "1956" in form.message("birth_year")
    form.fill(birth_year="")
    form.id_edit.setFocus()
    form.name_edit.setFocus()  # leaving the ID field fills what it tells
    assert form.birth_year_edit.text() == "1956"
    assert form.gender_combo.currentData() == Gender.MALE.value
    assert form.submit() is not None


def test_service_checks_land_beside_their_field(
    db: Database, form: PersonForm, place: dict[str, int]
) -> None:
    form.fill(name="钱二", address="长" * 201)
    assert form.submit() is None
    assert "200" in form.message("address")
    assert people_count(db) == 0


def test_an_id_on_file_offers_that_person_and_never_a_shared_record(
    qtbot: QtBot, db: Database, desk: Actor, form: PersonForm
) -> None:
    with db.write() as session:
        existing = people.register(
            session, desk, PersonInput("孙大", id_number=ID_1956, consent=True)
        )
    chosen: list[int] = []
    form.existing_chosen.connect(chosen.append)
    form.fill(name="孙大", id_number=ID_1956)
    assert form.submit() is None
    assert "ID number" in form.message("id_number")
    shared = form.findChild(QPushButton, "person.sharedPhone")
    assert shared is not None and not shared.isVisible()  # a resident ID is one person's only
    assert form.use_existing() == existing.id
    assert chosen == [existing.id]
    assert people_count(db) == 1


def test_keyboard_tab_goes_top_to_bottom_enter_saves_escape_cancels(
    qtbot: QtBot, db: Database, form: PersonForm
) -> None:
    # Down the left column (what every record keeps, and the consent), then the right.
    expected = [
        "person.name",
        "person.phone",
        "person.community",
        "person.buildingGroup",
        "person.consent",
        "person.gender",
        "person.birthYear",
        "person.idNumber",
        "person.address",
        "person.tags",
        "person.note",
        "person.submit",
        "person.cancel",
    ]
    form.fill(community="桃园社区")  # the building group list is usable
    assert form.name_edit.hasFocus()
    seen = [form.focusWidget().objectName()]
    for _ in expected[1:]:
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        seen.append(form.focusWidget().objectName())
    assert seen == expected

    cancelled: list[bool] = []
    form.cancelled.connect(lambda: cancelled.append(True))
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_Escape)
    assert cancelled == [True]

    saved: list[int] = []
    form.saved.connect(saved.append)
    form.name_edit.setFocus()
    type_chinese(form.name_edit, "周八")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert len(saved) == 1 and people_count(db) == 1


def test_every_field_has_its_name_and_an_accessible_name(form: PersonForm) -> None:
    for suffix in FIELDS.values():
        widget = form.findChild(QWidget, f"person.{suffix}")
        assert widget is not None, suffix
        assert widget.accessibleName(), suffix
    for name in ("person.submit", "person.cancel", "person.useExisting"):
        button = form.findChild(QPushButton, name)
        assert button is not None and button.accessibleName()
    assert form.submit_button.accessibleName() == "Register"


def test_edit_mode_shows_the_person_and_saves_changes(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        row = people.register(
            session,
            desk,
            PersonInput(
                "吴九",
                phone="13911112222",
                community_id=place["willow"],
                tags=["党员"],
                consent=True,
            ),
        )
        communities.set_community_active(session, admin, place["willow"], False)
    form = make_form(qtbot, db, desk, FormMode.EDIT)
    assert form.load(row.id)
    phone = form.findChild(QLineEdit, "person.phone")
    # A desk volunteer's editor shows it masked; left so, the number on file stays.
    assert phone is not None and phone.text() == "139****2222"
    assert form.community_combo.currentText() == "柳岸社区"  # their own, though retired
    assert form.submit_button.text() == "Save (Enter)"
    tags = [
        form.tags_list.item(i).text()
        for i in range(form.tags_list.count())
        if form.tags_list.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert tags == ["党员"]

    form.fill(name="吴久", community="桃园社区", building_group="桃1号楼组")
    assert form.submit() == row.id
    with db.write() as session:
        person = session.get(Person, row.id)
        assert person is not None
        assert (person.name, person.community_id, person.building_group_id) == (
            "吴久",
            place["peach"],
            place["peach_1"],
        )
        assert person.phone == "13911112222"
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "update").order_by(AuditEvent.id.desc())
        ).first()
        assert event is not None and "name" in event.detail
        assert "phone" not in json.loads(event.detail)["fields"]


def test_a_carried_phone_puts_the_cursor_on_the_name(qtbot: QtBot, form: PersonForm) -> None:
    form.start_register(phone="13812345678", hint="After registering …")
    assert form.phone_edit.text() == "13812345678"
    assert form.name_edit.hasFocus()
    assert form.hint.isVisible()
    form.start_register(name="欧阳")
    assert form.phone_edit.text() == "" and form.phone_edit.hasFocus()
    assert not form.hint.isVisible()


def test_tags_offered_are_the_standard_ones_then_those_on_file(
    qtbot: QtBot, db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        people.register(session, desk, PersonInput("郑十", tags=["合唱队"], consent=True))
    form = make_form(qtbot, db, desk, FormMode.REGISTER)
    form.start_register()
    offered = [form.tags_list.item(i).text() for i in range(form.tags_list.count())]
    assert offered[:3] == ["党员", "在职党员/双报到", "志愿者"]
    assert offered[-1] == "合唱队"


# --- the tags -------------------------------------------------------------------------------


def _item_layout(view: QListWidget, row: int) -> tuple[QRect, QRect]:
    """Where the style puts a tag's tick box and its text: the same rectangles it paints in."""
    item = view.item(row)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualItemRect(item)
    option.features = (
        QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        | QStyleOptionViewItem.ViewItemFeature.HasDisplay
    )
    option.text = item.text()
    option.checkState = item.checkState()
    option.font = view.font()
    option.fontMetrics = view.fontMetrics()
    option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    style_ = view.style()
    check = style_.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    text = style_.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    return check, text


@pytest.mark.parametrize("size", ["normal", "large"])
def test_a_tags_tick_box_is_as_big_as_its_text_and_covers_none_of_it(
    qtbot: QtBot, form: PersonForm, qapp: QApplication, text_size: None, size: str
) -> None:
    style.apply_text_size(qapp, size)
    view = form.tags_list
    qtbot.waitUntil(lambda: view.font().pointSizeF() == style.text_size(size).point_size)
    line = view.fontMetrics().height()
    assert view.count() >= 6  # the standard tags
    for row in range(view.count()):
        check, text = _item_layout(view, row)
        assert check.width() >= round(line * 0.8) - 1, view.item(row).text()
        assert check.right() < text.left(), view.item(row).text()  # 独居老人, not 虫居老人
        assert text.width() >= view.fontMetrics().horizontalAdvance(view.item(row).text())
        # Every tag is in sight: the list is as tall as its lines.
        assert view.viewport().rect().contains(view.visualItemRect(view.item(row)))


def _highlighted_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight).rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == highlight
    )


def test_an_empty_form_shows_no_tag_as_chosen(
    qtbot: QtBot, db: Database, desk: Actor, form: PersonForm
) -> None:
    view = form.tags_list
    assert view.checked() == []
    assert not view.currentIndex().isValid() and not view.selectionModel().hasSelection()
    assert _highlighted_pixels(view) == 0
    # Nor after a person was registered and the form started again.
    form.fill(name="冯一", tags=["党员"], consent=True)
    assert form.submit() is not None
    form.start_register()
    assert view.checked() == [] and _highlighted_pixels(view) == 0


def test_space_ticks_the_tag_the_cursor_is_on(qtbot: QtBot, form: PersonForm) -> None:
    form.tags_list.setFocus()
    qtbot.keyClick(form.tags_list, Qt.Key.Key_Space)
    first = form.tags_list.item(0).text()
    assert form.tags_list.checked() == [first]
    qtbot.keyClick(form.tags_list, Qt.Key.Key_Right)
    qtbot.keyClick(form.tags_list, Qt.Key.Key_Space)
    assert form.tags_list.checked() == [first, form.tags_list.item(1).text()]
    assert not form.tags_list.selectionModel().hasSelection()


# --- consent (PIPL) --------------------------------------------------------------------------


def test_the_form_says_why_beside_the_consent_box(form: PersonForm) -> None:
    hint = form.findChild(QLabel, "person.consent.hint")
    assert hint is not None and hint.isVisible()
    assert "ID number" in hint.accessibleName() and "consent" in hint.accessibleName()


def test_without_consent_a_typed_phone_asks_for_the_contact_tick(
    qtbot: QtBot, db: Database, form: PersonForm
) -> None:
    contact = form.findChild(QCheckBox, "person.phoneForContact")
    assert contact is not None and not contact.isVisible() and contact.accessibleName()
    form.name_edit.setFocus()
    type_chinese(form.name_edit, "孙七")
    qtbot.keyClicks(form.phone_edit, "13900009999")
    assert contact.isVisible()
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_Return)
    assert people_count(db) == 0
    assert "Phone only for contacting them" in form.message("phone")
    assert contact.hasFocus()  # Space ticks it, Enter saves
    qtbot.keyClick(contact, Qt.Key.Key_Space)
    assert form.message("phone") == ""
    qtbot.keyClick(contact, Qt.Key.Key_Return)
    assert people_count(db) == 1
    with db.read() as session:
        person = session.scalar(select(Person))
        assert person is not None and person.phone == "13900009999" and not person.consent
    # With consent the phone needs no tick, and none is asked.
    form.start_register()
    form.fill(phone="13900008888", consent=True)
    assert not contact.isVisible()


def test_an_id_number_needs_consent_said_beside_it_at_once(
    qtbot: QtBot, db: Database, form: PersonForm
) -> None:
    form.fill(name="赵大")
    form.id_edit.setFocus()
    qtbot.keyClicks(form.id_edit, ID_1956)
    form.name_edit.setFocus()  # leaving the field
    assert "consent" in form.message("id_number")
    assert form.submit() is None and people_count(db) == 0
    # Everything the record may not keep is named at once, beside each field.
    assert set(form.messages()) == {"gender", "birth_year", "id_number"}
    assert form.gender_combo.hasFocus()
    assert "Consent to data use" in form.message("form")
    form.consent_box.click()
    assert form.messages() == {} and form.message("form") == ""
    assert form.submit() is not None
    with db.read() as session:
        person = session.scalar(select(Person))
        assert person is not None and person.consent and person.id_number == ID_1956


def test_a_record_kept_without_consent_shows_what_it_may_not_keep(
    qtbot: QtBot, db: Database, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:  # as an older release (or an import) left it
        person = Person(member_code="YL000077", name="老档案", birth_year=1950, address="旧地址")
        session.add(person)
        session.flush()
        person_id = person.id
    form = make_form(qtbot, db, desk, FormMode.EDIT)
    assert form.load(person_id)
    assert set(form.messages()) == {"birth_year", "address"}
    assert "Consent to data use" in form.message("form")  # said beside the buttons too
    form.fill(birth_year="", address="")
    assert form.submit() == person_id
    with db.read() as session:
        kept = session.get(Person, person_id)
        assert kept is not None and (kept.birth_year, kept.address) == (None, "")


# --- gender against the ID number -----------------------------------------------------------

ID_WOMAN = "31010119560312002" + ric.calc_check_digit("31010119560312002" + "0")


def test_a_gender_the_id_number_contradicts_is_asked_about_and_kept_if_chosen(
    qtbot: QtBot, db: Database, form: PersonForm
) -> None:
    form.fill(name="钱三", gender="男", id_number=ID_WOMAN, consent=True)
    bar = form.findChild(QFrame, "person.genderConflict")
    keep = form.findChild(QPushButton, "person.keepGender")
    take = form.findChild(QPushButton, "person.takeIdGender")
    assert bar is not None and keep is not None and take is not None
    assert bar.isVisible() and "Female" in bar.accessibleName() and "Male" in bar.accessibleName()
    assert keep.text() == "Keep “Male”" and take.text() == "Take “Female” from the ID number"
    assert form.submit() is None and people_count(db) == 0
    assert keep.hasFocus()
    qtbot.keyClick(keep, Qt.Key.Key_Return)
    assert not bar.isVisible()
    person_id = form.submit()
    assert person_id is not None
    with db.read() as session:
        person = session.get(Person, person_id)
        assert person is not None and person.gender == Gender.MALE.value  # as chosen


def test_the_id_numbers_gender_can_be_taken_instead(
    qtbot: QtBot, db: Database, form: PersonForm
) -> None:
    form.fill(name="钱四", gender="男", id_number=ID_WOMAN, consent=True)
    form.take_id_gender_button.click()
    assert form.gender_combo.currentData() == Gender.FEMALE.value
    assert not form.gender_conflict_bar.isVisible()
    person_id = form.submit()
    with db.read() as session:
        person = session.get(Person, person_id)
        assert person is not None and person.gender == Gender.FEMALE.value
    # A gender left empty is simply taken from the ID number: nothing to ask.
    form.start_register()
    form.fill(name="钱五", id_number=ID_WOMAN, consent=True)
    form.on_id_number_editing_finished()
    assert form.gender_combo.currentData() == Gender.FEMALE.value
    assert not form.gender_conflict_bar.isVisible()


# --- the account as it is now -----------------------------------------------------------------


def test_a_disabled_account_is_shown_no_phone_or_id_number(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, place: dict[str, int]
) -> None:
    with db.write() as session:
        row = people.register(
            session, desk, PersonInput("吴十", phone="13911113333", id_number=ID_1956, consent=True)
        )
    form = make_form(qtbot, db, desk, FormMode.EDIT)
    assert form.load(row.id) and form.phone_edit.text() == "139****3333"
    form.start_register()
    with db.write() as session:
        accounts.set_active(session, admin, desk.account_id, False)
    assert not form.load(row.id)
    assert "disabled" in form.message("form")
    assert form.phone_edit.text() == "" and form.id_edit.text() == ""
