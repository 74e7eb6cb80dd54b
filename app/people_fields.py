"""Checks and masks for a person's fields: name, phone, resident ID, birth year, gender; what a
record may keep without the person's consent; a gender that contradicts the ID number.

Each checker returns the normalised value or raises ValidationError naming its field, so a form
shows the message beside the field and an importer reports it per row. Anything a person can type
or paste (emoji, control characters, SQL fragments, full-width digits) gets a ValidationError,
never another exception.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

import phonenumbers
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric

from app import clock
from app.errors import ValidationError
from app.i18n import translate
from app.models import Gender

NAME_MAX_LENGTH = 20
MIN_BIRTH_YEAR = 1900

MIDDLE_DOT = "·"  # U+00B7, the 间隔号 of minority and foreign names (阿依古丽·买买提)
# Dots that input methods type for the 间隔号: the Japanese one, the half-width one, bullets.
_DOT_LOOKALIKES = str.maketrans(dict.fromkeys("・･•‧⋅∙", MIDDLE_DOT))

# Ideographs of the CJK blocks names are written in (BMP, Extension A, Extensions B-I), and 〇.
_CJK_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2EBEF),
    (0x30000, 0x323AF),
)


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return ch == "〇" or any(low <= code <= high for low, high in _CJK_RANGES)


def _is_latin(ch: str) -> bool:
    """A Latin letter, accented ones too (Lü, José): foreign residents and pinyin spellings."""
    return unicodedata.category(ch) in ("Lu", "Ll") and unicodedata.name(ch, "").startswith(
        "LATIN "
    )


def _is_hidden(ch: str) -> bool:
    """Control and format characters (other than line breaks and tabs pasted from a sheet), which
    str.split() would otherwise swallow as spaces without a word."""
    return ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")


def _name_error(message: str) -> ValidationError:
    """`message` comes translated: each call site names its text for lupdate to collect."""
    return ValidationError("name", message)


def _only_letters() -> str:
    return translate(
        "Errors", "A name may contain only Chinese characters, Latin letters and the middle dot ·."
    )


def fold_name(value: str) -> str:
    """The name as stored, without checking it: the search box folds typed text the same way."""
    words = unicodedata.normalize("NFKC", value).translate(_DOT_LOOKALIKES).split()
    if not words:
        return ""
    kept: list[str] = [words[0]]
    for word in words[1:]:
        # A space survives only between two Latin letters ("Anna Smith").
        if _is_latin(kept[-1][-1]) and _is_latin(word[0]):
            kept.append(" ")
        kept.append(word)
    return "".join(kept)


def name(value: str) -> str:
    """A name of Chinese characters, Latin letters, the middle dot, spaces between Latin words.

    NFKC folds full-width letters and compatibility ideographs into their ordinary forms; spaces
    next to Chinese characters or the dot are dropped (张 三 → 张三) rather than refused.
    """
    if any(_is_hidden(ch) for ch in value):
        raise _name_error(_only_letters())
    clean = fold_name(value)
    if not clean:
        raise _name_error(translate("Errors", "Please fill in the name."))
    for ch in clean:
        if not (ch == " " or ch == MIDDLE_DOT or _is_cjk(ch) or _is_latin(ch)):
            raise _name_error(_only_letters())
    if len(clean) > NAME_MAX_LENGTH:
        raise _name_error(translate("Errors", "A name may be at most 20 characters."))
    if clean.startswith(MIDDLE_DOT) or clean.endswith(MIDDLE_DOT) or MIDDLE_DOT * 2 in clean:
        raise _name_error(translate("Errors", "The middle dot · goes between two parts of a name."))
    return clean


# Chinese landlines: 010 and 02X have 8-digit local numbers; 0XXX (second digit 3-9) 7 or 8.
_LANDLINE = re.compile(r"(0(?:10|2[0-9]))([1-9][0-9]{7})|(0[3-9][0-9]{2})([1-9][0-9]{6,7})")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LOCAL = re.compile(r"[1-9][0-9]{7}")
SHANGHAI_AREA_CODE = "021"
# What people type between the parts of a number: spaces, dashes, brackets around the area code.
_PHONE_SEPARATORS = str.maketrans("", "", " -()（）—－\u3000")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９＋", "0123456789+")


def phone(value: str | None) -> str | None:
    """A Chinese mobile (13812345678) or landline in canonical form (021-12345678); None if empty.

    A bare 8-digit number is a Shanghai local line and gets the 021 area code; +86 is dropped.
    """
    if value is None:
        return None
    text = value.translate(_FULL_WIDTH_DIGITS).translate(_PHONE_SEPARATORS)
    if not text:
        return None
    for prefix in ("+86", "0086", "86"):
        if text.startswith(prefix) and _MOBILE.fullmatch(text[len(prefix) :]):
            text = text[len(prefix) :]
            break
    if _MOBILE.fullmatch(text):
        number = phonenumbers.parse(text, "CN")
        if phonenumbers.is_valid_number(number):
            return text
        raise ValidationError("phone", _why_not_a_phone(text))
    if _LOCAL.fullmatch(text):
        return f"{SHANGHAI_AREA_CODE}-{text}"
    landline = _LANDLINE.fullmatch(text)
    if landline:
        area = landline.group(1) or landline.group(3)
        local = landline.group(2) or landline.group(4)
        return f"{area}-{local}"
    raise ValidationError("phone", _why_not_a_phone(text))


MOBILE_LENGTH = 11
_LEAST_DIAGNOSED = 7  # fewer digits are no number yet: the message says what one looks like
_MOST_ECHOED = 15  # a longer paste is not repeated back in the message


def _why_not_a_phone(text: str) -> str:
    """Why `text` (separators already removed) is neither a mobile nor a landline, in words: what
    is wrong with what was typed, not only what a number looks like."""
    generic = translate(
        "Errors", "Enter an 11-digit mobile number or a landline such as 021-12345678."
    )
    digits = text
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            digits = text[len(prefix) :]
            break
    else:
        if text.startswith("+"):
            return translate("Errors", "Only phone numbers of mainland China can be recorded.")
    if not (digits.isascii() and digits.isdigit()):
        return translate(
            "Errors", "A phone number has only digits (spaces and dashes between them are fine)."
        )
    if len(digits) < _LEAST_DIAGNOSED:
        return generic
    if len(digits) > _MOST_ECHOED:
        return translate(
            "Errors", "This is too long for a phone number: a mobile number has 11 digits."
        )
    if digits != text and not digits.startswith("1"):
        return translate(
            "Errors", "Write a landline without +86, with its area code: 021-12345678."
        )
    if digits.startswith("1"):
        return _why_not_a_mobile(digits)
    if digits.startswith("0"):
        return _why_not_a_landline(digits) or generic
    if len(digits) == _LEAST_DIAGNOSED:
        return translate(
            "Errors",
            "%1 has 7 digits: a number outside Shanghai needs its area code in front (such as "
            "0571-1234567); Shanghai numbers have 8 digits.",
        ).replace("%1", digits)
    return (
        translate(
            "Errors",
            "%1 has %2 digits: a landline has 8 digits, its area code in front (021-12345678); a "
            "mobile number has 11 and begins with 1.",
        )
        .replace("%1", digits)
        .replace("%2", str(len(digits)))
    )


def _why_not_a_mobile(digits: str) -> str:
    """`digits` begin with 1, as mobile numbers do, and are no mobile number (phonenumbers)."""
    if len(digits) != MOBILE_LENGTH:
        return (
            translate("Errors", "%1 has %2 digits: a mobile number has 11.")
            .replace("%1", digits)
            .replace("%2", str(len(digits)))
        )
    if not _MOBILE.fullmatch(digits):
        return translate(
            "Errors", "%1 is not a mobile number: mobile numbers begin with 13 to 19."
        ).replace("%1", digits)
    block = digits[:3]
    if not _mobile_block_in_use(block):
        return (
            translate("Errors", "%1 is not a mobile number: no mobile number begins with %2.")
            .replace("%1", digits)
            .replace("%2", block)
        )
    return translate("Errors", "%1 is not a mobile number in use. Please check it.").replace(
        "%1", digits
    )


def _mobile_block_in_use(block: str) -> bool:
    """Whether any mobile number begins with the three digits `block` (phonenumbers' ranges
    are at most five digits long, so trying the fourth and fifth digits covers them)."""
    return any(
        phonenumbers.is_valid_number(phonenumbers.parse(f"{block}{n:02d}000000", "CN"))
        for n in range(100)
    )


def _why_not_a_landline(digits: str) -> str | None:
    """`digits` begin with 0, as an area code does: what is wrong after it (None: no area code
    of mainland China begins them)."""
    if digits.startswith("010") or digits[1:2] == "2":
        area = digits[:3]
        wrong_length = translate("Errors", "After the area code %1 come 8 digits, not %2 (%3).")
        lengths: tuple[int, ...] = (8,)
    elif digits[1:2] in tuple("3456789"):
        area = digits[:4]
        wrong_length = translate(
            "Errors", "After the area code %1 come 7 or 8 digits, not %2 (%3)."
        )
        lengths = (7, 8)
    else:
        return None
    local = digits[len(area) :]
    if local.startswith("0"):
        return translate(
            "Errors", "After the area code %1 the number cannot begin with 0."
        ).replace("%1", area)
    if len(local) in lengths:
        return None
    return wrong_length.replace("%1", area).replace("%2", str(len(local))).replace("%3", local)


def phone_digits(canonical: str) -> str:
    """The digits of a stored phone, as typed when searching by the full number."""
    return canonical.replace("-", "")


def phone_reversed(canonical: str) -> str:
    """The digits reversed: "last N digits" becomes an indexable prefix of this column."""
    return phone_digits(canonical)[::-1]


def id_tail(canonical: str) -> str:
    """The last four characters of a resident ID, the column the desk's search looks them up in."""
    return canonical[-4:]


