"""The `youlin-desk` command line: its options, and the administrator's sub-commands, which never
import Qt. Starting the desk itself is handed to the caller (`ui.launch`, the console entry point),
so that this module, like all of `app`, never imports `ui`."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import (
    __version__,
    cli_backup,
    cli_certificates,
    cli_guide,
    cli_menu,
    cli_report,
    cli_retention,
    cli_rota,
    i18n,
    paths,
    start,
)
from app.errors import DomainError, ValidationError
from app.i18n import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database
    from app.printing.glyphs import Printout
    from app.security import Actor

# The acting account's password for sub-commands run by scripts; asked for when unset.
PASSWORD_ENV = "YOULIN_PASSWORD"
REPORT_LINES = 30  # lines of the row report printed by import-residents

# Runs the desk until it is closed; the process's exit code (ui.application.run).
StartDesk = Callable[[start.StartOptions], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="youlin-desk",
        description="友邻前台 Youlin Desk — the neighbourhood centre's front desk.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common(parser)
    parser.add_argument("--demo", action="store_true", help="start on a fresh demo database")
    parser.add_argument("--smoke", action="store_true", help="show the first window, then exit 0")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="write a demo centre into a database")
    _add_common(demo)
    demo.add_argument("--people", type=int, default=3000, help="residents to create (3000)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (1)")

    migrate = commands.add_parser("migrate", help="upgrade the database to this version's schema")
    _add_common(migrate)

    residents = commands.add_parser(
        "import-residents", help="import a roster of residents from an Excel file (.xlsx)"
    )
    _add_common(residents)
    _add_account(residents)
    residents.add_argument("file", metavar="FILE.xlsx", type=Path)
    residents.add_argument(
        "--all-or-nothing",
        action="store_true",
        help="import nothing if any row has an error (default: import the valid rows)",
    )
    residents.add_argument(
        "--dry-run", action="store_true", help="check the rows and report; write nothing"
    )
    residents.add_argument(
        "--report", metavar="FILE.csv", type=Path, help="also write the whole row report here"
    )

    export = commands.add_parser(
        "export", help="export people or visits to .xlsx or .csv, or room bookings to .ics"
    )
    _add_common(export)
    _add_account(export)
    export.add_argument("what", choices=("people", "visits", "rooms-ics"))
    export.add_argument(
        "--format", choices=("xlsx", "csv"), help="file format (default: from the file name)"
    )
    export.add_argument("-o", "--output", metavar="FILE", type=Path, required=True)
    export.add_argument(
        "--full", action="store_true", help="full phone and ID numbers instead of masked ones"
    )
    export.add_argument(
        "--room", metavar="NAME_OR_ID", help="rooms-ics: this room only (default: all rooms)"
    )

    printing = commands.add_parser("print", help="write a print-out to a PDF file")
    _add_common(printing)
    sheets = printing.add_subparsers(dest="sheet", metavar="SHEET", required=True)
    room_day = sheets.add_parser(
        "room-day", help="the day's door sheets, one page per room (--overview: one table)"
    )
    room_week = sheets.add_parser(
        "room-week", help="the week (Monday to Sunday) holding --date, rooms by days"
    )
    for sheet in (room_day, room_week):
        _add_common(sheet)
        _add_account(sheet)
        sheet.add_argument("--date", metavar="YYYY-MM-DD", required=True, help="the day")
        sheet.add_argument("--room", metavar="NAME_OR_ID", help="this room only (default: all)")
        sheet.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True)
    room_day.add_argument(
        "--overview",
        action="store_true",
        help="all rooms' bookings in one table instead of a door sheet per room",
    )
    _add_print_agenda(sheets)
    cli_menu.add_print_menu(sheets, _add_common, _add_account)
    cli_rota.add_print_rota(sheets, _add_common, _add_account)
    cli_certificates.add_print_certificate(sheets, _add_common, _add_account)
    cli_report.add_print_report(sheets, _add_common, _add_account)
    cli_guide.add_print_guide(sheets, _add_common)
    cli_backup.add_commands(commands, _add_common, _add_account)
    cli_retention.add_retention(commands, _add_common, _add_account)
    return parser


# --- print agenda -----------------------------------------------------------------------------


def _add_print_agenda(print_what: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    agenda = print_what.add_parser("agenda", help="a council meeting's agenda (议程)")
    _add_common(agenda)
    _add_account(agenda)
    agenda.add_argument("--booking", type=int, required=True, metavar="ID", help="the meeting")
    agenda.add_argument(
        "--minutes", action="store_true", help="with the recorded outcomes (会议纪要)"
    )
    agenda.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True)


def _print_agenda(database: str | None, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app import clock
    from app.printing import agenda
    from app.services import calls

    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)
        meeting, centre = calls.read(
            db, actor, lambda session, a: agenda.meeting_for_print(session, a, args.booking)
        )
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    printout = agenda.agenda_printout(meeting, centre, clock.now(), minutes=args.minutes)
    try:
        args.output.write_bytes(printout.pdf)
    except OSError as error:
        raise DomainError(
            translate("Export", "The file %1 can't be written: %2")
            .replace("%1", str(args.output))
            .replace("%2", error.strerror or str(error))
        ) from error
    print(
        translate("Cli", "%1: %2 items, written to %3.")
        .replace("%1", meeting.title)
        .replace("%2", str(len(meeting.items)))
        .replace("%3", str(args.output))
    )
    if printout.unprintable:
        print(printout.warning(), file=sys.stderr)
    return 0


# ---------------------------------------------------------------------------------------------


def _add_account(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="USER",
        required=True,
        help=f"the admin account acting (password from ${PASSWORD_ENV}, else asked)",
    )


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database", metavar="URL", default=argparse.SUPPRESS, help="database URL or SQLite file"
    )
    parser.add_argument(
        "--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help="interface language"
    )


def main(start_desk: StartDesk, argv: Sequence[str] | None = None) -> int:
    """Run `youlin-desk` with `argv`: a sub-command here, or the desk through `start_desk`."""
    _tolerant_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Qt's own options (-platform offscreen, -style …) are passed through to QApplication.
    ours, qt_args = _split_qt_args(args_list)
    args = _parser().parse_args(ours)
    language = getattr(args, "lang", None)
    i18n.set_language(language or _saved_language())
    database = getattr(args, "database", None)
    try:
        if args.command == "demo":
            return _demo(database, args.people, args.seed)
        if args.command == "migrate":
            return _migrate(database)
        if args.command in cli_backup.COMMANDS:
            return cli_backup.run(database, args)
        if args.command == "import-residents":
            return _import_residents(database, args)
        if args.command == "retention":
            return cli_retention.run(database, args)
        if args.command == "export":
            if args.what == "rooms-ics":
                return _export_ics(database, args)
            return _export(database, args)
        if args.command == "print":
            if args.sheet == "agenda":
                return _print_agenda(database, args)
            if args.sheet in cli_menu.SHEETS:
                return cli_menu.print_menu_sheet(database, args)
            if args.sheet in cli_rota.SHEETS:
                return cli_rota.print_rota(database, args)
            if args.sheet in cli_certificates.SHEETS:
                return cli_certificates.print_certificate(database, args)
            if args.sheet in cli_guide.SHEETS:
                return cli_guide.print_guide(args)
            if args.sheet in cli_report.SHEETS:
                return cli_report.print_monthly_report(database, args)
            return _print_sheets(database, args)
        return _start(start_desk, args, database, language, tuple(qt_args))
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return 2


def _tolerant_output() -> None:
    """Chinese messages into a console or pipe that can't encode them (cp1252 on an English
    Windows) come out with replacement marks instead of ending the command with an error.
    A windowed program has no streams at all (None)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _split_qt_args(argv: list[str]) -> tuple[list[str], list[str]]:
    ours: list[str] = []
    qt: list[str] = []
    it = iter(argv)
    for arg in it:
        if arg in ("-platform", "-style", "-qwindowgeometry", "-platformtheme"):
            qt.extend([arg, next(it, "")])
        else:
            ours.append(arg)
    return ours, qt


