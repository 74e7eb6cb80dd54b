"""The demo centre's own content: the place (communities, building groups, rooms, organisations),
the service menu and its weekly timetable, bookings, visit purposes and residents' requests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.models import BookingKind, OrganisationKind, Purpose
from app.services.reception import STANDARD_TAGS

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
# 常住人口 of each community, in COMMUNITIES order (the statistics' people served per 1,000).
RESIDENTS = (4860, 3920, 3510, 4380, 3150, 2760, 3640)

# The tags the registration form offers, then two the centre adds for its own care work.
TAGS = (*STANDARD_TAGS, "独居老人", "高龄老人")
# Tag ids follow TAGS; found by name, whatever the form's own list holds.
TAG_PARTY = TAGS.index("党员") + 1
TAG_DOUBLE_REPORT = TAGS.index("在职党员/双报到") + 1
TAG_VOLUNTEER = TAGS.index("志愿者") + 1
TAG_NEIGHBOUR = TAGS.index("睦邻达人") + 1
TAG_CO_OP = TAGS.index("共营达人") + 1
TAG_PLANNER = TAGS.index("草根规划师") + 1
TAG_ALONE = TAGS.index("独居老人") + 1
TAG_AGED = TAGS.index("高龄老人") + 1


@dataclass(frozen=True)
class RoomSpec:
    name: str
    capacity: int
    location: str
    facilities: str
    colour: str
    # (weekdays, 0 = Monday; opens; closes): a weekday left out is closed.
    hours: tuple[tuple[tuple[int, ...], str, str], ...]


EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)
ROOMS: tuple[RoomSpec, ...] = (
    RoomSpec(
        "多功能厅",
        80,
        "一楼",
        "投影仪、音响、无线话筒、舞台、80 把椅子",
        "#1F5FAD",
        ((EVERY_DAY, "08:30", "20:30"),),
    ),
    RoomSpec(
        "党群议事厅",
        30,
        "二楼201",
        "投影仪、会议桌、话筒、30 把椅子",
        "#B3261E",
        ((EVERY_DAY, "08:30", "20:30"),),
    ),
    RoomSpec(
        "书画室",
        20,
        "二楼202",
        "书画长桌 10 张、水池、晾画架",
        "#7A5C00",
        (((1, 2, 3, 4, 5, 6), "08:30", "17:30"),),  # closed on Mondays
    ),
    RoomSpec(
        "舞蹈房",
        25,
        "三楼301",
        "镜墙、把杆、音响、木地板",
        "#6A3D9A",
        ((EVERY_DAY, "08:00", "20:30"),),  # opens early for the morning exercise groups
    ),
    RoomSpec(
        "康养活动室",
        20,
        "一楼东侧",
        "血压计、体重秤、按摩椅、20 把椅子",
        "#2E7D32",
        (((0, 1, 2, 3, 4, 5), "08:30", "17:00"),),  # closed on Sundays
    ),
    RoomSpec(
        "亲子阅读室",
        15,
        "二楼203",
        "绘本约 2000 册、儿童桌椅、软垫",
        "#C2185B",
        (((1, 2, 3, 4, 5, 6), "09:00", "18:00"),),  # closed on Mondays
    ),
    RoomSpec(
        "会议室",
        12,
        "三楼302",
        "会议桌、电视屏、12 把椅子",
        "#00695C",
        (((0, 1, 2, 3, 4, 5), "08:30", "20:30"),),  # closed on Sundays
    ),
)
HALL, PARTY_ROOM, ART_ROOM, DANCE_ROOM, CARE_ROOM, READING_ROOM, MEETING_ROOM = range(1, 8)
# The centre's own closed days: (days from today, reason).
CLOSURES = ((-20, "全馆消毒保洁，闭馆一天"), (12, "消防设施年检，闭馆一天"))

# (name, registration: "52" 民办非企业 / "51" 社会团体 / "12" 事业单位 / None unregistered, contact,
#  kind: incubated 孵化 / introduced 引进 / partner 合作, what they provide)
ORGANISATIONS: tuple[tuple[str, str | None, str, OrganisationKind, str], ...] = (
    (
        "上海东邻社区服务社",
        "52",
        "周敏",
        OrganisationKind.INCUBATED,
        "社区营造、共营市集、草根规划师培育",
    ),
    (
        "松江区乐龄健康服务中心",
        "52",
        "陆建平",
        OrganisationKind.INTRODUCED,
        "长者健身操、慢病自我管理小组",
    ),
    (
        "新桥镇社区卫生服务中心",
        "12",
        "张医生",
        OrganisationKind.PARTNER,
        "健康讲座、中医义诊、家庭医生签约",
    ),
    (
        "东社区志愿者协会",
        "51",
        "徐卫国",
        OrganisationKind.INCUBATED,
        "志愿者招募与培训、每周六志愿者服务日",
    ),
    (
        "小美艺术工作室",
        None,
        "沈佳怡",
        OrganisationKind.INCUBATED,
        "小美艺术课堂：水彩、剪纸与手作",
    ),
    (
        "青禾社会工作服务社",
        "52",
        "顾晓雯",
        OrganisationKind.INTRODUCED,
        "助老智能手机课堂、亲子绘本阅读、四点半课堂",
    ),
    (
        "绿色家园环保公益促进中心",
        "52",
        "钱志明",
        OrganisationKind.INTRODUCED,
        "垃圾分类宣传、桶前督导培训",
    ),
    ("东社区睦邻合唱团", None, "陈美华", OrganisationKind.INCUBATED, "合唱排练与社区演出"),
    (
        "顾竹君说唱艺术中心南翔基地",
        "52",
        "顾老师",
        OrganisationKind.INTRODUCED,
        "上海说唱、沪剧进社区",
    ),
    ("五彩亲子公益发展中心", "52", "吴彩霞", OrganisationKind.PARTNER, "亲子活动、家庭教育讲座"),
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
    ORG_SHUOCHANG,
    ORG_FAMILY,
) = range(1, 11)

# The 1+7+49 deliberation platform (1 群英荟, 7 community councils, 49 working committees): rows
# of kind council after the organisations above, in this order: the 群英荟, then for each
# community its council followed by its seven committees.
PLATFORM = ("东社区群英荟", "东社区党群议事总平台：街区大事共商共议、资源统筹")
COUNCIL_PROVIDES = "居民区自治议事：协商小区公共事务，民生直通车诉求上会议定"
COMMITTEES: tuple[tuple[str, str], ...] = (
    ("环境整治工作委员会", "楼道堆物、垃圾分类、环境卫生"),
    ("平安建设工作委员会", "消防安全、治安巡逻、电动车充电"),
    ("文化体育工作委员会", "文体团队、节庆活动、健身场地"),
    ("为老服务工作委员会", "助餐助浴、独居老人探访、适老化改造"),
    ("青少年工作委员会", "假期托管、四点半课堂、青少年志愿服务"),
    ("物业管理工作委员会", "物业服务监督、停车管理、设施维修"),
    ("睦邻互助工作委员会", "邻里纠纷调解、睦邻公约、互助服务"),
)


def council_name(community: str) -> str:
    return f"{community}居民区自治理事会"


def platform_id(community_index: int | None, committee: int | None = None) -> int:
    """The organisation id of the 群英荟 (no community), a community's council (0-based
    community index) or one of its committees (0-based, in COMMITTEES order)."""
    first = len(ORGANISATIONS) + 1
    if community_index is None:
        return first
    block = first + 1 + community_index * (1 + len(COMMITTEES))
    return block if committee is None else block + 1 + committee


# Council meetings: (days from today, start, minutes, community index or None for the 群英荟,
# committee index or None for the council, title with {c} community and {m} month, requests on
# its agenda). The first has been held: its outcomes are recorded.
COUNCIL_MEETINGS: tuple[tuple[int, str, int, int | None, int | None, str, int], ...] = (
    (-12, "19:00", 90, 1, None, "{c}自治理事会{m}月议事会", 3),
    (1, "19:00", 90, 0, None, "{c}自治理事会{m}月议事会", 3),
    (3, "14:00", 90, 3, 0, "{c}环境整治专题议事会", 2),
    (8, "14:00", 120, None, None, "东社区群英荟{m}月联席议事会", 2),
    (10, "19:00", 90, 5, None, "{c}自治理事会{m}月议事会", 0),
)
# Requests raised for the councils: (category, text with {c} community, {g} building group,
# {b} building, {phone}; the decision of the meeting held; resolved by it, or still open).
COUNCIL_REQUESTS: tuple[tuple[str, str, str, bool], ...] = (
    (
        "物业管理",
        "{c}{b}号楼顶楼渗水，多次报修未修好，请联系我 {phone}。",
        "物业两周内完成屋面防水修补，维修基金列支，楼组长验收。",
        True,
    ),
    (
        "停车管理",
        "{c}电动自行车在楼道充电，存在消防隐患。",
        "在小区东门增设 20 个充电桩，楼道张贴禁充提示，每月巡查。",
        True,
    ),
    (
        "环境卫生",
        "{c}{g}楼道堆放杂物多，希望组织清理。",
        "下月第一个周六组织志愿者集中清理，下次会议听取情况后再议。",
        False,
    ),
    ("养老助老", "{c}独居老人较多，希望有人定期上门探访。", "", True),
    ("设施报修", "{c}{b}号楼单元门门禁损坏，外来人员随意进出。联系电话 {phone}", "", True),
    ("环境卫生", "{c}垃圾箱房夜间有异味，影响低层住户开窗。", "", True),
    ("邻里纠纷", "{c}{b}号楼楼上住户空调外机滴水，协商未果。", "", True),
    ("物业管理", "{c}小区绿化带被占用种菜，希望恢复绿化。", "", True),
)

# Who an item's signups come from.
ADULTS, ELDERLY, CHILDREN, PARTY, DOUBLE_REPORTERS, VOLUNTEERS, ACTIVISTS = range(7)


@dataclass(frozen=True)
class Item:
    series: str
    name: str
    description: str
    audience: str
    pool: int
    organisation: int | None = None
    volunteer: bool = False
    # The rule the desks check (ages by birth year on the session's day; 亲子: with a parent).
    min_age: int | None = None
    max_age: int | None = None
    with_parent: bool = False


ITEMS: tuple[Item, ...] = (
    Item(
        "party_community", "党员政治生日", "为当月入党的党员过政治生日，重温入党誓词", "党员", PARTY
    ),
    Item(
        "party_community",
        "在职党员双报到·垃圾分类桶前督导",
        "在职党员回社区报到，每周一小时在垃圾箱房桶前督导分类投放",
        "在职党员",
        DOUBLE_REPORTERS,
        ORG_GREEN,
        volunteer=True,
    ),
    Item(
        "party_community",
        "党课微讲堂",
        "二十分钟一堂党课，讲身边的党史故事",
        "党员及入党积极分子",
        PARTY,
    ),
    Item("party_community", "行走的党课", "走访红色地标，边走边学党史", "党员及居民", ADULTS),
    Item(
        "community",
        "睦邻议事会",
        "楼组长和居民代表议一议小区里的大事小情",
        "楼组长、居民代表",
        ACTIVISTS,
    ),
    Item(
        "community",
        "草根规划师工作坊",
        "居民一起画图、踏勘，共商社区微更新方案",
        "草根规划师、热心居民",
        ACTIVISTS,
        ORG_SERVICE,
    ),
    Item(
        "community",
        "共营市集",
        "居民共建共营的便民市集与闲置物品交换",
        "辖区居民",
        ADULTS,
        ORG_SERVICE,
    ),
    Item(
        "health_care",
        "健康讲座",
        "慢病防治、合理用药、防跌倒等健康知识",
        "60岁以上长者",
        ELDERLY,
        ORG_CLINIC,
        min_age=60,
    ),
    Item(
        "health_care",
        "中医义诊",
        "家庭医生与中医师坐诊，量血压、测血糖、把脉问诊",
        "辖区居民",
        ELDERLY,
        ORG_CLINIC,
    ),
    Item(
        "health_care",
        "长者健身操",
        "适合长者的八段锦与健身操",
        "60岁以上长者",
        ELDERLY,
        ORG_ELDERLY,
        min_age=60,
    ),
    Item(
        "health_care",
        "助老智能手机课堂",
        "手把手教长者用健康码、打车、视频通话",
        "60岁以上长者",
        ELDERLY,
        ORG_SOCIAL_WORK,
        min_age=60,
    ),
    Item(
        "culture",
        "小美艺术课堂",
        "水彩、剪纸与手作，八次课结业",
        "亲子家庭",
        CHILDREN,
        ORG_ART,
        max_age=12,
        with_parent=True,
    ),
    Item("culture", "书法班", "楷书入门与提高", "书法爱好者", ELDERLY),
    Item("culture", "合唱团", "东社区睦邻合唱团每周排练", "合唱爱好者", ELDERLY, ORG_CHOIR),
    Item(
        "culture",
        "亲子绘本阅读",
        "志愿者妈妈带孩子们读绘本",
        "3-8岁儿童及家长",
        CHILDREN,
        ORG_SOCIAL_WORK,
        min_age=3,
        max_age=8,
        with_parent=True,
    ),
    Item("civility", "垃圾分类宣传", "干湿分类小课堂与有奖问答", "辖区居民", ADULTS, ORG_GREEN),
    Item("civility", "文明楼组评比", "楼组长互评楼道环境与睦邻公约", "楼组长", ACTIVISTS),
    Item(
        "civility",
        "志愿者服务日",
        "每周六上午：楼道清洁、助老送餐、文明劝导",
        "志愿者",
        VOLUNTEERS,
        ORG_VOLUNTEERS,
        volunteer=True,
    ),
)
ITEM_IDS = {item.name: index for index, item in enumerate(ITEMS, start=1)}


@dataclass(frozen=True)
class Slot:
    """One line of the weekly timetable: an item on a weekday (0 = Monday) in a room."""

    item: str
    weekday: int
    start: dt.time
    minutes: int
    room: int
    capacity: int
    chance: float = 1.0  # some weeks skip it
    monthly: bool = False  # only in the first week of the month


def hhmm(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


TIMETABLE: tuple[Slot, ...] = (
    Slot("长者健身操", 0, hhmm("09:00"), 60, DANCE_ROOM, 25),
    Slot("合唱团", 0, hhmm("14:00"), 120, HALL, 40, 0.9),
    Slot("文明楼组评比", 0, hhmm("14:00"), 90, MEETING_ROOM, 12, 0.25),
    Slot("健康讲座", 1, hhmm("09:30"), 90, HALL, 60, 0.8),
    Slot("书法班", 1, hhmm("14:00"), 120, ART_ROOM, 20),
    Slot("在职党员双报到·垃圾分类桶前督导", 1, hhmm("18:30"), 60, MEETING_ROOM, 10),
    Slot("中医义诊", 2, hhmm("09:00"), 120, CARE_ROOM, 20),
    Slot("党课微讲堂", 2, hhmm("14:00"), 90, HALL, 60, 0.5),
    Slot("助老智能手机课堂", 3, hhmm("14:00"), 90, CARE_ROOM, 20, 0.8),
    Slot("在职党员双报到·垃圾分类桶前督导", 3, hhmm("18:30"), 60, MEETING_ROOM, 10),
    Slot("睦邻议事会", 3, hhmm("19:00"), 90, PARTY_ROOM, 25, 0.6),
    Slot("长者健身操", 4, hhmm("09:00"), 60, DANCE_ROOM, 25),
    Slot("垃圾分类宣传", 4, hhmm("10:00"), 90, HALL, 50, 0.5),
    Slot("书法班", 4, hhmm("14:00"), 120, ART_ROOM, 20),
    Slot("党员政治生日", 4, hhmm("14:00"), 90, PARTY_ROOM, 30, monthly=True),
    Slot("志愿者服务日", 5, hhmm("09:00"), 180, PARTY_ROOM, 30),
    Slot("小美艺术课堂", 5, hhmm("09:30"), 90, ART_ROOM, 16),
    Slot("草根规划师工作坊", 5, hhmm("14:00"), 120, MEETING_ROOM, 12, 0.5),
    Slot("在职党员双报到·垃圾分类桶前督导", 5, hhmm("18:30"), 60, MEETING_ROOM, 10),
    Slot("共营市集", 6, hhmm("09:00"), 150, HALL, 80, 0.5),
    Slot("亲子绘本阅读", 6, hhmm("10:00"), 60, READING_ROOM, 15),
)

# 行走的党课: one session on a weekday afternoon in the coming days, two seats left and nobody
# waiting, so that a desk volunteer can sign three residents up and see the third wait. (Its
# weekday here is a placeholder: the writer takes the first weekday from the day after tomorrow.)
WALKING_LESSON = Slot("行走的党课", 0, hhmm("14:00"), 120, PARTY_ROOM, 20)
WALKING_LESSON_FREE = 2


def item_defaults(name: str) -> tuple[int | None, int | None]:
    """An item's default (capacity, minutes): from its first line in the timetable."""
    for slot in (*TIMETABLE, WALKING_LESSON):
        if slot.item == name:
            return slot.capacity, slot.minutes
    return None, None


