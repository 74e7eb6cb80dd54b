"""Display names of the domain's choices, in one place for every desk (purposes, roles, statuses).

The English source strings are marked with QT_TRANSLATE_NOOP in the "Labels" context; the
functions translate them when called, so a label always follows the installed translator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from app.choices import (
    BookingKind,
    BookingStatus,
    CertificateKind,
    OrganisationKind,
    Purpose,
    SessionStatus,
    SignupStatus,
)
from app.roles import Role

_CONTEXT = "Labels"

# Marks a string for Qt Linguist and returns it unchanged (PySide6's stub says `-> object`).
QT_TRANSLATE_NOOP = cast("Callable[[str, str], str]", QtCore.QT_TRANSLATE_NOOP)

PURPOSE_NAMES: dict[Purpose, str] = {
    Purpose.PARTY_TRANSFER: QT_TRANSLATE_NOOP("Labels", "Party: membership transfer"),
    Purpose.PARTY_DUES: QT_TRANSLATE_NOOP("Labels", "Party: membership dues"),
    Purpose.PARTY_DOUBLE_REPORT: QT_TRANSLATE_NOOP("Labels", "Party: double reporting"),
    Purpose.GOVERNMENT: QT_TRANSLATE_NOOP("Labels", "Government affairs"),
    Purpose.LIFE_SERVICE: QT_TRANSLATE_NOOP("Labels", "Life services"),
    Purpose.ACTIVITY: QT_TRANSLATE_NOOP("Labels", "Activity"),
    Purpose.ROOM_USE: QT_TRANSLATE_NOOP("Labels", "Room use"),
    Purpose.REQUEST: QT_TRANSLATE_NOOP("Labels", "Resident request"),
    Purpose.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}

ROLE_NAMES: dict[Role, str] = {
    Role.DESK: QT_TRANSLATE_NOOP("Labels", "Desk volunteer"),
    Role.STAFF: QT_TRANSLATE_NOOP("Labels", "Staff"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Labels", "Administrator"),
}

ORGANISATION_KIND_NAMES: dict[OrganisationKind, str] = {
    OrganisationKind.INCUBATED: QT_TRANSLATE_NOOP("Labels", "Incubated"),  # 孵化
    OrganisationKind.INTRODUCED: QT_TRANSLATE_NOOP("Labels", "Introduced"),  # 引进
    OrganisationKind.PARTNER: QT_TRANSLATE_NOOP("Labels", "Partner"),  # 合作
    OrganisationKind.COUNCIL: QT_TRANSLATE_NOOP("Labels", "Deliberation council"),  # 议事协商
}

# Whom a room is booked for, in the order the booking editor offers them (the centre's own use
# first: the usual case and the default).
BOOKING_KIND_NAMES: dict[BookingKind, str] = {
    BookingKind.STAFF: QT_TRANSLATE_NOOP("Labels", "Centre's own use"),  # 中心自用
    BookingKind.ORGANISATION: QT_TRANSLATE_NOOP("Labels", "Social organisation"),  # 社会组织
    BookingKind.RESIDENT: QT_TRANSLATE_NOOP("Labels", "Residents' group"),  # 居民自治活动
    BookingKind.COUNCIL: QT_TRANSLATE_NOOP("Labels", "Council meeting"),  # 议事会议
    BookingKind.ACTIVITY: QT_TRANSLATE_NOOP("Labels", "Service menu activity"),  # 服务菜单活动
}

BOOKING_STATUS_NAMES: dict[BookingStatus, str] = {
    BookingStatus.PENDING: QT_TRANSLATE_NOOP("Labels", "Awaiting approval"),
    BookingStatus.CONFIRMED: QT_TRANSLATE_NOOP("Labels", "Confirmed"),
    BookingStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    BookingStatus.REJECTED: QT_TRANSLATE_NOOP("Labels", "Rejected"),
}

SIGNUP_STATUS_NAMES: dict[SignupStatus, str] = {
    SignupStatus.SIGNED_UP: QT_TRANSLATE_NOOP("Labels", "Signed up"),
    SignupStatus.WAITLISTED: QT_TRANSLATE_NOOP("Labels", "On the waitlist"),
    SignupStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}

# A service menu session's state in words (开放 / 已满 / 已截止 / 已取消): never colour alone.
SESSION_STATUS_NAMES: dict[SessionStatus, str] = {
    SessionStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open for signups"),
    SessionStatus.FULL: QT_TRANSLATE_NOOP("Labels", "Session full"),
    SessionStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Signups closed"),
    SessionStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Session cancelled"),
}

# 证书 kinds, as the register and the issue form name them.
CERTIFICATE_KIND_NAMES: dict[CertificateKind, str] = {
    CertificateKind.SERVICE_RECORD: QT_TRANSLATE_NOOP("Labels", "Service record certificate"),
    CertificateKind.HONOUR: QT_TRANSLATE_NOOP("Labels", "Honour certificate"),
    CertificateKind.COMPLETION: QT_TRANSLATE_NOOP("Labels", "Completion certificate"),
}


# A rota turn's state in words (待值班 / 已到 / 未到): never colour alone. Keys are
# app.services.volunteers.rota.TurnStatus values.
TURN_STATUS_NAMES: dict[str, str] = {
    "due": QT_TRANSLATE_NOOP("Labels", "Not marked yet"),
    "done": QT_TRANSLATE_NOOP("Labels", "Came (done)"),
    "missed": QT_TRANSLATE_NOOP("Labels", "Did not come"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def purpose_name(purpose: Purpose) -> str:
    return _tr(PURPOSE_NAMES[purpose])


def role_name(role: Role) -> str:
    return _tr(ROLE_NAMES[role])


def organisation_kind_name(kind: OrganisationKind) -> str:
    return _tr(ORGANISATION_KIND_NAMES[kind])


def booking_kind_name(kind: BookingKind) -> str:
    return _tr(BOOKING_KIND_NAMES[kind])


def booking_status_name(status: BookingStatus) -> str:
    return _tr(BOOKING_STATUS_NAMES[status])


def signup_status_name(status: SignupStatus) -> str:
    return _tr(SIGNUP_STATUS_NAMES[status])


def turn_status_name(status: str) -> str:
    return _tr(TURN_STATUS_NAMES[status])


def session_status_name(status: SessionStatus) -> str:
    return _tr(SESSION_STATUS_NAMES[status])


def certificate_kind_name(kind: CertificateKind | str) -> str:
    return _tr(CERTIFICATE_KIND_NAMES[CertificateKind(kind)])


def certificate_status_name(reprints: int, revoked: bool) -> str:
    """有效, 已补发 N 次 or 已作废: a certificate's state in words."""
    if revoked:
        return _tr(QT_TRANSLATE_NOOP("Labels", "Revoked"))
    if reprints:
        return _tr(QT_TRANSLATE_NOOP("Labels", "Reprinted %1 times")).replace("%1", str(reprints))
    return _tr(QT_TRANSLATE_NOOP("Labels", "Valid"))


