"""The guide: every desk of the program and every common task has a page in each language, the
pages parse, their links lead to pages, their pictures are there and every picture is shown by a
page; and the controls tools/make_guide.py outlines are still in the real program (the script's
walk is done here without saving), so a renamed control fails here, not in a stale picture."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app import clock, help
from app.db import Database
from app.i18n import LANGUAGES
from app.security import Actor
from tests.demo_ui import open_main_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

SCRIPT = Path(__file__).resolve().parent.parent / "tools" / "make_guide.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_guide", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_guide", module)
    spec.loader.exec_module(module)
    return module


def _pictures_shown(language: str) -> set[str]:
    return {picture.file for key in help.PAGES for picture in help.load(key, language).pictures}


def test_every_desk_of_the_program_has_a_page(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = open_main_window(qtbot, db, admin)
    keys = window.desk_keys()
    assert keys == list(help.DESK_PAGES)
    for key in keys:
        assert help.page_for_desk(key) == key


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_parses_and_links_only_to_pages(language: str) -> None:
    for key in help.PAGES:
        page = help.load(key, language)
        assert page.language == language and page.title, key
        assert set(page.links) <= set(help.PAGES), key
    index = help.load(help.INDEX_PAGE, language)
    assert set(index.links) == set(help.DESK_PAGES) | set(help.TASK_PAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_task_is_steps_with_pictures(language: str) -> None:
    for key in help.TASK_PAGES:
        page = help.load(key, language)
        steps = [block for block in page.blocks if isinstance(block, help.Step)]
        assert len(steps) >= 3, key
        assert [step.number for step in steps] == list(range(1, len(steps) + 1)), key
        assert len(page.pictures) >= len(steps), key
    for key in help.DESK_PAGES:
        assert help.load(key, language).pictures, key


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_picture_is_there_and_shown_by_a_page(language: str) -> None:
    for key in help.PAGES:
        assert help.missing_pictures(help.load(key, language)) == [], key
    on_disk = {path.name for path in help.picture_folder(language).iterdir()}
    assert on_disk == _pictures_shown(language)


def test_the_pictures_stay_small() -> None:
    pictures = list((help.help_root() / "images").rglob("*.png"))
    assert sum(path.stat().st_size for path in pictures) <= 8_000_000
    for path in pictures:
        with path.open("rb") as file:
            header = file.read(26)
        width = int.from_bytes(header[16:20], "big")
        assert width <= 1100, path.name
        assert header[25] == 3, f"{path.name} is not a palette PNG"


def test_the_script_finds_every_control_it_outlines(qapp: Any, data_dir: Path) -> None:
    script = _script()
    clock.use(clock.FixedClock(script.MOMENT))
    guide = script.make("zh_CN", None, save=False)
    assert guide.made == []
    assert set(guide.shots) == {name.removesuffix(".png") for name in _pictures_shown("zh_CN")}
