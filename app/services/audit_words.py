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
def _entities() -> dict[str, str]:
    return {
        "account": translate("Audit", "account"),
        "activity_session": translate("Audit", "activity session"),
        "agenda_item": translate("Audit", "agenda item"),
        "backup": translate("Audit", "backup"),
        "booking": translate("Audit", "room booking"),
        "building_group": translate("Audit", "building group"),
        "centre": translate("Audit", "centre profile"),
        "certificate": translate("Audit", "certificate"),
        "closure": translate("Audit", "closed day"),
        "community": translate("Audit", "community"),
        "database": translate("Audit", "database"),
        "duty": translate("Audit", "duty"),
        "organisation": translate("Audit", "organisation"),
        "person": translate("Audit", "person"),
        "request": translate("Audit", "resident request"),
        "room": translate("Audit", "room"),
        "service_item": translate("Audit", "menu item"),
        "service_record": translate("Audit", "volunteer service record"),
        "service_series": translate("Audit", "service series"),
        "session_plan": translate("Audit", "session plan"),
        "settings": translate("Audit", "settings"),
        "signup": translate("Audit", "signup"),
        "table": translate("Audit", "table"),
        "visit": translate("Audit", "visit"),
        "volunteer": translate("Audit", "volunteer"),
    }


# Verbs, by the last part of the action (`booking.move` → `move`).
def _verbs() -> dict[str, str]:
    return {
        "add_to_agenda": translate("Audit", "Put on the agenda"),
        "anonymise": translate("Audit", "Anonymise"),
        "approve": translate("Audit", "Approve"),
        "assign": translate("Audit", "Assign to someone"),
        "backup": translate("Audit", "Back up"),
        "batch_issue": translate("Audit", "Issue in a batch"),
        "cancel": translate("Audit", "Cancel"),
        "change_password": translate("Audit", "Change own password"),
        "check_in": translate("Audit", "Check in"),
        "close": translate("Audit", "Close attendance"),
        "close_signups": translate("Audit", "Close signups"),
        "create": translate("Audit", "Create"),
        "delete": translate("Audit", "Delete"),
        "delete_make_up": translate("Audit", "Delete make-up hours"),
        "disable": translate("Audit", "Disable"),
        "duty_assigned": translate("Audit", "Assign to a duty"),
        "duty_assignment_ended": translate("Audit", "End a duty assignment"),
        "duty_created": translate("Audit", "Create a duty"),
        "duty_marked": translate("Audit", "Mark a duty turn"),
        "duty_updated": translate("Audit", "Change a duty"),
        "enable": translate("Audit", "Enable"),
        "enrol": translate("Audit", "Enrol"),
        "export": translate("Audit", "Export"),
        "follow_up": translate("Audit", "Follow up"),
        "import": translate("Audit", "Import"),
        "import_part": translate("Audit", "Import"),
        "issue": translate("Audit", "Issue a certificate"),
        "lock": translate("Audit", "Account locked"),
        "login": translate("Audit", "Log in"),
        "login_failed": translate("Audit", "Failed login"),
        "make_up": translate("Audit", "Make-up hours"),
        "merge": translate("Audit", "Merge"),
        "move": translate("Audit", "Move"),
        "note": translate("Audit", "Add a note"),
        "open_signups": translate("Audit", "Open signups"),
        "override": translate("Audit", "Book over a conflict"),
        "promote": translate("Audit", "Promote from the waitlist"),
        "record_outcome": translate("Audit", "Record the outcome"),
        "remove": translate("Audit", "Remove"),
        "remove_from_agenda": translate("Audit", "Take off the agenda"),
        "reopen": translate("Audit", "Reopen attendance"),
        "reorder": translate("Audit", "Reorder"),
        "reorder_agenda": translate("Audit", "Reorder the agenda"),
        "reject": translate("Audit", "Reject"),
        "reprint": translate("Audit", "Reprint"),
        "reset_password": translate("Audit", "Reset password"),
        "resolve": translate("Audit", "Resolve"),
        "restore": translate("Audit", "Restore a backup"),
        "revoke": translate("Audit", "Revoke"),
        "tick": translate("Audit", "Mark present"),
        "undo_check_in": translate("Audit", "Undo a check-in"),
        "unlock": translate("Audit", "Unlock"),
        "untick": translate("Audit", "Mark not present"),
        "update": translate("Audit", "Change"),
        "walk_in": translate("Audit", "Add a walk-in"),
    }


def _person_fields() -> dict[str, str]:
    return {
        "name": translate("Audit", "name"),
        "gender": translate("Audit", "gender"),
        "birth_year": translate("Audit", "birth year"),
        "phone": translate("Audit", "phone"),
        "id_number": translate("Audit", "ID number"),
        "community_id": translate("Audit", "community"),
        "building_group_id": translate("Audit", "building group"),
        "address": translate("Audit", "address"),
        "consent": translate("Audit", "consent"),
        "note": translate("Audit", "note"),
        "tags": translate("Audit", "tags"),
    }


