"""Pinyin search keys: surnames read as surnames, the common reading kept, Latin names, no dupes."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from app.pinyin import COMPOUND_SURNAMES, SURNAMES, search_keys


def _keys(name: str, kind: str) -> list[str]:
    return [key for k, key in search_keys(name) if k == kind]


def test_plain_names() -> None:
    assert search_keys("张三") == [("initials", "zs"), ("pinyin", "zhangsan")]
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
    assert search_keys("Anna Smith") == [("initials", "as"), ("pinyin", "annasmith")]
    assert search_keys("  José   García ") == [("initials", "jg"), ("pinyin", "josegarcia")]
    assert search_keys("Ｍａｒｙ") == [("initials", "m"), ("pinyin", "mary")]  # full-width letters


def test_middle_dot_and_spaces_ignored() -> None:
    assert search_keys("阿依古丽·买买提") == [
        ("initials", "ayglmmt"),
        ("pinyin", "ayigulimaimaiti"),
    ]
    assert search_keys("张 三") == search_keys("张三")
    assert search_keys("克里斯蒂娜・王") == search_keys("克里斯蒂娜·王")


def test_keys_are_lowercase_ascii_letters() -> None:
    for name in ["吕布", "女娲", "张a三", "Anna张", "王2号", "单雄信", "欧阳娜娜"]:
        for kind, key in search_keys(name):
            assert kind in ("initials", "pinyin")
            assert key.isascii() and key.isalpha() and key == key.lower(), (name, key)


def test_no_duplicates() -> None:
    for name in ["朴槿惠", "盖聂", "单单", "张张", "长孙无忌", "尉迟恭"]:
        keys = search_keys(name)
        assert len(keys) == len(set(keys)), name
    # A surname whose reading is the common one anyway gives one pair only.
    assert len(search_keys("王伟")) == 2


def test_empty_and_punctuation_only() -> None:
    assert search_keys("") == []
    assert search_keys(" · ") == []
    assert search_keys("123") == []


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
