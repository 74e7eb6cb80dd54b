"""Pinyin search keys (surnames read as surnames, the common reading kept, Latin names, no dupes)
and the order of names, syllable by syllable."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.pinyin import (
    COMPOUND_SURNAMES,
    KEY_MAX,
    NO_PINYIN,
    SURNAMES,
    search_keys,
    sort_key,
    sort_text,
)


def _keys(name: str, kind: str) -> list[str]:
    return [key for k, key in search_keys(name) if k == kind]


def _search(name: str) -> list[tuple[str, str]]:
    """The keys the search box matches (not the sort key)."""
    return [(kind, key) for kind, key in search_keys(name) if kind != "sort"]


def test_plain_names() -> None:
    assert search_keys("张三") == [
        ("initials", "zs"),
        ("pinyin", "zhangsan"),
        ("sort", "zhang san"),
    ]
    assert _keys("李小明", "initials") == ["lxm"]
    assert _keys("李小明", "pinyin") == ["lixiaoming"]


@pytest.mark.parametrize(
    ("name", "initials", "full", "common_initials", "common_full"),
    [
        ("单雄信", "sxx", "shanxiongxin", "dxx", "danxiongxin"),
        ("曾国藩", "zgf", "zengguofan", "cgf", "cengguofan"),
        ("解缙", "xj", "xiejin", "jj", "jiejin"),
        ("仇英", "qy", "qiuying", "cy", "chouying"),
        ("区志强", "ozq", "ouzhiqiang", "qzq", "quzhiqiang"),
        ("朴槿惠", "pjh", "piaojinhui", "pjh", "pujinhui"),
        ("查良镛", "zly", "zhaliangyong", "cly", "chaliangyong"),
        ("盖聂", "gn", "genie", "gn", "gainie"),
        ("覃小华", "qxh", "qinxiaohua", "txh", "tanxiaohua"),
        ("尉迟恭", "ycg", "yuchigong", "wcg", "weichigong"),
        ("万俟卨", "mqx", "moqixie", "wqx", "wanqixie"),
        ("乐嘉", "yj", "yuejia", "lj", "lejia"),
        ("缪斯", "ms", "miaosi", "ms", "mousi"),
        ("翟志刚", "zzg", "zhaizhigang", "dzg", "dizhigang"),
        ("种师道", "csd", "chongshidao", "zsd", "zhongshidao"),
        ("繁钦", "pq", "poqin", "fq", "fanqin"),
        ("折克行", "skx", "shekexing", "zkx", "zhekexing"),
        ("员半千", "ybq", "yunbanqian", "ybq", "yuanbanqian"),
        ("召忽", "sh", "shaohu", "zh", "zhaohu"),
        ("秘丽", "bl", "bili", "ml", "mili"),
    ],
)
def test_polyphonic_surnames_give_both_readings(
    name: str, initials: str, full: str, common_initials: str, common_full: str
) -> None:
    keys = search_keys(name)
    # The surname's own reading comes first.
    assert keys[0] == ("initials", initials)
    assert keys[1] == ("pinyin", full)
    assert ("initials", common_initials) in keys
    assert ("pinyin", common_full) in keys


def test_compound_surname_read_as_one() -> None:
    assert _keys("长孙无忌", "pinyin") == ["zhangsunwuji"]
    assert _keys("尉迟恭", "initials")[0] == "ycg"


@pytest.mark.parametrize("surname", sorted(SURNAMES))
def test_every_table_surname_is_read_its_way(surname: str) -> None:
    assert ("pinyin", SURNAMES[surname] + "ming") in search_keys(surname + "明")


@pytest.mark.parametrize("surname", sorted(COMPOUND_SURNAMES))
def test_every_compound_surname_is_read_its_way(surname: str) -> None:
    assert search_keys(surname + "明")[1] == (
        "pinyin",
        "".join(COMPOUND_SURNAMES[surname]) + "ming",
    )


def test_latin_names() -> None:
    assert _search("Anna Smith") == [("initials", "as"), ("pinyin", "annasmith")]
    assert _search("  José   García ") == [("initials", "jg"), ("pinyin", "josegarcia")]
    assert _search("Ｍａｒｙ") == [("initials", "m"), ("pinyin", "mary")]  # full-width letters
    assert _keys("Anna Smith", "sort") == ["anna smith"]


def test_middle_dot_and_spaces_ignored() -> None:
    assert search_keys("阿依古丽·买买提") == [
        ("initials", "ayglmmt"),
        ("pinyin", "ayigulimaimaiti"),
        ("sort", "a yi gu li mai mai ti"),
    ]
    assert search_keys("张 三") == search_keys("张三")
    assert search_keys("克里斯蒂娜・王") == search_keys("克里斯蒂娜·王")


def test_keys_are_lowercase_ascii_letters() -> None:
    for name in ["吕布", "女娲", "张a三", "Anna张", "王2号", "单雄信", "欧阳娜娜"]:
        for kind, key in _search(name):
            assert kind in ("initials", "pinyin")
            assert key.isascii() and key.isalpha() and key == key.lower(), (name, key)
        [order] = _keys(name, "sort")
        assert all(word.isascii() and word.isalpha() for word in order.split(" ")), name


def test_no_duplicates() -> None:
    for name in ["朴槿惠", "盖聂", "单单", "张张", "长孙无忌", "尉迟恭"]:
        keys = search_keys(name)
        assert len(keys) == len(set(keys)), name
    # A surname whose reading is the common one anyway gives one pair only (and the sort key).
    assert len(_search("王伟")) == 2
    assert _keys("王伟", "sort") == ["wang wei"]


def test_empty_and_punctuation_only() -> None:
    assert search_keys("") == []
    assert search_keys(" · ") == []
    assert _search("123") == []  # nothing to search by, and ordered after every name
    assert _keys("123", "sort") == ["~ 123"]


def test_pypinyin_is_imported_lazily() -> None:
    code = "import sys, app.pinyin; assert 'pypinyin' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_fast_enough_for_a_large_roster() -> None:
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗单曾解仇区查覃尉迟"
    given = ["伟", "秀英", "建国", "桂兰", "志强", "小明", "丽娟", "国华", "玉珍", "海燕"]
    # Unusual third characters defeat the cache of given names: close to the worst case.
    names = [
        f"{surname}{name}{chr(0x4E00 + i % 5000)}"
        for i, (surname, name) in enumerate((s, g) for s in surnames for g in given * 40)
    ]
    search_keys("预热")
    started = time.perf_counter()
    for name in names:
        search_keys(name)
    per_name = (time.perf_counter() - started) / len(names)
    # 100,000 names must take a few seconds at most (measured: ~5 µs a name here).
    assert per_name * 100_000 < 10.0


# --- the order of names ------------------------------------------------------------------------

# Han characters of names (common and rare), the middle dot, and Latin letters.
_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_NAME_PARTS = st.one_of(_HAN, _HAN, _HAN, st.sampled_from(["·", "a", "Z", "é", " "]))
names = st.text(_NAME_PARTS, min_size=1, max_size=20).filter(lambda n: n.strip(" ·"))
# Syllables that begin with one another (a / ai / an / ang), where joined letters mislead.
_TRAPS = ["阿", "艾", "安", "昂", "奥", "西", "先", "想", "小", "张", "章", "詹", "战"]


def test_a_sorts_before_ai_and_an_syllable_by_syllable() -> None:
    order = ["阿秀云", "阿依古丽·买买提明", "艾海红", "安素珍", "昂立", "Anna Schmidt"]
    assert sorted(reversed(order), key=sort_key) == order
    # Joined letters put 阿 (a-xiu-yun) after 艾 (ai-hai-hong): the bug this order fixes.
    assert "axiuyun" > "aihaihong"
    assert sort_key("阿秀云") < sort_key("艾海红")


def test_polyphonic_surnames_are_ordered_as_surnames() -> None:
    assert sort_key("单雄信") == ("shan", "xiong", "xin")
    assert sort_key("曾国藩")[0] == "zeng"
    assert sort_key("尉迟恭")[:2] == ("yu", "chi")
    # 单 (shan) between 丹 (dan) and 孙 (sun), not beside 丹.
    assert sorted(["孙立", "单雄信", "丹青"], key=sort_key) == ["丹青", "单雄信", "孙立"]


def test_a_name_without_pinyin_comes_last_by_name() -> None:
    assert sort_key("") == ()
    assert sort_key("123")[0] == NO_PINYIN
    assert sorted(["123", "张三", "Zoe"], key=sort_key) == ["张三", "Zoe", "123"]


@given(st.lists(names, min_size=2, max_size=6))
def test_the_stored_text_orders_as_the_key(batch: list[str]) -> None:
    """The database orders by `sort_text` (byte order); Python by `sort_key`: the same order."""
    by_key = sorted(batch, key=lambda name: (sort_key(name), name))
    by_text = sorted(batch, key=lambda name: (sort_text(name).encode("utf-8"), name))
    assert [sort_key(name) for name in by_key] == [sort_key(name) for name in by_text]


@given(names, names)
def test_the_first_different_syllable_decides(first: str, second: str) -> None:
    a, b = sort_key(first), sort_key(second)
    assume(a != b and a and b and NO_PINYIN not in (a[0], b[0]))
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
    if at is None:  # one is the other's start: the shorter comes first (张 before 张三)
        assert (a < b) == (len(a) < len(b))
    else:
        assert (a < b) == (a[at] < b[at])


@given(st.sampled_from(_TRAPS), st.sampled_from(_TRAPS), names, names)
def test_a_syllable_before_another_puts_its_name_first(
    head: str, other: str, rest: str, other_rest: str
) -> None:
    """Whatever follows: 阿… before 艾… before 安…, as their first syllables are."""
    first, second = sort_key(head)[0], sort_key(other)[0]
    assume(first != second and not rest.startswith(" ") and not other_rest.startswith(" "))
    # Surnames with a reading of their own (单, 曾 …) are not in the traps; the rest is a name.
    assume(
        head + rest[:1] not in COMPOUND_SURNAMES and other + other_rest[:1] not in COMPOUND_SURNAMES
    )
    assert (sort_key(head + rest) < sort_key(other + other_rest)) == (first < second)


@given(names)
def test_sort_keys_are_lowercase_syllables_or_the_name_last(name: str) -> None:
    key = sort_key(name)
    if key and key[0] == NO_PINYIN:
        assert len(key) == 2
    else:
        assert all(s.isascii() and s.isalpha() and s == s.lower() for s in key), key
    assert len(sort_text(name)) <= KEY_MAX
