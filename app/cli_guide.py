"""`youlin-desk print guide -o FILE.pdf [--lang en]`: the user guide (使用指南) as one PDF for the
desk's binder. It needs no database and no account: the guide is part of the program. Like every
sub-command, no Qt."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    ArgumentAdder = Callable[[argparse.ArgumentParser], None]

SHEETS = ("guide",)


def add_print_guide(
    print_what: argparse._SubParsersAction[argparse.ArgumentParser], add_common: ArgumentAdder
) -> None:
    guide = print_what.add_parser(
        "guide", help="the user guide, every page with its pictures (使用指南), for the binder"
    )
    add_common(guide)
    guide.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True)


def print_guide(args: argparse.Namespace) -> int:
    """Lay the guide out in the interface language (`--lang`, else this machine's) and write it
    to `args.output`; 0 when written."""
    from app import i18n
    from app.cli import _wrote
    from app.printing.guide import guide_pdf

    return _wrote(args.output, guide_pdf(i18n.current_language()))
