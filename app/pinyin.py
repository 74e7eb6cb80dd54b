"""Pinyin search keys of a person's name: full pinyin and initials (张三 → zhangsan, zs).

pypinyin reads a name like any other word, so a polyphonic surname gets its common reading
(单雄信 → dan…, 曾国藩 → ceng…). Surnames have their own table here, and both readings are
kept: the name's true one and the common one a volunteer may type instead.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

KINDS = ("initials", "pinyin")

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
    """(kind, key) pairs for `name`, kind "initials" or "pinyin", keys lowercase ASCII letters.

    The surname's own reading comes first, then the common reading when it differs; no
    duplicates. A Latin name gives its letters ("Anna Smith" → "as", "annasmith").
    """
    spaced = _SEPARATORS.sub(" ", unicodedata.normalize("NFKC", name)).strip()
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
    keys: list[tuple[str, str]] = []
    for syllables in readings:
        if not syllables:
            continue
        for pair in (
            ("initials", "".join(s[0] for s in syllables)),
            ("pinyin", "".join(syllables)),
        ):
            if pair not in keys:
                keys.append(pair)
    return keys


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