def action_label(action: str) -> str:
    """The verb of `action` in words: 登录, 导出, 移动 …"""
    return _verbs().get(action.rsplit(".", 1)[-1], action)


def entity_label(entity: str) -> str:
    return _entities().get(entity, entity)


def actions() -> list[tuple[str, str]]:
    """The actions a filter offers: (stored verb, words), in the order of the words."""
    return sorted(_verbs().items(), key=lambda pair: pair[1])


def entities() -> list[tuple[str, str]]:
    return sorted(_entities().items(), key=lambda pair: pair[1])


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
    text = (
        translate("Audit", "%1 %2")
        .replace("%1", action_label(action))
        .replace("%2", entity_label(entity))
    )
    if entity_id is not None:
        text += translate("Audit", " no. %1").replace("%1", str(entity_id))
    name = detail.get("name") or detail.get("title") or detail.get("serial")
    if isinstance(name, str) and name:
        text += translate("Audit", ": %1").replace("%1", name)
    return text


def _login_failed(_entity: str, detail: dict[str, Any]) -> str:
    name = str(detail.get("username", ""))
    if detail.get("locked"):
        return translate("Audit", "Failed login as %1 (the account is locked)").replace("%1", name)
    if detail.get("attempt"):
        return (
            translate("Audit", "Failed login as %1 (wrong password %2 times in a row)")
            .replace("%1", name)
            .replace("%2", str(detail["attempt"]))
        )
    return translate("Audit", "Failed login as %1").replace("%1", name)


def _lock(_entity: str, detail: dict[str, Any]) -> str:
    return (
        translate("Audit", "Account %1 locked until %2 after too many wrong passwords")
        .replace("%1", str(detail.get("username", "")))
        .replace("%2", _time(detail.get("until")))
    )


def _unlock(_entity: str, detail: dict[str, Any]) -> str:
    return translate("Audit", "Unlocked account %1").replace("%1", str(detail.get("username", "")))


def _login(_entity: str, _detail: dict[str, Any]) -> str:
    return translate("Audit", "Logged in")


def _export(entity: str, detail: dict[str, Any]) -> str:
    what = str(detail.get("title") or entity_label(entity))
    text = (
        translate("Audit", "Exported %1: %2 rows to %3")
        .replace("%1", what)
        .replace("%2", str(detail.get("rows", "?")))
        .replace("%3", str(detail.get("file", "")))
    )
    if detail.get("full"):
        return text + translate("Audit", " (with whole phone and ID numbers)")
    return text + translate("Audit", " (numbers masked)")


def _update(entity: str, detail: dict[str, Any]) -> str:
    idle = detail.get("idle_lock_minutes")
    if entity == "settings" and isinstance(idle, list) and len(idle) == 2:
        return (
            translate("Audit", "Changed the idle lock of every desk from %1 to %2 minutes")
            .replace("%1", str(idle[0]))
            .replace("%2", str(idle[1]))
        )
    fields = detail.get("fields")
    if entity != "person" or not isinstance(fields, list):
        return ""
    known = _person_fields()
    names = [known.get(str(f), str(f)) for f in fields]
    return translate("Audit", "Changed a person: %1").replace(
        "%1", translate("Audit", ", ").join(names)
    )


def _hours(value: object) -> str:
    """2 for "2.0", 1.5 for "1.50": hours as a person writes them."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value or "")
    return f"{number.normalize():f}"


def _make_up(_entity: str, detail: dict[str, Any]) -> str:
    return (
        translate("Audit", "Made up %1 hours on %2: %3 (reason: %4)")
        .replace("%1", _hours(detail.get("hours", "")))
        .replace("%2", str(detail.get("day", "")))
        .replace("%3", str(detail.get("content", "")))
        .replace("%4", str(detail.get("reason", "")))
    )


def _issue(_entity: str, detail: dict[str, Any]) -> str:
    return (
        translate("Audit", "Issued certificate %1: %2")
        .replace("%1", str(detail.get("serial", "")))
        .replace("%2", str(detail.get("title", "")))
    )


def _revoke(_entity: str, detail: dict[str, Any]) -> str:
    return (
        translate("Audit", "Revoked certificate %1 (reason: %2)")
        .replace("%1", str(detail.get("serial", "")))
        .replace("%2", str(detail.get("reason", "")))
    )


def _restore(_entity: str, detail: dict[str, Any]) -> str:
    name = str(detail.get("file") or detail.get("backup") or "")
    return translate("Audit", "Restored the backup %1").replace("%1", name).strip()


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
