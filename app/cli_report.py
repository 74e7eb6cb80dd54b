"""`youlin-desk print monthly-report --month 2026-11 -o FILE.pdf`: the month's report (工作月报)
to a PDF file, for scripts and administrators. Staff and administrators only (REPORTS), as on the
desk. Like every sub-command, no Qt."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    ArgumentAdder = Callable[[argparse.ArgumentParser], None]

SHEETS = ("monthly-report",)


def add_print_report(
    print_what: argparse._SubParsersAction[argparse.ArgumentParser],
    add_common: ArgumentAdder,
    add_account: ArgumentAdder,
) -> None:
    report = print_what.add_parser(
        "monthly-report", help="the monthly report of the centre's work, with charts (工作月报)"
    )
    report.add_argument("--month", metavar="YYYY-MM", required=True, help="the month")
    add_common(report)
    add_account(report)
    report.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True)


def print_monthly_report(database: str | None, args: argparse.Namespace) -> int:
    """Count the month's figures, lay out the report and write it to `args.output`; 0 when
    written."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.cli import _database_problem, _open_existing, _sign_in, _wrote
    from app.printing.monthly_report import monthly_report
    from app.services.statistics.period import Period

    period = Period.parse_month(args.month)  # before the password: a mistyped month is said
    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)
        printout = monthly_report(db, actor, period)
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    return _wrote(args.output, printout)
