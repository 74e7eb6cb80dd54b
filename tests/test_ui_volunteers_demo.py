"""The Volunteers & certificates desk on the demo centre, in the main window, as staff at
1366×768: a make-up hour (补录) with its reason lifts a volunteer's hours; the year's record
certificates (志愿服务记录证明) are previewed and issued to everyone who reached 20 hours and holds
none; one is reprinted (补发), one revoked with a reason; the verify dialog checks both by their
typed number and code and by the QR code scanned from the printed page, a forged code reads as
unknown, and verifying writes nothing. `YOULIN_SCREENS=DIR` saves the screens on the way, the
printed pages too."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text

from app import clock
from app.db import Database
from tests.conftest import TEST_NOW
from tests.demo_ui import actor, demo_database, in_chinese_locale, open_main_window, shot
from tests.rooms_ui import type_into
from ui import style
from ui.main_window import DEFAULT_SIZE
from ui.pdf_preview import PdfPreviewDialog
from ui.volunteers.certificates import CertificatesPage, RegisterModel
from ui.volunteers.desk import VolunteersDesk
from ui.volunteers.page import VolunteersPage
from ui.volunteers.verify import VerifyDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

YEAR = TEST_NOW.year
TENTHS = 200  # 20 hours, in tenths: the batch's threshold
REVOKE_REASON = "姓名写错，已重新颁发"


def _render(document: QPdfDocument, page: int, dpi: int) -> QImage:
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    # QtPdf leaves the paper transparent: on white, as printed (and as a scanner sees it)
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, document.render(page, size))
    painter.end()
    return paper


def _page_shot(document: QPdfDocument, page: int, name: str) -> None:
    """A printed page as the screens' folder keeps it (60 dpi, as `pdftoppm -r 60` draws it)."""
    folder = os.environ.get("YOULIN_SCREENS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        _render(document, page, 60).save(str(Path(folder) / f"{name}.png"))


def _scan(document: QPdfDocument, page: int, tmp_path: Path) -> str:
    """What a scanner reads from the page's QR code."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    png = tmp_path / f"scan-{page}.png"
    assert _render(document, page, 150).save(str(png))
    codes = zxingcpp.read_barcodes(Image.open(png).convert("L"))
    found = [code.text for code in codes if code.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(found) == 1, found
    return str(found[0])


def _pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def demo_db(tmp_path: Path, clock_at: clock.FixedClock, chinese: None) -> Iterator[Database]:
    db = demo_database(tmp_path)
    yield db
    db.dispose()


# --- what the database says, asked with SQL of the test's own -------------------------------

_YEAR_TENTHS = f"""
    SELECT v.person_id, p.name, v.volunteer_number,
           SUM(CAST(ROUND(r.hours * 10) AS INTEGER)) AS tenths
    FROM service_record r
    JOIN volunteer v ON v.id = r.volunteer_id
    JOIN person p ON p.id = v.person_id
    WHERE r.day BETWEEN '{YEAR}-01-01' AND :today
    GROUP BY v.person_id, p.name, v.volunteer_number
"""


def _year_tenths(db: Database) -> dict[int, tuple[str, str, int]]:
    """Every volunteer's hours this year (to today), in tenths: person → (name, number, tenths)."""
    with db.engine.connect() as connection:
        rows = connection.execute(text(_YEAR_TENTHS), {"today": TEST_NOW.date().isoformat()})
        return {person: (name, number, tenths) for person, name, number, tenths in rows}


def _qualifying(db: Database) -> set[int]:
    """Who reached 20 hours this year and holds no (unrevoked) record certificate of the year."""
    with db.engine.connect() as connection:
        holders = set(
            connection.execute(
                text(
                    "SELECT person_id FROM certificate WHERE kind = 'service_record' "
                    "AND year = :year AND revoked_at IS NULL"
                ),
                {"year": YEAR},
            ).scalars()
        )
    return {
        person
        for person, (_name, _number, tenths) in _year_tenths(db).items()
        if tenths >= TENTHS and person not in holders
    }


def _certificates(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT id, kind, year, sequence, serial, verification_code, person_id, "
                "reprints, reprinted_on, revoked_at, revoked_reason, updated_at "
                "FROM certificate ORDER BY id"
            )
        )
        return [tuple(row) for row in found]


