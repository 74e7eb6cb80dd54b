"""Made-up residents of a Shanghai suburb: names as their generation was named, mobile numbers,
resident IDs and organisations' credit codes that pass the same checks as real ones.

The surnames follow Shanghai's registered population (张王陈李徐 first, and the Jiangnan names
沈陆顾钱 far more often than in China as a whole); the given names follow the decade of birth.
"""

from __future__ import annotations

import datetime as dt
import random

from stdnum.cn import ric, uscc

from app.demo.draw import accumulate, pick


def _pairs(names: str) -> tuple[str, ...]:
    """Two-character given names written without separators."""
    return tuple(names[i : i + 2] for i in range(0, len(names), 2))


def _weighted(table: str) -> dict[str, float]:
    """ "张 4.9 王 4.8 …" → {"张": 4.9, "王": 4.8, …}."""
    words = table.split()
    return {words[i]: float(words[i + 1]) for i in range(0, len(words), 2)}


# Share in percent of each surname among Shanghai's residents (rounded; the tail is shortened).
SURNAMES = _weighted(
    """
    张 4.9 王 4.8 陈 4.6 李 3.3 徐 3.3 朱 2.8 周 2.7 沈 2.4 陆 2.3 顾 2.0 吴 2.0 杨 1.9 黄 1.8
    刘 1.7 金 1.6 钱 1.3 孙 1.3 胡 1.3 蒋 1.1 曹 1.0 姚 1.0 赵 1.0 倪 0.9 戴 0.9 唐 0.9 许 0.9
    施 0.8 宋 0.8 潘 0.8 范 0.8 马 0.7 郭 0.7 丁 0.7 袁 0.7 严 0.6 俞 0.6 龚 0.6 夏 0.6 方 0.6
    叶 0.6 郑 0.5 邱 0.5 汤 0.5 毛 0.5 何 0.5 高 0.5 林 0.5 杜 0.4 程 0.4 谢 0.4 郁 0.4 卢 0.4
    邵 0.4 吕 0.4 傅 0.4 蔡 0.4 费 0.3 秦 0.3 奚 0.3 卫 0.3 殷 0.3 庄 0.3 姜 0.3 苏 0.3 罗 0.3
    梁 0.3 韩 0.3 冯 0.3 董 0.3 汪 0.3 薛 0.3 陶 0.3 孔 0.2 于 0.2 彭 0.2 贾 0.2 邹 0.2 任 0.2
    石 0.2 谈 0.2 浦 0.2 盛 0.2 孟 0.2 熊 0.2 钟 0.2 田 0.2 万 0.2 魏 0.2 尹 0.2 葛 0.2 章 0.2
    濮 0.1 诸 0.1 钮 0.1 褚 0.1 项 0.1 计 0.1 柏 0.1 瞿 0.1 凌 0.1 翁 0.1 华 0.1 车 0.1 管 0.1
    欧阳 0.05 司马 0.03 上官 0.02 诸葛 0.02
    """
)

# Given names by the decade of birth: the old generation's, the middle one's, the young one's.
GIVEN_OLD_F = _pairs(
    "秀英桂英凤英玉珍宝珍月英菊英秀珍兰芳素珍美华雅琴根娣金娣彩娣杏娣惠珍佩华丽华桂兰"
)
GIVEN_OLD_M = _pairs(
    "建国国强建华志明德明根宝金宝伟民国平建平福根荣根家骏振华国庆卫国德兴永康金龙长林"
)
GIVEN_MIDDLE_F: tuple[str, ...] = (
    *"丽芳敏静燕红艳娟霞琴萍玲英华丹蓉晶菁瑾莉洁颖蕾倩",
    *_pairs("丽华丽萍丽娟海燕晓燕红梅雪梅春燕美玲晓红雪芳慧敏佳颖婷婷丽丽晓雯文娟燕萍秀芳"),
)
GIVEN_MIDDLE_M: tuple[str, ...] = (
    *"伟强军勇杰斌磊涛刚峰华明辉鹏超俊炜骏健毅琦晖剑云",
    *_pairs("海峰建军志刚卫东晓东国华建明海涛建平晓峰文杰红兵立新永强晓明卫华国伟忠良荣华"),
)
GIVEN_YOUNG_F = _pairs("子涵梓涵一诺欣怡思琪雨桐梓萱诗涵可馨语嫣佳怡若曦欣妍雨欣心怡芷若安琪")
GIVEN_YOUNG_M = _pairs("浩然宇轩子轩俊杰思远嘉豪梓豪一鸣博文天佑皓轩宇航明哲子墨晨阳奕辰睿泽俊熙")
OLD_BEFORE, YOUNG_FROM = 1962, 1995  # birth years
# Two characters drawn one from each string: names of any generation.
CHARS_M = ("国建志伟明华文永春海金德家俊晓立振庆荣宏", "平强明华军林生荣良峰东斌刚辉龙杰涛忠兴民")
CHARS_F = ("秀桂玉丽美晓雅佩月春慧静红海凤雪小婷佳欣", "英兰珍芳娟华萍琴红燕霞梅玲芬丽婷琳敏洁蓉")
# Surnames a volunteer finds only if the search knows how they are read (单 shan, 曾 zeng …).
POLYPHONIC = ("单", "曾", "解", "仇", "区", "查", "覃", "翟", "缪", "乐", "盖", "朴", "尉迟")
DOTTED_F = ("阿依古丽·买买提", "热依拉·吐尔逊", "古丽娜尔·阿不都", "迪丽拜尔·艾则孜")
DOTTED_M = ("买买提·艾力", "艾尔肯·吐尔逊", "巴特尔·乌力吉", "阿迪力·热合曼")
LATIN_F = ("Anna Schmidt", "Maria Rossi", "Yuki Tanaka")
LATIN_M = ("David Kim", "Thomas Muller", "Lucas Martin")
SHOWCASE = len(POLYPHONIC) + 2  # names that search must get right: one of each unusual kind

