"""The audit log in words: what an admin reads in Settings → 操作日志 and in its export.

An event is stored as an action (`login`, `export`, `booking.move` …), the kind of object
(`account`, `person` …), its id and a JSON detail; here each becomes a short sentence in the
interface language (登录失败：用户名 desk（连续第 3 次）; 修改居民档案：电话、住址). An action this
table doesn't know yet still reads as its verb and object.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from app.i18n import translate

# Object kinds, as stored in `audit_event.entity`.
_ENTITIES = {
    "account": "account",
    "activity_session": "activity session",
    "agenda_item": "agenda item",
    "backup": "backup",
    "booking": "room booking",
    "building_group": "building group",
    "centre": "centre profile",
    "certificate": "certificate",
    "closure": "closed day",
    "community": "community",
    "database": "database",
    "duty": "duty",
    "organisation": "organisation",
    "person": "person",
    "request": "resident request",
    "room": "room",
    "service_item": "menu item",
    "service_record": "volunteer service record",
    "service_series": "service series",
    "session_plan": "session plan",
    "settings": "settings",
    "signup": "signup",
    "table": "table",
    "visit": "visit",
    "volunteer": "volunteer",
}

# Verbs, by the last part of the action (`booking.move` → `move`).
_VERBS = {
    "add_to_agenda": "Put on the agenda",
    "anonymise": "Anonymise",
    "approve": "Approve",
    "assign": "Assign to someone",
    "backup": "Back up",
    "batch_issue": "Issue in a batch",
    "cancel": "Cancel",
    "change_password": "Change own password",
    "check_in": "Check in",
    "close": "Close attendance",
    "close_signups": "Close signups",
    "create": "Create",
    "delete": "Delete",
    "delete_make_up": "Delete make-up hours",
    "disable": "Disable",
    "duty_assigned": "Assign to a duty",
    "duty_assignment_ended": "End a duty assignment",
    "duty_created": "Create a duty",
    "duty_marked": "Mark a duty turn",
    "duty_updated": "Change a duty",
    "enable": "Enable",
    "enrol": "Enrol",
    "export": "Export",
    "follow_up": "Follow up",
    "import": "Import",
    "import_part": "Import",
    "issue": "Issue a certificate",
    "lock": "Account locked",
    "login": "Log in",
    "login_failed": "Failed login",
    "make_up": "Make-up hours",
    "merge": "Merge",
    "move": "Move",
    "note": "Add a note",
    "open_signups": "Open signups",
    "override": "Book over a conflict",
    "promote": "Promote from the waitlist",
    "record_outcome": "Record the outcome",
    "remove": "Remove",
    "remove_from_agenda": "Take off the agenda",
    "reopen": "Reopen attendance",
    "reorder": "Reorder",
    "reorder_agenda": "Reorder the agenda",
    "reject": "Reject",
    "reprint": "Reprint",
    "reset_password": "Reset password",
    "resolve": "Resolve",
    "restore": "Restore a backup",
    "revoke": "Revoke",
    "tick": "Mark present",
    "undo_check_in": "Undo a check-in",
    "unlock": "Unlock",
    "untick": "Mark not present",
    "update": "Change",
    "walk_in": "Add a walk-in",
}

_PERSON_FIELDS = {
    "name": "name",
    "gender": "gender",
    "birth_year": "birth year",
    "phone": "phone",
    "id_number": "ID number",
    "community_id": "community",
    "building_group_id": "building group",
    "address": "address",
    "consent": "consent",
    "note": "note",
    "tags": "tags",
}


def _tr(text: str) -> str:
    return translate("Audit", text)


def action_label(action: str) -> str:
    """The verb of `action` in words: 登录, 导出, 移动 …"""
    verb = action.rsplit(".", 1)[-1]
    known = _VERBS.get(verb)
    return _tr(known) if known else action


def entity_label(entity: str) -> str:
    known = _ENTITIES.get(entity)
    return _tr(known) if known else entity


def actions() -> list[tuple[str, str]]:
    """The actions a filter offers: (stored verb, words), in the order of the words."""
    return sorted(((verb, _tr(text)) for verb, text in _VERBS.items()), key=lambda p: p[1])


def entities() -> list[tuple[str, str]]:
    return sorted(((key, _tr(text)) for key, text in _ENTITIES.items()), key=lambda p: p[1])


def parse_detail(detail: str) -> dict[str, Any]:
    if not detail:
        return {}
    try:
        value = json.loads(detail)
    except ValueError:
        return {"text": detail}
    return value if isinstance(value, dict) else {"text": str(value)}


def _time(value: object) -> str:
    text = str(value or "")
    return text[11:16] if len(text) >= 16 else text


def describe(action: str, entity: str, entity_id: int | None, detail: dict[str, Any]) -> str:
    """One sentence saying what happened, for an admin reading the log."""
    verb = action.rsplit(".", 1)[-1]
    special = _SPECIAL.get(verb)
    if special is not None:
        said = special(entity, detail)
        if said:
            return said
    text = _tr("%1 %2").replace("%1", action_label(action)).replace("%2", entity_label(entity))
    if entity_id is not None:
        text += _tr(" no. %1").replace("%1", str(entity_id))
    name = detail.get("name") or detail.get("title") or detail.get("serial")
    if isinstance(name, str) and name:
        text += _tr(": %1").replace("%1", name)
    return text


def _login_failed(_entity: str, detail: dict[str, Any]) -> str:
    name = str(detail.get("username", ""))
    if detail.get("locked"):
        return _tr("Failed login as %1 (the account is locked)").replace("%1", name)
    if detail.get("attempt"):
        return (
            _tr("Failed login as %1 (wrong password %2 times in a row)")
            .replace("%1", name)
            .replace("%2", str(detail["attempt"]))
        )
    return _tr("Failed login as %1").replace("%1", name)


def _lock(_entity: str, detail: dict[str, Any]) -> str:
    return (
        _tr("Account %1 locked until %2 after too many wrong passwords")
        .replace("%1", str(detail.get("username", "")))
        .replace("%2", _time(detail.get("until")))
    )


def _unlock(_entity: str, detail: dict[str, Any]) -> str:
    return _tr("Unlocked account %1").replace("%1", str(detail.get("username", "")))


def _login(_entity: str, _detail: dict[str, Any]) -> str:
    return _tr("Logged in")


def _export(entity: str, detail: dict[str, Any]) -> str:
    what = str(detail.get("title") or entity_label(entity))
    text = (
        _tr("Exported %1: %2 rows to %3")
        .replace("%1", what)
        .replace("%2", str(detail.get("rows", "?")))
        .replace("%3", str(detail.get("file", "")))
    )
    if detail.get("full"):
        return text + _tr(" (with whole phone and ID numbers)")
    return text + _tr(" (numbers masked)")


def _update(entity: str, detail: dict[str, Any]) -> str:
    idle = detail.get("idle_lock_minutes")
    if entity == "settings" and isinstance(idle, list) and len(idle) == 2:
        return (
            _tr("Changed the idle lock of every desk from %1 to %2 minutes")
            .replace("%1", str(idle[0]))
            .replace("%2", str(idle[1]))
        )
    fields = detail.get("fields")
    if entity != "person" or not isinstance(fields, list):
        return ""
    names = [_tr(_PERSON_FIELDS.get(str(f), str(f))) for f in fields]
    return _tr("Changed a person: %1").replace("%1", _tr(", ").join(names))


def _hours(value: object) -> str:
    """2 for "2.0", 1.5 for "1.50": hours as a person writes them."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value or "")
    return f"{number.normalize():f}"


