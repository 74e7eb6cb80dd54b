"""The few errors services raise; the UI turns each into an inline message or a dialog."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a user may see; `message` is already in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input in one field; `field` names it so the form can show the message beside it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ConflictError(DomainError):
    """The change collides with data already there (a duplicate, a double booking, …)."""


class PermissionDenied(DomainError):
    """The acting account's role may not do this."""


class NotFound(DomainError):
    """The record asked for does not exist (any more)."""


class DatabaseProblem(DomainError):
    """The database can't be used as it is (unreachable, newer than the program, read-only)."""
