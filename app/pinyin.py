"""Pinyin of a person's name: search keys (张三 → zhangsan, zs) and the order of names.

pypinyin reads a name like any other word, so a polyphonic surname gets its common reading
(单雄信 → dan…, 曾国藩 → ceng…). Surnames have their own table here, and both readings are
kept for searching: the name's true one and the common one a volunteer may type instead.

Names are ordered by `sort_key`, syllable by syllable, as a dictionary orders them: a < ai < an,
so 阿秀云 (a xiu yun) comes before 艾海红 (ai hai hong) and 安素珍 (an su zhen). Comparing the
joined letters instead ("axiuyun" > "aihaihong") would put 阿 among the ai- names. The register
is ordered by the same key stored as text (`sort_text`); lists printed in pinyin order (the
sign-in sheet) sort by `sort_key`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

KINDS = ("initials", "pinyin", "sort")

# The stored keys' column length: longer keys are cut (searching and ordering by their first 80
# letters is the same for every real name; a 20-character name's pinyin can exceed it).
KEY_MAX = 80

# Names without any pinyin (only characters pypinyin doesn't know) are ordered after every other
# name, by the name itself: "~" sorts above every lowercase letter, in Python and in the
# database's byte order alike.
NO_PINYIN = "~"
# Between syllables of the stored sort text: below every letter, so text order is syllable order.
_SYLLABLE_BREAK = " "

# Compound surnames (复姓) whose reading as a surname differs from their characters' usual ones.
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"),
    "中行": ("zhong", "hang"),
    "乐正": ("yue", "zheng"),
}

# Single-character surnames read differently as a surname (pypinyin gives the second reading).
SURNAMES: dict[str, str] = {
    "单": "shan",  # dan
    "曾": "zeng",  # ceng
    "解": "xie",  # jie
    "仇": "qiu",  # chou
    "区": "ou",  # qu
    "朴": "piao",  # pu
    "查": "zha",  # cha
    "盖": "ge",  # gai
    "覃": "qin",  # tan
    "乐": "yue",  # le (both are surnames; le stays as the common reading)
    "缪": "miao",  # mou
    "翟": "zhai",  # di
    "种": "chong",  # zhong
    "繁": "po",  # fan
    "折": "she",  # zhe
    "员": "yun",  # yuan
    "召": "shao",  # zhao
    "秘": "bi",  # mi
    "长": "chang",  # zhang
    "重": "chong",  # zhong
    "洗": "xian",  # xi
    "句": "gou",  # ju
    "隗": "wei",  # kui
    "蕃": "pi",  # fan
    "能": "nai",  # neng
    "乜": "nie",  # mie
    "黑": "he",  # hei
    "佴": "nai",  # er
    "粘": "nian",  # zhan
    "藏": "zang",  # cang
    "颉": "xie",  # jie
    "郇": "xun",  # huan
    "都": "du",  # dou
    "番": "pan",  # fan
    "薄": "bo",  # bao
    "卜": "bu",  # bo
    "阚": "kan",  # han
    "适": "kuo",  # shi
    "祭": "zhai",  # ji
    "角": "jue",  # jiao
    "炅": "gui",  # jiong
}

# Separators inside names: spaces and the middle dots of transliterated names (阿依古丽·买买提).
_SEPARATORS = re.compile(r"[\s·・•‧.\-_'’]+")
_LETTERS = re.compile(r"[a-z]+")


def search_keys(name: str) -> list[tuple[str, str]]:
    """The (kind, key) pairs stored for `name`: its search keys and its sort key.

    Kinds "initials" and "pinyin" are what the search box matches, lowercase ASCII letters; the
    surname's own reading comes first, then the common reading when it differs; no duplicates.
    A Latin name gives its letters ("Anna Smith" → "as", "annasmith"). The last pair, kind
    "sort", is `sort_text(name)`, which the register is ordered by.
    """
    keys: list[tuple[str, str]] = []
    for syllables in _readings(name):
        for pair in (
            ("initials", "".join(s[0] for s in syllables)[:KEY_MAX]),
            ("pinyin", "".join(syllables)[:KEY_MAX]),
        ):
            if pair not in keys:
                keys.append(pair)
    order = sort_text(name)
    if order:
        keys.append(("sort", order))
    return keys


def sort_key(name: str) -> tuple[str, ...]:
    """The key people are ordered by: the name's pinyin syllables, the surname read as a surname
    (单雄信 → ("shan", "xiong", "xin"), among the sh- names, not the d- ones).

    Tuples compare syllable by syllable, so 阿 (a) comes before 艾 (ai) and 安 (an). A name with
    no pinyin at all comes after every other, by the name itself: ("~", name). () for an empty
    name. Equal keys (张三, 章三) are left in the order they came: break ties by the name, then
    the id, for a fixed order.
    """
    readings = _readings(name)
    if readings:
        return readings[0]
    text = _spaced(name).replace(" ", "")
    return (NO_PINYIN, text) if text else ()


def sort_text(name: str) -> str:
    """`sort_key` as one string whose order (Python's, and byte order in the database) is the
    order of the keys: the syllables joined by a space ("a xiu yun" < "ai hai hong")."""
    return _SYLLABLE_BREAK.join(sort_key(name))[:KEY_MAX]


def _spaced(name: str) -> str:
    return _SEPARATORS.sub(" ", unicodedata.normalize("NFKC", name)).strip()


def _readings(name: str) -> list[tuple[str, ...]]:
    """The pinyin syllables of `name`: reading it as a name first (its surname's own reading),
    then as ordinary words when that differs. Empty readings are left out."""
    spaced = _spaced(name)
    text = spaced.replace(" ", "")
    if not text:
        return []
    readings: list[tuple[str, ...]] = []
    if _is_han(text[0]):
        surname = text[:2] if text[:2] in COMPOUND_SURNAMES else text[0]
        given = _syllables(text[len(surname) :])
        if surname in COMPOUND_SURNAMES:
            readings.append(COMPOUND_SURNAMES[surname] + given)
        elif surname in SURNAMES:
            readings.append((SURNAMES[surname], *given))
        common: tuple[str, ...] = ()
        for char in surname:
            common += _syllables(char)
        readings.append(common + given)
    else:
        readings.append(_syllables(spaced))
    return [reading for reading in dict.fromkeys(readings) if reading]


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"


@lru_cache(maxsize=32768)
def _syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of Chinese text; other runs split into ASCII words.
    Cached: given names repeat a lot, and pypinyin costs ~20 µs a call."""
    if not text:
        return ()
    from pypinyin import lazy_pinyin  # 220 ms to import: only when a key is first needed

    syllables: list[str] = []
    for part in lazy_pinyin(text):
        if part.isascii() and part.isalpha() and part.islower():
            syllables.append(part)
        else:  # Latin letters, digits, or a character pypinyin doesn't know
            syllables.extend(_words(part))
    return tuple(syllables)


def _words(text: str) -> tuple[str, ...]:
    """Lowercase ASCII words of Latin text, accents folded (José → jose)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return tuple(_LETTERS.findall(folded.lower()))
