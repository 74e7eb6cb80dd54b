"""Where the user's data live: one folder per machine user, overridable for tests and scripts."""

from __future__ import annotations

import os
from pathlib import Path

from app import APP_NAME

DATA_DIR_ENV = "YOULIN_DATA_DIR"
DATABASE_URL_ENV = "YOULIN_DATABASE_URL"


def data_dir() -> Path:
    """The user's data folder (database, backups, logs, settings); not created here."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_database_path() -> Path:
    return data_dir() / "youlin.sqlite3"


def backups_dir() -> Path:
    return data_dir() / "backups"


def log_path() -> Path:
    return data_dir() / "logs" / "youlin-desk.log"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def resolve_database_url(cli_url: str | None = None) -> str:
    """`--database` beats `YOULIN_DATABASE_URL`, which beats the server an admin saved in
    Settings for this machine, which beats the file in the data folder."""
    if cli_url:
        return normalise_url(cli_url)
    env = os.environ.get(DATABASE_URL_ENV)
    if env:
        return normalise_url(env)
    from app import settings  # settings imports this module

    saved = settings.saved_database_url()
    if saved:
        return saved
    return sqlite_url(default_database_path())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve().as_posix()}"


def normalise_url(url: str) -> str:
    """Accept a bare file path as well as a URL, so `--database C:\\desk\\youlin.db` works."""
    if "://" in url:
        return url
    return sqlite_url(Path(url))
