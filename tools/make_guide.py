"""Make the guide's pictures from the program itself: every screenshot in resources/help/images/.

Each language runs in a process of its own (the interface's language is chosen once, at start):
a fresh demo centre is written into a temporary SQLite file at a fixed moment (the program's
clock stands still there, so the pictures come out the same every time), the main window is
built offscreen at the commonest desk PC's size with the bundled font and the interface's
translation, and each page's steps are done on it the way a volunteer would. Every picture is a
grab of the window (or of the dialog open on it) with the control to use outlined in red,
cropped to what matters or scaled to at most 1100 px wide, and reduced to a palette.

Usage, from the project root:

    python tools/make_guide.py                         # every picture, both languages
    python tools/make_guide.py --only task-check-in    # one page's pictures (a desk: all desks')
    python tools/make_guide.py --lang en

`tests/test_help_pages.py` walks the same steps without saving (`Guide(save=False)`), so a
control renamed in the program fails a test instead of leaving the guide's picture stale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPen  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QListWidget,
    QTabWidget,
    QWidget,
)

from app import clock, demo, help, i18n, paths  # noqa: E402
from app import settings as settings_module  # noqa: E402

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# A Wednesday morning in September: the demo's "today" in every picture.
MOMENT = dt.datetime(2026, 9, 16, 9, 30)
CENTRE_NAME = "东社区邻里中心"
PEOPLE = 300  # residents in the demo centre: enough to look lived in, quick to write
MAX_WIDTH = 1100
COLOURS = 96  # the palette: text stays smooth, the files stay small
OUTLINE = QColor(220, 0, 0)
OUTLINE_WIDTH = 4
MARGIN = 8  # around a crop


class TargetMissing(LookupError):
    """A control the guide outlines is no longer in the program (renamed or gone)."""


@dataclass(frozen=True)
class Nav:
    """A row of a list (the main navigation, the Settings pages), found by its text."""

    list_name: str
    row: int


@dataclass(frozen=True)
class Tab:
    """A tab of a QTabWidget."""

    tabs_name: str
    index: int


W = TypeVar("W", bound=QWidget)
Target = str | Nav | Tab  # an objectName, or a row or tab inside a named widget


class Guide:
    """The program on a demo centre, and the pictures taken of it."""

    def __init__(self, language: str, folder: Path | None, *, save: bool = True) -> None:
        self.language = language
        self.folder = folder
        self.save = save
        self.made: list[Path] = []
        self.shots: list[str] = []  # the names of the pictures taken (saved or not)
        self._work = Path(tempfile.mkdtemp(prefix="youlin-guide-"))
        self.database_path = self._work / "demo.sqlite3"
        self.url = paths.sqlite_url(self.database_path)
        self.windows: dict[str, MainWindow] = {}

    # --- the program -------------------------------------------------------------------------

    def write_demo(self) -> None:
        demo.write_demo(self.url, people=PEOPLE, now=MOMENT)

    def window(self, username: str) -> MainWindow:
        """The main window as the demo's `username` (desk, staff or admin), shown."""
        if username in self.windows:
            return self.windows[username]
        from sqlalchemy import select

        from app.db import Database
        from app.models import Account
        from app.security import Actor
        from ui.context import DeskContext
        from ui.main_window import DEFAULT_SIZE, MainWindow

        db = Database(self.url)
        with db.read() as session:
            account = session.scalars(select(Account).where(Account.username == username)).one()
            actor = Actor.of(account)
        context = DeskContext(db, actor, settings_module.load())
        window = MainWindow(context, CENTRE_NAME)
        window.resize(DEFAULT_SIZE)
        window.show()
        window.activateWindow()
        settle(300)
        self.windows[username] = window
        return window

    def open_desk(self, username: str, key: str) -> tuple[MainWindow, Any]:
        """The main window as `username`, on the desk `key`, and that desk."""
        window = self.window(username)
        window.switch_to(key)
        return window, window.desk(key)

    def close(self) -> None:
        for window in self.windows.values():
            context = window.context
            window.close()
            window.deleteLater()
            context.db.dispose()
        self.windows.clear()
        settle(50)
        shutil.rmtree(self._work, ignore_errors=True)

    # --- pictures ----------------------------------------------------------------------------

    def shot(
        self,
        name: str,
        widget: QWidget,
        targets: tuple[Target, ...] = (),
        *,
        crop: tuple[Target, ...] = (),
        wait: int = 400,
    ) -> None:
        """The picture `name`.png of `widget` with `targets` outlined; cut to the region holding
        `crop` (and the targets) when given, else the whole widget."""
        settle(wait if self.save else 10)  # the walk alone (tests) needs no painting
        rects = [self.rect_of(widget, target) for target in targets]
        region = QRect()
        for target in crop:
            region = region.united(self.rect_of(widget, target))
        self.shots.append(name)
        if not self.save or self.folder is None:
            return
        image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(OUTLINE)
        pen.setWidth(OUTLINE_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        pad = OUTLINE_WIDTH // 2 + 2
        bounds = image.rect().adjusted(pad, pad, -pad, -pad)
        for rect in rects:
            painter.drawRect(rect.adjusted(-pad, -pad, pad, pad).intersected(bounds))
        painter.end()
        if not region.isNull():
            for rect in rects:
                region = region.united(rect)
            region = region.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN).intersected(image.rect())
            image = image.copy(region)
        if image.width() > MAX_WIDTH:
            image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
        path = self.folder / f"{name}.png"
        write_png(image, path)
        self.made.append(path)

    def rect_of(self, widget: QWidget, target: Target) -> QRect:
        """Where `target` is inside `widget`'s grab."""
        if isinstance(target, Nav):
            view = self.find(widget, target.list_name, QListWidget)
            rect = view.visualItemRect(view.item(target.row))
            origin = view.viewport().mapTo(widget, QPoint(0, 0))
            return rect.translated(origin)
        if isinstance(target, Tab):
            tabs = self.find(widget, target.tabs_name, QTabWidget)
            bar = tabs.tabBar()
            return bar.tabRect(target.index).translated(bar.mapTo(widget, QPoint(0, 0)))
        found = self.find(widget, target, QWidget)
        if not found.isVisible():
            raise TargetMissing(f"{target} is not shown")
        return QRect(found.mapTo(widget, QPoint(0, 0)), found.size())

    @staticmethod
    def find(widget: QWidget, name: str, kind: type[W]) -> W:
        if widget.objectName() == name and isinstance(widget, kind):
            return widget
        found = widget.findChild(kind, name)
        if found is None:
            raise TargetMissing(f"no {kind.__name__} named {name!r} in {widget.objectName()!r}")
        return found