def _saved_language() -> str:
    from app import settings

    return settings.load().language


def _demo(database: str | None, people: int, seed: int) -> int:
    if database is None:
        print(translate("Cli", "Name the database to write with --database URL."), file=sys.stderr)
        return 2
    from app import demo

    url = paths.normalise_url(database)
    summary = demo.write_demo(url, people=people, seed=seed)
    print(
        translate("Cli", "Demo centre written to %1: %2 people in %3 s.")
        .replace("%1", url)
        .replace("%2", str(summary.people))
        .replace("%3", f"{summary.seconds:.1f}")
    )
    return 0


def _migrate(database: str | None) -> int:
    from app import migrate
    from app.db import Database

    url = paths.resolve_database_url(database)
    start.ensure_folder(url)
    db = Database(url)
    try:
        before = migrate.upgrade(db)
    finally:
        db.dispose()
    if before == migrate.HEAD_REVISION:
        print(translate("Cli", "The database is up to date (%1).").replace("%1", before))
    else:
        print(
            translate("Cli", "Database upgraded from %1 to %2.")
            .replace("%1", before or "—")
            .replace("%2", migrate.HEAD_REVISION)
        )
    return 0


def _open_existing(database: str | None) -> Database:
    """The centre's database, upgraded like the desk does; a SQLite file must exist already."""
    from app import migrate
    from app.backup import sqlite_file
    from app.db import Database
    from app.errors import DatabaseProblem

    url = paths.resolve_database_url(database)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise DatabaseProblem(
            translate(
                "Cli", "There is no database at %1. Name the centre's database with --database."
            ).replace("%1", str(path))
        )
    db = Database(url)
    try:
        migrate.upgrade(db)
    except DomainError as error:
        db.dispose()
        from app.backup.restore import looks_damaged

        if path is not None and looks_damaged(error.message):
            raise DatabaseProblem(cli_backup.damaged_message(path, error.message)) from error
        raise
    db.follow_its_clock()
    return db


