"""How errors reach a person: beside the field, in a message box, or — for a bug — one friendly
dialog that names the log file (never a raw traceback).
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QWidget,
)

from app.errors import DomainError, ValidationError
from ui import style

log = logging.getLogger(__name__)


class FieldMessage(QWidget):
    """An error said in words beside a field: red text with a warning icon; hidden when empty."""

    def __init__(self, object_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self._text = ""
        self._icon = QLabel(self)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._icon)
        layout.addWidget(self._label, 1)
        self.setVisible(False)

    def text(self) -> str:
        return self._text

    def set_message(self, text: str) -> None:
        self._text = text.strip()
        self._label.setText(style.paragraph_html(self._text, colour=style.ERROR_COLOUR))
        self._label.setAccessibleName(self._text)
        self.setAccessibleName(self._text)
        self._update_icon()
        self.setVisible(bool(self._text))

    def clear(self) -> None:
        self.set_message("")

    def _update_icon(self) -> None:
        side = self.fontMetrics().height()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._icon.setPixmap(icon.pixmap(side, side))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_icon()


class FieldMessages:
    """Maps `ValidationError.field` to the field's widget and its FieldMessage."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, FieldMessage]] = {}

    def add(self, field: str, widget: QWidget, message: FieldMessage) -> None:
        self._fields[field] = (widget, message)

    def widget(self, field: str) -> QWidget | None:
        entry = self._fields.get(field)
        return entry[0] if entry else None

    def message(self, field: str) -> FieldMessage | None:
        entry = self._fields.get(field)
        return entry[1] if entry else None

    def text(self, field: str) -> str:
        message = self.message(field)
        return message.text() if message else ""

    def clear(self) -> None:
        for _widget, message in self._fields.values():
            message.clear()

    def set(self, field: str, text: str) -> bool:
        """Show `text` beside `field` and put the cursor there; False for an unknown field."""
        entry = self._fields.get(field)
        if entry is None:
            return False
        widget, message = entry
        message.set_message(text)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def show(self, error: ValidationError) -> bool:
        return self.set(error.field, error.message)


