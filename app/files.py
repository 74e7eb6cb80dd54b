"""Writing a finished file (a PDF, an .ics) where the person asked: all of it or nothing."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from app.errors import ValidationError
from app.i18n import translate


def write_whole(path: str | Path, data: bytes) -> Path:
    """Write `data` beside `path` and move it into place: a failed write leaves no half file
    (and an older file of that name as it was). ValidationError("path") says why it failed."""
    target = Path(path)
    if not target.name or target.is_dir():
        raise ValidationError("path", translate("Export", "Choose a file name to export to."))
    folder = target.parent if str(target.parent) else Path(".")
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=folder)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise ValidationError(
            "path",
            translate("Export", "The file %1 can't be written: %2")
            .replace("%1", str(target))
            .replace("%2", error.strerror or str(error)),
        ) from error
    return target
