"""The Settings desk driven as an admin (and a desk volunteer) would, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import i18n
from app import settings as settings_module
from app.db import Database
from app.models import Account, AuditEvent, BuildingGroup, Centre, Community, Role
from app.security import Actor
from app.services import accounts, communities
from app.settings import Settings
from tests.conftest import PASSWORD
from ui.context import DeskContext
from ui.settings import SettingsDesk
from ui.settings.accounts_page import AccountTableModel
from ui.settings.communities_page import BUILDING_GROUP, COMMUNITY

# The offscreen platform says this whenever a top-level window is shown; harmless without a screen.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


class Recorder:
    def __init__(self) -> None:
        self.text_sizes: list[str] = []
        self.data_changes = 0

    def apply_text_size(self, size: str) -> None:
        self.text_sizes.append(size)

    def data_changed(self) -> None:
        self.data_changes += 1


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def make_context(db: Database, actor: Actor, recorder: Recorder) -> DeskContext:
    return DeskContext(
        db=db,
        actor=actor,
        settings=settings_module.load(),
        on_data_changed=[recorder.data_changed],
        apply_text_size=recorder.apply_text_size,
    )


@pytest.fixture
def desk_widget(qtbot: QtBot, db: Database, admin: Actor, recorder: Recorder) -> SettingsDesk:
    widget = SettingsDesk(make_context(db, admin, recorder))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    """English source text from the services too, as the interface has without a translator."""
    i18n.set_language("en")


def centre_row(db: Database) -> Centre:
    with db.write() as session:
        centre = session.get(Centre, 1)
        assert centre is not None
        session.expunge(centre)
        return centre


def account_named(db: Database, username: str) -> Account | None:
    with db.write() as session:
        account = session.scalar(select(Account).where(Account.username == username))
        if account is not None:
            session.expunge(account)
        return account


def count(db: Database, model: type[Account] | type[AuditEvent]) -> int:
    with db.write() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as a Chinese input method does: it commits whole words (QTest's keyClicks can't)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def write_png(path: Path) -> bytes:
    """A small red square saved as PNG at `path`; returns the file's bytes."""
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    return path.read_bytes()


# ---- the desk -----------------------------------------------------------------------------


def test_pages_are_reached_from_the_list_by_keyboard(
    qtbot: QtBot, desk_widget: SettingsDesk
) -> None:
    nav = desk_widget.findChild(QListWidget, "settings.pages")
    assert nav is not None and nav.count() == 9
    assert desk_widget.current_page() is desk_widget.centre_page
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Down)
    assert desk_widget.current_page() is desk_widget.accounts_page
    qtbot.keyClick(nav, Qt.Key.Key_End)
    assert desk_widget.current_page() is desk_widget.appearance_page
    assert desk_widget.show_page("communities") is desk_widget.communities_page


def test_tab_goes_from_the_page_list_into_the_page(qtbot: QtBot, desk_widget: SettingsDesk) -> None:
    desk_widget.activateWindow()
    qtbot.waitUntil(desk_widget.isActiveWindow)
    nav = desk_widget.findChild(QListWidget, "settings.pages")
    assert nav is not None
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is desk_widget.centre_page.edit("name")


def test_every_widget_a_person_acts_on_has_a_name(desk_widget: SettingsDesk) -> None:
    for kind in (QLineEdit, QPushButton, QComboBox, QAbstractItemView):
        for widget in desk_widget.findChildren(kind):
            if (
                widget.window() is not desk_widget
                or isinstance(widget, QHeaderView)
                or isinstance(widget.parentWidget(), QAbstractSpinBox)
            ):
                continue  # parts of Qt's own composite widgets (a combo box's popup list)
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()


# ---- centre profile -----------------------------------------------------------------------


