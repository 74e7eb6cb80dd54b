"""A person's record: the fields (phone and ID number masked: only the editor shows them whole),
the tags, the signups to come (近期报名, with 报名活动 to add one), and the history — visits,
signups, volunteer hours, certificates, requests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.models import RequestStatus
from app.security import Permission
from app.services import people, register
from app.services.people import PersonDetail, RequestEntry
from app.services.reception import RequestRow
from app.services.register import HoursEntry
from ui import style
from ui.context import DeskContext
from ui.menu.fit_models import UpcomingModel
from ui.menu.quick_signup import QuickSignup, open_quick_signup
from ui.people.models import (
    CertificatesModel,
    HoursModel,
    RequestsModel,
    SignupsModel,
    VisitsModel,
    _Table,
    format_hours,
    gender_name,
    tag_list,
)
from ui.reception.follow_up import FollowUpDialog
from ui.volunteers.person_section import VolunteerSection
from ui.widgets import button

UPCOMING_ROWS = 4  # lines of 近期报名 shown before it scrolls


class PersonDetailView(QWidget):
    """One person as on file; `show_person` reads them (and their history) again."""

    back_requested = Signal()
    open_requested = Signal(int)  # another record (the one a merged-away record points to)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people.detail")
        self.setAccessibleName(self.tr("Person's record"))
        self._context = context
        self._detail: PersonDetail | None = None
        self._hours: list[HoursEntry] = []

        self.back_button = QPushButton(self.tr("← Register (Esc)"), self)
        self.back_button.setObjectName("people.back")
        self.back_button.setAccessibleName(self.tr("Back to the register"))
        self.back_button.setAutoDefault(True)
        style.make_primary(self.back_button)
        self.back_button.clicked.connect(self.on_back_clicked)
        self.name_label = QLabel(self)
        self.name_label.setObjectName("people.detail.name")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("people.detail.memberCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # A merged-away record says so, and offers the record it went into.
        self.merged_bar = QFrame(self)
        self.merged_bar.setObjectName("people.detail.merged")
        self.merged_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.merged_text = QLabel(self.merged_bar)
        self.merged_text.setWordWrap(True)
        self.open_kept_button = QPushButton(self.tr("Open the record kept"), self.merged_bar)
        self.open_kept_button.setObjectName("people.detail.openKept")
        self.open_kept_button.setAccessibleName(self.tr("Open the record kept"))
        self.open_kept_button.clicked.connect(self.on_open_kept_clicked)
        bar = QHBoxLayout(self.merged_bar)
        bar.addWidget(self.merged_text, 1)
        bar.addWidget(self.open_kept_button)
        self.merged_bar.setVisible(False)

        self.message = QLabel(self)
        self.message.setObjectName("people.detail.message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        self._values: dict[str, QLabel] = {}
        fields = QGridLayout()
        fields.setHorizontalSpacing(self.fontMetrics().height())
        left = (
            ("gender", self.tr("Gender")),
            ("birthYear", self.tr("Year of birth")),
            ("phone", self.tr("Phone")),
            ("idNumber", self.tr("ID number")),
            ("consent", self.tr("Consent to data use")),
        )
        right = (
            ("community", self.tr("Community")),
            ("buildingGroup", self.tr("Building group")),
            ("address", self.tr("Address")),
            ("tags", self.tr("Tags")),
            ("note", self.tr("Note")),
        )
        for column, pairs in ((0, left), (2, right)):
            for row, (key, label) in enumerate(pairs):
                caption = QLabel(self.tr("%1:").replace("%1", label), self)
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                value = QLabel(self)
                value.setObjectName(f"people.detail.{key}")
                value.setAccessibleDescription(label)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                caption.setBuddy(value)
                self._values[key] = value
                fields.addWidget(caption, row, column)
                fields.addWidget(value, row, column + 1)
        fields.setColumnStretch(1, 2)
        fields.setColumnStretch(3, 3)

        # 近期报名: the signups to come, and signing up for another.
        self.upcoming_label = QLabel(self)
        self.upcoming_label.setObjectName("people.detail.upcomingTitle")
        self.sign_up_button = button(
            self.tr("Sign up for an activity"), "people.detail.sign_up", self
        )
        self.sign_up_button.setAccessibleName(self.tr("Sign this person up for an activity"))
        self.sign_up_button.clicked.connect(self.on_sign_up_clicked)
        self.upcoming_model = UpcomingModel(self)
        self.upcoming_view = QTableView(self)
        self.upcoming_view.setObjectName("people.upcoming")
        self.upcoming_view.setModel(self.upcoming_model)
        style.configure_table(self.upcoming_view)
        self.upcoming_view.setTabKeyNavigation(False)
        style.fit_columns(self.upcoming_view, stretch=UpcomingModel.ITEM)
        self.upcoming_none = QLabel(self.tr("No signups to come."), self)
        self.upcoming_none.setObjectName("people.detail.upcomingNone")
        self.quick_signup: QuickSignup | None = None

        self.visits_model = VisitsModel(self)
        self.signups_model = SignupsModel(self)
        self.hours_model = HoursModel(self)
        self.certificates_model = CertificatesModel(self)
        self.requests_model = RequestsModel(self)
        self.history = QTabWidget(self)
        self.history.setObjectName("people.history")
        self.history.setAccessibleName(self.tr("History"))
        self._tables: dict[str, QTableView] = {}
        for key, model, stretch in (
            ("visits", self.visits_model, 2),
            ("signups", self.signups_model, 2),
            ("hours", self.hours_model, 2),
            ("certificates", self.certificates_model, 2),
            ("requests", self.requests_model, 1),
        ):
            view = QTableView(self.history)
            view.setObjectName(f"people.{key}")
            view.setModel(model)
            style.configure_table(view)
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            for column in range(model.columnCount()):
                header.setSectionResizeMode(
                    column,
                    QHeaderView.ResizeMode.Stretch
                    if column == stretch
                    else QHeaderView.ResizeMode.ResizeToContents,
                )
            self._tables[key] = view
            self.history.addTab(self._requests_page(view) if key == "requests" else view, "")
        self._update_tab_titles()

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(self.fontMetrics().height())
        top.addWidget(self.name_label)
        top.addSpacing(self.fontMetrics().height())
        top.addWidget(self.code_label)
        top.addStretch(1)

        content = QWidget(self)
        content.setObjectName("people.detail.content")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(fields)
        self.volunteer_section = VolunteerSection(context, content)
        inner.addWidget(self.volunteer_section)
        upcoming_header = QHBoxLayout()
        upcoming_header.addWidget(self.upcoming_label)
        upcoming_header.addStretch(1)
        upcoming_header.addWidget(self.sign_up_button)
        inner.addLayout(upcoming_header)
        inner.addWidget(self.upcoming_view)
        inner.addWidget(self.upcoming_none)
        inner.addWidget(self.history, 1)
        # The large text size on a small screen scrolls rather than cutting anything off.
        scroll = QScrollArea(self)
        scroll.setObjectName("people.detail.scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self._content = content

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.merged_bar)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self._update_fonts()

    def _requests_page(self, view: QTableView) -> QWidget:
        """The requests, and under them 记录回访 for a resolved one (the follow-up call)."""
        page = QWidget(self.history)
        page.setObjectName("people.requestsPage")
        self.follow_up_button = button(
            self.tr("Record the follow-up answer…"), "people.request.followUp", page
        )
        self.follow_up_button.setToolTip(
            self.tr("The resident's answer to the call after their request was resolved.")
        )
        self.follow_up_button.clicked.connect(self.on_follow_up_clicked)
        self.follow_up_dialog: FollowUpDialog | None = None
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.selectionModel().selectionChanged.connect(self.on_request_selection_changed)
        view.doubleClicked.connect(self.on_follow_up_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.follow_up_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view, 1)
        layout.addLayout(row)
        self.follow_up_button.setEnabled(False)
        return page

    def chosen_request(self) -> RequestEntry | None:
        rows = self._tables["requests"].selectionModel().selectedRows()
        return self.requests_model.entries()[rows[0].row()] if rows else None

    def open_follow_up(self, request_id: int | None = None) -> FollowUpDialog | None:
        """记录回访 for the chosen resolved request (or `request_id`), in a dialog that doesn't
        block; the record is read again once the answer is saved."""
        entries = self.requests_model.entries()
        if request_id is not None:
            row = next((n for n, entry in enumerate(entries) if entry.id == request_id), -1)
            if row >= 0:
                self._tables["requests"].selectRow(row)
        chosen = self.chosen_request()
        if chosen is None or chosen.status != RequestStatus.RESOLVED or self._detail is None:
            return None
        request = RequestRow(
            id=chosen.id,
            person_id=self._detail.person.id,
            person_name=self._detail.person.name,
            category=chosen.category,
            text=chosen.text,
            status=chosen.status,
            created_at=chosen.created_at,
            created_by="",
            assigned_to_id=None,
            assigned_to="",
            resolution=chosen.resolution,
            resolved_at=None,
            satisfaction=chosen.satisfaction,
            satisfaction_note=chosen.satisfaction_note,
        )
        if self.follow_up_dialog is not None:
            self.follow_up_dialog.close()
        dialog = FollowUpDialog(self._context, request, self)
        dialog.saved.connect(self.on_follow_up_saved)
        dialog.finished.connect(self.on_follow_up_finished)
        self.follow_up_dialog = dialog
        dialog.open()
        return dialog

    # --- reading -----------------------------------------------------------------------

    @property
    def detail(self) -> PersonDetail | None:
        """The person and history shown, as last read."""
        return self._detail

    def person_id(self) -> int | None:
        return self._detail.person.id if self._detail is not None else None

    def table(self, key: str) -> QTableView:
        """A history table: visits, signups, hours, certificates or requests."""
        return self._tables[key]

    def value_text(self, key: str) -> str:
        """The text shown for a field (gender, birthYear, phone, idNumber, consent, community,
        buildingGroup, address, tags, note)."""
        return self._values[key].text()

    def show_person(self, person_id: int) -> bool:
        """Read the person and their history; False (and a sentence) when that fails."""
        try:
            detail, hours = self._context.run(
                lambda session, actor: (
                    people.get(session, actor, person_id),
                    register.service_records(session, person_id),
                ),
                write=False,
            )
        except DomainError as error:
            self._say(error.message)
            return False
        self._say("")
        self._detail = detail
        self._hours = hours
        self._fill()
        return True

    def reload(self) -> bool:
        person_id = self.person_id()
        return self.show_person(person_id) if person_id is not None else False

    def _say(self, text: str) -> None:
        self.message.setText(style.paragraph_html(text, colour=style.ERROR_COLOUR))
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def _fill(self) -> None:
        assert self._detail is not None
        person = self._detail.person
        self.name_label.setText(person.name)
        self.name_label.setAccessibleName(self.tr("Name: %1").replace("%1", person.name))
        self.code_label.setText(self.tr("Member code %1").replace("%1", person.member_code))
        none = self.tr("—", "a field left empty")
        values = {
            "gender": gender_name(person.gender) or none,
            "birthYear": str(person.birth_year) if person.birth_year else none,
            "phone": person.phone_masked or none,
            "idNumber": person.id_masked or none,
            "consent": self.tr("yes") if person.consent else self.tr("no"),
            "community": person.community or none,
            "buildingGroup": person.building_group or none,
            "address": person.address or none,
            "tags": tag_list(person.tags) or none,
            "note": person.note or none,
        }
        for key, text in values.items():
            label = self._values[key]
            label.setText(text)
            label.setAccessibleName(f"{label.accessibleDescription()}: {text}")
        merged = not person.active
        self.merged_bar.setVisible(merged)
        self.open_kept_button.setVisible(person.merged_into_id is not None)
        if merged:
            self.merged_text.setText(
                self.tr("This record was merged into another one and is no longer in the register.")
            )
        self.volunteer_section.show_person(person.id, person.name)
        self.visits_model.set_entries(self._detail.visits)
        self.signups_model.set_entries(self._detail.signups)
        self.hours_model.set_entries(self._hours)
        self.certificates_model.set_entries(self._detail.certificates)
        self.requests_model.set_entries(self._detail.requests)
        self._update_tab_titles()
        self._fill_upcoming()

    def _fill_upcoming(self) -> None:
        upcoming = self._detail.upcoming if self._detail is not None else []
        self.upcoming_model.set_lines(upcoming)
        title = self.tr("Signups to come (%1)").replace("%1", str(len(upcoming)))
        self.upcoming_label.setText(title)
        self.upcoming_view.setAccessibleName(title)
        self.upcoming_view.setVisible(bool(upcoming))
        self.upcoming_none.setVisible(not upcoming)
        self._fit_upcoming()
        active = self._detail is not None and self._detail.person.active
        self.sign_up_button.setEnabled(active and self._context.actor.may(Permission.SIGNUPS))

    def _fit_upcoming(self) -> None:
        """As tall as its lines, up to a few (the history below keeps its room)."""
        rows = min(max(self.upcoming_model.rowCount(), 1), UPCOMING_ROWS)
        view = self.upcoming_view
        view.setFixedHeight(
            view.horizontalHeader().sizeHint().height()
            + view.verticalHeader().defaultSectionSize() * rows
            + 2 * view.frameWidth()
        )

    def open_quick_signup(self) -> QuickSignup | None:
        """报名活动: the sessions that fit this person, on top of the record; their signups to
        come are read again after a signup."""
        person_id = self.person_id()
        if person_id is None or not self.sign_up_button.isEnabled():
            return None
        dialog = open_quick_signup(self._context, person_id, self, replacing=self.quick_signup)
        dialog.signed_up.connect(self.on_quick_signup_signed_up)
        dialog.finished.connect(self.on_quick_signup_finished)
        self.quick_signup = dialog
        return dialog

    def _update_tab_titles(self) -> None:
        hours = self._detail.service_hours if self._detail is not None else None
        titles = {
            "visits": self.tr("Visits (%1)").replace("%1", str(self.visits_model.rowCount())),
            "signups": self.tr("Signups (%1)").replace("%1", str(self.signups_model.rowCount())),
            "hours": self.tr("Volunteer hours (%1 h)").replace(
                "%1", format_hours(hours) if hours is not None else "0"
            ),
            "certificates": self.tr("Certificates (%1)").replace(
                "%1", str(self.certificates_model.rowCount())
            ),
            "requests": self.tr("Requests (%1)").replace("%1", str(self.requests_model.rowCount())),
        }
        for index, (key, view) in enumerate(self._tables.items()):
            self.history.setTabText(index, titles[key])
            view.setAccessibleName(titles[key])

    def models(self) -> dict[str, _Table]:
        return {
            "visits": self.visits_model,
            "signups": self.signups_model,
            "hours": self.hours_model,
            "certificates": self.certificates_model,
            "requests": self.requests_model,
        }

    # --- slots -------------------------------------------------------------------------

    def on_back_clicked(self) -> None:
        self.back_requested.emit()

    def on_request_selection_changed(self, *_args: object) -> None:
        chosen = self.chosen_request()
        self.follow_up_button.setEnabled(
            chosen is not None
            and chosen.status == RequestStatus.RESOLVED
            and self._context.actor.may(Permission.RECEPTION)
        )

    def on_follow_up_clicked(self) -> None:
        self.open_follow_up()

    def on_follow_up_saved(self, row: RequestRow) -> None:
        self.reload()
        self._tables["requests"].selectRow(
            next((n for n, e in enumerate(self.requests_model.entries()) if e.id == row.id), 0)
        )

    def on_follow_up_finished(self, _result: int) -> None:
        self.follow_up_dialog = None

    def on_sign_up_clicked(self) -> None:
        self.open_quick_signup()

    def on_quick_signup_signed_up(self, _signup_id: int) -> None:
        self.reload()

    def on_quick_signup_finished(self, _result: int) -> None:
        if self.isVisible():
            self.window().activateWindow()  # should the system not hand it back by itself
            self.sign_up_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_open_kept_clicked(self) -> None:
        if self._detail is not None and self._detail.person.merged_into_id is not None:
            self.open_requested.emit(self._detail.person.merged_into_id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()

    def _update_fonts(self) -> None:
        self.name_label.setFont(style.scaled_font(self.name_label, 1.5, bold=True))
        for view in self._tables.values():
            style.update_table_metrics(view)
        style.update_table_metrics(self.upcoming_view)
        self._fit_upcoming()
        # A few lines of history in sight: in the large text size the record scrolls instead.
        view = self._tables["visits"]
        self.history.setMinimumHeight(
            self.history.tabBar().sizeHint().height()
            + view.horizontalHeader().sizeHint().height()
            + view.verticalHeader().defaultSectionSize() * 4
            + 4 * view.frameWidth()
        )
        self.upcoming_label.setFont(style.scaled_font(self.upcoming_label, 1.0, bold=True))
