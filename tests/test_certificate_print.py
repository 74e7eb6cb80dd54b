"""Printed certificates: what a PDF says read back with pypdf, the QR code decoded from the
rendered page (pdftoppm, then zxing-cpp), the embedded font covering every character (〇 too),
补发 on a reprint, a revoked certificate refused, and who may print."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.db import Database
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models import Centre, Certificate, CertificateKind, Person, Volunteer
from app.printing import certificates as printing
from app.security import Actor
from app.services.certificates import derived_code, serial, take_number
from tests import menu_data

ISSUED = dt.date(2026, 11, 27)


def add_certificate(
    session: object,
    person_id: int,
    kind: CertificateKind = CertificateKind.SERVICE_RECORD,
    *,
    title: str = "志愿服务记录证明",
    hours: Decimal | None = Decimal("36.5"),
    content: str = "垃圾分类桶前督导、助老服务",
    period: tuple[dt.date, dt.date] | None = (dt.date(2026, 1, 1), dt.date(2026, 11, 25)),
    reprints: int = 0,
    reprinted_on: dt.date | None = None,
    revoked: bool = False,
) -> int:
    """A certificate row as the issuing service writes it (number from the counter, derived
    code, the centre's profile as it is)."""
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    centre = session.get(Centre, 1)
    assert centre is not None
    number = take_number(session, centre.certificate_prefix, kind, ISSUED.year)
    row = Certificate(
        kind=kind.value,
        year=number.year,
        sequence=number.sequence,
        serial=number.serial,
        verification_code=derived_code(centre.verification_secret, number.serial, person_id),
        person_id=person_id,
        title=title,
        hours=hours,
        content=content,
        issued_on=ISSUED,
        period_start=period[0] if period else None,
        period_end=period[1] if period else None,
        issuer=centre.name,
        person_in_charge=centre.person_in_charge,
        handler=centre.handler,
        contact=centre.phone,
        reprints=reprints,
        reprinted_on=reprinted_on,
        revoked_at=dt.datetime(2026, 11, 26, 10) if revoked else None,
        revoked_reason="发错了人" if revoked else "",
    )
    session.add(row)
    session.flush()
    return row.id


def add_volunteer(
    session: object, name: str = "王建国", id_number: str = "310101195001011234"
) -> int:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    person_id = menu_data.add_person(session, name)
    person = session.get(Person, person_id)
    assert person is not None
    person.id_number = id_number
    session.add(Volunteer(person_id=person_id, volunteer_number=f"DLZY{person_id + 11:05d}"))
    session.flush()
    return person_id


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def printed(db: Database, actor: Actor, ids: list[int]) -> bytes:
    with db.read() as session:
        return printing.certificates_printout(session, actor, ids).pdf


def test_record_certificate_reads_back(db: Database, admin: Actor) -> None:
    with db.write() as session:
        person = add_volunteer(session)
        cid = add_certificate(session, person)
        row = session.get(Certificate, cid)
        assert row is not None
        number, code = row.serial, row.verification_code
    pdf = printed(db, admin, [cid])
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert height > width  # portrait
    words = "".join(text_of(pdf)[0].split())
    assert number == serial("东邻", CertificateKind.SERVICE_RECORD, 2026, 1)
    for expected in (
        "志愿服务记录证明",
        number,
        "王建国",
        "居民身份证",
        "3101**********1234",
        "DLZY00012",
        "36.5小时",
        "二〇二六年一月一日至二〇二六年十一月二十五日",
        "二〇二六年十一月二十七日",
        "东社区邻里中心",
        "王主任",
        "李经办",
        "021-12345678",
        f"查验码{code}",
    ):
        assert expected in words, expected
    assert "310101195001011234" not in words
    assert "补发" not in words


def test_honour_and_completion_are_landscape(db: Database, admin: Actor) -> None:
    with db.write() as session:
        person = add_volunteer(session)
        honour = add_certificate(
            session, person, CertificateKind.HONOUR, title="睦邻达人", content="", hours=None
        )
        course = add_certificate(
            session,
            person,
            CertificateKind.COMPLETION,
            title="小美艺术课堂",
            content="",
            hours=None,
            period=None,
        )
    pdf = printed(db, admin, [honour, course])
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert page.mediabox.width > page.mediabox.height
    first, second = ("".join(words.split()) for words in text_of(pdf))
    assert "荣誉证书" in first
    assert "兹授予王建国同志“睦邻达人”称号" in first
    assert "完成“小美艺术课堂”课程学习，准予结业" in second
    assert "二〇二六年十一月二十七日" in second


def test_chinese_dates() -> None:
    assert printing.chinese_date(dt.date(2026, 11, 27)) == "二〇二六年十一月二十七日"
    assert printing.chinese_date(dt.date(2030, 10, 1)) == "二〇三〇年十月一日"
    assert printing.chinese_date(dt.date(2026, 12, 20)) == "二〇二六年十二月二十日"
    assert printing.hours_words(Decimal("36.0")) == "36 小时"
    assert printing.hours_words(Decimal("100")) == "100 小时"


def test_reprint_is_marked(db: Database, admin: Actor) -> None:
    with db.write() as session:
        person = add_volunteer(session)
        cid = add_certificate(session, person, reprints=1, reprinted_on=dt.date(2026, 12, 3))
    words = "".join(text_of(printed(db, admin, [cid]))[0].split())
    assert "补发" in words
    assert "补发日期二〇二六年十二月三日" in words


def test_revoked_certificate_is_refused(db: Database, admin: Actor) -> None:
    with db.write() as session:
        person = add_volunteer(session)
        good = add_certificate(session, person)
        revoked = add_certificate(session, person, revoked=True)
    with db.read() as session, pytest.raises(ConflictError) as refused:
        printing.certificates_printout(session, admin, [good, revoked])
    assert "撤销" in refused.value.message and "不能打印" in refused.value.message
    with db.read() as session, pytest.raises(NotFound):
        printing.certificates_printout(session, admin, [good + 100])
    with db.read() as session, pytest.raises(ValidationError) as nothing:
        printing.certificates_printout(session, admin, [])
    assert nothing.value.field == "certificates"


def test_desk_volunteers_may_not_print(
    db: Database, admin: Actor, desk: Actor, staff: Actor
) -> None:
    with db.write() as session:
        cid = add_certificate(session, add_volunteer(session))
    with db.read() as session, pytest.raises(PermissionDenied):
        printing.certificates_printout(session, desk, [cid])
    assert printed(db, staff, [cid]).startswith(b"%PDF")


def test_every_character_is_in_the_embedded_font(db: Database, admin: Actor) -> None:
    from fontTools.ttLib import TTFont

    with db.write() as session:
        person = add_volunteer(session)
        ids = [
            add_certificate(session, person, reprints=2, reprinted_on=dt.date(2026, 10, 30)),
            add_certificate(session, person, CertificateKind.HONOUR, title="睦邻达人"),
            add_certificate(session, person, CertificateKind.COMPLETION, title="小美艺术课堂"),
        ]
    with db.read() as session:
        sheets = printing.read_certificates(session, admin, ids)
        printout = printing.certificates_pdf(sheets)
    assert printout.unprintable == ()
    reader = PdfReader(io.BytesIO(printout.pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "〇" in text
    # The characters printed are all in the bundled font (nothing fell back to another).
    from app.fonts import register_reportlab_font
    from app.resources import FONT_FILE, resource_path

    register_reportlab_font()
    cmap = TTFont(str(resource_path(FONT_FILE))).getBestCmap()
    lacking = {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}
    assert lacking == set()
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert all("YoulinFallback" not in name for name in fonts)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_qr_code_decodes_to_serial_and_code(db: Database, admin: Actor, tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    with db.write() as session:
        person = add_volunteer(session)
        ids = [
            add_certificate(session, person),
            add_certificate(session, person, CertificateKind.HONOUR, title="睦邻达人"),
        ]
        expected = [
            f"{row.serial}|{row.verification_code}"
            for row in (session.get(Certificate, cid) for cid in ids)
            if row is not None
        ]
    (tmp_path / "c.pdf").write_bytes(printed(db, admin, ids))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", str(tmp_path / "c.pdf"), str(tmp_path / "page")],
        check=True,
    )
    found = []
    for png in sorted(tmp_path.glob("page*.png")):
        codes = zxingcpp.read_barcodes(Image.open(png).convert("L"))
        found += [code.text for code in codes if code.format == zxingcpp.BarcodeFormat.QRCode]
    assert found == expected


def test_seal_is_drawn_when_configured(db: Database, admin: Actor) -> None:
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGBA", (120, 120), (200, 20, 20, 180)).save(picture, "PNG")
    with db.write() as session:
        centre = session.get(Centre, 1)
        assert centre is not None
        centre.seal_image = picture.getvalue()
        cid = add_certificate(session, add_volunteer(session))
    with db.write() as session:
        honour = add_certificate(
            session, session.scalar(__import__("sqlalchemy").select(Person.id)) or 0,
            CertificateKind.HONOUR, title="睦邻达人",
        )  # fmt: skip
    reader = PdfReader(io.BytesIO(printed(db, admin, [cid, honour])))
    for page in reader.pages:
        assert len(page.images) == 1


def test_print_certificate_command(
    db: Database,
    db_url: str,
    admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app import cli
    from tests.conftest import PASSWORD

    monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)
    with db.write() as session:
        person = add_volunteer(session)
        good = session.get(Certificate, add_certificate(session, person))
        revoked = session.get(Certificate, add_certificate(session, person, revoked=True))
        assert good is not None and revoked is not None
        good_serial, revoked_serial = good.serial, revoked.serial

    def run(number: str, out: Path) -> int:
        arguments = ["print", "certificate", "--serial", number, "-o", str(out)]
        return cli.main(lambda _options: 1, [*arguments, "--database", db_url, "--as", "admin"])

    out = tmp_path / "证书.pdf"
    assert run(good_serial, out) == 0, capsys.readouterr().err
    assert str(out) in capsys.readouterr().out
    words = "".join(text_of(out.read_bytes())[0].split())
    assert good_serial in words and "王建国" in words and "36.5小时" in words

    refused = tmp_path / "revoked.pdf"
    assert run(revoked_serial, refused) == 2
    assert "撤销" in capsys.readouterr().err
    assert not refused.exists()
    assert run("东邻志证〔2026〕第9999号", refused) == 2
    assert "第9999号" in capsys.readouterr().err
    assert not refused.exists()


def test_a_long_content_stays_on_its_page(db: Database, admin: Actor) -> None:
    """A very long 服务内容 is set smaller and cut with "…"; the statement and the issuer's
    name and date still print on the one page."""
    long_content = "垃圾分类桶前督导、助老陪伴、邻里节活动引导与秩序维护、社区花园共建；" * 12
    with db.write() as session:
        cid = add_certificate(session, add_volunteer(session), content=long_content)
    pdf = printed(db, admin, [cid])
    (words,) = ("".join(page.split()) for page in text_of(pdf))
    assert "…" in words
    assert words.index("以上情况属实") > words.index("出具日期")
    assert words.count("二〇二六年十一月二十七日") == 2