def test_profile_edit_is_saved_and_shown(
    qtbot: QtBot, db: Database, desk_widget: SettingsDesk, recorder: Recorder
) -> None:
    page = desk_widget.centre_page
    name = page.findChild(QLineEdit, "settings.centre.name")
    assert name is not None and name.text() == "东社区邻里中心"
    name.clear()
    type_chinese(name, "东社区党群服务中心")
    phone = page.findChild(QLineEdit, "settings.centre.phone")
    assert phone is not None
    phone.setText(" 021-87654321 ")
    page.edit("handler").setText("陈经办")
    save = page.findChild(QPushButton, "settings.centre.save")
    assert save is not None
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    stored = centre_row(db)
    assert (stored.name, stored.phone, stored.handler) == (
        "东社区党群服务中心",
        "021-87654321",
        "陈经办",
    )
    assert phone.text() == "021-87654321"  # shown as saved, cleaned
    assert page.last_message().startswith("Saved")
    assert recorder.data_changes == 1


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("０２１－８７６５４３２１", "021-87654321"),  # full-width, as a Chinese input method types
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("87654321", "021-87654321"),  # a Shanghai line without its area code
    ],
)
def test_the_centre_phone_accepts_what_a_person_form_accepts(
    db: Database, desk_widget: SettingsDesk, typed: str, stored: str
) -> None:
    page = desk_widget.centre_page
    page.edit("phone").setText(typed)
    assert page.save(), page.field_message("phone")
    assert centre_row(db).phone == stored
    assert page.edit("phone").text() == stored


def test_enter_in_a_field_saves(qtbot: QtBot, db: Database, desk_widget: SettingsDesk) -> None:
    address = desk_widget.centre_page.findChild(QLineEdit, "settings.centre.address")
    assert address is not None
    address.clear()
    type_chinese(address, "友邻路2号")
    qtbot.keyClick(address, Qt.Key.Key_Return)
    assert centre_row(db).address == "友邻路2号"


def test_invalid_phone_is_said_beside_the_phone_and_nothing_is_written(
    db: Database, desk_widget: SettingsDesk, recorder: Recorder
) -> None:
    page = desk_widget.centre_page
    page.edit("name").setText("别的名字")
    page.edit("phone").setText("12345")
    assert not page.save()

    assert "021-12345678" in page.field_message("phone")
    assert page.field_message("name") == ""
    assert page.last_message().startswith("Not saved")
    stored = centre_row(db)
    assert (stored.name, stored.phone) == ("东社区邻里中心", "021-12345678")
    assert page.edit("phone").hasFocus() or not desk_widget.isActiveWindow()
    assert recorder.data_changes == 0


