"""Walk the real Windows build under Xvfb, grab each screen, and check what the grabs show.

    python installer/windows_walk.py --database demo.sqlite3 --out dist/windows-screens \\
        --source . --password demo1234 -- wine 'C:\\YoulinDesk\\YoulinDesk.exe'

Starts Xvfb (1366 × 768, the centre's commonest screen) and openbox (so that keys reach the
window), then the program after `--` on a copy of the demo database with no `-platform` option,
and drives it with the keyboard the way a volunteer would (xdotool): log in as admin, every desk
by Ctrl+1 … Ctrl+8, Reception's search by pinyin initials and a check-in, F1 for the guide's
Reception page (the help window OCR'd), the rooms' week, a session's sign-in sheet previewed and
saved as a PDF through the file dialog, a certificate previewed, and the large text chosen in
Settings. Each step waits for the screen to settle
(grabs compared until they stop changing, with a timeout) and is grabbed into OUT/NN-name.png.

Then checks the grabs, not only that they exist: tesseract (chi_sim) reads the program's title on
the login screen and the Reception desk's name on its desk, no grab is blank, the large text is
measurably larger (OCR word heights), the check-in reached the database, and the saved sign-in
sheet holds the session's roster in an embedded font. Writes OUT/report.txt; exits 1 with the
reasons when a check fails. Run by installer/build.sh with the build venv's Python (Pillow comes
with ReportLab); `--source` is the tree whose `app` reads the database back.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

SCREEN = (1366, 768)
TITLE = "友邻前台"  # the program's name, on the login screen
# The desks' names in the navigation, as the interface says them: the Reception desk's grab
# must show at least NAMES_READ of them (OCR misreads one now and then: 接待签到 as 接待等到).
DESKS = (
    "首页",
    "接待签到",
    "居民档案",
    "活动室预约",
    "服务菜单",
    "志愿者与证书",
    "统计报表",
    "设置",
)
NAMES_READ = 4
HELP_TITLE = "使用指南"  # the first line of the help window's contents
# A screen counts as settled when two grabs 0.4 s apart differ in less than this many pixels
# (a blinking text cursor is a few hundred at most).
STILL_PIXELS = 600
MIN_COLOURS = 16  # a grab with fewer distinct colours is blank
MIN_DEVIATION = 12.0  # nor may its grey levels be almost one
LARGER = 1.15
EXPECTED = (
    "login",
    "home",
    "reception",
    "reception-search",
    "reception-checked-in",
    "reception-help",
    "people",
    "rooms-week",
    "menu-signin-sheet",
    "volunteers-certificate",
    "reports",
    "settings-large-text",
    "reception-large-text",
)  # the large text's median OCR word height over the standard one


class WalkFailed(Exception):
    pass


def run(cmd: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 60) -> str:
    done = subprocess.run(
        list(cmd), capture_output=True, text=True, env=env, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise WalkFailed(f"{cmd[0]} failed ({done.returncode}): {done.stderr.strip()[:300]}")
    return done.stdout


def windows_path(path: Path) -> str:
    """Wine maps Z: to /."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