def _make_up(_entity: str, detail: dict[str, Any]) -> str:
    return (
        _tr("Made up %1 hours on %2: %3 (reason: %4)")
        .replace("%1", _hours(detail.get("hours", "")))
        .replace("%2", str(detail.get("day", "")))
        .replace("%3", str(detail.get("content", "")))
        .replace("%4", str(detail.get("reason", "")))
    )


def _issue(_entity: str, detail: dict[str, Any]) -> str:
    return (
        _tr("Issued certificate %1: %2")
        .replace("%1", str(detail.get("serial", "")))
        .replace("%2", str(detail.get("title", "")))
    )


def _revoke(_entity: str, detail: dict[str, Any]) -> str:
    return (
        _tr("Revoked certificate %1 (reason: %2)")
        .replace("%1", str(detail.get("serial", "")))
        .replace("%2", str(detail.get("reason", "")))
    )


def _restore(_entity: str, detail: dict[str, Any]) -> str:
    name = str(detail.get("file") or detail.get("backup") or "")
    return _tr("Restored the backup %1").replace("%1", name).strip()


_SPECIAL = {
    "login": _login,
    "login_failed": _login_failed,
    "lock": _lock,
    "unlock": _unlock,
    "export": _export,
    "update": _update,
    "make_up": _make_up,
    "issue": _issue,
    "revoke": _revoke,
    "restore": _restore,
}
