"""The Chinese catalogue is complete, compiled, and used by both `app` and the interface."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from app import i18n
from app.resources import resource_path
from ui import i18n as ui_i18n

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = resource_path("translations/youlin_zh_CN.ts")
PLACEHOLDER = re.compile(r"%L?(\d+)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str  # the disambiguation, "" when none
    translation: str | None  # None when unfinished, obsolete or vanished
    text: str  # whatever the <translation> element holds


def read_catalogue(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            element = message.find("translation")
            text = "" if element is None else (element.text or "")
            done = element is not None and element.get("type") is None and text.strip() != ""
            source = message.findtext("source", "")
            comment = message.findtext("comment", "")
            messages.append(Message(name, source, comment, text if done else None, text))
    return messages


def source_files() -> list[Path]:
    files = [*(ROOT / "app").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    return sorted(path for path in files if "__pycache__" not in path.parts)


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    return read_catalogue(CATALOGUE)


def test_every_message_is_translated(messages: list[Message]) -> None:
    assert messages
    unfinished = [(m.context, m.source) for m in messages if m.translation is None]
    assert unfinished == []
    assert 'type="unfinished"' not in CATALOGUE.read_text(encoding="utf-8")


def test_placeholders_are_kept(messages: list[Message]) -> None:
    changed = [
        (m.source, m.text)
        for m in messages
        if set(PLACEHOLDER.findall(m.source)) != set(PLACEHOLDER.findall(m.text))
    ]
    assert changed == []


def test_english_is_not_copied_over(messages: list[Message]) -> None:
    """A translation equal to its source is left untranslated, unless it has no English words."""
    copied = [
        m.source
        for m in messages
        if m.text == m.source and set(re.findall(r"[A-Za-z]{3,}", m.source)) - {"Ctrl", "Shift"}
    ]
    assert copied == []


def test_catalogue_holds_exactly_the_messages_of_the_sources(
    tmp_path: Path, messages: list[Message]
) -> None:
    """What `tools/update_translations.py` would collect now: nothing missing, nothing stale."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate is not None
    listing = tmp_path / "sources.lst"
    listing.write_text("".join(f"{path}\n" for path in source_files()), encoding="utf-8")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            lupdate,
            f"@{listing}",
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    collected = {(m.context, m.source) for m in read_catalogue(fresh)}
    catalogued = {(m.context, m.source) for m in messages}
    assert sorted(collected - catalogued) == [], "run tools/update_translations.py"
    assert sorted(catalogued - collected) == [], "run tools/update_translations.py"


# One-line calls with literal text; lupdate above sees multi-line calls too.
APP_CALL = re.compile(r"""\btranslate\(\s*"([^"\\]+)",\s*"((?:[^"\\]|\\.)*)"\s*\)""")
UI_CALL = re.compile(r"""\btr\(\s*"((?:[^"\\]|\\.)*)"\s*\)""")


def test_source_scan_agrees_with_the_catalogue(messages: list[Message]) -> None:
    """A check that doesn't trust lupdate: every literal translate()/tr() call is catalogued."""
    catalogued = {(m.context, m.source) for m in messages}
    sources = {m.source for m in messages}
    missing = []
    calls = 0
    for path in source_files():
        if path == ROOT / "app" / "i18n.py":
            continue  # defines translate(); its docstring shows a call
        text = path.read_text(encoding="utf-8")
        folder = path.relative_to(ROOT).parts[0]
        for context, source in APP_CALL.findall(text):
            calls += 1
            if (context, ast.literal_eval(f'"{source}"')) not in catalogued:
                missing.append((str(path.relative_to(ROOT)), context, source))
        if folder == "ui":
            for source in UI_CALL.findall(text):
                calls += 1
                if ast.literal_eval(f'"{source}"') not in sources:
                    missing.append((str(path.relative_to(ROOT)), "tr", source))
    assert calls > 0
    assert missing == []


