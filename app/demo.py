"""A living demo centre for newcomers, screenshots and benchmarks (`youlin-desk demo`, `--demo`).

The same seed writes the same content; only the writing's own timestamps differ. Dates are
relative to the day it runs (today = `datetime.date.today()`): sessions over the past 8 weeks
and the next 4, bookings around them, visits over the past 8 weeks up to the current time, so
the home page always has a today. Everything after the migrations is written in one transaction
with Core executemany (no ORM object per row), so a failed run leaves no half-written centre.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, insert, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from app import backup, counters, migrate
from app.db import Database
from app.errors import ConflictError, DatabaseProblem, ValidationError
from app.i18n import translate
from app.models import (
    Account,
    ActivitySession,
    Base,
    Booking,
    BookingKind,
    BookingSeries,
    BookingStatus,
    BuildingGroup,
    Centre,
    Certificate,
    CertificateKind,
    Community,
    Organisation,
    Person,
    PersonSearchKey,
    PersonTag,
    Purpose,
    Request,
    RequestStatus,
    Room,
    ServiceItem,
    ServiceRecord,
    ServiceRecordKind,
    ServiceSeries,
    Signup,
    SignupStatus,
    Tag,
    Visit,
    Volunteer,
)
from app.pinyin import search_keys
from app.security import hash_password
from app.services.people import member_code
from app.start import DEMO_ACCOUNTS, DEMO_PASSWORD

MAX_PEOPLE = 1_000_000
BATCH = 20_000  # rows per executemany: big enough to amortise, small enough for memory
PAST_WEEKS = 8
FUTURE_WEEKS = 4

Row = dict[str, Any]

# --- The place -----------------------------------------------------------------------------

CENTRE = {
    "name": "东社区邻里中心",
    "address": "上海市松江区新桥镇友邻路188号",
    "phone": "021-57681234",
    "person_in_charge": "王建华",
    "handler": "李晓燕",
    "certificate_prefix": "东邻",
}
ACCOUNT_NAMES = {"desk": "前台志愿者 王阿姨", "staff": "社工 李晓燕", "admin": "管理员 王建华"}

# (name, lane address, building groups, floors, "N号楼组" or "第N楼组" naming): 66 groups.
COMMUNITIES: tuple[tuple[str, str, int, int, bool], ...] = (
    ("友邻新村", "友邻路88弄", 12, 6, True),
    ("东湖苑", "东湖路500弄", 10, 11, True),
    ("景秀小区", "景秀路1288弄", 9, 18, False),
    ("嘉和苑", "嘉和路66弄", 11, 6, True),
    ("塘东新村", "塘东街120弄", 8, 5, True),
    ("润泽苑", "润泽路777弄", 7, 14, False),
    ("金桂小区", "金桂路318弄", 9, 11, True),
)

TAGS = (
    "党员",
    "在职党员/双报到",
    "志愿者",
    "睦邻达人",
    "共营达人",
    "草根规划师",
    "独居老人",
    "高龄老人",
)
(
    TAG_PARTY,
    TAG_DOUBLE_REPORT,
    TAG_VOLUNTEER,
    TAG_NEIGHBOUR,
    TAG_CO_OP,
    TAG_PLANNER,
    TAG_ALONE,
    TAG_AGED,
) = range(1, len(TAGS) + 1)

# (name, capacity, location)
ROOMS: tuple[tuple[str, int, str], ...] = (
    ("多功能厅", 80, "一楼"),
    ("党群议事厅", 30, "二楼201"),
    ("书画室", 20, "二楼202"),
    ("舞蹈房", 25, "三楼301"),
    ("康养活动室", 20, "一楼东侧"),
    ("亲子阅读室", 15, "二楼203"),
    ("会议室", 12, "三楼302"),
)
HALL, PARTY_ROOM, ART_ROOM, DANCE_ROOM, CARE_ROOM, READING_ROOM, MEETING_ROOM = range(1, 8)

# (name, kind: "52" 民办非企业 / "51" 社会团体 / "12" 事业单位 / None unregistered, contact)
ORGANISATIONS: tuple[tuple[str, str | None, str], ...] = (
    ("上海东邻社区服务社", "52", "周敏"),
    ("松江区乐龄健康服务中心", "52", "陆建平"),
    ("新桥镇社区卫生服务中心", "12", "张医生"),
    ("东社区志愿者协会", "51", "徐卫国"),
    ("小美艺术工作室", None, "沈佳怡"),
    ("青禾社会工作服务社", "52", "顾晓雯"),
    ("绿色家园环保公益促进中心", "52", "钱志明"),
    ("东社区睦邻合唱团", None, "陈美华"),
)
(
    ORG_SERVICE,
    ORG_ELDERLY,
    ORG_CLINIC,
    ORG_VOLUNTEERS,
    ORG_ART,
    ORG_SOCIAL_WORK,
    ORG_GREEN,
    ORG_CHOIR,
) = range(1, 9)

# Who an item's signups come from.
ADULTS, ELDERLY, CHILDREN, PARTY, DOUBLE_REPORTERS, VOLUNTEERS, ACTIVISTS = range(7)


@dataclass(frozen=True)
class _Item:
    series: str
    name: str
    description: str
    audience: str
    pool: int
    organisation: int | None = None
    volunteer: bool = False


ITEMS: tuple[_Item, ...] = (
    _Item(
        "party_community", "党员政治生日", "为当月入党的党员过政治生日，重温入党誓词", "党员", PARTY
    ),
    _Item(
        "party_community",
        "在职党员双报到·垃圾分类桶前督导",
        "在职党员回社区报到，每周一小时在垃圾箱房桶前督导分类投放",
        "在职党员",
        DOUBLE_REPORTERS,
        ORG_GREEN,
        volunteer=True,
    ),
    _Item(
        "party_community",
        "党课微讲堂",
        "二十分钟一堂党课，讲身边的党史故事",
        "党员及入党积极分子",
        PARTY,
    ),
    _Item(
        "community",
        "睦邻议事会",
        "楼组长和居民代表议一议小区里的大事小情",
        "楼组长、居民代表",
        ACTIVISTS,
    ),
    _Item(
        "community",
        "草根规划师工作坊",
        "居民一起画图、踏勘，共商社区微更新方案",
        "草根规划师、热心居民",
        ACTIVISTS,
        ORG_SERVICE,
    ),
    _Item(
        "community",
        "共营市集",
        "居民共建共营的便民市集与闲置物品交换",
        "辖区居民",
        ADULTS,
        ORG_SERVICE,
    ),
    _Item(
        "health_care",
        "健康讲座",
        "慢病防治、合理用药、防跌倒等健康知识",
        "60岁以上长者",
        ELDERLY,
        ORG_CLINIC,
    ),
    _Item(
        "health_care",
        "中医义诊",
        "家庭医生与中医师坐诊，量血压、测血糖、把脉问诊",
        "辖区居民",
        ELDERLY,
        ORG_CLINIC,
    ),
    _Item(
        "health_care",
        "长者健身操",
        "适合长者的八段锦与健身操",
        "60岁以上长者",
        ELDERLY,
        ORG_ELDERLY,
    ),
    _Item(
        "health_care",
        "助老智能手机课堂",
        "手把手教长者用健康码、打车、视频通话",
        "60岁以上长者",
        ELDERLY,
        ORG_SOCIAL_WORK,
    ),
    _Item("culture", "小美艺术课堂", "水彩、剪纸与手作，八次课结业", "亲子家庭", CHILDREN, ORG_ART),
    _Item("culture", "书法班", "楷书入门与提高", "书法爱好者", ELDERLY),
    _Item("culture", "合唱团", "东社区睦邻合唱团每周排练", "合唱爱好者", ELDERLY, ORG_CHOIR),
    _Item(
        "culture",
        "亲子绘本阅读",
        "志愿者妈妈带孩子们读绘本",
        "3-8岁儿童及家长",
        CHILDREN,
        ORG_SOCIAL_WORK,
    ),
    _Item("civility", "垃圾分类宣传", "干湿分类小课堂与有奖问答", "辖区居民", ADULTS, ORG_GREEN),
    _Item("civility", "文明楼组评比", "楼组长互评楼道环境与睦邻公约", "楼组长", ACTIVISTS),
    _Item(
        "civility",
        "志愿者服务日",
        "每周六上午：楼道清洁、助老送餐、文明劝导",
        "志愿者",
        VOLUNTEERS,
        ORG_VOLUNTEERS,
        volunteer=True,
    ),
)
_ITEM_IDS = {item.name: index for index, item in enumerate(ITEMS, start=1)}


@dataclass(frozen=True)
class _Slot:
    """One line of the weekly timetable: an item on a weekday (0 = Monday) in a room."""

    item: str
    weekday: int
    start: dt.time
    minutes: int
    room: int
    capacity: int
    chance: float = 1.0  # some weeks skip it
    monthly: bool = False  # only in the first week of the month


def _t(hhmm: str) -> dt.time:
    return dt.time.fromisoformat(hhmm)


def _pairs(names: str) -> tuple[str, ...]:
    """Two-character given names written without separators."""
    return tuple(names[i : i + 2] for i in range(0, len(names), 2))


TIMETABLE: tuple[_Slot, ...] = (
    _Slot("长者健身操", 0, _t("09:00"), 60, DANCE_ROOM, 25),
    _Slot("合唱团", 0, _t("14:00"), 120, HALL, 40, 0.9),
    _Slot("文明楼组评比", 0, _t("14:00"), 90, MEETING_ROOM, 12, 0.25),
    _Slot("健康讲座", 1, _t("09:30"), 90, HALL, 60, 0.8),
    _Slot("书法班", 1, _t("14:00"), 120, ART_ROOM, 20),
    _Slot("在职党员双报到·垃圾分类桶前督导", 1, _t("18:30"), 60, MEETING_ROOM, 10),
    _Slot("中医义诊", 2, _t("09:00"), 120, CARE_ROOM, 20),
    _Slot("党课微讲堂", 2, _t("14:00"), 90, HALL, 60, 0.5),
    _Slot("助老智能手机课堂", 3, _t("14:00"), 90, CARE_ROOM, 20, 0.8),
    _Slot("在职党员双报到·垃圾分类桶前督导", 3, _t("18:30"), 60, MEETING_ROOM, 10),
    _Slot("睦邻议事会", 3, _t("19:00"), 90, PARTY_ROOM, 25, 0.6),
    _Slot("长者健身操", 4, _t("09:00"), 60, DANCE_ROOM, 25),
    _Slot("垃圾分类宣传", 4, _t("10:00"), 90, HALL, 50, 0.5),
    _Slot("书法班", 4, _t("14:00"), 120, ART_ROOM, 20),
    _Slot("党员政治生日", 4, _t("14:00"), 90, PARTY_ROOM, 30, monthly=True),
    _Slot("志愿者服务日", 5, _t("09:00"), 180, PARTY_ROOM, 30),
    _Slot("小美艺术课堂", 5, _t("09:30"), 90, ART_ROOM, 16),
    _Slot("草根规划师工作坊", 5, _t("14:00"), 120, MEETING_ROOM, 12, 0.5),
    _Slot("在职党员双报到·垃圾分类桶前督导", 5, _t("18:30"), 60, MEETING_ROOM, 10),
    _Slot("共营市集", 6, _t("09:00"), 150, HALL, 80, 0.5),
    _Slot("亲子绘本阅读", 6, _t("10:00"), 60, READING_ROOM, 15),
)

# Recurring bookings: (title, kind, room, weekday rule, start, minutes, organisation, count or None)
SERIES: tuple[tuple[str, str, int, str, dt.time, int, int | None, int | None], ...] = (
    ("社工站周例会", BookingKind.STAFF, MEETING_ROOM, "MO", _t("09:00"), 60, None, 12),
    ("太极拳晨练队", BookingKind.RESIDENT, DANCE_ROOM, "WE", _t("09:00"), 90, None, 12),
    (
        "乐龄健康·慢病自我管理小组",
        BookingKind.ORGANISATION,
        CARE_ROOM,
        "TH",
        _t("09:30"),
        90,
        ORG_ELDERLY,
        12,
    ),
    (
        "青禾四点半课堂",
        BookingKind.ORGANISATION,
        READING_ROOM,
        "TU,TH",
        _t("16:00"),
        90,
        ORG_SOCIAL_WORK,
        None,
    ),
)

# One-off bookings: (title, kind, capacity needed, organisation)
ONE_OFF: tuple[tuple[str, str, int, int | None], ...] = (
    ("楼组长工作会议", BookingKind.STAFF, 30, None),
    ("居委会联席会议", BookingKind.STAFF, 12, None),
    ("社区工作者业务培训", BookingKind.STAFF, 30, None),
    ("党建工作例会", BookingKind.STAFF, 12, None),
    ("家庭医生签约宣讲", BookingKind.ORGANISATION, 40, ORG_CLINIC),
    ("志愿者岗前培训", BookingKind.ORGANISATION, 30, ORG_VOLUNTEERS),
    ("亲子周末沙龙", BookingKind.ORGANISATION, 15, ORG_SOCIAL_WORK),
    ("编织兴趣小组", BookingKind.RESIDENT, 12, None),
    ("沪剧沙龙", BookingKind.RESIDENT, 25, None),
    ("棋牌小组", BookingKind.RESIDENT, 12, None),
    ("读书会", BookingKind.RESIDENT, 15, None),
    ("摄影分享会", BookingKind.RESIDENT, 20, None),
    ("广场舞队排练", BookingKind.RESIDENT, 25, None),
)
ONE_OFF_SLOTS = (
    ("09:00", 120),
    ("10:00", 90),
    ("13:30", 90),
    ("14:00", 120),
    ("15:00", 120),
    ("16:00", 90),
    ("18:30", 90),
    ("19:00", 90),
)

# --- Names ---------------------------------------------------------------------------------

GIVEN_OLD_F = _pairs(
    "秀英桂英凤英玉珍宝珍月英菊英秀珍兰芳素珍美华雅琴根娣金娣彩娣杏娣惠珍佩华丽华桂兰"
)
GIVEN_OLD_M = _pairs(
    "建国国强建华志明德明根宝金宝伟民国平建平福根荣根家骏振华国庆卫国德兴永康金龙长林"
)
GIVEN_YOUNG_F = _pairs("子涵梓涵一诺欣怡思琪雨桐梓萱诗涵可馨语嫣佳怡若曦欣妍雨欣心怡芷若安琪")
GIVEN_YOUNG_M = _pairs("浩然宇轩子轩俊杰思远嘉豪梓豪一鸣博文天佑皓轩宇航明哲子墨晨阳奕辰睿泽俊熙")
CHARS_M = ("国建志伟明华文永春海金德家俊晓立振庆荣宏", "平强明华军林生荣良峰东斌刚辉龙杰涛忠兴民")
CHARS_F = ("秀桂玉丽美晓雅佩月春慧静红海凤雪小婷佳欣", "英兰珍芳娟华萍琴红燕霞梅玲芬丽婷琳敏洁蓉")
# Surnames a volunteer finds only if the search knows how they are read (单 shan, 曾 zeng …).
POLYPHONIC = ("单", "曾", "解", "仇", "区", "查", "覃", "翟", "缪", "乐", "盖", "朴", "尉迟")
DOTTED_F = ("阿依古丽·买买提", "热依拉·吐尔逊", "古丽娜尔·阿不都", "迪丽拜尔·艾则孜")
DOTTED_M = ("买买提·艾力", "艾尔肯·吐尔逊", "巴特尔·乌力吉", "阿迪力·热合曼")
LATIN_F = ("Anna Schmidt", "Maria Rossi", "Yuki Tanaka")
LATIN_M = ("David Kim", "Thomas Muller", "Lucas Martin")

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

PURPOSES = (
    (Purpose.ACTIVITY, 30),
    (Purpose.LIFE_SERVICE, 20),
    (Purpose.GOVERNMENT, 12),
    (Purpose.ROOM_USE, 9),
    (Purpose.PARTY_DUES, 4),
    (Purpose.PARTY_TRANSFER, 2),
    (Purpose.PARTY_DOUBLE_REPORT, 3),
    (Purpose.REQUEST, 4),
    (Purpose.OTHER, 8),
)
# Visits per opening hour 08:00 … 20:00: a morning peak, a smaller afternoon one.
HOUR_WEIGHTS = (2, 9, 10, 8, 4, 3, 6, 7, 6, 4, 2, 3, 2)

REQUESTS = (
    (
        "环境卫生",
        "{c}{g}垃圾箱房周边有异味，希望增加清洗频次。",
        "已联系物业每日清洗两次，居民回访满意。",
    ),
    (
        "加装电梯",
        "{c}{b}号楼居民想了解加装电梯的申请流程和补贴政策。",
        "已组织楼组会议讲解政策，意见征询表已发放。",
    ),
    (
        "停车管理",
        "{c}晚间非机动车乱停放，堵住了消防通道。",
        "已与物业增设非机动车停放点，并张贴提示。",
    ),
    (
        "适老化改造",
        "家中老人独居，希望申请卫生间扶手等适老化改造。",
        "已转街道适老化改造项目，上门评估完成。",
    ),
    ("设施维修", "{c}{b}号楼楼道声控灯损坏，晚上出行不便。", "物业已更换灯具。"),
    ("噪音扰民", "楼下商铺夜间营业噪音较大，影响休息。", "已会同城管约谈商户，调整营业时间。"),
    ("绿化养护", "{c}树木枝叶遮挡低层住户采光，希望修剪。", "绿化队已修剪。"),
    ("为老服务", "希望社区长者食堂增加周末供餐。", "长者食堂自下月起周六供餐。"),
    ("社区服务", "希望邻里中心开设周末的少儿托管。", "已纳入青禾四点半课堂暑期计划。"),
)
MAKE_UP_REASONS = (
    "纸质签到表补录",
    "外出服务未能现场签到",
    "系统停用期间的服务补录",
    "协助街道活动，凭活动方证明补录",
)
MAKE_UP_CONTENT = ("桶前督导", "助老送餐", "楼道清洁", "社区巡访", "活动现场引导")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SERIAL_CODES = {
    CertificateKind.SERVICE_RECORD: "志证",
    CertificateKind.HONOUR: "荣证",
    CertificateKind.COMPLETION: "结证",
}


@dataclass(frozen=True)
class DemoSummary:
    """What `write_demo` wrote, and how long it took."""

    url: str
    people: int
    seconds: float
    sessions: int = 0
    bookings: int = 0
    signups: int = 0
    visits: int = 0


def write_demo(
    url: str, *, people: int = 3000, seed: int = 1, now: dt.datetime | None = None
) -> DemoSummary:
    """Write a demo centre into an empty (or new) database at `url`.

    Dates are relative to `now` (default: the current time). Refuses a database that already
    holds a centre, accounts or people (ConflictError) and leaves it untouched."""
    if not 1 <= people <= MAX_PEOPLE:
        raise ValidationError(
            "people",
            translate("Errors", "A demo centre has between 1 and %1 people.").replace(
                "%1", f"{MAX_PEOPLE:,}"
            ),
        )
    started = time.perf_counter()
    _ensure_folder(url)
    db = Database(url)
    try:
        try:
            with db.engine.connect() as connection:
                _refuse_data(connection)  # before migrating, so a full database stays untouched
        except SQLAlchemyError:
            pass  # unreadable: the upgrade below says why, in the user's language
        migrate.upgrade(db)
        with db.engine.begin() as connection:
            _refuse_data(connection)
            moment = (now or dt.datetime.now()).replace(microsecond=0)
            writer = _Writer(connection, seed, moment)
            writer.write(people)
    finally:
        db.dispose()
    return DemoSummary(
        url=url,
        people=people,
        seconds=time.perf_counter() - started,
        sessions=writer.counts["sessions"],
        bookings=writer.counts["bookings"],
        signups=writer.counts["signups"],
        visits=writer.counts["visits"],
    )


def _ensure_folder(url: str) -> None:
    path = backup.sqlite_file(url)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseProblem(
            translate("Errors", "The data folder %1 can't be created: %2")
            .replace("%1", str(path.parent))
            .replace("%2", error.strerror or str(error))
        ) from error


def _refuse_data(connection: Connection) -> None:
    tables = inspect(connection)
    for model in (Centre, Account, Person):
        name = model.__tablename__
        if (
            tables.has_table(name)
            and connection.execute(select(func.count()).select_from(model)).scalar_one()
        ):
            raise ConflictError(
                translate(
                    "Errors",
                    "This database already holds a centre's data. A demo centre is written "
                    "only into a new, empty database.",
                )
            )


class _RoomDiary:
    """Which room is taken when: every booking that isn't cancelled goes through `take`."""

    def __init__(self) -> None:
        self._taken: dict[tuple[int, dt.date], list[tuple[dt.datetime, dt.datetime]]] = defaultdict(
            list
        )

    def take(self, room: int, start: dt.datetime, end: dt.datetime) -> bool:
        day = self._taken[(room, start.date())]
        if any(start < other_end and other_start < end for other_start, other_end in day):
            return False
        day.append((start, end))
        return True


