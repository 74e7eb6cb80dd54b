"""The row report: every row's fate and the issues to show, and the words that tell them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import translate
from app.progress import Progress, quiet
from app.security import Actor, Permission
from app.services.roster.checks import (
    CheckedRow,
    IssueKind,
    Places,
    RowIssue,
    RowStatus,
    check_mapping,
    check_row,
)
from app.services.roster.fields import ColumnMapping
from app.services.roster.matching import match_rows
from app.services.roster.reading import RosterPreview

CHECK_STEP = 500  # rows checked between two progress reports (and chances to stop)


@dataclass(frozen=True)
class RosterReport:
    """Every row's fate, and the issues to show, in row order."""

    rows: int  # rows of people checked (empty rows are skipped)
    new: int
    matched: int
    repeated: int
    errors: int  # rows with at least one error
    issues: tuple[RowIssue, ...]
    checked: tuple[CheckedRow, ...] = field(repr=False, default=())
    gender_conflicts: int = 0  # rows whose gender contradicts their ID number (a warning)

    @property
    def valid(self) -> int:
        """Rows without errors: new people, people on file, and repeats of rows above."""
        return self.rows - self.errors

    def statuses(self) -> dict[int, RowStatus]:
        return {row.number: row.status for row in self.checked}

    def errors_of(self, row: int) -> list[RowIssue]:
        return [i for i in self.issues if i.row == row and i.kind is IssueKind.ERROR]


def validate(
    session: Session,
    actor: Actor,
    preview: RosterPreview,
    mapping: ColumnMapping,
    *,
    progress: Progress | None = None,
) -> RosterReport:
    """Check every row; nothing is written. Cancelled if `progress` is asked to stop."""
    rows, issues = check_rows(session, actor, preview, mapping, progress=progress)
    match_rows(session, rows, issues)
    return build_report(rows, issues)


def check_rows(
    session: Session,
    actor: Actor,
    preview: RosterPreview,
    mapping: ColumnMapping,
    *,
    progress: Progress | None = None,
) -> tuple[list[CheckedRow], list[RowIssue]]:
    """Every row's cells checked (not yet matched against the people on file), and the issues."""
    actor.require(Permission.IMPORT_EXPORT)
    columns = check_mapping(mapping, preview.columns)
    progress = progress or quiet()
    issues: list[RowIssue] = []
    places = Places(session)
    rows: list[CheckedRow] = []
    total = len(preview.rows)
    phrase = translate("Roster", "Checking the rows")
    for number, values in preview.rows:
        if len(rows) % CHECK_STEP == 0:
            progress.check()
            progress.report(len(rows), total, phrase)
        rows.append(check_row(number, values, columns, places, issues))
    progress.check()
    progress.report(total, total, phrase)
    return rows, issues


def build_report(rows: Sequence[CheckedRow], issues: Iterable[RowIssue]) -> RosterReport:
    """The report of rows whose fate is settled."""
    ordered = sorted(issues, key=lambda issue: issue.row)  # stable: a row keeps its column order
    count = {status: 0 for status in RowStatus}
    for row in rows:
        count[row.status] += 1
    return RosterReport(
        rows=len(rows),
        new=count[RowStatus.NEW],
        matched=count[RowStatus.MATCHED],
        repeated=count[RowStatus.REPEATED],
        errors=count[RowStatus.ERROR],
        issues=tuple(ordered),
        checked=tuple(rows),
        gender_conflicts=sum(1 for row in rows if row.id_gender is not None),
    )


def ordered_issues(report: RosterReport) -> list[RowIssue]:
    """The issues as a person reads them: errors, then warnings, then the rest, each by row."""
    rank = {IssueKind.ERROR: 0, IssueKind.WARNING: 1}
    return sorted(report.issues, key=lambda issue: rank.get(issue.kind, 2))


def issue_text(issue: RowIssue) -> str:
    """One line of the report: "Row 5 · Phone · Error: …"."""
    parts = [translate("Roster", "Row %1").replace("%1", str(issue.row))]
    if issue.field is not None:
        parts.append(issue.field_label)
    parts.append(issue_kind_label(issue.kind))
    return (
        translate("Roster", "%1: %2").replace("%1", " · ".join(parts)).replace("%2", issue.message)
    )


def report_lines(report: RosterReport, *, limit: int) -> list[str]:
    """The report for a terminal: the errors first, then the rest, at most `limit` lines."""
    ordered = ordered_issues(report)
    lines = [issue_text(issue) for issue in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(
            translate("Roster", "… and %1 more lines.").replace("%1", str(len(ordered) - limit))
        )
    return lines


def write_report(report: RosterReport, path: str | Path) -> None:
    """The whole report as a .csv (UTF-8 with a byte-order mark, for Excel)."""
    import csv

    target = Path(path)
    try:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                [
                    translate("Roster", "Row"),
                    translate("Roster", "Result"),
                    translate("Roster", "Column"),
                    translate("Roster", "Message"),
                ]
            )
            for issue in report.issues:
                writer.writerow(
                    [issue.row, issue_kind_label(issue.kind), issue.field_label, issue.message]
                )
    except OSError as error:
        raise ValidationError(
            "report",
            translate("Roster", "The report %1 can't be written: %2")
            .replace("%1", str(target))
            .replace("%2", error.strerror or str(error)),
        ) from error


def counts_text(report: RosterReport) -> str:
    """The report's counts in words."""
    text = (
        translate(
            "Roster",
            "%1 rows: %2 new, %3 already on file, %4 repeated in the file, %5 with errors.",
        )
        .replace("%1", str(report.rows))
        .replace("%2", str(report.new))
        .replace("%3", str(report.matched))
        .replace("%4", str(report.repeated))
        .replace("%5", str(report.errors))
    )
    if report.gender_conflicts:
        text = then(
            text,
            translate(
                "Roster", "%1 rows give a gender that contradicts their ID number (a warning)."
            ).replace("%1", str(report.gender_conflicts)),
        )
    return text


def then(first: str, second: str) -> str:
    """Two sentences: after a space in English, with none in Chinese."""
    return translate("Roster", "%1 %2").replace("%1", first).replace("%2", second)


def issue_kind_label(kind: IssueKind) -> str:
    labels = {
        IssueKind.ERROR: translate("Roster", "Error"),
        IssueKind.WARNING: translate("Roster", "Warning"),
        IssueKind.MATCHED: translate("Roster", "On file"),
        IssueKind.REPEATED: translate("Roster", "Repeated"),
        IssueKind.NOTE: translate("Roster", "For information"),
    }
    return labels[kind]
