"""Logging to a file in the data folder; unexpected errors land there with their traceback."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def set_up(level: int = logging.INFO) -> Path | None:
    """Log to the data folder's log file; None when the folder can't be written (stderr only)."""
    root = logging.getLogger()
    root.setLevel(level)
    target = paths.log_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
        target = None  # type: ignore[assignment]
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    return target
