"""The Reports desk (统计报表): the statistics page for staff and admins. A desk volunteer's
account may not read the figures (Permission.REPORTS): the desk says so in words instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.roles import Permission
from ui import style
from ui.context import DeskContext
from ui.reports.statistics import StatisticsPage


class ReportsDesk(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports")
        self.statistics_page: StatisticsPage | None = None
        self.notice: QLabel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if context.actor.may(Permission.REPORTS):
            self.statistics_page = StatisticsPage(context, self)
            layout.addWidget(self.statistics_page)
            return
        text = self.tr(
            "Statistics and reports need a staff account. Please ask the centre's staff or the "
            "administrator to log in (Account → Switch user)."
        )
        self.notice = QLabel(style.paragraph_html(text), self)
        self.notice.setObjectName("reports.notice")
        self.notice.setAccessibleName(text)
        self.notice.setWordWrap(True)
        self.notice.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.notice.setFont(style.scaled_font(self.notice, 1.2, bold=True))
        self.notice.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.notice.setContentsMargins(
            self.fontMetrics().height(), self.fontMetrics().height(), 0, 0
        )
        layout.addWidget(self.notice, 1)
