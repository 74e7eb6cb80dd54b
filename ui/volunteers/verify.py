"""查验证书: is this certificate ours, and still valid?

One field takes what a scanner types from the certificate's QR code ("serial|code") or a serial
and code typed by hand with a space between them; the answer is said large and in words: 有效,
已作废（原因）or 查无此证, with the holder's name masked (王*国).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import DomainError
from app.services.volunteers import certificates as service
from app.services.volunteers.certificates import Outcome, Verification
from ui import labels, style
from ui.context import DeskContext
from ui.widgets import button


class VerifyDialog(QDialog):
    """`volunteers.verify`: scan or type, Enter, read the answer."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteers.verify")
        self.setWindowTitle(self.tr("Verify a certificate"))
        self._context = context
        self.verification: Verification | None = None
        hint = QLabel(
            self.tr(
                "Scan the QR code on the certificate, or type its number and verification "
                "code with a space between them, then press Enter."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("volunteers.verify.input")
        self.field.setAccessibleName(self.tr("Certificate number and code, or the scanned code"))
        self.field.setPlaceholderText(self.tr("e.g. 东邻志证〔2026〕第0007号 ABCD2345"))
        self.field.returnPressed.connect(lambda: self.check())
        self.check_button = button(self.tr("Verify"), "volunteers.verify.check", self)
        style.make_primary(self.check_button)
        self.check_button.clicked.connect(lambda: self.check())
        self.answer = QLabel(self)
        self.answer.setObjectName("volunteers.verify.answer")
        self.answer.setFont(style.scaled_font(self.answer, 1.8, bold=True))
        self.answer.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setObjectName("volunteers.verify.details")
        self.details.setFont(style.scaled_font(self.details, 1.2))
        self.details.setWordWrap(True)
        for label in (self.answer, self.details):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = button(self.tr("Close"), "volunteers.verify.close", self)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.check_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.answer)
        layout.addWidget(self.details, 1)
        layout.addLayout(bottom)
        self.setMinimumWidth(style.dialog_width(self, 44))
        self._fit_answer()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_answer(self) -> None:
        """Room for the answer on two lines and the details on five: the dialog doesn't grow
        after it is shown, and a wrapped line must not be cut off."""
        answer = QFontMetrics(self.answer.font()).lineSpacing()
        details = QFontMetrics(self.details.font()).lineSpacing()
        self.answer.setMinimumHeight(answer * 2 + 4)
        self.details.setMinimumHeight(details * 5 + 4)

    def check(self, text: str | None = None) -> Verification | None:
        """Verify what the field holds (or `text`); the answer is shown and returned."""
        if text is not None:
            self.field.setText(text)
        typed = self.field.text()
        if not typed.strip():
            return None
        try:
            result = self._context.run(
                lambda session, actor: service.verify_scan(session, actor, typed), write=False
            )
        except DomainError as error:
            self.answer.setText(error.message)
            self.details.clear()
            return None
        self.verification = result
        self._show(result)
        self.field.selectAll()
        return result

    def _show(self, result: Verification) -> None:
        if result.outcome == Outcome.UNKNOWN:
            self.answer.setText(self.tr("No such certificate (查无此证)"))
            self.answer.setStyleSheet("color:#b00020")
            self.details.setText(
                self.tr(
                    "The number and code don't match any certificate of this centre. Check "
                    "what was typed; a made-up or altered certificate reads like this too."
                )
            )
        else:
            if result.outcome == Outcome.REVOKED:
                self.answer.setText(self.tr("Revoked (%1)").replace("%1", result.revoked_reason))
                self.answer.setStyleSheet("color:#b00020")
            else:
                self.answer.setText(self.tr("Valid"))
                self.answer.setStyleSheet("color:#1b5e20")
            kind = labels.certificate_kind_name(result.kind) if result.kind else ""
            issued = result.issued_on.isoformat() if result.issued_on else ""
            # A record certificate's title is its kind's name: said once, not "X: X".
            what = (
                self.tr("%1: %2").replace("%1", kind).replace("%2", result.title)
                if result.title and result.title != kind
                else kind or result.title
            )
            self.details.setText(
                "\n".join(
                    [
                        self.tr("Number: %1").replace("%1", result.serial),
                        self.tr("Holder: %1").replace("%1", result.holder),
                        what,
                        self.tr("Issued on %1").replace("%1", issued),
                    ]
                )
            )
        self.answer.setAccessibleName(self.answer.text())
        self.details.setAccessibleName(self.details.text())
