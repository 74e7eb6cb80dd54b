"""The menu's editor (服务菜单) driven as staff and an admin would: add an item, see a refusal
beside its field, reorder, deactivate, rename a series; Settings shows it to an admin; it fits
1366×768 in both text sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import clock, i18n
from app import settings as settings_module
from app.db import Database
from app.models import AuditEvent, Organisation, OrganisationKind, ServiceItem
from app.security import Actor
from app.services import menu
from tests.menu_data import add_item
from tests.test_ui_settings import type_chinese
from ui import style
from ui.context import DeskContext
from ui.menu.catalogue import MenuCatalogueDialog, MenuCatalogueEditor
from ui.settings import SettingsDesk
from ui.settings.menu_page import MenuPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def editor_for(qtbot: QtBot, db: Database, actor: Actor) -> MenuCatalogueEditor:
    widget = MenuCatalogueEditor(DeskContext(db, actor, settings_module.load()))
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def child(widget: QWidget, kind: type[QWidget], name: str) -> QWidget:
    found = widget.findChild(kind, name)
    assert found is not None, name
    return found


def click(qtbot: QtBot, widget: QWidget, name: str) -> None:
    found = child(widget, QPushButton, name)
    assert found.isEnabled(), name
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)


def choose_series(widget: MenuCatalogueEditor, code: str, db: Database, actor: Actor) -> None:
    with db.read() as session:
        [entry] = [
            e for e in menu.menu_tree(session, actor, include_inactive=True) if e.code == code
        ]
    widget.show_series(entry.id)


def type_into(widget: QWidget, name: str, text: str) -> None:
    field = child(widget, QLineEdit, name)
    assert isinstance(field, QLineEdit)
    field.clear()
    type_chinese(field, text)


def names(db: Database, actor: Actor, code: str) -> list[str]:
    with db.read() as session:
        tree = menu.menu_tree(session, actor)
    return [item.name for entry in tree if entry.code == code for item in entry.items]


def test_add_an_item_through_the_editor(
    qtbot: QtBot, db: Database, staff: Actor, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        session.add(
            Organisation(name="五彩亲子公益发展中心", kind=OrganisationKind.INCUBATED.value)
        )
    widget = editor_for(qtbot, db, staff)
    choose_series(widget, "culture", db, staff)
    click(qtbot, widget, "settings.menu.new")
    assert child(widget, QLineEdit, "settings.menu.name").hasFocus()
    type_into(widget, "settings.menu.name", "亲子绘本阅读")
    description = child(widget, QPlainTextEdit, "settings.menu.description")
    assert isinstance(description, QPlainTextEdit)
    description.setPlainText("周六上午，志愿者带读。")
    type_into(widget, "settings.menu.audience", "3–8岁儿童及家长")
    qtbot.keyClicks(child(widget, QLineEdit, "settings.menu.minAge"), "3")
    qtbot.keyClicks(child(widget, QLineEdit, "settings.menu.maxAge"), "8")
    qtbot.mouseClick(
        child(widget, QCheckBox, "settings.menu.withParent"), Qt.MouseButton.LeftButton
    )
    qtbot.keyClicks(child(widget, QLineEdit, "settings.menu.defaultCapacity"), "12")
    qtbot.keyClicks(child(widget, QLineEdit, "settings.menu.defaultMinutes"), "90")
    organisation = child(widget, QComboBox, "settings.menu.organisation")
    assert isinstance(organisation, QComboBox)
    organisation.setCurrentIndex(organisation.findText("五彩亲子公益发展中心"))
    qtbot.mouseClick(child(widget, QCheckBox, "settings.menu.volunteer"), Qt.MouseButton.LeftButton)
    click(qtbot, widget, "settings.menu.save")

    assert widget.last_message() == "Item “亲子绘本阅读” saved."
    assert widget.item_names() == ["亲子绘本阅读"]
    assert widget.items_model().row_texts(0) == ["亲子绘本阅读", "3–8岁儿童及家长", "Active"]
    with db.read() as session:
        item = session.scalar(select(ServiceItem).where(ServiceItem.name == "亲子绘本阅读"))
        assert item is not None
        assert (item.min_age, item.max_age, item.with_parent) == (3, 8, True)
        assert (item.default_capacity, item.default_minutes) == (12, 90)
        assert item.is_volunteer_service and item.active
        assert item.description == "周六上午，志愿者带读。"
        assert item.organisation is not None and item.organisation.name == "五彩亲子公益发展中心"
        assert session.scalar(select(AuditEvent.id).where(AuditEvent.action == "menu.item.create"))
        item_id = item.id
    assert widget.selected_item_id() == widget.editing_item_id() == item_id
    assert "0 sessions to come" in widget.record_text()
    assert names(db, staff, "culture") == ["亲子绘本阅读"]


def test_an_error_shows_beside_the_age_field(
    qtbot: QtBot, db: Database, staff: Actor, clock_at: clock.FixedClock
) -> None:
    widget = editor_for(qtbot, db, staff)
    click(qtbot, widget, "settings.menu.new")
    type_into(widget, "settings.menu.name", "长者太极拳")
    qtbot.keyClicks(child(widget, QLineEdit, "settings.menu.minAge"), "60")
    qtbot.keyClicks(child(widget, QLineEdit, "settings.menu.maxAge"), "50")
    click(qtbot, widget, "settings.menu.save")
    assert widget.field_message("max_age") == "The upper age (50) is below the lower age (60)."
    assert child(widget, QWidget, "settings.menu.maxAge.message").isVisible()
    assert widget.field("max_age").hasFocus()
    assert "Not saved" in widget.last_message()
    assert widget.item_names() == []

    # 亲子 without a child's age: said beside the upper age too.
    child(widget, QLineEdit, "settings.menu.maxAge").clear()  # type: ignore[attr-defined]
    qtbot.mouseClick(
        child(widget, QCheckBox, "settings.menu.withParent"), Qt.MouseButton.LeftButton
    )
    click(qtbot, widget, "settings.menu.save")
    assert "under 18" in widget.field_message("max_age")
    assert widget.field_message("min_age") == ""

    # A capacity out of range, beside the capacity; the age message is gone.
    qtbot.mouseClick(
        child(widget, QCheckBox, "settings.menu.withParent"), Qt.MouseButton.LeftButton
    )
    qtbot.keyClicks(child(widget, QLineEdit, "settings.menu.defaultCapacity"), "600")
    qtbot.keyPress(child(widget, QLineEdit, "settings.menu.defaultCapacity"), Qt.Key.Key_Return)
    assert (
        widget.field_message("default_capacity") == "The default capacity is from 1 to 500 seats."
    )
    assert widget.field_message("max_age") == ""


def test_reorder_and_deactivate(
    qtbot: QtBot, db: Database, staff: Actor, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        ids = [add_item(session, name, series="health_care") for name in ("甲", "乙", "丙")]
    widget = editor_for(qtbot, db, staff)
    choose_series(widget, "health_care", db, staff)
    assert widget.item_names() == ["甲", "乙", "丙"]
    assert widget.select_item(ids[2])
    up = child(widget, QPushButton, "settings.menu.up")
    down = child(widget, QPushButton, "settings.menu.down")
    assert up.isEnabled() and not down.isEnabled()
    click(qtbot, widget, "settings.menu.up")
    assert widget.item_names() == ["甲", "丙", "乙"]
    click(qtbot, widget, "settings.menu.up")
    assert widget.item_names() == ["丙", "甲", "乙"]
    assert widget.selected_item_id() == ids[2] and not up.isEnabled()
    click(qtbot, widget, "settings.menu.down")
    assert widget.item_names() == ["甲", "丙", "乙"] == names(db, staff, "health_care")

    # Deactivate 乙: kept in the list (greyed, said in words), gone from the menu.
    assert widget.select_item(ids[1])
    assert child(widget, QLineEdit, "settings.menu.name").text() == "乙"  # type: ignore[attr-defined]
    active = child(widget, QCheckBox, "settings.menu.active")
    assert isinstance(active, QCheckBox) and active.isChecked()
    qtbot.mouseClick(active, Qt.MouseButton.LeftButton)
    click(qtbot, widget, "settings.menu.save")
    assert widget.items_model().row_texts(2) == ["乙", "Everyone", "Inactive"]
    assert names(db, staff, "health_care") == ["甲", "丙"]
    with db.read() as session:
        assert session.get(ServiceItem, ids[1]) is not None

    # Read again (Settings shown again, another desk's change): the same item stays chosen.
    widget.reload()
    assert widget.selected_item_id() == widget.editing_item_id() == ids[1]


def test_rename_a_series(
    qtbot: QtBot, db: Database, staff: Actor, clock_at: clock.FixedClock
) -> None:
    widget = editor_for(qtbot, db, staff)
    choose_series(widget, "culture", db, staff)
    type_into(widget, "settings.menu.seriesName", "文化友邻·书香")
    click(qtbot, widget, "settings.menu.saveSeries")
    assert widget.last_message() == "Series “文化友邻·书香” saved."
    series = child(widget, QListWidget, "settings.menu.series")
    assert isinstance(series, QListWidget)
    assert series.currentItem().text() == "文化友邻·书香"
    # Another series' name is refused beside the series' name.
    type_into(widget, "settings.menu.seriesName", series.item(0).text())
    click(qtbot, widget, "settings.menu.saveSeries")
    assert widget.field_message("series.name") == "Another series has this name."


def test_the_desk_role_is_told_no(
    qtbot: QtBot, db: Database, desk: Actor, clock_at: clock.FixedClock
) -> None:
    widget = editor_for(qtbot, db, desk)
    assert "may not" in widget.last_message()
    assert widget.item_names() == []


def test_settings_shows_the_page_to_an_admin(
    qtbot: QtBot, db: Database, admin: Actor, clock_at: clock.FixedClock
) -> None:
    with db.write() as session:
        add_item(session, "行走的党课")
    desk = SettingsDesk(DeskContext(db, admin, settings_module.load()))
    qtbot.addWidget(desk)
    desk.resize(1166, 700)
    desk.show()
    page = desk.show_page("menu")
    assert isinstance(page, MenuPage)
    assert page.editor.isVisible()
    assert page.editor.item_names() == ["行走的党课"]  # the first series, 党群友邻
    pages = child(desk, QListWidget, "settings.pages")
    assert isinstance(pages, QListWidget)
    assert "Service menu" in [pages.item(i).text() for i in range(pages.count())]


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_page_fits_1366_by_768_in_both_text_sizes(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    qapp: QApplication,
    text_size: None,
    chinese: None,
    clock_at: clock.FixedClock,
    size: str,
) -> None:
    with db.write() as session:
        for name in ("行走的党课", "党员志愿服务日", "红色观影"):
            add_item(session, name, min_age=18)
    style.apply_text_size(qapp, size)
    desk = SettingsDesk(DeskContext(db, admin, settings_module.load()))
    qtbot.addWidget(desk)
    desk.resize(1366 - 200, 768 - 80)  # the main window's navigation and title take the rest
    desk.show()
    page = desk.show_page("menu")
    assert isinstance(page, MenuPage)
    page.editor.select_item(page.editor.items_model().line(0).id)
    qtbot.wait(10)
    scroll = child(desk, QScrollArea, "settings.menu.scroll")
    assert isinstance(scroll, QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    table = child(page, QTableView, "settings.menu.items")
    assert table.height() >= table.fontMetrics().height() * 4
    # Every caption, field and button is whole: as wide as its text needs.
    for widget in page.findChildren(QPushButton) + page.findChildren(QCheckBox):
        if widget.isVisible():
            assert widget.width() >= widget.sizeHint().width(), widget.objectName()
    for name in ("settings.menu.minAge", "settings.menu.defaultCapacity"):
        field = child(page, QLineEdit, name)
        assert field.width() >= field.fontMetrics().horizontalAdvance("0000"), name


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_window_for_the_menu_desk(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    qapp: QApplication,
    text_size: None,
    chinese: None,
    clock_at: clock.FixedClock,
    size: str,
) -> None:
    """Staff open the same editor from the Service menu desk, in a window that fits 1366×768."""
    with db.write() as session:
        add_item(session, "行走的党课", min_age=18)
    style.apply_text_size(qapp, size)
    dialog = MenuCatalogueDialog(DeskContext(db, staff, settings_module.load()))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.isModal()
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    # The size it takes on a desk's 1366×768 screen (the test screen is 800×800).
    line = dialog.fontMetrics().height()
    dialog.resize(min(line * 56, 1366 * 9 // 10), min(line * 40, 768 * 9 // 10))
    qtbot.wait(10)
    assert dialog.editor.item_names() == ["行走的党课"]
    scroll = child(dialog, QScrollArea, "menu.catalogue.scroll")
    assert isinstance(scroll, QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    assert dialog.editor.field("max_age").width() > 0
    qtbot.mouseClick(child(dialog, QPushButton, "menu.catalogue.close"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
