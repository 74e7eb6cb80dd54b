"""Faker (for `--demo`) with its Chinese and default English locales only. Replaces the
pyinstaller-hooks-contrib hook, which takes all 80-odd locales. Faker finds locales by listing
its providers' folders in the frozen app, so their .py files go in as data too."""

from pathlib import PurePath

from faker.config import AVAILABLE_LOCALES
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

KEEP = {"zh_CN", "en_US", "en"}
_DROP = set(AVAILABLE_LOCALES) - KEEP


def _wanted(name: str) -> bool:
    return not _DROP.intersection(name.split("."))


hiddenimports = collect_submodules("faker.providers", filter=_wanted)
# Filtered here rather than with collect_data_files' glob excludes: 80 glob walks of the tree
# took 90 s under Wine.
datas = [
    (source, target)
    for source, target in collect_data_files("faker.providers", include_py_files=True)
    if not _DROP.intersection(PurePath(target).parts)
]
