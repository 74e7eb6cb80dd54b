"""The Rooms desk's print-outs and its .ics export, for the desk's buttons to call.

- `show_day_sheets`: the day's door sheets, one page per room (or one room's), in the preview;
  `overview=True` (or `show_day_overview`) puts every room's bookings in one table instead.
- `show_week_overview`: the week (Monday to Sunday) holding a day, all rooms or one.
- `export_ics`: asks where to save, then writes the .ics as a background job.

The sheets are read in one read transaction and laid out at once (a week of 500 bookings takes
about 0.1 s, like a member card), then shown in the program's preview (`ui.pdf_preview`) with
打印… and 另存为…. A character no font has is said in the preview before anything is printed.
Nothing here blocks: dialogs are opened, not exec()'d, and each helper returns what it opened
so tests (and the desk) can drive it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy.orm import Session

from app import clock
from app.errors import DomainError
from app.printing import room_sheets
from app.printing.glyphs import Printout
from app.printing.room_sheets import RoomSheetData
from app.progress import Progress
from app.security import Actor, Permission
from app.services.rooms import ical
from app.services.rooms.views import RoomColumn
from ui import jobs
from ui.context import DeskContext
from ui.errors import StatusLine, say_outcome, show_domain_error
from ui.pdf_preview import PdfPreviewDialog, open_printout


def show_day_sheets(
    parent: QWidget | None,
    context: DeskContext,
    day: dt.date,
    room_id: int | None = None,
    *,
    overview: bool = False,
) -> PdfPreviewDialog | None:
    """The door sheets of `day` (every room, or `room_id`'s) in the preview; with `overview`,
    all rooms' bookings of the day in one table. None when the service refused (said)."""

    def layout(data: RoomSheetData) -> Printout:
        if overview:
            return room_sheets.day_overview_pdf(data, day)
        return room_sheets.door_sheets_pdf(data, day)

    if overview:
        title = QCoreApplication.translate("RoomsPrinting", "rooms on %1").replace(
            "%1", day.isoformat()
        )
        file_name = QCoreApplication.translate("RoomsPrinting", "Rooms %1.pdf").replace(
            "%1", day.isoformat()
        )
    else:
        title = QCoreApplication.translate("RoomsPrinting", "door sheets of %1").replace(
            "%1", day.isoformat()
        )
        file_name = QCoreApplication.translate("RoomsPrinting", "Door sheets %1.pdf").replace(
            "%1", day.isoformat()
        )
    return _preview(
        parent,
        context,
        lambda session, actor: room_sheets.day_sheets(session, actor, day, room_id),
        layout,
        title,
        file_name,
    )


def show_day_overview(
    parent: QWidget | None, context: DeskContext, day: dt.date
) -> PdfPreviewDialog | None:
    """Every room's bookings of `day` in one table, in the preview."""
    return show_day_sheets(parent, context, day, overview=True)


def show_week_overview(
    parent: QWidget | None,
    context: DeskContext,
    first_day: dt.date,
    room_id: int | None = None,
) -> PdfPreviewDialog | None:
    """The week (Monday to Sunday) holding `first_day`, all rooms or `room_id`, in the preview."""
    monday, _sunday = room_sheets.week_of(first_day)
    return _preview(
        parent,
        context,
        lambda session, actor: room_sheets.week_sheets(session, actor, monday, room_id),
        room_sheets.week_overview_pdf,
        QCoreApplication.translate("RoomsPrinting", "week of %1").replace("%1", monday.isoformat()),
        QCoreApplication.translate("RoomsPrinting", "Rooms week %1.pdf").replace(
            "%1", monday.isoformat()
        ),
    )


def _preview(
    parent: QWidget | None,
    context: DeskContext,
    read: Callable[[Session, Actor], RoomSheetData],
    layout: Callable[[RoomSheetData], Printout],
    title: str,
    file_name: str,
) -> PdfPreviewDialog | None:
    try:
        data = context.run(read, write=False)
    except DomainError as error:
        show_domain_error(parent, error)
        return None
    return open_printout(layout(data), title, file_name, parent)


# --- .ics ----------------------------------------------------------------------------------


class IcsExport(QObject):
    """One export: the file dialog (`dialog`, objectName rooms.icsFileDialog), then the job
    writing the file (`job`). `finished(message, ok)` says how it ended, in words."""

    finished = Signal(str, bool)

    def __init__(
        self,
        parent: QWidget | None,
        context: DeskContext,
        room_id: int | None,
        status: StatusLine | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rooms.icsExport")
        self._parent = parent
        self._context = context
        self._room_id = room_id
        self._status = status
        self.job: jobs.Job[ical.IcsExport] | None = None
        self.message = ""
        self.dialog: QFileDialog | None = None

    def open_dialog(self, file_name: str) -> QFileDialog:
        dialog = QFileDialog(
            self._parent,
            QCoreApplication.translate("RoomsPrinting", "Export the bookings as a calendar"),
        )
        dialog.setObjectName("rooms.icsFileDialog")
        dialog.setAccessibleName(dialog.windowTitle())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(QCoreApplication.translate("RoomsPrinting", "Calendar files (*.ics)"))
        dialog.setDefaultSuffix("ics")
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog.selectFile(str(Path(folder or Path.home()) / file_name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.on_file_selected)
        dialog.rejected.connect(self.on_dialog_rejected)
        self.dialog = dialog
        dialog.open()
        return dialog

    def save_to(self, path: str | Path) -> jobs.Job[ical.IcsExport]:
        """Write the .ics to `path` in a background job (read, recorded, moved into place)."""
        db, actor, room_id = self._context.db, self._context.actor, self._room_id

        def work(progress: Progress) -> ical.IcsExport:
            progress.check()
            return ical.export_ics_file(db, actor, path, room_id)

        job = jobs.start(work, "rooms.icsExport")
        job.succeeded.connect(lambda result: self.on_saved(result, str(path)))
        job.failed.connect(self.on_failed)
        self.job = job
        return job

    def on_file_selected(self, path: str) -> None:
        if path:
            self.save_to(path)

    def on_dialog_rejected(self) -> None:
        self.dialog = None
        if self.job is None:
            self.deleteLater()

    def on_saved(self, result: ical.IcsExport, path: str) -> None:
        self._done(ical.summary(result, path), ok=True)

    def on_failed(self, error: DomainError) -> None:
        self._done(error.message, ok=False)
        if self._status is None:
            show_domain_error(self._parent, error)

    def _done(self, message: str, *, ok: bool) -> None:
        self.message = message
        say_outcome(
            self._parent,
            self._status,
            message,
            ok=ok,
            box_name="rooms.icsDone",
            box_title=QCoreApplication.translate("RoomsPrinting", "Exported"),
        )
        self.finished.emit(message, ok)
        self.deleteLater()


def export_ics(
    parent: QWidget | None,
    context: DeskContext,
    room_id: int | None = None,
    *,
    status: StatusLine | None = None,
) -> IcsExport | None:
    """Ask where to save the bookings (of `room_id`, or all rooms) as an .ics file, then write
    it. Staff and admins only: for anyone else the refusal is said and None returned."""
    try:
        context.actor.require(Permission.ROOMS)
    except DomainError as error:
        if status is not None:
            status.show_error(error.message)
        else:
            show_domain_error(parent, error)
        return None
    name = ""
    if room_id is not None:
        name = next((room.name for room in _rooms(context) if room.id == room_id), "")
    stem = (
        QCoreApplication.translate("RoomsPrinting", "%1 bookings").replace("%1", name)
        if name
        else QCoreApplication.translate("RoomsPrinting", "Room bookings")
    )
    export = IcsExport(parent, context, room_id, status)
    export.open_dialog(f"{stem} {clock.today().isoformat()}.ics")
    return export


def _rooms(context: DeskContext) -> list[RoomColumn]:
    from app.services.rooms import views

    try:
        return context.run(lambda session, _actor: views.rooms(session), write=False)
    except DomainError:
        return []