class _Writer:
    def __init__(self, connection: Connection, seed: int, now: dt.datetime) -> None:
        from faker import Faker
        from faker.providers.person.zh_CN import Provider as PersonProvider

        self.conn = connection
        self.rng = random.Random(seed)
        self.faker = Faker("zh_CN")
        self.faker.seed_instance(seed)
        self.now = now
        self.today = now.date()
        self.counts: dict[str, int] = defaultdict(int)
        self.diary = _RoomDiary()
        weights: dict[str, float] = PersonProvider.last_names
        self.surnames = list(weights)
        self.surname_cum = list(_accumulate(weights.values()))
        self.given_f = list(PersonProvider.first_names_female)
        self.given_m = list(PersonProvider.first_names_male)
        self.room_capacity = {index: room[1] for index, room in enumerate(ROOMS, start=1)}
        # Filled as the sections are written.
        # Per community: (group id, group name, building numbers).
        self.groups: list[list[tuple[int, str, list[int]]]] = []
        self.regulars: list[int] = []  # people who come often
        self.adults: list[int] = []
        self.birth_year: list[int] = [0]  # by person id
        self.community: list[int | None] = [None]
        self.has_phone: list[bool] = [False]
        self.person_tags: dict[int, set[int]] = defaultdict(set)
        self.pools: dict[int, tuple[list[int], list[int]]] = {}  # (regulars, everyone)
        self.volunteer_of: dict[int, int] = {}  # person id → volunteer id
        self.booking_id = 0
        self.bookings: list[Row] = []
        self.hours: dict[int, Decimal] = defaultdict(Decimal)  # volunteer id → hours
        self.attendees: dict[str, list[int]] = defaultdict(list)  # item name → person ids

    # --- helpers ------------------------------------------------------------------------

    def _insert(self, model: type[Base], rows: Sequence[Row]) -> None:
        for start in range(0, len(rows), BATCH):
            self.conn.execute(insert(model), rows[start : start + BATCH])

    def _stamp(self, moment: dt.datetime | None = None) -> Row:
        at = self.now if moment is None else min(moment, self.now)
        return {"created_at": at, "updated_at": at}

    def _day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def _age(self, person: int) -> int:
        return self.today.year - self.birth_year[person]

    # --- sections -----------------------------------------------------------------------

    def write(self, people: int) -> None:
        self._centre_and_accounts()
        self._communities()
        self._tags_rooms_organisations()
        self._people(people)
        self._person_tags_and_volunteers()
        self._menu()
        # Rooms are handed out in order: recurring bookings, the menu's sessions, then one-offs.
        self._series_bookings()
        sessions, signups, records = self._sessions()
        self._one_off_bookings()
        self._insert(Booking, self.bookings)
        self._insert(ActivitySession, sessions)
        self._insert(Signup, signups)
        self._insert(ServiceRecord, records)
        self.counts["bookings"] = len(self.bookings)
        self.counts["sessions"] = len(sessions)
        self.counts["signups"] = len(signups)
        self._make_up_records()
        self._certificates()
        self._visits()
        self._requests()
        self._fix_sequences()

    def _centre_and_accounts(self) -> None:
        self._insert(Centre, [{"id": 1, **CENTRE, "visit_retention_months": 36, **self._stamp()}])
        self._insert(
            Account,
            [
                {
                    "id": index,
                    "username": username,
                    "display_name": ACCOUNT_NAMES[username],
                    "role": role,
                    "password_hash": hash_password(DEMO_PASSWORD),
                    **self._stamp(),
                }
                for index, (username, role) in enumerate(DEMO_ACCOUNTS, start=1)
            ],
        )
        self.desk_id, self.staff_id, self.admin_id = 1, 2, 3

    def _communities(self) -> None:
        communities: list[Row] = []
        groups: list[Row] = []
        for c_index, (name, _lane, group_count, _floors, numbered) in enumerate(
            COMMUNITIES, start=1
        ):
            communities.append({"id": c_index, "name": name, "sort_order": c_index})
            building = 1
            mine: list[tuple[int, str, list[int]]] = []
            for g_index in range(1, group_count + 1):
                span = 1 + (c_index * 5 + g_index * 7) % 3  # 1 to 3 buildings a group
                buildings = list(range(building, building + span))
                building += span
                if not numbered:
                    label = f"第{g_index}楼组"
                elif span == 1:
                    label = f"{buildings[0]}号楼组"
                else:
                    label = f"{buildings[0]}-{buildings[-1]}号楼组"
                group_id = len(groups) + 1
                groups.append(
                    {
                        "id": group_id,
                        "community_id": c_index,
                        "name": label,
                        "sort_order": g_index,
                    }
                )
                mine.append((group_id, label, buildings))
            self.groups.append(mine)
        self._insert(Community, communities)
        self._insert(BuildingGroup, groups)

    def _tags_rooms_organisations(self) -> None:
        self._insert(Tag, [{"id": i, "name": name} for i, name in enumerate(TAGS, start=1)])
        self._insert(
            Room,
            [
                {"id": i, "name": name, "capacity": capacity, "location": where, "sort_order": i}
                for i, (name, capacity, where) in enumerate(ROOMS, start=1)
            ],
        )
        rows = []
        for i, (name, kind, contact) in enumerate(ORGANISATIONS, start=1):
            rows.append(
                {
                    "id": i,
                    "name": name,
                    "credit_code": None if kind is None else self._credit_code(kind),
                    "contact_name": contact,
                    "contact_phone": self._mobile(set()),
                    **self._stamp(),
                }
            )
        self._insert(Organisation, rows)

    def _people(self, count: int) -> None:
        rng = self.rng
        phones: set[str] = set()
        ids: set[str] = set()
        # A few people with the names search must get right, wherever they fall.
        unusual = len(POLYPHONIC) + 2
        showcase = dict(
            zip(rng.sample(range(1, count + 1), min(count, unusual)), range(unusual), strict=False)
        )
        community_weights = list(_accumulate(c[2] for c in COMMUNITIES))
        band_cum = list(_accumulate(b[2] for b in AGE_BANDS))
        for chunk_start in range(1, count + 1, BATCH):
            people: list[Row] = []
            keys: list[Row] = []
            for person in range(chunk_start, min(count, chunk_start + BATCH - 1) + 1):
                low, high, _share, women = AGE_BANDS[_pick(rng, band_cum)]
                age = rng.randint(low, high)
                birth_year = self.today.year - age
                gender = "F" if rng.random() < women else "M"
                name, foreign = self._name(gender, birth_year, showcase.get(person))
                phone = None
                if age >= 16 and rng.random() > 0.01:
                    phone = self._mobile(phones)
                id_number = None
                if not foreign and rng.random() < 0.3:
                    id_number = self._id_number(birth_year, gender, ids)
                c_index = _pick(rng, community_weights)
                group_id, _label, buildings = rng.choice(self.groups[c_index])
                lane, floors = COMMUNITIES[c_index][1], COMMUNITIES[c_index][3]
                room = rng.randint(1, floors) * 100 + rng.randint(1, 4)
                registered = dt.datetime.combine(
                    self._day(-rng.randint(1, 1500)), _t("08:30")
                ) + dt.timedelta(minutes=rng.randrange(660))
                consent = rng.random() < 0.93
                people.append(
                    {
                        "id": person,
                        "member_code": member_code(person),
                        "name": name,
                        "gender": gender,
                        "birth_year": birth_year,
                        "phone": phone,
                        "phone_reversed": None if phone is None else phone[::-1],
                        "id_number": id_number,
                        "id_tail": None if id_number is None else id_number[-4:],
                        "community_id": c_index + 1,
                        "building_group_id": group_id,
                        "address": f"{lane}{rng.choice(buildings)}号{room}室",
                        "consent": consent,
                        "consent_at": registered if consent else None,
                        "active": True,
                        "merged_into_id": None,
                        "note": "",
                        "created_at": registered,
                        "updated_at": registered,
                    }
                )
                for kind, key in search_keys(name):
                    keys.append(
                        {
                            "id": self.counts["keys"] + len(keys) + 1,
                            "person_id": person,
                            "kind": kind,
                            "key": key,
                        }
                    )
                self.birth_year.append(birth_year)
                self.community.append(c_index + 1)
                self.has_phone.append(phone is not None)
            self._insert(Person, people)
            self._insert(PersonSearchKey, keys)
            self.counts["keys"] += len(keys)
        counters.raise_to(self.conn, counters.MEMBER_CODE, count)
        self.counts["people"] = count

    def _name(self, gender: str, birth_year: int, showcase: int | None) -> tuple[str, bool]:
        """A name and whether it is a foreign (Latin) one; `showcase` forces the unusual ones."""
        rng = self.rng
        roll = rng.random()
        if showcase is not None:
            if showcase < len(POLYPHONIC):
                return POLYPHONIC[showcase] + self._given(gender, birth_year), False
            if showcase == len(POLYPHONIC):
                return rng.choice(DOTTED_F if gender == "F" else DOTTED_M), False
            if showcase == len(POLYPHONIC) + 1:
                return rng.choice(LATIN_F if gender == "F" else LATIN_M), True
        if roll < 0.002:
            return rng.choice(DOTTED_F if gender == "F" else DOTTED_M), False
        if roll < 0.0025:
            return rng.choice(LATIN_F if gender == "F" else LATIN_M), True
        if roll < 0.025:
            surname = rng.choice(POLYPHONIC)
        else:
            surname = self.surnames[_pick(rng, self.surname_cum)]
        return surname + self._given(gender, birth_year), False

    def _given(self, gender: str, birth_year: int) -> str:
        rng = self.rng
        female = gender == "F"
        if rng.random() < 0.4:
            first, second = CHARS_F if female else CHARS_M
            return rng.choice(first) + rng.choice(second)
        if birth_year < 1962:
            return rng.choice(GIVEN_OLD_F if female else GIVEN_OLD_M)
        if birth_year >= 1995:
            return rng.choice(GIVEN_YOUNG_F if female else GIVEN_YOUNG_M)
        return rng.choice(self.given_f if female else self.given_m)

    def _mobile(self, taken: set[str]) -> str:
        while True:
            phone = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(100_000_000):08d}"
            if phone not in taken:
                taken.add(phone)
                return phone

    def _id_number(self, birth_year: int, gender: str, taken: set[str]) -> str:
        """An 18-digit resident ID: Shanghai area code valid in the birth year, ISO 7064 check."""
        rng = self.rng
        areas = [code for code, first, last in AREA_CODES if first <= birth_year <= last]
        while True:
            born = dt.date(birth_year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            order = rng.randrange(50) * 2 + (1 if gender == "M" else 0)  # odd for men
            body = f"{rng.choice(areas)}{born:%Y%m%d}{rng.randrange(10)}{order:02d}"
            check = (1 - 2 * int(body, 13)) % 11  # ISO 7064 MOD 11-2, as python-stdnum
            number = body + ("X" if check == 10 else str(check))
            if number not in taken:
                taken.add(number)
                return number

    def _credit_code(self, kind: str) -> str:
        """统一社会信用代码: kind, Songjiang's area, an organisation code with its own check."""
        digits = "".join(str(self.rng.randrange(10)) for _ in range(8))
        total = sum(int(d) * w for d, w in zip(digits, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
        org_check = (11 - total % 11) % 11
        body = f"{kind}310117{digits}{'X' if org_check == 10 else org_check}"
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
        total = sum(alphabet.index(c) * w for c, w in zip(body, weights, strict=True))
        return body + alphabet[(31 - total) % 31]

    def _person_tags_and_volunteers(self) -> None:
        rng = self.rng
        count = len(self.birth_year) - 1
        everyone = range(1, count + 1)
        adults = [p for p in everyone if self._age(p) >= 18] or list(everyone)
        for person in adults:
            age = self._age(person)
            if rng.random() < (0.12 if age >= 60 else 0.07):
                self.person_tags[person].add(TAG_PARTY)
            if age >= 80 and rng.random() < 0.8:
                self.person_tags[person].add(TAG_AGED)
            if age >= 70 and rng.random() < 0.12:
                self.person_tags[person].add(TAG_ALONE)
        working = [p for p in adults if 25 <= self._age(p) <= 55 and self.has_phone[p]]
        double = rng.sample(working, min(len(working), max(3, count // 100), 80))
        retired = [p for p in adults if 50 <= self._age(p) <= 78 and self.has_phone[p]]
        wanted = min(max(10, count * 8 // 100), 400) - len(double)
        double_set = set(double)
        others = [p for p in retired if p not in double_set]
        volunteers = double + rng.sample(others, min(len(others), max(0, wanted)))
        for person in double:
            self.person_tags[person] |= {TAG_PARTY, TAG_DOUBLE_REPORT}
        for person in volunteers:
            self.person_tags[person].add(TAG_VOLUNTEER)
        thirties = [p for p in adults if self._age(p) >= 30]
        for tag, share in ((TAG_NEIGHBOUR, 100), (TAG_CO_OP, 120), (TAG_PLANNER, 200)):
            for person in rng.sample(thirties, min(len(thirties), max(3, count // share), 60)):
                self.person_tags[person].add(tag)
        self._insert(
            PersonTag,
            [
                {"person_id": person, "tag_id": tag}
                for person in sorted(self.person_tags)
                for tag in sorted(self.person_tags[person])
            ],
        )

        rows: list[Row] = []
        for number, person in enumerate(volunteers, start=1):
            reported: dt.date | None = None
            workplace = ""
            if person in double_set:
                reported = self._day(-rng.randint(60, 900))
                workplace = self.faker.company() + "党支部"
            self.volunteer_of[person] = number
            rows.append(
                {
                    "id": number,
                    "person_id": person,
                    "volunteer_number": f"DLZY{number:05d}",
                    "double_report": person in double_set,
                    "workplace_party_org": workplace[:80],
                    "reported_on": reported,
                    "active": True,
                    **self._stamp(),
                }
            )
        self._insert(Volunteer, rows)

        # Who signs up for what: regulars come often, anyone may come now and then.
        regulars = rng.sample(adults, min(len(adults), max(60, count // 8)))
        regular_set = set(regulars)

        def pool(members: list[int]) -> tuple[list[int], list[int]]:
            return [p for p in members if p in regular_set] or members, members

        tagged = self.person_tags
        self.pools = {
            ADULTS: (regulars, adults),
            ELDERLY: pool([p for p in adults if self._age(p) >= 60]),
            CHILDREN: pool([p for p in everyone if 3 <= self._age(p) <= 12]),
            PARTY: pool([p for p in adults if TAG_PARTY in tagged.get(p, ())]),
            DOUBLE_REPORTERS: (list(double), list(double)),
            VOLUNTEERS: (volunteers, volunteers),
            ACTIVISTS: pool(
                [
                    p
                    for p in adults
                    if tagged.get(p, set()) & {TAG_NEIGHBOUR, TAG_CO_OP, TAG_PLANNER}
                ]
                + regulars[:40]
            ),
        }
        self.regulars = regulars
        self.adults = adults

    def _menu(self) -> None:
        series = {
            code: series_id
            for code, series_id in self.conn.execute(select(ServiceSeries.code, ServiceSeries.id))
        }
        rows = []
        order: dict[str, int] = defaultdict(int)
        for item_id, item in enumerate(ITEMS, start=1):
            order[item.series] += 1
            rows.append(
                {
                    "id": item_id,
                    "series_id": series[item.series],
                    "name": item.name,
                    "description": item.description,
                    "audience": item.audience,
                    "organisation_id": item.organisation,
                    "is_volunteer_service": item.volunteer,
                    "sort_order": order[item.series],
                    "active": True,
                }
            )
        self._insert(ServiceItem, rows)

    def _booking(
        self,
        room: int,
        title: str,
        kind: str,
        start: dt.datetime,
        end: dt.datetime,
        *,
        status: str = BookingStatus.CONFIRMED,
        expected: int | None = None,
        organisation: int | None = None,
        person: int | None = None,
        series: int | None = None,
        note: str = "",
    ) -> int | None:
        """Append a booking if the room is free then; its id, or None when it is taken."""
        if status != BookingStatus.CANCELLED and not self.diary.take(room, start, end):
            return None
        self.booking_id += 1
        asked = start - dt.timedelta(days=self.rng.randint(2, 20), hours=self.rng.randint(0, 6))
        self.bookings.append(
            {
                "id": self.booking_id,
                "room_id": room,
                "series_id": series,
                "title": title,
                "kind": str(kind),
                "status": str(status),
                "starts_at": start,
                "ends_at": end,
                "expected_attendees": expected,
                "organisation_id": organisation,
                "person_id": person,
                "created_by_id": self.staff_id if kind != BookingKind.RESIDENT else self.desk_id,
                "note": note,
                **self._stamp(asked),
            }
        )
        return self.booking_id

    def _series_bookings(self) -> None:
        from dateutil.rrule import rrulestr

        rng = self.rng
        first = self._day(-PAST_WEEKS * 7)
        until = self._day(FUTURE_WEEKS * 7 - 1)
        rows = []
        for series_id, (title, kind, room, days, start, minutes, org, count) in enumerate(
            SERIES, start=1
        ):
            weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            offset = min((weekdays.index(d) - first.weekday()) % 7 for d in days.split(","))
            first_day = first + dt.timedelta(days=offset)
            limit = f"COUNT={count}" if count else f"UNTIL={until:%Y%m%d}"
            rule = f"FREQ=WEEKLY;BYDAY={days};{limit}"
            end = (dt.datetime.combine(first_day, start) + dt.timedelta(minutes=minutes)).time()
            rows.append(
                {
                    "id": series_id,
                    "room_id": room,
                    "title": title,
                    "kind": str(kind),
                    "rule": rule,
                    "first_day": first_day,
                    "start_time": start,
                    "end_time": end,
                    "organisation_id": org,
                    "created_by_id": self.staff_id,
                    **self._stamp(dt.datetime.combine(first_day, start) - dt.timedelta(days=7)),
                }
            )
            contact = rng.choice(self.regulars) if kind == BookingKind.RESIDENT else None
            occurrences = list(rrulestr(rule, dtstart=dt.datetime.combine(first_day, start)))
            cancelled = rng.randrange(len(occurrences))  # one exception per series
            for n, begins in enumerate(occurrences):
                status, note = BookingStatus.CONFIRMED, ""
                if n == cancelled:
                    status, note = BookingStatus.CANCELLED, "本次暂停：中心活动占用"
                self._booking(
                    room,
                    title,
                    kind,
                    begins,
                    begins + dt.timedelta(minutes=minutes),
                    status=status,
                    expected=min(self.room_capacity[room], rng.randint(8, 20)),
                    organisation=org,
                    person=contact,
                    series=series_id,
                    note=note,
                )
        self._insert(BookingSeries, rows)

    def _sessions(self) -> tuple[list[Row], list[Row], list[Row]]:
        rng = self.rng
        sessions: list[Row] = []
        signups: list[Row] = []
        records: list[Row] = []
        by_weekday: dict[int, list[_Slot]] = defaultdict(list)
        for slot in TIMETABLE:
            by_weekday[slot.weekday].append(slot)
        for offset in range(-PAST_WEEKS * 7, FUTURE_WEEKS * 7 + 1):
            day = self._day(offset)
            # Every weekday has a slot held every week, so today always has sessions.
            for slot in by_weekday[day.weekday()]:
                held = rng.random() < slot.chance
                if held if not slot.monthly else day.day <= 7:
                    self._session(day, slot, sessions, signups, records)
        return sessions, signups, records

    def _session(
        self,
        day: dt.date,
        slot: _Slot,
        sessions: list[Row],
        signups: list[Row],
        records: list[Row],
    ) -> None:
        rng = self.rng
        item_id = _ITEM_IDS[slot.item]
        item = ITEMS[item_id - 1]
        start = dt.datetime.combine(day, slot.start)
        end = start + dt.timedelta(minutes=slot.minutes)
        # The timetable's room, else the roomiest free one.
        others = sorted(
            (r for r in self.room_capacity if r != slot.room),
            key=lambda r: (self.room_capacity[r] < slot.capacity, -self.room_capacity[r]),
        )
        rooms = [slot.room, *others]
        for room in rooms:
            capacity = min(slot.capacity, self.room_capacity[room])
            booking = self._booking(
                room,
                item.name[:60],
                BookingKind.ACTIVITY,
                start,
                end,
                expected=capacity,
                organisation=item.organisation,
            )
            if booking is not None:
                break
        else:
            return
        session_id = len(sessions) + 1
        organiser = ORGANISATIONS[item.organisation - 1][2] if item.organisation else "社工 李晓燕"
        sessions.append(
            {
                "id": session_id,
                "item_id": item_id,
                "booking_id": booking,
                "room_id": room,
                "starts_at": start,
                "ends_at": end,
                "capacity": capacity,
                "signup_deadline": dt.datetime.combine(day - dt.timedelta(days=1), _t("17:00")),
                "organisation_id": item.organisation,
                "organiser": organiser,
                "audience": item.audience,
                "cancelled": False,
                **self._stamp(start - dt.timedelta(days=21)),
            }
        )

        # Signups: past and near sessions fuller; some full with a waitlist.
        days_ahead = (day - self.today).days
        fill = rng.uniform(0.55, 1.15) if days_ahead <= 7 else rng.uniform(0.1, 0.7)
        signed = min(capacity, round(capacity * fill))
        waitlist = rng.randint(1, 5) if signed == capacity and rng.random() < 0.5 else 0
        cancelled = 1 if not waitlist and rng.random() < 0.3 else 0
        regulars, everyone = self.pools[item.pool]
        people = _pick_distinct(rng, regulars, everyone, signed + waitlist + cancelled)
        signed = min(signed, len(people))
        held = start <= self.now - dt.timedelta(minutes=15)
        hours = Decimal(slot.minutes) / 60
        for n, person in enumerate(people):
            asked = start - dt.timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 8))
            if n < signed:
                status, position = SignupStatus.SIGNED_UP, None
            elif n < signed + waitlist:
                status, position = SignupStatus.WAITLISTED, n - signed + 1
            else:
                status, position = SignupStatus.CANCELLED, None
            # Draw every number whatever the clock says, so the same seed gives the same
            # centre at any time of the day.
            shows_up = rng.random() < 0.88
            arrived = start + dt.timedelta(minutes=rng.randint(-10, 15))
            attended = held and status == SignupStatus.SIGNED_UP and shows_up
            signups.append(
                self._signup(
                    session_id, person, status, position, arrived if attended else None, asked
                )
            )
            if attended:
                self.attendees[item.name].append(person)
                if item.volunteer and person in self.volunteer_of:
                    records.append(self._record(person, session_id, day, hours, item.name))
        count = rng.randint(0, 3) if everyone else 0
        walk_ins = [(rng.choice(everyone), rng.randint(0, 20)) for _ in range(count)]
        if held and not waitlist:  # a few walk-ins where seats are left
            chosen = set(people)
            for person, late in walk_ins[: capacity - signed]:
                if person in chosen:
                    continue
                chosen.add(person)
                arrived = start + dt.timedelta(minutes=late)
                signups.append(
                    self._signup(
                        session_id, person, SignupStatus.SIGNED_UP, None, arrived, arrived, True
                    )
                )
                self.attendees[item.name].append(person)
                if item.volunteer and person in self.volunteer_of:
                    records.append(self._record(person, session_id, day, hours, item.name))

    def _signup(
        self,
        session_id: int,
        person: int,
        status: str,
        position: int | None,
        attended_at: dt.datetime | None,
        asked: dt.datetime,
        walk_in: bool = False,
    ) -> Row:
        self.counts["signup_id"] += 1
        return {
            "id": self.counts["signup_id"],
            "session_id": session_id,
            "person_id": person,
            "status": str(status),
            "waitlist_position": position,
            "attended": attended_at is not None,
            "attended_at": attended_at,
            "walk_in": walk_in,
            "created_by_id": self.desk_id,
            **self._stamp(asked),
        }

    def _record(
        self, person: int, session_id: int | None, day: dt.date, hours: Decimal, content: str
    ) -> Row:
        volunteer = self.volunteer_of[person]
        self.hours[volunteer] += hours
        self.counts["record_id"] += 1
        return {
            "id": self.counts["record_id"],
            "volunteer_id": volunteer,
            "session_id": session_id,
            "day": day,
            "hours": hours,
            "content": content[:100],
            "kind": str(ServiceRecordKind.SESSION),
            "reason": "",
            "created_by_id": self.staff_id,
            **self._stamp(dt.datetime.combine(day, _t("20:30"))),
        }

    def _one_off_bookings(self) -> None:
        rng = self.rng
        first, last = -PAST_WEEKS * 7, FUTURE_WEEKS * 7
        for offset in range(first, last + 1):
            day = self._day(offset)
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                self._one_off(day, BookingStatus.CONFIRMED)
        # Requests from residents and organisations awaiting approval, and a few withdrawn.
        for _ in range(6):
            self._one_off(self._day(rng.randint(1, last)), BookingStatus.PENDING)
        for _ in range(3):
            self._one_off(self._day(rng.randint(first, last)), BookingStatus.CANCELLED)

    def _one_off(self, day: dt.date, status: str) -> None:
        rng = self.rng
        title, kind, wanted, org = rng.choice(ONE_OFF)
        if status == BookingStatus.PENDING and kind == BookingKind.STAFF:
            title, kind, wanted, org = ONE_OFF[-1]  # staff don't ask themselves for approval
        at, minutes = rng.choice(ONE_OFF_SLOTS)
        start = dt.datetime.combine(day, _t(at))
        rooms = [r for r, capacity in self.room_capacity.items() if capacity >= wanted]
        person = rng.choice(self.regulars) if kind == BookingKind.RESIDENT else None
        note = ""
        if status == BookingStatus.PENDING:
            note = "待审批：居民/组织线上申请"
        elif status == BookingStatus.CANCELLED:
            note = "申请人取消"
        for room in rng.sample(rooms, len(rooms)):
            booked = self._booking(
                room,
                title,
                kind,
                start,
                start + dt.timedelta(minutes=minutes),
                status=status,
                expected=min(wanted, self.room_capacity[room]),
                organisation=org,
                person=person,
                note=note,
            )
            if booked is not None:
                return

    def _make_up_records(self) -> None:
        rng = self.rng
        volunteers = sorted(self.volunteer_of)
        rows = []
        for _ in range(min(30, max(3, len(volunteers) // 5)) if volunteers else 0):
            person = rng.choice(volunteers)
            day = self._day(-rng.randint(1, PAST_WEEKS * 7))
            hours = Decimal(rng.choice(("1.0", "1.5", "2.0", "2.5", "3.0", "4.0")))
            row = self._record(person, None, day, hours, rng.choice(MAKE_UP_CONTENT))
            row["kind"] = str(ServiceRecordKind.MAKE_UP)
            row["reason"] = rng.choice(MAKE_UP_REASONS)
            rows.append(row)
        self._insert(ServiceRecord, rows)

    def _certificates(self) -> None:
        rng = self.rng
        by_volunteer = {volunteer: person for person, volunteer in self.volunteer_of.items()}
        top = sorted(self.hours, key=lambda v: (-self.hours[v], v))[:5]
        wanted: list[tuple[CertificateKind, int, str, Decimal | None, str]] = [
            (
                CertificateKind.SERVICE_RECORD,
                by_volunteer[v],
                "志愿服务记录证明",
                self.hours[v],
                "垃圾分类桶前督导、志愿者服务日等社区志愿服务",
            )
            for v in top
        ]
        for tag, title in (
            (TAG_NEIGHBOUR, "睦邻达人"),
            (TAG_CO_OP, "共营达人"),
            (TAG_PLANNER, "草根规划师"),
        ):
            holders = sorted(p for p, tags in self.person_tags.items() if tag in tags)
            for person in holders[:2]:
                wanted.append(
                    (CertificateKind.HONOUR, person, title, None, f"{self.today.year}年度{title}")
                )
        if top:
            wanted.append(
                (CertificateKind.HONOUR, by_volunteer[top[0]], "优秀志愿者", None, "年度优秀志愿者")
            )
        for person in sorted(set(self.attendees["小美艺术课堂"]))[:3]:
            wanted.append(
                (CertificateKind.COMPLETION, person, "小美艺术课堂", None, "完成八次课程")
            )
        sequence: dict[tuple[str, int], int] = defaultdict(int)
        rows = []
        for number, (kind, person, title, hours, content) in enumerate(wanted, start=1):
            issued = self._day(-rng.randint(0, 30))
            sequence[(kind, issued.year)] += 1
            seq = sequence[(kind, issued.year)]
            rows.append(
                {
                    "id": number,
                    "kind": str(kind),
                    "year": issued.year,
                    "sequence": seq,
                    "serial": f"{CENTRE['certificate_prefix']}{SERIAL_CODES[kind]}"
                    f"〔{issued.year}〕第{seq:04d}号",
                    "verification_code": "".join(rng.choice(CODE_ALPHABET) for _ in range(8)),
                    "person_id": person,
                    "title": title,
                    "hours": hours,
                    "content": content,
                    "issued_on": issued,
                    "reprints": 1 if number == 2 else 0,
                    "revoked_at": None,
                    "revoked_reason": "",
                    "issued_by_id": self.staff_id,
                    **self._stamp(dt.datetime.combine(issued, _t("10:00"))),
                }
            )
        self._insert(Certificate, rows)

    def _visits(self) -> None:
        rng = self.rng
        count = len(self.birth_year) - 1
        per_day = max(20, min(240, 40 + count // 75))
        purposes = [p for p, _w in PURPOSES]
        purpose_cum = list(_accumulate(w for _p, w in PURPOSES))
        hour_cum = list(_accumulate(HOUR_WEIGHTS))
        rows: list[Row] = []
        for offset in range(-PAST_WEEKS * 7 + 1, 1):
            day = self._day(offset)
            factor = 0.75 if day.weekday() >= 5 else 1.0
            day_rows: list[Row] = []
            opens = dt.datetime.combine(day, _t("08:30"))
            closes = dt.datetime.combine(day, _t("20:29"))
            for _ in range(round(per_day * factor * rng.uniform(0.75, 1.25))):
                at = dt.datetime.combine(day, _t("08:00")) + dt.timedelta(
                    hours=_pick(rng, hour_cum), minutes=rng.randrange(60), seconds=rng.randrange(60)
                )
                at = min(max(at, opens), closes)
                purpose = purposes[_pick(rng, purpose_cum)]
                roll = rng.random()
                if roll < 0.07:
                    person = None
                elif roll < 0.75:
                    person = rng.choice(self.regulars)
                else:
                    person = rng.choice(self.adults)
                account = self.desk_id if rng.random() < 0.75 else self.staff_id
                undone = at + dt.timedelta(minutes=2) if rng.random() < 0.005 else None
                if at > self.now:  # today: only the visits that have happened
                    continue
                day_rows.append(
                    {
                        "person_id": person,
                        "community_id": None if person is None else self.community[person],
                        "at": at,
                        "purpose": str(purpose),
                        "note": "未登记来访者" if person is None else "",
                        "account_id": account,
                        "undone_at": undone,
                        "anonymised": False,
                    }
                )
            day_rows.sort(key=lambda row: row["at"])
            rows.extend(day_rows)
        for number, row in enumerate(rows, start=1):
            row["id"] = number
        self._insert(Visit, rows)
        self.counts["visits"] = len(rows)

    def _requests(self) -> None:
        rng = self.rng
        statuses = [RequestStatus.OPEN] * 5 + [RequestStatus.ASSIGNED] * 4
        statuses += [RequestStatus.RESOLVED] * 7
        rows = []
        for number, status in enumerate(statuses, start=1):
            category, template, resolution = rng.choice(REQUESTS)
            person = rng.choice(self.regulars)
            c_index = (self.community[person] or 1) - 1
            _group_id, group_name, buildings = rng.choice(self.groups[c_index])
            days_ago = rng.randint(0, 9 if status == RequestStatus.OPEN else PAST_WEEKS * 7)
            asked = dt.datetime.combine(self._day(-days_ago), _t("09:00"))
            asked = min(self.now, asked + dt.timedelta(minutes=rng.randrange(600)))
            resolved = None
            if status == RequestStatus.RESOLVED:
                resolved = min(self.now, asked + dt.timedelta(days=rng.randint(1, 10)))
            rows.append(
                {
                    "id": number,
                    "person_id": person,
                    "category": category,
                    "text": template.format(
                        c=COMMUNITIES[c_index][0], g=group_name, b=rng.choice(buildings)
                    ),
                    "status": str(status),
                    "created_by_id": self.desk_id,
                    "assigned_to_id": None if status == RequestStatus.OPEN else self.staff_id,
                    "resolution": resolution if status == RequestStatus.RESOLVED else "",
                    "resolved_at": resolved,
                    "created_at": asked,
                    "updated_at": resolved or asked,
                }
            )
        self._insert(Request, rows)

    def _fix_sequences(self) -> None:
        """Rows were written with their ids; PostgreSQL's sequences must learn them."""
        if self.conn.dialect.name != "postgresql":
            return
        for model in (
            Account,
            Community,
            BuildingGroup,
            Tag,
            Room,
            Organisation,
            Person,
            PersonSearchKey,
            Volunteer,
            ServiceItem,
            BookingSeries,
            Booking,
            ActivitySession,
            Signup,
            ServiceRecord,
            Certificate,
            Visit,
            Request,
        ):
            table = model.__tablename__
            self.conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'COALESCE((SELECT MAX(id) FROM "{table}"), 1))'
                )
            )


def _accumulate(weights: Iterable[float]) -> list[float]:
    total = 0.0
    out = []
    for weight in weights:
        total += float(weight)
        out.append(total)
    return out


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    """Index drawn with the weights behind `cumulative` (faster than rng.choices for one)."""
    index = bisect.bisect_right(cumulative, rng.random() * cumulative[-1])
    return min(index, len(cumulative) - 1)


def _pick_distinct(
    rng: random.Random, regulars: list[int], everyone: list[int], count: int
) -> list[int]:
    """`count` different people, three in four from the regulars."""
    chosen: dict[int, None] = dict.fromkeys(
        rng.sample(regulars, min(len(regulars), round(count * 0.75)))
    )
    attempts = 0
    while len(chosen) < count and everyone and attempts < count * 4:
        chosen.setdefault(rng.choice(everyone))
        attempts += 1
    return list(chosen)[:count]