@dataclass
class Screen:
    display: str
    out: Path
    log: list[str]
    grabs: dict[str, Path] = field(default_factory=dict)
    app: subprocess.Popen[bytes] | None = None
    launch: Callable[[], subprocess.Popen[bytes]] | None = None
    crashes: list[str] = field(default_factory=list)

    def restart(self) -> None:
        if self.launch is None:
            raise WalkFailed("the program can't be started again")
        if self.app is not None and self.app.poll() is None:
            self.app.kill()
        self.app = self.launch()

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display}

    def image(self) -> Image.Image:
        raw = subprocess.run(
            ["import", "-display", self.display, "-window", "root", "-depth", "8", "rgb:-"],
            capture_output=True,
            timeout=30,
            check=True,
        ).stdout
        return Image.frombytes("RGB", SCREEN, raw)

    def settle(self, before: Image.Image | None = None, timeout: float = 30) -> Image.Image:
        """The screen once it stopped changing (after it changed from `before`, when given). A
        blank screen doesn't count as settled: between the login window closing and the main
        window painting, a loaded machine shows a still black screen for seconds."""
        deadline = time.monotonic() + timeout
        previous = self.image()
        if before is not None:
            while _changed_pixels(previous, before) < STILL_PIXELS:
                self.check_alive()
                if time.monotonic() > deadline:
                    self.log.append(f"  the screen didn't change within {timeout:.0f} s")
                    return previous  # the checks that follow say what is missing
                time.sleep(0.3)
                previous = self.image()
        while time.monotonic() < deadline:
            self.check_alive()
            time.sleep(0.4)
            current = self.image()
            if _changed_pixels(current, previous) < STILL_PIXELS and not _blank(current):
                return current
            previous = current
        return previous

    def check_alive(self) -> None:
        if self.app is not None and self.app.poll() is not None:
            raise WalkFailed(f"the program ended (exit {self.app.returncode})")

    def grab(self, name: str, picture: Image.Image) -> Path:
        path = self.out / f"{len(self.grabs):02d}-{name}.png"
        picture.save(path, optimize=True)
        self.grabs[name] = path
        self.log.append(f"grab {path.name}")
        return path

    def keys(self, *keys: str) -> None:
        for key in keys:
            run(["xdotool", "key", "--clearmodifiers", key], env=self.env)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        run(["xdotool", "type", "--delay", "60", text], env=self.env)

    def step(self, name: str, action: Callable[[], None], timeout: float = 20) -> Image.Image:
        """Do `action`, wait for the screen to change and settle, grab it as `name`."""
        before = self.image()
        action()
        picture = self.settle(before, timeout)
        self.grab(name, picture)
        return picture

    def windows(self) -> list[str]:
        done = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "."],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
        )
        return done.stdout.split()

    def wait_for_window(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while len(self.windows()) < count:
            if time.monotonic() > deadline:
                raise WalkFailed(f"no window appeared within {timeout:.0f} s")
            time.sleep(0.5)


def _blank(image: Image.Image) -> bool:
    """Fewer than MIN_COLOURS colours: nothing drawn yet."""
    return image.getcolors(maxcolors=MIN_COLOURS) is not None


def _changed_pixels(a: Image.Image, b: Image.Image) -> int:
    difference = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 16 else 0)
    histogram = difference.histogram()
    return histogram[255]


# --- the database, before and after ---------------------------------------------------------


def unique_initials(database: Path) -> tuple[str, int]:
    """Pinyin initials that find one person alone, and that person's id."""
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT k.key, MIN(k.person_id) FROM person_search_key k JOIN person p "
            "ON p.id = k.person_id WHERE k.kind = 'initials' AND length(k.key) = 3 "
            "GROUP BY k.key HAVING COUNT(DISTINCT k.person_id) = 1 ORDER BY k.key"
        ).fetchall()
        keys = {key for (key,) in db.execute("SELECT key FROM person_search_key")}
    for key, person in rows:
        # Nobody else's key may start with it, or the search offers them too.
        if not any(other != key and other.startswith(key) for other in keys):
            return str(key), int(person)
    raise WalkFailed("the demo database has no person with initials of their own")


def visits_of(database: Path, person: int) -> int:
    with sqlite3.connect(database) as db:
        (count,) = db.execute(
            "SELECT COUNT(*) FROM visit WHERE person_id = ? AND undone_at IS NULL", (person,)
        ).fetchone()
    return int(count)


# --- the walk ---------------------------------------------------------------------------------