def settle(milliseconds: int) -> None:
    """Let Qt lay out, paint and finish background work for a moment."""
    app = QApplication.instance()
    deadline = time.monotonic() + milliseconds / 1000
    while True:
        if app is not None:
            app.processEvents()
        if time.monotonic() >= deadline:
            return
        time.sleep(0.01)


def wait_for(condition: Callable[[], object], seconds: float = 30.0) -> None:
    """Process events until `condition()` holds (a background job done)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the program did not get there in time")
        settle(50)


def write_png(image: QImage, path: Path) -> None:
    """`image` as a palette PNG: a fraction of the size of a full-colour one."""
    from PIL import Image  # ReportLab's own dependency

    data = QByteArray()
    qt_buffer = QBuffer(data)
    qt_buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(qt_buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; Qt wants str
    qt_buffer.close()
    with Image.open(io.BytesIO(bytes(data.data()))) as picture:
        reduced = picture.convert("RGB").quantize(
            colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        reduced.save(path, optimize=True)


# --- the pages' pictures -----------------------------------------------------------------------


def desk_pictures(guide: Guide) -> None:
    """One picture of each desk as an administrator sees it, the desk's name outlined."""
    window = guide.window("admin")
    keys = window.desk_keys()
    for row, key in enumerate(keys):
        window.switch_to(key)
        guide.shot(f"desk-{key}", window, (Nav("nav", row),), wait=400)


PICTURES: dict[str, Callable[[Guide], None]] = {}


def pictures_for(*keys: str) -> Callable[[Callable[[Guide], None]], Callable[[Guide], None]]:
    def register(function: Callable[[Guide], None]) -> Callable[[Guide], None]:
        for key in keys:
            PICTURES[key] = function
        return function

    return register


pictures_for(*help.DESK_PAGES)(desk_pictures)