def _audit_count(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT COUNT(*) FROM audit_event")).scalar_one())


def _masked(name: str) -> str:
    return name[0] + "*" if len(name) == 2 else name[0] + "*" * (len(name) - 2) + name[-1]


# --- driving the desk like a person ---------------------------------------------------------


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _click_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    index = view.model().index(row, 1)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _open_tab(qtbot: QtBot, desk: VolunteersDesk, number: int) -> None:
    bar = desk.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(number).center())
    assert desk.tabs.currentIndex() == number


def _find_certificate(qtbot: QtBot, page: CertificatesPage, serial: str) -> None:
    """Type the number into the register's search and click the one row found."""
    type_into(qtbot, page.text_box, serial)
    assert page.model.rowCount() == 1
    _click_row(qtbot, page.view, 0)
    chosen = page.chosen()
    assert chosen is not None and chosen.serial == serial


def _rows_in_sight(view: QTableView) -> int:
    return view.viewport().height() // view.verticalHeader().defaultSectionSize()


def _print(
    qtbot: QtBot, page: CertificatesPage, serial: str, button: QPushButton
) -> tuple[PdfPreviewDialog, str]:
    """Find the certificate, press 补发 or 打印: the preview that opens and its page's text."""
    _find_certificate(qtbot, page, serial)
    _click(qtbot, button)
    preview = page.last_preview
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.document.status() == QPdfDocument.Status.Ready
    qtbot.waitUntil(preview.isVisible)
    (printed,) = _pdf_text(preview.pdf)
    return preview, printed