def log_in(screen: Screen, password: str, grab: bool) -> None:
    screen.wait_for_window(1, 120)
    login = screen.settle(timeout=60)
    if grab:
        screen.grab("login", login)
    # The user name field by its mnemonic (it may hold the last name used), then the password.
    screen.keys("alt+u", "ctrl+a")
    screen.type("admin")
    screen.keys("alt+p")
    screen.type(password)
    if grab:
        screen.step("home", lambda: screen.keys("Return"), timeout=90)
    else:
        before = screen.image()
        screen.keys("Return")
        screen.settle(before, 90)


def preview(screen: Screen, name: str, keys: Sequence[str], password: str) -> bool:
    """Open a print-out's preview; False when the program crashed doing so (it is started and
    logged in again then, so that the walk goes on)."""
    windows = len(screen.windows())
    try:
        screen.step(name, lambda: screen.keys(*keys), timeout=60)
        time.sleep(1)
        screen.check_alive()
        if len(screen.windows()) <= windows:
            raise WalkFailed(f"{name}: no preview window opened")
        return True
    except WalkFailed as error:
        if screen.app is not None and screen.app.poll() is None:
            raise
        screen.crashes.append(f"{name}: {error}")
        screen.log.append(f"  {name}: {error}; started again")
        screen.restart()
        log_in(screen, password, grab=False)
        return False


def walk(screen: Screen, password: str, initials: str, pdf: Path) -> None:
    log_in(screen, password, grab=True)

    screen.step("reception", lambda: screen.keys("ctrl+2"), timeout=60)
    screen.step("reception-search", lambda: screen.type(initials))
    screen.step("reception-checked-in", lambda: screen.keys("Return"))
    # F1: the desk's page of the guide in the help window; Esc closes it.
    screen.step("reception-help", lambda: screen.keys("F1"), timeout=60)
    screen.step("reception-help-closed", lambda: screen.keys("Escape"))

    screen.step("people", lambda: screen.keys("ctrl+3"), timeout=60)
    screen.step("rooms", lambda: screen.keys("ctrl+4"), timeout=60)
    screen.step("rooms-week", lambda: screen.keys("alt+w"))

    # The sessions list has the focus: Down chooses the second session, Ctrl+P asks for the
    # blank rows, Alt+P (预览) shows the sheet.
    screen.step("menu", lambda: screen.keys("ctrl+5"), timeout=60)
    screen.step("menu-session", lambda: screen.keys("Down"))
    screen.step("menu-signin-rows", lambda: screen.keys("ctrl+p"))
    if preview(screen, "menu-signin-sheet", ["alt+p"], password):
        screen.step("menu-save-dialog", lambda: screen.keys("ctrl+s"))
        # The file dialog's name field has the focus with the suggested name chosen: a whole
        # Windows path replaces it.
        screen.keys("ctrl+a")
        screen.type(windows_path(pdf))
        screen.step("menu-saved", lambda: screen.keys("Return"))
        deadline = time.monotonic() + 30
        while not pdf.exists() and time.monotonic() < deadline:
            time.sleep(0.3)
        screen.keys("Escape")

    # Volunteers: the third tab holds the certificate register; Tab reaches the register past
    # the filters and the buttons usable with nothing chosen, Down chooses the second, Ctrl+P
    # previews it.
    screen.step("volunteers", lambda: screen.keys("ctrl+6", "Tab"), timeout=60)
    screen.step("volunteers-register", lambda: screen.keys("ctrl+Tab", "ctrl+Tab"))
    screen.step("volunteers-chosen", lambda: screen.keys(*["Tab"] * 7, "Down"))
    if preview(screen, "volunteers-certificate", ["ctrl+p"], password):
        screen.keys("Escape")

    screen.step("reports", lambda: screen.keys("ctrl+7"), timeout=60)
    screen.step("settings", lambda: screen.keys("ctrl+8", "Tab"), timeout=60)
    screen.step("settings-appearance", lambda: screen.keys("End", "Up"))
    screen.step("settings-text-size", lambda: screen.keys("alt+t"))
    screen.step("settings-large-text", lambda: screen.keys("Down"), timeout=60)
    screen.step("reception-large-text", lambda: screen.keys("ctrl+2"), timeout=60)


