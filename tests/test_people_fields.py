"""A person's fields: good input is accepted and normalised, anything else gets a ValidationError
naming its field, never another exception."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from stdnum.cn import ric

from app import people_fields as f
from app.errors import ValidationError
from app.models import Gender

TODAY = dt.date.today()

SQL_FRAGMENTS = [
    "'; DROP TABLE person;--",
    "张三'; DELETE FROM visit; --",
    "1 OR 1=1",
    "' OR ''='",
    "13812345678' OR '1'='1",
    "%' AND name LIKE '%",
    "Robert'); DROP TABLE Students;--",
    "0x7f; --",
    "*/ SELECT * FROM account /*",
    "\\x00",
]


def _accepts_or_refuses(check: Callable[[Any], Any], field: str, value: Any) -> Any:
    """The check's result, or None when it refused with a ValidationError for `field`."""
    try:
        return check(value)
    except ValidationError as error:
        assert error.field == field
        assert error.message.strip()
        return None


# --- names -------------------------------------------------------------------------------

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
LATIN_WORD = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéüö", min_size=1, max_size=6
)


@st.composite
def chinese_names(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.text(CJK, min_size=1, max_size=4), min_size=1, max_size=3))
    name = "·".join(parts)
    assume(len(name) <= f.NAME_MAX_LENGTH)
    return name


@st.composite
def latin_names(draw: st.DrawFn) -> str:
    words = draw(st.lists(LATIN_WORD, min_size=1, max_size=3))
    name = " ".join(words)
    assume(len(name) <= f.NAME_MAX_LENGTH)
    return name


@given(chinese_names())
def test_chinese_names_are_kept(name: str) -> None:
    assert f.name(name) == name
    assert f.name(f"  {name}\u3000") == name


@given(latin_names())
def test_latin_names_are_kept_with_single_spaces(name: str) -> None:
    assert f.name(name) == name
    assert f.name(name.replace(" ", "   ")) == name


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("张 三", "张三"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),  # the Japanese dot becomes the Chinese 间隔号
        ("阿依古丽 · 买买提", "阿依古丽·买买提"),
        ("ＡＢＣ", "ABC"),  # full-width letters
        ("Lü Ming", "Lü Ming"),
        ("王〇", "王〇"),
        ("𠀾", "𠀾"),  # Extension B
    ],
)
def test_names_are_normalised(typed: str, stored: str) -> None:
    assert f.name(typed) == stored


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "张3",
        "李四😀",
        "王\u200b五",  # zero-width space
        "赵\x00六",
        "钱\x1f七",
        "·张三",
        "张三·",
        "张··三",
        "张" * 21,
        "<script>",
        "张_三",
        *SQL_FRAGMENTS,
    ],
)
def test_bad_names_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        f.name(bad)
    assert caught.value.field == "name"


@given(st.text(max_size=40))
@example("'; DROP TABLE person;--")
@example("😀" * 30)
@example("a" * 10_000)
def test_any_text_is_a_valid_name_or_a_name_error(typed: str) -> None:
    name = _accepts_or_refuses(f.name, "name", typed)
    if name is not None:
        assert 1 <= len(name) <= f.NAME_MAX_LENGTH
        assert not re.search(r"[0-9;'\"%<>=\-]", name)
        assert f.name(name) == name  # normalising twice changes nothing


# --- phones ------------------------------------------------------------------------------

MOBILE_PREFIXES = [
    "130",
    "135",
    "138",
    "139",
    "150",
    "158",
    "166",
    "177",
    "180",
    "186",
    "189",
    "199",
]


@st.composite
def mobiles(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(MOBILE_PREFIXES)) + draw(
        st.text("0123456789", min_size=8, max_size=8)
    )


