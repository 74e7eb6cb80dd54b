"""What the desk starts with, decided before Qt loads: the start-up options, the demo centre in
its temporary folder (made before the desk starts, removed when it ends), the demo's accounts,
and the check that a SQLite file's folder can hold the database.

Both layers use this module: `app.cli` makes the options, `ui` starts the desk with them.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.i18n import translate

log = logging.getLogger(__name__)

# "user:password": log in at start without the dialog (benchmarks and packaging checks).
AUTOLOGIN_ENV = "YOULIN_AUTOLOGIN"

DEMO_PASSWORD = "demo1234"
DEMO_ACCOUNTS = (("desk", "desk"), ("staff", "staff"), ("admin", "admin"))  # (username, role)
DEMO_PEOPLE = 3000  # residents of the `--demo` centre
DEMO_FOLDER_PREFIX = "youlin-demo-"


@dataclass(frozen=True)
class StartOptions:
    """What the desk starts with, decided by the command line before Qt is imported."""

    database_url: str
    language: str | None  # None: the machine's saved setting
    demo: bool = False
    smoke: bool = False
    autologin: tuple[str, str] | None = None
    qt_args: tuple[str, ...] = ()
    demo_folder: Path | None = None  # the `--demo` centre's temporary folder, removed at the end


def desk_options(
    database: str | None,
    language: str | None,
    *,
    demo: bool = False,
    smoke: bool = False,
    qt_args: tuple[str, ...] = (),
) -> StartOptions:
    """The desk's options from the command line; with `demo`, a demo centre written first into
    a new temporary folder (the caller removes it with `remove_demo_folder` when the desk ends)."""
    folder: Path | None = None
    autologin: tuple[str, str] | None = None
    if demo:
        folder = write_demo_folder()
        url = paths.sqlite_url(folder / "demo.sqlite3")
        autologin = ("admin", DEMO_PASSWORD) if smoke else None
    else:
        # The desk checks the folder itself (ensure_folder), so a person sees why in a window.
        url = paths.resolve_database_url(database)
    raw = os.environ.get(AUTOLOGIN_ENV, "")
    if ":" in raw:
        user, _, password = raw.partition(":")
        autologin = (user, password)
    return StartOptions(
        database_url=url,
        language=language,
        demo=demo,
        smoke=smoke,
        autologin=autologin,
        qt_args=qt_args,
        demo_folder=folder,
    )


def write_demo_folder() -> Path:
    """A new temporary folder holding a demo centre (`demo.sqlite3`); nothing is left behind
    when writing it fails."""
    from app import demo

    folder = Path(tempfile.mkdtemp(prefix=DEMO_FOLDER_PREFIX))
    print(translate("Cli", "Writing a demo centre to %1 …").replace("%1", str(folder)), flush=True)
    try:
        demo.write_demo(paths.sqlite_url(folder / "demo.sqlite3"), people=DEMO_PEOPLE, seed=1)
    except BaseException:
        remove_folder(folder)
        raise
    return folder


def remove_demo_folder(options: StartOptions) -> None:
    """Remove the `--demo` centre's temporary folder (the desk has closed its database)."""
    if options.demo_folder is not None:
        remove_folder(options.demo_folder)


def remove_folder(folder: Path) -> None:
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        pass
    except OSError:
        # A file still open (Windows) keeps the folder; the program ends normally all the same.
        log.warning("could not remove the demo folder %s", folder, exc_info=True)
        print(
            translate("Cli", "The demo folder %1 could not be removed.").replace("%1", str(folder)),
            file=sys.stderr,
        )


def ensure_folder(url: str) -> None:
    """Create the SQLite file's folder, or say clearly why it can't be."""
    from app.backup import sqlite_file
    from app.errors import DatabaseProblem

    path = sqlite_file(url)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseProblem(
            translate("Errors", "The data folder %1 can't be created: %2")
            .replace("%1", str(path.parent))
            .replace("%2", error.strerror or str(error))
        ) from error
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DatabaseProblem(
            translate(
                "Errors",
                "The database %1 can't be written: the folder or file is read-only. "
                "Choose another location with --database.",
            ).replace("%1", str(path))
        )
