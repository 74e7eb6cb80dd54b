"""`youlin-desk print rota`: the month's (or a week's) duty rota (值班表) per community to a PDF
file, for scripts and administrators. Like every sub-command, no Qt."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import NotFound, ValidationError
from app.i18n import translate

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from app.printing.rota import RotaData
    from app.security import Actor

    ArgumentAdder = Callable[[argparse.ArgumentParser], None]

SHEETS = ("rota",)


def add_print_rota(
    print_what: argparse._SubParsersAction[argparse.ArgumentParser],
    add_common: ArgumentAdder,
    add_account: ArgumentAdder,
) -> None:
    sheet = print_what.add_parser("rota", help="the volunteers' duty rota (值班表)")
    when = sheet.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", metavar="YYYY-MM", help="the month")
    when.add_argument("--week", metavar="YYYY-MM-DD", help="the week holding this day")
    sheet.add_argument("--community", metavar="NAME", help="this community only (default: all)")
    add_common(sheet)
    add_account(sheet)
    sheet.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True)


def period_of(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    from app.cli_menu import month_of
    from app.printing.rota import month_span
    from app.services.volunteers.rota import week_start

    if args.month:
        return month_span(month_of(args.month))
    try:
        monday = week_start(dt.date.fromisoformat(args.week.strip()))
    except ValueError:
        raise ValidationError(
            "week",
            translate("Cli", "“%1” is not a day: write it as YYYY-MM-DD, e.g. 2026-11-23.").replace(
                "%1", args.week
            ),
        ) from None
    return monday, monday + dt.timedelta(days=6)


def print_rota(database: str | None, args: argparse.Namespace) -> int:
    """Write the rota to `args.output`; 0 when written."""
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError

    from app.cli import _database_problem, _open_existing, _sign_in, _wrote
    from app.models import Community
    from app.printing import rota
    from app.services import calls

    first, last = period_of(args)  # before the password: a mistyped month is said at once
    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)

        def read(session: Session, acting: Actor) -> RotaData:
            community_id = None
            if args.community:
                community_id = session.scalar(
                    select(Community.id).where(Community.name == args.community.strip())
                )
                if community_id is None:
                    raise NotFound(
                        translate("Cli", "No community is called “%1”.").replace(
                            "%1", args.community
                        )
                    )
            return rota.read_rota(session, acting, first, last, community_id=community_id)

        data = calls.read(db, actor, read)
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    printout = rota.rota_pdf(data)
    return _wrote(args.output, printout)
