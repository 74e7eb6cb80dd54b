"""The certificates' print-out, for the Certificates page's 打印/预览 button to call.

`preview_certificates` reads the chosen certificates in one read transaction, lays them out (one
a page: the record certificate portrait, honour and completion landscape; 100 take about a
second) and opens them in `ui.pdf_preview` with 打印… and 另存为…; a character no font has is
said in the preview before anything is printed. A revoked certificate, or one no longer on file,
is refused in a message box and nothing opens. Nothing blocks: the preview is opened, not
exec()'d, and returned so that tests (and the page) can drive it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.errors import DomainError
from app.printing import certificates
from ui.context import DeskContext
from ui.errors import show_domain_error
from ui.pdf_preview import PdfPreviewDialog, open_printout


def preview_certificates(
    context: DeskContext, parent: QWidget | None, certificate_ids: Sequence[int]
) -> PdfPreviewDialog | None:
    """The certificates in the preview; None when the service refused (said in a box)."""
    ids = list(certificate_ids)
    try:
        sheets = context.run(
            lambda session, actor: certificates.read_certificates(session, actor, ids),
            write=False,
        )
    except DomainError as error:
        show_domain_error(parent, error)
        return None
    printout = certificates.certificates_pdf(sheets)
    if len(sheets) == 1:
        title = QCoreApplication.translate("VolunteersPrinting", "certificate %1").replace(
            "%1", sheets[0].serial
        )
    else:
        title = QCoreApplication.translate("VolunteersPrinting", "%1 certificates").replace(
            "%1", str(len(sheets))
        )
    return open_printout(printout, title, certificates.file_name(sheets), parent)