def show_domain_error(parent: QWidget | None, error: DomainError) -> QMessageBox:
    """A service's refusal in a message box that doesn't block (the caller keeps running).

    A ValidationError should go beside its field instead (FieldMessages.show); this is for the rest.
    """
    box = QMessageBox(parent)
    box.setObjectName("errors.domain")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorReporter", "Not done"))
    box.setText(error.message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def say_outcome(
    parent: QWidget | None,
    status: StatusLine | None,
    message: str,
    *,
    ok: bool,
    box_name: str,
    box_title: str,
) -> None:
    """How a background job (an export, say) ended, in words: on the desk's status line when it
    has one, else, when it worked, in a message box that doesn't block (`box_name`). A failure
    with no status line is the caller's to show (show_domain_error)."""
    if status is not None:
        if ok:
            status.show_info(message)
        else:
            status.show_error(message)
    elif ok:
        box = QMessageBox(parent)
        box.setObjectName(box_name)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(box_title)
        box.setText(message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def problem_box(title: str, text: str, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("errors.problem")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


class ErrorReporter(QObject):
    """The program's excepthook: log the traceback, show one friendly dialog naming the log file.

    PySide6 hands exceptions raised in slots and in overridden virtual methods to sys.excepthook,
    so this reaches them too. While a dialog is open, or shortly after one was closed, further
    errors are only logged: a bug in a paint event must not bury the desk under dialogs.
    """

    QUIET_SECONDS = 10.0

    def __init__(
        self, log_path: Path | None, *, may_block: bool = True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        # Before the event loop runs the dialog must wait for the person (exec); never in a
        # smoke run or a test, which must not block.
        self.may_block = may_block
        self.dialog: QMessageBox | None = None
        self._quiet_until = 0.0
        self._previous_hook: (
            Callable[[type[BaseException], BaseException, TracebackType | None], object] | None
        ) = None
        self.shown = 0  # dialogs shown so far (for tests)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        threading.excepthook = threading.__excepthook__

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.error(
                "unexpected error in thread %s",
                args.thread.name if args.thread else "?",
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )

    def handle(
        self,
        kind: type[BaseException],
        value: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, traceback)
            return
        log.error("unexpected error", exc_info=(kind, value, traceback))
        if QApplication.instance() is None or QThread.currentThread() is not (
            QApplication.instance().thread()  # type: ignore[union-attr]
        ):
            sys.__excepthook__(kind, value, traceback)
            return
        if self.dialog is not None or time.monotonic() < self._quiet_until:
            return
        self._show_dialog()

    def message(self) -> str:
        where = (
            str(self.log_path)
            if self.log_path
            else QCoreApplication.translate("ErrorReporter", "(the log could not be written)")
        )
        return QCoreApplication.translate(
            "ErrorReporter",
            "Sorry, something went wrong inside the program.\n\n"
            "What was saved before is safe. If what you were doing did not finish, "
            "please try it once more.\n\n"
            "The details were written to the log file:\n%1\n\n"
            "Please tell the centre's staff or administrator.",
        ).replace("%1", where)

    def _show_dialog(self) -> None:
        parent = QApplication.activeWindow()
        box = QMessageBox(parent)
        box.setObjectName("errors.unexpected")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ErrorReporter", "Something went wrong"))
        box.setText(self.message())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = box.addButton(
            QCoreApplication.translate("ErrorReporter", "Copy the log file's path"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        self.shown += 1

        def on_finished(_result: int) -> None:
            if box.clickedButton() is copy and self.log_path is not None:
                clipboard = QGuiApplication.clipboard()
                clipboard.setText(str(self.log_path))
            self.dialog = None
            self._quiet_until = time.monotonic() + self.QUIET_SECONDS

        box.finished.connect(on_finished)
        if self.may_block and QThread.currentThread().loopLevel() == 0:
            box.exec()  # no event loop yet (start-up): wait here so the person can read it
        else:
            box.open()


_reporter: ErrorReporter | None = None


def install_excepthook(log_path: Path | None, *, may_block: bool = True) -> ErrorReporter:
    """Route every unexpected exception to the friendly dialog; returns the reporter."""
    global _reporter
    if _reporter is not None:
        _reporter.uninstall()
    _reporter = ErrorReporter(log_path, may_block=may_block)
    _reporter.install()
    return _reporter


class StatusLine(QLabel):
    """The line of a desk or page that says what just happened, in words (bold; an error in red
    too). An error also says so in words ("Not saved: …"), so colour is never the only signal.

    `quiet_while`: while it returns True (a question is being asked) the message waits unseen.
    """

    def __init__(
        self,
        object_name: str,
        parent: QWidget | None = None,
        *,
        quiet_while: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._quiet_while = quiet_while
        self._message = ""
        self._error = False
        self.setVisible(False)

    def message(self) -> str:
        """The plain text shown ("" when hidden)."""
        return self._message

    def is_error(self) -> bool:
        return self._error

    def show_info(self, text: str) -> None:
        self._show(text, error=False)

    def show_error(self, text: str) -> None:
        self._show(text, error=True)

    def clear_message(self) -> None:
        self._message = ""
        self._error = False
        self.clear()
        self.setAccessibleName("")
        self.setVisible(False)

    def _show(self, text: str, *, error: bool) -> None:
        self._message = text
        self._error = error
        html = style.paragraph_html(text, colour=style.ERROR_COLOUR if error else None)
        self.setText(f"<b>{html}</b>")
        self.setAccessibleName(text)
        self.setVisible(bool(text) and not self._quiet_while())
        # After the layout has made room for it: scroll the page so the message is on screen.
        QTimer.singleShot(0, self, self._reveal)

    def _reveal(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and self.isVisible():
            parent.ensureWidgetVisible(self)
