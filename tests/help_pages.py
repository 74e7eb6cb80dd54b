"""A small guide of our own in a temporary folder (the real pages are the `guide` work's): every
page of app.help.PAGES in Chinese, a few in English, pictures made here, one picture missing."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from app import help as guide

WIDE = (1600, 400)  # wider than any page: scaled down to fit
SMALL = (200, 100)  # narrower than any page: shown at its own size


def png(path: Path, size: tuple[int, int], colour: tuple[int, int, int] = (40, 90, 160)) -> None:
    """A plain PNG of one colour (no Qt or Pillow needed)."""
    width, height = size
    row = b"\x00" + bytes(colour) * width
    raw = zlib.compress(row * height, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    )


TITLES = {key: f"{key}页" for key in guide.PAGES} | {"index": "使用指南", "home": "首页的说明"}

HOME = """# 首页的说明

首页是一天的概览，**今天**来了多少人。

## 看今天

1. 打开程序，先看到首页。
2. 按 **F5** 刷新，或看 [登记来访](task-check-in)。
- 左边是今天的来访
- 右边是活动室

> 数字每分钟自己更新。

![首页全图](home-wide.png)

![一个按钮](home-small.png)

![还没有的图](home-missing.png)
"""


def write_guide(root: Path) -> Path:
    """The guide's folder under `root`: every page in Chinese (home with every kind of block),
    index and home in English; pictures home-wide.png and home-small.png, not home-missing.png."""
    folder = root / "help"
    for key in guide.PAGES:
        if key == "home":
            text = HOME
        elif key == "index":
            links = "\n".join(f"- [{TITLES[k]}]({k})" for k in guide.PAGES[1:])
            text = f"# 使用指南\n\n按 **F1** 打开说明。\n\n## 页面\n{links}\n"
        else:
            text = f"# {TITLES[key]}\n\n这一页讲 {key}。回到 [首页](home)。\n"
        (folder / "zh_CN").mkdir(parents=True, exist_ok=True)
        (folder / "zh_CN" / f"{key}.md").write_text(text, encoding="utf-8")
    (folder / "en").mkdir(parents=True, exist_ok=True)
    (folder / "en" / "index.md").write_text(
        "# User guide\n\nPress **F1**.\n\n- [Home desk](home)\n", encoding="utf-8"
    )
    (folder / "en" / "home.md").write_text(
        "# Home desk\n\n1. Look at today.\n\n![All of Home](home-wide.png)\n", encoding="utf-8"
    )
    png(folder / "images" / "zh_CN" / "home-wide.png", WIDE)
    png(folder / "images" / "zh_CN" / "home-small.png", SMALL, (200, 60, 40))
    png(folder / "images" / "en" / "home-wide.png", WIDE, (30, 140, 60))
    return folder


@pytest.fixture
def fixture_guide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """app.help reads the small guide above instead of the bundled one."""
    folder = write_guide(tmp_path)
    monkeypatch.setattr(guide, "help_root", lambda: folder)
    return folder
