"""民生直通车 over a period: received, resolved, still open, days to resolution, and the residents'
answers to the follow-up call (satisfaction) by category, community and assignee.

Days to resolution run from the request's creation to its resolution, in days with fractions
(a request resolved the next morning took about 0.8 days), over the requests resolved in the
period whenever they came in. Satisfaction counts the answers of those same requests: a request
resolved in November is November's work, whenever the follow-up call was made.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.models import Account, Community, Request, RequestStatus, Satisfaction
from app.services.statistics.area import not_filled_in
from app.services.statistics.period import Period
from app.services.statistics.rows import RequestFigures, SatisfactionBy, SatisfactionLine
from app.services.statistics.sql import seconds_between

_DAY = 86400.0


def resolved_in(period: Period) -> ColumnElement[bool]:
    return and_(
        Request.status == RequestStatus.RESOLVED.value,
        Request.resolved_at >= period.start,
        Request.resolved_at < period.end,
    )


def _median(session: Session, period: Period, count: int) -> float | None:
    """The middle of the days to resolution, read from the database (no median in SQLite)."""
    if not count:
        return None
    days = seconds_between(Request.created_at, Request.resolved_at)
    middle = (
        select(days).where(resolved_in(period)).order_by(days).offset((count - 1) // 2).limit(2)
    )
    values = [float(value) for value in session.scalars(middle)]
    if count % 2:
        return values[0] / _DAY
    return (values[0] + values[1]) / 2 / _DAY


def requests(session: Session, period: Period) -> RequestFigures:
    received = (
        session.scalar(
            select(func.count()).where(
                Request.created_at >= period.start, Request.created_at < period.end
            )
        )
        or 0
    )
    open_at_end = (
        session.scalar(
            select(func.count()).where(
                Request.created_at < period.end,
                or_(Request.resolved_at.is_(None), Request.resolved_at >= period.end),
            )
        )
        or 0
    )
    rows = session.execute(
        select(
            Request.satisfaction,
            func.count(),
            func.sum(seconds_between(Request.created_at, Request.resolved_at)),
        )
        .where(resolved_in(period))
        .group_by(Request.satisfaction)
    ).all()
    answers = {answer: 0 for answer in Satisfaction}
    unanswered = resolved = 0
    seconds = 0.0
    for answer, count, total in rows:
        resolved += count
        seconds += float(total or 0)
        if answer is None:
            unanswered += count
        else:
            answers[Satisfaction(answer)] = count
    return RequestFigures(
        received=received,
        resolved=resolved,
        open_at_end=open_at_end,
        mean_days_to_resolve=seconds / resolved / _DAY if resolved else None,
        median_days_to_resolve=_median(session, period, resolved),
        answers=answers,
        unanswered=unanswered,
    )


def _answer_sums() -> list[ColumnElement[Any]]:
    def of(answer: Satisfaction | None) -> ColumnElement[Any]:
        matches = (
            Request.satisfaction.is_(None)
            if answer is None
            else Request.satisfaction == answer.value
        )
        return func.coalesce(func.sum(case((matches, 1), else_=0)), 0)

    return [
        of(Satisfaction.SATISFIED),
        of(Satisfaction.BASIC),
        of(Satisfaction.UNSATISFIED),
        of(None),
    ]


def _lines(by: SatisfactionBy, rows: Any) -> list[SatisfactionLine]:
    return [
        SatisfactionLine(by, name or not_filled_in(), int(s), int(b), int(u), int(n))
        for name, s, b, u, n, *_ in rows
    ]


def satisfaction(session: Session, period: Period) -> list[SatisfactionLine]:
    """Of the requests resolved in the period: by category (the form's categories in their
    order, then any other typed in alphabetical order), by the community copied onto the request
    when it was recorded, as on a visit, so it stays after anonymisation (Settings' order; 未填写
    last), by assignee (by name; 未填写 last for those nobody was assigned)."""
    sums = _answer_sums()
    by_category = list(
        session.execute(
            select(Request.category, *sums).where(resolved_in(period)).group_by(Request.category)
        )
    )
    # Here, not at the top: reception imports Home, which imports these queries.
    from app.services.reception import REQUEST_CATEGORIES

    known = {name: index for index, name in enumerate(REQUEST_CATEGORIES)}
    by_category.sort(key=lambda row: (known.get(row[0], len(known)), row[0]))

    by_community = session.execute(
        select(Community.name, *sums)
        .select_from(Request)
        .outerjoin(Community, Community.id == Request.community_id)
        .where(resolved_in(period))
        .group_by(Community.id, Community.name, Community.sort_order)
        .order_by(Community.sort_order.is_(None), Community.sort_order, Community.id)
    ).all()

    assignee = aliased(Account)
    by_assignee = list(
        session.execute(
            select(assignee.display_name, *sums, assignee.id)
            .select_from(Request)
            .outerjoin(assignee, assignee.id == Request.assigned_to_id)
            .where(resolved_in(period))
            .group_by(assignee.id, assignee.display_name)
        )
    )
    # Sorted here, not by the server: PostgreSQL's collation would order names its own way.
    by_assignee.sort(key=lambda row: (row[-1] is None, row[0] or "", row[-1] or 0))
    return [
        *_lines(SatisfactionBy.CATEGORY, by_category),
        *_lines(SatisfactionBy.COMMUNITY, by_community),
        *_lines(SatisfactionBy.ASSIGNEE, by_assignee),
    ]