# translate(self.CONTEXT, "text"): lupdate can't know the context, so it never collects the text.
VARIABLE_CONTEXT = re.compile(r"""\btranslate\(\s*(?!["\s])([^,()]+),\s*[rbuf]?["']""")


def test_translate_calls_name_their_context_literally() -> None:
    unseen = []
    for path in source_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if VARIABLE_CONTEXT.search(line):
                unseen.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert unseen == [], "lupdate skips these; name the context as a string literal"


def test_compiled_catalogue_matches_the_source_catalogue(
    qapp: QApplication, messages: list[Message]
) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations/youlin_zh_CN.qm")))
    assert translator.translate("Errors", "Please fill in %1.") == "请填写%1。"
    stale = [
        (m.context, m.source)
        for m in messages
        if m.translation is not None
        and translator.translate(m.context, m.source, m.comment or None) != m.translation
    ]
    assert stale == [], "run tools/update_translations.py to recompile the .qm"


def test_qt_own_translation_is_bundled(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations/qtbase_zh_CN.qm")))
    assert translator.translate("QPlatformTheme", "Cancel") == "取消"


def test_app_translate_follows_the_language() -> None:
    i18n.set_language("zh_CN")
    assert i18n.translate("Errors", "Please fill in %1.") == "请填写%1。"
    assert i18n.translate("Errors", "no such message") == "no such message"
    i18n.set_language("en")
    assert i18n.translate("Errors", "Please fill in %1.") == "Please fill in %1."


@pytest.fixture
def installed(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators: list[QTranslator] = []
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


def test_install_translators_for_chinese(qapp: QApplication, installed: list[QTranslator]) -> None:
    installed += ui_i18n.install_translators(qapp, "zh_CN")
    assert len(installed) == 2
    assert QCoreApplication.translate("Errors", "Please fill in %1.") == "请填写%1。"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_install_translators_for_english(qapp: QApplication, installed: list[QTranslator]) -> None:
    installed += ui_i18n.install_translators(qapp, "en")
    assert installed == []
    assert QCoreApplication.translate("Errors", "Please fill in %1.") == "Please fill in %1."


def test_install_translators_refuses_what_does_not_load(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(ui_i18n.CATALOGUES, "zh_CN", ("translations/youlin_zh_CN.ts",))
    with pytest.raises(RuntimeError, match=r"youlin_zh_CN\.ts"):
        ui_i18n.install_translators(qapp, "zh_CN")
    with pytest.raises(ValueError, match="unknown language"):
        ui_i18n.install_translators(qapp, "fr")


@pytest.mark.usefixtures("chinese")
def test_weekdays_and_booking_words_are_said_as_each_place_means_them() -> None:
    """The catalogue gives one Chinese text per English source: a rule says 每周三 (周三), the
    calendar and the settings 星期三; a booking's kind and status read the same everywhere."""
    import datetime as dt

    from app.choices import BookingStatus
    from app.services.rooms import setup
    from app.services.rooms.recurrence import Frequency, Recurrence
    from ui import labels
    from ui.rooms.calendar import painting
    from ui.settings import common

    wednesday = dt.date(2026, 11, 25)
    weekly = Recurrence(Frequency.WEEKLY, weekdays=(0, 2), count=4)
    assert weekly.describe(wednesday) == "每周一、周三，共 4 次"
    assert painting.weekday_name(wednesday) == "周三"
    assert painting.long_day(wednesday) == "2026年11月25日 星期三"
    assert common.weekday_name(2) == setup.weekday_name(2) == "星期三"
    assert common.short_weekday(2) == "周三"
    kinds = [labels.booking_kind_name(kind) for kind in labels.BOOKING_KIND_NAMES]
    assert kinds == ["中心自用", "社会组织", "居民自治活动", "议事会议", "服务菜单活动"]
    statuses = [labels.booking_status_name(status) for status in BookingStatus]
    assert statuses == ["待审批", "已确认", "已取消", "已驳回"]