# --- the checks -------------------------------------------------------------------------------


@dataclass
class Words:
    text: str  # all the text read, without spaces
    heights: list[int]  # pixel height of each confidently read word


def ocr(path: Path) -> Words:
    tsv = run(["tesseract", str(path), "-", "-l", "chi_sim", "--psm", "3", "tsv"], timeout=120)
    text: list[str] = []
    heights: list[int] = []
    for line in tsv.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 12 or not cells[11].strip():
            continue
        text.append(cells[11].strip())
        if float(cells[10]) >= 60:
            heights.append(int(cells[9]))
    return Words("".join(text).replace(" ", ""), heights)


def blankness(path: Path) -> tuple[int, float]:
    """Distinct colours and the grey levels' standard deviation."""
    with Image.open(path) as picture:
        colours = picture.convert("RGB").getcolors(maxcolors=1 << 20) or []
        deviation = ImageStat.Stat(picture.convert("L")).stddev[0]
    return len(colours), deviation


def roster_names(source: Path, database: Path, password: str, text: str) -> tuple[str, list[str]]:
    """The session whose sheet `text` is (its item and time found in it), and its roster."""
    sys.path.insert(0, str(source))
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from app.db import make_engine
    from app.models import ActivitySession
    from app.printing.signin_sheet import read_signin_sheet, when_words
    from app.services.accounts import login

    engine = make_engine(f"sqlite:///{database}")
    try:
        with Session(engine) as session:
            actor = login(session, "staff", password)
            for session_id in session.scalars(select(ActivitySession.id)):
                data = read_signin_sheet(session, actor, session_id)
                when = when_words(data.starts_at, data.ends_at).replace(" ", "")
                if when in text and data.item.replace(" ", "") in text:
                    return f"{data.item} {when}", [line.name for line in data.lines]
    finally:
        engine.dispose()
    raise WalkFailed("the saved PDF names no session of the demo database")


