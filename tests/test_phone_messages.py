"""A refused phone number says why it is no phone number, not only what one looks like."""

from __future__ import annotations

import re
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app import i18n
from app import people_fields as f
from app.errors import ValidationError


@pytest.fixture(autouse=True)
def english(data_dir: Path) -> None:
    i18n.set_language("en")


def refusal(typed: str) -> str:
    with pytest.raises(ValidationError) as caught:
        f.phone(typed)
    assert caught.value.field == "phone"
    return caught.value.message


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        # Eleven digits, as a mobile number has, but a prefix no mobile number has.
        ("12345678901", "12345678901 is not a mobile number: mobile numbers begin with 13 to 19."),
        (
            "123 4567 8901",
            "12345678901 is not a mobile number: mobile numbers begin with 13 to 19.",
        ),
        ("14012345678", "14012345678 is not a mobile number: no mobile number begins with 140."),
        ("16312345678", "16312345678 is not a mobile number: no mobile number begins with 163."),
        # A block in use whose numbers are not all given out (1740-1745 only).
        ("17412345678", "17412345678 is not a mobile number in use. Please check it."),
        ("16112345678", "16112345678 is not a mobile number in use. Please check it."),
        # A digit too few or too many.
        ("1381234567", "1381234567 has 10 digits: a mobile number has 11."),
        ("138123456789", "138123456789 has 12 digits: a mobile number has 11."),
        ("+86 138 1234 567", "1381234567 has 10 digits: a mobile number has 11."),
        # Landlines: the area code's length rule, a local number never beginning with 0.
        ("021-1234567", "After the area code 021 come 8 digits, not 7 (1234567)."),
        ("010 123456789", "After the area code 010 come 8 digits, not 9 (123456789)."),
        ("0571-123456", "After the area code 0571 come 7 or 8 digits, not 6 (123456)."),
        ("021-0234567", "After the area code 021 the number cannot begin with 0."),
        # A number of another city typed without its area code.
        ("7654321", "7654321 has 7 digits: a number outside Shanghai needs its area code"),
        ("2112345678", "2112345678 has 10 digits: a landline has 8 digits, its area code in"),
        ("+86 21 1234 5678", "Write a landline without +86, with its area code: 021-12345678."),
        ("+1 202 555 0123", "Only phone numbers of mainland China can be recorded."),
        ("138一二三四五六七八", "A phone number has only digits"),
        ("13812345678 ext 5", "A phone number has only digits"),
        ("8" * 40, "This is too long for a phone number: a mobile number has 11 digits."),
        # Too little typed to say more than what a number looks like.
        ("12", "Enter an 11-digit mobile number or a landline such as 021-12345678."),
        ("0111234567", "Enter an 11-digit mobile number or a landline such as 021-12345678."),
    ],
)
def test_the_message_says_what_is_wrong(typed: str, message: str) -> None:
    assert refusal(typed).startswith(message)


def test_the_messages_in_chinese() -> None:
    i18n.set_language("zh_CN")
    assert refusal("12345678901") == "12345678901 不是手机号：手机号以 13–19 开头。"
    assert refusal("14012345678") == "14012345678 不是手机号：没有以 140 开头的手机号。"
    assert refusal("1381234567") == "1381234567 是 10 位：手机号是 11 位。"
    assert refusal("021-1234567") == "区号 021 后面应是 8 位号码，这里是 7 位（1234567）。"
    assert refusal("7654321").startswith("7654321 是 7 位：外地座机请在前面加区号")


@pytest.mark.parametrize("block", [f"{n}" for n in range(130, 200)])
def test_a_block_is_called_unused_only_when_phonenumbers_has_no_number_in_it(block: str) -> None:
    in_use = any(
        phonenumbers.is_valid_number(phonenumbers.parse(f"{block}{n:04d}{m:04d}", "CN"))
        for n in range(0, 10**4, 7)
        for m in (0, 5555)
    )
    typed = f"{block}1{'2' * 7}"
    try:
        accepted = f.phone(typed) == typed
    except ValidationError as error:
        accepted = False
        assert ("no mobile number begins" in error.message) == (not in_use), error.message
    assert not accepted or in_use


@given(st.text(max_size=40))
@example("'; DROP TABLE person;--")
@example("1" * 5000)
def test_a_message_repeats_only_a_short_run_of_digits(typed: str) -> None:
    try:
        f.phone(typed)
    except ValidationError as error:
        assert error.field == "phone" and error.message
        for echoed in re.findall(r"[0-9]{7,}", error.message):
            assert len(echoed) <= 15  # never a whole paste, never anything but digits
        assert "DROP" not in error.message
