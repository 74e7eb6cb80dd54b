"""Masking phone and ID numbers inside free text (notes, addresses) as the program masks the
fields themselves: 138****5678, 021-****1234, 3101**********1234.

A volunteer types a number into a note the way people write it: 138 1234 5678, 138-1234-5678,
full-width １３８１２３４５６７８, (021) 5768-1234, +86 138…, an ID number in groups of digits. All
of these are found: Chinese mobiles (11 digits from 13–19), landlines with their area code
(010, 02X, 0XXX and a 7- or 8-digit number), and 18-character resident ID numbers. A run of
digits that is longer than any of these (an account number, say) is left as it is; a run that
looks like one of them is masked even if it is something else, which is the safe side.
"""

from __future__ import annotations

import re

from app.people_fields import mask_id, mask_phone

# One character for one: positions in the folded text are positions in the original.
_FOLD = str.maketrans(
    "０１２３４５６７８９Ｘｘ＋－—–‐（）\u3000",
    "0123456789Xx+----() ",
)

_SEP = r"[ \-.]?"  # one space, dash or dot may sit between two digits
_AFTER = r"(?![0-9])"
_BEFORE = r"(?<![0-9])"

_ID = re.compile(_BEFORE + r"[1-9](?:" + _SEP + r"[0-9]){16}" + _SEP + r"[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(
    _BEFORE
    + r"(?:(?:\+|00)86"
    + _SEP
    + r")?(?P<number>1"
    + _SEP
    + r"[3-9](?:"
    + _SEP
    + r"[0-9]){9})"
    + _AFTER
)
# 010 and 02X have 8-digit local numbers; 0XXX (second digit 3-9) 7 or 8 digits. With +86 the
# area code loses its 0.
_LANDLINE = re.compile(
    _BEFORE
    + r"(?:(?:\+|00)86"
    + _SEP
    + r"\(?(?P<intl>10|2[0-9]|[3-9][0-9]{2})\)?|\(?(?P<area>0(?:10|2[0-9]|[3-9][0-9]{2}))\)?)"
    + r"[ \-]?(?P<local>[2-9](?:"
    + _SEP
    + r"[0-9]){6,7})"
    + _AFTER
)


# Two-character surnames (复姓) a masked name keeps whole: 欧阳** rather than 欧**.
_COMPOUND_SURNAMES = frozenset(
    {
        *("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐", "夏侯", "司徒"),
        *("公孙", "尉迟", "长孙", "宇文", "轩辕", "端木", "南宫", "西门", "独孤", "呼延"),
        *("万俟", "单于", "澹台", "中行", "闻人", "赫连", "钟离", "太史", "申屠", "百里"),
    }
)


def mask_name(name: str | None) -> str:
    """张** for 张三丰 or 张三: the surname kept, the given name hidden (a printed agenda or a
    list others may read). A foreign or minority name keeps its first character."""
    text = (name or "").strip()
    if not text:
        return ""
    surname = text[:2] if text[:2] in _COMPOUND_SURNAMES else text[0]
    if len(text) <= len(surname):
        return surname[0] + "*"
    return surname + "**"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch in "Xx").upper()


def mask_numbers(text: str | None) -> str:
    """`text` with every phone number and ID number in it masked; other text unchanged."""
    if not text:
        return text or ""
    folded = text.translate(_FOLD)
    spans: list[tuple[int, int, str]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in spans)

    for match in _ID.finditer(folded):
        spans.append((match.start(), match.end(), mask_id(_digits(match.group()))))
    for match in _MOBILE.finditer(folded):
        if free(match.start(), match.end()):
            spans.append((match.start(), match.end(), mask_phone(_digits(match["number"]))))
    for match in _LANDLINE.finditer(folded):
        if free(match.start(), match.end()):
            area = match["area"] or "0" + match["intl"]
            spans.append(
                (match.start(), match.end(), mask_phone(f"{area}-{_digits(match['local'])}"))
            )
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for start, end, masked in sorted(spans):
        parts.append(text[position:start])
        parts.append(masked)
        position = end
    parts.append(text[position:])
    return "".join(parts)
