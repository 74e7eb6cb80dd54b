"""`youlin-desk retention --as ADMIN [--dry-run]`: anonymise the visits and resolved requests older
than the centre's retention period, as Settings' 立即执行 does, in short batches so the desks keep
working meanwhile. Admins only. Like every sub-command, no Qt."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.i18n import translate

if TYPE_CHECKING:
    from collections.abc import Callable

    ArgumentAdder = Callable[[argparse.ArgumentParser], None]


def add_retention(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    add_common: ArgumentAdder,
    add_account: ArgumentAdder,
) -> None:
    parser = commands.add_parser(
        "retention",
        help="anonymise visits and resolved requests older than the retention period",
    )
    add_common(parser)
    add_account(parser)
    parser.add_argument(
        "--dry-run", action="store_true", help="say how many would be anonymised; change nothing"
    )


def run(database: str | None, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.cli import _database_problem, _open_existing, _sign_in
    from app.services import calls, retention

    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)
        due = calls.read(db, actor, retention.preview)
        result = retention.anonymise(db, actor, dry_run=args.dry_run)
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    print(
        translate("Cli", "Kept for %1 months: everything before %2 is anonymised.")
        .replace("%1", str(due.months))
        .replace("%2", due.cutoff.date().isoformat())
    )
    counts = (
        translate("Cli", "Dry run: %1 visits and %2 requests would be anonymised; nothing changed.")
        if args.dry_run
        else translate("Cli", "Anonymised %1 visits and %2 requests in %3 s.").replace(
            "%3", f"{result.seconds:.1f}"
        )
    )
    print(counts.replace("%1", str(result.visits)).replace("%2", str(result.requests)))
    if due.open_requests_kept:
        print(
            translate("Cli", "%1 older requests are still open and were kept as they are.").replace(
                "%1", str(due.open_requests_kept)
            )
        )
    print(
        translate(
            "Cli", "%1 people have had no activity for the period: review them in Settings."
        ).replace("%1", str(due.inactive_people))
    )
    return 0