def test_seal_image_is_previewed_saved_and_removed(
    tmp_path: Path, db: Database, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.centre_page
    seal = tmp_path / "seal.png"
    write_png(seal)
    page.set_seal_file(seal)
    assert page.seal_image() == seal.read_bytes()
    assert page.field_message("seal_image") == ""
    assert page.save()
    assert centre_row(db).seal_image == seal.read_bytes()

    remove = page.findChild(QPushButton, "settings.centre.removeSeal")
    assert remove is not None and remove.isEnabled()
    remove.click()
    assert page.save()
    assert centre_row(db).seal_image is None
    assert not remove.isEnabled()


def test_the_seal_is_chosen_in_a_file_dialog_that_does_not_block(
    tmp_path: Path, qtbot: QtBot, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.centre_page
    seal = tmp_path / "seal.png"
    write_png(seal)
    choose = page.findChild(QPushButton, "settings.centre.chooseSeal")
    assert choose is not None
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)  # returns at once: open(), not exec()
    dialog = page.findChild(QFileDialog, "settings.centre.sealDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(seal))
    dialog.accept()
    assert page.seal_image() == seal.read_bytes()


def test_a_seal_that_is_not_a_picture_is_refused_beside_the_seal(
    tmp_path: Path, db: Database, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.centre_page
    text = tmp_path / "seal.txt"
    text.write_text("not a picture", encoding="utf-8")
    page.set_seal_file(text)
    assert page.field_message("seal_image")  # can't be shown
    assert not page.save()
    assert "PNG" in page.field_message("seal_image")
    assert centre_row(db).seal_image is None

    page.set_seal_file(tmp_path / "missing.png")
    assert "missing.png" in page.field_message("seal_image")


def test_undo_changes_shows_the_saved_profile(desk_widget: SettingsDesk) -> None:
    page = desk_widget.centre_page
    page.edit("name").setText("改了一半")
    revert = page.findChild(QPushButton, "settings.centre.revert")
    assert revert is not None
    revert.click()
    assert page.edit("name").text() == "东社区邻里中心"


# ---- accounts -----------------------------------------------------------------------------


def test_create_a_staff_account(qtbot: QtBot, db: Database, desk_widget: SettingsDesk) -> None:
    page = desk_widget.accounts_page
    desk_widget.show_page("accounts")
    create = page.findChild(QPushButton, "settings.accounts.create")
    assert create is not None
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert page.is_form_open()
    username = page.findChild(QLineEdit, "settings.accounts.new.username")
    assert username is not None and username.hasFocus()
    before = count(db, AuditEvent)

    assert page.create_account("Zhangli", "张丽", Role.STAFF, "long enough 1")

    account = account_named(db, "zhangli")
    assert account is not None
    assert (account.display_name, account.role, account.active) == ("张丽", "staff", True)
    with db.write() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert event is not None
        assert (event.action, event.entity, event.entity_id) == ("create", "account", account.id)
    assert count(db, AuditEvent) == before + 1
    assert not page.is_form_open()
    assert "zhangli" in page.last_message()
    selected = page.selected_account()
    assert selected is not None and selected.username == "zhangli"


def test_mismatched_passwords_are_said_and_nothing_is_written(
    db: Database, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.accounts_page
    accounts_before, events_before = count(db, Account), count(db, AuditEvent)

    assert not page.create_account("wang", "王伟", Role.DESK, "long enough 1", "long enough 2")

    assert "not the same" in page.form_message("repeat")
    assert page.last_message_is_error()
    assert page.is_form_open()
    assert (count(db, Account), count(db, AuditEvent)) == (accounts_before, events_before)


def test_a_bad_user_name_is_said_beside_the_user_name(
    db: Database, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.accounts_page
    assert not page.create_account("王伟", "王伟", Role.DESK, "long enough 1")
    assert "user name" in page.form_message("username")
    assert not page.create_account("admin", "又一个", Role.DESK, "long enough 1")
    assert "taken" in page.form_message("username")
    assert not page.create_account("wangwei", "王伟", Role.DESK, "short")
    assert "8" in page.form_message("password")
    assert account_named(db, "wangwei") is None


@pytest.mark.parametrize("action", ["demote", "disable"])
def test_the_only_admin_stays_admin(
    action: str, db: Database, admin: Actor, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.accounts_page
    assert page.select_username("admin")
    if action == "demote":
        assert not page.change_selected_role(Role.STAFF)
        assert page.last_message().startswith("Role not changed")
    else:
        toggle = page.findChild(QPushButton, "settings.accounts.toggleActive")
        assert toggle is not None
        toggle.click()
        assert page.last_message().startswith("Not disabled")
    # Demoting meets the last-admin rule; disabling meets "not the account you are signed in with".
    expected = "last active admin" if action == "demote" else "signed in with"
    assert expected in page.last_message()
    assert page.last_message_is_error()
    account = account_named(db, "admin")
    assert account is not None and (account.role, account.active) == ("admin", True)
    selected = page.selected_account()
    assert selected is not None and selected.role == Role.ADMIN and selected.active


def test_change_role_disable_enable_and_reset_password(
    db: Database, staff: Actor, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.accounts_page
    page.reload()
    assert page.select_username("staff")

    assert page.change_selected_role(Role.DESK)
    account = account_named(db, "staff")
    assert account is not None and account.role == "desk"

    assert page.set_selected_active(False)
    account = account_named(db, "staff")
    assert account is not None and not account.active
    toggle = page.findChild(QPushButton, "settings.accounts.toggleActive")
    assert toggle is not None and toggle.text() == "&Enable account"
    model = page.model()
    row = model.row_of(staff.account_id)
    assert model.index(row, AccountTableModel.STATUS).data() == "Disabled"
    assert page.set_selected_active(True)

    assert not page.reset_selected_password("new secret 1", "new secret 2")
    assert "not the same" in page.form_message("repeat")
    assert page.reset_selected_password("new secret 1")
    with db.write() as session:
        assert accounts.login(session, "staff", "new secret 1").role == Role.DESK
        assert session.get(Account, staff.account_id).must_change_password  # type: ignore[union-attr]


def test_an_admin_cannot_lock_themselves_out(db: Database, desk_widget: SettingsDesk) -> None:
    page = desk_widget.accounts_page
    assert page.create_account("second", "第二管理员", Role.ADMIN, "long enough 1")
    assert page.select_username("admin")
    assert not page.set_selected_active(False)
    assert "your own account" in page.last_message()
    account = account_named(db, "admin")
    assert account is not None and account.active


def test_escape_closes_the_form_without_writing(
    qtbot: QtBot, db: Database, desk_widget: SettingsDesk
) -> None:
    desk_widget.activateWindow()
    qtbot.waitUntil(desk_widget.isActiveWindow)
    page = desk_widget.accounts_page
    desk_widget.show_page("accounts")
    before = count(db, Account)
    page.on_create_clicked()
    username = page.findChild(QLineEdit, "settings.accounts.new.username")
    assert username is not None
    qtbot.keyClicks(username, "zhao")
    qtbot.keyClick(username, Qt.Key.Key_Escape)
    assert not page.is_form_open()
    assert count(db, Account) == before


def test_account_table_model_without_a_window(db: Database, admin: Actor) -> None:
    with db.write() as session:
        rows = accounts.list_accounts(session, admin)
    model = AccountTableModel()
    model.set_rows(rows)
    assert (model.rowCount(), model.columnCount()) == (1, 5)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "User name"
    assert model.index(0, AccountTableModel.USERNAME).data() == "admin"
    assert model.index(0, AccountTableModel.ROLE).data() == "Administrator"
    assert model.index(0, AccountTableModel.LAST_LOGIN).data() == "Never"


# ---- communities and building groups ------------------------------------------------------


@pytest.fixture
def community(db: Database, admin: Actor) -> int:
    with db.write() as session:
        row = communities.add_community(session, admin, "友邻一村")
        communities.add_building_group(session, admin, row.id, "第1楼组")
    return row.id


def test_rename_a_community_and_add_a_building_group(
    qtbot: QtBot, db: Database, community: int, desk_widget: SettingsDesk, recorder: Recorder
) -> None:
    page = desk_widget.communities_page
    page.reload()
    assert page.select_community("友邻一村")
    name = page.findChild(QLineEdit, "settings.communities.name")
    assert name is not None and name.text() == "友邻一村"
    name.clear()
    type_chinese(name, "友邻新村")
    rename = page.findChild(QPushButton, "settings.communities.rename")
    assert rename is not None
    qtbot.mouseClick(rename, Qt.MouseButton.LeftButton)
    with db.write() as session:
        assert session.get(Community, community).name == "友邻新村"  # type: ignore[union-attr]

    assert page.add_building_group("第2楼组")
    with db.write() as session:
        names = session.scalars(
            select(BuildingGroup.name).where(BuildingGroup.community_id == community)
        ).all()
    assert sorted(names) == ["第1楼组", "第2楼组"]
    selected = page.selected()
    assert selected is not None and (selected.kind, selected.name) == (BUILDING_GROUP, "第2楼组")
    assert recorder.data_changes == 2

    assert not page.add_building_group("第2楼组")
    assert page.field_message("newBuildingGroup")


def test_add_a_community(db: Database, desk_widget: SettingsDesk) -> None:
    page = desk_widget.communities_page
    assert not page.add_community("   ")
    assert page.field_message("newCommunity")
    assert page.add_community("友邻二村")
    with db.write() as session:
        assert session.scalar(select(Community.id).where(Community.name == "友邻二村"))
    selected = page.selected()
    assert selected is not None and selected.kind == COMMUNITY


def test_the_desk_speaks_chinese(chinese: None, qtbot: QtBot, desk_widget: SettingsDesk) -> None:
    fresh = SettingsDesk(desk_widget.centre_page._context)  # built after the catalogue is loaded
    qtbot.addWidget(fresh)
    nav = fresh.findChild(QListWidget, "settings.pages")
    assert nav is not None
    assert nav.item(0).text() == "中心资料"
    for button in fresh.findChildren(QPushButton):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in button.text()), button.text()
    model = fresh.accounts_page.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "用户名"


def test_deactivate_shows_the_word_inactive(
    chinese: None, db: Database, community: int, desk_widget: SettingsDesk
) -> None:
    page = desk_widget.communities_page
    page.reload()
    assert page.select_building_group("友邻一村", "第1楼组")
    group = page.selected()
    assert group is not None
    assert page.set_selected_active(False)
    assert page.status_text(BUILDING_GROUP, group.id) == "停用"
    assert page.status_text(COMMUNITY, community) == ""
    with db.write() as session:
        assert not session.get(BuildingGroup, group.id).active  # type: ignore[union-attr]

    assert page.select_community("友邻一村")
    toggle = page.findChild(QPushButton, "settings.communities.toggleActive")
    assert toggle is not None
    toggle.click()
    assert page.status_text(COMMUNITY, community) == "停用"
    toggle.click()
    assert page.status_text(COMMUNITY, community) == ""
    with db.write() as session:
        assert session.get(Community, community).active  # type: ignore[union-attr]


# ---- language and text size ---------------------------------------------------------------


def test_text_size_applies_at_once_and_is_kept(
    db: Database, desk_widget: SettingsDesk, recorder: Recorder
) -> None:
    page = desk_widget.appearance_page
    assert page.set_text_size("large")
    assert recorder.text_sizes == ["large"]
    assert settings_module.load().text_size == "large"
    assert page.last_message().startswith("Saved")


def test_language_is_saved_for_the_next_start(desk_widget: SettingsDesk) -> None:
    page = desk_widget.appearance_page
    assert page.set_language("en")
    assert settings_module.load().language == "en"
    assert "next time" in page.last_message()


def test_a_read_only_data_folder_is_said_not_crashed(
    monkeypatch: pytest.MonkeyPatch, desk_widget: SettingsDesk, recorder: Recorder
) -> None:
    def refuse(_settings: Settings, _path: Path | None = None) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(settings_module, "save", refuse)
    page = desk_widget.appearance_page
    assert not page.set_text_size("large")
    assert recorder.text_sizes == ["large"]  # still applied for this session
    assert "could not be saved" in page.last_message()
    assert "Permission denied" in page.last_message()
    assert not page.set_language("en")
    assert "could not be saved" in page.last_message()


# ---- permissions --------------------------------------------------------------------------


def test_a_desk_volunteer_is_refused_by_the_services(
    qtbot: QtBot, db: Database, desk: Actor, recorder: Recorder
) -> None:
    widget = SettingsDesk(make_context(db, desk, recorder))
    qtbot.addWidget(widget)
    widget.show()
    notice = widget.findChild(QLabel, "settings.notice")
    assert notice is not None and notice.isVisible()

    page = widget.centre_page
    page.edit("name").setText("不该保存")
    assert not page.save()
    assert "may not do this" in page.last_message()
    assert centre_row(db).name == "东社区邻里中心"
    assert recorder.data_changes == 0

    assert "may not do this" in widget.accounts_page.last_message()
    assert widget.accounts_page.model().rowCount() == 0
    assert not widget.accounts_page.create_account("x1", "某人", Role.ADMIN, PASSWORD)
    assert account_named(db, "x1") is None
    assert not widget.communities_page.add_community("偷偷加的")
    assert "may not do this" in widget.communities_page.last_message()