def _scalar(guide: Guide, statement: object) -> object:
    """One value from the demo centre's database (which person, which session to show)."""
    from app.db import Database

    db = Database(guide.url)
    try:
        with db.read() as session:
            return session.execute(statement).scalars().first()  # type: ignore[call-overload]
    finally:
        db.dispose()


def _a_resident(guide: Guide) -> str:
    """The name of a resident with consent and a phone: the visitor of the pictures."""
    from sqlalchemy import select

    from app.models import Person

    statement = (
        select(Person.name)
        .where(Person.consent.is_(True), Person.phone.is_not(None), Person.active.is_(True))
        .order_by(Person.id)
        .offset(7)
    )
    name = _scalar(guide, statement)
    assert isinstance(name, str)
    return name


@pictures_for("task-check-in")
def check_in_pictures(guide: Guide) -> None:
    window, desk = guide.open_desk("desk", "reception")
    crop = ("reception.checkInPage",)
    guide.shot("check-in-1", window, (Nav("nav", window.desk_keys().index("reception")),))
    desk.search_box.setText(_a_resident(guide))
    guide.shot("check-in-2", window, ("reception.search", "reception.results"), crop=crop)
    guide.shot("check-in-3", window, ("reception.purposes",), crop=crop)
    guide.shot("check-in-4", window, ("reception.checkIn",), crop=crop)
    desk.check_in_highlighted()
    guide.shot("check-in-5", window, ("reception.todayLog",), crop=crop, wait=400)


@pictures_for("task-register")
def register_pictures(guide: Guide) -> None:
    window, desk = guide.open_desk("desk", "reception")
    crop = ("reception.pages",)
    desk.search_box.setText("林晓梅")  # a name nobody in the demo has
    guide.shot("register-1", window, ("reception.newVisitor",), crop=crop)
    desk.open_new_visitor()
    form = desk.form
    settle(200)
    community = form.community_combo.itemText(1)
    form.fill(phone="13912345678", gender="F", birth_year="1958", community=community)
    if form.group_combo.count() > 1:
        form.group_combo.setCurrentIndex(1)
    guide.shot(
        "register-2",
        window,
        ("person.name", "person.phone", "person.community", "person.buildingGroup"),
        crop=crop,
    )
    form.fill(consent=True)
    guide.shot("register-3", window, ("person.consent",), crop=crop)
    guide.shot("register-4", window, ("person.submit",), crop=crop)
    form.cancel()
    desk.search_box.clear()


@pictures_for("task-book-room")
def book_room_pictures(guide: Guide) -> None:
    window, desk = guide.open_desk("staff", "rooms")
    guide.shot(
        "book-room-1", window, ("rooms.date", "rooms.next"), crop=("rooms.calendar", "rooms.today")
    )
    guide.shot("book-room-2", window, ("rooms.new",), crop=("rooms.today", "rooms.exportIcs"))
    editor = desk.open_new(starts_at=MOMENT.replace(hour=14, minute=0) + dt.timedelta(days=1))
    settle(300)
    editor.title_edit.setText("书法兴趣小组" if guide.language == "zh_CN" else "Calligraphy group")
    guide.shot(
        "book-room-3",
        editor,
        ("rooms.editor.title", "rooms.editor.room", "rooms.editor.date", "rooms.editor.end"),
        crop=("rooms.editor.heading", "rooms.editor.attendees", "rooms.editor.note"),
    )
    guide.shot("book-room-4", editor, ("rooms.editor.save",))
    editor.reject()
    settle(100)


def _session_id(guide: Guide, *, today: bool) -> int:
    """A session with people signed up: today's that has begun (attendance), or one of the
    coming days with seats left (a sign-up)."""
    from sqlalchemy import func, select

    from app.models import ActivitySession, Signup

    signed = (
        select(func.count(Signup.id))
        .where(Signup.session_id == ActivitySession.id)
        .correlate(ActivitySession)
        .scalar_subquery()
    )
    day = dt.datetime.combine(MOMENT.date(), dt.time())
    statement = select(ActivitySession.id).where(ActivitySession.cancelled.is_(False))
    if today:
        ticked = (
            select(func.count(Signup.id))
            .where(Signup.session_id == ActivitySession.id, Signup.attended.is_(True))
            .correlate(ActivitySession)
            .scalar_subquery()
        )
        statement = statement.where(
            ActivitySession.starts_at >= MOMENT,
            ActivitySession.starts_at < day + dt.timedelta(days=1),
            ActivitySession.attendance_closed_at.is_(None),
            signed > 3,
            ticked == 0,
        )
    else:
        statement = statement.where(
            ActivitySession.starts_at >= day + dt.timedelta(days=1),
            ActivitySession.closed.is_(False),
            signed > 2,
            signed < ActivitySession.capacity - 2,
        )
    found = _scalar(guide, statement.order_by(ActivitySession.starts_at))
    assert isinstance(found, int), "the demo has no such session"
    return found


