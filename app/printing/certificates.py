"""证书: the printed certificates, one a page, any number in one PDF.

- 志愿服务记录证明 (`CertificateKind.SERVICE_RECORD`): A4 portrait, a table of the fields
  民发〔2015〕149号 asks for: 姓名, 证件类型, 证件号码, 志愿者编号, 服务时长, 服务时间, 服务内容,
  出具单位, 负责人, 经办人, 联系方式, 证明编号, 出具日期; 以上情况属实，特此证明 and the issuer with
  the date (and the seal) under it.
- 荣誉证书 and 结业证书: A4 landscape in a red double border, the big title, the words (兹授予
  王建国 同志“睦邻达人”称号… / 王建国 同志：…完成“小美艺术课堂”课程学习，准予结业。), the
  issuer, its 负责人 and the date at the right with the seal over the issuer's name.

Every certificate has its QR code in the lower left corner carrying "serial|verification code"
and, under it, the code in words (查验码 ABCD2345), so a certificate can be checked by scanning it
or by typing the code at any desk. A certificate printed again after 补发 (`reprints > 0`) says
补发 in a red box, with the date of the last reprint.

Decisions:
- The ID number is masked (3101**********1234): a certificate is kept, copied and handed to
  schools and employers, and the whole number on it would travel with every copy. The name, the
  masked number and the verification code (which the installation derives from the serial and the
  holder) together identify the holder as well as the whole number would.
- The person has one ID number field, validated as a 居民身份证 number: the ID type is printed as
  居民身份证 when there is a number and — when there is none.
- Printing needs `Permission.CERTIFICATES` (staff and admin): a printed certificate is as good as
  the one handed out on the day, so only those who issue certificates print them. Printing does
  not count as a 补发: the service that reprints (`reprints`, `reprinted_on`) is the Certificates
  desk's business; this module prints what the row says. A revoked certificate is refused.
- Dates are in Chinese numerals (二〇二六年十一月二十七日), as formal certificates have them; the
  bundled font has 〇 (a test checks).

Everything is read in one read transaction (`read_certificates`) and drawn on a ReportLab canvas
without the database (`certificates_pdf`); each text goes through `app.printing.glyphs`, so a
character the bundled font lacks is drawn in a font of the machine, or as 〓 and reported.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.errors import ConflictError, NotFound, ValidationError
from app.fonts import register_reportlab_font
from app.i18n import translate
from app.models import Centre, Certificate, CertificateKind, Volunteer
from app.people_fields import mask_id
from app.printing.document import MM, draw_qr
from app.printing.glyphs import Glyphs, Printout
from app.security import Actor, Permission

TITLES = {
    CertificateKind.SERVICE_RECORD: "志愿服务记录证明",
    CertificateKind.HONOUR: "荣誉证书",
    CertificateKind.COMPLETION: "结业证书",
}
RED = "#B3261E"
INK = "#111111"
MUTED = "#555555"
NONE = "—"
ID_CARD = "居民身份证"
REPRINT = "补发"
DIGITS = "〇一二三四五六七八九"
CLOSING = "，。、；：？！”’）》」』〕】…"  # never at the start of a line
OPENING = "“‘（《「『〔【"  # never at the end of one
ELLIPSIS = "…"
ROW = 9.5 * MM  # a row of the record certificate's table
TABLE_BOTTOM = 68 * MM  # the table stays above the statement, the issuer and the QR code


@dataclass(frozen=True)
class CertificateSheet:
    """One certificate as printed, read from its row, its holder and the centre."""

    certificate_id: int
    kind: CertificateKind
    serial: str
    verification_code: str
    title: str  # the honour or course name; the record certificate's is 志愿服务记录证明
    holder: str
    id_type: str  # 居民身份证, or "" when no number is on file
    id_number: str  # masked: 3101**********1234
    volunteer_number: str
    hours: Decimal | None
    period_start: dt.date | None
    period_end: dt.date | None
    content: str
    issuer: str
    person_in_charge: str
    handler: str
    contact: str
    issued_on: dt.date
    reprints: int
    reprinted_on: dt.date | None
    seal_image: bytes | None  # the centre's seal, drawn over the issuer's name

    @property
    def heading(self) -> str:
        return TITLES[self.kind]

    @property
    def qr_data(self) -> str:
        return f"{self.serial}|{self.verification_code}"

    @property
    def code_words(self) -> str:
        return f"查验码 {self.verification_code}"

    @property
    def reprint_words(self) -> str:
        """补发 and its date, or "" for a certificate never reprinted."""
        if self.reprints <= 0:
            return ""
        when = self.reprinted_on
        return f"{REPRINT}日期 {chinese_date(when)}" if when else REPRINT


def chinese_date(day: dt.date) -> str:
    """2026-11-27 → 二〇二六年十一月二十七日."""
    year = "".join(DIGITS[int(digit)] for digit in str(day.year))
    return f"{year}年{chinese_number(day.month)}月{chinese_number(day.day)}日"


def chinese_number(value: int) -> str:
    """1 to 99 in words: 七, 十, 十一, 二十, 二十七."""
    tens, units = divmod(value, 10)
    if tens == 0:
        return DIGITS[units]
    head = "" if tens == 1 else DIGITS[tens]
    return f"{head}十{DIGITS[units] if units else ''}"


def hours_words(hours: Decimal | None) -> str:
    """36.5 → "36.5 小时", 36.0 → "36 小时"; — when none."""
    if hours is None:
        return NONE
    number = f"{hours.normalize():f}"
    return f"{number} 小时"


def period_words(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return f"{chinese_date(start)}至{chinese_date(end)}"
    if start or end:
        return chinese_date(start or end)  # type: ignore[arg-type]
    return ""


def read_certificates(
    session: Session, actor: Actor, certificate_ids: Sequence[int]
) -> list[CertificateSheet]:
    """The certificates to print, in the order asked; NotFound for one no longer on file and
    ConflictError for a revoked one (a revoked certificate is never printed again)."""
    actor.require(Permission.CERTIFICATES)
    if not certificate_ids:
        raise ValidationError(
            "certificates", translate("Certificates", "Choose at least one certificate to print.")
        )
    rows = session.scalars(
        select(Certificate)
        .where(Certificate.id.in_(certificate_ids))
        .options(joinedload(Certificate.person))
    ).all()
    by_id = {row.id: row for row in rows}
    missing = [cid for cid in certificate_ids if cid not in by_id]
    if missing:
        raise NotFound(translate("Certificates", "This certificate no longer exists."))
    for row in rows:
        if row.revoked_at is not None:
            raise ConflictError(
                translate(
                    "Certificates",
                    "Certificate %1 was revoked on %2 and can't be printed.",
                )
                .replace("%1", row.serial)
                .replace("%2", f"{row.revoked_at:%Y-%m-%d}")
            )
    person_ids = {row.person_id for row in rows}
    numbers = {
        person_id: number
        for person_id, number in session.execute(
            select(Volunteer.person_id, Volunteer.volunteer_number).where(
                Volunteer.person_id.in_(person_ids)
            )
        )
    }
    centre = session.get(Centre, 1)
    seal = centre.seal_image if centre and centre.seal_image else None
    centre_name = centre.name if centre else ""
    sheets = []
    for cid in certificate_ids:
        row = by_id[cid]
        person = row.person
        sheets.append(
            CertificateSheet(
                certificate_id=row.id,
                kind=CertificateKind(row.kind),
                serial=row.serial,
                verification_code=row.verification_code,
                title=row.title,
                holder=person.name,
                id_type=ID_CARD if person.id_number else "",
                id_number=mask_id(person.id_number),
                volunteer_number=numbers.get(row.person_id, ""),
                hours=row.hours,
                period_start=row.period_start,
                period_end=row.period_end,
                content=row.content,
                issuer=row.issuer or centre_name,
                person_in_charge=row.person_in_charge,
                handler=row.handler,
                contact=row.contact,
                issued_on=row.issued_on,
                reprints=row.reprints,
                reprinted_on=row.reprinted_on,
                seal_image=seal,
            )
        )
    return sheets


def certificate_id_of(session: Session, actor: Actor, serial: str) -> int:
    """The certificate numbered `serial` (东邻志证〔2026〕第0007号); NotFound when none is."""
    actor.require(Permission.CERTIFICATES)
    found = session.scalar(select(Certificate.id).where(Certificate.serial == serial.strip()))
    if found is None:
        raise NotFound(
            translate("Certificates", "No certificate is numbered %1.").replace("%1", serial)
        )
    return found


def certificates_printout(
    session: Session, actor: Actor, certificate_ids: Sequence[int]
) -> Printout:
    """The certificates as one PDF, one a page (the desk's preview and the command line)."""
    return certificates_pdf(read_certificates(session, actor, certificate_ids))


def file_name(sheets: Sequence[CertificateSheet]) -> str:
    if len(sheets) == 1:
        sheet = sheets[0]
        holder = "".join(ch for ch in sheet.holder if ch not in '\\/:*?"<>|')
        number = "".join(ch for ch in sheet.serial if ch.isdigit())
        return f"{sheet.heading}-{holder}-{number}.pdf"
    return f"证书-{len(sheets)}份.pdf"


def certificates_pdf(sheets: Sequence[CertificateSheet]) -> Printout:
    """The certificates laid out, one a page: record certificates portrait, honour and
    completion landscape."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    font = register_reportlab_font()
    glyphs = Glyphs(font)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=font)
    canvas.setTitle("证书" if len(sheets) != 1 else f"{sheets[0].heading} {sheets[0].serial}")
    canvas.setAuthor(sheets[0].issuer if sheets else "")
    canvas.setCreator("友邻前台 Youlin Desk")
    seals: dict[int, Any] = {}
    for sheet in sheets:
        page = _Page(canvas, glyphs, font, seals)
        if sheet.kind == CertificateKind.SERVICE_RECORD:
            canvas.setPageSize(A4)
            page.record(sheet)
        else:
            canvas.setPageSize(landscape(A4))
            page.award(sheet)
        canvas.showPage()
    canvas.save()
    return Printout(buffer.getvalue(), len(sheets), glyphs.unprintable)


class _Page:
    """Drawing one certificate on the canvas: text through the print-out's `Glyphs`."""

    def __init__(self, canvas: Any, glyphs: Glyphs, font: str, seals: dict[int, Any]) -> None:
        self.c = canvas
        self.glyphs = glyphs
        self.font = font
        self.seals = seals

    # --- pieces ------------------------------------------------------------------------------

    def colour(self, hex_colour: str) -> None:
        from reportlab.lib.colors import HexColor

        self.c.setFillColor(HexColor(hex_colour))
        self.c.setStrokeColor(HexColor(hex_colour))

    def text(self, words: str, x: float, y: float, size: float, *, align: str = "left") -> None:
        if align == "centre":
            x -= self.glyphs.width(words, size) / 2
            self.glyphs.draw(self.c, words, x, y, size)
        else:
            self.glyphs.draw(self.c, words, x, y, size, right=align == "right")

    def spaced(self, words: str, centre_x: float, y: float, size: float, gap: float) -> None:
        """A title with `gap` (in ems) between its characters, centred on `centre_x`; drawn as
        one string (with character spacing) so that it is read back and searched as a word."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        runs = self.glyphs.runs(words)
        if len(runs) != 1:  # a character from another font: spaced by hand
            self.text(words, centre_x, y, size, align="centre")
            return
        font, part = runs[0]
        total = stringWidth(part, font, size) + gap * size * (len(part) - 1)
        self.c.setFont(font, size)
        self.c.drawString(centre_x - total / 2, y, part, charSpace=gap * size)

    def wrap(self, words: str, size: float, width: float, *, indent: float = 0) -> list[str]:
        """`words` in lines no wider than `width` (the first `indent` narrower), broken between
        any two characters but never before a closing mark (，。”) nor after an opening one."""
        lines: list[str] = []
        for paragraph in words.split("\n"):
            line = ""
            room = width - (indent if not lines else 0)
            for ch in paragraph:
                if line and ch not in CLOSING and self.glyphs.width(line + ch, size) > room:
                    carried = ""
                    while len(line) > 1 and line[-1] in OPENING:
                        line, carried = line[:-1], line[-1] + carried
                    lines.append(line)
                    line, room = carried, width
                line += ch
            lines.append(line)
        return lines

    def qr(self, sheet: CertificateSheet, x: float, y: float, size: float) -> None:
        """The QR code with its lower left corner at (x, y), 查验码 under it."""
        self.colour(INK)
        draw_qr(self.c, sheet.qr_data, x, y, size, encoding="utf-8")
        self.text(sheet.code_words, x + size / 2, y - 5 * MM, 10, align="centre")

    def seal(self, sheet: CertificateSheet, centre_x: float, centre_y: float, size: float) -> None:
        """The centre's seal, centred on the issuer's name; nothing when none is configured."""
        if not sheet.seal_image:
            return
        from reportlab.lib.utils import ImageReader

        key = id(sheet.seal_image)
        image = self.seals.get(key)
        if image is None:
            image = self.seals[key] = ImageReader(io.BytesIO(sheet.seal_image))
        half = size / 2
        self.c.drawImage(
            image, centre_x - half, centre_y - half, size, size, mask="auto",
            preserveAspectRatio=True, anchor="c",
        )  # fmt: skip

    def reprint(self, sheet: CertificateSheet, x: float, top: float) -> None:
        """补发 in a red box from (x, top), its date beside it."""
        if not sheet.reprint_words:
            return
        self.colour(RED)
        self.c.setLineWidth(1.5)
        self.c.rect(x, top - 11 * MM, 22 * MM, 11 * MM, stroke=1, fill=0)
        self.text(REPRINT, x + 11 * MM, top - 8 * MM, 18, align="centre")
        if sheet.reprinted_on:
            self.text(sheet.reprint_words, x + 25 * MM, top - 7.5 * MM, 10)
        self.colour(INK)

    # --- 志愿服务记录证明 ----------------------------------------------------------------------

    def record(self, sheet: CertificateSheet) -> None:
        from reportlab.lib.pagesizes import A4

        width, height = A4
        left, right = 22 * MM, width - 22 * MM
        self.colour(INK)
        self.c.setLineWidth(0.8)
        self.c.rect(12 * MM, 12 * MM, width - 24 * MM, height - 24 * MM)
        self.reprint(sheet, left, height - 18 * MM)
        self.spaced(sheet.heading, width / 2, height - 38 * MM, 26, 0.25)
        self.colour(MUTED)
        self.text(f"编号：{sheet.serial}", right, height - 47 * MM, 11, align="right")
        self.colour(INK)
        intro = f"兹证明 {sheet.holder} 同志参加志愿服务，情况如下："
        y = height - 57 * MM
        for line in self.wrap(intro, 14, right - left):
            self.text(line, left, y, 14)
            y -= 7 * MM
        # The table ends above the statement, the issuer and the QR code, whatever its content.
        y = self.record_table(sheet, left, right, y + 2 * MM, TABLE_BOTTOM)
        self.text("以上情况属实，特此证明。", left + 10 * MM, y - 9 * MM, 14)
        # The issuer, with the seal over it, and the date under it, at the right.
        issuer_x = right - 45 * MM
        issuer_lines = self.wrap(sheet.issuer or NONE, 14, 80 * MM)[:2]
        issuer_y = max(47 * MM + 7 * MM * len(issuer_lines), y - 28 * MM)
        self.seal(sheet, issuer_x, issuer_y + 2 * MM, 40 * MM)
        for line in issuer_lines:
            self.text(line, issuer_x, issuer_y, 14, align="centre")
            issuer_y -= 7 * MM
        self.text("（盖章）", issuer_x, issuer_y - 0 * MM, 11, align="centre")
        self.text(chinese_date(sheet.issued_on), issuer_x, issuer_y - 8 * MM, 14, align="centre")
        self.qr(sheet, left, 28 * MM, 30 * MM)

    def record_table(
        self, sheet: CertificateSheet, left: float, right: float, top: float, bottom: float
    ) -> float:
        """The 149号 fields as label | value rows, ending above `bottom`: a long 服务内容 is set
        smaller, and what still doesn't fit ends in "…". Returns the table's bottom."""
        label_width = 34 * MM
        size = 13
        rows = [
            ("姓名", sheet.holder),
            ("证件类型", sheet.id_type or NONE),
            ("证件号码", sheet.id_number or NONE),
            ("志愿者编号", sheet.volunteer_number or NONE),
            ("服务时长", hours_words(sheet.hours)),
            ("服务时间", period_words(sheet.period_start, sheet.period_end) or NONE),
            ("服务内容", sheet.content or NONE),
            ("出具单位", sheet.issuer or NONE),
            ("负责人", sheet.person_in_charge or NONE),
            ("经办人", sheet.handler or NONE),
            ("联系方式", sheet.contact or NONE),
            ("证明编号", sheet.serial),
            ("出具日期", chinese_date(sheet.issued_on)),
        ]
        value_room = right - left - label_width - 8 * MM
        c = self.c
        from reportlab.lib.colors import HexColor

        def tall(lines: int, at: float) -> float:
            return max(ROW, lines * at * 1.42 + 4.5 * MM)

        laid: dict[str, tuple[list[str], float]] = {
            label: (self.wrap(value, size, value_room)[:2], size)
            for label, value in rows
            if label != "服务内容"
        }
        used = sum(tall(len(lines), at) for lines, at in laid.values())
        laid["服务内容"] = self.fit(
            sheet.content or NONE, value_room, top - bottom - used - 4.5 * MM
        )
        y = top
        c.setLineWidth(0.6)
        for label, _value in rows:
            lines, at = laid[label]
            step = at * 1.42
            row_height = tall(len(lines), at)
            c.setFillColor(HexColor("#F0F0F0"))
            c.rect(left, y - row_height, label_width, row_height, stroke=0, fill=1)
            self.colour(INK)
            c.rect(left, y - row_height, right - left, row_height, stroke=1, fill=0)
            c.line(left + label_width, y, left + label_width, y - row_height)
            middle = y - row_height / 2
            self.text(label, left + label_width / 2, middle - size * 0.35, size, align="centre")
            first = middle + (len(lines) - 1) * step / 2 - at * 0.35
            for index, line in enumerate(lines):
                self.text(line, left + label_width + 4 * MM, first - index * step, at)
            y -= row_height
        c.setLineWidth(1.2)
        c.rect(left, y, right - left, top - y, stroke=1, fill=0)
        return y

    def fit(self, words: str, width: float, height: float) -> tuple[list[str], float]:
        """`words` wrapped to `width` in at most `height`: at 13 pt, else smaller down to 10 pt,
        else cut with "…"."""
        for size in (13, 12, 11, 10):
            lines = self.wrap(words, size, width)
            if len(lines) * size * 1.42 <= height:
                return lines, size
        keep = max(1, int(height / (10 * 1.42)))
        lines = self.wrap(words, 10, width)[:keep]
        last = lines[-1]
        while last and self.glyphs.width(last + ELLIPSIS, 10) > width:
            last = last[:-1]
        return [*lines[:-1], last + ELLIPSIS], 10

    # --- 荣誉证书 and 结业证书 -----------------------------------------------------------------

    def award(self, sheet: CertificateSheet) -> None:
        from reportlab.lib.pagesizes import A4, landscape

        width, height = landscape(A4)
        self.colour(RED)
        self.c.setLineWidth(4)
        self.c.rect(10 * MM, 10 * MM, width - 20 * MM, height - 20 * MM)
        self.c.setLineWidth(1)
        self.c.rect(14 * MM, 14 * MM, width - 28 * MM, height - 28 * MM)
        self.reprint(sheet, 24 * MM, height - 22 * MM)
        self.spaced(sheet.heading, width / 2, height - 52 * MM, 46, 0.5)
        self.colour(MUTED)
        self.text(f"编号：{sheet.serial}", width - 24 * MM, height - 28 * MM, 11, align="right")
        self.colour(INK)
        left, right = 40 * MM, width - 40 * MM
        size = 22.0
        salutation, body = award_words(sheet)
        y = height - 82 * MM
        if salutation:
            self.text(salutation, left, y, size)
            y -= size * 1.8
        # A long citation is set smaller (down to 14 pt) to stay above the signature.
        for size in (22.0, 20.0, 18.0, 16.0, 14.0):
            lines = self.wrap(body, size, right - left, indent=2 * size)
            if y - (len(lines) - 1) * size * 1.6 >= 72 * MM:
                break
        for index, line in enumerate(lines):
            self.text(line, left + (2 * size if index == 0 else 0), y, size)
            y -= size * 1.6
        issuer_x = width - 75 * MM
        issuer_y = 50 * MM
        self.seal(sheet, issuer_x, issuer_y + 2 * MM, 40 * MM)
        self.text(sheet.issuer or NONE, issuer_x, issuer_y, 16, align="centre")
        if sheet.person_in_charge:
            self.text(f"负责人：{sheet.person_in_charge}", issuer_x, issuer_y - 9 * MM, 13,
                      align="centre")  # fmt: skip
        self.text(chinese_date(sheet.issued_on), issuer_x, issuer_y - 18 * MM, 14, align="centre")
        self.qr(sheet, 24 * MM, 28 * MM, 26 * MM)


def award_words(sheet: CertificateSheet) -> tuple[str, str]:
    """The salutation ("" when the sentence names the holder) and the sentence."""
    content = sheet.content.strip().rstrip("，。,.;；")
    salutation = f"{sheet.holder} 同志："
    if sheet.kind == CertificateKind.COMPLETION:
        when = period_words(sheet.period_start, sheet.period_end)
        when = f"于{when}" if when else ""
        hours = f"共 {hours_words(sheet.hours)}，" if sheet.hours else ""
        extra = f"{content}。" if content else ""
        return salutation, f"{when}完成“{sheet.title}”课程学习，{hours}准予结业。{extra}"
    honour = f"特授予“{sheet.title}”称号，以资鼓励。"
    if content:
        hours = f"累计志愿服务 {hours_words(sheet.hours)}，" if sheet.hours else ""
        return salutation, f"{content}，{hours}{honour}"
    if sheet.hours:
        return "", f"{sheet.holder} 同志累计志愿服务 {hours_words(sheet.hours)}，{honour}"
    return "", f"兹授予 {sheet.holder} 同志“{sheet.title}”称号，以资鼓励。"
