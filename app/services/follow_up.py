"""回访: the resident's answer to the follow-up call once their 民生直通车 request is closed —
满意 (satisfied), 基本满意 (basically satisfied) or 不满意 (not satisfied) — for the satisfaction
figures by category, community and assignee (社区群众评优).

The answer is recorded with the closing when the resident is asked at once
(`reception.resolve_request(..., answer=...)`), or later, after the call, on the resolved request
(`reception.record_follow_up`). The rules, the same both ways:
- only a resolved request has a follow-up answer (ConflictError otherwise);
- the answer is one of the three (ValidationError on "satisfaction");
- a note is optional, except with 不满意: then it says what the resident is not satisfied with,
  so that someone can act on it and the figures can be explained (ValidationError on
  "satisfaction_note");
- who and when come from the acting account and the program's clock; a later call may correct
  the answer, and the audit log keeps what it was;
- everything is checked before anything is written, in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import clock, validation
from app.choices import Satisfaction
from app.errors import ConflictError, ValidationError
from app.i18n import translate
from app.models import Request, RequestStatus
from app.security import Actor
from app.services import audit

NOTE_MAX_LENGTH = 500


@dataclass(frozen=True)
class Answer:
    """A checked answer: one of the three, and the note (may be "" unless not satisfied)."""

    satisfaction: Satisfaction
    note: str = ""


def check(satisfaction: Satisfaction | str | None, note: str = "") -> Answer:
    """The answer as given, checked (ValidationError naming the field otherwise)."""
    try:
        chosen = Satisfaction(satisfaction) if satisfaction is not None else None
    except ValueError:
        chosen = None
    if chosen is None:
        raise ValidationError(
            "satisfaction",
            translate(
                "Errors",
                "Choose the resident's answer: satisfied, basically satisfied or not satisfied.",
            ),
        )
    text = ""
    if note.strip():
        text = validation.long_text(
            "satisfaction_note",
            note,
            max_length=NOTE_MAX_LENGTH,
            label=translate("Errors", "the note on the answer"),
        )
    if chosen is Satisfaction.UNSATISFIED and not text:
        raise ValidationError(
            "satisfaction_note",
            translate(
                "Errors",
                "Write down what the resident is not satisfied with, so that someone can act on "
                "it.",
            ),
        )
    return Answer(chosen, text)


def write(session: Session, actor: Actor, request: Request, answer: Answer) -> None:
    """Keep `answer` on the resolved `request`, with who and when; audited."""
    if request.status != RequestStatus.RESOLVED.value:
        raise ConflictError(
            translate(
                "Errors",
                "The follow-up answer is recorded once the request is resolved.",
            )
        )
    before = request.satisfaction
    request.satisfaction = answer.satisfaction.value
    request.satisfaction_note = answer.note
    request.followed_up_at = clock.now()
    request.followed_up_by_id = actor.account_id
    audit.record(
        session,
        actor,
        "follow_up",
        "request",
        request.id,
        satisfaction=[before, answer.satisfaction.value] if before else answer.satisfaction.value,
        note=bool(answer.note),
    )