def check(
    screen: Screen, expected: Sequence[str], args: argparse.Namespace, found: dict[str, object]
) -> list[str]:
    """What is wrong with the grabs and the PDF; `found` collects the figures for the report."""
    failures: list[str] = []
    missing = [name for name in expected if name not in screen.grabs]
    if missing:
        failures.append(f"the walk grabbed no screen for: {', '.join(missing)}")
    for path in screen.grabs.values():
        colours, deviation = blankness(path)
        if colours < MIN_COLOURS or deviation < MIN_DEVIATION:
            failures.append(
                f"{path.name} is blank ({colours} colours, grey deviation {deviation:.1f})"
            )
    read: dict[str, Words] = {}
    if "login" in screen.grabs:
        read["login"] = ocr(screen.grabs["login"])
        found["OCR login"] = read["login"].text[:120]
        if TITLE not in read["login"].text:
            failures.append(f"OCR of the login screen doesn't find the program's title {TITLE}")
    if "reception" in screen.grabs:
        read["reception"] = ocr(screen.grabs["reception"])
        # Read twice, as grabbed and twice as large: each reading misses other small names.
        larger = screen.out.parent / f".{screen.grabs['reception'].stem}-x2.png"
        with Image.open(screen.grabs["reception"]) as picture:
            picture.resize((picture.width * 2, picture.height * 2), Image.Resampling.LANCZOS).save(
                larger
            )
        both = read["reception"].text + ocr(larger).text
        larger.unlink()
        names = [name for name in DESKS if name in both]
        found["OCR reception"] = read["reception"].text[:120]
        found["desk names read"] = f"{len(names)} of {len(DESKS)}: {' '.join(names)}"
        if len(names) < NAMES_READ:
            failures.append(
                f"OCR of the Reception desk finds {len(names)} desk names ({' '.join(names)}), "
                f"not {NAMES_READ} of {' '.join(DESKS)}"
            )
    if "reception-help" in screen.grabs:
        # The help window opens on Reception's page: its title, and the guide's contents.
        help_text = ocr(screen.grabs["reception-help"]).text
        found["OCR help (F1)"] = help_text[:120]
        for words in (HELP_TITLE, DESKS[1]):
            if words not in help_text:
                failures.append(f"OCR of the help window after F1 doesn't find {words}")
    if "reception" in read and "reception-large-text" in screen.grabs:
        large = ocr(screen.grabs["reception-large-text"])
        normal_height = statistics.median(read["reception"].heights or [0])
        large_height = statistics.median(large.heights or [0])
        found["text height"] = f"{normal_height:.0f} px standard, {large_height:.0f} px large"
        if large_height < normal_height * LARGER or not normal_height:
            failures.append(
                f"the large text isn't larger: OCR word height {large_height:.0f} px against "
                f"{normal_height:.0f} px (at least ×{LARGER} expected)"
            )
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", type=Path, required=True, help="a demo database (copied)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the grabs")
    parser.add_argument("--source", type=Path, required=True, help="the tree holding app/")
    parser.add_argument("--password", required=True, help="the demo accounts' password")
    parser.add_argument("--display", type=int, default=0, help="Xvfb's display (0: a free one)")
    parser.add_argument(
        "--sheet",
        type=Path,
        help="a sign-in sheet the program printed, checked when its preview couldn't save one",
    )
    parser.add_argument("app", nargs="+", help="the program's command line (after --)")
    args = parser.parse_args(argv)
    # build.sh's timeout ends the walk with SIGTERM: the finally below still ends Xvfb and all.
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(124))

    out: Path = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="youlin-walk-"))
    database = work / "walk.sqlite3"
    shutil.copyfile(args.database, database)
    pdf = work / "signin-sheet.pdf"
    data_dir = work / "data"
    data_dir.mkdir()
    initials, person = unique_initials(database)
    visits_before = visits_of(database, person)

    wine = Path(args.app[0]).name.startswith("wine")
    as_arg: Callable[[Path], str] = windows_path if wine else str
    display = f":{args.display or _free_display()}"
    log: list[str] = []
    screen = Screen(display, out, log)
    processes: list[subprocess.Popen[bytes]] = []
    started = time.monotonic()
    try:
        processes.append(
            _start(
                ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"], work, "xvfb"
            )
        )
        deadline = time.monotonic() + 20
        while subprocess.run(
            ["xdotool", "getdisplaygeometry"], capture_output=True, env=screen.env, check=False
        ).returncode:
            if time.monotonic() > deadline or processes[0].poll() is not None:
                raise WalkFailed(f"Xvfb didn't start on {display}")
            time.sleep(0.2)
        processes.append(_start(["openbox"], work, "openbox", display))
        # A crash ends the program instead of waiting in Wine's debugger dialog.
        overrides = ";".join(filter(None, (os.environ.get("WINEDLLOVERRIDES"), "winedbg.exe=d")))
        app_env = {"YOULIN_DATA_DIR": as_arg(data_dir), "WINEDLLOVERRIDES": overrides}

        def launch() -> subprocess.Popen[bytes]:
            process = _start(
                [*args.app, "--database", as_arg(database)], work, "app", display, app_env
            )
            processes.append(process)
            return process

        screen.launch = launch
        screen.app = launch()
        walk(screen, args.password, initials, pdf)
    except (WalkFailed, subprocess.SubprocessError) as error:
        log.append(f"the walk stopped: {error}")
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
    walked = time.monotonic() - started
    failures = [line.strip() for line in log if line.startswith("the walk stopped")]
    found: dict[str, object] = {}
    expected = [
        name for name in EXPECTED if not any(crash.startswith(name) for crash in screen.crashes)
    ]
    if "menu-signin-sheet" in expected:
        expected.append("menu-saved")
    failures += check(screen, expected, args, found)
    visits = visits_of(database, person) - visits_before
    found["check-in"] = f"typed {initials}: {visits} visit(s) recorded for person {person}"
    if visits != 1:
        failures.append(f"typing {initials} and Enter on Reception recorded {visits} visits, not 1")
    if screen.crashes:
        found["KNOWN PROBLEM"] = (
            "the print preview (QtPdf) crashes the program under Wine: " + "; ".join(screen.crashes)
        )
    if pdf.exists() or not screen.crashes or args.sheet is None:
        found["sign-in sheet from"] = (
            "the preview's 另存为 (Save as), typed path in the file dialog"
        )
        failures += check_pdf(pdf, args.source, database, args.password, found)
    else:
        found["sign-in sheet from"] = f"the frozen app's `print signin-sheet` ({args.sheet.name})"
        failures += check_pdf(args.sheet, args.source, args.database, args.password, found)
    checked = time.monotonic() - started - walked

    lines = [
        f"Youlin Desk, the Windows build under Xvfb ({SCREEN[0]} × {SCREEN[1]}): "
        f"{len(screen.grabs)} screens in {out}",
        *(f"  {path.name}" for path in screen.grabs.values()),
        *(f"{key}: {value}" for key, value in found.items()),
        f"walked in {walked:.0f} s, checked in {checked:.0f} s",
        *(f"  {line.strip()}" for line in log if line.startswith("  ")),
        "result: " + ("FAILED" if failures else "all checks passed"),
        *(f"  - {failure}" for failure in failures),
    ]
    (out / "report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if failures:
        tail = (work / "app.log").read_text(errors="replace").strip()[-1500:]
        if tail:
            print(f"the program's output (last lines):\n{tail}", file=sys.stderr)
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


def check_pdf(
    pdf: Path, source: Path, database: Path, password: str, found: dict[str, object]
) -> list[str]:
    """The sign-in sheet saved through the preview: the session's roster in an embedded font."""
    if not pdf.exists() or pdf.read_bytes()[:4] != b"%PDF":
        return [f"the preview's 另存为 saved no PDF at {pdf}"]
    failures: list[str] = []
    text = "".join(run(["pdftotext", "-layout", str(pdf), "-"]).split())
    try:
        session, names = roster_names(source, database, password, text)
    except WalkFailed as error:
        return [str(error)]
    absent = [name for name in names if name.replace(" ", "") not in text]
    found["sign-in sheet"] = (
        f"{pdf.stat().st_size} bytes, {session}, {len(names) - len(absent)} of {len(names)} "
        f"names on the roster found"
    )
    if not names or absent:
        failures.append(
            f"the saved sign-in sheet lacks {len(absent)} of the roster's names: {absent[:5]}"
        )
    fonts = run(["pdffonts", str(pdf)]).splitlines()[2:]
    not_embedded = [line.split()[0] for line in fonts if line.split()[-5] != "yes"]
    found["fonts"] = ", ".join(line.split()[0] for line in fonts)
    if not fonts or not_embedded:
        failures.append(f"the sign-in sheet's fonts aren't all embedded: {not_embedded or 'none'}")
    return failures


def _free_display() -> int:
    for number in range(91, 200):
        if not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise WalkFailed("no free X display between :91 and :199")


def _start(
    cmd: Sequence[str],
    work: Path,
    name: str,
    display: str | None = None,
    extra: dict[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    env = {**os.environ, **(extra or {})}
    if display:
        env["DISPLAY"] = display
    log = (work / f"{name}.log").open("ab")
    # Windows Python dies when its standard output is a regular file: a pipe, copied by cat.
    process = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    subprocess.Popen(["cat"], stdin=process.stdout, stdout=log)
    return process


if __name__ == "__main__":
    sys.exit(main())
