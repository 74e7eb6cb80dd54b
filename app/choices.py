"""The choices stored as short strings in the database (guarded by CHECK constraints), as enums.

No SQLAlchemy here: labels and table models of the interface use them before the database layer
has loaded. `app.models` re-exports them, beside the `Role` of `app.roles`.
"""

from __future__ import annotations

import enum


class Gender(enum.StrEnum):
    MALE = "M"
    FEMALE = "F"


class Purpose(enum.StrEnum):
    """来访事由, after the centre's 三务融合 (party, government and life affairs) and more."""

    PARTY_TRANSFER = "party_transfer"  # 党务: 组织关系转接
    PARTY_DUES = "party_dues"  # 党务: 党费
    PARTY_DOUBLE_REPORT = "party_double_report"  # 党务: 双报到
    GOVERNMENT = "government"  # 政务
    LIFE_SERVICE = "life_service"  # 生活服务
    ACTIVITY = "activity"  # 参加活动
    ROOM_USE = "room_use"  # 使用活动室
    REQUEST = "request"  # 民生直通车
    OTHER = "other"  # 其他


class RequestStatus(enum.StrEnum):
    OPEN = "open"
    ASSIGNED = "assigned"
    RESOLVED = "resolved"


class Satisfaction(enum.StrEnum):
    """The resident's answer to the follow-up call when their 民生直通车 request is closed."""

    SATISFIED = "satisfied"  # 满意
    BASIC = "basic"  # 基本满意
    UNSATISFIED = "unsatisfied"  # 不满意


class BookingKind(enum.StrEnum):
    ACTIVITY = "activity"  # a session of the service menu
    STAFF = "staff"  # the centre's own use (meetings, training)
    ORGANISATION = "organisation"  # a social organisation
    RESIDENT = "resident"  # residents' own group use
    COUNCIL = "council"  # a meeting of the 1+7+49 deliberation platform, with an agenda


class OrganisationKind(enum.StrEnum):
    INCUBATED = "incubated"  # 孵化
    INTRODUCED = "introduced"  # 引进
    PARTNER = "partner"  # 合作
    COUNCIL = "council"  # 群英荟, 自治理事会, 工作委员会 of the 1+7+49 platform


class ClosureKind(enum.StrEnum):
    CLOSED = "closed"  # the centre's own closed day
    HOLIDAY = (
        "holiday"  # a statutory holiday entered by the admin for a year chinese-calendar lacks
    )
    WORKDAY = "workday"  # a 调休 working day entered likewise


class AgendaOutcome(enum.StrEnum):
    RESOLVED = "resolved"  # the request is resolved by the meeting's decision
    OPEN = "open"  # still open, with the decision noted


class BookingStatus(enum.StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    REJECTED = "rejected"  # a pending request turned down by staff, with a reason


class SignupStatus(enum.StrEnum):
    SIGNED_UP = "signed_up"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


class SessionStatus(enum.StrEnum):
    """An activity session's state, derived (app.services.menu.status), never stored."""

    OPEN = "open"  # signups taken, seats left
    FULL = "full"  # every seat taken: a signup goes on the waitlist
    CLOSED = "closed"  # by hand, past the signup deadline, or begun
    CANCELLED = "cancelled"


class ServiceRecordKind(enum.StrEnum):
    SESSION = "session"  # counted from an attended volunteer session
    MAKE_UP = "make_up"  # 补录, by staff with a reason
    DUTY = "duty"  # a duty of the rota (桶前督导) marked done


class DutyStatus(enum.StrEnum):
    DONE = "done"
    MISSED = "missed"


class CertificateKind(enum.StrEnum):
    SERVICE_RECORD = "service_record"  # 志愿服务记录证明
    HONOUR = "honour"  # 荣誉证书
    COMPLETION = "completion"  # 结业证书
