"""Phone and ID numbers typed into free text are masked the way the fields are, however they are
written; everything else in the text stays as it was."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.masking import mask_numbers
from tests.test_roster import ID_1956

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("电话13812345678", "电话138****5678"),
        ("手机 138 1234 5678 找王阿姨", "手机 138****5678 找王阿姨"),
        ("138-1234-5678", "138****5678"),
        ("１３８１２３４５６７８", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("儿子：13812345678、13912345678", "儿子：138****5678、139****5678"),
        ("13812345678 13912345678", "138****5678 139****5678"),
        ("家里电话021-57681234", "家里电话021-****1234"),
        ("(021) 5768 1234", "021-****1234"),
        ("（０２１）５７６８－１２３４", "021-****1234"),
        ("0512-6523456", "0512-***3456"),
        ("010 6552 9988", "010-****9988"),
        (f"身份证{ID_1956}，已核对", f"身份证{ID_1956[:4]}**********{ID_1956[-4:]}，已核对"),
        ("身份证 310101 19560312 0011", "身份证 3101**********0011"),
        ("11010519491231002x", "1101**********002X"),
    ],
)
def test_numbers_in_free_text_are_masked(text: str, masked: str) -> None:
    assert mask_numbers(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "",
        "友邻路3号101室",
        "2026-03-04 上午来过",
        "会员编号 YL000123",
        "银行卡 6222 0212 3456 7890 123",  # longer than any phone or ID: not one of them
        "邮编 201802，楼组 12",
        "123456",
    ],
)
def test_other_text_stays_as_it_was(text: str) -> None:
    assert mask_numbers(text) == text


def test_none_is_empty() -> None:
    assert mask_numbers(None) == ""


separators = st.sampled_from(["", " ", "-", "\u3000", "－"])


@given(
    prefix=st.sampled_from(["13", "15", "17", "18", "19"]),
    rest=st.text(alphabet="0123456789", min_size=9, max_size=9),
    seps=st.lists(separators, min_size=10, max_size=10),
    full_width=st.booleans(),
    before=st.text(alphabet="联系电话：家儿子 ,，。", max_size=6),
    after=st.text(alphabet="联系电话：家儿子 ,，。", max_size=6),
)
def test_no_mobile_number_survives_however_it_is_written(
    prefix: str, rest: str, seps: list[str], full_width: bool, before: str, after: str
) -> None:
    digits = prefix + rest
    written = digits[0] + "".join(sep + digit for sep, digit in zip(seps, digits[1:], strict=True))
    if full_width:
        written = written.translate(FULL_WIDTH)
    masked = mask_numbers(before + written + after)
    assert masked == before + f"{digits[:3]}****{digits[-4:]}" + after
    plain = re.sub(r"\D", "", masked.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    assert digits not in plain