def format_day(day: dt.date) -> str:
    """A day with its weekday, e.g. 3月5日 周四 / Thu 5 Mar."""
    pattern = QCoreApplication.translate("Labels", "ddd d MMM", "date with weekday, Qt format")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def format_long_day(day: dt.date) -> str:
    """A day in full, e.g. 2026年3月5日 星期四 / Thursday 5 March 2026."""
    pattern = QCoreApplication.translate("Labels", "dddd d MMMM yyyy", "full date, Qt format")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def format_time(moment: dt.datetime | dt.time) -> str:
    return QTime(moment.hour, moment.minute).toString("HH:mm")


def format_time_span(starts_at: dt.datetime, ends_at: dt.datetime) -> str:
    return f"{format_time(starts_at)}–{format_time(ends_at)}"


def format_when(starts_at: dt.datetime, ends_at: dt.datetime) -> str:
    """A day with its weekday and the times, e.g. 3月5日 周四 14:00–16:00; something over
    midnight names both days."""
    if ends_at.date() != starts_at.date() and ends_at != dt.datetime.combine(
        starts_at.date() + dt.timedelta(days=1), dt.time()
    ):
        return (
            f"{format_day(starts_at.date())} {format_time(starts_at)}–"
            f"{format_day(ends_at.date())} {format_time(ends_at)}"
        )
    return f"{format_day(starts_at.date())} {format_time_span(starts_at, ends_at)}"