@given(mobiles())
def test_mobiles_are_accepted_in_any_usual_spelling(mobile: str) -> None:
    assert f.phone(mobile) == mobile
    assert f.phone(f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}") == mobile
    assert f.phone(f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}") == mobile
    assert f.phone(f"+86 {mobile}") == mobile
    assert f.phone(mobile.translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == mobile


@given(
    st.sampled_from(["010", "021", "020", "025"]),
    st.from_regex(r"\A[1-9][0-9]{7}\Z"),
)
def test_landlines_with_a_two_digit_area_code(area: str, local: str) -> None:
    canonical = f"{area}-{local}"
    assert f.phone(canonical) == canonical
    assert f.phone(f"({area}){local}") == canonical
    assert f.phone(f"{area} {local[:4]} {local[4:]}") == canonical
    assert f.phone(area + local) == canonical


@given(st.sampled_from(["0571", "0512", "0755"]), st.from_regex(r"\A[1-9][0-9]{6,7}\Z"))
def test_landlines_with_a_three_digit_area_code(area: str, local: str) -> None:
    assert f.phone(f"{area}-{local}") == f"{area}-{local}"
    assert f.phone(area + local) == f"{area}-{local}"


def test_a_bare_eight_digit_number_is_a_shanghai_line() -> None:
    assert f.phone("57681234") == "021-57681234"
    assert f.phone("5768 1234") == "021-57681234"


@pytest.mark.parametrize("empty", [None, "", "   ", " - "])
def test_no_phone_is_none(empty: str | None) -> None:
    assert f.phone(empty) is None


@pytest.mark.parametrize(
    "bad",
    [
        "12345678901",  # 12x is no mobile range
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "14012345678",  # an unallocated range (phonenumbers says no)
        "021-0234567",  # a local number never starts with 0
        "021-1234567",  # Shanghai numbers have 8 digits
        "0571-123456",
        "1234567",
        "abc",
        "138一二三四五六七八",
        "13812345678 ext 5",
        "١٣٨١٢٣٤٥٦٧٨",  # Arabic-Indic digits
        *SQL_FRAGMENTS,
    ],
)
def test_bad_phones_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        f.phone(bad)
    assert caught.value.field == "phone"


@given(st.text(max_size=30))
@example("+8613812345678")
@example("8" * 5000)
def test_any_text_is_a_canonical_phone_or_a_phone_error(typed: str) -> None:
    phone = _accepts_or_refuses(f.phone, "phone", typed)
    if phone is not None:
        assert re.fullmatch(r"1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-[1-9][0-9]{6,7}", phone)
        assert f.phone(phone) == phone


# --- resident ID numbers ---------------------------------------------------------------------


def _with_check_digit(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
    area = draw(st.sampled_from(["310101", "310115", "110105", "440305", "320582"]))
    sequence = draw(st.integers(0, 999))
    return _with_check_digit(f"{area}{born:%Y%m%d}{sequence:03d}")


@given(id_numbers())
def test_valid_id_numbers_are_accepted(number: str) -> None:
    assert f.id_number(number) == number
    assert f.id_number(f" {number.lower()} ") == number
    assert f.birth_date_from_id(number).strftime("%Y%m%d") == number[6:14]


def test_a_lower_case_x_becomes_upper_case() -> None:
    number = next(
        _with_check_digit(f"3101011990010112{n}")
        for n in range(10)
        if _with_check_digit(f"3101011990010112{n}").endswith("X")
    )
    assert f.id_number(number.lower()) == number


@given(id_numbers(), st.sampled_from("0123456789X"))
def test_a_wrong_check_digit_is_refused(number: str, wrong: str) -> None:
    assume(wrong != number[-1])
    with pytest.raises(ValidationError) as caught:
        f.id_number(number[:-1] + wrong)
    assert caught.value.field == "id_number"


@pytest.mark.parametrize(
    "birth",
    [
        "19901301",  # month 13
        "19900230",  # 30 February
        "20230229",  # not a leap year
        "19900100",  # day 0
        "18991231",  # before 1900
        (TODAY + dt.timedelta(days=1)).strftime("%Y%m%d"),  # not born yet
        "30000101",
    ],
)
def test_an_impossible_birth_date_is_refused(birth: str) -> None:
    number = _with_check_digit(f"310101{birth}123")
    with pytest.raises(ValidationError) as caught:
        f.id_number(number)
    assert caught.value.field == "id_number"


@given(st.text(max_size=25))
@example("31010119900101123")
@example("3101011990010112345")
@example("31010119900101123x")
def test_any_text_is_an_id_number_or_an_id_error(typed: str) -> None:
    number = _accepts_or_refuses(f.id_number, "id_number", typed)
    if number is not None:
        assert re.fullmatch(r"[0-9]{17}[0-9X]", number)
        assert ric.is_valid(number) or ric.calc_check_digit(number) == number[-1]


@pytest.mark.parametrize("bad", SQL_FRAGMENTS)
def test_sql_is_no_id_number(bad: str) -> None:
    with pytest.raises(ValidationError):
        f.id_number(bad)


def test_gender_comes_from_the_seventeenth_digit() -> None:
    assert f.gender_from_id(_with_check_digit("31010119900101123")) is Gender.MALE
    assert f.gender_from_id(_with_check_digit("31010119900101124")) is Gender.FEMALE


# --- birth year ------------------------------------------------------------------------------


@given(st.integers(f.MIN_BIRTH_YEAR, TODAY.year))
def test_plausible_birth_years_are_accepted(year: int) -> None:
    assert f.birth_year(year) == year
    assert f.birth_year(str(year)) == year
    assert f.birth_year(f" {year} ") == year


@given(st.integers().filter(lambda y: not f.MIN_BIRTH_YEAR <= y <= TODAY.year))
def test_implausible_birth_years_are_refused(year: int) -> None:
    with pytest.raises(ValidationError) as caught:
        f.birth_year(year)
    assert caught.value.field == "birth_year"


@given(st.text(max_size=12))
@example("1956年")
@example("１９５６")
def test_any_text_is_a_birth_year_or_a_birth_year_error(typed: str) -> None:
    year = _accepts_or_refuses(f.birth_year, "birth_year", typed)
    if year is not None:
        assert f.MIN_BIRTH_YEAR <= year <= TODAY.year


def test_an_empty_birth_year_is_none_and_true_is_refused() -> None:
    assert f.birth_year(None) is None
    assert f.birth_year("") is None
    with pytest.raises(ValidationError):
        f.birth_year(True)


def test_the_birth_year_must_agree_with_the_id_number() -> None:
    number = _with_check_digit("31010119560101123")
    assert f.birth_year_agrees(None, number) == 1956
    assert f.birth_year_agrees(1956, number) == 1956
    assert f.birth_year_agrees(1970, None) == 1970
    with pytest.raises(ValidationError) as caught:
        f.birth_year_agrees(1957, number)
    assert caught.value.field == "birth_year"
    assert "1956" in caught.value.message


# --- gender ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "gender"),
    [("M", Gender.MALE), ("f", Gender.FEMALE), ("男", Gender.MALE), (" 女 ", Gender.FEMALE)],
)
def test_genders(typed: str, gender: Gender) -> None:
    assert f.gender(typed) is gender
    assert f.gender(gender) is gender


@given(st.text(max_size=10))
def test_any_text_is_a_gender_or_a_gender_error(typed: str) -> None:
    result = _accepts_or_refuses(f.gender, "gender", typed)
    assert result is None or isinstance(result, Gender)


# --- masking ---------------------------------------------------------------------------------


def test_masks_of_the_design() -> None:
    """DESIGN.md: 138****5678, 3101**********1234 — as long as the number itself."""
    assert f.mask_phone("13812345678") == "138****5678"
    assert f.mask_id("310101199001011234") == "3101**********1234"
    assert len(f.mask_id("310101199001011234")) == 18


def test_landlines_keep_area_code_and_last_four() -> None:
    assert f.mask_phone("021-57681234") == "021-****1234"
    assert f.mask_phone("0571-1234567") == "0571-***4567"


@given(mobiles())
def test_a_masked_mobile_hides_the_middle(mobile: str) -> None:
    masked = f.mask_phone(mobile)
    assert masked[:3] == mobile[:3] and masked[-4:] == mobile[-4:]
    assert masked[3:7] == "****"


@given(id_numbers())
def test_a_masked_id_hides_birth_date_and_sequence(number: str) -> None:
    masked = f.mask_id(number)
    assert number[6:14] not in masked
    assert masked == number[:4] + "*" * 10 + number[-4:]
    assert len(masked) == len(number) == 18


def test_nothing_to_mask() -> None:
    assert f.mask_phone(None) == "" and f.mask_phone("") == ""
    assert f.mask_id(None) == ""
    assert f.mask_id("12345678") == "********"  # too short to keep both ends


# --- gender against the ID number ------------------------------------------------------------


@given(id_numbers(), st.sampled_from([Gender.MALE, Gender.FEMALE, None]))
def test_a_gender_conflict_is_the_id_numbers_gender(number: str, gender: Gender | None) -> None:
    from_id = f.gender_from_id(number)
    conflict = f.gender_conflict(gender, number)
    if gender is None or gender is from_id:
        assert conflict is None
    else:
        assert conflict is from_id
    assert f.gender_conflict(gender, None) is None


def test_an_odd_seventeenth_digit_is_a_man() -> None:
    woman = _with_check_digit("31010119560312002")
    assert f.gender_conflict(Gender.MALE, woman) is Gender.FEMALE
    assert f.gender_conflict(Gender.FEMALE, woman) is None


# --- what a record keeps without consent -----------------------------------------------------

EVERY_FIELD = [
    "name",
    "gender",
    "birth_year",
    "phone",
    "id_number",
    "community_id",
    "building_group_id",
    "address",
    "tags",
    "note",
]


def test_with_consent_everything_is_kept() -> None:
    assert f.consent_problems(EVERY_FIELD, consent=True, phone_for_contact=False) == []


def test_without_consent_only_what_a_visit_needs() -> None:
    problems = f.consent_problems(EVERY_FIELD, consent=False, phone_for_contact=False)
    assert [p.field for p in problems] == [
        "gender",
        "birth_year",
        "phone",
        "id_number",
        "address",
        "tags",
        "note",
    ]
    by_field = {p.field: p.message for p in problems}
    assert "信息使用同意" in by_field["id_number"] and "身份证号" in by_field["id_number"]
    assert "电话仅用于联系本人" in by_field["phone"]
    kept = ["name", "phone", "community_id", "building_group_id"]
    assert f.consent_problems(kept, consent=False, phone_for_contact=True) == []


@given(st.sets(st.sampled_from(EVERY_FIELD)), st.booleans())
def test_the_consent_rule_names_each_field_it_refuses_once(
    filled: set[str], phone_for_contact: bool
) -> None:
    ordered = [field for field in EVERY_FIELD if field in filled]
    problems = f.consent_problems(ordered, consent=False, phone_for_contact=phone_for_contact)
    refused = [p.field for p in problems]
    assert refused == [
        field
        for field in ordered
        if field not in f.KEPT_WITHOUT_CONSENT and not (field == "phone" and phone_for_contact)
    ]
    if problems:
        with pytest.raises(f.ConsentNeeded) as caught:
            f.check_consent(ordered, consent=False, phone_for_contact=phone_for_contact)
        assert caught.value.field == refused[0]
        assert [(p.field, p.message) for p in caught.value.problems] == [
            (p.field, p.message) for p in problems
        ]
    else:
        f.check_consent(ordered, consent=False, phone_for_contact=phone_for_contact)