_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_ID_FOLD = str.maketrans("０１２３４５６７８９Ｘｘx", "0123456789XXX", " \u3000")


def id_number(value: str | None, *, today: dt.date | None = None) -> str | None:
    """An 18-character resident ID (身份证号), upper-case X; None if empty.

    The check digit (ISO 7064 MOD 11-2) and the birth date come from python-stdnum; the place code
    is not looked up, since the table of counties lags behind renamed districts.
    """
    if value is None:
        return None
    text = value.translate(_ID_FOLD)
    if not text:
        return None
    if not _ID_SHAPE.fullmatch(text):
        raise ValidationError(
            "id_number",
            translate("Errors", "A resident ID has 18 characters: 17 digits and a digit or X."),
        )
    if ric.calc_check_digit(text) != text[-1]:
        raise ValidationError(
            "id_number",
            translate("Errors", "This ID number is mistyped: its last character does not match."),
        )
    try:
        born: dt.date | None = ric.get_birth_date(text)
    except stdnum_errors.ValidationError:
        born = None
    if born is None or born.year < MIN_BIRTH_YEAR or born > (today or clock.today()):
        raise ValidationError(
            "id_number",
            translate("Errors", "The birth date in this ID number is not possible."),
        )
    return text


def birth_date_from_id(canonical: str) -> dt.date:
    return dt.date(int(canonical[6:10]), int(canonical[10:12]), int(canonical[12:14]))


