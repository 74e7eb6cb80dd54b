"""The certificates' preview: a batch opens with a page each; a revoked one is refused in a box
and nothing opens; a desk volunteer may not print certificates."""

from __future__ import annotations

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import CertificateKind
from app.security import Actor
from tests.rooms_ui import context
from tests.test_certificate_print import add_certificate, add_volunteer
from ui.volunteers import printing

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_batch_opens_in_the_preview(
    qtbot: QtBot, db: Database, staff: Actor, parent: QWidget, chinese: None
) -> None:
    with db.write() as session:
        person = add_volunteer(session)
        ids = [
            add_certificate(session, person),
            add_certificate(session, person, CertificateKind.HONOUR, title="睦邻达人"),
        ]
    preview = printing.preview_certificates(context(db, staff), parent, ids)
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.document.pageCount() == 2
    assert preview.file_name == "证书-2份.pdf"
    assert preview.message_text() == ""
    preview.close()

    (one,) = ids[:1]
    preview = printing.preview_certificates(context(db, staff), parent, [one])
    assert preview is not None
    assert preview.file_name == "志愿服务记录证明-王建国-20260001.pdf"
    preview.close()


def test_revoked_and_not_allowed_are_said(
    qtbot: QtBot, db: Database, staff: Actor, desk: Actor, parent: QWidget, chinese: None
) -> None:
    with db.write() as session:
        person = add_volunteer(session)
        revoked = add_certificate(session, person, revoked=True)
        good = add_certificate(session, person)
    assert printing.preview_certificates(context(db, staff), parent, [good, revoked]) is None
    box = parent.findChild(QMessageBox)
    assert box is not None and "撤销" in box.text()
    box.close()
    box.deleteLater()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox) is None)
    assert printing.preview_certificates(context(db, desk), parent, [good]) is None
    box = parent.findChild(QMessageBox)
    assert box is not None
    box.close()
