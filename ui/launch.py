"""`youlin-desk`, the console entry point (and the frozen app's): the command line is read by
`app.cli`, which runs an administrator's sub-command without loading Qt, or starts the desk here.

    python -m ui.launch [--demo] [--database URL] [COMMAND …]
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app import cli
from app.start import StartOptions


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(_run_desk, argv)


def _run_desk(options: StartOptions) -> int:
    from ui.application import run  # Qt loads only now

    return run(options)


if __name__ == "__main__":
    sys.exit(main())