def gender_from_id(canonical: str) -> Gender:
    """The 17th digit is odd for men and even for women."""
    return Gender.MALE if int(canonical[16]) % 2 else Gender.FEMALE


def gender_conflict(gender: Gender | None, canonical_id: str | None) -> Gender | None:
    """The ID number's gender when it contradicts `gender`; None when they agree or either is
    missing. A conflict is shown for a person to decide (a mistyped ID, a wrongly chosen gender,
    or a person whose gender changed): nothing is overwritten because of it."""
    if gender is None or canonical_id is None:
        return None
    from_id = gender_from_id(canonical_id)
    return from_id if from_id is not gender else None


def birth_year(value: int | str | None, *, today: dt.date | None = None) -> int | None:
    """A four-digit year from 1900 to this year; None if empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValidationError("birth_year", translate("Errors", "Enter the year of birth."))
    if isinstance(value, str):
        text = value.translate(_FULL_WIDTH_DIGITS).strip()
        if not text:
            return None
        if not re.fullmatch(r"[0-9]{4}", text):
            raise ValidationError(
                "birth_year",
                translate("Errors", "Enter the year of birth as four digits, e.g. 1956."),
            )
        year = int(text)
    else:
        year = value
    this_year = (today or clock.today()).year
    if not MIN_BIRTH_YEAR <= year <= this_year:
        raise ValidationError(
            "birth_year",
            translate("Errors", "The year of birth must lie between %1 and %2.")
            .replace("%1", str(MIN_BIRTH_YEAR))
            .replace("%2", str(this_year)),
        )
    return year


def birth_year_agrees(year: int | None, canonical_id: str | None) -> int | None:
    """The birth year, taken from the ID number when one is given; a different year is refused."""
    if canonical_id is None:
        return year
    from_id = birth_date_from_id(canonical_id).year
    if year is not None and year != from_id:
        raise ValidationError(
            "birth_year",
            translate("Errors", "The year of birth does not match the ID number (%1).").replace(
                "%1", str(from_id)
            ),
        )
    return from_id


_GENDERS = {
    "m": Gender.MALE,
    "male": Gender.MALE,
    "男": Gender.MALE,
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
    "女": Gender.FEMALE,
}


def gender(value: Gender | str | None) -> Gender | None:
    """M or F (男/女 accepted); None if not given."""
    if value is None:
        return None
    if isinstance(value, Gender):
        return value
    text = value.strip().lower()
    if not text:
        return None
    found = _GENDERS.get(text)
    if found is None:
        raise ValidationError("gender", translate("Errors", "Choose male or female."))
    return found


def mask_phone(value: str | None) -> str:
    """138****5678; a landline keeps its area code and last 4 digits (021-****5678)."""
    if not value:
        return ""
    area, dash, local = value.rpartition("-")
    if dash:
        return f"{area}-{_mask_middle(local, keep_start=0)}"
    return _mask_middle(value, keep_start=3)


def _mask_middle(digits: str, *, keep_start: int) -> str:
    if len(digits) <= keep_start + 4:
        return "*" * max(len(digits) - 4, 0) + digits[-4:]
    return digits[:keep_start] + "*" * (len(digits) - keep_start - 4) + digits[-4:]


# The form DESIGN.md gives ("3101**********1234"): as long as the number itself, the first four
# and the last four characters kept; the district, birth date and sequence hidden.
_ID_KEPT = 4


def mask_id(value: str | None) -> str:
    """3101**********1234: 18 characters like the number, the first and last four kept."""
    if not value:
        return ""
    if len(value) <= 2 * _ID_KEPT:
        return "*" * len(value)
    return value[:_ID_KEPT] + "*" * (len(value) - 2 * _ID_KEPT) + value[-_ID_KEPT:]


# --- what a record keeps without consent (PIPL: collect the least that serves) ---------------

# Kept without consent: what a visit needs. A phone too, when the volunteer confirms it is only
# for contacting the person (`phone_for_contact`).
KEPT_WITHOUT_CONSENT = frozenset({"name", "community_id", "building_group_id"})


class ConsentNeeded(ValidationError):
    """Fields a record without consent may not keep. `field` and `message` are the first one's
    (the form puts the cursor there); `problems` holds every one, for a message beside each."""

    def __init__(self, problems: list[ValidationError]) -> None:
        super().__init__(problems[0].field, problems[0].message)
        self.problems = problems


def consent_problems(
    filled: Iterable[str], *, consent: bool, phone_for_contact: bool
) -> list[ValidationError]:
    """A ValidationError for each field in `filled` (the names of the fields that hold a value,
    in form order) that a record without consent may not keep; [] with consent.

    The rule, the same for the form, the service and the roster import: without consent a
    record keeps its name, community and building group, and a phone only when it is confirmed
    to be for contacting the person. An ID number, gender, year of birth, address, tags and note
    need consent.
    """
    if consent:
        return []
    problems: list[ValidationError] = []
    for field in filled:
        if field in KEPT_WITHOUT_CONSENT:
            continue
        if field == "phone":
            if not phone_for_contact:
                problems.append(
                    ValidationError(
                        "phone",
                        translate(
                            "Errors",
                            "Without consent a phone number is kept only for contacting the "
                            "person: tick “Phone only for contacting them”, or ask for consent.",
                        ),
                    )
                )
        elif field == "id_number":
            problems.append(
                ValidationError(
                    "id_number",
                    translate(
                        "Errors",
                        "An ID number is kept only with the person's consent: tick “Consent to "
                        "data use”, or leave the ID number empty.",
                    ),
                )
            )
        else:
            problems.append(
                ValidationError(
                    field,
                    translate(
                        "Errors",
                        "Kept only with the person's consent: tick “Consent to data use”, or "
                        "leave this empty.",
                    ),
                )
            )
    return problems


def check_consent(filled: Iterable[str], *, consent: bool, phone_for_contact: bool) -> None:
    """Raise ConsentNeeded when `consent_problems` finds any."""
    problems = consent_problems(filled, consent=consent, phone_for_contact=phone_for_contact)
    if problems:
        raise ConsentNeeded(problems)