# Where party members who work elsewhere belong (双报到: 在职党员 report to their community too).
WORKPLACES = (
    "松江区税务局",
    "新桥镇人民政府",
    "松江区中心医院",
    "松江区第二中学",
    "新桥中学",
    "新桥镇中心小学",
    "松江区市场监督管理局",
    "松江区城市管理行政执法局",
    "新桥镇社区事务受理服务中心",
    "上海新桥资产经营有限公司",
    "上海东桥精密机械有限公司",
    "上海松新物流有限公司",
    "上海友桥电子科技有限公司",
    "上海新浜建设工程有限公司",
    "上海春申塘环境卫生服务有限公司",
    "松江公交客运有限公司",
    "上海农商银行新桥支行",
)

# Mobile number blocks in use (data-only and virtual-operator blocks left out).
_BLOCKS = (*range(30, 40), 50, 51, 52, 53, *range(55, 60), 66, 76, 77, 78, *range(80, 90))
MOBILE_PREFIXES = tuple(f"1{block}" for block in (*_BLOCKS, 91, 93, 95, 98, 99))

# Shanghai area codes with the years they were assigned (python-stdnum checks place vs birth year).
AREA_CODES: tuple[tuple[str, int, int], ...] = (
    ("310117", 1998, 9999),  # 松江区
    ("310227", 1982, 1998),  # 松江县
    ("310207", 0, 1982),  # 松江县 (before 1982)
    ("310112", 1981, 9999),  # 闵行区
    ("310104", 0, 9999),  # 徐汇区
    ("310105", 0, 9999),  # 长宁区
    ("310107", 0, 9999),  # 普陀区
    ("310110", 0, 9999),  # 杨浦区
)
SONGJIANG = "310117"

# (age from, age to, share, share of women)
AGE_BANDS = (
    (3, 14, 0.06, 0.5),
    (15, 29, 0.07, 0.5),
    (30, 44, 0.14, 0.52),
    (45, 59, 0.17, 0.53),
    (60, 69, 0.25, 0.56),
    (70, 79, 0.20, 0.58),
    (80, 96, 0.11, 0.62),
)


class Residents:
    """Draws residents' particulars from one random generator; numbers are never given twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surnames = list(SURNAMES)
        self._surname_cum = accumulate(SURNAMES.values())
        self._phones: set[str] = set()
        self._ids: set[str] = set()

    def name(self, gender: str, birth_year: int, showcase: int | None = None) -> tuple[str, bool]:
        """A name and whether it is a foreign (Latin) one; `showcase` (0 … SHOWCASE - 1) forces
        the unusual ones."""
        rng = self.rng
        roll = rng.random()
        if showcase is not None:
            if showcase < len(POLYPHONIC):
                return POLYPHONIC[showcase] + self.given(gender, birth_year), False
            if showcase == len(POLYPHONIC):
                return rng.choice(DOTTED_F if gender == "F" else DOTTED_M), False
            return rng.choice(LATIN_F if gender == "F" else LATIN_M), True
        if roll < 0.002:
            return rng.choice(DOTTED_F if gender == "F" else DOTTED_M), False
        if roll < 0.0025:
            return rng.choice(LATIN_F if gender == "F" else LATIN_M), True
        if roll < 0.025:
            surname = rng.choice(POLYPHONIC)
        else:
            surname = self._surnames[pick(rng, self._surname_cum)]
        return surname + self.given(gender, birth_year), False

    def given(self, gender: str, birth_year: int) -> str:
        rng = self.rng
        female = gender == "F"
        if rng.random() < 0.4:
            first, second = CHARS_F if female else CHARS_M
            return rng.choice(first) + rng.choice(second)
        if birth_year < OLD_BEFORE:
            return rng.choice(GIVEN_OLD_F if female else GIVEN_OLD_M)
        if birth_year >= YOUNG_FROM:
            return rng.choice(GIVEN_YOUNG_F if female else GIVEN_YOUNG_M)
        return rng.choice(GIVEN_MIDDLE_F if female else GIVEN_MIDDLE_M)

    def mobile(self) -> str:
        while True:
            phone = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(100_000_000):08d}"
            if phone not in self._phones:
                self._phones.add(phone)
                return phone

    def id_number(self, birth_year: int, gender: str) -> str:
        """An 18-digit resident ID: a Shanghai area code valid in the birth year, the check
        digit as python-stdnum (and so the desk's form) computes it."""
        rng = self.rng
        areas = [code for code, first, last in AREA_CODES if first <= birth_year <= last]
        while True:
            born = dt.date(birth_year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            order = rng.randrange(50) * 2 + (1 if gender == "M" else 0)  # odd for men
            body = f"{rng.choice(areas)}{born:%Y%m%d}{rng.randrange(10)}{order:02d}"
            number = body + ric.calc_check_digit(body + "?")  # it reads all but the last
            if number not in self._ids:
                self._ids.add(number)
                return number

    def credit_code(self, kind: str) -> str:
        """统一社会信用代码: kind, Songjiang's area, an organisation code with its own check digit
        (GB 11714), and the check digit as python-stdnum computes it."""
        digits = "".join(str(self.rng.randrange(10)) for _ in range(8))
        total = sum(int(d) * w for d, w in zip(digits, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
        org_check = (11 - total % 11) % 11
        body = f"{kind}{SONGJIANG}{digits}{'X' if org_check == 10 else org_check}"
        return body + uscc.calc_check_digit(body)

    def workplace(self) -> str:
        return self.rng.choice(WORKPLACES)
