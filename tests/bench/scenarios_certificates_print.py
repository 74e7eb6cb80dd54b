"""certificates_100: a batch of 100 certificates (60 service record certificates, 30 honour and
10 completion certificates, each with its QR code), read in one transaction and drawn into one
PDF, against bare ReportLab drawing the same pages (the same texts, frames and table lines in the
same font) with its own QR widget (reportlab.graphics.barcode.qr) in the same run: no database,
no glyph check, no wrapping.

    python tests/bench/run.py --only certificates_100
    python -m tests.bench.scenarios_certificates_print     # the figures as one JSON line
"""

from __future__ import annotations

import datetime as dt
import io
import json
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import clock, migrate, paths  # noqa: E402
from app.db import Database  # noqa: E402
from app.models import CertificateKind  # noqa: E402
from app.printing import certificates  # noqa: E402
from app.printing.certificates import CertificateSheet  # noqa: E402
from app.printing.document import MM  # noqa: E402
from app.security import Actor  # noqa: E402
from app.services import centre  # noqa: E402
from tests.test_certificate_print import add_certificate, add_volunteer  # noqa: E402

COUNT = 100
TARGET = "ratio ≤ 0.5 and ≤ 2000 ms"
NAMES = ["王建国", "李秀英", "张伟", "刘芳", "陈静", "杨洋", "黄磊", "赵敏", "吴涛", "周杰"]


def _centre(folder: Path) -> tuple[Database, Actor, list[int]]:
    db = Database(paths.sqlite_url(folder / "certificates.sqlite3"))
    migrate.upgrade(db)
    ids = []
    with db.write() as session:
        admin = centre.set_up(
            session,
            centre.CentreProfile("东社区邻里中心", "友邻路1号", "021-12345678", "王主任", "李经办"),
            "admin",
            "管理员",
            "correct horse 1",
        )
        people = [
            add_volunteer(session, name, f"3101011950010{n:04d}X") for n, name in enumerate(NAMES)
        ]
        for n in range(COUNT):
            person = people[n % len(people)]
            if n < 60:
                ids.append(add_certificate(session, person, hours=Decimal(20 + n)))
            elif n < 90:
                ids.append(
                    add_certificate(session, person, CertificateKind.HONOUR, title="睦邻达人")
                )
            else:
                ids.append(
                    add_certificate(
                        session, person, CertificateKind.COMPLETION, title="小美艺术课堂"
                    )
                )
    return db, admin, ids


def _bare(sheets: list[CertificateSheet]) -> bytes:
    """The same pages with ReportLab alone: strings, frames and its own QR widget."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from app.fonts import register_reportlab_font

    font = register_reportlab_font()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4)
    for sheet in sheets:
        record = sheet.kind == CertificateKind.SERVICE_RECORD
        width, height = A4 if record else landscape(A4)
        c.setPageSize((width, height))
        c.rect(12 * MM, 12 * MM, width - 24 * MM, height - 24 * MM)
        c.setFont(font, 26)
        c.drawCentredString(width / 2, height - 42 * MM, sheet.heading)
        c.setFont(font, 11)
        c.drawRightString(width - 22 * MM, height - 52 * MM, f"编号：{sheet.serial}")
        c.setFont(font, 13)
        texts = [
            sheet.holder, sheet.id_type, sheet.id_number, sheet.volunteer_number,
            certificates.hours_words(sheet.hours),
            certificates.period_words(sheet.period_start, sheet.period_end), sheet.content,
            sheet.issuer, sheet.person_in_charge, sheet.handler, sheet.contact, sheet.serial,
            certificates.chinese_date(sheet.issued_on),
        ]  # fmt: skip
        y = height - 70 * MM
        for text in texts if record else texts[:1] + texts[-2:]:
            c.rect(22 * MM, y - 3 * MM, width - 44 * MM, 11 * MM)
            c.drawString(60 * MM, y, text)
            y -= 11 * MM
        c.drawString(22 * MM, 23 * MM, sheet.code_words)
        widget = QrCodeWidget(sheet.qr_data, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        size = 30 * MM
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, c, 22 * MM, 28 * MM)
        c.showPage()
    c.save()
    return buffer.getvalue()


def measure(rounds: int = 5) -> dict[str, Any]:
    clock.use(clock.FixedClock(dt.datetime(2026, 11, 27, 9, 30)))
    with tempfile.TemporaryDirectory(prefix="youlin-certificates-") as folder:
        db, admin, ids = _centre(Path(folder))
        ours, bare, pages = [], [], 0
        try:
            for _ in range(rounds):
                start = time.perf_counter()
                with db.read() as session:
                    printout = certificates.certificates_printout(session, admin, ids)
                ours.append(time.perf_counter() - start)
                pages = printout.pages
                with db.read() as session:
                    sheets = certificates.read_certificates(session, admin, ids)
                start = time.perf_counter()
                _bare(sheets)
                bare.append(time.perf_counter() - start)
        finally:
            db.dispose()
    return {
        "value": statistics.median(ours) * 1000,
        "floor": statistics.median(bare) * 1000,
        "ratio": statistics.median(ours) / statistics.median(bare),
        "pages": pages,
        "bytes": len(printout.pdf),
    }


def certificates_100(bench: Any) -> Any:
    from tests.bench.run import Figure

    figures = measure(3 if bench.quick else 5)
    print(f"  certificates_100 detail: {json.dumps(figures)}", flush=True)
    return Figure(figures["value"], "ms", figures["floor"], TARGET)


SCENARIOS = {"certificates_100": certificates_100}


if __name__ == "__main__":
    print(json.dumps(measure()))
