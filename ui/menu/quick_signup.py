"""报名活动: sign a resident up in a few keys, from Reception or from their record.

The list holds the sessions of the next two weeks that take signups and that the resident is not
in yet (`fitting.sessions_for_person`): those that fit first, the first of them chosen, then
those outside their audience, greyed, with the reason under the list (so the volunteer can tell
the resident why). Up and Down choose, Enter signs up; the result is said in the dialog, and then
Enter or Esc closes it. Digits choose nothing here: at the desk they are phone tails.

A 亲子 session asks for the accompanying parent in the dialog itself (`PersonPicker`, the
Reception search): type their phone tail or name, Enter takes them and signs the child up.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import DomainError, ValidationError
from app.models import SignupStatus
from app.services.menu import fitting, signups
from app.services.menu.fitting import FitRow, Signee
from app.services.menu.signups import SignupResult
from ui import style
from ui.context import DeskContext
from ui.errors import FieldMessage, StatusLine
from ui.menu.fit_models import (
    FitModel,
    format_short_day,
    format_short_moment,
    is_everyone,
    places_text,
)
from ui.rooms.person_pick import PersonPicker
from ui.widgets import button

DAYS_AHEAD = 14  # this fortnight: today and the 13 days after it


def sentences(parts: list[str]) -> str:
    """Sentences in a row: a space after an English one, none after a full-width stop."""
    text = ""
    for part in parts:
        if text and unicodedata.east_asian_width(text[-1]) not in ("W", "F"):
            text += " "
        text += part
    return text


class QuickSignup(QDialog):
    """The sessions that fit one resident; Enter signs them up for the chosen one."""

    signed_up = Signal(int)  # the signup's id

    def __init__(self, context: DeskContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.quick_signup")
        self._context = context
        self._person_id = person_id
        self._signee: Signee | None = None
        self._result: SignupResult | None = None
        self.model = FitModel(self)

        self.heading = QLabel(self)
        self.heading.setObjectName("menu.quick_signup.person")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.span_label = QLabel(self)
        self.span_label.setObjectName("menu.quick_signup.span")
        self.span_label.setWordWrap(True)

        self.view = QTableView(self)
        self.view.setObjectName("menu.quick_signup.sessions")
        self.view.setAccessibleName(self.tr("Sessions to sign up for"))
        style.configure_table(self.view)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.setModel(self.model)
        style.fit_columns(self.view, stretch=FitModel.ITEM)
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        # What the chosen row means, in full: who it is for, the waitlist, or why not them.
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("menu.quick_signup.detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)

        # The accompanying parent of a 亲子 session, asked for here when it is chosen.
        self.companion_box = QFrame(self)
        self.companion_box.setObjectName("menu.quick_signup.companion")
        self.companion_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.companion_label = QLabel(self.companion_box)
        self.companion_label.setWordWrap(True)
        self.companion_picker = PersonPicker(
            context, "menu.quick_signup.companionPick", self.companion_box
        )
        self.companion_picker.search_box.setAccessibleName(self.tr("Find the accompanying parent"))
        self.companion_picker.chosen.connect(self.on_companion_chosen)
        # Taking the parent signs up at once: the picker's "chosen" line would never be read.
        self.companion_picker.chosen_label.setVisible(False)
        self.companion_message = FieldMessage("menu.quick_signup.companion.message", self)
        companion_layout = QVBoxLayout(self.companion_box)
        companion_layout.addWidget(self.companion_label)
        companion_layout.addWidget(self.companion_picker)
        companion_layout.addWidget(self.companion_message)
        self.companion_box.setVisible(False)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("menu.quick_signup.result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setVisible(False)
        self.status = StatusLine("menu.quick_signup.status", self)

        self.sign_up_button = button(self.tr("Sign up (Enter)"), "menu.quick_signup.sign_up", self)
        self.sign_up_button.setAccessibleName(self.tr("Sign up for the chosen session"))
        style.make_primary(self.sign_up_button)
        self.sign_up_button.clicked.connect(self.on_sign_up_clicked)
        self.close_button = button(self.tr("Close (Esc)"), "menu.quick_signup.close", self)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_up_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.span_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.companion_box)
        layout.addWidget(self.result_label)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._update_fonts()
        self.reload()
        self._fit_to_screen()

    # --- reading --------------------------------------------------------------------------

    def span(self) -> tuple[dt.datetime, dt.datetime]:
        """From now to the end of the 14th day, today counted."""
        today = clock.today()
        return clock.now(), dt.datetime.combine(today + dt.timedelta(days=DAYS_AHEAD), dt.time())

    def reload(self) -> None:
        """Read the person and the sessions that fit them again; the first fitting one chosen."""
        start, end = self.span()
        who: Signee | None
        fits: list[FitRow]
        try:
            who, fits = self._context.run(
                lambda session, actor: (
                    fitting.signee(session, actor, self._person_id),
                    fitting.sessions_for_person(session, actor, self._person_id, start, end),
                ),
                write=False,
            )
        except DomainError as error:
            self.status.show_error(error.message)
            who, fits = self._signee, []
        self._signee = who
        self.model.set_lines(fits)
        label = who.label() if who is not None else ""
        self.setWindowTitle(self.tr("Sign up · %1").replace("%1", label))
        self.heading.setText(label)
        self.heading.setAccessibleName(self.tr("Signing up %1").replace("%1", label))
        last_day = end.date() - dt.timedelta(days=1)
        self.span_label.setText(
            self.tr("Sessions taking signups from today to %1:").replace(
                "%1", format_short_day(last_day)
            )
        )
        row = self.model.first_fitting_row()
        if row >= 0:
            self._select_row(row)
        self._update_detail()

    # --- API (tests and the desks) ------------------------------------------------------

    def person_id(self) -> int:
        return self._person_id

    def person_label(self) -> str:
        """王建国 · 138****5678."""
        return self._signee.label() if self._signee is not None else ""

    def rows(self) -> list[FitRow]:
        return self.model.lines()

    def selected(self) -> FitRow | None:
        row = self.view.currentIndex().row()
        return self.model.line(row) if 0 <= row < self.model.rowCount() else None

    def select_session(self, session_id: int) -> bool:
        row = self.model.row_of(session_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def detail_text(self) -> str:
        """What is said under the list about the chosen session."""
        return self.detail_label.accessibleName()

    def result_text(self) -> str:
        """The signup made, in words ("" until one is)."""
        return self.result_label.accessibleName() if self._result is not None else ""

    def message(self) -> str:
        """The last refusal or problem said ("" when none)."""
        return self.status.message() or self.companion_message.text()

    def signup_result(self) -> SignupResult | None:
        return self._result

    def is_done(self) -> bool:
        return self._result is not None

    def asking_companion(self) -> bool:
        return not self.companion_box.isHidden()

    def sign_up_selected(self) -> SignupResult | None:
        """Enter: sign the resident up for the chosen session; a 亲子 session first asks for the
        accompanying parent (and signs up once one is taken). None when not (yet) signed up."""
        if self._result is not None:
            return None
        fit = self.selected()
        self.status.clear_message()
        if fit is None:
            self.status.show_error(self.tr("There is no session to sign up for."))
            return None
        if not fit.fits:
            # The reason is said above already, under the list.
            self.status.show_error(
                self.tr(
                    "Not signed up: this session is not for them (see above). Staff may sign "
                    "them up anyway at the Service menu desk."
                )
            )
            self._keep_chosen_in_sight()
            return None
        if fit.needs_companion:
            person_id = self.companion_picker.person_id()
            if person_id is None:
                self.ask_companion()
                return None
            return self._sign_up(fit, person_id)
        return self._sign_up(fit, None)

    def ask_companion(self) -> None:
        """Show the search for the accompanying parent, the cursor in it."""
        fit = self.selected()
        if fit is None:
            return
        self.companion_label.setText(
            self.tr(
                "%1 is a parent-child activity: the child comes with an adult, two places. "
                "Find the accompanying parent (last 4 digits of the phone, or the name), then "
                "Enter. Esc goes back to the list."
            ).replace("%1", fit.row.item)
        )
        self.companion_message.clear()
        self.companion_box.setVisible(True)
        self.detail_label.setVisible(False)  # the question says it all, and needs the room
        self._grow()
        self.view.scrollTo(self.view.currentIndex())
        self.companion_picker.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_companion(self, person_id: int, name: str = "") -> SignupResult | None:
        """Take the accompanying parent and sign the child up for the chosen session."""
        self.companion_picker.set_person(person_id, name)
        fit = self.selected()
        if fit is None or not fit.needs_companion:
            return None
        return self._sign_up(fit, person_id)

    def back_to_list(self) -> None:
        self.companion_picker.set_person(None)
        self.companion_picker.search_box.clear()
        self.companion_message.clear()
        self.companion_box.setVisible(False)
        self.detail_label.setVisible(self._result is None)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- signing up -----------------------------------------------------------------------

    def _sign_up(self, fit: FitRow, companion_id: int | None) -> SignupResult | None:
        session_id, person_id = fit.row.id, self._person_id
        try:
            result = self._context.run(
                lambda session, actor: signups.sign_up(
                    session, actor, session_id, person_id, companion_id=companion_id
                ),
                write=True,
            )
        except ValidationError as error:
            # While the parent is chosen, a refusal about the people (the companion not an
            # adult, already coming) is said beside the search, to choose someone else.
            if error.field in ("companion", "person") and self.asking_companion():
                self.companion_message.set_message(error.message)
                self.companion_picker.set_person(None)
                self.companion_picker.search_box.selectAll()
                self.companion_picker.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self._refused(error.message)
            return None
        except DomainError as error:
            self._refused(error.message)
            return None
        self._done(fit, result)
        self.signed_up.emit(result.signup_id)
        return result

    def _refused(self, message: str) -> None:
        """Said in words; the list read again, since what it showed has changed."""
        chosen = self.selected()
        self.back_to_list()
        self.reload()
        if chosen is not None:
            self.select_session(chosen.row.id)
        self.status.show_error(self.tr("Not signed up: %1").replace("%1", message))
        self._keep_chosen_in_sight()

    def _done(self, fit: FitRow, result: SignupResult) -> None:
        self._result = result
        what = f"{fit.row.item} {format_short_moment(fit.row.starts_at)}"
        if result.status == SignupStatus.WAITLISTED:
            full = fit.row.free < fit.seats
            text = (
                self.tr("Full: on the waitlist, no. %1: %2")
                if full
                else self.tr("People are waiting already: on the waitlist, no. %1: %2")
            )
            text = text.replace("%1", str(result.position or 1)).replace("%2", what)
        else:
            text = self.tr("Signed up: %1").replace("%1", what)
        companion = self.companion_picker.person_name()
        if fit.needs_companion and companion:
            text = self.tr("%1 (accompanied by %2)").replace("%1", text).replace("%2", companion)
        self.result_label.setText(
            f"<b>{style.paragraph_html(text)}</b>"
            + style.paragraph_html(self.tr("Enter or Esc closes."))
        )
        self.result_label.setAccessibleName(text)
        self.result_label.setVisible(True)
        self.companion_box.setVisible(False)
        self.detail_label.setVisible(False)  # what Enter would do: no longer so
        self.status.clear_message()
        self.view.setEnabled(False)
        self.sign_up_button.setEnabled(False)
        self.close_button.setAutoDefault(True)
        self.close_button.setDefault(True)
        self.close_button.setText(self.tr("Close (Enter)"))
        self._grow()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- showing --------------------------------------------------------------------------

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        self._update_detail()

    def _update_detail(self) -> None:
        fit = self.selected()
        if fit is None:
            text = self.tr(
                "No session of the next two weeks takes signups that %1 isn't in already."
            ).replace("%1", self._signee.name if self._signee else "")
            error = False
        elif not fit.fits:
            text, error = fit.problem or "", True
        else:
            parts = [self.tr("%1 · %2.").replace("%1", fit.row.series).replace("%2", fit.row.item)]
            if fit.rule and not is_everyone(fit.rule):
                parts.append(self.tr("For: %1.").replace("%1", fit.rule))
            if fit.joins_waitlist:
                parts.append(
                    self.tr("%1: signing up puts them on the waitlist.").replace(
                        "%1", places_text(fit)
                    )
                )
            if fit.needs_companion:
                parts.append(self.tr("Enter, then choose the accompanying parent."))
            else:
                parts.append(self.tr("Enter signs them up."))
            text, error = sentences(parts), False
        self.detail_label.setText(
            style.paragraph_html(text, colour=style.ERROR_COLOUR if error else None)
        )
        self.detail_label.setAccessibleName(text)
        self.sign_up_button.setEnabled(self._result is None and fit is not None and fit.fits)

    def _keep_chosen_in_sight(self) -> None:
        """After a message took some of the list's height: the chosen row still shows."""
        QTimer.singleShot(0, self, lambda: self.view.scrollTo(self.view.currentIndex()))

    def _update_fonts(self) -> None:
        self.heading.setFont(style.scaled_font(self.heading, 1.4, bold=True))
        style.update_table_metrics(self.view)
        # At least two sessions stay in sight while the parent is asked for.
        self.view.setMinimumHeight(
            self.view.horizontalHeader().sizeHint().height()
            + 2 * self.view.verticalHeader().defaultSectionSize()
            + 2 * self.view.frameWidth()
        )

    def _grow(self) -> None:
        """Taller for what appeared (the parent's search, the result), within the screen."""
        style.grow_to_fit(self)
        screen = self.screen()
        if screen is not None:
            most = screen.availableGeometry().height() * 9 // 10
            if self.height() > most:
                self.resize(self.width(), most)

    def wanted_size(self) -> QSize:
        """Wide enough for every column of the rows (the activity's name is elided first),
        tall enough for a dozen of them, before the screen is asked."""
        view = self.view
        columns = sum(
            max(view.sizeHintForColumn(c), view.horizontalHeader().sectionSizeHint(c))
            for c in range(self.model.columnCount())
        )
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        sides = margins.left() + margins.right() if margins is not None else 0
        needed = columns + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth()
        width = max(self.fontMetrics().height() * 40, needed + sides)
        return QSize(width, self.fontMetrics().height() * 26)

    def _fit_to_screen(self) -> None:
        """As big as it wants to be, never wider or taller than nine tenths of the screen."""
        wanted = self.wanted_size()
        width, height = wanted.width(), wanted.height()
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() * 9 // 10)
            height = min(height, available.height() * 9 // 10)
        self.resize(width, height)

    # --- slots and keys ---------------------------------------------------------------------

    def on_sign_up_clicked(self) -> None:
        self.sign_up_selected()

    def on_view_double_clicked(self, index: QModelIndex) -> None:
        self._select_row(index.row())
        self.sign_up_selected()

    def on_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if self.asking_companion():
            self.back_to_list()
        self.status.clear_message()
        self._update_detail()

    def on_companion_chosen(self, person_id: int) -> None:
        fit = self.selected()
        if fit is not None and fit.needs_companion and self._result is None:
            self.companion_message.clear()
            self._sign_up(fit, person_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.sign_up_selected()
                return True
            # Typing never jumps to a row (the dates begin with digits, and digits are phone
            # tails at the desk): only the arrows choose.
            plain = not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if plain and event.text() and event.text().isprintable():
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.asking_companion():
            self.back_to_list()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            target: QWidget = self.close_button if self._result is not None else self.view
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()


def open_quick_signup(
    context: DeskContext, person_id: int, parent: QWidget, *, replacing: QuickSignup | None
) -> QuickSignup:
    """A quick signup for `person_id` on top of `parent`, opened (without blocking); the one
    opened before it (`replacing`) is closed and let go."""
    if replacing is not None:
        replacing.close()
        replacing.deleteLater()
    dialog = QuickSignup(context, person_id, parent)
    dialog.open()
    return dialog