@pictures_for("task-sign-up")
def sign_up_pictures(guide: Guide) -> None:
    window, desk = guide.open_desk("desk", "menu")
    desk.show_session(_session_id(guide, today=False))
    guide.shot("sign-up-1", window, ("menu.sessions",))
    guide.shot("sign-up-2", window, ("menu.sign_up",))
    desk.start_sign_up()
    panel = desk.signup_panel
    panel.person.search_box.setText(_a_resident(guide))
    settle(300)
    guide.shot("sign-up-3", window, ("menu.signup.person.search",), crop=("menu.signup",))
    panel.person.take_highlighted()
    guide.shot("sign-up-4", window, ("menu.signup.confirm",), crop=("menu.signup",))
    panel.on_back_clicked()


@pictures_for("task-attendance")
def attendance_pictures(guide: Guide) -> None:
    window, desk = guide.open_desk("desk", "menu")
    session_id = _session_id(guide, today=True)
    from app.models import ActivitySession

    # The session of the afternoon, as the desk sees it once it has begun.
    starts = _scalar(guide, _select_start(ActivitySession, session_id))
    assert isinstance(starts, dt.datetime)
    fixed = clock.current()
    if isinstance(fixed, clock.FixedClock):
        fixed.set(starts + dt.timedelta(minutes=10))
    desk.refresh()
    desk.show_session(session_id)
    guide.shot("attendance-1", window, ("menu.sessions", "menu.take_attendance"))
    panel = desk.open_attendance()
    settle(300)
    for row in (0, 1, 3):
        panel.tick_row(row, True)
    guide.shot("attendance-2", window, ("menu.attendance.list",), crop=("menu.attendance",))
    guide.shot("attendance-3", window, ("menu.attendance.walk_in",), crop=("menu.attendance",))
    guide.shot("attendance-4", window, ("menu.attendance.close",), crop=("menu.attendance",))
    if isinstance(fixed, clock.FixedClock):
        fixed.set(MOMENT)


def _select_start(model: type, session_id: int) -> object:
    from sqlalchemy import select

    return select(model.starts_at).where(model.id == session_id)  # type: ignore[attr-defined]


@pictures_for("task-certificate")
def certificate_pictures(guide: Guide) -> None:
    window, desk = guide.open_desk("staff", "volunteers")
    desk.tabs.setCurrentWidget(desk.certificates_page)
    page = desk.certificates_page
    guide.shot(
        "certificate-1", window, (Tab("volunteers.tabs", 2), "volunteers.certificates.issue")
    )
    page.open_issue()
    from sqlalchemy import select

    from app.models import Person, Tag

    volunteer = _scalar(
        guide,
        select(Person.name).join(Person.tags).where(Tag.name == "志愿者").order_by(Person.id),
    )
    page.person_picker.search_box.setText(str(volunteer))
    settle(300)
    page.person_picker.take_highlighted()
    guide.shot(
        "certificate-2",
        window,
        ("volunteers.certificates.person", "volunteers.certificates.issueKind"),
        crop=("volunteers.certificates",),
    )
    guide.shot(
        "certificate-3",
        window,
        ("volunteers.certificates.issueConfirm",),
        crop=("volunteers.certificates",),
    )
    page.close_panels()
    page.view.selectRow(0)
    guide.shot(
        "certificate-4",
        window,
        ("volunteers.certificates.print",),
        crop=("volunteers.certificates",),
    )
    preview = page.print_chosen()
    wait_for(lambda: preview is not None and preview.isVisible())
    guide.shot("certificate-5", preview, ("pdfPreview.print", "pdfPreview.save"), wait=800)
    preview.reject()