def _wrote(output: str | Path, printout: Printout) -> int:
    """Save a print command's PDF whole, say where and how many pages, and warn on stderr of any
    character no font could print."""
    from app.files import write_whole

    write_whole(output, printout.pdf)
    print(
        translate("Cli", "Wrote %1: %2 pages.")
        .replace("%1", str(output))
        .replace("%2", str(printout.pages))
    )
    if printout.unprintable:
        print(printout.warning(), file=sys.stderr)
    return 0


def _sign_in(db: Database, username: str) -> Actor:
    """The acting account, signed in (and audited) with the password from the environment or
    typed at a prompt that doesn't echo it."""
    from app.services import accounts

    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        try:
            password = getpass.getpass(translate("Cli", "Password of %1: ").replace("%1", username))
        except (EOFError, KeyboardInterrupt) as error:
            raise ValidationError("password", translate("Cli", "No password was given.")) from error
    try:
        with db.write() as session:
            return accounts.login(session, username, password)
    except ValidationError as refusal:
        with db.write() as session:
            locked = accounts.record_failed_login(session, username)
        if locked is not None:
            raise locked from None
        raise refusal from None


def _database_problem(error: Exception) -> DomainError:
    from app.errors import DatabaseProblem

    return DatabaseProblem(
        translate("Errors", "The database can't be opened: %1").replace(
            "%1", str(error).splitlines()[0][:200]
        )
    )


