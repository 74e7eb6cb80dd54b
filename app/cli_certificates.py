"""`youlin-desk print certificate --serial S -o FILE.pdf --as USER`: a certificate to a PDF file,
for scripts and administrators (staff or admin: `Permission.CERTIFICATES`). No Qt. A revoked
certificate, or a serial that isn't on file, is said and nothing is written."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from app.printing.certificates import CertificateSheet
    from app.security import Actor

    ArgumentAdder = Callable[[argparse.ArgumentParser], None]

SHEETS = ("certificate",)


def add_print_certificate(
    print_what: argparse._SubParsersAction[argparse.ArgumentParser],
    add_common: ArgumentAdder,
    add_account: ArgumentAdder,
) -> None:
    parser = print_what.add_parser("certificate", help="a certificate (证书) by its number")
    parser.add_argument(
        "--serial", required=True, metavar="S", help="the number, e.g. 东邻志证〔2026〕第0007号"
    )
    add_common(parser)
    add_account(parser)
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True)


def print_certificate(database: str | None, args: argparse.Namespace) -> int:
    """Write the certificate numbered `args.serial` to `args.output`; 0 when written."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.cli import _database_problem, _open_existing, _sign_in, _wrote
    from app.printing import certificates
    from app.services import calls

    db = _open_existing(database)
    try:
        actor = _sign_in(db, args.as_user)

        def read(session: Session, acting: Actor) -> list[CertificateSheet]:
            found = certificates.certificate_id_of(session, acting, args.serial)
            return certificates.read_certificates(session, acting, [found])

        sheets = calls.read(db, actor, read)
    except SQLAlchemyError as error:
        raise _database_problem(error) from error
    finally:
        db.dispose()
    printout = certificates.certificates_pdf(sheets)
    return _wrote(args.output, printout)
