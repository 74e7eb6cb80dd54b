"""Per-machine settings (language, text size, window geometry): one typed table of defaults,
stored as JSON in the data folder. Centre-wide settings live in the database instead."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from app import paths
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

TEXT_SIZES = ("normal", "large")  # large: 长辈模式, main text at least 18 pt


@dataclass(frozen=True)
class Settings:
    language: str = DEFAULT_LANGUAGE
    text_size: str = "normal"
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    last_username: str = ""
    idle_lock_minutes: int = 15
    # A shared PostgreSQL server's address without its password ("": the local file); the
    # password is in DATABASE_PASSWORD_FILE (app.services.database_choice says why).
    database_url: str = ""
    backup_folder: str = ""  # empty: the data folder's backups/ (a USB stick may be chosen)
    # The program version whose changes this machine was last shown ("": an installation from
    # before the program said what changed). See app.whats_new.
    last_seen_version: str = ""

    def validated(self) -> Settings:
        """A copy with every unknown value replaced by its default."""
        default = Settings()
        return replace(
            self,
            language=self.language if self.language in LANGUAGES else default.language,
            text_size=self.text_size if self.text_size in TEXT_SIZES else default.text_size,
            idle_lock_minutes=self.idle_lock_minutes
            if isinstance(self.idle_lock_minutes, int) and 1 <= self.idle_lock_minutes <= 240
            else default.idle_lock_minutes,
        )


DATABASE_PASSWORD_FILE = "database-password"


def database_password_path() -> Path:
    return paths.data_dir() / DATABASE_PASSWORD_FILE


def saved_database_url() -> str | None:
    """The database address an admin saved for this machine, with its password; None: the
    local file. (No SQLAlchemy here: start-up reads this before it loads.)"""
    address = load().database_url
    if "://" not in address or "@" not in address:
        return None
    try:
        password = database_password_path().read_text(encoding="utf-8").strip()
    except OSError:
        password = ""
    if not password:
        return address
    scheme, _, rest = address.partition("://")
    user, _, place = rest.partition("@")
    return f"{scheme}://{user}:{quote(password, safe='')}@{place}"


def load(path: Path | None = None) -> Settings:
    target = path or paths.settings_path()
    try:
        raw: Any = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        log.warning("settings file %s unreadable (%s); using defaults", target, error)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    values = {
        key: value
        for key, value in raw.items()
        if key in known and _fits(value, getattr(Settings(), key))
    }
    return Settings(**values).validated()


def _fits(value: Any, default: Any) -> bool:
    """A value of the default's own type (true/false is no number of minutes) that can be
    written back: a hand-edited file may hold a lone surrogate ("\\udcff"), which UTF-8 can't."""
    if type(value) is not type(default):
        return False
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
    return True


def save(settings: Settings, path: Path | None = None) -> None:
    """Write atomically; a read-only data folder raises OSError for the caller to report."""
    target = path or paths.settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    partial.replace(target)