def _import_residents(database: str | None, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.services import calls, roster

    preview = roster.read_roster(args.file)  # before the password: a bad file is said at once
    print(
        translate("Cli", "%1, sheet “%2”, header in row %3: %4 rows of people.")
        .replace("%1", preview.file_name)
        .replace("%2", preview.sheet)
        .replace("%3", str(preview.header_row))
        .replace("%4", str(len(preview.rows)))
    )
    print(translate("Cli", "Columns: %1").replace("%1", roster.mapping_text(preview)))
    mode = roster.ImportMode.ALL_OR_NOTHING if args.all_or_nothing else roster.ImportMode.VALID_ROWS
    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)
        if args.dry_run:
            report = calls.read(
                db, actor, lambda session, a: roster.validate(session, a, preview, preview.mapping)
            )
            result = roster.ImportResult(report, mode, written=False)
        else:
            # In short batches, as the desk does: the other desks keep checking visitors in.
            result = roster.import_roster(db, actor, preview, preview.mapping, mode)
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    report = result.report
    for line in roster.report_lines(report, limit=REPORT_LINES):
        print(line)
    if args.report is not None:
        roster.write_report(report, args.report)
        print(translate("Cli", "The whole report is in %1.").replace("%1", str(args.report)))
    print(roster.counts_text(report))
    if args.dry_run:
        print(translate("Cli", "Dry run: nothing was written."))
    else:
        print(roster.summary(result))
    return 2 if report.errors and mode is roster.ImportMode.ALL_OR_NOTHING else 0


def _export(database: str | None, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.services import export

    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)
        # Read in a read transaction, recorded in a short write: no desk waits on an export.
        result = export.export_file(
            db, actor, args.what, args.output, file_format=args.format, full=args.full
        )
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    print(export.summary(result))
    return 0


def _day(text: str) -> dt.date:
    """A date typed on the command line, or a ValidationError saying how to write one."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            "date",
            translate(
                "Cli", "“%1” is not a date: write it as YYYY-MM-DD, e.g. 2026-11-25."
            ).replace("%1", text),
        ) from None


def _print_sheets(database: str | None, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.files import write_whole
    from app.printing import room_sheets
    from app.services import calls
    from app.services.rooms.lookup import find_room

    day = _day(args.date)  # before the password: a mistyped date is said at once
    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)

        def read(session: Session, acting: Actor) -> room_sheets.RoomSheetData:
            room_id = find_room(session, args.room).id if args.room else None
            if args.sheet == "room-week":
                return room_sheets.week_sheets(session, acting, day, room_id)
            return room_sheets.day_sheets(session, acting, day, room_id)

        data = calls.read(db, actor, read)
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    if args.sheet == "room-week":
        printout = room_sheets.week_overview_pdf(data)
    elif args.overview:
        printout = room_sheets.day_overview_pdf(data, day)
    else:
        printout = room_sheets.door_sheets_pdf(data, day)
    write_whole(args.output, printout.pdf)
    print(
        translate("Cli", "Wrote %1: %2 pages, %3 bookings.")
        .replace("%1", str(args.output))
        .replace("%2", str(printout.pages))
        .replace("%3", str(len(data.bookings)))
    )
    if printout.unprintable:
        print(printout.warning(), file=sys.stderr)
    return 0


def _export_ics(database: str | None, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.services import calls
    from app.services.rooms import ical
    from app.services.rooms.lookup import find_room

    if args.full or args.format:
        raise ValidationError(
            "full",
            translate(
                "Cli", "rooms-ics writes an .ics file with masked phone numbers: leave out %1."
            ).replace("%1", "--full" if args.full else "--format"),
        )
    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)
        room_id = None
        if args.room:
            room_id = calls.read(db, actor, lambda session, _a: find_room(session, args.room).id)
        result = ical.export_ics_file(db, actor, args.output, room_id)
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    print(ical.summary(result, args.output))
    return 0


def _start(
    start_desk: StartDesk,
    args: argparse.Namespace,
    database: str | None,
    language: str | None,
    qt_args: tuple[str, ...],
) -> int:
    options = start.desk_options(
        database, language, demo=args.demo, smoke=args.smoke, qt_args=qt_args
    )
    try:
        return start_desk(options)
    finally:
        start.remove_demo_folder(options)
