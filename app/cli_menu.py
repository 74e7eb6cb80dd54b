"""`youlin-desk print signin-sheet` and `youlin-desk print menu`: the Service menu's print-outs
to a PDF file, for scripts and administrators. Like every sub-command, no Qt."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.i18n import translate

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from app.printing.service_menu import ServiceMenuData
    from app.printing.signin_sheet import SigninSheetData
    from app.security import Actor

    ArgumentAdder = Callable[[argparse.ArgumentParser], None]

SHEETS = ("signin-sheet", "menu")


def add_print_menu(
    print_what: argparse._SubParsersAction[argparse.ArgumentParser],
    add_common: ArgumentAdder,
    add_account: ArgumentAdder,
) -> None:
    sheet = print_what.add_parser("signin-sheet", help="a session's sign-in sheet (签到表)")
    sheet.add_argument("--session", type=int, required=True, metavar="ID", help="the session")
    sheet.add_argument(
        "--blank-rows",
        type=int,
        default=10,
        metavar="N",
        help="numbered empty rows for walk-ins (default 10)",
    )
    menu = print_what.add_parser("menu", help="the printed service menu of a month (服务菜单)")
    menu.add_argument("--month", metavar="YYYY-MM", required=True, help="the month")
    for parser in (sheet, menu):
        add_common(parser)
        add_account(parser)
        parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True)


def month_of(text: str) -> dt.date:
    """2026-11 (or 2026-11-05) → 2026-11-01; a ValidationError saying how to write it."""
    try:
        parts = [int(part) for part in text.strip().split("-")]
        if len(parts) not in (2, 3):
            raise ValueError(text)
        return dt.date(parts[0], parts[1], 1)
    except ValueError:
        raise ValidationError(
            "month",
            translate("Cli", "“%1” is not a month: write it as YYYY-MM, e.g. 2026-11.").replace(
                "%1", text
            ),
        ) from None


def print_menu_sheet(database: str | None, args: argparse.Namespace) -> int:
    """Write the sign-in sheet or the month's menu to `args.output`; 0 when written."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.cli import _database_problem, _open_existing, _sign_in, _wrote
    from app.printing import service_menu, signin_sheet
    from app.services import calls

    # Before the password: a mistyped month or row count is said at once.
    if args.sheet == "menu":
        month = month_of(args.month)
    else:
        signin_sheet.check_blank_rows(args.blank_rows)
    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)

        def read(session: Session, acting: Actor) -> ServiceMenuData | SigninSheetData:
            if args.sheet == "menu":
                return service_menu.read_service_menu(session, acting, month)
            return signin_sheet.read_signin_sheet(session, acting, args.session)

        data = calls.read(db, actor, read)
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    # Laid out after the read transaction has ended: no desk waits on the layout.
    if isinstance(data, service_menu.ServiceMenuData):
        printout = service_menu.service_menu_pdf(data)
    else:
        printout = signin_sheet.signin_sheet_pdf(data, blank_rows=args.blank_rows)
    return _wrote(args.output, printout)
