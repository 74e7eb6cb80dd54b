"""Keep the Chinese translation catalogue in step with the source, and compile it.

Source strings are English. `pyside6-lupdate` collects every translatable message from the Python
files under `app/` (`translate("Context", "text")` of `app/i18n.py`) and `ui/` (`self.tr()`,
`QCoreApplication.translate`, `QT_TRANSLATE_NOOP`) into the Qt Linguist catalogue
`resources/translations/youlin_zh_CN.ts`, without obsolete messages or source locations so that
diffs stay small. `pyside6-lrelease` then compiles it to `youlin_zh_CN.qm` for the interface
(`app` reads the `.ts` itself, to stay free of Qt). Qt's own translation of its standard dialogs
and buttons, `qtbase_zh_CN.qm`, is copied from the PySide6 wheel beside them.

Usage, from the project root:

    python tools/update_translations.py          # update .ts, compile .qm, copy qtbase_zh_CN.qm
    python tools/update_translations.py --check  # for CI: change nothing, fail if anything is stale

After an update, translate the new messages (Qt Linguist, or edit the `.ts`: fill in the
`<translation>` and remove `type="unfinished"`) and run the tool again to compile them.

`--check` exits with status 1 and says why when the `.ts` would change (messages added or
removed), a message is unfinished or untranslated, a translation loses or adds a `%1`-style
placeholder, or the `.qm` files are not what the `.ts` and the PySide6 wheel give.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FOLDERS = ("app", "ui")
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGE = "zh_CN"
CATALOGUE = TRANSLATIONS / f"youlin_{LANGUAGE}.ts"
COMPILED = TRANSLATIONS / f"youlin_{LANGUAGE}.qm"
QTBASE = TRANSLATIONS / f"qtbase_{LANGUAGE}.qm"

PLACEHOLDER = re.compile(r"%L?(\d+)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def source_files() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCE_FOLDERS:
        files += (ROOT / folder).rglob("*.py")
    return sorted(path for path in files if "__pycache__" not in path.parts)


def tool(name: str) -> str:
    """The PySide6 wrapper script `name`, preferably the one beside this Python."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials into this environment")
    return found


def qtbase_source() -> Path:
    """Qt's own Chinese translation as shipped in the PySide6 wheel."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    path = folder / QTBASE.name
    if not path.exists():
        import PySide6

        path = Path(PySide6.__file__).parent / "Qt" / "translations" / QTBASE.name
    if not path.exists():
        raise SystemExit(f"{QTBASE.name} is not in the PySide6 installation ({folder})")
    return path


def run(command: list[str], quiet: bool) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not quiet:
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
    if result.returncode != 0:
        raise SystemExit(f"{Path(command[0]).name} failed with status {result.returncode}")


def lupdate(catalogue: Path, quiet: bool = False) -> None:
    """Merge the messages of the source files into `catalogue` (created if missing)."""
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "sources.lst"
        listing.write_text(
            "".join(f"{path.relative_to(ROOT).as_posix()}\n" for path in source_files()),
            encoding="utf-8",
        )
        run(
            [
                tool("pyside6-lupdate"),
                f"@{listing}",
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                LANGUAGE,
                "-ts",
                str(catalogue),
            ],
            quiet,
        )


def lrelease(catalogue: Path, compiled: Path, quiet: bool = False) -> None:
    # Compile beside the target and rename over it: a running desk has the .qm mapped in memory,
    # and rewriting that file in place crashes it (SIGBUS inside a translate call).
    partial = compiled.with_name(compiled.name + ".partial")
    run([tool("pyside6-lrelease"), str(catalogue), "-qm", str(partial)], quiet)
    os.replace(partial, compiled)


def read_messages(catalogue: Path) -> list[Message]:
    messages = []
    for context in ET.parse(catalogue).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            element = message.find("translation")
            if element is None:
                messages.append(Message(name, message.findtext("source", ""), "", False))
                continue
            forms = [form.text or "" for form in element.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [element.text or ""]
            finished = element.get("type") is None and all(text.strip() for text in texts)
            messages.append(
                Message(name, message.findtext("source", ""), "\n".join(texts), finished)
            )
    return messages


def keys(catalogue: Path) -> set[tuple[str, str]]:
    return {(message.context, message.source) for message in read_messages(catalogue)}


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems_in(catalogue: Path) -> list[str]:
    problems = []
    for message in read_messages(catalogue):
        where = f"{message.context}: {message.source!r}"
        if not message.finished:
            problems.append(f"untranslated or unfinished: {where}")
        elif placeholders(message.source) != placeholders(message.translation):
            problems.append(f"placeholders differ: {where} -> {message.translation!r}")
    return problems


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / CATALOGUE.name
        if CATALOGUE.exists():
            shutil.copyfile(CATALOGUE, scratch)
        lupdate(scratch, quiet=True)
        if not CATALOGUE.exists() or scratch.read_bytes() != CATALOGUE.read_bytes():
            before = keys(CATALOGUE) if CATALOGUE.exists() else set()
            after = keys(scratch)
            problems.append(f"{CATALOGUE.relative_to(ROOT)} is out of date with the sources")
            problems += [f"  new message: {c}: {s!r}" for c, s in sorted(after - before)]
            problems += [f"  gone message: {c}: {s!r}" for c, s in sorted(before - after)]
        if CATALOGUE.exists():
            problems += problems_in(CATALOGUE)
            compiled = Path(folder) / COMPILED.name
            lrelease(CATALOGUE, compiled, quiet=True)
            if not COMPILED.exists() or compiled.read_bytes() != COMPILED.read_bytes():
                problems.append(f"{COMPILED.relative_to(ROOT)} is not compiled from the .ts")
    if not QTBASE.exists() or QTBASE.read_bytes() != qtbase_source().read_bytes():
        problems.append(f"{QTBASE.relative_to(ROOT)} differs from the PySide6 wheel's")
    for problem in problems:
        print(problem)
    if problems:
        print("Run: python tools/update_translations.py, then translate what it lists.")
        return 1
    print(f"{CATALOGUE.relative_to(ROOT)}: complete, {len(read_messages(CATALOGUE))} messages")
    return 0


def update() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    lupdate(CATALOGUE)
    lrelease(CATALOGUE, COMPILED)
    partial = QTBASE.with_name(QTBASE.name + ".partial")
    shutil.copyfile(qtbase_source(), partial)
    os.replace(partial, QTBASE)
    print(f"copied {QTBASE.name} from the PySide6 wheel")
    problems = problems_in(CATALOGUE)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} message(s) to translate in {CATALOGUE.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Update and compile youlin_zh_CN.ts.")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if anything is stale"
    )
    args = parser.parse_args(argv)
    return check() if args.check else update()


if __name__ == "__main__":
    sys.exit(main())
