"""The printed guide read back: a cover, the contents, every page's title, pictures that exist,
the bundled font embedded; and `youlin-desk print guide`."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import help as guide
from app import help_contents
from app.printing.guide import guide_pdf
from tests.help_pages import TITLES, fixture_guide  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parents[1]


def _images(reader: PdfReader) -> int:
    """Image objects in the PDF (ReportLab writes each picture file once)."""
    seen: set[int] = set()
    for page in reader.pages:
        resources = page["/Resources"]
        objects = resources.get("/XObject", {})  # type: ignore[union-attr]
        for ref in objects.values():  # type: ignore[union-attr]
            if ref.get_object()["/Subtype"] == "/Image":
                seen.add(ref.idnum)
    return len(seen)


def _fonts(reader: PdfReader) -> set[str]:
    names: set[str] = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():  # type: ignore[index,union-attr]
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _existing_pictures(language: str) -> set[Path]:
    return {
        picture.path
        for entry in help_contents.contents(language)
        if entry.page is not None
        for picture in entry.page.pictures
        if picture.path.is_file()
    }


@pytest.mark.usefixtures("fixture_guide")
def test_every_page_is_printed_with_its_title_steps_and_pictures() -> None:
    printout = guide_pdf("zh_CN")
    reader = PdfReader(io.BytesIO(printout.pdf))
    text = _text(reader)
    assert printout.pages == len(reader.pages) >= len(guide.PAGES) + 2  # cover, contents
    assert "友邻前台使用指南" in reader.pages[0].extract_text()
    contents_page = reader.pages[1].extract_text()
    assert "目录" in contents_page
    for key in guide.PAGES:
        assert TITLES[key] in text, key
        assert TITLES[key] in contents_page, key  # listed with its page number
    # Each page of the guide starts a sheet of its own, in app.help.PAGES order.
    sheets = [page.extract_text() for page in reader.pages[3:]]  # after cover, contents, index
    firsts = [
        next(n for n, sheet in enumerate(sheets) if TITLES[key] in sheet) for key in guide.PAGES[1:]
    ]
    assert firsts == sorted(firsts) and len(set(firsts)) == len(firsts)
    assert "1." in text and "打开程序，先看到首页。" in text and "数字每分钟自己更新。" in text
    assert "首页全图" in text and "一个按钮" in text  # captions
    assert "图片缺失：home-missing.png" in text  # said in words, no failure
    assert any("YoulinHei" in name for name in _fonts(reader))
    assert _images(reader) == len(_existing_pictures("zh_CN")) == 2
    assert printout.unprintable == ()


@pytest.mark.usefixtures("fixture_guide")
def test_the_contents_and_the_links_jump_inside_the_pdf() -> None:
    reader = PdfReader(io.BytesIO(guide_pdf("zh_CN").pdf))
    links = [
        annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots", [])  # type: ignore[union-attr]
    ]
    internal = [link for link in links if "/Dest" in link or "/A" in link]
    # The contents' lines (one per page) and the pages' own links.
    assert len(internal) >= len(guide.PAGES)


@pytest.mark.usefixtures("fixture_guide")
def test_the_english_guide_falls_back_to_chinese_pages() -> None:
    reader = PdfReader(io.BytesIO(guide_pdf("en").pdf))
    text = _text(reader)
    assert "Youlin Desk user guide" in text and "Contents" in text
    assert "Home desk" in text and "User guide" in text
    assert TITLES["rooms"] in text  # no English page yet: the Chinese one
    assert _images(reader) == len(_existing_pictures("en"))


def test_the_real_guide_prints_every_page_that_is_there() -> None:
    for language in ("zh_CN", "en"):
        printout = guide_pdf(language)
        reader = PdfReader(io.BytesIO(printout.pdf))
        text = _text(reader)
        for entry in help_contents.contents(language):
            assert entry.title in text, (language, entry.key)
        assert _images(reader) == len(_existing_pictures(language))
        assert any("YoulinHei" in name for name in _fonts(reader))


def test_print_guide_on_the_command_line(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "指南.pdf"
    env = dict(os.environ, YOULIN_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "ui.launch", "print", "guide", "-o", str(target), "--lang", "en"],
        capture_output=True, text=True, env=env, timeout=300, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(target)
    assert f"Wrote {target}: {len(reader.pages)} pages." in result.stdout
    assert "Youlin Desk user guide" in reader.pages[0].extract_text()