@pictures_for("task-monthly-report")
def monthly_report_pictures(guide: Guide) -> None:
    window, desk = guide.open_desk("staff", "reports")
    statistics = desk.findChild(QWidget, "reports.statistics")
    guide.shot("monthly-report-1", window, ("reports.monthlyReport",), crop=("reports.statistics",))
    dialog = statistics.open_monthly_report()
    settle(300)
    guide.shot("monthly-report-2", dialog, ("reports.monthly.month", "reports.monthly.make"))
    dialog.make_report()
    wait_for(lambda: dialog.preview is not None)
    preview = dialog.preview
    guide.shot("monthly-report-3", preview, ("pdfPreview.print", "pdfPreview.save"), wait=1500)
    preview.reject()
    dialog.reject()


@pictures_for("task-backup-restore")
def backup_pictures(guide: Guide) -> None:
    window, desk = guide.open_desk("admin", "settings")
    from ui.settings.desk import PAGES as SETTINGS_PAGES

    page = desk.show_page("backup")
    backup_row = SETTINGS_PAGES.index("backup")
    guide.shot("backup-1", window, (Nav("settings.pages", backup_row),))
    job = page.back_up_now()
    wait_for(lambda: not page.busy())
    del job
    guide.shot(
        "backup-2",
        window,
        ("settings.backup.now", "settings.backup.list"),
        crop=("settings.backup",),
    )
    guide.shot("backup-3", window, ("settings.backup.chooseFolder",), crop=("settings.backup",))
    page.table.selectRow(0)
    guide.shot(
        "backup-4",
        window,
        ("settings.backup.list", "settings.backup.restore"),
        crop=("settings.backup",),
    )
    box = page.ask_restore()
    settle(200)
    guide.shot("backup-5", box, ("settings.backup.confirm.text", "settings.backup.confirm.restore"))
    box.reject()


@contextmanager
def language_of(language: str) -> Iterator[None]:
    previous = i18n.current_language()
    i18n.set_language(language)
    try:
        yield
    finally:
        i18n.set_language(previous)


_kept: list[object] = []


def prepare_application(language: str) -> QApplication:
    """Qt as the program starts it: Fusion, the bundled font, the text size, the translation."""
    from ui.application import _prepare

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    translators = _prepare(app, language, "normal", ())
    app.setCursorFlashTime(0)  # the text cursor stays on: the same picture every time
    _kept.extend(translators)  # Qt doesn't own them: once collected, translation stops
    return app


def make(language: str, only: str | None, *, save: bool = True) -> Guide:
    """Every picture of `language` (or `only` one page's), in this process."""
    folder = help.picture_folder(language)
    guide = Guide(language, folder, save=save)
    guide.write_demo()
    done: set[Callable[[Guide], None]] = set()
    for key, function in PICTURES.items():
        if (only is not None and key != only) or function in done:
            continue
        done.add(function)
        function(guide)
    guide.close()
    if save and only is None:  # a picture no page step makes any more goes
        for stale in set(folder.glob("*.png")) - set(guide.made):
            stale.unlink()
    return guide


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(PICTURES), help="one page's pictures")
    parser.add_argument("--lang", choices=list(i18n.LANGUAGES), help="one language")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    languages = [options.lang] if options.lang else list(i18n.LANGUAGES)
    if not options.in_process:
        started = time.monotonic()
        for language in languages:
            command = [sys.executable, __file__, "--lang", language, "--in-process"]
            if options.only:
                command += ["--only", options.only]
            subprocess.run(command, check=True)
        total = sum(p.stat().st_size for p in (help.help_root() / "images").rglob("*.png"))
        count = len(list((help.help_root() / "images").rglob("*.png")))
        print(
            f"{count} pictures, {total / 1_000_000:.2f} MB in all, "
            f"made in {time.monotonic() - started:.0f} s"
        )
        return 0
    language = languages[0]
    # A data folder of a fixed name: the backup pictures show where backups go.
    data = Path(tempfile.gettempdir()) / "YoulinDesk"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir()
    os.environ[paths.DATA_DIR_ENV] = str(data)
    clock.use(clock.FixedClock(MOMENT))
    with language_of(language):
        prepare_application(language)
        guide = make(language, options.only)
    size = sum(path.stat().st_size for path in guide.made)
    print(f"{language}: {len(guide.made)} pictures, {size / 1_000_000:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
