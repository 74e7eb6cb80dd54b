"""The certificate register page and the verify dialog: issuing one, a year's batch previewed
and issued, 补发, revoking with the reason asked in the page, verifying; the page seen whole at
1366×768 in both text sizes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app import clock
from app.db import Database
from app.models import CertificateKind
from app.security import Actor
from app.services.volunteers import certificates as service
from app.services.volunteers.certificates import IssueInput
from tests.certificates_data import add_volunteer
from tests.rooms_ui import context
from ui import style
from ui.volunteers.certificates import BatchModel, CertificatesPage
from ui.volunteers.verify import VerifyDialog

D = dt.date


@pytest.fixture
def people(db: Database, clock_at: clock.FixedClock, staff: Actor) -> dict[str, int]:
    with db.write() as session:
        return {
            "wang": add_volunteer(session, "王建国", {D(2026, 3, 1): "12", D(2026, 5, 1): "10"}),
            "li": add_volunteer(session, "李秀兰", {D(2026, 6, 1): "20.5"}),
            "zhou": add_volunteer(session, "周明", {D(2026, 6, 1): "3"}),
        }


def _page(qtbot: QtBot, db: Database, actor: Actor) -> CertificatesPage:
    page = CertificatesPage(context(db, actor))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_staff_issue_a_certificate_from_the_form(
    qtbot: QtBot, db: Database, staff: Actor, people: dict[str, int], chinese: None
) -> None:
    page = _page(qtbot, db, staff)
    assert page.model.header_texts() == [
        "证书编号",
        "类别",
        "姓名",
        "名称",
        "时长（小时）",
        "颁发日期",
        "状态",
    ]
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.issue_panel.isVisible()
    # nobody chosen: said in the form
    assert page.issue() is None
    assert "居民" in page.issue_panel.message.text()
    page.person_picker.search_box.setText("周明")
    qtbot.keyClick(page.person_picker.search_box, Qt.Key.Key_Return)
    assert page.person_picker.person_id() == people["zhou"]
    page.issue_kind.setCurrentIndex(page.issue_kind.findData(CertificateKind.HONOUR.value))
    page.issue_title.setCurrentText("睦邻达人")
    page.grab().save("/tmp/certificates-issue-form.png")
    row = page.issue()
    assert row is not None and row.serial == "东邻荣证〔2026〕第0001号"
    assert not page.issue_panel.isVisible()
    assert page.model.row_texts(0) == [
        "东邻荣证〔2026〕第0001号",
        "荣誉证书",
        "周明",
        "睦邻达人",
        "",
        "2026-11-25",
        "有效",
    ]
    assert "东邻荣证〔2026〕第0001号" in page.status.message()
    # a record certificate for a period without hours is refused in the form
    page.open_issue()
    page.person_picker.search_box.setText("周明")
    qtbot.keyClick(page.person_picker.search_box, Qt.Key.Key_Return)
    page.issue_kind.setCurrentIndex(0)
    page.period_start.setText("2026-07-01")
    page.period_end.setText("2026-10-31")
    assert page.issue() is None
    assert "没有服务时长" in page.issue_panel.message.text()
    assert page.model.rowCount() == 1


def test_a_year_batch_is_previewed_ticked_and_issued(
    qtbot: QtBot, db: Database, staff: Actor, people: dict[str, int], chinese: None
) -> None:
    page = _page(qtbot, db, staff)
    page.open_batch()
    page.batch_threshold.setText("20")
    lines = page.preview_batch()
    assert [line.name for line in lines] == ["王建国", "李秀兰"]
    assert page.batch_model.ticked() == [people["wang"], people["li"]]
    untick = page.batch_model.index(1, BatchModel.TICK)
    assert page.batch_model.setData(untick, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert page.batch_model.ticked() == [people["wang"]]
    page.grab().save("/tmp/certificates-batch.png")
    rows = page.issue_batch()
    assert [(row.name, row.hours) for row in rows] == [("王建国", Decimal("22.0"))]
    assert page.model.rowCount() == 1
    page.open_batch()
    page.preview_batch()
    assert page.batch_model.row_texts(0)[4] == "东邻志证〔2026〕第0001号"
    assert page.batch_model.ticked() == [people["li"]]
    held = page.batch_model.index(0, BatchModel.TICK)
    assert not page.batch_model.flags(held) & Qt.ItemFlag.ItemIsEnabled


def test_reprint_and_revoke_with_the_reason_asked_in_the_page(
    qtbot: QtBot, db: Database, staff: Actor, people: dict[str, int], chinese: None
) -> None:
    with db.write() as session:
        honour = service.issue(
            session, staff, IssueInput(people["li"], CertificateKind.HONOUR, "共营达人")
        )
    page = _page(qtbot, db, staff)
    assert page.select_certificate(honour.id)
    assert page.reprint_button.isEnabled()
    page.reprint()
    page.reprint()
    assert page.model.row_texts(0)[6] == "已补发 2 次"
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert page.revoke_panel.isVisible()
    assert page.revoke() is None  # no reason
    assert page.revoke_panel.message.text()
    page.revoke_reason.setText("姓名写错")
    page.grab().save("/tmp/certificates-revoke.png")
    qtbot.keyClick(page.revoke_reason, Qt.Key.Key_Return)
    assert not page.revoke_panel.isVisible()
    assert page.model.row_texts(0)[6] == "已作废"
    assert not page.reprint_button.isEnabled() and not page.revoke_button.isEnabled()


def test_a_desk_volunteer_reads_but_does_not_issue(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    desk: Actor,
    people: dict[str, int],
    chinese: None,
) -> None:
    with db.write() as session:
        service.issue(session, staff, IssueInput(people["li"], CertificateKind.HONOUR, "共营达人"))
    page = _page(qtbot, db, desk)
    assert not page.issue_button.isEnabled() and not page.batch_button.isEnabled()
    assert page.verify_button.isEnabled()
    # the register is read without the codes that would let a certificate be forged
    assert page.model.rowCount() == 1
    assert page.model.line(0).verification_code == ""
    assert page.select_certificate(page.model.line(0).id)
    assert not page.reprint_button.isEnabled() and not page.revoke_button.isEnabled()
    assert not page.print_button.isEnabled()


def test_verify_says_valid_revoked_or_unknown_in_words(
    qtbot: QtBot, db: Database, staff: Actor, desk: Actor, people: dict[str, int], chinese: None
) -> None:
    with db.write() as session:
        good = service.issue(
            session, staff, IssueInput(people["wang"], CertificateKind.HONOUR, "草根规划师")
        )
        bad = service.issue(
            session, staff, IssueInput(people["li"], CertificateKind.HONOUR, "优秀志愿者")
        )
        service.revoke(session, staff, bad.id, "重复颁发")
    dialog = VerifyDialog(context(db, desk))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.field.setText(service.qr_payload(good.serial, good.verification_code))
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.answer.text() == "有效"
    assert "王*国" in dialog.details.text() and "王建国" not in dialog.details.text()
    dialog.grab().save("/tmp/certificates-verify-valid.png")
    dialog.check(f"{bad.serial} {bad.verification_code}")
    assert dialog.answer.text() == "已作废（重复颁发）"
    assert "李*兰" in dialog.details.text()
    dialog.grab().save("/tmp/certificates-verify-revoked.png")
    dialog.check(f"{good.serial}|AAAAAAAA")
    assert dialog.answer.text().startswith("查无此证")
    assert "王" not in dialog.details.text()
    dialog.grab().save("/tmp/certificates-verify-unknown.png")


@pytest.mark.parametrize("size", ["normal", "large"])
def test_the_page_and_its_forms_fit_1366_by_768(
    qtbot: QtBot,
    db: Database,
    staff: Actor,
    people: dict[str, int],
    qapp: QApplication,
    text_size: None,
    chinese: None,
    size: str,
) -> None:
    with db.write() as session:
        for n in range(12):
            service.issue(
                session,
                staff,
                IssueInput(people["wang"], CertificateKind.COMPLETION, f"小美艺术课堂第{n + 1}期"),
            )
        service.issue(session, staff, IssueInput(people["li"], CertificateKind.SERVICE_RECORD, ""))
    style.apply_text_size(qapp, size)
    page = CertificatesPage(context(db, staff))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    for panel, opener in (
        ("register", lambda: None),
        ("issue", page.open_issue),
        ("batch", page.open_batch),
    ):
        opener()
        if panel == "batch":
            page.preview_batch()
        qtbot.wait(10)
        hint = page.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 700, (panel, hint)
        for widget in page.findChildren(QPushButton):
            if widget.isVisible():  # no button's words cut off
                assert widget.width() >= widget.sizeHint().width(), widget.objectName()
        page.grab().save(f"/tmp/certificates-{panel}-{size}.png")
    dialog = VerifyDialog(context(db, staff))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.check("东邻志证〔2026〕第0001号 ABCDEFGH")
    qtbot.wait(10)
    assert dialog.sizeHint().width() <= 1366 and dialog.sizeHint().height() <= 700
    dialog.grab().save(f"/tmp/certificates-verify-{size}.png")