def weekly(slot: Slot) -> bool:
    """A timetable line held every week (a session plan); the others come now and then."""
    return slot.chance >= 1 and not slot.monthly


# Recurring bookings: (title, kind, room, weekday rule, start, minutes, organisation, count or None)
SERIES: tuple[tuple[str, str, int, str, dt.time, int, int | None, int | None], ...] = (
    ("社工站周例会", BookingKind.STAFF, MEETING_ROOM, "MO", hhmm("09:00"), 60, None, 12),
    ("太极拳晨练队", BookingKind.RESIDENT, DANCE_ROOM, "WE", hhmm("09:00"), 90, None, 12),
    (
        "乐龄健康·慢病自我管理小组",
        BookingKind.ORGANISATION,
        CARE_ROOM,
        "TH",
        hhmm("09:30"),
        90,
        ORG_ELDERLY,
        12,
    ),
    (
        "青禾四点半课堂",
        BookingKind.ORGANISATION,
        READING_ROOM,
        "TU,TH",
        hhmm("16:00"),
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
    "外出参加街道志愿服务培训，补录",
    "协助街道活动，凭活动方证明补录",
    "台风天协助物业巡查，事后补录",
    "系统停用期间的服务补录",
)
MAKE_UP_CONTENT = ("桶前督导", "助老送餐", "楼道清洁", "社区巡访", "活动现场引导")

# Volunteers' profiles: what they can do, and when. In-service members (双报到) come evenings and
# weekends; retired volunteers in the daytime.
SKILLS = (
    "助老送餐",
    "楼道清洁",
    "垃圾分类宣传",
    "文艺演出",
    "电脑维修",
    "手机使用辅导",
    "理发",
    "量血压",
    "书法",
    "摄影",
    "法律咨询",
    "心理疏导",
    "少儿课业辅导",
    "家电维修",
    "活动现场引导",
)
AVAILABILITY_WORKING = (
    "周一晚上",
    "周二晚上",
    "周三晚上",
    "周四晚上",
    "周五晚上",
    "周六上午",
    "周六全天",
    "周末",
    "周二、周四晚上",
)
AVAILABILITY_RETIRED = (
    "周一至周五上午",
    "周二、周四上午",
    "周三下午",
    "工作日下午",
    "周一、周三、周五",
    "每天上午",
    "周末上午",
    "随叫随到",
)
# 双报到: the member's workplace party organisation.
WORKPLACE_PARTY_ORGS = (
    "上海友桥电子科技有限公司党支部",
    "上海松新物流有限公司党支部",
    "上海东桥精密机械有限公司党支部",
    "上海新浜建设工程有限公司党支部",
    "上海春申塘环境卫生服务有限公司党支部",
    "上海云帆信息科技有限公司党支部",
    "上海新桥资产经营有限公司党总支",
    "上海农商银行新桥支行党支部",
    "松江区税务局机关党支部",
    "松江区市场监督管理局机关第二党支部",
    "松江区城市管理行政执法局机关党支部",
    "嘉定区规划和自然资源局机关党支部",
    "闵行区生态环境局机关党支部",
    "新桥镇人民政府机关第一党支部",
    "新桥镇社区事务受理服务中心党支部",
    "松江区中心医院内科党支部",
    "新桥中学教工党支部",
    "新桥镇中心小学党支部",
    "松江公交客运有限公司第三车队党支部",
)
# The rota: the weekly hour at each building group's bins, on a weekday evening or Saturday morning.
DUTY_NAME = "垃圾分类桶前督导"
DUTY_SLOTS = (
    (0, "18:30", "19:30"),
    (1, "18:30", "19:30"),
    (2, "18:30", "19:30"),
    (3, "18:30", "19:30"),
    (4, "18:30", "19:30"),
    (5, "07:30", "08:30"),
)
DUTY_MISSED_NOTES = ("", "", "临时加班", "出差", "身体不适，已请假", "未到岗，电话未接")
REVOKE_REASON = "获评人信息登记有误，证书收回作废"
