"""What every desk is given: the database, the acting account, and the machine's settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app import settings as settings_module
from app.db import Database
from app.security import Actor
from app.settings import Settings


@dataclass
class DeskContext:
    db: Database
    actor: Actor
    settings: Settings
    demo: bool = False
    # Called after a desk changed something every other desk shows (centre name, communities).
    on_data_changed: list[Callable[[], None]] = field(default_factory=list)
    # Applies a new text size to the whole running interface (set by the application).
    apply_text_size: Callable[[str], None] = lambda _size: None

    def save_settings(self, new: Settings) -> None:
        """Keep and persist the machine's settings; OSError when the data folder is read-only."""
        self.settings = new
        settings_module.save(new)

    def data_changed(self) -> None:
        for callback in list(self.on_data_changed):
            callback()
