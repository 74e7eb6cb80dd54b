"""Field checks shared by the services; each raises ValidationError naming its field."""

from __future__ import annotations

import re

from app.errors import ValidationError
from app.i18n import translate


def _checked(field: str, text: str, *, max_length: int, label: str, allowed: str = "") -> str:
    """`text` (already tidied) when it is filled in, short enough and free of control characters
    other than `allowed`."""
    if not text:
        raise ValidationError(field, translate("Errors", "Please fill in %1.").replace("%1", label))
    if len(text) > max_length:
        raise ValidationError(
            field,
            translate("Errors", "%1 may be at most %2 characters.")
            .replace("%1", label)
            .replace("%2", str(max_length)),
        )
    if any(ord(ch) < 32 and ch not in allowed for ch in text):
        raise ValidationError(
            field,
            translate("Errors", "%1 contains characters that can't be used.").replace("%1", label),
        )
    return text


def required_text(field: str, value: str, *, max_length: int, label: str) -> str:
    return _checked(field, " ".join(value.split()), max_length=max_length, label=label)


def optional_text(field: str, value: str, *, max_length: int, label: str) -> str:
    text = " ".join(value.split())
    if not text:
        return ""
    return required_text(field, text, max_length=max_length, label=label)


def long_text(field: str, value: str, *, max_length: int, label: str) -> str:
    """Free text that keeps its line breaks (a resident's request, what was done about it)."""
    text = "\n".join(line.strip() for line in value.replace("\r\n", "\n").split("\n")).strip()
    return _checked(field, text, max_length=max_length, label=label, allowed="\n\t")


_USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")


def username(field: str, value: str) -> str:
    name = value.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise ValidationError(
            field,
            translate(
                "Errors",
                "A user name has 2 to 32 letters, digits, '.', '_' or '-', starting with a letter "
                "or digit.",
            ),
        )
    return name


MIN_PASSWORD_LENGTH = 8


def new_password(field: str, value: str) -> str:
    if len(value) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            field,
            translate("Errors", "A password needs at least %1 characters.").replace(
                "%1", str(MIN_PASSWORD_LENGTH)
            ),
        )
    if len(value) > 128:
        raise ValidationError(
            field, translate("Errors", "A password may be at most 128 characters.")
        )
    if value.strip() != value:
        raise ValidationError(
            field, translate("Errors", "A password may not start or end with a space.")
        )
    return value