def test_staff_make_up_an_hour_issue_the_years_certificates_reprint_revoke_and_verify(
    qtbot: QtBot,
    qapp: QApplication,
    demo_db: Database,
    tmp_path: Path,
    text_size: None,
    request: pytest.FixtureRequest,
) -> None:
    staff = actor(demo_db, "staff")
    in_chinese_locale(request)
    window = open_main_window(qtbot, demo_db, staff)

    # Ctrl+<its place in the navigation> opens the desk.
    place = window.desk_keys().index("volunteers") + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + place), Qt.KeyboardModifier.ControlModifier)
    assert window.current_desk_key() == "volunteers"
    desk = window.desk("volunteers")
    assert isinstance(desk, VolunteersDesk)
    assert [desk.tabs.tabText(n) for n in range(desk.tabs.count())] == ["志愿者", "值班表", "证书"]
    people: VolunteersPage = desk.volunteers_page
    # the list has most of the room, not the records below it
    assert _rows_in_sight(people.table) >= 8
    assert people.table.height() > people.below.height()

    # --- 补录: the volunteer closest under 20 hours gets what lifts them over -----------------
    hours = _year_tenths(demo_db)
    under = [(tenths, -person) for person, (_n, _c, tenths) in hours.items() if tenths < TENTHS]
    tenths, person = max(under)
    person = -person
    name, number, _tenths = hours[person]
    wanted = TENTHS + 1 - tenths  # in tenths, rounded up to a half hour: over 20, not on it
    made_up = -(-wanted // 5) * 5
    assert made_up <= 240
    before_qualifying = _qualifying(demo_db)
    assert person not in before_qualifying
    type_into(qtbot, people.search_box, number)
    assert people.model.rowCount() == 1
    _click_row(qtbot, people.table, 0)
    chosen = people.chosen()
    assert chosen is not None and (chosen.person_id, chosen.name) == (person, name)
    assert people.model.row_texts(0)[4] == f"{tenths / 10:g}"
    records_before = people.records_model.rowCount()
    shot(window, "01-volunteers")
    _click(qtbot, people.make_up_button)
    form = people.make_up_form
    assert form.isVisible() and form.hours.hasFocus()
    assert form.day.text() == TEST_NOW.date().isoformat()
    type_into(qtbot, form.hours, f"{made_up / 10:g}")
    type_into(qtbot, form.content, "重阳节敬老活动布置会场")
    type_into(qtbot, form.reason, "签到表遗失，由活动负责人确认")
    shot(window, "02-make-up")
    _click(qtbot, form.save_button)
    assert not form.isVisible()
    new_total = f"{(tenths + made_up) / 10:g}"
    assert people.model.row_texts(0)[4] == new_total
    assert _year_tenths(demo_db)[person][2] == tenths + made_up
    assert people.records_model.rowCount() == records_before + 1
    made = [people.records_model.row_texts(r) for r in range(people.records_model.rowCount())]
    assert any(
        "补录" in line[3] and "签到表遗失" in line[4] and line[1] == f"{made_up / 10:g}"
        for line in made
    )
    assert f"{new_total} 小时" in people.chosen_label.text()
    assert "已保存" in people.status.message()
    shot(window, "03-volunteers-after-make-up")
    type_into(qtbot, people.search_box, "")

    _open_tab(qtbot, desk, 1)
    shot(window, "04-rota")

    # --- 批量颁发: the preview first, then the certificates ---------------------------------------
    _open_tab(qtbot, desk, 2)
    page: CertificatesPage = desk.certificates_page
    shot(window, "05-certificates")
    qualifying = _qualifying(demo_db)
    assert qualifying == before_qualifying | {person}
    _click(qtbot, page.batch_button)
    assert page.batch_year.value() == YEAR and page.batch_threshold.text() == "20"
    show = page.findChild(QPushButton, "volunteers.certificates.batchPreview")
    assert show is not None
    _click(qtbot, show)
    lines = page.batch_model.lines()
    assert {line.person_id for line in lines} == qualifying
    assert sorted(page.batch_model.ticked()) == sorted(qualifying)
    assert all(not line.held for line in lines)
    # said above the button: how many reached the hours, hold one already, are ticked
    said = [int(n) for n in re.findall(r"\d+", page.batch_count.text())]
    assert said == [len(qualifying), 0, len(qualifying)]
    shot(window, "06-batch-preview")
    before = {row[0] for row in _certificates(demo_db)}
    _click(qtbot, page.batch_confirm)
    issued = [row for row in _certificates(demo_db) if row[0] not in before]
    assert len(issued) == len(qualifying)
    assert {row[6] for row in issued} == qualifying
    assert {row[1] for row in issued} == {"service_record"}
    # numbered on from the year's last record certificate (the demo has none yet), no gaps
    records_of_year = sorted(
        row[3] for row in _certificates(demo_db) if row[1] == "service_record" and row[2] == YEAR
    )
    assert records_of_year == list(range(1, len(qualifying) + 1))
    serials = [f"东邻志证〔{YEAR}〕第{n:04d}号" for n in range(1, len(qualifying) + 1)]
    assert sorted(row[4] for row in issued) == serials
    assert f"已颁发 {len(qualifying)} 张证书" in page.status.message()
    assert serials[0] in page.status.message() and serials[-1] in page.status.message()

    # the batch's PDF for the binder: one page each, in the order issued
    batch = page.batch_preview
    assert isinstance(batch, PdfPreviewDialog)
    qtbot.waitUntil(batch.isVisible)
    assert batch.document.pageCount() == len(qualifying)
    texts = _pdf_text(batch.pdf)
    by_serial = {row[4]: row for row in issued}
    order = sorted(issued, key=lambda row: row[0])
    for n, row in enumerate(order):
        assert row[4] in texts[n] and "志愿服务记录证明" in texts[n]
    shot(batch, "07-batch-printed", qtbot)
    _page_shot(batch.document, 0, "08-record-certificate-page")
    reprinted, revoked = order[0], order[-1]
    revoked_payload = _scan(batch.document, len(order) - 1, tmp_path)
    assert revoked_payload == f"{revoked[4]}|{revoked[5]}"
    batch.close()

    # --- 补发 -------------------------------------------------------------------------------------
    preview, reprint_text = _print(qtbot, page, reprinted[4], page.reprint_button)
    assert "补发" in reprint_text and reprinted[4] in reprint_text
    assert page.model.row_texts(0)[RegisterModel.STATUS] == "已补发 1 次"
    reprint_payload = _scan(preview.document, 0, tmp_path)
    assert reprint_payload == f"{reprinted[4]}|{reprinted[5]}"
    shot(preview, "09-reprint-preview", qtbot)
    preview.close()

    # an honour certificate of the demo's, printed as it is
    honour = next(row for row in _certificates(demo_db) if row[1] == "honour" and not row[9])
    preview, honour_text = _print(qtbot, page, honour[4], page.print_button)
    assert "荣誉证书" in honour_text and honour[4] in honour_text
    shot(preview, "10-honour-preview", qtbot)
    _page_shot(preview.document, 0, "11-honour-certificate-page")
    preview.close()
    # Ctrl+P in the register previews the chosen certificate as 打印… does
    page.last_preview = None
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    by_keys = page.last_preview
    assert isinstance(by_keys, PdfPreviewDialog)
    assert honour[4] in _pdf_text(by_keys.pdf)[0]
    by_keys.close()

    # --- 作废 with the reason -----------------------------------------------------------------
    _find_certificate(qtbot, page, revoked[4])
    _click(qtbot, page.revoke_button)
    assert page.revoke_panel.isVisible() and window.focusWidget() is page.revoke_reason
    type_into(qtbot, page.revoke_reason, REVOKE_REASON)
    shot(window, "12-revoking")
    qtbot.keyClick(page.revoke_reason, Qt.Key.Key_Return)
    assert not page.revoke_panel.isVisible()
    assert page.model.row_texts(0)[RegisterModel.STATUS] == "已作废"
    assert not page.reprint_button.isEnabled() and not page.revoke_button.isEnabled()
    type_into(qtbot, page.text_box, "")
    shot(window, "13-register-after")

    # --- 查验: typed and scanned; a forged code; nothing written --------------------------------
    writes: list[str] = []

    def on_execute(*args: Any) -> None:
        statement = " ".join(str(args[2]).split()).upper()
        # reads only: a deferred BEGIN takes no write lock (BEGIN IMMEDIATE would)
        if statement != "BEGIN" and not statement.startswith(("SELECT", "PRAGMA", "WITH")):
            writes.append(statement)

    snapshot = (_certificates(demo_db), _audit_count(demo_db))
    event.listen(demo_db.engine, "before_cursor_execute", on_execute)
    request.addfinalizer(
        lambda: (
            event.remove(demo_db.engine, "before_cursor_execute", on_execute)
            if event.contains(demo_db.engine, "before_cursor_execute", on_execute)
            else None
        )
    )
    _click(qtbot, page.verify_button)
    dialog = page.findChild(VerifyDialog, "volunteers.verify")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.focusWidget() is dialog.field

    def verify(typed: str) -> tuple[str, str]:
        type_into(qtbot, dialog.field, typed)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        return dialog.answer.text(), dialog.details.text()

    holder = by_serial[reprinted[4]]
    full_name = hours[holder[6]][0]
    for typed in (f"{reprinted[4]} {reprinted[5]}", reprint_payload):
        answer, details = verify(typed)
        assert answer == "有效"
        assert reprinted[4] in details and _masked(full_name) in details
        assert details.count("志愿服务记录证明") == 1  # the kind is the title: said once
        assert full_name not in details
        if typed == reprint_payload:
            shot(dialog, "14-verify-valid")
    revoked_name = hours[revoked[6]][0]
    for typed in (f"{revoked[4]} {revoked[5].lower()}", revoked_payload):
        answer, details = verify(typed)
        assert answer == f"已作废（{REVOKE_REASON}）"
        assert _masked(revoked_name) in details and revoked_name not in details
    shot(dialog, "15-verify-revoked")
    forged = "ABCDEFGH" if reprinted[5] != "ABCDEFGH" else "HGFEDCBA"
    answer, details = verify(f"{reprinted[4]}|{forged}")
    assert answer.startswith("查无此证")
    assert full_name[0] not in details
    shot(dialog, "16-verify-forged")
    event.remove(demo_db.engine, "before_cursor_execute", on_execute)
    assert writes == []
    assert (_certificates(demo_db), _audit_count(demo_db)) == snapshot
    close = dialog.findChild(QPushButton, "volunteers.verify.close")
    assert close is not None
    _click(qtbot, close)

    # --- the desk in large text (长辈模式), as the program opens in it -------------------------
    window.close()
    style.apply_text_size(qapp, "large")
    large = open_main_window(qtbot, demo_db, staff)
    qtbot.keyClick(large, Qt.Key(Qt.Key.Key_0.value + place), Qt.KeyboardModifier.ControlModifier)
    desk = large.desk("volunteers")
    assert isinstance(desk, VolunteersDesk)
    people = desk.volunteers_page
    type_into(qtbot, people.search_box, number)
    _click_row(qtbot, people.table, 0)
    type_into(qtbot, people.search_box, "")
    assert people.chosen() is not None
    shot(large, "17-volunteers-large")
    # the records keep their two rows; everything else is the list's
    assert _rows_in_sight(people.table) >= 4
    assert people.table.height() > people.below.height()
    _open_tab(qtbot, desk, 2)
    shot(large, "18-certificates-large")
    hint = large.minimumSizeHint()
    assert hint.width() <= DEFAULT_SIZE.width() and hint.height() <= DEFAULT_SIZE.height()
